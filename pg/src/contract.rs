//! The contract record (DESIGN §5): the regulation's fingerprint and the
//! hash-chained history.
//!
//! Reserved: `reglament.fingerprint(regulation jsonb) → text` and the chain
//! functions (the hash of an event after its predecessor, verification of
//! a stored chain) are added here once the core exposes them (the
//! contract-record work). The trigger (`crate::trigger`) then stores each
//! accepted event's chain hash in an optional column; the place is marked
//! there with "contract record".
