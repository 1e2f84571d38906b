//! Steps shared by several stages: cancelling, takeover, the DPRD gate, TKKSD reviews,
//! lawfulness and the secretariat. Each is one generic method bounded by a capability of
//! [`stage`](super::stage).

use chrono::NaiveDate;

use crate::lifecycle::{Command, CommandKind as C, Stage};
use crate::model::{
    Actor, CooperationId, DprdGate, KodeWilayah, LawfulnessAttestation, Takeover, TkksdReview,
};

use super::stage::{
    AssessesDprdGate, AttestsLawfulness, Cancellable, EstablishesSecretariat, RecordsExtension,
    RecordsTkksdReview, TakeOverable,
};
use super::track::{self, Ksdd, KsddWajib, TrackMarker};
use super::{Ksd, Move, Refused, stage};

pub(super) const CANCEL: Move = Move {
    command: C::Cancel,
    tracks: track::ALL,
    to: Some(&[Stage::Cancelled]),
};
pub(super) const TAKE_OVER: Move = Move {
    command: C::TakeOver,
    tracks: track::WAJIB,
    to: Some(&[Stage::TakenOver]),
};
pub(super) const ASSESS_DPRD_GATE: Move = Move {
    command: C::AssessDprdGate,
    tracks: track::ALL,
    to: None,
};
pub(super) const RECORD_TKKSD_REVIEW: Move = Move {
    command: C::RecordTkksdReview,
    tracks: track::ALL,
    to: None,
};
pub(super) const ATTEST_LAWFULNESS: Move = Move {
    command: C::AttestLawfulness,
    tracks: track::ALL,
    to: None,
};
pub(super) const ESTABLISH_SECRETARIAT: Move = Move {
    command: C::EstablishSecretariat,
    tracks: track::KSDD,
    to: None,
};
pub(super) const RECORD_EXTENSION: Move = Move {
    command: C::RecordExtension,
    tracks: track::ALL,
    to: None,
};

impl<S: Cancellable, T: TrackMarker> Ksd<S, T> {
    /// Cancels before entry into force (pembatalan), by the head of the initiating region.
    pub fn cancel(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<Ksd<stage::Cancelled, T>, Refused<S, T>> {
        let command = Command::Cancel {
            reason: reason.into(),
        };
        self.step(&CANCEL.at(S::STAGE), command, actor, on)
    }
}

impl<S: TakeOverable> Ksd<S, KsddWajib> {
    /// Takes over an unperformed kerja sama wajib (pengambilalihan, KSD-ENF-01..04): the
    /// central government for a province, the governor for a kab/kota of its province.
    pub fn take_over(
        self,
        actor: &Actor,
        on: NaiveDate,
        takeover: Takeover,
    ) -> Result<Ksd<stage::TakenOver, KsddWajib>, Refused<S, KsddWajib>> {
        let command = Command::TakeOver { takeover };
        self.step(&TAKE_OVER.at(S::STAGE), command, actor, on)
    }
}

impl<S: AssessesDprdGate, T: TrackMarker> Ksd<S, T> {
    /// Records one region party's DPRD gate flags (KSD-DPRD-01; KSD-DPRD-02 for a KSDPK),
    /// by that region's own head, cooperation unit or OPD. Every region party must be
    /// assessed before the cooperation leaves `KbSigned`.
    pub fn assess_dprd_gate(
        self,
        actor: &Actor,
        on: NaiveDate,
        region: KodeWilayah,
        gate: DprdGate,
    ) -> Result<Ksd<S, T>, Refused<S, T>> {
        let command = Command::AssessDprdGate { region, gate };
        self.step(&ASSESS_DPRD_GATE.at(S::STAGE), command, actor, on)
    }
}

impl<S: RecordsTkksdReview, T: TrackMarker> Ksd<S, T> {
    /// Records a TKKSD review (pembahasan TKKSD, KSD-STAGE-04). Under the default policy a
    /// missing review is a recorded warning, not a refusal.
    pub fn record_tkksd_review(
        self,
        actor: &Actor,
        on: NaiveDate,
        review: TkksdReview,
    ) -> Result<Ksd<S, T>, Refused<S, T>> {
        let command = Command::RecordTkksdReview { review };
        self.step(&RECORD_TKKSD_REVIEW.at(S::STAGE), command, actor, on)
    }
}

impl<S: AttestsLawfulness, T: TrackMarker> Ksd<S, T> {
    /// Records that object and conduct are lawful (KSD-OBJ-04, Pasal 4 ayat (4)): needed
    /// before the offer or the acceptance of a proposal.
    pub fn attest_lawfulness(
        self,
        actor: &Actor,
        on: NaiveDate,
        attestation: LawfulnessAttestation,
    ) -> Result<Ksd<S, T>, Refused<S, T>> {
        let command = Command::AttestLawfulness { attestation };
        self.step(&ATTEST_LAWFULNESS.at(S::STAGE), command, actor, on)
    }
}

impl<S: EstablishesSecretariat, T: Ksdd> Ksd<S, T> {
    /// Sets up a cooperation secretariat (KSD-ENF-08), by a head of region.
    pub fn establish_secretariat(
        self,
        actor: &Actor,
        on: NaiveDate,
        continuous: bool,
    ) -> Result<Ksd<S, T>, Refused<S, T>> {
        let command = Command::EstablishSecretariat { continuous };
        self.step(&ESTABLISH_SECRETARIAT.at(S::STAGE), command, actor, on)
    }
}

impl<S: RecordsExtension, T: TrackMarker> Ksd<S, T> {
    /// Records that an extension has started as a new cooperation, registered with `renews`
    /// pointing here (perpanjangan, KSD-TERM-06): the extension runs the whole procedure
    /// again ([`Cooperation::extension_spec`](crate::lifecycle::Cooperation::extension_spec)).
    pub fn record_extension(
        self,
        actor: &Actor,
        on: NaiveDate,
        successor: CooperationId,
    ) -> Result<Ksd<S, T>, Refused<S, T>> {
        let command = Command::RecordExtension { successor };
        self.step(&RECORD_EXTENSION.at(S::STAGE), command, actor, on)
    }
}
