#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into DIR/<target>/:
the conformance vectors of tests/vectors/ (regulations, calendars, event
histories with their `now`) and the hand-written seeds of fuzz/seeds/<target>/.

Usage: python3 fuzz/seeds.py DIR
"""
import glob
import json
import os
import shutil
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
out = sys.argv[1]

TARGETS = ["regulation_json", "calendar_json", "events_replay", "ticket_ops", "calendar_arith", "ffi_bytes"]
for t in TARGETS:
    os.makedirs(os.path.join(out, t), exist_ok=True)
    src = os.path.join(here, "seeds", t)
    if os.path.isdir(src):
        for f in sorted(os.listdir(src)):
            shutil.copy(os.path.join(src, f), os.path.join(out, t, f))


def put(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)


def merge(base, over):
    if isinstance(base, dict) and isinstance(over, dict):
        r = dict(base)
        for k, v in over.items():
            r[k] = merge(base[k], v) if k in base else v
        return r
    return over


default_reg = json.load(open(os.path.join(here, "seeds", "regulation_json", "default.json")))
for path in sorted(glob.glob(os.path.join(root, "tests", "vectors", "*.json"))):
    name = os.path.splitext(os.path.basename(path))[0]
    v = json.load(open(path))
    over = v.get("regulation")
    lines = []
    if over:
        lines.append("@" + json.dumps(over, ensure_ascii=False))
        reg = merge(default_reg, over)
        put("regulation_json", name, json.dumps(reg, ensure_ascii=False))
        if "calendar" in over:
            put("calendar_json", name, json.dumps(reg["calendar"], ensure_ascii=False))
    if v.get("now"):
        lines.append(v["now"])
    events = v.get("events", [])
    lines += [json.dumps(e, ensure_ascii=False) for e in events]
    put("events_replay", name, "\n".join(lines) + "\n")
    ev_lines = "\n".join(json.dumps(e, ensure_ascii=False) for e in events).encode()
    ev_array = json.dumps(events, ensure_ascii=False).encode()
    put("ffi_bytes", name + ".apply", b"\x04" + ev_lines)
    put("ffi_bytes", name + ".replay", b"\x05" + name.encode() + b"\x00" + ev_array)
    put("ffi_bytes", name + ".whatif", b"\x06" + json.dumps(over or {}).encode() + b"\x00" + ev_array)
for t in ("regulation_json", "calendar_json"):
    for f in sorted(os.listdir(os.path.join(out, t))):
        try:
            data = open(os.path.join(out, t, f), "rb").read()
        except FileNotFoundError:
            continue  # a fuzzer running on the same corpus removed it meanwhile
        put("ffi_bytes", f"{t}.{f}", (b"\x01" if t == "regulation_json" else b"\x00") + data)
put("ffi_bytes", "must_register", b"\x03incident\x00high")
put("ffi_bytes", "explain", b"\x07update_interval\x00[]")
