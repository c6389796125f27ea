//! The regulation file: parameters of the seed, calendar, SLA table.

use std::ffi::c_char;

use reglament::Regulation;

use crate::calendar::instant;
use crate::calendar::ReglamentCalendar;
use crate::error::{ReglamentError, ReglamentStatus};
use crate::guard::{self, run, FfiResult};

/// A validated regulation: the contract's parameters, the working-time
/// calendar, the SLA table, the pause matrix, the approval gate, the archive
/// rule.
///
/// Created by `reglament_regulation_from_json` or
/// `reglament_regulation_default`; freed by `reglament_regulation_free`.
///
/// Thread safety: immutable once created. One handle may be used by any
/// number of threads at once (also while tickets are applied against it); it
/// may be freed from any thread once no call uses it any more.
pub struct ReglamentRegulation {
    _opaque: [u8; 0],
}

handle_type!(
    ReglamentRegulation(Regulation),
    0x5245_474c_5245_4731,
    "reglament_regulation"
);

/// Borrows a regulation handle.
///
/// # Safety
/// `ptr` is NULL or a live regulation.
pub(crate) unsafe fn reg<'a>(ptr: *const ReglamentRegulation) -> FfiResult<&'a Regulation> {
    // SAFETY: forwarded contract.
    unsafe { guard::handle(ptr, "regulation") }
}

/// Parses and validates a regulation file (JSON, UTF-8; every key required,
/// unknown keys refused) and compiles its calendars.
///
/// On success stores a new regulation in `*out` (free it with
/// `reglament_regulation_free`). On failure `*out` is left unchanged.
///
/// Errors: `REGLAMENT_STATUS_INVALID_ARGUMENT` (NULL or misaligned `out`,
/// NULL `json` with a non-zero `len`, invalid UTF-8),
/// `REGLAMENT_STATUS_INVALID_INPUT` (malformed JSON, unknown or missing
/// field, invalid value; the error's field is the JSON path, e.g.
/// `sla.targets[3].response`), `REGLAMENT_STATUS_NO_WORKING_TIME` (one of
/// its calendars has no working time at all).
///
/// # Safety
/// `json` points to `len` readable bytes (or is NULL with `len` 0); `out`
/// is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut ReglamentRegulation,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let text = unsafe { guard::text(json, len, "json") }?;
        let r = Regulation::from_json(text)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::into_raw::<ReglamentRegulation>(r)) };
        Ok(())
    })
}

/// The embedded default regulation: the seed's values (working hours
/// 09:00–18:00 Europe/Kyiv with Ukrainian holidays, archive 10 calendar days
/// after Release, contact change notice within 2 working days) and the
/// example SLA table (labelled as an example).
///
/// On success stores a new regulation in `*out` (free it with
/// `reglament_regulation_free`).
///
/// # Safety
/// `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_default(
    out: *mut *mut ReglamentRegulation,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: checked by guard::out.
        unsafe {
            guard::put(
                out,
                guard::into_raw::<ReglamentRegulation>(Regulation::default()),
            )
        };
        Ok(())
    })
}

/// Frees a regulation. NULL is accepted and ignored. Calendars obtained from
/// it stay valid (they are independent handles).
///
/// # Safety
/// `regulation` is NULL or a regulation returned by this library and not yet
/// freed; no other call may be using it; it must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_free(regulation: *mut ReglamentRegulation) {
    // SAFETY: forwarded contract.
    unsafe { guard::free(regulation) }
}

/// `*out` = the regulation file as pretty JSON, every key present (a new
/// string; free it with `reglament_string_free`). Parsing it back with
/// `reglament_regulation_from_json` gives the same regulation.
///
/// # Safety
/// `regulation` is NULL or a live regulation; `out` is writable; `err` is
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_to_json(
    regulation: *const ReglamentRegulation,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&r.to_json())) };
        Ok(())
    })
}

/// `*out` = the regulation's working-time calendar of support (clauses 3.4,
/// 3.5.1), as a new calendar handle (free it with `reglament_calendar_free`;
/// it stays valid after the regulation is freed).
///
/// # Safety
/// `regulation` is NULL or a live regulation; `out` is writable; `err` is
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_calendar(
    regulation: *const ReglamentRegulation,
    out: *mut *mut ReglamentCalendar,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        let c = guard::into_raw::<ReglamentCalendar>(r.calendar().clone());
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, c) };
        Ok(())
    })
}

/// `*out` = the calendar of phone and messenger registration (clause 3.3):
/// the regulation's own when the file gives one, the working-time calendar
/// otherwise. A new handle, as for `reglament_regulation_calendar`.
///
/// # Safety
/// As for `reglament_regulation_calendar`.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_registration_calendar(
    regulation: *const ReglamentRegulation,
    out: *mut *mut ReglamentCalendar,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        let c = guard::into_raw::<ReglamentCalendar>(r.registration_calendar().clone());
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, c) };
        Ok(())
    })
}

/// The default regulation with a partial document (JSON, UTF-8) laid over
/// it: objects merge key by key, any other value (lists included) replaces.
/// `{"archive_after": {"amount": 1}}` gives the seed's regulation with a
/// one-day archive delay.
///
/// On success stores a new regulation in `*out` (free it with
/// `reglament_regulation_free`). Errors as for `reglament_regulation_from_json`.
///
/// # Safety
/// `json` points to `len` readable bytes (or is NULL with `len` 0); `out`
/// is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_with_overrides(
    json: *const c_char,
    len: usize,
    out: *mut *mut ReglamentRegulation,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let text = unsafe { guard::text(json, len, "json") }?;
        let over = crate::guard::json_value(text, "the overrides")?;
        let r = Regulation::with_overrides(&over)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::into_raw::<ReglamentRegulation>(r)) };
        Ok(())
    })
}

/// `*out` = when a request released at `released_at` is archived without
/// the user's acceptance (clause 3.6): by default 10 calendar days later at
/// the same local wall-clock time; the amount and unit are the regulation's.
///
/// # Safety
/// `regulation` is NULL or a live regulation; `out` is writable; `err` is
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_archive_due(
    regulation: *const ReglamentRegulation,
    released_at: i64,
    out: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        let due = reglament::rules::archive_due(r, instant(released_at)?)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, due.timestamp()) };
        Ok(())
    })
}

/// `*out` = by when a party that replaced its contact person at `at` must
/// notify the other (clause 5): by default the closing instant of the 2nd
/// working day after.
///
/// # Safety
/// As for `reglament_regulation_archive_due`.
#[no_mangle]
pub unsafe extern "C" fn reglament_regulation_contact_change_notice_due(
    regulation: *const ReglamentRegulation,
    at: i64,
    out: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        let due = reglament::rules::contact_change_notice_due(r, instant(at)?)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, due.timestamp()) };
        Ok(())
    })
}

/// A vocabulary code given as text; an unknown one is `invalid_value`.
pub(crate) fn code<T: std::str::FromStr<Err = reglament::Error>>(
    text: &str,
    field: &str,
) -> FfiResult<T> {
    reglament::model::parse_code(text).map_err(|e| {
        crate::guard::Failure::new(
            ReglamentStatus::InvalidInput,
            reglament::ErrorKind::InvalidValue.code(),
            format!("{field}: {e}"),
            Some(field.to_string()),
        )
    })
}

/// `*out` = whether a request must be registered (clause 3.4): any
/// critical- or high-priority incident, and any request not solved during
/// the contact. `category` (`incident`, `change_request`, `consultation`,
/// `documentation_request`) may be empty (NULL with length 0) when not yet
/// set; `priority` is `critical`, `high`, `medium` or `low`.
///
/// # Safety
/// `category` and `priority` point to their lengths of readable bytes (or are
/// NULL with length 0); `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_must_register(
    category: *const c_char,
    category_len: usize,
    priority: *const c_char,
    priority_len: usize,
    solved_during_contact: bool,
    out: *mut bool,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let category = unsafe { guard::text(category, category_len, "category") }?;
        // SAFETY: forwarded contract.
        let priority = unsafe { guard::text(priority, priority_len, "priority") }?;
        let category = if category.is_empty() {
            None
        } else {
            Some(code(category, "category")?)
        };
        let priority = code(priority, "priority")?;
        let must = reglament::rules::must_register(category, priority, solved_during_contact);
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, must) };
        Ok(())
    })
}
