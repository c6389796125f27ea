//! The JSON Schemas of `schemas/` against the core, document by document.
//!
//! Every document of the repository that the library reads — the
//! conformance vectors' regulations and events, the bad-input catalogue, the
//! report cases, the examples of README and docs, the fuzz seeds, batch
//! lines — and a few thousand deterministic mutations of them are checked
//! twice: by the schema (the `jsonschema` crate, formats asserted) and by the
//! core's own parser (for batch lines: the `reglament batch` command). The
//! two must agree on accept / reject, except where [`EXCEPTIONS`] says why
//! not (rules a schema cannot express, and the DESIGN §7 keys the schemas
//! already describe and the core does not read yet). Every exception must
//! be used at least once, so the list stays true: when the core learns a
//! §7 key, its temporary exception goes unused and this test says to drop it.
//!
//! The documents the library writes (replay output, clocks, batch answers,
//! chain lines) must be valid against their schemas, and the schemas'
//! vocabularies must equal the core's (`ALL`, codes and labels).
//!
//! The schemas and the reference pages are written by
//! `scripts/gen-schemas.py` (`--check` in CI keeps them fresh).

#[path = "../../core/tests/support/bad_input.rs"]
mod support;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jsonschema::Validator;
use reglament::record::Versions;
use reglament::ticket::Event;
use reglament::{Calendar, Regulation};
use serde_json::{json, Map, Value};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn schema_value(name: &str) -> Value {
    let path = repo().join(format!("schemas/{name}.schema.json"));
    serde_json::from_str(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator(name: &str) -> Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema_value(name))
        .unwrap_or_else(|e| panic!("schemas/{name}.schema.json does not compile: {e}"))
}

/// The formats the differential covers, with their schema.
const FORMATS: [&str; 6] = [
    "calendar",
    "regulation",
    "contract",
    "event",
    "events",
    "batch-request",
];

/// The core's verdict on a document: accepted, or the error's code, field
/// and message.
#[derive(Debug, Clone)]
struct Rejection {
    code: String,
    field: String,
    message: String,
}

fn rejection(e: reglament::Error) -> Rejection {
    Rejection {
        code: e.code().to_string(),
        field: e.field().unwrap_or("").to_string(),
        message: e.message().to_string(),
    }
}

fn core_verdict(format: &str, text: &str) -> Result<(), Rejection> {
    match format {
        "calendar" => Calendar::from_json(text).map(drop).map_err(rejection),
        "regulation" => Regulation::from_json(text).map(drop).map_err(rejection),
        "contract" => Versions::from_json(text).map(drop).map_err(rejection),
        "event" => Event::from_json(text).map(drop).map_err(rejection),
        "events" => {
            // a list is a JSON array here (JSON Lines are checked line by line as events)
            if !text.trim_start().starts_with('[') {
                return Err(Rejection {
                    code: "invalid_json".into(),
                    field: String::new(),
                    message: "not an array".into(),
                });
            }
            for item in Event::read_list(text).map_err(rejection)? {
                item.map_err(rejection)?;
            }
            Ok(())
        }
        other => panic!("no core parser for {other}"),
    }
}

/// A case where schema and core disagree, for the exceptions to judge.
struct Disagreement<'a> {
    format: &'a str,
    doc: &'a Value,
    schema_ok: bool,
    core: &'a Result<(), Rejection>,
}

impl Disagreement<'_> {
    /// Schema accepts, core rejects with `code` at a field matching `field`.
    fn core_only(&self, code: &str, field: impl Fn(&str) -> bool) -> bool {
        self.schema_ok && matches!(self.core, Err(r) if r.code == code && field(&r.field))
    }
    fn message_has(&self, part: &str) -> bool {
        matches!(self.core, Err(r) if r.message.contains(part))
    }
}

/// A deliberate difference between schema and core.
struct Exception {
    name: &'static str,
    /// Why the schema does not (or the core does not yet) say the same.
    reason: &'static str,
    /// DESIGN §7 keys being added to the core in this wave: drop the
    /// exception when the core reads them (this test says when).
    temporary: bool,
    applies: fn(&Disagreement) -> bool,
}

fn ends_with_index(field: &str, list: &str) -> bool {
    field
        .strip_prefix(list)
        .or_else(|| field.rsplit_once(&format!(".{list}")).map(|(_, r)| r))
        .is_some_and(|r| r.starts_with('[') && r.ends_with(']'))
}

fn last_key(field: &str) -> &str {
    field.rsplit('.').next().unwrap_or(field)
}

/// Every deliberate exception, in one place.
const EXCEPTIONS: &[Exception] = &[
    Exception {
        name: "unknown time zone",
        reason: "the schema checks the shape of an IANA name; whether the tz database knows it is the core's (chrono-tz) answer",
        temporary: false,
        applies: |d| d.core_only("unknown_timezone", |_| true),
    },
    Exception {
        name: "martial law ended before it began",
        reason: "martial_law_end before 2022-02-24 is a comparison of dates, not a shape",
        temporary: false,
        applies: |d| {
            d.core_only("invalid_value", |f| last_key(f) == "martial_law_end")
                && d.message_has("martial law cannot have ended")
        },
    },
    Exception {
        name: "no working time",
        reason: "\"some weekday or extra working day has hours\" spans week, extra_working_days and extra_working_day_hours",
        temporary: false,
        applies: |d| d.core_only("no_working_time", |_| true),
    },
    Exception {
        name: "holiday and extra working day",
        reason: "a date in both holidays and extra_working_days: a rule across two lists",
        temporary: false,
        applies: |d| d.core_only("conflict", |f| ends_with_index(f, "holidays")),
    },
    Exception {
        name: "resolution shorter than response",
        reason: "a comparison of two numbers of one SLA row",
        temporary: false,
        applies: |d| d.core_only("conflict", |f| f.ends_with(".resolution") && f.contains("sla.targets[")),
    },
    Exception {
        name: "action listed twice",
        reason: "uniqueness of one key (name) across the objects of a list",
        temporary: false,
        applies: |d| d.core_only("conflict", |f| f.contains("actions[") && f.ends_with(".name")),
    },
    Exception {
        name: "approval of an unknown action",
        reason: "approval_required_for must name an action of `actions` (or a gateable event kind): a reference between two lists",
        temporary: false,
        applies: |d| {
            d.core_only("invalid_value", |f| ends_with_index(f, "approval_required_for"))
                && d.message_has("neither an action")
        },
    },
    Exception {
        name: "thresholds not increasing",
        reason: "warning_thresholds in increasing order compares neighbours (the schema only asks each once)",
        temporary: false,
        applies: |d| {
            d.core_only("invalid_value", |f| ends_with_index(f, "warning_thresholds"))
                && d.message_has("increasing order")
                && thresholds_of(d.doc).is_some_and(|t| {
                    t.iter().all(|&p| (1..=1000).contains(&p)) && t.windows(2).any(|w| w[1] <= w[0])
                })
        },
    },
    Exception {
        name: "contract versions out of order or zone",
        reason: "effective_from strictly increasing and one time zone across versions compare the versions with each other",
        temporary: false,
        applies: |d| {
            d.format == "contract"
                && (d.core_only("invalid_value", |f| f.ends_with(".effective_from") && d.message_has("is not after"))
                    || d.core_only("invalid_value", |f| f.ends_with(".calendar.timezone")))
        },
    },
    Exception {
        name: "instant beyond year 9999 or before 0000 in UTC",
        reason: "a local time near the ends of the range with an offset that carries it outside: arithmetic, not a shape",
        temporary: false,
        applies: |d| d.core_only("out_of_range", |_| true) && d.message_has("years 0000 to 9999"),
    },
    Exception {
        name: "batch: calendar arithmetic refused",
        reason: "a batch line of the right shape whose arithmetic the calendar refuses (an instant outside 1970..2100, a result beyond the range, no working day found)",
        temporary: false,
        applies: |d| {
            d.format == "batch-request"
                && d.schema_ok
                && matches!(d.core, Err(r) if r.code == "out_of_range" || r.code == "instant_out_of_range")
        },
    },
    Exception {
        name: "SLA row naming an unknown calendar",
        reason: "a row's `calendar` must name a key of `calendars`: a reference between two keys",
        temporary: false,
        applies: |d| {
            d.core_only("invalid_value", |f| f.contains("sla.targets[") && f.ends_with("].calendar"))
                && d.message_has("unknown calendar")
        },
    },
    Exception {
        name: "pause reason id built in or declared twice",
        reason: "uniqueness of `id` across the objects of `pause_reasons`, and the built-in reasons' codes",
        temporary: false,
        applies: |d| d.core_only("conflict", |f| f.contains("pause_reasons[") && f.ends_with("].id")),
    },
];

/// The integer percentages of a regulation document's thresholds (a number
/// or `{"percent": n, ...}`; `None` when one is neither, or there are none).
fn thresholds_of(doc: &Value) -> Option<Vec<i64>> {
    let mut found = None;
    find_key(doc, "warning_thresholds", &mut found);
    found?
        .as_array()?
        .iter()
        .map(|v| v.get("percent").unwrap_or(v))
        .map(|v| v.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
        .collect()
}

fn find_key<'a>(v: &'a Value, key: &str, out: &mut Option<&'a Value>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == key {
                    *out = Some(x);
                }
                find_key(x, key, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| find_key(x, key, out)),
        _ => {}
    }
}

// --- the corpus ---------------------------------------------------------------

/// One document: its format, where it comes from, its text.
struct Doc {
    format: &'static str,
    origin: String,
    text: String,
}

fn push(docs: &mut Vec<Doc>, format: &'static str, origin: impl Into<String>, v: &Value) {
    docs.push(Doc {
        format,
        origin: origin.into(),
        text: v.to_string(),
    });
}

fn json_files(dir: &str) -> Vec<(String, Value)> {
    let mut out: Vec<_> = std::fs::read_dir(repo().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out.into_iter()
        .map(|p| {
            let v =
                serde_json::from_str(&read(&p)).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), v)
        })
        .collect()
}

/// The regulation a vector or report describes: `null` is the default, an
/// object is an overlay (written here as a partial file).
fn overlay(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut o = Map::new();
            o.insert("extends".into(), "default".into());
            o.extend(m.clone());
            Value::Object(o)
        }
        _ => serde_json::from_str(&Regulation::default().to_json()).unwrap(),
    }
}

fn events_of(docs: &mut Vec<Doc>, origin: &str, list: &Value) {
    if let Some(items) = list.as_array() {
        push(docs, "events", origin, list);
        for (i, e) in items.iter().enumerate() {
            push(docs, "event", format!("{origin}[{i}]"), e);
        }
    }
}

/// Markdown ```json blocks that parse, by the keys they have.
fn markdown_blocks(docs: &mut Vec<Doc>, file: &str) {
    let text = read(&repo().join(file));
    for (i, block) in text.split("```json\n").skip(1).enumerate() {
        let body = block.split("```").next().unwrap_or("");
        let Ok(v) = serde_json::from_str::<Value>(body) else {
            continue; // an excerpt with "..."
        };
        let origin = format!("{file} block {i}");
        if v.get("kind").is_some() {
            push(docs, "event", origin, &v);
        } else if v.get("timezone").is_some() {
            push(docs, "calendar", origin, &v);
        } else if v.get("versions").is_some() {
            push(docs, "contract", origin, &v);
        } else if v.get("contract").is_some() || v.get("extends").is_some() {
            push(docs, "regulation", origin, &v);
        }
    }
}

fn corpus() -> Vec<Doc> {
    let mut docs = Vec::new();
    let default: Value = serde_json::from_str(&Regulation::default().to_json()).unwrap();
    push(
        &mut docs,
        "regulation",
        "default (reglament init)",
        &default,
    );
    let complete: Value = serde_json::from_str(&Regulation::default().to_complete_json()).unwrap();
    push(&mut docs, "regulation", "default, complete form", &complete);
    push(
        &mut docs,
        "calendar",
        "default calendar",
        &default["calendar"],
    );
    for (name, v) in json_files("tests/vectors") {
        push(
            &mut docs,
            "regulation",
            format!("{name} regulation"),
            &overlay(&v["regulation"]),
        );
        if let Some(c) = v["regulation"]
            .get("calendar")
            .filter(|c| c.get("timezone").is_some())
        {
            push(&mut docs, "calendar", format!("{name} calendar"), c);
        }
        events_of(&mut docs, &format!("{name} events"), &v["events"]);
        for (q, query) in v["queries"].as_array().into_iter().flatten().enumerate() {
            if let Some(a) = query.get("against") {
                push(
                    &mut docs,
                    "regulation",
                    format!("{name} query {q} against"),
                    &overlay(a),
                );
            }
            events_of(
                &mut docs,
                &format!("{name} query {q} events"),
                &query["events"],
            );
            for t in query["tickets"].as_array().into_iter().flatten() {
                events_of(
                    &mut docs,
                    &format!("{name} query {q} ticket {}", t["id"]),
                    &t["events"],
                );
            }
        }
    }
    for (name, v) in json_files("tests/reports") {
        push(
            &mut docs,
            "regulation",
            format!("reports/{name} regulation"),
            &overlay(&v["regulation"]),
        );
        for r in v["requests"].as_array().into_iter().flatten() {
            events_of(
                &mut docs,
                &format!("reports/{name} {}", r["id"]),
                &r["events"],
            );
        }
        if let Some(c) = v.get("contract") {
            push(&mut docs, "contract", format!("reports/{name} contract"), c);
        }
    }
    // contracts: the default in two versions, and the vectors' regulations after it
    let mut a = default.clone();
    a["effective_from"] = "2026-01-01".into();
    let mut b = a.clone();
    b["effective_from"] = "2026-07-01".into();
    b["archive_after"]["amount"] = 5.into();
    push(
        &mut docs,
        "contract",
        "two versions",
        &json!({"versions": [a, b]}),
    );
    let mut p = overlay(&json!({"warning_thresholds": [50, 90]}));
    p["effective_from"] = "2027-01-01".into();
    push(
        &mut docs,
        "contract",
        "a partial version",
        &json!({"versions": [a, p]}),
    );
    let mut c = b.clone();
    c["effective_from"] = "2025-12-31".into();
    push(
        &mut docs,
        "contract",
        "versions out of order",
        &json!({"versions": [a, c]}),
    );
    let mut z = b.clone();
    z["calendar"]["timezone"] = "Europe/Warsaw".into();
    push(
        &mut docs,
        "contract",
        "versions in two zones",
        &json!({"versions": [a, z]}),
    );
    pending_documents(&mut docs, &default);
    // examples
    for (name, v) in json_files("docs/examples") {
        let format = if v.get("kind").is_some() {
            "event"
        } else if v.get("timezone").is_some() {
            "calendar"
        } else {
            "regulation"
        };
        push(&mut docs, format, format!("docs/examples/{name}"), &v);
    }
    for dir in ["docs/examples", "fuzz/seeds/events_replay"] {
        let mut files: Vec<_> = std::fs::read_dir(repo().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        for p in files {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            for (i, line) in read(&p).lines().enumerate() {
                if line.trim_start().starts_with('{') {
                    docs.push(Doc {
                        format: "event",
                        origin: format!("{dir}/{name}:{}", i + 1),
                        text: line.to_string(),
                    });
                }
            }
        }
    }
    for (format, dir) in [
        ("calendar", "fuzz/seeds/calendar_json"),
        ("regulation", "fuzz/seeds/regulation_json"),
    ] {
        for (name, v) in json_files(dir) {
            push(&mut docs, format, format!("{dir}/{name}"), &v);
        }
    }
    for file in [
        "README.md",
        "docs/holidays.md",
        "tests/vectors/README.md",
        "cli/README.md",
    ] {
        if repo().join(file).exists() {
            markdown_blocks(&mut docs, file);
        }
    }
    // the bad-input catalogue: every case but invalid UTF-8
    for (format, file) in [
        ("regulation", "regulation.json"),
        ("calendar", "calendar.json"),
    ] {
        let cat = support::catalogue(file);
        for case in cat["cases"].as_array().unwrap() {
            if let Ok(text) = String::from_utf8(support::input(case, &cat["base"])) {
                docs.push(Doc {
                    format,
                    origin: format!("bad_input/{file} {}", case["name"]),
                    text,
                });
            }
        }
    }
    let cat = support::catalogue("event.json");
    for case in cat["cases"].as_array().unwrap() {
        let base = &cat["bases"][case["base"].as_str().unwrap()];
        if let Ok(text) = String::from_utf8(support::input(case, base)) {
            docs.push(Doc {
                format: "event",
                origin: format!("bad_input/event.json {}", case["name"]),
                text,
            });
        }
    }
    docs.extend(batch_lines());
    docs
}

/// Documents with the DESIGN §7 keys of this wave: valid by the schemas,
/// accepted by the core once it reads them (until then, the temporary
/// exceptions).
fn pending_documents(docs: &mut Vec<Doc>, default: &Value) {
    let mut cal = default["calendar"].clone();
    cal["date_hours"] = json!({"2026-12-31": [["09:00", "14:00"]], "2026-03-07": []});
    push(docs, "calendar", "§7 date_hours", &cal);
    let mut cal = default["calendar"].clone();
    cal["shortened_eves"] = json!(false);
    push(docs, "calendar", "§7 shortened_eves", &cal);
    let around_the_clock = json!({"timezone": "Europe/Kyiv", "week": {
        "mon": [["00:00", "24:00"]], "tue": [["00:00", "24:00"]], "wed": [["00:00", "24:00"]],
        "thu": [["00:00", "24:00"]], "fri": [["00:00", "24:00"]], "sat": [["00:00", "24:00"]],
        "sun": [["00:00", "24:00"]]}});
    let mut reg = default.clone();
    reg["calendars"] = json!({"24x7": around_the_clock});
    reg["sla"]["targets"][0]["calendar"] = json!("24x7");
    push(docs, "regulation", "§7 named calendars", &reg);
    let mut reg = default.clone();
    reg["pause_reasons"] = json!([{"id": "awaiting_vendor", "uk": "очікування постачальника",
        "en": "awaiting the vendor", "pauses": ["response", "resolution"]}]);
    push(docs, "regulation", "§7 pause reasons", &reg);
    push(
        docs,
        "regulation",
        "§7 escalation levels",
        &json!({"extends": "default",
        "warning_thresholds": [75, 90, {"percent": 150, "name": "escalation"}, 200]}),
    );
    for kind in ["pause", "resume"] {
        push(
            docs,
            "event",
            format!("§7 {kind}"),
            &json!({"kind": kind, "at": "2026-03-02T10:00:00Z",
            "actor": {"id": "op-1", "role": "operator"}, "reason": "awaiting_vendor"}),
        );
    }
}

/// Batch request lines: the README's, a hand-written set, and each with a
/// calendar of the corpus.
fn batch_lines() -> Vec<Doc> {
    let lines = [
        r#"{"id":7,"op":"add","at":"2026-03-27T15:00:00Z","seconds":7200}"#,
        r#"{"op":"sub","at":"2026-03-30T07:00:00Z","seconds":7200}"#,
        r#"{"id":"e","op":"elapsed","from":"2026-03-27T15:00:00Z","to":"2026-03-30T07:00:00+03:00"}"#,
        r#"{"op":"is_working","at":"2026-03-28T10:00:00+02:00"}"#,
        r#"{"op":"next_working","at":"2026-03-28T10:00:00+02:00","note":"ignored"}"#,
        r#"{"op":"add_working_days","at":"2026-03-27T10:00:00Z","days":2}"#,
        r#"{"op":"add","at":"2026-03-27T15:00:00Z","seconds":3600.0,"calendar":null}"#,
        r#"{"op":"add","at":"2026-03-27T15:00:00Z","seconds":-3600}"#,
        r#"{"op":"add","at":"2026-03-27T15:00:00Z","seconds":3600,"calendar":{"timezone":"UTC","week":{"sun":[["22:00","06:00"]]}}}"#,
        r#"{"op":"multiply","at":"2026-03-27T15:00:00Z"}"#,
        r#"{"op":"add","at":"2026-03-27T15:00:00Z"}"#,
        r#"{"op":"add","at":"27.03.2026","seconds":1}"#,
        r#"{"op":"add","at":"2026-03-27T15:00:00Z","seconds":1.5}"#,
        r#"{"op":"add_working_days","at":"2026-03-27T10:00:00Z","days":-1}"#,
        r#"{"op":"elapsed","from":"2026-03-27T15:00:00Z"}"#,
        r#"{"id":1,"at":"2026-03-27T15:00:00Z"}"#,
        r#"{"op":"is_working","at":"1969-12-31T23:00:00Z"}"#,
        r#"{"op":"add","at":"2026-03-27T15:00:00Z","seconds":1,"calendar":{"timezone":"Mars/Olympus","week":{}}}"#,
        r#"[1,2]"#,
    ];
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| Doc {
            format: "batch-request",
            origin: format!("batch line {i}"),
            text: l.to_string(),
        })
        .collect()
}

// --- mutations ------------------------------------------------------------------

/// xorshift64*: deterministic across platforms.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Every path (keys and indices) to a node of `v`.
fn paths(v: &Value, here: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                here.push(Value::String(k.clone()));
                paths(x, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                here.push(Value::from(i));
                paths(x, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |n, step| match step {
        Value::String(k) => &mut n[k.as_str()],
        Value::Number(i) => &mut n[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

/// Replacement values: wrong types, values out of range, bad strings, and
/// good-looking ones (so that mutants also land on the accepting side).
fn replacement(rng: &mut Rng, old: &Value) -> Value {
    let strings = [
        "",
        " ",
        "x",
        "URGENT",
        "Incident",
        "24:00",
        "25:00",
        "09:60",
        "9:00",
        "00:00",
        "23:59:59",
        "2026-02-29",
        "2024-02-29",
        "2026-02-30",
        "2026-13-01",
        "0000-01-01",
        "9999-12-31",
        "2026-3-1",
        "2026-03-27T10:00:00",
        "2026-03-27T10:00:00Z",
        "2026-03-27 10:00:00+02:00",
        "2026-03-27t10:00:00z",
        "2026-03-27T10:00:60Z",
        "2026-03-27T10:00:00.5+14:00",
        "2026-03-27T10:00:00+24:00",
        "9999-12-31T23:59:59-01:00",
        "0000-01-01T00:00:00+01:00",
        "Europe/Kyiv",
        "Europe/Nowhere",
        "UTC",
        "UA",
        "UA-statutory",
        "ua",
        "default",
        "server_recovery",
        "start_work",
        "release",
        "email",
        "phone",
        "critical",
        "low",
        "sprint",
        "in_progress",
        "backlog",
        "response",
        "update_interval",
        "calendar_days",
        "working_days",
        "keep_old_due",
        "recovery",
        "operator",
        "user",
        "Bad Name",
        "sha256:00",
        "pause",
        "resume",
        "awaiting_vendor",
    ];
    let numbers = [
        json!(0),
        json!(1),
        json!(-1),
        json!(2),
        json!(75),
        json!(99),
        json!(100),
        json!(101),
        json!(255),
        json!(256),
        json!(1000),
        json!(1001),
        json!(3650),
        json!(3651),
        json!(3600.0),
        json!(3600.5),
        json!(4_102_444_800i64),
        json!(4_102_444_801i64),
        json!(i64::MAX),
        json!(u64::MAX),
        json!(1e300),
        json!(-1e300),
        json!(4_294_967_296i64),
    ];
    match rng.below(10) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 | 3 => rng.pick(&numbers).clone(),
        4..=6 => Value::String(rng.pick(&strings).to_string()),
        7 => match old {
            Value::Array(a) if !a.is_empty() => json!([a[0].clone(), a[0].clone()]),
            Value::Array(_) => json!([]),
            _ => json!([old.clone()]),
        },
        8 => json!({}),
        _ => match old {
            Value::Number(n) => n.as_i64().map_or(json!(0), |i| {
                json!(i.saturating_add(rng.pick(&[1i64, -1, 1000, -1000]).to_owned()))
            }),
            Value::Array(_) => json!([]),
            _ => json!(["09:00", "18:00"]),
        },
    }
}

/// One mutant of `doc`: a key dropped, renamed or added, or a value replaced.
fn mutate(rng: &mut Rng, doc: &Value) -> Value {
    let mut v = doc.clone();
    let mut all = Vec::new();
    paths(&v, &mut Vec::new(), &mut all);
    let path = rng.pick(&all).clone();
    let op = rng.below(10);
    if let (Some((last, parent)), true) = (path.split_last(), op < 3) {
        let parent = node(&mut v, parent);
        match (parent, last) {
            (Value::Object(m), Value::String(k)) => {
                let x = m.remove(k.as_str()).unwrap_or(Value::Null);
                if op == 1 {
                    m.insert(format!("{k}_x"), x);
                } else if op == 2 {
                    m.insert(k.to_uppercase(), x);
                }
            }
            (Value::Array(a), Value::Number(i)) => {
                let i = i.as_u64().unwrap() as usize;
                if op == 0 {
                    a.remove(i);
                } else {
                    let x = a[i].clone();
                    a.push(x);
                }
            }
            _ => {}
        }
        return v;
    }
    let target = node(&mut v, &path);
    if op == 3 {
        if let Value::Object(m) = target {
            let keys = [
                "date_hours",
                "shortened_eves",
                "calendars",
                "pause_reasons",
                "calendar",
                "colour",
                "extends",
                "id",
                "text",
                "reason",
                "note",
            ];
            let k = rng.pick(&keys).to_string();
            let x = replacement(rng, &Value::Null);
            m.insert(k, x);
            return v;
        }
    }
    *target = replacement(rng, target);
    v
}

/// Mutants per seed document: a few thousand in all, in well under a second
/// of work each way.
const MUTANTS_PER_DOC: usize = 14;

// --- the test ----------------------------------------------------------------------

/// Runs batch lines through `reglament batch`: per line, accepted or the error.
fn batch_verdicts(lines: &[&str]) -> Vec<Result<(), Rejection>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("reglament batch runs");
    let mut input = String::new();
    for l in lines {
        assert!(!l.contains('\n'));
        input.push_str(l);
        input.push('\n');
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    let answers: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), lines.len());
    let answer_schema = validator("batch-answer");
    answers
        .iter()
        .map(|a| {
            let errors: Vec<String> = answer_schema
                .iter_errors(a)
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "batch answer {a} is not valid: {errors:?}"
            );
            match a.get("error") {
                None => Ok(()),
                Some(e) => Err(Rejection {
                    code: e["code"].as_str().unwrap_or("").to_string(),
                    field: e["field"].as_str().unwrap_or("").to_string(),
                    message: e["message"].as_str().unwrap_or("").to_string(),
                }),
            }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    documents: usize,
    accepted: usize,
    mutants: usize,
    mutants_accepted: usize,
}

#[test]
fn schemas_and_core_agree_on_every_document_and_mutant() {
    let validators: BTreeMap<&str, Validator> =
        FORMATS.iter().map(|f| (*f, validator(f))).collect();
    let seeds = corpus();
    // (format, origin, text, is a mutant)
    let mut cases: Vec<(&'static str, String, String, bool)> = Vec::new();
    let mut rng = Rng(0x5EED_0017_u64);
    let mut distinct = std::collections::HashSet::new();
    for doc in &seeds {
        cases.push((doc.format, doc.origin.clone(), doc.text.clone(), false));
        let Ok(v) = serde_json::from_str::<Value>(&doc.text) else {
            continue;
        };
        // each distinct document, small enough to mutate quickly
        if doc.text.len() > 20_000 || !distinct.insert((doc.format, doc.text.as_str())) {
            continue;
        }
        let n = match doc.format {
            "event" | "events" => MUTANTS_PER_DOC / 4,
            "regulation" => MUTANTS_PER_DOC / 3,
            "calendar" => MUTANTS_PER_DOC / 2,
            _ => MUTANTS_PER_DOC,
        };
        for m in 0..n {
            let mutant = mutate(&mut rng, &v);
            cases.push((
                doc.format,
                format!("{} mutant {m}", doc.origin),
                mutant.to_string(),
                true,
            ));
        }
    }
    let batch: Vec<&str> = cases
        .iter()
        .filter(|c| c.0 == "batch-request")
        .map(|c| c.2.as_str())
        .collect();
    let mut batch_answers = batch_verdicts(&batch).into_iter();
    // the core's verdicts, on every core (the calendars compile slowly in a debug build)
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = cases.len().div_ceil(threads);
    let verdicts: Vec<Option<Result<(), Rejection>>> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|(format, _, text, _)| {
                            (*format != "batch-request").then(|| core_verdict(format, text))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });

    let mut tally: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut used = vec![0usize; EXCEPTIONS.len()];
    let mut failures = Vec::new();
    for ((format, origin, text, mutant), core) in cases.iter().zip(verdicts) {
        let core = match core {
            Some(v) => v,
            None => batch_answers.next().unwrap(),
        };
        let value = serde_json::from_str::<Value>(text).ok();
        let schema_ok = value
            .as_ref()
            .is_some_and(|v| validators[format].is_valid(v));
        let t = tally.entry(format).or_default();
        if *mutant {
            t.mutants += 1;
            t.mutants_accepted += usize::from(core.is_ok());
        } else {
            t.documents += 1;
            t.accepted += usize::from(core.is_ok());
        }
        if schema_ok == core.is_ok() {
            continue;
        }
        let doc = value.unwrap_or(Value::Null);
        let d = Disagreement {
            format,
            doc: &doc,
            schema_ok,
            core: &core,
        };
        match EXCEPTIONS.iter().position(|e| (e.applies)(&d)) {
            Some(i) => used[i] += 1,
            None => {
                let why = match (&core, value_errors(&validators[format], &doc)) {
                    (Err(r), _) => format!(
                        "schema accepts, core rejects: {} at {:?}: {}",
                        r.code, r.field, r.message
                    ),
                    (Ok(()), errs) => format!("core accepts, schema rejects: {}", errs.join("; ")),
                };
                failures.push(format!("{format} {origin}: {why}\n    {}", clip(text)));
            }
        }
    }
    eprintln!("schema/core differential (documents accepted/all, mutants accepted/all):");
    for (f, t) in &tally {
        eprintln!(
            "  {f:14} {:4}/{:4} documents, {:4}/{:5} mutants",
            t.accepted, t.documents, t.mutants_accepted, t.mutants
        );
    }
    for (e, n) in EXCEPTIONS.iter().zip(&used) {
        eprintln!(
            "  exception {:60} {n:5}{}\n      {}",
            e.name,
            if e.temporary { " (temporary)" } else { "" },
            e.reason
        );
    }
    assert!(
        failures.is_empty(),
        "{} disagreements between schema and core (fix the schema in scripts/gen-schemas.py, or list a deliberate exception in EXCEPTIONS):\n{}",
        failures.len(),
        failures.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
    let unused: Vec<String> = EXCEPTIONS
        .iter()
        .zip(&used)
        .filter(|(_, n)| **n == 0)
        .map(|(e, _)| {
            if e.temporary {
                format!("{}: the core now does what the schema says; remove this temporary exception (and the `x-pending` marks in scripts/gen-schemas.py)", e.name)
            } else {
                format!("{}: no document needs it any more; remove it or add the document it is for", e.name)
            }
        })
        .collect();
    assert!(
        unused.is_empty(),
        "unused exceptions:\n{}",
        unused.join("\n")
    );
    // the corpus is what it claims to be: every format with documents on both sides
    for f in FORMATS {
        let t = &tally[f];
        assert!(
            t.documents > 0 && t.accepted > 0,
            "{f}: no accepted document"
        );
        assert!(
            t.mutants == 0 || t.mutants_accepted < t.mutants,
            "{f}: every mutant accepted"
        );
    }
    assert!(cases.len() > 3000, "only {} cases", cases.len());
}

fn value_errors(v: &Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .take(3)
        .map(|e| format!("{} at {}", clip(&e.to_string()), e.instance_path))
        .collect()
}

fn clip(s: &str) -> String {
    if s.len() <= 300 {
        return s.to_string();
    }
    let mut end = 300;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

// --- the schemas' vocabularies are the core's -----------------------------------

/// `(code, uk, en)` of a core vocabulary.
macro_rules! labels {
    ($t:ty) => {
        <$t>::ALL
            .iter()
            .map(|v| {
                (
                    v.code().to_string(),
                    v.label_uk().to_string(),
                    v.label_en().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
}

#[test]
fn the_schemas_vocabularies_are_the_cores() {
    use reglament::model::*;
    use reglament::sla::{ClockState, DueCause};
    use reglament::ticket::{ApprovalState, EventKind, RefusalCode, WarningCode};
    let mut kinds = labels!(EventKind);
    // DESIGN §7, in this wave: the schema knows them before the core (see EXCEPTIONS)
    for (code, uk, en) in [
        (
            "pause",
            "призупинити відлік з причини",
            "pause the clocks for a declared reason",
        ),
        (
            "resume",
            "відновити відлік після причини",
            "resume the clocks after a declared reason",
        ),
    ] {
        if EventKind::from_code(code).is_none() {
            kinds.push((code.into(), uk.into(), en.into()));
        }
    }
    let core: BTreeMap<&str, Vec<(String, String, String)>> = BTreeMap::from([
        ("role", labels!(Role)),
        ("channel", labels!(Channel)),
        ("reason", labels!(Reason)),
        ("category", labels!(Category)),
        ("priority", labels!(Priority)),
        ("status", labels!(Status)),
        ("metric", labels!(Metric)),
        ("service", labels!(Service)),
        ("day_unit", labels!(DayUnit)),
        (
            "priority_change",
            labels!(reglament::regulation::PriorityChangeRule),
        ),
        ("event_kind", kinds),
        ("clock_state", labels!(ClockState)),
        ("due_cause", labels!(DueCause)),
        ("approval_state", labels!(ApprovalState)),
        ("refusal_code", labels!(RefusalCode)),
        ("warning_code", labels!(WarningCode)),
    ]);
    let mut seen = std::collections::BTreeSet::new();
    let mut drift = Vec::new();
    for name in [
        "calendar",
        "regulation",
        "contract",
        "event",
        "events",
        "chain-entry",
        "batch-request",
        "batch-answer",
        "clocks",
        "replay",
    ] {
        let s = schema_value(name);
        assert_eq!(s["$id"], format!("urn:reglament:schema:{name}:1"));
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        for (def, body) in s["$defs"].as_object().into_iter().flatten() {
            let Some(want) = core.get(def.as_str()) else {
                continue;
            };
            seen.insert(def.clone());
            let got: Vec<(String, String, String)> = body["oneOf"]
                .as_array()
                .unwrap_or_else(|| panic!("{name}: $defs/{def} is not a oneOf of consts"))
                .iter()
                .map(|b| {
                    let s = |k: &str| b[k].as_str().unwrap_or("").to_string();
                    (s("const"), s("title"), s("description"))
                })
                .collect();
            if &got != want {
                drift.push(format!(
                    "{name}: $defs/{def}\n  schema: {got:?}\n  core:   {want:?}"
                ));
            }
        }
    }
    assert!(
        drift.is_empty(),
        "the schemas' vocabularies differ from the core's (edit VOCAB in scripts/gen-schemas.py, run it):\n{}",
        drift.join("\n")
    );
    let missing: Vec<_> = core.keys().filter(|k| !seen.contains(**k)).collect();
    assert!(
        missing.is_empty(),
        "vocabularies no schema checks: {missing:?}"
    );
}

// --- what the library writes is valid against its schema ----------------------------

fn errors_of(v: &Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .take(5)
        .map(|e| format!("{} at {}", clip(&e.to_string()), e.instance_path))
        .collect()
}

#[test]
fn replay_clocks_chain_and_defaults_are_valid_against_their_schemas() {
    let replay = validator("replay");
    let clocks = validator("clocks");
    let chain = validator("chain-entry");
    let regulation = validator("regulation");
    let event = validator("event");
    let mut failures = Vec::new();
    let mut checked = 0;
    let dir = std::env::temp_dir().join(format!("reglament-schemas-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, v) in json_files("tests/vectors") {
        let reg = match &v["regulation"] {
            Value::Null => Regulation::default(),
            over => Regulation::with_overrides(over).unwrap(),
        };
        let events: Vec<Event> = v["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| Event::from_value(e, "").ok())
            .collect();
        // the canonical events and the chained lines the core writes
        for e in &events {
            checked += 1;
            failures.extend(
                errors_of(&event, &e.to_value())
                    .into_iter()
                    .map(|x| format!("{name} canonical event: {x}")),
            );
        }
        for entry in reglament::record::chain(reg.fingerprint(), "T", &events) {
            let line: Value = serde_json::from_str(&entry.to_line()).unwrap();
            checked += 1;
            failures.extend(
                errors_of(&chain, &line)
                    .into_iter()
                    .map(|x| format!("{name} chain line: {x}")),
            );
        }
        let complete: Value = serde_json::from_str(&reg.to_complete_json()).unwrap();
        checked += 1;
        failures.extend(
            errors_of(&regulation, &complete)
                .into_iter()
                .map(|x| format!("{name} complete regulation: {x}")),
        );
        // the command's replay (with its clocks), as a user runs it
        if events.is_empty() {
            continue;
        }
        let history = dir.join(format!("{name}.jsonl"));
        let lines: String = v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{e}\n"))
            .collect();
        std::fs::write(&history, lines).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_reglament"));
        cmd.args(["replay", "-q", history.to_str().unwrap()]);
        if let Some(now) = v["now"].as_str() {
            cmd.args(["--now", now]);
        }
        if !v["regulation"].is_null() {
            let r = dir.join(format!("{name}.regulation.json"));
            std::fs::write(&r, overlay(&v["regulation"]).to_string()).unwrap();
            cmd.args(["--regulation", r.to_str().unwrap()]);
        }
        let out = cmd.output().unwrap();
        // exit status 1 when an item is not an event: the output is the replay all the same
        let doc: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{name}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
        checked += 2;
        failures.extend(
            errors_of(&replay, &doc)
                .into_iter()
                .map(|x| format!("{name} replay: {x}")),
        );
        if doc["clocks"].get("error").is_none() {
            failures.extend(
                errors_of(&clocks, &doc["clocks"])
                    .into_iter()
                    .map(|x| format!("{name} clocks: {x}")),
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(checked > 500, "only {checked} documents");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The validator must reject what the schema forbids, or the differential
/// proves nothing: a few documents that must fail, one per schema.
#[test]
fn each_schema_rejects_an_obvious_mistake() {
    let cases = [
        ("calendar", json!({"timezone": "UTC"})),
        ("regulation", json!({"extends": "default", "colour": "red"})),
        ("contract", json!({"versions": []})),
        (
            "event",
            json!({"kind": "comment", "at": "2026-03-02T10:00:00Z", "actor": {"id": "u", "role": "user"}}),
        ),
        ("events", json!([{"kind": "promote"}])),
        (
            "chain-entry",
            json!({"seq": -1, "prev": "x", "hash": "y", "event": {}}),
        ),
        (
            "batch-request",
            json!({"op": "add", "at": "2026-03-02T10:00:00Z"}),
        ),
        (
            "batch-answer",
            json!({"at": "2026-03-02T10:00:00Z", "working": true}),
        ),
        ("clocks", json!({"ticket": "T"})),
        ("replay", json!({"steps": []})),
    ];
    for (name, doc) in cases {
        assert!(!validator(name).is_valid(&doc), "{name} accepts {doc}");
    }
}
