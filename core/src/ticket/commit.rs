//! Folding an accepted event into the ticket: the facts it records and the
//! status it moves to.

use chrono::{DateTime, Utc};

use super::check::Plan;
use super::*;
use crate::model::{Channel, Priority, Service, Status};

impl Ticket {
    /// Changes the ticket; `check` accepted the event.
    pub(super) fn commit(&mut self, event: Event, plan: Plan) {
        let Event {
            at, actor, body, ..
        } = event;
        let kind = body.kind();
        let from = self.status;
        let to = match &body {
            EventBody::Reopen { to } => Some(*to),
            _ => permissions::moves_to(kind).or(from),
        };
        self.record(at, &actor, body, plan);
        if matches!(kind, EventKind::Reject | EventKind::Release) {
            self.end_wait(at);
        }
        self.record_reaction(
            at,
            &actor,
            kind,
            from != to && from == Some(Status::Backlog),
        );
        if to != from {
            if let Some(new) = to {
                self.status_changes.push(StatusChange {
                    at,
                    by: actor,
                    from,
                    to: new,
                });
            }
            self.status = to;
        }
        self.last_event_at = Some(at);
        self.events_accepted += 1;
    }

    /// The facts the event records (its status move is `commit`'s).
    fn record(&mut self, at: DateTime<Utc>, actor: &Actor, body: EventBody, plan: Plan) {
        match body {
            EventBody::Register(r) => self.record_registration(at, actor, r, plan),
            EventBody::Classify { category } => {
                if self.category != Some(category) {
                    self.category_changes.push(Change {
                        at,
                        by: actor.clone(),
                        from: self.category,
                        to: category,
                    });
                    self.category = Some(category);
                }
            }
            EventBody::ChangePriority { priority } => {
                if self.priority != Some(priority) {
                    self.priority_changes.push(Change {
                        at,
                        by: actor.clone(),
                        from: self.priority,
                        to: priority,
                    });
                    self.priority = Some(priority);
                }
            }
            EventBody::Reject { reason } => {
                self.rejection = Some(Rejection {
                    at,
                    by: actor.clone(),
                    reason: reason.unwrap_or_default(),
                });
            }
            EventBody::AskUser => {
                if !self.awaiting_user {
                    self.awaiting_user = true;
                    self.user_waits.push(Wait {
                        from: at,
                        to: None,
                        asked_by: actor.clone(),
                    });
                }
            }
            EventBody::UserAnswer => self.end_wait(at),
            EventBody::RequestApproval { action } => self.approvals.push(Approval {
                action,
                requested_at: at,
                requested_by: actor.clone(),
                state: ApprovalState::Pending,
                decided_at: None,
                decided_by: None,
                evidence: None,
            }),
            EventBody::Approve {
                action, evidence, ..
            } => self.record_decision(at, actor, &action, evidence, ApprovalState::Granted),
            EventBody::RefuseApproval {
                action, evidence, ..
            } => self.record_decision(at, actor, &action, evidence, ApprovalState::Refused),
            EventBody::PerformAction { action } => {
                let service = plan.service.unwrap_or(Service::Consultation);
                self.actions.push(PerformedAction {
                    at,
                    by: actor.clone(),
                    action,
                    service,
                });
            }
            EventBody::ExtendDeadline {
                metric,
                new_due,
                add_seconds,
                evidence,
            } => self.extensions.push(Extension {
                at,
                by: actor.clone(),
                metric,
                new_due,
                add_seconds,
                evidence: evidence.unwrap_or_default(),
            }),
            EventBody::Release => self.cycles.push(Cycle {
                released_at: at,
                released_by: actor.clone(),
                archive_due_at: plan.archive_due.unwrap_or(at),
                accepted_at: None,
                reopened_at: None,
                reopened_by: None,
                reopened_to: None,
            }),
            EventBody::Reopen { to: target } => {
                if let Some(c) = self.cycles.last_mut() {
                    c.reopened_at = Some(at);
                    c.reopened_by = Some(actor.clone());
                    c.reopened_to = Some(target);
                }
            }
            EventBody::Accept => {
                if let Some(c) = self.cycles.last_mut() {
                    c.accepted_at.get_or_insert(at);
                }
                self.archived_at = Some(at);
                self.archived_by = Some(actor.clone());
            }
            EventBody::Archive => {
                self.archived_at = Some(at);
                self.archived_by = Some(actor.clone());
            }
            EventBody::Pause { reason } => self.declared_pauses.push(DeclaredPause {
                reason,
                from: at,
                to: None,
                paused_by: actor.clone(),
                resumed_by: None,
            }),
            EventBody::Resume { reason } => {
                if let Some(p) = self
                    .declared_pauses
                    .iter_mut()
                    .rev()
                    .find(|p| p.reason == reason && p.to.is_none())
                {
                    p.to = Some(at);
                    p.resumed_by = Some(actor.clone());
                }
            }
            EventBody::PlanSprint { .. }
            | EventBody::StartWork
            | EventBody::Complete
            | EventBody::Reply
            | EventBody::Comment => {}
        }
    }

    fn record_registration(
        &mut self,
        at: DateTime<Utc>,
        actor: &Actor,
        r: Registration,
        plan: Plan,
    ) {
        let priority = r.priority.unwrap_or(Priority::Medium);
        let channel = r.channel.unwrap_or(Channel::Tracker);
        self.registration = Some(RegistrationRecord {
            at,
            submitted_at: r.submitted_at.unwrap_or(at),
            by: actor.clone(),
            channel,
            reason: r.reason,
            own_initiative: r.own_initiative,
            solved_during_contact: r.solved_during_contact,
            description: r.description.unwrap_or_default(),
            conditions: r.conditions.unwrap_or_default(),
            attachments: r.attachments,
        });
        self.regulation = plan.regulation.clone();
        self.priority = Some(priority);
        self.priority_changes.push(Change {
            at,
            by: actor.clone(),
            from: None,
            to: priority,
        });
        if let Some(c) = r.category {
            self.category = Some(c);
            self.category_changes.push(Change {
                at,
                by: actor.clone(),
                from: None,
                to: c,
            });
        }
    }

    /// Customer Service's decision on the approval `action` names (`""`:
    /// the one pending, which `check` made sure exists).
    fn record_decision(
        &mut self,
        at: DateTime<Utc>,
        actor: &Actor,
        action: &str,
        evidence: Option<String>,
        state: ApprovalState,
    ) {
        let pending = |a: &&mut Approval| {
            if action.is_empty() {
                a.state == ApprovalState::Pending
            } else {
                a.action == action
            }
        };
        if let Some(a) = self.approvals.iter_mut().find(pending) {
            a.state = state;
            a.decided_at = Some(at);
            a.decided_by = Some(actor.clone());
            a.evidence = evidence;
        }
    }

    /// Reactions towards the user: the first response and the updates.
    fn record_reaction(
        &mut self,
        at: DateTime<Utc>,
        actor: &Actor,
        kind: EventKind,
        left_backlog: bool,
    ) {
        let informs_user = matches!(
            kind,
            EventKind::AskUser | EventKind::Reply | EventKind::Reject | EventKind::Release
        );
        if actor.role.is_staff() && (informs_user || left_backlog) {
            let reaction = Reaction {
                at,
                by: actor.clone(),
                kind,
            };
            if self.first_response.is_none() {
                self.first_response = Some(reaction.clone());
            }
            if informs_user {
                self.user_updates.push(reaction);
            }
        }
    }

    fn end_wait(&mut self, at: DateTime<Utc>) {
        if self.awaiting_user {
            self.awaiting_user = false;
            if let Some(w) = self.user_waits.last_mut() {
                w.to = Some(at);
            }
        }
    }
}
