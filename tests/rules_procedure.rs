//! Procedure: the kerja sama wajib pre-stages (RULES.md §4.2) and the lifecycle stages (§4.1,
//! §4.6): for each rule id one step that violates it and the same step that satisfies it.

mod common;

use common::{
    Given, d, errors_of, fields_of, given, given_before, given_before_with, given_with,
    is_secondary, rules_with, warnings_of, without,
};
use kerjasama::law::Lang;
use kerjasama::law::{
    KSD_DPRD_01, KSD_STAGE_01, KSD_STAGE_02, KSD_STAGE_04, KSD_STAGE_05, KSD_WAJIB_01,
    KSD_WAJIB_02, KSD_WAJIB_03, RuleId, RuleSet, TkksdReviewPolicy,
};
use kerjasama::lifecycle::Finding;
use kerjasama::lifecycle::{Command, CommandKind, Cooperation, Rejection, Stage, rows_from};
use kerjasama::model::{
    Actor, CoordinationLevel, DocumentKind, DprdGate, KodeWilayah, Role, Track, coordination_level,
};
use kerjasama::sample::{self, Scenario, Step};

fn code(text: &str) -> KodeWilayah {
    text.parse().expect("a valid kode wilayah")
}

fn minister() -> Actor {
    Actor::central(Role::Minister, "Kementerian Dalam Negeri")
}

fn coordination(level: CoordinationLevel) -> Command {
    Command::HoldTechnicalCoordination { level }
}

// KSD-WAJIB-01: every region files its mapping of affairs before technical coordination.

#[test]
fn ksd_wajib_01_coordination_before_any_mapping_is_refused_for_every_region_pasal_5_1() {
    let given = given(sample::c06_landfill(), Stage::Mapping);
    let rejection = given.refused(
        &sample::governor(),
        d(2022, 11, 24),
        coordination(CoordinationLevel::Provincial),
        KSD_WAJIB_01,
    );
    let found = errors_of(&rejection, KSD_WAJIB_01, "Pasal 5 ayat (1)");
    // One violation (one per rule and field, issue 10) that lists the three regions.
    assert_eq!(found.len(), 1, "{rejection}");
    assert_eq!(found[0].count(), 3, "{rejection}");
    for region in ["73.14", "73.72", "73.15"] {
        assert!(
            found.iter().any(|v| v.message(Lang::En).contains(region)),
            "{region} missing in {rejection}"
        );
    }
}

#[test]
fn ksd_wajib_01_coordination_with_one_mapping_missing_names_that_region() {
    let given = given_before(sample::c06_landfill(), CommandKind::FileMapping)
        .advance()
        .advance()
        .skip();
    let rejection = given.next_refused(|_| {}, KSD_WAJIB_01);
    let found = errors_of(&rejection, KSD_WAJIB_01, "Pasal 5 ayat (1)");
    assert_eq!(found.len(), 1, "{rejection}");
    assert!(
        found[0].message(Lang::En).contains("73.15"),
        "{}",
        found[0].message(Lang::En)
    );
}

#[test]
fn ksd_wajib_01_coordination_after_every_region_filed_its_mapping_is_accepted() {
    let given = given_before(
        sample::c06_landfill(),
        CommandKind::HoldTechnicalCoordination,
    );
    let after = given.when_next(|_| {}).accepted_without(KSD_WAJIB_01);
    assert_eq!(after.stage(), Stage::TechnicalCoordination);
}

// KSD-WAJIB-02: provincial coordination for kab/kota of one province, national otherwise.

#[test]
fn coordination_level_is_provincial_only_for_kab_kota_of_one_province() {
    let level = |codes: &[&str]| {
        let codes: Vec<KodeWilayah> = codes.iter().map(|c| code(c)).collect();
        coordination_level(&codes)
    };
    use CoordinationLevel::{National, Provincial};
    assert_eq!(level(&["73.14", "73.72", "73.15"]), Provincial);
    assert_eq!(level(&["73.14", "73.72"]), Provincial);
    assert_eq!(level(&["73.14", "74.13"]), National); // kab/kota of two provinces
    assert_eq!(level(&["73.14", "73.15", "73"]), National); // with their own province
    assert_eq!(level(&["73", "73.14"]), National); // province listed first
    assert_eq!(level(&["73", "74"]), National); // province with province
    assert_eq!(level(&["73", "74.08"]), National); // province with another's kab
    assert_eq!(level(&["73.24", "74.08"]), National);
}

#[test]
fn ksd_wajib_02_provincial_parties_coordinated_at_national_level_are_refused_pasal_5_2() {
    let given = given_before(
        sample::c06_landfill(),
        CommandKind::HoldTechnicalCoordination,
    );
    let rejection = given.next_refused(
        |s| s.command = coordination(CoordinationLevel::National),
        KSD_WAJIB_02,
    );
    let found = errors_of(&rejection, KSD_WAJIB_02, "Pasal 5 ayat (2)");
    assert_eq!(found[0].field.as_deref(), Some("level"));
    assert_eq!(
        found[0].finding,
        Finding::WrongCoordinationLevel {
            required: CoordinationLevel::Provincial
        }
    );
    assert!(found[0].message(Lang::Id).contains("tingkat provinsi"));
}

#[test]
fn ksd_wajib_02_parties_with_a_province_coordinated_at_provincial_level_are_refused() {
    let given = given_before(sample::c07_water(), CommandKind::HoldTechnicalCoordination);
    let rejection = given.next_refused(
        |s| {
            s.actor = sample::governor();
            s.command = coordination(CoordinationLevel::Provincial);
        },
        KSD_WAJIB_02,
    );
    let found = errors_of(&rejection, KSD_WAJIB_02, "Pasal 5 ayat (2)");
    assert_eq!(
        found[0].finding,
        Finding::WrongCoordinationLevel {
            required: CoordinationLevel::National
        }
    );
    assert!(found[0].message(Lang::Id).contains("tingkat nasional"));
}

#[test]
fn ksd_wajib_02_kab_kota_of_one_province_coordinated_at_provincial_level_are_accepted() {
    let given = given_before(
        sample::c06_landfill(),
        CommandKind::HoldTechnicalCoordination,
    );
    let next = given.next_step();
    assert_eq!(next.command, coordination(CoordinationLevel::Provincial));
    given.when_next(|_| {}).accepted_without(KSD_WAJIB_02);
}

#[test]
fn ksd_wajib_02_parties_with_a_province_coordinated_at_national_level_are_accepted() {
    let given = given_before(sample::c07_water(), CommandKind::HoldTechnicalCoordination);
    let then = given.when(
        &minister(),
        d(2024, 3, 18),
        coordination(CoordinationLevel::National),
    );
    assert_eq!(
        then.accepted_without(KSD_WAJIB_02).stage(),
        Stage::TechnicalCoordination
    );
}

// KSD-WAJIB-03: the heads of all cooperating regions agree the coordination outcome.

fn heads_agreement(change: impl FnOnce(&mut kerjasama::model::Document)) -> impl FnOnce(&mut Step) {
    move |s: &mut Step| {
        if let Command::SignHeadsAgreement { document } = &mut s.command {
            change(document);
        }
    }
}

#[test]
fn ksd_wajib_03_a_heads_agreement_without_one_head_is_refused_pasal_5_3() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignHeadsAgreement);
    let rejection = given.next_refused(
        heads_agreement(|doc| {
            doc.signatories.pop();
            doc.numbers.pop();
        }),
        KSD_WAJIB_03,
    );
    let found = errors_of(&rejection, KSD_WAJIB_03, "Pasal 5 ayat (3)");
    assert_eq!(found.len(), 1, "{rejection}");
    assert!(found[0].message(Lang::En).contains("73.15"));
    assert_eq!(found[0].field.as_deref(), Some("document.signatories"));
}

#[test]
fn ksd_wajib_03_a_document_that_is_not_a_heads_agreement_is_refused() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignHeadsAgreement);
    let rejection = given.next_refused(
        heads_agreement(|doc| doc.kind = DocumentKind::Kb),
        KSD_WAJIB_03,
    );
    assert_eq!(
        fields_of(&rejection, KSD_WAJIB_03),
        vec![Some("document.kind".to_owned())]
    );
}

#[test]
fn ksd_wajib_03_a_heads_agreement_signed_by_every_head_is_accepted() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignHeadsAgreement);
    let after = given.when_next(|_| {}).accepted_without(KSD_WAJIB_03);
    assert_eq!(after.stage(), Stage::HeadsAgreed);
}

// KSD-STAGE-01 / -02: the stages a–j in order, for KSDD and (mutatis mutandis) KSDPK.

fn scripted(scenario: Scenario, kind: CommandKind) -> Command {
    scenario
        .steps
        .into_iter()
        .find(|s| s.command.kind() == kind)
        .map(|s| s.command)
        .expect("a scripted step of that kind")
}

/// Asserts an out-of-order refusal citing `rule` whose `allowed` list is the table's rows.
fn assert_not_allowed_here(rejection: &Rejection, stage: Stage, track: Track, rule: RuleId) {
    match rejection {
        Rejection::NotAllowedHere {
            stage: at,
            allowed,
            rule: cited,
            ..
        } => {
            assert_eq!(*at, stage);
            assert_eq!(*cited, rule);
            let rows: Vec<CommandKind> = rows_from(stage, track).map(|t| t.command).collect();
            assert_eq!(allowed, &rows);
            assert!(!allowed.is_empty());
        }
        other => panic!("expected NotAllowedHere, got {other}"),
    }
    let citation = rule.citation().to_string();
    assert!(!rejection.to_string().is_empty());
    assert!(citation.contains("Pasal"), "{citation}");
}

#[test]
fn ksd_stage_01_signing_the_kb_during_preparation_is_not_allowed_here_pasal_6_1() {
    let given = given(sample::c03_rice(), Stage::Preparation);
    let sign_kb = scripted(sample::c01_commodities(), CommandKind::SignKb);
    let rejection = given.refused(
        &sample::clerk(sample::sidrap()),
        d(2024, 3, 1),
        sign_kb,
        KSD_STAGE_01,
    );
    assert_not_allowed_here(
        &rejection,
        Stage::Preparation,
        Track::KsddSukarela,
        KSD_STAGE_01,
    );
    assert!(
        KSD_STAGE_01
            .citation()
            .to_string()
            .contains("Pasal 6 ayat (1)")
    );
}

#[test]
fn ksd_stage_01_a_wajib_cannot_skip_its_pre_stages_to_preparation() {
    let given = given(sample::c06_landfill(), Stage::Draft);
    let opd = sample::opd(sample::sidrap(), "Dinas Lingkungan Hidup");
    let rejection = given.refused(&opd, d(2022, 9, 1), Command::StartPreparation, KSD_STAGE_01);
    assert_not_allowed_here(&rejection, Stage::Draft, Track::KsddWajib, KSD_STAGE_01);
    match &rejection {
        Rejection::NotAllowedHere { allowed, .. } => {
            assert!(allowed.contains(&CommandKind::BeginWajibProcedure));
            assert!(!allowed.contains(&CommandKind::StartPreparation));
        }
        other => panic!("{other}"),
    }
}

#[test]
fn ksd_stage_01_any_command_before_registration_is_not_allowed_here() {
    let given = given_before(sample::c03_rice(), CommandKind::Register);
    let clerk = sample::clerk(sample::sidrap());
    let rejection = given.refused(
        &clerk,
        d(2024, 2, 21),
        Command::StartPreparation,
        KSD_STAGE_01,
    );
    assert_not_allowed_here(
        &rejection,
        Stage::Unregistered,
        Track::KsddSukarela,
        KSD_STAGE_01,
    );
    match rejection {
        Rejection::NotAllowedHere { allowed, .. } => {
            assert_eq!(allowed, vec![CommandKind::Register])
        }
        other => panic!("{other}"),
    }
}

#[test]
fn ksd_stage_01_entry_into_force_before_the_pks_takes_effect_is_refused() {
    let later_start = |s: &mut Step| {
        if let Command::SignPks { document } = &mut s.command {
            document.term = kerjasama::model::Term::years(d(2023, 8, 1), 5);
        }
    };
    let mut scenario = sample::c06_landfill();
    for step in &mut scenario.steps {
        if step.command.kind() == CommandKind::SignPks {
            later_start(step);
        }
    }
    let given = given_before(scenario, CommandKind::EnterIntoForce);
    let rejection = given.next_refused(|_| {}, KSD_STAGE_01);
    let found = errors_of(&rejection, KSD_STAGE_01, "Pasal 6 ayat (1)");
    assert_eq!(found[0].field.as_deref(), Some("occurred_on"));
    let after = given
        .when_next(|s| s.on = d(2023, 8, 1))
        .accepted_without(KSD_STAGE_01);
    assert_eq!(after.stage(), Stage::InForce);
}

/// Runs `scenario`, checking before each step that the table allows its command here.
fn run_following_the_table(scenario: Scenario, rules: &RuleSet) -> Cooperation {
    let mut coop = Cooperation::new();
    for step in &scenario.steps {
        let allowed = coop.allowed_commands(&step.actor, step.on, rules);
        assert!(
            allowed.iter().any(|a| a.command == step.command.kind()),
            "{}: {:?} not allowed at {:?}",
            scenario.case,
            step.command.kind(),
            coop.stage()
        );
        coop.execute(&step.command, &step.actor, step.on, rules)
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.case));
    }
    coop
}

#[test]
fn ksd_stage_01_a_ksdd_that_follows_stages_a_to_h_in_order_is_accepted() {
    for scenario in [sample::c01_commodities(), sample::c06_landfill()] {
        let coop = run_following_the_table(scenario, &common::rules());
        assert_eq!(coop.stage(), Stage::InForce);
    }
    let given = given(sample::c03_rice(), Stage::Preparation);
    let attest = scripted(sample::c01_commodities(), CommandKind::AttestLawfulness);
    given
        .when(&sample::clerk(sample::sidrap()), d(2024, 3, 1), attest)
        .accepted_without(KSD_STAGE_01);
}

#[test]
fn ksd_stage_02_signing_the_kb_during_ksdpk_preparation_is_not_allowed_here_pasal_19_1() {
    let given = given(sample::c08_referral(), Stage::Preparation);
    let sign_kb = scripted(sample::c08_referral(), CommandKind::SignKb);
    let rejection = given.refused(
        &sample::clerk(sample::sidrap()),
        d(2021, 7, 2),
        sign_kb,
        KSD_STAGE_02,
    );
    assert_not_allowed_here(
        &rejection,
        Stage::Preparation,
        Track::KsdpkRegion,
        KSD_STAGE_02,
    );
    assert!(
        KSD_STAGE_02
            .citation()
            .to_string()
            .contains("Pasal 19 ayat (1)")
    );
}

#[test]
fn ksd_stage_02_an_offer_by_the_region_on_a_third_party_proposal_is_not_allowed_here() {
    let given = given(sample::c09_tourism(), Stage::ProposalReceived);
    let offer = scripted(sample::c08_referral(), CommandKind::SendOffer);
    let rejection = given.refused(
        &sample::head(sample::sidrap()),
        d(2024, 7, 2),
        offer,
        KSD_STAGE_02,
    );
    assert_not_allowed_here(
        &rejection,
        Stage::ProposalReceived,
        Track::KsdpkThirdParty,
        KSD_STAGE_02,
    );
}

#[test]
fn ksd_stage_02_a_ksdpk_that_follows_the_same_stages_in_order_is_accepted() {
    let coop = run_following_the_table(sample::c08_referral(), &common::rules());
    assert_eq!(coop.stage(), Stage::InForce);
    let coop = run_following_the_table(sample::c09_tourism(), &common::rules());
    assert_eq!(coop.stage(), Stage::ProposalReceived);
}

// KSD-STAGE-04: TKKSD review before the offer and each signing, per `tkksd_review`.

fn offer_without_review(policy: TkksdReviewPolicy) -> Given {
    let rules = rules_with(|p| p.tkksd_review = policy);
    let scenario = without(sample::c02_food(), CommandKind::RecordTkksdReview);
    given_before_with(scenario, CommandKind::SendOffer, rules)
}

#[test]
fn ksd_stage_04_an_offer_without_tkksd_review_is_not_checked_when_off() {
    let given = offer_without_review(TkksdReviewPolicy::Off);
    let after = given.when_next(|_| {}).accepted_without(KSD_STAGE_04);
    assert_eq!(after.stage(), Stage::OfferSent);
}

#[test]
fn ksd_stage_04_an_offer_without_tkksd_review_is_a_warning_by_default() {
    assert_eq!(
        kerjasama::law::Policy::default().tkksd_review,
        TkksdReviewPolicy::RequiredWarn
    );
    assert!(is_secondary(KSD_STAGE_04));
    let given = offer_without_review(TkksdReviewPolicy::RequiredWarn);
    let then = given.when_next(|_| {});
    let warnings = warnings_of(&then, KSD_STAGE_04, "harga.me");
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        warnings[0].finding,
        Finding::TkksdReviewMissing {
            point: kerjasama::model::ReviewPoint::Offer
        }
    );
    assert_eq!(then.accepted().stage(), Stage::OfferSent);
}

#[test]
fn ksd_stage_04_an_offer_without_tkksd_review_is_refused_when_required_error() {
    let given = offer_without_review(TkksdReviewPolicy::RequiredError);
    let rejection = given.next_refused(|_| {}, KSD_STAGE_04);
    let found = errors_of(&rejection, KSD_STAGE_04, "harga.me");
    assert_eq!(found.len(), 1);
}

#[test]
fn ksd_stage_04_signing_the_kb_without_tkksd_review_is_refused_when_required_error() {
    let rules = rules_with(|p| p.tkksd_review = TkksdReviewPolicy::RequiredError);
    let scenario = common::without_steps(sample::c02_food(), |s| {
        matches!(
            &s.command,
            Command::RecordTkksdReview { review }
                if review.point == kerjasama::model::ReviewPoint::KbSigning
        )
    });
    let given = given_before_with(scenario, CommandKind::SignKb, rules);
    let rejection = given.next_refused(|_| {}, KSD_STAGE_04);
    assert_eq!(
        errors_of(&rejection, KSD_STAGE_04, "harga.me")[0].finding,
        Finding::TkksdReviewMissing {
            point: kerjasama::model::ReviewPoint::KbSigning
        }
    );
}

#[test]
fn ksd_stage_04_the_missing_review_is_named_by_the_step_it_precedes() {
    use kerjasama::model::ReviewPoint;
    for (point, id, en) in [
        (
            ReviewPoint::Offer,
            "belum ada pembahasan TKKSD sebelum penawaran",
            "no TKKSD review yet before the offer",
        ),
        (
            ReviewPoint::KbSigning,
            "belum ada pembahasan TKKSD sebelum penandatanganan kesepakatan bersama",
            "no TKKSD review yet before the KB is signed",
        ),
        (
            ReviewPoint::PksSigning,
            "belum ada pembahasan TKKSD sebelum penandatanganan perjanjian kerja sama",
            "no TKKSD review yet before the PKS is signed",
        ),
    ] {
        let finding = Finding::TkksdReviewMissing { point };
        assert_eq!(finding.text(Lang::Id), id);
        assert_eq!(finding.text(Lang::En), en);
    }
}

#[test]
fn ksd_stage_04_an_offer_and_kb_after_tkksd_review_are_accepted_even_when_required_error() {
    let rules = rules_with(|p| p.tkksd_review = TkksdReviewPolicy::RequiredError);
    let given = given_before_with(sample::c02_food(), CommandKind::SendOffer, rules.clone());
    given.when_next(|_| {}).accepted_without(KSD_STAGE_04);
    let given = given_before_with(sample::c02_food(), CommandKind::SignKb, rules);
    given.when_next(|_| {}).accepted_without(KSD_STAGE_04);
}

// KSD-STAGE-05: a PKS follows a KB unless `allow_pks_without_kb`.

fn gate(not_budgeted: bool) -> DprdGate {
    DprdGate::not_required(if not_budgeted {
        "belum dianggarkan dalam APBD 2024"
    } else {
        "dianggarkan dalam DPA Dinas Ketahanan Pangan 2024"
    })
    .with_not_budgeted(not_budgeted)
}

/// C02 with the offer accepted and both gates assessed, no KB signed.
fn offer_accepted_with_gates(rules: RuleSet, palopo_not_budgeted: bool) -> Given {
    let (s, plp) = (sample::sidrap(), sample::palopo());
    given_with(sample::c02_food(), Stage::OfferAccepted, rules)
        .then_do(
            &sample::clerk(s),
            d(2024, 3, 5),
            Command::AssessDprdGate {
                region: s,
                gate: gate(false),
            },
        )
        .then_do(
            &sample::clerk(plp),
            d(2024, 3, 5),
            Command::AssessDprdGate {
                region: plp,
                gate: gate(palopo_not_budgeted),
            },
        )
}

fn opd() -> Actor {
    sample::opd(sample::sidrap(), "Dinas Ketahanan Pangan")
}

#[test]
fn ksd_stage_05_pks_drafting_without_a_kb_is_refused_by_default() {
    assert!(!kerjasama::law::Policy::default().allow_pks_without_kb);
    assert!(is_secondary(KSD_STAGE_05));
    let given = offer_accepted_with_gates(common::rules(), false);
    let rejection = given.refused(
        &opd(),
        d(2024, 3, 6),
        Command::StartPksDrafting,
        KSD_STAGE_05,
    );
    let found = errors_of(&rejection, KSD_STAGE_05, "kompasiana");
    assert_eq!(found.len(), 1);
    assert_eq!(rejection.rules(), vec![KSD_STAGE_05], "{rejection}");
}

#[test]
fn ksd_stage_05_pks_drafting_without_a_kb_is_accepted_when_allowed_and_no_gate_is_true() {
    let rules = rules_with(|p| p.allow_pks_without_kb = true);
    let given = offer_accepted_with_gates(rules, false);
    let then = given.when(&opd(), d(2024, 3, 6), Command::StartPksDrafting);
    let after = then.accepted_without(KSD_STAGE_05);
    assert_eq!(after.stage(), Stage::PksDrafting);
    assert!(after.kb().is_none());
}

#[test]
fn ksd_stage_05_pks_drafting_without_a_kb_still_needs_the_dprd_when_a_gate_is_true() {
    let rules = rules_with(|p| p.allow_pks_without_kb = true);
    let given = offer_accepted_with_gates(rules, true);
    let rejection = given.refused(
        &opd(),
        d(2024, 3, 6),
        Command::StartPksDrafting,
        KSD_DPRD_01,
    );
    assert!(
        fields_of(&rejection, KSD_STAGE_05).is_empty(),
        "{rejection}"
    );
    let head = sample::head(sample::sidrap());
    let after = given
        .when(&head, d(2024, 3, 6), Command::SubmitToDprd)
        .accepted_without(KSD_STAGE_05);
    assert_eq!(after.stage(), Stage::AwaitingDprd);
}

#[test]
fn ksd_stage_05_pks_drafting_after_the_kb_is_accepted_by_default() {
    let given = given_before(sample::c02_food(), CommandKind::StartPksDrafting);
    assert!(given.coop.kb().is_some());
    let after = given.when_next(|_| {}).accepted_without(KSD_STAGE_05);
    assert_eq!(after.stage(), Stage::PksDrafting);
}
