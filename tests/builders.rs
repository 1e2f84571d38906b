//! The public builders and constructors (issue 7, item 6): what `build()` checks, and a KSDD
//! sukarela taken from registration to in force with nothing but the public constructors,
//! as an embedder outside the crate writes it (every struct involved is non-exhaustive).

use chrono::NaiveDate;
use kerjasama::law::RuleSet;
use kerjasama::lifecycle::{Command, Cooperation, CooperationSpec, CooperationSpecBuilder, Stage};
use kerjasama::model::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn code(text: &str) -> KodeWilayah {
    text.parse().expect("a kode wilayah")
}

fn sidrap() -> KodeWilayah {
    KodeWilayah::SIDRAP
}

fn parepare() -> KodeWilayah {
    code("73.72")
}

fn palopo() -> KodeWilayah {
    code("73.73")
}

fn sukarela() -> CooperationKind {
    CooperationKind::Ksdd {
        category: Some(KsddCategory::Sukarela),
    }
}

fn object() -> CooperationObject {
    CooperationObject::in_plan(
        "Cadangan pangan",
        [Urusan::Pangan],
        "RPJMD Sidrap 2021–2026",
    )
}

/// A builder with every required field set.
fn complete() -> CooperationSpecBuilder {
    CooperationSpec::builder()
        .id(uuid::Uuid::from_u128(0xB1))
        .title("Cadangan pangan Sidrap–Parepare")
        .kind(sukarela())
        .party(Party::region(sidrap(), "Kabupaten Sidenreng Rappang"))
        .party(Party::region(parepare(), "Kota Parepare"))
        .initiator(sidrap())
        .object(object())
}

fn head_signs(region: KodeWilayah) -> Signatory {
    Signatory::head(
        region,
        format!("Kepala {region} (fiktif)"),
        format!("Kepala daerah {region}"),
    )
}

#[test]
fn the_spec_builder_names_each_missing_field_in_field_order() {
    let missing = |builder: CooperationSpecBuilder| match builder.build() {
        Err(BuildError::Missing { field }) => field,
        other => panic!("expected a missing field, got {other:?}"),
    };
    let mut builder = CooperationSpec::builder();
    assert_eq!(missing(builder.clone()), "spec.id");
    builder = builder.id(uuid::Uuid::from_u128(1));
    assert_eq!(missing(builder.clone()), "spec.title");
    assert_eq!(missing(builder.clone().title("   ")), "spec.title", "blank");
    builder = builder.title("Cadangan pangan");
    assert_eq!(missing(builder.clone()), "spec.kind");
    builder = builder.kind(sukarela());
    assert_eq!(missing(builder.clone()), "spec.parties");
    builder = builder.party(Party::region(sidrap(), "Kabupaten Sidenreng Rappang"));
    assert_eq!(missing(builder.clone()), "spec.initiator");
    builder = builder.initiator(sidrap());
    assert_eq!(missing(builder.clone()), "spec.object");
    let spec = builder.object(object()).build().expect("complete");
    assert_eq!(spec.title, "Cadangan pangan");
    // Optional fields keep their defaults.
    assert!(spec.funding.is_empty() && spec.borders.is_empty());
    assert_eq!(
        (
            spec.sectoral_regime,
            spec.proposed_term_years,
            spec.renews,
            spec.lead_opd
        ),
        (None, None, None, None)
    );
}

#[test]
fn the_spec_builder_refuses_a_party_listed_twice_and_references_to_non_parties() {
    let twice = complete()
        .party(Party::region(sidrap(), "Sidrap lagi"))
        .build();
    assert_eq!(
        twice,
        Err(BuildError::DuplicateParty {
            field: "spec.parties[2]".into(),
            party: sidrap().into(),
        })
    );
    let outsider = complete().initiator(palopo()).build();
    assert_eq!(
        outsider,
        Err(BuildError::NotAParty {
            field: "spec.initiator".into(),
            party: palopo().into(),
        })
    );
    let funder = complete()
        .funding(Funding::new(sidrap(), Rupiah(10), FundingSource::Apbd))
        .funding(Funding::new(palopo(), Rupiah(10), FundingSource::Apbd))
        .build();
    let error = funder.expect_err("Palopo is not a party");
    assert_eq!(error.field(), "spec.funding[1].party");
    assert_eq!(
        error.to_string(),
        "`spec.funding[1].party`: 73.73 is not one of the parties (bukan pihak kerja sama)"
    );
    // A third party initiates its own proposal.
    let company = ThirdParty::new(
        "pt-uji",
        "PT Uji (fiktif)",
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::PrivateCompany,
        },
    );
    let spec = complete()
        .party(Party::third_party(company.clone()))
        .initiator(company.party_id())
        .build()
        .expect("the company is a party");
    assert_eq!(spec.initiator, company.party_id());
}

#[test]
fn the_spec_builder_records_only_the_borders_among_the_region_parties() {
    let spec = complete()
        .borders(&BorderTable::sulawesi_selatan_sample())
        .build()
        .expect("complete");
    assert!(spec.borders.borders(sidrap(), parepare()));
    assert!(
        !spec.borders.borders(parepare(), code("73.15")),
        "Pinrang is no party"
    );
    assert_eq!(
        spec.borders,
        BorderTable::sulawesi_selatan_sample().among(&[sidrap(), parepare()])
    );
}

#[test]
fn the_document_builder_checks_title_signatories_and_term() {
    let on = d(2024, 4, 3);
    let signed = || Document::kb("KB-01", on).signed_by(head_signs(sidrap()));
    assert_eq!(
        signed().build(),
        Err(BuildError::Missing {
            field: "document.title"
        })
    );
    assert_eq!(
        Document::kb("KB-01", on).title("KB").build(),
        Err(BuildError::Missing {
            field: "document.signatories"
        })
    );
    let backwards = Term {
        starts_on: on,
        ends_on: d(2024, 1, 1),
    };
    assert_eq!(
        signed().title("KB").term(backwards).build(),
        Err(BuildError::EndsBeforeStart {
            field: "document.term",
            starts_on: on,
            ends_on: d(2024, 1, 1),
        })
    );
    assert_eq!(
        signed().title("KB").term_years(u32::MAX).build(),
        Err(BuildError::OutOfRange {
            field: "document.term"
        })
    );
    // term and term_years replace each other.
    let kb = signed()
        .title("KB")
        .term(backwards)
        .term_years(5)
        .build()
        .expect("the later term wins");
    assert_eq!(kb.term, Term::years(on, 5));
    let kb = signed()
        .title("KB")
        .term_years(5)
        .term(Term::years(on, 2).expect("a term"))
        .build()
        .expect("the later term wins");
    assert_eq!(kb.term, Term::years(on, 2));
}

#[test]
fn a_ksdd_sukarela_goes_from_registration_to_in_force_with_the_public_constructors_only() {
    let rules = RuleSet::current();
    let (s, pp) = (sidrap(), parepare());
    let clerk = Actor::new(Role::CooperationUnit, s, "Bagian Kerja Sama Setda Sidrap");
    let opd = Actor::new(Role::Opd, s, "Dinas Ketahanan Pangan Sidrap");
    let tkksd = Actor::new(Role::Tkksd, s, "TKKSD Sidrap");
    let head = |region| Actor::new(Role::KepalaDaerah, region, format!("Kepala {region}"));
    let spec = complete()
        .borders(&BorderTable::sulawesi_selatan_sample())
        .proposed_term_years(5)
        .lead_opd("Dinas Ketahanan Pangan")
        .build()
        .expect("a valid spec");
    let heads = vec![head_signs(s), head_signs(pp)];
    let kb = Document::kb("KB-PANGAN-2024", d(2024, 3, 1))
        .title("Kesepakatan Bersama cadangan pangan")
        .signatories(heads)
        .number(s, "KB-PANGAN-2024/1")
        .number(pp, "KB-PANGAN-2024/2")
        .term_years(5)
        .build()
        .expect("a valid KB");
    let kadis = |region| {
        Signatory::official(
            region,
            "Kepala Dinas Ketahanan Pangan (fiktif)",
            format!("Kepala Dinas Ketahanan Pangan {region}"),
            SignatoryCapacity::KepalaOpd,
        )
        .with_kuasa_from(
            format!("SK-{region}/2024"),
            d(2024, 4, 1),
            format!("Kepala {region}"),
        )
    };
    let pks = Document::pks("PKS-PANGAN-2024", d(2024, 4, 15))
        .title("Perjanjian Kerja Sama cadangan pangan")
        .signed_by(kadis(s))
        .signed_by(kadis(pp))
        .under_kb(kb.id.clone())
        .term_years(3)
        .build()
        .expect("a valid PKS");
    let review = |point| Command::RecordTkksdReview {
        review: TkksdReview::new(point, Recommendation::Proceed).with_minutes("BA TKKSD"),
    };
    let gate = |region| Command::AssessDprdGate {
        region,
        gate: DprdGate::not_required("dibiayai DPA dinas masing-masing"),
    };
    let script: Vec<(Actor, NaiveDate, Command)> = vec![
        (
            clerk.clone(),
            d(2024, 1, 8),
            Command::Register {
                spec: Box::new(spec),
            },
        ),
        (opd.clone(), d(2024, 1, 8), Command::StartPreparation),
        (
            clerk.clone(),
            d(2024, 1, 10),
            Command::AttestLawfulness {
                attestation: LawfulnessAttestation::new(
                    "Bagian Hukum Setda Sidrap",
                    "tidak bertentangan dengan peraturan perundang-undangan",
                ),
            },
        ),
        (tkksd.clone(), d(2024, 1, 12), review(ReviewPoint::Offer)),
        (
            head(s),
            d(2024, 1, 15),
            Command::SendOffer {
                letter: OfferLetter::new("500/01/PANGAN/2024", head_signs(s))
                    .with_kak_attached(true)
                    .with_draft_kb_attached(true),
            },
        ),
        (head(pp), d(2024, 1, 29), Command::AcceptOffer),
        (opd.clone(), d(2024, 2, 1), Command::StartKbDrafting),
        (
            tkksd.clone(),
            d(2024, 2, 20),
            review(ReviewPoint::KbSigning),
        ),
        (
            clerk.clone(),
            d(2024, 3, 1),
            Command::SignKb { document: kb },
        ),
        (clerk.clone(), d(2024, 3, 4), gate(s)),
        (
            Actor::new(Role::CooperationUnit, pp, "Bagian Kerja Sama Parepare"),
            d(2024, 3, 4),
            gate(pp),
        ),
        (opd.clone(), d(2024, 3, 5), Command::StartPksDrafting),
        (tkksd, d(2024, 4, 10), review(ReviewPoint::PksSigning)),
        (
            clerk.clone(),
            d(2024, 4, 15),
            Command::SignPks { document: pks },
        ),
        (clerk, d(2024, 4, 15), Command::EnterIntoForce),
    ];
    let mut coop = Cooperation::new();
    for (actor, on, command) in &script {
        coop.execute(command, actor, *on, &rules)
            .unwrap_or_else(|refused| panic!("{:?} refused: {refused}", command.kind()));
    }
    assert_eq!(coop.stage(), Stage::InForce);
    assert!(coop.warnings().is_empty(), "{:?}", coop.warnings());
}
