//! The check behind each rule id. One function per rule area; `check` dispatches on the id.

use std::collections::BTreeSet;

use crate::law::*;
use crate::model::{
    Clause, CooperationKind, DisputeForum, Document, DocumentKind, Initiative, KodeWilayah,
    KsdpkType, Party, PartyId, RegionLevel, ReviewPoint, SignatoryCapacity, TakeoverBy,
    WajibPairing, coordination_level,
};

use super::command::Command;
use super::cooperation::DprdDecision;
use super::guard::{Ctx, dprd_pending};
use super::violation::Violation;

type Found = Vec<Violation>;

fn err(rule: RuleId, id: impl Into<String>, en: impl Into<String>) -> Violation {
    Violation::error(rule, id, en)
}

fn with_severity(
    rule: RuleId,
    severity: Option<Severity>,
    id: String,
    en: String,
) -> Option<Violation> {
    severity.map(|s| Violation::new(rule, s, id, en))
}

/// Runs the check of `rule` in `ctx`.
pub(crate) fn check(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    match rule {
        KSD_KIND_01 | KSD_KIND_04 | KSD_KIND_06 | KSD_KIND_08 => kind_rules(rule, ctx),
        KSD_KIND_07 => wajib_borders(ctx),
        KSD_KIND_09 => wajib_pairings(ctx),
        KSD_KIND_02 => head_signs(ctx),
        KSD_KIND_03 | KSD_DOC_07 => signatories(rule, ctx),
        KSD_OBJ_01 | KSD_OBJ_02 | KSD_OBJ_03 => object(rule, ctx),
        KSD_OBJ_04 => attestation(ctx),
        KSD_PK_01 | KSD_PK_02 | KSD_PK_03 => third_party_kind(rule, ctx),
        KSD_PK_04 => region_initiative(ctx),
        KSD_PK_05 => initiative_criteria(ctx),
        KSD_PK_06 => third_party_study(ctx),
        KSD_WAJIB_01 | KSD_WAJIB_02 | KSD_WAJIB_03 => wajib_prestages(rule, ctx),
        KSD_STAGE_01 => entry_into_force(ctx),
        KSD_STAGE_04 => tkksd_review(ctx),
        KSD_STAGE_05 => pks_without_kb(ctx),
        KSD_DPRD_01 | KSD_DPRD_02 | KSD_DPRD_03 => dprd(rule, ctx),
        KSD_DOC_01 | KSD_DOC_02 | KSD_DOC_03 => documents(rule, ctx),
        KSD_TERM_01 | KSD_TERM_02 => ending(rule, ctx),
        KSD_TERM_05 => max_term(ctx),
        KSD_TERM_06 => extension(ctx),
        KSD_IMPL_06 => evaluation_record(ctx),
        KSD_TERM_08 => addendum(ctx),
        KSD_ENF_01 | KSD_ENF_02 | KSD_ENF_03 | KSD_ENF_04 => takeover(rule, ctx),
        KSD_ENF_08 => secretariat(ctx),
        KSD_DISP_01 | KSD_DISP_02 => dispute(rule, ctx),
        _ => Vec::new(),
    }
}

fn registering(ctx: &Ctx<'_>) -> bool {
    matches!(
        ctx.command,
        None | Some(Command::Register { .. } | Command::BeginWajibProcedure)
    )
}

fn kind_rules(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let spec = ctx.spec;
    let regions = spec.region_codes().len();
    let third = spec.third_party_ids().len();
    let mut found = Vec::new();
    match (rule, &spec.kind) {
        (KSD_KIND_01, CooperationKind::Ksdpl | CooperationKind::Ksdll) => found.push(
            err(
                rule,
                "kerja sama dengan pihak luar negeri (KSDPL/KSDLL) belum didukung pada versi ini",
                "foreign cooperation (KSDPL/KSDLL) is out of scope in this version",
            )
            .at("kind"),
        ),
        (KSD_KIND_04, _) => {
            for (i, party) in spec.parties.iter().enumerate() {
                if let Party::CentralAgency { name } = party {
                    found.push(err(
                        rule,
                        format!("{name} adalah instansi pusat, bukan pihak ketiga: gunakan Sinergi"),
                        format!("{name} is a central agency, not a third party: record it as synergy (Sinergi)"),
                    ).at(format!("parties[{i}]")));
                }
            }
        }
        (KSD_KIND_06, CooperationKind::Ksdd { category: None }) => found.push(
            err(
                rule,
                "KSDD harus wajib atau sukarela",
                "a KSDD must be either wajib or sukarela",
            )
            .at("kind.category"),
        ),
        (
            KSD_KIND_08,
            CooperationKind::Ksdd {
                category: Some(crate::model::KsddCategory::Sukarela),
            },
        ) => {
            if regions < 2 {
                found.push(
                    err(
                        rule,
                        format!(
                            "kerja sama sukarela memerlukan paling sedikit 2 daerah, ada {regions}"
                        ),
                        format!("a kerja sama sukarela needs at least 2 regions, has {regions}"),
                    )
                    .at("parties"),
                );
            }
            if third > 0 {
                found.push(
                    err(
                        rule,
                        "KSDD hanya antar daerah: pihak ketiga menjadikannya KSDPK",
                        "a KSDD is between regions only: a third party makes it a KSDPK",
                    )
                    .at("parties"),
                );
            }
        }
        _ => {}
    }
    found
}

fn borders(ctx: &Ctx<'_>, a: KodeWilayah, b: KodeWilayah) -> bool {
    let contained = a.is_within(b) || b.is_within(a);
    ctx.spec.borders.borders(a, b) || (contained && ctx.policy().containment_counts_as_border)
}

fn wajib_borders(ctx: &Ctx<'_>) -> Found {
    if !ctx.spec.kind.is_wajib() || !registering(ctx) {
        return Vec::new();
    }
    let codes = ctx.spec.region_codes();
    let mut found = Vec::new();
    let rule = KSD_KIND_07;
    if codes.len() < 2 {
        found.push(
            err(
                rule,
                "kerja sama wajib memerlukan paling sedikit 2 daerah",
                "a kerja sama wajib needs at least 2 regions",
            )
            .at("parties"),
        );
    }
    if !ctx.spec.third_party_ids().is_empty() {
        found.push(
            err(
                rule,
                "KSDD hanya antar daerah: pihak ketiga menjadikannya KSDPK",
                "a KSDD is between regions only: a third party makes it a KSDPK",
            )
            .at("parties"),
        );
    }
    if !ctx.spec.object.cross_border_externality {
        found.push(
            err(
                rule,
                "urusan harus berdampak lintas daerah (eksternalitas)",
                "the affair must have cross-regional externalities",
            )
            .at("object.cross_border_externality"),
        );
    }
    if ctx.spec.object.joint_efficiency_rationale.trim().is_empty() {
        found.push(
            err(
                rule,
                "alasan efisiensi pengelolaan bersama belum diisi",
                "the rationale for joint efficiency is missing",
            )
            .at("object.joint_efficiency_rationale"),
        );
    }
    let bordering = match ctx.policy().wajib_border_rule {
        WajibBorderRule::Pairwise => codes
            .iter()
            .enumerate()
            .all(|(i, a)| codes.iter().skip(i + 1).all(|b| borders(ctx, *a, *b))),
        _ => connected(ctx, &codes),
    };
    if codes.len() >= 2 && !bordering {
        found.push(
            err(
                rule,
                "daerah-daerah tidak saling berbatasan (menurut tabel batas dan wajib_border_rule)",
                "the regions do not border each other (per the border table and wajib_border_rule)",
            )
            .at("borders"),
        );
    }
    found
}

fn connected(ctx: &Ctx<'_>, codes: &[KodeWilayah]) -> bool {
    let Some(first) = codes.first() else {
        return false;
    };
    let mut seen: BTreeSet<KodeWilayah> = BTreeSet::from([*first]);
    let mut frontier = vec![*first];
    while let Some(a) = frontier.pop() {
        for b in codes {
            if !seen.contains(b) && borders(ctx, a, *b) {
                seen.insert(*b);
                frontier.push(*b);
            }
        }
    }
    seen.len() == codes.len()
}

fn wajib_pairings(ctx: &Ctx<'_>) -> Found {
    if !ctx.spec.kind.is_wajib() {
        return Vec::new();
    }
    let codes = ctx.spec.region_codes();
    let allowed = &ctx.policy().wajib_pairings;
    let mut found = Vec::new();
    for (i, a) in codes.iter().enumerate() {
        for b in codes.iter().skip(i + 1) {
            let pairing = WajibPairing::of(*a, *b);
            if !allowed.contains(&pairing) {
                found.push(err(
                    KSD_KIND_09,
                    format!("pasangan {a}–{b} (jenis {}) tidak termasuk pasangan kerja sama wajib yang berlaku (wajib_pairings, KSD-KIND-10)", pairing.number()),
                    format!("pairing {a}–{b} (no. {}) is not an allowed wajib pairing in force (wajib_pairings, KSD-KIND-10)", pairing.number()),
                ).at("parties"));
            }
        }
    }
    found
}

fn head_signs(ctx: &Ctx<'_>) -> Found {
    let signatories = match ctx.command {
        Some(Command::SendOffer { letter }) => {
            vec![(String::from("letter.signatory"), &letter.signatory)]
        }
        Some(Command::SignHeadsAgreement { document }) => document
            .signatories
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("document.signatories[{i}]"), s))
            .collect(),
        _ => return Vec::new(),
    };
    let mut found = Vec::new();
    if let Some(Command::SendOffer { letter }) = ctx.command
        && letter.signatory.party != ctx.spec.initiator
    {
        found.push(
            err(
                KSD_KIND_02,
                "surat penawaran ditandatangani atas nama pihak pemrakarsa",
                "the offer letter is signed for the initiating party",
            )
            .at("letter.signatory.party"),
        );
    }
    for (field, signatory) in signatories {
        if matches!(signatory.party, PartyId::Region(_))
            && signatory.capacity != SignatoryCapacity::KepalaDaerah
        {
            found.push(
                err(
                    KSD_KIND_02,
                    format!(
                        "{} ({}) bukan kepala daerah: daerah bertindak melalui kepala daerahnya",
                        signatory.name, signatory.office
                    ),
                    format!(
                        "{} ({}) is not the head of region: the region acts through its head",
                        signatory.name, signatory.office
                    ),
                )
                .at(field),
            );
        }
    }
    found
}

/// KSD-DOC-07 (every party signs; KB heads; third-party representatives) and KSD-KIND-03
/// (delegation by surat kuasa for the PKS only).
fn signatories(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let (doc, is_kb) = match ctx.command {
        Some(Command::SignKb { document }) => (document, true),
        Some(Command::SignPks { document }) | Some(Command::SignAddendum { document }) => {
            (document, false)
        }
        _ => return Vec::new(),
    };
    let kb_severity = match ctx.policy().kb_signatory_policy {
        KbSignatoryPolicy::Allow => None,
        KbSignatoryPolicy::Error => Some(Severity::Error),
        _ => Some(Severity::Warning),
    };
    let mut found = Vec::new();
    if rule == KSD_DOC_07 {
        let bound: Vec<PartyId> = if doc.parties.is_empty() {
            ctx.spec.parties.iter().filter_map(Party::id).collect()
        } else {
            doc.parties.clone()
        };
        for party in bound
            .iter()
            .filter(|p| !doc.signatories.iter().any(|s| &s.party == *p))
        {
            found.push(
                err(
                    rule,
                    format!("{party} belum menandatangani"),
                    format!("{party} has not signed"),
                )
                .at("document.signatories"),
            );
        }
    }
    for (i, s) in doc.signatories.iter().enumerate() {
        let field = format!("document.signatories[{i}]");
        let third = matches!(s.party, PartyId::ThirdParty(_));
        match (rule, third) {
            (KSD_DOC_07, true)
                if s.capacity != SignatoryCapacity::ThirdPartyRepresentative
                    || s.authority_basis
                        .as_deref()
                        .is_none_or(|b| b.trim().is_empty()) =>
            {
                found.push(err(rule, format!("{} harus wakil sah pihak ketiga dengan dasar kewenangan (akta, SK)", s.name), format!("{} must be the third party's authorised representative with a basis of authority (deed, decree)", s.name)).at(field));
            }
            (KSD_DOC_07, false) if is_kb && s.capacity != SignatoryCapacity::KepalaDaerah => {
                found.extend(
                    with_severity(
                        rule,
                        kb_severity,
                        format!(
                            "KB ditandatangani oleh {} ({}), bukan kepala daerah",
                            s.name, s.office
                        ),
                        format!(
                            "the KB is signed by {} ({}), not the head of region",
                            s.name, s.office
                        ),
                    )
                    .map(|v| v.at(field)),
                );
            }
            (KSD_KIND_03, false) if is_kb && s.surat_kuasa.is_some() => {
                found.extend(with_severity(rule, kb_severity,
                    format!("PP 28/2018 tidak mengatur pemberian kuasa untuk menandatangani KB ({})", s.name),
                    format!("PP 28/2018 provides no delegation for signing the KB ({})", s.name)).map(|v| v.at(field)));
            }
            (KSD_KIND_03, false)
                if !is_kb
                    && s.capacity != SignatoryCapacity::KepalaDaerah
                    && s.surat_kuasa.is_none() =>
            {
                found.push(
                    err(
                        rule,
                        format!(
                            "{} ({}) bukan kepala daerah dan tidak memegang surat kuasa",
                            s.name, s.office
                        ),
                        format!(
                            "{} ({}) is not the head of region and holds no surat kuasa",
                            s.name, s.office
                        ),
                    )
                    .at(field),
                );
            }
            _ => {}
        }
    }
    found
}

fn object(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let object = &ctx.spec.object;
    let found = match rule {
        KSD_OBJ_01 if object.urusan.is_empty() => Some(err(rule, "objek harus berupa urusan pemerintahan yang menjadi kewenangan daerah", "the object must be a government affair within regional authority").at("object.urusan")),
        KSD_OBJ_02 if object.in_development_plan && object.plan_reference.as_deref().is_none_or(|r| r.trim().is_empty()) => Some(err(rule, "sebutkan rujukan RPJMD/RKPD objek prioritas", "name the RPJMD/RKPD item the priority object comes from").at("object.plan_reference")),
        KSD_OBJ_03 if !object.in_development_plan && object.off_plan_reason.is_none() => Some(err(rule, "objek di luar perencanaan hanya untuk keadaan darurat, program strategis nasional, atau tugas pembantuan", "an object outside the development plan is allowed only for an emergency, a national strategic programme or co-administration").at("object.off_plan_reason")),
        _ => None,
    };
    found.into_iter().collect()
}

fn attestation(ctx: &Ctx<'_>) -> Found {
    if ctx.coop.attestation.is_some() {
        return Vec::new();
    }
    vec![err(
        KSD_OBJ_04,
        "belum ada pernyataan bahwa objek tidak bertentangan dengan kesusilaan, ketertiban umum, kepentingan nasional, dan peraturan",
        "no attestation yet that the object is not contrary to morality, public order, the national interest or the law",
    )]
}

fn third_party_kind(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let CooperationKind::Ksdpk {
        ksdpk_type,
        type_description,
        ..
    } = &ctx.spec.kind
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    match rule {
        KSD_PK_01 => {
            if ctx.spec.third_party_ids().is_empty() {
                found.push(err(rule, "KSDPK memerlukan pihak ketiga (perseorangan, badan usaha berbadan hukum, atau organisasi kemasyarakatan)", "a KSDPK needs a third party (individual, legal-entity business or organisation)").at("parties"));
            }
            if ctx.spec.region_codes().is_empty() {
                found.push(err(rule, "KSDPK adalah kerja sama daerah dengan pihak ketiga: daerah harus menjadi pihak", "a KSDPK is a region's cooperation with a third party: a region must be a party").at("parties"));
            }
        }
        KSD_PK_02
            if *ksdpk_type == KsdpkType::Other
                && type_description
                    .as_deref()
                    .is_none_or(|d| d.trim().is_empty()) =>
        {
            found.push(
                err(
                    rule,
                    "jenis (d) kerja sama lain harus dijelaskan",
                    "type (d) other cooperation must say what it is",
                )
                .at("kind.type_description"),
            );
        }
        KSD_PK_03
            if *ksdpk_type != KsdpkType::PublicService
                && ctx
                    .spec
                    .sectoral_regime
                    .as_deref()
                    .is_none_or(|r| r.trim().is_empty()) =>
        {
            found.push(
                err(
                    rule,
                    format!(
                        "jenis ({}) mengikuti peraturan sektoral: catat rezim sektoralnya",
                        ksdpk_type.letter()
                    ),
                    format!(
                        "type ({}) follows its sectoral law: record the sectoral regime",
                        ksdpk_type.letter()
                    ),
                )
                .at("sectoral_regime"),
            );
        }
        _ => {}
    }
    found
}

fn region_initiative(ctx: &Ctx<'_>) -> Found {
    if ctx.spec.kind.initiative() != Some(Initiative::Region) {
        return Vec::new();
    }
    let rule = KSD_PK_04;
    match ctx.command {
        Some(Command::FileMapping { mapping }) if mapping.needs.is_empty() => vec![
            err(
                rule,
                "pemetaan KSDPK prakarsa daerah harus memuat kebutuhan",
                "a region-initiative KSDPK mapping must state needs",
            )
            .at("mapping.needs"),
        ],
        Some(Command::SubmitFeasibilityStudy { study })
            if !matches!(study.author, PartyId::Region(_)) =>
        {
            vec![
                err(
                    rule,
                    "studi kelayakan prakarsa daerah disusun oleh daerah",
                    "in a region initiative the region prepares the feasibility study",
                )
                .at("study.author"),
            ]
        }
        // Filing the mapping or the study is how the requirement is met: it does not block itself.
        _ if matches!(
            ctx.kind,
            super::CommandKind::FileMapping | super::CommandKind::SubmitFeasibilityStudy
        ) =>
        {
            Vec::new()
        }
        _ => {
            let mut found = Vec::new();
            if !ctx.coop.mappings.values().any(|m| !m.needs.is_empty()) {
                found.push(err(
                    rule,
                    "belum ada pemetaan urusan menurut potensi, karakteristik, dan kebutuhan",
                    "no mapping of affairs by potential, characteristics and needs yet",
                ));
            }
            if !ctx
                .coop
                .studies
                .iter()
                .any(|s| matches!(s.author, PartyId::Region(_)))
            {
                found.push(err(
                    rule,
                    "belum ada studi kelayakan yang disusun daerah",
                    "no feasibility study prepared by the region yet",
                ));
            }
            found
        }
    }
}

fn initiative_criteria(ctx: &Ctx<'_>) -> Found {
    let rule = KSD_PK_05;
    let Some(criteria) = &ctx.coop.criteria else {
        return vec![err(
            rule,
            "tiga kriteria prakarsa pihak ketiga belum dinilai",
            "the three criteria of a third-party initiative have not been assessed",
        )];
    };
    [
        (
            &criteria.master_plan_integration,
            "a",
            "terintegrasi dengan rencana induk sektor",
            "technically integrated with the sector's master plan",
        ),
        (
            &criteria.economic_feasibility,
            "b",
            "layak secara ekonomi dan finansial",
            "economically and financially feasible",
        ),
        (
            &criteria.financial_capacity,
            "c",
            "kemampuan keuangan pemrakarsa",
            "the initiator's financial capacity",
        ),
    ]
    .into_iter()
    .filter(|(c, ..)| !c.met || c.evidence.trim().is_empty())
    .map(|(_, letter, id, en)| {
        err(
            rule,
            format!("kriteria ({letter}) {id} belum terpenuhi dengan bukti"),
            format!("criterion ({letter}) {en} is not met with evidence"),
        )
        .at(format!("criteria.{letter}"))
    })
    .collect()
}

fn third_party_study(ctx: &Ctx<'_>) -> Found {
    let rule = KSD_PK_06;
    match ctx.command {
        Some(Command::ReceiveProposal { study, .. })
            if !matches!(study.author, PartyId::ThirdParty(_))
                || !ctx.spec.has_party(&study.author) =>
        {
            vec![
                err(
                    rule,
                    "pada prakarsa pihak ketiga, studi kelayakan disusun oleh pihak ketiga",
                    "in a third-party initiative the third party prepares the feasibility study",
                )
                .at("study.author"),
            ]
        }
        _ if ctx.kind == super::CommandKind::ReceiveProposal => Vec::new(),
        _ if !ctx
            .coop
            .studies
            .iter()
            .any(|s| matches!(s.author, PartyId::ThirdParty(_))) =>
        {
            vec![err(
                rule,
                "belum ada studi kelayakan dari pihak ketiga",
                "no feasibility study by the third party",
            )]
        }
        _ => Vec::new(),
    }
}

fn wajib_prestages(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let codes = ctx.spec.region_codes();
    match (rule, ctx.command) {
        (KSD_WAJIB_01, _) if ctx.kind == super::CommandKind::FileMapping => Vec::new(),
        (KSD_WAJIB_01, _) => codes
            .iter()
            .filter(|code| !ctx.coop.mappings.contains_key(code))
            .map(|code| {
                err(
                    rule,
                    format!("{code} belum menyampaikan pemetaan urusan"),
                    format!("{code} has not filed its mapping of affairs"),
                )
            })
            .collect(),
        (KSD_WAJIB_02, Some(Command::HoldTechnicalCoordination { level })) => {
            let required = coordination_level(&codes);
            if *level == required {
                Vec::new()
            } else {
                vec![
                    err(
                        rule,
                        format!("koordinasi teknis harus tingkat {required:?}"),
                        format!("technical coordination must be at {required:?} level"),
                    )
                    .at("level"),
                ]
            }
        }
        (KSD_WAJIB_03, Some(Command::SignHeadsAgreement { document })) => {
            let mut found: Found = codes
                .iter()
                .filter(|code| {
                    !document.signatories.iter().any(|s| {
                        s.party == PartyId::Region(**code)
                            && s.capacity == SignatoryCapacity::KepalaDaerah
                    })
                })
                .map(|code| {
                    err(
                        rule,
                        format!("kepala daerah {code} belum menyepakati hasil koordinasi"),
                        format!("the head of {code} has not agreed the coordination outcome"),
                    )
                    .at("document.signatories")
                })
                .collect();
            if document.kind != DocumentKind::HeadsAgreement {
                found.push(
                    err(
                        rule,
                        "dokumen harus kesepakatan para kepala daerah",
                        "the document must be the heads' agreement",
                    )
                    .at("document.kind"),
                );
            }
            found
        }
        _ => Vec::new(),
    }
}

fn entry_into_force(ctx: &Ctx<'_>) -> Found {
    let earliest = ctx
        .coop
        .pks
        .iter()
        .map(|p| p.term.map_or(p.signed_on, |t| t.starts_on))
        .min();
    match earliest {
        Some(start) if ctx.date >= start => Vec::new(),
        Some(start) => vec![
            err(
                KSD_STAGE_01,
                format!("PKS baru berlaku mulai {start}"),
                format!("the PKS takes effect only on {start}"),
            )
            .at("occurred_on"),
        ],
        None => vec![err(KSD_STAGE_01, "belum ada PKS", "no PKS signed")],
    }
}

fn tkksd_review(ctx: &Ctx<'_>) -> Found {
    let point = match ctx.command.map(Command::kind) {
        Some(super::CommandKind::SignKb) => ReviewPoint::KbSigning,
        Some(super::CommandKind::SignPks) => ReviewPoint::PksSigning,
        _ => match ctx.coop.stage {
            super::Stage::KbDrafting => ReviewPoint::KbSigning,
            super::Stage::PksDrafting | super::Stage::PksSigned | super::Stage::InForce => {
                ReviewPoint::PksSigning
            }
            _ => ReviewPoint::Offer,
        },
    };
    let severity = match ctx.policy().tkksd_review {
        TkksdReviewPolicy::Off => None,
        TkksdReviewPolicy::RequiredError => Some(Severity::Error),
        _ => Some(Severity::Warning),
    };
    if ctx.coop.reviews.contains(&point) {
        return Vec::new();
    }
    with_severity(
        KSD_STAGE_04,
        severity,
        format!("belum ada pembahasan TKKSD ({point:?})"),
        format!("no TKKSD review yet ({point:?})"),
    )
    .into_iter()
    .collect()
}

fn pks_without_kb(ctx: &Ctx<'_>) -> Found {
    if ctx.policy().allow_pks_without_kb {
        return Vec::new();
    }
    vec![err(
        KSD_STAGE_05,
        "PKS didahului KB (allow_pks_without_kb = false)",
        "a PKS follows a KB (allow_pks_without_kb = false)",
    )]
}

fn dprd(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let ksdpk = ctx.is_ksdpk();
    use super::CommandKind as C;
    match rule {
        // Without a KB the gate follows the offer only where the policy lets the KB be
        // skipped (KSD-STAGE-05, Q5).
        KSD_DPRD_03 if !ctx.coop.has_kb() && !ctx.policy().allow_pks_without_kb => vec![err(
            rule,
            "persetujuan DPRD berada setelah KB ditandatangani",
            "DPRD approval comes after the KB is signed",
        )],
        KSD_DPRD_01 if matches!(ctx.kind, C::ApproveDprd | C::RefuseDprd) => match ctx
            .actor
            .region()
            .and_then(|r| ctx.coop.dprd_decisions().get(&r))
        {
            Some(DprdDecision::Approved { .. } | DprdDecision::Refused { .. }) => vec![err(
                rule,
                "DPRD ini sudah memutuskan",
                "this DPRD has already decided",
            )],
            None => Vec::new(),
        },
        KSD_DPRD_01 if ksdpk => Vec::new(),
        KSD_DPRD_02 if !ksdpk => Vec::new(),
        KSD_DPRD_01 | KSD_DPRD_02 => gate(rule, ctx),
        _ => Vec::new(),
    }
}

/// The per-region gate: every region party assessed; DPRD involved exactly when some gate is
/// true. Leaving for PKS drafting needs every required approval (none is ever deemed, KSD-DPRD-04).
fn gate(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let mut found: Found = ctx
        .spec
        .region_codes()
        .into_iter()
        .filter(|code| !ctx.coop.dprd_gates().contains_key(code))
        .map(|code| {
            err(
                rule,
                format!("syarat persetujuan DPRD {code} belum dinilai"),
                format!("the DPRD gate of {code} has not been assessed"),
            )
        })
        .collect();
    let pending = dprd_pending(ctx, None);
    let submitting = ctx.kind == super::CommandKind::SubmitToDprd;
    if submitting && pending.is_empty() && found.is_empty() {
        found.push(err(
            rule,
            "tidak ada daerah yang memerlukan persetujuan DPRD: lanjut ke penyusunan PKS",
            "no region party needs DPRD approval: go on to PKS drafting",
        ));
    }
    if !submitting {
        for code in pending {
            found.push(err(
                rule,
                format!("persetujuan DPRD {code} diperlukan"),
                format!("approval of the DPRD of {code} is required"),
            ));
        }
    }
    found
}

fn documents(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let mut found = Vec::new();
    match (rule, ctx.command) {
        (KSD_DOC_01, Some(Command::SignKb { document })) => {
            if document.kind != DocumentKind::Kb {
                found.push(
                    err(rule, "dokumen harus KB", "the document must be a KB").at("document.kind"),
                );
            }
            if ctx.coop.kb.is_some() {
                found.push(
                    err(
                        rule,
                        "satu kerja sama memiliki paling banyak satu KB",
                        "a cooperation has at most one KB",
                    )
                    .at("document"),
                );
            }
        }
        (KSD_DOC_01, Some(Command::SignPks { document })) => {
            if document.kind != DocumentKind::Pks {
                found.push(
                    err(rule, "dokumen harus PKS", "the document must be a PKS")
                        .at("document.kind"),
                );
            }
            let kb_id = ctx.coop.kb.as_ref().map(|kb| &kb.id);
            if document.under_kb.as_ref() != kb_id {
                found.push(
                    err(
                        rule,
                        "PKS harus merujuk KB kerja sama ini",
                        "the PKS must refer to this cooperation's KB",
                    )
                    .at("document.under_kb"),
                );
            }
            if ctx.coop.pks.iter().any(|p| p.id == document.id) {
                found.push(
                    err(
                        rule,
                        "PKS ini sudah dicatat",
                        "this PKS is already recorded",
                    )
                    .at("document.id"),
                );
            }
        }
        (KSD_DOC_02, Some(Command::SignPks { document })) if ctx.is_ksdpk() => found.extend(
            missing_clauses(rule, document, &MINIMUM_KSDPK_CLAUSES, Severity::Error),
        ),
        (KSD_DOC_03, Some(Command::SignPks { document })) if !ctx.is_ksdpk() => {
            found.extend(missing_clauses(
                rule,
                document,
                &ctx.policy().ksdd_pks_required_clauses,
                Severity::Warning,
            ));
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
            Violation::new(
                rule,
                severity,
                format!("PKS tidak memuat klausul {clause:?}"),
                format!("the PKS lacks the {clause:?} clause"),
            )
            .at("document.clauses")
        })
        .collect()
}

fn ending(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let grounds = match ctx.command {
        Some(Command::Terminate { grounds }) => grounds.clone(),
        Some(Command::RecordExpiry) => vec![super::EndGround::TermExpired],
        _ => return Vec::new(),
    };
    let mut found = Vec::new();
    if rule == KSD_TERM_02 && !ctx.is_ksdpk() {
        for ground in grounds.iter().filter(|g| g.ksdpk_only()) {
            found.push(
                err(
                    rule,
                    format!("dasar {} hanya berlaku untuk KSDPK", ground.as_str()),
                    format!("ground {} applies to KSDPK only", ground.as_str()),
                )
                .at("grounds"),
            );
        }
    }
    if rule == KSD_TERM_01 && ctx.coop.stage == super::Stage::Ended {
        if !ctx
            .coop
            .end_grounds()
            .contains(&super::EndGround::TermExpired)
        {
            found.push(
                err(
                    rule,
                    "kerja sama sudah berakhir atas dasar lain",
                    "the cooperation already ended on another ground",
                )
                .at("grounds"),
            );
        }
        return found;
    }
    if rule == KSD_TERM_01 && grounds.contains(&super::EndGround::TermExpired) {
        let end = ctx
            .coop
            .pks
            .iter()
            .filter_map(|p| p.term.map(|t| t.ends_on))
            .max();
        match end {
            Some(end) if ctx.date > end => {}
            Some(end) => found.push(
                err(
                    rule,
                    format!("jangka waktu baru berakhir {end}"),
                    format!("the term runs until {end}"),
                )
                .at("occurred_on"),
            ),
            None => found.push(
                err(
                    rule,
                    "PKS tidak memuat jangka waktu",
                    "no PKS states a term",
                )
                .at("grounds"),
            ),
        }
    }
    found
}

/// The maximum term in years for this cooperation: the largest sector override that applies,
/// else `max_term_years` (KSD-TERM-05, -07).
fn term_limit(ctx: &Ctx<'_>) -> Option<u16> {
    let policy = ctx.policy();
    let ksdpk_type = ctx.spec.kind.ksdpk_type();
    let applies = |sector: &TermSector| match sector {
        TermSector::Infrastructure => ksdpk_type == Some(KsdpkType::InfrastructureProvision),
        TermSector::Urusan(u) => ctx.spec.object.urusan.contains(u),
        TermSector::KsdpkType(t) => ksdpk_type == Some(*t),
    };
    let overrides: Option<u16> = policy
        .sector_max_term_overrides
        .iter()
        .filter(|o| applies(&o.sector))
        .map(|o| o.max_years)
        .max();
    overrides.or(policy.max_term_years)
}

fn max_term(ctx: &Ctx<'_>) -> Found {
    let Some(limit) = term_limit(ctx) else {
        return Vec::new();
    };
    let (exceeds, years, field) = match ctx.command {
        Some(Command::Register { spec }) => match spec.proposed_term_years {
            Some(years) => (years > limit, u32::from(years), "proposed_term_years"),
            None => return Vec::new(),
        },
        Some(Command::SignKb { document } | Command::SignPks { document }) => {
            match &document.term {
                Some(term) => (
                    term.exceeds_years(limit),
                    term.whole_years(),
                    "document.term",
                ),
                None => return Vec::new(),
            }
        }
        _ => return Vec::new(),
    };
    if !exceeds {
        return Vec::new();
    }
    vec![Violation::new(
        KSD_TERM_05,
        Severity::Warning,
        format!("jangka waktu {years} tahun melebihi batas {limit} tahun (max_term_years/sector_max_term_overrides, KSD-TERM-07)"),
        format!("a term of {years} years exceeds the {limit}-year limit (max_term_years/sector_max_term_overrides, KSD-TERM-07)"),
    ).at(field)]
}

fn addendum(ctx: &Ctx<'_>) -> Found {
    let Some(Command::SignAddendum { document }) = ctx.command else {
        return Vec::new();
    };
    let rule = KSD_TERM_08;
    let mut found = Vec::new();
    if document.kind != DocumentKind::Addendum {
        found.push(
            err(
                rule,
                "dokumen harus addendum",
                "the document must be an addendum",
            )
            .at("document.kind"),
        );
    }
    let amended = ctx
        .coop
        .kb
        .iter()
        .chain(ctx.coop.pks.iter())
        .chain(ctx.coop.addenda.iter())
        .find(|d| Some(&d.id) == document.amends.as_ref());
    if amended.is_none() {
        found.push(
            err(
                rule,
                "addendum harus merujuk dokumen yang diubah (KB/PKS kerja sama ini)",
                "an addendum must refer to the document it amends (a KB/PKS of this cooperation)",
            )
            .at("document.amends"),
        );
    }
    found
}

fn takeover(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let Some(Command::TakeOver { takeover }) = ctx.command else {
        return Vec::new();
    };
    let province = takeover.defaulting_region.level() == RegionLevel::Province;
    let mut found = Vec::new();
    let missing = |record: &Option<crate::model::Record>,
                   field: &str,
                   id: &str,
                   en: &str|
     -> Option<Violation> {
        record.is_none().then(|| {
            err(rule, format!("belum ada {id}"), format!("no {en} yet"))
                .at(format!("takeover.{field}"))
        })
    };
    match rule {
        KSD_ENF_01 if province && takeover.by != TakeoverBy::CentralGovernment => found.push(
            err(
                rule,
                "urusan provinsi diambil alih Pemerintah Pusat",
                "a province's affair is taken over by the central government",
            )
            .at("takeover.by"),
        ),
        KSD_ENF_02 if !province && takeover.by != TakeoverBy::Governor => found.push(
            err(
                rule,
                "urusan kabupaten/kota diambil alih gubernur sebagai wakil Pemerintah Pusat",
                "a kab/kota affair is taken over by the governor as central representative",
            )
            .at("takeover.by"),
        ),
        KSD_ENF_03 if takeover.by == TakeoverBy::CentralGovernment => {
            found.extend(missing(
                &takeover.guidance,
                "guidance",
                "pembinaan",
                "guidance",
            ));
            found.extend(missing(
                &takeover.obstacle_evaluation,
                "obstacle_evaluation",
                "evaluasi kendala",
                "evaluation of the obstacles",
            ));
        }
        KSD_ENF_04 if takeover.by == TakeoverBy::Governor => {
            found.extend(missing(
                &takeover.guidance,
                "guidance",
                "pembinaan gubernur",
                "governor's guidance",
            ));
            found.extend(missing(
                &takeover.obstacle_evaluation,
                "obstacle_evaluation",
                "evaluasi kendala",
                "evaluation of the obstacles",
            ));
            found.extend(missing(
                &takeover.minister_approval,
                "minister_approval",
                "persetujuan Menteri",
                "the Minister's approval",
            ));
        }
        _ => {}
    }
    found
}

fn secretariat(ctx: &Ctx<'_>) -> Found {
    if !ctx.spec.kind.is_wajib() {
        return Vec::new();
    }
    let continuous = match ctx.command {
        Some(Command::EstablishSecretariat { continuous }) => *continuous,
        _ => true,
    };
    let regions = ctx.spec.region_codes().len();
    let objects = ctx.spec.object.urusan.len();
    let five_years = ctx
        .coop
        .pks
        .iter()
        .filter_map(|p| p.term)
        .any(|t| t.at_least_years(5));
    let mut found = Vec::new();
    let rule = KSD_ENF_08;
    if !continuous {
        found.push(
            err(
                rule,
                "kerja sama tidak terus menerus",
                "the cooperation is not continuous",
            )
            .at("continuous"),
        );
    }
    if regions <= 2 && objects <= 2 {
        found.push(err(
            rule,
            "tidak kompleks: paling banyak 2 daerah dan 2 objek",
            "not complex: at most 2 regions and 2 objects",
        ));
    }
    if !five_years {
        found.push(err(
            rule,
            "jangka waktu kurang dari 5 tahun",
            "the term is shorter than 5 years",
        ));
    }
    found
}

fn dispute(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let Some(Command::RaiseDispute { forum, .. }) = ctx.command else {
        return Vec::new();
    };
    match (rule, forum) {
        (KSD_DISP_01, DisputeForum::InterRegionalRegime) => Vec::new(),
        (KSD_DISP_01, _) => vec![
            err(
                rule,
                "perselisihan KSDD diselesaikan menurut ketentuan perselisihan antardaerah",
                "KSDD disputes go to the inter-regional dispute regime",
            )
            .at("forum"),
        ],
        (KSD_DISP_02, DisputeForum::Musyawarah) => Vec::new(),
        (KSD_DISP_02, DisputeForum::ContractClause) => {
            let mut found = Vec::new();
            if !ctx
                .coop
                .disputes
                .iter()
                .any(|(f, _)| *f == DisputeForum::Musyawarah)
            {
                found.push(
                    err(
                        rule,
                        "musyawarah mufakat terlebih dahulu",
                        "deliberation to consensus (musyawarah) comes first",
                    )
                    .at("forum"),
                );
            }
            if !ctx
                .coop
                .pks
                .iter()
                .any(|p| p.clauses.contains(&Clause::DisputeSettlement))
            {
                found.push(
                    err(
                        rule,
                        "PKS tidak memuat klausul penyelesaian perselisihan (KSD-DOC-02)",
                        "the PKS has no dispute-settlement clause (KSD-DOC-02)",
                    )
                    .at("forum"),
                );
            }
            found
        }
        _ => vec![
            err(
                rule,
                "perselisihan KSDPK: musyawarah mufakat, lalu klausul PKS",
                "KSDPK disputes: musyawarah, then the PKS clause",
            )
            .at("forum"),
        ],
    }
}

/// The end of the longest PKS term, if any PKS states one.
pub(crate) fn governing_end(coop: &super::Cooperation) -> Option<chrono::NaiveDate> {
    coop.pks()
        .iter()
        .filter_map(|p| p.term.map(|t| t.ends_on))
        .max()
}

fn extension(ctx: &Ctx<'_>) -> Found {
    let rule = KSD_TERM_06;
    if ctx.coop.stage == super::Stage::Ended
        && !ctx
            .coop
            .end_grounds()
            .contains(&super::EndGround::TermExpired)
    {
        return vec![
            err(
                rule,
                "perpanjangan hanya untuk kerja sama yang berakhir karena jangka waktu",
                "only a cooperation that ended by expiry of its term is extended",
            )
            .at("successor"),
        ];
    }
    let (Some(lead), Some(end)) = (ctx.policy().extension_lead_time, governing_end(ctx.coop))
    else {
        return Vec::new();
    };
    match lead.before(end, ctx.policy().month_overflow) {
        Some(latest) if ctx.date > latest => vec![Violation::new(
            rule,
            Severity::Warning,
            format!("perpanjangan dimulai setelah {latest} (extension_lead_time sebelum berakhir {end})"),
            format!("the extension started after {latest} (extension_lead_time before the end on {end})"),
        ).at("occurred_on")],
        _ => Vec::new(),
    }
}

/// KSD-IMPL-06: the evaluation record of practice. Missing content is a warning (no official
/// instrument is known); impossible dates are refused as invalid input before this runs.
fn evaluation_record(ctx: &Ctx<'_>) -> Found {
    let Some(Command::RecordEvaluation { evaluation }) = ctx.command else {
        return Vec::new();
    };
    let rule = KSD_IMPL_06;
    let warn = |field: &str, id: &str, en: &str| {
        Violation::new(rule, Severity::Warning, id, en).at(format!("evaluation.{field}"))
    };
    let mut found = Vec::new();
    if evaluation.evaluator.trim().is_empty() {
        found.push(warn(
            "evaluator",
            "evaluator belum diisi",
            "no evaluator named",
        ));
    }
    if evaluation.progress.trim().is_empty() {
        found.push(warn(
            "progress",
            "kemajuan terhadap rencana kerja belum diisi",
            "no progress against the work plan",
        ));
    }
    if evaluation.benefits.trim().is_empty() {
        found.push(warn(
            "benefits",
            "manfaat yang dicapai belum diisi",
            "no benefits stated",
        ));
    }
    for party in ctx.spec.parties.iter().filter_map(Party::id) {
        if !evaluation.compliance.iter().any(|c| c.party == party) {
            found.push(warn(
                "compliance",
                &format!("kepatuhan {party} belum dinilai"),
                &format!("compliance of {party} not assessed"),
            ));
        }
    }
    found
}
