//! Duration and ending (KSD-TERM-01, -02, -03, -05, -06, -08), kerja sama wajib enforcement
//! (KSD-ENF-01..04, -08) and disputes (KSD-DISP-01, -02).

mod common;
mod tracks;

use common::{Given, d, given, given_before, given_before_with, rules_with};
use kerjasama::law::Lang;
use kerjasama::law::{
    KSD_DISP_01, KSD_DISP_02, KSD_ENF_01, KSD_ENF_02, KSD_ENF_03, KSD_ENF_04, KSD_ENF_08,
    KSD_TERM_01, KSD_TERM_02, KSD_TERM_03, KSD_TERM_05, KSD_TERM_06, KSD_TERM_08, MonthOverflow,
    Period, RuleId, SectorTermOverride, TermSector,
};
use kerjasama::lifecycle::Finding;
use kerjasama::lifecycle::{
    Command, CommandKind, EndGround, GroundEvidence, ParseEndGroundError, Rejection, Stage,
};
use kerjasama::model::{
    Actor, Clause, Consent, DisputeForum, DocumentId, DocumentKind, KodeWilayah, Party, PartyId,
    Record, Role, Takeover, TakeoverBy, Term, Urusan,
};
use kerjasama::sample::{self, clerk, governor, head, parepare, pinrang, sidrap, sulsel};

fn terminate(grounds: &[EndGround]) -> Command {
    Command::terminate(grounds.iter().copied())
}

/// Ending `given` on `grounds` on `on`, with what each ground carries from rule-set version
/// 3 on: the consent of every party for ground (c), the evidence of grounds (d)-(g).
fn ending(given: &Given, grounds: &[EndGround], on: chrono::NaiveDate) -> Command {
    let parties: Vec<PartyId> = given
        .coop
        .spec()
        .expect("registered")
        .parties
        .iter()
        .filter_map(Party::id)
        .collect();
    let consents = if grounds.contains(&EndGround::MutualAgreement) {
        parties
            .into_iter()
            .map(|party| {
                Consent::new(
                    party,
                    "kepala daerah (fiktif)",
                    on,
                    "surat persetujuan (fiktif)",
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let evidence = grounds
        .iter()
        .filter(|g| {
            matches!(
                g,
                EndGround::PolicyChange
                    | EndGround::ObjectLost
                    | EndGround::CourtJudgment
                    | EndGround::Bankruptcy
            )
        })
        .map(|g| GroundEvidence::new(*g, Record::new(on, "bukti (fiktif)")))
        .collect();
    Command::Terminate {
        grounds: grounds.to_vec(),
        consents,
        evidence,
        notice: None,
    }
}

fn errors_of(rejection: &Rejection, rule: RuleId) -> Vec<String> {
    rejection
        .violations()
        .iter()
        .filter(|v| v.rule == rule && v.is_error())
        .map(|v| {
            v.field
                .clone()
                .unwrap_or_else(|| v.message(Lang::En).clone())
        })
        .collect()
}

/// C06 in force: PKS 2023-07-03 to 2028-07-02.
fn c06_in_force() -> Given {
    given(sample::c06_landfill(), Stage::InForce)
}

/// C08 in force: PKS 2021-11-15 to 2024-11-14.
fn c08_in_force() -> Given {
    given(sample::c08_referral(), Stage::InForce)
}

// KSD-TERM-01: the five grounds of Pasal 9 ayat (1).

#[test]
fn ksd_term_01_a_ksdd_ends_on_each_ground_a_to_e_pasal_9_1() {
    let given = c06_in_force();
    let cases = [
        (EndGround::TermExpired, d(2028, 7, 3)),
        (EndGround::ObjectiveAchieved, d(2026, 1, 5)),
        (EndGround::MutualAgreement, d(2025, 3, 1)),
        (EndGround::PolicyChange, d(2024, 9, 9)),
        (EndGround::ObjectLost, d(2024, 12, 24)),
    ];
    for (ground, on) in cases {
        let after = given
            .when(&head(sidrap()), on, ending(&given, &[ground], on))
            .accepted();
        assert_eq!(after.stage(), Stage::Ended, "{ground:?}");
        assert_eq!(after.end_grounds(), &[ground]);
    }
}

#[test]
fn ksd_term_01_several_grounds_may_be_recorded_together() {
    let grounds = [EndGround::ObjectiveAchieved, EndGround::MutualAgreement];
    let given = c06_in_force();
    let after = given
        .when(
            &clerk(sidrap()),
            d(2026, 1, 5),
            ending(&given, &grounds, d(2026, 1, 5)),
        )
        .accepted();
    assert_eq!(after.end_grounds(), &grounds);
}

#[test]
fn ksd_term_01_expiry_is_recorded_only_after_the_last_day_of_the_term() {
    let given = c06_in_force();
    for on in [d(2024, 8, 14), d(2028, 7, 2)] {
        given
            .when(&clerk(sidrap()), on, Command::RecordExpiry)
            .refused_citing(KSD_TERM_01);
        given
            .when(&head(sidrap()), on, terminate(&[EndGround::TermExpired]))
            .refused_citing(KSD_TERM_01);
    }
    let after = given
        .when(&clerk(sidrap()), d(2028, 7, 3), Command::RecordExpiry)
        .accepted();
    assert_eq!(after.stage(), Stage::Ended);
    assert_eq!(after.end_grounds(), &[EndGround::TermExpired]);
}

#[test]
fn ksd_term_01_termination_without_a_ground_is_invalid_input() {
    let then = c06_in_force().when(&head(sidrap()), d(2025, 1, 1), terminate(&[]));
    let rejection = then.refused_citing(KSD_TERM_01);
    assert!(matches!(rejection, Rejection::InvalidInput { field, .. } if field == "grounds"));
}

// KSD-TERM-02: court judgment and bankruptcy, KSDPK only (Pasal 22).

#[test]
fn ksd_term_02_court_judgment_and_bankruptcy_are_refused_for_a_ksdd() {
    let given = c06_in_force();
    for ground in [EndGround::CourtJudgment, EndGround::Bankruptcy] {
        let then = given.when(&head(sidrap()), d(2025, 1, 1), terminate(&[ground]));
        let rejection = then.refused_citing(KSD_TERM_02);
        assert!(
            rejection
                .violations()
                .iter()
                .any(|v| v.finding == Finding::GroundOnlyForKsdpk { ground }),
            "{rejection}"
        );
    }
    // Also when recorded beside a valid ground.
    given
        .when(
            &head(sidrap()),
            d(2025, 1, 1),
            terminate(&[EndGround::MutualAgreement, EndGround::Bankruptcy]),
        )
        .refused_citing(KSD_TERM_02);
}

#[test]
fn ksd_term_02_the_refusal_names_the_ground_given() {
    let given = c06_in_force();
    let then = given.when(
        &head(sidrap()),
        d(2025, 1, 1),
        terminate(&[EndGround::CourtJudgment]),
    );
    let rejection = then.refused_citing(KSD_TERM_02);
    let violation = rejection
        .violations()
        .iter()
        .find(|v| matches!(v.finding, Finding::GroundOnlyForKsdpk { .. }))
        .expect("the ground is refused for a KSDD");
    assert_eq!(violation.rule, KSD_TERM_02);
    assert_eq!(
        violation.finding.text(Lang::En),
        "the ground \"a final court judgment\" applies to KSDPK only"
    );
    assert_eq!(
        violation.finding.text(Lang::Id),
        "dasar \"putusan pengadilan yang berkekuatan hukum tetap\" hanya berlaku untuk kerja sama dengan pihak ketiga"
    );
}

#[test]
fn ksd_term_02_a_ksdpk_ends_on_a_court_judgment_or_the_third_partys_bankruptcy_pasal_22() {
    let given = c08_in_force();
    for ground in [EndGround::CourtJudgment, EndGround::Bankruptcy] {
        let after = given
            .when(
                &head(sidrap()),
                d(2023, 5, 2),
                ending(&given, &[ground], d(2023, 5, 2)),
            )
            .accepted_without(KSD_TERM_02);
        assert_eq!(after.stage(), Stage::Ended);
        assert_eq!(after.end_grounds(), &[ground]);
    }
    // And on the five grounds shared with KSDD.
    let after = given
        .when(&clerk(sidrap()), d(2024, 11, 15), Command::RecordExpiry)
        .accepted();
    assert_eq!(after.end_grounds(), &[EndGround::TermExpired]);
}

// KSD-TERM-03: a change of leadership ends nothing (Pasal 9 ayat (2)).

#[test]
fn ksd_term_03_a_new_head_of_region_leaves_the_cooperation_in_force_and_the_documents_as_signed() {
    let given = c06_in_force();
    for party in [sidrap(), parepare()] {
        let after = given
            .when(
                &clerk(sidrap()),
                d(2025, 2, 20),
                Command::RecordLeadershipChange {
                    party: PartyId::Region(party),
                    new_office_holder: "Bupati/Wali Kota hasil Pilkada 2024 (fiktif)".into(),
                },
            )
            .accepted();
        assert_eq!(after.stage(), Stage::InForce);
        assert_eq!(after.kb(), given.coop.kb());
        assert_eq!(after.pks(), given.coop.pks());
        assert!(after.end_grounds().is_empty());
    }
}

#[test]
fn ksd_term_03_leadership_change_is_not_an_end_ground() {
    for text in ["leadership_change", "change_of_head", "new_head"] {
        let error = text.parse::<EndGround>().unwrap_err();
        assert!(
            matches!(error, ParseEndGroundError::LeadershipChange(_)),
            "{error:?}"
        );
        assert!(error.to_string().contains("KSD-TERM-03"), "{error}");
    }
}

#[test]
fn ksd_term_03_a_terminate_command_on_leadership_change_does_not_deserialise() {
    let json = r#"{"command":"terminate","grounds":["leadership_change"]}"#;
    let error = serde_json::from_str::<Command>(json).unwrap_err();
    assert!(error.to_string().contains("KSD-TERM-03"), "{error}");
    let valid = r#"{"command":"terminate","grounds":["mutual_agreement"]}"#;
    assert_eq!(
        serde_json::from_str::<Command>(valid).unwrap(),
        terminate(&[EndGround::MutualAgreement])
    );
}

#[test]
fn ksd_term_03_leadership_change_of_a_non_party_is_invalid_input() {
    let then = c06_in_force().when(
        &clerk(sidrap()),
        d(2025, 2, 20),
        Command::RecordLeadershipChange {
            party: PartyId::Region(sample::palopo()),
            new_office_holder: "Wali Kota Palopo".into(),
        },
    );
    assert!(matches!(
        then.refused_citing(KSD_TERM_03),
        Rejection::InvalidInput { .. }
    ));
}

// KSD-TERM-05, -07: maximum term, a [SECONDARY] warning.

#[test]
fn ksd_term_05_a_five_year_term_is_within_the_maximum() {
    for kind in [CommandKind::SignKb, CommandKind::SignPks] {
        let given = given_before(sample::c06_landfill(), kind);
        given.when_next(|_| {}).accepted_without(KSD_TERM_05);
    }
}

#[test]
fn ksd_term_05_a_six_year_term_is_a_warning_not_a_refusal() {
    for kind in [CommandKind::SignKb, CommandKind::SignPks] {
        let given = given_before(sample::c06_landfill(), kind);
        given
            .when_next(|step| {
                let doc = tracks::document_mut(step).unwrap();
                doc.term = Term::years(doc.signed_on, 6);
            })
            .accepted_with_warning(KSD_TERM_05);
    }
}

#[test]
fn ksd_term_05_a_urusan_override_of_20_years_silences_the_c07_water_warning() {
    let default = given_before(sample::c07_water(), CommandKind::Register);
    default.when_next(|_| {}).accepted_with_warning(KSD_TERM_05);
    let rules = rules_with(|p| {
        p.sector_max_term_overrides.push(SectorTermOverride {
            sector: TermSector::Urusan(Urusan::PekerjaanUmumPenataanRuang),
            max_years: 20,
        })
    });
    let with_override = given_before_with(sample::c07_water(), CommandKind::Register, rules);
    with_override
        .when_next(|_| {})
        .accepted_without(KSD_TERM_05);
    // The override is a limit too: 21 years still warns.
    with_override
        .when_next(|step| {
            if let Command::Register { spec } = &mut step.command {
                spec.proposed_term_years = Some(21);
            }
        })
        .accepted_with_warning(KSD_TERM_05);
}

// KSD-TERM-06: an extension started within `extension_lead_time` of the end.

/// C08 (PKS ending 2024-11-14) in force, with a six-month lead time under `overflow`.
fn c08_with_lead_time(overflow: MonthOverflow) -> Given {
    let rules = rules_with(|p| {
        p.extension_lead_time = Some(Period::Months(6));
        p.month_overflow = overflow;
    });
    common::given_with(sample::c08_referral(), Stage::InForce, rules)
}

fn record_extension(given: &Given, on: chrono::NaiveDate) -> common::Then {
    let successor = kerjasama::model::CooperationId(uuid::Uuid::from_u128(0x0108));
    given.when(
        &sample::opd(sidrap(), "Dinas Kesehatan"),
        on,
        Command::RecordExtension { successor },
    )
}

#[test]
fn ksd_term_06_the_lead_time_ends_on_the_same_day_of_the_month_six_months_before_the_end() {
    // Six months before 2024-11-14 is 2024-05-14, whatever the overflow policy: the day
    // exists in May, so neither policy moves it.
    for overflow in [MonthOverflow::NextDay, MonthOverflow::LastDayOfMonth] {
        let given = c08_with_lead_time(overflow);
        record_extension(&given, d(2024, 5, 14)).accepted_without(KSD_TERM_06);
        record_extension(&given, d(2024, 5, 15)).accepted_with_warning(KSD_TERM_06);
    }
}

#[test]
fn ksd_term_06_a_lead_time_counted_back_into_a_shorter_month_follows_the_overflow_policy() {
    // No 31 February: the last day of February, or the day after it, by policy.
    let end = d(2024, 3, 31);
    let month = Period::Months(1);
    assert_eq!(
        month.before(end, MonthOverflow::LastDayOfMonth),
        Some(d(2024, 2, 29))
    );
    assert_eq!(
        month.before(end, MonthOverflow::NextDay),
        Some(d(2024, 3, 1))
    );
    // A day that exists in the earlier month is kept under both policies.
    for overflow in [MonthOverflow::NextDay, MonthOverflow::LastDayOfMonth] {
        assert_eq!(
            Period::Months(6).before(d(2024, 11, 14), overflow),
            Some(d(2024, 5, 14))
        );
        assert_eq!(Period::Days(30).before(end, overflow), Some(d(2024, 3, 1)));
    }
}

// KSD-TERM-08: an addendum amends a document of this cooperation.

fn addendum(amends: &str, on: chrono::NaiveDate) -> Command {
    let mut document = tracks::signed(
        "ADD-TPA-2025",
        DocumentKind::Addendum,
        on,
        [sidrap(), parepare(), pinrang()]
            .into_iter()
            .map(tracks::head_signs)
            .collect(),
    );
    document.amends = Some(DocumentId(amends.into()));
    Command::SignAddendum { document }
}

#[test]
fn ksd_term_08_an_addendum_amending_a_document_that_does_not_exist_is_refused() {
    let on = d(2025, 4, 1);
    c06_in_force()
        .when(&clerk(sidrap()), on, addendum("PKS-TIDAK-ADA", on))
        .refused_citing(KSD_TERM_08);
}

#[test]
fn ksd_term_08_an_addendum_amending_the_pks_is_recorded_in_force() {
    let on = d(2025, 4, 1);
    let after = c06_in_force()
        .when(&clerk(sidrap()), on, addendum("PKS-TPA-2023", on))
        .accepted();
    assert_eq!(after.stage(), Stage::InForce);
    assert_eq!(after.addenda().len(), 1);
    assert_eq!(after.pks().len(), 1, "the PKS stays as signed");
}

// KSD-ENF-01..04: takeover of an unperformed kerja sama wajib (Pasal 10–11).

fn record(reference: &str, on: chrono::NaiveDate) -> Option<Record> {
    Some(Record::new(on, reference))
}

fn takeover(
    defaulting_region: KodeWilayah,
    by: TakeoverBy,
    guidance: bool,
    evaluation: bool,
    approval: bool,
) -> Command {
    Command::TakeOver {
        takeover: {
            // From rule-set version 3 each record names its issuer (the technical minister
            // or the governor; the Minister approves a governor's takeover) and the costs
            // are charged to the defaulting region (KSD-ENF-05).
            let issuer = match by {
                TakeoverBy::CentralGovernment => Role::TechnicalMinister,
                _ => Role::Governor,
            };
            let issued =
                |reference: &str, on, role| record(reference, on).map(|r| r.issued_by(role));
            let mut takeover =
                Takeover::new(defaulting_region, by).with_costs_charged_to(defaulting_region);
            takeover.guidance = guidance
                .then(|| issued("surat pembinaan (fiktif)", d(2024, 8, 1), issuer))
                .flatten();
            takeover.obstacle_evaluation = evaluation
                .then(|| issued("laporan evaluasi kendala (fiktif)", d(2024, 8, 8), issuer))
                .flatten();
            takeover.minister_approval = approval
                .then(|| {
                    issued(
                        "persetujuan Mendagri (fiktif)",
                        d(2024, 8, 15),
                        Role::Minister,
                    )
                })
                .flatten();
            takeover
        },
    }
}

fn central_government() -> Actor {
    Actor::central(Role::CentralGovernment, "Pemerintah Pusat")
}

/// C07 (with the province as a party) at technical coordination.
fn c07() -> Given {
    given(sample::c07_water(), Stage::TechnicalCoordination)
}

#[test]
fn ksd_enf_01_and_03_the_centre_takes_over_a_provinces_affair_after_guidance_and_evaluation() {
    let after = c07()
        .when(
            &central_government(),
            d(2024, 9, 1),
            takeover(sulsel(), TakeoverBy::CentralGovernment, true, true, false),
        )
        .accepted();
    assert_eq!(after.stage(), Stage::TakenOver);
    assert_eq!(after.takeover().unwrap().by, TakeoverBy::CentralGovernment);
}

#[test]
fn ksd_enf_01_a_governor_may_not_take_over_a_provinces_affair_pasal_10_1() {
    let given = c07();
    // The governor's own decree for a province's affair: the law names the centre.
    let then = given.when(
        &governor(),
        d(2024, 9, 1),
        takeover(sulsel(), TakeoverBy::Governor, true, true, true),
    );
    let rejection = then.refused_citing(KSD_ENF_01);
    assert_eq!(errors_of(rejection, KSD_ENF_01), ["takeover.by"]);
    // A governor recording the centre's decree is not the centre.
    let then = given.when(
        &governor(),
        d(2024, 9, 1),
        takeover(sulsel(), TakeoverBy::CentralGovernment, true, true, true),
    );
    let rejection = then.refused_citing(KSD_ENF_01);
    assert!(
        matches!(rejection, Rejection::ActorNotAuthorised { .. }),
        "{rejection:?}"
    );
}

#[test]
fn ksd_enf_03_central_takeover_lists_each_missing_precondition_pasal_11_1() {
    let given = c07();
    let then = given.when(
        &central_government(),
        d(2024, 9, 1),
        takeover(sulsel(), TakeoverBy::CentralGovernment, false, false, false),
    );
    let missing = errors_of(then.refused_citing(KSD_ENF_03), KSD_ENF_03);
    assert_eq!(
        missing,
        ["takeover.guidance", "takeover.obstacle_evaluation"]
    );
    for (guidance, evaluation, field) in [
        (false, true, "takeover.guidance"),
        (true, false, "takeover.obstacle_evaluation"),
    ] {
        let then = given.when(
            &central_government(),
            d(2024, 9, 1),
            takeover(
                sulsel(),
                TakeoverBy::CentralGovernment,
                guidance,
                evaluation,
                false,
            ),
        );
        assert_eq!(
            errors_of(then.refused_citing(KSD_ENF_03), KSD_ENF_03),
            [field]
        );
    }
}

#[test]
fn ksd_enf_02_and_04_the_governor_takes_over_a_kab_kota_affair_with_the_ministers_approval() {
    let after = c06_in_force()
        .when(
            &governor(),
            d(2025, 1, 10),
            takeover(parepare(), TakeoverBy::Governor, true, true, true),
        )
        .accepted();
    assert_eq!(after.stage(), Stage::TakenOver);
    assert_eq!(after.takeover().unwrap().defaulting_region, parepare());
}

#[test]
fn ksd_enf_02_a_governor_of_another_province_is_not_authorised_pasal_10_2() {
    let sultra: KodeWilayah = "74".parse().unwrap();
    let other = Actor::new(Role::Governor, sultra, "Gubernur Sulawesi Tenggara");
    let then = c06_in_force().when(
        &other,
        d(2025, 1, 10),
        takeover(parepare(), TakeoverBy::Governor, true, true, true),
    );
    let rejection = then.refused_citing(KSD_ENF_02);
    assert!(matches!(rejection, Rejection::ActorNotAuthorised { .. }));
}

#[test]
fn ksd_enf_02_the_centre_does_not_take_over_a_kab_kota_affair() {
    let then = c06_in_force().when(
        &central_government(),
        d(2025, 1, 10),
        takeover(parepare(), TakeoverBy::CentralGovernment, true, true, true),
    );
    then.refused_citing(KSD_ENF_02);
    // Nor does the governor issue a central decree for it.
    let then = c06_in_force().when(
        &governor(),
        d(2025, 1, 10),
        takeover(parepare(), TakeoverBy::CentralGovernment, true, true, true),
    );
    assert!(matches!(
        then.refused_citing(KSD_ENF_02),
        Rejection::ActorNotAuthorised { .. }
    ));
}

#[test]
fn ksd_enf_04_governor_takeover_lists_each_missing_precondition_pasal_11_2() {
    let given = c06_in_force();
    let then = given.when(
        &governor(),
        d(2025, 1, 10),
        takeover(pinrang(), TakeoverBy::Governor, false, false, false),
    );
    assert_eq!(
        errors_of(then.refused_citing(KSD_ENF_04), KSD_ENF_04),
        [
            "takeover.guidance",
            "takeover.obstacle_evaluation",
            "takeover.minister_approval"
        ]
    );
    for (guidance, evaluation, approval, field) in [
        (false, true, true, "takeover.guidance"),
        (true, false, true, "takeover.obstacle_evaluation"),
        (true, true, false, "takeover.minister_approval"),
    ] {
        let then = given.when(
            &governor(),
            d(2025, 1, 10),
            takeover(
                pinrang(),
                TakeoverBy::Governor,
                guidance,
                evaluation,
                approval,
            ),
        );
        assert_eq!(
            errors_of(then.refused_citing(KSD_ENF_04), KSD_ENF_04),
            [field]
        );
    }
}

#[test]
fn ksd_enf_01_takeover_of_a_sukarela_cooperation_is_not_allowed_here() {
    let given = given(sample::c01_commodities(), Stage::InForce);
    let then = given.when(
        &governor(),
        d(2024, 1, 10),
        takeover(sidrap(), TakeoverBy::Governor, true, true, true),
    );
    assert!(matches!(
        then.result,
        Err(Rejection::NotAllowedHere {
            command: CommandKind::TakeOver,
            ..
        })
    ));
}

// KSD-ENF-08: the wajib secretariat (Pasal 7).

#[test]
fn ksd_enf_08_c06_three_regions_continuous_five_years_may_have_a_secretariat() {
    let given = c06_in_force();
    let after = given.when_next(|_| {}).accepted();
    assert!(after.has_secretariat());
}

fn secretariat_refusals(given: &Given, continuous: bool) -> Vec<String> {
    let then = given.when(
        &head(sidrap()),
        d(2023, 8, 1),
        Command::EstablishSecretariat { continuous },
    );
    errors_of(then.refused_citing(KSD_ENF_08), KSD_ENF_08)
}

/// C06 without Pinrang: two regions, one object.
fn two_region_landfill() -> sample::Scenario {
    tracks::without_region(sample::c06_landfill(), pinrang())
}

fn with_pks_years(mut scenario: sample::Scenario, years: u32) -> sample::Scenario {
    let pks = tracks::doc_of(&mut scenario, CommandKind::SignPks);
    pks.term = Term::years(pks.signed_on, years);
    scenario
}

#[test]
fn ksd_enf_08_a_two_region_one_object_wajib_is_not_complex_enough() {
    let given = given(two_region_landfill(), Stage::InForce);
    assert_eq!(given.coop.spec().unwrap().region_codes().len(), 2);
    let refusals = secretariat_refusals(&given, true);
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert!(refusals[0].contains("not complex"));
}

#[test]
fn ksd_enf_08_two_regions_with_three_objects_are_complex_enough() {
    let mut scenario = two_region_landfill();
    if let Command::Register { spec } = &mut scenario.steps[0].command {
        spec.object.urusan = vec![
            Urusan::LingkunganHidup,
            Urusan::PekerjaanUmumPenataanRuang,
            Urusan::PerumahanKawasanPermukiman,
        ];
    }
    let given = given(scenario, Stage::InForce);
    let after = given.when_next(|_| {}).accepted();
    assert!(after.has_secretariat());
}

#[test]
fn ksd_enf_08_a_cooperation_that_is_not_continuous_may_not_have_one() {
    let refusals = secretariat_refusals(&c06_in_force(), false);
    assert_eq!(refusals, ["continuous"]);
}

#[test]
fn ksd_enf_08_a_four_year_term_is_too_short() {
    let given = given(with_pks_years(sample::c06_landfill(), 4), Stage::InForce);
    let refusals = secretariat_refusals(&given, true);
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert!(refusals[0].contains("shorter than 5 years"));
}

#[test]
fn ksd_enf_08_every_failed_condition_is_listed() {
    let given = given(with_pks_years(two_region_landfill(), 4), Stage::InForce);
    let refusals = secretariat_refusals(&given, false);
    assert_eq!(refusals.len(), 3, "{refusals:?}");
}

// KSD-DISP-01, -02: disputes (Pasal 8, 21).

fn dispute(forum: DisputeForum) -> Command {
    Command::RaiseDispute {
        forum,
        note: "perselisihan pembagian biaya (uji)".into(),
    }
}

#[test]
fn ksd_disp_01_a_ksdd_dispute_goes_to_the_inter_regional_regime_pasal_8() {
    let after = c06_in_force()
        .when(
            &clerk(sidrap()),
            d(2025, 1, 1),
            dispute(DisputeForum::InterRegionalRegime),
        )
        .accepted();
    assert_eq!(after.stage(), Stage::InForce);
}

#[test]
fn ksd_disp_01_a_ksdd_dispute_is_not_settled_by_the_ksdpk_ladder() {
    let given = c06_in_force();
    for forum in [DisputeForum::Musyawarah, DisputeForum::ContractClause] {
        given
            .when(&clerk(sidrap()), d(2025, 1, 1), dispute(forum))
            .refused_citing(KSD_DISP_01);
    }
}

#[test]
fn ksd_disp_02_ksdpk_contract_clause_before_musyawarah_is_refused_pasal_21() {
    c08_in_force()
        .when(
            &clerk(sidrap()),
            d(2023, 1, 1),
            dispute(DisputeForum::ContractClause),
        )
        .refused_citing(KSD_DISP_02);
}

#[test]
fn ksd_disp_02_ksdpk_musyawarah_then_the_contract_clause_is_accepted() {
    let given = c08_in_force();
    let mut coop = given
        .when(
            &clerk(sidrap()),
            d(2023, 1, 1),
            dispute(DisputeForum::Musyawarah),
        )
        .accepted();
    let company = tracks::third_party_actor(&tracks::third_party_of(&sample::c08_referral()));
    coop.execute(
        &dispute(DisputeForum::ContractClause),
        &company,
        d(2023, 2, 1),
        &given.rules,
    )
    .expect("the PKS dispute clause after musyawarah");
    assert_eq!(coop.stage(), Stage::InForce);
}

#[test]
fn ksd_disp_02_ksdpk_contract_clause_needs_the_pks_dispute_clause() {
    // A type (b) PKS without a dispute clause is signed with an advisory finding (KSD-PK-03).
    let mut scenario = tracks::c09_to_in_force(false);
    tracks::doc_of(&mut scenario, CommandKind::SignPks)
        .clauses
        .remove(&Clause::DisputeSettlement);
    let given = given(scenario, Stage::InForce);
    let mut coop = given.coop.clone();
    coop.execute(
        &dispute(DisputeForum::Musyawarah),
        &clerk(sidrap()),
        d(2025, 1, 1),
        &given.rules,
    )
    .unwrap();
    let refused = coop
        .decide(
            &dispute(DisputeForum::ContractClause),
            &clerk(sidrap()),
            d(2025, 2, 1),
            &given.rules,
        )
        .unwrap_err();
    assert!(refused.violations().iter().any(
        |v| v.rule == KSD_DISP_02 && v.message(Lang::En).contains("dispute-settlement clause")
    ));
}

#[test]
fn ksd_disp_02_the_inter_regional_regime_is_not_a_ksdpk_forum() {
    c08_in_force()
        .when(
            &clerk(sidrap()),
            d(2023, 1, 1),
            dispute(DisputeForum::InterRegionalRegime),
        )
        .refused_citing(KSD_DISP_02);
}
