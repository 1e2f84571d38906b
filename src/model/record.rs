//! Records kept along the procedure: mappings, feasibility studies, offers, criteria,
//! attestations, reviews, takeover preconditions and disputes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::affair::Urusan;
use super::document::Signatory;
use super::party::PartyId;
use super::region::KodeWilayah;

/// A region's mapping of government affairs (pemetaan urusan, KSD-WAJIB-01, KSD-PK-04 (a)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "AffairsMapping")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct AffairsMapping {
    /// The region mapping.
    pub region: KodeWilayah,
    /// Affairs mapped as cooperable.
    pub urusan: Vec<Urusan>,
    /// Potentials and characteristics found.
    #[serde(default)]
    pub potentials: Vec<String>,
    /// Needs (required for a region-initiated KSDPK, KSD-PK-04 (a)).
    #[serde(default)]
    pub needs: Vec<String>,
    /// When it was reported to Kemendagri (KSD-IMPL-07), if it was.
    #[serde(default)]
    pub reported_on: Option<NaiveDate>,
}
crate::serde_shape::map_shaped!(AffairsMapping);

impl AffairsMapping {
    /// A region's mapping of the affairs it can cooperate on; add what it found with the
    /// `with_*` methods.
    ///
    /// ```
    /// use kerjasama::model::{AffairsMapping, KodeWilayah, Urusan};
    /// let mapping = AffairsMapping::new(KodeWilayah::SIDRAP, [Urusan::LingkunganHidup])
    ///     .with_potentials(["timbulan sampah lintas batas"])
    ///     .with_needs(["TPA berstandar sanitary landfill"]);
    /// assert_eq!(mapping.needs.len(), 1);
    /// assert_eq!(mapping.reported_on, None);
    /// ```
    pub fn new(region: KodeWilayah, urusan: impl IntoIterator<Item = Urusan>) -> Self {
        AffairsMapping {
            region,
            urusan: urusan.into_iter().collect(),
            potentials: Vec::new(),
            needs: Vec::new(),
            reported_on: None,
        }
    }

    /// Adds potentials and characteristics found.
    pub fn with_potentials<T: Into<String>>(
        mut self,
        potentials: impl IntoIterator<Item = T>,
    ) -> Self {
        self.potentials
            .extend(potentials.into_iter().map(Into::into));
        self
    }

    /// Adds needs (required for a region-initiated KSDPK, KSD-PK-04 (a)).
    pub fn with_needs<T: Into<String>>(mut self, needs: impl IntoIterator<Item = T>) -> Self {
        self.needs.extend(needs.into_iter().map(Into::into));
        self
    }

    /// The date it was reported to Kemendagri (KSD-IMPL-07).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{AffairsMapping, KodeWilayah, Urusan};
    /// let on = NaiveDate::from_ymd_opt(2022, 10, 31).unwrap_or_default();
    /// let mapping = AffairsMapping::new(KodeWilayah::SIDRAP, [Urusan::Pangan]).with_reported_on(on);
    /// assert_eq!(mapping.reported_on, Some(on));
    /// ```
    #[must_use]
    pub fn with_reported_on(mut self, on: NaiveDate) -> Self {
        self.reported_on = Some(on);
        self
    }
}

/// Conclusion of a feasibility study (KSD-DOC-06 XIII).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Feasibility {
    /// Feasible.
    Feasible,
    /// Feasible with conditions.
    FeasibleWithConditions,
    /// Not feasible.
    NotFeasible,
}

/// A feasibility study (studi kelayakan, KSD-PK-04 (b), KSD-PK-06).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "FeasibilityStudy")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct FeasibilityStudy {
    /// Who prepared it: the region for a region initiative, the third party for its own.
    pub author: PartyId,
    /// Title.
    pub title: String,
    /// Date completed.
    pub completed_on: NaiveDate,
    /// Its conclusion.
    pub conclusion: Feasibility,
}
crate::serde_shape::map_shaped!(FeasibilityStudy);

impl FeasibilityStudy {
    /// A feasibility study by its author, title, completion date and conclusion.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{Feasibility, FeasibilityStudy, KodeWilayah};
    /// let on = NaiveDate::from_ymd_opt(2021, 8, 20).unwrap_or_default();
    /// let study = FeasibilityStudy::new(KodeWilayah::SIDRAP, "Studi kelayakan layanan rujukan", on, Feasibility::Feasible);
    /// assert_eq!(study.conclusion, Feasibility::Feasible);
    /// ```
    pub fn new(
        author: impl Into<PartyId>,
        title: impl Into<String>,
        completed_on: NaiveDate,
        conclusion: Feasibility,
    ) -> Self {
        FeasibilityStudy {
            author: author.into(),
            title: title.into(),
            completed_on,
            conclusion,
        }
    }
}

/// An offer letter (surat penawaran, stage b; KSD-STAGE-08).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "OfferLetter")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct OfferLetter {
    /// Its number.
    pub number: String,
    /// Who signed it (the head of region, KSD-KIND-02).
    pub signatory: Signatory,
    /// The terms of reference (KAK) are attached.
    pub kak_attached: bool,
    /// A draft KB is attached.
    #[serde(default)]
    pub draft_kb_attached: bool,
    /// Legacy (LEG-DOC-02): the cooperation plan with its cost-benefit analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<super::legacy::CooperationPlan>,
    /// Legacy (LEG-DOC-02): who the letter is copied to (tembusan).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copied_to: Vec<super::legacy::CopyRecipient>,
}
crate::serde_shape::map_shaped!(OfferLetter);

impl OfferLetter {
    /// An offer letter by its number and signatory, with nothing attached yet: say what is
    /// attached with [`OfferLetter::with_kak_attached`] and
    /// [`OfferLetter::with_draft_kb_attached`].
    ///
    /// ```
    /// use kerjasama::model::{KodeWilayah, OfferLetter, Signatory};
    /// let bupati = Signatory::head(KodeWilayah::SIDRAP, "H. Dollah Mando", "Bupati Sidenreng Rappang");
    /// let letter = OfferLetter::new("415/01/2024", bupati)
    ///     .with_kak_attached(true)
    ///     .with_draft_kb_attached(true);
    /// assert!(letter.kak_attached && letter.draft_kb_attached);
    /// ```
    pub fn new(number: impl Into<String>, signatory: Signatory) -> Self {
        OfferLetter {
            number: number.into(),
            signatory,
            kak_attached: false,
            draft_kb_attached: false,
            plan: None,
            copied_to: Vec::new(),
        }
    }

    /// Whether the terms of reference (KAK) are attached.
    #[must_use]
    pub fn with_kak_attached(mut self, attached: bool) -> Self {
        self.kak_attached = attached;
        self
    }

    /// Whether a draft KB is attached.
    #[must_use]
    pub fn with_draft_kb_attached(mut self, attached: bool) -> Self {
        self.draft_kb_attached = attached;
        self
    }

    /// Legacy (LEG-DOC-02): the cooperation plan the offer carries.
    ///
    /// ```
    /// use kerjasama::model::{CooperationPlan, CopyRecipient, KodeWilayah, OfferLetter, Signatory};
    /// let bupati = Signatory::head(KodeWilayah::SIDRAP, "Bupati (fiktif)", "Bupati Sidenreng Rappang");
    /// let letter = OfferLetter::new("415/01/2016", bupati)
    ///     .with_plan(CooperationPlan::new("analisis biaya-manfaat terlampir", "RPJMD misi 3"))
    ///     .with_copies([CopyRecipient::Dprd, CopyRecipient::Governor]);
    /// assert_eq!(letter.copied_to.len(), 2);
    /// ```
    #[must_use]
    pub fn with_plan(mut self, plan: super::legacy::CooperationPlan) -> Self {
        self.plan = Some(plan);
        self
    }

    /// Legacy (LEG-DOC-02): adds recipients of a copy of the letter.
    #[must_use]
    pub fn with_copies(
        mut self,
        recipients: impl IntoIterator<Item = super::legacy::CopyRecipient>,
    ) -> Self {
        self.copied_to.extend(recipients);
        self
    }
}

/// One criterion of KSD-PK-05 with its evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Criterion")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Criterion {
    /// Whether it is met.
    pub met: bool,
    /// The evidence.
    #[serde(default)]
    pub evidence: String,
}
crate::serde_shape::map_shaped!(Criterion);

impl Criterion {
    /// A criterion, met or not, with its evidence.
    ///
    /// ```
    /// use kerjasama::model::Criterion;
    /// let assessed = Criterion::new(false, "tidak ada dalam rencana induk");
    /// assert_eq!(assessed, Criterion::not_met("tidak ada dalam rencana induk"));
    /// ```
    pub fn new(met: bool, evidence: impl Into<String>) -> Self {
        Criterion {
            met,
            evidence: evidence.into(),
        }
    }

    /// A criterion that is met, with its evidence.
    ///
    /// ```
    /// use kerjasama::model::Criterion;
    /// assert!(Criterion::met("sesuai Ripparda 2020–2035").met);
    /// ```
    pub fn met(evidence: impl Into<String>) -> Self {
        Criterion::new(true, evidence)
    }

    /// A criterion that is not met, with the evidence.
    ///
    /// ```
    /// use kerjasama::model::Criterion;
    /// assert!(!Criterion::not_met("modal disetor belum cukup").met);
    /// ```
    pub fn not_met(evidence: impl Into<String>) -> Self {
        Criterion::new(false, evidence)
    }
}

/// The three criteria for a third-party initiative (KSD-PK-05, Pasal 18 ayat (1)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "InitiativeCriteria")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct InitiativeCriteria {
    /// (a) technically integrated with the sector's master plan (rencana induk).
    pub master_plan_integration: Criterion,
    /// (b) economically and financially feasible.
    pub economic_feasibility: Criterion,
    /// (c) the initiator can fund the cooperation.
    pub financial_capacity: Criterion,
}
crate::serde_shape::map_shaped!(InitiativeCriteria);

impl InitiativeCriteria {
    /// The three criteria of Pasal 18 ayat (1), in its order (a)–(c).
    ///
    /// ```
    /// use kerjasama::model::{Criterion, InitiativeCriteria};
    /// let criteria = InitiativeCriteria::new(
    ///     Criterion::met("sesuai Ripparda"),
    ///     Criterion::met("IRR 14 %"),
    ///     Criterion::not_met("modal disetor belum cukup"),
    /// );
    /// assert!(!criteria.financial_capacity.met);
    /// ```
    pub fn new(
        master_plan_integration: Criterion,
        economic_feasibility: Criterion,
        financial_capacity: Criterion,
    ) -> Self {
        InitiativeCriteria {
            master_plan_integration,
            economic_feasibility,
            financial_capacity,
        }
    }
}

/// Attestation that object and conduct are lawful (KSD-OBJ-04, Pasal 4 ayat (4)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "LawfulnessAttestation")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct LawfulnessAttestation {
    /// Who attests (e.g. the legal section, Bagian Hukum).
    pub attested_by: String,
    /// Statement: not contrary to morality, public order, national interest or law.
    pub statement: String,
}
crate::serde_shape::map_shaped!(LawfulnessAttestation);

impl LawfulnessAttestation {
    /// Who attests, and the statement.
    ///
    /// ```
    /// use kerjasama::model::LawfulnessAttestation;
    /// let attestation = LawfulnessAttestation::new(
    ///     "Bagian Hukum Setda Sidrap",
    ///     "tidak bertentangan dengan kesusilaan, ketertiban umum, kepentingan nasional, dan peraturan",
    /// );
    /// assert_eq!(attestation.attested_by, "Bagian Hukum Setda Sidrap");
    /// ```
    pub fn new(attested_by: impl Into<String>, statement: impl Into<String>) -> Self {
        LawfulnessAttestation {
            attested_by: attested_by.into(),
            statement: statement.into(),
        }
    }
}

/// Where a TKKSD review sits (KSD-STAGE-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReviewPoint {
    /// Before the offer (stage a) or a decision on a third party's proposal.
    Offer,
    /// Before signing the KB (stage c).
    KbSigning,
    /// Before signing a PKS (stage f).
    PksSigning,
}

/// A TKKSD recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Recommendation {
    /// Go ahead.
    Proceed,
    /// Revise first.
    Revise,
    /// Do not go ahead.
    Reject,
}

/// A TKKSD review (KSD-STAGE-04).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "TkksdReview")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct TkksdReview {
    /// Where it sits.
    pub point: ReviewPoint,
    /// Its recommendation.
    pub recommendation: Recommendation,
    /// Minutes reference (berita acara).
    #[serde(default)]
    pub minutes: String,
}
crate::serde_shape::map_shaped!(TkksdReview);

impl TkksdReview {
    /// A review at `point` with its recommendation; add the minutes with
    /// [`TkksdReview::with_minutes`].
    ///
    /// ```
    /// use kerjasama::model::{Recommendation, ReviewPoint, TkksdReview};
    /// let review = TkksdReview::new(ReviewPoint::KbSigning, Recommendation::Proceed)
    ///     .with_minutes("BA TKKSD 07/2024");
    /// assert_eq!(review.minutes, "BA TKKSD 07/2024");
    /// ```
    pub fn new(point: ReviewPoint, recommendation: Recommendation) -> Self {
        TkksdReview {
            point,
            recommendation,
            minutes: String::new(),
        }
    }

    /// The minutes reference (berita acara).
    #[must_use]
    pub fn with_minutes(mut self, minutes: impl Into<String>) -> Self {
        self.minutes = minutes.into();
        self
    }
}

/// A dated record with a reference, used for takeover preconditions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Record")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Record {
    /// Date.
    pub on: NaiveDate,
    /// Reference (letter, decree, minutes).
    pub reference: String,
    /// Who issued it (for a takeover precondition: the technical minister or the governor
    /// for guidance and the evaluation of obstacles, the Minister for the approval).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<super::actor::Role>,
}
crate::serde_shape::map_shaped!(Record);

impl Record {
    /// A dated record with its reference.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::Record;
    /// let on = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default();
    /// let guidance = Record::new(on, "Surat Gubernur 180/112/2024 (fiktif)");
    /// assert_eq!(guidance.on, on);
    /// ```
    pub fn new(on: NaiveDate, reference: impl Into<String>) -> Self {
        Record {
            on,
            reference: reference.into(),
            by: None,
        }
    }

    /// Records who issued it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{Record, Role};
    /// let on = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default();
    /// let approval = Record::new(on, "Persetujuan Mendagri (fiktif)").issued_by(Role::Minister);
    /// assert_eq!(approval.by, Some(Role::Minister));
    /// ```
    #[must_use]
    pub fn issued_by(mut self, role: super::actor::Role) -> Self {
        self.by = Some(role);
        self
    }
}

/// Who takes over an unperformed kerja sama wajib (KSD-ENF-01, -02).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TakeoverBy {
    /// The central government, for a province (Pasal 10 ayat (1)).
    CentralGovernment,
    /// The governor as GWPP, for a kab/kota (Pasal 10 ayat (2)).
    Governor,
}

/// A takeover decree with its preconditions (KSD-ENF-03, -04).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Takeover")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Takeover {
    /// The region that did not carry out the cooperation.
    pub defaulting_region: KodeWilayah,
    /// Who takes over.
    pub by: TakeoverBy,
    /// Guidance (pembinaan) given beforehand.
    #[serde(default)]
    pub guidance: Option<Record>,
    /// Evaluation of the obstacles.
    #[serde(default)]
    pub obstacle_evaluation: Option<Record>,
    /// The Minister's approval (governor takeover only).
    #[serde(default)]
    pub minister_approval: Option<Record>,
    /// Whose APBD bears the cost of running the taken-over affair (KSD-ENF-05: the region
    /// concerned).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costs_charged_to: Option<KodeWilayah>,
}
crate::serde_shape::map_shaped!(Takeover);

impl Takeover {
    /// A takeover of `defaulting_region`'s part by `by`; record its preconditions with the
    /// `with_*` methods (KSD-ENF-03, -04).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{KodeWilayah, Record, Takeover, TakeoverBy};
    /// let on = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap_or_default();
    /// let takeover = Takeover::new(KodeWilayah::SIDRAP, TakeoverBy::Governor)
    ///     .with_guidance(Record::new(on(3, 1), "pembinaan"))
    ///     .with_obstacle_evaluation(Record::new(on(4, 1), "evaluasi kendala"))
    ///     .with_minister_approval(Record::new(on(5, 2), "persetujuan Menteri"));
    /// assert!(takeover.minister_approval.is_some());
    /// ```
    pub fn new(defaulting_region: KodeWilayah, by: TakeoverBy) -> Self {
        Takeover {
            defaulting_region,
            by,
            guidance: None,
            obstacle_evaluation: None,
            minister_approval: None,
            costs_charged_to: None,
        }
    }

    /// Whose APBD bears the costs of the taken-over affair (KSD-ENF-05).
    #[must_use]
    pub fn with_costs_charged_to(mut self, region: KodeWilayah) -> Self {
        self.costs_charged_to = Some(region);
        self
    }

    /// The guidance (pembinaan) given beforehand.
    #[must_use]
    pub fn with_guidance(mut self, guidance: Record) -> Self {
        self.guidance = Some(guidance);
        self
    }

    /// The evaluation of the obstacles.
    #[must_use]
    pub fn with_obstacle_evaluation(mut self, evaluation: Record) -> Self {
        self.obstacle_evaluation = Some(evaluation);
        self
    }

    /// The Minister's approval (governor takeover only).
    #[must_use]
    pub fn with_minister_approval(mut self, approval: Record) -> Self {
        self.minister_approval = Some(approval);
        self
    }
}

/// Forum of a dispute (KSD-DISP-01, -02).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DisputeForum {
    /// KSDD: the rules on inter-regional disputes in government affairs (Pasal 8).
    InterRegionalRegime,
    /// KSDPK step 1: deliberation to consensus (musyawarah mufakat, Pasal 21).
    Musyawarah,
    /// KSDPK step 2: the dispute clause of the PKS (Pasal 21).
    ContractClause,
    // ---- legacy rule set (PP 50/2007 Pasal 14–16, LEG-DISP-01)
    /// Legacy: a Governor's decision, final and binding (PP 50/2007 Pasal 14 ayat (1) huruf b).
    GovernorDecision,
    /// Legacy: the Minister's decision, final and binding (PP 50/2007 Pasal 15 ayat (1) huruf b).
    MinisterDecision,
    /// Legacy: the law, when the PKS's dispute clause did not settle it (PP 50/2007 Pasal 16
    /// ayat (2)).
    PerLegislation,
}

/// The recommendation of an evaluation (KSD-IMPL-06).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvaluationOutcome {
    /// Continue as is (dilanjutkan).
    Continue,
    /// Amend (diubah, addendum).
    Amend,
    /// Extend (diperpanjang).
    Extend,
    /// Terminate (diakhiri).
    Terminate,
}

/// A problem found and its follow-up (permasalahan dan tindak lanjut).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "FollowUp")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct FollowUp {
    /// The problem.
    pub problem: String,
    /// What is to be done, by whom.
    pub follow_up: String,
}
crate::serde_shape::map_shaped!(FollowUp);

impl FollowUp {
    /// A problem and what is to be done about it.
    ///
    /// ```
    /// use kerjasama::model::FollowUp;
    /// let item = FollowUp::new("armada pengangkut kurang", "Dinas LH menambah dua truk");
    /// assert_eq!(item.problem, "armada pengangkut kurang");
    /// ```
    pub fn new(problem: impl Into<String>, follow_up: impl Into<String>) -> Self {
        FollowUp {
            problem: problem.into(),
            follow_up: follow_up.into(),
        }
    }
}

/// One party's compliance with its obligations.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "PartyCompliance")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct PartyCompliance {
    /// The party.
    pub party: PartyId,
    /// Whether it complied.
    pub compliant: bool,
    /// Notes.
    #[serde(default)]
    pub note: String,
}
crate::serde_shape::map_shaped!(PartyCompliance);

impl PartyCompliance {
    /// Whether `party` complied; add notes with [`PartyCompliance::with_note`].
    ///
    /// ```
    /// use kerjasama::model::{KodeWilayah, PartyCompliance};
    /// let late = PartyCompliance::new(KodeWilayah::SIDRAP, false).with_note("iuran triwulan II terlambat");
    /// assert!(!late.compliant);
    /// ```
    pub fn new(party: impl Into<PartyId>, compliant: bool) -> Self {
        PartyCompliance {
            party: party.into(),
            compliant,
            note: String::new(),
        }
    }

    /// Notes.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }
}

/// A user-defined weighted criterion (no official scoring instrument is known).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "WeightedCriterion")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct WeightedCriterion {
    /// What is scored.
    pub criterion: String,
    /// Weight, 0–100.
    pub weight: u32,
    /// Score, 0–100.
    pub score: u32,
}
crate::serde_shape::map_shaped!(WeightedCriterion);

impl WeightedCriterion {
    /// A criterion with its weight and score (each 0–100, checked when the evaluation is
    /// recorded, KSD-IMPL-06).
    ///
    /// ```
    /// use kerjasama::model::WeightedCriterion;
    /// let item = WeightedCriterion::new("ketepatan jadwal", 30, 80);
    /// assert_eq!((item.weight, item.score), (30, 80));
    /// ```
    pub fn new(criterion: impl Into<String>, weight: u32, score: u32) -> Self {
        WeightedCriterion {
            criterion: criterion.into(),
            weight,
            score,
        }
    }
}

/// An evaluation of a cooperation (evaluasi, KSD-IMPL-03, -06): the working model from
/// practice. The date of the evaluation is the command's `occurred_on`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Evaluation")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Evaluation {
    /// First day of the period evaluated.
    pub period_from: NaiveDate,
    /// Last day of the period evaluated.
    pub period_to: NaiveDate,
    /// Who evaluated (the OPD, its PPKSD).
    pub evaluator: String,
    /// Progress against the work plan.
    pub progress: String,
    /// Benefits realised.
    pub benefits: String,
    /// Problems and follow-up.
    #[serde(default)]
    pub problems: Vec<FollowUp>,
    /// Each party's compliance.
    #[serde(default)]
    pub compliance: Vec<PartyCompliance>,
    /// Financial realisation, if any.
    #[serde(default)]
    pub financial_realisation: Option<super::party::Rupiah>,
    /// Recommendation.
    pub recommendation: EvaluationOutcome,
    /// Optional weighted criteria.
    #[serde(default)]
    pub criteria: Vec<WeightedCriterion>,
    /// What the region received from a KSDPK in the period, and where it went (KSD-PK-07).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<ResultReceived>,
}
crate::serde_shape::map_shaped!(Evaluation);

/// The form of a result a region receives from a KSDPK (PP 28/2018 Pasal 20).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResultForm {
    /// Money (uang).
    Money,
    /// Goods (barang).
    Goods,
}

/// Where a result went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResultDestination {
    /// The regional treasury, as regional revenue (kas daerah).
    KasDaerah,
    /// Recorded as regional assets (barang milik daerah).
    RegionalAssets,
    /// Anywhere else (an OPD's account, a third party's custody…).
    Elsewhere,
}

/// A result of a KSDPK that is the region's: money or goods, its value and where it went
/// (KSD-PK-07).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ResultReceived")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct ResultReceived {
    /// Money or goods.
    pub form: ResultForm,
    /// Its value.
    pub value: super::party::Rupiah,
    /// Where it went.
    pub destination: ResultDestination,
    /// The receipt or asset record (e.g. a deposit slip number).
    #[serde(default)]
    pub reference: String,
}
crate::serde_shape::map_shaped!(ResultReceived);

impl ResultReceived {
    /// A result of `form` and `value` that went to `destination`.
    ///
    /// ```
    /// use kerjasama::model::{ResultDestination, ResultForm, ResultReceived, Rupiah};
    /// let fee = ResultReceived::new(ResultForm::Money, Rupiah(150_000_000), ResultDestination::KasDaerah)
    ///     .with_reference("STS 0112/2024");
    /// assert_eq!(fee.destination, ResultDestination::KasDaerah);
    /// ```
    pub fn new(
        form: ResultForm,
        value: super::party::Rupiah,
        destination: ResultDestination,
    ) -> Self {
        ResultReceived {
            form,
            value,
            destination,
            reference: String::new(),
        }
    }

    /// The receipt or asset record.
    #[must_use]
    pub fn with_reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = reference.into();
        self
    }
}

/// One party's consent to end the cooperation by agreement (KSD-TERM-01 ground (c)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Consent")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Consent {
    /// The party consenting.
    pub party: PartyId,
    /// Who consented for it (name and office).
    pub by: String,
    /// When.
    pub on: NaiveDate,
    /// The letter or minutes recording it.
    pub reference: String,
}
crate::serde_shape::map_shaped!(Consent);

impl Consent {
    /// `party`'s consent given by `by` on `on`, recorded in `reference`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{Consent, KodeWilayah};
    /// let on = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap_or_default();
    /// let consent = Consent::new(KodeWilayah::SIDRAP, "Bupati Sidenreng Rappang", on, "180/12/2025");
    /// assert_eq!(consent.on, on);
    /// ```
    pub fn new(
        party: impl Into<PartyId>,
        by: impl Into<String>,
        on: NaiveDate,
        reference: impl Into<String>,
    ) -> Self {
        Consent {
            party: party.into(),
            by: by.into(),
            on,
            reference: reference.into(),
        }
    }
}

/// A party's written notice that it ends the cooperation early (KSD-TERM-09; the legacy
/// analogy LEG-TERM-02).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "WrittenNotice")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct WrittenNotice {
    /// The party giving notice.
    pub party: PartyId,
    /// The letter.
    pub reference: String,
    /// When it was given.
    pub given_on: NaiveDate,
}
crate::serde_shape::map_shaped!(WrittenNotice);

impl WrittenNotice {
    /// `party`'s notice `reference` given on `given_on`.
    pub fn new(
        party: impl Into<PartyId>,
        reference: impl Into<String>,
        given_on: NaiveDate,
    ) -> Self {
        WrittenNotice {
            party: party.into(),
            reference: reference.into(),
            given_on,
        }
    }
}

impl Evaluation {
    /// An evaluation of the period `period_from`–`period_to` by `evaluator`, with its
    /// recommendation; add its findings with the `with_*` methods. Progress and benefits
    /// start empty: recorded so, the evaluation is refused as incomplete (KSD-IMPL-06).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{Evaluation, EvaluationOutcome, FollowUp, KodeWilayah, PartyCompliance, Rupiah, WeightedCriterion};
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    /// let evaluation = Evaluation::new(day(2024, 1, 1), day(2024, 6, 27), "PPKSD Dinas Lingkungan Hidup", EvaluationOutcome::Continue)
    ///     .with_progress("sesuai rencana kerja")
    ///     .with_benefits("sampah tiga daerah terangkut")
    ///     .with_problems([FollowUp::new("armada kurang", "tambah dua truk")])
    ///     .with_compliance([PartyCompliance::new(KodeWilayah::SIDRAP, true)])
    ///     .with_financial_realisation(Rupiah(750_000_000))
    ///     .with_criteria([WeightedCriterion::new("ketepatan jadwal", 30, 80)]);
    /// assert_eq!(evaluation.compliance.len(), 1);
    /// ```
    pub fn new(
        period_from: NaiveDate,
        period_to: NaiveDate,
        evaluator: impl Into<String>,
        recommendation: EvaluationOutcome,
    ) -> Self {
        Evaluation {
            period_from,
            period_to,
            evaluator: evaluator.into(),
            progress: String::new(),
            benefits: String::new(),
            problems: Vec::new(),
            compliance: Vec::new(),
            financial_realisation: None,
            recommendation,
            criteria: Vec::new(),
            results: Vec::new(),
        }
    }

    /// Progress against the work plan.
    #[must_use]
    pub fn with_progress(mut self, progress: impl Into<String>) -> Self {
        self.progress = progress.into();
        self
    }

    /// Benefits realised.
    #[must_use]
    pub fn with_benefits(mut self, benefits: impl Into<String>) -> Self {
        self.benefits = benefits.into();
        self
    }

    /// Adds problems and their follow-up.
    #[must_use]
    pub fn with_problems(mut self, problems: impl IntoIterator<Item = FollowUp>) -> Self {
        self.problems.extend(problems);
        self
    }

    /// Adds parties' compliance.
    #[must_use]
    pub fn with_compliance(
        mut self,
        compliance: impl IntoIterator<Item = PartyCompliance>,
    ) -> Self {
        self.compliance.extend(compliance);
        self
    }

    /// The financial realisation.
    #[must_use]
    pub fn with_financial_realisation(mut self, realised: super::party::Rupiah) -> Self {
        self.financial_realisation = Some(realised);
        self
    }

    /// Adds weighted criteria.
    #[must_use]
    pub fn with_criteria(mut self, criteria: impl IntoIterator<Item = WeightedCriterion>) -> Self {
        self.criteria.extend(criteria);
        self
    }
}
