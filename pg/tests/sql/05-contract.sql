-- The contract record in SQL (DESIGN §5): fingerprint, chain, chain_head,
-- verify. The same answers as the CLI, C and WebAssembly faces.
SET TimeZone = 'UTC';

CREATE TEMP TABLE hist AS SELECT jsonb_build_array(
  '{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},
    "channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}'::jsonb,
  '{"kind":"comment","at":"2026-03-02T10:05:00+02:00","actor":{"id":"op-1","role":"operator"},"text":"called back"}'::jsonb
) AS events;

-- the fingerprint follows meaning: the complete file of the default has the default's
SELECT t.ok(reglament.fingerprint() ~ '^sha256:[0-9a-f]{64}$', 'fingerprint format');
SELECT t.eq(reglament.fingerprint(reglament.regulation()), reglament.fingerprint(), 'same meaning, same fingerprint');
SELECT t.ok(reglament.fingerprint(reglament.regulation('{"archive_after":{"amount":9}}'))
            <> reglament.fingerprint(), 'another value, another fingerprint');

-- chain: linked from the genesis, the last hash is the head; verify holds
SELECT t.eq((SELECT jsonb_array_length(reglament.chain(events, 'T-1')) FROM hist), 2, 'two entries');
SELECT t.eq((SELECT reglament.chain(events, 'T-1')->1->>'prev' = reglament.chain(events, 'T-1')->0->>'hash' FROM hist),
            true, 'entries linked');
SELECT t.eq((SELECT reglament.chain(events, 'T-1')->1->>'hash' FROM hist),
            (SELECT reglament.chain_head(events, 'T-1') FROM hist), 'the head is the last hash');
SELECT t.eq((SELECT reglament.verify(reglament.chain(events, 'T-1'), 'T-1')->>'ok' FROM hist), 'true', 'verify holds');

-- an edited event, another request: the first entry that does not hold is named
SELECT t.eq((SELECT reglament.verify(jsonb_set(reglament.chain(events, 'T-1'), '{1,event,text}', '"edited"'), 'T-1')
             ->>'first_bad' FROM hist), '1', 'an edit is named');
SELECT t.eq((SELECT reglament.verify(reglament.chain(events, 'T-1'), 'T-2')->>'field' FROM hist), 'prev',
            'another request: prev of entry 0');

-- bad input: an item that is not an event, a chain that is not an array
SELECT t.raises($$SELECT reglament.chain('[{"kind":"promote"}]', 'T')$$, '22023', 'invalid_value', 'events[0].kind');
SELECT t.raises($$SELECT reglament.verify('{}', 'T')$$, '22023', 'invalid_value', 'chained');

-- the trigger stores each accepted event's chain hash: the last row's is the head
CREATE TABLE chained_log (
  request_id text NOT NULL,
  seq        bigint NOT NULL,
  event      jsonb NOT NULL,
  outcome    jsonb,
  hash       text,
  PRIMARY KEY (request_id, seq)
);
CREATE TRIGGER chained_log_enforce BEFORE INSERT ON chained_log FOR EACH ROW
  EXECUTE FUNCTION reglament.enforce('request_id', 'seq', 'event', 'outcome', '', 'hash');
INSERT INTO chained_log (request_id, event) SELECT 'R-1', e FROM hist, jsonb_array_elements(events) e;
SELECT t.eq((SELECT hash FROM chained_log WHERE request_id = 'R-1' ORDER BY seq DESC LIMIT 1),
            (SELECT reglament.chain_head(events, 'R-1') FROM hist), 'the stored hash of the last row is the head');
SELECT t.eq((SELECT hash FROM chained_log WHERE request_id = 'R-1' AND seq = 1),
            (SELECT reglament.chain(events, 'R-1')->0->>'hash' FROM hist), 'row 1 holds chain entry 0');
SELECT t.eq((SELECT hash FROM chained_log WHERE request_id = 'R-1' AND seq = 2),
            (SELECT reglament.chain(events, 'R-1')->1->>'hash' FROM hist), 'row 2 holds chain entry 1');
-- an illegal event is refused and stores nothing, hash included
SELECT t.raises($$INSERT INTO chained_log (request_id, event) VALUES ('R-1',
  '{"kind":"archive","at":"2026-03-02T10:30:00+02:00","actor":{"id":"op-1","role":"operator"}}')$$, '23514');
SELECT t.eq((SELECT count(*) FROM chained_log WHERE request_id = 'R-1'), 2::bigint, 'nothing stored');
DROP TABLE chained_log;
