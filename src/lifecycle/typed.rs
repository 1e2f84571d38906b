//! A typestate facade for Rust embedders: [`Ksd<S, T>`] is a [`Cooperation`] whose stage `S`
//! and track `T` are known to the compiler, so only the steps the transition table allows from
//! that stage, on that track, are methods of it.
//!
//! The facade has no transition logic of its own. Every method builds the [`Command`], runs
//! [`Cooperation::decide`] with the [`RuleSet`] it holds, applies the events, and checks that
//! the resulting stage is the one its return type promises; the table and the guards decide
//! everything. A refused step gives the value back unchanged inside [`Refused`], so nothing is
//! lost: fix the data and try again. Rows with several targets return an enum
//! ([`OfferOutcome`], [`DprdOutcome`], [`DprdRefusalOutcome`], [`ResumeOutcome`]).
//!
//! `S` is a marker of [`stage`] and `T` one of [`track`]: one wrapper for the four tracks
//! rather than one type per kind, because most of the procedure (stages c–j) is shared, and
//! steps that only some tracks have are bounded by the track (e.g. `begin_wajib_procedure`
//! exists on `Ksd<Draft, KsddWajib>` only; `establish_secretariat` needs `T: Ksdd`).
//!
//! Where a row's targets differ by track, so do the methods' types. A withdrawal, a rejected
//! offer, a DPRD refusal or a cancellation ends a kerja sama sukarela or a KSDPK
//! (`Ksd<Withdrawn, T>` for `T: NotWajib`), but a kerja sama wajib is an obligation (PP
//! 28/2018 Pasal 3 ayat (2)) whose cure is guidance and the takeover (Pasal 10-11): under the
//! default `wajib_refusal_policy` it stalls instead, so on `KsddWajib` the same methods return
//! [`WajibWithdrawalOutcome`], [`WajibOfferRejectionOutcome`], [`WajibDprdRefusalOutcome`]
//! or [`WajibCancellationOutcome`]. A `Ksd<Stalled, KsddWajib>` resumes
//! ([`Ksd::resume_wajib_procedure`]) or is taken over.
//!
//! The plain API (`decide`/`apply` on [`Cooperation`]) remains the one to use for a rule set
//! that changes from date to date, for replay and for user interfaces that offer whatever is
//! allowed next; [`Ksd::resume`] turns a replayed cooperation back into a typed one.
//! [`Ksd::events`] and [`Ksd::take_events`] give the events to store.
//!
//! ```
//! # use chrono::NaiveDate;
//! # use kerjasama::lifecycle::CooperationSpec;
//! # use kerjasama::model::*;
//! use kerjasama::law::RuleSet;
//! use kerjasama::lifecycle::{Rejection, Stage};
//! use kerjasama::lifecycle::typed::{Ksd, stage::Draft, track::KsddSukarela};
//! # let sidrap: KodeWilayah = "73.14".parse()?;
//! # let palopo: KodeWilayah = "73.73".parse()?;
//! # let spec = CooperationSpec::builder()
//! #     .id(CooperationId(uuid::Uuid::from_u128(7)))
//! #     .title("Cadangan pangan Sidrap–Palopo")
//! #     .kind(CooperationKind::Ksdd { category: Some(KsddCategory::Sukarela) })
//! #     .party(Party::region(sidrap, "Kabupaten Sidenreng Rappang"))
//! #     .party(Party::region(palopo, "Kota Palopo"))
//! #     .initiator(sidrap)
//! #     .object(CooperationObject::in_plan("Cadangan pangan", [Urusan::Pangan], "RPJMD 2021–2026"))
//! #     .proposed_term_years(5)
//! #     .build()?;
//! let clerk = Actor::new(Role::CooperationUnit, sidrap, "Bagian Kerja Sama Setda Sidrap");
//! let day = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap_or_default();
//!
//! let draft = Ksd::<Draft, KsddSukarela>::register(spec, &clerk, day, RuleSet::current())?;
//! let preparation = draft.start_preparation(&clerk, day).map_err(Rejection::from)?;
//!
//! // No attestation of lawfulness yet (KSD-OBJ-04): refused, and the value comes back.
//! # let bupati = Signatory::head(sidrap, "H. Dollah Mando", "Bupati Sidenreng Rappang");
//! let letter = OfferLetter::new("415/01/2024", bupati)
//!     .with_kak_attached(true)
//!     .with_draft_kb_attached(true);
//! let refused = preparation.send_offer(&clerk, day, letter).unwrap_err();
//! assert!(refused.rejection.rules().iter().any(|rule| rule.as_str() == "KSD-OBJ-04"));
//! let preparation = refused.cooperation;
//! assert_eq!(preparation.stage(), Stage::Preparation);
//! assert_eq!(preparation.events().len(), 3); // registered, to draft, to preparation
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Out-of-order calls do not compile
//!
//! Each `compile_fail` example below is followed by the same code on the right stage, which
//! compiles: the only thing wrong in the first is the order of the procedure.
//!
//! A PKS is not signed on a `KbSigned` cooperation: the DPRD gate comes first (PP 28/2018
//! Pasal 6 ayat (1) d → e → f → g).
//!
//! ```compile_fail,E0599
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::KbSigned, track::KsddSukarela};
//! use kerjasama::model::{Actor, Document};
//! fn sign(coop: Ksd<KbSigned, KsddSukarela>, clerk: &Actor, day: NaiveDate, pks: Document) {
//!     let _ = coop.sign_pks(clerk, day, pks);
//! }
//! ```
//! ```
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::PksDrafting, track::KsddSukarela};
//! use kerjasama::model::{Actor, Document};
//! fn sign(coop: Ksd<PksDrafting, KsddSukarela>, clerk: &Actor, day: NaiveDate, pks: Document) {
//!     let _ = coop.sign_pks(clerk, day, pks);
//! }
//! ```
//!
//! Nothing enters into force before its PKS is signed.
//!
//! ```compile_fail,E0599
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::PksDrafting, track::KsdpkRegion};
//! use kerjasama::model::Actor;
//! fn start(coop: Ksd<PksDrafting, KsdpkRegion>, opd: &Actor, day: NaiveDate) {
//!     let _ = coop.enter_into_force(opd, day);
//! }
//! ```
//! ```
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::PksSigned, track::KsdpkRegion};
//! use kerjasama::model::Actor;
//! fn start(coop: Ksd<PksSigned, KsdpkRegion>, opd: &Actor, day: NaiveDate) {
//!     let _ = coop.enter_into_force(opd, day);
//! }
//! ```
//!
//! A KB is not signed during preparation: the offer must be sent and accepted first.
//!
//! ```compile_fail,E0599
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::Preparation, track::KsddWajib};
//! use kerjasama::model::{Actor, Document};
//! fn sign(coop: Ksd<Preparation, KsddWajib>, clerk: &Actor, day: NaiveDate, kb: Document) {
//!     let _ = coop.sign_kb(clerk, day, kb);
//! }
//! ```
//! ```
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::KbDrafting, track::KsddWajib};
//! use kerjasama::model::{Actor, Document};
//! fn sign(coop: Ksd<KbDrafting, KsddWajib>, clerk: &Actor, day: NaiveDate, kb: Document) {
//!     let _ = coop.sign_kb(clerk, day, kb);
//! }
//! ```
//!
//! A DPRD approves only what was submitted to it, after the KB.
//!
//! ```compile_fail,E0599
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::KbDrafting, track::KsddSukarela};
//! use kerjasama::model::Actor;
//! fn approve(coop: Ksd<KbDrafting, KsddSukarela>, dprd: &Actor, day: NaiveDate) {
//!     let _ = coop.approve_dprd(dprd, day, "Keputusan DPRD 12/2024");
//! }
//! ```
//! ```
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::AwaitingDprd, track::KsddSukarela};
//! use kerjasama::model::Actor;
//! fn approve(coop: Ksd<AwaitingDprd, KsddSukarela>, dprd: &Actor, day: NaiveDate) {
//!     let _ = coop.approve_dprd(dprd, day, "Keputusan DPRD 12/2024");
//! }
//! ```
//!
//! The wajib pre-stages (RULES.md §4.2) are not part of a kerja sama sukarela.
//!
//! ```compile_fail,E0599
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::Draft, track::KsddSukarela};
//! use kerjasama::model::Actor;
//! fn begin(coop: Ksd<Draft, KsddSukarela>, clerk: &Actor, day: NaiveDate) {
//!     let _ = coop.begin_wajib_procedure(clerk, day);
//! }
//! ```
//! ```
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::Draft, track::KsddWajib};
//! use kerjasama::model::Actor;
//! fn begin(coop: Ksd<Draft, KsddWajib>, clerk: &Actor, day: NaiveDate) {
//!     let _ = coop.begin_wajib_procedure(clerk, day);
//! }
//! ```
//!
//! Cancelling is for a cooperation that has no KB yet: once the KB is signed it ends only on a
//! ground of Pasal 9 ayat (1), recorded by `terminate` (or `terminate_by_agreement`,
//! `terminate_with_evidence`, `terminate_by_notice`).
//!
//! ```compile_fail,E0599
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::KbSigned, track::KsddSukarela};
//! use kerjasama::model::Actor;
//! fn stop(coop: Ksd<KbSigned, KsddSukarela>, head: &Actor, day: NaiveDate) {
//!     let _ = coop.cancel(head, day, "anggaran dialihkan");
//! }
//! ```
//! ```
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::KbSigned, track::KsddSukarela};
//! use kerjasama::model::{Actor, Consent};
//! fn stop(coop: Ksd<KbSigned, KsddSukarela>, head: &Actor, day: NaiveDate, consents: Vec<Consent>) {
//!     let _ = coop.terminate_by_agreement(head, day, consents);
//! }
//! ```
//!
//! A kerja sama wajib may stall where another kind would end: its withdrawal is an outcome
//! to match, not a withdrawn cooperation.
//!
//! ```compile_fail,E0308
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::{Preparation, Withdrawn}, track::KsddWajib};
//! use kerjasama::model::Actor;
//! fn stop(coop: Ksd<Preparation, KsddWajib>, head: &Actor, day: NaiveDate) {
//!     let _withdrawn: Option<Ksd<Withdrawn, KsddWajib>> = coop.withdraw(head, day, "ditunda").ok();
//! }
//! ```
//! ```
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, WajibWithdrawalOutcome, stage::{Preparation, Withdrawn}};
//! use kerjasama::lifecycle::typed::track::{KsddSukarela, KsddWajib};
//! use kerjasama::model::Actor;
//! fn stop(coop: Ksd<Preparation, KsddWajib>, head: &Actor, day: NaiveDate) {
//!     match coop.withdraw(head, day, "ditunda") {
//!         Ok(WajibWithdrawalOutcome::Stalled(_stalled)) => {}
//!         Ok(WajibWithdrawalOutcome::Withdrawn(_withdrawn)) => {}
//!         Err(_refused) => {}
//!     }
//! }
//! // A kerja sama sukarela's withdrawal is as precise as before.
//! fn stop_sukarela(coop: Ksd<Preparation, KsddSukarela>, head: &Actor, day: NaiveDate) {
//!     let _withdrawn: Option<Ksd<Withdrawn, KsddSukarela>> = coop.withdraw(head, day, "ditunda").ok();
//! }
//! ```
//!
//! Once an offer is sent the initiator withdraws; the table has no cancellation there.
//!
//! ```compile_fail,E0599
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::OfferSent, track::KsddSukarela};
//! use kerjasama::model::Actor;
//! fn stop(coop: Ksd<OfferSent, KsddSukarela>, head: &Actor, day: NaiveDate) {
//!     let _ = coop.cancel(head, day, "anggaran dialihkan");
//! }
//! ```
//! ```
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::OfferSent, track::KsddSukarela};
//! use kerjasama::model::Actor;
//! fn stop(coop: Ksd<OfferSent, KsddSukarela>, head: &Actor, day: NaiveDate) {
//!     let _ = coop.withdraw(head, day, "anggaran dialihkan");
//! }
//! ```
//!
//! A step consumes the value, so an old stage cannot be acted on again.
//!
//! ```compile_fail,E0382
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::KbDrafting, track::KsddSukarela};
//! use kerjasama::model::{Actor, Document};
//! fn twice(coop: Ksd<KbDrafting, KsddSukarela>, clerk: &Actor, day: NaiveDate, kb: Document) {
//!     let _signed = coop.sign_kb(clerk, day, kb.clone());
//!     let _again = coop.sign_kb(clerk, day, kb);
//! }
//! ```
//! ```
//! use chrono::NaiveDate;
//! use kerjasama::lifecycle::typed::{Ksd, stage::KbDrafting, track::KsddSukarela};
//! use kerjasama::model::{Actor, Document};
//! fn twice(coop: Ksd<KbDrafting, KsddSukarela>, clerk: &Actor, day: NaiveDate, kb: Document) {
//!     match coop.sign_kb(clerk, day, kb.clone()) {
//!         Ok(_signed) => {}
//!         Err(refused) => { let _again = refused.cooperation.sign_kb(clerk, day, kb); }
//!     }
//! }
//! ```

use std::fmt;
use std::marker::PhantomData;

use chrono::NaiveDate;

use crate::law::RuleSet;
use crate::model::{Actor, Track};

use super::command::{Command, CommandKind, CooperationSpec};
use super::cooperation::Cooperation;
use super::event::Event;
use super::stage::Stage;
use super::violation::Rejection;

mod agreements;
mod in_force;
mod offer;
mod outcome;
mod prestages;
mod shared;
pub mod stage;
mod stalled;
pub mod track;

use outcome::Outcome;
pub use outcome::{
    DprdOutcome, DprdRefusalOutcome, OfferOutcome, ResumeOutcome, WajibCancellationOutcome,
    WajibDprdRefusalOutcome, WajibOfferRejectionOutcome, WajibWithdrawalOutcome,
};
use stage::StageMarker;
use track::TrackMarker;

/// A cooperation at stage `S` on track `T`, with the rule set its steps are decided under and
/// the events recorded since it was registered or resumed.
///
/// Built by [`Ksd::register`] or [`Ksd::resume`]; every step consumes it and returns the
/// cooperation at the next stage, or the unchanged value inside [`Refused`]. See the
/// [module documentation](self) for an example.
#[derive(Clone, PartialEq, Eq)]
pub struct Ksd<S: StageMarker, T: TrackMarker> {
    // Boxed: a step moves the value, and a refusal carries it back inside a `Result`.
    state: Box<State>,
    marker: PhantomData<fn() -> (S, T)>,
}

/// What a [`Ksd`] holds, whatever its stage.
#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    cooperation: Cooperation,
    rules: RuleSet,
    events: Vec<Event>,
}

impl<S: StageMarker, T: TrackMarker> fmt::Debug for Ksd<S, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ksd")
            .field("stage", &S::STAGE)
            .field("track", &T::TRACK)
            .field("cooperation", &self.state.cooperation)
            .field("rules", &self.state.rules.reference)
            .field("events", &self.state.events.len())
            .finish()
    }
}

/// A refused step: the cooperation exactly as it was, and why.
///
/// `rejection` is what [`Cooperation::decide`] said (see [`Rejection`] for how to react). A
/// `Rejection::InvalidInput` on the field `typed_facade` would mean that the facade and the
/// transition table disagree, which is a bug: the test suite checks that they do not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused<S: StageMarker, T: TrackMarker> {
    /// The cooperation, unchanged.
    pub cooperation: Ksd<S, T>,
    /// Why the step was refused.
    pub rejection: Rejection,
}

impl<S: StageMarker, T: TrackMarker> fmt::Display for Refused<S, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (tahap tetap / stage unchanged: {})",
            self.rejection,
            S::STAGE
        )
    }
}

impl<S: StageMarker, T: TrackMarker> std::error::Error for Refused<S, T> {}

impl<S: StageMarker, T: TrackMarker> From<Refused<S, T>> for Rejection {
    fn from(refused: Refused<S, T>) -> Self {
        refused.rejection
    }
}

/// A cooperation handed to [`Ksd::resume`] that is not at the stage or on the track asked for;
/// it is given back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongStage {
    /// The cooperation, unchanged.
    pub cooperation: Cooperation,
    /// The rule set that was handed in with it.
    pub rules: RuleSet,
    /// The stage asked for.
    pub expected_stage: Stage,
    /// The track asked for.
    pub expected_track: Track,
}

impl fmt::Display for WrongStage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let track = self.cooperation.track().map_or_else(
            || "no track (not registered)".to_owned(),
            |t| t.name().into(),
        );
        write!(
            f,
            "expected stage {} on track {}, found stage {} on {track} \
             (tahap atau jalur tidak sesuai)",
            self.expected_stage,
            self.expected_track.name(),
            self.cooperation.stage()
        )
    }
}

impl std::error::Error for WrongStage {}

/// The table row a typed method stands for: from which stage, on which command, for which
/// tracks its type allows, to which stages (`None`: it stays where it is). Each method names
/// its step, [`Ksd::step`] checks the step against the method's types before deciding, and
/// the unit tests check every step against the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Step {
    from: Stage,
    command: CommandKind,
    tracks: &'static [Track],
    to: Option<&'static [Stage]>,
}

impl Step {
    const fn new(
        from: Stage,
        command: CommandKind,
        tracks: &'static [Track],
        to: Option<&'static [Stage]>,
    ) -> Self {
        Step {
            from,
            command,
            tracks,
            to,
        }
    }

    /// The stages it may lead to.
    fn targets(&self) -> Vec<Stage> {
        self.to.map_or_else(|| vec![self.from], <[Stage]>::to_vec)
    }

    /// Whether this step is the one a method of `Ksd<from, track>` issuing `command` and
    /// returning an outcome for `targets` stands for.
    fn describes(
        &self,
        from: Stage,
        track: Track,
        command: CommandKind,
        targets: &[Stage],
    ) -> bool {
        let own = self.targets();
        self.from == from
            && self.command == command
            && self.tracks.contains(&track)
            && own.len() == targets.len()
            && own.iter().all(|stage| targets.contains(stage))
    }
}

/// The same step from several stages (a capability of [`stage`]): everything but `from`.
#[derive(Debug, Clone, Copy)]
struct Move {
    command: CommandKind,
    tracks: &'static [Track],
    to: Option<&'static [Stage]>,
}

impl Move {
    const fn at(self, from: Stage) -> Step {
        Step::new(from, self.command, self.tracks, self.to)
    }
}

/// Registration: the entry point, kept here with the other steps for the table check.
const REGISTER: Step = Step::new(
    Stage::Unregistered,
    CommandKind::Register,
    track::ALL,
    Some(&[Stage::Draft]),
);

fn facade_bug(message: String) -> Rejection {
    Rejection::InvalidInput {
        field: "typed_facade".into(),
        message,
        rule: None,
    }
}

impl<T: TrackMarker> Ksd<stage::Draft, T> {
    /// Registers a new cooperation (pendaftaran, KSD-STAGE-03) of track `T`, to be decided
    /// under `rules` from now on: kind, parties and object are checked (KSD-KIND-01, -04,
    /// -06..-09, KSD-OBJ-01..03, KSD-PK-01..03, KSD-TERM-05; from version 3 also KSD-ENF-07,
    /// APBN aid for kerja sama wajib only, and KSD-KIND-05, the special-autonomy regions).
    ///
    /// Refused when the registration guards refuse it, and when the kind in `spec` belongs to
    /// another track than `T` (`Rejection::InvalidInput` on `spec.kind`). See the
    /// [module documentation](self) for an example.
    pub fn register(
        spec: CooperationSpec,
        actor: &Actor,
        on: NaiveDate,
        rules: RuleSet,
    ) -> Result<Self, Rejection> {
        let track = spec.kind.track();
        if track != T::TRACK {
            return Err(Rejection::InvalidInput {
                field: "spec.kind".into(),
                message: format!(
                    "the kind belongs to track {}, not {} (jenis kerja sama tidak sesuai jalur)",
                    track.name(),
                    T::TRACK.name()
                ),
                rule: None,
            });
        }
        let command = Command::Register {
            spec: Box::new(spec),
        };
        if !REGISTER.describes(
            Stage::Unregistered,
            T::TRACK,
            command.kind(),
            <Self as Outcome<T>>::TARGETS,
        ) {
            return Err(facade_bug("register is not the step it names".into()));
        }
        let mut cooperation = Cooperation::new();
        let events = cooperation.execute(&command, actor, on, &rules)?;
        if cooperation.stage() != Stage::Draft {
            return Err(facade_bug(format!(
                "registration led to {}, not to the draft stage",
                cooperation.stage()
            )));
        }
        Ok(Ksd::wrap(Box::new(State {
            cooperation,
            rules,
            events,
        })))
    }
}

impl<S: StageMarker, T: TrackMarker> Ksd<S, T> {
    /// Wraps a cooperation (e.g. replayed from a store) that is at stage `S` on track `T`;
    /// anything else is handed back in [`WrongStage`]. No event is recorded by resuming.
    ///
    /// ```
    /// use kerjasama::law::RuleSet;
    /// use kerjasama::lifecycle::Cooperation;
    /// use kerjasama::lifecycle::typed::{Ksd, stage::Draft, track::KsddSukarela};
    /// let unregistered = Cooperation::new();
    /// let wrong = Ksd::<Draft, KsddSukarela>::resume(unregistered, RuleSet::current()).unwrap_err();
    /// assert_eq!(wrong.cooperation, Cooperation::new());
    /// ```
    pub fn resume(cooperation: Cooperation, rules: RuleSet) -> Result<Self, Box<WrongStage>> {
        if cooperation.stage() == S::STAGE && cooperation.track() == Some(T::TRACK) {
            Ok(Ksd::wrap(Box::new(State {
                cooperation,
                rules,
                events: Vec::new(),
            })))
        } else {
            Err(Box::new(WrongStage {
                cooperation,
                rules,
                expected_stage: S::STAGE,
                expected_track: T::TRACK,
            }))
        }
    }

    /// The stage, `S` as a value.
    pub fn stage(&self) -> Stage {
        S::STAGE
    }

    /// The track, `T` as a value.
    pub fn track(&self) -> Track {
        T::TRACK
    }

    /// The cooperation.
    pub fn cooperation(&self) -> &Cooperation {
        &self.state.cooperation
    }

    /// The rule set every step is decided under.
    pub fn rules(&self) -> &RuleSet {
        &self.state.rules
    }

    /// The events recorded since registration, resumption or the last [`Self::take_events`],
    /// in order: what an event store should append.
    pub fn events(&self) -> &[Event] {
        &self.state.events
    }

    /// Takes the recorded events out (e.g. once they are stored).
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.state.events)
    }

    /// The cooperation, leaving the typed facade (events not yet taken are dropped).
    pub fn into_inner(self) -> Cooperation {
        self.state.cooperation
    }

    /// The cooperation, its rule set and the events not yet taken.
    pub fn into_parts(self) -> (Cooperation, RuleSet, Vec<Event>) {
        let State {
            cooperation,
            rules,
            events,
        } = *self.state;
        (cooperation, rules, events)
    }

    fn refuse(self, rejection: Rejection) -> Refused<S, T> {
        Refused {
            cooperation: self,
            rejection,
        }
    }

    /// Decides `command` with the held rule set and, when it is accepted and leads where
    /// `O` says, applies its events. Nothing changes otherwise.
    fn step<O: Outcome<T>>(
        self,
        step: &Step,
        command: Command,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<O, Refused<S, T>> {
        if !step.describes(S::STAGE, T::TRACK, command.kind(), O::TARGETS) {
            let message = format!(
                "the method for {:?} at {:?} on {:?} names the step {step:?}",
                command.kind(),
                S::STAGE,
                T::TRACK
            );
            return Err(self.refuse(facade_bug(message)));
        }
        let state = &self.state;
        let events = match state.cooperation.decide(&command, actor, on, &state.rules) {
            Ok(events) => events,
            Err(rejection) => return Err(self.refuse(rejection)),
        };
        let mut next = state.cooperation.clone();
        for event in &events {
            next.apply(event);
        }
        if !O::TARGETS.contains(&next.stage()) {
            let message = format!(
                "{:?} led to {:?}, not to {:?}; nothing was applied",
                command.kind(),
                next.stage(),
                O::TARGETS
            );
            return Err(self.refuse(facade_bug(message)));
        }
        let mut state = self.state;
        state.cooperation = next;
        state.events.extend(events);
        Ok(O::wrap(state))
    }
}

#[cfg(test)]
mod tests;
