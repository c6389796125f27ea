//! A clock explains itself: the working intervals it counted (the
//! calendar's working intervals minus the pauses), the pauses and why, the
//! extensions and who agreed, the due changes, and the weekends and
//! holidays it skipped; as data and as sentences in Ukrainian and English.
//! The counted intervals add up exactly to the clock's consumed time.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;

use super::{Clock, ClockState, StopReason};
use crate::error::Result;
use crate::i18n::{duration, Lang, Text};
use crate::instant::serde_utc;
use crate::model::Metric;
use crate::regulation::Regulation;
use crate::ticket::Ticket;
use crate::Calendar;

/// A stretch of working time the clock counted.
///
/// # Example
/// ```
/// use reglament::sla::CountedInterval;
/// let from = reglament::instant::parse("2026-03-02T08:00:00Z").unwrap();
/// let to = reglament::instant::parse("2026-03-02T09:00:00Z").unwrap();
/// let c = CountedInterval { from, to, seconds: 3600 };
/// assert_eq!(serde_json::to_value(&c).unwrap()["seconds"], 3600);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountedInterval {
    /// Start.
    #[serde(with = "serde_utc")]
    pub from: DateTime<Utc>,
    /// End (exclusive).
    #[serde(with = "serde_utc")]
    pub to: DateTime<Utc>,
    /// `to - from`, in seconds (all of it working time).
    pub seconds: i64,
}

/// A pause of the clock, within the explained span, with the working time it held back.
///
/// # Example
/// ```
/// use reglament::sla::{ExplainedPause, StopReason};
/// let from = reglament::instant::parse("2026-03-02T08:00:00Z").unwrap();
/// let p = ExplainedPause { reason: StopReason::AwaitingUser, declared: None, from, to: from,
///     open: true, working_seconds: 0 };
/// assert_eq!(serde_json::to_value(&p).unwrap()["reason"], "awaiting_user");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainedPause {
    /// Why.
    pub reason: StopReason,
    /// For [`StopReason::Declared`]: the declared reason (its id is written
    /// as `reason`, its names as `name_uk` and `name_en`).
    pub declared: Option<crate::regulation::PauseReasonSpec>,
    /// From when (clipped to the explained span).
    pub from: DateTime<Utc>,
    /// Until when (clipped to the explained span).
    pub to: DateTime<Utc>,
    /// Still lasting at the end of the span.
    pub open: bool,
    /// Working seconds inside it (not counted).
    pub working_seconds: i64,
}

impl ExplainedPause {
    /// The reason's name in `lang`: the declared one's own, or the built-in label.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Lang, sla::{ExplainedPause, StopReason}};
    /// let from = reglament::instant::parse("2026-03-02T08:00:00Z").unwrap();
    /// let p = ExplainedPause { reason: StopReason::AwaitingUser, declared: None, from, to: from,
    ///     open: true, working_seconds: 0 };
    /// assert_eq!(p.reason_label(Lang::En), "waiting for the user's answer");
    /// ```
    pub fn reason_label(&self, lang: Lang) -> &str {
        match (&self.declared, lang) {
            (Some(d), Lang::Uk) => &d.uk,
            (Some(d), Lang::En) => &d.en,
            (None, _) => self.reason.label(lang),
        }
    }
}

impl Serialize for ExplainedPause {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match &self.declared {
            Some(d) => m.serialize_entry("reason", &d.id)?,
            None => m.serialize_entry("reason", &self.reason)?,
        }
        m.serialize_entry("from", &crate::instant::format(self.from))?;
        m.serialize_entry("to", &crate::instant::format(self.to))?;
        m.serialize_entry("open", &self.open)?;
        m.serialize_entry("working_seconds", &self.working_seconds)?;
        if let Some(d) = &self.declared {
            m.serialize_entry("name_uk", &d.uk)?;
            m.serialize_entry("name_en", &d.en)?;
        }
        m.end()
    }
}

crate::model::vocabulary! {
    /// Why a whole local day was skipped.
    ///
    /// # Example
    /// ```
    /// use reglament::sla::DayOffKind;
    /// assert_eq!(DayOffKind::Holiday.code(), "holiday");
    /// ```
    pub enum DayOffKind {
        /// A weekday without shifts in the weekly schedule (Saturday, Sunday).
        Weekend = "weekend", "вихідний день", "weekend";
        /// A public holiday (or a carried-over or transferred day) of the preset.
        Holiday = "holiday", "святковий день", "public holiday";
        /// A date the calendar file lists as a holiday.
        Listed = "listed", "неробочий день за календарем", "day off in the calendar";
    }
}

/// A whole local day the clock did not count.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use reglament::sla::{DayOffKind, SkippedDay};
/// let d = SkippedDay { date: NaiveDate::from_ymd_opt(2026, 3, 28).unwrap(), kind: DayOffKind::Weekend,
///     name_uk: None, name_en: None };
/// assert_eq!(serde_json::to_value(&d).unwrap()["date"], "2026-03-28");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedDay {
    /// The local date.
    #[serde(serialize_with = "ser_date")]
    pub date: NaiveDate,
    /// Why it was skipped.
    pub kind: DayOffKind,
    /// The holiday's Ukrainian name, when known.
    pub name_uk: Option<String>,
    /// The holiday's English name, when known.
    pub name_en: Option<String>,
}

/// A clock's explanation: data, and the same in words.
///
/// # Example
/// ```
/// use reglament::{model::Metric, ticket::{Event, Ticket}, Regulation, instant::parse};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-27T17:00:00+02:00",
///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
///   "priority":"high","category":"incident"}"#).unwrap();
/// let t = Ticket::replay(&reg, "T", [e]).ticket;
/// let x = t.explain_clock(&reg, Metric::Resolution, parse("2026-03-30T12:00:00+03:00").unwrap()).unwrap().unwrap();
/// let total: i64 = x.counted.iter().map(|c| c.seconds).sum();
/// assert_eq!(total, x.clock.consumed); // Friday 17–18 and Monday 09–12: 4 h
/// assert_eq!(total, 4 * 3600);
/// assert_eq!(x.skipped_days.len(), 2); // Saturday and Sunday
/// assert!(x.sentences(reglament::i18n::Lang::En).iter().any(|s| s.contains("weekend")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The clock explained.
    pub clock: Clock,
    /// The working intervals counted, in order; they add up to `clock.consumed`.
    pub counted: Vec<CountedInterval>,
    /// The pauses within the counted span.
    pub pauses: Vec<ExplainedPause>,
    /// Whole local days skipped (weekends, holidays), in order.
    pub skipped_days: Vec<SkippedDay>,
    /// The explanation in Ukrainian, one sentence per line.
    pub uk: Vec<String>,
    /// The explanation in English, one sentence per line.
    pub en: Vec<String>,
}

impl Explanation {
    /// The sentences in `lang`.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Lang, model::Metric, ticket::{Event, Ticket}, Regulation, instant::parse};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"high","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// let x = t.explain_clock(&reg, Metric::Response, parse("2026-03-02T10:30:00+02:00").unwrap()).unwrap().unwrap();
    /// assert!(x.sentences(Lang::Uk)[0].starts_with("час реакції"));
    /// ```
    pub fn sentences(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Uk => &self.uk,
            Lang::En => &self.en,
        }
    }
}

fn ser_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn local(cal: &Calendar, t: DateTime<Utc>) -> String {
    crate::instant::format_minutes(cal.local_datetime(t))
}

/// `[from, to)` minus the sorted, merged `cut` intervals.
fn subtract(
    from_to: &[(DateTime<Utc>, DateTime<Utc>)],
    cut: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut j = 0;
    for &(a, b) in from_to {
        let mut a = a;
        while cut.get(j).is_some_and(|c| c.1 <= a) {
            j += 1;
        }
        let mut k = j;
        while a < b {
            match cut.get(k) {
                Some(&(ca, cb)) if ca < b => {
                    if ca > a {
                        out.push((a, ca));
                    }
                    a = a.max(cb);
                    k += 1;
                }
                _ => {
                    out.push((a, b));
                    break;
                }
            }
        }
    }
    out
}

impl Ticket {
    /// The explanation of one clock at `now` (`None` for an absent update
    /// interval): what it counted, what it did not and why.
    ///
    /// # Example
    /// ```
    /// use reglament::{model::Metric, ticket::{Event, Ticket}, Regulation, instant::parse};
    /// let reg = Regulation::default();
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-08-21T17:00:00+03:00",
    ///   "actor":{"id":"op","role":"operator"},"channel":"phone","description":"d","conditions":"c",
    ///   "priority":"high","category":"incident"}"#).unwrap();
    /// let t = Ticket::replay(&reg, "T", [e]).ticket;
    /// // Friday 21 August; Monday 24 August 2026 is Independence Day
    /// let x = t.explain_clock(&reg, Metric::Resolution, parse("2026-08-25T10:00:00+03:00").unwrap()).unwrap().unwrap();
    /// assert_eq!(x.skipped_days.len(), 3);
    /// assert_eq!(x.skipped_days[2].name_en.as_deref(), Some("Independence Day"));
    /// assert_eq!(x.clock.consumed, 2 * 3600);
    /// ```
    pub fn explain_clock(
        &self,
        reg: &Regulation,
        metric: Metric,
        now: DateTime<Utc>,
    ) -> Result<Option<Explanation>> {
        let Some(clock) = self.clock(reg, metric, now)? else {
            return Ok(None);
        };
        let cal = clock
            .calendar
            .as_deref()
            .and_then(|n| reg.named_calendar(n))
            .unwrap_or(reg.calendar());
        let (from, to) = (clock.started_at, clock.counted_until);
        let working = cal.working_intervals(from, to)?;
        let mut cut: Vec<(DateTime<Utc>, DateTime<Utc>)> = clock
            .pauses
            .iter()
            .map(|p| (p.from.max(from), p.to.unwrap_or(to).min(to)))
            .filter(|(a, b)| b > a)
            .collect();
        crate::sort::sort(&mut cut);
        let mut merged: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::with_capacity(cut.len());
        for (a, b) in cut {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let counted: Vec<CountedInterval> = subtract(&working, &merged)
            .into_iter()
            .map(|(a, b)| CountedInterval {
                from: a,
                to: b,
                seconds: (b - a).num_seconds(),
            })
            .collect();
        let pauses = explained_pauses(reg, cal, &clock, (from, to))?;
        let mut skipped_days = Vec::new();
        if to > from {
            let (mut d, last) = (cal.local_date(from), cal.local_date(to));
            // only whole days strictly inside the span count as skipped
            while d <= last {
                let whole = cal.local_to_instant(d.and_time(chrono::NaiveTime::MIN))? >= from
                    && d.succ_opt()
                        .map(|n| cal.local_to_instant(n.and_time(chrono::NaiveTime::MIN)))
                        .transpose()?
                        .is_some_and(|end| end <= to);
                if whole && !cal.is_working_day(d) {
                    let off = cal.day_off(d);
                    let kind = match off.map(|o| o.kind) {
                        Some(crate::calendar::DayOffKind::Preset(_)) => DayOffKind::Holiday,
                        Some(crate::calendar::DayOffKind::Listed)
                            if off.and_then(|o| o.name).is_some() =>
                        {
                            DayOffKind::Holiday
                        }
                        Some(crate::calendar::DayOffKind::Listed) => DayOffKind::Listed,
                        None => DayOffKind::Weekend,
                    };
                    let name = off.and_then(|o| o.name);
                    skipped_days.push(SkippedDay {
                        date: d,
                        kind,
                        name_uk: name.map(|n| n.uk.to_string()),
                        name_en: name.map(|n| n.en.to_string()),
                    });
                }
                match d.succ_opt() {
                    Some(n) => d = n,
                    None => break,
                }
            }
        }
        let mut x = Explanation {
            clock,
            counted,
            pauses,
            skipped_days,
            uk: Vec::new(),
            en: Vec::new(),
        };
        x.uk = words(&x, cal, Lang::Uk);
        x.en = words(&x, cal, Lang::En);
        Ok(Some(x))
    }
}

/// The clock's pauses clipped to the explained span `[from, to)`, with the
/// working time each held back and, for a declared reason, its names.
fn explained_pauses(
    reg: &Regulation,
    cal: &Calendar,
    clock: &Clock,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<ExplainedPause>> {
    let mut pauses = Vec::new();
    for p in &clock.pauses {
        let (a, b) = (p.from.max(from), p.to.unwrap_or(to).min(to));
        if b < a {
            continue;
        }
        let declared = p
            .declared
            .as_deref()
            .and_then(|id| reg.spec().pause_reasons.iter().find(|r| r.id == id))
            .cloned();
        pauses.push(ExplainedPause {
            reason: p.reason,
            declared,
            from: a,
            to: b,
            open: p.to.map_or(true, |x| x > to),
            working_seconds: cal.elapsed(a, b)?,
        });
    }
    Ok(pauses)
}

/// The explanation in words: the header, each due change and extension,
/// the counted intervals and pauses, the days skipped, the outcome.
fn words(x: &Explanation, cal: &Calendar, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    header_words(x, cal, lang, &mut out);
    history_words(x, cal, lang, &mut out);
    interval_words(x, cal, lang, &mut out);
    day_words(x, lang, &mut out);
    outcome_words(x, cal, lang, &mut out);
    out
}

/// What the clock counts, from when, against which target.
fn header_words(x: &Explanation, cal: &Calendar, lang: Lang, out: &mut Vec<String>) {
    let c = &x.clock;
    let l = |t: DateTime<Utc>| local(cal, t);
    let dur = |s: i64| duration(lang, s);
    let metric = c.metric.label(lang);
    match c.target {
        Some(t) => {
            let added = if c.added_seconds > 0 {
                Text::ClockAdded.render(lang, &[("added", &dur(c.added_seconds))])
            } else {
                String::new()
            };
            out.push(Text::ClockHeader.render(
                lang,
                &[
                    ("metric", metric),
                    ("start", &l(c.started_at)),
                    ("target", &dur(t)),
                    ("added", &added),
                ],
            ));
        }
        None => out.push(
            Text::ClockNoTarget.render(lang, &[("metric", metric), ("start", &l(c.started_at))]),
        ),
    }
}

/// Each due that held, and each extension agreed.
fn history_words(x: &Explanation, cal: &Calendar, lang: Lang, out: &mut Vec<String>) {
    let c = &x.clock;
    let l = |t: DateTime<Utc>| local(cal, t);
    let dur = |s: i64| duration(lang, s);
    for h in &c.due_history {
        let due = h
            .due_at
            .map(l)
            .unwrap_or_else(|| Text::ClockDueUnknown.render(lang, &[]));
        let target = h
            .target
            .map(dur)
            .unwrap_or_else(|| Text::ClockNoTargetShort.render(lang, &[]));
        let category = h.category.map(|x| x.label(lang)).unwrap_or("—");
        let priority = h.priority.map(|x| x.label(lang)).unwrap_or("—");
        out.push(Text::ClockDueChange.render(
            lang,
            &[
                ("at", &l(h.at)),
                ("cause", h.cause.label(lang)),
                ("category", category),
                ("priority", priority),
                ("target", &target),
                ("due", &due),
            ],
        ));
    }
    for e in &c.extensions {
        let by = format!("{} ({})", e.by.role.label(lang), e.by.id);
        let what = match (e.new_due, e.add_seconds) {
            (Some(d), _) => Text::ClockExtensionNewDue.render(lang, &[("due", &l(d))]),
            (None, Some(s)) => Text::ClockExtensionAdd.render(lang, &[("added", &dur(s))]),
            (None, None) => String::new(),
        };
        out.push(Text::ClockExtension.render(
            lang,
            &[
                ("at", &l(e.at)),
                ("by", &by),
                ("what", &what),
                ("evidence", &e.evidence),
            ],
        ));
    }
}

/// The counted intervals and the pauses.
fn interval_words(x: &Explanation, cal: &Calendar, lang: Lang, out: &mut Vec<String>) {
    let l = |t: DateTime<Utc>| local(cal, t);
    let dur = |s: i64| duration(lang, s);
    for i in &x.counted {
        out.push(Text::ClockCounted.render(
            lang,
            &[
                ("from", &l(i.from)),
                ("to", &l(i.to)),
                ("duration", &dur(i.seconds)),
            ],
        ));
    }
    for p in &x.pauses {
        let text = if p.open {
            Text::ClockPauseOpen
        } else {
            Text::ClockPause
        };
        out.push(text.render(
            lang,
            &[
                ("reason", p.reason_label(lang)),
                ("from", &l(p.from)),
                ("to", &l(p.to)),
                ("duration", &dur(p.working_seconds)),
            ],
        ));
    }
}

/// The days skipped: weekends, holidays, other days off.
fn day_words(x: &Explanation, lang: Lang, out: &mut Vec<String>) {
    for d in &x.skipped_days {
        let date = format!("{} ({})", d.date, weekday(d.date, lang));
        let s = match (d.kind, lang) {
            (DayOffKind::Holiday, Lang::Uk) if d.name_uk.is_some() => Text::ClockHoliday.render(
                lang,
                &[
                    ("date", &date),
                    ("name", d.name_uk.as_deref().unwrap_or("")),
                ],
            ),
            (DayOffKind::Holiday, Lang::En) if d.name_en.is_some() => Text::ClockHoliday.render(
                lang,
                &[
                    ("date", &date),
                    ("name", d.name_en.as_deref().unwrap_or("")),
                ],
            ),
            (DayOffKind::Weekend, _) => Text::ClockWeekend.render(lang, &[("date", &date)]),
            _ => Text::ClockDayOff.render(lang, &[("date", &date)]),
        };
        out.push(s);
    }
}

/// The consumed time, the dues and how the clock stands.
fn outcome_words(x: &Explanation, cal: &Calendar, lang: Lang, out: &mut Vec<String>) {
    let c = &x.clock;
    let l = |t: DateTime<Utc>| local(cal, t);
    let dur = |s: i64| duration(lang, s);
    let due = c.due_at.map(l).unwrap_or_else(|| match c.target {
        Some(_) => Text::ClockDueUnknown.render(lang, &[]),
        None => Text::ClockNoTargetShort.render(lang, &[]),
    });
    out.push(Text::ClockTotal.render(
        lang,
        &[
            ("consumed", &dur(c.consumed)),
            ("due", &due),
            ("state", c.state.label(lang)),
        ],
    ));
    if c.original_due_at != c.due_at {
        if let Some(o) = c.original_due_at {
            out.push(Text::ClockOriginalDue.render(lang, &[("due", &l(o))]));
        }
    }
    match (c.state, c.met_at, c.on_time) {
        (ClockState::Met, Some(m), Some(false)) => {
            let due = c.breached_at.map(l).unwrap_or_default();
            out.push(Text::ClockMetLate.render(lang, &[("at", &l(m)), ("due", &due)]));
        }
        (ClockState::Met, Some(m), _) => {
            out.push(Text::ClockMetOnTime.render(lang, &[("at", &l(m))]))
        }
        (ClockState::Breached, _, _) => {
            let at = c.breached_at.map(l).unwrap_or_default();
            out.push(Text::ClockBreached.render(lang, &[("at", &at)]));
        }
        _ => {}
    }
}

fn weekday(d: NaiveDate, lang: Lang) -> &'static str {
    const UK: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "нд"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let names = match lang {
        Lang::Uk => UK,
        Lang::En => EN,
    };
    names
        .get(d.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtract_cuts_pauses_out() {
        let t = |h: i64| DateTime::from_timestamp(h * 3600, 0).unwrap();
        let w = [(t(9), t(18)), (t(33), t(42))];
        let cut = [(t(10), t(11)), (t(17), t(34)), (t(40), t(50))];
        assert_eq!(
            subtract(&w, &cut),
            vec![(t(9), t(10)), (t(11), t(17)), (t(34), t(40))]
        );
        assert_eq!(subtract(&w, &[]), w.to_vec());
    }
}
