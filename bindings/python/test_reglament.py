"""Tests of the ctypes binding (run by bindings/c/run-tests.sh with
REGLAMENT_LIB pointing at the freshly built libreglament.so)."""

import ctypes
import os
import sys
import threading
import unittest
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import reglament  # noqa: E402

KYIV_WINTER = timezone(timedelta(hours=2))


def _parse(text):
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


def register(at: str, priority: str = "high") -> dict:
    return {
        "kind": "register",
        "at": at,
        "actor": {"id": "op-1", "role": "operator"},
        "channel": "phone",
        "reason": "software_failure",
        "description": "Пропала кнопка «Провести» у накладній",
        "conditions": "Продажі > Накладні, 300 рядків",
        "priority": priority,
        "category": "incident",
    }


class CalendarTest(unittest.TestCase):
    def test_design_example_crosses_dst(self):
        cal = reglament.Calendar.default_kyiv()
        t = datetime(2026, 3, 27, 17, 0, tzinfo=KYIV_WINTER)
        due = cal.add(t, 2 * 3600)
        self.assertEqual(due, datetime(2026, 3, 30, 7, 0, tzinfo=timezone.utc))
        self.assertEqual(cal.elapsed(t, due), 7200)
        self.assertEqual(cal.sub(due, 7200), t)
        self.assertFalse(cal.is_working(datetime(2026, 1, 1, 10, tzinfo=KYIV_WINTER)))
        self.assertEqual(cal.add_working_days(datetime(2026, 3, 27, 12, tzinfo=timezone.utc), 2),
                         datetime(2026, 3, 31, 15, tzinfo=timezone.utc))

    def test_errors_are_exceptions(self):
        cal = reglament.Calendar.default_kyiv()
        with self.assertRaises(reglament.OutOfRange) as e:
            cal.add(2**62, 60)
        self.assertEqual(e.exception.code, "out_of_range")
        with self.assertRaises(reglament.InvalidInput) as e:
            reglament.Calendar.from_json('{"timezone":"UTC","week":{"mon":[["09:00","25:00"]]}}')
        self.assertEqual(e.exception.field, "week.mon[0][1]")
        with self.assertRaises(reglament.InvalidInput):
            reglament.Calendar.from_json("{")
        with self.assertRaises(ValueError):
            cal.add(datetime(2026, 3, 27, 17), 60)  # naive datetime

    def test_custom_calendar_and_json(self):
        cal = reglament.Calendar.from_json(
            {"timezone": "America/New_York", "week": {"mon": [["09:00", "17:00"]]}})
        self.assertEqual(cal.to_json()["timezone"], "America/New_York")
        start = datetime(2026, 11, 2, 14, tzinfo=timezone.utc)  # Monday 09:00 EST
        self.assertEqual(cal.add(start, 8 * 3600), datetime(2026, 11, 2, 22, tzinfo=timezone.utc))


class TicketTest(unittest.TestCase):
    def setUp(self):
        self.reg = reglament.Regulation.default()

    def test_register_deadlines_and_refusal(self):
        t = reglament.Ticket("ERP-1")
        outcome = t.apply(self.reg, register("2026-03-27T16:30:00+02:00"))
        self.assertEqual(outcome, {"accepted": True, "warnings": []})
        now = datetime(2026, 3, 27, 17, 0, tzinfo=KYIV_WINTER)
        clocks = t.clocks(self.reg, now)
        self.assertEqual(clocks["response"]["state"], "running")
        self.assertEqual(clocks["response"]["due_at"], "2026-03-27T15:30:00Z")
        self.assertEqual(t.next_change(self.reg, now), datetime(2026, 3, 27, 15, 15, tzinfo=timezone.utc))
        with self.assertRaises(reglament.Refused) as r:
            t.apply(self.reg, {"kind": "archive", "at": "2026-03-27T17:05:00+02:00",
                               "actor": {"id": "op-1", "role": "operator"}})
        self.assertEqual((r.exception.clause, r.exception.code), ("3.6", "wrong_status"))
        self.assertIn("Беклог", r.exception.message_uk)
        self.assertEqual(r.exception.refusal["role"], "operator")
        self.assertEqual(t.state()["status"], "backlog")

    def test_clock_plan_reads_what_the_ticket_gives(self):
        t = reglament.Ticket("ERP-P")
        t.apply(self.reg, register("2026-03-27T16:30:00+02:00"))
        with t.clock_plan(self.reg) as plan:
            self.assertEqual(plan.valid_from, datetime(2026, 3, 27, 14, 30, tzinfo=timezone.utc))
            for minutes in (0, 30, 45, 60, 61, 3 * 24 * 60):
                now = plan.valid_from + timedelta(minutes=minutes)
                self.assertEqual(plan.clocks(now), t.clocks(self.reg, now))
                self.assertEqual(plan.next_change(now), t.next_change(self.reg, now))
                self.assertEqual(plan.summary(now)["response"]["thresholds"], [])
            with self.assertRaises(reglament.InvalidInput) as e:
                plan.clocks(plan.valid_from - timedelta(seconds=1))
            self.assertEqual((e.exception.code, e.exception.field), ("conflict", "now"))

    def test_typed_deadlines_equal_the_json(self):
        t = reglament.Ticket("ERP-T")
        self.assertIsNone(t.status())
        t.apply(self.reg, register("2026-03-27T16:30:00+02:00"))
        self.assertEqual(t.status(), "backlog")
        for now in (datetime(2026, 3, 27, 17, 0, tzinfo=KYIV_WINTER), datetime(2026, 4, 8, 12, tzinfo=timezone.utc)):
            typed, doc = t.deadlines(self.reg, now), t.clocks(self.reg, now)
            self.assertEqual(typed["status"], doc["status"])
            self.assertEqual(typed["next_change_at"], _parse(doc["next_change_at"]))
            for metric in ("response", "resolution", "update_interval"):
                c, j = typed[metric], doc[metric]
                if j is None:
                    self.assertIsNone(c)
                    continue
                for key, value in c.items():
                    expected = _parse(j[key]) if isinstance(value, datetime) else j[key]
                    self.assertEqual(value, expected, f"{metric}.{key}")

    def test_malformed_event_is_not_a_refusal(self):
        t = reglament.Ticket("ERP-2")
        with self.assertRaises(reglament.InvalidInput) as e:
            t.apply(self.reg, {"kind": "promote"})
        self.assertNotIsInstance(e.exception, reglament.Refused)
        with self.assertRaises(reglament.InvalidInput):
            t.apply(self.reg, b"{not json")

    def test_replay_queue_compliance(self):
        low, _ = reglament.Ticket.replay(self.reg, "A", [register("2026-03-02T10:00:00+02:00", "low")])
        crit, steps = reglament.Ticket.replay(self.reg, "B", [register("2026-03-02T11:00:00+02:00", "critical")])
        self.assertEqual(len(steps["steps"]), 1)
        self.assertEqual([t.state()["id"] for t in reglament.queue([low, crit])], ["B", "A"])
        report = reglament.compliance(self.reg, [low, crit], datetime(2026, 3, 3, tzinfo=timezone.utc))
        self.assertEqual(report["tickets"], 2)
        self.assertTrue(reglament.must_register("incident", "critical", True))
        self.assertFalse(reglament.must_register(None, "low", True))
        x = crit.explain(self.reg, "response", datetime(2026, 3, 2, 9, 20, tzinfo=timezone.utc))
        self.assertEqual(sum(c["seconds"] for c in x["counted"]), x["clock"]["consumed"])
        long_days = reglament.Regulation.with_overrides({"calendar": {"week": {"mon": [["08:00", "20:00"]]}}})
        diff = reglament.what_if(self.reg, long_days, [register("2026-03-02T10:00:00+02:00")],
                                 datetime(2026, 3, 2, 12, tzinfo=KYIV_WINTER))
        self.assertTrue(any(d["field"] == "due_at" for d in diff["clocks"]))
        short = reglament.Regulation.with_overrides({"archive_after": {"amount": 1}})
        released = datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
        self.assertEqual(short.archive_due(released), released + timedelta(days=1))

    def test_contract_record(self):
        fp = self.reg.fingerprint()
        self.assertRegex(fp, r"^sha256:[0-9a-f]{64}$")
        self.assertEqual(reglament.Regulation.from_json(self.reg.complete()).fingerprint(), fp)
        events = [register("2026-03-02T10:00:00+02:00"),
                  {"kind": "comment", "at": "2026-03-02T10:05:00+02:00",
                   "actor": {"id": "op-1", "role": "operator"}, "text": "called back"}]
        entries = reglament.chain(self.reg, "ERP-7", events)
        self.assertEqual([e["seq"] for e in entries], [0, 1])
        self.assertEqual(entries[1]["prev"], entries[0]["hash"])
        head = reglament.chain_head(self.reg, "ERP-7", events)
        self.assertEqual(head, entries[1]["hash"])
        ok = reglament.verify(self.reg, "ERP-7", entries)
        self.assertEqual((ok["ok"], ok["entries"], ok["head"]), (True, 2, head))
        entries[0]["event"]["text"] = "edited"
        bad = reglament.verify(self.reg, "ERP-7", entries)
        self.assertEqual((bad["ok"], bad["first_bad"], bad["field"]), (False, 0, "hash"))
        root = reglament.merkle_root([{"request": "ERP-7", "head": head}, {"request": "ERP-1", "head": head}])
        self.assertEqual(root, reglament.merkle_root([{"request": "ERP-1", "head": head}, {"request": "ERP-7", "head": head}]))
        with self.assertRaises(reglament.InvalidInput) as e:
            reglament.chain(self.reg, "ERP-7", [events[0], {"kind": "promote"}])
        self.assertEqual(e.exception.field, "events[1].kind")

    def test_replay_goes_on_past_an_item_that_is_not_an_event(self):
        t, r = reglament.Ticket.replay(self.reg, "ERP-3", [register("2026-03-02T10:00:00+02:00"), {"kind": "promote"}])
        self.assertEqual(r["steps"][1]["error"]["field"], "events[1].kind")
        self.assertEqual(t.state()["status"], "backlog")

    def test_threads_share_a_regulation(self):
        failures = []

        def work(i):
            try:
                t = reglament.Ticket(f"T-{i}")
                t.apply(self.reg, register("2026-03-02T10:00:00+02:00"))
                assert t.state()["status"] == "backlog"
            except Exception as e:  # collected and asserted below
                failures.append(e)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(failures, [])

    def test_closed_handles_and_version(self):
        t = reglament.Ticket("X")
        t.close()
        t.close()
        with self.assertRaises((ValueError, ctypes.ArgumentError)):
            t.state()
        self.assertRegex(reglament.library_version(), r"^\d+\.\d+\.\d+")


if __name__ == "__main__":
    unittest.main()
