//! UTC offsets of the IANA time zones from a compact generated table
//! (`zone/table.rs`, committed; `tools/zonegen` writes it), instead of
//! chrono-tz's `TimeZone` impl, so that a build (the WebAssembly one above
//! all) does not carry chrono-tz's data. `chrono_tz::Tz` stays the zone
//! identifier: only its enum index is used here.
//!
//! The table holds, per distinct history ("series"), the offset in force on
//! 1969-01-01 (`FROM`, a year before the first supported instant,
//! `calendar::MIN_INSTANT`) and every change after it (UTC instant, new total
//! offset). From `FROM` on it gives exactly chrono-tz's offsets: chrono-tz has
//! no change after 2099, so the offset after the last change holds for ever,
//! as in chrono-tz. Before `FROM` the table gives the offset in force at
//! `FROM`. Instants outside the supported range 1970–2100 are refused by the
//! arithmetic (`ErrorKind::OutOfRange`) before any lookup needs them; only
//! `Calendar::local_date` and `Calendar::local_to_instant`, which take any
//! instant or local time, see the extrapolated offset before 1969. Changes
//! are stored in blocks of `BLOCK`: an absolute instant (`ANCHORS`) then
//! deltas (whole days in `DAYS` plus `REMS[REM[j]]` seconds), so a lookup is
//! a binary search over the anchors and a walk of at most `BLOCK - 1` deltas.
//!
//! Regenerate the table with `scripts/zonegen.sh` after a chrono-tz update;
//! CI (`scripts/zonegen.sh --check`) fails when the committed table is stale.
//! With the `zone-filter` feature the table is `zone/table_slim.rs`: the
//! zones chrono-tz keeps under the slim WebAssembly build's
//! `CHRONO_TZ_TIMEZONE_FILTER` (written in its header).
//!
//! Every lookup uses `get`: an index out of the table ends the walk instead of
//! panicking (the generator makes the indexes consistent, and the tests walk
//! every series).

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;

/// One distinct offset history.
#[derive(Debug)]
struct Series {
    /// Index in `OFFSETS` of the offset before the first change.
    first: u16,
    /// Index in `DAYS` / `REM` / `OFFS` of the first change.
    start: u32,
    /// Number of changes.
    len: u32,
    /// Index in `ANCHORS` of the first block.
    anchor: u32,
}

#[cfg(not(feature = "zone-filter"))]
#[rustfmt::skip]
mod table;
#[cfg(feature = "zone-filter")]
#[rustfmt::skip]
#[path = "zone/table_slim.rs"]
mod table;

use table::{ANCHORS, BLOCK, DAYS, OFFS, OFFSETS, REM, REMS, SERIES, ZONES, ZONE_SERIES};
#[cfg(test)]
use table::{FROM, NAMES};

/// Margin (seconds) around a local time that holds every span it can fall in:
/// offsets are below a day (checked by the generator).
const MARGIN: i64 = 2 * 86_400;

// The table has a row per zone of the generator's chrono-tz: all the zones,
// or (feature `zone-filter`) the ones the slim filter keeps. With as many
// rows as the runtime chrono-tz has zones, the two lists are the same, in
// the same (sorted) order (the test `every_zone_has_a_series` compares the
// names). Checked at compile time: a runtime chrono-tz filtered without
// `zone-filter`, or with another filter than the slim table's, does not build
// (regenerate `table_slim.rs` for that filter: scripts/zonegen.sh).
const _: fn() -> &'static [Tz; ZONES] = || &chrono_tz::TZ_VARIANTS;

/// The series of a zone: row `tz as usize` (see above); `None` cannot happen.
fn series(tz: Tz) -> Option<&'static Series> {
    SERIES.get(usize::from(*ZONE_SERIES.get(tz as usize)?))
}

fn offset_value(i: u16) -> i64 {
    OFFSETS.get(usize::from(i)).map_or(0, |&o| i64::from(o))
}

/// A span of a series: `[start, end)` in UTC with one offset. Span `k` is
/// the time after change `k - 1` (span 0 begins at `i64::MIN`).
struct Span {
    s: &'static Series,
    k: usize,
    start: i64,
}

impl Span {
    /// The span holding instant `t`.
    fn at(s: &'static Series, t: i64) -> Span {
        let nb = (s.len as usize).div_ceil(BLOCK);
        let anchors = ANCHORS
            .get(s.anchor as usize..s.anchor as usize + nb)
            .unwrap_or(&[]);
        let b = anchors.partition_point(|&a| a <= t);
        let Some(&first) = b.checked_sub(1).and_then(|i| anchors.get(i)) else {
            return Span {
                s,
                k: 0,
                start: i64::MIN,
            };
        };
        let mut span = Span {
            s,
            k: (b - 1) * BLOCK + 1,
            start: first,
        };
        while span.k % BLOCK != 0 && span.end() <= t {
            span.start = span.end();
            span.k += 1;
        }
        span
    }

    /// The offset (seconds east) in force during the span.
    fn offset(&self) -> i64 {
        let i = match self.k.checked_sub(1) {
            None => Some(self.s.first),
            Some(j) => OFFS.get(self.s.start as usize + j).copied(),
        };
        i.map_or(0, offset_value)
    }

    /// The instant the span ends (`i64::MAX` for the last one).
    fn end(&self) -> i64 {
        let k = self.k;
        if k >= self.s.len as usize {
            return i64::MAX;
        }
        let next = if k % BLOCK == 0 {
            ANCHORS.get(self.s.anchor as usize + k / BLOCK).copied()
        } else {
            let j = self.s.start as usize + k;
            match (
                DAYS.get(j),
                REM.get(j).and_then(|&r| REMS.get(usize::from(r))),
            ) {
                (Some(&d), Some(&r)) => Some(
                    self.start
                        .saturating_add(i64::from(d) * 86_400 + i64::from(r)),
                ),
                _ => None,
            }
        };
        next.unwrap_or(i64::MAX)
    }

    /// Moves to the next span; `false` after the last one.
    fn advance(&mut self) -> bool {
        let end = self.end();
        if end == i64::MAX {
            return false;
        }
        self.start = end;
        self.k += 1;
        true
    }
}

/// The UTC offset (seconds east) of `tz` at instant `t` (seconds since the
/// Unix epoch), as chrono-tz gives it; 0 for an instant chrono cannot
/// represent.
pub(crate) fn offset_at(tz: Tz, t: i64) -> i64 {
    if DateTime::from_timestamp(t, 0).is_none() {
        return 0;
    }
    series(tz).map_or(0, |s| Span::at(s, t).offset())
}

/// The instants in `(from, to]` where the UTC offset of `tz` changes, in
/// order.
pub(crate) fn changes(tz: Tz, from: i64, to: i64) -> Vec<i64> {
    let mut out = Vec::new();
    if let Some(s) = series(tz) {
        let mut span = Span::at(s, from);
        while span.advance() && span.start <= to {
            out.push(span.start);
        }
    }
    out
}

/// Maps a local wall-clock time (seconds since 1970-01-01T00:00 local) to an
/// instant with "compatible" disambiguation, as chrono-tz's
/// `offset_from_local_datetime` and `GapInfo` give it: a time held by one
/// span maps through its offset, an ambiguous time takes the earlier
/// instant, a time in a gap moves forward by the gap (maps through the
/// offset before it). `None` for a time chrono cannot represent.
pub(crate) fn local_to_instant(tz: Tz, local: i64) -> Option<i64> {
    DateTime::UNIX_EPOCH
        .naive_utc()
        .checked_add_signed(TimeDelta::try_seconds(local)?)?;
    let s = series(tz)?;
    // Spans are at least six days long and offsets below a day, so the
    // local spans are in order, and at most two hold `local`.
    let mut span = Span::at(s, local.saturating_sub(MARGIN));
    let mut held: Option<i64> = None;
    let mut before: Option<i64> = None;
    loop {
        let off = span.offset();
        let (a, b) = (
            span.start.saturating_add(off),
            span.end().saturating_add(off),
        );
        if a > local {
            break;
        }
        if local < b {
            // the earlier instant of two is the one with the larger offset
            let t = local - off;
            held = Some(held.map_or(t, |h| h.min(t)));
        } else {
            before = Some(off);
        }
        if !span.advance() {
            break;
        }
    }
    held.or_else(|| before.map(|off| local - off))
}

/// The local wall-clock time of `t` in `tz`.
pub(crate) fn local_datetime(tz: Tz, t: DateTime<Utc>) -> NaiveDateTime {
    let utc = t.naive_utc();
    utc.checked_add_signed(TimeDelta::seconds(offset_at(tz, t.timestamp())))
        .unwrap_or(utc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{LocalResult, Offset, TimeZone};
    use proptest::prelude::*;

    /// The chrono-tz implementation this module replaces: the reference.
    fn ref_local_to_instant(tz: Tz, local: i64) -> Option<i64> {
        let ndt = DateTime::UNIX_EPOCH
            .naive_utc()
            .checked_add_signed(TimeDelta::try_seconds(local)?)?;
        match tz.offset_from_local_datetime(&ndt) {
            LocalResult::Single(o) => Some(local - i64::from(o.fix().local_minus_utc())),
            LocalResult::Ambiguous(a, b) => {
                let (x, y) = (
                    local - i64::from(a.fix().local_minus_utc()),
                    local - i64::from(b.fix().local_minus_utc()),
                );
                Some(x.min(y))
            }
            LocalResult::None => {
                let gap = chrono_tz::GapInfo::new(&ndt, &tz)?;
                let (_, before) = gap.begin?;
                Some(local - i64::from(before.fix().local_minus_utc()))
            }
        }
    }

    fn ref_offset_at(tz: Tz, t: i64) -> i64 {
        match DateTime::from_timestamp(t, 0) {
            Some(dt) => i64::from(
                tz.offset_from_utc_datetime(&dt.naive_utc())
                    .fix()
                    .local_minus_utc(),
            ),
            None => 0,
        }
    }

    /// Compares the table with chrono-tz where the table is exact: an
    /// instant from `FROM` on, a local time from `FROM + MARGIN` on. Before
    /// that the table gives the offset in force at `FROM` (a local time
    /// maps through it); in the two days around `FROM` a local time only has
    /// to map.
    fn check(tz: Tz, t: i64) {
        let first = ref_offset_at(tz, FROM);
        let representable = DateTime::from_timestamp(t, 0).is_some();
        let want = if t >= FROM || !representable {
            ref_offset_at(tz, t)
        } else {
            first
        };
        assert_eq!(offset_at(tz, t), want, "{} offset at {t}", tz.name());
        let local_ok = TimeDelta::try_seconds(t)
            .and_then(|d| DateTime::UNIX_EPOCH.naive_utc().checked_add_signed(d))
            .is_some();
        let got = local_to_instant(tz, t);
        if t >= FROM + MARGIN || !local_ok {
            assert_eq!(got, ref_local_to_instant(tz, t), "{} local {t}", tz.name());
        } else if t < FROM - MARGIN {
            assert_eq!(got, Some(t - first), "{} local {t}", tz.name());
        } else {
            assert!(got.is_some(), "{} local {t}", tz.name());
        }
    }

    // The table is exact over the supported range and the days around it
    // that a compiled calendar reads (it starts four days early and maps
    // shifts up to a week and a half before its first window).
    const _: () = assert!(FROM + MARGIN <= crate::calendar::MIN_INSTANT - 60 * 86_400);

    /// Every change of a series, walked span by span.
    fn walk(s: &'static Series) -> Vec<(i64, i64)> {
        let mut out = Vec::new();
        let mut span = Span::at(s, i64::MIN);
        while span.advance() {
            out.push((span.start, span.offset()));
        }
        out
    }

    /// Instants far outside the table, up to and beyond chrono's limits.
    fn far() -> Vec<i64> {
        let (lo, hi) = (
            DateTime::<Utc>::MIN_UTC.timestamp(),
            DateTime::<Utc>::MAX_UTC.timestamp(),
        );
        vec![
            i64::MIN,
            lo - 1,
            lo,
            lo + 1,
            -1_000_000_000_000,
            1_000_000_000_000,
            hi - 1,
            hi,
            hi + 1,
            i64::MAX,
        ]
    }

    #[test]
    fn every_zone_has_a_series() {
        for &tz in &chrono_tz::TZ_VARIANTS {
            assert!(series(tz).is_some(), "{} has no series", tz.name());
        }
        let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
        assert_eq!(names, NAMES);
    }

    #[test]
    fn every_change_of_every_zone_agrees_with_chrono_tz() {
        for &tz in &chrono_tz::TZ_VARIANTS {
            let Some(s) = series(tz) else {
                panic!("{} has no series", tz.name())
            };
            let ch = walk(s);
            assert_eq!(ch.len(), s.len as usize, "{}", tz.name());
            for &(t, off) in &ch {
                assert_eq!(off, ref_offset_at(tz, t), "{} at {t}", tz.name());
                // around the change in UTC, and around both local edges
                for u in [t, t + off, t + offset_at(tz, t - 1)] {
                    for d in [-86_400, -3601, -1, 0, 1, 3599, 3600, 86_400] {
                        check(tz, u + d);
                    }
                }
            }
            for t in far() {
                check(tz, t);
            }
        }
    }

    #[test]
    fn changes_are_where_the_offset_changes() {
        for &tz in &chrono_tz::TZ_VARIANTS {
            let all = super::changes(tz, i64::MIN, i64::MAX);
            let (lo, hi) = (-2_000_000_000, 4_200_000_000);
            let within: Vec<i64> = all.iter().copied().filter(|&t| t > lo && t <= hi).collect();
            assert_eq!(super::changes(tz, lo, hi), within, "{}", tz.name());
            for t in all {
                assert_ne!(
                    ref_offset_at(tz, t - 1),
                    ref_offset_at(tz, t),
                    "{} at {t}",
                    tz.name()
                );
            }
        }
    }

    /// The engine once sampled the offset every 4 days (day by day where it
    /// changed); `changes` gives the same days of change.
    #[test]
    fn changes_give_the_days_sampling_found() {
        const DAY: i64 = 86_400;
        let (first_day, last_day) = (-400, 47_900); // 1968-11 .. 2101-02
        for &tz in &chrono_tz::TZ_VARIANTS {
            let mut sampled = Vec::new();
            let mut prev = offset_at(tz, first_day * DAY);
            let mut day = first_day;
            while day < last_day {
                let next = (day + 4).min(last_day);
                let off = offset_at(tz, next * DAY);
                if off != prev {
                    let mut before = prev;
                    for d in day + 1..=next {
                        let o = offset_at(tz, d * DAY);
                        if o != before {
                            sampled.push(d);
                            before = o;
                        }
                    }
                    prev = off;
                }
                day = next;
            }
            let direct: Vec<i64> = super::changes(tz, first_day * DAY, last_day * DAY)
                .iter()
                .map(|&t| t.div_euclid(DAY) + i64::from(t.rem_euclid(DAY) != 0))
                .collect();
            assert_eq!(sampled, direct, "{}", tz.name());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn random_instants_agree_with_chrono_tz(
            z in 0..chrono_tz::TZ_VARIANTS.len(),
            t in FROM + MARGIN..5_000_000_000,
        ) {
            let tz = chrono_tz::TZ_VARIANTS[z];
            prop_assert_eq!(offset_at(tz, t), ref_offset_at(tz, t));
            prop_assert_eq!(local_to_instant(tz, t), ref_local_to_instant(tz, t));
        }

        #[test]
        fn far_instants_agree_with_chrono_tz(
            z in 0..chrono_tz::TZ_VARIANTS.len(),
            t in any::<i64>(),
        ) {
            // chrono-tz's answers from 1969 on, the offset at 1969 before
            check(chrono_tz::TZ_VARIANTS[z], t);
        }

        #[test]
        fn local_datetime_agrees_with_chrono_tz(
            z in 0..chrono_tz::TZ_VARIANTS.len(),
            t in FROM..5_000_000_000,
        ) {
            let tz = chrono_tz::TZ_VARIANTS[z];
            let Some(dt) = DateTime::from_timestamp(t, 0) else { return Ok(()) };
            prop_assert_eq!(local_datetime(tz, dt), dt.with_timezone(&tz).naive_local());
        }
    }
}
