//! The SLA subcommands, run as a user would: the clocks of every conformance
//! vector through `reglament replay` and `reglament clocks`, the what-if
//! and compliance queries through `reglament whatif` and `reglament
//! compliance`, and the explanation in words.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use reglament::Regulation;
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_reglament"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reglament-sla-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the reglament binary runs")
}

fn json_of(out: &Output, what: &str) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{what}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn vectors() -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v.into_iter()
        .map(|p| {
            let v = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p, v)
        })
        .collect()
}

/// `expected` ⊆ `actual` (objects by key, arrays by position, instants as instants).
fn subset(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, v)| subset(v, a.get(k).unwrap_or(&Value::Null))),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| subset(x, y))
        }
        (Value::String(e), Value::String(a)) if e != a => {
            matches!((reglament::instant::parse(e), reglament::instant::parse(a)), (Ok(x), Ok(y)) if x == y)
        }
        _ => expected == actual,
    }
}

fn write_events(name: &str, events: &Value) -> PathBuf {
    let path = scratch(name);
    let lines: Vec<String> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.to_string())
        .collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

fn write_regulation(name: &str, over: &Value) -> PathBuf {
    let reg = match over {
        Value::Null => Regulation::default(),
        over => Regulation::with_overrides(over).unwrap(),
    };
    let path = scratch(name);
    std::fs::write(&path, reg.to_json()).unwrap();
    path
}

#[test]
fn every_clock_vector_through_the_commands() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (n, (path, v)) in vectors().iter().enumerate() {
        let exp = &v["expected"];
        let reg_path = write_regulation(&format!("reg-{n}.json"), &v["regulation"]);
        let ev_path = write_events(&format!("events-{n}.jsonl"), &v["events"]);
        if let Some(clocks) = exp.get("clocks") {
            let now = v["now"].as_str().unwrap();
            let out = run(bin()
                .arg("replay")
                .arg(&ev_path)
                .arg("--regulation")
                .arg(&reg_path)
                .arg("--now")
                .arg(now));
            let printed = json_of(&out, &path.display().to_string());
            if !subset(clocks, &printed["clocks"]) {
                failures.push(format!(
                    "{}: replay printed {}",
                    path.display(),
                    printed["clocks"]
                ));
            }
            checked += 1;
        }
        for at in exp
            .get("clocks_at")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let out = run(bin()
                .arg("clocks")
                .arg(&ev_path)
                .arg("--regulation")
                .arg(&reg_path)
                .arg("--now")
                .arg(at["now"].as_str().unwrap()));
            let printed = json_of(&out, &path.display().to_string());
            if !subset(&at["clocks"], &printed) {
                failures.push(format!("{}: clocks printed {printed}", path.display()));
            }
            checked += 1;
        }
        for (k, q) in v
            .get("queries")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let printed = match q["op"].as_str() {
                Some("what_if") => {
                    let b = write_regulation(&format!("against-{n}-{k}.json"), &q["against"]);
                    let evs = write_events(&format!("whatif-{n}-{k}.jsonl"), &q["events"]);
                    let mut cmd = bin();
                    cmd.arg("whatif")
                        .arg(&evs)
                        .arg("--regulation")
                        .arg(&reg_path)
                        .arg("--against")
                        .arg(&b);
                    if let Some(now) = q["now"].as_str() {
                        cmd.arg("--now").arg(now);
                    }
                    json_of(&run(&mut cmd), "whatif")
                }
                Some("compliance") => {
                    let mut cmd = bin();
                    cmd.arg("compliance").arg("--regulation").arg(&reg_path);
                    for key in ["from", "to", "now"] {
                        if let Some(x) = q[key].as_str() {
                            cmd.arg(format!("--{key}")).arg(x);
                        }
                    }
                    for t in q["tickets"].as_array().unwrap() {
                        let id = t["id"].as_str().unwrap();
                        cmd.arg(write_events(&format!("{id}.jsonl"), &t["events"]));
                    }
                    json_of(&run(&mut cmd), "compliance")
                }
                _ => continue,
            };
            if !subset(&q["expected"], &printed) {
                failures.push(format!("{}: query {k} printed {printed}", path.display()));
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} clock checks ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clocks_explain_themselves_in_both_languages() {
    let v = vectors()
        .into_iter()
        .find(|(_, v)| v["name"] == "clock-independence-day")
        .expect("the Independence Day vector")
        .1;
    let ev = write_events("independence.jsonl", &v["events"]);
    let now = v["now"].as_str().unwrap();
    for (lang, holiday) in [
        ("en", "Independence Day"),
        ("uk", "День незалежності України"),
    ] {
        let out = run(bin()
            .arg("clocks")
            .arg(&ev)
            .arg("--now")
            .arg(now)
            .arg("--explain")
            .arg(lang));
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(holiday), "{text}");
        assert!(
            text.contains("2026-08-25 16:00"),
            "due in local time: {text}"
        );
    }
    let out = run(bin().arg("clocks").arg(&ev).arg("--explain").arg("de"));
    assert!(!out.status.success());
}

#[test]
fn whatif_needs_the_other_regulation() {
    let ev = write_events("empty.jsonl", &Value::Array(vec![]));
    let out = run(bin().arg("whatif").arg(&ev));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--against"));
}
