// The bad-input catalogue of tests/bad_input/ through the WebAssembly API:
// `new Regulation(text)`, `new Calendar(text)` and `ticket.apply(regulation,
// text)` after the case's history. Every case gives exactly the error (code,
// field, a part of the message) or the refusal (code, clause, field) the
// catalogue names, or is accepted when it says "ok". Format:
// tests/bad_input/README.md. Field paths are the event's own (`at`,
// `actor.role`), as in C and the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Regulation, Calendar, Ticket } from 'reglament';

const dir = new URL('../../../tests/bad_input/', import.meta.url);
const load = (name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

/** The case's input as text, or null for raw bytes (`hex`): a JavaScript string cannot carry invalid UTF-8. */
function input(c, base) {
  if (typeof c.text === 'string') return c.text;
  if (c.text_repeat) return c.text_repeat.map(([unit, n]) => unit.repeat(n)).join('');
  if (c.hex) return null;
  const doc = structuredClone(base);
  const raws = [];
  for (const e of c.edits ?? []) {
    let value = e.value;
    if ('raw' in e) {
      // literal JSON text (integers beyond 2^53): a placeholder replaced after stringify
      value = `\u0000raw${raws.length}\u0000`;
      raws.push([JSON.stringify(value), e.raw]);
    } else if ('repeat' in e) {
      value = e.repeat.repeat(e.times);
    }
    const path = e.at;
    let node = doc;
    for (const step of path.slice(0, -1)) {
      node = node[step];
      assert.ok(node !== undefined && node !== null, `${c.name}: no ${step} along ${JSON.stringify(path)}`);
    }
    const last = path[path.length - 1];
    if (e.remove) {
      if (Array.isArray(node)) node.splice(last, 1);
      else delete node[last];
    } else {
      node[last] = value;
    }
  }
  let text = JSON.stringify(doc);
  for (const [mark, raw] of raws) text = text.replace(mark, raw);
  return text;
}

/** The case's expectation for this face, or null when the face skips it. */
function expectation(c) {
  const o = c.faces?.wasm;
  if (o?.skip) return null;
  if (o && c.expect !== 'ok') return { ...c.expect, ...o };
  return o ?? c.expect;
}

function outcome(fn) {
  try {
    const v = fn();
    return { ok: true, value: v };
  } catch (e) {
    return { ok: false, error: e };
  }
}

function checkError(name, expect, got, errs) {
  if (expect === 'ok') {
    if (!got.ok) errs.push(`${name}: expected acceptance, got ${got.error.code}: ${got.error.message}`);
    return;
  }
  if (got.ok) {
    errs.push(`${name}: accepted, expected ${JSON.stringify(expect)}`);
    return;
  }
  const e = got.error;
  const ok = e.code === expect.code && (e.field ?? null) === expect.field && typeof e.message === 'string' &&
    e.message.includes(expect.message);
  if (!ok) errs.push(`${name}: expected ${JSON.stringify(expect)}, got ${e.code} at ${e.field}: ${e.message}`);
}

function runDocuments(file, make) {
  const cat = load(file);
  const errs = [];
  let ran = 0;
  for (const c of cat.cases) {
    const expect = expectation(c);
    if (expect === null) continue;
    const text = input(c, cat.base);
    assert.ok(text !== null, `${c.name}: raw bytes need a wasm skip`);
    ran++;
    const got = outcome(() => make(text));
    if (got.ok) got.value.free();
    checkError(c.name, expect, got, errs);
  }
  return { ran, errs };
}

test('regulation files: new Regulation(text)', () => {
  const { ran, errs } = runDocuments('regulation.json', (t) => new Regulation(t));
  assert.deepEqual(errs, []);
  assert.ok(ran >= 150, `${ran} cases`);
});

test('calendar files: new Calendar(text)', () => {
  const { ran, errs } = runDocuments('calendar.json', (t) => new Calendar(t));
  assert.deepEqual(errs, []);
  assert.ok(ran >= 75, `${ran} cases`);
});

test('events: ticket.apply(regulation, text) after the history', () => {
  const cat = load('event.json');
  const reg = cat.regulation == null ? Regulation.default() : Regulation.withOverrides(cat.regulation);
  const errs = [];
  let ran = 0;
  for (const c of cat.cases) {
    const expect = expectation(c);
    if (expect === null) continue;
    const text = input(c, cat.bases[c.base]);
    assert.ok(text !== null, `${c.name}: raw bytes need a wasm skip`);
    ran++;
    const t = new Ticket('T');
    try {
      for (const h of cat.histories[c.history]) {
        const o = t.apply(reg, h);
        assert.ok(o.accepted, `${c.name}: the history is refused: ${JSON.stringify(o)}`);
      }
      const before = JSON.stringify(t.state());
      const got = outcome(() => t.apply(reg, text));
      if (expect === 'ok') {
        if (!got.ok) errs.push(`${c.name}: expected acceptance, got ${got.error.code}: ${got.error.message}`);
        else if (!got.value.accepted) errs.push(`${c.name}: expected acceptance, refused ${JSON.stringify(got.value.refusal)}`);
      } else if ('refusal' in expect) {
        if (!got.ok) {
          errs.push(`${c.name}: expected refusal ${expect.refusal}, the event does not parse: ${got.error.message}`);
        } else {
          const r = got.value.refusal;
          if (got.value.accepted || r.code !== expect.refusal || r.clause !== expect.clause || (r.field ?? null) !== expect.field) {
            errs.push(`${c.name}: expected ${JSON.stringify(expect)}, got ${JSON.stringify(got.value)}`);
          }
          assert.equal(JSON.stringify(t.state()), before, `${c.name}: a refused event changed the ticket`);
        }
      } else {
        checkError(c.name, expect, got, errs);
      }
    } finally {
      t.free();
    }
  }
  reg.free();
  assert.deepEqual(errs, []);
  assert.ok(ran >= 130, `${ran} cases`);
});
