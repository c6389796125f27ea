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

use chrono::{DateTime, Datelike, SecondsFormat, Utc};

use crate::error::{Error, ErrorKind, Result};

/// Parses an RFC 3339 instant with any offset; the fraction of a second is dropped.
///
/// # Example
/// ```
/// let t = reglament::instant::parse("2026-03-30T10:00:00+03:00").unwrap();
/// assert_eq!(t.timestamp(), 1_774_854_000);
/// ```
pub fn parse(text: &str) -> Result<DateTime<Utc>> {
    let t = DateTime::parse_from_rfc3339(text).map_err(|e| {
        Error::new(
            ErrorKind::InvalidInstant,
            format!("invalid instant {text:?}: expected RFC 3339 such as \"2026-03-27T10:00:00+02:00\" ({e})"),
        )
    })?;
    // An offset can carry a valid local time past year 9999 (or before
    // year 0) in UTC, where `format` could not write it back as RFC 3339.
    DateTime::from_timestamp(t.timestamp(), 0)
        .filter(|u| (0..=9999).contains(&u.year()))
        .ok_or_else(|| {
            Error::out_of_range(format!(
                "instant {text:?} is outside the representable range (years 0000 to 9999 in UTC)"
            ))
        })
}

/// Formats an instant as RFC 3339 in UTC with `Z`, whole seconds.
///
/// # Example
/// ```
/// let t = reglament::instant::parse("2026-01-01T00:00:00+02:00").unwrap();
/// assert_eq!(reglament::instant::format(t), "2025-12-31T22:00:00Z");
/// ```
pub fn format(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
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

    #[test]
    fn bad_text_names_the_value() {
        let e = parse("2026-02-30T10:00:00Z").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInstant);
        assert!(e.message().contains("2026-02-30T10:00:00Z"));
    }
}
