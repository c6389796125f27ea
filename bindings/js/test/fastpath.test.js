// The calendar's fast paths (src/lib.js: Unix seconds through the core, the
// RFC 3339 text written in JavaScript) give exactly the answers and the
// errors of the checked methods they stand in for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from 'reglament';
import { isoSeconds } from '../src/lib.js';

const calendars = {
  kyiv: Calendar.defaultKyiv(),
  newYork: new Calendar({
    timezone: 'America/New_York',
    week: { mon: [['22:00', '06:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '13:00']] },
    holidays: ['2026-07-03', '2026-11-26'],
  }),
  utc247: new Calendar({
    timezone: 'UTC',
    week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
  }),
};

function* numbers(seed, n) {
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    yield x;
  }
}

// Outcome of a call: the value, or the error's class and fields.
function outcome(f) {
  try {
    return { value: f() };
  } catch (e) {
    return { error: e.constructor.name, code: e.code, field: e.field, message: e.message };
  }
}

test('isoSeconds writes what the core writes', () => {
  const cal = calendars.utc247;
  const [lo, hi] = [Date.parse(cal.supportedRange().start) / 1000, Date.parse(cal.supportedRange().end) / 1000];
  const edges = [lo, hi, 0, 951_782_400 /* 2000-02-29 */, 4_107_542_399, 1_709_164_800 /* 2024-02-29 */, 1_767_225_599,
    ...Array.from({ length: 48 }, (_, k) => 1_767_225_600 + k * 3600), // every hour
    ...Array.from({ length: 61 }, (_, k) => 1_767_225_600 + k * 61)]; // every minute and second
  const rnd = [...numbers(7, 5000)].map((x, i) => lo + ((x * 65_537 + i) % (hi - lo)));
  for (const s of [...edges.filter((s) => s >= lo && s <= hi), ...rnd]) {
    assert.equal(isoSeconds(s), cal.__checked.add.call(cal, new Date(s * 1000), 0), `t = ${s}`);
  }
});

test('add, sub, elapsed and isWorking: the fast answers equal the checked ones', () => {
  for (const [name, cal] of Object.entries(calendars)) {
    const r = [...numbers(name.length * 7919, 6000)];
    for (let i = 0; i + 2 < r.length; i += 3) {
      const t = 1_700_000_000 + (r[i] % 400_000_000);
      const d = r[i + 1] % 1_000_000;
      const text = new Date(t * 1000).toISOString().replace('.000Z', i % 2 ? 'Z' : '+00:00');
      const u = new Date((t + (r[i + 2] % 3_000_000)) * 1000);
      const c = cal.__checked;
      assert.deepEqual(outcome(() => cal.add(text, d)), outcome(() => c.add.call(cal, text, d)), `${name} add ${text} ${d}`);
      assert.deepEqual(outcome(() => cal.sub(u, d)), outcome(() => c.sub.call(cal, u, d)), `${name} sub ${u} ${d}`);
      assert.deepEqual(outcome(() => cal.elapsed(text, u)), outcome(() => c.elapsed.call(cal, text, u)), `${name} elapsed`);
      assert.deepEqual(outcome(() => cal.isWorking(u)), outcome(() => c.isWorking.call(cal, u)), `${name} isWorking ${u}`);
    }
  }
});

test('bad input takes the checked path: same error class, code, field and message', () => {
  const cal = calendars.kyiv;
  const c = cal.__checked;
  const instants = [
    'yesterday', '', '2026-02-30T10:00:00Z', '2026-03-02T10:30:00', '２０２６-03-02T10:30:00Z',
    `2026-03-02T10:30:00.${'9'.repeat(80)}Z`, new Date(NaN), '9999-12-31T23:59:59Z', '1900-01-01T00:00:00Z',
    null, undefined, 1_772_440_200, { t: 1 }, [],
  ];
  const seconds = [3600, 1.5, NaN, Infinity, -Infinity, 2 ** 60, '3600', 3600n, null, undefined];
  for (const t of instants) {
    for (const s of seconds) {
      for (const m of ['add', 'sub']) {
        const fast = outcome(() => cal[m](t, s));
        assert.deepEqual(fast, outcome(() => c[m].call(cal, t, s)), `${m}(${String(t)}, ${String(s)})`);
      }
    }
    assert.deepEqual(outcome(() => cal.isWorking(t)), outcome(() => c.isWorking.call(cal, t)), `isWorking(${String(t)})`);
    assert.deepEqual(outcome(() => cal.elapsed(t, '2026-03-02T10:00:00Z')), outcome(() => c.elapsed.call(cal, t, '2026-03-02T10:00:00Z')));
  }
  // a long valid text and a non-ASCII one still work or fail like the checked path
  const long = `2026-03-02T10:30:00.${'1'.repeat(100)}Z`;
  assert.equal(cal.add(long, 60), c.add.call(cal, long, 60));
  assert.equal(outcome(() => cal.add('2026-03-02T10:30:00Ż', 60)).code, 'invalid_instant');
});

test('a method called on something else than a Calendar is refused as before', () => {
  const cal = calendars.kyiv;
  assert.deepEqual(outcome(() => cal.add.call({}, '2026-03-02T10:00:00Z', 60)).error, outcome(() => cal.__checked.add.call({}, '2026-03-02T10:00:00Z', 60)).error);
  const freed = Calendar.defaultKyiv();
  freed.free();
  assert.equal(outcome(() => freed.add('2026-03-02T10:00:00Z', 60)).code, 'invalid_argument');
});

test('mutated instants: the fast and the checked paths agree on every one', () => {
  const cal = calendars.kyiv;
  const c = cal.__checked;
  const alphabet = '0123456789-:TtZz+. ,_x\u00e9\u0416\u{1F600}';
  const base = ['2026-03-02T10:30:00Z', '2026-03-29T03:30:00+03:00', '2024-02-29T23:59:60-00:00', '2099-12-31T23:59:59Z'];
  const r = numbers(20261126, 100_000)[Symbol.iterator]();
  const next = () => r.next().value;
  for (let i = 0; i < 4000; i++) {
    let s = base[next() % base.length];
    const edits = 1 + (next() % 3);
    for (let k = 0; k < edits; k++) {
      const at = next() % (s.length + 1);
      const ch = [...alphabet][next() % [...alphabet].length];
      switch (next() % 3) {
        case 0: s = s.slice(0, at) + ch + s.slice(at + 1); break; // replace
        case 1: s = s.slice(0, at) + ch + s.slice(at); break; // insert
        default: s = s.slice(0, at) + s.slice(at + 1); // delete
      }
    }
    if (next() % 50 === 0) s = s.repeat(4); // past the text buffer
    const d = next() % 100_000;
    assert.deepEqual(outcome(() => cal.add(s, d)), outcome(() => c.add.call(cal, s, d)), `add(${JSON.stringify(s)}, ${d})`);
    assert.deepEqual(outcome(() => cal.elapsed(s, base[0])), outcome(() => c.elapsed.call(cal, s, base[0])), `elapsed(${JSON.stringify(s)})`);
  }
});
