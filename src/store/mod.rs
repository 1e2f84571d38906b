//! Event stores: append-only logs of [`Envelope`]s per cooperation, with optimistic
//! concurrency. Implementations: [`MemoryStore`], [`JsonlStore`] (JSON lines, one file per
//! cooperation), and `SqliteStore` behind the `sqlite` feature.

use std::path::PathBuf;

use crate::audit::{Envelope, GENESIS_HASH};
use crate::model::CooperationId;

mod jsonl;
mod memory;
#[cfg(feature = "sqlite")]
mod sqlite;

pub use jsonl::{JsonlStore, Recovery};
pub use memory::MemoryStore;
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;

/// Why a store operation failed. Nothing was written when an append fails.
///
/// How to react: `Conflict` — reload, decide again on the new state, retry; `Invalid` — a
/// bug in the caller (the envelopes do not continue the log); `Io`/`Database` — retry or
/// report; `Corrupt` — the stored log was damaged outside this crate: report, do not retry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another writer appended first: the log's last sequence is `actual`, not `expected`.
    #[error("conflict on {cooperation}: expected last sequence {expected}, found {actual}")]
    Conflict {
        /// The cooperation.
        cooperation: CooperationId,
        /// What the caller expected.
        expected: u64,
        /// What the log holds.
        actual: u64,
    },
    /// The envelopes do not continue the log (sequence, cooperation, chain or hash).
    #[error("envelope {sequence} does not continue the log of {cooperation}: {reason}")]
    Invalid {
        /// The cooperation.
        cooperation: CooperationId,
        /// The envelope's sequence.
        sequence: u64,
        /// What is wrong.
        reason: String,
    },
    /// A stored log cannot be read: file (or table), line (or row) and what is wrong.
    #[error("{file}:{line}: {reason}")]
    Corrupt {
        /// File or table.
        file: PathBuf,
        /// Line or row number, from 1.
        line: u64,
        /// What is wrong (names the field where known).
        reason: String,
    },
    /// An I/O error.
    #[error("{path}: {message}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        message: String,
    },
    /// A database error.
    #[error("database: {0}")]
    Database(String),
}

/// An append-only store of envelopes.
pub trait EventStore {
    /// Appends `envelopes` to the log of `cooperation`, whose last sequence the caller saw as
    /// `expected_sequence` (0 for a new log). All or nothing; a different last sequence is a
    /// [`StoreError::Conflict`].
    fn append(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
    ) -> Result<(), StoreError>;

    /// The log of `cooperation`, in order (empty if unknown).
    fn load(&self, cooperation: CooperationId) -> Result<Vec<Envelope>, StoreError>;

    /// Every cooperation with a log.
    fn list(&self) -> Result<Vec<CooperationId>, StoreError>;
}

/// Checks that `envelopes` continue a log whose last envelope is `head`: the shared check of
/// every store's append.
pub(crate) fn check_continuation(
    cooperation: CooperationId,
    head: Option<&Envelope>,
    envelopes: &[Envelope],
) -> Result<(), StoreError> {
    let mut sequence = head.map_or(0, |h| h.sequence);
    let mut prev = head.map_or(GENESIS_HASH, |h| h.hash.as_str());
    for envelope in envelopes {
        sequence += 1;
        let invalid = |reason: &str| StoreError::Invalid {
            cooperation,
            sequence: envelope.sequence,
            reason: reason.to_owned(),
        };
        if envelope.cooperation_id != cooperation {
            return Err(invalid("envelope of another cooperation"));
        }
        if envelope.sequence != sequence {
            return Err(invalid(&format!("sequence must be {sequence}")));
        }
        if envelope.prev_hash != prev {
            return Err(invalid("prev_hash does not match the log's last hash"));
        }
        if envelope.hash != envelope.computed_hash() {
            return Err(invalid("hash does not match the content"));
        }
        prev = &envelope.hash;
    }
    Ok(())
}
