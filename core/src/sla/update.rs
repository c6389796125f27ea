//! The update-interval clock (module documentation of [`crate::sla`]:
//! *Update interval*): every informing event of support starts a period;
//! the ended periods are tallied, the current one is a [`super::Clock`].
//!
//! Indexing stays in bounds: `points[first]` with `first` from
//! `partition_point(..).max(1) - 1` is read only while the request is
//! classified (`points` not empty).
#![allow(clippy::indexing_slicing)]

use super::chain::{Chain, Due, Point};
use super::engine::{Ctx, Raw};
use super::line::Line;
use super::plan::{Extra, OpenPeriod};
use super::small::Small;
use super::{column, ts, PeriodBreach, UpdateClock};
use crate::error::Result;
use crate::model::Metric;
use crate::ticket::Extension;

/// What the ended periods add up to so far.
#[derive(Default)]
struct Tally {
    /// Whether any period had a target.
    any_target: bool,
    breaches: Vec<PeriodBreach>,
    breaches_original: usize,
    on_time: usize,
    /// `C` at the start of the period being read.
    c_start: i64,
}

impl Ctx<'_> {
    /// The update-interval clock, written into `out` (`None` when no row
    /// ever sets an interval; while it counts, its [`super::plan::Live`]
    /// part and open period into `extra`); returns the next instant at
    /// which it changes.
    pub(super) fn update_clock(
        &self,
        out: &mut Option<UpdateClock>,
        extra: &mut Extra,
    ) -> Result<Option<i64>> {
        let metric = Metric::UpdateInterval;
        let stop = self.closed_at.map(|(t, _)| t);
        let until = stop.map_or(i64::MAX, |s| s + 1);
        let raw = self.stops(metric, until);
        let line = self.line(&raw, self.start, self.calendar_until(until))?;
        let starts = self.period_starts();
        let current = *starts.last().unwrap_or(&self.start);
        let all_exts = self.extensions(metric, self.start, i64::MAX);
        if !self.classified() {
            let c0 = line.consumed(current)?;
            let u = out.insert(self.update_blank(starts.len(), Tally::default()));
            let (seg, live) = (current, &mut extra.live[2]);
            return self.finish(
                metric,
                line,
                seg,
                c0,
                None,
                None,
                None,
                &raw,
                &mut u.clock,
                live,
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
        let mut tally = Tally::default();
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
                self.simple_period(line, extra, &mut tally, self.points[first], (s, e))?;
                continue;
            }
            let chain = self.chain(line, metric, s, tally.c_start, until, &exts)?;
            tally.any_target |= chain.had_target;
            match end {
                Some(e) => self.chained_period(line, extra, &mut tally, &chain, (s, e))?,
                None => {
                    let n = starts.len();
                    return self.open_period(line, &raw, (out, extra), tally, chain, (s, n), stop);
                }
            }
        }
        // unreachable: the last period has no end
        *out = None;
        Ok(None)
    }

    /// The period starts as of `now`: registration and every informing
    /// event by staff (a reply or question to the user, a status change).
    fn period_starts(&self) -> Small<i64, 8> {
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
        starts
    }

    /// The update clock before its current period is written in.
    fn update_blank(&self, periods: usize, tally: Tally) -> UpdateClock {
        UpdateClock {
            clock: self.blank(Metric::UpdateInterval),
            periods,
            periods_on_time: tally.on_time,
            breaches: tally.breaches,
            breaches_original: tally.breaches_original,
        }
    }

    /// An ended period `[s, e)` under one row and no extension.
    fn simple_period(
        &self,
        line: &Line,
        extra: &mut Extra,
        tally: &mut Tally,
        p: Point,
        (s, e): (i64, i64),
    ) -> Result<()> {
        let c_end = line.consumed(e)?;
        let c_start = std::mem::replace(&mut tally.c_start, c_end);
        let Some(t) = column(Metric::UpdateInterval)(self.reg.sla_target(p.category, p.priority))
        else {
            return Ok(());
        };
        tally.any_target = true;
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
                tally.breaches_original += 1;
                tally.breaches.push(PeriodBreach {
                    started_at: self.utc(s),
                    ended_at: Some(self.utc(e)),
                    due_at: self.utc(d),
                    original_due_at: Some(self.utc(d)),
                    extended: false,
                });
            }
            None => tally.on_time += 1,
        }
        Ok(())
    }

    /// An ended period `[s, e)` with its due chain.
    fn chained_period(
        &self,
        line: &Line,
        extra: &mut Extra,
        tally: &mut Tally,
        chain: &Chain,
        (s, e): (i64, i64),
    ) -> Result<()> {
        let c_end = line.consumed(e)?;
        let c_start = std::mem::replace(&mut tally.c_start, c_end);
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
            tally.breaches_original += 1;
        }
        match d {
            Some(d) => tally.breaches.push(PeriodBreach {
                started_at: self.utc(s),
                ended_at: Some(self.utc(e)),
                due_at: self.utc(d),
                original_due_at: od.map(|t| self.utc(t)),
                extended: !chain.extensions.is_empty(),
            }),
            None => {
                if chain.ext.is_some() {
                    tally.on_time += 1;
                }
            }
        }
        Ok(())
    }

    /// The current period, started at `s` (the `n`-th): the clock itself.
    #[allow(clippy::too_many_arguments)]
    fn open_period(
        &self,
        line: &Line,
        raw: &[Raw],
        (out, extra): (&mut Option<UpdateClock>, &mut Extra),
        tally: Tally,
        chain: Chain,
        (s, n): (i64, usize),
        stop: Option<i64>,
    ) -> Result<Option<i64>> {
        let stopped = stop.filter(|&t| t >= s);
        let period = OpenPeriod {
            started_at: self.utc(s),
            extended: chain.applied,
            closed: tally.breaches.len(),
            closed_original: tally.breaches_original,
        };
        let (any_target, c_start) = (tally.any_target, tally.c_start);
        let u = out.insert(self.update_blank(n, tally));
        let metric = Metric::UpdateInterval;
        let live = &mut extra.live[2];
        let wake = self.finish(
            metric,
            line,
            s,
            c_start,
            Some(chain),
            None,
            stopped,
            raw,
            &mut u.clock,
            live,
        )?;
        if !any_target && u.clock.target.is_none() {
            *out = None;
            extra.live[2] = None;
            return Ok(None);
        }
        period.close(u);
        extra.open_period = Some(period);
        Ok(wake)
    }
}
