//! `reglament report`, run as a user would: every report vector of
//! `tests/reports/`, its output against the JSON Schema, plain and chained
//! files anchored alike, CSV and HTML forms, and the bad inputs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_reglament"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("reglament-report-test-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the reglament binary runs")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn vectors() -> Vec<(PathBuf, Value)> {
    let dir = repo().join("tests/reports");
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

fn subset(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                subset(
                    &format!("{path}.{k}"),
                    v,
                    a.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (x, y)) in e.iter().zip(a).enumerate() {
                subset(&format!("{path}[{i}]"), x, y, out);
            }
        }
        _ if expected == actual => {}
        _ => out.push(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// Writes a vector's requests (one JSON Lines file each) and its contract,
/// and returns the command's arguments.
fn setup(name: &str, v: &Value) -> (PathBuf, Vec<String>) {
    let dir = scratch(name);
    let mut args: Vec<String> = ["report", "--from", "--to", "--now", "--by"]
        .iter()
        .zip(["", "from", "to", "now", "by"])
        .flat_map(|(flag, key)| {
            let mut a = vec![flag.to_string()];
            if !key.is_empty() {
                a.push(v[key].as_str().unwrap().to_string());
            }
            a
        })
        .collect();
    if v["contract"].is_object() {
        let p = dir.join("contract.json");
        std::fs::write(&p, v["contract"].to_string()).unwrap();
        args.extend(["--contract".into(), p.display().to_string()]);
    }
    if v["regulation"].is_object() {
        let reg = reglament::Regulation::with_overrides(&v["regulation"]).unwrap();
        let p = dir.join("regulation.json");
        std::fs::write(&p, reg.to_complete_json()).unwrap();
        args.extend(["--regulation".into(), p.display().to_string()]);
    }
    for r in v["requests"].as_array().unwrap() {
        let p = dir.join(format!("{}.jsonl", r["id"].as_str().unwrap()));
        let text: String = r["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{e}\n"))
            .collect();
        std::fs::write(&p, text).unwrap();
        args.push(p.display().to_string());
    }
    (dir, args)
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("schemas/report.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

fn valid(validator: &jsonschema::Validator, v: &Value) -> Vec<String> {
    validator
        .iter_errors(v)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

#[test]
fn every_report_vector_through_the_command_and_the_schema() {
    let validator = schema();
    let mut failures = Vec::new();
    for (path, v) in vectors() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (_, args) = setup(&name, &v);
        let out = run(bin().args(&args));
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let actual: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut diffs = Vec::new();
        subset("", &v["expected"], &actual, &mut diffs);
        diffs.extend(valid(&validator, &actual));
        if !diffs.is_empty() {
            failures.push(format!("{name}:\n  {}", diffs.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_schema_refuses_what_is_not_a_report() {
    let validator = schema();
    let (_, v) = vectors().into_iter().next().unwrap();
    let (_, args) = setup("schema-refuses", &v);
    let out = run(bin().args(&args));
    let good: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(valid(&validator, &good).is_empty());
    let mut bad = good.clone();
    bad["totals"][0]["extended"]["counted"] = Value::from(-1);
    assert!(!valid(&validator, &bad).is_empty());
    let mut bad = good;
    bad["merkle_root"] = Value::from("sha256:xyz");
    assert!(!valid(&validator, &bad).is_empty());
}

#[test]
fn chained_files_give_the_same_report_and_a_broken_chain_names_the_entry() {
    let (_, v) = vectors().into_iter().next().unwrap();
    let (dir, args) = setup("chained", &v);
    let plain: Value = serde_json::from_slice(&run(bin().args(&args)).stdout).unwrap();
    // chain every request file in place
    let files: Vec<String> = args
        .iter()
        .filter(|a| a.ends_with(".jsonl"))
        .cloned()
        .collect();
    for f in &files {
        let out = run(bin().args(["chain", f]));
        assert!(out.status.success());
        std::fs::write(f, &out.stdout).unwrap();
    }
    let chained: Value = serde_json::from_slice(&run(bin().args(&args)).stdout).unwrap();
    assert_eq!(plain, chained);
    // edit one entry of one chain
    let f = &files[0];
    let text = std::fs::read_to_string(f).unwrap();
    let edited = text.replacen("08:30:00Z", "08:31:00Z", 1);
    assert_ne!(text, edited);
    std::fs::write(f, edited).unwrap();
    let out = run(bin().args(&args));
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("A.jsonl") && err.contains("line") && err.contains("chain"),
        "{err}"
    );
    let _ = dir;
}

#[test]
fn csv_tables_are_rfc_4180() {
    let (_, v) = vectors()
        .into_iter()
        .find(|(p, _)| p.to_string_lossy().contains("extension"))
        .unwrap();
    let (dir, args) = setup("csv", &v);
    let out = run(bin().args(&args).args(["--format", "csv"]));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text
        .starts_with("bucket,metric,category,priority,counted,on_time,breached,percent_on_time,"));
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
    let out = run(bin()
        .args(&args)
        .args(["--format", "csv", "--table", "breaches"]));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert!(rows
        .iter()
        .any(|row| row.iter().any(|c| c.contains("<ext-E@customer.example>"))));
    // a directory receives both tables
    let outdir = dir.join("tables");
    std::fs::create_dir_all(&outdir).unwrap();
    let out = run(bin()
        .args(&args)
        .args(["--format", "csv", "--out"])
        .arg(&outdir));
    assert!(out.status.success());
    for t in ["groups.csv", "breaches.csv"] {
        assert!(std::fs::read_to_string(outdir.join(t))
            .unwrap()
            .contains("metric"));
    }
}

#[test]
fn the_html_page_is_self_contained_and_shows_the_json_numbers() {
    let (_, v) = vectors().into_iter().next().unwrap();
    let (_, args) = setup("html", &v);
    let json: Value = serde_json::from_slice(&run(bin().args(&args)).stdout).unwrap();
    for lang in ["uk", "en"] {
        let out = run(bin()
            .args(&args)
            .args(["--format", "html", "--lang", lang, "--target", "95"]));
        assert!(out.status.success());
        let html = String::from_utf8(out.stdout).unwrap();
        let lower = html.to_lowercase();
        for bad in [
            "src=\"http",
            "href=\"http",
            "src='http",
            "href='http",
            "<script",
            "@import",
            "url(",
            "<link",
        ] {
            assert!(!lower.contains(bad), "{lang}: the page holds {bad:?}");
        }
        assert!(lower.starts_with("<!doctype html>"));
        assert!(html.contains("@page") && html.contains("size: A4"));
        assert_eq!(html.matches("<svg").count(), 2, "two charts");
        assert!(html.matches("<title>").count() > 3, "charts carry titles");
        assert!(html.contains(json["merkle_root"].as_str().unwrap()));
        for total in json["totals"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["bucket"].is_null())
        {
            let metric = total["metric"].as_str().unwrap();
            let pct = total["extended"]["percent_on_time"]
                .as_f64()
                .map_or("—".to_string(), |p| format!("{p:.1}"));
            let row_start = html
                .find(&format!("<tr data-metric=\"{metric}\">"))
                .unwrap_or_else(|| panic!("{lang}: no headline row for {metric}"));
            let row = &html[row_start..row_start + html[row_start..].find("</tr>").unwrap()];
            assert!(
                row.contains(&format!("data-field=\"percent_on_time\">{pct}<")),
                "{lang} {metric}: {row}"
            );
            let counted = total["extended"]["counted"].as_u64().unwrap();
            assert!(row.contains(&format!("data-field=\"counted\">{counted}<")));
        }
    }
}

#[test]
fn bad_input_is_named() {
    let (_, v) = vectors().into_iter().next().unwrap();
    let (dir, args) = setup("bad", &v);
    let base: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
    // an event file that is not a request history: a regulation file
    let reg = dir.join("regulation-not-events.json");
    std::fs::write(&reg, run(bin().arg("init")).stdout).unwrap();
    let out = run(bin().args(&base).arg(&reg));
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("regulation-not-events.json"), "{err}");
    // from >= to
    let mut swapped = base.clone();
    swapped[2] = "2026-12-01";
    swapped[4] = "2026-11-01";
    let out = run(bin().args(&swapped));
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
    // a date that is not one
    let mut wrong = base.clone();
    wrong[2] = "2026-11";
    let out = run(bin().args(&wrong));
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    // an unknown --by
    let mut by = base.clone();
    by[8] = "day";
    let out = run(bin().args(&by));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("month"));
}
