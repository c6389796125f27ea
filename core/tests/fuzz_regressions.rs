//! Inputs the fuzz targets of `fuzz/` (and the bad-input catalogue of
//! `tests/bad_input/`) found crashing or breaking an invariant, each with
//! the behaviour the fix gives. The crashing files are also kept as seeds
//! in `fuzz/seeds/<target>/`.

use reglament::calendar::CalendarSpec;
use reglament::Calendar;

/// calendar_json: `"-026-12-31"` passed the `YYYY-MM-DD` shape check (year
/// -26), then printed as `"-0026-12-31"`, which the parser refuses: the
/// calendar did not round-trip.
#[test]
fn a_date_with_a_sign_is_refused() {
    for bad in [
        "-026-12-31",
        "+026-12-31",
        "2026-1-031",
        " 026-12-31",
        "2026-12-3x",
    ] {
        let json = format!(
            r#"{{"timezone":"Europe/Kyiv","week":{{"mon":[["09:00","18:00"]]}},"holidays":["{bad}"]}}"#
        );
        let e = Calendar::from_json(&json).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("invalid_value", Some("holidays[0]")),
            "{bad}"
        );
        assert!(e.message().contains(bad), "{bad}: {e}");
        let json = format!(
            r#"{{"timezone":"UTC","week":{{"mon":[["09:00","18:00"]]}},"martial_law_end":"{bad}"}}"#
        );
        let e = CalendarSpec::from_json(&json).unwrap_err();
        assert_eq!(e.field(), Some("martial_law_end"), "{bad}");
    }
    let crash = r#"{"timezone":"Europe/Kyiv","week":{"mon":[["09:00","18:00"]],"tue":[["09:00","18:00"]],"wed":[["10:00","18:00"]],"thu":[["09:00","18:00"]],"fri":[["09:00","17:00"]],"sat":[],"sun":[]},"holiday_preset":"UA-statutory","martial_law_end":"2026-05-31","holidays":["-026-12-31"],"extra_working_days":["2026-06-06"]}"#;
    assert_eq!(
        Calendar::from_json(crash).unwrap_err().field(),
        Some("holidays[0]")
    );
}

/// events_replay: `"9999-12-31T23:59:59-23:59"` is valid RFC 3339 but lies
/// in year 10000 in UTC, where `instant::format` cannot write it: an event
/// carrying it printed back to text its own parser refuses.
#[test]
fn an_instant_past_year_9999_in_utc_is_out_of_range() {
    use reglament::{instant, ticket::Event};
    for bad in ["9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+00:01"] {
        let e = instant::parse(bad).unwrap_err();
        assert_eq!(e.code(), "out_of_range", "{bad}");
        assert!(e.message().contains(bad));
    }
    for ok in [
        "9999-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59+14:00",
    ] {
        let t = instant::parse(ok).unwrap();
        assert_eq!(instant::parse(&instant::format(t)).unwrap(), t, "{ok}");
    }
    let line = r#"{"kind":"extend_deadline","at":"2000-03-01T00:00:00Z","actor":{"id":"cs","role":"customer_service"},"metric":"update_interval","new_due":"9999-12-31T23:59:59-23:59","evidence":"e"}"#;
    let e = Event::from_json(line).unwrap_err();
    assert_eq!((e.code(), e.field()), ("out_of_range", Some("new_due")));
}

/// events_replay: an extension of `add_seconds: i64::MAX` was accepted and
/// the clocks overflowed adding it to the due level (`sla::Ctx::chain`).
/// Agreed extensions, and SLA targets, are now bounded by the supported
/// range (`regulation::MAX_SECONDS`).
#[test]
fn an_extension_longer_than_the_supported_range_is_refused() {
    use reglament::ticket::{Event, RefusalCode, Ticket};
    use reglament::{instant, regulation::MAX_SECONDS, Regulation};
    let reg = Regulation::default();
    let register = r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c","priority":"critical","category":"incident"}"#;
    let extend = |s: i64| {
        format!(
            r#"{{"kind":"extend_deadline","at":"2026-03-02T10:01:00+02:00","actor":{{"id":"cs","role":"customer_service"}},"add_seconds":{s},"evidence":"e"}}"#
        )
    };
    for (s, accepted) in [
        (i64::MAX, false),
        (MAX_SECONDS + 1, false),
        (MAX_SECONDS, true),
        (1, true),
    ] {
        let events = [register.to_string(), extend(s)]
            .iter()
            .map(|l| Event::from_json(l).unwrap())
            .collect::<Vec<_>>();
        let r = Ticket::replay(&reg, "T", events);
        assert_eq!(r.steps[1].outcome.is_accepted(), accepted, "{s}");
        if let Some(refusal) = r.steps[1].outcome.refusal() {
            assert_eq!(
                (refusal.code, refusal.field),
                (RefusalCode::InvalidExtension, Some("add_seconds"))
            );
        }
        // the clocks answer (a due past 2100 is an out_of_range error, not a panic)
        let now = instant::parse("2026-03-05T10:00:00Z").unwrap();
        let _ = r.ticket.clocks(&reg, now);
        let _ = r.ticket.clocks_summary(&reg, now);
    }
}

/// The same overflow through the regulation file: an SLA target of
/// `i64::MAX` seconds.
#[test]
fn an_sla_target_longer_than_the_supported_range_is_refused() {
    use reglament::{regulation::MAX_SECONDS, Regulation};
    let mut v = serde_json::to_value(Regulation::default().spec()).unwrap();
    for (key, value, ok) in [
        ("response", i64::MAX, false),
        ("resolution", MAX_SECONDS + 1, false),
        ("update_interval", i64::MAX, false),
        ("resolution", MAX_SECONDS, true),
    ] {
        let mut w = v.clone();
        w["sla"]["targets"][0][key] = value.into();
        match Regulation::from_value(&w) {
            Ok(_) => assert!(ok, "{key} {value} accepted"),
            Err(e) => {
                assert!(!ok, "{key} {value}: {e}");
                let field = format!("sla.targets[0].{key}");
                assert_eq!(
                    (e.code(), e.field()),
                    ("out_of_range", Some(field.as_str()))
                );
                assert!(e.message().contains(&value.to_string()));
            }
        }
    }
    v["sla"]["targets"][0]["resolution"] = MAX_SECONDS.into();
    assert!(Regulation::from_value(&v).is_ok());
}

/// Found with the bad-input catalogue (`extend-new-due-beyond-the-calendar`):
/// an extension to a due instant past the calendar's range was accepted,
/// and from then on every reading of the ticket's clocks failed with
/// `out_of_range`. It is refused now, as an instant out of range.
#[test]
fn an_extension_past_the_calendar_is_refused() {
    use reglament::ticket::{Event, RefusalCode, Ticket};
    use reglament::{instant, Regulation};
    let reg = Regulation::default();
    let register = r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}"#;
    for (due, accepted) in [
        ("2100-01-01T00:00:01Z", false),
        ("2100-01-01T00:00:00Z", false),
        ("2200-01-01T00:00:00Z", false),
        ("2099-12-31T23:59:59Z", true),
    ] {
        let extend = format!(
            r#"{{"kind":"extend_deadline","at":"2026-03-02T10:10:00+02:00","actor":{{"id":"cs","role":"customer_service"}},"new_due":"{due}","evidence":"e"}}"#
        );
        let events = [register, extend.as_str()].map(|l| Event::from_json(l).unwrap());
        let r = Ticket::replay(&reg, "T", events);
        assert_eq!(r.steps[1].outcome.is_accepted(), accepted, "{due}");
        if let Some(refusal) = r.steps[1].outcome.refusal() {
            assert_eq!(
                (refusal.code, refusal.clause, refusal.field),
                (RefusalCode::InstantOutOfRange, "§3", Some("new_due"))
            );
        }
        let now = instant::parse("2026-03-05T10:00:00Z").unwrap();
        assert!(r.ticket.clocks(&reg, now).is_ok(), "{due}: the clocks fail");
    }
}

/// calendar_arith (`Op::AtWorkIndex`): `Calendar::at_work_index` with an
/// index near `i64::MIN` or `i64::MAX` overflowed the template arithmetic
/// (a panic in debug builds, a wrapped answer in release ones), and small
/// indexes gave instants before the supported range.
#[test]
fn extreme_working_time_indexes_answer_without_overflow() {
    let cals = [
        Calendar::default_kyiv(),
        Calendar::from_json(r#"{"timezone":"UTC","week":{},"extra_working_days":["2026-01-01"],"extra_working_day_hours":[["09:00","10:00"]]}"#).unwrap(),
    ];
    for cal in &cals {
        let (lo, hi) = cal.supported_range();
        let (f_lo, f_hi) = (cal.work_index(lo).unwrap(), cal.work_index(hi).unwrap());
        for v in [i64::MIN, i64::MIN + 1, f_lo - 1, f_lo] {
            assert_eq!(cal.at_work_index(v).unwrap(), lo, "{v}");
        }
        for v in [f_hi + 1, 1 << 62, i64::MAX - 1, i64::MAX] {
            let e = cal.at_work_index(v).unwrap_err();
            assert!(e.is_out_of_range() || e.is_no_working_time(), "{v}: {e}");
        }
        let u = cal.at_work_index(f_hi).unwrap();
        assert!(u >= lo && u <= hi);
    }
}

/// The calendar-days archive delay (`rules::archive_due`, the default unit)
/// stays within the calendar's range, like the working-days one: a far-away
/// start is refused, and a Release whose archive would fall after the range
/// is refused like any instant out of range (the ticket could never be
/// archived without acceptance otherwise).
#[test]
fn the_archive_delay_stays_within_the_calendar() {
    use reglament::ticket::{Event, RefusalCode, Ticket};
    use reglament::{instant, rules, Regulation};
    let reg = Regulation::default();
    for t in [
        "9999-12-31T00:00:00Z",
        "1970-01-01T00:00:00Z",
        "2099-12-25T00:00:00Z",
    ] {
        let e = rules::archive_due(&reg, instant::parse(t).unwrap()).unwrap_err();
        assert!(e.is_out_of_range(), "{t}: {e}");
    }
    assert!(rules::archive_due(&reg, instant::parse("2099-12-20T12:00:00Z").unwrap()).is_ok());
    let register = r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}"#;
    let release = r#"{"kind":"release","at":"2099-12-25T10:00:00+02:00","actor":{"id":"op","role":"operator"}}"#;
    let r = Ticket::replay(
        &reg,
        "T",
        [register, release].map(|l| Event::from_json(l).unwrap()),
    );
    let refusal = r.steps[1].outcome.refusal().expect("refused");
    assert_eq!(
        (refusal.code, refusal.clause, refusal.field),
        (RefusalCode::InstantOutOfRange, "§3", Some("at"))
    );
}
