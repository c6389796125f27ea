#!/usr/bin/env bash
# Measures the extension (not a test: numbers, not pass/fail, except that
# the PL/pgSQL baseline must agree with reglament on a sample of the rows).
# Installs the extension like pg/run-tests.sh, starts a throwaway server as
# an unprivileged user, runs pg/bench.sql, prints the table for
# benches/README.md.
#   ROWS (1000000) rows for reglament and the PL/pgSQL add at 2 h;
#   BASELINE_ROWS (100000) rows for the PL/pgSQL functions at 450 h;
#   RUNS (3) best of, for reglament's queries;
#   REQUESTS x EVENTS (500 x 10) inserts for the trigger's cost.
set -euo pipefail
cd "$(dirname "$0")"
. ./tools.sh
. ./cluster.sh
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
pg_tools "$PG_CONFIG"
feature=$(pg_feature "$PG_CONFIG")
sudo=()
[ "$(id -u)" = 0 ] || sudo=(--sudo)
export PGRX_PG_CONFIG_PATH=$PG_CONFIG
cargo pgrx install --release --no-default-features --features "$feature" --pg-config "$PG_CONFIG" "${sudo[@]}"
trap cluster_stop EXIT
CLUSTER_OPTIONS="-c shared_buffers=256MB" cluster_start "$("$PG_CONFIG" --bindir)"
psql -X -q -c "CREATE EXTENSION reglament"
out=$(mktemp); chmod 666 "$out"
psql -X -v rows="${ROWS:-1000000}" -v baseline_rows="${BASELINE_ROWS:-100000}" -v runs="${RUNS:-3}" \
  -v requests="${REQUESTS:-500}" -v events="${EVENTS:-10}" -v out="$out" -f bench.sql
python3 - "$out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
by = {r["what"]: r for r in rows}
def rate(w):
    r = by[w]; return r["rows"] / (float(r["ms"]) / 1000)
print()
print("| query | rows | ms | rows/s |")
print("|---|---:|---:|---:|")
for r in rows:
    print(f"| `{r['what']}` | {r['rows']:,} | {float(r['ms']):,.0f} | {rate(r['what']):,.0f} |")
print()
for a, b in [("reglament.add(t, 7200)", "bench.plpgsql_add(t, 7200)"),
             ("reglament.add(t, 450 h)", "bench.plpgsql_add(t, 450 h)"),
             ("reglament.elapsed(t, t + 450 h)", "bench.plpgsql_elapsed(t, t + 450 h)")]:
    print(f"- `{a}` / `{b}`: {rate(a) / rate(b):,.0f}x")
for a, b in [("INSERT, reglament.enforce() trigger", "INSERT, plain table"),
             ("INSERT, trigger, 100-event histories", "INSERT, plain table, 100-event histories")]:
    pa, pb = float(by[a]["ms"]) * 1000 / by[a]["rows"], float(by[b]["ms"]) * 1000 / by[b]["rows"]
    print(f"- `{a}`: {pa:,.0f} us per insert against {pb:,.0f} us plain (+{pa - pb:,.0f} us)")
PY
