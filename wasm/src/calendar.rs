//! `Calendar`: working time and its arithmetic (DESIGN §3).

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::convert::{
    count_in, date_in, doc_out, file_in, instant_in, instant_out, seconds_in, string_in,
};
use crate::error::OrJs;

/// A working-time calendar: an IANA time zone, a weekly schedule, holidays
/// and extra working days. Immutable.
#[wasm_bindgen(js_name = Calendar)]
pub struct WasmCalendar {
    pub(crate) inner: reglament::Calendar,
}

#[wasm_bindgen(js_class = Calendar)]
impl WasmCalendar {
    /// A calendar from its file: a JSON string or a plain object
    /// (`{timezone, week, holidays?, extra_working_days?, extra_working_day_hours?, holiday_preset?, martial_law_end?}`).
    #[wasm_bindgen(constructor)]
    pub fn new(spec: JsValue) -> Result<WasmCalendar, JsValue> {
        let v = file_in(&spec, "calendar")?;
        let spec = reglament::calendar::CalendarSpec::from_value(&v).js()?;
        Ok(WasmCalendar {
            inner: reglament::Calendar::from_spec(&spec).js()?,
        })
    }

    /// The default calendar: Europe/Kyiv, Mon–Fri 09:00–18:00, Ukrainian public holidays.
    #[wasm_bindgen(js_name = defaultKyiv)]
    pub fn default_kyiv() -> Result<WasmCalendar, JsValue> {
        crate::error::check_alive()?;
        Ok(WasmCalendar {
            inner: reglament::Calendar::default_kyiv(),
        })
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

    /// [`add`](WasmCalendar::add) with a `Date` out.
    #[wasm_bindgen(js_name = addDate)]
    pub fn add_date(&self, t: JsValue, seconds: JsValue) -> Result<js_sys::Date, JsValue> {
        let t = instant_in(&t, "t")?;
        let s = seconds_in(&seconds, "seconds")?;
        self.inner.add(t, s).js().map(date_out)
    }

    /// [`add`](WasmCalendar::add) on epoch milliseconds (`Date.now()`,
    /// `date.getTime()`), a number out: no string or object crosses the
    /// boundary, for a board that computes many deadlines. The instant is
    /// floored to its second, as every instant in; the duration is seconds
    /// or `{hours, minutes, seconds}` as in `add`.
    #[wasm_bindgen(js_name = addEpochMs)]
    pub fn add_epoch_ms(&self, t_ms: f64, seconds: JsValue) -> Result<f64, JsValue> {
        let t = epoch_ms_in(t_ms, "tMs")?;
        let s = seconds_in(&seconds, "seconds")?;
        self.inner
            .add(t, s)
            .js()
            .map(|u| u.timestamp() as f64 * 1000.0)
    }

    /// [`sub`](WasmCalendar::sub) on epoch milliseconds (as `addEpochMs`).
    #[wasm_bindgen(js_name = subEpochMs)]
    pub fn sub_epoch_ms(&self, t_ms: f64, seconds: JsValue) -> Result<f64, JsValue> {
        let t = epoch_ms_in(t_ms, "tMs")?;
        let s = seconds_in(&seconds, "seconds")?;
        self.inner
            .sub(t, s)
            .js()
            .map(|u| u.timestamp() as f64 * 1000.0)
    }

    /// [`sub`](WasmCalendar::sub) with a `Date` out.
    #[wasm_bindgen(js_name = subDate)]
    pub fn sub_date(&self, t: JsValue, seconds: JsValue) -> Result<js_sys::Date, JsValue> {
        let t = instant_in(&t, "t")?;
        let s = seconds_in(&seconds, "seconds")?;
        self.inner.sub(t, s).js().map(date_out)
    }

    /// [`nextWorking`](WasmCalendar::next_working) with a `Date` out.
    #[wasm_bindgen(js_name = nextWorkingDate)]
    pub fn next_working_date(&self, t: JsValue) -> Result<js_sys::Date, JsValue> {
        let t = instant_in(&t, "t")?;
        self.inner.next_working(t).js().map(date_out)
    }

    /// [`addWorkingDays`](WasmCalendar::add_working_days) with a `Date` out.
    #[wasm_bindgen(js_name = addWorkingDaysDate)]
    pub fn add_working_days_date(&self, t: JsValue, n: JsValue) -> Result<js_sys::Date, JsValue> {
        let t = instant_in(&t, "t")?;
        let n = count_in(&n, "n")?;
        self.inner.add_working_days(t, n).js().map(date_out)
    }

    /// For `console.log` and string templates: `Calendar(Europe/Kyiv)`.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_(&self) -> String {
        format!("Calendar({})", self.inner.timezone().name())
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
            Some(off) => doc_out(&off.to_value()),
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

/// An instant from epoch milliseconds (a finite number; floored to the second).
fn epoch_ms_in(ms: f64, param: &str) -> Result<chrono::DateTime<chrono::Utc>, JsValue> {
    crate::error::check_alive()?;
    if !ms.is_finite() {
        return Err(crate::error::argument(
            param,
            "expected epoch milliseconds (a finite number, e.g. Date.now())",
        ));
    }
    let secs = (ms / 1000.0).floor();
    if secs.abs() > 8.64e12 {
        return Err(crate::error::of_kind(
            reglament::ErrorKind::OutOfRange,
            Some(param),
            "the instant is outside the representable range",
        ));
    }
    chrono::DateTime::from_timestamp(secs as i64, 0).ok_or_else(|| {
        crate::error::of_kind(
            reglament::ErrorKind::OutOfRange,
            Some(param),
            "the instant is outside the representable range",
        )
    })
}

/// An instant out as a `Date`.
pub(crate) fn date_out(t: chrono::DateTime<chrono::Utc>) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(t.timestamp_millis() as f64))
}
