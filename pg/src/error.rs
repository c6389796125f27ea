//! Errors at the SQL edge: a core error or a face check is an SQL `ERROR`
//! with SQLSTATE 22023 (`invalid_parameter_value`); a refusal raised by the
//! trigger is SQLSTATE 23514 (`check_violation`). Both carry the core's
//! stable code and, in `DETAIL`, the same facts as JSON.

use pgrx::pg_sys::panic::ErrorReport;
use pgrx::prelude::*;
use reglament::ticket::Refusal;
use reglament::{Error, ErrorKind};
use serde_json::json;

/// The SQLSTATE of every malformed or out-of-range input.
pub(crate) const INVALID: PgSqlErrorCode = PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE;

/// The SQLSTATE of an event the regulation refuses (raised by the trigger).
pub(crate) const REFUSED: PgSqlErrorCode = PgSqlErrorCode::ERRCODE_CHECK_VIOLATION;

/// Raises an SQL error of one of the core's kinds: `MESSAGE` `reglament:
/// CODE at FIELD: MESSAGE`, `DETAIL` `{"code", "field", "message"}`.
pub(crate) fn raise_kind(kind: ErrorKind, field: Option<&str>, message: &str) -> ! {
    let text = match field {
        Some(f) => format!("reglament: {} at {f}: {message}", kind.code()),
        None => format!("reglament: {}: {message}", kind.code()),
    };
    let detail = json!({"code": kind.code(), "field": field, "message": message}).to_string();
    ErrorReport::new(INVALID, text, "reglament")
        .set_detail(detail)
        .report(PgLogLevel::ERROR);
    unreachable!("an ERROR report does not return")
}

/// Raises a core error (see [`raise_kind`]).
pub(crate) fn raise(e: &Error) -> ! {
    raise_kind(e.kind(), e.field(), e.message())
}

/// Raises the regulation's refusal of an event: `MESSAGE` with the clause,
/// the refusal code and the English sentence; `DETAIL` the whole refusal as
/// JSON (`clause`, `code`, `kind`, `role`, `status`, `field`, `message_uk`,
/// `message_en`, plus `request` and `seq`); `HINT` the Ukrainian sentence.
pub(crate) fn raise_refusal(r: &Refusal, request: &str, seq: i64) -> ! {
    let mut detail = serde_json::to_value(r).unwrap_or_else(|_| json!({}));
    if let Some(m) = detail.as_object_mut() {
        m.insert("request".into(), json!(request));
        m.insert("seq".into(), json!(seq));
    }
    let text = format!(
        "reglament: refused by clause {} ({}): {}",
        r.clause,
        r.code.code(),
        r.message_en()
    );
    ErrorReport::new(REFUSED, text, "reglament.enforce")
        .set_detail(detail.to_string())
        .set_hint(format!("пункт {}: {}", r.clause, r.message_uk()))
        .report(PgLogLevel::ERROR);
    unreachable!("an ERROR report does not return")
}

/// Raises the refusal of an UPDATE or DELETE on an event log: a request is
/// its event list (DESIGN §2), so stored events are never changed.
pub(crate) fn raise_append_only(table: &str) -> ! {
    ErrorReport::new(
        REFUSED,
        format!("reglament: the event log {table:?} is append-only: stored events are never updated or deleted"),
        "reglament.enforce",
    )
    .set_detail(json!({"code": "append_only", "table": table}).to_string())
    .set_hint("журнал подій лише доповнюється: збережені події не змінюються і не видаляються")
    .report(PgLogLevel::ERROR);
    unreachable!("an ERROR report does not return")
}

/// `Result` → the value, or the SQL error.
pub(crate) trait OrRaise<T> {
    /// The value, or an SQL error for the core's error.
    fn or_raise(self) -> T;
    /// The value, or an SQL error of `kind` about `field` with the error's text.
    fn or_raise_kind(self, kind: ErrorKind, field: &str) -> T;
}

impl<T> OrRaise<T> for reglament::Result<T> {
    fn or_raise(self) -> T {
        self.unwrap_or_else(|e| raise(&e))
    }
    fn or_raise_kind(self, kind: ErrorKind, field: &str) -> T {
        self.unwrap_or_else(|e| raise_kind(kind, Some(field), e.message()))
    }
}

impl<T> OrRaise<T> for Result<T, serde_json::Error> {
    fn or_raise(self) -> T {
        self.unwrap_or_else(|e| raise_kind(ErrorKind::InvalidJson, None, &e.to_string()))
    }
    fn or_raise_kind(self, kind: ErrorKind, field: &str) -> T {
        self.unwrap_or_else(|e| raise_kind(kind, Some(field), &e.to_string()))
    }
}
