//! The cooperation documents and their signatories: KSD-DOC-01 (PP 28/2018 Pasal 6 ayat (3)),
//! KSD-DOC-02 (Pasal 19 ayat (2)), KSD-DOC-07 (Pasal 2, 13) and KSD-KIND-03 (Pasal 2 ayat
//! (2)–(3), 13 ayat (2)–(3)).

mod common;
mod tracks;

use common::{d, given, given_before, given_before_with, rules_with};
use kerjasama::law::Lang;
use kerjasama::law::{
    KSD_DOC_01, KSD_DOC_02, KSD_DOC_07, KSD_KIND_03, KbSignatoryPolicy, Severity,
};
use kerjasama::lifecycle::Finding;
use kerjasama::lifecycle::{Command, CommandKind, Rejection, Stage};
use kerjasama::model::{Clause, DocumentId, DocumentKind, SignatoryCapacity, SuratKuasa};
use kerjasama::sample::{self, clerk, pinrang, sidrap};

// Every signed document: dated no later than the command that records it.

#[test]
fn a_document_is_signed_on_or_before_the_date_it_is_recorded() {
    for kind in [CommandKind::SignKb, CommandKind::SignPks] {
        let given = given_before(sample::c06_landfill(), kind);
        // Recorded a day after the signing: accepted, the document keeps its own date.
        let signed_on = tracks::document_mut(&mut given.next_step())
            .expect("a document")
            .signed_on;
        given
            .when_next(|step| step.on = step.on.succ_opt().unwrap())
            .accepted();
        // Signed a day after the command's date: invalid input at the document's date.
        let then = given.when_next(|step| {
            let doc = tracks::document_mut(step).unwrap();
            doc.signed_on = doc.signed_on.succ_opt().unwrap();
        });
        match &then.result {
            Err(Rejection::InvalidInput { field, message, .. }) => {
                assert_eq!(field, "document.signed_on");
                assert!(message.contains("after the command's date"), "{message}");
            }
            other => panic!("{kind:?} signed {signed_on} + 1 day: {other:?}"),
        }
    }
}

// KSD-DOC-01: one KB, PKS under it, the right kinds.

#[test]
fn ksd_doc_01_a_second_kb_is_refused_pasal_6_3() {
    for stage in [Stage::KbSigned, Stage::PksDrafting, Stage::InForce] {
        let given = given(sample::c06_landfill(), stage);
        let first = given.coop.kb().expect("a KB").clone();
        let mut second = first.clone();
        second.id = DocumentId("KB-TPA-KEDUA".into());
        let on = given.coop.last_date().unwrap();
        second.signed_on = on;
        given
            .when(&clerk(sidrap()), on, Command::SignKb { document: second })
            .refused_citing(KSD_DOC_01);
    }
}

#[test]
fn ksd_doc_01_a_pks_under_another_kb_is_refused() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    given
        .when_next(|step| {
            tracks::document_mut(step).unwrap().under_kb = Some(DocumentId("KB-LAIN".into()));
        })
        .refused_citing(KSD_DOC_01);
    given
        .when_next(|step| tracks::document_mut(step).unwrap().under_kb = None)
        .refused_citing(KSD_DOC_01);
}

#[test]
fn ksd_doc_01_a_document_of_the_wrong_kind_is_refused() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignKb);
    given
        .when_next(|step| tracks::document_mut(step).unwrap().kind = DocumentKind::Pks)
        .refused_citing(KSD_DOC_01);
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    for wrong in [
        DocumentKind::Kb,
        DocumentKind::Addendum,
        DocumentKind::Other,
    ] {
        given
            .when_next(|step| tracks::document_mut(step).unwrap().kind = wrong)
            .refused_citing(KSD_DOC_01);
    }
}

#[test]
fn ksd_doc_01_one_kb_carries_several_pks_c01() {
    let coop = sample::c01_commodities()
        .run(&common::rules())
        .expect("C01 runs");
    let kb = coop.kb().expect("one KB");
    assert_eq!(kb.kind, DocumentKind::Kb);
    assert_eq!(coop.pks().len(), 3);
    assert!(
        coop.pks()
            .iter()
            .all(|p| p.under_kb.as_ref() == Some(&kb.id))
    );
}

#[test]
fn ksd_doc_01_the_same_pks_is_not_recorded_twice() {
    let given = given(sample::c01_commodities(), Stage::PksSigned);
    let first = given.coop.pks()[0].clone();
    given
        .when(
            &clerk(sidrap()),
            first.signed_on,
            Command::SignPks { document: first },
        )
        .refused_citing(KSD_DOC_01);
}

// KSD-DOC-02: the four minimum clauses of a KSDPK PKS.

#[test]
fn ksd_doc_02_ksdpk_pks_missing_any_minimum_clause_is_refused_pasal_19_2() {
    let given = given_before(sample::c08_referral(), CommandKind::SignPks);
    for missing in [
        Clause::RightsAndObligations,
        Clause::Term,
        Clause::DisputeSettlement,
        Clause::Sanctions,
    ] {
        let then = given.when_next(|step| {
            tracks::document_mut(step).unwrap().clauses.remove(&missing);
        });
        let rejection = then.refused_citing(KSD_DOC_02);
        let found: Vec<_> = rejection
            .violations()
            .iter()
            .filter(|v| v.rule == KSD_DOC_02)
            .collect();
        assert_eq!(found.len(), 1, "{missing:?}: {found:?}");
        assert_eq!(found[0].finding, Finding::ClauseMissing { clause: missing });
        assert_eq!(found[0].field.as_deref(), Some("document.clauses"));
    }
}

#[test]
fn ksd_doc_02_ksdpk_pks_without_sanctions_clause_is_refused_pasal_19_2_d() {
    let given = given_before(sample::c08_referral(), CommandKind::SignPks);
    given
        .when_next(|step| {
            tracks::document_mut(step)
                .unwrap()
                .clauses
                .remove(&Clause::Sanctions);
        })
        .refused_citing(KSD_DOC_02);
}

#[test]
fn ksd_doc_02_every_missing_clause_is_listed_at_once() {
    let given = given_before(sample::c08_referral(), CommandKind::SignPks);
    let then = given.when_next(|step| tracks::document_mut(step).unwrap().clauses.clear());
    let rejection = then.refused_citing(KSD_DOC_02);
    let listed: Vec<&Finding> = rejection
        .violations()
        .iter()
        .filter(|v| v.rule == KSD_DOC_02 && v.severity == Severity::Error)
        .flat_map(|v| v.findings())
        .collect();
    assert_eq!(listed.len(), 4, "{listed:?}");
    for clause in [
        Clause::RightsAndObligations,
        Clause::Term,
        Clause::DisputeSettlement,
        Clause::Sanctions,
    ] {
        assert!(
            listed.contains(&&Finding::ClauseMissing { clause }),
            "{clause:?} in {listed:?}"
        );
    }
    // Rendered with the Indonesian label of each clause, never its program name.
    let texts: Vec<String> = rejection
        .violations()
        .iter()
        .map(|v| v.message(Lang::Id))
        .collect();
    assert!(texts.iter().any(|t| t.contains("sanksi")), "{texts:?}");
}

#[test]
fn ksd_doc_02_ksdpk_pks_with_the_four_clauses_is_accepted_c08() {
    let given = given_before(sample::c08_referral(), CommandKind::SignPks);
    let after = given.when_next(|_| {}).accepted_without(KSD_DOC_02);
    assert_eq!(after.stage(), Stage::PksSigned);
}

#[test]
fn ksd_doc_02_applies_to_ksdpk_only_a_ksdd_pks_has_no_known_list() {
    // C01's PKS name no clauses; no minimum list is known for a KSDD PKS (KSD-DOC-03).
    let given = given_before(sample::c01_commodities(), CommandKind::SignPks);
    given.when_next(|_| {}).accepted_without(KSD_DOC_02);
}

// KSD-DOC-07: signatories.

#[test]
fn ksd_doc_07_kb_signed_by_a_sekda_is_a_warning_under_the_default_policy_c02() {
    let given = given_before(sample::c02_food(), CommandKind::SignKb);
    let after = given.when_next(|_| {}).accepted_with_warning(KSD_DOC_07);
    assert_eq!(after.stage(), Stage::KbSigned);
    let warnings: Vec<_> = after
        .warnings()
        .iter()
        .filter(|w| w.rule == KSD_DOC_07)
        .collect();
    assert_eq!(warnings.len(), 2, "both Sekdas are reported: {warnings:?}");
}

#[test]
fn ksd_doc_07_kb_signed_by_a_sekda_is_refused_under_kb_signatory_policy_error() {
    let rules = rules_with(|p| p.kb_signatory_policy = KbSignatoryPolicy::Error);
    let given = given_before_with(sample::c02_food(), CommandKind::SignKb, rules);
    given.when_next(|_| {}).refused_citing(KSD_DOC_07);
}

#[test]
fn ksd_doc_07_kb_signed_by_a_sekda_passes_silently_under_kb_signatory_policy_allow() {
    let rules = rules_with(|p| p.kb_signatory_policy = KbSignatoryPolicy::Allow);
    let given = given_before_with(sample::c02_food(), CommandKind::SignKb, rules);
    given.when_next(|_| {}).accepted_without(KSD_DOC_07);
}

#[test]
fn ksd_doc_07_kb_signed_by_the_vice_head_or_an_assistant_is_reported_c05() {
    for capacity in [
        SignatoryCapacity::WakilKepalaDaerah,
        SignatoryCapacity::Asisten,
    ] {
        let given = given_before(sample::c06_landfill(), CommandKind::SignKb);
        given
            .when_next(|step| {
                tracks::document_mut(step).unwrap().signatories[0].capacity = capacity;
            })
            .accepted_with_warning(KSD_DOC_07);
    }
}

#[test]
fn ksd_doc_07_kb_signed_by_every_head_is_accepted_c06() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignKb);
    let after = given.when_next(|_| {}).accepted_without(KSD_DOC_07);
    assert_eq!(after.kb().unwrap().signatories.len(), 3);
}

#[test]
fn ksd_doc_07_an_acting_head_counts_as_the_head() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignKb);
    given
        .when_next(|step| {
            let pj = &mut tracks::document_mut(step).unwrap().signatories[1];
            pj.acting = true;
            pj.office = "Penjabat Wali Kota Parepare".into();
        })
        .accepted_without(KSD_DOC_07);
}

#[test]
fn ksd_doc_07_a_party_that_did_not_sign_is_refused() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignKb);
    let then = given.when_next(|step| {
        let kb = tracks::document_mut(step).unwrap();
        kb.signatories.retain(|s| s.party != pinrang().into());
        kb.numbers.retain(|n| n.party != pinrang().into());
    });
    let rejection = then.refused_citing(KSD_DOC_07);
    assert!(
        rejection
            .violations()
            .iter()
            .any(|v| v.rule == KSD_DOC_07 && v.message(Lang::En).contains("73.15 has not signed")),
        "{rejection}"
    );
    // The same holds for a PKS.
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    given
        .when_next(|step| {
            let pks = tracks::document_mut(step).unwrap();
            pks.signatories.retain(|s| s.party != pinrang().into());
        })
        .refused_citing(KSD_DOC_07);
}

#[test]
fn ksd_doc_07_third_party_signatory_without_a_basis_of_authority_is_refused() {
    for kind in [CommandKind::SignKb, CommandKind::SignPks] {
        let given = given_before(sample::c08_referral(), kind);
        given
            .when_next(|step| {
                let doc = tracks::document_mut(step).unwrap();
                doc.signatories[1].authority_basis = None;
            })
            .refused_citing(KSD_DOC_07);
        given
            .when_next(|step| {
                let doc = tracks::document_mut(step).unwrap();
                doc.signatories[1].capacity = SignatoryCapacity::OtherOfficial;
            })
            .refused_citing(KSD_DOC_07);
    }
}

#[test]
fn ksd_doc_07_third_party_representative_with_deed_and_decree_is_accepted_c08() {
    let given = given_before(sample::c08_referral(), CommandKind::SignKb);
    given.when_next(|_| {}).accepted_without(KSD_DOC_07);
}

// KSD-KIND-03: a surat kuasa lets an official sign the PKS, and only the PKS.

#[test]
fn ksd_kind_03_pks_signed_by_a_kepala_opd_holding_a_surat_kuasa_is_accepted_c06() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    let pks = match &given.next_step().command {
        Command::SignPks { document } => document.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        pks.signatories
            .iter()
            .all(|s| s.capacity == SignatoryCapacity::KepalaOpd && s.surat_kuasa.is_some())
    );
    let after = given.when_next(|_| {}).accepted_without(KSD_KIND_03);
    assert_eq!(after.stage(), Stage::PksSigned);
}

#[test]
fn ksd_kind_03_pks_signed_by_a_kepala_opd_without_a_surat_kuasa_is_refused() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    let then = given.when_next(|step| {
        tracks::document_mut(step).unwrap().signatories[2].surat_kuasa = None;
    });
    let rejection = then.refused_citing(KSD_KIND_03);
    let field = rejection
        .violations()
        .iter()
        .find(|v| v.rule == KSD_KIND_03)
        .and_then(|v| v.field.clone());
    assert_eq!(field.as_deref(), Some("document.signatories[2]"));
}

#[test]
fn ksd_kind_03_the_head_signs_the_pks_in_person_without_a_surat_kuasa() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    given
        .when_next(|step| {
            let pks = tracks::document_mut(step).unwrap();
            pks.signatories[0] = tracks::head_signs(sidrap());
        })
        .accepted_without(KSD_KIND_03);
}

#[test]
fn ksd_kind_03_surat_kuasa_on_a_kb_is_reported_under_kb_signatory_policy() {
    let kb_under_kuasa = |step: &mut kerjasama::sample::Step| {
        tracks::document_mut(step).unwrap().signatories[0] =
            tracks::kepala_opd_signs(sidrap(), Some(("SK-KB/2023", d(2023, 2, 10))));
    };
    let warn = given_before(sample::c06_landfill(), CommandKind::SignKb);
    warn.when_next(kb_under_kuasa)
        .accepted_with_warning(KSD_KIND_03);
    let error = given_before_with(
        sample::c06_landfill(),
        CommandKind::SignKb,
        rules_with(|p| p.kb_signatory_policy = KbSignatoryPolicy::Error),
    );
    error.when_next(kb_under_kuasa).refused_citing(KSD_KIND_03);
    let allow = given_before_with(
        sample::c06_landfill(),
        CommandKind::SignKb,
        rules_with(|p| p.kb_signatory_policy = KbSignatoryPolicy::Allow),
    );
    allow
        .when_next(kb_under_kuasa)
        .accepted_without(KSD_KIND_03);
}

#[test]
fn ksd_kind_03_surat_kuasa_dated_after_the_signing_is_invalid_input() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    let then = given.when_next(|step| {
        let pks = tracks::document_mut(step).unwrap();
        let signed_on = pks.signed_on;
        pks.signatories[1].surat_kuasa =
            Some(SuratKuasa::new("SK-07/2023", signed_on.succ_opt().unwrap()));
    });
    let rejection = then.refused_citing(KSD_KIND_03);
    assert!(
        matches!(rejection, Rejection::InvalidInput { field, .. } if field == "document.signatories[1].surat_kuasa.date"),
        "{rejection:?}"
    );
}

#[test]
fn ksd_kind_03_surat_kuasa_dated_on_the_signing_day_is_accepted() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    given
        .when_next(|step| {
            let pks = tracks::document_mut(step).unwrap();
            let signed_on = pks.signed_on;
            pks.signatories[1].surat_kuasa.as_mut().unwrap().date = signed_on;
        })
        .accepted_without(KSD_KIND_03);
}
