#!/usr/bin/env bash
# Builds the reglament extension, installs it into Debian's PostgreSQL
# (PG_CONFIG, default /usr/lib/postgresql/15/bin/pg_config) and runs every
# test against a real server started by an unprivileged user:
#   - pg/tests/sql/*.sql      regression files (each assertion raises on failure)
#   - pg/tests/readme.py      the README's event-log block, verbatim
#   - pg/tests/vectors.py     every calendar vector and every ticket vector,
#                             through the functions and through the trigger
#   - pg/tests/hostile.py     the bad-input catalogue at every function
#   - pg/tests/concurrency.sh two sessions inserting for one request
# Installs what it needs first, idempotently (tools.sh). Called by
# scripts/test.d/pg.sh, so CI runs it.
set -euo pipefail
cd "$(dirname "$0")"
. ./tools.sh
. ./cluster.sh
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

step() { printf '\n--- pg: %s ---\n' "$*"; }
t0=$SECONDS

step "tools (server headers, libclang, cargo-pgrx $PGRX_VERSION)"
pg_tools "$PG_CONFIG"
t_tools=$((SECONDS - t0))

step "fmt and clippy (reglament-pg)"
feature=$(pg_feature "$PG_CONFIG")
export PGRX_PG_CONFIG_PATH=$PG_CONFIG
cargo fmt -- --check
# --release: shares pgrx-pg-sys's generated bindings with the install build below
cargo clippy --release --no-default-features --features "$feature" --all-targets -- -D warnings

step "build and install into $("$PG_CONFIG" --version)"
t1=$SECONDS
sudo=()
[ "$(id -u)" = 0 ] || sudo=(--sudo)
cargo pgrx install --release --no-default-features --features "$feature" --pg-config "$PG_CONFIG" "${sudo[@]}"
t_build=$((SECONDS - t1))

step "server"
trap cluster_stop EXIT
cluster_start "$("$PG_CONFIG" --bindir)"
t2=$SECONDS

psql_run() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_run -c "CREATE EXTENSION reglament"
psql_run -f tests/setup.sql

for f in tests/sql/*.sql; do
  step "$f"
  psql_run -f "$f" >/dev/null
done

step "the README's event-log block, verbatim"
python3 tests/readme.py

step "conformance vectors (calendar and tickets)"
python3 tests/vectors.py

step "hostile inputs"
python3 tests/hostile.py

step "two sessions, one request"
bash tests/concurrency.sh

step "one answer in every face: the differential test with the PostgreSQL face (tests/differential)"
# the CLI built by scripts/test.sh's smoke step (or now); PostgreSQL through
# psql against this server; histories with an item that is not JSON cannot be
# stored in a jsonb array, so they are compared in the other faces only
bin="${REGLAMENT_BIN:-${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}/release/reglament}"
[ -x "$bin" ] || (cd .. && cargo build --release -p reglament-cli)
REGLAMENT_BIN="$bin" python3 ../tests/differential/diff.py --faces cli,pg --histories 150 --ops 1000
REGLAMENT_BIN="$bin" python3 ../tests/differential/diff.py --faces cli,pg --self-check

step "the server survived"
psql_run -At -c "SELECT 'server up, ' || count(*) || ' backends' FROM pg_stat_activity"
if grep -E "terminated by signal|server process .* was terminated" "$CLUSTER_DIR/server.log"; then
  echo "a backend crashed (server.log above)"; exit 1
fi
echo "pg: tools ${t_tools} s, build+install ${t_build} s, tests $((SECONDS - t2)) s, total $((SECONDS - t0)) s"
