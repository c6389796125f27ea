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
    /// assert_eq!((spec.archive_after.amount, spec.warning_thresholds.len()), (5, 2));
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
        let mut found = Problems::default();
        let spec = read(value, &mut found);
        match (found.0.into_iter().next(), spec) {
            (Some(e), _) => Err(e),
            (None, Some(spec)) => Ok(spec),
            // `read` gives up only after recording why
            (None, None) => Err(Error::new(ErrorKind::InvalidJson, "not a regulation file")),
        }
    }

    /// Every error of a regulation file, in the file's order: each key,
    /// SLA row, action and day count is read even after an earlier one
    /// failed, and the rules that span keys are checked when every key
    /// they need was read. Empty when the file is valid. A calendar reports
    /// its first error.
    ///
    /// # Example
    /// ```
    /// use reglament::regulation::RegulationSpec;
    /// let v = serde_json::json!({"extends": "default",
    ///     "archive_after": {"amount": 0},
    ///     "warning_thresholds": [90, 75],
    ///     "priority_change": "sometimes"});
    /// // the thresholds are checked against each other once every key was read
    /// let fields: Vec<String> = RegulationSpec::problems_of(&v)
    ///     .iter().map(|e| e.field().unwrap().to_string()).collect();
    /// assert_eq!(fields, ["priority_change", "archive_after.amount"]);
    /// ```
    pub fn problems_of(value: &Value) -> Vec<Error> {
        let mut found = Problems::default();
        read(value, &mut found);
        found.0
    }
}

/// The errors met while reading one file, in the order met.
#[derive(Default)]
struct Problems(Vec<Error>);

impl Problems {
    /// The value, or `None` with its error kept.
    fn keep<T>(&mut self, r: Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }
}

/// A regulation file, every error kept in `found`; `Some` only when every
/// key was read (the spec may still break a rule that spans keys: those
/// errors are in `found` too).
fn read(value: &Value, found: &mut Problems) -> Option<RegulationSpec> {
    if let Some(base) = value.get("extends") {
        let complete = found.keep(extended(base, value))?;
        return read(&complete, found);
    }
    let mut f = found.keep(Fields::new(value, "", "a regulation"))?;
    let id = found.keep(label(&mut f, "id"));
    let version = found.keep(label(&mut f, "version"));
    let effective_from = found.keep(effective_from(&mut f));
    let contract = found
        .keep(f.need("contract", "the contract's number, date, parties and names"))
        .and_then(|c| found.keep(contract(c)));
    let calendar = found
        .keep(f.need("calendar", "the working-time calendar"))
        .and_then(|v| found.keep(parse_calendar(v, "calendar")));
    let registration_calendar = found.keep(registration_calendar(&mut f));
    let calendars = match f.get("calendars") {
        None => Some(Default::default()),
        Some(v) => calendars(v, found),
    };
    let sla = found
        .keep(f.need("sla", "the SLA table"))
        .and_then(|v| sla(v, found));
    let pauses = found
        .keep(f.need("pauses", "the pause matrix"))
        .and_then(|v| found.keep(pauses(v)));
    let pause_reasons = match f.get("pause_reasons") {
        None => Some(Vec::new()),
        Some(v) => each(v, "pause_reasons", found, pause_reason),
    };
    let priority_change = found.keep(f.req(
        "priority_change",
        "what a priority change does to the clocks",
    ));
    let actions = found
        .keep(f.need("actions", "the action kinds of clause 4"))
        .and_then(|v| actions(v, found));
    let approval_required_for = found.keep(f.req(
        "approval_required_for",
        "the actions that need written approval",
    ));
    let archive_after = found
        .keep(f.need("archive_after", "the archive delay"))
        .and_then(|v| found.keep(parse_day_count(v, "archive_after")));
    let contact_change_notice = found
        .keep(f.need("contact_change_notice", "the notice period"))
        .and_then(|v| found.keep(parse_day_count(v, "contact_change_notice")));
    let warning_thresholds = found
        .keep(f.need(
            "warning_thresholds",
            "percentages of the target, e.g. [75, 90]",
        ))
        .and_then(|v| each(v, "warning_thresholds", found, threshold));
    found.keep(f.finish());

    let spec = RegulationSpec {
        id: id?,
        version: version?,
        effective_from: effective_from?,
        contract: contract?,
        calendar: calendar?,
        registration_calendar: registration_calendar?,
        calendars: calendars?,
        sla: sla?,
        pauses: pauses?,
        pause_reasons: pause_reasons?,
        priority_change: priority_change?,
        actions: actions?,
        approval_required_for: approval_required_for?,
        archive_after: archive_after?,
        contact_change_notice: contact_change_notice?,
        warning_thresholds: warning_thresholds?,
    };
    found.0.extend(spec.problems());
    Some(spec)
}

/// The complete file a partial one (`{"extends": "default", ...}`) means:
/// laid over the embedded default, objects key by key, anything else
/// (lists included) replacing.
fn extended(base: &Value, value: &Value) -> Result<Value> {
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
    Ok(complete)
}

/// An optional label (`id`, `version`): a non-blank string or null.
fn label(f: &mut Fields, key: &'static str) -> Result<Option<String>> {
    match f.opt::<Option<String>>(key)?.flatten() {
        Some(t) if t.trim().is_empty() => Err(Error::invalid(
            key,
            format!("\"{key}\" is blank: give a non-empty string, or null"),
        )),
        other => Ok(other),
    }
}

fn effective_from(f: &mut Fields) -> Result<Option<chrono::NaiveDate>> {
    match f.opt::<Option<String>>("effective_from")?.flatten() {
        None => Ok(None),
        Some(t) => crate::instant::parse_date(&t).map(Some).ok_or_else(|| {
            Error::invalid(
                "effective_from",
                format!("invalid date {t:?}: expected a local date \"YYYY-MM-DD\""),
            )
        }),
    }
}

fn contract(c: &Value) -> Result<Contract> {
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
    Ok(contract)
}

fn registration_calendar(f: &mut Fields) -> Result<Option<CalendarSpec>> {
    if !f.has("registration_calendar") {
        return Err(Error::new(
            ErrorKind::MissingField,
            "the key \"registration_calendar\" is required: null, or a calendar for phone and messenger registration",
        )
        .at("registration_calendar"));
    }
    match f.get("registration_calendar") {
        None => Ok(None),
        Some(v) => parse_calendar(v, "registration_calendar").map(Some),
    }
}

/// A list under `path`, or its error.
fn list<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>> {
    v.as_array().ok_or_else(|| {
        Error::invalid(
            path,
            format!("expected a list, found {}", fields::kind_of(v)),
        )
    })
}

fn sla(v: &Value, found: &mut Problems) -> Option<SlaTable> {
    let mut sf = found.keep(Fields::new(v, "sla", "the SLA table"))?;
    let example = found.keep(sf.req("example", "true when the table is an example"));
    let note = found
        .keep(sf.opt::<String>("note"))
        .map(Option::unwrap_or_default);
    let targets = found
        .keep(sf.need("targets", "one entry per (category, priority)"))
        .and_then(|list_v| found.keep(list(list_v, "sla.targets")))
        .and_then(|items| {
            let mut targets = Vec::with_capacity(items.len());
            let mut whole = true;
            for (i, item) in items.iter().enumerate() {
                match found.keep(sla_target(item, &fields::index("sla.targets", i))) {
                    Some(t) => targets.push(t),
                    None => whole = false,
                }
            }
            whole.then_some(targets)
        });
    found.keep(sf.finish());
    Some(SlaTable {
        example: example?,
        note: note?,
        targets: targets?,
    })
}

fn sla_target(item: &Value, path: &str) -> Result<SlaTarget> {
    let mut tf = Fields::new(item, path, "an SLA target")?;
    let category = tf.req("category", "the request category")?;
    let priority = tf.req("priority", "the request priority")?;
    let response = positive_seconds(&mut tf, "response", "working seconds to the first reaction")?;
    let resolution = positive_seconds(&mut tf, "resolution", "working seconds to Release")?;
    let update_interval = match tf.get("update_interval") {
        None => None,
        Some(_) => Some(positive_seconds(
            &mut tf,
            "update_interval",
            "working seconds between updates",
        )?),
    };
    let calendar = tf.opt::<String>("calendar")?;
    tf.finish()?;
    Ok(SlaTarget {
        category,
        priority,
        response,
        resolution,
        update_interval,
        calendar,
    })
}

fn pauses(p: &Value) -> Result<PauseMatrix> {
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
    Ok(pauses)
}

fn actions(v: &Value, found: &mut Problems) -> Option<Vec<ActionSpec>> {
    each(v, "actions", found, action)
}

/// The list at `path`, each item read by `read_item` (every item's error kept).
fn each<T>(
    v: &Value,
    path: &str,
    found: &mut Problems,
    read_item: fn(&Value, &str) -> Result<T>,
) -> Option<Vec<T>> {
    let items = found.keep(list(v, path))?;
    let mut out = Vec::with_capacity(items.len());
    let mut whole = true;
    for (i, item) in items.iter().enumerate() {
        match found.keep(read_item(item, &fields::index(path, i))) {
            Some(x) => out.push(x),
            None => whole = false,
        }
    }
    whole.then_some(out)
}

/// The named calendars (DESIGN §7): an object of calendars.
fn calendars(
    v: &Value,
    found: &mut Problems,
) -> Option<std::collections::BTreeMap<String, CalendarSpec>> {
    let Some(map) = v.as_object() else {
        found.keep::<()>(Err(Error::new(
            ErrorKind::InvalidJson,
            format!(
                "expected an object of named calendars, found {}",
                fields::kind_of(v)
            ),
        )
        .at("calendars")));
        return None;
    };
    let mut out = std::collections::BTreeMap::new();
    let mut whole = true;
    for (name, cal) in map {
        let path = fields::join("calendars", name);
        if name.trim().is_empty() {
            found.keep::<()>(Err(Error::invalid(
                path,
                "a calendar's name is blank: give it a name SLA rows can use",
            )));
            whole = false;
            continue;
        }
        match found.keep(parse_calendar(cal, &path)) {
            Some(c) => {
                out.insert(name.clone(), c);
            }
            None => whole = false,
        }
    }
    whole.then_some(out)
}

/// A declared pause reason (DESIGN §7).
fn pause_reason(item: &Value, path: &str) -> Result<PauseReasonSpec> {
    let mut pf = Fields::new(item, path, "a pause reason")?;
    let id = pf.req(
        "id",
        "the reason's snake_case code, e.g. \"awaiting_vendor\"",
    )?;
    let uk = pf.req("uk", "the reason's Ukrainian name")?;
    let en = pf.req("en", "the reason's English name")?;
    let list_v = pf.need("pauses", "the metrics whose clocks it stops")?;
    let list_path = pf.path_of("pauses");
    let items = list(list_v, &list_path)?;
    let pauses = items
        .iter()
        .enumerate()
        .map(|(i, m)| fields::leaf(m, &fields::index(&list_path, i)))
        .collect::<Result<Vec<_>>>()?;
    pf.finish()?;
    Ok(PauseReasonSpec { id, uk, en, pauses })
}

/// A warning threshold: a percentage, or `{"percent", "name"}`.
fn threshold(item: &Value, path: &str) -> Result<WarningThreshold> {
    if !item.is_object() {
        let percent = fields::leaf(item, path)?;
        return Ok(WarningThreshold {
            percent,
            name: None,
        });
    }
    let mut tf = Fields::new(item, path, "a threshold")?;
    let percent = tf.req("percent", "the percentage of the target, 1 to 1000")?;
    let name = tf.opt::<String>("name")?;
    tf.finish()?;
    Ok(WarningThreshold { percent, name })
}

fn action(item: &Value, path: &str) -> Result<ActionSpec> {
    let mut af = Fields::new(item, path, "an action")?;
    let name = af.req("name", "the action's snake_case name")?;
    let service = af.req(
        "service",
        "\"consultation\", \"recovery\" or \"administration\"",
    )?;
    af.finish()?;
    Ok(ActionSpec { name, service })
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
