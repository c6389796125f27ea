//! `reglament demo`: the main walk-through on the embedded default
//! regulation — deadlines of a few requests, then one request's whole life
//! with its SLA clocks.

use chrono::{DateTime, Utc};
use reglament::model::Metric;
use reglament::sla::{Clock, ClockState};
use reglament::ticket::{Event, Outcome};
use reglament::{Calendar, Regulation, Ticket};

use crate::inputs::{local, parse_instant, utc};
use crate::outln;
use crate::output::{paint, Done, Out, Tone};

/// One request, from registration to the archive: a phone call on a Friday
/// afternoon, a question to the user (the clocks pause), a priority raised
/// by the consultant, an approval by e-mail, Release, an archive refused
/// too early, and the user's acceptance, which archives it at once (3.6).
const LIFE: &str = r#"
{"kind":"register","at":"2026-03-27T16:40:00+02:00","actor":{"id":"op-1","role":"operator"},"channel":"phone","reason":"software_failure","description":"The invoice form hangs when saving","conditions":"Sales > Invoices, 300 lines, press Save; the window freezes","priority":"high","category":"incident"}
{"kind":"start_work","at":"2026-03-30T09:15:00+03:00","actor":{"id":"c-1","role":"consultant"}}
{"kind":"ask_user","at":"2026-03-30T09:20:00+03:00","actor":{"id":"c-1","role":"consultant"},"text":"Which warehouse is selected?"}
{"kind":"user_answer","at":"2026-03-30T11:05:00+03:00","actor":{"id":"u-7","role":"user"},"text":"Warehouse 2"}
{"kind":"change_priority","at":"2026-03-30T11:20:00+03:00","actor":{"id":"c-1","role":"consultant"},"priority":"critical"}
{"kind":"request_approval","at":"2026-03-30T11:30:00+03:00","actor":{"id":"c-1","role":"consultant"},"action":"server_recovery","text":"Rebuild the invoice index on the production server?"}
{"kind":"approve","at":"2026-03-30T12:10:00+03:00","actor":{"id":"cs-1","role":"customer_service"},"action":"server_recovery","evidence":"<20260330.1210.approval@customer.example>"}
{"kind":"perform_action","at":"2026-03-30T12:30:00+03:00","actor":{"id":"c-1","role":"consultant"},"action":"server_recovery"}
{"kind":"complete","at":"2026-03-30T15:00:00+03:00","actor":{"id":"c-1","role":"consultant"}}
{"kind":"release","at":"2026-03-31T10:00:00+03:00","actor":{"id":"op-1","role":"operator"},"text":"Version 2.14.1 installed"}
{"kind":"archive","at":"2026-04-01T10:00:00+03:00","actor":{"id":"op-1","role":"operator"}}
{"kind":"accept","at":"2026-04-01T11:00:00+03:00","actor":{"id":"u-7","role":"user"}}
"#;

fn hm(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{}:{:02}", s / 3600, s / 60 % 60)
}

fn show(cal: &Calendar, t: Option<DateTime<Utc>>) -> String {
    t.map_or_else(
        || "—".to_string(),
        |t| format!("{}  ({})", local(cal, t), utc(t)),
    )
}

fn print_clock(out: &mut Out, cal: &Calendar, name: &str, c: &Clock) -> Done {
    let state = c.state.label_en();
    let state = if c.state == ClockState::Breached {
        paint(Tone::Bad, state)
    } else {
        state.to_string()
    };
    outln!(out, "  {name}: {state}")?;
    if let Some(target) = c.target {
        outln!(out, "    target            {} working hours", hm(target))?;
    }
    outln!(out, "    due               {}", show(cal, c.due_at))?;
    if c.met_at.is_some() {
        let on_time = match c.on_time {
            Some(true) => "on time".to_string(),
            Some(false) => paint(Tone::Bad, "LATE"),
            None => String::new(),
        };
        outln!(
            out,
            "    met               {}  {on_time}",
            show(cal, c.met_at)
        )?;
    }
    outln!(out, "    working time used {}", hm(c.consumed))?;
    for p in &c.pauses {
        outln!(
            out,
            "    paused            {} → {}  ({})",
            local(cal, p.from),
            p.to.map_or("…".into(), |t| local(cal, t)),
            p.reason.label_en()
        )?;
    }
    for d in c.due_history.iter().skip(1) {
        outln!(
            out,
            "    due changed       at {} ({}, priority {}) → {}",
            local(cal, d.at),
            d.cause.label_en(),
            d.priority.map_or("—", |p| p.label_en()),
            show(cal, d.due_at)
        )?;
    }
    Ok(())
}

/// `reglament demo`.
pub fn demo() -> Done {
    let mut out = Out::new();
    let reg = Regulation::default();
    let cal = reg.calendar().clone();
    outln!(
        out,
        "reglament {} — walk-through on the embedded default regulation",
        env!("CARGO_PKG_VERSION")
    )?;
    outln!(
        out,
        "Calendar: {}, Mon–Fri 09:00–18:00, Ukrainian public holidays (preset UA)\n",
        cal.timezone().name()
    )?;

    outln!(out, "1. Working-time deadlines")?;
    let requests = [
        (
            "Friday before the switch to summer time",
            "2026-03-27T17:00:00+02:00",
            2 * 3600,
        ),
        (
            "Eve of Independence Day",
            "2026-08-21T16:30:00+03:00",
            4 * 3600,
        ),
        (
            "Registered on a Saturday",
            "2026-06-13T11:00:00+03:00",
            8 * 3600,
        ),
        ("Before Christmas", "2026-12-24T15:00:00+02:00", 16 * 3600),
    ];
    for (what, at, budget) in requests {
        let t = parse_instant("demo", at)?;
        let due = cal.add(t, budget).map_err(|e| e.to_string())?;
        outln!(
            out,
            "  {what}: {} + {} working h = {}  ({})",
            local(&cal, t),
            budget / 3600,
            local(&cal, due),
            utc(due)
        )?;
        let mut d = cal.local_date(t);
        let end = cal.local_date(due);
        let mut skipped = Vec::new();
        while d <= end {
            if let Some(name) = cal.day_off(d).and_then(|o| o.name) {
                skipped.push(format!("{d} {}", name.en));
            }
            match d.succ_opt() {
                Some(n) => d = n,
                None => break,
            }
        }
        if !skipped.is_empty() {
            outln!(out, "      skipped: {}", skipped.join(", "))?;
        }
    }
    let t = parse_instant("demo", "2026-03-27T12:00:00+02:00")?;
    let notice = reglament::rules::contact_change_notice_due(&reg, t).map_err(|e| e.to_string())?;
    outln!(
        out,
        "  Clause 5: a contact person replaced {} must be announced by {}",
        local(&cal, t),
        local(&cal, notice)
    )?;

    outln!(out, "\n2. One request's life (clauses 3.1–3.6)")?;
    let events = replay_events();
    let replay = Ticket::replay(&reg, "T-1", events);
    for step in &replay.steps {
        let status = step.status.map_or("—", |s| s.label_en());
        match &step.outcome {
            Outcome::Accepted { warnings } => {
                outln!(
                    out,
                    "  {}  {:<16} → {status}",
                    local(&cal, step.at),
                    step.kind.code()
                )?;
                for w in warnings {
                    let w = format!("warning ({}): {}", w.clause, w.message_en());
                    outln!(out, "      {}", paint(Tone::Warn, &w))?;
                }
            }
            Outcome::Refused(r) => {
                let refused = format!("REFUSED by clause {} ({})", r.clause, r.code.code());
                outln!(
                    out,
                    "  {}  {:<16} {}",
                    local(&cal, step.at),
                    step.kind.code(),
                    paint(Tone::Bad, &refused)
                )?;
                outln!(out, "      en: {}", r.message_en())?;
                outln!(out, "      uk: {}", r.message_uk())?;
            }
        }
    }

    let now = parse_instant("demo", "2026-04-01T12:00:00+03:00")?;
    outln!(out, "\n3. Its SLA clocks at {}", local(&cal, now))?;
    let clocks = replay.ticket.clocks(&reg, now).map_err(|e| e.to_string())?;
    print_clock(
        &mut out,
        &cal,
        Metric::Response.label_en(),
        &clocks.response,
    )?;
    print_clock(
        &mut out,
        &cal,
        Metric::Resolution.label_en(),
        &clocks.resolution,
    )?;
    outln!(
        out,
        "\n(`reglament replay`, `whatif` and `compliance` print the same data as JSON.)"
    )?;
    sample_report(&mut out, &reg, &replay_events(), now)?;
    out.finish()
}

/// The events of [`LIFE`].
fn replay_events() -> Vec<Event> {
    LIFE.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| Event::from_json(l).ok())
        .collect()
}

/// Section 4: the period report of the demo's request (March–April 2026),
/// written as a printable HTML page and as JSON into the temporary
/// directory; the headline figures on standard output.
fn sample_report(out: &mut Out, reg: &Regulation, events: &[Event], now: DateTime<Utc>) -> Done {
    use reglament::report::period::{Bucketing, Judge, Options};
    let options = Options {
        from: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap_or_default(),
        now,
        by: Bucketing::Month,
        target_percent: Some(95.0),
    };
    let requests = vec![("T-1".to_string(), events.to_vec())];
    let report = crate::report_cmds::build(Judge::One(reg), &requests, &options)?;
    outln!(
        out,
        "\n4. Period report, {} – {} (by month; `reglament report`)",
        report.period.from,
        report.period.to
    )?;
    for t in report.totals.iter().filter(|t| t.bucket.is_none()) {
        let pct = t
            .extended
            .percent_on_time
            .map_or("—".to_string(), |p| format!("{p:.1} %"));
        outln!(
            out,
            "  {:<16} {} of {} on time ({pct}), {} breached, {} open",
            t.metric.label_en(),
            t.extended.on_time,
            t.extended.counted,
            t.extended.breached,
            t.open.unwrap_or(0)
        )?;
    }
    outln!(out, "  Merkle root       {}", report.merkle_root)?;
    let dir = std::env::temp_dir();
    let html = dir.join("reglament-demo-report.html");
    let json = dir.join("reglament-demo-report.json");
    let page = crate::report_html::page(&report, reg, reglament::i18n::Lang::En);
    let written = std::fs::write(&html, page)
        .and_then(|_| std::fs::write(&json, crate::report_cmds::json(&report).unwrap_or_default()));
    match written {
        Ok(()) => outln!(
            out,
            "  Written to {} (printable, A4) and {}",
            html.display(),
            json.display()
        ),
        Err(e) => outln!(out, "  (not written to {}: {e})", dir.display()),
    }
}
