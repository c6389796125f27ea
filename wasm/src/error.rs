//! Errors at the JavaScript edge.
//!
//! Every failure reaches JavaScript as an `Error` object, never a bare
//! string. The package's `lib.js` registers a factory at load time
//! ([`set_hooks`]) so the objects are instances of its classes
//! (`ReglamentError`, `ReglamentRangeError`, `ReglamentTypeError`,
//! `ReglamentRefusal`); without it (the raw glue used directly) they are
//! plain `Error`/`RangeError`/`TypeError` objects carrying the same
//! properties.
//!
//! Panics: `wasm32-unknown-unknown` has no unwinding on stable Rust, so a
//! panic aborts the instance with a `WebAssembly.RuntimeError`
//! (`unreachable`). The wrappers validate every input so that no panic path
//! is reachable from JavaScript; as a last line of defence the panic hook
//! hands the panic message to `lib.js`, which converts the trap into a
//! `ReglamentError` with code `"panic"` and refuses further calls (the
//! instance's memory may be inconsistent after an abort).

use std::cell::RefCell;

use reglament::ticket::Refusal;
use reglament::{Error, ErrorKind};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

thread_local! {
    static FACTORY: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static ON_PANIC: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
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
    let message = desc["message"]
        .as_str()
        .unwrap_or("reglament error")
        .to_string();
    let obj = js_sys::JSON::parse(&desc.to_string()).unwrap_or(JsValue::NULL);
    let made = FACTORY.with(|f| {
        f.borrow().as_ref().and_then(|f| {
            f.call2(&JsValue::UNDEFINED, &JsValue::from_str(class.name()), &obj)
                .ok()
        })
    });
    if let Some(err) = made {
        return err;
    }
    // No factory: a standard error object with the same properties.
    let err: JsValue = match class {
        Class::Range => js_sys::RangeError::new(&message).into(),
        Class::Type => js_sys::TypeError::new(&message).into(),
        Class::Plain | Class::Refusal => js_sys::Error::new(&message).into(),
    };
    if let Some(map) = desc.as_object() {
        for (k, v) in map {
            if k != "message" {
                let v = js_sys::JSON::parse(&v.to_string()).unwrap_or(JsValue::NULL);
                let _ = js_sys::Reflect::set(&err, &JsValue::from_str(k), &v);
            }
        }
    }
    err
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

/// Registers the error factory and the panic reporter (called once by
/// `lib.js` at load time; not part of the public API).
///
/// `make_error(class, descriptor)` returns the error object for a class
/// name (`"error"`, `"range"`, `"type"`, `"refusal"`) and a descriptor
/// `{message, code, field, clause, messageEn, messageUk, ...}`.
/// `on_panic(message)` receives a panic's message just before the trap.
#[wasm_bindgen(js_name = __setHooks)]
pub fn set_hooks(make_error: js_sys::Function, on_panic: js_sys::Function) {
    FACTORY.with(|f| *f.borrow_mut() = Some(make_error));
    ON_PANIC.with(|f| *f.borrow_mut() = Some(on_panic));
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        ON_PANIC.with(|f| {
            if let Ok(f) = f.try_borrow() {
                if let Some(f) = f.as_ref() {
                    let _ = f.call1(&JsValue::UNDEFINED, &JsValue::from_str(&msg));
                }
            }
        });
    }));
}

/// Panics on purpose: lets the test suite prove that a panic reaches
/// JavaScript as a `ReglamentError` with code `"panic"`, not as an opaque
/// `unreachable`. Not part of the public API.
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    panic!("deliberate panic requested by the test suite");
}
