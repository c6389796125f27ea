//! The working-time calendar: every edge DESIGN §3 names, and the algebra.

mod naive;

use chrono::{DateTime, Utc};
use naive::ts;
use proptest::prelude::*;
use reglament::{Calendar, ErrorKind};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn z(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn cal(json: &str) -> Calendar {
    Calendar::from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

const KYIV_PLAIN: &str = r#"{"timezone":"Europe/Kyiv","week":{"mon":[["09:00","18:00"]],"tue":[["09:00","18:00"]],
  "wed":[["09:00","18:00"]],"thu":[["09:00","18:00"]],"fri":[["09:00","18:00"]]}}"#;

#[test]
fn worked_example_friday_plus_two_hours_crosses_dst() {
    for c in [Calendar::default_kyiv(), cal(KYIV_PLAIN)] {
        let t = at("2026-03-27T17:00:00+02:00");
        assert_eq!(z(c.add(t, 7200).unwrap()), "2026-03-30T07:00:00Z");
        assert_eq!(c.elapsed(t, at("2026-03-30T07:00:00Z")).unwrap(), 7200);
        assert_eq!(
            z(c.sub(at("2026-03-30T07:00:00Z"), 7200).unwrap()),
            "2026-03-27T15:00:00Z"
        );
    }
}

#[test]
fn opening_and_closing_instants() {
    let c = cal(KYIV_PLAIN);
    let open = at("2026-03-26T07:00:00Z"); // Thu 09:00 EET
    let close = at("2026-03-26T16:00:00Z"); // Thu 18:00
    assert!(c.is_working(open).unwrap());
    assert!(!c.is_working(at("2026-03-26T06:59:59Z")).unwrap());
    assert!(c.is_working(at("2026-03-26T15:59:59Z")).unwrap());
    assert!(!c.is_working(close).unwrap());
    // a budget that runs out exactly at closing time gives closing time
    assert_eq!(c.add(open, 9 * 3600).unwrap(), close);
    assert_eq!(c.add(at("2026-03-26T12:00:00Z"), 4 * 3600).unwrap(), close);
    // one more second goes to the next opening plus one second
    assert_eq!(
        z(c.add(open, 9 * 3600 + 1).unwrap()),
        "2026-03-27T07:00:01Z"
    );
    // from closing time, one second
    assert_eq!(z(c.add(close, 1).unwrap()), "2026-03-27T07:00:01Z");
    // sub from an opening gives the opening when nothing is needed
    assert_eq!(c.sub(open, 0).unwrap(), open);
    // sub of one second from Friday's opening lands before Thursday's closing
    assert_eq!(
        z(c.sub(at("2026-03-27T07:00:00Z"), 1).unwrap()),
        "2026-03-26T15:59:59Z"
    );
    // the latest instant with the budget: sub from Monday 10:00 by one hour is Monday 09:00
    assert_eq!(
        z(c.sub(at("2026-03-30T07:00:00Z"), 3600).unwrap()),
        "2026-03-30T06:00:00Z"
    );
    assert_eq!(z(c.next_working(close).unwrap()), "2026-03-27T07:00:00Z");
    assert_eq!(c.next_working(open).unwrap(), open);
}

#[test]
fn zero_one_second_and_huge_durations() {
    let c = Calendar::default_kyiv();
    let t = at("2026-06-13T10:00:00Z"); // Saturday
    assert_eq!(c.add(t, 0).unwrap(), t);
    assert_eq!(c.sub(t, 0).unwrap(), t);
    assert_eq!(z(c.add(t, 1).unwrap()), "2026-06-15T06:00:01Z");
    // 10,000 working hours land years later and invert exactly
    let far = c.add(t, 10_000 * 3600).unwrap();
    assert_eq!(c.elapsed(t, far).unwrap(), 10_000 * 3600);
    assert!(far > at("2030-01-01T00:00:00Z"));
    // beyond the supported range: an error, not a wrong answer
    let err = c.add(t, 1_000_000 * 3600).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfRange);
    let err = c.add(t, i64::MAX).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfRange);
    assert!(c.sub(t, i64::MAX).is_err());
    assert!(c.add(t, i64::MIN).is_err());
    // durations too large for the week template's arithmetic (found by the C tests)
    for d in [i64::MAX / 2, i64::MIN / 2, 1 << 53, -(1 << 53)] {
        assert_eq!(c.add(t, d).unwrap_err().kind(), ErrorKind::OutOfRange);
        assert_eq!(c.sub(t, d).unwrap_err().kind(), ErrorKind::OutOfRange);
    }
    assert_eq!(
        c.add(at("1969-12-31T23:59:59Z"), 1).unwrap_err().kind(),
        ErrorKind::OutOfRange
    );
}

#[test]
fn negative_durations_and_signed_elapsed() {
    let c = cal(KYIV_PLAIN);
    let t = at("2026-03-30T07:00:00Z");
    assert_eq!(c.add(t, -7200).unwrap(), c.sub(t, 7200).unwrap());
    assert_eq!(c.sub(t, -7200).unwrap(), c.add(t, 7200).unwrap());
    assert_eq!(c.elapsed(t, at("2026-03-27T15:00:00Z")).unwrap(), -7200);
}

#[test]
fn end_of_day_24_00_joins_the_next_day() {
    let c =
        cal(r#"{"timezone":"UTC","week":{"mon":[["20:00","24:00"]],"tue":[["00:00","04:00"]]}}"#);
    let mon_23 = at("2026-03-30T23:00:00Z");
    assert_eq!(z(c.add(mon_23, 2 * 3600).unwrap()), "2026-03-31T01:00:00Z");
    assert!(c.is_working(at("2026-03-30T23:59:59Z")).unwrap());
    let iv = c
        .working_intervals(at("2026-03-30T00:00:00Z"), at("2026-04-01T00:00:00Z"))
        .unwrap();
    assert_eq!(
        iv.len(),
        1,
        "20:00-24:00 and 00:00-04:00 are one run: {iv:?}"
    );
    assert_eq!(z(iv[0].0), "2026-03-30T20:00:00Z");
    assert_eq!(z(iv[0].1), "2026-03-31T04:00:00Z");
    // a budget exhausted at 24:00 gives 24:00
    assert_eq!(
        z(c.add(at("2026-03-30T20:00:00Z"), 4 * 3600).unwrap()),
        "2026-03-31T00:00:00Z"
    );
}

#[test]
fn overnight_shift_runs_into_a_holiday_but_none_starts_on_it() {
    // Every day 22:00-06:00; Tuesday 2026-03-31 is a holiday.
    let night = r#"[["22:00","06:00"]]"#;
    let c = cal(&format!(
        r#"{{"timezone":"UTC","week":{{"mon":{night},"tue":{night},"wed":{night},"thu":{night},"fri":{night},"sat":{night},"sun":{night}}},"holidays":["2026-03-31"]}}"#
    ));
    // Monday's shift runs on into the holiday morning
    assert!(c.is_working(at("2026-03-31T05:00:00Z")).unwrap());
    // no shift starts on the holiday evening
    assert!(!c.is_working(at("2026-03-31T23:00:00Z")).unwrap());
    // Monday 22:00 + 8 h = Tuesday 06:00; + 1 more second = Wednesday 22:00:01
    let mon = at("2026-03-30T22:00:00Z");
    assert_eq!(z(c.add(mon, 8 * 3600).unwrap()), "2026-03-31T06:00:00Z");
    assert_eq!(z(c.add(mon, 8 * 3600 + 1).unwrap()), "2026-04-01T22:00:01Z");
}

#[test]
fn overlapping_intervals_count_once() {
    let c = cal(
        r#"{"timezone":"UTC","week":{"mon":[["09:00","13:00"],["12:00","18:00"],["10:00","11:00"]],"tue":[["05:00","08:00"]],"sun":[["20:00","10:00"]]}}"#,
    );
    let mon = at("2026-03-30T00:00:00Z");
    let tue = at("2026-03-31T00:00:00Z");
    // Sunday's overnight shift covers Monday 00:00-10:00, joined with 09:00-18:00
    assert_eq!(c.elapsed(mon, tue).unwrap(), 18 * 3600);
}

#[test]
fn extra_working_days() {
    let c = cal(
        r#"{"timezone":"Europe/Kyiv","week":{"mon":[["09:00","18:00"]],"fri":[["09:00","18:00"]]},
        "extra_working_days":["2026-03-28"],"holidays":["2026-03-30"]}"#,
    );
    // Friday 17:00 + 2 h: Friday's last hour, then Saturday (extra, Monday's hours) 09:00-10:00 EET
    assert_eq!(
        z(c.add(at("2026-03-27T15:00:00Z"), 7200).unwrap()),
        "2026-03-28T08:00:00Z"
    );
    // Monday is a holiday: Saturday 18:00 + 1 s goes to Friday 2026-04-03
    assert_eq!(
        z(c.add(at("2026-03-28T16:00:00Z"), 1).unwrap()),
        "2026-04-03T06:00:01Z"
    );
    let own = cal(
        r#"{"timezone":"UTC","week":{"mon":[["09:00","18:00"]]},"extra_working_days":["2026-03-28"],"extra_working_day_hours":[["10:00","12:00"]]}"#,
    );
    assert_eq!(
        own.elapsed(at("2026-03-28T00:00:00Z"), at("2026-03-29T00:00:00Z"))
            .unwrap(),
        7200
    );
}

#[test]
fn dst_gap_and_fold_inside_working_intervals_kyiv() {
    // 02:00-06:00 every Sunday. 2026-03-29: 03:00 EET -> 04:00 EEST; 2026-10-25: 04:00 EEST -> 03:00 EET.
    let c = cal(r#"{"timezone":"Europe/Kyiv","week":{"sun":[["02:00","06:00"]]}}"#);
    let day = |d: &str| {
        (
            at(&format!("{d}T00:00:00+03:00")),
            at(&format!("{d}T23:00:00+02:00")),
        )
    };
    let (a, b) = day("2026-03-29");
    assert_eq!(
        c.elapsed(a, b).unwrap(),
        3 * 3600,
        "the gap removes an hour"
    );
    let (a, b) = day("2026-10-25");
    assert_eq!(c.elapsed(a, b).unwrap(), 5 * 3600, "the fold adds an hour");
    // start of the shift maps to 02:00 EET = 00:00Z; +90 min is 01:30Z (= 04:30 EEST)
    assert_eq!(
        z(c.add(at("2026-03-29T00:00:00Z"), 5400).unwrap()),
        "2026-03-29T01:30:00Z"
    );
    // fold: 02:00 EEST = 23:00Z the day before
    assert_eq!(
        z(c.next_working(at("2026-10-24T12:00:00Z")).unwrap()),
        "2026-10-24T23:00:00Z"
    );

    // A shift that starts inside the gap moves forward by the gap.
    let g = cal(r#"{"timezone":"Europe/Kyiv","week":{"sun":[["03:30","05:00"]]}}"#);
    assert_eq!(
        z(g.next_working(at("2026-03-28T12:00:00Z")).unwrap()),
        "2026-03-29T01:30:00Z"
    );
    assert_eq!(
        g.elapsed(at("2026-03-29T00:00:00Z"), at("2026-03-29T12:00:00Z"))
            .unwrap(),
        1800
    );
    // A shift that starts in the fold takes the earlier instant.
    assert_eq!(
        z(g.next_working(at("2026-10-24T12:00:00Z")).unwrap()),
        "2026-10-25T00:30:00Z"
    );
    assert_eq!(
        g.elapsed(at("2026-10-25T00:00:00Z"), at("2026-10-25T12:00:00Z"))
            .unwrap(),
        9000
    );
}

#[test]
fn dst_new_york() {
    // 2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT -> 01:00 EST
    let c = cal(r#"{"timezone":"America/New_York","week":{"sun":[["00:00","24:00"]]}}"#);
    assert_eq!(
        c.elapsed(
            at("2026-03-08T00:00:00-05:00"),
            at("2026-03-09T00:00:00-04:00")
        )
        .unwrap(),
        23 * 3600
    );
    assert_eq!(
        c.elapsed(
            at("2026-11-01T00:00:00-04:00"),
            at("2026-11-02T00:00:00-05:00")
        )
        .unwrap(),
        25 * 3600
    );
    let s = cal(r#"{"timezone":"America/New_York","week":{"sun":[["01:30","02:30"]]}}"#);
    // 01:30-02:30 on the spring day: 02:30 is in the gap -> 03:30 EDT; start 01:30 EST
    assert_eq!(
        s.elapsed(at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z"))
            .unwrap(),
        3600
    );
    // on the fall day: 01:30 ambiguous -> the earlier (EDT, 05:30Z); 02:30 EST = 07:30Z
    assert_eq!(
        s.elapsed(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z"))
            .unwrap(),
        7200
    );
    assert_eq!(
        z(s.next_working(at("2026-11-01T00:00:00Z")).unwrap()),
        "2026-11-01T05:30:00Z"
    );
}

#[test]
fn dst_lord_howe_half_hour() {
    // Lord Howe: +10:30 standard, +11:00 summer. Summer time ends 2026-04-05 02:00 -> 01:30,
    // starts 2026-10-04 02:00 -> 02:30.
    let c = cal(r#"{"timezone":"Australia/Lord_Howe","week":{"sun":[["01:00","03:00"]]}}"#);
    let day = |d: &str| {
        c.elapsed(
            at(&format!("{d}T00:00:00Z")),
            at(&format!("{d}T00:00:00Z")) - chrono::Duration::hours(24),
        )
        .unwrap()
    };
    assert_eq!(
        -day("2026-04-05"),
        2 * 3600 + 1800,
        "fold: 01:30-02:00 happens twice"
    );
    assert_eq!(
        -day("2026-10-04"),
        3600 + 1800,
        "gap: 02:00-02:30 never happens"
    );
    let s = cal(r#"{"timezone":"Australia/Lord_Howe","week":{"sun":[["02:15","04:00"]]}}"#);
    // 02:15 is in the gap: forward 30 min to 02:45 (+11:00) = 15:45Z the day before
    assert_eq!(
        z(s.next_working(at("2026-10-03T00:00:00Z")).unwrap()),
        "2026-10-03T15:45:00Z"
    );
}

#[test]
fn add_working_days_clause_5() {
    let c = Calendar::default_kyiv();
    // Friday: Monday and Tuesday count; Tuesday 18:00 Kyiv
    assert_eq!(
        z(c.add_working_days(at("2026-03-27T12:00:00Z"), 2).unwrap()),
        "2026-03-31T15:00:00Z"
    );
    // Saturday evening late, local date Saturday: Monday, Tuesday
    assert_eq!(
        z(c.add_working_days(at("2026-03-28T21:00:00Z"), 1).unwrap()),
        "2026-03-30T15:00:00Z"
    );
    // UTC Friday 22:30 is already Saturday in Kyiv
    assert_eq!(
        z(c.add_working_days(at("2026-03-27T22:30:00Z"), 1).unwrap()),
        "2026-03-30T15:00:00Z"
    );
    assert_eq!(
        c.add_working_days(at("2026-03-27T12:00:00Z"), 0)
            .unwrap_err()
            .field(),
        Some("days")
    );
}

#[test]
fn bad_calendar_files_name_the_field_and_value() {
    let cases: &[(&str, ErrorKind, &str, &str)] = &[
        (
            r#"{"timezone":"Mars/Olympus","week":{"mon":[["09:00","18:00"]]}}"#,
            ErrorKind::UnknownTimeZone,
            "timezone",
            "Mars/Olympus",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[["09:00","25:00"]]}}"#,
            ErrorKind::InvalidValue,
            "week.mon[0][1]",
            "25:00",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[["09:60","18:00"]]}}"#,
            ErrorKind::InvalidValue,
            "week.mon[0][0]",
            "09:60",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[["24:00","18:00"]]}}"#,
            ErrorKind::InvalidValue,
            "week.mon[0][0]",
            "24:00",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[["09:00"]]}}"#,
            ErrorKind::InvalidValue,
            "week.mon[0]",
            "09:00",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[["09:00","18:00"]]},"holidays":["2026-02-30"]}"#,
            ErrorKind::InvalidValue,
            "holidays[0]",
            "2026-02-30",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[["09:00","18:00"]]},"holidays":["26-02-03"]}"#,
            ErrorKind::InvalidValue,
            "holidays[0]",
            "26-02-03",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[["09:00","18:00"]]},"extra":1}"#,
            ErrorKind::UnknownField,
            "extra",
            "extra",
        ),
        (
            r#"{"timezone":"UTC","week":{"monday":[["09:00","18:00"]]}}"#,
            ErrorKind::UnknownField,
            "week.monday",
            "monday",
        ),
        (
            r#"{"timezone":"UTC","week":{}}"#,
            ErrorKind::NoWorkingTime,
            "week",
            "no working time",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[]},"extra_working_days":["2026-01-01"],"extra_working_day_hours":[]}"#,
            ErrorKind::NoWorkingTime,
            "week",
            "no working time",
        ),
        (
            r#"{"week":{"mon":[["09:00","18:00"]]}}"#,
            ErrorKind::MissingField,
            "timezone",
            "timezone",
        ),
        (
            r#"{"timezone":"UTC"}"#,
            ErrorKind::MissingField,
            "week",
            "week",
        ),
        (
            r#"{"timezone":3,"week":{}}"#,
            ErrorKind::InvalidValue,
            "timezone",
            "number",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[["09:00","18:00"]]},"holiday_preset":"PL"}"#,
            ErrorKind::InvalidValue,
            "holiday_preset",
            "PL",
        ),
        (
            r#"{"timezone":"UTC","week":{"mon":[["09:00","18:00"]]},"holidays":["2026-01-05"],"extra_working_days":["2026-01-05"]}"#,
            ErrorKind::Conflict,
            "holidays[0]",
            "2026-01-05",
        ),
        (r#"[1,2]"#, ErrorKind::InvalidJson, "", "object"),
        (r#"{"timezone":"UTC","#, ErrorKind::InvalidJson, "", "JSON"),
    ];
    for (json, kind, field, needle) in cases {
        let err = Calendar::from_json(json).unwrap_err();
        assert_eq!(err.kind(), *kind, "{json}: {err}");
        assert_eq!(err.field().unwrap_or(""), *field, "{json}: {err}");
        assert!(
            err.to_string().contains(needle),
            "{json}: {err} should mention {needle}"
        );
    }
}

#[test]
fn default_calendar_skips_ukrainian_holidays() {
    let c = Calendar::default_kyiv();
    // Thursday 2026-12-24 17:00 + 2 h: Christmas (25 Dec, Friday) is off -> Monday 28 Dec 10:00 EET
    assert_eq!(
        z(c.add(at("2026-12-24T15:00:00Z"), 7200).unwrap()),
        "2026-12-28T08:00:00Z"
    );
    // Independence Day 2026-08-24 is a Monday
    assert_eq!(
        c.elapsed(
            at("2026-08-24T00:00:00+03:00"),
            at("2026-08-25T00:00:00+03:00")
        )
        .unwrap(),
        0
    );
}

/// Calendars the property tests run over (no preset: the naive oracle reads the file).
fn calendars() -> &'static [Calendar] {
    static CALS: std::sync::OnceLock<Vec<Calendar>> = std::sync::OnceLock::new();
    CALS.get_or_init(|| vec![
        cal(KYIV_PLAIN),
        cal(r#"{"timezone":"Europe/Kyiv","week":{"mon":[["09:00","18:00"]],"tue":[["09:00","18:00"]],"wed":[["09:00","13:00"],["14:00","18:00"]],"thu":[["09:00","18:00"]],"fri":[["09:00","16:45"]]},
            "holidays":["2026-01-01","2026-01-07","2026-03-09","2026-04-13","2026-06-01","2026-06-29","2026-08-24","2026-10-14","2026-12-25"],
            "extra_working_days":["2026-03-14","2026-10-03"]}"#),
        cal(r#"{"timezone":"America/New_York","week":{"mon":[["22:00","06:00"]],"tue":[["00:00","24:00"]],"sat":[["01:30","02:30"],["12:00","12:00"]],"sun":[["01:00","03:00"]]}}"#),
        cal(r#"{"timezone":"Australia/Lord_Howe","week":{"sun":[["01:00","03:00"]],"wed":[["09:00","17:30"]],"fri":[["23:00","02:15"]]},"holidays":["2026-10-07"]}"#),
        cal(r#"{"timezone":"Europe/London","week":{"sun":[["00:30","02:30"]],"mon":[["09:00","09:00"]]},"extra_working_days":["2026-03-28"],"extra_working_day_hours":[["00:00","24:00"]]}"#),
    ])
}

/// 2025-06-01 .. 2027-06-01: two DST cycles in every zone above.
fn instant() -> impl Strategy<Value = i64> {
    ts("2025-06-01T00:00:00Z")..ts("2027-06-01T00:00:00Z")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn elapsed_of_add_is_the_duration(ci in 0usize..5, t in instant(), d in 0i64..400 * 3600) {
        let c = &calendars()[ci];
        let t = DateTime::from_timestamp(t, 0).unwrap();
        let u = c.add(t, d).unwrap();
        prop_assert!(u >= t);
        prop_assert_eq!(c.elapsed(t, u).unwrap(), d);
        // earliest: one second less is not enough
        if d > 0 {
            prop_assert!(c.elapsed(t, u - chrono::Duration::seconds(1)).unwrap() < d);
        }
    }

    #[test]
    fn add_composes(ci in 0usize..5, t in instant(), a in 1i64..200 * 3600, b in 1i64..200 * 3600) {
        let c = &calendars()[ci];
        let t = DateTime::from_timestamp(t, 0).unwrap();
        prop_assert_eq!(c.add(t, a + b).unwrap(), c.add(c.add(t, a).unwrap(), b).unwrap());
    }

    #[test]
    fn sub_inverts_add_on_working_instants(ci in 0usize..5, t in instant(), d in 0i64..300 * 3600) {
        let c = &calendars()[ci];
        let t = c.next_working(DateTime::from_timestamp(t, 0).unwrap()).unwrap();
        prop_assert_eq!(c.sub(c.add(t, d).unwrap(), d).unwrap(), t);
        let u = c.sub(t, d).unwrap();
        prop_assert!(u <= t);
        prop_assert_eq!(c.elapsed(u, t).unwrap(), d);
        // latest: one second later is not enough
        if d > 0 {
            prop_assert!(c.elapsed(u + chrono::Duration::seconds(1), t).unwrap() < d);
        }
    }

    #[test]
    fn add_is_monotone(ci in 0usize..5, t in instant(), s in 0i64..86_400 * 10, d in 0i64..100 * 3600, e in 0i64..3600) {
        let c = &calendars()[ci];
        let t = DateTime::from_timestamp(t, 0).unwrap();
        let t2 = t + chrono::Duration::seconds(s);
        prop_assert!(c.add(t, d).unwrap() <= c.add(t2, d).unwrap());
        prop_assert!(c.add(t, d).unwrap() <= c.add(t, d + e).unwrap());
    }

    #[test]
    fn is_working_agrees_with_elapsed(ci in 0usize..5, t in instant()) {
        let c = &calendars()[ci];
        let t = DateTime::from_timestamp(t, 0).unwrap();
        let one = c.elapsed(t, t + chrono::Duration::seconds(1)).unwrap();
        prop_assert_eq!(c.is_working(t).unwrap(), one == 1);
        let n = c.next_working(t).unwrap();
        prop_assert!(c.is_working(n).unwrap());
        prop_assert_eq!(c.elapsed(t, n).unwrap(), 0);
    }

    #[test]
    fn unix_seconds_variants_agree(ci in 0usize..5, t in any::<i64>(), u in instant(), d in -500i64 * 3600..500 * 3600) {
        // any i64 for t: inside, outside and far outside the range
        let c = &calendars()[ci];
        let t = if t % 3 == 0 { u.wrapping_add(t % 86_400) } else { t };
        let dt = DateTime::from_timestamp(t, 0);
        let same = |a: reglament::Result<i64>, b: Option<reglament::Result<i64>>| match (a, b) {
            (Ok(x), Some(Ok(y))) => x == y,
            (Err(e), Some(Err(f))) => e.code() == f.code() && e.message() == f.message(),
            (Err(e), None) => e.is_out_of_range(),
            _ => false,
        };
        let ts = |r: reglament::Result<DateTime<Utc>>| r.map(|x| x.timestamp());
        prop_assert!(same(c.add_secs(t, d), dt.map(|x| ts(c.add(x, d)))));
        prop_assert!(same(c.sub_secs(t, d), dt.map(|x| ts(c.sub(x, d)))));
        let b = DateTime::from_timestamp(u, 0).unwrap();
        prop_assert!(same(c.elapsed_secs(t, u), dt.map(|x| c.elapsed(x, b))));
        let w = |r: reglament::Result<bool>| r.map(i64::from);
        prop_assert!(same(w(c.is_working_secs(t)), dt.map(|x| w(c.is_working(x)))));
    }

    #[test]
    fn matches_the_naive_day_by_day_model(ci in 0usize..5, a in instant(), span in 0i64..86_400 * 40, d in 0i64..150 * 3600) {
        let c = &calendars()[ci];
        let b = a + span;
        let da = DateTime::from_timestamp(a, 0).unwrap();
        let db = DateTime::from_timestamp(b, 0).unwrap();
        prop_assert_eq!(c.elapsed(da, db).unwrap(), naive::elapsed(c, a, b));
        prop_assert_eq!(c.add(da, d).unwrap().timestamp(), naive::add(c, a, d));
        let iv: Vec<(i64, i64)> = c.working_intervals(da, db).unwrap().iter().map(|(x, y)| (x.timestamp(), y.timestamp())).collect();
        prop_assert_eq!(iv, naive::intervals(c, a, b));
    }
}
