//! The regulation and ticket subcommands: init, check, describe, replay.

use std::path::PathBuf;

use clap::{Args, ValueHint};
use reglament::i18n::Lang;
use reglament::regulation::RegulationSpec;
use reglament::ticket::{Event, Ticket};
use reglament::{instant, Error, Regulation};
use serde_json::{json, Value};

use crate::inputs::{describe_error, load_regulation};
pub(crate) use crate::output::emit;
use crate::output::{display, read_bytes, stdin_once, utf8, Done, Failure};

/// Arguments of `reglament check`.
#[derive(Args)]
pub struct CheckArgs {
    /// The regulation file (JSON) to validate; `-` reads standard input.
    #[arg(value_hint = ValueHint::FilePath)]
    file: PathBuf,
    /// Print the complete regulation (every default filled in, every set in
    /// one order): the document `reglament fingerprint` hashes.
    #[arg(long)]
    complete: bool,
    /// Print the verdict as JSON on standard output:
    /// `{"valid": bool, "errors": [{"code", "field", "message"}, ...]}`.
    #[arg(long, conflicts_with = "complete")]
    json: bool,
}

/// Arguments of `reglament describe`.
#[derive(Args)]
pub struct DescribeArgs {
    /// Regulation file (JSON; `-`: standard input); default: the embedded one (`reglament init`).
    #[arg(long, value_hint = ValueHint::FilePath)]
    regulation: Option<PathBuf>,
    /// Language of the description: uk or en.
    #[arg(long, default_value = "uk", value_parser = ["uk", "en"])]
    lang: String,
}

/// Arguments of `reglament replay`.
#[derive(Args)]
pub struct ReplayArgs {
    /// The request's events: JSON Lines (one event per line) or one JSON array; `-` reads standard input.
    #[arg(value_hint = ValueHint::FilePath)]
    events: PathBuf,
    #[command(flatten)]
    judge: crate::inputs::Judge,
    /// The instant at which to report the state (RFC 3339), e.g. whether the request may be archived.
    #[arg(long)]
    now: Option<String>,
    /// The request's id in the output; default: the file's stem.
    #[arg(long)]
    id: Option<String>,
    /// Judge the history: exit status 1 when the regulation refused any event.
    #[arg(long)]
    strict: bool,
}

/// `reglament init`: the default regulation, to be edited. The calendar
/// also shows its optional keys at their defaults (`martial_law_end`,
/// `date_hours`, `shortened_eves`: issue 16), which the writer leaves out;
/// the file means exactly the default (same fingerprint).
pub fn init() -> Done {
    let text = Regulation::default().to_json();
    let shown = text.replacen(
        "    \"holiday_preset\": \"UA\"\n  },",
        "    \"holiday_preset\": \"UA\",\n    \"martial_law_end\": null,\n    \"date_hours\": {},\n    \"shortened_eves\": true\n  },",
        1,
    );
    emit(&format!("{shown}\n"))
}

/// `reglament check FILE`: validates a regulation file. A file that cannot
/// be read is bad input (3); one that is not a valid regulation fails the check (1).
pub fn check(args: &CheckArgs) -> Done {
    let text = utf8(&args.file, read_bytes(&args.file)?).map_err(Failure::Verdict)?;
    // every error of the file (each with its JSON path), not only the first
    let errors = match serde_json::from_str::<Value>(&text) {
        // not JSON: the core says so, in the words every face uses
        Err(_) => Regulation::from_json(&text).err().into_iter().collect(),
        Ok(value) => RegulationSpec::problems_of(&value),
    };
    if args.json {
        let doc = json!({
            "valid": errors.is_empty(),
            "errors": errors.iter().map(Error::to_value).collect::<Vec<_>>(),
        });
        emit(&format!("{doc}\n"))?;
        return match errors.len() {
            0 => Ok(()),
            n => Err(Failure::Verdict(format!(
                "{}: {n} error(s)",
                display(&args.file)
            ))),
        };
    }
    if !errors.is_empty() {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| describe_error(&args.file, e))
            .collect();
        return Err(Failure::Verdict(lines.join("\n")));
    }
    let reg = Regulation::from_json(&text)
        .map_err(|e| Failure::Verdict(describe_error(&args.file, &e)))?;
    if args.complete {
        return crate::record_cmds::complete(&reg);
    }
    let spec = reg.spec();
    emit(&format!(
        "{}: valid regulation (contract {} of {}; calendar {}; {} SLA targets{}; archive after {} {}; notice within {} {})\n",
        display(&args.file),
        spec.contract.number,
        spec.contract.date,
        spec.calendar.timezone,
        spec.sla.targets.len(),
        if spec.sla.example { ", marked as an example" } else { "" },
        spec.archive_after.amount,
        spec.archive_after.unit,
        spec.contact_change_notice.amount,
        spec.contact_change_notice.unit,
    ))
}

/// `reglament describe`: the regulation in words.
pub fn describe(args: &DescribeArgs) -> Done {
    let lang: Lang = args.lang.parse().map_err(|e| format!("--lang: {e}"))?;
    let reg = load_regulation(args.regulation.as_deref())?;
    emit(&reglament::describe::describe(&reg, lang))
}

/// `reglament replay`: applies a request's events in order and prints the
/// resulting state, every step, and every refused event with its refusal.
pub fn replay(args: &ReplayArgs) -> Done {
    stdin_once(args.judge.paths().chain([args.events.as_path()]))?;
    let judging = args.judge.load()?;
    let now = match &args.now {
        None => None,
        Some(s) => Some(crate::inputs::flag_instant(
            "--now",
            s,
            &judging.calendar(),
        )?),
    };
    let id = args
        .id
        .clone()
        .unwrap_or_else(|| crate::inputs::stem(&args.events));
    let history = crate::inputs::read_history(&args.events, &id, &judging)?;
    let reg = history.regulation;

    // One history as of `now`: the state and the clocks are those of the
    // events the replay accepted that are dated at or before `now`
    // (accepted events are in time order, so they are a prefix of the
    // accepted ones); the steps still show every item.
    let replay = Ticket::replay_items(&reg, id.clone(), history.events.iter().cloned());
    let as_of = now.and_then(|n| {
        let accepted_after = replay
            .steps
            .iter()
            .any(|s| s.outcome.is_accepted() && s.at > n);
        accepted_after.then(|| {
            let kept: Vec<Event> = replay
                .steps
                .iter()
                .filter(|s| s.outcome.is_accepted() && s.at <= n)
                .filter_map(|s| {
                    history
                        .events
                        .get(s.index)
                        .and_then(|e| e.as_ref().ok())
                        .cloned()
                })
                .collect();
            Ticket::replay(&reg, id.clone(), kept).ticket
        })
    });
    let refused: Vec<Value> = replay
        .steps
        .iter()
        .filter_map(|step| {
            step.outcome.refusal().map(|r| {
                json!({"index": step.index, "kind": step.kind, "at": instant::format(step.at), "refusal": r})
            })
        })
        .collect();
    let unreadable = replay.unreadable.len();
    let ticket = as_of.as_ref().unwrap_or(&replay.ticket);
    let refused_count = refused.len();
    let out = json!({
        "ticket": ticket.to_value(now),
        "steps": replay.steps_value(),
        "refused": refused,
        "clocks": crate::sla_cmds::clocks_json(&reg, ticket, now),
    });
    emit(&format!(
        "{}\n",
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
    ))?;
    if unreadable > 0 {
        return Err(Failure::Input(format!(
            "{unreadable} item(s) are not events; see the \"error\" steps"
        )));
    }
    if args.strict && refused_count > 0 {
        return Err(Failure::Verdict(format!(
            "{refused_count} event(s) refused by the regulation; see \"refused\""
        )));
    }
    Ok(())
}
