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
    v["warning_thresholds"] = json!([75, 100]);
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
    assert_eq!(reg.spec().warning_thresholds, vec![50]);
    assert_eq!(reg.calendar().timezone().name(), "Europe/Warsaw");
    assert_eq!(reg.spec().calendar.week, CalendarSpec::default_kyiv().week);
    let bad = json!({"priority_change": "whatever"});
    assert_eq!(
        Regulation::with_overrides(&bad).unwrap_err().field(),
        Some("priority_change")
    );
}
