//! Benchmarks only: see `benches/` and README.md. The request histories
//! the SLA benchmarks and the `clock_sweep` example share.

use chrono::{DateTime, Utc};
use reglament::model::{Category, Channel, Metric, Priority, Reason, Role, Status};
use reglament::ticket::{Actor, Event, EventBody, Registration};

/// A phone registration of an invoice-form failure.
pub fn registration(priority: Priority, category: Category) -> EventBody {
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

/// A short, varied history: one of a few shapes, registered at `start`.
pub fn short_history(start: DateTime<Utc>, i: usize) -> Vec<Event> {
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
