//! `apply` on structured histories: every event kind with well-formed and
//! ill-formed arguments, by every role, at instants that move forwards,
//! stand still, go back or leap to the edges of the supported range, under
//! regulations that switch every configurable rule (pauses, priority-change
//! rule, gated event kinds, working-day archive delay, 24/7 and overnight
//! calendars, extreme SLA targets). Then the clocks, their explanation, the
//! queue and compliance at a fuzzed `now`.
//!
//! Checked as in `events_replay` (see `common::check_history`), plus: the
//! full clocks and the summary agree, `next_change_at` is after `now`.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{DateTime, Duration, Utc};
use libfuzzer_sys::fuzz_target;
use reglament::model::{Category, Channel, Metric, Priority, Reason, Role, Status};
use reglament::ticket::{Actor, Event, EventBody, EventKind, Registration, Ticket};

#[path = "common/mod.rs"]
mod common;

#[derive(Arbitrary, Debug)]
struct Input {
    regulation: u8,
    ops: Vec<Op>,
    /// `now`, in minutes after the last event (or before it when negative).
    now_minutes: i32,
}

#[derive(Arbitrary, Debug)]
struct Op {
    /// Minutes after the previous event (negative: before it).
    step: i16,
    /// 0..=2: an ordinary step; 3: an instant at an edge of the range.
    leap: u8,
    role: u8,
    kind: u8,
    a: u8,
    b: u8,
    text: bool,
    register: Reg,
}

#[derive(Arbitrary, Debug)]
struct Reg {
    channel: Option<u8>,
    reason: Option<u8>,
    description: bool,
    conditions: bool,
    priority: Option<u8>,
    category: Option<u8>,
    own_initiative: bool,
    solved_during_contact: bool,
    submitted_minutes: Option<i16>,
}

fn pick<T: Copy>(all: &[T], i: u8) -> T {
    all[usize::from(i) % all.len()]
}

const ACTIONS: &[&str] = &[
    "server_recovery",
    "master_data",
    "consultation",
    "remote_access",
    "server_access",
    "process_settings",
    "release",
    "start_work",
    "archive",
    "teleport",
    "",
];

const SECONDS: &[i64] = &[
    1,
    60,
    3600,
    32_400,
    -1,
    0,
    i64::MAX,
    i64::MIN,
    4_102_444_800,
];

fn edge(i: u8) -> DateTime<Utc> {
    let t = [
        0i64,
        662_680_800, // 1990-12-31T21:00:00Z: the Kyiv preset's first instant
        662_680_799,
        4_102_444_799, // 2099-12-31T23:59:59Z
        4_102_444_800, // 2100-01-01T00:00:00Z
        4_102_444_801,
        -1,
        253_402_300_799, // 9999-12-31T23:59:59Z
    ];
    DateTime::from_timestamp(pick(&t, i), 0).unwrap_or_default()
}

fn body(op: &Op, at: DateTime<Utc>) -> EventBody {
    let kind = pick(EventKind::ALL, op.kind);
    let action = || pick(ACTIONS, op.a).to_string();
    let evidence = || (op.b % 4 != 0).then(|| "<m@x>".to_string());
    let channel = || {
        if op.b % 5 == 0 {
            pick(Channel::ALL, op.a)
        } else {
            Channel::Email
        }
    };
    match kind {
        EventKind::Register => {
            let r = &op.register;
            EventBody::Register(Registration {
                channel: r.channel.map(|c| pick(Channel::ALL, c)),
                reason: r.reason.map(|c| pick(Reason::ALL, c)),
                description: r.description.then(|| "d".into()),
                conditions: r.conditions.then(|| "c".into()),
                attachments: Vec::new(),
                priority: r.priority.map(|c| pick(Priority::ALL, c)),
                category: r.category.map(|c| pick(Category::ALL, c)),
                own_initiative: r.own_initiative,
                solved_during_contact: r.solved_during_contact,
                submitted_at: r
                    .submitted_minutes
                    .and_then(|m| at.checked_add_signed(Duration::minutes(i64::from(m)))),
            })
        }
        EventKind::Classify => EventBody::Classify {
            category: pick(Category::ALL, op.a),
        },
        EventKind::ChangePriority => EventBody::ChangePriority {
            priority: pick(Priority::ALL, op.a),
        },
        EventKind::Reject => EventBody::Reject {
            reason: (op.a % 3 != 0).then(|| "why".into()),
        },
        EventKind::AskUser => EventBody::AskUser,
        EventKind::UserAnswer => EventBody::UserAnswer,
        EventKind::Reply => EventBody::Reply,
        EventKind::PlanSprint => EventBody::PlanSprint { sprint: None },
        EventKind::StartWork => EventBody::StartWork,
        EventKind::RequestApproval => EventBody::RequestApproval { action: action() },
        EventKind::Approve => EventBody::Approve {
            action: action(),
            evidence: evidence(),
            channel: channel(),
        },
        EventKind::RefuseApproval => EventBody::RefuseApproval {
            action: action(),
            evidence: evidence(),
            channel: channel(),
        },
        EventKind::PerformAction => EventBody::PerformAction { action: action() },
        EventKind::ExtendDeadline => {
            let new_due = match op.b % 4 {
                0 => None,
                1 => at.checked_add_signed(Duration::minutes(i64::from(op.a) * 97)),
                2 => Some(edge(op.a)),
                _ => at.checked_sub_signed(Duration::minutes(i64::from(op.a))),
            };
            let add_seconds = (op.b % 3 != 1).then(|| pick(SECONDS, op.a));
            EventBody::ExtendDeadline {
                metric: pick(Metric::ALL, op.b),
                new_due,
                add_seconds,
                evidence: evidence(),
            }
        }
        EventKind::Complete => EventBody::Complete,
        EventKind::Release => EventBody::Release,
        EventKind::Reopen => EventBody::Reopen {
            to: pick(Status::ALL, op.a),
        },
        EventKind::Accept => EventBody::Accept,
        EventKind::Archive => EventBody::Archive,
        EventKind::Comment => EventBody::Comment,
        EventKind::Pause | EventKind::Resume => {
            let reason = ["awaiting_vendor", "awaiting_godot"][usize::from(op.a % 2)].to_string();
            if kind == EventKind::Pause {
                EventBody::Pause { reason }
            } else {
                EventBody::Resume { reason }
            }
        }
    }
}

fuzz_target!(|input: Input| {
    let regs = common::regulations();
    let reg = &regs[usize::from(input.regulation) % regs.len()];
    // Monday 2 March 2026, 10:00 Kyiv
    let mut at = DateTime::from_timestamp(1_772_438_400, 0).unwrap_or_default();
    let mut events = Vec::with_capacity(input.ops.len());
    for op in input.ops.iter().take(64) {
        at = if op.leap % 4 == 3 {
            edge(op.a)
        } else {
            at.checked_add_signed(Duration::minutes(i64::from(op.step)))
                .unwrap_or(at)
        };
        let role = pick(Role::ALL, op.role);
        let mut e = Event::new(at, Actor::new(role.code(), role), body(op, at));
        if op.text || e.kind() == EventKind::Comment {
            e = e.with_text("t");
        }
        events.push(e);
    }
    common::check_history(reg, &events);
    let replay = Ticket::replay(reg, "T", events.iter().cloned());
    let ticket = replay.ticket;
    let now = at
        .checked_add_signed(Duration::minutes(i64::from(input.now_minutes)))
        .unwrap_or(at);
    let _ = ticket.to_value(Some(now));
    if let Ok(full) = ticket.clocks(reg, now) {
        let summary = ticket
            .clocks_summary(reg, now)
            .unwrap_or_else(|e| panic!("clocks ok but summary fails: {e}"));
        assert_eq!(summary.next_change_at, full.next_change_at);
        for m in Metric::ALL {
            assert_eq!(
                summary
                    .get(*m)
                    .map(|c| (c.state, c.due_at, c.met_at, c.breached_at)),
                full.get(*m)
                    .map(|c| (c.state, c.due_at, c.met_at, c.breached_at)),
                "summary and full clocks disagree on {m}"
            );
        }
        if let Some(next) = full.next_change_at {
            assert!(next > now, "next_change_at {next} is not after now {now}");
        }
        let _ = full.to_value();
        for m in Metric::ALL {
            let _ = ticket.explain_clock(reg, *m, now);
        }
    }
    let _ = ticket.next_change_at(reg, now);
    let others = [ticket.clone(), Ticket::new("U")];
    let _ = reglament::report::queue(others.iter());
    let _ = reglament::report::compliance(reg, &others, None, Some(now), now);
    let _ = reglament::report::what_if(&regs[0], reg, "T", &events, Some(now));
});
