//! Events: what happens to a request, by whom, when.
//!
//! As JSON, an event is one object tagged by `"kind"`, with the instant
//! `"at"` (RFC 3339, any offset), the `"actor"` `{"id", "role"}`, an
//! optional free `"text"`, an optional host `"id"`, and the kind's own keys:
//!
//! ```json
//! {"kind": "register", "at": "2026-03-27T10:00:00+02:00",
//!  "actor": {"id": "op-1", "role": "operator"},
//!  "channel": "phone", "reason": "software_failure",
//!  "description": "Invoice form hangs", "conditions": "Save on a 300-line invoice",
//!  "priority": "high", "category": "incident"}
//! ```
//!
//! Unknown keys are refused; every parse error names the field.

use chrono::{DateTime, Utc};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::fields::{self, Fields};
use crate::instant;
use crate::model::{Category, Channel, EventKind, Metric, Priority, Reason, Role, Status};

/// Who acts: an id the host chooses and a role.
///
/// # Example
/// ```
/// use reglament::{model::Role, ticket::Actor};
/// let a = Actor::new("op-1", Role::Operator);
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"id":"op-1","role":"operator"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Actor {
    /// The host's identifier of the person.
    pub id: String,
    /// The role the person acts in.
    pub role: Role,
}

impl Actor {
    /// An actor.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Role, ticket::Actor};
    /// assert_eq!(Actor::new("cs-1", Role::CustomerService).role, Role::CustomerService);
    /// ```
    pub fn new(id: impl Into<String>, role: Role) -> Actor {
        Actor {
            id: id.into(),
            role,
        }
    }

    fn from_value(v: &Value, path: &str) -> Result<Actor> {
        let mut f = Fields::new(v, path, "the actor")?;
        let id: String = f.req("id", "the host's identifier of the person")?;
        if id.trim().is_empty() {
            return Err(Error::invalid(
                f.path_of("id"),
                "the actor's id must not be empty",
            ));
        }
        let role = f.req("role", "user, customer_service, operator or consultant")?;
        f.finish()?;
        Ok(Actor { id, role })
    }
}

/// The facts of a registration (clause 3.1). Fields the clause requires are
/// optional here so that a request lacking them is *refused* with the field
/// named, rather than failing to parse.
///
/// # Example
/// ```
/// use reglament::ticket::Registration;
/// let r = Registration::default();
/// assert!(r.description.is_none() && !r.own_initiative);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Registration {
    /// How the request came in (`channel`).
    pub channel: Option<Channel>,
    /// Why the user applies (`reason`).
    pub reason: Option<Reason>,
    /// A detailed description of the question or problem (`description`, required by 3.1).
    pub description: Option<String>,
    /// Conditions and manifestations: user actions, data entered, system messages (`conditions`, required by 3.1).
    pub conditions: Option<String>,
    /// Files or screenshots (`attachments`: names or links).
    pub attachments: Vec<String>,
    /// The priority (`priority`, required by 3.1).
    pub priority: Option<Priority>,
    /// The category, when already known (`category`).
    pub category: Option<Category>,
    /// Registered by the operator with no user appeal (`own_initiative`, clause 3.3).
    pub own_initiative: bool,
    /// Solved during the contact itself (`solved_during_contact`, clause 3.4).
    pub solved_during_contact: bool,
    /// When the user submitted it, if earlier than the registration (`submitted_at`).
    pub submitted_at: Option<DateTime<Utc>>,
}

/// What an event does, with the kind's own data.
///
/// # Example
/// ```
/// use reglament::ticket::{EventBody, EventKind};
/// assert_eq!(EventBody::StartWork.kind(), EventKind::StartWork);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventBody {
    /// `register`: the keys of [`Registration`].
    Register(Registration),
    /// `classify`: `category` (required).
    Classify {
        /// The new category.
        category: Category,
    },
    /// `change_priority`: `priority` (required).
    ChangePriority {
        /// The new priority.
        priority: Priority,
    },
    /// `reject`: `reason`, the explanation given to the user (required by 3.3).
    Reject {
        /// Why the request is rejected.
        reason: Option<String>,
    },
    /// `ask_user`: the question goes in `text`.
    AskUser,
    /// `user_answer`: the answer goes in `text`.
    UserAnswer,
    /// `reply`: the reply goes in `text`.
    Reply,
    /// `plan_sprint`: optional `sprint` name.
    PlanSprint {
        /// The sprint's name or number.
        sprint: Option<String>,
    },
    /// `start_work`.
    StartWork,
    /// `request_approval`: `action` (required), an action of clause 4 or a gated event kind.
    RequestApproval {
        /// What needs permission.
        action: String,
    },
    /// `approve`: `action`, `evidence` (e-mail Message-ID), `channel` (default
    /// `email`). Without `action` (`""` here) it decides the one approval
    /// pending; with several pending it is refused naming them.
    Approve {
        /// What is permitted (`""`: the one pending).
        action: String,
        /// The e-mail's Message-ID or another reference.
        evidence: Option<String>,
        /// How the decision came (must be e-mail).
        channel: Channel,
    },
    /// `refuse_approval`: same keys as `approve`.
    RefuseApproval {
        /// What is refused (`""`: the one pending).
        action: String,
        /// The e-mail's Message-ID or another reference.
        evidence: Option<String>,
        /// How the decision came (must be e-mail).
        channel: Channel,
    },
    /// `perform_action`: `action` (required).
    PerformAction {
        /// The action of clause 4.
        action: String,
    },
    /// `extend_deadline`: `metric` (default `resolution`), exactly one of
    /// `new_due` (instant) or `add_seconds` (working seconds), `evidence`.
    ExtendDeadline {
        /// The clock extended.
        metric: Metric,
        /// The agreed new due instant.
        new_due: Option<DateTime<Utc>>,
        /// The agreed working seconds added to the target.
        add_seconds: Option<i64>,
        /// Customer Service's agreement (e-mail Message-ID).
        evidence: Option<String>,
    },
    /// `complete`.
    Complete,
    /// `release`.
    Release,
    /// `reopen`: `to` is `sprint` or `in_progress` (default `in_progress`).
    Reopen {
        /// The status work resumes in.
        to: Status,
    },
    /// `accept`.
    Accept,
    /// `archive`.
    Archive,
    /// `comment`: `text` (required).
    Comment,
    /// `pause`: `reason` (required), a pause reason the regulation declares.
    Pause {
        /// The declared reason's id.
        reason: String,
    },
    /// `resume`: `reason` (required), the declared reason that no longer holds.
    Resume {
        /// The declared reason's id.
        reason: String,
    },
}

impl EventBody {
    /// The kind of this body.
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::{EventBody, EventKind};
    /// assert_eq!(EventBody::Reopen { to: reglament::model::Status::Sprint }.kind(), EventKind::Reopen);
    /// ```
    pub fn kind(&self) -> EventKind {
        match self {
            EventBody::Register(_) => EventKind::Register,
            EventBody::Classify { .. } => EventKind::Classify,
            EventBody::ChangePriority { .. } => EventKind::ChangePriority,
            EventBody::Reject { .. } => EventKind::Reject,
            EventBody::AskUser => EventKind::AskUser,
            EventBody::UserAnswer => EventKind::UserAnswer,
            EventBody::Reply => EventKind::Reply,
            EventBody::PlanSprint { .. } => EventKind::PlanSprint,
            EventBody::StartWork => EventKind::StartWork,
            EventBody::RequestApproval { .. } => EventKind::RequestApproval,
            EventBody::Approve { .. } => EventKind::Approve,
            EventBody::RefuseApproval { .. } => EventKind::RefuseApproval,
            EventBody::PerformAction { .. } => EventKind::PerformAction,
            EventBody::ExtendDeadline { .. } => EventKind::ExtendDeadline,
            EventBody::Complete => EventKind::Complete,
            EventBody::Release => EventKind::Release,
            EventBody::Reopen { .. } => EventKind::Reopen,
            EventBody::Accept => EventKind::Accept,
            EventBody::Archive => EventKind::Archive,
            EventBody::Comment => EventKind::Comment,
            EventBody::Pause { .. } => EventKind::Pause,
            EventBody::Resume { .. } => EventKind::Resume,
        }
    }
}

/// One event of a request's life.
///
/// # Example
/// ```
/// use reglament::ticket::{Event, EventKind};
/// let e = Event::from_json(r#"{"kind":"start_work","at":"2026-03-27T10:00:00+02:00",
///                              "actor":{"id":"c-1","role":"consultant"}}"#).unwrap();
/// assert_eq!(e.kind(), EventKind::StartWork);
/// assert_eq!(reglament::instant::format(e.at), "2026-03-27T08:00:00Z");
/// let err = Event::from_json(r#"{"kind":"start_work","at":"2026-03-27T10:00:00Z",
///                                "actor":{"id":"c-1","role":"consultant"},"colour":"red"}"#).unwrap_err();
/// assert_eq!((err.code(), err.field()), ("unknown_field", Some("colour")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When it happened (whole seconds, UTC).
    pub at: DateTime<Utc>,
    /// Who did it.
    pub actor: Actor,
    /// Free text: the question, the answer, the reply, the comment...
    pub text: Option<String>,
    /// The host's identifier of the event, kept as given.
    pub id: Option<String>,
    /// What happened.
    pub body: EventBody,
}

impl Event {
    /// An event without text or id.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Role, ticket::{Actor, Event, EventBody}};
    /// let at = reglament::instant::parse("2026-03-27T08:00:00Z").unwrap();
    /// let e = Event::new(at, Actor::new("u-1", Role::User), EventBody::Accept);
    /// assert!(e.text.is_none());
    /// ```
    pub fn new(at: DateTime<Utc>, actor: Actor, body: EventBody) -> Event {
        Event {
            at,
            actor,
            text: None,
            id: None,
            body,
        }
    }

    /// The same event with `text`.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Role, ticket::{Actor, Event, EventBody}};
    /// let at = reglament::instant::parse("2026-03-02T08:00:00Z").unwrap();
    /// let e = Event::new(at, Actor::new("u", Role::User), EventBody::Comment).with_text("hi");
    /// assert_eq!(e.text.as_deref(), Some("hi"));
    /// ```
    pub fn with_text(mut self, text: impl Into<String>) -> Event {
        self.text = Some(text.into());
        self
    }

    /// The event's kind.
    ///
    /// # Example
    /// ```
    /// let e = reglament::ticket::Event::from_json(r#"{"kind":"release","at":"2026-03-02T10:00:00Z","actor":{"id":"c","role":"consultant"}}"#).unwrap();
    /// assert_eq!(e.kind(), reglament::ticket::EventKind::Release);
    /// ```
    pub fn kind(&self) -> EventKind {
        self.body.kind()
    }

    /// Parses one event from JSON text.
    ///
    /// # Example
    /// ```
    /// let e = reglament::ticket::Event::from_json(r#"{"kind":"accept","at":"2026-03-02T10:00:00Z","actor":{"id":"u","role":"user"}}"#).unwrap();
    /// assert_eq!(e.kind().code(), "accept");
    /// ```
    pub fn from_json(json: &str) -> Result<Event> {
        let v: Value = serde_json::from_str(json).map_err(|e| {
            Error::new(
                ErrorKind::InvalidJson,
                format!("the event is not valid JSON: {e}"),
            )
        })?;
        Event::from_value(&v, "")
    }

    /// Parses one event from a JSON value; errors name fields under `path`.
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::Event;
    /// let v = serde_json::json!({"kind": "promote", "at": "2026-03-27T10:00:00Z",
    ///                            "actor": {"id": "x", "role": "user"}});
    /// let err = Event::from_value(&v, "events[2]").unwrap_err();
    /// assert_eq!(err.field(), Some("events[2].kind"));
    /// assert!(err.message().contains("promote"));
    /// ```
    pub fn from_value(v: &Value, path: &str) -> Result<Event> {
        let mut f = Fields::new(v, path, "an event")?;
        let kind_v = f.need("kind", "what happened, e.g. \"register\"")?;
        let kind_path = f.path_of("kind");
        let kind = match kind_v.as_str().and_then(EventKind::from_code) {
            Some(k) => k,
            None => {
                return Err(Error::invalid(
                    kind_path,
                    format!(
                        "unknown event kind {kind_v}; expected one of: {}",
                        EventKind::codes()
                    ),
                ))
            }
        };
        let at = fields::instant(
            f.need("at", "when it happened (RFC 3339)")?,
            &f.path_of("at"),
        )?;
        let actor = Actor::from_value(
            f.need("actor", "who did it: {\"id\", \"role\"}")?,
            &f.path_of("actor"),
        )?;
        let text = f.text("text")?;
        let id = f.text("id")?;
        let need_action = |f: &mut Fields| -> Result<String> {
            let a: String = f.req("action", "the name of the action")?;
            if a.trim().is_empty() {
                return Err(Error::invalid(
                    f.path_of("action"),
                    "the action's name must not be empty",
                ));
            }
            Ok(a)
        };
        let body = match kind {
            EventKind::Register => {
                let attachments = match f.get("attachments") {
                    None => Vec::new(),
                    Some(a) => fields::leaf::<Vec<String>>(a, &f.path_of("attachments"))?,
                };
                EventBody::Register(Registration {
                    channel: f.opt("channel")?,
                    reason: f.opt("reason")?,
                    description: f.text("description")?,
                    conditions: f.text("conditions")?,
                    attachments,
                    priority: f.opt("priority")?,
                    category: f.opt("category")?,
                    own_initiative: f.opt("own_initiative")?.unwrap_or(false),
                    solved_during_contact: f.opt("solved_during_contact")?.unwrap_or(false),
                    submitted_at: f.instant("submitted_at")?,
                })
            }
            EventKind::Classify => EventBody::Classify {
                category: f.req("category", "the new category")?,
            },
            EventKind::ChangePriority => EventBody::ChangePriority {
                priority: f.req("priority", "the new priority")?,
            },
            EventKind::Reject => EventBody::Reject {
                reason: f.text("reason")?,
            },
            EventKind::AskUser => EventBody::AskUser,
            EventKind::UserAnswer => EventBody::UserAnswer,
            EventKind::Reply => EventBody::Reply,
            EventKind::PlanSprint => EventBody::PlanSprint {
                sprint: f.text("sprint")?,
            },
            EventKind::StartWork => EventBody::StartWork,
            EventKind::RequestApproval => EventBody::RequestApproval {
                action: need_action(&mut f)?,
            },
            EventKind::Approve | EventKind::RefuseApproval => {
                // absent: the one approval pending (resolved by the ticket)
                let action = if f.get("action").is_some() {
                    need_action(&mut f)?
                } else {
                    String::new()
                };
                let evidence = f.text("evidence")?;
                let channel = f.opt("channel")?.unwrap_or(Channel::Email);
                if kind == EventKind::Approve {
                    EventBody::Approve {
                        action,
                        evidence,
                        channel,
                    }
                } else {
                    EventBody::RefuseApproval {
                        action,
                        evidence,
                        channel,
                    }
                }
            }
            EventKind::PerformAction => EventBody::PerformAction {
                action: need_action(&mut f)?,
            },
            EventKind::ExtendDeadline => EventBody::ExtendDeadline {
                metric: f.opt("metric")?.unwrap_or(Metric::Resolution),
                new_due: f.instant("new_due")?,
                add_seconds: f.opt("add_seconds")?,
                evidence: f.text("evidence")?,
            },
            EventKind::Complete => EventBody::Complete,
            EventKind::Release => EventBody::Release,
            EventKind::Reopen => EventBody::Reopen {
                to: f.opt("to")?.unwrap_or(Status::InProgress),
            },
            EventKind::Accept => EventBody::Accept,
            EventKind::Archive => EventBody::Archive,
            EventKind::Pause | EventKind::Resume => {
                let reason: String = f.req("reason", "the declared pause reason's id")?;
                if reason.trim().is_empty() {
                    return Err(Error::invalid(
                        f.path_of("reason"),
                        "the pause reason must not be empty",
                    ));
                }
                if kind == EventKind::Pause {
                    EventBody::Pause { reason }
                } else {
                    EventBody::Resume { reason }
                }
            }
            EventKind::Comment => {
                if text.is_none() {
                    return Err(Error::new(
                        ErrorKind::MissingField,
                        "a comment needs its \"text\"",
                    )
                    .at(f.path_of("text")));
                }
                EventBody::Comment
            }
        };
        f.finish()?;
        Ok(Event {
            at,
            actor,
            text,
            id,
            body,
        })
    }

    /// Parses JSON Lines: one event per non-blank line. Each line's error
    /// names its line (`line 3: ...`, field `[2].at`).
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::Event;
    /// let text = "{\"kind\":\"accept\",\"at\":\"2026-03-27T10:00:00Z\",\"actor\":{\"id\":\"u\",\"role\":\"user\"}}\n\n";
    /// let events = Event::parse_lines(text);
    /// assert_eq!(events.len(), 1);
    /// assert_eq!(events[0].0, 1);
    /// assert!(events[0].1.is_ok());
    /// ```
    pub fn parse_lines(text: &str) -> Vec<(usize, Result<Event>)> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, line)| {
                let parsed = serde_json::from_str::<Value>(line)
                    .map_err(|e| {
                        Error::new(
                            ErrorKind::InvalidJson,
                            format!("line {}: not valid JSON: {e}", i + 1),
                        )
                    })
                    .and_then(|v| Event::from_value(&v, ""));
                (i + 1, parsed)
            })
            .collect()
    }

    /// Reads a request's history: one JSON array of events, or JSON Lines
    /// (one event per non-blank line). Each item is the event or why it is
    /// not one; every face reads lists this way, and field paths name the
    /// item as `events[i]` (`i` from 0 among the non-blank items), the same
    /// answer whichever way the list was written.
    ///
    /// # Errors
    /// `invalid_json` when the text starts as an array but is not valid JSON.
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::Event;
    /// let text = "{\"kind\":\"accept\",\"at\":\"2026-03-27T10:00:00Z\",\"actor\":{\"id\":\"u\",\"role\":\"user\"}}\n\n{\"kind\":\"promote\"}\n";
    /// let items = Event::read_list(text).unwrap();
    /// assert!(items[0].is_ok());
    /// let e = items[1].as_ref().unwrap_err();
    /// assert_eq!((e.code(), e.field()), ("invalid_value", Some("events[1].kind")));
    /// ```
    pub fn read_list(text: &str) -> Result<Vec<Result<Event>>> {
        if text.trim_start().starts_with('[') {
            let list: Vec<Value> = serde_json::from_str(text).map_err(|e| {
                Error::new(
                    ErrorKind::InvalidJson,
                    format!("the events are not a valid JSON array: {e}"),
                )
                .at("events")
            })?;
            return Ok(list
                .iter()
                .enumerate()
                .map(|(i, v)| Event::from_value(v, &format!("events[{i}]")))
                .collect());
        }
        Ok(text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .enumerate()
            .map(|(i, (_, line))| Event::from_json_at(line, &format!("events[{i}]")))
            .collect())
    }

    /// Parses one item of a list given as JSON text, its errors under
    /// `path` (`events[i]`): what [`Event::read_list`] does with each line,
    /// for faces that receive the items one by one.
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::Event;
    /// let e = Event::from_json_at("{\"kind\":", "events[4]").unwrap_err();
    /// assert_eq!((e.code(), e.field()), ("invalid_json", Some("events[4]")));
    /// ```
    pub fn from_json_at(text: &str, path: &str) -> Result<Event> {
        let v = serde_json::from_str::<Value>(text).map_err(|e| {
            Error::new(ErrorKind::InvalidJson, format!("not valid JSON: {e}")).at(path)
        })?;
        Event::from_value(&v, path)
    }

    /// The event as a JSON value (the inverse of [`Event::from_value`]).
    ///
    /// # Example
    /// ```
    /// let e = reglament::ticket::Event::from_json(r#"{"kind":"accept","at":"2026-03-02T12:00:00+02:00","actor":{"id":"u","role":"user"}}"#).unwrap();
    /// assert_eq!(e.to_value()["at"], "2026-03-02T10:00:00Z");
    /// ```
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", &self.kind())?;
        m.serialize_entry("at", &instant::format(self.at))?;
        m.serialize_entry("actor", &self.actor)?;
        if let Some(id) = &self.id {
            m.serialize_entry("id", id)?;
        }
        match &self.body {
            EventBody::Register(r) => {
                if let Some(c) = r.channel {
                    m.serialize_entry("channel", &c)?;
                }
                if let Some(x) = r.reason {
                    m.serialize_entry("reason", &x)?;
                }
                if let Some(x) = &r.description {
                    m.serialize_entry("description", x)?;
                }
                if let Some(x) = &r.conditions {
                    m.serialize_entry("conditions", x)?;
                }
                if !r.attachments.is_empty() {
                    m.serialize_entry("attachments", &r.attachments)?;
                }
                if let Some(x) = r.priority {
                    m.serialize_entry("priority", &x)?;
                }
                if let Some(x) = r.category {
                    m.serialize_entry("category", &x)?;
                }
                if r.own_initiative {
                    m.serialize_entry("own_initiative", &true)?;
                }
                if r.solved_during_contact {
                    m.serialize_entry("solved_during_contact", &true)?;
                }
                if let Some(t) = r.submitted_at {
                    m.serialize_entry("submitted_at", &instant::format(t))?;
                }
            }
            EventBody::Classify { category } => m.serialize_entry("category", category)?,
            EventBody::ChangePriority { priority } => m.serialize_entry("priority", priority)?,
            EventBody::Reject { reason } => {
                if let Some(r) = reason {
                    m.serialize_entry("reason", r)?;
                }
            }
            EventBody::PlanSprint { sprint } => {
                if let Some(x) = sprint {
                    m.serialize_entry("sprint", x)?;
                }
            }
            EventBody::RequestApproval { action } | EventBody::PerformAction { action } => {
                m.serialize_entry("action", action)?;
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
                // absent when it means "the one pending"
                if !action.is_empty() {
                    m.serialize_entry("action", action)?;
                }
                if let Some(e) = evidence {
                    m.serialize_entry("evidence", e)?;
                }
                m.serialize_entry("channel", channel)?;
            }
            EventBody::ExtendDeadline {
                metric,
                new_due,
                add_seconds,
                evidence,
            } => {
                m.serialize_entry("metric", metric)?;
                if let Some(t) = new_due {
                    m.serialize_entry("new_due", &instant::format(*t))?;
                }
                if let Some(x) = add_seconds {
                    m.serialize_entry("add_seconds", x)?;
                }
                if let Some(e) = evidence {
                    m.serialize_entry("evidence", e)?;
                }
            }
            EventBody::Reopen { to } => m.serialize_entry("to", to)?,
            EventBody::Pause { reason } | EventBody::Resume { reason } => {
                m.serialize_entry("reason", reason)?;
            }
            EventBody::AskUser
            | EventBody::UserAnswer
            | EventBody::Reply
            | EventBody::StartWork
            | EventBody::Complete
            | EventBody::Release
            | EventBody::Accept
            | EventBody::Archive
            | EventBody::Comment => {}
        }
        if let Some(t) = &self.text {
            m.serialize_entry("text", t)?;
        }
        m.end()
    }
}

impl<'de> serde::Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Event, D::Error> {
        let v = Value::deserialize(d)?;
        Event::from_value(&v, "").map_err(<D::Error as serde::de::Error>::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ev(extra: Value) -> Result<Event> {
        let mut v =
            json!({"at": "2026-03-27T10:00:00+02:00", "actor": {"id": "a", "role": "operator"}});
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        Event::from_value(&v, "")
    }

    #[test]
    fn every_kind_round_trips() {
        let samples = [
            json!({"kind": "register", "channel": "phone", "reason": "software_failure", "description": "d",
                   "conditions": "c", "attachments": ["a.png"], "priority": "high", "category": "incident",
                   "own_initiative": true, "solved_during_contact": true, "submitted_at": "2026-03-27T07:55:00Z"}),
            json!({"kind": "classify", "category": "consultation"}),
            json!({"kind": "change_priority", "priority": "low", "text": "user agreed"}),
            json!({"kind": "reject", "reason": "no description"}),
            json!({"kind": "ask_user", "text": "which invoice?"}),
            json!({"kind": "user_answer", "text": "No. 17"}),
            json!({"kind": "reply", "text": "looking"}),
            json!({"kind": "plan_sprint", "sprint": "S-14"}),
            json!({"kind": "start_work"}),
            json!({"kind": "request_approval", "action": "server_recovery"}),
            json!({"kind": "approve", "action": "server_recovery", "evidence": "<m1@x>", "channel": "email"}),
            json!({"kind": "refuse_approval", "action": "master_data", "evidence": "<m2@x>", "channel": "phone"}),
            json!({"kind": "perform_action", "action": "consultation", "id": "ev-9"}),
            json!({"kind": "extend_deadline", "metric": "resolution", "add_seconds": 3600, "evidence": "<m3@x>"}),
            json!({"kind": "extend_deadline", "metric": "response", "new_due": "2026-04-01T15:00:00Z", "evidence": "e"}),
            json!({"kind": "complete"}),
            json!({"kind": "release"}),
            json!({"kind": "reopen", "to": "sprint"}),
            json!({"kind": "accept"}),
            json!({"kind": "archive"}),
            json!({"kind": "comment", "text": "hello"}),
            json!({"kind": "pause", "reason": "awaiting_vendor", "text": "the vendor looks into it"}),
            json!({"kind": "resume", "reason": "awaiting_vendor"}),
        ];
        let mut kinds = std::collections::HashSet::new();
        for s in samples {
            let e = ev(s.clone()).unwrap_or_else(|err| panic!("{s}: {err}"));
            kinds.insert(e.kind());
            let back = Event::from_value(&e.to_value(), "").unwrap();
            assert_eq!(back, e, "{s}");
        }
        assert_eq!(kinds.len(), EventKind::ALL.len());
    }

    #[test]
    fn a_pause_needs_its_reason() {
        for kind in ["pause", "resume"] {
            let e = ev(json!({"kind": kind})).unwrap_err();
            assert_eq!((e.code(), e.field()), ("missing_field", Some("reason")));
            let e = ev(json!({"kind": kind, "reason": " "})).unwrap_err();
            assert_eq!((e.code(), e.field()), ("invalid_value", Some("reason")));
            let e = ev(json!({"kind": kind, "reason": 7})).unwrap_err();
            assert_eq!(e.field(), Some("reason"));
        }
    }

    #[test]
    fn defaults_apply() {
        let e = ev(json!({"kind": "reopen"})).unwrap();
        assert_eq!(
            e.body,
            EventBody::Reopen {
                to: Status::InProgress
            }
        );
        let e = ev(json!({"kind": "approve", "action": "x"})).unwrap();
        assert!(matches!(
            e.body,
            EventBody::Approve {
                channel: Channel::Email,
                evidence: None,
                ..
            }
        ));
        let e = ev(json!({"kind": "extend_deadline"})).unwrap();
        assert!(matches!(
            e.body,
            EventBody::ExtendDeadline {
                metric: Metric::Resolution,
                ..
            }
        ));
    }

    #[test]
    fn parse_errors_name_the_field() {
        let e = ev(json!({"kind": "classify"})).unwrap_err();
        assert_eq!((e.code(), e.field()), ("missing_field", Some("category")));
        let e = ev(json!({"kind": "classify", "category": "bug"})).unwrap_err();
        assert_eq!(e.field(), Some("category"));
        assert!(e.message().contains("bug"));
        let e = ev(json!({"kind": "comment"})).unwrap_err();
        assert_eq!(e.field(), Some("text"));
        let e = ev(json!({"kind": "start_work", "at": "yesterday"})).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_instant", Some("at")));
        let e =
            ev(json!({"kind": "start_work", "actor": {"id": "a", "role": "admin"}})).unwrap_err();
        assert_eq!(e.field(), Some("actor.role"));
        let e = ev(json!({"kind": "start_work", "category": "incident"})).unwrap_err();
        assert_eq!((e.code(), e.field()), ("unknown_field", Some("category")));
        let e = ev(json!({"kind": "register", "attachments": "a.png"})).unwrap_err();
        assert_eq!(e.field(), Some("attachments"));
    }

    #[test]
    fn lines_are_numbered() {
        let text = "\n{\"kind\":\"start_work\",\"at\":\"2026-03-27T10:00:00Z\",\"actor\":{\"id\":\"c\",\"role\":\"consultant\"}}\n{oops\n";
        let lines = Event::parse_lines(text);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].0, 2);
        assert!(lines[0].1.is_ok());
        let err = lines[1].1.as_ref().unwrap_err();
        assert!(err.message().starts_with("line 3:"), "{err}");
    }
}
