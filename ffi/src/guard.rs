//! The boundary: every exported function runs its body through [`run`] (or
//! [`infallible`]), which catches panics, and reads its arguments through
//! the checked helpers here, which turn NULL, misaligned pointers, handles
//! of the wrong type and invalid UTF-8 into failures instead of crashes.

use std::any::Any;
use std::ffi::c_char;
use std::panic::{self, AssertUnwindSafe};
use std::ptr;

use reglament::{Error, ErrorKind};

use crate::status::{c_string, ReglamentError, ReglamentStatus};

/// A failed call before it becomes a `reglament_error`: boxed, so that the
/// `Result`s of the hot path stay two words wide.
pub(crate) struct Failure(pub(crate) Box<Info>);

/// What a [`Failure`] says.
pub(crate) struct Info {
    pub(crate) status: ReglamentStatus,
    pub(crate) code: String,
    pub(crate) message: String,
    pub(crate) field: Option<String>,
    pub(crate) refusal: Option<reglament::ticket::Refusal>,
}

impl Failure {
    /// A failure with a status, a stable code and a message.
    pub(crate) fn new(
        status: ReglamentStatus,
        code: &str,
        message: String,
        field: Option<String>,
    ) -> Failure {
        Failure(Box::new(Info {
            status,
            code: code.to_string(),
            message: reglament::error::cap_quoted(message),
            field: field.map(reglament::error::cap),
            refusal: None,
        }))
    }

    /// A failure that cannot happen unless this library is wrong (a core
    /// value that does not serialize): status PANIC, code `panic`.
    #[cold]
    pub(crate) fn internal(what: impl std::fmt::Display) -> Failure {
        Failure::new(
            ReglamentStatus::Panic,
            "panic",
            format!("internal error in reglament (please report it): {what}"),
            None,
        )
    }

    /// A broken calling convention about the C parameter `param`.
    #[cold]
    #[inline(never)]
    pub(crate) fn argument(code: &str, param: &str, message: String) -> Failure {
        Failure::new(
            ReglamentStatus::InvalidArgument,
            code,
            format!("{param}: {message}"),
            Some(param.to_string()),
        )
    }

    /// The same argument failure about element `i` of the array parameter it
    /// names (`tickets` becomes `tickets[3]`, in the field and the message).
    #[cold]
    pub(crate) fn element(mut self, i: usize) -> Failure {
        if let Some(param) = self.0.field.take() {
            let named = format!("{param}[{i}]");
            if let Some(rest) = self.0.message.strip_prefix(param.as_str()) {
                self.0.message = format!("{named}{rest}");
            }
            self.0.field = Some(named);
        }
        self
    }

    /// A refusal by the regulation.
    /// Its messages, like every other error's, start with the field path
    /// when the refusal is about one field (`action: ...`).
    pub(crate) fn refused(r: &reglament::ticket::Refusal) -> Failure {
        Failure(Box::new(Info {
            status: ReglamentStatus::Refused,
            code: r.code.code().to_string(),
            message: with_field(r.field, &r.message_en()),
            field: r.field.map(str::to_string),
            refusal: Some(r.clone()),
        }))
    }

    /// The status of the failure.
    pub(crate) fn status(&self) -> ReglamentStatus {
        self.0.status
    }

    fn panic(payload: Box<dyn Any + Send>) -> Failure {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic payload".to_string());
        // The payload is dropped here, inside the caller's catch_unwind.
        drop(payload);
        Failure::new(
            ReglamentStatus::Panic,
            "panic",
            format!("internal error in reglament (please report it): {what}"),
            None,
        )
    }
}

/// `field: message` when there is a field, else the message.
pub(crate) fn with_field(field: Option<&str>, message: &str) -> String {
    match field {
        Some(f) => format!("{f}: {message}"),
        None => message.to_string(),
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        let status = match e.kind() {
            ErrorKind::OutOfRange => ReglamentStatus::OutOfRange,
            ErrorKind::NoWorkingTime => ReglamentStatus::NoWorkingTime,
            _ => ReglamentStatus::InvalidInput,
        };
        // the core has already cut the input it quotes
        Failure(Box::new(Info {
            status,
            code: e.code().to_string(),
            message: e.to_string(),
            field: e.field().map(str::to_string),
            refusal: None,
        }))
    }
}

/// The result of a call body.
pub(crate) type FfiResult<T = ()> = Result<T, Failure>;

/// Runs the body of a fallible exported function: clears `*err` first (when
/// `err` is not NULL), catches any panic, and on failure stores a new
/// error object in `*err` and returns its status. A misaligned `err` is
/// refused before anything else: the body does not run and the status is
/// `INVALID_ARGUMENT` (there is nowhere to store an error object).
#[inline]
pub(crate) fn run(
    err: *mut *mut ReglamentError,
    body: impl FnOnce() -> FfiResult,
) -> ReglamentStatus {
    if !err.is_aligned() {
        // Nowhere to report it and nothing done: the status alone tells.
        return ReglamentStatus::InvalidArgument;
    }
    let err_ok = !err.is_null();
    if err_ok {
        // SAFETY: non-null and aligned; the caller promises it is writable.
        unsafe { err.write(ptr::null_mut()) };
    }
    let failure = match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return ReglamentStatus::Ok,
        Ok(Err(f)) => f,
        Err(payload) => {
            // Dropping a panic payload can itself panic: stay inside a guard.
            match panic::catch_unwind(AssertUnwindSafe(|| Failure::panic(payload))) {
                Ok(f) => f,
                Err(p) => {
                    std::mem::forget(p);
                    return ReglamentStatus::Panic;
                }
            }
        }
    };
    let status = failure.status();
    if err_ok {
        if let Ok(e) =
            panic::catch_unwind(AssertUnwindSafe(|| ReglamentError::from_failure(failure)))
        {
            // SAFETY: as above.
            unsafe { err.write(Box::into_raw(Box::new(e))) };
        }
    }
    status
}

/// Runs the body of an infallible exported function (accessors, frees),
/// returning `fallback` if it panics.
pub(crate) fn infallible<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(v) => v,
        Err(p) => {
            // Dropping a panic payload can itself panic: drop it under a
            // guard, and forget only the payload of such a second panic.
            if let Err(again) = panic::catch_unwind(AssertUnwindSafe(move || drop(p))) {
                std::mem::forget(again);
            }
            fallback
        }
    }
}

/// Borrows UTF-8 text given as pointer + length. NULL with length 0 is the
/// empty text; NULL with a non-zero length, a length beyond `isize::MAX` and
/// invalid UTF-8 are failures.
///
/// # Safety
/// When `ptr` is not NULL, `len` bytes at `ptr` are readable for `'a`.
#[inline]
pub(crate) unsafe fn text<'a>(ptr: *const c_char, len: usize, param: &str) -> FfiResult<&'a str> {
    if ptr.is_null() {
        if len == 0 {
            return Ok("");
        }
        return Err(Failure::argument(
            "null_argument",
            param,
            format!("NULL buffer with length {len}"),
        ));
    }
    if len > isize::MAX as usize {
        return Err(Failure::argument(
            "invalid_argument",
            param,
            format!("length {len} is larger than any buffer"),
        ));
    }
    // SAFETY: the caller promises `len` readable bytes at a non-null `ptr`;
    // u8 has alignment 1.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::argument(
            "invalid_utf8",
            param,
            format!("not valid UTF-8 (byte {} is wrong)", e.valid_up_to()),
        )
    })
}

/// Checks an output pointer (non-NULL, aligned) and returns it.
#[inline]
pub(crate) fn out<T>(ptr: *mut T, param: &str) -> FfiResult<*mut T> {
    if ptr.is_null() {
        return Err(Failure::argument(
            "null_argument",
            param,
            "the output pointer is NULL".into(),
        ));
    }
    if !ptr.is_aligned() {
        return Err(Failure::argument(
            "invalid_argument",
            param,
            "the output pointer is misaligned".into(),
        ));
    }
    Ok(ptr)
}

/// Writes through a checked output pointer.
///
/// # Safety
/// `ptr` came from [`out`] and the caller promised it is writable.
#[inline]
pub(crate) unsafe fn put<T>(ptr: *mut T, value: T) {
    // SAFETY: checked non-null and aligned by `out`; writable by contract.
    unsafe { ptr.write(value) }
}

/// Hands a string to C; the caller frees it with `reglament_string_free`.
pub(crate) fn owned_string(s: &str) -> *mut c_char {
    c_string(s).into_raw()
}

/// An opaque handle type seen from C. The C type is a marker that is never
/// instantiated; the pointer handed to C points to a [`Tagged`] value whose
/// tag identifies the type, so that a handle of another type (or a freed
/// one whose memory was not reused) is refused instead of misread.
pub(crate) trait Handle {
    /// What the handle holds.
    type Inner;
    /// The tag of live handles of this type.
    const TAG: u64;
    /// The C name of the type, for messages.
    const NAME: &'static str;
}

/// The allocation behind a handle: the tag first, at the same offset for
/// every handle type.
#[repr(C)]
pub(crate) struct Tagged<T> {
    tag: u64,
    value: T,
}

/// Checks a handle pointer and returns the allocation behind it.
///
/// # Safety
/// When not NULL, `ptr` points to readable memory of at least 8 bytes (a
/// live handle of some type of this library, in any correct program).
#[inline]
unsafe fn tagged<H: Handle>(ptr: *const H, param: &str) -> FfiResult<*mut Tagged<H::Inner>> {
    let p = ptr.cast::<Tagged<H::Inner>>().cast_mut();
    if p.is_null() {
        return Err(Failure::argument(
            "null_argument",
            param,
            format!("the {} handle is NULL", H::NAME),
        ));
    }
    if !p.is_aligned() {
        return Err(Failure::argument(
            "invalid_argument",
            param,
            format!("misaligned {} handle", H::NAME),
        ));
    }
    // SAFETY: non-null, aligned; every handle starts with its u64 tag.
    let tag = unsafe { std::ptr::addr_of!((*p).tag).read() };
    if tag != H::TAG {
        return Err(Failure::argument(
            "invalid_argument",
            param,
            format!("not a live {} handle", H::NAME),
        ));
    }
    Ok(p)
}

/// Borrows what a handle holds: NULL, misaligned or of another type is a failure.
///
/// # Safety
/// As for [`tagged`]; and a handle with the right tag is live.
#[inline]
pub(crate) unsafe fn handle<'a, H: Handle>(ptr: *const H, param: &str) -> FfiResult<&'a H::Inner> {
    // SAFETY: forwarded contract.
    let p = unsafe { tagged(ptr, param) }?;
    // SAFETY: a live handle of this type.
    Ok(unsafe { &(*p).value })
}

/// Borrows what a handle holds mutably, with the checks of [`handle`].
///
/// # Safety
/// As for [`handle`], and no other reference to the handle is alive.
#[inline]
pub(crate) unsafe fn handle_mut<'a, H: Handle>(
    ptr: *mut H,
    param: &str,
) -> FfiResult<&'a mut H::Inner> {
    // SAFETY: forwarded contract.
    let p = unsafe { tagged(ptr, param) }?;
    // SAFETY: a live handle of this type, exclusive by contract.
    Ok(unsafe { &mut (*p).value })
}

/// Moves a new handle to C.
pub(crate) fn into_raw<H: Handle>(value: H::Inner) -> *mut H {
    Box::into_raw(Box::new(Tagged { tag: H::TAG, value })).cast()
}

/// Frees a handle; NULL, misaligned pointers and pointers that are not live
/// handles of this type are ignored.
///
/// # Safety
/// `ptr` is NULL or was returned by [`into_raw`] for this type and not freed.
pub(crate) unsafe fn free<H: Handle>(ptr: *mut H) {
    infallible((), || {
        // SAFETY: forwarded contract.
        if let Ok(p) = unsafe { tagged(ptr, "handle") } {
            // SAFETY: a live handle of this type, leaked by `into_raw`.
            let mut b = unsafe { Box::from_raw(p) };
            // Volatile, so the store before the free is not elided: a second
            // free of the same pointer then most likely sees a dead tag.
            // SAFETY: a valid, aligned field.
            unsafe { std::ptr::write_volatile(&mut b.tag, 0) };
            drop(b);
        }
    })
}

/// A JSON document as a value; malformed text is `invalid_json`.
pub(crate) fn json_value(text: &str, what: &str) -> FfiResult<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| {
        Failure::new(
            ReglamentStatus::InvalidInput,
            reglament::ErrorKind::InvalidJson.code(),
            format!("{what} is not valid JSON: {e}"),
            None,
        )
    })
}

/// The error object a failure becomes at the boundary.
impl ReglamentError {
    pub(crate) fn from_failure(f: Failure) -> ReglamentError {
        let f = *f.0;
        let refusal_json = f.refusal.as_ref().map(crate::status::refusal_value);
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
                .map(|r| c_string(&with_field(r.field, &r.message_uk()))),
            field: f.field.as_deref().map(c_string),
            clause: f.refusal.as_ref().map(|r| c_string(r.clause)),
            json: c_string(&json.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn a_panic_becomes_a_status_and_an_error() {
        let mut err: *mut ReglamentError = ptr::null_mut();
        let status = run(&mut err, || panic!("boom {}", 42));
        assert_eq!(status, ReglamentStatus::Panic);
        assert!(!err.is_null());
        // SAFETY: the error object run() just stored.
        unsafe {
            assert_eq!(
                crate::error::reglament_error_status(err),
                ReglamentStatus::Panic
            );
            let code = CStr::from_ptr(crate::error::reglament_error_code(err));
            assert_eq!(code.to_str().unwrap(), "panic");
            let message = CStr::from_ptr(crate::error::reglament_error_message(err));
            assert!(message.to_str().unwrap().contains("boom 42"));
            crate::error::reglament_error_free(err);
        }
        // without an error pointer, the status alone
        assert_eq!(
            run(ptr::null_mut(), || panic!("again")),
            ReglamentStatus::Panic
        );
        assert_eq!(infallible(7, || panic!("accessor")), 7);
    }

    #[test]
    fn a_misaligned_error_pointer_is_refused_before_the_body_runs() {
        let mut slots = [ptr::null_mut::<ReglamentError>(); 2];
        let misaligned = slots
            .as_mut_ptr()
            .cast::<u8>()
            .wrapping_add(1)
            .cast::<*mut ReglamentError>();
        let mut ran = false;
        let status = run(misaligned, || {
            ran = true;
            Ok(())
        });
        assert_eq!(status, ReglamentStatus::InvalidArgument);
        assert!(!ran);
        assert!(slots.iter().all(|p| p.is_null()));
    }

    #[test]
    fn success_clears_the_error_pointer() {
        let mut err = 8usize as *mut ReglamentError;
        assert_eq!(run(&mut err, || Ok(())), ReglamentStatus::Ok);
        assert!(err.is_null());
    }
}
