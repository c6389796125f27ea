//! The clock sweeps of `benches/sla.rs` as a plain program, for counting
//! instructions (`valgrind --tool=callgrind`), which a loaded machine does
//! not disturb the way it disturbs wall-clock time:
//!
//! ```text
//! cargo build --release -p reglament-benches --example clock_sweep
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/clock_sweep clocks 10000 2
//! ```
//!
//! Arguments: what to read (`clocks`, `summary`, `next`, `plan`), how many
//! requests (the bench's generator), how many sweeps. Instructions per
//! request = (total at `k` sweeps − total at 0 sweeps) / (k × requests).

use std::hint::black_box;

use reglament::ticket::Ticket;
use reglament::{instant, Regulation};
use reglament_benches::short_history;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map_or("clocks", String::as_str);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let sweeps: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let reg = Regulation::default();
    let base = instant::parse("2026-03-02T10:00:00+02:00").unwrap();
    let tickets: Vec<Ticket> = (0..n)
        .map(|i| {
            let start = base + chrono::Duration::minutes((i as i64 * 7) % (56 * 24 * 60));
            Ticket::replay(&reg, format!("T-{i}"), short_history(start, i)).ticket
        })
        .collect();
    let now = instant::parse("2026-05-04T12:00:00+03:00").unwrap();
    let plans: Vec<_> = if mode == "plan" {
        tickets
            .iter()
            .map(|t| t.clock_plan(&reg).unwrap())
            .collect()
    } else {
        Vec::new()
    };
    let mut acc = 0usize;
    for _ in 0..sweeps {
        match mode {
            "summary" => {
                for t in &tickets {
                    acc += usize::from(
                        t.clocks_summary(&reg, now)
                            .unwrap()
                            .resolution
                            .breached_at
                            .is_some(),
                    );
                }
            }
            "next" => {
                for t in &tickets {
                    acc += usize::from(t.next_change_at(&reg, now).unwrap().is_some());
                }
            }
            "plan" => {
                for p in &plans {
                    acc += usize::from(p.clocks(now).unwrap().resolution.breached_at.is_some());
                }
            }
            _ => {
                for t in &tickets {
                    acc += usize::from(
                        t.clocks(&reg, now)
                            .unwrap()
                            .resolution
                            .breached_at
                            .is_some(),
                    );
                }
            }
        }
    }
    println!("{}", black_box(acc));
}
