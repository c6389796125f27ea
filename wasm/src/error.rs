//! Errors at the JavaScript edge.
//!
//! Every failure reaches JavaScript as an `Error` object, never a bare
//! string: the classes of `bindings/js/src/errors.js` (`ReglamentError`,
//! `ReglamentRangeError`, `ReglamentTypeError`, `ReglamentRefusal`), which
//! the generated glue imports directly (`raw_module`), so no JavaScript
//! registers anything at load time and every build (full, slim, calendar)
//! throws the same classes.
//!
//! Panics: `wasm32-unknown-unknown` has no unwinding on stable Rust. The
//! panic hook installed at start-up ([`start`]) marks the instance as
//! poisoned and throws a `ReglamentError` with code `"panic"` from inside
//! the hook (a JavaScript exception leaves the WebAssembly frames without
//! running them further), so the caller never sees an opaque
//! `RuntimeError: unreachable`; every later call that reads an argument
//! ([`check_alive`]) refuses with the same code, since the instance's
//! memory may be inconsistent after a panic.

use std::sync::atomic::{AtomicBool, Ordering};

#[cfg(not(feature = "calendar"))]
use reglament::ticket::Refusal;
use reglament::{Error, ErrorKind};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(raw_module = "../../src/errors.js")]
extern "C" {
    /// `makeError(class, descriptor)` of `bindings/js/src/errors.js`.
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(class: &str, descriptor: &JsValue) -> JsValue;
}

/// Set by the panic hook: the instance refuses every later call.
static POISONED: AtomicBool = AtomicBool::new(false);

/// The message of the panic that poisoned the instance.
static PANIC_MESSAGE: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

fn panic_error(message: &str) -> JsValue {
    let text = format!(
        "reglament panicked (a defect of the library; please report it): {message}. \
         The WebAssembly instance is unusable now: reload the page or restart the process."
    );
    make(
        Class::Plain,
        json!({"message": text, "code": "panic", "field": null, "clause": null,
               "messageEn": text, "messageUk": null}),
    )
}

/// `Err` with the `"panic"` error once a panic has poisoned the instance.
pub(crate) fn check_alive() -> Result<(), JsValue> {
    if POISONED.load(Ordering::Relaxed) {
        let m = PANIC_MESSAGE.lock().map(|m| m.clone()).unwrap_or_default();
        return Err(panic_error(&m));
    }
    Ok(())
}

/// Installs the panic hook (run once when the module is instantiated).
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        POISONED.store(true, Ordering::Relaxed);
        if let Ok(mut m) = PANIC_MESSAGE.lock() {
            m.clone_from(&msg);
        }
        wasm_bindgen::throw_val(panic_error(&msg));
    }));
}

/// Which JavaScript class an error becomes.
#[derive(Clone, Copy)]
pub(crate) enum Class {
    /// `ReglamentError` (extends `Error`).
    Plain,
    /// `ReglamentRangeError` (extends `RangeError`): code `out_of_range`.
    Range,
    /// `ReglamentTypeError` (extends `TypeError`): a JavaScript value of the
    /// wrong type (code `invalid_argument`).
    Type,
    /// `ReglamentRefusal` (extends `ReglamentError`): the regulation refused an event.
    Refusal,
}

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::Plain => "error",
            Class::Range => "range",
            Class::Type => "type",
            Class::Refusal => "refusal",
        }
    }
}

/// Builds the JavaScript error object from a descriptor.
fn make(class: Class, desc: Value) -> JsValue {
    make_error(
        class.name(),
        &js_sys::JSON::parse(&desc.to_string()).unwrap_or(JsValue::NULL),
    )
}

/// A core error as a JavaScript error.
pub(crate) fn core(e: &Error) -> JsValue {
    if e.kind() == ErrorKind::UnknownTimeZone && cfg!(feature = "slim") {
        let message = format!(
            "{} This is the slim build of reglament: it carries only Europe/Kyiv (and its \
             aliases Europe/Kiev, Europe/Uzhgorod, Europe/Zaporozhye) and UTC (with GMT and the \
             fixed offsets Etc/GMT+N, {} names in all: see `zones`). Import \"reglament\" instead of \
             \"reglament/slim\" for every IANA zone.",
            e.message(),
            crate::timezone_names().len()
        );
        return of_kind(e.kind(), e.field(), &message);
    }
    of_kind(e.kind(), e.field(), e.message())
}

/// An error of one of the core's kinds, raised by this face's own checks of
/// a JavaScript value (the code is the core's, the same on every face).
pub(crate) fn of_kind(kind: ErrorKind, field: Option<&str>, message: &str) -> JsValue {
    let class = if kind == ErrorKind::OutOfRange {
        Class::Range
    } else {
        Class::Plain
    };
    let text = match field {
        Some(f) => format!("{f}: {message}"),
        None => message.to_string(),
    };
    make(
        class,
        json!({
            "message": text,
            "code": kind.code(),
            "field": field,
            "clause": null,
            "messageEn": text,
            "messageUk": null,
        }),
    )
}

/// An argument of the wrong JavaScript type (code `invalid_argument`).
pub(crate) fn argument(param: &str, message: impl AsRef<str>) -> JsValue {
    let message = format!("{param}: {}", message.as_ref());
    make(
        Class::Type,
        json!({
            "message": message,
            "code": "invalid_argument",
            "field": param,
            "clause": null,
            "messageEn": message,
            "messageUk": null,
        }),
    )
}

#[cfg(not(feature = "calendar"))]
/// A refusal of the regulation, for the `...OrThrow` methods.
pub(crate) fn refusal(r: &Refusal) -> JsValue {
    let refusal = serde_json::to_value(r).unwrap_or(Value::Null);
    make(
        Class::Refusal,
        json!({
            "message": format!("{} (clause {})", r.message_en(), r.clause),
            "code": r.code.code(),
            "field": r.field,
            "clause": r.clause,
            "messageEn": r.message_en(),
            "messageUk": r.message_uk(),
            "role": r.role.code(),
            "status": r.status.map(|s| s.code()),
            "kind": r.kind.code(),
            "refusal": refusal,
        }),
    )
}

/// `Result<T, JsValue>` from a core result.
pub(crate) trait OrJs<T> {
    /// Converts the core error into a JavaScript error.
    fn js(self) -> Result<T, JsValue>;
}

impl<T> OrJs<T> for reglament::Result<T> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(|e| core(&e))
    }
}

/// Panics on purpose: lets the test suite prove that a panic reaches
/// JavaScript as a `ReglamentError` with code `"panic"`, not as an opaque
/// `unreachable`. Only in the test build (cargo feature `panic-test`,
/// `bindings/js/dist/test/`), never in the published package.
#[cfg(feature = "panic-test")]
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    panic!("deliberate panic requested by the test suite");
}
