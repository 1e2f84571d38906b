//! RULES.md §11, the legacy rule set (PP 50/2007, Permendagri 22/2009): what a legacy
//! cooperation can be and when its documents were signed (KSD-TRANS-01, -03), its documents
//! (LEG-DOC-01, -02), disputes (LEG-DISP-01), amendment (LEG-AMD-01), ending (LEG-TERM-01,
//! -02) and the cooperation body (LEG-INST-01); and the current set's refusal of the grounds
//! only the legacy set knows (KSD-TERM-01).
//!
//! The DPRD rules (LEG-DPRD-01..03) are in `legacy_dprd.rs`.

use crate::law::*;
use crate::model::{
    Clause, CooperationKind, CopyRecipient, DisputeForum, Document, DocumentKind, KodeWilayah,
    LegacyDisputePairing, Party, PartyId, SignatoryCapacity,
};

use super::super::command::{Command, CooperationSpec};
use super::super::event::EndGround;
use super::super::finding::Finding;
use super::super::guard::Ctx;
use super::super::stage::Stage;
use super::super::violation::Violation;
use super::{Found, err};

/// KSD-TRANS-01 as the legacy set applies it: a legacy cooperation is a KSDD without
/// category or a KSDPK (PP 50/2007 Pasal 1 angka 2–3), and its KB and PKS were signed
/// before 13 July 2018 (PP 28/2018 Pasal 48); from that day on PP 28/2018 governs.
pub(super) fn transition(ctx: &Ctx<'_>) -> Found {
    if !ctx.rules.is_legacy() {
        return Vec::new();
    }
    match ctx.command {
        Some(Command::Register { .. }) => registration(ctx.spec),
        Some(Command::SignKb { document } | Command::SignPks { document })
            if document.signed_on >= PP28_IN_FORCE =>
        {
            vec![
                err(
                    KSD_TRANS_01,
                    Finding::SignedUnderCurrentRegime {
                        kind: document.kind,
                        signed_on: document.signed_on,
                    },
                )
                .at("document.signed_on"),
            ]
        }
        _ => Vec::new(),
    }
}

fn registration(spec: &CooperationSpec) -> Found {
    let rule = KSD_TRANS_01;
    let regions = spec.region_codes().len();
    let third_parties = spec.third_party_ids().len();
    let mut found = Vec::new();
    match &spec.kind {
        CooperationKind::Ksdd { category } => {
            if let Some(category) = category {
                found.push(
                    err(
                        rule,
                        Finding::LegacyCategoryRecorded {
                            category: *category,
                        },
                    )
                    .at("kind.category"),
                );
            }
            if regions < 2 {
                found
                    .push(err(rule, Finding::LegacyTooFewRegions { found: regions }).at("parties"));
            }
            if third_parties > 0 {
                found.push(err(rule, Finding::ThirdPartyInKsdd).at("parties"));
            }
        }
        CooperationKind::Ksdpk { .. } => {
            if regions == 0 {
                found.push(err(rule, Finding::NoRegionParty).at("parties"));
            }
            if third_parties == 0 {
                found.push(err(rule, Finding::LegacyNoThirdParty).at("parties"));
            }
        }
        _ => found.push(err(rule, Finding::ForeignCooperationOutOfScope).at("kind")),
    }
    found
}

/// KSD-TRANS-03 (PP 28/2018 Pasal 49): a pre-2018 contract with the central government
/// (a ministry was a third party under PP 50/2007 Pasal 1 angka 3) continues as synergy,
/// not as a regional cooperation: it is not registered under the legacy set.
pub(super) fn central_contract(ctx: &Ctx<'_>) -> Found {
    if !ctx.rules.is_legacy() || !matches!(ctx.command, Some(Command::Register { .. })) {
        return Vec::new();
    }
    super::kinds::central_agencies(ctx, KSD_TRANS_03, |name| {
        Finding::CentralContractContinuesAsSynergy { name }
    })
}

/// The eight items of a PKS (PP 50/2007 Pasal 7 huruf b angka 1–8).
pub(crate) const PP50_PKS_ITEMS: [Clause; 8] = [
    Clause::Subject,
    Clause::Object,
    Clause::Scope,
    Clause::RightsAndObligations,
    Clause::Term,
    Clause::Termination,
    Clause::ForceMajeure,
    Clause::DisputeSettlement,
];

/// The parties a document binds (all of them when it names none).
fn bound(spec: &CooperationSpec, doc: &Document) -> Vec<PartyId> {
    if doc.parties.is_empty() {
        spec.parties.iter().filter_map(Party::id).collect()
    } else {
        doc.parties.clone()
    }
}

/// Every party `doc` binds has signed it.
fn signed_by_all(rule: RuleId, spec: &CooperationSpec, doc: &Document, field: &str) -> Found {
    let signed = super::signers(&doc.signatories);
    bound(spec, doc)
        .into_iter()
        .filter(|p| !signed.contains(p))
        .map(|party| err(rule, Finding::NotSigned { party }).at(field))
        .collect()
}

/// LEG-DOC-01 (Pasal 7 huruf b, d; Pasal 1 angka 5): the KB is a KB and the only one; the
/// PKS is a PKS, recorded once, holds at least the eight items, and is signed for every
/// party it binds, by the head or an official holding a surat kuasa.
pub(super) fn minimum_content(ctx: &Ctx<'_>) -> Found {
    let rule = LEG_DOC_01;
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
            if ctx.coop.pks.iter().any(|p| p.id == document.id) {
                found.push(err(rule, Finding::PksAlreadyRecorded).at("document.id"));
            }
            found.extend(
                PP50_PKS_ITEMS
                    .iter()
                    .filter(|clause| !document.clauses.contains(clause))
                    .map(|clause| {
                        err(rule, Finding::ClauseMissing { clause: *clause }).at("document.clauses")
                    }),
            );
            found.extend(signed_by_all(
                rule,
                ctx.spec,
                document,
                "document.signatories",
            ));
            for (i, s) in document.signatories.iter().enumerate() {
                let regional = matches!(s.party, PartyId::Region(_));
                if regional
                    && s.capacity != SignatoryCapacity::KepalaDaerah
                    && s.surat_kuasa.is_none()
                {
                    found.push(
                        err(
                            rule,
                            Finding::NotHeadWithoutKuasa {
                                name: s.name.clone(),
                                office: s.office.clone(),
                            },
                        )
                        .at(format!("document.signatories[{i}]")),
                    );
                }
            }
        }
        _ => {}
    }
    found
}

/// LEG-DOC-02 (Permendagri 22/2009 Lampiran I): the offer carries a cooperation plan with a
/// cost-benefit analysis tied to an RPJMD/RKPD priority, and is copied to the levels
/// involved ([`CopyRecipient::of_offer`]). Known from a summary only: a miss is a warning.
pub(super) fn offer_plan(ctx: &Ctx<'_>) -> Found {
    let Some(Command::SendOffer { letter }) = ctx.command else {
        return Vec::new();
    };
    let warn = |finding, field: &str| Violation::warning(LEG_DOC_02, finding).at(field);
    let mut found = Vec::new();
    match &letter.plan {
        None => found.push(warn(Finding::LegacyPlanMissing, "letter.plan")),
        Some(plan) => {
            if plan.cost_benefit.trim().is_empty() {
                found.push(warn(
                    Finding::LegacyCostBenefitMissing,
                    "letter.plan.cost_benefit",
                ));
            }
            if plan.plan_priority.trim().is_empty() {
                found.push(warn(
                    Finding::LegacyPlanPriorityMissing,
                    "letter.plan.plan_priority",
                ));
            }
        }
    }
    if let PartyId::Region(initiator) = &ctx.spec.initiator {
        for recipient in CopyRecipient::of_offer(initiator.level()) {
            if !letter.copied_to.contains(recipient) {
                found.push(warn(
                    Finding::LegacyOfferCopyMissing {
                        recipient: *recipient,
                    },
                    "letter.copied_to",
                ));
            }
        }
    }
    found
}

/// LEG-DISP-01 (Pasal 14–16): the forum the pairing of the parties allows; with a third
/// party, the law only after the PKS's dispute clause.
pub(super) fn dispute_forum(ctx: &Ctx<'_>) -> Found {
    let Some(Command::RaiseDispute { forum, .. }) = ctx.command else {
        return Vec::new();
    };
    let rule = LEG_DISP_01;
    let pairing = LegacyDisputePairing::of(
        &ctx.spec.region_codes(),
        !ctx.spec.third_party_ids().is_empty(),
    );
    if !pairing.forums().contains(forum) {
        return vec![
            err(
                rule,
                Finding::LegacyDisputeForum {
                    forum: *forum,
                    pairing,
                },
            )
            .at("forum"),
        ];
    }
    let clause_tried = ctx
        .coop
        .disputes
        .iter()
        .any(|(f, _)| *f == DisputeForum::ContractClause);
    if *forum == DisputeForum::PerLegislation && !clause_tried {
        return vec![err(rule, Finding::LegacyLawBeforeClause).at("forum")];
    }
    Vec::new()
}

/// The document of this cooperation with `id`.
fn document<'a>(ctx: &Ctx<'a>, id: &crate::model::DocumentId) -> Option<&'a Document> {
    ctx.coop
        .kb
        .iter()
        .chain(ctx.coop.pks.iter())
        .chain(ctx.coop.addenda.iter())
        .find(|d| &d.id == id)
}

/// The level of a document: an addendum has the level of what it amends.
fn level(ctx: &Ctx<'_>, doc: &Document) -> DocumentKind {
    let mut current = doc;
    // An addendum chain is short; the bound only guards against a cycle in the data.
    for _ in 0..32 {
        if current.kind != DocumentKind::Addendum {
            return current.kind;
        }
        match current.amends.as_ref().and_then(|id| document(ctx, id)) {
            Some(amended) => current = amended,
            None => break,
        }
    }
    current.kind
}

/// LEG-AMD-01 (Pasal 17): an amendment is agreed by the parties, in a document of the same
/// level as the one it amends: an addendum naming a document of this cooperation, signed
/// for every party that document binds, at its level (a KB by the heads; a PKS by the heads
/// or officials holding a surat kuasa).
pub(super) fn amendment(ctx: &Ctx<'_>) -> Found {
    let Some(Command::SignAddendum { document: addendum }) = ctx.command else {
        return Vec::new();
    };
    let rule = LEG_AMD_01;
    let mut found = Vec::new();
    if addendum.kind != DocumentKind::Addendum {
        found.push(
            err(
                rule,
                Finding::WrongDocumentKind {
                    expected: DocumentKind::Addendum,
                },
            )
            .at("document.kind"),
        );
    }
    let Some(amended) = addendum.amends.as_ref().and_then(|id| document(ctx, id)) else {
        found.push(err(rule, Finding::AddendumWithoutTarget).at("document.amends"));
        return found;
    };
    let signed = super::signers(&addendum.signatories);
    found.extend(
        bound(ctx.spec, amended)
            .into_iter()
            .filter(|p| !signed.contains(p))
            .map(|party| err(rule, Finding::NotSigned { party }).at("document.signatories")),
    );
    let amended_level = level(ctx, amended);
    for (i, s) in addendum.signatories.iter().enumerate() {
        if !matches!(s.party, PartyId::Region(_)) {
            continue;
        }
        let head = s.capacity == SignatoryCapacity::KepalaDaerah;
        let at_level = match amended_level {
            DocumentKind::Pks => head || s.surat_kuasa.is_some(),
            _ => head,
        };
        if !at_level {
            found.push(
                err(
                    rule,
                    Finding::LegacyAmendmentBelowLevel {
                        name: s.name.clone(),
                        office: s.office.clone(),
                        amended: amended_level,
                    },
                )
                .at(format!("document.signatories[{i}]")),
            );
        }
    }
    found
}

/// LEG-TERM-01 (Pasal 18): the nine grounds, no other; ending on expiry (huruf i) needs the
/// term to have run out; an ended cooperation records expiry only if it ended by expiry.
pub(super) fn grounds(ctx: &Ctx<'_>) -> Found {
    let Some(grounds) = super::termination::ending_grounds(ctx) else {
        return Vec::new();
    };
    let rule = LEG_TERM_01;
    if ctx.coop.stage == Stage::Ended {
        return if ctx.coop.end_grounds().contains(&EndGround::TermExpired) {
            Vec::new()
        } else {
            vec![err(rule, Finding::AlreadyEndedOtherwise).at("grounds")]
        };
    }
    let mut found: Found = grounds
        .iter()
        .filter(|g| {
            !EndGround::PP50_GROUNDS.contains(g) && **g != EndGround::EarlyTerminationByParty
        })
        .map(|ground| err(rule, Finding::LegacyGroundNotInPp50 { ground: *ground }).at("grounds"))
        .collect();
    if grounds.contains(&EndGround::TermExpired) {
        match ctx.coop.governing_end() {
            Some(end) if ctx.date > end => {}
            Some(ends_on) => {
                found.push(err(rule, Finding::TermRunsUntil { ends_on }).at("occurred_on"))
            }
            None => found.push(err(rule, Finding::NoTermStated).at("grounds")),
        }
    }
    found
}

/// LEG-TERM-02 (Pasal 19): an early termination at one party's request goes by written
/// notice, whose party bears the risks; the work on the object continues until complete.
pub(super) fn early_termination(ctx: &Ctx<'_>) -> Found {
    let rule = LEG_TERM_02;
    match ctx.command {
        Some(Command::Terminate { grounds, .. })
            if grounds.contains(&EndGround::EarlyTerminationByParty) =>
        {
            vec![err(rule, Finding::LegacyEarlyTerminationNeedsNotice).at("grounds")]
        }
        Some(Command::TerminateEarly { notice }) => {
            let mut found = Vec::new();
            if notice.reference.trim().is_empty() {
                found.push(err(rule, Finding::LegacyNoticeWithoutReference).at("notice.reference"));
            }
            if !notice.requester_bears_risks {
                found.push(
                    err(rule, Finding::LegacyRequesterBearsRisks)
                        .at("notice.requester_bears_risks"),
                );
            }
            if notice.object_completion.trim().is_empty() {
                found.push(
                    Violation::warning(rule, Finding::LegacyObjectCompletionUnstated)
                        .at("notice.object_completion"),
                );
            }
            found
        }
        _ => Vec::new(),
    }
}

/// LEG-INST-01 (Pasal 24): a cooperation body for a continuous cooperation or one of at
/// least five years, set up by the joint decision of the heads of every region party.
pub(super) fn cooperation_body(ctx: &Ctx<'_>) -> Found {
    let rule = LEG_INST_01;
    let (continuous, decision) = match ctx.command {
        Some(Command::EstablishCooperationBody {
            continuous,
            decision,
        }) => (*continuous, Some(decision)),
        _ => (true, None),
    };
    let five_years = ctx
        .coop
        .pks
        .iter()
        .filter_map(|p| p.term)
        .any(|t| t.at_least_years(5));
    let mut found = Vec::new();
    if !continuous && !five_years {
        found.push(err(rule, Finding::LegacyBodyNotContinuousOrFiveYears).at("continuous"));
    }
    let Some(decision) = decision else {
        return found;
    };
    let regions: Vec<KodeWilayah> = ctx.spec.region_codes();
    let signed = super::signers(&decision.signatories);
    for region in &regions {
        let party = PartyId::Region(*region);
        if !signed.contains(&party) {
            found.push(err(rule, Finding::NotSigned { party }).at("decision.signatories"));
        }
    }
    for (i, s) in decision.signatories.iter().enumerate() {
        if s.capacity != SignatoryCapacity::KepalaDaerah {
            found.push(
                err(
                    rule,
                    Finding::LegacyBodyDecisionNotByHead {
                        name: s.name.clone(),
                        office: s.office.clone(),
                    },
                )
                .at(format!("decision.signatories[{i}]")),
            );
        }
    }
    found
}

/// KSD-TERM-01 under the current set: the grounds only the legacy set knows are not grounds
/// of PP 28/2018 Pasal 9 ayat (1) or Pasal 22. The variants did not exist before, so no
/// stored outcome changes (hence from version 1).
pub(super) fn current_refuses_legacy_grounds(ctx: &Ctx<'_>) -> Found {
    if ctx.rules.is_legacy() {
        return Vec::new();
    }
    let Some(Command::Terminate { grounds, .. }) = ctx.command else {
        return Vec::new();
    };
    grounds
        .iter()
        .filter(|g| g.legacy_only())
        .map(|ground| {
            err(
                KSD_TERM_01,
                Finding::GroundOnlyForLegacy { ground: *ground },
            )
            .at("grounds")
        })
        .collect()
}
