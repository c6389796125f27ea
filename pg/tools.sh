# Shared by pg/run-tests.sh and pg/install.sh: installs what a pgrx build
# needs, idempotently. Source it; then call `pg_tools "$PG_CONFIG"`.
#
#   PG_CONFIG        the pg_config of the PostgreSQL to build for
#   PGRX_VERSION     the cargo-pgrx version (= the crate's pinned pgrx)

PGRX_VERSION=$(sed -n 's/^pgrx = "=\([0-9.]*\)"$/\1/p' "$(dirname "${BASH_SOURCE[0]}")/Cargo.toml")

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The Debian packages a pgrx build needs, installed only when missing:
# the server headers matching PG_CONFIG's major version, and libclang
# (bindgen).
pg_packages() {
  local major missing=()
  major=$("$1" --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
  [ -f "$("$1" --includedir-server)/postgres.h" ] || missing+=("postgresql-server-dev-$major")
  ldconfig -p 2>/dev/null | grep -q 'libclang[-.0-9]*\.so' || missing+=(libclang-dev)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# cargo-pgrx of exactly PGRX_VERSION, installed only when missing or other.
pg_cargo_pgrx() {
  local have
  have=$(cargo pgrx --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$PGRX_VERSION" ]; then
    echo "installing cargo-pgrx $PGRX_VERSION (found: ${have:-none})"
    local t0=$SECONDS
    cargo install cargo-pgrx --version "=$PGRX_VERSION" --locked
    echo "cargo-pgrx $PGRX_VERSION installed in $((SECONDS - t0)) s"
  fi
}

# `cargo pgrx init` for this PostgreSQL only (no downloads), when not done.
pg_init() {
  local major cfg="${PGRX_HOME:-$HOME/.pgrx}/config.toml"
  major=$("$1" --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
  if ! grep -qs "^pg$major = \"$1\"" "$cfg"; then
    cargo pgrx init "--pg$major" "$1"
  fi
}

# Everything: packages, cargo-pgrx, init.
pg_tools() {
  pg_packages "$1"
  pg_cargo_pgrx
  pg_init "$1"
}

# The cargo feature of PG_CONFIG's major version (pg15, pg16, ...).
pg_feature() {
  echo "pg$("$1" --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')"
}
