//! The facts of one request as of `now` ([`Ctx`]), the stops and lines
//! its clocks count on, and the entry points that compute the clocks.
//!
//! Indexing stays in bounds: the change lists are sliced at
//! `partition_point` results and read at `i - 1` right after `i += 1`.
#![allow(clippy::indexing_slicing)]

use std::cell::OnceCell;

use chrono::{DateTime, Utc};

use super::cache::Caches;
use super::chain::Point;
use super::line::{merge, Line, OPEN};
use super::plan::Extra;
use super::small::Small;
use super::{ts, utc, Clock, ClockState, Clocks, DueCause, StopReason};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Category, Metric, PauseReason, Priority, Status};
use crate::regulation::Regulation;
use crate::ticket::{Extension, Ticket};

/// Why an interval stops a clock: a built-in reason, or the reason at this
/// index of the regulation's `pause_reasons` (DESIGN §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    Builtin(StopReason),
    Declared(usize),
}

/// An interval `[from, to)` that stops a clock (`to` is `OPEN` while it lasts).
pub(super) type Raw = (Stop, i64, i64);

/// The facts of a ticket as of `now`.
pub(super) struct Ctx<'a> {
    pub(super) reg: &'a Regulation,
    pub(super) ticket: &'a Ticket,
    pub(super) now: i64,
    pub(super) start: i64,
    pub(super) status: Option<Status>,
    /// The instant the request entered Rejected or Archived, if it has by `now`.
    pub(super) closed_at: Option<(i64, Status)>,
    /// Change points (empty while unclassified).
    pub(super) points: Small<Point, 4>,
    /// Lines built so far, by their merged stops (all start at registration):
    /// one per metric at most.
    pub(super) lines: [OnceCell<Line<'a>>; 3],
    /// `now` as given (comparing `DateTime`s is cheaper than converting them).
    pub(super) now_dt: DateTime<Utc>,
    /// What is remembered only to go faster (calendar lookups shared by
    /// the lines, instants converted last).
    pub(super) caches: &'a Caches,
    /// Build everything (histories, thresholds, pauses), or only states and dues.
    pub(super) full: bool,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        reg: &'a Regulation,
        ticket: &'a Ticket,
        now_dt: DateTime<Utc>,
        full: bool,
        caches: &'a Caches,
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
        Caches::warm(ticket);
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
            caches,
            full,
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

    /// `t` as an instant.
    pub(super) fn utc(&self, t: i64) -> DateTime<Utc> {
        if t == self.now {
            return self.now_dt;
        }
        self.caches.utc(t)
    }

    pub(super) fn classified(&self) -> bool {
        !self.points.is_empty()
    }

    /// The calendar a clock counting until `until` counts on (DESIGN §7),
    /// as an index of the regulation's calendars: that of the SLA row in
    /// force at its last instant (the row of the last change before
    /// `until`), the regulation's own while unclassified. A clock counts on
    /// one calendar from its start: a change to a row of another calendar
    /// counts the clock again on the new one, as the due history's dues
    /// are all resolved with what is known at `now`.
    pub(super) fn calendar_until(&self, until: i64) -> usize {
        let i = self.points.partition_point(|p| p.at < until).max(1) - 1;
        match self.points.get(i) {
            Some(p) => self.reg.calendar_index(p.category, p.priority),
            None => 0,
        }
    }

    /// The raw intervals that stop `metric`, as of `now`, beginning before `until`.
    pub(super) fn stops(&self, metric: Metric, until: i64) -> Small<Raw, 4> {
        let now = self.now_dt;
        let m = &self.reg.spec().pauses;
        let end = |to: Option<DateTime<Utc>>| match to {
            Some(t) if t <= now => ts(t),
            _ => OPEN,
        };
        let mut out = Small::new((Stop::Builtin(StopReason::Release), 0, 0));
        let until = if until == i64::MAX {
            DateTime::<Utc>::MAX_UTC
        } else {
            utc(until)
        };
        let begins = |from: DateTime<Utc>| from <= now && from < until;
        if m.stops(metric, PauseReason::AwaitingUser) {
            for w in self.ticket.user_waits() {
                if begins(w.from) {
                    out.push((
                        Stop::Builtin(StopReason::AwaitingUser),
                        ts(w.from),
                        end(w.to),
                    ));
                }
            }
        }
        if m.stops(metric, PauseReason::ApprovalPending) {
            for a in self.ticket.approvals() {
                if begins(a.requested_at) {
                    out.push((
                        Stop::Builtin(StopReason::ApprovalPending),
                        ts(a.requested_at),
                        end(a.decided_at),
                    ));
                }
            }
        }
        if metric != Metric::Response {
            for c in self.ticket.cycles() {
                if begins(c.released_at) {
                    let stop = Stop::Builtin(StopReason::Release);
                    out.push((stop, ts(c.released_at), end(c.reopened_at)));
                }
            }
        }
        // DESIGN §7: the declared reasons that stop this metric
        let declared = &self.reg.spec().pause_reasons;
        if !declared.is_empty() {
            for p in self.ticket.declared_pauses() {
                let i = declared.iter().position(|r| r.id == p.reason);
                let stops = i
                    .and_then(|i| declared.get(i))
                    .is_some_and(|r| r.stops(metric));
                if let (true, Some(i), true) = (stops, i, begins(p.from)) {
                    out.push((Stop::Declared(i), ts(p.from), end(p.to)));
                }
            }
        }
        out
    }

    /// The consumed-time line of these stops; clocks with the same stops
    /// (resolution and update interval, usually) share one.
    pub(super) fn line(&self, raw: &[Raw], start: i64, cal: usize) -> Result<&Line<'a>> {
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
                Some(l) if l.calendar_index() == cal && l.has_stops(iv) => return Ok(l),
                Some(_) => {}
                None => {
                    let l = Line::new(
                        (self.reg.calendar_by_index(cal), cal),
                        self.caches,
                        start,
                        iv,
                    )?;
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

    pub(super) fn extensions(&self, metric: Metric, from: i64, until: i64) -> Vec<&'a Extension> {
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

    pub(super) fn met_at(&self, metric: Metric) -> Option<i64> {
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

    /// A clock of `metric` with nothing counted yet, to be filled in place.
    pub(super) fn blank(&self, metric: Metric) -> Clock {
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
            calendar: None,
        }
    }

    /// Every clock; what a [`ClockPlan`] keeps of the computation goes
    /// into `extra`.
    pub(super) fn compute(&self, extra: &mut Extra) -> Result<Clocks> {
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
        Ctx::new(reg, self, now, true, &Caches::default())?.compute(&mut Extra::default())
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
        let caches = Caches::default();
        let ctx = Ctx::new(reg, self, now, true, &caches)?;
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
        Ctx::new(reg, self, now, false, &Caches::default())?.compute(&mut Extra::default())
    }
}
