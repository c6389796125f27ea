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
            .map(|d| {
                crate::calendar::DayOff {
                    date: d.date,
                    name: Some(d.name),
                    kind: crate::calendar::DayOffKind::Preset(d.reason),
                }
                .to_value()
            })
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
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn statutory(y: i32) -> Year {
        year(HolidayPreset::UaStatutory, y, None).unwrap()
    }

    fn default_preset(y: i32) -> Year {
        year(HolidayPreset::Ua, y, None).unwrap()
    }

    fn named_on(y: &Year, d: NaiveDate) -> Vec<&'static str> {
        y.named
            .iter()
            .filter(|(n, _)| *n == d)
            .map(|(_, name)| name.en)
            .collect()
    }

    fn off(y: &Year, d: NaiveDate) -> Option<DayOffReason> {
        y.days_off.iter().find(|o| o.date == d).map(|o| o.reason)
    }

    /// Published Gregorian dates of Orthodox Easter, 2000–2035 (the tables of
    /// the Orthodox Church calendars; the same dates as every Paschalion).
    const PUBLISHED_EASTER: [(i32, u32, u32); 36] = [
        (2000, 4, 30),
        (2001, 4, 15),
        (2002, 5, 5),
        (2003, 4, 27),
        (2004, 4, 11),
        (2005, 5, 1),
        (2006, 4, 23),
        (2007, 4, 8),
        (2008, 4, 27),
        (2009, 4, 19),
        (2010, 4, 4),
        (2011, 4, 24),
        (2012, 4, 15),
        (2013, 5, 5),
        (2014, 4, 20),
        (2015, 4, 12),
        (2016, 5, 1),
        (2017, 4, 16),
        (2018, 4, 8),
        (2019, 4, 28),
        (2020, 4, 19),
        (2021, 5, 2),
        (2022, 4, 24),
        (2023, 4, 16),
        (2024, 5, 5),
        (2025, 4, 20),
        (2026, 4, 12),
        (2027, 5, 2),
        (2028, 4, 16),
        (2029, 4, 8),
        (2030, 4, 28),
        (2031, 4, 13),
        (2032, 5, 2),
        (2033, 4, 24),
        (2034, 4, 9),
        (2035, 4, 29),
    ];

    #[test]
    fn easter_matches_published_dates_2000_2035() {
        for (y, m, d) in PUBLISHED_EASTER {
            assert_eq!(orthodox_easter(y).unwrap(), date(y, m, d), "Easter {y}");
            assert_eq!(
                orthodox_trinity(y).unwrap(),
                date(y, m, d) + Days::new(49),
                "Trinity {y}"
            );
        }
        // 1991: Easter 7 April, Trinity 26 May.
        assert_eq!(orthodox_easter(1991).unwrap(), date(1991, 4, 7));
        assert_eq!(orthodox_trinity(1991).unwrap(), date(1991, 5, 26));
    }

    #[test]
    fn easter_uses_the_right_calendar_difference_in_2100() {
        // Julian 18 April 2100 is Gregorian 2 May (14 days): 2100 is not a
        // Gregorian leap year but is a Julian one. A constant +13 gives 1 May.
        assert_eq!(orthodox_easter(2099).unwrap(), date(2099, 4, 12));
        assert_eq!(orthodox_easter(2100).unwrap(), date(2100, 5, 2));
        assert_eq!(orthodox_trinity(2100).unwrap(), date(2100, 6, 20));
        assert_eq!(julian_to_gregorian(1900, 2, 29), date(1900, 3, 13));
        assert_eq!(julian_to_gregorian(2100, 2, 28), date(2100, 3, 13));
        assert_eq!(julian_to_gregorian(2100, 2, 29), date(2100, 3, 14));
        for y in FIRST_YEAR..=LAST_YEAR {
            let e = orthodox_easter(y).unwrap();
            assert_eq!(e.weekday(), Weekday::Sun, "{y}");
            assert!(e >= date(y, 4, 4) && e <= date(y, 5, 9), "{y}: {e}");
        }
    }

    #[test]
    fn years_outside_the_range_are_out_of_range_errors() {
        for y in [FIRST_YEAR - 1, LAST_YEAR + 1, i32::MIN, i32::MAX] {
            for preset in [HolidayPreset::Ua, HolidayPreset::UaStatutory] {
                let err = year(preset, y, None).unwrap_err();
                assert_eq!(err.kind(), ErrorKind::OutOfRange);
                assert!(err.message().contains("1991..=2100"), "{}", err.message());
            }
            assert_eq!(
                orthodox_easter(y).unwrap_err().kind(),
                ErrorKind::OutOfRange
            );
            assert_eq!(
                orthodox_trinity(y).unwrap_err().kind(),
                ErrorKind::OutOfRange
            );
        }
        assert!(year(HolidayPreset::Ua, FIRST_YEAR, None).is_ok());
        assert!(year(HolidayPreset::Ua, LAST_YEAR, None).is_ok());
    }

    #[test]
    fn a_martial_law_end_before_its_start_is_invalid() {
        let err = year(HolidayPreset::Ua, 2022, Some(date(2022, 2, 23))).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidValue);
        assert_eq!(err.field(), Some("martial_law_end"));
        assert!(year(HolidayPreset::Ua, 2022, Some(MARTIAL_LAW_START)).is_ok());
    }

    #[test]
    fn preset_names_and_serde() {
        assert_eq!(HolidayPreset::default(), HolidayPreset::Ua);
        for p in [HolidayPreset::Ua, HolidayPreset::UaStatutory] {
            assert_eq!(HolidayPreset::from_name(p.name()), Some(p));
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.name()));
            assert_eq!(serde_json::from_str::<HolidayPreset>(&json).unwrap(), p);
            assert_eq!(p.to_string(), p.name());
        }
        assert_eq!(HolidayPreset::from_name("UA-Statutory"), None);
    }

    #[test]
    fn new_year_womens_day_easter_trinity_hold_throughout() {
        for y in [FIRST_YEAR, 2022, LAST_YEAR] {
            let yr = statutory(y);
            assert_eq!(named_on(&yr, date(y, 1, 1)), ["New Year's Day"]);
            assert_eq!(named_on(&yr, date(y, 3, 8)), ["International Women's Day"]);
            assert!(named_on(&yr, orthodox_easter(y).unwrap()).contains(&"Easter Sunday"));
            assert_eq!(
                named_on(&yr, orthodox_trinity(y).unwrap()),
                ["Trinity Sunday"]
            );
        }
    }

    #[test]
    fn christmas_on_7_january_from_1991_to_2023() {
        assert_eq!(
            named_on(&statutory(1991), date(1991, 1, 7)),
            ["Christmas (Julian calendar)"]
        );
        assert_eq!(
            named_on(&statutory(2023), date(2023, 1, 7)),
            ["Christmas (Julian calendar)"]
        );
        assert!(named_on(&statutory(2024), date(2024, 1, 7)).is_empty());
    }

    #[test]
    fn christmas_on_25_december_since_2017() {
        assert!(named_on(&statutory(2016), date(2016, 12, 25)).is_empty());
        assert_eq!(
            named_on(&statutory(2017), date(2017, 12, 25)),
            ["Christmas (Gregorian calendar)"]
        );
        assert_eq!(
            named_on(&statutory(2023), date(2023, 12, 25)),
            ["Christmas Day"]
        );
        assert_eq!(
            named_on(&statutory(LAST_YEAR), date(LAST_YEAR, 12, 25)),
            ["Christmas Day"]
        );
    }

    #[test]
    fn two_days_in_may_until_2017_then_labour_day() {
        let y1991 = statutory(1991);
        assert_eq!(
            named_on(&y1991, date(1991, 5, 2)),
            ["International Workers' Solidarity Day"]
        );
        let y2017 = statutory(2017);
        assert_eq!(
            named_on(&y2017, date(2017, 5, 1)),
            ["International Workers' Solidarity Day"]
        );
        assert_eq!(
            named_on(&y2017, date(2017, 5, 2)),
            ["International Workers' Solidarity Day"]
        );
        let y2018 = statutory(2018);
        assert_eq!(named_on(&y2018, date(2018, 5, 1)), ["Labour Day"]);
        assert!(named_on(&y2018, date(2018, 5, 2)).is_empty());
    }

    #[test]
    fn victory_day_on_9_may_until_2023_then_8_may() {
        assert_eq!(
            named_on(&statutory(1991), date(1991, 5, 9)),
            ["Victory Day"]
        );
        assert_eq!(
            named_on(&statutory(2015), date(2015, 5, 9)),
            ["Victory Day"]
        );
        assert_eq!(
            named_on(&statutory(2016), date(2016, 5, 9)),
            ["Day of Victory over Nazism in World War II (Victory Day)"]
        );
        // Law 3107-IX entered into force on 15.06.2023: 9 May 2023 still held.
        let y2023 = statutory(2023);
        assert_eq!(named_on(&y2023, date(2023, 5, 9)).len(), 1);
        assert!(named_on(&y2023, date(2023, 5, 8)).is_empty());
        let y2024 = statutory(2024);
        assert!(named_on(&y2024, date(2024, 5, 9)).is_empty());
        assert_eq!(
            named_on(&y2024, date(2024, 5, 8)),
            ["Day of Remembrance and Victory over Nazism in World War II 1939–1945"]
        );
    }

    #[test]
    fn constitution_day_since_1997() {
        assert!(named_on(&statutory(1996), date(1996, 6, 28)).is_empty());
        assert_eq!(
            named_on(&statutory(1997), date(1997, 6, 28)),
            ["Constitution Day"]
        );
        assert_eq!(
            named_on(&statutory(LAST_YEAR), date(LAST_YEAR, 6, 28)),
            ["Constitution Day"]
        );
    }

    #[test]
    fn independence_day_16_july_in_1991_then_24_august() {
        let y1991 = statutory(1991);
        assert_eq!(named_on(&y1991, date(1991, 7, 16)), ["Independence Day"]);
        assert!(named_on(&y1991, date(1991, 8, 24)).is_empty());
        let y1992 = statutory(1992);
        assert!(named_on(&y1992, date(1992, 7, 16)).is_empty());
        assert_eq!(named_on(&y1992, date(1992, 8, 24)), ["Independence Day"]);
        assert_eq!(
            named_on(&statutory(LAST_YEAR), date(LAST_YEAR, 8, 24)),
            ["Independence Day"]
        );
    }

    #[test]
    fn statehood_day_28_july_in_2022_2023_then_15_july() {
        assert!(named_on(&statutory(2021), date(2021, 7, 28)).is_empty());
        assert_eq!(
            named_on(&statutory(2022), date(2022, 7, 28)),
            ["Ukrainian Statehood Day"]
        );
        let y2023 = statutory(2023);
        assert_eq!(
            named_on(&y2023, date(2023, 7, 28)),
            ["Ukrainian Statehood Day"]
        );
        assert!(named_on(&y2023, date(2023, 7, 15)).is_empty());
        let y2024 = statutory(2024);
        assert_eq!(
            named_on(&y2024, date(2024, 7, 15)),
            ["Ukrainian Statehood Day"]
        );
        assert!(named_on(&y2024, date(2024, 7, 28)).is_empty());
    }

    #[test]
    fn defenders_day_14_october_from_2015_then_1_october_from_2023() {
        assert!(named_on(&statutory(2014), date(2014, 10, 14)).is_empty());
        assert_eq!(
            named_on(&statutory(2015), date(2015, 10, 14)),
            ["Defender of Ukraine Day"]
        );
        assert_eq!(
            named_on(&statutory(2020), date(2020, 10, 14)),
            ["Defender of Ukraine Day"]
        );
        assert_eq!(
            named_on(&statutory(2021), date(2021, 10, 14)),
            ["Day of Defenders of Ukraine"]
        );
        assert_eq!(
            named_on(&statutory(2022), date(2022, 10, 14)),
            ["Day of Defenders of Ukraine"]
        );
        // Law 3258-IX entered into force on 30.07.2023, before 1 October.
        let y2023 = statutory(2023);
        assert_eq!(
            named_on(&y2023, date(2023, 10, 1)),
            ["Day of Defenders of Ukraine"]
        );
        assert!(named_on(&y2023, date(2023, 10, 14)).is_empty());
    }

    #[test]
    fn october_revolution_until_1999() {
        let y1999 = statutory(1999);
        assert_eq!(named_on(&y1999, date(1999, 11, 7)).len(), 1);
        assert_eq!(named_on(&y1999, date(1999, 11, 8)).len(), 1);
        let y2000 = statutory(2000);
        assert!(named_on(&y2000, date(2000, 11, 7)).is_empty());
        assert!(named_on(&y2000, date(2000, 11, 8)).is_empty());
    }

    #[test]
    fn the_full_list_of_2021() {
        // Statutory days off of 2021: holidays, carry-overs (Sat 1 May → Mon 3,
        // Easter Sun 2 May → Tue 4, Sun 9 May → Mon 10, Trinity 20 June →
        // Mon 21, Sat 25 December → Mon 27) and the transfers of 1191-2020-р.
        let y = statutory(2021);
        let got: Vec<(NaiveDate, DayOffReason)> =
            y.days_off.iter().map(|o| (o.date, o.reason)).collect();
        let h = DayOffReason::Holiday;
        let c = |m, d| DayOffReason::CarriedOver {
            holiday: date(2021, m, d),
        };
        let t = |m, d| DayOffReason::Transferred {
            worked_on: date(2021, m, d),
        };
        let expected = vec![
            (date(2021, 1, 1), h),
            (date(2021, 1, 7), h),
            (date(2021, 1, 8), t(1, 16)),
            (date(2021, 3, 8), h),
            (date(2021, 5, 1), h),
            (date(2021, 5, 2), h),
            (date(2021, 5, 3), c(5, 1)),
            (date(2021, 5, 4), c(5, 2)),
            (date(2021, 5, 9), h),
            (date(2021, 5, 10), c(5, 9)),
            (date(2021, 6, 20), h),
            (date(2021, 6, 21), c(6, 20)),
            (date(2021, 6, 28), h),
            (date(2021, 8, 23), t(8, 28)),
            (date(2021, 8, 24), h),
            (date(2021, 10, 14), h),
            (date(2021, 10, 15), t(10, 23)),
            (date(2021, 12, 25), h),
            (date(2021, 12, 27), c(12, 25)),
        ];
        assert_eq!(got, expected);
        let worked: Vec<NaiveDate> = y.working_days.iter().map(|w| w.date).collect();
        assert_eq!(
            worked,
            [date(2021, 1, 16), date(2021, 8, 28), date(2021, 10, 23)]
        );
        let may4 = y
            .days_off
            .iter()
            .find(|o| o.date == date(2021, 5, 4))
            .unwrap();
        assert_eq!(may4.name.en, "Easter Sunday");
        let aug23 = y
            .days_off
            .iter()
            .find(|o| o.date == date(2021, 8, 23))
            .unwrap();
        assert_eq!(aug23.name.en, "Independence Day");
        // Outside martial law the two presets agree.
        assert_eq!(default_preset(2021), y);
    }

    #[test]
    fn two_holidays_on_one_weekend_date_give_one_day_off() {
        // 1 May 2005 was both Solidarity Day and Easter, on a Sunday; 2 May a
        // holiday; one weekend day, so one carry-over: Tuesday 3 May.
        let y = statutory(2005);
        assert_eq!(
            named_on(&y, date(2005, 5, 1)),
            ["International Workers' Solidarity Day", "Easter Sunday"]
        );
        assert_eq!(
            off(&y, date(2005, 5, 3)),
            Some(DayOffReason::CarriedOver {
                holiday: date(2005, 5, 1)
            })
        );
        assert_eq!(off(&y, date(2005, 5, 4)), None);
        let first_may: Vec<&DayOff> = y
            .days_off
            .iter()
            .filter(|o| o.date == date(2005, 5, 1))
            .collect();
        assert_eq!(first_may.len(), 1);
        assert_eq!(
            first_may[0].name.en,
            "International Workers' Solidarity Day"
        );
    }

    #[test]
    fn carry_over_skips_a_holiday_that_follows() {
        // Sunday 7 November 1999; Monday 8 November a holiday itself.
        let y = statutory(1999);
        assert_eq!(
            off(&y, date(1999, 11, 9)),
            Some(DayOffReason::CarriedOver {
                holiday: date(1999, 11, 7)
            })
        );
        // Saturday 1 and Sunday 2 May 2010 → Monday 3 and Tuesday 4.
        let y = statutory(2010);
        assert_eq!(
            off(&y, date(2010, 5, 3)),
            Some(DayOffReason::CarriedOver {
                holiday: date(2010, 5, 1)
            })
        );
        assert_eq!(
            off(&y, date(2010, 5, 4)),
            Some(DayOffReason::CarriedOver {
                holiday: date(2010, 5, 2)
            })
        );
    }

    #[test]
    fn carry_over_only_in_the_periods_the_law_had_it() {
        // Before Law 35/95-ВР: Sunday 1 January 1995 gave nothing.
        assert_eq!(off(&statutory(1995), date(1995, 1, 2)), None);
        // ... but Presidential Decree 13/95 gave Monday 9 January for Christmas.
        assert_eq!(
            off(&statutory(1995), date(1995, 1, 9)),
            Some(DayOffReason::CarriedOver {
                holiday: date(1995, 1, 7)
            })
        );
        // 1995–1997: Easter Monday 15 April 1996 off.
        assert_eq!(
            off(&statutory(1996), date(1996, 4, 15)),
            Some(DayOffReason::CarriedOver {
                holiday: date(1996, 4, 14)
            })
        );
        // The gap (10.01.1998–22.04.1999): Sunday 8 March 1998, Easter
        // 19 April 1998 and Sunday 28 June 1998 gave nothing.
        let y1998 = statutory(1998);
        for d in [date(1998, 3, 9), date(1998, 4, 20), date(1998, 6, 29)] {
            assert_eq!(off(&y1998, d), None, "{d}");
        }
        // Law 576-XIV from 23.04.1999: Saturday 1 and Sunday 2 May 1999.
        let y1999 = statutory(1999);
        assert_eq!(
            off(&y1999, date(1999, 5, 3)),
            Some(DayOffReason::CarriedOver {
                holiday: date(1999, 5, 1)
            })
        );
        assert_eq!(
            off(&y1999, date(1999, 5, 4)),
            Some(DayOffReason::CarriedOver {
                holiday: date(1999, 5, 2)
            })
        );
    }

    #[test]
    fn cabinet_transfers_give_a_bridge_day_and_a_working_saturday() {
        let y = statutory(2018);
        let mar9 = y
            .days_off
            .iter()
            .find(|o| o.date == date(2018, 3, 9))
            .unwrap();
        assert_eq!(
            mar9.reason,
            DayOffReason::Transferred {
                worked_on: date(2018, 3, 3)
            }
        );
        assert_eq!(mar9.name.en, "International Women's Day");
        assert!(y.working_days.contains(&TransferredWorkday {
            date: date(2018, 3, 3),
            instead_of: date(2018, 3, 9)
        }));
        let dec31 = y
            .days_off
            .iter()
            .find(|o| o.date == date(2018, 12, 31))
            .unwrap();
        assert_eq!(dec31.name.en, "New Year's Day");
        // A transfer across the new year: 2 January 1997 off, worked on
        // Saturday 28 December 1996.
        assert!(statutory(1996).working_days.contains(&TransferredWorkday {
            date: date(1996, 12, 28),
            instead_of: date(1997, 1, 2)
        }));
        assert_eq!(
            off(&statutory(1997), date(1997, 1, 2)),
            Some(DayOffReason::Transferred {
                worked_on: date(1996, 12, 28)
            })
        );
    }

    #[test]
    fn martial_law_switch_in_2022_statutory() {
        // Before Law 2136-IX (in force 24.03.2022) the peace-time days off
        // held, the Cabinet's March transfer included; after it, none.
        let y = statutory(2022);
        let got: Vec<(NaiveDate, DayOffReason)> =
            y.days_off.iter().map(|o| (o.date, o.reason)).collect();
        assert_eq!(
            got,
            vec![
                (date(2022, 1, 1), DayOffReason::Holiday),
                (
                    date(2022, 1, 3),
                    DayOffReason::CarriedOver {
                        holiday: date(2022, 1, 1)
                    }
                ),
                (date(2022, 1, 7), DayOffReason::Holiday),
                (
                    date(2022, 3, 7),
                    DayOffReason::Transferred {
                        worked_on: date(2022, 3, 12)
                    }
                ),
                (date(2022, 3, 8), DayOffReason::Holiday),
            ]
        );
        assert_eq!(
            y.working_days,
            [TransferredWorkday {
                date: date(2022, 3, 12),
                instead_of: date(2022, 3, 7)
            }]
        );
        // The named list is the law's, martial law or not.
        assert_eq!(named_on(&y, date(2022, 7, 28)), ["Ukrainian Statehood Day"]);
        assert_eq!(y.named, default_preset(2022).named);
        assert!(statutory(2025).days_off.is_empty());
        assert!(statutory(2025).working_days.is_empty());
    }

    #[test]
    fn martial_law_switch_in_2022_default_preset() {
        let y = default_preset(2022);
        let dates: Vec<NaiveDate> = y.days_off.iter().map(|o| o.date).collect();
        assert_eq!(
            dates,
            [
                date(2022, 1, 1),
                date(2022, 1, 3),
                date(2022, 1, 7),
                date(2022, 3, 7),
                date(2022, 3, 8),
                date(2022, 4, 24),
                date(2022, 5, 1),
                date(2022, 5, 9),
                date(2022, 6, 12),
                date(2022, 6, 28),
                date(2022, 7, 28),
                date(2022, 8, 24),
                date(2022, 10, 14),
                date(2022, 12, 25),
            ]
        );
        // No carry-over of Sunday 1 May, no transfer of 27 June / 2 July.
        for o in &y.days_off[5..] {
            assert_eq!(o.reason, DayOffReason::Holiday, "{}", o.date);
        }
        assert_eq!(y.working_days.len(), 1);
        // 2024: every named date, Saturday 24 August included, nothing moved.
        let y = default_preset(2024);
        let named: Vec<NaiveDate> = y.named.iter().map(|(d, _)| *d).collect();
        let offs: Vec<NaiveDate> = y.days_off.iter().map(|o| o.date).collect();
        assert_eq!(named, offs);
        assert_eq!(off(&y, date(2024, 8, 24)), Some(DayOffReason::Holiday));
        assert_eq!(off(&y, date(2024, 8, 26)), None);
    }

    #[test]
    fn the_end_of_martial_law_restores_the_statutory_rules() {
        // Sunday 28 June 2026. If martial law ends on the 28th the holiday is
        // under it: not off by statute, no carry-over; ending on the 27th, the
        // holiday is off and carried over to Monday 29 June.
        let on_28 = year(HolidayPreset::UaStatutory, 2026, Some(date(2026, 6, 28))).unwrap();
        assert_eq!(off(&on_28, date(2026, 6, 28)), None);
        assert_eq!(off(&on_28, date(2026, 6, 29)), None);
        assert_eq!(off(&on_28, date(2026, 7, 15)), Some(DayOffReason::Holiday));
        assert_eq!(off(&on_28, date(2026, 8, 24)), Some(DayOffReason::Holiday));
        let ua_on_28 = year(HolidayPreset::Ua, 2026, Some(date(2026, 6, 28))).unwrap();
        assert_eq!(
            off(&ua_on_28, date(2026, 6, 28)),
            Some(DayOffReason::Holiday)
        );
        assert_eq!(off(&ua_on_28, date(2026, 6, 29)), None);
        for preset in [HolidayPreset::Ua, HolidayPreset::UaStatutory] {
            let on_27 = year(preset, 2026, Some(date(2026, 6, 27))).unwrap();
            assert_eq!(off(&on_27, date(2026, 6, 28)), Some(DayOffReason::Holiday));
            assert_eq!(
                off(&on_27, date(2026, 6, 29)),
                Some(DayOffReason::CarriedOver {
                    holiday: date(2026, 6, 28)
                })
            );
        }
        // Ended in 2022 before the law's suspension began: the June transfer
        // and every carry-over of 2022 held.
        let early = year(HolidayPreset::UaStatutory, 2022, Some(date(2022, 3, 1))).unwrap();
        assert_eq!(
            off(&early, date(2022, 6, 27)),
            Some(DayOffReason::Transferred {
                worked_on: date(2022, 7, 2)
            })
        );
        assert_eq!(
            off(&early, date(2022, 5, 2)),
            Some(DayOffReason::CarriedOver {
                holiday: date(2022, 5, 1)
            })
        );
        // After the end the presets agree again.
        let end = Some(date(2030, 1, 1));
        assert_eq!(
            year(HolidayPreset::Ua, 2031, end).unwrap(),
            year(HolidayPreset::UaStatutory, 2031, end).unwrap()
        );
    }

    #[test]
    fn every_year_is_consistent() {
        for preset in [HolidayPreset::Ua, HolidayPreset::UaStatutory] {
            for end in [None, Some(date(2025, 5, 31))] {
                for y in FIRST_YEAR..=LAST_YEAR {
                    let yr = year(preset, y, end).unwrap();
                    assert_eq!(yr.year, y);
                    assert!(yr.named.windows(2).all(|w| w[0].0 <= w[1].0));
                    assert!(yr.named.iter().all(|(d, _)| d.year() == y));
                    assert!(yr.days_off.windows(2).all(|w| w[0].date < w[1].date), "{y}");
                    assert!(yr.days_off.iter().all(|o| o.date.year() == y));
                    for o in &yr.days_off {
                        match o.reason {
                            DayOffReason::Holiday => {
                                assert!(yr.named.iter().any(|(d, _)| *d == o.date))
                            }
                            // Carry-overs and bridges land on weekdays that are
                            // not holidays: no two reasons ever collide.
                            _ => {
                                assert!(!is_weekend(o.date), "{y}: {}", o.date);
                                assert!(
                                    !named_in(y).iter().any(|(d, _)| *d == o.date),
                                    "{}",
                                    o.date
                                );
                            }
                        }
                    }
                    for w in &yr.working_days {
                        assert!(is_weekend(w.date), "{}", w.date);
                        assert!(!named_in(y).iter().any(|(d, _)| *d == w.date), "{}", w.date);
                    }
                    if y < 2022 || end.is_some_and(|e| y > e.year()) {
                        let other = match preset {
                            HolidayPreset::Ua => HolidayPreset::UaStatutory,
                            HolidayPreset::UaStatutory => HolidayPreset::Ua,
                        };
                        assert_eq!(yr, year(other, y, end).unwrap(), "{y}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_transfer_in_the_table_takes_effect() {
        // Each transfer row gives exactly one Transferred day off and one
        // working day (unless martial law suspended it): no row is shadowed
        // by a holiday or a carry-over.
        for transfer in ua::TRANSFERS {
            let y = statutory(transfer.day_off.year());
            let suspended = transfer.day_off >= MARTIAL_LAW_SUSPENSION_START;
            assert_eq!(
                off(&y, transfer.day_off)
                    == Some(DayOffReason::Transferred {
                        worked_on: transfer.worked_on
                    }),
                !suspended,
                "{}",
                transfer.day_off
            );
            let w = statutory(transfer.worked_on.year());
            assert_eq!(
                w.working_days
                    .iter()
                    .any(|x| x.date == transfer.worked_on && x.instead_of == transfer.day_off),
                !suspended
            );
        }
    }

    #[test]
    fn the_table_rules_do_not_overlap() {
        // Two wordings of one holiday never hold on the same day.
        for (i, a) in ua::HOLIDAYS.iter().enumerate() {
            for b in &ua::HOLIDAYS[i + 1..] {
                let same_day = match (a.when, b.when) {
                    (ua::When::Fixed(m1, d1), ua::When::Fixed(m2, d2)) => (m1, d1) == (m2, d2),
                    (ua::When::Easter(o1), ua::When::Easter(o2)) => o1 == o2,
                    _ => false,
                };
                if same_day {
                    assert!(
                        a.until < b.from || b.until < a.from,
                        "{} / {}",
                        a.name.en,
                        b.name.en
                    );
                }
                assert!(a.from <= a.until);
            }
        }
    }
}
