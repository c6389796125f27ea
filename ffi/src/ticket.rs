//! Tickets: a request's events applied under a regulation, its state and
//! SLA clocks at a given `now`, the queue, compliance over many tickets.

use std::ffi::c_char;

use reglament::report;
use reglament::ticket::{Event, Outcome, Ticket};
use serde_json::Value;

use crate::calendar::instant;
use crate::error::{ReglamentError, ReglamentStatus};
use crate::guard::{self, json_value, run, Failure, FfiResult};
use crate::regulation::{reg, ReglamentRegulation};

/// One support request (clause 3): the fold of its accepted events.
///
/// Created by `reglament_ticket_new` or `reglament_ticket_replay`; freed by
/// `reglament_ticket_free`. A ticket is not bound to a regulation: every
/// call that needs one takes it, so the same history can be read under
/// another regulation ("what if").
///
/// Thread safety: not synchronised. A ticket may be moved to another thread,
/// and several threads may read it at once (the `const` functions), but no
/// call may run on it while `reglament_ticket_apply` runs on it.
pub struct ReglamentTicket {
    _opaque: [u8; 0],
}

handle_type!(
    ReglamentTicket(Ticket),
    0x5245_474c_5449_4b31,
    "reglament_ticket"
);

/// Borrows a ticket handle.
///
/// # Safety
/// `ptr` is NULL or a live ticket.
unsafe fn ticket_ref<'a>(ptr: *const ReglamentTicket, param: &str) -> FfiResult<&'a Ticket> {
    // SAFETY: forwarded contract.
    unsafe { guard::handle(ptr, param) }
}

/// A JSON array of events; an event that does not parse is named by its index.
fn event_list(text: &str) -> FfiResult<Vec<Event>> {
    let Value::Array(items) = json_value(text, "the event list")? else {
        return Err(Failure::new(
            ReglamentStatus::InvalidInput,
            reglament::ErrorKind::InvalidJson.code(),
            "the event list must be a JSON array".to_string(),
            None,
        ));
    };
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, v)| Event::from_value(v, &format!("events[{i}]")))
        .collect::<Result<Vec<_>, _>>()?)
}

/// An optional instant given as a pointer to Unix seconds (NULL: none).
///
/// # Safety
/// `p` is NULL or readable.
unsafe fn optional_instant(
    p: *const i64,
    param: &str,
) -> FfiResult<Option<chrono::DateTime<chrono::Utc>>> {
    if p.is_null() {
        return Ok(None);
    }
    if !p.is_aligned() {
        return Err(Failure::argument(
            "invalid_argument",
            param,
            "misaligned pointer".into(),
        ));
    }
    // SAFETY: non-null, aligned, readable by contract.
    Ok(Some(instant(unsafe { p.read() })?))
}

/// Checks an optional output pointer (NULL means the caller does not want
/// it): NULL stays NULL, a misaligned pointer is a failure.
fn optional_out<T>(out: *mut T, param: &str) -> FfiResult<*mut T> {
    if out.is_null() {
        Ok(out)
    } else {
        guard::out(out, param)
    }
}

/// An outcome as JSON: the core's form, a refusal's `field` always present
/// (`null` when none).
pub(crate) fn outcome_value(o: &Outcome) -> Value {
    match o {
        Outcome::Accepted { .. } => serde_json::to_value(o).unwrap_or_default(),
        Outcome::Refused(r) => serde_json::json!({
            "accepted": false,
            "refusal": crate::status::refusal_value(r),
        }),
    }
}

/// A new, empty request with the host's id (UTF-8); its first event must
/// register it.
///
/// On success stores a new ticket in `*out` (free it with
/// `reglament_ticket_free`).
///
/// # Safety
/// `id` points to `id_len` readable bytes (or is NULL with `id_len` 0);
/// `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_new(
    id: *const c_char,
    id_len: usize,
    out: *mut *mut ReglamentTicket,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let id = unsafe { guard::text(id, id_len, "id") }?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::into_raw::<ReglamentTicket>(Ticket::new(id))) };
        Ok(())
    })
}

/// Frees a ticket. NULL is accepted and ignored.
///
/// # Safety
/// `ticket` is NULL or a ticket returned by this library and not yet freed;
/// no other call may be using it; it must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_free(ticket: *mut ReglamentTicket) {
    // SAFETY: forwarded contract.
    unsafe { guard::free(ticket) }
}

/// `*out` = an independent copy of the ticket (free it with
/// `reglament_ticket_free`).
///
/// # Safety
/// `ticket` is NULL or a live ticket; `out` is writable; `err` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_clone(
    ticket: *const ReglamentTicket,
    out: *mut *mut ReglamentTicket,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { ticket_ref(ticket, "ticket") }?;
        let out = guard::out(out, "out")?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::into_raw::<ReglamentTicket>(t.clone())) };
        Ok(())
    })
}

/// The common part of apply and check.
///
/// # Safety
/// Pointer contracts of `reglament_ticket_apply`.
unsafe fn apply_or_check(
    regulation: *const ReglamentRegulation,
    event_json: *const c_char,
    len: usize,
    outcome: *mut *mut c_char,
    decide: impl FnOnce(&reglament::Regulation, Event) -> Outcome,
) -> FfiResult {
    // Every argument is checked before the event is decided: a failure
    // other than a refusal means nothing changed.
    // SAFETY: forwarded contract.
    let r = unsafe { reg(regulation) }?;
    // SAFETY: forwarded contract.
    let text = unsafe { guard::text(event_json, len, "event_json") }?;
    let outcome = optional_out(outcome, "outcome")?;
    let event = Event::from_json(text)?;
    let o = decide(r, event);
    if !outcome.is_null() {
        // SAFETY: checked by optional_out.
        unsafe { guard::put(outcome, guard::owned_string(&outcome_value(&o).to_string())) };
    }
    match &o {
        Outcome::Accepted { .. } => Ok(()),
        Outcome::Refused(refusal) => Err(Failure::refused(refusal)),
    }
}

/// Applies one event (a JSON object, UTF-8; format in `tests/vectors/README.md`)
/// to the ticket under `regulation`.
///
/// * Accepted: returns `REGLAMENT_STATUS_OK`; the event is part of the
///   history now.
/// * Refused by the regulation: returns `REGLAMENT_STATUS_REFUSED` and the
///   ticket did not change; the error carries the clause
///   (`reglament_error_clause`), the refusal code (`reglament_error_code`,
///   e.g. `wrong_status`), the field at fault, and the explanation in English
///   and Ukrainian (`reglament_error_message`, `reglament_error_message_uk`).
/// * An event that does not parse (unknown kind or key, invalid instant...)
///   returns `REGLAMENT_STATUS_INVALID_INPUT` and the ticket did not change.
///
/// When `outcome` is not NULL, it receives on OK and on REFUSED the outcome
/// as JSON (free it with `reglament_string_free`):
/// `{"accepted": true, "warnings": [{"code", "clause", "message_uk", "message_en"}]}`
/// or `{"accepted": false, "refusal": {"clause", "code", "kind", "role",
/// "status", "field", "message_uk", "message_en"}}` (`field` is `null` when
/// the refusal is not about one field; the messages here carry no field
/// prefix). Warnings (e.g. staff acting outside working hours) exist only
/// there.
///
/// Every argument is checked before the event is looked at: any status
/// other than OK means the ticket did not change (a misaligned `outcome`
/// is `REGLAMENT_STATUS_INVALID_ARGUMENT` and nothing is applied).
///
/// # Safety
/// `ticket` is NULL or a live ticket not used by any other call meanwhile;
/// `regulation` is NULL or a live regulation; `event_json` points to `len`
/// readable bytes (or is NULL with `len` 0); `outcome` and `err` are NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_apply(
    ticket: *mut ReglamentTicket,
    regulation: *const ReglamentRegulation,
    event_json: *const c_char,
    len: usize,
    outcome: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { guard::handle_mut(ticket, "ticket") }?;
        // SAFETY: forwarded contract.
        unsafe { apply_or_check(regulation, event_json, len, outcome, |r, e| t.apply(r, e)) }
    })
}

/// Like `reglament_ticket_apply`, but only tells whether the event would be
/// accepted now (and with which warnings): the ticket never changes.
///
/// # Safety
/// As for `reglament_ticket_apply` (the ticket is only read).
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_check(
    ticket: *const ReglamentTicket,
    regulation: *const ReglamentRegulation,
    event_json: *const c_char,
    len: usize,
    outcome: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { ticket_ref(ticket, "ticket") }?;
        // SAFETY: forwarded contract.
        unsafe {
            apply_or_check(regulation, event_json, len, outcome, |r, e| {
                t.try_apply(r, &e)
            })
        }
    })
}

/// Replays a stored history: `events_json` is a JSON array of events or
/// JSON Lines (one event per line), applied in order to a new ticket with
/// the id `id` under `regulation`. Refused events are part of the answer,
/// not a failure, and so is an item that is not an event: it is the step
/// `{"index", "error": {"code", "field", "message"}}` (field `events[i]...`)
/// and the replay goes on, as in every face.
///
/// On success stores the new ticket in `*out` (free it with
/// `reglament_ticket_free`) and, when `steps` is not NULL, the replay as JSON
/// in `*steps` (free it with `reglament_string_free`):
/// `{"ticket": {...}, "steps": [...]}`, one step per event:
/// `{"index", "kind", "at", "accepted", "status", "warnings"}` for an
/// accepted event, `{"index", "kind", "at", "accepted", "status",
/// "refusal"}` for a refused one (`status` is the status after the event;
/// the refusal object is the one of `reglament_ticket_apply`'s outcome,
/// `field` included).
///
/// Errors: `REGLAMENT_STATUS_INVALID_INPUT` when the text starts as a JSON
/// array but is not valid JSON (field `events`); nothing is stored then.
///
/// # Safety
/// `regulation` is NULL or a live regulation; `id` and `events_json` point to
/// `id_len` and `events_len` readable bytes (or are NULL with length 0);
/// `out` is writable; `steps` and `err` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_replay(
    regulation: *const ReglamentRegulation,
    id: *const c_char,
    id_len: usize,
    events_json: *const c_char,
    events_len: usize,
    out: *mut *mut ReglamentTicket,
    steps: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        let steps = optional_out(steps, "steps")?;
        // SAFETY: forwarded contract.
        let id = unsafe { guard::text(id, id_len, "id") }?;
        // SAFETY: forwarded contract.
        let text = unsafe { guard::text(events_json, events_len, "events_json") }?;
        // the one reading of a history every face shares: an item that is
        // not an event is an error step and the replay goes on
        let items = Event::read_list(text)?;
        let replay = Ticket::replay_items(r, id, items);
        if !steps.is_null() {
            let json = replay.to_value(None).to_string();
            // SAFETY: checked by guard::out.
            unsafe { guard::put(steps, guard::owned_string(&json)) };
        }
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::into_raw::<ReglamentTicket>(replay.ticket)) };
        Ok(())
    })
}

/// `*out` = the ticket's state as JSON (free it with `reglament_string_free`):
/// id, status, category, priority, registration, every status, priority and
/// category change, approvals, extensions, cycles, `archive_due_at`...
/// When `now` is not NULL, also whether the ticket is `archivable` at `*now`.
///
/// # Safety
/// `ticket` is NULL or a live ticket; `now` is NULL or readable; `out` is
/// writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_to_json(
    ticket: *const ReglamentTicket,
    now: *const i64,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { ticket_ref(ticket, "ticket") }?;
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let now = unsafe { optional_instant(now, "now") }?;
        let json = t.to_value(now).to_string();
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&json)) };
        Ok(())
    })
}

/// `*out` = the SLA clocks of the ticket at `now` under `regulation`, as JSON
/// (free it with `reglament_string_free`): `{"ticket", "now", "status",
/// "response": {...}, "resolution": {...}, "update_interval": {...} | null,
/// "next_change_at"}`, each clock with its state (`running`, `paused`,
/// `met`, `breached`, ...), target, consumed and remaining working seconds,
/// due instants with and without extensions, thresholds and pauses.
///
/// # Safety
/// `ticket` is NULL or a live ticket; `regulation` is NULL or a live
/// regulation; `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_clocks_json(
    ticket: *const ReglamentTicket,
    regulation: *const ReglamentRegulation,
    now: i64,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { ticket_ref(ticket, "ticket") }?;
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        let clocks = t.clocks(r, instant(now)?)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&clocks.to_value().to_string())) };
        Ok(())
    })
}

/// The earliest instant after `now` at which anything about the ticket
/// changes (a threshold crossed, a clock falling due or breaching, the
/// archive falling due): the host's next timer, so it needs none of ours.
/// `*found` = false (and `*at` untouched) when nothing is scheduled.
///
/// # Safety
/// `ticket` is NULL or a live ticket; `regulation` is NULL or a live
/// regulation; `found` and `at` are writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_next_change(
    ticket: *const ReglamentTicket,
    regulation: *const ReglamentRegulation,
    now: i64,
    found: *mut bool,
    at: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { ticket_ref(ticket, "ticket") }?;
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let found = guard::out(found, "found")?;
        let at = guard::out(at, "at")?;
        let next = t.next_change_at(r, instant(now)?)?;
        // SAFETY: checked by guard::out.
        unsafe {
            guard::put(found, next.is_some());
            if let Some(n) = next {
                guard::put(at, n.timestamp());
            }
        }
        Ok(())
    })
}

/// A ticket's SLA clocks computed once for every `now` from its last event
/// on: each read (`reglament_clock_plan_clocks_json`,
/// `reglament_clock_plan_summary_json`, `reglament_clock_plan_next_change`)
/// equals what the ticket gives at the same `now` under the same
/// regulation, for one calendar lookup and a copy instead of a computation
/// from the events: for hosts that re-read the clocks of many requests
/// (boards, schedulers). A plan is a snapshot: it does not see events
/// applied to the ticket afterwards (make a new plan), and it refuses a
/// `now` before the ticket's last event (`REGLAMENT_STATUS_INVALID_INPUT`,
/// error code `conflict`, field `now`).
///
/// Created by `reglament_ticket_clock_plan`; freed by
/// `reglament_clock_plan_free`. It holds no pointer to the ticket or the
/// regulation: either may be freed or changed while the plan lives.
///
/// Thread safety: immutable once made; any number of threads may read it
/// at once, and it may be moved to another thread.
pub struct ReglamentClockPlan {
    _opaque: [u8; 0],
}

handle_type!(
    ReglamentClockPlan(reglament::sla::ClockPlan),
    0x5245_474c_504c_4e31,
    "reglament_clock_plan"
);

/// Borrows a plan handle.
///
/// # Safety
/// `ptr` is NULL or a live plan.
unsafe fn plan_ref<'a>(ptr: *const ReglamentClockPlan) -> FfiResult<&'a reglament::sla::ClockPlan> {
    // SAFETY: forwarded contract.
    unsafe { guard::handle(ptr, "plan") }
}

/// `*out` = the ticket's clock plan under `regulation` (free it with
/// `reglament_clock_plan_free`): its clocks computed once for every `now`
/// from its last event on.
///
/// Fails like `reglament_ticket_clocks_json` at the last event (an
/// unregistered ticket: `REGLAMENT_STATUS_INVALID_INPUT`, error code
/// `conflict`).
///
/// # Safety
/// `ticket` is NULL or a live ticket; `regulation` is NULL or a live
/// regulation; `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_clock_plan(
    ticket: *const ReglamentTicket,
    regulation: *const ReglamentRegulation,
    out: *mut *mut ReglamentClockPlan,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { ticket_ref(ticket, "ticket") }?;
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        let plan = t.clock_plan(r)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::into_raw::<ReglamentClockPlan>(plan)) };
        Ok(())
    })
}

/// Frees a clock plan. NULL is accepted and ignored.
///
/// # Safety
/// `plan` is NULL or a plan returned by this library and not yet freed; no
/// other call may be using it; it must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn reglament_clock_plan_free(plan: *mut ReglamentClockPlan) {
    // SAFETY: forwarded contract.
    unsafe { guard::free(plan) }
}

/// `*from` = the first `now` the plan answers for (Unix seconds): the
/// ticket's last event when the plan was made.
///
/// # Safety
/// `plan` is NULL or a live plan; `from` is writable; `err` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_clock_plan_valid_from(
    plan: *const ReglamentClockPlan,
    from: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let p = unsafe { plan_ref(plan) }?;
        let from = guard::out(from, "from")?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(from, p.valid_from().timestamp()) };
        Ok(())
    })
}

/// `*out` = the clocks at `now` as JSON (free it with
/// `reglament_string_free`), the document of `reglament_ticket_clocks_json`.
///
/// # Safety
/// `plan` is NULL or a live plan; `out` is writable; `err` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_clock_plan_clocks_json(
    plan: *const ReglamentClockPlan,
    now: i64,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    // SAFETY: forwarded contract.
    unsafe { plan_json(plan, now, out, err, reglament::sla::ClockPlan::clocks) }
}

/// `*out` = the clocks at `now` without their records (thresholds, due
/// history, extensions and pauses left empty) as JSON (free it with
/// `reglament_string_free`): states, due instants, breaches, consumed and
/// remaining time, `next_change_at`.
///
/// # Safety
/// `plan` is NULL or a live plan; `out` is writable; `err` is NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_clock_plan_summary_json(
    plan: *const ReglamentClockPlan,
    now: i64,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    // SAFETY: forwarded contract.
    unsafe {
        plan_json(
            plan,
            now,
            out,
            err,
            reglament::sla::ClockPlan::clocks_summary,
        )
    }
}

/// One read of a plan at `now`, written as JSON into `*out`.
///
/// # Safety
/// As the exported readers: `plan` is NULL or a live plan; `out` is
/// writable; `err` is NULL or writable.
unsafe fn plan_json(
    plan: *const ReglamentClockPlan,
    now: i64,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
    read: fn(
        &reglament::sla::ClockPlan,
        chrono::DateTime<chrono::Utc>,
    ) -> reglament::Result<reglament::sla::Clocks>,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let p = unsafe { plan_ref(plan) }?;
        let out = guard::out(out, "out")?;
        let clocks = read(p, instant(now)?)?;
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&clocks.to_value().to_string())) };
        Ok(())
    })
}

/// The earliest instant after `now` at which anything about the ticket
/// changes, as `reglament_ticket_next_change` gives it: `*found` = false
/// (and `*at` untouched) when nothing is scheduled.
///
/// # Safety
/// `plan` is NULL or a live plan; `found` and `at` are writable; `err` is
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_clock_plan_next_change(
    plan: *const ReglamentClockPlan,
    now: i64,
    found: *mut bool,
    at: *mut i64,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let p = unsafe { plan_ref(plan) }?;
        let found = guard::out(found, "found")?;
        let at = guard::out(at, "at")?;
        let next = p.next_change_at(instant(now)?)?;
        // SAFETY: checked by guard::out.
        unsafe {
            guard::put(found, next.is_some());
            if let Some(n) = next {
                guard::put(at, n.timestamp());
            }
        }
        Ok(())
    })
}

/// Borrows an array of ticket handles.
///
/// # Safety
/// `tickets` is NULL (with `count` 0) or points to `count` readable pointers,
/// each NULL or a live ticket.
unsafe fn ticket_list<'a>(
    tickets: *const *const ReglamentTicket,
    count: usize,
) -> FfiResult<Vec<&'a Ticket>> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if tickets.is_null() {
        return Err(Failure::argument(
            "null_argument",
            "tickets",
            format!("NULL array with count {count}"),
        ));
    }
    if !tickets.is_aligned()
        || count > isize::MAX as usize / std::mem::size_of::<*const ReglamentTicket>()
    {
        return Err(Failure::argument(
            "invalid_argument",
            "tickets",
            "misaligned array or impossible count".into(),
        ));
    }
    // SAFETY: `count` readable pointers by contract, checked non-null and aligned.
    let ptrs = unsafe { std::slice::from_raw_parts(tickets, count) };
    ptrs.iter()
        .enumerate()
        // SAFETY: each element is NULL or a live ticket by contract.
        .map(|(i, &p)| unsafe { ticket_ref(p, "tickets") }.map_err(|f| f.element(i)))
        .collect()
}

/// The support queue of clause 3.3: the waiting requests (Backlog, Sprint,
/// In progress, Done) among `tickets`, ordered by current priority
/// (critical first), then submission time, then id; a ticket listed more
/// than once appears once per listing, in the order of the indices.
///
/// Writes into `order` (room for `count` entries) the indices into `tickets`
/// of the waiting requests, in queue order, and their number into
/// `*order_len`. Cost: one sort, O(n log n).
///
/// # Safety
/// `tickets` points to `count` readable pointers (or is NULL with `count`
/// 0), each a live ticket; `order` has room for `count` `size_t` (it may be
/// NULL when `count` is 0); `order_len` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_queue(
    tickets: *const *const ReglamentTicket,
    count: usize,
    order: *mut usize,
    order_len: *mut usize,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let ts = unsafe { ticket_list(tickets, count) }?;
        let order_len = guard::out(order_len, "order_len")?;
        let order = if count > 0 {
            guard::out(order, "order")?
        } else {
            order
        };
        let queued = queue_indices(&ts);
        for (k, &i) in queued.iter().enumerate() {
            // SAFETY: checked by guard::out; k < queued.len() <= count, the room promised.
            unsafe { guard::put(order.add(k), i) };
        }
        // SAFETY: checked by guard::out.
        unsafe { guard::put(order_len, queued.len()) };
        Ok(())
    })
}

/// The indices of the waiting tickets in the order of `report::queue_order`
/// (clause 3.3), ties between listings of one ticket broken by index: the
/// keys are read once and the (key, index) pairs sorted once.
pub(crate) fn queue_indices(ts: &[&Ticket]) -> Vec<usize> {
    // The key of report::queue_order: a priority before none; within, the
    // higher rank, then the earlier submission; then the id.
    type Key<'a> = (
        bool,
        Option<std::cmp::Reverse<u8>>,
        Option<chrono::DateTime<chrono::Utc>>,
        &'a str,
        usize,
    );
    let mut keyed: Vec<Key<'_>> = ts
        .iter()
        .enumerate()
        .filter(|(_, t)| t.status().is_some_and(|s| s.is_queued()))
        .map(|(i, t)| {
            let p = t.priority();
            (
                p.is_none(),
                p.map(|p| std::cmp::Reverse(p.rank())),
                p.and(t.submitted_at()),
                t.id(),
                i,
            )
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|k| k.4).collect()
}

/// SLA compliance of `tickets` registered in `[from, to)` (pass NULL for an
/// open bound), read at `now` under `regulation`, as JSON (free it with
/// `reglament_string_free`): per metric, category and priority, how many
/// clocks were met on time, met late, are breached, still open or stopped,
/// with and without extensions, plus totals.
///
/// # Safety
/// `regulation` is NULL or a live regulation; `tickets` points to `count`
/// readable pointers (or is NULL with `count` 0), each a live ticket; `from`
/// and `to` are NULL or readable; `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_compliance_json(
    regulation: *const ReglamentRegulation,
    tickets: *const *const ReglamentTicket,
    count: usize,
    from: *const i64,
    to: *const i64,
    now: i64,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        // SAFETY: forwarded contract.
        let ts = unsafe { ticket_list(tickets, count) }?;
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let (from, to) = unsafe { (optional_instant(from, "from")?, optional_instant(to, "to")?) };
        // The core reads a slice of tickets: copy them.
        let owned: Vec<Ticket> = ts.into_iter().cloned().collect();
        let c = report::compliance(r, &owned, from, to, instant(now)?)?;
        // SAFETY: checked by guard::out.
        unsafe {
            guard::put(
                out,
                guard::owned_string(&serde_json::to_string(&c).unwrap_or_default()),
            )
        };
        Ok(())
    })
}

/// `*out` = how one SLA clock of the ticket stands at `now` under
/// `regulation`, explained, as JSON (free it with `reglament_string_free`):
/// `{"clock": {...}, "counted": [{"from", "to", "seconds"}], "pauses": [...],
/// "skipped_days": [...], "uk": [sentences], "en": [sentences]}`; the counted
/// intervals add up to the clock's consumed time. `metric` is `response`,
/// `resolution` or `update_interval`. `*out` is `null` (the JSON text) when
/// the clock does not exist (an SLA row without an update interval).
///
/// # Safety
/// `ticket` is NULL or a live ticket; `regulation` is NULL or a live
/// regulation; `metric` points to `metric_len` readable bytes (or is NULL
/// with length 0); `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_ticket_explain_json(
    ticket: *const ReglamentTicket,
    regulation: *const ReglamentRegulation,
    metric: *const c_char,
    metric_len: usize,
    now: i64,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let t = unsafe { ticket_ref(ticket, "ticket") }?;
        // SAFETY: forwarded contract.
        let r = unsafe { reg(regulation) }?;
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let metric = unsafe { guard::text(metric, metric_len, "metric") }?;
        let metric = crate::regulation::code::<reglament::model::Metric>(metric, "metric")?;
        let x = t.explain_clock(r, metric, instant(now)?)?;
        let json = serde_json::to_string(&x).unwrap_or_default();
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&json)) };
        Ok(())
    })
}

/// What if the same history ran under another regulation: replays
/// `events_json` (a JSON array of events) under `a` and under `b`, and
/// reports what differs, read at `*now` (NULL: the last event's instant), as
/// JSON (free it with `reglament_string_free`): each event's fate under both,
/// the final statuses, and per clock the fields that differ
/// (`{"accepted": [a, b], "steps": [...], "status": null | [a, b],
/// "clocks": [{"metric", "field", "a", "b"}], ...}`). Nothing is stored.
///
/// Errors: `REGLAMENT_STATUS_INVALID_INPUT` when the text is not a JSON
/// array or an event does not parse (the field names it: `events[3].kind`).
///
/// # Safety
/// `a` and `b` are NULL or live regulations; `id` and `events_json` point to
/// `id_len` and `events_len` readable bytes (or are NULL with length 0);
/// `now` is NULL or readable; `out` is writable; `err` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn reglament_what_if_json(
    a: *const ReglamentRegulation,
    b: *const ReglamentRegulation,
    id: *const c_char,
    id_len: usize,
    events_json: *const c_char,
    events_len: usize,
    now: *const i64,
    out: *mut *mut c_char,
    err: *mut *mut ReglamentError,
) -> ReglamentStatus {
    run(err, || {
        // SAFETY: forwarded contract.
        let ra = unsafe { guard::handle(a, "a") }?;
        // SAFETY: forwarded contract.
        let rb = unsafe { guard::handle(b, "b") }?;
        let out = guard::out(out, "out")?;
        // SAFETY: forwarded contract.
        let id = unsafe { guard::text(id, id_len, "id") }?;
        // SAFETY: forwarded contract.
        let text = unsafe { guard::text(events_json, events_len, "events_json") }?;
        let events = event_list(text)?;
        // SAFETY: forwarded contract.
        let now = unsafe { optional_instant(now, "now") }?;
        let w = report::what_if(ra, rb, id, &events, now)?;
        let json = serde_json::to_string(&w).unwrap_or_default();
        // SAFETY: checked by guard::out.
        unsafe { guard::put(out, guard::owned_string(&json)) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use reglament::Regulation;

    /// A misaligned `outcome` is refused before the event is looked at:
    /// the ticket stays unregistered.
    #[test]
    fn a_failed_apply_applies_nothing() {
        let mut reg = std::ptr::null_mut();
        let mut t = std::ptr::null_mut();
        let event = r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}"#;
        let mut slots = [std::ptr::null_mut::<c_char>(); 2];
        let misaligned = slots
            .as_mut_ptr()
            .cast::<u8>()
            .wrapping_add(1)
            .cast::<*mut c_char>();
        // SAFETY: valid pointers; the misaligned one is never written.
        unsafe {
            crate::regulation::reglament_regulation_default(&mut reg, std::ptr::null_mut());
            reglament_ticket_new(c"T".as_ptr(), 1, &mut t, std::ptr::null_mut());
            let st = reglament_ticket_apply(
                t,
                reg,
                event.as_ptr().cast(),
                event.len(),
                misaligned,
                std::ptr::null_mut(),
            );
            assert_eq!(st, ReglamentStatus::InvalidArgument);
            let mut status = crate::typed::ReglamentRequestStatus::Backlog;
            crate::typed::reglament_ticket_status(t, &mut status, std::ptr::null_mut());
            assert_eq!(status, crate::typed::ReglamentRequestStatus::None);
            assert!(slots.iter().all(|p| p.is_null()));
            let st = reglament_ticket_apply(
                t,
                reg,
                event.as_ptr().cast(),
                event.len(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            );
            assert_eq!(st, ReglamentStatus::Ok);
            reglament_ticket_free(t);
            crate::regulation::reglament_regulation_free(reg);
        }
    }

    /// The sorted (key, index) pairs give the order of `report::queue`, with
    /// every listing of a ticket listed twice.
    #[test]
    fn queue_indices_follow_the_core_order() {
        let reg = Regulation::default();
        let priorities = ["low", "medium", "high", "critical"];
        let mut tickets = Vec::new();
        for i in 0..40u32 {
            let mut t = Ticket::new(format!("T-{:02}", (i * 17) % 40));
            if i % 9 != 4 {
                // same submission minute for several, to reach the id tie-break
                let e = Event::from_json(&format!(
                    r#"{{"kind":"register","at":"2026-03-02T10:{:02}:00+02:00","actor":{{"id":"op","role":"operator"}},
                       "channel":"phone","description":"d","conditions":"c","priority":"{}","category":"consultation"}}"#,
                    (i * 7) % 5,
                    priorities[(i % 4) as usize]
                ))
                .unwrap();
                assert!(t.apply(&reg, e).is_accepted());
            }
            if i % 11 == 3 {
                let e = Event::from_json(
                    r#"{"kind":"reject","at":"2026-03-02T11:00:00+02:00","actor":{"id":"op","role":"operator"},"reason":"x"}"#,
                )
                .unwrap();
                assert!(t.apply(&reg, e).is_accepted());
            }
            tickets.push(t);
        }
        let refs: Vec<&Ticket> = tickets.iter().collect();
        let core: Vec<&str> = reglament::report::queue(refs.iter().copied())
            .iter()
            .map(|t| t.id())
            .collect();
        let ours: Vec<&str> = queue_indices(&refs)
            .into_iter()
            .map(|i| refs[i].id())
            .collect();
        assert_eq!(ours, core);
        assert!(!core.is_empty());

        // each ticket twice: both indices, adjacent, the smaller first
        let twice: Vec<&Ticket> = refs.iter().chain(refs.iter()).copied().collect();
        let order = queue_indices(&twice);
        assert_eq!(order.len(), 2 * core.len());
        for (k, pair) in order.chunks(2).enumerate() {
            assert_eq!(pair[1], pair[0] + refs.len());
            assert_eq!(twice[pair[0]].id(), core[k]);
        }
    }
}
