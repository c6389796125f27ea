//! `Ticket`: one request's state, advanced by applying events under a
//! regulation (accepted with warnings, or refused with the clause).

use std::cell::RefCell;

use reglament::ticket::{Event, Outcome, Ticket};
use serde_json::Value;
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;

use reglament::model::Metric;

use crate::convert::{
    code_in, doc_in, doc_out, instant_in, instant_out, opt_instant_in, opt_instant_out, ser_out,
    string_in,
};
use crate::error::{self, OrJs};
use crate::regulation::WasmRegulation;

/// One request: its state after the events applied so far. The host
/// stores the events; replaying them gives the same state.
#[wasm_bindgen(js_name = Ticket)]
pub struct WasmTicket {
    inner: RefCell<Ticket>,
}

impl WasmTicket {
    fn wrap(t: Ticket) -> WasmTicket {
        WasmTicket {
            inner: RefCell::new(t),
        }
    }

    fn ticket(&self) -> Result<std::cell::Ref<'_, Ticket>, JsValue> {
        error::check_alive()?;
        self.inner.try_borrow().map_err(|_| busy())
    }
}

fn busy() -> JsValue {
    error::argument("ticket", "the ticket is in use by another call")
}

/// `null` (not `undefined`) for an absent value.
fn nullable(v: Option<String>) -> JsValue {
    v.map_or(JsValue::NULL, JsValue::from)
}

/// An event from a plain object or a JSON string (the language-neutral
/// event format of tests/vectors/README.md).
///
/// `path` is `""` for the one event of `apply` (field paths are the event's
/// own, `at`, `actor.role`: as in C and the CLI) and `events[i]` in lists.
fn event_in(v: &JsValue, path: &str) -> Result<Event, JsValue> {
    let doc = match v.as_string() {
        // JSON text that does not parse is about no one field, as elsewhere
        Some(text) if path.is_empty() => serde_json::from_str(&text).map_err(|e| {
            error::of_kind(
                reglament::ErrorKind::InvalidJson,
                None,
                &format!("not valid JSON: {e}"),
            )
        })?,
        _ => doc_in(v, if path.is_empty() { "event" } else { path })?,
    };
    Event::from_value(&doc, path).map_err(|e| error::core(&e))
}

/// `{accepted, status, warnings}` or `{accepted, status, refusal}`.
fn outcome_out(outcome: &Outcome, status: Option<reglament::model::Status>) -> JsValue {
    let mut v = serde_json::to_value(outcome).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert(
            "status".into(),
            status.map_or(Value::Null, |s| Value::String(s.code().into())),
        );
    }
    doc_out(&v)
}

#[wasm_bindgen(js_class = Ticket)]
impl WasmTicket {
    /// An empty request with the host's id; its first event must register it.
    #[wasm_bindgen(constructor)]
    pub fn new(id: JsValue) -> Result<WasmTicket, JsValue> {
        Ok(WasmTicket::wrap(Ticket::new(string_in(&id, "id")?)))
    }

    /// Replays `events` (an array) onto a new ticket under `regulation`:
    /// `{ticket, steps}`, one step per item. An item that is not an event is
    /// a step `{index, error: {code, field, message}}` (field `events[i]...`)
    /// and the replay goes on, as in every face.
    pub fn replay(
        regulation: &WasmRegulation,
        id: JsValue,
        events: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = string_in(&id, "id")?;
        if !events.is_array() {
            return Err(error::argument(
                "events",
                format!(
                    "expected an array of events, got {}",
                    crate::convert::type_of(&events)
                ),
            ));
        }
        let arr = js_sys::Array::from(&events);
        let mut items = Vec::with_capacity(arr.length() as usize);
        for (i, e) in arr.iter().enumerate() {
            let path = format!("events[{i}]");
            items.push(match e.as_string() {
                // JSON text, read as every face reads a line
                Some(text) => Event::from_json_at(&text, &path),
                // a value JSON cannot hold (undefined, a function) reads as
                // null: the core then says the item is not an event object
                None => Event::from_value(&doc_in(&e, &path).unwrap_or(Value::Null), &path),
            });
        }
        let r = Ticket::replay_items(&regulation.inner, id, items);
        let out = js_sys::Object::new();
        let steps = crate::convert::doc_out(&r.steps_value());
        js_sys::Reflect::set(
            &out,
            &"ticket".into(),
            &JsValue::from(WasmTicket::wrap(r.ticket)),
        )?;
        js_sys::Reflect::set(&out, &"steps".into(), &steps)?;
        Ok(out.into())
    }

    /// Applies one event: `{accepted: true, status, warnings}` or
    /// `{accepted: false, status, refusal}` (a refused event changes
    /// nothing). An event that does not parse throws a `ReglamentError`.
    pub fn apply(&self, regulation: &WasmRegulation, event: JsValue) -> Result<JsValue, JsValue> {
        let e = event_in(&event, "")?;
        let mut t = self.inner.try_borrow_mut().map_err(|_| busy())?;
        let outcome = t.apply(&regulation.inner, e);
        Ok(outcome_out(&outcome, t.status()))
    }

    /// Applies one event; a refusal throws a `ReglamentRefusal` (with the
    /// clause, the code and the sentence in Ukrainian and English).
    /// Returns the warnings of the accepted event.
    #[wasm_bindgen(js_name = applyOrThrow)]
    pub fn apply_or_throw(
        &self,
        regulation: &WasmRegulation,
        event: JsValue,
    ) -> Result<JsValue, JsValue> {
        let e = event_in(&event, "")?;
        let mut t = self.inner.try_borrow_mut().map_err(|_| busy())?;
        match t.apply(&regulation.inner, e) {
            Outcome::Accepted { warnings } => Ok(ser_out(&warnings)),
            Outcome::Refused(r) => Err(error::refusal(&r)),
        }
    }

    /// Whether `event` would be accepted now, and with which warnings,
    /// without changing the ticket (`status` is the current status).
    #[wasm_bindgen(js_name = tryApply)]
    pub fn try_apply(
        &self,
        regulation: &WasmRegulation,
        event: JsValue,
    ) -> Result<JsValue, JsValue> {
        let e = event_in(&event, "")?;
        let t = self.ticket()?;
        Ok(outcome_out(&t.try_apply(&regulation.inner, &e), t.status()))
    }

    /// The host's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> Result<String, JsValue> {
        Ok(self.ticket()?.id().to_string())
    }

    /// The status code (`"backlog"`, ... `"archived"`, `"rejected"`), `null` before registration.
    #[wasm_bindgen(getter)]
    pub fn status(&self) -> Result<JsValue, JsValue> {
        Ok(nullable(
            self.ticket()?.status().map(|s| s.code().to_string()),
        ))
    }

    /// The category code, `null` while unclassified.
    #[wasm_bindgen(getter)]
    pub fn category(&self) -> Result<JsValue, JsValue> {
        Ok(nullable(
            self.ticket()?.category().map(|s| s.code().to_string()),
        ))
    }

    /// The priority code, `null` before registration.
    #[wasm_bindgen(getter)]
    pub fn priority(&self) -> Result<JsValue, JsValue> {
        Ok(nullable(
            self.ticket()?.priority().map(|s| s.code().to_string()),
        ))
    }

    /// When the request was registered.
    #[wasm_bindgen(getter, js_name = registeredAt)]
    pub fn registered_at(&self) -> Result<JsValue, JsValue> {
        Ok(nullable(opt_instant_out(self.ticket()?.registered_at())))
    }

    /// When the user submitted it (the queue's second key).
    #[wasm_bindgen(getter, js_name = submittedAt)]
    pub fn submitted_at(&self) -> Result<JsValue, JsValue> {
        Ok(nullable(opt_instant_out(self.ticket()?.submitted_at())))
    }

    /// The instant of the last accepted event.
    #[wasm_bindgen(getter, js_name = lastEventAt)]
    pub fn last_event_at(&self) -> Result<JsValue, JsValue> {
        Ok(nullable(opt_instant_out(self.ticket()?.last_event_at())))
    }

    /// When the request may be archived without the user's acceptance (in Release).
    #[wasm_bindgen(getter, js_name = archiveDueAt)]
    pub fn archive_due_at(&self) -> Result<JsValue, JsValue> {
        Ok(nullable(opt_instant_out(self.ticket()?.archive_due_at())))
    }

    /// When the user accepted the current release.
    #[wasm_bindgen(getter, js_name = acceptedAt)]
    pub fn accepted_at(&self) -> Result<JsValue, JsValue> {
        Ok(nullable(opt_instant_out(self.ticket()?.accepted_at())))
    }

    /// When the request was archived.
    #[wasm_bindgen(getter, js_name = archivedAt)]
    pub fn archived_at(&self) -> Result<JsValue, JsValue> {
        Ok(nullable(opt_instant_out(self.ticket()?.archived_at())))
    }

    /// Whether support is waiting for the user's answer.
    #[wasm_bindgen(getter, js_name = awaitingUser)]
    pub fn awaiting_user(&self) -> Result<bool, JsValue> {
        Ok(self.ticket()?.awaiting_user())
    }

    /// How many events were accepted.
    #[wasm_bindgen(getter, js_name = eventsAccepted)]
    pub fn events_accepted(&self) -> Result<u32, JsValue> {
        Ok(u32::try_from(self.ticket()?.events_accepted()).unwrap_or(u32::MAX))
    }

    /// Whether the request may be archived at `now` (clause 3.6).
    pub fn archivable(&self, now: JsValue) -> Result<bool, JsValue> {
        let now = instant_in(&now, "now")?;
        Ok(self.ticket()?.archivable(now))
    }

    /// The whole state as a plain object (the same document as the CLI's
    /// and the C API's); with `now`, it also says whether it is archivable then.
    pub fn state(&self, now: JsValue) -> Result<JsValue, JsValue> {
        let now = opt_instant_in(&now, "now")?;
        Ok(doc_out(&self.ticket()?.to_value(now)))
    }

    /// The state (for `JSON.stringify`).
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        Ok(doc_out(&self.ticket()?.to_value(None)))
    }

    /// An independent copy (for "what if" without touching this one).
    #[wasm_bindgen(js_name = clone)]
    pub fn clone_(&self) -> Result<WasmTicket, JsValue> {
        Ok(WasmTicket::wrap(self.ticket()?.clone()))
    }

    /// The SLA clocks at `now` (response, resolution, update interval, the
    /// next instant anything changes), as a plain object.
    /// `options.camelCase`: the keys in camelCase (`dueAt`, `nextChangeAt`)
    /// instead of the JSON document's snake_case; values are unchanged.
    pub fn clocks(
        &self,
        regulation: &WasmRegulation,
        now: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let now = instant_in(&now, "now")?;
        let camel = camel_option(&options)?;
        let c = self.ticket()?.clocks(&regulation.inner, now).js()?;
        Ok(keys_out(c.to_value(), camel))
    }

    /// One clock at `now` (`"response"`, `"resolution"`, `"update_interval"`),
    /// `null` when the SLA row has no update interval.
    pub fn clock(
        &self,
        regulation: &WasmRegulation,
        metric: JsValue,
        now: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let m: Metric = code_in(&metric, "metric")?;
        let now = instant_in(&now, "now")?;
        let camel = camel_option(&options)?;
        let c = self.ticket()?.clock(&regulation.inner, m, now).js()?;
        Ok(match c {
            None => JsValue::NULL,
            Some(c) => keys_out(serde_json::to_value(&c).unwrap_or(Value::Null), camel),
        })
    }

    /// A clock's explanation at `now`: the counted working intervals, the
    /// pauses, the skipped days, and sentences in Ukrainian and English.
    #[wasm_bindgen(js_name = explainClock)]
    pub fn explain_clock(
        &self,
        regulation: &WasmRegulation,
        metric: JsValue,
        now: JsValue,
    ) -> Result<JsValue, JsValue> {
        let m: Metric = code_in(&metric, "metric")?;
        let now = instant_in(&now, "now")?;
        let x = self
            .ticket()?
            .explain_clock(&regulation.inner, m, now)
            .js()?;
        Ok(x.as_ref().map_or(JsValue::NULL, ser_out))
    }

    /// The earliest instant after `now` at which a clock or rule changes
    /// state (a threshold, a due instant, the archive), or `null`: the host
    /// sets one timer for it.
    #[wasm_bindgen(js_name = nextChangeAt)]
    pub fn next_change_at(
        &self,
        regulation: &WasmRegulation,
        now: JsValue,
    ) -> Result<JsValue, JsValue> {
        let now = instant_in(&now, "now")?;
        Ok(nullable(opt_instant_out(
            self.ticket()?.next_change_at(&regulation.inner, now).js()?,
        )))
    }

    /// The request's clocks computed once for every `now` from its last
    /// event on (a snapshot: build a new one after the next event), for a
    /// board that re-reads many requests' clocks every second.
    #[wasm_bindgen(js_name = clockPlan)]
    pub fn clock_plan(&self, regulation: &WasmRegulation) -> Result<WasmClockPlan, JsValue> {
        let inner = self.ticket()?.clock_plan(&regulation.inner).js()?;
        Ok(WasmClockPlan { inner })
    }

    /// For `console.log` and string templates: `Ticket(T-1, backlog)`.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_(&self) -> Result<String, JsValue> {
        let t = self.ticket()?;
        Ok(format!(
            "Ticket({}, {})",
            t.id(),
            t.status().map_or("unregistered", |s| s.code())
        ))
    }
}

/// A copy of each Ticket of the array `tickets` (taken with the object's
/// own `clone()`, so the caller's objects stay theirs), with the array.
fn tickets_in(tickets: &JsValue) -> Result<(js_sys::Array, Vec<Ticket>), JsValue> {
    error::check_alive()?;
    if !tickets.is_array() {
        return Err(error::argument(
            "tickets",
            format!(
                "expected an array of Ticket objects, got {}",
                crate::convert::type_of(tickets)
            ),
        ));
    }
    let arr = js_sys::Array::from(tickets);
    let mut out = Vec::with_capacity(arr.length() as usize);
    for (i, v) in arr.iter().enumerate() {
        let not_one = || {
            error::argument(
                &format!("tickets[{i}]"),
                "expected a live Ticket (not freed)",
            )
        };
        let clone = js_sys::Reflect::get(&v, &"clone".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(not_one)?;
        let copy = clone.call0(&v).map_err(|_| not_one())?;
        let t = WasmTicket::try_from_js_value(copy).map_err(|_| not_one())?;
        out.push(t.inner.into_inner());
    }
    Ok((arr, out))
}

/// An option of an options object (`undefined` when absent).
fn option(options: &JsValue, key: &str) -> JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// `options.camelCase` of the clock methods (`false` when absent).
fn camel_option(options: &JsValue) -> Result<bool, JsValue> {
    options_in(options, "options")?;
    let v = option(options, "camelCase");
    if v.is_undefined() || v.is_null() {
        Ok(false)
    } else {
        crate::convert::bool_in(&v, "options.camelCase")
    }
}

/// A document out, its keys in camelCase when asked.
fn keys_out(v: Value, camel: bool) -> JsValue {
    if camel {
        doc_out(&camel_keys(v))
    } else {
        doc_out(&v)
    }
}

/// Every object key of `v` from snake_case to camelCase (`due_at` ->
/// `dueAt`); values, codes included, stay as they are.
fn camel_keys(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            // keys are ASCII codes; no Unicode case tables in the module
            let mut out = serde_json::Map::new();
            for (k, v) in m {
                let mut key = String::with_capacity(k.len());
                let mut up = false;
                for c in k.chars() {
                    if c == '_' {
                        up = true;
                    } else if up {
                        key.push(c.to_ascii_uppercase());
                        up = false;
                    } else {
                        key.push(c);
                    }
                }
                out.insert(key, camel_keys(v));
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.into_iter().map(camel_keys).collect()),
        other => other,
    }
}

/// An options object: `undefined` and `null` are `{}`.
fn options_in(options: &JsValue, param: &str) -> Result<(), JsValue> {
    if options.is_undefined() || options.is_null() || (options.is_object() && !options.is_array()) {
        Ok(())
    } else {
        Err(error::argument(
            param,
            format!(
                "expected an options object, got {}",
                crate::convert::type_of(options)
            ),
        ))
    }
}

/// The SLA compliance report of `tickets` registered in `[options.from,
/// options.to)` (either bound optional), read at `options.now`.
#[wasm_bindgen]
pub fn compliance(
    regulation: &WasmRegulation,
    tickets: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let (_, tickets) = tickets_in(&tickets)?;
    options_in(&options, "options")?;
    let from = opt_instant_in(&option(&options, "from"), "options.from")?;
    let to = opt_instant_in(&option(&options, "to"), "options.to")?;
    let now = instant_in(&option(&options, "now"), "options.now")?;
    let r = reglament::report::compliance(&regulation.inner, &tickets, from, to, now).js()?;
    Ok(ser_out(&r))
}

/// Replays `events` under regulation `a` and under `b` and reports what
/// differs (each event's fate, the final status, the clocks), read at `now`
/// (default: the last event's instant). `options`: `{now?, id?}`. Nothing
/// is stored.
#[wasm_bindgen(js_name = whatIf)]
pub fn what_if(
    a: &WasmRegulation,
    b: &WasmRegulation,
    events: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let events = events_in(&events)?;
    options_in(&options, "options")?;
    let now = opt_instant_in(&option(&options, "now"), "options.now")?;
    let id = option(&options, "id");
    let id = if id.is_undefined() || id.is_null() {
        "T".to_string()
    } else {
        string_in(&id, "options.id")?
    };
    let w = reglament::report::what_if(&a.inner, &b.inner, &id, &events, now).js()?;
    Ok(ser_out(&w))
}

/// An array of events; the first that does not parse throws, naming `events[i]`.
fn events_in(events: &JsValue) -> Result<Vec<Event>, JsValue> {
    if !events.is_array() {
        return Err(error::argument(
            "events",
            format!(
                "expected an array of events, got {}",
                crate::convert::type_of(events)
            ),
        ));
    }
    let arr = js_sys::Array::from(events);
    let mut parsed = Vec::with_capacity(arr.length() as usize);
    for (i, e) in arr.iter().enumerate() {
        parsed.push(event_in(&e, &format!("events[{i}]"))?);
    }
    Ok(parsed)
}

/// The waiting requests of `tickets` in the queue order of clause 3.3
/// (priority first, submission time second): the same objects.
#[wasm_bindgen]
pub fn queue(tickets: JsValue) -> Result<js_sys::Array, JsValue> {
    let (arr, copies) = tickets_in(&tickets)?;
    // each copy's position by its address: one pass, not a search per item
    let at: std::collections::HashMap<*const Ticket, u32> = copies
        .iter()
        .enumerate()
        .map(|(i, c)| (c as *const Ticket, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let out = js_sys::Array::new();
    for t in reglament::report::queue(copies.iter()) {
        if let Some(p) = at.get(&(t as *const Ticket)) {
            out.push(&arr.get(*p));
        }
    }
    Ok(out)
}

/// A request's clocks from its last event on, read at any later `now` for
/// one calendar lookup and a copy: what `Ticket.clocks`, a summary of it,
/// and `Ticket.nextChangeAt` give for the request as it was when the plan
/// was made. An earlier `now` is refused.
#[wasm_bindgen(js_name = ClockPlan)]
pub struct WasmClockPlan {
    inner: reglament::sla::ClockPlan,
}

#[wasm_bindgen(js_class = ClockPlan)]
impl WasmClockPlan {
    /// The first `now` the plan answers for: the request's last event.
    #[wasm_bindgen(getter, js_name = validFrom)]
    pub fn valid_from(&self) -> String {
        instant_out(self.inner.valid_from())
    }

    /// For `console.log` and string templates: `ClockPlan(from …)`.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_(&self) -> String {
        format!("ClockPlan(from {})", instant_out(self.inner.valid_from()))
    }

    /// The SLA clocks at `now` (as `Ticket.clocks`).
    pub fn clocks(&self, now: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let now = instant_in(&now, "now")?;
        let camel = camel_option(&options)?;
        Ok(keys_out(self.inner.clocks(now).js()?.to_value(), camel))
    }

    /// The clocks at `now` without their records (thresholds, due history,
    /// extensions, pauses): states, dues, breaches, `next_change_at`.
    #[wasm_bindgen(js_name = clocksSummary)]
    pub fn clocks_summary(&self, now: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let now = instant_in(&now, "now")?;
        let camel = camel_option(&options)?;
        Ok(keys_out(
            self.inner.clocks_summary(now).js()?.to_value(),
            camel,
        ))
    }

    /// The earliest instant after `now` at which a clock or rule changes
    /// state, or `null` (as `Ticket.nextChangeAt`).
    #[wasm_bindgen(js_name = nextChangeAt)]
    pub fn next_change_at(&self, now: JsValue) -> Result<JsValue, JsValue> {
        let now = instant_in(&now, "now")?;
        Ok(nullable(opt_instant_out(
            self.inner.next_change_at(now).js()?,
        )))
    }
}
