//! Working-time calendars on `int64_t` Unix seconds.

use std::ffi::c_char;

use chrono::{DateTime, Utc};
use reglament::{Calendar, ErrorKind};

use crate::error::{ReglamentError, ReglamentStatus};
use crate::guard::{self, run, Failure, FfiResult};

/// A working-time calendar: an IANA time zone, a weekly schedule, holidays
/// and extra working days (DESIGN §3).
///
/// Created by `reglament_calendar_from_json`, `reglament_calendar_default_kyiv`
/// or `reglament_regulation_calendar`; freed by `reglament_calendar_free`.
///
/// Thread safety: immutable once created. One handle may be used by any
/// number of threads at once; it may be freed from any thread once no call
/// uses it any more.
pub struct ReglamentCalendar {
    _opaque: [u8; 0],
}

handle_type!(
    ReglamentCalendar(Calendar),
    0x5245_474c_4341_4c31,
    "reglament_calendar"
);

/// An instant from Unix seconds. Seconds chrono cannot represent at all
/// are `out_of_range` here; the core refuses the rest of the unsupported
/// range with its own message.
#[inline]
pub(crate) fn instant(t: i64) -> FfiResult<DateTime<Utc>> {
    DateTime::from_timestamp(t, 0).ok_or_else(|| {
        Failure::new(
            ReglamentStatus::OutOfRange,
            ErrorKind::OutOfRange.code(),
            format!("instant {t} (Unix seconds) is outside the representable range"),
            None,
        )
    })
}

#[inline]
unsafe fn cal<'a>(ptr: *const ReglamentCalendar) -> FfiResult<&'a Calendar> {
    // SAFETY: forwarded contract of the exported function.
    unsafe { guard::handle(ptr, "calendar") }
}

/// Parses, validates and compiles a calendar file (JSON, UTF-8):
/// `{"timezone": "Europe/Kyiv", "week": {"mon": [["09:00","18:00"]], ...},
/// "holiday_preset": "UA", "holidays": ["2026-12-31"], "extra_working_days": [...]}`.
///
/// On success stores a new calendar in `*out` (free it with
/// `reglament_calendar_free`). On failure `*out` is left unchanged.
///
/// Errors: `REGLAMENT_STATUS_INVALID_ARGUMENT` (NULL or misaligned `out`,
/// NULL `json` with a non-zero `len`, invalid UTF-8),
/// `REGLAMENT_STATUS_INVALID_INPUT` (malformed JSON, unknown or missing
/// field, invalid value, unknown time zone),
/// `REGLAMENT_STATUS_NO_WORKING_TIME` (a well-formed calendar without any
/// working time, e.g. `{"timezone": "UTC", "week": {}}`; code
/// `no_working_time`).
///
/// # Safety
/// `json` points to `len` readable bytes (or is NULL with `len` 0); `out`
/// is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut ReglamentCalendar,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let text = unsafe { guard::text(json, len, "json") }?;
        let c = Calendar::from_json(text)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::into_raw::<ReglamentCalendar>(c)) };
        Ok(())
    })
}

/// The embedded default calendar: Europe/Kyiv, Monday to Friday
/// 09:00–18:00, Ukrainian public holidays (preset `"UA"`).
///
/// On success stores a new calendar in `*out` (free it with
/// `reglament_calendar_free`).
///
/// # Safety
/// `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_default_kyiv(
    out: *mut *mut ReglamentCalendar,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: checked by guard::out.
        unsafe {
            guard::put(
                out,
                guard::into_raw::<ReglamentCalendar>(Calendar::default_kyiv()),
            )
        };
        Ok(())
    })
}

/// Frees a calendar. NULL is accepted and ignored. Handles obtained from a
/// regulation are independent: free each of them.
///
/// # Safety
/// `calendar` is NULL or a calendar returned by this library and not yet
/// freed; no other call may be using it; it must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_free(calendar: *mut ReglamentCalendar) {
    // SAFETY: forwarded contract.
    unsafe { guard::free(calendar) }
}

/// `*out` = the earliest instant `u >= t` such that `[t, u)` holds `seconds`
/// of working time (`add(t, 0) == t`; a budget that runs out at closing time
/// gives the closing instant; a negative `seconds` subtracts).
///
/// Errors: `REGLAMENT_STATUS_INVALID_ARGUMENT` (NULL `calendar` or `out`),
/// `REGLAMENT_STATUS_OUT_OF_RANGE` (`t` or the result outside the supported
/// range), `REGLAMENT_STATUS_NO_WORKING_TIME`.
///
/// # Safety
/// `calendar` is NULL or a live calendar; `out` is writable; `err` is NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_add(
    calendar: *const ReglamentCalendar,
    t: i64,
    seconds: i64,
    out: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let c = unsafe { cal(calendar) }?;
        let out = guard::out(out, "out")?;
        // the core's seconds path: no DateTime conversions on the hot path
        let u = c.add_secs(t, seconds)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, u) };
        Ok(())
    })
}

/// `*out` = the latest instant `u <= t` such that `[u, t)` holds `seconds`
/// of working time (`sub(t, 0) == t`; a negative `seconds` adds).
///
/// Errors as for `reglament_calendar_add`.
///
/// # Safety
/// As for `reglament_calendar_add`.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_sub(
    calendar: *const ReglamentCalendar,
    t: i64,
    seconds: i64,
    out: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let c = unsafe { cal(calendar) }?;
        let out = guard::out(out, "out")?;
        let u = c.sub_secs(t, seconds)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, u) };
        Ok(())
    })
}

/// `*out` = the working seconds in `[from, to)`; negative when `to < from`.
///
/// Errors: `REGLAMENT_STATUS_INVALID_ARGUMENT` (NULL `calendar` or `out`),
/// `REGLAMENT_STATUS_OUT_OF_RANGE`.
///
/// # Safety
/// As for `reglament_calendar_add`.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_elapsed(
    calendar: *const ReglamentCalendar,
    from: i64,
    to: i64,
    out: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let c = unsafe { cal(calendar) }?;
        let out = guard::out(out, "out")?;
        let d = c.elapsed_secs(from, to)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, d) };
        Ok(())
    })
}

/// `*out` = whether the second starting at `t` is working time.
///
/// Errors: `REGLAMENT_STATUS_INVALID_ARGUMENT` (NULL `calendar` or `out`),
/// `REGLAMENT_STATUS_OUT_OF_RANGE`.
///
/// # Safety
/// As for `reglament_calendar_add`.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_is_working(
    calendar: *const ReglamentCalendar,
    t: i64,
    out: *mut bool,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let c = unsafe { cal(calendar) }?;
        let out = guard::out(out, "out")?;
        let w = c.is_working_secs(t)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, w) };
        Ok(())
    })
}

/// `*out` = the earliest working instant at or after `t` (`t` itself when it
/// is working time).
///
/// Errors: `REGLAMENT_STATUS_INVALID_ARGUMENT` (NULL `calendar` or `out`),
/// `REGLAMENT_STATUS_OUT_OF_RANGE`, `REGLAMENT_STATUS_NO_WORKING_TIME`.
///
/// # Safety
/// As for `reglament_calendar_add`.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_next_working(
    calendar: *const ReglamentCalendar,
    t: i64,
    out: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let c = unsafe { cal(calendar) }?;
        let out = guard::out(out, "out")?;
        let u = c.next_working(instant(t)?)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, u.timestamp()) };
        Ok(())
    })
}

/// `*out` = the closing instant of the `days`-th working day after the local
/// date of `t` (that date itself does not count): clause 5's "within 2
/// working days". `days` must be at least 1.
///
/// Errors: `REGLAMENT_STATUS_INVALID_ARGUMENT` (NULL `calendar` or `out`),
/// `REGLAMENT_STATUS_INVALID_INPUT` (`days` is 0), `REGLAMENT_STATUS_OUT_OF_RANGE`.
///
/// # Safety
/// As for `reglament_calendar_add`.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_add_working_days(
    calendar: *const ReglamentCalendar,
    t: i64,
    days: u32,
    out: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let c = unsafe { cal(calendar) }?;
        let out = guard::out(out, "out")?;
        let u = c.add_working_days(instant(t)?, days)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, u.timestamp()) };
        Ok(())
    })
}

/// `*first` and `*last` = the first and last instant the calendar supports
/// (a calendar with a holiday preset covers the preset's years only).
///
/// # Safety
/// `calendar` is NULL or a live calendar; `first` and `last` are writable;
/// `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_supported_range(
    calendar: *const ReglamentCalendar,
    first: *mut i64,
    last: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let c = unsafe { cal(calendar) }?;
        let first = guard::out(first, "first")?;
        let last = guard::out(last, "last")?;
        let (lo, hi) = c.supported_range();
        // SAFETY: checked by guard::out.
        unsafe {
            guard::put(first, lo.timestamp());
            guard::put(last, hi.timestamp());
        }
        Ok(())
    })
}

/// `*out` = the calendar file as JSON (a new string; free it with
/// `reglament_string_free`).
///
/// # Safety
/// `calendar` is NULL or a live calendar; `out` is writable; `err` is NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_calendar_to_json(
    calendar: *const ReglamentCalendar,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let c = unsafe { cal(calendar) }?;
        let out = guard::out(out, "out")?;
        let json = serde_json::to_string(c.spec()).unwrap_or_default();
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&json)) };
        Ok(())
    })
}
