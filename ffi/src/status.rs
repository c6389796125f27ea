//! The C API's status codes and its error object: the types, apart from
//! the functions that read them (`error.rs`) and the guard that fills them.

use std::ffi::{CStr, CString};

/// What a fallible call of the library returned.
///
/// Every fallible function returns one of these. `REGLAMENT_STATUS_OK` is
/// zero; any other value is a failure and, when the caller passed a non-NULL
/// `reglament_error **`, an error object describing it was stored there.
///
/// The statuses fall into three groups a host treats differently:
/// * bad input from the caller (`INVALID_ARGUMENT`, `INVALID_INPUT`,
///   `OUT_OF_RANGE`, `NO_WORKING_TIME`): fix the call or the data;
/// * a refusal by the regulation (`REFUSED`): the input was well-formed, the
///   regulation forbids it; the error carries the clause, the refusal code
///   and sentences in Ukrainian and English to show to a person;
/// * a defect of the library (`PANIC`): report it.
///
/// The C type is the enum `reglament_status` (the size of an `int`), so a
/// compiler checks a `switch` over it; a future version may add values, so
/// hosts should treat unknown non-zero values as failures (a `default:`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReglamentStatus {
    /// Success.
    Ok = 0,
    /// The call broke the calling convention: a NULL handle, output pointer
    /// or buffer (with a non-zero length), a misaligned pointer, a handle of
    /// the wrong type, text that is not valid UTF-8. Codes: `null_argument`,
    /// `invalid_utf8`, `invalid_argument`.
    InvalidArgument = 1,
    /// A document or value is malformed or breaks a format rule: invalid
    /// JSON, an unknown or missing field, an invalid value, an unknown time
    /// zone, an invalid RFC 3339 instant, contradictory parts. The error's
    /// code is the core's (`invalid_json`, `unknown_field`, `missing_field`,
    /// `invalid_value`, `unknown_timezone`, `invalid_instant`, `conflict`)
    /// and its field is the JSON path at fault, when there is one.
    InvalidInput = 2,
    /// An instant, date or duration outside the supported range (code
    /// `out_of_range`). Calendars support 1970-01-01T00:00:00Z to
    /// 2100-01-01T00:00:00Z, and a calendar with a holiday preset the
    /// preset's years only.
    OutOfRange = 3,
    /// The calendar has no working time where the operation needs some
    /// (code `no_working_time`).
    NoWorkingTime = 4,
    /// The regulation refused the event: the request did not change. The
    /// error carries the clause, the refusal code (e.g. `wrong_status`), the
    /// actor's role, the request's status and the explanation in Ukrainian
    /// and English.
    Refused = 5,
    /// A defect inside the library was caught at the boundary (code
    /// `panic`). The handles passed to the call may be freed; whether their
    /// state is still meaningful is unspecified.
    Panic = 6,
}

impl ReglamentStatus {
    /// The stable lower-case name of the status.
    pub(crate) fn name(self) -> &'static CStr {
        match self {
            ReglamentStatus::Ok => c"ok",
            ReglamentStatus::InvalidArgument => c"invalid_argument",
            ReglamentStatus::InvalidInput => c"invalid_input",
            ReglamentStatus::OutOfRange => c"out_of_range",
            ReglamentStatus::NoWorkingTime => c"no_working_time",
            ReglamentStatus::Refused => c"refused",
            ReglamentStatus::Panic => c"panic",
        }
    }

    pub(crate) fn from_i32(v: i32) -> Option<ReglamentStatus> {
        Some(match v {
            0 => ReglamentStatus::Ok,
            1 => ReglamentStatus::InvalidArgument,
            2 => ReglamentStatus::InvalidInput,
            3 => ReglamentStatus::OutOfRange,
            4 => ReglamentStatus::NoWorkingTime,
            5 => ReglamentStatus::Refused,
            6 => ReglamentStatus::Panic,
            _ => return None,
        })
    }
}

/// Describes a failed call: its status, a stable code, a message, and for a
/// refusal the clause of the regulation and the Ukrainian sentence.
///
/// Created by the library when a call fails and the caller passed a non-NULL
/// `reglament_error **`; owned by the caller, who frees it with
/// `reglament_error_free`. Its strings belong to it and stay valid until it is
/// freed.
///
/// Thread safety: immutable; may be read from several threads at once and
/// freed from any thread (once, after the last read).
pub struct ReglamentError {
    pub(crate) status: ReglamentStatus,
    pub(crate) code: CString,
    pub(crate) message: CString,
    pub(crate) message_uk: Option<CString>,
    pub(crate) field: Option<CString>,
    pub(crate) clause: Option<CString>,
    pub(crate) json: CString,
}

/// A C string from arbitrary text (an interior NUL becomes U+FFFD).
pub(crate) fn c_string(s: &str) -> CString {
    CString::new(s)
        .unwrap_or_else(|_| CString::new(s.replace('\0', "\u{FFFD}")).unwrap_or_default())
}

/// A refusal as JSON, `field` always present (`null` when the refusal is
/// not about one field), as in the error's JSON.
pub(crate) fn refusal_value(r: &reglament::ticket::Refusal) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.entry("field").or_insert(serde_json::Value::Null);
    }
    v
}
