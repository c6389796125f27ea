"""Hostile inputs at every function.

1. The bad-input catalogue (tests/bad_input/, format in its README):
   - calendar.json: every case through every function that takes a
     calendar (reglament.calendar, add, sub, elapsed, is_working,
     next_working, add_working_days);
   - regulation.json: every case as the regulation of reglament.replay()
     and as the regulation argument of the trigger (raw text, not jsonb);
   - event.json: every case through reglament.check_event() after its
     history and through the trigger after the history is stored.
   Each gives the catalogue's answer: accepted ("ok"), the refusal (code,
   clause, field), or an SQL error 22023 whose DETAIL carries the error's
   code and field (the field under the argument: `calendar.`,
   `regulation.`, `event.`). A case whose text PostgreSQL's own jsonb
   parser rejects (22P02, 54001) never reaches the extension; it must be
   one the catalogue calls invalid JSON. Invalid UTF-8 (`hex` cases) is
   refused by the server on input (22021) before any function runs.
2. Hostile values at the other arguments (instants at ±infinity and the
   ends of timestamptz, durations at the ends of bigint, days and years at
   the ends of int, unknown modes, events that are not arrays, huge and deep
   documents).

No case may crash a backend: run-tests.sh checks the server log afterwards.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUE = os.path.join(HERE, "..", "..", "tests", "bad_input")
sys.path.insert(0, HERE)
from pg import json_lines, lit, psql  # noqa: E402

# Where a jsonb argument's normal form changes the answer, per case name:
# why, and the answer the jsonb path gives instead. (The trigger reads its
# regulation argument as text and gives the catalogue's answer.)
JSONB_DIFFERS: dict[str, tuple[str, object]] = {
    "sla-update-interval-exponent": (
        "jsonb stores numbers as numeric: 3.6e3 reads back as 3600, an integer", "ok"),
}
# Cases PostgreSQL's jsonb cannot hold at all (22P05: U+0000 is refused on
# input), so they never reach the extension, whatever their expectation.
NOT_IN_JSONB: list[str] = []


def load(name: str) -> dict:
    with open(os.path.join(CATALOGUE, name), encoding="utf-8") as f:
        return json.load(f)


def case_text(case: dict, base) -> str | None:
    """The case's input as text (None for invalid UTF-8)."""
    if "text" in case:
        return case["text"]
    if "text_repeat" in case:
        return "".join(unit * n for unit, n in case["text_repeat"])
    if "hex" in case:
        return None
    doc = copy.deepcopy(base)
    raws = []
    for e in case.get("edits", []):
        if "raw" in e:
            value = f"\u0000raw{len(raws)}\u0000"
            raws.append((json.dumps(value), e["raw"]))
        elif "repeat" in e:
            value = e["repeat"] * e["times"]
        else:
            value = e.get("value")
        *parents, last = e["at"]
        node = doc
        for step in parents:
            node = node[step]
        if e.get("remove"):
            del node[last]
        else:
            node[last] = value
    text = json.dumps(doc, ensure_ascii=False)
    for mark, raw in raws:
        text = text.replace(mark, raw, 1)
    return text


def expectation(case: dict):
    """The catalogue's answer (the Rust face's, which reads text as we do)."""
    over = case.get("faces", {}).get("rust")
    if over and "skip" in over:
        return None
    if over and case["expect"] != "ok":
        return {**case["expect"], **over}
    return over or case["expect"]


def under(prefix: str, field):
    if field is None:
        return prefix
    return f"{prefix}{field}" if field.startswith("[") else f"{prefix}.{field}"


def judge(name: str, expect, r: dict, prefix: str, *, refusal_of=None) -> str | None:
    """None when the SQL answer `r` (of t.try) is the expected one, else why not."""
    if r.get("sqlstate") == "22P05" and "\\u0000" in (r.get("detail") or ""):
        NOT_IN_JSONB.append(name)
        return None
    if r.get("sqlstate") in ("22P02", "54001"):  # PostgreSQL's jsonb parser refused the text
        if isinstance(expect, dict) and expect.get("code") == "invalid_json":
            return None
        return f"PostgreSQL refused the text ({r.get('sqlstate')}: {r.get('message')}), expected {expect}"
    if expect == "ok":
        if "ok" in r:
            if refusal_of is not None and refusal_of(r) is not None:
                return f"expected acceptance, got the refusal {refusal_of(r)}"
            return None
        return f"expected acceptance, got {r}"
    if "refusal" in expect:
        got = refusal_of(r) if refusal_of else None
        want = {"code": expect["refusal"], "clause": expect["clause"], "field": expect["field"]}
        if got != want:
            return f"expected the refusal {want}, got {got or r}"
        return None
    if r.get("sqlstate") != "22023":
        return f"expected 22023 {expect}, got {r}"
    d = json.loads(r["detail"])
    if d.get("code") != expect["code"] or d.get("field") != under(prefix, expect["field"]):
        return f"expected {expect['code']} at {under(prefix, expect['field'])}, got {d.get('code')} at {d.get('field')}: {d.get('message')}"
    if expect.get("message", "") not in d.get("message", ""):
        return f"expected a message with {expect['message']!r}, got {d.get('message')!r}"
    return None


CAL_CALLS = {
    "calendar": "SELECT reglament.calendar({c})::text",
    "add": "SELECT reglament.add('2026-03-30T09:00:00Z', 3600, {c})::text",
    "sub": "SELECT reglament.sub('2026-03-30T09:00:00Z', 3600, {c})::text",
    "elapsed": "SELECT reglament.elapsed('2026-03-27T09:00:00Z', '2026-03-30T09:00:00Z', {c})::text",
    "is_working": "SELECT reglament.is_working('2026-03-30T09:00:00Z', {c})::text",
    "next_working": "SELECT reglament.next_working('2026-03-30T09:00:00Z', {c})::text",
    "add_working_days": "SELECT reglament.add_working_days('2026-03-30T09:00:00Z', 2, {c})::text",
}


def calendars(failures: list[str]) -> int:
    cat = load("calendar.json")
    lines, plan = [], []
    for case in cat["cases"]:
        expect, text = expectation(case), case_text(case, cat["base"])
        if expect is None or text is None:
            continue
        for fn, call in CAL_CALLS.items():
            sql = call.format(c=lit(text) + "::jsonb")
            tag = f"{case['name']}|{fn}"
            plan.append((tag, expect, fn))
            lines.append(f"SELECT json_build_object('tag', {lit(tag)}, 'r', t.try({lit(sql)}))::text;")
    got = {g["tag"]: g["r"] for g in json_lines(psql("\n".join(lines)))}
    for tag, expect, fn in plan:
        r = got[tag]
        if expect == "ok" and fn != "calendar" and r.get("sqlstate") == "22023":
            # a valid calendar may still have no working time or range for the call
            if json.loads(r["detail"])["code"] in ("no_working_time", "out_of_range"):
                continue
        why = judge(tag, expect, r, "calendar")
        if why:
            failures.append(f"calendar {tag}: {why}")
    return len(plan)


def regulations(failures: list[str]) -> int:
    cat = load("regulation.json")
    lines, plan = [], []
    for i, case in enumerate(cat["cases"]):
        expect, text = expectation(case), case_text(case, cat["base"])
        if expect is None or text is None:
            continue
        tag = case["name"]
        sql = f"SELECT reglament.replay('[]', {lit(text)}::jsonb)::text"
        plan.append((f"{tag}|replay", JSONB_DIFFERS.get(tag, (None, expect))[1]))
        lines.append(f"SELECT json_build_object('tag', {lit(tag + '|replay')}, 'r', t.try({lit(sql)}))::text;")
        # the trigger reads its regulation argument as text (serde, like the other faces)
        table = f"t.reg{i}"
        lines.append(f"CREATE TABLE {table} (request_id text, seq int, event jsonb);")
        lines.append("DO $$ BEGIN EXECUTE format('CREATE TRIGGER e BEFORE INSERT ON " + table
                     + " FOR EACH ROW EXECUTE FUNCTION reglament.enforce(%L, %L, %L, %L, %L)', 'request_id', 'seq', 'event', '', "
                     + lit(text) + "); END $$;")
        ins = (f"INSERT INTO {table} VALUES ('T', NULL, "
               "'{\"kind\":\"comment\",\"text\":\"x\",\"at\":\"2026-03-02T10:00:00Z\",\"actor\":{\"id\":\"u\",\"role\":\"user\"}}') RETURNING 1")
        if text.strip():  # a blank regulation argument means the default (pg/README.md)
            plan.append((f"{tag}|trigger", expect))
            lines.append(f"SELECT json_build_object('tag', {lit(tag + '|trigger')}, 'r', t.try({lit(ins)}))::text;")
        lines.append(f"DROP TABLE {table};")
    got = {g["tag"]: g["r"] for g in json_lines(psql("\n".join(lines)))}
    for tag, expect in plan:
        r = got[tag]
        if tag.endswith("|trigger") and expect == "ok":
            # a comment before registration: the regulation was read, the event refused
            if r.get("sqlstate") == "23514" and json.loads(r["detail"])["code"] == "not_registered":
                continue
        why = judge(tag, expect, r, "regulation")
        if why:
            failures.append(f"regulation {tag}: {why}")
    return len(plan)


def events(failures: list[str]) -> int:
    cat = load("event.json")
    reg = "NULL" if cat["regulation"] is None else f"reglament.regulation({lit(cat['regulation'])}::jsonb)"
    lines, plan = [], []
    for i, case in enumerate(cat["cases"]):
        expect, text = expectation(case), case_text(case, cat["bases"][case["base"]])
        if expect is None or text is None:
            continue
        history = cat["histories"][case["history"]]
        tag = case["name"]
        sql = f"SELECT reglament.check_event({lit(history)}::jsonb, {lit(text)}::jsonb, {reg})::text"
        plan.append((f"{tag}|check_event", expect))
        lines.append(f"SELECT json_build_object('tag', {lit(tag + '|check_event')}, 'r', t.try({lit(sql)}))::text;")
        rid = f"bad-{i}"
        for h in history:
            lines.append(f"INSERT INTO request_event (request_id, event) VALUES ({lit(rid)}, {lit(h)});")
        ins = f"INSERT INTO request_event (request_id, event) VALUES ({lit(rid)}, {lit(text)}::jsonb) RETURNING outcome::text"
        plan.append((f"{tag}|trigger", expect))
        lines.append(f"SELECT json_build_object('tag', {lit(tag + '|trigger')}, 'r', t.try({lit(ins)}))::text;")
    got = {g["tag"]: g["r"] for g in json_lines(psql("\n".join(lines)))}

    def refusal_check_event(r):
        if "ok" not in r:
            return None
        out = json.loads(r["ok"])
        if out.get("accepted"):
            return None
        ref = out["refusal"]
        return {"code": ref["code"], "clause": ref["clause"], "field": ref.get("field")}

    def refusal_trigger(r):
        if r.get("sqlstate") != "23514":
            return None
        d = json.loads(r["detail"])
        return {"code": d["code"], "clause": d["clause"], "field": d.get("field")}

    for tag, expect in plan:
        of = refusal_check_event if tag.endswith("check_event") else refusal_trigger
        why = judge(tag, expect, got[tag], "event", refusal_of=of)
        if why:
            failures.append(f"event {tag}: {why}")
    return len(plan)


def invalid_utf8(failures: list[str]) -> int:
    n = 0
    for file in ("calendar.json", "regulation.json", "event.json"):
        for case in load(file)["cases"]:
            if "hex" not in case:
                continue
            n += 1
            sql = b"SELECT reglament.calendar('" + bytes.fromhex(case["hex"]).replace(b"'", b"''") + b"'::jsonb);\n"
            p = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", "-"], input=sql, capture_output=True)
            if p.returncode == 0 or b"invalid byte sequence" not in p.stderr:
                failures.append(f"{file} {case['name']}: expected the server to refuse invalid UTF-8, got {p.stderr!r}")
    return n


SCALARS = [
    # (sql, sqlstate, code, field)
    ("SELECT reglament.add('infinity', 1)", "22023", "out_of_range", "t"),
    ("SELECT reglament.add('-infinity', 1)", "22023", "out_of_range", "t"),
    ("SELECT reglament.sub('infinity', 1)", "22023", "out_of_range", "t"),
    ("SELECT reglament.elapsed(now(), 'infinity')", "22023", "out_of_range", "b"),
    ("SELECT reglament.is_working('infinity')", "22023", "out_of_range", "t"),
    ("SELECT reglament.next_working('-infinity')", "22023", "out_of_range", "t"),
    ("SELECT reglament.add_working_days('infinity', 1)", "22023", "out_of_range", "t"),
    ("SELECT reglament.add('4713-01-01 BC', 1)", "22023", "out_of_range", None),
    ("SELECT reglament.add('294276-12-31 23:59:59Z', 1)", "22023", "out_of_range", None),
    ("SELECT reglament.next_working('2099-12-31T23:59:59Z')", "22023", None, None),
    ("SELECT reglament.add('2026-03-30T09:00:00Z', 9223372036854775807)", "22023", "out_of_range", None),
    ("SELECT reglament.add('2026-03-30T09:00:00Z', -9223372036854775808)", "22023", "out_of_range", None),
    ("SELECT reglament.sub('2026-03-30T09:00:00Z', 9223372036854775807)", "22023", "out_of_range", None),
    ("SELECT reglament.sub('2026-03-30T09:00:00Z', -9223372036854775808)", "22023", "out_of_range", None),
    ("SELECT reglament.add_working_days('2026-03-30T09:00:00Z', 2147483647)", "22023", "out_of_range", None),
    ("SELECT reglament.add_working_days('2026-03-30T09:00:00Z', -2147483648)", "22023", "invalid_value", "days"),
    ("SELECT count(*) FROM reglament.holidays(2147483647)", "22023", "out_of_range", None),
    ("SELECT count(*) FROM reglament.holidays(-2147483648)", "22023", "out_of_range", None),
    ("SELECT count(*) FROM reglament.holidays(2026, '')", "22023", "invalid_value", "mode"),
    ("SELECT count(*) FROM reglament.holidays(2026, repeat('x', 100000))", "22023", "invalid_value", "mode"),
    ("SELECT count(*) FROM reglament.holidays(2026, 'UA', '0001-01-01')", "22023", "invalid_value", "martial_law_end"),
    ("SELECT count(*) FROM reglament.holidays(2026, 'UA', 'infinity')", "22023", "out_of_range", "martial_law_end"),
    ("SELECT reglament.replay('null')", "22023", "invalid_json", "events"),
    ("SELECT reglament.replay('\"x\"')", "22023", "invalid_json", "events"),
    ("SELECT reglament.replay('[1, 2]')", "ok", None, None),
    ("SELECT reglament.replay((SELECT jsonb_agg(jsonb_build_object('kind', 'comment')) FROM generate_series(1, 10000)))", "ok", None, None),
    ("SELECT reglament.clocks('[1]', now())", "22023", "invalid_json", "events[0]"),
    ("SELECT reglament.clocks('{}', now())", "22023", "invalid_json", "events"),
    ("SELECT reglament.clocks('[]', 'infinity')", "22023", "out_of_range", "now"),
    ("SELECT reglament.clocks('[]', now(), '[]')", "22023", None, None),
    ("SELECT reglament.next_change_at('[]', now(), '{}')", "22023", "missing_field", None),
    ("SELECT reglament.check_event('[]', 'null')", "22023", "invalid_json", "event"),
    ("SELECT reglament.check_event('{}', '{}')", "22023", "invalid_json", "events"),
    ("SELECT reglament.check_event('[]', (SELECT jsonb_build_object('kind', repeat('k', 1000000))))", "22023", "invalid_value", "event.kind"),
    ("SELECT reglament.regulation('[]')", "22023", None, None),
    ("SELECT reglament.regulation('{\"calendar\": {\"timezone\": \"Mars/Olympus\"}}')", "22023", "unknown_timezone", None),
    ("SELECT reglament.calendar((SELECT jsonb_build_object('timezone', 'UTC', 'week', jsonb_build_object('mon', jsonb_agg(jsonb_build_array('09:00', '10:00')))) FROM generate_series(1, 100000)))", "ok", None, None),
    ("SELECT reglament.calendar(repeat('[', 5000)::jsonb)", "22P02", None, None),
    ("SELECT reglament.calendar((repeat('[', 1000) || repeat(']', 1000))::jsonb)", "22023", "invalid_json", None),
    ("SELECT reglament.add(now(), 1, (SELECT jsonb_build_object('timezone', repeat('Europe/', 20000) || 'Kyiv', 'week', '{}'::jsonb)))", "22023", "unknown_timezone", None),
]


def scalars(failures: list[str]) -> int:
    lines = [f"SELECT json_build_object('i', {i}, 'r', t.try({lit(sql)}))::text;" for i, (sql, *_) in enumerate(SCALARS)]
    got = {g["i"]: g["r"] for g in json_lines(psql("\n".join(lines)))}
    for i, (sql, state, code, field) in enumerate(SCALARS):
        r = got[i]
        if state == "ok":
            if "ok" not in r:
                failures.append(f"{sql}: expected an answer, got {r}")
            continue
        if r.get("sqlstate") != state:
            # 54001: PostgreSQL's own limit on nesting depth, before the extension
            if not (state == "22P02" and r.get("sqlstate") == "54001"):
                failures.append(f"{sql[:120]}: expected {state}, got {r}")
            continue
        if code is not None:
            d = json.loads(r["detail"])
            if d.get("code") != code or (field is not None and d.get("field") != field):
                failures.append(f"{sql[:120]}: expected {code} at {field}, got {d}")
    return len(SCALARS)


def main() -> int:
    failures: list[str] = []
    n = {
        "calendar": calendars(failures),
        "regulation": regulations(failures),
        "event": events(failures),
        "invalid UTF-8": invalid_utf8(failures),
        "other arguments": scalars(failures),
    }
    print("hostile inputs: " + ", ".join(f"{k} {v}" for k, v in n.items()) + " calls")
    print(f"  refused by PostgreSQL's jsonb before the extension (U+0000): {sorted(set(t.split('|')[0] for t in NOT_IN_JSONB))}")
    print(f"  jsonb normal form differs: {sorted(JSONB_DIFFERS)}")
    for f in failures[:60]:
        print("FAIL", f)
    if failures:
        print(f"{len(failures)} failures")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
