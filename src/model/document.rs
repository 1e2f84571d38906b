//! Documents (KB, PKS, addenda, heads' agreements) and their signatories (KSD-DOC-01..08).

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::party::PartyId;

/// The caller's id of a document (e.g. its number in the home region's register).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentId(pub String);

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Document kinds (KSD-DOC-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// Kesepakatan bersama (KB), the MoU-level agreement (stage d).
    Kb,
    /// Perjanjian kerja sama (PKS), the implementing agreement (stage g).
    Pks,
    /// Addendum (perubahan) amending a KB or PKS (KSD-TERM-08).
    Addendum,
    /// Joint agreement of the heads on the coordination outcome (KSD-WAJIB-03).
    HeadsAgreement,
    /// Any other document.
    Other,
}

/// Capacity in which someone signs (KSD-DOC-07).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignatoryCapacity {
    /// Head of region (an acting head, Pj/Plt, counts: set `acting`).
    KepalaDaerah,
    /// Vice-head (wakil kepala daerah): not the head.
    WakilKepalaDaerah,
    /// Regional secretary (Sekda).
    Sekda,
    /// Assistant to the Sekda (asisten).
    Asisten,
    /// Head of an OPD (kepala dinas/badan).
    KepalaOpd,
    /// Any other official.
    OtherOfficial,
    /// A third party's authorised representative.
    ThirdPartyRepresentative,
}

/// A power of attorney from the head to sign the PKS (surat kuasa, KSD-KIND-03).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct SuratKuasa {
    /// Its number.
    pub number: String,
    /// Its date; must not be after the signing.
    pub date: NaiveDate,
}
crate::serde_shape::map_shaped!(SuratKuasa);

/// Someone who signed a document for a party.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Signatory {
    /// The party signed for.
    pub party: PartyId,
    /// Name.
    pub name: String,
    /// Office, e.g. `Bupati Sidenreng Rappang`.
    pub office: String,
    /// Capacity.
    pub capacity: SignatoryCapacity,
    /// An acting head (Penjabat/Plt): counts as the head (RULES.md §2).
    #[serde(default)]
    pub acting: bool,
    /// Power of attorney, when signing a PKS for the head.
    #[serde(default)]
    pub surat_kuasa: Option<SuratKuasa>,
    /// Third parties: the basis of authority (deed, appointment decree).
    #[serde(default)]
    pub authority_basis: Option<String>,
}
crate::serde_shape::map_shaped!(Signatory);

impl Signatory {
    /// The head of a region signing in person.
    pub fn head(
        party: impl Into<PartyId>,
        name: impl Into<String>,
        office: impl Into<String>,
    ) -> Self {
        Signatory {
            party: party.into(),
            name: name.into(),
            office: office.into(),
            capacity: SignatoryCapacity::KepalaDaerah,
            acting: false,
            surat_kuasa: None,
            authority_basis: None,
        }
    }
}

/// One party's number of a document in its own register (KSD-DOC-08): free text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct DocumentNumber {
    /// The party.
    pub party: PartyId,
    /// Its number, e.g. `075/13/PKS/B.PEM/VI/2016`.
    pub number: String,
}
crate::serde_shape::map_shaped!(DocumentNumber);

/// Clauses a document contains; KSD-DOC-02 names the four a KSDPK PKS needs at least.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Clause {
    /// (a) rights and obligations of the parties.
    RightsAndObligations,
    /// (b) the term (jangka waktu).
    Term,
    /// (c) dispute settlement (penyelesaian perselisihan).
    DisputeSettlement,
    /// (d) sanctions for a party that does not perform.
    Sanctions,
    /// Subject.
    Subject,
    /// Object.
    Object,
    /// Scope.
    Scope,
    /// Financing.
    Financing,
    /// Force majeure (keadaan memaksa).
    ForceMajeure,
    /// Termination.
    Termination,
    /// Amendment.
    Amendment,
}

/// A term: first and last day in force, both inclusive.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::model::Term;
/// let pks = Term::years(NaiveDate::from_ymd_opt(2023, 7, 3).unwrap(), 5).unwrap();
/// assert_eq!(pks.ends_on, NaiveDate::from_ymd_opt(2028, 7, 2).unwrap()); // D + 5 years − 1 day
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Term {
    /// First day in force.
    pub starts_on: NaiveDate,
    /// Last day in force.
    pub ends_on: NaiveDate,
}
crate::serde_shape::map_shaped!(Term);

impl Term {
    /// A term of `years` years from `starts_on`, ending the day before its anniversary:
    /// `starts_on + years − 1 day` (the RULES.md §13.2 convention). From 29 February the
    /// anniversary in a common year is 1 March, so the term ends on 28 February (never a
    /// silent clamp). `None` if the date overflows.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::Term;
    /// let leap = Term::years(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(), 1).unwrap();
    /// assert_eq!(leap.ends_on, NaiveDate::from_ymd_opt(2025, 2, 28).unwrap());
    /// ```
    pub fn years(starts_on: NaiveDate, years: u32) -> Option<Term> {
        let clamped = starts_on.checked_add_months(Months::new(years.checked_mul(12)?))?;
        let anniversary = if clamped.day() == starts_on.day() {
            clamped
        } else {
            clamped.succ_opt()?
        };
        Some(Term {
            starts_on,
            ends_on: anniversary.pred_opt()?,
        })
    }

    /// Whether the term lasts longer than `years` years under the same convention.
    pub fn exceeds_years(&self, years: u16) -> bool {
        match Term::years(self.starts_on, u32::from(years)) {
            Some(limit) => self.ends_on > limit.ends_on,
            None => false,
        }
    }

    /// Whether the term lasts at least `years` years.
    pub fn at_least_years(&self, years: u16) -> bool {
        match Term::years(self.starts_on, u32::from(years)) {
            Some(limit) => self.ends_on >= limit.ends_on,
            None => false,
        }
    }

    /// The length in whole years (rounded up), for messages.
    pub fn whole_years(&self) -> u32 {
        let mut years = 0;
        while let Some(limit) = Term::years(self.starts_on, years) {
            if limit.ends_on >= self.ends_on || years > 1000 {
                break;
            }
            years += 1;
        }
        years
    }
}

/// A signed document of a cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Document {
    /// The caller's id.
    pub id: DocumentId,
    /// Kind.
    pub kind: DocumentKind,
    /// Title.
    pub title: String,
    /// Date signed.
    pub signed_on: NaiveDate,
    /// Who signed, per party.
    pub signatories: Vec<Signatory>,
    /// Each party's number (KSD-DOC-08).
    #[serde(default)]
    pub numbers: Vec<DocumentNumber>,
    /// Term, for a KB or PKS.
    #[serde(default)]
    pub term: Option<Term>,
    /// For a PKS: the KB it implements (KSD-DOC-01).
    #[serde(default)]
    pub under_kb: Option<DocumentId>,
    /// The parties bound, if only some of the cooperation's parties are (empty = all).
    #[serde(default)]
    pub parties: Vec<PartyId>,
    /// Clauses it contains (KSD-DOC-02).
    #[serde(default)]
    pub clauses: BTreeSet<Clause>,
    /// For an addendum: the document it amends (KSD-TERM-08).
    #[serde(default)]
    pub amends: Option<DocumentId>,
}
crate::serde_shape::map_shaped!(Document);
