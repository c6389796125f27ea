//! The calendar file: its JSON format, parsing and validation.
//!
//! ```json
//! {"timezone": "Europe/Kyiv",
//!  "week": {"mon": [["09:00","18:00"]], "tue": [["09:00","18:00"]], "wed": [["09:00","18:00"]],
//!           "thu": [["09:00","18:00"]], "fri": [["09:00","18:00"]], "sat": [], "sun": []},
//!  "holidays": ["2026-01-01"], "extra_working_days": ["2026-03-07"],
//!  "extra_working_day_hours": [["09:00","18:00"]],
//!  "holiday_preset": "UA",
//!  "date_hours": {"2026-12-31": [["09:00","16:00"]], "2026-12-30": []},
//!  "shortened_eves": true}
//! ```
//!
//! Only `timezone` and `week` are required; a weekday absent from `week` has
//! no working time. Every error names the field (as a JSON path) and the value.
//!
//! What starts on a date, first rule that applies: its `date_hours` entry;
//! an extra working day's hours; nothing on a listed holiday; the preset's
//! day off or transferred working day; the week. With a UA preset and
//! `shortened_eves` (the default), a day the law shortens (Labour Code
//! art. 53, see [`holidays::Year::shortened`](crate::holidays::Year::shortened))
//! loses its last working hour, unless `date_hours` gives that date.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::de::Error as _;
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::holidays::HolidayPreset;

/// Seconds in a day.
pub(crate) const DAY: i64 = 86_400;

/// The weekday keys of the `week` object, Monday first.
pub const WEEKDAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A local wall-clock time of day, `00:00` to `24:00`, in whole seconds.
///
/// Written `"HH:MM"` or `"HH:MM:SS"`; `"24:00"` is allowed as the end of a shift.
///
/// # Example
/// ```
/// use reglament::calendar::LocalTime;
/// let t: LocalTime = "09:30".parse().unwrap();
/// assert_eq!(t.seconds(), 9 * 3600 + 30 * 60);
/// assert_eq!(t.to_string(), "09:30");
/// assert!("25:00".parse::<LocalTime>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime(u32);

impl LocalTime {
    /// Midnight at the start of the day.
    pub const MIDNIGHT: LocalTime = LocalTime(0);
    /// `24:00`, the end of the day.
    pub const END_OF_DAY: LocalTime = LocalTime(86_400);

    /// The time `h:m:s`; `None` unless it lies in `00:00:00..=24:00:00`.
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::LocalTime;
    /// assert_eq!(LocalTime::from_hms(18, 0, 0).unwrap().to_string(), "18:00");
    /// assert!(LocalTime::from_hms(24, 0, 1).is_none());
    /// ```
    pub fn from_hms(h: u32, m: u32, s: u32) -> Option<LocalTime> {
        if m > 59 || s > 59 || h > 24 {
            return None;
        }
        let secs = h * 3600 + m * 60 + s;
        (secs <= 86_400).then_some(LocalTime(secs))
    }

    /// Seconds since local midnight (`86400` for `24:00`).
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::LocalTime;
    /// assert_eq!(LocalTime::END_OF_DAY.seconds(), 86_400);
    /// ```
    pub fn seconds(self) -> u32 {
        self.0
    }
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.0 / 3600, self.0 / 60 % 60, self.0 % 60);
        if s == 0 {
            write!(f, "{h:02}:{m:02}")
        } else {
            write!(f, "{h:02}:{m:02}:{s:02}")
        }
    }
}

impl FromStr for LocalTime {
    type Err = Error;

    /// `"HH:MM"` or `"HH:MM:SS"`; anything else is `invalid_value`.
    fn from_str(s: &str) -> Result<LocalTime, Error> {
        let err = || {
            Error::new(
                ErrorKind::InvalidValue,
                format!(
                    "invalid time of day {:?}: expected \"HH:MM\" or \"HH:MM:SS\" between 00:00 and 24:00",
                    crate::error::cap(s.to_string())
                ),
            )
        };
        let b = s.as_bytes();
        let two = |i: usize| -> Option<u32> {
            let (x, y) = (*b.get(i)?, *b.get(i + 1)?);
            (x.is_ascii_digit() && y.is_ascii_digit())
                .then(|| u32::from(x - b'0') * 10 + u32::from(y - b'0'))
        };
        let (h, m, sec) = match b.len() {
            5 if b.get(2) == Some(&b':') => (two(0), two(3), Some(0)),
            8 if b.get(2) == Some(&b':') && b.get(5) == Some(&b':') => (two(0), two(3), two(6)),
            _ => return Err(err()),
        };
        match (h, m, sec) {
            (Some(h), Some(m), Some(sec)) => LocalTime::from_hms(h, m, sec).ok_or_else(err),
            _ => Err(err()),
        }
    }
}

/// One working interval of a day: `[start, end)` in local time. When `end`
/// is not after `start` the shift runs overnight into the next day and
/// belongs to the day it starts.
///
/// # Example
/// ```
/// use reglament::calendar::Shift;
/// let night = Shift::new("22:00".parse().unwrap(), "06:00".parse().unwrap()).unwrap();
/// assert!(night.is_overnight());
/// assert_eq!(night.length_seconds(), 8 * 3600);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shift {
    start: LocalTime,
    end: LocalTime,
}

impl Shift {
    /// A shift from `start` to `end`; `None` if `start` is `24:00`.
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::{LocalTime, Shift};
    /// assert!(Shift::new(LocalTime::END_OF_DAY, LocalTime::MIDNIGHT).is_none());
    /// ```
    pub fn new(start: LocalTime, end: LocalTime) -> Option<Shift> {
        (start < LocalTime::END_OF_DAY).then_some(Shift { start, end })
    }

    /// The local start time.
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::Shift;
    /// let s = Shift::new("09:00".parse().unwrap(), "18:00".parse().unwrap()).unwrap();
    /// assert_eq!(s.start().to_string(), "09:00");
    /// ```
    pub fn start(self) -> LocalTime {
        self.start
    }

    /// The local end time (on the next day when [`is_overnight`](Shift::is_overnight)).
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::Shift;
    /// let s = Shift::new("09:00".parse().unwrap(), "24:00".parse().unwrap()).unwrap();
    /// assert_eq!(s.end().to_string(), "24:00");
    /// ```
    pub fn end(self) -> LocalTime {
        self.end
    }

    /// True when the end is not after the start: the shift ends the next day.
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::Shift;
    /// let s = Shift::new("09:00".parse().unwrap(), "09:00".parse().unwrap()).unwrap();
    /// assert!(s.is_overnight()); // a 24-hour shift
    /// ```
    pub fn is_overnight(self) -> bool {
        self.end <= self.start
    }

    /// Seconds from start to end in local wall-clock time (DST ignored).
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::Shift;
    /// let s = Shift::new("09:00".parse().unwrap(), "18:00".parse().unwrap()).unwrap();
    /// assert_eq!(s.length_seconds(), 9 * 3600);
    /// ```
    pub fn length_seconds(self) -> i64 {
        self.end_offset() - i64::from(self.start.0)
    }

    /// The end as seconds after the start day's midnight (past 86400 when overnight).
    pub(crate) fn end_offset(self) -> i64 {
        let end = i64::from(self.end.0);
        if self.is_overnight() {
            end + DAY
        } else {
            end
        }
    }
}

/// The shifts of a day without its last `cut` seconds of working time,
/// counted in local wall-clock time from the end of the latest shift (a
/// short last shift goes whole and the rest comes off the one before;
/// overlapping shifts count once). Art. 53's shortened eve: `cut` = 3600.
pub(crate) fn without_last(shifts: &[Shift], cut: i64) -> Vec<Shift> {
    // the union of the shifts, in seconds after the day's midnight
    let mut spans: Vec<(i64, i64)> = shifts
        .iter()
        .map(|s| (i64::from(s.start.0), s.end_offset()))
        .collect();
    spans.sort_unstable();
    let mut union: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match union.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => union.push((a, b)),
        }
    }
    // the instant `limit` before which the union keeps all but `cut` seconds
    let mut left = cut;
    let mut limit = i64::MIN;
    for &(a, b) in union.iter().rev() {
        if b - a > left {
            limit = b - left;
            break;
        }
        left -= b - a;
    }
    shifts
        .iter()
        .filter_map(|s| {
            let start = i64::from(s.start.0);
            let end = s.end_offset().min(limit);
            if end <= start {
                return None;
            }
            // end - start is in (0, DAY]: a representable shift
            let end = if end > DAY { end - DAY } else { end };
            Some(Shift {
                start: s.start,
                end: LocalTime(u32::try_from(end).unwrap_or(0)),
            })
        })
        .collect()
}

/// The parsed calendar file. Build a working [`Calendar`](super::Calendar)
/// from it with [`Calendar::from_spec`](super::Calendar::from_spec).
///
/// # Example
/// ```
/// use reglament::calendar::CalendarSpec;
/// let spec = CalendarSpec::from_json(r#"{"timezone":"UTC","week":{"mon":[["08:00","12:00"]]}}"#).unwrap();
/// assert_eq!(spec.timezone, "UTC");
/// assert_eq!(spec.week[0].len(), 1);
/// assert!(spec.week[1].is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarSpec {
    /// IANA time zone name, e.g. `Europe/Kyiv`.
    pub timezone: String,
    /// Shifts per weekday, Monday first.
    pub week: [Vec<Shift>; 7],
    /// Dates on which no shift starts (in addition to the preset's days off).
    pub holidays: Vec<NaiveDate>,
    /// Dates worked with [`extra_working_day_hours`](CalendarSpec::extra_working_day_hours),
    /// whatever their weekday or the preset say.
    pub extra_working_days: Vec<NaiveDate>,
    /// Shifts of an extra working day; `None` means Monday's shifts.
    pub extra_working_day_hours: Option<Vec<Shift>>,
    /// Public holidays computed by rule (`"UA"` or `"UA-statutory"`), if any.
    pub holiday_preset: Option<HolidayPreset>,
    /// For the Ukrainian presets: the last day of martial law; absent while it lasts.
    pub martial_law_end: Option<NaiveDate>,
    /// Per-date hours: the shifts that start on a date (none for an empty
    /// list), replacing whatever the week, the preset, `holidays` or
    /// `extra_working_days` say for it. A shift begun the day before runs on.
    pub date_hours: BTreeMap<NaiveDate, Vec<Shift>>,
    /// With a UA preset: remove the last working hour of each day the law
    /// shortens before a holiday (art. 53). Default `true`; no effect
    /// without a preset, nor while martial law suspends art. 73.
    pub shortened_eves: bool,
}

impl Default for CalendarSpec {
    /// The embedded default: Europe/Kyiv, Monday to Friday 09:00–18:00, with
    /// Ukrainian public holidays (preset `"UA"`).
    fn default() -> CalendarSpec {
        CalendarSpec::default_kyiv()
    }
}

impl CalendarSpec {
    /// The embedded default: Europe/Kyiv, Monday to Friday 09:00–18:00, with
    /// Ukrainian public holidays (preset `"UA"`, every named holiday non-working).
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::CalendarSpec;
    /// let spec = CalendarSpec::default_kyiv();
    /// assert_eq!(spec.timezone, "Europe/Kyiv");
    /// assert!(spec.week[5].is_empty() && spec.week[6].is_empty());
    /// ```
    pub fn default_kyiv() -> CalendarSpec {
        let nine_to_six = vec![Shift {
            start: LocalTime(9 * 3600),
            end: LocalTime(18 * 3600),
        }];
        CalendarSpec {
            timezone: "Europe/Kyiv".to_string(),
            week: [
                nine_to_six.clone(),
                nine_to_six.clone(),
                nine_to_six.clone(),
                nine_to_six.clone(),
                nine_to_six,
                Vec::new(),
                Vec::new(),
            ],
            holidays: Vec::new(),
            extra_working_days: Vec::new(),
            extra_working_day_hours: None,
            holiday_preset: Some(HolidayPreset::Ua),
            martial_law_end: None,
            date_hours: BTreeMap::new(),
            shortened_eves: true,
        }
    }

    /// Parses and validates a calendar file.
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::CalendarSpec;
    /// let err = CalendarSpec::from_json(r#"{"timezone":"UTC","week":{},"colour":"red"}"#).unwrap_err();
    /// assert_eq!(err.code(), "unknown_field");
    /// assert_eq!(err.field(), Some("colour"));
    /// ```
    pub fn from_json(json: &str) -> Result<CalendarSpec> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            Error::new(
                ErrorKind::InvalidJson,
                format!("the calendar is not valid JSON: {e}"),
            )
        })?;
        CalendarSpec::from_value(&value)
    }

    /// Validates a calendar already parsed as a JSON value.
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::CalendarSpec;
    /// let v = serde_json::json!({"timezone": "UTC", "week": {"sun": [["22:00", "06:00"]]}});
    /// let spec = CalendarSpec::from_value(&v).unwrap();
    /// assert!(spec.week[6][0].is_overnight());
    /// ```
    pub fn from_value(value: &Value) -> Result<CalendarSpec> {
        let obj = value.as_object().ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidJson,
                format!("a calendar must be a JSON object, found {}", kind_of(value)),
            )
        })?;
        const KEYS: [&str; 9] = [
            "timezone",
            "week",
            "holidays",
            "extra_working_days",
            "extra_working_day_hours",
            "holiday_preset",
            "martial_law_end",
            "date_hours",
            "shortened_eves",
        ];
        reject_unknown(obj, &KEYS, "")?;

        let tz_value = obj.get("timezone").ok_or_else(|| {
            Error::new(
                ErrorKind::MissingField,
                "the calendar needs a \"timezone\" (an IANA name such as \"Europe/Kyiv\")",
            )
            .at("timezone")
        })?;
        let timezone = tz_value.as_str().ok_or_else(|| {
            Error::invalid(
                "timezone",
                format!(
                    "expected an IANA time zone name as a string, found {}",
                    kind_of(tz_value)
                ),
            )
        })?;
        parse_tz(timezone).map_err(|e| e.at("timezone"))?;

        let week_value = obj.get("week").ok_or_else(|| {
            Error::new(
                ErrorKind::MissingField,
                "the calendar needs a \"week\" (working intervals per weekday)",
            )
            .at("week")
        })?;
        let week_obj = week_value.as_object().ok_or_else(|| {
            Error::invalid(
                "week",
                format!(
                    "expected an object with keys mon..sun, found {}",
                    kind_of(week_value)
                ),
            )
        })?;
        reject_unknown(week_obj, &WEEKDAY_KEYS, "week")?;
        let mut week: [Vec<Shift>; 7] = Default::default();
        for (day, key) in week.iter_mut().zip(WEEKDAY_KEYS) {
            if let Some(v) = week_obj.get(key) {
                *day = parse_shifts(v, &format!("week.{key}"))?;
            }
        }

        let holidays = opt(obj, "holidays", parse_dates)?.unwrap_or_default();
        let extra_working_days = opt(obj, "extra_working_days", parse_dates)?.unwrap_or_default();
        let extra_working_day_hours = opt(obj, "extra_working_day_hours", parse_shifts)?;
        let holiday_preset = match obj.get("holiday_preset") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(HolidayPreset::from_name(s).ok_or_else(|| {
                Error::invalid(
                    "holiday_preset",
                    format!("unknown holiday preset {s:?}: expected \"UA\" or \"UA-statutory\""),
                )
            })?),
            Some(other) => {
                return Err(Error::invalid(
                    "holiday_preset",
                    format!(
                        "expected \"UA\" or \"UA-statutory\", found {}",
                        kind_of(other)
                    ),
                ))
            }
        };
        let martial_law_end = match obj.get("martial_law_end") {
            None | Some(Value::Null) => None,
            Some(v) => Some(parse_date(v, "martial_law_end")?),
        };
        let date_hours = opt(obj, "date_hours", parse_date_hours)?.unwrap_or_default();
        let shortened_eves = match obj.get("shortened_eves") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                return Err(Error::invalid(
                    "shortened_eves",
                    format!("expected true or false, found {}", kind_of(other)),
                ))
            }
        };

        let spec = CalendarSpec {
            timezone: timezone.to_string(),
            week,
            holidays,
            extra_working_days,
            extra_working_day_hours,
            holiday_preset,
            martial_law_end,
            date_hours,
            shortened_eves,
        };
        spec.validate()?;
        Ok(spec)
    }

    /// Checks the rules that span fields: some working time must exist, and
    /// no date may be both a holiday and an extra working day.
    fn validate(&self) -> Result<()> {
        let extra_hours = self
            .extra_working_day_hours
            .as_ref()
            .unwrap_or(&self.week[0]);
        let week_has_time = self.week.iter().any(|d| !d.is_empty());
        let extra_has_time = !self.extra_working_days.is_empty() && !extra_hours.is_empty();
        let dated_time = self.date_hours.values().any(|d| !d.is_empty());
        if !week_has_time && !extra_has_time && !dated_time {
            return Err(Error::new(
                ErrorKind::NoWorkingTime,
                "the calendar has no working time at all: every weekday is empty and there is no extra working day or date_hours entry with hours",
            )
            .at("week"));
        }
        // inserted one by one: collecting would instantiate a sort
        let mut extra = BTreeSet::new();
        for &d in &self.extra_working_days {
            extra.insert(d);
        }
        if let Some((i, d)) = self
            .holidays
            .iter()
            .enumerate()
            .find(|(_, d)| extra.contains(d))
        {
            return Err(Error::new(
                ErrorKind::Conflict,
                format!("{d} is listed both as a holiday and as an extra working day"),
            )
            .at(format!("holidays[{i}]")));
        }
        Ok(())
    }

    /// The calendar file as a JSON value (the inverse of [`from_value`](CalendarSpec::from_value)).
    ///
    /// # Example
    /// ```
    /// use reglament::calendar::CalendarSpec;
    /// let spec = CalendarSpec::default_kyiv();
    /// let back = CalendarSpec::from_value(&spec.to_value()).unwrap();
    /// assert_eq!(back, spec);
    /// ```
    pub fn to_value(&self) -> Value {
        Value::Object(
            self.entries()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    /// The file's keys and values, in the file's order (`week` as an object).
    fn entries(&self) -> Vec<(&'static str, Value)> {
        let shifts = |list: &[Shift]| -> Value {
            Value::Array(
                list.iter()
                    .map(|s| {
                        Value::Array(vec![
                            Value::String(s.start.to_string()),
                            Value::String(s.end.to_string()),
                        ])
                    })
                    .collect(),
            )
        };
        let dates = |list: &[NaiveDate]| -> Value {
            Value::Array(list.iter().map(|d| Value::String(d.to_string())).collect())
        };
        let mut week = Map::new();
        for (key, day) in WEEKDAY_KEYS.iter().zip(&self.week) {
            week.insert((*key).to_string(), shifts(day));
        }
        let mut obj = vec![
            ("timezone", Value::String(self.timezone.clone())),
            ("week", Value::Object(week)),
        ];
        if !self.holidays.is_empty() {
            obj.push(("holidays", dates(&self.holidays)));
        }
        if !self.extra_working_days.is_empty() {
            obj.push(("extra_working_days", dates(&self.extra_working_days)));
        }
        if let Some(h) = &self.extra_working_day_hours {
            obj.push(("extra_working_day_hours", shifts(h)));
        }
        if let Some(p) = self.holiday_preset {
            obj.push(("holiday_preset", Value::String(p.name().to_string())));
        }
        if let Some(d) = self.martial_law_end {
            obj.push(("martial_law_end", Value::String(d.to_string())));
        }
        if !self.date_hours.is_empty() {
            let mut dated = Map::new();
            for (date, list) in &self.date_hours {
                dated.insert(date.to_string(), shifts(list));
            }
            obj.push(("date_hours", Value::Object(dated)));
        }
        // the default (true) is not written: a file that does not know the
        // key means the same, and keeps its fingerprint
        if !self.shortened_eves {
            obj.push(("shortened_eves", Value::Bool(false)));
        }
        obj
    }
}

/// The `week` object with its days Monday first (a `Value` would sort them).
struct OrderedWeek<'a>(&'a Map<String, Value>);

impl serde::Serialize for OrderedWeek<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for key in WEEKDAY_KEYS {
            if let Some(v) = self.0.get(key) {
                m.serialize_entry(key, v)?;
            }
        }
        m.end()
    }
}

impl serde::Serialize for CalendarSpec {
    /// Keys in the file's order, the week Monday first.
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let entries = self.entries();
        let mut m = serializer.serialize_map(Some(entries.len()))?;
        for (k, v) in &entries {
            match v {
                Value::Object(week) if *k == "week" => m.serialize_entry(k, &OrderedWeek(week))?,
                _ => m.serialize_entry(k, v)?,
            }
        }
        m.end()
    }
}

impl<'de> serde::Deserialize<'de> for CalendarSpec {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<CalendarSpec, D::Error> {
        let value = Value::deserialize(deserializer)?;
        CalendarSpec::from_value(&value).map_err(D::Error::custom)
    }
}

/// Resolves an IANA name (the exact, case-sensitive name of the database).
pub(crate) fn parse_tz(name: &str) -> Result<Tz> {
    name.parse::<Tz>().map_err(|_| {
        Error::new(
            ErrorKind::UnknownTimeZone,
            format!("unknown time zone {name:?}: expected an IANA name such as \"Europe/Kyiv\" (tzdb {})", chrono_tz::IANA_TZDB_VERSION),
        )
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn reject_unknown(obj: &Map<String, Value>, known: &[&str], path: &str) -> Result<()> {
    if let Some(key) = obj.keys().find(|k| !known.contains(&k.as_str())) {
        let field = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        return Err(Error::new(
            ErrorKind::UnknownField,
            format!("unknown key {key:?}; expected one of: {}", known.join(", ")),
        )
        .at(field));
    }
    Ok(())
}

fn opt<T>(
    obj: &Map<String, Value>,
    key: &str,
    parse: impl Fn(&Value, &str) -> Result<T>,
) -> Result<Option<T>> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => parse(v, key).map(Some),
    }
}

fn parse_time(v: &Value, path: &str) -> Result<LocalTime> {
    let s = v.as_str().ok_or_else(|| {
        Error::invalid(
            path,
            format!(
                "expected a time of day \"HH:MM\" as a string, found {}",
                kind_of(v)
            ),
        )
    })?;
    s.parse::<LocalTime>()
        .map_err(|e| Error::invalid(path, e.to_string()))
}

fn parse_shifts(v: &Value, path: &str) -> Result<Vec<Shift>> {
    let list = v.as_array().ok_or_else(|| {
        Error::invalid(path, format!("expected a list of [start, end] intervals such as [[\"09:00\",\"18:00\"]], found {}", kind_of(v)))
    })?;
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let here = format!("{path}[{i}]");
        let (first, second) = match item.as_array().map(Vec::as_slice) {
            Some([first, second]) => (first, second),
            _ => {
                return Err(Error::invalid(
                    here,
                    format!(
                        "expected an interval [start, end] of two \"HH:MM\" strings, found {item}"
                    ),
                ))
            }
        };
        let start = parse_time(first, &format!("{here}[0]"))?;
        let end = parse_time(second, &format!("{here}[1]"))?;
        let shift = Shift::new(start, end).ok_or_else(|| {
            Error::invalid(
                format!("{here}[0]"),
                "a shift cannot start at \"24:00\"; start it at \"00:00\" of the next day",
            )
        })?;
        out.push(shift);
    }
    Ok(out)
}

fn parse_date(v: &Value, path: &str) -> Result<NaiveDate> {
    let s = v.as_str().ok_or_else(|| {
        Error::invalid(
            path,
            format!(
                "expected a date \"YYYY-MM-DD\" as a string, found {}",
                kind_of(v)
            ),
        )
    })?;
    // exactly "DDDD-DD-DD": chrono's "%Y-%m-%d" also takes "-026-12-31"
    // (year -26) and "+202-1-01", which do not print back the same
    match crate::instant::parse_date(s) {
        Some(d) => Ok(d),
        None => Err(Error::invalid(
            path,
            format!("invalid date {s:?}: expected an existing calendar date \"YYYY-MM-DD\""),
        )),
    }
}

/// `{"YYYY-MM-DD": [[start, end], ...], ...}`; errors name
/// `date_hours.2026-12-31` (a bad date) or `date_hours.2026-12-31[0][1]`.
fn parse_date_hours(v: &Value, path: &str) -> Result<BTreeMap<NaiveDate, Vec<Shift>>> {
    let obj = v.as_object().ok_or_else(|| {
        Error::invalid(
            path,
            format!(
                "expected an object of dates to shifts such as {{\"2026-12-31\": [[\"09:00\",\"16:00\"]]}}, found {}",
                kind_of(v)
            ),
        )
    })?;
    let mut out = BTreeMap::new();
    for (key, list) in obj {
        let here = format!("{path}.{key}");
        let date = parse_date(&Value::String(key.clone()), &here)?;
        out.insert(date, parse_shifts(list, &here)?);
    }
    Ok(out)
}

fn parse_dates(v: &Value, path: &str) -> Result<Vec<NaiveDate>> {
    let list = v.as_array().ok_or_else(|| {
        Error::invalid(
            path,
            format!(
                "expected a list of dates \"YYYY-MM-DD\", found {}",
                kind_of(v)
            ),
        )
    })?;
    list.iter()
        .enumerate()
        .map(|(i, d)| parse_date(d, &format!("{path}[{i}]")))
        .collect()
}
