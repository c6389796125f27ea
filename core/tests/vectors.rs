//! Runs every conformance vector of `tests/vectors/` (format in its README).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use reglament::model::{Category, Metric, Priority};
use reglament::ticket::{Event, EventKind, Outcome, RefusalCode, Ticket, WarningCode};
use reglament::{instant, report, rules, Regulation};
use serde_json::Value;

/// Every vector file, sorted by name.
fn vector_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("vectors")
}

/// What the whole suite touched, for the coverage checks.
#[derive(Default)]
struct Coverage {
    clauses: BTreeSet<String>,
    kinds: BTreeSet<String>,
    refusals: BTreeSet<String>,
    warnings: BTreeSet<String>,
    ops: BTreeSet<String>,
    /// Vectors with a `clocks` (or `clocks_at`) expectation.
    clock_vectors: usize,
    /// Clock states the expectations name.
    clock_states: BTreeSet<String>,
    /// Priority-change rules exercised by a vector whose priority changes.
    priority_rules: BTreeSet<String>,
}

/// `expected` is a subset of `actual`: objects key by key (recursively),
/// arrays element by element with equal length, instants compared as
/// instants, anything else by equality.
fn subset(expected: &Value, actual: &Value, path: &str, errs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                subset(
                    v,
                    a.get(k).unwrap_or(&Value::Null),
                    &format!("{path}.{k}"),
                    errs,
                );
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                errs.push(format!(
                    "{path}: expected {} items, got {}: {actual}",
                    e.len(),
                    a.len()
                ));
                return;
            }
            for (i, (x, y)) in e.iter().zip(a).enumerate() {
                subset(x, y, &format!("{path}[{i}]"), errs);
            }
        }
        (Value::String(e), Value::String(a)) if e != a => {
            match (instant::parse(e), instant::parse(a)) {
                (Ok(x), Ok(y)) if x == y => {}
                _ => errs.push(format!("{path}: expected {expected}, got {actual}")),
            }
        }
        _ if expected == actual => {}
        _ => errs.push(format!("{path}: expected {expected}, got {actual}")),
    }
}

fn regulation_of(v: &Value) -> Regulation {
    match v.get("regulation") {
        None | Some(Value::Null) => Regulation::default(),
        Some(over) => {
            Regulation::with_overrides(over).unwrap_or_else(|e| panic!("regulation: {e}"))
        }
    }
}

fn replay_values(reg: &Regulation, id: &str, events: &[Value]) -> Ticket {
    let mut t = Ticket::new(id);
    for (i, e) in events.iter().enumerate() {
        let event = Event::from_value(e, &format!("events[{i}]"))
            .unwrap_or_else(|err| panic!("{id} events[{i}]: {err}"));
        // refusals are the vector's to check, step by step, elsewhere
        let _ = t.apply(reg, event);
    }
    t
}

fn check_step(
    i: usize,
    exp: &Value,
    outcome: &Outcome,
    status: Option<&str>,
    cov: &mut Coverage,
    errs: &mut Vec<String>,
) {
    let here = format!("steps[{i}]");
    let accepted = exp["accepted"]
        .as_bool()
        .unwrap_or_else(|| panic!("{here}: \"accepted\" must be a boolean"));
    if accepted != outcome.is_accepted() {
        errs.push(format!(
            "{here}: expected accepted={accepted}, got {}",
            serde_json::to_string(outcome).unwrap()
        ));
        return;
    }
    if let Some(s) = exp.get("status") {
        let got = status
            .map(|s| Value::String(s.into()))
            .unwrap_or(Value::Null);
        if *s != got {
            errs.push(format!("{here}: expected status {s}, got {got}"));
        }
    }
    match outcome {
        Outcome::Accepted { warnings } => {
            let got: Vec<&str> = warnings.iter().map(|w| w.code.code()).collect();
            for w in warnings {
                cov.warnings.insert(w.code.code().into());
                cov.clauses.insert(w.clause.into());
                assert!(!w.message_uk().is_empty() && !w.message_en().is_empty());
            }
            if let Some(Value::Array(ws)) = exp.get("warnings") {
                let want: Vec<&str> = ws.iter().filter_map(Value::as_str).collect();
                if want != got {
                    errs.push(format!("{here}: expected warnings {want:?}, got {got:?}"));
                }
            }
        }
        Outcome::Refused(r) => {
            cov.refusals.insert(r.code.code().into());
            cov.clauses.insert(r.clause.into());
            assert!(
                !r.message_uk().is_empty()
                    && !r.message_en().is_empty()
                    && r.message_uk() != r.message_en()
            );
            for (key, got) in [
                ("clause", Some(r.clause)),
                ("code", Some(r.code.code())),
                ("field", r.field),
            ] {
                if let Some(want) = exp.get(key) {
                    let got = got.map(|g| Value::String(g.into())).unwrap_or(Value::Null);
                    if *want != got {
                        errs.push(format!(
                            "{here}: expected {key} {want}, got {got} ({})",
                            r.message_en()
                        ));
                    }
                }
            }
        }
    }
}

fn run_query(reg: &Regulation, q: &Value, cov: &mut Coverage, errs: &mut Vec<String>) {
    let op = q["op"].as_str().expect("query op");
    cov.ops.insert(op.into());
    let inst =
        |k: &str| instant::parse(q[k].as_str().unwrap_or_else(|| panic!("{op}: {k}"))).unwrap();
    let got = match op {
        "contact_change_notice_due" => Value::String(instant::format(
            rules::contact_change_notice_due(reg, inst("at")).unwrap(),
        )),
        "archive_due" => Value::String(instant::format(
            rules::archive_due(reg, inst("released_at")).unwrap(),
        )),
        "must_register" => {
            let category = q["category"]
                .as_str()
                .map(|c| c.parse::<Category>().unwrap());
            let priority = q["priority"].as_str().unwrap().parse::<Priority>().unwrap();
            let solved = q["solved_during_contact"].as_bool().unwrap();
            Value::Bool(rules::must_register(category, priority, solved))
        }
        "queue" => {
            let tickets: Vec<Ticket> = q["tickets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    replay_values(
                        reg,
                        t["id"].as_str().unwrap(),
                        t["events"].as_array().unwrap(),
                    )
                })
                .collect();
            Value::Array(
                reglament::report::queue(&tickets)
                    .iter()
                    .map(|t| Value::String(t.id().into()))
                    .collect(),
            )
        }
        "what_if" => {
            let against = Regulation::with_overrides(&q["against"])
                .unwrap_or_else(|e| panic!("what_if: against: {e}"));
            let events: Vec<Event> = q["events"]
                .as_array()
                .expect("what_if: events")
                .iter()
                .filter_map(|e| Event::from_value(e, "").ok())
                .collect();
            let now = q.get("now").and_then(Value::as_str).map(|_| inst("now"));
            let w = report::what_if(reg, &against, "T", &events, now).unwrap();
            serde_json::to_value(&w).unwrap()
        }
        "compliance" => {
            let tickets: Vec<Ticket> = q["tickets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    replay_values(
                        reg,
                        t["id"].as_str().unwrap(),
                        t["events"].as_array().unwrap(),
                    )
                })
                .collect();
            let opt = |k: &str| q.get(k).and_then(Value::as_str).map(|_| inst(k));
            let r = report::compliance(reg, &tickets, opt("from"), opt("to"), inst("now")).unwrap();
            serde_json::to_value(&r).unwrap()
        }
        other => panic!("unknown query op {other}"),
    };
    subset(&q["expected"], &got, &format!("query {op}"), errs);
}

/// Checks `expected.clocks` (at `now`), `expected.clocks_at` and
/// `expected.explain`; for every clock read, the explanation's counted
/// intervals must add up to the consumed time.
fn check_clocks(
    v: &Value,
    reg: &Regulation,
    ticket: &Ticket,
    now: Option<chrono::DateTime<chrono::Utc>>,
    cov: &mut Coverage,
    errs: &mut Vec<String>,
) {
    let exp = &v["expected"];
    let mut reads: Vec<(chrono::DateTime<chrono::Utc>, &Value, String)> = Vec::new();
    if let Some(c) = exp.get("clocks") {
        let now = now.expect("a vector with expected.clocks needs \"now\"");
        reads.push((now, c, "clocks".into()));
    }
    for (i, r) in exp
        .get("clocks_at")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let at = instant::parse(r["now"].as_str().expect("clocks_at[].now")).unwrap();
        reads.push((at, &r["clocks"], format!("clocks_at[{i}]")));
    }
    if reads.is_empty() {
        return;
    }
    cov.clock_vectors += 1;
    let changes_priority = v["events"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|e| e["kind"] == "change_priority");
    if changes_priority {
        let rule = v["regulation"]["priority_change"]
            .as_str()
            .unwrap_or("keep_consumed");
        cov.priority_rules.insert(rule.into());
    }
    for (at, expected, here) in reads {
        for m in ["response", "resolution", "update_interval"] {
            if let Some(s) = expected[m]["state"].as_str() {
                cov.clock_states.insert(s.into());
            }
        }
        match ticket.clocks(reg, at) {
            Ok(c) => subset(expected, &c.to_value(), &here, errs),
            Err(e) => {
                errs.push(format!("{here}: {e}"));
                continue;
            }
        }
        for metric in Metric::ALL {
            let Some(x) = ticket.explain_clock(reg, *metric, at).unwrap() else {
                continue;
            };
            let sum: i64 = x.counted.iter().map(|c| c.seconds).sum();
            if sum != x.clock.consumed {
                errs.push(format!(
                    "{here}: {metric}: the counted intervals add up to {sum} s, consumed is {} s",
                    x.clock.consumed
                ));
            }
        }
    }
    if let Some(Value::Object(ex)) = exp.get("explain") {
        let now = now.expect("a vector with expected.explain needs \"now\"");
        for (metric, want) in ex {
            let m: Metric = metric.parse().unwrap();
            match ticket.explain_clock(reg, m, now).unwrap() {
                Some(x) => subset(
                    want,
                    &serde_json::to_value(&x).unwrap(),
                    &format!("explain.{metric}"),
                    errs,
                ),
                None => errs.push(format!("explain.{metric}: the clock is absent")),
            }
        }
    }
}

#[test]
fn every_vector_passes() {
    let files = vector_files();
    assert!(
        files.len() >= 40,
        "at least 40 vectors, found {}",
        files.len()
    );

    let mut cov = Coverage::default();
    let mut failures = Vec::new();
    let mut names = BTreeSet::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let v: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = v["name"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: no name", path.display()))
            .to_string();
        assert!(names.insert(name.clone()), "duplicate vector name {name}");
        assert!(
            v["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{name}: description"
        );
        if let Some(c) = v.get("clause").and_then(Value::as_str) {
            cov.clauses.insert(c.into());
        }
        let reg = regulation_of(&v);
        let now = v
            .get("now")
            .and_then(Value::as_str)
            .map(|s| instant::parse(s).unwrap());
        let events = v["events"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: events"));
        let steps = v["expected"]["steps"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: expected.steps"));
        assert_eq!(
            events.len(),
            steps.len(),
            "{name}: one expected step per event"
        );

        let mut errs = Vec::new();
        let mut ticket = Ticket::new("T");
        // DESIGN §5: the head of the chain of the events (request "T")
        if let Some(want) = v["expected"].get("head").and_then(Value::as_str) {
            let parsed: Vec<Event> = events
                .iter()
                .filter_map(|e| Event::from_value(e, "").ok())
                .collect();
            let got = reglament::record::head(reg.fingerprint(), "T", &parsed);
            if got != want {
                errs.push(format!("head: expected {want}, got {got}"));
            }
        }
        for (i, (ev, exp)) in events.iter().zip(steps).enumerate() {
            match Event::from_value(ev, &format!("events[{i}]")) {
                Err(e) => match exp.get("error").and_then(Value::as_str) {
                    Some(code) if code == e.code() => {}
                    _ => errs.push(format!("steps[{i}]: the event does not parse: {e}")),
                },
                Ok(event) => {
                    cov.kinds.insert(event.kind().code().into());
                    if exp.get("error").is_some() {
                        errs.push(format!(
                            "steps[{i}]: expected a parse error, the event parsed"
                        ));
                        continue;
                    }
                    let outcome = ticket.apply(&reg, event);
                    check_step(
                        i,
                        exp,
                        &outcome,
                        ticket.status().map(|s| s.code()),
                        &mut cov,
                        &mut errs,
                    );
                }
            }
        }
        if let Some(fin) = v["expected"].get("final") {
            subset(fin, &ticket.to_value(now), "final", &mut errs);
        }
        check_clocks(&v, &reg, &ticket, now, &mut cov, &mut errs);
        for q in v
            .get("queries")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            run_query(&reg, q, &mut cov, &mut errs);
        }
        if !errs.is_empty() {
            failures.push(format!(
                "{name} ({}):\n  {}",
                path.file_name().unwrap().to_string_lossy(),
                errs.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // Coverage: every clause row of DESIGN §1, every event kind, every refusal and warning code.
    for clause in [
        "1.3", "2", "3.1", "3.2", "3.3", "3.4", "3.5.1", "3.6", "4", "5", "§2",
    ] {
        assert!(
            cov.clauses.contains(clause),
            "no vector touches clause {clause}"
        );
    }
    for k in EventKind::ALL {
        assert!(
            cov.kinds.contains(k.code()),
            "no vector uses the event kind {k}"
        );
    }
    for c in RefusalCode::ALL {
        // One vector is one request under one regulation; a mismatch needs a
        // live request given another regulation (ticket unit tests hold it).
        if *c == RefusalCode::RegulationMismatch {
            continue;
        }
        assert!(
            cov.refusals.contains(c.code()),
            "no vector expects the refusal {c}"
        );
    }
    for w in WarningCode::ALL {
        assert!(
            cov.warnings.contains(w.code()),
            "no vector expects the warning {w}"
        );
    }
    for op in [
        "queue",
        "must_register",
        "archive_due",
        "contact_change_notice_due",
    ] {
        assert!(cov.ops.contains(op), "no vector runs the query {op}");
    }

    // The SLA clocks (issue 4): at least 30 vectors, every state, every
    // priority-change rule, what-if and compliance.
    assert!(
        cov.clock_vectors >= 30,
        "at least 30 vectors with clocks, found {}",
        cov.clock_vectors
    );
    for s in [
        "running",
        "paused",
        "met",
        "breached",
        "unclassified",
        "stopped",
    ] {
        assert!(
            cov.clock_states.contains(s),
            "no vector expects a {s} clock"
        );
    }
    for r in reglament::regulation::PriorityChangeRule::ALL {
        assert!(
            cov.priority_rules.contains(r.code()),
            "no vector changes the priority under the rule {r}"
        );
    }
    for op in ["what_if", "compliance"] {
        assert!(cov.ops.contains(op), "no vector runs the query {op}");
    }
}

/// A `ClockPlan` reads, at every instant that matters around each vector's
/// history (the last event and the seconds after, the vector's `now`, the
/// next changes, days and a year later), exactly what the events give, and
/// refuses the instants before the last event.
#[test]
fn clock_plans_read_what_the_events_give() {
    let files = vector_files();
    let (mut plans, mut reads) = (0, 0);
    for path in &files {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let name = v["name"].as_str().unwrap_or_default();
        let reg = regulation_of(&v);
        let events = v["events"].as_array().unwrap();
        // events that do not parse (vectors of malformed input) are left out
        let ticket = Ticket::replay(
            &reg,
            name,
            events
                .iter()
                .filter_map(|e| Event::from_value(e, "event").ok()),
        )
        .ticket;
        let Some(last) = ticket.last_event_at() else {
            assert!(
                ticket.clock_plan(&reg).is_err(),
                "{name}: a plan without events"
            );
            continue;
        };
        let plan = match ticket.clock_plan(&reg) {
            Ok(p) => p,
            Err(e) => {
                let direct = ticket.clocks(&reg, last).unwrap_err();
                assert_eq!(e.to_string(), direct.to_string(), "{name}");
                continue;
            }
        };
        plans += 1;
        let s = chrono::Duration::seconds;
        let mut nows: Vec<_> = events
            .iter()
            .filter_map(|e| e["at"].as_str())
            .map(|a| instant::parse(a).unwrap())
            .flat_map(|t| [t - s(1), t, t + s(1)])
            .collect();
        nows.extend(
            v.get("now")
                .and_then(Value::as_str)
                .map(|a| instant::parse(a).unwrap()),
        );
        nows.extend(
            [60, 3_600, 86_400, 7 * 86_400, 45 * 86_400, 365 * 86_400].map(|d| last + s(d)),
        );
        let mut at = last;
        while let Some(n) = ticket.next_change_at(&reg, at).unwrap() {
            nows.extend([n - s(1), n, n + s(1)]);
            at = n;
        }
        for now in nows {
            if now < last {
                // a plan answers from the last event on
                let e = plan.clocks_summary(now).unwrap_err();
                assert_eq!(e.field(), Some("now"), "{name} at {now}: {e}");
                continue;
            }
            let text = |r: reglament::Result<reglament::sla::Clocks>| format!("{r:?}");
            assert_eq!(
                text(plan.clocks(now)),
                text(ticket.clocks(&reg, now)),
                "{name} at {now}"
            );
            assert_eq!(
                text(plan.clocks_summary(now)),
                text(ticket.clocks_summary(&reg, now)),
                "{name} at {now}"
            );
            assert_eq!(
                format!("{:?}", plan.next_change_at(now)),
                format!("{:?}", ticket.next_change_at(&reg, now)),
                "{name} at {now}"
            );
            reads += 1;
        }
    }
    assert!(plans >= 60, "plans built for {plans} vectors");
    assert!(reads >= 2_000, "{reads} reads compared");
    eprintln!("{plans} plans, {reads} reads, each equal to the events' clocks");
}

#[test]
fn the_subset_matcher_can_fail() {
    let mut errs = Vec::new();
    subset(
        &serde_json::json!({"a": [1, {"b": "x"}]}),
        &serde_json::json!({"a": [1, {"b": "y", "c": 2}]}),
        "",
        &mut errs,
    );
    assert_eq!(errs.len(), 1);
    errs.clear();
    subset(
        &serde_json::json!("2026-03-02T10:00:00+02:00"),
        &serde_json::json!("2026-03-02T08:00:00Z"),
        "",
        &mut errs,
    );
    assert!(errs.is_empty());
    subset(
        &serde_json::json!([1]),
        &serde_json::json!([1, 2]),
        "",
        &mut errs,
    );
    assert_eq!(errs.len(), 1);
}
