//! Generates the time-zone table of `calendar::zone` (OUT_DIR/zones.rs) from
//! chrono-tz, so that the library computes UTC offsets without chrono-tz's
//! `TimeZone` impl and the linker can drop chrono-tz's generated data.
//!
//! For every zone of the build-dependency's `chrono_tz::TZ_VARIANTS` the
//! script finds each instant where the total UTC offset changes, by sampling
//! every `STEP` seconds and bisecting each sample interval whose ends differ.
//! A change and its reversal inside one sample interval would go unseen: the
//! script refuses to build if two changes are closer than `2 * STEP` (tzdata
//! 2025b: the closest are 6.9 days apart), and checks that nothing changes
//! outside the sampled years (chrono-tz computes transitions for 1800..2100
//! only; before the first and after the last one the offset is constant).
//!
//! Rows follow `TZ_VARIANTS` (the order of the `Tz` enum), so the runtime
//! finds a zone's row by its enum index; `calendar::zone` checks at compile
//! time that the runtime chrono-tz has exactly as many zones.
//!
//! The table covers chrono-tz's whole history: for every instant chrono can
//! represent it gives chrono-tz's offset. Zones with the same history share
//! one series. No hash-map order: the same input gives the same bytes.
//!
//! Which zones: the ones this build's chrono-tz knows. With the `zone-filter`
//! feature the build-dependency chrono-tz is built with its
//! `filter-by-regex` feature too, so it reads the same
//! `CHRONO_TZ_TIMEZONE_FILTER` as the runtime chrono-tz, and the two have the
//! same zones.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::{Tz, TZ_VARIANTS};

/// Sample spacing (seconds): three days.
const STEP: i64 = 3 * 86_400;
/// Sampled range: 1700-01-01 .. 2200-01-01 UTC.
const SCAN_LO: i64 = -8_520_336_000;
const SCAN_HI: i64 = 7_258_118_400;
/// Changes per block: a block's first change is an absolute instant
/// (`ANCHORS`), the others are deltas from the previous change (whole days in
/// `DAYS` plus `REMS[REM[j]]` seconds).
const BLOCK: usize = 32;

/// The offset before the first change, and every change (instant, new offset).
type History = (i32, Vec<(i64, i32)>);

fn offset(tz: Tz, t: i64) -> i32 {
    let dt = DateTime::from_timestamp(t, 0).unwrap_or_else(|| panic!("instant {t} out of range"));
    tz.offset_from_utc_datetime(&dt.naive_utc())
        .fix()
        .local_minus_utc()
}

/// The offset history of a zone.
fn series(tz: Tz) -> History {
    let first = offset(tz, SCAN_LO);
    for far in [DateTime::<chrono::Utc>::MIN_UTC.timestamp(), SCAN_LO - STEP] {
        assert_eq!(
            offset(tz, far),
            first,
            "{}: offset changes before 1700",
            tz.name()
        );
    }
    let mut out = Vec::new();
    let mut lo = SCAN_LO;
    let mut cur = first;
    while lo < SCAN_HI {
        let hi = (lo + STEP).min(SCAN_HI);
        while offset(tz, hi) != cur {
            // the first instant in (lo, hi] whose offset differs from `cur`
            let (mut a, mut b) = (lo, hi);
            while b - a > 1 {
                let m = a + (b - a) / 2;
                if offset(tz, m) == cur {
                    a = m;
                } else {
                    b = m;
                }
            }
            cur = offset(tz, b);
            out.push((b, cur));
            lo = b;
        }
        lo = hi;
    }
    for far in [SCAN_HI + STEP, DateTime::<chrono::Utc>::MAX_UTC.timestamp()] {
        assert_eq!(
            offset(tz, far),
            cur,
            "{}: offset changes after 2200",
            tz.name()
        );
    }
    for w in out.windows(2) {
        assert!(
            w[1].0 - w[0].0 >= 2 * STEP,
            "{}: offset changes at {} and {}, closer than the sampling can trust; lower STEP in core/build.rs",
            tz.name(),
            w[0].0,
            w[1].0
        );
    }
    (first, out)
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CHRONO_TZ_TIMEZONE_FILTER");

    // in `TZ_VARIANTS` order: row `i` is the zone `Tz` numbers `i`
    let names: Vec<(&str, History)> = TZ_VARIANTS
        .iter()
        .map(|&tz| (tz.name(), series(tz)))
        .collect();

    // distinct series, in a fixed order (sorted by content)
    let distinct: BTreeMap<&History, usize> = names.iter().map(|(_, s)| (s, 0)).collect();
    let distinct: BTreeMap<&History, usize> = distinct
        .into_keys()
        .enumerate()
        .map(|(i, s)| (s, i))
        .collect();
    let mut offsets: Vec<i32> = distinct
        .keys()
        .flat_map(|(f, tr)| std::iter::once(*f).chain(tr.iter().map(|&(_, o)| o)))
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    assert!(
        offsets.iter().all(|o| o.abs() < 86_400),
        "an offset of a day or more"
    );
    let oi = |o: i32| offsets.binary_search(&o).unwrap_or_else(|_| unreachable!());

    let mut series_rows = String::new();
    let mut deltas: Vec<i64> = Vec::new();
    let mut offs = Vec::new();
    let mut anchors = Vec::new();
    for (first, tr) in distinct.keys() {
        writeln!(
            series_rows,
            "    Series {{ first: {}, start: {}, len: {}, anchor: {} }},",
            oi(*first),
            deltas.len(),
            tr.len(),
            anchors.len()
        )
        .unwrap_or_default();
        let mut prev = 0;
        for (j, &(t, o)) in tr.iter().enumerate() {
            if j % BLOCK == 0 {
                anchors.push(t);
                deltas.push(0);
            } else {
                deltas.push(t - prev);
            }
            offs.push(oi(o));
            prev = t;
        }
    }
    // a delta is whole days (u16) plus a remainder, an index into the few
    // distinct remainders: this compresses better than the deltas themselves
    let days: Vec<u16> = deltas
        .iter()
        .map(|d| {
            u16::try_from(d / 86_400).unwrap_or_else(|_| panic!("a gap of {d} s between changes"))
        })
        .collect();
    let mut rems: Vec<i64> = deltas.iter().map(|d| d % 86_400).collect();
    rems.sort_unstable();
    rems.dedup();
    let rem: Vec<usize> = deltas
        .iter()
        .map(|d| {
            rems.binary_search(&(d % 86_400))
                .unwrap_or_else(|_| unreachable!())
        })
        .collect();
    assert!(rems.len() <= usize::from(u16::MAX) && offsets.len() <= usize::from(u16::MAX));

    let mut out = String::new();
    let list = |out: &mut String, name: &str, ty: &str, items: &mut dyn Iterator<Item = String>| {
        let items: Vec<String> = items.collect();
        writeln!(out, "pub(super) static {name}: [{ty}; {}] = [", items.len()).unwrap_or_default();
        for chunk in items.chunks(16) {
            writeln!(out, "    {},", chunk.join(", ")).unwrap_or_default();
        }
        writeln!(out, "];").unwrap_or_default();
    };
    writeln!(
        out,
        "// Generated by core/build.rs from chrono-tz (tzdb {}): do not edit.",
        chrono_tz::IANA_TZDB_VERSION
    )
    .unwrap_or_default();
    writeln!(out, "pub(super) const BLOCK: usize = {BLOCK};").unwrap_or_default();
    list(
        &mut out,
        "OFFSETS",
        "i32",
        &mut offsets.iter().map(|o| o.to_string()),
    );
    writeln!(out, "pub(super) const ZONES: usize = {};", names.len()).unwrap_or_default();
    writeln!(out, "#[cfg(test)]").unwrap_or_default();
    list(
        &mut out,
        "NAMES",
        "&str",
        &mut names.iter().map(|(n, _)| format!("{n:?}")),
    );
    list(
        &mut out,
        "ZONE_SERIES",
        "u16",
        &mut names.iter().map(|(_, s)| distinct[s].to_string()),
    );
    writeln!(
        out,
        "pub(super) static SERIES: [Series; {}] = [\n{series_rows}];",
        distinct.len()
    )
    .unwrap_or_default();
    list(
        &mut out,
        "DAYS",
        "u16",
        &mut days.iter().map(|d| d.to_string()),
    );
    list(
        &mut out,
        "REM",
        "u16",
        &mut rem.iter().map(|r| r.to_string()),
    );
    list(
        &mut out,
        "REMS",
        "u32",
        &mut rems.iter().map(|r| r.to_string()),
    );
    list(
        &mut out,
        "OFFS",
        "u16",
        &mut offs.iter().map(|o| o.to_string()),
    );
    list(
        &mut out,
        "ANCHORS",
        "i64",
        &mut anchors.iter().map(|a| a.to_string()),
    );

    let path = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("zones.rs");
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
