#!/usr/bin/env bash
# Two sessions insert events for one request at the same time, through the
# README's event log (request_event, created by readme.py). The trigger's
# advisory lock must serialize them:
#  1. A rejects the request and holds its transaction open; B's start_work
#     waits for A (seen in pg_locks), then sees the rejection and is refused
#     (23514, terminal_status), instead of being judged against the stale
#     Backlog status.
#  2. Two legal comments at once: both stored, seqs 2 and 3 (without the
#     lock both would compute seq 2 and one would fail on the primary key).
#  3. Other requests do not wait for a held request.
set -euo pipefail
cd "$(dirname "$0")"
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
reg='{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},"channel":"phone","reason":"question","description":"d","conditions":"c","priority":"medium","category":"consultation"}'
ev() { printf '{"kind":"%s","at":"2026-03-02T%s+02:00","actor":{"id":"%s","role":"%s"}%s}' "$@"; }

q -c "DELETE FROM request_event WHERE false"  # the table exists
for r in C-1 C-2 C-3; do q -c "INSERT INTO request_event (request_id, event) VALUES ('$r', '$reg')"; done

# 1. A rejects C-1 and keeps its transaction open for 3 s
q > "$tmp/a.out" 2>&1 <<SQL &
BEGIN;
INSERT INTO request_event (request_id, event) VALUES ('C-1', '$(ev reject 10:05:00 op-1 operator ',"reason":"duplicate"')');
SELECT pg_sleep(3);
COMMIT;
SQL
a=$!
sleep 0.7
t0=$(date +%s%N)
q > "$tmp/b.out" 2>&1 <<SQL &
INSERT INTO request_event (request_id, event) VALUES ('C-1', '$(ev start_work 10:06:00 co-1 consultant '')');
SQL
b=$!
sleep 0.7
waiting=$(q -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
# 3. meanwhile another request is not blocked
t1=$(date +%s%N)
q -c "INSERT INTO request_event (request_id, event) VALUES ('C-3', '$(ev comment 10:07:00 op-1 operator ',"text":"x"')')"
other_ms=$(( ($(date +%s%N) - t1) / 1000000 ))
wait $a
wait $b && { echo "FAILED: B's start_work was accepted after the rejection"; cat "$tmp/b.out"; exit 1; }
b_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
grep -q 'refused by clause' "$tmp/b.out" || { echo "FAILED: B was not refused by the regulation:"; cat "$tmp/b.out"; exit 1; }
grep -q 'terminal_status' "$tmp/b.out" || { echo "FAILED: B's refusal is not terminal_status:"; cat "$tmp/b.out"; exit 1; }
[ "$waiting" -ge 1 ] || { echo "FAILED: B did not wait on the advisory lock (waiting=$waiting)"; exit 1; }
[ "$b_ms" -ge 1500 ] || { echo "FAILED: B finished in ${b_ms} ms, before A committed"; exit 1; }
[ "$other_ms" -lt 1500 ] || { echo "FAILED: another request waited ${other_ms} ms"; exit 1; }
[ "$(q -c "SELECT string_agg(event->>'kind', ',' ORDER BY seq) FROM request_event WHERE request_id = 'C-1'")" = "register,reject" ] \
  || { echo "FAILED: C-1 holds the wrong events"; exit 1; }
echo "1. B waited ${b_ms} ms on the advisory lock (${waiting} waiter seen), then was refused: $(grep -o 'refused by clause [^:]*' "$tmp/b.out")"
echo "3. another request meanwhile: ${other_ms} ms"

# 2. two legal comments at once, 20 rounds
for i in $(seq 1 20); do
  q -c "INSERT INTO request_event (request_id, event) VALUES ('C-2', '$(ev comment 10:10:00 op-1 operator ',"text":"a"')')" > "$tmp/c1" 2>&1 &
  p1=$!
  q -c "INSERT INTO request_event (request_id, event) VALUES ('C-2', '$(ev comment 10:10:00 co-1 consultant ',"text":"b"')')" > "$tmp/c2" 2>&1 &
  p2=$!
  wait $p1 || { echo "FAILED: round $i, session 1:"; cat "$tmp/c1"; exit 1; }
  wait $p2 || { echo "FAILED: round $i, session 2:"; cat "$tmp/c2"; exit 1; }
done
seqs=$(q -c "SELECT count(*) || ' rows, seq ' || min(seq) || '..' || max(seq) FROM request_event WHERE request_id = 'C-2'")
[ "$seqs" = "41 rows, seq 1..41" ] || { echo "FAILED: C-2 has $seqs"; exit 1; }
echo "2. 20 rounds of two concurrent comments: $seqs, no conflict"

# 4. REPEATABLE READ: A's snapshot predates B's committed event; A's insert
#    for the same request fails on the primary key instead of being judged
#    against the stale history
q -c "INSERT INTO request_event (request_id, event) VALUES ('C-4', '$reg')"
cat > "$tmp/other.sql" <<SQL
INSERT INTO request_event (request_id, event) VALUES ('C-4', '$(ev comment 10:20:00 op-1 operator ',"text":"b"')');
SQL
out=$(psql -X -q -At -v ON_ERROR_STOP=0 2>&1 <<SQL || true
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT count(*) FROM request_event WHERE request_id = 'C-4';
\! psql -X -q -v ON_ERROR_STOP=1 -f $tmp/other.sql
INSERT INTO request_event (request_id, event) VALUES ('C-4', '$(ev comment 10:21:00 op-1 operator ',"text":"a"')');
COMMIT;
SQL
)
echo "$out" | grep -q 'duplicate key value violates unique constraint' \
  || { echo "FAILED: REPEATABLE READ: expected a unique violation, got: $out"; exit 1; }
[ "$(q -c "SELECT count(*) FROM request_event WHERE request_id = 'C-4'")" = 2 ] || { echo "FAILED: C-4 rows"; exit 1; }
echo "4. REPEATABLE READ: the stale transaction's insert failed on the primary key (23505), 2 rows kept"
