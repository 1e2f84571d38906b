//! The typestate facade driven through whole procedures: KSDD sukarela and wajib, KSDPK on the
//! region's and on the third party's initiative, the DPRD branches, refusals that give the
//! cooperation back unchanged, and the facade agreeing with the plain `decide`/`apply` API.

use chrono::NaiveDate;
use kerjasama::law::{KSD_DOC_07, KSD_ENF_08, KSD_STAGE_04, OnDprdRefusal, Policy, RuleSet};
use kerjasama::lifecycle::typed::stage::{Draft, InForce, KbDrafting, KbSigned, PksDrafting};
use kerjasama::lifecycle::typed::track::{
    KsddSukarela, KsddWajib, KsdpkRegion, KsdpkThirdParty, TrackMarker,
};
use kerjasama::lifecycle::typed::{DprdOutcome, DprdRefusalOutcome, Ksd, OfferOutcome};
use kerjasama::lifecycle::{Command, Cooperation, CooperationSpec, Rejection, Stage};
use kerjasama::model::{
    Actor, AffairsMapping, BorderTable, BusinessEntity, Clause, CoordinationLevel, Criterion,
    Document, DocumentId, DocumentKind, DprdGate, Feasibility, FeasibilityStudy, Initiative,
    InitiativeCriteria, KodeWilayah, KsddCategory, KsdpkType, LawfulnessAttestation, OfferLetter,
    Party, PartyId, Role, Signatory, ThirdParty, ThirdPartyKind, Urusan,
};
use kerjasama::model::{CooperationId, CooperationKind, CooperationObject};

type Outcome<T> = Result<T, Rejection>;

// ---------------------------------------------------------------- data

fn day(month: u32, date: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, month, date).expect("a 2024 date")
}

fn code(text: &str) -> KodeWilayah {
    text.parse().expect("a kode wilayah")
}

fn sidrap() -> KodeWilayah {
    code("73.14")
}

fn palopo() -> KodeWilayah {
    code("73.73")
}

fn parepare() -> KodeWilayah {
    code("73.72")
}

const PT_PANGAN: &str = "NIB-9120001234567";

fn pt_pangan() -> PartyId {
    PartyId::ThirdParty(PT_PANGAN.into())
}

fn name_of(region: KodeWilayah) -> &'static str {
    match region.to_string().as_str() {
        "73.14" => "Kabupaten Sidenreng Rappang",
        "73.73" => "Kota Palopo",
        _ => "Kota Parepare",
    }
}

fn region_party(region: KodeWilayah) -> Party {
    Party::region(region, name_of(region))
}

fn food_object(wajib: bool) -> CooperationObject {
    CooperationObject::in_plan(
        "Cadangan pangan daerah bersama",
        [Urusan::Pangan],
        "RPJMD Sidrap 2021–2026, misi 2 (ketahanan pangan)",
    )
    .with_cross_border_externality(wajib)
    .with_joint_efficiency_rationale(if wajib {
        "Satu gudang cadangan pangan melayani kedua daerah yang berbatasan"
    } else {
        ""
    })
}

fn spec(id: u128, kind: CooperationKind, parties: Vec<Party>) -> CooperationSpec {
    CooperationSpec::builder()
        .id(CooperationId(uuid::Uuid::from_u128(id)))
        .title("Kerja sama cadangan pangan")
        .object(food_object(kind.is_wajib()))
        .kind(kind)
        .parties(parties)
        .initiator(sidrap())
        .borders(&BorderTable::sulawesi_selatan_sample())
        .proposed_term_years(5)
        .lead_opd("Dinas Ketahanan Pangan Kabupaten Sidenreng Rappang")
        .build()
        .expect("a valid spec")
}

fn sukarela_spec() -> CooperationSpec {
    spec(
        1,
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Sukarela),
        },
        vec![region_party(sidrap()), region_party(palopo())],
    )
}

fn wajib_spec() -> CooperationSpec {
    spec(
        2,
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Wajib),
        },
        vec![region_party(sidrap()), region_party(parepare())],
    )
}

fn ksdpk_spec(id: u128, initiative: Initiative) -> CooperationSpec {
    let third = Party::third_party(ThirdParty::new(
        PT_PANGAN,
        "PT Pangan Sidenreng Lestari",
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::PrivateCompany,
        },
    ));
    let mut spec = spec(
        id,
        CooperationKind::Ksdpk {
            ksdpk_type: KsdpkType::PublicService,
            initiative,
            type_description: None,
        },
        vec![region_party(sidrap()), third],
    );
    if initiative == Initiative::ThirdParty {
        spec.initiator = pt_pangan();
    }
    spec
}

fn clerk(region: KodeWilayah) -> Actor {
    Actor::new(
        Role::CooperationUnit,
        region,
        format!("Bagian Kerja Sama Setda {}", name_of(region)),
    )
}

fn opd(region: KodeWilayah) -> Actor {
    Actor::new(
        Role::Opd,
        region,
        format!("Dinas Ketahanan Pangan {}", name_of(region)),
    )
}

fn head(region: KodeWilayah) -> Actor {
    Actor::new(
        Role::KepalaDaerah,
        region,
        format!("Kepala daerah {}", name_of(region)),
    )
}

fn dprd(region: KodeWilayah) -> Actor {
    Actor::new(Role::Dprd, region, format!("DPRD {}", name_of(region)))
}

fn third_party_actor() -> Actor {
    Actor::new(
        Role::ThirdParty,
        pt_pangan(),
        "Direksi PT Pangan Sidenreng Lestari",
    )
}

fn head_signs(region: KodeWilayah) -> Signatory {
    Signatory::head(
        region,
        format!("Kepala daerah {}", name_of(region)),
        format!("Kepala Daerah {}", name_of(region)),
    )
}

fn third_party_signs() -> Signatory {
    Signatory::representative(
        pt_pangan(),
        "Andi Baso",
        "Direktur Utama PT Pangan Sidenreng Lestari",
        "Akta pendirian No. 12 Tahun 2019",
    )
}

fn document(
    id: &str,
    kind: DocumentKind,
    signed_on: NaiveDate,
    signatories: Vec<Signatory>,
) -> Document {
    Document::builder(kind, id, signed_on)
        .title(format!("{kind:?} cadangan pangan"))
        .signatories(signatories)
        .build()
        .expect("a valid document")
}

fn kb(signed_on: NaiveDate, signatories: Vec<Signatory>) -> Document {
    Document::kb("KB-01", signed_on)
        .title(format!("{:?} cadangan pangan", DocumentKind::Kb))
        .signatories(signatories)
        .term_years(5)
        .build()
        .expect("a valid KB")
}

fn pks(id: &str, signed_on: NaiveDate, signatories: Vec<Signatory>) -> Document {
    Document::pks(id, signed_on)
        .title(format!("{:?} cadangan pangan", DocumentKind::Pks))
        .signatories(signatories)
        .term_years(5)
        .under_kb("KB-01")
        .clauses([
            Clause::RightsAndObligations,
            Clause::Term,
            Clause::DisputeSettlement,
            Clause::Sanctions,
        ])
        .build()
        .expect("a valid PKS")
}

fn gate(required: bool) -> DprdGate {
    if required {
        DprdGate::not_budgeted("Belum dianggarkan dalam APBD 2024")
    } else {
        DprdGate::not_required("Dianggarkan dalam APBD 2024, tidak membebani masyarakat")
    }
}

fn attestation() -> LawfulnessAttestation {
    LawfulnessAttestation::new(
        "Bagian Hukum Setda Sidrap",
        "Tidak bertentangan dengan kesusilaan, ketertiban umum, kepentingan \
         nasional, dan peraturan perundang-undangan",
    )
}

fn offer_letter() -> OfferLetter {
    OfferLetter::new("415/0812/BKS/2024", head_signs(sidrap()))
        .with_kak_attached(true)
        .with_draft_kb_attached(true)
}

fn rules_with(on_dprd_refusal: OnDprdRefusal) -> RuleSet {
    let mut policy = Policy::default();
    policy.on_dprd_refusal = on_dprd_refusal;
    RuleSet::current_with(policy)
}

// ---------------------------------------------------------------- shared legs

/// A KSDD from registration to the signed KB, through preparation and the offer.
fn ksdd_to_kb_signed(rules: RuleSet) -> Outcome<Ksd<KbSigned, KsddSukarela>> {
    let registered =
        Ksd::<Draft, KsddSukarela>::register(sukarela_spec(), &clerk(sidrap()), day(8, 1), rules)?;
    let preparation = registered.start_preparation(&opd(sidrap()), day(8, 2))?;
    let offered = preparation
        .attest_lawfulness(&clerk(sidrap()), day(8, 5), attestation())?
        .send_offer(&clerk(sidrap()), day(8, 6), offer_letter())?;
    let OfferOutcome::Accepted(accepted) = offered.accept_offer(&head(palopo()), day(8, 20))?
    else {
        panic!("Palopo is the only partner: its acceptance completes the offer");
    };
    let signatories = vec![head_signs(sidrap()), head_signs(palopo())];
    Ok(accepted
        .start_kb_drafting(&opd(sidrap()), day(8, 21))?
        .sign_kb(&clerk(sidrap()), day(9, 2), kb(day(9, 2), signatories))?)
}

/// Both regions' DPRD gates assessed at `KbSigned`.
fn gates_assessed<T: TrackMarker>(
    signed: Ksd<KbSigned, T>,
    sidrap_required: bool,
    partner: Option<(KodeWilayah, bool)>,
) -> Outcome<Ksd<KbSigned, T>> {
    let mut signed =
        signed.assess_dprd_gate(&clerk(sidrap()), day(9, 3), sidrap(), gate(sidrap_required))?;
    if let Some((region, required)) = partner {
        signed = signed.assess_dprd_gate(&clerk(region), day(9, 3), region, gate(required))?;
    }
    Ok(signed)
}

/// From PKS drafting to entry into force, with a PKS signed by `signatories`.
fn pks_to_in_force<T: TrackMarker>(
    drafting: Ksd<PksDrafting, T>,
    signatories: Vec<Signatory>,
) -> Outcome<Ksd<InForce, T>> {
    Ok(drafting
        .sign_pks(
            &clerk(sidrap()),
            day(10, 1),
            pks("PKS-01", day(10, 1), signatories),
        )?
        .enter_into_force(&opd(sidrap()), day(10, 1))?)
}

fn assert_replays<S, T>(ksd: &Ksd<S, T>)
where
    S: kerjasama::lifecycle::typed::stage::StageMarker,
    T: TrackMarker,
{
    assert_eq!(
        &Cooperation::from_events(ksd.events()),
        ksd.cooperation(),
        "the facade's events replay into the facade's state"
    );
}

// ---------------------------------------------------------------- main lines

#[test]
fn ksdd_sukarela_main_line_reaches_in_force_through_the_facade() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let assessed = gates_assessed(signed, false, Some((palopo(), false)))?;
    let drafting = assessed.start_pks_drafting(&opd(sidrap()), day(9, 4))?;
    let in_force = pks_to_in_force(drafting, vec![head_signs(sidrap()), head_signs(palopo())])?;

    assert_eq!(in_force.stage(), Stage::InForce);
    assert_eq!(in_force.cooperation().stage(), Stage::InForce);
    assert_eq!(in_force.cooperation().pks().len(), 1);
    assert!(in_force.cooperation().dprd_decisions().is_empty());
    // No TKKSD review was recorded: a warning under the default policy, not a refusal.
    assert!(
        in_force
            .cooperation()
            .warnings()
            .iter()
            .any(|w| w.rule == KSD_STAGE_04)
    );
    assert_replays(&in_force);

    let ended = in_force
        .establish_secretariat(&head(sidrap()), day(10, 2), true)?
        .terminate(
            &head(sidrap()),
            day(11, 1),
            vec![kerjasama::lifecycle::EndGround::MutualAgreement],
        )?;
    assert_eq!(ended.cooperation().stage(), Stage::Ended);
    assert!(ended.cooperation().has_secretariat());
    Ok(())
}

#[test]
fn ksdd_wajib_main_line_runs_the_pre_stages_then_reaches_in_force() -> Outcome<()> {
    let rules = RuleSet::current();
    let draft =
        Ksd::<Draft, KsddWajib>::register(wajib_spec(), &clerk(sidrap()), day(7, 1), rules)?;
    let mapping = draft.begin_wajib_procedure(&clerk(sidrap()), day(7, 2))?;
    let mapping_of =
        |region| AffairsMapping::new(region, [Urusan::Pangan]).with_potentials(["Lumbung padi"]);
    let mapped = mapping
        .file_mapping(&clerk(sidrap()), day(7, 10), mapping_of(sidrap()))?
        .file_mapping(&clerk(parepare()), day(7, 11), mapping_of(parepare()))?;
    let coordinated = mapped.hold_technical_coordination(
        &clerk(sidrap()),
        day(7, 15),
        CoordinationLevel::Provincial,
    )?;
    let agreement = document(
        "KKD-01",
        DocumentKind::HeadsAgreement,
        day(7, 20),
        vec![head_signs(sidrap()), head_signs(parepare())],
    );
    let agreed = coordinated.sign_heads_agreement(&clerk(sidrap()), day(7, 20), agreement)?;
    let offered = agreed
        .start_preparation(&opd(sidrap()), day(7, 22))?
        .attest_lawfulness(&clerk(sidrap()), day(7, 23), attestation())?
        .send_offer(&clerk(sidrap()), day(7, 24), offer_letter())?;
    let OfferOutcome::Accepted(accepted) = offered.accept_offer(&head(parepare()), day(8, 1))?
    else {
        panic!("Parepare is the only partner");
    };
    let signatories = vec![head_signs(sidrap()), head_signs(parepare())];
    let signed = accepted
        .start_kb_drafting(&opd(sidrap()), day(8, 2))?
        .sign_kb(
            &clerk(sidrap()),
            day(9, 2),
            kb(day(9, 2), signatories.clone()),
        )?;
    let drafting = gates_assessed(signed, false, Some((parepare(), false)))?
        .start_pks_drafting(&opd(sidrap()), day(9, 4))?;
    let in_force = pks_to_in_force(drafting, signatories)?;

    assert_eq!(in_force.cooperation().stage(), Stage::InForce);
    assert_eq!(in_force.track(), kerjasama::model::Track::KsddWajib);
    assert_replays(&in_force);

    // Two regions and one object are not complex enough for a wajib secretariat (KSD-ENF-08):
    // refused, and the cooperation comes back as it was.
    let before = in_force.clone();
    let refused = in_force
        .establish_secretariat(&head(sidrap()), day(10, 2), true)
        .expect_err("no secretariat for a simple wajib cooperation");
    assert!(refused.rejection.rules().contains(&KSD_ENF_08));
    assert_eq!(refused.cooperation, before);
    Ok(())
}

#[test]
fn ksdpk_region_line_maps_studies_offers_and_reaches_in_force() -> Outcome<()> {
    let draft = Ksd::<Draft, KsdpkRegion>::register(
        ksdpk_spec(3, Initiative::Region),
        &clerk(sidrap()),
        day(8, 1),
        RuleSet::current(),
    )?;
    let mapping = AffairsMapping::new(sidrap(), [Urusan::Pangan])
        .with_potentials(["Produksi beras surplus"])
        .with_needs(["Gudang berpendingin"]);
    let study = FeasibilityStudy::new(
        sidrap(),
        "Studi kelayakan gudang cadangan pangan",
        day(8, 3),
        Feasibility::Feasible,
    );
    let offered = draft
        .start_preparation(&opd(sidrap()), day(8, 2))?
        .file_mapping(&opd(sidrap()), day(8, 3), mapping)?
        .submit_feasibility_study(&opd(sidrap()), day(8, 4), study)?
        .attest_lawfulness(&clerk(sidrap()), day(8, 5), attestation())?
        .send_offer(&clerk(sidrap()), day(8, 6), offer_letter())?;
    let OfferOutcome::Accepted(accepted) =
        offered.accept_offer(&third_party_actor(), day(8, 20))?
    else {
        panic!("the third party is the only partner");
    };
    let signatories = vec![head_signs(sidrap()), third_party_signs()];
    let signed = accepted
        .start_kb_drafting(&opd(sidrap()), day(8, 21))?
        .sign_kb(
            &clerk(sidrap()),
            day(9, 2),
            kb(day(9, 2), signatories.clone()),
        )?;
    // Only the region party has a DPRD (KSD-DPRD-02).
    let drafting =
        gates_assessed(signed, false, None)?.start_pks_drafting(&opd(sidrap()), day(9, 4))?;
    let in_force = pks_to_in_force(drafting, signatories)?;

    assert_eq!(in_force.cooperation().stage(), Stage::InForce);
    assert_replays(&in_force);
    Ok(())
}

#[test]
fn ksdpk_third_party_line_receives_assesses_and_accepts_the_proposal() -> Outcome<()> {
    let draft = Ksd::<Draft, KsdpkThirdParty>::register(
        ksdpk_spec(4, Initiative::ThirdParty),
        &clerk(sidrap()),
        day(8, 1),
        RuleSet::current(),
    )?;
    let study = FeasibilityStudy::new(
        pt_pangan(),
        "Studi kelayakan PT Pangan Sidenreng Lestari",
        day(8, 1),
        Feasibility::Feasible,
    );
    let criteria = InitiativeCriteria::new(
        Criterion::met("Sesuai rencana induk ketahanan pangan"),
        Criterion::met("IRR 14%"),
        Criterion::met("Laporan keuangan teraudit 2023"),
    );
    let received =
        draft.receive_proposal(&third_party_actor(), day(8, 2), "01/PSL/VIII/2024", study)?;
    let received = received
        .request_revision(
            &clerk(sidrap()),
            day(8, 5),
            "Lengkapi rencana lokasi gudang",
        )?
        .assess_criteria(&clerk(sidrap()), day(8, 12), criteria)?
        .attest_lawfulness(&clerk(sidrap()), day(8, 13), attestation())?;
    let accepted = received.accept_proposal(&head(sidrap()), day(8, 14))?;
    let signatories = vec![head_signs(sidrap()), third_party_signs()];
    let signed = accepted
        .start_kb_drafting(&opd(sidrap()), day(8, 21))?
        .sign_kb(
            &clerk(sidrap()),
            day(9, 2),
            kb(day(9, 2), signatories.clone()),
        )?;
    let drafting =
        gates_assessed(signed, false, None)?.start_pks_drafting(&opd(sidrap()), day(9, 4))?;
    let in_force = pks_to_in_force(drafting, signatories)?;
    assert_eq!(in_force.cooperation().stage(), Stage::InForce);
    assert_replays(&in_force);
    Ok(())
}

// ---------------------------------------------------------------- DPRD branches

#[test]
fn dprd_approval_waits_for_every_region_whose_gate_is_true() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let awaiting = gates_assessed(signed, true, Some((palopo(), true)))?
        .submit_to_dprd(&clerk(sidrap()), day(9, 5))?;
    let DprdOutcome::StillAwaiting(awaiting) =
        awaiting.approve_dprd(&dprd(sidrap()), day(9, 20), "Keputusan DPRD Sidrap 7/2024")?
    else {
        panic!("Palopo's DPRD has still to approve");
    };
    assert_eq!(awaiting.cooperation().stage(), Stage::AwaitingDprd);
    let DprdOutcome::Approved(drafting) =
        awaiting.approve_dprd(&dprd(palopo()), day(9, 25), "Keputusan DPRD Palopo 3/2024")?
    else {
        panic!("the last required approval moves on");
    };
    assert_eq!(drafting.cooperation().dprd_decisions().len(), 2);
    let in_force = pks_to_in_force(drafting, vec![head_signs(sidrap()), head_signs(palopo())])?;
    assert_replays(&in_force);
    Ok(())
}

#[test]
fn a_single_required_approval_goes_straight_to_pks_drafting() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let awaiting = gates_assessed(signed, false, Some((palopo(), true)))?
        .submit_to_dprd(&clerk(sidrap()), day(9, 5))?;
    match awaiting.approve_dprd(&dprd(palopo()), day(9, 20), "Keputusan DPRD Palopo 3/2024")? {
        DprdOutcome::Approved(drafting) => assert_eq!(drafting.stage(), Stage::PksDrafting),
        DprdOutcome::StillAwaiting(_) => panic!("Sidrap's gate is false: nothing else to wait for"),
    }
    Ok(())
}

#[test]
fn leaving_kb_signed_without_the_required_approval_is_refused() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let assessed = gates_assessed(signed, false, Some((palopo(), true)))?;
    let before = assessed.clone();
    let refused = assessed
        .start_pks_drafting(&opd(sidrap()), day(9, 4))
        .expect_err("Palopo's DPRD must approve first");
    assert_eq!(refused.cooperation, before);
    assert!(
        refused
            .rejection
            .rules()
            .iter()
            .any(|rule| rule.as_str() == "KSD-DPRD-01")
    );
    Ok(())
}

#[test]
fn dprd_refusal_ends_the_cooperation_under_the_default_policy() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(rules_with(OnDprdRefusal::Terminate))?;
    let awaiting = gates_assessed(signed, false, Some((palopo(), true)))?
        .submit_to_dprd(&clerk(sidrap()), day(9, 5))?;
    match awaiting.refuse_dprd(&dprd(palopo()), day(9, 20), "Membebani APBD 2024")? {
        DprdRefusalOutcome::Refused(refused) => {
            assert_eq!(refused.cooperation().stage(), Stage::DprdRefused);
            assert_replays(&refused);
        }
        DprdRefusalOutcome::BackToKbDrafting(_) => panic!("the default policy terminates"),
    }
    Ok(())
}

#[test]
fn dprd_refusal_sends_the_kb_back_to_drafting_under_revise_kb() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(rules_with(OnDprdRefusal::ReviseKb))?;
    let awaiting = gates_assessed(signed, false, Some((palopo(), true)))?
        .submit_to_dprd(&clerk(sidrap()), day(9, 5))?;
    let DprdRefusalOutcome::BackToKbDrafting(drafting) =
        awaiting.refuse_dprd(&dprd(palopo()), day(9, 20), "Revisi pembagian biaya")?
    else {
        panic!("ReviseKb sends the KB back to drafting");
    };
    let drafting: Ksd<KbDrafting, KsddSukarela> = drafting;
    assert!(drafting.cooperation().kb().is_none());
    assert!(drafting.cooperation().dprd_decisions().is_empty());
    // The revised KB is signed again and the DPRD decides afresh.
    let signatories = vec![head_signs(sidrap()), head_signs(palopo())];
    let resigned = drafting.sign_kb(&clerk(sidrap()), day(10, 1), kb(day(10, 1), signatories))?;
    let awaiting = resigned.submit_to_dprd(&clerk(sidrap()), day(10, 2))?;
    let outcome =
        awaiting.approve_dprd(&dprd(palopo()), day(10, 15), "Keputusan DPRD Palopo 5/2024")?;
    assert!(matches!(outcome, DprdOutcome::Approved(_)));
    Ok(())
}

// ---------------------------------------------------------------- refusals and entry points

#[test]
fn a_refused_step_gives_the_cooperation_back_unchanged() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let mut unsigned_by_palopo = kb(day(9, 2), vec![head_signs(sidrap())]);
    unsigned_by_palopo.id = DocumentId("KB-02".into());
    // Re-run to KbDrafting through a refusal: a KB not signed by every party (KSD-DOC-07).
    let registered = Ksd::<Draft, KsddSukarela>::register(
        sukarela_spec(),
        &clerk(sidrap()),
        day(8, 1),
        RuleSet::current(),
    )?;
    let offered = registered
        .start_preparation(&opd(sidrap()), day(8, 2))?
        .attest_lawfulness(&clerk(sidrap()), day(8, 5), attestation())?
        .send_offer(&clerk(sidrap()), day(8, 6), offer_letter())?;
    let OfferOutcome::Accepted(accepted) = offered.accept_offer(&head(palopo()), day(8, 20))?
    else {
        panic!("Palopo is the only partner");
    };
    let drafting = accepted.start_kb_drafting(&opd(sidrap()), day(8, 21))?;
    let before = drafting.clone();
    let refused = drafting
        .sign_kb(&clerk(sidrap()), day(9, 2), unsigned_by_palopo)
        .expect_err("Palopo has not signed");
    assert!(refused.rejection.rules().contains(&KSD_DOC_07));
    assert_eq!(refused.cooperation, before, "state and events untouched");
    assert!(refused.to_string().contains("KSD-DOC-07"));
    // Nothing is lost: the same value signs once the KB is complete.
    let retried = refused.cooperation.sign_kb(
        &clerk(sidrap()),
        day(9, 2),
        kb(day(9, 2), vec![head_signs(sidrap()), head_signs(palopo())]),
    )?;
    assert_eq!(retried.cooperation(), signed.cooperation());
    Ok(())
}

#[test]
fn the_wrong_actor_is_refused_by_the_same_authority_rules() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let awaiting = gates_assessed(signed, false, Some((palopo(), true)))?
        .submit_to_dprd(&clerk(sidrap()), day(9, 5))?;
    // Sidrap's gate is false: its DPRD has nothing to approve (KSD-DPRD-01).
    let refused = awaiting
        .approve_dprd(&dprd(sidrap()), day(9, 20), "Keputusan DPRD Sidrap 7/2024")
        .expect_err("the DPRD acts only where its gate is true");
    assert!(matches!(
        refused.rejection,
        Rejection::ActorNotAuthorised { .. }
    ));
    assert_eq!(refused.cooperation.stage(), Stage::AwaitingDprd);
    Ok(())
}

#[test]
fn registering_a_kind_of_another_track_is_refused() {
    let refused = Ksd::<Draft, KsddSukarela>::register(
        wajib_spec(),
        &clerk(sidrap()),
        day(8, 1),
        RuleSet::current(),
    );
    assert!(matches!(
        refused,
        Err(Rejection::InvalidInput { ref field, .. }) if field == "spec.kind"
    ));
}

#[test]
fn the_facade_and_the_plain_api_decide_alike() -> Outcome<()> {
    let rules = RuleSet::current();
    let mut plain = Cooperation::new();
    plain.execute(
        &Command::Register {
            spec: Box::new(sukarela_spec()),
        },
        &clerk(sidrap()),
        day(8, 1),
        &rules,
    )?;
    plain.execute(
        &Command::StartPreparation,
        &opd(sidrap()),
        day(8, 2),
        &rules,
    )?;
    let typed = Ksd::<Draft, KsddSukarela>::register(
        sukarela_spec(),
        &clerk(sidrap()),
        day(8, 1),
        rules.clone(),
    )?
    .start_preparation(&opd(sidrap()), day(8, 2))?;
    assert_eq!(typed.cooperation(), &plain);

    // A replayed cooperation resumes as a typed one at its own stage only.
    let resumed = Ksd::<kerjasama::lifecycle::typed::stage::Preparation, KsddSukarela>::resume(
        plain.clone(),
        rules.clone(),
    )
    .map_err(|wrong| Rejection::InvalidInput {
        field: "stage".into(),
        message: wrong.to_string(),
        rule: None,
    })?;
    assert!(resumed.events().is_empty());
    let wrong = Ksd::<Draft, KsddSukarela>::resume(plain.clone(), rules.clone())
        .expect_err("the cooperation is in preparation, not a draft");
    assert_eq!(wrong.cooperation, plain);
    assert_eq!(wrong.expected_stage, Stage::Draft);
    let wrong_track =
        Ksd::<kerjasama::lifecycle::typed::stage::Preparation, KsdpkRegion>::resume(plain, rules);
    assert!(wrong_track.is_err());
    Ok(())
}

#[test]
fn events_are_handed_out_once_for_storage() -> Outcome<()> {
    let mut typed = Ksd::<Draft, KsddSukarela>::register(
        sukarela_spec(),
        &clerk(sidrap()),
        day(8, 1),
        RuleSet::current(),
    )?;
    let stored = typed.take_events();
    assert_eq!(
        stored.len(),
        2,
        "registered, then the stage change to draft"
    );
    assert!(typed.events().is_empty());
    let preparation = typed.start_preparation(&opd(sidrap()), day(8, 2))?;
    assert_eq!(preparation.events().len(), 1);
    let (cooperation, _rules, pending) = preparation.into_parts();
    let replayed = Cooperation::from_events(stored.iter().chain(&pending));
    assert_eq!(replayed, cooperation);
    Ok(())
}

#[test]
fn cancelling_is_a_typed_step_before_entry_into_force() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let cancelled = signed.cancel(&head(sidrap()), day(9, 10), "Anggaran dialihkan")?;
    assert_eq!(cancelled.cooperation().stage(), Stage::Cancelled);
    assert!(cancelled.cooperation().stage().is_terminal());
    Ok(())
}

#[test]
fn after_the_term_expires_the_ended_cooperation_still_records_facts() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let drafting = gates_assessed(signed, false, Some((palopo(), false)))?
        .start_pks_drafting(&opd(sidrap()), day(9, 4))?;
    let in_force = pks_to_in_force(drafting, vec![head_signs(sidrap()), head_signs(palopo())])?;
    let after_term = NaiveDate::from_ymd_opt(2029, 10, 1).expect("a date");
    let before = in_force.clone();
    let too_early = in_force
        .record_expiry(&clerk(sidrap()), day(12, 1))
        .expect_err("the PKS runs until 2029");
    assert_eq!(too_early.cooperation, before);
    let ended = too_early
        .cooperation
        .record_expiry(&clerk(sidrap()), after_term)?;
    let successor = CooperationId(uuid::Uuid::from_u128(99));
    let ended = ended
        .record_expiry(&clerk(sidrap()), after_term)?
        .record_extension(&opd(sidrap()), after_term, successor)?;
    assert_eq!(ended.stage(), Stage::Ended);
    assert_eq!(ended.cooperation().successors(), &[(successor, after_term)]);
    assert_replays(&ended);
    Ok(())
}
