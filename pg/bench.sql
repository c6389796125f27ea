-- The PostgreSQL bench (run by pg/bench.sh; numbers in benches/README.md).
-- reglament.add/elapsed against a PL/pgSQL business-hours function written
-- the way such functions usually are (a loop over days, holidays from a
-- table), on the same rows, the same calendar (Europe/Kyiv Mon-Fri
-- 09:00-18:00, the Ukrainian holidays of reglament.holidays), in the same
-- run; and the trigger's cost per insert against a plain insert.
\set ON_ERROR_STOP 1
SET TimeZone = 'UTC';
SET max_parallel_workers_per_gather = 0;   -- one core per query: rows/s per backend
SET jit = off;

CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.rows, bench.holiday, bench.result;

-- :rows instants spread over 2026 (deterministic), and the end of a
-- 450-working-hour budget from each
CREATE TABLE bench.rows AS
  SELECT g AS id, '2026-01-01T00:00:00Z'::timestamptz + ((g::bigint * 7919) % 31536000) * interval '1 second' AS t
  FROM generate_series(1, :rows) g;
ALTER TABLE bench.rows ADD COLUMN t450 timestamptz;
UPDATE bench.rows SET t450 = reglament.add(t, 450 * 3600);
VACUUM ANALYZE bench.rows;

-- the baseline's holidays: the same days off as the default calendar
CREATE TABLE bench.holiday (d date PRIMARY KEY);
INSERT INTO bench.holiday
  SELECT date FROM generate_series(2025, 2028) y, reglament.holidays(y)
  WHERE kind IN ('holiday', 'carried_over', 'transferred');

-- The usual PL/pgSQL: walk the days in local time, skip weekends and holidays.
CREATE OR REPLACE FUNCTION bench.plpgsql_add(t timestamptz, seconds bigint) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
  remaining bigint := seconds;
  day date := (t AT TIME ZONE 'Europe/Kyiv')::date;
  open_at timestamptz; close_at timestamptz; s timestamptz; len bigint;
BEGIN
  IF remaining <= 0 THEN RETURN t; END IF;
  LOOP
    IF extract(isodow FROM day) < 6 AND NOT EXISTS (SELECT 1 FROM bench.holiday h WHERE h.d = day) THEN
      open_at := (day + time '09:00') AT TIME ZONE 'Europe/Kyiv';
      close_at := (day + time '18:00') AT TIME ZONE 'Europe/Kyiv';
      s := greatest(t, open_at);
      IF s < close_at THEN
        len := extract(epoch FROM close_at - s)::bigint;
        IF remaining <= len THEN
          RETURN s + remaining * interval '1 second';
        END IF;
        remaining := remaining - len;
      END IF;
    END IF;
    day := day + 1;
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION bench.plpgsql_elapsed(a timestamptz, b timestamptz) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
  total bigint := 0;
  day date;
  open_at timestamptz; close_at timestamptz;
BEGIN
  IF b <= a THEN RETURN 0; END IF;
  FOR day IN SELECT generate_series((a AT TIME ZONE 'Europe/Kyiv')::date, (b AT TIME ZONE 'Europe/Kyiv')::date, interval '1 day')::date LOOP
    CONTINUE WHEN extract(isodow FROM day) >= 6;
    CONTINUE WHEN EXISTS (SELECT 1 FROM bench.holiday h WHERE h.d = day);
    open_at := greatest(a, (day + time '09:00') AT TIME ZONE 'Europe/Kyiv');
    close_at := least(b, (day + time '18:00') AT TIME ZONE 'Europe/Kyiv');
    IF close_at > open_at THEN
      total := total + extract(epoch FROM close_at - open_at)::bigint;
    END IF;
  END LOOP;
  RETURN total;
END $$;

-- same answers on a sample (the baseline is right, so the race is fair)
SELECT count(*) AS sample_mismatches
FROM (SELECT * FROM bench.rows WHERE id % 50 = 0) r
WHERE reglament.add(t, 7200) IS DISTINCT FROM bench.plpgsql_add(t, 7200)
   OR reglament.add(t, 450 * 3600) IS DISTINCT FROM bench.plpgsql_add(t, 450 * 3600)
   OR reglament.elapsed(t, t450) IS DISTINCT FROM bench.plpgsql_elapsed(t, t450)
   OR bench.plpgsql_elapsed(t, t450) <> 450 * 3600
\gset
\if :sample_mismatches
  \echo 'the PL/pgSQL baseline disagrees with reglament on' :sample_mismatches 'sampled rows'
  \quit 1
\endif

CREATE TABLE bench.result (what text, rows bigint, ms numeric);
-- best of :runs for one query over the first n rows
CREATE OR REPLACE FUNCTION bench.time(what text, expr text, n bigint, runs int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best numeric; ms numeric; i int;
BEGIN
  FOR i IN 1..runs LOOP
    t0 := clock_timestamp();
    EXECUTE format('SELECT count(%s) FROM bench.rows WHERE id <= %s', expr, n);
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    best := least(best, ms);
    IF best IS NULL THEN best := ms; END IF;
  END LOOP;
  INSERT INTO bench.result VALUES (what, n, round(best, 1));
END $$;

SELECT bench.time('count(*) (the scan alone)', '*', :rows, :runs);
SELECT bench.time('reglament.add(t, 7200)', 'reglament.add(t, 7200)', :rows, :runs);
SELECT bench.time('bench.plpgsql_add(t, 7200)', 'bench.plpgsql_add(t, 7200)', :rows, 1);
SELECT bench.time('reglament.add(t, 450 h)', 'reglament.add(t, 450 * 3600)', :rows, :runs);
SELECT bench.time('bench.plpgsql_add(t, 450 h)', 'bench.plpgsql_add(t, 450 * 3600)', :baseline_rows, 1);
SELECT bench.time('reglament.elapsed(t, t + 450 h)', 'reglament.elapsed(t, t450)', :rows, :runs);
SELECT bench.time('bench.plpgsql_elapsed(t, t + 450 h)', 'bench.plpgsql_elapsed(t, t450)', :baseline_rows, 1);
SELECT bench.time('reglament.elapsed(t, t + 450 h, calendar jsonb)', 'reglament.elapsed(t, t450, ' || quote_literal(reglament.default_calendar()::text) || '::jsonb)', :rows, :runs);

-- the trigger: :requests requests x :events events, one INSERT statement
-- each (a PL/pgSQL loop), into a plain table of the same layout and into
-- the README's event log (whose trigger replays the request's history)
DROP TABLE IF EXISTS bench.plain, bench.logged;
CREATE TABLE bench.plain (request_id text NOT NULL, seq integer NOT NULL, event jsonb NOT NULL, outcome jsonb,
                          recorded_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (request_id, seq));
CREATE TABLE bench.logged (LIKE bench.plain INCLUDING ALL);
CREATE TRIGGER enforce BEFORE INSERT ON bench.logged FOR EACH ROW
  EXECUTE FUNCTION reglament.enforce('request_id', 'seq', 'event', 'outcome');
CREATE OR REPLACE FUNCTION bench.fill(tbl text, requests int, events int) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp(); r int; e int; ev jsonb;
BEGIN
  FOR r IN 1..requests LOOP
    FOR e IN 1..events LOOP
      IF e = 1 THEN
        ev := '{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},"channel":"phone",'
              '"reason":"question","description":"d","conditions":"c","priority":"medium","category":"consultation"}';
      ELSE
        ev := jsonb_build_object('kind', 'comment', 'text', 'note ' || e,
                                 'at', to_char(timestamptz '2026-03-02T08:00:00Z' + e * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                 'actor', jsonb_build_object('id', 'op-1', 'role', 'operator'));
      END IF;
      EXECUTE format('INSERT INTO %s (request_id, seq, event) VALUES ($1, $2, $3)', tbl) USING 'R' || r, e, ev;
    END LOOP;
  END LOOP;
  RETURN round(extract(epoch FROM clock_timestamp() - t0) * 1000, 1);
END $$;
INSERT INTO bench.result SELECT 'INSERT, plain table', :requests * :events, bench.fill('bench.plain', :requests, :events);
INSERT INTO bench.result SELECT 'INSERT, reglament.enforce() trigger', :requests * :events, bench.fill('bench.logged', :requests, :events);
TRUNCATE bench.plain, bench.logged;
INSERT INTO bench.result SELECT 'INSERT, plain table, 100-event histories', 20 * 100, bench.fill('bench.plain', 20, 100);
INSERT INTO bench.result SELECT 'INSERT, trigger, 100-event histories', 20 * 100, bench.fill('bench.logged', 20, 100);

SELECT what, rows, ms, round(rows / (ms / 1000)) AS rows_per_s, round(ms * 1000 / rows, 2) AS us_per_row
FROM bench.result;
\pset format unaligned
\pset tuples_only on
\o :out
SELECT json_agg(r) FROM bench.result r;
\o
