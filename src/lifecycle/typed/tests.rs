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
    ] {
        steps.extend_from_slice(module);
    }
    let shared = [
        (stage::CANCELLABLE, shared::CANCEL),
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
    for step in all_steps() {
        for track in Track::ALL {
            let typed = step.tracks.contains(&track) && reachable(track).contains(&step.from);
            let row = lookup(step.from, step.command, track);
            assert_eq!(
                typed,
                row.is_some(),
                "{:?} at {:?} on {track:?}: typed method {typed}, table row {}",
                step.command,
                step.from,
                row.is_some()
            );
            if let Some(row) = row.filter(|_| typed) {
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
    let steps = all_steps();
    let distinct: BTreeSet<(Stage, CommandKind)> =
        steps.iter().map(|step| (step.from, step.command)).collect();
    assert_eq!(distinct.len(), steps.len());
}

#[test]
fn outcomes_with_several_stages_are_the_rows_with_several_targets() {
    let outcomes: [(Stage, CommandKind, &[Stage]); 3] = [
        (
            Stage::OfferSent,
            CommandKind::AcceptOffer,
            <OfferOutcome<KsddSukarela> as Outcome<KsddSukarela>>::TARGETS,
        ),
        (
            Stage::AwaitingDprd,
            CommandKind::ApproveDprd,
            <DprdOutcome<KsdpkRegion> as Outcome<KsdpkRegion>>::TARGETS,
        ),
        (
            Stage::AwaitingDprd,
            CommandKind::RefuseDprd,
            <DprdRefusalOutcome<KsdpkThirdParty> as Outcome<KsdpkThirdParty>>::TARGETS,
        ),
    ];
    for (from, command, targets) in outcomes {
        for track in Track::ALL
            .into_iter()
            .filter(|t| reachable(*t).contains(&from))
        {
            let row = lookup(from, command, track);
            assert_eq!(
                row.map(|row| set(row.to)),
                Some(set(targets)),
                "{command:?}"
            );
        }
    }
    let multi: Vec<(Stage, CommandKind)> = transitions()
        .iter()
        .filter(|row| row.to.len() > 1)
        .map(|row| (row.from, row.command))
        .collect();
    assert_eq!(
        multi,
        outcomes.map(|(from, command, _)| (from, command)).to_vec()
    );
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
