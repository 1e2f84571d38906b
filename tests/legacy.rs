//! The legacy rule set (PP 50/2007 and Permendagri 22/2009, RULES.md §11), test by test named
//! after the rule: a violating and a satisfying case for each LEG rule and for KSD-TRANS-01
//! and -03 as the legacy set applies them; case C10 and its values on 2024-08-14 (§13.2); a
//! legacy cooperation refused the current set's own steps and the current set refusing the
//! legacy grounds; bad input as typed errors.

mod common;

use chrono::NaiveDate;
use common::{Given, d, given_before_with};
use kerjasama::audit::{self, Envelope, ReplayProblem};
use kerjasama::law::*;
use kerjasama::lifecycle::{
    Command, CommandKind, Cooperation, CooperationSpec, DEEMED_APPROVAL_REFERENCE, DprdDecision,
    EndGround, Finding, Rejection, Stage, Violation, legacy_transitions,
};
use kerjasama::model::*;
use kerjasama::sample::{self, Scenario, Step};
use kerjasama::store::MemoryStore;
use kerjasama::time::{self, Calendar, DeadlineStatus, Validity};
use kerjasama::{Error, Ledger};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn legacy() -> RuleSet {
    RuleSet::legacy()
}

/// C10 run through its first `n` steps, the rest to come.
fn c10_after(n: usize) -> Given {
    let scenario = sample::c10_legacy();
    let rules = legacy();
    let mut coop = Cooperation::new();
    let mut steps = scenario.steps.into_iter();
    for step in steps.by_ref().take(n) {
        coop.execute(&step.command, &step.actor, step.on, &rules)
            .unwrap_or_else(|e| panic!("C10 setup step refused: {e}"));
    }
    Given {
        coop,
        rules,
        rest: steps.collect(),
    }
}

/// C10 run to just before its first step of `kind`.
fn c10_before(kind: CommandKind) -> Given {
    given_before_with(sample::c10_legacy(), kind, legacy())
}

/// C10 run to its end (in force since 2016-12-19).
fn c10_in_force() -> Cooperation {
    sample::c10_legacy()
        .run(&legacy())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The errors of a rule refusal, as (rule, finding).
fn errors(rejection: &Rejection) -> Vec<(RuleId, Finding)> {
    rejection
        .errors()
        // One violation per rule, field and kind lists its findings (issue 10): each one.
        .flat_map(|v| v.findings().map(|f| (v.rule, f.clone())))
        .collect()
}

/// The warnings recorded by accepted events.
fn warnings_of(result: &Result<Vec<kerjasama::lifecycle::Event>, Rejection>) -> Vec<Violation> {
    result
        .as_ref()
        .unwrap_or_else(|e| panic!("expected acceptance, got {e}"))
        .iter()
        .flat_map(|e| e.warnings().iter().cloned())
        .collect()
}

fn refused(result: &Result<Vec<kerjasama::lifecycle::Event>, Rejection>) -> &Rejection {
    match result {
        Ok(events) => panic!("expected a refusal, got {events:?}"),
        Err(rejection) => rejection,
    }
}

fn sidrap() -> KodeWilayah {
    sample::sidrap()
}

fn wajo() -> KodeWilayah {
    sample::wajo()
}

/// The spec C10 registers.
fn c10_spec() -> CooperationSpec {
    match &sample::c10_legacy().steps[0].command {
        Command::Register { spec } => (**spec).clone(),
        other => panic!("C10 starts with its registration, not {other:?}"),
    }
}

fn company() -> ThirdParty {
    ThirdParty::new(
        "pt-perikanan-danau",
        "PT Perikanan Danau Tempe (fiktif)",
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::PrivateCompany,
        },
    )
}

fn company_actor() -> Actor {
    Actor::new(
        Role::ThirdParty,
        company().party_id(),
        "PT Perikanan Danau Tempe",
    )
}

/// A legacy cooperation of `parties` (regions, and a third party when `with_company`) run
/// to in force in 2016, its first region the initiator, no DPRD approval needed, its PKS of
/// `years` years with the eight items, every copy sent.
fn legacy_in_force(id: u128, regions: &[KodeWilayah], with_company: bool, years: u32) -> Scenario {
    let first = regions[0];
    let mut parties: Vec<Party> = regions
        .iter()
        .map(|code| Party::region(*code, sample::region_name(*code)))
        .collect();
    if with_company {
        parties.push(Party::third_party(company()));
    }
    let kind = if with_company {
        CooperationKind::Ksdpk {
            ksdpk_type: KsdpkType::PublicService,
            initiative: Initiative::Region,
            type_description: None,
        }
    } else {
        CooperationKind::Ksdd { category: None }
    };
    let spec = CooperationSpec::builder()
        .id(uuid::Uuid::from_u128(id))
        .title("Kerja sama lama (uji)")
        .kind(kind)
        .parties(parties)
        .initiator(first)
        .object(CooperationObject::in_plan(
            "Pengelolaan danau (uji)",
            [Urusan::KelautanPerikanan],
            "RPJMD (uji)",
        ))
        .build()
        .expect("spec");
    let mut signatories: Vec<Signatory> = regions
        .iter()
        .map(|code| Signatory::head(*code, "Kepala daerah (fiktif)", "Kepala daerah"))
        .collect();
    if with_company {
        signatories.push(Signatory::representative(
            company().party_id(),
            "Direktur (fiktif)",
            "Direktur PT Perikanan Danau Tempe",
            "Akta pendirian",
        ));
    }
    let kb = Document::kb("KB-UJI", d(2016, 4, 1))
        .title("KB (uji)")
        .signatories(signatories.clone())
        .term_years(years)
        .build()
        .expect("KB");
    let pks = Document::pks("PKS-UJI", d(2016, 6, 1))
        .title("PKS (uji)")
        .signatories(signatories)
        .term_years(years)
        .under_kb("KB-UJI")
        .clauses(sample_items())
        .build()
        .expect("PKS");
    let clerk = sample::clerk(first);
    let mut steps = vec![
        Step::new(
            clerk.clone(),
            d(2016, 2, 1),
            Command::Register {
                spec: Box::new(spec),
            },
        ),
        Step::new(clerk.clone(), d(2016, 2, 1), Command::StartPreparation),
    ];
    for code in regions {
        steps.push(Step::new(
            sample::clerk(*code),
            d(2016, 2, 2),
            Command::AssessDprdGate {
                region: *code,
                gate: DprdGate::not_required("dalam DPA dinas (uji)"),
            },
        ));
    }
    steps.push(Step::new(
        sample::head(first),
        d(2016, 2, 3),
        Command::SendOffer {
            letter: OfferLetter::new(
                "OFFER-UJI",
                Signatory::head(first, "Kepala daerah (fiktif)", "Kepala daerah"),
            )
            .with_plan(CooperationPlan::new(
                "analisis biaya-manfaat (uji)",
                "RPJMD (uji)",
            ))
            .with_copies(CopyRecipient::ALL),
        },
    ));
    for code in regions.iter().skip(1) {
        steps.push(Step::new(
            sample::head(*code),
            d(2016, 2, 10),
            Command::AcceptOffer,
        ));
    }
    if with_company {
        steps.push(Step::new(
            company_actor(),
            d(2016, 2, 10),
            Command::AcceptOffer,
        ));
    }
    steps.extend([
        Step::new(clerk.clone(), d(2016, 2, 11), Command::StartKbDrafting),
        Step::new(
            clerk.clone(),
            d(2016, 4, 1),
            Command::SignKb { document: kb },
        ),
        Step::new(clerk.clone(), d(2016, 4, 2), Command::StartPksDrafting),
        Step::new(
            clerk.clone(),
            d(2016, 6, 1),
            Command::SignPks { document: pks },
        ),
    ]);
    for code in regions {
        steps.push(Step::new(
            sample::clerk(*code),
            d(2016, 6, 2),
            Command::RecordCopiesSent {
                document: "PKS-UJI".into(),
                recipients: CopyRecipient::of_signed_pks(code.level()).to_vec(),
            },
        ));
    }
    steps.push(Step::new(clerk, d(2016, 6, 3), Command::EnterIntoForce));
    Scenario::new("legacy (uji)", steps)
}

fn sample_items() -> [Clause; 8] {
    [
        Clause::Subject,
        Clause::Object,
        Clause::Scope,
        Clause::RightsAndObligations,
        Clause::Term,
        Clause::Termination,
        Clause::ForceMajeure,
        Clause::DisputeSettlement,
    ]
}

fn run(scenario: &Scenario) -> Cooperation {
    scenario.run(&legacy()).unwrap_or_else(|e| panic!("{e}"))
}

fn dispute(forum: DisputeForum) -> Command {
    Command::RaiseDispute {
        forum,
        note: "perselisihan (uji)".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// KSD-TRANS-01: which rule set, and never both
// ---------------------------------------------------------------------------------------------

#[test]
fn ksd_trans_01_the_registry_selects_pp_50_2007_before_13_july_2018_and_pp_28_2018_from_then() {
    let registry = RuleSetRegistry::standard();
    let legacy_v1 = RuleSetRef {
        id: RuleSetId::Pp50_2007,
        version: 1,
    };
    assert_eq!(
        registry.get(legacy_v1).map(|v| v.effective_from),
        Ok(d(2007, 8, 22))
    );
    assert_eq!(PP50_IN_FORCE, d(2007, 8, 22));
    for (date, id) in [
        (d(2007, 8, 22), RuleSetId::Pp50_2007),
        (d(2016, 12, 12), RuleSetId::Pp50_2007),
        (d(2018, 7, 12), RuleSetId::Pp50_2007),
        (d(2018, 7, 13), RuleSetId::Current),
        (d(2024, 8, 14), RuleSetId::Current),
    ] {
        assert_eq!(
            registry.for_date(date).map(|v| v.reference.id),
            Ok(id),
            "{date}"
        );
        assert_eq!(registry.for_agreement(date).map(|v| v.reference.id), Ok(id));
    }
    assert_eq!(
        registry.for_date(d(2007, 8, 21)),
        Err(RuleSetError::NoneForDate {
            date: d(2007, 8, 21)
        })
    );
    assert_eq!(legacy().reference, legacy_v1);
    assert_eq!(
        RuleSetId::Pp50_2007.to_string(),
        "legacy (PP 50/2007 + Permendagri 22/2009)"
    );
    assert_eq!(
        serde_json::to_value(legacy_v1).expect("json"),
        serde_json::json!({ "id": "pp50-2007", "version": 1 })
    );
    assert_eq!(
        serde_json::from_str::<RuleSetId>("\"pp50-2007\"").expect("wire name"),
        RuleSetId::Pp50_2007
    );
    // The current rule set is unchanged.
    assert_eq!(RuleSet::current().reference.id, RuleSetId::Current);
}

#[test]
fn ksd_trans_01_a_legacy_pks_signed_on_or_after_13_july_2018_is_refused() {
    let given = c10_before(CommandKind::SignPks);
    let late = given.when_next(|step| {
        step.on = PP28_IN_FORCE;
        if let Command::SignPks { document } = &mut step.command {
            document.signed_on = PP28_IN_FORCE;
            document.term = Term::years(PP28_IN_FORCE, 10);
        }
    });
    let rejection = refused(&late.result);
    assert_eq!(
        errors(rejection),
        [(
            KSD_TRANS_01,
            Finding::SignedUnderCurrentRegime {
                kind: DocumentKind::Pks,
                signed_on: PP28_IN_FORCE
            }
        )]
    );
    assert_eq!(
        rejection.errors().next().and_then(|v| v.field.as_deref()),
        Some("document.signed_on")
    );
    assert!(
        rejection
            .errors()
            .next()
            .expect("error")
            .message(Lang::En)
            .contains("register a new cooperation under the current rule set")
    );
    // The day before is still the legacy regime's.
    let day_before = d(2018, 7, 12);
    given
        .when_next(|step| {
            step.on = day_before;
            if let Command::SignPks { document } = &mut step.command {
                document.signed_on = day_before;
                document.term = Term::years(day_before, 8);
            }
        })
        .accepted();
}

#[test]
fn ksd_trans_01_a_legacy_kb_signed_on_or_after_13_july_2018_is_refused() {
    let given = c10_before(CommandKind::SignKb);
    let late = given.when_next(|step| {
        step.on = d(2018, 8, 1);
        if let Command::SignKb { document } = &mut step.command {
            document.signed_on = d(2018, 8, 1);
        }
    });
    assert_eq!(
        errors(refused(&late.result)),
        [(
            KSD_TRANS_01,
            Finding::SignedUnderCurrentRegime {
                kind: DocumentKind::Kb,
                signed_on: d(2018, 8, 1)
            }
        )]
    );
    given.when_next(|_| {}).accepted();
}

#[test]
fn ksd_trans_01_a_legacy_ksdd_has_no_wajib_or_sukarela_category() {
    let clerk = sample::clerk(sidrap());
    let on = d(2016, 3, 1);
    for category in [KsddCategory::Wajib, KsddCategory::Sukarela] {
        let mut spec = c10_spec();
        spec.kind = CooperationKind::Ksdd {
            category: Some(category),
        };
        let result = Cooperation::new().decide(
            &Command::Register {
                spec: Box::new(spec),
            },
            &clerk,
            on,
            &legacy(),
        );
        let rejection = refused(&result);
        assert_eq!(
            errors(rejection),
            [(KSD_TRANS_01, Finding::LegacyCategoryRecorded { category })]
        );
        assert_eq!(
            rejection.errors().next().and_then(|v| v.field.as_deref()),
            Some("kind.category")
        );
    }
    // Without a category it is registered, and KSD-KIND-06 is not applied.
    let register = Command::Register {
        spec: Box::new(c10_spec()),
    };
    let events = Cooperation::new()
        .decide(&register, &clerk, on, &legacy())
        .expect("a legacy KSDD without category");
    assert!(events.iter().all(|e| e.warnings().is_empty()));
    // The current set refuses the same registration (KSD-KIND-06).
    let current = Cooperation::new().decide(&register, &clerk, d(2024, 8, 14), &RuleSet::current());
    assert!(refused(&current).rules().contains(&KSD_KIND_06));
}

#[test]
fn ksd_trans_01_a_legacy_cooperation_has_two_regions_or_a_third_party() {
    let clerk = sample::clerk(sidrap());
    let mut alone = c10_spec();
    alone.parties.truncate(1);
    let result = Cooperation::new().decide(
        &Command::Register {
            spec: Box::new(alone),
        },
        &clerk,
        d(2016, 3, 1),
        &legacy(),
    );
    assert_eq!(
        errors(refused(&result)),
        [(KSD_TRANS_01, Finding::LegacyTooFewRegions { found: 1 })]
    );
    let mut no_company = c10_spec();
    no_company.kind = CooperationKind::Ksdpk {
        ksdpk_type: KsdpkType::PublicService,
        initiative: Initiative::Region,
        type_description: None,
    };
    let result = Cooperation::new().decide(
        &Command::Register {
            spec: Box::new(no_company),
        },
        &clerk,
        d(2016, 3, 1),
        &legacy(),
    );
    assert_eq!(
        errors(refused(&result)),
        [(KSD_TRANS_01, Finding::LegacyNoThirdParty)]
    );
}

#[test]
fn ksd_trans_01_a_date_before_pp_50_2007_is_refused() {
    let result = Cooperation::new().decide(
        &Command::Register {
            spec: Box::new(c10_spec()),
        },
        &sample::clerk(sidrap()),
        d(2007, 8, 21),
        &legacy(),
    );
    assert_eq!(
        errors(refused(&result)),
        [(
            KSD_TRANS_01,
            Finding::BeforeLegacyRegime {
                date: d(2007, 8, 21),
                effective_from: d(2007, 8, 22)
            }
        )]
    );
}

#[test]
fn ksd_trans_01_a_cooperation_is_never_decided_under_the_other_rule_set() {
    let c10 = c10_in_force();
    let result = c10.decide(
        &dispute(DisputeForum::InterRegionalRegime),
        &sample::clerk(sidrap()),
        d(2024, 8, 14),
        &RuleSet::current(),
    );
    assert!(matches!(
        refused(&result),
        Rejection::InvalidInput { field, rule: Some(KSD_TRANS_01), .. } if field == "rule_set"
    ));
    let c06 = sample::c06_landfill()
        .run(&RuleSet::current())
        .expect("C06");
    let result = c06.decide(
        &dispute(DisputeForum::GovernorDecision),
        &sample::clerk(sidrap()),
        d(2024, 8, 14),
        &legacy(),
    );
    assert!(matches!(
        refused(&result),
        Rejection::InvalidInput {
            rule: Some(KSD_TRANS_01),
            ..
        }
    ));
}

#[test]
fn ksd_trans_01_a_legacy_cooperation_is_refused_the_current_sets_own_steps() {
    let draft = c10_after(1);
    let wajib = draft.when(
        &sample::clerk(sidrap()),
        d(2016, 3, 1),
        Command::BeginWajibProcedure,
    );
    let rejection = refused(&wajib.result);
    assert!(matches!(
        rejection,
        Rejection::NotAllowedHere { command: CommandKind::BeginWajibProcedure, rule: KSD_TRANS_01, path, .. } if path.is_empty()
    ));
    let c10 = c10_in_force();
    let clerk = sample::clerk(sidrap());
    for command in [
        Command::RecordExtension {
            successor: CooperationId(uuid::Uuid::from_u128(99)),
        },
        Command::EstablishSecretariat { continuous: true },
        Command::TakeOver {
            takeover: Takeover::new(sidrap(), TakeoverBy::Governor),
        },
    ] {
        let result = c10.decide(&command, &clerk, d(2024, 8, 14), &legacy());
        assert!(
            matches!(refused(&result), Rejection::NotAllowedHere { .. }),
            "{command:?}"
        );
    }
    // And the current set has no row for the legacy set's own steps.
    let c06 = sample::c06_landfill()
        .run(&RuleSet::current())
        .expect("C06");
    let result = c06.decide(
        &Command::TerminateEarly {
            notice: TerminationNotice::new(sidrap(), "180/1/2024", d(2024, 8, 1))
                .with_risks_borne(true),
        },
        &clerk,
        d(2024, 8, 14),
        &RuleSet::current(),
    );
    assert!(matches!(refused(&result), Rejection::NotAllowedHere { .. }));
    assert!(legacy_transitions().iter().all(|row| !matches!(
        row.command,
        CommandKind::BeginWajibProcedure
            | CommandKind::ReceiveProposal
            | CommandKind::TakeOver
            | CommandKind::EstablishSecretariat
    )));
}

#[test]
fn ksd_trans_01_replay_refuses_a_log_that_names_rule_sets_of_two_regimes() {
    let log = sample::c10_legacy().record_log().expect("C10 log");
    assert!(log.iter().all(|e| e.rule_set.id == RuleSetId::Pp50_2007));
    let mut mixed: Vec<Envelope> = log.clone();
    mixed[5].rule_set = RuleSet::current().reference;
    for i in 5..mixed.len() {
        mixed[i].prev_hash = mixed[i - 1].hash.clone();
        mixed[i].hash = mixed[i].computed_hash();
    }
    let error = audit::replay(&mixed, &RuleSetRegistry::standard()).expect_err("mixed");
    assert_eq!(error.sequence, 6);
    assert_eq!(
        error.problem,
        ReplayProblem::MixedRegimes {
            first: RuleSetId::Pp50_2007,
            found: RuleSetId::Current
        }
    );
    assert!(audit::replay(&log, &RuleSetRegistry::standard()).is_ok());
}

#[test]
fn ksd_trans_01_the_ledger_registers_by_the_legal_date_and_keeps_the_regime() {
    let ledger = Ledger::new(MemoryStore::new());
    let c10 = sample::c10_legacy();
    let id = c10.cooperation_id().expect("id");
    for step in &c10.steps {
        ledger
            .execute(id, &step.command, &step.actor, step.on)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    // A dispute raised in 2024 is decided under PP 50/2007, the regime of its registration:
    // the Governor's decision is a forum of Pasal 14, and no forum of PP 28/2018.
    let outcome = ledger
        .execute(
            id,
            &dispute(DisputeForum::GovernorDecision),
            &sample::clerk(wajo()),
            d(2024, 8, 14),
        )
        .expect("decided under the legacy set");
    assert_eq!(outcome.stage, Stage::InForce);
    let history = ledger.history(id).expect("log");
    assert!(history.iter().all(|e| e.rule_set == legacy().reference));
    assert!(ledger.verify(id).expect("replays").differences.is_empty());
    // A registration dated 2024 goes to the current set, which refuses a KSDD without
    // category; register_under chooses the legacy set explicitly.
    let mut spec = c10_spec();
    spec.id = CooperationId(uuid::Uuid::from_u128(0x10_2024));
    let clerk = sample::clerk(sidrap());
    let current = ledger
        .register(spec.clone(), &clerk, d(2024, 8, 14))
        .expect_err("the current set");
    assert!(
        current
            .rejection()
            .is_some_and(|r| r.rules().contains(&KSD_KIND_06))
    );
    ledger
        .register_under(RuleSetId::Pp50_2007, spec.clone(), &clerk, d(2024, 8, 14))
        .expect("the legacy set, chosen");
    assert_eq!(
        ledger.state(spec.id).expect("state").rule_set(),
        Some(legacy().reference)
    );
    let allowed = ledger
        .allowed_commands(spec.id, &clerk, d(2024, 8, 15))
        .expect("allowed");
    assert!(
        allowed
            .iter()
            .any(|a| a.command == CommandKind::StartPreparation)
    );
    assert!(matches!(
        Ledger::new(MemoryStore::new()).register(c10_spec(), &clerk, d(2006, 1, 2)),
        Err(Error::RuleSet(RuleSetError::NoneForDate { .. }))
    ));
}

// ---------------------------------------------------------------------------------------------
// KSD-TRANS-03: a contract with the central government continues as synergy
// ---------------------------------------------------------------------------------------------

#[test]
fn ksd_trans_03_a_pre_2018_contract_with_a_ministry_continues_as_synergy() {
    let mut spec = c10_spec();
    spec.kind = CooperationKind::Ksdpk {
        ksdpk_type: KsdpkType::PublicService,
        initiative: Initiative::Region,
        type_description: None,
    };
    spec.parties = vec![
        Party::region(sidrap(), "Kabupaten Sidenreng Rappang"),
        Party::CentralAgency {
            name: "Kementerian Kelautan dan Perikanan".into(),
        },
    ];
    let result = Cooperation::new().decide(
        &Command::Register {
            spec: Box::new(spec.clone()),
        },
        &sample::clerk(sidrap()),
        d(2016, 3, 1),
        &legacy(),
    );
    let rejection = refused(&result);
    let synergy = rejection
        .errors()
        .find(|v| v.rule == KSD_TRANS_03)
        .expect("KSD-TRANS-03");
    assert_eq!(
        synergy.finding,
        Finding::CentralContractContinuesAsSynergy {
            name: "Kementerian Kelautan dan Perikanan".into()
        }
    );
    assert_eq!(synergy.field.as_deref(), Some("parties[1]"));
    assert_eq!(synergy.citation().to_string(), "PP 28/2018 Pasal 49");
    assert!(synergy.message(Lang::Id).contains("sinergi"));
    // With a company instead of the ministry it is a legacy KSDPK.
    spec.parties[1] = Party::third_party(company());
    Cooperation::new()
        .decide(
            &Command::Register {
                spec: Box::new(spec),
            },
            &sample::clerk(sidrap()),
            d(2016, 3, 1),
            &legacy(),
        )
        .expect("a legacy KSDPK with a company");
}

#[test]
fn the_legacy_record_survives_a_json_round_trip_at_every_step_of_c10() {
    let steps = sample::c10_legacy().steps.len();
    let mut recorded_without_body = false;
    for n in 0..=steps {
        let coop = c10_after(n).coop;
        let record = coop.legacy();
        recorded_without_body |= !record.is_empty() && record.cooperation_body().is_none();
        let json = serde_json::to_string(&coop).expect("serialises");
        let back: Cooperation = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back.legacy(), coop.legacy(), "C10 after {n} steps");
        assert_eq!(back, coop, "C10 after {n} steps");
    }
    assert!(
        recorded_without_body,
        "some step of C10 records a legacy fact before any cooperation body"
    );
}

// ---------------------------------------------------------------------------------------------
// LEG-DPRD-01: the gate of Pasal 9–10
// ---------------------------------------------------------------------------------------------

#[test]
fn leg_dprd_01_approval_is_needed_for_a_burden_that_is_unbudgeted_or_uses_regional_assets() {
    let legacy = legacy();
    let burden = |g: DprdGate| g.with_burdens_community(true).with_burdens_region(true);
    let cases = [
        // (gate, required, why)
        (
            burden(DprdGate::not_budgeted("x")),
            true,
            "burden, unbudgeted",
        ),
        (
            burden(DprdGate::not_required("x")).with_uses_regional_assets(true),
            true,
            "burden, budgeted, regional assets",
        ),
        (
            burden(DprdGate::not_required("x")),
            false,
            "burden, budgeted, no assets",
        ),
        (
            DprdGate::not_budgeted("x").with_burdens_community(true),
            false,
            "community only: Pasal 9 needs both",
        ),
        (
            DprdGate::not_budgeted("x").with_uses_regional_assets(true),
            false,
            "no burden",
        ),
        (
            burden(DprdGate::not_required("x"))
                .with_uses_regional_assets(true)
                .with_within_work_unit_duties(true),
            false,
            "a work unit's budgeted duty (Pasal 10)",
        ),
        (
            burden(DprdGate::not_budgeted("x")).with_within_work_unit_duties(true),
            true,
            "a work unit's duty, but unbudgeted",
        ),
    ];
    for (gate, required, why) in cases {
        assert_eq!(legacy.dprd_required(&gate), required, "{why}");
    }
    // The current set reads flag B alone (PP 28/2018 Pasal 6 ayat (2)) and ignores assets.
    assert!(RuleSet::current().dprd_required(&DprdGate::not_budgeted("x")));
    assert!(
        !RuleSet::current()
            .dprd_required(&DprdGate::not_required("x").with_uses_regional_assets(true))
    );
}

#[test]
fn leg_dprd_01_the_first_pks_waits_for_every_required_approval() {
    // C10 right after its PKS drafting started: both regions need their DPRD.
    let given = c10_after(9);
    assert_eq!(given.coop.stage(), Stage::PksDrafting);
    let pks = sample::c10_legacy()
        .steps
        .into_iter()
        .find(|s| s.command.kind() == CommandKind::SignPks)
        .expect("C10 signs its PKS");
    let early = given.when(&pks.actor, pks.on, pks.command.clone());
    assert_eq!(
        errors(refused(&early.result)),
        [
            (
                LEG_DPRD_01,
                Finding::DprdApprovalRequired { region: sidrap() }
            ),
            (
                LEG_DPRD_01,
                Finding::DprdApprovalRequired { region: wajo() }
            ),
        ]
    );
    // After the approval of Sidrap and the deemed approval of Wajo it is signed (C10).
    let c10 = c10_in_force();
    assert_eq!(c10.dprd_decisions().len(), 2);
}

#[test]
fn leg_dprd_01_a_region_whose_plan_needs_no_approval_does_not_submit() {
    let given = c10_after(9);
    let mut coop = given.coop.clone();
    coop.execute(
        &Command::AssessDprdGate {
            region: sidrap(),
            gate: DprdGate::not_required("tugas dan fungsi dinas, dalam DPA 2016")
                .with_burdens_community(true)
                .with_burdens_region(true)
                .with_within_work_unit_duties(true),
        },
        &sample::clerk(sidrap()),
        d(2016, 7, 1),
        &legacy(),
    )
    .expect("reassessed at PKS drafting");
    let submit = coop.decide(
        &Command::SubmitToDprd,
        &sample::head(sidrap()),
        d(2016, 8, 1),
        &legacy(),
    );
    assert_eq!(
        errors(refused(&submit)),
        [(
            LEG_DPRD_01,
            Finding::LegacyDprdNotRequired { region: sidrap() }
        )]
    );
    // Wajo's plan uses regional assets: its head submits.
    coop.decide(
        &Command::SubmitToDprd,
        &sample::head(wajo()),
        d(2016, 8, 1),
        &legacy(),
    )
    .expect("Wajo submits");
    // Sidrap's DPRD has no gate to act on: an authority refusal citing LEG-DPRD-01.
    let mut awaiting = coop.clone();
    awaiting
        .execute(
            &Command::SubmitToDprd,
            &sample::head(wajo()),
            d(2016, 8, 1),
            &legacy(),
        )
        .expect("Wajo submits");
    let approve = awaiting.decide(
        &Command::ApproveDprd {
            reference: "Keputusan DPRD (uji)".into(),
        },
        &sample::dprd(sidrap()),
        d(2016, 8, 5),
        &legacy(),
    );
    assert!(matches!(
        refused(&approve),
        Rejection::ActorNotAuthorised {
            rule: LEG_DPRD_01,
            ..
        }
    ));
}

// ---------------------------------------------------------------------------------------------
// LEG-DPRD-02: the timetable of Pasal 12 ayat (1)–(4), in working days
// ---------------------------------------------------------------------------------------------

#[test]
fn leg_dprd_02_c10_runs_the_timetable_to_a_deemed_approval() {
    let c10 = c10_in_force();
    let calendar = Calendar::indonesia().expect("calendar");
    let timetables = c10.legacy().dprd_timetables();
    let sidrap_t = &timetables[&sidrap()];
    let wajo_t = &timetables[&wajo()];
    assert_eq!(sidrap_t.received_on, d(2016, 8, 1));
    assert_eq!(sidrap_t.assessment_due(&calendar), Ok(d(2016, 10, 5)));
    assert_eq!(wajo_t.opinion_due(&calendar), Ok(d(2016, 8, 23))); // 17 August is a holiday
    assert_eq!(wajo_t.opinion_on, Some(d(2016, 8, 15)));
    assert_eq!(wajo_t.resubmission_due(&calendar), Ok(Some(d(2016, 9, 5))));
    assert_eq!(wajo_t.resubmitted_on, Some(d(2016, 8, 29)));
    assert_eq!(wajo_t.approval_due(&calendar), Ok(Some(d(2016, 9, 20)))); // Idul Adha 12 Sep
    assert_eq!(wajo_t.deemed_on, Some(d(2016, 9, 26)));
    assert_eq!(
        c10.dprd_decisions().get(&wajo()),
        Some(&DprdDecision::Approved {
            reference: DEEMED_APPROVAL_REFERENCE.into(),
            on: d(2016, 9, 26)
        })
    );
    assert!(matches!(
        c10.dprd_decisions().get(&sidrap()),
        Some(DprdDecision::Approved { on, .. }) if *on == d(2016, 9, 15)
    ));
    // The deadlines view, with the calendar.
    let deadlines = time::deadlines(&c10, d(2024, 8, 14), &legacy().policy, Some(&calendar))
        .expect("deadlines");
    let legacy_deadlines: Vec<(NaiveDate, DeadlineStatus)> = deadlines
        .iter()
        .filter(|dl| dl.rule == LEG_DPRD_02)
        .map(|dl| (dl.due_on, dl.status))
        .collect();
    assert_eq!(
        legacy_deadlines,
        [
            (d(2016, 10, 5), DeadlineStatus::Met), // Wajo: assessed, its opinion of 15 August
            (d(2016, 9, 5), DeadlineStatus::Met),  // Wajo: resubmitted on 29 August
            (d(2016, 9, 20), DeadlineStatus::Missed), // Wajo's DPRD silent: deemed approval
            (d(2016, 10, 5), DeadlineStatus::Met), // Sidrap: approved on 15 September
        ]
    );
}

#[test]
fn leg_dprd_02_a_deemed_approval_before_the_15_working_days_after_resubmission_is_refused() {
    let given = c10_before(CommandKind::RecordDeemedApproval);
    let clerk = sample::clerk(wajo());
    let command = Command::RecordDeemedApproval { region: wajo() };
    let early = given.when(&clerk, d(2016, 9, 20), command.clone());
    let rejection = refused(&early.result);
    assert_eq!(
        errors(rejection),
        [(
            LEG_DPRD_02,
            Finding::LegacyDeemedApprovalEarly {
                region: wajo(),
                resubmitted_on: d(2016, 8, 29),
                deadline: d(2016, 9, 20)
            }
        )]
    );
    let violation = rejection.errors().next().expect("error");
    assert_eq!(
        violation.citation().to_string(),
        "PP 50/2007 Pasal 12 ayat (4)"
    );
    assert!(violation.message(Lang::En).contains("2016-09-20"));
    let after = given.when(&clerk, d(2016, 9, 21), command).accepted();
    assert_eq!(after.stage(), Stage::PksDrafting);
}

#[test]
fn leg_dprd_02_no_approval_is_deemed_without_an_opinion_and_a_resubmission() {
    // After both submissions: Sidrap's DPRD stays silent; nothing is deemed, however late.
    let given = c10_after(11);
    let result = given.when(
        &sample::clerk(sidrap()),
        d(2016, 12, 1),
        Command::RecordDeemedApproval { region: sidrap() },
    );
    assert_eq!(
        errors(refused(&result.result)),
        [(
            LEG_DPRD_02,
            Finding::LegacyNotResubmitted { region: sidrap() }
        )]
    );
}

#[test]
fn leg_dprd_02_an_opinion_after_the_15_working_days_from_receipt_is_refused() {
    let given = c10_before(CommandKind::RecordDprdOpinion);
    let opinion = Command::RecordDprdOpinion {
        reference: "Surat DPRD (uji)".into(),
    };
    let late = given.when(&sample::dprd(wajo()), d(2016, 8, 24), opinion.clone());
    assert_eq!(
        errors(refused(&late.result)),
        [(
            LEG_DPRD_02,
            Finding::LegacyOpinionLate {
                region: wajo(),
                received_on: d(2016, 8, 1),
                deadline: d(2016, 8, 23)
            }
        )]
    );
    given
        .when(&sample::dprd(wajo()), d(2016, 8, 23), opinion)
        .accepted();
}

#[test]
fn leg_dprd_02_a_resubmission_after_the_14_working_days_from_the_opinion_is_refused() {
    let given = c10_before(CommandKind::ResubmitToDprd);
    let late = given.when(
        &sample::head(wajo()),
        d(2016, 9, 6),
        Command::ResubmitToDprd,
    );
    assert_eq!(
        errors(refused(&late.result)),
        [(
            LEG_DPRD_02,
            Finding::LegacyResubmissionLate {
                region: wajo(),
                opinion_on: d(2016, 8, 15),
                deadline: d(2016, 9, 5)
            }
        )]
    );
    given
        .when(
            &sample::head(wajo()),
            d(2016, 9, 5),
            Command::ResubmitToDprd,
        )
        .accepted();
    // A region whose DPRD gave no opinion has nothing to resubmit.
    let sidrap_resubmits = given.when(
        &sample::head(sidrap()),
        d(2016, 8, 20),
        Command::ResubmitToDprd,
    );
    assert_eq!(
        errors(refused(&sidrap_resubmits.result)),
        [(LEG_DPRD_02, Finding::LegacyNoOpinion { region: sidrap() })]
    );
}

#[test]
fn leg_dprd_02_a_lapsed_draft_may_be_submitted_again_a_live_one_may_not() {
    let given = c10_before(CommandKind::ResubmitToDprd);
    let twice = given.when(&sample::head(wajo()), d(2016, 8, 20), Command::SubmitToDprd);
    assert_eq!(
        errors(refused(&twice.result)),
        [(
            LEG_DPRD_02,
            Finding::LegacyDraftAlreadySubmitted {
                region: wajo(),
                received_on: d(2016, 8, 1)
            }
        )]
    );
    // Past the 14 working days without a resubmission the draft lapsed: submitted anew, it
    // starts a new timetable.
    let anew = given
        .when(&sample::head(wajo()), d(2016, 9, 12), Command::SubmitToDprd)
        .accepted();
    assert_eq!(
        anew.legacy().dprd_timetables()[&wajo()].received_on,
        d(2016, 9, 12)
    );
}

#[test]
fn leg_dprd_02_a_late_assessment_is_only_a_late_fact() {
    // Sidrap's DPRD approves after its 45 working days (due 5 October 2016).
    let given = c10_before(CommandKind::ApproveDprd);
    let late = given.when(
        &sample::dprd(sidrap()),
        d(2016, 10, 6),
        Command::ApproveDprd {
            reference: "Keputusan DPRD Sidrap (uji)".into(),
        },
    );
    let warnings = warnings_of(&late.result);
    assert_eq!(
        warnings
            .iter()
            .map(|w| (w.rule, w.finding.clone()))
            .collect::<Vec<_>>(),
        [(
            LEG_DPRD_02,
            Finding::LegacyAssessmentLate {
                region: sidrap(),
                received_on: d(2016, 8, 1),
                deadline: d(2016, 10, 5)
            }
        )]
    );
    let on_time = given.when(
        &sample::dprd(sidrap()),
        d(2016, 10, 5),
        Command::ApproveDprd {
            reference: "Keputusan DPRD Sidrap (uji)".into(),
        },
    );
    assert!(warnings_of(&on_time.result).is_empty());
    // A DPRD that received nothing does not approve.
    let before_submission = c10_after(9).when(
        &sample::dprd(sidrap()),
        d(2016, 7, 1),
        Command::ApproveDprd {
            reference: "(uji)".into(),
        },
    );
    assert!(matches!(
        refused(&before_submission.result),
        Rejection::NotAllowedHere { .. }
    ));
}

#[test]
fn leg_dprd_02_a_date_whose_working_days_are_unknown_is_a_typed_refusal() {
    // The calendar covers 2016–2027: a submission whose 45 working days run into 2028.
    let given = c10_before(CommandKind::SubmitToDprd);
    let result = given.when(
        &sample::head(sidrap()),
        d(2027, 12, 1),
        Command::SubmitToDprd,
    );
    assert_eq!(
        errors(refused(&result.result)),
        [(
            LEG_DPRD_02,
            Finding::LegacyDateOutsideCalendar {
                date: d(2028, 1, 1),
                first: d(2016, 1, 1),
                last: d(2027, 12, 31)
            }
        )]
    );
    // A legacy procedure of 2015 (before the calendar's data): refused, never guessed.
    let mut shifted = sample::c10_legacy();
    shifted.steps.truncate(10);
    for step in &mut shifted.steps {
        step.on = step.on - chrono::Days::new(366);
        if let Command::SignKb { document } = &mut step.command {
            document.signed_on = document.signed_on - chrono::Days::new(366);
            document.term = Term::years(document.signed_on, 10);
        }
    }
    let submit = shifted.steps.pop().expect("the submission");
    let coop = shifted
        .run(&legacy())
        .expect("2015 steps without working days");
    let result = coop.decide(&submit.command, &submit.actor, submit.on, &legacy());
    assert_eq!(
        errors(refused(&result)),
        [(
            LEG_DPRD_02,
            Finding::LegacyDateOutsideCalendar {
                date: submit.on,
                first: d(2016, 1, 1),
                last: d(2027, 12, 31)
            }
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// LEG-DPRD-03: copies of every signed PKS
// ---------------------------------------------------------------------------------------------

#[test]
fn leg_dprd_03_a_copy_not_sent_is_a_warning_on_entry_into_force() {
    let mut scenario = sample::c10_legacy();
    scenario
        .steps
        .retain(|s| s.command.kind() != CommandKind::RecordCopiesSent);
    let given = given_before_with(scenario, CommandKind::EnterIntoForce, legacy());
    let entry = given.when_next(|_| {});
    let warnings: Vec<Finding> = warnings_of(&entry.result)
        .into_iter()
        .filter(|w| w.rule == LEG_DPRD_03)
        .flat_map(|w| w.findings().cloned().collect::<Vec<_>>())
        .collect();
    let expected: Vec<Finding> = [sidrap(), wajo()]
        .into_iter()
        .flat_map(|region| {
            [
                CopyRecipient::Governor,
                CopyRecipient::SectorMinister,
                CopyRecipient::Dprd,
            ]
            .map(|recipient| Finding::LegacyCopyNotSent {
                region,
                document: "PKS-DANAU-2016".into(),
                recipient,
            })
        })
        .collect();
    assert_eq!(warnings, expected);
    let entered = entry.accepted();
    assert_eq!(entered.stage(), Stage::InForce, "an inform-only duty");
    let violation = Violation::warning(LEG_DPRD_03, expected[0].clone());
    assert_eq!(
        violation.citation().to_string(),
        "PP 50/2007 Pasal 12 ayat (6)"
    );
    // C10 records its copies: no warning.
    let c10 = c10_in_force();
    assert!(c10.warnings().iter().all(|w| w.rule != LEG_DPRD_03));
    assert_eq!(c10.legacy().copies().len(), 2);
}

#[test]
fn leg_dprd_03_copies_are_of_a_signed_pks_and_to_someone() {
    let given = c10_before(CommandKind::RecordCopiesSent);
    let result = given.when(
        &sample::clerk(sidrap()),
        d(2016, 12, 15),
        Command::RecordCopiesSent {
            document: "KB-DANAU-2016".into(),
            recipients: vec![],
        },
    );
    assert_eq!(
        errors(refused(&result.result)),
        [
            (
                LEG_DPRD_03,
                Finding::LegacyCopiesOfUnknownDocument {
                    document: "KB-DANAU-2016".into()
                }
            ),
            (LEG_DPRD_03, Finding::LegacyNoCopyRecipient),
        ]
    );
    given.when_next(|_| {}).accepted();
}

// ---------------------------------------------------------------------------------------------
// LEG-DOC-01 and LEG-DOC-02: the PKS's eight items; the offer's plan and copies
// ---------------------------------------------------------------------------------------------

#[test]
fn leg_doc_01_a_pks_without_the_eight_items_of_pasal_7_is_refused() {
    let given = c10_before(CommandKind::SignPks);
    let missing = given.when_next(|step| {
        if let Command::SignPks { document } = &mut step.command {
            document.clauses.remove(&Clause::ForceMajeure);
            document.clauses.remove(&Clause::Termination);
        }
    });
    let rejection = refused(&missing.result);
    assert_eq!(
        errors(rejection),
        [
            (
                LEG_DOC_01,
                Finding::ClauseMissing {
                    clause: Clause::Termination
                }
            ),
            (
                LEG_DOC_01,
                Finding::ClauseMissing {
                    clause: Clause::ForceMajeure
                }
            ),
        ]
    );
    assert_eq!(
        rejection
            .errors()
            .next()
            .expect("error")
            .citation()
            .to_string(),
        "PP 50/2007 Pasal 7 huruf b"
    );
    let signed = given.when_next(|_| {}).accepted();
    assert_eq!(signed.stage(), Stage::PksSigned);
}

#[test]
fn leg_doc_01_an_official_signs_the_pks_only_under_a_surat_kuasa() {
    let given = c10_before(CommandKind::SignPks);
    let without = given.when_next(|step| {
        if let Command::SignPks { document } = &mut step.command {
            document.signatories[1].surat_kuasa = None;
        }
    });
    assert!(matches!(
        errors(refused(&without.result)).as_slice(),
        [(LEG_DOC_01, Finding::NotHeadWithoutKuasa { .. })]
    ));
    let unsigned = given.when_next(|step| {
        if let Command::SignPks { document } = &mut step.command {
            document.signatories.truncate(1);
        }
    });
    assert_eq!(
        errors(refused(&unsigned.result)),
        [(
            LEG_DOC_01,
            Finding::NotSigned {
                party: PartyId::Region(wajo())
            }
        )]
    );
}

#[test]
fn leg_doc_02_an_offer_without_a_plan_or_its_copies_is_a_warning() {
    let given = c10_before(CommandKind::SendOffer);
    let bare = given.when(
        &sample::head(sidrap()),
        d(2016, 3, 21),
        Command::SendOffer {
            letter: OfferLetter::new(
                "523/07/DKP/2016",
                Signatory::head(sidrap(), "Bupati (fiktif)", "Bupati Sidenreng Rappang"),
            ),
        },
    );
    let found: Vec<Finding> = warnings_of(&bare.result)
        .into_iter()
        .flat_map(|w| {
            assert_eq!(w.rule, LEG_DOC_02);
            w.findings().cloned().collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        found,
        [
            Finding::LegacyPlanMissing,
            Finding::LegacyOfferCopyMissing {
                recipient: CopyRecipient::Governor
            },
            Finding::LegacyOfferCopyMissing {
                recipient: CopyRecipient::Minister
            },
            Finding::LegacyOfferCopyMissing {
                recipient: CopyRecipient::SectorMinister
            },
            Finding::LegacyOfferCopyMissing {
                recipient: CopyRecipient::Dprd
            },
        ]
    );
    assert_eq!(bare.accepted().stage(), Stage::OfferSent, "warnings only");
    let empty_plan = given.when(
        &sample::head(sidrap()),
        d(2016, 3, 21),
        Command::SendOffer {
            letter: OfferLetter::new(
                "523/07/DKP/2016",
                Signatory::head(sidrap(), "Bupati (fiktif)", "Bupati Sidenreng Rappang"),
            )
            .with_plan(CooperationPlan::new(" ", ""))
            .with_copies(CopyRecipient::ALL),
        },
    );
    assert_eq!(
        warnings_of(&empty_plan.result)
            .into_iter()
            .map(|w| w.finding)
            .collect::<Vec<_>>(),
        [
            Finding::LegacyCostBenefitMissing,
            Finding::LegacyPlanPriorityMissing
        ]
    );
    // C10's offer carries its plan and copies.
    assert!(warnings_of(&given.when_next(|_| {}).result).is_empty());
}

// ---------------------------------------------------------------------------------------------
// LEG-DISP-01: the forum by the pairing of the parties (Pasal 14–16)
// ---------------------------------------------------------------------------------------------

#[test]
fn leg_disp_01_within_one_province_musyawarah_or_the_governor() {
    let c10 = c10_in_force();
    let clerk = sample::clerk(sidrap());
    let on = d(2024, 8, 14);
    let minister = c10.decide(
        &dispute(DisputeForum::MinisterDecision),
        &clerk,
        on,
        &legacy(),
    );
    let rejection = refused(&minister);
    assert_eq!(
        errors(rejection),
        [(
            LEG_DISP_01,
            Finding::LegacyDisputeForum {
                forum: DisputeForum::MinisterDecision,
                pairing: LegacyDisputePairing::WithinProvince
            }
        )]
    );
    assert_eq!(
        rejection
            .errors()
            .next()
            .expect("error")
            .citation()
            .to_string(),
        "PP 50/2007 Pasal 14 ayat (1)"
    );
    for forum in [
        DisputeForum::InterRegionalRegime,
        DisputeForum::ContractClause,
        DisputeForum::PerLegislation,
    ] {
        assert!(
            refused(&c10.decide(&dispute(forum), &clerk, on, &legacy())).rules() == [LEG_DISP_01]
        );
    }
    for forum in [DisputeForum::Musyawarah, DisputeForum::GovernorDecision] {
        c10.decide(&dispute(forum), &clerk, on, &legacy())
            .unwrap_or_else(|e| panic!("{forum:?}: {e}"));
    }
}

#[test]
fn leg_disp_01_the_refusal_names_the_forum_that_was_chosen() {
    let c10 = c10_in_force();
    let clerk = sample::clerk(sidrap());
    let on = d(2024, 8, 14);
    let message = |forum: DisputeForum, lang: Lang| {
        let rejection = refused(&c10.decide(&dispute(forum), &clerk, on, &legacy())).clone();
        let error = rejection.errors().next().expect("an error");
        assert_eq!(error.rule, LEG_DISP_01);
        error.finding.text(lang)
    };
    for (forum, id, en) in [
        (
            DisputeForum::ContractClause,
            "klausul penyelesaian perselisihan dalam perjanjian bukan forumnya",
            "the PKS's dispute clause is not its forum",
        ),
        (
            DisputeForum::InterRegionalRegime,
            "ketentuan perselisihan antardaerah bukan forumnya",
            "the inter-regional dispute regime is not its forum",
        ),
        (
            DisputeForum::MinisterDecision,
            "Keputusan Menteri bukan forumnya",
            "the Minister's decision is not its forum",
        ),
        (
            DisputeForum::PerLegislation,
            "peraturan perundang-undangan bukan forumnya",
            "the law is not its forum",
        ),
    ] {
        let (got_id, got_en) = (message(forum, Lang::Id), message(forum, Lang::En));
        assert!(got_id.starts_with(id), "{forum:?}: {got_id}");
        assert!(got_en.starts_with(en), "{forum:?}: {got_en}");
    }
}

#[test]
fn leg_disp_01_across_provinces_or_levels_musyawarah_or_the_minister() {
    for (id, partner) in [(0x51, sample::muna_barat()), (0x52, sample::sulsel())] {
        let coop = run(&legacy_in_force(id, &[sidrap(), partner], false, 5));
        let clerk = sample::clerk(sidrap());
        let on = d(2024, 8, 14);
        assert_eq!(
            errors(refused(&coop.decide(
                &dispute(DisputeForum::GovernorDecision),
                &clerk,
                on,
                &legacy()
            ))),
            [(
                LEG_DISP_01,
                Finding::LegacyDisputeForum {
                    forum: DisputeForum::GovernorDecision,
                    pairing: LegacyDisputePairing::AcrossLevelsOrProvinces
                }
            )]
        );
        coop.decide(
            &dispute(DisputeForum::MinisterDecision),
            &clerk,
            on,
            &legacy(),
        )
        .expect("the Minister's decision");
    }
}

#[test]
fn leg_disp_01_with_a_third_party_the_pks_clause_then_the_law() {
    let mut coop = run(&legacy_in_force(0x53, &[sidrap()], true, 5));
    let on = d(2024, 8, 14);
    let company = company_actor();
    assert_eq!(
        errors(refused(&coop.decide(
            &dispute(DisputeForum::Musyawarah),
            &company,
            on,
            &legacy()
        ))),
        [(
            LEG_DISP_01,
            Finding::LegacyDisputeForum {
                forum: DisputeForum::Musyawarah,
                pairing: LegacyDisputePairing::WithThirdParty
            }
        )]
    );
    assert_eq!(
        errors(refused(&coop.decide(
            &dispute(DisputeForum::PerLegislation),
            &company,
            on,
            &legacy()
        ))),
        [(LEG_DISP_01, Finding::LegacyLawBeforeClause)]
    );
    coop.execute(
        &dispute(DisputeForum::ContractClause),
        &company,
        on,
        &legacy(),
    )
    .expect("the PKS's clause first");
    coop.execute(
        &dispute(DisputeForum::PerLegislation),
        &company,
        on,
        &legacy(),
    )
    .expect("then the law");
}

// ---------------------------------------------------------------------------------------------
// LEG-AMD-01: amendment by agreement, at the same level (Pasal 17)
// ---------------------------------------------------------------------------------------------

fn addendum(amends: &str, signatories: Vec<Signatory>) -> Command {
    let mut document = sample::document(
        "ADD-DANAU-2020",
        DocumentKind::Addendum,
        "Addendum perjanjian kerja sama (uji)",
        d(2020, 3, 2),
        signatories,
    );
    document.amends = Some(amends.into());
    Command::SignAddendum { document }
}

fn pks_signatories() -> Vec<Signatory> {
    match &sample::c10_legacy()
        .steps
        .iter()
        .find(|s| s.command.kind() == CommandKind::SignPks)
        .expect("C10 signs its PKS")
        .command
    {
        Command::SignPks { document } => document.signatories.clone(),
        _ => unreachable!("a PKS signing"),
    }
}

#[test]
fn leg_amd_01_an_addendum_is_signed_by_every_party_at_the_level_of_what_it_amends() {
    let c10 = c10_in_force();
    let clerk = sample::clerk(sidrap());
    let on = d(2020, 3, 2);
    // Signed by Sidrap only.
    let one_side = c10.decide(
        &addendum("PKS-DANAU-2016", pks_signatories()[..1].to_vec()),
        &clerk,
        on,
        &legacy(),
    );
    assert_eq!(
        errors(refused(&one_side)),
        [(
            LEG_AMD_01,
            Finding::NotSigned {
                party: PartyId::Region(wajo())
            }
        )]
    );
    // The PKS's officials (under surat kuasa) amend the PKS, not the KB the heads signed.
    let kb_level = c10.decide(
        &addendum("KB-DANAU-2016", pks_signatories()),
        &clerk,
        on,
        &legacy(),
    );
    assert!(matches!(
        errors(refused(&kb_level)).as_slice(),
        [
            (
                LEG_AMD_01,
                Finding::LegacyAmendmentBelowLevel {
                    amended: DocumentKind::Kb,
                    ..
                }
            ),
            (
                LEG_AMD_01,
                Finding::LegacyAmendmentBelowLevel {
                    amended: DocumentKind::Kb,
                    ..
                }
            ),
        ]
    ));
    // An official without surat kuasa is below a PKS's level too.
    let mut no_kuasa = pks_signatories();
    no_kuasa[0].surat_kuasa = None;
    assert!(matches!(
        errors(refused(&c10.decide(
            &addendum("PKS-DANAU-2016", no_kuasa),
            &clerk,
            on,
            &legacy()
        )))
        .as_slice(),
        [(
            LEG_AMD_01,
            Finding::LegacyAmendmentBelowLevel {
                amended: DocumentKind::Pks,
                ..
            }
        )]
    ));
    // An addendum naming nothing of this cooperation.
    assert_eq!(
        errors(refused(&c10.decide(
            &addendum("PKS-LAIN", pks_signatories()),
            &clerk,
            on,
            &legacy()
        ))),
        [(LEG_AMD_01, Finding::AddendumWithoutTarget)]
    );
    // Both parties at the PKS's level: accepted.
    let amended = c10
        .clone()
        .execute(
            &addendum("PKS-DANAU-2016", pks_signatories()),
            &clerk,
            on,
            &legacy(),
        )
        .map(|_| ());
    assert!(amended.is_ok());
}

#[test]
fn leg_amd_01_an_addendum_to_an_addendum_is_at_the_level_of_the_document_first_amended() {
    let clerk = sample::clerk(sidrap());
    let on = d(2020, 3, 2);
    let second = |amends: &str, signatories: Vec<Signatory>| {
        let mut command = addendum(amends, signatories);
        if let Command::SignAddendum { document } = &mut command {
            document.id = DocumentId("ADD-DANAU-2020-II".into());
        }
        command
    };
    // The PKS amended by its officials; they amend that addendum again, at the PKS's level.
    let mut c10 = c10_in_force();
    c10.execute(
        &addendum("PKS-DANAU-2016", pks_signatories()),
        &clerk,
        on,
        &legacy(),
    )
    .expect("the PKS's addendum");
    c10.decide(
        &second("ADD-DANAU-2020", pks_signatories()),
        &clerk,
        on,
        &legacy(),
    )
    .expect("an addendum of the PKS's addendum is at the PKS's level");
    // The KB amended by the heads; the officials are below the level of that addendum.
    let mut c10 = c10_in_force();
    let heads = c10.kb().expect("C10's KB").signatories.clone();
    c10.execute(&addendum("KB-DANAU-2016", heads), &clerk, on, &legacy())
        .expect("the KB's addendum, signed by the heads");
    let officials = c10.decide(
        &second("ADD-DANAU-2020", pks_signatories()),
        &clerk,
        on,
        &legacy(),
    );
    let found = errors(refused(&officials));
    assert!(!found.is_empty());
    for (rule, finding) in &found {
        assert_eq!(*rule, LEG_AMD_01);
        assert!(
            matches!(
                finding,
                Finding::LegacyAmendmentBelowLevel {
                    amended: DocumentKind::Kb,
                    ..
                }
            ),
            "{finding:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// LEG-TERM-01, LEG-TERM-02: the nine grounds; early termination by written notice
// ---------------------------------------------------------------------------------------------

#[test]
fn leg_term_01_a_legacy_cooperation_ends_on_the_nine_grounds_of_pasal_18_only() {
    let c10 = c10_in_force();
    let clerk = sample::clerk(sidrap());
    let on = d(2024, 8, 14);
    assert_eq!(EndGround::PP50_GROUNDS.len(), 9);
    for ground in EndGround::PP50_GROUNDS {
        let result = c10.decide(&Command::terminate(vec![ground]), &clerk, on, &legacy());
        if ground == EndGround::TermExpired {
            assert_eq!(
                errors(refused(&result)),
                [(
                    LEG_TERM_01,
                    Finding::TermRunsUntil {
                        ends_on: d(2026, 12, 11)
                    }
                )]
            );
        } else {
            result.unwrap_or_else(|e| panic!("{ground:?}: {e}"));
        }
    }
    for ground in [
        EndGround::PolicyChange,
        EndGround::CourtJudgment,
        EndGround::Bankruptcy,
    ] {
        let result = c10.decide(&Command::terminate(vec![ground]), &clerk, on, &legacy());
        assert_eq!(
            errors(refused(&result)),
            [(LEG_TERM_01, Finding::LegacyGroundNotInPp50 { ground })]
        );
    }
    // Expiry after the term (huruf i).
    let mut ended = c10.clone();
    ended
        .execute(&Command::RecordExpiry, &clerk, d(2026, 12, 12), &legacy())
        .expect("the term ran out");
    assert_eq!(ended.end_grounds(), [EndGround::TermExpired]);
}

#[test]
fn leg_term_01_a_change_of_government_ends_nothing_pasal_20() {
    let c10 = c10_in_force();
    // C10 recorded the new Bupati of Wajo in 2019 and stayed in force.
    assert_eq!(c10.stage(), Stage::InForce);
    assert!(
        c10.stage_history()
            .iter()
            .all(|(stage, _)| *stage != Stage::Ended)
    );
    assert_eq!(
        "leadership_change".parse::<EndGround>(),
        Err(kerjasama::lifecycle::ParseEndGroundError::LeadershipChange(
            "leadership_change".into()
        ))
    );
}

#[test]
fn ksd_term_01_the_current_set_refuses_the_grounds_only_the_legacy_set_knows() {
    let c06 = sample::c06_landfill()
        .run(&RuleSet::current())
        .expect("C06");
    let clerk = sample::clerk(sidrap());
    let on = d(2024, 8, 14);
    for ground in EndGround::LEGACY_ONLY {
        assert!(ground.legacy_only());
        let result = c06.decide(
            &Command::terminate(vec![ground]),
            &clerk,
            on,
            &RuleSet::current(),
        );
        assert_eq!(
            errors(refused(&result)),
            [(KSD_TERM_01, Finding::GroundOnlyForLegacy { ground })],
            "{ground:?}"
        );
    }
    for ground in EndGround::ALL {
        assert!(!ground.legacy_only());
    }
    // Ground (b): the objective achieved, which needs neither consents nor evidence.
    c06.decide(
        &Command::terminate(vec![EndGround::ObjectiveAchieved]),
        &clerk,
        on,
        &RuleSet::current(),
    )
    .expect("a ground of PP 28/2018");
    // The wire names of the new grounds parse back.
    for ground in EndGround::LEGACY_ONLY {
        assert_eq!(ground.as_str().parse::<EndGround>(), Ok(ground));
    }
}

fn notice() -> TerminationNotice {
    TerminationNotice::new(wajo(), "180/12/2024 (fiktif)", d(2024, 7, 1))
        .with_risks_borne(true)
        .with_object_completion("pembersihan eceng gondok tahap berjalan diselesaikan Wajo")
}

#[test]
fn leg_term_02_early_termination_at_one_partys_request_by_written_notice() {
    let mut c10 = c10_in_force();
    let head = sample::head(wajo());
    let on = d(2024, 8, 14);
    // A written notice whose party accepts the risks and says how the work is completed.
    let events = c10
        .execute(
            &Command::TerminateEarly { notice: notice() },
            &head,
            on,
            &legacy(),
        )
        .expect("ended early");
    assert!(events.iter().all(|e| e.warnings().is_empty()));
    assert_eq!(c10.stage(), Stage::Ended);
    assert_eq!(c10.end_grounds(), [EndGround::EarlyTerminationByParty]);
    assert_eq!(c10.legacy().early_termination(), Some(&notice()));
    let view = time::validity(&c10, on, &legacy().policy);
    assert_eq!(view.overall, Validity::Ended);
    // Recording an expiry later is refused: it ended otherwise.
    let expiry = c10.decide(
        &Command::RecordExpiry,
        &sample::clerk(sidrap()),
        d(2027, 1, 4),
        &legacy(),
    );
    assert_eq!(
        errors(refused(&expiry)),
        [(LEG_TERM_01, Finding::AlreadyEndedOtherwise)]
    );
}

#[test]
fn leg_term_02_a_notice_without_reference_or_risks_is_refused_and_the_ground_needs_the_notice() {
    let c10 = c10_in_force();
    let head = sample::head(wajo());
    let on = d(2024, 8, 14);
    let mut bare = TerminationNotice::new(wajo(), " ", d(2024, 7, 1));
    let result = c10.decide(
        &Command::TerminateEarly {
            notice: bare.clone(),
        },
        &head,
        on,
        &legacy(),
    );
    let rejection = refused(&result);
    assert_eq!(
        errors(rejection),
        [
            (LEG_TERM_02, Finding::LegacyNoticeWithoutReference),
            (LEG_TERM_02, Finding::LegacyRequesterBearsRisks),
        ]
    );
    assert_eq!(
        rejection
            .warnings()
            .map(|w| w.finding.clone())
            .collect::<Vec<_>>(),
        [Finding::LegacyObjectCompletionUnstated]
    );
    let risk = rejection
        .errors()
        .find(|v| v.finding == Finding::LegacyRequesterBearsRisks)
        .expect("risk");
    assert_eq!(
        risk.citation().to_string(),
        "PP 50/2007 Pasal 19 ayat (1) huruf b"
    );
    // Without the completion, a warning only.
    bare = bare.with_risks_borne(true);
    bare.reference = "180/12/2024".into();
    let warned = c10.decide(
        &Command::TerminateEarly { notice: bare },
        &head,
        on,
        &legacy(),
    );
    assert_eq!(
        warnings_of(&warned)
            .into_iter()
            .map(|w| w.finding)
            .collect::<Vec<_>>(),
        [Finding::LegacyObjectCompletionUnstated]
    );
    // The ground of Pasal 19 is not a Pasal 18 ground to terminate on without the notice.
    let by_ground = c10.decide(
        &Command::terminate(vec![EndGround::EarlyTerminationByParty]),
        &sample::clerk(sidrap()),
        on,
        &legacy(),
    );
    assert_eq!(
        errors(refused(&by_ground)),
        [(LEG_TERM_02, Finding::LegacyEarlyTerminationNeedsNotice)]
    );
}

// ---------------------------------------------------------------------------------------------
// LEG-INST-01: the cooperation body (Pasal 24)
// ---------------------------------------------------------------------------------------------

fn body_decision(signatories: Vec<Signatory>) -> Document {
    body_decision_on(signatories, d(2017, 1, 9))
}

fn body_decision_on(signatories: Vec<Signatory>, on: NaiveDate) -> Document {
    sample::document(
        "KEPBER-UJI",
        DocumentKind::Other,
        "Keputusan Bersama badan kerja sama (uji)",
        on,
        signatories,
    )
}

fn heads_of(regions: &[KodeWilayah]) -> Vec<Signatory> {
    regions
        .iter()
        .map(|code| Signatory::head(*code, "Bupati (fiktif)", "Bupati"))
        .collect()
}

#[test]
fn leg_inst_01_a_cooperation_body_for_a_continuous_or_five_year_cooperation_by_the_heads() {
    // Three years, not continuous: no body.
    let short = run(&legacy_in_force(0x54, &[sidrap(), wajo()], false, 3));
    let head = sample::head(sidrap());
    let on = d(2017, 1, 9);
    let establish = |continuous, decision| Command::EstablishCooperationBody {
        continuous,
        decision,
    };
    let refused_short = short.decide(
        &establish(false, body_decision(heads_of(&[sidrap(), wajo()]))),
        &head,
        on,
        &legacy(),
    );
    assert_eq!(
        errors(refused(&refused_short)),
        [(LEG_INST_01, Finding::LegacyBodyNotContinuousOrFiveYears)]
    );
    // Continuous: allowed.
    short
        .decide(
            &establish(true, body_decision(heads_of(&[sidrap(), wajo()]))),
            &head,
            on,
            &legacy(),
        )
        .expect("continuous");
    // The heads' joint decision: a Sekda's signature is not a head's; every region signs.
    let mut sekda = heads_of(&[sidrap(), wajo()]);
    sekda[1].capacity = SignatoryCapacity::Sekda;
    let by_sekda = short.decide(&establish(true, body_decision(sekda)), &head, on, &legacy());
    assert!(matches!(
        errors(refused(&by_sekda)).as_slice(),
        [(LEG_INST_01, Finding::LegacyBodyDecisionNotByHead { .. })]
    ));
    let one_head = short.decide(
        &establish(true, body_decision(heads_of(&[sidrap()]))),
        &head,
        on,
        &legacy(),
    );
    assert_eq!(
        errors(refused(&one_head)),
        [(
            LEG_INST_01,
            Finding::NotSigned {
                party: PartyId::Region(wajo())
            }
        )]
    );
    // C10 (ten years) has its body.
    let c10 = c10_in_force();
    assert!(
        c10.legacy()
            .cooperation_body()
            .is_some_and(|b| b.continuous)
    );
    // A cooperation with a third party has no body (Pasal 24: with other regions).
    let ksdpk = run(&legacy_in_force(0x55, &[sidrap()], true, 10));
    assert!(matches!(
        refused(&ksdpk.decide(
            &establish(true, body_decision(heads_of(&[sidrap()]))),
            &head,
            on,
            &legacy()
        )),
        Rejection::NotAllowedHere { .. }
    ));
}

// ---------------------------------------------------------------------------------------------
// Case C10 (RULES.md §13.2) on 2024-08-14
// ---------------------------------------------------------------------------------------------

#[test]
fn c10_expected_values_on_2024_08_14() {
    let as_of = d(2024, 8, 14);
    let scenario = sample::c10_legacy();
    assert_eq!(scenario.case, "C10");
    assert_eq!(
        scenario.rules().expect("rules").reference.id,
        RuleSetId::Pp50_2007
    );
    let log = scenario.record_log().expect("log");
    let replayed = audit::replay(&log, &RuleSetRegistry::standard()).expect("replays");
    let state = Cooperation::as_of(log.iter().flat_map(|e| e.events.iter()), as_of)
        .expect("registered by then");
    assert_eq!(state, replayed.state);
    // Rule set: legacy.
    assert_eq!(state.rule_set(), Some(legacy().reference));
    assert_eq!(
        state.kind(),
        Some(&CooperationKind::Ksdd { category: None })
    );
    assert_eq!(state.stage(), Stage::InForce);
    // Governing end: the PKS, to 2026-12-11; 849 days left.
    assert_eq!(
        state.governing_document().map(|doc| doc.id.0.as_str()),
        Some("PKS-DANAU-2016")
    );
    assert_eq!(state.governing_end(), Some(d(2026, 12, 11)));
    assert_eq!(
        state.pks().first().and_then(|p| p.term),
        Some(sample::c10_legacy_pks_term())
    );
    // In force under both windows.
    for window in [Period::Days(90), Period::Months(3)] {
        let mut policy = Policy::default();
        policy.expiring_soon = window;
        let view = time::validity(&state, as_of, &policy);
        assert_eq!(view.overall, Validity::InForce, "{window:?}");
        assert_eq!(view.days_left, Some(849), "{window:?}");
    }
    // No legacy evaluation cadence: nothing owed, nothing due.
    let due = time::evaluations_due(&state, 2024, as_of, &legacy().policy);
    assert_eq!((due.done, due.required), (0, 0));
    let deadlines = time::deadlines(&state, as_of, &legacy().policy, None).expect("deadlines");
    assert!(deadlines.iter().all(|dl| dl.rule != KSD_IMPL_03));
    // Only LEG rules were checked: no KSD-* warning, and none at all.
    assert!(state.warnings().is_empty(), "{:?}", state.warnings());
}

// ---------------------------------------------------------------------------------------------
// Bad input: typed errors naming rule, field and party, never a panic
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_legacy_input_is_a_typed_error_naming_the_rule_the_field_and_the_party() {
    let c10 = c10_in_force();
    let clerk = sample::clerk(sidrap());
    let on = d(2024, 8, 14);
    let parepare = sample::parepare();
    // A notice by a party that is not one.
    let stranger = TerminationNotice::new(parepare, "1/2024", d(2024, 7, 1)).with_risks_borne(true);
    assert_eq!(
        c10.decide(
            &Command::TerminateEarly { notice: stranger },
            &clerk,
            on,
            &legacy()
        ),
        Err(Rejection::InvalidInput {
            field: "notice.party".into(),
            message: format!("{parepare} is not a party"),
            rule: Some(LEG_TERM_02)
        })
    );
    // A notice dated after the command.
    let later = TerminationNotice::new(wajo(), "1/2024", d(2024, 9, 1)).with_risks_borne(true);
    assert!(matches!(
        c10.decide(&Command::TerminateEarly { notice: later }, &clerk, on, &legacy()),
        Err(Rejection::InvalidInput { field, rule: Some(LEG_TERM_02), .. }) if field == "notice.given_on"
    ));
    // A deemed approval for a region that is no party.
    let awaiting = c10_before(CommandKind::RecordDeemedApproval);
    assert!(matches!(
        awaiting.coop.decide(
            &Command::RecordDeemedApproval { region: parepare },
            &sample::clerk(wajo()),
            d(2016, 9, 26),
            &legacy()
        ),
        Err(Rejection::InvalidInput { field, rule: Some(LEG_DPRD_02), .. }) if field == "region"
    ));
    // A body decision signed for a region that is no party.
    let decision = body_decision_on(heads_of(&[sidrap(), parepare]), on);
    assert!(matches!(
        c10.decide(
            &Command::EstablishCooperationBody { continuous: true, decision },
            &sample::head(sidrap()),
            on,
            &legacy()
        ),
        Err(Rejection::InvalidInput { field, .. }) if field == "document.signatories[1].party"
    ));
    // The wrong office: a DPRD cannot record copies; an OPD cannot give a DPRD's opinion.
    assert!(matches!(
        c10.decide(
            &Command::RecordCopiesSent {
                document: "PKS-DANAU-2016".into(),
                recipients: vec![CopyRecipient::Dprd]
            },
            &sample::dprd(sidrap()),
            on,
            &legacy()
        ),
        Err(Rejection::ActorNotAuthorised {
            rule: LEG_DPRD_03,
            ..
        })
    ));
    let opinion_stage = c10_before(CommandKind::RecordDprdOpinion);
    assert!(matches!(
        opinion_stage.coop.decide(
            &Command::RecordDprdOpinion {
                reference: "x".into()
            },
            &sample::opd(wajo(), "Dinas"),
            d(2016, 8, 15),
            &legacy()
        ),
        Err(Rejection::ActorNotAuthorised {
            rule: LEG_DPRD_02,
            ..
        })
    ));
    // Unknown wire values are typed decode errors.
    assert!(serde_json::from_str::<RuleSetId>("\"pp50_2007\"").is_err());
    assert!(serde_json::from_str::<CopyRecipient>("\"president\"").is_err());
    assert!(
        serde_json::from_value::<Command>(
            serde_json::json!({"command": "resubmit_to_dprd", "region": "73.13"})
        )
        .is_err()
    );
}

#[test]
fn every_legacy_command_and_event_round_trips_and_existing_shapes_are_unchanged() {
    for step in sample::c10_legacy().steps {
        let json = serde_json::to_string(&step.command).expect("json");
        assert_eq!(
            serde_json::from_str::<Command>(&json).expect("back"),
            step.command
        );
    }
    // The new optional fields are absent from the wire when unused.
    let gate = serde_json::to_value(DprdGate::not_required("x")).expect("json");
    assert_eq!(
        gate,
        serde_json::json!({
            "burdens_community": false,
            "burdens_region": false,
            "not_budgeted_in_current_apbd": false,
            "justification": "x"
        })
    );
    let letter = serde_json::to_value(OfferLetter::new(
        "1",
        Signatory::head(sidrap(), "B", "Bupati"),
    ))
    .expect("json");
    assert!(letter.get("plan").is_none() && letter.get("copied_to").is_none());
    let state = serde_json::to_value(
        sample::c06_landfill()
            .run(&RuleSet::current())
            .expect("C06"),
    )
    .expect("json");
    assert!(state.get("legacy").is_none());
    let c10 = serde_json::to_value(c10_in_force()).expect("json");
    assert!(c10.get("legacy").is_some());
    assert_eq!(
        serde_json::from_value::<Cooperation>(c10).expect("back"),
        c10_in_force()
    );
}
