//! Calendar arithmetic on arbitrary calendars and instants.
//!
//! The calendar is structured (a zone from a list of awkward ones, up to
//! four shifts a weekday with any start and end, overnight and 24-hour
//! shifts included, holidays, extra working days with their own hours, the
//! Ukrainian presets now and then); the instants and durations are raw
//! `i64`s or land inside the supported range. Besides "no panic", the
//! target holds the arithmetic to DESIGN §3:
//! `elapsed(t, add(t, d)) == d`, `elapsed(sub(t, d), t) == d`,
//! `add(t, 0) == t`, `is_working(t) == (elapsed(t, t+1) == 1)`,
//! `next_working(t)` is working and no working time lies before it,
//! `elapsed(a, b) == work_index(b) - work_index(a)` and the sum of
//! `working_intervals(a, b)` is `elapsed(a, b)`.
#![no_main]

use std::collections::HashMap;
use std::sync::Mutex;

use arbitrary::Arbitrary;
use chrono::{DateTime, NaiveDate, Utc};
use libfuzzer_sys::fuzz_target;
use reglament::calendar::CalendarSpec;
use reglament::Calendar;
use serde_json::{json, Value};

const ZONES: &[&str] = &[
    "Europe/Kyiv",
    "UTC",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Apia",
    "Pacific/Kiritimati",
    "America/St_Johns",
    "Africa/Casablanca",
    "America/Santiago",
    "Antarctica/Troll",
    "Europe/Dublin",
    "Pacific/Chatham",
    "Asia/Gaza",
    "Europe/Moscow",
    "Etc/GMT-14",
    "Etc/GMT+12",
    "America/Caracas",
    "Asia/Pyongyang",
    "Pacific/Fakaofo",
    "America/Havana",
    "Asia/Tehran",
];

#[derive(Arbitrary, Debug)]
struct Input {
    zone: u8,
    week: [Vec<(u32, u32)>; 7],
    holidays: Vec<u16>,
    extra_days: Vec<u16>,
    extra_hours: Option<Vec<(u32, u32)>>,
    preset: u8,
    martial_law_end: Option<u16>,
    ops: Vec<Op>,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Add(T, D),
    Sub(T, D),
    Elapsed(T, T),
    IsWorking(T),
    NextWorking(T),
    AddWorkingDays(T, u16),
    Intervals(T, u32),
    WorkIndex(T, T),
    AtWorkIndex(i64),
    LocalToInstant(i64),
    DayOff(u16),
}

/// An instant: anything, or inside the calendar's range.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum T {
    Raw(i64),
    InRange(u64),
}

/// A duration: anything, or a few working days at most.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum D {
    Raw(i64),
    Small(u32),
}

fn time(s: u32) -> String {
    let s = s % 86_401;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

fn shifts(list: &[(u32, u32)]) -> Value {
    Value::Array(
        list.iter()
            .take(4)
            .map(|&(a, b)| json!([time(a % 86_400), time(b)]))
            .collect(),
    )
}

/// Day `n` counted from 1969-12-20 (so dates fall between 1969 and 2149).
fn date(n: u16) -> String {
    let d =
        NaiveDate::from_ymd_opt(1969, 12, 20).unwrap_or_default() + chrono::Days::new(u64::from(n));
    d.to_string()
}

fn build(input: &Input) -> Option<Calendar> {
    let keys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut week = serde_json::Map::new();
    for (k, list) in keys.iter().zip(&input.week) {
        week.insert((*k).into(), shifts(list));
    }
    let mut v = json!({
        "timezone": ZONES[usize::from(input.zone) % ZONES.len()],
        "week": week,
        "holidays": input.holidays.iter().take(32).map(|&d| date(d)).collect::<Vec<_>>(),
        "extra_working_days": input.extra_days.iter().take(32).map(|&d| date(d)).collect::<Vec<_>>(),
    });
    if let Some(h) = &input.extra_hours {
        v["extra_working_day_hours"] = shifts(h);
    }
    match input.preset % 16 {
        1 => v["holiday_preset"] = json!("UA"),
        2 => v["holiday_preset"] = json!("UA-statutory"),
        _ => {}
    }
    if let Some(d) = input.martial_law_end {
        v["martial_law_end"] = json!(date(d));
    }
    // compiled calendars are remembered: mutations of the operations alone
    // reuse the calendar (compiling one costs up to milliseconds)
    static CACHE: Mutex<Option<HashMap<String, Option<Calendar>>>> = Mutex::new(None);
    let key = v.to_string();
    let mut guard = CACHE.lock().ok()?;
    let cache = guard.get_or_insert_with(HashMap::new);
    if let Some(c) = cache.get(&key) {
        return c.clone();
    }
    let cal = CalendarSpec::from_value(&v)
        .ok()
        .and_then(|spec| Calendar::from_spec(&spec).ok());
    if cache.len() >= 256 {
        cache.clear();
    }
    cache.insert(key, cal.clone());
    cal
}

fn at(t: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(t, 0)
}

fuzz_target!(|input: Input| {
    let Some(cal) = build(&input) else {
        return;
    };
    let (lo, hi) = cal.supported_range();
    let (lo, hi) = (lo.timestamp(), hi.timestamp());
    let inst = |t: T| -> i64 {
        match t {
            T::Raw(x) => x,
            T::InRange(x) => lo + (x % (hi - lo + 1) as u64) as i64,
        }
    };
    let dur = |d: D| -> i64 {
        match d {
            D::Raw(x) => x,
            D::Small(x) => i64::from(x % (14 * 86_400)),
        }
    };
    for op in input.ops.iter().take(32) {
        match *op {
            Op::Add(t, d) => {
                let (t, d) = (inst(t), dur(d));
                let Some(tt) = at(t) else { continue };
                if let Ok(u) = cal.add(tt, d) {
                    if d == 0 {
                        assert_eq!(u, tt, "add(t, 0) != t");
                    } else if d > 0 {
                        assert!(u >= tt);
                        assert_eq!(
                            cal.elapsed(tt, u).ok(),
                            Some(d),
                            "elapsed(t, add(t, d)) != d"
                        );
                    } else {
                        assert!(u <= tt);
                        assert_eq!(
                            cal.elapsed(u, tt).ok(),
                            Some(-d),
                            "add with d < 0 is not sub"
                        );
                    }
                }
            }
            Op::Sub(t, d) => {
                let (t, d) = (inst(t), dur(d));
                let Some(tt) = at(t) else { continue };
                if let Ok(u) = cal.sub(tt, d) {
                    if d >= 0 {
                        assert!(u <= tt);
                        assert_eq!(
                            cal.elapsed(u, tt).ok(),
                            Some(d),
                            "elapsed(sub(t, d), t) != d"
                        );
                    }
                }
            }
            Op::Elapsed(a, b) => {
                let (Some(a), Some(b)) = (at(inst(a)), at(inst(b))) else {
                    continue;
                };
                if let Ok(e) = cal.elapsed(a, b) {
                    assert_eq!(
                        cal.elapsed(b, a).ok(),
                        Some(-e),
                        "elapsed is not antisymmetric"
                    );
                    assert!(
                        e.abs() <= (b - a).num_seconds().abs(),
                        "more working than wall time"
                    );
                }
            }
            Op::IsWorking(t) => {
                let t = inst(t);
                let Some(tt) = at(t) else { continue };
                if let (Ok(w), Some(t1)) = (cal.is_working(tt), at(t + 1)) {
                    if let Ok(e) = cal.elapsed(tt, t1) {
                        assert_eq!(w, e == 1, "is_working disagrees with elapsed");
                    }
                }
            }
            Op::NextWorking(t) => {
                let Some(tt) = at(inst(t)) else { continue };
                if let Ok(u) = cal.next_working(tt) {
                    assert!(u >= tt);
                    assert_eq!(
                        cal.elapsed(tt, u).ok(),
                        Some(0),
                        "working time before next_working"
                    );
                    if u.timestamp() < hi {
                        assert_eq!(
                            cal.is_working(u).ok(),
                            Some(true),
                            "next_working is not working"
                        );
                    }
                }
            }
            Op::AddWorkingDays(t, n) => {
                let Some(tt) = at(inst(t)) else { continue };
                if let Ok(u) = cal.add_working_days(tt, u32::from(n % 400)) {
                    assert!(u > tt, "add_working_days went backwards");
                }
            }
            Op::Intervals(a, span) => {
                let a = inst(a);
                let b = a.saturating_add(i64::from(span % (62 * 86_400)));
                let (Some(at_a), Some(at_b)) = (at(a), at(b)) else {
                    continue;
                };
                if let Ok(iv) = cal.working_intervals(at_a, at_b) {
                    let sum: i64 = iv.iter().map(|(x, y)| (*y - *x).num_seconds()).sum();
                    assert!(
                        iv.windows(2).all(|w| w[0].1 < w[1].0),
                        "intervals overlap or touch"
                    );
                    assert!(iv.iter().all(|(x, y)| x < y && *x >= at_a && *y <= at_b));
                    assert_eq!(
                        cal.elapsed(at_a, at_b).ok(),
                        Some(sum),
                        "intervals do not sum to elapsed"
                    );
                }
            }
            Op::WorkIndex(a, b) => {
                let (Some(a), Some(b)) = (at(inst(a)), at(inst(b))) else {
                    continue;
                };
                if let (Ok(x), Ok(y)) = (cal.work_index(a), cal.work_index(b)) {
                    assert_eq!(
                        cal.elapsed(a, b).ok(),
                        Some(y - x),
                        "work_index disagrees with elapsed"
                    );
                    if let Ok(u) = cal.at_work_index(x) {
                        assert!(u <= a, "at_work_index(work_index(t)) > t");
                    }
                }
            }
            Op::AtWorkIndex(v) => {
                if let Ok(u) = cal.at_work_index(v) {
                    if let Ok(w) = cal.work_index(u) {
                        assert!(
                            w >= v || u.timestamp() == lo,
                            "at_work_index below its level"
                        );
                    }
                }
            }
            Op::LocalToInstant(s) => {
                if let Some(local) = at(s).map(|d| d.naive_utc()) {
                    let _ = cal.local_to_instant(local);
                }
            }
            Op::DayOff(n) => {
                let d = NaiveDate::from_ymd_opt(1969, 12, 20).unwrap_or_default()
                    + chrono::Days::new(u64::from(n));
                let _ = cal.day_off(d);
                let _ = cal.is_working_day(d);
            }
        }
    }
});
