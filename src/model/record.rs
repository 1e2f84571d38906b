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
#[serde(remote = "Self", deny_unknown_fields)]
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

/// Conclusion of a feasibility study (KSD-DOC-06 XIII).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[serde(remote = "Self", deny_unknown_fields)]
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

/// An offer letter (surat penawaran, stage b; KSD-STAGE-08).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
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
}
crate::serde_shape::map_shaped!(OfferLetter);

/// One criterion of KSD-PK-05 with its evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Criterion {
    /// Whether it is met.
    pub met: bool,
    /// The evidence.
    #[serde(default)]
    pub evidence: String,
}
crate::serde_shape::map_shaped!(Criterion);

/// The three criteria for a third-party initiative (KSD-PK-05, Pasal 18 ayat (1)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct InitiativeCriteria {
    /// (a) technically integrated with the sector's master plan (rencana induk).
    pub master_plan_integration: Criterion,
    /// (b) economically and financially feasible.
    pub economic_feasibility: Criterion,
    /// (c) the initiator can fund the cooperation.
    pub financial_capacity: Criterion,
}
crate::serde_shape::map_shaped!(InitiativeCriteria);

/// Attestation that object and conduct are lawful (KSD-OBJ-04, Pasal 4 ayat (4)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct LawfulnessAttestation {
    /// Who attests (e.g. the legal section, Bagian Hukum).
    pub attested_by: String,
    /// Statement: not contrary to morality, public order, national interest or law.
    pub statement: String,
}
crate::serde_shape::map_shaped!(LawfulnessAttestation);

/// Where a TKKSD review sits (KSD-STAGE-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
#[serde(remote = "Self", deny_unknown_fields)]
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

/// A dated record with a reference, used for takeover preconditions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Record {
    /// Date.
    pub on: NaiveDate,
    /// Reference (letter, decree, minutes).
    pub reference: String,
}
crate::serde_shape::map_shaped!(Record);

/// Who takes over an unperformed kerja sama wajib (KSD-ENF-01, -02).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[serde(remote = "Self", deny_unknown_fields)]
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
}
crate::serde_shape::map_shaped!(Takeover);

/// Forum of a dispute (KSD-DISP-01, -02).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DisputeForum {
    /// KSDD: the rules on inter-regional disputes in government affairs (Pasal 8).
    InterRegionalRegime,
    /// KSDPK step 1: deliberation to consensus (musyawarah mufakat, Pasal 21).
    Musyawarah,
    /// KSDPK step 2: the dispute clause of the PKS (Pasal 21).
    ContractClause,
}

/// The recommendation of an evaluation (KSD-IMPL-06).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[serde(remote = "Self", deny_unknown_fields)]
pub struct FollowUp {
    /// The problem.
    pub problem: String,
    /// What is to be done, by whom.
    pub follow_up: String,
}
crate::serde_shape::map_shaped!(FollowUp);

/// One party's compliance with its obligations.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
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

/// A user-defined weighted criterion (no official scoring instrument is known).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct WeightedCriterion {
    /// What is scored.
    pub criterion: String,
    /// Weight, 0–100.
    pub weight: u32,
    /// Score, 0–100.
    pub score: u32,
}
crate::serde_shape::map_shaped!(WeightedCriterion);

/// An evaluation of a cooperation (evaluasi, KSD-IMPL-03, -06): the working model from
/// practice. The date of the evaluation is the command's `occurred_on`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
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
}
crate::serde_shape::map_shaped!(Evaluation);
