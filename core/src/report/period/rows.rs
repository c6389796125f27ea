//! What a period report writes: its header, the tallies by bucket,
//! category and priority, and one row per extension, breach, open clock,
//! refusal and request.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::*;
use crate::instant::serde_utc;
use crate::model::{Category, Metric, Priority, Status};
use crate::regulation::Contract;

/// A regulation version named by the report.
///
/// # Example
/// ```
/// use reglament::{report::period::{Judge, Options, Report}, instant::parse, Regulation};
/// let reg = Regulation::default();
/// let r = Report::build(Judge::One(&reg), &[], &Options::new("2026-11-01".parse().unwrap(),
///     "2026-12-01".parse().unwrap(), parse("2026-12-01T00:00:00Z").unwrap())).unwrap();
/// assert_eq!(r.regulations[0].fingerprint, reg.fingerprint());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionInfo {
    /// The regulation's `id`, when given.
    pub id: Option<String>,
    /// Its `version`, when given.
    pub version: Option<String>,
    /// The local date it is in force from, when given.
    pub effective_from: Option<String>,
    /// `sha256:…` of its complete form.
    pub fingerprint: String,
    /// The contract's blanks (number, date, parties, system).
    pub contract: Contract,
    /// The calendar's time zone.
    pub timezone: String,
    /// Whether its SLA table is the shipped example rather than an agreed one.
    pub sla_example: bool,
    /// The SLA table: working-second targets per category and priority.
    pub sla: Vec<SlaTarget>,
}

/// The period as reported.
///
/// # Example
/// ```
/// use reglament::{report::period::{Judge, Options, Report}, instant::parse, Regulation};
/// let reg = Regulation::default();
/// let r = Report::build(Judge::One(&reg), &[], &Options::new("2026-11-01".parse().unwrap(),
///     "2026-12-01".parse().unwrap(), parse("2026-12-01T00:00:00Z").unwrap())).unwrap();
/// assert_eq!(r.period.from_instant, parse("2026-10-31T22:00:00Z").unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodInfo {
    /// The first local date (inclusive), `YYYY-MM-DD`.
    pub from: String,
    /// The local date after the period (exclusive).
    pub to: String,
    /// The zone of the dates.
    pub timezone: String,
    /// 00:00 local of `from`.
    #[serde(with = "serde_utc")]
    pub from_instant: DateTime<Utc>,
    /// 00:00 local of `to`.
    #[serde(with = "serde_utc")]
    pub to_instant: DateTime<Utc>,
    /// The buckets' kind.
    pub by: Bucketing,
}

/// One bucket of the period.
///
/// # Example
/// ```
/// let b = reglament::report::period::Bucket { label: "2026-11".into(), from: "2026-11-01".into(), to: "2026-12-01".into() };
/// assert_eq!(serde_json::to_value(&b).unwrap()["label"], "2026-11");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bucket {
    /// `YYYY-MM` for a month, `YYYY-Www` (ISO) for a week, `all` for the whole period.
    pub label: String,
    /// Its first local date (clipped to the period).
    pub from: String,
    /// The local date after it (clipped to the period).
    pub to: String,
}

/// Counts by one due (with extensions or the original).
///
/// # Example
/// ```
/// let t = reglament::report::period::Tally { counted: 4, on_time: 3, breached: 1, percent_on_time: Some(75.0) };
/// assert_eq!(t.on_time + t.breached, t.counted);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Tally {
    /// Clocks with their outcome in the bucket: `on_time + breached`.
    pub counted: u64,
    /// Met by the due.
    pub on_time: u64,
    /// Breached (met late or not met).
    pub breached: u64,
    /// `on_time / counted` in percent, one decimal; `null` when nothing was counted.
    pub percent_on_time: Option<f64>,
}

impl Tally {
    pub(super) fn add(&mut self, o: &Tally) {
        self.counted += o.counted;
        self.on_time += o.on_time;
        self.breached += o.breached;
    }

    pub(super) fn close(&mut self) {
        self.percent_on_time = percent(self.on_time, self.counted);
    }
}

/// One row of figures: a metric, in a bucket (or the whole period), for
/// one category and priority (or all of them, in `totals`).
///
/// # Example
/// ```
/// use reglament::{model::Metric, report::period::{Row, Tally}};
/// let r = Row { bucket: None, metric: Metric::Response, category: None, priority: None,
///     extended: Tally::default(), original: Tally::default(), open: Some(0), rejected: 0, time_to_meet: None };
/// assert!(serde_json::to_value(&r).unwrap()["bucket"].is_null());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The bucket's label; `null` for the whole period.
    pub bucket: Option<String>,
    /// The metric.
    pub metric: Metric,
    /// The category (`null` in totals).
    pub category: Option<Category>,
    /// The priority (`null` in totals; `priorities` rows carry it without a category).
    pub priority: Option<Priority>,
    /// By the due with extensions.
    pub extended: Tally,
    /// By the original due.
    pub original: Tally,
    /// Clocks open at the period's end (whole-period rows only; `null` in bucket rows).
    pub open: Option<u64>,
    /// Clocks of rejected requests stopped without an outcome.
    pub rejected: u64,
    /// Working seconds to meet, over the counted clocks that were met.
    pub time_to_meet: Option<Durations>,
}

/// An extension as listed with a breach.
///
/// # Example
/// ```
/// let e = reglament::report::period::ExtensionRow { at: reglament::instant::parse("2026-11-02T10:00:00Z").unwrap(),
///     by: "cs-1".into(), new_due: None, add_seconds: Some(3600), evidence: "<m@x>".into() };
/// assert_eq!(serde_json::to_value(&e).unwrap()["evidence"], "<m@x>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtensionRow {
    /// When it was agreed.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// Who agreed (Customer Service's id).
    pub by: String,
    /// The agreed new due, when given that way.
    #[serde(with = "serde_utc::option")]
    pub new_due: Option<DateTime<Utc>>,
    /// The agreed working seconds added, when given that way.
    pub add_seconds: Option<i64>,
    /// The evidence (e.g. the e-mail's Message-ID).
    pub evidence: String,
}

/// A clock breached in the period (by the due with extensions, or only by
/// the original due).
///
/// # Example
/// ```
/// use reglament::{model::{Category, Metric, Priority}, report::period::BreachRow, instant::parse};
/// let t = parse("2026-11-02T10:00:00Z").unwrap();
/// let b = BreachRow { request: "T-1".into(), metric: Metric::Response, bucket: "2026-11".into(),
///     category: Category::Incident, priority: Priority::High, started_at: t, due_at: Some(t),
///     original_due_at: Some(t), met_at: None, over_seconds: 600, by_extended_due: true, extensions: vec![] };
/// assert!(serde_json::to_value(&b).unwrap()["met_at"].is_null());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BreachRow {
    /// The request.
    pub request: String,
    /// The metric.
    pub metric: Metric,
    /// The bucket of the breach instant.
    pub bucket: String,
    /// The category at the breach instant.
    pub category: Category,
    /// The priority at the breach instant.
    pub priority: Priority,
    /// When the clock (or the update period) started.
    #[serde(with = "serde_utc")]
    pub started_at: DateTime<Utc>,
    /// The due with extensions.
    #[serde(with = "serde_utc::option")]
    pub due_at: Option<DateTime<Utc>>,
    /// The original due.
    #[serde(with = "serde_utc::option")]
    pub original_due_at: Option<DateTime<Utc>>,
    /// When it was met (late, or on time by the extended due); `null`: not met by the period's end.
    #[serde(with = "serde_utc::option")]
    pub met_at: Option<DateTime<Utc>>,
    /// Working seconds past the due breached (up to the meeting, or to `read_at`).
    pub over_seconds: i64,
    /// Breached by the due with extensions (`false`: only by the original due, saved by an extension).
    pub by_extended_due: bool,
    /// The extensions agreed for this clock, with their evidence.
    pub extensions: Vec<ExtensionRow>,
}

/// A clock open at the period's end.
///
/// # Example
/// ```
/// use reglament::{model::{Category, Metric, Priority}, report::period::OpenRow, instant::parse};
/// let t = parse("2026-11-02T10:00:00Z").unwrap();
/// let o = OpenRow { request: "T-1".into(), metric: Metric::Resolution, category: Category::Incident,
///     priority: Priority::High, started_at: t, due_at: None, state: reglament::sla::ClockState::Paused };
/// assert_eq!(serde_json::to_value(&o).unwrap()["state"], "paused");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenRow {
    /// The request.
    pub request: String,
    /// The metric.
    pub metric: Metric,
    /// The category at `read_at`.
    pub category: Category,
    /// The priority at `read_at`.
    pub priority: Priority,
    /// When the clock (or the update period) started.
    #[serde(with = "serde_utc")]
    pub started_at: DateTime<Utc>,
    /// Its due with extensions (`null`: unknown while paused); at or after the period's end.
    #[serde(with = "serde_utc::option")]
    pub due_at: Option<DateTime<Utc>>,
    /// Its state at `read_at` (running, paused; met or breached only after the period).
    pub state: ClockState,
}

/// An event of a request that the regulation refused.
///
/// # Example
/// ```
/// let r = reglament::report::period::RefusalRow { index: 3, kind: "archive".into(),
///     at: reglament::instant::parse("2026-11-02T10:00:00Z").unwrap(), clause: "3.6", code: "too_early".into(),
///     message_en: "m".into(), message_uk: "м".into() };
/// assert_eq!(serde_json::to_value(&r).unwrap()["clause"], "3.6");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefusalRow {
    /// The event's position in the history (0-based).
    pub index: usize,
    /// Its kind.
    pub kind: String,
    /// Its instant.
    #[serde(with = "serde_utc")]
    pub at: DateTime<Utc>,
    /// The clause that refused it.
    pub clause: &'static str,
    /// The refusal's code.
    pub code: String,
    /// Why, in English.
    pub message_en: String,
    /// Why, in Ukrainian.
    pub message_uk: String,
}

/// A request read, with its anchor and what kept it out, if anything.
///
/// # Example
/// ```
/// let r = reglament::report::period::RequestRow { id: "T-1".into(), regulation: None, head: None,
///     registered_at: None, status: None, events: 0, clocks: 0, refused: vec![], error: None };
/// assert!(serde_json::to_value(&r).unwrap()["head"].is_null());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestRow {
    /// The request's id.
    pub id: String,
    /// The fingerprint of the version that judged it (`null` when none could).
    pub regulation: Option<String>,
    /// The head of its hash chain (`null` when no version could judge it).
    pub head: Option<String>,
    /// When it was registered (`null`: never).
    #[serde(with = "serde_utc::option")]
    pub registered_at: Option<DateTime<Utc>>,
    /// Its status at `read_at`.
    pub status: Option<Status>,
    /// Events in its history.
    pub events: usize,
    /// Its clocks that this period counted, listed open or rejected.
    pub clocks: u64,
    /// Its events the regulation refused (the history is reported as accepted).
    pub refused: Vec<RefusalRow>,
    /// Why it could not be reported, if so: `{"code", "field", "message"}`.
    pub error: Option<serde_json::Value>,
}

/// A period SLA report (see the [module documentation](self)).
///
/// # Example
/// ```
/// use reglament::{model::Metric, report::period::{Judge, Options, Report}, ticket::Event, instant::parse, Regulation};
/// let reg = Regulation::default();
/// let events: Vec<Event> = [
///   r#"{"kind":"register","at":"2026-11-02T10:00:00+02:00","actor":{"id":"op","role":"operator"},
///       "channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}"#,
///   r#"{"kind":"start_work","at":"2026-11-02T10:20:00+02:00","actor":{"id":"c","role":"consultant"}}"#,
/// ].iter().map(|l| Event::from_json(l).unwrap()).collect();
/// let requests = [reglament::report::period::Request { id: "T-1", events: &events, head: None }];
/// let opts = Options::new("2026-11-01".parse().unwrap(), "2026-12-01".parse().unwrap(),
///     parse("2026-12-01T09:00:00Z").unwrap());
/// let r = Report::build(Judge::One(&reg), &requests, &opts).unwrap();
/// let resp = r.totals.iter().find(|t| t.bucket.is_none() && t.metric == Metric::Response).unwrap();
/// assert_eq!((resp.extended.counted, resp.extended.on_time), (1, 1));
/// assert_eq!(resp.extended.percent_on_time, Some(100.0));
/// assert!(r.merkle_root.starts_with("sha256:"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The format's name and version: `reglament-report/1`.
    pub format: &'static str,
    /// The regulation versions that may judge the requests, oldest first.
    pub regulations: Vec<VersionInfo>,
    /// The period.
    pub period: PeriodInfo,
    /// The instant the report was produced at.
    #[serde(with = "serde_utc")]
    pub now: DateTime<Utc>,
    /// The instant the clocks were read at: the earlier of `now` and the period's end.
    #[serde(with = "serde_utc")]
    pub read_at: DateTime<Utc>,
    /// The agreed share on time, percent, when given.
    pub target_percent: Option<f64>,
    /// How many requests were read.
    pub requests_read: usize,
    /// RFC 6962 Merkle root over `{"head", "request"}` of every request with a head (DESIGN §5).
    pub merkle_root: String,
    /// The buckets, in order.
    pub buckets: Vec<Bucket>,
    /// Per metric, category and priority: the whole period (`bucket: null`), then per bucket.
    pub groups: Vec<Row>,
    /// Per metric, all categories and priorities: the whole period, then per bucket.
    pub totals: Vec<Row>,
    /// Per metric and priority, the whole period (for the distribution of working times).
    pub priorities: Vec<Row>,
    /// The clocks breached in the period.
    pub breaches: Vec<BreachRow>,
    /// The clocks open at the period's end.
    pub open: Vec<OpenRow>,
    /// Every request read, in input order.
    pub requests: Vec<RequestRow>,
}
