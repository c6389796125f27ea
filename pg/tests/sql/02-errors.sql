-- Bad input is an SQL error with the core's code, field and message
-- (SQLSTATE 22023, DETAIL {"code","field","message"}), never a crash.
-- The whole bad-input catalogue runs through tests/hostile.py.
SET TimeZone = 'UTC';

SELECT t.raises($$SELECT reglament.add('2026-03-27T15:00:00Z', 1,
  '{"timezone":"UTC","week":{"mon":[["09:00","25:00"]]}}')$$, '22023', 'invalid_value', 'calendar.week.mon[0][1]');
SELECT t.raises($$SELECT reglament.add('2026-03-27T15:00:00Z', 1, '{"timezone":"Mars/Olympus","week":{}}')$$,
  '22023', 'unknown_timezone', 'calendar.timezone');
SELECT t.raises($$SELECT reglament.is_working(now(), '{"timezone":"UTC"}')$$, '22023', 'missing_field', 'calendar.week');
SELECT t.raises($$SELECT reglament.is_working(now(), '{"timezone":"UTC","week":{},"colour":"red"}')$$, '22023', 'unknown_field');
SELECT t.raises($$SELECT reglament.is_working(now(), '"UTC"')$$, '22023', 'invalid_json');
SELECT t.raises($$SELECT reglament.is_working(now(), '[]')$$, '22023', 'invalid_json');
SELECT t.raises($$SELECT reglament.add('2026-03-30T09:00:00Z', 1, '{"timezone":"UTC","week":{}}')$$, '22023', 'no_working_time');
-- instants outside 1970..2100, infinity
SELECT t.raises($$SELECT reglament.add('1969-12-31T23:59:59Z', 1)$$, '22023', 'out_of_range');
SELECT t.raises($$SELECT reglament.elapsed('2026-03-30T09:00:00Z', '2100-01-01T00:00:01Z')$$, '22023', 'out_of_range');
SELECT t.raises($$SELECT reglament.add('infinity', 1)$$, '22023', 'out_of_range', 't');
SELECT t.raises($$SELECT reglament.elapsed('-infinity', now())$$, '22023', 'out_of_range', 'a');
SELECT t.raises($$SELECT reglament.add('2026-03-30T09:00:00Z', 9223372036854775807)$$, '22023', 'out_of_range');
SELECT t.raises($$SELECT reglament.sub('2026-03-30T09:00:00Z', -9223372036854775808)$$, '22023', 'out_of_range');
SELECT t.raises($$SELECT reglament.add_working_days('2026-03-30T09:00:00Z', -1)$$, '22023', 'invalid_value', 'days');
-- holidays
SELECT t.raises($$SELECT * FROM reglament.holidays(1990)$$, '22023', 'out_of_range');
SELECT t.raises($$SELECT * FROM reglament.holidays(2101)$$, '22023', 'out_of_range');
SELECT t.raises($$SELECT * FROM reglament.holidays(2026, 'ua')$$, '22023', 'invalid_value', 'mode');
SELECT t.raises($$SELECT * FROM reglament.holidays(2026, 'UA', '2000-01-01')$$, '22023', 'invalid_value', 'martial_law_end');
SELECT t.raises($$SELECT * FROM reglament.holidays(-2147483648)$$, '22023', 'out_of_range');
-- regulations and events
SELECT t.raises($$SELECT reglament.replay('[]', '{"contract": {}}')$$, '22023', 'missing_field', 'regulation.contract.number');
SELECT t.raises($$SELECT reglament.regulation('{"archive_after": {"unit": "weeks"}}')$$, '22023', 'invalid_value');
SELECT t.raises($$SELECT reglament.replay('{}')$$, '22023', 'invalid_json', 'events');
SELECT t.raises($$SELECT reglament.clocks('[{"kind":"fly"}]', now())$$, '22023', NULL);
SELECT t.raises($$SELECT reglament.check_event('[]', '{"kind":"register"}')$$, '22023', 'missing_field');
SELECT t.raises($$SELECT reglament.check_event('[]', '"register"')$$, '22023', 'invalid_json', 'event');
SELECT t.raises($$SELECT reglament.next_change_at('[]', 'infinity')$$, '22023', 'out_of_range', 'now');
-- the message names the code and the field; DETAIL is JSON
SELECT t.ok((t.try($$SELECT reglament.is_working(now(), '{"timezone":"UTC","week":{"mon":[["9","18:00"]]}}')$$)->>'message')
  LIKE 'reglament: invalid_value at calendar.week.mon[0][0]: %', 'message format');

-- A panic in Rust code is an ERROR (XX000), the backend lives on
SELECT t.raises($$SELECT reglament._panic_for_test()$$, 'XX000');
SELECT t.eq(reglament.add('2026-03-27T15:00:00Z', 7200), '2026-03-30T07:00:00Z'::timestamptz, 'alive after the panic');
-- an error inside a cached build leaves the cache usable
SELECT t.raises($$SELECT reglament.add(now(), 1, '{"timezone":"UTC","week":{"mon":[["09:00","25:00"]]}}')$$, '22023');
SELECT t.eq(reglament.add('2026-03-30T09:00:00Z', 3600, '{"timezone":"UTC","week":{"mon":[["09:00","17:00"]]}}'),
  '2026-03-30T10:00:00Z'::timestamptz, 'cache after an error');
