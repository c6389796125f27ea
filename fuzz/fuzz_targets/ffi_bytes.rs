//! The C entry points that take bytes, called from Rust as a C host would,
//! with fuzzed pointers and lengths.
//!
//! Input: the first byte picks the entry point, the rest is the bytes it
//! gets (two texts are split at the first NUL). Every call must return a
//! status other than `REGLAMENT_STATUS_PANIC` (and libFuzzer's panic hook
//! aborts on any panic, even one the boundary would catch); every failure
//! must come with an error object whose code and message are readable;
//! every output is freed, so LeakSanitizer reports any leak.
#![no_main]

use std::ffi::{c_char, CStr};
use std::ptr;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use reglament_ffi::calendar::*;
use reglament_ffi::error::*;
use reglament_ffi::regulation::*;
use reglament_ffi::ticket::*;
use reglament_ffi::*;

/// Checks one call's status and error object, then frees the error.
fn done(status: ReglamentStatus, err: *mut ReglamentError) -> bool {
    assert_ne!(status, ReglamentStatus::Panic, "the library panicked");
    unsafe {
        if status == ReglamentStatus::Ok {
            assert!(err.is_null(), "an error object on success");
            return true;
        }
        assert!(!err.is_null(), "a failure without an error object");
        assert_eq!(reglament_error_status(err), status);
        for s in [
            reglament_error_code(err),
            reglament_error_message(err),
            reglament_error_json(err),
        ] {
            assert!(!s.is_null());
            let _ = CStr::from_ptr(s).to_str().expect("UTF-8 out");
        }
        for s in [
            reglament_error_field(err),
            reglament_error_clause(err),
            reglament_error_message_uk(err),
        ] {
            if !s.is_null() {
                let _ = CStr::from_ptr(s).to_str().expect("UTF-8 out");
            }
        }
        reglament_error_free(err);
    }
    false
}

/// Reads and frees a string the library returned.
fn take(s: *mut c_char) {
    if !s.is_null() {
        unsafe {
            let _ = CStr::from_ptr(s).to_str().expect("UTF-8 out");
            reglament_string_free(s);
        }
    }
}

fn split(rest: &[u8]) -> (&[u8], &[u8]) {
    match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[]),
    }
}

fn p(b: &[u8]) -> *const c_char {
    // an empty slice's dangling pointer with length 0 is a valid empty text;
    // NULL with length 0 too: alternate between them
    if b.is_empty() && b.as_ptr() as usize % 2 == 0 {
        ptr::null()
    } else {
        b.as_ptr().cast()
    }
}

const NOWS: [i64; 5] = [1_780_000_000, 1_772_438_400, 4_102_444_800, 0, i64::MIN];

unsafe fn calendar_checks(cal: *const ReglamentCalendar) {
    let mut err = ptr::null_mut();
    let (mut lo, mut hi) = (0i64, 0i64);
    if done(
        reglament_calendar_supported_range(cal, &mut lo, &mut hi, &mut err),
        err,
    ) {
        for t in [lo, hi, lo - 1, hi + 1, i64::MAX] {
            let mut u = 0i64;
            let mut w = false;
            done(reglament_calendar_add(cal, t, 3600, &mut u, &mut err), err);
            done(
                reglament_calendar_sub(cal, t, i64::MIN, &mut u, &mut err),
                err,
            );
            done(
                reglament_calendar_elapsed(cal, lo, t, &mut u, &mut err),
                err,
            );
            done(reglament_calendar_is_working(cal, t, &mut w, &mut err), err);
            done(
                reglament_calendar_next_working(cal, t, &mut u, &mut err),
                err,
            );
            done(
                reglament_calendar_add_working_days(cal, t, 3, &mut u, &mut err),
                err,
            );
        }
    }
    let mut s = ptr::null_mut();
    if done(reglament_calendar_to_json(cal, &mut s, &mut err), err) {
        take(s);
    }
}

unsafe fn ticket_checks(t: *const ReglamentTicket, reg: *const ReglamentRegulation, metric: &[u8]) {
    let mut err = ptr::null_mut();
    for now in NOWS {
        let mut s = ptr::null_mut();
        if done(
            reglament_ticket_clocks_json(t, reg, now, &mut s, &mut err),
            err,
        ) {
            take(s);
        }
        let (mut found, mut at) = (false, 0i64);
        done(
            reglament_ticket_next_change(t, reg, now, &mut found, &mut at, &mut err),
            err,
        );
        let mut s = ptr::null_mut();
        if done(reglament_ticket_to_json(t, &now, &mut s, &mut err), err) {
            take(s);
        }
        // an explanation lists every working interval and day off up to
        // `now`: decades of them at 2100, which only slow the fuzzer down
        if now >= 4_000_000_000 {
            continue;
        }
        let mut s = ptr::null_mut();
        if done(
            reglament_ticket_explain_json(t, reg, p(metric), metric.len(), now, &mut s, &mut err),
            err,
        ) {
            take(s);
        }
    }
    let list = [t, t];
    let mut order = [0usize; 2];
    let mut n = 0usize;
    done(
        reglament_queue(list.as_ptr(), 2, order.as_mut_ptr(), &mut n, &mut err),
        err,
    );
    let mut s = ptr::null_mut();
    if done(
        reglament_compliance_json(
            reg,
            list.as_ptr(),
            2,
            ptr::null(),
            &NOWS[0],
            NOWS[0],
            &mut s,
            &mut err,
        ),
        err,
    ) {
        take(s);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    unsafe {
        let mut err: *mut ReglamentError = ptr::null_mut();
        let reg = default_regulation();
        match which % 8 {
            0 => {
                let mut cal = ptr::null_mut();
                if done(
                    reglament_calendar_from_json(p(rest), rest.len(), &mut cal, &mut err),
                    err,
                ) {
                    calendar_checks(cal);
                    reglament_calendar_free(cal);
                }
            }
            1 | 2 => {
                let mut r = ptr::null_mut();
                let st = if which % 8 == 1 {
                    reglament_regulation_from_json(p(rest), rest.len(), &mut r, &mut err)
                } else {
                    reglament_regulation_with_overrides(p(rest), rest.len(), &mut r, &mut err)
                };
                if done(st, err) {
                    let mut s = ptr::null_mut();
                    if done(reglament_regulation_to_json(r, &mut s, &mut err), err) {
                        take(s);
                    }
                    let mut cal = ptr::null_mut();
                    if done(reglament_regulation_calendar(r, &mut cal, &mut err), err) {
                        reglament_calendar_free(cal);
                    }
                    let mut cal = ptr::null_mut();
                    if done(
                        reglament_regulation_registration_calendar(r, &mut cal, &mut err),
                        err,
                    ) {
                        calendar_checks(cal);
                        reglament_calendar_free(cal);
                    }
                    for now in NOWS {
                        let mut u = 0i64;
                        done(
                            reglament_regulation_archive_due(r, now, &mut u, &mut err),
                            err,
                        );
                        done(
                            reglament_regulation_contact_change_notice_due(
                                r, now, &mut u, &mut err,
                            ),
                            err,
                        );
                    }
                    reglament_regulation_free(r);
                }
            }
            3 => {
                let (a, b) = split(rest);
                let mut must = false;
                done(
                    reglament_must_register(
                        p(a),
                        a.len(),
                        p(b),
                        b.len(),
                        rest.len() % 2 == 0,
                        &mut must,
                        &mut err,
                    ),
                    err,
                );
            }
            4 => {
                // JSON Lines: each line applied (and checked on a clone first)
                let mut t = ptr::null_mut();
                assert!(done(
                    reglament_ticket_new(p(b"T"), 1, &mut t, &mut err),
                    err
                ));
                for line in rest.split(|&b| b == b'\n') {
                    let mut c = ptr::null_mut();
                    assert!(done(reglament_ticket_clone(t, &mut c, &mut err), err));
                    let mut o1 = ptr::null_mut();
                    let st1 =
                        reglament_ticket_check(c, reg, p(line), line.len(), &mut o1, &mut err);
                    let ok1 = done(st1, err);
                    take(o1);
                    let mut o2 = ptr::null_mut();
                    let st2 =
                        reglament_ticket_apply(t, reg, p(line), line.len(), &mut o2, &mut err);
                    let ok2 = done(st2, err);
                    take(o2);
                    assert_eq!((st1, ok1), (st2, ok2), "check and apply disagree");
                    reglament_ticket_free(c);
                }
                ticket_checks(t, reg, b"resolution");
                reglament_ticket_free(t);
            }
            5 => {
                let (id, events) = split(rest);
                let mut t = ptr::null_mut();
                let mut steps = ptr::null_mut();
                let st = reglament_ticket_replay(
                    reg,
                    p(id),
                    id.len(),
                    p(events),
                    events.len(),
                    &mut t,
                    &mut steps,
                    &mut err,
                );
                if done(st, err) {
                    take(steps);
                    ticket_checks(t, reg, id);
                    reglament_ticket_free(t);
                }
            }
            6 => {
                let (over, events) = split(rest);
                let mut b = ptr::null_mut();
                if done(
                    reglament_regulation_with_overrides(p(over), over.len(), &mut b, &mut err),
                    err,
                ) {
                    for now in [ptr::null(), &NOWS[0] as *const i64, &NOWS[4]] {
                        let mut s = ptr::null_mut();
                        if done(
                            reglament_what_if_json(
                                reg,
                                b,
                                p(b"T"),
                                1,
                                p(events),
                                events.len(),
                                now,
                                &mut s,
                                &mut err,
                            ),
                            err,
                        ) {
                            take(s);
                        }
                    }
                    reglament_regulation_free(b);
                }
            }
            _ => {
                let (metric, events) = split(rest);
                let mut t = ptr::null_mut();
                let mut steps = ptr::null_mut();
                if done(
                    reglament_ticket_replay(
                        reg,
                        p(b"T"),
                        1,
                        p(events),
                        events.len(),
                        &mut t,
                        &mut steps,
                        &mut err,
                    ),
                    err,
                ) {
                    take(steps);
                    ticket_checks(t, reg, metric);
                    reglament_ticket_free(t);
                }
            }
        }
    }
});

/// The default regulation, made once through the C API (compiling the
/// Ukrainian holidays costs milliseconds) and kept for the whole run.
fn default_regulation() -> *const ReglamentRegulation {
    static REG: OnceLock<usize> = OnceLock::new();
    *REG.get_or_init(|| unsafe {
        let mut err = ptr::null_mut();
        let mut reg: *mut ReglamentRegulation = ptr::null_mut();
        assert!(done(reglament_regulation_default(&mut reg, &mut err), err));
        reg as usize
    }) as *const ReglamentRegulation
}
