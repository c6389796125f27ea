//! The regulation file: the seed's blanks as parameters, the calendar, the
//! SLA table and the rules DESIGN §2 makes configurable.
//!
//! ```json
//! {"contract": {"number": "...", "date": "2021-05-01", "customer": "...", "contractor": "...",
//!               "system_name": "...", "software_name": "...", "business_process_name": "..."},
//!  "calendar": {"timezone": "Europe/Kyiv", "week": {...}, "holiday_preset": "UA"},
//!  "registration_calendar": null,
//!  "sla": {"example": true, "note": "...",
//!          "targets": [{"category": "incident", "priority": "critical",
//!                       "response": 1800, "resolution": 14400, "update_interval": 3600}, ...]},
//!  "pauses": {"response": {"approval_pending": true, "awaiting_user": true}, "resolution": {...},
//!             "update_interval": {...}},
//!  "priority_change": "keep_consumed",
//!  "actions": [{"name": "server_recovery", "service": "recovery"}, ...],
//!  "approval_required_for": ["server_recovery", ...],
//!  "archive_after": {"amount": 10, "unit": "calendar_days"},
//!  "contact_change_notice": {"amount": 2, "unit": "working_days"},
//!  "warning_thresholds": [75, 90]}
//! ```
//!
//! Durations are working seconds. Every key is required in a file (so a
//! file says everything it means); [`Regulation::with_overrides`] merges a
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

use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::calendar::CalendarSpec;
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{self, Fields};
use crate::model::{vocabulary, Category, DayUnit, Metric, PauseReason, Priority, Service};
use crate::ticket::EventKind;
use crate::Calendar;

/// The longest duration anything may last, in seconds: the calendars'
/// whole supported range (1970 to 2100), which no working time can exceed.
/// SLA targets and agreed extensions are refused beyond it, which also keeps
/// the clocks' arithmetic far from `i64` overflow.
pub const MAX_SECONDS: i64 = crate::calendar::MAX_INSTANT - crate::calendar::MIN_INSTANT;

/// What [`Regulation::sla_target`] answers for a pair a validated table
/// always has (so never): the example table's strictest row.
const UNREACHABLE_TARGET: SlaTarget = SlaTarget {
    category: Category::Incident,
    priority: Priority::Critical,
    response: HOUR / 2,
    resolution: 4 * HOUR,
    update_interval: Some(HOUR),
};

/// One working day of the default calendar (09:00–18:00), in seconds.
const DAY: i64 = 9 * 3600;
const HOUR: i64 = 3600;

/// The contract the regulation is annexed to (the seed's blanks).
///
/// # Example
/// ```
/// let c = reglament::regulation::Contract::default();
/// assert_eq!(c.date.to_string(), "2021-05-01");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contract {
    /// Contract number («№ Договору»).
    pub number: String,
    /// Contract date («Дата Договору»).
    #[serde(serialize_with = "ser_date")]
    pub date: NaiveDate,
    /// The customer's full name («Замовник»).
    pub customer: String,
    /// The contractor's full name («Виконавець»).
    pub contractor: String,
    /// The system's name («Назва системи»).
    pub system_name: String,
    /// The software's name («Назва ПЗ»).
    pub software_name: String,
    /// The business process's name («Назва БП»).
    pub business_process_name: String,
}

fn ser_opt_date<S: Serializer>(
    d: &Option<NaiveDate>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match d {
        Some(d) => ser_date(d, s),
        None => s.serialize_none(),
    }
}

fn ser_date<S: Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&d.to_string())
}

impl Default for Contract {
    /// The seed's placeholders; the date is the seed's example (1 May 2021).
    fn default() -> Contract {
        Contract {
            number: "Номер Договору".into(),
            date: NaiveDate::from_ymd_opt(2021, 5, 1).unwrap_or_default(),
            customer: "Замовник (повне найменування)".into(),
            contractor: "Виконавець (повне найменування)".into(),
            system_name: "Назва системи".into(),
            software_name: "Назва ПЗ".into(),
            business_process_name: "Назва БП".into(),
        }
    }
}

/// The SLA targets of one (category, priority) pair, in working seconds.
///
/// # Example
/// ```
/// use reglament::model::{Category, Metric, Priority};
/// let reg = reglament::Regulation::default();
/// let t = reg.sla_target(Category::Incident, Priority::High);
/// assert_eq!(t.target(Metric::Response), Some(3600));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlaTarget {
    /// The request category.
    pub category: Category,
    /// The request priority.
    pub priority: Priority,
    /// Working seconds until the first reaction of support.
    pub response: i64,
    /// Working seconds until Release.
    pub resolution: i64,
    /// Working seconds between two updates to the user, when the SLA sets one.
    pub update_interval: Option<i64>,
}

impl SlaTarget {
    /// The target of `metric`, `None` for an unset update interval.
    ///
    /// # Example
    /// ```
    /// use reglament::model::{Category, Metric, Priority};
    /// let reg = reglament::Regulation::default();
    /// assert_eq!(reg.sla_target(Category::Incident, Priority::Low).target(Metric::UpdateInterval), None);
    /// ```
    pub fn target(&self, metric: Metric) -> Option<i64> {
        match metric {
            Metric::Response => Some(self.response),
            Metric::Resolution => Some(self.resolution),
            Metric::UpdateInterval => self.update_interval,
        }
    }
}

/// The SLA table: one target per (category, priority).
///
/// # Example
/// ```
/// let reg = reglament::Regulation::default();
/// let sla = &reg.spec().sla;
/// assert_eq!(sla.targets.len(), 16);
/// assert!(sla.example, "the shipped table is an example");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlaTable {
    /// True when the table is an example, not an agreed SLA (the default is).
    pub example: bool,
    /// A free note about where the table comes from.
    pub note: String,
    /// The targets, each pair exactly once.
    pub targets: Vec<SlaTarget>,
}

impl SlaTable {
    /// The targets of a pair (`None` only for a table that failed validation).
    ///
    /// # Example
    /// ```
    /// use reglament::model::{Category, Priority};
    /// let reg = reglament::Regulation::default();
    /// let sla = &reg.spec().sla;
    /// assert_eq!(sla.get(Category::Consultation, Priority::Low).unwrap().priority, Priority::Low);
    /// ```
    pub fn get(&self, category: Category, priority: Priority) -> Option<&SlaTarget> {
        self.targets
            .iter()
            .find(|t| t.category == category && t.priority == priority)
    }

    /// The example table shipped as the default.
    fn example() -> SlaTable {
        use Category::*;
        use Priority::*;
        let t = |category, priority, response, resolution, update_interval| SlaTarget {
            category,
            priority,
            response,
            resolution,
            update_interval,
        };
        SlaTable {
            example: true,
            note: "Приклад. SLA — окрема угода сторін; замініть цю таблицю узгодженою. / Example only: the SLA \
                   is a separate agreement between the parties; replace this table with the agreed one."
                .into(),
            targets: vec![
                t(Incident, Critical, HOUR / 2, 4 * HOUR, Some(HOUR)),
                t(Incident, High, HOUR, DAY, Some(2 * HOUR)),
                t(Incident, Medium, 4 * HOUR, 3 * DAY, Some(DAY)),
                t(Incident, Low, DAY, 10 * DAY, None),
                t(ChangeRequest, Critical, 2 * HOUR, 10 * DAY, None),
                t(ChangeRequest, High, 4 * HOUR, 20 * DAY, None),
                t(ChangeRequest, Medium, DAY, 40 * DAY, None),
                t(ChangeRequest, Low, 2 * DAY, 60 * DAY, None),
                t(Consultation, Critical, HOUR / 2, 4 * HOUR, None),
                t(Consultation, High, HOUR, DAY, None),
                t(Consultation, Medium, 4 * HOUR, 2 * DAY, None),
                t(Consultation, Low, DAY, 5 * DAY, None),
                t(DocumentationRequest, Critical, 2 * HOUR, 2 * DAY, None),
                t(DocumentationRequest, High, 4 * HOUR, 3 * DAY, None),
                t(DocumentationRequest, Medium, DAY, 5 * DAY, None),
                t(DocumentationRequest, Low, 2 * DAY, 10 * DAY, None),
            ],
        }
    }
}

/// Which pauses stop one metric's clock.
///
/// # Example
/// ```
/// let p = reglament::regulation::PauseSet::default();
/// assert!(p.approval_pending && p.awaiting_user);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PauseSet {
    /// The clock stops while a customer approval is pending.
    pub approval_pending: bool,
    /// The clock stops while support waits for the user's answer.
    pub awaiting_user: bool,
}

impl Default for PauseSet {
    /// Both pauses stop the clock (DESIGN §2).
    fn default() -> PauseSet {
        PauseSet {
            approval_pending: true,
            awaiting_user: true,
        }
    }
}

impl PauseSet {
    /// Whether `reason` stops this clock.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::PauseReason, regulation::PauseSet};
    /// let p = PauseSet { approval_pending: false, awaiting_user: true };
    /// assert!(!p.stops_for(PauseReason::ApprovalPending));
    /// ```
    pub fn stops_for(&self, reason: PauseReason) -> bool {
        match reason {
            PauseReason::ApprovalPending => self.approval_pending,
            PauseReason::AwaitingUser => self.awaiting_user,
        }
    }
}

/// The pause matrix: per metric, the pauses that stop its clock (DESIGN §2).
///
/// # Example
/// ```
/// use reglament::model::{Metric, PauseReason};
/// let m = reglament::regulation::PauseMatrix::default();
/// assert!(m.stops(Metric::Resolution, PauseReason::AwaitingUser));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PauseMatrix {
    /// Pauses of the response clock.
    pub response: PauseSet,
    /// Pauses of the resolution clock.
    pub resolution: PauseSet,
    /// Pauses of the update-interval clock.
    pub update_interval: PauseSet,
}

impl PauseMatrix {
    /// The pause set of `metric`.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Metric, regulation::PauseMatrix};
    /// assert!(PauseMatrix::default().of(Metric::Response).awaiting_user);
    /// ```
    pub fn of(&self, metric: Metric) -> &PauseSet {
        match metric {
            Metric::Response => &self.response,
            Metric::Resolution => &self.resolution,
            Metric::UpdateInterval => &self.update_interval,
        }
    }

    /// Whether `reason` stops the clock of `metric`.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::{Metric, PauseReason}, regulation::PauseMatrix};
    /// assert!(PauseMatrix::default().stops(Metric::Response, PauseReason::ApprovalPending));
    /// ```
    pub fn stops(&self, metric: Metric, reason: PauseReason) -> bool {
        self.of(metric).stops_for(reason)
    }
}

vocabulary! {
    /// What a priority change does to a running clock (DESIGN §2).
    ///
    /// # Example
    /// ```
    /// use reglament::regulation::PriorityChangeRule;
    /// assert_eq!(PriorityChangeRule::KeepConsumed.code(), "keep_consumed");
    /// ```
    pub enum PriorityChangeRule in "reglament::regulation" {
        /// Working time already consumed stays consumed; the due instant is
        /// recomputed from the new target (the default).
        KeepConsumed = "keep_consumed",
            "спожитий робочий час зберігається, строк перераховується за новою ціллю",
            "working time consumed stays consumed, the due instant follows the new target";
        /// The due instant is recomputed from registration with the new target.
        RecomputeFromRegistration = "recompute_from_registration",
            "строк перераховується від реєстрації за новою ціллю",
            "the due instant is recomputed from registration with the new target";
        /// The due instant in force stays.
        KeepOldDue = "keep_old_due", "чинний строк не змінюється", "the due instant in force stays";
        /// The earlier of the old due instant and the recomputed one.
        EarlierOfBoth = "earlier_of_both",
            "діє раніший із чинного та перерахованого строків",
            "the earlier of the old and the recomputed due instant";
    }
}

/// An action kind of clause 4, with the service it belongs to.
///
/// # Example
/// ```
/// let reg = reglament::Regulation::default();
/// let a = reg.action("server_recovery").unwrap();
/// assert_eq!(a.service, reglament::model::Service::Recovery);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionSpec {
    /// The action's name, snake_case (`server_recovery`).
    pub name: String,
    /// The service of clause 4 it provides.
    pub service: Service,
}

/// A delay counted in days.
///
/// # Example
/// ```
/// use reglament::model::DayUnit;
/// let d = reglament::Regulation::default().spec().archive_after;
/// assert_eq!((d.amount, d.unit), (10, DayUnit::CalendarDays));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayCount {
    /// How many days (1 to 3650).
    pub amount: u32,
    /// Calendar or working days.
    pub unit: DayUnit,
}

/// The regulation file, as written (see the module documentation). Build a
/// usable [`Regulation`] from it with [`Regulation::from_spec`].
///
/// # Example
/// ```
/// use reglament::regulation::RegulationSpec;
/// let spec = RegulationSpec::default();
/// assert_eq!(spec.warning_thresholds, vec![75, 90]);
/// let json = serde_json::to_string(&spec).unwrap();
/// let back: RegulationSpec = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, spec);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegulationSpec {
    /// The regulation's identifier (e.g. the contract number and annex), if
    /// given: part of its identity (DESIGN §5).
    pub id: Option<String>,
    /// The version of this regulation (an amendment's label), if given.
    pub version: Option<String>,
    /// The local date (in the calendar's zone) from whose 00:00 this version
    /// is in force, if given; required for each version of a contract file.
    #[serde(serialize_with = "ser_opt_date")]
    pub effective_from: Option<NaiveDate>,
    /// The contract's blanks.
    pub contract: Contract,
    /// Working time of support (clauses 3.3, 3.4, 3.5.1): the calendar file format.
    pub calendar: CalendarSpec,
    /// Registration hours of phone and messenger requests (clause 3.3) when
    /// they differ from `calendar`; `None` means the same.
    pub registration_calendar: Option<CalendarSpec>,
    /// The SLA table.
    pub sla: SlaTable,
    /// The pause matrix.
    pub pauses: PauseMatrix,
    /// What a priority change does to the clocks.
    pub priority_change: PriorityChangeRule,
    /// The action kinds of clause 4 that a request's work may include.
    pub actions: Vec<ActionSpec>,
    /// Action names (and event kinds) that need Customer Service's written
    /// approval first (clauses 3.4, 3.5.1).
    pub approval_required_for: Vec<String>,
    /// The archive delay after Release (clause 3.6).
    pub archive_after: DayCount,
    /// The contact-change notice period (clause 5).
    pub contact_change_notice: DayCount,
    /// SLA warning thresholds, in percent of the target, increasing.
    pub warning_thresholds: Vec<u8>,
}

impl Default for RegulationSpec {
    /// The seed's values: Kyiv 09:00–18:00 with Ukrainian holidays, archive
    /// after 10 calendar days, notice within 2 working days, the example SLA
    /// table, thresholds 75 % and 90 %.
    fn default() -> RegulationSpec {
        let action = |name: &str, service| ActionSpec {
            name: name.into(),
            service,
        };
        RegulationSpec {
            id: None,
            version: None,
            effective_from: None,
            contract: Contract::default(),
            calendar: CalendarSpec::default_kyiv(),
            registration_calendar: None,
            sla: SlaTable::example(),
            pauses: PauseMatrix::default(),
            priority_change: PriorityChangeRule::KeepConsumed,
            actions: vec![
                action("consultation", Service::Consultation),
                action("remote_access", Service::Consultation),
                action("server_access", Service::Recovery),
                action("server_recovery", Service::Recovery),
                action("process_settings", Service::Administration),
                action("master_data", Service::Administration),
            ],
            approval_required_for: [
                "server_access",
                "server_recovery",
                "process_settings",
                "master_data",
            ]
            .map(String::from)
            .to_vec(),
            archive_after: DayCount {
                amount: 10,
                unit: DayUnit::CalendarDays,
            },
            contact_change_notice: DayCount {
                amount: 2,
                unit: DayUnit::WorkingDays,
            },
            warning_thresholds: vec![75, 90],
        }
    }
}

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
    fingerprint: std::sync::Arc<str>,
}

impl Default for Regulation {
    /// The seed's regulation (see [`RegulationSpec::default`]).
    fn default() -> Regulation {
        let spec = RegulationSpec::default();
        Regulation {
            fingerprint: crate::record::fingerprint_of(&spec).into(),
            spec,
            calendar: Calendar::default_kyiv(),
            registration_calendar: None,
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

/// Overlays `over` onto `base`: objects merge key by key, anything else replaces.
fn merge(base: &mut Value, over: &Value) {
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

impl Regulation {
    /// Validates a spec and compiles its calendars.
    ///
    /// # Example
    /// ```
    /// use reglament::regulation::{Regulation, RegulationSpec};
    /// let mut spec = RegulationSpec::default();
    /// spec.warning_thresholds = vec![90, 75];
    /// assert_eq!(Regulation::from_spec(spec).unwrap_err().field(), Some("warning_thresholds[1]"));
    /// ```
    pub fn from_spec(spec: RegulationSpec) -> Result<Regulation> {
        spec.validate()?;
        let calendar = Calendar::from_spec(&spec.calendar).map_err(|e| e.within("calendar"))?;
        let registration_calendar = match &spec.registration_calendar {
            None => None,
            Some(c) => Some(Calendar::from_spec(c).map_err(|e| e.within("registration_calendar"))?),
        };
        Ok(Regulation {
            fingerprint: crate::record::fingerprint_of(&spec).into(),
            spec,
            calendar,
            registration_calendar,
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
        serde_json::to_value(crate::record::complete(&self.spec)).unwrap_or(Value::Null)
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
        let mut out = String::new();
        write_json(&self.complete_value(), 0, &mut out);
        out
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
        let value = serde_json::to_value(&self.spec).unwrap_or(Value::Null);
        let mut out = String::new();
        write_json(&value, 0, &mut out);
        out
    }
}

/// The order of keys in a regulation file as written by [`Regulation::to_json`].
const KEY_ORDER: &[&str] = &[
    "id",
    "version",
    "effective_from",
    "contract",
    "number",
    "date",
    "customer",
    "contractor",
    "system_name",
    "software_name",
    "business_process_name",
    "calendar",
    "timezone",
    "week",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "holidays",
    "extra_working_days",
    "extra_working_day_hours",
    "holiday_preset",
    "martial_law_end",
    "registration_calendar",
    "sla",
    "example",
    "note",
    "targets",
    "category",
    "priority",
    "response",
    "resolution",
    "update_interval",
    "pauses",
    "approval_pending",
    "awaiting_user",
    "priority_change",
    "actions",
    "name",
    "service",
    "approval_required_for",
    "archive_after",
    "amount",
    "unit",
    "contact_change_notice",
    "warning_thresholds",
];

fn sorted_entries(m: &serde_json::Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<_> = m.iter().collect();
    let rank = |k: &str| {
        KEY_ORDER
            .iter()
            .position(|x| *x == k)
            .unwrap_or(KEY_ORDER.len())
    };
    crate::sort::sort_by(&mut entries, |a, b| {
        rank(a.0).cmp(&rank(b.0)).then(a.0.cmp(b.0))
    });
    entries
}

/// One line, keys in order.
fn write_inline(v: &Value, out: &mut String) {
    match v {
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_inline(x, out);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in sorted_entries(m).into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write_inline(x, out);
            }
            out.push('}');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// Objects over several lines; lists inline, or one object per line.
fn write_json(v: &Value, depth: usize, out: &mut String) {
    let pad = |d: usize| "  ".repeat(d);
    match v {
        Value::Object(m)
            if !m.is_empty()
                && (depth < 2 || m.values().any(|x| x.is_object() || x.is_array())) =>
        {
            out.push_str("{\n");
            let entries = sorted_entries(m);
            let n = entries.len();
            for (i, (k, x)) in entries.into_iter().enumerate() {
                out.push_str(&pad(depth + 1));
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write_json(x, depth + 1, out);
                out.push_str(if i + 1 < n { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push('}');
        }
        Value::Array(a) if a.iter().any(Value::is_object) => {
            out.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                write_inline(x, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push(']');
        }
        other => write_inline(other, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn default_value() -> Value {
        serde_json::to_value(RegulationSpec::default()).unwrap()
    }

    fn err_of(v: &Value) -> Error {
        Regulation::from_value(v).unwrap_err()
    }

    #[test]
    fn default_round_trips_and_has_the_seed_values() {
        let reg = Regulation::default();
        let back = Regulation::from_json(&reg.to_json()).unwrap();
        assert_eq!(back, reg);
        let s = reg.spec();
        assert_eq!(
            s.archive_after,
            DayCount {
                amount: 10,
                unit: DayUnit::CalendarDays
            }
        );
        assert_eq!(
            s.contact_change_notice,
            DayCount {
                amount: 2,
                unit: DayUnit::WorkingDays
            }
        );
        assert_eq!(s.calendar, CalendarSpec::default_kyiv());
        assert_eq!(s.priority_change, PriorityChangeRule::KeepConsumed);
        assert!(s.sla.example && s.sla.note.contains("Example"));
    }

    #[test]
    fn unknown_keys_are_refused_with_their_path() {
        let mut v = default_value();
        v["pauses"]["response"]["holiday"] = json!(true);
        let e = err_of(&v);
        assert_eq!(
            (e.code(), e.field()),
            ("unknown_field", Some("pauses.response.holiday"))
        );
        let mut v = default_value();
        v["colour"] = json!("red");
        assert_eq!(err_of(&v).field(), Some("colour"));
    }

    #[test]
    fn calendar_errors_are_prefixed() {
        let mut v = default_value();
        v["calendar"]["week"]["mon"] = json!([["09:00", "25:00"]]);
        let e = err_of(&v);
        assert_eq!(e.field(), Some("calendar.week.mon[0][1]"));
        assert!(e.to_string().contains("25:00"));
        let mut v = default_value();
        v["registration_calendar"] = json!({"timezone": "Mars/Base", "week": {}});
        assert_eq!(err_of(&v).field(), Some("registration_calendar.timezone"));
    }

    #[test]
    fn sla_rules_are_checked() {
        let mut v = default_value();
        v["sla"]["targets"][1]["category"] = json!("incident");
        v["sla"]["targets"][1]["priority"] = json!("critical");
        let e = err_of(&v);
        assert_eq!((e.code(), e.field()), ("conflict", Some("sla.targets[1]")));

        let mut v = default_value();
        v["sla"]["targets"][0]["response"] = json!(0);
        assert_eq!(err_of(&v).field(), Some("sla.targets[0].response"));

        let mut v = default_value();
        v["sla"]["targets"][2]["resolution"] = json!(60);
        let e = err_of(&v);
        assert_eq!(
            (e.code(), e.field()),
            ("conflict", Some("sla.targets[2].resolution"))
        );

        let mut v = default_value();
        v["sla"]["targets"][0]["response"] = json!("half an hour");
        let e = err_of(&v);
        assert_eq!(e.code(), "invalid_json");
        assert!(e.message().contains("half an hour"));
    }

    #[test]
    fn actions_and_approvals_are_checked() {
        let mut v = default_value();
        v["approval_required_for"] = json!(["server_recovery", "fly_to_the_moon"]);
        let e = err_of(&v);
        assert_eq!(e.field(), Some("approval_required_for[1]"));
        assert!(e.message().contains("fly_to_the_moon"));

        let mut v = default_value();
        v["approval_required_for"] = json!(["release", "server_recovery"]);
        let reg = Regulation::from_value(&v).unwrap();
        assert!(reg.needs_approval("release"));

        let mut v = default_value();
        v["approval_required_for"] = json!(["comment"]);
        assert_eq!(err_of(&v).field(), Some("approval_required_for[0]"));

        let mut v = default_value();
        v["actions"][0]["name"] = json!("Server Recovery");
        assert_eq!(err_of(&v).field(), Some("actions[0].name"));

        let mut v = default_value();
        v["actions"][0]["name"] = json!("release");
        assert_eq!(err_of(&v).code(), "conflict");
    }

    #[test]
    fn day_counts_and_thresholds_are_checked() {
        let mut v = default_value();
        v["archive_after"]["amount"] = json!(0);
        assert_eq!(err_of(&v).field(), Some("archive_after.amount"));
        let mut v = default_value();
        v["contact_change_notice"]["unit"] = json!("fortnights");
        let e = err_of(&v);
        assert_eq!(e.field(), Some("contact_change_notice.unit"));
        assert!(e.message().contains("fortnights"));
        let mut v = default_value();
        v["warning_thresholds"] = json!([75, 100]);
        assert_eq!(err_of(&v).field(), Some("warning_thresholds[1]"));
    }

    #[test]
    fn missing_keys_are_named() {
        let mut v = default_value();
        v.as_object_mut().unwrap().remove("registration_calendar");
        assert_eq!(err_of(&v).field(), Some("registration_calendar"));
        let mut v = default_value();
        v.as_object_mut().unwrap().remove("priority_change");
        let e = err_of(&v);
        assert_eq!(
            (e.code(), e.field()),
            ("missing_field", Some("priority_change"))
        );
        let mut v = default_value();
        v["contract"]["date"] = json!("1 травня 2021");
        assert_eq!(err_of(&v).field(), Some("contract.date"));
    }

    #[test]
    fn overrides_merge_objects_and_replace_lists() {
        let over = json!({"warning_thresholds": [50], "calendar": {"timezone": "Europe/Warsaw"}});
        let reg = Regulation::with_overrides(&over).unwrap();
        assert_eq!(reg.spec().warning_thresholds, vec![50]);
        assert_eq!(reg.calendar().timezone().name(), "Europe/Warsaw");
        assert_eq!(reg.spec().calendar.week, CalendarSpec::default_kyiv().week);
        let bad = json!({"priority_change": "whatever"});
        assert_eq!(
            Regulation::with_overrides(&bad).unwrap_err().field(),
            Some("priority_change")
        );
    }
}
