// Runs the conformance vectors of tests/vectors/ (format in its README)
// through the public API. Shared by the Node tests and the browser page:
// it takes the API module and the parsed vectors, and returns failures.

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** `expected` is a subset of `actual` (objects key by key, arrays of equal length, instants as instants). */
export function subset(expected, actual, path, errs) {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      errs.push(`${path}: expected an object ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      return;
    }
    for (const [k, v] of Object.entries(expected)) subset(v, actual[k] ?? null, `${path}.${k}`, errs);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      errs.push(`${path}: expected ${expected.length} items, got ${JSON.stringify(actual)}`);
      return;
    }
    expected.forEach((x, i) => subset(x, actual[i], `${path}[${i}]`, errs));
    return;
  }
  if (typeof expected === 'string' && typeof actual === 'string' && expected !== actual) {
    if (RFC3339.test(expected) && RFC3339.test(actual) && Math.floor(Date.parse(expected) / 1000) === Math.floor(Date.parse(actual) / 1000)) return;
    errs.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    return;
  }
  if (expected !== (actual ?? null)) errs.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function regulationOf(api, v) {
  return v.regulation == null ? api.Regulation.default() : api.Regulation.withOverrides(v.regulation);
}

function checkStep(i, exp, out, errs, cov) {
  const here = `steps[${i}]`;
  if (exp.accepted !== out.accepted) {
    errs.push(`${here}: expected accepted=${exp.accepted}, got ${JSON.stringify(out)}`);
    return;
  }
  if ('status' in exp && exp.status !== out.status) errs.push(`${here}: expected status ${exp.status}, got ${out.status}`);
  if (out.accepted) {
    for (const w of out.warnings) {
      cov.warnings.add(w.code);
      if (!w.message_uk || !w.message_en) errs.push(`${here}: warning ${w.code} without both sentences`);
    }
    if (Array.isArray(exp.warnings)) {
      const got = out.warnings.map((w) => w.code);
      if (JSON.stringify(got) !== JSON.stringify(exp.warnings)) errs.push(`${here}: expected warnings ${JSON.stringify(exp.warnings)}, got ${JSON.stringify(got)}`);
    }
  } else {
    const r = out.refusal;
    cov.refusals.add(r.code);
    if (!r.message_uk || !r.message_en || r.message_uk === r.message_en) errs.push(`${here}: refusal ${r.code} without two distinct sentences`);
    for (const key of ['clause', 'code', 'field']) {
      if (key in exp && exp[key] !== (r[key] ?? null)) errs.push(`${here}: expected ${key} ${JSON.stringify(exp[key])}, got ${JSON.stringify(r[key] ?? null)} (${r.message_en})`);
    }
  }
}

const METRICS = ['response', 'resolution', 'update_interval'];

/** expected.clocks / clocks_at / explain; every read's counted intervals add up to `consumed`. */
function checkClocks(api, v, reg, ticket, errs, cov) {
  const exp = v.expected;
  const reads = [];
  if (exp.clocks) reads.push([v.now, exp.clocks, 'clocks']);
  (exp.clocks_at ?? []).forEach((r, i) => reads.push([r.now, r.clocks, `clocks_at[${i}]`]));
  if (reads.length) cov.clockVectors += 1;
  for (const [at, expected, here] of reads) {
    for (const m of METRICS) if (expected[m]?.state) cov.clockStates.add(expected[m].state);
    let clocks;
    try {
      clocks = ticket.clocks(reg, at);
    } catch (e) {
      errs.push(`${here}: ${e.message}`);
      continue;
    }
    subset(expected, clocks, here, errs);
    for (const m of METRICS) {
      const x = ticket.explainClock(reg, m, at);
      if (!x) continue;
      const sum = x.counted.reduce((s, c) => s + c.seconds, 0);
      if (sum !== x.clock.consumed) errs.push(`${here}: ${m}: the counted intervals add up to ${sum} s, consumed is ${x.clock.consumed} s`);
    }
  }
  for (const [m, want] of Object.entries(exp.explain ?? {})) {
    const x = ticket.explainClock(reg, m, v.now);
    if (x) subset(want, x, `explain.${m}`, errs);
    else errs.push(`explain.${m}: the clock is absent`);
  }
}

function replayTicket(api, reg, id, events) {
  const t = new api.Ticket(id);
  for (const e of events) t.apply(reg, e);
  return t;
}

function runQuery(api, reg, q, errs, cov) {
  cov.ops.add(q.op);
  let got;
  switch (q.op) {
    case 'contact_change_notice_due': got = reg.contactChangeNoticeDue(q.at); break;
    case 'archive_due': got = reg.archiveDue(q.released_at); break;
    case 'must_register': got = api.mustRegister(q.category, q.priority, q.solved_during_contact); break;
    case 'queue': {
      const tickets = q.tickets.map((t) => replayTicket(api, reg, t.id, t.events));
      got = api.queue(tickets).map((t) => t.id);
      for (const t of tickets) t.free();
      break;
    }
    case 'what_if': {
      const against = api.Regulation.withOverrides(q.against);
      // like the Rust runner: events that do not parse are left out
      const probe = new api.Ticket('probe');
      const events = q.events.filter((e) => {
        try { probe.tryApply(reg, e); return true; } catch { return false; }
      });
      probe.free();
      got = api.whatIf(reg, against, events, { now: q.now ?? null, id: 'T' });
      against.free();
      break;
    }
    case 'compliance': {
      const tickets = q.tickets.map((t) => replayTicket(api, reg, t.id, t.events));
      got = api.compliance(reg, tickets, { from: q.from ?? null, to: q.to ?? null, now: q.now });
      for (const t of tickets) t.free();
      break;
    }
    default: errs.push(`unknown query op ${q.op}`); return;
  }
  subset(q.expected, got, `query ${q.op}`, errs);
}

/** Runs one vector; returns the list of mismatches (empty = pass). */
export function runVector(api, v, cov = newCoverage()) {
  const errs = [];
  if (v.clause) cov.clauses.add(v.clause);
  const reg = regulationOf(api, v);
  const ticket = new api.Ticket('T');
  try {
    if (v.events.length !== v.expected.steps.length) errs.push('one expected step per event');
    v.events.forEach((ev, i) => {
      const exp = v.expected.steps[i];
      let out;
      try {
        out = ticket.apply(reg, ev);
      } catch (e) {
        if (!(e instanceof api.ReglamentError)) throw e;
        if (exp.error !== e.code) errs.push(`steps[${i}]: the event does not parse: ${e.message} (code ${e.code})`);
        return;
      }
      cov.kinds.add(ev.kind);
      if ('error' in exp) {
        errs.push(`steps[${i}]: expected a parse error ${exp.error}, the event parsed`);
        return;
      }
      checkStep(i, exp, out, errs, cov);
      if (!out.accepted && out.refusal.clause) cov.clauses.add(out.refusal.clause);
    });
    if (v.expected.head) {
      // DESIGN §5: the head of the chain of the events that parse (request "T")
      const parsed = v.events.filter((ev) => {
        try { api.chainHead(reg, 'T', [ev]); return true; } catch { return false; }
      });
      const got = api.chainHead(reg, 'T', parsed);
      if (got !== v.expected.head) errs.push(`head: expected ${v.expected.head}, got ${got}`);
    }
    if (v.expected.final) subset(v.expected.final, ticket.state(v.now ?? undefined), 'final', errs);
    checkClocks(api, v, reg, ticket, errs, cov);
    for (const q of v.queries ?? []) runQuery(api, reg, q, errs, cov);
  } finally {
    ticket.free();
    reg.free();
  }
  return errs;
}

export function newCoverage() {
  return { clauses: new Set(), kinds: new Set(), refusals: new Set(), warnings: new Set(), ops: new Set(), clockVectors: 0, clockStates: new Set() };
}
