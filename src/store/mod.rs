//! Event stores: append-only logs of [`Envelope`]s per cooperation, with optimistic
//! concurrency. Implementations: [`MemoryStore`], [`JsonlStore`] (JSON lines, one file per
//! cooperation), `SqliteStore` behind the `sqlite` feature, and `PostgresStore` behind the
//! `postgres` feature. Every store answers [`RegisterQuery`]s ([`EventStore::query`]).

use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::audit::schema::DecodeError;
use crate::audit::{Envelope, GENESIS_HASH};
use crate::model::CooperationId;

mod jsonl;
mod memory;
#[cfg(feature = "postgres")]
pub mod postgres;
mod register;
#[cfg(feature = "sqlite")]
mod sqlite;

pub use jsonl::{JsonlStore, MAX_LINE_BYTES, Recovery, RecoveryKind};
pub use memory::MemoryStore;
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
pub use register::{RegisterQuery, scan};
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;

/// Why a store operation failed. Nothing was written when an append fails.
///
/// How to react: `Conflict` — reload, decide again on the new state, retry; `Invalid` — a
/// bug in the caller (the envelopes do not continue the log); `Io`/`Database` — retry or
/// report; `Corrupt` — the stored log was damaged outside this crate: report, do not retry;
/// `ReadOnly` — the store or the log may only be read: do not retry; `Unavailable` — the
/// database server could not be reached or the connection broke: retry later;
/// `SchemaVersion` — the database was created by another version of this crate: upgrade
/// the crate or migrate the database, do not retry.
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
    /// The database server could not be reached, or the connection to it broke, while
    /// working on `cooperation` (from envelope `sequence`) when one is named. A failed
    /// append wrote nothing: retry later.
    #[error("{server}: unavailable{}: {message}", at_envelope(*cooperation, *sequence))]
    Unavailable {
        /// The server (its address, without password).
        server: String,
        /// The cooperation being read or written, if any.
        cooperation: Option<CooperationId>,
        /// The first envelope being read or written, if any.
        sequence: Option<u64>,
        /// What failed.
        message: String,
    },
    /// The database's schema is of a version this crate does not know (a newer crate
    /// migrated it), or has not been migrated to the version this crate needs.
    #[error(
        "{server}: database schema version {found}, this crate works with version {supported}: {advice}"
    )]
    SchemaVersion {
        /// The server and schema.
        server: String,
        /// The version the database records (0: not created).
        found: u32,
        /// The version this crate creates and reads.
        supported: u32,
        /// What to do.
        advice: String,
    },
    /// The store was opened read-only, or `path` (a log, or a file an append needs beside
    /// it) may not be written: permissions, or a read-only file system. Nothing was written.
    #[error("{path}: read-only, nothing was written")]
    ReadOnly {
        /// The file that may not be written (the log for a read-only store).
        path: PathBuf,
    },
}

/// ` while on cooperation C from envelope N`, for [`StoreError::Unavailable`].
fn at_envelope(cooperation: Option<CooperationId>, sequence: Option<u64>) -> String {
    match (cooperation, sequence) {
        (Some(c), Some(s)) => format!(" while on cooperation {c} from envelope {s}"),
        (Some(c), None) => format!(" while on cooperation {c}"),
        _ => String::new(),
    }
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

    /// The cooperations `query` selects, in the order of [`list`](Self::list). By default
    /// every log is read ([`scan`]); a store with an index answers from it, with the same
    /// result ([`RegisterQuery::matches`]).
    fn query(&self, query: &RegisterQuery) -> Result<Vec<CooperationId>, StoreError> {
        scan(self, query)
    }
}

impl<S: EventStore + ?Sized> EventStore for &S {
    fn append(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
    ) -> Result<(), StoreError> {
        (**self).append(cooperation, expected_sequence, envelopes)
    }

    fn load(&self, cooperation: CooperationId) -> Result<Vec<Envelope>, StoreError> {
        (**self).load(cooperation)
    }

    fn list(&self) -> Result<Vec<CooperationId>, StoreError> {
        (**self).list()
    }

    fn query(&self, query: &RegisterQuery) -> Result<Vec<CooperationId>, StoreError> {
        (**self).query(query)
    }
}

impl<S: EventStore + ?Sized> EventStore for std::sync::Arc<S> {
    fn append(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
    ) -> Result<(), StoreError> {
        (**self).append(cooperation, expected_sequence, envelopes)
    }

    fn load(&self, cooperation: CooperationId) -> Result<Vec<Envelope>, StoreError> {
        (**self).load(cooperation)
    }

    fn list(&self) -> Result<Vec<CooperationId>, StoreError> {
        (**self).list()
    }

    fn query(&self, query: &RegisterQuery) -> Result<Vec<CooperationId>, StoreError> {
        (**self).query(query)
    }
}

/// The append check every store makes under its lock: the log's last sequence is the one
/// the caller expected (else [`StoreError::Conflict`]) and the envelopes continue it.
pub(crate) fn check_append(
    cooperation: CooperationId,
    expected_sequence: u64,
    head: Option<&Envelope>,
    envelopes: &[Envelope],
) -> Result<(), StoreError> {
    let actual = head.map_or(0, |h| h.sequence);
    if actual != expected_sequence {
        return Err(StoreError::Conflict {
            cooperation,
            expected: expected_sequence,
            actual,
        });
    }
    check_continuation(cooperation, head, envelopes)
}

pub(crate) fn check_continuation(
    cooperation: CooperationId,
    head: Option<&Envelope>,
    envelopes: &[Envelope],
) -> Result<(), StoreError> {
    let mut sequence = head.map_or(0, |h| h.sequence);
    let mut prev = head.map_or(GENESIS_HASH, |h| h.hash.as_str());
    for envelope in envelopes {
        let invalid = |reason: &str| StoreError::Invalid {
            cooperation,
            sequence: envelope.sequence,
            reason: reason.to_owned(),
        };
        if envelope.cooperation_id != cooperation {
            return Err(invalid("envelope of another cooperation"));
        }
        let Some(next) = sequence.checked_add(1) else {
            return Err(invalid("sequence overflows u64"));
        };
        sequence = next;
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

/// Checks that a stored `envelope`, already decoded (so its hash was verified over the stored
/// JSON), follows `prev` in the log of `cooperation`. The reason names the field.
pub(crate) fn check_link(
    cooperation: CooperationId,
    prev: Option<&Envelope>,
    envelope: &Envelope,
) -> Result<(), String> {
    if envelope.cooperation_id != cooperation {
        return Err(format!(
            "field `cooperation_id`: {} is another cooperation than this log's {cooperation}",
            envelope.cooperation_id
        ));
    }
    let expected = prev.map_or(Some(1), |p| p.sequence.checked_add(1));
    if Some(envelope.sequence) != expected {
        return Err(format!(
            "field `sequence`: {} does not follow {}",
            envelope.sequence,
            prev.map_or(0, |p| p.sequence)
        ));
    }
    if envelope.prev_hash != prev.map_or(GENESIS_HASH, |p| p.hash.as_str()) {
        return Err("field `prev_hash`: does not match the previous envelope's hash".into());
    }
    Ok(())
}

/// The sequence of `envelope` as a database's signed 64-bit key (`store` names the database
/// in the error).
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub(crate) fn row_sequence(
    cooperation: CooperationId,
    envelope: &Envelope,
    store: &str,
) -> Result<i64, StoreError> {
    i64::try_from(envelope.sequence).map_err(|_| StoreError::Invalid {
        cooperation,
        sequence: envelope.sequence,
        reason: format!("sequence too large for {store}"),
    })
}

/// Checks that a decoded `envelope` is the one its row's key names: envelope `row` of
/// `cooperation` (for the database stores, whose key is beside the JSON). The reason names
/// the field.
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub(crate) fn check_key(
    cooperation: CooperationId,
    row: u64,
    envelope: &Envelope,
) -> Result<(), String> {
    if envelope.sequence != row {
        return Err(format!(
            "field `sequence`: {} in the row of sequence {row}",
            envelope.sequence
        ));
    }
    if envelope.cooperation_id != cooperation {
        return Err(format!(
            "field `cooperation_id`: {} in a row of another cooperation",
            envelope.cooperation_id
        ));
    }
    Ok(())
}

/// Why a stored envelope does not decode, naming the field when the schema is not met
/// (serde names a missing or unknown field itself, but not one of a wrong type).
pub(crate) fn decode_reason(text: &str, error: &DecodeError) -> String {
    let DecodeError::Schema(message) = error else {
        return error.to_string();
    };
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
        return error.to_string();
    };
    fn probe<T: DeserializeOwned>(map: &Map<String, Value>, field: &str) -> Option<String> {
        let value = map.get(field)?.clone();
        let error = serde_json::from_value::<T>(value).err()?;
        Some(format!("field `{field}`: {error}"))
    }
    use crate::law::RuleSetRef;
    use crate::lifecycle::{Command, Event};
    use crate::model::Actor;
    probe::<u32>(&map, "schema_version")
        .or_else(|| probe::<uuid::Uuid>(&map, "event_id"))
        .or_else(|| probe::<CooperationId>(&map, "cooperation_id"))
        .or_else(|| probe::<u64>(&map, "sequence"))
        .or_else(|| probe::<Actor>(&map, "actor"))
        .or_else(|| probe::<Command>(&map, "command"))
        .or_else(|| probe::<Vec<Event>>(&map, "events"))
        .or_else(|| probe::<chrono::NaiveDate>(&map, "occurred_on"))
        .or_else(|| probe::<chrono::DateTime<chrono::Utc>>(&map, "recorded_at"))
        .or_else(|| probe::<RuleSetRef>(&map, "rule_set"))
        .or_else(|| probe::<crate::law::PolicyValues>(&map, "policy"))
        .or_else(|| probe::<String>(&map, "prev_hash"))
        .or_else(|| probe::<String>(&map, "hash"))
        .map_or_else(
            || format!("does not fit the schema: {message}"),
            |reason| format!("does not fit the schema: {reason}"),
        )
}
