//! The facts a ticket keeps: each a record of who did what, when.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Actor, EventKind};
use crate::instant::serde_utc;
use crate::model::{vocabulary, Channel, Metric, PauseReason, Reason, Service, Status};

/// A declared pause (DESIGN §7): from `pause {reason}` until `resume {reason}`.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::with_overrides(&serde_json::json!({"pause_reasons": [{"id": "awaiting_vendor",
///     "uk": "очікування постачальника", "en": "awaiting the vendor", "pauses": ["resolution"]}]})).unwrap();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"pause","reason":"awaiting_vendor","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
/// let p = &t.declared_pauses()[0];
/// assert_eq!((p.reason.as_str(), p.to), ("awaiting_vendor", None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DeclaredPause {
    /// The declared reason's id.
    pub reason: String,
    /// When it began.
    #[serde(with = "serde_utc")]
    pub from: DateTime<Utc>,
    /// When it was lifted, `None` while it holds.
    #[serde(with = "serde_utc::option")]
    pub to: Option<DateTime<Utc>>,
    /// Who paused.
    pub paused_by: Actor,
    /// Who lifted it.
    pub resumed_by: Option<Actor>,
}

/// The registration facts as the ticket keeps them.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// let r = t.registration().unwrap();
/// assert_eq!((r.by.id.as_str(), r.description.as_str()), ("op-1", "d"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RegistrationRecord {
    /// The registration instant: the SLA clocks start here.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// When the user submitted it (the registration instant unless given): queue order.
    #[serde(with = "serde_utc")]
    pub submitted_at: DateTime<Utc>,
    /// Who registered it.
    pub by: Actor,
    /// How it came in.
    pub channel: Channel,
    /// Why the user applied, when given.
    pub reason: Option<Reason>,
    /// Registered by the operator with no user appeal.
    pub own_initiative: bool,
    /// Solved during the contact itself.
    pub solved_during_contact: bool,
    /// The description.
    pub description: String,
    /// The conditions and manifestations.
    pub conditions: String,
    /// Attachments.
    pub attachments: Vec<String>,
}

/// A change of status.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// let c = &t.status_changes()[0];
/// assert_eq!((c.from, c.to.code()), (None, "backlog"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StatusChange {
    /// When.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// By whom.
    pub by: Actor,
    /// The status before (`None` at registration).
    pub from: Option<Status>,
    /// The status after.
    pub to: Status,
}

/// A value that holds from an instant on (priority or category); the first
/// entry is the registration's.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// assert_eq!(t.priority_changes()[0].to.code(), "high");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Change<T> {
    /// From when the value holds.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// Who set it.
    pub by: Actor,
    /// The value before (`None` at first).
    pub from: Option<T>,
    /// The value from `at` on.
    pub to: T,
}

/// A reaction of support towards the user (reply, question, status change).
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"ask_user","at":"2026-03-02T10:03:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
/// assert_eq!(reglament::instant::format(t.first_response().unwrap().at), "2026-03-02T08:03:00Z");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Reaction {
    /// When.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// By whom.
    pub by: Actor,
    /// Which event it was.
    pub kind: EventKind,
}

/// A time the request waited for the user's answer.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"ask_user","at":"2026-03-02T10:03:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
/// assert_eq!(t.user_waits()[0].asked_by.id, "x");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Wait {
    /// When support asked.
    #[serde(with = "serde_utc")]
    pub from: DateTime<Utc>,
    /// When the answer came (or the request left work), `None` while waiting.
    #[serde(with = "serde_utc::option")]
    pub to: Option<DateTime<Utc>>,
    /// Who asked.
    pub asked_by: Actor,
}

vocabulary! {
    /// Where a customer approval stands.
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::ApprovalState;
    /// assert_eq!(ApprovalState::Refused.code(), "refused");
    /// ```
    pub enum ApprovalState in "reglament::ticket" {
        /// Requested, no answer yet.
        Pending = "pending", "очікується", "pending";
        /// Granted by e-mail.
        Granted = "granted", "надано", "granted";
        /// Refused; stays refused.
        Refused = "refused", "відмовлено", "refused";
    }
}

/// A customer approval on this request (clauses 3.4, 3.5.1).
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"request_approval","at":"2026-03-02T10:03:00+02:00","actor":{"id":"x","role":"operator"},"action":"master_data"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"approve","at":"2026-03-02T10:30:00+02:00","actor":{"id":"x","role":"customer_service"},"action":"master_data","evidence":"<m@x>"}"#).unwrap());
/// let a = t.approval("master_data").unwrap();
/// assert_eq!((a.state.code(), a.evidence.as_deref()), ("granted", Some("<m@x>")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Approval {
    /// The action or event kind it is about.
    pub action: String,
    /// When it was requested.
    #[serde(with = "serde_utc")]
    pub requested_at: DateTime<Utc>,
    /// Who requested it.
    pub requested_by: Actor,
    /// Where it stands.
    pub state: ApprovalState,
    /// When Customer Service decided.
    #[serde(with = "serde_utc::option")]
    pub decided_at: Option<DateTime<Utc>>,
    /// Who decided.
    pub decided_by: Option<Actor>,
    /// The e-mail evidence of the decision.
    pub evidence: Option<String>,
}

/// An action of clause 4 performed on the request.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"perform_action","at":"2026-03-02T10:03:00+02:00","actor":{"id":"x","role":"operator"},"action":"remote_access"}"#).unwrap());
/// assert_eq!(t.actions()[0].action, "remote_access");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PerformedAction {
    /// When.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// By whom.
    pub by: Actor,
    /// The action's name.
    pub action: String,
    /// Its service.
    pub service: Service,
}

/// A deadline extension agreed by Customer Service (clause 3.5.1).
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"extend_deadline","at":"2026-03-02T10:03:00+02:00","actor":{"id":"x","role":"customer_service"},"new_due":"2026-03-05T18:00:00+02:00","evidence":"<m@x>"}"#).unwrap());
/// assert_eq!(reglament::instant::format(t.extensions()[0].new_due.unwrap()), "2026-03-05T16:00:00Z");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Extension {
    /// When it was agreed.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// Who agreed (Customer Service).
    pub by: Actor,
    /// The clock extended.
    pub metric: Metric,
    /// The agreed new due instant, when given that way.
    #[serde(with = "serde_utc::option")]
    pub new_due: Option<DateTime<Utc>>,
    /// The agreed working seconds added to the target, when given that way.
    pub add_seconds: Option<i64>,
    /// The e-mail evidence.
    pub evidence: String,
}

/// One Release of the request and what followed it (clause 3.6).
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"release","at":"2026-03-02T10:03:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"reopen","at":"2026-03-02T11:00:00+02:00","actor":{"id":"x","role":"user"},"to":"sprint"}"#).unwrap());
/// assert_eq!(t.cycles()[0].reopened_to, Some(reglament::model::Status::Sprint));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Cycle {
    /// When it was released.
    #[serde(with = "serde_utc")]
    pub released_at: DateTime<Utc>,
    /// Who released it.
    pub released_by: Actor,
    /// When it may be archived without acceptance.
    #[serde(with = "serde_utc")]
    pub archive_due_at: DateTime<Utc>,
    /// When the user accepted the solution.
    #[serde(with = "serde_utc::option")]
    pub accepted_at: Option<DateTime<Utc>>,
    /// When work resumed.
    #[serde(with = "serde_utc::option")]
    pub reopened_at: Option<DateTime<Utc>>,
    /// Who reopened it.
    pub reopened_by: Option<Actor>,
    /// The status work resumed in.
    pub reopened_to: Option<Status>,
}

/// The rejection of a request (clause 3.3).
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"reject","at":"2026-03-02T10:03:00+02:00","actor":{"id":"x","role":"operator"},"reason":"no details"}"#).unwrap());
/// assert_eq!(t.rejection().unwrap().by.id, "x");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rejection {
    /// When.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// By whom.
    pub by: Actor,
    /// The reason told to the user.
    pub reason: String,
}

/// A time the SLA clocks may stand still, per the regulation's pause matrix.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let mut t = Ticket::new("T-1");
/// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
///     "conditions":"c","priority":"high"}"#).unwrap());
/// t.apply(&reg, Event::from_json(r#"{"kind":"request_approval","at":"2026-03-02T10:03:00+02:00","actor":{"id":"x","role":"operator"},"action":"master_data"}"#).unwrap());
/// let p = &t.pauses()[0];
/// assert_eq!((p.reason.code(), p.action.as_deref()), ("approval_pending", Some("master_data")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Pause {
    /// Why.
    pub reason: PauseReason,
    /// From when.
    #[serde(with = "serde_utc")]
    pub from: DateTime<Utc>,
    /// Until when; `None` while it lasts.
    #[serde(with = "serde_utc::option")]
    pub to: Option<DateTime<Utc>>,
    /// The approval's action, for approval pauses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}
