//! A history replayed: each item's outcome, the items that were not
//! events, and the ticket they fold into.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::*;
use crate::regulation::Regulation;

impl Ticket {
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
