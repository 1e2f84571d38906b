//! Stage markers: one uninhabited, zero-sized type per [`Stage`], used
//! as the `S` of [`Ksd<S, T>`](super::Ksd), and the capability traits that group the stages
//! sharing a step (cancelling, termination, takeover, DPRD gate, TKKSD review, lawfulness,
//! secretariat, extension).
//!
//! They live in their own module so that `stage::KbSigned` never clashes with
//! `Stage::KbSigned`. None of them can be constructed: they exist only in types.
//!
//! ```
//! use kerjasama::lifecycle::Stage;
//! use kerjasama::lifecycle::typed::stage::{KbSigned, StageMarker};
//! assert_eq!(KbSigned::STAGE, Stage::KbSigned);
//! assert_eq!(std::mem::size_of::<KbSigned>(), 0);
//! ```

use std::fmt::Debug;
use std::hash::Hash;

use crate::lifecycle::Stage;

mod sealed {
    pub trait Sealed {}
}

/// A stage marker: the [`Stage`] it stands for. Sealed: only the markers of this module.
pub trait StageMarker: sealed::Sealed + Copy + Debug + Eq + Hash + Send + Sync + 'static {
    /// The stage this marker stands for.
    const STAGE: Stage;
}

macro_rules! markers {
    ($($name:ident;)*) => {
        $(
            #[doc = concat!("Marker of [`Stage::", stringify!($name), "`].")]
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            pub enum $name {}

            impl sealed::Sealed for $name {}

            impl StageMarker for $name {
                const STAGE: Stage = Stage::$name;
            }
        )*
    };
}

markers! {
    Draft;
    Mapping;
    TechnicalCoordination;
    HeadsAgreed;
    ProposalReceived;
    Preparation;
    OfferSent;
    OfferAccepted;
    KbDrafting;
    KbSigned;
    AwaitingDprd;
    PksDrafting;
    PksSigned;
    InForce;
    Stalled;
    Ended;
    TakenOver;
    OfferRejected;
    ProposalRejected;
    Withdrawn;
    DprdRefused;
    Cancelled;
}

/// Declares a capability: a sealed trait implemented by exactly the listed stage markers, and
/// (for the facade's own test) the same list as [`Stage`] values.
macro_rules! capability {
    ($(#[$meta:meta])* $name:ident, $list:ident = [$($stage:ident),+ $(,)?]) => {
        $(#[$meta])*
        pub trait $name: StageMarker {}

        $(impl $name for $stage {})+

        #[cfg(test)]
        pub(super) const $list: &[Stage] = &[$(Stage::$stage),+];
    };
}

capability! {
    /// Stages from which the head of the initiating region may cancel (pembatalan): every stage
    /// before a KB is signed except `OfferSent`, where the table has withdrawal instead. Once a
    /// KB is signed the cooperation ends only on a ground of Pasal 9 ayat (1) ([`Terminable`]).
    /// A kerja sama wajib may stall instead (`wajib_refusal_policy`).
    Cancellable, CANCELLABLE = [
        Draft, Mapping, TechnicalCoordination, HeadsAgreed, ProposalReceived, Preparation,
        OfferAccepted, KbDrafting,
    ]
}

capability! {
    /// Stages from which the cooperation is ended on a ground of Pasal 9 ayat (1) (pengakhiran,
    /// KSD-TERM-01, -02, -09): from the signed KB on.
    Terminable, TERMINABLE = [KbSigned, AwaitingDprd, PksDrafting, PksSigned, InForce]
}

capability! {
    /// Stages of a kerja sama wajib from which an unperformed cooperation may be taken over
    /// (pengambilalihan, KSD-ENF-01..05): every non-terminal stage of the wajib track, its
    /// stall included.
    TakeOverable, TAKE_OVERABLE = [
        Draft, Mapping, TechnicalCoordination, HeadsAgreed, Preparation, OfferSent,
        OfferAccepted, KbDrafting, KbSigned, AwaitingDprd, PksDrafting, PksSigned, InForce,
        Stalled,
    ]
}

capability! {
    /// Stages at which a region party records its DPRD gate flags (KSD-DPRD-01, -02): from
    /// preparation (or a received proposal) until the KB is signed, and while in force for
    /// the DPRD round of a later PKS under the KB.
    AssessesDprdGate, ASSESSES_DPRD_GATE = [
        ProposalReceived, Preparation, OfferSent, OfferAccepted, KbDrafting, KbSigned, InForce,
    ]
}

capability! {
    /// Stages at which the TKKSD records a review (pembahasan TKKSD, KSD-STAGE-04): before the
    /// offer or the decision on a proposal, before the KB and before the PKS.
    RecordsTkksdReview, RECORDS_TKKSD_REVIEW = [
        ProposalReceived, Preparation, KbDrafting, PksDrafting,
    ]
}

capability! {
    /// Stages at which the lawfulness of object and conduct is attested (KSD-OBJ-04).
    AttestsLawfulness, ATTESTS_LAWFULNESS = [ProposalReceived, Preparation]
}

capability! {
    /// Stages at which a KSDD sets up a cooperation secretariat (KSD-ENF-08).
    EstablishesSecretariat, ESTABLISHES_SECRETARIAT = [PksSigned, InForce]
}

capability! {
    /// Stages at which an extension started as a new cooperation is recorded (KSD-TERM-06):
    /// while in force, and after it ended on the expiry of its term.
    RecordsExtension, RECORDS_EXTENSION = [InForce, Ended]
}
