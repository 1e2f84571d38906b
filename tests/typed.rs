//! The typestate facade driven through whole procedures: KSDD sukarela and wajib, KSDPK on the
//! region's and on the third party's initiative, the DPRD branches, refusals that give the
//! cooperation back unchanged, and the facade agreeing with the plain `decide`/`apply` API.
//! From rule-set version 3: a kerja sama wajib that stalls where another kind would end, and
//! resumes or is taken over; cancellation before the KB and termination on a ground after
//! it; the DPRD round of a later PKS while in force.

use chrono::NaiveDate;
use kerjasama::law::{
    KSD_DOC_07, KSD_DPRD_01, KSD_ENF_08, KSD_STAGE_01, KSD_STAGE_04, KSD_TERM_01, KSD_TERM_02,
    KSD_TERM_09, OnDprdRefusal, Policy, RuleSet, UnilateralTermination, WajibRefusalPolicy,
};
use kerjasama::lifecycle::typed::stage::{
    AwaitingDprd, Cancelled, Draft, InForce, KbDrafting, KbSigned, Mapping, OfferRejected,
    OfferSent, PksDrafting, Preparation, Stalled, Withdrawn,
};
use kerjasama::lifecycle::typed::track::{
    KsddSukarela, KsddWajib, KsdpkRegion, KsdpkThirdParty, TrackMarker,
};
use kerjasama::lifecycle::typed::{
    DprdOutcome, DprdRefusalOutcome, Ksd, OfferOutcome, ResumeOutcome, WajibCancellationOutcome,
    WajibDprdRefusalOutcome, WajibOfferRejectionOutcome, WajibWithdrawalOutcome,
};
use kerjasama::lifecycle::{
    Command, Cooperation, CooperationSpec, EndGround, GroundEvidence, Rejection, Stage,
};
use kerjasama::model::{
    Actor, AffairsMapping, BorderTable, BusinessEntity, Clause, Consent, CoordinationLevel,
    Criterion, Document, DocumentId, DocumentKind, DprdGate, Feasibility, FeasibilityStudy,
    Initiative, InitiativeCriteria, KodeWilayah, KsddCategory, KsdpkType, LawfulnessAttestation,
    OfferLetter, Party, PartyId, Record, Role, Signatory, Takeover, TakeoverBy, ThirdParty,
    ThirdPartyKind, Urusan, WrittenNotice,
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

/// The current rules with a kerja sama wajib's exits ending it, as for the other kinds.
fn wajib_exits_end() -> RuleSet {
    let mut policy = Policy::default();
    policy.wajib_refusal_policy = WajibRefusalPolicy::EndsCooperation;
    RuleSet::current_with(policy)
}

/// Every party's consent to end by agreement (ground (c)), given on `on`.
fn consents(parties: &[KodeWilayah], on: NaiveDate) -> Vec<Consent> {
    parties
        .iter()
        .map(|&region| {
            Consent::new(
                region,
                format!("Kepala daerah {}", name_of(region)),
                on,
                format!("180/{}/2024", region),
            )
        })
        .collect()
}

fn governor() -> Actor {
    Actor::new(
        Role::Governor,
        sidrap().province(),
        "Gubernur Sulawesi Selatan",
    )
}

/// The governor's takeover of Parepare's part, its preconditions dated `guidance_on` and the
/// weeks after, each issued by whom Pasal 11 names (KSD-ENF-02, -04, -05).
fn governor_takeover(guidance_on: NaiveDate) -> Takeover {
    let after = |days| guidance_on + chrono::Days::new(days);
    Takeover::new(parepare(), TakeoverBy::Governor)
        .with_guidance(
            Record::new(guidance_on, "Surat Gubernur 180/21/2024 (pembinaan)")
                .issued_by(Role::Governor),
        )
        .with_obstacle_evaluation(
            Record::new(after(14), "Laporan evaluasi kendala 180/33/2024")
                .issued_by(Role::Governor),
        )
        .with_minister_approval(
            Record::new(after(28), "Persetujuan Mendagri 100/412/2024").issued_by(Role::Minister),
        )
        .with_costs_charged_to(parepare())
}

// ---------------------------------------------------------------- shared legs

/// A KSDD from registration to KB drafting, through preparation and the offer.
fn ksdd_to_kb_drafting(rules: RuleSet) -> Outcome<Ksd<KbDrafting, KsddSukarela>> {
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
    Ok(accepted.start_kb_drafting(&opd(sidrap()), day(8, 21))?)
}

/// A KSDD from registration to the signed KB, through preparation and the offer.
fn ksdd_to_kb_signed(rules: RuleSet) -> Outcome<Ksd<KbSigned, KsddSukarela>> {
    let signatories = vec![head_signs(sidrap()), head_signs(palopo())];
    Ok(ksdd_to_kb_drafting(rules)?.sign_kb(
        &clerk(sidrap()),
        day(9, 2),
        kb(day(9, 2), signatories),
    )?)
}

/// A KSDD with its KB signed and both gates assessed false, in PKS drafting.
fn ksdd_to_pks_drafting(rules: RuleSet) -> Outcome<Ksd<PksDrafting, KsddSukarela>> {
    let signed = ksdd_to_kb_signed(rules)?;
    Ok(gates_assessed(signed, false, Some((palopo(), false)))?
        .start_pks_drafting(&opd(sidrap()), day(9, 4))?)
}

/// A KSDD in force under its first PKS (from 1 October 2024, five years).
fn ksdd_in_force() -> Outcome<Ksd<InForce, KsddSukarela>> {
    let drafting = ksdd_to_pks_drafting(RuleSet::current())?;
    pks_to_in_force(drafting, vec![head_signs(sidrap()), head_signs(palopo())])
}

/// A kerja sama wajib of Sidrap and Parepare through its pre-stages (RULES.md §4.2) to
/// preparation, lawfulness attested.
fn wajib_to_preparation(rules: RuleSet) -> Outcome<Ksd<Preparation, KsddWajib>> {
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
    Ok(agreed
        .start_preparation(&opd(sidrap()), day(7, 22))?
        .attest_lawfulness(&clerk(sidrap()), day(7, 23), attestation())?)
}

/// The kerja sama wajib's offer sent to Parepare.
fn wajib_to_offer_sent(rules: RuleSet) -> Outcome<Ksd<OfferSent, KsddWajib>> {
    Ok(wajib_to_preparation(rules)?.send_offer(&clerk(sidrap()), day(7, 24), offer_letter())?)
}

/// The kerja sama wajib's KB signed by both heads.
fn wajib_to_kb_signed(rules: RuleSet) -> Outcome<Ksd<KbSigned, KsddWajib>> {
    let offered = wajib_to_offer_sent(rules)?;
    let OfferOutcome::Accepted(accepted) = offered.accept_offer(&head(parepare()), day(8, 1))?
    else {
        panic!("Parepare is the only partner");
    };
    let signatories = vec![head_signs(sidrap()), head_signs(parepare())];
    Ok(accepted
        .start_kb_drafting(&opd(sidrap()), day(8, 2))?
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
        .terminate_by_agreement(
            &head(sidrap()),
            day(11, 1),
            consents(&[sidrap(), palopo()], day(10, 28)),
        )?;
    assert_eq!(ended.cooperation().stage(), Stage::Ended);
    assert_eq!(
        ended.cooperation().end_grounds(),
        [EndGround::MutualAgreement]
    );
    assert_eq!(
        ended
            .cooperation()
            .ending()
            .map(|ending| ending.consents.len()),
        Some(2)
    );
    assert!(ended.cooperation().has_secretariat());
    Ok(())
}

#[test]
fn ksdd_wajib_main_line_runs_the_pre_stages_then_reaches_in_force() -> Outcome<()> {
    let signed = wajib_to_kb_signed(RuleSet::current())?;
    let signatories = vec![head_signs(sidrap()), head_signs(parepare())];
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
    let mut revised = kb(day(10, 1), signatories);
    revised.id = DocumentId("KB-01-REV1".into());
    // Since version 3 the revision names the KB it supersedes (KSD-DOC-01).
    let unlinked = drafting
        .sign_kb(&clerk(sidrap()), day(10, 1), revised.clone())
        .expect_err("the revision does not name the KB it supersedes");
    assert!(
        unlinked
            .rejection
            .rules()
            .contains(&kerjasama::law::KSD_DOC_01)
    );
    revised.supersedes = Some(DocumentId("KB-01".into()));
    let resigned = unlinked
        .cooperation
        .sign_kb(&clerk(sidrap()), day(10, 1), revised)?;
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
    // Leaving the facade gives the same cooperation back, still in preparation.
    let left = typed.into_inner();
    assert_eq!(left, plain);
    assert_eq!(left.stage(), Stage::Preparation);

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
fn cancelling_ends_a_cooperation_that_has_no_kb_yet() -> Outcome<()> {
    let drafting = ksdd_to_kb_drafting(RuleSet::current())?;
    let cancelled: Ksd<Cancelled, KsddSukarela> =
        drafting.cancel(&head(sidrap()), day(8, 25), "Anggaran dialihkan")?;
    assert_eq!(cancelled.cooperation().stage(), Stage::Cancelled);
    assert!(cancelled.cooperation().stage().is_terminal());
    assert_replays(&cancelled);
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

// ---------------------------------------------------------------- ending after the KB (v3)

#[test]
fn after_the_kb_is_signed_it_ends_by_agreement_with_every_consent() -> Outcome<()> {
    // No `cancel` once the KB is signed (see the compile-fail example of the module): the
    // cooperation ends on a ground of Pasal 9 ayat (1).
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let before = signed.clone();
    let refused = signed
        .terminate(&head(sidrap()), day(9, 10), [EndGround::MutualAgreement])
        .expect_err("ground (c) needs every party's consent");
    assert!(refused.rejection.rules().contains(&KSD_TERM_01));
    assert_eq!(refused.cooperation, before);
    let only_sidrap = refused
        .cooperation
        .terminate_by_agreement(
            &head(sidrap()),
            day(9, 10),
            consents(&[sidrap()], day(9, 9)),
        )
        .expect_err("Palopo has not consented");
    assert!(only_sidrap.rejection.rules().contains(&KSD_TERM_01));
    let ended = only_sidrap.cooperation.terminate_by_agreement(
        &clerk(sidrap()),
        day(9, 10),
        consents(&[sidrap(), palopo()], day(9, 9)),
    )?;
    assert_eq!(ended.cooperation().stage(), Stage::Ended);
    assert_eq!(
        ended.cooperation().end_grounds(),
        [EndGround::MutualAgreement]
    );
    assert_replays(&ended);
    Ok(())
}

#[test]
fn a_ground_with_its_evidence_ends_a_cooperation_awaiting_its_dprd() -> Outcome<()> {
    let signed = ksdd_to_kb_signed(RuleSet::current())?;
    let awaiting = gates_assessed(signed, false, Some((palopo(), true)))?
        .submit_to_dprd(&clerk(sidrap()), day(9, 5))?;
    let decree = Record::new(
        day(9, 12),
        "Perpres 12/2024 tentang cadangan pangan nasional",
    );
    // Bankruptcy ends a KSDPK only (KSD-TERM-02).
    let refused = awaiting
        .terminate_with_evidence(
            &head(sidrap()),
            day(9, 15),
            EndGround::Bankruptcy,
            decree.clone(),
        )
        .expect_err("a KSDD does not end on a party's bankruptcy");
    assert!(refused.rejection.rules().contains(&KSD_TERM_02));
    // A policy change is a ground only with its evidence (KSD-TERM-01).
    let refused = refused
        .cooperation
        .terminate(&head(sidrap()), day(9, 15), [EndGround::PolicyChange])
        .expect_err("the policy change is not evidenced");
    assert!(refused.rejection.rules().contains(&KSD_TERM_01));
    let ended = refused.cooperation.terminate_with_evidence(
        &head(sidrap()),
        day(9, 15),
        EndGround::PolicyChange,
        decree,
    )?;
    assert_eq!(ended.cooperation().end_grounds(), [EndGround::PolicyChange]);
    assert_eq!(
        ended
            .cooperation()
            .ending()
            .map(|ending| ending.evidence.len()),
        Some(1)
    );
    assert_replays(&ended);
    Ok(())
}

#[test]
fn a_written_notice_ends_the_cooperation_only_where_the_policy_allows_it() -> Outcome<()> {
    let notice = WrittenNotice::new(palopo(), "Surat Wali Kota Palopo 180/77/2024", day(9, 5));
    // Default: PP 28/2018 has no unilateral termination (KSD-TERM-09).
    let drafting = ksdd_to_pks_drafting(RuleSet::current())?;
    let refused = drafting
        .terminate_by_notice(&head(palopo()), day(10, 10), notice.clone())
        .expect_err("no unilateral termination by default");
    assert!(refused.rejection.rules().contains(&KSD_TERM_09));
    assert_eq!(refused.cooperation.stage(), Stage::PksDrafting);

    let mut policy = Policy::default();
    policy.unilateral_termination = UnilateralTermination::WrittenNotice { notice_days: 30 };
    let drafting = ksdd_to_pks_drafting(RuleSet::current_with(policy))?;
    let too_early = drafting
        .terminate_by_notice(&head(palopo()), day(9, 20), notice.clone())
        .expect_err("thirty days have not passed since the notice");
    assert!(too_early.rejection.rules().contains(&KSD_TERM_09));
    let ended =
        too_early
            .cooperation
            .terminate_by_notice(&head(palopo()), day(10, 10), notice.clone())?;
    assert_eq!(ended.cooperation().stage(), Stage::Ended);
    assert_eq!(
        ended.cooperation().ending().and_then(|e| e.notice.clone()),
        Some(notice)
    );
    Ok(())
}

#[test]
fn several_grounds_end_a_signed_pks_with_every_record_they_need() -> Outcome<()> {
    let drafting = ksdd_to_pks_drafting(RuleSet::current())?;
    let signed = drafting.sign_pks(
        &clerk(sidrap()),
        day(9, 20),
        pks(
            "PKS-01",
            day(9, 20),
            vec![head_signs(sidrap()), head_signs(palopo())],
        ),
    )?;
    let evidence = GroundEvidence::new(
        EndGround::PolicyChange,
        Record::new(
            day(9, 25),
            "Perpres 12/2024 tentang cadangan pangan nasional",
        ),
    );
    let ended = signed.terminate_on_grounds(
        &head(sidrap()),
        day(9, 30),
        vec![EndGround::MutualAgreement, EndGround::PolicyChange],
        consents(&[sidrap(), palopo()], day(9, 27)),
        vec![evidence],
        None,
    )?;
    assert_eq!(
        ended.cooperation().end_grounds(),
        [EndGround::MutualAgreement, EndGround::PolicyChange]
    );
    assert_replays(&ended);
    Ok(())
}

// ---------------------------------------------------------------- a kerja sama wajib stalls (v3)

#[test]
fn a_wajib_withdrawal_stalls_and_the_procedure_resumes_at_preparation() -> Outcome<()> {
    let preparation = wajib_to_preparation(RuleSet::current())?;
    let WajibWithdrawalOutcome::Stalled(stalled) =
        preparation.withdraw(&head(sidrap()), day(7, 24), "Menunggu APBD perubahan")?
    else {
        panic!("a kerja sama wajib stalls under the default policy");
    };
    let stalled: Ksd<Stalled, KsddWajib> = stalled;
    assert_eq!(stalled.cooperation().stage(), Stage::Stalled);
    assert_eq!(
        stalled.cooperation().stalled_from(),
        Some(Stage::Preparation)
    );
    assert!(!stalled.cooperation().stage().is_terminal());
    assert_replays(&stalled);

    let ResumeOutcome::Preparation(preparation) =
        stalled.resume_wajib_procedure(&clerk(sidrap()), day(8, 15))?
    else {
        panic!("it stalled in preparation");
    };
    // The procedure goes on from the record kept: the offer is sent this time.
    let offered = preparation.send_offer(&clerk(sidrap()), day(8, 16), offer_letter())?;
    assert_eq!(offered.cooperation().stage(), Stage::OfferSent);
    assert_replays(&offered);
    Ok(())
}

#[test]
fn a_wajib_withdrawn_after_the_offer_resumes_at_preparation() -> Outcome<()> {
    let offered = wajib_to_offer_sent(RuleSet::current())?;
    let WajibWithdrawalOutcome::Stalled(stalled) = offered.withdraw(
        &head(sidrap()),
        day(7, 30),
        "Lokasi gudang belum disepakati",
    )?
    else {
        panic!("a kerja sama wajib stalls under the default policy");
    };
    assert_eq!(stalled.cooperation().stalled_from(), Some(Stage::OfferSent));
    let resumed = stalled.resume_wajib_procedure(&head(parepare()), day(8, 20))?;
    assert!(matches!(resumed, ResumeOutcome::Preparation(_)));
    Ok(())
}

#[test]
fn a_wajib_cancelled_while_mapping_resumes_where_it_stalled() -> Outcome<()> {
    let draft = Ksd::<Draft, KsddWajib>::register(
        wajib_spec(),
        &clerk(sidrap()),
        day(7, 1),
        RuleSet::current(),
    )?;
    let mapping = draft.begin_wajib_procedure(&clerk(sidrap()), day(7, 2))?;
    let WajibCancellationOutcome::Stalled(stalled) =
        mapping.cancel(&head(sidrap()), day(7, 5), "Pemetaan ditunda")?
    else {
        panic!("a kerja sama wajib stalls under the default policy");
    };
    assert_eq!(stalled.cooperation().stalled_from(), Some(Stage::Mapping));
    let ResumeOutcome::Mapping(mapping) =
        stalled.resume_wajib_procedure(&head(sidrap()), day(7, 20))?
    else {
        panic!("it stalled while mapping");
    };
    let mapping: Ksd<Mapping, KsddWajib> = mapping.file_mapping(
        &clerk(sidrap()),
        day(7, 21),
        AffairsMapping::new(sidrap(), [Urusan::Pangan]).with_potentials(["Lumbung padi"]),
    )?;
    assert_eq!(mapping.cooperation().stage(), Stage::Mapping);
    assert_replays(&mapping);
    Ok(())
}

#[test]
fn a_rejected_wajib_offer_stalls_until_the_governor_takes_it_over() -> Outcome<()> {
    let offered = wajib_to_offer_sent(RuleSet::current())?;
    let WajibOfferRejectionOutcome::Stalled(stalled) =
        offered.reject_offer(&head(parepare()), day(8, 1), "Tidak dianggarkan")?
    else {
        panic!("a kerja sama wajib stalls under the default policy");
    };
    assert_eq!(stalled.cooperation().stalled_from(), Some(Stage::OfferSent));
    // Guidance given before it stalled is not guidance on the stall (KSD-ENF-04).
    let before = stalled.clone();
    let early = stalled
        .take_over(&governor(), day(9, 10), governor_takeover(day(7, 25)))
        .expect_err("the guidance predates the stall");
    assert!(
        early
            .rejection
            .rules()
            .iter()
            .any(|rule| rule.as_str() == "KSD-ENF-04")
    );
    assert_eq!(early.cooperation, before);
    let taken =
        early
            .cooperation
            .take_over(&governor(), day(9, 10), governor_takeover(day(8, 5)))?;
    assert_eq!(taken.cooperation().stage(), Stage::TakenOver);
    assert_eq!(
        taken.cooperation().takeover().map(|t| t.defaulting_region),
        Some(parepare())
    );
    assert_replays(&taken);
    Ok(())
}

#[test]
fn a_wajib_dprd_refusal_stalls_revises_the_kb_or_ends_as_the_policies_say() -> Outcome<()> {
    let awaiting = |rules| -> Outcome<_> {
        Ok(
            gates_assessed(wajib_to_kb_signed(rules)?, false, Some((parepare(), true)))?
                .submit_to_dprd(&clerk(sidrap()), day(9, 5))?,
        )
    };
    let refuse = |coop: Ksd<AwaitingDprd, KsddWajib>| {
        coop.refuse_dprd(&dprd(parepare()), day(9, 20), "Membebani APBD 2024")
    };

    // Default: on_dprd_refusal Terminate, wajib_refusal_policy StallsTowardTakeover.
    let WajibDprdRefusalOutcome::Stalled(stalled) = refuse(awaiting(RuleSet::current())?)? else {
        panic!("the default policies stall a kerja sama wajib");
    };
    assert_eq!(
        stalled.cooperation().stalled_from(),
        Some(Stage::AwaitingDprd)
    );
    assert!(matches!(
        stalled.resume_wajib_procedure(&head(sidrap()), day(10, 1))?,
        ResumeOutcome::Preparation(_)
    ));

    // ReviseKb: back to KB drafting, whatever the wajib policy.
    let revise = refuse(awaiting(rules_with(OnDprdRefusal::ReviseKb))?)?;
    assert!(matches!(
        revise,
        WajibDprdRefusalOutcome::BackToKbDrafting(_)
    ));

    // EndsCooperation: refused, as a kerja sama sukarela would be.
    let WajibDprdRefusalOutcome::Refused(refused) = refuse(awaiting(wajib_exits_end())?)? else {
        panic!("EndsCooperation ends it");
    };
    assert_eq!(refused.cooperation().stage(), Stage::DprdRefused);
    assert_replays(&refused);
    Ok(())
}

#[test]
fn under_ends_cooperation_a_wajib_exit_ends_it_as_for_sukarela() -> Outcome<()> {
    let preparation = wajib_to_preparation(wajib_exits_end())?;
    let WajibWithdrawalOutcome::Withdrawn(withdrawn) =
        preparation.withdraw(&head(sidrap()), day(7, 24), "Dibatalkan bersama")?
    else {
        panic!("EndsCooperation ends it");
    };
    let _: Ksd<Withdrawn, KsddWajib> = withdrawn;

    let offered = wajib_to_offer_sent(wajib_exits_end())?;
    let WajibOfferRejectionOutcome::Rejected(rejected) =
        offered.reject_offer(&head(parepare()), day(8, 1), "Tidak dianggarkan")?
    else {
        panic!("EndsCooperation ends it");
    };
    assert_eq!(rejected.cooperation().stage(), Stage::OfferRejected);

    let draft = Ksd::<Draft, KsddWajib>::register(
        wajib_spec(),
        &clerk(sidrap()),
        day(7, 1),
        wajib_exits_end(),
    )?;
    let WajibCancellationOutcome::Cancelled(cancelled) =
        draft.cancel(&head(sidrap()), day(7, 2), "Urusan dialihkan ke provinsi")?
    else {
        panic!("EndsCooperation ends it");
    };
    assert_eq!(cancelled.cooperation().stage(), Stage::Cancelled);
    Ok(())
}

#[test]
fn sukarela_and_ksdpk_exits_keep_their_precise_types() -> Outcome<()> {
    // The same calls as on a kerja sama wajib, but no outcome to match: these tracks never
    // stall (the type says so).
    let registered = |rules| {
        Ksd::<Draft, KsddSukarela>::register(sukarela_spec(), &clerk(sidrap()), day(8, 1), rules)
    };
    let preparation =
        registered(RuleSet::current())?.start_preparation(&opd(sidrap()), day(8, 2))?;
    let withdrawn: Ksd<Withdrawn, KsddSukarela> =
        preparation.withdraw(&head(sidrap()), day(8, 3), "Ditunda")?;
    assert_eq!(withdrawn.cooperation().stage(), Stage::Withdrawn);

    let offered = registered(RuleSet::current())?
        .start_preparation(&opd(sidrap()), day(8, 2))?
        .attest_lawfulness(&clerk(sidrap()), day(8, 5), attestation())?
        .send_offer(&clerk(sidrap()), day(8, 6), offer_letter())?;
    let rejected: Ksd<OfferRejected, KsddSukarela> =
        offered.reject_offer(&head(palopo()), day(8, 20), "Tidak dianggarkan")?;
    assert_eq!(rejected.cooperation().stage(), Stage::OfferRejected);

    let ksdpk = Ksd::<Draft, KsdpkRegion>::register(
        ksdpk_spec(3, Initiative::Region),
        &clerk(sidrap()),
        day(8, 1),
        RuleSet::current(),
    )?
    .start_preparation(&opd(sidrap()), day(8, 2))?;
    let cancelled: Ksd<Cancelled, KsdpkRegion> =
        ksdpk.cancel(&head(sidrap()), day(8, 3), "Studi kelayakan tidak layak")?;
    assert_eq!(cancelled.cooperation().stage(), Stage::Cancelled);

    // Under EndsCooperation or not, a DPRD refusal of a sukarela is the two-way outcome.
    let signed = ksdd_to_kb_signed(wajib_exits_end())?;
    let awaiting = gates_assessed(signed, false, Some((palopo(), true)))?
        .submit_to_dprd(&clerk(sidrap()), day(9, 5))?;
    assert!(matches!(
        awaiting.refuse_dprd(&dprd(palopo()), day(9, 20), "Membebani APBD 2024")?,
        DprdRefusalOutcome::Refused(_)
    ));
    Ok(())
}

// ---------------------------------------------------------------- a later PKS while in force (v3)

/// The gate of a later PKS: `required` or not, for the fiscal year of its funding.
fn later_gate(required: bool) -> DprdGate {
    gate(required).with_fiscal_year(2025)
}

fn later_pks(signed_on: NaiveDate) -> Document {
    pks(
        "PKS-02",
        signed_on,
        vec![head_signs(sidrap()), head_signs(palopo())],
    )
}

#[test]
fn a_later_pks_passes_its_own_dprd_round_while_in_force() -> Outcome<()> {
    let in_force = ksdd_in_force()?;
    // Not drafted yet (KSD-STAGE-01).
    let undrafted = in_force
        .sign_pks(&clerk(sidrap()), day(11, 1), later_pks(day(11, 1)))
        .expect_err("a later PKS is drafted first");
    assert!(undrafted.rejection.rules().contains(&KSD_STAGE_01));

    // The round's gates name the fiscal year of the PKS's funding (KSD-DPRD-01).
    let without_year = undrafted
        .cooperation
        .assess_dprd_gate(&clerk(sidrap()), day(11, 2), sidrap(), gate(true))?
        .assess_dprd_gate(&clerk(palopo()), day(11, 2), palopo(), later_gate(false))?;
    let refused = without_year
        .submit_to_dprd(&clerk(sidrap()), day(11, 3))
        .expect_err("Sidrap's gate names no fiscal year");
    assert!(refused.rejection.rules().contains(&KSD_DPRD_01));
    let assessed = refused.cooperation.assess_dprd_gate(
        &clerk(sidrap()),
        day(11, 3),
        sidrap(),
        later_gate(true),
    )?;

    // A DPRD decides only on what was submitted to it.
    let unsubmitted = assessed
        .approve_dprd(&dprd(sidrap()), day(11, 4), "Keputusan DPRD Sidrap 9/2024")
        .expect_err("nothing submitted yet");
    assert!(unsubmitted.rejection.rules().contains(&KSD_DPRD_01));

    let signed = unsubmitted
        .cooperation
        .submit_to_dprd(&clerk(sidrap()), day(11, 5))?
        .approve_dprd(&dprd(sidrap()), day(11, 20), "Keputusan DPRD Sidrap 9/2024")?
        .start_pks_drafting(&opd(sidrap()), day(11, 21))?
        .sign_pks(&clerk(sidrap()), day(12, 2), later_pks(day(12, 2)))?;
    let coop = signed.cooperation();
    assert_eq!(signed.stage(), Stage::InForce);
    assert_eq!(coop.pks().len(), 2);
    assert!(coop.open_dprd_round().is_none());
    assert_eq!(coop.dprd_rounds().len(), 1);
    assert_eq!(
        coop.dprd_rounds()[0].for_document,
        Some(DocumentId("PKS-02".into()))
    );
    assert_replays(&signed);
    Ok(())
}

#[test]
fn a_dprd_refusal_of_a_later_pks_leaves_the_cooperation_in_force() -> Outcome<()> {
    let in_force = ksdd_in_force()?
        .assess_dprd_gate(&clerk(sidrap()), day(11, 2), sidrap(), later_gate(true))?
        .assess_dprd_gate(&clerk(palopo()), day(11, 2), palopo(), later_gate(false))?
        .submit_to_dprd(&clerk(sidrap()), day(11, 5))?
        .refuse_dprd(
            &dprd(sidrap()),
            day(11, 20),
            "Tidak tersedia dalam APBD 2025",
        )?;
    assert_eq!(in_force.cooperation().stage(), Stage::InForce);
    assert_eq!(in_force.cooperation().pks().len(), 1);
    let refused = in_force
        .start_pks_drafting(&opd(sidrap()), day(11, 21))
        .expect_err("Sidrap's DPRD refused this PKS");
    assert!(refused.rejection.rules().contains(&KSD_DPRD_01));
    assert_eq!(refused.cooperation.stage(), Stage::InForce);
    assert_replays(&refused.cooperation);
    Ok(())
}
