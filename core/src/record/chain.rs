//! Hash-chained request histories and the Merkle root that anchors them
//! (DESIGN §5).
//!
//! * genesis `prev` = SHA-256 of JCS `{"regulation": <fingerprint>, "request": <id>}`;
//! * entry `n`'s `hash` = SHA-256 of JCS `{"event": <canonical event>, "prev": <prev>, "seq": n}`,
//!   the canonical event being [`Event::to_value`] (instants in UTC `Z`,
//!   defaults filled), so two hosts recording the same facts get the same
//!   hashes;
//! * the Merkle root follows RFC 6962 (leaf `SHA-256(0x00 ‖ leaf)`, node
//!   `SHA-256(0x01 ‖ left ‖ right)`, the empty tree `SHA-256("")`) over the
//!   leaves JCS `{"head": <hash>, "request": <id>}` sorted by request id.
//!
//! The chain proves the *order and content* of a stored history; it does
//! not say whether the engine accepted each event (replay does), and a
//! chain cut short at its end still verifies: only an anchor kept by the
//! other party (the period report's Merkle root) shows that.

use serde::Serialize;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::canonical::{canonical_json, digest_of, tagged, untag};
use crate::error::{Error, ErrorKind, Result};
use crate::ticket::Event;

/// One entry of a chained history: `{"seq", "prev", "hash", "event"}`.
///
/// # Example
/// ```
/// use reglament::{record::chain, ticket::Event, Regulation};
/// let e = Event::from_json(r#"{"kind":"comment","at":"2026-03-02T10:00:00+02:00","actor":{"id":"u","role":"user"},"text":"t"}"#).unwrap();
/// let entries = chain(Regulation::default().fingerprint(), "T-1", &[e]);
/// assert_eq!(entries[0].seq, 0);
/// assert_eq!(entries[0].event["at"], "2026-03-02T08:00:00Z");
/// assert!(entries[0].hash.starts_with("sha256:"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ChainEntry {
    /// The entry's position, from 0.
    pub seq: u64,
    /// The previous entry's hash, or the genesis hash for entry 0.
    pub prev: String,
    /// This entry's hash.
    pub hash: String,
    /// The event in its canonical form.
    pub event: Value,
}

impl ChainEntry {
    /// The entry as one JSON line: keys `seq`, `prev`, `hash`, `event` in
    /// that order, no spaces, the event in its RFC 8785 form — the one form
    /// [`verify`] accepts.
    ///
    /// # Example
    /// ```
    /// use reglament::{record::chain, ticket::Event, Regulation};
    /// let e = Event::from_json(r#"{"kind":"comment","at":"2026-03-02T08:00:00Z","actor":{"id":"u","role":"user"},"text":"t"}"#).unwrap();
    /// let line = chain(Regulation::default().fingerprint(), "T", &[e])[0].to_line();
    /// assert!(line.starts_with(r#"{"seq":0,"prev":"sha256:"#));
    /// ```
    pub fn to_line(&self) -> String {
        let mut out = String::with_capacity(200);
        out.push_str("{\"seq\":");
        out.push_str(&self.seq.to_string());
        out.push_str(",\"prev\":\"");
        out.push_str(&self.prev);
        out.push_str("\",\"hash\":\"");
        out.push_str(&self.hash);
        out.push_str("\",\"event\":");
        // the event in its RFC 8785 form: the very text the hash covers
        out.push_str(&canonical_json(&self.event));
        out.push('}');
        out
    }
}

/// The genesis hash of request `request` under the regulation whose
/// fingerprint is `fingerprint`: the `prev` of entry 0, and the head of an
/// empty history.
///
/// # Example
/// ```
/// use reglament::{record::genesis, Regulation};
/// let g = genesis(Regulation::default().fingerprint(), "T-1");
/// assert_ne!(g, genesis(Regulation::default().fingerprint(), "T-2"));
/// ```
pub fn genesis(fingerprint: &str, request: &str) -> String {
    digest_of(&json!({"regulation": fingerprint, "request": request}))
}

/// The hash of entry `seq` holding `event` (canonical form) after `prev`.
///
/// # Example
/// ```
/// use reglament::record::{entry_hash, genesis};
/// let g = genesis("sha256:00", "T");
/// let e = serde_json::json!({"kind": "comment"});
/// assert_ne!(entry_hash(&g, 0, &e), entry_hash(&g, 1, &e));
/// ```
pub fn entry_hash(prev: &str, seq: u64, event: &Value) -> String {
    // JCS of {"event", "prev", "seq"}: the keys are already in order.
    let mut text = String::with_capacity(256);
    text.push_str("{\"event\":");
    text.push_str(&canonical_json(event));
    text.push_str(",\"prev\":");
    text.push_str(&canonical_json(&Value::String(prev.to_string())));
    text.push_str(",\"seq\":");
    text.push_str(&seq.to_string());
    text.push('}');
    tagged(&Sha256::digest(text.as_bytes()))
}

/// Chains `events` of request `request` under the regulation with
/// `fingerprint`. Every event is chained as recorded, whatever the engine
/// decides about it: the chain is the integrity of the stored list.
///
/// # Example
/// ```
/// use reglament::{record::{chain, genesis}, ticket::Event, Regulation};
/// let reg = Regulation::default();
/// let fp = reg.fingerprint();
/// let e = Event::from_json(r#"{"kind":"comment","at":"2026-03-02T08:00:00Z","actor":{"id":"u","role":"user"},"text":"t"}"#).unwrap();
/// let c = chain(fp, "T", &[e.clone(), e]);
/// assert_eq!(c[0].prev, genesis(fp, "T"));
/// assert_eq!(c[1].prev, c[0].hash);
/// ```
pub fn chain(fingerprint: &str, request: &str, events: &[Event]) -> Vec<ChainEntry> {
    let mut prev = genesis(fingerprint, request);
    let mut out = Vec::with_capacity(events.len());
    for (seq, e) in events.iter().enumerate() {
        let event = e.to_value();
        let hash = entry_hash(&prev, seq as u64, &event);
        out.push(ChainEntry {
            seq: seq as u64,
            prev: std::mem::replace(&mut prev, hash.clone()),
            hash,
            event,
        });
    }
    out
}

/// The head of a history: the last entry's hash, or the genesis hash for
/// no events. Equal to [`Verification::head`] of the chained form.
///
/// # Example
/// ```
/// use reglament::{record::{chain, head}, ticket::Event, Regulation};
/// let reg = Regulation::default();
/// let fp = reg.fingerprint();
/// let e = Event::from_json(r#"{"kind":"comment","at":"2026-03-02T08:00:00Z","actor":{"id":"u","role":"user"},"text":"t"}"#).unwrap();
/// assert_eq!(head(fp, "T", &[e.clone()]), chain(fp, "T", &[e])[0].hash);
/// ```
pub fn head(fingerprint: &str, request: &str, events: &[Event]) -> String {
    let mut prev = genesis(fingerprint, request);
    for (seq, e) in events.iter().enumerate() {
        prev = entry_hash(&prev, seq as u64, &e.to_value());
    }
    prev
}

/// The result of [`verify`]: whether the chain holds, how many entries it
/// has, its head, and the first entry that does not hold with the reason.
///
/// # Example
/// ```
/// use reglament::{record::{chain, verify}, ticket::Event, Regulation};
/// let reg = Regulation::default();
/// let fp = reg.fingerprint();
/// let e = Event::from_json(r#"{"kind":"comment","at":"2026-03-02T08:00:00Z","actor":{"id":"u","role":"user"},"text":"t"}"#).unwrap();
/// let text = chain(fp, "T", &[e]).iter().map(|x| x.to_line() + "\n").collect::<String>();
/// let v = verify(fp, "T", &text);
/// assert!(v.ok && v.entries == 1);
/// let bad = verify(fp, "T", &text.replace("08:00", "09:00"));
/// assert_eq!((bad.ok, bad.first_bad), (false, Some(0)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Verification {
    /// Every entry holds.
    pub ok: bool,
    /// Entries read (all of them when `ok`; up to the first bad one otherwise).
    pub entries: usize,
    /// The last entry's hash when `ok` (the genesis hash for an empty chain).
    pub head: Option<String>,
    /// The index (`seq` position, from 0; line `first_bad + 1`) of the first entry that does not hold.
    pub first_bad: Option<usize>,
    /// Why it does not hold, naming the line and field.
    pub reason: Option<String>,
    /// The field at fault in that entry (`seq`, `prev`, `hash`, `event`, `event.at`, ...).
    pub field: Option<String>,
}

impl Verification {
    fn bad(index: usize, field: &str, reason: String) -> Verification {
        Verification {
            ok: false,
            entries: index,
            head: None,
            first_bad: Some(index),
            reason: Some(format!("line {}: {reason}", index + 1)),
            field: Some(field.to_string()),
        }
    }
}

/// Verifies a chained history (one JSON entry per line, as [`chain`]
/// writes them) of request `request` under the regulation with
/// `fingerprint`. The first entry that does not hold is named: a line that
/// is not an entry, an event not in its canonical form, a `seq` out of
/// place (inserted, removed or reordered entries), a `prev` that is not the
/// previous hash (or not the genesis of this request and regulation), or a
/// `hash` that is not the entry's (edited). Lines are separated by `\n`; a
/// blank line or whitespace around an entry is itself an error, so every
/// single-byte change of a chained file is reported.
///
/// # Example
/// ```
/// use reglament::{record::{chain, verify}, ticket::Event, Regulation};
/// let reg = Regulation::default();
/// let fp = reg.fingerprint();
/// let e = Event::from_json(r#"{"kind":"comment","at":"2026-03-02T08:00:00Z","actor":{"id":"u","role":"user"},"text":"t"}"#).unwrap();
/// let lines: Vec<String> = chain(fp, "T", &[e.clone(), e]).iter().map(|x| x.to_line()).collect();
/// let swapped = format!("{}\n{}\n", lines[1], lines[0]);
/// let v = verify(fp, "T", &swapped);
/// assert_eq!((v.first_bad, v.field.as_deref()), (Some(0), Some("seq")));
/// assert!(!verify(fp, "T-other", &lines.join("\n")).ok);
/// ```
pub fn verify(fingerprint: &str, request: &str, text: &str) -> Verification {
    let mut prev = genesis(fingerprint, request);
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut count = 0;
    if !body.is_empty() {
        for (i, line) in body.split('\n').enumerate() {
            match check_entry(line, i as u64, &prev) {
                Ok(hash) => prev = hash,
                Err((field, reason)) => return Verification::bad(i, field, reason),
            }
            count = i + 1;
        }
    }
    Verification {
        ok: true,
        entries: count,
        head: Some(prev),
        first_bad: None,
        reason: None,
        field: None,
    }
}

/// Parses a chained file into its events after verifying it: the events
/// of a valid chain, or the error naming the first entry that does not hold.
///
/// # Example
/// ```
/// use reglament::{record::{chain, events_of_chain}, ticket::Event, Regulation};
/// let reg = Regulation::default();
/// let fp = reg.fingerprint();
/// let e = Event::from_json(r#"{"kind":"comment","at":"2026-03-02T08:00:00Z","actor":{"id":"u","role":"user"},"text":"t"}"#).unwrap();
/// let text = chain(fp, "T", &[e.clone()])[0].to_line();
/// assert_eq!(events_of_chain(fp, "T", &text).unwrap(), vec![e]);
/// assert!(events_of_chain(fp, "U", &text).is_err());
/// ```
pub fn events_of_chain(fingerprint: &str, request: &str, text: &str) -> Result<Vec<Event>> {
    let v = verify(fingerprint, request, text);
    if !v.ok {
        let field = format!(
            "[{}].{}",
            v.first_bad.unwrap_or(0),
            v.field.as_deref().unwrap_or("")
        );
        return Err(Error::new(
            ErrorKind::Conflict,
            format!("the chain does not hold: {}", v.reason.unwrap_or_default()),
        )
        .at(field.trim_end_matches('.')));
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    if body.is_empty() {
        return Ok(Vec::new());
    }
    body.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let v: Value = serde_json::from_str(line)
                .map_err(|e| Error::new(ErrorKind::InvalidJson, e.to_string()))?;
            Event::from_value(
                v.get("event").unwrap_or(&Value::Null),
                &format!("[{i}].event"),
            )
        })
        .collect()
}

/// Whether `text`'s first non-blank line looks like a chain entry (an
/// object with `seq`, `prev`, `hash` and `event`), for readers that take
/// plain and chained files alike.
///
/// # Example
/// ```
/// assert!(reglament::record::looks_chained(r#"{"seq":0,"prev":"x","hash":"y","event":{}}"#));
/// assert!(!reglament::record::looks_chained(r#"{"kind":"comment"}"#));
/// ```
pub fn looks_chained(text: &str) -> bool {
    let Some(line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    serde_json::from_str::<Map<String, Value>>(line).is_ok_and(|m| {
        ["seq", "prev", "hash", "event"]
            .iter()
            .all(|k| m.contains_key(*k))
    })
}

type EntryError = (&'static str, String);

fn check_entry(line: &str, seq: u64, prev: &str) -> std::result::Result<String, EntryError> {
    if line.is_empty() {
        return Err(("", "a blank line where a chain entry belongs".into()));
    }
    if line.trim() != line {
        return Err((
            "",
            "whitespace around the entry (a chained file holds one entry per line, nothing else)"
                .into(),
        ));
    }
    let value: Value = serde_json::from_str(line)
        .map_err(|e| ("", format!("not a chain entry: invalid JSON ({e})")))?;
    let Value::Object(map) = value else {
        return Err(("", "not a chain entry: expected a JSON object".into()));
    };
    if let Some(k) = map
        .keys()
        .find(|k| !matches!(k.as_str(), "seq" | "prev" | "hash" | "event"))
    {
        return Err((
            "",
            format!(
                "unknown key {:?} (an entry has seq, prev, hash and event)",
                crate::error::cap(k.to_string())
            ),
        ));
    }
    let got_seq = map
        .get("seq")
        .ok_or(("seq", "the key \"seq\" is missing".to_string()))?;
    if got_seq.as_u64() != Some(seq) {
        return Err((
            "seq",
            format!(
                "seq is {}, expected {seq}: an entry was inserted, removed or moved",
                crate::error::cap(got_seq.to_string())
            ),
        ));
    }
    let text_of = |key: &'static str| -> std::result::Result<&str, EntryError> {
        let v = map
            .get(key)
            .ok_or((key, format!("the key {key:?} is missing")))?;
        let s = v.as_str().ok_or((key, format!("{key} is not a string")))?;
        if untag(s).is_none() {
            return Err((
                key,
                format!(
                    "{key} {:?} is not a hash: expected \"sha256:\" and 64 lowercase hex digits",
                    crate::error::cap(s.to_string())
                ),
            ));
        }
        Ok(s)
    };
    let got_prev = text_of("prev")?;
    let got_hash = text_of("hash")?;
    let raw = map
        .get("event")
        .ok_or(("event", "the key \"event\" is missing".to_string()))?;
    let event = Event::from_value(raw, "event").map_err(|e| {
        (
            "event",
            format!(
                "the event does not parse ({}: {})",
                e.field().unwrap_or("event"),
                e.message()
            ),
        )
    })?;
    let canonical = event.to_value();
    if &canonical != raw {
        return Err((
            "event",
            "the event is not in its canonical form (instants in UTC \"Z\", defaults filled, numbers as written by the engine): it was edited"
                .into(),
        ));
    }
    if got_prev != prev {
        return Err((
            "prev",
            if seq == 0 {
                "prev is not the genesis hash of this request under this regulation: the chain belongs to another request or regulation, or its start was removed".to_string()
            } else {
                format!("prev is not the hash of entry {}: an entry before it was edited, removed or moved", seq - 1)
            },
        ));
    }
    let want = entry_hash(prev, seq, &canonical);
    if got_hash != want {
        return Err((
            "hash",
            "hash is not the hash of this entry: the entry was edited".into(),
        ));
    }
    // Every byte of the line is the entry's: no repeated key, escape
    // variant, spacing or key order the hash would not cover.
    let written = ChainEntry {
        seq,
        prev: prev.to_string(),
        hash: want.clone(),
        event: canonical,
    }
    .to_line();
    if line != written {
        return Err((
            "",
            "the entry is not written in its one form (as `reglament chain` writes it: keys seq, prev, hash, event in that order, no spaces, no repeated key): bytes the hash does not cover were changed".into(),
        ));
    }
    Ok(want)
}

/// [`verify`] of a chain held as values (a JSON array parsed by a host, a
/// database's `jsonb` rows): each entry is written in its one form first,
/// so key order and spacing, which a parsed value does not keep, do not
/// count; everything the hash covers does.
///
/// # Example
/// ```
/// use reglament::{record::{chain, verify_entries}, ticket::Event, Regulation};
/// let reg = Regulation::default();
/// let e = Event::from_json(r#"{"kind":"comment","at":"2026-03-02T08:00:00Z","actor":{"id":"u","role":"user"},"text":"t"}"#).unwrap();
/// let entries: Vec<serde_json::Value> = chain(reg.fingerprint(), "T", &[e])
///     .iter().map(|x| serde_json::to_value(x).unwrap()).collect();
/// assert!(verify_entries(reg.fingerprint(), "T", &entries).ok);
/// ```
pub fn verify_entries(fingerprint: &str, request: &str, entries: &[Value]) -> Verification {
    let mut text = String::new();
    for v in entries {
        let ordered = match v {
            Value::Object(m) if m.len() == 4 => {
                match (m.get("seq"), m.get("prev"), m.get("hash"), m.get("event")) {
                    (Some(seq), Some(prev), Some(hash), Some(event)) => Some(format!(
                        "{{\"seq\":{seq},\"prev\":{prev},\"hash\":{hash},\"event\":{event}}}"
                    )),
                    _ => None,
                }
            }
            _ => None,
        };
        text.push_str(&ordered.unwrap_or_else(|| v.to_string()));
        text.push('\n');
    }
    verify(fingerprint, request, &text)
}

/// The RFC 6962 Merkle root over the heads of requests (`(id, head)`
/// pairs, in any order: they are sorted by request id). Leaves are JCS
/// `{"head": <hash>, "request": <id>}`.
///
/// # Example
/// ```
/// use reglament::record::merkle_root;
/// let a = merkle_root(&[("T-2".into(), "sha256:b".into()), ("T-1".into(), "sha256:a".into())]);
/// let b = merkle_root(&[("T-1".into(), "sha256:a".into()), ("T-2".into(), "sha256:b".into())]);
/// assert_eq!(a, b);
/// assert_ne!(a, merkle_root(&[("T-1".into(), "sha256:a".into())]));
/// ```
pub fn merkle_root(heads: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = heads.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let leaves: Vec<[u8; 32]> = sorted
        .iter()
        .map(|(id, head)| {
            let leaf = canonical_json(&json!({"head": head, "request": id}));
            let mut h = Sha256::new();
            h.update([0u8]);
            h.update(leaf.as_bytes());
            h.finalize().into()
        })
        .collect();
    tagged(&mth(&leaves))
}

/// The `(request, head)` pairs of a document `[{"request": id, "head":
/// "sha256:..."}, ...]`, as hosts hand them to [`merkle_root`]: every head a
/// well-formed hash, every request once. Errors name `heads[i].field`.
///
/// # Example
/// ```
/// use reglament::record::heads_from_value;
/// let v = serde_json::json!([{"request": "T", "head": "sha256:AB"}]);
/// assert_eq!(heads_from_value(&v).unwrap_err().field(), Some("heads[0].head"));
/// ```
pub fn heads_from_value(v: &Value) -> Result<Vec<(String, String)>> {
    let list = v
        .as_array()
        .ok_or_else(|| Error::invalid("heads", "expected an array of {\"request\", \"head\"}"))?;
    let mut out: Vec<(String, String)> = Vec::with_capacity(list.len());
    let mut seen = std::collections::HashSet::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let get = |k: &str| {
            item.get(k)
                .and_then(Value::as_str)
                .ok_or_else(|| Error::invalid(format!("heads[{i}].{k}"), "expected a string"))
        };
        let (request, head) = (get("request")?, get("head")?);
        if untag(head).is_none() {
            return Err(Error::invalid(
                format!("heads[{i}].head"),
                format!(
                    "{:?} is not a hash: expected \"sha256:\" and 64 lowercase hex digits",
                    crate::error::cap(head.to_string())
                ),
            ));
        }
        if !seen.insert(request) {
            return Err(Error::invalid(
                format!("heads[{i}].request"),
                format!(
                    "{:?} is listed twice: a request has one head",
                    crate::error::cap(request.to_string())
                ),
            ));
        }
        out.push((request.to_string(), head.to_string()));
    }
    Ok(out)
}

/// RFC 6962 §2.1 MTH over already-hashed leaves.
fn mth(leaves: &[[u8; 32]]) -> [u8; 32] {
    match leaves {
        [] => Sha256::digest([]).into(),
        [one] => *one,
        _ => {
            // the largest power of two smaller than n
            let n = leaves.len();
            let k = 1usize << (usize::BITS - 1 - (n - 1).leading_zeros());
            let (left, right) = leaves.split_at(k);
            let (l, r) = (mth(left), mth(right));
            let mut h = Sha256::new();
            h.update([1u8]);
            h.update(l);
            h.update(r);
            h.finalize().into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(n: usize) -> Vec<Event> {
        (0..n)
            .map(|i| {
                Event::from_json(&format!(
                    r#"{{"kind":"comment","at":"2026-03-02T08:{:02}:00Z","actor":{{"id":"u","role":"user"}},"text":"n{i}"}}"#,
                    i % 60
                ))
                .unwrap()
            })
            .collect()
    }

    fn file(fp: &str, id: &str, ev: &[Event]) -> String {
        chain(fp, id, ev)
            .iter()
            .map(|e| e.to_line() + "\n")
            .collect()
    }

    #[test]
    fn every_single_byte_change_is_reported() {
        let fp = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
        let text = file(fp, "T", &events(3));
        assert!(verify(fp, "T", &text).ok);
        let bytes = text.as_bytes();
        for i in 0..bytes.len() {
            for replacement in [
                b' ', b'0', b'a', b'\n', b'"', b'}', b'Z', b'z', b'9', b'F', b'\\', b'/', b'u',
                b'\t', b'{', b',', b':', b'A', b'\r',
            ] {
                if bytes[i] == replacement {
                    continue;
                }
                let mut edited = bytes.to_vec();
                edited[i] = replacement;
                let Ok(s) = String::from_utf8(edited) else {
                    continue;
                };
                assert!(!verify(fp, "T", &s).ok, "byte {i} -> {replacement}");
            }
        }
    }

    #[test]
    fn bytes_the_hash_does_not_cover_are_refused_too() {
        let fp = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
        let ev = Event::from_json(
            r#"{"kind":"comment","at":"2026-03-02T08:00:00Z","actor":{"id":"u","role":"user"},"text":"a\u001fb"}"#,
        )
        .unwrap();
        let line = chain(fp, "T", &[ev])[0].to_line();
        assert!(verify(fp, "T", &line).ok);
        // an escape variant, a space inside, a repeated key, another key order
        let variants = [
            line.replace("\\u001f", "\\u001F"),
            line.replacen("\"seq\":0", "\"seq\": 0", 1),
            line.replacen("{\"seq\":0,", "{\"seq\":0,\"seq\":0,", 1),
            {
                let v: Value = serde_json::from_str(&line).unwrap();
                v.to_string()
            },
        ];
        for edited in variants {
            assert_ne!(edited, line);
            let v = verify(fp, "T", &edited);
            assert!(!v.ok, "{edited}");
        }
        // as values (a parsed array, jsonb rows) key order does not count
        let as_value: Value = serde_json::from_str(&line).unwrap();
        assert!(verify_entries(fp, "T", &[as_value]).ok);
    }

    #[test]
    fn insert_remove_swap_are_named() {
        let fp = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
        let lines: Vec<String> = chain(fp, "T", &events(4))
            .iter()
            .map(|e| e.to_line())
            .collect();
        let join = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n");
        let removed = verify(fp, "T", &join(&[&lines[0], &lines[2], &lines[3]]));
        assert_eq!(
            (removed.first_bad, removed.field.as_deref()),
            (Some(1), Some("seq"))
        );
        let inserted = verify(
            fp,
            "T",
            &join(&[&lines[0], &lines[1], &lines[1], &lines[2]]),
        );
        assert_eq!(inserted.first_bad, Some(2));
        let swapped = verify(
            fp,
            "T",
            &join(&[&lines[0], &lines[2], &lines[1], &lines[3]]),
        );
        assert_eq!(swapped.first_bad, Some(1));
        // another request, another regulation
        let whole = join(&lines.iter().collect::<Vec<_>>());
        let v = verify(fp, "U", &whole);
        assert_eq!((v.first_bad, v.field.as_deref()), (Some(0), Some("prev")));
        let fp2 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
        assert!(!verify(fp2, "T", &whole).ok);
    }

    #[test]
    fn head_is_the_verified_head_and_empty_is_genesis() {
        let fp = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
        let ev = events(5);
        let v = verify(fp, "T", &file(fp, "T", &ev));
        assert_eq!(v.head.unwrap(), head(fp, "T", &ev));
        assert_eq!(verify(fp, "T", "").head.unwrap(), genesis(fp, "T"));
        assert!(verify(fp, "T", "\n").ok, "an empty file with its newline");
        assert!(!verify(fp, "T", "\n\n").ok);
    }

    #[test]
    fn merkle_root_follows_rfc_6962_shapes() {
        let leaf = |i: usize| (format!("T-{i}"), format!("sha256:{i:064}"));
        // empty tree: SHA-256 of nothing
        assert_eq!(
            merkle_root(&[]),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        // a single leaf is SHA-256(0x00 || leaf)
        let one = leaf(1);
        let text = canonical_json(&json!({"head": one.1, "request": one.0}));
        let mut bytes = vec![0u8];
        bytes.extend_from_slice(text.as_bytes());
        assert_eq!(
            merkle_root(std::slice::from_ref(&one)),
            super::super::sha256_tagged(&bytes)
        );
        // every set size gives a distinct root, and any changed head changes it
        let all: Vec<_> = (0..9).map(leaf).collect();
        let mut roots: Vec<String> = (0..=9).map(|n| merkle_root(&all[..n])).collect();
        roots.sort();
        roots.dedup();
        assert_eq!(roots.len(), 10);
        let mut edited = all.clone();
        edited[6].1 = format!("sha256:{:064}", 99);
        assert_ne!(merkle_root(&edited), merkle_root(&all));
        // roots of 3, 5 and 7 leaves, computed apart from this code (Python's
        // hashlib, RFC 6962 §2.1 by hand): they pin the split rule
        let roots = [
            (
                3,
                "sha256:ea34f82d23e64bb670a33664957b84efcf97d40ec697c8946d38c56bfd1bc5e5",
            ),
            (
                5,
                "sha256:fe391aad1c361982f006a5b7764dd8f660da2174cab0e7c01b8b0ca558f8a926",
            ),
            (
                7,
                "sha256:97992538f59b911522c5128590a894277be5ebd3a3e079678e34f7e878ae3b90",
            ),
        ];
        for (n, want) in roots {
            assert_eq!(merkle_root(&all[1..=n]), want, "{n} leaves");
        }
    }
}
