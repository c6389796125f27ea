//! # reglament
//!
//! A technical-support regulation — the annex of a software licence contract
//! that fixes roles, request categories, priorities, statuses and their
//! transitions, SLA deadlines in working time and the archive rule — as code
//! that ERP and business-process systems can enforce.
//!
//! The crate is pure: it does no I/O, never reads the clock and keeps no
//! global state. "Now" and time zones are inputs.
//!
//! * [`calendar`]: working time (a time zone, a weekly schedule, holidays)
//!   and its arithmetic: `add`, `sub`, `elapsed`, `is_working`,
//!   `next_working`, `add_working_days`.
//! * [`holidays`]: the Ukrainian public holidays by rule, 1991–2100.
//! * [`Error`]: the one error type, with a stable code and the field it is about.
//!
//! # Example
//! ```
//! use reglament::Calendar;
//! let cal = Calendar::default_kyiv();
//! let t = "2026-03-27T15:00:00Z".parse().unwrap(); // Friday 17:00 Kyiv
//! assert_eq!(cal.add(t, 7200).unwrap().to_rfc3339(), "2026-03-30T07:00:00+00:00");
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// Panic freedom: nothing that input reaches may unwrap, expect, panic or
// index out of bounds. The few `allow`s left say why they cannot fire: one
// `expect` on the embedded default calendar, a compile-time `panic` in the
// holiday tables, and indexing in the arithmetic of `calendar::engine`,
// `sla::line` and `sla` (each module states the invariant that keeps it in
// bounds). Fuzzed by `fuzz/`, see fuzz/README.md.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod calendar;
mod canonical;
pub mod describe;
pub mod error;
mod fields;
pub mod holidays;
pub mod i18n;
pub mod instant;
pub mod model;
pub mod number;
pub mod record;
pub mod regulation;
pub mod report;
pub mod rules;
pub mod sla;
mod sort;
pub mod ticket;

pub use calendar::Calendar;
pub use error::{Error, ErrorKind, Result};
pub use regulation::Regulation;
pub use ticket::{Event, Outcome, Ticket};
