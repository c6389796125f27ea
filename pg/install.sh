#!/usr/bin/env bash
# Installs the reglament extension into the PostgreSQL whose pg_config is
# first on PATH, or PG_CONFIG=/path/to/pg_config. Installs what the build
# needs first (idempotently): the server headers and libclang (Debian
# packages), the pinned cargo-pgrx. Then, in a database:
#   CREATE EXTENSION reglament;
# Usage: bash pg/install.sh            (root, or a user with sudo)
set -euo pipefail
cd "$(dirname "$0")"
. ./tools.sh
PG_CONFIG=${PG_CONFIG:-$(command -v pg_config || true)}
[ -n "$PG_CONFIG" ] || { echo "no pg_config on PATH: set PG_CONFIG=/path/to/pg_config" >&2; exit 1; }
PG_CONFIG=$(readlink -f "$PG_CONFIG")
# Debian's /usr/bin/pg_config is a wrapper: prefer the server's own.
if [ "$PG_CONFIG" = /usr/bin/pg_config ] || [ "$PG_CONFIG" = /usr/share/postgresql-common/pg_wrapper ]; then
  v=$(/usr/bin/pg_config --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
  [ -x "/usr/lib/postgresql/$v/bin/pg_config" ] && PG_CONFIG=/usr/lib/postgresql/$v/bin/pg_config
fi
echo "PostgreSQL: $("$PG_CONFIG" --version) ($PG_CONFIG)"
pg_tools "$PG_CONFIG"
feature=$(pg_feature "$PG_CONFIG")
export PGRX_PG_CONFIG_PATH=$PG_CONFIG   # as pg/run-tests.sh: the same build cache
sudo=()
[ "$(id -u)" = 0 ] || sudo=(--sudo)
cargo pgrx install --release --no-default-features --features "$feature" --pg-config "$PG_CONFIG" "${sudo[@]}"
echo "installed: CREATE EXTENSION reglament; in any database of this server"
