//! The conditional DPRD gate of stage e (RULES.md §5): KSD-DPRD-01 (PP 28/2018 Pasal 6
//! ayat (2)), KSD-DPRD-02 (Pasal 19 ayat (1)), KSD-DPRD-03 (Pasal 6 ayat (1)) and KSD-DPRD-04
//! (no deadline, no deemed approval).

mod common;
mod tracks;

use common::{Given, d, given, given_before, given_with, rules_with};
use kerjasama::law::{
    BurdenReading, KSD_DPRD_01, KSD_DPRD_02, KSD_DPRD_03, KSD_DPRD_04, OnDprdRefusal, RuleId,
};
use kerjasama::lifecycle::{Command, CommandKind, DprdDecision, Rejection, Stage};
use kerjasama::model::{DprdGate, KodeWilayah};
use kerjasama::sample::{
    self, Scenario, clerk, dprd, head, opd, palopo, parepare, pinrang, sidrap,
};
use tracks::gate;

fn approve(by: &str) -> Command {
    Command::ApproveDprd {
        reference: format!("Keputusan DPRD {by} (uji)"),
    }
}

fn refuse(why: &str) -> Command {
    Command::RefuseDprd { reason: why.into() }
}

/// RULES.md §5, per region party: (burdens_community, burdens_region, not_budgeted,
/// required under `Conjunctive`, required under `Disjunctive`).
const TRUTH_TABLE: [(bool, bool, bool, bool, bool); 5] = [
    (false, false, false, false, false),
    (true, false, false, false, true),
    (true, true, false, true, true),
    (false, false, true, true, true),
    (true, false, true, true, true),
];

/// Runs one row of the truth table through the lifecycle: `scenario` is brought to
/// `KbSigned`, `party` gets the row's flags and every other region party all-false flags.
fn gate_row_through_lifecycle(
    scenario: fn() -> Scenario,
    rule: RuleId,
    reading: BurdenReading,
    party: KodeWilayah,
    flags: &DprdGate,
    required: bool,
    on: chrono::NaiveDate,
) {
    let rules = rules_with(|p| p.burden_reading = reading);
    let mut given = given_with(scenario(), Stage::KbSigned, rules);
    let regions = given.coop.spec().expect("registered").region_codes();
    for region in &regions {
        let region_flags = if *region == party {
            flags.clone()
        } else {
            gate(false, false, false)
        };
        let command = Command::AssessDprdGate {
            region: *region,
            gate: region_flags,
        };
        given
            .coop
            .execute(&command, &clerk(*region), on, &given.rules)
            .unwrap_or_else(|e| panic!("assessing {region}: {e}"));
    }
    let context = format!("{reading:?} {flags:?} for {party}");
    let submit = given.when(&head(sidrap()), on, Command::SubmitToDprd);
    let start = given.when(&opd(sidrap(), "Dinas"), on, Command::StartPksDrafting);
    if required {
        assert_eq!(submit.accepted().stage(), Stage::AwaitingDprd, "{context}");
        start.refused_citing(rule);
    } else {
        submit.refused_citing(rule);
        assert_eq!(start.accepted().stage(), Stage::PksDrafting, "{context}");
    }
}

#[test]
fn ksd_dprd_01_gate_truth_table_pasal_6_2_under_both_burden_readings_per_region_party() {
    for (community, region, not_budgeted, conjunctive, disjunctive) in TRUTH_TABLE {
        let flags = gate(community, region, not_budgeted);
        for (reading, required) in [
            (BurdenReading::Conjunctive, conjunctive),
            (BurdenReading::Disjunctive, disjunctive),
        ] {
            let policy = rules_with(|p| p.burden_reading = reading).policy;
            assert_eq!(
                policy.dprd_required(&flags),
                required,
                "{reading:?} {flags:?}"
            );
            // Every region party in turn carries the row; the other is all false.
            for party in [sidrap(), palopo()] {
                gate_row_through_lifecycle(
                    sample::c02_food,
                    KSD_DPRD_01,
                    reading,
                    party,
                    &flags,
                    required,
                    d(2024, 4, 5),
                );
            }
        }
    }
}

#[test]
fn ksd_dprd_01_burden_on_the_community_alone_needs_the_dprd_only_under_the_disjunctive_reading() {
    let flags = gate(true, false, false);
    for (reading, required) in [
        (BurdenReading::Conjunctive, false),
        (BurdenReading::Disjunctive, true),
    ] {
        gate_row_through_lifecycle(
            sample::c02_food,
            KSD_DPRD_01,
            reading,
            sidrap(),
            &flags,
            required,
            d(2024, 4, 5),
        );
    }
}

#[test]
fn ksd_dprd_01_a_gate_not_yet_assessed_blocks_both_the_dprd_and_the_pks() {
    let mut given = given(sample::c02_food(), Stage::KbSigned);
    let on = d(2024, 4, 5);
    for assessed in [false, true] {
        if assessed {
            // One region party assessed, the other (Palopo) still not.
            given
                .coop
                .execute(
                    &tracks::assess(sidrap(), true),
                    &clerk(sidrap()),
                    on,
                    &given.rules,
                )
                .unwrap();
        }
        given
            .when(&head(sidrap()), on, Command::SubmitToDprd)
            .refused_citing(KSD_DPRD_01);
        given
            .when(&opd(sidrap(), "Dinas"), on, Command::StartPksDrafting)
            .refused_citing(KSD_DPRD_01);
    }
}

#[test]
fn ksd_dprd_01_pks_drafting_with_a_true_gate_and_no_approval_is_refused() {
    let given = given_before(sample::c06_landfill(), CommandKind::SubmitToDprd);
    given
        .when(
            &opd(sidrap(), "Dinas Lingkungan Hidup"),
            d(2023, 3, 1),
            Command::StartPksDrafting,
        )
        .refused_citing(KSD_DPRD_01);
}

#[test]
fn ksd_dprd_01_each_region_party_whose_gate_is_true_must_approve_c06() {
    let mut given = given(sample::c06_landfill(), Stage::AwaitingDprd);
    for region in [sidrap(), parepare()] {
        let step = given.next_step();
        assert_eq!(step.actor, dprd(region));
        given = given.advance();
        assert_eq!(given.coop.stage(), Stage::AwaitingDprd, "after {region}");
    }
    let after = given.when_next(|_| {}).accepted();
    assert_eq!(after.stage(), Stage::PksDrafting);
    assert_eq!(after.dprd_decisions().len(), 3);
}

/// C06 with only Pinrang's gate true (Sidrap and Parepare budgeted the tipping fee).
fn c06_only_pinrang_gate_true() -> Given {
    let mut scenario = sample::c06_landfill();
    for region in [sidrap(), parepare()] {
        tracks::set_gate(&mut scenario, region, gate(false, false, false));
    }
    given(scenario, Stage::AwaitingDprd)
}

#[test]
fn ksd_dprd_01_only_the_region_party_whose_gate_is_true_needs_approval() {
    let given = c06_only_pinrang_gate_true();
    let after = given
        .when(&dprd(pinrang()), d(2023, 6, 5), approve("Pinrang"))
        .accepted();
    assert_eq!(after.stage(), Stage::PksDrafting);
    assert_eq!(after.dprd_decisions().len(), 1);
}

#[test]
fn ksd_dprd_01_dprd_of_a_region_whose_gate_is_false_may_not_approve() {
    let given = c06_only_pinrang_gate_true();
    for command in [approve("Sidrap"), refuse("tidak setuju")] {
        let then = given.when(&dprd(sidrap()), d(2023, 5, 22), command);
        let rejection = then.refused_citing(KSD_DPRD_01);
        assert!(
            matches!(rejection, Rejection::ActorNotAuthorised { rule, .. } if *rule == KSD_DPRD_01),
            "{rejection:?}"
        );
    }
}

#[test]
fn ksd_dprd_01_a_dprd_decides_once() {
    let given = given(sample::c06_landfill(), Stage::AwaitingDprd).advance();
    assert!(matches!(
        given.coop.dprd_decisions().get(&sidrap()),
        Some(DprdDecision::Approved { .. })
    ));
    for command in [approve("Sidrap lagi"), refuse("berubah pikiran")] {
        given
            .when(&dprd(sidrap()), d(2023, 5, 25), command)
            .refused_citing(KSD_DPRD_01);
    }
}

#[test]
fn ksd_dprd_02_ksdpk_region_party_with_a_true_gate_goes_through_its_dprd_pasal_19_1() {
    let mut given = given(sample::c08_referral(), Stage::KbSigned);
    let on = d(2021, 10, 5);
    given
        .coop
        .execute(
            &tracks::assess(sidrap(), true),
            &clerk(sidrap()),
            on,
            &given.rules,
        )
        .unwrap();
    given
        .when(
            &opd(sidrap(), "Dinas Kesehatan"),
            on,
            Command::StartPksDrafting,
        )
        .refused_citing(KSD_DPRD_02);
    let mut coop = given
        .when(&head(sidrap()), on, Command::SubmitToDprd)
        .accepted();
    assert_eq!(coop.stage(), Stage::AwaitingDprd);
    // The third party has no DPRD: Sidrap's approval is the last one needed.
    coop.execute(
        &approve("Sidrap"),
        &dprd(sidrap()),
        d(2021, 10, 20),
        &given.rules,
    )
    .unwrap();
    assert_eq!(coop.stage(), Stage::PksDrafting);
}

#[test]
fn ksd_dprd_02_ksdpk_budgeted_region_party_and_a_third_party_without_a_gate_go_to_the_pks() {
    let given = given_before(sample::c08_referral(), CommandKind::StartPksDrafting);
    assert_eq!(
        given.coop.dprd_gates().len(),
        1,
        "only the region party has a gate"
    );
    let after = given.when_next(|_| {}).accepted();
    assert_eq!(after.stage(), Stage::PksDrafting);
    given
        .when(&head(sidrap()), d(2021, 10, 5), Command::SubmitToDprd)
        .refused_citing(KSD_DPRD_02);
}

#[test]
fn ksd_dprd_02_gate_truth_table_applies_to_the_ksdpk_region_party() {
    for (community, region, not_budgeted, conjunctive, disjunctive) in TRUTH_TABLE {
        let flags = gate(community, region, not_budgeted);
        for (reading, required) in [
            (BurdenReading::Conjunctive, conjunctive),
            (BurdenReading::Disjunctive, disjunctive),
        ] {
            gate_row_through_lifecycle(
                sample::c08_referral,
                KSD_DPRD_02,
                reading,
                sidrap(),
                &flags,
                required,
                d(2021, 10, 5),
            );
        }
    }
}

#[test]
fn ksd_dprd_02_ksdpk_gate_not_yet_assessed_blocks_both() {
    let mut scenario = sample::c08_referral();
    tracks::remove_steps(&mut scenario, CommandKind::AssessDprdGate);
    let given = given(scenario, Stage::KbSigned);
    let on = d(2021, 10, 5);
    given
        .when(&head(sidrap()), on, Command::SubmitToDprd)
        .refused_citing(KSD_DPRD_02);
    given
        .when(
            &opd(sidrap(), "Dinas Kesehatan"),
            on,
            Command::StartPksDrafting,
        )
        .refused_citing(KSD_DPRD_02);
}

#[test]
fn ksd_dprd_02_no_gate_for_a_region_that_is_not_a_party_of_the_ksdpk() {
    let given = given(sample::c08_referral(), Stage::KbSigned);
    let then = given.when(
        &clerk(sidrap()),
        d(2021, 10, 5),
        tracks::assess(parepare(), true),
    );
    let rejection = then.refused_citing(KSD_DPRD_02);
    assert!(
        matches!(rejection, Rejection::InvalidInput { field, .. } if field == "region"),
        "{rejection:?}"
    );
}

#[test]
fn ksd_dprd_01_no_gate_for_a_region_that_is_not_a_party_of_the_ksdd() {
    let given = given(sample::c02_food(), Stage::KbSigned);
    let then = given.when(
        &clerk(sidrap()),
        d(2024, 4, 5),
        tracks::assess(parepare(), true),
    );
    assert!(matches!(
        then.refused_citing(KSD_DPRD_01),
        Rejection::InvalidInput { .. }
    ));
}

#[test]
fn ksd_dprd_03_dprd_commands_before_the_kb_is_signed_are_refused_pasal_6_1() {
    let s = sidrap();
    let on = d(2024, 1, 1);
    for stage in [
        Stage::Preparation,
        Stage::OfferSent,
        Stage::OfferAccepted,
        Stage::KbDrafting,
    ] {
        let given = given(sample::c06_landfill(), stage);
        assert!(given.coop.kb().is_none());
        given
            .when(&head(s), on, Command::SubmitToDprd)
            .refused_citing(KSD_DPRD_03);
        given
            .when(&dprd(s), on, approve("Sidrap"))
            .refused_citing(KSD_DPRD_03);
        given
            .when(&dprd(s), on, refuse("belum ada KB"))
            .refused_citing(KSD_DPRD_03);
    }
    // The same order for a KSDPK (Pasal 19 ayat (1)).
    let given = given(sample::c08_referral(), Stage::OfferAccepted);
    given
        .when(&head(s), d(2021, 9, 10), Command::SubmitToDprd)
        .refused_citing(KSD_DPRD_03);
}

#[test]
fn ksd_dprd_03_the_dprd_is_asked_after_the_kb_is_signed_and_before_the_pks() {
    let given = given_before(sample::c06_landfill(), CommandKind::SubmitToDprd);
    assert!(given.coop.kb().is_some());
    assert!(given.coop.pks().is_empty());
    let after = given.when_next(|_| {}).accepted();
    assert_eq!(after.stage(), Stage::AwaitingDprd);
}

#[test]
fn ksd_dprd_03_where_the_policy_lets_the_kb_be_skipped_the_dprd_follows_the_offer() {
    let rules = rules_with(|p| p.allow_pks_without_kb = true);
    let mut given = given_with(sample::c06_landfill(), Stage::OfferAccepted, rules);
    let on = d(2023, 2, 1);
    for region in [sidrap(), parepare(), pinrang()] {
        given
            .coop
            .execute(
                &tracks::assess(region, true),
                &clerk(region),
                on,
                &given.rules,
            )
            .unwrap();
    }
    let then = given.when(&head(sidrap()), on, Command::SubmitToDprd);
    assert_eq!(then.accepted().stage(), Stage::AwaitingDprd);
}

/// C06 in `AwaitingDprd` with the approvals of Sidrap and Parepare; Pinrang's is pending.
fn c06_two_of_three_approvals() -> Given {
    let given = given(sample::c06_landfill(), Stage::AwaitingDprd)
        .advance()
        .advance();
    assert_eq!(given.coop.dprd_decisions().len(), 2);
    given
}

#[test]
fn ksd_dprd_04_no_deemed_approval_pks_drafting_years_later_is_refused() {
    let given = c06_two_of_three_approvals();
    for years_later in [d(2023, 9, 1), d(2026, 6, 5), d(2033, 1, 1)] {
        given
            .when(
                &opd(sidrap(), "Dinas Lingkungan Hidup"),
                years_later,
                Command::StartPksDrafting,
            )
            .refused_citing(KSD_DPRD_04);
        let mut pks = tracks::signed(
            "PKS-TANPA-DPRD",
            kerjasama::model::DocumentKind::Pks,
            years_later,
            vec![tracks::head_signs(sidrap())],
        );
        pks.under_kb = given.coop.kb().map(|kb| kb.id.clone());
        given
            .when(
                &clerk(sidrap()),
                years_later,
                Command::SignPks { document: pks },
            )
            .refused_citing(KSD_DPRD_04);
    }
}

#[test]
fn ksd_dprd_04_awaiting_dprd_offers_no_path_to_the_pks_but_the_last_approval() {
    let given = c06_two_of_three_approvals();
    let allowed = given
        .coop
        .allowed_commands(&clerk(sidrap()), d(2030, 1, 1), &given.rules);
    let kinds: Vec<CommandKind> = allowed.iter().map(|a| a.command).collect();
    for forbidden in [
        CommandKind::StartPksDrafting,
        CommandKind::SignPks,
        CommandKind::EnterIntoForce,
    ] {
        assert!(!kinds.contains(&forbidden), "{forbidden:?} in {kinds:?}");
    }
    for command in &allowed {
        if command.to.contains(&Stage::PksDrafting) {
            assert_eq!(command.command, CommandKind::ApproveDprd);
        }
    }
}

#[test]
fn ksd_dprd_04_no_timer_the_last_approval_counts_whenever_it_comes() {
    let given = c06_two_of_three_approvals();
    let after = given
        .when(&dprd(pinrang()), d(2027, 11, 30), approve("Pinrang"))
        .accepted();
    assert_eq!(after.stage(), Stage::PksDrafting);
}

#[test]
fn ksd_dprd_04_refusal_ends_the_cooperation_under_on_dprd_refusal_terminate() {
    // A kerja sama wajib only ends there where `wajib_refusal_policy` lets it (RULES.md Q21);
    // by default it stalls toward the takeover (tests/exits.rs).
    let mut policy = kerjasama::law::Policy::default();
    policy.wajib_refusal_policy = kerjasama::law::WajibRefusalPolicy::EndsCooperation;
    let rules = kerjasama::law::RuleSet::current_with(policy);
    let given = common::given_with(sample::c06_landfill(), Stage::AwaitingDprd, rules).advance();
    let after = given
        .when(
            &dprd(parepare()),
            d(2023, 5, 30),
            refuse("tipping fee terlalu tinggi"),
        )
        .accepted();
    assert_eq!(after.stage(), Stage::DprdRefused);
    assert!(after.stage().is_terminal());
}

#[test]
fn ksd_dprd_04_refusal_sends_the_kb_back_to_drafting_under_on_dprd_refusal_revise_kb() {
    let rules = rules_with(|p| p.on_dprd_refusal = OnDprdRefusal::ReviseKb);
    let given = given_with(sample::c06_landfill(), Stage::AwaitingDprd, rules).advance();
    assert_eq!(given.coop.dprd_decisions().len(), 1);
    let after = given
        .when(
            &dprd(parepare()),
            d(2023, 5, 30),
            refuse("tipping fee terlalu tinggi"),
        )
        .accepted();
    assert_eq!(after.stage(), Stage::KbDrafting);
    assert!(after.kb().is_none(), "the KB is redrafted");
    assert!(
        after.dprd_decisions().is_empty(),
        "every DPRD decides afresh"
    );
    assert_eq!(after.dprd_gates().len(), 3, "the gate assessments stay");
}
