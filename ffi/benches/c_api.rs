//! The cost of the C API against the same call in Rust, in one run:
//! calendar `add` (target: at most 1.2x the Rust call on a `DateTime`), the
//! replay of a ticket's history given as JSON text, and the queue of
//! 100,000 tickets (target: at most 50 ms).
//!
//! `cargo bench -p reglament-ffi --bench c_api`

use std::ffi::c_char;
use std::hint::black_box;
use std::ptr;

use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use reglament::ticket::{Event, Ticket};
use reglament::{Calendar, Regulation};
use reglament_ffi::calendar::{
    reglament_calendar_add, reglament_calendar_default_kyiv, reglament_calendar_free,
};
use reglament_ffi::regulation::{reglament_regulation_default, reglament_regulation_free};
use reglament_ffi::ticket::{
    reglament_queue, reglament_ticket_apply, reglament_ticket_free, reglament_ticket_new,
    reglament_ticket_replay,
};
use reglament_ffi::ReglamentTicket;
use reglament_ffi::{ReglamentError, ReglamentStatus};

/// Friday 2026-03-27 17:00 Kyiv and the instants after it, one per 7 h 13 min.
fn instants() -> Vec<i64> {
    (0..64).map(|i| 1_774_623_600 + i * 25_980).collect()
}

const DURATIONS: [(&str, i64); 2] = [("2h", 2 * 3600), ("10000h", 10_000 * 3600)];

fn calendar_add(c: &mut Criterion) {
    let rust_cal = Calendar::default_kyiv();
    let mut c_cal = ptr::null_mut();
    // SAFETY: valid out pointer, NULL error.
    assert_eq!(
        unsafe { reglament_calendar_default_kyiv(&mut c_cal, ptr::null_mut()) },
        ReglamentStatus::Ok
    );
    let ts = instants();
    let dts: Vec<DateTime<Utc>> = ts
        .iter()
        .map(|&t| DateTime::from_timestamp(t, 0).unwrap())
        .collect();

    for (label, d) in DURATIONS {
        let mut g = c.benchmark_group(format!("calendar_add_{label}"));
        g.bench_function("rust", |b| {
            b.iter(|| {
                let mut acc = 0i64;
                for &t in &dts {
                    acc ^= rust_cal
                        .add(black_box(t), black_box(d))
                        .unwrap()
                        .timestamp();
                }
                acc
            })
        });
        // The same call for a Rust host that keeps instants as Unix seconds,
        // as a C host does: the conversions the C API makes, without the C ABI.
        g.bench_function("rust_from_unix_seconds", |b| {
            b.iter(|| {
                let mut acc = 0i64;
                for &t in &ts {
                    let t = DateTime::from_timestamp(black_box(t), 0).unwrap();
                    acc ^= rust_cal.add(t, black_box(d)).unwrap().timestamp();
                }
                acc
            })
        });
        // The core's seconds path the C call uses: what the C ABI, the
        // argument checks and the panic guard add on top of it.
        g.bench_function("rust_add_secs", |b| {
            b.iter(|| {
                let mut acc = 0i64;
                for &t in &ts {
                    acc ^= rust_cal.add_secs(black_box(t), black_box(d)).unwrap();
                }
                acc
            })
        });
        g.bench_function("c_api", |b| {
            b.iter(|| {
                let mut acc = 0i64;
                for &t in &ts {
                    let mut out = 0i64;
                    // SAFETY: live calendar, valid out pointer, NULL error.
                    let st = unsafe {
                        reglament_calendar_add(
                            black_box(c_cal),
                            black_box(t),
                            black_box(d),
                            &mut out,
                            ptr::null_mut(),
                        )
                    };
                    debug_assert_eq!(st, ReglamentStatus::Ok);
                    acc ^= out;
                }
                acc
            })
        });
        g.bench_function("c_api_with_error_pointer", |b| {
            b.iter(|| {
                let mut acc = 0i64;
                for &t in &ts {
                    let mut out = 0i64;
                    let mut err: *mut ReglamentError = ptr::null_mut();
                    // SAFETY: live calendar, valid out and error pointers.
                    let st = unsafe {
                        reglament_calendar_add(
                            black_box(c_cal),
                            black_box(t),
                            black_box(d),
                            &mut out,
                            &mut err,
                        )
                    };
                    debug_assert_eq!(st, ReglamentStatus::Ok);
                    acc ^= out;
                }
                acc
            })
        });
        g.finish();
    }
    // SAFETY: created above, freed once.
    unsafe { reglament_calendar_free(c_cal) };
}

/// A full life of a request, as a host stores it: a JSON array of events.
fn history() -> String {
    let actor = |id: &str, role: &str| format!(r#""actor":{{"id":"{id}","role":"{role}"}}"#);
    let op = actor("op-1", "operator");
    let cons = actor("c-1", "consultant");
    let user = actor("u-1", "user");
    let mut events = vec![format!(
        r#"{{"kind":"register","at":"2026-03-02T10:00:00+02:00",{op},"channel":"phone","reason":"software_failure","description":"The invoice form hangs","conditions":"300 lines, Save","priority":"high","category":"incident"}}"#
    )];
    events.push(format!(
        r#"{{"kind":"plan_sprint","at":"2026-03-02T10:20:00+02:00",{op}}}"#
    ));
    events.push(format!(
        r#"{{"kind":"start_work","at":"2026-03-03T09:30:00+02:00",{cons}}}"#
    ));
    for h in 10..16 {
        events.push(format!(r#"{{"kind":"ask_user","at":"2026-03-03T{h}:00:00+02:00",{cons},"text":"which invoice?"}}"#));
        events.push(format!(
            r#"{{"kind":"user_answer","at":"2026-03-03T{h}:30:00+02:00",{user},"text":"INV-7"}}"#
        ));
    }
    events.push(format!(
        r#"{{"kind":"complete","at":"2026-03-05T15:00:00+02:00",{cons}}}"#
    ));
    events.push(format!(
        r#"{{"kind":"release","at":"2026-03-06T11:00:00+02:00",{op}}}"#
    ));
    events.push(format!(
        r#"{{"kind":"accept","at":"2026-03-06T12:00:00+02:00",{user}}}"#
    ));
    events.push(format!(
        r#"{{"kind":"archive","at":"2026-03-06T12:05:00+02:00",{op}}}"#
    ));
    format!("[{}]", events.join(","))
}

fn ticket_replay(c: &mut Criterion) {
    let reg = Regulation::default();
    let mut c_reg = ptr::null_mut();
    // SAFETY: valid out pointer, NULL error.
    assert_eq!(
        unsafe { reglament_regulation_default(&mut c_reg, ptr::null_mut()) },
        ReglamentStatus::Ok
    );
    let json = history();
    let n = serde_json::from_str::<serde_json::Value>(&json)
        .unwrap()
        .as_array()
        .unwrap()
        .len();
    let mut g = c.benchmark_group(format!("ticket_replay_{n}_events_from_json"));
    g.bench_function("rust", |b| {
        b.iter(|| {
            let v: serde_json::Value = serde_json::from_str(black_box(&json)).unwrap();
            let events: Vec<Event> = v
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(i, e)| Event::from_value(e, &format!("[{i}]")).unwrap())
                .collect();
            Ticket::replay(&reg, "T-1", events).ticket.events_accepted()
        })
    });
    g.bench_function("c_api", |b| {
        b.iter(|| {
            let mut t = ptr::null_mut();
            // SAFETY: live regulation, valid buffers and out pointer.
            let st = unsafe {
                reglament_ticket_replay(
                    c_reg,
                    b"T-1".as_ptr().cast::<c_char>(),
                    3,
                    black_box(json.as_ptr().cast::<c_char>()),
                    json.len(),
                    &mut t,
                    ptr::null_mut(),
                    ptr::null_mut(),
                )
            };
            debug_assert_eq!(st, ReglamentStatus::Ok);
            // SAFETY: created by the call, freed once.
            unsafe { reglament_ticket_free(t) };
        })
    });
    g.finish();
    // SAFETY: created above, freed once.
    unsafe { reglament_regulation_free(c_reg) };
}

/// The clause 3.3 queue of 100,000 registered tickets (every priority,
/// submissions a minute apart, ids out of order) through `reglament_queue`,
/// and `report::queue` on the same tickets.
fn queue(c: &mut Criterion) {
    const N: usize = 100_000;
    let reg = Regulation::default();
    let mut c_reg = ptr::null_mut();
    // SAFETY: valid out pointer, NULL error.
    assert_eq!(
        unsafe { reglament_regulation_default(&mut c_reg, ptr::null_mut()) },
        ReglamentStatus::Ok
    );
    let priorities = ["low", "medium", "high", "critical"];
    let mut tickets = Vec::with_capacity(N);
    let mut handles: Vec<*const ReglamentTicket> = Vec::with_capacity(N);
    for i in 0..N {
        let id = format!("Q-{:06}", (i * 7919) % N);
        let at = 1_772_438_400 + (i as i64 % 5000) * 60;
        let event = format!(
            r#"{{"kind":"register","at":"{}","actor":{{"id":"op","role":"operator"}},"channel":"phone","description":"d","conditions":"c","priority":"{}","category":"consultation"}}"#,
            DateTime::from_timestamp(at, 0).unwrap().to_rfc3339(),
            priorities[i % 4]
        );
        let mut t = Ticket::new(id.clone());
        assert!(t
            .apply(&reg, Event::from_json(&event).unwrap())
            .is_accepted());
        tickets.push(t);
        let mut h = ptr::null_mut();
        // SAFETY: valid buffers, live regulation, out pointers.
        unsafe {
            assert_eq!(
                reglament_ticket_new(id.as_ptr().cast(), id.len(), &mut h, ptr::null_mut()),
                ReglamentStatus::Ok
            );
            assert_eq!(
                reglament_ticket_apply(
                    h,
                    c_reg,
                    event.as_ptr().cast(),
                    event.len(),
                    ptr::null_mut(),
                    ptr::null_mut()
                ),
                ReglamentStatus::Ok
            );
        }
        handles.push(h);
    }
    let mut order = vec![0usize; N];
    let mut g = c.benchmark_group("queue_100000_tickets");
    g.sample_size(10);
    g.bench_function("rust_rules_queue", |b| {
        b.iter(|| reglament::report::queue(black_box(&tickets)).len())
    });
    g.bench_function("c_api", |b| {
        b.iter(|| {
            let mut n = 0usize;
            // SAFETY: N live tickets, room for N indices.
            let st = unsafe {
                reglament_queue(
                    black_box(handles.as_ptr()),
                    N,
                    order.as_mut_ptr(),
                    &mut n,
                    ptr::null_mut(),
                )
            };
            debug_assert_eq!(st, ReglamentStatus::Ok);
            n
        })
    });
    g.finish();
    for h in handles {
        // SAFETY: created above, freed once.
        unsafe { reglament_ticket_free(h.cast_mut()) };
    }
    // SAFETY: created above, freed once.
    unsafe { reglament_regulation_free(c_reg) };
}

criterion_group!(benches, calendar_add, ticket_replay, queue);
criterion_main!(benches);
