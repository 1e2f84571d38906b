//! The KB, the DPRD gate and the PKS (stages c to g).

use chrono::NaiveDate;

use crate::lifecycle::{Command, CommandKind as C, Stage};
use crate::model::{Actor, Document};

use super::stage::{
    AwaitingDprd, InForce, KbDrafting, KbSigned, OfferAccepted, PksDrafting, PksSigned,
};
use super::track::{self, KsddWajib, NotWajib, TrackMarker};
use super::{DprdOutcome, DprdRefusalOutcome, Ksd, Refused, Step, WajibDprdRefusalOutcome};

const START_KB_DRAFTING: Step = Step::new(
    Stage::OfferAccepted,
    C::StartKbDrafting,
    track::ALL,
    Some(&[Stage::KbDrafting]),
);
const START_PKS_DRAFTING_WITHOUT_KB: Step = Step::new(
    Stage::OfferAccepted,
    C::StartPksDrafting,
    track::ALL,
    Some(&[Stage::PksDrafting]),
);
const SUBMIT_TO_DPRD_WITHOUT_KB: Step = Step::new(
    Stage::OfferAccepted,
    C::SubmitToDprd,
    track::ALL,
    Some(&[Stage::AwaitingDprd]),
);
const SIGN_KB: Step = Step::new(
    Stage::KbDrafting,
    C::SignKb,
    track::ALL,
    Some(&[Stage::KbSigned]),
);
const SUBMIT_TO_DPRD: Step = Step::new(
    Stage::KbSigned,
    C::SubmitToDprd,
    track::ALL,
    Some(&[Stage::AwaitingDprd]),
);
const START_PKS_DRAFTING: Step = Step::new(
    Stage::KbSigned,
    C::StartPksDrafting,
    track::ALL,
    Some(&[Stage::PksDrafting]),
);
const APPROVE_DPRD: Step = Step::new(
    Stage::AwaitingDprd,
    C::ApproveDprd,
    track::ALL,
    Some(&[Stage::PksDrafting, Stage::AwaitingDprd]),
);
const REFUSE_DPRD: Step = Step::new(
    Stage::AwaitingDprd,
    C::RefuseDprd,
    track::NOT_WAJIB,
    Some(&[Stage::DprdRefused, Stage::KbDrafting]),
);
const REFUSE_WAJIB_DPRD: Step = Step::new(
    Stage::AwaitingDprd,
    C::RefuseDprd,
    track::WAJIB,
    Some(&[Stage::Stalled, Stage::DprdRefused, Stage::KbDrafting]),
);
const SIGN_PKS: Step = Step::new(
    Stage::PksDrafting,
    C::SignPks,
    track::ALL,
    Some(&[Stage::PksSigned]),
);
const SIGN_FURTHER_PKS: Step = Step::new(Stage::PksSigned, C::SignPks, track::ALL, None);
const ENTER_INTO_FORCE: Step = Step::new(
    Stage::PksSigned,
    C::EnterIntoForce,
    track::ALL,
    Some(&[Stage::InForce]),
);

/// The steps of this module, for the table check.
#[cfg(test)]
pub(super) const STEPS: &[Step] = &[
    START_KB_DRAFTING,
    START_PKS_DRAFTING_WITHOUT_KB,
    SUBMIT_TO_DPRD_WITHOUT_KB,
    SIGN_KB,
    SUBMIT_TO_DPRD,
    START_PKS_DRAFTING,
    APPROVE_DPRD,
    REFUSE_DPRD,
    REFUSE_WAJIB_DPRD,
    SIGN_PKS,
    SIGN_FURTHER_PKS,
    ENTER_INTO_FORCE,
];

impl<T: TrackMarker> Ksd<OfferAccepted, T> {
    /// Starts drafting the KB (penyusunan kesepakatan bersama, stage c).
    pub fn start_kb_drafting(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<KbDrafting, T>, Refused<OfferAccepted, T>> {
        self.step(&START_KB_DRAFTING, Command::StartKbDrafting, actor, on)
    }

    /// Goes straight to PKS drafting without a KB: refused unless the policy sets
    /// `allow_pks_without_kb` (KSD-STAGE-05), and only when no DPRD approval is required.
    pub fn start_pks_drafting(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<PksDrafting, T>, Refused<OfferAccepted, T>> {
        self.step(
            &START_PKS_DRAFTING_WITHOUT_KB,
            Command::StartPksDrafting,
            actor,
            on,
        )
    }

    /// Asks the DPRD(s) for approval without a KB: refused unless the policy sets
    /// `allow_pks_without_kb` (KSD-STAGE-05).
    pub fn submit_to_dprd(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<AwaitingDprd, T>, Refused<OfferAccepted, T>> {
        self.step(&SUBMIT_TO_DPRD_WITHOUT_KB, Command::SubmitToDprd, actor, on)
    }
}

impl<T: TrackMarker> Ksd<KbDrafting, T> {
    /// Records the signed KB (penandatanganan KB, stage d; KSD-KIND-02): one KB, signed for
    /// every party (KSD-DOC-01, -07), by the heads themselves (KSD-KIND-03: no surat kuasa for
    /// a KB); a KB revised after a DPRD refusal names the one it supersedes (KSD-DOC-01). A
    /// missing TKKSD review (KSD-STAGE-04), a clause `kb_required_clauses` names (KSD-DOC-03)
    /// or a term over the limit (KSD-TERM-05) is a warning under the default policy.
    pub fn sign_kb(
        self,
        actor: &Actor,
        on: NaiveDate,
        document: Document,
    ) -> Result<Ksd<KbSigned, T>, Refused<KbDrafting, T>> {
        self.step(&SIGN_KB, Command::SignKb { document }, actor, on)
    }
}

impl<T: TrackMarker> Ksd<KbSigned, T> {
    /// The head asks the DPRD(s) for approval (stage e): every region party's gate must be
    /// assessed and at least one must be true (KSD-DPRD-01, -02).
    pub fn submit_to_dprd(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<AwaitingDprd, T>, Refused<KbSigned, T>> {
        self.step(&SUBMIT_TO_DPRD, Command::SubmitToDprd, actor, on)
    }

    /// Starts drafting the PKS (stage f) when no region party's gate is true, so no DPRD
    /// approval is needed (KSD-DPRD-01, -02, -03).
    pub fn start_pks_drafting(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<PksDrafting, T>, Refused<KbSigned, T>> {
        self.step(&START_PKS_DRAFTING, Command::StartPksDrafting, actor, on)
    }
}

impl<T: TrackMarker> Ksd<AwaitingDprd, T> {
    /// The actor's DPRD approves for its own region (persetujuan DPRD, KSD-DPRD-01). The
    /// last required approval moves on to PKS drafting: see [`DprdOutcome`].
    pub fn approve_dprd(
        self,
        actor: &Actor,
        on: NaiveDate,
        reference: impl Into<String>,
    ) -> Result<DprdOutcome<T>, Refused<AwaitingDprd, T>> {
        let command = Command::ApproveDprd {
            reference: reference.into(),
        };
        self.step(&APPROVE_DPRD, command, actor, on)
    }
}

impl<T: NotWajib> Ksd<AwaitingDprd, T> {
    /// The actor's DPRD refuses for its own region (penolakan DPRD, KSD-DPRD-01): the
    /// cooperation ends, or the KB goes back to drafting, as the policy's `on_dprd_refusal`
    /// says: see [`DprdRefusalOutcome`].
    pub fn refuse_dprd(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<DprdRefusalOutcome<T>, Refused<AwaitingDprd, T>> {
        let command = Command::RefuseDprd {
            reason: reason.into(),
        };
        self.step(&REFUSE_DPRD, command, actor, on)
    }
}

impl Ksd<AwaitingDprd, KsddWajib> {
    /// The actor's DPRD refuses a kerja sama wajib for its own region (penolakan DPRD,
    /// KSD-DPRD-01): the KB goes back to drafting when `on_dprd_refusal` is `ReviseKb`;
    /// otherwise the cooperation stalls toward the takeover, or ends in `DprdRefused`, as
    /// `wajib_refusal_policy` says: see [`WajibDprdRefusalOutcome`].
    pub fn refuse_dprd(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<WajibDprdRefusalOutcome, Refused<AwaitingDprd, KsddWajib>> {
        let command = Command::RefuseDprd {
            reason: reason.into(),
        };
        self.step(&REFUSE_WAJIB_DPRD, command, actor, on)
    }
}

impl<T: TrackMarker> Ksd<PksDrafting, T> {
    /// Records the signed PKS (penandatanganan PKS, stage g): under this cooperation's KB
    /// (KSD-DOC-01), signed for every party by the head or an official holding a surat kuasa
    /// (KSD-KIND-03, KSD-DOC-07); a KSDPK PKS has the four clauses of KSD-DOC-02.
    pub fn sign_pks(
        self,
        actor: &Actor,
        on: NaiveDate,
        document: Document,
    ) -> Result<Ksd<PksSigned, T>, Refused<PksDrafting, T>> {
        self.step(&SIGN_PKS, Command::SignPks { document }, actor, on)
    }
}

impl<T: TrackMarker> Ksd<PksSigned, T> {
    /// Records a further PKS under the same KB before entry into force.
    pub fn sign_pks(
        self,
        actor: &Actor,
        on: NaiveDate,
        document: Document,
    ) -> Result<Ksd<PksSigned, T>, Refused<PksSigned, T>> {
        self.step(&SIGN_FURTHER_PKS, Command::SignPks { document }, actor, on)
    }

    /// The PKS takes effect (pelaksanaan, stage h): on or after the first day of its term
    /// (KSD-STAGE-01).
    pub fn enter_into_force(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<InForce, T>, Refused<PksSigned, T>> {
        self.step(&ENTER_INTO_FORCE, Command::EnterIntoForce, actor, on)
    }
}
