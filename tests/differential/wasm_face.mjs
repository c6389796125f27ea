// The WebAssembly face of the differential test: reads cases (JSON) from the
// file named by argv[2], writes one result per case (JSON) to stdout.
// Every output is taken as the face gives it; normalisation lives in diff.py.
import { readFileSync } from 'node:fs';
import * as api from '../../bindings/js/src/node.js';

const { Regulation, Ticket, Calendar, ReglamentError } = api;
const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const err = (e) => {
  if (!(e instanceof ReglamentError)) throw e;
  return { error: { code: e.code, field: e.field ?? null } };
};

const histories = input.histories.map((c) => {
  const reg = c.regulation == null ? Regulation.default() : Regulation.withOverrides(c.regulation);
  // items as the host has them: objects, or the raw text of a line that is not JSON
  const items = c.items.map((it) => (typeof it === 'string' ? it : it));
  const { ticket, steps } = Ticket.replay(reg, 'T', items);
  const state = ticket.state(c.now);
  let clocks;
  try {
    clocks = ticket.clocks(reg, c.now);
  } catch (e) {
    clocks = err(e);
  }
  ticket.free();
  reg.free();
  return { steps, state, clocks };
});

const calendars = input.calendar_ops.map((c) => {
  let cal;
  try {
    cal = new Calendar(c.calendar);
  } catch (e) {
    return err(e);
  }
  try {
    switch (c.op) {
      case 'add': return { at: cal.add(c.at, c.seconds) };
      case 'sub': return { at: cal.sub(c.at, c.seconds) };
      case 'elapsed': return { seconds: cal.elapsed(c.from, c.to) };
      case 'is_working': return { working: cal.isWorking(c.at) };
      case 'next_working': return { at: cal.nextWorking(c.at) };
      case 'add_working_days': return { at: cal.addWorkingDays(c.at, c.days) };
      default: throw new Error(`unknown op ${c.op}`);
    }
  } catch (e) {
    return err(e);
  } finally {
    cal.free();
  }
});

process.stdout.write(JSON.stringify({ histories, calendars }));
