//! The consumed-time line of one clock: `C(t) = W(start, t) - W(P ∩ [start, t))`
//! where `W` is the calendar's working time and `P` the union of the
//! intervals that stop the clock. Both `C(t)` and its inverse (the earliest
//! instant at which `C` reaches a level) cost one calendar lookup plus a
//! binary search over the pauses, whatever the span.
//!
//! Indexing stays in bounds: `merge` writes at `w - 1` only when `w > 0` and at `w <= i`;
//! `stops[k - 1]` follows a `k == 0` check on a `partition_point` result.
//! Levels and instants come bounded (instants range-checked by the
//! calendar, targets and extensions by `regulation::MAX_SECONDS`).
#![allow(clippy::indexing_slicing)]

use super::cache::Caches;
use crate::error::Result;
use crate::Calendar;

/// An instant that never comes: the end of a pause still open at `now`.
pub(crate) const OPEN: i64 = i64::MAX;

#[derive(Debug, Clone, Copy)]
struct Stop {
    /// Start of the merged pause.
    a: i64,
    /// End of the merged pause, [`OPEN`] while it lasts.
    b: i64,
    /// `C(a)`: consumed time when the pause starts.
    ca: i64,
    /// Working time in all pauses before this one and this one (`F(b) - F(a)`
    /// summed), as far as it is known (an open pause adds nothing).
    paused_through: i64,
}

/// The consumed-time line (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct Line<'c> {
    cal: &'c Calendar,
    /// Which of the regulation's calendars `cal` is (`Regulation::calendar_index`).
    cal_index: usize,
    caches: &'c Caches,
    start: i64,
    f_start: i64,
    stops: Vec<Stop>,
}

/// Sorts and merges `[a, b)` intervals in place (touching ones joined,
/// empty ones dropped); returns how many remain at the front.
pub(crate) fn merge(raw: &mut [(i64, i64)]) -> usize {
    raw.sort_unstable();
    let mut w = 0;
    for i in 0..raw.len() {
        let (a, b) = raw[i];
        if b <= a {
            continue;
        }
        if w > 0 && a <= raw[w - 1].1 {
            raw[w - 1].1 = raw[w - 1].1.max(b);
        } else {
            raw[w] = (a, b);
            w += 1;
        }
    }
    w
}

impl<'c> Line<'c> {
    /// A line from `start` stopped by `pauses` (merged, sorted, `b == OPEN`
    /// for an open one); parts before `start` are dropped.
    pub(crate) fn new(
        (cal, cal_index): (&'c Calendar, usize),
        caches: &'c Caches,
        start: i64,
        pauses: &[(i64, i64)],
    ) -> Result<Line<'c>> {
        let f_start = caches.work_index(cal, start)?;
        let mut stops = Vec::with_capacity(pauses.len());
        let mut paused = 0i64;
        for &(a, b) in pauses {
            if b <= start {
                continue;
            }
            let a = a.max(start);
            let fa = caches.work_index(cal, a)?;
            let ca = fa - f_start - paused;
            if b != OPEN {
                paused += caches.work_index(cal, b)? - fa;
            }
            stops.push(Stop {
                a,
                b,
                ca,
                paused_through: paused,
            });
            if b == OPEN {
                break;
            }
        }
        Ok(Line {
            cal,
            cal_index,
            caches,
            start,
            f_start,
            stops,
        })
    }

    /// `C(t)`: working seconds counted in `[start, t)`, 0 before the start.
    pub(crate) fn consumed(&self, t: i64) -> Result<i64> {
        if t <= self.start {
            return Ok(0);
        }
        let k = self.stops.partition_point(|s| s.a <= t);
        if k == 0 {
            return Ok(self.caches.work_index(self.cal, t)? - self.f_start);
        }
        let s = self.stops[k - 1];
        if t < s.b {
            return Ok(s.ca);
        }
        Ok(self.caches.work_index(self.cal, t)? - self.f_start - s.paused_through)
    }

    /// The earliest instant `u` with `C(u) >= level`; `None` when the level
    /// lies beyond a pause that is still open (the instant is not known yet).
    pub(crate) fn instant_at(&self, level: i64) -> Result<Option<i64>> {
        if level <= 0 {
            return Ok(Some(self.start));
        }
        // the first pause by whose start the level is reached
        let k = self.stops.partition_point(|s| s.ca < level);
        let paused_before = if k == 0 {
            0
        } else {
            self.stops[k - 1].paused_through
        };
        if k == self.stops.len() && self.stops.last().is_some_and(|s| s.b == OPEN) {
            return Ok(None);
        }
        let u = self
            .caches
            .at_work_index(self.cal, self.f_start + paused_before + level)?;
        Ok(Some(u))
    }

    /// Whether the line was built from exactly these merged pauses.
    /// Which of the regulation's calendars the line counts on.
    pub(crate) fn calendar_index(&self) -> usize {
        self.cal_index
    }

    pub(crate) fn has_stops(&self, pauses: &[(i64, i64)]) -> bool {
        // pauses ending before the start were dropped: compare the rest
        let kept = pauses.iter().filter(|&&(_, b)| b > self.start);
        self.stops.len() == kept.clone().count()
            && self
                .stops
                .iter()
                .zip(kept)
                .all(|(s, &(a, b))| s.a == a.max(self.start) && s.b == b)
    }

    /// The start of the pause still open at `now`, if any.
    pub(crate) fn open_pause_since(&self) -> Option<i64> {
        self.stops.last().filter(|s| s.b == OPEN).map(|s| s.a)
    }

    /// `C` past the last pause's start, as `(f_base, frozen)`: for any `t`
    /// at or after the start of every pause (and the end of every closed
    /// one), `C(t)` is `frozen` while the last pause is open, else
    /// `F(t) - f_base`.
    pub(crate) fn tail(&self) -> (i64, Option<i64>) {
        match self.stops.last() {
            None => (self.f_start, None),
            Some(s) if s.b == OPEN => (self.f_start, Some(s.ca)),
            Some(s) => (self.f_start + s.paused_through, None),
        }
    }

    /// The calendar's `F(t)` (working seconds from its origin to `t`).
    pub(crate) fn f(&self, t: i64) -> Result<i64> {
        self.caches.work_index(self.cal, t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instant::parse;

    fn t(s: &str) -> i64 {
        parse(s).unwrap().timestamp()
    }

    #[test]
    fn merge_joins_touching_and_overlapping() {
        let mut v = vec![(5, 7), (1, 3), (3, 4), (6, 9), (10, 10)];
        let n = merge(&mut v);
        assert_eq!(v[..n], [(1, 4), (5, 9)]);
    }

    #[test]
    fn consumed_and_inverse_agree_with_pauses() {
        let cal = Calendar::default_kyiv();
        // Monday 2026-03-02 10:00 Kyiv; pause 11:00–13:00; open pause from Tuesday 12:00
        let start = t("2026-03-02T10:00:00+02:00");
        let pauses = [
            (
                t("2026-03-02T11:00:00+02:00"),
                t("2026-03-02T13:00:00+02:00"),
            ),
            (t("2026-03-03T12:00:00+02:00"), OPEN),
        ];
        let caches = Caches::default();
        let line = Line::new((&cal, 0), &caches, start, &pauses).unwrap();
        assert_eq!(line.consumed(t("2026-03-02T12:00:00+02:00")).unwrap(), 3600);
        assert_eq!(line.consumed(t("2026-03-02T14:00:00+02:00")).unwrap(), 7200);
        // Monday: 1 h + 5 h = 6 h; Tuesday 09–12: 3 h; then paused
        assert_eq!(
            line.consumed(t("2026-03-04T12:00:00+02:00")).unwrap(),
            9 * 3600
        );
        assert_eq!(
            line.instant_at(3600).unwrap(),
            Some(t("2026-03-02T11:00:00+02:00"))
        );
        assert_eq!(
            line.instant_at(3601).unwrap(),
            Some(t("2026-03-02T13:00:01+02:00"))
        );
        assert_eq!(
            line.instant_at(6 * 3600).unwrap(),
            Some(t("2026-03-02T18:00:00+02:00"))
        );
        assert_eq!(
            line.instant_at(9 * 3600).unwrap(),
            Some(t("2026-03-03T12:00:00+02:00"))
        );
        assert_eq!(line.instant_at(9 * 3600 + 1).unwrap(), None);
        assert_eq!(
            line.open_pause_since(),
            Some(t("2026-03-03T12:00:00+02:00"))
        );
    }
}
