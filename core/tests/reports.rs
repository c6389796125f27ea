//! Period reports (DESIGN §6): the report vectors of `tests/reports/`, and
//! properties over generated histories: totals are the sums of the groups,
//! `on_time + breached == counted`, and moving `now` forward never
//! un-breaches a clock.

use std::path::PathBuf;

use proptest::prelude::*;
use reglament::instant::parse;
use reglament::model::{Metric, Priority};
use reglament::record::Versions;
use reglament::report::period::{Bucketing, Judge, Options, Report, Request, Tally};
use reglament::ticket::Event;
use reglament::Regulation;
use serde_json::{json, Value};

fn vectors() -> Vec<(PathBuf, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/reports");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "report vectors in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let v = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p, v)
        })
        .collect()
}

/// `expected` ⊆ `actual`: objects by key, arrays by position and length.
fn subset(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                subset(
                    &format!("{path}.{k}"),
                    v,
                    a.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (x, y)) in e.iter().zip(a).enumerate() {
                subset(&format!("{path}[{i}]"), x, y, out);
            }
        }
        _ if expected == actual => {}
        _ => out.push(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// Builds a vector's report, as every face does.
pub fn run_vector(v: &Value) -> Value {
    let events: Vec<(String, Vec<Event>)> = v["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let evs = r["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| Event::from_value(e, "event").unwrap())
                .collect();
            (r["id"].as_str().unwrap().to_string(), evs)
        })
        .collect();
    let requests: Vec<Request> = events
        .iter()
        .map(|(id, events)| Request {
            id,
            events,
            head: None,
        })
        .collect();
    let options = Options {
        from: v["from"].as_str().unwrap().parse().unwrap(),
        to: v["to"].as_str().unwrap().parse().unwrap(),
        now: parse(v["now"].as_str().unwrap()).unwrap(),
        by: v["by"].as_str().unwrap().parse().unwrap(),
        target_percent: v["target_percent"].as_f64(),
    };
    let report = match (&v["contract"], &v["regulation"]) {
        (Value::Object(_), _) => {
            let c = Versions::from_value(&v["contract"]).unwrap();
            Report::build(Judge::Contract(&c), &requests, &options)
        }
        (_, Value::Object(_)) => {
            let reg = Regulation::with_overrides(&v["regulation"]).unwrap();
            Report::build(Judge::One(&reg), &requests, &options)
        }
        _ => Report::build(Judge::One(&Regulation::default()), &requests, &options),
    };
    report.unwrap().to_value()
}

#[test]
fn every_report_vector() {
    let mut failures = Vec::new();
    for (path, v) in vectors() {
        let actual = run_vector(&v);
        let mut diffs = Vec::new();
        subset("", &v["expected"], &actual, &mut diffs);
        if !diffs.is_empty() {
            failures.push(format!("{}:\n  {}", path.display(), diffs.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn plain_and_precomputed_heads_give_the_same_root() {
    let (_, v) = vectors().into_iter().next().unwrap();
    let actual = run_vector(&v);
    let heads: Vec<(String, String)> = actual["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["head"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        actual["merkle_root"],
        json!(reglament::record::merkle_root(&heads))
    );
}

// ---------------------------------------------------------------------------
// Properties over generated histories.

const BASE: i64 = 1_793_606_400; // 2026-11-02T08:00:00Z, a Monday 10:00 Kyiv

fn at(offset_min: i64) -> String {
    reglament::instant::format(chrono::DateTime::from_timestamp(BASE + offset_min * 60, 0).unwrap())
}

/// One generated history: a registration and a few later events of the
/// kinds that move clocks (some of them refused, which is as it should be).
fn history(prio: usize, steps: &[(u8, u16)]) -> Vec<Event> {
    let prio = ["critical", "high", "medium", "low"][prio % 4];
    let mut out = vec![
        json!({"kind":"register","at":at(0),"actor":{"id":"op","role":"operator"},
        "channel":"phone","description":"d","conditions":"c","priority":prio,"category":"incident"}),
    ];
    let mut t = 0i64;
    for &(kind, gap) in steps {
        t += i64::from(gap) + 1;
        let e = match kind % 9 {
            0 => json!({"kind":"start_work","at":at(t),"actor":{"id":"c","role":"consultant"}}),
            1 => {
                json!({"kind":"ask_user","at":at(t),"actor":{"id":"c","role":"consultant"},"text":"?"})
            }
            2 => {
                json!({"kind":"user_answer","at":at(t),"actor":{"id":"u","role":"user"},"text":"!"})
            }
            3 => {
                json!({"kind":"reply","at":at(t),"actor":{"id":"c","role":"consultant"},"text":"news"})
            }
            4 => json!({"kind":"release","at":at(t),"actor":{"id":"c","role":"consultant"}}),
            5 => {
                json!({"kind":"reopen","at":at(t),"actor":{"id":"u","role":"user"},"to":"in_progress"})
            }
            6 => json!({"kind":"change_priority","at":at(t),"actor":{"id":"op","role":"operator"},
                "priority":(["critical","high","medium","low"][usize::from(gap) % 4])}),
            7 => {
                json!({"kind":"extend_deadline","at":at(t),"actor":{"id":"cs","role":"customer_service"},
                "metric":(["response","resolution","update_interval"][usize::from(gap) % 3]),
                "add_seconds":3600,"evidence":"<e@x>"})
            }
            _ => {
                json!({"kind":"reject","at":at(t),"actor":{"id":"op","role":"operator"},"reason":"r"})
            }
        };
        out.push(e);
    }
    out.iter()
        .map(|v| Event::from_value(v, "event").unwrap())
        .collect()
}

fn build(histories: &[Vec<Event>], now: i64, by: Bucketing) -> Report {
    let ids: Vec<String> = (0..histories.len()).map(|i| format!("R-{i:03}")).collect();
    let requests: Vec<Request> = ids
        .iter()
        .zip(histories)
        .map(|(id, events)| Request {
            id,
            events,
            head: None,
        })
        .collect();
    let options = Options {
        from: "2026-11-01".parse().unwrap(),
        to: "2026-12-01".parse().unwrap(),
        now: chrono::DateTime::from_timestamp(BASE + now * 60, 0).unwrap(),
        by,
        target_percent: None,
    };
    Report::build(Judge::One(&Regulation::default()), &requests, &options).unwrap()
}

fn strategy() -> impl Strategy<Value = Vec<(usize, Vec<(u8, u16)>)>> {
    prop::collection::vec(
        (0usize..4, prop::collection::vec((0u8..9, 0u16..900), 0..8)),
        1..6,
    )
}

fn sum(a: &mut Tally, b: &Tally) {
    a.counted += b.counted;
    a.on_time += b.on_time;
    a.breached += b.breached;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn totals_are_the_sums_of_the_groups_and_every_count_adds_up(
        reqs in strategy(), now in 0i64..40_000, by in 0usize..3,
    ) {
        let histories: Vec<Vec<Event>> = reqs.iter().map(|(p, s)| history(*p, s)).collect();
        let by = [Bucketing::Month, Bucketing::Week, Bucketing::None][by];
        let r = build(&histories, now, by);
        for row in r.groups.iter().chain(&r.totals).chain(&r.priorities) {
            for t in [&row.extended, &row.original] {
                prop_assert_eq!(t.on_time + t.breached, t.counted);
            }
        }
        for total in &r.totals {
            let (mut e, mut o) = (Tally::default(), Tally::default());
            let (mut open, mut rejected) = (0, 0);
            for g in r.groups.iter().filter(|g| g.bucket == total.bucket && g.metric == total.metric) {
                sum(&mut e, &g.extended);
                sum(&mut o, &g.original);
                open += g.open.unwrap_or(0);
                rejected += g.rejected;
            }
            prop_assert_eq!((e.counted, e.on_time, e.breached), (total.extended.counted, total.extended.on_time, total.extended.breached));
            prop_assert_eq!((o.counted, o.on_time, o.breached), (total.original.counted, total.original.on_time, total.original.breached));
            prop_assert_eq!(open, total.open.unwrap_or(0));
            prop_assert_eq!(rejected, total.rejected);
            // the priorities' rows add up to the total as well
            if total.bucket.is_none() {
                let p: u64 = r.priorities.iter().filter(|p| p.metric == total.metric).map(|p| p.extended.counted).sum();
                prop_assert_eq!(p, total.extended.counted);
            }
        }
        // the breaches by the extended due are the breached counts
        for m in Metric::ALL {
            let listed = r.breaches.iter().filter(|b| b.metric == *m && b.by_extended_due).count() as u64;
            let total = r.totals.iter().find(|t| t.bucket.is_none() && t.metric == *m).unwrap();
            prop_assert_eq!(listed, total.extended.breached);
            let open = r.open.iter().filter(|o| o.metric == *m).count() as u64;
            prop_assert_eq!(Some(open), total.open);
        }
    }

    #[test]
    fn moving_now_forward_never_unbreaches_a_clock(
        reqs in strategy(), now in 0i64..30_000, later in 0i64..60_000,
    ) {
        let histories: Vec<Vec<Event>> = reqs.iter().map(|(p, s)| history(*p, s)).collect();
        let a = build(&histories, now, Bucketing::Month);
        let b = build(&histories, now + later, Bucketing::Month);
        for x in &a.breaches {
            prop_assert!(
                b.breaches.iter().any(|y| y.request == x.request && y.metric == x.metric
                    && y.started_at == x.started_at && y.by_extended_due == x.by_extended_due),
                "{:?} breached at the earlier now, not at the later one", x
            );
        }
        for m in Metric::ALL {
            let t = |r: &Report| r.totals.iter().find(|t| t.bucket.is_none() && t.metric == *m).unwrap().extended.breached;
            prop_assert!(t(&b) >= t(&a));
        }
    }
}

#[test]
fn a_period_that_is_empty_or_a_repeated_id_is_an_error() {
    let reg = Regulation::default();
    let o = Options::new(
        "2026-12-01".parse().unwrap(),
        "2026-11-01".parse().unwrap(),
        parse("2026-12-02T00:00:00Z").unwrap(),
    );
    let e = Report::build(Judge::One(&reg), &[], &o).unwrap_err();
    assert_eq!((e.code(), e.field()), ("invalid_value", Some("to")));
    let events = history(0, &[]);
    let r = Request {
        id: "X",
        events: &events,
        head: None,
    };
    let o = Options::new(
        "2026-11-01".parse().unwrap(),
        "2026-12-01".parse().unwrap(),
        parse("2026-12-02T00:00:00Z").unwrap(),
    );
    let e = Report::build(Judge::One(&reg), &[r, r], &o).unwrap_err();
    assert_eq!(e.field(), Some("requests[1].id"));
}

#[test]
fn the_priority_at_the_outcome_instant_groups_the_clock() {
    // registered low (response 9 h); raised to high at 12:02, past the
    // high target: the response breaches at the change, under high
    let events = history(3, &[(6, 121)]);
    let r = build(&[events], 60 * 24 * 40, Bucketing::None);
    let b = r
        .breaches
        .iter()
        .find(|b| b.metric == Metric::Response)
        .unwrap();
    assert_eq!(b.priority, Priority::High);
}

#[test]
fn a_breach_stays_when_the_priority_is_lowered_after_it() {
    // registered high: the response is due at 11:00 and breaches; lowered
    // to low at 12:04, the engine's clock moves its due to the next day
    let events = history(1, &[(6, 123)]);
    let r = build(&[events], 60 * 24 * 40, Bucketing::None);
    let b = r
        .breaches
        .iter()
        .find(|b| b.metric == Metric::Response)
        .unwrap();
    assert_eq!(b.priority, Priority::High);
    assert_eq!(
        reglament::instant::format(b.due_at.unwrap()),
        "2026-11-02T09:00:00Z"
    );
}
