//! The contract-record subcommands: fingerprint, chain, verify; and the
//! `--regulation FILE | --contract FILE` choice with the reading of plain
//! or chained event files that replay and clocks share.

use std::path::{Path, PathBuf};

use clap::{Args, ValueHint};
use reglament::record::{self, Versions};
use reglament::ticket::Event;
use reglament::Regulation;
use serde_json::{json, Value};

use crate::output::{display, emit, read_text, stdin_once, Done, Failure};
use crate::ticket_cmds::{load_regulation, read_events, ParsedEvents};

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
                    |e| Failure::Input(crate::ticket_cmds::describe_error(p, &e)),
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
fn events_as_written(text: &str) -> Vec<Event> {
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

/// Arguments of `reglament fingerprint`.
#[derive(Args)]
pub struct FingerprintArgs {
    /// The regulation file (JSON; `-`: standard input).
    #[arg(value_hint = ValueHint::FilePath)]
    file: PathBuf,
}

/// `reglament fingerprint FILE`: `sha256:<64 hex>` of the complete regulation's JCS form.
pub fn fingerprint(args: &FingerprintArgs) -> Done {
    let reg = load_regulation(Some(&args.file))?;
    emit(&format!("{}\n", reg.fingerprint()))
}

/// Arguments of `reglament chain`.
#[derive(Args)]
pub struct ChainArgs {
    /// The request's events: JSON Lines or one JSON array; `-` reads standard input.
    #[arg(value_hint = ValueHint::FilePath)]
    events: PathBuf,
    #[command(flatten)]
    judge: Judge,
    /// The request's id (part of the genesis hash); default: the file's stem.
    #[arg(long)]
    id: Option<String>,
}

/// `reglament chain`: one chained entry per event, `{"seq","prev","hash","event"}`.
pub fn chain(args: &ChainArgs) -> Done {
    stdin_once(args.judge.paths().chain([args.events.as_path()]))?;
    let judging = args.judge.load()?;
    let id = args.id.clone().unwrap_or_else(|| stem(&args.events));
    let text = read_text(&args.events)?;
    if record::looks_chained(&text) {
        return Err(Failure::Input(format!(
            "{}: already chained; `reglament verify` checks it",
            display(&args.events)
        )));
    }
    let events = crate::ticket_cmds::whole_history(&args.events, read_events(&text)?)?;
    let reg = judging.for_events(&events.iter().collect::<Vec<_>>())?;
    let mut out = String::with_capacity(events.len() * 300);
    for entry in record::chain(reg.fingerprint(), &id, &events) {
        out.push_str(&entry.to_line());
        out.push('\n');
    }
    emit(&out)
}

/// Arguments of `reglament verify`.
#[derive(Args)]
pub struct VerifyArgs {
    /// The chained history (as `reglament chain` writes it); `-` reads standard input.
    #[arg(value_hint = ValueHint::FilePath)]
    chained: PathBuf,
    #[command(flatten)]
    judge: Judge,
    /// The request's id; default: the file's stem.
    #[arg(long)]
    id: Option<String>,
    /// Print `{"ok", "entries", "head", "first_bad", "field", "reason", "request", "regulation"}` instead of a sentence.
    #[arg(long)]
    json: bool,
}

/// `reglament verify`: exit 0 with `ok: N entries, head sha256:…`, or 1
/// naming the first entry that does not hold and why.
pub fn verify(args: &VerifyArgs) -> Done {
    stdin_once(args.judge.paths().chain([args.chained.as_path()]))?;
    let judging = args.judge.load()?;
    let id = args.id.clone().unwrap_or_else(|| stem(&args.chained));
    let text = read_text(&args.chained)?;
    let loose = events_as_written(&text);
    let reg = judging.for_events(&loose.iter().collect::<Vec<_>>())?;
    let v = record::verify(reg.fingerprint(), &id, &text);
    if args.json {
        emit(&format!(
            "{}\n",
            json!({
                "ok": v.ok,
                "entries": v.entries,
                "head": v.head,
                "first_bad": v.first_bad,
                "field": v.field,
                "reason": v.reason,
                "request": id,
                "regulation": reg.fingerprint(),
            })
        ))?;
    } else if v.ok {
        emit(&format!(
            "ok: {} entries, head {}\n",
            v.entries,
            v.head.as_deref().unwrap_or("")
        ))?;
    }
    if v.ok {
        Ok(())
    } else {
        Err(Failure::Verdict(format!(
            "{}: entry {} does not hold: {}",
            display(&args.chained),
            v.first_bad.unwrap_or(0),
            v.reason.unwrap_or_default()
        )))
    }
}

/// `check --complete`: the complete regulation, the document the fingerprint is taken of.
pub fn complete(reg: &Regulation) -> Done {
    emit(&format!("{}\n", reg.to_complete_json()))
}
