//! The working-time arithmetic: a cumulative function `F(t)` (working seconds
//! from an origin up to instant `t`) evaluated in O(1) whatever the span.
//!
//! Time is cut into *pieces*. A **window** is a few days around anything
//! irregular (a holiday, an extra working day, a UTC-offset change); inside a
//! window the working intervals are computed exactly, shift by shift, with
//! "compatible" local-time disambiguation, and stored with prefix sums. A
//! **stretch** is the time between two windows: the UTC offset is constant
//! there and every day follows the weekly template, so `F` is a closed form
//! over the template's prefix sums. `elapsed` is `F(b) - F(a)`; `add` and
//! `sub` invert `F`. The piece of an instant, or of a value of `F`, comes
//! from a jump table (one entry per few days of the range) and a step or two
//! forward; inside the piece, a binary search over one window or the
//! template. No operation loops over days.
//!
//! Indexing here stays in bounds by construction: `pieces` always holds the
//! origin piece (pushed first, never removed), and every piece index comes
//! from a count of pieces (`Jump::count_at_most`, at most `pieces.len()`)
//! minus one after `saturating_sub(1)` / `.max(1) - 1`, or from a hint
//! checked with `get`; a window's `ivals` and `cum` have the
//! same length and are indexed by `partition_point` results minus one
//! after a zero check; the template's `ivals`/`cum` likewise, and are only
//! searched when `total > 0` (so they are not empty). Instants are
//! range-checked (`check`) and durations bounded by the range before any
//! arithmetic, and working-time indexes outside the range are settled by
//! `level_outside`, which keeps the `i64` arithmetic far from overflow.
#![allow(clippy::indexing_slicing)]

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;

use super::zone::changes;
pub(crate) use super::zone::{local_to_instant, offset_at};

use super::spec::{Shift, DAY};
use crate::error::{Error, ErrorKind, Result};

/// Seconds in a week.
const WEEK: i64 = 7 * DAY;
/// Local seconds (since 1970-01-01T00:00 local) of Monday 1970-01-05 00:00.
const MONDAY: i64 = 4 * DAY;

/// The weekly template: merged working intervals in local seconds from
/// Monday 00:00, with prefix sums.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    /// Disjoint, sorted `[start, end)` within `[0, WEEK)`.
    ivals: Vec<(i64, i64)>,
    /// `cum[j]` = working seconds before interval `j`.
    cum: Vec<i64>,
    /// Working seconds per week.
    total: i64,
}

impl Template {
    pub(crate) fn new(week: &[Vec<Shift>; 7]) -> Template {
        let mut raw = Vec::new();
        for (d, shifts) in week.iter().enumerate() {
            for s in shifts {
                let start = d as i64 * DAY + i64::from(s.start().seconds());
                let end = d as i64 * DAY + s.end_offset();
                if end > WEEK {
                    raw.push((start, WEEK));
                    raw.push((0, end - WEEK));
                } else {
                    raw.push((start, end));
                }
            }
        }
        let ivals = merge(raw);
        let mut cum = Vec::with_capacity(ivals.len());
        let mut total = 0;
        for &(a, b) in &ivals {
            cum.push(total);
            total += b - a;
        }
        Template { ivals, cum, total }
    }

    /// Working local seconds in `[MONDAY, x)` (negative before it).
    fn g(&self, x: i64) -> i64 {
        let rel = x - MONDAY;
        let w = rel.div_euclid(WEEK);
        let p = rel.rem_euclid(WEEK);
        w * self.total + self.prefix(p)
    }

    fn prefix(&self, p: i64) -> i64 {
        // last interval starting at or before p
        let j = self.ivals.partition_point(|&(a, _)| a <= p);
        if j == 0 {
            return 0;
        }
        let (a, b) = self.ivals[j - 1];
        self.cum[j - 1] + p.min(b) - a
    }

    /// Earliest local `x` with `g(x) >= v`. Requires `total > 0`.
    fn earliest_at_least(&self, v: i64) -> i64 {
        let k = (v - 1).div_euclid(self.total); // so that r = v - k*total is in (0, total]
        let r = v - k * self.total;
        // first interval whose cumulative end reaches r
        let j = self.cum.partition_point(|&c| c < r).saturating_sub(1);
        MONDAY + k * WEEK + self.ivals[j].0 + (r - self.cum[j])
    }

    /// Latest local `x` with `g(x) <= v`. Requires `total > 0`.
    fn latest_at_most(&self, v: i64) -> i64 {
        let k = v.div_euclid(self.total); // r in [0, total)
        let r = v - k * self.total;
        let j = self.cum.partition_point(|&c| c <= r).saturating_sub(1);
        MONDAY + k * WEEK + self.ivals[j].0 + (r - self.cum[j])
    }
}

/// Sorts and merges overlapping or touching intervals, dropping empty ones.
fn merge(mut raw: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    raw.retain(|&(a, b)| b > a);
    raw.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(raw.len());
    for (a, b) in raw {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

#[derive(Debug, Clone)]
enum Kind {
    /// Constant UTC offset (seconds east), the template applies.
    Stretch { offset: i64, g_start: i64 },
    /// Exact intervals with prefix sums.
    Window {
        ivals: Vec<(i64, i64)>,
        cum: Vec<i64>,
    },
}

#[derive(Debug, Clone)]
struct Piece {
    start: i64,
    f_start: i64,
    kind: Kind,
}

/// What a local date contributes: its shifts (none on a holiday).
pub(crate) trait DayRules {
    /// The shifts that start on `date`.
    fn shifts(&self, date: NaiveDate) -> &[Shift];
    /// Dates on which the rules differ from the plain weekly template.
    fn exception_dates(&self) -> Vec<NaiveDate>;
}

/// The compiled arithmetic of one calendar.
#[derive(Debug, Clone)]
pub(crate) struct Engine {
    tz: Tz,
    template: Template,
    pieces: Vec<Piece>,
    /// Supported instants: `[lo, hi]`.
    lo: i64,
    hi: i64,
    /// `F(lo)` and `F(hi)`, asked on every inverse lookup.
    f_lo: i64,
    f_hi: i64,
    /// Finds the piece of an instant without a binary search.
    by_start: Jump,
    /// Finds the piece of a working-time value without a binary search.
    by_value: Jump,
}

/// A jump table over a non-decreasing key of the pieces (their start, or
/// `F` at their start): `at[k]` is the number of pieces whose key is at or
/// below `base + k * 2^shift`. A search for `x` starts at the entry of its
/// bucket and steps forward over the few pieces that begin inside it, in
/// place of a binary search over thousands of pieces (the UA calendars hold
/// a window around every holiday and clock change from 1991 to 2100).
#[derive(Debug, Clone, Default)]
struct Jump {
    base: i64,
    shift: u32,
    at: Vec<u32>,
}

/// At most this many buckets (a few tens of kilobytes per calendar).
const JUMP_BUCKETS: u64 = 8192;

impl Jump {
    /// The table of `key` over `pieces` for keys from `lo` to `hi`.
    fn new(pieces: &[Piece], key: fn(&Piece) -> i64, lo: i64, hi: i64) -> Jump {
        let span = hi.saturating_sub(lo).max(1).unsigned_abs();
        // the smallest bucket width 2^shift with at most JUMP_BUCKETS buckets
        let shift = (u64::BITS - (span / JUMP_BUCKETS).leading_zeros()).min(62);
        let buckets = (span >> shift) + 1;
        let mut at = Vec::with_capacity(usize::try_from(buckets).unwrap_or(0));
        let mut i = 0usize;
        for k in 0..buckets {
            let x = lo.saturating_add(((k as i64) << shift).min(i64::MAX / 2));
            while pieces.get(i).is_some_and(|p| key(p) <= x) {
                i += 1;
            }
            at.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
        Jump {
            base: lo,
            shift,
            at,
        }
    }

    /// The number of pieces whose key is at or below `x`, i.e.
    /// `pieces.partition_point(|p| key(p) <= x)`.
    #[inline(always)]
    fn count_at_most(&self, pieces: &[Piece], key: impl Fn(&Piece) -> i64, x: i64) -> usize {
        let from = match x.checked_sub(self.base) {
            Some(d) if d >= 0 => {
                let k = usize::try_from(d >> self.shift).unwrap_or(usize::MAX);
                self.at.get(k).or(self.at.last()).map_or(0, |&i| i as usize)
            }
            _ => 0,
        };
        let mut i = from;
        while pieces.get(i).is_some_and(|p| key(p) <= x) {
            i += 1;
        }
        i
    }
}

#[inline(always)]
fn start_of(p: &Piece) -> i64 {
    p.start
}

#[inline(always)]
fn value_of(p: &Piece) -> i64 {
    p.f_start
}

/// Days since 1970-01-01 of a date.
pub(crate) fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - 719_163
}

/// The date of a day number.
pub(crate) fn date_of(n: i64) -> Option<NaiveDate> {
    i32::try_from(n + 719_163)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// The exact instant intervals of the shifts that start on `date`.
pub(crate) fn day_intervals(
    tz: Tz,
    rules: &dyn DayRules,
    date: NaiveDate,
    out: &mut Vec<(i64, i64)>,
) {
    let base = day_number(date) * DAY;
    for s in rules.shifts(date) {
        let a = local_to_instant(tz, base + i64::from(s.start().seconds()));
        let b = local_to_instant(tz, base + s.end_offset());
        if let (Some(a), Some(b)) = (a, b) {
            if b > a {
                out.push((a, b));
            }
        }
    }
}

impl Engine {
    /// Compiles the arithmetic for instants in `[lo, hi]`.
    pub(crate) fn new(
        tz: Tz,
        week: &[Vec<Shift>; 7],
        rules: &dyn DayRules,
        lo: i64,
        hi: i64,
    ) -> Engine {
        let template = Template::new(week);
        // 1. Raw windows: around each exception date and each offset change.
        let mut raw: Vec<(i64, i64)> = Vec::new();
        for d in rules.exception_dates() {
            let t = day_number(d) * DAY;
            if t + 4 * DAY >= lo && t - 2 * DAY <= hi {
                raw.push((t - 2 * DAY, t + 4 * DAY));
            }
        }
        let first_day = lo.div_euclid(DAY) - 4;
        let last_day = hi.div_euclid(DAY) + 4;
        // Offset changes, from the zone table: a change at `t` in
        // `(first_day, last_day]` (day boundaries, UTC) is first seen at the
        // boundary of day `d`, and gets the window of days `d - 4 .. d + 3`.
        for t in changes(tz, first_day * DAY, last_day * DAY) {
            let d = t.div_euclid(DAY) + i64::from(t.rem_euclid(DAY) != 0);
            raw.push(((d - 4) * DAY, (d + 3) * DAY));
        }
        let windows = merge(raw);

        // 2. Pieces: stretch, window, stretch, ... with F continuous.
        let mut pieces = Vec::with_capacity(windows.len() * 2 + 1);
        let origin = first_day * DAY;
        let off0 = offset_at(tz, origin);
        pieces.push(Piece {
            start: origin,
            f_start: 0,
            kind: Kind::Stretch {
                offset: off0,
                g_start: template.g(origin + off0),
            },
        });
        let mut scratch = Vec::new();
        for (ws, we) in windows {
            // the origin piece was pushed above: `last` is never `None`
            let f_ws = pieces.last().map_or(0, |p| Self::f_in(&template, p, ws));
            // every shift that can touch [ws, we): shifts start at most a day
            // and a half before in local time, offsets are within +-26 h
            scratch.clear();
            let d0 = ws.div_euclid(DAY) - 3;
            let d1 = we.div_euclid(DAY) + 2;
            for n in d0..=d1 {
                if let Some(date) = date_of(n) {
                    day_intervals(tz, rules, date, &mut scratch);
                }
            }
            let clipped: Vec<(i64, i64)> = scratch
                .iter()
                .map(|&(a, b)| (a.max(ws), b.min(we)))
                .collect();
            let ivals = merge(clipped);
            let mut cum = Vec::with_capacity(ivals.len());
            let mut total = 0;
            for &(a, b) in &ivals {
                cum.push(total);
                total += b - a;
            }
            pieces.push(Piece {
                start: ws,
                f_start: f_ws,
                kind: Kind::Window { ivals, cum },
            });
            let off = offset_at(tz, we);
            pieces.push(Piece {
                start: we,
                f_start: f_ws + total,
                kind: Kind::Stretch {
                    offset: off,
                    g_start: template.g(we + off),
                },
            });
        }
        let mut engine = Engine {
            tz,
            template,
            pieces,
            lo,
            hi,
            f_lo: 0,
            f_hi: 0,
            by_start: Jump::default(),
            by_value: Jump::default(),
        };
        engine.by_start = Jump::new(&engine.pieces, start_of, lo, hi);
        engine.f_lo = engine.f(lo);
        engine.f_hi = engine.f(hi);
        engine.by_value = Jump::new(&engine.pieces, value_of, engine.f_lo, engine.f_hi);
        engine
    }

    /// The time zone.
    pub(crate) fn tz(&self) -> Tz {
        self.tz
    }

    /// The supported instants, inclusive.
    pub(crate) fn range(&self) -> (i64, i64) {
        (self.lo, self.hi)
    }

    fn f_in(template: &Template, p: &Piece, t: i64) -> i64 {
        match &p.kind {
            Kind::Stretch { offset, g_start } => p.f_start + template.g(t + offset) - g_start,
            Kind::Window { ivals, cum } => {
                let j = ivals.partition_point(|&(a, _)| a <= t);
                if j == 0 {
                    p.f_start
                } else {
                    let (a, b) = ivals[j - 1];
                    p.f_start + cum[j - 1] + t.min(b) - a
                }
            }
        }
    }

    fn piece_index(&self, t: i64) -> usize {
        self.by_start
            .count_at_most(&self.pieces, start_of, t)
            .saturating_sub(1)
    }

    /// The first piece whose `F` at its start reaches `v`
    /// (`partition_point(|p| p.f_start < v)`).
    fn first_reaching(&self, v: i64) -> usize {
        match v.checked_sub(1) {
            Some(x) => self.by_value.count_at_most(&self.pieces, value_of, x),
            None => 0,
        }
    }

    fn check(&self, t: i64, what: &str) -> Result<()> {
        if t < self.lo || t > self.hi {
            return Err(self.range_error(what, t));
        }
        Ok(())
    }

    fn range_error(&self, what: &str, t: i64) -> Error {
        let show = |x: i64| {
            chrono::DateTime::from_timestamp(x, 0)
                .map(crate::instant::format)
                .unwrap_or_else(|| x.to_string())
        };
        Error::out_of_range(format!(
            "{what} {} is outside the range this calendar supports, {} to {}",
            show(t),
            show(self.lo),
            show(self.hi)
        ))
    }

    /// `F(t)`: working seconds from the origin to `t`.
    fn f(&self, t: i64) -> i64 {
        Self::f_in(&self.template, &self.pieces[self.piece_index(t)], t)
    }

    /// Earliest instant `u` with `F(u) >= v`; `None` when there is none.
    fn earliest_at_least(&self, v: i64) -> Option<i64> {
        // the first piece whose end value reaches v (F is continuous)
        let m = self.first_reaching(v);
        self.earliest_in(m.max(1) - 1, v)
    }

    /// Whether piece `i` is the one [`earliest_at_least`] searches for `v`.
    fn holds_value(&self, i: usize, v: i64) -> bool {
        (i == 0 || self.pieces.get(i).is_some_and(|p| p.f_start < v))
            && self.pieces.get(i + 1).map_or(true, |n| n.f_start >= v)
    }

    /// Earliest instant `u` with `F(u) >= v` inside piece `i`.
    fn earliest_in(&self, i: usize, v: i64) -> Option<i64> {
        let p = &self.pieces[i];
        match &p.kind {
            Kind::Stretch { offset, g_start } => (self.template.total > 0)
                .then(|| self.template.earliest_at_least(v - p.f_start + g_start) - offset),
            Kind::Window { ivals, cum } => {
                let r = v - p.f_start;
                if r <= 0 {
                    return Some(p.start);
                }
                // the interval j with cum[j] < r <= cum[j] + len[j]
                let j = cum.partition_point(|&c| c < r).checked_sub(1)?;
                let (a, b) = ivals[j];
                (r - cum[j] <= b - a).then_some(a + (r - cum[j]))
            }
        }
    }

    /// Latest instant `u` with `F(u) <= v`; `None` when there is none.
    fn latest_at_most(&self, v: i64) -> Option<i64> {
        // the last piece starting at or below v: its end value is above v
        let i = self
            .by_value
            .count_at_most(&self.pieces, value_of, v)
            .checked_sub(1)?;
        let p = &self.pieces[i];
        match &p.kind {
            Kind::Stretch { offset, g_start } => (self.template.total > 0)
                .then(|| self.template.latest_at_most(v - p.f_start + g_start) - offset),
            Kind::Window { ivals, cum } => {
                let r = v - p.f_start;
                let j = cum.partition_point(|&c| c <= r).checked_sub(1)?;
                Some(ivals[j].0 + (r - cum[j]))
            }
        }
    }

    fn exhausted(&self) -> Error {
        Error::new(
            ErrorKind::NoWorkingTime,
            "the calendar has no more working time in that direction within its supported range",
        )
    }

    /// Working seconds in `[a, b)`, negative when `b < a`.
    pub(crate) fn elapsed(&self, a: i64, b: i64) -> Result<i64> {
        self.check(a, "instant")?;
        self.check(b, "instant")?;
        Ok(self.f(b) - self.f(a))
    }

    /// The earliest `u >= t` with `elapsed(t, u) >= d` (for `d < 0`: `sub(t, -d)`).
    pub(crate) fn add(&self, t: i64, d: i64) -> Result<i64> {
        self.check(t, "instant")?;
        if d < 0 {
            return self.sub(
                t,
                d.checked_neg()
                    .ok_or_else(|| Error::out_of_range("duration is too large"))?,
            );
        }
        if d == 0 {
            return Ok(t);
        }
        // No range holds more working seconds than wall seconds: refusing
        // longer durations here also keeps the template arithmetic in i64.
        if d > self.hi - self.lo {
            return Err(Error::out_of_range("duration is too large"));
        }
        let i = self.piece_index(t);
        let v = Self::f_in(&self.template, &self.pieces[i], t)
            .checked_add(d)
            .ok_or_else(|| Error::out_of_range("duration is too large"))?;
        let u = self.earliest_at_least(v).ok_or_else(|| self.exhausted())?;
        if u > self.hi {
            return Err(self.range_error("the result", u));
        }
        Ok(u)
    }

    /// The latest `u <= t` with `elapsed(u, t) >= d` (for `d < 0`: `add(t, -d)`).
    pub(crate) fn sub(&self, t: i64, d: i64) -> Result<i64> {
        self.check(t, "instant")?;
        if d < 0 {
            return self.add(
                t,
                d.checked_neg()
                    .ok_or_else(|| Error::out_of_range("duration is too large"))?,
            );
        }
        if d == 0 {
            return Ok(t);
        }
        if d > self.hi - self.lo {
            return Err(Error::out_of_range("duration is too large"));
        }
        let v = self
            .f(t)
            .checked_sub(d)
            .ok_or_else(|| Error::out_of_range("duration is too large"))?;
        let u = match self.latest_at_most(v) {
            Some(u) => u,
            None => return Err(self.exhausted()),
        };
        if u < self.lo {
            return Err(self.range_error("the result", u));
        }
        Ok(u)
    }

    /// `F(t)`, range-checked.
    pub(crate) fn work_index(&self, t: i64) -> Result<i64> {
        self.check(t, "instant")?;
        Ok(self.f(t))
    }

    /// `F(t)`, range-checked, starting the search from the piece `hint`
    /// (the piece found is written back): instants that follow one another
    /// closely skip the binary search.
    pub(crate) fn work_index_near(&self, t: i64, hint: &std::cell::Cell<usize>) -> Result<i64> {
        self.check(t, "instant")?;
        let h = hint.get();
        let fits = self.pieces.get(h).is_some_and(|p| p.start <= t)
            && self.pieces.get(h + 1).map_or(true, |n| t < n.start);
        let i = if fits {
            h
        } else {
            let i = self.piece_index(t);
            hint.set(i);
            i
        };
        Ok(Self::f_in(&self.template, &self.pieces[i], t))
    }

    /// Settles the levels no instant of the supported range answers,
    /// before any arithmetic on them (an index near `i64::MIN` or `MAX`
    /// would overflow the template's): at or below `F(lo)` the answer is
    /// `lo`; above `F(hi)` there is none in the range. `None`: search.
    fn level_outside(&self, v: i64) -> Option<Result<i64>> {
        if v <= self.f_lo {
            return Some(Ok(self.lo));
        }
        if v > self.f_hi {
            return Some(Err(if self.template.total > 0 {
                Error::out_of_range(format!(
                    "working-time index {v} is reached only after the range this calendar supports"
                ))
            } else {
                self.exhausted()
            }));
        }
        None
    }

    /// [`at_work_index`](Engine::at_work_index) starting from the piece `hint`.
    pub(crate) fn at_work_index_near(&self, v: i64, hint: &std::cell::Cell<usize>) -> Result<i64> {
        if let Some(r) = self.level_outside(v) {
            return r;
        }
        let h = hint.get();
        let i = if self.holds_value(h, v) {
            h
        } else {
            let i = self.first_reaching(v).max(1) - 1;
            hint.set(i);
            i
        };
        let u = self.earliest_in(i, v).ok_or_else(|| self.exhausted())?;
        if u > self.hi {
            return Err(self.range_error("the result", u));
        }
        Ok(u.max(self.lo))
    }

    /// The earliest supported `u` with `F(u) >= v`, range-checked.
    pub(crate) fn at_work_index(&self, v: i64) -> Result<i64> {
        if let Some(r) = self.level_outside(v) {
            return r;
        }
        let u = self.earliest_at_least(v).ok_or_else(|| self.exhausted())?;
        if u > self.hi {
            return Err(self.range_error("the result", u));
        }
        Ok(u.max(self.lo))
    }

    /// Whether the second starting at `t` is working time.
    pub(crate) fn is_working(&self, t: i64) -> Result<bool> {
        self.check(t, "instant")?;
        Ok(self.f(t + 1) > self.f(t))
    }

    /// The earliest working instant at or after `t`.
    pub(crate) fn next_working(&self, t: i64) -> Result<i64> {
        Ok(self.add(t, 1)? - 1)
    }

    /// The exact working intervals inside `[a, b)`, in order, touching ones joined.
    pub(crate) fn intervals(&self, a: i64, b: i64) -> Result<Vec<(i64, i64)>> {
        self.check(a, "instant")?;
        self.check(b, "instant")?;
        let mut raw = Vec::new();
        if b <= a {
            return Ok(raw);
        }
        let first = self.piece_index(a);
        for (i, p) in self.pieces.iter().enumerate().skip(first) {
            if p.start >= b {
                break;
            }
            let lo = a.max(p.start);
            let hi = self.pieces.get(i + 1).map_or(b, |n| n.start.min(b));
            match &p.kind {
                Kind::Window { ivals, .. } => {
                    raw.extend(ivals.iter().map(|&(x, y)| (x.max(lo), y.min(hi))));
                }
                Kind::Stretch { offset, .. } => {
                    let mut week = (lo + offset - MONDAY).div_euclid(WEEK);
                    loop {
                        let base = MONDAY + week * WEEK - offset;
                        if base >= hi {
                            break;
                        }
                        raw.extend(
                            self.template
                                .ivals
                                .iter()
                                .map(|&(x, y)| ((base + x).max(lo), (base + y).min(hi))),
                        );
                        week += 1;
                    }
                }
            }
        }
        Ok(merge(raw))
    }
}
