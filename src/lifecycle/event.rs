//! Events: facts already decided. `apply` never fails on them.

use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::RuleSetRef;
use crate::model::{
    AffairsMapping, CoordinationLevel, CopyRecipient, DisputeForum, Document, DocumentId, DprdGate,
    Evaluation, FeasibilityStudy, InitiativeCriteria, KodeWilayah, LawfulnessAttestation,
    OfferLetter, PartyId, Takeover, TerminationNotice, TkksdReview,
};

use super::command::{CommandKind, CooperationSpec};
use super::stage::Stage;
use super::violation::Violation;

/// A ground on which a cooperation ends (KSD-TERM-01 (a)–(e); KSD-TERM-02 (f)–(g) for KSDPK).
///
/// A change of head of region is not a ground (KSD-TERM-03): parsing one is a typed error.
///
/// ```
/// use kerjasama::lifecycle::EndGround;
/// assert_eq!("term_expired".parse::<EndGround>(), Ok(EndGround::TermExpired));
/// let err = "leadership_change".parse::<EndGround>().unwrap_err();
/// assert!(err.to_string().contains("KSD-TERM-03"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "&'static str")]
#[non_exhaustive]
pub enum EndGround {
    /// (a) the term expires (jangka waktu berakhir).
    TermExpired,
    /// (b) the objective is achieved (tujuan tercapai).
    ObjectiveAchieved,
    /// (c) the parties agree to end it (kesepakatan para pihak).
    MutualAgreement,
    /// (d) a policy change under the law makes it impossible (perubahan kebijakan).
    PolicyChange,
    /// (e) its object is lost or destroyed (objek hilang atau musnah).
    ObjectLost,
    /// (f) KSDPK only: a final and binding court judgment (putusan pengadilan inkracht).
    CourtJudgment,
    /// (g) KSDPK only: the third party is declared bankrupt (pailit).
    Bankruptcy,
    // ---- legacy rule set only (PP 50/2007 Pasal 18–19; the current set refuses them)
    /// Legacy, Pasal 18 huruf c: a fundamental change makes the agreement impossible to carry
    /// out (perubahan mendasar).
    FundamentalChange,
    /// Legacy, Pasal 18 huruf d: a party does not perform or breaches the agreement.
    Breach,
    /// Legacy, Pasal 18 huruf e: a new agreement replaces the old one.
    ReplacedByNewAgreement,
    /// Legacy, Pasal 18 huruf f: a new norm appears in the legislation (norma baru).
    NewLegalNorm,
    /// Legacy, Pasal 18 huruf h: matters that harm the national interest.
    NationalInterestHarmed,
    /// Legacy, Pasal 19: ended before its time at one party's request, by written notice
    /// (recorded only with the notice, [`crate::lifecycle::Command::TerminateEarly`]).
    EarlyTerminationByParty,
}

impl EndGround {
    /// Every ground of the current rule set (KSD-TERM-01 (a)–(e), KSD-TERM-02 (f)–(g)); the
    /// grounds only the legacy rule set knows are [`EndGround::LEGACY_ONLY`].
    pub const ALL: [EndGround; 7] = [
        EndGround::TermExpired,
        EndGround::ObjectiveAchieved,
        EndGround::MutualAgreement,
        EndGround::PolicyChange,
        EndGround::ObjectLost,
        EndGround::CourtJudgment,
        EndGround::Bankruptcy,
    ];

    /// The grounds only the legacy rule set knows (PP 50/2007 Pasal 18 huruf c–f and h, and
    /// the early termination of Pasal 19).
    pub const LEGACY_ONLY: [EndGround; 6] = [
        EndGround::FundamentalChange,
        EndGround::Breach,
        EndGround::ReplacedByNewAgreement,
        EndGround::NewLegalNorm,
        EndGround::NationalInterestHarmed,
        EndGround::EarlyTerminationByParty,
    ];

    /// The nine grounds of PP 50/2007 Pasal 18, in the order of its letters a–i (LEG-TERM-01).
    ///
    /// ```
    /// use kerjasama::lifecycle::EndGround;
    /// assert_eq!(EndGround::PP50_GROUNDS.len(), 9);
    /// assert_eq!(EndGround::PP50_GROUNDS[8], EndGround::TermExpired); // huruf i
    /// ```
    pub const PP50_GROUNDS: [EndGround; 9] = [
        EndGround::MutualAgreement,
        EndGround::ObjectiveAchieved,
        EndGround::FundamentalChange,
        EndGround::Breach,
        EndGround::ReplacedByNewAgreement,
        EndGround::NewLegalNorm,
        EndGround::ObjectLost,
        EndGround::NationalInterestHarmed,
        EndGround::TermExpired,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            EndGround::TermExpired => "term_expired",
            EndGround::ObjectiveAchieved => "objective_achieved",
            EndGround::MutualAgreement => "mutual_agreement",
            EndGround::PolicyChange => "policy_change",
            EndGround::ObjectLost => "object_lost",
            EndGround::CourtJudgment => "court_judgment",
            EndGround::Bankruptcy => "bankruptcy",
            EndGround::FundamentalChange => "fundamental_change",
            EndGround::Breach => "breach",
            EndGround::ReplacedByNewAgreement => "replaced_by_new_agreement",
            EndGround::NewLegalNorm => "new_legal_norm",
            EndGround::NationalInterestHarmed => "national_interest_harmed",
            EndGround::EarlyTerminationByParty => "early_termination_by_party",
        }
    }

    /// Whether only a KSDPK may end on this ground (KSD-TERM-02).
    pub fn ksdpk_only(self) -> bool {
        matches!(self, EndGround::CourtJudgment | EndGround::Bankruptcy)
    }

    /// Whether only the legacy rule set knows this ground (PP 50/2007 Pasal 18–19): the
    /// current rule set refuses it under KSD-TERM-01.
    ///
    /// ```
    /// use kerjasama::lifecycle::EndGround;
    /// assert!(EndGround::Breach.legacy_only());
    /// assert!(!EndGround::MutualAgreement.legacy_only());
    /// ```
    pub fn legacy_only(self) -> bool {
        EndGround::LEGACY_ONLY.contains(&self)
    }

    /// The letter of PP 50/2007 Pasal 18 that names this ground, if it does.
    pub fn pp50_letter(self) -> Option<char> {
        EndGround::PP50_GROUNDS
            .iter()
            .position(|g| *g == self)
            .and_then(|i| "abcdefghi".chars().nth(i))
    }
}

/// A text that names no end ground.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseEndGroundError {
    /// A change of leadership, which never ends a cooperation.
    #[error(
        "`{0}`: pergantian kepala daerah atau pejabat tidak mengakhiri kerja sama / a change of head or authorised official does not end a cooperation (KSD-TERM-03)"
    )]
    LeadershipChange(String),
    /// Anything else.
    #[error(
        "`{0}` is not an end ground of KSD-TERM-01/-02 or LEG-TERM-01/-02 (bukan dasar berakhirnya kerja sama)"
    )]
    Unknown(String),
}

impl FromStr for EndGround {
    type Err = ParseEndGroundError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Some(ground) = EndGround::ALL
            .into_iter()
            .chain(EndGround::LEGACY_ONLY)
            .find(|g| g.as_str() == text)
        {
            return Ok(ground);
        }
        if matches!(text, "leadership_change" | "change_of_head" | "new_head") {
            return Err(ParseEndGroundError::LeadershipChange(text.to_owned()));
        }
        Err(ParseEndGroundError::Unknown(text.to_owned()))
    }
}

impl TryFrom<String> for EndGround {
    type Error = ParseEndGroundError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<EndGround> for &'static str {
    fn from(ground: EndGround) -> Self {
        ground.as_str()
    }
}

/// The evidence of a ground of ending (a decree on a policy change, a report of the object's
/// loss, a court judgment, a bankruptcy declaration).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "GroundEvidence")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct GroundEvidence {
    /// The ground it proves.
    pub ground: EndGround,
    /// The document: date and reference.
    pub evidence: crate::model::Record,
}
crate::serde_shape::map_shaped!(GroundEvidence);

impl GroundEvidence {
    /// `evidence` of `ground`.
    pub fn new(ground: EndGround, evidence: crate::model::Record) -> Self {
        GroundEvidence { ground, evidence }
    }
}

/// An event: a dated fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Event")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Event {
    /// The legal date on which it happened.
    pub occurred_on: NaiveDate,
    /// What happened.
    pub kind: EventKind,
}
crate::serde_shape::map_shaped!(Event);

impl Event {
    /// Whether this event records warnings rather than a fact of the procedure.
    pub fn is_warning(&self) -> bool {
        matches!(self.kind, EventKind::Warned { .. })
    }

    /// The warnings it records (none for a fact).
    pub fn warnings(&self) -> &[Violation] {
        match &self.kind {
            EventKind::Warned { violations } => violations,
            _ => &[],
        }
    }
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "EventKind")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "event",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum EventKind {
    /// The cooperation was registered.
    Registered {
        /// What was registered.
        spec: Box<CooperationSpec>,
        /// The rule set it is decided under.
        rule_set: RuleSetRef,
    },
    /// A region's mapping was filed.
    MappingFiled {
        /// The mapping.
        mapping: AffairsMapping,
    },
    /// Technical coordination was held.
    TechnicalCoordinationHeld {
        /// At which level.
        level: CoordinationLevel,
    },
    /// The heads signed their joint agreement.
    HeadsAgreementSigned {
        /// The agreement.
        document: Document,
    },
    /// A third party's proposal was received.
    ProposalReceived {
        /// Its letter number.
        letter_number: String,
        /// Its feasibility study.
        study: FeasibilityStudy,
    },
    /// A revision was requested.
    RevisionRequested {
        /// What to revise.
        note: String,
    },
    /// The criteria of KSD-PK-05 were assessed.
    CriteriaAssessed {
        /// The criteria.
        criteria: InitiativeCriteria,
    },
    /// A proposal was rejected.
    ProposalRejected {
        /// Why.
        reason: String,
    },
    /// Lawfulness was attested.
    LawfulnessAttested {
        /// The attestation.
        attestation: LawfulnessAttestation,
    },
    /// The region's feasibility study was submitted.
    FeasibilityStudySubmitted {
        /// The study.
        study: FeasibilityStudy,
    },
    /// The TKKSD reviewed.
    TkksdReviewed {
        /// The review.
        review: TkksdReview,
    },
    /// A region party's DPRD gate was assessed.
    DprdGateAssessed {
        /// The region.
        region: KodeWilayah,
        /// The flags.
        gate: DprdGate,
    },
    /// The offer letter was sent.
    OfferSent {
        /// The letter.
        letter: OfferLetter,
    },
    /// A partner accepted the offer.
    OfferAccepted {
        /// Who accepted.
        by: PartyId,
    },
    /// A partner rejected the offer.
    OfferRejected {
        /// Who rejected.
        by: PartyId,
        /// Why.
        reason: String,
    },
    /// The initiator withdrew.
    Withdrawn {
        /// Why.
        reason: String,
    },
    /// The KB was signed.
    KbSigned {
        /// The KB.
        document: Document,
    },
    /// A DPRD approved.
    DprdApproved {
        /// Its region.
        region: KodeWilayah,
        /// Its decision's reference.
        reference: String,
    },
    /// A DPRD refused.
    DprdRefused {
        /// Its region.
        region: KodeWilayah,
        /// Why.
        reason: String,
    },
    /// A PKS was signed.
    PksSigned {
        /// The PKS.
        document: Document,
    },
    /// Leadership changed; nothing ends (KSD-TERM-03).
    LeadershipChanged {
        /// The party.
        party: PartyId,
        /// The new office holder.
        new_office_holder: String,
    },
    /// An addendum was signed.
    AddendumSigned {
        /// The addendum.
        document: Document,
    },
    /// A cooperation secretariat was set up.
    SecretariatEstablished {
        /// Whether the cooperation is continuous.
        continuous: bool,
    },
    /// A dispute was raised.
    DisputeRaised {
        /// The forum.
        forum: DisputeForum,
        /// Notes.
        note: String,
    },
    /// An evaluation was recorded.
    Evaluated {
        /// The evaluation.
        evaluation: Evaluation,
    },
    /// An extension started as a new cooperation.
    ExtensionStarted {
        /// The new cooperation.
        successor: crate::model::CooperationId,
    },
    /// The cooperation ended.
    Terminated {
        /// The grounds.
        grounds: Vec<EndGround>,
        /// Ground (c): each party's consent.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        consents: Vec<crate::model::Consent>,
        /// The evidence of grounds (d)–(g).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        evidence: Vec<GroundEvidence>,
        /// One party's written notice (KSD-TERM-09).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notice: Option<crate::model::WrittenNotice>,
    },
    /// After a DPRD refusal, the KB goes back to drafting as a new version; the refused one
    /// stays in the record.
    KbRevisionStarted {
        /// The KB it replaces.
        superseded: crate::model::DocumentId,
    },
    /// A later PKS under the same KB was submitted to the DPRDs whose gate is true.
    DprdSubmitted,
    /// Drafting of a later PKS under the same KB started, after its DPRD round (stage f).
    PksDraftingStarted,
    /// An unperformed kerja sama wajib was taken over.
    TakenOver {
        /// The decree.
        takeover: Takeover,
    },
    /// The cooperation was cancelled.
    Cancelled {
        /// Why.
        reason: String,
    },
    /// The stage changed, after the guards listed were checked.
    StageChanged {
        /// From.
        from: Stage,
        /// To.
        to: Stage,
        /// The command that caused it.
        via: CommandKind,
    },
    /// The step was accepted with these `[SECONDARY]` findings or advisory violations.
    Warned {
        /// The warnings.
        violations: Vec<Violation>,
    },
    // ---- legacy rule set (PP 50/2007)
    /// Legacy: the region's head submitted the draft PKS to its DPRD, received that day
    /// (Pasal 11–12 ayat (1), LEG-DPRD-02).
    DraftSubmittedToDprd {
        /// The region.
        region: KodeWilayah,
    },
    /// Legacy: the DPRD found the draft deficient and sent its opinion and suggestions
    /// (Pasal 12 ayat (2)).
    DprdOpinionGiven {
        /// Its region.
        region: KodeWilayah,
        /// The letter's reference.
        reference: String,
    },
    /// Legacy: the head resubmitted the revised draft (Pasal 12 ayat (3)).
    DraftResubmittedToDprd {
        /// The region.
        region: KodeWilayah,
    },
    /// Legacy: the DPRD is deemed to have approved (Pasal 12 ayat (4)).
    DprdDeemedApproved {
        /// Its region.
        region: KodeWilayah,
    },
    /// Legacy: a region sent copies of a signed PKS (Pasal 12 ayat (5)–(6), LEG-DPRD-03).
    CopiesSent {
        /// The region that sent them.
        region: KodeWilayah,
        /// The PKS.
        document: DocumentId,
        /// Who received a copy.
        recipients: Vec<CopyRecipient>,
    },
    /// Legacy: ended before its time at one party's request (Pasal 19, LEG-TERM-02).
    TerminatedEarly {
        /// The written notice.
        notice: TerminationNotice,
    },
    /// Legacy: a cooperation body was set up by the heads' joint decision (Pasal 24,
    /// LEG-INST-01).
    CooperationBodyEstablished {
        /// Whether the cooperation is continuous.
        continuous: bool,
        /// The joint decision of the heads.
        decision: Document,
    },
}
crate::serde_shape::map_shaped!(EventKind);
