//! # reglament-pg
//!
//! The PostgreSQL face of `reglament`, built with pgrx: `CREATE EXTENSION
//! reglament` gives the schema `reglament` with the working-time arithmetic
//! of DESIGN §3, the Ukrainian holidays as rows, the ticket engine over
//! event lists stored as `jsonb`, and the trigger function
//! `reglament.enforce()` that refuses an illegal event inside the inserting
//! transaction (pg/README.md documents every function, the event-log table
//! and the SQLSTATEs).
//!
//! Like `ffi/` and `wasm/` this crate is a thin face: it converts SQL values
//! to the core's types and the core's answers and errors back to SQL. Every
//! rule is the core's.
//!
//! Errors: a malformed argument (calendar, regulation, event, instant out of
//! range) is an SQL error with SQLSTATE `22023` (`invalid_parameter_value`),
//! the core's code and field in the message and as JSON in `DETAIL`; a
//! refusal by the regulation raised by the trigger is SQLSTATE `23514`
//! (`check_violation`) with the clause, the refusal as JSON in `DETAIL` and
//! the Ukrainian sentence in `HINT`. A panic anywhere in the core becomes an
//! SQL `ERROR` (pgrx's guard), never a crash of the backend.
#![deny(missing_docs)]

use pgrx::prelude::*;

mod cache;
mod calendar;
mod contract;
mod convert;
mod error;
mod ticket;
mod trigger;

::pgrx::pg_module_magic!();

pub use calendar::*;
pub use ticket::*;
pub use trigger::*;

/// The version of the extension (and of the core it was built with).
#[pg_extern(immutable, parallel_safe)]
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Panics on purpose: the tests call it to prove that a panic in Rust code
/// becomes an SQL `ERROR` and the backend lives on. Not part of the API.
#[pg_extern(name = "_panic_for_test")]
pub fn panic_for_test() -> bool {
    panic!("deliberate panic requested by the test suite")
}
