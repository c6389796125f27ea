//! Ukrainian public holidays by rule, 1991–2100.
//!
//! The regulation makes public holidays non-working (clauses 3.3–3.5.1) and
//! its home is Ukraine, so the crate carries Ukraine's calendar: the holidays
//! of art. 73 of the Labour Code with the history of that list, Orthodox
//! Easter and Trinity by the Julian computus, the weekend carry-over of
//! art. 67 part 3 for the periods the law had it, and every working-day
//! transfer the Cabinet of Ministers decreed. Years outside
//! [`FIRST_YEAR`]`..=`[`LAST_YEAR`] are an error, never a guess.
//!
//! # Martial law
//!
//! Since 24.03.2022 (Law 2136-IX, art. 6 part 6) art. 73 and art. 67
//! parts 3–5 do not apply while martial law lasts: the holidays are still
//! named by the law, but they are not days off, nothing is carried over and
//! nothing is transferred. Days before that date follow the peace-time rules
//! even though martial law was declared on 24.02.2022: the suspension is the
//! law's, not the decree's. Two presets read this differently:
//!
//! * [`HolidayPreset::Ua`] (the default, the contract's reading: "holidays
//!   are non-working"): while the suspension lasts every named holiday is a
//!   day off on its own date, with no carry-over and no transfers; outside it
//!   the statutory days off.
//! * [`HolidayPreset::UaStatutory`]: exactly the law's days off, so none while
//!   the suspension lasts.
//!
//! The end of martial law is an input ([`year`]'s `martial_law_end`), since
//! the crate never reads the clock and nobody knows the date yet.
//!
//! The data, one row per fact, is in the private `ua` module; every rule with
//! its legal source is in `docs/holidays.md`.
//!
//! # Example
//! ```
//! use chrono::NaiveDate;
//! use reglament::holidays::{self, HolidayPreset};
//! let y = holidays::year(HolidayPreset::Ua, 2026, None).unwrap();
//! let independence = NaiveDate::from_ymd_opt(2026, 8, 24).unwrap();
//! let day = y.days_off.iter().find(|d| d.date == independence).unwrap();
//! assert_eq!(day.name.en, "Independence Day");
//! ```

mod ua;

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::error::{Error, Result};

/// The first year the embedded calendar knows (Ukraine's own holiday list).
pub const FIRST_YEAR: i32 = 1991;

/// The last year the embedded calendar knows.
pub const LAST_YEAR: i32 = 2100;

/// The day martial law began (24.02.2022, Presidential Decree 64/2022).
pub const MARTIAL_LAW_START: NaiveDate = ua::MARTIAL_LAW_START;

/// The first day on which Law 2136-IX suspended holidays as days off, carry-over
/// and Cabinet transfers (24.03.2022, the day after its publication).
pub const MARTIAL_LAW_SUSPENSION_START: NaiveDate = ua::SUSPENSION_START;

/// How named holidays become days off. Serde names `"UA"` and `"UA-statutory"`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum HolidayPreset {
    /// The default, the contract's reading: under martial law every named
    /// holiday is non-working on its own date (no carry-over, no transfers);
    /// otherwise the statutory days off.
    #[default]
    #[serde(rename = "UA")]
    Ua,
    /// Exactly the law's days off: none while martial law suspends them.
    #[serde(rename = "UA-statutory")]
    UaStatutory,
}

impl HolidayPreset {
    /// The preset's name in calendar files and on the command line.
    ///
    /// # Example
    /// ```
    /// use reglament::holidays::HolidayPreset;
    /// assert_eq!(HolidayPreset::Ua.name(), "UA");
    /// assert_eq!(HolidayPreset::UaStatutory.name(), "UA-statutory");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            HolidayPreset::Ua => "UA",
            HolidayPreset::UaStatutory => "UA-statutory",
        }
    }

    /// The preset with this exact name (`"UA"` or `"UA-statutory"`), if any.
    ///
    /// # Example
    /// ```
    /// use reglament::holidays::HolidayPreset;
    /// assert_eq!(HolidayPreset::from_name("UA-statutory"), Some(HolidayPreset::UaStatutory));
    /// assert_eq!(HolidayPreset::from_name("ua"), None);
    /// ```
    pub fn from_name(s: &str) -> Option<Self> {
        match s {
            "UA" => Some(HolidayPreset::Ua),
            "UA-statutory" => Some(HolidayPreset::UaStatutory),
            _ => None,
        }
    }
}

impl fmt::Display for HolidayPreset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A holiday's name in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HolidayName {
    /// The Ukrainian name, as the law words it.
    pub uk: &'static str,
    /// The English name.
    pub en: &'static str,
}

/// Why a date is a day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayOffReason {
    /// The named holiday itself.
    Holiday,
    /// A working day off because the holiday on `holiday` fell on a weekend
    /// (carry-over, Labour Code art. 67 part 3).
    CarriedOver {
        /// The weekend date of the holiday that was carried over.
        holiday: NaiveDate,
    },
    /// A bridge day off, worked instead on `worked_on` (Cabinet transfer).
    Transferred {
        /// The weekend day that was worked instead.
        worked_on: NaiveDate,
    },
}

/// One non-working date.
///
/// For a carry-over `name` is the holiday carried over; for a Cabinet
/// transfer it is the holiday the bridge day joins to the weekend (the named
/// holiday nearest in date, the later one on a tie).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayOff {
    /// The date off.
    pub date: NaiveDate,
    /// The holiday it is for.
    pub name: HolidayName,
    /// Why it is off.
    pub reason: DayOffReason,
}

/// A weekend day made a working day by a Cabinet transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransferredWorkday {
    /// The weekend day that is worked.
    pub date: NaiveDate,
    /// The weekday that is off instead.
    pub instead_of: NaiveDate,
}

/// Why a working day is one hour shorter (Labour Code art. 53 part 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShortenedReason {
    /// The calendar day before the holiday (its eve), itself not a day off.
    Eve,
    /// A weekend day worked, by a Cabinet transfer, instead of `instead_of`,
    /// an eve made a day off: the shortened hour moves with the working day.
    TransferredEve {
        /// The eve that became a day off.
        instead_of: NaiveDate,
    },
}

/// A day whose work is one hour shorter because a holiday follows (Labour
/// Code art. 53 part 1: «напередодні святкових і неробочих днів (стаття 73)
/// тривалість роботи ... скорочується на одну годину»). Listed whatever its
/// weekday: a Saturday eve shortens only a calendar that works Saturdays.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use reglament::holidays::{self, HolidayPreset, ShortenedReason};
/// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let y = holidays::year(HolidayPreset::UaStatutory, 2019, None).unwrap();
/// // Friday 23 August, before Independence Day on Saturday the 24th
/// assert!(y.shortened.iter().any(|s| s.date == date(2019, 8, 23) && s.reason == ShortenedReason::Eve));
/// // Saturday 28 December, worked instead of 31 December (eve of New Year)
/// let dec28 = y.shortened.iter().find(|s| s.date == date(2019, 12, 28)).unwrap();
/// assert_eq!(dec28.reason, ShortenedReason::TransferredEve { instead_of: date(2019, 12, 31) });
/// // none while martial law suspends art. 73, under either preset
/// assert!(holidays::year(HolidayPreset::Ua, 2026, None).unwrap().shortened.is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ShortenedDay {
    /// The shortened date.
    pub date: NaiveDate,
    /// The holiday that follows the eve.
    pub holiday: NaiveDate,
    /// That holiday's name.
    pub name: HolidayName,
    /// Why the date is shortened.
    pub reason: ShortenedReason,
}

/// Everything about one year under one preset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    /// The year.
    pub year: i32,
    /// Every holiday art. 73 named on a date of this year, sorted by date
    /// (two names may share a date); the same list under both presets.
    pub named: Vec<(NaiveDate, HolidayName)>,
    /// The non-working dates of this year under the preset, sorted, one entry
    /// per date. When two reasons hit one date the holiday itself wins over a
    /// carry-over, and a carry-over over a transfer.
    pub days_off: Vec<DayOff>,
    /// Weekend days of this year made working days by Cabinet transfers, sorted.
    pub working_days: Vec<TransferredWorkday>,
    /// The dates of this year shortened by one hour (art. 53), sorted, one
    /// entry per date: the eve of every holiday that is a day off by law,
    /// when the eve is not a day off itself, and the weekend day worked
    /// instead of such an eve. None while martial law suspends art. 73 (on
    /// the eve or on the holiday), under both presets alike.
    pub shortened: Vec<ShortenedDay>,
}

/// A day off as JSON, the one shape every face writes: `{date, name: {uk,
/// en} | null, reason: "holiday" | "carried_over" | "transferred" |
/// "listed", holiday?, worked_on?}`; `reason` `None` is a date the calendar
/// file lists (or gives no shift).
///
/// # Example
/// ```
/// use reglament::holidays::{day_off_value, DayOffReason};
/// let d = "2026-06-01".parse().unwrap();
/// let v = day_off_value(d, None, Some(DayOffReason::CarriedOver { holiday: "2026-05-31".parse().unwrap() }));
/// assert_eq!((v["reason"].as_str(), v["holiday"].as_str()), (Some("carried_over"), Some("2026-05-31")));
/// assert_eq!(day_off_value(d, None, None)["reason"], "listed");
/// ```
pub fn day_off_value(
    date: NaiveDate,
    name: Option<HolidayName>,
    reason: Option<DayOffReason>,
) -> serde_json::Value {
    let mut v = serde_json::json!({
        "date": date.to_string(),
        "name": name.map(|n| serde_json::json!({"uk": n.uk, "en": n.en})),
    });
    let (code, extra) = match reason {
        None => ("listed", None),
        Some(DayOffReason::Holiday) => ("holiday", None),
        Some(DayOffReason::CarriedOver { holiday }) => ("carried_over", Some(("holiday", holiday))),
        Some(DayOffReason::Transferred { worked_on }) => {
            ("transferred", Some(("worked_on", worked_on)))
        }
    };
    if let serde_json::Value::Object(m) = &mut v {
        m.insert("reason".into(), code.into());
        if let Some((k, d)) = extra {
            m.insert(k.into(), d.to_string().into());
        }
    }
    v
}

impl Year {
    /// The year as JSON, the one shape every face writes: `{year, mode,
    /// named: [{date, uk, en}], days_off: [{date, name: {uk, en}, reason,
    /// holiday?, worked_on?}], working_days: [{date, instead_of}],
    /// shortened: [{date, holiday, name: {uk, en}, reason: "eve" |
    /// "transferred_eve", instead_of?}]}`.
    ///
    /// # Example
    /// ```
    /// use reglament::holidays::{year, HolidayPreset};
    /// let y = year(HolidayPreset::UaStatutory, 2019, None).unwrap();
    /// let v = y.to_value(HolidayPreset::UaStatutory);
    /// assert_eq!(v["mode"], "UA-statutory");
    /// assert_eq!(v["days_off"][0]["reason"], "holiday");
    /// assert!(v["shortened"].as_array().unwrap().iter().any(|s| s["date"] == "2019-08-23"));
    /// ```
    pub fn to_value(&self, preset: HolidayPreset) -> serde_json::Value {
        use serde_json::json;
        let named: Vec<_> = self
            .named
            .iter()
            .map(|(d, n)| json!({"date": d.to_string(), "uk": n.uk, "en": n.en}))
            .collect();
        let days_off: Vec<_> = self
            .days_off
            .iter()
            .map(|d| day_off_value(d.date, Some(d.name), Some(d.reason)))
            .collect();
        let working_days: Vec<_> = self
            .working_days
            .iter()
            .map(|w| json!({"date": w.date.to_string(), "instead_of": w.instead_of.to_string()}))
            .collect();
        let shortened: Vec<_> = self
            .shortened
            .iter()
            .map(|s| {
                let mut v = json!({
                    "date": s.date.to_string(),
                    "holiday": s.holiday.to_string(),
                    "name": {"uk": s.name.uk, "en": s.name.en},
                    "reason": match s.reason {
                        ShortenedReason::Eve => "eve",
                        ShortenedReason::TransferredEve { .. } => "transferred_eve",
                    },
                });
                if let (ShortenedReason::TransferredEve { instead_of }, Some(m)) =
                    (s.reason, v.as_object_mut())
                {
                    m.insert("instead_of".into(), instead_of.to_string().into());
                }
                v
            })
            .collect();
        json!({
            "year": self.year,
            "mode": preset.name(),
            "named": named,
            "days_off": days_off,
            "working_days": working_days,
            "shortened": shortened,
        })
    }
}

/// The holidays, days off and transferred working days of `year`.
///
/// `martial_law_end` is the last day martial law was in force, or `None`
/// while it still is. It must not be before [`MARTIAL_LAW_START`].
///
/// # Errors
/// [`OutOfRange`](crate::ErrorKind::OutOfRange) outside
/// [`FIRST_YEAR`]`..=`[`LAST_YEAR`];
/// [`InvalidValue`](crate::ErrorKind::InvalidValue) for a `martial_law_end`
/// before martial law began.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use reglament::holidays::{self, DayOffReason, HolidayPreset};
/// let date = |m, d| NaiveDate::from_ymd_opt(2021, m, d).unwrap();
/// let y = holidays::year(HolidayPreset::UaStatutory, 2021, None).unwrap();
/// // Labour Day on Saturday 1 May is carried over to Monday 3 May ...
/// let may3 = y.days_off.iter().find(|d| d.date == date(5, 3)).unwrap();
/// assert_eq!(may3.reason, DayOffReason::CarriedOver { holiday: date(5, 1) });
/// // ... and Monday 23 August was off, worked on Saturday 28 August.
/// assert!(y.working_days.iter().any(|w| w.date == date(8, 28) && w.instead_of == date(8, 23)));
/// assert!(holidays::year(HolidayPreset::Ua, 1990, None).is_err());
/// ```
pub fn year(preset: HolidayPreset, year: i32, martial_law_end: Option<NaiveDate>) -> Result<Year> {
    check_year(year)?;
    if let Some(end) = martial_law_end {
        if end < MARTIAL_LAW_START {
            return Err(Error::invalid(
                "martial_law_end",
                format!("martial law cannot have ended on {end}: it began on {MARTIAL_LAW_START}"),
            ));
        }
    }
    let suspension = Suspension {
        end: martial_law_end,
    };

    let named = named_in(year);

    // Carry-overs and bridges can cross a year boundary (31 December off for
    // New Year, a Saturday in December worked for 2 January), so the
    // machinery looks at the neighbouring years too.
    let mut around = named_in(year - 1);
    around.extend(named.iter().copied());
    around.extend(named_in(year + 1));
    // One name per date: the first in the law's order.
    let mut first_name: BTreeMap<NaiveDate, HolidayName> = BTreeMap::new();
    for &(date, name) in &around {
        first_name.entry(date).or_insert(name);
    }

    let mut by_date: BTreeMap<NaiveDate, DayOff> = BTreeMap::new();
    let mut add = |off: DayOff| {
        let rank = |r: &DayOffReason| match r {
            DayOffReason::Holiday => 0,
            DayOffReason::CarriedOver { .. } => 1,
            DayOffReason::Transferred { .. } => 2,
        };
        by_date
            .entry(off.date)
            .and_modify(|kept| {
                if rank(&off.reason) < rank(&kept.reason) {
                    *kept = off;
                }
            })
            .or_insert(off);
    };

    for (&date, &name) in first_name.range(year_start(year)..=year_end(year)) {
        if preset == HolidayPreset::Ua || !suspension.covers(date) {
            add(DayOff {
                date,
                name,
                reason: DayOffReason::Holiday,
            });
        }
    }

    for (date, holiday) in carry_overs(&first_name, suspension) {
        // carry_overs only names holidays of `first_name`
        if let (true, Some(&name)) = (date.year() == year, first_name.get(&holiday)) {
            add(DayOff {
                date,
                name,
                reason: DayOffReason::CarriedOver { holiday },
            });
        }
    }

    let mut working_days = Vec::new();
    for transfer in ua::TRANSFERS {
        if suspension.covers(transfer.day_off) || suspension.covers(transfer.worked_on) {
            continue;
        }
        if transfer.day_off.year() == year {
            if let Some(name) = nearest_holiday(&first_name, transfer.day_off) {
                add(DayOff {
                    date: transfer.day_off,
                    name,
                    reason: DayOffReason::Transferred {
                        worked_on: transfer.worked_on,
                    },
                });
            }
        }
        if transfer.worked_on.year() == year {
            working_days.push(TransferredWorkday {
                date: transfer.worked_on,
                instead_of: transfer.day_off,
            });
        }
    }
    crate::sort::sort_by_key(&mut working_days, |w| w.date);

    let shortened = shortened_days(year, &first_name, &by_date, suspension);
    Ok(Year {
        year,
        named,
        days_off: by_date.into_values().collect(),
        working_days,
        shortened,
    })
}

/// The days of `year` shortened by art. 53 (see [`Year::shortened`]).
///
/// The eve is the calendar day before the holiday (Мінсоцполітики's norm
/// tables: Monday 7 January 2019 shortened no Friday, Saturday 24 August
/// 2019 shortened Friday 23 August); two holidays in a row shorten only the
/// day before the first (the second's eve is a holiday); a carried-over or
/// transferred day off is a weekend day of art. 67, not a holiday of
/// art. 73, and has no eve. `days_off` are this year's statutory days off
/// (outside the suspension the presets agree).
fn shortened_days(
    year: i32,
    holidays: &BTreeMap<NaiveDate, HolidayName>,
    days_off: &BTreeMap<NaiveDate, DayOff>,
    suspension: Suspension,
) -> Vec<ShortenedDay> {
    // The statutory holiday the next day, when `eve` is its eve in force.
    let holiday_after = |eve: NaiveDate| -> Option<(NaiveDate, HolidayName)> {
        let holiday = after(eve, 1);
        let name = *holidays.get(&holiday)?;
        (!suspension.covers(eve) && !suspension.covers(holiday)).then_some((holiday, name))
    };
    let mut by_date: BTreeMap<NaiveDate, ShortenedDay> = BTreeMap::new();
    for (holiday, &name) in holidays.range(year_start(year)..=after(year_end(year), 1)) {
        let Some(eve) = holiday.pred_opt() else {
            continue;
        };
        if eve.year() != year || days_off.contains_key(&eve) {
            continue;
        }
        if holiday_after(eve).is_some() {
            by_date.entry(eve).or_insert(ShortenedDay {
                date: eve,
                holiday: *holiday,
                name,
                reason: ShortenedReason::Eve,
            });
        }
    }
    for transfer in ua::TRANSFERS {
        let worked = transfer.worked_on;
        if worked.year() != year || suspension.covers(worked) || suspension.covers(transfer.day_off)
        {
            continue;
        }
        if let Some((holiday, name)) = holiday_after(transfer.day_off) {
            by_date.entry(worked).or_insert(ShortenedDay {
                date: worked,
                holiday,
                name,
                reason: ShortenedReason::TransferredEve {
                    instead_of: transfer.day_off,
                },
            });
        }
    }
    by_date.into_values().collect()
}

/// The Gregorian date of Orthodox Easter in `year`: the Julian computus,
/// converted from the Julian to the Gregorian calendar by day number (so the
/// 13-day difference becomes 14 days in 2100, as it should).
///
/// # Errors
/// [`OutOfRange`](crate::ErrorKind::OutOfRange) outside
/// [`FIRST_YEAR`]`..=`[`LAST_YEAR`].
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use reglament::holidays::orthodox_easter;
/// assert_eq!(orthodox_easter(2021).unwrap(), NaiveDate::from_ymd_opt(2021, 5, 2).unwrap());
/// assert_eq!(orthodox_easter(2100).unwrap(), NaiveDate::from_ymd_opt(2100, 5, 2).unwrap());
/// assert!(orthodox_easter(2101).is_err());
/// ```
pub fn orthodox_easter(year: i32) -> Result<NaiveDate> {
    check_year(year)?;
    Ok(easter(year))
}

/// The Gregorian date of Orthodox Trinity Sunday (Pentecost) in `year`:
/// Easter + 49 days.
///
/// # Errors
/// [`OutOfRange`](crate::ErrorKind::OutOfRange) outside
/// [`FIRST_YEAR`]`..=`[`LAST_YEAR`].
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use reglament::holidays::orthodox_trinity;
/// assert_eq!(orthodox_trinity(2021).unwrap(), NaiveDate::from_ymd_opt(2021, 6, 20).unwrap());
/// assert!(orthodox_trinity(1990).is_err());
/// ```
pub fn orthodox_trinity(year: i32) -> Result<NaiveDate> {
    check_year(year)?;
    Ok(after(easter(year), 49))
}

fn check_year(year: i32) -> Result<()> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(Error::out_of_range(format!(
            "year {year} is outside the Ukrainian holiday calendar, which covers \
             {FIRST_YEAR}..={LAST_YEAR}"
        )))
    }
}

/// The martial-law suspension of days off: from [`MARTIAL_LAW_SUSPENSION_START`]
/// to `end` (inclusive), or open-ended while martial law lasts.
#[derive(Debug, Clone, Copy)]
struct Suspension {
    end: Option<NaiveDate>,
}

impl Suspension {
    fn covers(self, date: NaiveDate) -> bool {
        date >= ua::SUSPENSION_START && !matches!(self.end, Some(end) if date > end)
    }
}

fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// `date` + `days`, saturating at the end of chrono's range (never reached
/// for the years this module handles).
fn after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Orthodox Easter (Gregorian date) for any year chrono can represent.
fn easter(year: i32) -> NaiveDate {
    // Meeus' Julian algorithm: the date of Easter in the Julian calendar.
    let a = year.rem_euclid(4);
    let b = year.rem_euclid(7);
    let c = year.rem_euclid(19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    julian_to_gregorian(year, month, day)
}

/// Converts a Julian-calendar date to the Gregorian calendar through the
/// Julian Day Number, so the difference between the calendars is whatever it
/// is on that day (13 days in 1900–2099, 14 from 1 March 2100 Gregorian).
fn julian_to_gregorian(year: i32, month: i32, day: i32) -> NaiveDate {
    let a = (14 - month) / 12;
    let y = i64::from(year) + 4800 - i64::from(a);
    let m = i64::from(month + 12 * a - 3);
    let jdn = i64::from(day) + (153 * m + 2) / 5 + 365 * y + y.div_euclid(4) - 32083;
    // JDN 1721426 is 0001-01-01 (Gregorian), day 1 counted from the common era.
    i32::try_from(jdn - 1_721_425)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(NaiveDate::MAX)
}

/// Every holiday named on a date of `year`, sorted by date then by the law's
/// order. No range check: years outside the data simply have fewer rows.
fn named_in(year: i32) -> Vec<(NaiveDate, HolidayName)> {
    let easter_day = easter(year);
    let mut named: Vec<(NaiveDate, usize, HolidayName)> = ua::HOLIDAYS
        .iter()
        .enumerate()
        .filter_map(|(index, rule)| {
            let date = match rule.when {
                ua::When::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day)?,
                ua::When::Easter(offset) => after(easter_day, offset),
            };
            (rule.from <= date && date <= rule.until).then_some((date, index, rule.name))
        })
        .collect();
    crate::sort::sort_by_key(&mut named, |&(date, index, _)| (date, index));
    named
        .into_iter()
        .map(|(date, _, name)| (date, name))
        .collect()
}

/// Whether art. 67 part 3 carried over a holiday on `date` (before martial law).
fn carry_over_in_force(date: NaiveDate) -> bool {
    ua::CARRY_OVER
        .iter()
        .any(|&(from, until)| from <= date && date <= until)
}

/// `(day off, weekend holiday)` for every carry-over caused by the holidays
/// in `holidays`, outside the martial-law suspension.
///
/// The weekend day of each weekend holiday date moves to the first day after
/// it that is Monday–Friday, not itself a holiday and not already taken by an
/// earlier carry-over: Saturday 1 + Sunday 2 May 2010 give Monday 3 and
/// Tuesday 4 May; Sunday 7 November 1999 gives Tuesday 9 (Monday 8 was a
/// holiday). Two holidays on one weekend date (Easter on 1 May 2005) are one
/// weekend day and give one day off.
fn carry_overs(
    holidays: &BTreeMap<NaiveDate, HolidayName>,
    suspension: Suspension,
) -> Vec<(NaiveDate, NaiveDate)> {
    let is_day_off = |date: NaiveDate| holidays.contains_key(&date) && !suspension.covers(date);
    let mut taken: Vec<NaiveDate> = Vec::new();
    let mut result = Vec::new();
    for &holiday in holidays.keys() {
        if !is_weekend(holiday) || suspension.covers(holiday) || !carry_over_in_force(holiday) {
            continue;
        }
        let mut date = after(holiday, 1);
        while is_weekend(date) || is_day_off(date) || taken.contains(&date) {
            date = after(date, 1);
        }
        taken.push(date);
        if !suspension.covers(date) {
            result.push((date, holiday));
        }
    }
    for &(date, holiday) in ua::DECREED_CARRY_OVER {
        if holidays.contains_key(&holiday) && !suspension.covers(date) {
            result.push((date, holiday));
        }
    }
    result
}

/// The holiday nearest in date to a bridge day (the later one on a tie).
fn nearest_holiday(
    holidays: &BTreeMap<NaiveDate, HolidayName>,
    bridge: NaiveDate,
) -> Option<HolidayName> {
    holidays
        .iter()
        .min_by_key(|(&date, _)| ((date - bridge).num_days().abs(), date < bridge))
        .map(|(_, &name)| name)
}

#[cfg(test)]
mod tests;
