//! The SLA engine: replay throughput (events per second) on long histories,
//! and the clocks of 100,000 requests read at one `now`.
//!
//! Targets (issue 4): replay ≥ 1 M events/s; the clocks of 100 k requests in
//! ≤ 100 ms on one core.

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use reglament::model::{Category, Priority, Role, Status};
use reglament::ticket::{Actor, Event, EventBody, Ticket};
use reglament::{instant, Regulation};
use reglament_benches::{registration, short_history};

/// A long history inside working hours: registration, then rounds of
/// question / answer / reply / start / release / reopen, every five working minutes.
fn long_history(reg: &Regulation, rounds: usize) -> Vec<Event> {
    let cal = reg.calendar();
    let op = Actor::new("op-1", Role::Operator);
    let cons = Actor::new("c-1", Role::Consultant);
    let user = Actor::new("u-1", Role::User);
    let mut t = instant::parse("2026-03-02T10:00:00+02:00").unwrap();
    let next = |t: &mut DateTime<Utc>| {
        *t = cal.add(*t, 300).unwrap();
        // stay strictly inside working hours
        if !cal.is_working(*t).unwrap() {
            *t = cal.next_working(*t).unwrap();
        }
        *t
    };
    let mut ev = vec![Event::new(
        t,
        op.clone(),
        registration(Priority::High, Category::Incident),
    )];
    for i in 0..rounds {
        ev.push(Event::new(next(&mut t), op.clone(), EventBody::AskUser));
        ev.push(Event::new(
            next(&mut t),
            user.clone(),
            EventBody::UserAnswer,
        ));
        ev.push(Event::new(next(&mut t), op.clone(), EventBody::Reply));
        if i % 4 == 0 {
            ev.push(Event::new(next(&mut t), cons.clone(), EventBody::StartWork));
            ev.push(Event::new(next(&mut t), cons.clone(), EventBody::Release));
            ev.push(Event::new(
                next(&mut t),
                user.clone(),
                EventBody::Reopen { to: Status::Sprint },
            ));
        }
    }
    ev
}

fn bench(c: &mut Criterion) {
    let reg = Regulation::default();

    // --- replay throughput on long histories
    let mut g = c.benchmark_group("sla replay");
    for rounds in [250usize, 2500] {
        let events = long_history(&reg, rounds);
        let n = events.len();
        let check = Ticket::replay(&reg, "T", events.clone());
        assert!(check.steps.iter().all(|s| s.outcome.is_accepted()));
        assert!(check.steps.iter().all(|s| s.outcome.warnings().is_empty()));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("replay {n} events"), |b| {
            b.iter_batched(
                || events.clone(),
                |ev| black_box(Ticket::replay(&reg, "T", ev).ticket.events_accepted()),
                BatchSize::LargeInput,
            )
        });
        let ticket = check.ticket;
        let now = ticket.last_event_at().unwrap();
        g.bench_function(format!("clocks after {n} events"), |b| {
            b.iter(|| black_box(ticket.clocks(&reg, now).unwrap().next_change_at))
        });
    }
    g.finish();

    // --- the clocks of 100,000 requests at one now
    let base = instant::parse("2026-03-02T10:00:00+02:00").unwrap();
    let tickets: Vec<Ticket> = (0..100_000)
        .map(|i| {
            // spread registrations over ~8 weeks of working and non-working time
            let start = base + chrono::Duration::minutes((i as i64 * 7) % (56 * 24 * 60));
            Ticket::replay(&reg, format!("T-{i}"), short_history(start, i)).ticket
        })
        .collect();
    // --- a queue of 100,000 requests waiting (registered only): the sort
    // of `rules::queue` (the library's one stable sort, on indices)
    let waiting: Vec<Ticket> = (0..100_000)
        .map(|i| {
            let start = base + chrono::Duration::minutes((i as i64 * 7) % (56 * 24 * 60));
            let first: Vec<Event> = short_history(start, i).into_iter().take(1).collect();
            Ticket::replay(&reg, format!("Q-{i}"), first).ticket
        })
        .collect();
    assert_eq!(reglament::report::queue(&waiting).len(), waiting.len());
    let mut g = c.benchmark_group("sla queue");
    g.sample_size(10);
    g.throughput(Throughput::Elements(waiting.len() as u64));
    g.bench_function("queue of 100k waiting requests", |b| {
        b.iter(|| black_box(reglament::report::queue(&waiting).len()))
    });
    g.finish();
    drop(waiting);

    let now = instant::parse("2026-05-04T12:00:00+03:00").unwrap();
    let mut g = c.benchmark_group("sla clocks");
    g.sample_size(10);
    g.throughput(Throughput::Elements(tickets.len() as u64));
    g.bench_function("clocks of 100k tickets", |b| {
        b.iter(|| {
            let mut breached = 0usize;
            for t in &tickets {
                let c = t.clocks(&reg, now).unwrap();
                breached += usize::from(c.resolution.breached_at.is_some());
            }
            black_box(breached)
        })
    });
    g.bench_function("clocks_summary of 100k tickets", |b| {
        b.iter(|| {
            let mut breached = 0usize;
            for t in &tickets {
                let c = t.clocks_summary(&reg, now).unwrap();
                breached += usize::from(c.resolution.breached_at.is_some());
            }
            black_box(breached)
        })
    });
    // The same work on 64 of those requests read over and over (they stay
    // in the cache): the difference from the rows above is what fetching
    // 100,000 requests' lists from memory costs.
    let few: Vec<&Ticket> = (0..64).map(|i| &tickets[i * 1_000]).collect();
    g.bench_function("clocks of 64 tickets x 1,563 (cached)", |b| {
        b.iter(|| {
            let mut breached = 0usize;
            for i in 0..100_000 {
                let c = few[i % 64].clocks(&reg, now).unwrap();
                breached += usize::from(c.resolution.breached_at.is_some());
            }
            black_box(breached)
        })
    });
    g.bench_function("clocks_summary of 64 tickets x 1,563 (cached)", |b| {
        b.iter(|| {
            let mut breached = 0usize;
            for i in 0..100_000 {
                let c = few[i % 64].clocks_summary(&reg, now).unwrap();
                breached += usize::from(c.resolution.breached_at.is_some());
            }
            black_box(breached)
        })
    });
    // The same sweep through plans: each request's clocks computed once for
    // every `now` after its last event (the build is a full computation),
    // then read at `now` for one calendar lookup and a copy.
    // (the 100,000 plans are dropped outside the measured time)
    g.bench_function("clock_plan of 100k tickets (build)", |b| {
        b.iter_with_large_drop(|| {
            tickets
                .iter()
                .map(|t| t.clock_plan(&reg).unwrap())
                .collect::<Vec<_>>()
        })
    });
    let plans: Vec<_> = tickets
        .iter()
        .map(|t| t.clock_plan(&reg).unwrap())
        .collect();
    g.bench_function("plan.clocks of 100k tickets", |b| {
        b.iter(|| {
            let mut breached = 0usize;
            for p in &plans {
                let c = p.clocks(now).unwrap();
                breached += usize::from(c.resolution.breached_at.is_some());
            }
            black_box(breached)
        })
    });
    g.bench_function("plan.clocks_summary of 100k tickets", |b| {
        b.iter(|| {
            let mut breached = 0usize;
            for p in &plans {
                let c = p.clocks_summary(now).unwrap();
                breached += usize::from(c.resolution.breached_at.is_some());
            }
            black_box(breached)
        })
    });
    g.bench_function("plan.next_change_at of 100k tickets", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for p in &plans {
                n += usize::from(p.next_change_at(now).unwrap().is_some());
            }
            black_box(n)
        })
    });
    drop(plans);
    g.bench_function("next_change_at of 100k tickets", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for t in &tickets {
                n += usize::from(t.next_change_at(&reg, now).unwrap().is_some());
            }
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
