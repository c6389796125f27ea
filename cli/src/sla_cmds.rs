//! The SLA subcommands: clocks (with explanations), whatif, compliance; and
//! the clocks that `reglament replay` prints.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Args, ValueHint};
use reglament::i18n::Lang;
use reglament::model::Metric;
use reglament::report;
use reglament::sla::ClockState;
use reglament::ticket::Ticket;
use reglament::{instant, Regulation};
use serde_json::{json, Value};

use crate::inputs::load_regulation;
use crate::output::emit;
use crate::output::{paint, stdin_once, Done, Failure, Progress, Tone};

/// Arguments of `reglament clocks`.
#[derive(Args)]
pub struct ClocksArgs {
    /// The request's events: JSON Lines or one JSON array; `-` reads standard input.
    #[arg(value_hint = ValueHint::FilePath)]
    events: PathBuf,
    #[command(flatten)]
    judge: crate::inputs::Judge,
    /// The request's id; default: the file's stem.
    #[arg(long)]
    id: Option<String>,
    /// The instant to read the clocks at (RFC 3339); default: the last event's instant.
    #[arg(long)]
    now: Option<String>,
    /// Also explain each clock in words: uk or en.
    #[arg(long, value_parser = ["uk", "en"])]
    explain: Option<String>,
}

/// Arguments of `reglament whatif`.
#[derive(Args)]
pub struct WhatIfArgs {
    /// The request's events: JSON Lines or one JSON array; `-` reads standard input.
    #[arg(value_hint = ValueHint::FilePath)]
    events: PathBuf,
    /// Regulation A, as the history was lived (default: the embedded one); `-`: standard input.
    #[arg(long, value_hint = ValueHint::FilePath)]
    regulation: Option<PathBuf>,
    /// The request's id (a chained history's genesis names it); default: the file's stem.
    #[arg(long)]
    id: Option<String>,
    /// Regulation B, the alternative to compare with; `-`: standard input.
    #[arg(long, value_hint = ValueHint::FilePath)]
    against: PathBuf,
    /// The instant to read the clocks at (RFC 3339); default: the last event's instant.
    #[arg(long)]
    now: Option<String>,
}

/// Arguments of `reglament compliance`.
#[derive(Args)]
pub struct ComplianceArgs {
    /// Event lists, one file per request (JSON Lines or a JSON array); the file stem is the request's id; `-`: standard input.
    #[arg(required = true, value_hint = ValueHint::FilePath)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    judge: crate::inputs::Judge,
    /// Count requests registered from this instant on (RFC 3339, inclusive).
    #[arg(long)]
    from: Option<String>,
    /// Count requests registered before this instant (RFC 3339, exclusive).
    #[arg(long)]
    to: Option<String>,
    /// The instant to read the clocks at; default: the latest event of all files.
    #[arg(long)]
    now: Option<String>,
}

/// An optional instant flag: RFC 3339, or local time in `cal`'s zone.
fn parse_instant(
    flag: &str,
    s: &Option<String>,
    cal: &reglament::Calendar,
) -> Result<Option<DateTime<Utc>>, Failure> {
    match s {
        None => Ok(None),
        Some(s) => crate::inputs::flag_instant(flag, s, cal).map(Some),
    }
}

fn stem(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ticket".into())
}

/// The clocks of `ticket` at `now` (default: its last event) as JSON, or
/// the core's error `{"error": {"code", "field", "message"}}` when it has
/// none (not registered, or `now` before registration: `conflict`) — the
/// answer C and WebAssembly give as an error.
pub fn clocks_json(reg: &Regulation, ticket: &Ticket, now: Option<DateTime<Utc>>) -> Value {
    let Some(now) = now.or(ticket.last_event_at()) else {
        return json!({"error": {"code": "conflict", "field": null,
            "message": "the request is not registered: it has no clocks"}});
    };
    match ticket.clocks(reg, now) {
        Ok(c) => c.to_value(),
        Err(e) => json!({ "error": e.to_value() }),
    }
}

fn pretty(v: &Value) -> Done {
    emit(&format!(
        "{}\n",
        serde_json::to_string_pretty(v).map_err(|e| e.to_string())?
    ))
}

/// `reglament clocks`: the clocks of one request, optionally explained.
pub fn clocks(args: &ClocksArgs) -> Done {
    stdin_once(args.judge.paths().chain([args.events.as_path()]))?;
    let judging = args.judge.load()?;
    let now = parse_instant("--now", &args.now, &judging.calendar())?;
    let lang = match &args.explain {
        None => None,
        Some(l) => Some(l.parse::<Lang>().map_err(|e| format!("--explain: {e}"))?),
    };
    let id = args.id.clone().unwrap_or_else(|| stem(&args.events));
    let history = crate::inputs::read_history(&args.events, &id, &judging)?;
    let reg = history.regulation;
    let events = crate::inputs::whole_history(&args.events, history.events)?;
    let ticket = Ticket::replay(&reg, id, events).ticket;
    // no clocks (not registered, or `now` before registration): the core's
    // `conflict`, with its code and field, as in every face
    let Some(now) = now.or(ticket.last_event_at()) else {
        return Err(Failure::Input(
            "conflict: the request is not registered: it has no clocks".into(),
        ));
    };
    let clocks = ticket.clocks(&reg, now).map_err(|e| {
        Failure::Input(match e.field() {
            Some(f) => format!("{} at {f}: {}", e.code(), e.message()),
            None => format!("{}: {}", e.code(), e.message()),
        })
    })?;
    let Some(lang) = lang else {
        return pretty(&clocks.to_value());
    };
    let mut out = String::new();
    for metric in Metric::ALL {
        if let Some(x) = ticket
            .explain_clock(&reg, *metric, now)
            .map_err(|e| e.message().to_string())?
        {
            // the last sentence of a breached clock, or of one met late, says so: in red on a terminal
            let late = x.clock.state == ClockState::Breached || x.clock.on_time == Some(false);
            let sentences = x.sentences(lang);
            for (i, line) in sentences.iter().enumerate() {
                if late && i + 1 == sentences.len() {
                    out.push_str(&paint(Tone::Bad, line));
                } else {
                    out.push_str(line);
                }
                out.push('\n');
            }
            out.push('\n');
        }
    }
    if let Some(n) = clocks.next_change_at {
        let local = n
            .with_timezone(&reg.calendar().timezone())
            .format("%Y-%m-%d %H:%M:%S");
        let label = match lang {
            Lang::Uk => "Наступна зміна",
            Lang::En => "Next change",
        };
        out.push_str(&format!("{label}: {local} ({})\n", instant::format(n)));
    }
    emit(&out)
}

/// `reglament whatif`: one history under regulation A and B, what differs.
pub fn whatif(args: &WhatIfArgs) -> Done {
    stdin_once(
        args.regulation
            .as_deref()
            .into_iter()
            .chain([args.against.as_path(), args.events.as_path()]),
    )?;
    let a = load_regulation(args.regulation.as_deref())?;
    let b = load_regulation(Some(&args.against))?;
    let now = parse_instant("--now", &args.now, a.calendar())?;
    // a chained history is verified under A, the regulation it recorded;
    // judging it under B is exactly what a what-if is for
    let id = args.id.clone().unwrap_or_else(|| stem(&args.events));
    let judging = crate::inputs::Judging::One(Box::new(a.clone()));
    let h = crate::inputs::read_history(&args.events, &id, &judging)?;
    let events = crate::inputs::whole_history(&args.events, h.events)?;
    let w = report::what_if(&a, &b, &id, &events, now).map_err(|e| e.message().to_string())?;
    pretty(&serde_json::to_value(&w).map_err(|e| e.to_string())?)
}

/// `reglament compliance`: met / breached per metric, category and priority over many requests.
pub fn compliance(args: &ComplianceArgs) -> Done {
    stdin_once(
        args.judge
            .paths()
            .chain(args.files.iter().map(|f| f.as_path())),
    )?;
    let judging = args.judge.load()?;
    let cal = judging.calendar();
    let from = parse_instant("--from", &args.from, &cal)?;
    let to = parse_instant("--to", &args.to, &cal)?;
    let mut judged = Vec::with_capacity(args.files.len());
    let mut latest: Option<DateTime<Utc>> = None;
    let mut progress = Progress::new("compliance", true);
    let total = args.files.len() as u64;
    for (n, path) in args.files.iter().enumerate() {
        progress.show(n as u64, Some(total), "files read");
        let id = stem(path);
        // each request judged by the version in force at its registration
        let h = crate::inputs::read_history(path, &id, &judging)?;
        let events = crate::inputs::whole_history(path, h.events)?;
        let t = Ticket::replay(&h.regulation, id, events).ticket;
        latest = latest.max(t.last_event_at());
        judged.push((h.regulation, t));
    }
    progress.show(total, Some(total), "files read");
    drop(progress);
    let now = match parse_instant("--now", &args.now, &cal)? {
        Some(n) => n,
        None => latest.ok_or_else(|| "no request has an accepted event".to_string())?,
    };
    let r = report::compliance_judged(judged.iter().map(|(r, t)| (r, t)), from, to, now)
        .map_err(|e| e.message().to_string())?;
    pretty(&serde_json::to_value(&r).map_err(|e| e.to_string())?)
}
