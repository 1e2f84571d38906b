//! Exit codes and the one-line failures of `ksd`.

use std::fmt;
use std::path::Path;

use kerjasama::Error;
use kerjasama::store::StoreError;

/// Done: the command did what was asked and found nothing at error level.
pub const SUCCESS: u8 = 0;
/// Done, and the answer is no: `apply` was refused by the law (the rejection is printed),
/// `replay` found a log that does not replay, `evaluate` found an error-level finding.
pub const FINDINGS: u8 = 1;
/// Invalid input: a file missing, empty, unreadable, malformed or not fitting its schema, an
/// unknown cooperation, a damaged store. Nothing was written.
pub const INVALID: u8 = 2;
/// The operation failed: writing the output or the store (I/O, database, read-only store,
/// other writers kept appending). Nothing was written, or the store refused the write whole.
pub const FAILURE: u8 = 3;
/// Usage: an unknown subcommand or flag, a bad value on the command line, flags that
/// contradict the input, a part of `ksd` that is not built. Nothing was read or written.
pub const USAGE: u8 = 64;

/// The exit codes as `--help` shows them.
pub const EXIT_CODES: &str = "\
Exit codes:
  0   success
  1   findings: the command was refused by the law (apply), a log does not replay (replay),
      an error-level finding (evaluate); the answer is printed on standard output
  2   invalid input: a file missing, empty, malformed or not fitting its schema, an unknown
      cooperation, a damaged store (the message names the file, line and column or field)
  3   failure: writing the output or the store failed (nothing partial is left behind)
  64  usage: bad flags or values, or a subcommand that is not built yet

Errors are one line on standard error: `ksd: FILE:LINE:COLUMN: what is wrong`.";

/// What kind of failure, which fixes the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// [`INVALID`].
    Invalid,
    /// [`FAILURE`].
    Failure,
    /// [`USAGE`].
    Usage,
}

/// A failure: its kind and its one-line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail {
    kind: Kind,
    message: String,
}

impl Fail {
    /// Invalid input.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(Kind::Invalid, message)
    }

    /// A failed operation.
    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(Kind::Failure, message)
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }

    fn new(kind: Kind, message: impl Into<String>) -> Self {
        // One line, whatever the source of the message.
        let message = message
            .into()
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Fail {
            kind,
            message: shorten(message),
        }
    }

    /// The exit code.
    pub fn code(&self) -> u8 {
        match self.kind {
            Kind::Invalid => INVALID,
            Kind::Failure => FAILURE,
            Kind::Usage => USAGE,
        }
    }
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The failure of a store operation on the store at `store`.
pub fn store_error(store: &Path, error: StoreError) -> Fail {
    match error {
        StoreError::Corrupt { file, line, reason } => {
            Fail::invalid(format!("{}:{line}: {reason}", file.display()))
        }
        StoreError::Invalid { .. } => Fail::invalid(format!("{}: {error}", store.display())),
        StoreError::Database(message) => {
            Fail::invalid(format!("{}: database: {message}", store.display()))
        }
        StoreError::Io { .. } | StoreError::ReadOnly { .. } | StoreError::Conflict { .. } => {
            Fail::failure(error.to_string())
        }
        // Both name the server already.
        StoreError::SchemaVersion { .. } => Fail::invalid(error.to_string()),
        StoreError::Unavailable { .. } => Fail::failure(error.to_string()),
        other => Fail::failure(format!("{}: {other}", store.display())),
    }
}

/// The failure of a ledger operation (a rejection is handled by the caller, not here).
/// `place` names an envelope of a log (its file and line in a JSON-lines store).
pub fn ledger_error(
    store: &Path,
    place: impl Fn(kerjasama::model::CooperationId, u64) -> String,
    error: Error,
) -> Fail {
    match error {
        Error::Store(error) => store_error(store, error),
        Error::NotFound(id) => Fail::invalid(format!(
            "{}: no cooperation {id} in this store",
            store.display()
        )),
        Error::Replay { cooperation, error } => Fail::invalid(format!(
            "{}: the stored log does not replay: {}",
            place(cooperation, error.sequence),
            error.problem
        )),
        Error::Conflict { .. } => Fail::failure(format!("{}: {error}", store.display())),
        Error::RuleSet(error) => Fail::invalid(error.to_string()),
        Error::InvalidInput { field, message } => {
            Fail::invalid(format!("field `{field}`: {message}"))
        }
        Error::Rejected(rejection) => Fail::invalid(rejection.to_string()),
        other => Fail::failure(other.to_string()),
    }
}

/// The longest message shown: a value quoted from a file (a megabyte-long string) is cut.
const MAX_MESSAGE_CHARS: usize = 600;

fn shorten(message: String) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}… (cut)", &message[..cut]),
        None => message,
    }
}
