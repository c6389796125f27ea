//! The C boundary's unsafe paths, cheap enough for Miri (`scripts/miri.sh`
//! runs this file under `cargo +nightly miri test`; `cargo test` runs it
//! too): handles made, borrowed, cloned and freed; NULL, misaligned and
//! wrong-type handles; NULL buffers with a length; invalid UTF-8; error
//! objects read and freed; strings handed out and freed; ticket arrays.
//! Calendars here have no holiday preset: compiling the Ukrainian holidays
//! takes minutes under Miri.

use std::ffi::{c_char, CStr};
use std::ptr;

use reglament_ffi::calendar::*;
use reglament_ffi::error::*;
use reglament_ffi::regulation::*;
use reglament_ffi::ticket::*;
use reglament_ffi::*;

const UTC: &str =
    r#"{"timezone":"UTC","week":{"mon":[["09:00","18:00"]],"tue":[["09:00","18:00"]]}}"#;
const UTC_REGULATION: &str = r#"{"calendar":{"timezone":"UTC","holiday_preset":null}}"#;

fn s(p: *const c_char) -> String {
    assert!(!p.is_null());
    // SAFETY: NUL-terminated strings of the library.
    unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string()
}

/// The error's (status, code, field), freed.
fn take_error(err: *mut ReglamentError) -> (ReglamentStatus, String, Option<String>) {
    assert!(!err.is_null());
    // SAFETY: a live error object, freed once.
    unsafe {
        let st = reglament_error_status(err);
        let code = s(reglament_error_code(err));
        let field = reglament_error_field(err);
        let field = (!field.is_null()).then(|| s(field));
        let _ = s(reglament_error_message(err));
        let _ = s(reglament_error_json(err));
        reglament_error_free(err);
        (st, code, field)
    }
}

fn take_string(p: *mut c_char) -> String {
    let out = s(p);
    // SAFETY: a string this library handed out, freed once.
    unsafe { reglament_string_free(p) };
    out
}

#[test]
fn statics_and_nulls() {
    assert_eq!(s(reglament_version()), env!("CARGO_PKG_VERSION"));
    assert_eq!(s(reglament_status_name(5)), "refused");
    assert_eq!(s(reglament_status_name(-7)), "unknown");
    // SAFETY: NULL is accepted by every free and accessor.
    unsafe {
        reglament_string_free(ptr::null_mut());
        reglament_error_free(ptr::null_mut());
        reglament_calendar_free(ptr::null_mut());
        reglament_regulation_free(ptr::null_mut());
        reglament_ticket_free(ptr::null_mut());
        assert!(reglament_error_code(ptr::null()).is_null());
        assert_eq!(
            reglament_error_status(ptr::null()),
            ReglamentStatus::InvalidArgument
        );
    }
}

#[test]
fn calendars_through_the_boundary() {
    let mut err = ptr::null_mut();
    let mut cal = ptr::null_mut();
    // SAFETY: every pointer below is valid for the call, or deliberately NULL,
    // misaligned or of another type where the library must refuse it.
    unsafe {
        let st = reglament_calendar_from_json(UTC.as_ptr().cast(), UTC.len(), &mut cal, &mut err);
        assert_eq!(st, ReglamentStatus::Ok);
        assert!(err.is_null() && !cal.is_null());

        let mut u = 0i64;
        let monday_9 = 1_772_442_000; // 2026-03-02T09:00:00Z
        assert_eq!(
            reglament_calendar_add(cal, monday_9, 3600, &mut u, &mut err),
            ReglamentStatus::Ok
        );
        assert_eq!(u, monday_9 + 3600);
        let mut w = false;
        assert_eq!(
            reglament_calendar_is_working(cal, monday_9, &mut w, &mut err),
            ReglamentStatus::Ok
        );
        assert!(w);
        let mut json = ptr::null_mut();
        assert_eq!(
            reglament_calendar_to_json(cal, &mut json, &mut err),
            ReglamentStatus::Ok
        );
        assert!(take_string(json).contains("UTC"));

        // out of range, NULL output, misaligned output
        let st = reglament_calendar_add(cal, i64::MAX, 1, &mut u, &mut err);
        assert_eq!(take_error(err).1, "out_of_range");
        assert_eq!(st, ReglamentStatus::OutOfRange);
        let st = reglament_calendar_add(cal, monday_9, 1, ptr::null_mut(), &mut err);
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        assert_eq!(take_error(err).2.as_deref(), Some("out"));
        let mut buf = [0u64; 2];
        let misaligned = buf.as_mut_ptr().cast::<u8>().add(1).cast::<i64>();
        let st = reglament_calendar_add(cal, monday_9, 1, misaligned, &mut err);
        assert_eq!(
            (st, take_error(err).1.as_str()),
            (ReglamentStatus::InvalidArgument, "invalid_argument")
        );
        // a calendar pointer that is misaligned, or a handle of another type
        let st = reglament_calendar_add(
            cal.cast::<u8>().add(1).cast(),
            monday_9,
            1,
            &mut u,
            &mut err,
        );
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        take_error(err);
        let mut t = ptr::null_mut();
        assert_eq!(
            reglament_ticket_new(b"T".as_ptr().cast(), 1, &mut t, &mut err),
            ReglamentStatus::Ok
        );
        let st = reglament_calendar_add(t.cast(), monday_9, 1, &mut u, &mut err);
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        assert!(take_error(err).2.as_deref() == Some("calendar"));
        reglament_calendar_free(t.cast()); // another type: ignored
        reglament_ticket_free(t);

        // bad bytes in
        let bad = b"{\"timezone\":\"\xff\"}";
        let mut other = ptr::null_mut();
        let st = reglament_calendar_from_json(bad.as_ptr().cast(), bad.len(), &mut other, &mut err);
        assert_eq!(
            take_error(err),
            (
                ReglamentStatus::InvalidArgument,
                "invalid_utf8".into(),
                Some("json".into())
            )
        );
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        let st = reglament_calendar_from_json(ptr::null(), 5, &mut other, &mut err);
        assert_eq!(take_error(err).1, "null_argument");
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        let st = reglament_calendar_from_json(b"{".as_ptr().cast(), 1, &mut other, ptr::null_mut());
        assert_eq!(st, ReglamentStatus::InvalidInput);
        assert!(other.is_null());
        reglament_calendar_free(cal);
    }
}

#[test]
fn tickets_through_the_boundary() {
    let mut err = ptr::null_mut();
    let mut reg = ptr::null_mut();
    // SAFETY: as above.
    unsafe {
        let st = reglament_regulation_with_overrides(
            UTC_REGULATION.as_ptr().cast(),
            UTC_REGULATION.len(),
            &mut reg,
            &mut err,
        );
        assert_eq!(
            st,
            ReglamentStatus::Ok,
            "{:?}",
            (!err.is_null()).then(|| take_error(err))
        );
        let mut t = ptr::null_mut();
        assert_eq!(
            reglament_ticket_new(b"T-1".as_ptr().cast(), 3, &mut t, &mut err),
            ReglamentStatus::Ok
        );
        let register = r#"{"kind":"register","at":"2026-03-02T10:00:00Z","actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}"#;
        let mut outcome = ptr::null_mut();
        let st = reglament_ticket_apply(
            t,
            reg,
            register.as_ptr().cast(),
            register.len(),
            &mut outcome,
            &mut err,
        );
        assert_eq!(st, ReglamentStatus::Ok);
        assert!(take_string(outcome).contains("\"accepted\":true"));
        // refused: the outcome and the error both come back
        let archive = r#"{"kind":"archive","at":"2026-03-02T10:05:00Z","actor":{"id":"op","role":"operator"}}"#;
        let st = reglament_ticket_apply(
            t,
            reg,
            archive.as_ptr().cast(),
            archive.len(),
            &mut outcome,
            &mut err,
        );
        assert_eq!(st, ReglamentStatus::Refused);
        assert!(take_string(outcome).contains("\"accepted\":false"));
        assert_eq!(s(reglament_error_clause(err)), "3.6");
        take_error(err);
        // unreadable: no outcome
        outcome = ptr::null_mut();
        let st = reglament_ticket_apply(
            t,
            reg,
            b"{\"kind\":1}".as_ptr().cast(),
            10,
            &mut outcome,
            &mut err,
        );
        assert_eq!(st, ReglamentStatus::InvalidInput);
        assert!(outcome.is_null());
        assert_eq!(take_error(err).2.as_deref(), Some("kind"));
        // a regulation handle where the ticket goes, and the other way round
        let st = reglament_ticket_apply(
            reg.cast(),
            reg,
            register.as_ptr().cast(),
            register.len(),
            ptr::null_mut(),
            &mut err,
        );
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        take_error(err);
        let st = reglament_ticket_apply(
            t,
            t.cast(),
            register.as_ptr().cast(),
            register.len(),
            ptr::null_mut(),
            &mut err,
        );
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        take_error(err);

        let mut c = ptr::null_mut();
        assert_eq!(
            reglament_ticket_clone(t, &mut c, &mut err),
            ReglamentStatus::Ok
        );
        let mut json = ptr::null_mut();
        let now = 1_772_450_000i64;
        assert_eq!(
            reglament_ticket_to_json(c, &now, &mut json, &mut err),
            ReglamentStatus::Ok
        );
        assert!(take_string(json).contains("\"T-1\""));
        assert_eq!(
            reglament_ticket_clocks_json(c, reg, now, &mut json, &mut err),
            ReglamentStatus::Ok
        );
        assert!(take_string(json).contains("response"));

        // ticket arrays: NULL with a count, a NULL element, two live ones
        let mut order = [usize::MAX; 2];
        let mut n = 0usize;
        let st = reglament_queue(ptr::null(), 2, order.as_mut_ptr(), &mut n, &mut err);
        assert_eq!(
            (st, take_error(err).1.as_str()),
            (ReglamentStatus::InvalidArgument, "null_argument")
        );
        let with_null = [t as *const ReglamentTicket, ptr::null()];
        let st = reglament_queue(with_null.as_ptr(), 2, order.as_mut_ptr(), &mut n, &mut err);
        assert_eq!(take_error(err).2.as_deref(), Some("tickets[1]"));
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        let both = [t as *const ReglamentTicket, c];
        assert_eq!(
            reglament_queue(both.as_ptr(), 2, order.as_mut_ptr(), &mut n, &mut err),
            ReglamentStatus::Ok
        );
        assert_eq!(n, 2);
        assert!(order[..n].contains(&0) && order[..n].contains(&1));

        // a clock plan: made, read, refused before the last event, used
        // after its ticket is gone, freed; a ticket is not a plan
        let mut plan = ptr::null_mut();
        assert_eq!(
            reglament_ticket_clock_plan(c, reg, &mut plan, &mut err),
            ReglamentStatus::Ok
        );
        let mut from = 0i64;
        assert_eq!(
            reglament_clock_plan_valid_from(plan, &mut from, &mut err),
            ReglamentStatus::Ok
        );
        let mut json = ptr::null_mut();
        assert_eq!(
            reglament_clock_plan_clocks_json(plan, from + 60, &mut json, &mut err),
            ReglamentStatus::Ok
        );
        assert!(take_string(json).contains("\"response\""));
        let st = reglament_clock_plan_summary_json(plan, from - 1, &mut json, &mut err);
        assert_eq!(st, ReglamentStatus::InvalidInput);
        assert_eq!(take_error(err).2.as_deref(), Some("now"));
        let st = reglament_clock_plan_clocks_json(
            t.cast_const().cast::<ReglamentClockPlan>(),
            from,
            &mut json,
            &mut err,
        );
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        take_error(err);
        reglament_ticket_free(c);
        let (mut found, mut at) = (false, 0i64);
        assert_eq!(
            reglament_clock_plan_next_change(plan, from, &mut found, &mut at, &mut err),
            ReglamentStatus::Ok
        );
        reglament_clock_plan_free(plan);
        reglament_clock_plan_free(ptr::null_mut());
        reglament_ticket_free(t);
        reglament_regulation_free(reg);
    }
}

#[test]
fn texts_that_are_not_utf8_or_not_codes() {
    let mut err = ptr::null_mut();
    let mut must = false;
    // SAFETY: valid buffers of the given lengths.
    unsafe {
        let st = reglament_must_register(
            b"incident".as_ptr().cast(),
            8,
            b"high".as_ptr().cast(),
            4,
            true,
            &mut must,
            &mut err,
        );
        assert_eq!(st, ReglamentStatus::Ok);
        assert!(must);
        let st = reglament_must_register(
            ptr::null(),
            0,
            b"\xc3\x28".as_ptr().cast(),
            2,
            true,
            &mut must,
            &mut err,
        );
        assert_eq!(
            take_error(err),
            (
                ReglamentStatus::InvalidArgument,
                "invalid_utf8".into(),
                Some("priority".into())
            )
        );
        assert_eq!(st, ReglamentStatus::InvalidArgument);
        let st = reglament_must_register(
            b"bug".as_ptr().cast(),
            3,
            b"high".as_ptr().cast(),
            4,
            false,
            &mut must,
            &mut err,
        );
        assert_eq!(
            take_error(err),
            (
                ReglamentStatus::InvalidInput,
                "invalid_value".into(),
                Some("category".into())
            )
        );
        assert_eq!(st, ReglamentStatus::InvalidInput);
    }
}
