//! Stages h to j, which happen inside `InForce`, the DPRD round and drafting of a later PKS
//! under the KB, the expiry of the term, and what is still recorded after it ended.
//! Termination on a ground is shared with the stages from the signed KB on (`shared`).

use chrono::NaiveDate;

use crate::lifecycle::{Command, CommandKind as C, Stage};
use crate::model::{Actor, DisputeForum, Document, Evaluation, PartyId};

use super::stage::{Ended, InForce};
use super::track::{self, TrackMarker};
use super::{Ksd, Refused, Step};

const SUBMIT_TO_DPRD: Step = Step::new(Stage::InForce, C::SubmitToDprd, track::ALL, None);
const APPROVE_DPRD: Step = Step::new(Stage::InForce, C::ApproveDprd, track::ALL, None);
const REFUSE_DPRD: Step = Step::new(Stage::InForce, C::RefuseDprd, track::ALL, None);
const START_PKS_DRAFTING: Step = Step::new(Stage::InForce, C::StartPksDrafting, track::ALL, None);
const SIGN_PKS: Step = Step::new(Stage::InForce, C::SignPks, track::ALL, None);
const RECORD_LEADERSHIP_CHANGE: Step =
    Step::new(Stage::InForce, C::RecordLeadershipChange, track::ALL, None);
const SIGN_ADDENDUM: Step = Step::new(Stage::InForce, C::SignAddendum, track::ALL, None);
const RAISE_DISPUTE: Step = Step::new(Stage::InForce, C::RaiseDispute, track::ALL, None);
const RECORD_EVALUATION: Step = Step::new(Stage::InForce, C::RecordEvaluation, track::ALL, None);
const RECORD_EXPIRY: Step = Step::new(
    Stage::InForce,
    C::RecordExpiry,
    track::ALL,
    Some(&[Stage::Ended]),
);
const RECORD_EXPIRY_AFTER_END: Step = Step::new(Stage::Ended, C::RecordExpiry, track::ALL, None);

/// The steps of this module, for the table check.
#[cfg(test)]
pub(super) const STEPS: &[Step] = &[
    SUBMIT_TO_DPRD,
    APPROVE_DPRD,
    REFUSE_DPRD,
    START_PKS_DRAFTING,
    SIGN_PKS,
    RECORD_LEADERSHIP_CHANGE,
    SIGN_ADDENDUM,
    RAISE_DISPUTE,
    RECORD_EVALUATION,
    RECORD_EXPIRY,
    RECORD_EXPIRY_AFTER_END,
];

impl<T: TrackMarker> Ksd<InForce, T> {
    /// Asks the DPRD(s) to approve a later PKS under the KB (stage e again, Pasal 6 ayat (1)-(2)):
    /// every region party's gate for this round is assessed
    /// ([`assess_dprd_gate`](Ksd::assess_dprd_gate)) naming the fiscal year of the PKS's
    /// funding, and at least one is true (KSD-DPRD-01, -02). The cooperation stays in force.
    pub fn submit_to_dprd(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        self.step(&SUBMIT_TO_DPRD, Command::SubmitToDprd, actor, on)
    }

    /// The actor's DPRD approves the later PKS submitted to it, for its own region
    /// (KSD-DPRD-01): only once it was submitted, and once per round.
    pub fn approve_dprd(
        self,
        actor: &Actor,
        on: NaiveDate,
        reference: impl Into<String>,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        let command = Command::ApproveDprd {
            reference: reference.into(),
        };
        self.step(&APPROVE_DPRD, command, actor, on)
    }

    /// The actor's DPRD refuses the later PKS submitted to it, for its own region
    /// (KSD-DPRD-01): that PKS cannot be drafted, and the cooperation stays in force under
    /// the PKS already signed.
    pub fn refuse_dprd(
        self,
        actor: &Actor,
        on: NaiveDate,
        reason: impl Into<String>,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        let command = Command::RefuseDprd {
            reason: reason.into(),
        };
        self.step(&REFUSE_DPRD, command, actor, on)
    }

    /// Starts drafting a later PKS under the KB (stage f again; authority KSD-DPRD-03): once,
    /// every gate of its round assessed with a fiscal year, and every required DPRD approval
    /// given (KSD-STAGE-01, KSD-DPRD-01, -02).
    pub fn start_pks_drafting(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        self.step(&START_PKS_DRAFTING, Command::StartPksDrafting, actor, on)
    }

    /// Records a later PKS under the same KB while in force (stage g again): only after its
    /// drafting started (KSD-STAGE-01), and checked as the first PKS is (KSD-DOC-01, -02,
    /// -03, -07, KSD-KIND-03; KSD-STAGE-04 and KSD-TERM-05 warn).
    pub fn sign_pks(
        self,
        actor: &Actor,
        on: NaiveDate,
        document: Document,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        self.step(&SIGN_PKS, Command::SignPks { document }, actor, on)
    }

    /// Records that a head of region or authorised official changed: nothing ends
    /// (KSD-TERM-03).
    pub fn record_leadership_change(
        self,
        actor: &Actor,
        on: NaiveDate,
        party: PartyId,
        new_office_holder: impl Into<String>,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        let command = Command::RecordLeadershipChange {
            party,
            new_office_holder: new_office_holder.into(),
        };
        self.step(&RECORD_LEADERSHIP_CHANGE, command, actor, on)
    }

    /// Records a signed addendum (KSD-TERM-08, KSD-DOC-07).
    pub fn sign_addendum(
        self,
        actor: &Actor,
        on: NaiveDate,
        document: Document,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        self.step(
            &SIGN_ADDENDUM,
            Command::SignAddendum { document },
            actor,
            on,
        )
    }

    /// Records a dispute and the forum it goes to: the inter-regional regime for a KSDD
    /// (KSD-DISP-01), musyawarah then the PKS clause for a KSDPK (KSD-DISP-02).
    pub fn raise_dispute(
        self,
        actor: &Actor,
        on: NaiveDate,
        forum: DisputeForum,
        note: impl Into<String>,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        let command = Command::RaiseDispute {
            forum,
            note: note.into(),
        };
        self.step(&RAISE_DISPUTE, command, actor, on)
    }

    /// Records an evaluation of the implementation (evaluasi; authority KSD-IMPL-03), by the
    /// OPD or the cooperation unit: its content (KSD-IMPL-06) and, for a KSDPK, how the
    /// region's share of the results was booked (KSD-PK-07); gaps are warnings.
    pub fn record_evaluation(
        self,
        actor: &Actor,
        on: NaiveDate,
        evaluation: Evaluation,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        let command = Command::RecordEvaluation { evaluation };
        self.step(&RECORD_EVALUATION, command, actor, on)
    }

    /// Records that the term has expired (ground (a), KSD-TERM-01): after the last day of
    /// the latest PKS term.
    pub fn record_expiry(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<Ended, T>, Refused<InForce, T>> {
        self.step(&RECORD_EXPIRY, Command::RecordExpiry, actor, on)
    }
}

impl<T: TrackMarker> Ksd<Ended, T> {
    /// Records the expiry again on a cooperation that already ended on the expiry of its term
    /// (e.g. a scheduled job running twice); refused when it ended on another ground
    /// (KSD-TERM-01).
    pub fn record_expiry(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Ksd<Ended, T>, Refused<Ended, T>> {
        self.step(&RECORD_EXPIRY_AFTER_END, Command::RecordExpiry, actor, on)
    }
}
