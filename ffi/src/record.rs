//! The contract record (DESIGN §5): the regulation's fingerprint, hash
//! chains of a request's events, their verification and the Merkle root of
//! many heads. Conversions only: every rule is the core's `record` module.
//!
//! Thread safety: these functions share nothing; they may be called from
//! any number of threads at once (the regulation handle is only read).

use std::ffi::c_char;

use reglament::record;
use reglament::ticket::Event;
use serde_json::Value;

use crate::error::{ReglamentError, ReglamentStatus};
use crate::guard::{self, run, Failure, FfiResult};
use crate::regulation::{reg, ReglamentRegulation};

/// The inputs of the chain calls: the regulation, the request id and the
/// events of a history (JSON array or JSON Lines). An item that is not an
/// event fails the call, naming it (`events[i]...`): a chain records events,
/// so every item must be one.
///
/// # Safety
/// As the calls that use it.
unsafe fn chain_input<'a>(
    regulation: *const ReglamentRegulation,
    id: *const c_char,
    id_len: usize,
    events_json: *const c_char,
    events_len: usize,
) -> FfiResult<(&'a reglament::Regulation, &'a str, Vec<Event>)> {
    // SAFETY: forwarded contract.
    let r = unsafe { reg(regulation) }?;
    // SAFETY: forwarded contract.
    let id = unsafe { guard::text(id, id_len, "id") }?;
    // SAFETY: forwarded contract.
    let text = unsafe { guard::text(events_json, events_len, "events_json") }?;
    let events = Event::read_list(text)?
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    Ok((r, id, events))
}

/// `*out` = the regulation's fingerprint, `sha256:` and 64 lowercase hex
/// digits: the SHA-256 of the RFC 8785 canonical JSON of the complete
/// regulation (every default filled in). Two files that mean the same have
/// the same fingerprint. Free it with `reglament_string_free`.
///
/// # Safety
/// `regulation` is NULL or a live regulation; `out` is writable; `err` is
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_fingerprint(
    regulation: *const ReglamentRegulation,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(r.fingerprint())) };
        Ok(())
    })
}

/// `*out` = the complete regulation as JSON (every default filled in, every
/// set in one order): the document the fingerprint is taken of. Free it with
/// `reglament_string_free`.
///
/// # Safety
/// `regulation` is NULL or a live regulation; `out` is writable; `err` is
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_complete_json(
    regulation: *const ReglamentRegulation,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&r.to_complete_json())) };
        Ok(())
    })
}

/// `*out` = the request's events as a hash chain, JSON Lines: one
/// `{"seq","prev","hash","event"}` line per event, the genesis bound to the
/// regulation's fingerprint and the request id `id` (DESIGN §5). Free it
/// with `reglament_string_free`.
///
/// Errors: `REGLAMENT_STATUS_INVALID_INPUT` when an item is not an event
/// (field `events[i]...`); nothing is stored then.
///
/// # Safety
/// `regulation` is NULL or a live regulation; `id` and `events_json` point
/// to `id_len` and `events_len` readable bytes (or are NULL with length 0);
/// `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_chain_json(
    regulation: *const ReglamentRegulation,
    id: *const c_char,
    id_len: usize,
    events_json: *const c_char,
    events_len: usize,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let (r, id, evs) = unsafe { chain_input(regulation, id, id_len, events_json, events_len) }?;
        let mut lines = String::with_capacity(evs.len() * 300);
        for e in record::chain(r.fingerprint(), id, &evs) {
            lines.push_str(&e.to_line());
            lines.push('\n');
        }
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&lines)) };
        Ok(())
    })
}

/// `*out` = the head of the request's chain (`sha256:...`; the genesis hash
/// when there are no events). Free it with `reglament_string_free`.
///
/// Errors: as `reglament_chain_json`.
///
/// # Safety
/// As `reglament_chain_json`.
#[no_mangle]
pub unsafe extern "C" fn reglament_chain_head(
    regulation: *const ReglamentRegulation,
    id: *const c_char,
    id_len: usize,
    events_json: *const c_char,
    events_len: usize,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let (r, id, evs) = unsafe { chain_input(regulation, id, id_len, events_json, events_len) }?;
        let head = record::head(r.fingerprint(), id, &evs);
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&head)) };
        Ok(())
    })
}

/// Verifies a chained history (`chained` as `reglament_chain_json` writes
/// it) of request `id` under `regulation`. `*out` = `{"ok", "entries",
/// "head", "first_bad", "reason", "field"}`: a chain that does not hold is
/// an answer (`"ok": false`, the first entry that does not hold and why),
/// not a failure. Free it with `reglament_string_free`.
///
/// # Safety
/// `regulation` is NULL or a live regulation; `id` and `chained` point to
/// `id_len` and `chained_len` readable bytes (or are NULL with length 0);
/// `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_verify_json(
    regulation: *const ReglamentRegulation,
    id: *const c_char,
    id_len: usize,
    chained: *const c_char,
    chained_len: usize,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let id = unsafe { guard::text(id, id_len, "id") }?;
        // SAFETY: forwarded contract.
        let text = unsafe { guard::text(chained, chained_len, "chained") }?;
        let v = record::verify(r.fingerprint(), id, text);
        let json = serde_json::to_string(&v).map_err(Failure::internal)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&json)) };
        Ok(())
    })
}

/// `*out` = the RFC 6962 Merkle root (`sha256:...`) over requests' heads:
/// `heads_json` is a JSON array of `{"request": id, "head": "sha256:..."}`
/// in any order (they are sorted by request id). Free it with
/// `reglament_string_free`.
///
/// Errors: `REGLAMENT_STATUS_INVALID_INPUT` naming the item (`heads[i].head`
/// when a head is not `sha256:` and 64 lowercase hex digits, `heads[i].request`
/// for a request listed twice).
///
/// # Safety
/// `heads_json` points to `len` readable bytes (or is NULL with length 0);
/// `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_merkle_root(
    heads_json: *const c_char,
    len: usize,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let text = unsafe { guard::text(heads_json, len, "heads_json") }?;
        let v: Value = serde_json::from_str(text).map_err(|e| {
            Failure::new(
                ReglamentStatus::InvalidInput,
                reglament::ErrorKind::InvalidJson.code(),
                format!("not valid JSON: {e}"),
                Some("heads".into()),
            )
        })?;
        let pairs = record::heads_from_value(&v)?;
        let root = record::merkle_root(&pairs);
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&root)) };
        Ok(())
    })
}
