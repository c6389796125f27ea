//! What the clocks answer: the public output types of [`crate::sla`]
//! (states, causes, thresholds, due history, pauses, the clocks
//! themselves) and their JSON form.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::instant::serde_utc;
pub use crate::model::ClockState;
use crate::model::{vocabulary, Category, Metric, PauseReason, Priority, Status};
use crate::ticket::Extension;

vocabulary! {
    /// Why a due instant was (re)computed.
    ///
    /// # Example
    /// ```
    /// use reglament::sla::DueCause;
    /// assert_eq!(DueCause::PriorityChange.code(), "priority_change");
    /// ```
    pub enum DueCause {
        /// The request was registered with its category and priority.
        Registration = "registration", "реєстрація", "registration";
        /// The first category was set; it applies from registration.
        Classification = "classification", "встановлення категорії", "classification";
        /// The priority changed.
        PriorityChange = "priority_change", "зміна пріоритету", "priority change";
        /// The category changed.
        CategoryChange = "category_change", "зміна категорії", "category change";
        /// Customer Service agreed an extension.
        Extension = "extension", "продовження строку", "extension";
        /// A new update-interval period started (an informing event).
        PeriodStart = "period_start", "новий період інформування", "new update period";
    }
}

vocabulary! {
    /// Why a clock does not count: the pause matrix's reasons and Release.
    ///
    /// # Example
    /// ```
    /// use reglament::sla::StopReason;
    /// assert_eq!(StopReason::Release.code(), "release");
    /// ```
    pub enum StopReason {
        /// A customer approval is pending.
        ApprovalPending = "approval_pending", "очікування дозволу Служби Замовника", "customer approval pending";
        /// Support waits for the user's answer.
        AwaitingUser = "awaiting_user", "очікування відповіді Користувача", "waiting for the user's answer";
        /// The request is in Release (resolution and update interval).
        Release = "release", "заявка у статусі «Реліз»", "the request is in Release";
        /// A pause reason the regulation declares (DESIGN §7); the pause
        /// names which (`ClockPause::declared`).
        Declared = "declared", "заявлена причина", "a declared reason";
    }
}

impl From<PauseReason> for StopReason {
    fn from(r: PauseReason) -> StopReason {
        match r {
            PauseReason::ApprovalPending => StopReason::ApprovalPending,
            PauseReason::AwaitingUser => StopReason::AwaitingUser,
        }
    }
}

/// A warning threshold of a clock.
///
/// # Example
/// ```
/// use reglament::sla::Threshold;
/// let t = Threshold { percent: 75, name: None, level: 2700, at: None, crossed: false };
/// let v = serde_json::to_value(&t).unwrap();
/// assert_eq!(v["at"], serde_json::Value::Null);
/// assert!(v.get("name").is_none()); // written only for a named level
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Threshold {
    /// The percentage of the target (1 to 1000: beyond 100 an escalation
    /// level, reached after the breach).
    pub percent: u16,
    /// The level's name from the regulation; written only when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The consumed working seconds at which it is reached: `ceil(T · p / 100)`.
    pub level: i64,
    /// When the clock reaches it (`None` when not known yet, or never reached by a met clock).
    #[serde(with = "serde_utc::option")]
    pub at: Option<DateTime<Utc>>,
    /// Whether it has been crossed.
    pub crossed: bool,
}

/// One entry of a clock's due history.
///
/// # Example
/// ```
/// use reglament::sla::{DueCause, DueChange};
/// use reglament::model::{Category, Priority};
/// let at = reglament::instant::parse("2026-03-02T08:00:00Z").unwrap();
/// let d = DueChange { at, cause: DueCause::Registration, category: Some(Category::Incident),
///     priority: Some(Priority::High), target: Some(3600), due_at: None, original_due_at: None };
/// assert_eq!(serde_json::to_value(&d).unwrap()["cause"], "registration");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueChange {
    /// When the change happened.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// Why.
    pub cause: DueCause,
    /// The category from then on.
    pub category: Option<Category>,
    /// The priority from then on.
    pub priority: Option<Priority>,
    /// The target (working seconds) the SLA table gives from then on, `None` when the row has none.
    pub target: Option<i64>,
    /// The due instant from then on, with extensions (`None`: not known yet).
    #[serde(with = "serde_utc::option")]
    pub due_at: Option<DateTime<Utc>>,
    /// The due instant from then on, without extensions.
    #[serde(with = "serde_utc::option")]
    pub original_due_at: Option<DateTime<Utc>>,
}

/// An interval that stops a clock.
///
/// # Example
/// ```
/// use reglament::sla::{ClockPause, StopReason};
/// let from = reglament::instant::parse("2026-03-02T09:00:00Z").unwrap();
/// let p = ClockPause { reason: StopReason::AwaitingUser, declared: None, from, to: None };
/// assert!(serde_json::to_value(&p).unwrap()["to"].is_null());
/// // a declared reason is written by its id
/// let v = ClockPause { reason: StopReason::Declared, declared: Some("awaiting_vendor".into()), from, to: None };
/// assert_eq!(serde_json::to_value(&v).unwrap()["reason"], "awaiting_vendor");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockPause {
    /// Why the clock stops.
    pub reason: StopReason,
    /// For [`StopReason::Declared`], the declared reason's id: the JSON
    /// writes it as `reason` (`"awaiting_vendor"`).
    pub declared: Option<String>,
    /// From when.
    pub from: DateTime<Utc>,
    /// Until when; `None` while it lasts at `now`.
    pub to: Option<DateTime<Utc>>,
}

impl ClockPause {
    /// The code the pause is written with: the declared reason's id, or
    /// the built-in reason's code.
    ///
    /// # Example
    /// ```
    /// use reglament::sla::{ClockPause, StopReason};
    /// let from = reglament::instant::parse("2026-03-02T09:00:00Z").unwrap();
    /// let p = ClockPause { reason: StopReason::Release, declared: None, from, to: None };
    /// assert_eq!(p.reason_code(), "release");
    /// ```
    pub fn reason_code(&self) -> &str {
        self.declared.as_deref().unwrap_or(self.reason.code())
    }
}

impl Serialize for ClockPause {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("reason", self.reason_code())?;
        m.serialize_entry("from", &crate::instant::format(self.from))?;
        m.serialize_entry("to", &self.to.map(crate::instant::format))?;
        m.end()
    }
}

/// One clock at `now`.
///
/// # Example
/// ```
/// use reglament::{model::Metric, sla::ClockState, ticket::{Event, Ticket}, Regulation, instant::parse};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
///   "priority":"critical","category":"incident"}"#).unwrap();
/// let t = Ticket::replay(&reg, "T", [e]).ticket;
/// let c = t.clock(&reg, Metric::Response, parse("2026-03-02T10:40:00+02:00").unwrap()).unwrap().unwrap();
/// assert_eq!(c.state, ClockState::Breached); // 30 working minutes, due 10:30
/// assert_eq!(c.consumed, 2400);
/// assert_eq!(c.remaining, Some(-600));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Clock {
    /// The metric.
    pub metric: Metric,
    /// The state at `now`.
    pub state: ClockState,
    /// Where the clock starts: registration, or the current period's start for the update interval.
    #[serde(with = "serde_utc")]
    pub started_at: DateTime<Utc>,
    /// The target in force, working seconds, without extensions (`None` while unclassified).
    pub target: Option<i64>,
    /// Working seconds added by extensions.
    pub added_seconds: i64,
    /// Working seconds counted so far (until met or stopped).
    pub consumed: i64,
    /// The instant up to which time is counted: the meeting instant, the
    /// rejection or archive that stopped the clock, or `now`.
    #[serde(with = "serde_utc")]
    pub counted_until: DateTime<Utc>,
    /// Working seconds left until the due instant (negative past it); `None` without a target.
    pub remaining: Option<i64>,
    /// The due instant with extensions; `None` without a target or while a pause keeps it unknown.
    #[serde(with = "serde_utc::option")]
    pub due_at: Option<DateTime<Utc>>,
    /// The due instant without extensions.
    #[serde(with = "serde_utc::option")]
    pub original_due_at: Option<DateTime<Utc>>,
    /// When the clock was met.
    #[serde(with = "serde_utc::option")]
    pub met_at: Option<DateTime<Utc>>,
    /// Met by the due instant with extensions (`None` unless met and classified).
    pub on_time: Option<bool>,
    /// Met by the due instant without extensions.
    pub on_time_original: Option<bool>,
    /// When it breached, with extensions: its due instant, once passed unmet.
    #[serde(with = "serde_utc::option")]
    pub breached_at: Option<DateTime<Utc>>,
    /// When it breached without extensions.
    #[serde(with = "serde_utc::option")]
    pub original_breached_at: Option<DateTime<Utc>>,
    /// Since when it is paused (state `paused`).
    #[serde(with = "serde_utc::option")]
    pub paused_since: Option<DateTime<Utc>>,
    /// When the request's rejection or archive stopped it (state `stopped`).
    #[serde(with = "serde_utc::option")]
    pub stopped_at: Option<DateTime<Utc>>,
    /// The warning thresholds.
    pub thresholds: Vec<Threshold>,
    /// Every due that held, with its cause.
    pub due_history: Vec<DueChange>,
    /// The extensions agreed for this clock.
    pub extensions: Vec<Extension>,
    /// The intervals that stop this clock, up to where it stands.
    pub pauses: Vec<ClockPause>,
    /// The named calendar (DESIGN §7) this clock counts on; `None` (not
    /// written) for the regulation's own `calendar`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
}

/// An update-interval period that ran over its due instant.
///
/// # Example
/// ```
/// use reglament::sla::PeriodBreach;
/// let t = reglament::instant::parse("2026-03-02T08:00:00Z").unwrap();
/// let b = PeriodBreach { started_at: t, ended_at: None, due_at: t, original_due_at: Some(t), extended: false };
/// assert_eq!(serde_json::to_value(&b).unwrap()["due_at"], "2026-03-02T08:00:00Z");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodBreach {
    /// When the period started.
    #[serde(with = "serde_utc")]
    pub started_at: DateTime<Utc>,
    /// The informing event that ended it (`None` for the current period).
    #[serde(with = "serde_utc::option")]
    pub ended_at: Option<DateTime<Utc>>,
    /// Its due instant (with extensions): the breach instant.
    #[serde(with = "serde_utc")]
    pub due_at: DateTime<Utc>,
    /// Its due instant without extensions.
    #[serde(with = "serde_utc::option")]
    pub original_due_at: Option<DateTime<Utc>>,
    /// Whether extensions applied to it.
    pub extended: bool,
}

/// The update-interval clock: the current period as a [`Clock`], plus the
/// periods' record.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation, instant::parse};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
///   "priority":"critical","category":"incident"}"#).unwrap();
/// let t = Ticket::replay(&reg, "T", [e]).ticket;
/// let c = t.clocks(&reg, parse("2026-03-02T12:00:00+02:00").unwrap()).unwrap();
/// let u = c.update_interval.unwrap();
/// assert_eq!(u.breaches.len(), 1); // one hour with no news: breached at 11:00
/// assert_eq!(u.clock.state.code(), "breached");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UpdateClock {
    /// The current period.
    #[serde(flatten)]
    pub clock: Clock,
    /// How many periods there were, the current one included.
    pub periods: usize,
    /// Ended periods met by their due instant, with extensions.
    pub periods_on_time: usize,
    /// Every period that ran over its due instant (with extensions), the current one included.
    pub breaches: Vec<PeriodBreach>,
    /// How many periods ran over without counting extensions.
    pub breaches_original: usize,
}

/// Every clock of a request at `now`, and when anything next changes.
///
/// # Example
/// ```
/// use reglament::{ticket::{Event, Ticket}, Regulation, instant::{format, parse}};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
///   "priority":"high","category":"incident"}"#).unwrap();
/// let t = Ticket::replay(&reg, "T", [e]).ticket;
/// let c = t.clocks(&reg, parse("2026-03-02T10:00:00+02:00").unwrap()).unwrap();
/// // response target 1 h: 75 % is reached at 10:45 Kyiv
/// assert_eq!(format(c.next_change_at.unwrap()), "2026-03-02T08:45:00Z");
/// assert_eq!(c.to_value()["response"]["state"], "running");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Clocks {
    /// The ticket's id.
    pub ticket: String,
    /// The instant the clocks are read at.
    #[serde(with = "serde_utc")]
    pub now: DateTime<Utc>,
    /// The status at `now`.
    pub status: Option<Status>,
    /// Until the first reaction of support.
    pub response: Clock,
    /// Until Release.
    pub resolution: Clock,
    /// Between updates to the user, when the SLA row sets an interval.
    pub update_interval: Option<UpdateClock>,
    /// The earliest instant after `now` at which a threshold is crossed, a
    /// clock falls due or breaches, or the archive falls due.
    #[serde(with = "serde_utc::option")]
    pub next_change_at: Option<DateTime<Utc>>,
}

impl Clocks {
    /// As a JSON value (the form every face prints): snake_case keys,
    /// instants in RFC 3339 UTC with `Z`, durations in seconds.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation, instant::parse};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"high","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let v = t.clocks(&reg, parse("2026-03-02T10:30:00+02:00").unwrap()).unwrap().to_value();
    /// assert_eq!(v["response"]["due_at"], "2026-03-02T09:00:00Z");
    /// assert_eq!(v["response"]["consumed"], 1800);
    /// ```
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// The clock of `metric` (`None` for an absent update interval).
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Metric, ticket::{Event, Ticket}, Regulation, instant::parse};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"low","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let c = t.clocks(&reg, parse("2026-03-02T12:00:00+02:00").unwrap()).unwrap();
    /// assert!(c.get(Metric::UpdateInterval).is_none()); // low incidents have no update interval
    /// assert_eq!(c.get(Metric::Response).unwrap().target, Some(32400));
    /// ```
    pub fn get(&self, metric: Metric) -> Option<&Clock> {
        match metric {
            Metric::Response => Some(&self.response),
            Metric::Resolution => Some(&self.resolution),
            Metric::UpdateInterval => self.update_interval.as_ref().map(|u| &u.clock),
        }
    }
}
