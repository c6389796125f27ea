//! Per-date hours (`date_hours`) and the shortened eves of Labour Code
//! art. 53 (`shortened_eves`, UA presets): DESIGN §7, issue 16 items 4–5.

mod naive;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use naive::ts;
use proptest::prelude::*;
use reglament::calendar::CalendarSpec;
use reglament::holidays::{self, HolidayPreset, ShortenedReason};
use reglament::{Calendar, ErrorKind};
use serde_json::{json, Value};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn z(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cal(v: &Value) -> Calendar {
    Calendar::from_json(&v.to_string()).unwrap_or_else(|e| panic!("{v}: {e}"))
}

fn office(tz: &str) -> Value {
    let day = json!([["09:00", "18:00"]]);
    json!({"timezone": tz, "week": {"mon": day, "tue": day, "wed": day, "thu": day, "fri": day}})
}

/// Working seconds of the local day `d` (Kyiv).
fn day_seconds(c: &Calendar, d: &str) -> i64 {
    let a = c
        .local_to_instant(date(d).and_hms_opt(0, 0, 0).unwrap())
        .unwrap();
    let b = c
        .local_to_instant((date(d) + Duration::days(1)).and_hms_opt(0, 0, 0).unwrap())
        .unwrap();
    c.elapsed(a, b).unwrap()
}

/// The statutory calendar after martial law (ended 2025-12-31), shortened eves on.
fn statutory_after_2025(preset: &str) -> Value {
    let mut v = office("Europe/Kyiv");
    v["holiday_preset"] = json!(preset);
    v["martial_law_end"] = json!("2025-12-31");
    v
}

#[test]
fn date_hours_replace_the_week_the_preset_holidays_and_extra_days() {
    let mut v = office("Europe/Kyiv");
    v["holiday_preset"] = json!("UA");
    v["holidays"] = json!(["2026-03-10"]);
    v["extra_working_days"] = json!(["2026-03-14"]);
    v["date_hours"] = json!({
        "2026-12-31": [["09:00", "16:00"]], // a Thursday: shorter
        "2026-12-30": [],                   // a Wednesday: off
        "2026-01-01": [["10:00", "12:00"]], // New Year (preset day off): worked
        "2026-03-10": [["10:00", "11:00"]], // a listed holiday: worked
        "2026-03-14": [["10:00", "10:30"]], // an extra working Saturday: its own hours
        "2026-03-15": [["08:00", "09:00"]]  // a Sunday
    });
    let c = cal(&v);
    assert_eq!(day_seconds(&c, "2026-12-31"), 7 * 3600);
    assert_eq!(day_seconds(&c, "2026-12-30"), 0);
    assert_eq!(day_seconds(&c, "2026-01-01"), 2 * 3600);
    assert_eq!(day_seconds(&c, "2026-03-10"), 3600);
    assert_eq!(day_seconds(&c, "2026-03-14"), 1800);
    assert_eq!(day_seconds(&c, "2026-03-15"), 3600);
    assert!(!c.is_working_day(date("2026-12-30")));
    assert!(c.is_working_day(date("2026-01-01")));
    // hours remove a day off; an empty entry makes one of the file's
    assert!(c.day_off(date("2026-01-01")).is_none());
    let off = c.day_off(date("2026-12-30")).unwrap();
    assert_eq!(
        (off.kind, off.name),
        (reglament::calendar::DayOffKind::Listed, None)
    );
    // a budget that ends exactly at the shortened closing time: 16:00, not the next day
    assert_eq!(
        z(c.add(at("2026-12-31T12:00:00Z"), 2 * 3600).unwrap()),
        "2026-12-31T14:00:00Z"
    );
    assert_eq!(
        z(c.add(at("2026-12-31T12:00:00Z"), 2 * 3600 + 1).unwrap()),
        "2027-01-04T07:00:01Z"
    );
    // add_working_days skips the day with no shift
    assert_eq!(
        z(c.add_working_days(at("2026-12-29T10:00:00Z"), 1).unwrap()),
        "2026-12-31T14:00:00Z"
    );
}

#[test]
fn an_overnight_shift_begun_the_day_before_runs_on_into_an_empty_date() {
    let v = json!({"timezone": "UTC", "week": {"mon": [["22:00", "06:00"]], "tue": [["22:00", "06:00"]]},
                   "date_hours": {"2026-03-31": []}});
    let c = cal(&v);
    // Monday's night runs into Tuesday 31 March; Tuesday's own night does not start
    assert!(c.is_working(at("2026-03-31T05:00:00Z")).unwrap());
    assert!(!c.is_working(at("2026-03-31T23:00:00Z")).unwrap());
    // and an entry's own overnight shift runs into the next day
    let v = json!({"timezone": "UTC", "week": {"mon": [["09:00", "17:00"]]},
                   "date_hours": {"2026-04-03": [["20:00", "02:00"]]}});
    let c = cal(&v);
    assert_eq!(
        c.elapsed(at("2026-04-04T00:00:00Z"), at("2026-04-05T00:00:00Z"))
            .unwrap(),
        7200
    );
}

#[test]
fn a_calendar_with_only_date_hours_has_working_time() {
    let v =
        json!({"timezone": "UTC", "week": {}, "date_hours": {"2026-05-05": [["10:00", "12:00"]]}});
    let c = cal(&v);
    assert_eq!(
        z(c.add(at("2026-01-01T00:00:00Z"), 3600).unwrap()),
        "2026-05-05T11:00:00Z"
    );
    assert_eq!(
        c.add(at("2026-05-05T11:00:00Z"), 3601).unwrap_err().kind(),
        ErrorKind::NoWorkingTime
    );
    let none = json!({"timezone": "UTC", "week": {}, "date_hours": {"2026-05-05": []}});
    let err = Calendar::from_json(&none.to_string()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NoWorkingTime);
}

#[test]
fn bad_date_hours_name_the_path_and_the_value() {
    let cases: &[(Value, ErrorKind, &str, &str)] = &[
        (
            json!([]),
            ErrorKind::InvalidValue,
            "date_hours",
            "found an array",
        ),
        (
            json!({"2026-13-01": []}),
            ErrorKind::InvalidValue,
            "date_hours.2026-13-01",
            "2026-13-01",
        ),
        (
            json!({"31.12.2026": []}),
            ErrorKind::InvalidValue,
            "date_hours.31.12.2026",
            "31.12.2026",
        ),
        (
            json!({"2026-12-31": "09:00"}),
            ErrorKind::InvalidValue,
            "date_hours.2026-12-31",
            "found a string",
        ),
        (
            json!({"2026-12-31": [["09:00", "16:60"]]}),
            ErrorKind::InvalidValue,
            "date_hours.2026-12-31[0][1]",
            "16:60",
        ),
        (
            json!({"2026-12-31": [["9:00", "16:00"]]}),
            ErrorKind::InvalidValue,
            "date_hours.2026-12-31[0][0]",
            "9:00",
        ),
        (
            json!({"2026-12-31": [["09:00", "12:00"], ["13:00"]]}),
            ErrorKind::InvalidValue,
            "date_hours.2026-12-31[1]",
            "13:00",
        ),
        (
            json!({"2026-12-31": [["24:00", "02:00"]]}),
            ErrorKind::InvalidValue,
            "date_hours.2026-12-31[0][0]",
            "24:00",
        ),
    ];
    for (dated, kind, field, needle) in cases {
        let mut v = office("UTC");
        v["date_hours"] = dated.clone();
        let err = Calendar::from_json(&v.to_string()).unwrap_err();
        assert_eq!(err.kind(), *kind, "{dated}: {err}");
        assert_eq!(err.field(), Some(*field), "{dated}: {err}");
        assert!(
            err.to_string().contains(needle),
            "{dated}: {err} should mention {needle}"
        );
    }
    let mut v = office("UTC");
    v["shortened_eves"] = json!("no");
    let err = Calendar::from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::InvalidValue, Some("shortened_eves"))
    );
    assert!(err.to_string().contains("found a string"), "{err}");
    // null means the default, like the other optional keys
    v["shortened_eves"] = Value::Null;
    v["date_hours"] = Value::Null;
    assert!(
        Calendar::from_json(&v.to_string())
            .unwrap()
            .spec()
            .shortened_eves
    );
}

#[test]
fn the_new_keys_round_trip_and_defaults_are_not_written() {
    let mut v = statutory_after_2025("UA");
    v["date_hours"] = json!({"2026-12-31": [["09:00", "16:00"]], "2026-12-30": []});
    v["shortened_eves"] = json!(false);
    let spec = CalendarSpec::from_value(&v).unwrap();
    let back = spec.to_value();
    assert_eq!(back["date_hours"], v["date_hours"]);
    assert_eq!(back["shortened_eves"], json!(false));
    assert_eq!(CalendarSpec::from_value(&back).unwrap(), spec);
    let plain = CalendarSpec::default_kyiv().to_value();
    assert!(plain.get("date_hours").is_none() && plain.get("shortened_eves").is_none());
}

#[test]
fn eves_are_the_calendar_day_before_a_statutory_holiday() {
    // 2026 after martial law, UA-statutory and UA alike
    for preset in ["UA", "UA-statutory"] {
        let c = cal(&statutory_after_2025(preset));
        // Thursday 24 December (Christmas on Friday) and Thursday 31 December
        assert_eq!(day_seconds(&c, "2026-12-24"), 8 * 3600, "{preset}");
        assert_eq!(day_seconds(&c, "2026-12-31"), 8 * 3600, "{preset}");
        // Independence Day on Monday 24 August: the eve is Sunday, Friday stays whole
        assert_eq!(day_seconds(&c, "2026-08-21"), 9 * 3600, "{preset}");
        // Constitution Day on Sunday 28 June: Saturday is the eve; Friday whole
        assert_eq!(day_seconds(&c, "2026-06-26"), 9 * 3600, "{preset}");
        // Easter on Sunday 12 April: nothing shortened
        assert_eq!(day_seconds(&c, "2026-04-10"), 9 * 3600, "{preset}");
        // Women's Day on Sunday 8 March, Monday 9 March its carry-over: Friday whole
        assert_eq!(day_seconds(&c, "2026-03-06"), 9 * 3600, "{preset}");
        // Statehood Day on Wednesday 15 July: Tuesday loses its last hour
        assert_eq!(day_seconds(&c, "2026-07-14"), 8 * 3600, "{preset}");
        assert!(
            !c.is_working(at("2026-07-14T14:00:00Z")).unwrap(),
            "{preset}"
        ); // 17:00 EEST
        assert!(
            c.is_working(at("2026-07-14T13:59:59Z")).unwrap(),
            "{preset}"
        );
        // Defenders' Day on Thursday 1 October: Wednesday 30 September
        assert_eq!(day_seconds(&c, "2026-09-30"), 8 * 3600, "{preset}");
    }
}

#[test]
fn a_shortened_day_at_the_end_of_a_budget() {
    let c = cal(&statutory_after_2025("UA-statutory"));
    // Tuesday 14 July 2026 15:00 EEST + 2 h: 17:00 is the shortened closing
    assert_eq!(
        z(c.add(at("2026-07-14T12:00:00Z"), 2 * 3600).unwrap()),
        "2026-07-14T14:00:00Z"
    );
    // one second more: Thursday 16 July 09:00:01 (15 July is the holiday)
    assert_eq!(
        z(c.add(at("2026-07-14T12:00:00Z"), 2 * 3600 + 1).unwrap()),
        "2026-07-16T06:00:01Z"
    );
    // shortened_eves false: the whole day
    let mut v = statutory_after_2025("UA-statutory");
    v["shortened_eves"] = json!(false);
    let full = cal(&v);
    assert_eq!(
        z(full.add(at("2026-07-14T12:00:00Z"), 2 * 3600).unwrap()),
        "2026-07-14T14:00:00Z"
    );
    assert_eq!(
        z(full.add(at("2026-07-14T12:00:00Z"), 3 * 3600).unwrap()),
        "2026-07-14T15:00:00Z"
    );
    assert_eq!(day_seconds(&full, "2026-12-31"), 9 * 3600);
}

#[test]
fn date_hours_on_an_eve_win_and_an_extra_working_eve_is_shortened() {
    let mut v = statutory_after_2025("UA-statutory");
    v["date_hours"] = json!({"2026-12-31": [["09:00", "18:00"]]});
    v["extra_working_days"] = json!(["2027-01-01", "2026-12-24"]);
    v["extra_working_day_hours"] = json!([["10:00", "14:00"], ["15:00", "15:30"]]);
    let c = cal(&v);
    assert_eq!(day_seconds(&c, "2026-12-31"), 9 * 3600); // date_hours: no shortening
                                                         // an extra working day on an eve loses its last hour: 15:00-15:30 and 13:30-14:00
    assert_eq!(day_seconds(&c, "2026-12-24"), 3 * 3600 + 1800);
    assert!(c.is_working(at("2026-12-24T11:29:59Z")).unwrap());
    assert!(!c.is_working(at("2026-12-24T11:30:00Z")).unwrap());
    // the holiday worked by the file is still the law's holiday: its eve stays short
    assert_eq!(day_seconds(&c, "2027-01-01"), 4 * 3600 + 1800);
}

#[test]
fn martial_law_keeps_every_eve_whole_in_both_presets() {
    for preset in ["UA", "UA-statutory"] {
        let mut v = office("Europe/Kyiv");
        v["holiday_preset"] = json!(preset);
        let c = cal(&v);
        assert_eq!(day_seconds(&c, "2026-12-24"), 9 * 3600, "{preset}");
        assert_eq!(day_seconds(&c, "2026-07-14"), 9 * 3600, "{preset}");
        // before the suspension (24.03.2022) art. 73 and art. 53 applied
        assert_eq!(day_seconds(&c, "2021-12-31"), 8 * 3600, "{preset}");
        assert_eq!(day_seconds(&c, "2022-01-06"), 8 * 3600, "{preset}");
    }
    // martial law ending on the eve itself: that eve is still under it
    let mut v = statutory_after_2025("UA-statutory");
    v["martial_law_end"] = json!("2026-07-14");
    assert_eq!(day_seconds(&cal(&v), "2026-07-14"), 9 * 3600);
    v["martial_law_end"] = json!("2026-07-13");
    assert_eq!(day_seconds(&cal(&v), "2026-07-14"), 8 * 3600);
}

#[test]
fn transferred_working_saturdays_carry_the_eve_they_replace() {
    // КМУ 995-р / 7-р: Saturday 28 December 2019 worked for Tuesday 31
    // December (eve of New Year), Saturday 11 January 2020 for Monday 6
    // January (eve of Christmas): both 7-hour days on an 8-hour week;
    // Saturday 21 December 2019 (for Monday 30 December) a whole day.
    let mut v = office("Europe/Kyiv");
    v["holiday_preset"] = json!("UA-statutory");
    let c = cal(&v);
    assert_eq!(day_seconds(&c, "2019-12-28"), 8 * 3600);
    assert_eq!(day_seconds(&c, "2020-01-11"), 8 * 3600);
    assert_eq!(day_seconds(&c, "2019-12-21"), 9 * 3600);
    assert_eq!(day_seconds(&c, "2019-12-24"), 8 * 3600);
    assert_eq!(day_seconds(&c, "2019-12-31"), 0);
    // 2019 (Мінсоцполітики norm table): Friday 23 August before Saturday
    // 24 August is short; Friday 4 January before Monday 7 January is not
    assert_eq!(day_seconds(&c, "2019-08-23"), 8 * 3600);
    assert_eq!(day_seconds(&c, "2019-01-04"), 9 * 3600);
    // two holidays in a row, 1 and 2 May 2014 (Thursday, Friday): Wednesday
    // 30 April only (the second's eve is the first holiday)
    assert_eq!(day_seconds(&c, "2014-04-30"), 8 * 3600);
    assert_eq!(day_seconds(&c, "2014-05-01"), 0);
    let y = holidays::year(HolidayPreset::UaStatutory, 2019, None).unwrap();
    let dec28 = y
        .shortened
        .iter()
        .find(|s| s.date == date("2019-12-28"))
        .unwrap();
    assert_eq!(
        dec28.reason,
        ShortenedReason::TransferredEve {
            instead_of: date("2019-12-31")
        }
    );
    assert_eq!(dec28.holiday, date("2020-01-01"));
}

#[test]
fn the_default_calendar_is_unchanged_under_martial_law() {
    let c = Calendar::default_kyiv();
    let mut spec = CalendarSpec::default_kyiv();
    spec.shortened_eves = false;
    let off = Calendar::from_spec(&spec).unwrap();
    let mut t = ts("2022-03-24T00:00:00Z");
    let end = ts("2099-12-01T00:00:00Z");
    while t < end {
        let a = DateTime::from_timestamp(t, 0).unwrap();
        assert_eq!(c.add(a, 3600 * 7).unwrap(), off.add(a, 3600 * 7).unwrap());
        assert_eq!(
            c.work_index(a).unwrap() - c.work_index(at("2022-03-24T00:00:00Z")).unwrap(),
            off.work_index(a).unwrap() - off.work_index(at("2022-03-24T00:00:00Z")).unwrap()
        );
        t += 86_400 * 3 + 3_917;
    }
}

#[test]
fn both_presets_agree_on_the_shortened_days() {
    for end in [
        None,
        Some(date("2022-03-01")),
        Some(date("2025-05-31")),
        Some(date("2031-12-31")),
    ] {
        for y in holidays::FIRST_YEAR..=holidays::LAST_YEAR {
            let a = holidays::year(HolidayPreset::Ua, y, end).unwrap();
            let b = holidays::year(HolidayPreset::UaStatutory, y, end).unwrap();
            assert_eq!(a.shortened, b.shortened, "{y} {end:?}");
            for s in &a.shortened {
                assert_eq!(s.date.year(), y);
                assert!(
                    !b.days_off.iter().any(|o| o.date == s.date),
                    "{} is off",
                    s.date
                );
                match s.reason {
                    ShortenedReason::Eve => assert_eq!(s.date.succ_opt(), Some(s.holiday)),
                    ShortenedReason::TransferredEve { instead_of } => {
                        assert_eq!(instead_of.succ_opt(), Some(s.holiday));
                        assert!(b.working_days.iter().any(|w| w.date == s.date));
                    }
                }
            }
            if end.is_none() && y >= 2023 {
                assert!(a.shortened.is_empty(), "{y}");
            }
        }
    }
}

/// Calendars for the properties: no preset (the naive model reads the file).
fn calendars() -> Vec<Value> {
    vec![
        office("Europe/Kyiv"),
        json!({"timezone": "America/New_York", "week": {"mon": [["22:00", "06:00"]], "tue": [["00:00", "24:00"]],
               "sat": [["01:30", "02:30"], ["12:00", "12:00"]], "sun": [["01:00", "03:00"]]},
               "holidays": ["2026-03-10"], "extra_working_days": ["2026-03-07"]}),
        json!({"timezone": "Australia/Lord_Howe", "week": {"sun": [["01:00", "03:00"]], "wed": [["09:00", "17:30"]],
               "fri": [["23:00", "02:15"]]}, "holidays": ["2026-10-07"]}),
    ]
}

/// The statutory calendar after 2025 with and without shortened eves.
fn with_and_without() -> &'static (Calendar, Calendar) {
    static CALS: std::sync::OnceLock<(Calendar, Calendar)> = std::sync::OnceLock::new();
    CALS.get_or_init(|| {
        let mut v = statutory_after_2025("UA-statutory");
        let with = cal(&v);
        v["shortened_eves"] = json!(false);
        (with, cal(&v))
    })
}

fn shifts_strategy() -> impl Strategy<Value = Vec<(u32, u32)>> {
    prop::collection::vec((0u32..96, 0u32..97), 0..3)
}

fn hhmm(q: u32) -> String {
    format!("{:02}:{:02}", q / 4, q % 4 * 15)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// `date_hours` absent, empty, or restating the week: the same answers;
    /// random entries: the naive day-by-day model's answers.
    #[test]
    fn date_hours_against_the_plain_calendar_and_the_naive_model(
        ci in 0usize..3,
        a in ts("2025-06-01T00:00:00Z")..ts("2027-06-01T00:00:00Z"),
        span in 0i64..86_400 * 30,
        d in 0i64..150 * 3600,
        days in prop::collection::vec((0i64..40, shifts_strategy()), 1..6),
    ) {
        let base = calendars()[ci].clone();
        let plain = cal(&base);
        let da = DateTime::from_timestamp(a, 0).unwrap();
        let db = DateTime::from_timestamp(a + span, 0).unwrap();
        let first = da.date_naive() - Duration::days(5);

        let mut empty = base.clone();
        empty["date_hours"] = json!({});
        let mut same = base.clone();
        let mut own = base.clone();
        let mut same_map = serde_json::Map::new();
        let mut own_map = serde_json::Map::new();
        for (k, list) in &days {
            let day = first + Duration::days(*k);
            let week_day = plain.spec().week[day.weekday().num_days_from_monday() as usize].clone();
            let restated: Vec<Value> = week_day.iter().map(|s| json!([s.start().to_string(), s.end().to_string()])).collect();
            // a weekday's own shifts only where the week applies to that date
            if plain.day_off(day).is_none() && !plain.spec().extra_working_days.contains(&day) {
                same_map.insert(day.to_string(), Value::Array(restated));
            }
            let given: Vec<Value> = list.iter().map(|&(s, e)| json!([hhmm(s), hhmm(e.min(96))])).collect();
            own_map.insert(day.to_string(), Value::Array(given));
        }
        same["date_hours"] = Value::Object(same_map);
        own["date_hours"] = Value::Object(own_map);
        for other in [cal(&empty), cal(&same)] {
            prop_assert_eq!(plain.elapsed(da, db).unwrap(), other.elapsed(da, db).unwrap());
            prop_assert_eq!(plain.add(da, d).ok(), other.add(da, d).ok());
            prop_assert_eq!(plain.sub(db, d).ok(), other.sub(db, d).ok());
            prop_assert_eq!(plain.working_intervals(da, db).unwrap(), other.working_intervals(da, db).unwrap());
        }
        let c = cal(&own);
        prop_assert_eq!(c.elapsed(da, db).unwrap(), naive::elapsed(&c, a, a + span));
        prop_assert_eq!(c.add(da, d).unwrap().timestamp(), naive::add(&c, a, d));
        let iv: Vec<(i64, i64)> = c.working_intervals(da, db).unwrap().iter().map(|(x, y)| (x.timestamp(), y.timestamp())).collect();
        prop_assert_eq!(iv, naive::intervals(&c, a, a + span));
        let u = c.add(da, d).unwrap();
        prop_assert_eq!(c.elapsed(da, u).unwrap(), d);
    }

    /// Over any range, the shortened calendar counts exactly the removed
    /// hours less: the overlap of the range with 17:00–18:00 of each eve.
    #[test]
    fn shortened_eves_remove_exactly_one_hour_each(
        a in ts("2026-01-01T00:00:00Z")..ts("2034-01-01T00:00:00Z"),
        span in 0i64..86_400 * 400,
    ) {
        let (with, without) = with_and_without();
        let da = DateTime::from_timestamp(a, 0).unwrap();
        let db = DateTime::from_timestamp(a + span, 0).unwrap();
        let mut removed = 0;
        for y in da.year()..=db.year() {
            for s in holidays::year(HolidayPreset::UaStatutory, y, Some(date("2025-12-31"))).unwrap().shortened {
                if s.date.weekday().num_days_from_monday() >= 5 {
                    continue; // not a working day of this week
                }
                let h0 = with.local_to_instant(s.date.and_hms_opt(17, 0, 0).unwrap()).unwrap().timestamp();
                removed += ((a + span).min(h0 + 3600) - a.max(h0)).max(0);
            }
        }
        prop_assert_eq!(without.elapsed(da, db).unwrap() - with.elapsed(da, db).unwrap(), removed);
    }
}
