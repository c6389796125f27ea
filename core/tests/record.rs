//! The contract record (DESIGN §5): fingerprints that follow meaning,
//! contract versions in force from local midnight, chains that report
//! every edit, and clear errors for bad chain input.

use proptest::prelude::*;
use reglament::instant::parse;
use reglament::record::{self, Versions};
use reglament::regulation::RegulationSpec;
use reglament::ticket::{Event, Ticket};
use reglament::Regulation;
use serde_json::{json, Value};

fn default_value() -> Value {
    serde_json::to_value(RegulationSpec::default()).unwrap()
}

/// JSON text with every object's keys in reverse order and the given indent.
fn write_reversed(v: &Value, pretty: bool, out: &mut String) {
    match v {
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().rev().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if pretty {
                    out.push_str("\n  ");
                }
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push_str(if pretty { " : " } else { ":" });
                write_reversed(x, pretty, out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(if pretty { ", " } else { "," });
                }
                write_reversed(x, pretty, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[test]
fn same_meaning_same_fingerprint() {
    let reg = Regulation::default();
    let fp = reg.fingerprint().to_string();
    // key order and whitespace
    for pretty in [false, true] {
        let mut text = String::new();
        write_reversed(&default_value(), pretty, &mut text);
        assert_eq!(Regulation::from_json(&text).unwrap().fingerprint(), fp);
    }
    // defaults written out: the registration calendar equal to the calendar,
    // an extra working day's hours equal to Monday's
    let complete = reg.complete_value();
    assert!(complete["registration_calendar"].is_object());
    assert_eq!(Regulation::from_value(&complete).unwrap().fingerprint(), fp);
    // sets in another order, with duplicates
    let mut v = default_value();
    v["sla"]["targets"].as_array_mut().unwrap().reverse();
    v["actions"].as_array_mut().unwrap().reverse();
    v["approval_required_for"].as_array_mut().unwrap().reverse();
    assert_eq!(Regulation::from_value(&v).unwrap().fingerprint(), fp);
    let mut a = default_value();
    a["calendar"]["holidays"] = json!(["2026-12-31", "2026-12-30"]);
    let mut b = default_value();
    b["calendar"]["holidays"] = json!(["2026-12-30", "2026-12-31", "2026-12-30"]);
    assert_eq!(
        Regulation::from_value(&a).unwrap().fingerprint(),
        Regulation::from_value(&b).unwrap().fingerprint()
    );
    assert_ne!(Regulation::from_value(&a).unwrap().fingerprint(), fp);
    // `reglament check --complete` output reads back to the same fingerprint
    assert_eq!(
        Regulation::from_json(&reg.to_complete_json())
            .unwrap()
            .fingerprint(),
        fp
    );
}

/// Every leaf of a document with its path.
fn leaves(v: &Value, path: Vec<Value>, out: &mut Vec<(Vec<Value>, Value)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let mut p = path.clone();
                p.push(json!(k));
                leaves(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let mut p = path.clone();
                p.push(json!(i));
                leaves(x, p, out);
            }
        }
        leaf => out.push((path, leaf.clone())),
    }
}

fn at_mut<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match k {
        Value::String(s) => &mut v[s.as_str()],
        Value::Number(n) => &mut v[n.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

#[test]
fn any_change_of_meaning_changes_the_fingerprint() {
    let base = Regulation::default();
    let doc = base.complete_value();
    let mut all = Vec::new();
    leaves(&doc, Vec::new(), &mut all);
    let mut changed = 0;
    for (path, leaf) in &all {
        let alternatives: Vec<Value> = match leaf {
            Value::Bool(b) => vec![json!(!b)],
            Value::Number(n) => vec![json!(n.as_i64().unwrap() + 1)],
            Value::String(s) if s.len() == 10 && s.as_bytes()[4] == b'-' => {
                vec![json!("2027-02-03")]
            }
            Value::String(s) if s.len() == 5 && s.as_bytes()[2] == b':' => {
                vec![json!("08:30")]
            }
            Value::String(s) if path.last() == Some(&json!("name")) => vec![json!("x_action")],
            Value::String(s) => vec![json!(format!("{s}x"))],
            Value::Null => vec![json!("v2")],
            _ => vec![],
        };
        for alt in alternatives {
            let mut v = doc.clone();
            *at_mut(&mut v, path) = alt;
            // the registration calendar is written out in full: change the
            // calendar too, or the change is only "the same as before"
            let Ok(other) = Regulation::from_value(&v) else {
                continue;
            };
            if other.complete_value() == doc {
                continue; // the change did not survive (a set that sorted back)
            }
            assert_ne!(
                other.fingerprint(),
                base.fingerprint(),
                "changing {path:?} kept the fingerprint"
            );
            changed += 1;
        }
    }
    assert!(changed > 60, "only {changed} changes were tried");
}

fn register(at: &str) -> Event {
    Event::from_json(&format!(
        r#"{{"kind":"register","at":"{at}","actor":{{"id":"op","role":"operator"}},"channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}}"#
    ))
    .unwrap()
}

fn contract(zone: &str, dates: &[&str]) -> Versions {
    let versions: Vec<Value> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut v = default_value();
            v["calendar"]["timezone"] = json!(zone);
            v["effective_from"] = json!(d);
            v["version"] = json!(format!("v{}", i + 1));
            v["archive_after"]["amount"] = json!(10 - i);
            v
        })
        .collect();
    Versions::from_value(&json!({ "versions": versions })).unwrap()
}

#[test]
fn the_version_in_force_at_registration_judges_the_request() {
    let c = contract("Europe/Kyiv", &["2026-01-01", "2026-07-01"]);
    let v1 = c.versions().next().unwrap().clone();
    let v2 = c.versions().nth(1).unwrap().clone();
    assert_ne!(v1.fingerprint(), v2.fingerprint());
    // 00:00 Kyiv (summer time, +03:00) on 1 July is 21:00Z on 30 June
    let before = register("2026-06-30T23:59:59+03:00");
    let after = register("2026-07-01T00:00:00+03:00");
    assert_eq!(c.for_history(std::slice::from_ref(&before)).unwrap(), &v1);
    assert_eq!(c.for_history(std::slice::from_ref(&after)).unwrap(), &v2);
    // the request records the fingerprint, and only that version judges it
    let t = Ticket::replay(&v1, "T", [before]).ticket;
    assert_eq!(t.regulation_fingerprint(), Some(v1.fingerprint()));
    let mut t2 = t.clone();
    let comment = Event::from_json(
        r#"{"kind":"comment","at":"2026-07-02T10:00:00+03:00","actor":{"id":"op","role":"operator"},"text":"x"}"#,
    )
    .unwrap();
    assert_eq!(
        t2.apply(&v2, comment.clone())
            .refusal()
            .unwrap()
            .code
            .code(),
        "regulation_mismatch"
    );
    assert!(t2.apply(&v1, comment).is_accepted());
    // before the first version nothing is in force
    let early = register("2025-12-31T23:59:59+02:00");
    assert_eq!(c.for_history(&[early]).unwrap_err().code(), "out_of_range");
}

#[test]
fn a_version_starts_at_local_midnight_even_on_a_dst_day() {
    // Havana springs forward at 00:00 (to 01:00) on 8 March 2026: local
    // midnight does not exist and "compatible" moves it to 01:00 CDT = 05:00Z
    let c = contract("America/Havana", &["2026-01-01", "2026-03-08"]);
    let v2 = c.versions().nth(1).unwrap();
    assert_ne!(
        c.in_force(parse("2026-03-08T04:59:59Z").unwrap()).unwrap(),
        v2
    );
    assert_eq!(
        c.in_force(parse("2026-03-08T05:00:00Z").unwrap()).unwrap(),
        v2
    );
    // Kyiv's spring change is at 03:00: midnight of 29 March is 22:00Z of the 28th
    let k = contract("Europe/Kyiv", &["2026-01-01", "2026-03-29"]);
    let kv2 = k.versions().nth(1).unwrap();
    assert_ne!(
        k.in_force(parse("2026-03-28T21:59:59Z").unwrap()).unwrap(),
        kv2
    );
    assert_eq!(
        k.in_force(parse("2026-03-28T22:00:00Z").unwrap()).unwrap(),
        kv2
    );
}

#[test]
fn contract_files_are_validated() {
    let mut a = default_value();
    a["effective_from"] = json!("2026-01-01");
    let mut b = a.clone();
    let bad = |doc: Value| Versions::from_value(&doc).unwrap_err();
    // out of order, duplicate, missing date, another zone, an invalid version
    b["effective_from"] = json!("2025-06-01");
    assert_eq!(
        bad(json!({"versions": [a, b]})).field(),
        Some("versions[1].effective_from")
    );
    assert_eq!(
        bad(json!({"versions": [a, a]})).field(),
        Some("versions[1].effective_from")
    );
    let mut c = default_value();
    c["effective_from"] = Value::Null;
    assert_eq!(
        bad(json!({"versions": [a, c]})).field(),
        Some("versions[1].effective_from")
    );
    let mut z = a.clone();
    z["effective_from"] = json!("2026-06-01");
    z["calendar"]["timezone"] = json!("UTC");
    assert_eq!(
        bad(json!({"versions": [a, z]})).field(),
        Some("versions[1].calendar.timezone")
    );
    let mut w = a.clone();
    w["effective_from"] = json!("2026-06-01");
    w["warning_thresholds"] = json!([90, 75]);
    assert_eq!(
        bad(json!({"versions": [a, w]})).field(),
        Some("versions[1].warning_thresholds[1]")
    );
    assert_eq!(bad(json!({"versions": []})).field(), Some("versions"));
    assert_eq!(bad(json!({"version": []})).code(), "unknown_field");
    let mut blank = a.clone();
    blank["id"] = json!("  ");
    assert_eq!(
        bad(json!({"versions": [blank]})).field(),
        Some("versions[0].id")
    );
}

fn comment(i: usize) -> Event {
    Event::from_json(&format!(
        r#"{{"kind":"comment","at":"2026-03-02T08:{:02}:00Z","actor":{{"id":"u","role":"user"}},"text":"n{i}"}}"#,
        i % 60
    ))
    .unwrap()
}

#[test]
fn bad_chain_lines_are_named_never_a_panic() {
    let reg = Regulation::default();
    let fp = reg.fingerprint();
    let good = record::chain(fp, "T", &[comment(0), comment(1)]);
    let l0 = good[0].to_line();
    let cases: Vec<(String, &str, &str)> = vec![
        ("not json".into(), "", "invalid JSON"),
        ("[1,2]".into(), "", "expected a JSON object"),
        (l0.replace("\"seq\":0", "\"seq\":\"0\""), "seq", "seq is"),
        (l0.replace("\"seq\":0,", ""), "seq", "missing"),
        (
            l0.replace("\"prev\":\"sha256:", "\"prev\":\"sha1:"),
            "prev",
            "not a hash",
        ),
        (
            l0.replace("\"hash\":\"sha256:", "\"hash\":\"SHA256:"),
            "hash",
            "not a hash",
        ),
        (
            l0.replacen("\"hash\":\"sha256:", "\"hash\":\"sha256:0", 1),
            "hash",
            "not a hash",
        ),
        (
            l0.replace("\"event\":{", "\"event\":{\"colour\":\"red\","),
            "event",
            "does not parse",
        ),
        (
            l0.replace("}", ",\"extra\":1}")
                .replacen(",\"extra\":1}", "}", 2),
            "",
            "unknown key",
        ),
        (format!(" {l0}"), "", "whitespace"),
        (
            l0.replace("08:00:00Z", "10:00:00+02:00"),
            "event",
            "canonical",
        ),
    ];
    for (line, field, words) in cases {
        let v = record::verify(fp, "T", &line);
        assert!(!v.ok, "{line}");
        assert_eq!(v.first_bad, Some(0), "{line}");
        assert_eq!(v.field.as_deref(), Some(field), "{line}: {v:?}");
        let reason = v.reason.unwrap();
        assert!(
            reason.starts_with("line 1: ") && reason.contains(words),
            "{reason}"
        );
    }
    // a 1 MB key is quoted cut, not whole
    let huge = format!("{{\"{}\":1}}", "k".repeat(1_000_000));
    let v = record::verify(fp, "T", &huge);
    assert!(v.reason.unwrap().len() < 1000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any byte change, insertion or removal of a line is reported at or
    /// before the entry it touches.
    #[test]
    fn every_edit_is_reported(n in 1usize..12, pick in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let reg = Regulation::default();
        let fp = reg.fingerprint();
        let events: Vec<Event> = (0..n).map(comment).collect();
        let text: String = record::chain(fp, "T", &events).iter().map(|e| e.to_line() + "\n").collect();
        let mut bytes = text.clone().into_bytes();
        let i = pick.index(bytes.len());
        prop_assume!(bytes[i] != byte);
        bytes[i] = byte;
        if let Ok(edited) = String::from_utf8(bytes) {
            let line = text[..i].matches('\n').count();
            let v = record::verify(fp, "T", &edited);
            prop_assert!(!v.ok);
            prop_assert!(v.first_bad.unwrap() <= line);
        }
        let lines: Vec<&str> = text.lines().collect();
        let k = pick.index(lines.len());
        let mut removed = lines.clone();
        removed.remove(k);
        if k + 1 < lines.len() {
            prop_assert!(!record::verify(fp, "T", &removed.join("\n")).ok);
        }
        let mut doubled = lines.clone();
        doubled.insert(k, lines[k]);
        prop_assert!(!record::verify(fp, "T", &doubled.join("\n")).ok);
    }

    /// The head of the chain equals the verified head, and equals across
    /// chained and plain readings.
    #[test]
    fn heads_agree(n in 0usize..20) {
        let reg = Regulation::default();
        let fp = reg.fingerprint();
        let events: Vec<Event> = (0..n).map(comment).collect();
        let text: String = record::chain(fp, "T", &events).iter().map(|e| e.to_line() + "\n").collect();
        let v = record::verify(fp, "T", &text);
        prop_assert!(v.ok);
        prop_assert_eq!(v.head.unwrap(), record::head(fp, "T", &events));
        prop_assert_eq!(record::events_of_chain(fp, "T", &text).unwrap(), events);
    }
}
