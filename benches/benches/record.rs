//! The contract record: `verify` and `chain` throughput over one long
//! history, and the fingerprint of the default regulation.
//!
//! Targets (issue 14): verify ≥ 300,000 events/s on one core; fingerprint of
//! the default ≤ 50 µs. Baselines in the same run: SHA-256 alone over the
//! same bytes (the floor of any hashing) and `serde_json` parsing the same
//! lines (the floor of reading them).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use reglament::record;
use reglament::regulation::RegulationSpec;
use reglament::ticket::Event;
use reglament::Regulation;
use serde_json::Value;

const N: usize = 10_000;

fn events() -> Vec<Event> {
    let kinds = [
        r#""kind":"comment","actor":{"id":"op-1","role":"operator"},"text":"Called the user back; the report is attached""#,
        r#""kind":"ask_user","actor":{"id":"c-1","role":"consultant"},"text":"Which warehouse is selected?""#,
        r#""kind":"user_answer","actor":{"id":"u-7","role":"user"},"text":"Warehouse 2""#,
        r#""kind":"extend_deadline","actor":{"id":"cs-1","role":"customer_service"},"add_seconds":3600,"evidence":"<20260330.1210.approval@customer.example>""#,
    ];
    (0..N)
        .map(|i| {
            let at = 1_772_438_400 + i as i64 * 60;
            let at = reglament::instant::format(chrono::DateTime::from_timestamp(at, 0).unwrap());
            Event::from_json(&format!(r#"{{"at":"{at}",{}}}"#, kinds[i % kinds.len()])).unwrap()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let reg = Regulation::default();
    let fp = reg.fingerprint().to_string();
    let evs = events();
    let text: String = record::chain(&fp, "T-1", &evs)
        .iter()
        .map(|e| e.to_line() + "\n")
        .collect();

    let mut g = c.benchmark_group("record");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("verify 10k events", |b| {
        b.iter(|| {
            let v = record::verify(&fp, "T-1", black_box(&text));
            assert!(v.ok);
        })
    });
    g.bench_function("chain 10k events", |b| {
        b.iter(|| record::chain(&fp, "T-1", black_box(&evs)))
    });
    g.bench_function("baseline: parse the 10k lines (serde_json)", |b| {
        b.iter(|| {
            black_box(&text)
                .lines()
                .filter(|l| serde_json::from_str::<Value>(l).is_ok())
                .count()
        })
    });
    g.bench_function("baseline: SHA-256 of the 10k lines", |b| {
        b.iter(|| {
            black_box(&text)
                .lines()
                .map(|l| record::sha256_tagged(l.as_bytes()).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let spec = RegulationSpec::default();
    let mut f = c.benchmark_group("fingerprint");
    f.bench_function("fingerprint of the default regulation", |b| {
        b.iter(|| {
            let v = serde_json::to_value(record::complete(black_box(&spec))).unwrap();
            record::sha256_tagged(record::canonical_json(&v).as_bytes())
        })
    });
    f.bench_function("baseline: serde_json::to_string of the spec", |b| {
        b.iter(|| serde_json::to_string(black_box(&spec)).unwrap())
    });
    f.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
