//! Writing a regulation file back: keys in the struct's own field order
//! (as serde streams them, so no second list of the keys exists), objects
//! over several lines, short lists inline.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::RegulationSpec;

/// A JSON value that keeps its object keys in the order they were written.
enum Node {
    Scalar(Value),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(v.into()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(v.into()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(v.into()))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(x) = a.next_element()? {
            items.push(x);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(kv) = a.next_entry()? {
            entries.push(kv);
        }
        Ok(Node::Object(entries))
    }
}

impl Node {
    fn is_container(&self) -> bool {
        !matches!(self, Node::Scalar(_))
    }
}

/// The regulation file of `spec`, laid out for people to read and edit.
pub(super) fn write(spec: &RegulationSpec) -> String {
    // serde writes a struct's fields in declaration order; reading the text
    // back into `Node` keeps that order (a `Value` would sort the keys)
    let text = serde_json::to_string(spec).unwrap_or_default();
    let mut out = String::new();
    if let Ok(node) = serde_json::from_str::<Node>(&text) {
        write_node(&node, 0, &mut out);
    }
    out
}

fn key(k: &str, out: &mut String) {
    out.push_str(&Value::String(k.to_string()).to_string());
    out.push_str(": ");
}

/// One line.
fn write_inline(v: &Node, out: &mut String) {
    match v {
        Node::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_inline(x, out);
            }
            out.push(']');
        }
        Node::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                key(k, out);
                write_inline(x, out);
            }
            out.push('}');
        }
        Node::Scalar(s) => out.push_str(&s.to_string()),
    }
}

/// Objects over several lines; lists inline, or one object per line.
fn write_node(v: &Node, depth: usize, out: &mut String) {
    let pad = |d: usize| "  ".repeat(d);
    match v {
        Node::Object(m)
            if !m.is_empty() && (depth < 2 || m.iter().any(|(_, x)| x.is_container())) =>
        {
            out.push_str("{\n");
            for (i, (k, x)) in m.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                key(k, out);
                write_node(x, depth + 1, out);
                out.push_str(if i + 1 < m.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push('}');
        }
        Node::Array(a) if a.iter().any(|x| matches!(x, Node::Object(_))) => {
            out.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                out.push_str(&pad(depth + 1));
                write_inline(x, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            out.push_str(&pad(depth));
            out.push(']');
        }
        other => write_inline(other, out),
    }
}
