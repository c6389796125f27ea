//! The regulation and ticket subcommands, run as a user would: every
//! conformance vector through `reglament replay`, and `init`, `check`,
//! `describe`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use reglament::Regulation;
use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_reglament"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reglament-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the reglament binary runs")
}

fn vectors() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
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

#[test]
fn every_vector_replays_through_the_command() {
    let mut failures = Vec::new();
    let mut replayed = 0;
    for (n, path) in vectors().iter().enumerate() {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let events = v["events"].as_array().unwrap();
        if events.is_empty() {
            continue;
        }
        let reg = match &v["regulation"] {
            Value::Null => Regulation::default(),
            over => Regulation::with_overrides(over).unwrap(),
        };
        let reg_path = scratch(&format!("reg-{n}.json"));
        std::fs::write(&reg_path, reg.to_json()).unwrap();
        let ev_path = scratch(&format!("events-{n}.jsonl"));
        let lines: Vec<String> = events.iter().map(|e| e.to_string()).collect();
        std::fs::write(&ev_path, lines.join("\n")).unwrap();

        let mut cmd = bin();
        cmd.arg("replay")
            .arg(&ev_path)
            .arg("--regulation")
            .arg(&reg_path);
        if let Some(now) = v["now"].as_str() {
            cmd.arg("--now").arg(now);
        }
        let out = run(&mut cmd);
        let printed: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{}: not JSON ({e}): {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let steps = printed["steps"].as_array().unwrap();
        let expected = v["expected"]["steps"].as_array().unwrap();
        let mut any_error = false;
        for (i, (got, want)) in steps.iter().zip(expected).enumerate() {
            let ok = if let Some(code) = want.get("error") {
                any_error = true;
                got["error"]["code"] == *code
            } else {
                let refusal = &got["refusal"];
                got["accepted"] == want["accepted"]
                    && want.get("status").into_iter().all(|s| got["status"] == *s)
                    && ["clause", "code", "field"]
                        .iter()
                        .all(|k| want.get(*k).into_iter().all(|x| refusal[*k] == *x))
                    && want.get("warnings").into_iter().all(|w| {
                        let codes: Vec<Value> = got["warnings"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|x| x["code"].clone())
                            .collect();
                        *w == Value::Array(codes)
                    })
            };
            if !ok {
                failures.push(format!(
                    "{} step {i}: expected {want}, printed {got}",
                    path.display()
                ));
            }
        }
        if steps.len() != expected.len() {
            failures.push(format!(
                "{}: {} steps printed, {} expected",
                path.display(),
                steps.len(),
                expected.len()
            ));
        }
        let refused = expected.iter().filter(|s| s["accepted"] == false).count();
        if printed["refused"].as_array().unwrap().len() != refused {
            failures.push(format!(
                "{}: the refused list does not match",
                path.display()
            ));
        }
        if let Some(want) = v["expected"].get("head") {
            let out = run(bin()
                .arg("chain")
                .arg("--id")
                .arg("T")
                .arg("--regulation")
                .arg(&reg_path)
                .arg(&ev_path));
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let last: Value = text
                .lines()
                .last()
                .map(|l| serde_json::from_str(l).unwrap())
                .unwrap_or(Value::Null);
            if last["hash"] != *want {
                failures.push(format!(
                    "{}: chain head {}, expected {want}",
                    path.display(),
                    last["hash"]
                ));
            }
            let chained = scratch(&format!("chained-{n}.jsonl"));
            std::fs::write(&chained, &text).unwrap();
            let checked = run(bin()
                .arg("verify")
                .arg("--json")
                .arg("--id")
                .arg("T")
                .arg("--regulation")
                .arg(&reg_path)
                .arg(&chained));
            let verdict: Value = serde_json::from_slice(&checked.stdout).unwrap_or(Value::Null);
            if verdict["head"] != *want || verdict["ok"] != true {
                failures.push(format!("{}: verify printed {verdict}", path.display()));
            }
        }
        if let Some(fin) = v["expected"].get("final") {
            if !subset(fin, &printed["ticket"]) {
                failures.push(format!(
                    "{}: final state differs: {}",
                    path.display(),
                    printed["ticket"]
                ));
            }
        }
        // a line that cannot be read is bad input (3); refusals alone (without --strict) are not
        let code = out.status.code().unwrap();
        if code != if any_error { 3 } else { 0 } {
            failures.push(format!("{}: exit status {code}", path.display()));
        }
        replayed += 1;
    }
    assert!(replayed >= 40, "only {replayed} vectors replayed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn init_prints_a_file_that_check_accepts() {
    let out = run(bin().arg("init"));
    assert!(out.status.success());
    let path = scratch("init.json");
    std::fs::write(&path, &out.stdout).unwrap();
    let check = run(bin().arg("check").arg(&path));
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("valid regulation"));
    assert_eq!(
        Regulation::from_json(&String::from_utf8_lossy(&out.stdout)).unwrap(),
        Regulation::default()
    );
    // the calendar's optional keys of issue 16 are shown at their defaults
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["calendar"]["date_hours"], serde_json::json!({}));
    assert_eq!(v["calendar"]["shortened_eves"], Value::Bool(true));
    assert_eq!(v["calendar"]["martial_law_end"], Value::Null);
    assert_eq!(
        Regulation::from_json(&String::from_utf8_lossy(&out.stdout))
            .unwrap()
            .fingerprint(),
        Regulation::default().fingerprint()
    );
}

#[test]
fn check_names_the_field_and_the_value() {
    let mut v: Value = serde_json::to_value(Regulation::default().spec()).unwrap();
    v["archive_after"]["unit"] = "fortnights".into();
    let path = scratch("bad.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let out = run(bin().arg("check").arg(&path));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("archive_after.unit") && err.contains("fortnights"),
        "{err}"
    );

    // a file that cannot be read is bad input, not a failed check
    let missing = run(bin().arg("check").arg(scratch("no-such-file.json")));
    assert_eq!(missing.status.code(), Some(3));
}

#[test]
fn check_reports_every_error_with_its_path() {
    let path = scratch("several.json");
    std::fs::write(
        &path,
        r#"{"extends": "default", "sla": {"targets": [{"category": "incident"}]},
            "priority_change": "x", "archive_after": {"amount": 0}, "bogus": 1}"#,
    )
    .unwrap();
    let out = run(bin().arg("check").arg(&path));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for field in [
        "sla.targets[0].priority",
        "priority_change",
        "archive_after.amount",
        "bogus",
    ] {
        assert!(
            err.contains(&format!(" at {field}: ")),
            "{field} missing in {err}"
        );
    }

    let out = run(bin().args(["check", "--json"]).arg(&path));
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["valid"], false);
    let fields: Vec<&str> = doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "sla.targets[0].priority",
            "priority_change",
            "archive_after.amount",
            "bogus"
        ]
    );

    let good = scratch("good.json");
    std::fs::write(&good, r#"{"extends": "default"}"#).unwrap();
    let out = run(bin().args(["check", "--json"]).arg(&good));
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (doc["valid"].clone(), doc["errors"].clone()),
        (true.into(), serde_json::json!([]))
    );
}

#[test]
fn describe_prints_the_table_in_both_languages() {
    let en = run(bin().args(["describe", "--lang", "en"]));
    assert!(en.status.success());
    let en = String::from_utf8_lossy(&en.stdout);
    assert!(
        en.contains("accept the solution [accept] (clause 3.6): User in: Release"),
        "{en}"
    );
    assert!(en.contains("Incident | Critical | 30 min | 4 h | 1 h"));
    let uk = run(bin().args(["describe", "--lang", "uk"]));
    assert!(String::from_utf8_lossy(&uk.stdout).contains("Регламент технічної підтримки"));
    // a language outside the listed choices is a usage error
    let bad = run(bin().args(["describe", "--lang", "de"]));
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn replay_reads_a_json_array_and_standard_input() {
    use std::io::Write;
    let events = r#"[{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op-1","role":"operator"},
        "channel":"phone","description":"d","conditions":"c","priority":"high"},
        {"kind":"archive","at":"2026-03-02T10:05:00+02:00","actor":{"id":"op-1","role":"operator"}}]"#;
    let mut child = bin()
        .args(["replay", "-", "--id", "T-42"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(events.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ticket"]["id"], "T-42");
    assert_eq!(v["refused"][0]["refusal"]["code"], "wrong_status");
    assert_eq!(v["refused"][0]["index"], 1);
    assert_eq!(v["refused"][0]["kind"], "archive");
}
