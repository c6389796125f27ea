//! The contract record (DESIGN §5) in SQL: the regulation's fingerprint
//! and the hash-chained history of a request. Conversions only: every rule
//! is the core's `reglament::record`.
//!
//! Left for later: the trigger does not store each accepted event's chain
//! hash yet (a host can chain its rows with `reglament.chain` in a view).

use pgrx::prelude::*;
use pgrx::JsonB;
use reglament::record;
use serde_json::Value;

use crate::cache;
use crate::convert::JsonbArg;
use crate::error::{raise_kind, OrRaise};
use crate::ticket::parse_events;

/// `sha256:<64 hex>`: the SHA-256 of the RFC 8785 form of the complete
/// regulation (`NULL`: the embedded default). Same meaning, same fingerprint.
#[pg_extern(immutable, parallel_safe)]
pub fn fingerprint(regulation: default!(Option<JsonbArg>, "NULL")) -> String {
    cache::regulation(regulation.as_ref())
        .fingerprint()
        .to_string()
}

/// The request's events as a hash chain: a `jsonb` array of `{"seq",
/// "prev", "hash", "event"}`, the genesis bound to the regulation's
/// fingerprint and `request_id`.
#[pg_extern(immutable, parallel_safe)]
pub fn chain(
    events: Option<JsonbArg>,
    request_id: String,
    regulation: default!(Option<JsonbArg>, "NULL"),
) -> Option<JsonB> {
    let events = parse_events(&events?.value("events"));
    let reg = cache::regulation(regulation.as_ref());
    let entries = record::chain(reg.fingerprint(), &request_id, &events);
    Some(JsonB(serde_json::to_value(entries).or_raise()))
}

/// The head of the request's chain (its genesis hash for no events).
#[pg_extern(immutable, parallel_safe)]
pub fn chain_head(
    events: Option<JsonbArg>,
    request_id: String,
    regulation: default!(Option<JsonbArg>, "NULL"),
) -> Option<String> {
    let events = parse_events(&events?.value("events"));
    let reg = cache::regulation(regulation.as_ref());
    Some(record::head(reg.fingerprint(), &request_id, &events))
}

/// Verifies a stored chain (a `jsonb` array of entries, in `seq` order):
/// `{"ok", "entries", "head", "first_bad", "reason", "field"}`.
#[pg_extern(immutable, parallel_safe)]
pub fn verify(
    chained: Option<JsonbArg>,
    request_id: String,
    regulation: default!(Option<JsonbArg>, "NULL"),
) -> Option<JsonB> {
    let list = chained?.value("chained");
    let Value::Array(items) = list else {
        raise_kind(
            reglament::ErrorKind::InvalidValue,
            Some("chained"),
            "expected an array of chain entries",
        );
    };
    let reg = cache::regulation(regulation.as_ref());
    let v = record::verify_entries(reg.fingerprint(), &request_id, &items);
    Some(JsonB(serde_json::to_value(v).or_raise()))
}
