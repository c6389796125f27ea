//! Status codes and the error object of the C API.

use std::ffi::{c_char, CStr, CString};
use std::ptr;

use crate::guard::{self, Failure};

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

    fn from_i32(v: i32) -> Option<ReglamentStatus> {
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
    status: ReglamentStatus,
    code: CString,
    message: CString,
    message_uk: Option<CString>,
    field: Option<CString>,
    clause: Option<CString>,
    json: CString,
}

/// A C string from arbitrary text (an interior NUL becomes U+FFFD).
pub(crate) fn c_string(s: &str) -> CString {
    CString::new(s)
        .unwrap_or_else(|_| CString::new(s.replace('\0', "\u{FFFD}")).unwrap_or_default())
}

impl ReglamentError {
    pub(crate) fn from_failure(f: Failure) -> ReglamentError {
        let f = *f.0;
        let refusal_json = f.refusal.as_ref().map(refusal_value);
        let mut json = serde_json::json!({
            "status": f.status.name().to_str().unwrap_or_default(),
            "code": f.code,
            "message": f.message,
            "field": f.field,
            "clause": f.refusal.as_ref().map(|r| r.clause),
        });
        if let (Some(obj), Some(r)) = (json.as_object_mut(), refusal_json) {
            obj.insert("refusal".into(), r);
        }
        ReglamentError {
            status: f.status,
            code: c_string(&f.code),
            message: c_string(&f.message),
            message_uk: f
                .refusal
                .as_ref()
                .map(|r| c_string(&guard::with_field(r.field, &r.message_uk))),
            field: f.field.as_deref().map(c_string),
            clause: f.refusal.as_ref().map(|r| c_string(r.clause)),
            json: c_string(&json.to_string()),
        }
    }
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

fn opt_ptr(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(ptr::null(), |s| s.as_ptr())
}

/// Reads an error object; NULL (or a pointer that is not an error) gives None.
///
/// # Safety
/// `err` is NULL or a live error object.
unsafe fn error_ref<'a>(err: *const ReglamentError) -> Option<&'a ReglamentError> {
    if err.is_null() || !err.is_aligned() {
        return None;
    }
    // SAFETY: non-null, aligned, and the caller promises a live object.
    Some(unsafe { &*err })
}

/// The status of the failed call that produced `err`.
///
/// Returns `REGLAMENT_STATUS_INVALID_ARGUMENT` when `err` is NULL.
///
/// # Safety
/// `err` is NULL or an error object not yet freed.
#[no_mangle]
pub unsafe extern "C" fn reglament_error_status(err: *const ReglamentError) -> ReglamentStatus {
    guard::infallible(ReglamentStatus::Panic, || {
        // SAFETY: forwarded contract.
        unsafe { error_ref(err) }.map_or(ReglamentStatus::InvalidArgument, |e| e.status)
    })
}

/// The stable machine-readable code of the error: for bad input the core's
/// code (`invalid_json`, `unknown_field`, `out_of_range`, ...) or the C API's
/// own (`null_argument`, `invalid_utf8`, `invalid_argument`); for a refusal
/// the refusal code (`wrong_status`, `role_not_allowed`, `approval_required`,
/// ...); `panic` for a caught defect.
///
/// Returns NULL when `err` is NULL. The string belongs to `err`.
///
/// # Safety
/// `err` is NULL or an error object not yet freed.
#[no_mangle]
pub unsafe extern "C" fn reglament_error_code(err: *const ReglamentError) -> *const c_char {
    guard::infallible(ptr::null(), || {
        // SAFETY: forwarded contract.
        unsafe { error_ref(err) }.map_or(ptr::null(), |e| e.code.as_ptr())
    })
}

/// The explanation in English (UTF-8), prefixed by the field path when the
/// error (a refusal too) is about one field (`week.mon[0][1]: ...`). A piece
/// of the caller's input the message quotes is cut after 200 characters and
/// marked `…[N more characters cut]`.
///
/// Returns NULL when `err` is NULL. The string belongs to `err`.
///
/// # Safety
/// `err` is NULL or an error object not yet freed.
#[no_mangle]
pub unsafe extern "C" fn reglament_error_message(err: *const ReglamentError) -> *const c_char {
    guard::infallible(ptr::null(), || {
        // SAFETY: forwarded contract.
        unsafe { error_ref(err) }.map_or(ptr::null(), |e| e.message.as_ptr())
    })
}

/// The explanation in Ukrainian (UTF-8) for a refusal, prefixed like
/// `reglament_error_message` by the field path when the refusal is about one
/// field (`action: ...`); NULL for other errors (their messages are English
/// only) and when `err` is NULL.
/// The string belongs to `err`.
///
/// # Safety
/// `err` is NULL or an error object not yet freed.
#[no_mangle]
pub unsafe extern "C" fn reglament_error_message_uk(err: *const ReglamentError) -> *const c_char {
    guard::infallible(ptr::null(), || {
        // SAFETY: forwarded contract.
        unsafe { error_ref(err) }.map_or(ptr::null(), |e| opt_ptr(&e.message_uk))
    })
}

/// The input field the error is about, as a JSON path (`calendar.week.mon[0][1]`),
/// or the name of the C parameter at fault for `REGLAMENT_STATUS_INVALID_ARGUMENT`;
/// NULL when there is none. The string belongs to `err`.
///
/// # Safety
/// `err` is NULL or an error object not yet freed.
#[no_mangle]
pub unsafe extern "C" fn reglament_error_field(err: *const ReglamentError) -> *const c_char {
    guard::infallible(ptr::null(), || {
        // SAFETY: forwarded contract.
        unsafe { error_ref(err) }.map_or(ptr::null(), |e| opt_ptr(&e.field))
    })
}

/// The clause of the regulation that refused the event (`"3.6"`, or `"§2"` /
/// `"§3"` for the product's own rules) when the status is
/// `REGLAMENT_STATUS_REFUSED`; NULL otherwise. The string belongs to `err`.
///
/// # Safety
/// `err` is NULL or an error object not yet freed.
#[no_mangle]
pub unsafe extern "C" fn reglament_error_clause(err: *const ReglamentError) -> *const c_char {
    guard::infallible(ptr::null(), || {
        // SAFETY: forwarded contract.
        unsafe { error_ref(err) }.map_or(ptr::null(), |e| opt_ptr(&e.clause))
    })
}

/// The whole error as one JSON object:
/// `{"status": "refused", "code": "...", "message": "...", "field": ...,
/// "clause": ..., "refusal": {...}}`: `field` and `clause` are always
/// present (`null` when there is none); `refusal` only for a refusal: the
/// core's refusal object with `clause`, `code`, `kind`, `role`, `status`,
/// `field` (`null` when none), `message_uk`, `message_en` (those two without
/// the field prefix). For logs and for bindings that prefer one call.
///
/// Returns NULL when `err` is NULL. The string belongs to `err`.
///
/// # Safety
/// `err` is NULL or an error object not yet freed.
#[no_mangle]
pub unsafe extern "C" fn reglament_error_json(err: *const ReglamentError) -> *const c_char {
    guard::infallible(ptr::null(), || {
        // SAFETY: forwarded contract.
        unsafe { error_ref(err) }.map_or(ptr::null(), |e| e.json.as_ptr())
    })
}

/// Frees an error object. NULL is accepted and ignored.
///
/// # Safety
/// `err` is NULL or an error object returned by this library and not yet
/// freed; it must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn reglament_error_free(err: *mut ReglamentError) {
    guard::infallible((), || {
        if !err.is_null() && err.is_aligned() {
            // SAFETY: the caller hands back a Box this library leaked.
            drop(unsafe { Box::from_raw(err) });
        }
    })
}

/// The stable lower-case name of a status (`"ok"`, `"invalid_argument"`,
/// `"invalid_input"`, `"out_of_range"`, `"no_working_time"`, `"refused"`,
/// `"panic"`), or `"unknown"` for a value this version does not define.
/// The string is static: never free it.
#[no_mangle]
pub extern "C" fn reglament_status_name(status: i32) -> *const c_char {
    guard::infallible(c"unknown".as_ptr(), || {
        ReglamentStatus::from_i32(status)
            .map_or(c"unknown", ReglamentStatus::name)
            .as_ptr()
    })
}
