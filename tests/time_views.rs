//! Issue "Time": validity, expiry, evaluation cadence and deadlines as derived views of the
//! history and an `as_of` date. Expected values are RULES.md §13.2 for 2024-08-14.

mod common;

use common::{d, rules, rules_with};
use kerjasama::law::{
    KSD_IMPL_03, KSD_IMPL_06, KSD_STAGE_07, KSD_TERM_01, KSD_TERM_06, MonthOverflow, Period,
    SlaStage, StageSla,
};
use kerjasama::lifecycle::{Command, Cooperation, EndGround, Event, Rejection, Stage};
use kerjasama::model::{CooperationId, Evaluation, EvaluationOutcome, PartyCompliance, PartyId};
use kerjasama::sample::{self, Scenario};
use kerjasama::time::{
    DeadlineStatus, Validity, deadlines, evaluations_due, term_validity, validity,
};

/// The events of a whole scenario.
fn history(scenario: &Scenario) -> Vec<Event> {
    let rules = rules();
    let mut coop = Cooperation::new();
    let mut events = Vec::new();
    for step in &scenario.steps {
        events.extend(
            coop.execute(&step.command, &step.actor, step.on, &rules)
                .expect("scripted step"),
        );
    }
    events
}

fn case(id: &str) -> Scenario {
    sample::cases()
        .into_iter()
        .find(|s| s.case == id)
        .expect("case")
}

fn months3() -> kerjasama::law::RuleSet {
    rules_with(|p| p.expiring_soon = Period::Months(3))
}

/// (case, governing end, days left, under Days(90), under Months(3), FY2024 done/required)
type Expected = (
    &'static str,
    Option<&'static str>,
    Option<i64>,
    Validity,
    Validity,
    Option<(u32, u32)>,
);

/// RULES.md §13.2 "Expected derived values on as_of = 2024-08-14".
#[test]
fn sidrap_cases_on_14_august_2024_match_rules_md_13_2() {
    let as_of = d(2024, 8, 14);
    // (case, governing end, days left, Days(90), Months(3), FY2024 done/required)
    let expected: [Expected; 7] = [
        (
            "C01",
            Some("2025-03-09"),
            Some(207),
            Validity::InForce,
            Validity::InForce,
            Some((1, 2)),
        ),
        (
            "C02",
            Some("2029-04-02"),
            Some(1692),
            Validity::InForce,
            Validity::InForce,
            None,
        ),
        (
            "C03",
            None,
            None,
            Validity::NotYetInForce,
            Validity::NotYetInForce,
            None,
        ),
        (
            "C06",
            Some("2028-07-02"),
            Some(1418),
            Validity::InForce,
            Validity::InForce,
            Some((1, 2)),
        ),
        (
            "C07",
            None,
            None,
            Validity::NotYetInForce,
            Validity::NotYetInForce,
            None,
        ),
        (
            "C08",
            Some("2024-11-14"),
            Some(92),
            Validity::InForce,
            Validity::ExpiringSoon { days_left: 92 },
            Some((1, 2)),
        ),
        (
            "C09",
            None,
            None,
            Validity::NotYetInForce,
            Validity::NotYetInForce,
            None,
        ),
    ];
    for (id, end, days, days90, months3_validity, evaluations) in expected {
        let coop = Cooperation::as_of(&history(&case(id)), as_of).expect(id);
        let view = validity(&coop, as_of, &rules().policy);
        assert_eq!(
            view.governing.as_ref().map(|(_, end)| end.to_string()),
            end.map(str::to_owned),
            "{id}"
        );
        assert_eq!(view.days_left, days, "{id}");
        assert_eq!(view.overall, days90, "{id} Days(90)");
        assert_eq!(
            validity(&coop, as_of, &months3().policy).overall,
            months3_validity,
            "{id} Months(3)"
        );
        let due = evaluations_due(&coop, 2024, as_of, &rules().policy);
        match evaluations {
            Some((done, required)) => {
                assert_eq!((due.done, due.required), (done, required), "{id}")
            }
            None => assert_eq!(due.required, 0, "{id} is not due"),
        }
    }
    // C02 is in force by its KB alone.
    let c02 = Cooperation::as_of(&history(&case("C02")), as_of).expect("C02");
    assert!(validity(&c02, as_of, &rules().policy).kb_only);
    // C04 and C05 start after the meeting: excluded.
    for id in ["C04", "C05"] {
        assert!(
            Cooperation::as_of(&history(&case(id)), as_of).is_none(),
            "{id} must be absent"
        );
    }
    // C10, a legacy PKS to 2026-12-11: 849 days left, in force under both windows.
    let c10 = sample::c10_legacy_pks_term();
    assert_eq!((c10.ends_on - as_of).num_days(), 849);
    for window in [Period::Days(90), Period::Months(3)] {
        assert_eq!(
            term_validity(&c10, as_of, window, MonthOverflow::NextDay),
            Validity::InForce
        );
    }
}

#[test]
fn expiring_soon_window_is_inclusive_of_its_last_day_ksd_impl_05() {
    let term = kerjasama::model::Term {
        starts_on: d(2024, 1, 1),
        ends_on: d(2024, 12, 31),
    };
    let overflow = MonthOverflow::NextDay;
    assert_eq!(
        term_validity(&term, d(2024, 10, 2), Period::Days(90), overflow),
        Validity::ExpiringSoon { days_left: 90 }
    );
    assert_eq!(
        term_validity(&term, d(2024, 10, 1), Period::Days(90), overflow),
        Validity::InForce
    );
    assert_eq!(
        term_validity(&term, d(2024, 12, 31), Period::Days(90), overflow),
        Validity::ExpiringSoon { days_left: 0 }
    );
    assert_eq!(
        term_validity(&term, d(2025, 1, 1), Period::Days(90), overflow),
        Validity::Expired
    );
    assert_eq!(
        term_validity(&term, d(2023, 12, 31), Period::Days(90), overflow),
        Validity::NotYetInForce
    );
    // Months(3) from 30 Sep reaches 30 Dec: 31 Dec is outside; from 1 Oct it is inside.
    assert_eq!(
        term_validity(&term, d(2024, 9, 30), Period::Months(3), overflow),
        Validity::InForce
    );
    assert_eq!(
        term_validity(&term, d(2024, 10, 1), Period::Months(3), overflow),
        Validity::ExpiringSoon { days_left: 91 }
    );
}

#[test]
fn month_arithmetic_on_a_missing_day_follows_the_month_overflow_policy() {
    use kerjasama::law::add_months;
    assert_eq!(
        add_months(d(2023, 11, 30), 3, MonthOverflow::NextDay),
        Some(d(2024, 3, 1))
    );
    assert_eq!(
        add_months(d(2023, 11, 30), 3, MonthOverflow::LastDayOfMonth),
        Some(d(2024, 2, 29))
    );
    assert_eq!(
        add_months(d(2024, 2, 29), 12, MonthOverflow::NextDay),
        Some(d(2025, 3, 1))
    );
    assert_eq!(
        add_months(d(2024, 1, 15), 1, MonthOverflow::NextDay),
        Some(d(2024, 2, 15))
    );
    let leap = kerjasama::model::Term::years(d(2024, 2, 29), 4).expect("term");
    assert_eq!(leap.ends_on, d(2028, 2, 28));
    let year_end = kerjasama::model::Term::years(d(2024, 1, 1), 1).expect("term");
    assert_eq!(year_end.ends_on, d(2024, 12, 31));
}

#[test]
fn after_the_end_date_a_cooperation_reads_as_expired_on_ground_a_without_any_record() {
    let events = history(&case("C08"));
    let after = d(2024, 11, 15);
    let coop = Cooperation::as_of(&events, after).expect("C08");
    assert_eq!(coop.stage(), Stage::InForce, "nobody recorded the expiry");
    let view = validity(&coop, after, &rules().policy);
    assert_eq!(view.overall, Validity::Expired);
    assert_eq!(view.end_grounds, vec![EndGround::TermExpired]);
    // The last day in force is still in force.
    let last_day = Cooperation::as_of(&events, d(2024, 11, 14)).expect("C08");
    assert!(
        validity(&last_day, d(2024, 11, 14), &rules().policy)
            .overall
            .is_in_force()
    );
}

#[test]
fn recording_the_expiry_is_allowed_after_the_end_and_idempotent_ksd_term_01() {
    let events = history(&case("C08"));
    let mut coop = Cooperation::from_events(&events);
    let clerk = sample::clerk(sample::sidrap());
    let early = coop
        .clone()
        .execute(&Command::RecordExpiry, &clerk, d(2024, 11, 14), &rules());
    assert!(early.unwrap_err().rules().contains(&KSD_TERM_01));
    coop.execute(&Command::RecordExpiry, &clerk, d(2024, 11, 15), &rules())
        .expect("expiry");
    assert_eq!(coop.stage(), Stage::Ended);
    let before = coop.clone();
    let again = coop
        .execute(&Command::RecordExpiry, &clerk, d(2024, 12, 1), &rules())
        .expect("idempotent");
    assert!(again.is_empty(), "a second record changes nothing");
    assert_eq!(coop, before);
    assert_eq!(
        validity(&coop, d(2024, 12, 1), &rules().policy).overall,
        Validity::Expired
    );
}

#[test]
fn extension_is_a_new_cooperation_linked_by_renews_ksd_term_06() {
    let mut old = Cooperation::from_events(&history(&case("C08")));
    let new_id = CooperationId(uuid::Uuid::from_u128(
        0x0190_0000_0000_7000_8000_0000_0000_0108,
    ));
    let spec = old.extension_spec(new_id).expect("registered");
    assert_eq!(spec.renews, old.spec().map(|s| s.id));
    let clerk = sample::clerk(sample::sidrap());
    // The new cooperation runs the full procedure again from registration.
    let mut renewed = Cooperation::new();
    renewed
        .execute(
            &Command::Register {
                spec: Box::new(spec),
            },
            &clerk,
            d(2024, 9, 2),
            &rules(),
        )
        .expect("register");
    assert_eq!(renewed.stage(), Stage::Draft);
    // The old one records it; with a 6-month lead time configured, starting on 2 Sep is late.
    let lead = rules_with(|p| p.extension_lead_time = Some(Period::Months(6)));
    let events = old
        .execute(
            &Command::RecordExtension { successor: new_id },
            &sample::opd(sample::sidrap(), "Dinas Kesehatan"),
            d(2024, 9, 2),
            &lead,
        )
        .expect("extension recorded");
    assert!(
        events
            .iter()
            .any(|e| format!("{e:?}").contains("KSD-TERM-06")),
        "late extension warned"
    );
    assert_eq!(old.successors(), &[(new_id, d(2024, 9, 2))]);
    let due = deadlines(&old, d(2024, 9, 2), &lead.policy, None).expect("no calendar needed");
    let extension = due
        .iter()
        .find(|dl| dl.rule == KSD_TERM_06)
        .expect("extension deadline");
    assert_eq!(extension.due_on, d(2024, 5, 14));
    assert_eq!(extension.status, DeadlineStatus::Missed);
}

fn evaluation(parties: &[PartyId], from: chrono::NaiveDate, to: chrono::NaiveDate) -> Evaluation {
    Evaluation::new(from, to, "PPKSD", EvaluationOutcome::Continue)
        .with_progress("sesuai rencana")
        .with_benefits("tercapai")
        .with_compliance(
            parties
                .iter()
                .map(|p| PartyCompliance::new(p.clone(), true)),
        )
}

#[test]
fn evaluations_dated_before_entry_into_force_or_after_the_end_are_invalid_input() {
    let coop = Cooperation::from_events(&history(&case("C08")));
    let parties: Vec<PartyId> = coop
        .spec()
        .expect("spec")
        .parties
        .iter()
        .filter_map(|p| p.id())
        .collect();
    let dinas = sample::opd(sample::sidrap(), "Dinas Kesehatan");
    let after_end = coop.decide(
        &Command::RecordEvaluation {
            evaluation: evaluation(&parties, d(2024, 6, 1), d(2024, 11, 1)),
        },
        &dinas,
        d(2024, 11, 20),
        &rules(),
    );
    assert!(
        matches!(after_end, Err(Rejection::InvalidInput { ref field, .. }) if field == "occurred_on")
    );
    let backwards = coop.decide(
        &Command::RecordEvaluation {
            evaluation: evaluation(&parties, d(2024, 6, 1), d(2024, 5, 1)),
        },
        &dinas,
        d(2024, 6, 3),
        &rules(),
    );
    assert!(
        matches!(backwards, Err(Rejection::InvalidInput { ref field, .. }) if field == "evaluation.period_to")
    );
    let before_force = coop.decide(
        &Command::RecordEvaluation {
            evaluation: evaluation(&parties, d(2021, 1, 1), d(2021, 6, 1)),
        },
        &dinas,
        d(2024, 6, 3),
        &rules(),
    );
    assert!(
        matches!(before_force, Err(Rejection::InvalidInput { ref field, .. }) if field == "evaluation.period_from")
    );
    let fine = coop.decide(
        &Command::RecordEvaluation {
            evaluation: evaluation(&parties, d(2024, 4, 1), d(2024, 6, 1)),
        },
        &dinas,
        d(2024, 6, 3),
        &rules(),
    );
    assert!(fine.is_ok());
}

#[test]
fn an_incomplete_evaluation_record_is_a_warning_ksd_impl_06() {
    let given = common::given(sample::c06_landfill(), Stage::InForce);
    let mut sparse = evaluation(&[], d(2024, 1, 1), d(2024, 6, 1));
    sparse.evaluator.clear();
    let then = given.when(
        &sample::opd(sample::sidrap(), "DLH"),
        d(2024, 6, 3),
        Command::RecordEvaluation { evaluation: sparse },
    );
    let after = then.accepted_with_warning(KSD_IMPL_06);
    assert_eq!(after.evaluations().len(), 1);
}

/// Counting rule for a PKS in force for part of the fiscal year: the minimum times the share
/// of the year's days in force, rounded up.
#[test]
fn a_pks_in_force_for_part_of_the_year_owes_a_proportional_share_rounded_up_ksd_impl_03() {
    let c06 = Cooperation::from_events(&history(&case("C06")));
    let policy = rules().policy;
    // In force from 3 July 2023: 182 of 365 days → 2 × 182 / 365 rounded up = 1.
    let fy2023 = evaluations_due(&c06, 2023, d(2023, 12, 31), &policy);
    assert_eq!(
        (fy2023.days_in_force, fy2023.required, fy2023.done),
        (182, 1, 0)
    );
    // A whole year owes the full two.
    assert_eq!(
        evaluations_due(&c06, 2025, d(2025, 12, 31), &policy).required,
        2
    );
    // Its last year, to 2 July 2028: 184 of 366 days → 2 × 184 / 366 rounded up = 2.
    assert_eq!(
        evaluations_due(&c06, 2028, d(2028, 12, 31), &policy).required,
        2
    );
    // After the end, nothing.
    assert_eq!(
        evaluations_due(&c06, 2029, d(2029, 12, 31), &policy).required,
        0
    );
    // One day in force owes one.
    let c01 = Cooperation::from_events(&history(&case("C01")));
    assert!(evaluations_due(&c01, 2025, d(2025, 12, 31), &policy).required >= 1);
    // The cadence is a policy value.
    let three = rules_with(|p| p.min_evaluations_per_fiscal_year = 3).policy;
    assert_eq!(
        evaluations_due(&c06, 2025, d(2025, 12, 31), &three).required,
        3
    );
}

#[test]
fn a_missed_evaluation_deadline_is_a_finding_not_an_error_ksd_impl_03() {
    let c06 = Cooperation::from_events(&history(&case("C06")));
    let on = |as_of| deadlines(&c06, as_of, &rules().policy, None).expect("no calendar needed");
    let fy2023 = |list: Vec<kerjasama::time::Deadline>| {
        list.into_iter()
            .find(|dl| dl.rule == KSD_IMPL_03 && dl.due_on == d(2023, 12, 31))
            .expect("FY2023")
    };
    assert_eq!(fy2023(on(d(2023, 12, 31))).status, DeadlineStatus::Open);
    assert_eq!(fy2023(on(d(2024, 1, 1))).status, DeadlineStatus::Missed);
    let fy2024 = on(d(2024, 8, 14))
        .into_iter()
        .find(|dl| dl.rule == KSD_IMPL_03 && dl.due_on == d(2024, 12, 31))
        .expect("FY2024");
    assert_eq!(fy2024.status, DeadlineStatus::Open);
    assert!(fy2024.consequence_en.contains("1 of 2"));
}

#[test]
fn no_deadline_exists_where_the_law_sets_none_and_configured_slas_are_practice() {
    let c02 = Cooperation::from_events(&history(&case("C02")));
    let defaults = deadlines(&c02, d(2024, 8, 14), &rules().policy, None).expect("deadlines");
    assert!(
        defaults.is_empty(),
        "defaults produce no stage deadline: {defaults:?}"
    );
    let sla = rules_with(|p| {
        p.stage_slas = vec![StageSla {
            stage: SlaStage::PksDrafting,
            days: 45,
        }]
    });
    let with_sla = deadlines(&c02, d(2024, 8, 14), &sla.policy, None).expect("deadlines");
    let pks = with_sla
        .iter()
        .find(|dl| dl.rule == KSD_STAGE_07)
        .expect("SLA deadline");
    assert_eq!(
        (pks.from_date, pks.due_on, pks.status),
        (d(2024, 4, 10), d(2024, 5, 25), DeadlineStatus::Missed)
    );
}

#[test]
fn a_configured_dprd_deadline_counts_working_days_and_never_approves_ksd_dprd_05() {
    use kerjasama::law::KSD_DPRD_05;
    let calendar = kerjasama::time::Calendar::indonesia().expect("bundled calendar");
    let given = common::given(sample::c06_landfill(), Stage::AwaitingDprd);
    let policy = rules_with(|p| p.dprd_deadline_working_days = Some(10)).policy;
    // Submitted Wednesday 1 March 2023; 10 working days later, no holiday between, is 15 March.
    let list = deadlines(&given.coop, d(2023, 3, 20), &policy, Some(&calendar)).expect("covered");
    let dprd = list
        .iter()
        .find(|dl| dl.rule == KSD_DPRD_05)
        .expect("DPRD deadline");
    assert_eq!(dprd.due_on, d(2023, 3, 15));
    assert_eq!(dprd.status, DeadlineStatus::Missed);
    assert_eq!(
        given.coop.stage(),
        Stage::AwaitingDprd,
        "a missed deadline approves nothing"
    );
    // Without a calendar, working days cannot be counted: no guess is made.
    assert!(
        deadlines(&given.coop, d(2023, 3, 20), &policy, None)
            .expect("ok")
            .iter()
            .all(|dl| dl.rule != KSD_DPRD_05)
    );
}

#[test]
fn derived_views_depend_only_on_history_and_the_date() {
    let events = history(&case("C06"));
    for as_of in [
        d(2022, 12, 1),
        d(2023, 7, 2),
        d(2023, 7, 3),
        d(2024, 8, 14),
        d(2028, 7, 3),
    ] {
        let a = Cooperation::as_of(&events, as_of);
        let b = Cooperation::as_of(
            events.iter().rev().collect::<Vec<_>>().into_iter().rev(),
            as_of,
        );
        assert_eq!(a, b);
        if let Some(coop) = a {
            assert_eq!(
                validity(&coop, as_of, &rules().policy),
                validity(&coop, as_of, &rules().policy)
            );
        }
    }
}

/// Legal dates, deadlines and validity never come from a clock. The one clock read in the
/// library is the recording time the `Ledger` stamps on an envelope, behind its replaceable
/// `Clock` (`SystemClock`), and nothing else.
#[test]
fn the_library_never_reads_the_clock() {
    let mut clock_reads = 0;
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(
                std::fs::read_dir(&path)
                    .expect("src")
                    .map(|e| e.expect("entry").path()),
            );
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source");
            if path.ends_with("ledger.rs") {
                clock_reads += text.matches("SystemTime::now()").count();
                let system_clock = text
                    .find("impl Clock for SystemClock")
                    .expect("SystemClock");
                let read = text.find("SystemTime::now()").expect("the recording clock");
                assert!(
                    read > system_clock && read - system_clock < 200,
                    "only SystemClock reads the clock"
                );
                continue;
            }
            for needle in ["::now(", "SystemTime", "today("] {
                assert!(!text.contains(needle), "{} uses {needle}", path.display());
            }
        }
    }
    assert_eq!(clock_reads, 1);
}

#[test]
fn absurd_terms_and_terms_ending_before_they_start_are_invalid_input_naming_the_field() {
    use kerjasama::model::Term;
    // A registration proposing 500 years, or 0.
    for years in [0, 500] {
        let mut scenario = sample::c03_rice();
        if let Command::Register { spec } = &mut scenario.steps[0].command {
            spec.proposed_term_years = Some(years);
        }
        let step = &scenario.steps[0];
        let refused = Cooperation::new().decide(&step.command, &step.actor, step.on, &rules());
        assert!(
            matches!(refused, Err(Rejection::InvalidInput { ref field, .. }) if field == "proposed_term_years"),
            "{years}: {refused:?}"
        );
    }
    // A PKS whose term ends before it starts, or runs 500 years.
    let given = common::given_before(
        sample::c06_landfill(),
        kerjasama::lifecycle::CommandKind::SignPks,
    );
    for term in [
        Term {
            starts_on: d(2023, 7, 3),
            ends_on: d(2023, 7, 2),
        },
        Term::years(d(2023, 7, 3), 500).expect("representable"),
    ] {
        let then = given.when_next(|step| {
            if let Command::SignPks { document } = &mut step.command {
                document.term = Some(term);
            }
        });
        assert!(
            matches!(then.result, Err(Rejection::InvalidInput { ref field, .. }) if field == "document.term"),
            "{term:?}"
        );
    }
    // The scripted five years are accepted.
    given.when_next(|_| {}).accepted();
}

#[test]
fn asking_the_calendar_about_a_date_outside_its_data_is_an_error_not_a_guess() {
    use kerjasama::time::{Calendar, CalendarError};
    let calendar = Calendar::indonesia().expect("bundled data");
    assert!(matches!(
        calendar.is_working_day(d(2028, 1, 3)),
        Err(CalendarError::OutOfCoverage { .. })
    ));
    assert!(matches!(
        calendar.add_working_days(d(2027, 12, 30), 5),
        Err(CalendarError::OutOfCoverage { .. })
    ));
}
