//! Reading a regulation file: JSON to [`RegulationSpec`], each key's type
//! and range checked where it is read, naming its path.

use serde_json::Value;

use super::*;
use crate::calendar::CalendarSpec;
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{self, Fields};

impl<'de> serde::Deserialize<'de> for RegulationSpec {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<RegulationSpec, D::Error> {
        let value = Value::deserialize(d)?;
        RegulationSpec::from_value(&value).map_err(<D::Error as serde::de::Error>::custom)
    }
}

fn positive_seconds(f: &mut Fields, key: &'static str, what: &str) -> Result<i64> {
    let v: i64 = f.req(key, what)?;
    if v <= 0 {
        return Err(Error::invalid(
            f.path_of(key),
            format!("{key} must be a positive number of working seconds, found {v}"),
        ));
    }
    Ok(v)
}

fn parse_day_count(v: &Value, path: &str) -> Result<DayCount> {
    let mut f = Fields::new(v, path, "a day count")?;
    let amount: u32 = f.req("amount", "how many days")?;
    if !(1..=3650).contains(&amount) {
        return Err(Error::invalid(
            f.path_of("amount"),
            format!("expected 1 to 3650 days, found {amount}"),
        ));
    }
    let unit = f.req("unit", "\"calendar_days\" or \"working_days\"")?;
    f.finish()?;
    Ok(DayCount { amount, unit })
}

fn parse_pause_set(v: &Value, path: &str) -> Result<PauseSet> {
    let mut f = Fields::new(v, path, "a pause set")?;
    let approval_pending = f.req(
        "approval_pending",
        "whether a pending approval stops this clock",
    )?;
    let awaiting_user = f.req(
        "awaiting_user",
        "whether waiting for the user stops this clock",
    )?;
    f.finish()?;
    Ok(PauseSet {
        approval_pending,
        awaiting_user,
    })
}

fn parse_calendar(v: &Value, path: &str) -> Result<CalendarSpec> {
    CalendarSpec::from_value(v).map_err(|e| e.within(path))
}
impl RegulationSpec {
    /// Parses and validates a regulation file: a complete one, or a
    /// partial one that names `"extends": "default"` and gives only what
    /// differs (objects merge key by key; lists and other values replace).
    ///
    /// ```
    /// use reglament::regulation::RegulationSpec;
    /// let v = serde_json::json!({"extends": "default", "archive_after": {"amount": 5}});
    /// let spec = RegulationSpec::from_value(&v).unwrap();
    /// assert_eq!((spec.archive_after.amount, spec.warning_thresholds.clone()), (5, vec![75, 90]));
    /// let bad = serde_json::json!({"extends": "mine"});
    /// assert_eq!(RegulationSpec::from_value(&bad).unwrap_err().field(), Some("extends"));
    /// ```
    ///
    /// # Example
    /// ```
    /// use reglament::regulation::RegulationSpec;
    /// let mut v = serde_json::to_value(RegulationSpec::default()).unwrap();
    /// v["sla"]["targets"][3]["priority"] = "urgent".into();
    /// let err = RegulationSpec::from_value(&v).unwrap_err();
    /// assert_eq!(err.field(), Some("sla.targets[3].priority"));
    /// assert!(err.message().contains("urgent"));
    /// ```
    pub fn from_value(value: &Value) -> Result<RegulationSpec> {
        // A partial file: `{"extends": "default", ...}` laid over the
        // embedded default (objects key by key, anything else, lists
        // included, replaces), then read as a complete file.
        if let Some(base) = value.get("extends") {
            if base != "default" {
                return Err(Error::invalid(
                    "extends",
                    format!(
                        "{}: a regulation extends only \"default\" (the embedded one, `reglament init`)",
                        crate::error::cap(base.to_string())
                    ),
                ));
            }
            let mut complete = serde_json::to_value(RegulationSpec::default())
                .map_err(|e| Error::new(ErrorKind::InvalidJson, e.to_string()))?;
            let mut over = value.clone();
            if let Value::Object(m) = &mut over {
                m.remove("extends");
            }
            merge(&mut complete, &over);
            return RegulationSpec::from_value(&complete);
        }
        let mut f = Fields::new(value, "", "a regulation")?;

        let label = |f: &mut Fields, key: &'static str| -> Result<Option<String>> {
            match f.opt::<Option<String>>(key)?.flatten() {
                Some(t) if t.trim().is_empty() => Err(Error::invalid(
                    key,
                    format!("\"{key}\" is blank: give a non-empty string, or null"),
                )),
                other => Ok(other),
            }
        };
        let id = label(&mut f, "id")?;
        let version = label(&mut f, "version")?;
        let effective_from = match f.opt::<Option<String>>("effective_from")?.flatten() {
            None => None,
            Some(t) => Some(crate::instant::parse_date(&t).ok_or_else(|| {
                Error::invalid(
                    "effective_from",
                    format!("invalid date {t:?}: expected a local date \"YYYY-MM-DD\""),
                )
            })?),
        };

        let c = f.need("contract", "the contract's number, date, parties and names")?;
        let mut cf = Fields::new(c, "contract", "the contract")?;
        let s = |cf: &mut Fields, key: &'static str| -> Result<String> { cf.req(key, "a string") };
        let number = s(&mut cf, "number")?;
        let date_text = s(&mut cf, "date")?;
        // exactly "DDDD-DD-DD": chrono's "%Y-%m-%d" also takes "2021-5-1" and "-021-05-01"
        let date = crate::instant::parse_date(&date_text).ok_or_else(|| {
            Error::invalid(
                "contract.date",
                format!("invalid date {date_text:?}: expected \"YYYY-MM-DD\""),
            )
        })?;
        let contract = Contract {
            number,
            date,
            customer: s(&mut cf, "customer")?,
            contractor: s(&mut cf, "contractor")?,
            system_name: s(&mut cf, "system_name")?,
            software_name: s(&mut cf, "software_name")?,
            business_process_name: s(&mut cf, "business_process_name")?,
        };
        cf.finish()?;

        let calendar =
            parse_calendar(f.need("calendar", "the working-time calendar")?, "calendar")?;
        let registration_calendar = match f.get("registration_calendar") {
            None => None,
            Some(v) => Some(parse_calendar(v, "registration_calendar")?),
        };
        if !f.has("registration_calendar") {
            return Err(Error::new(
                ErrorKind::MissingField,
                "the key \"registration_calendar\" is required: null, or a calendar for phone and messenger registration",
            )
            .at("registration_calendar"));
        }

        let sla_v = f.need("sla", "the SLA table")?;
        let mut sf = Fields::new(sla_v, "sla", "the SLA table")?;
        let example = sf.req("example", "true when the table is an example")?;
        let note = sf.opt::<String>("note")?.unwrap_or_default();
        let list = sf.need("targets", "one entry per (category, priority)")?;
        let items = list.as_array().ok_or_else(|| {
            Error::invalid(
                "sla.targets",
                format!("expected a list, found {}", fields::kind_of(list)),
            )
        })?;
        let mut targets = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = fields::index("sla.targets", i);
            let mut tf = Fields::new(item, &path, "an SLA target")?;
            let category = tf.req("category", "the request category")?;
            let priority = tf.req("priority", "the request priority")?;
            let response =
                positive_seconds(&mut tf, "response", "working seconds to the first reaction")?;
            let resolution = positive_seconds(&mut tf, "resolution", "working seconds to Release")?;
            let update_interval = match tf.get("update_interval") {
                None => None,
                Some(_) => Some(positive_seconds(
                    &mut tf,
                    "update_interval",
                    "working seconds between updates",
                )?),
            };
            tf.finish()?;
            targets.push(SlaTarget {
                category,
                priority,
                response,
                resolution,
                update_interval,
            });
        }
        sf.finish()?;
        let sla = SlaTable {
            example,
            note,
            targets,
        };

        let p = f.need("pauses", "the pause matrix")?;
        let mut pf = Fields::new(p, "pauses", "the pause matrix")?;
        let pauses = PauseMatrix {
            response: parse_pause_set(
                pf.need("response", "pauses of the response clock")?,
                "pauses.response",
            )?,
            resolution: parse_pause_set(
                pf.need("resolution", "pauses of the resolution clock")?,
                "pauses.resolution",
            )?,
            update_interval: parse_pause_set(
                pf.need("update_interval", "pauses of the update-interval clock")?,
                "pauses.update_interval",
            )?,
        };
        pf.finish()?;

        let priority_change = f.req(
            "priority_change",
            "what a priority change does to the clocks",
        )?;

        let a = f.need("actions", "the action kinds of clause 4")?;
        let a_items = a.as_array().ok_or_else(|| {
            Error::invalid(
                "actions",
                format!("expected a list, found {}", fields::kind_of(a)),
            )
        })?;
        let mut actions = Vec::with_capacity(a_items.len());
        for (i, item) in a_items.iter().enumerate() {
            let path = fields::index("actions", i);
            let mut af = Fields::new(item, &path, "an action")?;
            let name = af.req("name", "the action's snake_case name")?;
            let service = af.req(
                "service",
                "\"consultation\", \"recovery\" or \"administration\"",
            )?;
            af.finish()?;
            actions.push(ActionSpec { name, service });
        }

        let approval_required_for = f.req(
            "approval_required_for",
            "the actions that need written approval",
        )?;
        let archive_after = parse_day_count(
            f.need("archive_after", "the archive delay")?,
            "archive_after",
        )?;
        let contact_change_notice = parse_day_count(
            f.need("contact_change_notice", "the notice period")?,
            "contact_change_notice",
        )?;
        let warning_thresholds = f.req(
            "warning_thresholds",
            "percentages of the target, e.g. [75, 90]",
        )?;
        f.finish()?;

        let spec = RegulationSpec {
            id,
            version,
            effective_from,
            contract,
            calendar,
            registration_calendar,
            sla,
            pauses,
            priority_change,
            actions,
            approval_required_for,
            archive_after,
            contact_change_notice,
            warning_thresholds,
        };
        spec.validate()?;
        Ok(spec)
    }
}

/// Overlays `over` onto `base`: objects merge key by key, anything else replaces.
pub(super) fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (slot, v) => *slot = v.clone(),
    }
}
