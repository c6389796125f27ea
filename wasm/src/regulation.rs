//! `Regulation`: the regulation file, validated, with its calendars compiled.

use reglament::i18n::Lang;
use reglament::model::{Category, Priority};
use reglament::{rules, ErrorKind};
use wasm_bindgen::prelude::*;

use crate::calendar::WasmCalendar;
use crate::convert::{code_in, instant_in, instant_out, ser_out, string_in};
use crate::error::{self, OrJs};

/// A validated regulation (the seed's parameters, the SLA table, the
/// approval gate, the archive delay, ...). Immutable.
#[wasm_bindgen(js_name = Regulation)]
pub struct WasmRegulation {
    pub(crate) inner: reglament::Regulation,
}

#[wasm_bindgen(js_class = Regulation)]
impl WasmRegulation {
    /// A regulation from its complete file: a JSON string or a plain object.
    #[wasm_bindgen(constructor)]
    pub fn new(file: JsValue) -> Result<WasmRegulation, JsValue> {
        let v = crate::convert::file_in(&file, "regulation")?;
        Ok(WasmRegulation {
            inner: reglament::Regulation::from_value(&v).js()?,
        })
    }

    /// The embedded default: the seed's regulation with the example SLA table.
    #[wasm_bindgen(js_name = default)]
    pub fn default_() -> Result<WasmRegulation, JsValue> {
        error::check_alive()?;
        Ok(WasmRegulation {
            inner: reglament::Regulation::default(),
        })
    }

    /// The default with a partial document laid over it (objects merge key
    /// by key, any other value, lists included, replaces).
    #[wasm_bindgen(js_name = withOverrides)]
    pub fn with_overrides(overrides: JsValue) -> Result<WasmRegulation, JsValue> {
        let v = crate::convert::file_in(&overrides, "overrides")?;
        Ok(WasmRegulation {
            inner: reglament::Regulation::with_overrides(&v).js()?,
        })
    }

    /// The regulation's fingerprint, `sha256:<64 hex>`: the SHA-256 of the
    /// RFC 8785 form of the complete regulation (DESIGN §5).
    #[wasm_bindgen(getter)]
    pub fn fingerprint(&self) -> String {
        self.inner.fingerprint().to_string()
    }

    /// The complete regulation (every default filled in, every set in one
    /// order) as a plain object: the document the fingerprint is taken of.
    #[wasm_bindgen(js_name = complete)]
    pub fn complete(&self) -> JsValue {
        crate::convert::doc_out(&self.inner.complete_value())
    }

    /// The working-time calendar of support.
    pub fn calendar(&self) -> WasmCalendar {
        WasmCalendar {
            inner: self.inner.calendar().clone(),
        }
    }

    /// The calendar of phone and messenger registration (clause 3.3).
    #[wasm_bindgen(js_name = registrationCalendar)]
    pub fn registration_calendar(&self) -> WasmCalendar {
        WasmCalendar {
            inner: self.inner.registration_calendar().clone(),
        }
    }

    /// The SLA targets of a (category, priority) pair:
    /// `{category, priority, response, resolution, update_interval}` in working seconds.
    #[wasm_bindgen(js_name = slaTarget)]
    pub fn sla_target(&self, category: JsValue, priority: JsValue) -> Result<JsValue, JsValue> {
        let c: Category = code_in(&category, "category")?;
        let p: Priority = code_in(&priority, "priority")?;
        Ok(ser_out(self.inner.sla_target(c, p)))
    }

    /// Whether an action or event kind needs Customer Service's written approval first.
    #[wasm_bindgen(js_name = needsApproval)]
    pub fn needs_approval(&self, name: JsValue) -> Result<bool, JsValue> {
        Ok(self.inner.needs_approval(&string_in(&name, "name")?))
    }

    /// When a request released at `releasedAt` may be archived without the
    /// user's acceptance (clause 3.6).
    #[wasm_bindgen(js_name = archiveDue)]
    pub fn archive_due(&self, released_at: JsValue) -> Result<String, JsValue> {
        let t = instant_in(&released_at, "releasedAt")?;
        rules::archive_due(&self.inner, t).js().map(instant_out)
    }

    /// The deadline to notify the other party of a contact-person change made at `at` (clause 5).
    #[wasm_bindgen(js_name = contactChangeNoticeDue)]
    pub fn contact_change_notice_due(&self, at: JsValue) -> Result<String, JsValue> {
        let t = instant_in(&at, "at")?;
        rules::contact_change_notice_due(&self.inner, t)
            .js()
            .map(instant_out)
    }

    /// The whole regulation in words, in `"uk"` (default) or `"en"`.
    pub fn describe(&self, lang: JsValue) -> Result<String, JsValue> {
        let lang = lang_in(&lang)?;
        Ok(reglament::describe::describe(&self.inner, lang))
    }

    /// For `console.log` and string templates: `Regulation(sha256:…)`.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_(&self) -> String {
        format!("Regulation({})", self.inner.fingerprint())
    }

    /// The regulation file as a plain object.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        ser_out(self.inner.spec())
    }
}

/// `"uk"` or `"en"`; `undefined`/`null` is Ukrainian, the seed's language.
pub(crate) fn lang_in(v: &JsValue) -> Result<Lang, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(Lang::Uk);
    }
    let s = string_in(v, "lang")?;
    s.parse::<Lang>()
        .map_err(|e| error::of_kind(ErrorKind::InvalidValue, Some("lang"), e.message()))
}
