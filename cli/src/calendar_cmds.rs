//! The calendar subcommands: deadline, elapsed, calendar check, holidays, demo.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueHint};
use reglament::holidays::{self, DayOffReason, HolidayPreset};
use reglament::Calendar;

use crate::inputs::{load_calendar, local, parse_calendar, utc};
use crate::outln;
use crate::output::{display, read_bytes, utf8, Done, Failure, Out};

/// Arguments of `reglament deadline`.
#[derive(Args)]
pub struct DeadlineArgs {
    /// Start instant: RFC 3339 (any offset), or local "YYYY-MM-DD HH:MM[:SS]" in the calendar's zone.
    #[arg(long)]
    from: String,
    /// Working hours to add (may be fractional).
    #[arg(long, conflicts_with = "seconds", required_unless_present = "seconds")]
    hours: Option<f64>,
    /// Working seconds to add.
    #[arg(long)]
    seconds: Option<i64>,
    /// Calendar file (JSON; `-`: standard input); default: Europe/Kyiv, Mon–Fri 09:00–18:00, Ukrainian holidays.
    #[arg(long, value_hint = ValueHint::FilePath)]
    calendar: Option<PathBuf>,
}

/// `reglament deadline`.
pub fn deadline(args: &DeadlineArgs) -> Done {
    let cal = load_calendar(args.calendar.as_deref())?;
    let from = crate::inputs::flag_instant("--from", &args.from, &cal)?;
    let seconds = match (args.seconds, args.hours) {
        (Some(s), _) => s,
        (None, Some(h)) if h.is_finite() && h.abs() < 1e12 => (h * 3600.0).round() as i64,
        (None, Some(h)) => {
            return Err(format!("--hours: {h} is not a usable number of hours").into())
        }
        (None, None) => return Err(Failure::Usage("give --hours or --seconds".into())),
    };
    let due = cal.add(from, seconds).map_err(|e| e.to_string())?;
    let mut out = Out::new();
    outln!(out, "{}", utc(due))?;
    outln!(out, "{} {}", local(&cal, due), cal.timezone().name())?;
    out.finish()
}

/// Arguments of `reglament elapsed`.
#[derive(Args)]
pub struct ElapsedArgs {
    /// Start instant: RFC 3339, or local "YYYY-MM-DD HH:MM[:SS]" in the calendar's zone.
    #[arg(long)]
    from: String,
    /// End instant: RFC 3339, or local "YYYY-MM-DD HH:MM[:SS]" in the calendar's zone.
    #[arg(long)]
    to: String,
    /// Calendar file (JSON; `-`: standard input); default: the embedded one.
    #[arg(long, value_hint = ValueHint::FilePath)]
    calendar: Option<PathBuf>,
}

/// `reglament elapsed`.
pub fn elapsed(args: &ElapsedArgs) -> Done {
    let cal = load_calendar(args.calendar.as_deref())?;
    let a = crate::inputs::flag_instant("--from", &args.from, &cal)?;
    let b = crate::inputs::flag_instant("--to", &args.to, &cal)?;
    let s = cal.elapsed(a, b).map_err(|e| e.to_string())?;
    let sign = if s < 0 { "-" } else { "" };
    let abs = s.unsigned_abs();
    let mut out = Out::new();
    outln!(
        out,
        "{s} seconds ({sign}{}:{:02}:{:02} working time)",
        abs / 3600,
        abs / 60 % 60,
        abs % 60
    )?;
    out.finish()
}

/// `reglament calendar ...`.
#[derive(Subcommand)]
pub enum CalendarCommand {
    /// Validate a calendar file; errors name the field and the value.
    Check {
        /// The calendar file (JSON); `-` reads standard input.
        #[arg(value_hint = ValueHint::FilePath)]
        file: PathBuf,
    },
    /// Print the embedded default calendar file.
    Default,
}

/// `reglament calendar ...`.
pub fn calendar(cmd: &CalendarCommand) -> Done {
    let mut out = Out::new();
    match cmd {
        CalendarCommand::Check { file } => {
            // a file that cannot be read is bad input (3); one that is not a calendar fails the check (1)
            let text = utf8(file, read_bytes(file)?).map_err(Failure::Verdict)?;
            let cal = parse_calendar(file, &text).map_err(Failure::Verdict)?;
            let spec = cal.spec();
            let weekly: i64 = spec.week.iter().flatten().map(|s| s.length_seconds()).sum();
            let (lo, hi) = cal.supported_range();
            outln!(
                out,
                "{}: ok — {} , {} working hours a week (before overlaps), {} listed holidays, {} extra working days, preset {}, instants {} .. {}",
                display(file),
                spec.timezone,
                weekly as f64 / 3600.0,
                spec.holidays.len(),
                spec.extra_working_days.len(),
                spec.holiday_preset.map_or("none", |p| p.name()),
                utc(lo),
                utc(hi)
            )?;
        }
        CalendarCommand::Default => {
            let v = Calendar::default_kyiv().spec().to_value();
            outln!(
                out,
                "{}",
                serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?
            )?;
        }
    }
    out.finish()
}

/// Arguments of `reglament holidays`.
#[derive(Args)]
pub struct HolidaysArgs {
    /// The year (1991–2100).
    #[arg(long)]
    year: i32,
    /// `UA` (default: every named holiday non-working under martial law) or `UA-statutory` (the law's days off).
    #[arg(long, default_value = "UA", value_parser = ["UA", "UA-statutory"])]
    mode: String,
    /// The last day of martial law, if it has ended (YYYY-MM-DD).
    #[arg(long)]
    martial_law_end: Option<NaiveDate>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// `reglament holidays`.
pub fn holidays(args: &HolidaysArgs) -> Done {
    let preset = HolidayPreset::from_name(&args.mode).ok_or_else(|| {
        format!(
            "--mode: unknown mode {:?}; expected UA or UA-statutory",
            args.mode
        )
    })?;
    let y = holidays::year(preset, args.year, args.martial_law_end).map_err(|e| e.to_string())?;
    let reason = |r: &DayOffReason| match r {
        DayOffReason::Holiday => "holiday".to_string(),
        DayOffReason::CarriedOver { holiday } => format!("carried over from {holiday}"),
        DayOffReason::Transferred { worked_on } => format!("transferred, worked on {worked_on}"),
    };
    if args.json {
        // the core's one shape of a holiday year, the same in every face
        let out = y.to_value(preset);
        return crate::output::emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        ));
    }
    let mut out = Out::new();
    outln!(out, "Days off in {} ({}):", y.year, preset.name())?;
    if y.days_off.is_empty() {
        outln!(out, "  none (martial law suspends holiday days off)")?;
    }
    for d in &y.days_off {
        outln!(
            out,
            "  {} {}  {} / {}  [{}]",
            d.date,
            d.date.format("%a"),
            d.name.uk,
            d.name.en,
            reason(&d.reason)
        )?;
    }
    if !y.working_days.is_empty() {
        outln!(out, "Transferred working days:")?;
        for w in &y.working_days {
            outln!(
                out,
                "  {} {}  worked instead of {}",
                w.date,
                w.date.format("%a"),
                w.instead_of
            )?;
        }
    }
    out.finish()
}
