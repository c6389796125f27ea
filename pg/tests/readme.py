"""Runs the README's event-log block verbatim (extracted from pg/README.md),
then a request's life through its trigger and the README's due-soon query."""

from __future__ import annotations

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pg import json_lines, lit, psql  # noqa: E402

README = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "README.md")
MARK = "<!-- pg/tests/readme.py runs this block"


def blocks() -> list[str]:
    text = open(README, encoding="utf-8").read()
    found = re.findall(re.escape(MARK) + r"[^\n]*-->\n```sql\n(.*?)```", text, re.S)
    if len(found) != 2:
        sys.exit(f"expected 2 marked sql blocks in pg/README.md, found {len(found)}")
    return found


def main() -> int:
    setup, due_soon = blocks()
    psql("DROP TABLE IF EXISTS request_event;")
    psql(setup)  # verbatim
    print("README event-log block: ran verbatim")

    now = psql("SELECT t.z(now())").strip()
    reg = {
        "kind": "register", "at": now, "actor": {"id": "op-1", "role": "operator"},
        "channel": "tracker", "reason": "software_failure", "description": "The invoice form hangs",
        "conditions": "Sales > Invoices, Save", "priority": "critical", "category": "incident",
    }
    # a request registered now: a critical incident's response is due within the hour
    # (when now is working time; otherwise nothing is due within the hour)
    psql(f"INSERT INTO request_event (request_id, event) VALUES ('REQ-1', {lit(reg)});")
    psql(f"INSERT INTO request_event (request_id, event) VALUES ('REQ-2', {lit(reg | {'priority': 'low', 'category': 'consultation'})});")
    row = json_lines(psql("SELECT row_to_json(r) FROM request_event r WHERE request_id = 'REQ-1'"))[0]
    assert row["seq"] == 1 and row["outcome"]["accepted"] is True and row["outcome"]["status"] == "backlog", row
    # a refused event: not stored, SQLSTATE 23514 with the clause
    archive = {"kind": "archive", "at": now, "actor": {"id": "op-1", "role": "operator"}}
    r = json_lines(psql(f"SELECT t.try($q$INSERT INTO request_event (request_id, event) VALUES ('REQ-1', {lit(archive)})$q$)"))[0]
    assert r.get("sqlstate") == "23514", r
    assert json.loads(r["detail"])["clause"] and r["hint"].startswith("пункт "), r
    n = psql("SELECT count(*) FROM request_event WHERE request_id = 'REQ-1'").strip()
    assert n == "1", n
    # UPDATE and DELETE are refused
    for q in ("UPDATE request_event SET event = event", "DELETE FROM request_event"):
        r = json_lines(psql(f"SELECT t.try($q${q}$q$)"))[0]
        assert r.get("sqlstate") == "23514", (q, r)

    # the due-soon query, verbatim
    out = psql(due_soon)
    ids = [line.split("|")[0] for line in out.splitlines() if line]
    working = psql("SELECT reglament.is_working(now())").strip() == "t"
    due1 = psql("SELECT (reglament.clocks(jsonb_agg(event ORDER BY seq), now())->'response'->>'due_at')::timestamptz <= now() + interval '1 hour' "
                "FROM request_event WHERE request_id = 'REQ-1'").strip() == "t"
    want = ["REQ-1"] if due1 else []
    assert ids == want, (ids, want, working)
    print(f"README due-soon query: {ids} (now is {'working' if working else 'not working'} time)")
    # the same query at a fixed instant: Monday 2026-03-02 10:00 Kyiv, a critical
    # incident registered at 09:45 is due (10:15) within the hour, a low consultation is not
    fixed = due_soon.replace("now()", "'2026-03-02T08:00:00Z'::timestamptz")
    psql("CREATE TEMP TABLE keep AS SELECT * FROM request_event; ALTER TABLE request_event DISABLE TRIGGER USER; "
         "DELETE FROM request_event; ALTER TABLE request_event ENABLE TRIGGER USER;")
    at = "2026-03-02T09:45:00+02:00"
    psql(f"INSERT INTO request_event (request_id, event) VALUES ('REQ-3', {lit(reg | {'at': at})});")
    psql(f"INSERT INTO request_event (request_id, event) VALUES ('REQ-4', {lit(reg | {'at': at, 'priority': 'low', 'category': 'consultation'})});")
    ids = [line.split("|")[0] for line in psql(fixed).splitlines() if line]
    assert ids == ["REQ-3"], ids
    print("README due-soon query at 2026-03-02 10:00 Kyiv: ['REQ-3']")
    return 0


if __name__ == "__main__":
    sys.exit(main())
