"""A tiny psql runner for the Python tests (standard library only).

Connects through the PG* environment variables that run-tests.sh exports.
"""

from __future__ import annotations

import json
import subprocess


def psql(sql: str, *, check: bool = True) -> str:
    """Runs `sql` in one psql session; returns its unaligned, tuples-only output."""
    p = subprocess.run(
        ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", "-"],
        input=sql, capture_output=True, text=True,
    )
    if check and p.returncode != 0:
        raise SystemExit(f"psql failed ({p.returncode}):\n{p.stderr}\n--- SQL (first 2000 chars) ---\n{sql[:2000]}")
    return p.stdout


def lit(value) -> str:
    """A JSON value (or text) as an SQL literal."""
    s = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "'" + s.replace("'", "''") + "'"


def json_lines(out: str) -> list:
    return [json.loads(line) for line in out.splitlines() if line.strip()]
