//! Reading the error object of the C API: its status, code, message,
//! field, clause and sentences, and freeing it.

use std::ffi::{c_char, CString};
use std::ptr;

use crate::guard;
pub use crate::status::{ReglamentError, ReglamentStatus};

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
