//! Findings: what a check found, as typed facts. The Indonesian and English messages are
//! rendered from them when read, never stored, so the wording can change without touching a
//! single stored byte.
//!
//! A variant, once released, is never removed or renamed: stored logs name it. New findings
//! are new variants.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::{Lang, Loc, WajibBorderRule};
use crate::model::{
    Clause, CoordinationLevel, CopyRecipient, DisputeForum, DocumentId, DocumentKind, KodeWilayah,
    KsddCategory, KsdpkType, LegacyDisputePairing, PartyId, ReviewPoint, TakeoverBy, WajibPairing,
};

use super::event::EndGround;
use crate::model::Role;

/// One of the three criteria of a third party's initiative (KSD-PK-05, Pasal 18 ayat (1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InitiativeCriterion {
    /// (a) technically integrated with the sector's master plan.
    MasterPlanIntegration,
    /// (b) economically and financially feasible.
    EconomicFeasibility,
    /// (c) the initiator's financial capacity.
    FinancialCapacity,
}

/// A precondition of a takeover (KSD-ENF-03, -04; Pasal 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TakeoverPrecondition {
    /// Guidance (pembinaan).
    Guidance,
    /// Evaluation of the obstacles (evaluasi kendala).
    ObstacleEvaluation,
    /// The Minister's approval (persetujuan Menteri), for a governor's takeover.
    MinisterApproval,
}

/// A part of an evaluation record (KSD-IMPL-06).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvaluationPart {
    /// Who evaluated.
    Evaluator,
    /// Progress against the work plan.
    Progress,
    /// Benefits realised.
    Benefits,
}

/// What a check found. Each variant is one kind of finding with its typed parameters; the
/// rule, severity and input field are on the [`super::Violation`] that carries it.
///
/// ```
/// use kerjasama::law::Lang;
/// use kerjasama::lifecycle::Finding;
/// let finding = Finding::TermExceedsLimit { years: 10, limit: 5 };
/// assert!(finding.text(Lang::Id).contains("10 tahun"));
/// assert!(finding.text(Lang::En).contains("10 years"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Finding")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "finding",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum Finding {
    // ---- kinds and objects (RULES.md §3)
    /// Foreign cooperation is out of scope (KSD-KIND-01).
    ForeignCooperationOutOfScope,
    /// A central agency was named as a party (KSD-KIND-04).
    CentralAgencyNotThirdParty {
        /// Its name.
        name: String,
    },
    /// A KSDD names neither wajib nor sukarela (KSD-KIND-06).
    KsddCategoryMissing,
    /// Fewer than two regions (KSD-KIND-07, -08).
    TooFewRegions {
        /// The KSDD category.
        category: KsddCategory,
        /// How many region parties there are.
        found: usize,
    },
    /// A third party in a KSDD (KSD-KIND-07, -08).
    ThirdPartyInKsdd,
    /// The affair has no cross-regional externalities (KSD-KIND-07).
    NoCrossBorderExternality,
    /// The rationale for joint efficiency is missing (KSD-KIND-07).
    NoJointEfficiencyRationale,
    /// The regions do not border each other (KSD-KIND-07).
    RegionsDoNotBorder {
        /// How bordering was read.
        reading: WajibBorderRule,
    },
    /// A pairing not allowed for a kerja sama wajib (KSD-KIND-09, -10).
    PairingNotAllowed {
        /// One region.
        a: KodeWilayah,
        /// The other.
        b: KodeWilayah,
        /// Their pairing.
        pairing: WajibPairing,
    },
    /// The offer letter is not signed for the initiating party (KSD-KIND-02).
    OfferNotForInitiator,
    /// A region's signatory is not its head (KSD-KIND-02).
    SignatoryNotHead {
        /// Name.
        name: String,
        /// Office.
        office: String,
    },
    /// The object is not a government affair (KSD-OBJ-01).
    ObjectNotGovernmentAffair,
    /// A priority object names no plan item (KSD-OBJ-02).
    PlanReferenceMissing,
    /// An object outside the plan has no allowed reason (KSD-OBJ-03).
    OffPlanWithoutReason,
    /// Lawfulness has not been attested (KSD-OBJ-04).
    LawfulnessNotAttested,

    // ---- third parties (RULES.md §3.4)
    /// A KSDPK without a third party (KSD-PK-01).
    NoThirdParty,
    /// A KSDPK without a region party (KSD-PK-01).
    NoRegionParty,
    /// Type (d) is not described (KSD-PK-02).
    OtherTypeUndescribed,
    /// Types (b)–(d) without their sectoral regime (KSD-PK-03).
    SectoralRegimeMissing {
        /// The type.
        ksdpk_type: KsdpkType,
    },
    /// A region-initiative mapping without needs (KSD-PK-04).
    MappingWithoutNeeds,
    /// A region-initiative study not prepared by the region (KSD-PK-04).
    StudyNotByRegion,
    /// No mapping with needs yet (KSD-PK-04).
    NoMappingWithNeeds,
    /// No study by the region yet (KSD-PK-04).
    NoRegionStudy,
    /// The criteria have not been assessed (KSD-PK-05).
    CriteriaNotAssessed,
    /// A criterion is not met with evidence (KSD-PK-05).
    CriterionNotMet {
        /// Which criterion.
        criterion: InitiativeCriterion,
    },
    /// A third-party initiative's study not prepared by the third party (KSD-PK-06).
    StudyNotByThirdParty,
    /// No study by the third party yet (KSD-PK-06).
    NoThirdPartyStudy,

    // ---- kerja sama wajib pre-stages (RULES.md §4.2)
    /// A region has not filed its mapping (KSD-WAJIB-01).
    MappingNotFiled {
        /// The region.
        region: KodeWilayah,
    },
    /// A mapping lists no affair (KSD-WAJIB-01).
    MappingWithoutAffairs,
    /// A mapping states no potential or characteristic (KSD-WAJIB-01).
    MappingWithoutPotentials,
    /// Technical coordination at the wrong level (KSD-WAJIB-02).
    WrongCoordinationLevel {
        /// The level the parties require.
        required: CoordinationLevel,
    },
    /// A head has not agreed the coordination outcome (KSD-WAJIB-03).
    HeadNotAgreed {
        /// The region.
        region: KodeWilayah,
    },

    // ---- stages (RULES.md §4)
    /// The PKS is not effective yet (KSD-STAGE-01).
    PksNotYetEffective {
        /// Its first day.
        starts_on: NaiveDate,
    },
    /// No PKS signed (KSD-STAGE-01).
    NoPksSigned,
    /// No TKKSD review at this point (KSD-STAGE-04).
    TkksdReviewMissing {
        /// The review point.
        point: ReviewPoint,
    },
    /// A PKS needs a KB first (KSD-STAGE-05).
    PksRequiresKb,
    /// The date precedes the regime (KSD-TRANS-01).
    BeforeRegime {
        /// The date of the decision.
        date: NaiveDate,
        /// The first day of the regime.
        effective_from: NaiveDate,
    },

    // ---- DPRD (RULES.md §5)
    /// DPRD approval before the KB (KSD-DPRD-03).
    DprdBeforeKb,
    /// This DPRD has already decided (KSD-DPRD-01).
    DprdAlreadyDecided,
    /// A region's gate has not been assessed (KSD-DPRD-01, -02).
    GateNotAssessed {
        /// The region.
        region: KodeWilayah,
    },
    /// No region needs DPRD approval (KSD-DPRD-01, -02).
    NoDprdApprovalNeeded,
    /// A region's DPRD approval is still required (KSD-DPRD-01, -02).
    DprdApprovalRequired {
        /// The region.
        region: KodeWilayah,
    },

    // ---- documents (RULES.md §6)
    /// The document is of another kind (KSD-DOC-01, KSD-WAJIB-03, KSD-TERM-08).
    WrongDocumentKind {
        /// The kind required.
        expected: DocumentKind,
    },
    /// A second KB (KSD-DOC-01).
    SecondKb,
    /// The PKS does not refer to this cooperation's KB (KSD-DOC-01).
    PksNotUnderKb,
    /// The PKS is already recorded (KSD-DOC-01).
    PksAlreadyRecorded,
    /// A clause is missing (KSD-DOC-02, -03).
    ClauseMissing {
        /// The clause.
        clause: Clause,
    },
    /// A party has not signed (KSD-DOC-07).
    NotSigned {
        /// The party.
        party: PartyId,
    },
    /// A third party's signatory without a basis of authority (KSD-DOC-07).
    ThirdPartySignatoryWithoutAuthority {
        /// Name.
        name: String,
    },
    /// A KB signed by someone other than the head (KSD-DOC-07).
    KbSignedByNonHead {
        /// Name.
        name: String,
        /// Office.
        office: String,
    },
    /// A KB signed under a surat kuasa (KSD-KIND-03).
    KbSignedUnderKuasa {
        /// Name.
        name: String,
    },
    /// A PKS signatory who is not the head and holds no surat kuasa (KSD-KIND-03).
    NotHeadWithoutKuasa {
        /// Name.
        name: String,
        /// Office.
        office: String,
    },

    // ---- duration, ending, evaluation (RULES.md §7, §8)
    /// A ground only a KSDPK may end on (KSD-TERM-02).
    GroundOnlyForKsdpk {
        /// The ground.
        ground: EndGround,
    },
    /// Already ended on another ground (KSD-TERM-01).
    AlreadyEndedOtherwise,
    /// The term has not run out (KSD-TERM-01).
    TermRunsUntil {
        /// Its last day.
        ends_on: NaiveDate,
    },
    /// No PKS states a term (KSD-TERM-01).
    NoTermStated,
    /// A term longer than the limit (KSD-TERM-05, -07).
    TermExceedsLimit {
        /// The term in whole years.
        years: u32,
        /// The limit in years.
        limit: u16,
    },
    /// Extension of a cooperation that ended otherwise than by expiry (KSD-TERM-06).
    ExtensionAfterOtherEnding,
    /// Extension started after the lead time (KSD-TERM-06).
    ExtensionLate {
        /// The latest day it should have started.
        latest: NaiveDate,
        /// The end of the term.
        ends_on: NaiveDate,
    },
    /// An addendum that names no document of this cooperation (KSD-TERM-08).
    AddendumWithoutTarget,
    /// A leadership change recorded for a third party (KSD-TERM-03).
    LeadershipChangeOfThirdParty,
    /// A leadership change that names no new office holder (KSD-TERM-03).
    NewOfficeHolderMissing,
    /// A part of the evaluation record is empty (KSD-IMPL-06).
    EvaluationPartMissing {
        /// The part.
        part: EvaluationPart,
    },
    /// A party's compliance was not assessed (KSD-IMPL-06).
    ComplianceNotAssessed {
        /// The party.
        party: PartyId,
    },

    // ---- wajib enforcement and disputes (RULES.md §9, §10)
    /// A province's affair is taken over by the centre (KSD-ENF-01).
    ProvinceTakenOverByCentre,
    /// A kab/kota's affair is taken over by the governor (KSD-ENF-02).
    KabKotaTakenOverByGovernor,
    /// A takeover precondition is missing (KSD-ENF-03, -04).
    TakeoverPreconditionMissing {
        /// Who takes over.
        by: TakeoverBy,
        /// The precondition.
        precondition: TakeoverPrecondition,
    },
    /// The cooperation is not continuous (KSD-ENF-08).
    NotContinuous,
    /// At most two regions and two objects (KSD-ENF-08).
    NotComplex,
    /// A term under five years (KSD-ENF-08).
    TermUnderFiveYears,
    /// A KSDD dispute outside the inter-regional regime (KSD-DISP-01).
    KsddDisputeForum,
    /// Musyawarah comes first (KSD-DISP-02).
    MusyawarahFirst,
    /// No dispute-settlement clause (KSD-DISP-02).
    NoDisputeClause,
    /// A KSDPK dispute outside musyawarah and the PKS clause (KSD-DISP-02).
    KsdpkDisputeForum,

    // ---- version 3 of the current rule set (the exits, signatories, later PKS)
    /// The offer letter is not signed by the head of region (KSD-STAGE-08).
    OfferLetterNotSignedByHead {
        /// Name.
        name: String,
        /// Office.
        office: String,
    },
    /// A surat kuasa that names no grantor (KSD-KIND-03).
    KuasaWithoutGrantor {
        /// The holder's name.
        name: String,
    },
    /// A surat kuasa held by someone who is not an official of the perangkat daerah
    /// (KSD-KIND-03).
    KuasaHolderNotOfficial {
        /// Name.
        name: String,
        /// Office.
        office: String,
    },
    /// A revised KB that does not name the KB it replaces (KSD-DOC-01).
    KbRevisionNotLinked {
        /// The KB it should replace.
        superseded: crate::model::DocumentId,
    },
    /// Ground (c) without a party's consent (KSD-TERM-01).
    ConsentMissing {
        /// The party.
        party: PartyId,
    },
    /// A ground of (d)–(g) without its evidence (KSD-TERM-01, -02).
    EvidenceMissing {
        /// The ground.
        ground: EndGround,
    },
    /// Early termination by one party, which the policy does not allow (KSD-TERM-09).
    UnilateralNotSupported,
    /// A written notice shorter than the policy's (KSD-TERM-09).
    NoticeTooShort {
        /// When it was given.
        given_on: NaiveDate,
        /// The earliest end it allows.
        earliest_end: NaiveDate,
    },
    /// A takeover precondition dated after the takeover (KSD-ENF-03, -04).
    PreconditionAfterTakeover {
        /// The precondition.
        precondition: TakeoverPrecondition,
    },
    /// A takeover precondition dated before the stage it concerns (KSD-ENF-03, -04).
    PreconditionBeforeStage {
        /// The precondition.
        precondition: TakeoverPrecondition,
        /// When the stage it concerns began.
        stage_entered: NaiveDate,
    },
    /// Takeover preconditions out of order (KSD-ENF-03, -04).
    PreconditionsOutOfOrder {
        /// The one that should come first.
        earlier: TakeoverPrecondition,
        /// The one dated before it.
        later: TakeoverPrecondition,
    },
    /// A takeover precondition that names no issuer (KSD-ENF-03, -04).
    PreconditionIssuerMissing {
        /// The precondition.
        precondition: TakeoverPrecondition,
    },
    /// A takeover precondition issued by someone without the authority (KSD-ENF-03, -04).
    PreconditionIssuerNotAuthorised {
        /// The precondition.
        precondition: TakeoverPrecondition,
        /// Who issued it.
        issuer: Role,
    },
    /// A takeover that does not say whose APBD bears its costs (KSD-ENF-05).
    TakeoverCostsNotCharged,
    /// A takeover whose costs are charged to another region (KSD-ENF-05).
    TakeoverCostsChargedElsewhere {
        /// The region named.
        region: KodeWilayah,
    },
    /// Funding aid from the APBN for a cooperation that is not a kerja sama wajib
    /// (KSD-ENF-07).
    ApbnAidNotWajib {
        /// The party funded.
        party: PartyId,
    },
    /// A KSDPK result of the region that did not go to the kas daerah or regional assets
    /// (KSD-PK-07).
    ResultNotToTreasury {
        /// Money or goods.
        form: crate::model::ResultForm,
    },
    /// A later PKS signed without its own drafting (KSD-STAGE-01).
    LaterPksNotDrafted,
    /// Drafting of a later PKS started twice (KSD-STAGE-01).
    PksDraftingAlreadyStarted,
    /// A DPRD decides on a later PKS not submitted to it (KSD-DPRD-01).
    LaterRoundNotSubmitted,
    /// A special-autonomy override for a province PP 28/2018 Pasal 47 does not name
    /// (KSD-KIND-05).
    NotSpecialAutonomy {
        /// The province.
        province: KodeWilayah,
    },
    /// A later PKS's gate that names no fiscal year (KSD-DPRD-01 flag B).
    FiscalYearMissing {
        /// The region.
        region: KodeWilayah,
    },
    // ---- legacy rule set (PP 50/2007, Permendagri 22/2009; RULES.md §11) and the
    // transition rules KSD-TRANS-01/-03 as the legacy set applies them
    /// The date precedes PP 50/2007, in force from 22 August 2007 (KSD-TRANS-01).
    BeforeLegacyRegime {
        /// The date of the decision.
        date: NaiveDate,
        /// The first day of the legacy regime.
        effective_from: NaiveDate,
    },
    /// A legacy KSDD records a wajib/sukarela category, which only PP 28/2018 knows
    /// (KSD-TRANS-01).
    LegacyCategoryRecorded {
        /// The category recorded.
        category: KsddCategory,
    },
    /// A legacy cooperation between regions with fewer than two regions (KSD-TRANS-01).
    LegacyTooFewRegions {
        /// How many region parties there are.
        found: usize,
    },
    /// A legacy cooperation with a third party names none (KSD-TRANS-01).
    LegacyNoThirdParty,
    /// A KB or PKS signed on or after 13 July 2018 is governed by PP 28/2018 (KSD-TRANS-01).
    SignedUnderCurrentRegime {
        /// The document's kind.
        kind: DocumentKind,
        /// Its signing date.
        signed_on: NaiveDate,
    },
    /// A pre-2018 contract with the central government continues as synergy (KSD-TRANS-03).
    CentralContractContinuesAsSynergy {
        /// The ministry or agency.
        name: String,
    },
    /// Legacy: this region's plan needs no DPRD approval (LEG-DPRD-01).
    LegacyDprdNotRequired {
        /// The region.
        region: KodeWilayah,
    },
    /// Legacy: the draft was not submitted to this region's DPRD (LEG-DPRD-02).
    LegacyDraftNotSubmitted {
        /// The region.
        region: KodeWilayah,
    },
    /// Legacy: the draft is already before this region's DPRD (LEG-DPRD-02).
    LegacyDraftAlreadySubmitted {
        /// The region.
        region: KodeWilayah,
        /// The day the DPRD received it.
        received_on: NaiveDate,
    },
    /// Legacy: the DPRD's opinion came after its 15 working days (LEG-DPRD-02).
    LegacyOpinionLate {
        /// The region.
        region: KodeWilayah,
        /// The day the DPRD received the draft.
        received_on: NaiveDate,
        /// The 15th working day after it.
        deadline: NaiveDate,
    },
    /// Legacy: the DPRD already gave its opinion (LEG-DPRD-02).
    LegacyOpinionAlreadyGiven {
        /// The region.
        region: KodeWilayah,
        /// The day of the opinion.
        opinion_on: NaiveDate,
    },
    /// Legacy: a resubmission with no opinion of the DPRD to answer (LEG-DPRD-02).
    LegacyNoOpinion {
        /// The region.
        region: KodeWilayah,
    },
    /// Legacy: the head resubmitted after the 14 working days (LEG-DPRD-02).
    LegacyResubmissionLate {
        /// The region.
        region: KodeWilayah,
        /// The day of the DPRD's opinion.
        opinion_on: NaiveDate,
        /// The 14th working day after it.
        deadline: NaiveDate,
    },
    /// Legacy: the revised draft was already resubmitted (LEG-DPRD-02).
    LegacyAlreadyResubmitted {
        /// The region.
        region: KodeWilayah,
        /// The day of the resubmission.
        resubmitted_on: NaiveDate,
    },
    /// Legacy: no resubmission, so no approval is deemed (LEG-DPRD-02).
    LegacyNotResubmitted {
        /// The region.
        region: KodeWilayah,
    },
    /// Legacy: a deemed approval recorded before it arises (LEG-DPRD-02).
    LegacyDeemedApprovalEarly {
        /// The region.
        region: KodeWilayah,
        /// The day the DPRD received the resubmission.
        resubmitted_on: NaiveDate,
        /// The 15th working day after it, the DPRD's last day.
        deadline: NaiveDate,
    },
    /// Legacy: the DPRD assessed the draft after its 45 working days (LEG-DPRD-02): a late
    /// fact, nothing is deemed.
    LegacyAssessmentLate {
        /// The region.
        region: KodeWilayah,
        /// The day the DPRD received the draft.
        received_on: NaiveDate,
        /// The 45th working day after it.
        deadline: NaiveDate,
    },
    /// Legacy: the working days around a date are not known to the calendar (LEG-DPRD-02).
    LegacyDateOutsideCalendar {
        /// The date asked about.
        date: NaiveDate,
        /// First day the calendar covers.
        first: NaiveDate,
        /// Last day the calendar covers.
        last: NaiveDate,
    },
    /// Legacy: a copy of a signed PKS has not been sent (LEG-DPRD-03).
    LegacyCopyNotSent {
        /// The region that owes it.
        region: KodeWilayah,
        /// The PKS.
        document: DocumentId,
        /// Who has not received it.
        recipient: CopyRecipient,
    },
    /// Legacy: copies recorded of a document that is no signed PKS here (LEG-DPRD-03).
    LegacyCopiesOfUnknownDocument {
        /// The document named.
        document: DocumentId,
    },
    /// Legacy: copies recorded with no recipient (LEG-DPRD-03).
    LegacyNoCopyRecipient,
    /// Legacy: the offer carries no cooperation plan (LEG-DOC-02).
    LegacyPlanMissing,
    /// Legacy: the plan has no cost-benefit analysis (LEG-DOC-02).
    LegacyCostBenefitMissing,
    /// Legacy: the plan names no RPJMD/RKPD priority (LEG-DOC-02).
    LegacyPlanPriorityMissing,
    /// Legacy: the offer letter is not copied to a recipient its level requires (LEG-DOC-02).
    LegacyOfferCopyMissing {
        /// The recipient.
        recipient: CopyRecipient,
    },
    /// Legacy: a dispute forum the pairing does not allow (LEG-DISP-01).
    LegacyDisputeForum {
        /// The forum asked for.
        forum: DisputeForum,
        /// The pairing of the parties.
        pairing: LegacyDisputePairing,
    },
    /// Legacy: the law settles a dispute with a third party only after the PKS's clause did
    /// not (LEG-DISP-01).
    LegacyLawBeforeClause,
    /// Legacy: an amendment signed below the level of the document it amends (LEG-AMD-01).
    LegacyAmendmentBelowLevel {
        /// Name.
        name: String,
        /// Office.
        office: String,
        /// The kind of the document amended.
        amended: DocumentKind,
    },
    /// Legacy: a ground that is not one of the nine of PP 50/2007 Pasal 18 (LEG-TERM-01).
    LegacyGroundNotInPp50 {
        /// The ground.
        ground: EndGround,
    },
    /// A ground only the legacy rule set knows, refused by the current one (KSD-TERM-01).
    GroundOnlyForLegacy {
        /// The ground.
        ground: EndGround,
    },
    /// Legacy: an early termination goes by written notice (LEG-TERM-02).
    LegacyEarlyTerminationNeedsNotice,
    /// Legacy: the written notice has no reference (LEG-TERM-02).
    LegacyNoticeWithoutReference,
    /// Legacy: the requesting party does not accept the risks (LEG-TERM-02).
    LegacyRequesterBearsRisks,
    /// Legacy: the notice does not say how the work on the object is completed (LEG-TERM-02).
    LegacyObjectCompletionUnstated,
    /// Legacy: a cooperation body needs a continuous cooperation or one of at least five
    /// years (LEG-INST-01).
    LegacyBodyNotContinuousOrFiveYears,
    /// Legacy: the joint decision is signed by someone other than a head (LEG-INST-01).
    LegacyBodyDecisionNotByHead {
        /// Name.
        name: String,
        /// Office.
        office: String,
    },

    // ---- upcast
    /// A finding stored by schema 1 of the audit log, which kept rendered text instead of
    /// facts; produced only by upcasting such a log, and shown verbatim.
    RecordedText {
        /// The Indonesian text as stored.
        id: String,
        /// The English text as stored.
        en: String,
    },
}
crate::serde_shape::map_shaped!(Finding);

impl Finding {
    /// The narrower place of PP 28/2018 this finding concerns, where the rule cites a range
    /// (KSD-ENF-08 cites Pasal 7; not being continuous is Pasal 7 ayat (2) huruf a).
    pub(crate) fn place(&self) -> Option<Loc> {
        use Finding as F;
        let letter = |c: Clause| match c {
            Clause::RightsAndObligations => Some("a"),
            Clause::Term => Some("b"),
            Clause::DisputeSettlement => Some("c"),
            Clause::Sanctions => Some("d"),
            _ => None,
        };
        Some(match self {
            F::NotContinuous => Loc::ayat("7", "2").huruf("a"),
            F::NotComplex => Loc::ayat("7", "2").huruf("b").penjelasan(),
            F::TermUnderFiveYears => Loc::ayat("7", "2").huruf("c"),
            F::CriterionNotMet { criterion } => Loc::ayat("18", "1").huruf(match criterion {
                InitiativeCriterion::MasterPlanIntegration => "a",
                InitiativeCriterion::EconomicFeasibility => "b",
                _ => "c",
            }),
            F::TakeoverPreconditionMissing { by, precondition } => {
                let ayat = match by {
                    TakeoverBy::CentralGovernment => "1",
                    _ => "2",
                };
                Loc::ayat("11", ayat).huruf(match precondition {
                    TakeoverPrecondition::Guidance => "a",
                    TakeoverPrecondition::ObstacleEvaluation => "b",
                    _ => "c",
                })
            }
            F::ClauseMissing { clause } => Loc::ayat("19", "2").huruf(letter(*clause)?),
            _ => return None,
        })
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let (id, en) = self.texts();
        lang.pick(id, en)
    }

    /// The message in Indonesian and in English.
    pub fn texts(&self) -> (String, String) {
        use Finding as F;
        let fixed = |id: &str, en: &str| (id.to_owned(), en.to_owned());
        match self {
            F::ForeignCooperationOutOfScope => fixed(
                "kerja sama dengan pihak luar negeri (KSDPL/KSDLL) belum didukung pada versi ini",
                "foreign cooperation (KSDPL/KSDLL) is out of scope in this version",
            ),
            F::CentralAgencyNotThirdParty { name } => (
                format!("{name} adalah instansi pusat, bukan pihak ketiga: catat sebagai sinergi"),
                format!(
                    "{name} is a central agency, not a third party: record it as synergy (sinergi)"
                ),
            ),
            F::KsddCategoryMissing => fixed(
                "kerja sama antardaerah harus wajib atau sukarela",
                "a KSDD must be either wajib or sukarela",
            ),
            F::TooFewRegions { category, found } => {
                let (id, en) = category_labels(*category);
                (
                    format!("kerja sama {id} memerlukan paling sedikit 2 daerah, ada {found}"),
                    format!("a kerja sama {en} needs at least 2 regions, has {found}"),
                )
            }
            F::ThirdPartyInKsdd => fixed(
                "kerja sama antardaerah hanya antardaerah: pihak ketiga menjadikannya kerja sama daerah dengan pihak ketiga",
                "a KSDD is between regions only: a third party makes it a KSDPK",
            ),
            F::NoCrossBorderExternality => fixed(
                "urusan harus berdampak lintas daerah (eksternalitas)",
                "the affair must have cross-regional externalities",
            ),
            F::NoJointEfficiencyRationale => fixed(
                "alasan efisiensi pengelolaan bersama belum diisi",
                "the rationale for joint efficiency is missing",
            ),
            F::RegionsDoNotBorder { reading } => {
                let (id, en) = match reading {
                    WajibBorderRule::Pairwise => ("setiap pasangan", "every pair"),
                    _ => ("sebagai satu wilayah tersambung", "as one connected area"),
                };
                (
                    format!("daerah-daerah tidak saling berbatasan {id} menurut tabel batas"),
                    format!("the regions do not border each other ({en}) per the border table"),
                )
            }
            F::PairingNotAllowed { a, b, pairing } => (
                format!(
                    "pasangan {a}–{b} (jenis {}) tidak termasuk pasangan kerja sama wajib yang berlaku (KSD-KIND-10)",
                    pairing.number()
                ),
                format!(
                    "pairing {a}–{b} (no. {}) is not an allowed wajib pairing in force (KSD-KIND-10)",
                    pairing.number()
                ),
            ),
            F::OfferNotForInitiator => fixed(
                "surat penawaran ditandatangani atas nama pihak pemrakarsa",
                "the offer letter is signed for the initiating party",
            ),
            F::SignatoryNotHead { name, office } => (
                format!(
                    "{name} ({office}) bukan kepala daerah: daerah bertindak melalui kepala daerahnya"
                ),
                format!(
                    "{name} ({office}) is not the head of region: the region acts through its head"
                ),
            ),
            F::ObjectNotGovernmentAffair => fixed(
                "objek harus berupa urusan pemerintahan yang menjadi kewenangan daerah",
                "the object must be a government affair within regional authority",
            ),
            F::PlanReferenceMissing => fixed(
                "sebutkan rujukan RPJMD/RKPD objek prioritas",
                "name the RPJMD/RKPD item the priority object comes from",
            ),
            F::OffPlanWithoutReason => fixed(
                "objek di luar perencanaan hanya untuk kondisi darurat, program strategis nasional, atau tugas pembantuan",
                "an object outside the development plan is allowed only for an emergency, a national strategic programme or co-administration",
            ),
            F::LawfulnessNotAttested => fixed(
                "belum ada pernyataan bahwa objek tidak bertentangan dengan kesusilaan, ketertiban umum, kepentingan nasional, dan peraturan",
                "no attestation yet that the object is not contrary to morality, public order, the national interest or the law",
            ),
            F::NoThirdParty => fixed(
                "kerja sama dengan pihak ketiga memerlukan pihak ketiga (perseorangan, badan usaha berbadan hukum, atau organisasi kemasyarakatan)",
                "a KSDPK needs a third party (individual, legal-entity business or organisation)",
            ),
            F::NoRegionParty => fixed(
                "kerja sama dengan pihak ketiga adalah kerja sama daerah: daerah harus menjadi pihak",
                "a KSDPK is a region's cooperation with a third party: a region must be a party",
            ),
            F::OtherTypeUndescribed => fixed(
                "jenis (d) kerja sama lain harus dijelaskan",
                "type (d) other cooperation must say what it is",
            ),
            F::SectoralRegimeMissing { ksdpk_type } => (
                format!(
                    "jenis ({}) mengikuti peraturan sektoral: catat rezim sektoralnya",
                    ksdpk_type.letter()
                ),
                format!(
                    "type ({}) follows its sectoral law: record the sectoral regime",
                    ksdpk_type.letter()
                ),
            ),
            F::MappingWithoutNeeds => fixed(
                "pemetaan kerja sama prakarsa daerah harus memuat kebutuhan",
                "a region-initiative KSDPK mapping must state needs",
            ),
            F::StudyNotByRegion => fixed(
                "studi kelayakan prakarsa daerah disusun oleh daerah",
                "in a region initiative the region prepares the feasibility study",
            ),
            F::NoMappingWithNeeds => fixed(
                "belum ada pemetaan urusan menurut potensi, karakteristik, dan kebutuhan",
                "no mapping of affairs by potential, characteristics and needs yet",
            ),
            F::NoRegionStudy => fixed(
                "belum ada studi kelayakan yang disusun daerah",
                "no feasibility study prepared by the region yet",
            ),
            F::CriteriaNotAssessed => fixed(
                "tiga kriteria prakarsa pihak ketiga belum dinilai",
                "the three criteria of a third-party initiative have not been assessed",
            ),
            F::CriterionNotMet { criterion } => {
                let (letter, id, en) = criterion_labels(*criterion);
                (
                    format!("kriteria ({letter}) {id} belum terpenuhi dengan bukti"),
                    format!("criterion ({letter}) {en} is not met with evidence"),
                )
            }
            F::StudyNotByThirdParty => fixed(
                "pada prakarsa pihak ketiga, studi kelayakan disusun oleh pihak ketiga",
                "in a third-party initiative the third party prepares the feasibility study",
            ),
            F::NoThirdPartyStudy => fixed(
                "belum ada studi kelayakan dari pihak ketiga",
                "no feasibility study by the third party",
            ),
            F::MappingNotFiled { region } => (
                format!("{region} belum menyampaikan pemetaan urusan"),
                format!("{region} has not filed its mapping of affairs"),
            ),
            F::MappingWithoutAffairs => fixed(
                "pemetaan urusan tidak memuat satu pun urusan pemerintahan",
                "the mapping lists no government affair",
            ),
            F::MappingWithoutPotentials => fixed(
                "pemetaan urusan harus memuat potensi dan karakteristik daerah",
                "the mapping must state the region's potentials and characteristics",
            ),
            F::WrongCoordinationLevel { required } => {
                let (id, en) = match required {
                    CoordinationLevel::Provincial => ("provinsi", "provincial"),
                    _ => ("nasional", "national"),
                };
                (
                    format!("koordinasi teknis harus tingkat {id}"),
                    format!("technical coordination must be at {en} level"),
                )
            }
            F::HeadNotAgreed { region } => (
                format!("kepala daerah {region} belum menyepakati hasil koordinasi"),
                format!("the head of {region} has not agreed the coordination outcome"),
            ),
            F::PksNotYetEffective { starts_on } => (
                format!("PKS baru berlaku mulai {starts_on}"),
                format!("the PKS takes effect only on {starts_on}"),
            ),
            F::NoPksSigned => fixed("belum ada PKS", "no PKS signed"),
            F::TkksdReviewMissing { point } => {
                let (id, en) = review_labels(*point);
                (
                    format!("belum ada pembahasan TKKSD {id}"),
                    format!("no TKKSD review yet {en}"),
                )
            }
            F::PksRequiresKb => fixed(
                "PKS didahului kesepakatan bersama (KB)",
                "a PKS follows a KB unless the policy allows a PKS without one",
            ),
            F::BeforeRegime {
                date,
                effective_from,
            } => (
                format!(
                    "tanggal {date} sebelum berlakunya PP 28/2018 ({effective_from}): gunakan aturan lama"
                ),
                format!(
                    "{date} is before PP 28/2018 took effect ({effective_from}): the legacy rule set governs"
                ),
            ),
            F::DprdBeforeKb => fixed(
                "persetujuan DPRD berada setelah KB ditandatangani",
                "DPRD approval comes after the KB is signed",
            ),
            F::DprdAlreadyDecided => {
                fixed("DPRD ini sudah memutuskan", "this DPRD has already decided")
            }
            F::GateNotAssessed { region } => (
                format!("syarat persetujuan DPRD {region} belum dinilai"),
                format!("the DPRD gate of {region} has not been assessed"),
            ),
            F::NoDprdApprovalNeeded => fixed(
                "tidak ada daerah yang memerlukan persetujuan DPRD: lanjut ke penyusunan PKS",
                "no region party needs DPRD approval: go on to PKS drafting",
            ),
            F::DprdApprovalRequired { region } => (
                format!("persetujuan DPRD {region} diperlukan"),
                format!("approval of the DPRD of {region} is required"),
            ),
            F::WrongDocumentKind { expected } => {
                let (id, en) = document_labels(*expected);
                (
                    format!("dokumen harus {id}"),
                    format!("the document must be {en}"),
                )
            }
            F::SecondKb => fixed(
                "satu kerja sama memiliki paling banyak satu KB",
                "a cooperation has at most one KB",
            ),
            F::PksNotUnderKb => fixed(
                "PKS harus merujuk KB kerja sama ini",
                "the PKS must refer to this cooperation's KB",
            ),
            F::PksAlreadyRecorded => fixed("PKS ini sudah dicatat", "this PKS is already recorded"),
            F::ClauseMissing { clause } => {
                let (id, en) = clause_labels(*clause);
                (
                    format!("PKS tidak memuat klausul {id}"),
                    format!("the PKS lacks the clause on {en}"),
                )
            }
            F::NotSigned { party } => (
                format!("{party} belum menandatangani"),
                format!("{party} has not signed"),
            ),
            F::ThirdPartySignatoryWithoutAuthority { name } => (
                format!("{name} harus wakil sah pihak ketiga dengan dasar kewenangan (akta, SK)"),
                format!(
                    "{name} must be the third party's authorised representative with a basis of authority (deed, decree)"
                ),
            ),
            F::KbSignedByNonHead { name, office } => (
                format!("KB ditandatangani oleh {name} ({office}), bukan kepala daerah"),
                format!("the KB is signed by {name} ({office}), not the head of region"),
            ),
            F::KbSignedUnderKuasa { name } => (
                format!(
                    "PP 28/2018 tidak mengatur pemberian kuasa untuk menandatangani KB ({name})"
                ),
                format!("PP 28/2018 provides no delegation for signing the KB ({name})"),
            ),
            F::NotHeadWithoutKuasa { name, office } => (
                format!("{name} ({office}) bukan kepala daerah dan tidak memegang surat kuasa"),
                format!("{name} ({office}) is not the head of region and holds no surat kuasa"),
            ),
            F::GroundOnlyForKsdpk { ground } => {
                let (id, en) = ground_labels(*ground);
                (
                    format!("dasar \"{id}\" hanya berlaku untuk kerja sama dengan pihak ketiga"),
                    format!("the ground \"{en}\" applies to KSDPK only"),
                )
            }
            F::AlreadyEndedOtherwise => fixed(
                "kerja sama sudah berakhir atas dasar lain",
                "the cooperation already ended on another ground",
            ),
            F::TermRunsUntil { ends_on } => (
                format!("jangka waktu baru berakhir {ends_on}"),
                format!("the term runs until {ends_on}"),
            ),
            F::NoTermStated => fixed("PKS tidak memuat jangka waktu", "no PKS states a term"),
            F::TermExceedsLimit { years, limit } => (
                format!("jangka waktu {years} tahun melebihi batas {limit} tahun"),
                format!("a term of {years} years exceeds the {limit}-year limit"),
            ),
            F::ExtensionAfterOtherEnding => fixed(
                "perpanjangan hanya untuk kerja sama yang berakhir karena jangka waktu",
                "only a cooperation that ended by expiry of its term is extended",
            ),
            F::ExtensionLate { latest, ends_on } => (
                format!(
                    "perpanjangan dimulai setelah {latest}, batas waktu sebelum berakhir {ends_on}"
                ),
                format!(
                    "the extension started after {latest}, the lead time before the end on {ends_on}"
                ),
            ),
            F::AddendumWithoutTarget => fixed(
                "addendum harus merujuk dokumen yang diubah (KB/PKS kerja sama ini)",
                "an addendum must refer to the document it amends (a KB/PKS of this cooperation)",
            ),
            F::LeadershipChangeOfThirdParty => fixed(
                "pergantian yang dicatat di sini adalah pergantian kepala daerah atau pejabat yang diberi kuasa pada pihak daerah",
                "the change recorded here is of a region party's head or authorised official",
            ),
            F::NewOfficeHolderMissing => fixed(
                "nama pejabat yang baru belum diisi",
                "the new office holder is not named",
            ),
            F::EvaluationPartMissing { part } => match part {
                EvaluationPart::Evaluator => fixed("evaluator belum diisi", "no evaluator named"),
                EvaluationPart::Progress => fixed(
                    "kemajuan terhadap rencana kerja belum diisi",
                    "no progress against the work plan",
                ),
                _ => fixed("manfaat yang dicapai belum diisi", "no benefits stated"),
            },
            F::ComplianceNotAssessed { party } => (
                format!("kepatuhan {party} belum dinilai"),
                format!("compliance of {party} not assessed"),
            ),
            F::ProvinceTakenOverByCentre => fixed(
                "urusan provinsi diambil alih Pemerintah Pusat",
                "a province's affair is taken over by the central government",
            ),
            F::KabKotaTakenOverByGovernor => fixed(
                "urusan kabupaten/kota diambil alih gubernur sebagai wakil Pemerintah Pusat",
                "a kab/kota affair is taken over by the governor as central representative",
            ),
            F::TakeoverPreconditionMissing { by, precondition } => {
                let (id, en) = match (precondition, by) {
                    (TakeoverPrecondition::Guidance, TakeoverBy::Governor) => {
                        ("pembinaan gubernur", "governor's guidance")
                    }
                    (TakeoverPrecondition::Guidance, _) => ("pembinaan", "guidance"),
                    (TakeoverPrecondition::ObstacleEvaluation, _) => {
                        ("evaluasi kendala", "evaluation of the obstacles")
                    }
                    _ => ("persetujuan Menteri", "the Minister's approval"),
                };
                (format!("belum ada {id}"), format!("no {en} yet"))
            }
            F::NotContinuous => fixed(
                "kerja sama tidak terus menerus",
                "the cooperation is not continuous",
            ),
            F::NotComplex => fixed(
                "tidak kompleks: paling banyak 2 daerah dan 2 objek",
                "not complex: at most 2 regions and 2 objects",
            ),
            F::TermUnderFiveYears => fixed(
                "jangka waktu kurang dari 5 tahun",
                "the term is shorter than 5 years",
            ),
            F::KsddDisputeForum => fixed(
                "perselisihan kerja sama antardaerah diselesaikan menurut ketentuan perselisihan antardaerah",
                "KSDD disputes go to the inter-regional dispute regime",
            ),
            F::MusyawarahFirst => fixed(
                "musyawarah mufakat terlebih dahulu",
                "deliberation to consensus (musyawarah) comes first",
            ),
            F::NoDisputeClause => fixed(
                "PKS tidak memuat klausul penyelesaian perselisihan",
                "the PKS has no dispute-settlement clause",
            ),
            F::KsdpkDisputeForum => fixed(
                "perselisihan kerja sama dengan pihak ketiga: musyawarah mufakat, lalu klausul PKS",
                "KSDPK disputes: musyawarah, then the PKS clause",
            ),
            F::OfferLetterNotSignedByHead { name, office } => (
                format!(
                    "surat penawaran ditandatangani oleh {name} ({office}), bukan kepala daerah"
                ),
                format!("the offer letter is signed by {name} ({office}), not the head of region"),
            ),
            F::KuasaWithoutGrantor { name } => (
                format!("surat kuasa {name} tidak menyebut kepala daerah yang memberi kuasa"),
                format!(
                    "the surat kuasa of {name} does not name the head of region who granted it"
                ),
            ),
            F::KuasaHolderNotOfficial { name, office } => (
                format!("{name} ({office}) bukan pejabat perangkat daerah yang dapat diberi kuasa"),
                format!(
                    "{name} ({office}) is not an official of the regional apparatus who may hold the power"
                ),
            ),
            F::KbRevisionNotLinked { superseded } => (
                format!("KB perbaikan harus menyebut KB {superseded} yang digantikannya"),
                format!("the revised KB must name the KB {superseded} it replaces"),
            ),
            F::ConsentMissing { party } => (
                format!("belum ada persetujuan {party} untuk mengakhiri kerja sama"),
                format!("no consent of {party} to end the cooperation"),
            ),
            F::EvidenceMissing { ground } => {
                let (id, en) = ground_labels(*ground);
                (
                    format!("dasar \"{id}\" harus disertai buktinya"),
                    format!("the ground \"{en}\" needs its evidence"),
                )
            }
            F::UnilateralNotSupported => fixed(
                "PP 28/2018 tidak mengatur pengakhiran sepihak; kerja sama berakhir hanya atas dasar yang diatur",
                "PP 28/2018 has no unilateral termination; a cooperation ends only on the grounds it lists",
            ),
            F::NoticeTooShort {
                given_on,
                earliest_end,
            } => (
                format!(
                    "pemberitahuan tertulis tanggal {given_on} baru memungkinkan pengakhiran pada {earliest_end}"
                ),
                format!(
                    "the written notice of {given_on} allows the end on {earliest_end} at the earliest"
                ),
            ),
            F::PreconditionAfterTakeover { precondition } => {
                let (id, en) = precondition_labels(*precondition);
                (
                    format!("{id} bertanggal sesudah pengambilalihan"),
                    format!("the {en} is dated after the takeover"),
                )
            }
            F::PreconditionBeforeStage {
                precondition,
                stage_entered,
            } => {
                let (id, en) = precondition_labels(*precondition);
                (
                    format!(
                        "{id} bertanggal sebelum tahap yang dimaksud dimulai ({stage_entered})"
                    ),
                    format!(
                        "the {en} is dated before the stage it concerns began ({stage_entered})"
                    ),
                )
            }
            F::PreconditionsOutOfOrder { earlier, later } => {
                let (a_id, a_en) = precondition_labels(*earlier);
                let (b_id, b_en) = precondition_labels(*later);
                (
                    format!("{b_id} bertanggal sebelum {a_id}"),
                    format!("the {b_en} is dated before the {a_en}"),
                )
            }
            F::PreconditionIssuerMissing { precondition } => {
                let (id, en) = precondition_labels(*precondition);
                (
                    format!("{id} tidak menyebut penerbitnya"),
                    format!("the {en} does not name who issued it"),
                )
            }
            F::PreconditionIssuerNotAuthorised {
                precondition,
                issuer,
            } => {
                let (id, en) = precondition_labels(*precondition);
                (
                    format!("{id} tidak dapat diterbitkan oleh {}", issuer.label_id()),
                    format!("the {en} cannot be issued by {}", issuer.label_en()),
                )
            }
            F::TakeoverCostsNotCharged => fixed(
                "sebutkan APBD daerah yang menanggung biaya urusan yang diambil alih",
                "name the region whose APBD bears the costs of the affair taken over",
            ),
            F::TakeoverCostsChargedElsewhere { region } => (
                format!(
                    "biaya pengambilalihan dibebankan pada APBD daerah yang bersangkutan, bukan {region}"
                ),
                format!(
                    "the costs of the takeover are charged to the APBD of the region concerned, not {region}"
                ),
            ),
            F::ApbnAidNotWajib { party } => (
                format!("bantuan dana APBN untuk {party} hanya untuk kerja sama wajib"),
                format!("funding aid from the APBN for {party} is for kerja sama wajib only"),
            ),
            F::ResultNotToTreasury { form } => match form {
                crate::model::ResultForm::Money => fixed(
                    "hasil kerja sama berupa uang disetor ke kas daerah sebagai pendapatan daerah",
                    "a result in money goes to the regional treasury (kas daerah) as regional revenue",
                ),
                _ => fixed(
                    "hasil kerja sama berupa barang dicatat sebagai barang milik daerah",
                    "a result in goods is recorded as regional assets (barang milik daerah)",
                ),
            },
            F::NotSpecialAutonomy { province } => (
                format!(
                    "provinsi {province} tidak termasuk daerah otonomi khusus yang disebut Pasal 47 (DIY, DKI Jakarta, Aceh, Papua, Papua Barat)"
                ),
                format!(
                    "province {province} is not one of the special-autonomy regions Pasal 47 names (DIY, DKI Jakarta, Aceh, Papua, Papua Barat)"
                ),
            ),
            F::LaterPksNotDrafted => fixed(
                "PKS berikutnya ditandatangani setelah penyusunannya dimulai (tahap f)",
                "a later PKS is signed after its drafting has started (stage f)",
            ),
            F::PksDraftingAlreadyStarted => fixed(
                "penyusunan PKS berikutnya sudah dimulai",
                "drafting of the later PKS has already started",
            ),
            F::LaterRoundNotSubmitted => fixed(
                "PKS berikutnya belum diajukan kepada DPRD",
                "the later PKS has not been submitted to the DPRD",
            ),
            F::FiscalYearMissing { region } => (
                format!(
                    "syarat DPRD {region} untuk PKS berikutnya harus menyebut tahun anggaran pendanaannya"
                ),
                format!(
                    "the DPRD gate of {region} for the later PKS must name the fiscal year of its funding"
                ),
            ),
            F::RecordedText { id, en } => (id.clone(), en.clone()),
            F::BeforeLegacyRegime { .. }
            | F::LegacyCategoryRecorded { .. }
            | F::LegacyTooFewRegions { .. }
            | F::LegacyNoThirdParty
            | F::SignedUnderCurrentRegime { .. }
            | F::CentralContractContinuesAsSynergy { .. }
            | F::LegacyDprdNotRequired { .. }
            | F::LegacyDraftNotSubmitted { .. }
            | F::LegacyDraftAlreadySubmitted { .. }
            | F::LegacyOpinionLate { .. }
            | F::LegacyOpinionAlreadyGiven { .. }
            | F::LegacyNoOpinion { .. }
            | F::LegacyResubmissionLate { .. }
            | F::LegacyAlreadyResubmitted { .. }
            | F::LegacyNotResubmitted { .. }
            | F::LegacyDeemedApprovalEarly { .. }
            | F::LegacyAssessmentLate { .. }
            | F::LegacyDateOutsideCalendar { .. }
            | F::LegacyCopyNotSent { .. }
            | F::LegacyCopiesOfUnknownDocument { .. }
            | F::LegacyNoCopyRecipient
            | F::LegacyPlanMissing
            | F::LegacyCostBenefitMissing
            | F::LegacyPlanPriorityMissing
            | F::LegacyOfferCopyMissing { .. }
            | F::LegacyDisputeForum { .. }
            | F::LegacyLawBeforeClause
            | F::LegacyAmendmentBelowLevel { .. }
            | F::LegacyGroundNotInPp50 { .. }
            | F::GroundOnlyForLegacy { .. }
            | F::LegacyEarlyTerminationNeedsNotice
            | F::LegacyNoticeWithoutReference
            | F::LegacyRequesterBearsRisks
            | F::LegacyObjectCompletionUnstated
            | F::LegacyBodyNotContinuousOrFiveYears
            | F::LegacyBodyDecisionNotByHead { .. } => self.legacy_texts(),
        }
    }

    /// The place of PP 50/2007 a legacy finding concerns, narrower than its rule's citation
    /// (LEG-DPRD-02 cites Pasal 12 ayat (1)–(4); a late resubmission is ayat (3)).
    pub(crate) fn legacy_place(&self) -> Option<Loc> {
        use Finding as F;
        Some(match self {
            F::LegacyAssessmentLate { .. } => Loc::ayat("12", "1"),
            F::LegacyOpinionLate { .. } | F::LegacyOpinionAlreadyGiven { .. } => {
                Loc::ayat("12", "2")
            }
            F::LegacyNoOpinion { .. }
            | F::LegacyResubmissionLate { .. }
            | F::LegacyAlreadyResubmitted { .. } => Loc::ayat("12", "3"),
            F::LegacyNotResubmitted { .. } | F::LegacyDeemedApprovalEarly { .. } => {
                Loc::ayat("12", "4")
            }
            F::LegacyCopyNotSent { region, .. } => match region.level() {
                crate::model::RegionLevel::Province => Loc::ayat("12", "5"),
                _ => Loc::ayat("12", "6"),
            },
            F::LegacyDisputeForum { pairing, .. } => match pairing {
                LegacyDisputePairing::WithinProvince => Loc::ayat("14", "1"),
                LegacyDisputePairing::AcrossLevelsOrProvinces => Loc::ayat("15", "1"),
                _ => Loc::ayat("16", "1"),
            },
            F::LegacyLawBeforeClause => Loc::ayat("16", "2"),
            F::LegacyAmendmentBelowLevel { .. } => Loc::ayat("17", "3"),
            F::LegacyNoticeWithoutReference | F::LegacyEarlyTerminationNeedsNotice => {
                Loc::ayat("19", "1").huruf("a")
            }
            F::LegacyRequesterBearsRisks => Loc::ayat("19", "1").huruf("b"),
            F::LegacyObjectCompletionUnstated => Loc::ayat("19", "2"),
            F::LegacyBodyNotContinuousOrFiveYears => Loc::ayat("24", "1"),
            F::LegacyBodyDecisionNotByHead { .. } => Loc::ayat("24", "3"),
            _ => return None,
        })
    }

    /// The messages of the legacy findings (one block, so that the current set's texts above
    /// stay as they are).
    fn legacy_texts(&self) -> (String, String) {
        use Finding as F;
        let fixed = |id: &str, en: &str| (id.to_owned(), en.to_owned());
        match self {
            F::BeforeLegacyRegime {
                date,
                effective_from,
            } => (
                format!(
                    "tanggal {date} sebelum berlakunya PP 50/2007 ({effective_from}): tidak ada aturan kerja sama daerah yang dimodelkan"
                ),
                format!(
                    "{date} is before PP 50/2007 took effect ({effective_from}): no regime of regional cooperation is modelled"
                ),
            ),
            F::LegacyCategoryRecorded { category } => {
                let (id, en) = category_labels(*category);
                (
                    format!(
                        "aturan lama (PP 50/2007) tidak membedakan kerja sama wajib dan sukarela: kategori {id} hanya dikenal PP 28/2018"
                    ),
                    format!(
                        "the legacy regime (PP 50/2007) has no wajib/sukarela split: the category {en} exists only under PP 28/2018"
                    ),
                )
            }
            F::LegacyTooFewRegions { found } => (
                format!("kerja sama antardaerah memerlukan paling sedikit 2 daerah, ada {found}"),
                format!("a cooperation between regions needs at least 2 regions, has {found}"),
            ),
            F::LegacyNoThirdParty => fixed(
                "kerja sama daerah dengan pihak ketiga memerlukan pihak ketiga",
                "a cooperation with a third party needs a third party",
            ),
            F::SignedUnderCurrentRegime { kind, signed_on } => {
                let (id, en) = document_labels(*kind);
                (
                    format!(
                        "{id} ditandatangani {signed_on}, sejak 13 Juli 2018: tunduk pada PP 28/2018, daftarkan kerja sama baru dengan aturan saat ini"
                    ),
                    format!(
                        "{en} signed on {signed_on}, on or after 13 July 2018, is governed by PP 28/2018: register a new cooperation under the current rule set"
                    ),
                )
            }
            F::CentralContractContinuesAsSynergy { name } => (
                format!(
                    "perjanjian dengan {name} (Pemerintah Pusat) sebelum PP 28/2018 berlaku sampai berakhir dan dilanjutkan sebagai sinergi, bukan kerja sama daerah"
                ),
                format!(
                    "a pre-2018 contract with {name} (central government) stays valid until it ends and continues as synergy, not as regional cooperation"
                ),
            ),
            F::LegacyDprdNotRequired { region } => (
                format!(
                    "rencana kerja sama {region} tidak memerlukan persetujuan DPRD: tidak membebani daerah dan masyarakat dengan biaya di luar APBD berjalan atau dengan aset daerah, atau termasuk tugas dan fungsi SKPD yang sudah dianggarkan"
                ),
                format!(
                    "the plan needs no approval of the DPRD of {region}: it does not burden the region and the community with costs outside the current APBD or with regional assets, or it is a work unit's budgeted duty"
                ),
            ),
            F::LegacyDraftNotSubmitted { region } => (
                format!("rancangan perjanjian belum disampaikan kepada DPRD {region}"),
                format!("the draft PKS has not been submitted to the DPRD of {region}"),
            ),
            F::LegacyDraftAlreadySubmitted {
                region,
                received_on,
            } => (
                format!("rancangan perjanjian sudah diterima DPRD {region} pada {received_on}"),
                format!("the DPRD of {region} already received the draft PKS on {received_on}"),
            ),
            F::LegacyOpinionLate {
                region,
                received_on,
                deadline,
            } => (
                format!(
                    "pendapat dan saran DPRD {region} paling lama 15 hari kerja sejak rancangan diterima pada {received_on}, yaitu {deadline}"
                ),
                format!(
                    "the DPRD of {region} gives its opinion within 15 working days of receiving the draft on {received_on}, by {deadline}"
                ),
            ),
            F::LegacyOpinionAlreadyGiven { region, opinion_on } => (
                format!("DPRD {region} sudah menyampaikan pendapat dan saran pada {opinion_on}"),
                format!("the DPRD of {region} already gave its opinion on {opinion_on}"),
            ),
            F::LegacyNoOpinion { region } => (
                format!(
                    "DPRD {region} belum menyampaikan pendapat dan saran: tidak ada rancangan yang perlu disempurnakan"
                ),
                format!(
                    "the DPRD of {region} gave no opinion: there is no draft to revise and resubmit"
                ),
            ),
            F::LegacyResubmissionLate {
                region,
                opinion_on,
                deadline,
            } => (
                format!(
                    "kepala daerah {region} menyempurnakan dan menyampaikan kembali rancangan paling lama 14 hari kerja sejak pendapat DPRD pada {opinion_on}, yaitu {deadline}"
                ),
                format!(
                    "the head of {region} revises and resubmits the draft within 14 working days of the DPRD's opinion on {opinion_on}, by {deadline}"
                ),
            ),
            F::LegacyAlreadyResubmitted {
                region,
                resubmitted_on,
            } => (
                format!(
                    "rancangan sudah disampaikan kembali kepada DPRD {region} pada {resubmitted_on}"
                ),
                format!(
                    "the draft was already resubmitted to the DPRD of {region} on {resubmitted_on}"
                ),
            ),
            F::LegacyNotResubmitted { region } => (
                format!(
                    "rancangan belum disampaikan kembali kepada DPRD {region}: persetujuan hanya dianggap diberikan setelah penyampaian kembali"
                ),
                format!(
                    "the draft was not resubmitted to the DPRD of {region}: approval is deemed only after a resubmission"
                ),
            ),
            F::LegacyDeemedApprovalEarly {
                region,
                resubmitted_on,
                deadline,
            } => (
                format!(
                    "DPRD {region} masih dapat memberikan persetujuan sampai {deadline} (15 hari kerja sejak surat diterima pada {resubmitted_on}); persetujuan baru dianggap diberikan setelahnya"
                ),
                format!(
                    "the DPRD of {region} may still approve until {deadline} (15 working days after receiving the letter on {resubmitted_on}); approval is deemed only after that"
                ),
            ),
            F::LegacyAssessmentLate {
                region,
                received_on,
                deadline,
            } => (
                format!(
                    "DPRD {region} menilai rancangan setelah batas 45 hari kerja sejak diterima pada {received_on} ({deadline}); tidak ada akibat hukum yang ditetapkan"
                ),
                format!(
                    "the DPRD of {region} assessed the draft after the 45 working days from its receipt on {received_on} ({deadline}); no consequence is stated"
                ),
            ),
            F::LegacyDateOutsideCalendar { date, first, last } => (
                format!(
                    "hari kerja sekitar {date} tidak diketahui: kalender hari kerja mencakup {first} sampai {last}"
                ),
                format!(
                    "the working days around {date} are not known: the working-day calendar covers {first} to {last}"
                ),
            ),
            F::LegacyCopyNotSent {
                region,
                document,
                recipient,
            } => (
                format!(
                    "{region} belum menyampaikan salinan perjanjian {document} kepada {}",
                    recipient.label_id()
                ),
                format!(
                    "{region} has not sent a copy of the PKS {document} to {}",
                    recipient.label_en()
                ),
            ),
            F::LegacyCopiesOfUnknownDocument { document } => (
                format!(
                    "{document} bukan perjanjian kerja sama yang ditandatangani dalam kerja sama ini"
                ),
                format!("{document} is not a signed PKS of this cooperation"),
            ),
            F::LegacyNoCopyRecipient => fixed(
                "sebutkan penerima salinan perjanjian",
                "name who received the copies",
            ),
            F::LegacyPlanMissing => fixed(
                "surat penawaran tidak disertai rencana kerja sama",
                "the offer letter carries no cooperation plan",
            ),
            F::LegacyCostBenefitMissing => fixed(
                "rencana kerja sama tidak memuat analisis biaya dan manfaat",
                "the cooperation plan has no cost-benefit analysis",
            ),
            F::LegacyPlanPriorityMissing => fixed(
                "rencana kerja sama tidak menyebut prioritas RPJMD/RKPD yang didukungnya",
                "the cooperation plan names no RPJMD/RKPD priority it serves",
            ),
            F::LegacyOfferCopyMissing { recipient } => (
                format!(
                    "surat penawaran tidak ditembuskan kepada {}",
                    recipient.label_id()
                ),
                format!("the offer letter is not copied to {}", recipient.label_en()),
            ),
            F::LegacyDisputeForum { forum, pairing } => {
                let (forum_id, forum_en) = forum_labels(*forum);
                let (id, en) = match pairing {
                    LegacyDisputePairing::WithinProvince => (
                        "perselisihan antardaerah dalam satu provinsi diselesaikan dengan musyawarah atau Keputusan Gubernur",
                        "a dispute between kabupaten and kota of one province goes to musyawarah or a Governor's decision",
                    ),
                    LegacyDisputePairing::AcrossLevelsOrProvinces => (
                        "perselisihan antarprovinsi, provinsi dengan kabupaten/kota, atau kabupaten/kota dari provinsi berbeda diselesaikan dengan musyawarah atau Keputusan Menteri",
                        "a dispute between provinces, a province and its kabupaten or kota, or kabupaten and kota of different provinces goes to musyawarah or the Minister's decision",
                    ),
                    _ => (
                        "perselisihan dengan pihak ketiga diselesaikan menurut kesepakatan penyelesaian perselisihan dalam perjanjian, lalu menurut peraturan perundang-undangan",
                        "a dispute with a third party goes by the dispute clause of the PKS, then by the law",
                    ),
                };
                (
                    format!("{forum_id} bukan forumnya: {id}"),
                    format!("{forum_en} is not its forum: {en}"),
                )
            }
            F::LegacyLawBeforeClause => fixed(
                "perselisihan diselesaikan menurut peraturan perundang-undangan hanya bila penyelesaian menurut perjanjian tidak berhasil",
                "the law settles the dispute only when the PKS's dispute clause did not",
            ),
            F::LegacyAmendmentBelowLevel {
                name,
                office,
                amended,
            } => {
                let (id, en) = document_labels(*amended);
                (
                    format!(
                        "perubahan dituangkan dalam perjanjian setingkat dengan {id} yang diubah: {name} ({office}) tidak menandatanganinya pada tingkat itu"
                    ),
                    format!(
                        "an amendment is a document of the same level as {en} it amends: {name} ({office}) does not sign at that level"
                    ),
                )
            }
            F::LegacyGroundNotInPp50 { ground } => {
                let (id, en) = ground_labels(*ground);
                (
                    format!(
                        "\"{id}\" bukan salah satu dari sembilan alasan berakhirnya kerja sama menurut PP 50/2007"
                    ),
                    format!(
                        "\"{en}\" is not one of the nine grounds on which a cooperation ends under PP 50/2007"
                    ),
                )
            }
            F::GroundOnlyForLegacy { ground } => {
                let (id, en) = ground_labels(*ground);
                (
                    format!(
                        "\"{id}\" hanya dikenal aturan lama (PP 50/2007), bukan dasar berakhirnya kerja sama menurut PP 28/2018"
                    ),
                    format!(
                        "\"{en}\" is a ground of the legacy regime (PP 50/2007) only, not of PP 28/2018"
                    ),
                )
            }
            F::LegacyEarlyTerminationNeedsNotice => fixed(
                "pengakhiran sebelum waktunya atas permintaan salah satu pihak disampaikan secara tertulis kepada pihak lain",
                "an early termination at one party's request goes by written notice to the other parties",
            ),
            F::LegacyNoticeWithoutReference => fixed(
                "pemberitahuan tertulis tidak menyebut nomor suratnya",
                "the written notice gives no letter reference",
            ),
            F::LegacyRequesterBearsRisks => fixed(
                "pihak yang mengambil inisiatif menanggung risiko finansial dan risiko lainnya dari pengakhiran",
                "the party taking the initiative bears the financial and other risks of ending it",
            ),
            F::LegacyObjectCompletionUnstated => fixed(
                "tidak disebutkan bagaimana objek kerja sama diselesaikan (pengakhiran tidak menghentikan penyelesaiannya)",
                "how the work on the object is completed is not stated (ending it does not stop that work)",
            ),
            F::LegacyBodyNotContinuousOrFiveYears => fixed(
                "badan kerja sama hanya untuk kerja sama yang terus menerus atau berjangka waktu paling singkat 5 tahun",
                "a cooperation body is for a continuous cooperation or one of at least 5 years",
            ),
            F::LegacyBodyDecisionNotByHead { name, office } => (
                format!(
                    "badan kerja sama dibentuk dengan keputusan bersama kepala daerah: {name} ({office}) bukan kepala daerah"
                ),
                format!(
                    "a cooperation body is set up by the heads' joint decision: {name} ({office}) is not a head of region"
                ),
            ),
            // Every other variant is rendered by `texts` itself, which never calls this.
            _ => fixed("temuan", "finding"),
        }
    }
}

/// Indonesian and English labels of a dispute forum.
fn forum_labels(forum: DisputeForum) -> (&'static str, &'static str) {
    match forum {
        DisputeForum::InterRegionalRegime => (
            "ketentuan perselisihan antardaerah",
            "the inter-regional dispute regime",
        ),
        DisputeForum::Musyawarah => ("musyawarah", "musyawarah"),
        DisputeForum::ContractClause => (
            "klausul penyelesaian perselisihan dalam perjanjian",
            "the PKS's dispute clause",
        ),
        DisputeForum::GovernorDecision => ("Keputusan Gubernur", "a Governor's decision"),
        DisputeForum::MinisterDecision => ("Keputusan Menteri", "the Minister's decision"),
        _ => ("peraturan perundang-undangan", "the law"),
    }
}

fn precondition_labels(precondition: TakeoverPrecondition) -> (&'static str, &'static str) {
    match precondition {
        TakeoverPrecondition::Guidance => ("pembinaan", "guidance"),
        TakeoverPrecondition::ObstacleEvaluation => {
            ("evaluasi kendala", "evaluation of the obstacles")
        }
        _ => ("persetujuan Menteri", "Minister's approval"),
    }
}

fn category_labels(category: KsddCategory) -> (&'static str, &'static str) {
    match category {
        KsddCategory::Wajib => ("wajib", "wajib"),
        _ => ("sukarela", "sukarela"),
    }
}

fn criterion_labels(criterion: InitiativeCriterion) -> (char, &'static str, &'static str) {
    match criterion {
        InitiativeCriterion::MasterPlanIntegration => (
            'a',
            "terintegrasi dengan rencana induk sektor",
            "technically integrated with the sector's master plan",
        ),
        InitiativeCriterion::EconomicFeasibility => (
            'b',
            "layak secara ekonomi dan finansial",
            "economically and financially feasible",
        ),
        _ => (
            'c',
            "kemampuan keuangan pemrakarsa",
            "the initiator's financial capacity",
        ),
    }
}

fn review_labels(point: ReviewPoint) -> (&'static str, &'static str) {
    match point {
        ReviewPoint::Offer => ("sebelum penawaran", "before the offer"),
        ReviewPoint::KbSigning => (
            "sebelum penandatanganan kesepakatan bersama",
            "before the KB is signed",
        ),
        _ => (
            "sebelum penandatanganan perjanjian kerja sama",
            "before the PKS is signed",
        ),
    }
}

fn document_labels(kind: DocumentKind) -> (&'static str, &'static str) {
    match kind {
        DocumentKind::Kb => ("kesepakatan bersama (KB)", "a KB"),
        DocumentKind::Pks => ("perjanjian kerja sama (PKS)", "a PKS"),
        DocumentKind::Addendum => ("addendum", "an addendum"),
        DocumentKind::HeadsAgreement => ("kesepakatan para kepala daerah", "the heads' agreement"),
        _ => ("dokumen lain", "another document"),
    }
}

/// Indonesian and English labels of a clause.
pub(crate) fn clause_labels(clause: Clause) -> (&'static str, &'static str) {
    match clause {
        Clause::RightsAndObligations => ("hak dan kewajiban para pihak", "rights and obligations"),
        Clause::Term => ("jangka waktu", "the term"),
        Clause::DisputeSettlement => ("penyelesaian perselisihan", "dispute settlement"),
        Clause::Sanctions => ("sanksi", "sanctions"),
        Clause::Subject => ("subjek", "the subject"),
        Clause::Object => ("objek", "the object"),
        Clause::Scope => ("ruang lingkup", "the scope"),
        Clause::Financing => ("pembiayaan", "financing"),
        Clause::ForceMajeure => ("keadaan memaksa", "force majeure"),
        Clause::Termination => ("pengakhiran", "termination"),
        _ => ("perubahan", "amendment"),
    }
}

/// Indonesian and English labels of an end ground.
pub(crate) fn ground_labels(ground: EndGround) -> (&'static str, &'static str) {
    match ground {
        EndGround::TermExpired => ("jangka waktu berakhir", "the term expired"),
        EndGround::ObjectiveAchieved => ("tujuan tercapai", "the objective was achieved"),
        EndGround::MutualAgreement => ("kesepakatan para pihak", "the parties agreed"),
        EndGround::PolicyChange => ("perubahan kebijakan", "a policy change"),
        EndGround::ObjectLost => (
            "objek hilang atau musnah",
            "the object was lost or destroyed",
        ),
        EndGround::CourtJudgment => (
            "putusan pengadilan yang berkekuatan hukum tetap",
            "a final court judgment",
        ),
        EndGround::FundamentalChange => (
            "perubahan mendasar yang membuat perjanjian tidak dapat dilaksanakan",
            "a fundamental change that makes the agreement impossible to carry out",
        ),
        EndGround::Breach => (
            "salah satu pihak tidak melaksanakan atau melanggar perjanjian",
            "a party did not perform or breached the agreement",
        ),
        EndGround::ReplacedByNewAgreement => (
            "perjanjian baru menggantikan perjanjian lama",
            "a new agreement replaced the old one",
        ),
        EndGround::NewLegalNorm => (
            "muncul norma baru dalam peraturan perundang-undangan",
            "a new norm appeared in the legislation",
        ),
        EndGround::NationalInterestHarmed => (
            "hal yang merugikan kepentingan nasional",
            "matters harming the national interest",
        ),
        EndGround::EarlyTerminationByParty => (
            "pengakhiran sebelum waktunya atas permintaan salah satu pihak",
            "an early termination at one party's request",
        ),
        _ => (
            "pihak ketiga dinyatakan pailit",
            "the third party's bankruptcy",
        ),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One instance of every variant. The match below fails to compile when a variant is
    /// added without an instance here.
    pub(crate) fn every_variant() -> Vec<Finding> {
        use crate::model::{KodeWilayah, PartyId};
        let code = |text: &str| text.parse::<KodeWilayah>().unwrap_or(KodeWilayah::SIDRAP);
        let (a, b) = (code("73.14"), code("73.72"));
        let day = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap_or_default();
        let party = PartyId::Region(a);
        let name = || "Andi".to_owned();
        let office = || "Sekretaris Daerah".to_owned();
        let mut all = vec![
            Finding::ForeignCooperationOutOfScope,
            Finding::CentralAgencyNotThirdParty { name: name() },
            Finding::KsddCategoryMissing,
            Finding::ThirdPartyInKsdd,
            Finding::NoCrossBorderExternality,
            Finding::NoJointEfficiencyRationale,
            Finding::OfferNotForInitiator,
            Finding::SignatoryNotHead {
                name: name(),
                office: office(),
            },
            Finding::ObjectNotGovernmentAffair,
            Finding::PlanReferenceMissing,
            Finding::OffPlanWithoutReason,
            Finding::LawfulnessNotAttested,
            Finding::NoThirdParty,
            Finding::NoRegionParty,
            Finding::OtherTypeUndescribed,
            Finding::MappingWithoutNeeds,
            Finding::StudyNotByRegion,
            Finding::NoMappingWithNeeds,
            Finding::NoRegionStudy,
            Finding::CriteriaNotAssessed,
            Finding::StudyNotByThirdParty,
            Finding::NoThirdPartyStudy,
            Finding::MappingNotFiled { region: a },
            Finding::MappingWithoutAffairs,
            Finding::MappingWithoutPotentials,
            Finding::HeadNotAgreed { region: a },
            Finding::PksNotYetEffective { starts_on: day },
            Finding::NoPksSigned,
            Finding::PksRequiresKb,
            Finding::BeforeRegime {
                date: day,
                effective_from: day,
            },
            Finding::DprdBeforeKb,
            Finding::DprdAlreadyDecided,
            Finding::GateNotAssessed { region: a },
            Finding::NoDprdApprovalNeeded,
            Finding::DprdApprovalRequired { region: a },
            Finding::SecondKb,
            Finding::PksNotUnderKb,
            Finding::PksAlreadyRecorded,
            Finding::NotSigned {
                party: party.clone(),
            },
            Finding::ThirdPartySignatoryWithoutAuthority { name: name() },
            Finding::KbSignedByNonHead {
                name: name(),
                office: office(),
            },
            Finding::KbSignedUnderKuasa { name: name() },
            Finding::NotHeadWithoutKuasa {
                name: name(),
                office: office(),
            },
            Finding::AlreadyEndedOtherwise,
            Finding::TermRunsUntil { ends_on: day },
            Finding::NoTermStated,
            Finding::TermExceedsLimit {
                years: 10,
                limit: 5,
            },
            Finding::ExtensionAfterOtherEnding,
            Finding::ExtensionLate {
                latest: day,
                ends_on: day,
            },
            Finding::AddendumWithoutTarget,
            Finding::LeadershipChangeOfThirdParty,
            Finding::NewOfficeHolderMissing,
            Finding::ComplianceNotAssessed { party },
            Finding::ProvinceTakenOverByCentre,
            Finding::KabKotaTakenOverByGovernor,
            Finding::NotContinuous,
            Finding::NotComplex,
            Finding::TermUnderFiveYears,
            Finding::KsddDisputeForum,
            Finding::MusyawarahFirst,
            Finding::NoDisputeClause,
            Finding::KsdpkDisputeForum,
            Finding::OfferLetterNotSignedByHead {
                name: name(),
                office: office(),
            },
            Finding::KuasaWithoutGrantor { name: name() },
            Finding::KuasaHolderNotOfficial {
                name: name(),
                office: office(),
            },
            Finding::KbRevisionNotLinked {
                superseded: "KB-1".into(),
            },
            Finding::ConsentMissing {
                party: PartyId::Region(b),
            },
            Finding::UnilateralNotSupported,
            Finding::NoticeTooShort {
                given_on: day,
                earliest_end: day,
            },
            Finding::TakeoverCostsNotCharged,
            Finding::TakeoverCostsChargedElsewhere { region: b },
            Finding::ApbnAidNotWajib {
                party: PartyId::Region(b),
            },
            Finding::ResultNotToTreasury {
                form: crate::model::ResultForm::Money,
            },
            Finding::ResultNotToTreasury {
                form: crate::model::ResultForm::Goods,
            },
            Finding::LaterPksNotDrafted,
            Finding::PksDraftingAlreadyStarted,
            Finding::LaterRoundNotSubmitted,
            Finding::FiscalYearMissing { region: a },
            Finding::NotSpecialAutonomy {
                province: a.province(),
            },
        ];
        for ground in EndGround::ALL {
            all.push(Finding::EvidenceMissing { ground });
        }
        for precondition in [
            TakeoverPrecondition::Guidance,
            TakeoverPrecondition::ObstacleEvaluation,
            TakeoverPrecondition::MinisterApproval,
        ] {
            all.push(Finding::PreconditionAfterTakeover { precondition });
            all.push(Finding::PreconditionBeforeStage {
                precondition,
                stage_entered: day,
            });
            all.push(Finding::PreconditionIssuerMissing { precondition });
            for issuer in Role::ALL {
                all.push(Finding::PreconditionIssuerNotAuthorised {
                    precondition,
                    issuer,
                });
            }
            all.push(Finding::PreconditionsOutOfOrder {
                earlier: TakeoverPrecondition::Guidance,
                later: precondition,
            });
        }
        for category in [KsddCategory::Wajib, KsddCategory::Sukarela] {
            all.push(Finding::TooFewRegions { category, found: 1 });
        }
        for reading in [WajibBorderRule::ConnectedGraph, WajibBorderRule::Pairwise] {
            all.push(Finding::RegionsDoNotBorder { reading });
        }
        for pairing in WajibPairing::ALL {
            all.push(Finding::PairingNotAllowed { a, b, pairing });
        }
        for ksdpk_type in [
            KsdpkType::AssetUtilisation,
            KsdpkType::Investment,
            KsdpkType::InfrastructureProvision,
            KsdpkType::Procurement,
            KsdpkType::Other,
        ] {
            all.push(Finding::SectoralRegimeMissing { ksdpk_type });
        }
        for criterion in [
            InitiativeCriterion::MasterPlanIntegration,
            InitiativeCriterion::EconomicFeasibility,
            InitiativeCriterion::FinancialCapacity,
        ] {
            all.push(Finding::CriterionNotMet { criterion });
        }
        for required in [CoordinationLevel::Provincial, CoordinationLevel::National] {
            all.push(Finding::WrongCoordinationLevel { required });
        }
        for point in [
            ReviewPoint::Offer,
            ReviewPoint::KbSigning,
            ReviewPoint::PksSigning,
        ] {
            all.push(Finding::TkksdReviewMissing { point });
        }
        for expected in [
            DocumentKind::Kb,
            DocumentKind::Pks,
            DocumentKind::Addendum,
            DocumentKind::HeadsAgreement,
            DocumentKind::Other,
        ] {
            all.push(Finding::WrongDocumentKind { expected });
        }
        for clause in [
            Clause::RightsAndObligations,
            Clause::Term,
            Clause::DisputeSettlement,
            Clause::Sanctions,
            Clause::Subject,
            Clause::Object,
            Clause::Scope,
            Clause::Financing,
            Clause::ForceMajeure,
            Clause::Termination,
            Clause::Amendment,
        ] {
            all.push(Finding::ClauseMissing { clause });
        }
        for ground in EndGround::ALL {
            all.push(Finding::GroundOnlyForKsdpk { ground });
        }
        for part in [
            EvaluationPart::Evaluator,
            EvaluationPart::Progress,
            EvaluationPart::Benefits,
        ] {
            all.push(Finding::EvaluationPartMissing { part });
        }
        // The legacy rule set (PP 50/2007) and KSD-TRANS-01/-03 as it applies them.
        let province = code("73");
        let document = || DocumentId::from("PKS-1");
        all.extend([
            Finding::BeforeLegacyRegime {
                date: day,
                effective_from: day,
            },
            Finding::LegacyTooFewRegions { found: 1 },
            Finding::LegacyNoThirdParty,
            Finding::CentralContractContinuesAsSynergy { name: name() },
            Finding::LegacyDprdNotRequired { region: a },
            Finding::LegacyDraftNotSubmitted { region: a },
            Finding::LegacyDraftAlreadySubmitted {
                region: a,
                received_on: day,
            },
            Finding::LegacyOpinionLate {
                region: a,
                received_on: day,
                deadline: day,
            },
            Finding::LegacyOpinionAlreadyGiven {
                region: a,
                opinion_on: day,
            },
            Finding::LegacyNoOpinion { region: a },
            Finding::LegacyResubmissionLate {
                region: a,
                opinion_on: day,
                deadline: day,
            },
            Finding::LegacyAlreadyResubmitted {
                region: a,
                resubmitted_on: day,
            },
            Finding::LegacyNotResubmitted { region: a },
            Finding::LegacyDeemedApprovalEarly {
                region: a,
                resubmitted_on: day,
                deadline: day,
            },
            Finding::LegacyAssessmentLate {
                region: a,
                received_on: day,
                deadline: day,
            },
            Finding::LegacyDateOutsideCalendar {
                date: day,
                first: day,
                last: day,
            },
            Finding::LegacyCopiesOfUnknownDocument {
                document: document(),
            },
            Finding::LegacyNoCopyRecipient,
            Finding::LegacyPlanMissing,
            Finding::LegacyCostBenefitMissing,
            Finding::LegacyPlanPriorityMissing,
            Finding::LegacyLawBeforeClause,
            Finding::LegacyEarlyTerminationNeedsNotice,
            Finding::LegacyNoticeWithoutReference,
            Finding::LegacyRequesterBearsRisks,
            Finding::LegacyObjectCompletionUnstated,
            Finding::LegacyBodyNotContinuousOrFiveYears,
            Finding::LegacyBodyDecisionNotByHead {
                name: name(),
                office: office(),
            },
        ]);
        for category in [KsddCategory::Wajib, KsddCategory::Sukarela] {
            all.push(Finding::LegacyCategoryRecorded { category });
        }
        for kind in [DocumentKind::Kb, DocumentKind::Pks] {
            all.push(Finding::SignedUnderCurrentRegime {
                kind,
                signed_on: day,
            });
        }
        for region in [a, province] {
            for recipient in CopyRecipient::ALL {
                all.push(Finding::LegacyCopyNotSent {
                    region,
                    document: document(),
                    recipient,
                });
            }
        }
        for recipient in CopyRecipient::ALL {
            all.push(Finding::LegacyOfferCopyMissing { recipient });
        }
        for pairing in [
            LegacyDisputePairing::WithinProvince,
            LegacyDisputePairing::AcrossLevelsOrProvinces,
            LegacyDisputePairing::WithThirdParty,
        ] {
            for forum in [
                DisputeForum::InterRegionalRegime,
                DisputeForum::Musyawarah,
                DisputeForum::ContractClause,
                DisputeForum::GovernorDecision,
                DisputeForum::MinisterDecision,
                DisputeForum::PerLegislation,
            ] {
                all.push(Finding::LegacyDisputeForum { forum, pairing });
            }
        }
        for amended in [DocumentKind::Kb, DocumentKind::Pks] {
            all.push(Finding::LegacyAmendmentBelowLevel {
                name: name(),
                office: office(),
                amended,
            });
        }
        for ground in EndGround::ALL.into_iter().chain(EndGround::LEGACY_ONLY) {
            all.push(Finding::LegacyGroundNotInPp50 { ground });
            all.push(Finding::GroundOnlyForLegacy { ground });
        }
        for by in [TakeoverBy::CentralGovernment, TakeoverBy::Governor] {
            for precondition in [
                TakeoverPrecondition::Guidance,
                TakeoverPrecondition::ObstacleEvaluation,
                TakeoverPrecondition::MinisterApproval,
            ] {
                all.push(Finding::TakeoverPreconditionMissing { by, precondition });
            }
        }
        // Every variant is listed above: adding one makes this match non-exhaustive.
        for finding in &all {
            match finding {
                Finding::ForeignCooperationOutOfScope
                | Finding::CentralAgencyNotThirdParty { .. }
                | Finding::KsddCategoryMissing
                | Finding::TooFewRegions { .. }
                | Finding::ThirdPartyInKsdd
                | Finding::NoCrossBorderExternality
                | Finding::NoJointEfficiencyRationale
                | Finding::RegionsDoNotBorder { .. }
                | Finding::PairingNotAllowed { .. }
                | Finding::OfferNotForInitiator
                | Finding::SignatoryNotHead { .. }
                | Finding::ObjectNotGovernmentAffair
                | Finding::PlanReferenceMissing
                | Finding::OffPlanWithoutReason
                | Finding::LawfulnessNotAttested
                | Finding::NoThirdParty
                | Finding::NoRegionParty
                | Finding::OtherTypeUndescribed
                | Finding::SectoralRegimeMissing { .. }
                | Finding::MappingWithoutNeeds
                | Finding::StudyNotByRegion
                | Finding::NoMappingWithNeeds
                | Finding::NoRegionStudy
                | Finding::CriteriaNotAssessed
                | Finding::CriterionNotMet { .. }
                | Finding::StudyNotByThirdParty
                | Finding::NoThirdPartyStudy
                | Finding::MappingNotFiled { .. }
                | Finding::MappingWithoutAffairs
                | Finding::MappingWithoutPotentials
                | Finding::WrongCoordinationLevel { .. }
                | Finding::HeadNotAgreed { .. }
                | Finding::PksNotYetEffective { .. }
                | Finding::NoPksSigned
                | Finding::TkksdReviewMissing { .. }
                | Finding::PksRequiresKb
                | Finding::BeforeRegime { .. }
                | Finding::DprdBeforeKb
                | Finding::DprdAlreadyDecided
                | Finding::GateNotAssessed { .. }
                | Finding::NoDprdApprovalNeeded
                | Finding::DprdApprovalRequired { .. }
                | Finding::WrongDocumentKind { .. }
                | Finding::SecondKb
                | Finding::PksNotUnderKb
                | Finding::PksAlreadyRecorded
                | Finding::ClauseMissing { .. }
                | Finding::NotSigned { .. }
                | Finding::ThirdPartySignatoryWithoutAuthority { .. }
                | Finding::KbSignedByNonHead { .. }
                | Finding::KbSignedUnderKuasa { .. }
                | Finding::NotHeadWithoutKuasa { .. }
                | Finding::GroundOnlyForKsdpk { .. }
                | Finding::AlreadyEndedOtherwise
                | Finding::TermRunsUntil { .. }
                | Finding::NoTermStated
                | Finding::TermExceedsLimit { .. }
                | Finding::ExtensionAfterOtherEnding
                | Finding::ExtensionLate { .. }
                | Finding::AddendumWithoutTarget
                | Finding::LeadershipChangeOfThirdParty
                | Finding::NewOfficeHolderMissing
                | Finding::EvaluationPartMissing { .. }
                | Finding::ComplianceNotAssessed { .. }
                | Finding::ProvinceTakenOverByCentre
                | Finding::KabKotaTakenOverByGovernor
                | Finding::TakeoverPreconditionMissing { .. }
                | Finding::NotContinuous
                | Finding::NotComplex
                | Finding::TermUnderFiveYears
                | Finding::KsddDisputeForum
                | Finding::MusyawarahFirst
                | Finding::NoDisputeClause
                | Finding::KsdpkDisputeForum
                | Finding::OfferLetterNotSignedByHead { .. }
                | Finding::KuasaWithoutGrantor { .. }
                | Finding::KuasaHolderNotOfficial { .. }
                | Finding::KbRevisionNotLinked { .. }
                | Finding::ConsentMissing { .. }
                | Finding::EvidenceMissing { .. }
                | Finding::UnilateralNotSupported
                | Finding::NoticeTooShort { .. }
                | Finding::PreconditionAfterTakeover { .. }
                | Finding::PreconditionBeforeStage { .. }
                | Finding::PreconditionsOutOfOrder { .. }
                | Finding::PreconditionIssuerMissing { .. }
                | Finding::PreconditionIssuerNotAuthorised { .. }
                | Finding::TakeoverCostsNotCharged
                | Finding::TakeoverCostsChargedElsewhere { .. }
                | Finding::ApbnAidNotWajib { .. }
                | Finding::ResultNotToTreasury { .. }
                | Finding::LaterPksNotDrafted
                | Finding::PksDraftingAlreadyStarted
                | Finding::LaterRoundNotSubmitted
                | Finding::FiscalYearMissing { .. }
                | Finding::NotSpecialAutonomy { .. }
                | Finding::BeforeLegacyRegime { .. }
                | Finding::LegacyCategoryRecorded { .. }
                | Finding::LegacyTooFewRegions { .. }
                | Finding::LegacyNoThirdParty
                | Finding::SignedUnderCurrentRegime { .. }
                | Finding::CentralContractContinuesAsSynergy { .. }
                | Finding::LegacyDprdNotRequired { .. }
                | Finding::LegacyDraftNotSubmitted { .. }
                | Finding::LegacyDraftAlreadySubmitted { .. }
                | Finding::LegacyOpinionLate { .. }
                | Finding::LegacyOpinionAlreadyGiven { .. }
                | Finding::LegacyNoOpinion { .. }
                | Finding::LegacyResubmissionLate { .. }
                | Finding::LegacyAlreadyResubmitted { .. }
                | Finding::LegacyNotResubmitted { .. }
                | Finding::LegacyDeemedApprovalEarly { .. }
                | Finding::LegacyAssessmentLate { .. }
                | Finding::LegacyDateOutsideCalendar { .. }
                | Finding::LegacyCopyNotSent { .. }
                | Finding::LegacyCopiesOfUnknownDocument { .. }
                | Finding::LegacyNoCopyRecipient
                | Finding::LegacyPlanMissing
                | Finding::LegacyCostBenefitMissing
                | Finding::LegacyPlanPriorityMissing
                | Finding::LegacyOfferCopyMissing { .. }
                | Finding::LegacyDisputeForum { .. }
                | Finding::LegacyLawBeforeClause
                | Finding::LegacyAmendmentBelowLevel { .. }
                | Finding::LegacyGroundNotInPp50 { .. }
                | Finding::GroundOnlyForLegacy { .. }
                | Finding::LegacyEarlyTerminationNeedsNotice
                | Finding::LegacyNoticeWithoutReference
                | Finding::LegacyRequesterBearsRisks
                | Finding::LegacyObjectCompletionUnstated
                | Finding::LegacyBodyNotContinuousOrFiveYears
                | Finding::LegacyBodyDecisionNotByHead { .. }
                | Finding::RecordedText { .. } => {}
            }
        }
        all
    }

    /// A lower-case letter, then a capital that starts a lower-case word (`KbSigning`;
    /// acronyms such as KSDPK, APBD or MoU pass).
    fn camel(word: &str) -> bool {
        let chars: Vec<char> = word.chars().collect();
        chars
            .windows(3)
            .any(|w| w[0].is_lowercase() && w[1].is_uppercase() && w[2].is_lowercase())
    }

    /// A word that reads as a program identifier: `snake_case` or `CamelCase`.
    pub(crate) fn program_identifiers(text: &str) -> Vec<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|word| {
                let snake = word.contains('_');
                snake || camel(word)
            })
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn no_rendered_finding_names_a_program_identifier_in_either_language() {
        let all = every_variant();
        assert!(all.len() > 100, "{}", all.len());
        for finding in all {
            for lang in Lang::ALL {
                let text = finding.text(lang);
                assert!(!text.trim().is_empty(), "{finding:?} has no {lang} text");
                let found = program_identifiers(&text);
                assert!(
                    found.is_empty(),
                    "{finding:?} ({lang}): {found:?} in `{text}`"
                );
            }
        }
    }

    #[test]
    fn every_legacy_finding_has_its_own_text_and_legacy_places_are_pp50_places() {
        for finding in every_variant() {
            for lang in Lang::ALL {
                let text = finding.text(lang);
                assert!(
                    text != "temuan" && text != "finding",
                    "{finding:?} has no text of its own"
                );
            }
        }
        let late = Finding::LegacyResubmissionLate {
            region: KodeWilayah::SIDRAP,
            opinion_on: NaiveDate::from_ymd_opt(2016, 8, 15).unwrap_or_default(),
            deadline: NaiveDate::from_ymd_opt(2016, 9, 5).unwrap_or_default(),
        };
        let violation = super::super::Violation::error(crate::law::LEG_DPRD_02, late);
        assert_eq!(
            violation.citation().to_string(),
            "PP 50/2007 Pasal 12 ayat (3)"
        );
        // A shared finding under a legacy rule keeps the legacy rule's own citation.
        let clause = super::super::Violation::error(
            crate::law::LEG_DOC_01,
            Finding::ClauseMissing {
                clause: Clause::ForceMajeure,
            },
        );
        assert_eq!(clause.citation().to_string(), "PP 50/2007 Pasal 7 huruf b");
    }

    #[test]
    fn the_identifier_scan_catches_what_it_must() {
        assert_eq!(
            program_identifiers("tahap (KbSigning) dasar court_judgment"),
            ["KbSigning", "court_judgment"]
        );
        assert!(program_identifiers("KSDPK, TKKSD, APBD, PP 28/2018, KSD-DOC-07").is_empty());
    }
}
