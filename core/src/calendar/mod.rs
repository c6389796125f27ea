//! Working time: a time zone, a weekly schedule, holidays and extra working
//! days, and the arithmetic over them (DESIGN §3).
//!
//! * `elapsed(a, b)` = working seconds in `[a, b)`, negative when `b < a`;
//! * `add(t, d)` = the **earliest** `u >= t` with `elapsed(t, u) >= d`, so a
//!   budget that runs out at closing time gives the closing instant;
//! * `sub(t, d)` = the latest `u <= t` with `elapsed(u, t) >= d`;
//! * local boundaries map to instants with RFC 9557 "compatible"
//!   disambiguation (a time in a DST gap moves forward by the gap, an
//!   ambiguous time takes the earlier instant).
//!
//! Every operation costs O(log n) in the number of irregular days of the
//! calendar, whatever the duration (see `engine.rs`).
//!
//! Instants are [`DateTime<Utc>`] and are used to the whole second (a
//! fractional part is dropped, rounding towards the past). Supported instants
//! run from 1970-01-01T00:00:00Z to 2100-01-01T00:00:00Z (the time-zone
//! database shipped with chrono-tz has transitions up to 2099); a calendar
//! with a holiday preset is further limited to the preset's years.
//!
//! # Example
//! ```
//! use chrono::{DateTime, Utc};
//! use reglament::Calendar;
//!
//! let cal = Calendar::default_kyiv();
//! // Friday 17:00 Kyiv (UTC+2) plus two working hours: Monday 10:00 Kyiv, after
//! // the switch to summer time (UTC+3).
//! let t: DateTime<Utc> = "2026-03-27T15:00:00Z".parse().unwrap();
//! let due = cal.add(t, 2 * 3600).unwrap();
//! assert_eq!(due.to_rfc3339(), "2026-03-30T07:00:00+00:00");
//! assert_eq!(cal.elapsed(t, due).unwrap(), 7200);
//! ```

mod engine;
mod spec;
mod zone;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;

pub use spec::{CalendarSpec, LocalTime, Shift, WEEKDAY_KEYS};

use crate::error::{Error, ErrorKind, Result};
use crate::holidays::{self, DayOffReason, HolidayName};
use engine::{day_intervals, DayRules, Engine};

/// First supported instant: 1970-01-01T00:00:00Z.
pub const MIN_INSTANT: i64 = 0;
/// Last supported instant: 2100-01-01T00:00:00Z.
pub const MAX_INSTANT: i64 = 4_102_444_800;

/// Why a date has no shifts although its weekday has some.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOffKind {
    /// A public holiday, a carried-over day or a transferred bridge day of the preset.
    Preset(DayOffReason),
    /// Listed in the calendar file's `holidays`, or given no shift by its
    /// `date_hours`.
    Listed,
}

/// A non-working date that the weekly schedule alone would have worked, or a
/// holiday of the preset on any date.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use reglament::Calendar;
/// let cal = Calendar::default_kyiv();
/// let off = cal.day_off(NaiveDate::from_ymd_opt(2026, 8, 24).unwrap()).unwrap();
/// assert_eq!(off.name.unwrap().en, "Independence Day");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayOff {
    /// The local date.
    pub date: NaiveDate,
    /// The holiday's name, when the preset knows it.
    pub name: Option<HolidayName>,
    /// Where the day off comes from.
    pub kind: DayOffKind,
}

impl DayOff {
    /// The day off as JSON, the one shape every face writes:
    /// `{date, name: {uk, en} | null, reason: "holiday" | "carried_over" |
    /// "transferred" | "listed", holiday?, worked_on?}`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let off = cal.day_off(NaiveDate::from_ymd_opt(2026, 8, 24).unwrap()).unwrap();
    /// assert_eq!(off.to_value()["reason"], "holiday");
    /// assert_eq!(off.to_value()["name"]["en"], "Independence Day");
    /// ```
    pub fn to_value(&self) -> serde_json::Value {
        let reason = match self.kind {
            DayOffKind::Listed => None,
            DayOffKind::Preset(r) => Some(r),
        };
        crate::holidays::day_off_value(self.date, self.name, reason)
    }
}

#[derive(Debug, Clone)]
enum Exception {
    Off(DayOff),
    Extra,
    /// The date's own shifts: a `date_hours` entry or a shortened day.
    Own(Vec<Shift>),
}

#[derive(Debug)]
struct Rules {
    week: [Vec<Shift>; 7],
    extra_hours: Vec<Shift>,
    exceptions: HashMap<NaiveDate, Exception>,
}

impl DayRules for Rules {
    fn shifts(&self, date: NaiveDate) -> &[Shift] {
        match self.exceptions.get(&date) {
            Some(Exception::Off(_)) => &[],
            Some(Exception::Extra) => &self.extra_hours,
            Some(Exception::Own(shifts)) => shifts,
            None => self
                .week
                .get(date.weekday().num_days_from_monday() as usize)
                .map_or(&[], Vec::as_slice),
        }
    }

    fn exception_dates(&self) -> Vec<NaiveDate> {
        self.exceptions.keys().copied().collect()
    }
}

/// A working-time calendar, compiled for fast arithmetic. Cheap to clone
/// (shared), immutable, `Send + Sync`.
///
/// # Example
/// ```
/// use reglament::Calendar;
/// let cal = Calendar::from_json(r#"{"timezone":"America/New_York",
///     "week":{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]]}}"#).unwrap();
/// let t = "2026-11-02T14:00:00Z".parse().unwrap(); // Monday 09:00 EST
/// assert_eq!(cal.add(t, 8 * 3600).unwrap().to_rfc3339(), "2026-11-02T22:00:00+00:00");
/// ```
#[derive(Debug, Clone)]
pub struct Calendar {
    spec: Arc<CalendarSpec>,
    rules: Arc<Rules>,
    engine: Arc<Engine>,
}

fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

fn instant(t: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp(t, 0).ok_or_else(|| {
        Error::out_of_range(format!("instant {t} is outside the representable range"))
    })
}

impl Calendar {
    /// Parses, validates and compiles a calendar file.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let err = Calendar::from_json(r#"{"timezone":"Europe/Kyiv","week":{"mon":[["9:00","18:00"]]}}"#).unwrap_err();
    /// assert_eq!(err.field(), Some("week.mon[0][0]"));
    /// ```
    pub fn from_json(json: &str) -> Result<Calendar> {
        Calendar::from_spec(&CalendarSpec::from_json(json)?)
    }

    /// The embedded default: Europe/Kyiv, Monday to Friday 09:00–18:00,
    /// Ukrainian public holidays (preset `"UA"`).
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// assert_eq!(Calendar::default_kyiv().timezone(), chrono_tz::Europe::Kyiv);
    /// ```
    // The embedded spec is constant and valid (no external data reaches it);
    // every test and doctest builds it, so a broken default fails the suite.
    #[allow(clippy::expect_used)]
    pub fn default_kyiv() -> Calendar {
        Calendar::from_spec(&CalendarSpec::default_kyiv())
            .expect("the embedded default calendar is valid")
    }

    /// Compiles a validated calendar file.
    ///
    /// # Example
    /// ```
    /// use reglament::{Calendar, calendar::CalendarSpec};
    /// let mut spec = CalendarSpec::default_kyiv();
    /// spec.holiday_preset = None;
    /// let cal = Calendar::from_spec(&spec).unwrap();
    /// assert_eq!(cal.spec().timezone, "Europe/Kyiv");
    /// ```
    pub fn from_spec(spec: &CalendarSpec) -> Result<Calendar> {
        let tz = spec::parse_tz(&spec.timezone).map_err(|e| e.at("timezone"))?;
        let mut lo = MIN_INSTANT;
        let mut hi = MAX_INSTANT;
        let mut exceptions = HashMap::new();
        let mut shortened = Vec::new();
        if let Some(preset) = spec.holiday_preset {
            let local_midnight = |y: i32| {
                NaiveDate::from_ymd_opt(y, 1, 1)
                    .and_then(|d| engine::local_to_instant(tz, engine::day_number(d) * spec::DAY))
            };
            lo = lo.max(local_midnight(holidays::FIRST_YEAR).unwrap_or(lo));
            hi = hi.min(local_midnight(holidays::LAST_YEAR + 1).unwrap_or(hi));
            for y in holidays::FIRST_YEAR..=holidays::LAST_YEAR {
                let year = holidays::year(preset, y, spec.martial_law_end)?;
                for d in &year.days_off {
                    let off = DayOff {
                        date: d.date,
                        name: Some(d.name),
                        kind: DayOffKind::Preset(d.reason),
                    };
                    exceptions.insert(d.date, Exception::Off(off));
                }
                for w in &year.working_days {
                    exceptions.insert(w.date, Exception::Extra);
                }
                if spec.shortened_eves {
                    shortened.extend(year.shortened.iter().map(|d| d.date));
                }
            }
        }
        for &date in &spec.holidays {
            let name = match exceptions.get(&date) {
                Some(Exception::Off(o)) => o.name,
                _ => None,
            };
            exceptions.insert(
                date,
                Exception::Off(DayOff {
                    date,
                    name,
                    kind: DayOffKind::Listed,
                }),
            );
        }
        for &date in &spec.extra_working_days {
            exceptions.insert(date, Exception::Extra);
        }
        let mut rules = Rules {
            week: spec.week.clone(),
            extra_hours: spec
                .extra_working_day_hours
                .clone()
                .unwrap_or_else(|| spec.week[0].clone()),
            exceptions,
        };
        // Art. 53: the day's shifts, whatever gave them, lose their last hour.
        for date in shortened {
            if spec.date_hours.contains_key(&date) {
                continue;
            }
            let shifts = rules.shifts(date);
            if !shifts.is_empty() {
                let short = spec::without_last(shifts, 3600);
                rules.exceptions.insert(date, Exception::Own(short));
            }
        }
        // `date_hours` over everything; an empty entry is a day off of the
        // file (a holiday's keeps the holiday's name).
        for (&date, shifts) in &spec.date_hours {
            let exception = match rules.exceptions.get(&date) {
                Some(Exception::Off(_)) if shifts.is_empty() => continue,
                _ if shifts.is_empty() => Exception::Off(DayOff {
                    date,
                    name: None,
                    kind: DayOffKind::Listed,
                }),
                _ => Exception::Own(shifts.clone()),
            };
            rules.exceptions.insert(date, exception);
        }
        let engine = Engine::new(tz, &rules.week, &rules, lo, hi);
        Ok(Calendar {
            spec: Arc::new(spec.clone()),
            rules: Arc::new(rules),
            engine: Arc::new(engine),
        })
    }

    /// The calendar file this calendar was built from.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// assert_eq!(Calendar::default_kyiv().spec().week[0].len(), 1);
    /// ```
    pub fn spec(&self) -> &CalendarSpec {
        &self.spec
    }

    /// The IANA time zone.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// assert_eq!(Calendar::default_kyiv().timezone().name(), "Europe/Kyiv");
    /// ```
    pub fn timezone(&self) -> Tz {
        self.engine.tz()
    }

    /// The first and last instant this calendar supports.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let (lo, hi) = Calendar::default_kyiv().supported_range();
    /// assert_eq!(lo.to_rfc3339(), "1990-12-31T21:00:00+00:00"); // 1991-01-01 00:00 Kyiv (then UTC+3)
    /// assert_eq!(hi.to_rfc3339(), "2100-01-01T00:00:00+00:00");
    /// ```
    pub fn supported_range(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let (lo, hi) = self.engine.range();
        (
            DateTime::from_timestamp(lo, 0).unwrap_or_default(),
            DateTime::from_timestamp(hi, 0).unwrap_or_default(),
        )
    }

    /// The earliest instant `u >= t` such that `[t, u)` holds `seconds` of
    /// working time. `add(t, 0) == t`; a negative duration subtracts.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let t = "2026-03-27T07:00:00Z".parse().unwrap(); // Friday 09:00 Kyiv
    /// // nine working hours end at 18:00 the same day, not 09:00 on Monday
    /// assert_eq!(cal.add(t, 9 * 3600).unwrap().to_rfc3339(), "2026-03-27T16:00:00+00:00");
    /// ```
    pub fn add(&self, t: DateTime<Utc>, seconds: i64) -> Result<DateTime<Utc>> {
        instant(self.engine.add(ts(t), seconds)?)
    }

    /// [`add`](Calendar::add) on Unix seconds, for hosts that keep instants
    /// as integers: the same answers and errors, without the conversions.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// // Friday 2026-03-27 09:00 Kyiv + 9 working hours = 18:00 the same day
    /// assert_eq!(cal.add_secs(1_774_594_800, 9 * 3600).unwrap(), 1_774_627_200);
    /// assert!(cal.add_secs(i64::MAX, 1).unwrap_err().is_out_of_range());
    /// ```
    pub fn add_secs(&self, t: i64, seconds: i64) -> Result<i64> {
        self.engine.add(t, seconds)
    }

    /// [`sub`](Calendar::sub) on Unix seconds.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// assert_eq!(cal.sub_secs(1_774_627_200, 9 * 3600).unwrap(), 1_774_594_800);
    /// ```
    pub fn sub_secs(&self, t: i64, seconds: i64) -> Result<i64> {
        self.engine.sub(t, seconds)
    }

    /// [`elapsed`](Calendar::elapsed) on Unix seconds.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// assert_eq!(cal.elapsed_secs(1_774_594_800, 1_774_627_200).unwrap(), 9 * 3600);
    /// ```
    pub fn elapsed_secs(&self, from: i64, to: i64) -> Result<i64> {
        self.engine.elapsed(from, to)
    }

    /// [`is_working`](Calendar::is_working) on Unix seconds.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// assert!(cal.is_working_secs(1_774_594_800).unwrap()); // Friday 09:00 Kyiv
    /// ```
    pub fn is_working_secs(&self, t: i64) -> Result<bool> {
        self.engine.is_working(t)
    }

    /// The latest instant `u <= t` such that `[u, t)` holds `seconds` of
    /// working time. `sub(t, 0) == t`; a negative duration adds.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let t = "2026-03-30T07:00:00Z".parse().unwrap(); // Monday 10:00 Kyiv
    /// assert_eq!(cal.sub(t, 2 * 3600).unwrap().to_rfc3339(), "2026-03-27T15:00:00+00:00");
    /// ```
    pub fn sub(&self, t: DateTime<Utc>, seconds: i64) -> Result<DateTime<Utc>> {
        instant(self.engine.sub(ts(t), seconds)?)
    }

    /// Working seconds in `[from, to)`; negative when `to` is before `from`.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let a = "2026-03-27T15:00:00Z".parse().unwrap();
    /// let b = "2026-03-30T07:00:00Z".parse().unwrap();
    /// assert_eq!(cal.elapsed(a, b).unwrap(), 7200);
    /// assert_eq!(cal.elapsed(b, a).unwrap(), -7200);
    /// ```
    pub fn elapsed(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<i64> {
        self.engine.elapsed(ts(from), ts(to))
    }

    /// Whether the second starting at `t` is working time.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// assert!(cal.is_working("2026-03-27T07:00:00Z".parse().unwrap()).unwrap()); // 09:00
    /// assert!(!cal.is_working("2026-03-27T16:00:00Z".parse().unwrap()).unwrap()); // 18:00
    /// ```
    pub fn is_working(&self, t: DateTime<Utc>) -> Result<bool> {
        self.engine.is_working(ts(t))
    }

    /// The earliest working instant at or after `t` (`t` itself when working).
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let sat = "2026-03-28T10:00:00Z".parse().unwrap();
    /// assert_eq!(cal.next_working(sat).unwrap().to_rfc3339(), "2026-03-30T06:00:00+00:00");
    /// ```
    pub fn next_working(&self, t: DateTime<Utc>) -> Result<DateTime<Utc>> {
        instant(self.engine.next_working(ts(t))?)
    }

    /// The closing instant of the `n`-th working day after the local date of
    /// `t` (that date itself does not count): clause 5's "within 2 working
    /// days". A working day is a local date on which at least one shift
    /// starts; its closing instant is the latest end of those shifts.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let fri = "2026-03-27T12:00:00Z".parse().unwrap();
    /// // Monday and Tuesday are the two working days: Tuesday 18:00 Kyiv
    /// assert_eq!(cal.add_working_days(fri, 2).unwrap().to_rfc3339(), "2026-03-31T15:00:00+00:00");
    /// ```
    pub fn add_working_days(&self, t: DateTime<Utc>, n: u32) -> Result<DateTime<Utc>> {
        let t = ts(t);
        let (lo, hi) = self.engine.range();
        if t < lo || t > hi {
            return Err(Error::out_of_range(format!(
                "instant {} is outside the range this calendar supports",
                crate::instant::format(instant(t)?)
            )));
        }
        if n == 0 {
            return Err(Error::invalid(
                "days",
                "the number of working days must be at least 1",
            ));
        }
        let tz = self.engine.tz();
        let start = zone::local_datetime(tz, instant(t)?).date();
        let week_is_empty = self.rules.week.iter().all(Vec::is_empty);
        let last_exception = self.rules.exceptions.keys().max().copied().unwrap_or(start);
        let mut date = start;
        let mut left = n;
        let mut ivals = Vec::new();
        loop {
            date = date
                .succ_opt()
                .ok_or_else(|| Error::out_of_range("date overflow"))?;
            let day_start = engine::day_number(date) * spec::DAY;
            if day_start - 2 * spec::DAY > hi || (week_is_empty && date > last_exception) {
                if week_is_empty {
                    return Err(Error::new(
                        ErrorKind::NoWorkingTime,
                        format!("the calendar has fewer than {n} working days after {start}: its week is empty and no extra working day follows"),
                    ));
                }
                return Err(Error::out_of_range(format!(
                    "working day number {n} after {start} falls after the range this calendar supports"
                )));
            }
            ivals.clear();
            day_intervals(tz, &*self.rules, date, &mut ivals);
            if let Some(close) = ivals.iter().map(|&(_, b)| b).max() {
                left -= 1;
                if left == 0 {
                    if close > hi {
                        return Err(Error::out_of_range(
                            "the closing instant falls after the supported range",
                        ));
                    }
                    return instant(close);
                }
            }
        }
    }

    /// The working intervals `[start, end)` inside `[from, to)`, in order,
    /// touching intervals joined. Useful to explain a deadline.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let iv = cal.working_intervals("2026-03-27T15:00:00Z".parse().unwrap(),
    ///                                "2026-03-30T07:00:00Z".parse().unwrap()).unwrap();
    /// assert_eq!(iv.len(), 2);
    /// assert_eq!(iv[1].0.to_rfc3339(), "2026-03-30T06:00:00+00:00");
    /// ```
    pub fn working_intervals(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
        self.engine
            .intervals(ts(from), ts(to))?
            .into_iter()
            .map(|(a, b)| Ok((instant(a)?, instant(b)?)))
            .collect()
    }

    /// Why `date` is a day off, when it is a holiday of the preset or of the
    /// file's `holidays` list, or has an empty `date_hours` entry (`Listed`);
    /// an extra working day, or a date with `date_hours` shifts, is never a
    /// day off.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// assert!(cal.day_off(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()).is_none());
    /// assert!(cal.day_off(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).is_some());
    /// ```
    pub fn day_off(&self, date: NaiveDate) -> Option<DayOff> {
        match self.rules.exceptions.get(&date) {
            Some(Exception::Off(off)) => Some(*off),
            _ => None,
        }
    }

    /// The local date of `t` in the calendar's time zone.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let d = cal.local_date("2026-03-27T22:30:00Z".parse().unwrap());
    /// assert_eq!(d.to_string(), "2026-03-28");
    /// ```
    pub fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        self.local_datetime(t).date()
    }

    /// The local wall-clock time of `t` in the calendar's time zone.
    pub(crate) fn local_datetime(&self, t: DateTime<Utc>) -> chrono::NaiveDateTime {
        zone::local_datetime(self.engine.tz(), t)
    }

    /// The instant of a local wall-clock time, with "compatible"
    /// disambiguation (a time in a gap moves forward by the gap, an
    /// ambiguous time takes the earlier instant).
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let gap = "2026-03-29T03:30:00".parse().unwrap(); // clocks jump 03:00 -> 04:00
    /// assert_eq!(cal.local_to_instant(gap).unwrap().to_rfc3339(), "2026-03-29T01:30:00+00:00");
    /// ```
    pub fn local_to_instant(&self, local: chrono::NaiveDateTime) -> Result<DateTime<Utc>> {
        let secs = local.and_utc().timestamp();
        let t = engine::local_to_instant(self.engine.tz(), secs).ok_or_else(|| {
            Error::out_of_range(format!("local time {local} cannot be mapped to an instant"))
        })?;
        instant(t)
    }

    /// A monotone index of working time: the working seconds from the
    /// calendar's origin (a few days before its first supported instant) up
    /// to `t`. `elapsed(a, b) == work_index(b) - work_index(a)`; the SLA
    /// clocks use it to count and invert working time in one step each.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let a = "2026-03-27T15:00:00Z".parse().unwrap();
    /// let b = "2026-03-30T07:00:00Z".parse().unwrap();
    /// assert_eq!(cal.work_index(b).unwrap() - cal.work_index(a).unwrap(), 7200);
    /// ```
    pub fn work_index(&self, t: DateTime<Utc>) -> Result<i64> {
        self.work_index_secs(ts(t))
    }

    /// The earliest supported instant whose [`work_index`](Calendar::work_index)
    /// is at least `index`: `add(t, d) == at_work_index(work_index(t) + d)` for
    /// `d > 0`. An index at or below that of the first supported instant
    /// gives that instant; one reached only after the range is an error.
    ///
    /// # Example
    /// ```
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// let t = "2026-03-27T15:00:00Z".parse().unwrap(); // Friday 17:00 Kyiv
    /// let i = cal.work_index(t).unwrap();
    /// // one working hour later closes Friday at 18:00, not Monday 09:00
    /// assert_eq!(cal.at_work_index(i + 3600).unwrap().to_rfc3339(), "2026-03-27T16:00:00+00:00");
    /// ```
    pub fn at_work_index(&self, index: i64) -> Result<DateTime<Utc>> {
        instant(self.at_work_index_secs(index)?)
    }

    /// [`work_index`](Calendar::work_index) on Unix seconds.
    pub(crate) fn work_index_secs(&self, t: i64) -> Result<i64> {
        self.engine.work_index(t)
    }

    /// [`work_index_secs`](Calendar::work_index_secs) starting from the piece
    /// `hint` of the compiled calendar (updated): cheaper for nearby instants.
    pub(crate) fn work_index_near(&self, t: i64, hint: &std::cell::Cell<usize>) -> Result<i64> {
        self.engine.work_index_near(t, hint)
    }

    /// [`at_work_index_secs`](Calendar::at_work_index_secs) starting from
    /// the piece `hint` (updated).
    pub(crate) fn at_work_index_near(
        &self,
        index: i64,
        hint: &std::cell::Cell<usize>,
    ) -> Result<i64> {
        self.engine.at_work_index_near(index, hint)
    }

    /// [`at_work_index`](Calendar::at_work_index) on Unix seconds.
    pub(crate) fn at_work_index_secs(&self, index: i64) -> Result<i64> {
        self.engine.at_work_index(index)
    }

    /// Is `date` a day on which at least one shift starts?
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use reglament::Calendar;
    /// let cal = Calendar::default_kyiv();
    /// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2026, 3, 27).unwrap()));
    /// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2026, 3, 28).unwrap()));
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let mut ivals = Vec::new();
        day_intervals(self.engine.tz(), &*self.rules, date, &mut ivals);
        !ivals.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// The hinted lookups give the plain ones' answers whatever the hint.
    #[test]
    fn hinted_lookups_agree_with_the_binary_search() {
        let cal = Calendar::default_kyiv();
        let (hint, inverse) = (Cell::new(0usize), Cell::new(0usize));
        let mut t: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // mostly small steps, sometimes a jump of months, sometimes back
            let step = match i % 50 {
                0 => (x % (200 * 86_400)) as i64,
                1 => -((x % (90 * 86_400)) as i64),
                _ => (x % 30_000) as i64,
            };
            t = (t + step).clamp(1_000_000_000, 4_000_000_000);
            let f = cal.work_index_secs(t).unwrap();
            assert_eq!(cal.work_index_near(t, &hint).unwrap(), f, "t = {t}");
            if i % 7 == 0 {
                hint.set((x % 5_000) as usize); // a wrong or out-of-range hint
            }
            let v = f + (x % 100_000) as i64;
            let u = cal.at_work_index_secs(v).unwrap();
            assert_eq!(cal.at_work_index_near(v, &inverse).unwrap(), u, "v = {v}");
            if i % 11 == 0 {
                inverse.set((x % 5_000) as usize);
            }
        }
    }
}
