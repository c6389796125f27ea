//! Shared by the ticket targets: the regulations they run under (built
//! once: compiling a calendar with the Ukrainian holidays costs
//! milliseconds) and an independent check of every outcome of a history.
#![allow(dead_code)]

use std::sync::OnceLock;

use reglament::ticket::{permissions, ApprovalState, Event, EventBody, Ticket};
use reglament::Regulation;
use serde_json::json;

/// The default regulation and variants that switch each configurable rule.
pub fn regulations() -> &'static [Regulation] {
    static REGS: OnceLock<Vec<Regulation>> = OnceLock::new();
    REGS.get_or_init(|| {
        let off = json!({"approval_pending": false, "awaiting_user": false});
        let overrides = [
            json!({}),
            json!({"pauses": {"response": off, "resolution": off, "update_interval": off}}),
            json!({"priority_change": "recompute_from_registration"}),
            json!({"priority_change": "keep_old_due"}),
            json!({"priority_change": "earlier_of_both", "warning_thresholds": [1, 50, 99]}),
            json!({"approval_required_for": ["server_recovery", "master_data", "release", "start_work",
                                             "archive", "reopen", "classify", "change_priority", "reject",
                                             "plan_sprint", "complete"]}),
            json!({"archive_after": {"amount": 1, "unit": "working_days"},
                   "contact_change_notice": {"amount": 3650, "unit": "calendar_days"}}),
            json!({"calendar": {"timezone": "UTC", "holiday_preset": null,
                                "week": {"mon": [["00:00", "24:00"]], "tue": [["00:00", "24:00"]],
                                         "wed": [["00:00", "24:00"]], "thu": [["00:00", "24:00"]],
                                         "fri": [["00:00", "24:00"]], "sat": [["00:00", "24:00"]],
                                         "sun": [["00:00", "24:00"]]}}}),
            json!({"calendar": {"timezone": "America/New_York", "holiday_preset": null,
                                "week": {"mon": [["22:00", "06:00"]], "tue": [], "wed": [["09:00", "09:00"]],
                                         "thu": [], "fri": [["02:30", "03:30"]], "sat": [], "sun": []},
                                "holidays": ["2026-03-09"], "extra_working_days": ["2026-03-07"]},
                   "registration_calendar": {"timezone": "Asia/Kolkata", "week": {"sun": [["00:00", "00:01"]]}}}),
            json!({"sla": {"example": false, "targets": huge_targets()}}),
            // DESIGN §7: a declared pause reason, levels past the target
            json!({"pause_reasons": [{"id": "awaiting_vendor", "uk": "очікування постачальника",
                                      "en": "awaiting the vendor", "pauses": ["response", "resolution"]}],
                   "warning_thresholds": [75, {"percent": 150, "name": "escalation"}, 1000]}),
        ];
        overrides
            .iter()
            .map(|o| Regulation::with_overrides(o).unwrap_or_else(|e| panic!("{o}: {e}")))
            .collect()
    })
}

/// An SLA table with extreme targets: one second and the longest allowed.
fn huge_targets() -> serde_json::Value {
    let mut out = Vec::new();
    let big = reglament::regulation::MAX_SECONDS;
    for (ci, c) in [
        "incident",
        "change_request",
        "consultation",
        "documentation_request",
    ]
    .iter()
    .enumerate()
    {
        for (pi, p) in ["critical", "high", "medium", "low"].iter().enumerate() {
            let small = (ci + pi) % 2 == 0;
            out.push(json!({"category": c, "priority": p,
                            "response": if small { 1 } else { big },
                            "resolution": big,
                            "update_interval": if small { json!(1) } else { json!(big) }}));
        }
    }
    json!(out)
}

/// Applies the events one by one, checking every outcome independently of
/// the engine's own bookkeeping.
pub fn check_history(reg: &Regulation, events: &[Event]) {
    let mut t = Ticket::new("T");
    let mut accepted = 0usize;
    for e in events {
        let before = t.clone();
        let predicted = t.try_apply(reg, e);
        let out = t.apply(reg, e.clone());
        assert_eq!(predicted, out, "try_apply and apply disagree");
        match out.refusal() {
            Some(r) => {
                assert_eq!(t, before, "a refused event changed the ticket");
                assert!(!r.message_en().is_empty() && !r.message_uk().is_empty());
            }
            None => {
                accepted += 1;
                let (role, kind) = (e.actor.role, e.kind());
                assert!(
                    permissions::check(role, kind, before.status()).is_ok(),
                    "accepted {kind} by {role} in {:?}: the table closes that cell",
                    before.status()
                );
                if let Some(last) = before.last_event_at() {
                    assert!(e.at >= last, "accepted an event that goes back in time");
                }
                let granted = |name: &str| {
                    before
                        .approval(name)
                        .is_some_and(|a| a.state == ApprovalState::Granted)
                };
                if kind.gateable() && reg.needs_approval(kind.code()) {
                    assert!(granted(kind.code()), "gated {kind} passed without approval");
                }
                if let EventBody::PerformAction { action } = &e.body {
                    if reg.needs_approval(action) {
                        assert!(
                            granted(action),
                            "gated action {action} passed without approval"
                        );
                    }
                }
                if let EventBody::Approve { action, .. }
                | EventBody::RefuseApproval { action, .. } = &e.body
                {
                    if action.is_empty() {
                        // without `action`: the one approval pending (3.4)
                        assert_eq!(
                            before
                                .approvals()
                                .iter()
                                .filter(|a| a.state == ApprovalState::Pending)
                                .count(),
                            1,
                            "a decision without action while not exactly one approval was pending"
                        );
                    } else {
                        assert_eq!(
                            before.approval(action).map(|a| a.state),
                            Some(ApprovalState::Pending),
                            "a decision on an approval that was not pending"
                        );
                    }
                }
            }
        }
    }
    assert_eq!(t.events_accepted(), accepted);
}
