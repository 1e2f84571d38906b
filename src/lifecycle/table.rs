//! The transition table: the single source of truth for `decide`, `allowed_commands`,
//! diagrams, the rule listing and the property-test generators.

use serde::Serialize;

use crate::law::*;

use crate::model::{Role, Track};

use super::command::CommandKind;
use super::stage::Stage;

/// One row: from a stage, on a command, for some tracks, to one of its target stages, after
/// checking the guards, issued by one of the roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Transition {
    /// Stage the row leaves.
    pub from: Stage,
    /// Command that triggers it.
    pub command: CommandKind,
    /// Possible targets; the first is the usual one, the others depend on state or policy
    /// (e.g. the last DPRD approval leads on, earlier ones stay).
    pub to: &'static [Stage],
    /// Tracks (kinds) it applies to.
    pub tracks: &'static [Track],
    /// Rules checked, all of them, before it is accepted.
    pub guards: &'static [RuleId],
    /// Roles that may issue the command.
    pub roles: &'static [Role],
    /// The rule that says who acts.
    pub authority: RuleId,
    /// The first version of its rule set (the current one, or the legacy one for the rows
    /// of [`super::legacy_transitions`]) that has this row.
    pub since: u32,
    /// The last version of its rule set that has this row (`u32::MAX`: every later
    /// one). A row is never edited once a log may have used it: a change is a new row from
    /// a new version, and the old row ends with the version before.
    pub until: u32,
}

impl Transition {
    /// The same row, only from rule-set version `version` on.
    #[allow(dead_code, reason = "for the rows a later rule-set version adds")]
    pub(crate) const fn since(self, version: u32) -> Self {
        Transition {
            since: version,
            ..self
        }
    }

    /// The same row, only up to rule-set version `version`.
    #[allow(dead_code, reason = "for the rows a later rule-set version ends")]
    pub(crate) const fn until(self, version: u32) -> Self {
        Transition {
            until: version,
            ..self
        }
    }

    /// Whether version `version` of the current rule set has this row.
    pub fn in_version(&self, version: u32) -> bool {
        self.since <= version && version <= self.until
    }
}

use Role::*;
use Stage::*;
use Track::*;

const ALL_TRACKS: &[Track] = &[KsddWajib, KsddSukarela, KsdpkRegion, KsdpkThirdParty];
const KSDD: &[Track] = &[KsddWajib, KsddSukarela];
const KSDPK: &[Track] = &[KsdpkRegion, KsdpkThirdParty];
const REGION_LED: &[Track] = &[KsddWajib, KsddSukarela, KsdpkRegion];
const WAJIB: &[Track] = &[KsddWajib];
const NOT_WAJIB: &[Track] = &[KsddSukarela, KsdpkRegion, KsdpkThirdParty];
const SUKARELA_AND_REGION_KSDPK: &[Track] = &[KsddSukarela, KsdpkRegion];

const DRAFTERS: &[Role] = &[Opd, CooperationUnit];
pub(super) const HEAD_OR_CLERK: &[Role] = &[KepalaDaerah, CooperationUnit];
const HEAD: &[Role] = &[KepalaDaerah];
pub(super) const PKS_SIGNERS: &[Role] = &[KepalaDaerah, AuthorisedOfficial, CooperationUnit];
pub(super) const GATE_ASSESSORS: &[Role] = &[KepalaDaerah, CooperationUnit, Opd];

/// A row of version 1 onward (narrowed with `since`/`until`); the legacy table uses it too.
pub(super) const fn row(
    from: Stage,
    command: CommandKind,
    to: &'static [Stage],
    tracks: &'static [Track],
    guards: &'static [RuleId],
    roles: &'static [Role],
    authority: RuleId,
) -> Transition {
    Transition {
        from,
        command,
        to,
        tracks,
        guards,
        roles,
        authority,
        since: 1,
        until: u32::MAX,
    }
}

use CommandKind as C;

const SIGN_PKS_GUARDS: &[RuleId] = &[
    KSD_DOC_01,
    KSD_DOC_02,
    KSD_DOC_03,
    KSD_KIND_03,
    KSD_DOC_07,
    KSD_STAGE_04,
    KSD_TERM_05,
];
const TAKEOVER_GUARDS: &[RuleId] = &[KSD_ENF_01, KSD_ENF_02, KSD_ENF_03, KSD_ENF_04];
const TAKEOVER_GUARDS_V3: &[RuleId] = &[KSD_ENF_01, KSD_ENF_02, KSD_ENF_03, KSD_ENF_04, KSD_ENF_05];
const TERMINATE_GUARDS: &[RuleId] = &[KSD_TERM_01, KSD_TERM_02, KSD_TERM_09];
/// A later PKS under the KB is signed after its own drafting (stage f, KSD-STAGE-01): the
/// row of version 3, which checked the DPRD round only when drafting started.
const SIGN_LATER_PKS_GUARDS: &[RuleId] = &[
    KSD_STAGE_01,
    KSD_DOC_01,
    KSD_DOC_02,
    KSD_DOC_03,
    KSD_KIND_03,
    KSD_DOC_07,
    KSD_STAGE_04,
    KSD_TERM_05,
];
/// From version 4, a later PKS is also signed only once every true gate of its DPRD round is
/// approved (KSD-DPRD-01, -02): a gate may be assessed again while the PKS is drafted.
const SIGN_LATER_PKS_GUARDS_V4: &[RuleId] = &[
    KSD_STAGE_01,
    KSD_DPRD_01,
    KSD_DPRD_02,
    KSD_DOC_01,
    KSD_DOC_02,
    KSD_DOC_03,
    KSD_KIND_03,
    KSD_DOC_07,
    KSD_STAGE_04,
    KSD_TERM_05,
];
const REGISTER_GUARDS: &[RuleId] = &[
    KSD_KIND_01,
    KSD_KIND_04,
    KSD_KIND_06,
    KSD_KIND_07,
    KSD_KIND_08,
    KSD_KIND_09,
    KSD_OBJ_01,
    KSD_OBJ_02,
    KSD_OBJ_03,
    KSD_PK_01,
    KSD_PK_02,
    KSD_PK_03,
    KSD_TERM_05,
];
const REGISTER_GUARDS_V3: &[RuleId] = &[
    KSD_KIND_01,
    KSD_KIND_04,
    KSD_KIND_06,
    KSD_KIND_07,
    KSD_KIND_08,
    KSD_KIND_09,
    KSD_OBJ_01,
    KSD_OBJ_02,
    KSD_OBJ_03,
    KSD_PK_01,
    KSD_PK_02,
    KSD_PK_03,
    KSD_TERM_05,
    KSD_ENF_07,
    KSD_KIND_05,
];

#[rustfmt::skip]
static TABLE: &[Transition] = &[
    row(Unregistered, C::Register, &[Draft], ALL_TRACKS, REGISTER_GUARDS, DRAFTERS, KSD_STAGE_03).until(2),
    // Kerja sama wajib pre-stages (RULES.md §4.2).
    row(Draft, C::BeginWajibProcedure, &[Mapping], WAJIB, &[KSD_KIND_07, KSD_KIND_09], &[KepalaDaerah, Opd, CooperationUnit], KSD_WAJIB_01),
    row(Mapping, C::FileMapping, &[Mapping], WAJIB, &[KSD_WAJIB_01], &[Opd, Tkksd, CooperationUnit], KSD_WAJIB_01),
    row(Mapping, C::HoldTechnicalCoordination, &[TechnicalCoordination], WAJIB, &[KSD_WAJIB_01, KSD_WAJIB_02], &[Governor, Minister, CooperationUnit], KSD_WAJIB_02),
    row(TechnicalCoordination, C::SignHeadsAgreement, &[HeadsAgreed], WAJIB, &[KSD_WAJIB_03, KSD_KIND_02], HEAD_OR_CLERK, KSD_WAJIB_03),
    row(HeadsAgreed, C::StartPreparation, &[Preparation], WAJIB, &[], DRAFTERS, KSD_STAGE_01),
    // Stage a: preparation, or a third party's own proposal (§4.3).
    row(Draft, C::StartPreparation, &[Preparation], &[KsddSukarela, KsdpkRegion], &[], DRAFTERS, KSD_STAGE_01),
    row(Draft, C::ReceiveProposal, &[ProposalReceived], &[KsdpkThirdParty], &[KSD_PK_06], &[ThirdParty, CooperationUnit], KSD_PK_06),
    row(ProposalReceived, C::RequestRevision, &[ProposalReceived], &[KsdpkThirdParty], &[], &[CooperationUnit, Tkksd], KSD_PK_09),
    row(ProposalReceived, C::AssessCriteria, &[ProposalReceived], &[KsdpkThirdParty], &[], &[CooperationUnit, Tkksd], KSD_PK_09),
    row(ProposalReceived, C::AttestLawfulness, &[ProposalReceived], &[KsdpkThirdParty], &[], &[Opd, CooperationUnit, Tkksd], KSD_OBJ_04),
    row(ProposalReceived, C::RecordTkksdReview, &[ProposalReceived], &[KsdpkThirdParty], &[], &[Tkksd], KSD_STAGE_04),
    row(ProposalReceived, C::AssessDprdGate, &[ProposalReceived], &[KsdpkThirdParty], &[], GATE_ASSESSORS, KSD_DPRD_01),
    // KSD-PK-06 is met on receipt: a proposal is received only with the third party's own study.
    row(ProposalReceived, C::AcceptProposal, &[OfferAccepted], &[KsdpkThirdParty], &[KSD_PK_05, KSD_OBJ_04, KSD_STAGE_04], HEAD, KSD_KIND_02),
    row(ProposalReceived, C::RejectProposal, &[ProposalRejected], &[KsdpkThirdParty], &[], HEAD, KSD_KIND_02),
    row(Preparation, C::FileMapping, &[Preparation], &[KsdpkRegion], &[KSD_PK_04], &[Opd, Tkksd, CooperationUnit], KSD_PK_04),
    row(Preparation, C::SubmitFeasibilityStudy, &[Preparation], &[KsdpkRegion], &[KSD_PK_04], DRAFTERS, KSD_PK_04),
    row(Preparation, C::AttestLawfulness, &[Preparation], REGION_LED, &[], &[Opd, CooperationUnit, Tkksd], KSD_OBJ_04),
    row(Preparation, C::RecordTkksdReview, &[Preparation], REGION_LED, &[], &[Tkksd], KSD_STAGE_04),
    row(Preparation, C::AssessDprdGate, &[Preparation], REGION_LED, &[], GATE_ASSESSORS, KSD_DPRD_01),
    // Stage b: offer.
    row(Preparation, C::SendOffer, &[OfferSent], REGION_LED, &[KSD_OBJ_04, KSD_PK_04, KSD_STAGE_04, KSD_KIND_02], HEAD_OR_CLERK, KSD_KIND_02).until(2),
    row(Preparation, C::Withdraw, &[Withdrawn], REGION_LED, &[], HEAD, KSD_KIND_02).until(2),
    row(OfferSent, C::AcceptOffer, &[OfferAccepted, OfferSent], REGION_LED, &[], &[KepalaDaerah, ThirdParty], KSD_KIND_02),
    row(OfferSent, C::RejectOffer, &[OfferRejected], REGION_LED, &[], &[KepalaDaerah, ThirdParty], KSD_KIND_02).until(2),
    row(OfferSent, C::Withdraw, &[Withdrawn], REGION_LED, &[], HEAD, KSD_KIND_02).until(2),
    row(OfferSent, C::AssessDprdGate, &[OfferSent], REGION_LED, &[], GATE_ASSESSORS, KSD_DPRD_01),
    // Stages c and d: the KB.
    row(OfferAccepted, C::StartKbDrafting, &[KbDrafting], ALL_TRACKS, &[], DRAFTERS, KSD_STAGE_01),
    row(OfferAccepted, C::AssessDprdGate, &[OfferAccepted], ALL_TRACKS, &[], GATE_ASSESSORS, KSD_DPRD_01),
    row(OfferAccepted, C::StartPksDrafting, &[PksDrafting], ALL_TRACKS, &[KSD_STAGE_05, KSD_DPRD_01, KSD_DPRD_02], DRAFTERS, KSD_STAGE_05),
    row(OfferAccepted, C::SubmitToDprd, &[AwaitingDprd], ALL_TRACKS, &[KSD_STAGE_05, KSD_DPRD_01, KSD_DPRD_02, KSD_DPRD_03], HEAD_OR_CLERK, KSD_DPRD_01),
    row(KbDrafting, C::RecordTkksdReview, &[KbDrafting], ALL_TRACKS, &[], &[Tkksd], KSD_STAGE_04),
    row(KbDrafting, C::AssessDprdGate, &[KbDrafting], ALL_TRACKS, &[], GATE_ASSESSORS, KSD_DPRD_01),
    row(KbDrafting, C::SignKb, &[KbSigned], ALL_TRACKS, &[KSD_DOC_01, KSD_DOC_07, KSD_KIND_03, KSD_STAGE_04, KSD_TERM_05], HEAD_OR_CLERK, KSD_KIND_02).until(2),
    // Stage e: the conditional DPRD gate, per region party (§5). No timer (KSD-DPRD-04).
    row(KbSigned, C::AssessDprdGate, &[KbSigned], ALL_TRACKS, &[], GATE_ASSESSORS, KSD_DPRD_01),
    row(KbSigned, C::SubmitToDprd, &[AwaitingDprd], ALL_TRACKS, &[KSD_DPRD_01, KSD_DPRD_02], HEAD_OR_CLERK, KSD_DPRD_01),
    row(AwaitingDprd, C::ApproveDprd, &[PksDrafting, AwaitingDprd], ALL_TRACKS, &[KSD_DPRD_01], &[Dprd], KSD_DPRD_01),
    row(AwaitingDprd, C::RefuseDprd, &[DprdRefused, KbDrafting], ALL_TRACKS, &[KSD_DPRD_01], &[Dprd], KSD_DPRD_01).until(2),
    // Stages f and g: the PKS.
    // After the KB, KSD-DPRD-03 (the gate follows the KB) is met by the stage itself.
    row(KbSigned, C::StartPksDrafting, &[PksDrafting], ALL_TRACKS, &[KSD_DPRD_01, KSD_DPRD_02], DRAFTERS, KSD_DPRD_03),
    row(PksDrafting, C::RecordTkksdReview, &[PksDrafting], ALL_TRACKS, &[], &[Tkksd], KSD_STAGE_04),
    row(PksDrafting, C::SignPks, &[PksSigned], ALL_TRACKS, SIGN_PKS_GUARDS, PKS_SIGNERS, KSD_KIND_03),
    row(PksSigned, C::SignPks, &[PksSigned], ALL_TRACKS, SIGN_PKS_GUARDS, PKS_SIGNERS, KSD_KIND_03),
    // Stages h–j happen inside InForce (RULES.md §4.6).
    row(PksSigned, C::EnterIntoForce, &[InForce], ALL_TRACKS, &[KSD_STAGE_01], DRAFTERS, KSD_STAGE_01),
    row(PksSigned, C::EstablishSecretariat, &[PksSigned], KSDD, &[KSD_ENF_08], HEAD, KSD_ENF_08),
    row(InForce, C::SignPks, &[InForce], ALL_TRACKS, SIGN_PKS_GUARDS, PKS_SIGNERS, KSD_KIND_03).until(2),
    row(InForce, C::RecordLeadershipChange, &[InForce], ALL_TRACKS, &[KSD_TERM_03], &[CooperationUnit], KSD_TERM_03),
    row(InForce, C::SignAddendum, &[InForce], ALL_TRACKS, &[KSD_TERM_08, KSD_DOC_07], PKS_SIGNERS, KSD_TERM_08),
    row(InForce, C::EstablishSecretariat, &[InForce], KSDD, &[KSD_ENF_08], HEAD, KSD_ENF_08),
    row(InForce, C::RaiseDispute, &[InForce], KSDD, &[KSD_DISP_01], &[KepalaDaerah, CooperationUnit], KSD_DISP_01),
    row(InForce, C::RaiseDispute, &[InForce], KSDPK, &[KSD_DISP_02], &[KepalaDaerah, CooperationUnit, ThirdParty], KSD_DISP_02),
    row(InForce, C::Terminate, &[Ended], ALL_TRACKS, &[KSD_TERM_01, KSD_TERM_02], HEAD_OR_CLERK, KSD_TERM_01).until(2),
    row(InForce, C::RecordExpiry, &[Ended], ALL_TRACKS, &[KSD_TERM_01], &[CooperationUnit], KSD_TERM_01),
    // Evaluation, extension and an expiry recorded again (issue "Time").
    row(InForce, C::RecordEvaluation, &[InForce], ALL_TRACKS, &[KSD_IMPL_06], &[Opd, CooperationUnit], KSD_IMPL_03).until(2),
    row(InForce, C::RecordExtension, &[InForce], ALL_TRACKS, &[KSD_TERM_06], DRAFTERS, KSD_TERM_06),
    row(Ended, C::RecordExtension, &[Ended], ALL_TRACKS, &[KSD_TERM_06], DRAFTERS, KSD_TERM_06),
    row(Ended, C::RecordExpiry, &[Ended], ALL_TRACKS, &[KSD_TERM_01], &[CooperationUnit], KSD_TERM_01),
    // Takeover of an unperformed kerja sama wajib (§9), from any non-terminal stage.
    row(Draft, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(Mapping, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(TechnicalCoordination, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(HeadsAgreed, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(Preparation, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(OfferSent, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(OfferAccepted, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(KbDrafting, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(KbSigned, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(AwaitingDprd, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(PksDrafting, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(PksSigned, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    row(InForce, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS, &[Governor, CentralGovernment], KSD_ENF_01).until(2),
    // Cancellation before entry into force.
    row(Draft, C::Cancel, &[Cancelled], ALL_TRACKS, &[], HEAD, KSD_KIND_02).until(2),
    row(Mapping, C::Cancel, &[Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).until(2),
    row(TechnicalCoordination, C::Cancel, &[Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).until(2),
    row(HeadsAgreed, C::Cancel, &[Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).until(2),
    row(ProposalReceived, C::Cancel, &[Cancelled], &[KsdpkThirdParty], &[], HEAD, KSD_KIND_02).until(2),
    row(Preparation, C::Cancel, &[Cancelled], REGION_LED, &[], HEAD, KSD_KIND_02).until(2),
    row(OfferAccepted, C::Cancel, &[Cancelled], ALL_TRACKS, &[], HEAD, KSD_KIND_02).until(2),
    row(KbDrafting, C::Cancel, &[Cancelled], ALL_TRACKS, &[], HEAD, KSD_KIND_02).until(2),
    row(KbSigned, C::Cancel, &[Cancelled], ALL_TRACKS, &[], HEAD, KSD_KIND_02).until(2),
    row(AwaitingDprd, C::Cancel, &[Cancelled], ALL_TRACKS, &[], HEAD, KSD_KIND_02).until(2),
    row(PksDrafting, C::Cancel, &[Cancelled], ALL_TRACKS, &[], HEAD, KSD_KIND_02).until(2),
    row(PksSigned, C::Cancel, &[Cancelled], ALL_TRACKS, &[], HEAD, KSD_KIND_02).until(2),
    // Version 3 (issue "The law at the exits"). Registration also checks that APBN funding aid
    // goes to kerja sama wajib only (KSD-ENF-07).
    row(Unregistered, C::Register, &[Draft], ALL_TRACKS, REGISTER_GUARDS_V3, DRAFTERS, KSD_STAGE_03).since(3),
    // The offer letter's signatory is practice (KSD-STAGE-08); the region acts through its
    // head (KSD-KIND-02: the letter is the initiator's).
    row(Preparation, C::SendOffer, &[OfferSent], REGION_LED, &[KSD_OBJ_04, KSD_PK_04, KSD_STAGE_04, KSD_KIND_02, KSD_STAGE_08], HEAD_OR_CLERK, KSD_KIND_02).since(3),
    row(KbDrafting, C::SignKb, &[KbSigned], ALL_TRACKS, &[KSD_DOC_01, KSD_DOC_03, KSD_DOC_07, KSD_KIND_03, KSD_STAGE_04, KSD_TERM_05], HEAD_OR_CLERK, KSD_KIND_02).since(3),
    row(InForce, C::RecordEvaluation, &[InForce], ALL_TRACKS, &[KSD_IMPL_06, KSD_PK_07], &[Opd, CooperationUnit], KSD_IMPL_03).since(3),
    // A kerja sama wajib has no way out but the takeover (Pasal 3 ayat (2), 10-11; Q21): a
    // withdrawal, a rejected offer, a DPRD refusal or a cancellation stalls it, unless
    // `wajib_refusal_policy` says otherwise.
    row(Preparation, C::Withdraw, &[Withdrawn], SUKARELA_AND_REGION_KSDPK, &[], HEAD, KSD_KIND_02).since(3),
    row(Preparation, C::Withdraw, &[Stalled, Withdrawn], WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(OfferSent, C::Withdraw, &[Withdrawn], SUKARELA_AND_REGION_KSDPK, &[], HEAD, KSD_KIND_02).since(3),
    row(OfferSent, C::Withdraw, &[Stalled, Withdrawn], WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(OfferSent, C::RejectOffer, &[OfferRejected], SUKARELA_AND_REGION_KSDPK, &[], &[KepalaDaerah, ThirdParty], KSD_KIND_02).since(3),
    row(OfferSent, C::RejectOffer, &[Stalled, OfferRejected], WAJIB, &[], &[KepalaDaerah, ThirdParty], KSD_KIND_02).since(3),
    row(AwaitingDprd, C::RefuseDprd, &[DprdRefused, KbDrafting], NOT_WAJIB, &[KSD_DPRD_01], &[Dprd], KSD_DPRD_01).since(3),
    row(AwaitingDprd, C::RefuseDprd, &[Stalled, DprdRefused, KbDrafting], WAJIB, &[KSD_DPRD_01], &[Dprd], KSD_DPRD_01).since(3),
    row(Stalled, C::Resume, &[Draft, Mapping, TechnicalCoordination, HeadsAgreed, Preparation], WAJIB, &[], HEAD_OR_CLERK, KSD_KIND_02).since(3),
    // Cancellation only before any KB is signed (Pasal 9 ayat (1) is a closed list of
    // grounds; KSD-TERM-04, -09); after that, termination on a ground.
    row(Draft, C::Cancel, &[Cancelled], NOT_WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(Draft, C::Cancel, &[Stalled, Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(Mapping, C::Cancel, &[Stalled, Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(TechnicalCoordination, C::Cancel, &[Stalled, Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(HeadsAgreed, C::Cancel, &[Stalled, Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(ProposalReceived, C::Cancel, &[Cancelled], &[KsdpkThirdParty], &[], HEAD, KSD_KIND_02).since(3),
    row(Preparation, C::Cancel, &[Cancelled], SUKARELA_AND_REGION_KSDPK, &[], HEAD, KSD_KIND_02).since(3),
    row(Preparation, C::Cancel, &[Stalled, Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(OfferAccepted, C::Cancel, &[Cancelled], NOT_WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(OfferAccepted, C::Cancel, &[Stalled, Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(KbDrafting, C::Cancel, &[Cancelled], NOT_WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(KbDrafting, C::Cancel, &[Stalled, Cancelled], WAJIB, &[], HEAD, KSD_KIND_02).since(3),
    row(KbSigned, C::Terminate, &[Ended], ALL_TRACKS, TERMINATE_GUARDS, HEAD_OR_CLERK, KSD_TERM_01).since(3),
    row(AwaitingDprd, C::Terminate, &[Ended], ALL_TRACKS, TERMINATE_GUARDS, HEAD_OR_CLERK, KSD_TERM_01).since(3),
    row(PksDrafting, C::Terminate, &[Ended], ALL_TRACKS, TERMINATE_GUARDS, HEAD_OR_CLERK, KSD_TERM_01).since(3),
    row(PksSigned, C::Terminate, &[Ended], ALL_TRACKS, TERMINATE_GUARDS, HEAD_OR_CLERK, KSD_TERM_01).since(3),
    row(InForce, C::Terminate, &[Ended], ALL_TRACKS, TERMINATE_GUARDS, HEAD_OR_CLERK, KSD_TERM_01).since(3),
    // Every later PKS under the KB passes stages e and f again (Pasal 6 ayat (1)-(2)): its own
    // DPRD round for the fiscal year of its funding, then its drafting.
    row(InForce, C::AssessDprdGate, &[InForce], ALL_TRACKS, &[], GATE_ASSESSORS, KSD_DPRD_01).since(3),
    row(InForce, C::SubmitToDprd, &[InForce], ALL_TRACKS, &[KSD_DPRD_01, KSD_DPRD_02], HEAD_OR_CLERK, KSD_DPRD_01).since(3),
    row(InForce, C::ApproveDprd, &[InForce], ALL_TRACKS, &[KSD_DPRD_01], &[Dprd], KSD_DPRD_01).since(3),
    row(InForce, C::RefuseDprd, &[InForce], ALL_TRACKS, &[KSD_DPRD_01], &[Dprd], KSD_DPRD_01).since(3),
    row(InForce, C::StartPksDrafting, &[InForce], ALL_TRACKS, &[KSD_STAGE_01, KSD_DPRD_01, KSD_DPRD_02], DRAFTERS, KSD_DPRD_03).since(3),
    row(InForce, C::SignPks, &[InForce], ALL_TRACKS, SIGN_LATER_PKS_GUARDS, PKS_SIGNERS, KSD_KIND_03).since(3).until(3),
    row(InForce, C::SignPks, &[InForce], ALL_TRACKS, SIGN_LATER_PKS_GUARDS_V4, PKS_SIGNERS, KSD_KIND_03).since(4),
    // The takeover, from every non-final stage of a kerja sama wajib and from its stall,
    // with its costs charged to the region concerned (KSD-ENF-05).
    row(Draft, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(Mapping, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(TechnicalCoordination, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(HeadsAgreed, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(Preparation, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(OfferSent, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(OfferAccepted, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(KbDrafting, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(KbSigned, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(AwaitingDprd, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(PksDrafting, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(PksSigned, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(InForce, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
    row(Stalled, C::TakeOver, &[TakenOver], WAJIB, TAKEOVER_GUARDS_V3, &[Governor, CentralGovernment], KSD_ENF_01).since(3),
];

/// Every row of the current rule set's latest version: what diagrams, the typed facade and
/// `allowed_commands` show.
///
/// ```
/// use kerjasama::lifecycle::{transitions, CommandKind, Stage};
/// let sign_kb = transitions().iter().find(|t| t.command == CommandKind::SignKb).unwrap();
/// assert_eq!(sign_kb.from, Stage::KbDrafting);
/// assert_eq!(sign_kb.to, &[Stage::KbSigned]);
/// ```
pub fn transitions() -> &'static [Transition] {
    static LATEST: std::sync::OnceLock<Vec<Transition>> = std::sync::OnceLock::new();
    LATEST.get_or_init(|| {
        let latest = latest_version();
        TABLE
            .iter()
            .filter(|row| row.in_version(latest))
            .copied()
            .collect()
    })
}

/// Every row of every version of the current rule set, with the versions that have it.
pub fn all_transitions() -> &'static [Transition] {
    TABLE
}

fn latest_version() -> u32 {
    crate::law::RuleSetRegistry::standard()
        .latest_current()
        .reference
        .version
}

/// The rows the rule set `rules` decides with: its regime's table (the current one, or the
/// legacy table of PP 50/2007), in its version.
pub fn rows_for(rules: &RuleSet) -> impl Iterator<Item = &'static Transition> + Clone {
    let version = rules.version();
    let table: &'static [Transition] = match rules.reference.id {
        RuleSetId::Pp50_2007 => super::table_legacy::TABLE,
        _ => TABLE,
    };
    table.iter().filter(move |row| row.in_version(version))
}

/// The row for `command` at `stage` on `track` under `rules`, if there is one.
pub fn lookup_for(
    rules: &RuleSet,
    stage: Stage,
    command: CommandKind,
    track: Track,
) -> Option<&'static Transition> {
    rows_for(rules).find(|t| t.from == stage && t.command == command && t.tracks.contains(&track))
}

/// The rows leaving `stage` on `track` under `rules`.
pub fn rows_from_for(
    rules: &RuleSet,
    stage: Stage,
    track: Track,
) -> impl Iterator<Item = &'static Transition> {
    rows_for(rules).filter(move |t| t.from == stage && t.tracks.contains(&track))
}

/// The row for `command` at `stage` on `track` in the latest version, if there is one.
pub fn lookup(stage: Stage, command: CommandKind, track: Track) -> Option<&'static Transition> {
    transitions()
        .iter()
        .find(|t| t.from == stage && t.command == command && t.tracks.contains(&track))
}

/// The rows leaving `stage` on `track` in the latest version.
pub fn rows_from(stage: Stage, track: Track) -> impl Iterator<Item = &'static Transition> {
    transitions()
        .iter()
        .filter(move |t| t.from == stage && t.tracks.contains(&track))
}

/// The shortest way, by stage-changing rows of `track` in the latest version, from `stage`
/// to a stage where `command` has a row: each step's row and the stage it leads to. `None`
/// if there is no way (the command cannot come after `stage`); an empty path if `command`
/// has a row at `stage` itself.
///
/// ```
/// use kerjasama::lifecycle::{CommandKind, Stage, path_to};
/// use kerjasama::model::Track;
/// // A kerja sama wajib still in draft must pass the three pre-stages of Pasal 5 first.
/// let path = path_to(Stage::Draft, CommandKind::SendOffer, Track::KsddWajib).unwrap();
/// let stages: Vec<Stage> = path.iter().map(|(_, to)| *to).collect();
/// assert_eq!(stages, [Stage::Mapping, Stage::TechnicalCoordination, Stage::HeadsAgreed, Stage::Preparation]);
/// ```
pub fn path_to(
    stage: Stage,
    command: CommandKind,
    track: Track,
) -> Option<Vec<(&'static Transition, Stage)>> {
    shortest_path(transitions().iter(), stage, command, track)
}

/// [`path_to`] under the rows of `rules`.
pub fn path_to_for(
    rules: &RuleSet,
    stage: Stage,
    command: CommandKind,
    track: Track,
) -> Option<Vec<(&'static Transition, Stage)>> {
    shortest_path(rows_for(rules), stage, command, track)
}

fn shortest_path(
    rows: impl Iterator<Item = &'static Transition> + Clone,
    stage: Stage,
    command: CommandKind,
    track: Track,
) -> Option<Vec<(&'static Transition, Stage)>> {
    use std::collections::{BTreeMap, VecDeque};
    // The way forward through the procedure: exits, the stall toward takeover and the
    // resumption after it are never steps toward another command.
    let on_track = move |t: &&'static Transition| {
        t.tracks.contains(&track)
            && !matches!(
                t.command,
                CommandKind::Cancel
                    | CommandKind::Withdraw
                    | CommandKind::RejectOffer
                    | CommandKind::RejectProposal
                    | CommandKind::RefuseDprd
                    | CommandKind::Terminate
                    | CommandKind::RecordExpiry
                    | CommandKind::TakeOver
                    | CommandKind::Resume
            )
    };
    // Breadth first over stages; `came_from` keeps the row and stage each was reached by.
    let mut came_from: BTreeMap<Stage, (&'static Transition, Stage)> = BTreeMap::new();
    let mut queue = VecDeque::from([stage]);
    while let Some(at) = queue.pop_front() {
        if rows
            .clone()
            .filter(on_track)
            .any(|t| t.from == at && t.command == command)
        {
            let mut path = Vec::new();
            let mut cursor = at;
            while let Some((row, previous)) = came_from.get(&cursor) {
                path.push((*row, cursor));
                cursor = *previous;
            }
            path.reverse();
            return Some(path);
        }
        for row in rows.clone().filter(on_track).filter(|t| t.from == at) {
            for &to in row.to {
                if to != stage && to != at && !came_from.contains_key(&to) {
                    came_from.insert(to, (row, at));
                    queue.push_back(to);
                }
            }
        }
    }
    None
}
