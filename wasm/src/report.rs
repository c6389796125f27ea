//! The period SLA report in JavaScript (DESIGN §6): `report(regulation,
//! requests, options)` gives the JSON form (schemas/report.schema.json).
//! Conversions only: every rule is the core's.

use reglament::report::period::{requests_from_value, Judge, Options, Report, Request};
use wasm_bindgen::prelude::*;

use crate::convert::{doc_in, ser_out};
use crate::error::OrJs;
use crate::regulation::WasmRegulation;

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
    let (options_core, contract) = Options::from_value(&o).js()?;
    let list = doc_in(&requests, "requests")?;
    let parsed = requests_from_value(&list).js()?;
    let input: Vec<Request<'_>> = parsed
        .iter()
        .map(|(id, events)| Request {
            id,
            events,
            head: None,
        })
        .collect();
    let judge = match &contract {
        Some(c) => Judge::Contract(c),
        None => Judge::One(&regulation.inner),
    };
    let r = Report::build(judge, &input, &options_core).js()?;
    Ok(ser_out(&r))
}
