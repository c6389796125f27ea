//! What a period report reads: the regulation (or a contract's versions)
//! that judges, the requests, and the options.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::error::{Error, Result};
use crate::record::Versions;
use crate::regulation::Regulation;
use crate::ticket::Event;

/// Which regulation judges the requests.
///
/// # Example
/// ```
/// use reglament::{report::period::Judge, Regulation};
/// let reg = Regulation::default();
/// let j = Judge::One(&reg);
/// assert_eq!(j.zone_regulation().fingerprint(), reg.fingerprint());
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Judge<'a> {
    /// One regulation judges every request.
    One(&'a Regulation),
    /// The version in force at each request's registration judges it.
    Contract(&'a Versions),
}

impl<'a> Judge<'a> {
    /// The regulation whose calendar zone the period's dates are in (the
    /// contract's first version: its versions share one zone).
    ///
    /// # Example
    /// ```
    /// use reglament::{report::period::Judge, Regulation};
    /// let reg = Regulation::default();
    /// assert_eq!(Judge::One(&reg).zone_regulation().calendar().timezone().name(), "Europe/Kyiv");
    /// ```
    pub fn zone_regulation(&self) -> &'a Regulation {
        match self {
            Judge::One(r) => r,
            Judge::Contract(c) => c.versions().next().unwrap_or_else(|| default_regulation()),
        }
    }

    pub(super) fn versions(&self) -> Vec<&'a Regulation> {
        match self {
            Judge::One(r) => vec![*r],
            Judge::Contract(c) => c.versions().collect(),
        }
    }

    pub(super) fn for_events(&self, events: &[Event]) -> Result<&'a Regulation> {
        match self {
            Judge::One(r) => Ok(r),
            Judge::Contract(c) => c.for_history(events),
        }
    }
}

fn default_regulation() -> &'static Regulation {
    static DEFAULT: std::sync::OnceLock<Regulation> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Regulation::default)
}

/// One request to report on: its id (the file stem, in the CLI), its
/// events as recorded, and, when the host already has it (a verified
/// chain), its head; otherwise the head is computed from the events.
///
/// # Example
/// ```
/// let r = reglament::report::period::Request { id: "T-1", events: &[], head: None };
/// assert_eq!(r.id, "T-1");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The request's id.
    pub id: &'a str,
    /// Its events, as recorded (refused ones included: they are part of the history).
    pub events: &'a [Event],
    /// Its head, when known (`record::head` of the events under the
    /// regulation that judges it).
    pub head: Option<&'a str>,
}

/// The period and how to read it.
///
/// # Example
/// ```
/// use reglament::{report::period::{Bucketing, Options}, instant::parse};
/// let o = Options::new("2026-11-01".parse().unwrap(), "2026-12-01".parse().unwrap(),
///     parse("2026-12-02T09:00:00Z").unwrap());
/// assert_eq!(o.by, Bucketing::Month);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The first local date of the period (inclusive).
    pub from: NaiveDate,
    /// The local date after the period (exclusive).
    pub to: NaiveDate,
    /// The instant the report is produced at.
    pub now: DateTime<Utc>,
    /// The buckets.
    pub by: Bucketing,
    /// The agreed share of clocks on time, in percent, when the contract
    /// states one (shown beside each metric; not used in the counting).
    pub target_percent: Option<f64>,
}

impl Options {
    /// A period by month, without a target percentage.
    ///
    /// # Example
    /// ```
    /// use reglament::{report::period::Options, instant::parse};
    /// let o = Options::new("2026-01-01".parse().unwrap(), "2027-01-01".parse().unwrap(),
    ///     parse("2027-01-02T00:00:00Z").unwrap());
    /// assert!(o.target_percent.is_none());
    /// ```
    pub fn new(from: NaiveDate, to: NaiveDate, now: DateTime<Utc>) -> Options {
        Options {
            from,
            to,
            now,
            by: Bucketing::Month,
            target_percent: None,
        }
    }
    /// The options document every face takes: `{"from": "YYYY-MM-DD", "to":
    /// "YYYY-MM-DD", "now": RFC 3339, "by"?: "month" | "week" | "none",
    /// "target_percent"?: number, "contract"?: {"versions": [...]}}`, with
    /// the contract when there is one. Errors name `options.<key>`.
    ///
    /// # Example
    /// ```
    /// use reglament::report::period::Options;
    /// let v = serde_json::json!({"from": "2026-11-01", "to": "2026-12-01", "now": "2026-12-01T09:00:00Z", "by": "week"});
    /// let (o, contract) = Options::from_value(&v).unwrap();
    /// assert!(contract.is_none() && o.to.to_string() == "2026-12-01");
    /// let bad = serde_json::json!({"from": "2026-11-01", "to": "2026-12-01", "now": "2026-12-01T09:00:00Z", "by": "day"});
    /// assert_eq!(Options::from_value(&bad).unwrap_err().field(), Some("options.by"));
    /// ```
    pub fn from_value(v: &serde_json::Value) -> Result<(Options, Option<Versions>)> {
        use serde_json::Value;
        let text = |key: &str| -> Result<&str> {
            v.get(key)
                .and_then(Value::as_str)
                .ok_or_else(|| Error::invalid(format!("options.{key}"), "expected a string"))
        };
        let date = |key: &str| -> Result<NaiveDate> {
            crate::instant::parse_date(text(key)?).ok_or_else(|| {
                Error::invalid(format!("options.{key}"), "expected a local date YYYY-MM-DD")
            })
        };
        let by = match v.get("by").and_then(Value::as_str) {
            None => Bucketing::Month,
            Some(b) => b.parse().map_err(|_| {
                Error::invalid(
                    "options.by",
                    format!(
                        "{:?} is not one of month, week, none",
                        crate::error::cap(b.to_string())
                    ),
                )
            })?,
        };
        let options = Options {
            from: date("from")?,
            to: date("to")?,
            now: crate::instant::parse(text("now")?).map_err(|e| e.within("options.now"))?,
            by,
            target_percent: v.get("target_percent").and_then(Value::as_f64),
        };
        let contract = match v.get("contract") {
            None | Some(Value::Null) => None,
            Some(c) => Some(Versions::from_value(c).map_err(|e| e.within("options.contract"))?),
        };
        Ok((options, contract))
    }
}

/// The requests document every face takes, `[{"id": "T-1", "events":
/// [...]}, ...]`, read: errors name `requests[i].id` or
/// `requests[i].events[j]...`.
///
/// # Example
/// ```
/// use reglament::report::period::requests_from_value;
/// let v = serde_json::json!([{"id": "T-1", "events": [{"kind": "nope"}]}]);
/// assert_eq!(requests_from_value(&v).unwrap_err().field(), Some("requests[0].events[0].kind"));
/// ```
pub fn requests_from_value(v: &serde_json::Value) -> Result<Vec<(String, Vec<Event>)>> {
    use serde_json::Value;
    let list = v
        .as_array()
        .ok_or_else(|| Error::invalid("requests", "expected an array of {id, events}"))?;
    let mut out = Vec::with_capacity(list.len());
    for (i, r) in list.iter().enumerate() {
        let id = r
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::invalid(format!("requests[{i}].id"), "expected a string"))?;
        let events = r.get("events").and_then(Value::as_array).ok_or_else(|| {
            Error::invalid(
                format!("requests[{i}].events"),
                "expected an array of events",
            )
        })?;
        let events = events
            .iter()
            .enumerate()
            .map(|(j, e)| Event::from_value(e, &format!("requests[{i}].events[{j}]")))
            .collect::<Result<Vec<_>>>()?;
        out.push((id.to_string(), events));
    }
    Ok(out)
}
