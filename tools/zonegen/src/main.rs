//! Generates the time-zone table of the core (`core/src/calendar/zone/table.rs`,
//! or with the `zone-filter` feature `table_slim.rs`) from chrono-tz, so that
//! the library computes UTC offsets without chrono-tz's `TimeZone` impl and
//! the linker drops chrono-tz's generated data. The output is committed;
//! `scripts/zonegen.sh` regenerates both tables, `scripts/zonegen.sh --check`
//! (a CI step) fails when the committed ones differ from what this tool writes.
//!
//! Usage: `zonegen [--check] PATH` writes the table to PATH, or with
//! `--check` compares it with PATH and exits with status 1 when they differ.
//!
//! Range: the core supports instants from 1970-01-01 to 2100-01-01 UTC
//! (`reglament::calendar::{MIN_INSTANT, MAX_INSTANT}`) and reads offsets a few
//! days around that range (a compiled calendar starts four days early and
//! maps shifts up to a week and a half before its first window). The table is
//! exact from `FROM` = 1969-01-01 on: it holds the offset in force at `FROM`
//! and every change after it. chrono-tz has no change after 2099 (checked
//! here), so after the last change the table is exact too; before `FROM` it
//! gives the offset in force at `FROM`.
//!
//! How: for every zone of `chrono_tz::TZ_VARIANTS` the tool finds each
//! instant where the total UTC offset changes, by sampling every `STEP`
//! seconds and bisecting each sample interval whose ends differ. A change
//! and its reversal inside one sample interval would go unseen: the tool
//! refuses to write if two changes are closer than `2 * STEP` (tzdata 2025b:
//! the closest are 6.9 days apart).
//!
//! Rows follow `TZ_VARIANTS` (the order of the `Tz` enum), so the runtime
//! finds a zone's row by its enum index; `calendar::zone` checks at compile
//! time that the runtime chrono-tz has exactly as many zones. Zones with the
//! same history share one series. No hash-map order: the same input gives
//! the same bytes.
//!
//! Which zones: the ones this tool's chrono-tz knows. With the `zone-filter`
//! feature chrono-tz is built with `filter-by-regex`, so it keeps the zones
//! `CHRONO_TZ_TIMEZONE_FILTER` (at build time) keeps: the slim table.

#![deny(missing_docs)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::{Tz, TZ_VARIANTS};

/// Sample spacing (seconds): three days.
const STEP: i64 = 3 * 86_400;
/// First instant of the table: 1969-01-01T00:00:00Z, a year before the
/// core's first supported instant.
const FROM: i64 = -31_536_000;
/// End of the scan: 2200-01-01 UTC; no change after it (checked).
const SCAN_HI: i64 = 7_258_118_400;
/// Changes per block: a block's first change is an absolute instant
/// (`ANCHORS`), the others are deltas from the previous change (whole days in
/// `DAYS` plus `REMS[REM[j]]` seconds).
const BLOCK: usize = 32;

/// The offset in force at `FROM`, and every change after it (instant, new
/// offset).
type History = (i32, Vec<(i64, i32)>);

fn offset(tz: Tz, t: i64) -> i32 {
    let dt = DateTime::from_timestamp(t, 0).unwrap_or_else(|| panic!("instant {t} out of range"));
    tz.offset_from_utc_datetime(&dt.naive_utc())
        .fix()
        .local_minus_utc()
}

/// The offset history of a zone from `FROM` on.
fn series(tz: Tz) -> History {
    let first = offset(tz, FROM);
    let mut out = Vec::new();
    let mut lo = FROM;
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
            "{}: offset changes at {} and {}, closer than the sampling can trust; lower STEP in tools/zonegen",
            tz.name(),
            w[0].0,
            w[1].0
        );
    }
    (first, out)
}

/// The generated module's text.
fn generate() -> String {
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
    let zones = match option_env!("CHRONO_TZ_TIMEZONE_FILTER") {
        Some(f) if cfg!(feature = "zone-filter") => {
            format!("the zones chrono-tz keeps with CHRONO_TZ_TIMEZONE_FILTER='{f}'")
        }
        _ => "every zone of chrono-tz".to_string(),
    };
    let command = if cfg!(feature = "zone-filter") {
        "CHRONO_TZ_TIMEZONE_FILTER=... cargo run -p zonegen --features zone-filter -- PATH"
    } else {
        "cargo run -p zonegen -- PATH"
    };
    writeln!(
        out,
        "// @generated by tools/zonegen from chrono-tz (tzdb {tzdb}): do not edit.\n\
         // Regenerate with scripts/zonegen.sh ({command});\n\
         // CI runs scripts/zonegen.sh --check.\n\
         //\n\
         // UTC offsets of {zones}, exact from 1969-01-01T00:00:00Z\n\
         // (FROM) on: a year before the first instant the core supports.\n\
         // {n} zones, {s} distinct histories, {c} changes.\n\
         \n\
         use super::Series;\n",
        tzdb = chrono_tz::IANA_TZDB_VERSION,
        n = names.len(),
        s = distinct.len(),
        c = offs.len(),
    )
    .unwrap_or_default();
    writeln!(out, "/// First instant the table is exact from (1969-01-01T00:00:00Z).\n#[cfg(test)]\npub(super) const FROM: i64 = {FROM};").unwrap_or_default();
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
    out
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (check, path) = match args.as_slice() {
        [p] if !p.starts_with('-') => (false, p),
        [c, p] if c == "--check" => (true, p),
        _ => {
            eprintln!("usage: zonegen [--check] PATH");
            return ExitCode::from(2);
        }
    };
    if cfg!(feature = "zone-filter") && option_env!("CHRONO_TZ_TIMEZONE_FILTER").is_none() {
        eprintln!("zonegen: the zone-filter feature needs CHRONO_TZ_TIMEZONE_FILTER at build time");
        return ExitCode::from(2);
    }
    let text = generate();
    if check {
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        if committed == text {
            return ExitCode::SUCCESS;
        }
        eprintln!("zonegen: {path} is stale: regenerate it with scripts/zonegen.sh");
        return ExitCode::from(1);
    }
    match std::fs::write(path, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zonegen: cannot write {path}: {e}");
            ExitCode::from(1)
        }
    }
}
