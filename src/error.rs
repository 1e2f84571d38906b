//! The crate-level error of [`crate::Ledger`]: one type whose variants say how to react.

use crate::audit::ReplayError;
use crate::law::RuleSetError;
use crate::lifecycle::Rejection;
use crate::model::CooperationId;
use crate::store::StoreError;

/// Why a ledger operation failed. Nothing was recorded when it fails.
///
/// How to react, by variant:
/// - [`Error::Rejected`]: the law (or the authority of the actor) refuses the command. A user
///   error: show the rejection (its rules, citations and missing steps); retrying the same
///   command gives the same answer.
/// - [`Error::Conflict`]: other writers kept appending to the same cooperation while this
///   one retried. Transient: retry later, or tell the user the record changed meanwhile.
/// - [`Error::NotFound`]: no cooperation has this id. A caller error.
/// - [`Error::Replay`]: the stored log does not replay (damaged or forged outside this
///   crate). Report it to a human; never retry or overwrite.
/// - [`Error::Store`]: the store failed; see [`StoreError`] (I/O and database errors may be
///   retried, `Corrupt` may not).
/// - [`Error::RuleSet`]: no rule set of this crate governs the date, or the log names a
///   version this crate does not know (a newer crate wrote it). Upgrade or correct the date.
/// - [`Error::InvalidInput`]: the call is inconsistent (e.g. registering a spec under
///   another id). Correct the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The command is refused.
    #[error(transparent)]
    Rejected(Box<Rejection>),
    /// The append kept conflicting with other writers.
    #[error(
        "cooperation {cooperation}: other writers appended first {attempts} times; retry later"
    )]
    Conflict {
        /// The cooperation.
        cooperation: CooperationId,
        /// How many times the ledger tried.
        attempts: u32,
    },
    /// No cooperation with this id.
    #[error("no cooperation {0} in the store (kerja sama tidak ditemukan)")]
    NotFound(CooperationId),
    /// The stored log does not replay.
    #[error("cooperation {cooperation}: the stored log does not replay: {error}")]
    Replay {
        /// The cooperation.
        cooperation: CooperationId,
        /// What is wrong, and where.
        error: ReplayError,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No rule set for the date, or an unknown version.
    #[error(transparent)]
    RuleSet(#[from] RuleSetError),
    /// The call is inconsistent.
    #[error("invalid input in `{field}`: {message}")]
    InvalidInput {
        /// The field.
        field: String,
        /// What is wrong.
        message: String,
    },
}

impl From<Rejection> for Error {
    fn from(rejection: Rejection) -> Self {
        Error::Rejected(Box::new(rejection))
    }
}

impl Error {
    /// The rejection, if the law refused the command.
    pub fn rejection(&self) -> Option<&Rejection> {
        match self {
            Error::Rejected(rejection) => Some(rejection),
            _ => None,
        }
    }
}
