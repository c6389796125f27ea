#!/usr/bin/env python3
"""Differential test: the same random inputs through every face, whole outputs compared.

Generates (seeded) random request histories -- every event kind and role,
well- and ill-formed items, instants that repeat and go back, seven
regulations -- and random calendar operations on random calendars, runs
them through

  * the CLI      (`reglament replay --now`, `reglament batch`),
  * the C library (through the Python ctypes binding, bindings/python),
  * WebAssembly  (Node, bindings/js: tests/differential/wasm_face.mjs),

and compares the whole outputs: every step (accepted, status, warnings,
refusal with clause, code, field and both sentences; an unreadable item's
error code, field and message), the state at `now`, the clocks at `now`
with `next_change_at` (or the error code and field when there are none).
The only normalisation is the error of a calendar operation, reduced to
`{code, field}` (messages are compared in histories, where every face
carries the core's document).

  python3 tests/differential/diff.py [--seed N] [--histories N] [--ops N]
  python3 tests/differential/diff.py --self-check   # a planted difference in each face must fail

Environment: REGLAMENT_BIN (the CLI), REGLAMENT_LIB (libreglament.so).
Exit 0 when every face agrees, 1 with the first differences otherwise.
"""
import argparse
import copy
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings" / "python"))

ROLES = ["user", "operator", "consultant", "customer_service"]
KINDS = ["register", "classify", "change_priority", "reject", "ask_user", "user_answer", "reply",
         "plan_sprint", "start_work", "request_approval", "approve", "refuse_approval",
         "perform_action", "extend_deadline", "complete", "release", "reopen", "accept",
         "archive", "comment", "pause", "resume"]
CATEGORIES = ["incident", "change_request", "consultation", "documentation_request"]
PRIORITIES = ["critical", "high", "medium", "low"]
ACTIONS = ["consultation", "remote_access", "server_access", "server_recovery", "process_settings",
           "master_data", "start_work", "no_such_action"]
REGULATIONS = [
    None,
    {"priority_change": "keep_old_due"},
    {"priority_change": "recompute_from_registration", "warning_thresholds": [50, 80, 95]},
    {"archive_after": {"amount": 1, "unit": "working_days"}},
    {"pauses": {"response": {"approval_pending": False, "awaiting_user": False}}},
    {"calendar": {"timezone": "America/New_York"}, "approval_required_for": ["server_access", "start_work"]},
    {"calendar": {"timezone": "UTC", "week": {"sat": [["10:00", "14:00"]], "sun": [["22:00", "02:00"]]}}},
    # DESIGN §7: critical and high rows on a named 24×7 calendar, escalation levels past 100 %
    {"calendars": {"round_the_clock": {"timezone": "Europe/Kyiv", "week": {
        d: [["00:00", "24:00"]] for d in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}}},
     "sla": {"targets": [
         dict(row, calendar="round_the_clock") if row["priority"] in ("critical", "high") else row
         for row in (
             {"category": c, "priority": p, "response": r, "resolution": z, **({"update_interval": u} if u else {})}
             for (c, p, r, z, u) in [
                 ("incident", "critical", 1800, 14400, 3600), ("incident", "high", 3600, 32400, 7200),
                 ("incident", "medium", 14400, 97200, 32400), ("incident", "low", 32400, 324000, None),
                 ("change_request", "critical", 7200, 324000, None), ("change_request", "high", 14400, 648000, None),
                 ("change_request", "medium", 32400, 1296000, None), ("change_request", "low", 64800, 1944000, None),
                 ("consultation", "critical", 1800, 14400, None), ("consultation", "high", 3600, 32400, None),
                 ("consultation", "medium", 14400, 64800, None), ("consultation", "low", 32400, 162000, None),
                 ("documentation_request", "critical", 7200, 64800, None),
                 ("documentation_request", "high", 14400, 97200, None),
                 ("documentation_request", "medium", 32400, 162000, None),
                 ("documentation_request", "low", 64800, 324000, None)])]},
     "warning_thresholds": [75, 90, {"percent": 150, "name": "escalation"}, 200, 400],
     "pause_reasons": [
         {"id": "awaiting_vendor", "uk": "очікування постачальника", "en": "awaiting the vendor",
          "pauses": ["response", "resolution"]},
         {"id": "awaiting_site_access", "uk": "очікування доступу", "en": "awaiting site access",
          "pauses": ["resolution", "update_interval"]}]},
    {"pause_reasons": [{"id": "awaiting_vendor", "uk": "очікування постачальника",
                        "en": "awaiting the vendor", "pauses": ["update_interval", "response", "resolution"]}]},
]
ZONES = ["Europe/Kyiv", "UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def random_event(rng, kind, at):
    actor = {"id": f"{rng.choice(['a', 'b'])}-1", "role": rng.choice(ROLES)}
    e = {"kind": kind, "at": iso(at), "actor": actor}
    if kind == "register":
        e.update({"channel": rng.choice(["phone", "tracker", "telegram", "email"]),
                  "description": "d", "conditions": "c",
                  "priority": rng.choice(PRIORITIES)})
        if rng.random() < 0.7:
            e["category"] = rng.choice(CATEGORIES)
        if rng.random() < 0.1:
            e["own_initiative"] = True
        if rng.random() < 0.1:
            del e["description"]
    elif kind == "classify":
        e["category"] = rng.choice(CATEGORIES)
    elif kind == "change_priority":
        e["priority"] = rng.choice(PRIORITIES)
    elif kind == "reject":
        if rng.random() < 0.8:
            e["reason"] = "incomplete"
    elif kind in ("request_approval", "perform_action"):
        e["action"] = rng.choice(ACTIONS)
    elif kind in ("approve", "refuse_approval"):
        e.update({"action": rng.choice(ACTIONS), "channel": rng.choice(["email", "phone"])})
        if rng.random() < 0.8:
            e["evidence"] = "<m@x>"
    elif kind == "extend_deadline":
        e["metric"] = rng.choice(["response", "resolution", "update_interval"])
        if rng.random() < 0.5:
            e["add_seconds"] = rng.choice([600, 3600, 3600.0, 0, -5])
        else:
            e["new_due"] = iso(at + timedelta(hours=rng.choice([-1, 1, 5, 30, 200])))
        if rng.random() < 0.9:
            e["evidence"] = "<e@x>"
    elif kind == "reopen":
        e["to"] = rng.choice(["sprint", "in_progress", "backlog"])
    elif kind == "comment":
        e["text"] = "note"
    elif kind in ("pause", "resume"):
        e["reason"] = rng.choice(["awaiting_vendor", "awaiting_vendor", "awaiting_site_access", "awaiting_godot"])
    return e


def random_history(rng):
    t = datetime(2026, rng.choice([1, 3, 6, 10, 12]), rng.randint(1, 28), rng.randint(0, 23),
                 rng.choice([0, 15, 30]), tzinfo=timezone.utc)
    items = []
    for i in range(rng.randint(1, 14)):
        kind = "register" if i == 0 and rng.random() < 0.85 else rng.choice(KINDS)
        step = rng.random()
        if step < 0.08:
            t -= timedelta(minutes=rng.randint(1, 90))  # back in time
        elif step > 0.15:  # else: the same instant again
            t += timedelta(minutes=rng.choice([5, 30, 90, 600, 3000, 20000]))
        e = random_event(rng, kind, t)
        bad = rng.random()
        if bad < 0.04:
            items.append('{"kind": "register", "at": ')  # not JSON
            continue
        if bad < 0.07:
            e["colour"] = "red"  # valid JSON, not an event
        elif bad < 0.09:
            e["kind"] = "promote"
        elif bad < 0.11:
            e["at"] = "yesterday"
        items.append(e)
    # at or after every event: `replay --now` shows a history as of `now`
    # (cut before the first event dated later), the other faces' state(now)
    # is the whole ticket's; the two coincide from the last event on
    latest = max([t] + [parse_iso(i["at"]) for i in items if isinstance(i, dict) and is_iso(i.get("at"))])
    now = latest + timedelta(minutes=rng.choice([0, 0, 45, 600, 5000]))
    return {"regulation": rng.choice(REGULATIONS), "items": items, "now": iso(now)}


def is_iso(s):
    try:
        parse_iso(s)
        return True
    except (TypeError, ValueError):
        return False


def parse_iso(s):
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def random_calendar(rng):
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    week = {}
    for d in days:
        r = rng.random()
        if r < 0.55:
            week[d] = [["09:00", "18:00"]]
        elif r < 0.7:
            week[d] = [["08:00", "12:00"], ["13:00", "17:30"]]
        elif r < 0.8:
            week[d] = [["22:00", "06:00"]]
        elif r < 0.85:
            week[d] = [["00:00", "24:00"]]
        else:
            week[d] = []
    cal = {"timezone": rng.choice(ZONES), "week": week}
    if rng.random() < 0.4:
        cal["holiday_preset"] = rng.choice(["UA", "UA-statutory"])
    if rng.random() < 0.3:
        cal["holidays"] = ["2026-03-30", "2026-12-31"]
    if rng.random() < 0.2:
        cal["extra_working_days"] = ["2026-03-28"]
    if rng.random() < 0.05:
        cal["week"] = {d: [] for d in days}  # no working time at all
    return cal


def random_op(rng):
    t = datetime(2026, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
                 tzinfo=timezone.utc)
    if rng.random() < 0.02:
        t = datetime(2101, 6, 1, tzinfo=timezone.utc)  # outside the supported range
    op = rng.choice(["add", "sub", "elapsed", "is_working", "next_working", "add_working_days"])
    c = {"calendar": random_calendar(rng), "op": op}
    if op in ("add", "sub"):
        c.update({"at": iso(t), "seconds": rng.choice([0, 1, 3600, 7200, 32400, 1620000, 36000000, -60])})
    elif op == "elapsed":
        c.update({"from": iso(t), "to": iso(t + timedelta(hours=rng.randint(-300, 3000)))})
    elif op == "add_working_days":
        c.update({"at": iso(t), "days": rng.randint(0, 40)})
    else:
        c["at"] = iso(t)
    return c


def line_of(item):
    return item if isinstance(item, str) else json.dumps(item)


# ------------------------------------------------------------------ faces

def cli_face(cases, ops, tmp):
    binary = os.environ.get("REGLAMENT_BIN", str(ROOT / "target" / "release" / "reglament"))
    default = json.loads(subprocess.run([binary, "init"], capture_output=True, check=True).stdout)
    hist = []
    for n, c in enumerate(cases):
        reg = default if c["regulation"] is None else merge(copy.deepcopy(default), c["regulation"])
        rp, ep = tmp / f"reg-{n}.json", tmp / f"events-{n}.jsonl"
        rp.write_text(json.dumps(reg))
        ep.write_text("\n".join(line_of(i) for i in c["items"]) + "\n")
        out = subprocess.run([binary, "replay", str(ep), "--regulation", str(rp), "--now", c["now"], "--id", "T"],
                             capture_output=True)
        if out.returncode not in (0, 3):
            raise SystemExit(f"CLI replay exited {out.returncode}: {out.stderr.decode()}")
        doc = json.loads(out.stdout)
        hist.append({"steps": doc["steps"], "state": doc["ticket"], "clocks": doc["clocks"]})
    lines = "".join(json.dumps(dict(id=i, **op_line(o))) + "\n" for i, o in enumerate(ops))
    out = subprocess.run([binary, "batch"], input=lines.encode(), capture_output=True, check=True)
    cals = []
    for l in out.stdout.decode().splitlines():
        a = json.loads(l)
        a.pop("id", None)
        cals.append(a)
    return {"histories": hist, "calendars": cals}


def op_line(o):
    return dict(o)


def merge(base, over):
    if isinstance(base, dict) and isinstance(over, dict):
        for k, v in over.items():
            base[k] = merge(base[k], v) if k in base else v
        return base
    return over


def c_face(cases, ops):
    import reglament as rc  # the ctypes binding over libreglament
    hist = []
    for c in cases:
        reg = rc.Regulation.default() if c["regulation"] is None else rc.Regulation.with_overrides(c["regulation"])
        text = "\n".join(line_of(i) for i in c["items"]) + "\n"
        ticket, replay = rc.Ticket.replay(reg, "T", text)
        state = ticket.state(to_secs(c["now"]))
        try:
            clocks = ticket.clocks(reg, to_secs(c["now"]))
        except rc.Error as e:
            clocks = {"error": {"code": e.code, "field": e.field}}
        hist.append({"steps": replay["steps"], "state": state, "clocks": clocks})
        ticket.close()
        reg.close()
    cals = []
    for o in ops:
        try:
            cal = rc.Calendar.from_json(o["calendar"])
        except rc.Error as e:
            cals.append({"error": {"code": e.code, "field": e.field}})
            continue
        try:
            if o["op"] == "add":
                cals.append({"at": iso(cal.add(to_secs(o["at"]), o["seconds"]))})
            elif o["op"] == "sub":
                cals.append({"at": iso(cal.sub(to_secs(o["at"]), o["seconds"]))})
            elif o["op"] == "elapsed":
                cals.append({"seconds": cal.elapsed(to_secs(o["from"]), to_secs(o["to"]))})
            elif o["op"] == "is_working":
                cals.append({"working": cal.is_working(to_secs(o["at"]))})
            elif o["op"] == "next_working":
                cals.append({"at": iso(cal.next_working(to_secs(o["at"])))})
            else:
                cals.append({"at": iso(cal.add_working_days(to_secs(o["at"]), o["days"]))})
        except rc.Error as e:
            cals.append({"error": {"code": e.code, "field": e.field}})
        finally:
            cal.close()
    return {"histories": hist, "calendars": cals}


def to_secs(s):
    return int(datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())


def wasm_face(cases, ops, tmp):
    p = tmp / "cases.json"
    p.write_text(json.dumps({"histories": cases, "calendar_ops": ops}))
    out = subprocess.run(["node", str(ROOT / "tests" / "differential" / "wasm_face.mjs"), str(p)],
                         capture_output=True, check=True)
    return json.loads(out.stdout)


PG_SETUP = r"""
SET TimeZone = 'UTC';
CREATE OR REPLACE FUNCTION pg_temp.try(q text) RETURNS jsonb LANGUAGE plpgsql AS $f$
DECLARE r jsonb; det text;
BEGIN
  EXECUTE q INTO r;
  RETURN r;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS det = PG_EXCEPTION_DETAIL;
  RETURN jsonb_build_object('error', coalesce(det, '{}')::jsonb);
END $f$;
"""


def sql_lit(text):
    return "'" + text.replace("'", "''") + "'"


def pg_face(cases, ops, tmp):
    """PostgreSQL (the extension, through psql; PGHOST/PGPORT/... name the
    server). A history stored in PostgreSQL is a jsonb array: an item that
    is not JSON cannot be stored, so such histories are not sent (None)."""
    z = "to_char(%s, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    lines = [PG_SETUP]
    sent = []
    for c in cases:
        if any(isinstance(i, str) for i in c["items"]):
            sent.append(False)
            continue
        sent.append(True)
        reg = "NULL" if c["regulation"] is None else f"reglament.regulation({sql_lit(json.dumps(c['regulation']))}::jsonb)"
        ev = sql_lit(json.dumps(c["items"])) + "::jsonb"
        now = sql_lit(c["now"]) + "::timestamptz"
        replay = f"SELECT reglament.replay({ev}, {reg}, 'T', {now})"
        clocks = f"SELECT reglament.clocks({ev}, {now}, {reg}, 'T')"
        lines.append(f"SELECT jsonb_build_object('r', pg_temp.try({sql_lit(replay)}), 'c', pg_temp.try({sql_lit(clocks)}));")
    for o in ops:
        cal = sql_lit(json.dumps(o["calendar"])) + "::jsonb"

        def at(key):
            return sql_lit(o[key]) + "::timestamptz"

        def instant(call):
            return "SELECT jsonb_build_object('at', " + (z % call) + ")"

        op = o["op"]
        if op in ("add", "sub"):
            q = instant("reglament.%s(%s, %d, %s)" % (op, at("at"), o["seconds"], cal))
        elif op == "elapsed":
            q = "SELECT jsonb_build_object('seconds', reglament.elapsed(%s, %s, %s))" % (at("from"), at("to"), cal)
        elif op == "is_working":
            q = "SELECT jsonb_build_object('working', reglament.is_working(%s, %s))" % (at("at"), cal)
        elif op == "next_working":
            q = instant("reglament.next_working(%s, %s)" % (at("at"), cal))
        else:
            q = instant("reglament.add_working_days(%s, %d, %s)" % (at("at"), o["days"], cal))
        lines.append(f"SELECT pg_temp.try({sql_lit(q)});")
    p = tmp / "pg.sql"
    p.write_text("\n".join(lines) + "\n")
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", str(p)],
                         capture_output=True, check=True)
    rows = [json.loads(l) for l in out.stdout.decode().splitlines() if l.strip()]
    hist, k = [], 0
    for ok in sent:
        if not ok:
            hist.append(None)
            continue
        r = rows[k]
        k += 1
        replay, clocks = r["r"], r["c"]
        if "error" in replay:
            hist.append({"steps": replay, "state": replay, "clocks": replay})
        else:
            # reglament.clocks(events) computes from a whole history and
            # refuses one with an item that is not an event (the documented
            # rule); the other faces read the clocks of the replayed ticket
            unreadable = any("error" in step for step in replay["steps"])
            hist.append({"steps": replay["steps"], "state": replay["ticket"],
                         "clocks": None if unreadable else clocks})
    cals = rows[k:]
    return {"histories": hist, "calendars": cals}


# ------------------------------------------------------------------ comparison

def calendar_answer(a):
    """A calendar answer: the value, or the error reduced to its code and
    field (a batch line embeds its calendar under "calendar": the field is
    read within it)."""
    if "error" in a:
        field = a["error"].get("field")
        if isinstance(field, str) and field.startswith("calendar."):
            field = field[len("calendar."):]
        elif field == "calendar":
            field = None
        return {"error": {"code": a["error"]["code"], "field": field}}
    return a


def first_diff(a, b, path="$"):
    """The path of the first place where two documents differ, and the two values there."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k, "<absent>") != b.get(k, "<absent>"):
                return first_diff(a.get(k, "<absent>"), b.get(k, "<absent>"), f"{path}.{k}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_diff(x, y, f"{path}[{i}]")
    return path, a, b


def compare(results, cases, ops, limit=10):
    faces = list(results)
    diffs = []
    base = faces[0]
    for f in faces[1:]:
        for i, c in enumerate(cases):
            if results[base]["histories"][i] is None or results[f]["histories"][i] is None:
                continue  # not sent to that face (see pg_face)
            for part in ("steps", "state", "clocks"):
                a, b = results[base]["histories"][i][part], results[f]["histories"][i][part]
                if a is None or b is None:
                    continue
                if part == "clocks":
                    a, b = clock_answer(a), clock_answer(b)
                if a != b:
                    where, x, y = first_diff(a, b, part)
                    diffs.append(f"history {i}: {base} and {f} differ at {where}\n  input: {json.dumps(c)[:600]}\n"
                                 f"  {base}: {json.dumps(x, ensure_ascii=False)[:400]}\n"
                                 f"  {f}: {json.dumps(y, ensure_ascii=False)[:400]}")
        for i, o in enumerate(ops):
            a = calendar_answer(results[base]["calendars"][i])
            b = calendar_answer(results[f]["calendars"][i])
            if a != b:
                diffs.append(f"calendar op {i}: {base} and {f} differ\n  input: {json.dumps(o)[:400]}\n"
                             f"  {base}: {a}\n  {f}: {b}")
    return diffs[:limit], len(diffs)


def clock_answer(c):
    if isinstance(c, dict) and "error" in c:
        return {"error": {"code": c["error"]["code"], "field": c["error"].get("field")}}
    return c


FACES = {"cli": lambda c, o, t: cli_face(c, o, t), "c": lambda c, o, t: c_face(c, o),
         "wasm": lambda c, o, t: wasm_face(c, o, t), "pg": lambda c, o, t: pg_face(c, o, t)}


def run(seed, n_hist, n_ops, plant=None, faces=("cli", "c", "wasm")):
    rng = random.Random(seed)
    cases = [random_history(rng) for _ in range(n_hist)]
    ops = [random_op(rng) for _ in range(n_ops)]
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        results = {f: FACES[f](cases, ops, tmp) for f in faces}
    if plant:
        # a planted difference: one face answers one history and one calendar op differently
        face = results[plant]
        first = next(h for h in face["histories"] if h is not None)
        first["state"]["status"] = "planted"
        face["calendars"][0] = {"error": {"code": "planted", "field": None}}
    return compare(results, cases, ops)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20261205)
    ap.add_argument("--histories", type=int, default=300)
    ap.add_argument("--ops", type=int, default=2000)
    ap.add_argument("--self-check", action="store_true")
    ap.add_argument("--faces", default="cli,c,wasm", help="comma-separated: cli, c, wasm, pg (needs a server with the extension: PGHOST, ...)")
    a = ap.parse_args()
    faces = tuple(a.faces.split(","))
    if a.self_check:
        for face in faces:
            diffs, total = run(a.seed, 5, 5, plant=face, faces=faces)
            if total < 2:
                print(f"self-check: a difference planted in {face} was not found")
                return 1
        print(f"self-check: a planted difference in each face ({', '.join(faces)}) fails the comparison")
        return 0
    diffs, total = run(a.seed, a.histories, a.ops, faces=faces)
    if total:
        print(f"{total} difference(s) between the faces; the first ones:")
        print("\n".join(diffs))
        return 1
    print(f"{', '.join(faces)} agree on {a.histories} histories and {a.ops} calendar operations (seed {a.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
