//! # reglament-wasm
//!
//! The WebAssembly face of `reglament` for JavaScript (wasm-bindgen): the
//! classes `Calendar`, `Regulation` and `Ticket`, and the functions
//! `holidays`, `mustRegister`, `queue`, ... The npm package in
//! `bindings/js/` loads this module (`src/api.js`: `init()`), its error
//! classes are `src/errors.js`, and its `index.d.ts` is the typed API.
//!
//! This crate only converts: JavaScript values in (instants as `Date` or
//! RFC 3339 strings, durations as whole seconds, documents as plain objects
//! or JSON strings), core results out (instants as RFC 3339 UTC strings,
//! documents as plain objects in the language-neutral snake_case format the
//! C API, the CLI and tests/vectors use), core errors as JavaScript `Error`
//! objects. Every rule lives in the core.
//!
//! Panics: the build uses `panic = "abort"` (`wasm32-unknown-unknown` has no
//! unwinding on stable Rust, so `catch_unwind` is not available). Every
//! JavaScript value is validated here before it reaches the core (types,
//! finiteness, integer and range checks), and the core returns `Result`
//! everywhere, so no panic path is known to be reachable from JavaScript.
//! Should one happen anyway, the panic hook (`error.rs`) throws a
//! `ReglamentError` with code `"panic"` instead of an opaque
//! `RuntimeError: unreachable`, and the instance refuses later calls.
//! `bindings/js/test/panic.test.js` proves it with a deliberate panic
//! (`__panicForTest`, only in the test build: cargo feature `panic-test`).

// The calendar build leaves out the modules of the regulation and the
// ticket, and with them the uses of some conversions.
#![cfg_attr(feature = "calendar", allow(dead_code))]

mod calendar;
mod convert;
mod error;
#[cfg(not(feature = "calendar"))]
mod record;
#[cfg(not(feature = "calendar"))]
mod regulation;
#[cfg(not(feature = "calendar"))]
mod report;
#[cfg(not(feature = "calendar"))]
mod ticket;

use reglament::holidays::{self, HolidayPreset};
#[cfg(not(feature = "calendar"))]
use reglament::model::{Category, Priority};
use reglament::ErrorKind;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

pub use calendar::WasmCalendar;
#[cfg(not(feature = "calendar"))]
pub use regulation::WasmRegulation;
#[cfg(not(feature = "calendar"))]
pub use ticket::WasmTicket;

#[cfg(not(feature = "calendar"))]
use convert::{bool_in, code_in};
use convert::{doc_out, string_in, year_in};
use error::OrJs;

/// The package version (the crate's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The IANA names of the time zones this build carries (in the slim build
/// only Europe/Kyiv, its old name Europe/Kiev, and UTC).
pub(crate) fn timezone_names() -> Vec<&'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect()
}

/// The IANA names of every time zone this build carries, sorted.
#[wasm_bindgen]
pub fn timezones() -> Vec<String> {
    // chrono-tz lists its zones sorted by name (tested below): no sort here,
    // which would be one more sort instance in the module
    timezone_names().into_iter().map(String::from).collect()
}

/// Which build this is: `"full"` (every IANA time zone), `"slim"`
/// (Europe/Kyiv and UTC only) or `"calendar"` (the calendar alone, every
/// zone).
#[wasm_bindgen]
pub fn variant() -> String {
    if cfg!(feature = "calendar") {
        "calendar"
    } else if cfg!(feature = "slim") {
        "slim"
    } else {
        "full"
    }
    .to_string()
}

/// The Ukrainian public holidays of `year` (1991–2100) under `mode`
/// (`"UA"`, the default, or `"UA-statutory"`); `martialLawEnd` is the last
/// day of martial law (`"YYYY-MM-DD"`), absent while it lasts.
///
/// `{year, mode, named: [{date, uk, en}], days_off: [{date, name: {uk, en},
/// reason, holiday?, worked_on?}], working_days: [{date, instead_of}]}`.
#[wasm_bindgen]
pub fn holidays(
    year: JsValue,
    mode: JsValue,
    martial_law_end: JsValue,
) -> Result<JsValue, JsValue> {
    let y = year_in(&year, "year")?;
    let preset = if mode.is_undefined() || mode.is_null() {
        HolidayPreset::default()
    } else {
        let m = string_in(&mode, "mode")?;
        HolidayPreset::from_name(&m).ok_or_else(|| {
            error::of_kind(
                ErrorKind::InvalidValue,
                Some("mode"),
                &format!("unknown holiday mode {m:?}: expected \"UA\" or \"UA-statutory\""),
            )
        })?
    };
    let end = if martial_law_end.is_undefined() || martial_law_end.is_null() {
        None
    } else {
        Some(convert::date_in(&martial_law_end, "martialLawEnd")?)
    };
    let year = holidays::year(preset, y, end).js()?;
    Ok(doc_out(&year.to_value(preset)))
}

#[cfg(not(feature = "calendar"))]
/// The labels of the vocabularies in `lang` (`"uk"`, the default, or
/// `"en"`), for user interfaces: `{status, role, kind, priority, category,
/// channel, metric, clock_state}`, each a map from code to label.
#[wasm_bindgen]
pub fn labels(lang: JsValue) -> Result<JsValue, JsValue> {
    use reglament::model::{Channel, Metric, Role, Status};
    use reglament::sla::ClockState;
    use reglament::ticket::EventKind;
    let lang = regulation::lang_in(&lang)?;
    // inserted one by one: collecting into the map would instantiate a
    // sort per table in the module
    macro_rules! table {
        ($t:ty) => {{
            let mut m = serde_json::Map::new();
            for x in <$t>::ALL {
                m.insert(
                    x.code().to_string(),
                    Value::String(x.label(lang).to_string()),
                );
            }
            Value::Object(m)
        }};
    }
    Ok(doc_out(&json!({
        "status": table!(Status),
        "role": table!(Role),
        "kind": table!(EventKind),
        "priority": table!(Priority),
        "category": table!(Category),
        "channel": table!(Channel),
        "metric": table!(Metric),
        "clock_state": table!(ClockState),
    })))
}

#[cfg(not(feature = "calendar"))]
/// Whether a request must be registered (clause 3.4): `category` may be
/// `null` (unclassified).
#[wasm_bindgen(js_name = mustRegister)]
pub fn must_register(
    category: JsValue,
    priority: JsValue,
    solved_during_contact: JsValue,
) -> Result<bool, JsValue> {
    let c: Option<Category> = if category.is_null() || category.is_undefined() {
        None
    } else {
        Some(code_in(&category, "category")?)
    };
    let p: Priority = code_in(&priority, "priority")?;
    let solved = bool_in(&solved_during_contact, "solvedDuringContact")?;
    Ok(reglament::rules::must_register(c, p, solved))
}

#[cfg(test)]
mod zone_list_tests {
    #[test]
    fn the_zone_names_come_sorted() {
        let names = super::timezone_names();
        assert!(names.len() >= 2);
        assert!(
            names.windows(2).all(|w| w[0] < w[1]),
            "chrono-tz's zone list is not sorted"
        );
    }
}
