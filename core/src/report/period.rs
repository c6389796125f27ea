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

mod inputs;
mod rows;
mod stats;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};

pub use inputs::*;
pub use rows::*;
pub use stats::{percent, Durations};

use crate::error::{Error, Result};
use crate::model::{vocabulary, Category, Metric, Priority};
use crate::record::{self};
use crate::regulation::{Regulation, SlaTarget};
use crate::sla::{Clock, ClockState};
use crate::ticket::{Change, Extension, Outcome, Ticket};

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
        .local_to_instant(d.and_time(chrono::NaiveTime::MIN))
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
