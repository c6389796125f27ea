// The contract record: fingerprints, hash chains, verification, Merkle roots (DESIGN §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Regulation, chain, chainHead, verify, merkleRoot, ReglamentError } from 'reglament';

const reg = Regulation.default();
const op = { id: 'op-1', role: 'operator' };
const events = [
  { kind: 'register', at: '2026-03-02T10:00:00+02:00', actor: op, channel: 'phone', description: 'd', conditions: 'c', priority: 'high', category: 'incident' },
  { kind: 'start_work', at: '2026-03-02T10:15:00+02:00', actor: { id: 'c-1', role: 'consultant' } },
  { kind: 'comment', at: '2026-03-02T10:20:00+02:00', actor: op, text: 'calling back' },
];

test('fingerprint: same meaning, same fingerprint; another value, another one', () => {
  assert.match(reg.fingerprint, /^sha256:[0-9a-f]{64}$/);
  const reordered = JSON.parse(JSON.stringify(reg.complete()));
  reordered.sla.targets.reverse();
  assert.equal(new Regulation(reordered).fingerprint, reg.fingerprint);
  assert.notEqual(Regulation.withOverrides({ archive_after: { amount: 9 } }).fingerprint, reg.fingerprint);
});

test('chain: entries linked from the genesis, canonical events, the head equal to chainHead', () => {
  const c = chain(reg, 'T-1', events);
  assert.deepEqual(c.map((e) => e.seq), [0, 1, 2]);
  assert.equal(c[1].prev, c[0].hash);
  assert.equal(c[0].event.at, '2026-03-02T08:00:00Z');
  assert.equal(chainHead(reg, 'T-1', events), c[2].hash);
  assert.notEqual(chainHead(reg, 'T-2', events), c[2].hash);
});

test('verify: ok, then an edit, a swap and another request each named', () => {
  const c = chain(reg, 'T-1', events);
  const text = c.map((e) => JSON.stringify(e)).join('\n') + '\n';
  const ok = verify(reg, 'T-1', text);
  assert.deepEqual([ok.ok, ok.entries, ok.head], [true, 3, c[2].hash]);
  assert.equal(verify(reg, 'T-1', c).ok, true);
  const edited = structuredClone(c);
  edited[1].event.at = '2026-03-02T08:16:00Z';
  const bad = verify(reg, 'T-1', edited);
  assert.deepEqual([bad.ok, bad.first_bad, bad.field], [false, 1, 'hash']);
  const swapped = verify(reg, 'T-1', [c[0], c[2], c[1]]);
  assert.deepEqual([swapped.first_bad, swapped.field], [1, 'seq']);
  const other = verify(reg, 'T-9', text);
  assert.deepEqual([other.first_bad, other.field], [0, 'prev']);
});

test('merkleRoot: order-free, changed by any head; bad input is a ReglamentError naming the field', () => {
  const a = { request: 'T-1', head: chainHead(reg, 'T-1', events) };
  const b = { request: 'T-2', head: chainHead(reg, 'T-2', events) };
  assert.equal(merkleRoot([a, b]), merkleRoot([b, a]));
  assert.notEqual(merkleRoot([a, b]), merkleRoot([a]));
  assert.throws(() => merkleRoot([{ request: 'T-1' }]), (e) => e instanceof ReglamentError && e.field === 'heads[0].head');
  assert.throws(() => chain(reg, 'T', 'nope'), (e) => e instanceof ReglamentError && e.field === 'events');
  assert.throws(() => chain(reg, 'T', [{ kind: 'nope' }]), (e) => e instanceof ReglamentError && /^events\[0\]/.test(e.field));
});
