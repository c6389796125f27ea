# Shared by pg/run-tests.sh and pg/bench.sh: a throwaway PostgreSQL cluster
# run by an unprivileged user (the server refuses to run as root, and CI
# runs as root). Source it, then `cluster_start BINDIR`; `cluster_stop` at
# exit. Sets PGHOST (the socket directory), PGPORT, PGUSER, PGDATABASE, so
# plain `psql` connects.

cluster_start() {
  local bindir=$1
  CLUSTER_DIR=$(mktemp -d /tmp/reglament-pg.XXXXXX)
  chmod 755 "$CLUSTER_DIR"
  CLUSTER_USER=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    # Debian's server package creates `postgres`; elsewhere make a user.
    CLUSTER_USER=postgres
    id -u "$CLUSTER_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$CLUSTER_USER"
    chown "$CLUSTER_USER" "$CLUSTER_DIR"
  fi
  export PGPORT=${PGPORT:-$((54000 + RANDOM % 1000))}
  cluster_as "$bindir/initdb" -D "$CLUSTER_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  cluster_as "$bindir/pg_ctl" -D "$CLUSTER_DIR/data" -l "$CLUSTER_DIR/server.log" -w \
    -o "-k $CLUSTER_DIR -p $PGPORT -c listen_addresses= -c fsync=off -c max_locks_per_transaction=256 ${CLUSTER_OPTIONS:-}" start >/dev/null
  export PGHOST=$CLUSTER_DIR PGUSER=postgres PGDATABASE=postgres
  CLUSTER_BIN=$bindir
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running as $CLUSTER_USER on $PGHOST:$PGPORT"
}

# Runs a command as the cluster's user.
cluster_as() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$CLUSTER_USER" -- "$@"
  else
    "$@"
  fi
}

cluster_stop() {
  [ -n "${CLUSTER_DIR:-}" ] || return 0
  cluster_as "$CLUSTER_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  if [ "${KEEP_CLUSTER:-}" = 1 ]; then echo "cluster kept in $CLUSTER_DIR"; else rm -rf "$CLUSTER_DIR"; fi
}
