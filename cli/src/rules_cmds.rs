//! The rules that are not about one event: queue (3.3), must-register
//! (3.4), notice (5), archive-due (3.6). The same answers as the C and
//! WebAssembly faces give (`reglament_queue`, `mustRegister`, ...).

use std::path::PathBuf;

use clap::{Args, ValueHint};
use reglament::model::{Category, Priority};
use reglament::ticket::Ticket;
use reglament::{instant, rules};
use serde_json::json;

use crate::inputs::{flag_instant, read_history, stem, Judge};
use crate::output::{emit, stdin_once, Done, Failure};

/// Arguments of `reglament queue`.
#[derive(Args)]
pub struct QueueArgs {
    /// Request files (events as JSON Lines or a JSON array; the stem is the id); `-`: standard input.
    #[arg(required = true, value_hint = ValueHint::FilePath)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    judge: Judge,
    /// Only the requests in one of these statuses at the end of their history (repeatable), e.g. backlog.
    #[arg(long)]
    status: Vec<String>,
    /// Print JSON instead of one line per request.
    #[arg(long)]
    json: bool,
}

/// `reglament queue`: the requests in the order of clause 3.3 (priority
/// first, submission time second).
pub fn queue(args: &QueueArgs) -> Done {
    stdin_once(
        args.judge
            .paths()
            .chain(args.files.iter().map(|f| f.as_path())),
    )?;
    for s in &args.status {
        if !reglament::model::Status::ALL.iter().any(|x| x.code() == s) {
            return Err(Failure::Usage(format!(
                "--status: {:?} is not a status; expected one of: {}",
                reglament::error::cap(s.clone()),
                reglament::model::Status::ALL
                    .iter()
                    .map(|x| x.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    let judging = args.judge.load()?;
    let mut tickets = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let id = stem(path);
        let h = read_history(path, &id, &judging)?;
        let events = crate::inputs::whole_history(path, h.events)?;
        tickets.push(Ticket::replay(&h.regulation, id, events).ticket);
    }
    let wanted = |t: &Ticket| {
        args.status.is_empty()
            || t.status()
                .is_some_and(|s| args.status.iter().any(|w| w == s.code()))
    };
    let ordered: Vec<&Ticket> = reglament::report::queue(tickets.iter().filter(|t| wanted(t)));
    if args.json {
        let rows: Vec<_> = ordered
            .iter()
            .enumerate()
            .map(|(i, t)| {
                json!({"position": i + 1, "id": t.id(), "status": t.status(), "priority": t.priority(),
                       "category": t.category(), "submitted_at": t.submitted_at().map(instant::format)})
            })
            .collect();
        return emit(&format!("{}\n", serde_json::Value::Array(rows)));
    }
    let mut out = String::new();
    for (i, t) in ordered.iter().enumerate() {
        out.push_str(&format!(
            "{:>4}  {:<16} {:<9} {:<13} {}\n",
            i + 1,
            t.id(),
            t.priority().map(|p| p.code()).unwrap_or("-"),
            t.status().map(|s| s.code()).unwrap_or("-"),
            t.submitted_at().map(instant::format).unwrap_or_default()
        ));
    }
    emit(&out)
}

/// Arguments of `reglament must-register`.
#[derive(Args)]
pub struct MustRegisterArgs {
    /// The category, if known: incident, change_request, consultation, documentation_request.
    #[arg(long)]
    category: Option<String>,
    /// The priority: critical, high, medium, low.
    #[arg(long)]
    priority: String,
    /// The request was solved during the contact itself.
    #[arg(long)]
    solved_during_contact: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// `reglament must-register`: whether clause 3.4 requires registration.
pub fn must_register(args: &MustRegisterArgs) -> Done {
    let priority: Priority = args
        .priority
        .parse()
        .map_err(|e| Failure::Usage(format!("--priority: {e}")))?;
    let category: Option<Category> = match &args.category {
        None => None,
        Some(c) => Some(
            c.parse()
                .map_err(|e| Failure::Usage(format!("--category: {e}")))?,
        ),
    };
    let must = rules::must_register(category, priority, args.solved_during_contact);
    if args.json {
        return emit(&format!(
            "{}\n",
            json!({"must_register": must, "clause": "3.4"})
        ));
    }
    emit(if must {
        "must be registered (clause 3.4)\n"
    } else {
        "need not be registered: solved during the contact, and not a critical or high incident (clause 3.4)\n"
    })
}

/// Arguments of `reglament notice`.
#[derive(Args)]
pub struct NoticeArgs {
    /// When the contact person was replaced: RFC 3339, or local "YYYY-MM-DD HH:MM" in the regulation's zone.
    #[arg(long)]
    from: String,
    /// Regulation file (JSON; `-`: standard input); default: the embedded one.
    #[arg(long, value_hint = ValueHint::FilePath)]
    regulation: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// `reglament notice`: the deadline of clause 5 to notify a contact change.
pub fn notice(args: &NoticeArgs) -> Done {
    let reg = crate::inputs::load_regulation(args.regulation.as_deref())?;
    let from = flag_instant("--from", &args.from, reg.calendar())?;
    let due = rules::contact_change_notice_due(&reg, from)
        .map_err(|e| Failure::Input(format!("--from: {}", e.message())))?;
    if args.json {
        return emit(&format!(
            "{}\n",
            json!({"replaced_at": instant::format(from), "due": instant::format(due), "clause": "5"})
        ));
    }
    emit(&format!(
        "{}\n{}\n",
        instant::format(due),
        crate::inputs::local(reg.calendar(), due)
    ))
}

/// Arguments of `reglament archive-due`.
#[derive(Args)]
pub struct ArchiveDueArgs {
    /// The request's events (JSON Lines or a JSON array, plain or chained); `-`: standard input.
    #[arg(value_hint = ValueHint::FilePath)]
    events: PathBuf,
    #[command(flatten)]
    judge: Judge,
    /// The request's id; default: the file's stem.
    #[arg(long)]
    id: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// `reglament archive-due`: while in Release, when the request may be
/// archived without the user's acceptance (clause 3.6).
pub fn archive_due(args: &ArchiveDueArgs) -> Done {
    stdin_once(args.judge.paths().chain([args.events.as_path()]))?;
    let judging = args.judge.load()?;
    let id = args.id.clone().unwrap_or_else(|| stem(&args.events));
    let h = read_history(&args.events, &id, &judging)?;
    let events = crate::inputs::whole_history(&args.events, h.events)?;
    let t = Ticket::replay(&h.regulation, id, events).ticket;
    let due = t.archive_due_at();
    if args.json {
        return emit(&format!(
            "{}\n",
            json!({"status": t.status(), "archive_due_at": due.map(instant::format), "clause": "3.6"})
        ));
    }
    match due {
        Some(d) => emit(&format!(
            "{}\n{}\n",
            instant::format(d),
            crate::inputs::local(h.regulation.calendar(), d)
        )),
        None => emit(&format!(
            "nothing is due: the request is {} (an archive falls due only in Release)\n",
            t.status().map(|s| s.code()).unwrap_or("not registered")
        )),
    }
}
