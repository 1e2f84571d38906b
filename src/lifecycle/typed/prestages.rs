//! From registration to preparation: the kerja sama wajib pre-stages (RULES.md §4.2) and a
//! third party's own proposal (§4.3).

use chrono::NaiveDate;

use crate::lifecycle::{Command, CommandKind as C, Stage};
use crate::model::{
    Actor, AffairsMapping, CoordinationLevel, Document, FeasibilityStudy, InitiativeCriteria,
};

use super::stage::{Draft, HeadsAgreed, Mapping, ProposalReceived, TechnicalCoordination};
use super::track::{self, KsddWajib, KsdpkThirdParty, StartsAtPreparation};
use super::{Ksd, Refused, Step, stage};

const BEGIN_WAJIB_PROCEDURE: Step = Step::new(
    Stage::Draft,
    C::BeginWajibProcedure,
    track::WAJIB,
    Some(&[Stage::Mapping]),
);
const START_PREPARATION_FROM_DRAFT: Step = Step::new(
    Stage::Draft,
    C::StartPreparation,
    track::STARTS_AT_PREPARATION,
    Some(&[Stage::Preparation]),
);
const RECEIVE_PROPOSAL: Step = Step::new(
    Stage::Draft,
    C::ReceiveProposal,
    track::KSDPK_THIRD_PARTY,
    Some(&[Stage::ProposalReceived]),
);
const FILE_MAPPING: Step = Step::new(Stage::Mapping, C::FileMapping, track::WAJIB, None);
const HOLD_TECHNICAL_COORDINATION: Step = Step::new(
    Stage::Mapping,
    C::HoldTechnicalCoordination,
    track::WAJIB,
    Some(&[Stage::TechnicalCoordination]),
);
const SIGN_HEADS_AGREEMENT: Step = Step::new(
    Stage::TechnicalCoordination,
    C::SignHeadsAgreement,
    track::WAJIB,
    Some(&[Stage::HeadsAgreed]),
);
const START_PREPARATION_AFTER_AGREEMENT: Step = Step::new(
    Stage::HeadsAgreed,
    C::StartPreparation,
    track::WAJIB,
    Some(&[Stage::Preparation]),
);
const REQUEST_REVISION: Step = Step::new(
    Stage::ProposalReceived,
    C::RequestRevision,
    track::KSDPK_THIRD_PARTY,
    None,
);
const ASSESS_CRITERIA: Step = Step::new(
    Stage::ProposalReceived,
    C::AssessCriteria,
    track::KSDPK_THIRD_PARTY,
    None,
);
const ACCEPT_PROPOSAL: Step = Step::new(
    Stage::ProposalReceived,
    C::AcceptProposal,
    track::KSDPK_THIRD_PARTY,
    Some(&[Stage::OfferAccepted]),
);
const REJECT_PROPOSAL: Step = Step::new(
    Stage::ProposalReceived,
    C::RejectProposal,
    track::KSDPK_THIRD_PARTY,
    Some(&[Stage::ProposalRejected]),
);

/// The steps of this module, for the table check.
#[cfg(test)]
pub(super) const STEPS: &[Step] = &[
    BEGIN_WAJIB_PROCEDURE,
    START_PREPARATION_FROM_DRAFT,
    RECEIVE_PROPOSAL,
    FILE_MAPPING,
    HOLD_TECHNICAL_COORDINATION,
    SIGN_HEADS_AGREEMENT,
    START_PREPARATION_AFTER_AGREEMENT,
    REQUEST_REVISION,
    ASSESS_CRITERIA,
    ACCEPT_PROPOSAL,
    REJECT_PROPOSAL,
];

impl Ksd<Draft, KsddWajib> {
    /// Starts the kerja sama wajib pre-stages (KSD-WAJIB-01; KSD-KIND-07 checked again):
    /// each region maps its affairs next.
    pub fn begin_wajib_procedure(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<Mapping, KsddWajib>, Refused<Draft, KsddWajib>> {
        self.step(
            &BEGIN_WAJIB_PROCEDURE,
            Command::BeginWajibProcedure,
            actor,
            on,
        )
    }
}

impl<T: StartsAtPreparation> Ksd<Draft, T> {
    /// Starts preparation (persiapan, stage a) of a kerja sama sukarela or a region's own
    /// KSDPK initiative, by the initiating OPD or cooperation unit.
    pub fn start_preparation(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<stage::Preparation, T>, Refused<Draft, T>> {
        self.step(
            &START_PREPARATION_FROM_DRAFT,
            Command::StartPreparation,
            actor,
            on,
        )
    }
}

impl Ksd<Draft, KsdpkThirdParty> {
    /// Receives a third party's own proposal with the feasibility study it prepared
    /// (KSD-PK-06, Pasal 18).
    pub fn receive_proposal(
        self,
        actor: &Actor,
        on: NaiveDate,
        letter_number: impl Into<String>,
        study: FeasibilityStudy,
    ) -> Result<Ksd<ProposalReceived, KsdpkThirdParty>, Refused<Draft, KsdpkThirdParty>> {
        let command = Command::ReceiveProposal {
            letter_number: letter_number.into(),
            study,
        };
        self.step(&RECEIVE_PROPOSAL, command, actor, on)
    }
}

impl Ksd<Mapping, KsddWajib> {
    /// Files one region's mapping of affairs (pemetaan urusan, KSD-WAJIB-01), by that region.
    pub fn file_mapping(
        self,
        actor: &Actor,
        on: NaiveDate,
        mapping: AffairsMapping,
    ) -> Result<Ksd<Mapping, KsddWajib>, Refused<Mapping, KsddWajib>> {
        self.step(&FILE_MAPPING, Command::FileMapping { mapping }, actor, on)
    }

    /// Records the technical coordination of the mappings at the level the parties require
    /// (KSD-WAJIB-02): every region must have filed its mapping.
    pub fn hold_technical_coordination(
        self,
        actor: &Actor,
        on: NaiveDate,
        level: CoordinationLevel,
    ) -> Result<Ksd<TechnicalCoordination, KsddWajib>, Refused<Mapping, KsddWajib>> {
        let command = Command::HoldTechnicalCoordination { level };
        self.step(&HOLD_TECHNICAL_COORDINATION, command, actor, on)
    }
}

impl Ksd<TechnicalCoordination, KsddWajib> {
    /// Records the heads' joint agreement on the coordination outcome, signed by every head
    /// (KSD-WAJIB-03, KSD-KIND-02).
    pub fn sign_heads_agreement(
        self,
        actor: &Actor,
        on: NaiveDate,
        document: Document,
    ) -> Result<Ksd<HeadsAgreed, KsddWajib>, Refused<TechnicalCoordination, KsddWajib>> {
        let command = Command::SignHeadsAgreement { document };
        self.step(&SIGN_HEADS_AGREEMENT, command, actor, on)
    }
}

impl Ksd<HeadsAgreed, KsddWajib> {
    /// Starts preparation (stage a) once the heads have agreed.
    pub fn start_preparation(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<stage::Preparation, KsddWajib>, Refused<HeadsAgreed, KsddWajib>> {
        self.step(
            &START_PREPARATION_AFTER_AGREEMENT,
            Command::StartPreparation,
            actor,
            on,
        )
    }
}

impl Ksd<ProposalReceived, KsdpkThirdParty> {
    /// Asks the third party to revise its proposal (KSD-PK-09).
    pub fn request_revision(
        self,
        actor: &Actor,
        on: NaiveDate,
        note: impl Into<String>,
    ) -> Result<Ksd<ProposalReceived, KsdpkThirdParty>, Refused<ProposalReceived, KsdpkThirdParty>>
    {
        let command = Command::RequestRevision { note: note.into() };
        self.step(&REQUEST_REVISION, command, actor, on)
    }

    /// Records the assessment of the three criteria of a third-party initiative (KSD-PK-05).
    pub fn assess_criteria(
        self,
        actor: &Actor,
        on: NaiveDate,
        criteria: InitiativeCriteria,
    ) -> Result<Ksd<ProposalReceived, KsdpkThirdParty>, Refused<ProposalReceived, KsdpkThirdParty>>
    {
        let command = Command::AssessCriteria { criteria };
        self.step(&ASSESS_CRITERIA, command, actor, on)
    }

    /// The head accepts the proposal: all three criteria met with evidence (KSD-PK-05), the
    /// third party's study (KSD-PK-06) and the lawfulness attestation (KSD-OBJ-04) on file.
    pub fn accept_proposal(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<
        Ksd<stage::OfferAccepted, KsdpkThirdParty>,
        Refused<ProposalReceived, KsdpkThirdParty>,
    > {
        self.step(&ACCEPT_PROPOSAL, Command::AcceptProposal, actor, on)
    }

    /// The head rejects the proposal: the cooperation ends in `ProposalRejected`.
    pub fn reject_proposal(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<
        Ksd<stage::ProposalRejected, KsdpkThirdParty>,
        Refused<ProposalReceived, KsdpkThirdParty>,
    > {
        let command = Command::RejectProposal {
            reason: reason.into(),
        };
        self.step(&REJECT_PROPOSAL, command, actor, on)
    }
}
