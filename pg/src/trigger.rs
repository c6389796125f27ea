//! `reglament.enforce()`: the trigger that refuses an illegal event inside
//! the inserting transaction (pg/README.md, "The event log").
//!
//! ```sql
//! CREATE TRIGGER ... BEFORE INSERT ON <event log> FOR EACH ROW
//!   EXECUTE FUNCTION reglament.enforce(
//!     'request_id',   -- the column naming the request (any type)
//!     'seq',          -- integer/bigint: 1, 2, ... per request; NULL = assigned
//!     'event',        -- jsonb: the event document
//!     'outcome',      -- jsonb column filled with the outcome, or '' for none
//!     '{...}',        -- optional: the regulation file; absent or '' = the default
//!     'hash');        -- optional: a text column filled with the event's chain hash
//! ```
//!
//! With a hash column each accepted row stores the `hash` of its entry in
//! the request's hash chain (DESIGN §5: genesis bound to the regulation's
//! fingerprint and the request id as text; chain `seq` = the row's `seq` - 1),
//! so the last row's hash is the request's head, equal to
//! `reglament.chain_head(<the stored events>, <request>, <regulation>)`.
//!
//! Per inserted row: take a transaction-scoped advisory lock on (table,
//! request), so concurrent inserts for one request run one after the other;
//! read the request's stored events (a fresh snapshot, after the lock);
//! replay them; apply the new event. Refused: SQLSTATE 23514 with the
//! clause. Malformed: SQLSTATE 22023. Accepted: the row is stored, its
//! `seq` set and its outcome written.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::{CStr, CString};
use std::rc::Rc;

use pgrx::heap_tuple::PgHeapTupleError;
use pgrx::pg_sys;
use pgrx::prelude::*;
use pgrx::spi::{OwnedPreparedStatement, SpiClient};
use pgrx::JsonB;
use pgrx::{PgBuiltInOids, PgOid};
use reglament::ticket::{Event, Outcome, Ticket};
use reglament::ErrorKind;

use crate::cache;
use crate::convert::JsonbArg;
use crate::error::{raise, raise_append_only, raise_kind, raise_refusal, OrRaise};
use crate::ticket::outcome_value;

/// The trigger's arguments, with their defaults.
struct Args {
    request: String,
    seq: String,
    event: String,
    outcome: Option<String>,
    regulation: Option<String>,
    hash: Option<String>,
}

fn args_of(trigger: &PgTrigger<'_>) -> Args {
    let a = trigger.extra_args().unwrap_or_default();
    let get = |i: usize, default: &str| {
        a.get(i)
            .filter(|s| !s.is_empty())
            .cloned()
            .unwrap_or_else(|| default.to_string())
    };
    Args {
        request: get(0, "request_id"),
        seq: get(1, "seq"),
        event: get(2, "event"),
        outcome: match a.get(3) {
            None => Some("outcome".into()),
            Some(s) if s.is_empty() => None,
            Some(s) => Some(s.clone()),
        },
        regulation: a.get(4).filter(|s| !s.trim().is_empty()).cloned(),
        hash: a.get(5).filter(|s| !s.is_empty()).cloned(),
    }
}

/// `"name"` with embedded quotes doubled: an SQL identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A misuse of the trigger (wrong event, wrong table layout): SQLSTATE 22023.
fn misuse(field: &str, message: &str) -> ! {
    raise_kind(ErrorKind::InvalidValue, Some(field), message)
}

/// Column `name` of the trigger's relation: its attribute number and type.
fn column(tupdesc: pg_sys::TupleDesc, name: &str, param: &str) -> (i32, pg_sys::Oid) {
    let c = CString::new(name).unwrap_or_else(|_| misuse(param, "a column name has no NUL"));
    // SAFETY: tupdesc is the trigger relation's descriptor; c is a C string.
    let n = unsafe { pg_sys::SPI_fnumber(tupdesc, c.as_ptr()) };
    if n <= 0 {
        misuse(param, &format!("the table has no column {name:?}"));
    }
    // SAFETY: n is a valid attribute number of tupdesc.
    let ty = unsafe { pg_sys::SPI_gettypeid(tupdesc, n) };
    (n, ty)
}

/// The text form of attribute `n` of the new row (`None` when NULL).
fn text_of(tuple: pg_sys::HeapTuple, tupdesc: pg_sys::TupleDesc, n: i32) -> Option<String> {
    // SAFETY: tuple/tupdesc are the trigger's; n a valid attribute number.
    let p = unsafe { pg_sys::SPI_getvalue(tuple, tupdesc, n) };
    if p.is_null() {
        return None;
    }
    // SAFETY: SPI_getvalue returns a palloc'd C string.
    Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

thread_local! {
    /// `format_type` of the request columns' types, by type oid.
    static TYPE_NAMES: RefCell<HashMap<pg_sys::Oid, String>> = RefCell::new(HashMap::new());
    /// The trigger's two statements, prepared once per backend and table
    /// layout (keyed by their text); PostgreSQL's plan cache re-plans them
    /// when the table changes.
    static PLANS: RefCell<HashMap<String, Rc<OwnedPreparedStatement>>> = RefCell::new(HashMap::new());
}

/// How many prepared statements a backend keeps (two per event-log table).
const PLAN_CAPACITY: usize = 64;

/// The SQL name of a type (`format_type`), for casting the request's text.
fn type_name(ty: pg_sys::Oid) -> String {
    if let Some(n) = TYPE_NAMES.with(|t| t.borrow().get(&ty).cloned()) {
        return n;
    }
    let n = Spi::get_one_with_args::<String>("SELECT format_type($1, NULL)", &[ty.into()])
        .ok()
        .flatten()
        .unwrap_or_else(|| misuse("request", "the request column's type has no name"));
    TYPE_NAMES.with(|t| t.borrow_mut().insert(ty, n.clone()));
    n
}

/// The prepared statement of `sql` (argument types `args`), made on first use.
fn plan(client: &SpiClient<'_>, sql: &str, args: &[PgOid]) -> Rc<OwnedPreparedStatement> {
    if let Some(p) = PLANS.with(|p| p.borrow().get(sql).cloned()) {
        return p;
    }
    let p = client
        .prepare_mut(sql, args)
        .unwrap_or_else(|e| misuse("trigger", &format!("preparing {sql:?}: {e}")))
        .keep();
    let p = Rc::new(p);
    PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        if plans.len() >= PLAN_CAPACITY {
            plans.clear();
        }
        plans.insert(sql.to_string(), Rc::clone(&p));
    });
    p
}

/// Enforces the regulation on an event log (see the module documentation).
#[pg_trigger]
pub fn enforce<'a>(
    trigger: &'a PgTrigger<'a>,
) -> Result<Option<PgHeapTuple<'a, impl WhoAllocated>>, PgHeapTupleError> {
    match (trigger.when(), trigger.op(), trigger.level()) {
        (Ok(PgTriggerWhen::Before), Ok(PgTriggerOperation::Insert), PgTriggerLevel::Row) => {}
        (
            Ok(PgTriggerWhen::Before),
            Ok(PgTriggerOperation::Update | PgTriggerOperation::Delete),
            PgTriggerLevel::Row,
        ) => raise_append_only(&trigger.table_name().unwrap_or_default()),
        _ => misuse(
            "trigger",
            "reglament.enforce() runs BEFORE INSERT (or BEFORE UPDATE OR DELETE, to keep the log append-only) FOR EACH ROW",
        ),
    }
    let args = args_of(trigger);
    let data = trigger.trigger_data();
    let tuple = data.tg_trigtuple;
    // SAFETY: a row trigger's relation and its descriptor are valid.
    let tupdesc = unsafe { (*data.tg_relation).rd_att };
    let (req_n, req_ty) = column(tupdesc, &args.request, "request");
    let (seq_n, seq_ty) = column(tupdesc, &args.seq, "seq");
    let (ev_n, ev_ty) = column(tupdesc, &args.event, "event");
    if ev_ty != pg_sys::JSONBOID {
        misuse("event", &format!("column {:?} must be jsonb", args.event));
    }
    if seq_ty != pg_sys::INT4OID && seq_ty != pg_sys::INT8OID {
        misuse(
            "seq",
            &format!("column {:?} must be integer or bigint", args.seq),
        );
    }
    if let Some(o) = &args.outcome {
        if column(tupdesc, o, "outcome").1 != pg_sys::JSONBOID {
            misuse("outcome", &format!("column {o:?} must be jsonb"));
        }
    }
    if let Some(h) = &args.hash {
        let ty = column(tupdesc, h, "hash").1;
        if ty != pg_sys::TEXTOID && ty != pg_sys::VARCHAROID {
            misuse("hash", &format!("column {h:?} must be text"));
        }
    }
    let request = text_of(tuple, tupdesc, req_n)
        .unwrap_or_else(|| misuse("request", "the request column is NULL"));
    let given_seq: Option<i64> = text_of(tuple, tupdesc, seq_n).map(|s| {
        s.parse()
            .unwrap_or_else(|_| misuse("seq", &format!("{s:?} is not a whole number")))
    });

    let new = trigger
        .new()
        .unwrap_or_else(|| misuse("trigger", "no new row"));
    let mut is_null = false;
    // SAFETY: tuple/tupdesc are the trigger's; ev_n a valid attribute number.
    let datum = unsafe { pg_sys::SPI_getbinval(tuple, tupdesc, ev_n, &mut is_null) };
    // SAFETY: the column is jsonb (checked above).
    let event_doc = unsafe { JsonbArg::from_polymorphic_datum(datum, is_null, pg_sys::JSONBOID) }
        .unwrap_or_else(|| misuse("event", "the event column is NULL"))
        .value("event");
    let event = Event::from_value(&event_doc, "event").unwrap_or_else(|e| raise(&e));

    let reg = match &args.regulation {
        None => cache::regulation(None),
        Some(text) => cache::regulation_text(text),
    };

    let table = format!(
        "{}.{}",
        ident(&trigger.table_schema().unwrap_or_default()),
        ident(&trigger.table_name().unwrap_or_default())
    );
    let relid = trigger.relid().map(|o| o.to_u32()).unwrap_or(0);
    let history_sql = format!(
        "SELECT {ev}::text, {seq}::bigint FROM {table} WHERE {req} = CAST($1 AS {ty}) ORDER BY {seq}",
        ev = ident(&args.event),
        seq = ident(&args.seq),
        req = ident(&args.request),
        ty = type_name(req_ty),
    );
    // One request at a time: the lock is held to the end of the transaction,
    // and the history is read after it with a fresh snapshot (`update` runs
    // the query read-write, so READ COMMITTED sees what the previous holder
    // committed).
    let text_oid = PgOid::BuiltIn(PgBuiltInOids::TEXTOID);
    let history: Vec<(i64, serde_json::Value)> = Spi::connect_mut(|client| {
        let lock = plan(
            client,
            "SELECT pg_advisory_xact_lock($1, hashtext($2))",
            &[PgOid::BuiltIn(PgBuiltInOids::INT4OID), text_oid],
        );
        client
            .update(
                &*lock,
                None,
                &[(relid as i32).into(), request.clone().into()],
            )
            .map(|_| ())
            .unwrap_or_else(|e| misuse("request", &format!("advisory lock: {e}")));
        let read = plan(client, &history_sql, &[text_oid]);
        let rows = client
            .update(&*read, None, &[request.clone().into()])
            .unwrap_or_else(|e| misuse("request", &format!("reading the history: {e}")));
        rows.map(|row| {
            let seq = row.get::<i64>(2).ok().flatten().unwrap_or(0);
            let text = row.get::<String>(1).ok().flatten().unwrap_or_default();
            let ev = serde_json::from_str(&text)
                .or_raise_kind(ErrorKind::InvalidJson, &format!("stored event seq {seq}"));
            (seq, ev)
        })
        .collect()
    });

    let mut ticket = Ticket::new(request.clone());
    let mut stored = Vec::with_capacity(history.len() + 1);
    for (seq, doc) in &history {
        let e = Event::from_value(doc, &format!("stored event seq {seq}"))
            .unwrap_or_else(|e| raise(&e));
        // stored rows were accepted when inserted; one refused now (the
        // regulation changed) changes nothing, as in a replay
        let _ = ticket.apply(&reg, e.clone());
        stored.push(e);
    }
    let next = history.last().map_or(1, |(s, _)| s + 1);
    if let Some(s) = given_seq {
        if s != next {
            raise_kind(
                ErrorKind::Conflict,
                Some("seq"),
                &format!("request {request}: seq {s} is not the next one ({next})"),
            );
        }
    }

    stored.push(event.clone());
    let outcome = ticket.apply(&reg, event);
    if let Outcome::Refused(r) = &outcome {
        raise_refusal(r, &request, next);
    }
    let mut row = new.into_owned();
    if given_seq.is_none() {
        if seq_ty == pg_sys::INT4OID {
            let s = i32::try_from(next)
                .unwrap_or_else(|_| misuse("seq", "the next seq does not fit an integer"));
            row.set_by_name(&args.seq, s).ok();
        } else {
            row.set_by_name(&args.seq, next).ok();
        }
    }
    if let Some(o) = &args.outcome {
        row.set_by_name(o, JsonB(outcome_value(&outcome, ticket.status())))
            .ok();
    }
    // the contract record: this entry's hash, the request's new head
    if let Some(h) = &args.hash {
        let head = reglament::record::head(reg.fingerprint(), &request, &stored);
        row.set_by_name(h, head).ok();
    }
    Ok(Some(row))
}
