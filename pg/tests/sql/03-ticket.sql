-- A request's life in SQL: check_event, replay, clocks, next_change_at.
-- Every ticket vector runs through tests/vectors.py.
SET TimeZone = 'UTC';

CREATE TEMP TABLE life AS SELECT jsonb_build_array(
  '{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},
    "channel":"phone","reason":"software_failure","description":"The invoice form hangs",
    "conditions":"Sales > Invoices, Save","priority":"high","category":"incident"}'::jsonb
) AS events;

-- a legal event, and one the regulation refuses (with clause and both languages)
SELECT t.eq((SELECT reglament.check_event(events,
  '{"kind":"start_work","at":"2026-03-02T10:30:00+02:00","actor":{"id":"c-1","role":"consultant"}}') FROM life)->>'status',
  'in_progress', 'check_event accepted');
SELECT t.eq((SELECT reglament.check_event(events,
  '{"kind":"archive","at":"2026-03-02T10:30:00+02:00","actor":{"id":"op-1","role":"operator"}}') FROM life)->'accepted',
  'false'::jsonb, 'check_event refused');
SELECT t.ok((SELECT r->'refusal'->>'clause' IS NOT NULL AND r->'refusal'->>'message_uk' <> r->'refusal'->>'message_en'
  FROM (SELECT reglament.check_event(events,
  '{"kind":"archive","at":"2026-03-02T10:30:00+02:00","actor":{"id":"op-1","role":"operator"}}') AS r FROM life) s),
  'refusal has clause and uk/en');

-- replay: one step per event, the state
SELECT t.eq((SELECT jsonb_array_length(reglament.replay(events)->'steps') FROM life), 1, 'replay steps');
SELECT t.eq((SELECT reglament.replay(events, NULL, 'REQ-7')->'ticket'->>'id' FROM life), 'REQ-7', 'replay id');
SELECT t.eq((SELECT reglament.replay(events)->'ticket'->>'status' FROM life), 'backlog', 'replay status');
-- an unreadable event is an error step, skipped (as `reglament replay`)
SELECT t.eq((SELECT reglament.replay(events || '[{"kind":"fly","at":"2026-03-02T10:00:00Z","actor":{"id":"x","role":"user"}}]')->'steps'->1->'error'->>'code' FROM life),
  'invalid_value', 'replay error step');

-- clocks at a now; next_change_at
SELECT t.eq((SELECT reglament.clocks(events, '2026-03-02T08:30:00Z')->'response'->>'state' FROM life), 'running', 'clocks running');
SELECT t.ok((SELECT reglament.next_change_at(events, '2026-03-02T08:30:00Z') > '2026-03-02T08:30:00Z' FROM life), 'next_change_at');
SELECT t.eq((SELECT reglament.clocks(events, '2026-03-02T08:30:00Z', NULL, 'REQ-7')->>'ticket' FROM life), 'REQ-7', 'clocks id');

-- regulation(): the complete file with overrides; used as the regulation argument
SELECT t.eq(reglament.regulation('{"archive_after":{"unit":"working_days"}}')->'archive_after'->>'unit', 'working_days', 'regulation()');
SELECT t.eq(reglament.regulation()->'archive_after'->>'amount', '10', 'regulation() default');
SELECT t.eq((SELECT reglament.replay(events, reglament.regulation('{"warning_thresholds":[50]}'))->'ticket'->>'status' FROM life),
  'backlog', 'replay under a regulation');

-- empty history
SELECT t.eq(reglament.replay('[]')->'steps', '[]'::jsonb, 'empty replay');
SELECT t.raises($$SELECT reglament.next_change_at('[]', now())$$, '22023', 'conflict');  -- no clocks before registration

SELECT t.ok(reglament.version() <> '', 'version');

-- NULL arguments give NULL (a NULL regulation is the default)
SELECT t.ok(reglament.replay(NULL) IS NULL, 'replay(NULL)');
SELECT t.ok(reglament.check_event(NULL, '{}') IS NULL, 'check_event(NULL, ...)');
SELECT t.ok(reglament.check_event('[]', NULL) IS NULL, 'check_event(..., NULL)');
SELECT t.ok(reglament.clocks(NULL, now()) IS NULL, 'clocks(NULL, ...)');
SELECT t.ok(reglament.clocks('[]', NULL) IS NULL, 'clocks(..., NULL)');
SELECT t.ok(reglament.next_change_at(NULL, now()) IS NULL, 'next_change_at(NULL, ...)');
SELECT t.ok(reglament.next_change_at('[]', NULL) IS NULL, 'next_change_at(..., NULL)');
