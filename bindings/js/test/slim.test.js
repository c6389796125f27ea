// The slim build (`reglament/slim`): Europe/Kyiv and UTC only, and a clear
// error for any other zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as slim from 'reglament/slim';
import * as full from 'reglament';

test('the slim build lists its zones; the full build carries them all', () => {
  assert.ok(Array.isArray(slim.zones));
  assert.ok(slim.zones.includes('Europe/Kyiv') && slim.zones.includes('UTC'));
  assert.ok(slim.zones.length < 60 && !slim.zones.includes('America/New_York'), slim.zones.join(', '));
  assert.equal(full.zones, 'all');
  assert.ok(full.timezones().length > 400);
  assert.ok(full.timezones().includes('America/New_York'));
});

test('the slim build computes in Kyiv exactly like the full build', () => {
  const a = slim.Calendar.defaultKyiv();
  const b = full.Calendar.defaultKyiv();
  for (const [t, d] of [['2026-03-27T15:00:00Z', 7200], ['2026-10-23T14:00:00Z', 36000], ['2026-12-31T10:00:00Z', 100000]]) {
    assert.equal(a.add(t, d), b.add(t, d));
  }
  const utc = new slim.Calendar({ timezone: 'UTC', week: { mon: [['09:00', '17:00']] } });
  assert.equal(utc.add('2026-03-30T09:00:00Z', 3600), '2026-03-30T10:00:00Z');
  const kiev = new slim.Calendar({ timezone: 'Europe/Kiev', week: { mon: [['09:00', '17:00']] } });
  assert.equal(kiev.timezone, 'Europe/Kiev');
});

test('another zone in the slim build: an error that says which zones it supports', () => {
  assert.throws(() => new slim.Calendar({ timezone: 'America/New_York', week: { mon: [['09:00', '17:00']] } }), (e) => {
    assert.ok(e instanceof slim.ReglamentError);
    assert.equal(e.code, 'unknown_timezone');
    assert.equal(e.field, 'timezone');
    assert.match(e.message, /slim build/);
    assert.match(e.message, /Europe\/Kyiv/);
    assert.match(e.message, /UTC/);
    return true;
  });
  // the full build takes it
  assert.equal(new full.Calendar({ timezone: 'America/New_York', week: { mon: [['09:00', '17:00']] } }).timezone, 'America/New_York');
});
