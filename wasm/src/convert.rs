//! JavaScript values to core types and back. Every check here is about the
//! *shape* of a JavaScript value; every rule stays in the core.

use chrono::{DateTime, NaiveDate, Utc};
use reglament::{instant, ErrorKind};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error;

/// The largest integer a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// An instant from a `Date` or an RFC 3339 string (any offset; the fraction
/// of a second is dropped, rounding towards the past, as the core does).
pub(crate) fn instant_in(v: &JsValue, param: &str) -> Result<DateTime<Utc>, JsValue> {
    error::check_alive()?;
    if let Some(s) = v.as_string() {
        return instant::parse(&s).map_err(|e| error::core(&e.within(param)));
    }
    if let Some(d) = v.dyn_ref::<js_sys::Date>() {
        let ms = d.get_time();
        if !ms.is_finite() {
            return Err(error::of_kind(
                ErrorKind::InvalidInstant,
                Some(param),
                "the Date is invalid",
            ));
        }
        // A valid Date lies within ±8.64e15 ms: inside i64 and inside chrono's range.
        let secs = (ms / 1000.0).floor() as i64;
        return DateTime::from_timestamp(secs, 0).ok_or_else(|| {
            error::of_kind(
                ErrorKind::OutOfRange,
                Some(param),
                "the Date is outside the representable range",
            )
        });
    }
    Err(error::argument(
        param,
        format!("expected a Date or an RFC 3339 string, got {}", type_of(v)),
    ))
}

/// A number as JavaScript writes it (`String(x)`): for messages, and it keeps
/// Rust's float formatting (about 7 KB gzipped) out of the module.
fn num(x: f64) -> String {
    js_sys::Number::from(x)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// An optional instant: `undefined` and `null` are `None`.
pub(crate) fn opt_instant_in(v: &JsValue, param: &str) -> Result<Option<DateTime<Utc>>, JsValue> {
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else {
        instant_in(v, param).map(Some)
    }
}

/// An instant out, RFC 3339 in UTC with `Z`, whole seconds.
pub(crate) fn instant_out(t: DateTime<Utc>) -> String {
    instant::format(t)
}

/// An optional instant out (`null` when absent).
pub(crate) fn opt_instant_out(t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(instant_out)
}

/// A duration of working time: a number of **seconds** (a safe integer),
/// or an object `{hours?, minutes?, seconds?}` (at least one key; the parts
/// may be fractional or negative as long as the total is whole seconds).
pub(crate) fn seconds_in(v: &JsValue, param: &str) -> Result<i64, JsValue> {
    error::check_alive()?;
    let x = match v.as_f64() {
        Some(x) => x,
        None if v.is_object() && !v.is_array() && !v.is_function() => duration_object(v, param)?,
        None => {
            return Err(error::argument(
                param,
                format!(
                    "expected a number of seconds or {{hours, minutes, seconds}}, got {}",
                    type_of(v)
                ),
            ))
        }
    };
    if !x.is_finite() || x.fract() != 0.0 {
        return Err(error::argument(
            param,
            format!("expected a whole number of seconds, got {}", num(x)),
        ));
    }
    if x.abs() > MAX_SAFE {
        return Err(error::of_kind(
            ErrorKind::OutOfRange,
            Some(param),
            &format!("{} seconds is not a safe integer", num(x)),
        ));
    }
    Ok(x as i64)
}

/// The seconds of `{hours?, minutes?, seconds?}`.
fn duration_object(v: &JsValue, param: &str) -> Result<f64, JsValue> {
    if v.dyn_ref::<js_sys::Date>().is_some() {
        return Err(error::argument(
            param,
            "expected a duration (seconds or {hours, minutes, seconds}), got a Date",
        ));
    }
    let keys = js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>());
    if keys.length() == 0 {
        return Err(error::argument(
            param,
            "expected at least one of hours, minutes, seconds",
        ));
    }
    let mut total = 0.0;
    for k in keys.iter() {
        let key = k.as_string().unwrap_or_default();
        let unit = match key.as_str() {
            "hours" => 3600.0,
            "minutes" => 60.0,
            "seconds" => 1.0,
            _ => {
                return Err(error::argument(
                    &format!("{param}.{key}"),
                    "unknown unit: a duration takes hours, minutes and seconds",
                ))
            }
        };
        let part = js_sys::Reflect::get(v, &k).unwrap_or(JsValue::UNDEFINED);
        let Some(n) = part.as_f64().filter(|n| n.is_finite()) else {
            return Err(error::argument(
                &format!("{param}.{key}"),
                format!("expected a finite number, got {}", type_of(&part)),
            ));
        };
        total += n * unit;
    }
    // 1.5 hours and 0.1 minutes are whole seconds: only rounding noise goes
    let rounded = total.round();
    if (total - rounded).abs() < 1e-6 {
        Ok(rounded)
    } else {
        Ok(total)
    }
}

/// A whole number from a JavaScript number, `0..=4294967295`.
pub(crate) fn count_in(v: &JsValue, param: &str) -> Result<u32, JsValue> {
    error::check_alive()?;
    let Some(x) = v.as_f64() else {
        return Err(error::argument(
            param,
            format!("expected a whole number, got {}", type_of(v)),
        ));
    };
    if !x.is_finite() || x.fract() != 0.0 {
        return Err(error::argument(
            param,
            format!("expected a whole number, got {}", num(x)),
        ));
    }
    if !(0.0..=f64::from(u32::MAX)).contains(&x) {
        return Err(error::of_kind(
            ErrorKind::OutOfRange,
            Some(param),
            &format!("{} is outside 0..=4294967295", num(x)),
        ));
    }
    Ok(x as u32)
}

/// A year from a JavaScript number (a whole number; the core checks the range).
pub(crate) fn year_in(v: &JsValue, param: &str) -> Result<i32, JsValue> {
    error::check_alive()?;
    let Some(x) = v.as_f64() else {
        return Err(error::argument(
            param,
            format!("expected a year, got {}", type_of(v)),
        ));
    };
    if !x.is_finite() || x.fract() != 0.0 {
        return Err(error::argument(
            param,
            format!("expected a whole year, got {}", num(x)),
        ));
    }
    if x.abs() > 1e9 {
        return Err(error::of_kind(
            ErrorKind::OutOfRange,
            Some(param),
            &format!("year {} is outside the supported range", num(x)),
        ));
    }
    Ok(x as i32)
}

/// A boolean.
pub(crate) fn bool_in(v: &JsValue, param: &str) -> Result<bool, JsValue> {
    error::check_alive()?;
    v.as_bool()
        .ok_or_else(|| error::argument(param, format!("expected a boolean, got {}", type_of(v))))
}

/// A string.
pub(crate) fn string_in(v: &JsValue, param: &str) -> Result<String, JsValue> {
    error::check_alive()?;
    v.as_string()
        .ok_or_else(|| error::argument(param, format!("expected a string, got {}", type_of(v))))
}

/// A local date, `"YYYY-MM-DD"`.
pub(crate) fn date_in(v: &JsValue, param: &str) -> Result<NaiveDate, JsValue> {
    let s = string_in(v, param)?;
    instant::parse_date(&s).ok_or_else(|| {
        error::of_kind(
            ErrorKind::InvalidValue,
            Some(param),
            &format!("invalid date {s:?}: expected \"YYYY-MM-DD\""),
        )
    })
}

/// A code of one of the core's vocabularies (priority, category, ...).
pub(crate) fn code_in<T: std::str::FromStr<Err = reglament::Error>>(
    v: &JsValue,
    param: &str,
) -> Result<T, JsValue> {
    let s = string_in(v, param)?;
    s.parse::<T>()
        .map_err(|e| error::of_kind(ErrorKind::InvalidValue, Some(param), &e.to_string()))
}

/// A JSON document from a plain JavaScript object or a JSON string.
pub(crate) fn doc_in(v: &JsValue, param: &str) -> Result<Value, JsValue> {
    error::check_alive()?;
    let text = match v.as_string() {
        Some(s) => s,
        None => {
            if v.is_undefined() || v.is_function() || v.is_symbol() || v.is_bigint() {
                return Err(error::argument(
                    param,
                    format!(
                        "expected a JSON object or a JSON string, got {}",
                        type_of(v)
                    ),
                ));
            }
            let s = js_sys::JSON::stringify(v).map_err(|e| {
                let why = e
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_default();
                error::argument(
                    param,
                    format!("the value cannot be converted to JSON ({why})"),
                )
            })?;
            match s.as_string() {
                Some(s) => s,
                None => {
                    return Err(error::argument(
                        param,
                        "the value cannot be converted to JSON",
                    ))
                }
            }
        }
    };
    serde_json::from_str(&text).map_err(|e| {
        error::of_kind(
            ErrorKind::InvalidJson,
            Some(param),
            &format!("not valid JSON: {e}"),
        )
    })
}

/// A whole document (a calendar or regulation file): as [`doc_in`], and
/// `null` is refused as `undefined` is (a `TypeError`, not a JSON `null`
/// the core would then call malformed).
pub(crate) fn file_in(v: &JsValue, param: &str) -> Result<Value, JsValue> {
    if v.is_null() {
        return Err(error::argument(
            param,
            "expected a JSON object or a JSON string, got null",
        ));
    }
    doc_in(v, param)
}

/// A JSON value out, as a plain JavaScript object.
pub(crate) fn doc_out(v: &Value) -> JsValue {
    js_sys::JSON::parse(&v.to_string()).unwrap_or(JsValue::NULL)
}

/// A serializable core value out, as a plain JavaScript object.
pub(crate) fn ser_out<T: serde::Serialize>(v: &T) -> JsValue {
    match serde_json::to_string(v) {
        Ok(s) => js_sys::JSON::parse(&s).unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    }
}

/// A description of a value's type, for messages.
pub(crate) fn type_of(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if v.is_undefined() {
        "undefined".into()
    } else if v.is_string() {
        "a string".into()
    } else if v.as_f64().is_some() {
        "a number".into()
    } else if v.as_bool().is_some() {
        "a boolean".into()
    } else if v.is_array() {
        "an array".into()
    } else if v.is_function() {
        "a function".into()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "a value".into())
    }
}
