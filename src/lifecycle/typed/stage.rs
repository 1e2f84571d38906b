//! Stage markers: one uninhabited, zero-sized type per [`Stage`], used
//! as the `S` of [`Ksd<S, T>`](super::Ksd), and the capability traits that group the stages
//! sharing a step (cancelling, takeover, DPRD gate, TKKSD review, lawfulness, secretariat).
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
    /// before entry into force except `OfferSent`, where the table has withdrawal instead.
    Cancellable, CANCELLABLE = [
        Draft, Mapping, TechnicalCoordination, HeadsAgreed, ProposalReceived, Preparation,
        OfferAccepted, KbDrafting, KbSigned, AwaitingDprd, PksDrafting, PksSigned,
    ]
}

capability! {
    /// Stages of a kerja sama wajib from which an unperformed cooperation may be taken over
    /// (pengambilalihan, KSD-ENF-01..04): every non-terminal stage of the wajib track.
    TakeOverable, TAKE_OVERABLE = [
        Draft, Mapping, TechnicalCoordination, HeadsAgreed, Preparation, OfferSent,
        OfferAccepted, KbDrafting, KbSigned, AwaitingDprd, PksDrafting, PksSigned, InForce,
    ]
}

capability! {
    /// Stages at which a region party records its DPRD gate flags (KSD-DPRD-01, -02): from
    /// preparation (or a received proposal) until the KB is signed.
    AssessesDprdGate, ASSESSES_DPRD_GATE = [
        ProposalReceived, Preparation, OfferSent, OfferAccepted, KbDrafting, KbSigned,
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
