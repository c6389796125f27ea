// The ticket surface: apply, refusals as data or as ReglamentRefusal, replay, queue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Regulation, Ticket, ClockPlan, queue, mustRegister, ReglamentError, ReglamentRefusal } from 'reglament';

const reg = Regulation.default();
const op = { id: 'op-1', role: 'operator' };
const register = (at, priority = 'high', extra = {}) => ({
  kind: 'register', at, actor: op, channel: 'phone', description: 'The invoice form hangs',
  conditions: 'Open invoice 17, press Save', priority, category: 'incident', ...extra,
});

test('apply: accepted with status and warnings; refused with clause, code and both sentences', () => {
  const t = new Ticket('T-1');
  assert.equal(t.status, null);
  const ok = t.apply(reg, register('2026-03-27T10:00:00+02:00'));
  assert.deepEqual(ok, { accepted: true, warnings: [], status: 'backlog' });
  assert.equal(t.status, 'backlog');
  assert.equal(t.priority, 'high');
  assert.equal(t.registeredAt, '2026-03-27T08:00:00Z');
  const no = t.apply(reg, { kind: 'archive', at: '2026-03-27T11:00:00+02:00', actor: op });
  assert.equal(no.accepted, false);
  assert.equal(no.status, 'backlog');
  assert.equal(typeof no.refusal.clause, 'string');
  assert.ok(no.refusal.message_uk && no.refusal.message_en && no.refusal.message_uk !== no.refusal.message_en);
  assert.equal(t.eventsAccepted, 1);
});

test('applyOrThrow: a refusal is a ReglamentRefusal carrying the clause and the Ukrainian sentence', () => {
  const t = new Ticket('T-2');
  assert.throws(() => t.applyOrThrow(reg, { kind: 'start_work', at: '2026-03-27T10:00:00+02:00', actor: { id: 'c', role: 'consultant' } }), (e) => {
    assert.ok(e instanceof ReglamentRefusal);
    assert.ok(e instanceof ReglamentError);
    assert.equal(e.code, 'not_registered');
    assert.equal(e.clause, '3.2');
    assert.equal(e.role, 'consultant');
    assert.equal(e.status, null);
    assert.equal(e.kind, 'start_work');
    assert.ok(e.messageUk.length > 0 && e.messageEn.includes('not registered'));
    return true;
  });
  const warnings = t.applyOrThrow(reg, register('2026-03-28T10:00:00+02:00', 'low'));
  assert.deepEqual(warnings.map((w) => w.code), ['outside_registration_hours']);
});

test('an event that does not parse throws a ReglamentError naming the field', () => {
  const t = new Ticket('T-3');
  assert.throws(() => t.apply(reg, { kind: 'register', at: 'yesterday', actor: op }), (e) => e instanceof ReglamentError && e.code === 'invalid_instant' && e.field === 'at');
  assert.throws(() => t.apply(reg, { ...register('2026-03-27T10:00:00Z'), colour: 'red' }), (e) => e.code === 'unknown_field');
  assert.throws(() => t.apply(reg, 42), (e) => e instanceof ReglamentError);
  assert.equal(t.status, null);
});

test('tryApply changes nothing; clone gives a "what if"', () => {
  const t = new Ticket('T-4');
  t.apply(reg, register('2026-03-27T10:00:00+02:00'));
  const start = { kind: 'start_work', at: '2026-03-27T11:00:00+02:00', actor: { id: 'c', role: 'consultant' } };
  assert.equal(t.tryApply(reg, start).accepted, true);
  assert.equal(t.status, 'backlog');
  const copy = t.clone();
  copy.apply(reg, start);
  assert.equal(copy.status, 'in_progress');
  assert.equal(t.status, 'backlog');
});

test('replay: one step per event; a whole life to the archive', () => {
  const c = { id: 'c', role: 'consultant' };
  const u = { id: 'u', role: 'user' };
  const events = [
    register('2026-03-27T10:00:00+02:00'),
    { kind: 'start_work', at: '2026-03-27T11:00:00+02:00', actor: c },
    { kind: 'complete', at: '2026-03-27T15:00:00+02:00', actor: c },
    { kind: 'release', at: '2026-03-27T16:00:00+02:00', actor: c },
    { kind: 'accept', at: '2026-03-30T10:00:00+03:00', actor: u },
  ];
  const { ticket, steps } = Ticket.replay(reg, 'T-5', events);
  assert.ok(ticket instanceof Ticket);
  // the user's acceptance archives at once (3.6, DESIGN §5)
  assert.deepEqual(steps.map((s) => s.status), ['backlog', 'in_progress', 'done', 'release', 'archived']);
  assert.ok(steps.every((s) => s.accepted));
  assert.equal(ticket.archivedAt, '2026-03-30T07:00:00Z');
  const state = ticket.state('2026-03-30T08:00:00Z');
  assert.equal(state.status, 'archived');
  assert.equal(JSON.parse(JSON.stringify(ticket)).id, 'T-5');
  // an item that is not an event is an error step, and the replay goes on (as in every face)
  const mixed = Ticket.replay(reg, 'T', [events[0], { kind: 'nope' }, events[1]]);
  assert.deepEqual(mixed.steps.map((s) => s.index), [0, 1, 2]);
  assert.equal(mixed.steps[1].error.code, 'invalid_value');
  assert.equal(mixed.steps[1].error.field, 'events[1].kind');
  assert.equal(mixed.steps[2].status, 'in_progress');
  mixed.ticket.free();
});

test('queue: priority first, submission second (clause 3.3); only waiting requests', () => {
  const low = new Ticket('A');
  low.apply(reg, register('2026-03-27T09:00:00+02:00', 'low'));
  const high = new Ticket('B');
  high.apply(reg, register('2026-03-27T10:00:00+02:00', 'high'));
  const highEarly = new Ticket('C');
  highEarly.apply(reg, register('2026-03-27T09:30:00+02:00', 'high'));
  const unregistered = new Ticket('D');
  const order = queue([low, high, unregistered, highEarly]);
  assert.deepEqual(order.map((t) => t.id), ['C', 'B', 'A']);
  assert.equal(order[0], highEarly); // the same objects, not copies
  assert.throws(() => queue([low, {}]), (e) => e instanceof TypeError && e.code === 'invalid_argument');
  const freed = new Ticket('E');
  freed.free();
  assert.throws(() => queue('nope'), (e) => e instanceof ReglamentError);
});

test('mustRegister (clause 3.4)', () => {
  assert.equal(mustRegister('incident', 'high', true), true);
  assert.equal(mustRegister('incident', 'medium', true), false);
  assert.equal(mustRegister(null, 'low', false), true);
  assert.throws(() => mustRegister('incident', 'high', 'yes'), (e) => e instanceof TypeError);
});

test('SLA clocks: state, next change, explanation adding up, compliance, what-if', async () => {
  const { compliance, whatIf } = await import('reglament');
  const t = new Ticket('T-6');
  t.apply(reg, register('2026-03-27T17:00:00+02:00')); // Friday 17:00 Kyiv, high incident
  const now = '2026-03-30T12:00:00+03:00';
  const c = t.clocks(reg, now);
  assert.equal(c.resolution.state, 'running');
  assert.equal(c.resolution.consumed, 4 * 3600); // Friday 17-18 and Monday 09-12
  assert.equal(c.response.state, 'breached');
  assert.equal(c.next_change_at, t.nextChangeAt(reg, now));
  assert.equal(t.clock(reg, 'resolution', now).consumed, 4 * 3600);
  const x = t.explainClock(reg, 'resolution', now);
  assert.equal(x.counted.reduce((s, i) => s + i.seconds, 0), x.clock.consumed);
  assert.deepEqual(x.skipped_days.map((d) => d.kind), ['weekend', 'weekend']);
  assert.ok(x.uk.length > 0 && x.en.length === x.uk.length);
  const low = new Ticket('T-7');
  low.apply(reg, register('2026-03-27T10:00:00+02:00', 'low'));
  assert.equal(low.clock(reg, 'update_interval', now), null); // low incidents: no update interval
  assert.throws(() => t.clocks(reg, 'soon'), (e) => e.code === 'invalid_instant');
  assert.throws(() => t.clock(reg, 'speed', now), (e) => e.code === 'invalid_value' && e.field === 'metric');

  const r = compliance(reg, [t, low], { now: '2026-04-10T00:00:00Z' });
  assert.equal(r.tickets, 2);
  assert.ok(r.rows.some((row) => row.metric === 'response' && row.priority === 'high' && row.with_extensions.breached === 1));

  const longer = Regulation.withOverrides({ calendar: { week: { mon: [['08:00', '20:00']] } } });
  const w = whatIf(reg, longer, [register('2026-03-30T10:00:00+03:00')], { now: '2026-03-30T19:00:00+03:00' });
  assert.deepEqual(w.accepted, [1, 1]);
  assert.ok(w.clocks.some((d) => d.field === 'due_at'));
});

// A freed object or an object of the wrong class in place of `this` or of a
// Regulation is a programming error that wasm-bindgen's generated glue
// catches before the call reaches the module: its own `Error`, not a
// ReglamentError (the package no longer rewrites wasm-bindgen's messages).
// This test pins those texts, so that an upgrade that changes them is seen.
test('misuse of objects: wasm-bindgen\'s own Error for a freed object or the wrong class', async () => {
  const { Calendar, ReglamentTypeError } = await import('reglament');
  const t = new Ticket('T-8');
  t.free();
  assert.throws(() => t.status, (e) => e instanceof Error && !(e instanceof ReglamentError) && e.message === 'null pointer passed to rust');
  assert.throws(() => new Ticket('x').apply(Calendar.defaultKyiv(), {}), (e) => e instanceof Error && e.message === 'expected instance of Regulation');
  assert.throws(() => new Ticket('x').apply(null, {}), (e) => e instanceof Error && /Regulation/.test(e.message));
  // what the module itself checks is a ReglamentTypeError
  assert.throws(() => new Ticket(42), (e) => e instanceof ReglamentTypeError && e.field === 'id');
  assert.throws(() => queue([t]), (e) => e instanceof ReglamentTypeError && e.field === 'tickets[0]');
});

test('clockPlan: reads what the ticket gives at any now from the last event on, refuses earlier ones', () => {
  const t = new Ticket('T-plan');
  t.applyOrThrow(reg, register('2026-03-27T17:30:00+02:00', 'critical'));
  t.applyOrThrow(reg, { kind: 'ask_user', at: '2026-03-27T17:40:00+02:00', actor: op });
  t.applyOrThrow(reg, { kind: 'user_answer', at: '2026-03-30T09:10:00+03:00', actor: { id: 'u', role: 'user' } });
  const plan = t.clockPlan(reg);
  assert.ok(plan instanceof ClockPlan);
  assert.equal(plan.validFrom, '2026-03-30T06:10:00Z');
  // across the answer, the thresholds, the dues, the breach and a year later
  const nows = ['2026-03-30T09:10:00+03:00', '2026-03-30T09:15:00+03:00', '2026-03-30T09:30:00+03:00',
    '2026-03-30T12:00:00+03:00', '2026-04-02T18:00:00+03:00', '2027-03-30T09:10:00+03:00'];
  let next = plan.validFrom;
  for (let i = 0; i < 5 && next; i++) {
    nows.push(next);
    next = t.nextChangeAt(reg, next);
  }
  for (const now of nows) {
    assert.deepEqual(plan.clocks(now), t.clocks(reg, now), now);
    assert.deepEqual(plan.nextChangeAt(new Date(now)), t.nextChangeAt(reg, now), now);
    const s = plan.clocksSummary(now);
    assert.deepEqual(s.response.thresholds, []);
    assert.equal(s.response.due_at, t.clocks(reg, now).response.due_at);
  }
  assert.throws(() => plan.clocks('2026-03-30T09:00:00+03:00'), (e) => {
    assert.ok(e instanceof ReglamentError);
    assert.equal(e.code, 'conflict');
    assert.equal(e.field, 'now');
    return true;
  });
  assert.throws(() => plan.nextChangeAt('not an instant'), ReglamentError);
  // a snapshot: a later event does not reach it
  t.applyOrThrow(reg, { kind: 'reply', at: '2026-03-30T09:20:00+03:00', actor: op });
  assert.equal(plan.validFrom, '2026-03-30T06:10:00Z');
  assert.notDeepEqual(plan.clocks('2026-03-30T10:00:00+03:00'), t.clocks(reg, '2026-03-30T10:00:00+03:00'));
  plan.free();
});
