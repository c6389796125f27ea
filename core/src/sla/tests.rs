//! Unit tests of the clocks. Expected instants are worked out by hand from
//! the default calendar (Europe/Kyiv, Monday–Friday 09:00–18:00, UTC+2 until
//! Sunday 29 March 2026 03:00, UTC+3 after) and the example SLA table.

use super::*;
use crate::instant::{format, parse};
use crate::model::{Metric, Status};
use crate::regulation::Regulation;
use crate::ticket::{Event, Ticket};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

const H: i64 = 3600;

fn reg_with(over: Value) -> Regulation {
    Regulation::with_overrides(&over).unwrap()
}

fn op(at: &str, kind: &str, extra: Value) -> Value {
    let mut v = json!({"kind": kind, "at": at, "actor": {"id": "op-1", "role": "operator"}});
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    v
}

fn by(role: &str, at: &str, kind: &str, extra: Value) -> Value {
    let mut v = op(at, kind, extra);
    v["actor"] = json!({"id": format!("{role}-1"), "role": role});
    v
}

fn register(at: &str, priority: &str, category: Option<&str>) -> Value {
    let mut v = op(
        at,
        "register",
        json!({"channel": "phone", "description": "d", "conditions": "c", "priority": priority}),
    );
    if let Some(c) = category {
        v["category"] = json!(c);
    }
    v
}

fn ticket(reg: &Regulation, events: &[Value]) -> Ticket {
    let evs: Vec<Event> = events
        .iter()
        .map(|v| Event::from_value(v, "").unwrap())
        .collect();
    let r = Ticket::replay(reg, "T", evs);
    for s in &r.steps {
        assert!(
            s.outcome.is_accepted(),
            "step {} refused: {:?}",
            s.index,
            s.outcome.refusal()
        );
    }
    r.ticket
}

fn at(s: &str) -> DateTime<Utc> {
    parse(s).unwrap()
}

fn f(t: Option<DateTime<Utc>>) -> String {
    t.map(format).unwrap_or_else(|| "null".into())
}

#[test]
fn a_fresh_high_incident() {
    let reg = Regulation::default();
    // Monday 2 March 2026, 10:00 Kyiv (08:00Z)
    let t = ticket(
        &reg,
        &[register(
            "2026-03-02T10:00:00+02:00",
            "high",
            Some("incident"),
        )],
    );
    let c = t.clocks(&reg, at("2026-03-02T10:50:00+02:00")).unwrap();
    let r = &c.response;
    assert_eq!(r.state, ClockState::Running);
    assert_eq!(r.consumed, 50 * 60);
    assert_eq!(r.remaining, Some(10 * 60));
    assert_eq!(f(r.due_at), "2026-03-02T09:00:00Z");
    // 75 % of 1 h = 45 min → 10:45 crossed; 90 % = 54 min → 10:54
    assert_eq!(r.thresholds[0].level, 2700);
    assert!(r.thresholds[0].crossed);
    assert_eq!(f(r.thresholds[0].at), "2026-03-02T08:45:00Z");
    assert!(!r.thresholds[1].crossed);
    assert_eq!(f(r.thresholds[1].at), "2026-03-02T08:54:00Z");
    // resolution 9 h: Monday 10–18 (8 h) + Tuesday 09–10
    assert_eq!(f(c.resolution.due_at), "2026-03-03T08:00:00Z");
    // update interval 2 h → 12:00
    let u = c.update_interval.as_ref().unwrap();
    assert_eq!(f(u.clock.due_at), "2026-03-02T10:00:00Z");
    assert_eq!(f(c.next_change_at), "2026-03-02T08:54:00Z");
    // at the due instant: still running, breach the second after
    let c = t.clocks(&reg, at("2026-03-02T11:00:00+02:00")).unwrap();
    assert_eq!(c.response.state, ClockState::Running);
    assert_eq!(c.response.remaining, Some(0));
    assert_eq!(f(c.next_change_at), "2026-03-02T09:00:01Z");
    let c = t.clocks(&reg, at("2026-03-02T11:00:01+02:00")).unwrap();
    assert_eq!(c.response.state, ClockState::Breached);
    assert_eq!(f(c.response.breached_at), "2026-03-02T09:00:00Z");
    // a threshold is crossed at its own instant, not a second later
    let c = t.clocks(&reg, at("2026-03-02T10:44:59+02:00")).unwrap();
    assert!(!c.response.thresholds[0].crossed);
    assert_eq!(f(c.next_change_at), "2026-03-02T08:45:00Z");
    let c = t.clocks(&reg, at("2026-03-02T10:45:00+02:00")).unwrap();
    assert!(c.response.thresholds[0].crossed);
    assert_eq!(f(c.next_change_at), "2026-03-02T08:54:00Z");
}

#[test]
fn registration_outside_hours_waits() {
    let reg = Regulation::default();
    // Saturday 28 March 2026 12:00 Kyiv: the clock waits until Monday 09:00 (+03)
    let t = ticket(
        &reg,
        &[register(
            "2026-03-28T12:00:00+02:00",
            "critical",
            Some("incident"),
        )],
    );
    let c = t.clocks(&reg, at("2026-03-30T09:10:00+03:00")).unwrap();
    assert_eq!(c.response.consumed, 600);
    assert_eq!(f(c.response.due_at), "2026-03-30T06:30:00Z");
    assert_eq!(f(c.resolution.due_at), "2026-03-30T10:00:00Z");
}

#[test]
fn met_on_time_and_late() {
    let reg = Regulation::default();
    let reg_e = register("2026-03-02T10:00:00+02:00", "high", Some("incident"));
    let t = ticket(
        &reg,
        &[
            reg_e.clone(),
            op("2026-03-02T11:00:00+02:00", "reply", json!({})),
        ],
    );
    let c = t.clocks(&reg, at("2026-03-02T12:00:00+02:00")).unwrap();
    assert_eq!(c.response.state, ClockState::Met);
    assert_eq!(
        c.response.on_time,
        Some(true),
        "met exactly at its due instant"
    );
    assert!(c.response.breached_at.is_none());
    // thresholds reached before the meeting instant are crossed
    assert!(c.response.thresholds.iter().all(|t| t.crossed));
    let t = ticket(
        &reg,
        &[reg_e, op("2026-03-02T11:00:01+02:00", "reply", json!({}))],
    );
    let c = t.clocks(&reg, at("2026-03-02T12:00:00+02:00")).unwrap();
    assert_eq!(c.response.on_time, Some(false));
    assert_eq!(f(c.response.breached_at), "2026-03-02T09:00:00Z");
    assert_eq!(c.response.remaining, Some(-1));
}

#[test]
fn pauses_inside_and_outside_working_hours() {
    let reg = Regulation::default();
    let base = [
        register("2026-03-02T10:00:00+02:00", "high", Some("incident")),
        op("2026-03-02T10:10:00+02:00", "ask_user", json!({})),
    ];
    // the answer comes at 12:10: 2 working hours of pause
    let mut ev = base.to_vec();
    ev.push(by(
        "user",
        "2026-03-02T12:10:00+02:00",
        "user_answer",
        json!({}),
    ));
    let t = ticket(&reg, &ev);
    let c = t.clocks(&reg, at("2026-03-02T13:00:00+02:00")).unwrap();
    // resolution: 10 min before the pause, 50 min after → 1 h consumed; due Tuesday 12:00
    assert_eq!(c.resolution.consumed, H);
    assert_eq!(f(c.resolution.due_at), "2026-03-03T10:00:00Z");
    assert_eq!(f(c.resolution.original_due_at), "2026-03-03T10:00:00Z");
    // while the question waits: paused, due unknown, remaining still told
    let t = ticket(&reg, &base);
    let c = t.clocks(&reg, at("2026-03-02T15:00:00+02:00")).unwrap();
    assert_eq!(c.resolution.state, ClockState::Paused);
    assert_eq!(c.resolution.due_at, None);
    assert_eq!(c.resolution.remaining, Some(9 * H - 600));
    assert_eq!(f(c.resolution.paused_since), "2026-03-02T08:10:00Z");
    // response was met by the question
    assert_eq!(c.response.state, ClockState::Met);
    assert_eq!(c.next_change_at, None, "everything paused or met");
    // a pause entirely outside working hours changes nothing
    let t = ticket(
        &reg,
        &[
            register("2026-03-02T10:00:00+02:00", "high", Some("incident")),
            op("2026-03-02T18:30:00+02:00", "ask_user", json!({})),
            by(
                "user",
                "2026-03-03T08:30:00+02:00",
                "user_answer",
                json!({}),
            ),
        ],
    );
    let c = t.clocks(&reg, at("2026-03-03T09:30:00+02:00")).unwrap();
    assert_eq!(f(c.resolution.due_at), "2026-03-03T08:00:00Z");
    assert_eq!(c.resolution.consumed, 8 * H + 1800);
}

#[test]
fn the_pause_matrix_can_be_switched_off() {
    let reg = reg_with(json!({"pauses": {"resolution": {"awaiting_user": false}}}));
    let t = ticket(
        &reg,
        &[
            register("2026-03-02T10:00:00+02:00", "high", Some("incident")),
            op("2026-03-02T10:10:00+02:00", "ask_user", json!({})),
        ],
    );
    let c = t.clocks(&reg, at("2026-03-02T15:00:00+02:00")).unwrap();
    assert_eq!(c.resolution.state, ClockState::Running);
    assert_eq!(c.resolution.consumed, 5 * H);
    assert_eq!(f(c.resolution.due_at), "2026-03-03T08:00:00Z");
    // the update interval still pauses (its own row of the matrix)
    assert_eq!(c.update_interval.unwrap().clock.state, ClockState::Paused);
}

/// Registered Monday 10:00 as medium incident (resolution 27 h), raised to
/// critical (4 h) on Tuesday 10:00 after 9 h consumed.
fn raised(rule: &str) -> Clocks {
    let reg = reg_with(json!({"priority_change": rule}));
    let t = ticket(
        &reg,
        &[
            register("2026-03-02T10:00:00+02:00", "medium", Some("incident")),
            op(
                "2026-03-03T10:00:00+02:00",
                "change_priority",
                json!({"priority": "critical"}),
            ),
        ],
    );
    t.clocks(&reg, at("2026-03-03T10:30:00+02:00")).unwrap()
}

#[test]
fn priority_change_rules() {
    // keep_consumed: 9 h consumed ≥ 4 h → due at the change instant itself
    let c = raised("keep_consumed");
    let r = &c.resolution;
    assert_eq!(f(r.due_at), "2026-03-03T08:00:00Z");
    assert_eq!(r.state, ClockState::Breached);
    assert_eq!(r.due_history.len(), 2);
    // old due: 27 h from Monday 10:00 = Mon 8 h + Tue 9 h + Wed 9 h + Thu 1 h → Thursday 10:00
    assert_eq!(f(r.due_history[0].due_at), "2026-03-05T08:00:00Z");
    assert_eq!(r.due_history[1].cause, DueCause::PriorityChange);
    assert_eq!(r.target, Some(4 * H));
    // recompute from registration: 4 h from Monday 10:00 → Monday 14:00, in the past
    let c = raised("recompute_from_registration");
    assert_eq!(f(c.resolution.due_at), "2026-03-02T12:00:00Z");
    assert_eq!(f(c.resolution.breached_at), "2026-03-02T12:00:00Z");
    // keep_old_due: Thursday 10:00 stays, target stays 27 h
    let c = raised("keep_old_due");
    assert_eq!(f(c.resolution.due_at), "2026-03-05T08:00:00Z");
    assert_eq!(c.resolution.target, Some(27 * H));
    assert_eq!(c.resolution.state, ClockState::Running);
    // earlier of both: the change instant
    let c = raised("earlier_of_both");
    assert_eq!(f(c.resolution.due_at), "2026-03-03T08:00:00Z");
}

#[test]
fn keep_consumed_with_time_left() {
    // high incident (9 h) lowered to medium (27 h) after 2 h: 25 h left from Monday 12:00
    let reg = Regulation::default();
    let t = ticket(
        &reg,
        &[
            register("2026-03-02T10:00:00+02:00", "high", Some("incident")),
            op(
                "2026-03-02T12:00:00+02:00",
                "change_priority",
                json!({"priority": "medium"}),
            ),
        ],
    );
    let c = t.clocks(&reg, at("2026-03-02T12:00:00+02:00")).unwrap();
    // 27 h from Monday 10:00: Thursday 10:00
    assert_eq!(f(c.resolution.due_at), "2026-03-05T08:00:00Z");
    assert_eq!(
        f(c.resolution.due_history[0].due_at),
        "2026-03-03T08:00:00Z"
    );
    // the response clock changes too: 1 h → 4 h, Monday 14:00
    assert_eq!(f(c.response.due_at), "2026-03-02T12:00:00Z");
}

#[test]
fn unclassified_then_classified() {
    let reg = Regulation::default();
    let reg_e = by(
        "user",
        "2026-03-02T10:00:00+02:00",
        "register",
        json!({"channel": "tracker", "description": "d", "conditions": "c", "priority": "high"}),
    );
    let t = ticket(&reg, std::slice::from_ref(&reg_e));
    let c = t.clocks(&reg, at("2026-03-02T10:30:00+02:00")).unwrap();
    assert_eq!(c.response.state, ClockState::Unclassified);
    assert_eq!(c.response.due_at, None);
    assert_eq!(c.response.consumed, 1800);
    assert_eq!(c.next_change_at, None);
    let t = ticket(
        &reg,
        &[
            reg_e,
            op(
                "2026-03-02T10:30:00+02:00",
                "classify",
                json!({"category": "consultation"}),
            ),
        ],
    );
    let c = t.clocks(&reg, at("2026-03-02T10:40:00+02:00")).unwrap();
    // consultation/high: response 1 h from registration → 11:00
    assert_eq!(f(c.response.due_at), "2026-03-02T09:00:00Z");
    assert_eq!(c.response.due_history[0].cause, DueCause::Classification);
    assert_eq!(format(c.response.due_history[0].at), "2026-03-02T08:30:00Z");
    assert!(
        c.update_interval.is_none(),
        "consultations have no update interval"
    );
}

#[test]
fn extensions_both_ways() {
    let reg = Regulation::default();
    let mut ev = vec![
        register("2026-03-02T10:00:00+02:00", "high", Some("incident")),
        by(
            "customer_service",
            "2026-03-02T11:00:00+02:00",
            "extend_deadline",
            json!({"add_seconds": 7200, "evidence": "<m1@x>"}),
        ),
    ];
    let t = ticket(&reg, &ev);
    let c = t.clocks(&reg, at("2026-03-03T11:30:00+02:00")).unwrap();
    let r = &c.resolution;
    assert_eq!(f(r.original_due_at), "2026-03-03T08:00:00Z");
    assert_eq!(f(r.due_at), "2026-03-03T10:00:00Z");
    assert_eq!(r.added_seconds, 7200);
    assert_eq!(r.state, ClockState::Running);
    assert_eq!(f(r.original_breached_at), "2026-03-03T08:00:00Z");
    assert!(r.breached_at.is_none());
    // thresholds follow the extended target: 75 % of 11 h = 8 h 15 min → Tuesday 09:15
    assert_eq!(f(r.thresholds[0].at), "2026-03-03T07:15:00Z");
    ev.push(by(
        "customer_service",
        "2026-03-02T12:00:00+02:00",
        "extend_deadline",
        json!({"new_due": "2026-03-04T18:00:00+02:00", "evidence": "<m2@x>"}),
    ));
    ev.push(op("2026-03-04T17:00:00+02:00", "release", json!({})));
    let t = ticket(&reg, &ev);
    let c = t.clocks(&reg, at("2026-03-05T10:00:00+02:00")).unwrap();
    let r = &c.resolution;
    assert_eq!(r.state, ClockState::Met);
    assert_eq!(f(r.due_at), "2026-03-04T16:00:00Z");
    assert_eq!(r.on_time, Some(true));
    assert_eq!(r.on_time_original, Some(false));
    assert_eq!(r.extensions.len(), 2);
    assert_eq!(r.due_history.len(), 3);
}

#[test]
fn reopen_cycles_do_not_count_release() {
    let reg = Regulation::default();
    let t = ticket(
        &reg,
        &[
            register("2026-03-02T10:00:00+02:00", "high", Some("incident")),
            op("2026-03-02T12:00:00+02:00", "release", json!({})),
            by(
                "user",
                "2026-03-03T12:00:00+02:00",
                "reopen",
                json!({"to": "in_progress"}),
            ),
        ],
    );
    let c = t.clocks(&reg, at("2026-03-03T13:00:00+02:00")).unwrap();
    // 2 h before release, 1 h after the reopen: due = 12:00 + 7 h = 19:00 → Wednesday 10:00
    assert_eq!(c.resolution.consumed, 3 * H);
    assert_eq!(f(c.resolution.due_at), "2026-03-04T08:00:00Z");
    assert_eq!(c.resolution.pauses.len(), 1);
    assert_eq!(c.resolution.pauses[0].reason, StopReason::Release);
    // while released: met, and the archive is the next change
    let c = t.clocks(&reg, at("2026-03-02T13:00:00+02:00")).unwrap();
    assert_eq!(c.resolution.state, ClockState::Met);
    assert_eq!(c.status, Some(Status::Release));
    let u = c.update_interval.unwrap();
    assert_eq!(u.clock.state, ClockState::Paused);
    assert_eq!(f(c.next_change_at), "2026-03-12T10:00:00Z");
}

#[test]
fn update_interval_breaches_are_listed() {
    let reg = Regulation::default();
    // critical incident: update every working hour
    let t = ticket(
        &reg,
        &[
            register("2026-03-02T10:00:00+02:00", "critical", Some("incident")),
            op("2026-03-02T10:30:00+02:00", "reply", json!({})),
            op("2026-03-02T12:00:00+02:00", "reply", json!({})),
        ],
    );
    let c = t.clocks(&reg, at("2026-03-02T12:30:00+02:00")).unwrap();
    let u = c.update_interval.unwrap();
    assert_eq!(u.periods, 3);
    assert_eq!(u.periods_on_time, 1);
    assert_eq!(u.breaches.len(), 1);
    assert_eq!(format(u.breaches[0].due_at), "2026-03-02T09:30:00Z");
    assert_eq!(f(u.clock.due_at), "2026-03-02T11:00:00Z");
    assert_eq!(u.clock.state, ClockState::Running);
}

#[test]
fn rejection_stops_the_clocks() {
    let reg = Regulation::default();
    let t = ticket(
        &reg,
        &[
            register("2026-03-02T10:00:00+02:00", "high", Some("incident")),
            op(
                "2026-03-02T10:20:00+02:00",
                "reject",
                json!({"reason": "no steps"}),
            ),
        ],
    );
    let c = t.clocks(&reg, at("2026-03-09T10:00:00+02:00")).unwrap();
    assert_eq!(c.response.state, ClockState::Met);
    assert_eq!(c.resolution.state, ClockState::Stopped);
    assert_eq!(f(c.resolution.stopped_at), "2026-03-02T08:20:00Z");
    assert_eq!(c.resolution.consumed, 1200);
    assert_eq!(c.update_interval.unwrap().clock.state, ClockState::Stopped);
    assert_eq!(c.next_change_at, None);
}

#[test]
fn facts_after_now_do_not_count() {
    let reg = Regulation::default();
    let t = ticket(
        &reg,
        &[
            register("2026-03-02T10:00:00+02:00", "high", Some("incident")),
            op("2026-03-02T11:30:00+02:00", "reply", json!({})),
        ],
    );
    let c = t.clocks(&reg, at("2026-03-02T10:30:00+02:00")).unwrap();
    assert_eq!(c.response.state, ClockState::Running);
    assert!(t.clocks(&reg, at("2026-03-02T09:00:00+02:00")).is_err());
}

fn round_the_clock_critical() -> Regulation {
    let day = json!([["00:00", "24:00"]]);
    let cal = json!({"timezone": "Europe/Kyiv", "week": {"mon": day, "tue": day, "wed": day,
        "thu": day, "fri": day, "sat": day, "sun": day}});
    let mut targets = serde_json::to_value(&Regulation::default().spec().sla.targets).unwrap();
    targets[0]["calendar"] = json!("round_the_clock");
    reg_with(
        json!({"calendars": {"round_the_clock": cal}, "sla": {"targets": targets},
        "warning_thresholds": [75, 90, {"percent": 150, "name": "escalation"}, 200]}),
    )
}

#[test]
fn a_row_on_a_named_calendar_counts_round_the_clock() {
    let reg = round_the_clock_critical();
    // Friday 17:00 Kyiv, critical incident: 4 h of resolution on 24×7
    let t = ticket(
        &reg,
        &[register(
            "2026-03-06T17:00:00+02:00",
            "critical",
            Some("incident"),
        )],
    );
    let c = t.clocks(&reg, at("2026-03-07T12:00:00+02:00")).unwrap();
    assert_eq!(c.resolution.calendar.as_deref(), Some("round_the_clock"));
    assert_eq!(f(c.resolution.due_at), "2026-03-06T19:00:00Z");
    assert_eq!(c.resolution.consumed, 19 * H);
    assert_eq!(c.resolution.state, ClockState::Breached);
    // the levels past the breach: 150 % at 23:00, 200 % at 01:00 Kyiv
    let th = &c.resolution.thresholds;
    assert_eq!(
        (th[2].percent, th[2].name.as_deref()),
        (150, Some("escalation"))
    );
    assert_eq!(
        th[2].at.map(format).as_deref(),
        Some("2026-03-06T21:00:00Z")
    );
    assert_eq!(
        th[3].at.map(format).as_deref(),
        Some("2026-03-06T23:00:00Z")
    );
    assert!(th.iter().all(|x| x.crossed));
    let v = c.to_value();
    assert_eq!(v["resolution"]["calendar"], "round_the_clock");
    assert_eq!(v["resolution"]["thresholds"][2]["name"], "escalation");
    assert!(v["resolution"]["thresholds"][0].get("name").is_none());
    // the same request on a high row counts office hours and names no calendar
    let t = ticket(
        &reg,
        &[register(
            "2026-03-06T17:00:00+02:00",
            "high",
            Some("incident"),
        )],
    );
    let c = t.clocks(&reg, at("2026-03-07T12:00:00+02:00")).unwrap();
    assert_eq!(c.resolution.calendar, None);
    assert!(c.to_value()["resolution"].get("calendar").is_none());
    assert_eq!(c.resolution.consumed, H);
}

#[test]
fn a_plan_and_the_explanation_follow_the_named_calendar() {
    let reg = round_the_clock_critical();
    let t = ticket(
        &reg,
        &[register(
            "2026-03-06T17:00:00+02:00",
            "critical",
            Some("incident"),
        )],
    );
    let plan = t.clock_plan(&reg).unwrap();
    for now in [
        "2026-03-06T18:30:00+02:00",
        "2026-03-06T22:00:00+02:00",
        "2026-03-07T00:30:00+02:00",
        "2026-03-09T10:00:00+02:00",
    ] {
        let now = at(now);
        assert_eq!(plan.clocks(now).unwrap(), t.clocks(&reg, now).unwrap());
        assert_eq!(
            plan.next_change_at(now).unwrap(),
            t.next_change_at(&reg, now).unwrap()
        );
        let x = t
            .explain_clock(&reg, Metric::Resolution, now)
            .unwrap()
            .unwrap();
        let counted: i64 = x.counted.iter().map(|i| i.seconds).sum();
        assert_eq!(counted, x.clock.consumed);
        assert!(x.skipped_days.is_empty(), "24×7 skips no day");
    }
    // a breached clock still schedules its later levels: 150 % at 23:00 Kyiv
    let next = t
        .next_change_at(&reg, at("2026-03-06T22:00:00+02:00"))
        .unwrap();
    assert_eq!(f(next), "2026-03-06T21:00:00Z");
}

fn vendor_reg() -> Regulation {
    reg_with(json!({"pause_reasons": [
        {"id": "awaiting_vendor", "uk": "очікування постачальника", "en": "awaiting the vendor",
         "pauses": ["response", "resolution"]},
        {"id": "awaiting_site_access", "uk": "очікування доступу до об'єкта",
         "en": "awaiting access to the site", "pauses": ["resolution", "update_interval"]}]}))
}

#[test]
fn several_declared_reasons_hold_at_once_and_the_clock_runs_when_none_holds() {
    let reg = vendor_reg();
    let pause = |who: &str, at: &str, kind: &str, reason: &str| {
        by(who, at, kind, json!({"reason": reason}))
    };
    let t = ticket(
        &reg,
        &[
            register("2026-03-02T10:00:00+02:00", "high", Some("incident")),
            by(
                "consultant",
                "2026-03-02T10:30:00+02:00",
                "start_work",
                json!({}),
            ),
            pause(
                "consultant",
                "2026-03-02T11:00:00+02:00",
                "pause",
                "awaiting_vendor",
            ),
            pause(
                "operator",
                "2026-03-02T12:00:00+02:00",
                "pause",
                "awaiting_site_access",
            ),
            pause(
                "consultant",
                "2026-03-02T13:00:00+02:00",
                "resume",
                "awaiting_vendor",
            ),
            pause(
                "operator",
                "2026-03-02T14:00:00+02:00",
                "resume",
                "awaiting_site_access",
            ),
        ],
    );
    let now = at("2026-03-02T15:00:00+02:00");
    let c = t.clocks(&reg, now).unwrap();
    // counted 10:00–11:00 and 14:00–15:00: stopped from 11:00 until neither reason held
    assert_eq!(c.resolution.consumed, 2 * H);
    // 9 h of target, 3 held back: Tuesday 13:00 Kyiv
    assert_eq!(f(c.resolution.due_at), "2026-03-03T11:00:00Z");
    let reasons: Vec<&str> = c
        .resolution
        .pauses
        .iter()
        .map(|p| p.reason_code())
        .collect();
    assert_eq!(reasons, ["awaiting_vendor", "awaiting_site_access"]);
    // the update interval stops for the site access only (12:00–14:00): from
    // 10:30, 2 h fall due at 14:30
    let u = c.update_interval.unwrap();
    assert_eq!(
        (u.clock.consumed, f(u.clock.due_at)),
        (9000, "2026-03-02T12:30:00Z".into())
    );
    // the explanation names each reason in both languages
    let x = t
        .explain_clock(&reg, Metric::Resolution, now)
        .unwrap()
        .unwrap();
    assert!(
        x.en.iter().any(|s| s.contains("awaiting the vendor")),
        "{:?}",
        x.en
    );
    assert!(
        x.uk.iter()
            .any(|s| s.contains("очікування доступу до об'єкта")),
        "{:?}",
        x.uk
    );
    assert_eq!(x.pauses[0].working_seconds, 2 * H);
    let v = serde_json::to_value(&x.pauses[1]).unwrap();
    assert_eq!(
        (v["reason"].as_str(), v["name_en"].as_str()),
        (
            Some("awaiting_site_access"),
            Some("awaiting access to the site")
        )
    );
    // a plan reads the same
    let plan = t.clock_plan(&reg).unwrap();
    assert_eq!(plan.clocks(now).unwrap(), c_full(&t, &reg, now));
}

fn c_full(t: &Ticket, reg: &Regulation, now: DateTime<Utc>) -> Clocks {
    t.clocks(reg, now).unwrap()
}

#[test]
fn declared_pause_refusals_name_the_rule_and_the_reason() {
    use crate::ticket::RefusalCode;
    let reg = vendor_reg();
    let mut t = ticket(
        &reg,
        &[register(
            "2026-03-02T10:00:00+02:00",
            "high",
            Some("incident"),
        )],
    );
    let ev = |v: Value| Event::from_value(&v, "").unwrap();
    let cases = [
        (
            by(
                "consultant",
                "2026-03-02T10:10:00+02:00",
                "resume",
                json!({"reason": "awaiting_vendor"}),
            ),
            RefusalCode::PauseNotActive,
        ),
        (
            by(
                "operator",
                "2026-03-02T10:20:00+02:00",
                "pause",
                json!({"reason": "awaiting_godot"}),
            ),
            RefusalCode::UnknownPauseReason,
        ),
    ];
    for (e, code) in cases {
        let out = t.apply(&reg, ev(e));
        let r = out.refusal().unwrap();
        assert_eq!((r.clause, r.code, r.field), ("§2", code, Some("reason")));
        assert!(r.message_en().contains("awaiting_"), "{}", r.message_en());
    }
    let ok = t.apply(
        &reg,
        ev(by(
            "operator",
            "2026-03-02T10:30:00+02:00",
            "pause",
            json!({"reason": "awaiting_vendor"}),
        )),
    );
    assert!(ok.is_accepted());
    let again = t.apply(
        &reg,
        ev(by(
            "consultant",
            "2026-03-02T10:40:00+02:00",
            "pause",
            json!({"reason": "awaiting_vendor"}),
        )),
    );
    let r = again.refusal().unwrap();
    assert_eq!(
        (r.clause, r.code, r.field),
        ("§2", RefusalCode::PauseAlreadyActive, Some("reason"))
    );
    assert!(
        r.message_uk().contains("очікування постачальника"),
        "{}",
        r.message_uk()
    );
    // the user may not pause; nobody pauses in Release
    let user = t.apply(
        &reg,
        ev(by(
            "user",
            "2026-03-02T10:50:00+02:00",
            "resume",
            json!({"reason": "awaiting_vendor"}),
        )),
    );
    assert_eq!(user.refusal().unwrap().code, RefusalCode::RoleNotAllowed);
    // under the default regulation, no reason is declared
    let mut d = ticket(
        &Regulation::default(),
        &[register(
            "2026-03-02T10:00:00+02:00",
            "high",
            Some("incident"),
        )],
    );
    let r = d.apply(
        &Regulation::default(),
        ev(op(
            "2026-03-02T10:10:00+02:00",
            "pause",
            json!({"reason": "awaiting_vendor"}),
        )),
    );
    assert_eq!(r.refusal().unwrap().code, RefusalCode::UnknownPauseReason);
    assert!(r
        .refusal()
        .unwrap()
        .message_en()
        .contains("declared reasons: none"));
}

#[test]
fn explanation_adds_up_and_names_holidays() {
    let reg = Regulation::default();
    // Thursday 20 August 2026 16:00 Kyiv (+03); Monday 24 August is Independence Day
    let t = ticket(
        &reg,
        &[
            register("2026-08-20T16:00:00+03:00", "medium", Some("incident")),
            op("2026-08-21T10:00:00+03:00", "ask_user", json!({})),
            by(
                "user",
                "2026-08-21T11:30:00+03:00",
                "user_answer",
                json!({}),
            ),
        ],
    );
    let x = t
        .explain_clock(&reg, Metric::Resolution, at("2026-08-25T12:00:00+03:00"))
        .unwrap()
        .unwrap();
    // Thu 2 h + Fri (9 h − 1.5 h paused) + Tue 3 h = 12.5 h
    assert_eq!(x.clock.consumed, 12 * H + 1800);
    assert_eq!(
        x.counted.iter().map(|c| c.seconds).sum::<i64>(),
        x.clock.consumed
    );
    assert_eq!(x.counted.len(), 4);
    let days: Vec<String> = x.skipped_days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(days, ["2026-08-22", "2026-08-23", "2026-08-24"]);
    assert_eq!(x.skipped_days[2].kind, DayOffKind::Holiday);
    assert!(
        x.uk.iter().any(|s| s.contains("День незалежності України")),
        "{:?}",
        x.uk
    );
    assert!(x.en.iter().any(|s| s.contains("Independence Day")));
    assert!(x
        .en
        .iter()
        .any(|s| s.contains("waiting for the user's answer")));
    assert_eq!(x.pauses[0].working_seconds, 5400);
}

mod property {
    use super::*;
    use proptest::prelude::*;

    /// A random history: registration, then steps of (minutes later, what).
    fn history(steps: &[(u32, u8)]) -> Vec<Value> {
        let mut t = at("2026-03-02T07:00:00Z");
        let mut ev = vec![register(&format(t), "medium", Some("incident"))];
        let (mut waiting, mut released, mut approvals) = (false, false, 0);
        for &(minutes, what) in steps {
            t += chrono::Duration::minutes(i64::from(minutes));
            let s = format(t);
            let e = match what % 9 {
                0 if !waiting && !released => {
                    waiting = true;
                    Some(op(&s, "ask_user", json!({})))
                }
                1 if waiting => {
                    waiting = false;
                    Some(by("user", &s, "user_answer", json!({})))
                }
                2 if !released => {
                    released = true;
                    waiting = false;
                    Some(op(&s, "release", json!({})))
                }
                3 if released => {
                    released = false;
                    Some(by("user", &s, "reopen", json!({})))
                }
                4 if !released && approvals < 3 => {
                    approvals += 1;
                    let names = ["server_access", "server_recovery", "master_data"];
                    Some(op(
                        &s,
                        "request_approval",
                        json!({"action": names[approvals - 1]}),
                    ))
                }
                5 if approvals > 0 => {
                    let name = ["server_access", "server_recovery", "master_data"][approvals - 1];
                    Some(by(
                        "customer_service",
                        &s,
                        "approve",
                        json!({"action": name, "evidence": "<e@x>"}),
                    ))
                }
                6 if !released => {
                    let p = ["critical", "high", "medium", "low"][usize::from(what) % 4];
                    Some(op(&s, "change_priority", json!({"priority": p})))
                }
                7 if !released => {
                    let m = ["response", "resolution", "update_interval"][usize::from(what) % 3];
                    let extra = if what % 2 == 0 {
                        json!({"metric": m, "add_seconds": 1800 * i64::from(what), "evidence": "<x@y>"})
                    } else {
                        // an agreed instant, sometimes already past
                        let due = t + chrono::Duration::minutes(i64::from(what) * 97 - 900);
                        json!({"metric": m, "new_due": format(due), "evidence": "<x@y>"})
                    };
                    Some(by("customer_service", &s, "extend_deadline", extra))
                }
                8 if !released => {
                    let c = ["incident", "consultation", "change_request"][usize::from(what) % 3];
                    Some(op(&s, "classify", json!({"category": c})))
                }
                _ => None,
            };
            ev.extend(e);
        }
        ev
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn counted_intervals_add_up_to_consumed(steps in proptest::collection::vec((0u32..3000, 0u8..36), 0..16),
                                                 later in 0i64..20_000) {
            let reg = Regulation::default();
            let evs: Vec<Event> = history(&steps).iter().map(|v| Event::from_value(v, "").unwrap()).collect();
            let t = Ticket::replay(&reg, "T", evs).ticket;
            let now = t.last_event_at().unwrap() + chrono::Duration::minutes(later);
            // the summary is the full clocks without their records
            let mut full = t.clocks(&reg, now).unwrap();
            for c in [Some(&mut full.response), Some(&mut full.resolution),
                      full.update_interval.as_mut().map(|u| &mut u.clock)].into_iter().flatten() {
                c.thresholds.clear();
                c.due_history.clear();
                c.extensions.clear();
                c.pauses.clear();
            }
            prop_assert_eq!(full, t.clocks_summary(&reg, now).unwrap());
            for m in Metric::ALL {
                if let Some(x) = t.explain_clock(&reg, *m, now).unwrap() {
                    let sum: i64 = x.counted.iter().map(|c| c.seconds).sum();
                    prop_assert_eq!(sum, x.clock.consumed, "{:?}", m);
                    // the due instant, when known, is where consumed reaches the target
                    if let (Some(due), None, Some(target)) = (x.clock.due_at, x.clock.met_at, x.clock.target) {
                        if x.clock.due_history.len() == 1 && x.clock.added_seconds == 0 && *m != Metric::UpdateInterval {
                            let at_due = t.clock(&reg, *m, due.max(now)).unwrap().unwrap();
                            if due >= now {
                                prop_assert_eq!(at_due.consumed, target);
                            }
                        }
                    }
                }
            }
        }

        #[test]
        fn a_plan_reads_what_the_events_give(steps in proptest::collection::vec((0u32..3000, 0u8..36), 0..16),
                                             later in proptest::collection::vec(-3000i64..200_000, 1..6),
                                             rule in 0usize..4) {
            let r = crate::regulation::PriorityChangeRule::ALL[rule];
            let reg = reg_with(json!({"priority_change": r.code()}));
            let evs: Vec<Event> = history(&steps).iter().map(|v| Event::from_value(v, "").unwrap()).collect();
            let t = Ticket::replay(&reg, "T", evs).ticket;
            let plan = t.clock_plan(&reg).unwrap();
            let last = t.last_event_at().unwrap();
            // minutes around and after the last event, then the instants at
            // which something changes (and the seconds either side)
            let mut nows: Vec<DateTime<Utc>> = later.iter().map(|&m| last + chrono::Duration::minutes(m)).collect();
            let mut at = last;
            for _ in 0..6 {
                match t.next_change_at(&reg, at).unwrap() {
                    Some(n) => {
                        nows.extend([n - chrono::Duration::seconds(1), n, n + chrono::Duration::seconds(1)]);
                        at = n;
                    }
                    None => break,
                }
            }
            for now in nows {
                if now < last {
                    // a plan answers from the last event on
                    let (e1, e2) = (plan.clocks(now).unwrap_err(), plan.next_change_at(now).unwrap_err());
                    prop_assert_eq!(e1.field(), Some("now"));
                    prop_assert_eq!(e2.field(), Some("now"));
                    continue;
                }
                let full = t.clocks(&reg, now).map_err(|e| e.to_string());
                prop_assert_eq!(plan.clocks(now).map_err(|e| e.to_string()), full, "at {}", format(now));
                let summary = t.clocks_summary(&reg, now).map_err(|e| e.to_string());
                prop_assert_eq!(plan.clocks_summary(now).map_err(|e| e.to_string()), summary);
                let next = t.next_change_at(&reg, now).map_err(|e| e.to_string());
                prop_assert_eq!(plan.next_change_at(now).map_err(|e| e.to_string()), next);
            }
        }
    }

    /// Declared pauses (one reason or two, overlapping or not) of the
    /// resolution clock of a medium incident, `(start minutes, length minutes, reason)`.
    fn vendor_history(pauses: &[(u32, u32, bool)]) -> Vec<Value> {
        let start = at("2026-03-02T08:00:00Z");
        let mut ev = vec![register(&format(start), "medium", Some("incident"))];
        let mut marks = Vec::new();
        let mut t = start;
        for &(gap, len, second) in pauses {
            let reason = if second {
                "awaiting_site_access"
            } else {
                "awaiting_vendor"
            };
            let from = t + chrono::Duration::minutes(i64::from(gap));
            let to = from + chrono::Duration::minutes(i64::from(len) + 1);
            marks.push((from, true, reason));
            marks.push((to, false, reason));
            t = from;
        }
        marks.sort_by_key(|m| (m.0, m.1));
        let mut holding = std::collections::HashSet::new();
        for (when, pause, reason) in marks {
            let kind = if pause { "pause" } else { "resume" };
            // a reason already holding (or not holding) is skipped, as the engine would refuse it
            if pause == holding.contains(reason) {
                continue;
            }
            if pause {
                holding.insert(reason);
            } else {
                holding.remove(reason);
            }
            ev.push(op(&format(when), kind, json!({"reason": reason})));
        }
        ev
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn declared_pauses_add_exactly_their_paused_working_time_to_the_due(
            pauses in proptest::collection::vec((0u32..3000, 0u32..2000, any::<bool>()), 0..6)) {
            let reg = vendor_reg();
            let events = vendor_history(&pauses);
            let evs: Vec<Event> = events.iter().map(|v| Event::from_value(v, "").unwrap()).collect();
            let replay = Ticket::replay(&reg, "T", evs);
            prop_assert!(replay.steps.iter().all(|s| s.outcome.is_accepted()));
            let t = replay.ticket;
            // read once every pause is over: the due is then known
            let now = t.last_event_at().unwrap() + chrono::Duration::days(200);
            let c = t.clocks(&reg, now).unwrap().resolution;
            let (due, target) = (c.due_at.unwrap(), c.target.unwrap());
            let cal = reg.calendar();
            let start = t.registered_at().unwrap();
            // the paused working time before the due: the merged pauses
            let mut iv: Vec<(DateTime<Utc>, DateTime<Utc>)> = t.declared_pauses().iter()
                .map(|p| (p.from, p.to.unwrap())).collect();
            iv.sort();
            let mut merged: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
            for (a, b) in iv {
                match merged.last_mut() {
                    Some(l) if a <= l.1 => l.1 = l.1.max(b),
                    _ => merged.push((a, b)),
                }
            }
            let paused: i64 = merged.iter().filter(|(a, _)| *a < due)
                .map(|&(a, b)| cal.elapsed(a, b.min(due)).unwrap()).sum();
            // the due is where the target plus exactly the paused working time runs out
            prop_assert_eq!(due, cal.add(start, target + paused).unwrap());
            // and without the pauses, the target alone
            let plain = ticket(&reg, &events[..1]).clocks(&reg, now).unwrap().resolution;
            prop_assert_eq!(plain.due_at.unwrap(), cal.add(start, target).unwrap());
        }
    }
}
