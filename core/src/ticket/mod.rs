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

mod check;
mod commit;
mod event;
mod outcome;
pub mod permissions;
mod records;
mod refuse;
mod replay;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

pub use crate::model::EventKind;
pub use event::{Actor, Event, EventBody, Registration};
pub use outcome::{Arg, Outcome, Refusal, RefusalCode, Warning, WarningCode};
pub use records::*;
pub use replay::{Replay, Step, Unreadable};

use crate::instant::{self, serde_utc};
use crate::model::{Category, PauseReason, Priority, Status};
use crate::regulation::Regulation;

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
    /// Declared pauses (DESIGN §7), in the order they began.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    declared_pauses: Vec<DeclaredPause>,
    approvals: Vec<Approval>,
    actions: Vec<PerformedAction>,
    extensions: Vec<Extension>,
    cycles: Vec<Cycle>,
    rejection: Option<Rejection>,
    #[serde(with = "serde_utc::option")]
    archived_at: Option<DateTime<Utc>>,
    archived_by: Option<Actor>,
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
            declared_pauses: Vec::new(),
            approvals: Vec::new(),
            actions: Vec::new(),
            extensions: Vec::new(),
            cycles: Vec::new(),
            rejection: None,
            archived_at: None,
            archived_by: None,
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

    /// The declared pauses (DESIGN §7), in the order they began; several
    /// reasons may hold at once.
    ///
    /// # Example
    /// See [`DeclaredPause`].
    pub fn declared_pauses(&self) -> &[DeclaredPause] {
        &self.declared_pauses
    }

    /// The declared pause of `reason` holding now, if any.
    pub(crate) fn holding_pause(&self, reason: &str) -> Option<&DeclaredPause> {
        self.declared_pauses
            .iter()
            .rev()
            .find(|p| p.reason == reason && p.to.is_none())
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
}

#[cfg(test)]
mod tests;
