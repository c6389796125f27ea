"""Every conformance vector through SQL.

1. Calendar arithmetic: every hand-written case of
   tests/reference/check_batch.py (FIXED, with their written answers) and
   its random cases (fixed seed; PG_RANDOM_CASES, default 1000) with the
   answers of the independent oracle (tests/reference/oracle.py), through
   reglament.add/sub/elapsed/is_working/next_working/add_working_days.
2. Ticket vectors (tests/vectors/*.json): through reglament.replay() (every
   step, the final state, the clocks at `now` and at each `clocks_at`), and
   through the trigger: each event inserted into an event log guarded by
   reglament.enforce() (the README's table for vectors under the default
   regulation, a table whose trigger carries the vector's regulation
   otherwise): refusals raise 23514 with their clause, code and field,
   unreadable events raise 22023 with their code, accepted rows are stored
   with their status and warnings, and the clocks computed from the stored
   rows are the expected ones.

The vectors' `queries` (queue, what_if, compliance, ...) and `explain`
have no SQL function yet and are not run here.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "reference"))
from pg import json_lines, lit, psql  # noqa: E402

import check_batch  # noqa: E402
import oracle  # noqa: E402


def instant(s: str):
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
    except (ValueError, AttributeError):
        return None


def subset(expected, actual, path: str, errs: list[str]) -> None:
    """tests/vectors/README.md "Subset comparison"."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for k, v in expected.items():
            subset(v, actual.get(k), f"{path}.{k}", errs)
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            errs.append(f"{path}: expected {len(expected)} items, got {len(actual)}: {json.dumps(actual)[:300]}")
            return
        for i, (x, y) in enumerate(zip(expected, actual)):
            subset(x, y, f"{path}[{i}]", errs)
    elif isinstance(expected, str) and isinstance(actual, str) and expected != actual:
        a, b = instant(expected), instant(actual)
        if a is None or a != b:
            errs.append(f"{path}: expected {expected!r}, got {actual!r}")
    elif expected != actual and not (expected is None and actual is None):
        errs.append(f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)[:300]}")


# ------------------------------------------------------------ calendar cases

def calendar_call(req: dict) -> str:
    cal = lit(req["calendar"]) + "::jsonb"
    op = req["op"]
    ts = lambda k: lit(req[k]) + "::timestamptz"  # noqa: E731
    if op in ("add", "sub"):
        return f"SELECT t.z(reglament.{op}({ts('at')}, {int(req['seconds'])}, {cal}))"
    if op == "elapsed":
        return f"SELECT reglament.elapsed({ts('from')}, {ts('to')}, {cal})::text"
    if op == "is_working":
        return f"SELECT reglament.is_working({ts('at')}, {cal})::text"
    if op == "next_working":
        return f"SELECT t.z(reglament.next_working({ts('at')}, {cal}))"
    if op == "add_working_days":
        return f"SELECT t.z(reglament.add_working_days({ts('at')}, {int(req['days'])}, {cal}))"
    raise ValueError(op)


def answer_of(req: dict, r: dict) -> dict:
    """The SQL result in the batch protocol's answer shape."""
    if "ok" not in r:
        if r.get("sqlstate") != "22023":
            return {"error": {"code": f"sqlstate {r.get('sqlstate')}: {r.get('message')}"}}
        return {"error": {"code": json.loads(r["detail"])["code"]}}
    v = r["ok"]
    op = req["op"]
    if op == "elapsed":
        return {"seconds": int(v)}
    if op == "is_working":
        return {"working": v == "true"}
    return {"at": v}


def calendar_vectors() -> int:
    cases = [(f"fixed-{i}", req, want) for i, (req, want) in enumerate(check_batch.FIXED)]
    n_random = int(os.environ.get("PG_RANDOM_CASES", "1000"))
    gen = check_batch.Gen(random.Random(20260327))
    for i in range(n_random):
        req = gen.case()
        want = oracle.answer(req)
        cases.append((f"random-{i}", req, want))
    sql = "\n".join(
        f"SELECT json_build_object('n', {lit(name)}, 'r', t.try({lit(calendar_call(req))}))::text;"
        for name, req, _ in cases
    )
    got = {g["n"]: g["r"] for g in json_lines(psql(sql))}
    bad = []
    per_op: dict[str, int] = {}
    for name, req, want in cases:
        want = {k: v for k, v in want.items() if k != "id"}
        if "error" in want:
            want = {"error": {"code": want["error"]["code"]}}
        have = answer_of(req, got[name])
        per_op[req["op"]] = per_op.get(req["op"], 0) + 1
        if have != want:
            bad.append(f"{name}: {json.dumps(req)[:400]}\n  expected {want}\n  got      {have}")
    fixed = len(check_batch.FIXED)
    print(f"calendar: {len(cases)} cases ({fixed} hand-written, {n_random} random against the oracle): "
          + ", ".join(f"{k} {v}" for k, v in sorted(per_op.items())))
    for b in bad[:20]:
        print("MISMATCH", b)
    return len(bad)


# ------------------------------------------------------------ ticket vectors

def vector_files() -> list[str]:
    return sorted(glob.glob(os.path.join(ROOT, "tests", "vectors", "*.json")))


def ticket_vectors() -> int:
    vectors = []
    for f in vector_files():
        with open(f, encoding="utf-8") as fh:
            v = json.load(fh)
        v["_id"] = os.path.basename(f)[:-5]
        vectors.append(v)

    lines = ["SET TimeZone = 'UTC';"]
    emit = lambda tag, expr: lines.append(  # noqa: E731
        f"SELECT json_build_object('tag', {lit(tag)}, 'v', ({expr}))::text;")
    for v in vectors:
        vid = v["_id"]
        reg = "NULL::jsonb" if v.get("regulation") is None else f"reglament.regulation({lit(v['regulation'])}::jsonb)"
        events = v["events"]
        now = lit(v["now"]) + "::timestamptz" if v.get("now") else "NULL"
        emit(f"{vid}|replay", f"reglament.replay({lit(events)}::jsonb, {reg}, 'T', {now})")
        readable = [e for e, s in zip(events, v["expected"]["steps"]) if "error" not in s]
        reads = []
        if "clocks" in v["expected"]:
            reads.append(("clocks", v["now"], v["expected"]["clocks"]))
        for i, r in enumerate(v["expected"].get("clocks_at", [])):
            reads.append((f"clocks_at[{i}]", r["now"], r["clocks"]))
        for name, at, _ in reads:
            emit(f"{vid}|{name}", f"reglament.clocks({lit(readable)}::jsonb, {lit(at)}::timestamptz, {reg})")
        # through the trigger
        if v.get("regulation") is None:
            table, rid = "request_event", vid
        else:
            table, rid = f"t.v{vid[:3]}", "T"
            lines.append(f"CREATE TABLE {table} (LIKE request_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);")
            lines.append(
                "DO $$ BEGIN EXECUTE format('CREATE TRIGGER enforce BEFORE INSERT ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION reglament.enforce(%L, %L, %L, %L, %L)', 'request_id', 'seq', 'event', 'outcome', "
                + reg + "::text); END $$;")
        for i, e in enumerate(events):
            ins = f"INSERT INTO {table} (request_id, event) VALUES ({lit(rid)}, {lit(e)}::jsonb) RETURNING outcome::text"
            emit(f"{vid}|insert|{i}", f"t.try({lit(ins)})")
        emit(f"{vid}|stored", f"(SELECT count(*) FROM {table} WHERE request_id = {lit(rid)})")
        stored = f"(SELECT coalesce(jsonb_agg(event ORDER BY seq), '[]') FROM {table} WHERE request_id = {lit(rid)})"
        for name, at, _ in reads:
            emit(f"{vid}|stored-{name}", f"reglament.clocks({stored}, {lit(at)}::timestamptz, {reg})")
        if "final" in v["expected"]:
            emit(f"{vid}|stored-final", f"reglament.replay({stored}, {reg}, 'T', {now})->'ticket'")

    got = {g["tag"]: g["v"] for g in json_lines(psql("\n".join(lines)))}
    failures = 0
    counts = {"steps": 0, "refusals": 0, "errors": 0, "clock reads": 0, "inserted": 0}
    for v in vectors:
        vid, exp = v["_id"], v["expected"]
        errs: list[str] = []
        rep = got[f"{vid}|replay"]
        steps = rep["steps"]
        if len(steps) != len(exp["steps"]):
            errs.append(f"replay: {len(steps)} steps, expected {len(exp['steps'])}")
        accepted = 0
        for i, (want, step) in enumerate(zip(exp["steps"], steps)):
            counts["steps"] += 1
            here = f"steps[{i}]"
            ins = got[f"{vid}|insert|{i}"]
            if "error" in want:
                counts["errors"] += 1
                if step.get("error", {}).get("code") != want["error"]:
                    errs.append(f"replay {here}: expected error {want['error']}, got {step}")
                if ins.get("sqlstate") != "22023" or json.loads(ins["detail"])["code"] != want["error"]:
                    errs.append(f"trigger {here}: expected 22023 {want['error']}, got {ins}")
                continue
            if step.get("accepted") != want["accepted"]:
                errs.append(f"replay {here}: expected accepted={want['accepted']}, got {step}")
                continue
            if "status" in want and step.get("status") != want["status"]:
                errs.append(f"replay {here}: expected status {want['status']}, got {step.get('status')}")
            if want["accepted"]:
                accepted += 1
                codes = [w["code"] for w in step.get("warnings", [])]
                if "warnings" in want and codes != want["warnings"]:
                    errs.append(f"replay {here}: expected warnings {want['warnings']}, got {codes}")
                if "ok" not in ins:
                    errs.append(f"trigger {here}: expected the row stored, got {ins}")
                else:
                    out = json.loads(ins["ok"])
                    if "status" in want and out.get("status") != want["status"]:
                        errs.append(f"trigger {here}: outcome status {out.get('status')}, expected {want['status']}")
                    if "warnings" in want and [w["code"] for w in out.get("warnings", [])] != want["warnings"]:
                        errs.append(f"trigger {here}: outcome warnings {out.get('warnings')}, expected {want['warnings']}")
            else:
                counts["refusals"] += 1
                ref = step.get("refusal", {})
                detail = json.loads(ins["detail"]) if ins.get("sqlstate") == "23514" else None
                if detail is None:
                    errs.append(f"trigger {here}: expected 23514, got {ins}")
                for key in ("clause", "code", "field"):
                    if key in want:
                        if ref.get(key) != want[key]:
                            errs.append(f"replay {here}: expected {key} {want[key]!r}, got {ref.get(key)!r}")
                        if detail is not None and detail.get(key) != want[key]:
                            errs.append(f"trigger {here}: expected {key} {want[key]!r}, got {detail.get(key)!r}")
                if detail is not None and not (ins.get("hint") or "").startswith("пункт "):
                    errs.append(f"trigger {here}: no Ukrainian HINT: {ins}")
        counts["inserted"] += accepted
        if got[f"{vid}|stored"] != accepted:
            errs.append(f"trigger: {got[f'{vid}|stored']} rows stored, {accepted} events accepted")
        if "final" in exp:
            subset(exp["final"], rep["ticket"], "final", errs)
            subset(exp["final"], got[f"{vid}|stored-final"], "stored final", errs)
        reads = []
        if "clocks" in exp:
            reads.append(("clocks", exp["clocks"]))
        for i, r in enumerate(exp.get("clocks_at", [])):
            reads.append((f"clocks_at[{i}]", r["clocks"]))
        for name, want in reads:
            counts["clock reads"] += 1
            subset(want, got[f"{vid}|{name}"], name, errs)
            subset(want, got[f"{vid}|stored-{name}"], f"stored {name}", errs)
        if errs:
            failures += 1
            print(f"FAIL {vid}:")
            for e in errs[:12]:
                print("   ", e)
    print(f"tickets: {len(vectors)} vectors, {counts['steps']} steps ({counts['refusals']} refusals, "
          f"{counts['errors']} unreadable events) through replay() and the trigger, {counts['inserted']} rows stored, "
          f"{counts['clock reads']} clock reads from the events and from the stored rows")
    return failures


def main() -> int:
    bad = calendar_vectors() + ticket_vectors()
    if bad:
        print(f"{bad} failures")
        return 1
    print("all vectors pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
