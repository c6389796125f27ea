//! The complete form of a regulation and its fingerprint (DESIGN §5).

use super::RegulationSpec;

/// The complete form of a regulation (DESIGN §5): every default filled in
/// (the registration calendar, an extra working day's hours) and every set
/// written in one order — SLA rows by category then priority (vocabulary
/// order), actions and approval lists by name, holiday and extra dates
/// sorted without duplicates, `date_hours` by date. Two specs that mean the
/// same have the same complete form. Keys whose default is "nothing"
/// (`date_hours` empty, `shortened_eves` true) are written only when set,
/// so a file that predates them keeps its fingerprint.
///
/// # Example
/// ```
/// use reglament::{record::complete, regulation::RegulationSpec};
/// let mut a = RegulationSpec::default();
/// a.sla.targets.reverse();
/// a.calendar.holidays = vec!["2026-12-31".parse().unwrap(), "2026-12-30".parse().unwrap()];
/// let mut b = RegulationSpec::default();
/// b.calendar.holidays = vec!["2026-12-30".parse().unwrap(), "2026-12-31".parse().unwrap(), "2026-12-30".parse().unwrap()];
/// assert_eq!(complete(&a), complete(&b));
/// assert!(complete(&a).registration_calendar.is_some());
/// ```
pub fn complete(spec: &RegulationSpec) -> RegulationSpec {
    use crate::model::{Category, Priority};
    let mut s = spec.clone();
    let rank_c = |c: Category| Category::ALL.iter().position(|x| *x == c);
    let rank_p = |p: Priority| Priority::ALL.iter().position(|x| *x == p);
    s.sla
        .targets
        .sort_by_key(|t| (rank_c(t.category), rank_p(t.priority)));
    s.actions.sort_by(|a, b| a.name.cmp(&b.name));
    s.approval_required_for.sort();
    s.approval_required_for.dedup();
    if s.registration_calendar.is_none() {
        s.registration_calendar = Some(s.calendar.clone());
    }
    let rank_m = |m: &crate::model::Metric| crate::model::Metric::ALL.iter().position(|x| x == m);
    s.pause_reasons.sort_by(|a, b| a.id.cmp(&b.id));
    for r in &mut s.pause_reasons {
        r.pauses.sort_by_key(rank_m);
    }
    let named = s.calendars.values_mut();
    for cal in std::iter::once(&mut s.calendar)
        .chain(s.registration_calendar.as_mut())
        .chain(named)
    {
        cal.holidays.sort();
        cal.holidays.dedup();
        cal.extra_working_days.sort();
        cal.extra_working_days.dedup();
        if cal.extra_working_day_hours.is_none() {
            cal.extra_working_day_hours = Some(cal.week[0].clone());
        }
        // without a preset no day is shortened: `false` means the default
        if cal.holiday_preset.is_none() {
            cal.shortened_eves = true;
        }
    }
    s
}

/// The fingerprint of a spec: `sha256:` + hex SHA-256 of the RFC 8785
/// canonical JSON of its [`complete`] form.
///
/// The second wave's keys `calendars` and `pause_reasons` are left out
/// while empty: a regulation that uses neither means what it meant before
/// they existed, and keeps the fingerprint it had (the chains and reports
/// recorded under it stay valid).
pub(crate) fn fingerprint_of(spec: &RegulationSpec) -> String {
    let mut value = serde_json::to_value(complete(spec)).unwrap_or(serde_json::Value::Null);
    if let serde_json::Value::Object(m) = &mut value {
        for key in ["calendars", "pause_reasons"] {
            if m.get(key).is_some_and(|v| {
                v.as_object().is_some_and(|o| o.is_empty())
                    || v.as_array().is_some_and(|a| a.is_empty())
            }) {
                m.remove(key);
            }
        }
    }
    crate::canonical::digest_of(&value)
}
