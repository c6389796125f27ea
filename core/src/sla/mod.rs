//! The SLA clocks of a request (DESIGN §2): response, resolution and the
//! optional update interval, in working time, from the ticket's events and
//! a `now` the host passes.
//!
//! # Semantics
//!
//! Let `W(a, b)` be the calendar's working seconds in `[a, b)`. For a metric
//! `m`, the **paused set** `P_m` is the union of
//! * the pauses the regulation's pause matrix stops `m` for: *approval
//!   pending* (`request_approval` → `approve`/`refuse_approval`) and
//!   *awaiting the user* (`ask_user` → `user_answer`, or Release/rejection
//!   that ends the wait); a pause still open at `now` lasts;
//! * for resolution and update interval only, every `[release, reopen)`
//!   interval: time in Release does not count.
//!
//! The **consumed** time is `C(t) = W(start, t) − W(P_m ∩ [start, t))`, with
//! `start` the registration instant (outside working hours the clock simply
//! waits, `W` sees to that).
//!
//! **Target** `T`: the SLA table's entry of (category, priority). With no
//! category yet the clock is `unclassified` (no due); the first
//! classification applies from registration. A later change of priority or
//! category at instant `c` (old target `T0`, new `T1`, old due `D0`) follows
//! the regulation's [`PriorityChangeRule`]:
//! * `keep_consumed`: remaining `= max(0, T1 − C(c))`, due = the earliest
//!   `u ≥ c` with `C(u) − C(c) ≥ remaining` (`c` itself when nothing remains);
//! * `recompute_from_registration`: due = the earliest `u` with `C(u) ≥ T1`
//!   (possibly before `c`);
//! * `keep_old_due`: due = `D0`, the target stays `T0`;
//! * `earlier_of_both`: the earlier of the `keep_consumed` due and `D0`.
//!
//! A change that leaves the target as it was keeps the due. The due history
//! keeps every change point with its cause and the due it gave; each due in
//! it is resolved with the pauses known at `now`.
//!
//! **Due instant**: the earliest `u` with `C(u)` at the due's level; when a
//! pause still open at `now` comes first the instant is not known yet
//! (`due_at: null`, state `paused`, `remaining` still reported).
//!
//! **Met**: response by [`Ticket::first_response`]; resolution by the last
//! Release not followed by a reopen. A met clock stops: facts from its
//! meeting instant on (pauses that begin then or later, changes,
//! extensions) do not concern it. `on_time` is `met_at <= due_at` (a clock
//! met exactly at its due instant is on time; met during an open pause,
//! before any due could be known, is on time).
//!
//! **Extensions** (`extend_deadline`, agreed by Customer Service): each
//! `add_seconds` adds working seconds to the target (the due moves by as
//! much consumed time); `new_due` sets the due instant itself (the latest
//! wins, later `add_seconds` count from it). The clock keeps the due without
//! extensions (`original_due_at`) and with them (`due_at`), and reports
//! compliance both ways (`on_time`, `on_time_original`).
//!
//! **State** at `now`: `met`; `breached` when not met and `now > due_at`
//! (`breached_at = due_at`; a clock met late is `met` with `on_time: false`
//! and `breached_at` set); `paused` inside a pause; `running`;
//! `unclassified`; `stopped` when the request was rejected (or archived, for
//! the update interval) before the clock breached.
//!
//! **Thresholds**: for each percentage `p` of the regulation's
//! `warning_thresholds`, the instant at which `C` reaches
//! `ceil(T · p / 100)` (`T` including the added seconds), crossed when it
//! comes at or before `now` (before the meeting instant for a met clock).
//!
//! **Update interval**: every informing event of support (reply, question,
//! status change by staff) starts a new period whose due is the period's
//! start plus the interval in consumed time; the clock stops while the
//! request is in Release (paused) and ends with Rejected or Archived
//! (stopped). The clock reports its current period and every period that ran
//! over. A row of the SLA table without an update interval has no such clock.
//!
//! All instants are whole seconds; JSON output uses RFC 3339 UTC with `Z`
//! and durations in seconds.
//!
//! # Many requests, many `now`s
//!
//! [`Ticket::clocks`] computes from the events each time. A host that reads
//! the clocks of many requests again and again (a board refreshed every
//! minute, the wake-ups of a scheduler) can keep a [`ClockPlan`] per
//! request instead, rebuilt when the request changes: built once from the
//! events (the cost of one `clocks`), it reads the same answer at any `now`
//! from the last event on for one calendar lookup and a copy
//! (`benches/README.md`: about a quarter of the cost of computing from the
//! events).
//!
//! # Example
//! ```
//! use reglament::{ticket::{Event, Ticket}, Regulation, instant::parse};
//! let reg = Regulation::default();
//! let lines = [
//!   r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op","role":"operator"},
//!       "channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}"#,
//!   r#"{"kind":"start_work","at":"2026-03-02T10:20:00+02:00","actor":{"id":"c","role":"consultant"}}"#,
//! ];
//! let events = lines.iter().map(|l| Event::from_json(l).unwrap());
//! let t = Ticket::replay(&reg, "T-1", events).ticket;
//! let clocks = t.clocks(&reg, parse("2026-03-02T12:00:00+02:00").unwrap()).unwrap();
//! assert_eq!(clocks.response.state.code(), "met");
//! assert_eq!(clocks.response.on_time, Some(true));
//! // resolution: 9 working hours from Monday 10:00 → Tuesday 10:00 Kyiv
//! assert_eq!(reglament::instant::format(clocks.resolution.due_at.unwrap()), "2026-03-03T08:00:00Z");
//! ```

// Indexing in this module stays in bounds: slices of the change lists end
// at `partition_point` results; `points[first]` and `points[pi]` are read
// only while classified (`points` not empty, `first` from
// `partition_point(..).max(1) - 1`) or after a `get` check; the resolution
// memo `seen` is written only below its length; `line`'s scratch slices end
// at `raw.len()` (checked against the buffer) and at `merge`'s count.
#![allow(clippy::indexing_slicing)]

mod explain;
mod line;
mod periods;
mod plan;
mod small;

use std::cell::{Cell, OnceCell};

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use explain::{CountedInterval, DayOffKind, ExplainedPause, Explanation, SkippedDay};
pub use plan::ClockPlan;
use plan::{Counting, Extra, Live, OpenPeriod, Rem};

use crate::error::{Error, ErrorKind, Result};
use crate::instant::serde_utc;
use crate::model::{vocabulary, Category, Metric, PauseReason, Priority, Status};
use crate::regulation::{PriorityChangeRule, Regulation, SlaTarget};
use crate::ticket::{Extension, Ticket};
use line::{merge, Line, Memo, OPEN};
use small::Small;

vocabulary! {
    /// Where a clock stands at `now`.
    ///
    /// # Example
    /// ```
    /// use reglament::sla::ClockState;
    /// assert_eq!(ClockState::Breached.code(), "breached");
    /// assert_eq!(ClockState::Paused.label_uk(), "призупинено");
    /// ```
    pub enum ClockState {
        /// Counting working time.
        Running = "running", "триває", "running";
        /// Stopped by a pause (approval pending, awaiting the user, Release).
        Paused = "paused", "призупинено", "paused";
        /// The meeting event happened (on time or not: see `on_time`).
        Met = "met", "виконано", "met";
        /// Not met and past its due instant.
        Breached = "breached", "порушено", "breached";
        /// No category yet: no target, no due.
        Unclassified = "unclassified", "без категорії", "unclassified";
        /// The request was rejected (or archived) before the clock breached.
        Stopped = "stopped", "зупинено", "stopped";
    }
}

vocabulary! {
    /// Why a due instant was (re)computed.
    ///
    /// # Example
    /// ```
    /// use reglament::sla::DueCause;
    /// assert_eq!(DueCause::PriorityChange.code(), "priority_change");
    /// ```
    pub enum DueCause {
        /// The request was registered with its category and priority.
        Registration = "registration", "реєстрація", "registration";
        /// The first category was set; it applies from registration.
        Classification = "classification", "встановлення категорії", "classification";
        /// The priority changed.
        PriorityChange = "priority_change", "зміна пріоритету", "priority change";
        /// The category changed.
        CategoryChange = "category_change", "зміна категорії", "category change";
        /// Customer Service agreed an extension.
        Extension = "extension", "продовження строку", "extension";
        /// A new update-interval period started (an informing event).
        PeriodStart = "period_start", "новий період інформування", "new update period";
    }
}

vocabulary! {
    /// Why a clock does not count: the pause matrix's reasons and Release.
    ///
    /// # Example
    /// ```
    /// use reglament::sla::StopReason;
    /// assert_eq!(StopReason::Release.code(), "release");
    /// ```
    pub enum StopReason {
        /// A customer approval is pending.
        ApprovalPending = "approval_pending", "очікування дозволу Служби Замовника", "customer approval pending";
        /// Support waits for the user's answer.
        AwaitingUser = "awaiting_user", "очікування відповіді Користувача", "waiting for the user's answer";
        /// The request is in Release (resolution and update interval).
        Release = "release", "заявка у статусі «Реліз»", "the request is in Release";
    }
}

impl From<PauseReason> for StopReason {
    fn from(r: PauseReason) -> StopReason {
        match r {
            PauseReason::ApprovalPending => StopReason::ApprovalPending,
            PauseReason::AwaitingUser => StopReason::AwaitingUser,
        }
    }
}

/// A warning threshold of a clock.
///
/// # Example
/// ```
/// use reglament::sla::Threshold;
/// let t = Threshold { percent: 75, level: 2700, at: None, crossed: false };
/// assert_eq!(serde_json::to_value(&t).unwrap()["at"], serde_json::Value::Null);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Threshold {
    /// The percentage of the target.
    pub percent: u8,
    /// The consumed working seconds at which it is reached: `ceil(T · p / 100)`.
    pub level: i64,
    /// When the clock reaches it (`None` when not known yet, or never reached by a met clock).
    #[serde(with = "serde_utc::option")]
    pub at: Option<DateTime<Utc>>,
    /// Whether it has been crossed.
    pub crossed: bool,
}

/// One entry of a clock's due history.
///
/// # Example
/// ```
/// use reglament::sla::{DueCause, DueChange};
/// use reglament::model::{Category, Priority};
/// let at = reglament::instant::parse("2026-03-02T08:00:00Z").unwrap();
/// let d = DueChange { at, cause: DueCause::Registration, category: Some(Category::Incident),
///     priority: Some(Priority::High), target: Some(3600), due_at: None, original_due_at: None };
/// assert_eq!(serde_json::to_value(&d).unwrap()["cause"], "registration");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueChange {
    /// When the change happened.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// Why.
    pub cause: DueCause,
    /// The category from then on.
    pub category: Option<Category>,
    /// The priority from then on.
    pub priority: Option<Priority>,
    /// The target (working seconds) the SLA table gives from then on, `None` when the row has none.
    pub target: Option<i64>,
    /// The due instant from then on, with extensions (`None`: not known yet).
    #[serde(with = "serde_utc::option")]
    pub due_at: Option<DateTime<Utc>>,
    /// The due instant from then on, without extensions.
    #[serde(with = "serde_utc::option")]
    pub original_due_at: Option<DateTime<Utc>>,
}

/// An interval that stops a clock.
///
/// # Example
/// ```
/// use reglament::sla::{ClockPause, StopReason};
/// let from = reglament::instant::parse("2026-03-02T09:00:00Z").unwrap();
/// let p = ClockPause { reason: StopReason::AwaitingUser, from, to: None };
/// assert!(serde_json::to_value(&p).unwrap()["to"].is_null());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClockPause {
    /// Why the clock stops.
    pub reason: StopReason,
    /// From when.
    #[serde(with = "serde_utc")]
    pub from: DateTime<Utc>,
    /// Until when; `None` while it lasts at `now`.
    #[serde(with = "serde_utc::option")]
    pub to: Option<DateTime<Utc>>,
}

/// One clock at `now`.
///
/// # Example
/// ```
/// use reglament::{model::Metric, sla::ClockState, ticket::{Event, Ticket}, Regulation, instant::parse};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
///   "priority":"critical","category":"incident"}"#).unwrap();
/// let t = Ticket::replay(&reg, "T", [e]).ticket;
/// let c = t.clock(&reg, Metric::Response, parse("2026-03-02T10:40:00+02:00").unwrap()).unwrap().unwrap();
/// assert_eq!(c.state, ClockState::Breached); // 30 working minutes, due 10:30
/// assert_eq!(c.consumed, 2400);
/// assert_eq!(c.remaining, Some(-600));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clock {
    /// The metric.
    pub metric: Metric,
    /// The state at `now`.
    pub state: ClockState,
    /// Where the clock starts: registration, or the current period's start for the update interval.
    #[serde(with = "serde_utc")]
    pub started_at: DateTime<Utc>,
    /// The target in force, working seconds, without extensions (`None` while unclassified).
    pub target: Option<i64>,
    /// Working seconds added by extensions.
    pub added_seconds: i64,
    /// Working seconds counted so far (until met or stopped).
    pub consumed: i64,
    /// The instant up to which time is counted: the meeting instant, the
    /// rejection or archive that stopped the clock, or `now`.
    #[serde(with = "serde_utc")]
    pub counted_until: DateTime<Utc>,
    /// Working seconds left until the due instant (negative past it); `None` without a target.
    pub remaining: Option<i64>,
    /// The due instant with extensions; `None` without a target or while a pause keeps it unknown.
    #[serde(with = "serde_utc::option")]
    pub due_at: Option<DateTime<Utc>>,
    /// The due instant without extensions.
    #[serde(with = "serde_utc::option")]
    pub original_due_at: Option<DateTime<Utc>>,
    /// When the clock was met.
    #[serde(with = "serde_utc::option")]
    pub met_at: Option<DateTime<Utc>>,
    /// Met by the due instant with extensions (`None` unless met and classified).
    pub on_time: Option<bool>,
    /// Met by the due instant without extensions.
    pub on_time_original: Option<bool>,
    /// When it breached, with extensions: its due instant, once passed unmet.
    #[serde(with = "serde_utc::option")]
    pub breached_at: Option<DateTime<Utc>>,
    /// When it breached without extensions.
    #[serde(with = "serde_utc::option")]
    pub original_breached_at: Option<DateTime<Utc>>,
    /// Since when it is paused (state `paused`).
    #[serde(with = "serde_utc::option")]
    pub paused_since: Option<DateTime<Utc>>,
    /// When the request's rejection or archive stopped it (state `stopped`).
    #[serde(with = "serde_utc::option")]
    pub stopped_at: Option<DateTime<Utc>>,
    /// The warning thresholds.
    pub thresholds: Vec<Threshold>,
    /// Every due that held, with its cause.
    pub due_history: Vec<DueChange>,
    /// The extensions agreed for this clock.
    pub extensions: Vec<Extension>,
    /// The intervals that stop this clock, up to where it stands.
    pub pauses: Vec<ClockPause>,
}

/// An update-interval period that ran over its due instant.
///
/// # Example
/// ```
/// use reglament::sla::PeriodBreach;
/// let t = reglament::instant::parse("2026-03-02T08:00:00Z").unwrap();
/// let b = PeriodBreach { started_at: t, ended_at: None, due_at: t, original_due_at: Some(t), extended: false };
/// assert_eq!(serde_json::to_value(&b).unwrap()["due_at"], "2026-03-02T08:00:00Z");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodBreach {
    /// When the period started.
    #[serde(with = "serde_utc")]
    pub started_at: DateTime<Utc>,
    /// The informing event that ended it (`None` for the current period).
    #[serde(with = "serde_utc::option")]
    pub ended_at: Option<DateTime<Utc>>,
    /// Its due instant (with extensions): the breach instant.
    #[serde(with = "serde_utc")]
    pub due_at: DateTime<Utc>,
    /// Its due instant without extensions.
    #[serde(with = "serde_utc::option")]
    pub original_due_at: Option<DateTime<Utc>>,
    /// Whether extensions applied to it.
    pub extended: bool,
}

/// The update-interval clock: the current period as a [`Clock`], plus the
/// periods' record.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation, instant::parse};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
///   "priority":"critical","category":"incident"}"#).unwrap();
/// let t = Ticket::replay(&reg, "T", [e]).ticket;
/// let c = t.clocks(&reg, parse("2026-03-02T12:00:00+02:00").unwrap()).unwrap();
/// let u = c.update_interval.unwrap();
/// assert_eq!(u.breaches.len(), 1); // one hour with no news: breached at 11:00
/// assert_eq!(u.clock.state.code(), "breached");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpdateClock {
    /// The current period.
    #[serde(flatten)]
    pub clock: Clock,
    /// How many periods there were, the current one included.
    pub periods: usize,
    /// Ended periods met by their due instant, with extensions.
    pub periods_on_time: usize,
    /// Every period that ran over its due instant (with extensions), the current one included.
    pub breaches: Vec<PeriodBreach>,
    /// How many periods ran over without counting extensions.
    pub breaches_original: usize,
}

/// Every clock of a request at `now`, and when anything next changes.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation, instant::{format, parse}};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
///   "priority":"high","category":"incident"}"#).unwrap();
/// let t = Ticket::replay(&reg, "T", [e]).ticket;
/// let c = t.clocks(&reg, parse("2026-03-02T10:00:00+02:00").unwrap()).unwrap();
/// // response target 1 h: 75 % is reached at 10:45 Kyiv
/// assert_eq!(format(c.next_change_at.unwrap()), "2026-03-02T08:45:00Z");
/// assert_eq!(c.to_value()["response"]["state"], "running");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clocks {
    /// The ticket's id.
    pub ticket: String,
    /// The instant the clocks are read at.
    #[serde(with = "serde_utc")]
    pub now: DateTime<Utc>,
    /// The status at `now`.
    pub status: Option<Status>,
    /// Until the first reaction of support.
    pub response: Clock,
    /// Until Release.
    pub resolution: Clock,
    /// Between updates to the user, when the SLA row sets an interval.
    pub update_interval: Option<UpdateClock>,
    /// The earliest instant after `now` at which a threshold is crossed, a
    /// clock falls due or breaches, or the archive falls due.
    #[serde(with = "serde_utc::option")]
    pub next_change_at: Option<DateTime<Utc>>,
}

impl Clocks {
    /// As a JSON value (the form every face prints): snake_case keys,
    /// instants in RFC 3339 UTC with `Z`, durations in seconds.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation, instant::parse};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"high","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let v = t.clocks(&reg, parse("2026-03-02T10:30:00+02:00").unwrap()).unwrap().to_value();
    /// assert_eq!(v["response"]["due_at"], "2026-03-02T09:00:00Z");
    /// assert_eq!(v["response"]["consumed"], 1800);
    /// ```
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// The clock of `metric` (`None` for an absent update interval).
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Metric, ticket::{Event, Ticket}, Regulation, instant::parse};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"low","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let c = t.clocks(&reg, parse("2026-03-02T12:00:00+02:00").unwrap()).unwrap();
    /// assert!(c.get(Metric::UpdateInterval).is_none()); // low incidents have no update interval
    /// assert_eq!(c.get(Metric::Response).unwrap().target, Some(32400));
    /// ```
    pub fn get(&self, metric: Metric) -> Option<&Clock> {
        match metric {
            Metric::Response => Some(&self.response),
            Metric::Resolution => Some(&self.resolution),
            Metric::UpdateInterval => self.update_interval.as_ref().map(|u| &u.clock),
        }
    }
}

// ---------------------------------------------------------------------------
// The computation.

/// A due: a consumed-time level (the earliest instant at which `C` reaches
/// it) or a fixed instant (agreed `new_due`, or "now" under keep_consumed when
/// nothing remains).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Due {
    Level(i64),
    At(i64),
}

/// A point at which the (category, priority) pair changes; the first one is
/// the pair in force from the clock's start.
#[derive(Debug, Clone, Copy)]
struct Point {
    at: i64,
    cause: DueCause,
    category: Category,
    priority: Priority,
}

/// What the due chain of one clock (or one update period) gives.
struct Chain {
    /// The target in force for thresholds (base, without extensions).
    target: Option<i64>,
    added: i64,
    orig: Option<Due>,
    ext: Option<Due>,
    history: Vec<Entry>,
    extensions: Vec<Extension>,
    /// Whether any row in force during the chain set this metric.
    had_target: bool,
    /// Whether an extension applied (with a target in force); kept in
    /// summaries too, where `extensions` stays empty.
    applied: bool,
}

/// One due-history entry before resolution: (point or extension instant,
/// cause, category, priority, target, due with extensions, due without).
type Entry = (
    i64,
    DueCause,
    Option<Category>,
    Option<Priority>,
    Option<i64>,
    Option<Due>,
    Option<Due>,
);

fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

fn utc(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).unwrap_or_default()
}

fn column(metric: Metric) -> fn(&SlaTarget) -> Option<i64> {
    match metric {
        Metric::Response => |t| Some(t.response),
        Metric::Resolution => |t| Some(t.resolution),
        Metric::UpdateInterval => |t| t.update_interval,
    }
}

/// The facts of a ticket as of `now`.
struct Ctx<'a> {
    reg: &'a Regulation,
    ticket: &'a Ticket,
    now: i64,
    start: i64,
    status: Option<Status>,
    /// The instant the request entered Rejected or Archived, if it has by `now`.
    closed_at: Option<(i64, Status)>,
    /// Change points (empty while unclassified).
    points: Small<Point, 4>,
    /// Lines built so far, by their merged stops (all start at registration):
    /// one per metric at most.
    lines: [OnceCell<Line<'a>>; 3],
    /// `now` as given (comparing `DateTime`s is cheaper than converting them).
    now_dt: DateTime<Utc>,
    /// The calendar lookups shared by the lines.
    memo: &'a Memo,
    /// Build everything (histories, thresholds, pauses), or only states and dues.
    full: bool,
    /// The instants converted last: the same few (registration, dues,
    /// pause ends) are written into many fields.
    converted: [Cell<(i64, DateTime<Utc>)>; 8],
}

impl<'a> Ctx<'a> {
    fn new(
        reg: &'a Regulation,
        ticket: &'a Ticket,
        now_dt: DateTime<Utc>,
        full: bool,
        memo: &'a Memo,
    ) -> Result<Ctx<'a>> {
        let now = ts(now_dt);
        let start = match ticket.registered_at() {
            Some(t) if t <= now_dt => ts(t),
            Some(t) => {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "the request is registered at {}, after now ({})",
                        crate::instant::format(t),
                        crate::instant::format(utc(now))
                    ),
                )
                .at("now"))
            }
            None => {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    "the request is not registered: it has no clocks",
                ))
            }
        };
        touch_lists(ticket);
        let mut status = None;
        let mut closed_at = None;
        for s in ticket.status_changes() {
            if s.at > now_dt {
                break;
            }
            status = Some(s.to);
            if s.to.is_terminal() && closed_at.is_none() {
                closed_at = Some((ts(s.at), s.to));
            }
        }
        let mut ctx = Ctx {
            reg,
            ticket,
            now,
            start,
            status,
            closed_at,
            points: Small::new(Point {
                at: 0,
                cause: DueCause::Registration,
                category: Category::Incident,
                priority: Priority::Low,
            }),
            lines: [OnceCell::new(), OnceCell::new(), OnceCell::new()],
            now_dt,
            memo,
            full,
            converted: Default::default(),
        };
        ctx.points = ctx.change_points();
        Ok(ctx)
    }

    /// The (category, priority) change points as of `now`; the first
    /// category applies from registration.
    fn change_points(&self) -> Small<Point, 4> {
        let now = self.now_dt;
        // both lists are in time order: keep the changes made by `now`
        let cats = self.ticket.category_changes();
        let cats = &cats[..cats.partition_point(|c| c.at <= now)];
        let prios = self.ticket.priority_changes();
        let prios = &prios[..prios.partition_point(|c| c.at <= now)];
        let mut points = Small::new(Point {
            at: self.start,
            cause: DueCause::Registration,
            category: Category::Incident,
            priority: Priority::Low,
        });
        let (Some(first_cat), Some(first_prio)) = (cats.first(), prios.first()) else {
            return points;
        };
        let first_cause = if first_cat.at <= self.ticket.registered_at().unwrap_or(now) {
            DueCause::Registration
        } else {
            DueCause::Classification
        };
        points.push(Point {
            at: self.start,
            cause: first_cause,
            category: first_cat.to,
            priority: first_prio.to,
        });
        // merge the later changes by instant (priority first on a tie)
        let (mut i, mut j) = (1, 1);
        let (mut cat, mut prio) = (first_cat.to, first_prio.to);
        while i < prios.len() || j < cats.len() {
            let take_prio = match (prios.get(i), cats.get(j)) {
                (Some(p), Some(c)) => p.at <= c.at,
                (Some(_), None) => true,
                _ => false,
            };
            let (at, cause) = if take_prio {
                prio = prios[i].to;
                i += 1;
                (ts(prios[i - 1].at), DueCause::PriorityChange)
            } else {
                cat = cats[j].to;
                j += 1;
                (ts(cats[j - 1].at), DueCause::CategoryChange)
            };
            points.push(Point {
                at,
                cause,
                category: cat,
                priority: prio,
            });
        }
        points
    }

    /// `t` as an instant (the last conversions are kept).
    fn utc(&self, t: i64) -> DateTime<Utc> {
        if t == self.now {
            return self.now_dt;
        }
        let slot = &self.converted[(t as u64 % 8) as usize];
        let (k, v) = slot.get();
        if k == t {
            return v;
        }
        let v = utc(t);
        slot.set((t, v));
        v
    }

    fn classified(&self) -> bool {
        !self.points.is_empty()
    }

    /// The raw intervals that stop `metric`, as of `now`, beginning before `until`.
    fn stops(&self, metric: Metric, until: i64) -> Small<(StopReason, i64, i64), 4> {
        let now = self.now_dt;
        let m = &self.reg.spec().pauses;
        let end = |to: Option<DateTime<Utc>>| match to {
            Some(t) if t <= now => ts(t),
            _ => OPEN,
        };
        let mut out = Small::new((StopReason::Release, 0, 0));
        let until = if until == i64::MAX {
            DateTime::<Utc>::MAX_UTC
        } else {
            utc(until)
        };
        let begins = |from: DateTime<Utc>| from <= now && from < until;
        if m.stops(metric, PauseReason::AwaitingUser) {
            for w in self.ticket.user_waits() {
                if begins(w.from) {
                    out.push((StopReason::AwaitingUser, ts(w.from), end(w.to)));
                }
            }
        }
        if m.stops(metric, PauseReason::ApprovalPending) {
            for a in self.ticket.approvals() {
                if begins(a.requested_at) {
                    out.push((
                        StopReason::ApprovalPending,
                        ts(a.requested_at),
                        end(a.decided_at),
                    ));
                }
            }
        }
        if metric != Metric::Response {
            for c in self.ticket.cycles() {
                if begins(c.released_at) {
                    out.push((StopReason::Release, ts(c.released_at), end(c.reopened_at)));
                }
            }
        }
        out
    }

    /// The consumed-time line of these stops; clocks with the same stops
    /// (resolution and update interval, usually) share one.
    fn line(&self, raw: &[(StopReason, i64, i64)], start: i64) -> Result<&Line<'a>> {
        let mut small = [(0i64, 0i64); 8];
        let mut large = Vec::new();
        let iv: &mut [(i64, i64)] = if raw.len() <= small.len() {
            &mut small[..raw.len()]
        } else {
            large.resize(raw.len(), (0, 0));
            &mut large
        };
        for (slot, &(_, a, b)) in iv.iter_mut().zip(raw) {
            *slot = (a, b);
        }
        let n = merge(iv);
        let iv = &iv[..n];
        for slot in &self.lines {
            match slot.get() {
                Some(l) if l.has_stops(iv) => return Ok(l),
                Some(_) => {}
                None => {
                    let l = Line::new(self.reg.calendar(), self.memo, start, iv)?;
                    return Ok(slot.get_or_init(|| l));
                }
            }
        }
        // each metric asks for its line once, and there are three
        Err(Error::new(
            ErrorKind::Conflict,
            "internal: more consumed-time lines than metrics",
        ))
    }

    fn extensions(&self, metric: Metric, from: i64, until: i64) -> Vec<&'a Extension> {
        let now = self.now_dt;
        let list = self.ticket.extensions();
        if list.is_empty() {
            return Vec::new();
        }
        list.iter()
            .filter(|e| e.metric == metric && e.at <= now)
            .filter(|e| ts(e.at) >= from && ts(e.at) < until)
            .collect()
    }

    /// The due chain of a clock starting at `seg` (`C(seg) = c0`), using the
    /// change points in force at `seg` and those in `(seg, until)`.
    fn chain(
        &self,
        line: &Line,
        metric: Metric,
        seg: i64,
        c0: i64,
        until: i64,
        exts: &[&Extension],
    ) -> Result<Chain> {
        let col = column(metric);
        let rule = self.reg.spec().priority_change;
        let first = self.points.partition_point(|p| p.at <= seg).max(1) - 1;
        let p0 = self.points[first];
        let t0 = col(self.reg.sla_target(p0.category, p0.priority));
        let cause0 = if seg == self.start {
            p0.cause
        } else {
            DueCause::PeriodStart
        };
        let mut ch = Chain {
            target: t0,
            added: 0,
            orig: t0.map(|t| Due::Level(c0 + t)),
            ext: t0.map(|t| Due::Level(c0 + t)),
            history: Vec::new(),
            extensions: Vec::new(),
            had_target: t0.is_some(),
            applied: false,
        };
        let at0 = if cause0 == DueCause::Classification {
            self.ticket
                .category_changes()
                .first()
                .map(|c| ts(c.at))
                .unwrap_or(seg)
        } else {
            seg
        };
        if self.full {
            ch.history
                .reserve_exact(1 + self.points.len() - first + exts.len());
            ch.history.push((
                at0,
                cause0,
                Some(p0.category),
                Some(p0.priority),
                t0,
                ch.ext,
                ch.orig,
            ));
        }
        let mut pi = first + 1;
        let mut ei = 0;
        loop {
            let next_point = self.points.get(pi).filter(|p| p.at < until);
            let next_ext = exts.get(ei);
            let point_first = match (next_point, next_ext) {
                (Some(p), Some(e)) => p.at <= ts(e.at),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if point_first {
                let p = self.points[pi];
                pi += 1;
                let t1 = col(self.reg.sla_target(p.category, p.priority));
                if t1 != ch.target {
                    let c = p.at;
                    let (orig, t_after) =
                        self.rule(line, rule, c, c0, ch.target, t1, ch.orig, 0)?;
                    let (ext, _) = self.rule(line, rule, c, c0, ch.target, t1, ch.ext, ch.added)?;
                    ch.orig = orig;
                    ch.ext = ext;
                    ch.target = t_after;
                }
                ch.had_target |= t1.is_some();
                if self.full {
                    ch.history.push((
                        p.at,
                        p.cause,
                        Some(p.category),
                        Some(p.priority),
                        t1,
                        ch.ext,
                        ch.orig,
                    ));
                }
            } else {
                let e = next_ext
                    .copied()
                    .ok_or_else(|| Error::new(ErrorKind::Conflict, "extension"))?;
                ei += 1;
                if ch.target.is_none() {
                    continue;
                }
                match (e.new_due, e.add_seconds) {
                    (Some(d), _) => ch.ext = Some(Due::At(ts(d))),
                    (None, Some(s)) => {
                        ch.added += s;
                        ch.ext = match ch.ext {
                            Some(Due::Level(l)) => Some(Due::Level(l + s)),
                            Some(Due::At(d)) => Some(Due::Level(line.consumed(d)? + s)),
                            None => None,
                        };
                    }
                    (None, None) => {}
                }
                ch.applied = true;
                if !self.full {
                    continue;
                }
                ch.extensions.push(e.clone());
                let last = ch
                    .history
                    .last()
                    .map(|h| (h.2, h.3, h.4))
                    .unwrap_or((None, None, None));
                ch.history.push((
                    ts(e.at),
                    DueCause::Extension,
                    last.0,
                    last.1,
                    last.2,
                    ch.ext,
                    ch.orig,
                ));
            }
        }
        Ok(ch)
    }

    /// One change of target at `c` under `rule`; returns the new due and the
    /// target in force afterwards. `add` is the extensions' added seconds.
    #[allow(clippy::too_many_arguments)]
    fn rule(
        &self,
        line: &Line,
        rule: PriorityChangeRule,
        c: i64,
        c0: i64,
        t0: Option<i64>,
        t1: Option<i64>,
        d0: Option<Due>,
        add: i64,
    ) -> Result<(Option<Due>, Option<i64>)> {
        let Some(t1v) = t1 else {
            return Ok((None, None));
        };
        let Some(_) = t0 else {
            // a target appears: it applies from the change
            return Ok((Some(Due::Level(line.consumed(c)? + t1v + add)), t1));
        };
        let keep_consumed = |line: &Line| -> Result<Due> {
            let cc = line.consumed(c)?;
            let level = c0 + t1v + add;
            Ok(if level - cc <= 0 {
                Due::At(c)
            } else {
                Due::Level(level)
            })
        };
        Ok(match rule {
            PriorityChangeRule::KeepConsumed => (Some(keep_consumed(line)?), t1),
            PriorityChangeRule::RecomputeFromRegistration => (Some(Due::Level(c0 + t1v + add)), t1),
            PriorityChangeRule::KeepOldDue => (d0, t0),
            PriorityChangeRule::EarlierOfBoth => {
                let kc = keep_consumed(line)?;
                let due = match d0 {
                    None => kc,
                    Some(d0) => earlier(line, kc, d0)?,
                };
                (Some(due), t1)
            }
        })
    }

    fn met_at(&self, metric: Metric) -> Option<i64> {
        let now = self.now;
        match metric {
            Metric::Response => self
                .ticket
                .first_response()
                .map(|r| ts(r.at))
                .filter(|&t| t <= now),
            Metric::Resolution => {
                let c = self
                    .ticket
                    .cycles()
                    .iter()
                    .rev()
                    .find(|c| ts(c.released_at) <= now)?;
                match c.reopened_at {
                    Some(r) if ts(r) <= now => None,
                    _ => Some(ts(c.released_at)),
                }
            }
            Metric::UpdateInterval => None,
        }
    }

    /// The response or resolution clock, written into `out` (and, while it
    /// counts, its [`Live`] part into `live`); returns the next instant at
    /// which it changes.
    fn main_clock(
        &self,
        metric: Metric,
        out: &mut Clock,
        live: &mut Option<Live>,
    ) -> Result<Option<i64>> {
        let met = self.met_at(metric);
        let rejected = self
            .closed_at
            .filter(|(_, s)| *s == Status::Rejected)
            .map(|(t, _)| t);
        let stop = match (met, rejected) {
            (Some(m), _) => Some(m),
            (None, r) => r,
        };
        let until = stop.unwrap_or(i64::MAX);
        let raw = self.stops(metric, until);
        let line = self.line(&raw, self.start)?;
        let exts = self.extensions(metric, self.start, until);
        let chain = if self.classified() {
            Some(self.chain(line, metric, self.start, 0, until, &exts)?)
        } else {
            None
        };
        self.finish(
            metric,
            line,
            self.start,
            0,
            chain,
            met,
            if met.is_some() { None } else { rejected },
            &raw,
            out,
            live,
        )
    }

    /// Builds the clock from its chain into `out` (written in place: a
    /// clock is a few hundred bytes, and a sweep over many requests should
    /// not copy it from frame to frame); returns the next instant at which
    /// it changes (for `next_change_at`) and, for a clock still counting at
    /// `now`, what brings it to a later `now` (for a [`ClockPlan`]).
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        metric: Metric,
        line: &Line,
        seg: i64,
        c0: i64,
        chain: Option<Chain>,
        met: Option<i64>,
        stopped: Option<i64>,
        raw: &[(StopReason, i64, i64)],
        out: &mut Clock,
        live_out: &mut Option<Live>,
    ) -> Result<Option<i64>> {
        let now = self.now;
        let counting = met.is_none() && stopped.is_none();
        let reference = met.or(stopped).unwrap_or(now);
        let c_ref = line.consumed(reference)?;
        let consumed = c_ref - c0;
        let mut pauses = Vec::new();
        if self.full {
            pauses.reserve_exact(raw.len());
            pauses.extend(
                raw.iter()
                    .filter(|&&(_, a, b)| b > seg && a <= reference)
                    .map(|&(reason, a, b)| ClockPause {
                        reason,
                        from: self.utc(a),
                        to: (b != OPEN).then(|| self.utc(b)),
                    }),
            );
        }
        *out = Clock {
            started_at: self.utc(seg),
            consumed,
            counted_until: self.utc(reference),
            met_at: met.map(|t| self.utc(t)),
            pauses,
            ..self.blank(metric)
        };
        let clock = out;
        // a clock counting without a due: only `consumed` moves with `now`
        let (f_base, frozen) = line.tail();
        if counting {
            *live_out = Some(Live {
                c0,
                f_base,
                frozen,
                counting: None,
            });
        }
        let Some(chain) = chain else {
            if met.is_some() {
                clock.state = ClockState::Met;
            }
            return Ok(None);
        };
        clock.target = chain.target;
        clock.added_seconds = chain.added;
        clock.extensions = chain.extensions;
        if self.full {
            clock.due_history.reserve_exact(chain.history.len());
            clock
                .thresholds
                .reserve_exact(self.reg.spec().warning_thresholds.len());
        }
        // the same due recurs (with and without extensions, in the history):
        // resolve each distinct level once
        let mut seen = [(0i64, None::<i64>); 6];
        let mut n_seen = 0;
        let mut resolve = |d: Option<Due>| -> Result<Option<i64>> {
            match d {
                None => Ok(None),
                Some(Due::At(t)) => Ok(Some(t)),
                Some(Due::Level(l)) => {
                    if let Some(&(_, u)) = seen[..n_seen].iter().find(|(x, _)| *x == l) {
                        return Ok(u);
                    }
                    let u = line.instant_at(l)?;
                    if n_seen < seen.len() {
                        seen[n_seen] = (l, u);
                        n_seen += 1;
                    }
                    Ok(u)
                }
            }
        };
        for (at, cause, category, priority, target, ext, orig) in chain.history.iter() {
            clock.due_history.push(DueChange {
                at: self.utc(*at),
                cause: *cause,
                category: *category,
                priority: *priority,
                target: *target,
                due_at: resolve(*ext)?.map(|t| self.utc(t)),
                original_due_at: resolve(*orig)?.map(|t| self.utc(t)),
            });
        }
        let due = resolve(chain.ext)?;
        let odue = resolve(chain.orig)?;
        clock.due_at = due.map(|t| self.utc(t));
        clock.original_due_at = odue.map(|t| self.utc(t));
        if chain.target.is_none() && chain.ext.is_none() {
            // a row without this metric: no target, no due
            clock.state = if met.is_some() {
                ClockState::Met
            } else {
                ClockState::Stopped
            };
            return Ok(None);
        }
        let rem = chain
            .ext
            .map(|d| Rem::new(line, d, reference))
            .transpose()?;
        // thresholds: their instants do not depend on `now`
        let base = chain.target.unwrap_or(0) + chain.added;
        let met_level = met.map(|_| consumed + c0);
        let mut ahead_at = Small::new(None);
        for &p in &self.reg.spec().warning_thresholds {
            let level = (base * i64::from(p) + 99) / 100;
            let abs = c0 + level;
            // only a threshold still ahead is needed in a summary (for the wake-up)
            let ahead = counting && abs > c_ref;
            let at = match met_level {
                Some(ml) if abs > ml => None,
                _ if !self.full && !ahead => None,
                _ => line.instant_at(abs)?,
            };
            if counting {
                // crossed or not: `settle` says, at `now`
                ahead_at.push(at);
                if self.full {
                    clock.thresholds.push(Threshold {
                        percent: p,
                        level,
                        at: at.map(|t| self.utc(t)),
                        crossed: false,
                    });
                }
                continue;
            }
            if !self.full {
                continue;
            }
            let crossed = match (at, met, stopped) {
                (Some(t), Some(m), _) => t < m,
                (Some(t), None, Some(r)) => t <= r,
                _ => false,
            };
            let at = if met.is_some() && !crossed { None } else { at };
            clock.thresholds.push(Threshold {
                percent: p,
                level,
                at: at.map(|t| self.utc(t)),
                crossed,
            });
        }
        if let Some(live) = live_out.as_mut().filter(|_| counting) {
            live.counting = Some(Counting {
                rem,
                due,
                odue,
                paused_since: line.open_pause_since(),
                thresholds: ahead_at,
            });
            return live.settle(
                clock,
                now,
                self.now_dt,
                c_ref,
                || line.f(now),
                |t| self.utc(t),
            );
        }
        clock.remaining = rem
            .map(|r| r.remaining(reference, c0, consumed, || line.f(reference)))
            .transpose()?;
        if let Some(m) = met {
            clock.state = ClockState::Met;
            // due unknown at the meeting instant: met before anything was due
            clock.on_time = Some(due.map_or(true, |d| m <= d));
            clock.on_time_original = Some(odue.map_or(true, |d| m <= d));
            clock.breached_at = due.filter(|&d| m > d).map(|t| self.utc(t));
            clock.original_breached_at = odue.filter(|&d| m > d).map(|t| self.utc(t));
        } else if let Some(r) = stopped {
            clock.breached_at = due.filter(|&d| r > d).map(|t| self.utc(t));
            clock.original_breached_at = odue.filter(|&d| r > d).map(|t| self.utc(t));
            if clock.breached_at.is_some() {
                clock.state = ClockState::Breached;
            } else {
                clock.state = ClockState::Stopped;
                clock.stopped_at = Some(self.utc(r));
            }
        }
        Ok(None)
    }

    /// A clock of `metric` with nothing counted yet, to be filled in place.
    fn blank(&self, metric: Metric) -> Clock {
        Clock {
            metric,
            state: ClockState::Unclassified,
            started_at: self.now_dt,
            target: None,
            added_seconds: 0,
            consumed: 0,
            counted_until: self.now_dt,
            remaining: None,
            due_at: None,
            original_due_at: None,
            met_at: None,
            on_time: None,
            on_time_original: None,
            breached_at: None,
            original_breached_at: None,
            paused_since: None,
            stopped_at: None,
            thresholds: Vec::new(),
            due_history: Vec::new(),
            extensions: Vec::new(),
            pauses: Vec::new(),
        }
    }

    /// The update-interval clock, written into `out` (`None` when no row
    /// ever sets an interval; while it counts, its [`Live`] part and open
    /// period into `extra`); returns the next instant at which it changes.
    fn update_clock(
        &self,
        out: &mut Option<UpdateClock>,
        extra: &mut Extra,
    ) -> Result<Option<i64>> {
        let metric = Metric::UpdateInterval;
        let stop = self.closed_at.map(|(t, _)| t);
        let raw = self.stops(metric, stop.map_or(i64::MAX, |s| s + 1));
        let line = self.line(&raw, self.start)?;
        // period starts: registration and every informing event by staff
        let mut starts: Small<i64, 8> = Small::new(0);
        starts.push(self.start);
        // both lists are in time order: merge them
        let now_dt = self.now_dt;
        let mut updates = self
            .ticket
            .user_updates()
            .iter()
            .map(|r| r.at)
            .filter(|&t| t <= now_dt)
            .peekable();
        let mut changes = self
            .ticket
            .status_changes()
            .iter()
            .filter(|s| s.from.is_some() && s.by.role.is_staff())
            .map(|s| s.at)
            .filter(|&t| t <= now_dt)
            .peekable();
        let mut last_dt = self.ticket.registered_at().unwrap_or(now_dt);
        loop {
            let next = match (updates.peek(), changes.peek()) {
                (Some(a), Some(b)) if a <= b => updates.next(),
                (Some(_), Some(_)) | (None, Some(_)) => changes.next(),
                (Some(_), None) => updates.next(),
                (None, None) => break,
            };
            if let Some(t) = next.filter(|&t| t > last_dt) {
                last_dt = t;
                starts.push(ts(t));
            }
        }
        let current = *starts.last().unwrap_or(&self.start);
        let all_exts = self.extensions(metric, self.start, i64::MAX);
        if !self.classified() {
            let c0 = line.consumed(current)?;
            let u = out.insert(UpdateClock {
                clock: self.blank(metric),
                periods: starts.len(),
                periods_on_time: 0,
                breaches: Vec::new(),
                breaches_original: 0,
            });
            return self.finish(
                metric,
                line,
                current,
                c0,
                None,
                None,
                None,
                &raw,
                &mut u.clock,
                &mut extra.live[2],
            );
        }
        let col = column(metric);
        // a row without an update interval has no such clock
        if let Some(p) = self.points.last() {
            if col(self.reg.sla_target(p.category, p.priority)).is_none() {
                *out = None;
                extra.live[2] = None;
                return Ok(None);
            }
        }
        let mut any_target = false;
        let mut breaches = Vec::new();
        let mut breaches_original = 0;
        let mut on_time = 0;
        let mut c_start = 0i64;
        for (i, &s) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied();
            let until = end.unwrap_or(i64::MAX);
            let exts: Vec<&Extension> = all_exts
                .iter()
                .copied()
                .filter(|e| ts(e.at) >= s && ts(e.at) < until)
                .collect();
            // quick path: the row in force and no change inside the period
            let first = self.points.partition_point(|p| p.at <= s).max(1) - 1;
            let simple =
                exts.is_empty() && self.points.get(first + 1).map_or(true, |p| p.at >= until);
            if let (true, Some(e)) = (simple, end) {
                let p = self.points[first];
                let c_end = line.consumed(e)?;
                let Some(t) = col(self.reg.sla_target(p.category, p.priority)) else {
                    c_start = c_end;
                    continue;
                };
                any_target = true;
                let late = if c_end - c_start < t {
                    None
                } else {
                    line.instant_at(c_start + t)?.filter(|&d| e > d)
                };
                if extra.periods.is_some() {
                    let due = line.instant_at(c_start + t)?;
                    let used = c_end - c_start;
                    self.record_period(extra, (s, e), Some(t), (used, Some(t - used)), (due, due));
                }
                match late {
                    Some(d) => {
                        breaches_original += 1;
                        breaches.push(PeriodBreach {
                            started_at: self.utc(s),
                            ended_at: Some(self.utc(e)),
                            due_at: self.utc(d),
                            original_due_at: Some(self.utc(d)),
                            extended: false,
                        });
                    }
                    None => on_time += 1,
                }
                c_start = c_end;
                continue;
            }
            let chain = self.chain(line, metric, s, c_start, until, &exts)?;
            if chain.had_target {
                any_target = true;
            }
            match end {
                Some(e) => {
                    let c_end = line.consumed(e)?;
                    let resolve = |d: Option<Due>| -> Result<Option<i64>> {
                        match d {
                            None => Ok(None),
                            Some(Due::At(t)) => Ok(Some(t)),
                            Some(Due::Level(l)) if l > c_end => Ok(None),
                            Some(Due::Level(l)) => line.instant_at(l),
                        }
                    };
                    if extra.periods.is_some() && chain.ext.is_some() {
                        let dues = (resolve(chain.ext)?, resolve(chain.orig)?);
                        let left = match chain.ext {
                            Some(Due::Level(l)) => Some(l - c_end),
                            Some(Due::At(d)) => Some(line.consumed(d)? - c_end),
                            None => None,
                        };
                        let used = (c_end - c_start, left);
                        self.record_period(extra, (s, e), chain.target, used, dues);
                    }
                    let d = resolve(chain.ext)?.filter(|&d| e > d);
                    let od = resolve(chain.orig)?.filter(|&d| e > d);
                    if od.is_some() {
                        breaches_original += 1;
                    }
                    match d {
                        Some(d) => breaches.push(PeriodBreach {
                            started_at: self.utc(s),
                            ended_at: Some(self.utc(e)),
                            due_at: self.utc(d),
                            original_due_at: od.map(|t| self.utc(t)),
                            extended: !chain.extensions.is_empty(),
                        }),
                        None => {
                            if chain.ext.is_some() {
                                on_time += 1;
                            }
                        }
                    }
                    c_start = c_end;
                }
                None => {
                    let stopped = stop.filter(|&t| t >= s);
                    let period = OpenPeriod {
                        started_at: self.utc(s),
                        extended: chain.applied,
                        closed: breaches.len(),
                        closed_original: breaches_original,
                    };
                    let u = out.insert(UpdateClock {
                        clock: self.blank(metric),
                        periods: starts.len(),
                        periods_on_time: on_time,
                        breaches,
                        breaches_original,
                    });
                    let wake = self.finish(
                        metric,
                        line,
                        s,
                        c_start,
                        Some(chain),
                        None,
                        stopped,
                        &raw,
                        &mut u.clock,
                        &mut extra.live[2],
                    )?;
                    if !any_target && u.clock.target.is_none() {
                        *out = None;
                        extra.live[2] = None;
                        return Ok(None);
                    }
                    period.close(u);
                    extra.open_period = Some(period);
                    return Ok(wake);
                }
            }
        }
        // unreachable: the last period has no end
        *out = None;
        Ok(None)
    }

    /// Every clock; what a [`ClockPlan`] keeps of the computation goes
    /// into `extra`.
    fn compute(&self, extra: &mut Extra) -> Result<Clocks> {
        let mut out = Clocks {
            ticket: self.ticket.id().to_string(),
            now: self.now_dt,
            status: self.status,
            response: self.blank(Metric::Response),
            resolution: self.blank(Metric::Resolution),
            update_interval: None,
            next_change_at: None,
        };
        let [l1, l2, _] = &mut extra.live;
        let w1 = self.main_clock(Metric::Response, &mut out.response, l1)?;
        let w2 = self.main_clock(Metric::Resolution, &mut out.resolution, l2)?;
        let w3 = self.update_clock(&mut out.update_interval, extra)?;
        let mut next: Option<i64> = w1.into_iter().chain(w2).chain(w3).min();
        if self.status == Some(Status::Release) {
            let now = self.now;
            let cycle = self
                .ticket
                .cycles()
                .iter()
                .rev()
                .find(|c| ts(c.released_at) <= now);
            extra.archive_due = cycle.map(|c| ts(c.archive_due_at));
            if let Some(a) = extra.archive_due.filter(|&a| a > now) {
                next = Some(next.map_or(a, |n| n.min(a)));
            }
        }
        out.next_change_at = next.map(utc);
        Ok(out)
    }
}

/// Reads the first entry of every list of `ticket` the clocks use, all at
/// once. A request's lists are separate heap blocks: read one after the
/// other as the computation reaches them, each is a cache miss of its own
/// when a host reads the clocks of many requests; read together here, the
/// misses overlap (`benches/sla.rs`, the clocks of 100,000 requests).
fn touch_lists(t: &Ticket) {
    std::hint::black_box((
        t.status_changes().first().map(|x| x.at),
        t.category_changes().first().map(|x| x.at),
        t.priority_changes().first().map(|x| x.at),
        t.user_updates().first().map(|x| x.at),
        t.user_waits().first().map(|x| x.from),
        t.approvals().first().map(|x| x.requested_at),
        t.extensions().first().map(|x| x.at),
        t.cycles().first().map(|x| x.released_at),
        t.id().as_bytes().first().copied(),
    ));
}

/// Keeps in `w` the earliest of the instants offered.
fn soonest(w: &mut Option<i64>, t: i64) {
    *w = Some(w.map_or(t, |x| x.min(t)));
}

/// The earlier of two dues (an unknown instant counts as later than any known one).
fn earlier(line: &Line, a: Due, b: Due) -> Result<Due> {
    if let (Due::Level(x), Due::Level(y)) = (a, b) {
        return Ok(Due::Level(x.min(y)));
    }
    let at = |d: Due| -> Result<i64> {
        Ok(match d {
            Due::At(t) => t,
            Due::Level(l) => line.instant_at(l)?.unwrap_or(OPEN),
        })
    };
    Ok(if at(b)? < at(a)? { b } else { a })
}

impl Ticket {
    /// Every SLA clock of the request at `now` (see the [module
    /// documentation](crate::sla) for the exact semantics). Only the facts
    /// dated at or before `now` count.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation, instant::{format, parse}};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-27T17:30:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"high","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let c = t.clocks(&reg, parse("2026-03-27T17:45:00+02:00").unwrap()).unwrap();
    /// // Friday 17:30 + 1 working hour: Monday 09:30 Kyiv, after the switch to summer time
    /// assert_eq!(format(c.response.due_at.unwrap()), "2026-03-30T06:30:00Z");
    /// ```
    pub fn clocks(&self, reg: &Regulation, now: DateTime<Utc>) -> Result<Clocks> {
        Ctx::new(reg, self, now, true, &Memo::default())?.compute(&mut Extra::default())
    }

    /// One clock at `now` (`None` for an absent update interval).
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Metric, ticket::{Event, Ticket}, Regulation, instant::parse};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"u","role":"user"},"channel":"tracker","description":"d","conditions":"c",
    ///   "priority":"high"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let c = t.clock(&reg, Metric::Resolution, parse("2026-03-02T11:00:00+02:00").unwrap()).unwrap().unwrap();
    /// assert_eq!(c.state.code(), "unclassified");
    /// assert_eq!(c.consumed, 3600);
    /// ```
    pub fn clock(
        &self,
        reg: &Regulation,
        metric: Metric,
        now: DateTime<Utc>,
    ) -> Result<Option<Clock>> {
        let memo = Memo::default();
        let ctx = Ctx::new(reg, self, now, true, &memo)?;
        Ok(match metric {
            Metric::Response | Metric::Resolution => {
                let mut clock = ctx.blank(metric);
                ctx.main_clock(metric, &mut clock, &mut None)?;
                Some(clock)
            }
            Metric::UpdateInterval => {
                let mut u = None;
                ctx.update_clock(&mut u, &mut Extra::default())?;
                u.map(|u| u.clock)
            }
        })
    }

    /// The earliest instant after `now` at which any clock or rule changes
    /// state: a threshold crossed, a clock falling due (and breaching the
    /// second after), the archive falling due while in Release. `None` when
    /// nothing is scheduled (every clock met, paused or stopped).
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation, instant::{format, parse}};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"critical","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let next = t.next_change_at(&reg, parse("2026-03-02T10:00:00+02:00").unwrap()).unwrap();
    /// // response 30 min: 75 % at 10:22:30 Kyiv
    /// assert_eq!(format(next.unwrap()), "2026-03-02T08:22:30Z");
    /// ```
    pub fn next_change_at(
        &self,
        reg: &Regulation,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>> {
        Ok(self.clocks_summary(reg, now)?.next_change_at)
    }

    /// The clocks at `now` without their records: the states, due instants,
    /// met and breach instants, consumed and remaining time and
    /// `next_change_at` are those of [`Ticket::clocks`], while `thresholds`,
    /// `due_history`, `extensions` and `pauses` are left empty. For sweeping
    /// many requests (dashboards, compliance, scheduling wake-ups).
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation, instant::parse};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"high","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let now = parse("2026-03-02T10:50:00+02:00").unwrap();
    /// let (full, summary) = (t.clocks(&reg, now).unwrap(), t.clocks_summary(&reg, now).unwrap());
    /// assert_eq!(summary.response.due_at, full.response.due_at);
    /// assert_eq!(summary.next_change_at, full.next_change_at);
    /// assert!(summary.response.thresholds.is_empty() && !full.response.thresholds.is_empty());
    /// ```
    pub fn clocks_summary(&self, reg: &Regulation, now: DateTime<Utc>) -> Result<Clocks> {
        Ctx::new(reg, self, now, false, &Memo::default())?.compute(&mut Extra::default())
    }
}

#[cfg(test)]
mod tests;
