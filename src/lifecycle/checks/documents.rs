//! RULES.md §6: the KB and PKS, their minimum content and their signatories.

use crate::law::*;
use crate::model::{Clause, Document, DocumentKind, Party, PartyId, SignatoryCapacity};

use super::super::command::Command;
use super::super::finding::Finding;
use super::super::guard::Ctx;
use super::{Found, err, with_severity};

/// KSD-DOC-01: one KB; each PKS a PKS under this cooperation's KB, recorded once.
pub(super) fn kb_and_pks(ctx: &Ctx<'_>) -> Found {
    let rule = KSD_DOC_01;
    let wrong_kind =
        |expected| err(rule, Finding::WrongDocumentKind { expected }).at("document.kind");
    let mut found = Vec::new();
    match ctx.command {
        Some(Command::SignKb { document }) => {
            if document.kind != DocumentKind::Kb {
                found.push(wrong_kind(DocumentKind::Kb));
            }
            if ctx.coop.kb.is_some() {
                found.push(err(rule, Finding::SecondKb).at("document"));
            }
        }
        Some(Command::SignPks { document }) => {
            if document.kind != DocumentKind::Pks {
                found.push(wrong_kind(DocumentKind::Pks));
            }
            let kb_id = ctx.coop.kb.as_ref().map(|kb| &kb.id);
            if document.under_kb.as_ref() != kb_id {
                found.push(err(rule, Finding::PksNotUnderKb).at("document.under_kb"));
            }
            if ctx.coop.pks.iter().any(|p| p.id == document.id) {
                found.push(err(rule, Finding::PksAlreadyRecorded).at("document.id"));
            }
        }
        _ => {}
    }
    found
}

/// KSD-DOC-02 (a)–(d).
const MINIMUM_KSDPK_CLAUSES: [Clause; 4] = [
    Clause::RightsAndObligations,
    Clause::Term,
    Clause::DisputeSettlement,
    Clause::Sanctions,
];

/// KSD-DOC-02: a KSDPK PKS holds at least the four clauses of Pasal 19 ayat (2).
pub(super) fn ksdpk_minimum_clauses(ctx: &Ctx<'_>) -> Found {
    match ctx.command {
        Some(Command::SignPks { document }) if ctx.is_ksdpk() => missing_clauses(
            KSD_DOC_02,
            document,
            &MINIMUM_KSDPK_CLAUSES,
            Severity::Error,
        ),
        _ => Vec::new(),
    }
}

/// KSD-DOC-03: a KSDD PKS holds the clauses `ksdd_pks_required_clauses` names (none by
/// default); a missing one is a warning.
pub(super) fn ksdd_required_clauses(ctx: &Ctx<'_>) -> Found {
    match ctx.command {
        Some(Command::SignPks { document }) if !ctx.is_ksdpk() => missing_clauses(
            KSD_DOC_03,
            document,
            &ctx.policy().ksdd_pks_required_clauses,
            Severity::Warning,
        ),
        _ => Vec::new(),
    }
}

fn missing_clauses(
    rule: RuleId,
    document: &Document,
    required: &[Clause],
    severity: Severity,
) -> Found {
    required
        .iter()
        .filter(|clause| !document.clauses.contains(clause))
        .map(|clause| {
            super::super::violation::Violation::new(
                rule,
                severity,
                Finding::ClauseMissing { clause: *clause },
            )
            .at("document.clauses")
        })
        .collect()
}

/// The document a signing command carries, and whether it is the KB.
fn signed<'a>(ctx: &Ctx<'a>) -> Option<(&'a Document, bool)> {
    match ctx.command {
        Some(Command::SignKb { document }) => Some((document, true)),
        Some(Command::SignPks { document } | Command::SignAddendum { document }) => {
            Some((document, false))
        }
        _ => None,
    }
}

/// The severity `kb_signatory_policy` gives a KB signatory who is not the head.
fn kb_severity(ctx: &Ctx<'_>) -> Option<Severity> {
    match ctx.policy().kb_signatory_policy {
        KbSignatoryPolicy::Allow => None,
        KbSignatoryPolicy::Error => Some(Severity::Error),
        _ => Some(Severity::Warning),
    }
}

/// KSD-DOC-07: every party bound signs; a KB by the heads (as `kb_signatory_policy` says);
/// a third party through its authorised representative.
pub(super) fn signatories(ctx: &Ctx<'_>) -> Found {
    let Some((doc, is_kb)) = signed(ctx) else {
        return Vec::new();
    };
    let rule = KSD_DOC_07;
    let bound: Vec<PartyId> = if doc.parties.is_empty() {
        ctx.spec.parties.iter().filter_map(Party::id).collect()
    } else {
        doc.parties.clone()
    };
    let signed = super::signers(&doc.signatories);
    let mut found: Found = bound
        .into_iter()
        .filter(|p| !signed.contains(p))
        .map(|party| err(rule, Finding::NotSigned { party }).at("document.signatories"))
        .collect();
    for (i, s) in doc.signatories.iter().enumerate() {
        let field = format!("document.signatories[{i}]");
        if matches!(s.party, PartyId::ThirdParty(_)) {
            let no_basis = s
                .authority_basis
                .as_deref()
                .is_none_or(|b| b.trim().is_empty());
            if s.capacity != SignatoryCapacity::ThirdPartyRepresentative || no_basis {
                found.push(
                    err(
                        rule,
                        Finding::ThirdPartySignatoryWithoutAuthority {
                            name: s.name.clone(),
                        },
                    )
                    .at(field),
                );
            }
        } else if is_kb && s.capacity != SignatoryCapacity::KepalaDaerah {
            found.extend(
                with_severity(
                    rule,
                    kb_severity(ctx),
                    Finding::KbSignedByNonHead {
                        name: s.name.clone(),
                        office: s.office.clone(),
                    },
                )
                .map(|v| v.at(field)),
            );
        }
    }
    found
}

/// KSD-KIND-03: delegation by surat kuasa, for the PKS only.
pub(super) fn delegation(ctx: &Ctx<'_>) -> Found {
    let Some((doc, is_kb)) = signed(ctx) else {
        return Vec::new();
    };
    let rule = KSD_KIND_03;
    let mut found = Vec::new();
    for (i, s) in doc.signatories.iter().enumerate() {
        if matches!(s.party, PartyId::ThirdParty(_)) {
            continue;
        }
        let field = format!("document.signatories[{i}]");
        if is_kb && s.surat_kuasa.is_some() {
            found.extend(
                with_severity(
                    rule,
                    kb_severity(ctx),
                    Finding::KbSignedUnderKuasa {
                        name: s.name.clone(),
                    },
                )
                .map(|v| v.at(field)),
            );
        } else if !is_kb && s.capacity != SignatoryCapacity::KepalaDaerah && s.surat_kuasa.is_none()
        {
            found.push(
                err(
                    rule,
                    Finding::NotHeadWithoutKuasa {
                        name: s.name.clone(),
                        office: s.office.clone(),
                    },
                )
                .at(field),
            );
        }
    }
    found
}

/// KSD-DOC-01 (from version 3): a KB signed after a DPRD refusal is the new version of the
/// refused one and names it.
pub(super) fn kb_revision_linked(ctx: &Ctx<'_>) -> Found {
    let Some(Command::SignKb { document }) = ctx.command else {
        return Vec::new();
    };
    match ctx.coop.superseded_kbs().last() {
        Some(old) if document.supersedes.as_ref() != Some(&old.id) => vec![
            err(
                KSD_DOC_01,
                Finding::KbRevisionNotLinked {
                    superseded: old.id.clone(),
                },
            )
            .at("document.supersedes"),
        ],
        _ => Vec::new(),
    }
}

/// KSD-DOC-03 (from version 3): the KB holds the clauses `kb_required_clauses` names (none by
/// default); a missing one is a warning.
pub(super) fn kb_required_clauses(ctx: &Ctx<'_>) -> Found {
    match ctx.command {
        Some(Command::SignKb { document }) => missing_clauses(
            KSD_DOC_03,
            document,
            &ctx.policy().kb_required_clauses,
            Severity::Warning,
        ),
        _ => Vec::new(),
    }
}

/// KSD-KIND-03 (from version 3): a PKS signed under a surat kuasa names the head of region who
/// granted it, and the holder is an official of the perangkat daerah (Pasal 2 ayat (2),
/// Pasal 13 ayat (2)): the Sekda, an assistant, the head of an OPD or another official, not
/// the vice-head or an outsider.
pub(super) fn kuasa_grantor_and_holder(ctx: &Ctx<'_>) -> Found {
    let Some((doc, false)) = signed(ctx) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (i, s) in doc.signatories.iter().enumerate() {
        let Some(kuasa) = &s.surat_kuasa else {
            continue;
        };
        if matches!(s.party, PartyId::ThirdParty(_)) {
            continue;
        }
        let field = format!("document.signatories[{i}]");
        if kuasa
            .granted_by
            .as_deref()
            .is_none_or(|g| g.trim().is_empty())
        {
            found.push(
                err(
                    KSD_KIND_03,
                    Finding::KuasaWithoutGrantor {
                        name: s.name.clone(),
                    },
                )
                .at(format!("{field}.surat_kuasa.granted_by")),
            );
        }
        let official = matches!(
            s.capacity,
            SignatoryCapacity::Sekda
                | SignatoryCapacity::Asisten
                | SignatoryCapacity::KepalaOpd
                | SignatoryCapacity::OtherOfficial
        );
        if !official {
            found.push(
                err(
                    KSD_KIND_03,
                    Finding::KuasaHolderNotOfficial {
                        name: s.name.clone(),
                        office: s.office.clone(),
                    },
                )
                .at(format!("{field}.capacity")),
            );
        }
    }
    found
}
