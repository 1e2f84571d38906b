//! The transition table of the legacy rule set: PP 50/2007 and Permendagri 22/2009, for
//! agreements signed before 13 July 2018 (KSD-TRANS-01; RULES.md §11).
//!
//! The procedure of PP 50/2007 Pasal 7: an offer (prakarsa or penawaran, huruf a); its
//! acceptance; the KB (kesepakatan bersama) and the draft PKS (huruf b); the DPRD's approval
//! where Pasal 9 requires it, on the timetable of Pasal 12; the signed PKS, which an official
//! may sign under a surat kuasa (Pasal 1 angka 5, Pasal 7 huruf d); then implementation,
//! amendment (Pasal 17), disputes (Pasal 14–16), the nine grounds of ending (Pasal 18), early
//! termination by written notice (Pasal 19), a change of government that ends nothing
//! (Pasal 20) and the cooperation body (Pasal 24).
//!
//! It reuses the stages and commands of the current table. It has no wajib/sukarela split (a
//! KSDD is registered without a category), no wajib pre-stages and no third-party-initiative
//! branch: a third party that takes the initiative offers like any party (Pasal 7 huruf a,
//! "salah satu pihak"). One line per row, like `table.rs`; `since`/`until` are versions of
//! the legacy rule set.

use crate::law::*;
use crate::model::{Role, Track};

use super::command::CommandKind;
use super::stage::Stage;
use super::table::Transition;

use CommandKind as C;
use Role::*;
use Stage::*;
use Track::*;

/// A registration names its kind: a categorised KSDD (a current-set notion) is refused there
/// by KSD-TRANS-01, so the row covers the wajib track too.
const REGISTER_TRACKS: &[Track] = &[KsddWajib, KsddSukarela, KsdpkRegion, KsdpkThirdParty];
/// A legacy KSDD (no category) follows the sukarela track; a KSDPK either of its own.
const LEGACY: &[Track] = &[KsddSukarela, KsdpkRegion, KsdpkThirdParty];
/// Cooperation between regions only (the cooperation body, Pasal 24 ayat (1)).
const BETWEEN_REGIONS: &[Track] = &[KsddSukarela];

const DRAFTERS: &[Role] = &[Opd, CooperationUnit];
const HEAD: &[Role] = &[KepalaDaerah];
/// Pasal 7 huruf a: the head, or any party (a third party too), offers.
const OFFERORS: &[Role] = &[KepalaDaerah, CooperationUnit, ThirdParty];
const ANSWERERS: &[Role] = &[KepalaDaerah, ThirdParty];
const PARTIES: &[Role] = &[KepalaDaerah, CooperationUnit, ThirdParty];

use super::table::{GATE_ASSESSORS, HEAD_OR_CLERK, PKS_SIGNERS, row};

/// The first PKS: its content, the DPRD approvals it waits for, its date.
const SIGN_PKS_GUARDS: &[RuleId] = &[LEG_DOC_01, LEG_DPRD_01, KSD_TRANS_01];
/// A further PKS, once the first is signed (the DPRD approved the plan before the first).
const SIGN_FURTHER_PKS_GUARDS: &[RuleId] = &[LEG_DOC_01, KSD_TRANS_01];
const DPRD_SUBMIT_GUARDS: &[RuleId] = &[LEG_DPRD_01, LEG_DPRD_02];

#[rustfmt::skip]
pub(crate) static TABLE: &[Transition] = &[
    // Registration: KSD-TRANS-01 puts a pre-2018 agreement here; KSD-TRANS-03 sends a contract with the centre to synergy.
    row(Unregistered, C::Register, &[Draft], REGISTER_TRACKS, &[KSD_TRANS_01, KSD_TRANS_03], DRAFTERS, KSD_TRANS_01),
    // Pasal 7 huruf a: the plan is prepared and offered (prakarsa, penawaran); Pasal 9–10: each region's gate.
    row(Draft, C::StartPreparation, &[Preparation], LEGACY, &[], DRAFTERS, LEG_DOC_02),
    row(Preparation, C::AssessDprdGate, &[Preparation], LEGACY, &[], GATE_ASSESSORS, LEG_DPRD_01),
    row(Preparation, C::SendOffer, &[OfferSent], LEGACY, &[LEG_DOC_02], OFFERORS, LEG_DOC_02),
    row(Preparation, C::Withdraw, &[Withdrawn], LEGACY, &[], HEAD, LEG_DOC_02),
    row(OfferSent, C::AcceptOffer, &[OfferAccepted, OfferSent], LEGACY, &[], ANSWERERS, LEG_DOC_02),
    row(OfferSent, C::RejectOffer, &[OfferRejected], LEGACY, &[], ANSWERERS, LEG_DOC_02),
    row(OfferSent, C::Withdraw, &[Withdrawn], LEGACY, &[], HEAD, LEG_DOC_02),
    row(OfferSent, C::AssessDprdGate, &[OfferSent], LEGACY, &[], GATE_ASSESSORS, LEG_DPRD_01),
    // Pasal 7 huruf b: the KB, then the draft PKS.
    row(OfferAccepted, C::StartKbDrafting, &[KbDrafting], LEGACY, &[], DRAFTERS, LEG_DOC_01),
    row(OfferAccepted, C::AssessDprdGate, &[OfferAccepted], LEGACY, &[], GATE_ASSESSORS, LEG_DPRD_01),
    row(KbDrafting, C::AssessDprdGate, &[KbDrafting], LEGACY, &[], GATE_ASSESSORS, LEG_DPRD_01),
    row(KbDrafting, C::SignKb, &[KbSigned], LEGACY, &[LEG_DOC_01, KSD_TRANS_01], HEAD_OR_CLERK, LEG_DOC_01),
    row(KbSigned, C::AssessDprdGate, &[KbSigned], LEGACY, &[], GATE_ASSESSORS, LEG_DPRD_01),
    row(KbSigned, C::StartPksDrafting, &[PksDrafting], LEGACY, &[], DRAFTERS, LEG_DOC_01),
    row(PksDrafting, C::AssessDprdGate, &[PksDrafting], LEGACY, &[], GATE_ASSESSORS, LEG_DPRD_01),
    // Pasal 9–12: each region whose plan burdens it submits the draft PKS to its own DPRD; the timetable of Pasal 12 ayat (1)–(4).
    row(PksDrafting, C::SubmitToDprd, &[AwaitingDprd], LEGACY, DPRD_SUBMIT_GUARDS, HEAD_OR_CLERK, LEG_DPRD_01),
    row(AwaitingDprd, C::SubmitToDprd, &[AwaitingDprd], LEGACY, DPRD_SUBMIT_GUARDS, HEAD_OR_CLERK, LEG_DPRD_01),
    row(AwaitingDprd, C::RecordDprdOpinion, &[AwaitingDprd], LEGACY, &[LEG_DPRD_02], &[Dprd], LEG_DPRD_02),
    row(AwaitingDprd, C::ResubmitToDprd, &[AwaitingDprd], LEGACY, &[LEG_DPRD_02], HEAD_OR_CLERK, LEG_DPRD_02),
    row(AwaitingDprd, C::ApproveDprd, &[PksDrafting, AwaitingDprd], LEGACY, &[LEG_DPRD_02], &[Dprd], LEG_DPRD_01),
    row(AwaitingDprd, C::RecordDeemedApproval, &[PksDrafting, AwaitingDprd], LEGACY, &[LEG_DPRD_02], &[CooperationUnit], LEG_DPRD_02),
    // Pasal 7 huruf b and d: the PKS, with its eight items, signed by the head or under a surat kuasa; several PKS may follow.
    row(PksDrafting, C::SignPks, &[PksSigned], LEGACY, SIGN_PKS_GUARDS, PKS_SIGNERS, LEG_DOC_01),
    row(PksSigned, C::SignPks, &[PksSigned], LEGACY, SIGN_FURTHER_PKS_GUARDS, PKS_SIGNERS, LEG_DOC_01),
    // Pasal 12 ayat (5)–(6): copies of every signed PKS; a missing one is reported on entry into force.
    row(PksSigned, C::RecordCopiesSent, &[PksSigned], LEGACY, &[LEG_DPRD_03], HEAD_OR_CLERK, LEG_DPRD_03),
    row(PksSigned, C::EnterIntoForce, &[InForce], LEGACY, &[LEG_DPRD_03], DRAFTERS, LEG_DOC_01),
    // Pasal 24: a cooperation body, by the heads' joint decision.
    row(PksSigned, C::EstablishCooperationBody, &[PksSigned], BETWEEN_REGIONS, &[LEG_INST_01], HEAD_OR_CLERK, LEG_INST_01),
    // Implementation (Pasal 8), inside InForce.
    row(InForce, C::SignPks, &[InForce], LEGACY, SIGN_FURTHER_PKS_GUARDS, PKS_SIGNERS, LEG_DOC_01),
    row(InForce, C::RecordCopiesSent, &[InForce], LEGACY, &[LEG_DPRD_03], HEAD_OR_CLERK, LEG_DPRD_03),
    row(InForce, C::EstablishCooperationBody, &[InForce], BETWEEN_REGIONS, &[LEG_INST_01], HEAD_OR_CLERK, LEG_INST_01),
    // Pasal 20: a change of government ends nothing.
    row(InForce, C::RecordLeadershipChange, &[InForce], LEGACY, &[], &[CooperationUnit], LEG_TERM_01),
    // Pasal 17: amendment by agreement, in a document of the same level.
    row(InForce, C::SignAddendum, &[InForce], LEGACY, &[LEG_AMD_01], PKS_SIGNERS, LEG_AMD_01),
    // Pasal 14–16: disputes, by the pairing of the parties.
    row(InForce, C::RaiseDispute, &[InForce], LEGACY, &[LEG_DISP_01], PARTIES, LEG_DISP_01),
    // Pasal 18: the nine grounds; Pasal 19: early termination at one party's request, by written notice.
    row(InForce, C::Terminate, &[Ended], LEGACY, &[LEG_TERM_01, LEG_TERM_02], HEAD_OR_CLERK, LEG_TERM_01),
    row(InForce, C::TerminateEarly, &[Ended], LEGACY, &[LEG_TERM_02], PARTIES, LEG_TERM_02),
    row(InForce, C::RecordExpiry, &[Ended], LEGACY, &[LEG_TERM_01], &[CooperationUnit], LEG_TERM_01),
    row(Ended, C::RecordExpiry, &[Ended], LEGACY, &[LEG_TERM_01], &[CooperationUnit], LEG_TERM_01),
];

/// Every row of every version of the legacy rule set, with the versions that have it.
///
/// ```
/// use kerjasama::lifecycle::{CommandKind, Stage, legacy_transitions};
/// let deemed = legacy_transitions()
///     .iter()
///     .find(|t| t.command == CommandKind::RecordDeemedApproval)
///     .unwrap();
/// assert_eq!(deemed.from, Stage::AwaitingDprd);
/// assert_eq!(deemed.guards, &[kerjasama::law::LEG_DPRD_02]);
/// // No wajib pre-stages in the legacy procedure.
/// assert!(legacy_transitions().iter().all(|t| t.command != CommandKind::BeginWajibProcedure));
/// ```
pub fn legacy_transitions() -> &'static [Transition] {
    TABLE
}

/// The rule a legacy refusal for being out of order cites: the rule that says who acts on
/// the command's first legacy row, or KSD-TRANS-01 for a command the legacy procedure does
/// not have (a current-set step such as the wajib pre-stages).
pub(crate) fn ordering_rule(command: CommandKind) -> RuleId {
    TABLE
        .iter()
        .find(|row| row.command == command)
        .map_or(KSD_TRANS_01, |row| row.authority)
}
