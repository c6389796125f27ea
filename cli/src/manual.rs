//! The command's documentation, generated from the one clap definition:
//! the examples and exit statuses at the end of every `--help`,
//! `reglament completions SHELL` and `reglament man [COMMAND]...`.
//!
//! The examples are the README's (a test holds the two to the same lines
//! and runs every one of them).

use std::path::PathBuf;

use clap::{Args, Command};
use clap_complete::Shell;
use clap_mangen::roff::{bold, roman, Roff};

use crate::output::{emit, status, Done, Failure};

/// The help of one command: when its status is 1 (if it judges) and its examples.
pub struct Page {
    /// The subcommand path, words separated by spaces; "" for `reglament` itself.
    pub path: &'static str,
    /// For a command that judges: what exit status 1 means.
    pub verdict: Option<&'static str>,
    /// Two or three command lines, run as they are by the tests (from a
    /// directory holding the README's files: `docs/examples/`,
    /// `my-calendar.json`, `regulation.json`, `requests.jsonl`).
    pub examples: &'static [&'static str],
}

/// Every command's page. A command missing here fails the tests.
pub const PAGES: &[Page] = &[
    Page {
        path: "",
        verdict: None,
        examples: &[
            "reglament demo",
            "reglament deadline --from 2026-03-27T17:00:00+02:00 --hours 2",
            "reglament replay --strict docs/examples/clocks-walkthrough.jsonl > state.json",
        ],
    },
    Page {
        path: "demo",
        verdict: None,
        examples: &["reglament demo", "reglament demo | grep REFUSED"],
    },
    Page {
        path: "deadline",
        verdict: None,
        examples: &[
            "reglament deadline --from 2026-03-27T17:00:00+02:00 --hours 2",
            "reglament deadline --from 2026-08-21T16:30:00+03:00 --seconds 14400 --calendar my-calendar.json",
            "reglament calendar default | reglament deadline --calendar - --from 2026-12-24T15:00:00+02:00 --hours 16",
        ],
    },
    Page {
        path: "elapsed",
        verdict: None,
        examples: &[
            "reglament elapsed --from 2026-03-27T15:00:00Z --to 2026-03-30T07:00:00Z",
            "reglament elapsed --from 2026-12-24T09:00:00+02:00 --to 2027-01-05T09:00:00+02:00 --calendar my-calendar.json",
        ],
    },
    Page {
        path: "calendar",
        verdict: None,
        examples: &[
            "reglament calendar default > my-calendar.json",
            "reglament calendar check my-calendar.json",
        ],
    },
    Page {
        path: "calendar check",
        verdict: Some("the calendar is invalid"),
        examples: &[
            "reglament calendar check my-calendar.json",
            "reglament calendar default | reglament calendar check -",
        ],
    },
    Page {
        path: "calendar default",
        verdict: None,
        examples: &[
            "reglament calendar default > my-calendar.json",
            "reglament calendar default | grep timezone",
        ],
    },
    Page {
        path: "holidays",
        verdict: None,
        examples: &[
            "reglament holidays --year 2026",
            "reglament holidays --year 2026 --mode UA-statutory --json",
            "reglament holidays --year 2026 | grep -m1 Independence",
        ],
    },
    Page {
        path: "batch",
        verdict: None,
        examples: &[
            r#"echo '{"id":7,"op":"add","at":"2026-03-27T15:00:00Z","seconds":7200}' | reglament batch"#,
            "reglament batch --calendar my-calendar.json < requests.jsonl > answers.jsonl",
            "reglament batch < requests.jsonl | head -1",
        ],
    },
    Page {
        path: "init",
        verdict: None,
        examples: &[
            "reglament init > regulation.json",
            "reglament init | reglament check -",
        ],
    },
    Page {
        path: "check",
        verdict: Some("the regulation is invalid"),
        examples: &[
            "reglament check regulation.json",
            "reglament init | reglament check -",
        ],
    },
    Page {
        path: "describe",
        verdict: None,
        examples: &[
            "reglament describe --lang en",
            "reglament describe --regulation regulation.json --lang uk | head -20",
        ],
    },
    Page {
        path: "replay",
        verdict: Some("--strict is given and the regulation refused an event"),
        examples: &[
            "reglament replay docs/examples/ticket-life.jsonl",
            "reglament replay --strict docs/examples/clocks-walkthrough.jsonl --now 2026-03-30T12:30:00+03:00",
            "cat docs/examples/ticket-life.jsonl | reglament replay - --id T-1 > T-1.json",
        ],
    },
    Page {
        path: "queue",
        verdict: None,
        examples: &[
            "reglament queue docs/examples/*.jsonl",
            "reglament queue --status in_progress --json docs/examples/open-request.jsonl docs/examples/ticket-life.jsonl",
        ],
    },
    Page {
        path: "must-register",
        verdict: None,
        examples: &[
            "reglament must-register --category incident --priority high --solved-during-contact",
            "reglament must-register --priority low --solved-during-contact --json",
        ],
    },
    Page {
        path: "notice",
        verdict: None,
        examples: &[
            "reglament notice --from 2026-03-27T12:00:00+02:00",
            "reglament notice --from '2026-03-27 12:00' --regulation regulation.json --json",
        ],
    },
    Page {
        path: "archive-due",
        verdict: None,
        examples: &[
            "reglament archive-due docs/examples/clocks-walkthrough.jsonl",
            "reglament archive-due --json docs/examples/ticket-life.jsonl",
        ],
    },
    Page {
        path: "fingerprint",
        verdict: None,
        examples: &[
            "reglament fingerprint regulation.json",
            "reglament init | reglament fingerprint -",
            "reglament check --complete regulation.json | reglament fingerprint -",
        ],
    },
    Page {
        path: "chain",
        verdict: None,
        examples: &[
            "reglament chain --id T-1 docs/examples/ticket-life.jsonl > T-1.jsonl",
            "reglament chain --regulation regulation.json docs/examples/ticket-life.jsonl | tail -1",
        ],
    },
    Page {
        path: "verify",
        verdict: Some("an entry of the chain does not hold (edited, inserted, removed or moved)"),
        examples: &[
            "reglament chain --id T-1 docs/examples/ticket-life.jsonl > T-1.jsonl && reglament verify T-1.jsonl",
            "reglament chain docs/examples/ticket-life.jsonl | reglament verify --json --id ticket-life -",
        ],
    },
    Page {
        path: "clocks",
        verdict: None,
        examples: &[
            "reglament clocks docs/examples/clocks-walkthrough.jsonl --now 2026-03-30T12:00:00+03:00 --explain en",
            "reglament clocks --regulation regulation.json docs/examples/ticket-life.jsonl",
        ],
    },
    Page {
        path: "whatif",
        verdict: None,
        examples: &[
            "reglament init | sed 's/keep_consumed/keep_old_due/' > keep-old-due.json",
            "reglament whatif --against keep-old-due.json docs/examples/clocks-walkthrough.jsonl",
        ],
    },
    Page {
        path: "compliance",
        verdict: None,
        examples: &[
            "reglament compliance docs/examples/*.jsonl",
            "reglament compliance --from 2026-03-01T00:00:00+02:00 --to 2026-04-01T00:00:00+03:00 docs/examples/*.jsonl",
        ],
    },
    Page {
        path: "report",
        verdict: None,
        examples: &[
            "reglament report --from 2026-03-01 --to 2026-05-01 docs/examples/*.jsonl > report.json",
            "reglament report --from 2026-03-01 --to 2026-05-01 --format html --lang en --out report.html docs/examples/*.jsonl",
            "reglament report --from 2026-03-01 --to 2026-04-01 --by week --format csv --table breaches docs/examples/*.jsonl",
        ],
    },
    Page {
        path: "completions",
        verdict: None,
        examples: &[
            "source <(reglament completions bash)",
            "reglament completions zsh > _reglament",
            "reglament completions fish > reglament.fish",
        ],
    },
    Page {
        path: "man",
        verdict: None,
        examples: &[
            "reglament man > reglament.1",
            "reglament man replay > reglament-replay.1",
            "reglament man --dir man1",
        ],
    },
];

/// The exit statuses, one per line (`status`, sentence): the README's table.
pub const STATUSES: &[(u8, &str)] = &[
    (status::OK, "success (for a command that judges: the answer is yes)"),
    (
        status::VERDICT,
        "the command judged and the answer is no: check / calendar check found the file invalid, replay --strict saw refused events",
    ),
    (
        status::USAGE,
        "usage error: unknown option, missing argument, a value outside the listed choices, `-` given twice",
    ),
    (
        status::INPUT,
        "bad input: a file or standard input that cannot be read, an invalid calendar, regulation, event or instant",
    ),
    (
        status::OUTPUT,
        "standard output could not be written (a closed pipe is not an error: the command stops quietly with 0)",
    ),
];

fn page(path: &str) -> Option<&'static Page> {
    PAGES.iter().find(|p| p.path == path)
}

fn after_help(cmd: &Command, p: &Page) -> String {
    let h = cmd.get_styles().get_header();
    let mut s = format!("{h}Exit status:{h:#}\n");
    if p.path.is_empty() {
        for (code, what) in STATUSES {
            s.push_str(&format!("  {code}  {what}\n"));
        }
        s.push_str("  Closed pipes end quietly; colours only on a terminal (off with NO_COLOR or --color never);\n");
        s.push_str("  progress on standard error only when it is a terminal (off with --quiet).\n");
    } else {
        let one = p
            .verdict
            .map(|v| format!("1 when {v}, "))
            .unwrap_or_default();
        s.push_str(&format!(
            "  0 success, {one}2 usage error, 3 bad input, 4 output error (reglament --help)\n"
        ));
    }
    s.push_str(&format!("\n{h}Examples:{h:#}\n"));
    for e in p.examples {
        s.push_str("  ");
        s.push_str(e);
        s.push('\n');
    }
    s
}

fn with_pages(mut cmd: Command, prefix: &str) -> Command {
    if let Some(p) = page(prefix) {
        let text = after_help(&cmd, p);
        cmd = cmd.after_help(text);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let path = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |sub| with_pages(sub, &path));
    }
    cmd
}

/// The derived command with every page's exit statuses and examples appended to its help.
pub fn decorate(cmd: Command) -> Command {
    with_pages(cmd, "")
}

/// Arguments of `reglament completions`.
#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: Shell,
}

/// `reglament completions SHELL`: the completion script on standard output.
pub fn completions(mut cmd: Command, args: &CompletionsArgs) -> Done {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "reglament", &mut buf);
    emit(&String::from_utf8_lossy(&buf))
}

/// Arguments of `reglament man`.
#[derive(Args)]
pub struct ManArgs {
    /// The command whose page to print (e.g. `replay`, `calendar check`); none: reglament(1).
    command: Vec<String>,
    /// Write every page (reglament.1, reglament-replay.1, ...) into this directory instead.
    #[arg(long, value_hint = clap::ValueHint::DirPath, conflicts_with = "command")]
    dir: Option<PathBuf>,
}

fn roff_page(cmd: &Command, path: &str) -> Result<Vec<u8>, Failure> {
    let man = clap_mangen::Man::new(cmd.clone())
        .source(concat!("reglament ", env!("CARGO_PKG_VERSION")))
        .manual("reglament");
    let mut out = Vec::new();
    let fail = |e: std::io::Error| Failure::Output(e.to_string());
    man.render_title(&mut out).map_err(fail)?;
    man.render_name_section(&mut out).map_err(fail)?;
    man.render_synopsis_section(&mut out).map_err(fail)?;
    man.render_description_section(&mut out).map_err(fail)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out).map_err(fail)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut out).map_err(fail)?;
    }
    let mut roff = Roff::default();
    let p = page(path);
    roff.control("SH", ["EXIT STATUS"]);
    for (code, what) in STATUSES {
        let what = match (code, p.and_then(|p| p.verdict)) {
            (&status::VERDICT, Some(v)) => v,
            (&status::VERDICT, None) if !path.is_empty() => continue,
            _ => what,
        };
        roff.control("TP", []);
        roff.text([bold(code.to_string())]);
        roff.text([roman(what)]);
    }
    if path.is_empty() {
        roff.control("SH", ["ENVIRONMENT"]);
        roff.control("TP", []);
        roff.text([bold("NO_COLOR")]);
        roff.text([roman(
            "When set to a non-empty value, refusals and breaches are not coloured (unless --color always).",
        )]);
    }
    if let Some(p) = p {
        roff.control("SH", ["EXAMPLES"]);
        for e in p.examples {
            roff.control("PP", []);
            roff.control("nf", []);
            roff.text([roman(*e)]);
            roff.control("fi", []);
        }
    }
    roff.to_writer(&mut out).map_err(fail)?;
    if cmd.get_version().is_some() {
        man.render_version_section(&mut out).map_err(fail)?;
    }
    // each section rendered apart opens with roff's apostrophe prelude: keep the first
    let text = String::from_utf8_lossy(&out).into_owned();
    let prelude = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";
    let mut parts = text.split(prelude);
    let mut page = parts.next().unwrap_or_default().to_string();
    page.push_str(prelude);
    for part in parts {
        page.push_str(part);
    }
    Ok(page.into_bytes())
}

/// Every (path, command) of the tree, the root first.
fn all(cmd: &Command, prefix: &str, out: &mut Vec<(String, Command)>) {
    out.push((prefix.to_string(), cmd.clone()));
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        let path = if prefix.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{prefix} {}", sub.get_name())
        };
        all(sub, &path, out);
    }
}

/// `reglament man [COMMAND]...`: a roff page on standard output, or every page into `--dir`.
pub fn man(mut cmd: Command, args: &ManArgs) -> Done {
    cmd.build();
    let mut pages = Vec::new();
    all(&cmd, "", &mut pages);
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::Output(format!("{}: {e}", dir.display())))?;
        for (path, c) in &pages {
            let name = if path.is_empty() {
                "reglament.1".to_string()
            } else {
                format!("reglament-{}.1", path.replace(' ', "-"))
            };
            let file = dir.join(name);
            std::fs::write(&file, roff_page(c, path)?)
                .map_err(|e| Failure::Output(format!("{}: {e}", file.display())))?;
        }
        return Ok(());
    }
    let want = args.command.join(" ");
    let Some((path, c)) = pages.iter().find(|(p, _)| *p == want) else {
        return Err(Failure::Usage(format!(
            "man: no command {want:?}; one of: {}",
            pages
                .iter()
                .filter(|(p, _)| !p.is_empty())
                .map(|(p, _)| p.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    emit(&String::from_utf8_lossy(&roff_page(c, path)?))
}
