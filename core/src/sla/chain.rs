//! The due chain of a clock: the target in force from its start, then each
//! change of (category, priority) under the regulation's
//! [`PriorityChangeRule`] and each agreed extension, in time order
//! (module documentation of [`crate::sla`]: *Target*, *Extensions*).
//!
//! Indexing stays in bounds: `points[first]` with `first` from
//! `partition_point(..).max(1) - 1` is read only while the request is
//! classified (`points` not empty).
#![allow(clippy::indexing_slicing)]

use super::engine::Ctx;
use super::line::{Line, OPEN};
use super::{column, ts, DueCause};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Category, Metric, Priority};
use crate::regulation::PriorityChangeRule;
use crate::ticket::Extension;

/// A due: a consumed-time level (the earliest instant at which `C` reaches
/// it) or a fixed instant (agreed `new_due`, or "now" under keep_consumed when
/// nothing remains).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Due {
    Level(i64),
    At(i64),
}

/// A point at which the (category, priority) pair changes; the first one is
/// the pair in force from the clock's start.
#[derive(Debug, Clone, Copy)]
pub(super) struct Point {
    pub(super) at: i64,
    pub(super) cause: DueCause,
    pub(super) category: Category,
    pub(super) priority: Priority,
}

/// What the due chain of one clock (or one update period) gives.
pub(super) struct Chain {
    /// The target in force for thresholds (base, without extensions).
    pub(super) target: Option<i64>,
    pub(super) added: i64,
    pub(super) orig: Option<Due>,
    pub(super) ext: Option<Due>,
    pub(super) history: Vec<Entry>,
    pub(super) extensions: Vec<Extension>,
    /// Whether any row in force during the chain set this metric.
    pub(super) had_target: bool,
    /// Whether an extension applied (with a target in force); kept in
    /// summaries too, where `extensions` stays empty.
    pub(super) applied: bool,
}

/// One due-history entry before resolution: (point or extension instant,
/// cause, category, priority, target, due with extensions, due without).
pub(super) type Entry = (
    i64,
    DueCause,
    Option<Category>,
    Option<Priority>,
    Option<i64>,
    Option<Due>,
    Option<Due>,
);

impl Ctx<'_> {
    /// The due chain of a clock starting at `seg` (`C(seg) = c0`), using the
    /// change points in force at `seg` and those in `(seg, until)`.
    pub(super) fn chain(
        &self,
        line: &Line,
        metric: Metric,
        seg: i64,
        c0: i64,
        until: i64,
        exts: &[&Extension],
    ) -> Result<Chain> {
        let first = self.points.partition_point(|p| p.at <= seg).max(1) - 1;
        let mut ch = self.chain_start(metric, seg, c0, first, exts.len());
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
                self.apply_point(&mut ch, line, metric, c0, p)?;
            } else {
                let e = next_ext
                    .copied()
                    .ok_or_else(|| Error::new(ErrorKind::Conflict, "extension"))?;
                ei += 1;
                self.apply_extension(&mut ch, line, e)?;
            }
        }
        Ok(ch)
    }

    /// The chain at `seg`, from the change point `first` in force then.
    fn chain_start(&self, metric: Metric, seg: i64, c0: i64, first: usize, n_ext: usize) -> Chain {
        let p0 = self.points[first];
        let t0 = column(metric)(self.reg.sla_target(p0.category, p0.priority));
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
                .reserve_exact(1 + self.points.len() - first + n_ext);
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
        ch
    }

    /// A change of (category, priority) at `p`.
    fn apply_point(
        &self,
        ch: &mut Chain,
        line: &Line,
        metric: Metric,
        c0: i64,
        p: Point,
    ) -> Result<()> {
        let rule = self.reg.spec().priority_change;
        let t1 = column(metric)(self.reg.sla_target(p.category, p.priority));
        if t1 != ch.target {
            let c = p.at;
            let (orig, t_after) = self.rule(line, rule, c, c0, ch.target, t1, ch.orig, 0)?;
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
        Ok(())
    }

    /// An agreed extension `e` (nothing while no target is in force).
    fn apply_extension(&self, ch: &mut Chain, line: &Line, e: &Extension) -> Result<()> {
        if ch.target.is_none() {
            return Ok(());
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
            return Ok(());
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
        Ok(())
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
