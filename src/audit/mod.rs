//! The audit trail: envelopes, the hash chain, schema versions and replay with re-validation.
//!
//! Every accepted command is stored as an [`Envelope`] holding the command, the events it
//! produced, the actor, the legal date, the recording time, the rule set and a SHA-256 hash
//! chained to the previous envelope. [`replay`] rebuilds the state and refuses a log that was
//! reordered, gapped, altered, mixed, or edited by someone who also recomputed the hashes but
//! recorded something the law would not have accepted.

mod chain;
mod envelope;
mod replay;
pub mod schema;

pub use chain::{GENESIS_HASH, canonical_json, envelope_hash, v1_envelope_hash};
pub use envelope::{
    Envelope, IdSource, RandomV7, SequentialIds, StepOrigin, record, record_audited,
};
pub use replay::{Difference, ReplayError, ReplayProblem, Replayed, replay};
