use super::*;
use crate::calendar::CalendarSpec;
use crate::model::DayUnit;
use serde_json::json;

fn default_value() -> Value {
    serde_json::to_value(RegulationSpec::default()).unwrap()
}

fn err_of(v: &Value) -> Error {
    Regulation::from_value(v).unwrap_err()
}

#[test]
fn default_round_trips_and_has_the_seed_values() {
    let reg = Regulation::default();
    let back = Regulation::from_json(&reg.to_json()).unwrap();
    assert_eq!(back, reg);
    let s = reg.spec();
    assert_eq!(
        s.archive_after,
        DayCount {
            amount: 10,
            unit: DayUnit::CalendarDays
        }
    );
    assert_eq!(
        s.contact_change_notice,
        DayCount {
            amount: 2,
            unit: DayUnit::WorkingDays
        }
    );
    assert_eq!(s.calendar, CalendarSpec::default_kyiv());
    assert_eq!(s.priority_change, PriorityChangeRule::KeepConsumed);
    assert!(s.sla.example && s.sla.note.contains("Example"));
}

#[test]
fn unknown_keys_are_refused_with_their_path() {
    let mut v = default_value();
    v["pauses"]["response"]["holiday"] = json!(true);
    let e = err_of(&v);
    assert_eq!(
        (e.code(), e.field()),
        ("unknown_field", Some("pauses.response.holiday"))
    );
    let mut v = default_value();
    v["colour"] = json!("red");
    assert_eq!(err_of(&v).field(), Some("colour"));
}

#[test]
fn calendar_errors_are_prefixed() {
    let mut v = default_value();
    v["calendar"]["week"]["mon"] = json!([["09:00", "25:00"]]);
    let e = err_of(&v);
    assert_eq!(e.field(), Some("calendar.week.mon[0][1]"));
    assert!(e.to_string().contains("25:00"));
    let mut v = default_value();
    v["registration_calendar"] = json!({"timezone": "Mars/Base", "week": {}});
    assert_eq!(err_of(&v).field(), Some("registration_calendar.timezone"));
}

#[test]
fn sla_rules_are_checked() {
    let mut v = default_value();
    v["sla"]["targets"][1]["category"] = json!("incident");
    v["sla"]["targets"][1]["priority"] = json!("critical");
    let e = err_of(&v);
    assert_eq!((e.code(), e.field()), ("conflict", Some("sla.targets[1]")));

    let mut v = default_value();
    v["sla"]["targets"][0]["response"] = json!(0);
    assert_eq!(err_of(&v).field(), Some("sla.targets[0].response"));

    let mut v = default_value();
    v["sla"]["targets"][2]["resolution"] = json!(60);
    let e = err_of(&v);
    assert_eq!(
        (e.code(), e.field()),
        ("conflict", Some("sla.targets[2].resolution"))
    );

    let mut v = default_value();
    v["sla"]["targets"][0]["response"] = json!("half an hour");
    let e = err_of(&v);
    assert_eq!(e.code(), "invalid_json");
    assert!(e.message().contains("half an hour"));
}

#[test]
fn actions_and_approvals_are_checked() {
    let mut v = default_value();
    v["approval_required_for"] = json!(["server_recovery", "fly_to_the_moon"]);
    let e = err_of(&v);
    assert_eq!(e.field(), Some("approval_required_for[1]"));
    assert!(e.message().contains("fly_to_the_moon"));

    let mut v = default_value();
    v["approval_required_for"] = json!(["release", "server_recovery"]);
    let reg = Regulation::from_value(&v).unwrap();
    assert!(reg.needs_approval("release"));

    let mut v = default_value();
    v["approval_required_for"] = json!(["comment"]);
    assert_eq!(err_of(&v).field(), Some("approval_required_for[0]"));

    let mut v = default_value();
    v["actions"][0]["name"] = json!("Server Recovery");
    assert_eq!(err_of(&v).field(), Some("actions[0].name"));

    let mut v = default_value();
    v["actions"][0]["name"] = json!("release");
    assert_eq!(err_of(&v).code(), "conflict");
}

#[test]
fn day_counts_and_thresholds_are_checked() {
    let mut v = default_value();
    v["archive_after"]["amount"] = json!(0);
    assert_eq!(err_of(&v).field(), Some("archive_after.amount"));
    let mut v = default_value();
    v["contact_change_notice"]["unit"] = json!("fortnights");
    let e = err_of(&v);
    assert_eq!(e.field(), Some("contact_change_notice.unit"));
    assert!(e.message().contains("fortnights"));
    let mut v = default_value();
    v["warning_thresholds"] = json!([75, 1001]);
    assert_eq!(err_of(&v).field(), Some("warning_thresholds[1]"));
}

#[test]
fn missing_keys_are_named() {
    let mut v = default_value();
    v.as_object_mut().unwrap().remove("registration_calendar");
    assert_eq!(err_of(&v).field(), Some("registration_calendar"));
    let mut v = default_value();
    v.as_object_mut().unwrap().remove("priority_change");
    let e = err_of(&v);
    assert_eq!(
        (e.code(), e.field()),
        ("missing_field", Some("priority_change"))
    );
    let mut v = default_value();
    v["contract"]["date"] = json!("1 травня 2021");
    assert_eq!(err_of(&v).field(), Some("contract.date"));
}

#[test]
fn overrides_merge_objects_and_replace_lists() {
    let over = json!({"warning_thresholds": [50], "calendar": {"timezone": "Europe/Warsaw"}});
    let reg = Regulation::with_overrides(&over).unwrap();
    assert_eq!(reg.spec().warning_thresholds, vec![50.into()]);
    assert_eq!(reg.calendar().timezone().name(), "Europe/Warsaw");
    assert_eq!(reg.spec().calendar.week, CalendarSpec::default_kyiv().week);
    let bad = json!({"priority_change": "whatever"});
    assert_eq!(
        Regulation::with_overrides(&bad).unwrap_err().field(),
        Some("priority_change")
    );
}

fn round_the_clock() -> Value {
    let day = json!([["00:00", "24:00"]]);
    json!({"timezone": "Europe/Kyiv", "week": {"mon": day, "tue": day, "wed": day,
        "thu": day, "fri": day, "sat": day, "sun": day}})
}

#[test]
fn the_second_wave_keys_are_optional_and_printed_empty() {
    let mut v = default_value();
    let m = v.as_object_mut().unwrap();
    m.remove("calendars");
    m.remove("pause_reasons");
    let reg = Regulation::from_value(&v).unwrap();
    assert!(reg.spec().calendars.is_empty() && reg.spec().pause_reasons.is_empty());
    assert_eq!(reg.fingerprint(), Regulation::default().fingerprint());
    let json = Regulation::default().to_json();
    assert!(json.contains("\"calendars\": {}"), "{json}");
    assert!(json.contains("\"pause_reasons\": []"), "{json}");
    assert!(json.contains("\"warning_thresholds\": [75, 90]"), "{json}");
    assert!(!json.contains("\"calendar\": null"), "{json}");
}

#[test]
fn named_calendars_levels_and_reasons_round_trip_and_change_the_fingerprint() {
    let mut v = default_value();
    v["calendars"] = json!({"round_the_clock": round_the_clock()});
    v["sla"]["targets"][0]["calendar"] = json!("round_the_clock");
    v["pause_reasons"] = json!([{"id": "awaiting_vendor", "uk": "очікування постачальника",
        "en": "awaiting the vendor", "pauses": ["resolution", "response"]}]);
    v["warning_thresholds"] = json!([75, 90, {"percent": 150, "name": "head of support"}, 200]);
    let reg = Regulation::from_value(&v).unwrap();
    assert_ne!(reg.fingerprint(), Regulation::default().fingerprint());
    let back = Regulation::from_json(&reg.to_json()).unwrap();
    assert_eq!(back.spec(), reg.spec());
    assert_eq!(back.fingerprint(), reg.fingerprint());
    let complete = Regulation::from_json(&reg.to_complete_json()).unwrap();
    assert_eq!(complete.fingerprint(), reg.fingerprint());
    // the complete form orders a reason's metrics: the same meaning, the same fingerprint
    v["pause_reasons"][0]["pauses"] = json!(["response", "resolution"]);
    assert_eq!(
        Regulation::from_value(&v).unwrap().fingerprint(),
        reg.fingerprint()
    );
    let t = &reg.spec().warning_thresholds;
    assert_eq!(
        (t[2].percent, t[2].name.as_deref()),
        (150, Some("head of support"))
    );
    use crate::model::{Category, Priority};
    let cal = reg.sla_calendar(Category::Incident, Priority::Critical);
    assert!(cal.spec().holiday_preset.is_none());
    assert_eq!(
        reg.sla_calendar(Category::Incident, Priority::High).spec(),
        reg.calendar().spec()
    );
}

#[test]
fn every_problem_of_the_new_keys_names_its_path_and_value() {
    let mut v = default_value();
    v["sla"]["targets"][3]["calendar"] = json!("round_the_clock");
    v["warning_thresholds"] = json!([75, 1001]);
    v["pause_reasons"] = json!([{"id": "approval_pending", "uk": "х", "en": "x", "pauses": []}]);
    let found = RegulationSpec::problems_of(&v);
    let fields: Vec<&str> = found.iter().map(|e| e.field().unwrap()).collect();
    assert_eq!(
        fields,
        [
            "sla.targets[3].calendar",
            "pause_reasons[0].id",
            "pause_reasons[0].pauses",
            "warning_thresholds[1]"
        ]
    );
    assert!(
        found[0].message().contains("\"round_the_clock\""),
        "{}",
        found[0].message()
    );
    assert!(found[1].message().contains("\"approval_pending\""));
    assert!(found[3].message().contains("1001"));
}
