//! The contract record in JavaScript: `chain`, `verify`, `chainHead`,
//! `merkleRoot` (DESIGN §5). Conversions only: every rule is the core's.

use reglament::record;
use reglament::ticket::Event;
use wasm_bindgen::prelude::*;

use crate::convert::{doc_in, ser_out, string_in};
use crate::error;
use crate::regulation::WasmRegulation;

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
    js_sys::Array::from(events)
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let path = format!("events[{i}]");
            let doc = doc_in(&e, &path)?;
            Event::from_value(&doc, &path).map_err(|e| error::core(&e))
        })
        .collect()
}

/// A request's events as a hash chain: `[{seq, prev, hash, event}]`, the
/// genesis bound to the regulation's fingerprint and the request id.
#[wasm_bindgen]
pub fn chain(
    regulation: &WasmRegulation,
    id: JsValue,
    events: JsValue,
) -> Result<JsValue, JsValue> {
    let id = string_in(&id, "id")?;
    let events = events_in(&events)?;
    Ok(ser_out(&record::chain(
        regulation.inner.fingerprint(),
        &id,
        &events,
    )))
}

/// The head of a request's chain (its genesis hash for no events).
#[wasm_bindgen(js_name = chainHead)]
pub fn chain_head(
    regulation: &WasmRegulation,
    id: JsValue,
    events: JsValue,
) -> Result<String, JsValue> {
    let id = string_in(&id, "id")?;
    let events = events_in(&events)?;
    Ok(record::head(regulation.inner.fingerprint(), &id, &events))
}

/// Verifies a chained history: its text (one entry per line, as `chain`
/// entries are written with `JSON.stringify` or by `reglament chain`) or an
/// array of entries. `{ok, entries, head, first_bad, reason, field}`.
#[wasm_bindgen]
pub fn verify(
    regulation: &WasmRegulation,
    id: JsValue,
    chained: JsValue,
) -> Result<JsValue, JsValue> {
    let id = string_in(&id, "id")?;
    if let Some(text) = chained.as_string() {
        return Ok(ser_out(&record::verify(
            regulation.inner.fingerprint(),
            &id,
            &text,
        )));
    }
    if !chained.is_array() {
        return Err(error::argument(
            "chained",
            format!(
                "expected the chained text or an array of entries, got {}",
                crate::convert::type_of(&chained)
            ),
        ));
    }
    let mut entries = Vec::new();
    for (i, e) in js_sys::Array::from(&chained).iter().enumerate() {
        entries.push(doc_in(&e, &format!("chained[{i}]"))?);
    }
    Ok(ser_out(&record::verify_entries(
        regulation.inner.fingerprint(),
        &id,
        &entries,
    )))
}

/// The RFC 6962 Merkle root over `[{request, head}]` (any order).
#[wasm_bindgen(js_name = merkleRoot)]
pub fn merkle_root(heads: JsValue) -> Result<String, JsValue> {
    let v = doc_in(&heads, "heads")?;
    let pairs = record::heads_from_value(&v).map_err(|e| error::core(&e))?;
    Ok(record::merkle_root(&pairs))
}
