//! The regulation and ticket subcommands: init, check, describe, replay.

use std::path::{Path, PathBuf};

use clap::{Args, ValueHint};
use reglament::i18n::Lang;
use reglament::ticket::{Event, Ticket};
use reglament::{instant, Error, Regulation};
use serde_json::{json, Value};

pub(crate) use crate::output::emit;
pub(crate) use crate::output::read_text as read_input;
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
    judge: crate::record_cmds::Judge,
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
            let text = read_input(p)?;
            Ok(Regulation::from_json(&text).map_err(|e| describe_error(p, &e))?)
        }
    }
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

/// `reglament replay`: applies a request's events in order and prints the
/// resulting state, every step, and every refused event with its refusal.
pub fn replay(args: &ReplayArgs) -> Done {
    stdin_once(args.judge.paths().chain([args.events.as_path()]))?;
    let judging = args.judge.load()?;
    let now = match &args.now {
        None => None,
        Some(s) => Some(crate::rules_cmds::flag_instant(
            "--now",
            s,
            &judging.calendar(),
        )?),
    };
    let id = args
        .id
        .clone()
        .unwrap_or_else(|| crate::record_cmds::stem(&args.events));
    let history = crate::record_cmds::read_history(&args.events, &id, &judging)?;
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
