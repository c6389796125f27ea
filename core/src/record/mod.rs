//! The contract record (DESIGN §5): what ties a decision to the regulation
//! that made it and shows that a stored history was not edited.
//!
//! * [`Regulation::fingerprint`](crate::Regulation::fingerprint): `sha256:`
//!   of the RFC 8785 canonical JSON of the *complete* regulation
//!   ([`complete`]): same meaning, same fingerprint.
//! * [`Versions`]: a contract as a list of regulation versions in force from
//!   their `effective_from`; the version in force at a request's
//!   registration judges the whole request.
//! * [`chain`], [`verify`], [`merkle_root`]: hash-chained histories and the
//!   root that anchors them in a period report.

mod chain;
mod versions;

pub use crate::canonical::{canonical_json, sha256_tagged};
pub use crate::regulation::complete;
pub use chain::{
    chain, entry_hash, events_of_chain, genesis, head, heads_from_value, looks_chained,
    merkle_root, verify, verify_entries, ChainEntry, Verification,
};
pub use versions::Versions;
