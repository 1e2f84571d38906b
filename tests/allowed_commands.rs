//! `allowed_commands` names the same blockers `decide` refuses with (the transition table is
//! the single source of truth for both): the DPRD gate of KSD-DPRD-01, PP 28/2018 Pasal 6 ayat (2).

mod common;

use kerjasama::law::KSD_DPRD_01;
use kerjasama::lifecycle::{AllowedCommand, Command, CommandKind, Cooperation};
use kerjasama::model::Actor;
use kerjasama::sample;

fn allowed(
    coop: &Cooperation,
    actor: &Actor,
    on: chrono::NaiveDate,
    kind: CommandKind,
) -> AllowedCommand {
    coop.allowed_commands(actor, on, &common::rules())
        .into_iter()
        .find(|a| a.command == kind)
        .unwrap_or_else(|| panic!("{kind:?} not allowed here"))
}

#[test]
fn pks_drafting_is_blocked_per_region_whose_dprd_gate_is_true_dprd_01() {
    let given = common::given_before(sample::c06_landfill(), CommandKind::SubmitToDprd);
    let (clerk, on) = (sample::clerk(sample::sidrap()), common::d(2023, 2, 21));
    let pks = allowed(&given.coop, &clerk, on, CommandKind::StartPksDrafting);
    // One violation of the rule (one per rule and field, issue 10) listing the three regions.
    assert_eq!(pks.blockers.len(), 1, "{:?}", pks.blockers);
    assert_eq!(pks.blockers[0].count(), 3, "{:?}", pks.blockers);
    assert_eq!(pks.blockers[0].findings().count(), 3);
    assert!(pks.blockers.iter().all(|v| v.rule == KSD_DPRD_01));
    let refused = given.when(
        &sample::opd(sample::sidrap(), "Dinas Lingkungan Hidup"),
        on,
        Command::StartPksDrafting,
    );
    assert_eq!(
        refused.refused_citing(KSD_DPRD_01).violations().len(),
        pks.blockers.len()
    );
    assert!(
        allowed(&given.coop, &clerk, on, CommandKind::SubmitToDprd)
            .blockers
            .is_empty()
    );
}

#[test]
fn submitting_to_the_dprd_is_blocked_when_no_gate_is_true_dprd_01() {
    let given = common::given_before(sample::c02_food(), CommandKind::StartPksDrafting);
    let (clerk, on) = (sample::clerk(sample::sidrap()), common::d(2024, 4, 10));
    let submit = allowed(&given.coop, &clerk, on, CommandKind::SubmitToDprd);
    assert_eq!(submit.blockers.len(), 1, "{:?}", submit.blockers);
    given
        .when(&clerk, on, Command::SubmitToDprd)
        .refused_citing(KSD_DPRD_01);
    assert!(
        allowed(&given.coop, &clerk, on, CommandKind::StartPksDrafting)
            .blockers
            .is_empty()
    );
}

#[test]
fn a_dprd_that_has_not_decided_is_not_blocked_and_one_that_has_is_dprd_01() {
    let given = common::given_before(sample::c06_landfill(), CommandKind::ApproveDprd).advance();
    let on = common::d(2023, 6, 1);
    let sidrap = sample::dprd(sample::sidrap());
    assert!(
        allowed(
            &given.coop,
            &sample::dprd(sample::parepare()),
            on,
            CommandKind::ApproveDprd
        )
        .blockers
        .is_empty()
    );
    let decided = allowed(&given.coop, &sidrap, on, CommandKind::ApproveDprd);
    assert_eq!(decided.blockers.len(), 1, "{:?}", decided.blockers);
    given
        .when(
            &sidrap,
            on,
            Command::ApproveDprd {
                reference: "again".into(),
            },
        )
        .refused_citing(KSD_DPRD_01);
}
