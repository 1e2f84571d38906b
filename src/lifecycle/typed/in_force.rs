//! Stages h to j, which happen inside `InForce`, the end of the cooperation, and what is still
//! recorded after it ended.

use chrono::NaiveDate;

use crate::lifecycle::{Command, CommandKind as C, EndGround, Stage};
use crate::model::{Actor, DisputeForum, Document, Evaluation, PartyId};

use super::stage::{Ended, InForce};
use super::track::{self, TrackMarker};
use super::{Ksd, Refused, Step};

const SIGN_PKS: Step = Step::new(Stage::InForce, C::SignPks, track::ALL, None);
const RECORD_LEADERSHIP_CHANGE: Step =
    Step::new(Stage::InForce, C::RecordLeadershipChange, track::ALL, None);
const SIGN_ADDENDUM: Step = Step::new(Stage::InForce, C::SignAddendum, track::ALL, None);
const RAISE_DISPUTE: Step = Step::new(Stage::InForce, C::RaiseDispute, track::ALL, None);
const RECORD_EVALUATION: Step = Step::new(Stage::InForce, C::RecordEvaluation, track::ALL, None);
const TERMINATE: Step = Step::new(
    Stage::InForce,
    C::Terminate,
    track::ALL,
    Some(&[Stage::Ended]),
);
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
    SIGN_PKS,
    RECORD_LEADERSHIP_CHANGE,
    SIGN_ADDENDUM,
    RAISE_DISPUTE,
    RECORD_EVALUATION,
    TERMINATE,
    RECORD_EXPIRY,
    RECORD_EXPIRY_AFTER_END,
];

impl<T: TrackMarker> Ksd<InForce, T> {
    /// Records a further PKS under the same KB while in force.
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

    /// Records an evaluation of the implementation (evaluasi, KSD-IMPL-03, -06), by the OPD
    /// or the cooperation unit.
    pub fn record_evaluation(
        self,
        actor: &Actor,
        on: NaiveDate,
        evaluation: Evaluation,
    ) -> Result<Ksd<InForce, T>, Refused<InForce, T>> {
        let command = Command::RecordEvaluation { evaluation };
        self.step(&RECORD_EVALUATION, command, actor, on)
    }

    /// Ends the cooperation on one or more grounds (pengakhiran, KSD-TERM-01, -02).
    pub fn terminate(
        self,
        actor: &Actor,
        on: NaiveDate,
        grounds: Vec<EndGround>,
    ) -> Result<Ksd<Ended, T>, Refused<InForce, T>> {
        self.step(&TERMINATE, Command::terminate(grounds), actor, on)
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
