// Type declarations of the `reglament` npm package (hand-written and checked
// by `tsc` against test/typed-example.ts and test/bundlers/types/; the
// wasm-bindgen output in dist/ is loaded by src/api.js, its own .d.ts is
// not the public API).
//
// Conventions:
// * Instants in: a `Date` or an RFC 3339 string with any offset (the fraction
//   of a second is dropped). Instants out: RFC 3339 strings in UTC with `Z`,
//   whole seconds, e.g. "2026-03-30T07:00:00Z".
// * DURATIONS ARE SECONDS, NOT MILLISECONDS: a plain number is whole seconds
//   of working time (`add(t, 7200)` is two hours; `add(t, 7_200_000)` would
//   be 2000 hours). Prefer the object form, which says its unit:
//   `add(t, { hours: 2 })`, `{ hours: 1, minutes: 30 }`, `{ seconds: 90 }`.
// * A `Date` out: the `...Date` sibling methods (`addDate`, `subDate`,
//   `nextWorkingDate`, `addWorkingDaysDate`) return `Date`s; the others
//   return RFC 3339 strings (JSON-ready).
// * Objects print as `Calendar(Europe/Kyiv)`, `Ticket(T-1, backlog)`
//   (`toString()`, and `console.log` in Node). `free()` releases the
//   WebAssembly memory at once (otherwise the garbage collector does; the
//   classes also have `[Symbol.dispose]` at run time where the engine has
//   it, for `using`, left out of these types so that they need no
//   `esnext.disposable` lib).
// * Documents (calendar and regulation files, events, ticket state, clocks,
//   reports) are plain objects in the language-neutral snake_case JSON format
//   shared with the C API, the CLI and tests/vectors, so the browser and the
//   server exchange them unchanged. Methods are camelCase.
// * Every failure is thrown as a `ReglamentError` (or one of its kin below),
//   never a bare string. A refusal by the regulation is *not* an error for
//   `apply` (it is returned as data); `applyOrThrow` throws it as a
//   `ReglamentRefusal`.

/** A `Date` or an RFC 3339 string with an offset, e.g. "2026-03-27T17:00:00+02:00". */
export type InstantInput = Date | string;
/** An RFC 3339 instant in UTC, whole seconds: "2026-03-30T07:00:00Z". */
export type Instant = string;
/** A local date, "YYYY-MM-DD". */
export type LocalDate = string;
/** Whole seconds (NOT milliseconds). */
export type Seconds = number;
/**
 * A duration of working time: a number is whole **seconds** (not
 * milliseconds!), or an object with its unit, e.g. `{ hours: 2 }`,
 * `{ hours: 1, minutes: 30 }`. Parts may be fractional as long as the total
 * is whole seconds; an unknown key (`ms`, `days`) is a `ReglamentTypeError`.
 */
export type Duration = Seconds | { hours?: number; minutes?: number; seconds?: number };

// ---------------------------------------------------------------- vocabularies

export type Role = 'user' | 'customer_service' | 'operator' | 'consultant';
export type Channel = 'phone' | 'skype' | 'whatsapp' | 'viber' | 'telegram' | 'tracker' | 'email';
export type Reason = 'software_failure' | 'business_process_problem' | 'question' | 'remark' | 'suggestion';
export type Category = 'incident' | 'change_request' | 'consultation' | 'documentation_request';
export type Priority = 'critical' | 'high' | 'medium' | 'low';
export type Status = 'backlog' | 'sprint' | 'in_progress' | 'done' | 'release' | 'rejected' | 'archived';
export type Metric = 'response' | 'resolution' | 'update_interval';
export type PauseReason = 'approval_pending' | 'awaiting_user';
export type Service = 'consultation' | 'recovery' | 'administration';
export type DayUnit = 'calendar_days' | 'working_days';
export type HolidayMode = 'UA' | 'UA-statutory';
export type Lang = 'uk' | 'en';
export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'unclassified' | 'stopped';
export type PriorityChangeRule = 'keep_consumed' | 'recompute_from_registration' | 'keep_old_due' | 'earlier_of_both';
export type EventKind =
  | 'register' | 'classify' | 'change_priority' | 'reject' | 'ask_user' | 'user_answer' | 'reply'
  | 'plan_sprint' | 'start_work' | 'request_approval' | 'approve' | 'refuse_approval' | 'perform_action'
  | 'extend_deadline' | 'complete' | 'release' | 'reopen' | 'accept' | 'archive' | 'comment'
  | 'pause' | 'resume';
export type RefusalCode =
  | 'read_only' | 'role_not_allowed' | 'wrong_status' | 'terminal_status' | 'not_registered'
  | 'already_registered' | 'time_went_backwards' | 'instant_out_of_range' | 'missing_field'
  | 'channel_not_for_requests' | 'channel_requires_operator' | 'own_initiative_requires_operator'
  | 'submitted_after_registration' | 'no_question_pending'
  | 'unknown_pause_reason' | 'pause_already_active' | 'pause_not_active'
  | 'approval_required' | 'approval_pending'
  | 'approval_refused' | 'approval_not_requested' | 'approval_already_granted' | 'approval_already_pending'
  | 'approval_ambiguous' | 'approval_not_by_email' | 'unknown_action' | 'invalid_extension'
  | 'extension_not_in_future' | 'extension_not_later' | 'clock_paused' | 'regulation_mismatch'
  | 'archive_too_early' | 'invalid_reopen_target';
export type WarningCode =
  | 'outside_working_hours' | 'outside_registration_hours' | 'registration_optional' | 'no_change' | 'unclassified';
/** The codes of thrown errors (refusal codes come on `ReglamentRefusal`). */
export type ErrorCode =
  | 'invalid_json' | 'unknown_field' | 'missing_field' | 'invalid_value' | 'unknown_timezone'
  | 'invalid_instant' | 'out_of_range' | 'no_working_time' | 'conflict'
  | 'invalid_argument' | 'panic' | 'wasm_load_failed';

// ---------------------------------------------------------------- errors

/** The data every error of the package carries. */
export interface ReglamentErrorFields {
  /** A stable code, identical on every face (Rust, C, JS, CLI). */
  readonly code: ErrorCode | RefusalCode;
  /** The input field at fault as a JSON path (`"week.mon[0][1]"`, `"event.at"`), or null. */
  readonly field: string | null;
  /** The regulation's clause (`"3.6"`) for a refusal, null otherwise. */
  readonly clause: string | null;
  /** The sentence in English. */
  readonly messageEn: string;
  /** The sentence in Ukrainian: refusals have one; input errors have null. */
  readonly messageUk: string | null;
  /**
   * The same data as plain data: `structuredClone` (postMessage, IndexedDB)
   * keeps an error's message and `cause` only, so
   * `structuredClone(err).cause.code === err.code`.
   */
  readonly cause: { code: ErrorCode | RefusalCode; field: string | null; clause: string | null };
}

/**
 * Any error thrown by the package. `err instanceof ReglamentError` is also
 * true for `ReglamentRangeError` and `ReglamentTypeError`.
 * Code `"panic"`: a defect inside the library was caught (never an opaque
 * `RuntimeError: unreachable`); the instance refuses further calls.
 */
export class ReglamentError extends Error implements ReglamentErrorFields {
  readonly code: ErrorCode | RefusalCode;
  readonly field: string | null;
  readonly clause: string | null;
  readonly messageEn: string;
  readonly messageUk: string | null;
  readonly cause: { code: ErrorCode | RefusalCode; field: string | null; clause: string | null };
}

/** An instant, date or duration outside the supported range (code `"out_of_range"`). */
export class ReglamentRangeError extends RangeError implements ReglamentErrorFields {
  readonly code: 'out_of_range';
  readonly field: string | null;
  readonly clause: null;
  readonly messageEn: string;
  readonly messageUk: null;
  readonly cause: { code: 'out_of_range'; field: string | null; clause: null };
}

/** A JavaScript value of the wrong type (code `"invalid_argument"`), e.g. a number where an instant is expected. */
export class ReglamentTypeError extends TypeError implements ReglamentErrorFields {
  readonly code: 'invalid_argument';
  readonly field: string | null;
  readonly clause: null;
  readonly messageEn: string;
  readonly messageUk: null;
  readonly cause: { code: 'invalid_argument'; field: string | null; clause: null };
}

/** The regulation refused an event (thrown by `Ticket.applyOrThrow` only). */
export class ReglamentRefusal extends ReglamentError {
  readonly code: RefusalCode;
  readonly clause: string;
  readonly messageUk: string;
  /** The actor's role. */
  readonly role: Role;
  /** The request's status when the event came (null before registration). */
  readonly status: Status | null;
  /** The kind of the refused event. */
  readonly kind: EventKind;
  /** The refusal as data (as in `Outcome`). */
  readonly refusal: Refusal;
}

// ---------------------------------------------------------------- calendar

/** A shift `[start, end]` as local times "HH:MM" or "HH:MM:SS" ("24:00" allowed; end <= start = overnight). */
export type Shift = [string, string];

/** The calendar file. Only `timezone` and `week` are required. */
export interface CalendarSpec {
  /** An IANA time zone, e.g. "Europe/Kyiv". */
  timezone: string;
  /** Per weekday the working shifts; an absent weekday has none. */
  week: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Shift[]>>;
  holidays?: LocalDate[];
  extra_working_days?: LocalDate[];
  extra_working_day_hours?: Shift[];
  holiday_preset?: HolidayMode;
  martial_law_end?: LocalDate;
}

export interface HolidayName {
  uk: string;
  en: string;
}

/** Why a date is a day off. */
export interface DayOff {
  date: LocalDate;
  name: HolidayName | null;
  reason: 'holiday' | 'carried_over' | 'transferred' | 'listed';
  /** For `carried_over`: the weekend date of the holiday carried over. */
  holiday?: LocalDate;
  /** For `transferred`: the weekend day worked instead. */
  worked_on?: LocalDate;
}

/** A working-time calendar: time zone, weekly schedule, holidays, extra working days. Immutable. */
export class Calendar {
  /** From a calendar file (object or JSON string). Throws `ReglamentError` naming the field at fault. */
  constructor(spec: CalendarSpec | string);
  /** Europe/Kyiv, Mon–Fri 09:00–18:00, Ukrainian public holidays. */
  static defaultKyiv(): Calendar;
  /** The IANA time zone. */
  readonly timezone: string;
  /** The first and last supported instants. */
  supportedRange(): { start: Instant; end: Instant };
  /**
   * The earliest instant u >= t with `duration` of working time in [t, u).
   * A number is SECONDS: `add(t, 7200)` or `add(t, { hours: 2 })`.
   */
  add(t: InstantInput, duration: Duration): Instant;
  /** `add` with a `Date` out. A number is SECONDS. */
  addDate(t: InstantInput, duration: Duration): Date;
  /** The latest instant u <= t with `duration` of working time in [u, t). A number is SECONDS. */
  sub(t: InstantInput, duration: Duration): Instant;
  /** `sub` with a `Date` out. A number is SECONDS. */
  subDate(t: InstantInput, duration: Duration): Date;
  /**
   * `add` on epoch milliseconds (`Date.now()`, `date.getTime()`), epoch
   * milliseconds out (whole seconds): the fastest call, nothing but numbers
   * crosses into WebAssembly. The duration is still SECONDS or
   * `{ hours, minutes, seconds }`.
   */
  addEpochMs(tMs: number, duration: Duration): number;
  /** `sub` on epoch milliseconds (as `addEpochMs`). */
  subEpochMs(tMs: number, duration: Duration): number;
  /** Working seconds in [from, to); negative when to < from. */
  elapsed(from: InstantInput, to: InstantInput): Seconds;
  isWorking(t: InstantInput): boolean;
  /** The earliest working instant at or after t. */
  nextWorking(t: InstantInput): Instant;
  /** `nextWorking` with a `Date` out. */
  nextWorkingDate(t: InstantInput): Date;
  /** The closing instant of the n-th working day after the local date of t (clause 5). */
  addWorkingDays(t: InstantInput, n: number): Instant;
  /** `addWorkingDays` with a `Date` out. */
  addWorkingDaysDate(t: InstantInput, n: number): Date;
  /** The working intervals inside [from, to), touching ones joined. */
  workingIntervals(from: InstantInput, to: InstantInput): Array<[Instant, Instant]>;
  /** Why a local date is a day off, or null. */
  dayOff(date: LocalDate): DayOff | null;
  /** The local date of t in the calendar's zone. */
  localDate(t: InstantInput): LocalDate;
  /** The instant of a local wall-clock time "YYYY-MM-DDTHH:MM[:SS]" (RFC 9557 "compatible"). */
  localToInstant(local: string): Instant;
  /** The calendar file. */
  toJSON(): CalendarSpec;
  /** `Calendar(<zone>)`. */
  toString(): string;
  /** Frees the WebAssembly memory now (otherwise the garbage collector does). */
  free(): void;
}

export interface HolidayYear {
  year: number;
  mode: HolidayMode;
  /** Every holiday art. 73 names on a date of the year. */
  named: Array<{ date: LocalDate; uk: string; en: string }>;
  /** The non-working dates under the mode. */
  days_off: DayOff[];
  /** Weekend days made working days by Cabinet transfers. */
  working_days: Array<{ date: LocalDate; instead_of: LocalDate }>;
  /**
   * Days one hour shorter (Labour Code art. 53): the eve of a holiday that
   * is a day off by law, or the weekend day worked instead of such an eve.
   * Empty while martial law suspends art. 73.
   */
  shortened: Array<{
    date: LocalDate;
    holiday: LocalDate;
    name: { uk: string; en: string };
    reason: "eve" | "transferred_eve";
    instead_of?: LocalDate;
  }>;
}

/**
 * The Ukrainian public holidays of `year` (1991–2100). `mode` "UA" (default:
 * under martial law every named holiday is still non-working) or
 * "UA-statutory" (the law's days off); `martialLawEnd` = its last day.
 */
export function holidays(year: number, mode?: HolidayMode | null, martialLawEnd?: LocalDate | null): HolidayYear;

// ---------------------------------------------------------------- regulation

export interface SlaTarget {
  category: Category;
  priority: Priority;
  response: Seconds;
  resolution: Seconds;
  update_interval: Seconds | null;
  /** A calendar of `calendars` this row's clocks count on (DESIGN §7); absent: `calendar`. */
  calendar?: string;
}

/** A pause reason a regulation declares (DESIGN §7). */
export interface PauseReasonSpec {
  id: string;
  uk: string;
  en: string;
  pauses: Metric[];
}

/** A warning threshold or escalation level: 1 to 1000 percent of the target, optionally named. */
export type WarningThreshold = number | { percent: number; name?: string };

export interface DayCount {
  amount: number;
  unit: DayUnit;
}

/** The regulation file (see the repository's docs/ for every key). */
export interface RegulationSpec {
  contract: {
    number: string;
    date: LocalDate;
    customer: string;
    contractor: string;
    system_name: string;
    software_name: string;
    business_process_name: string;
  };
  calendar: CalendarSpec;
  registration_calendar: CalendarSpec | null;
  /** Named calendars SLA rows may count on; `{}` by default. */
  calendars?: Record<string, CalendarSpec>;
  sla: { example: boolean; note: string; targets: SlaTarget[] };
  pauses: Record<Metric, Record<PauseReason, boolean>>;
  /** Declared pause reasons; `[]` by default. */
  pause_reasons?: PauseReasonSpec[];
  priority_change: PriorityChangeRule;
  actions: Array<{ name: string; service: Service }>;
  approval_required_for: string[];
  archive_after: DayCount;
  contact_change_notice: DayCount;
  warning_thresholds: WarningThreshold[];
  [key: string]: unknown;
}

/** A deep partial document merged onto the default (objects merge key by key; anything else, lists included, replaces). */
export type RegulationOverrides = { [K in keyof RegulationSpec]?: RegulationSpec[K] extends object ? DeepPartial<RegulationSpec[K]> : RegulationSpec[K] };
export type DeepPartial<T> = T extends Array<unknown> ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** A validated regulation with its calendars compiled. Immutable. */
export class Regulation {
  /** From a complete regulation file (object or JSON string). */
  constructor(file: RegulationSpec | string);
  /** The embedded default: the seed's regulation, with the example SLA table. */
  static default(): Regulation;
  /** The default with a partial document laid over it. */
  static withOverrides(overrides: RegulationOverrides | string): Regulation;
  /** The working-time calendar of support. */
  calendar(): Calendar;
  /** The calendar of phone and messenger registration (clause 3.3). */
  registrationCalendar(): Calendar;
  slaTarget(category: Category, priority: Priority): SlaTarget;
  /** Whether an action or event kind needs Customer Service's written approval first (3.4, 3.5.1). */
  needsApproval(name: string): boolean;
  /** When a request released at `releasedAt` may be archived without acceptance (3.6). */
  archiveDue(releasedAt: InstantInput): Instant;
  /** The deadline to notify a contact-person change made at `at` (5). */
  contactChangeNoticeDue(at: InstantInput): Instant;
  /** The whole regulation in words ("uk" by default). */
  describe(lang?: Lang): string;
  /**
   * `sha256:<64 hex>`: SHA-256 of the RFC 8785 form of the complete
   * regulation. Same meaning, same fingerprint (DESIGN §5).
   */
  readonly fingerprint: Hash;
  /** The complete regulation (defaults filled in, sets in one order): what the fingerprint hashes. */
  complete(): RegulationSpec;
  toJSON(): RegulationSpec;
  /** `Regulation(sha256:…)`. */
  toString(): string;
  free(): void;
}

// ---------------------------------------------------------------- events and outcomes

export interface Actor {
  id: string;
  role: Role;
}

/**
 * One event, in the language-neutral event format (tests/vectors/README.md).
 * Unknown keys are an error (`unknown_field`).
 */
export interface ReglamentEvent {
  kind: EventKind;
  /** When it happened. */
  at: InstantInput;
  actor: Actor;
  text?: string;
  /** The host's identifier, kept as given. */
  id?: string;
  // register
  channel?: Channel;
  reason?: Reason | string;
  description?: string;
  conditions?: string;
  priority?: Priority;
  category?: Category;
  attachments?: string[];
  own_initiative?: boolean;
  solved_during_contact?: boolean;
  submitted_at?: InstantInput;
  // plan_sprint
  sprint?: string;
  // approvals and actions
  action?: string;
  evidence?: string;
  // extend_deadline
  metric?: Metric;
  new_due?: InstantInput;
  add_seconds?: Seconds;
  // reopen
  to?: 'sprint' | 'in_progress';
}

export interface Warning {
  code: WarningCode;
  clause: string;
  message_uk: string;
  message_en: string;
}

export interface Refusal {
  clause: string;
  code: RefusalCode;
  kind: EventKind;
  role: Role;
  status: Status | null;
  field?: string;
  message_uk: string;
  message_en: string;
}

/** What `apply`/`tryApply` return; `status` is the status after the event (unchanged when refused). */
export type Outcome =
  | { accepted: true; status: Status | null; warnings: Warning[] }
  | { accepted: false; status: Status | null; refusal: Refusal };

/** One step of a replay. */
export type Step = ({
  index: number;
  kind: EventKind;
  at: Instant;
  status: Status | null;
} & ({ accepted: true; warnings: Warning[] } | { accepted: false; refusal: Refusal })) | UnreadableStep;

/** A replayed item that is not an event: the replay records it and goes on. */
export interface UnreadableStep {
  index: number;
  error: { code: string; field: string | null; message: string };
}

/** The ticket's state document (as the CLI's `replay` and the C API print it). */
export interface TicketState {
  id: string;
  status: Status | null;
  category: Category | null;
  priority: Priority | null;
  registered_at: Instant | null;
  last_event_at: Instant | null;
  archive_due_at: Instant | null;
  accepted_at: Instant | null;
  archived_at: Instant | null;
  awaiting_user: boolean;
  events_accepted: number;
  /** With `now` only. */
  now?: Instant;
  /** With `now` only: whether the request may be archived then. */
  archivable?: boolean;
  [key: string]: unknown;
}

// ---------------------------------------------------------------- SLA clocks

export interface Threshold {
  percent: number;
  /** The level's name, when the regulation gives one. */
  name?: string;
  level: Seconds;
  at: Instant | null;
  crossed: boolean;
}

export interface Clock {
  metric: Metric;
  state: ClockState;
  started_at: Instant | null;
  target: Seconds | null;
  added_seconds: Seconds;
  consumed: Seconds;
  counted_until: Instant;
  remaining: Seconds | null;
  due_at: Instant | null;
  original_due_at: Instant | null;
  met_at: Instant | null;
  on_time: boolean | null;
  on_time_original: boolean | null;
  breached_at: Instant | null;
  original_breached_at: Instant | null;
  paused_since: Instant | null;
  stopped_at: Instant | null;
  thresholds: Threshold[];
  due_history: Array<Record<string, unknown>>;
  extensions: Array<Record<string, unknown>>;
  pauses: Array<Record<string, unknown>>;
  /** The named calendar the clock counts on (DESIGN §7); absent for the regulation's own. */
  calendar?: string;
  [key: string]: unknown;
}

export interface UpdateClock extends Clock {
  periods: number;
  periods_on_time: number;
  breaches: Array<{ started_at: Instant; ended_at: Instant | null; due_at: Instant; original_due_at: Instant; extended: boolean }>;
  breaches_original: number;
}

export interface Clocks {
  ticket: string;
  now: Instant;
  status: Status | null;
  response: Clock;
  resolution: Clock;
  update_interval: UpdateClock | null;
  /** The earliest instant after `now` at which anything changes: set one timer for it. */
  next_change_at: Instant | null;
}

/** `snake_case` to `camelCase`, as a type: `CamelCase<'due_at'>` is `'dueAt'`. */
export type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
/** An object type with every key, at every depth, in camelCase (values unchanged). */
export type CamelKeys<T> = T extends ReadonlyArray<infer U>
  ? Array<CamelKeys<U>>
  : T extends object
    ? { [K in keyof T as K extends string ? CamelCase<K> : K]: CamelKeys<T[K]> }
    : T;
/** The clocks with camelCase keys (`resolution.dueAt`, `nextChangeAt`): `clocks(reg, now, { camelCase: true })`. */
export type ClocksCamel = CamelKeys<Clocks>;
/** A clock with camelCase keys. */
export type ClockCamel = CamelKeys<Clock>;
/** Options of the clock methods: `camelCase: true` gives the keys in camelCase (the JSON document, the default, keeps snake_case). */
export interface ClockOptions { camelCase?: boolean }

export interface Explanation {
  clock: Clock;
  /** The working intervals counted; their seconds add up to `clock.consumed`. */
  counted: Array<{ from: Instant; to: Instant; seconds: Seconds }>;
  pauses: Array<Record<string, unknown>>;
  skipped_days: Array<{ date: LocalDate; kind: 'weekend' | 'holiday' | 'listed'; name_uk: string | null; name_en: string | null }>;
  /** Sentences in Ukrainian. */
  uk: string[];
  /** Sentences in English. */
  en: string[];
}

export interface Counts {
  met_on_time: number;
  met_late: number;
  breached: number;
  open: number;
  stopped: number;
}

export interface ComplianceReport {
  from: Instant | null;
  to: Instant | null;
  now: Instant;
  tickets: number;
  unclassified: number;
  rows: Array<{ metric: Metric; category: Category; priority: Priority; tickets: number; with_extensions: Counts; without_extensions: Counts }>;
  totals: Array<[Metric, Counts, Counts]>;
}

export interface WhatIfReport {
  now: Instant;
  accepted: [number, number];
  steps: Array<{ index: number; kind: EventKind; at: Instant; a: Record<string, unknown>; b: Record<string, unknown> }>;
  status: [Status | null, Status | null] | null;
  clocks: Array<{ metric: Metric; field: string; a: unknown; b: unknown }>;
  clocks_a: Clocks | null;
  clocks_b: Clocks | null;
}

// ---------------------------------------------------------------- ticket

/** One request: its state after the events applied so far. The host stores the events. */
export class Ticket {
  /** An empty request with the host's id; its first event must register it. */
  constructor(id: string);
  /** Replays `events` onto a new ticket: one step per item; an item that is not an event is an `UnreadableStep` (field `events[i]...`) and the replay goes on. */
  static replay(regulation: Regulation, id: string, events: Array<ReglamentEvent | string>): { ticket: Ticket; steps: Step[] };
  /** Applies one event: accepted (with warnings) or refused (with the clause). Throws only if the event does not parse. */
  apply(regulation: Regulation, event: ReglamentEvent | string): Outcome;
  /** Applies one event; a refusal throws a `ReglamentRefusal`. Returns the warnings. */
  applyOrThrow(regulation: Regulation, event: ReglamentEvent | string): Warning[];
  /** Whether the event would be accepted now, without changing the ticket. */
  tryApply(regulation: Regulation, event: ReglamentEvent | string): Outcome;
  readonly id: string;
  readonly status: Status | null;
  readonly category: Category | null;
  readonly priority: Priority | null;
  readonly registeredAt: Instant | null;
  readonly submittedAt: Instant | null;
  readonly lastEventAt: Instant | null;
  readonly archiveDueAt: Instant | null;
  readonly acceptedAt: Instant | null;
  readonly archivedAt: Instant | null;
  readonly awaitingUser: boolean;
  readonly eventsAccepted: number;
  /** Whether the request may be archived at `now` (3.6). */
  archivable(now: InstantInput): boolean;
  /** The state document; with `now`, also `archivable`. */
  state(now?: InstantInput | null): TicketState;
  toJSON(): TicketState;
  /** `Ticket(<id>, <status>)`. */
  toString(): string;
  /** An independent copy ("what if" without touching this one). */
  clone(): Ticket;
  /** The SLA clocks at `now`: the JSON document (snake_case keys), or with `{ camelCase: true }` camelCase keys. */
  clocks(regulation: Regulation, now: InstantInput, options?: { camelCase?: false }): Clocks;
  clocks(regulation: Regulation, now: InstantInput, options: { camelCase: true }): ClocksCamel;
  /** One clock at `now`; null for an absent update interval. */
  clock(regulation: Regulation, metric: Metric, now: InstantInput, options?: { camelCase?: false }): Clock | null;
  clock(regulation: Regulation, metric: Metric, now: InstantInput, options: { camelCase: true }): ClockCamel | null;
  /** A clock's explanation at `now`; null for an absent update interval. */
  explainClock(regulation: Regulation, metric: Metric, now: InstantInput): Explanation | null;
  /** The earliest instant after `now` at which a clock or rule changes state, or null. */
  nextChangeAt(regulation: Regulation, now: InstantInput): Instant | null;
  /**
   * The clocks computed once for every `now` from the last event on: a
   * snapshot to re-read cheaply (a board refreshing many requests); make a
   * new one after the next event.
   */
  clockPlan(regulation: Regulation): ClockPlan;
  free(): void;
}

/**
 * A request's clocks from its last event on (see `Ticket.clockPlan`): each
 * read equals what the ticket gives at the same `now`; a `now` before
 * `validFrom` throws a `ReglamentError` (code `conflict`, field `now`).
 */
export class ClockPlan {
  private constructor();
  /** The first `now` the plan answers for: the request's last event. */
  readonly validFrom: Instant;
  /** The SLA clocks at `now` (as `Ticket.clocks`). */
  clocks(now: InstantInput, options?: { camelCase?: false }): Clocks;
  clocks(now: InstantInput, options: { camelCase: true }): ClocksCamel;
  /** The clocks at `now` without thresholds, due history, extensions and pauses. */
  clocksSummary(now: InstantInput, options?: { camelCase?: false }): Clocks;
  clocksSummary(now: InstantInput, options: { camelCase: true }): ClocksCamel;
  /** The earliest instant after `now` at which a clock or rule changes state, or null. */
  nextChangeAt(now: InstantInput): Instant | null;
  /** `ClockPlan(from <validFrom>)`. */
  toString(): string;
  free(): void;
}

// ---------------------------------------------------------------- functions

/** The waiting requests (Backlog, Sprint, In progress, Done) in queue order (3.3): the same objects. */
export function queue(tickets: Ticket[]): Ticket[];

/** Whether a request must be registered (3.4). */
export function mustRegister(category: Category | null, priority: Priority, solvedDuringContact: boolean): boolean;

/** SLA compliance of the tickets registered in [from, to), read at `now`. */
export function compliance(regulation: Regulation, tickets: Ticket[], options: { from?: InstantInput | null; to?: InstantInput | null; now: InstantInput }): ComplianceReport;

/** Replays `events` under `a` and under `b` and reports what differs (nothing is stored). */
export function whatIf(a: Regulation, b: Regulation, events: Array<ReglamentEvent | string>, options?: { now?: InstantInput | null; id?: string }): WhatIfReport;

// ---------------------------------------------------------------- the contract record

/** `sha256:` and 64 lowercase hex digits. */
export type Hash = string;

/** One entry of a hash-chained history (DESIGN §5). */
export interface ChainEntry {
  seq: number;
  prev: Hash;
  hash: Hash;
  /** The event in its canonical form (instants in UTC `Z`, defaults filled). */
  event: ReglamentEvent;
}

/** What `verify` found. */
export interface Verification {
  ok: boolean;
  /** Entries read: all when `ok`, those before the first bad one otherwise. */
  entries: number;
  /** The last entry's hash when `ok` (the genesis hash for an empty chain). */
  head: Hash | null;
  /** Index (from 0) of the first entry that does not hold. */
  first_bad: number | null;
  /** Why, naming the line. */
  reason: string | null;
  /** The field at fault: `seq`, `prev`, `hash`, `event`, or "" for the whole line. */
  field: string | null;
}

/** A request's events as a chain bound to the regulation's fingerprint and the request id. */
export function chain(regulation: Regulation, id: string, events: Array<ReglamentEvent | string>): ChainEntry[];
/** The head of a request's chain (its genesis hash for no events). */
export function chainHead(regulation: Regulation, id: string, events: Array<ReglamentEvent | string>): Hash;
/** Verifies a chained history: its JSON Lines text or an array of entries. */
export function verify(regulation: Regulation, id: string, chained: string | ChainEntry[]): Verification;
/** The RFC 6962 Merkle root over requests' heads (any order; sorted by request id). */
export function merkleRoot(heads: Array<{ request: string; head: Hash }>): Hash;

/** Counts by one due (`counted = on_time + breached`). */
export interface ReportTally {
  counted: number;
  on_time: number;
  breached: number;
  /** on_time / counted in percent, one decimal; null when nothing was counted. */
  percent_on_time: number | null;
}
/** Working seconds to meet: mean (rounded half up), median and p90 by nearest rank, max. */
export interface ReportDurations { count: number; mean: number; median: number; p90: number; max: number; }
/** One row of figures: a metric in a bucket (null: the whole period), per category and priority (null in totals). */
export interface ReportRow {
  bucket: string | null;
  metric: Metric;
  category: Category | null;
  priority: Priority | null;
  extended: ReportTally;
  original: ReportTally;
  /** Open at the period's end (whole-period rows; null in bucket rows). */
  open: number | null;
  rejected: number;
  time_to_meet: ReportDurations | null;
}
/** A period SLA report (DESIGN §6; schemas/report.schema.json). */
export interface Report {
  format: 'reglament-report/1';
  regulations: Array<{
    id: string | null; version: string | null; effective_from: string | null; fingerprint: Hash;
    contract: Record<string, string>; timezone: string; sla_example: boolean;
    sla: Array<{ category: Category; priority: Priority; response: number; resolution: number; update_interval: number | null }>;
  }>;
  period: { from: string; to: string; timezone: string; from_instant: Instant; to_instant: Instant; by: 'month' | 'week' | 'none' };
  now: Instant;
  /** The earlier of now and the period's end: the clocks are read here. */
  read_at: Instant;
  target_percent: number | null;
  requests_read: number;
  merkle_root: Hash;
  buckets: Array<{ label: string; from: string; to: string }>;
  groups: ReportRow[];
  totals: ReportRow[];
  priorities: ReportRow[];
  breaches: Array<{
    request: string; metric: Metric; bucket: string; category: Category; priority: Priority;
    started_at: Instant; due_at: Instant | null; original_due_at: Instant | null; met_at: Instant | null;
    over_seconds: number; by_extended_due: boolean;
    extensions: Array<{ at: Instant; by: string; new_due: Instant | null; add_seconds: number | null; evidence: string }>;
  }>;
  open: Array<{ request: string; metric: Metric; category: Category; priority: Priority; started_at: Instant; due_at: Instant | null; state: ClockState }>;
  requests: Array<{
    id: string; regulation: Hash | null; head: Hash | null; registered_at: Instant | null; status: Status | null;
    events: number; clocks: number;
    refused: Array<{ index: number; kind: string; at: Instant; clause: string; code: string; message_en: string; message_uk: string }>;
    error: { code: string; field: string | null; message: string } | null;
  }>;
}
/** Options of `report`: the period [from, to) in local dates of the regulation's zone. */
export interface ReportOptions {
  from: string;
  to: string;
  now: InstantInput;
  by?: 'month' | 'week' | 'none';
  target_percent?: number;
  /** A contract document `{versions: [...]}`: the version in force at each registration judges it. */
  contract?: object;
}
/** The period SLA report of requests `[{id, events}]`, judged by `regulation` (or `options.contract`). */
export function report(regulation: Regulation, requests: Array<{ id: string; events: ReglamentEvent[] }>, options: ReportOptions): Report;

/** The package version. */
export function version(): string;

/** The labels of the vocabularies in Ukrainian (default) or English, for user interfaces: code -> label. */
export function labels(lang?: Lang): {
  status: Record<Status, string>;
  role: Record<Role, string>;
  kind: Record<EventKind, string>;
  priority: Record<Priority, string>;
  category: Record<Category, string>;
  channel: Record<Channel, string>;
  metric: Record<Metric, string>;
  clock_state: Record<ClockState, string>;
};

/** Which build this is: "full" (every IANA zone) or "slim" (Europe/Kyiv and UTC). */
export function variant(): 'full' | 'slim' | 'calendar';

/** The IANA names of every time zone this build carries, sorted. */
export function timezones(): string[];

/** Which time zones this build carries: "all", or the short list of the slim build (`reglament/slim`). */
export const zones: 'all' | readonly string[];
