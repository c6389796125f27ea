//! The period SLA report (DESIGN §6) in C: its JSON form
//! (schemas/report.schema.json). Conversions only: every rule is the
//! core's `report::period`.
//!
//! Thread safety: shares nothing; any number of threads may call it at once
//! (the regulation handle is only read).

use std::ffi::c_char;

use reglament::report::period::{requests_from_value, Judge, Options, Report, Request};
use reglament::ErrorKind;
use serde_json::Value;

use crate::error::{ReglamentError, ReglamentStatus};
use crate::guard::{self, run, Failure, FfiResult};
use crate::regulation::{reg, ReglamentRegulation};

fn document(text: &str, what: &str) -> FfiResult<Value> {
    serde_json::from_str(text).map_err(|e| {
        Failure::new(
            ReglamentStatus::InvalidInput,
            ErrorKind::InvalidJson.code(),
            format!("{what} is not valid JSON: {e}"),
            Some(what.to_string()),
        )
    })
}

/// `*out` = the period report as JSON (schemas/report.schema.json; free it
/// with `reglament_string_free`).
///
/// `requests_json`: `[{"id": "T-1", "events": [...]}, ...]`. `options_json`:
/// `{"from": "2026-11-01", "to": "2026-12-01", "now": "2026-12-01T09:00:00Z",
/// "by": "month" | "week" | "none", "target_percent": 95, "contract":
/// {"versions": [...]}}` (`from`/`to` local dates of the regulation's zone;
/// `by`, `target_percent` and `contract` optional; with `contract` each
/// request is judged by the version in force at its registration and
/// `regulation` is not read, and may be NULL).
///
/// Errors: `REGLAMENT_STATUS_INVALID_INPUT` naming the field
/// (`options.from`, `requests[2].events[0].kind`, ...); nothing is stored.
///
/// # Safety
/// `regulation` is NULL or a live regulation; `requests_json` and
/// `options_json` point to `requests_len` and `options_len` readable bytes
/// (or are NULL with length 0); `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_report_json(
    regulation: *const ReglamentRegulation,
    requests_json: *const c_char,
    requests_len: usize,
    options_json: *const c_char,
    options_len: usize,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let requests = unsafe { guard::text(requests_json, requests_len, "requests_json") }?;
        // SAFETY: forwarded contract.
        let options = unsafe { guard::text(options_json, options_len, "options_json") }?;
        let (opts, contract) = Options::from_value(&document(options, "options")?)?;
        let parsed = requests_from_value(&document(requests, "requests")?)?;
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
            // SAFETY: forwarded contract.
            None => Judge::One(unsafe { reg(regulation) }?),
        };
        let r = Report::build(judge, &input, &opts)?;
        let json = serde_json::to_string(&r).map_err(Failure::internal)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&json)) };
        Ok(())
    })
}
