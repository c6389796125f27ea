//! Working-time arithmetic (DESIGN §3) and the Ukrainian holidays, in SQL.
//!
//! Every function takes `calendar jsonb DEFAULT NULL`: a calendar file
//! (README "Working time"), `NULL` for the embedded default (Europe/Kyiv,
//! Mon–Fri 09:00–18:00, Ukrainian public holidays). A `NULL` instant or
//! count gives `NULL`.

use pgrx::prelude::*;
use reglament::holidays::{self, DayOffReason, HolidayPreset};
use reglament::ErrorKind;

use crate::cache;
use crate::convert::{instant_in, instant_out, secs_in, secs_out, JsonbArg};
use crate::error::{raise_kind, OrRaise};

/// The earliest instant `u >= t` with `seconds` of working time in `[t, u)`
/// (a negative `seconds` counts backwards, as `sub`).
#[pg_extern(name = "add", immutable, parallel_safe)]
pub fn add_seconds(
    t: Option<TimestampWithTimeZone>,
    seconds: Option<i64>,
    calendar: default!(Option<JsonbArg>, "NULL"),
) -> Option<TimestampWithTimeZone> {
    let (t, s) = (t?, seconds?);
    let cal = cache::calendar(calendar.as_ref());
    Some(secs_out(cal.add_secs(secs_in(t, "t"), s).or_raise()))
}

/// The latest instant `u <= t` with `seconds` of working time in `[u, t)`.
#[pg_extern(name = "sub", immutable, parallel_safe)]
pub fn sub_seconds(
    t: Option<TimestampWithTimeZone>,
    seconds: Option<i64>,
    calendar: default!(Option<JsonbArg>, "NULL"),
) -> Option<TimestampWithTimeZone> {
    let (t, s) = (t?, seconds?);
    let cal = cache::calendar(calendar.as_ref());
    Some(secs_out(cal.sub_secs(secs_in(t, "t"), s).or_raise()))
}

/// Working seconds in `[a, b)`; negative when `b` is before `a`.
#[pg_extern(immutable, parallel_safe)]
pub fn elapsed(
    a: Option<TimestampWithTimeZone>,
    b: Option<TimestampWithTimeZone>,
    calendar: default!(Option<JsonbArg>, "NULL"),
) -> Option<i64> {
    let (a, b) = (a?, b?);
    let cal = cache::calendar(calendar.as_ref());
    Some(
        cal.elapsed_secs(secs_in(a, "a"), secs_in(b, "b"))
            .or_raise(),
    )
}

/// Whether the second starting at `t` is working time.
#[pg_extern(immutable, parallel_safe)]
pub fn is_working(
    t: Option<TimestampWithTimeZone>,
    calendar: default!(Option<JsonbArg>, "NULL"),
) -> Option<bool> {
    let t = t?;
    let cal = cache::calendar(calendar.as_ref());
    Some(cal.is_working_secs(secs_in(t, "t")).or_raise())
}

/// The earliest working instant at or after `t`.
#[pg_extern(immutable, parallel_safe)]
pub fn next_working(
    t: Option<TimestampWithTimeZone>,
    calendar: default!(Option<JsonbArg>, "NULL"),
) -> Option<TimestampWithTimeZone> {
    let t = t?;
    let cal = cache::calendar(calendar.as_ref());
    Some(instant_out(cal.next_working(instant_in(t, "t")).or_raise()))
}

/// The closing instant of the `days`-th working day after the local date of
/// `t` (that date does not count): clause 5's "within 2 working days".
#[pg_extern(immutable, parallel_safe)]
pub fn add_working_days(
    t: Option<TimestampWithTimeZone>,
    days: Option<i32>,
    calendar: default!(Option<JsonbArg>, "NULL"),
) -> Option<TimestampWithTimeZone> {
    let (t, days) = (t?, days?);
    let n = u32::try_from(days).unwrap_or_else(|_| {
        raise_kind(
            ErrorKind::InvalidValue,
            Some("days"),
            &format!("expected a whole number of days >= 0, got {days}"),
        )
    });
    let cal = cache::calendar(calendar.as_ref());
    Some(instant_out(
        cal.add_working_days(instant_in(t, "t"), n).or_raise(),
    ))
}

/// The embedded default calendar file (Europe/Kyiv, Mon–Fri 09:00–18:00,
/// Ukrainian public holidays), a starting point for a host's own.
#[pg_extern(immutable, parallel_safe)]
pub fn default_calendar() -> pgrx::JsonB {
    pgrx::JsonB(reglament::Calendar::default_kyiv().spec().to_value())
}

/// A calendar file checked and completed (every key written): the core's
/// error, its field under `calendar`, when it is malformed.
#[pg_extern(immutable, parallel_safe)]
pub fn calendar(calendar: Option<JsonbArg>) -> Option<pgrx::JsonB> {
    let cal = cache::calendar(Some(calendar.as_ref()?));
    Some(pgrx::JsonB(cal.spec().to_value()))
}

/// One row of [`holidays`] (the SQL signature spells the columns out).
type HolidayRow = (
    pgrx::datum::Date,
    String,
    Option<String>,
    Option<String>,
    Option<pgrx::datum::Date>,
    Option<pgrx::datum::Date>,
    Option<pgrx::datum::Date>,
);

/// A date as SQL `date`.
fn date_out(d: chrono::NaiveDate) -> pgrx::datum::Date {
    use chrono::Datelike;
    // every date the holiday tables hold lies in 1990..=2101
    pgrx::datum::Date::new(d.year(), d.month() as u8, d.day() as u8).unwrap_or_else(|_| {
        raise_kind(
            ErrorKind::OutOfRange,
            Some("date"),
            &format!("{d} is not a valid SQL date"),
        )
    })
}

/// The Ukrainian public holidays of `year` (1991–2100) under `mode` (`'UA'`,
/// the contract's reading, or `'UA-statutory'`), one row per date:
///
/// * `kind = 'holiday'`: a day off for a named holiday;
/// * `'carried_over'`: off because the holiday (`holiday`) fell on a weekend;
/// * `'transferred'`: off by a Cabinet transfer, worked on `worked_on`;
/// * `'working_day'`: a weekend day worked instead of `instead_of`;
/// * `'named'`: a holiday the law names on a date that is not a day off
///   under `mode` (martial law).
///
/// `martial_law_end` is the last day of martial law, `NULL` while it lasts.
// the row type is spelled out inline: pgrx reads the column names from it
#[allow(clippy::type_complexity)]
#[pg_extern(immutable, parallel_safe)]
pub fn holidays(
    year: Option<i32>,
    mode: default!(Option<String>, "'UA'"),
    martial_law_end: default!(Option<pgrx::datum::Date>, "NULL"),
) -> TableIterator<
    'static,
    (
        name!(date, pgrx::datum::Date),
        name!(kind, String),
        name!(name_uk, Option<String>),
        name!(name_en, Option<String>),
        name!(holiday, Option<pgrx::datum::Date>),
        name!(worked_on, Option<pgrx::datum::Date>),
        name!(instead_of, Option<pgrx::datum::Date>),
    ),
> {
    let preset = match mode.as_deref() {
        None => HolidayPreset::default(),
        Some(m) => HolidayPreset::from_name(m).unwrap_or_else(|| {
            raise_kind(
                ErrorKind::InvalidValue,
                Some("mode"),
                &format!("unknown holiday mode {m:?}: expected \"UA\" or \"UA-statutory\""),
            )
        }),
    };
    let end = martial_law_end.map(|d| {
        if !d.is_finite() {
            raise_kind(
                ErrorKind::OutOfRange,
                Some("martial_law_end"),
                "infinity is not a date",
            );
        }
        chrono::NaiveDate::from_ymd_opt(d.year(), u32::from(d.month()), u32::from(d.day()))
            .unwrap_or_else(|| {
                raise_kind(
                    ErrorKind::OutOfRange,
                    Some("martial_law_end"),
                    "the date is outside the supported range",
                )
            })
    });
    let Some(year) = year else {
        return TableIterator::new(Vec::new());
    };
    let y = holidays::year(preset, year, end).or_raise();
    let mut rows: Vec<(chrono::NaiveDate, HolidayRow)> = Vec::new();
    for d in &y.days_off {
        let (kind, holiday, worked_on) = match d.reason {
            DayOffReason::Holiday => ("holiday", None, None),
            DayOffReason::CarriedOver { holiday } => ("carried_over", Some(holiday), None),
            DayOffReason::Transferred { worked_on } => ("transferred", None, Some(worked_on)),
        };
        rows.push((
            d.date,
            (
                date_out(d.date),
                kind.into(),
                Some(d.name.uk.into()),
                Some(d.name.en.into()),
                holiday.map(date_out),
                worked_on.map(date_out),
                None,
            ),
        ));
    }
    for (date, name) in &y.named {
        if !y.days_off.iter().any(|d| d.date == *date) {
            rows.push((
                *date,
                (
                    date_out(*date),
                    "named".into(),
                    Some(name.uk.into()),
                    Some(name.en.into()),
                    None,
                    None,
                    None,
                ),
            ));
        }
    }
    for w in &y.working_days {
        rows.push((
            w.date,
            (
                date_out(w.date),
                "working_day".into(),
                None,
                None,
                None,
                None,
                Some(date_out(w.instead_of)),
            ),
        ));
    }
    rows.sort_by_key(|r| r.0);
    TableIterator::new(rows.into_iter().map(|(_, r)| r))
}
