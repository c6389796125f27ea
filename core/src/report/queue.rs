//! The queue of clause 3.3 over many requests: higher priority first,
//! then earlier submission.

use std::cmp::Ordering;

use crate::ticket::Ticket;

/// The queue order of clause 3.3: higher priority first, then earlier
/// submission, then the smaller id. Unregistered requests sort last.
///
/// # Example
/// ```
/// use reglament::report::queue_order;
/// use reglament::ticket::Ticket;
/// let a = Ticket::new("A");
/// let b = Ticket::new("B");
/// assert_eq!(queue_order(&a, &b), std::cmp::Ordering::Less); // both unregistered: by id
/// ```
pub fn queue_order(a: &Ticket, b: &Ticket) -> Ordering {
    let key = |t: &Ticket| {
        (
            t.priority().map(|p| std::cmp::Reverse(p.rank())),
            t.submitted_at(),
        )
    };
    match (key(a), key(b)) {
        ((Some(pa), sa), (Some(pb), sb)) => pa.cmp(&pb).then(sa.cmp(&sb)),
        ((Some(_), _), (None, _)) => Ordering::Less,
        ((None, _), (Some(_), _)) => Ordering::Greater,
        _ => Ordering::Equal,
    }
    .then_with(|| a.id().cmp(b.id()))
}

/// The requests waiting for support (Backlog, Sprint, In progress, Done),
/// in queue order (clause 3.3).
///
/// # Example
/// ```
/// use reglament::{report::queue, ticket::{Event, Ticket}, Regulation};
/// let reg = Regulation::default();
/// let reg_event = |p: &str, at: &str| Event::from_json(&format!(
///     r#"{{"kind":"register","at":"{at}","actor":{{"id":"u","role":"user"}},"channel":"tracker",
///         "description":"d","conditions":"c","priority":"{p}"}}"#)).unwrap();
/// let mut low = Ticket::new("T-1");
/// low.apply(&reg, reg_event("low", "2026-03-27T08:00:00Z"));
/// let mut high = Ticket::new("T-2");
/// high.apply(&reg, reg_event("high", "2026-03-27T09:00:00Z"));
/// let order: Vec<&str> = queue([&low, &high]).iter().map(|t| t.id()).collect();
/// assert_eq!(order, ["T-2", "T-1"]);
/// ```
pub fn queue<'a>(tickets: impl IntoIterator<Item = &'a Ticket>) -> Vec<&'a Ticket> {
    let mut waiting: Vec<&Ticket> = tickets
        .into_iter()
        .filter(|t| t.status().is_some_and(|s| s.is_queued()))
        .collect();
    // stable, O(n log n): equal keys cannot occur (the id breaks ties)
    waiting.sort_by(|a, b| queue_order(a, b));
    waiting
}
