//! The period SLA report in JavaScript (DESIGN §6): `report(regulation,
//! requests, options)` gives the JSON form (schemas/report.schema.json).
//! Conversions only: every rule is the core's.

use reglament::record::Versions;
use reglament::report::period::{Bucketing, Judge, Options, Report, Request};
use reglament::ticket::Event;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::convert::{doc_in, ser_out};
use crate::error::{self, OrJs};
use crate::regulation::WasmRegulation;

fn text_of<'a>(o: &'a Value, key: &str) -> Result<&'a str, JsValue> {
    o.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| error::argument(&format!("options.{key}"), "expected a string"))
}

/// The period report of `requests` (`[{id, events}]`) judged by
/// `regulation`, or by `options.contract` (a contract document
/// `{"versions": [...]}`) when given; `options`: `{from, to, now, by?,
/// target_percent?}` (`from`/`to` local dates `YYYY-MM-DD`, `now` RFC 3339,
/// `by` month | week | none).
#[wasm_bindgen]
pub fn report(
    regulation: &WasmRegulation,
    requests: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let o = doc_in(&options, "options")?;
    let date = |key: &str| -> Result<chrono::NaiveDate, JsValue> {
        text_of(&o, key)?
            .parse()
            .map_err(|_| error::argument(&format!("options.{key}"), "expected a date YYYY-MM-DD"))
    };
    let by = match o.get("by").and_then(Value::as_str) {
        None => Bucketing::Month,
        Some(b) => b.parse().map_err(|_| {
            error::argument(
                "options.by",
                format!("{b:?} is not one of month, week, none"),
            )
        })?,
    };
    let options_core = Options {
        from: date("from")?,
        to: date("to")?,
        now: reglament::instant::parse(text_of(&o, "now")?)
            .map_err(|e| e.within("options.now"))
            .js()?,
        by,
        target_percent: o.get("target_percent").and_then(Value::as_f64),
    };
    let list = doc_in(&requests, "requests")?;
    let list = list
        .as_array()
        .ok_or_else(|| error::argument("requests", "expected an array of {id, events}"))?;
    let mut parsed: Vec<(String, Vec<Event>)> = Vec::with_capacity(list.len());
    for (i, r) in list.iter().enumerate() {
        let id = r
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| error::argument(&format!("requests[{i}].id"), "expected a string"))?;
        let events = r.get("events").and_then(Value::as_array).ok_or_else(|| {
            error::argument(
                &format!("requests[{i}].events"),
                "expected an array of events",
            )
        })?;
        let events = events
            .iter()
            .enumerate()
            .map(|(j, e)| Event::from_value(e, &format!("requests[{i}].events[{j}]")))
            .collect::<reglament::Result<Vec<_>>>()
            .js()?;
        parsed.push((id.to_string(), events));
    }
    let input: Vec<Request<'_>> = parsed
        .iter()
        .map(|(id, events)| Request {
            id,
            events,
            head: None,
        })
        .collect();
    let contract = match o.get("contract") {
        None | Some(Value::Null) => None,
        Some(c) => Some(
            Versions::from_value(c)
                .map_err(|e| e.within("options.contract"))
                .js()?,
        ),
    };
    let judge = match &contract {
        Some(c) => Judge::Contract(c),
        None => Judge::One(&regulation.inner),
    };
    let r = Report::build(judge, &input, &options_core).js()?;
    Ok(ser_out(&r))
}
