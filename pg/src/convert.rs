//! Conversions between SQL values and the core's types (and nothing else).

use chrono::{DateTime, Utc};
use pgrx::pg_sys;
use pgrx::pgrx_sql_entity_graph::metadata::{
    ArgumentError, ReturnsError, ReturnsRef, SqlMappingRef, SqlTranslatable,
};
use pgrx::prelude::*;
use reglament::ErrorKind;
use serde_json::Value;

use crate::error::{raise_kind, OrRaise};

/// Seconds from the Unix epoch to PostgreSQL's epoch (2000-01-01T00:00:00Z).
const PG_EPOCH: i64 = 946_684_800;

/// A `timestamptz` as Unix seconds, the fraction of a second dropped towards
/// the past (as the core does with RFC 3339 fractions); `±infinity` is an
/// `out_of_range` error about `param`.
pub(crate) fn secs_in(t: TimestampWithTimeZone, param: &str) -> i64 {
    if !t.is_finite() {
        raise_kind(
            ErrorKind::OutOfRange,
            Some(param),
            "infinity is outside the supported range (1970..2100)",
        );
    }
    let micros: i64 = t.into_inner();
    micros.div_euclid(1_000_000) + PG_EPOCH
}

/// A `timestamptz` as a UTC instant (see [`secs_in`]).
pub(crate) fn instant_in(t: TimestampWithTimeZone, param: &str) -> DateTime<Utc> {
    let s = secs_in(t, param);
    DateTime::from_timestamp(s, 0).unwrap_or_else(|| {
        raise_kind(
            ErrorKind::OutOfRange,
            Some(param),
            "the instant is outside the supported range",
        )
    })
}

/// Unix seconds as a `timestamptz` (every instant the core returns lies in
/// 1970..=2100, well inside PostgreSQL's range).
pub(crate) fn secs_out(s: i64) -> TimestampWithTimeZone {
    let micros = (s - PG_EPOCH).saturating_mul(1_000_000);
    TimestampWithTimeZone::try_from(micros).unwrap_or_else(|_| {
        raise_kind(
            ErrorKind::OutOfRange,
            None,
            "the result is outside PostgreSQL's timestamptz range",
        )
    })
}

/// A UTC instant as a `timestamptz`.
pub(crate) fn instant_out(t: DateTime<Utc>) -> TimestampWithTimeZone {
    secs_out(t.timestamp())
}

/// A `jsonb` argument kept as PostgreSQL stores it, not parsed: the cache
/// keys parsed calendars and regulations by these bytes (jsonb's binary
/// form is canonical: equal documents, whatever their key order or spacing,
/// have equal bytes), and only a miss pays for the text and the parse.
pub struct JsonbArg {
    /// The detoasted varlena (valid for the duration of the call).
    ptr: *const pg_sys::varlena,
}

impl JsonbArg {
    /// The document's binary body (without the varlena header).
    pub(crate) fn bytes(&self) -> &[u8] {
        // SAFETY: `ptr` is a detoasted jsonb varlena in the caller's memory
        // context, alive for the whole function call.
        unsafe {
            let len = pgrx::varsize_any_exhdr(self.ptr);
            let data = pgrx::vardata_any(self.ptr);
            std::slice::from_raw_parts(data.cast::<u8>(), len)
        }
    }

    /// The document parsed (through `jsonb_out`: jsonb holds valid JSON).
    pub(crate) fn value(&self, param: &str) -> Value {
        // SAFETY: jsonb_out takes one jsonb datum and returns a palloc'd C string.
        let text: Option<&core::ffi::CStr> = unsafe {
            pgrx::direct_function_call(pg_sys::jsonb_out, &[Some(pg_sys::Datum::from(self.ptr))])
        };
        let text = text.and_then(|c| c.to_str().ok()).unwrap_or("null");
        serde_json::from_str(text).or_raise_kind(ErrorKind::InvalidJson, param)
    }
}

impl FromDatum for JsonbArg {
    unsafe fn from_polymorphic_datum(
        datum: pg_sys::Datum,
        is_null: bool,
        _: pg_sys::Oid,
    ) -> Option<JsonbArg> {
        if is_null {
            return None;
        }
        // SAFETY: the datum is a jsonb varlena (the SQL signature says so).
        let ptr = unsafe { pg_sys::pg_detoast_datum_packed(datum.cast_mut_ptr()) };
        Some(JsonbArg { ptr })
    }
}

// SAFETY: the argument is a jsonb datum (the SQL signature says so), read
// by FromDatum above; NULL is handled by `Option<JsonbArg>`.
unsafe impl<'fcx> pgrx::callconv::ArgAbi<'fcx> for JsonbArg {
    unsafe fn unbox_arg_unchecked(arg: pgrx::callconv::Arg<'_, 'fcx>) -> Self {
        let index = arg.index();
        // SAFETY: as above.
        unsafe { arg.unbox_arg_using_from_datum() }
            .unwrap_or_else(|| panic!("argument {index} must not be null"))
    }

    unsafe fn unbox_nullable_arg(
        arg: pgrx::callconv::Arg<'_, 'fcx>,
    ) -> pgrx::nullable::Nullable<Self> {
        // SAFETY: as above.
        unsafe { arg.unbox_arg_using_from_datum() }.into()
    }
}

// SAFETY: the SQL type is jsonb, which FromDatum above reads.
unsafe impl SqlTranslatable for JsonbArg {
    const TYPE_IDENT: &'static str = pgrx::pgrx_resolved_type!(JsonbArg);
    const TYPE_ORIGIN: pgrx::pgrx_sql_entity_graph::metadata::TypeOrigin =
        pgrx::pgrx_sql_entity_graph::metadata::TypeOrigin::External;
    const ARGUMENT_SQL: Result<SqlMappingRef, ArgumentError> = Ok(SqlMappingRef::literal("jsonb"));
    const RETURN_SQL: Result<ReturnsRef, ReturnsError> =
        Ok(ReturnsRef::One(SqlMappingRef::literal("jsonb")));
}

/// The events of a history: a jsonb array, each element an event document.
pub(crate) fn events_in(events: &Value, param: &str) -> Vec<Value> {
    match events {
        Value::Array(a) => a.clone(),
        other => raise_kind(
            ErrorKind::InvalidJson,
            Some(param),
            &format!("expected a JSON array of events, got {}", json_type(other)),
        ),
    }
}

/// A JSON value's type in words, for messages.
pub(crate) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
