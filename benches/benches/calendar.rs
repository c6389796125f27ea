//! Calendar arithmetic: reglament against a naive day-by-day baseline and
//! against the peer crate `workclock`, on the same calendar and instants:
//! Europe/Kyiv, Monday to Friday 09:00–18:00, the Ukrainian holidays of
//! 2026–2036 as an explicit list (so that all three see the same days off).

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::collections::BTreeSet;
use std::hint::black_box;

const START: &str = "2026-03-27T15:00:00Z"; // Friday 17:00 Kyiv

fn holiday_dates() -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for y in 2026..=2036 {
        let year =
            reglament::holidays::year(reglament::holidays::HolidayPreset::Ua, y, None).unwrap();
        out.extend(year.days_off.iter().map(|d| d.date));
    }
    out
}

fn reglament_calendar(holidays: &[NaiveDate]) -> reglament::Calendar {
    let list: Vec<String> = holidays.iter().map(|d| format!("\"{d}\"")).collect();
    let nine = r#"[["09:00","18:00"]]"#;
    reglament::Calendar::from_json(&format!(
        r#"{{"timezone":"Europe/Kyiv","week":{{"mon":{nine},"tue":{nine},"wed":{nine},"thu":{nine},"fri":{nine}}},"holidays":[{}]}}"#,
        list.join(",")
    ))
    .unwrap()
}

/// The baseline: walk local days one by one.
struct Naive {
    tz: Tz,
    holidays: BTreeSet<NaiveDate>,
}

impl Naive {
    fn day(&self, d: NaiveDate) -> Option<(i64, i64)> {
        if d.weekday().number_from_monday() > 5 || self.holidays.contains(&d) {
            return None;
        }
        let at = |h| {
            self.tz
                .from_local_datetime(&d.and_hms_opt(h, 0, 0).unwrap())
                .earliest()
                .unwrap()
                .timestamp()
        };
        Some((at(9), at(18)))
    }

    fn add(&self, t: i64, mut d: i64) -> i64 {
        let mut day = DateTime::from_timestamp(t, 0)
            .unwrap()
            .with_timezone(&self.tz)
            .date_naive();
        loop {
            if let Some((a, b)) = self.day(day) {
                let a = a.max(t);
                if b > a {
                    if b - a >= d {
                        return a + d;
                    }
                    d -= b - a;
                }
            }
            day = day.succ_opt().unwrap();
        }
    }

    fn elapsed(&self, from: i64, to: i64) -> i64 {
        let mut day = DateTime::from_timestamp(from, 0)
            .unwrap()
            .with_timezone(&self.tz)
            .date_naive();
        let mut sum = 0;
        loop {
            if let Some((a, b)) = self.day(day) {
                if a >= to {
                    return sum;
                }
                sum += (b.min(to) - a.max(from)).max(0);
            }
            day = day.succ_opt().unwrap();
        }
    }
}

fn workclock_schedule(holidays: &[NaiveDate]) -> workclock::Schedule {
    use jiff::civil::{date, time};
    let dates = holidays
        .iter()
        .map(|d| date(d.year() as i16, d.month() as i8, d.day() as i8));
    workclock::Schedule::builder()
        .time_zone("Europe/Kyiv")
        .rule(workclock::WorkDay::new(
            time(9, 0, 0, 0),
            time(18, 0, 0, 0),
            workclock::Weekdays::MON_TO_FRI,
        ))
        .rule(workclock::Holidays::new(dates))
        .build()
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let holidays = holiday_dates();
    let cal = reglament_calendar(&holidays);
    let naive = Naive {
        tz: chrono_tz::Europe::Kyiv,
        holidays: holidays.iter().copied().collect(),
    };
    let wc = workclock_schedule(&holidays);
    let start: DateTime<Utc> = START.parse().unwrap();
    let wc_start: jiff::Timestamp = START.parse().unwrap();

    // The three must agree before we time them.
    for hours in [1i64, 450, 10_000] {
        let ours = cal.add(start, hours * 3600).unwrap().timestamp();
        assert_eq!(
            ours,
            naive.add(start.timestamp(), hours * 3600),
            "naive disagrees at {hours} h"
        );
        let theirs = wc
            .add(wc_start, jiff::SignedDuration::from_hours(hours))
            .unwrap()
            .as_second();
        assert_eq!(ours, theirs, "workclock disagrees at {hours} h");
    }

    let mut g = c.benchmark_group("add");
    for hours in [1i64, 450, 10_000] {
        g.bench_with_input(BenchmarkId::new("reglament", hours), &hours, |b, &h| {
            b.iter(|| cal.add(black_box(start), black_box(h * 3600)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("naive", hours), &hours, |b, &h| {
            b.iter(|| naive.add(black_box(start.timestamp()), black_box(h * 3600)))
        });
        g.bench_with_input(BenchmarkId::new("workclock", hours), &hours, |b, &h| {
            b.iter(|| {
                wc.add(
                    black_box(wc_start),
                    jiff::SignedDuration::from_hours(black_box(h)),
                )
                .unwrap()
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("elapsed");
    for years in [1i64, 10] {
        let to = start + chrono::Duration::days(365 * years);
        let wc_to: jiff::Timestamp = jiff::Timestamp::from_second(to.timestamp()).unwrap();
        assert_eq!(
            cal.elapsed(start, to).unwrap(),
            naive.elapsed(start.timestamp(), to.timestamp())
        );
        assert_eq!(
            cal.elapsed(start, to).unwrap(),
            wc.between(wc_start, wc_to).as_secs()
        );
        g.bench_with_input(BenchmarkId::new("reglament", years), &to, |b, &to| {
            b.iter(|| cal.elapsed(black_box(start), black_box(to)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("naive", years), &to, |b, &to| {
            b.iter(|| naive.elapsed(black_box(start.timestamp()), black_box(to.timestamp())))
        });
        g.bench_with_input(BenchmarkId::new("workclock", years), &wc_to, |b, &to| {
            b.iter(|| wc.between(black_box(wc_start), black_box(to)))
        });
    }
    g.finish();

    // The embedded default (UA preset over 1991–2099: ~1,400 windows).
    let default = reglament::Calendar::default_kyiv();
    let mut g = c.benchmark_group("add_default_calendar");
    for hours in [1i64, 450, 10_000] {
        g.bench_with_input(BenchmarkId::new("reglament", hours), &hours, |b, &h| {
            b.iter(|| default.add(black_box(start), black_box(h * 3600)).unwrap())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("build");
    g.sample_size(20);
    g.bench_function("default_kyiv", |b| {
        b.iter(reglament::Calendar::default_kyiv)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
