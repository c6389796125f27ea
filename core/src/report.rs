//! Reports over tickets: SLA **compliance** over many requests, and
//! **what-if**: one history replayed under two regulations, with what
//! changes. Nothing here mutates a ticket or an event list.

mod queue;
pub use queue::{queue, queue_order};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::error::Result;
use crate::instant::serde_utc;
use crate::model::{Category, Metric, Priority, Status};
use crate::regulation::Regulation;
use crate::sla::{ClockState, Clocks};
use crate::ticket::{Event, EventKind, Outcome, RefusalCode, Ticket};

/// Outcome counts of one clock kind over many requests.
///
/// # Example
/// ```
/// let c = reglament::report::Counts { met_on_time: 3, met_late: 1, ..Default::default() };
/// assert_eq!(c.rate(), Some(0.75));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Met by the due instant.
    pub met_on_time: usize,
    /// Met after the due instant.
    pub met_late: usize,
    /// Not met and past the due instant at `now`.
    pub breached: usize,
    /// Not met, not yet due (running or paused).
    pub open: usize,
    /// Stopped by a rejection or an archive before breaching.
    pub stopped: usize,
}

impl Counts {
    /// `met_on_time / (met_on_time + met_late + breached)`, `None` when nothing is decided.
    ///
    /// # Example
    /// ```
    /// assert_eq!(reglament::report::Counts::default().rate(), None);
    /// ```
    pub fn rate(&self) -> Option<f64> {
        let decided = self.met_on_time + self.met_late + self.breached;
        (decided > 0).then(|| self.met_on_time as f64 / decided as f64)
    }

    /// Breaches of any kind: met late plus breached and still open.
    ///
    /// # Example
    /// ```
    /// let c = reglament::report::Counts { met_late: 2, breached: 1, ..Default::default() };
    /// assert_eq!(c.breaches(), 3);
    /// ```
    pub fn breaches(&self) -> usize {
        self.met_late + self.breached
    }

    fn add(&mut self, o: &Counts) {
        self.met_on_time += o.met_on_time;
        self.met_late += o.met_late;
        self.breached += o.breached;
        self.open += o.open;
        self.stopped += o.stopped;
    }
}

/// One row of a compliance report: a metric for one (category, priority),
/// counted with extensions and without.
///
/// # Example
/// ```
/// use reglament::{model::{Category, Metric, Priority}, report::{ComplianceRow, Counts}};
/// let r = ComplianceRow { metric: Metric::Response, category: Category::Incident, priority: Priority::High,
///     tickets: 1, with_extensions: Counts::default(), without_extensions: Counts::default() };
/// assert_eq!(serde_json::to_value(&r).unwrap()["metric"], "response");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComplianceRow {
    /// The metric.
    pub metric: Metric,
    /// The request category (at `now`).
    pub category: Category,
    /// The request priority (at `now`).
    pub priority: Priority,
    /// Requests counted in this row.
    pub tickets: usize,
    /// Counted against the due instants with extensions. For the update
    /// interval the counts are of periods.
    pub with_extensions: Counts,
    /// Counted against the due instants without extensions.
    pub without_extensions: Counts,
}

/// A compliance report (see [`compliance`]).
///
/// # Example
/// ```
/// use reglament::{report::compliance, Regulation, instant::parse};
/// let r = compliance(&Regulation::default(), &[], None, None, parse("2026-04-01T00:00:00Z").unwrap()).unwrap();
/// assert_eq!(r.tickets, 0);
/// assert!(r.rows.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compliance {
    /// Requests registered from this instant on (inclusive), when given.
    #[serde(with = "serde_utc::option")]
    pub from: Option<DateTime<Utc>>,
    /// Requests registered before this instant, when given.
    #[serde(with = "serde_utc::option")]
    pub to: Option<DateTime<Utc>>,
    /// The instant the clocks were read at.
    #[serde(with = "serde_utc")]
    pub now: DateTime<Utc>,
    /// Requests counted (registered in the period).
    pub tickets: usize,
    /// Requests counted that have no category yet (in no row).
    pub unclassified: usize,
    /// One row per (metric, category, priority) that has requests, in the
    /// order of the vocabularies.
    pub rows: Vec<ComplianceRow>,
    /// Per metric, all categories and priorities together: `[metric, with, without]`.
    pub totals: Vec<(Metric, Counts, Counts)>,
}

fn classify_main(state: ClockState, on_time: Option<bool>, breached: bool) -> Counts {
    let mut c = Counts::default();
    match state {
        ClockState::Met => {
            if on_time == Some(false) {
                c.met_late = 1;
            } else {
                c.met_on_time = 1;
            }
        }
        ClockState::Stopped => c.stopped = 1,
        ClockState::Unclassified => {}
        _ if breached => c.breached = 1,
        _ => c.open = 1,
    }
    c
}

fn tally(clocks: &Clocks, metric: Metric) -> Option<(Counts, Counts)> {
    match metric {
        Metric::Response | Metric::Resolution => {
            let c = if metric == Metric::Response {
                &clocks.response
            } else {
                &clocks.resolution
            };
            let with = classify_main(c.state, c.on_time, c.breached_at.is_some());
            let without = classify_main(
                c.state,
                c.on_time_original,
                c.original_breached_at.is_some(),
            );
            Some((with, without))
        }
        Metric::UpdateInterval => {
            let u = clocks.update_interval.as_ref()?;
            let current_breached = u.clock.breached_at.is_some();
            let ended_late = u.breaches.iter().filter(|b| b.ended_at.is_some()).count();
            let ended_decided = u.periods_on_time + ended_late;
            let mut with = Counts {
                met_on_time: u.periods_on_time,
                met_late: ended_late,
                ..Counts::default()
            };
            let current_orig = u.clock.original_breached_at.is_some();
            let ended_late_orig = u.breaches_original - usize::from(current_orig);
            let mut without = Counts {
                met_on_time: ended_decided.saturating_sub(ended_late_orig),
                met_late: ended_late_orig,
                ..Counts::default()
            };
            let current = |breached: bool| match u.clock.state {
                ClockState::Stopped | ClockState::Unclassified => Counts::default(),
                ClockState::Breached => Counts {
                    breached: 1,
                    ..Counts::default()
                },
                _ if breached => Counts {
                    breached: 1,
                    ..Counts::default()
                },
                _ if u.clock.target.is_some() => Counts {
                    open: 1,
                    ..Counts::default()
                },
                _ => Counts::default(),
            };
            with.add(&current(current_breached));
            without.add(&current(current_orig));
            Some((with, without))
        }
    }
}

/// SLA compliance of `tickets` registered in `[from, to)` (either bound
/// optional), read at `now`: per metric, category and priority, how many
/// clocks were met on time, met late, are breached, still open or stopped,
/// against the due instants with and without extensions. For the update
/// interval the counts are of periods. A request's row is its category and
/// priority at `now`.
///
/// # Example
/// ```
/// use reglament::{model::Metric, report::compliance, ticket::{Event, Ticket}, Regulation, instant::parse};
/// let reg = Regulation::default();
/// let reg_event = |at: &str| Event::from_json(&format!(r#"{{"kind":"register","at":"{at}",
///   "actor":{{"id":"op","role":"operator"}},"channel":"phone","description":"d","conditions":"c",
///   "priority":"high","category":"incident"}}"#)).unwrap();
/// let a = Ticket::replay(&reg, "A", [reg_event("2026-03-02T10:00:00+02:00")]).ticket;
/// let b = Ticket::replay(&reg, "B", [reg_event("2026-03-09T10:00:00+02:00")]).ticket;
/// let now = parse("2026-03-10T10:00:00+02:00").unwrap();
/// let r = compliance(&reg, &[a, b], Some(parse("2026-03-05T00:00:00Z").unwrap()), None, now).unwrap();
/// assert_eq!(r.tickets, 1); // only B was registered in the period
/// let resp = r.rows.iter().find(|x| x.metric == Metric::Response).unwrap();
/// assert_eq!(resp.with_extensions.breached, 1);
/// ```
pub fn compliance(
    reg: &Regulation,
    tickets: &[Ticket],
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Compliance> {
    compliance_judged(tickets.iter().map(|t| (reg, t)), from, to, now)
}

/// [`compliance`] over requests each judged by its own regulation (the
/// version of a contract in force at its registration, DESIGN §5).
///
/// # Example
/// ```
/// use reglament::{report::compliance_judged, ticket::{Event, Ticket}, Regulation, instant::parse};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"u","role":"user"},"channel":"tracker","description":"d","conditions":"c","priority":"high","category":"incident"}"#).unwrap();
/// let t = Ticket::replay(&reg, "A", [e]).ticket;
/// let r = compliance_judged([(&reg, &t)], None, None, parse("2026-03-03T00:00:00Z").unwrap()).unwrap();
/// assert_eq!(r.tickets, 1);
/// ```
pub fn compliance_judged<'a>(
    items: impl IntoIterator<Item = (&'a Regulation, &'a Ticket)>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Compliance> {
    let n_cat = Category::ALL.len();
    let n_prio = Priority::ALL.len();
    let metrics = Metric::ALL;
    // [metric][category][priority] -> (tickets, with, without)
    let mut grid =
        vec![(0usize, Counts::default(), Counts::default()); metrics.len() * n_cat * n_prio];
    let mut counted = 0;
    let mut unclassified = 0;
    for (reg, t) in items {
        let Some(at) = t.registered_at() else {
            continue;
        };
        if from.is_some_and(|f| at < f) || to.is_some_and(|x| at >= x) || at > now {
            continue;
        }
        counted += 1;
        let clocks = t.clocks_summary(reg, now)?;
        let category = t
            .category_changes()
            .iter()
            .rev()
            .find(|c| c.at <= now)
            .map(|c| c.to);
        let priority = t
            .priority_changes()
            .iter()
            .rev()
            .find(|c| c.at <= now)
            .map(|c| c.to);
        let (Some(category), Some(priority)) = (category, priority) else {
            unclassified += 1;
            continue;
        };
        let ci = Category::ALL
            .iter()
            .position(|c| *c == category)
            .unwrap_or(0);
        let pi = Priority::ALL
            .iter()
            .position(|p| *p == priority)
            .unwrap_or(0);
        for (mi, metric) in metrics.iter().enumerate() {
            let cell = grid.get_mut((mi * n_cat + ci) * n_prio + pi);
            if let (Some((with, without)), Some(cell)) = (tally(&clocks, *metric), cell) {
                cell.0 += 1;
                cell.1.add(&with);
                cell.2.add(&without);
            }
        }
    }
    let mut rows = Vec::new();
    let mut totals = Vec::new();
    for (mi, metric) in metrics.iter().enumerate() {
        let (mut tw, mut to_) = (Counts::default(), Counts::default());
        for (ci, category) in Category::ALL.iter().enumerate() {
            for (pi, priority) in Priority::ALL.iter().enumerate() {
                let Some(&(n, with, without)) = grid.get((mi * n_cat + ci) * n_prio + pi) else {
                    continue;
                };
                if n == 0 {
                    continue;
                }
                tw.add(&with);
                to_.add(&without);
                rows.push(ComplianceRow {
                    metric: *metric,
                    category: *category,
                    priority: *priority,
                    tickets: n,
                    with_extensions: with,
                    without_extensions: without,
                });
            }
        }
        totals.push((*metric, tw, to_));
    }
    Ok(Compliance {
        from,
        to,
        now,
        tickets: counted,
        unclassified,
        rows,
        totals,
    })
}

// ---------------------------------------------------------------------------
// What-if.

/// How one event fared under one regulation.
///
/// # Example
/// ```
/// use reglament::report::StepOutcome;
/// let s = StepOutcome { accepted: true, clause: None, code: None, status: None };
/// assert_eq!(serde_json::to_value(&s).unwrap()["accepted"], true);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepOutcome {
    /// Accepted (possibly with warnings) or refused.
    pub accepted: bool,
    /// The clause of the refusal.
    pub clause: Option<&'static str>,
    /// The refusal's code.
    pub code: Option<RefusalCode>,
    /// The status after the event.
    pub status: Option<Status>,
}

/// An event that fared differently under the two regulations.
///
/// # Example
/// ```
/// use reglament::{report::{StepDiff, StepOutcome}, ticket::EventKind};
/// let o = StepOutcome { accepted: true, clause: None, code: None, status: None };
/// let d = StepDiff { index: 0, kind: EventKind::Register,
///     at: reglament::instant::parse("2026-03-02T08:00:00Z").unwrap(), a: o.clone(), b: o };
/// assert_eq!(serde_json::to_value(&d).unwrap()["kind"], "register");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepDiff {
    /// The event's position (0-based).
    pub index: usize,
    /// Its kind.
    pub kind: EventKind,
    /// Its instant.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// Under regulation A.
    pub a: StepOutcome,
    /// Under regulation B.
    pub b: StepOutcome,
}

/// A clock field that differs between the two regulations.
///
/// # Example
/// ```
/// use reglament::{model::Metric, report::ClockDiff};
/// let d = ClockDiff { metric: Metric::Response, field: "state", a: "met".into(), b: "breached".into() };
/// assert_eq!(serde_json::to_value(&d).unwrap()["b"], "breached");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClockDiff {
    /// The clock.
    pub metric: Metric,
    /// The field of the clock's JSON (`due_at`, `state`, `on_time`, ...).
    pub field: &'static str,
    /// Its value under A.
    pub a: Value,
    /// Its value under B.
    pub b: Value,
}

/// What changes when one history is replayed under regulation B instead of A.
///
/// # Example
/// ```
/// use reglament::{report::what_if, ticket::Event, Regulation, instant::parse};
/// let a = Regulation::default();
/// let b = Regulation::with_overrides(&serde_json::json!({"priority_change": "keep_old_due"})).unwrap();
/// let w = what_if(&a, &b, "T", &[], Some(parse("2026-03-02T08:00:00Z").unwrap())).unwrap();
/// assert!(w.same());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIf {
    /// The instant the clocks were read at.
    #[serde(with = "serde_utc")]
    pub now: DateTime<Utc>,
    /// Events accepted under A / under B.
    pub accepted: (usize, usize),
    /// The events that fared differently.
    pub steps: Vec<StepDiff>,
    /// The final status under A and B, when they differ.
    pub status: Option<(Option<Status>, Option<Status>)>,
    /// The clock fields that differ.
    pub clocks: Vec<ClockDiff>,
    /// The clocks under A (`None` when the request is not registered).
    pub clocks_a: Option<Clocks>,
    /// The clocks under B.
    pub clocks_b: Option<Clocks>,
}

impl WhatIf {
    /// Nothing differs.
    ///
    /// # Example
    /// ```
    /// use reglament::{report::what_if, Regulation, instant::parse};
    /// let r = Regulation::default();
    /// assert!(what_if(&r, &r, "T", &[], Some(parse("2026-03-02T08:00:00Z").unwrap())).unwrap().same());
    /// ```
    pub fn same(&self) -> bool {
        self.steps.is_empty() && self.status.is_none() && self.clocks.is_empty()
    }
}

fn step_outcome(o: &Outcome, status: Option<Status>) -> StepOutcome {
    let r = o.refusal();
    StepOutcome {
        accepted: o.is_accepted(),
        clause: r.map(|r| r.clause),
        code: r.map(|r| r.code),
        status,
    }
}

const CLOCK_FIELDS: &[&str] = &[
    "state",
    "target",
    "added_seconds",
    "consumed",
    "due_at",
    "original_due_at",
    "met_at",
    "on_time",
    "on_time_original",
    "breached_at",
    "original_breached_at",
    "stopped_at",
];

/// Replays `events` under regulation `a` and under `b` and returns what
/// differs: each event's fate (accepted, refused and by which clause, the
/// status after it), the final status, and per clock its state, target,
/// due instants, met and breach instants and punctuality, read at `now`
/// (default: the last event's instant). Neither the events nor anything
/// else is changed.
///
/// # Example
/// ```
/// use reglament::{report::what_if, ticket::Event, Regulation, instant::parse};
/// let events: Vec<Event> = [
///   r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op","role":"operator"},
///       "channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}"#,
/// ].iter().map(|l| Event::from_json(l).unwrap()).collect();
/// let a = Regulation::default();
/// let b = Regulation::with_overrides(&serde_json::json!({"calendar": {"week": {"mon": [["08:00", "20:00"]]}}})).unwrap();
/// let w = what_if(&a, &b, "T", &events, Some(parse("2026-03-02T12:00:00+02:00").unwrap())).unwrap();
/// assert!(w.clocks.iter().any(|d| d.field == "due_at"));
/// assert!(w.steps.is_empty());
/// ```
pub fn what_if(
    a: &Regulation,
    b: &Regulation,
    id: &str,
    events: &[Event],
    now: Option<DateTime<Utc>>,
) -> Result<WhatIf> {
    let ra = Ticket::replay(a, id, events.iter().cloned());
    let rb = Ticket::replay(b, id, events.iter().cloned());
    let now = now
        .or_else(|| events.iter().map(|e| e.at).max())
        .unwrap_or_default();
    let mut steps = Vec::new();
    for (sa, sb) in ra.steps.iter().zip(&rb.steps) {
        let (oa, ob) = (
            step_outcome(&sa.outcome, sa.status),
            step_outcome(&sb.outcome, sb.status),
        );
        if oa != ob {
            steps.push(StepDiff {
                index: sa.index,
                kind: sa.kind,
                at: sa.at,
                a: oa,
                b: ob,
            });
        }
    }
    let count =
        |steps: &[crate::ticket::Step]| steps.iter().filter(|s| s.outcome.is_accepted()).count();
    let (sa, sb) = (ra.ticket.status(), rb.ticket.status());
    let clocks_of = |t: &Ticket, reg: &Regulation| -> Result<Option<Clocks>> {
        match t.registered_at() {
            Some(at) if at <= now => t.clocks(reg, now).map(Some),
            _ => Ok(None),
        }
    };
    let ca = clocks_of(&ra.ticket, a)?;
    let cb = clocks_of(&rb.ticket, b)?;
    let mut clocks = Vec::new();
    let va = ca.as_ref().map(|c| c.to_value()).unwrap_or(Value::Null);
    let vb = cb.as_ref().map(|c| c.to_value()).unwrap_or(Value::Null);
    for metric in Metric::ALL {
        let field = |v: &'_ Value| v.get(metric.code()).cloned().unwrap_or(Value::Null);
        let (xa, xb) = (&field(&va), &field(&vb));
        if xa.is_null() != xb.is_null() {
            clocks.push(ClockDiff {
                metric: *metric,
                field: "present",
                a: (!xa.is_null()).into(),
                b: (!xb.is_null()).into(),
            });
            continue;
        }
        for f in CLOCK_FIELDS {
            if xa[*f] != xb[*f] {
                clocks.push(ClockDiff {
                    metric: *metric,
                    field: f,
                    a: xa[*f].clone(),
                    b: xb[*f].clone(),
                });
            }
        }
        if *metric == Metric::UpdateInterval && xa["breaches"] != xb["breaches"] {
            let n = |v: &Value| v["breaches"].as_array().map_or(0, |a| a.len());
            clocks.push(ClockDiff {
                metric: *metric,
                field: "breaches",
                a: n(xa).into(),
                b: n(xb).into(),
            });
        }
    }
    Ok(WhatIf {
        now,
        accepted: (count(&ra.steps), count(&rb.steps)),
        steps,
        status: (sa != sb).then_some((sa, sb)),
        clocks,
        clocks_a: ca,
        clocks_b: cb,
    })
}

pub mod period;

pub use period::Report;
