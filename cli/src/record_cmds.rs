//! The contract-record subcommands: fingerprint, chain, verify; and the
//! `--regulation FILE | --contract FILE` choice with the reading of plain
//! or chained event files that replay and clocks share.

use std::path::PathBuf;

use clap::{Args, ValueHint};
use reglament::record::{self};
use reglament::Regulation;
use serde_json::json;

use crate::inputs::{events_as_written, load_regulation, read_events, stem, Judge};
use crate::output::{display, emit, read_text, stdin_once, Done, Failure};

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
    let events = crate::inputs::whole_history(&args.events, read_events(&text)?)?;
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
