//! The SLA clocks allocate little: a bound on heap allocations per
//! `Ticket::clocks` / `clocks_summary` call (a counting global allocator;
//! this file is its own test binary).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use reglament::ticket::{Event, Ticket};
use reglament::{instant, Regulation};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded to the system allocator with the same layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded to the system allocator with the same layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded to the system allocator with the same layout.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let out = f();
    (out, ALLOCATIONS.load(Ordering::Relaxed) - before)
}

#[test]
fn clocks_allocate_little() {
    let reg = Regulation::default();
    let lines = [
        r#"{"kind":"register","at":"2026-03-02T10:00:00+02:00","actor":{"id":"op","role":"operator"},
            "channel":"phone","description":"d","conditions":"c","priority":"high","category":"incident"}"#,
        r#"{"kind":"start_work","at":"2026-03-02T10:10:00+02:00","actor":{"id":"c","role":"consultant"}}"#,
        r#"{"kind":"ask_user","at":"2026-03-02T10:20:00+02:00","actor":{"id":"c","role":"consultant"}}"#,
        r#"{"kind":"user_answer","at":"2026-03-02T10:50:00+02:00","actor":{"id":"u","role":"user"}}"#,
        r#"{"kind":"reply","at":"2026-03-02T11:05:00+02:00","actor":{"id":"c","role":"consultant"}}"#,
    ];
    let events = lines.iter().map(|l| Event::from_json(l).unwrap());
    let t = Ticket::replay(&reg, "T-1", events).ticket;
    let now = instant::parse("2026-03-02T12:00:00+02:00").unwrap();
    let _ = t.clocks(&reg, now).unwrap(); // warm up
    let (full, n_full) = allocations(|| t.clocks(&reg, now).unwrap());
    let (summary, n_summary) = allocations(|| t.clocks_summary(&reg, now).unwrap());
    assert_eq!(full.resolution.due_at, summary.resolution.due_at);
    eprintln!("allocations: clocks {n_full}, clocks_summary {n_summary}");
    // the full clocks: the id, and the records each clock returns
    // (thresholds, due history, pauses); the summary: the id and the one
    // pause list the consumed-time line keeps
    assert!(n_full <= 13, "clocks allocated {n_full} times");
    assert!(n_summary <= 2, "clocks_summary allocated {n_summary} times");
}
