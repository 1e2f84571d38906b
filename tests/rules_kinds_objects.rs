//! Kinds, parties and objects (RULES.md §3.1–§3.3) and the transition rule (§11): for each rule
//! id one step that violates it and the same step that satisfies it. Also bad input.

mod common;
mod tracks;

use common::{
    Given, d, errors_of, fields_of, given, given_before, given_before_with, is_secondary,
    rules_with, spec_mut, warnings_of, with_spec, without,
};
use kerjasama::law::Lang;
use kerjasama::law::{
    KSD_DOC_07, KSD_KIND_01, KSD_KIND_02, KSD_KIND_03, KSD_KIND_04, KSD_KIND_06, KSD_KIND_07,
    KSD_KIND_08, KSD_KIND_09, KSD_OBJ_01, KSD_OBJ_02, KSD_OBJ_03, KSD_OBJ_04, KSD_PK_01,
    KSD_STAGE_08, KSD_TRANS_01, KSD_WAJIB_03, KbSignatoryPolicy, Policy, RuleSet, WajibBorderRule,
};
use kerjasama::lifecycle::Finding;
use kerjasama::lifecycle::{Command, CommandKind, Cooperation, CooperationSpec, Rejection, Stage};
use kerjasama::model::{
    Actor, BorderTable, CooperationKind, Document, KodeWilayah, OffPlanReason, ParseKodeError,
    Party, PartyId, Region, Role, SignatoryCapacity, SuratKuasa, ThirdParty, ThirdPartyKind,
    WajibPairing,
};
use kerjasama::sample::{self, Scenario, Step};

fn code(text: &str) -> KodeWilayah {
    text.parse().expect("a valid kode wilayah")
}

fn enrekang() -> KodeWilayah {
    code("73.16")
}

/// Kabupaten Kolaka Utara (Sulawesi Tenggara), for pairings across the provincial line.
fn kolaka_utara() -> KodeWilayah {
    code("74.08")
}

fn region(code: KodeWilayah) -> Party {
    Party::Region(Region {
        code,
        name: format!("Daerah {code}"),
    })
}

/// A new cooperation about to register `scenario`'s spec under `rules`.
fn unregistered(scenario: Scenario, rules: RuleSet) -> Given {
    given_before_with(scenario, CommandKind::Register, rules)
}

/// Sets the region parties of a spec (borders restricted to them, funding dropped).
fn set_regions(spec: &mut CooperationSpec, codes: &[KodeWilayah], borders: &BorderTable) {
    spec.parties = codes.iter().map(|c| region(*c)).collect();
    spec.borders = borders.among(codes);
    spec.funding.clear();
}

fn sulsel_borders() -> BorderTable {
    BorderTable::sulawesi_selatan_sample()
}

fn document_mut(step: &mut Step) -> &mut Document {
    match &mut step.command {
        Command::SignKb { document }
        | Command::SignPks { document }
        | Command::SignHeadsAgreement { document }
        | Command::SignAddendum { document } => document,
        other => panic!("not a signing: {other:?}"),
    }
}

/// A kerja sama wajib (C06's landfill) registered by `initiator`'s cooperation unit between
/// `codes`, whose borders are `borders`.
fn wajib_between(
    rules: RuleSet,
    initiator: KodeWilayah,
    codes: &[KodeWilayah],
    borders: BorderTable,
) -> (Given, impl FnOnce(&mut Step) + use<>) {
    let codes = codes.to_vec();
    let change = move |step: &mut Step| {
        step.actor = sample::clerk(initiator);
        let spec = spec_mut(step);
        set_regions(spec, &codes, &borders);
        spec.initiator = PartyId::Region(initiator);
    };
    (unregistered(sample::c06_landfill(), rules), change)
}

// KSD-KIND-01: four kinds; v1 models KSDD and KSDPK only.

#[test]
fn ksd_kind_01_foreign_cooperation_ksdpl_and_ksdll_is_refused_pasal_1() {
    for kind in [CooperationKind::Ksdpl, CooperationKind::Ksdll] {
        let given = unregistered(sample::c03_rice(), common::rules());
        let rejection = given.next_refused(|s| spec_mut(s).kind = kind.clone(), KSD_KIND_01);
        let found = errors_of(&rejection, KSD_KIND_01, "Pasal 1 angka 1–5");
        assert_eq!(found[0].field.as_deref(), Some("kind"));
    }
}

#[test]
fn ksd_kind_01_ksdd_and_ksdpk_are_accepted() {
    for scenario in [sample::c03_rice(), sample::c08_referral()] {
        let given = unregistered(scenario, common::rules());
        let after = given.when_next(|_| {}).accepted_without(KSD_KIND_01);
        assert_eq!(after.stage(), Stage::Draft);
    }
}

// KSD-KIND-02: the region acts through its head.

#[test]
fn ksd_kind_02_offer_letter_signed_by_the_sekda_was_refused_up_to_version_2_pasal_2_1() {
    let given = common::given_before_with(
        sample::c02_food(),
        CommandKind::SendOffer,
        common::rules_of_version(2),
    );
    let rejection = given.next_refused(sekda_signs_offer, KSD_KIND_02);
    let found = errors_of(&rejection, KSD_KIND_02, "Pasal 2 ayat (1)");
    assert_eq!(found[0].field.as_deref(), Some("letter.signatory"));
}

fn sekda_signs_offer(s: &mut Step) {
    if let Command::SendOffer { letter } = &mut s.command {
        letter.signatory.capacity = SignatoryCapacity::Sekda;
        letter.signatory.office = "Sekretaris Daerah Kabupaten Sidenreng Rappang".into();
    }
}

#[test]
fn ksd_stage_08_offer_letter_signed_by_the_sekda_is_a_warning_by_default_from_version_3() {
    // The offer letter's signatory is practice (KSD-STAGE-08), a policy value.
    assert!(is_secondary(KSD_STAGE_08));
    let given = given_before(sample::c02_food(), CommandKind::SendOffer);
    let then = given.when_next(sekda_signs_offer);
    let warnings = warnings_of(&then, KSD_STAGE_08, "pemkot-app");
    assert_eq!(warnings[0].field.as_deref(), Some("letter.signatory"));
    assert!(matches!(
        warnings[0].finding,
        Finding::OfferLetterNotSignedByHead { .. }
    ));
    assert_eq!(then.accepted().stage(), Stage::OfferSent);
}

#[test]
fn ksd_stage_08_offer_letter_signed_by_the_sekda_is_refused_under_offer_letter_signatory_error() {
    let rules = rules_with(|p| p.offer_letter_signatory = kerjasama::law::Enforcement::Error);
    let given = common::given_before_with(sample::c02_food(), CommandKind::SendOffer, rules);
    let rejection = given.next_refused(sekda_signs_offer, KSD_STAGE_08);
    assert!(
        rejection.rules().iter().all(|r| *r == KSD_STAGE_08),
        "{rejection}"
    );
}

#[test]
fn ksd_stage_08_offer_letter_signed_by_the_head_is_accepted_without_a_finding() {
    let given = given_before(sample::c02_food(), CommandKind::SendOffer);
    given.when_next(|_| {}).accepted_without(KSD_STAGE_08);
}

#[test]
fn ksd_kind_02_offer_letter_signed_for_the_partner_instead_of_the_initiator_is_refused() {
    let given = given_before(sample::c02_food(), CommandKind::SendOffer);
    let rejection = given.next_refused(
        |s| {
            if let Command::SendOffer { letter } = &mut s.command {
                letter.signatory.party = PartyId::Region(sample::palopo());
            }
        },
        KSD_KIND_02,
    );
    let fields = fields_of(&rejection, KSD_KIND_02);
    assert_eq!(fields, vec![Some("letter.signatory.party".to_owned())]);
}

#[test]
fn ksd_kind_02_heads_agreement_signed_by_a_sekda_is_refused_with_wajib_03() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignHeadsAgreement);
    let rejection = given.next_refused(
        |s| document_mut(s).signatories[2].capacity = SignatoryCapacity::Sekda,
        KSD_KIND_02,
    );
    let kind = errors_of(&rejection, KSD_KIND_02, "Pasal 2 ayat (1)");
    assert_eq!(kind[0].field.as_deref(), Some("document.signatories[2]"));
    let wajib = errors_of(&rejection, KSD_WAJIB_03, "Pasal 5 ayat (3)");
    assert!(
        wajib[0].message(Lang::En).contains("73.15"),
        "{}",
        wajib[0].message(Lang::En)
    );
}

#[test]
fn ksd_kind_02_offer_letter_signed_by_the_head_is_accepted() {
    let given = given_before(sample::c02_food(), CommandKind::SendOffer);
    let after = given.when_next(|_| {}).accepted_without(KSD_KIND_02);
    assert_eq!(after.stage(), Stage::OfferSent);
}

#[test]
fn ksd_kind_02_offer_letter_signed_by_an_acting_head_is_accepted() {
    let given = given_before(sample::c02_food(), CommandKind::SendOffer);
    let then = given.when_next(|s| {
        if let Command::SendOffer { letter } = &mut s.command {
            letter.signatory.acting = true;
            letter.signatory.office = "Pj Bupati Sidenreng Rappang".into();
        }
    });
    assert_eq!(then.accepted_without(KSD_KIND_02).stage(), Stage::OfferSent);
}

// KSD-KIND-03: delegation by surat kuasa for the PKS only.

#[test]
fn ksd_kind_03_pks_signed_by_an_official_without_surat_kuasa_is_refused_pasal_2_2() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    let rejection = given.next_refused(
        |s| document_mut(s).signatories[0].surat_kuasa = None,
        KSD_KIND_03,
    );
    let found = errors_of(&rejection, KSD_KIND_03, "Pasal 2 ayat (2–3)");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("document.signatories[0]"));
}

#[test]
fn ksd_kind_03_pks_signed_under_surat_kuasa_is_accepted() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    let after = given.when_next(|_| {}).accepted_without(KSD_KIND_03);
    assert_eq!(after.stage(), Stage::PksSigned);
}

#[test]
fn ksd_kind_03_pks_signed_by_the_heads_in_person_is_accepted() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    let then = given.when_next(|s| {
        for signatory in &mut document_mut(s).signatories {
            signatory.capacity = SignatoryCapacity::KepalaDaerah;
            signatory.surat_kuasa = None;
        }
    });
    then.accepted_without(KSD_KIND_03);
}

fn kb_signed_under_kuasa(s: &mut Step) {
    let signatory = &mut document_mut(s).signatories[0];
    signatory.capacity = SignatoryCapacity::KepalaOpd;
    signatory.office = "Kepala Dinas Lingkungan Hidup Kabupaten Sidenreng Rappang".into();
    signatory.surat_kuasa = Some(SuratKuasa::new("SK-KB-01/2023", d(2023, 2, 10)));
}

#[test]
fn ksd_kind_03_kb_signed_under_surat_kuasa_is_a_warning_by_default_doc_07() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignKb);
    let then = given.when_next(kb_signed_under_kuasa);
    let found = warnings_of(&then, KSD_KIND_03, "Pasal 2 ayat (2–3)");
    assert_eq!(found[0].field.as_deref(), Some("document.signatories[0]"));
    warnings_of(&then, KSD_DOC_07, "Pasal 2 ayat (1–2)");
}

#[test]
fn ksd_kind_03_kb_signed_under_surat_kuasa_is_refused_when_kb_signatory_policy_is_error() {
    let rules = rules_with(|p| p.kb_signatory_policy = KbSignatoryPolicy::Error);
    let given = given_before_with(sample::c06_landfill(), CommandKind::SignKb, rules);
    let rejection = given.next_refused(kb_signed_under_kuasa, KSD_KIND_03);
    errors_of(&rejection, KSD_KIND_03, "Pasal 2 ayat (2–3)");
    errors_of(&rejection, KSD_DOC_07, "Pasal 2 ayat (1–2)");
}

#[test]
fn ksd_kind_03_surat_kuasa_dated_after_the_signing_is_invalid_input() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    let rejection = given.next_refused(
        |s| {
            if let Some(kuasa) = &mut document_mut(s).signatories[1].surat_kuasa {
                kuasa.date = d(2023, 7, 4);
            }
        },
        KSD_KIND_03,
    );
    match rejection {
        Rejection::InvalidInput { field, rule, .. } => {
            assert_eq!(field, "document.signatories[1].surat_kuasa.date");
            assert_eq!(rule, Some(KSD_KIND_03));
        }
        other => panic!("expected invalid input, got {other}"),
    }
}

// KSD-KIND-04: a central agency is never a third party; use Sinergi.

#[test]
fn ksd_kind_04_a_central_agency_as_third_party_is_refused_with_the_sinergi_hint_pasal_46() {
    let given = unregistered(sample::c08_referral(), common::rules());
    let rejection = given.next_refused(
        |s| {
            spec_mut(s).parties[1] = Party::CentralAgency {
                name: "Kementerian Kesehatan".into(),
            }
        },
        KSD_KIND_04,
    );
    let found = errors_of(&rejection, KSD_KIND_04, "Pasal 46");
    assert_eq!(found[0].field.as_deref(), Some("parties[1]"));
    assert_eq!(
        found[0].finding,
        Finding::CentralAgencyNotThirdParty {
            name: "Kementerian Kesehatan".into()
        }
    );
    assert!(
        found[0].message(Lang::En).contains("synergy"),
        "{}",
        found[0].message(Lang::En)
    );
    assert!(
        found[0].message(Lang::Id).contains("sinergi"),
        "{}",
        found[0].message(Lang::Id)
    );
    // Without it the KSDPK has no third party left.
    errors_of(&rejection, KSD_PK_01, "Pasal 14");
}

#[test]
fn ksd_kind_04_a_business_entity_as_third_party_is_accepted() {
    let given = unregistered(sample::c08_referral(), common::rules());
    given.when_next(|_| {}).accepted_without(KSD_KIND_04);
}

// KSD-KIND-06: every KSDD is wajib or sukarela.

#[test]
fn ksd_kind_06_ksdd_without_wajib_or_sukarela_category_is_refused_pasal_3_1() {
    let given = unregistered(sample::c03_rice(), common::rules());
    let rejection = given.next_refused(
        |s| spec_mut(s).kind = CooperationKind::Ksdd { category: None },
        KSD_KIND_06,
    );
    let found = errors_of(&rejection, KSD_KIND_06, "Pasal 3 ayat (1)");
    assert_eq!(found[0].field.as_deref(), Some("kind.category"));
}

#[test]
fn ksd_kind_06_wajib_and_sukarela_ksdd_are_accepted() {
    for scenario in [sample::c03_rice(), sample::c06_landfill()] {
        let given = unregistered(scenario, common::rules());
        given.when_next(|_| {}).accepted_without(KSD_KIND_06);
    }
}

#[test]
fn ksd_kind_06_a_third_ksdd_category_does_not_deserialize() {
    let third = serde_json::from_str::<CooperationKind>(r#"{"kind":"ksdd","category":"campuran"}"#);
    let message = third.expect_err("no third category").to_string();
    assert!(message.contains("campuran"), "{message}");
}

// KSD-KIND-07: a kerja sama wajib needs >= 2 bordering regions, externality and rationale.

#[test]
fn ksd_kind_07_wajib_regions_that_do_not_border_are_refused_pasal_3_2() {
    let (given, change) = wajib_between(
        common::rules(),
        sample::sidrap(),
        &[sample::sidrap(), sample::palopo()],
        sulsel_borders(),
    );
    let rejection = given.next_refused(change, KSD_KIND_07);
    let found = errors_of(&rejection, KSD_KIND_07, "Pasal 3 ayat (2)");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].field.as_deref(), Some("borders"));
}

#[test]
fn ksd_kind_07_bordering_wajib_regions_are_accepted() {
    let given = unregistered(sample::c06_landfill(), common::rules());
    let after = given.when_next(|_| {}).accepted_without(KSD_KIND_07);
    assert_eq!(after.stage(), Stage::Draft);
}

#[test]
fn ksd_kind_07_wajib_without_borders_externality_or_rationale_lists_three_violations() {
    let given = unregistered(sample::c06_landfill(), common::rules());
    let rejection = given.next_refused(
        |s| {
            let spec = spec_mut(s);
            spec.borders = BorderTable::new();
            spec.object.cross_border_externality = false;
            spec.object.joint_efficiency_rationale = "  ".into();
        },
        KSD_KIND_07,
    );
    let found = errors_of(&rejection, KSD_KIND_07, "Pasal 3 ayat (2)");
    let mut fields: Vec<&str> = found.iter().filter_map(|v| v.field.as_deref()).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "borders",
            "object.cross_border_externality",
            "object.joint_efficiency_rationale"
        ]
    );
}

#[test]
fn ksd_kind_07_a_wajib_with_one_region_is_refused() {
    let (given, change) = wajib_between(
        common::rules(),
        sample::sidrap(),
        &[sample::sidrap()],
        sulsel_borders(),
    );
    let rejection = given.next_refused(change, KSD_KIND_07);
    assert_eq!(
        fields_of(&rejection, KSD_KIND_07),
        vec![Some("parties".to_owned())]
    );
}

#[test]
fn ksd_kind_07_a_wajib_with_a_third_party_is_refused() {
    let given = unregistered(sample::c06_landfill(), common::rules());
    let rejection = given.next_refused(
        |s| {
            spec_mut(s).parties.push(Party::third_party(ThirdParty::new(
                "nik-7314-la-upe",
                "La Upe, pengepul sampah (fiktif)",
                ThirdPartyKind::Individual,
            )))
        },
        KSD_KIND_07,
    );
    let found = errors_of(&rejection, KSD_KIND_07, "Pasal 3 ayat (2)");
    assert!(found.iter().any(|v| v.message(Lang::En).contains("KSDPK")));
}

fn pairwise() -> RuleSet {
    rules_with(|p| p.wajib_border_rule = WajibBorderRule::Pairwise)
}

#[test]
fn ksd_kind_07_connected_graph_accepts_a_chain_pinrang_sidrap_enrekang() {
    assert_eq!(
        Policy::default().wajib_border_rule,
        WajibBorderRule::ConnectedGraph
    );
    let chain = [sample::pinrang(), sample::sidrap(), enrekang()];
    assert!(!sulsel_borders().borders(sample::pinrang(), enrekang()));
    let (given, change) =
        wajib_between(common::rules(), sample::sidrap(), &chain, sulsel_borders());
    given.when_next(change).accepted_without(KSD_KIND_07);
}

#[test]
fn ksd_kind_07_pairwise_refuses_a_chain_where_pinrang_and_enrekang_do_not_border() {
    let chain = [sample::pinrang(), sample::sidrap(), enrekang()];
    let (given, change) = wajib_between(pairwise(), sample::sidrap(), &chain, sulsel_borders());
    let rejection = given.next_refused(change, KSD_KIND_07);
    assert_eq!(
        fields_of(&rejection, KSD_KIND_07),
        vec![Some("borders".to_owned())]
    );
}

#[test]
fn ksd_kind_07_pairwise_accepts_sidrap_parepare_pinrang_all_bordering() {
    let given = unregistered(sample::c06_landfill(), pairwise());
    given.when_next(|_| {}).accepted_without(KSD_KIND_07);
}

#[test]
fn ksd_kind_07_connected_graph_refuses_a_party_that_borders_no_other() {
    let codes = [sample::sidrap(), sample::pinrang(), sample::palopo()];
    let (given, change) =
        wajib_between(common::rules(), sample::sidrap(), &codes, sulsel_borders());
    let rejection = given.next_refused(change, KSD_KIND_07);
    assert_eq!(
        fields_of(&rejection, KSD_KIND_07),
        vec![Some("borders".to_owned())]
    );
}

#[test]
fn ksd_kind_07_is_checked_again_when_the_wajib_procedure_begins() {
    let chain = [sample::pinrang(), sample::sidrap(), enrekang()];
    let scenario = with_spec(sample::c06_landfill(), |spec| {
        set_regions(spec, &chain, &sulsel_borders())
    });
    let mut given = given(scenario, Stage::Draft);
    given.rules = pairwise();
    let rejection = given.next_refused(|_| {}, KSD_KIND_07);
    errors_of(&rejection, KSD_KIND_07, "Pasal 3 ayat (2)");
    given.rules = common::rules();
    let after = given.when_next(|_| {}).accepted_without(KSD_KIND_07);
    assert_eq!(after.stage(), Stage::Mapping);
}

#[test]
fn ksd_kind_07_province_with_its_own_kab_borders_by_containment_kind_11() {
    assert!(Policy::default().containment_counts_as_border);
    let (given, change) = wajib_between(
        common::rules(),
        sample::sidrap(),
        &[sample::sidrap(), sample::sulsel()],
        BorderTable::new(),
    );
    given.when_next(change).accepted_without(KSD_KIND_07);
}

#[test]
fn ksd_kind_07_province_with_its_own_kab_is_refused_when_containment_does_not_count() {
    let rules = rules_with(|p| p.containment_counts_as_border = false);
    let codes = [sample::sidrap(), sample::sulsel()];
    let (given, change) =
        wajib_between(rules.clone(), sample::sidrap(), &codes, BorderTable::new());
    let rejection = given.next_refused(change, KSD_KIND_07);
    assert_eq!(
        fields_of(&rejection, KSD_KIND_07),
        vec![Some("borders".to_owned())]
    );
    // A border table that lists the pair satisfies it without containment.
    let mut table = BorderTable::new();
    table.insert(sample::sidrap(), sample::sulsel());
    let (given, change) = wajib_between(rules, sample::sidrap(), &codes, table);
    given.when_next(change).accepted_without(KSD_KIND_07);
}

// KSD-KIND-08: a kerja sama sukarela needs >= 2 regions, bordering or not, and no third party.

#[test]
fn ksd_kind_08_sukarela_with_a_single_region_is_refused_pasal_3_3() {
    let given = unregistered(sample::c03_rice(), common::rules());
    let rejection = given.next_refused(|s| spec_mut(s).parties.truncate(1), KSD_KIND_08);
    let found = errors_of(&rejection, KSD_KIND_08, "Pasal 3 ayat (3)");
    assert_eq!(found[0].field.as_deref(), Some("parties"));
}

#[test]
fn ksd_kind_08_a_ksdd_with_a_third_party_is_refused() {
    let given = unregistered(sample::c03_rice(), common::rules());
    let rejection = given.next_refused(
        |s| {
            spec_mut(s).parties.push(Party::third_party(ThirdParty::new(
                "nik-7314-beddu",
                "Beddu, pedagang beras (fiktif)",
                ThirdPartyKind::Individual,
            )))
        },
        KSD_KIND_08,
    );
    let found = errors_of(&rejection, KSD_KIND_08, "Pasal 3 ayat (3)");
    assert!(
        found[0].message(Lang::En).contains("KSDPK"),
        "{}",
        found[0].message(Lang::En)
    );
}

#[test]
fn ksd_kind_08_sukarela_between_regions_that_do_not_border_is_accepted() {
    // Sidrap–Palopo (same province) and Sidrap–Kutai Barat (another province) border nowhere.
    for scenario in [sample::c02_food(), sample::c03_rice()] {
        let given = unregistered(scenario, common::rules());
        let after = given.when_next(|_| {}).accepted_without(KSD_KIND_08);
        let spec = after.spec().expect("registered");
        assert!(spec.borders.is_empty());
        assert!(after.warnings().is_empty(), "{:?}", after.warnings());
    }
}

// KSD-KIND-09: the five pairings of Pasal 5 ayat (2), narrowed by wajib_pairings (KSD-KIND-10).

fn four_pairings() -> RuleSet {
    rules_with(|p| {
        p.wajib_pairings
            .retain(|x| *x != WajibPairing::ProvinceOtherKabKota)
    })
}

fn sulsel_kolaka_utara() -> (Vec<KodeWilayah>, BorderTable) {
    let codes = vec![sample::sulsel(), kolaka_utara()];
    let mut table = BorderTable::new();
    table.insert(sample::sulsel(), kolaka_utara());
    (codes, table)
}

#[test]
fn ksd_kind_09_province_with_another_provinces_kab_is_refused_under_four_pairings_pasal_5_2() {
    let (codes, table) = sulsel_kolaka_utara();
    let (given, change) = wajib_between(four_pairings(), sample::sulsel(), &codes, table);
    let rejection = given.next_refused(change, KSD_KIND_09);
    let found = errors_of(&rejection, KSD_KIND_09, "Pasal 5 ayat (2)");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message(Lang::En).contains("no. 4"),
        "{}",
        found[0].message(Lang::En)
    );
    assert!(found[0].message(Lang::En).contains("KSD-KIND-10"));
    // The border table says they border: only the pairing is at fault.
    assert!(fields_of(&rejection, KSD_KIND_07).is_empty(), "{rejection}");
}

#[test]
fn ksd_kind_09_province_with_another_provinces_kab_is_accepted_under_the_five_pairings() {
    let (codes, table) = sulsel_kolaka_utara();
    let (given, change) = wajib_between(common::rules(), sample::sulsel(), &codes, table);
    let after = given.when_next(change).accepted_without(KSD_KIND_09);
    assert!(after.warnings().is_empty(), "{:?}", after.warnings());
}

#[test]
fn ksd_kind_09_every_pairing_of_pasal_5_2_is_accepted_by_default() {
    let luwu_timur = code("73.24");
    let sultra = code("74");
    let cases = [
        (
            sample::sidrap(),
            sample::parepare(),
            WajibPairing::KabKotaSameProvince,
        ),
        (sample::sulsel(), sultra, WajibPairing::ProvinceProvince),
        (
            sample::sulsel(),
            sample::sidrap(),
            WajibPairing::ProvinceOwnKabKota,
        ),
        (
            sample::sulsel(),
            kolaka_utara(),
            WajibPairing::ProvinceOtherKabKota,
        ),
        (
            luwu_timur,
            kolaka_utara(),
            WajibPairing::KabKotaDifferentProvinces,
        ),
    ];
    for (number, (a, b, pairing)) in cases.into_iter().enumerate() {
        assert_eq!(WajibPairing::of(a, b), pairing);
        assert_eq!(usize::from(pairing.number()), number + 1);
        let mut table = BorderTable::new();
        table.insert(a, b);
        let (given, change) = wajib_between(common::rules(), a, &[a, b], table);
        given.when_next(change).accepted_without(KSD_KIND_09);
    }
}

#[test]
fn ksd_kind_09_is_checked_again_when_the_wajib_procedure_begins() {
    // Registered under the five pairings of the PP, begun under a four-pairing overlay.
    let (codes, table) = sulsel_kolaka_utara();
    let mut scenario = with_spec(sample::c06_landfill(), |spec| {
        set_regions(spec, &codes, &table);
        spec.initiator = PartyId::Region(sample::sulsel());
    });
    for step in &mut scenario.steps[..2] {
        step.actor = sample::clerk(sample::sulsel());
    }
    let mut given = given(scenario, Stage::Draft);
    given.rules = four_pairings();
    let rejection = given.next_refused(|_| {}, KSD_KIND_09);
    errors_of(&rejection, KSD_KIND_09, "Pasal 5 ayat (2)");
    given.rules = common::rules();
    given.when_next(|_| {}).accepted_without(KSD_KIND_09);
}

// KSD-OBJ-01..04: the object.

#[test]
fn ksd_obj_01_an_object_without_a_government_affair_is_refused_pasal_4_1() {
    let given = unregistered(sample::c03_rice(), common::rules());
    let rejection = given.next_refused(|s| spec_mut(s).object.urusan.clear(), KSD_OBJ_01);
    let found = errors_of(&rejection, KSD_OBJ_01, "Pasal 4 ayat (1)");
    assert_eq!(found[0].field.as_deref(), Some("object.urusan"));
}

#[test]
fn ksd_obj_01_an_object_that_is_a_government_affair_is_accepted() {
    let given = unregistered(sample::c03_rice(), common::rules());
    given.when_next(|_| {}).accepted_without(KSD_OBJ_01);
}

#[test]
fn ksd_obj_02_a_planned_object_without_its_rpjmd_rkpd_reference_is_refused_pasal_4_2() {
    for reference in [None, Some("   ".to_owned())] {
        let given = unregistered(sample::c03_rice(), common::rules());
        let rejection = given.next_refused(
            |s| spec_mut(s).object.plan_reference = reference,
            KSD_OBJ_02,
        );
        let found = errors_of(&rejection, KSD_OBJ_02, "Pasal 4 ayat (2)");
        assert_eq!(found[0].field.as_deref(), Some("object.plan_reference"));
    }
}

#[test]
fn ksd_obj_02_a_planned_object_naming_its_rkpd_item_is_accepted() {
    let given = unregistered(sample::c03_rice(), common::rules());
    let after = given.when_next(|_| {}).accepted_without(KSD_OBJ_02);
    let object = &after.spec().expect("registered").object;
    assert!(object.in_development_plan && object.plan_reference.is_some());
}

fn off_plan(reason: Option<OffPlanReason>) -> impl FnOnce(&mut Step) {
    move |s: &mut Step| {
        let object = &mut spec_mut(s).object;
        object.in_development_plan = false;
        object.plan_reference = None;
        object.off_plan_reasons = reason.into_iter().collect();
    }
}

#[test]
fn ksd_obj_03_an_object_outside_the_plan_without_a_reason_is_refused_pasal_4_3() {
    let given = unregistered(sample::c03_rice(), common::rules());
    let rejection = given.next_refused(off_plan(None), KSD_OBJ_03);
    let found = errors_of(&rejection, KSD_OBJ_03, "Pasal 4 ayat (3)");
    assert_eq!(found[0].field.as_deref(), Some("object.off_plan_reason"));
    assert!(fields_of(&rejection, KSD_OBJ_02).is_empty(), "{rejection}");
}

#[test]
fn ksd_obj_03_an_object_outside_the_plan_is_accepted_for_each_of_the_three_reasons() {
    for reason in [
        OffPlanReason::Emergency,
        OffPlanReason::NationalStrategicProgramme,
        OffPlanReason::CoAdministration,
    ] {
        let given = unregistered(sample::c03_rice(), common::rules());
        let then = given.when_next(off_plan(Some(reason)));
        then.accepted_without(KSD_OBJ_03);
        then.accepted_without(KSD_OBJ_02);
    }
}

#[test]
fn ksd_obj_04_an_offer_without_the_lawfulness_attestation_is_refused_pasal_4_4() {
    let scenario = without(sample::c02_food(), CommandKind::AttestLawfulness);
    let given = given_before(scenario, CommandKind::SendOffer);
    let rejection = given.next_refused(|_| {}, KSD_OBJ_04);
    let found = errors_of(&rejection, KSD_OBJ_04, "Pasal 4 ayat (4)");
    assert_eq!(found.len(), 1);
}

#[test]
fn ksd_obj_04_an_offer_after_the_lawfulness_attestation_is_accepted() {
    let given = given_before(sample::c02_food(), CommandKind::SendOffer);
    given.when_next(|_| {}).accepted_without(KSD_OBJ_04);
}

fn proposal_reviewed() -> Given {
    let s = sample::sidrap();
    given(sample::c09_tourism(), Stage::ProposalReceived).then_do(
        &sample::tkksd(s),
        d(2024, 7, 10),
        Command::RecordTkksdReview {
            review: kerjasama::model::TkksdReview::new(
                kerjasama::model::ReviewPoint::Offer,
                kerjasama::model::Recommendation::Proceed,
            )
            .with_minutes("BA TKKSD 07/2024"),
        },
    )
}

fn criteria_met() -> Command {
    let met = kerjasama::model::Criterion::met;
    Command::AssessCriteria {
        criteria: kerjasama::model::InitiativeCriteria::new(
            met("RIPPARDA Sidrap 2020–2035 (fiktif)"),
            met("studi kelayakan bab VII: IRR 14%"),
            met("laporan keuangan teraudit 2023"),
        ),
    }
}

#[test]
fn ksd_obj_04_accepting_a_third_party_proposal_without_the_attestation_is_refused() {
    let s = sample::sidrap();
    let given = proposal_reviewed().then_do(&sample::clerk(s), d(2024, 7, 15), criteria_met());
    let rejection = given.refused(
        &sample::head(s),
        d(2024, 7, 20),
        Command::AcceptProposal,
        KSD_OBJ_04,
    );
    assert_eq!(
        errors_of(&rejection, KSD_OBJ_04, "Pasal 16 ayat (4)").len(),
        1
    );
    assert_eq!(rejection.rules(), vec![KSD_OBJ_04], "{rejection}");
}

#[test]
fn ksd_obj_04_accepting_a_third_party_proposal_after_the_attestation_is_accepted() {
    let s = sample::sidrap();
    let given = proposal_reviewed()
        .then_do(&sample::clerk(s), d(2024, 7, 15), criteria_met())
        .then_do(
            &sample::clerk(s),
            d(2024, 7, 16),
            Command::AttestLawfulness {
                attestation: kerjasama::model::LawfulnessAttestation::new(
                    "Bagian Hukum Setda Sidrap",
                    "tidak bertentangan",
                ),
            },
        );
    let then = given.when(&sample::head(s), d(2024, 7, 20), Command::AcceptProposal);
    assert_eq!(
        then.accepted_without(KSD_OBJ_04).stage(),
        Stage::OfferAccepted
    );
}

// KSD-TRANS-01: the current rule set governs from 13 July 2018.

#[test]
fn ksd_trans_01_a_registration_dated_before_13_july_2018_was_refused_up_to_version_2() {
    let given = unregistered(sample::c03_rice(), common::rules_of_version(2));
    let rejection = given.next_refused(|s| s.on = d(2018, 7, 12), KSD_TRANS_01);
    let found = errors_of(&rejection, KSD_TRANS_01, "Pasal 48");
    assert_eq!(found[0].field.as_deref(), Some("occurred_on"));
    assert_eq!(rejection.rules(), vec![KSD_TRANS_01], "{rejection}");
}

/// `scenario` with every date `days` earlier: the steps, the documents, their terms and
/// their surat kuasa.
fn earlier(mut scenario: Scenario, days: u64) -> Scenario {
    let back = |date: &mut chrono::NaiveDate| {
        *date = date
            .checked_sub_days(chrono::Days::new(days))
            .expect("a date");
    };
    for step in &mut scenario.steps {
        back(&mut step.on);
        if let Some(document) = tracks::document_mut(step) {
            back(&mut document.signed_on);
            if let Some(term) = &mut document.term {
                back(&mut term.starts_on);
                back(&mut term.ends_on);
            }
            for signatory in &mut document.signatories {
                if let Some(kuasa) = &mut signatory.surat_kuasa {
                    back(&mut kuasa.date);
                }
            }
        }
    }
    scenario
}

#[test]
fn ksd_trans_01_from_version_3_keys_on_the_signing_date_not_the_command_date_pasal_48() {
    // Registered and prepared before 13 July 2018 (the current set now decides those), but
    // its KB signed before that date: that agreement belongs to the legacy regime.
    let c02 = earlier(sample::c02_food(), 2200);
    let given = common::given_before_with(c02.clone(), CommandKind::SignKb, common::rules());
    assert!(given.coop.last_date().expect("a date") < d(2018, 7, 13));
    let rejection = given.next_refused(|_| {}, KSD_TRANS_01);
    let found = errors_of(&rejection, KSD_TRANS_01, "Pasal 48");
    assert_eq!(found[0].field.as_deref(), Some("document.signed_on"));
    // Signed on 13 July 2018 it is the current regime's.
    let later = earlier(sample::c02_food(), 2091);
    let given = common::given_before_with(later, CommandKind::SignKb, common::rules());
    let step = given.next_step();
    let Command::SignKb { document } = &step.command else {
        unreachable!("the next step signs the KB")
    };
    assert_eq!(document.signed_on, d(2018, 7, 13));
    given.when_next(|_| {}).accepted_without(KSD_TRANS_01);
}

#[test]
fn ksd_trans_01_a_registration_dated_13_july_2018_is_accepted() {
    let given = unregistered(sample::c03_rice(), common::rules());
    given
        .when_next(|s| s.on = d(2018, 7, 13))
        .accepted_without(KSD_TRANS_01);
}

// Bad input: typed errors naming the field.

#[test]
fn region_codes_that_are_not_kemendagri_codes_are_parse_errors() {
    let malformed = |text: &str| ParseKodeError::Malformed { text: text.into() };
    assert_eq!("73.1".parse::<KodeWilayah>(), Err(malformed("73.1")));
    assert_eq!("7314".parse::<KodeWilayah>(), Err(malformed("7314")));
    assert_eq!(
        "00".parse::<KodeWilayah>(),
        Err(ParseKodeError::Province { text: "00".into() })
    );
    assert_eq!(
        "73.70".parse::<KodeWilayah>(),
        Err(ParseKodeError::Regency {
            text: "73.70".into()
        })
    );
    for text in ["73.1", "7314", "00", "73.70"] {
        let message = text.parse::<KodeWilayah>().unwrap_err().to_string();
        assert!(message.contains(text), "{message}");
    }
}

fn c03_spec() -> CooperationSpec {
    let mut scenario = sample::c03_rice();
    spec_mut(&mut scenario.steps[0]).clone()
}

fn spec_json() -> serde_json::Value {
    serde_json::to_value(c03_spec()).expect("a spec serialises")
}

fn spec_error(value: serde_json::Value) -> String {
    serde_json::from_value::<CooperationSpec>(value)
        .expect_err("must not deserialize")
        .to_string()
}

#[test]
fn spec_json_round_trips() {
    let spec: CooperationSpec = serde_json::from_value(spec_json()).expect("round trip");
    assert_eq!(spec, c03_spec());
}

#[test]
fn spec_json_with_an_unknown_field_fails_to_deserialize() {
    let mut value = spec_json();
    value["colour"] = "merah".into();
    let message = spec_error(value);
    assert!(message.contains("unknown field `colour`"), "{message}");
    let mut value = spec_json();
    value["object"]["budget"] = 5.into();
    let message = spec_error(value);
    assert!(message.contains("unknown field `budget`"), "{message}");
}

#[test]
fn spec_json_with_an_unknown_enum_value_fails_to_deserialize() {
    let mut value = spec_json();
    value["kind"] = serde_json::json!({ "kind": "ksdx" });
    assert!(spec_error(value).contains("ksdx"));
    let mut value = spec_json();
    value["object"]["urusan"] = serde_json::json!(["pajak"]);
    assert!(spec_error(value).contains("pajak"));
    let mut value = spec_json();
    value["parties"][0]["region"]["code"] = "7314".into();
    assert!(spec_error(value).contains("7314"));
}

fn command_error(value: serde_json::Value) -> String {
    serde_json::from_value::<Command>(value)
        .expect_err("must not deserialize")
        .to_string()
}

#[test]
fn command_json_with_an_unknown_field_fails_to_deserialize() {
    let reject = Command::RejectOffer {
        reason: "di luar prioritas".into(),
    };
    let mut value = serde_json::to_value(&reject).expect("serialises");
    assert_eq!(
        serde_json::from_value::<Command>(value.clone()).ok(),
        Some(reject)
    );
    value["by"] = "bupati".into();
    let message = command_error(value);
    assert!(message.contains("unknown field `by`"), "{message}");
    let mut value = serde_json::to_value(sample::c03_rice().steps[0].command.clone()).unwrap();
    value["spec"]["colour"] = "merah".into();
    assert!(command_error(value).contains("unknown field `colour`"));
}

#[test]
fn command_json_with_an_unknown_command_or_enum_value_fails_to_deserialize() {
    let message = command_error(serde_json::json!({ "command": "sign_everything" }));
    assert!(message.contains("sign_everything"), "{message}");
    let message =
        command_error(serde_json::json!({ "command": "terminate", "grounds": ["bored"] }));
    assert!(message.contains("bored"), "{message}");
    let message = command_error(serde_json::json!({
        "command": "hold_technical_coordination", "level": "regional"
    }));
    assert!(message.contains("regional"), "{message}");
}

/// serde does not apply `deny_unknown_fields` to the unit variants of an internally tagged
/// enum (https://github.com/serde-rs/serde/issues/2123, /2294); the data-less commands refuse
/// extra fields with `deserialize_with = "no_fields"`.
#[test]
fn command_json_of_a_data_less_command_with_an_unknown_field_fails_to_deserialize() {
    let mut value = serde_json::to_value(Command::StartPreparation).expect("serialises");
    assert_eq!(value, serde_json::json!({ "command": "start_preparation" }));
    value["by"] = "bupati".into();
    let message = command_error(value);
    assert!(message.contains("unknown field `by`"), "{message}");
}

fn invalid_field(rejection: &Rejection) -> &str {
    match rejection {
        Rejection::InvalidInput { field, message, .. } => {
            assert!(!message.trim().is_empty());
            field
        }
        other => panic!("expected invalid input, got {other}"),
    }
}

fn register_refused_as_invalid(change: impl FnOnce(&mut CooperationSpec)) -> Rejection {
    let given = unregistered(sample::c03_rice(), common::rules());
    let mut step = given.next_step();
    change(spec_mut(&mut step));
    let mut clone = given.coop.clone();
    let rejection = clone
        .execute(&step.command, &step.actor, step.on, &given.rules)
        .expect_err("refused");
    assert_eq!(clone, Cooperation::new());
    rejection
}

#[test]
fn an_empty_party_list_is_invalid_input_on_parties() {
    let rejection = register_refused_as_invalid(|spec| spec.parties.clear());
    assert_eq!(invalid_field(&rejection), "parties");
}

#[test]
fn a_party_listed_twice_is_invalid_input_on_that_party() {
    let rejection = register_refused_as_invalid(|spec| {
        let again = spec.parties[0].clone();
        spec.parties.push(again)
    });
    assert_eq!(invalid_field(&rejection), "parties[2]");
}

#[test]
fn an_initiator_that_is_not_a_party_is_invalid_input_on_initiator() {
    let rejection =
        register_refused_as_invalid(|spec| spec.initiator = PartyId::Region(sample::palopo()));
    assert_eq!(invalid_field(&rejection), "initiator");
}

#[test]
fn a_command_dated_before_the_previous_event_is_invalid_input_on_occurred_on() {
    let given = given(sample::c03_rice(), Stage::Preparation);
    let mut clone = given.coop.clone();
    let clerk = sample::clerk(sample::sidrap());
    let attest = Command::AttestLawfulness {
        attestation: kerjasama::model::LawfulnessAttestation::new(
            "Bagian Hukum",
            "tidak bertentangan",
        ),
    };
    let rejection = clone
        .execute(&attest, &clerk, d(2024, 2, 20), &given.rules)
        .expect_err("dated before the registration of 2024-02-21");
    assert_eq!(clone, given.coop);
    assert_eq!(invalid_field(&rejection), "occurred_on");
    given.when(&clerk, d(2024, 2, 21), attest).accepted();
}

#[test]
fn a_register_actor_outside_the_parties_is_not_authorised() {
    let given = unregistered(sample::c03_rice(), common::rules());
    let then = given.when_next(|s| s.actor = sample::clerk(sample::palopo()));
    assert!(matches!(
        then.result,
        Err(Rejection::ActorNotAuthorised { .. })
    ));
    let dprd = Actor::new(Role::Dprd, sample::sidrap(), "DPRD Sidrap");
    let then = given.when_next(|s| s.actor = dprd);
    assert!(matches!(
        then.result,
        Err(Rejection::ActorNotAuthorised { .. })
    ));
}
