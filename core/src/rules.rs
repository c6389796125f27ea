//! Rules that are not about one event: whether a request solved during the
//! contact must still be registered (3.4), when an archive falls due (3.6),
//! and the contact-change notice deadline (5). The queue order over many
//! requests (3.3) is [`report::queue`](crate::report::queue).

use chrono::{DateTime, Days, Utc};

use crate::error::{Error, Result};
use crate::model::{Category, DayUnit, Priority};
use crate::regulation::{DayCount, Regulation};

/// The instant `delay` after `t`: for calendar days the same local
/// wall-clock time `amount` local days later (in the calendar's zone,
/// "compatible" disambiguation); for working days the closing instant of the
/// `amount`-th working day after the local date of `t`.
///
/// # Example
/// ```
/// use reglament::{model::DayUnit, regulation::DayCount, rules::after_days, Regulation};
/// let reg = Regulation::default();
/// let t = reglament::instant::parse("2026-03-20T10:00:00+02:00").unwrap();
/// let ten = DayCount { amount: 10, unit: DayUnit::CalendarDays };
/// // 10:00 Kyiv ten days later, now in summer time (+03:00)
/// assert_eq!(reglament::instant::format(after_days(&reg, t, ten).unwrap()), "2026-03-30T07:00:00Z");
/// // outside the calendar's range (the UA preset starts in 1991): an error
/// let old = reglament::instant::parse("1980-01-01T00:00:00Z").unwrap();
/// assert!(after_days(&reg, old, ten).unwrap_err().is_out_of_range());
/// ```
pub fn after_days(reg: &Regulation, t: DateTime<Utc>, delay: DayCount) -> Result<DateTime<Utc>> {
    let cal = reg.calendar();
    match delay.unit {
        DayUnit::CalendarDays => {
            let local = cal.local_datetime(t);
            let later = local
                .checked_add_days(Days::new(u64::from(delay.amount)))
                .ok_or_else(|| {
                    Error::out_of_range(format!(
                        "{} days after {local} is out of range",
                        delay.amount
                    ))
                })?;
            let due = cal.local_to_instant(later)?;
            let (lo, hi) = cal.supported_range();
            if t < lo || due > hi {
                return Err(Error::out_of_range(format!(
                    "{} calendar days after {} falls outside the range the calendar supports ({} to {})",
                    delay.amount,
                    crate::instant::format(t),
                    crate::instant::format(lo),
                    crate::instant::format(hi)
                )));
            }
            Ok(due)
        }
        DayUnit::WorkingDays => cal.add_working_days(t, delay.amount),
    }
}

/// When a request released at `released_at` may be archived without the
/// user's acceptance (clause 3.6: 10 calendar days by default).
///
/// # Example
/// ```
/// use reglament::{rules::archive_due, Regulation};
/// let reg = Regulation::default();
/// let t = reglament::instant::parse("2026-10-20T12:00:00+03:00").unwrap();
/// // ten days later, after the return to winter time: still 12:00 Kyiv
/// assert_eq!(reglament::instant::format(archive_due(&reg, t).unwrap()), "2026-10-30T10:00:00Z");
/// ```
pub fn archive_due(reg: &Regulation, released_at: DateTime<Utc>) -> Result<DateTime<Utc>> {
    after_days(reg, released_at, reg.spec().archive_after)
}

/// The deadline to notify the other party of a contact-person change made at
/// `replaced_at` (clause 5: within 2 working days by default).
///
/// # Example
/// ```
/// use reglament::{rules::contact_change_notice_due, Regulation};
/// let reg = Regulation::default();
/// let fri = reglament::instant::parse("2026-03-27T14:00:00+02:00").unwrap();
/// // Monday and Tuesday count: Tuesday 18:00 Kyiv
/// assert_eq!(reglament::instant::format(contact_change_notice_due(&reg, fri).unwrap()), "2026-03-31T15:00:00Z");
/// ```
pub fn contact_change_notice_due(
    reg: &Regulation,
    replaced_at: DateTime<Utc>,
) -> Result<DateTime<Utc>> {
    after_days(reg, replaced_at, reg.spec().contact_change_notice)
}

/// Whether a request must be registered (clause 3.4): one solved during the
/// contact itself need not be, unless it is a critical or high incident;
/// every other request must.
///
/// # Example
/// ```
/// use reglament::model::{Category, Priority};
/// use reglament::rules::must_register;
/// assert!(must_register(Some(Category::Incident), Priority::High, true));
/// assert!(!must_register(Some(Category::Incident), Priority::Medium, true));
/// assert!(!must_register(Some(Category::Consultation), Priority::Critical, true));
/// assert!(must_register(Some(Category::Consultation), Priority::Low, false));
/// ```
pub fn must_register(
    category: Option<Category>,
    priority: Priority,
    solved_during_contact: bool,
) -> bool {
    !solved_during_contact || (category == Some(Category::Incident) && priority >= Priority::High)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instant::{format, parse};
    use serde_json::json;

    #[test]
    fn archive_due_keeps_local_wall_clock_across_dst() {
        let reg = Regulation::default();
        // spring forward on 2026-03-29: 10:00+02:00 -> 10:00+03:00
        let t = parse("2026-03-25T10:00:00+02:00").unwrap();
        assert_eq!(
            format(archive_due(&reg, t).unwrap()),
            "2026-04-04T07:00:00Z"
        );
        // a wall-clock time that falls in the gap moves forward by the gap
        let mut over = json!({"archive_after": {"amount": 1}});
        let reg1 = Regulation::with_overrides(&over).unwrap();
        let t = parse("2026-03-28T03:30:00+02:00").unwrap();
        assert_eq!(
            format(archive_due(&reg1, t).unwrap()),
            "2026-03-29T01:30:00Z"
        ); // 04:30+03:00
           // working days: the closing instant of the n-th working day after
        over["archive_after"]["unit"] = json!("working_days");
        over["archive_after"]["amount"] = json!(2);
        let regw = Regulation::with_overrides(&over).unwrap();
        let fri = parse("2026-03-27T12:00:00+02:00").unwrap();
        assert_eq!(
            format(archive_due(&regw, fri).unwrap()),
            "2026-03-31T15:00:00Z"
        );
    }

    #[test]
    fn notice_skips_holidays() {
        let reg = Regulation::default();
        // Wednesday 2026-12-23; 25 December is a holiday in Ukraine: 24th, then 28th
        let t = parse("2026-12-23T11:00:00+02:00").unwrap();
        assert_eq!(
            format(contact_change_notice_due(&reg, t).unwrap()),
            "2026-12-28T16:00:00Z"
        );
    }

    #[test]
    fn must_register_covers_every_pair() {
        for c in Category::ALL {
            for p in Priority::ALL {
                assert!(must_register(Some(*c), *p, false));
                let expected =
                    *c == Category::Incident && matches!(p, Priority::Critical | Priority::High);
                assert_eq!(must_register(Some(*c), *p, true), expected, "{c} {p}");
            }
        }
        assert!(!must_register(None, Priority::Critical, true));
    }
}
