//! A request's life in SQL: a request is its event list (a `jsonb` array
//! of event documents, tests/vectors/README.md "Event format"); these
//! functions replay it under a regulation and answer what the core answers.
//!
//! `regulation jsonb DEFAULT NULL` is a complete regulation file (as
//! `reglament.regulation()` or `reglament init` prints it); `NULL` is the
//! embedded default.

use pgrx::prelude::*;
use pgrx::JsonB;
use reglament::ticket::{Event, Outcome, Ticket};
use serde_json::Value;

use crate::cache;
use crate::convert::{events_in, instant_in, instant_out, JsonbArg};
use crate::error::{raise, OrRaise};

/// The id given to a request when the caller names none.
const DEFAULT_ID: &str = "T";

/// Every event of `events` parsed; the first that does not parse raises
/// the core's error about `events[i]....`.
pub(crate) fn parse_events(events: &Value) -> Vec<Event> {
    events_in(events, "events")
        .iter()
        .enumerate()
        .map(|(i, e)| Event::from_value(e, &format!("events[{i}]")).unwrap_or_else(|e| raise(&e)))
        .collect()
}

/// The request after `events` (refused events change nothing, as in a replay).
fn ticket_of(reg: &reglament::Regulation, id: &str, events: &Value) -> Ticket {
    Ticket::replay(reg, id, parse_events(events)).ticket
}

/// `{accepted, status, warnings}` or `{accepted, status, refusal}`.
pub(crate) fn outcome_value(outcome: &Outcome, status: Option<reglament::model::Status>) -> Value {
    let mut v = serde_json::to_value(outcome).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert(
            "status".into(),
            status.map_or(Value::Null, |s| Value::String(s.code().into())),
        );
    }
    v
}

/// The complete regulation file: the embedded default with `overrides`
/// laid over it (objects merge key by key; any other value, lists
/// included, replaces), validated. `NULL` gives the default itself. Pass
/// the result as the `regulation` argument of the other functions.
#[pg_extern(immutable, parallel_safe)]
pub fn regulation(overrides: default!(Option<JsonbArg>, "NULL")) -> JsonB {
    let reg = match overrides {
        None => reglament::Regulation::default(),
        Some(a) => reglament::Regulation::with_overrides(&a.value("overrides"))
            .unwrap_or_else(|e| raise(&e.within("overrides"))),
    };
    JsonB(serde_json::to_value(reg.spec()).or_raise())
}

/// Whether `event` would be accepted after the history `events`, without
/// storing anything: `{"accepted": true, "status", "warnings": [...]}` or
/// `{"accepted": false, "status", "refusal": {"clause", "code", "field",
/// "message_uk", "message_en", ...}}` (`status`: the status after it).
#[pg_extern(immutable, parallel_safe)]
pub fn check_event(
    events: Option<JsonbArg>,
    event: Option<JsonbArg>,
    regulation: default!(Option<JsonbArg>, "NULL"),
) -> Option<JsonB> {
    let (events, event) = (events?, event?);
    let reg = cache::regulation(regulation.as_ref());
    let mut t = ticket_of(&reg, DEFAULT_ID, &events.value("events"));
    let e = Event::from_value(&event.value("event"), "event").unwrap_or_else(|e| raise(&e));
    let outcome = t.apply(&reg, e);
    Some(JsonB(outcome_value(&outcome, t.status())))
}

/// Replays `events` in order: `{"ticket": STATE, "steps": [...]}`, one step
/// per event (`{"index", "kind", "at", "accepted", "status", "warnings" |
/// "refusal"}`). An event that does not parse is a step `{"index", "error":
/// {"code", "field", "message"}}` and is skipped, as `reglament replay`
/// does. `now` (optional) is when the state is read (`archivable`).
#[pg_extern(immutable, parallel_safe)]
pub fn replay(
    events: Option<JsonbArg>,
    regulation: default!(Option<JsonbArg>, "NULL"),
    request_id: default!(Option<String>, "NULL"),
    now: default!(Option<TimestampWithTimeZone>, "NULL"),
) -> Option<JsonB> {
    let events = events?;
    let reg = cache::regulation(regulation.as_ref());
    let now = now.map(|n| instant_in(n, "now"));
    // the core's one replay: an item that is not an event is an error step
    // and the replay goes on, as in every face
    let items: Vec<_> = events_in(&events.value("events"), "events")
        .iter()
        .enumerate()
        .map(|(i, e)| Event::from_value(e, &format!("events[{i}]")))
        .collect();
    let r = Ticket::replay_items(&reg, request_id.unwrap_or_else(|| DEFAULT_ID.into()), items);
    Some(JsonB(r.to_value(now)))
}

/// The SLA clocks of the request `events` describe, at `now`: `{"ticket",
/// "now", "status", "next_change_at", "response", "resolution",
/// "update_interval"}` (tests/vectors/README.md "SLA clocks"). Events after
/// `now` do not count.
#[pg_extern(immutable, parallel_safe)]
pub fn clocks(
    events: Option<JsonbArg>,
    now: Option<TimestampWithTimeZone>,
    regulation: default!(Option<JsonbArg>, "NULL"),
    request_id: default!(Option<String>, "NULL"),
) -> Option<JsonB> {
    let (events, now) = (events?, now?);
    let reg = cache::regulation(regulation.as_ref());
    let id = request_id.unwrap_or_else(|| DEFAULT_ID.into());
    let t = ticket_of(&reg, &id, &events.value("events"));
    let c = t.clocks(&reg, instant_in(now, "now")).or_raise();
    Some(JsonB(c.to_value()))
}

/// The earliest instant after `now` at which a clock or rule of the request
/// changes state (a threshold, a due instant, the archive), or `NULL`: the
/// host's one timer.
#[pg_extern(immutable, parallel_safe)]
pub fn next_change_at(
    events: Option<JsonbArg>,
    now: Option<TimestampWithTimeZone>,
    regulation: default!(Option<JsonbArg>, "NULL"),
) -> Option<TimestampWithTimeZone> {
    let (events, now) = (events?, now?);
    let reg = cache::regulation(regulation.as_ref());
    let t = ticket_of(&reg, DEFAULT_ID, &events.value("events"));
    t.next_change_at(&reg, instant_in(now, "now"))
        .or_raise()
        .map(instant_out)
}
