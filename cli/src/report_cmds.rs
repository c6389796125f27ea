//! `reglament report`: the period SLA report (DESIGN §6) as JSON, CSV or
//! one self-contained printable HTML page.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueHint};
use reglament::i18n::Lang;
use reglament::record;
use reglament::report::period::{Bucketing, Judge, Options, Report, Request, Row};
use reglament::ticket::Event;
use reglament::{instant, Regulation};

use crate::inputs::{read_events, read_history, stem, whole_history, Judging};
use crate::output::{display, emit, read_text, stdin_once, Done, Failure, Progress};

/// Arguments of `reglament report`.
#[derive(Args)]
pub struct ReportArgs {
    /// Event files, one per request (JSON Lines, a JSON array, or a chained
    /// file, verified first); the file stem is the request's id; `-`: standard input.
    #[arg(required = true, value_hint = ValueHint::FilePath)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    judge: crate::inputs::Judge,
    /// The period's first local date (inclusive), YYYY-MM-DD, in the regulation's zone.
    #[arg(long)]
    from: String,
    /// The local date after the period (exclusive), YYYY-MM-DD.
    #[arg(long)]
    to: String,
    /// The instant the report is produced at (RFC 3339); default: the latest event of all files.
    #[arg(long)]
    now: Option<String>,
    /// Buckets of the period: month, week (ISO) or none.
    #[arg(long, default_value = "month", value_parser = ["month", "week", "none"])]
    by: String,
    /// Language of the HTML page: uk or en.
    #[arg(long, default_value = "uk", value_parser = ["uk", "en"])]
    lang: String,
    /// Output format.
    #[arg(long, default_value = "json", value_parser = ["json", "csv", "html"])]
    format: String,
    /// The CSV table to write: groups (and totals) or breaches.
    #[arg(long, default_value = "groups", value_parser = ["groups", "breaches"])]
    table: String,
    /// The agreed share of clocks on time, percent (shown beside each metric).
    #[arg(long)]
    target: Option<f64>,
    /// Write here instead of standard output; with --format csv, an existing
    /// directory receives groups.csv and breaches.csv.
    #[arg(long, value_hint = ValueHint::AnyPath)]
    out: Option<PathBuf>,
}

fn date(flag: &str, s: &str) -> Result<NaiveDate, Failure> {
    s.parse::<NaiveDate>().map_err(|_| {
        Failure::Input(format!(
            "{flag}: {s:?} is not a date: expected YYYY-MM-DD (a local date in the regulation's zone)"
        ))
    })
}

/// One file's request: its id and events (a chained file verified first).
fn read_request(path: &Path, judging: &Judging) -> Result<(String, Vec<Event>), Failure> {
    let id = stem(path);
    let text = read_text(path)?;
    if record::looks_chained(&text) {
        let h = read_history(path, &id, judging)?;
        let events = whole_history(path, h.events)?;
        return Ok((id, events));
    }
    let items = read_events(&text).map_err(|e| {
        Failure::Input(format!(
            "{}: not a request history (one JSON array of events or one event per line): {e}",
            display(path)
        ))
    })?;
    Ok((id, whole_history(path, items)?))
}

/// Builds the report the arguments ask for (shared with `demo`).
pub fn build(
    judge: Judge<'_>,
    requests: &[(String, Vec<Event>)],
    options: &Options,
) -> Result<Report, Failure> {
    let reqs: Vec<Request<'_>> = requests
        .iter()
        .map(|(id, events)| Request {
            id,
            events,
            head: None,
        })
        .collect();
    Report::build(judge, &reqs, options).map_err(|e| {
        Failure::Input(match e.field() {
            Some(f) if f == "to" || f == "from" => format!("--{f}: {}", e.message()),
            Some(f) => format!("{} at {f}: {}", e.code(), e.message()),
            None => format!("{}: {}", e.code(), e.message()),
        })
    })
}

/// `reglament report`.
pub fn report(args: &ReportArgs) -> Done {
    stdin_once(
        args.judge
            .paths()
            .chain(args.files.iter().map(|f| f.as_path())),
    )?;
    let by: Bucketing = args.by.parse().map_err(|_| {
        Failure::Usage(format!(
            "--by: {:?} is not a bucketing: one of month, week, none",
            args.by
        ))
    })?;
    let from = date("--from", &args.from)?;
    let to = date("--to", &args.to)?;
    if from >= to {
        return Err(Failure::Input(format!(
            "--to: the period [{from}, {to}) is empty: --to (exclusive) must come after --from"
        )));
    }
    if let Some(t) = args.target.filter(|t| !(0.0..=100.0).contains(t)) {
        return Err(Failure::Usage(format!(
            "--target: {t} is not a percentage from 0 to 100"
        )));
    }
    let lang: Lang = args.lang.parse().map_err(|e| format!("--lang: {e}"))?;
    let judging = args.judge.load()?;
    let mut requests = Vec::with_capacity(args.files.len());
    let mut progress = Progress::new("report", true);
    let total = args.files.len() as u64;
    for (n, path) in args.files.iter().enumerate() {
        progress.show(n as u64, Some(total), "files read");
        requests.push(read_request(path, &judging)?);
    }
    progress.show(total, Some(total), "files read");
    drop(progress);
    let now = match &args.now {
        Some(s) => instant::parse(s).map_err(|e| format!("--now: {}", e.message()))?,
        None => requests
            .iter()
            .flat_map(|(_, ev)| ev.iter().map(|e| e.at))
            .max()
            .ok_or_else(|| "no event in any file: give --now".to_string())?,
    };
    let judge = match &judging {
        Judging::One(r) => Judge::One(r),
        Judging::Contract(c) => Judge::Contract(c),
    };
    let options = Options {
        from,
        to,
        now,
        by,
        target_percent: args.target,
    };
    let report = build(judge, &requests, &options)?;
    write(&report, judge.zone_regulation(), args, lang)
}

fn write_to(out: Option<&Path>, text: &str) -> Done {
    match out {
        None => emit(text),
        Some(p) => {
            std::fs::write(p, text).map_err(|e| Failure::Output(format!("{}: {e}", p.display())))
        }
    }
}

fn write(report: &Report, zone: &Regulation, args: &ReportArgs, lang: Lang) -> Done {
    match args.format.as_str() {
        "csv" => match &args.out {
            Some(dir) if dir.is_dir() => {
                write_to(Some(&dir.join("groups.csv")), &groups_csv(report)?)?;
                write_to(Some(&dir.join("breaches.csv")), &breaches_csv(report)?)
            }
            out => {
                let text = if args.table == "breaches" {
                    breaches_csv(report)?
                } else {
                    groups_csv(report)?
                };
                write_to(out.as_deref(), &text)
            }
        },
        "html" => write_to(
            args.out.as_deref(),
            &crate::report_html::page(report, zone, lang),
        ),
        _ => write_to(args.out.as_deref(), &json(report)?),
    }
}

/// The report as pretty JSON, ending with a newline.
pub fn json(report: &Report) -> Result<String, Failure> {
    Ok(format!(
        "{}\n",
        serde_json::to_string_pretty(report).map_err(|e| e.to_string())?
    ))
}

fn csv_failure(e: impl std::fmt::Display) -> Failure {
    Failure::Output(format!("CSV: {e}"))
}

fn opt<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

/// The groups table (RFC 4180): the totals (category and priority empty)
/// and the groups, the whole period (bucket empty) before the buckets.
pub fn groups_csv(report: &Report) -> Result<String, Failure> {
    let mut w = writer();
    w.write_record([
        "bucket",
        "metric",
        "category",
        "priority",
        "counted",
        "on_time",
        "breached",
        "percent_on_time",
        "counted_original",
        "on_time_original",
        "breached_original",
        "percent_on_time_original",
        "open",
        "rejected",
        "met",
        "mean_seconds",
        "median_seconds",
        "p90_seconds",
        "max_seconds",
    ])
    .map_err(csv_failure)?;
    let rows: Vec<&Row> = report.totals.iter().chain(&report.groups).collect();
    for r in rows {
        let d = r.time_to_meet;
        w.write_record([
            r.bucket.clone().unwrap_or_default(),
            r.metric.code().to_string(),
            opt(r.category.map(|c| c.code())),
            opt(r.priority.map(|p| p.code())),
            r.extended.counted.to_string(),
            r.extended.on_time.to_string(),
            r.extended.breached.to_string(),
            opt(r.extended.percent_on_time.map(|p| format!("{p:.1}"))),
            r.original.counted.to_string(),
            r.original.on_time.to_string(),
            r.original.breached.to_string(),
            opt(r.original.percent_on_time.map(|p| format!("{p:.1}"))),
            opt(r.open),
            r.rejected.to_string(),
            d.map_or("0".into(), |d| d.count.to_string()),
            opt(d.map(|d| d.mean)),
            opt(d.map(|d| d.median)),
            opt(d.map(|d| d.p90)),
            opt(d.map(|d| d.max)),
        ])
        .map_err(csv_failure)?;
    }
    finish(w)
}

/// The breaches table (RFC 4180); the extensions in one cell,
/// `at by add_seconds|new_due evidence` separated by `; `.
pub fn breaches_csv(report: &Report) -> Result<String, Failure> {
    let mut w = writer();
    w.write_record([
        "request",
        "metric",
        "bucket",
        "category",
        "priority",
        "started_at",
        "due_at",
        "original_due_at",
        "met_at",
        "over_seconds",
        "by_extended_due",
        "extensions",
    ])
    .map_err(csv_failure)?;
    let t = |x: Option<chrono::DateTime<chrono::Utc>>| opt(x.map(instant::format));
    for b in &report.breaches {
        let ext: Vec<String> = b
            .extensions
            .iter()
            .map(|e| {
                let what = match (e.new_due, e.add_seconds) {
                    (Some(d), _) => format!("new_due {}", instant::format(d)),
                    (None, Some(s)) => format!("add_seconds {s}"),
                    _ => String::new(),
                };
                format!("{} {} {what} {}", instant::format(e.at), e.by, e.evidence)
            })
            .collect();
        w.write_record([
            b.request.clone(),
            b.metric.code().to_string(),
            b.bucket.clone(),
            b.category.code().to_string(),
            b.priority.code().to_string(),
            instant::format(b.started_at),
            t(b.due_at),
            t(b.original_due_at),
            t(b.met_at),
            b.over_seconds.to_string(),
            b.by_extended_due.to_string(),
            ext.join("; "),
        ])
        .map_err(csv_failure)?;
    }
    finish(w)
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, Failure> {
    let bytes = w.into_inner().map_err(csv_failure)?;
    String::from_utf8(bytes).map_err(csv_failure)
}
