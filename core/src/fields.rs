//! Reading JSON objects key by key, so that every error names the field as a
//! JSON path (`sla.targets[3].response`) and the offending value, and every
//! unknown key is refused.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, Result};

/// `"a.b"` from `"a"` and `"b"`; `"b"` from `""` and `"b"`.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// `"a[3]"`.
pub(crate) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// An error about `path` (the root when empty).
pub(crate) fn at(err: Error, path: &str) -> Error {
    if path.is_empty() {
        err
    } else {
        err.at(path)
    }
}

/// What kind of JSON value this is, for messages.
pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Deserializes a leaf value (a code, a number, a string) with serde; the
/// error names the path and carries serde's sentence, which quotes the value.
pub(crate) fn leaf<T: DeserializeOwned>(v: &Value, path: &str) -> Result<T> {
    // A whole number written with a fraction (3600.0) is that integer
    // (crate::number); a fractional one where an integer belongs is a bad value.
    let whole = crate::number::normalized(v);
    let v = whole.as_ref().unwrap_or(v);
    T::deserialize(v).map_err(|e| {
        let msg = e.to_string();
        // a fraction where an integer belongs (serde says "expected i64",
        // "expected u32", ...): a bad value, not a bad type
        let integer_expected = msg.contains("expected i") || msg.contains("expected u");
        if let (Value::Number(n), true) = (v, msg.contains("floating point") && integer_expected) {
            return at(
                Error::new(
                    ErrorKind::InvalidValue,
                    format!("expected a whole number, found {n}"),
                ),
                path,
            );
        }
        let kind = if msg.starts_with("invalid type") {
            ErrorKind::InvalidJson
        } else {
            ErrorKind::InvalidValue
        };
        at(Error::new(kind, msg), path)
    })
}

/// A non-empty string (after trimming), or `None` for absent, null or blank.
pub(crate) fn text(v: Option<&Value>, path: &str) -> Result<Option<String>> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(at(
            Error::new(
                ErrorKind::InvalidJson,
                format!("expected a string, found {}", kind_of(other)),
            ),
            path,
        )),
    }
}

/// An RFC 3339 instant.
pub(crate) fn instant(v: &Value, path: &str) -> Result<DateTime<Utc>> {
    match v {
        Value::String(s) => crate::instant::parse(s).map_err(|e| at(e, path)),
        other => Err(at(
            Error::new(
                ErrorKind::InvalidInstant,
                format!(
                    "expected an RFC 3339 instant as a string, found {}",
                    kind_of(other)
                ),
            ),
            path,
        )),
    }
}

/// The keys of one JSON object, consumed one by one; [`Fields::finish`]
/// refuses any key nobody asked for.
pub(crate) struct Fields<'a> {
    path: String,
    map: &'a Map<String, Value>,
    asked: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    /// The object `v` at `path`; `what` names it in the error when `v` is not an object.
    pub(crate) fn new(v: &'a Value, path: &str, what: &str) -> Result<Fields<'a>> {
        match v {
            Value::Object(map) => Ok(Fields {
                path: path.to_string(),
                map,
                asked: Vec::new(),
            }),
            other => Err(at(
                Error::new(
                    ErrorKind::InvalidJson,
                    format!("{what} must be a JSON object, found {}", kind_of(other)),
                ),
                path,
            )),
        }
    }

    /// The path of `key` inside this object.
    pub(crate) fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value of `key`; `None` when absent or null.
    pub(crate) fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        if !self.asked.contains(&key) {
            self.asked.push(key);
        }
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    /// Whether the object has `key` (even when null); marks it as known.
    pub(crate) fn has(&mut self, key: &'static str) -> bool {
        self.get(key);
        self.map.contains_key(key)
    }

    /// The value of a required key, or a `missing_field` error naming it.
    pub(crate) fn need(&mut self, key: &'static str, why: &str) -> Result<&'a Value> {
        let path = self.path_of(key);
        self.get(key).ok_or_else(|| {
            Error::new(
                ErrorKind::MissingField,
                format!("the key {key:?} is required: {why}"),
            )
            .at(path)
        })
    }

    /// A required leaf.
    pub(crate) fn req<T: DeserializeOwned>(&mut self, key: &'static str, why: &str) -> Result<T> {
        let v = self.need(key, why)?;
        leaf(v, &self.path_of(key))
    }

    /// An optional leaf.
    pub(crate) fn opt<T: DeserializeOwned>(&mut self, key: &'static str) -> Result<Option<T>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => leaf(v, &self.path_of(key)).map(Some),
        }
    }

    /// An optional non-blank string.
    pub(crate) fn text(&mut self, key: &'static str) -> Result<Option<String>> {
        let v = self.get(key);
        text(v, &self.path_of(key))
    }

    /// An optional instant.
    pub(crate) fn instant(&mut self, key: &'static str) -> Result<Option<DateTime<Utc>>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => instant(v, &self.path_of(key)).map(Some),
        }
    }

    /// Refuses the first key that was never asked for.
    pub(crate) fn finish(self) -> Result<()> {
        if let Some(key) = self.map.keys().find(|k| !self.asked.contains(&k.as_str())) {
            let mut known = self.asked.clone();
            crate::sort::sort(&mut known);
            return Err(Error::new(
                ErrorKind::UnknownField,
                format!("unknown key {key:?}; expected one of: {}", known.join(", ")),
            )
            .at(join(&self.path, key)));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Priority;
    use serde_json::json;

    #[test]
    fn errors_name_the_path_and_the_value() {
        let v = json!({"a": {"p": "urgent"}});
        let mut f = Fields::new(&v, "", "root").unwrap();
        let inner = f.need("a", "test").unwrap();
        let mut g = Fields::new(inner, "a", "a").unwrap();
        let e = g.req::<Priority>("p", "test").unwrap_err();
        assert_eq!(e.field(), Some("a.p"));
        assert_eq!(e.kind(), ErrorKind::InvalidValue);
        assert!(e.message().contains("urgent"), "{e}");
    }

    #[test]
    fn unknown_and_missing_keys_are_named() {
        let v = json!({"x": 1, "colour": "red"});
        let mut f = Fields::new(&v, "top", "top").unwrap();
        assert_eq!(f.opt::<u32>("x").unwrap(), Some(1));
        let e = f.need("y", "needed").unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            (ErrorKind::MissingField, Some("top.y"))
        );
        let e = f.finish().unwrap_err();
        assert_eq!(
            (e.kind(), e.field()),
            (ErrorKind::UnknownField, Some("top.colour"))
        );
    }

    #[test]
    fn wrong_shapes_are_invalid_json() {
        let v = json!({"n": "ten"});
        let mut f = Fields::new(&v, "", "root").unwrap();
        let e = f.req::<u32>("n", "a number").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidJson);
        assert!(Fields::new(&json!([1]), "", "root").is_err());
        assert_eq!(text(Some(&json!("  ")), "t").unwrap(), None);
    }
}
