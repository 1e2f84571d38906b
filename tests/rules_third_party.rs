//! KSDPK: partners, types, initiative (RULES.md §3.4, §4.3): for each rule id one step that
//! violates it and the same step that satisfies it.

mod common;

use common::{
    Given, d, errors_of, fields_of, given, given_before, given_before_with, spec_mut, warnings_of,
    with_spec, without,
};
use kerjasama::law::Lang;
use kerjasama::law::{
    KSD_DOC_02, KSD_KIND_01, KSD_KIND_06, KSD_KIND_07, KSD_KIND_08, KSD_PK_01, KSD_PK_02,
    KSD_PK_03, KSD_PK_04, KSD_PK_05, KSD_PK_06, RuleSet,
};
use kerjasama::lifecycle::Finding;
use kerjasama::lifecycle::{Command, CommandKind, Rejection, Stage};
use kerjasama::model::{
    BusinessEntity, Clause, CooperationKind, Criterion, InitiativeCriteria, KsddCategory,
    KsdpkType, LawfulnessAttestation, Party, PartyId, Recommendation, Region, ReviewPoint,
    ThirdParty, ThirdPartyKind, TkksdReview,
};
use kerjasama::sample::{self, Scenario, Step};

fn rules() -> RuleSet {
    common::rules()
}

fn unregistered(scenario: Scenario) -> Given {
    given_before_with(scenario, CommandKind::Register, rules())
}

fn hospital() -> PartyId {
    PartyId::ThirdParty("pt-rs-ajatappareng-sehat".into())
}

fn tourism_company() -> PartyId {
    PartyId::ThirdParty("pt-wisata-danau-sidenreng".into())
}

fn ksdpk(ksdpk_type: KsdpkType) -> CooperationKind {
    CooperationKind::Ksdpk {
        ksdpk_type,
        initiative: kerjasama::model::Initiative::Region,
        type_description: None,
    }
}

/// C08 (region-initiated referral services) as a KSDPK of another type, with a regime.
fn c08_as(ksdpk_type: KsdpkType) -> Scenario {
    with_spec(sample::c08_referral(), |spec| {
        spec.kind = ksdpk(ksdpk_type);
        spec.sectoral_regime = Some("PP 27/2014 pengelolaan barang milik daerah".into());
    })
}

// KSD-PK-01: a KSDPK is a region with a third party of one of the three categories.

#[test]
fn ksd_pk_01_a_ksdpk_without_a_third_party_is_refused_pasal_14() {
    let regions_only = [
        vec![sample::sidrap()],
        vec![sample::sidrap(), sample::palopo()],
    ];
    for codes in regions_only {
        let given = unregistered(sample::c08_referral());
        let rejection = given.next_refused(
            |s| {
                spec_mut(s).parties = codes
                    .iter()
                    .map(|code| {
                        Party::Region(Region {
                            code: *code,
                            name: sample::region_name(*code).into(),
                        })
                    })
                    .collect()
            },
            KSD_PK_01,
        );
        let found = errors_of(&rejection, KSD_PK_01, "Pasal 14");
        assert_eq!(found.len(), 1, "{rejection}");
        assert_eq!(found[0].field.as_deref(), Some("parties"));
        assert!(found[0].message(Lang::En).contains("third party"));
    }
}

#[test]
fn ksd_pk_01_a_ksdpk_without_a_region_party_is_refused() {
    let given = unregistered(sample::c08_referral());
    let rejection = given.next_refused(
        |s| {
            let spec = spec_mut(s);
            spec.parties.remove(0);
            spec.initiator = hospital();
        },
        KSD_PK_01,
    );
    let found = errors_of(&rejection, KSD_PK_01, "Pasal 14");
    assert_eq!(found.len(), 1, "{rejection}");
    assert!(
        found[0]
            .message(Lang::En)
            .contains("a region must be a party")
    );
}

#[test]
fn a_registration_naming_no_region_is_refused_with_a_cited_rule_for_every_kind() {
    let kinds = [
        (ksdpk(KsdpkType::PublicService), KSD_PK_01),
        (
            CooperationKind::Ksdd {
                category: Some(KsddCategory::Sukarela),
            },
            KSD_KIND_08,
        ),
        (
            CooperationKind::Ksdd {
                category: Some(KsddCategory::Wajib),
            },
            KSD_KIND_07,
        ),
        (CooperationKind::Ksdd { category: None }, KSD_KIND_06),
        (CooperationKind::Ksdpl, KSD_KIND_01),
    ];
    for (kind, rule) in kinds {
        let given = unregistered(sample::c08_referral());
        given.next_refused(
            |s| {
                let spec = spec_mut(s);
                spec.kind = kind;
                spec.parties.remove(0);
                spec.initiator = hospital();
            },
            rule,
        );
    }
}

#[test]
fn ksd_pk_01_each_third_party_category_of_pasal_14_is_accepted() {
    let categories = [
        ThirdPartyKind::Individual,
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::Bumn,
        },
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::Bumd,
        },
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::Cooperative,
        },
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::PrivateCompany,
        },
        ThirdPartyKind::Organisation { legal_entity: true },
        ThirdPartyKind::Organisation {
            legal_entity: false,
        },
    ];
    for category in categories {
        let given = unregistered(sample::c08_referral());
        let after = given
            .when_next(|s| {
                if let Party::ThirdParty(third) = &mut spec_mut(s).parties[1] {
                    third.kind = category;
                }
            })
            .accepted_without(KSD_PK_01);
        assert_eq!(after.stage(), Stage::Draft);
    }
}

#[test]
fn ksd_pk_01_a_category_outside_pasal_14_does_not_deserialize() {
    for json in [
        r#"{"category":"government_agency"}"#,
        r#"{"category":"legal_entity_business","entity":"foundation"}"#,
    ] {
        assert!(
            serde_json::from_str::<ThirdPartyKind>(json).is_err(),
            "{json}"
        );
    }
    let party: ThirdParty = serde_json::from_str(
        r#"{"id":"nib-1","name":"Koperasi Tani","kind":{"category":"legal_entity_business","entity":"cooperative"}}"#,
    )
    .expect("a cooperative is a legal-entity business");
    assert_eq!(
        party.kind,
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::Cooperative
        }
    );
}

// KSD-PK-02: the four KSDPK types; (d) "other" must say what it is.

#[test]
fn ksd_pk_02_type_d_other_cooperation_without_a_description_is_refused_pasal_15_1() {
    for description in [None, Some(" ".to_owned())] {
        let given = unregistered(c08_as(KsdpkType::Other));
        let rejection = given.next_refused(
            |s| {
                if let CooperationKind::Ksdpk {
                    type_description, ..
                } = &mut spec_mut(s).kind
                {
                    *type_description = description;
                }
            },
            KSD_PK_02,
        );
        let found = errors_of(&rejection, KSD_PK_02, "Pasal 15 ayat (1)");
        assert_eq!(found[0].field.as_deref(), Some("kind.type_description"));
        assert_eq!(rejection.rules(), vec![KSD_PK_02], "{rejection}");
    }
}

#[test]
fn ksd_pk_02_type_d_other_cooperation_with_a_description_is_accepted() {
    let given = unregistered(c08_as(KsdpkType::Other));
    given
        .when_next(|s| {
            if let CooperationKind::Ksdpk {
                type_description, ..
            } = &mut spec_mut(s).kind
            {
                *type_description = Some("pelatihan tenaga kesehatan bersama".into());
            }
        })
        .accepted_without(KSD_PK_02);
}

#[test]
fn ksd_pk_02_each_ksdpk_type_a_to_d_is_accepted() {
    for (ksdpk_type, letter) in [
        (KsdpkType::PublicService, 'a'),
        (KsdpkType::AssetUtilisation, 'b'),
        (KsdpkType::Investment, 'c'),
        (KsdpkType::InfrastructureProvision, 'd'),
        (KsdpkType::Procurement, 'd'),
    ] {
        assert_eq!(ksdpk_type.letter(), letter);
        let given = unregistered(c08_as(ksdpk_type));
        given.when_next(|_| {}).accepted_without(KSD_PK_02);
    }
}

// KSD-PK-03: types (b)–(d) follow their sectoral regime; PP 28/2018 stage checks are advisory.

#[test]
fn ksd_pk_03_types_b_to_d_without_a_sectoral_regime_are_refused_pasal_15_2_4() {
    for ksdpk_type in [
        KsdpkType::AssetUtilisation,
        KsdpkType::Investment,
        KsdpkType::InfrastructureProvision,
        KsdpkType::Procurement,
    ] {
        let given = unregistered(c08_as(ksdpk_type));
        let rejection = given.next_refused(|s| spec_mut(s).sectoral_regime = None, KSD_PK_03);
        let found = errors_of(&rejection, KSD_PK_03, "Pasal 15 ayat (2–4)");
        assert_eq!(found[0].field.as_deref(), Some("sectoral_regime"));
        assert!(
            found[0]
                .message(Lang::En)
                .contains(&format!("({})", ksdpk_type.letter()))
        );
    }
}

#[test]
fn ksd_pk_03_a_type_b_proposal_recording_its_sectoral_regime_is_accepted() {
    let given = unregistered(sample::c09_tourism());
    let after = given.when_next(|_| {}).accepted_without(KSD_PK_03);
    assert!(
        after
            .spec()
            .and_then(|s| s.sectoral_regime.as_ref())
            .is_some()
    );
}

#[test]
fn ksd_pk_03_type_a_public_service_follows_pp_28_and_needs_no_sectoral_regime() {
    let given = unregistered(sample::c08_referral());
    let after = given.when_next(|_| {}).accepted_without(KSD_PK_03);
    assert!(
        after
            .spec()
            .and_then(|s| s.sectoral_regime.as_ref())
            .is_none()
    );
}

fn without_mapping_and_study(scenario: Scenario) -> Scenario {
    without(
        without(scenario, CommandKind::FileMapping),
        CommandKind::SubmitFeasibilityStudy,
    )
}

#[test]
fn ksd_pk_03_for_types_b_to_d_a_missing_mapping_and_study_is_only_advised_pk_04() {
    for ksdpk_type in [
        KsdpkType::AssetUtilisation,
        KsdpkType::Investment,
        KsdpkType::Procurement,
    ] {
        let given = given_before(
            without_mapping_and_study(c08_as(ksdpk_type)),
            CommandKind::SendOffer,
        );
        let then = given.when_next(|_| {});
        let warnings = warnings_of(&then, KSD_PK_04, "Pasal 17");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        for w in &warnings {
            assert!(
                w.message(Lang::En).contains("advisory"),
                "{}",
                w.message(Lang::En)
            );
            assert!(
                w.message(Lang::En).contains("KSD-PK-03"),
                "{}",
                w.message(Lang::En)
            );
            assert!(
                w.message(Lang::Id).contains("KSD-PK-03"),
                "{}",
                w.message(Lang::Id)
            );
        }
        assert_eq!(then.accepted().stage(), Stage::OfferSent);
    }
}

fn pks_without_sanctions(s: &mut Step) {
    if let Command::SignPks { document } = &mut s.command {
        document.clauses.remove(&Clause::Sanctions);
    }
}

#[test]
fn ksd_pk_03_for_types_b_to_d_a_pks_missing_a_minimum_clause_is_only_advised_doc_02() {
    let given = given_before(c08_as(KsdpkType::AssetUtilisation), CommandKind::SignPks);
    let then = given.when_next(pks_without_sanctions);
    let warnings = warnings_of(&then, KSD_DOC_02, "Pasal 19 ayat (2)");
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].message(Lang::En).contains("advisory"));
    assert_eq!(then.accepted().stage(), Stage::PksSigned);
}

#[test]
fn ksd_pk_03_for_type_a_a_pks_missing_a_minimum_clause_is_refused_doc_02() {
    let given = given_before(sample::c08_referral(), CommandKind::SignPks);
    let rejection = given.next_refused(pks_without_sanctions, KSD_DOC_02);
    let found = errors_of(&rejection, KSD_DOC_02, "Pasal 19 ayat (2)");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].finding,
        Finding::ClauseMissing {
            clause: Clause::Sanctions
        }
    );
    assert!(found[0].message(Lang::En).contains("sanctions"));
}

// KSD-PK-04: a region-initiated KSDPK needs a mapping with needs and the region's own study.

#[test]
fn ksd_pk_04_an_offer_without_mapping_or_the_regions_study_is_refused_pasal_17() {
    let scenario = without_mapping_and_study(sample::c08_referral());
    let given = given_before(scenario, CommandKind::SendOffer);
    let rejection = given.next_refused(|_| {}, KSD_PK_04);
    let found = errors_of(&rejection, KSD_PK_04, "Pasal 17");
    assert_eq!(found.len(), 2, "{rejection}");
    assert!(
        found
            .iter()
            .any(|v| v.message(Lang::En).contains("mapping"))
    );
    assert!(
        found
            .iter()
            .any(|v| v.message(Lang::En).contains("feasibility study"))
    );
}

#[test]
fn ksd_pk_04_an_offer_with_a_mapping_but_without_the_regions_study_is_refused() {
    let scenario = without(sample::c08_referral(), CommandKind::SubmitFeasibilityStudy);
    let given = given_before(scenario, CommandKind::SendOffer);
    let rejection = given.next_refused(|_| {}, KSD_PK_04);
    let found = errors_of(&rejection, KSD_PK_04, "Pasal 17");
    assert_eq!(found.len(), 1, "{rejection}");
    assert!(found[0].message(Lang::En).contains("feasibility study"));
}

#[test]
fn ksd_pk_04_a_mapping_without_needs_is_refused() {
    let given = given_before(sample::c08_referral(), CommandKind::FileMapping);
    let rejection = given.next_refused(
        |s| {
            if let Command::FileMapping { mapping } = &mut s.command {
                mapping.needs.clear();
            }
        },
        KSD_PK_04,
    );
    assert_eq!(
        fields_of(&rejection, KSD_PK_04),
        vec![Some("mapping.needs".to_owned())]
    );
}

#[test]
fn ksd_pk_04_a_study_written_by_the_third_party_is_refused_in_a_region_initiative() {
    let given = given_before(sample::c08_referral(), CommandKind::SubmitFeasibilityStudy);
    let rejection = given.next_refused(
        |s| {
            if let Command::SubmitFeasibilityStudy { study } = &mut s.command {
                study.author = hospital();
            }
        },
        KSD_PK_04,
    );
    assert_eq!(
        fields_of(&rejection, KSD_PK_04),
        vec![Some("study.author".to_owned())]
    );
}

#[test]
fn ksd_pk_04_a_mapping_with_needs_and_the_regions_own_study_are_accepted() {
    let given = given_before(sample::c08_referral(), CommandKind::FileMapping);
    given.when_next(|_| {}).accepted_without(KSD_PK_04);
    let given = given.advance();
    given.when_next(|_| {}).accepted_without(KSD_PK_04);
    let given = given_before(sample::c08_referral(), CommandKind::SendOffer);
    let after = given.when_next(|_| {}).accepted_without(KSD_PK_04);
    assert_eq!(after.stage(), Stage::OfferSent);
}

// KSD-PK-05: a third-party initiative meets all three criteria, each with evidence.

fn s() -> kerjasama::model::KodeWilayah {
    sample::sidrap()
}

/// C09's proposal, attested and reviewed by the TKKSD: only the criteria are left.
fn proposal_under_assessment() -> Given {
    given(sample::c09_tourism(), Stage::ProposalReceived)
        .then_do(
            &sample::clerk(s()),
            d(2024, 7, 8),
            Command::AttestLawfulness {
                attestation: LawfulnessAttestation::new(
                    "Bagian Hukum Setda Sidrap",
                    "tidak bertentangan dengan kesusilaan, ketertiban umum, kepentingan nasional, dan peraturan",
                ),
            },
        )
        .then_do(
            &sample::tkksd(s()),
            d(2024, 7, 10),
            Command::RecordTkksdReview {
                review: TkksdReview::new(ReviewPoint::Offer, Recommendation::Proceed)
                    .with_minutes("BA TKKSD 07/2024 (fiktif)"),
            },
        )
}

fn met(evidence: &str) -> Criterion {
    Criterion::met(evidence)
}

fn all_met() -> InitiativeCriteria {
    InitiativeCriteria::new(
        met("RIPPARDA Sidrap 2020–2035 kawasan Danau Sidenreng (fiktif)"),
        met("studi kelayakan bab VII: IRR 14%, BCR 1,3 (fiktif)"),
        met("laporan keuangan teraudit 2023, ekuitas Rp40 miliar (fiktif)"),
    )
}

fn assessed(criteria: InitiativeCriteria) -> Given {
    proposal_under_assessment().then_do(
        &sample::clerk(s()),
        d(2024, 7, 15),
        Command::AssessCriteria { criteria },
    )
}

fn accept_proposal(given: &Given) -> Rejection {
    given.refused(
        &sample::head(s()),
        d(2024, 7, 20),
        Command::AcceptProposal,
        KSD_PK_05,
    )
}

#[test]
fn ksd_pk_05_accepting_a_proposal_whose_criteria_were_not_assessed_is_refused_pasal_18_1() {
    let rejection = accept_proposal(&proposal_under_assessment());
    let found = errors_of(&rejection, KSD_PK_05, "Pasal 18 ayat (1)");
    assert_eq!(found.len(), 1);
    assert!(found[0].message(Lang::En).contains("three criteria"));
    assert_eq!(rejection.rules(), vec![KSD_PK_05], "{rejection}");
}

type Pick = fn(&mut InitiativeCriteria) -> &mut Criterion;

const CRITERIA: [(&str, Pick); 3] = [
    ("criteria.a", |c| &mut c.master_plan_integration),
    ("criteria.b", |c| &mut c.economic_feasibility),
    ("criteria.c", |c| &mut c.financial_capacity),
];

#[test]
fn ksd_pk_05_each_criterion_that_is_not_met_refuses_the_proposal() {
    for (field, pick) in CRITERIA {
        let mut criteria = all_met();
        pick(&mut criteria).met = false;
        let rejection = accept_proposal(&assessed(criteria));
        errors_of(&rejection, KSD_PK_05, "Pasal 18 ayat (1)");
        assert_eq!(
            fields_of(&rejection, KSD_PK_05),
            vec![Some(field.to_owned())]
        );
    }
}

#[test]
fn ksd_pk_05_each_criterion_met_without_evidence_refuses_the_proposal() {
    for (field, pick) in CRITERIA {
        let mut criteria = all_met();
        pick(&mut criteria).evidence = "  ".into();
        let rejection = accept_proposal(&assessed(criteria));
        assert_eq!(
            fields_of(&rejection, KSD_PK_05),
            vec![Some(field.to_owned())]
        );
    }
}

#[test]
fn ksd_pk_05_no_criterion_met_lists_all_three() {
    let rejection = accept_proposal(&assessed(InitiativeCriteria::default()));
    let found = errors_of(&rejection, KSD_PK_05, "Pasal 18 ayat (1)");
    let fields: Vec<_> = found.iter().filter_map(|v| v.field.as_deref()).collect();
    assert_eq!(fields, ["criteria.a", "criteria.b", "criteria.c"]);
}

#[test]
fn ksd_pk_05_a_proposal_meeting_all_three_criteria_with_evidence_is_accepted() {
    let given = assessed(all_met());
    let then = given.when(&sample::head(s()), d(2024, 7, 20), Command::AcceptProposal);
    let after = then.accepted_without(KSD_PK_05);
    assert_eq!(after.stage(), Stage::OfferAccepted);
    assert!(after.warnings()[given.coop.warnings().len()..].is_empty());
}

// KSD-PK-06: in a third-party initiative the third party prepares the feasibility study.

fn proposal_by(author: PartyId) -> impl FnOnce(&mut Step) {
    move |s: &mut Step| {
        if let Command::ReceiveProposal { study, .. } = &mut s.command {
            study.author = author;
        }
    }
}

#[test]
fn ksd_pk_06_a_proposal_with_a_study_written_by_the_region_is_refused_pasal_18_2() {
    let given = given_before(sample::c09_tourism(), CommandKind::ReceiveProposal);
    let rejection = given.next_refused(proposal_by(PartyId::Region(s())), KSD_PK_06);
    let found = errors_of(&rejection, KSD_PK_06, "Pasal 18 ayat (2)");
    assert_eq!(found[0].field.as_deref(), Some("study.author"));
}

#[test]
fn ksd_pk_06_a_proposal_with_a_study_by_a_third_party_that_is_not_a_party_is_refused() {
    let given = given_before(sample::c09_tourism(), CommandKind::ReceiveProposal);
    let stranger = PartyId::ThirdParty("pt-konsultan-lain".into());
    let rejection = given.next_refused(proposal_by(stranger), KSD_PK_06);
    assert_eq!(
        fields_of(&rejection, KSD_PK_06),
        vec![Some("study.author".to_owned())]
    );
}

#[test]
fn ksd_pk_06_a_proposal_with_the_third_partys_own_study_is_accepted() {
    let given = given_before(sample::c09_tourism(), CommandKind::ReceiveProposal);
    let after = given
        .when_next(proposal_by(tourism_company()))
        .accepted_without(KSD_PK_06);
    assert_eq!(after.stage(), Stage::ProposalReceived);
}
