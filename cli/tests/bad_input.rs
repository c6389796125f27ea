//! The bad-input catalogue of `tests/bad_input/` through the command, as a
//! user runs it: `reglament check FILE` for regulation files, `reglament
//! calendar check FILE` for calendar files (exit status 1, and on standard
//! error `FILE: CODE at FIELD: MESSAGE`), and `reglament replay FILE` for
//! events (the history and the case as JSON Lines; the last step carries
//! the error or the refusal). Format in `tests/bad_input/README.md`.

#[path = "../../core/tests/support/bad_input.rs"]
mod support;

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;
use support::{catalogue, expectation, input};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reglament-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn reglament(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args(args)
        .output()
        .expect("the reglament binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `FILE: CODE at FIELD: MESSAGE` (or `FILE: CODE: MESSAGE`) on standard error.
fn check_stderr(name: &str, expect: &Value, ok: bool, stderr: &str) -> Option<String> {
    if expect == "ok" {
        return (!ok).then(|| format!("{name}: expected acceptance, got: {stderr}"));
    }
    if ok {
        return Some(format!("{name}: accepted, expected {expect}"));
    }
    let mut want = Vec::new();
    if let Some(code) = expect["code"].as_str() {
        want.push(match expect["field"].as_str() {
            Some(f) => format!(": {code} at {f}: "),
            None => format!(": {code}: "),
        });
    }
    want.push(expect["message"].as_str().unwrap_or_default().to_string());
    want.iter()
        .find(|w| !stderr.contains(w.as_str()))
        .map(|w| format!("{name}: expected {w:?} on standard error, got: {stderr}"))
}

fn run_documents(file: &str, command: &[&str]) -> usize {
    let cat = catalogue(file);
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cat["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let Some(expect) = expectation(case, "cli") else {
            continue;
        };
        ran += 1;
        let path = scratch(&format!("{file}-{name}.json"));
        std::fs::write(&path, input(case, &cat["base"])).unwrap();
        let mut args = command.to_vec();
        let p = path.to_str().unwrap();
        args.push(p);
        let (ok, _, stderr) = reglament(&args);
        failures.extend(check_stderr(name, &expect, ok, &stderr));
        let _ = std::fs::remove_file(&path);
    }
    assert!(failures.is_empty(), "{file}:\n{}", failures.join("\n"));
    ran
}

#[test]
fn regulation_files_through_check() {
    assert!(run_documents("regulation.json", &["check"]) >= 150);
}

#[test]
fn calendar_files_through_calendar_check() {
    assert!(run_documents("calendar.json", &["calendar", "check"]) >= 75);
}

#[test]
fn events_through_replay() {
    let cat = catalogue("event.json");
    let regulation = match &cat["regulation"] {
        Value::Null => None,
        over => {
            let path = scratch("event-regulation-overrides.json");
            let reg =
                reglament::Regulation::with_overrides(over).expect("the catalogue's regulation");
            std::fs::write(&path, reg.to_json()).unwrap();
            Some(path)
        }
    };
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cat["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let Some(expect) = expectation(case, "cli") else {
            continue;
        };
        ran += 1;
        let history = cat["histories"][case["history"].as_str().expect("history")]
            .as_array()
            .expect("a history");
        let mut bytes = Vec::new();
        for h in history {
            bytes.extend(serde_json::to_vec(h).unwrap());
            bytes.push(b'\n');
        }
        let event = input(case, &cat["bases"][case["base"].as_str().expect("base")]);
        assert!(!event.contains(&b'\n'), "{name}: one line of JSON Lines");
        bytes.extend(event);
        bytes.push(b'\n');
        let path = scratch(&format!("event-{name}.jsonl"));
        std::fs::write(&path, &bytes).unwrap();
        let mut args = vec!["replay", path.to_str().unwrap()];
        if let Some(r) = &regulation {
            args.extend(["--regulation", r.to_str().unwrap()]);
        }
        let (ok, stdout, stderr) = reglament(&args);
        let _ = std::fs::remove_file(&path);
        if expect.get("code").is_some_and(Value::is_null) {
            // the file cannot be read at all (invalid UTF-8)
            failures.extend(check_stderr(name, &expect, ok, &stderr));
            continue;
        }
        let out: Value = match serde_json::from_str(&stdout) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!(
                    "{name}: no JSON on standard output ({e}): {stderr}"
                ));
                continue;
            }
        };
        let steps = out["steps"].as_array().expect("steps");
        if steps.len() != history.len() + 1 {
            failures.push(format!(
                "{name}: {} steps for {} events",
                steps.len(),
                history.len() + 1
            ));
            continue;
        }
        let last = &steps[history.len()];
        if steps[..history.len()].iter().any(|s| s["accepted"] != true) {
            failures.push(format!("{name}: the history is refused: {stdout}"));
            continue;
        }
        let mismatch = if expect == "ok" {
            (last["accepted"] != true).then(|| format!("expected acceptance, got {last}"))
        } else if let Some(refusal) = expect.get("refusal") {
            let r = &last["refusal"];
            let ok = last["accepted"] == false
                && &r["code"] == refusal
                && r["clause"] == expect["clause"]
                && r["field"] == expect["field"];
            (!ok).then(|| format!("expected {expect}, got {last}"))
        } else {
            let e = &last["error"];
            // replay names an item as `events[i]`, the catalogue the event's own path
            let prefix = format!("events[{}]", history.len());
            let field = match e["field"].as_str() {
                Some(f) if f == prefix => Value::Null,
                Some(f) => Value::from(f.strip_prefix(&format!("{prefix}.")).unwrap_or(f)),
                None => Value::Null,
            };
            let ok = e["code"] == expect["code"]
                && field == expect["field"]
                && e["message"]
                    .as_str()
                    .zip(expect["message"].as_str())
                    .is_some_and(|(m, want)| m.contains(want));
            (!ok).then(|| format!("expected {expect}, got {last}"))
        };
        failures.extend(mismatch.map(|m| format!("{name}: {m}")));
        // an unreadable event makes the command fail; a refusal does not
        let want_ok = last.get("error").is_none();
        if ok != want_ok {
            failures.push(format!(
                "{name}: exit status {ok}, expected {want_ok}: {stderr}"
            ));
        }
    }
    assert!(failures.is_empty(), "event.json:\n{}", failures.join("\n"));
    assert!(ran >= 130, "{ran} cases");
}
