// `reglament/calendar`: the calendar alone in its own, smaller module gives
// the answers of the full build (every zone, the same holidays and errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as cal from 'reglament/calendar';
import * as full from 'reglament';
import { init } from 'reglament/calendar/init';

test('the calendar build: Calendar, holidays and zones; no Regulation or Ticket', async () => {
  assert.equal(cal.variant(), 'calendar');
  assert.equal(cal.zones, 'all');
  assert.deepEqual(cal.timezones(), full.timezones());
  assert.equal('Regulation' in cal, false);
  assert.equal('Ticket' in cal, false);
  assert.equal((await init()).Calendar, cal.Calendar);
  assert.notEqual(cal.Calendar, full.Calendar); // another module
  assert.equal(cal.ReglamentError, full.ReglamentError); // the same error classes
});

test('the calendar build answers as the full build', () => {
  const spec = {
    timezone: 'America/New_York',
    week: { mon: [['22:00', '06:00']], tue: [['09:00', '17:00']], fri: [['09:00', '13:00']] },
    holidays: ['2026-07-03'],
  };
  const pairs = [[cal.Calendar.defaultKyiv(), full.Calendar.defaultKyiv()], [new cal.Calendar(spec), new full.Calendar(spec)]];
  let x = 7;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  for (const [a, b] of pairs) {
    for (let i = 0; i < 300; i++) {
      const t = new Date(Date.UTC(2026, 0, 1) + (next() % (365 * 86400)) * 1000);
      const d = next() % (200 * 3600);
      assert.equal(a.add(t, d), b.add(t, d));
      assert.equal(a.sub(t, { seconds: d }), b.sub(t, d));
      assert.equal(a.elapsed(t, a.add(t, d)), d);
      assert.equal(a.isWorking(t), b.isWorking(t));
    }
    assert.deepEqual(a.workingIntervals('2026-04-27T00:00:00Z', '2026-05-04T00:00:00Z'), b.workingIntervals('2026-04-27T00:00:00Z', '2026-05-04T00:00:00Z'));
  }
  assert.deepEqual(cal.holidays(2021, 'UA-statutory'), full.holidays(2021, 'UA-statutory'));
  const err = (f) => {
    try {
      f();
    } catch (e) {
      return [e.constructor.name, e.code, e.field, e.message];
    }
    return null;
  };
  assert.deepEqual(err(() => new cal.Calendar({ timezone: 'Mars/Base', week: {} })), err(() => new full.Calendar({ timezone: 'Mars/Base', week: {} })));
  assert.deepEqual(err(() => cal.Calendar.defaultKyiv().add('1900-01-01T00:00:00Z', 1)), err(() => full.Calendar.defaultKyiv().add('1900-01-01T00:00:00Z', 1)));
});
