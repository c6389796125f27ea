//! Authorization audit (issue 8): every role × event kind × status through
//! the public API, checked against a permission table written here from
//! DESIGN §1/§2 and the regulation's clauses — independently of
//! `ticket::permissions` (whose own tests compare the engine with its table).
//! On top of the matrix: Customer Service never changes a status; approvals,
//! refusals, extensions and acceptances are recorded only by their role; a
//! gated event kind or action never passes without its approval, and a
//! refused approval stays refused, for every gateable kind; a stored history
//! with an event inserted out of order (going back in time) is refused at
//! that event, for every vector of `tests/vectors/` at every position.

use std::collections::BTreeSet;
use std::path::PathBuf;

use reglament::model::{Role, Status};
use reglament::ticket::{Event, EventKind, Outcome, RefusalCode, Ticket};
use reglament::Regulation;
use serde_json::{json, Value};

const ROLES: [&str; 4] = ["user", "customer_service", "operator", "consultant"];
const KINDS: [&str; 20] = [
    "register",
    "classify",
    "change_priority",
    "reject",
    "ask_user",
    "user_answer",
    "reply",
    "plan_sprint",
    "start_work",
    "request_approval",
    "approve",
    "refuse_approval",
    "perform_action",
    "extend_deadline",
    "complete",
    "release",
    "reopen",
    "accept",
    "archive",
    "comment",
];
/// `None` is a request not registered yet.
const STATUSES: [Option<&str>; 8] = [
    None,
    Some("backlog"),
    Some("sprint"),
    Some("in_progress"),
    Some("done"),
    Some("release"),
    Some("rejected"),
    Some("archived"),
];

/// The permission table as DESIGN §1/§2 read it, one line per role: the
/// kinds it may record and, after the colon, the statuses it may record
/// them in (B backlog, S sprint, P in progress, D done, R release; `-` for
/// register, which comes before any status). Rejected and Archived are
/// final (3.3, 3.6): nothing happens in them.
const TABLE: &str = "
user:             register -, user_answer BSPD, reopen R, accept R, comment BSPDR
customer_service: approve BSPD, refuse_approval BSPD, extend_deadline BSPD
operator:         register -, classify BSPD, change_priority BSPD, reject B, ask_user BSP,
                  user_answer BSPD, reply BSPDR, plan_sprint B, request_approval BSPD,
                  perform_action BSPD, release BD, reopen R, archive R, comment BSPDR
consultant:       change_priority BSPD, ask_user BSP, user_answer BSPD, reply BSPDR,
                  plan_sprint BP, start_work BS, request_approval BSPD, perform_action BSPD,
                  complete P, release PD, reopen R, archive R, comment BSPDR
";

/// The (role, kind, status letter) cells the table opens; `-` for register.
fn opened() -> BTreeSet<(String, String, char)> {
    let mut cells = BTreeSet::new();
    let mut role = String::new();
    for line in TABLE.lines().filter(|l| !l.trim().is_empty()) {
        let rest = match line.split_once(':') {
            Some((r, rest)) if !r.starts_with(' ') => {
                role = r.trim().to_string();
                rest
            }
            _ => line,
        };
        for grant in rest.split(',').map(str::trim).filter(|g| !g.is_empty()) {
            let (kind, statuses) = grant.split_once(' ').expect("kind statuses");
            assert!(KINDS.contains(&kind), "{kind}");
            for s in statuses.trim().chars() {
                cells.insert((role.clone(), kind.to_string(), s));
            }
        }
    }
    cells
}

fn letter(status: Option<&str>) -> char {
    match status {
        None => '-',
        Some("backlog") => 'B',
        Some("sprint") => 'S',
        Some("in_progress") => 'P',
        Some("done") => 'D',
        Some("release") => 'R',
        Some("rejected") => 'X',
        Some("archived") => 'A',
        Some(s) => panic!("{s}"),
    }
}

/// What the regulation says when it closes a cell (DESIGN §2 order: not
/// registered / already registered, final status, Customer Service
/// read-only, role, status).
fn expected_denial(
    role: &str,
    kind: &str,
    status: Option<&str>,
    cells: &BTreeSet<(String, String, char)>,
) -> &'static str {
    let granted_anywhere = cells.iter().any(|(r, k, _)| r == role && k == kind);
    match (status, kind) {
        (None, "register") if granted_anywhere => unreachable!("opened"),
        (None, "register") if role == "customer_service" => "read_only",
        (None, "register") => "role_not_allowed",
        (None, _) => "not_registered",
        (Some(_), "register") => "already_registered",
        (Some("rejected" | "archived"), _) => "terminal_status",
        _ if !granted_anywhere && role == "customer_service" => "read_only",
        _ if !granted_anywhere => "role_not_allowed",
        _ => "wrong_status",
    }
}

/// Monday 2 March 2026 10:00 Kyiv, plus `minutes`.
fn at(minutes: i64) -> String {
    let t = reglament::instant::parse("2026-03-02T10:00:00+02:00").unwrap();
    reglament::instant::format(t + chrono::Duration::minutes(minutes))
}

/// A well-formed event of `kind` by `role` (the id is the role's).
fn event(kind: &str, role: &str, minutes: i64, extra: Value) -> Event {
    let mut v = json!({"kind": kind, "at": at(minutes), "actor": {"id": format!("{role}-1"), "role": role}});
    let own = match kind {
        "register" => {
            json!({"channel": "tracker", "reason": "software_failure", "description": "Invoice form hangs",
                             "conditions": "Save a 300-line invoice", "priority": "high", "category": "incident"})
        }
        "classify" => json!({"category": "consultation"}),
        "change_priority" => json!({"priority": "low"}),
        "reject" => json!({"reason": "no steps to reproduce"}),
        "request_approval" | "approve" | "refuse_approval" => json!({"action": "server_recovery"}),
        "perform_action" => json!({"action": "consultation"}),
        "extend_deadline" => json!({"add_seconds": 3600}),
        "reopen" => json!({"to": "in_progress"}),
        "comment" => json!({"text": "a comment"}),
        _ => json!({}),
    };
    for (k, x) in own
        .as_object()
        .unwrap()
        .iter()
        .chain(extra.as_object().unwrap())
    {
        v[k] = x.clone();
    }
    if matches!(kind, "approve" | "refuse_approval" | "extend_deadline")
        && v.get("evidence").is_none()
    {
        v["evidence"] = json!("<m@customer.example>");
    }
    Event::from_value(&v, "").unwrap_or_else(|e| panic!("{v}: {e}"))
}

/// Events that bring a request to `status`, with what `kind` needs set up
/// first (a question waiting, an approval pending, the user's acceptance).
fn fixture(status: Option<&str>, kind: &str) -> Vec<Event> {
    let Some(status) = status else {
        return Vec::new();
    };
    let mut h = vec![event(
        "register",
        "operator",
        0,
        json!({"channel": "phone"}),
    )];
    match kind {
        "user_answer" => h.push(event("ask_user", "operator", 1, json!({}))),
        "approve" | "refuse_approval" => {
            h.push(event("request_approval", "operator", 1, json!({})))
        }
        _ => {}
    }
    let path: &[(&str, &str)] = match status {
        "backlog" => &[],
        "sprint" => &[("plan_sprint", "operator")],
        "in_progress" => &[("start_work", "consultant")],
        "done" => &[("start_work", "consultant"), ("complete", "consultant")],
        "release" => &[("start_work", "consultant"), ("release", "consultant")],
        "rejected" => &[("reject", "operator")],
        "archived" => &[
            ("start_work", "consultant"),
            ("release", "consultant"),
            ("accept", "user"),
        ],
        s => panic!("{s}"),
    };
    for (i, (k, r)) in path.iter().enumerate() {
        h.push(event(k, r, 2 + i as i64, json!({})));
    }
    h
}

/// When a cell's event is tried: 30 minutes in, or past the 10-day delay
/// for a staff archive in Release (3.6; the user's acceptance archives by
/// itself, so no fixture accepts to open the archive).
fn probe_minute(kind: &str) -> i64 {
    if kind == "archive" {
        11 * 24 * 60
    } else {
        30
    }
}

fn build(reg: &Regulation, events: Vec<Event>) -> Ticket {
    let mut t = Ticket::new("T");
    for e in events {
        let k = e.kind();
        let out = t.apply(reg, e);
        assert!(
            out.is_accepted(),
            "fixture event {k} refused: {:?}",
            out.refusal()
        );
    }
    t
}

fn status_code(t: &Ticket) -> Option<&'static str> {
    t.status().map(Status::code)
}

/// The status an accepted event leads to (3.2, 3.3, 3.6).
fn expected_status_after(kind: &str, before: Option<&'static str>) -> Option<&'static str> {
    match kind {
        "register" => Some("backlog"),
        "reject" => Some("rejected"),
        "plan_sprint" => Some("sprint"),
        "start_work" => Some("in_progress"),
        "complete" => Some("done"),
        "release" => Some("release"),
        "reopen" => Some("in_progress"),
        "archive" | "accept" => Some("archived"),
        _ => before,
    }
}

#[test]
fn every_role_every_kind_every_status_against_the_regulation() {
    let reg = Regulation::default();
    let cells = opened();
    assert_eq!(cells.len(), 102, "cells opened by the table");
    let mut failures = Vec::new();
    let (mut accepted, mut refused) = (0, 0);
    for role in ROLES {
        for kind in KINDS {
            for status in STATUSES {
                let cell = format!("{role} × {kind} × {status:?}");
                let mut t = build(&reg, fixture(status, kind));
                assert_eq!(status_code(&t), status, "{cell}: fixture");
                let before = t.clone();
                let out = t.apply(&reg, event(kind, role, probe_minute(kind), json!({})));
                let open = cells.contains(&(role.to_string(), kind.to_string(), letter(status)));
                match (open, out.refusal()) {
                    (true, None) => {
                        accepted += 1;
                        let want = expected_status_after(kind, status);
                        if status_code(&t) != want {
                            failures.push(format!(
                                "{cell}: status {:?}, expected {want:?}",
                                status_code(&t)
                            ));
                        }
                        if t.events_accepted() != before.events_accepted() + 1 {
                            failures.push(format!("{cell}: not counted"));
                        }
                    }
                    (true, Some(r)) => failures.push(format!(
                        "{cell}: refused {}: {}",
                        r.code.code(),
                        r.message_en()
                    )),
                    (false, None) => {
                        failures.push(format!("{cell}: ACCEPTED, the regulation forbids it"))
                    }
                    (false, Some(r)) => {
                        refused += 1;
                        let want = expected_denial(role, kind, status, &cells);
                        if r.code.code() != want {
                            failures.push(format!(
                                "{cell}: refused {} ({}), expected {want}",
                                r.code.code(),
                                r.clause
                            ));
                        }
                        if r.role.code() != role
                            || r.kind.code() != kind
                            || r.status.map(Status::code) != status
                        {
                            failures.push(format!(
                                "{cell}: the refusal names {:?} {:?} {:?}",
                                r.role, r.kind, r.status
                            ));
                        }
                        if r.message_en().is_empty()
                            || r.message_uk().is_empty()
                            || r.clause.is_empty()
                        {
                            failures
                                .push(format!("{cell}: a refusal without its clause or sentences"));
                        }
                        if t != before {
                            failures.push(format!("{cell}: a refused event changed the ticket"));
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} cells wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!((accepted, refused), (102, 4 * 20 * 8 - 102));
}

#[test]
fn customer_service_never_changes_a_status() {
    let reg = Regulation::default();
    for kind in KINDS {
        for status in STATUSES {
            let mut t = build(&reg, fixture(status, kind));
            let before = status_code(&t);
            let out = t.apply(
                &reg,
                event(kind, "customer_service", probe_minute(kind), json!({})),
            );
            assert_eq!(
                status_code(&t),
                before,
                "customer service {kind} in {status:?} changed the status"
            );
            if out.is_accepted() {
                assert!(
                    matches!(kind, "approve" | "refuse_approval" | "extend_deadline"),
                    "customer service recorded {kind}"
                );
            }
        }
    }
    // nor through any history: Customer Service's events on a whole life
    let mut t = Ticket::new("T");
    for (i, kind) in KINDS.iter().enumerate() {
        let s = status_code(&t);
        assert!(!t
            .apply(&reg, event(kind, "customer_service", i as i64, json!({})))
            .is_accepted());
        assert_eq!(status_code(&t), s);
    }
    assert_eq!(t.status(), None);
}

#[test]
fn decisions_and_acceptance_only_by_their_role() {
    let reg = Regulation::default();
    let rightful = [
        ("approve", "customer_service"),
        ("refuse_approval", "customer_service"),
        ("extend_deadline", "customer_service"),
        ("accept", "user"),
    ];
    for (kind, right) in rightful {
        for status in STATUSES.into_iter().flatten() {
            for role in ROLES {
                let mut t = build(&reg, fixture(Some(status), kind));
                let before = t.clone();
                let out = t.apply(&reg, event(kind, role, probe_minute(kind), json!({})));
                if role != right {
                    let r = out
                        .refusal()
                        .unwrap_or_else(|| panic!("{role} recorded {kind} in {status}"));
                    assert!(
                        matches!(
                            r.code,
                            RefusalCode::RoleNotAllowed
                                | RefusalCode::ReadOnly
                                | RefusalCode::TerminalStatus
                        ),
                        "{role} {kind} {status}: {:?}",
                        r.code
                    );
                    assert_eq!(t, before);
                } else {
                    let allowed = if kind == "accept" {
                        status == "release"
                    } else {
                        matches!(status, "backlog" | "sprint" | "in_progress" | "done")
                    };
                    assert_eq!(
                        out.is_accepted(),
                        allowed,
                        "{role} {kind} {status}: {:?}",
                        out.refusal()
                    );
                }
            }
        }
    }
    // the wrong role cannot decide on a pending approval, however it words it
    let mut t = build(&reg, fixture(Some("in_progress"), "approve"));
    for role in ["user", "operator", "consultant"] {
        for kind in ["approve", "refuse_approval"] {
            let out = t.apply(&reg, event(kind, role, 40, json!({"channel": "email"})));
            assert_eq!(
                out.refusal().map(|r| r.code),
                Some(RefusalCode::RoleNotAllowed),
                "{role} {kind}"
            );
        }
    }
    assert_eq!(
        t.approval("server_recovery").map(|a| a.state.code()),
        Some("pending")
    );
}

/// The gateable event kinds: those a regulation may list in `approval_required_for`.
fn gateable() -> Vec<&'static str> {
    KINDS
        .into_iter()
        .filter(|k| EventKind::from_code(k).is_some_and(EventKind::gateable))
        .collect()
}

/// Approval events for `name` right after registration: none, pending,
/// refused or granted.
fn approval_steps(name: &str, state: &str) -> Vec<Event> {
    let req = || event("request_approval", "operator", 1, json!({"action": name}));
    match state {
        "none" => vec![],
        "pending" => vec![req()],
        "refused" => vec![
            req(),
            event(
                "refuse_approval",
                "customer_service",
                1,
                json!({"action": name}),
            ),
        ],
        "granted" => vec![
            req(),
            event("approve", "customer_service", 1, json!({"action": name})),
        ],
        s => panic!("{s}"),
    }
}

#[test]
fn a_gated_kind_never_passes_without_its_approval() {
    let cells = opened();
    let mut tried = 0;
    for kind in gateable() {
        let reg = Regulation::with_overrides(&json!({"approval_required_for": [kind]})).unwrap();
        assert!(reg.needs_approval(kind));
        for (role, k, s) in cells.iter().filter(|(_, k, _)| k == kind) {
            let status = STATUSES.into_iter().find(|st| letter(*st) == *s).unwrap();
            let mut base = fixture(status, k);
            if base.iter().any(|e| e.kind().code() == kind) {
                continue; // the path to this status takes the gated step itself
            }
            for state in ["none", "pending", "refused", "granted"] {
                let mut h = base.clone();
                h.splice(1..1, approval_steps(kind, state));
                let mut t = build(&reg, h);
                let before = t.clone();
                let out = t.apply(&reg, event(kind, role, probe_minute(kind), json!({})));
                tried += 1;
                let want = match state {
                    "none" => Some(RefusalCode::ApprovalRequired),
                    "pending" => Some(RefusalCode::ApprovalPending),
                    "refused" => Some(RefusalCode::ApprovalRefused),
                    _ => None,
                };
                assert_eq!(
                    out.refusal().map(|r| r.code),
                    want,
                    "{role} {kind} in {status:?}, approval {state}"
                );
                if let Some(r) = out.refusal() {
                    let clause = if *role == "consultant" {
                        "3.5.1"
                    } else {
                        "3.4"
                    };
                    assert_eq!(r.clause, clause, "{role} {kind}");
                    assert_eq!(t, before);
                }
            }
            base.clear();
        }
    }
    eprintln!("gated kinds: {tried} (cell, approval state) pairs");
    assert!(tried >= 100, "{tried} gated cells tried");
}

#[test]
fn a_gated_action_never_passes_without_its_approval() {
    let reg = Regulation::default();
    let gated: Vec<String> = reg
        .spec()
        .actions
        .iter()
        .map(|a| a.name.clone())
        .filter(|n| reg.needs_approval(n))
        .collect();
    assert!(gated.len() >= 4);
    for action in &gated {
        for role in ["operator", "consultant"] {
            for status in ["backlog", "sprint", "in_progress", "done"] {
                for state in ["none", "pending", "refused", "granted"] {
                    let mut h = fixture(Some(status), "perform_action");
                    h.splice(1..1, approval_steps(action, state));
                    let mut t = build(&reg, h);
                    let out = t.apply(
                        &reg,
                        event("perform_action", role, 30, json!({"action": action})),
                    );
                    let want = match state {
                        "none" => Some(RefusalCode::ApprovalRequired),
                        "pending" => Some(RefusalCode::ApprovalPending),
                        "refused" => Some(RefusalCode::ApprovalRefused),
                        _ => None,
                    };
                    assert_eq!(
                        out.refusal().map(|r| r.code),
                        want,
                        "{role} {action} in {status}, {state}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_refused_approval_stays_refused() {
    for action in ["server_recovery", "release"] {
        let reg = Regulation::with_overrides(&json!({"approval_required_for": [action]})).unwrap();
        let mut h = fixture(Some("in_progress"), "x");
        h.splice(1..1, approval_steps(action, "refused"));
        let mut t = build(&reg, h);
        let refused = |o: Outcome| o.refusal().map(|r| r.code);
        let mut m = 30;
        let mut next = || {
            m += 1;
            m
        };
        // every way to turn it round, by everyone, across a reopen cycle
        for _ in 0..2 {
            for role in ROLES {
                for kind in ["approve", "refuse_approval", "request_approval"] {
                    let e = event(kind, role, next(), json!({"action": action}));
                    let before = t.clone();
                    let code = refused(t.apply(&reg, e));
                    assert!(
                        code.is_some(),
                        "{role} {kind} {action} accepted after a refusal"
                    );
                    assert_eq!(t, before);
                }
            }
            let gated = if action == "release" {
                event("release", "consultant", next(), json!({}))
            } else {
                event(
                    "perform_action",
                    "consultant",
                    next(),
                    json!({"action": action}),
                )
            };
            assert_eq!(
                refused(t.apply(&reg, gated)),
                Some(RefusalCode::ApprovalRefused),
                "{action}"
            );
            assert_eq!(t.approval(action).map(|a| a.state.code()), Some("refused"));
            // life goes on: the approval does not come back
            if action == "server_recovery" {
                for (k, r) in [("release", "consultant"), ("reopen", "user")] {
                    assert!(
                        t.apply(&reg, event(k, r, next(), json!({}))).is_accepted(),
                        "{k}"
                    );
                }
            }
        }
    }
}

fn vectors() -> Vec<(String, Vec<Event>, Regulation)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
    {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let reg = match &v["regulation"] {
            Value::Null => Regulation::default(),
            over => Regulation::with_overrides(over).unwrap(),
        };
        let events = v["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| Event::from_value(e, "").ok())
            .collect();
        out.push((
            p.file_name().unwrap().to_string_lossy().into_owned(),
            events,
            reg,
        ));
    }
    out
}

#[test]
fn an_event_inserted_out_of_order_is_refused() {
    let mut tried = 0;
    for (name, events, reg) in vectors() {
        let original = Ticket::replay(&reg, "T", events.clone());
        // every position after the first accepted event: a copy of the event
        // that is there (or of the last one), one second before the last
        // accepted instant
        for k in 1..=events.len() {
            let prefix = Ticket::replay(&reg, "T", events[..k].iter().cloned()).ticket;
            let Some(last) = prefix.last_event_at() else {
                continue;
            };
            let mut intruder = events[k.min(events.len() - 1)].clone();
            intruder.at = last - chrono::Duration::seconds(1);
            let mut stored = events.clone();
            stored.insert(k, intruder);
            let r = Ticket::replay(&reg, "T", stored);
            let step = &r.steps[k];
            let refusal = step
                .outcome
                .refusal()
                .unwrap_or_else(|| panic!("{name} @{k}: accepted out of order"));
            assert_eq!(
                (refusal.code, refusal.clause, refusal.field),
                (RefusalCode::TimeWentBackwards, "§2", Some("at")),
                "{name} @{k}"
            );
            // and the rest of the history reads as if it had not been there
            assert_eq!(r.ticket, original.ticket, "{name} @{k}");
            tried += 1;
        }
        // two neighbours swapped: the later instant first, then the earlier
        for k in 1..events.len() {
            if events[k].at <= events[k - 1].at {
                continue;
            }
            let mut swapped = events.clone();
            swapped.swap(k - 1, k);
            let r = Ticket::replay(&reg, "T", swapped);
            if r.steps[k - 1].outcome.is_accepted() {
                let code = r.steps[k].outcome.refusal().map(|x| x.code);
                assert_eq!(
                    code,
                    Some(RefusalCode::TimeWentBackwards),
                    "{name}: swap {k}"
                );
            }
        }
    }
    eprintln!("out-of-order insertions: {tried}");
    assert!(tried >= 250, "{tried} insertions");
}

#[test]
fn staff_roles_are_the_contractors() {
    // DESIGN §2: working hours bind operators and consultants only
    for r in Role::ALL {
        assert_eq!(
            r.is_staff(),
            matches!(r.code(), "operator" | "consultant"),
            "{r}"
        );
    }
}
