//! Typed results for C hosts: a ticket's status and SLA clocks as
//! caller-owned structs (no JSON parser needed to read a due instant), and
//! RFC 3339 text for `int64_t` instants. The JSON functions stay; these
//! read the same values.

use std::ffi::{c_char, CStr};

use chrono::{DateTime, Datelike, Utc};
use reglament::model::{Metric, Status};
use reglament::sla::{Clock, ClockState, Clocks};

use crate::calendar::instant;
use crate::error::{ReglamentError, ReglamentStatus};
use crate::guard::{self, run, Failure, FfiResult};
use crate::regulation::{reg, ReglamentRegulation};
use crate::ticket::{ReglamentClockPlan, ReglamentTicket};

/// The room an instant needs as RFC 3339 text, the terminating NUL included:
/// `YYYY-MM-DDThh:mm:ssZ` is 20 characters.
pub const REGLAMENT_INSTANT_TEXT_SIZE: usize = 21;

/// The status of a request (clause 3.2), or none before registration.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReglamentRequestStatus {
    /// Not registered yet (no accepted `register` event).
    None = 0,
    /// «Список завдань або Беклог».
    Backlog = 1,
    /// «План розробки або Спрінт».
    Sprint = 2,
    /// «В процесі».
    InProgress = 3,
    /// «Виконана»: work finished, code not yet delivered.
    Done = 4,
    /// «Реліз»: code delivered, the user can verify.
    Release = 5,
    /// Rejected as incorrectly filled (clause 3.3); terminal.
    Rejected = 6,
    /// Archived (clause 3.6); terminal.
    Archived = 7,
}

/// The metric an SLA clock measures.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReglamentMetric {
    /// Until the first reaction of support.
    Response = 0,
    /// Until Release.
    Resolution = 1,
    /// Between updates to the user (only when the SLA row sets an interval).
    UpdateInterval = 2,
}

/// The state of an SLA clock at the instant it is read.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReglamentClockState {
    /// Counting working time.
    Running = 0,
    /// Stopped by a pause (approval pending, awaiting the user, Release).
    Paused = 1,
    /// The meeting event happened (on time or not: `on_time`).
    Met = 2,
    /// Not met and past its due instant.
    Breached = 3,
    /// No category yet: no target, no due.
    Unclassified = 4,
    /// The request was rejected or archived before the clock breached.
    Stopped = 5,
}

/// One SLA clock as plain values. Instants are Unix seconds and durations
/// working seconds; a value that may be absent comes with a `has_` flag
/// (when the flag is false the value is 0). Owned by the caller (a plain
/// struct: nothing to free).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReglamentClock {
    /// False when the clock does not exist (an SLA row without an update
    /// interval); every other field is then zero.
    pub present: bool,
    /// What the clock measures.
    pub metric: ReglamentMetric,
    /// Its state.
    pub state: ReglamentClockState,
    /// Where it starts: the registration, or the current period's start for
    /// the update interval.
    pub started_at: i64,
    /// Whether `target` is set (false while unclassified).
    pub has_target: bool,
    /// The target in force without extensions.
    pub target: i64,
    /// Working seconds added by extensions.
    pub added_seconds: i64,
    /// Working seconds counted so far.
    pub consumed: i64,
    /// Whether `remaining` is set (false without a target).
    pub has_remaining: bool,
    /// Working seconds left until the due instant (negative past it).
    pub remaining: i64,
    /// Whether `due_at` is set (false without a target, or while a pause
    /// keeps the due instant unknown).
    pub has_due: bool,
    /// The due instant, extensions included.
    pub due_at: i64,
    /// Whether `original_due_at` is set.
    pub has_original_due: bool,
    /// The due instant without extensions.
    pub original_due_at: i64,
    /// Whether `met_at` is set.
    pub has_met: bool,
    /// When the clock was met.
    pub met_at: i64,
    /// Whether `on_time` is meaningful (met and classified).
    pub has_on_time: bool,
    /// Met by the due instant with extensions.
    pub on_time: bool,
    /// Whether `breached_at` is set.
    pub has_breached: bool,
    /// When it breached (its due instant, with extensions, once passed unmet).
    pub breached_at: i64,
    /// Whether `original_breached_at` is set.
    pub has_original_breached: bool,
    /// When it breached without extensions.
    pub original_breached_at: i64,
    /// Whether the clock is paused (state `REGLAMENT_CLOCK_STATE_PAUSED`).
    pub paused: bool,
    /// Since when it is paused (0 when not paused).
    pub paused_since: i64,
    /// Whether `stopped_at` is set.
    pub has_stopped: bool,
    /// When the request's rejection or archive stopped it.
    pub stopped_at: i64,
}

/// A ticket's SLA clocks at one instant as plain values (the typed form of
/// `reglament_ticket_clocks_json`). Owned by the caller: declare one on the
/// stack and pass its address; nothing to free.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReglamentClocks {
    /// The instant the clocks were read at.
    pub now: i64,
    /// The request's status at `now`.
    pub status: ReglamentRequestStatus,
    /// Until the first reaction of support.
    pub response: ReglamentClock,
    /// Until Release.
    pub resolution: ReglamentClock,
    /// The current update-interval period; `present` is false when the SLA
    /// row sets no interval.
    pub update_interval: ReglamentClock,
    /// Whether `next_change_at` is set.
    pub has_next_change: bool,
    /// The earliest instant after `now` at which anything changes (a
    /// threshold crossed, a clock falling due or breaching, the archive
    /// falling due): the host's next timer.
    pub next_change_at: i64,
}

fn status_of(s: Option<Status>) -> ReglamentRequestStatus {
    match s {
        None => ReglamentRequestStatus::None,
        Some(Status::Backlog) => ReglamentRequestStatus::Backlog,
        Some(Status::Sprint) => ReglamentRequestStatus::Sprint,
        Some(Status::InProgress) => ReglamentRequestStatus::InProgress,
        Some(Status::Done) => ReglamentRequestStatus::Done,
        Some(Status::Release) => ReglamentRequestStatus::Release,
        Some(Status::Rejected) => ReglamentRequestStatus::Rejected,
        Some(Status::Archived) => ReglamentRequestStatus::Archived,
    }
}

fn metric_of(m: Metric) -> ReglamentMetric {
    match m {
        Metric::Response => ReglamentMetric::Response,
        Metric::Resolution => ReglamentMetric::Resolution,
        Metric::UpdateInterval => ReglamentMetric::UpdateInterval,
    }
}

fn state_of(s: ClockState) -> ReglamentClockState {
    match s {
        ClockState::Running => ReglamentClockState::Running,
        ClockState::Paused => ReglamentClockState::Paused,
        ClockState::Met => ReglamentClockState::Met,
        ClockState::Breached => ReglamentClockState::Breached,
        ClockState::Unclassified => ReglamentClockState::Unclassified,
        ClockState::Stopped => ReglamentClockState::Stopped,
    }
}

/// The absent clock of `metric`.
fn absent(metric: Metric) -> ReglamentClock {
    ReglamentClock {
        present: false,
        metric: metric_of(metric),
        state: ReglamentClockState::Running,
        started_at: 0,
        has_target: false,
        target: 0,
        added_seconds: 0,
        consumed: 0,
        has_remaining: false,
        remaining: 0,
        has_due: false,
        due_at: 0,
        has_original_due: false,
        original_due_at: 0,
        has_met: false,
        met_at: 0,
        has_on_time: false,
        on_time: false,
        has_breached: false,
        breached_at: 0,
        has_original_breached: false,
        original_breached_at: 0,
        paused: false,
        paused_since: 0,
        has_stopped: false,
        stopped_at: 0,
    }
}

fn secs(t: Option<DateTime<Utc>>) -> (bool, i64) {
    t.map_or((false, 0), |t| (true, t.timestamp()))
}

fn clock_of(c: &Clock) -> ReglamentClock {
    let opt = |v: Option<i64>| (v.is_some(), v.unwrap_or(0));
    let (has_target, target) = opt(c.target);
    let (has_remaining, remaining) = opt(c.remaining);
    let (has_due, due_at) = secs(c.due_at);
    let (has_original_due, original_due_at) = secs(c.original_due_at);
    let (has_met, met_at) = secs(c.met_at);
    let (has_breached, breached_at) = secs(c.breached_at);
    let (has_original_breached, original_breached_at) = secs(c.original_breached_at);
    let (paused, paused_since) = secs(c.paused_since);
    let (has_stopped, stopped_at) = secs(c.stopped_at);
    ReglamentClock {
        present: true,
        metric: metric_of(c.metric),
        state: state_of(c.state),
        started_at: c.started_at.timestamp(),
        has_target,
        target,
        added_seconds: c.added_seconds,
        consumed: c.consumed,
        has_remaining,
        remaining,
        has_due,
        due_at,
        has_original_due,
        original_due_at,
        has_met,
        met_at,
        has_on_time: c.on_time.is_some(),
        on_time: c.on_time.unwrap_or(false),
        has_breached,
        breached_at,
        has_original_breached,
        original_breached_at,
        paused: paused || c.state == ClockState::Paused,
        paused_since,
        has_stopped,
        stopped_at,
    }
}

fn clocks_of(c: &Clocks) -> ReglamentClocks {
    let (has_next_change, next_change_at) = secs(c.next_change_at);
    ReglamentClocks {
        now: c.now.timestamp(),
        status: status_of(c.status),
        response: clock_of(&c.response),
        resolution: clock_of(&c.resolution),
        update_interval: c
            .update_interval
            .as_ref()
            .map_or_else(|| absent(Metric::UpdateInterval), |u| clock_of(&u.clock)),
        has_next_change,
        next_change_at,
    }
}

/// `*out` = the ticket's status (`REGLAMENT_REQUEST_STATUS_NONE` before
/// registration).
///
/// # Safety
/// `ticket` is NULL or a live ticket; `out` is writable; `err` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_status(
    ticket: *const ReglamentTicket,
    out: *mut ReglamentRequestStatus,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { guard::handle(ticket, "ticket") }?;
        let out = guard::out(out, "out")?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, status_of(t.status())) };
        Ok(())
    })
}

/// `*out` = the SLA clocks of the ticket at `now` under `regulation`, as
/// plain values: the same as `reglament_ticket_clocks_json` gives, without
/// the records (thresholds, due history, extensions, pauses) that only the
/// JSON carries. On failure `*out` is left unchanged.
///
/// Errors as for `reglament_ticket_clocks_json` (an unregistered ticket:
/// `REGLAMENT_STATUS_INVALID_INPUT`, code `conflict`).
///
/// # Safety
/// `ticket` is NULL or a live ticket; `regulation` is NULL or a live
/// regulation; `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_clocks(
    ticket: *const ReglamentTicket,
    regulation: *const ReglamentRegulation,
    now: i64,
    out: *mut ReglamentClocks,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { guard::handle(ticket, "ticket") }?;
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        let c = t.clocks(r, instant(now)?)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, clocks_of(&c)) };
        Ok(())
    })
}

/// `*out` = the clocks of a plan at `now`, as plain values: what
/// `reglament_ticket_clocks` gives for the ticket at the same `now`,
/// cheaply. A `now` before the plan's `valid_from` is
/// `REGLAMENT_STATUS_INVALID_INPUT` (code `conflict`, field `now`).
///
/// # Safety
/// `plan` is NULL or a live plan; `out` is writable; `err` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_clock_plan_clocks(
    plan: *const ReglamentClockPlan,
    now: i64,
    out: *mut ReglamentClocks,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let p = unsafe { guard::handle(plan, "plan") }?;
        let out = guard::out(out, "out")?;
        let c = p.clocks_summary(instant(now)?)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, clocks_of(&c)) };
        Ok(())
    })
}

/// Writes `t` (Unix seconds) as RFC 3339 UTC text, `YYYY-MM-DDThh:mm:ssZ`,
/// NUL-terminated, into `buf` (room for `size` bytes; pass at least
/// `REGLAMENT_INSTANT_TEXT_SIZE`).
///
/// Errors: `REGLAMENT_STATUS_INVALID_ARGUMENT` (NULL `buf`, `size` below
/// `REGLAMENT_INSTANT_TEXT_SIZE`: code `buffer_too_small`),
/// `REGLAMENT_STATUS_OUT_OF_RANGE` (outside years 0000 to 9999). On failure
/// `buf` is left unchanged.
///
/// # Safety
/// `buf` is NULL or has `size` writable bytes; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_instant_format(
    t: i64,
    buf: *mut c_char,
    size: usize,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let buf = guard::out(buf, "buf")?;
        if size < REGLAMENT_INSTANT_TEXT_SIZE {
            return Err(Failure::argument(
                "buffer_too_small",
                "size",
                format!("{size} bytes; an instant needs {REGLAMENT_INSTANT_TEXT_SIZE}"),
            ));
        }
        let text = format_instant(t)?;
        let bytes = text.as_bytes();
        // SAFETY: `size` >= 21 writable bytes at `buf` by contract; the
        // text is 20 ASCII bytes, then the NUL.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.cast::<u8>(), bytes.len());
            buf.add(bytes.len()).write(0);
        }
        Ok(())
    })
}

/// RFC 3339 UTC text of an instant within years 0000..=9999.
fn format_instant(t: i64) -> FfiResult<String> {
    let d = instant(t)?;
    if !(0..=9999).contains(&d.year()) {
        return Err(Failure::new(
            ReglamentStatus::OutOfRange,
            reglament::ErrorKind::OutOfRange.code(),
            format!("instant {t} (Unix seconds) is outside years 0000 to 9999"),
            None,
        ));
    }
    Ok(reglament::instant::format(d))
}

/// `*out` = the Unix seconds of an RFC 3339 instant (`text`, UTF-8, `len`
/// bytes, no NUL needed), e.g. `2026-03-27T10:00:00+02:00`; fractions of a
/// second are refused like everywhere in the library.
///
/// Errors: `REGLAMENT_STATUS_INVALID_ARGUMENT` (NULL `out`, NULL `text` with
/// a non-zero `len`, invalid UTF-8), `REGLAMENT_STATUS_INVALID_INPUT` (code
/// `invalid_instant`), `REGLAMENT_STATUS_OUT_OF_RANGE`. On failure `*out` is
/// left unchanged.
///
/// # Safety
/// `text` points to `len` readable bytes (or is NULL with `len` 0); `out` is
/// writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_instant_parse(
    text: *const c_char,
    len: usize,
    out: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let text = unsafe { guard::text(text, len, "text") }?;
        let out = guard::out(out, "out")?;
        let secs = reglament::instant::parse_secs(text)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, secs) };
        Ok(())
    })
}

/// The stable lower-case name of a request status (`"backlog"`, `"sprint"`,
/// `"in_progress"`, `"done"`, `"release"`, `"rejected"`, `"archived"`;
/// `"none"` before registration), or `"unknown"` for a value this version
/// does not define. Static: never free it.
#[no_mangle]
pub extern "C" fn reglament_request_status_name(status: i32) -> *const c_char {
    guard::infallible(c"unknown".as_ptr(), || {
        let name: &CStr = match status {
            0 => c"none",
            1 => c"backlog",
            2 => c"sprint",
            3 => c"in_progress",
            4 => c"done",
            5 => c"release",
            6 => c"rejected",
            7 => c"archived",
            _ => c"unknown",
        };
        name.as_ptr()
    })
}

/// The stable name of a metric (`"response"`, `"resolution"`,
/// `"update_interval"`), or `"unknown"`. Static: never free it.
#[no_mangle]
pub extern "C" fn reglament_metric_name(metric: i32) -> *const c_char {
    guard::infallible(c"unknown".as_ptr(), || {
        let name: &CStr = match metric {
            0 => c"response",
            1 => c"resolution",
            2 => c"update_interval",
            _ => c"unknown",
        };
        name.as_ptr()
    })
}

/// The stable name of a clock state (`"running"`, `"paused"`, `"met"`,
/// `"breached"`, `"unclassified"`, `"stopped"`), or `"unknown"`. Static:
/// never free it.
#[no_mangle]
pub extern "C" fn reglament_clock_state_name(state: i32) -> *const c_char {
    guard::infallible(c"unknown".as_ptr(), || {
        let name: &CStr = match state {
            0 => c"running",
            1 => c"paused",
            2 => c"met",
            3 => c"breached",
            4 => c"unclassified",
            5 => c"stopped",
            _ => c"unknown",
        };
        name.as_ptr()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_core_codes() {
        let name = |p: *const c_char| {
            // SAFETY: static NUL-terminated strings.
            unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string()
        };
        for (i, s) in [
            Status::Backlog,
            Status::Sprint,
            Status::InProgress,
            Status::Done,
            Status::Release,
            Status::Rejected,
            Status::Archived,
        ]
        .into_iter()
        .enumerate()
        {
            assert_eq!(status_of(Some(s)) as i32, i as i32 + 1);
            assert_eq!(name(reglament_request_status_name(i as i32 + 1)), s.code());
        }
        for (i, m) in [Metric::Response, Metric::Resolution, Metric::UpdateInterval]
            .into_iter()
            .enumerate()
        {
            assert_eq!(metric_of(m) as i32, i as i32);
            assert_eq!(name(reglament_metric_name(i as i32)), m.code());
        }
        for (i, s) in [
            ClockState::Running,
            ClockState::Paused,
            ClockState::Met,
            ClockState::Breached,
            ClockState::Unclassified,
            ClockState::Stopped,
        ]
        .into_iter()
        .enumerate()
        {
            assert_eq!(state_of(s) as i32, i as i32);
            assert_eq!(name(reglament_clock_state_name(i as i32)), s.code());
        }
        assert_eq!(name(reglament_clock_state_name(-1)), "unknown");
    }

    #[test]
    fn instants_format_and_parse_back() {
        for t in [0i64, 1_774_594_800, -62_167_219_200, 253_402_300_799] {
            let text = format_instant(t).unwrap_or_else(|_| panic!("{t}"));
            assert_eq!(text.len() + 1, REGLAMENT_INSTANT_TEXT_SIZE);
            assert_eq!(reglament::instant::parse_secs(&text).unwrap(), t);
        }
        assert!(format_instant(253_402_300_800).is_err());
        assert!(format_instant(i64::MIN).is_err());
    }
}
