// JavaScript-native inputs and outputs, the init entry, and what the thin
// glue gives: durations with their unit, `Date` siblings, printable
// objects, errors that survive structuredClone, one error for a missing
// document, and a load failure that names the URL and the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { inspect } from 'node:util';
import { Calendar, Regulation, Ticket, ReglamentError, ReglamentTypeError } from 'reglament';
import { init } from 'reglament/init';

const cal = Calendar.defaultKyiv();
const FRI = '2026-03-27T15:00:00Z'; // Friday 17:00 Kyiv

test('durations: a number is seconds; {hours, minutes, seconds} says its unit', () => {
  assert.equal(cal.add(FRI, 7200), '2026-03-30T07:00:00Z');
  assert.equal(cal.add(FRI, { hours: 2 }), '2026-03-30T07:00:00Z');
  assert.equal(cal.add(FRI, { hours: 1, minutes: 59, seconds: 60 }), '2026-03-30T07:00:00Z');
  assert.equal(cal.add(FRI, { hours: 1.5 }), cal.add(FRI, 5400));
  assert.equal(cal.sub('2026-03-30T07:00:00Z', { minutes: 120 }), FRI);
  assert.throws(() => cal.add(FRI, { ms: 5 }), (e) => e instanceof ReglamentTypeError && e.field === 'seconds.ms');
  assert.throws(() => cal.add(FRI, {}), (e) => e instanceof ReglamentTypeError && e.field === 'seconds');
  assert.throws(() => cal.add(FRI, { hours: '2' }), (e) => e instanceof ReglamentTypeError && e.field === 'seconds.hours');
  assert.throws(() => cal.add(FRI, { seconds: 0.5 }), (e) => e instanceof ReglamentTypeError);
  assert.throws(() => cal.add(FRI, new Date()), (e) => e instanceof ReglamentTypeError);
});

test('Date siblings give the instants the string methods give', () => {
  const d = cal.addDate(new Date(FRI), { hours: 2 });
  assert.ok(d instanceof Date);
  assert.equal(d.toISOString(), '2026-03-30T07:00:00.000Z');
  assert.equal(cal.subDate(d, 7200).getTime(), Date.parse(FRI));
  assert.equal(cal.nextWorkingDate('2026-03-28T10:00:00Z').toISOString().replace('.000', ''), cal.nextWorking('2026-03-28T10:00:00Z'));
  assert.equal(cal.addWorkingDaysDate(FRI, 2).toISOString().replace('.000', ''), cal.addWorkingDays(FRI, 2));
});

test('epoch milliseconds in and out: the answers of add and sub', () => {
  const t = Date.parse(FRI);
  assert.equal(cal.addEpochMs(t, { hours: 2 }), Date.parse('2026-03-30T07:00:00Z'));
  assert.equal(cal.addEpochMs(t + 999, 7200), Date.parse('2026-03-30T07:00:00Z')); // floored to the second
  assert.equal(cal.subEpochMs(Date.parse('2026-03-30T07:00:00Z'), 7200), t);
  assert.throws(() => cal.addEpochMs(NaN, 1), (e) => e instanceof ReglamentTypeError && e.field === 'tMs');
  assert.throws(() => cal.addEpochMs(Date.parse('1900-01-01T00:00:00Z'), 1), (e) => e.code === 'out_of_range');
});

test('objects print as what they are, not as wasm-bindgen pointers', () => {
  const reg = Regulation.default();
  const t = new Ticket('T-1');
  assert.equal(String(cal), 'Calendar(Europe/Kyiv)');
  assert.equal(inspect(cal), 'Calendar(Europe/Kyiv)');
  assert.match(inspect(reg), /^Regulation\(sha256:[0-9a-f]{64}\)$/);
  assert.equal(`${t}`, 'Ticket(T-1, unregistered)');
  t.free();
  assert.equal(inspect(t), 'Ticket(freed)');
});

test('errors survive structuredClone with their code (in cause)', () => {
  let err;
  try {
    cal.add('not an instant', 1);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof ReglamentError);
  assert.deepEqual(err.cause, { code: err.code, field: err.field, clause: null });
  const copy = structuredClone(err);
  assert.equal(copy.message, err.message);
  assert.equal(copy.cause.code, 'invalid_instant');
  assert.equal(copy.cause.field, 't');
});

test('new Calendar(null) and new Calendar(undefined) fail alike; a wrong override is named', () => {
  const fail = (f) => {
    try {
      f();
    } catch (e) {
      return { cls: e.constructor.name, code: e.code, field: e.field };
    }
    return null;
  };
  assert.deepEqual(fail(() => new Calendar(null)), { cls: 'ReglamentTypeError', code: 'invalid_argument', field: 'calendar' });
  assert.deepEqual(fail(() => new Calendar(undefined)), fail(() => new Calendar(null)));
  assert.deepEqual(fail(() => new Calendar()), fail(() => new Calendar(null)));
  assert.throws(() => Regulation.withOverrides({ sla: 5 }), (e) => e.field === 'sla' && /sla: .*found a number/.test(e.message));
  assert.throws(() => Regulation.withOverrides({ sla: { targets: 5 } }), (e) => e.field === 'sla.targets');
});

test('reglament/init in Node: init() resolves to the same API as the entry', async () => {
  const api = await init();
  assert.equal(api.Calendar, Calendar);
  assert.equal(await init(), api);
  assert.equal(api.variant(), 'full');
});

test('reglament/slim/init: a failed load names the URL and the fix, and a later init() succeeds', async () => {
  const { init: initSlim, ReglamentError: E } = await import('reglament/slim/init');
  assert.equal(E, ReglamentError); // one set of error classes for every build
  const server = createServer((req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('no');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/assets/reglament_wasm_bg.wasm`;
  try {
    await assert.rejects(initSlim(url), (e) => {
      assert.ok(e instanceof ReglamentError, String(e));
      assert.equal(e.code, 'wasm_load_failed');
      assert.ok(e.message.includes(url), e.message);
      assert.match(e.message, /HTTP 404/);
      assert.match(e.message, /dist\/slim\/reglament_wasm_bg\.wasm/);
      return true;
    });
  } finally {
    server.close();
  }
  await assert.rejects(initSlim(new Uint8Array([0, 97, 115, 109, 9, 9])), (e) => e.code === 'wasm_load_failed' && /CompileError/.test(e.message));
  await assert.rejects(initSlim('/nonexistent/reglament.wasm'), (e) => e.code === 'wasm_load_failed' && e.message.includes('/nonexistent/reglament.wasm'));
  const api = await initSlim();
  assert.equal(api.variant(), 'slim');
  assert.deepEqual([...api.zones].includes('Europe/Kyiv'), true);
  assert.equal(api.Calendar.defaultKyiv().add(FRI, { hours: 2 }), '2026-03-30T07:00:00Z');
});

test('clocks with camelCase keys: the same values as the snake_case document', () => {
  const reg = Regulation.default();
  const t = new Ticket('T-camel');
  t.applyOrThrow(reg, {
    kind: 'register', at: '2026-03-27T17:00:00+02:00', actor: { id: 'op', role: 'operator' }, channel: 'phone',
    reason: 'software_failure', description: 'd', conditions: 'c', priority: 'high', category: 'incident',
  });
  const now = '2026-03-30T12:00:00+03:00';
  const snake = t.clocks(reg, now);
  const camel = t.clocks(reg, now, { camelCase: true });
  assert.equal(camel.resolution.dueAt, snake.resolution.due_at);
  assert.equal(camel.nextChangeAt, snake.next_change_at);
  assert.equal(camel.resolution.metric, 'resolution');
  assert.equal(camel.update_interval, undefined);
  assert.ok('updateInterval' in camel);
  assert.equal(t.clock(reg, 'response', now, { camelCase: true }).dueAt, snake.response.due_at);
  const plan = t.clockPlan(reg);
  assert.deepEqual(plan.clocks(now, { camelCase: true }), camel);
  assert.equal(plan.clocksSummary(now, { camelCase: true }).resolution.dueAt, snake.resolution.due_at);
  assert.throws(() => t.clocks(reg, now, { camelCase: 'yes' }), (e) => e.field === 'options.camelCase');
});
