//! Issue 9: a portfolio from scripts or from a store, judged as of a date.

use chrono::NaiveDate;
use kerjasama::law::{KSD_DOC_07, KSD_IMPL_03, KSD_TERM_05, Policy, RuleSetId};
use kerjasama::lifecycle::{Command, Stage, Step};
use kerjasama::report::{
    CheckResult, Entry, EvaluationReport, Origin, OutsideReason, Portfolio, ReportError, evaluate,
};
use kerjasama::sample::{self, Scenario};
use kerjasama::store::{EventStore, MemoryStore};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a date")
}

fn sidrap_cases() -> Vec<Scenario> {
    let mut cases = sample::cases();
    cases.extend(sample::legacy_cases());
    cases
}

fn meeting() -> NaiveDate {
    d(2024, 8, 14)
}

fn store_of(cases: &[Scenario]) -> MemoryStore {
    let store = MemoryStore::new();
    for case in cases {
        let log = case.record_log().expect("a sample log");
        store
            .append(log[0].cooperation_id, 0, &log)
            .expect("appended");
    }
    store
}

/// The checklist of one cooperation, as (rule, result) pairs.
fn results(report: &EvaluationReport, label: &str) -> Vec<(String, CheckResult)> {
    report
        .checklist
        .iter()
        .filter(|row| row.cooperation == label)
        .map(|row| (row.rule.to_string(), row.result))
        .collect()
}

#[test]
fn a_portfolio_read_from_a_store_is_judged_as_its_scripts_are() {
    let cases = sidrap_cases();
    let scripted = evaluate(
        &Portfolio::from_scenarios(sample::sidrap(), cases.clone()),
        meeting(),
        &Policy::default(),
    )
    .expect("scripted");
    let store = store_of(&cases);
    let stored_portfolio =
        Portfolio::from_store(&store, sample::sidrap(), "memory").expect("verified");
    assert_eq!(stored_portfolio.entries.len(), cases.len());
    assert!(
        stored_portfolio
            .entries
            .iter()
            .all(|e| matches!(&e.origin, Origin::Ledger { store } if store == "memory"))
    );
    let stored = evaluate(&stored_portfolio, meeting(), &Policy::default()).expect("stored");
    assert_eq!(stored.register.len(), scripted.register.len());
    // Each cooperation gets the same stage and the same checklist, under its id as label.
    for entry in &scripted.register {
        let twin = stored
            .register
            .iter()
            .find(|e| e.id == entry.id)
            .expect("the same cooperation");
        assert_eq!(twin.label, entry.id.to_string());
        assert_eq!((twin.stage, twin.validity), (entry.stage, entry.validity));
        assert_eq!(
            results(&stored, &twin.label),
            results(&scripted, &entry.label),
            "{}",
            entry.label
        );
    }
}

#[test]
fn a_store_whose_log_does_not_verify_is_an_error_naming_the_cooperation() {
    let cases = [sample::c06_landfill()];
    let mut log = cases[0].record_log().expect("log");
    let id = log[0].cooperation_id;
    // Forge a step with its hashes recomputed: the chain holds, the law refuses it (the KB
    // signed by someone else entirely).
    let at = log
        .iter()
        .position(|e| matches!(e.command, Command::SignKb { .. }))
        .expect("C06 signs a KB");
    if let Command::SignKb { document } = &mut log[at].command {
        document.signatories.truncate(1);
    }
    for i in at..log.len() {
        log[i].prev_hash = log[i - 1].hash.clone();
        log[i].hash = log[i].computed_hash();
    }
    let store = MemoryStore::new();
    store
        .append(id, 0, &log)
        .expect("the memory store takes it");
    match Portfolio::from_store(&store, sample::sidrap(), "memory") {
        Err(kerjasama::Error::Replay { cooperation, .. }) => assert_eq!(cooperation, id),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_record_starting_after_the_date_is_absent_and_one_ending_before_it_is_listed() {
    let portfolio = Portfolio::from_scenarios(sample::sidrap(), sidrap_cases());
    let report = evaluate(&portfolio, meeting(), &Policy::default()).expect("report");
    let labels: Vec<&str> = report.register.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        ["C01", "C02", "C03", "C06", "C07", "C08", "C09", "C10"]
    );
    // A day before C02's KB (2024-04-03) it is not yet signed; C01 was already in force.
    let earlier = evaluate(&portfolio, d(2024, 4, 2), &Policy::default()).expect("report");
    let c02 = earlier
        .register
        .iter()
        .find(|e| e.label == "C02")
        .expect("registered before its KB");
    assert!(c02.documents.is_empty());
    assert!(!results(&earlier, "C02").contains(&(KSD_DOC_07.to_string(), CheckResult::Warning)));
    assert!(results(&report, "C02").contains(&(KSD_DOC_07.to_string(), CheckResult::Warning)));
    // After C08's PKS ends, it reads as ended on ground (a).
    let later = evaluate(&portfolio, d(2025, 1, 31), &Policy::default()).expect("report");
    let c08 = later
        .register
        .iter()
        .find(|e| e.label == "C08")
        .expect("C08");
    // Its term ran out on 2024-11-14 and no ending is recorded: expired.
    assert_eq!(c08.validity, kerjasama::time::Validity::Expired);
}

#[test]
fn a_legacy_record_is_judged_by_the_legacy_rules_only() {
    let portfolio = Portfolio::from_scenarios(sample::sidrap(), sidrap_cases());
    let report = evaluate(&portfolio, meeting(), &Policy::default()).expect("report");
    let c10 = report
        .register
        .iter()
        .find(|e| e.label == "C10")
        .expect("C10");
    assert!(c10.legacy);
    assert_eq!(c10.rule_set.id, RuleSetId::Pp50_2007);
    let rules = results(&report, "C10");
    assert!(!rules.is_empty());
    assert!(
        rules
            .iter()
            .all(|(rule, _)| rule.starts_with("LEG-") || rule.starts_with("KSD-TRANS-")),
        "{rules:?}"
    );
    assert!(
        report
            .header
            .rule_sets
            .iter()
            .any(|r| r.id == RuleSetId::Pp50_2007)
    );
}

#[test]
fn the_policy_of_the_meeting_is_the_one_applied_and_shown() {
    let portfolio = Portfolio::from_scenarios(sample::sidrap(), sidrap_cases());
    let mut policy = Policy::default();
    policy.min_evaluations_per_fiscal_year = 1;
    policy.max_term_years = Some(25);
    let report = evaluate(&portfolio, meeting(), &policy).expect("report");
    // One evaluation a year is met by C06's evaluation of 2024-06-27 (2023's is still missed:
    // no evaluation recorded for the half year in force).
    let c06 = report
        .cadence
        .iter()
        .find(|c| c.cooperation == "C06")
        .expect("C06");
    assert_eq!((c06.done, c06.required), (1, 1));
    // With a 25-year cap, C07's 20 years are no finding.
    assert!(results(&report, "C07").contains(&(KSD_TERM_05.to_string(), CheckResult::Ok)));
    assert_eq!(
        report.header.key_values.get("max_term_years"),
        Some(&serde_json::json!(25))
    );
    assert!(report.header.policy.get("max_term_years").is_some());
    let defaults = evaluate(&portfolio, meeting(), &Policy::default()).expect("report");
    assert!(defaults.header.policy.as_map().is_empty());
    assert!(results(&defaults, "C06").contains(&(KSD_IMPL_03.to_string(), CheckResult::Warning)));
}

#[test]
fn a_record_outside_ksd_is_listed_apart_and_judged_by_no_rule() {
    let portfolio = Portfolio::from_scenarios(sample::sidrap(), vec![sample::c06_landfill()])
        .with(Entry::outside(
            "R-11",
            Origin::Script {
                case: "R-11".into(),
            },
            "Pendampingan pengelolaan keuangan daerah",
            vec!["Kementerian Keuangan".into()],
            OutsideReason::CentralAgencyPartner,
            Some(d(2023, 5, 2)),
        ))
        .with(Entry::outside(
            "R-12",
            Origin::Script {
                case: "R-12".into(),
            },
            "Rencana setelah rapat",
            vec!["Kementerian Dalam Negeri".into()],
            OutsideReason::CentralAgencyPartner,
            Some(d(2025, 1, 2)),
        ));
    let report = evaluate(&portfolio, meeting(), &Policy::default()).expect("report");
    assert_eq!(report.outside_ksd.len(), 1, "the later record is absent");
    assert_eq!(report.outside_ksd[0].label, "R-11");
    assert!(report.checklist.iter().all(|row| row.cooperation != "R-11"));
    assert!(report.register.iter().all(|e| e.label != "R-11"));
}

#[test]
fn a_step_the_record_cannot_hold_is_an_error_naming_the_record_and_the_step() {
    let mut c06 = sample::c06_landfill();
    // A step dated before the one it follows.
    let at = 5;
    let on = c06.steps[at - 1].on;
    let actor = c06.steps[at].actor.clone();
    c06.steps[at] = Step::new(
        actor,
        on.pred_opt().expect("a day"),
        Command::StartPreparation,
    );
    let portfolio = Portfolio::from_scenarios(sample::sidrap(), vec![c06]);
    match evaluate(&portfolio, meeting(), &Policy::default()) {
        Err(ReportError::Step {
            label,
            index,
            origin,
            ..
        }) => {
            assert_eq!((label.as_str(), index), ("C06", at));
            assert_eq!(origin, "script C06");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_imported_record_that_skips_steps_is_audited_not_refused() {
    // C02 as a register would hold it: the registration and the KB, nothing in between.
    let c02 = sample::c02_food();
    let kept: Vec<Step> = c02
        .steps
        .iter()
        .filter(|s| matches!(s.command, Command::Register { .. } | Command::SignKb { .. }))
        .cloned()
        .collect();
    assert_eq!(kept.len(), 2);
    let portfolio = Portfolio::new(sample::sidrap()).with(Entry::new(
        "REG-2024-02",
        Origin::Imported {
            file: "register.csv".into(),
            row: 2,
            shown: kept.iter().map(|s| s.command.kind()).collect(),
        },
        RuleSetId::Current,
        kept,
    ));
    let report = evaluate(&portfolio, meeting(), &Policy::default()).expect("report");
    let entry = &report.register[0];
    assert_eq!(entry.stage, Stage::KbSigned);
    assert!(entry.origin.is_imported());
    // The steps the register does not show are listed, and the KB is still judged.
    assert!(!entry.steps_not_on_record.is_empty());
    assert!(
        results(&report, "REG-2024-02").contains(&(KSD_DOC_07.to_string(), CheckResult::Warning))
    );
}

#[test]
fn the_committed_sidrap_logs_verify_and_are_judged_as_the_sample_scripts() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sidrap-2024-logs");
    let (store, recoveries) =
        kerjasama::store::JsonlStore::open_read_only(&dir).expect("the sample logs open");
    assert!(recoveries.is_empty());
    let portfolio = Portfolio::from_store(&store, sample::sidrap(), "sidrap-2024-logs")
        .expect("every committed log verifies");
    assert_eq!(portfolio.entries.len(), sidrap_cases().len());
    let stored = evaluate(&portfolio, meeting(), &Policy::default()).expect("report");
    let scripted = evaluate(
        &Portfolio::from_scenarios(sample::sidrap(), sidrap_cases()),
        meeting(),
        &Policy::default(),
    )
    .expect("report");
    for entry in &scripted.register {
        let twin = stored
            .register
            .iter()
            .find(|e| e.id == entry.id)
            .expect("each case is in the logs");
        assert_eq!(
            results(&stored, &twin.label),
            results(&scripted, &entry.label),
            "{}",
            entry.label
        );
    }
}
