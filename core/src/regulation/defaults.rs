//! The seed's values: the embedded default regulation (`reglament init`).

use chrono::NaiveDate;

use super::{
    ActionSpec, Contract, DayCount, PauseMatrix, PauseSet, PriorityChangeRule, RegulationSpec,
    SlaTable, SlaTarget,
};
use crate::calendar::CalendarSpec;
use crate::model::{Category, DayUnit, Priority, Service};

/// One working day of the default calendar (09:00–18:00), in seconds.
const DAY: i64 = 9 * 3600;
const HOUR: i64 = 3600;
impl Default for Contract {
    /// The seed's placeholders; the date is the seed's example (1 May 2021).
    fn default() -> Contract {
        Contract {
            number: "Номер Договору".into(),
            date: NaiveDate::from_ymd_opt(2021, 5, 1).unwrap_or_default(),
            customer: "Замовник (повне найменування)".into(),
            contractor: "Виконавець (повне найменування)".into(),
            system_name: "Назва системи".into(),
            software_name: "Назва ПЗ".into(),
            business_process_name: "Назва БП".into(),
        }
    }
}

impl SlaTable {
    /// The example table shipped as the default.
    fn example() -> SlaTable {
        use Category::*;
        use Priority::*;
        let t = |category, priority, response, resolution, update_interval| SlaTarget {
            category,
            priority,
            response,
            resolution,
            update_interval,
            calendar: None,
        };
        SlaTable {
            example: true,
            note: "Приклад. SLA — окрема угода сторін; замініть цю таблицю узгодженою. / Example only: the SLA \
                   is a separate agreement between the parties; replace this table with the agreed one."
                .into(),
            targets: vec![
                t(Incident, Critical, HOUR / 2, 4 * HOUR, Some(HOUR)),
                t(Incident, High, HOUR, DAY, Some(2 * HOUR)),
                t(Incident, Medium, 4 * HOUR, 3 * DAY, Some(DAY)),
                t(Incident, Low, DAY, 10 * DAY, None),
                t(ChangeRequest, Critical, 2 * HOUR, 10 * DAY, None),
                t(ChangeRequest, High, 4 * HOUR, 20 * DAY, None),
                t(ChangeRequest, Medium, DAY, 40 * DAY, None),
                t(ChangeRequest, Low, 2 * DAY, 60 * DAY, None),
                t(Consultation, Critical, HOUR / 2, 4 * HOUR, None),
                t(Consultation, High, HOUR, DAY, None),
                t(Consultation, Medium, 4 * HOUR, 2 * DAY, None),
                t(Consultation, Low, DAY, 5 * DAY, None),
                t(DocumentationRequest, Critical, 2 * HOUR, 2 * DAY, None),
                t(DocumentationRequest, High, 4 * HOUR, 3 * DAY, None),
                t(DocumentationRequest, Medium, DAY, 5 * DAY, None),
                t(DocumentationRequest, Low, 2 * DAY, 10 * DAY, None),
            ],
        }
    }
}

impl Default for PauseSet {
    /// Both pauses stop the clock (DESIGN §2).
    fn default() -> PauseSet {
        PauseSet {
            approval_pending: true,
            awaiting_user: true,
        }
    }
}

impl Default for RegulationSpec {
    /// The seed's values: Kyiv 09:00–18:00 with Ukrainian holidays, archive
    /// after 10 calendar days, notice within 2 working days, the example SLA
    /// table, thresholds 75 % and 90 %.
    fn default() -> RegulationSpec {
        let action = |name: &str, service| ActionSpec {
            name: name.into(),
            service,
        };
        RegulationSpec {
            id: None,
            version: None,
            effective_from: None,
            contract: Contract::default(),
            calendar: CalendarSpec::default_kyiv(),
            registration_calendar: None,
            calendars: Default::default(),
            sla: SlaTable::example(),
            pauses: PauseMatrix::default(),
            pause_reasons: Vec::new(),
            priority_change: PriorityChangeRule::KeepConsumed,
            actions: vec![
                action("consultation", Service::Consultation),
                action("remote_access", Service::Consultation),
                action("server_access", Service::Recovery),
                action("server_recovery", Service::Recovery),
                action("process_settings", Service::Administration),
                action("master_data", Service::Administration),
            ],
            approval_required_for: [
                "server_access",
                "server_recovery",
                "process_settings",
                "master_data",
            ]
            .map(String::from)
            .to_vec(),
            archive_after: DayCount {
                amount: 10,
                unit: DayUnit::CalendarDays,
            },
            contact_change_notice: DayCount {
                amount: 2,
                unit: DayUnit::WorkingDays,
            },
            warning_thresholds: vec![75.into(), 90.into()],
        }
    }
}

/// What [`Regulation::sla_target`] answers for a pair a validated table
/// always has (so never): the example table's strictest row.
pub(super) const UNREACHABLE_TARGET: SlaTarget = SlaTarget {
    category: Category::Incident,
    priority: Priority::Critical,
    response: HOUR / 2,
    resolution: 4 * HOUR,
    update_interval: Some(HOUR),
    calendar: None,
};
