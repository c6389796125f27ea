//! Every update-interval period of a request as a clock of its own
//! (DESIGN §6): a period is met by the informing event that ended it, or
//! breached at its due instant. Period reports count each of them.

use chrono::{DateTime, Utc};

use super::cache::Caches;
use super::plan::Extra;
use super::{Clock, ClockState, Clocks, Ctx};
use crate::error::Result;
use crate::model::Metric;
use crate::regulation::Regulation;
use crate::ticket::Ticket;

impl Ctx<'_> {
    /// Records the ended period `[s, e)` (met at `e`, its informing event)
    /// with its target, the working seconds it took and those left at its
    /// end (negative past the due), and its dues (with and
    /// without extensions; `None` when not known).
    pub(super) fn record_period(
        &self,
        extra: &mut Extra,
        (s, e): (i64, i64),
        target: Option<i64>,
        (consumed, remaining): (i64, Option<i64>),
        (due, odue): (Option<i64>, Option<i64>),
    ) {
        let Some(list) = extra.periods.as_mut() else {
            return;
        };
        let mut c = self.blank(Metric::UpdateInterval);
        c.state = ClockState::Met;
        c.started_at = self.utc(s);
        c.target = target;
        c.consumed = consumed;
        c.remaining = remaining;
        c.counted_until = self.utc(e);
        c.met_at = Some(self.utc(e));
        c.due_at = due.map(|t| self.utc(t));
        c.original_due_at = odue.map(|t| self.utc(t));
        c.on_time = Some(due.map_or(true, |d| e <= d));
        c.on_time_original = Some(odue.map_or(true, |d| e <= d));
        c.breached_at = due.filter(|&d| e > d).map(|t| self.utc(t));
        c.original_breached_at = odue.filter(|&d| e > d).map(|t| self.utc(t));
        list.push(c);
    }
}

impl Ticket {
    /// Every update-interval period at `now` as a clock of its own, oldest
    /// first: the ended periods as met clocks (`met_at` = the informing
    /// event that ended the period, `on_time`, `breached_at` = its due when
    /// it ran over, `consumed` = the working seconds it lasted), then the
    /// current period as [`Clocks::update_interval`](super::Clocks) gives
    /// it. Empty when the request has no update-interval clock. Periods
    /// with no target (a row without an interval then) are left out. The
    /// clocks carry no records (`thresholds`, `due_history`, `extensions`
    /// and `pauses` are empty), as in [`Ticket::clocks_summary`].
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation, instant::{format, parse}};
    /// let reg = Regulation::default();
    /// let events = [
    ///   r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op","role":"operator"},
    ///       "channel":"phone","description":"d","conditions":"c","priority":"critical","category":"incident"}"#,
    ///   r#"{"kind":"start_work","at":"2026-03-02T10:30:00+02:00","actor":{"id":"c","role":"consultant"}}"#,
    /// ].iter().map(|l| Event::from_json(l).unwrap());
    /// let t = Ticket::replay(&reg, "T", events).ticket;
    /// let p = t.update_periods(&reg, parse("2026-03-02T12:00:00+02:00").unwrap()).unwrap();
    /// assert_eq!(p.len(), 2);
    /// assert_eq!(p[0].on_time, Some(true)); // ended by start_work at 10:30
    /// assert_eq!(format(p[0].met_at.unwrap()), "2026-03-02T08:30:00Z");
    /// assert_eq!(p[0].consumed, 1800);
    /// assert_eq!(p[1].state.code(), "breached"); // no news for an hour after 10:30
    /// ```
    pub fn update_periods(&self, reg: &Regulation, now: DateTime<Utc>) -> Result<Vec<Clock>> {
        Ok(self.clocks_and_periods(reg, now)?.1)
    }

    /// [`Ticket::clocks_summary`] and [`Ticket::update_periods`] from one
    /// computation (period reports read both for every request).
    pub(crate) fn clocks_and_periods(
        &self,
        reg: &Regulation,
        now: DateTime<Utc>,
    ) -> Result<(Clocks, Vec<Clock>)> {
        let caches = Caches::default();
        let ctx = Ctx::new(reg, self, now, false, &caches)?;
        let mut extra = Extra {
            periods: Some(Vec::new()),
            ..Extra::default()
        };
        let clocks = ctx.compute(&mut extra)?;
        let periods = match &clocks.update_interval {
            None => Vec::new(),
            Some(current) => {
                let mut out = extra.periods.take().unwrap_or_default();
                out.push(current.clock.clone());
                out
            }
        };
        Ok((clocks, periods))
    }
}
