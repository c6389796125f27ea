//! Instants at the edges: RFC 3339 in (any offset), UTC with `Z` out, to the
//! whole second.
//!
//! A fractional second is dropped (rounding towards the past), as the
//! calendar does.
//!
//! # Example
//! ```
//! use reglament::instant;
//! let t = instant::parse("2026-03-27T10:00:00.9+02:00").unwrap();
//! assert_eq!(instant::format(t), "2026-03-27T08:00:00Z");
//! assert_eq!(instant::parse("27.03.2026").unwrap_err().code(), "invalid_instant");
//! ```

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

use crate::error::{Error, ErrorKind, Result};

/// The first and last instants [`parse`] accepts: years 0000 to 9999 in UTC,
/// the range in which [`format`] writes them back in RFC 3339.
const FIRST: i64 = -62_167_219_200; // 0000-01-01T00:00:00Z
const LAST: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z

/// Parses an RFC 3339 instant with any offset; the fraction of a second is dropped.
///
/// Accepted: `YYYY-MM-DDThh:mm:ss`, an optional fraction (`.` and one or
/// more digits), then `Z` or `±hh:mm`; `t` or a space for `T` and `z` for
/// `Z`, as RFC 3339 allows; a leap second `:60` counts as `:59`. The
/// instant must lie in years 0000 to 9999 in UTC (`out_of_range` otherwise).
///
/// # Example
/// ```
/// let t = reglament::instant::parse("2026-03-30T10:00:00+03:00").unwrap();
/// assert_eq!(t.timestamp(), 1_774_854_000);
/// let e = reglament::instant::parse("2026-02-30T10:00:00Z").unwrap_err();
/// assert_eq!(e.code(), "invalid_instant");
/// assert!(e.message().contains("February 2026 has no day 30"));
/// ```
pub fn parse(text: &str) -> Result<DateTime<Utc>> {
    let secs = parse_secs(text)?;
    DateTime::from_timestamp(secs, 0).ok_or_else(|| {
        Error::out_of_range(format!(
            "instant {text:?} is outside the representable range"
        ))
    })
}

/// [`parse`] to Unix seconds: the same answers and errors.
///
/// # Example
/// ```
/// assert_eq!(reglament::instant::parse_secs("2026-03-30T10:00:00+03:00").unwrap(), 1_774_854_000);
/// ```
pub fn parse_secs(text: &str) -> Result<i64> {
    let secs = rfc3339_seconds(text.as_bytes()).map_err(|why| {
        Error::new(
            ErrorKind::InvalidInstant,
            format!(
                "invalid instant {text:?}: expected RFC 3339 such as \"2026-03-27T10:00:00+02:00\" ({why})"
            ),
        )
    })?;
    // An offset can carry a valid local time past year 9999 (or before
    // year 0) in UTC, where `format` could not write it back as RFC 3339.
    Some(secs)
        .filter(|s| (FIRST..=LAST).contains(s))
        .ok_or_else(|| {
            Error::out_of_range(format!(
                "instant {text:?} is outside the representable range (years 0000 to 9999 in UTC)"
            ))
        })
}

/// `n` ASCII digits at `b[i..]`, as a number.
fn digits(b: &[u8], i: usize, n: usize) -> Option<u32> {
    b.get(i..i + n)?.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// Whether `b[i]` is one of `chars`.
fn at(b: &[u8], i: usize, chars: &[u8]) -> bool {
    b.get(i).is_some_and(|c| chars.contains(c))
}

/// The date `YYYY-MM-DD` at the start of `b`, or why not.
fn date_prefix(b: &[u8]) -> std::result::Result<NaiveDate, String> {
    let year = digits(b, 0, 4).ok_or("the date must begin with a four-digit year")?;
    if !at(b, 4, b"-") {
        return Err("expected '-' after the year".into());
    }
    let month = digits(b, 5, 2).ok_or("expected a two-digit month after the year")?;
    if !at(b, 7, b"-") {
        return Err("expected '-' after the month".into());
    }
    let day = digits(b, 8, 2).ok_or("expected a two-digit day after the month")?;
    if !(1..=12).contains(&month) {
        return Err(format!("the month must be 01 to 12, not {month:02}"));
    }
    // four digits: the year fits an i32
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        format!(
            "{} {year:04} has no day {day:02}",
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ]
            .get(month as usize - 1)
            .unwrap_or(&"that month")
        )
    })
}

/// The time `hh:mm` (and `:ss` when `seconds`) at `b[11..]`, or why not.
fn time_at(b: &[u8], seconds: bool) -> std::result::Result<NaiveTime, &'static str> {
    let hour = digits(b, 11, 2).ok_or("expected a two-digit hour after the date")?;
    if !at(b, 13, b":") {
        return Err("expected ':' after the hour");
    }
    let minute = digits(b, 14, 2).ok_or("expected two-digit minutes after the hour")?;
    let second = if seconds {
        if !at(b, 16, b":") {
            return Err("expected ':' after the minutes");
        }
        digits(b, 17, 2).ok_or("expected two-digit seconds after the minutes")?
    } else {
        0
    };
    if hour > 23 {
        return Err("the hour must be 00 to 23");
    }
    if minute > 59 {
        return Err("the minutes must be 00 to 59");
    }
    if second > 60 {
        return Err("the seconds must be 00 to 60");
    }
    // a leap second counts as the second before it
    NaiveTime::from_hms_opt(hour, minute, second.min(59)).ok_or("the time does not exist")
}

/// Unix seconds of the RFC 3339 text `b`, or why it is not one.
fn rfc3339_seconds(b: &[u8]) -> std::result::Result<i64, String> {
    if b.is_empty() {
        return Err("the text is empty".into());
    }
    let date = date_prefix(b)?;
    if !at(b, 10, b"Tt ") {
        return Err("expected 'T' and the time after the date".into());
    }
    let time = time_at(b, true)?;
    let mut i = 19;
    if at(b, i, b".") {
        let start = i + 1;
        i = start
            + b.get(start..)
                .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
        if i == start {
            return Err("expected digits after the decimal point".into());
        }
    }
    let offset = match b.get(i) {
        Some(b'Z' | b'z') => {
            i += 1;
            0
        }
        Some(&sign @ (b'+' | b'-')) => {
            let (h, m) = (digits(b, i + 1, 2), digits(b, i + 4, 2));
            let (Some(h), true, Some(m)) = (h, at(b, i + 3, b":"), m) else {
                return Err("the offset must be Z or ±hh:mm".into());
            };
            if h > 23 || m > 59 {
                return Err("the offset must be within ±23:59".into());
            }
            i += 6;
            let o = i64::from(h * 3600 + m * 60);
            if sign == b'-' {
                -o
            } else {
                o
            }
        }
        None => return Err("the offset is missing: Z or ±hh:mm".into()),
        Some(_) => return Err("expected the offset (Z or ±hh:mm) after the time".into()),
    };
    if i != b.len() {
        return Err("unexpected text after the offset".into());
    }
    Ok(date.and_time(time).and_utc().timestamp() - offset)
}

/// Parses a calendar date written exactly `YYYY-MM-DD` (four, two and two
/// ASCII digits; the day must exist).
///
/// # Example
/// ```
/// use reglament::instant::parse_date;
/// assert_eq!(parse_date("2026-08-24").unwrap().to_string(), "2026-08-24");
/// assert!(parse_date("2026-8-24").is_none());
/// assert!(parse_date("2026-02-29").is_none());
/// ```
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    date_prefix(b).ok().filter(|_| b.len() == 10)
}

/// Parses a local wall-clock time written exactly `YYYY-MM-DDThh:mm` or
/// `YYYY-MM-DDThh:mm:ss`, without an offset.
///
/// # Example
/// ```
/// use reglament::instant::parse_local;
/// assert_eq!(parse_local("2026-03-29T03:30").unwrap().to_string(), "2026-03-29 03:30:00");
/// assert!(parse_local("2026-03-29T03:30:00+03:00").is_none());
/// ```
pub fn parse_local(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    let seconds = match b.len() {
        16 => false,
        19 => true,
        _ => return None,
    };
    let date = date_prefix(b).ok()?;
    if !at(b, 10, b"Tt") {
        return None;
    }
    // a leap second is not a local time
    let time = time_at(b, seconds)
        .ok()
        .filter(|_| !seconds || digits(b, 17, 2) != Some(60))?;
    Some(date.and_time(time))
}

/// Appends `v` with at least `width` digits, zero-padded.
fn push_num(out: &mut String, v: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut n = v;
    let mut len = 0;
    while n > 0 || len < width {
        if let Some(slot) = buf.get_mut(9 - len) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        len += 1;
        if len == buf.len() {
            break;
        }
    }
    for &c in buf.iter().skip(buf.len() - len) {
        out.push(char::from(c));
    }
}

/// Appends `YYYY-MM-DD?hh:mm` (and `:ss` when `seconds`): the year with at
/// least four digits and a sign outside 0000 to 9999, as chrono writes it.
fn push_date_time(out: &mut String, t: NaiveDateTime, sep: char, seconds: bool) {
    let y = t.year();
    if !(0..=9999).contains(&y) {
        out.push(if y < 0 { '-' } else { '+' });
    }
    push_num(out, y.unsigned_abs(), 4);
    out.push('-');
    push_num(out, t.month(), 2);
    out.push('-');
    push_num(out, t.day(), 2);
    out.push(sep);
    push_num(out, t.hour(), 2);
    out.push(':');
    push_num(out, t.minute(), 2);
    if seconds {
        out.push(':');
        push_num(out, t.second(), 2);
    }
}

/// Formats an instant as RFC 3339 in UTC with `Z`, whole seconds.
///
/// # Example
/// ```
/// let t = reglament::instant::parse("2026-01-01T00:00:00+02:00").unwrap();
/// assert_eq!(reglament::instant::format(t), "2025-12-31T22:00:00Z");
/// ```
pub fn format(t: DateTime<Utc>) -> String {
    let mut out = String::with_capacity(20);
    push_date_time(&mut out, t.naive_utc(), 'T', true);
    out.push('Z');
    out
}

/// A local wall-clock time to the minute for sentences: `2026-03-07 11:00`.
pub(crate) fn format_minutes(t: NaiveDateTime) -> String {
    let mut out = String::with_capacity(16);
    push_date_time(&mut out, t, ' ', false);
    out
}

/// Serde helpers for `DateTime<Utc>` fields written with [`format`].
pub(crate) mod serde_utc {
    use chrono::{DateTime, Utc};
    use serde::Serializer;

    pub(crate) fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format(*t))
    }

    /// For `Option<DateTime<Utc>>` fields.
    pub(crate) mod option {
        use chrono::{DateTime, Utc};
        use serde::Serializer;

        pub(crate) fn serialize<S: Serializer>(
            t: &Option<DateTime<Utc>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_str(&super::super::format(*t)),
                None => s.serialize_none(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_normalised_and_fractions_dropped() {
        assert_eq!(
            format(parse("2026-03-27T10:00:00+02:00").unwrap()),
            "2026-03-27T08:00:00Z"
        );
        assert_eq!(
            format(parse("2026-03-27T08:00:00.999Z").unwrap()),
            "2026-03-27T08:00:00Z"
        );
        assert_eq!(
            format(parse("2026-03-27T08:00:00-05:30").unwrap()),
            "2026-03-27T13:30:00Z"
        );
    }

    /// What RFC 3339 allows, and the reasons given for what it does not.
    #[test]
    fn the_grammar_and_its_errors() {
        let ok = |s: &str| format(parse(s).unwrap_or_else(|e| panic!("{s}: {e}")));
        assert_eq!(ok("2026-03-02t10:30:00z"), "2026-03-02T10:30:00Z");
        assert_eq!(ok("2026-03-02 10:30:00-00:00"), "2026-03-02T10:30:00Z");
        assert_eq!(
            ok("2026-03-02T10:30:00.1234567891234Z"),
            "2026-03-02T10:30:00Z"
        );
        assert_eq!(ok("2026-03-02T10:30:60Z"), "2026-03-02T10:30:59Z");
        assert_eq!(ok("2026-03-02T10:30:00+23:59"), "2026-03-01T10:31:00Z");
        assert_eq!(ok("0000-01-01T00:00:00Z"), "0000-01-01T00:00:00Z");
        assert_eq!(ok("9999-12-31T23:59:59Z"), "9999-12-31T23:59:59Z");
        assert_eq!(ok("2024-02-29T12:00:00Z"), "2024-02-29T12:00:00Z");
        for (text, why) in [
            ("", "the text is empty"),
            ("yesterday", "four-digit year"),
            ("+2026-03-02T10:30:00Z", "four-digit year"),
            ("2026-3-02T10:30:00Z", "two-digit month"),
            ("2026-13-02T10:30:00Z", "the month must be 01 to 12, not 13"),
            ("2026-02-29T10:30:00Z", "February 2026 has no day 29"),
            ("2026-03-02", "expected 'T' and the time"),
            ("2026-03-02T24:00:00Z", "the hour must be 00 to 23"),
            ("2026-03-02T10:60:00Z", "the minutes must be 00 to 59"),
            ("2026-03-02T10:30:61Z", "the seconds must be 00 to 60"),
            ("2026-03-02T10:30Z", "expected ':' after the minutes"),
            ("2026-03-02T10:30:00", "the offset is missing"),
            ("2026-03-02T10:30:00.Z", "digits after the decimal point"),
            ("2026-03-02T10:30:00,5Z", "expected the offset"),
            ("2026-03-02T10:30:00+0200", "Z or ±hh:mm"),
            ("2026-03-02T10:30:00+02", "Z or ±hh:mm"),
            ("2026-03-02T10:30:00+24:00", "within ±23:59"),
            ("2026-03-02T10:30:00+02:60", "within ±23:59"),
            ("2026-03-02T10:30:00Z ", "unexpected text after the offset"),
            (
                "2026-03-02T10:30:00+02:00:00",
                "unexpected text after the offset",
            ),
            ("2026-03-02T10:30:00ZZ", "unexpected text after the offset"),
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInstant, "{text}");
            assert!(e.message().contains(why), "{text}: {}", e.message());
            assert!(e
                .message()
                .starts_with(&format!("invalid instant {text:?}")));
        }
        // valid text whose instant leaves years 0000-9999 in UTC
        for text in ["9999-12-31T23:59:59-00:01", "0000-01-01T00:00:00+00:01"] {
            assert_eq!(
                parse(text).unwrap_err().kind(),
                ErrorKind::OutOfRange,
                "{text}"
            );
        }
    }

    #[test]
    fn format_matches_chrono_outside_four_digit_years_too() {
        use chrono::SecondsFormat;
        for secs in [
            0i64,
            -1,
            FIRST,
            FIRST - 1,
            LAST,
            LAST + 1,
            1_772_447_400,
            -62_167_219_200 - 86_400 * 366,
            400_000_000_000,
        ] {
            let t = DateTime::from_timestamp(secs, 0).unwrap();
            assert_eq!(
                format(t),
                t.to_rfc3339_opts(SecondsFormat::Secs, true),
                "{secs}"
            );
        }
        let l = parse_local("2026-03-07T11:05").unwrap();
        assert_eq!(format_minutes(l), "2026-03-07 11:05");
    }

    #[test]
    fn dates_and_local_times_are_exact() {
        for bad in [
            "2026-3-2",
            "+2026-03-02",
            " 2026-03-02",
            "-026-12-31",
            "2026-03-02x",
            "20260-03-02",
            "",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
        for bad in [
            "2026-03-29T03:30:60",
            "2026-03-29T3:30",
            "2026-03-29 03:30",
            "2026-03-29T03:30Z",
            "2026-03-29T24:00",
        ] {
            assert!(parse_local(bad).is_none(), "{bad}");
        }
        assert_eq!(
            parse_local("2026-03-29t03:30:15").unwrap().to_string(),
            "2026-03-29 03:30:15"
        );
    }

    #[test]
    fn bad_text_names_the_value() {
        let e = parse("2026-02-30T10:00:00Z").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInstant);
        assert!(e.message().contains("2026-02-30T10:00:00Z"));
    }
}
