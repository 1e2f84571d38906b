//! The sample cases of RULES.md §13.2 run end to end and reach the expected stages.

use kerjasama::law::{KSD_DOC_07, KSD_TERM_05, RuleSet};
use kerjasama::lifecycle::Stage;
use kerjasama::sample;

#[test]
fn every_sample_case_runs_to_its_expected_stage() {
    let rules = RuleSet::current();
    let expected = [
        ("C01", Stage::InForce),
        ("C02", Stage::PksDrafting),
        ("C03", Stage::Preparation),
        ("C04", Stage::InForce),
        ("C05", Stage::PksDrafting),
        ("C06", Stage::InForce),
        ("C07", Stage::TechnicalCoordination),
        ("C08", Stage::InForce),
        ("C09", Stage::ProposalReceived),
    ];
    let cases = sample::cases();
    assert_eq!(cases.len(), expected.len());
    for (scenario, (case, stage)) in cases.iter().zip(expected) {
        assert_eq!(scenario.case, case);
        let coop = scenario.run(&rules).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(coop.stage(), stage, "{case}");
    }
}

#[test]
fn c02_kb_signed_by_sekda_is_a_doc_07_warning() {
    let coop = sample::c02_food().run(&RuleSet::current()).unwrap();
    assert!(coop.warnings().iter().any(|w| w.rule == KSD_DOC_07));
}

#[test]
fn c07_and_c09_exceed_the_five_year_term_warning_term_05() {
    for scenario in [sample::c07_water(), sample::c09_tourism()] {
        let coop = scenario.run(&RuleSet::current()).unwrap();
        assert!(
            coop.warnings().iter().any(|w| w.rule == KSD_TERM_05),
            "{}",
            scenario.case
        );
    }
}

#[test]
fn c06_has_three_dprd_approvals_and_a_secretariat() {
    let coop = sample::c06_landfill().run(&RuleSet::current()).unwrap();
    assert_eq!(coop.dprd_decisions().len(), 3);
    assert!(coop.has_secretariat());
    assert!(coop.warnings().is_empty(), "{:?}", coop.warnings());
}

mod common;

#[test]
fn given_when_then_helper_reports_refusals() {
    use kerjasama::law::KSD_STAGE_01;
    use kerjasama::lifecycle::Command;
    let given = common::given(sample::c03_rice(), Stage::Preparation);
    let then = given.when(
        &sample::clerk(sample::sidrap()),
        common::d(2024, 3, 1),
        Command::EnterIntoForce,
    );
    assert!(matches!(
        then.refused_citing(KSD_STAGE_01),
        kerjasama::lifecycle::Rejection::NotAllowedHere { .. }
    ));
}
