// A typed usage example: `npm run typecheck` (tsc --noEmit) must accept it,
// and the lines marked @ts-expect-error must stay errors.
import {
  Calendar, Regulation, Ticket, holidays, queue, mustRegister, compliance, whatIf, version, zones,
  ReglamentError, ReglamentRangeError, ReglamentRefusal,
  type ClockPlan, type Instant, type Outcome, type ReglamentEvent, type Clocks, type Status, type CalendarSpec, type HolidayYear,
} from 'reglament';

const kyiv: Calendar = Calendar.defaultKyiv();
const due: Instant = kyiv.add('2026-03-27T17:00:00+02:00', 2 * 3600);
const alsoDue: string = kyiv.add(new Date(Date.UTC(2026, 2, 27, 15)), 7200);
const worked: number = kyiv.elapsed(due, alsoDue);
const spans: Array<[Instant, Instant]> = kyiv.workingIntervals(due, '2026-04-03T00:00:00Z');
const off = kyiv.dayOff('2026-08-24');
const offName: string | undefined = off?.name?.en;

const spec: CalendarSpec = { timezone: 'America/New_York', week: { mon: [['09:00', '17:00']] } };
const ny = new Calendar(spec);
ny.free();

const y: HolidayYear = holidays(2021, 'UA-statutory');
const firstOff: string | undefined = y.days_off[0]?.date;

const reg = Regulation.default();
const strict = Regulation.withOverrides({ archive_after: { amount: 5 }, priority_change: 'keep_old_due' });
const target: number = reg.slaTarget('incident', 'high').resolution;

const register: ReglamentEvent = {
  kind: 'register',
  at: '2026-03-27T17:00:00+02:00',
  actor: { id: 'op-1', role: 'operator' },
  channel: 'phone',
  description: 'The invoice form hangs',
  conditions: 'Open invoice 17, press Save',
  priority: 'high',
  category: 'incident',
};

const ticket = new Ticket('T-1');
const out: Outcome = ticket.apply(reg, register);
if (out.accepted) {
  const codes: string[] = out.warnings.map((w) => w.code);
  void codes;
} else {
  const clause: string = out.refusal.clause;
  const uk: string = out.refusal.message_uk;
  void clause; void uk;
}
const status: Status | null = ticket.status;
const clocks: Clocks = ticket.clocks(reg, new Date());
const plan: ClockPlan = ticket.clockPlan(reg);
const from: Instant = plan.validFrom;
const fromPlan: Clocks = plan.clocksSummary(new Date());
const wake: Instant | null = plan.nextChangeAt(from);
void fromPlan; void wake;
// @ts-expect-error a plan reads at a `now` only: the regulation is in it
plan.clocks(reg, new Date());
const next: Instant | null = clocks.next_change_at;
const explained = ticket.explainClock(reg, 'resolution', '2026-03-30T12:00:00+03:00');
const sentences: string[] = explained?.en ?? [];

try {
  ticket.applyOrThrow(reg, { kind: 'archive', at: '2026-03-27T18:00:00+02:00', actor: { id: 'op-1', role: 'operator' } });
} catch (e) {
  if (e instanceof ReglamentRefusal) {
    const text: string = `${e.clause}: ${e.messageUk} / ${e.messageEn} (${e.role}, ${e.status ?? 'none'})`;
    void text;
  } else if (e instanceof ReglamentRangeError) {
    const code: 'out_of_range' = e.code;
    void code;
  } else if (e instanceof ReglamentError) {
    const field: string | null = e.field;
    void field;
  }
}

const { ticket: replayed, steps } = Ticket.replay(reg, 'T-2', [register]);
const first = steps[0];
// an item that is not an event is an UnreadableStep, with no status
const firstStatus: Status | null = first && 'status' in first ? first.status : null;
const ordered: Ticket[] = queue([ticket, replayed]);
const must: boolean = mustRegister('incident', 'high', true);
const report = compliance(reg, [ticket], { now: '2026-04-10T00:00:00Z' });
const breached: number = report.rows[0]?.with_extensions.breached ?? 0;
const diff = whatIf(reg, strict, [register], { now: '2026-04-01T00:00:00Z' });
const same: boolean = diff.steps.length === 0 && diff.status === null;
const v: string = version();
const z: 'all' | readonly string[] = zones;

// @ts-expect-error durations are numbers of seconds, not strings
kyiv.add(due, '7200');
// @ts-expect-error instants are Date or string, not epoch numbers
kyiv.isWorking(1774854000);
// @ts-expect-error unknown priority
mustRegister('incident', 'urgent', true);
// @ts-expect-error unknown event kind
ticket.tryApply(reg, { kind: 'escalate', at: due, actor: { id: 'x', role: 'user' } });

void [worked, spans, offName, firstOff, target, status, next, sentences, firstStatus, ordered, must, breached, same, v, z];

// JS-native units and outputs
const inTwoHours: Instant = kyiv.add('2026-03-27T17:00:00+02:00', { hours: 2 });
const asDate: Date = kyiv.addDate(new Date(), { hours: 1, minutes: 30 });
// @ts-expect-error milliseconds are not a unit
kyiv.add(inTwoHours, { ms: 5 });
const camelTicket = new Ticket('T-camel');
const camel = camelTicket.clocks(Regulation.default(), asDate, { camelCase: true });
const dueAt: string | null = camel.resolution.dueAt;
const nextAt: string | null = camel.nextChangeAt;
// @ts-expect-error the camelCase form has no typed snake_case keys
const notTyped: string | null = camel.resolution.due_at;
void notTyped;
const snake: string | null = camelTicket.clocks(Regulation.default(), asDate).resolution.due_at;
void [dueAt, nextAt, snake];
