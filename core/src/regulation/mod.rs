//! The regulation file: the seed's blanks as parameters, the calendar, the
//! SLA table and the rules DESIGN §2 makes configurable.
//!
//! ```json
//! {"contract": {"number": "...", "date": "2021-05-01", "customer": "...", "contractor": "...",
//!               "system_name": "...", "software_name": "...", "business_process_name": "..."},
//!  "calendar": {"timezone": "Europe/Kyiv", "week": {...}, "holiday_preset": "UA"},
//!  "registration_calendar": null,
//!  "calendars": {"round_the_clock": {"timezone": "Europe/Kyiv", "week": {...}}},
//!  "sla": {"example": true, "note": "...",
//!          "targets": [{"category": "incident", "priority": "critical",
//!                       "response": 1800, "resolution": 14400, "update_interval": 3600,
//!                       "calendar": "round_the_clock"}, ...]},
//!  "pauses": {"response": {"approval_pending": true, "awaiting_user": true}, "resolution": {...},
//!             "update_interval": {...}},
//!  "pause_reasons": [{"id": "awaiting_vendor", "uk": "очікування постачальника",
//!                     "en": "awaiting the vendor", "pauses": ["response", "resolution"]}],
//!  "priority_change": "keep_consumed",
//!  "actions": [{"name": "server_recovery", "service": "recovery"}, ...],
//!  "approval_required_for": ["server_recovery", ...],
//!  "archive_after": {"amount": 10, "unit": "calendar_days"},
//!  "contact_change_notice": {"amount": 2, "unit": "working_days"},
//!  "warning_thresholds": [75, 90, {"percent": 150, "name": "escalation"}]}
//! ```
//!
//! Durations are working seconds. Every key is required in a file (so a
//! file says everything it means) except the second wave's `calendars`,
//! `pause_reasons` and an SLA row's `calendar` (absent: none); [`Regulation::with_overrides`] merges a
//! partial document onto the default instead. Unknown keys are refused, and
//! every error names the field as a JSON path and the offending value.
//!
//! # Example
//! ```
//! use reglament::model::{Category, Priority};
//! use reglament::Regulation;
//! let reg = Regulation::default();
//! assert!(reg.spec().sla.example);
//! let t = reg.sla_target(Category::Incident, Priority::Critical);
//! assert_eq!(t.response, 1800);
//! let back = Regulation::from_json(&reg.to_json()).unwrap();
//! assert_eq!(back.spec(), reg.spec());
//! ```

mod complete;
mod defaults;
mod parse;
#[cfg(test)]
mod tests;
mod types;
mod validate;
mod write;

pub use complete::complete;
pub use types::*;

use defaults::UNREACHABLE_TARGET;
use parse::merge;

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Category, Priority};
use crate::Calendar;

/// The longest duration anything may last, in seconds: the calendars'
/// whole supported range (1970 to 2100), which no working time can exceed.
/// SLA targets and agreed extensions are refused beyond it, which also keeps
/// the clocks' arithmetic far from `i64` overflow.
pub const MAX_SECONDS: i64 = crate::calendar::MAX_INSTANT - crate::calendar::MIN_INSTANT;

/// A validated regulation with its calendars compiled: what the ticket
/// engine and the clocks run on. Cheap to clone.
///
/// # Example
/// ```
/// use reglament::Regulation;
/// let reg = Regulation::default();
/// assert_eq!(reg.calendar().timezone().name(), "Europe/Kyiv");
/// assert!(reg.needs_approval("server_recovery"));
/// assert!(!reg.needs_approval("consultation"));
/// ```
#[derive(Debug, Clone)]
pub struct Regulation {
    spec: RegulationSpec,
    calendar: Calendar,
    registration_calendar: Option<Calendar>,
    /// The named calendars (DESIGN §7), compiled, in name order.
    named: Vec<(String, Calendar)>,
    fingerprint: std::sync::Arc<str>,
}

impl Default for Regulation {
    /// The seed's regulation (see [`RegulationSpec::default`]).
    fn default() -> Regulation {
        let spec = RegulationSpec::default();
        Regulation {
            fingerprint: complete::fingerprint_of(&spec).into(),
            spec,
            calendar: Calendar::default_kyiv(),
            registration_calendar: None,
            named: Vec::new(),
        }
    }
}

impl PartialEq for Regulation {
    fn eq(&self, other: &Regulation) -> bool {
        self.spec == other.spec
    }
}

impl Serialize for Regulation {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.spec.serialize(s)
    }
}

impl Regulation {
    /// Validates a spec and compiles its calendars.
    ///
    /// # Example
    /// ```
    /// use reglament::regulation::{Regulation, RegulationSpec};
    /// let mut spec = RegulationSpec::default();
    /// spec.warning_thresholds = vec![90.into(), 75.into()];
    /// assert_eq!(Regulation::from_spec(spec).unwrap_err().field(), Some("warning_thresholds[1]"));
    /// ```
    pub fn from_spec(spec: RegulationSpec) -> Result<Regulation> {
        spec.validate()?;
        let calendar = Calendar::from_spec(&spec.calendar).map_err(|e| e.within("calendar"))?;
        let registration_calendar = match &spec.registration_calendar {
            None => None,
            Some(c) => Some(Calendar::from_spec(c).map_err(|e| e.within("registration_calendar"))?),
        };
        let mut named = Vec::with_capacity(spec.calendars.len());
        for (name, c) in &spec.calendars {
            let path = crate::fields::join("calendars", name);
            named.push((
                name.clone(),
                Calendar::from_spec(c).map_err(|e| e.within(&path))?,
            ));
        }
        Ok(Regulation {
            fingerprint: complete::fingerprint_of(&spec).into(),
            spec,
            calendar,
            registration_calendar,
            named,
        })
    }

    /// Parses a JSON value, validates it and compiles its calendars.
    ///
    /// # Example
    /// ```
    /// use reglament::Regulation;
    /// let v = serde_json::json!({"contract": {}});
    /// let err = Regulation::from_value(&v).unwrap_err();
    /// assert_eq!((err.code(), err.field()), ("missing_field", Some("contract.number")));
    /// ```
    pub fn from_value(value: &Value) -> Result<Regulation> {
        Regulation::from_spec(RegulationSpec::from_value(value)?)
    }

    /// Parses a regulation file.
    ///
    /// # Example
    /// ```
    /// use reglament::Regulation;
    /// let err = Regulation::from_json("{not json").unwrap_err();
    /// assert_eq!(err.code(), "invalid_json");
    /// ```
    pub fn from_json(json: &str) -> Result<Regulation> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            Error::new(
                ErrorKind::InvalidJson,
                format!("the regulation is not valid JSON: {e}"),
            )
        })?;
        Regulation::from_value(&value)
    }

    /// The regulation's fingerprint (DESIGN §5): `sha256:` + the hex SHA-256
    /// of the RFC 8785 canonical JSON of its complete form
    /// ([`record::complete`](crate::record::complete)). Same meaning, same
    /// fingerprint; any change of meaning changes it.
    ///
    /// # Example
    /// ```
    /// use reglament::Regulation;
    /// let reg = Regulation::default();
    /// assert!(reg.fingerprint().starts_with("sha256:") && reg.fingerprint().len() == 71);
    /// let spaced = serde_json::to_string_pretty(&reg).unwrap();
    /// assert_eq!(Regulation::from_json(&spaced).unwrap().fingerprint(), reg.fingerprint());
    /// let other = Regulation::with_overrides(&serde_json::json!({"archive_after": {"amount": 9}})).unwrap();
    /// assert_ne!(other.fingerprint(), reg.fingerprint());
    /// ```
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    pub(crate) fn fingerprint_arc(&self) -> std::sync::Arc<str> {
        self.fingerprint.clone()
    }

    /// The complete regulation (every default filled in, every set in one
    /// order): the document the fingerprint is taken of, as a JSON value.
    ///
    /// # Example
    /// ```
    /// let v = reglament::Regulation::default().complete_value();
    /// assert!(v["registration_calendar"].is_object());
    /// ```
    pub fn complete_value(&self) -> Value {
        serde_json::to_value(complete(&self.spec)).unwrap_or(Value::Null)
    }

    /// The complete regulation as a regulation file, keys in the file's order.
    ///
    /// # Example
    /// ```
    /// let reg = reglament::Regulation::default();
    /// let back = reglament::Regulation::from_json(&reg.to_complete_json()).unwrap();
    /// assert_eq!(back.fingerprint(), reg.fingerprint());
    /// ```
    pub fn to_complete_json(&self) -> String {
        write::write(&complete(&self.spec))
    }

    /// The default regulation with a partial document laid over it: objects
    /// merge key by key, any other value (lists included) replaces.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::DayUnit, Regulation};
    /// let over = serde_json::json!({"archive_after": {"unit": "working_days"}});
    /// let reg = Regulation::with_overrides(&over).unwrap();
    /// assert_eq!(reg.spec().archive_after.unit, DayUnit::WorkingDays);
    /// assert_eq!(reg.spec().archive_after.amount, 10);
    /// ```
    pub fn with_overrides(over: &Value) -> Result<Regulation> {
        let mut base = serde_json::to_value(RegulationSpec::default())
            .map_err(|e| Error::new(ErrorKind::InvalidJson, e.to_string()))?;
        merge(&mut base, over);
        Regulation::from_value(&base)
    }

    /// The regulation file.
    ///
    /// # Example
    /// ```
    /// assert_eq!(reglament::Regulation::default().spec().archive_after.amount, 10);
    /// ```
    pub fn spec(&self) -> &RegulationSpec {
        &self.spec
    }

    /// The working-time calendar of support.
    ///
    /// # Example
    /// ```
    /// assert_eq!(reglament::Regulation::default().calendar().timezone().name(), "Europe/Kyiv");
    /// ```
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The calendar of phone and messenger registration (clause 3.3): its
    /// own when the file gives one, the working-time calendar otherwise.
    ///
    /// # Example
    /// ```
    /// let reg = reglament::Regulation::default();
    /// assert_eq!(reg.registration_calendar().spec(), reg.calendar().spec());
    /// ```
    pub fn registration_calendar(&self) -> &Calendar {
        self.registration_calendar
            .as_ref()
            .unwrap_or(&self.calendar)
    }

    /// The named calendar `name` of `calendars` (DESIGN §7).
    ///
    /// # Example
    /// ```
    /// let over = serde_json::json!({"calendars": {"round_the_clock": {"timezone": "Europe/Kyiv",
    ///     "week": {"mon": [["00:00", "24:00"]], "tue": [["00:00", "24:00"]], "wed": [["00:00", "24:00"]],
    ///              "thu": [["00:00", "24:00"]], "fri": [["00:00", "24:00"]], "sat": [["00:00", "24:00"]],
    ///              "sun": [["00:00", "24:00"]]}}}});
    /// let reg = reglament::Regulation::with_overrides(&over).unwrap();
    /// assert!(reg.named_calendar("round_the_clock").is_some());
    /// assert!(reg.named_calendar("office").is_none());
    /// ```
    pub fn named_calendar(&self, name: &str) -> Option<&Calendar> {
        self.named
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()
            .and_then(|i| self.named.get(i))
            .map(|(_, c)| c)
    }

    /// The calendar the clocks of a (category, priority) row count on: the
    /// named one the row gives, else [`Regulation::calendar`].
    ///
    /// # Example
    /// ```
    /// use reglament::model::{Category, Priority};
    /// let reg = reglament::Regulation::default();
    /// assert_eq!(reg.sla_calendar(Category::Incident, Priority::Critical).spec(), reg.calendar().spec());
    /// ```
    pub fn sla_calendar(&self, category: Category, priority: Priority) -> &Calendar {
        self.calendar_by_index(self.calendar_index(category, priority))
    }

    /// The calendar of a row as an index: 0 for [`Regulation::calendar`],
    /// `1 + i` for the `i`-th named calendar in name order.
    pub(crate) fn calendar_index(&self, category: Category, priority: Priority) -> usize {
        if self.named.is_empty() {
            return 0;
        }
        match &self.sla_target(category, priority).calendar {
            None => 0,
            Some(name) => self
                .named
                .binary_search_by(|(n, _)| n.as_str().cmp(name))
                .map_or(0, |i| i + 1),
        }
    }

    /// The calendar of an index of [`Regulation::calendar_index`].
    pub(crate) fn calendar_by_index(&self, i: usize) -> &Calendar {
        match i.checked_sub(1).and_then(|i| self.named.get(i)) {
            Some((_, c)) => c,
            None => &self.calendar,
        }
    }

    /// The name of the calendar of an index (`None`: the regulation's own).
    pub(crate) fn calendar_name(&self, i: usize) -> Option<&str> {
        i.checked_sub(1)
            .and_then(|i| self.named.get(i))
            .map(|(n, _)| n.as_str())
    }

    /// The SLA targets of a pair (a validated table has every pair).
    ///
    /// # Example
    /// ```
    /// use reglament::model::{Category, Priority};
    /// let t = reglament::Regulation::default().sla_target(Category::Incident, Priority::Low).clone();
    /// assert_eq!(t.update_interval, None);
    /// ```
    pub fn sla_target(&self, category: Category, priority: Priority) -> &SlaTarget {
        match self.spec.sla.get(category, priority) {
            Some(t) => t,
            // validate() guarantees every pair; keep a total function anyway
            None => &UNREACHABLE_TARGET,
        }
    }

    /// The action of clause 4 with this name.
    ///
    /// # Example
    /// ```
    /// let reg = reglament::Regulation::default();
    /// assert!(reg.action("master_data").is_some() && reg.action("teleport").is_none());
    /// ```
    pub fn action(&self, name: &str) -> Option<&ActionSpec> {
        self.spec.actions.iter().find(|a| a.name == name)
    }

    /// Whether the action or event kind `name` needs Customer Service's
    /// written approval first (clauses 3.4, 3.5.1).
    ///
    /// # Example
    /// ```
    /// let reg = reglament::Regulation::default();
    /// assert!(reg.needs_approval("master_data") && !reg.needs_approval("remote_access"));
    /// ```
    pub fn needs_approval(&self, name: &str) -> bool {
        self.spec.approval_required_for.iter().any(|n| n == name)
    }

    /// The file as JSON laid out for people: keys in the documented order,
    /// short lists on one line, one SLA target or action per line.
    ///
    /// # Example
    /// ```
    /// let json = reglament::Regulation::default().to_json();
    /// assert!(json.contains(r#""mon": [["09:00", "18:00"]]"#));
    /// assert!(json.find("\"contract\"").unwrap() < json.find("\"calendar\"").unwrap());
    /// ```
    pub fn to_json(&self) -> String {
        write::write(&self.spec)
    }
}
