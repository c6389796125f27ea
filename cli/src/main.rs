//! `reglament`: the command for integrators and support managers.
//!
//! Every subcommand reads files or standard input (`-`), calls the pure core
//! and prints through `output` (never `println!`: a closed pipe must end the
//! command quietly). Exit statuses: `output::status` (0 success, 1 the
//! verdict is no, 2 usage error, 3 bad input, 4 output error).

#![deny(clippy::print_stdout, clippy::print_stderr)]

mod batch;
mod calendar_cmds;
mod demo;
mod inputs;
mod manual;
mod output;
mod record_cmds;
mod rules_cmds;
mod sla_cmds;
mod ticket_cmds;

// Period SLA reports (issue 15).
mod report_cmds;
mod report_html;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Enforce a technical-support regulation: working-time deadlines, the
/// life of a request, SLA clocks.
#[derive(Parser)]
#[command(name = "reglament", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// No progress on standard error.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// When to colour refusals and breaches (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = output::ColorWhen::Auto)]
    color: output::ColorWhen,
}

#[derive(Subcommand)]
enum Command {
    /// The main walk-through: the regulation applied to a few requests on the embedded default.
    Demo,
    /// The due instant of a working-time budget started at --from.
    Deadline(calendar_cmds::DeadlineArgs),
    /// Working seconds between two instants.
    Elapsed(calendar_cmds::ElapsedArgs),
    /// Calendar files.
    #[command(subcommand)]
    Calendar(calendar_cmds::CalendarCommand),
    /// Ukrainian public holidays of a year, with names in Ukrainian and English.
    Holidays(calendar_cmds::HolidaysArgs),
    /// Calendar arithmetic as JSON Lines: one request per line on stdin, one answer per line on stdout.
    Batch(batch::BatchArgs),
    /// Print the default regulation file (JSON), to be edited.
    Init,
    /// Validate a regulation file; errors name the field and the value.
    Check(ticket_cmds::CheckArgs),
    /// The regulation in words: parameters, statuses, permission table, SLA table.
    Describe(ticket_cmds::DescribeArgs),
    /// Replay a request's events and print its state and every refusal.
    Replay(ticket_cmds::ReplayArgs),
    /// The SLA clocks of a request at an instant, optionally explained in words (--explain uk|en).
    Clocks(sla_cmds::ClocksArgs),
    /// Replay one history under regulation A and B and print what differs (refusals, status, clocks).
    Whatif(sla_cmds::WhatIfArgs),
    /// SLA compliance over many requests (one event file each): met / breached per metric, category, priority.
    Compliance(sla_cmds::ComplianceArgs),
    /// Period SLA report (JSON, CSV or printable HTML): % on time, working times, breaches, Merkle root.
    Report(report_cmds::ReportArgs),
    /// The regulation's fingerprint: sha256 of the RFC 8785 form of the complete regulation.
    Fingerprint(record_cmds::FingerprintArgs),
    /// A request's events as a hash chain: one {"seq","prev","hash","event"} line per event.
    Chain(record_cmds::ChainArgs),
    /// Verify a chained history: the first entry that was edited, inserted, removed or moved.
    Verify(record_cmds::VerifyArgs),
    /// Requests in the queue order of clause 3.3: priority first, submission time second.
    Queue(rules_cmds::QueueArgs),
    /// Whether clause 3.4 requires a request to be registered.
    MustRegister(rules_cmds::MustRegisterArgs),
    /// The deadline of clause 5 to notify the other party of a contact-person change.
    Notice(rules_cmds::NoticeArgs),
    /// While in Release: when the request may be archived without acceptance (clause 3.6).
    ArchiveDue(rules_cmds::ArchiveDueArgs),
    /// Shell completions (bash, zsh, fish, powershell, elvish) on standard output.
    Completions(manual::CompletionsArgs),
    /// The manual page (roff) of the command or of one subcommand; --dir writes them all.
    Man(manual::ManArgs),
}

/// The command definition: the derived one with every page's exit statuses and examples.
fn definition() -> clap::Command {
    manual::decorate(Cli::command())
}

fn main() -> ExitCode {
    let cli = match Cli::from_arg_matches(&definition().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    output::init(cli.color, cli.quiet);
    let result = match cli.command {
        Command::Demo => demo::demo(),
        Command::Deadline(args) => calendar_cmds::deadline(&args),
        Command::Elapsed(args) => calendar_cmds::elapsed(&args),
        Command::Calendar(cmd) => calendar_cmds::calendar(&cmd),
        Command::Holidays(args) => calendar_cmds::holidays(&args),
        Command::Batch(args) => batch::run(&args),
        Command::Init => ticket_cmds::init(),
        Command::Check(args) => ticket_cmds::check(&args),
        Command::Describe(args) => ticket_cmds::describe(&args),
        Command::Replay(args) => ticket_cmds::replay(&args),
        Command::Clocks(args) => sla_cmds::clocks(&args),
        Command::Whatif(args) => sla_cmds::whatif(&args),
        Command::Compliance(args) => sla_cmds::compliance(&args),
        Command::Report(args) => report_cmds::report(&args),
        Command::Fingerprint(args) => record_cmds::fingerprint(&args),
        Command::Chain(args) => record_cmds::chain(&args),
        Command::Verify(args) => record_cmds::verify(&args),
        Command::Queue(args) => rules_cmds::queue(&args),
        Command::MustRegister(args) => rules_cmds::must_register(&args),
        Command::Notice(args) => rules_cmds::notice(&args),
        Command::ArchiveDue(args) => rules_cmds::archive_due(&args),
        Command::Completions(args) => manual::completions(definition(), &args),
        Command::Man(args) => manual::man(definition(), &args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if let Some(message) = failure.message() {
                output::say(Some(output::Tone::Bad), message);
            }
            ExitCode::from(failure.status())
        }
    }
}
