//! A deliberately naive working-time model, day by day, used as the oracle
//! of the calendar tests (and, in `benches/`, as the baseline).
#![allow(dead_code)]

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use reglament::Calendar;

/// The exact working intervals of the shifts starting on `date`, from the
/// calendar file alone (no preset: the oracle knows only listed dates):
/// a `date_hours` entry, else an extra day's hours, else none on a listed
/// holiday, else the weekday's.
pub fn day_intervals(cal: &Calendar, date: NaiveDate) -> Vec<(i64, i64)> {
    let spec = cal.spec();
    assert!(
        spec.holiday_preset.is_none(),
        "the naive model does not know presets"
    );
    let shifts = if let Some(own) = spec.date_hours.get(&date) {
        own.clone()
    } else if spec.extra_working_days.contains(&date) {
        spec.extra_working_day_hours
            .clone()
            .unwrap_or_else(|| spec.week[0].clone())
    } else if spec.holidays.contains(&date) {
        Vec::new()
    } else {
        spec.week[date.weekday().num_days_from_monday() as usize].clone()
    };
    let mut out = Vec::new();
    for s in shifts {
        let start =
            date.and_hms_opt(0, 0, 0).unwrap() + Duration::seconds(i64::from(s.start().seconds()));
        let end_date = if s.is_overnight() {
            date.succ_opt().unwrap()
        } else {
            date
        };
        let end = end_date.and_hms_opt(0, 0, 0).unwrap()
            + Duration::seconds(i64::from(s.end().seconds()));
        let a = compatible(cal, start);
        let b = compatible(cal, end);
        if b > a {
            out.push((a, b));
        }
    }
    out
}

/// Union of the working intervals overlapping `[a, b)`, clipped, merged.
pub fn intervals(cal: &Calendar, a: i64, b: i64) -> Vec<(i64, i64)> {
    let tz = cal.timezone();
    let da = DateTime::from_timestamp(a, 0)
        .unwrap()
        .with_timezone(&tz)
        .date_naive()
        - Duration::days(2);
    let db = DateTime::from_timestamp(b, 0)
        .unwrap()
        .with_timezone(&tz)
        .date_naive()
        + Duration::days(1);
    let mut raw = Vec::new();
    let mut d = da;
    while d <= db {
        for (x, y) in day_intervals(cal, d) {
            let (x, y) = (x.max(a), y.min(b));
            if y > x {
                raw.push((x, y));
            }
        }
        d = d.succ_opt().unwrap();
    }
    raw.sort();
    let mut out: Vec<(i64, i64)> = Vec::new();
    for (x, y) in raw {
        match out.last_mut() {
            Some(l) if x <= l.1 => l.1 = l.1.max(y),
            _ => out.push((x, y)),
        }
    }
    out
}

/// Working seconds in `[a, b)`, signed.
pub fn elapsed(cal: &Calendar, a: i64, b: i64) -> i64 {
    if b < a {
        return -elapsed(cal, b, a);
    }
    intervals(cal, a, b).iter().map(|(x, y)| y - x).sum()
}

/// `add` by walking day by day.
pub fn add(cal: &Calendar, t: i64, d: i64) -> i64 {
    if d == 0 {
        return t;
    }
    let mut left = d;
    let mut from = t;
    loop {
        let to = from + 7 * 86_400;
        for (x, y) in intervals(cal, from, to) {
            if y - x >= left {
                return x + left;
            }
            left -= y - x;
        }
        from = to;
    }
}

/// Parses an RFC 3339 instant to Unix seconds.
pub fn ts(s: &str) -> i64 {
    s.parse::<DateTime<Utc>>().unwrap().timestamp()
}

/// "Compatible" local-to-instant mapping, by trial of the offsets around.
pub fn compatible(cal: &Calendar, local: chrono::NaiveDateTime) -> i64 {
    use chrono::{Offset, TimeZone};
    let tz = cal.timezone();
    let l = local.and_utc().timestamp();
    let off = |u: i64| {
        i64::from(
            tz.offset_from_utc_datetime(&DateTime::from_timestamp(u, 0).unwrap().naive_utc())
                .fix()
                .local_minus_utc(),
        )
    };
    let before = off(l - 36 * 3600);
    let after = off(l + 36 * 3600);
    let mut valid: Vec<i64> = [before, after]
        .iter()
        .map(|o| l - o)
        .filter(|&u| l - off(u) == u)
        .collect();
    valid.sort();
    match valid.first() {
        Some(&u) => u,
        None => l - before, // in a gap: forward by the gap
    }
}
