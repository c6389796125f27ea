//! `Calendar`: working time and its arithmetic (DESIGN §3).

use reglament::calendar::DayOffKind;
use reglament::holidays::DayOffReason;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::convert::{
    count_in, date_in, doc_in, doc_out, instant_in, instant_out, seconds_in, string_in,
};
use crate::error::OrJs;

/// A working-time calendar: an IANA time zone, a weekly schedule, holidays
/// and extra working days. Immutable.
#[wasm_bindgen(js_name = Calendar)]
pub struct WasmCalendar {
    pub(crate) inner: reglament::Calendar,
}

/// A day off as a plain object:
/// `{date, name: {uk, en} | null, reason: "holiday" | "carried_over" | "transferred" | "listed", holiday?, worked_on?}`.
pub(crate) fn day_off_value(
    date: chrono::NaiveDate,
    name: Option<(&str, &str)>,
    kind: DayOffKind,
) -> Value {
    let mut v = json!({
        "date": date.to_string(),
        "name": name.map(|(uk, en)| json!({"uk": uk, "en": en})),
    });
    let (reason, extra) = match kind {
        DayOffKind::Listed => ("listed", None),
        DayOffKind::Preset(DayOffReason::Holiday) => ("holiday", None),
        DayOffKind::Preset(DayOffReason::CarriedOver { holiday }) => {
            ("carried_over", Some(("holiday", holiday)))
        }
        DayOffKind::Preset(DayOffReason::Transferred { worked_on }) => {
            ("transferred", Some(("worked_on", worked_on)))
        }
    };
    if let Value::Object(m) = &mut v {
        m.insert("reason".into(), Value::String(reason.into()));
        if let Some((k, d)) = extra {
            m.insert(k.into(), Value::String(d.to_string()));
        }
    }
    v
}

#[wasm_bindgen(js_class = Calendar)]
impl WasmCalendar {
    /// A calendar from its file: a JSON string or a plain object
    /// (`{timezone, week, holidays?, extra_working_days?, extra_working_day_hours?, holiday_preset?, martial_law_end?}`).
    #[wasm_bindgen(constructor)]
    pub fn new(spec: JsValue) -> Result<WasmCalendar, JsValue> {
        let v = doc_in(&spec, "calendar")?;
        let spec = reglament::calendar::CalendarSpec::from_value(&v).js()?;
        Ok(WasmCalendar {
            inner: reglament::Calendar::from_spec(&spec).js()?,
        })
    }

    /// The default calendar: Europe/Kyiv, Mon–Fri 09:00–18:00, Ukrainian public holidays.
    #[wasm_bindgen(js_name = defaultKyiv)]
    pub fn default_kyiv() -> WasmCalendar {
        WasmCalendar {
            inner: reglament::Calendar::default_kyiv(),
        }
    }

    /// The IANA time zone.
    #[wasm_bindgen(getter)]
    pub fn timezone(&self) -> String {
        self.inner.timezone().name().to_string()
    }

    /// `{start, end}`: the first and last instant this calendar supports.
    #[wasm_bindgen(js_name = supportedRange)]
    pub fn supported_range(&self) -> JsValue {
        let (lo, hi) = self.inner.supported_range();
        doc_out(&json!({"start": instant_out(lo), "end": instant_out(hi)}))
    }

    /// The earliest instant `u >= t` with `seconds` of working time in `[t, u)`.
    pub fn add(&self, t: JsValue, seconds: JsValue) -> Result<String, JsValue> {
        let t = instant_in(&t, "t")?;
        let s = seconds_in(&seconds, "seconds")?;
        self.inner.add(t, s).js().map(instant_out)
    }

    // The fast paths of `src/lib.js`: the same operations on Unix seconds,
    // without `JsValue` arguments or a string result. Anything but an answer
    // is `NaN` (`-1` for `isWorking`): the caller then takes the checked
    // method above, which throws the right error. Not part of the public API.

    /// [`add`](WasmCalendar::add) on Unix seconds.
    #[wasm_bindgen(js_name = __addSecs)]
    pub fn add_secs(&self, t: f64, seconds: f64) -> f64 {
        match (whole(t), whole(seconds)) {
            (Some(t), Some(s)) => self.inner.add_secs(t, s).map_or(f64::NAN, |u| u as f64),
            _ => f64::NAN,
        }
    }

    /// [`sub`](WasmCalendar::sub) on Unix seconds.
    #[wasm_bindgen(js_name = __subSecs)]
    pub fn sub_secs(&self, t: f64, seconds: f64) -> f64 {
        match (whole(t), whole(seconds)) {
            (Some(t), Some(s)) => self.inner.sub_secs(t, s).map_or(f64::NAN, |u| u as f64),
            _ => f64::NAN,
        }
    }

    /// [`elapsed`](WasmCalendar::elapsed) on Unix seconds.
    #[wasm_bindgen(js_name = __elapsedSecs)]
    pub fn elapsed_secs(&self, from: f64, to: f64) -> f64 {
        match (whole(from), whole(to)) {
            (Some(a), Some(b)) => self.inner.elapsed_secs(a, b).map_or(f64::NAN, |e| e as f64),
            _ => f64::NAN,
        }
    }

    /// [`isWorking`](WasmCalendar::is_working) on Unix seconds: 1, 0, or -1.
    #[wasm_bindgen(js_name = __isWorkingSecs)]
    pub fn is_working_secs(&self, t: f64) -> i32 {
        whole(t)
            .and_then(|t| self.inner.is_working_secs(t).ok())
            .map_or(-1, i32::from)
    }

    /// The latest instant `u <= t` with `seconds` of working time in `[u, t)`.
    pub fn sub(&self, t: JsValue, seconds: JsValue) -> Result<String, JsValue> {
        let t = instant_in(&t, "t")?;
        let s = seconds_in(&seconds, "seconds")?;
        self.inner.sub(t, s).js().map(instant_out)
    }

    /// Working seconds in `[from, to)`; negative when `to` is before `from`.
    pub fn elapsed(&self, from: JsValue, to: JsValue) -> Result<f64, JsValue> {
        let a = instant_in(&from, "from")?;
        let b = instant_in(&to, "to")?;
        // |elapsed| is below 2^53 within the supported range (1970..2100).
        self.inner.elapsed(a, b).js().map(|s| s as f64)
    }

    /// Whether the second starting at `t` is working time.
    #[wasm_bindgen(js_name = isWorking)]
    pub fn is_working(&self, t: JsValue) -> Result<bool, JsValue> {
        let t = instant_in(&t, "t")?;
        self.inner.is_working(t).js()
    }

    /// The earliest working instant at or after `t`.
    #[wasm_bindgen(js_name = nextWorking)]
    pub fn next_working(&self, t: JsValue) -> Result<String, JsValue> {
        let t = instant_in(&t, "t")?;
        self.inner.next_working(t).js().map(instant_out)
    }

    /// The closing instant of the `n`-th working day after the local date of `t`.
    #[wasm_bindgen(js_name = addWorkingDays)]
    pub fn add_working_days(&self, t: JsValue, n: JsValue) -> Result<String, JsValue> {
        let t = instant_in(&t, "t")?;
        let n = count_in(&n, "n")?;
        self.inner.add_working_days(t, n).js().map(instant_out)
    }

    /// The working intervals `[start, end)` inside `[from, to)`, as `[start, end]` pairs.
    #[wasm_bindgen(js_name = workingIntervals)]
    pub fn working_intervals(&self, from: JsValue, to: JsValue) -> Result<JsValue, JsValue> {
        let a = instant_in(&from, "from")?;
        let b = instant_in(&to, "to")?;
        let iv = self.inner.working_intervals(a, b).js()?;
        let list: Vec<Value> = iv
            .into_iter()
            .map(|(s, e)| json!([instant_out(s), instant_out(e)]))
            .collect();
        Ok(doc_out(&Value::Array(list)))
    }

    /// Why the local date (`"YYYY-MM-DD"`) is a day off, or `null`.
    #[wasm_bindgen(js_name = dayOff)]
    pub fn day_off(&self, date: JsValue) -> Result<JsValue, JsValue> {
        let d = date_in(&date, "date")?;
        Ok(match self.inner.day_off(d) {
            None => JsValue::NULL,
            Some(off) => doc_out(&day_off_value(
                off.date,
                off.name.map(|n| (n.uk, n.en)),
                off.kind,
            )),
        })
    }

    /// The local date (`"YYYY-MM-DD"`) of `t` in the calendar's time zone.
    #[wasm_bindgen(js_name = localDate)]
    pub fn local_date(&self, t: JsValue) -> Result<String, JsValue> {
        let t = instant_in(&t, "t")?;
        Ok(self.inner.local_date(t).to_string())
    }

    /// The instant of a local wall-clock time `"YYYY-MM-DDTHH:MM[:SS]"`
    /// ("compatible" disambiguation: a time in a DST gap moves forward by
    /// the gap, an ambiguous time takes the earlier instant).
    #[wasm_bindgen(js_name = localToInstant)]
    pub fn local_to_instant(&self, local: JsValue) -> Result<String, JsValue> {
        let s = string_in(&local, "local")?;
        let parsed = reglament::instant::parse_local(&s).ok_or_else(|| {
                crate::error::of_kind(
                    reglament::ErrorKind::InvalidValue,
                    Some("local"),
                    &format!("invalid local time {s:?}: expected \"YYYY-MM-DDTHH:MM[:SS]\" without an offset"),
                )
            })?;
        self.inner.local_to_instant(parsed).js().map(instant_out)
    }

    /// The calendar file as a plain object.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        doc_out(&self.inner.spec().to_value())
    }
}

/// `x` as whole seconds when it is a safe integer.
fn whole(x: f64) -> Option<i64> {
    (x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_991.0).then_some(x as i64)
}

/// Unix seconds of an RFC 3339 text, or `NaN` when it is not one (for the
/// package's fast path, which then takes the checked path for the error).
#[wasm_bindgen(js_name = __instantSecs)]
pub fn instant_secs(text: &str) -> f64 {
    reglament::instant::parse_secs(text).map_or(f64::NAN, |t| t as f64)
}

thread_local! {
    /// Where the package's fast path writes the text of an instant (ASCII,
    /// at most [`TEXT_CAPACITY`] bytes) before [`buffered_instant_secs`]:
    /// no allocation and no copy through the glue for a 20-byte string.
    static TEXT: std::cell::RefCell<[u8; TEXT_CAPACITY]> =
        const { std::cell::RefCell::new([0; TEXT_CAPACITY]) };
}

/// The size of the text buffer.
const TEXT_CAPACITY: usize = 64;

/// The address and size of the text buffer in the module's memory.
#[wasm_bindgen(js_name = __textBuffer)]
pub fn text_buffer() -> Vec<u32> {
    TEXT.with(|t| vec![t.as_ptr() as usize as u32, TEXT_CAPACITY as u32])
}

/// [`instant_secs`] of the first `len` bytes of the text buffer.
#[wasm_bindgen(js_name = __bufferedInstantSecs)]
pub fn buffered_instant_secs(len: usize) -> f64 {
    TEXT.with(|t| {
        let bytes = t.borrow();
        bytes
            .get(..len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .map_or(f64::NAN, instant_secs)
    })
}
