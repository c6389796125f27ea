//! The rules that span keys of a regulation file.

use std::collections::{HashMap, HashSet};

use super::{RegulationSpec, MAX_SECONDS};
use crate::error::{Error, ErrorKind, Result};
use crate::fields;
use crate::model::{Category, EventKind, PauseReason, Priority};

impl RegulationSpec {
    /// The rules that span fields: each SLA pair exactly once, resolution not
    /// shorter than response, action names well formed and unique, approvals
    /// naming known actions or event kinds, SLA rows naming declared
    /// calendars, declared pause reasons well formed and unique, thresholds
    /// strictly increasing in 1..=1000.
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
        match self.problems().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Every rule of [`validate`](RegulationSpec::validate) that does not
    /// hold, in the file's order (empty when the spec is valid).
    ///
    /// # Example
    /// ```
    /// use reglament::regulation::RegulationSpec;
    /// let mut spec = RegulationSpec::default();
    /// spec.warning_thresholds = vec![90.into(), 75.into()];
    /// spec.actions[1].name = "Bad Name".into();
    /// let fields: Vec<_> = spec.problems().iter().map(|e| e.field().unwrap().to_string()).collect();
    /// assert_eq!(fields, ["actions[1].name", "warning_thresholds[1]"]);
    /// ```
    pub fn problems(&self) -> Vec<Error> {
        let mut found = Vec::new();
        self.sla_problems(&mut found);
        self.action_problems(&mut found);
        self.approval_problems(&mut found);
        self.calendar_problems(&mut found);
        self.pause_reason_problems(&mut found);
        self.threshold_problems(&mut found);
        found
    }

    /// Each pair once and every pair present; targets positive, within
    /// range, resolution not shorter than response.
    fn sla_problems(&self, found: &mut Vec<Error>) {
        let mut first: HashMap<(Category, Priority), usize> = HashMap::new();
        for (i, t) in self.sla.targets.iter().enumerate() {
            let path = fields::index("sla.targets", i);
            if let Some(j) = first.get(&(t.category, t.priority)) {
                found.push(
                    Error::new(
                        ErrorKind::Conflict,
                        format!(
                            "({}, {}) is listed twice: also at sla.targets[{j}]",
                            t.category, t.priority
                        ),
                    )
                    .at(path.clone()),
                );
            } else {
                first.insert((t.category, t.priority), i);
            }
            for (key, v) in [
                ("response", Some(t.response)),
                ("resolution", Some(t.resolution)),
                ("update_interval", t.update_interval),
            ] {
                match v {
                    Some(v) if v <= 0 => found.push(Error::invalid(
                        fields::join(&path, key),
                        format!("{key} must be a positive number of working seconds, found {v}"),
                    )),
                    Some(v) if v > MAX_SECONDS => found.push(
                        Error::out_of_range(format!(
                            "{key} of {v} working seconds is longer than the supported range ({MAX_SECONDS} seconds)"
                        ))
                        .at(fields::join(&path, key)),
                    ),
                    _ => {}
                }
            }
            if t.resolution < t.response {
                found.push(
                    Error::new(
                        ErrorKind::Conflict,
                        format!(
                            "resolution ({} s) is shorter than response ({} s)",
                            t.resolution, t.response
                        ),
                    )
                    .at(fields::join(&path, "resolution")),
                );
            }
        }
        for c in Category::ALL {
            for p in Priority::ALL {
                if !first.contains_key(&(*c, *p)) {
                    found.push(
                        Error::new(
                            ErrorKind::MissingField,
                            format!("the SLA table has no entry for category {c} and priority {p}"),
                        )
                        .at("sla.targets"),
                    );
                }
            }
        }
    }

    /// Action names well formed, not an event kind's, each once.
    fn action_problems(&self, found: &mut Vec<Error>) {
        let mut seen = HashSet::new();
        for (i, a) in self.actions.iter().enumerate() {
            let path = fields::join(&fields::index("actions", i), "name");
            let well_formed = !a.name.is_empty()
                && a.name.len() <= 64
                && a.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !well_formed {
                found.push(Error::invalid(
                    path,
                    format!(
                        "invalid action name {:?}: expected snake_case letters, digits and '_'",
                        crate::error::cap(a.name.clone())
                    ),
                ));
            } else if EventKind::from_code(&a.name).is_some() {
                found.push(
                    Error::new(
                        ErrorKind::Conflict,
                        format!(
                            "action name {:?} is the name of an event kind; choose another",
                            a.name
                        ),
                    )
                    .at(path),
                );
            } else if !seen.insert(a.name.as_str()) {
                found.push(
                    Error::new(
                        ErrorKind::Conflict,
                        format!("action {:?} is listed twice", a.name),
                    )
                    .at(path),
                );
            }
        }
    }

    /// Approvals name a known action or a gateable event kind, each once.
    fn approval_problems(&self, found: &mut Vec<Error>) {
        let actions: HashSet<&str> = self.actions.iter().map(|a| a.name.as_str()).collect();
        let mut seen = HashSet::new();
        for (i, name) in self.approval_required_for.iter().enumerate() {
            let path = fields::index("approval_required_for", i);
            let is_action = actions.contains(name.as_str());
            let is_event = EventKind::from_code(name).is_some_and(EventKind::gateable);
            if !is_action && !is_event {
                let gateable: Vec<&str> = EventKind::ALL
                    .iter()
                    .filter(|k| k.gateable())
                    .map(|k| k.code())
                    .collect();
                found.push(Error::invalid(
                    path,
                    format!(
                        "{:?} is neither an action of \"actions\" nor an event kind that can be gated ({})",
                        crate::error::cap(name.clone()),
                        gateable.join(", ")
                    ),
                ));
            } else if !seen.insert(name.as_str()) {
                found.push(
                    Error::new(ErrorKind::Conflict, format!("{name:?} is listed twice")).at(path),
                );
            }
        }
    }

    /// Thresholds strictly increasing within 1..=1000; names not blank.
    fn threshold_problems(&self, found: &mut Vec<Error>) {
        let mut last = 0u16;
        for (i, t) in self.warning_thresholds.iter().enumerate() {
            let p = t.percent;
            let path = fields::index("warning_thresholds", i);
            if !(1..=1000).contains(&p) || p <= last {
                found.push(Error::invalid(
                    path,
                    format!("threshold {p}: expected percentages from 1 to 1000 in strictly increasing order"),
                ));
            } else if t.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
                found.push(Error::invalid(
                    fields::join(&path, "name"),
                    format!("threshold {p}: its name is blank; give a name or leave it out"),
                ));
            }
            last = last.max(p);
        }
    }

    /// Each SLA row's `calendar` names one of `calendars`.
    fn calendar_problems(&self, found: &mut Vec<Error>) {
        for (i, t) in self.sla.targets.iter().enumerate() {
            let Some(name) = &t.calendar else { continue };
            if !self.calendars.contains_key(name) {
                let known: Vec<&str> = self.calendars.keys().map(String::as_str).collect();
                let known = if known.is_empty() {
                    "the regulation names none (\"calendars\" is empty)".to_string()
                } else {
                    format!("the named calendars are {}", known.join(", "))
                };
                found.push(Error::invalid(
                    fields::join(&fields::index("sla.targets", i), "calendar"),
                    format!(
                        "unknown calendar {:?} for ({}, {}): {known}",
                        crate::error::cap(name.clone()),
                        t.category,
                        t.priority
                    ),
                ));
            }
        }
    }

    /// Declared pause reasons: ids snake_case, unique, not a built-in
    /// reason's; names not blank; `pauses` non-empty, each metric once.
    fn pause_reason_problems(&self, found: &mut Vec<Error>) {
        let mut seen = HashSet::new();
        for (i, r) in self.pause_reasons.iter().enumerate() {
            let path = fields::index("pause_reasons", i);
            let id_path = fields::join(&path, "id");
            if !snake_case(&r.id) {
                found.push(Error::invalid(
                    id_path,
                    format!(
                        "invalid pause reason id {:?}: expected snake_case letters, digits and '_'",
                        crate::error::cap(r.id.clone())
                    ),
                ));
            } else if PauseReason::from_code(&r.id).is_some() {
                found.push(
                    Error::new(
                        ErrorKind::Conflict,
                        format!(
                            "pause reason {:?} is built in (its own events and the pause matrix); choose another id",
                            r.id
                        ),
                    )
                    .at(id_path),
                );
            } else if !seen.insert(r.id.as_str()) {
                found.push(
                    Error::new(
                        ErrorKind::Conflict,
                        format!("pause reason {:?} is declared twice", r.id),
                    )
                    .at(id_path),
                );
            }
            for (key, name) in [("uk", &r.uk), ("en", &r.en)] {
                if name.trim().is_empty() {
                    found.push(Error::invalid(
                        fields::join(&path, key),
                        format!("pause reason {:?}: its {key} name is blank", r.id),
                    ));
                }
            }
            let pauses = fields::join(&path, "pauses");
            if r.pauses.is_empty() {
                found.push(Error::invalid(
                    pauses.clone(),
                    format!(
                        "pause reason {:?} stops no clock: list the metrics it pauses",
                        r.id
                    ),
                ));
            }
            for (j, m) in r.pauses.iter().enumerate() {
                if r.pauses.get(..j).is_some_and(|before| before.contains(m)) {
                    found.push(
                        Error::new(ErrorKind::Conflict, format!("{m} is listed twice"))
                            .at(fields::index(&pauses, j)),
                    );
                }
            }
        }
    }
}

/// `snake_case`: 1 to 64 lowercase ASCII letters, digits and `_`.
fn snake_case(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
