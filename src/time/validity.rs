//! Validity as a derived view: whether a KB, a PKS or a whole cooperation is in force on a
//! date (KSD-IMPL-05). Nothing here is stored: every answer is a function of the state as of
//! the date ([`Cooperation::as_of`]) and the policy.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::{Period, Policy};
use crate::lifecycle::{Cooperation, EndGround, Stage};
use crate::model::{DocumentId, DocumentKind, Term};

/// Validity on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Validity")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "validity",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum Validity {
    /// Not in force yet (no document, or its term has not started).
    NotYetInForce,
    /// In force, outside the expiring-soon window.
    InForce,
    /// In force, inside the expiring-soon window (inclusive of its last day).
    ExpiringSoon {
        /// Days from the date to the last day in force.
        days_left: u32,
    },
    /// The term has passed: ended on ground (a) even if nobody recorded it (KSD-TERM-01).
    Expired,
    /// Ended early on a recorded ground other than expiry (KSD-TERM-01 (b)–(e), -02).
    Ended,
}
crate::serde_shape::map_shaped!(Validity);

impl Validity {
    /// Whether the document or cooperation binds on the date.
    pub fn is_in_force(self) -> bool {
        matches!(self, Validity::InForce | Validity::ExpiringSoon { .. })
    }
}

/// Validity of a term on `as_of` under the expiring-soon window.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::law::{MonthOverflow, Period};
/// use kerjasama::model::Term;
/// use kerjasama::time::{term_validity, Validity};
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Case C08: the PKS ends on 2024-11-14; on 2024-08-14 it has 92 days left.
/// let pks = Term { starts_on: day(2021, 11, 15), ends_on: day(2024, 11, 14) };
/// let as_of = day(2024, 8, 14);
/// assert_eq!(term_validity(&pks, as_of, Period::Days(90), MonthOverflow::NextDay), Validity::InForce);
/// assert_eq!(term_validity(&pks, as_of, Period::Months(3), MonthOverflow::NextDay),
///            Validity::ExpiringSoon { days_left: 92 });
/// ```
pub fn term_validity(
    term: &Term,
    as_of: NaiveDate,
    window: Period,
    overflow: crate::law::MonthOverflow,
) -> Validity {
    if as_of < term.starts_on {
        return Validity::NotYetInForce;
    }
    if as_of > term.ends_on {
        return Validity::Expired;
    }
    let days_left = u32::try_from((term.ends_on - as_of).num_days()).unwrap_or(u32::MAX);
    let window_end = window.after(as_of, overflow);
    match window_end {
        Some(last) if term.ends_on <= last => Validity::ExpiringSoon { days_left },
        _ => Validity::InForce,
    }
}

/// One document's validity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct DocumentValidity {
    /// The document.
    pub document: DocumentId,
    /// KB or PKS.
    pub kind: DocumentKind,
    /// Its term, if it states one.
    pub term: Option<Term>,
    /// Its validity (a document without a term is in force from its signing).
    pub validity: Validity,
}
crate::serde_shape::map_shaped!(DocumentValidity);

/// A cooperation's validity on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct CooperationValidity {
    /// The date asked about.
    pub as_of: NaiveDate,
    /// The cooperation as a whole: governed by its PKS (in force while one is), or by its KB
    /// alone before any PKS (`kb_only`).
    pub overall: Validity,
    /// The document whose end date governs, and that date.
    pub governing: Option<(DocumentId, NaiveDate)>,
    /// Whether only the KB is in force (no PKS signed yet).
    pub kb_only: bool,
    /// Days from `as_of` to the governing end date (negative once passed).
    pub days_left: Option<i64>,
    /// Each KB and PKS.
    pub documents: Vec<DocumentValidity>,
    /// The grounds it ended on, recorded or derived (term passed: ground (a)).
    pub end_grounds: Vec<EndGround>,
}
crate::serde_shape::map_shaped!(CooperationValidity);

fn document_validity(
    doc: &crate::model::Document,
    as_of: NaiveDate,
    policy: &Policy,
) -> DocumentValidity {
    DocumentValidity {
        document: doc.id.clone(),
        kind: doc.kind,
        term: doc.term,
        validity: validity_of(doc, as_of, policy),
    }
}

/// A document's validity alone (no copy of its id).
fn validity_of(doc: &crate::model::Document, as_of: NaiveDate, policy: &Policy) -> Validity {
    match &doc.term {
        Some(term) => term_validity(term, as_of, policy.expiring_soon, policy.month_overflow),
        None if as_of >= doc.signed_on => Validity::InForce,
        None => Validity::NotYetInForce,
    }
}

/// The validity of `coop` (its state as of `as_of`, see [`Cooperation::as_of`]) on `as_of`.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::law::RuleSet;
/// use kerjasama::time::{validity, Validity};
/// let as_of = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
/// let landfill = kerjasama::sample::c06_landfill().run(&RuleSet::current()).unwrap();
/// let view = validity(&landfill, as_of, &RuleSet::current().policy);
/// assert_eq!(view.overall, Validity::InForce);
/// assert_eq!(view.days_left, Some(1418)); // PKS to 2028-07-02
/// ```
pub fn validity(coop: &Cooperation, as_of: NaiveDate, policy: &Policy) -> CooperationValidity {
    // One vector for the KB and every PKS, the KB first.
    let mut documents = Vec::with_capacity(coop.pks().len() + usize::from(coop.kb().is_some()));
    documents.extend(coop.kb().map(|kb| document_validity(kb, as_of, policy)));
    let first_pks = documents.len();
    documents.extend(
        coop.pks()
            .iter()
            .map(|p| document_validity(p, as_of, policy)),
    );
    let pks = documents.get(first_pks..).unwrap_or_default();
    let kb_only = pks.is_empty() && first_pks > 0;
    let governing_doc = coop.governing_document();
    let governing = governing_doc.and_then(|doc| doc.term.map(|t| (doc.id.clone(), t.ends_on)));
    let governing_validity = governing_doc.map(|doc| validity_of(doc, as_of, policy));
    let mut end_grounds = coop.end_grounds().to_vec();
    let overall = if coop.stage() == Stage::Ended && !end_grounds.contains(&EndGround::TermExpired)
    {
        Validity::Ended
    } else if kb_only {
        governing_validity.unwrap_or(Validity::NotYetInForce)
    } else if pks.iter().any(|p| p.validity.is_in_force()) {
        governing_validity
            .filter(|v| v.is_in_force())
            .unwrap_or(Validity::InForce)
    } else if !pks.is_empty() && pks.iter().all(|p| p.validity == Validity::Expired) {
        Validity::Expired
    } else {
        Validity::NotYetInForce
    };
    if overall == Validity::Expired && end_grounds.is_empty() {
        end_grounds.push(EndGround::TermExpired);
    }
    CooperationValidity {
        as_of,
        overall,
        days_left: governing.as_ref().map(|(_, end)| (*end - as_of).num_days()),
        governing,
        kb_only,
        documents,
        end_grounds,
    }
}
