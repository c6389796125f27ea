//! The clocks' speed machinery, kept apart from their rules: what the
//! computation remembers or reads ahead only to go faster. Nothing here
//! changes an answer — each method returns exactly what the plain
//! computation would ([`crate::Calendar::work_index`], `DateTime::from_timestamp`).
//!
//! What it buys (`benches/sla.rs`, the clocks of 100,000 requests with 5–8
//! events each; benches/README.md, "SLA engine"):
//! * [`Caches::warm`] reads the first entry of every list of a request at
//!   once. A request keeps nine lists in separate heap blocks; read one
//!   after the other as the computation reaches them, each is a cache miss
//!   of its own, read together the misses overlap. Fetching the requests
//!   from memory is ≈ 28–30 ms of the ≈ 131 ms sweep (the same sweep over
//!   64 requests that stay in the cache: ≈ 103 ms).
//! * The memo of `F(t)` (working seconds up to `t`) and the two piece
//!   hints: registration, `now` and the pause ends recur across the two or
//!   three consumed-time lines of a request; each request costs 10–20
//!   calendar lookups with the memo.
//! * The last instants converted to `DateTime<Utc>`: the same few
//!   (registration, dues, pause ends) are written into many fields of the
//!   output (20–40 conversions per request).
//!
//! Together these took the full clocks of 100,000 requests from 16,032 to
//! 12,332 instructions per request (callgrind, with the other work of that
//! day's commits: benches/README.md).
//!
//! Indexing stays in bounds: every slot is indexed modulo its list's length.
#![allow(clippy::indexing_slicing)]

use std::cell::{Cell, RefCell};

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::ticket::Ticket;
use crate::Calendar;

/// The caches of one computation of a request's clocks (see the module
/// documentation): shared by its consumed-time lines and its output.
#[derive(Debug, Default)]
pub(crate) struct Caches {
    /// The address of the calendar the memo and hints below are of (a
    /// request's clocks may count on different calendars, DESIGN §7).
    owner: Cell<usize>,
    /// `(t, F(t))` by `t` modulo 16.
    slots: RefCell<[(i64, i64); 16]>,
    /// The calendar piece of the last lookup.
    hint: Cell<usize>,
    /// The calendar piece of the last inverse lookup.
    inverse_hint: Cell<usize>,
    /// `(t, t as an instant)` by `t` modulo 8.
    converted: [Cell<(i64, DateTime<Utc>)>; 8],
}

impl Caches {
    /// Reads the first entry of every list of `t` the clocks use, all at
    /// once, so that their cache misses overlap.
    pub(crate) fn warm(t: &Ticket) {
        std::hint::black_box((
            t.status_changes().first().map(|x| x.at),
            t.category_changes().first().map(|x| x.at),
            t.priority_changes().first().map(|x| x.at),
            t.user_updates().first().map(|x| x.at),
            t.user_waits().first().map(|x| x.from),
            t.approvals().first().map(|x| x.requested_at),
            t.extensions().first().map(|x| x.at),
            t.cycles().first().map(|x| x.released_at),
            t.id().as_bytes().first().copied(),
        ));
    }

    /// `F(t)` of `cal`: its working seconds up to `t`.
    pub(crate) fn work_index(&self, cal: &Calendar, t: i64) -> Result<i64> {
        self.own(cal);
        let i = (t as u64 % 16) as usize;
        let mut slots = self.slots.borrow_mut();
        if slots[i].0 == t && t != 0 {
            return Ok(slots[i].1);
        }
        let f = cal.work_index_near(t, &self.hint)?;
        slots[i] = (t, f);
        Ok(f)
    }

    /// The inverse of [`Caches::work_index`].
    pub(crate) fn at_work_index(&self, cal: &Calendar, v: i64) -> Result<i64> {
        self.own(cal);
        cal.at_work_index_near(v, &self.inverse_hint)
    }

    /// Forgets what was kept of another calendar than `cal`.
    #[inline]
    fn own(&self, cal: &Calendar) {
        let key = cal as *const Calendar as usize;
        if self.owner.get() != key {
            self.owner.set(key);
            *self.slots.borrow_mut() = Default::default();
            self.hint.set(0);
            self.inverse_hint.set(0);
        }
    }

    /// `t` (seconds since the epoch) as an instant.
    pub(crate) fn utc(&self, t: i64) -> DateTime<Utc> {
        let slot = &self.converted[(t as u64 % 8) as usize];
        let (k, v) = slot.get();
        if k == t {
            return v;
        }
        let v = super::utc(t);
        slot.set((t, v));
        v
    }
}
