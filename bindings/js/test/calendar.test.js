// The calendar, holidays and regulation surfaces through the WebAssembly API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Calendar, Regulation, holidays, version, zones,
  ReglamentError, ReglamentRangeError, ReglamentTypeError,
} from 'reglament';

const kyiv = Calendar.defaultKyiv();

test('DESIGN §3 example: Friday 17:00 Kyiv + 2 working hours = Monday 10:00 Kyiv after the DST switch', () => {
  assert.equal(kyiv.add('2026-03-27T17:00:00+02:00', 7200), '2026-03-30T07:00:00Z');
  assert.equal(kyiv.elapsed('2026-03-27T15:00:00Z', '2026-03-30T07:00:00Z'), 7200);
  assert.equal(kyiv.elapsed('2026-03-30T07:00:00Z', '2026-03-27T15:00:00Z'), -7200);
  assert.equal(kyiv.sub('2026-03-30T07:00:00Z', 7200), '2026-03-27T15:00:00Z');
});

test('add: zero is the identity, a budget ending at closing time gives 18:00, not 09:00 next day', () => {
  assert.equal(kyiv.add('2026-03-28T10:00:00Z', 0), '2026-03-28T10:00:00Z');
  assert.equal(kyiv.add('2026-03-27T07:00:00Z', 9 * 3600), '2026-03-27T16:00:00Z');
});

test('instants: Date objects and any offset in, RFC 3339 UTC out; fractions dropped', () => {
  assert.equal(kyiv.add(new Date('2026-03-27T15:00:00.900Z'), 7200), '2026-03-30T07:00:00Z');
  assert.equal(kyiv.nextWorking('2026-03-28T10:00:00Z'), '2026-03-30T06:00:00Z');
  assert.equal(kyiv.localDate('2026-03-27T22:30:00Z'), '2026-03-28');
});

test('add/elapsed agree over a long budget, and long budgets work', () => {
  const t = '2026-01-05T08:00:00Z';
  const due = kyiv.add(t, 10_000 * 3600);
  assert.equal(kyiv.elapsed(t, due), 10_000 * 3600);
  for (const d of [1, 59, 3600, 9 * 3600, 9 * 3600 + 1, 100_000]) {
    assert.equal(kyiv.elapsed(t, kyiv.add(t, d)), d);
    assert.equal(kyiv.add(kyiv.add(t, d), 1234), kyiv.add(t, d + 1234));
  }
});

test('isWorking, addWorkingDays, workingIntervals, dayOff, localToInstant, supportedRange', () => {
  assert.equal(kyiv.isWorking('2026-03-27T07:00:00Z'), true);
  assert.equal(kyiv.isWorking('2026-03-27T16:00:00Z'), false);
  assert.equal(kyiv.addWorkingDays('2026-03-27T12:00:00Z', 2), '2026-03-31T15:00:00Z');
  const iv = kyiv.workingIntervals('2026-03-27T15:00:00Z', '2026-03-30T07:00:00Z');
  assert.deepEqual(iv, [['2026-03-27T15:00:00Z', '2026-03-27T16:00:00Z'], ['2026-03-30T06:00:00Z', '2026-03-30T07:00:00Z']]);
  assert.deepEqual(kyiv.dayOff('2026-08-24'), { date: '2026-08-24', name: { uk: kyiv.dayOff('2026-08-24').name.uk, en: 'Independence Day' }, reason: 'holiday' });
  assert.equal(kyiv.dayOff('2026-03-09'), null);
  assert.equal(kyiv.localToInstant('2026-03-29T03:30'), '2026-03-29T01:30:00Z'); // in the DST gap
  const range = kyiv.supportedRange();
  assert.equal(range.end, '2100-01-01T00:00:00Z');
  assert.equal(kyiv.localDate(range.start), '1991-01-01'); // the holiday preset starts in 1991
  assert.equal(kyiv.timezone, 'Europe/Kyiv');
  assert.equal(kyiv.toJSON().timezone, 'Europe/Kyiv');
});

test('a calendar from a plain object or a JSON string, in another zone', () => {
  const spec = { timezone: 'America/New_York', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } };
  for (const input of [spec, JSON.stringify(spec)]) {
    const ny = new Calendar(input);
    assert.ok(ny instanceof Calendar);
    assert.equal(ny.add('2026-11-02T14:00:00Z', 8 * 3600), '2026-11-02T22:00:00Z');
    ny.free();
  }
});

test('holidays: the statutory 2021 carry-over and transfer, and the martial-law default', () => {
  const y = holidays(2021, 'UA-statutory');
  assert.equal(y.mode, 'UA-statutory');
  assert.deepEqual(y.days_off.find((d) => d.date === '2021-05-03'), {
    date: '2021-05-03', name: y.days_off.find((d) => d.date === '2021-05-03').name, reason: 'carried_over', holiday: '2021-05-01',
  });
  assert.ok(y.working_days.some((w) => w.date === '2021-08-28' && w.instead_of === '2021-08-23'));
  const ua = holidays(2026);
  assert.equal(ua.mode, 'UA');
  assert.ok(ua.days_off.some((d) => d.date === '2026-08-24' && d.reason === 'holiday'));
  assert.equal(holidays(2026, 'UA-statutory').days_off.length, 0);
  assert.ok(holidays(2026, 'UA-statutory', '2025-12-31').days_off.length > 0);
});

test('errors: out of range is a RangeError and a ReglamentError', () => {
  assert.throws(() => kyiv.add('2150-01-01T00:00:00Z', 1), (e) => {
    assert.ok(e instanceof ReglamentRangeError);
    assert.ok(e instanceof RangeError);
    assert.ok(e instanceof ReglamentError);
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'out_of_range');
    assert.equal(e.clause, null);
    assert.equal(typeof e.messageEn, 'string');
    return true;
  });
  assert.throws(() => holidays(1990), (e) => e instanceof RangeError && e.code === 'out_of_range');
});

test('errors: malformed input names the code and the field', () => {
  assert.throws(() => kyiv.add('27.03.2026', 1), (e) => e instanceof ReglamentError && e.code === 'invalid_instant' && e.field === 't');
  assert.throws(
    () => new Calendar({ timezone: 'Europe/Kyiv', week: { mon: [['09:00', '25:00']] } }),
    (e) => e instanceof ReglamentError && e.code === 'invalid_value' && e.field === 'week.mon[0][1]' && e.message.includes('25:00'),
  );
  assert.throws(() => new Calendar({ timezone: 'Mars/Olympus', week: {} }), (e) => e.code === 'unknown_timezone');
  assert.throws(() => new Calendar('{not json'), (e) => e.code === 'invalid_json');
  assert.throws(() => Regulation.withOverrides({ warning_thresholds: [90, 75] }), (e) => e.code === 'invalid_value' && e.field === 'warning_thresholds[1]');
  assert.throws(() => kyiv.dayOff('24.08.2026'), (e) => e.code === 'invalid_value' && e.field === 'date');
  assert.throws(() => holidays(2026, 'ua'), (e) => e.code === 'invalid_value' && e.field === 'mode');
});

test('errors: JavaScript values of the wrong type are TypeErrors, never bare strings', () => {
  const bad = [
    () => kyiv.add(12345, 1),
    () => kyiv.add('2026-03-27T15:00:00Z', '7200'),
    () => kyiv.add('2026-03-27T15:00:00Z', 1.5),
    () => kyiv.add('2026-03-27T15:00:00Z', NaN),
    () => kyiv.add(undefined, 1),
    () => kyiv.addWorkingDays('2026-03-27T15:00:00Z', -1),
    () => new Calendar(undefined),
    () => new Calendar(() => 1),
    () => holidays('2026'),
    () => kyiv.elapsed(null, null),
  ];
  for (const f of bad) {
    assert.throws(f, (e) => {
      assert.ok(e instanceof Error, `not an Error: ${String(e)}`);
      assert.ok(e instanceof ReglamentError, `not a ReglamentError: ${e}`);
      assert.equal(typeof e.code, 'string');
      return true;
    });
  }
  assert.throws(() => kyiv.add(12345, 1), (e) => e instanceof TypeError && e instanceof ReglamentTypeError && e.code === 'invalid_argument' && e.field === 't');
  assert.throws(() => kyiv.add(new Date(NaN), 1), (e) => e.code === 'invalid_instant');
  assert.throws(() => kyiv.add('2026-03-27T15:00:00Z', 2 ** 60), (e) => e instanceof RangeError);
  // the extremes of Date and of durations are range errors, not panics
  assert.throws(() => kyiv.add(new Date(8.64e15), 1), (e) => e instanceof ReglamentRangeError);
  assert.throws(() => kyiv.add(new Date(-8.64e15), 1), (e) => e instanceof ReglamentRangeError);
  assert.throws(() => kyiv.add('2026-03-27T15:00:00Z', Number.MAX_SAFE_INTEGER), (e) => e instanceof ReglamentError);
  assert.throws(() => kyiv.sub('2026-03-27T15:00:00Z', -Number.MAX_SAFE_INTEGER), (e) => e instanceof ReglamentError);
  assert.throws(() => kyiv.addWorkingDays('2026-03-27T15:00:00Z', 2 ** 32 - 1), (e) => e instanceof ReglamentError);
  assert.throws(() => holidays(2 ** 31), (e) => e instanceof RangeError);
});

test('a calendar with no working time says so', () => {
  assert.throws(() => new Calendar({ timezone: 'UTC', week: {} }), (e) => e instanceof ReglamentError && e.code === 'no_working_time' && e.field === 'week');
});

test('regulation: default, overrides, targets, approval gate, describe', () => {
  const reg = Regulation.default();
  assert.equal(reg.calendar().timezone, 'Europe/Kyiv');
  assert.equal(reg.needsApproval('server_recovery'), true);
  assert.equal(reg.needsApproval('consultation'), false);
  const t = reg.slaTarget('incident', 'critical');
  assert.equal(typeof t.response, 'number');
  assert.ok(reg.describe('en').includes('this is an example'));
  assert.ok(reg.describe().includes('Беклог'));
  const five = Regulation.withOverrides({ archive_after: { amount: 5 } });
  assert.equal(five.toJSON().archive_after.amount, 5);
  // five calendar days: 12:00 Kyiv on 25 October, after the return to winter time (+02:00)
  assert.equal(five.archiveDue('2026-10-20T12:00:00+03:00'), '2026-10-25T10:00:00Z');
  const back = new Regulation(reg.toJSON());
  assert.deepEqual(back.toJSON(), reg.toJSON());
  assert.throws(() => reg.slaTarget('incident', 'urgent'), (e) => e.code === 'invalid_value' && e.field === 'priority');
});

test('version and zones', () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
  assert.equal(zones, 'all');
});
