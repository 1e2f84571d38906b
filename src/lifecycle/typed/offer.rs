//! Preparation and the offer (stages a and b).

use chrono::NaiveDate;

use crate::lifecycle::{Command, CommandKind as C, Stage};
use crate::model::{Actor, AffairsMapping, FeasibilityStudy, OfferLetter};

use super::stage::{OfferRejected, OfferSent, Preparation, Withdrawn};
use super::track::{self, KsddWajib, KsdpkRegion, NotWajib, TrackMarker};
use super::{Ksd, OfferOutcome, Refused, Step, WajibOfferRejectionOutcome, WajibWithdrawalOutcome};

const FILE_MAPPING: Step = Step::new(
    Stage::Preparation,
    C::FileMapping,
    track::KSDPK_REGION,
    None,
);
const SUBMIT_FEASIBILITY_STUDY: Step = Step::new(
    Stage::Preparation,
    C::SubmitFeasibilityStudy,
    track::KSDPK_REGION,
    None,
);
const SEND_OFFER: Step = Step::new(
    Stage::Preparation,
    C::SendOffer,
    track::ALL,
    Some(&[Stage::OfferSent]),
);
const WITHDRAW_BEFORE_OFFER: Step = Step::new(
    Stage::Preparation,
    C::Withdraw,
    track::NOT_WAJIB,
    Some(&[Stage::Withdrawn]),
);
const WITHDRAW_WAJIB_BEFORE_OFFER: Step = Step::new(
    Stage::Preparation,
    C::Withdraw,
    track::WAJIB,
    Some(&[Stage::Stalled, Stage::Withdrawn]),
);
const ACCEPT_OFFER: Step = Step::new(
    Stage::OfferSent,
    C::AcceptOffer,
    track::ALL,
    Some(&[Stage::OfferAccepted, Stage::OfferSent]),
);
const REJECT_OFFER: Step = Step::new(
    Stage::OfferSent,
    C::RejectOffer,
    track::NOT_WAJIB,
    Some(&[Stage::OfferRejected]),
);
const REJECT_WAJIB_OFFER: Step = Step::new(
    Stage::OfferSent,
    C::RejectOffer,
    track::WAJIB,
    Some(&[Stage::Stalled, Stage::OfferRejected]),
);
const WITHDRAW_OFFER: Step = Step::new(
    Stage::OfferSent,
    C::Withdraw,
    track::NOT_WAJIB,
    Some(&[Stage::Withdrawn]),
);
const WITHDRAW_WAJIB_OFFER: Step = Step::new(
    Stage::OfferSent,
    C::Withdraw,
    track::WAJIB,
    Some(&[Stage::Stalled, Stage::Withdrawn]),
);

/// The steps of this module, for the table check.
#[cfg(test)]
pub(super) const STEPS: &[Step] = &[
    FILE_MAPPING,
    SUBMIT_FEASIBILITY_STUDY,
    SEND_OFFER,
    WITHDRAW_BEFORE_OFFER,
    WITHDRAW_WAJIB_BEFORE_OFFER,
    ACCEPT_OFFER,
    REJECT_OFFER,
    REJECT_WAJIB_OFFER,
    WITHDRAW_OFFER,
    WITHDRAW_WAJIB_OFFER,
];

impl Ksd<Preparation, KsdpkRegion> {
    /// Files the region's mapping of affairs by potential, characteristics and needs
    /// (KSD-PK-04 (a)), by that region.
    pub fn file_mapping(
        self,
        actor: &Actor,
        on: NaiveDate,
        mapping: AffairsMapping,
    ) -> Result<Ksd<Preparation, KsdpkRegion>, Refused<Preparation, KsdpkRegion>> {
        self.step(&FILE_MAPPING, Command::FileMapping { mapping }, actor, on)
    }

    /// Submits the feasibility study the region prepared (KSD-PK-04 (b)).
    pub fn submit_feasibility_study(
        self,
        actor: &Actor,
        on: NaiveDate,
        study: FeasibilityStudy,
    ) -> Result<Ksd<Preparation, KsdpkRegion>, Refused<Preparation, KsdpkRegion>> {
        let command = Command::SubmitFeasibilityStudy { study };
        self.step(&SUBMIT_FEASIBILITY_STUDY, command, actor, on)
    }
}

impl<T: TrackMarker> Ksd<Preparation, T> {
    /// Sends the offer letter signed by the initiating head (penawaran, stage b;
    /// KSD-KIND-02, KSD-OBJ-04, KSD-PK-04 for a region's KSDPK, KSD-STAGE-04; KSD-STAGE-08,
    /// a letter not signed by the head of region, is a warning under the default policy).
    pub fn send_offer(
        self,
        actor: &Actor,
        on: NaiveDate,
        letter: OfferLetter,
    ) -> Result<Ksd<OfferSent, T>, Refused<Preparation, T>> {
        self.step(&SEND_OFFER, Command::SendOffer { letter }, actor, on)
    }
}

impl<T: NotWajib> Ksd<Preparation, T> {
    /// The initiating head withdraws before the offer is sent (penarikan, KSD-KIND-02): the
    /// cooperation ends in `Withdrawn`.
    pub fn withdraw(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<Ksd<Withdrawn, T>, Refused<Preparation, T>> {
        let command = Command::Withdraw {
            reason: reason.into(),
        };
        self.step(&WITHDRAW_BEFORE_OFFER, command, actor, on)
    }
}

impl Ksd<Preparation, KsddWajib> {
    /// The initiating head withdraws before the offer is sent (penarikan, KSD-KIND-02): the
    /// kerja sama wajib stalls toward the takeover, or ends in `Withdrawn`, as the policy's
    /// `wajib_refusal_policy` says: see [`WajibWithdrawalOutcome`].
    pub fn withdraw(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<WajibWithdrawalOutcome, Refused<Preparation, KsddWajib>> {
        let command = Command::Withdraw {
            reason: reason.into(),
        };
        self.step(&WITHDRAW_WAJIB_BEFORE_OFFER, command, actor, on)
    }
}

impl<T: TrackMarker> Ksd<OfferSent, T> {
    /// A partner (its head, or the third party) accepts the offer (KSD-KIND-02). With
    /// several partners the offer stays sent until the last one accepts: see
    /// [`OfferOutcome`].
    pub fn accept_offer(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<OfferOutcome<T>, Refused<OfferSent, T>> {
        self.step(&ACCEPT_OFFER, Command::AcceptOffer, actor, on)
    }
}

impl<T: NotWajib> Ksd<OfferSent, T> {
    /// A partner rejects the offer (KSD-KIND-02): the cooperation ends in `OfferRejected`.
    pub fn reject_offer(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<Ksd<OfferRejected, T>, Refused<OfferSent, T>> {
        let command = Command::RejectOffer {
            reason: reason.into(),
        };
        self.step(&REJECT_OFFER, command, actor, on)
    }

    /// The initiating head withdraws the offer before it is accepted (penarikan,
    /// KSD-KIND-02): the cooperation ends in `Withdrawn`.
    pub fn withdraw(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<Ksd<Withdrawn, T>, Refused<OfferSent, T>> {
        let command = Command::Withdraw {
            reason: reason.into(),
        };
        self.step(&WITHDRAW_OFFER, command, actor, on)
    }
}

impl Ksd<OfferSent, KsddWajib> {
    /// A partner's head rejects the offer of a kerja sama wajib (KSD-KIND-02): it stalls
    /// toward the takeover, or ends in `OfferRejected`, as the policy's
    /// `wajib_refusal_policy` says: see [`WajibOfferRejectionOutcome`].
    pub fn reject_offer(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<WajibOfferRejectionOutcome, Refused<OfferSent, KsddWajib>> {
        let command = Command::RejectOffer {
            reason: reason.into(),
        };
        self.step(&REJECT_WAJIB_OFFER, command, actor, on)
    }

    /// The initiating head withdraws the offer of a kerja sama wajib before it is accepted
    /// (penarikan, KSD-KIND-02): it stalls toward the takeover, or ends in `Withdrawn`, as
    /// the policy's `wajib_refusal_policy` says: see [`WajibWithdrawalOutcome`].
    pub fn withdraw(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<WajibWithdrawalOutcome, Refused<OfferSent, KsddWajib>> {
        let command = Command::Withdraw {
            reason: reason.into(),
        };
        self.step(&WITHDRAW_WAJIB_OFFER, command, actor, on)
    }
}
