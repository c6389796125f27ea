//! The regulation file's types: what each key of the file holds.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::calendar::CalendarSpec;
use crate::model::{vocabulary, Category, DayUnit, Metric, PauseReason, Priority, Service};

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
    /// The name of a calendar of [`RegulationSpec::calendars`] this row's
    /// clocks count on (DESIGN §7); `None`: the regulation's `calendar`.
    /// Written only when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
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
}

/// A pause reason a regulation declares besides the two built-in ones
/// (DESIGN §7): staff record `pause {reason}` and `resume {reason}`, and
/// while it holds the clocks of `pauses` stop.
///
/// # Example
/// ```
/// use reglament::{model::Metric, regulation::PauseReasonSpec};
/// let r = PauseReasonSpec { id: "awaiting_vendor".into(), uk: "очікування постачальника".into(),
///     en: "awaiting the vendor".into(), pauses: vec![Metric::Response, Metric::Resolution] };
/// assert_eq!(serde_json::to_value(&r).unwrap()["pauses"][1], "resolution");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PauseReasonSpec {
    /// The reason's code, snake_case (`awaiting_vendor`), named by the events.
    pub id: String,
    /// Its Ukrainian name.
    pub uk: String,
    /// Its English name.
    pub en: String,
    /// The metrics whose clocks it stops (non-empty, each once).
    pub pauses: Vec<Metric>,
}

impl PauseReasonSpec {
    /// Whether this reason stops the clock of `metric`.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Metric, regulation::PauseReasonSpec};
    /// let r = PauseReasonSpec { id: "x".into(), uk: "х".into(), en: "x".into(), pauses: vec![Metric::Resolution] };
    /// assert!(r.stops(Metric::Resolution) && !r.stops(Metric::Response));
    /// ```
    pub fn stops(&self, metric: Metric) -> bool {
        self.pauses.contains(&metric)
    }
}

/// A warning threshold or escalation level (DESIGN §2, §7): a percentage
/// of the target from 1 to 1000 (beyond 100 a level reached after the
/// breach), with an optional name. In a file: a bare number without a
/// name, `{"percent": 150, "name": "escalation"}` with one.
///
/// # Example
/// ```
/// use reglament::regulation::WarningThreshold;
/// assert_eq!(serde_json::to_value(WarningThreshold::from(75)).unwrap(), 75);
/// let named = WarningThreshold { percent: 150, name: Some("head of support".into()) };
/// assert_eq!(serde_json::to_value(&named).unwrap()["percent"], 150);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarningThreshold {
    /// The percentage of the target, 1 to 1000.
    pub percent: u16,
    /// Its name, if given.
    pub name: Option<String>,
}

impl From<u16> for WarningThreshold {
    fn from(percent: u16) -> WarningThreshold {
        WarningThreshold {
            percent,
            name: None,
        }
    }
}

impl Serialize for WarningThreshold {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.name {
            None => s.serialize_u16(self.percent),
            Some(name) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("percent", &self.percent)?;
                m.serialize_entry("name", name)?;
                m.end()
            }
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
/// assert_eq!(spec.warning_thresholds, vec![75.into(), 90.into()]);
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
    /// Named calendars an SLA row may count on (DESIGN §7; e.g. a 24×7 one
    /// for critical incidents). Optional in a file; empty by default.
    pub calendars: BTreeMap<String, CalendarSpec>,
    /// The SLA table.
    pub sla: SlaTable,
    /// The pause matrix.
    pub pauses: PauseMatrix,
    /// Declared pause reasons besides the two built-in ones (DESIGN §7).
    /// Optional in a file; empty by default.
    pub pause_reasons: Vec<PauseReasonSpec>,
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
    /// SLA warning thresholds and escalation levels, in percent of the
    /// target (1 to 1000), strictly increasing.
    pub warning_thresholds: Vec<WarningThreshold>,
}
