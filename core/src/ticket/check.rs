//! Every rule an event must pass, checked without touching the ticket:
//! the order of time, the regulation recorded at registration, the
//! calendar's range, the permission table, approvals, then the kind's own
//! rules. A check either plans the change or refuses with a [`Refusal`].

use chrono::{DateTime, Utc};

use super::refuse::{local, no_change, Refuse};
use super::*;
use crate::i18n::Text;
use crate::instant;
use crate::model::{Channel, Role, Service, Status};
use crate::regulation::Regulation;
use crate::rules;

/// What a successful check decided, to be committed.
pub(super) struct Plan {
    /// Set by a registration: the fingerprint to record.
    pub(super) regulation: Option<std::sync::Arc<str>>,
    pub(super) warnings: Vec<Warning>,
    pub(super) archive_due: Option<DateTime<Utc>>,
    pub(super) service: Option<Service>,
}

impl Ticket {
    fn refuse(&self, event: &Event) -> Refuse {
        Refuse::new(event.kind(), event.actor.role, self.status)
    }

    /// Every rule, without touching the ticket: first those every event
    /// meets, then the kind's own.
    pub(super) fn check(&self, reg: &Regulation, event: &Event) -> Result<Plan, Refusal> {
        self.check_common(reg, event)?;
        let mut plan = Plan {
            regulation: None,
            warnings: Vec::new(),
            archive_due: None,
            service: None,
        };
        match &event.body {
            EventBody::Register(r) => return self.check_register(reg, event, r),
            EventBody::Classify { category } => {
                if self.category == Some(*category) {
                    plan.warnings
                        .push(no_change(category.label_uk(), category.label_en()));
                }
            }
            EventBody::ChangePriority { priority } => {
                if self.priority == Some(*priority) {
                    plan.warnings
                        .push(no_change(priority.label_uk(), priority.label_en()));
                }
            }
            EventBody::Reject { reason } => {
                if reason.is_none() {
                    return Err(self.missing(event, "reason", "3.3", Text::MissingRejectReason));
                }
            }
            EventBody::UserAnswer => {
                if !self.awaiting_user {
                    return Err(self.refuse(event).with(
                        "3.3",
                        RefusalCode::NoQuestionPending,
                        None,
                        Text::NoQuestionPending,
                    ));
                }
            }
            EventBody::PlanSprint { .. } | EventBody::StartWork => {
                if self.category.is_none() {
                    plan.warnings.push(Warning::new(
                        WarningCode::Unclassified,
                        "3.3",
                        Text::Unclassified,
                        &[],
                    ));
                }
            }
            EventBody::RequestApproval { action } => {
                self.check_approval_request(reg, event, action)?
            }
            EventBody::Approve {
                action,
                evidence,
                channel,
            }
            | EventBody::RefuseApproval {
                action,
                evidence,
                channel,
            } => self.check_decision(event, action, evidence.as_deref(), *channel)?,
            EventBody::PerformAction { action } => {
                let Some(spec) = reg.action(action) else {
                    return Err(self.unknown_action(reg, event, action));
                };
                plan.service = Some(spec.service);
                if reg.needs_approval(action) {
                    self.gate(event, action)?;
                }
            }
            EventBody::ExtendDeadline {
                metric,
                new_due,
                add_seconds,
                evidence,
            } => self.check_extension(
                reg,
                event,
                *metric,
                *new_due,
                *add_seconds,
                evidence.as_deref(),
            )?,
            EventBody::Release => {
                let due =
                    rules::archive_due(reg, event.at).map_err(|e| self.out_of_range(event, &e))?;
                plan.archive_due = Some(due);
            }
            EventBody::Reopen { to } => {
                if !matches!(to, Status::Sprint | Status::InProgress) {
                    return Err(self
                        .refuse(event)
                        .label("status", to.label_uk(), to.label_en())
                        .with(
                            "3.6",
                            RefusalCode::InvalidReopenTarget,
                            Some("to"),
                            Text::InvalidReopenTarget,
                        ));
                }
            }
            // The permission table admits `accept` only in Release, and the
            // acceptance archives at once (commit): nothing else to check.
            EventBody::Accept => {}
            EventBody::Archive => self.check_archive(reg, event)?,
            EventBody::Pause { reason } | EventBody::Resume { reason } => {
                self.check_declared_pause(reg, event, reason)?
            }
            EventBody::AskUser | EventBody::Reply | EventBody::Complete | EventBody::Comment => {}
        }
        self.warn_outside_hours(reg, event, &mut plan)?;
        Ok(plan)
    }

    /// A required field the event lacks.
    fn missing(
        &self,
        event: &Event,
        field: &'static str,
        clause: &'static str,
        text: Text,
    ) -> Refusal {
        self.refuse(event).arg("clause", clause).with(
            clause,
            RefusalCode::MissingField,
            Some(field),
            text,
        )
    }

    /// The rules every event meets: time goes forward (§2), the regulation
    /// recorded at registration judges (§5), the calendar can place the
    /// instant (§3), the permission table, and approval gates (3.4, 3.5.1).
    fn check_common(&self, reg: &Regulation, event: &Event) -> Result<(), Refusal> {
        let kind = event.kind();
        let role = event.actor.role;
        let at = event.at;

        // DESIGN §2: a ticket is its ordered history.
        if let Some(last) = self.last_event_at {
            if at < last {
                return Err(self
                    .refuse(event)
                    .instant("at", at)
                    .instant("previous", last)
                    .with(
                        "§2",
                        RefusalCode::TimeWentBackwards,
                        Some("at"),
                        Text::TimeWentBackwards,
                    ));
            }
        }

        // DESIGN §5: the regulation recorded at registration judges the request.
        if let Some(recorded) = &self.regulation {
            if &**recorded != reg.fingerprint() {
                return Err(self
                    .refuse(event)
                    .arg("recorded", recorded.to_string())
                    .arg("given", reg.fingerprint().to_string())
                    .with(
                        "§5",
                        RefusalCode::RegulationMismatch,
                        None,
                        Text::RegulationMismatch,
                    ));
            }
        }

        // DESIGN §3: every instant must lie in the calendar's supported range.
        let (lo, hi) = reg.calendar().supported_range();
        if at < lo || at >= hi {
            let e = crate::Error::out_of_range(format!(
                "supported from {} to {}",
                instant::format(lo),
                instant::format(hi)
            ));
            return Err(self.out_of_range(event, &e));
        }

        // The permission table.
        if let Err(d) = permissions::check(role, kind, self.status) {
            return Err(self.denial(reg, event, d));
        }

        // Events a regulation gates behind an approval (3.4, 3.5.1).
        if kind.gateable() && reg.needs_approval(kind.code()) {
            self.gate(event, kind.code())?;
        }
        Ok(())
    }

    /// 3.1, 3.3, 3.4: a registration names its channel, description,
    /// conditions and priority; phone and messenger requests are registered
    /// by the operator, in registration hours.
    fn check_register(
        &self,
        reg: &Regulation,
        event: &Event,
        r: &Registration,
    ) -> Result<Plan, Refusal> {
        let role = event.actor.role;
        let at = event.at;
        let mut plan = Plan {
            regulation: None,
            warnings: Vec::new(),
            archive_due: None,
            service: None,
        };
        if r.own_initiative && role != Role::Operator {
            return Err(self.refuse(event).with(
                "3.3",
                RefusalCode::OwnInitiativeRequiresOperator,
                Some("own_initiative"),
                Text::OwnInitiativeRequiresOperator,
            ));
        }
        let channel = match (r.channel, r.own_initiative) {
            (Some(c), _) => c,
            (None, true) => Channel::Tracker,
            (None, false) => {
                return Err(self.missing(event, "channel", "3.1", Text::MissingChannel))
            }
        };
        if !channel.accepts_requests() {
            return Err(self
                .refuse(event)
                .label("channel", channel.label_uk(), channel.label_en())
                .with(
                    "3.1",
                    RefusalCode::ChannelNotForRequests,
                    Some("channel"),
                    Text::ChannelNotForRequests,
                ));
        }
        if channel.is_conversation() && role != Role::Operator {
            return Err(self
                .refuse(event)
                .label("channel", channel.label_uk(), channel.label_en())
                .with(
                    "3.1",
                    RefusalCode::ChannelRequiresOperator,
                    Some("channel"),
                    Text::ChannelRequiresOperator,
                ));
        }
        if r.description.is_none() {
            return Err(self.missing(event, "description", "3.1", Text::MissingDescription));
        }
        if r.conditions.is_none() {
            return Err(self.missing(event, "conditions", "3.1", Text::MissingConditions));
        }
        let Some(priority) = r.priority else {
            return Err(self.missing(event, "priority", "3.1", Text::MissingPriority));
        };
        if let Some(sub) = r.submitted_at.filter(|s| *s > at) {
            return Err(self
                .refuse(event)
                .instant("submitted", sub)
                .instant("at", at)
                .with(
                    "3.3",
                    RefusalCode::SubmittedAfterRegistration,
                    Some("submitted_at"),
                    Text::SubmittedAfterRegistration,
                ));
        }
        if role.is_staff() {
            if channel.is_conversation() {
                if !self.working(reg.registration_calendar(), event)? {
                    plan.warnings.push(Warning::with_args(
                        WarningCode::OutsideRegistrationHours,
                        "3.3",
                        Text::OutsideRegistrationHours,
                        vec![("at", local(reg, at))],
                    ));
                }
            } else {
                self.warn_outside_hours(reg, event, &mut plan)?;
            }
        }
        plan.regulation = Some(reg.fingerprint_arc());
        if r.solved_during_contact && !rules::must_register(r.category, priority, true) {
            plan.warnings.push(Warning::new(
                WarningCode::RegistrationOptional,
                "3.4",
                Text::RegistrationOptional,
                &[],
            ));
        }
        Ok(plan)
    }

    /// 3.4: an approval is requested for a known action or gated event,
    /// once.
    fn check_approval_request(
        &self,
        reg: &Regulation,
        event: &Event,
        action: &str,
    ) -> Result<(), Refusal> {
        let known = reg.action(action).is_some()
            || EventKind::from_code(action)
                .is_some_and(|k| k.gateable() && reg.needs_approval(action));
        if !known {
            return Err(self.unknown_action(reg, event, action));
        }
        if let Some(a) = self.approval(action) {
            let (code, text) = match a.state {
                ApprovalState::Pending => (
                    RefusalCode::ApprovalAlreadyPending,
                    Text::ApprovalAlreadyPending,
                ),
                ApprovalState::Granted => (
                    RefusalCode::ApprovalAlreadyGranted,
                    Text::ApprovalAlreadyGranted,
                ),
                ApprovalState::Refused => (RefusalCode::ApprovalRefused, Text::ApprovalRefused),
            };
            return Err(self
                .refuse(event)
                .arg("action", action)
                .arg("clause", "3.4")
                .with("3.4", code, Some("action"), text));
        }
        Ok(())
    }

    /// 3.4: Customer Service decides, by e-mail with evidence, an approval
    /// that is pending.
    fn check_decision(
        &self,
        event: &Event,
        action: &str,
        evidence: Option<&str>,
        channel: Channel,
    ) -> Result<(), Refusal> {
        let action = &self.decided_action(event, action)?;
        let state = self.approval(action).map(|a| a.state);
        let refusal = |code, text| {
            self.refuse(event)
                .arg("action", action.clone())
                .arg("clause", "3.4")
                .with("3.4", code, Some("action"), text)
        };
        match state {
            None => {
                return Err(refusal(
                    RefusalCode::ApprovalNotRequested,
                    Text::ApprovalNotRequested,
                ))
            }
            Some(ApprovalState::Granted) => {
                return Err(refusal(
                    RefusalCode::ApprovalAlreadyGranted,
                    Text::ApprovalAlreadyGranted,
                ))
            }
            Some(ApprovalState::Refused) => {
                return Err(refusal(RefusalCode::ApprovalRefused, Text::ApprovalRefused))
            }
            Some(ApprovalState::Pending) => {}
        }
        if channel != Channel::Email {
            return Err(self
                .refuse(event)
                .label("channel", channel.label_uk(), channel.label_en())
                .with(
                    "3.4",
                    RefusalCode::ApprovalNotByEmail,
                    Some("channel"),
                    Text::ApprovalNotByEmail,
                ));
        }
        if evidence.is_none() {
            return Err(self.missing(event, "evidence", "3.4", Text::MissingEvidence));
        }
        Ok(())
    }

    /// 3.5.1: an extension carries evidence and exactly one well-formed
    /// form; a fixed instant lies in the future, in range, and extends.
    fn check_extension(
        &self,
        reg: &Regulation,
        event: &Event,
        metric: crate::model::Metric,
        new_due: Option<DateTime<Utc>>,
        add_seconds: Option<i64>,
        evidence: Option<&str>,
    ) -> Result<(), Refusal> {
        let at = event.at;
        if evidence.is_none() {
            return Err(self.missing(event, "evidence", "3.5.1", Text::MissingEvidence));
        }
        let well_formed = match (new_due, add_seconds) {
            (Some(_), None) => true,
            (None, Some(s)) => s > 0 && s <= crate::regulation::MAX_SECONDS,
            _ => false,
        };
        if !well_formed {
            return Err(self.refuse(event).with(
                "3.5.1",
                RefusalCode::InvalidExtension,
                Some(if add_seconds.is_some() {
                    "add_seconds"
                } else {
                    "new_due"
                }),
                Text::InvalidExtension,
            ));
        }
        // A due the calendar cannot place would make every later
        // reading of the clocks fail: refuse it like an instant.
        let (_, hi) = reg.calendar().supported_range();
        if let Some(due) = new_due.filter(|d| *d >= hi) {
            return Err(self
                .refuse(event)
                .instant("at", due)
                .arg("detail", format!("supported until {}", instant::format(hi)))
                .with(
                    "§3",
                    RefusalCode::InstantOutOfRange,
                    Some("new_due"),
                    Text::InstantOutOfRange,
                ));
        }
        if let Some(due) = new_due.filter(|d| *d <= at) {
            return Err(self
                .refuse(event)
                .instant("due", due)
                .instant("at", at)
                .with(
                    "3.5.1",
                    RefusalCode::ExtensionNotInFuture,
                    Some("new_due"),
                    Text::ExtensionNotInFuture,
                ));
        }
        if let Some(due) = new_due {
            self.check_extends(reg, event, metric, due)?;
        }
        Ok(())
    }

    /// 3.6: without the user's acceptance, archive only once the delay
    /// after Release has passed.
    fn check_archive(&self, reg: &Regulation, event: &Event) -> Result<(), Refusal> {
        let at = event.at;
        if let Some(c) = self.cycles.last() {
            if c.accepted_at.is_none() && at < c.archive_due_at {
                let d = reg.spec().archive_after;
                return Err(self
                    .refuse(event)
                    .local("due", reg, c.archive_due_at)
                    .with_arg("delay", Arg::Days(d.amount, d.unit))
                    .with(
                        "3.6",
                        RefusalCode::ArchiveTooEarly,
                        None,
                        Text::ArchiveTooEarly,
                    ));
            }
        }
        Ok(())
    }

    /// The action an `approve` / `refuse_approval` decides: the one named,
    /// or without a name the one approval pending (3.4); none pending is
    /// `approval_not_requested`, several is `approval_ambiguous` naming them.
    fn decided_action(&self, event: &Event, action: &str) -> Result<String, Refusal> {
        if !action.is_empty() {
            return Ok(action.to_string());
        }
        let pending: Vec<&str> = self
            .approvals
            .iter()
            .filter(|a| a.state == ApprovalState::Pending)
            .map(|a| a.action.as_str())
            .collect();
        match pending.as_slice() {
            [one] => Ok((*one).to_string()),
            [] => Err(self
                .refuse(event)
                .arg("action", "—".to_string())
                .arg("clause", "3.4")
                .with(
                    "3.4",
                    RefusalCode::ApprovalNotRequested,
                    Some("action"),
                    Text::ApprovalNotRequested,
                )),
            many => Err(self
                .refuse(event)
                .arg(
                    "pending",
                    many.iter()
                        .map(|a| format!("«{a}»"))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .with(
                    "3.4",
                    RefusalCode::ApprovalAmbiguous,
                    Some("action"),
                    Text::ApprovalAmbiguous,
                )),
        }
    }

    /// 3.5.1 (DESIGN §5): an extension to a fixed instant only extends. The
    /// due in force is the clock's due at the agreement, extensions
    /// included; while the clock is paused that due is unknown, so a fixed
    /// instant cannot be judged and is refused (`add_seconds` still works).
    /// A clock without a due (unclassified) has nothing to compare with.
    fn check_extends(
        &self,
        reg: &Regulation,
        event: &Event,
        metric: crate::model::Metric,
        new_due: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let clock = self
            .clock(reg, metric, event.at)
            .map_err(|e| self.out_of_range(event, &e))?;
        let Some(clock) = clock else {
            return Ok(());
        };
        if clock.state == crate::model::ClockState::Paused {
            return Err(self
                .refuse(event)
                .label("metric", metric.label_uk(), metric.label_en())
                .with(
                    "3.5.1",
                    RefusalCode::ClockPaused,
                    Some("new_due"),
                    Text::ClockPausedDueUnknown,
                ));
        }
        match clock.due_at {
            Some(current) if new_due <= current => Err(self
                .refuse(event)
                .instant("due", new_due)
                .instant("current", current)
                .with(
                    "3.5.1",
                    RefusalCode::ExtensionNotLater,
                    Some("new_due"),
                    Text::ExtensionNotLater,
                )),
            _ => Ok(()),
        }
    }

    /// Whether `event.at` is working time in `cal`, or a refusal when the
    /// calendar cannot place it.
    fn working(&self, cal: &crate::Calendar, event: &Event) -> Result<bool, Refusal> {
        cal.is_working(event.at)
            .map_err(|e| self.out_of_range(event, &e))
    }

    /// Staff acting outside working hours: accepted with a warning (DESIGN §2).
    fn warn_outside_hours(
        &self,
        reg: &Regulation,
        event: &Event,
        plan: &mut Plan,
    ) -> Result<(), Refusal> {
        let role = event.actor.role;
        if role.is_staff() && !self.working(reg.calendar(), event)? {
            let clause = if role == Role::Operator {
                "3.4"
            } else {
                "3.5.1"
            };
            plan.warnings.push(Warning::with_args(
                WarningCode::OutsideWorkingHours,
                clause,
                Text::OutsideWorkingHours,
                vec![("role", role_label(role)), ("at", local(reg, event.at))],
            ));
        }
        Ok(())
    }

    fn out_of_range(&self, event: &Event, e: &crate::Error) -> Refusal {
        self.refuse(event)
            .instant("at", event.at)
            .arg("detail", e.message())
            .with(
                "§3",
                RefusalCode::InstantOutOfRange,
                Some("at"),
                Text::InstantOutOfRange,
            )
    }

    /// `pause` / `resume` (DESIGN §7): a declared reason, paused only when
    /// it does not hold, resumed only when it does.
    fn check_declared_pause(
        &self,
        reg: &Regulation,
        event: &Event,
        reason: &str,
    ) -> Result<(), Refusal> {
        let declared = &reg.spec().pause_reasons;
        let Some(spec) = declared.iter().find(|r| r.id == reason) else {
            let ids: Vec<&str> = declared.iter().map(|r| r.id.as_str()).collect();
            let refuse = self.refuse(event).arg("reason", reason);
            let refuse = if ids.is_empty() {
                let none = |l| Text::NoDeclaredReasons.render(l, &[]);
                refuse.label(
                    "declared",
                    &none(crate::i18n::Lang::Uk),
                    &none(crate::i18n::Lang::En),
                )
            } else {
                refuse.arg("declared", ids.join(", "))
            };
            return Err(refuse.with(
                "§2",
                RefusalCode::UnknownPauseReason,
                Some("reason"),
                Text::UnknownPauseReason,
            ));
        };
        let holding = self.holding_pause(reason);
        let refusal = match (event.kind(), holding) {
            (EventKind::Pause, Some(p)) => (
                RefusalCode::PauseAlreadyActive,
                Text::PauseAlreadyActive,
                Some(p.from),
            ),
            (EventKind::Resume, None) => (RefusalCode::PauseNotActive, Text::PauseNotActive, None),
            _ => return Ok(()),
        };
        let (code, text, since) = refusal;
        let refuse = self
            .refuse(event)
            .arg("reason", reason)
            .label("name", &spec.uk, &spec.en);
        let refuse = match since {
            Some(t) => refuse.local("since", reg, t),
            None => refuse,
        };
        Err(refuse.with("§2", code, Some("reason"), text))
    }

    fn unknown_action(&self, reg: &Regulation, event: &Event, action: &str) -> Refusal {
        let known: Vec<&str> = reg.spec().actions.iter().map(|a| a.name.as_str()).collect();
        self.refuse(event)
            .arg("action", action)
            .arg("allowed", known.join(", "))
            .with(
                "4",
                RefusalCode::UnknownAction,
                Some("action"),
                Text::UnknownAction,
            )
    }

    /// The approval gate (3.4 for operators, 3.5.1 for consultants).
    fn gate(&self, event: &Event, action: &str) -> Result<(), Refusal> {
        let clause = if event.actor.role == Role::Consultant {
            "3.5.1"
        } else {
            "3.4"
        };
        let (code, text) = match self.approval(action).map(|a| a.state) {
            Some(ApprovalState::Granted) => return Ok(()),
            None => (RefusalCode::ApprovalRequired, Text::ApprovalRequired),
            Some(ApprovalState::Pending) => (RefusalCode::ApprovalPending, Text::ApprovalPending),
            Some(ApprovalState::Refused) => (RefusalCode::ApprovalRefused, Text::ApprovalRefused),
        };
        let field = if event.kind() == EventKind::PerformAction {
            Some("action")
        } else {
            None
        };
        Err(self
            .refuse(event)
            .arg("action", action)
            .arg("clause", clause)
            .with(clause, code, field, text))
    }

    /// A refusal by the permission table, with its sentence.
    fn denial(&self, reg: &Regulation, event: &Event, d: permissions::Denial) -> Refusal {
        let kind = event.kind();
        let role = event.actor.role;
        let kind_l = Arg::Label {
            uk: kind.label_uk().to_string(),
            en: kind.label_en().to_string(),
        };
        let status_l = self.status.map(|s| Arg::Label {
            uk: s.label_uk().to_string(),
            en: s.label_en().to_string(),
        });
        let clause = Arg::Text(d.clause.to_string());
        let (text, args) = match d.code {
            RefusalCode::ReadOnly => (Text::ReadOnly, vec![("kind", kind_l)]),
            RefusalCode::RoleNotAllowed => (
                Text::RoleNotAllowed,
                vec![
                    ("role", role_label(role)),
                    ("kind", kind_l),
                    ("clause", clause),
                    (
                        "allowed",
                        Arg::Roles(permissions::roles_for(kind).collect()),
                    ),
                ],
            ),
            RefusalCode::WrongStatus => (
                Text::WrongStatus,
                vec![
                    ("kind", kind_l),
                    ("status", status_l.unwrap_or(Arg::Text(String::new()))),
                    ("clause", clause),
                    ("role", role_label(role)),
                    (
                        "allowed",
                        Arg::Statuses(permissions::statuses_for(role, kind).to_vec()),
                    ),
                ],
            ),
            RefusalCode::TerminalStatus => (
                Text::TerminalStatus,
                vec![
                    ("status", status_l.unwrap_or(Arg::Text(String::new()))),
                    ("clause", clause),
                ],
            ),
            RefusalCode::AlreadyRegistered => (
                Text::AlreadyRegistered,
                self.registered_at()
                    .map(|t| vec![("at", local(reg, t))])
                    .unwrap_or_default(),
            ),
            _ => (Text::NotRegistered, Vec::new()),
        };
        Refusal::new(
            (d.clause, d.code, kind, role, self.status),
            None,
            text,
            args,
        )
    }
}

/// A role's label in each language.
fn role_label(role: Role) -> Arg {
    Arg::Label {
        uk: role.label_uk().to_string(),
        en: role.label_en().to_string(),
    }
}
