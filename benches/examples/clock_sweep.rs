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

use chrono::{DateTime, Utc};
use reglament::model::{Category, Channel, Metric, Priority, Reason, Role, Status};
use reglament::ticket::{Actor, Event, EventBody, Registration, Ticket};
use reglament::{instant, Regulation};

fn registration(priority: Priority, category: Category) -> EventBody {
    EventBody::Register(Registration {
        channel: Some(Channel::Phone),
        reason: Some(Reason::SoftwareFailure),
        description: Some("The invoice form hangs when saving".into()),
        conditions: Some("Sales > Invoices, 300 lines, press Save".into()),
        priority: Some(priority),
        category: Some(category),
        ..Registration::default()
    })
}

fn short_history(start: DateTime<Utc>, i: usize) -> Vec<Event> {
    let op = Actor::new("op-1", Role::Operator);
    let cons = Actor::new("c-1", Role::Consultant);
    let user = Actor::new("u-1", Role::User);
    let cs = Actor::new("cs-1", Role::CustomerService);
    let m = |k: i64| start + chrono::Duration::minutes(k);
    let priority = [
        Priority::Critical,
        Priority::High,
        Priority::Medium,
        Priority::Low,
    ][i % 4];
    let category = [
        Category::Incident,
        Category::Consultation,
        Category::ChangeRequest,
    ][i % 3];
    let mut ev = vec![Event::new(
        start,
        op.clone(),
        registration(priority, category),
    )];
    ev.push(Event::new(m(10), cons.clone(), EventBody::StartWork));
    ev.push(Event::new(m(20), cons.clone(), EventBody::AskUser));
    ev.push(Event::new(m(50), user.clone(), EventBody::UserAnswer));
    match i % 5 {
        0 => {
            ev.push(Event::new(
                m(60),
                cons.clone(),
                EventBody::ChangePriority {
                    priority: Priority::Critical,
                },
            ));
            ev.push(Event::new(m(90), cons.clone(), EventBody::Reply));
        }
        1 => {
            ev.push(Event::new(
                m(60),
                cs.clone(),
                EventBody::ExtendDeadline {
                    metric: Metric::Resolution,
                    new_due: None,
                    add_seconds: Some(7200),
                    evidence: Some("<m@x>".into()),
                },
            ));
            ev.push(Event::new(m(120), cons.clone(), EventBody::Release));
        }
        2 => {
            ev.push(Event::new(m(70), cons.clone(), EventBody::Release));
            ev.push(Event::new(
                m(100),
                user.clone(),
                EventBody::Reopen {
                    to: Status::InProgress,
                },
            ));
            ev.push(Event::new(m(130), cons.clone(), EventBody::Reply));
        }
        3 => ev.push(Event::new(m(65), cons.clone(), EventBody::Reply)),
        _ => {}
    }
    ev
}

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
