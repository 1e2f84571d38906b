//! The error of the builders ([`crate::lifecycle::CooperationSpec::builder`],
//! [`super::Document::kb`] and its siblings): what is missing or inconsistent, checked once
//! when `build()` is called.
//!
//! A builder checks the shape of the value only: required fields present, references to
//! parties that exist, dates in order. Whether the law accepts the value (a KB signed by
//! someone other than the head, a term longer than the policy allows) is decided when the
//! command is, with the rule and its citation.

use chrono::NaiveDate;

use super::party::PartyId;

/// Why a builder could not build its value, naming the field as `type.field`
/// (`spec.initiator`, `document.title`, `spec.funding[1].party`).
///
/// ```
/// use kerjasama::lifecycle::CooperationSpec;
/// use kerjasama::model::BuildError;
/// let missing = CooperationSpec::builder().title("Cadangan pangan").build().unwrap_err();
/// assert_eq!(missing, BuildError::Missing { field: "spec.id" });
/// assert_eq!(missing.field(), "spec.id");
/// assert_eq!(missing.to_string(), "`spec.id` is required (wajib diisi)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A required field was not set, or a required text is blank.
    #[error("`{field}` is required (wajib diisi)")]
    Missing {
        /// The field.
        field: &'static str,
    },
    /// The field names a party that is not one of the parties.
    #[error("`{field}`: {party} is not one of the parties (bukan pihak kerja sama)")]
    NotAParty {
        /// The field, e.g. `spec.initiator`.
        field: String,
        /// The party it names.
        party: PartyId,
    },
    /// A party is listed more than once.
    #[error("`{field}`: {party} is listed more than once (pihak ganda)")]
    DuplicateParty {
        /// The field of the second listing, e.g. `spec.parties[2]`.
        field: String,
        /// The party.
        party: PartyId,
    },
    /// A period ends before it starts.
    #[error(
        "`{field}`: ends on {ends_on}, before it starts on {starts_on} (berakhir sebelum dimulai)"
    )]
    EndsBeforeStart {
        /// The field, e.g. `document.term`.
        field: &'static str,
        /// Its first day.
        starts_on: NaiveDate,
        /// Its last day.
        ends_on: NaiveDate,
    },
    /// A date computed from the given values is outside the calendar.
    #[error("`{field}`: the date is outside the calendar (tanggal di luar kalender)")]
    OutOfRange {
        /// The field, e.g. `document.term`.
        field: &'static str,
    },
}

impl BuildError {
    /// The field the error is about.
    pub fn field(&self) -> &str {
        match self {
            BuildError::Missing { field }
            | BuildError::EndsBeforeStart { field, .. }
            | BuildError::OutOfRange { field } => field,
            BuildError::NotAParty { field, .. } | BuildError::DuplicateParty { field, .. } => field,
        }
    }
}

/// `Missing` unless `text` has a non-blank value.
pub(crate) fn required_text(
    text: Option<String>,
    field: &'static str,
) -> Result<String, BuildError> {
    match text {
        Some(text) if !text.trim().is_empty() => Ok(text),
        _ => Err(BuildError::Missing { field }),
    }
}
