//! `reglament batch`: calendar arithmetic as JSON Lines.
//!
//! One request object per input line, one answer line per input line, in
//! order. A bad line gets `{"id":..,"error":{"code":..,"message":..}}` and the
//! batch goes on.

use std::collections::HashMap;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::Args;
use reglament::Calendar;
use serde_json::{Map, Value};

use crate::inputs::{load_calendar, utc};
use crate::output::{
    is_stdin, stdin_is_terminal, stdout_is_terminal, write_failure, Done, Failure, Progress,
};

/// Arguments of `reglament batch`.
#[derive(Args)]
pub struct BatchArgs {
    /// Calendar file used by lines without their own "calendar"; default: the embedded one.
    /// Not `-`: the requests come on standard input.
    #[arg(long, value_hint = clap::ValueHint::FilePath)]
    calendar: Option<PathBuf>,
}

/// A failed line: the stable code, the field within the line (a JSON path,
/// when the error is about one) and the sentence — the core's error shape.
struct LineError {
    code: &'static str,
    field: Option<String>,
    message: String,
}

impl From<reglament::Error> for LineError {
    fn from(e: reglament::Error) -> LineError {
        LineError {
            code: e.code(),
            field: e.field().map(str::to_string),
            message: e.to_string(),
        }
    }
}

fn bad(code: &'static str, message: impl Into<String>) -> LineError {
    LineError {
        code,
        field: None,
        message: message.into(),
    }
}

/// Compiled calendars of the lines that carry their own, by canonical JSON.
struct Cache {
    map: HashMap<String, Calendar>,
}

impl Cache {
    const MAX: usize = 256;

    fn get(&mut self, v: &Value) -> Result<Calendar, LineError> {
        let key = v.to_string();
        if let Some(c) = self.map.get(&key) {
            return Ok(c.clone());
        }
        let spec = reglament::calendar::CalendarSpec::from_value(v)
            .map_err(|e| LineError::from(e.within("calendar")))?;
        let cal = Calendar::from_spec(&spec).map_err(|e| LineError::from(e.within("calendar")))?;
        if self.map.len() >= Self::MAX {
            self.map.clear();
        }
        self.map.insert(key, cal.clone());
        Ok(cal)
    }
}

fn instant(obj: &Map<String, Value>, key: &str) -> Result<DateTime<Utc>, LineError> {
    match obj.get(key) {
        None | Some(Value::Null) => Err(bad("missing_field", format!("{key}: required (an RFC 3339 instant)"))),
        Some(Value::String(s)) => DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).map_err(|e| {
            bad("invalid_instant", format!("{key}: {s:?} is not an RFC 3339 instant such as 2026-03-27T15:00:00Z ({e})"))
        }),
        Some(other) => Err(bad("invalid_instant", format!("{key}: expected an RFC 3339 instant as a string, found {other}"))),
    }
}

fn integer(obj: &Map<String, Value>, key: &str) -> Result<i64, LineError> {
    match obj.get(key) {
        None | Some(Value::Null) => Err(bad(
            "missing_field",
            format!("{key}: required (an integer)"),
        )),
        Some(Value::Number(n)) => reglament::number::whole(n).ok_or_else(|| {
            bad(
                "invalid_value",
                format!("{key}: {n} is not a whole number in the signed 64-bit range"),
            )
        }),
        Some(other) => Err(bad(
            "invalid_value",
            format!("{key}: expected an integer, found {other}"),
        )),
    }
}

/// Answers one parsed line (without its id).
fn answer(
    obj: &Map<String, Value>,
    default: &Calendar,
    cache: &mut Cache,
) -> Result<(&'static str, Value), LineError> {
    let cal = match obj.get("calendar") {
        None | Some(Value::Null) => default.clone(),
        Some(v) => cache.get(v)?,
    };
    let op = match obj.get("op") {
        Some(Value::String(s)) => s.as_str(),
        None => return Err(bad(
            "missing_field",
            "op: required, one of add, sub, elapsed, is_working, next_working, add_working_days",
        )),
        Some(other) => {
            return Err(bad(
                "invalid_value",
                format!("op: expected a string, found {other}"),
            ))
        }
    };
    let at = |t: DateTime<Utc>| Value::String(utc(t));
    Ok(match op {
        "add" => ("at", at(cal.add(instant(obj, "at")?, integer(obj, "seconds")?)?)),
        "sub" => ("at", at(cal.sub(instant(obj, "at")?, integer(obj, "seconds")?)?)),
        "elapsed" => ("seconds", Value::from(cal.elapsed(instant(obj, "from")?, instant(obj, "to")?)?)),
        "is_working" => ("working", Value::Bool(cal.is_working(instant(obj, "at")?)?)),
        "next_working" => ("at", at(cal.next_working(instant(obj, "at")?)?)),
        "add_working_days" => {
            let days = integer(obj, "days")?;
            let days = u32::try_from(days).map_err(|_| bad("invalid_value", format!("days: {days} is not a count of working days (1 or more)")))?;
            ("at", at(cal.add_working_days(instant(obj, "at")?, days)?))
        }
        other => {
            return Err(bad(
                "invalid_value",
                format!("op: unknown operation {other:?}; expected add, sub, elapsed, is_working, next_working or add_working_days"),
            ))
        }
    })
}

/// Answers one raw line: the output line, `id` first when the input had one.
fn line(text: &str, default: &Calendar, cache: &mut Cache) -> String {
    let mut id = None;
    let result = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(obj)) => {
            id = obj.get("id").map(Value::to_string);
            answer(&obj, default, cache)
        }
        Ok(other) => Err(bad(
            "invalid_json",
            format!("a line must be a JSON object, found {other}"),
        )),
        Err(e) => Err(bad(
            "invalid_json",
            format!("the line is not valid JSON: {e}"),
        )),
    };
    let mut out = String::with_capacity(64);
    out.push('{');
    if let Some(id) = id {
        out.push_str("\"id\":");
        out.push_str(&id);
        out.push(',');
    }
    match result {
        Ok((key, value)) => {
            out.push('"');
            out.push_str(key);
            out.push_str("\":");
            out.push_str(&value.to_string());
        }
        Err(e) => {
            let err = serde_json::json!({"code": e.code, "field": e.field, "message": e.message});
            out.push_str("\"error\":");
            out.push_str(&err.to_string());
        }
    }
    out.push('}');
    out
}

/// `reglament batch`. A closed standard output stops the batch at once
/// (status 0, no more input read); a progress line counts the answers on a
/// terminal's standard error when neither the requests nor the answers are
/// on a terminal.
pub fn run(args: &BatchArgs) -> Done {
    if args.calendar.as_deref().is_some_and(is_stdin) {
        return Err(Failure::Usage(
            "--calendar -: batch reads its requests from standard input; give the calendar as a file".into(),
        ));
    }
    let default = load_calendar(args.calendar.as_deref())?;
    let mut cache = Cache {
        map: HashMap::new(),
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut input = stdin.lock();
    let mut buf = Vec::new();
    // not while a person types the requests or reads the answers
    let mut progress = Progress::new("batch", !stdin_is_terminal() && !stdout_is_terminal());
    let mut lines: u64 = 0;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        if n == 0 {
            break;
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        let answer = match std::str::from_utf8(&buf) {
            Ok(text) => line(text, &default, &mut cache),
            Err(e) => serde_json::json!({"error": {"code": "invalid_json", "message": format!("the line is not valid UTF-8: {e}")}})
                .to_string(),
        };
        out.write_all(answer.as_bytes()).map_err(write_failure)?;
        out.write_all(b"\n").map_err(write_failure)?;
        lines += 1;
        if progress.is_on() && (lines == 1 || lines % 1024 == 0) {
            progress.show(lines, None, "answered");
        }
    }
    out.flush().map_err(write_failure)
}
