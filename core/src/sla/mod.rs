//! The SLA clocks of a request (DESIGN §2): response, resolution and the
//! optional update interval, in working time, from the ticket's events and
//! a `now` the host passes.
//!
//! # Semantics
//!
//! Let `W(a, b)` be the working seconds in `[a, b)` of the clock's calendar:
//! the regulation's `calendar`, or the named calendar of the SLA row in
//! force at the clock's last instant (DESIGN §7). For a metric
//! `m`, the **paused set** `P_m` is the union of
//! * the pauses the regulation's pause matrix stops `m` for: *approval
//!   pending* (`request_approval` → `approve`/`refuse_approval`) and
//!   *awaiting the user* (`ask_user` → `user_answer`, or Release/rejection
//!   that ends the wait); a pause still open at `now` lasts;
//! * the declared pause reasons (DESIGN §7) whose `pauses` list `m`, each
//!   from `pause {reason}` to `resume {reason}` (several may hold at once:
//!   the clock runs again when none holds);
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
//! `warning_thresholds` (1 to 1000; beyond 100 escalation levels, reached
//! after the breach), the instant at which `C` reaches
//! `ceil(T · p / 100)` (`T` including the added seconds), crossed when it
//! comes at or before `now` (before the meeting instant for a met clock).
//! A clock still counting schedules each threshold ahead, breached or not.
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

mod cache;
mod chain;
mod clock;
mod engine;
mod explain;
mod line;
mod periods;
mod plan;
mod small;
mod types;
mod update;

use chrono::{DateTime, Utc};

use crate::model::Metric;
use crate::regulation::SlaTarget;

pub use explain::{CountedInterval, DayOffKind, ExplainedPause, Explanation, SkippedDay};
pub use plan::ClockPlan;
pub use types::{
    Clock, ClockPause, ClockState, Clocks, DueCause, DueChange, PeriodBreach, StopReason,
    Threshold, UpdateClock,
};

// Shared by the engine's files (`engine`, `chain`, `clock`, `update`,
// `periods`, `plan`).
use engine::Ctx;
use line::Line;

fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

fn utc(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).unwrap_or_default()
}

/// The SLA table's column of `metric`.
fn column(metric: Metric) -> fn(&SlaTarget) -> Option<i64> {
    match metric {
        Metric::Response => |t| Some(t.response),
        Metric::Resolution => |t| Some(t.resolution),
        Metric::UpdateInterval => |t| t.update_interval,
    }
}

/// Keeps in `w` the earliest of the instants offered.
fn soonest(w: &mut Option<i64>, t: i64) {
    *w = Some(w.map_or(t, |x| x.min(t)));
}

#[cfg(test)]
mod tests;
