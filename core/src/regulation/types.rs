//! The regulation file's types: what each key of the file holds.

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
