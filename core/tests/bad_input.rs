//! The bad-input catalogue of `tests/bad_input/` through the Rust API: every
//! malformed regulation, calendar and event gives exactly the error (code,
//! field, a part of the message) or the refusal (code, clause, field) the
//! catalogue names, and every value it marks `"ok"` is accepted. The same
//! files run through the CLI (`cli/tests/bad_input.rs`), the C library
//! (`bindings/python/test_bad_input.py`) and the WASM package
//! (`bindings/js/test/bad_input.test.js`); the format is in
//! `tests/bad_input/README.md`.

#[path = "support/bad_input.rs"]
mod support;

use reglament::ticket::{Event, Ticket};
use reglament::{Calendar, Error, Regulation};
use serde_json::Value;
use support::{catalogue, expectation, input};

/// Compares an error with the expectation; returns the mismatch.
fn check_error(name: &str, expect: &Value, got: Result<(), Error>) -> Option<String> {
    if expect == "ok" {
        return got
            .err()
            .map(|e| format!("{name}: expected acceptance, got {}: {e}", e.code()));
    }
    let Err(e) = got else {
        return Some(format!("{name}: accepted, expected {expect}"));
    };
    let (code, field, msg) = (&expect["code"], &expect["field"], &expect["message"]);
    let ok = code.as_str() == Some(e.code())
        && field.as_str() == e.field()
        && msg.as_str().is_some_and(|m| e.message().contains(m));
    (!ok).then(|| {
        format!(
            "{name}: expected {} at {} with {msg}, got {} at {:?}: {}",
            code,
            field,
            e.code(),
            e.field(),
            e.message()
        )
    })
}

fn run_documents(file: &str, parse: impl Fn(&str) -> Result<(), Error>) -> usize {
    let cat = catalogue(file);
    let base = &cat["base"];
    let mut failures = Vec::new();
    let mut names = std::collections::HashSet::new();
    let mut ran = 0;
    for case in cat["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        assert!(names.insert(name), "{file}: {name} twice");
        let bytes = input(case, base);
        let Some(expect) = expectation(case, "rust") else {
            assert!(
                std::str::from_utf8(&bytes).is_err(),
                "{name}: skipped, yet UTF-8"
            );
            continue;
        };
        let text = std::str::from_utf8(&bytes).expect("only hex cases are not UTF-8");
        ran += 1;
        failures.extend(check_error(name, &expect, parse(text)));
    }
    assert!(failures.is_empty(), "{file}:\n{}", failures.join("\n"));
    ran
}

#[test]
fn regulation_files() {
    let n = run_documents("regulation.json", |t| Regulation::from_json(t).map(drop));
    assert!(n >= 150, "{n} cases");
}

#[test]
fn calendar_files() {
    let n = run_documents("calendar.json", |t| Calendar::from_json(t).map(drop));
    assert!(n >= 75, "{n} cases");
}

#[test]
fn events() {
    let cat = catalogue("event.json");
    let reg = match &cat["regulation"] {
        Value::Null => Regulation::default(),
        over => Regulation::with_overrides(over).expect("the catalogue's regulation"),
    };
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cat["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().expect("name");
        let base = &cat["bases"][case["base"].as_str().expect("base")];
        let bytes = input(case, base);
        let Some(expect) = expectation(case, "rust") else {
            assert!(
                std::str::from_utf8(&bytes).is_err(),
                "{name}: skipped, yet UTF-8"
            );
            continue;
        };
        ran += 1;
        let text = std::str::from_utf8(&bytes).expect("only hex cases are not UTF-8");
        let mut ticket = Ticket::new("T");
        for h in cat["histories"][case["history"].as_str().expect("history")]
            .as_array()
            .expect("a history")
        {
            let e = Event::from_value(h, "").expect("history events parse");
            assert!(
                ticket.apply(&reg, e).is_accepted(),
                "{name}: the history is refused"
            );
        }
        let before = ticket.clone();
        let parsed = Event::from_json(text);
        if expect.get("refusal").is_some() {
            let Ok(event) = parsed else {
                failures.push(format!(
                    "{name}: expected a refusal, the event does not parse: {:?}",
                    parsed.err()
                ));
                continue;
            };
            let out = ticket.apply(&reg, event);
            match out.refusal() {
                None => failures.push(format!("{name}: accepted, expected refusal {expect}")),
                Some(r) => {
                    let ok = expect["refusal"] == r.code.code()
                        && expect["clause"] == r.clause
                        && expect["field"].as_str() == r.field;
                    if !ok {
                        failures.push(format!(
                            "{name}: expected {expect}, got {} (clause {}, field {:?}): {}",
                            r.code.code(),
                            r.clause,
                            r.field,
                            r.message_en()
                        ));
                    }
                    assert_eq!(ticket, before, "{name}: a refused event changed the ticket");
                }
            }
            continue;
        }
        if expect == "ok" {
            match parsed {
                Err(e) => failures.push(format!(
                    "{name}: expected acceptance, got {}: {e}",
                    e.code()
                )),
                Ok(event) => {
                    if let Some(r) = ticket.apply(&reg, event).refusal() {
                        failures.push(format!(
                            "{name}: expected acceptance, refused {}: {}",
                            r.code.code(),
                            r.message_en()
                        ));
                    }
                }
            }
            continue;
        }
        let got = parsed.map(drop);
        failures.extend(check_error(name, &expect, got));
    }
    assert!(failures.is_empty(), "event.json:\n{}", failures.join("\n"));
    assert!(ran >= 130, "{ran} cases");
}
