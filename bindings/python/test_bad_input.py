"""The bad-input catalogue of tests/bad_input/ through the C library (via
the ctypes binding, so the bytes reach the C entry points as they are,
invalid UTF-8 included): reglament_regulation_from_json,
reglament_calendar_from_json and reglament_ticket_apply after the case's
history. Every case gives exactly the error (code, field, a part of the
message) or the refusal (code, clause, field) the catalogue names, or is
accepted when it says "ok". Format: tests/bad_input/README.md.

Run by bindings/c/run-tests.sh (REGLAMENT_LIB points at libreglament.so)."""

import copy
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import reglament  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUE = os.path.join(HERE, "..", "..", "tests", "bad_input")


def load(name):
    with open(os.path.join(CATALOGUE, name), encoding="utf-8") as f:
        return json.load(f)


def case_input(case, base):
    """The case's bytes."""
    if "text" in case:
        return case["text"].encode("utf-8")
    if "text_repeat" in case:
        return "".join(unit * n for unit, n in case["text_repeat"]).encode("utf-8")
    if "hex" in case:
        return bytes.fromhex(case["hex"])
    doc = copy.deepcopy(base)
    raws = []
    for e in case.get("edits", []):
        if "raw" in e:
            # literal JSON text, put in after serialization
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
    return text.encode("utf-8")


def expectation(case):
    """The case's expectation for the C face, or None when it skips it."""
    over = case.get("faces", {}).get("c")
    if over and "skip" in over:
        return None
    if over and case["expect"] != "ok":
        return {**case["expect"], **over}
    return over or case["expect"]


class BadInputTest(unittest.TestCase):
    def check_error(self, name, expect, call, failures):
        try:
            obj = call()
        except reglament.Refused as r:
            failures.append(f"{name}: refused {r.code}, expected {expect}")
            return
        except reglament.Error as e:
            if expect == "ok":
                failures.append(f"{name}: expected acceptance, got {e.code}: {e.message}")
            elif e.code != expect["code"] or e.field != expect["field"] or expect["message"] not in e.message:
                failures.append(f"{name}: expected {expect}, got {e.code} at {e.field}: {e.message}")
            return
        if hasattr(obj, "close"):
            obj.close()
        if expect != "ok":
            failures.append(f"{name}: accepted, expected {expect}")

    def run_documents(self, file, parse):
        cat = load(file)
        failures, ran = [], 0
        for case in cat["cases"]:
            expect = expectation(case)
            if expect is None:
                continue
            ran += 1
            data = case_input(case, cat["base"])
            self.check_error(case["name"], expect, lambda: parse(data), failures)
        self.assertEqual(failures, [])
        return ran

    def test_regulation_files(self):
        self.assertGreaterEqual(self.run_documents("regulation.json", reglament.Regulation.from_json), 155)

    def test_calendar_files(self):
        self.assertGreaterEqual(self.run_documents("calendar.json", reglament.Calendar.from_json), 80)

    def test_events(self):
        cat = load("event.json")
        if cat["regulation"] is None:
            reg = reglament.Regulation.default()
        else:
            reg = reglament.Regulation.with_overrides(cat["regulation"])
        failures, ran = [], 0
        for case in cat["cases"]:
            expect = expectation(case)
            if expect is None:
                continue
            ran += 1
            name = case["name"]
            t = reglament.Ticket("T")
            try:
                for h in cat["histories"][case["history"]]:
                    self.assertTrue(t.apply(reg, h)["accepted"], name)
                before = t.state()
                data = case_input(case, cat["bases"][case["base"]])
                if isinstance(expect, dict) and "refusal" in expect:
                    try:
                        out = t.apply(reg, data)
                        failures.append(f"{name}: accepted {out}, expected {expect}")
                    except reglament.Refused as r:
                        got = (r.code, r.clause, r.field)
                        if got != (expect["refusal"], expect["clause"], expect["field"]):
                            failures.append(f"{name}: expected {expect}, got {got}: {r.message}")
                        self.assertEqual(t.state(), before, f"{name}: a refused event changed the ticket")
                    except reglament.Error as e:
                        failures.append(f"{name}: expected a refusal, got {e.code} at {e.field}: {e.message}")
                else:
                    self.check_error(name, expect, lambda: t.apply(reg, data), failures)
            finally:
                t.close()
        reg.close()
        self.assertEqual(failures, [])
        self.assertGreaterEqual(ran, 135)


if __name__ == "__main__":
    unittest.main()
