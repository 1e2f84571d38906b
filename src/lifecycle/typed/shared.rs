//! Steps shared by several stages: cancelling, termination, takeover, the DPRD gate, TKKSD
//! reviews, lawfulness, the secretariat and extensions. Each is one generic method bounded by
//! a capability of [`stage`](super::stage) (cancelling has one for a kerja sama wajib, which
//! may stall, and one for the other tracks).

use chrono::NaiveDate;

use crate::lifecycle::{Command, CommandKind as C, EndGround, GroundEvidence, Stage};
use crate::model::{
    Actor, Consent, CooperationId, DprdGate, KodeWilayah, LawfulnessAttestation, Record, Takeover,
    TkksdReview, WrittenNotice,
};

use super::stage::{
    AssessesDprdGate, AttestsLawfulness, Cancellable, EstablishesSecretariat, RecordsExtension,
    RecordsTkksdReview, TakeOverable, Terminable,
};
use super::track::{self, Ksdd, KsddWajib, NotWajib, TrackMarker};
use super::{Ksd, Move, Refused, WajibCancellationOutcome, stage};

pub(super) const CANCEL: Move = Move {
    command: C::Cancel,
    tracks: track::NOT_WAJIB,
    to: Some(&[Stage::Cancelled]),
};
pub(super) const CANCEL_WAJIB: Move = Move {
    command: C::Cancel,
    tracks: track::WAJIB,
    to: Some(&[Stage::Stalled, Stage::Cancelled]),
};
pub(super) const TERMINATE: Move = Move {
    command: C::Terminate,
    tracks: track::ALL,
    to: Some(&[Stage::Ended]),
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

impl<S: Cancellable, T: NotWajib> Ksd<S, T> {
    /// Cancels before any KB is signed (pembatalan, KSD-KIND-02), by the head of the initiating
    /// region (of the region party, for a third party's own proposal): the cooperation ends in
    /// `Cancelled`. After the KB it ends only on a ground: see [`Ksd::terminate`].
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

impl<S: Cancellable> Ksd<S, KsddWajib> {
    /// Cancels a kerja sama wajib before any KB is signed (pembatalan, KSD-KIND-02), by the
    /// head of the initiating region: it stalls toward the takeover, or ends in `Cancelled`,
    /// as the policy's `wajib_refusal_policy` says: see [`WajibCancellationOutcome`].
    pub fn cancel(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<WajibCancellationOutcome, Refused<S, KsddWajib>> {
        let command = Command::Cancel {
            reason: reason.into(),
        };
        self.step(&CANCEL_WAJIB.at(S::STAGE), command, actor, on)
    }
}

/// Ending on a ground of Pasal 9 ayat (1) (pengakhiran), from the signed KB on, by a head of
/// region or the cooperation unit. Every method checks KSD-TERM-01 (ground (a) only after the
/// term; ground (c) with every party's consent; grounds (d)–(e) with their evidence),
/// KSD-TERM-02 (grounds (f), (g) end a KSDPK only, with their evidence) and KSD-TERM-09 (a
/// written notice only where `unilateral_termination` allows it). The methods mirror the
/// constructors of [`Command::Terminate`]; [`Ksd::terminate_on_grounds`] takes all of its
/// data.
impl<S: Terminable, T: TrackMarker> Ksd<S, T> {
    /// Ends the cooperation on `grounds` alone (KSD-TERM-01, -02): the grounds that need no
    /// consent or evidence, (a) the term expired and (b) the objective achieved. See
    /// [`Command::terminate`].
    pub fn terminate(
        self,
        actor: &Actor,
        on: NaiveDate,
        grounds: impl IntoIterator<Item = EndGround>,
    ) -> Result<Ksd<stage::Ended, T>, Refused<S, T>> {
        self.step(
            &TERMINATE.at(S::STAGE),
            Command::terminate(grounds),
            actor,
            on,
        )
    }

    /// Ends the cooperation by agreement of the parties (ground (c), KSD-TERM-01), with the
    /// recorded consent of every party. See [`Command::terminate_by_agreement`].
    pub fn terminate_by_agreement(
        self,
        actor: &Actor,
        on: NaiveDate,
        consents: impl IntoIterator<Item = Consent>,
    ) -> Result<Ksd<stage::Ended, T>, Refused<S, T>> {
        let command = Command::terminate_by_agreement(consents);
        self.step(&TERMINATE.at(S::STAGE), command, actor, on)
    }

    /// Ends the cooperation on a ground that carries its evidence, (d)–(g) (KSD-TERM-01; (f)
    /// and (g) a KSDPK only, KSD-TERM-02). See [`Command::terminate_with_evidence`].
    pub fn terminate_with_evidence(
        self,
        actor: &Actor,
        on: NaiveDate,
        ground: EndGround,
        evidence: Record,
    ) -> Result<Ksd<stage::Ended, T>, Refused<S, T>> {
        let command = Command::terminate_with_evidence(ground, evidence);
        self.step(&TERMINATE.at(S::STAGE), command, actor, on)
    }

    /// Ends the cooperation early on one party's written notice: refused unless the policy's
    /// `unilateral_termination` allows it, and then only once its notice period has run
    /// (KSD-TERM-09). See [`Command::terminate_by_notice`].
    pub fn terminate_by_notice(
        self,
        actor: &Actor,
        on: NaiveDate,
        notice: WrittenNotice,
    ) -> Result<Ksd<stage::Ended, T>, Refused<S, T>> {
        let command = Command::terminate_by_notice(notice);
        self.step(&TERMINATE.at(S::STAGE), command, actor, on)
    }

    /// Ends the cooperation with every datum of [`Command::Terminate`]: several grounds, the
    /// consents of ground (c), the evidence of grounds (d)–(g) and a written notice, checked
    /// together (KSD-TERM-01, -02, -09).
    pub fn terminate_on_grounds(
        self,
        actor: &Actor,
        on: NaiveDate,
        grounds: Vec<EndGround>,
        consents: Vec<Consent>,
        evidence: Vec<GroundEvidence>,
        notice: Option<WrittenNotice>,
    ) -> Result<Ksd<stage::Ended, T>, Refused<S, T>> {
        let command = Command::Terminate {
            grounds,
            consents,
            evidence,
            notice,
        };
        self.step(&TERMINATE.at(S::STAGE), command, actor, on)
    }
}

impl<S: TakeOverable> Ksd<S, KsddWajib> {
    /// Takes over an unperformed kerja sama wajib (pengambilalihan): the central government
    /// for a province (KSD-ENF-01), the governor for a kab/kota of its province (KSD-ENF-02),
    /// after guidance and an evaluation of the obstacles (KSD-ENF-03), and for the governor
    /// the Minister's approval (KSD-ENF-04), each dated, in order and by whom the law names;
    /// the costs are charged to the APBD of the region concerned (KSD-ENF-05).
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
    /// assessed before the cooperation leaves `KbSigned`; while in force, the gates of a later
    /// PKS's own DPRD round, each naming the fiscal year of its funding.
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
