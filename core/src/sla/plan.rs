//! Clocks read at many `now`s from one computation: [`ClockPlan`].
//!
//! Once `now` is at or after every fact of a request (its last accepted
//! event), the clocks depend on `now` only through a few fields: the time
//! consumed so far, the remaining time, the state (running, paused,
//! breached), the thresholds crossed and the next change. Everything else —
//! the lines of consumed time with their pauses, the due instants with and
//! without extensions, the due history, the threshold instants — is fixed
//! by the events. A plan computes that part once; each read then costs one
//! calendar lookup (`F(now)`, shared by the clocks) and a copy.

use std::cell::Cell;

use chrono::{DateTime, Utc};

use super::small::Small;
use super::{soonest, ts, utc, Clock, ClockState, Clocks, Ctx, Line, PeriodBreach, UpdateClock};
use crate::error::{Error, ErrorKind, Result};
use crate::ticket::Ticket;
use crate::{Calendar, Regulation};

/// What the remaining time of a clock is counted against: a level of
/// consumed time, or a fixed instant `d` (an agreed `new_due`, or "now"
/// under `keep_consumed` when nothing remained) with `C(d)` and, when `d`
/// was not yet past, `F(d)`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Rem {
    Level(i64),
    At { d: i64, f_d: Option<i64>, c_d: i64 },
}

impl Rem {
    /// The remaining-time data of the due `d` on `line`, for references at
    /// or after `reference`.
    #[inline]
    pub(super) fn new(line: &Line, d: super::chain::Due, reference: i64) -> Result<Rem> {
        Ok(match d {
            super::chain::Due::Level(l) => Rem::Level(l),
            super::chain::Due::At(d) => Rem::At {
                d,
                f_d: if d >= reference {
                    Some(line.f(d)?)
                } else {
                    None
                },
                c_d: line.consumed(d)?,
            },
        })
    }

    /// Remaining working seconds at `reference` (`consumed` counted since
    /// the clock's start `c0`; `f_ref` gives `F(reference)`): the working
    /// time up to a fixed due still ahead, else the consumed time left
    /// (negative once overrun).
    #[inline]
    pub(super) fn remaining(
        &self,
        reference: i64,
        c0: i64,
        consumed: i64,
        f_ref: impl FnOnce() -> Result<i64>,
    ) -> Result<i64> {
        match *self {
            Rem::Level(l) => Ok(l - c0 - consumed),
            Rem::At { d, f_d, .. } if d >= reference => match f_d {
                Some(f) => Ok(f - f_ref()?),
                None => Err(Error::new(
                    ErrorKind::Conflict,
                    "internal: a fixed due read before the plan's start",
                )),
            },
            Rem::At { c_d, .. } => Ok(c_d - c0 - consumed),
        }
    }
}

/// A clock still counting at `now` (neither met nor stopped): what brings
/// it to any later `now` without the events.
#[derive(Debug, Clone)]
pub(super) struct Live {
    /// Which of the regulation's calendars the clock counts on.
    pub(super) cal: usize,
    /// `C` at the clock's start (a period's start for the update interval).
    pub(super) c0: i64,
    /// `C(t) = frozen` while a pause is open, else `F(t) - f_base`, for `t`
    /// after every fact.
    pub(super) f_base: i64,
    pub(super) frozen: Option<i64>,
    /// `None`: no due (unclassified, or a row without this metric), only
    /// `consumed` moves.
    pub(super) counting: Option<Counting>,
}

/// The due side of a [`Live`] clock.
#[derive(Debug, Clone)]
pub(super) struct Counting {
    pub(super) rem: Option<Rem>,
    pub(super) due: Option<i64>,
    pub(super) odue: Option<i64>,
    pub(super) paused_since: Option<i64>,
    /// The instants of the warning thresholds, in the regulation's order
    /// (in a summary only those still ahead are known; the others are
    /// behind `now` and wake nothing).
    pub(super) thresholds: Small<Option<i64>, 4>,
}

impl Live {
    /// `C(t)` for `t` after every fact, given `F(t)`.
    fn consumed_at(&self, f_t: impl FnOnce() -> Result<i64>) -> Result<i64> {
        match self.frozen {
            Some(c) => Ok(c),
            None => Ok(f_t()? - self.f_base),
        }
    }

    /// Writes the fields of `clock` that depend on `now` (`c_now` is
    /// `C(now)`, `f_now` gives `F(now)`); returns the clock's next change.
    #[inline]
    pub(super) fn settle(
        &self,
        clock: &mut Clock,
        now: i64,
        now_dt: DateTime<Utc>,
        c_now: i64,
        f_now: impl FnOnce() -> Result<i64>,
        utc: impl Fn(i64) -> DateTime<Utc>,
    ) -> Result<Option<i64>> {
        let consumed = c_now - self.c0;
        clock.consumed = consumed;
        clock.counted_until = now_dt;
        let Some(k) = &self.counting else {
            return Ok(None);
        };
        clock.remaining = k
            .rem
            .map(|r| r.remaining(now, self.c0, consumed, f_now))
            .transpose()?;
        clock.breached_at = k.due.filter(|&d| now > d).map(&utc);
        clock.original_breached_at = k.odue.filter(|&d| now > d).map(&utc);
        clock.paused_since = None;
        clock.state = if clock.breached_at.is_some() {
            ClockState::Breached
        } else if let Some(p) = k.paused_since {
            clock.paused_since = Some(utc(p));
            ClockState::Paused
        } else {
            ClockState::Running
        };
        let mut wake = None;
        if let Some(d) = k.due {
            if d > now {
                soonest(&mut wake, d);
            } else if d == now {
                soonest(&mut wake, now + 1); // breached from the next second
            }
        }
        for (i, at) in k.thresholds.iter().enumerate() {
            if let Some(t) = at.filter(|&t| t > now) {
                soonest(&mut wake, t);
            }
            if let Some(th) = clock.thresholds.get_mut(i) {
                th.crossed = at.is_some_and(|t| t <= now);
            }
        }
        Ok(wake)
    }
}

/// The update interval's current period, still open at `now`: its breach
/// (if the period runs over) joins the list of the closed periods' ones.
#[derive(Debug, Clone, Copy)]
pub(super) struct OpenPeriod {
    pub(super) started_at: DateTime<Utc>,
    /// Whether an extension applied to the period.
    pub(super) extended: bool,
    /// The closed periods' breaches (with and without extensions).
    pub(super) closed: usize,
    pub(super) closed_original: usize,
}

impl OpenPeriod {
    /// Adds the open period's breach, if any, to `u`'s lists (which hold
    /// the closed periods' ones).
    pub(super) fn close(&self, u: &mut UpdateClock) {
        u.breaches.truncate(self.closed);
        if let Some(d) = u.clock.breached_at {
            u.breaches.push(PeriodBreach {
                started_at: self.started_at,
                ended_at: None,
                due_at: d,
                original_due_at: u.clock.original_due_at,
                extended: self.extended,
            });
        }
        u.breaches_original =
            self.closed_original + usize::from(u.clock.original_breached_at.is_some());
    }
}

/// What a computation of the clocks leaves besides them, for a plan.
#[derive(Debug, Clone, Default)]
pub(super) struct Extra {
    /// Response, resolution, update interval.
    pub(super) live: [Option<Live>; 3],
    pub(super) open_period: Option<OpenPeriod>,
    /// The archive's due instant while the request is in Release.
    pub(super) archive_due: Option<i64>,
    /// When `Some`, the ended update-interval periods as clocks of their
    /// own (`Ticket::update_periods`, for period reports).
    pub(super) periods: Option<Vec<super::Clock>>,
}

/// The clocks of one request computed once for every `now` at or after its
/// last event, read at any such `now` for the cost of one calendar lookup
/// and a copy (a sweep over many requests: dashboards, wake-ups,
/// compliance at the current time).
///
/// A plan is a snapshot: it owns what it needs (the stored clocks and the
/// regulation's calendar, shared) and does not see later events of the
/// request — build a new one when the request changes. Every read at a
/// `now` at or after [`valid_from`](ClockPlan::valid_from) equals what
/// [`Ticket::clocks`], [`Ticket::clocks_summary`] and
/// [`Ticket::next_change_at`] give for the request as it was; an earlier
/// `now` is refused (compute it from the events).
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation, instant::parse};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
///   "priority":"high","category":"incident"}"#).unwrap();
/// let t = Ticket::replay(&reg, "T", [e]).ticket;
/// let plan = t.clock_plan(&reg).unwrap();
/// for now in ["2026-03-02T10:30:00+02:00", "2026-03-02T13:00:00+02:00"] {
///     let now = parse(now).unwrap();
///     assert_eq!(plan.clocks(now).unwrap(), t.clocks(&reg, now).unwrap());
/// }
/// // before the last event: refused
/// let early = plan.clocks(parse("2026-03-02T09:00:00+02:00").unwrap()).unwrap_err();
/// assert_eq!(early.field(), Some("now"));
/// ```
#[derive(Debug, Clone)]
pub struct ClockPlan {
    /// The regulation's calendars, by `Regulation::calendar_index`.
    calendars: Vec<Calendar>,
    from: DateTime<Utc>,
    template: Clocks,
    extra: Extra,
}

impl Ticket {
    /// The [`ClockPlan`] of the request under `reg`: its clocks computed
    /// once for every `now` at or after its last event.
    ///
    /// # Errors
    /// Those of [`Ticket::clocks`] at the last event (an unregistered
    /// request, an instant outside the calendar's range).
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation, instant::{format, parse}};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"critical","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let plan = t.clock_plan(&reg).unwrap();
    /// assert_eq!(format(plan.valid_from()), "2026-03-02T08:00:00Z");
    /// let c = plan.clocks_summary(parse("2026-03-02T10:40:00+02:00").unwrap()).unwrap();
    /// assert_eq!(c.response.state.code(), "breached"); // 30 working minutes
    /// ```
    pub fn clock_plan(&self, reg: &Regulation) -> Result<ClockPlan> {
        let Some(from) = self.last_event_at() else {
            return Err(Error::new(
                ErrorKind::Conflict,
                "the request is not registered: it has no clocks",
            ));
        };
        let caches = super::cache::Caches::default();
        let mut extra = Extra::default();
        let template = Ctx::new(reg, self, from, true, &caches)?.compute(&mut extra)?;
        Ok(ClockPlan {
            calendars: (0..=reg.spec().calendars.len())
                .map(|i| reg.calendar_by_index(i).clone())
                .collect(),
            from,
            template,
            extra,
        })
    }
}

impl ClockPlan {
    /// The first `now` the plan answers for: the request's last event.
    ///
    /// # Example
    /// See [`Ticket::clock_plan`].
    pub fn valid_from(&self) -> DateTime<Utc> {
        self.from
    }

    /// [`Ticket::clocks`] at `now`.
    ///
    /// # Errors
    /// `now` before [`valid_from`](ClockPlan::valid_from) (a conflict on
    /// the field `now`), or outside the calendar's range.
    ///
    /// # Example
    /// See [`ClockPlan`].
    pub fn clocks(&self, now: DateTime<Utc>) -> Result<Clocks> {
        self.check(now)?;
        let mut out = self.template.clone();
        self.settle(&mut out, now)?;
        Ok(out)
    }

    /// [`Ticket::clocks_summary`] at `now`.
    ///
    /// # Errors
    /// Those of [`ClockPlan::clocks`].
    ///
    /// # Example
    /// See [`Ticket::clock_plan`].
    pub fn clocks_summary(&self, now: DateTime<Utc>) -> Result<Clocks> {
        self.check(now)?;
        let t = &self.template;
        let mut out = Clocks {
            ticket: t.ticket.clone(),
            now: t.now,
            status: t.status,
            response: without_records(&t.response),
            resolution: without_records(&t.resolution),
            update_interval: t.update_interval.as_ref().map(|u| UpdateClock {
                clock: without_records(&u.clock),
                periods: u.periods,
                periods_on_time: u.periods_on_time,
                breaches: u.breaches.clone(),
                breaches_original: u.breaches_original,
            }),
            next_change_at: None,
        };
        self.settle(&mut out, now)?;
        Ok(out)
    }

    /// [`Ticket::next_change_at`] at `now`.
    ///
    /// # Errors
    /// Those of [`ClockPlan::clocks`].
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation, instant::{format, parse}};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"critical","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let plan = t.clock_plan(&reg).unwrap();
    /// // response 30 min: 75 % at 10:22:30, 90 % at 10:27, due at 10:30 Kyiv
    /// let next = plan.next_change_at(parse("2026-03-02T10:25:00+02:00").unwrap()).unwrap();
    /// assert_eq!(format(next.unwrap()), "2026-03-02T08:27:00Z");
    /// ```
    pub fn next_change_at(&self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
        self.check(now)?;
        let (now_dt, now) = (now, ts(now));
        let f_now = self.f_now(now);
        let mut wake = None;
        for live in self.extra.live.iter().flatten() {
            // only the wake-up is wanted: a clock without records to write in
            let mut scratch = without_records(&self.template.response);
            let f = || f_now.get(live.cal);
            let c_now = live.consumed_at(f)?;
            if let Some(w) = live.settle(&mut scratch, now, now_dt, c_now, f, utc)? {
                soonest(&mut wake, w);
            }
        }
        self.archive(&mut wake, now);
        Ok(wake.map(utc))
    }

    /// Refuses a `now` before the last event.
    fn check(&self, now: DateTime<Utc>) -> Result<()> {
        if now < self.from {
            return Err(Error::new(
                ErrorKind::Conflict,
                format!(
                    "now ({}) is before the request's last event ({}), from which the plan holds its clocks: compute earlier clocks from the events",
                    crate::instant::format(now),
                    crate::instant::format(self.from)
                ),
            )
            .at("now"));
        }
        Ok(())
    }

    /// Brings the template's copy `out` to `now` (at or after the last event).
    fn settle(&self, out: &mut Clocks, now_dt: DateTime<Utc>) -> Result<()> {
        let now = ts(now_dt);
        out.now = now_dt;
        let f_now = self.f_now(now);
        let mut wake = None;
        let [l1, l2, l3] = &self.extra.live;
        let mut one = |clock: &mut Clock, live: &Option<Live>| -> Result<()> {
            if let Some(live) = live {
                let f = || f_now.get(live.cal);
                let c_now = live.consumed_at(f)?;
                if let Some(w) = live.settle(clock, now, now_dt, c_now, f, utc)? {
                    soonest(&mut wake, w);
                }
            }
            Ok(())
        };
        one(&mut out.response, l1)?;
        one(&mut out.resolution, l2)?;
        if let Some(u) = out.update_interval.as_mut() {
            one(&mut u.clock, l3)?;
            if let Some(p) = &self.extra.open_period {
                p.close(u);
            }
        }
        self.archive(&mut wake, now);
        out.next_change_at = wake.map(utc);
        Ok(())
    }

    /// The archive falling due, while the request waits in Release.
    fn archive(&self, wake: &mut Option<i64>, now: i64) {
        if let Some(a) = self.extra.archive_due.filter(|&a| a > now) {
            soonest(wake, a);
        }
    }

    /// `F(now)` of each calendar, looked up once, when a clock first needs it.
    fn f_now(&self, now: i64) -> LazyF<'_> {
        LazyF {
            calendars: &self.calendars,
            now,
            values: Default::default(),
        }
    }
}

/// `F(now)` of the calendars the clocks count on, computed on first use
/// (three clocks: three calendars at most).
struct LazyF<'a> {
    calendars: &'a [Calendar],
    now: i64,
    /// `(calendar index, F(now))`.
    values: [Cell<Option<(usize, i64)>>; 3],
}

impl LazyF<'_> {
    #[inline]
    fn get(&self, cal: usize) -> Result<i64> {
        for slot in &self.values {
            match slot.get() {
                Some((c, v)) if c == cal => return Ok(v),
                Some(_) => continue,
                None => {
                    let v = self.compute(cal)?;
                    slot.set(Some((cal, v)));
                    return Ok(v);
                }
            }
        }
        self.compute(cal)
    }

    fn compute(&self, cal: usize) -> Result<i64> {
        let calendar = self.calendars.get(cal).ok_or_else(|| {
            Error::new(
                ErrorKind::Conflict,
                "internal: a clock's calendar is not the plan's",
            )
        })?;
        calendar.work_index_near(self.now, &Cell::new(0))
    }
}

/// `c` without its records (thresholds, due history, extensions, pauses),
/// as in a summary.
fn without_records(c: &Clock) -> Clock {
    Clock {
        metric: c.metric,
        state: c.state,
        started_at: c.started_at,
        target: c.target,
        added_seconds: c.added_seconds,
        consumed: c.consumed,
        counted_until: c.counted_until,
        remaining: c.remaining,
        due_at: c.due_at,
        original_due_at: c.original_due_at,
        met_at: c.met_at,
        on_time: c.on_time,
        on_time_original: c.on_time_original,
        breached_at: c.breached_at,
        original_breached_at: c.original_breached_at,
        paused_since: c.paused_since,
        stopped_at: c.stopped_at,
        thresholds: Vec::new(),
        due_history: Vec::new(),
        extensions: Vec::new(),
        pauses: Vec::new(),
        calendar: c.calendar.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The C face promises that a plan may be read from several threads.
    #[test]
    fn a_plan_is_send_and_sync() {
        fn shared<T: Send + Sync + 'static>() {}
        shared::<ClockPlan>();
    }
}
