//! A stalled kerja sama wajib (terhenti, menuju pembinaan dan pengambilalihan): where a
//! withdrawal, a rejected offer, a DPRD refusal or a cancellation leaves it under the default
//! `wajib_refusal_policy` (PP 28/2018 Pasal 3 ayat (2), Pasal 10-11; RULES.md Q21). From
//! here the regions carry it out after all, or it is taken over
//! ([`take_over`](Ksd::take_over), shared with every other wajib stage).

use chrono::NaiveDate;

use crate::lifecycle::{Command, CommandKind as C, Stage};
use crate::model::Actor;

use super::stage::Stalled;
use super::track::{self, KsddWajib};
use super::{Ksd, Refused, ResumeOutcome, Step};

const RESUME: Step = Step::new(
    Stage::Stalled,
    C::Resume,
    track::WAJIB,
    Some(&[
        Stage::Draft,
        Stage::Mapping,
        Stage::TechnicalCoordination,
        Stage::HeadsAgreed,
        Stage::Preparation,
    ]),
);

/// The steps of this module, for the table check.
#[cfg(test)]
pub(super) const STEPS: &[Step] = &[RESUME];

impl Ksd<Stalled, KsddWajib> {
    /// The regions carry out the stalled kerja sama wajib after all (melanjutkan kerja sama
    /// wajib; authority KSD-KIND-02), by a head of region or the cooperation unit: it resumes
    /// at the pre-stage where it stalled, or at preparation when it stalled at or after
    /// preparation: see [`ResumeOutcome`].
    ///
    /// Named for the step rather than the command: [`Ksd::resume`] is already the way back
    /// from a replayed [`Cooperation`](crate::lifecycle::Cooperation) to a typed one.
    pub fn resume_wajib_procedure(
        self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<ResumeOutcome, Refused<Stalled, KsddWajib>> {
        self.step(&RESUME, Command::Resume, actor, on)
    }
}
