//! A contract as an ordered list of regulation versions (amendments).

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::ticket::{Event, EventKind};
use crate::Regulation;

/// A contract file: regulation versions in increasing, distinct
/// `effective_from`, each in force from 00:00 local time of its date in
/// the (one) calendar zone of the contract. The version in force at a
/// request's registration judges the whole request (DESIGN §5).
///
/// The file: `{"versions": [<regulation>, ...]}`, each a complete
/// regulation file with `effective_from` set.
///
/// # Example
/// ```
/// use reglament::{record::Versions, regulation::RegulationSpec, instant::parse};
/// let mut a = serde_json::to_value(RegulationSpec::default()).unwrap();
/// a["effective_from"] = "2026-01-01".into();
/// let mut b = a.clone();
/// b["effective_from"] = "2026-07-01".into();
/// b["archive_after"]["amount"] = 5.into();
/// let c = Versions::from_value(&serde_json::json!({"versions": [a, b]})).unwrap();
/// // 00:00 Kyiv on 1 July is 21:00 UTC on 30 June
/// let before = c.in_force(parse("2026-06-30T20:59:59Z").unwrap()).unwrap();
/// let after = c.in_force(parse("2026-06-30T21:00:00Z").unwrap()).unwrap();
/// assert_eq!((before.spec().archive_after.amount, after.spec().archive_after.amount), (10, 5));
/// ```
#[derive(Debug, Clone)]
pub struct Versions {
    versions: Vec<(DateTime<Utc>, Regulation)>,
}

impl Versions {
    /// Parses and validates a contract file.
    ///
    /// # Errors
    /// A version that is not a valid regulation (its field path prefixed by
    /// `versions[i]`), a missing `effective_from`, dates not strictly
    /// increasing, or versions in different time zones.
    ///
    /// # Example
    /// ```
    /// use reglament::{record::Versions, regulation::RegulationSpec};
    /// let mut a = serde_json::to_value(RegulationSpec::default()).unwrap();
    /// a["effective_from"] = "2026-07-01".into();
    /// let mut b = a.clone();
    /// b["effective_from"] = "2026-01-01".into();
    /// let err = Versions::from_value(&serde_json::json!({"versions": [a, b]})).unwrap_err();
    /// assert_eq!(err.field(), Some("versions[1].effective_from"));
    /// ```
    pub fn from_value(value: &Value) -> Result<Versions> {
        let Value::Object(map) = value else {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "a contract file is an object {\"versions\": [regulation, ...]}",
            ));
        };
        if let Some(k) = map.keys().find(|k| k.as_str() != "versions") {
            return Err(Error::new(
                ErrorKind::UnknownField,
                format!(
                    "unknown key {:?}: a contract file has only \"versions\"",
                    crate::error::cap(k.to_string())
                ),
            )
            .at(k.clone()));
        }
        let list = map
            .get("versions")
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::MissingField,
                    "the key \"versions\" is required: the regulation versions in force, oldest first",
                )
                .at("versions")
            })?
            .as_array()
            .ok_or_else(|| Error::invalid("versions", "expected a list of regulations"))?;
        if list.is_empty() {
            return Err(Error::invalid(
                "versions",
                "a contract needs at least one regulation version",
            ));
        }
        let mut versions: Vec<(DateTime<Utc>, Regulation)> = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            let path = format!("versions[{i}]");
            let reg = Regulation::from_value(v).map_err(|e| e.within(&path))?;
            let Some(date) = reg.spec().effective_from else {
                return Err(Error::new(
                    ErrorKind::MissingField,
                    "each version of a contract gives the local date it is in force from (\"effective_from\": \"YYYY-MM-DD\")",
                )
                .at(format!("{path}.effective_from")));
            };
            if let Some((_, first)) = versions.first() {
                let (z0, z) = (
                    first.spec().calendar.timezone.as_str(),
                    reg.spec().calendar.timezone.as_str(),
                );
                if z0 != z {
                    return Err(Error::invalid(
                        format!("{path}.calendar.timezone"),
                        format!(
                            "{:?} differs from the first version's {z0:?}: the versions of one contract share one zone, in which their effective dates begin",
                            crate::error::cap(z.to_string())
                        ),
                    ));
                }
            }
            if let Some((_, prev)) = versions.last() {
                let p = prev.spec().effective_from.unwrap_or(NaiveDate::MIN);
                if date <= p {
                    return Err(Error::invalid(
                        format!("{path}.effective_from"),
                        format!(
                            "{date} is not after the previous version's {p}: versions are written oldest first, with distinct dates"
                        ),
                    ));
                }
            }
            let midnight = reg
                .calendar()
                .local_to_instant(date.and_time(chrono::NaiveTime::MIN))
                .map_err(|e| e.within(&format!("{path}.effective_from")))?;
            versions.push((midnight, reg));
        }
        Ok(Versions { versions })
    }

    /// Parses a contract file's text.
    ///
    /// # Example
    /// ```
    /// assert_eq!(reglament::record::Versions::from_json("[]").unwrap_err().code(), "invalid_value");
    /// ```
    pub fn from_json(json: &str) -> Result<Versions> {
        let v: Value = serde_json::from_str(json).map_err(|e| {
            Error::new(
                ErrorKind::InvalidJson,
                format!("the contract file is not valid JSON: {e}"),
            )
        })?;
        Versions::from_value(&v)
    }

    /// The versions, oldest first.
    ///
    /// # Example
    /// ```
    /// use reglament::{record::Versions, regulation::RegulationSpec};
    /// let mut a = serde_json::to_value(RegulationSpec::default()).unwrap();
    /// a["effective_from"] = "2026-01-01".into();
    /// let c = Versions::from_value(&serde_json::json!({"versions": [a]})).unwrap();
    /// assert_eq!(c.versions().count(), 1);
    /// ```
    pub fn versions(&self) -> impl Iterator<Item = &Regulation> {
        self.versions.iter().map(|(_, r)| r)
    }

    /// The version in force at `at` (the last one whose `effective_from`
    /// began at or before it), or `None` before the first.
    ///
    /// # Example
    /// ```
    /// use reglament::{record::Versions, regulation::RegulationSpec, instant::parse};
    /// let mut a = serde_json::to_value(RegulationSpec::default()).unwrap();
    /// a["effective_from"] = "2026-01-01".into();
    /// let c = Versions::from_value(&serde_json::json!({"versions": [a]})).unwrap();
    /// assert!(c.in_force(parse("2025-12-31T21:59:59Z").unwrap()).is_none());
    /// assert!(c.in_force(parse("2025-12-31T22:00:00Z").unwrap()).is_some());
    /// ```
    pub fn in_force(&self, at: DateTime<Utc>) -> Option<&Regulation> {
        let n = self.versions.partition_point(|(from, _)| *from <= at);
        n.checked_sub(1)
            .and_then(|i| self.versions.get(i))
            .map(|(_, r)| r)
    }

    /// The version that judges a history: the one in force at its
    /// registration (the first `register` event), or, for a history not
    /// yet registered, at its first event; the last version for no events.
    ///
    /// # Errors
    /// `out_of_range` on field `at` when the registration precedes every version.
    ///
    /// # Example
    /// ```
    /// use reglament::{record::Versions, regulation::RegulationSpec, ticket::Event};
    /// let mut a = serde_json::to_value(RegulationSpec::default()).unwrap();
    /// a["effective_from"] = "2026-04-01".into();
    /// let c = Versions::from_value(&serde_json::json!({"versions": [a]})).unwrap();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"u","role":"user"},"channel":"tracker","description":"d","conditions":"c","priority":"high"}"#).unwrap();
    /// assert_eq!(c.for_history(&[e]).unwrap_err().code(), "out_of_range");
    /// ```
    pub fn for_history(&self, events: &[Event]) -> Result<&Regulation> {
        let at = events
            .iter()
            .find(|e| e.kind() == EventKind::Register)
            .or_else(|| events.first())
            .map(|e| e.at);
        match at {
            None => self
                .versions
                .last()
                .map(|(_, r)| r)
                .ok_or_else(|| Error::new(ErrorKind::Conflict, "a contract without versions")),
            Some(at) => self.in_force(at).ok_or_else(|| {
                Error::new(
                    ErrorKind::OutOfRange,
                    format!(
                        "no regulation version is in force at {} (the first is in force from {})",
                        crate::instant::format(at),
                        self.versions
                            .first()
                            .map(|(t, _)| crate::instant::format(*t))
                            .unwrap_or_default()
                    ),
                )
                .at("at")
            }),
        }
    }
}
