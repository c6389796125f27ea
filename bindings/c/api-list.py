#!/usr/bin/env python3
"""The list of every exported function in bindings/c/README.md, generated
from the header so that it cannot drift.

  python3 bindings/c/api-list.py            check: the README's list equals
                                            the header's functions
  python3 bindings/c/api-list.py --update   rewrite the README's list
  python3 bindings/c/api-list.py --lib F    also check that the library F
                                            (.so or .a) defines exactly the
                                            header's functions as globals

The list sits between the markers <!-- api-list:begin --> and
<!-- api-list:end --> in the README: one row per function, in header order,
with the first sentence of its documentation.
"""
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = HERE / "reglament.h"
README = HERE / "README.md"
BEGIN, END = "<!-- api-list:begin -->", "<!-- api-list:end -->"

DECL = re.compile(r"/\*\*(?P<doc>(?:(?!\*/).)*?)\*/\s*\n(?P<ret>[a-z][^;(]*?)\b(?P<name>reglament_\w+)\(", re.S)


def functions():
    """(name, first sentence) of every function the header declares."""
    text = HEADER.read_text(encoding="utf-8")
    out = []
    for m in DECL.finditer(text):
        lines = [l.strip().lstrip("*").strip() for l in m.group("doc").splitlines()]
        para = []
        for l in lines:
            if not l and para:
                break
            if l:
                para.append(l)
        doc = " ".join(para)
        # the first sentence: up to a period followed by a space or the end
        s = re.split(r"(?<=\.)(?<!e\.g\.)\s+(?=[A-Z`*])", doc, maxsplit=1)[0]
        if s.endswith(":"):
            s = s[:-1] + "."
        out.append((m.group("name"), s.replace("|", "\\|")))
    return out


def block(funcs):
    rows = ["| function | what |", "|---|---|"]
    rows += [f"| `{n}` | {s} |" for n, s in funcs]
    return "\n".join([BEGIN, f"{len(funcs)} functions, generated from `reglament.h` by `api-list.py`:", ""] + rows + [END])


def library_symbols(lib):
    """The defined global (or weak) symbols of a .so (its dynamic symbols)
    or a .a (every member), read with readelf: binutils' nm and ar load the
    LLVMgold plugin, which aborts on objects with Rust's bitcode sections."""
    shared = lib.endswith(".so") or ".so." in lib
    args = ["readelf", "-W", "--dyn-syms" if shared else "--syms", lib]
    res = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    syms = set()
    for line in res.splitlines():
        parts = line.split()
        # Num: Value Size Type Bind Vis Ndx Name
        if len(parts) >= 8 and parts[4] in ("GLOBAL", "WEAK") and parts[6] != "UND":
            syms.add(parts[7].split("@")[0])
    return syms


def main(argv):
    funcs = functions()
    names = [n for n, _ in funcs]
    if len(set(names)) != len(names) or not names:
        sys.exit("api-list: the header declares no functions, or one twice")
    readme = README.read_text(encoding="utf-8")
    if BEGIN not in readme or END not in readme:
        sys.exit(f"api-list: {README} lacks the markers {BEGIN} / {END}")
    head, rest = readme.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    fresh = head + block(funcs) + tail
    if "--update" in argv:
        README.write_text(fresh, encoding="utf-8")
        print(f"api-list: README lists {len(names)} functions")
    elif fresh != readme:
        sys.exit("api-list: the function list in bindings/c/README.md is stale: run python3 bindings/c/api-list.py --update")
    if "--lib" in argv:
        lib = argv[argv.index("--lib") + 1]
        syms = library_symbols(lib)
        missing = sorted(set(names) - syms)
        extra = sorted(syms - set(names))
        if missing or extra:
            sys.exit(f"api-list: {lib}: declared but not defined {missing}; defined but not declared {extra}")
        print(f"api-list: {lib} defines exactly the {len(names)} functions of the header")
    print(f"api-list: README lists the {len(names)} functions of the header")


if __name__ == "__main__":
    main(sys.argv[1:])
