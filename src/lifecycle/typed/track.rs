//! Track markers: one uninhabited, zero-sized type per [`Track`], used as the `T` of
//! [`Ksd<S, T>`](super::Ksd), and the group traits for steps that only some tracks have.
//!
//! ```
//! use kerjasama::lifecycle::typed::track::{KsddWajib, TrackMarker};
//! use kerjasama::model::Track;
//! assert_eq!(KsddWajib::TRACK, Track::KsddWajib);
//! ```

use std::fmt::Debug;
use std::hash::Hash;

use crate::model::Track;

mod sealed {
    pub trait Sealed {}
}

/// A track marker: the [`Track`] it stands for. Sealed: only the markers of this module.
pub trait TrackMarker: sealed::Sealed + Copy + Debug + Eq + Hash + Send + Sync + 'static {
    /// The track this marker stands for.
    const TRACK: Track;
}

macro_rules! markers {
    ($($name:ident;)*) => {
        $(
            #[doc = concat!("Marker of [`Track::", stringify!($name), "`].")]
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            pub enum $name {}

            impl sealed::Sealed for $name {}

            impl TrackMarker for $name {
                const TRACK: Track = Track::$name;
            }
        )*
    };
}

markers! {
    KsddWajib;
    KsddSukarela;
    KsdpkRegion;
    KsdpkThirdParty;
}

/// Every track: the bound of a step that the stage alone decides.
pub(super) const ALL: &[Track] = &Track::ALL;

/// Declares a group: a sealed trait implemented by exactly the listed track markers, and the
/// same list as [`Track`] values, which the facade's steps name as the tracks they allow.
macro_rules! group {
    ($(#[$meta:meta])* $name:ident, $list:ident = [$($track:ident),+ $(,)?]) => {
        $(#[$meta])*
        pub trait $name: TrackMarker {}

        $(impl $name for $track {})+

        pub(super) const $list: &[Track] = &[$(Track::$track),+];
    };
}

group! {
    /// KSDD tracks, wajib and sukarela (a cooperation secretariat is a KSDD matter,
    /// KSD-ENF-08).
    Ksdd, KSDD = [KsddWajib, KsddSukarela]
}

group! {
    /// Tracks that go from registration straight to preparation: sukarela and a region's own
    /// KSDPK initiative (a wajib cooperation first maps and coordinates; a third party's own
    /// proposal is received instead).
    StartsAtPreparation, STARTS_AT_PREPARATION = [KsddSukarela, KsdpkRegion]
}

group! {
    /// Every track but the wajib one: sukarela and both KSDPK tracks, where a withdrawal, a
    /// rejected offer, a DPRD refusal or a cancellation ends the cooperation. A kerja sama
    /// wajib has no such exit of its own and may stall toward the takeover instead (Pasal 3
    /// ayat (2), Pasal 10-11; `wajib_refusal_policy`).
    NotWajib, NOT_WAJIB = [KsddSukarela, KsdpkRegion, KsdpkThirdParty]
}

/// The wajib track alone.
pub(super) const WAJIB: &[Track] = &[Track::KsddWajib];
/// The region-initiated KSDPK track alone.
pub(super) const KSDPK_REGION: &[Track] = &[Track::KsdpkRegion];
/// The third-party-initiated KSDPK track alone.
pub(super) const KSDPK_THIRD_PARTY: &[Track] = &[Track::KsdpkThirdParty];
