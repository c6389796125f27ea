//! What the subcommands read, shared by all of them: the regulation (one
//! file, a contract's versions or the embedded default), a request's
//! history (plain or chained), and instants given as flags.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{Args, ValueHint};
use reglament::record::{self, Versions};
use reglament::ticket::Event;
use reglament::{instant, Calendar, Error, Regulation};
use serde_json::Value;

use crate::output::{display, read_text, Failure};

/// An instant given as a flag: RFC 3339 (any offset), or a local
/// `YYYY-MM-DD HH:MM[:SS]` (or with `T`) read in `cal`'s zone with the
/// "compatible" rule (a time in a DST gap moves forward by the gap, an
/// ambiguous one takes the earlier instant).
pub fn flag_instant(flag: &str, text: &str, cal: &Calendar) -> Result<DateTime<Utc>, Failure> {
    if let Ok(t) = instant::parse(text) {
        return Ok(t);
    }
    let local = instant::parse_local(&text.replacen(' ', "T", 1));
    match local {
        Some(l) => cal
            .local_to_instant(l)
            .map_err(|e| Failure::Input(format!("{flag}: {}", e.message()))),
        None => Err(Failure::Input(format!(
            "{flag}: {:?} is not an instant: give RFC 3339 (2026-03-27T17:00:00+02:00, 2026-03-27T15:00:00Z) \
             or a local time in the zone {} (\"2026-03-27 17:00\" or \"2026-03-27 17:00:00\")",
            text.chars().take(200).collect::<String>(),
            cal.timezone().name()
        ))),
    }
}

/// Local time in the calendar's zone, with its offset.
pub fn local(cal: &Calendar, t: DateTime<Utc>) -> String {
    t.with_timezone(&cal.timezone())
        .format("%Y-%m-%d %H:%M:%S %:z (%a)")
        .to_string()
}

pub(crate) fn describe_error(path: &Path, e: &Error) -> String {
    match e.field() {
        Some(f) => format!("{}: {} at {f}: {}", display(path), e.code(), e.message()),
        None => format!("{}: {}: {}", display(path), e.code(), e.message()),
    }
}

/// Reads and validates a regulation file (`-`: standard input), or the embedded default.
pub(crate) fn load_regulation(path: Option<&Path>) -> Result<Regulation, Failure> {
    match path {
        None => Ok(Regulation::default()),
        Some(p) => {
            let text = read_text(p)?;
            Ok(Regulation::from_json(&text).map_err(|e| describe_error(p, &e))?)
        }
    }
}

/// The items of a history as the core reads them (`Event::read_list`): each
/// the event or why it is not one, field paths `events[i]...`.
pub(crate) type ParsedEvents = Vec<Result<Event, Error>>;

/// Reads a history's text: one JSON array or JSON Lines.
pub(crate) fn read_events(text: &str) -> Result<ParsedEvents, String> {
    Event::read_list(text).map_err(|e| e.to_string())
}

/// A history's events, or bad input naming the first item that is not an
/// event (for commands that compute from a whole history: clocks, whatif,
/// compliance, chain).
pub(crate) fn whole_history(path: &Path, items: ParsedEvents) -> Result<Vec<Event>, Failure> {
    items
        .into_iter()
        .collect::<Result<Vec<_>, Error>>()
        .map_err(|e| {
            Failure::Input(format!(
                "{}: {} at {}: {} (replay shows every item's step)",
                display(path),
                e.code(),
                e.field().unwrap_or("events"),
                e.message()
            ))
        })
}

/// Which regulation judges: one file, a contract's versions, or the embedded default.
#[derive(Args, Clone)]
pub struct Judge {
    /// Regulation file (JSON; `-`: standard input); default: the embedded one.
    #[arg(long, value_hint = ValueHint::FilePath, conflicts_with = "contract")]
    pub regulation: Option<PathBuf>,
    /// Contract file: `{"versions": [regulation, ...]}`, each in force from its
    /// `effective_from`; the version in force at the request's registration judges it.
    #[arg(long, value_hint = ValueHint::FilePath)]
    pub contract: Option<PathBuf>,
}

impl Judge {
    /// The inputs this choice reads (for the `-` once rule).
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.regulation
            .as_deref()
            .into_iter()
            .chain(self.contract.as_deref())
    }

    /// Loads the regulation or the contract.
    pub fn load(&self) -> Result<Judging, Failure> {
        match &self.contract {
            Some(p) => {
                let text = read_text(p)?;
                Ok(Judging::Contract(Versions::from_json(&text).map_err(
                    |e| Failure::Input(crate::inputs::describe_error(p, &e)),
                )?))
            }
            None => Ok(Judging::One(Box::new(load_regulation(
                self.regulation.as_deref(),
            )?))),
        }
    }
}

/// A loaded [`Judge`].
pub enum Judging {
    /// One regulation judges every request.
    One(Box<Regulation>),
    /// The version in force at each request's registration judges it.
    Contract(Versions),
}

impl Judging {
    /// The calendar whose zone reads local instants given as flags (a
    /// contract's versions share one zone).
    pub fn calendar(&self) -> reglament::Calendar {
        match self {
            Judging::One(r) => r.calendar().clone(),
            Judging::Contract(c) => c
                .versions()
                .next()
                .map(|r| r.calendar().clone())
                .unwrap_or_else(reglament::Calendar::default_kyiv),
        }
    }

    /// The regulation that judges this history.
    pub fn for_events<'a>(&'a self, events: &[&Event]) -> Result<&'a Regulation, Failure> {
        match self {
            Judging::One(r) => Ok(r),
            Judging::Contract(c) => {
                let pick: Vec<Event> = events
                    .iter()
                    .find(|e| e.kind() == reglament::ticket::EventKind::Register)
                    .or(events.first())
                    .map(|e| (*e).clone())
                    .into_iter()
                    .collect();
                c.for_history(&pick)
                    .map_err(|e| Failure::Input(format!("--contract: {}", e.message())))
            }
        }
    }
}

/// A request's history as read from a file: plain events, or a chained
/// file verified first (a chain that does not hold is bad input naming the
/// entry; one recorded under another regulation is refused: judging it under
/// another version is `reglament whatif`).
pub struct History {
    /// The regulation that judges it.
    pub regulation: Regulation,
    /// The items: events, or why an item is not one.
    pub events: ParsedEvents,
}

/// Reads a plain or chained history of request `id` from `path`.
pub fn read_history(path: &Path, id: &str, judging: &Judging) -> Result<History, Failure> {
    let text = read_text(path)?;
    if record::looks_chained(&text) {
        // the events as written, to find the version in force at registration
        let loose = events_as_written(&text);
        let reg = judging
            .for_events(&loose.iter().collect::<Vec<_>>())?
            .clone();
        let events = record::events_of_chain(reg.fingerprint(), id, &text).map_err(|e| {
            Failure::Input(format!(
                "{}: {} (request {id:?}, regulation {})",
                display(path),
                e.message(),
                reg.fingerprint()
            ))
        })?;
        Ok(History {
            regulation: reg,
            events: events.into_iter().map(Ok).collect(),
        })
    } else {
        let events = read_events(&text)?;
        let parsed: Vec<&Event> = events.iter().filter_map(|e| e.as_ref().ok()).collect();
        let reg = judging.for_events(&parsed)?.clone();
        Ok(History {
            regulation: reg,
            events,
        })
    }
}

/// The events of a chained file as written, before it is verified: only to
/// find the version in force at registration (the chain is verified under it).
pub fn events_as_written(text: &str) -> Vec<Event> {
    text.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| {
            v.get("event")
                .and_then(|e| Event::from_value(e, "event").ok())
        })
        .collect()
}

/// The file's stem, the default request id.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ticket".into())
}

/// Compiles the calendar file `text` read from `path`; the error names the field and the value.
pub fn parse_calendar(path: &Path, text: &str) -> Result<Calendar, String> {
    Calendar::from_json(text).map_err(|e| match e.field() {
        Some(f) => format!("{}: {} at {f}: {}", display(path), e.code(), e.message()),
        None => format!("{}: {}: {}", display(path), e.code(), e.message()),
    })
}

/// Reads and compiles a calendar file (`-`: standard input), or the embedded default.
pub fn load_calendar(path: Option<&Path>) -> Result<Calendar, Failure> {
    match path {
        None => Ok(Calendar::default_kyiv()),
        Some(p) => Ok(parse_calendar(p, &read_text(p)?)?),
    }
}

/// UTC, whole seconds, `Z`.
pub fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Parses an RFC 3339 instant given on the command line.
pub fn parse_instant(flag: &str, s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            format!(
                "{flag}: {s:?} is not an RFC 3339 instant such as 2026-03-27T17:00:00+02:00 ({e})"
            )
        })
}
