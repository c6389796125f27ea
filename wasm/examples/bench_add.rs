//! Native baseline for `bindings/js/bench/add.mjs`: the same `Calendar::add`
//! calls the Node benchmark makes through WebAssembly, with the same inputs
//! (RFC 3339 in, RFC 3339 out, as the JavaScript API does) and without the
//! string conversions (the core alone). Prints one JSON line.
//!
//! `cargo run --release -p reglament-wasm --example bench_add -- N`

use std::hint::black_box;
use std::time::Instant;

use reglament::{instant, Calendar};

/// The inputs: the same pseudo-random sequence as bench/add.mjs.
fn inputs(n: usize) -> Vec<(String, i64)> {
    let mut x: u32 = 12345;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x
    };
    let start = 1_767_225_600i64; // 2026-01-01T00:00:00Z
    (0..n)
        .map(|_| {
            let t = start + i64::from(next() % (365 * 86_400));
            let d = i64::from(next() % (100 * 3600)) + 1;
            (
                instant::format(chrono::DateTime::from_timestamp(t, 0).unwrap_or_default()),
                d,
            )
        })
        .collect()
}

fn main() {
    let iters: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50_000);
    let cal = Calendar::default_kyiv();
    let data = inputs(1000);
    let parsed: Vec<_> = data
        .iter()
        .map(|(s, d)| (instant::parse(s).unwrap_or_default(), *d))
        .collect();

    // warm-up
    let mut sink = 0usize;
    for (s, d) in &data {
        sink += instant::format(
            cal.add(instant::parse(s).unwrap_or_default(), *d)
                .unwrap_or_default(),
        )
        .len();
    }

    let t0 = Instant::now();
    for i in 0..iters {
        let (s, d) = &data[i % data.len()];
        let t = instant::parse(black_box(s)).unwrap_or_default();
        let out = instant::format(cal.add(t, black_box(*d)).unwrap_or_default());
        sink += out.len();
    }
    let api_ns = t0.elapsed().as_nanos() as f64 / iters as f64;

    let t0 = Instant::now();
    for i in 0..iters {
        let (t, d) = parsed[i % parsed.len()];
        sink += cal
            .add(black_box(t), black_box(d))
            .map(|u| u.timestamp() as usize)
            .unwrap_or(0)
            & 1;
    }
    let core_ns = t0.elapsed().as_nanos() as f64 / iters as f64;

    println!(
        "{{\"iterations\": {iters}, \"native_api_ns\": {api_ns:.1}, \"native_core_ns\": {core_ns:.1}, \"sink\": {}}}",
        sink % 10
    );
}
