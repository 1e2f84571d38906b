//! Documents (KB, PKS, addenda, heads' agreements) and their signatories (KSD-DOC-01..08).

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::build::BuildError;
use super::party::PartyId;

/// The caller's id of a document (e.g. its number in the home region's register).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct DocumentId(pub String);

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for DocumentId {
    fn from(id: &str) -> Self {
        DocumentId(id.to_owned())
    }
}

impl From<String> for DocumentId {
    fn from(id: String) -> Self {
        DocumentId(id)
    }
}

/// Document kinds (KSD-DOC-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "SuratKuasa")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct SuratKuasa {
    /// Its number.
    pub number: String,
    /// Its date; must not be after the signing.
    pub date: NaiveDate,
    /// Who granted it: the head of region, by name (PP 28/2018 Pasal 2 ayat (2), Pasal 13
    /// ayat (2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_by: Option<String>,
}
crate::serde_shape::map_shaped!(SuratKuasa);

impl SuratKuasa {
    /// A surat kuasa by its number and date (usually attached with
    /// [`Signatory::with_kuasa`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::SuratKuasa;
    /// let date = NaiveDate::from_ymd_opt(2023, 6, 26).unwrap_or_default();
    /// let kuasa = SuratKuasa::new("SK-01/2023", date);
    /// assert_eq!(kuasa.number, "SK-01/2023");
    /// ```
    pub fn new(number: impl Into<String>, date: NaiveDate) -> Self {
        SuratKuasa {
            number: number.into(),
            date,
            granted_by: None,
        }
    }

    /// Records who granted it: the head of region, by name.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::SuratKuasa;
    /// let date = NaiveDate::from_ymd_opt(2023, 6, 26).unwrap_or_default();
    /// let kuasa = SuratKuasa::new("SK-01/2023", date).granted_by("Bupati Sidenreng Rappang");
    /// assert_eq!(kuasa.granted_by.as_deref(), Some("Bupati Sidenreng Rappang"));
    /// ```
    #[must_use]
    pub fn granted_by(mut self, head: impl Into<String>) -> Self {
        self.granted_by = Some(head.into());
        self
    }
}

/// Someone who signed a document for a party.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Signatory")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
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
    /// The head of a region signing in person (capacity [`SignatoryCapacity::KepalaDaerah`]).
    ///
    /// ```
    /// use kerjasama::model::{KodeWilayah, Signatory, SignatoryCapacity};
    /// let bupati = Signatory::head(KodeWilayah::SIDRAP, "H. Dollah Mando", "Bupati Sidenreng Rappang");
    /// assert_eq!(bupati.capacity, SignatoryCapacity::KepalaDaerah);
    /// assert!(!bupati.acting && bupati.surat_kuasa.is_none());
    /// ```
    pub fn head(
        party: impl Into<PartyId>,
        name: impl Into<String>,
        office: impl Into<String>,
    ) -> Self {
        Signatory::official(party, name, office, SignatoryCapacity::KepalaDaerah)
    }

    /// An official of a party signing in `capacity` (a Sekda, an Asisten, the head of an OPD);
    /// add the power of attorney with [`Signatory::with_kuasa`] when signing for the head.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{KodeWilayah, Signatory, SignatoryCapacity};
    /// let on = NaiveDate::from_ymd_opt(2023, 6, 26).unwrap_or_default();
    /// let kadis = Signatory::official(
    ///     KodeWilayah::SIDRAP,
    ///     "Kepala Dinas Lingkungan Hidup (fiktif)",
    ///     "Kepala Dinas Lingkungan Hidup Kabupaten Sidenreng Rappang",
    ///     SignatoryCapacity::KepalaOpd,
    /// )
    /// .with_kuasa("SK-01/2023", on);
    /// assert_eq!(kadis.surat_kuasa.map(|k| k.number), Some("SK-01/2023".to_owned()));
    /// ```
    pub fn official(
        party: impl Into<PartyId>,
        name: impl Into<String>,
        office: impl Into<String>,
        capacity: SignatoryCapacity,
    ) -> Self {
        Signatory {
            party: party.into(),
            name: name.into(),
            office: office.into(),
            capacity,
            acting: false,
            surat_kuasa: None,
            authority_basis: None,
        }
    }

    /// A third party's authorised representative, with the basis of their authority (deed,
    /// appointment decree).
    ///
    /// ```
    /// use kerjasama::model::{PartyId, Signatory, SignatoryCapacity};
    /// let direktur = Signatory::representative(
    ///     PartyId::ThirdParty("pt-wisata".into()),
    ///     "Direktur Utama (fiktif)",
    ///     "Direktur Utama PT Wisata Danau Sidenreng",
    ///     "Akta pendirian dan SK pengangkatan direksi",
    /// );
    /// assert_eq!(direktur.capacity, SignatoryCapacity::ThirdPartyRepresentative);
    /// assert!(direktur.authority_basis.is_some());
    /// ```
    pub fn representative(
        party: impl Into<PartyId>,
        name: impl Into<String>,
        office: impl Into<String>,
        authority_basis: impl Into<String>,
    ) -> Self {
        Signatory {
            authority_basis: Some(authority_basis.into()),
            ..Signatory::official(
                party,
                name,
                office,
                SignatoryCapacity::ThirdPartyRepresentative,
            )
        }
    }

    /// The same signatory signing under a surat kuasa (number and date), as an official
    /// signs a PKS for the head (KSD-KIND-03). [`SuratKuasa`] records no grantor: the head
    /// of the signatory's party grants it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{KodeWilayah, Signatory, SignatoryCapacity, SuratKuasa};
    /// let on = NaiveDate::from_ymd_opt(2021, 11, 8).unwrap_or_default();
    /// let kadis = Signatory::official(KodeWilayah::SIDRAP, "Kepala Dinas Kesehatan (fiktif)",
    ///     "Kepala Dinas Kesehatan Kabupaten Sidenreng Rappang", SignatoryCapacity::KepalaOpd)
    ///     .with_kuasa("SK-11/2021", on);
    /// assert_eq!(kadis.surat_kuasa, Some(SuratKuasa::new("SK-11/2021", on)));
    /// ```
    #[must_use]
    pub fn with_kuasa(mut self, number: impl Into<String>, date: NaiveDate) -> Self {
        self.surat_kuasa = Some(SuratKuasa::new(number, date));
        self
    }

    /// Signing for the head under the surat kuasa `number` of `date`, granted by the head of
    /// region named `granted_by` (what PP 28/2018 Pasal 2 ayat (2) and Pasal 13 ayat (2) ask
    /// to be recorded from rule-set version 3 on).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{KodeWilayah, Signatory, SignatoryCapacity};
    /// let on = NaiveDate::from_ymd_opt(2023, 6, 26).unwrap_or_default();
    /// let kadis = Signatory::official(KodeWilayah::SIDRAP, "Kadis (fiktif)", "Kepala Dinas", SignatoryCapacity::KepalaOpd)
    ///     .with_kuasa_from("SK-01/2023", on, "Bupati Sidenreng Rappang");
    /// assert_eq!(kadis.surat_kuasa.and_then(|k| k.granted_by).as_deref(), Some("Bupati Sidenreng Rappang"));
    /// ```
    #[must_use]
    pub fn with_kuasa_from(
        mut self,
        number: impl Into<String>,
        date: NaiveDate,
        granted_by: impl Into<String>,
    ) -> Self {
        self.surat_kuasa = Some(SuratKuasa::new(number, date).granted_by(granted_by));
        self
    }

    /// The same signatory as an acting office holder (Penjabat/Plt): an acting head counts
    /// as the head (RULES.md §2).
    ///
    /// ```
    /// use kerjasama::model::{KodeWilayah, Signatory};
    /// let pj = Signatory::head(KodeWilayah::SIDRAP, "Pj Bupati (fiktif)", "Pj Bupati Sidenreng Rappang")
    ///     .as_acting();
    /// assert!(pj.acting);
    /// ```
    #[must_use]
    pub fn as_acting(mut self) -> Self {
        self.acting = true;
        self
    }
}

/// One party's number of a document in its own register (KSD-DOC-08): free text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "DocumentNumber")
)]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Term")
)]
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
///
/// Built with [`Document::kb`], [`Document::pks`], [`Document::heads_agreement`],
/// [`Document::addendum`] or [`Document::builder`] and the [`DocumentBuilder`] they return.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Document")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
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
    /// For a revised KB: the KB it replaces after a DPRD refusal (the earlier version stays
    /// in the record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<DocumentId>,
}
crate::serde_shape::map_shaped!(Document);

impl Document {
    /// A document of any kind (e.g. [`DocumentKind::Other`]); the kind-named constructors
    /// below are shorter for the four the procedure knows.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{Document, DocumentKind, KodeWilayah, Signatory};
    /// let on = NaiveDate::from_ymd_opt(2024, 1, 5).unwrap_or_default();
    /// let minutes = Document::builder(DocumentKind::Other, "BA-01/2024", on)
    ///     .title("Berita acara rapat koordinasi")
    ///     .signed_by(Signatory::head(KodeWilayah::SIDRAP, "Bupati (fiktif)", "Bupati Sidenreng Rappang"))
    ///     .build()?;
    /// assert_eq!(minutes.kind, DocumentKind::Other);
    /// # Ok::<(), kerjasama::model::BuildError>(())
    /// ```
    pub fn builder(
        kind: DocumentKind,
        id: impl Into<DocumentId>,
        signed_on: NaiveDate,
    ) -> DocumentBuilder {
        DocumentBuilder {
            document: Document {
                id: id.into(),
                kind,
                title: String::new(),
                signed_on,
                signatories: Vec::new(),
                numbers: Vec::new(),
                term: None,
                under_kb: None,
                parties: Vec::new(),
                clauses: BTreeSet::new(),
                amends: None,
                supersedes: None,
            },
            term_years: None,
        }
    }

    /// A kesepakatan bersama (KB, stage d).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{Document, DocumentKind, KodeWilayah, Signatory};
    /// let on = NaiveDate::from_ymd_opt(2023, 2, 15).unwrap_or_default();
    /// let sidrap = KodeWilayah::SIDRAP;
    /// let parepare: KodeWilayah = "73.72".parse()?;
    /// let kb = Document::kb("KB-TPA-2023", on)
    ///     .title("Kesepakatan Bersama TPA Regional")
    ///     .signed_by(Signatory::head(sidrap, "Bupati (fiktif)", "Bupati Sidenreng Rappang"))
    ///     .signed_by(Signatory::head(parepare, "Wali Kota (fiktif)", "Wali Kota Parepare"))
    ///     .number(sidrap, "KB-TPA-2023/1")
    ///     .number(parepare, "KB-TPA-2023/2")
    ///     .term_years(5)
    ///     .build()?;
    /// assert_eq!(kb.kind, DocumentKind::Kb);
    /// assert_eq!(kb.term.map(|t| t.ends_on), NaiveDate::from_ymd_opt(2028, 2, 14));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kb(id: impl Into<DocumentId>, signed_on: NaiveDate) -> DocumentBuilder {
        Document::builder(DocumentKind::Kb, id, signed_on)
    }

    /// A perjanjian kerja sama (PKS, stage g); name the KB it implements with
    /// [`DocumentBuilder::under_kb`] (KSD-DOC-01).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{Clause, Document, DocumentId, KodeWilayah, Signatory, SignatoryCapacity};
    /// let on = NaiveDate::from_ymd_opt(2023, 7, 3).unwrap_or_default();
    /// let kuasa_on = NaiveDate::from_ymd_opt(2023, 6, 26).unwrap_or_default();
    /// let kadis = Signatory::official(KodeWilayah::SIDRAP, "Kepala DLH (fiktif)",
    ///     "Kepala Dinas Lingkungan Hidup Kabupaten Sidenreng Rappang", SignatoryCapacity::KepalaOpd)
    ///     .with_kuasa("SK-01/2023", kuasa_on);
    /// let pks = Document::pks("PKS-TPA-2023", on)
    ///     .title("Perjanjian Kerja Sama Pengelolaan TPA Regional")
    ///     .signed_by(kadis)
    ///     .under_kb("KB-TPA-2023")
    ///     .clauses([Clause::RightsAndObligations, Clause::Term, Clause::DisputeSettlement])
    ///     .clause(Clause::Financing)
    ///     .term_years(5)
    ///     .build()?;
    /// assert_eq!(pks.under_kb, Some(DocumentId::from("KB-TPA-2023")));
    /// assert_eq!(pks.clauses.len(), 4);
    /// # Ok::<(), kerjasama::model::BuildError>(())
    /// ```
    pub fn pks(id: impl Into<DocumentId>, signed_on: NaiveDate) -> DocumentBuilder {
        Document::builder(DocumentKind::Pks, id, signed_on)
    }

    /// The heads' joint agreement on the outcome of the technical coordination of a kerja
    /// sama wajib (KSD-WAJIB-03).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{Document, DocumentKind, KodeWilayah, Signatory};
    /// let on = NaiveDate::from_ymd_opt(2023, 1, 12).unwrap_or_default();
    /// let agreement = Document::heads_agreement("HA-TPA-2023", on)
    ///     .title("Kesepakatan hasil koordinasi teknis")
    ///     .signed_by(Signatory::head(KodeWilayah::SIDRAP, "Bupati (fiktif)", "Bupati Sidenreng Rappang"))
    ///     .build()?;
    /// assert_eq!(agreement.kind, DocumentKind::HeadsAgreement);
    /// assert_eq!(agreement.term, None);
    /// # Ok::<(), kerjasama::model::BuildError>(())
    /// ```
    pub fn heads_agreement(id: impl Into<DocumentId>, signed_on: NaiveDate) -> DocumentBuilder {
        Document::builder(DocumentKind::HeadsAgreement, id, signed_on)
    }

    /// An addendum amending the KB or PKS `amends` (KSD-TERM-08).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{Document, DocumentId, KodeWilayah, Signatory};
    /// let on = NaiveDate::from_ymd_opt(2024, 9, 2).unwrap_or_default();
    /// let addendum = Document::addendum("ADD-01", on, "PKS-TPA-2023")
    ///     .title("Addendum I PKS TPA Regional")
    ///     .signed_by(Signatory::head(KodeWilayah::SIDRAP, "Bupati (fiktif)", "Bupati Sidenreng Rappang"))
    ///     .build()?;
    /// assert_eq!(addendum.amends, Some(DocumentId::from("PKS-TPA-2023")));
    /// # Ok::<(), kerjasama::model::BuildError>(())
    /// ```
    pub fn addendum(
        id: impl Into<DocumentId>,
        signed_on: NaiveDate,
        amends: impl Into<DocumentId>,
    ) -> DocumentBuilder {
        let mut builder = Document::builder(DocumentKind::Addendum, id, signed_on);
        builder.document.amends = Some(amends.into());
        builder
    }
}

/// Builds a [`Document`]: start from [`Document::kb`], [`Document::pks`],
/// [`Document::heads_agreement`], [`Document::addendum`] or [`Document::builder`], then
/// [`build`](DocumentBuilder::build), which checks the title, the signatories and the term.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::model::{BuildError, Document, KodeWilayah, Signatory};
/// let on = NaiveDate::from_ymd_opt(2024, 4, 3).unwrap_or_default();
/// let untitled = Document::kb("KB-PANGAN-2024", on)
///     .signed_by(Signatory::head(KodeWilayah::SIDRAP, "Bupati (fiktif)", "Bupati Sidenreng Rappang"))
///     .build();
/// assert_eq!(untitled, Err(BuildError::Missing { field: "document.title" }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a builder does nothing until `build()` is called"]
pub struct DocumentBuilder {
    document: Document,
    term_years: Option<u32>,
}

impl DocumentBuilder {
    /// The title (required, not blank).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.document.title = title.into();
        self
    }

    /// Adds a signatory (at least one is required); in the order the document lists them.
    pub fn signed_by(mut self, signatory: Signatory) -> Self {
        self.document.signatories.push(signatory);
        self
    }

    /// Adds signatories, in order.
    pub fn signatories(mut self, signatories: impl IntoIterator<Item = Signatory>) -> Self {
        self.document.signatories.extend(signatories);
        self
    }

    /// Adds one party's number of the document in its own register (KSD-DOC-08).
    pub fn number(mut self, party: impl Into<PartyId>, number: impl Into<String>) -> Self {
        self.document.numbers.push(DocumentNumber {
            party: party.into(),
            number: number.into(),
        });
        self
    }

    /// The term (first and last day in force), for a KB or PKS. Replaces a
    /// [`term_years`](DocumentBuilder::term_years).
    pub fn term(mut self, term: Term) -> Self {
        self.document.term = Some(term);
        self.term_years = None;
        self
    }

    /// A term of `years` years from the signing date ([`Term::years`]: it ends the day before
    /// the anniversary). Replaces a [`term`](DocumentBuilder::term).
    pub fn term_years(mut self, years: u32) -> Self {
        self.document.term = None;
        self.term_years = Some(years);
        self
    }

    /// For a PKS: the KB it implements (KSD-DOC-01).
    pub fn under_kb(mut self, kb: impl Into<DocumentId>) -> Self {
        self.document.under_kb = Some(kb.into());
        self
    }

    /// Adds a clause the document contains (KSD-DOC-02).
    pub fn clause(mut self, clause: Clause) -> Self {
        self.document.clauses.insert(clause);
        self
    }

    /// Adds clauses the document contains.
    pub fn clauses(mut self, clauses: impl IntoIterator<Item = Clause>) -> Self {
        self.document.clauses.extend(clauses);
        self
    }

    /// Adds parties bound by the document when only some of the cooperation's parties are
    /// (none given: all are).
    pub fn parties<P: Into<PartyId>>(mut self, parties: impl IntoIterator<Item = P>) -> Self {
        self.document
            .parties
            .extend(parties.into_iter().map(Into::into));
        self
    }

    /// The document as given, unchecked: for [`crate::sample::document`], whose callers
    /// build invalid documents on purpose to see the law refuse them.
    pub(crate) fn build_unchecked(self) -> Document {
        let DocumentBuilder {
            mut document,
            term_years,
        } = self;
        if let Some(years) = term_years {
            document.term = Term::years(document.signed_on, years);
        }
        document
    }

    /// The document, or the first field that is missing or inconsistent: a blank title
    /// (`document.title`), no signatory (`document.signatories`), a term that ends before it
    /// starts or past the calendar (`document.term`).
    pub fn build(self) -> Result<Document, BuildError> {
        let DocumentBuilder {
            mut document,
            term_years,
        } = self;
        if document.title.trim().is_empty() {
            return Err(BuildError::Missing {
                field: "document.title",
            });
        }
        if document.signatories.is_empty() {
            return Err(BuildError::Missing {
                field: "document.signatories",
            });
        }
        if let Some(years) = term_years {
            document.term = Some(Term::years(document.signed_on, years).ok_or(
                BuildError::OutOfRange {
                    field: "document.term",
                },
            )?);
        }
        if let Some(term) = document.term
            && term.ends_on < term.starts_on
        {
            return Err(BuildError::EndsBeforeStart {
                field: "document.term",
                starts_on: term.starts_on,
                ends_on: term.ends_on,
            });
        }
        Ok(document)
    }
}
