//! RFC 8785 (JSON Canonicalization Scheme) serialisation of a JSON value,
//! and the `sha256:<hex>` digests the contract record is written in.
//!
//! Written here rather than taken from a crate: the documents the record
//! hashes hold strings, integers, booleans and nulls, and JCS over those is
//! a page of code (object keys sorted by their UTF-16 code units, strings
//! escaped as ECMAScript's `JSON.stringify` does, no whitespace). Numbers
//! are doubles written as ECMAScript writes them: integers up to 2^53
//! exactly, anything else from the shortest round-trip digits (Rust's
//! `{:e}`) placed by ECMA-262's Number::toString rules. The tests hold it
//! to the RFC's examples.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The RFC 8785 canonical form of `value`.
///
/// # Example
/// ```
/// use reglament::record::canonical_json;
/// let v = serde_json::json!({"b": [1, true, null], "a": "é\n"});
/// assert_eq!(canonical_json(&v), "{\"a\":\"é\\n\",\"b\":[1,true,null]}");
/// ```
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

/// `sha256:` followed by the lowercase hex SHA-256 of `bytes`.
///
/// # Example
/// ```
/// assert_eq!(
///     reglament::record::sha256_tagged(b""),
///     "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
/// );
/// ```
pub fn sha256_tagged(bytes: &[u8]) -> String {
    tagged(&Sha256::digest(bytes))
}

pub(crate) fn tagged(digest: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(7 + 64);
    s.push_str("sha256:");
    for b in digest {
        for nibble in [b >> 4, b & 15] {
            s.push(char::from(
                HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    s
}

/// The 32 bytes of a `sha256:<64 lowercase hex>` text, or `None`.
pub(crate) fn untag(text: &str) -> Option<[u8; 32]> {
    let hex = text.strip_prefix("sha256:")?;
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    for (slot, pair) in out.iter_mut().zip(hex.as_bytes().chunks_exact(2)) {
        let [hi, lo] = [pair.first().copied()?, pair.get(1).copied()?];
        *slot = (digit(hi)? << 4) | digit(lo)?;
    }
    Some(out)
}

/// The digest of the canonical form of `value`, tagged.
pub(crate) fn digest_of(value: &Value) -> String {
    sha256_tagged(canonical_json(value).as_bytes())
}

fn write(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(n, out),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            // RFC 8785 §3.2.3 orders keys by UTF-16 code units, which is
            // UTF-8 byte order for characters below U+E000. serde_json's map
            // usually iterates in byte order already (not with its
            // `preserve_order` feature): sort only when it does not.
            let mut prev: Option<&str> = None;
            let in_order = map.keys().all(|k| {
                let ok = prev.map_or(true, |p| p < k.as_str()) && k.chars().all(|c| c < '\u{e000}');
                prev = Some(k);
                ok
            });
            if in_order {
                for (i, (k, x)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(k, out);
                    out.push(':');
                    write(x, out);
                }
            } else {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
                for (i, (k, x)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(k, out);
                    out.push(':');
                    write(x, out);
                }
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_number(n: &serde_json::Number, out: &mut String) {
    // RFC 8785 §3.2.2.3: numbers are IEEE 754 doubles written as ECMAScript
    // writes them; integers up to 2^53 are exact, larger ones are rounded
    // to the nearest double like any other number.
    const EXACT: u64 = 1 << 53;
    if let Some(i) = n.as_i64().filter(|i| i.unsigned_abs() <= EXACT) {
        out.push_str(&i.to_string());
        return;
    }
    if let Some(u) = n.as_u64().filter(|u| *u <= EXACT) {
        out.push_str(&u.to_string());
        return;
    }
    write_double(n.as_f64().unwrap_or(0.0), out);
}

/// ECMAScript's Number::toString for a finite double (ECMA-262 §6.1.6.1.20):
/// the shortest digits that round-trip (Rust's `{:e}` gives them), placed by
/// the exponent.
fn write_double(f: f64, out: &mut String) {
    if f == 0.0 || !f.is_finite() {
        out.push('0');
        return;
    }
    if f < 0.0 {
        out.push('-');
    }
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i64;
    let n = exp.parse::<i64>().unwrap_or(0) + 1; // the decimal point after n digits
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat('0').take((n - k) as usize));
    } else if 0 < n && n <= 21 {
        let (int, frac) = digits.split_at(n as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat('0').take((-n) as usize));
        out.push_str(&digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if n - 1 < 0 { '-' } else { '+' });
        out.push_str(&(n - 1).abs().to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_sort_by_utf16_code_units() {
        // U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16,
        // after it by code point: RFC 8785 §3.2.3 wants the former.
        let v = json!({"\u{fb33}": 1, "\u{1f600}": 2, "a": 3, "\r": 4, "1": 5, "ö": 6});
        assert_eq!(
            canonical_json(&v),
            "{\"\\r\":4,\"1\":5,\"a\":3,\"ö\":6,\"\u{1f600}\":2,\"\u{fb33}\":1}"
        );
    }

    #[test]
    fn strings_escape_as_ecmascript_does() {
        let v = json!(["\u{0}\u{1f}\u{7f}\"\\/\u{8}\u{c}€"]);
        assert_eq!(
            canonical_json(&v),
            "[\"\\u0000\\u001f\u{7f}\\\"\\\\/\\b\\f€\"]"
        );
    }

    #[test]
    fn numbers_as_ecmascript_writes_them() {
        let cases: &[(&str, &str)] = &[
            ("0", "0"),
            ("-0.0", "0"),
            ("1.0", "1"),
            ("4.5", "4.5"),
            ("0.002", "0.002"),
            ("1e-7", "1e-7"),
            ("1e21", "1e+21"),
            ("1e30", "1e+30"),
            ("333333333.3333333", "333333333.3333333"),
            ("9007199254740991", "9007199254740991"),
            ("9007199254740992", "9007199254740992"),
            ("9007199254740993", "9007199254740992"),
            ("73786976294838206464", "73786976294838210000"),
            ("-4102444800", "-4102444800"),
            ("0.000001", "0.000001"),
            ("1.5e-7", "1.5e-7"),
            ("1.2345678901234568e21", "1.2345678901234568e+21"),
            ("-0.5", "-0.5"),
        ];
        for (input, want) in cases {
            let v: Value = serde_json::from_str(input).unwrap();
            assert_eq!(canonical_json(&v), *want, "{input}");
        }
    }

    #[test]
    fn whitespace_and_order_do_not_matter() {
        let a: Value =
            serde_json::from_str("{ \"b\" : [ 1 , 2 ] ,\n \"a\" : { \"y\":null, \"x\":false } }")
                .unwrap();
        let b: Value =
            serde_json::from_str("{\"a\":{\"x\":false,\"y\":null},\"b\":[1,2]}").unwrap();
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(
            canonical_json(&a),
            "{\"a\":{\"x\":false,\"y\":null},\"b\":[1,2]}"
        );
    }

    #[test]
    fn tags_round_trip() {
        let t = sha256_tagged(b"abc");
        assert_eq!(
            t,
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(tagged(&untag(&t).unwrap()), t);
        assert!(
            untag("sha256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")
                .is_none()
        );
        assert!(untag("sha1:ba78").is_none());
        assert!(untag(&t[..70]).is_none());
    }
}
