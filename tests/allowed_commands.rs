//! `allowed_commands` names the same blockers `decide` refuses with (the transition table is
//! the single source of truth for both): the DPRD gate of KSD-DPRD-01, PP 28/2018 Pasal 6 ayat (2).

mod common;

use kerjasama::law::KSD_DPRD_01;
use kerjasama::lifecycle::{AllowedCommand, Command, CommandKind, Cooperation, Finding};
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

#[test]
fn a_deemed_approval_names_its_region_so_the_view_lists_no_leg_dprd_02_blocker() {
    // C10 (PP 50/2007) awaiting the DPRDs: no draft has been resubmitted, so a deemed
    // approval is refused once its region is named; without a command the region is
    // unknown, and the what-next view does not guess it from the actor.
    let rules = kerjasama::law::RuleSet::legacy();
    let given = common::given_with(
        sample::c10_legacy(),
        kerjasama::lifecycle::Stage::AwaitingDprd,
        rules.clone(),
    );
    let on = given.coop.last_date().expect("a date");
    for region in [sample::sidrap(), sample::wajo()] {
        let clerk = sample::clerk(region);
        let deemed = given
            .coop
            .allowed_commands(&clerk, on, &rules)
            .into_iter()
            .find(|a| a.command == CommandKind::RecordDeemedApproval)
            .expect("a deemed approval is a step from awaiting the DPRD");
        assert!(deemed.blockers.is_empty(), "{:?}", deemed.blockers);
        let refused = given.coop.decide(
            &Command::RecordDeemedApproval { region },
            &clerk,
            on,
            &rules,
        );
        let refusal = refused.expect_err("no resubmitted draft");
        assert!(
            matches!(&refusal, kerjasama::lifecycle::Rejection::Violations { .. }),
            "{refusal:?}"
        );
        assert!(
            refusal
                .errors()
                .any(|v| v.rule == kerjasama::law::LEG_DPRD_02
                    && matches!(
                        v.finding,
                        Finding::LegacyNotResubmitted { region: r }
                            | Finding::LegacyDraftNotSubmitted { region: r } if r == region
                    )),
            "{refusal:?}"
        );
    }
}
