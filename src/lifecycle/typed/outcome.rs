//! What a step with several possible targets returns: one enum per kind of outcome, one
//! variant per target stage, each holding the cooperation typed at that stage.
//!
//! Outcomes on every track are generic over the track (`OfferOutcome<T>`). A kerja sama wajib
//! has outcomes of its own: where the other tracks leave the procedure (withdrawal, rejected
//! offer, DPRD refusal, cancellation), a wajib cooperation may stall toward the takeover
//! instead (Pasal 3 ayat (2), Pasal 10-11; `wajib_refusal_policy`), so its methods return a
//! `Wajib…Outcome` while the other tracks keep their single, precise exit type.

use crate::lifecycle::Stage;

use super::stage::{self, StageMarker};
use super::track::{KsddWajib, TrackMarker};
use super::{Ksd, State};

/// What a step may return: the stages it stands for, and how to wrap a cooperation that has
/// reached one of them.
pub(super) trait Outcome<T: TrackMarker>: Sized {
    /// The stages this outcome stands for.
    const TARGETS: &'static [Stage];

    /// Wraps a state whose cooperation's stage is one of [`Self::TARGETS`].
    fn wrap(state: Box<State>) -> Self;

    /// The stage the wrapped cooperation is at (for the facade's own tests).
    #[cfg(test)]
    fn reached(&self) -> Stage;
}

impl<S: StageMarker, T: TrackMarker> Outcome<T> for Ksd<S, T> {
    const TARGETS: &'static [Stage] = &[S::STAGE];

    fn wrap(state: Box<State>) -> Self {
        Ksd {
            state,
            marker: std::marker::PhantomData,
        }
    }

    #[cfg(test)]
    fn reached(&self) -> Stage {
        self.state.cooperation.stage()
    }
}

/// The body of an outcome's [`Outcome`] impl: its targets are its variants' stages, in order,
/// and a state is wrapped in the variant of its stage. `Ksd::step` wraps only a state at one
/// of the targets; the first variant is what is left after the others are ruled out.
macro_rules! outcome_impl {
    ($name:ident, $first:ident($first_stage:ty) $(, $variant:ident($stage:ty))*) => {
        const TARGETS: &'static [Stage] = &[
            <$first_stage as StageMarker>::STAGE,
            $(<$stage as StageMarker>::STAGE),*
        ];

        fn wrap(state: Box<State>) -> Self {
            let reached = state.cooperation.stage();
            $(
                if reached == <$stage as StageMarker>::STAGE {
                    return $name::$variant(Ksd::wrap(state));
                }
            )*
            $name::$first(Ksd::wrap(state))
        }

        #[cfg(test)]
        fn reached(&self) -> Stage {
            match self {
                $name::$first(ksd) => ksd.reached(),
                $($name::$variant(ksd) => ksd.reached(),)*
            }
        }
    };
}

/// Declares an outcome enum and its [`Outcome`] impl: `generic` for one on every track
/// (`Name<T>`), `wajib` for one of the wajib track alone.
macro_rules! outcome {
    (
        generic $(#[$meta:meta])* $name:ident {
            $($(#[$vmeta:meta])* $variant:ident($stage:ty),)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $name<T: TrackMarker> {
            $($(#[$vmeta])* $variant(Ksd<$stage, T>),)+
        }

        impl<T: TrackMarker> Outcome<T> for $name<T> {
            outcome_impl!($name, $($variant($stage)),+);
        }
    };
    (
        wajib $(#[$meta:meta])* $name:ident {
            $($(#[$vmeta:meta])* $variant:ident($stage:ty),)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant(Ksd<$stage, KsddWajib>),)+
        }

        impl Outcome<KsddWajib> for $name {
            outcome_impl!($name, $($variant($stage)),+);
        }
    };
}

outcome! {
    generic
    /// What accepting an offer leads to: with several partners, every one must accept before
    /// the KB can be drafted (n-ary parties, RULES.md §4.6).
    OfferOutcome {
        /// Every partner has accepted.
        Accepted(stage::OfferAccepted),
        /// Some partner has not accepted yet.
        AwaitingPartners(stage::OfferSent),
    }
}

outcome! {
    generic
    /// What a DPRD approval leads to: PKS drafting once every region party whose gate is true
    /// has its DPRD's approval (KSD-DPRD-01; none is ever deemed given, KSD-DPRD-04).
    DprdOutcome {
        /// The last required approval: PKS drafting (stage f) begins.
        Approved(stage::PksDrafting),
        /// Another region's DPRD has still to approve.
        StillAwaiting(stage::AwaitingDprd),
    }
}

outcome! {
    generic
    /// What a DPRD refusal leads to on the sukarela and KSDPK tracks, as the policy's
    /// `on_dprd_refusal` says (Q4). A kerja sama wajib may also stall:
    /// [`WajibDprdRefusalOutcome`].
    DprdRefusalOutcome {
        /// `Terminate` (default): the cooperation ends in `DprdRefused`.
        Refused(stage::DprdRefused),
        /// `ReviseKb`: the KB goes back to drafting and every DPRD decides afresh.
        BackToKbDrafting(stage::KbDrafting),
    }
}

outcome! {
    wajib
    /// What the initiating head's withdrawal of a kerja sama wajib leads to, as the policy's
    /// `wajib_refusal_policy` says (Q21): the obligation of Pasal 3 ayat (2) stands, so by
    /// default the cooperation stalls toward guidance and the takeover.
    WajibWithdrawalOutcome {
        /// `StallsTowardTakeover` (default): stalled; it resumes or is taken over.
        Stalled(stage::Stalled),
        /// `EndsCooperation`: it ends in `Withdrawn`, as a kerja sama sukarela would.
        Withdrawn(stage::Withdrawn),
    }
}

outcome! {
    wajib
    /// What a partner's rejection of the offer of a kerja sama wajib leads to, as the
    /// policy's `wajib_refusal_policy` says (Q21).
    WajibOfferRejectionOutcome {
        /// `StallsTowardTakeover` (default): stalled; it resumes or is taken over.
        Stalled(stage::Stalled),
        /// `EndsCooperation`: it ends in `OfferRejected`, as a kerja sama sukarela would.
        Rejected(stage::OfferRejected),
    }
}

outcome! {
    wajib
    /// What a DPRD refusal of a kerja sama wajib leads to: back to KB drafting when the
    /// policy's `on_dprd_refusal` is `ReviseKb`; otherwise stalled or ended, as
    /// `wajib_refusal_policy` says (Q4, Q21).
    WajibDprdRefusalOutcome {
        /// `StallsTowardTakeover` (default): stalled; it resumes or is taken over.
        Stalled(stage::Stalled),
        /// `EndsCooperation`: it ends in `DprdRefused`, as a kerja sama sukarela would.
        Refused(stage::DprdRefused),
        /// `ReviseKb`: the KB goes back to drafting and every DPRD decides afresh.
        BackToKbDrafting(stage::KbDrafting),
    }
}

outcome! {
    wajib
    /// What the initiating head's cancellation of a kerja sama wajib leads to, as the
    /// policy's `wajib_refusal_policy` says (Q21).
    WajibCancellationOutcome {
        /// `StallsTowardTakeover` (default): stalled; it resumes or is taken over.
        Stalled(stage::Stalled),
        /// `EndsCooperation`: it ends in `Cancelled`, as a kerja sama sukarela would.
        Cancelled(stage::Cancelled),
    }
}

outcome! {
    wajib
    /// Where a stalled kerja sama wajib resumes: the pre-stage it stalled at, or preparation
    /// when it stalled at or after preparation (a new offer, KB or DPRD request is made on
    /// the record kept). [`Cooperation::stalled_from`](crate::lifecycle::Cooperation::stalled_from)
    /// says which, before resuming.
    ResumeOutcome {
        /// It stalled in draft.
        Draft(stage::Draft),
        /// It stalled while the regions mapped their affairs.
        Mapping(stage::Mapping),
        /// It stalled after the technical coordination.
        TechnicalCoordination(stage::TechnicalCoordination),
        /// It stalled after the heads' agreement.
        HeadsAgreed(stage::HeadsAgreed),
        /// It stalled in preparation or later: preparation starts again.
        Preparation(stage::Preparation),
    }
}
