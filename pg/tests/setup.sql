-- Helpers of the SQL tests (schema t). Each assertion raises on failure,
-- so psql -v ON_ERROR_STOP=1 stops at the first one that does not hold.
CREATE SCHEMA IF NOT EXISTS t;

-- Raises unless `cond` holds.
CREATE OR REPLACE FUNCTION t.ok(cond boolean, what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cond IS NOT TRUE THEN
    RAISE EXCEPTION 'FAILED: %', what;
  END IF;
END $$;

-- Raises unless `got` equals `want` (NULLs equal).
CREATE OR REPLACE FUNCTION t.eq(got anyelement, want anyelement, what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF got IS DISTINCT FROM want THEN
    RAISE EXCEPTION 'FAILED: %: got %, want %', what, got, want;
  END IF;
END $$;

-- Runs `sql` in a subtransaction: {"ok": <first column as text>} or
-- {"sqlstate", "message", "detail", "hint"} of the error it raised.
CREATE OR REPLACE FUNCTION t.try(sql text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  r text;
  st text; msg text; det text; hin text;
BEGIN
  EXECUTE sql INTO r;
  RETURN jsonb_build_object('ok', r);
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                          det = PG_EXCEPTION_DETAIL, hin = PG_EXCEPTION_HINT;
  RETURN jsonb_build_object('sqlstate', st, 'message', msg, 'detail', det, 'hint', hin);
END $$;

-- `sql` must raise SQLSTATE `state`; with `code` (and `field`), the
-- reglament DETAIL must carry that code (and field).
CREATE OR REPLACE FUNCTION t.raises(sql text, state text, code text DEFAULT NULL,
                                    field text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := t.try(sql);
  d jsonb;
BEGIN
  IF r ? 'ok' THEN
    RAISE EXCEPTION 'FAILED: % should raise %, answered %', sql, state, r->>'ok';
  END IF;
  IF r->>'sqlstate' <> state THEN
    RAISE EXCEPTION 'FAILED: % raised % (%), want %', sql, r->>'sqlstate', r->>'message', state;
  END IF;
  IF code IS NOT NULL THEN
    d := (r->>'detail')::jsonb;
    IF d->>'code' IS DISTINCT FROM code THEN
      RAISE EXCEPTION 'FAILED: % raised code %, want % (%)', sql, d->>'code', code, r->>'message';
    END IF;
    IF field IS NOT NULL AND d->>'field' IS DISTINCT FROM field THEN
      RAISE EXCEPTION 'FAILED: % raised field %, want % (%)', sql, d->>'field', field, r->>'message';
    END IF;
  END IF;
  RETURN r;
END $$;

-- An instant as RFC 3339 UTC with Z (how the vectors write them).
CREATE OR REPLACE FUNCTION t.z(ts timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;
