-- reglament.enforce() on tables of other shapes than the README's: a bigint
-- request id, a bigint seq, no outcome column, a regulation of one's own;
-- refusals with clause, DETAIL and HINT; misuse; append-only.
SET TimeZone = 'UTC';

CREATE TABLE t.ev (
  req   bigint NOT NULL,
  n     bigint NOT NULL,
  doc   jsonb  NOT NULL,
  PRIMARY KEY (req, n)
);
DO $$ BEGIN
  EXECUTE format($f$CREATE TRIGGER ev_enforce BEFORE INSERT ON t.ev FOR EACH ROW
    EXECUTE FUNCTION reglament.enforce('req', 'n', 'doc', '', %L)$f$,
    reglament.regulation('{"archive_after":{"amount":2}}')::text);
END $$;

INSERT INTO t.ev (req, doc) VALUES (7, '{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},
  "channel":"phone","reason":"question","description":"d","conditions":"c","priority":"medium","category":"consultation"}');
SELECT t.eq((SELECT n FROM t.ev WHERE req = 7), 1::bigint, 'seq assigned');
INSERT INTO t.ev (req, doc) VALUES (7, '{"kind":"start_work","at":"2026-03-02T11:00:00+02:00","actor":{"id":"c-1","role":"consultant"}}');
INSERT INTO t.ev (req, n, doc) VALUES (7, 3, '{"kind":"release","at":"2026-03-02T12:00:00+02:00","actor":{"id":"c-1","role":"consultant"}}');
SELECT t.eq((SELECT max(n) FROM t.ev WHERE req = 7), 3::bigint, 'seq given');

-- a seq that is not the next one
SELECT t.raises($$INSERT INTO t.ev (req, n, doc) VALUES (7, 9, '{"kind":"comment","text":"x","at":"2026-03-02T12:00:00+02:00","actor":{"id":"c-1","role":"consultant"}}')$$,
  '22023', 'conflict', 'seq');

-- this regulation archives 2 calendar days after Release: day 1 is too early,
-- refused by clause 3.6 with both languages
SELECT t.raises($$INSERT INTO t.ev (req, doc) VALUES (7, '{"kind":"archive","at":"2026-03-03T12:00:00+02:00","actor":{"id":"op-1","role":"operator"}}')$$,
  '23514');
SELECT t.eq((((t.try($$INSERT INTO t.ev (req, doc) VALUES (7, '{"kind":"archive","at":"2026-03-03T12:00:00+02:00","actor":{"id":"op-1","role":"operator"}}')$$))->>'detail')::jsonb)->>'clause',
  '3.6', 'refusal clause in DETAIL');
SELECT t.eq((((t.try($$INSERT INTO t.ev (req, doc) VALUES (7, '{"kind":"archive","at":"2026-03-03T12:00:00+02:00","actor":{"id":"op-1","role":"operator"}}')$$))->>'detail')::jsonb)->>'code',
  'archive_too_early', 'refusal code in DETAIL');
SELECT t.ok((t.try($$INSERT INTO t.ev (req, doc) VALUES (7, '{"kind":"archive","at":"2026-03-03T12:00:00+02:00","actor":{"id":"op-1","role":"operator"}}')$$))->>'message'
  LIKE 'reglament: refused by clause 3.6 (archive_too_early): %', 'refusal message');
SELECT t.ok((t.try($$INSERT INTO t.ev (req, doc) VALUES (7, '{"kind":"archive","at":"2026-03-03T12:00:00+02:00","actor":{"id":"op-1","role":"operator"}}')$$))->>'hint'
  LIKE 'пункт 3.6: %', 'Ukrainian HINT');
-- day 2 is allowed under this regulation (the default says 10 days)
INSERT INTO t.ev (req, doc) VALUES (7, '{"kind":"archive","at":"2026-03-04T12:00:00+02:00","actor":{"id":"op-1","role":"operator"}}');
SELECT t.eq((SELECT count(*) FROM t.ev WHERE req = 7), 4::bigint, 'four events stored');
SELECT t.eq(reglament.replay((SELECT jsonb_agg(doc ORDER BY n) FROM t.ev WHERE req = 7),
                             reglament.regulation('{"archive_after":{"amount":2}}'))->'ticket'->>'status', 'archived', 'archived');
-- another request is independent
SELECT t.raises($$INSERT INTO t.ev (req, doc) VALUES (8, '{"kind":"start_work","at":"2026-03-02T11:00:00+02:00","actor":{"id":"c-1","role":"consultant"}}')$$,
  '23514');
-- a malformed event is 22023 with the core's code and field
SELECT t.raises($$INSERT INTO t.ev (req, doc) VALUES (8, '{"kind":"register","at":"yesterday","actor":{"id":"op-1","role":"operator"}}')$$,
  '22023', 'invalid_instant', 'event.at');
SELECT t.raises($$INSERT INTO t.ev (req, doc) VALUES (8, '[]')$$, '22023', 'invalid_json');
-- a refused insert inside a transaction aborts that transaction only
BEGIN;
INSERT INTO t.ev (req, doc) VALUES (9, '{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},
  "channel":"phone","description":"d","conditions":"c","priority":"low"}');
SAVEPOINT s;
SELECT t.raises($$INSERT INTO t.ev (req, doc) VALUES (9, '{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},
  "channel":"phone","description":"d","conditions":"c","priority":"low"}')$$, '23514');
ROLLBACK TO s;
COMMIT;
SELECT t.eq((SELECT count(*) FROM t.ev WHERE req = 9), 1::bigint, 'the legal one committed');

-- misuse: wrong columns, wrong timing, wrong regulation text
CREATE TABLE t.bad (id text, seq int, event text);
CREATE TRIGGER bad_enforce BEFORE INSERT ON t.bad FOR EACH ROW EXECUTE FUNCTION reglament.enforce('id', 'seq', 'event', '');
SELECT t.raises($$INSERT INTO t.bad VALUES ('a', 1, '{}')$$, '22023', 'invalid_value', 'event');
DROP TRIGGER bad_enforce ON t.bad;
CREATE TRIGGER bad_enforce BEFORE INSERT ON t.bad FOR EACH ROW EXECUTE FUNCTION reglament.enforce('nope');
SELECT t.raises($$INSERT INTO t.bad VALUES ('a', 1, '{}')$$, '22023', 'invalid_value', 'request');
DROP TRIGGER bad_enforce ON t.bad;
CREATE TABLE t.bad2 (request_id text, seq int, event jsonb);
CREATE TRIGGER bad_enforce AFTER INSERT ON t.bad2 FOR EACH ROW EXECUTE FUNCTION reglament.enforce('request_id', 'seq', 'event', '');
SELECT t.raises($$INSERT INTO t.bad2 VALUES ('a', 1, '{}')$$, '22023', 'invalid_value', 'trigger');
DROP TRIGGER bad_enforce ON t.bad2;
CREATE TRIGGER bad_enforce BEFORE INSERT ON t.bad2 FOR EACH ROW EXECUTE FUNCTION reglament.enforce('request_id', 'seq', 'event', '', '{not json');
SELECT t.raises($$INSERT INTO t.bad2 VALUES ('a', NULL, '{"kind":"comment","text":"x","at":"2026-03-02T12:00:00Z","actor":{"id":"c-1","role":"consultant"}}')$$,
  '22023', 'invalid_json', 'regulation');
DROP TRIGGER bad_enforce ON t.bad2;
CREATE TRIGGER bad_enforce BEFORE INSERT ON t.bad2 FOR EACH ROW EXECUTE FUNCTION reglament.enforce('request_id', 'seq', 'event', '', '{"contract":{}}');
SELECT t.raises($$INSERT INTO t.bad2 VALUES ('a', NULL, '{"kind":"comment","text":"x","at":"2026-03-02T12:00:00Z","actor":{"id":"c-1","role":"consultant"}}')$$,
  '22023', 'missing_field', 'regulation.contract.number');
DROP TRIGGER bad_enforce ON t.bad2;
-- a NULL request
CREATE TRIGGER bad_enforce BEFORE INSERT ON t.bad2 FOR EACH ROW EXECUTE FUNCTION reglament.enforce('request_id', 'seq', 'event', '');
SELECT t.raises($$INSERT INTO t.bad2 VALUES (NULL, NULL, '{}')$$, '22023', 'invalid_value', 'request');

-- the log is append-only when the trigger also guards UPDATE and DELETE
CREATE TRIGGER ev_append_only BEFORE UPDATE OR DELETE ON t.ev FOR EACH ROW EXECUTE FUNCTION reglament.enforce('req', 'n', 'doc', '');
SELECT t.raises($$UPDATE t.ev SET doc = doc WHERE req = 7$$, '23514');
SELECT t.raises($$DELETE FROM t.ev WHERE req = 7$$, '23514');

-- several events of one request in one INSERT statement: each row is judged
-- after the ones before it (the trigger's read sees the statement's earlier rows)
INSERT INTO t.ev (req, doc) VALUES
  (10, '{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},
         "channel":"phone","description":"d","conditions":"c","priority":"low"}'),
  (10, '{"kind":"start_work","at":"2026-03-02T11:00:00+02:00","actor":{"id":"c-1","role":"consultant"}}'),
  (10, '{"kind":"complete","at":"2026-03-02T12:00:00+02:00","actor":{"id":"c-1","role":"consultant"}}');
SELECT t.eq((SELECT string_agg(n::text || ':' || (doc->>'kind'), ',' ORDER BY n) FROM t.ev WHERE req = 10),
  '1:register,2:start_work,3:complete', 'three events in one statement');
-- and a statement whose second row is illegal fails as a whole
SELECT t.raises($$INSERT INTO t.ev (req, doc) VALUES
  (11, '{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d","conditions":"c","priority":"low"}'),
  (11, '{"kind":"register","at":"2026-03-02T10:01:00+02:00","actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d","conditions":"c","priority":"low"}')$$,
  '23514');
SELECT t.eq((SELECT count(*) FROM t.ev WHERE req = 11), 0::bigint, 'nothing of the failed statement stored');
