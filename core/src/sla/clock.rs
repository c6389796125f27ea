//! One clock from its due chain: what it counted, its dues and due history,
//! its thresholds and its outcome at `now` (met, breached, stopped, or
//! still counting — then its [`Live`] part settles the fields that move
//! with `now`).

use super::chain::{Chain, Due};
use super::engine::{Ctx, Raw, Stop};
use super::line::{Line, OPEN};
use super::plan::{Counting, Live, Rem};
use super::small::Small;
use super::{Clock, ClockPause, ClockState, DueChange, StopReason, Threshold};
use crate::error::Result;
use crate::model::{Metric, Status};

/// Where a clock stands against its consumed-time line: its start `c0`,
/// `C` at the reference instant, and how it ended (if it did).
#[derive(Debug, Clone, Copy)]
struct Reading {
    c0: i64,
    c_ref: i64,
    met: Option<i64>,
    stopped: Option<i64>,
}

impl Reading {
    #[inline]
    fn counting(&self) -> bool {
        self.met.is_none() && self.stopped.is_none()
    }
}

/// Resolves dues to instants on one line, each distinct level once (the
/// same due recurs: with and without extensions, in the history).
struct Resolver<'l, 'c> {
    line: &'l Line<'c>,
    seen: [(i64, Option<i64>); 6],
    n_seen: usize,
}

impl Resolver<'_, '_> {
    #[inline]
    fn resolve(&mut self, d: Option<Due>) -> Result<Option<i64>> {
        match d {
            None => Ok(None),
            Some(Due::At(t)) => Ok(Some(t)),
            Some(Due::Level(l)) => {
                let known = self.seen.get(..self.n_seen).unwrap_or(&[]);
                if let Some(&(_, u)) = known.iter().find(|(x, _)| *x == l) {
                    return Ok(u);
                }
                let u = self.line.instant_at(l)?;
                if let Some(slot) = self.seen.get_mut(self.n_seen) {
                    *slot = (l, u);
                    self.n_seen += 1;
                }
                Ok(u)
            }
        }
    }
}

impl Ctx<'_> {
    /// The response or resolution clock, written into `out` (and, while it
    /// counts, its [`Live`] part into `live`); returns the next instant at
    /// which it changes.
    pub(super) fn main_clock(
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
        let line = self.line(&raw, self.start, self.calendar_until(until))?;
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
    /// `now`, what brings it to a later `now` (for a [`super::ClockPlan`]).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn finish(
        &self,
        metric: Metric,
        line: &Line,
        seg: i64,
        c0: i64,
        chain: Option<Chain>,
        met: Option<i64>,
        stopped: Option<i64>,
        raw: &[Raw],
        out: &mut Clock,
        live_out: &mut Option<Live>,
    ) -> Result<Option<i64>> {
        let reference = met.or(stopped).unwrap_or(self.now);
        let r = Reading {
            c0,
            c_ref: line.consumed(reference)?,
            met,
            stopped,
        };
        *out = Clock {
            started_at: self.utc(seg),
            consumed: r.c_ref - c0,
            counted_until: self.utc(reference),
            met_at: met.map(|t| self.utc(t)),
            pauses: self.clock_pauses(raw, seg, reference),
            calendar: self
                .reg
                .calendar_name(line.calendar_index())
                .map(str::to_string),
            ..self.blank(metric)
        };
        let clock = out;
        // a clock counting without a due: only `consumed` moves with `now`
        let (f_base, frozen) = line.tail();
        if r.counting() {
            *live_out = Some(Live {
                cal: line.calendar_index(),
                c0,
                f_base,
                frozen,
                counting: None,
            });
        }
        let Some(mut chain) = chain else {
            if met.is_some() {
                clock.state = ClockState::Met;
            }
            return Ok(None);
        };
        clock.target = chain.target;
        clock.added_seconds = chain.added;
        clock.extensions = std::mem::take(&mut chain.extensions);
        let (due, odue) = self.write_dues(line, &chain, clock)?;
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
        let ahead_at = self.write_thresholds(line, &chain, r, clock)?;
        if let Some(live) = live_out.as_mut().filter(|_| r.counting()) {
            live.counting = Some(Counting {
                rem,
                due,
                odue,
                paused_since: line.open_pause_since(),
                thresholds: ahead_at,
            });
            let now = self.now;
            return live.settle(
                clock,
                now,
                self.now_dt,
                r.c_ref,
                || line.f(now),
                |t| self.utc(t),
            );
        }
        clock.remaining = rem
            .map(|x| x.remaining(reference, c0, clock.consumed, || line.f(reference)))
            .transpose()?;
        self.write_outcome(clock, (due, odue), met, stopped);
        Ok(None)
    }

    /// The intervals of `raw` that stop the clock started at `seg`, up to
    /// `reference` (none in a summary).
    fn clock_pauses(&self, raw: &[Raw], seg: i64, reference: i64) -> Vec<ClockPause> {
        let mut pauses = Vec::new();
        if self.full {
            pauses.reserve_exact(raw.len());
            pauses.extend(
                raw.iter()
                    .filter(|&&(_, a, b)| b > seg && a <= reference)
                    .map(|&(stop, a, b)| ClockPause {
                        reason: match stop {
                            Stop::Builtin(r) => r,
                            Stop::Declared(_) => StopReason::Declared,
                        },
                        declared: match stop {
                            Stop::Builtin(_) => None,
                            Stop::Declared(i) => {
                                self.reg.spec().pause_reasons.get(i).map(|r| r.id.clone())
                            }
                        },
                        from: self.utc(a),
                        to: (b != OPEN).then(|| self.utc(b)),
                    }),
            );
        }
        pauses
    }

    /// Writes the due history and the dues (with and without extensions)
    /// into `clock`; returns the dues as instants (`None`: not known yet).
    fn write_dues(
        &self,
        line: &Line,
        chain: &Chain,
        clock: &mut Clock,
    ) -> Result<(Option<i64>, Option<i64>)> {
        if self.full {
            clock.due_history.reserve_exact(chain.history.len());
            clock
                .thresholds
                .reserve_exact(self.reg.spec().warning_thresholds.len());
        }
        let mut r = Resolver {
            line,
            seen: [(0, None); 6],
            n_seen: 0,
        };
        for (at, cause, category, priority, target, ext, orig) in chain.history.iter() {
            clock.due_history.push(DueChange {
                at: self.utc(*at),
                cause: *cause,
                category: *category,
                priority: *priority,
                target: *target,
                due_at: r.resolve(*ext)?.map(|t| self.utc(t)),
                original_due_at: r.resolve(*orig)?.map(|t| self.utc(t)),
            });
        }
        let due = r.resolve(chain.ext)?;
        let odue = r.resolve(chain.orig)?;
        clock.due_at = due.map(|t| self.utc(t));
        clock.original_due_at = odue.map(|t| self.utc(t));
        Ok((due, odue))
    }

    /// Writes the thresholds into `clock` (their instants do not depend on
    /// `now`); for a clock still counting, returns their instants for
    /// `settle` to say which are crossed at `now`.
    fn write_thresholds(
        &self,
        line: &Line,
        chain: &Chain,
        r: Reading,
        clock: &mut Clock,
    ) -> Result<Small<Option<i64>, 4>> {
        let counting = r.counting();
        let base = chain.target.unwrap_or(0) + chain.added;
        let met_level = r.met.map(|_| r.c_ref);
        let mut ahead_at = Small::new(None);
        for th in &self.reg.spec().warning_thresholds {
            let p = th.percent;
            let level = (base * i64::from(p) + 99) / 100;
            let abs = r.c0 + level;
            // only a threshold still ahead is needed in a summary (for the wake-up)
            let ahead = counting && abs > r.c_ref;
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
                        name: th.name.clone(),
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
            let crossed = match (at, r.met, r.stopped) {
                (Some(t), Some(m), _) => t < m,
                (Some(t), None, Some(s)) => t <= s,
                _ => false,
            };
            let at = if r.met.is_some() && !crossed {
                None
            } else {
                at
            };
            clock.thresholds.push(Threshold {
                percent: p,
                name: th.name.clone(),
                level,
                at: at.map(|t| self.utc(t)),
                crossed,
            });
        }
        Ok(ahead_at)
    }

    /// The state, compliance and breach of a clock that was met or stopped.
    fn write_outcome(
        &self,
        clock: &mut Clock,
        (due, odue): (Option<i64>, Option<i64>),
        met: Option<i64>,
        stopped: Option<i64>,
    ) {
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
    }
}
