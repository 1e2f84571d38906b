//! The facade against the transition table: every typed method is a row, on exactly the
//! tracks its type allows, and every row has a typed method.

use std::collections::BTreeSet;

use super::track::{KsddSukarela, KsddWajib, KsdpkRegion, KsdpkThirdParty};
use super::*;
use crate::lifecycle::{lookup, transitions};

/// Every step a typed method stands for, registration included.
fn all_steps() -> Vec<Step> {
    let mut steps = vec![REGISTER];
    for module in [
        prestages::STEPS,
        offer::STEPS,
        agreements::STEPS,
        in_force::STEPS,
        stalled::STEPS,
    ] {
        steps.extend_from_slice(module);
    }
    let shared = [
        (stage::CANCELLABLE, shared::CANCEL),
        (stage::CANCELLABLE, shared::CANCEL_WAJIB),
        (stage::TERMINABLE, shared::TERMINATE),
        (stage::TAKE_OVERABLE, shared::TAKE_OVER),
        (stage::ASSESSES_DPRD_GATE, shared::ASSESS_DPRD_GATE),
        (stage::RECORDS_TKKSD_REVIEW, shared::RECORD_TKKSD_REVIEW),
        (stage::ATTESTS_LAWFULNESS, shared::ATTEST_LAWFULNESS),
        (
            stage::ESTABLISHES_SECRETARIAT,
            shared::ESTABLISH_SECRETARIAT,
        ),
        (stage::RECORDS_EXTENSION, shared::RECORD_EXTENSION),
    ];
    for (stages, shared_move) in shared {
        steps.extend(stages.iter().map(|&from| shared_move.at(from)));
    }
    steps
}

/// The stages a cooperation of `track` can be at: a `Ksd<S, T>` exists for no other.
fn reachable(track: Track) -> BTreeSet<Stage> {
    let mut seen = BTreeSet::from([Stage::Unregistered]);
    let mut frontier = vec![Stage::Unregistered];
    while let Some(stage) = frontier.pop() {
        for row in transitions()
            .iter()
            .filter(|row| row.from == stage && row.tracks.contains(&track))
        {
            for &to in row.to {
                if seen.insert(to) {
                    frontier.push(to);
                }
            }
        }
    }
    seen
}

fn set(stages: &[Stage]) -> BTreeSet<Stage> {
    stages.iter().copied().collect()
}

#[test]
fn every_typed_method_is_a_table_row_on_exactly_the_tracks_its_type_allows() {
    let steps = all_steps();
    for step in &steps {
        for track in Track::ALL {
            // The step's own tracks, or another method's for the same stage and command (a
            // row whose targets differ by track has one method per group of tracks).
            let typed = reachable(track).contains(&step.from)
                && steps.iter().any(|other| {
                    other.from == step.from
                        && other.command == step.command
                        && other.tracks.contains(&track)
                });
            let row = lookup(step.from, step.command, track);
            assert_eq!(
                typed,
                row.is_some(),
                "{:?} at {:?} on {track:?}: typed method {typed}, table row {}",
                step.command,
                step.from,
                row.is_some()
            );
            if let Some(row) = row.filter(|_| step.tracks.contains(&track)) {
                assert_eq!(
                    set(&step.targets()),
                    set(row.to),
                    "{:?} at {:?} on {track:?}: targets",
                    step.command,
                    step.from
                );
            }
        }
    }
}

#[test]
fn every_table_row_has_a_typed_method() {
    let steps = all_steps();
    for row in transitions() {
        for &track in row.tracks {
            assert!(
                reachable(track).contains(&row.from),
                "{:?} at {:?} on {track:?} is a row from a stage the track never reaches",
                row.command,
                row.from
            );
            assert!(
                steps.iter().any(|step| step.from == row.from
                    && step.command == row.command
                    && step.tracks.contains(&track)),
                "{:?} at {:?} on {track:?} has no typed method",
                row.command,
                row.from
            );
        }
    }
}

#[test]
fn no_two_typed_methods_stand_for_the_same_row() {
    // A row may have two methods only on disjoint tracks (e.g. `withdraw` of a kerja sama
    // wajib, which may stall, and of the other tracks).
    let steps = all_steps();
    let mut seen = BTreeSet::new();
    for step in &steps {
        for &track in step.tracks {
            assert!(
                seen.insert((step.from, step.command, track)),
                "{:?} at {:?} on {track:?} has two typed methods",
                step.command,
                step.from
            );
        }
    }
}

/// A method returning an outcome with several stages: the stages it is called from, its
/// command, the tracks of its type, and the outcome's stages.
struct OutcomeUse {
    from: &'static [Stage],
    command: CommandKind,
    tracks: &'static [Track],
    targets: &'static [Stage],
}

/// Every method returning an outcome with several stages.
fn outcomes() -> Vec<OutcomeUse> {
    use super::track::{ALL, NOT_WAJIB, WAJIB};
    fn targets<T: TrackMarker, O: Outcome<T>>() -> &'static [Stage] {
        O::TARGETS
    }
    let used = |from, command, tracks, targets| OutcomeUse {
        from,
        command,
        tracks,
        targets,
    };
    vec![
        used(
            &[Stage::OfferSent],
            CommandKind::AcceptOffer,
            ALL,
            targets::<KsddSukarela, OfferOutcome<KsddSukarela>>(),
        ),
        used(
            &[Stage::AwaitingDprd],
            CommandKind::ApproveDprd,
            ALL,
            targets::<KsdpkRegion, DprdOutcome<KsdpkRegion>>(),
        ),
        used(
            &[Stage::AwaitingDprd],
            CommandKind::RefuseDprd,
            NOT_WAJIB,
            targets::<KsdpkThirdParty, DprdRefusalOutcome<KsdpkThirdParty>>(),
        ),
        used(
            &[Stage::AwaitingDprd],
            CommandKind::RefuseDprd,
            WAJIB,
            targets::<KsddWajib, WajibDprdRefusalOutcome>(),
        ),
        used(
            &[Stage::Preparation, Stage::OfferSent],
            CommandKind::Withdraw,
            WAJIB,
            targets::<KsddWajib, WajibWithdrawalOutcome>(),
        ),
        used(
            &[Stage::OfferSent],
            CommandKind::RejectOffer,
            WAJIB,
            targets::<KsddWajib, WajibOfferRejectionOutcome>(),
        ),
        used(
            stage::CANCELLABLE,
            CommandKind::Cancel,
            WAJIB,
            targets::<KsddWajib, WajibCancellationOutcome>(),
        ),
        used(
            &[Stage::Stalled],
            CommandKind::Resume,
            WAJIB,
            targets::<KsddWajib, ResumeOutcome>(),
        ),
    ]
}

#[test]
fn outcomes_with_several_stages_are_the_rows_with_several_targets() {
    let mut typed = BTreeSet::new();
    for used in outcomes() {
        let command = used.command;
        for &from in used.from {
            for &track in used
                .tracks
                .iter()
                .filter(|t| reachable(**t).contains(&from))
            {
                let row = lookup(from, command, track);
                assert_eq!(
                    row.map(|row| set(row.to)),
                    Some(set(used.targets)),
                    "{command:?} at {from:?} on {track:?}"
                );
                typed.insert((from, command, track));
            }
        }
    }
    let multi: BTreeSet<(Stage, CommandKind, Track)> = transitions()
        .iter()
        .filter(|row| row.to.len() > 1)
        .flat_map(|row| {
            row.tracks
                .iter()
                .map(|&track| (row.from, row.command, track))
        })
        .collect();
    assert_eq!(multi, typed);
}

#[test]
fn an_outcome_wraps_each_of_its_stages_in_the_variant_of_that_stage() {
    fn wraps<T: TrackMarker, O: Outcome<T>>() {
        for &target in O::TARGETS {
            let mut cooperation = Cooperation::new();
            cooperation.stage = target;
            let state = Box::new(State {
                cooperation,
                rules: RuleSet::current(),
                events: Vec::new(),
            });
            assert_eq!(O::wrap(state).reached(), target);
        }
    }
    wraps::<KsddSukarela, OfferOutcome<KsddSukarela>>();
    wraps::<KsddWajib, DprdOutcome<KsddWajib>>();
    wraps::<KsdpkRegion, DprdRefusalOutcome<KsdpkRegion>>();
    wraps::<KsddWajib, WajibDprdRefusalOutcome>();
    wraps::<KsddWajib, WajibWithdrawalOutcome>();
    wraps::<KsddWajib, WajibOfferRejectionOutcome>();
    wraps::<KsddWajib, WajibCancellationOutcome>();
    wraps::<KsddWajib, ResumeOutcome>();
}

#[test]
fn a_step_describes_only_its_own_stage_track_command_and_targets() {
    let sign_kb = all_steps()
        .into_iter()
        .find(|step| step.command == CommandKind::SignKb);
    let Some(sign_kb) = sign_kb else {
        panic!("sign_kb has a step");
    };
    let kb_signed = &[Stage::KbSigned][..];
    assert!(sign_kb.describes(
        Stage::KbDrafting,
        Track::KsddWajib,
        CommandKind::SignKb,
        kb_signed
    ));
    assert!(!sign_kb.describes(
        Stage::KbSigned,
        Track::KsddWajib,
        CommandKind::SignKb,
        kb_signed
    ));
    assert!(!sign_kb.describes(
        Stage::KbDrafting,
        Track::KsddWajib,
        CommandKind::SignPks,
        kb_signed
    ));
    assert!(!sign_kb.describes(
        Stage::KbDrafting,
        Track::KsddWajib,
        CommandKind::SignKb,
        &[Stage::PksSigned]
    ));
    let wajib_only = all_steps()
        .into_iter()
        .find(|step| step.command == CommandKind::BeginWajibProcedure);
    assert!(wajib_only.is_some_and(|step| !step.describes(
        Stage::Draft,
        Track::KsddSukarela,
        CommandKind::BeginWajibProcedure,
        &[Stage::Mapping]
    )));
}

#[test]
fn markers_stand_for_their_stage_and_track() {
    use stage::StageMarker;
    assert_eq!(
        <stage::AwaitingDprd as StageMarker>::STAGE,
        Stage::AwaitingDprd
    );
    assert_eq!(<KsddWajib as TrackMarker>::TRACK, Track::KsddWajib);
    // The state is boxed: a step moves a pointer, and a refusal stays small.
    assert_eq!(
        std::mem::size_of::<Ksd<stage::Draft, KsddWajib>>(),
        std::mem::size_of::<Box<State>>()
    );
}
