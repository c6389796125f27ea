//! Reading the bad-input catalogue of `tests/bad_input/` (format in its
//! README): shared by `core/tests/bad_input.rs` and `cli/tests/bad_input.rs`.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::{Map, Value};

pub fn catalogue(name: &str) -> Value {
    let path = dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The input of a case: its bytes (only `hex` cases are not UTF-8).
pub fn input(case: &Value, base: &Value) -> Vec<u8> {
    if let Some(t) = case.get("text").and_then(Value::as_str) {
        return t.as_bytes().to_vec();
    }
    if let Some(parts) = case.get("text_repeat").and_then(Value::as_array) {
        let mut s = String::new();
        for p in parts {
            let unit = p[0].as_str().expect("text_repeat unit");
            s.push_str(&unit.repeat(p[1].as_u64().expect("text_repeat times") as usize));
        }
        return s.into_bytes();
    }
    if let Some(h) = case.get("hex").and_then(Value::as_str) {
        let h: String = h.split_whitespace().collect();
        return (0..h.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex"))
            .collect();
    }
    let mut doc = base.clone();
    let mut raws = Vec::new();
    for edit in case
        .get("edits")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match edit.get("raw").and_then(Value::as_str) {
            // literal JSON text (integers beyond 2^53 that not every
            // language's JSON reader keeps exact): a placeholder replaced
            // after serialization
            Some(raw) => {
                let mark = format!("\u{0}raw{}\u{0}", raws.len());
                raws.push((
                    serde_json::to_string(&mark).expect("a string"),
                    raw.to_string(),
                ));
                let mut e = edit.clone();
                e["value"] = Value::String(mark);
                apply_edit(&mut doc, &e);
            }
            None => apply_edit(&mut doc, edit),
        }
    }
    let mut text = serde_json::to_string(&doc).expect("serializable");
    for (mark, raw) in raws {
        text = text.replacen(&mark, &raw, 1);
    }
    text.into_bytes()
}

fn apply_edit(doc: &mut Value, edit: &Value) {
    let path = edit["at"].as_array().expect("edit.at");
    let (last, parents) = path.split_last().expect("a non-empty path");
    let mut node = doc;
    for step in parents {
        node = match step {
            Value::String(k) => node.get_mut(k.as_str()),
            Value::Number(i) => node.get_mut(i.as_u64().expect("index") as usize),
            _ => None,
        }
        .unwrap_or_else(|| panic!("no {step} in the base along {path:?}"));
    }
    let value = if let Some(unit) = edit.get("repeat").and_then(Value::as_str) {
        Some(Value::String(
            unit.repeat(edit["times"].as_u64().expect("times") as usize),
        ))
    } else if edit.get("remove") == Some(&Value::Bool(true)) {
        None
    } else {
        Some(edit["value"].clone())
    };
    match (node, last, value) {
        (Value::Object(m), Value::String(k), Some(v)) => {
            m.insert(k.clone(), v);
        }
        (Value::Object(m), Value::String(k), None) => {
            m.remove(k.as_str())
                .unwrap_or_else(|| panic!("nothing to remove at {path:?}"));
        }
        (Value::Array(a), Value::Number(i), Some(v)) => {
            let i = i.as_u64().expect("index") as usize;
            *a.get_mut(i)
                .unwrap_or_else(|| panic!("no index {i} at {path:?}")) = v;
        }
        (Value::Array(a), Value::Number(i), None) => {
            a.remove(i.as_u64().expect("index") as usize);
        }
        (n, k, _) => panic!("cannot edit {k} of {n} along {path:?}"),
    }
}

/// The expectation of `face`: the case's, with the face's keys laid over.
pub fn expectation(case: &Value, face: &str) -> Option<Value> {
    let mut e = case["expect"].clone();
    match case.get("faces").and_then(|f| f.get(face)) {
        Some(o) if o.get("skip").is_some() => return None,
        Some(Value::Object(o)) => {
            let mut m = e.as_object().cloned().unwrap_or_else(Map::new);
            m.extend(o.clone());
            e = Value::Object(m);
        }
        _ => {}
    }
    Some(e)
}

/// `tests/bad_input/`.
pub fn dir() -> PathBuf {
    // both crates that include this file sit one level below the root
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/bad_input")
}
