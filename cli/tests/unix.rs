//! `reglament` as a Unix tool (issue 21), run as scripts run it: closed
//! pipes, the exit statuses of every command, `-` for standard input, the
//! examples at the end of every `--help` (run as they are), completions and
//! man pages, and — under a pseudo-terminal made by `script` — colours and
//! progress that appear on a terminal only.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_reglament");
const WALK: &str = "docs/examples/clocks-walkthrough.jsonl";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reglament-unix-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `reglament ARGS` in `dir` with `stdin` as standard input.
fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the reglament binary runs");
    let mut input = child.stdin.take().unwrap();
    // the command may not read its standard input: a closed pipe is fine here
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A directory holding the files the README's examples name.
fn fixtures(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("docs/examples")).unwrap();
    for f in [
        "clocks-walkthrough.jsonl",
        "ticket-life.jsonl",
        "open-request.jsonl",
    ] {
        std::fs::copy(
            repo().join("docs/examples").join(f),
            dir.join("docs/examples").join(f),
        )
        .unwrap();
    }
    let cal = run_in(&dir, &["calendar", "default"], b"");
    std::fs::write(dir.join("my-calendar.json"), cal.stdout).unwrap();
    let reg = run_in(&dir, &["init"], b"");
    std::fs::write(dir.join("regulation.json"), reg.stdout).unwrap();
    std::fs::write(
        dir.join("requests.jsonl"),
        concat!(
            r#"{"id":1,"op":"add","at":"2026-03-27T15:00:00Z","seconds":7200}"#,
            "\n",
            r#"{"id":2,"op":"elapsed","from":"2026-03-27T15:00:00Z","to":"2026-03-30T07:00:00Z"}"#,
            "\n",
            r#"{"id":3,"op":"is_working","at":"2026-08-24T10:00:00+03:00"}"#,
            "\n",
        ),
    )
    .unwrap();
    let mut bad = serde_json::to_value(reglament::Regulation::default().spec()).unwrap();
    bad["archive_after"]["unit"] = "fortnights".into();
    std::fs::write(dir.join("bad-regulation.json"), bad.to_string()).unwrap();
    std::fs::write(
        dir.join("bad-calendar.json"),
        r#"{"timezone":"Europe/Atlantis","week":{}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("unreadable-event.jsonl"),
        format!(
            "{}\n{{\"kind\":\"fly\"}}\n",
            std::fs::read_to_string(repo().join("docs/examples/ticket-life.jsonl"))
                .unwrap()
                .lines()
                .next()
                .unwrap()
        ),
    )
    .unwrap();
    dir
}

/// Every printing command, with what it needs on standard input.
fn printing_commands() -> Vec<(Vec<&'static str>, Vec<u8>)> {
    let requests: Vec<u8> =
        std::iter::repeat(&br#"{"op":"add","at":"2026-03-27T15:00:00Z","seconds":7200}"#[..])
            .take(5000)
            .flat_map(|l| l.iter().copied().chain([b'\n']))
            .collect();
    let life = std::fs::read(repo().join("docs/examples/ticket-life.jsonl")).unwrap();
    let walk = "docs/examples/clocks-walkthrough.jsonl";
    vec![
        (vec!["demo"], vec![]),
        (
            vec![
                "deadline",
                "--from",
                "2026-03-27T17:00:00+02:00",
                "--hours",
                "2",
            ],
            vec![],
        ),
        (
            vec![
                "elapsed",
                "--from",
                "2026-03-27T15:00:00Z",
                "--to",
                "2026-03-30T07:00:00Z",
            ],
            vec![],
        ),
        (vec!["calendar", "default"], vec![]),
        (vec!["calendar", "check", "my-calendar.json"], vec![]),
        (vec!["holidays", "--year", "2026"], vec![]),
        (vec!["holidays", "--year", "2026", "--json"], vec![]),
        (vec!["batch"], requests),
        (vec!["init"], vec![]),
        (vec!["check", "regulation.json"], vec![]),
        (vec!["describe", "--lang", "en"], vec![]),
        (vec!["replay", "-"], life),
        (vec!["clocks", walk, "--explain", "en"], vec![]),
        (vec!["whatif", "--against", "regulation.json", walk], vec![]),
        (
            vec!["compliance", walk, "docs/examples/ticket-life.jsonl"],
            vec![],
        ),
        (vec!["completions", "bash"], vec![]),
        (vec!["man"], vec![]),
        (vec!["--help"], vec![]),
    ]
}

/// `reglament ARGS` with standard output on a pipe whose reader is already
/// closed (so the very first write fails with EPIPE, deterministically):
/// `exec 3<>fifo 4>fifo 3<&-` leaves fd 4 a pipe with no reader.
fn into_closed_pipe(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let script = r#"d=$(mktemp -d) && mkfifo "$d/p" && exec 3<>"$d/p" 4>"$d/p" 3<&- && rm -r "$d" && exec "$@" >&4 4>&-"#;
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg("bash")
        .arg(BIN)
        .args(args)
        .current_dir(dir)
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_every_command_quietly_with_status_0() {
    let dir = fixtures("closed-pipe");
    let mut failures = Vec::new();
    for (args, stdin) in printing_commands() {
        let out = into_closed_pipe(&dir, &args, &stdin);
        let err = text(&out.stderr);
        if out.status.code() != Some(0) || !err.is_empty() {
            failures.push(format!(
                "reglament {}: status {:?}, stderr {err:?}",
                args.join(" "),
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_reader_that_stops_early_stops_the_command() {
    // the issue's own pipelines, as a shell runs them; each side's status
    let dir = fixtures("head");
    let big: String = (0..200_000)
        .map(|i| {
            format!(
                "{{\"id\":{i},\"op\":\"add\",\"at\":\"2026-03-27T15:00:00Z\",\"seconds\":{i}}}\n"
            )
        })
        .collect();
    std::fs::write(dir.join("big.jsonl"), big).unwrap();
    for pipeline in [
        "reglament calendar default | head -3",
        "reglament replay docs/examples/ticket-life.jsonl | head -2",
        "reglament holidays --year 2026 | grep -m1 Independence",
        "reglament batch < big.jsonl | head -1",
        "reglament demo | head -1",
    ] {
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!(
                r#"{pipeline}; echo "status ${{PIPESTATUS[*]}}" >&2"#
            ))
            .current_dir(&dir)
            .env("PATH", path_with_bin())
            .env("RUST_BACKTRACE", "1")
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert!(!out.stdout.is_empty(), "{pipeline}: no output");
        assert_eq!(err.trim(), "status 0 0", "{pipeline}");
    }
}

fn path_with_bin() -> String {
    let bin_dir = Path::new(BIN).parent().unwrap();
    format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// (arguments, standard input, status, a piece of standard error)
type Case = (&'static [&'static str], &'static str, i32, &'static str);

#[test]
fn every_command_keeps_to_the_exit_statuses() {
    let dir = fixtures("status");
    let cases: Vec<Case> = vec![
        // 2: usage, from clap
        (&[], "", 2, "Usage"),
        (&["nonsense"], "", 2, "unrecognized subcommand"),
        (&["demo", "--verbose"], "", 2, "unexpected argument"),
        // demo, init
        (&["demo"], "", 0, ""),
        (&["init"], "", 0, ""),
        // deadline, elapsed: 3 for a bad instant or calendar
        (
            &[
                "deadline",
                "--from",
                "2026-03-27T17:00:00+02:00",
                "--hours",
                "2",
            ],
            "",
            0,
            "",
        ),
        (
            &["deadline", "--from", "yesterday", "--hours", "2"],
            "",
            3,
            "--from",
        ),
        (
            &["deadline", "--from", "2026-03-27T17:00:00+02:00"],
            "",
            2,
            "--hours",
        ),
        (
            &[
                "deadline",
                "--from",
                "2026-03-27T17:00:00+02:00",
                "--hours",
                "2",
                "--calendar",
                "bad-calendar.json",
            ],
            "",
            3,
            "bad-calendar.json",
        ),
        (
            &[
                "deadline",
                "--from",
                "2026-03-27T17:00:00+02:00",
                "--hours",
                "2",
                "--calendar",
                "nowhere.json",
            ],
            "",
            3,
            "nowhere.json",
        ),
        (
            &[
                "elapsed",
                "--from",
                "2026-03-27T15:00:00Z",
                "--to",
                "2026-03-30T07:00:00Z",
            ],
            "",
            0,
            "",
        ),
        (
            &["elapsed", "--from", "2026-03-27T15:00:00Z", "--to", "soon"],
            "",
            3,
            "--to",
        ),
        (
            &["elapsed", "--from", "2026-03-27T15:00:00Z"],
            "",
            2,
            "--to",
        ),
        // calendar check judges: 1 invalid, 3 unreadable
        (&["calendar", "check", "my-calendar.json"], "", 0, ""),
        (
            &["calendar", "check", "bad-calendar.json"],
            "",
            1,
            "unknown_timezone",
        ),
        (
            &["calendar", "check", "nowhere.json"],
            "",
            3,
            "nowhere.json",
        ),
        (&["calendar", "check", "-"], "{", 1, "standard input"),
        (&["calendar", "check"], "", 2, "FILE"),
        (&["calendar", "default"], "", 0, ""),
        // holidays
        (&["holidays", "--year", "2026"], "", 0, ""),
        (
            &["holidays", "--year", "2026", "--mode", "FR"],
            "",
            2,
            "--mode",
        ),
        (&["holidays", "--year", "1800"], "", 3, "1800"),
        (&["holidays"], "", 2, "--year"),
        // batch: bad lines are answered, the batch succeeds
        (
            &["batch"],
            "{\"op\":\"add\",\"at\":\"2026-03-27T15:00:00Z\",\"seconds\":1}\nnot json\n",
            0,
            "",
        ),
        (&["batch", "--calendar", "-"], "", 2, "--calendar"),
        (
            &["batch", "--calendar", "nowhere.json"],
            "",
            3,
            "nowhere.json",
        ),
        // check judges: 1 invalid, 3 unreadable
        (&["check", "regulation.json"], "", 0, ""),
        (
            &["check", "bad-regulation.json"],
            "",
            1,
            "archive_after.unit",
        ),
        (&["check", "nowhere.json"], "", 3, "nowhere.json"),
        (&["check", "-"], "[]", 1, "standard input"),
        // describe
        (&["describe", "--lang", "en"], "", 0, ""),
        (&["describe", "--lang", "de"], "", 2, "--lang"),
        (
            &["describe", "--regulation", "bad-regulation.json"],
            "",
            3,
            "archive_after.unit",
        ),
        // replay: refusals are shown (0), judged with --strict (1); unreadable events are bad input (3)
        (&["replay", "docs/examples/ticket-life.jsonl"], "", 0, ""),
        (
            &["replay", "--strict", "docs/examples/ticket-life.jsonl"],
            "",
            1,
            "1 event(s) refused",
        ),
        (&["replay", "--strict", WALK], "", 0, ""),
        (
            &["replay", "unreadable-event.jsonl"],
            "",
            3,
            "are not events",
        ),
        (
            &["replay", "--strict", "unreadable-event.jsonl"],
            "",
            3,
            "are not events",
        ),
        (&["replay", "nowhere.jsonl"], "", 3, "nowhere.jsonl"),
        (&["replay", "--now", "later", WALK], "", 3, "--now"),
        (&["replay"], "", 2, "EVENTS"),
        (
            &["replay", "--regulation", "-", "-"],
            "{}",
            2,
            "can be read once",
        ),
        (
            &["whatif", "--against", "-", "-"],
            "{}",
            2,
            "can be read once",
        ),
        (&["compliance", "-", "-"], "", 2, "can be read once"),
        // clocks, whatif, compliance
        (&["clocks", WALK, "--explain", "en"], "", 0, ""),
        (&["clocks", WALK, "--explain", "de"], "", 2, "--explain"),
        (&["clocks", WALK, "--now", "noon"], "", 3, "--now"),
        (&["whatif", "--against", "regulation.json", WALK], "", 0, ""),
        (&["whatif", WALK], "", 2, "--against"),
        (
            &["whatif", "--against", "bad-regulation.json", WALK],
            "",
            3,
            "archive_after.unit",
        ),
        (
            &["compliance", WALK, "docs/examples/ticket-life.jsonl"],
            "",
            0,
            "",
        ),
        (&["compliance"], "", 2, "FILES"),
        (
            &["compliance", WALK, "nowhere.jsonl"],
            "",
            3,
            "nowhere.jsonl",
        ),
        // completions, man
        (&["completions", "bash"], "", 0, ""),
        (&["completions", "tcsh"], "", 2, "tcsh"),
        (&["man"], "", 0, ""),
        (&["man", "calendar", "check"], "", 0, ""),
        (&["man", "nonsense"], "", 2, "nonsense"),
        (&["--help"], "", 0, ""),
        (&["--version"], "", 0, ""),
    ];
    let mut failures = Vec::new();
    for (args, stdin, want, err_part) in &cases {
        let out = run_in(&dir, args, stdin.as_bytes());
        let err = text(&out.stderr);
        let got = out.status.code();
        if got != Some(*want) || !err.contains(err_part) || (*want == 0) != err.is_empty() {
            failures.push(format!(
                "reglament {}: status {got:?}, expected {want} with {err_part:?} on stderr; stderr: {err}",
                args.join(" ")
            ));
        }
        if *want != 0 && *want != 2 && !err.starts_with("reglament: ") {
            failures.push(format!("reglament {}: stderr {err:?}", args.join(" ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_file_argument_takes_dash_for_standard_input() {
    let dir = fixtures("stdin");
    let walk = "docs/examples/clocks-walkthrough.jsonl";
    let walk_text = std::fs::read(dir.join(walk)).unwrap();
    let cal = std::fs::read(dir.join("my-calendar.json")).unwrap();
    let reg = std::fs::read(dir.join("regulation.json")).unwrap();
    let from = ["--from", "2026-03-27T15:00:00Z"];
    // (with a file, with `-`, what `-` reads)
    let cases: Vec<(Vec<&str>, Vec<&str>, &[u8])> = vec![
        (vec!["check", "regulation.json"], vec!["check", "-"], &reg),
        (
            vec!["calendar", "check", "my-calendar.json"],
            vec!["calendar", "check", "-"],
            &cal,
        ),
        (
            [
                &["deadline", "--hours", "3", "--calendar", "my-calendar.json"][..],
                &from,
            ]
            .concat(),
            [&["deadline", "--hours", "3", "--calendar", "-"][..], &from].concat(),
            &cal,
        ),
        (
            [
                &[
                    "elapsed",
                    "--to",
                    "2026-03-31T00:00:00Z",
                    "--calendar",
                    "my-calendar.json",
                ][..],
                &from,
            ]
            .concat(),
            [
                &["elapsed", "--to", "2026-03-31T00:00:00Z", "--calendar", "-"][..],
                &from,
            ]
            .concat(),
            &cal,
        ),
        (
            vec![
                "describe",
                "--lang",
                "en",
                "--regulation",
                "regulation.json",
            ],
            vec!["describe", "--lang", "en", "--regulation", "-"],
            &reg,
        ),
        (
            vec![
                "replay",
                "--regulation",
                "regulation.json",
                walk,
                "--id",
                "w",
            ],
            vec!["replay", "--regulation", "-", walk, "--id", "w"],
            &reg,
        ),
        (
            vec!["replay", walk, "--id", "w"],
            vec!["replay", "-", "--id", "w"],
            &walk_text,
        ),
        (vec!["clocks", walk], vec!["clocks", "-"], &walk_text),
        (
            vec!["clocks", "--regulation", "regulation.json", walk],
            vec!["clocks", "--regulation", "-", walk],
            &reg,
        ),
        (
            vec!["whatif", "--against", "regulation.json", walk],
            vec!["whatif", "--against", "-", walk],
            &reg,
        ),
        (
            vec![
                "whatif",
                "--regulation",
                "regulation.json",
                "--against",
                "regulation.json",
                walk,
            ],
            vec![
                "whatif",
                "--regulation",
                "-",
                "--against",
                "regulation.json",
                walk,
            ],
            &reg,
        ),
        (
            vec!["compliance", "--regulation", "regulation.json", walk],
            vec!["compliance", "--regulation", "-", walk],
            &reg,
        ),
    ];
    for (file_args, dash_args, stdin) in cases {
        let a = run_in(&dir, &file_args, b"");
        let b = run_in(&dir, &dash_args, stdin);
        assert_eq!(
            a.status.code(),
            Some(0),
            "{file_args:?}: {}",
            text(&a.stderr)
        );
        assert_eq!(
            b.status.code(),
            Some(0),
            "{dash_args:?}: {}",
            text(&b.stderr)
        );
        let (a, b) = (text(&a.stdout), text(&b.stdout));
        // `check` names its input: the file, or standard input
        // the request read from `-` is called "-" (its file stem otherwise)
        let a = a
            .replace("\"clocks-walkthrough\"", "\"-\"")
            .replace("regulation.json", "-")
            .replace("my-calendar.json", "-");
        let b = b
            .replace("\"clocks-walkthrough\"", "\"-\"")
            .replace("standard input", "-");
        assert_eq!(a, b, "{dash_args:?}");
    }
    // compliance: `-` is one of the files (its id is "-")
    let out = run_in(
        &dir,
        &["compliance", "-", "docs/examples/ticket-life.jsonl"],
        &walk_text,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let both = run_in(
        &dir,
        &["compliance", walk, "docs/examples/ticket-life.jsonl"],
        b"",
    );
    let rows = |o: &Output| {
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["rows"].clone()
    };
    assert_eq!(rows(&out), rows(&both));
}

/// `Commands:` of a help text: the subcommands' names (without `help`).
fn subcommands(help: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in help.lines() {
        if line == "Commands:" {
            inside = true;
            continue;
        }
        if inside {
            match line.strip_prefix("  ") {
                Some(rest) if !rest.starts_with(' ') => {
                    let name = rest.split_whitespace().next().unwrap().to_string();
                    if name != "help" {
                        names.push(name);
                    }
                }
                Some(_) => {}
                None => inside = false,
            }
        }
    }
    names
}

/// The `Examples:` block that ends a help text.
fn examples_of(help: &str) -> Option<Vec<String>> {
    let (_, tail) = help.rsplit_once("\nExamples:\n")?;
    let lines: Vec<String> = tail
        .trim_end()
        .lines()
        .map(|l| l.strip_prefix("  ").map(str::to_string))
        .collect::<Option<_>>()?;
    Some(lines)
}

/// Every command path (`""`, `"demo"`, `"calendar check"`, ...) with its `--help`.
fn helps() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut todo = vec![String::new()];
    while let Some(path) = todo.pop() {
        let mut args: Vec<&str> = path.split_whitespace().collect();
        args.push("--help");
        let o = Command::new(BIN).args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let help = text(&o.stdout);
        for sub in subcommands(&help) {
            todo.push(format!("{path} {sub}").trim().to_string());
        }
        out.insert(path, help);
    }
    out
}

#[test]
fn every_help_ends_with_two_or_three_examples_from_the_readme_and_they_run() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let dir = fixtures("examples");
    let helps = helps();
    assert!(helps.len() >= 18, "{:?}", helps.keys());
    let mut ran = 0;
    let mut failures = Vec::new();
    for (path, help) in &helps {
        let Some(examples) = examples_of(help) else {
            failures.push(format!(
                "`reglament {path} --help` does not end with Examples"
            ));
            continue;
        };
        if !(2..=3).contains(&examples.len()) {
            failures.push(format!(
                "`reglament {path} --help`: {} examples",
                examples.len()
            ));
        }
        if !help.contains("Exit status:") {
            failures.push(format!("`reglament {path} --help` has no exit status"));
        }
        let short = Command::new(BIN)
            .args(path.split_whitespace().chain(["-h"]))
            .output()
            .unwrap();
        if examples_of(&text(&short.stdout)).as_ref() != Some(&examples) {
            failures.push(format!("`reglament {path} -h` lacks the examples"));
        }
        for e in &examples {
            if !e.contains("reglament") {
                failures.push(format!("{path}: {e:?} does not run reglament"));
            }
            if !readme.contains(e.as_str()) {
                failures.push(format!("{path}: {e:?} is not in README.md"));
            }
            let out = Command::new("bash")
                .arg("-c")
                .arg(format!("set -eo pipefail\n{e}"))
                .current_dir(&dir)
                .env("PATH", path_with_bin())
                .env("HOME", &dir)
                .stdin(Stdio::null())
                .output()
                .unwrap();
            ran += 1;
            if !out.status.success() {
                failures.push(format!(
                    "{path}: `{e}` exited {:?}: {}",
                    out.status.code(),
                    text(&out.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(ran >= 36, "{ran} examples ran");
    // what the examples wrote is what the README says they write
    let answers = std::fs::read_to_string(dir.join("answers.jsonl")).unwrap();
    assert!(
        answers.starts_with(r#"{"id":1,"at":"2026-03-30T07:00:00Z"}"#),
        "{answers}"
    );
    assert!(std::fs::read_to_string(dir.join("reglament.1"))
        .unwrap()
        .contains("\n.TH reglament 1 "));
    let state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("state.json")).unwrap()).unwrap();
    assert_eq!(state["refused"], serde_json::json!([]));
}

#[test]
fn completions_for_four_shells_come_from_the_command_definition() {
    let helps = helps();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = Command::new(BIN)
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        for path in helps.keys().filter(|p| !p.is_empty()) {
            let last = path.rsplit(' ').next().unwrap();
            assert!(script.contains(last), "{shell}: no {last}");
        }
        assert!(
            script.contains("strict") && script.contains("quiet"),
            "{shell}"
        );
    }
    // bash parses it and completes a subcommand and a listed value
    let dir = scratch("completions");
    let bash = dir.join("reglament.bash");
    let out = Command::new(BIN)
        .args(["completions", "bash"])
        .output()
        .unwrap();
    std::fs::write(&bash, out.stdout).unwrap();
    let check = Command::new("bash").arg("-n").arg(&bash).output().unwrap();
    assert!(check.status.success(), "{}", text(&check.stderr));
    let complete = |words: &str, cword: usize| {
        let o = Command::new("bash")
            .arg("-c")
            .arg(format!(
                r#"source "$1"; COMP_WORDS=({words}); COMP_CWORD={cword}; _reglament reglament "${{COMP_WORDS[$COMP_CWORD]}}" "${{COMP_WORDS[$COMP_CWORD-1]}}"; printf '%s\n' "${{COMPREPLY[@]}}""#
            ))
            .arg("bash")
            .arg(&bash)
            .output()
            .unwrap();
        text(&o.stdout)
    };
    assert_eq!(complete("reglament repl", 1).trim(), "replay");
    assert_eq!(
        complete(r#"reglament describe --lang """#, 3).trim(),
        "uk\nen"
    );
}

#[test]
fn man_pages_carry_the_exit_statuses_and_the_examples() {
    let page = Command::new(BIN).arg("man").output().unwrap();
    let page = text(&page.stdout);
    assert_eq!(page.matches(".TH ").count(), 1, "{page}");
    assert!(page.contains("\n.TH reglament 1 "), "{page}");
    for section in [
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(section), "{section}");
    }
    assert!(page.contains("reglament\\-replay(1)"));
    let replay = text(
        &Command::new(BIN)
            .args(["man", "replay"])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(replay.contains("\n.TH reglament-replay 1 "), "{replay}");
    assert!(replay.contains("\\-\\-strict"));
    assert!(
        replay.contains("refused an event"),
        "the meaning of status 1 for replay"
    );
    // --dir: one page per command, the same as printed one by one
    let dir = scratch("man");
    let out = Command::new(BIN)
        .args(["man", "--dir"])
        .arg(dir.join("man1"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut names: Vec<String> = std::fs::read_dir(dir.join("man1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut want: Vec<String> = helps()
        .keys()
        .map(|p| match p.as_str() {
            "" => "reglament.1".to_string(),
            p => format!("reglament-{}.1", p.replace(' ', "-")),
        })
        .collect();
    want.sort();
    assert_eq!(names, want);
    assert_eq!(
        std::fs::read_to_string(dir.join("man1/reglament-replay.1")).unwrap(),
        replay
    );
}

// ---- a pseudo-terminal (util-linux `script`): colours and progress ----

/// Runs `command` (a shell line) under a pseudo-terminal; None without `script`.
fn on_terminal(dir: &Path, command: &str, env: &[(&str, &str)]) -> Option<(i32, String)> {
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("no `script` (util-linux): the pseudo-terminal checks are skipped");
        return None;
    }
    let mut cmd = Command::new("script");
    cmd.args(["-qec", command, "/dev/null"])
        .current_dir(dir)
        .env("PATH", path_with_bin())
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    Some((out.status.code().unwrap_or(-1), text(&out.stdout)))
}

const RED_BOLD: &str = "\x1b[1m\x1b[31m";

#[test]
fn refusals_and_breaches_are_red_on_a_terminal_only() {
    let dir = fixtures("colour");
    let Some((status, screen)) = on_terminal(&dir, "reglament demo", &[]) else {
        return;
    };
    assert_eq!(status, 0);
    assert!(
        screen.contains(&format!("{RED_BOLD}REFUSED by clause 3.6")),
        "{screen}"
    );
    let walk = "reglament clocks docs/examples/clocks-walkthrough.jsonl --now 2026-03-30T12:00:00+03:00 --explain en";
    let (_, screen) = on_terminal(&dir, walk, &[]).unwrap();
    assert!(
        screen.contains(&format!(
            "{RED_BOLD}Breached: the due instant 2026-03-30 11:00 has passed."
        )),
        "{screen}"
    );
    // off with NO_COLOR, --color never, or when standard output is not the terminal
    for (cmd, env) in [
        ("reglament demo", vec![("NO_COLOR", "1")]),
        ("reglament demo --color never", vec![]),
        ("reglament demo | cat", vec![]),
        (&format!("{walk} | cat"), vec![]),
    ] {
        let (status, screen) = on_terminal(&dir, cmd, &env).unwrap();
        assert_eq!(status, 0, "{cmd}");
        assert!(
            screen.contains("REFUSED") || screen.contains("Breached"),
            "{cmd}: {screen}"
        );
        assert!(!screen.contains('\x1b'), "{cmd} {env:?}: {screen:?}");
    }
    // NO_COLOR="" does not count; --color always wins over NO_COLOR and pipes
    let (_, screen) = on_terminal(&dir, "reglament demo", &[("NO_COLOR", "")]).unwrap();
    assert!(screen.contains(RED_BOLD));
    let piped = run_in(&dir, &["demo", "--color", "always"], b"");
    assert!(text(&piped.stdout).contains(RED_BOLD));
    // and never in a pipe by default
    assert!(!run_in(&dir, &["demo"], b"").stdout.contains(&0x1b));
}

#[test]
fn errors_are_red_on_a_terminal_only() {
    let dir = fixtures("error-colour");
    let Some((status, screen)) = on_terminal(&dir, "reglament check bad-regulation.json", &[])
    else {
        return;
    };
    assert_eq!(status, 1);
    assert!(
        screen.contains(&format!("{RED_BOLD}reglament: ")),
        "{screen:?}"
    );
    let out = run_in(&dir, &["check", "bad-regulation.json"], b"");
    assert!(text(&out.stderr).starts_with("reglament: bad-regulation.json: "));
}

#[test]
fn progress_shows_on_a_terminal_only_and_quiet_turns_it_off() {
    let dir = fixtures("progress");
    let files = "docs/examples/clocks-walkthrough.jsonl docs/examples/ticket-life.jsonl";
    let Some((status, screen)) = on_terminal(
        &dir,
        &format!("reglament compliance {files} > report.json"),
        &[],
    ) else {
        return;
    };
    assert_eq!(status, 0);
    assert!(screen.contains("compliance: 0/2 files read"), "{screen:?}");
    assert!(
        screen.ends_with("\r\x1b[K"),
        "the line is erased at the end: {screen:?}"
    );
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap();
    assert!(report["rows"].is_array());

    let (_, screen) = on_terminal(
        &dir,
        "reglament batch < requests.jsonl > answers.jsonl",
        &[],
    )
    .unwrap();
    assert!(screen.contains("batch: 1 answered"), "{screen:?}");
    assert_eq!(
        std::fs::read_to_string(dir.join("answers.jsonl"))
            .unwrap()
            .lines()
            .count(),
        3
    );

    for quiet in [
        format!("reglament compliance --quiet {files} > report.json"),
        "reglament -q batch < requests.jsonl > answers.jsonl".to_string(),
        // a person typing requests or reading answers sees no progress line either
        "reglament batch < requests.jsonl".to_string(),
        // standard error is not the terminal
        format!("reglament compliance {files} 2> err.txt > report.json"),
    ] {
        let (status, screen) = on_terminal(&dir, &quiet, &[]).unwrap();
        assert_eq!(status, 0, "{quiet}");
        assert!(
            !screen.contains("answered") && !screen.contains("files read"),
            "{quiet}: {screen:?}"
        );
    }
    assert_eq!(std::fs::read_to_string(dir.join("err.txt")).unwrap(), "");
    // without a terminal (CI logs, pipes): nothing on standard error
    let out = run_in(
        &dir,
        &["compliance", "docs/examples/ticket-life.jsonl"],
        b"",
    );
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn a_full_disk_is_an_output_error() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = fixtures("full");
    for args in [
        &["calendar", "default"][..],
        &["holidays", "--year", "2026"],
        &["replay", "docs/examples/ticket-life.jsonl"],
        &["man"],
    ] {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(&dir)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(4), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.starts_with("reglament: standard output: ") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
}
