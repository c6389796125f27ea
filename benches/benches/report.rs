//! Period reports over 100,000 generated requests (issue 15): one year of
//! 2026, three metrics (incidents critical / high / medium carry response,
//! resolution and update interval), 4–7 events each.
//!
//! Targets: the JSON report ≤ 1 s and the HTML page ≤ 2 s on one core.
//! Baseline in the same run: the existing `report::compliance` over the
//! same requests (counts only), replay included as in the report.
//!
//! A bench binary rather than criterion: each measure takes about a second,
//! so it is timed directly, best of five, and the peak resident memory is
//! read from /proc/self/status. Run:
//! `cargo bench -p reglament-benches --bench report`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use reglament::model::{Category, Channel, Metric, Priority, Reason, Role};
use reglament::report::period::{Bucketing, Judge, Options, Report, Request};
use reglament::ticket::{Actor, Event, EventBody, Registration, Ticket};
use reglament::{instant, Regulation};

// The CLI's HTML page, compiled here as it is there (the CLI is a binary crate).
#[allow(dead_code)]
#[path = "../../cli/src/report_html.rs"]
mod report_html;

const N: usize = 100_000;

/// A small deterministic generator (xorshift), so every run reads the same requests.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn requests(reg: &Regulation) -> Vec<(String, Vec<Event>)> {
    let cal = reg.calendar();
    let op = Actor::new("op-1", Role::Operator);
    let cons = Actor::new("c-1", Role::Consultant);
    let user = Actor::new("u-1", Role::User);
    let cs = Actor::new("cs-1", Role::CustomerService);
    let start = instant::parse("2026-01-05T09:00:00+02:00").unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::with_capacity(N);
    for i in 0..N {
        // registration: any working moment of the year
        let at0 = cal.add(start, (rng.below(245 * 9 * 3600)) as i64).unwrap();
        let prio = [Priority::Critical, Priority::High, Priority::Medium][rng.below(3) as usize];
        let mut t = at0;
        let mut step = |rng: &mut Rng, max: i64| -> DateTime<Utc> {
            t = cal.add(t, 60 + rng.below(max as u64) as i64).unwrap();
            t
        };
        let mut ev = vec![Event::new(
            at0,
            op.clone(),
            EventBody::Register(Registration {
                channel: Some(Channel::Phone),
                reason: Some(Reason::SoftwareFailure),
                description: Some("The invoice form hangs when saving".into()),
                conditions: Some("Sales > Invoices, 300 lines, press Save".into()),
                priority: Some(prio),
                category: Some(Category::Incident),
                ..Registration::default()
            }),
        )];
        // work starts within 45 minutes; one to three replies, each within
        // 30–100 working minutes (a critical request's hour is sometimes missed)
        ev.push(Event::new(
            step(&mut rng, 2700),
            cons.clone(),
            EventBody::StartWork,
        ));
        for _ in 0..1 + rng.below(3) {
            let gap = 1800 + rng.below(4200) as i64;
            ev.push(Event::new(
                step(&mut rng, gap),
                cons.clone(),
                EventBody::Reply,
            ));
        }
        if rng.below(4) == 0 {
            ev.push(Event::new(
                step(&mut rng, 600),
                cs.clone(),
                EventBody::ExtendDeadline {
                    metric: Metric::Resolution,
                    add_seconds: Some(7200),
                    new_due: None,
                    evidence: Some("<ext@customer.example>".into()),
                },
            ));
        }
        // nine in ten are released, nine in ten of those accepted within the hour
        if rng.below(10) < 9 {
            ev.push(Event::new(
                step(&mut rng, 5400),
                cons.clone(),
                EventBody::Release,
            ));
            if rng.below(10) < 9 {
                ev.push(Event::new(
                    step(&mut rng, 3600),
                    user.clone(),
                    EventBody::Accept,
                ));
            }
        }
        out.push((format!("R-{i:06}"), ev));
    }
    out
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let v = black_box(f());
        best = best.min(t.elapsed());
        last = Some(v);
    }
    (best, last.unwrap())
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs a smoke pass
    let quick = !std::env::args().any(|a| a == "--bench");
    let reg = Regulation::default();
    let all = requests(&reg);
    let n = if quick { 1000 } else { N };
    let reqs = &all[..n];
    let events: usize = reqs.iter().map(|r| r.1.len()).sum();
    let rss0 = peak_rss_mb();
    let options = Options {
        from: "2026-01-01".parse().unwrap(),
        to: "2027-01-01".parse().unwrap(),
        now: instant::parse("2027-01-10T12:00:00Z").unwrap(),
        by: Bucketing::Month,
        target_percent: Some(95.0),
    };
    let input: Vec<Request> = reqs
        .iter()
        .map(|(id, events)| Request {
            id,
            events,
            head: None,
        })
        .collect();
    let runs = if quick { 1 } else { 5 };

    let (t_base, c) = best_of(runs, || {
        let tickets: Vec<Ticket> = reqs
            .iter()
            .map(|(id, ev)| Ticket::replay(&reg, id.as_str(), ev.iter().cloned()).ticket)
            .collect();
        reglament::report::compliance(&reg, &tickets, None, None, options.now).unwrap()
    });
    let (t_heads, _) = best_of(runs, || {
        reqs.iter()
            .map(|(id, ev)| reglament::record::head(reg.fingerprint(), id, ev).len())
            .sum::<usize>()
    });
    let heads: Vec<String> = reqs
        .iter()
        .map(|(id, ev)| reglament::record::head(reg.fingerprint(), id, ev))
        .collect();
    let with_heads: Vec<Request> = reqs
        .iter()
        .zip(&heads)
        .map(|((id, events), h)| Request {
            id,
            events,
            head: Some(h),
        })
        .collect();
    if std::env::var_os("REPORT_BENCH_PROFILE").is_some() {
        // for a profiler: only the build, heads given
        for _ in 0..3 {
            black_box(Report::build(Judge::One(&reg), &with_heads, &options).unwrap());
        }
        return;
    }
    let (t_build_h, _) = best_of(runs, || {
        Report::build(Judge::One(&reg), &with_heads, &options).unwrap()
    });
    let (t_json_h, _) = best_of(runs, || {
        let r = Report::build(Judge::One(&reg), &with_heads, &options).unwrap();
        serde_json::to_string(&r).unwrap()
    });
    let (t_html_h, _) = best_of(runs, || {
        let r = Report::build(Judge::One(&reg), &with_heads, &options).unwrap();
        report_html::page(&r, &reg, reglament::i18n::Lang::En)
    });
    let (t_build, report) = best_of(runs, || {
        Report::build(Judge::One(&reg), &input, &options).unwrap()
    });
    let (t_json, json) = best_of(runs, || {
        let r = Report::build(Judge::One(&reg), &input, &options).unwrap();
        serde_json::to_string(&r).unwrap()
    });
    let (t_html, html) = best_of(runs, || {
        let r = Report::build(Judge::One(&reg), &input, &options).unwrap();
        report_html::page(&r, &reg, reglament::i18n::Lang::En)
    });
    let (t_render, _) = best_of(runs, || {
        report_html::page(&report, &reg, reglament::i18n::Lang::En)
    });
    let rss = peak_rss_mb();

    // the report counts what compliance counts, where both count the same thing
    assert_eq!(c.tickets, n);
    let resp = report
        .totals
        .iter()
        .find(|t| t.bucket.is_none() && t.metric == Metric::Response)
        .unwrap();
    assert!(resp.extended.counted > 0);
    println!("report over {n} requests ({events} events), year 2026 by month, best of {runs}:");
    println!(
        "  baseline: replay + report::compliance      {:>8.1} ms",
        ms(t_base)
    );
    println!(
        "  record::head of every request (in build)  {:>8.1} ms",
        ms(t_heads)
    );
    println!(
        "  Report::build                             {:>8.1} ms",
        ms(t_build)
    );
    println!(
        "  Report::build + JSON ({:.1} MB)            {:>8.1} ms  (target ≤ 1000 ms)",
        json.len() as f64 / 1e6,
        ms(t_json)
    );
    println!(
        "  Report::build + HTML ({:.1} MB)            {:>8.1} ms  (target ≤ 2000 ms)",
        html.len() as f64 / 1e6,
        ms(t_html)
    );
    println!(
        "  HTML page alone                           {:>8.1} ms",
        ms(t_render)
    );
    println!("  heads given by the host (stored chains):");
    println!(
        "    Report::build                           {:>8.1} ms",
        ms(t_build_h)
    );
    println!(
        "    Report::build + JSON                    {:>8.1} ms",
        ms(t_json_h)
    );
    println!(
        "    Report::build + HTML                    {:>8.1} ms",
        ms(t_html_h)
    );
    let clocks: u64 = report
        .totals
        .iter()
        .filter(|t| t.bucket.is_none())
        .map(|t| t.extended.counted)
        .sum();
    println!("  clocks counted {clocks}");
    println!(
        "  breaches {}, open {}; peak resident memory {:.0} MB (of which {:.0} MB the generated requests)",
        report.breaches.len(),
        report.open.len(),
        rss,
        rss0
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
