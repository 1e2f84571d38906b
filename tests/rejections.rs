//! Refusals that explain: errors apart from warnings, and a command out of order names the
//! missing steps, derived from the transition table.

use chrono::NaiveDate;
use kerjasama::law::{
    KSD_DOC_07, KSD_KIND_02, KSD_KIND_07, KSD_KIND_09, KSD_STAGE_01, KSD_WAJIB_01, KSD_WAJIB_02,
    KSD_WAJIB_03, Lang, RuleSet, Severity,
};
use kerjasama::lifecycle::{
    Command, CommandKind, Cooperation, Rejection, Stage, lookup, path_to, rows_from, transitions,
};
use kerjasama::model::Track;
use kerjasama::sample;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A cooperation after the first `n` steps of a scenario.
fn after(scenario: &sample::Scenario, n: usize) -> Cooperation {
    let rules = RuleSet::current();
    let mut coop = Cooperation::new();
    for step in &scenario.steps[..n] {
        coop.execute(&step.command, &step.actor, step.on, &rules)
            .expect("sample steps are accepted");
    }
    coop
}

fn offer_of(scenario: &sample::Scenario) -> sample::Step {
    scenario
        .steps
        .iter()
        .find(|s| matches!(s.command, Command::SendOffer { .. }))
        .cloned()
        .expect("an offer")
}

#[test]
fn an_offer_on_a_kerja_sama_wajib_still_in_draft_cites_the_pasal_5_pre_stages() {
    let scenario = sample::c06_landfill();
    let draft = after(&scenario, 1);
    assert_eq!(draft.stage(), Stage::Draft);
    let offer = offer_of(&scenario);
    let rejection = draft
        .decide(
            &offer.command,
            &offer.actor,
            day(2022, 9, 2),
            &RuleSet::current(),
        )
        .expect_err("out of order");
    let Rejection::NotAllowedHere { stage, rule, .. } = &rejection else {
        panic!("expected NotAllowedHere, got {rejection}");
    };
    assert_eq!((*stage, *rule), (Stage::Draft, KSD_STAGE_01));
    let steps: Vec<(CommandKind, Stage)> = rejection
        .missing_steps()
        .iter()
        .map(|s| (s.command, s.to))
        .collect();
    assert_eq!(
        steps,
        [
            (CommandKind::BeginWajibProcedure, Stage::Mapping),
            (
                CommandKind::HoldTechnicalCoordination,
                Stage::TechnicalCoordination
            ),
            (CommandKind::SignHeadsAgreement, Stage::HeadsAgreed),
            (CommandKind::StartPreparation, Stage::Preparation),
        ]
    );
    let rules = rejection.rules();
    for rule in [
        KSD_WAJIB_01,
        KSD_WAJIB_02,
        KSD_WAJIB_03,
        KSD_KIND_07,
        KSD_KIND_09,
        KSD_KIND_02,
    ] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }
    for rule in [KSD_WAJIB_01, KSD_WAJIB_02, KSD_WAJIB_03] {
        assert!(rule.citation().to_string().contains("Pasal 5"), "{rule}");
    }
    let text = rejection.to_string();
    assert!(
        text.contains("KSD-WAJIB-01") && text.contains("KSD-WAJIB-03"),
        "{text}"
    );
    assert!(text.contains("koordinasi teknis"), "{text}");
}

#[test]
fn an_offer_on_a_kerja_sama_sukarela_in_draft_needs_only_preparation() {
    let scenario = sample::c02_food();
    let draft = after(&scenario, 1);
    let offer = offer_of(&scenario);
    let rejection = draft
        .decide(
            &offer.command,
            &offer.actor,
            draft.last_date().expect("date"),
            &RuleSet::current(),
        )
        .expect_err("out of order");
    let steps: Vec<CommandKind> = rejection
        .missing_steps()
        .iter()
        .map(|s| s.command)
        .collect();
    assert_eq!(steps, [CommandKind::StartPreparation]);
    assert!(!rejection.rules().contains(&KSD_WAJIB_01));
}

#[test]
fn a_command_that_can_never_come_again_has_no_missing_steps() {
    // C06 in force: the KB is signed once (Pasal 6 ayat (3)); no path leads back to drafting.
    let scenario = sample::c06_landfill();
    let coop = after(&scenario, scenario.steps.len());
    let sign_kb = scenario
        .steps
        .iter()
        .find(|s| matches!(s.command, Command::SignKb { .. }))
        .expect("KB");
    let rejection = coop
        .decide(
            &sign_kb.command,
            &sign_kb.actor,
            day(2025, 1, 1),
            &RuleSet::current(),
        )
        .expect_err("not again");
    assert!(matches!(rejection, Rejection::NotAllowedHere { .. }));
    assert!(rejection.missing_steps().is_empty());
    assert_eq!(
        path_to(Stage::InForce, CommandKind::SignKb, Track::KsddWajib),
        None
    );
}

#[test]
fn every_missing_path_follows_table_rows_to_a_stage_where_the_command_is_allowed() {
    let tracks = [
        Track::KsddWajib,
        Track::KsddSukarela,
        Track::KsdpkRegion,
        Track::KsdpkThirdParty,
    ];
    let mut paths = 0;
    for track in tracks {
        let stages: Vec<Stage> = transitions().iter().map(|r| r.from).collect();
        for from in stages {
            for command in CommandKind::ALL {
                let Some(path) = path_to(from, *command, track) else {
                    continue;
                };
                let mut at = from;
                for (row, to) in &path {
                    assert_eq!(row.from, at);
                    assert!(row.tracks.contains(&track) && row.to.contains(to));
                    assert!(rows_from(at, track).any(|r| std::ptr::eq(r, *row)));
                    at = *to;
                }
                assert!(lookup(at, *command, track).is_some());
                // Shortest: no stage is visited twice.
                let mut seen: Vec<Stage> = path.iter().map(|(_, to)| *to).collect();
                seen.sort();
                seen.dedup();
                assert_eq!(seen.len(), path.len());
                paths += 1;
            }
        }
    }
    assert!(paths > 100, "{paths}");
}

#[test]
fn a_rule_refusal_keeps_errors_apart_from_warnings() {
    // C02's KB is signed by the two Sekdas (a KSD-DOC-07 warning by default); drop Palopo's
    // signature too: KSD-DOC-07 then also finds an unsigned party (an error).
    let scenario = sample::c02_food();
    let index = scenario
        .steps
        .iter()
        .position(|s| matches!(s.command, Command::SignKb { .. }))
        .expect("KB");
    let coop = after(&scenario, index);
    let mut step = scenario.steps[index].clone();
    let Command::SignKb { document } = &mut step.command else {
        unreachable!("found above")
    };
    document
        .signatories
        .retain(|s| s.party != sample::palopo().into());
    let rejection = coop
        .decide(&step.command, &step.actor, step.on, &RuleSet::current())
        .expect_err("an unsigned party");
    let errors: Vec<_> = rejection.errors().collect();
    let warnings: Vec<_> = rejection.warnings().collect();
    assert!(!errors.is_empty() && !warnings.is_empty(), "{rejection}");
    assert!(errors.iter().all(|v| v.severity == Severity::Error));
    assert!(
        warnings
            .iter()
            .all(|v| v.severity == Severity::Warning && v.rule == KSD_DOC_07)
    );
    assert_eq!(errors.len() + warnings.len(), rejection.violations().len());
    for v in rejection.violations() {
        for lang in Lang::ALL {
            assert!(!v.message(lang).trim().is_empty());
        }
    }
}
