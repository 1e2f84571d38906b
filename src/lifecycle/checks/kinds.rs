//! RULES.md §3.1–§3.3: kinds, representation, the wajib/sukarela split, pairings and objects.

use std::collections::BTreeSet;

use crate::law::*;
use crate::model::{
    CooperationKind, KodeWilayah, KsddCategory, Party, PartyId, SignatoryCapacity, WajibPairing,
};

use super::super::command::Command;
use super::super::finding::Finding;
use super::super::guard::Ctx;
use super::{Found, err, regions};

/// Whether the command registers the cooperation or begins the wajib procedure (or only
/// the state is checked): the moments the parties and object are judged.
fn registering(ctx: &Ctx<'_>) -> bool {
    matches!(
        ctx.command,
        None | Some(Command::Register { .. } | Command::BeginWajibProcedure)
    )
}

/// KSD-KIND-01: KSDPL/KSDLL are out of scope.
pub(super) fn foreign_out_of_scope(ctx: &Ctx<'_>) -> Found {
    match ctx.spec.kind {
        CooperationKind::Ksdpl | CooperationKind::Ksdll => {
            vec![err(KSD_KIND_01, Finding::ForeignCooperationOutOfScope).at("kind")]
        }
        _ => Vec::new(),
    }
}

/// KSD-KIND-04: a ministry or central agency is synergy, never a party.
pub(super) fn no_central_agency(ctx: &Ctx<'_>) -> Found {
    central_agencies(ctx, KSD_KIND_04, |name| {
        Finding::CentralAgencyNotThirdParty { name }
    })
}

/// An error of `rule` for each central agency listed as a party, at its index.
pub(super) fn central_agencies(
    ctx: &Ctx<'_>,
    rule: crate::law::RuleId,
    finding: fn(String) -> Finding,
) -> Found {
    ctx.spec
        .parties
        .iter()
        .enumerate()
        .filter_map(|(i, party)| match party {
            Party::CentralAgency { name } => {
                Some(err(rule, finding(name.clone())).at(format!("parties[{i}]")))
            }
            _ => None,
        })
        .collect()
}

/// KSD-KIND-06: a KSDD is wajib or sukarela.
pub(super) fn ksdd_category(ctx: &Ctx<'_>) -> Found {
    match ctx.spec.kind {
        CooperationKind::Ksdd { category: None } => {
            vec![err(KSD_KIND_06, Finding::KsddCategoryMissing).at("kind.category")]
        }
        _ => Vec::new(),
    }
}

/// KSD-KIND-08: a kerja sama sukarela needs at least two regions and no third party.
pub(super) fn sukarela_regions(ctx: &Ctx<'_>) -> Found {
    if !matches!(
        ctx.spec.kind,
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Sukarela)
        }
    ) {
        return Vec::new();
    }
    let regions = ctx.spec.region_codes().len();
    let mut found = Vec::new();
    if regions < 2 {
        found.push(
            err(
                KSD_KIND_08,
                Finding::TooFewRegions {
                    category: KsddCategory::Sukarela,
                    found: regions,
                },
            )
            .at("parties"),
        );
    }
    if !ctx.spec.third_party_ids().is_empty() {
        found.push(err(KSD_KIND_08, Finding::ThirdPartyInKsdd).at("parties"));
    }
    found
}

/// KSD-KIND-07: at least two bordering regions, an affair with externalities, a rationale.
pub(super) fn wajib_borders(ctx: &Ctx<'_>) -> Found {
    if !ctx.spec.kind.is_wajib() || !registering(ctx) {
        return Vec::new();
    }
    let rule = KSD_KIND_07;
    let codes = ctx.spec.region_codes();
    let mut found = Vec::new();
    if codes.len() < 2 {
        found.push(
            err(
                rule,
                Finding::TooFewRegions {
                    category: KsddCategory::Wajib,
                    found: codes.len(),
                },
            )
            .at("parties"),
        );
    }
    if !ctx.spec.third_party_ids().is_empty() {
        found.push(err(rule, Finding::ThirdPartyInKsdd).at("parties"));
    }
    if !ctx.spec.object.cross_border_externality {
        found.push(
            err(rule, Finding::NoCrossBorderExternality).at("object.cross_border_externality"),
        );
    }
    if ctx.spec.object.joint_efficiency_rationale.trim().is_empty() {
        found.push(
            err(rule, Finding::NoJointEfficiencyRationale).at("object.joint_efficiency_rationale"),
        );
    }
    let reading = ctx.policy().wajib_border_rule;
    // Bordering is the border table plus, where KSD-KIND-11 counts it, a province with its
    // own kab/kota; both readings are answered in near-linear time (`regions`).
    let containment = ctx.policy().containment_counts_as_border;
    let table = &ctx.spec.borders;
    let bordering = match reading {
        WajibBorderRule::Pairwise => regions::pairwise(&codes, table, containment),
        _ => regions::connected(&codes, table, containment),
    };
    if codes.len() >= 2 && !bordering {
        found.push(err(rule, Finding::RegionsDoNotBorder { reading }).at("borders"));
    }
    found
}

/// KSD-KIND-09 (narrowed by KSD-KIND-10): every pair of wajib parties is an allowed pairing.
/// One violation at `parties` lists the first [`LISTED_FINDINGS`] pairs not allowed and
/// counts the rest: `n` regions have `n (n − 1) / 2` pairs, and 2 000 regions under a
/// one-pairing policy would otherwise give two million findings.
///
/// [`LISTED_FINDINGS`]: super::super::violation::LISTED_FINDINGS
pub(super) fn wajib_pairings(ctx: &Ctx<'_>) -> Found {
    if !ctx.spec.kind.is_wajib() {
        return Vec::new();
    }
    let codes = ctx.spec.region_codes();
    let allowed = &ctx.policy().wajib_pairings;
    let (count, first) = regions::DisallowedPairs::new(&codes, allowed)
        .count_and_first(super::super::violation::LISTED_FINDINGS);
    let finding = |(a, b): (KodeWilayah, KodeWilayah)| Finding::PairingNotAllowed {
        a,
        b,
        pairing: WajibPairing::of(a, b),
    };
    let mut listed = first.into_iter().map(finding);
    let Some(head) = listed.next() else {
        return Vec::new();
    };
    let also: Vec<Finding> = listed.collect();
    let shown = u64::try_from(also.len())
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    vec![
        err(KSD_KIND_09, head)
            .at("parties")
            .listing(also, count.saturating_sub(shown)),
    ]
}

/// KSD-KIND-02: the offer letter is the initiating party's.
pub(super) fn offer_for_initiator(ctx: &Ctx<'_>) -> Found {
    match ctx.command {
        Some(Command::SendOffer { letter }) if letter.signatory.party != ctx.spec.initiator => {
            vec![err(KSD_KIND_02, Finding::OfferNotForInitiator).at("letter.signatory.party")]
        }
        _ => Vec::new(),
    }
}

/// KSD-KIND-02 up to version 2: the offer letter signed by the head of region, as an error.
/// From version 3 the signatory is practice (KSD-STAGE-08, `offer_letter_signatory`).
pub(super) fn offer_signed_by_head(ctx: &Ctx<'_>) -> Found {
    match ctx.command {
        Some(Command::SendOffer { letter }) => not_heads(std::iter::once((
            String::from("letter.signatory"),
            &letter.signatory,
        ))),
        _ => Vec::new(),
    }
}

/// KSD-KIND-02: the heads' agreement is signed by the heads of region (Pasal 2 ayat (1)).
pub(super) fn heads_agreement_by_heads(ctx: &Ctx<'_>) -> Found {
    match ctx.command {
        Some(Command::SignHeadsAgreement { document }) => not_heads(
            document
                .signatories
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("document.signatories[{i}]"), s)),
        ),
        _ => Vec::new(),
    }
}

/// A KSD-KIND-02 error for each region signatory who is not the head of region.
fn not_heads<'a>(
    signatories: impl Iterator<Item = (String, &'a crate::model::Signatory)>,
) -> Found {
    signatories
        .filter(|(_, s)| {
            matches!(s.party, PartyId::Region(_)) && s.capacity != SignatoryCapacity::KepalaDaerah
        })
        .map(|(field, s)| {
            err(
                KSD_KIND_02,
                Finding::SignatoryNotHead {
                    name: s.name.clone(),
                    office: s.office.clone(),
                },
            )
            .at(field)
        })
        .collect()
}

/// KSD-OBJ-01: the object is a government affair.
pub(super) fn object_is_affair(ctx: &Ctx<'_>) -> Found {
    if ctx.spec.object.urusan.is_empty() {
        vec![err(KSD_OBJ_01, Finding::ObjectNotGovernmentAffair).at("object.urusan")]
    } else {
        Vec::new()
    }
}

/// KSD-OBJ-02: a priority object names its plan item.
pub(super) fn plan_reference(ctx: &Ctx<'_>) -> Found {
    let object = &ctx.spec.object;
    if object.in_development_plan
        && object
            .plan_reference
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
    {
        vec![err(KSD_OBJ_02, Finding::PlanReferenceMissing).at("object.plan_reference")]
    } else {
        Vec::new()
    }
}

/// KSD-OBJ-03: an object outside the plan needs one of the three reasons.
pub(super) fn off_plan_reason(ctx: &Ctx<'_>) -> Found {
    let object = &ctx.spec.object;
    if !object.in_development_plan && object.off_plan_reasons.is_empty() {
        vec![err(KSD_OBJ_03, Finding::OffPlanWithoutReason).at("object.off_plan_reason")]
    } else {
        Vec::new()
    }
}

/// KSD-OBJ-04: lawfulness is attested before the offer.
pub(super) fn lawfulness_attested(ctx: &Ctx<'_>) -> Found {
    if ctx.coop.attestation.is_some() {
        Vec::new()
    } else {
        vec![err(KSD_OBJ_04, Finding::LawfulnessNotAttested)]
    }
}

/// KSD-KIND-05 (from version 3): a special-autonomy override is for DIY, DKI Jakarta, Aceh,
/// Papua or Papua Barat only (Pasal 47); one configured for another province a party lies in
/// is refused at registration. Where it applies, the override turns the rules it names into
/// advice (see `guard::evaluate`).
pub(super) fn special_autonomy(ctx: &Ctx<'_>) -> Found {
    if !registering(ctx) {
        return Vec::new();
    }
    let provinces: BTreeSet<KodeWilayah> = ctx
        .spec
        .region_codes()
        .iter()
        .map(|r| r.province())
        .collect();
    ctx.policy()
        .special_autonomy_overrides
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            provinces.contains(&o.province)
                && !SPECIAL_AUTONOMY_PROVINCES.contains(&o.province.province_number())
        })
        .map(|(i, o)| {
            err(
                KSD_KIND_05,
                Finding::NotSpecialAutonomy {
                    province: o.province,
                },
            )
            .at(format!("policy.special_autonomy_overrides[{i}].province"))
        })
        .collect()
}
