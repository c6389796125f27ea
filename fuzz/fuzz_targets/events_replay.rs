//! The event parser and `apply` on arbitrary histories, then the clocks at
//! a fuzzed `now`.
//!
//! Input: text lines. A line that starts with `@` picks the regulation: a
//! number chooses one of `common::regulations()`, a JSON object is laid
//! over the default (the first such line counts); a line
//! that is an RFC 3339 instant is `now` (default: a day after the last
//! event); every other non-blank line is an event (JSON Lines).
//!
//! Checked: every parsed event prints back to itself; a replay is
//! deterministic; `try_apply` and `apply` agree; a refused event changes
//! nothing; an accepted event is a cell the permission table opens, passes
//! its approval gate and does not go back in time; the full clocks and the
//! summary agree; nothing panics.
#![no_main]

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use libfuzzer_sys::fuzz_target;
use reglament::model::Metric;
use reglament::ticket::{Event, Ticket};
use reglament::{instant, Regulation};

#[path = "common/mod.rs"]
mod common;

/// `Regulation::with_overrides` of a JSON text, remembered: compiling the
/// Ukrainian holidays costs milliseconds, and the seeds reuse a few texts.
fn with_overrides(text: &str) -> Option<Regulation> {
    static CACHE: Mutex<Option<HashMap<String, Option<Regulation>>>> = Mutex::new(None);
    let mut guard = CACHE.lock().ok()?;
    let cache = guard.get_or_insert_with(HashMap::new);
    if let Some(r) = cache.get(text) {
        return r.clone();
    }
    let r = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| Regulation::with_overrides(&v).ok());
    if cache.len() > 512 {
        cache.clear();
    }
    cache.insert(text.to_string(), r.clone());
    r
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut reg = None;
    let mut now: Option<DateTime<Utc>> = None;
    let mut event_text = String::new();
    for line in text.lines() {
        let l = line.trim();
        if let Some(over) = l.strip_prefix('@') {
            if reg.is_none() {
                let presets = common::regulations();
                reg = match over.trim().parse::<usize>() {
                    Ok(i) => Some(presets[i % presets.len()].clone()),
                    Err(_) => with_overrides(over),
                };
            }
        } else if !l.starts_with('{') && now.is_none() {
            now = instant::parse(l).ok();
        } else {
            event_text.push_str(line);
            event_text.push('\n');
        }
    }
    let reg = reg.unwrap_or_else(|| common::regulations()[0].clone());
    let mut events = Vec::new();
    for (_, parsed) in Event::parse_lines(&event_text) {
        match parsed {
            Ok(e) => {
                let back = Event::from_value(&e.to_value(), "")
                    .unwrap_or_else(|err| panic!("event does not print back: {err}"));
                assert_eq!(back, e, "event does not round-trip");
                events.push(e);
            }
            Err(err) => assert!(!err.message().is_empty()),
        }
    }
    common::check_history(&reg, &events);
    let replay = Ticket::replay(&reg, "T", events.clone());
    let again = Ticket::replay(&reg, "T", events.clone());
    assert_eq!(replay, again, "replay is not deterministic");
    let ticket = replay.ticket;
    let now = now.unwrap_or_else(|| {
        events
            .iter()
            .map(|e| e.at)
            .max()
            .and_then(|t| t.checked_add_signed(Duration::days(1)))
            .unwrap_or_default()
    });
    let _ = replay.steps.len();
    let _ = ticket.to_value(Some(now));
    let _ = ticket.archivable(now);
    match ticket.clocks(&reg, now) {
        Ok(full) => {
            let _ = full.to_value();
            let summary = ticket
                .clocks_summary(&reg, now)
                .unwrap_or_else(|e| panic!("clocks ok but summary fails: {e}"));
            assert_eq!(summary.next_change_at, full.next_change_at);
            assert_eq!(summary.response.state, full.response.state);
            assert_eq!(summary.response.due_at, full.response.due_at);
            assert_eq!(summary.resolution.state, full.resolution.state);
            assert_eq!(summary.resolution.due_at, full.resolution.due_at);
            assert_eq!(
                summary.update_interval.as_ref().map(|u| u.clock.state),
                full.update_interval.as_ref().map(|u| u.clock.state)
            );
            if let Some(next) = full.next_change_at {
                assert!(next > now, "next_change_at {next} is not after now {now}");
            }
            for m in Metric::ALL {
                let _ = ticket.explain_clock(&reg, *m, now);
            }
        }
        Err(e) => assert!(!e.message().is_empty()),
    }
    let _ = reglament::report::compliance(&reg, std::slice::from_ref(&ticket), None, None, now);
    let _ = reglament::report::what_if(&common::regulations()[0], &reg, "T", &events, Some(now));
});
