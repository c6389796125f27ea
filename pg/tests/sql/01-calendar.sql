-- Working-time arithmetic in SQL (DESIGN §3); every calendar vector runs
-- through tests/vectors.py, these are the shapes of the SQL functions.
SET TimeZone = 'UTC';

-- DESIGN §3's example: Friday 2026-03-27 17:00 Kyiv + 2 working hours =
-- Monday 2026-03-30 10:00 Kyiv (summer time) = 07:00Z.
SELECT t.eq(reglament.add('2026-03-27T17:00:00+02:00', 7200), '2026-03-30T07:00:00Z'::timestamptz, 'add example');
SELECT t.eq(reglament.sub('2026-03-30T07:00:00Z', 7200), '2026-03-27T15:00:00Z'::timestamptz, 'sub example');
SELECT t.eq(reglament.elapsed('2026-03-27T15:00:00Z', '2026-03-30T07:00:00Z'), 7200::bigint, 'elapsed');
SELECT t.eq(reglament.elapsed('2026-03-30T07:00:00Z', '2026-03-27T15:00:00Z'), -7200::bigint, 'elapsed negative');
SELECT t.eq(reglament.is_working('2026-03-27T15:59:59Z'), true, 'is_working 17:59:59');
SELECT t.eq(reglament.is_working('2026-03-27T16:00:00Z'), false, 'is_working 18:00');
SELECT t.eq(reglament.next_working('2026-03-28T10:00:00Z'), '2026-03-30T06:00:00Z'::timestamptz, 'next_working');
SELECT t.eq(reglament.add_working_days('2026-03-27T12:00:00Z', 2), '2026-03-31T15:00:00Z'::timestamptz, 'add_working_days');
-- a budget that runs out at closing time: 18:00 that day
SELECT t.eq(reglament.add('2026-03-27T07:00:00Z', 9 * 3600), '2026-03-27T16:00:00Z'::timestamptz, 'closing time');
-- add(t, 0) = t, even outside working time
SELECT t.eq(reglament.add('2026-03-28T10:00:00Z', 0), '2026-03-28T10:00:00Z'::timestamptz, 'add 0');
-- fractions of a second are dropped towards the past, as the core does
SELECT t.eq(reglament.add('2026-03-27T12:00:00.999Z', 0), '2026-03-27T12:00:00Z'::timestamptz, 'fraction dropped');

-- NULL arguments give NULL; a NULL calendar is the default
SELECT t.ok(reglament.add(NULL, 7200) IS NULL, 'add NULL t');
SELECT t.ok(reglament.add(now(), NULL) IS NULL, 'add NULL seconds');
SELECT t.ok(reglament.elapsed(NULL, now()) IS NULL, 'elapsed NULL');
SELECT t.ok(reglament.is_working(NULL) IS NULL, 'is_working NULL');
SELECT t.ok(reglament.add_working_days(now(), NULL) IS NULL, 'add_working_days NULL');
SELECT t.eq(reglament.add('2026-03-27T15:00:00Z', 7200, NULL), '2026-03-30T07:00:00Z'::timestamptz, 'NULL calendar = default');
SELECT t.eq(reglament.add('2026-03-27T15:00:00Z', 7200, reglament.default_calendar()), '2026-03-30T07:00:00Z'::timestamptz, 'default_calendar()');

-- Ukrainian holidays: Independence Day 2026-08-24 (Monday) is non-working
SELECT t.eq(reglament.is_working('2026-08-24T08:00:00Z'), false, 'Independence Day');
SELECT t.eq(reglament.add('2026-08-21T14:00:00Z', 7200), '2026-08-25T07:00:00Z'::timestamptz, 'over Independence Day');

-- A calendar of one's own; key order and spacing do not matter (one cache entry)
SELECT t.eq(reglament.add('2026-03-30T16:00:00Z', 7200,
  '{"timezone":"America/New_York","week":{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]]}}'),
  '2026-03-30T18:00:00Z'::timestamptz, 'New York calendar');
SELECT t.eq(reglament.add('2026-03-30T16:00:00Z', 7200,
  '{ "week": {"tue":[["09:00","17:00"]], "mon":[["09:00","17:00"]]},  "timezone": "America/New_York" }'),
  '2026-03-30T18:00:00Z'::timestamptz, 'same calendar, other key order');
-- reglament.calendar() checks and completes a calendar file
SELECT t.eq(reglament.calendar('{"timezone":"UTC","week":{"mon":[["09:00","17:00"]]}}')->>'timezone', 'UTC', 'calendar()');
SELECT t.ok(reglament.calendar(NULL) IS NULL, 'calendar(NULL)');

-- Many calendars in one query: the cache holds 16, the answers stay right
SELECT t.eq(
  (SELECT count(*) FROM generate_series(1, 40) AS h(i)
    WHERE reglament.elapsed('2026-03-30T00:00:00Z', '2026-03-31T00:00:00Z',
            jsonb_build_object('timezone', 'UTC', 'week',
              jsonb_build_object('mon', jsonb_build_array(jsonb_build_array('00:00', lpad((i % 20 + 1)::text, 2, '0') || ':00')))))
          = (i % 20 + 1) * 3600),
  40::bigint, '40 calendars through a 16-entry cache');

-- A million-row scan builds the default calendar once: see benches (pg/bench.sh).
SELECT t.eq((SELECT count(*) FROM generate_series(1, 20000) g
             WHERE reglament.add('2026-03-27T15:00:00Z'::timestamptz + g * interval '1 minute', 7200) IS NOT NULL),
            20000::bigint, '20,000 rows');

-- holidays(year, mode) as rows
SELECT t.eq((SELECT kind FROM reglament.holidays(2026) WHERE date = '2026-08-24'), 'holiday', 'holidays 2026 Independence Day');
SELECT t.eq((SELECT name_en FROM reglament.holidays(2026) WHERE date = '2026-08-24'), 'Independence Day', 'holidays name_en');
SELECT t.ok((SELECT name_uk FROM reglament.holidays(2026) WHERE date = '2026-08-24') LIKE '%незалежності%', 'holidays name_uk');
-- under martial law the statutory mode has no days off, only named holidays
SELECT t.eq((SELECT count(*) FROM reglament.holidays(2026, 'UA-statutory') WHERE kind <> 'named'), 0::bigint, 'UA-statutory 2026');
SELECT t.ok((SELECT count(*) FROM reglament.holidays(2026, 'UA-statutory') WHERE kind = 'named') >= 10, 'named holidays 2026');
-- 2021: Labour Day on Saturday carried over to Monday 3 May; 23 August worked on 28 August
SELECT t.eq((SELECT holiday FROM reglament.holidays(2021, 'UA-statutory') WHERE date = '2021-05-03'), '2021-05-01'::date, 'carried over 2021');
SELECT t.eq((SELECT worked_on FROM reglament.holidays(2021, 'UA-statutory') WHERE date = '2021-08-23'), '2021-08-28'::date, 'transferred 2021');
SELECT t.eq((SELECT instead_of FROM reglament.holidays(2021, 'UA-statutory') WHERE date = '2021-08-28' AND kind = 'working_day'), '2021-08-23'::date, 'working_day 2021');
-- martial law ended (a what-if): the statutory days come back
SELECT t.ok((SELECT count(*) FROM reglament.holidays(2026, 'UA-statutory', '2025-12-31') WHERE kind = 'holiday') >= 10, 'martial_law_end');
-- rows are sorted by date
SELECT t.ok((SELECT bool_and(d >= p) FROM (SELECT date AS d, lag(date) OVER (ORDER BY ordinality) AS p
             FROM reglament.holidays(2021, 'UA-statutory') WITH ORDINALITY) s WHERE p IS NOT NULL), 'sorted');
SELECT t.eq((SELECT count(*) FROM reglament.holidays(NULL)), 0::bigint, 'holidays(NULL): no rows');
SELECT t.eq((SELECT count(*) FROM reglament.holidays(2026, NULL)), (SELECT count(*) FROM reglament.holidays(2026)), 'NULL mode = UA');
