//! Period SLA reports (DESIGN §6): the document the two parties sign off.
//!
//! [`Report::build`] reads many requests (each an id and its events) judged
//! by one regulation or by a contract's versions, over a period `[from,
//! to)` of local dates in the regulation's zone, and counts every clock:
//!
//! * The clocks are read at `read_at = min(now, the period's end)`: facts
//!   dated after the period's end do not count, so the report of a closed
//!   period is the same whenever it is produced again.
//! * A clock counts in the bucket (month, ISO week, or the whole period)
//!   holding its **outcome instant**: `met_at` when met on time; the breach
//!   instant (its due) when breached, whether or not met later. A clock
//!   with no outcome before the period's end is **open**: listed, not in
//!   the percentages. A clock whose outcome came before the period is not
//!   this period's. A rejected request's clocks that had no outcome are
//!   **rejected**, counted apart (in the bucket of the rejection). An
//!   update-interval period ended by the archive (the request is done) is
//!   no clock to count; a clock without a category has no due and is left
//!   out.
//! * A breach stays a breach: a later change of priority or category, or a
//!   later extension, that moves the due past the instant already passed
//!   does not undo it (the clocks are also read just before each such
//!   change; DESIGN §2 keeps every due that held). So moving `now` forward
//!   never un-breaches a clock.
//! * Each update-interval period is a clock of its own
//!   ([`Ticket::update_periods`]).
//! * A clock is grouped by the category and priority in force at its
//!   outcome instant (at `read_at` for an open clock).
//! * Everything is counted twice: by the due **with** the agreed extensions
//!   (`extended`) and by the **original** due (`original`), each with its own
//!   outcome instant.
//! * Working time to meet (`time_to_meet`): the clocks counted (by the
//!   extended due) that were met, their consumed working seconds: mean,
//!   nearest-rank median and p90, max.
//!
//! The report names the contract's parameters and each regulation
//! version's fingerprint, the period, `now`, the requests read with each
//! one's head (the hash-chain head of its events, DESIGN §5) and the
//! Merkle root over those heads. A request that cannot be judged (no
//! version in force at its registration, a calendar that cannot place its
//! clocks) or whose events the regulation refused is listed with why, and
//! the report goes on.

mod stats;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use serde::Serialize;

pub use stats::{percent, Durations};

use crate::error::{Error, Result};
use crate::instant::serde_utc;
use crate::model::{vocabulary, Category, Metric, Priority, Status};
use crate::record::{self, Versions};
use crate::regulation::{Contract, Regulation, SlaTarget};
use crate::sla::{Clock, ClockState};
use crate::ticket::{Change, Event, Extension, Outcome, Ticket};

vocabulary! {
    /// How a report cuts its period into buckets.
    ///
    /// # Example
    /// ```
    /// use reglament::report::period::Bucketing;
    /// assert_eq!("week".parse::<Bucketing>().unwrap(), Bucketing::Week);
    /// assert!("day".parse::<Bucketing>().is_err());
    /// ```
    pub enum Bucketing in "reglament::report::period" {
        /// Calendar months (the default).
        Month = "month", "місяць", "month";
        /// ISO weeks, Monday to Sunday.
        Week = "week", "тиждень", "week";
        /// The whole period as one bucket.
        None = "none", "весь період", "whole period";
    }
}

/// Which regulation judges the requests.
///
/// # Example
/// ```
/// use reglament::{report::period::Judge, Regulation};
/// let reg = Regulation::default();
/// let j = Judge::One(&reg);
/// assert_eq!(j.zone_regulation().fingerprint(), reg.fingerprint());
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Judge<'a> {
    /// One regulation judges every request.
    One(&'a Regulation),
    /// The version in force at each request's registration judges it.
    Contract(&'a Versions),
}

impl<'a> Judge<'a> {
    /// The regulation whose calendar zone the period's dates are in (the
    /// contract's first version: its versions share one zone).
    ///
    /// # Example
    /// ```
    /// use reglament::{report::period::Judge, Regulation};
    /// let reg = Regulation::default();
    /// assert_eq!(Judge::One(&reg).zone_regulation().calendar().timezone().name(), "Europe/Kyiv");
    /// ```
    pub fn zone_regulation(&self) -> &'a Regulation {
        match self {
            Judge::One(r) => r,
            Judge::Contract(c) => c.versions().next().unwrap_or_else(|| default_regulation()),
        }
    }

    fn versions(&self) -> Vec<&'a Regulation> {
        match self {
            Judge::One(r) => vec![*r],
            Judge::Contract(c) => c.versions().collect(),
        }
    }

    fn for_events(&self, events: &[Event]) -> Result<&'a Regulation> {
        match self {
            Judge::One(r) => Ok(r),
            Judge::Contract(c) => c.for_history(events),
        }
    }
}

fn default_regulation() -> &'static Regulation {
    static DEFAULT: std::sync::OnceLock<Regulation> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Regulation::default)
}

/// One request to report on: its id (the file stem, in the CLI), its
/// events as recorded, and, when the host already has it (a verified
/// chain), its head; otherwise the head is computed from the events.
///
/// # Example
/// ```
/// let r = reglament::report::period::Request { id: "T-1", events: &[], head: None };
/// assert_eq!(r.id, "T-1");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The request's id.
    pub id: &'a str,
    /// Its events, as recorded (refused ones included: they are part of the history).
    pub events: &'a [Event],
    /// Its head, when known (`record::head` of the events under the
    /// regulation that judges it).
    pub head: Option<&'a str>,
}

/// The period and how to read it.
///
/// # Example
/// ```
/// use reglament::{report::period::{Bucketing, Options}, instant::parse};
/// let o = Options::new("2026-11-01".parse().unwrap(), "2026-12-01".parse().unwrap(),
///     parse("2026-12-02T09:00:00Z").unwrap());
/// assert_eq!(o.by, Bucketing::Month);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The first local date of the period (inclusive).
    pub from: NaiveDate,
    /// The local date after the period (exclusive).
    pub to: NaiveDate,
    /// The instant the report is produced at.
    pub now: DateTime<Utc>,
    /// The buckets.
    pub by: Bucketing,
    /// The agreed share of clocks on time, in percent, when the contract
    /// states one (shown beside each metric; not used in the counting).
    pub target_percent: Option<f64>,
}

impl Options {
    /// A period by month, without a target percentage.
    ///
    /// # Example
    /// ```
    /// use reglament::{report::period::Options, instant::parse};
    /// let o = Options::new("2026-01-01".parse().unwrap(), "2027-01-01".parse().unwrap(),
    ///     parse("2027-01-02T00:00:00Z").unwrap());
    /// assert!(o.target_percent.is_none());
    /// ```
    pub fn new(from: NaiveDate, to: NaiveDate, now: DateTime<Utc>) -> Options {
        Options {
            from,
            to,
            now,
            by: Bucketing::Month,
            target_percent: None,
        }
    }
    /// The options document every face takes: `{"from": "YYYY-MM-DD", "to":
    /// "YYYY-MM-DD", "now": RFC 3339, "by"?: "month" | "week" | "none",
    /// "target_percent"?: number, "contract"?: {"versions": [...]}}`, with
    /// the contract when there is one. Errors name `options.<key>`.
    ///
    /// # Example
    /// ```
    /// use reglament::report::period::Options;
    /// let v = serde_json::json!({"from": "2026-11-01", "to": "2026-12-01", "now": "2026-12-01T09:00:00Z", "by": "week"});
    /// let (o, contract) = Options::from_value(&v).unwrap();
    /// assert!(contract.is_none() && o.to.to_string() == "2026-12-01");
    /// let bad = serde_json::json!({"from": "2026-11-01", "to": "2026-12-01", "now": "2026-12-01T09:00:00Z", "by": "day"});
    /// assert_eq!(Options::from_value(&bad).unwrap_err().field(), Some("options.by"));
    /// ```
    pub fn from_value(v: &serde_json::Value) -> Result<(Options, Option<Versions>)> {
        use serde_json::Value;
        let text = |key: &str| -> Result<&str> {
            v.get(key)
                .and_then(Value::as_str)
                .ok_or_else(|| Error::invalid(format!("options.{key}"), "expected a string"))
        };
        let date = |key: &str| -> Result<NaiveDate> {
            crate::instant::parse_date(text(key)?).ok_or_else(|| {
                Error::invalid(format!("options.{key}"), "expected a local date YYYY-MM-DD")
            })
        };
        let by = match v.get("by").and_then(Value::as_str) {
            None => Bucketing::Month,
            Some(b) => b.parse().map_err(|_| {
                Error::invalid(
                    "options.by",
                    format!(
                        "{:?} is not one of month, week, none",
                        crate::error::cap(b.to_string())
                    ),
                )
            })?,
        };
        let options = Options {
            from: date("from")?,
            to: date("to")?,
            now: crate::instant::parse(text("now")?).map_err(|e| e.within("options.now"))?,
            by,
            target_percent: v.get("target_percent").and_then(Value::as_f64),
        };
        let contract = match v.get("contract") {
            None | Some(Value::Null) => None,
            Some(c) => Some(Versions::from_value(c).map_err(|e| e.within("options.contract"))?),
        };
        Ok((options, contract))
    }
}

/// The requests document every face takes, `[{"id": "T-1", "events":
/// [...]}, ...]`, read: errors name `requests[i].id` or
/// `requests[i].events[j]...`.
///
/// # Example
/// ```
/// use reglament::report::period::requests_from_value;
/// let v = serde_json::json!([{"id": "T-1", "events": [{"kind": "nope"}]}]);
/// assert_eq!(requests_from_value(&v).unwrap_err().field(), Some("requests[0].events[0].kind"));
/// ```
pub fn requests_from_value(v: &serde_json::Value) -> Result<Vec<(String, Vec<Event>)>> {
    use serde_json::Value;
    let list = v
        .as_array()
        .ok_or_else(|| Error::invalid("requests", "expected an array of {id, events}"))?;
    let mut out = Vec::with_capacity(list.len());
    for (i, r) in list.iter().enumerate() {
        let id = r
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::invalid(format!("requests[{i}].id"), "expected a string"))?;
        let events = r.get("events").and_then(Value::as_array).ok_or_else(|| {
            Error::invalid(
                format!("requests[{i}].events"),
                "expected an array of events",
            )
        })?;
        let events = events
            .iter()
            .enumerate()
            .map(|(j, e)| Event::from_value(e, &format!("requests[{i}].events[{j}]")))
            .collect::<Result<Vec<_>>>()?;
        out.push((id.to_string(), events));
    }
    Ok(out)
}

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
    fn add(&mut self, o: &Tally) {
        self.counted += o.counted;
        self.on_time += o.on_time;
        self.breached += o.breached;
    }

    fn close(&mut self) {
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

/// Where one clock's outcome by one due falls.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Verdict {
    OnTime(DateTime<Utc>),
    Breached(DateTime<Utc>),
    Rejected(DateTime<Utc>),
    Open,
    Skip,
}

fn verdict(c: &Clock, extended: bool, rejected: bool) -> Verdict {
    let (breached, on_time) = if extended {
        (c.breached_at, c.on_time)
    } else {
        (c.original_breached_at, c.on_time_original)
    };
    if let Some(d) = breached {
        return Verdict::Breached(d);
    }
    match c.state {
        ClockState::Met => match (on_time, c.met_at) {
            (Some(true), Some(m)) => Verdict::OnTime(m),
            _ => Verdict::Skip,
        },
        // an update period that begins with the rejection itself has nothing to count
        ClockState::Stopped => match c.stopped_at {
            Some(s) if rejected && c.target.is_some() && s > c.started_at => Verdict::Rejected(s),
            _ => Verdict::Skip,
        },
        ClockState::Unclassified => Verdict::Skip,
        ClockState::Running | ClockState::Paused | ClockState::Breached => {
            if c.target.is_some() || c.due_at.is_some() {
                Verdict::Open
            } else {
                Verdict::Skip
            }
        }
    }
}

/// Keeps in `last` (the clock read at the end) a breach that `early` (the
/// same clock read before a change of its due) had already seen.
fn stick(last: &mut Clock, early: &Clock) {
    if let Some(d) = early.breached_at {
        if last.breached_at.map_or(true, |l| l > d) {
            // the due that was passed, in consumed time from the clock's start
            let level = early.consumed + early.remaining.unwrap_or(0);
            last.breached_at = Some(d);
            last.due_at = Some(d);
            last.remaining = Some(level - last.consumed);
            if last.met_at.is_some() {
                last.on_time = Some(false);
            }
        }
    }
    if let Some(d) = early.original_breached_at {
        if last.original_breached_at.map_or(true, |l| l > d) {
            last.original_breached_at = Some(d);
            last.original_due_at = Some(d);
            if last.met_at.is_some() {
                last.on_time_original = Some(false);
            }
        }
    }
}

/// The value of a change list in force at `at` (the first one before it:
/// the first classification applies from registration).
fn in_force<T: Copy>(changes: &[Change<T>], at: DateTime<Utc>) -> Option<T> {
    let n = changes.partition_point(|c| c.at <= at);
    changes
        .get(n.saturating_sub(1))
        .or(changes.first())
        .map(|c| c.to)
}

/// The buckets of `[from, to)`.
fn buckets(from: NaiveDate, to: NaiveDate, by: Bucketing) -> Vec<(NaiveDate, NaiveDate, String)> {
    let mut out = Vec::new();
    let mut d = from;
    while d < to {
        let (end, label) = match by {
            Bucketing::None => (to, "all".to_string()),
            Bucketing::Month => {
                let first = d.with_day(1).unwrap_or(d);
                let next = first.checked_add_months(Months::new(1)).unwrap_or(to);
                (next, format!("{:04}-{:02}", d.year(), d.month()))
            }
            Bucketing::Week => {
                let back = u64::from(d.weekday().num_days_from_monday());
                let monday = d.checked_sub_days(Days::new(back)).unwrap_or(d);
                let next = monday.checked_add_days(Days::new(7)).unwrap_or(to);
                let w = d.iso_week();
                (next, format!("{:04}-W{:02}", w.year(), w.week()))
            }
        };
        let end = end.min(to).max(d.succ_opt().unwrap_or(to));
        out.push((d, end, label));
        d = end;
    }
    out
}

/// Accumulates one row's figures.
#[derive(Debug, Default, Clone)]
struct Acc {
    extended: Tally,
    original: Tally,
    open: u64,
    rejected: u64,
    met: Vec<i64>,
}

impl Acc {
    fn touched(&self) -> bool {
        self.extended.counted + self.original.counted + self.open + self.rejected > 0
    }
}

/// The key of a cell: (bucket index or `usize::MAX` for the whole period,
/// metric, category, priority), as indexes.
type Key = (usize, usize, usize, usize);

const WHOLE: usize = usize::MAX;

fn index_of<T: PartialEq>(all: &[T], x: &T) -> usize {
    all.iter().position(|y| y == x).unwrap_or(0)
}

struct Builder<'r> {
    from_i: DateTime<Utc>,
    to_i: DateTime<Utc>,
    read_at: DateTime<Utc>,
    zone_reg: &'r Regulation,
    by: Bucketing,
    starts: Vec<NaiveDate>,
    labels: Vec<String>,
    /// Every cell, indexed by [`Builder::index`]: the whole period first,
    /// then bucket by bucket; metric, category, priority in vocabulary order.
    cells: Vec<Acc>,
    breaches: Vec<BreachRow>,
    open: Vec<OpenRow>,
}

impl Builder<'_> {
    fn bucket_of(&self, t: DateTime<Utc>) -> usize {
        let d = self.zone_reg.calendar().local_date(t);
        self.starts.partition_point(|s| *s <= d).saturating_sub(1)
    }

    /// The position of a cell in `cells`.
    fn index((b, mi, ci, pi): Key) -> usize {
        let order = if b == WHOLE { 0 } else { b + 1 };
        ((order * Metric::ALL.len() + mi) * Category::ALL.len() + ci) * Priority::ALL.len() + pi
    }

    /// The key of the cell at `i` in `cells`.
    fn key(i: usize) -> Key {
        let (np, nc, nm) = (Priority::ALL.len(), Category::ALL.len(), Metric::ALL.len());
        let (pi, rest) = (i % np, i / np);
        let (ci, rest) = (rest % nc, rest / nc);
        let (mi, order) = (rest % nm, rest / nm);
        let b = if order == 0 { WHOLE } else { order - 1 };
        (b, mi, ci, pi)
    }

    /// Applies `f` to the cell of the whole period and to the bucket's.
    fn add(&mut self, b: usize, m: Metric, c: Category, p: Priority, f: impl Fn(&mut Acc)) {
        let (mi, ci, pi) = (
            index_of(Metric::ALL, &m),
            index_of(Category::ALL, &c),
            index_of(Priority::ALL, &p),
        );
        if let Some(a) = self.cells.get_mut(Self::index((WHOLE, mi, ci, pi))) {
            f(a);
        }
        if b != WHOLE {
            if let Some(a) = self.cells.get_mut(Self::index((b, mi, ci, pi))) {
                f(a);
            }
        }
    }

    /// Counts one clock of request `id` (`ticket`), by both dues.
    fn clock(&mut self, id: &str, ticket: &Ticket, c: &Clock, rejected: bool) -> bool {
        let class = |at: DateTime<Utc>| {
            (
                in_force(ticket.category_changes(), at),
                in_force(ticket.priority_changes(), at),
            )
        };
        let mut touched = false;
        for extended in [true, false] {
            let v = verdict(c, extended, rejected);
            let at = match v {
                Verdict::OnTime(t) | Verdict::Breached(t) | Verdict::Rejected(t) => {
                    if t < self.from_i {
                        continue;
                    }
                    if t >= self.to_i {
                        None
                    } else {
                        Some(t)
                    }
                }
                Verdict::Open => None,
                Verdict::Skip => continue,
            };
            let Some(at) = at else {
                // open at the period's end: listed once, counted in the whole period's row
                if extended {
                    if let (Some(cat), Some(prio)) = class(self.read_at) {
                        self.add(WHOLE, c.metric, cat, prio, |a| a.open += 1);
                        self.open.push(OpenRow {
                            request: id.to_string(),
                            metric: c.metric,
                            category: cat,
                            priority: prio,
                            started_at: c.started_at,
                            due_at: c.due_at,
                            state: c.state,
                        });
                        touched = true;
                    }
                }
                continue;
            };
            let (Some(cat), Some(prio)) = class(at) else {
                continue;
            };
            touched = true;
            let b = self.bucket_of(at);
            let by_bucket = if self.by == Bucketing::None { WHOLE } else { b };
            let consumed = c.consumed;
            let met = c.met_at.is_some();
            self.add(by_bucket, c.metric, cat, prio, |a| {
                let t = if extended {
                    &mut a.extended
                } else {
                    &mut a.original
                };
                match v {
                    Verdict::OnTime(_) => {
                        t.counted += 1;
                        t.on_time += 1;
                    }
                    Verdict::Breached(_) => {
                        t.counted += 1;
                        t.breached += 1;
                    }
                    Verdict::Rejected(_) if extended => a.rejected += 1,
                    _ => {}
                }
            });
            if extended && met && matches!(v, Verdict::OnTime(_) | Verdict::Breached(_)) {
                self.add(by_bucket, c.metric, cat, prio, |a| a.met.push(consumed));
            }
            let original_only =
                !extended && matches!(v, Verdict::Breached(_)) && c.breached_at.is_none();
            if (extended && matches!(v, Verdict::Breached(_))) || original_only {
                let over = if extended {
                    c.remaining.map_or(0, |r| (-r).max(0))
                } else {
                    (c.consumed - c.target.unwrap_or(0)).max(0)
                };
                let until = c.met_at.unwrap_or(self.read_at);
                let extensions = ticket
                    .extensions()
                    .iter()
                    .filter(|e| e.metric == c.metric && e.at >= c.started_at && e.at <= until)
                    .map(extension_row)
                    .collect();
                self.breaches.push(BreachRow {
                    request: id.to_string(),
                    metric: c.metric,
                    bucket: self.labels.get(b).cloned().unwrap_or_default(),
                    category: cat,
                    priority: prio,
                    started_at: c.started_at,
                    due_at: c.due_at,
                    original_due_at: c.original_due_at,
                    met_at: c.met_at,
                    over_seconds: over,
                    by_extended_due: extended,
                    extensions,
                });
            }
        }
        touched
    }

    /// The rows: whole period first, then bucket by bucket; per metric in
    /// vocabulary order, then category and priority.
    fn rows(&self) -> (Vec<Row>, Vec<Row>, Vec<Row>) {
        let mut groups = Vec::new();
        let mut totals: std::collections::BTreeMap<(usize, usize), Acc> = Default::default();
        let mut prios: std::collections::BTreeMap<(usize, usize), Acc> = Default::default();
        let label =
            |b: usize| (b != WHOLE).then(|| self.labels.get(b).cloned().unwrap_or_default());
        let order = |b: usize| if b == WHOLE { 0 } else { b + 1 };
        for (i, acc) in self.cells.iter().enumerate() {
            if !acc.touched() {
                continue;
            }
            let (b, mi, ci, pi) = Self::key(i);
            let t = totals.entry((order(b), mi)).or_default();
            merge(t, acc, b == WHOLE);
            if b == WHOLE {
                merge(prios.entry((mi, pi)).or_default(), acc, true);
            }
            groups.push(row(
                label(b),
                Metric::ALL.get(mi).copied().unwrap_or(Metric::Response),
                Category::ALL.get(ci).copied(),
                Priority::ALL.get(pi).copied(),
                acc,
                b == WHOLE,
            ));
        }
        // every metric has a total for the whole period and for each bucket,
        // even with nothing counted
        for mi in 0..Metric::ALL.len() {
            totals.entry((0, mi)).or_default();
            if self.by != Bucketing::None {
                for b in 0..self.labels.len() {
                    totals.entry((b + 1, mi)).or_default();
                }
            }
        }
        let totals = totals
            .iter()
            .map(|(&(o, mi), acc)| {
                let b = if o == 0 { WHOLE } else { o - 1 };
                row(
                    label(b),
                    Metric::ALL.get(mi).copied().unwrap_or(Metric::Response),
                    None,
                    None,
                    acc,
                    b == WHOLE,
                )
            })
            .collect();
        let prios = prios
            .iter()
            .filter(|(_, a)| a.touched())
            .map(|(&(mi, pi), acc)| {
                row(
                    None,
                    Metric::ALL.get(mi).copied().unwrap_or(Metric::Response),
                    None,
                    Priority::ALL.get(pi).copied(),
                    acc,
                    true,
                )
            })
            .collect();
        (groups, totals, prios)
    }
}

fn merge(into: &mut Acc, from: &Acc, whole: bool) {
    into.extended.add(&from.extended);
    into.original.add(&from.original);
    if whole {
        into.open += from.open;
    }
    into.rejected += from.rejected;
    into.met.extend_from_slice(&from.met);
}

fn row(
    bucket: Option<String>,
    metric: Metric,
    category: Option<Category>,
    priority: Option<Priority>,
    acc: &Acc,
    whole: bool,
) -> Row {
    let (mut extended, mut original) = (acc.extended, acc.original);
    extended.close();
    original.close();
    Row {
        bucket,
        metric,
        category,
        priority,
        extended,
        original,
        open: whole.then_some(acc.open),
        rejected: acc.rejected,
        time_to_meet: Durations::of(&mut acc.met.clone()),
    }
}

fn extension_row(e: &Extension) -> ExtensionRow {
    ExtensionRow {
        at: e.at,
        by: e.by.id.clone(),
        new_due: e.new_due,
        add_seconds: e.add_seconds,
        evidence: e.evidence.clone(),
    }
}

fn version_info(r: &Regulation) -> VersionInfo {
    let s = r.spec();
    VersionInfo {
        id: s.id.clone(),
        version: s.version.clone(),
        effective_from: s.effective_from.map(|d| d.to_string()),
        fingerprint: r.fingerprint().to_string(),
        contract: s.contract.clone(),
        timezone: s.calendar.timezone.clone(),
        sla_example: s.sla.example,
        sla: s.sla.targets.clone(),
    }
}

fn midnight(reg: &Regulation, d: NaiveDate, field: &str) -> Result<DateTime<Utc>> {
    reg.calendar()
        .local_to_instant(d.and_hms_opt(0, 0, 0).unwrap_or_default())
        .map_err(|e| e.within(field))
}

impl Report {
    /// Builds the report of `requests` judged by `judge` over `options`'
    /// period (see the [module documentation](self) for the counting).
    ///
    /// # Errors
    /// `invalid_value` on `to` when the period is empty (`from >= to`);
    /// `invalid_value` on `requests[i].id` for an empty or repeated id;
    /// `out_of_range` when a date cannot be placed in the zone. A request
    /// that cannot be judged is no error: it is listed with why.
    ///
    /// # Example
    /// ```
    /// use reglament::{report::period::{Judge, Options, Report}, instant::parse, Regulation};
    /// let reg = Regulation::default();
    /// let o = Options::new("2026-12-01".parse().unwrap(), "2026-12-01".parse().unwrap(),
    ///     parse("2026-12-02T00:00:00Z").unwrap());
    /// let err = Report::build(Judge::One(&reg), &[], &o).unwrap_err();
    /// assert_eq!((err.code(), err.field()), ("invalid_value", Some("to")));
    /// ```
    pub fn build(judge: Judge<'_>, requests: &[Request<'_>], options: &Options) -> Result<Report> {
        if options.from >= options.to {
            return Err(Error::invalid(
                "to",
                format!(
                    "the period [{}, {}) is empty: `to` (exclusive) must come after `from`",
                    options.from, options.to
                ),
            ));
        }
        let zone_reg = judge.zone_regulation();
        let from_i = midnight(zone_reg, options.from, "from")?;
        let to_i = midnight(zone_reg, options.to, "to")?;
        let read_at = options.now.min(to_i);
        let cut = buckets(options.from, options.to, options.by);
        let mut b = Builder {
            from_i,
            to_i,
            read_at,
            zone_reg,
            by: options.by,
            starts: cut.iter().map(|x| x.0).collect(),
            labels: cut.iter().map(|x| x.2.clone()).collect(),
            cells: vec![
                Acc::default();
                (cut.len() + 1)
                    * Metric::ALL.len()
                    * Category::ALL.len()
                    * Priority::ALL.len()
            ],
            breaches: Vec::new(),
            open: Vec::new(),
        };
        let mut seen = std::collections::HashSet::with_capacity(requests.len());
        let mut rows = Vec::with_capacity(requests.len());
        let mut heads = Vec::with_capacity(requests.len());
        for (i, r) in requests.iter().enumerate() {
            if r.id.is_empty() || !seen.insert(r.id) {
                return Err(Error::invalid(
                    format!("requests[{i}].id"),
                    format!(
                        "request id {:?} is empty or repeated: each request is reported once, under its own id",
                        r.id
                    ),
                ));
            }
            let row = b.request(judge, r);
            if let Some(h) = &row.head {
                heads.push((row.id.clone(), h.clone()));
            }
            rows.push(row);
        }
        let (groups, totals, priorities) = b.rows();
        Ok(Report {
            format: "reglament-report/1",
            regulations: judge.versions().into_iter().map(version_info).collect(),
            period: PeriodInfo {
                from: options.from.to_string(),
                to: options.to.to_string(),
                timezone: zone_reg.spec().calendar.timezone.clone(),
                from_instant: from_i,
                to_instant: to_i,
                by: options.by,
            },
            now: options.now,
            read_at,
            target_percent: options.target_percent,
            requests_read: requests.len(),
            merkle_root: record::merkle_root(&heads),
            buckets: cut
                .into_iter()
                .map(|(f, t, label)| Bucket {
                    label,
                    from: f.to_string(),
                    to: t.to_string(),
                })
                .collect(),
            groups,
            totals,
            priorities,
            breaches: b.breaches,
            open: b.open,
            requests: rows,
        })
    }

    /// The report as a JSON value (the documented shape, schemas/report.schema.json).
    ///
    /// # Example
    /// ```
    /// use reglament::{report::period::{Judge, Options, Report}, instant::parse, Regulation};
    /// let reg = Regulation::default();
    /// let r = Report::build(Judge::One(&reg), &[], &Options::new("2026-11-01".parse().unwrap(),
    ///     "2026-12-01".parse().unwrap(), parse("2026-12-01T00:00:00Z").unwrap())).unwrap();
    /// assert_eq!(r.to_value()["format"], "reglament-report/1");
    /// ```
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

impl Builder<'_> {
    /// Judges, anchors and counts one request.
    fn request(&mut self, judge: Judge<'_>, r: &Request<'_>) -> RequestRow {
        let mut row = RequestRow {
            id: r.id.to_string(),
            regulation: None,
            head: None,
            registered_at: None,
            status: None,
            events: r.events.len(),
            clocks: 0,
            refused: Vec::new(),
            error: None,
        };
        let reg = match judge.for_events(r.events) {
            Ok(reg) => reg,
            Err(e) => {
                row.error = Some(e.to_value());
                return row;
            }
        };
        row.regulation = Some(reg.fingerprint().to_string());
        row.head = Some(match r.head {
            Some(h) => h.to_string(),
            None => record::head(reg.fingerprint(), r.id, r.events),
        });
        let replay = Ticket::replay(reg, r.id, r.events.iter().cloned());
        for s in &replay.steps {
            if let Outcome::Refused(x) = &s.outcome {
                row.refused.push(RefusalRow {
                    index: s.index,
                    kind: s.kind.code().to_string(),
                    at: s.at,
                    clause: x.clause,
                    code: x.code.code().to_string(),
                    message_en: x.message_en(),
                    message_uk: x.message_uk(),
                });
            }
        }
        let ticket = replay.ticket;
        row.registered_at = ticket.registered_at();
        if !ticket.registered_at().is_some_and(|t| t <= self.read_at) {
            return row;
        }
        row.status = ticket
            .status_changes()
            .iter()
            .take_while(|s| s.at <= self.read_at)
            .last()
            .map(|s| s.to);
        let rejected = ticket.rejection().is_some_and(|x| x.at <= self.read_at);
        let (clocks, mut periods) = match ticket.clocks_and_periods(reg, self.read_at) {
            Ok(c) => c,
            Err(e) => {
                row.error = Some(e.to_value());
                return row;
            }
        };
        let mut main = [clocks.response, clocks.resolution];
        // a breach stays: read the clocks again just before each later change
        // of their dues (priority, category, extension) and keep the breaches
        // seen then, which the change may have moved away
        let mut checkpoints: Vec<DateTime<Utc>> = ticket
            .priority_changes()
            .iter()
            .skip(1)
            .map(|c| c.at)
            .chain(ticket.category_changes().iter().skip(1).map(|c| c.at))
            .chain(ticket.extensions().iter().map(|e| e.at))
            .filter_map(|t| t.checked_sub_signed(chrono::TimeDelta::seconds(1)))
            .filter(|t| ticket.registered_at().is_some_and(|r| *t >= r) && *t < self.read_at)
            .collect();
        checkpoints.sort_unstable();
        checkpoints.dedup();
        for t in checkpoints {
            let Ok((early, early_periods)) = ticket.clocks_and_periods(reg, t) else {
                continue;
            };
            stick(&mut main[0], &early.response);
            stick(&mut main[1], &early.resolution);
            for e in &early_periods {
                match periods.iter_mut().find(|p| p.started_at == e.started_at) {
                    Some(p) => stick(p, e),
                    // the change took the update interval away (a row without
                    // one): a period already breached stays breached
                    None if e.breached_at.is_some() || e.original_breached_at.is_some() => {
                        periods.push(e.clone())
                    }
                    None => {}
                }
            }
        }
        let mut n = 0;
        for c in main.iter().chain(periods.iter()) {
            if self.clock(r.id, &ticket, c, rejected) {
                n += 1;
            }
        }
        row.clocks = n;
        row
    }
}
