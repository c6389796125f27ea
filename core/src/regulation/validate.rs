//! The rules that span keys of a regulation file.

use super::{RegulationSpec, MAX_SECONDS};
use crate::error::{Error, ErrorKind, Result};
use crate::fields;
use crate::model::{Category, EventKind, Priority};

impl RegulationSpec {
    /// The rules that span fields: each SLA pair exactly once, resolution not
    /// shorter than response, action names well formed and unique, approvals
    /// naming known actions or event kinds, thresholds increasing in 1..=99.
    ///
    /// # Example
    /// ```
    /// use reglament::regulation::RegulationSpec;
    /// let mut spec = RegulationSpec::default();
    /// spec.sla.targets.pop();
    /// let err = spec.validate().unwrap_err();
    /// assert_eq!(err.code(), "missing_field");
    /// assert!(err.message().contains("documentation_request"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        for (i, t) in self.sla.targets.iter().enumerate() {
            let path = fields::index("sla.targets", i);
            if let Some(j) = self
                .sla
                .targets
                .iter()
                .take(i)
                .position(|o| o.category == t.category && o.priority == t.priority)
            {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "({}, {}) is listed twice: also at sla.targets[{j}]",
                        t.category, t.priority
                    ),
                )
                .at(path));
            }
            for (key, v) in [
                ("response", Some(t.response)),
                ("resolution", Some(t.resolution)),
                ("update_interval", t.update_interval),
            ] {
                if let Some(v) = v {
                    if v <= 0 {
                        return Err(Error::invalid(
                            fields::join(&path, key),
                            format!(
                                "{key} must be a positive number of working seconds, found {v}"
                            ),
                        ));
                    }
                    if v > MAX_SECONDS {
                        return Err(Error::out_of_range(format!(
                            "{key} of {v} working seconds is longer than the supported range ({MAX_SECONDS} seconds)"
                        ))
                        .at(fields::join(&path, key)));
                    }
                }
            }
            if t.resolution < t.response {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "resolution ({} s) is shorter than response ({} s)",
                        t.resolution, t.response
                    ),
                )
                .at(fields::join(&path, "resolution")));
            }
        }
        for c in Category::ALL {
            for p in Priority::ALL {
                if self.sla.get(*c, *p).is_none() {
                    return Err(Error::new(
                        ErrorKind::MissingField,
                        format!("the SLA table has no entry for category {c} and priority {p}"),
                    )
                    .at("sla.targets"));
                }
            }
        }
        for (i, a) in self.actions.iter().enumerate() {
            let path = fields::join(&fields::index("actions", i), "name");
            let well_formed = !a.name.is_empty()
                && a.name.len() <= 64
                && a.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !well_formed {
                return Err(Error::invalid(
                    path,
                    format!(
                        "invalid action name {:?}: expected snake_case letters, digits and '_'",
                        a.name
                    ),
                ));
            }
            if EventKind::from_code(&a.name).is_some() {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!(
                        "action name {:?} is the name of an event kind; choose another",
                        a.name
                    ),
                )
                .at(path));
            }
            if self.actions.iter().take(i).any(|o| o.name == a.name) {
                return Err(Error::new(
                    ErrorKind::Conflict,
                    format!("action {:?} is listed twice", a.name),
                )
                .at(path));
            }
        }
        for (i, name) in self.approval_required_for.iter().enumerate() {
            let path = fields::index("approval_required_for", i);
            let is_action = self.actions.iter().any(|a| &a.name == name);
            let is_event = EventKind::from_code(name).is_some_and(EventKind::gateable);
            if !is_action && !is_event {
                let gateable: Vec<&str> = EventKind::ALL
                    .iter()
                    .filter(|k| k.gateable())
                    .map(|k| k.code())
                    .collect();
                return Err(Error::invalid(
                    path,
                    format!(
                        "{name:?} is neither an action of \"actions\" nor an event kind that can be gated ({})",
                        gateable.join(", ")
                    ),
                ));
            }
            if self.approval_required_for.iter().take(i).any(|n| n == name) {
                return Err(
                    Error::new(ErrorKind::Conflict, format!("{name:?} is listed twice")).at(path),
                );
            }
        }
        let mut last = 0u8;
        for (i, &p) in self.warning_thresholds.iter().enumerate() {
            if !(1..=99).contains(&p) || p <= last {
                return Err(Error::invalid(
                    fields::index("warning_thresholds", i),
                    format!("threshold {p}: expected percentages from 1 to 99 in increasing order"),
                ));
            }
            last = p;
        }
        Ok(())
    }
}
