//! The regulation in words: parameters, hours, statuses, the permission
//! table, the SLA table and the rules, in Ukrainian or English. What
//! `reglament describe` prints.
//!
//! # Example
//! ```
//! use reglament::{describe::describe, i18n::Lang, Regulation};
//! let text = describe(&Regulation::default(), Lang::En);
//! assert!(text.contains("this is an example"));
//! assert!(text.contains("start work on the request (In progress) [start_work] (clause 3.5.1): Consultant in: Backlog, Sprint"));
//! let uk = describe(&Regulation::default(), Lang::Uk);
//! assert!(uk.contains("Список завдань або Беклог"));
//! ```

use std::fmt::Write;

use crate::holidays::HolidayPreset;
use crate::i18n::{duration, Lang, Text};
use crate::model::{Category, Metric, PauseReason, Priority, Status};
use crate::regulation::{DayCount, Regulation};
use crate::ticket::permissions::PERMISSIONS;

fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "\n== {text} ==");
}

fn days(lang: Lang, d: DayCount) -> String {
    crate::i18n::days(lang, d.amount, d.unit)
}

/// The whole regulation in words, in `lang`.
///
/// # Example
/// ```
/// use reglament::{describe::describe, i18n::Lang, Regulation};
/// let over = serde_json::json!({"archive_after": {"amount": 5}});
/// let text = describe(&Regulation::with_overrides(&over).unwrap(), Lang::En);
/// assert!(text.contains("Archive (clause 3.6): 5 calendar days after Release"));
/// // a date's own hours, and art. 53 once martial law has ended
/// let over = serde_json::json!({"calendar": {"martial_law_end": "2025-12-31",
///     "date_hours": {"2026-12-31": [["09:00", "16:00"]]}}});
/// let text = describe(&Regulation::with_overrides(&over).unwrap(), Lang::En);
/// assert!(text.contains("2026-12-31: 09:00–16:00 (hours of that date)"));
/// assert!(text.contains("one hour shorter (Labour Code art. 53)"));
/// ```
pub fn describe(reg: &Regulation, lang: Lang) -> String {
    let mut out = String::new();
    contract(&mut out, reg, lang);
    hours(&mut out, reg, lang);
    statuses(&mut out, lang);
    permissions(&mut out, lang);
    sla(&mut out, reg, lang);
    pauses(&mut out, reg, lang);
    actions(&mut out, reg, lang);
    deadlines(&mut out, reg, lang);
    out
}

/// The contract's blanks: number, date, parties, names.
fn contract(out: &mut String, reg: &Regulation, lang: Lang) {
    let spec = reg.spec();
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);

    let c = &spec.contract;
    let _ = writeln!(out, "{}", r(Text::DescribeTitle, &[]));
    let _ = writeln!(
        out,
        "{}",
        r(
            Text::DescribeContract,
            &[("number", &c.number), ("date", &c.date.to_string())]
        )
    );
    let _ = writeln!(
        out,
        "{}",
        r(
            Text::DescribeParties,
            &[("customer", &c.customer), ("contractor", &c.contractor)]
        )
    );
    let _ = writeln!(
        out,
        "{}",
        r(
            Text::DescribeSystem,
            &[
                ("system", &c.system_name),
                ("software", &c.software_name),
                ("process", &c.business_process_name)
            ]
        )
    );
}

/// Working and registration hours (3.3, 3.4, 3.5.1), the holidays.
fn hours(out: &mut String, reg: &Regulation, lang: Lang) {
    let spec = reg.spec();
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);
    heading(out, &r(Text::DescribeHoursHeading, &[]));
    let cal = &spec.calendar;
    let preset = match cal.holiday_preset {
        Some(HolidayPreset::Ua) => r(Text::DescribePresetUa, &[]),
        Some(HolidayPreset::UaStatutory) => r(Text::DescribePresetStatutory, &[]),
        None => r(Text::DescribePresetNone, &[]),
    };
    let _ = writeln!(
        out,
        "{}",
        r(
            Text::DescribeTimezone,
            &[("tz", &cal.timezone), ("preset", &preset)]
        )
    );
    let names = Text::Weekdays.template(lang);
    for (day, shifts) in names.split_whitespace().zip(cal.week.iter()) {
        let hours = if shifts.is_empty() {
            r(Text::DescribeDayOff, &[])
        } else {
            shifts
                .iter()
                .map(|s| format!("{}–{}", s.start(), s.end()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "  {}",
            r(Text::DescribeWeekday, &[("day", day), ("hours", &hours)])
        );
    }
    for (date, shifts) in &cal.date_hours {
        let hours = if shifts.is_empty() {
            r(Text::DescribeDayOff, &[])
        } else {
            shifts
                .iter()
                .map(|s| format!("{}–{}", s.start(), s.end()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let date = date.to_string();
        let _ = writeln!(
            out,
            "  {}",
            r(
                Text::DescribeDateHours,
                &[("date", &date), ("hours", &hours)]
            )
        );
    }
    // art. 53 matters once martial law has an end (or is switched off)
    if cal.holiday_preset.is_some() {
        if !cal.shortened_eves {
            let _ = writeln!(out, "{}", r(Text::DescribeShortenedEvesOff, &[]));
        } else if cal.martial_law_end.is_some() {
            let _ = writeln!(out, "{}", r(Text::DescribeShortenedEves, &[]));
        }
    }
    match &spec.registration_calendar {
        None => {
            let _ = writeln!(out, "{}", r(Text::DescribeRegistrationSame, &[]));
        }
        Some(rc) => {
            let _ = writeln!(
                out,
                "{}",
                r(Text::DescribeRegistrationOwn, &[("tz", &rc.timezone)])
            );
        }
    }
    let _ = writeln!(out, "{}", r(Text::DescribeOutsideHours, &[]));
}

/// The statuses (3.2).
fn statuses(out: &mut String, lang: Lang) {
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);
    heading(out, &r(Text::DescribeStatusesHeading, &[]));
    for s in Status::ALL {
        let _ = writeln!(out, "  {} [{}]", s.label(lang), s.code());
    }
}

/// The permission table: who may do what, in which status.
fn permissions(out: &mut String, lang: Lang) {
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);
    heading(out, &r(Text::DescribePermissionsHeading, &[]));
    for row in PERMISSIONS {
        let grants: Vec<String> = row
            .grants
            .iter()
            .map(|g| {
                let where_ = if g.statuses.is_empty() {
                    r(Text::DescribeBeforeRegistration, &[])
                } else {
                    let list: Vec<&str> = g.statuses.iter().map(|s| s.label(lang)).collect();
                    r(Text::DescribeStatusesList, &[("list", &list.join(", "))])
                };
                format!("{} {}", g.role.label(lang), where_)
            })
            .collect();
        let clause = match lang {
            Lang::Uk => format!("п. {}", row.status_clause),
            Lang::En => format!("clause {}", row.status_clause),
        };
        let _ = writeln!(
            out,
            "  {} [{}] ({}): {}",
            row.kind.label(lang),
            row.kind.code(),
            clause,
            grants.join("; ")
        );
    }
}

/// The SLA table, each row's calendar.
fn sla(out: &mut String, reg: &Regulation, lang: Lang) {
    let spec = reg.spec();
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);
    heading(out, &r(Text::DescribeSlaHeading, &[]));
    if spec.sla.example {
        let _ = writeln!(out, "{}", r(Text::DescribeSlaExample, &[]));
    }
    let _ = writeln!(out, "  {}", r(Text::DescribeSlaColumns, &[]));
    for cat in Category::ALL {
        for pri in Priority::ALL {
            let t = reg.sla_target(*cat, *pri);
            let upd = t
                .update_interval
                .map(|s| duration(lang, s))
                .unwrap_or_else(|| r(Text::DescribeNone, &[]));
            let cal = match &t.calendar {
                Some(name) => format!(" {}", r(Text::DescribeRowCalendar, &[("name", name)])),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "  {} | {} | {} | {} | {}{cal}",
                cat.label(lang),
                pri.label(lang),
                duration(lang, t.response),
                duration(lang, t.resolution),
                upd
            );
        }
    }
    named_calendars(out, reg, lang);
}

/// The pause matrix and the declared pause reasons.
fn pauses(out: &mut String, reg: &Regulation, lang: Lang) {
    let spec = reg.spec();
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);
    heading(out, &r(Text::DescribePausesHeading, &[]));
    for m in Metric::ALL {
        let reasons: Vec<&str> = PauseReason::ALL
            .iter()
            .filter(|p| spec.pauses.stops(*m, **p))
            .map(|p| p.label(lang))
            .collect();
        let reasons = if reasons.is_empty() {
            r(Text::DescribeNeverPauses, &[])
        } else {
            reasons.join(", ")
        };
        let _ = writeln!(
            out,
            "  {}",
            r(
                Text::DescribePauseRow,
                &[("metric", m.label(lang)), ("reasons", &reasons)]
            )
        );
    }
    declared_pause_reasons(out, reg, lang);
    let _ = writeln!(
        out,
        "{}",
        r(
            Text::DescribePriorityRule,
            &[("rule", spec.priority_change.label(lang))]
        )
    );
}

/// The actions of clause 4 and the approvals they need.
fn actions(out: &mut String, reg: &Regulation, lang: Lang) {
    let spec = reg.spec();
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);
    heading(out, &r(Text::DescribeActionsHeading, &[]));
    for a in &spec.actions {
        let gate = if reg.needs_approval(&a.name) {
            r(Text::DescribeGated, &[])
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {}",
            r(
                Text::DescribeActionRow,
                &[
                    ("action", &a.name),
                    ("service", a.service.label(lang)),
                    ("clause", a.service.clause()),
                    ("gate", &gate)
                ]
            )
        );
    }
    let gated_kinds: Vec<&str> = spec
        .approval_required_for
        .iter()
        .filter(|n| reg.action(n).is_none())
        .map(String::as_str)
        .collect();
    if !gated_kinds.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            r(
                Text::DescribeGatedEvents,
                &[("kinds", &gated_kinds.join(", "))]
            )
        );
    }
}

/// The archive delay (3.6), the notice (5) and the warning thresholds.
fn deadlines(out: &mut String, reg: &Regulation, lang: Lang) {
    let spec = reg.spec();
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);
    heading(out, "3.6, 5");
    let _ = writeln!(
        out,
        "{}",
        r(
            Text::DescribeArchive,
            &[("delay", &days(lang, spec.archive_after))]
        )
    );
    let _ = writeln!(
        out,
        "{}",
        r(
            Text::DescribeNotice,
            &[("delay", &days(lang, spec.contact_change_notice))]
        )
    );
    let list: Vec<String> = spec
        .warning_thresholds
        .iter()
        .map(|p| match &p.name {
            None => r(Text::DescribePercent, &[("n", &p.percent.to_string())]),
            Some(name) => r(
                Text::DescribePercentNamed,
                &[("n", &p.percent.to_string()), ("name", name)],
            ),
        })
        .collect();
    let _ = writeln!(
        out,
        "{}",
        r(Text::DescribeThresholds, &[("list", &list.join(", "))])
    );
}

/// The declared pause reasons (DESIGN §7), one line each.
fn declared_pause_reasons(out: &mut String, reg: &Regulation, lang: Lang) {
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);
    for pr in &reg.spec().pause_reasons {
        let metrics: Vec<&str> = pr.pauses.iter().map(|m| m.label(lang)).collect();
        let name = match lang {
            Lang::Uk => &pr.uk,
            Lang::En => &pr.en,
        };
        let _ = writeln!(
            out,
            "  {}",
            r(
                Text::DescribePauseReasonRow,
                &[
                    ("name", name),
                    ("id", &pr.id),
                    ("metrics", &metrics.join(", "))
                ]
            )
        );
    }
}

/// Which SLA rows count on which named calendar (DESIGN §7).
fn named_calendars(out: &mut String, reg: &Regulation, lang: Lang) {
    let r = |t: Text, args: &[(&str, &str)]| t.render(lang, args);
    let spec = reg.spec();
    for (name, cal) in &spec.calendars {
        let rows: Vec<String> = spec
            .sla
            .targets
            .iter()
            .filter(|t| t.calendar.as_deref() == Some(name.as_str()))
            .map(|t| format!("{}/{}", t.category.label(lang), t.priority.label(lang)))
            .collect();
        let rows = if rows.is_empty() {
            r(Text::DescribeNoRows, &[])
        } else {
            rows.join(", ")
        };
        let _ = writeln!(
            out,
            "{}",
            r(
                Text::DescribeNamedCalendar,
                &[("name", name), ("tz", &cal.timezone), ("rows", &rows)]
            )
        );
    }
    if !spec.calendars.is_empty() {
        let _ = writeln!(out, "{}", r(Text::DescribeMainCalendarRows, &[]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_permission_row_and_sla_pair_is_printed() {
        for lang in [Lang::Uk, Lang::En] {
            let text = describe(&Regulation::default(), lang);
            for row in PERMISSIONS {
                assert!(
                    text.contains(&format!("[{}]", row.kind.code())),
                    "{lang}: {}",
                    row.kind
                );
            }
            let sla_lines = text
                .lines()
                .filter(|l| l.matches(" | ").count() == 4)
                .count();
            assert_eq!(sla_lines, 17, "{lang}: header + 16 pairs");
            assert!(!text.contains('{'), "{lang}: an unfilled placeholder");
        }
    }

    #[test]
    fn the_words_follow_the_regulation() {
        let en = describe(&Regulation::default(), Lang::En);
        assert!(en.contains("Mon: 09:00–18:00"));
        assert!(en.contains("Sat: day off"));
        assert!(en.contains("Incident | Critical | 30 min | 4 h | 1 h"));
        assert!(en.contains("server_recovery — Recovery after system failures (clause 4.2); only after approval by e-mail"));
        assert!(en.contains("within 2 working days"));
        assert!(en.contains("75 %, 90 %"));
        let over =
            serde_json::json!({"approval_required_for": ["release"], "sla": {"example": false}});
        let en = describe(&Regulation::with_overrides(&over).unwrap(), Lang::En);
        assert!(en.contains("Events that also need approval: release."));
        assert!(!en.contains("this is an example"));
        let uk = describe(&Regulation::default(), Lang::Uk);
        assert!(uk.contains("Пн: 09:00–18:00"));
        assert!(uk.contains("через 10 календарних днів"));
    }
}
