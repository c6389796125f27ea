//! A request's life: events, the ticket they fold into, and `apply`.
//!
//! A [`Ticket`] is the fold of its accepted events. [`Ticket::apply`]
//! either accepts an event (possibly with warnings) or refuses it with a
//! [`Refusal`] naming the clause; a refused event changes nothing. The
//! ticket keeps every fact the SLA clocks need: the registration instant,
//! every category and priority with the instant it held from, the pauses
//! (approval pending, awaiting the user), the extensions with their
//! evidence, the Release/reopen cycles, acceptance and archive.
//!
//! # Example
//! ```
//! use reglament::{model::Status, ticket::{Event, Ticket}, Regulation};
//! let reg = Regulation::default();
//! let mut t = Ticket::new("T-1");
//! let lines = [
//!   r#"{"kind":"register","at":"2026-03-27T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},
//!       "channel":"phone","reason":"software_failure","description":"Invoice form hangs",
//!       "conditions":"Saving a 300-line invoice","priority":"high","category":"incident"}"#,
//!   r#"{"kind":"start_work","at":"2026-03-27T10:30:00+02:00","actor":{"id":"c-1","role":"consultant"}}"#,
//!   r#"{"kind":"archive","at":"2026-03-27T11:00:00+02:00","actor":{"id":"op-1","role":"operator"}}"#,
//! ];
//! let outcomes: Vec<_> = lines.iter().map(|l| t.apply(&reg, Event::from_json(l).unwrap())).collect();
//! assert!(outcomes[0].is_accepted() && outcomes[1].is_accepted());
//! assert_eq!(outcomes[2].refusal().unwrap().clause, "3.6");
//! assert_eq!(t.status(), Some(Status::InProgress));
//! ```

mod event;
mod outcome;
pub mod permissions;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

pub use crate::model::EventKind;
pub use event::{Actor, Event, EventBody, Registration};
pub use outcome::{Outcome, Refusal, RefusalCode, Warning, WarningCode};

use crate::i18n::{Lang, Text};
use crate::instant::{self, serde_utc};
use crate::model::{
    vocabulary, Category, Channel, Metric, PauseReason, Priority, Reason, Role, Service, Status,
};
use crate::regulation::Regulation;
use crate::rules;

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

/// A request: the fold of its accepted events.
///
/// # Example
/// ```
/// use reglament::ticket::Ticket;
/// let t = Ticket::new("T-7");
/// assert_eq!(t.id(), "T-7");
/// assert!(t.status().is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ticket {
    id: String,
    /// The fingerprint of the regulation that judges the request, recorded
    /// at registration (DESIGN §5).
    #[serde(skip)]
    regulation: Option<std::sync::Arc<str>>,
    status: Option<Status>,
    category: Option<Category>,
    priority: Option<Priority>,
    registration: Option<RegistrationRecord>,
    #[serde(with = "serde_utc::option")]
    last_event_at: Option<DateTime<Utc>>,
    events_accepted: usize,
    awaiting_user: bool,
    first_response: Option<Reaction>,
    status_changes: Vec<StatusChange>,
    priority_changes: Vec<Change<Priority>>,
    category_changes: Vec<Change<Category>>,
    user_updates: Vec<Reaction>,
    user_waits: Vec<Wait>,
    approvals: Vec<Approval>,
    actions: Vec<PerformedAction>,
    extensions: Vec<Extension>,
    cycles: Vec<Cycle>,
    rejection: Option<Rejection>,
    #[serde(with = "serde_utc::option")]
    archived_at: Option<DateTime<Utc>>,
    archived_by: Option<Actor>,
}

/// What a successful check decided, to be committed.
struct Plan {
    /// Set by a registration: the fingerprint to record.
    regulation: Option<std::sync::Arc<str>>,
    warnings: Vec<Warning>,
    archive_due: Option<DateTime<Utc>>,
    service: Option<Service>,
}

/// Builds a refusal whose sentence comes from the table.
struct Refuse {
    kind: EventKind,
    role: Role,
    status: Option<Status>,
    /// (placeholder, Ukrainian value, English value)
    args: Vec<(&'static str, String, String)>,
}

impl Refuse {
    /// A placeholder with the same value in both languages.
    fn arg(mut self, k: &'static str, v: impl Into<String>) -> Self {
        // a value may be the caller's input (an action name): never repeat it at full length
        let v = crate::error::cap(v.into());
        self.args.push((k, v.clone(), v));
        self
    }

    /// A placeholder whose value is a label in each language.
    fn label(mut self, k: &'static str, uk: &str, en: &str) -> Self {
        self.args.push((k, uk.to_string(), en.to_string()));
        self
    }

    fn with(
        self,
        clause: &'static str,
        code: RefusalCode,
        field: Option<&'static str>,
        text: Text,
    ) -> Refusal {
        let uk: Vec<(&str, &str)> = self.args.iter().map(|(k, v, _)| (*k, v.as_str())).collect();
        let en: Vec<(&str, &str)> = self.args.iter().map(|(k, _, v)| (*k, v.as_str())).collect();
        Refusal {
            clause,
            code,
            kind: self.kind,
            role: self.role,
            status: self.status,
            field,
            message_uk: text.render(Lang::Uk, &uk),
            message_en: text.render(Lang::En, &en),
        }
    }
}

/// Local wall-clock time of `t` in the calendar's zone, for sentences in `lang`
/// (`2026-03-07 11:00, Sat`).
fn local(reg: &Regulation, t: DateTime<Utc>, lang: Lang) -> String {
    use chrono::Datelike;
    let l = reg.calendar().local_datetime(t);
    let day = Text::Weekdays
        .template(lang)
        .split_whitespace()
        .nth(l.weekday().num_days_from_monday() as usize)
        .unwrap_or("");
    format!("{}, {day}", crate::instant::format_minutes(l))
}

fn list_labels<T: Copy>(
    items: impl IntoIterator<Item = T>,
    label: impl Fn(T, Lang) -> &'static str,
    lang: Lang,
) -> String {
    items
        .into_iter()
        .map(|x| label(x, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Ticket {
    /// An empty request with the host's id; its first event must register it.
    ///
    /// # Example
    /// ```
    /// let t = reglament::ticket::Ticket::new("T-9");
    /// assert_eq!((t.id(), t.events_accepted()), ("T-9", 0));
    /// ```
    pub fn new(id: impl Into<String>) -> Ticket {
        Ticket {
            id: id.into(),
            regulation: None,
            status: None,
            category: None,
            priority: None,
            registration: None,
            last_event_at: None,
            events_accepted: 0,
            awaiting_user: false,
            first_response: None,
            status_changes: Vec::new(),
            priority_changes: Vec::new(),
            category_changes: Vec::new(),
            user_updates: Vec::new(),
            user_waits: Vec::new(),
            approvals: Vec::new(),
            actions: Vec::new(),
            extensions: Vec::new(),
            cycles: Vec::new(),
            rejection: None,
            archived_at: None,
            archived_by: None,
        }
    }

    /// Replays `events` in order onto a new ticket, keeping every outcome.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let e = Event::from_json(r#"{"kind":"accept","at":"2026-03-27T10:00:00Z","actor":{"id":"u","role":"user"}}"#).unwrap();
    /// let r = Ticket::replay(&Regulation::default(), "T", vec![e]);
    /// assert_eq!(r.steps.len(), 1);
    /// assert!(!r.steps[0].outcome.is_accepted());
    /// ```
    pub fn replay(
        reg: &Regulation,
        id: impl Into<String>,
        events: impl IntoIterator<Item = Event>,
    ) -> Replay {
        Ticket::replay_items(reg, id, events.into_iter().map(Ok))
    }

    /// Replays a history as read ([`Event::read_list`]): an item that is
    /// not an event is recorded as unreadable, in its place, and the replay
    /// goes on with the next one (the one behaviour of every face's replay;
    /// commands that only compute from a history — clocks, what-if,
    /// reports, chains — refuse a history with an unreadable item instead).
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let items = Event::read_list("{\"kind\":\"promote\"}").unwrap();
    /// let r = Ticket::replay_items(&Regulation::default(), "T", items);
    /// assert_eq!((r.steps.len(), r.unreadable.len()), (0, 1));
    /// assert_eq!(r.to_value(None)["steps"][0]["error"]["field"], "events[0].kind");
    /// ```
    pub fn replay_items(
        reg: &Regulation,
        id: impl Into<String>,
        items: impl IntoIterator<Item = crate::Result<Event>>,
    ) -> Replay {
        let mut ticket = Ticket::new(id);
        let mut steps = Vec::new();
        let mut unreadable = Vec::new();
        for (index, item) in items.into_iter().enumerate() {
            match item {
                Err(error) => unreadable.push(Unreadable { index, error }),
                Ok(event) => {
                    let (kind, at) = (event.kind(), event.at);
                    let outcome = ticket.apply(reg, event);
                    steps.push(Step {
                        index,
                        kind,
                        at,
                        status: ticket.status,
                        outcome,
                    });
                }
            }
        }
        Replay {
            ticket,
            steps,
            unreadable,
        }
    }

    /// The host's id.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// assert_eq!(t.id(), "T-1");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The status, `None` before registration.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// assert_eq!(t.status(), Some(reglament::model::Status::Backlog));
    /// ```
    pub fn status(&self) -> Option<Status> {
        self.status
    }

    /// The category, once set.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// assert_eq!(t.category(), None);
    /// t.apply(&reg, Event::from_json(r#"{"kind":"classify","at":"2026-03-02T10:01:00+02:00","actor":{"id":"x","role":"operator"},"category":"incident"}"#).unwrap());
    /// assert_eq!(t.category(), Some(reglament::model::Category::Incident));
    /// ```
    pub fn category(&self) -> Option<Category> {
        self.category
    }

    /// The priority, once registered.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// assert_eq!(t.priority(), Some(reglament::model::Priority::High));
    /// ```
    pub fn priority(&self) -> Option<Priority> {
        self.priority
    }

    /// The registration facts.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// assert_eq!(t.registration().unwrap().channel, reglament::model::Channel::Phone);
    /// ```
    pub fn registration(&self) -> Option<&RegistrationRecord> {
        self.registration.as_ref()
    }

    /// The registration instant: where the SLA clocks start.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// assert_eq!(reglament::instant::format(t.registered_at().unwrap()), "2026-03-02T08:00:00Z");
    /// ```
    pub fn registered_at(&self) -> Option<DateTime<Utc>> {
        self.registration.as_ref().map(|r| r.at)
    }

    /// The submission instant: the queue's second key.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// assert_eq!(t.submitted_at(), t.registered_at());
    /// ```
    pub fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.registration.as_ref().map(|r| r.submitted_at)
    }

    /// The instant of the last accepted event.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// assert_eq!(t.last_event_at(), t.registered_at());
    /// ```
    pub fn last_event_at(&self) -> Option<DateTime<Utc>> {
        self.last_event_at
    }

    /// How many events were accepted.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"archive","at":"2026-03-02T10:01:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
    /// assert_eq!(t.events_accepted(), 1);
    /// ```
    pub fn events_accepted(&self) -> usize {
        self.events_accepted
    }

    /// The fingerprint of the regulation that judges this request, recorded
    /// by its registration (DESIGN §5); `None` before registration. Events
    /// under a regulation with another fingerprint are refused
    /// (`regulation_mismatch`): judging a request under another version is
    /// a what-if ([`Ticket::replay`] under it), never a silent re-judgement.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"u","role":"user"},"channel":"tracker","description":"d","conditions":"c","priority":"high"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// assert_eq!(t.regulation_fingerprint(), Some(reg.fingerprint()));
    /// ```
    pub fn regulation_fingerprint(&self) -> Option<&str> {
        self.regulation.as_deref()
    }

    /// Whether support waits for the user's answer now.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"ask_user","at":"2026-03-02T10:01:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
    /// assert!(t.awaiting_user());
    /// ```
    pub fn awaiting_user(&self) -> bool {
        self.awaiting_user
    }

    /// The first reaction of support: a question or reply to the user, or a
    /// status change out of Backlog (the response metric).
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"reply","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
    /// assert_eq!(t.first_response().unwrap().kind.code(), "reply");
    /// ```
    pub fn first_response(&self) -> Option<&Reaction> {
        self.first_response.as_ref()
    }

    /// Every status change, registration first.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"plan_sprint","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
    /// assert_eq!(t.status_changes().len(), 2);
    /// assert_eq!(t.status_changes()[1].to.code(), "sprint");
    /// ```
    pub fn status_changes(&self) -> &[StatusChange] {
        &self.status_changes
    }

    /// Every priority that held, with the instant it held from.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"change_priority","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"},"priority":"low"}"#).unwrap());
    /// let p: Vec<_> = t.priority_changes().iter().map(|c| c.to.code()).collect();
    /// assert_eq!(p, ["high", "low"]);
    /// ```
    pub fn priority_changes(&self) -> &[Change<Priority>] {
        &self.priority_changes
    }

    /// Every category that held, with the instant it held from.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"classify","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"},"category":"consultation"}"#).unwrap());
    /// assert_eq!(t.category_changes()[0].to.code(), "consultation");
    /// ```
    pub fn category_changes(&self) -> &[Change<Category>] {
        &self.category_changes
    }

    /// Every update to the user (replies, questions, rejection, releases):
    /// the update-interval metric.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"reply","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"consultant"}}"#).unwrap());
    /// assert_eq!(t.user_updates().len(), 1);
    /// ```
    pub fn user_updates(&self) -> &[Reaction] {
        &self.user_updates
    }

    /// The times spent waiting for the user.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"ask_user","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"user_answer","at":"2026-03-02T11:00:00+02:00","actor":{"id":"x","role":"user"}}"#).unwrap());
    /// assert!(t.user_waits()[0].to.is_some());
    /// ```
    pub fn user_waits(&self) -> &[Wait] {
        &self.user_waits
    }

    /// The customer approvals.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"request_approval","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"},"action":"master_data"}"#).unwrap());
    /// assert_eq!(t.approvals()[0].state.code(), "pending");
    /// ```
    pub fn approvals(&self) -> &[Approval] {
        &self.approvals
    }

    /// The approval about `action`, if any was requested.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"request_approval","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"},"action":"master_data"}"#).unwrap());
    /// assert!(t.approval("master_data").is_some() && t.approval("server_recovery").is_none());
    /// ```
    pub fn approval(&self, action: &str) -> Option<&Approval> {
        self.approvals.iter().find(|a| a.action == action)
    }

    /// The actions performed.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"perform_action","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"},"action":"consultation"}"#).unwrap());
    /// assert_eq!(t.actions()[0].service.clause(), "4.1");
    /// ```
    pub fn actions(&self) -> &[PerformedAction] {
        &self.actions
    }

    /// The agreed extensions.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"extend_deadline","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"customer_service"},"add_seconds":3600,"evidence":"<m@x>"}"#).unwrap());
    /// assert_eq!(t.extensions()[0].add_seconds, Some(3600));
    /// ```
    pub fn extensions(&self) -> &[Extension] {
        &self.extensions
    }

    /// The Release cycles, in order; the last one is current while the
    /// request is in Release or Archived.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"release","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
    /// assert_eq!(t.cycles().len(), 1);
    /// ```
    pub fn cycles(&self) -> &[Cycle] {
        &self.cycles
    }

    /// The rejection, if rejected.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"reject","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"},"reason":"empty"}"#).unwrap());
    /// assert_eq!(t.rejection().unwrap().reason, "empty");
    /// ```
    pub fn rejection(&self) -> Option<&Rejection> {
        self.rejection.as_ref()
    }

    /// When it was archived.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// assert!(t.archived_at().is_none());
    /// ```
    pub fn archived_at(&self) -> Option<DateTime<Utc>> {
        self.archived_at
    }

    fn current_cycle(&self) -> Option<&Cycle> {
        match self.status {
            Some(Status::Release) | Some(Status::Archived) => self.cycles.last(),
            _ => None,
        }
    }

    /// While in Release: when it may be archived without the user's
    /// acceptance (`None` in every other status, Archived included).
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"release","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
    /// assert_eq!(reglament::instant::format(t.archive_due_at().unwrap()), "2026-03-12T08:05:00Z");
    /// ```
    pub fn archive_due_at(&self) -> Option<DateTime<Utc>> {
        // once archived nothing is due: a host driven by this date must not
        // archive twice (3.6)
        match self.status {
            Some(Status::Release) => self.cycles.last().map(|c| c.archive_due_at),
            _ => None,
        }
    }

    /// While in Release: when the user accepted the solution.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"release","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"accept","at":"2026-03-02T10:06:00+02:00","actor":{"id":"x","role":"user"}}"#).unwrap());
    /// assert!(t.accepted_at().is_some());
    /// ```
    pub fn accepted_at(&self) -> Option<DateTime<Utc>> {
        self.current_cycle().and_then(|c| c.accepted_at)
    }

    /// Whether an archive at `now` would be accepted by the archive rule
    /// (clause 3.6): in Release, and accepted by the user or past the delay.
    ///
    /// # Example
    /// ```
    /// let t = reglament::ticket::Ticket::new("T");
    /// assert!(!t.archivable(reglament::instant::parse("2030-01-01T00:00:00Z").unwrap()));
    /// ```
    pub fn archivable(&self, now: DateTime<Utc>) -> bool {
        self.status == Some(Status::Release)
            && self
                .cycles
                .last()
                .is_some_and(|c| c.accepted_at.is_some() || now >= c.archive_due_at)
    }

    /// Every pause, in order of start: waits for the user and pending approvals.
    /// Whether a pause stops a given clock is the regulation's pause matrix.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T-1");
    /// t.apply(&reg, Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"high"}"#).unwrap());
    /// t.apply(&reg, Event::from_json(r#"{"kind":"ask_user","at":"2026-03-02T10:05:00+02:00","actor":{"id":"x","role":"operator"}}"#).unwrap());
    /// assert_eq!(t.pauses()[0].reason.code(), "awaiting_user");
    /// assert!(t.pauses()[0].to.is_none());
    /// ```
    pub fn pauses(&self) -> Vec<Pause> {
        let mut out: Vec<Pause> = self
            .user_waits
            .iter()
            .map(|w| Pause {
                reason: PauseReason::AwaitingUser,
                from: w.from,
                to: w.to,
                action: None,
            })
            .chain(self.approvals.iter().map(|a| Pause {
                reason: PauseReason::ApprovalPending,
                from: a.requested_at,
                to: a.decided_at,
                action: Some(a.action.clone()),
            }))
            .collect();
        crate::sort::sort_by_key(&mut out, |p| p.from);
        out
    }

    /// The ticket as JSON; with `now`, also whether it is `archivable` then.
    ///
    /// # Example
    /// ```
    /// let t = reglament::ticket::Ticket::new("T");
    /// let v = t.to_value(None);
    /// assert_eq!(v["id"], "T");
    /// assert!(v["status"].is_null());
    /// ```
    pub fn to_value(&self, now: Option<DateTime<Utc>>) -> Value {
        let mut v = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut v {
            let opt = |t: Option<DateTime<Utc>>| {
                t.map(|t| Value::String(instant::format(t)))
                    .unwrap_or(Value::Null)
            };
            m.insert(
                "regulation".into(),
                self.regulation
                    .as_deref()
                    .map(|f| Value::String(f.to_string()))
                    .unwrap_or(Value::Null),
            );
            m.insert("registered_at".into(), opt(self.registered_at()));
            m.insert("archive_due_at".into(), opt(self.archive_due_at()));
            m.insert("accepted_at".into(), opt(self.accepted_at()));
            m.insert(
                "pauses".into(),
                serde_json::to_value(self.pauses()).unwrap_or(Value::Null),
            );
            if let Some(now) = now {
                m.insert("now".into(), Value::String(instant::format(now)));
                m.insert("archivable".into(), Value::Bool(self.archivable(now)));
            }
        }
        v
    }

    /// Applies one event under `reg`: accepted (with warnings) or refused.
    /// A refused event changes nothing.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Status, ticket::{Event, Ticket}, Regulation};
    /// let reg = Regulation::default();
    /// let mut t = Ticket::new("T");
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-28T10:00:00+02:00",
    ///     "actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d",
    ///     "conditions":"c","priority":"low"}"#).unwrap();
    /// let out = t.apply(&reg, e);
    /// // Saturday: accepted, with a warning
    /// assert_eq!(out.warnings()[0].code.code(), "outside_registration_hours");
    /// assert_eq!(t.status(), Some(Status::Backlog));
    /// ```
    pub fn apply(&mut self, reg: &Regulation, event: Event) -> Outcome {
        match self.check(reg, &event) {
            Err(refusal) => Outcome::Refused(refusal),
            Ok(plan) => {
                let warnings = plan.warnings.clone();
                self.commit(event, plan);
                Outcome::Accepted { warnings }
            }
        }
    }

    /// Whether `event` would be accepted now, and with which warnings,
    /// without changing the ticket.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let t = Ticket::new("T");
    /// let e = Event::from_json(r#"{"kind":"comment","at":"2026-03-27T10:00:00Z",
    ///     "actor":{"id":"u","role":"user"},"text":"hi"}"#).unwrap();
    /// assert!(!t.try_apply(&Regulation::default(), &e).is_accepted());
    /// ```
    pub fn try_apply(&self, reg: &Regulation, event: &Event) -> Outcome {
        match self.check(reg, event) {
            Err(r) => Outcome::Refused(r),
            Ok(plan) => Outcome::Accepted {
                warnings: plan.warnings,
            },
        }
    }

    fn refuse(&self, event: &Event) -> Refuse {
        Refuse {
            kind: event.kind(),
            role: event.actor.role,
            status: self.status,
            args: Vec::new(),
        }
    }

    /// Every rule, without touching the ticket.
    fn check(&self, reg: &Regulation, event: &Event) -> Result<Plan, Refusal> {
        let kind = event.kind();
        let role = event.actor.role;
        let at = event.at;

        // DESIGN §2: a ticket is its ordered history.
        if let Some(last) = self.last_event_at {
            if at < last {
                return Err(self
                    .refuse(event)
                    .arg("at", instant::format(at))
                    .arg("previous", instant::format(last))
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

        let mut plan = Plan {
            regulation: None,
            warnings: Vec::new(),
            archive_due: None,
            service: None,
        };
        let missing = |field: &'static str, clause: &'static str, text: Text| {
            self.refuse(event).arg("clause", clause).with(
                clause,
                RefusalCode::MissingField,
                Some(field),
                text,
            )
        };

        match &event.body {
            EventBody::Register(r) => {
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
                    (None, false) => return Err(missing("channel", "3.1", Text::MissingChannel)),
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
                    return Err(missing("description", "3.1", Text::MissingDescription));
                }
                if r.conditions.is_none() {
                    return Err(missing("conditions", "3.1", Text::MissingConditions));
                }
                let Some(priority) = r.priority else {
                    return Err(missing("priority", "3.1", Text::MissingPriority));
                };
                if let Some(sub) = r.submitted_at.filter(|s| *s > at) {
                    return Err(self
                        .refuse(event)
                        .arg("submitted", instant::format(sub))
                        .arg("at", instant::format(at))
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
                            plan.warnings.push(Warning {
                                code: WarningCode::OutsideRegistrationHours,
                                clause: "3.3",
                                message_uk: Text::OutsideRegistrationHours
                                    .render(Lang::Uk, &[("at", &local(reg, at, Lang::Uk))]),
                                message_en: Text::OutsideRegistrationHours
                                    .render(Lang::En, &[("at", &local(reg, at, Lang::En))]),
                            });
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
                return Ok(plan);
            }
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
                    return Err(missing("reason", "3.3", Text::MissingRejectReason));
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
                        ApprovalState::Refused => {
                            (RefusalCode::ApprovalRefused, Text::ApprovalRefused)
                        }
                    };
                    return Err(self
                        .refuse(event)
                        .arg("action", action.clone())
                        .arg("clause", "3.4")
                        .with("3.4", code, Some("action"), text));
                }
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
            } => {
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
                if *channel != Channel::Email {
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
                    return Err(missing("evidence", "3.4", Text::MissingEvidence));
                }
            }
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
            } => {
                if evidence.is_none() {
                    return Err(missing("evidence", "3.5.1", Text::MissingEvidence));
                }
                let well_formed = match (new_due, add_seconds) {
                    (Some(_), None) => true,
                    (None, Some(s)) => *s > 0 && *s <= crate::regulation::MAX_SECONDS,
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
                        .arg("at", instant::format(due))
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
                        .arg("due", instant::format(due))
                        .arg("at", instant::format(at))
                        .with(
                            "3.5.1",
                            RefusalCode::ExtensionNotInFuture,
                            Some("new_due"),
                            Text::ExtensionNotInFuture,
                        ));
                }
                if let Some(due) = *new_due {
                    self.check_extends(reg, event, *metric, due)?;
                }
            }
            EventBody::Release => {
                let due = rules::archive_due(reg, at).map_err(|e| self.out_of_range(event, &e))?;
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
            EventBody::Archive => {
                if let Some(c) = self.cycles.last() {
                    if c.accepted_at.is_none() && at < c.archive_due_at {
                        let d = reg.spec().archive_after;
                        return Err(self
                            .refuse(event)
                            .label(
                                "due",
                                &local(reg, c.archive_due_at, Lang::Uk),
                                &local(reg, c.archive_due_at, Lang::En),
                            )
                            .label(
                                "delay",
                                &format!("{} {}", d.amount, d.unit.label_uk()),
                                &format!("{} {}", d.amount, d.unit.label_en()),
                            )
                            .with(
                                "3.6",
                                RefusalCode::ArchiveTooEarly,
                                None,
                                Text::ArchiveTooEarly,
                            ));
                    }
                }
            }
            EventBody::AskUser | EventBody::Reply | EventBody::Complete | EventBody::Comment => {}
        }
        self.warn_outside_hours(reg, event, &mut plan)?;
        Ok(plan)
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
        if clock.state == crate::sla::ClockState::Paused {
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
                .arg("due", instant::format(new_due))
                .arg("current", instant::format(current))
                .with(
                    "3.5.1",
                    RefusalCode::ExtensionNotLater,
                    Some("new_due"),
                    Text::ExtensionNotLater,
                )),
            _ => Ok(()),
        }
    }

    /// Changes the ticket; `check` accepted the event.
    fn commit(&mut self, event: Event, plan: Plan) {
        let Event {
            at, actor, body, ..
        } = event;
        let kind = body.kind();
        let from = self.status;
        let mut to = from;
        match body {
            EventBody::Register(r) => {
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
                to = Some(Status::Backlog);
            }
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
                to = Some(Status::Rejected);
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
            EventBody::PlanSprint { .. } => to = Some(Status::Sprint),
            EventBody::StartWork => to = Some(Status::InProgress),
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
            }
            | EventBody::RefuseApproval {
                action, evidence, ..
            } => {
                let state = if kind == EventKind::Approve {
                    ApprovalState::Granted
                } else {
                    ApprovalState::Refused
                };
                // `""`: the one approval pending (check made sure there is one)
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
            EventBody::Complete => to = Some(Status::Done),
            EventBody::Release => {
                self.end_wait(at);
                self.cycles.push(Cycle {
                    released_at: at,
                    released_by: actor.clone(),
                    archive_due_at: plan.archive_due.unwrap_or(at),
                    accepted_at: None,
                    reopened_at: None,
                    reopened_by: None,
                    reopened_to: None,
                });
                to = Some(Status::Release);
            }
            EventBody::Reopen { to: target } => {
                if let Some(c) = self.cycles.last_mut() {
                    c.reopened_at = Some(at);
                    c.reopened_by = Some(actor.clone());
                    c.reopened_to = Some(target);
                }
                to = Some(target);
            }
            // 3.6 (DESIGN §2, §5): the user's acceptance archives the
            // request at once, in the same event.
            EventBody::Accept => {
                if let Some(c) = self.cycles.last_mut() {
                    c.accepted_at.get_or_insert(at);
                }
                self.archived_at = Some(at);
                self.archived_by = Some(actor.clone());
                to = Some(Status::Archived);
            }
            EventBody::Archive => {
                self.archived_at = Some(at);
                self.archived_by = Some(actor.clone());
                to = Some(Status::Archived);
            }
            EventBody::Reply | EventBody::Comment => {}
        }
        if kind == EventKind::Reject {
            self.end_wait(at);
        }

        // Reactions towards the user.
        let status_left_backlog = from == Some(Status::Backlog) && to != from;
        let informs_user = matches!(
            kind,
            EventKind::AskUser | EventKind::Reply | EventKind::Reject | EventKind::Release
        );
        if actor.role.is_staff() && (informs_user || status_left_backlog) {
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

    fn end_wait(&mut self, at: DateTime<Utc>) {
        if self.awaiting_user {
            self.awaiting_user = false;
            if let Some(w) = self.user_waits.last_mut() {
                w.to = Some(at);
            }
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
            let (uk, en) = (
                local(reg, event.at, Lang::Uk),
                local(reg, event.at, Lang::En),
            );
            plan.warnings.push(Warning {
                code: WarningCode::OutsideWorkingHours,
                clause,
                message_uk: Text::OutsideWorkingHours
                    .render(Lang::Uk, &[("role", role.label_uk()), ("at", &uk)]),
                message_en: Text::OutsideWorkingHours
                    .render(Lang::En, &[("role", role.label_en()), ("at", &en)]),
            });
        }
        Ok(())
    }

    fn out_of_range(&self, event: &Event, e: &crate::Error) -> Refusal {
        self.refuse(event)
            .arg("at", instant::format(event.at))
            .arg("detail", e.message())
            .with(
                "§3",
                RefusalCode::InstantOutOfRange,
                Some("at"),
                Text::InstantOutOfRange,
            )
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
        let sentence = |lang: Lang| -> String {
            let kind_l = kind.label(lang);
            let role_l = role.label(lang);
            match d.code {
                RefusalCode::ReadOnly => Text::ReadOnly.render(lang, &[("kind", kind_l)]),
                RefusalCode::RoleNotAllowed => {
                    let allowed = list_labels(permissions::roles_for(kind), Role::label, lang);
                    Text::RoleNotAllowed.render(
                        lang,
                        &[
                            ("role", role_l),
                            ("kind", kind_l),
                            ("clause", d.clause),
                            ("allowed", &allowed),
                        ],
                    )
                }
                RefusalCode::WrongStatus => {
                    let allowed = list_labels(
                        permissions::statuses_for(role, kind).iter().copied(),
                        Status::label,
                        lang,
                    );
                    let status = self.status.map(|s| s.label(lang)).unwrap_or("");
                    Text::WrongStatus.render(
                        lang,
                        &[
                            ("kind", kind_l),
                            ("status", status),
                            ("clause", d.clause),
                            ("role", role_l),
                            ("allowed", &allowed),
                        ],
                    )
                }
                RefusalCode::TerminalStatus => {
                    let status = self.status.map(|s| s.label(lang)).unwrap_or("");
                    Text::TerminalStatus.render(lang, &[("status", status), ("clause", d.clause)])
                }
                RefusalCode::AlreadyRegistered => {
                    let at = self
                        .registered_at()
                        .map(|t| local(reg, t, lang))
                        .unwrap_or_default();
                    Text::AlreadyRegistered.render(lang, &[("at", &at)])
                }
                _ => Text::NotRegistered.render(lang, &[]),
            }
        };
        Refusal {
            clause: d.clause,
            code: d.code,
            kind,
            role,
            status: self.status,
            field: None,
            message_uk: sentence(Lang::Uk),
            message_en: sentence(Lang::En),
        }
    }
}

fn no_change(uk: &str, en: &str) -> Warning {
    Warning {
        code: WarningCode::NoChange,
        clause: "3.3",
        message_uk: Text::NoChange.render(Lang::Uk, &[("value", uk)]),
        message_en: Text::NoChange.render(Lang::En, &[("value", en)]),
    }
}

/// One step of a replay: the event's index, kind and instant, its outcome
/// and the status after it.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let e = Event::from_json(r#"{"kind":"accept","at":"2026-03-02T10:00:00Z","actor":{"id":"u","role":"user"}}"#).unwrap();
/// let r = Ticket::replay(&Regulation::default(), "T", vec![e]);
/// assert_eq!((r.steps[0].index, r.steps[0].status), (0, None));
/// assert_eq!(serde_json::to_value(&r.steps[0]).unwrap()["refusal"]["code"], "not_registered");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The event's position in the history (0-based).
    pub index: usize,
    /// The event's kind.
    pub kind: EventKind,
    /// The event's instant.
    pub at: DateTime<Utc>,
    /// The status after the event (unchanged when refused).
    pub status: Option<Status>,
    /// Accepted or refused.
    pub outcome: Outcome,
}

impl Serialize for Step {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("index", &self.index)?;
        m.serialize_entry("kind", &self.kind)?;
        m.serialize_entry("at", &instant::format(self.at))?;
        m.serialize_entry("accepted", &self.outcome.is_accepted())?;
        m.serialize_entry("status", &self.status)?;
        match &self.outcome {
            Outcome::Accepted { warnings } => m.serialize_entry("warnings", warnings)?,
            Outcome::Refused(r) => m.serialize_entry("refusal", r)?,
        }
        m.end()
    }
}

/// A replayed history: the ticket and the outcome of every event.
///
/// # Example
/// ```
/// use reglament::{ticket::Ticket, Regulation};
/// let r = Ticket::replay(&Regulation::default(), "T", vec![]);
/// assert!(r.steps.is_empty() && r.ticket.status().is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Replay {
    /// The ticket after the last event.
    pub ticket: Ticket,
    /// One step per event, in order.
    pub steps: Vec<Step>,
    /// The items that were not events ([`Ticket::replay_items`]), in order.
    pub unreadable: Vec<Unreadable>,
}

/// An item of a history that is not an event: its position and why.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation};
/// let r = Ticket::replay_items(&Regulation::default(), "T", Event::read_list("[1]").unwrap());
/// assert_eq!(r.unreadable[0].index, 0);
/// assert_eq!(r.unreadable[0].error.field(), Some("events[0]"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unreadable {
    /// The item's position in the history (0-based).
    pub index: usize,
    /// Why it is not an event.
    pub error: crate::Error,
}

impl Replay {
    /// Every step as JSON, in input order: the events' steps and the
    /// unreadable items as `{"index", "error": {"code", "field", "message"}}`.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let r = Ticket::replay_items(&Regulation::default(), "T", Event::read_list("[1]").unwrap());
    /// assert_eq!(r.steps_value()[0]["error"]["code"], "invalid_json");
    /// ```
    pub fn steps_value(&self) -> Value {
        let mut out = Vec::with_capacity(self.steps.len() + self.unreadable.len());
        let (mut s, mut u) = (
            self.steps.iter().peekable(),
            self.unreadable.iter().peekable(),
        );
        loop {
            let take_step = match (s.peek(), u.peek()) {
                (Some(a), Some(b)) => a.index < b.index,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if take_step {
                if let Some(step) = s.next() {
                    out.push(serde_json::to_value(step).unwrap_or(Value::Null));
                }
            } else if let Some(x) = u.next() {
                out.push(serde_json::json!({"index": x.index, "error": x.error.to_value()}));
            }
        }
        Value::Array(out)
    }
}

impl Replay {
    /// As JSON: `{"ticket": {...}, "steps": [...]}`; with `now`, the ticket
    /// also says whether it is archivable then.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::Ticket, Regulation};
    /// let r = Ticket::replay(&Regulation::default(), "T", vec![]);
    /// assert_eq!(r.to_value(None)["steps"], serde_json::json!([]));
    /// ```
    pub fn to_value(&self, now: Option<DateTime<Utc>>) -> Value {
        serde_json::json!({
            "ticket": self.ticket.to_value(now),
            "steps": self.steps_value(),
        })
    }
}

#[cfg(test)]
mod tests;
