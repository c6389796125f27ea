//! The contract record through the command: fingerprint, check --complete,
//! chain, verify, and --contract choosing the version in force at
//! registration.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{json, Value};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_reglament"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reglament-record-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn default_file() -> Value {
    serde_json::from_slice(&run(&["init"]).stdout).unwrap()
}

const HISTORY: &str = concat!(
    r#"{"kind":"register","at":"2026-07-01T10:00:00+03:00","actor":{"id":"op-1","role":"operator"},"channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}"#,
    "\n",
    r#"{"kind":"release","at":"2026-07-01T11:00:00+03:00","actor":{"id":"op-1","role":"operator"}}"#,
    "\n"
);

#[test]
fn fingerprints_ignore_form_and_follow_meaning() {
    let reg = scratch("reg.json");
    std::fs::write(&reg, serde_json::to_string(&default_file()).unwrap()).unwrap();
    let a = text(&run(&["fingerprint", reg.to_str().unwrap()]).stdout);
    assert!(a.starts_with("sha256:") && a.trim().len() == 71, "{a}");
    // pretty, reordered by serde_json's map, and the complete form: the same
    let complete = run(&["check", "--complete", reg.to_str().unwrap()]);
    assert!(complete.status.success());
    let c = scratch("complete.json");
    std::fs::write(&c, &complete.stdout).unwrap();
    assert_eq!(text(&run(&["fingerprint", c.to_str().unwrap()]).stdout), a);
    // a partial file meaning the same
    let partial = scratch("partial.json");
    std::fs::write(&partial, r#"{"extends": "default"}"#).unwrap();
    assert_eq!(
        text(&run(&["fingerprint", partial.to_str().unwrap()]).stdout),
        a
    );
    std::fs::write(
        &partial,
        r#"{"extends": "default", "archive_after": {"amount": 9}}"#,
    )
    .unwrap();
    assert_ne!(
        text(&run(&["fingerprint", partial.to_str().unwrap()]).stdout),
        a
    );
}

#[test]
fn chain_then_verify_and_every_edit_is_named() {
    let events = scratch("T-9.jsonl");
    std::fs::write(&events, HISTORY).unwrap();
    let out = run(&["chain", events.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let chained = scratch("T-9.chain.jsonl");
    std::fs::write(&chained, &out.stdout).unwrap();
    // the id is the stem of the events file; verify takes it with --id
    let ok = run(&["verify", "--id", "T-9", chained.to_str().unwrap()]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).starts_with("ok: 2 entries, head sha256:"));
    // an edit: exit 1, the entry and the reason on stderr; --json says the same
    let edited = text(&out.stdout).replacen("\"op-1\"", "\"op-2\"", 1);
    std::fs::write(&chained, edited).unwrap();
    let bad = run(&["verify", "--id", "T-9", chained.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("entry 0 does not hold"),
        "{}",
        text(&bad.stderr)
    );
    let j = run(&["verify", "--json", "--id", "T-9", chained.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&j.stdout).unwrap();
    assert_eq!(
        (v["ok"].clone(), v["first_bad"].clone()),
        (json!(false), json!(0))
    );
    // a chained file is verified before it is replayed
    let r = run(&["replay", "--id", "T-9", chained.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(3));
    assert!(
        text(&r.stderr).contains("the chain does not hold"),
        "{}",
        text(&r.stderr)
    );
}

#[test]
fn the_contract_version_in_force_at_registration_judges() {
    let mut v1 = default_file();
    v1["effective_from"] = json!("2026-01-01");
    let mut v2 = v1.clone();
    v2["effective_from"] = json!("2026-07-01");
    v2["archive_after"]["amount"] = json!(3);
    let contract = scratch("contract.json");
    std::fs::write(&contract, json!({"versions": [v1, v2.clone()]}).to_string()).unwrap();
    let events = scratch("C-1.jsonl");
    std::fs::write(&events, HISTORY).unwrap();
    let out = run(&[
        "replay",
        "--contract",
        contract.to_str().unwrap(),
        events.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let state: Value = serde_json::from_slice(&out.stdout).unwrap();
    let v2_file = scratch("v2.json");
    std::fs::write(&v2_file, v2.to_string()).unwrap();
    let fp2 = text(&run(&["fingerprint", v2_file.to_str().unwrap()]).stdout);
    assert_eq!(state["ticket"]["regulation"], json!(fp2.trim()));
    // released 2026-07-01 11:00 Kyiv: archived after 3 calendar days under v2
    assert_eq!(
        state["ticket"]["archive_due_at"],
        json!("2026-07-04T08:00:00Z")
    );
    // a chain recorded under v2 does not verify under v1 alone
    let chained = run(&[
        "chain",
        "--contract",
        contract.to_str().unwrap(),
        events.to_str().unwrap(),
    ]);
    let c = scratch("C-1.chain.jsonl");
    std::fs::write(&c, &chained.stdout).unwrap();
    let ok = run(&[
        "verify",
        "--contract",
        contract.to_str().unwrap(),
        "--id",
        "C-1",
        c.to_str().unwrap(),
    ]);
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    let other = run(&["verify", "--id", "C-1", c.to_str().unwrap()]);
    assert_eq!(other.status.code(), Some(1));
    // an out-of-order contract is bad input naming the field
    std::fs::write(
        &contract,
        json!({"versions": [v2, default_file()]}).to_string(),
    )
    .unwrap();
    let bad = run(&[
        "replay",
        "--contract",
        contract.to_str().unwrap(),
        events.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(3));
    assert!(
        text(&bad.stderr).contains("versions[1].effective_from"),
        "{}",
        text(&bad.stderr)
    );
}
