//! RULES.md §3.4 and §4.3: third parties, KSDPK types and the two initiative branches.

use crate::law::*;
use crate::model::{CooperationKind, Initiative, KsdpkType, PartyId};

use super::super::command::{Command, CommandKind};
use super::super::finding::{Finding, InitiativeCriterion};
use super::super::guard::Ctx;
use super::{Found, err};

fn ksdpk_type<'a>(ctx: &Ctx<'a>) -> Option<(KsdpkType, Option<&'a str>)> {
    match &ctx.spec.kind {
        CooperationKind::Ksdpk {
            ksdpk_type,
            type_description,
            ..
        } => Some((*ksdpk_type, type_description.as_deref())),
        _ => None,
    }
}

/// KSD-PK-01: a KSDPK has a third party and a region party.
pub(super) fn parties(ctx: &Ctx<'_>) -> Found {
    if ksdpk_type(ctx).is_none() {
        return Vec::new();
    }
    let mut found = Vec::new();
    if ctx.spec.third_party_ids().is_empty() {
        found.push(err(KSD_PK_01, Finding::NoThirdParty).at("parties"));
    }
    if ctx.spec.region_codes().is_empty() {
        found.push(err(KSD_PK_01, Finding::NoRegionParty).at("parties"));
    }
    found
}

/// KSD-PK-02: type (d) says what it is.
pub(super) fn other_type_described(ctx: &Ctx<'_>) -> Found {
    match ksdpk_type(ctx) {
        Some((KsdpkType::Other, description))
            if description.is_none_or(|d| d.trim().is_empty()) =>
        {
            vec![err(KSD_PK_02, Finding::OtherTypeUndescribed).at("kind.type_description")]
        }
        _ => Vec::new(),
    }
}

/// KSD-PK-03: types (b)–(d) record the sectoral regime that governs them.
pub(super) fn sectoral_regime(ctx: &Ctx<'_>) -> Found {
    match ksdpk_type(ctx) {
        Some((ksdpk_type, _))
            if ksdpk_type != KsdpkType::PublicService
                && ctx
                    .spec
                    .sectoral_regime
                    .as_deref()
                    .is_none_or(|r| r.trim().is_empty()) =>
        {
            vec![
                err(KSD_PK_03, Finding::SectoralRegimeMissing { ksdpk_type }).at("sectoral_regime"),
            ]
        }
        _ => Vec::new(),
    }
}

/// KSD-PK-04: a region initiative has a mapping with needs and the region's own study.
pub(super) fn region_initiative(ctx: &Ctx<'_>) -> Found {
    if ctx.spec.kind.initiative() != Some(Initiative::Region) {
        return Vec::new();
    }
    let rule = KSD_PK_04;
    match ctx.command {
        Some(Command::FileMapping { mapping }) if mapping.needs.is_empty() => {
            vec![err(rule, Finding::MappingWithoutNeeds).at("mapping.needs")]
        }
        Some(Command::SubmitFeasibilityStudy { study })
            if !matches!(study.author, PartyId::Region(_)) =>
        {
            vec![err(rule, Finding::StudyNotByRegion).at("study.author")]
        }
        // Filing the mapping or the study is how the requirement is met: it does not block
        // itself.
        _ if matches!(
            ctx.kind,
            CommandKind::FileMapping | CommandKind::SubmitFeasibilityStudy
        ) =>
        {
            Vec::new()
        }
        _ => {
            let mut found = Vec::new();
            if !ctx.coop.mappings.values().any(|m| !m.needs.is_empty()) {
                found.push(err(rule, Finding::NoMappingWithNeeds));
            }
            if !ctx
                .coop
                .studies
                .iter()
                .any(|s| matches!(s.author, PartyId::Region(_)))
            {
                found.push(err(rule, Finding::NoRegionStudy));
            }
            found
        }
    }
}

/// KSD-PK-05: the three criteria of a third party's initiative, each met with evidence.
pub(super) fn initiative_criteria(ctx: &Ctx<'_>) -> Found {
    let rule = KSD_PK_05;
    let Some(criteria) = &ctx.coop.criteria else {
        return vec![err(rule, Finding::CriteriaNotAssessed)];
    };
    [
        (
            &criteria.master_plan_integration,
            InitiativeCriterion::MasterPlanIntegration,
            "a",
        ),
        (
            &criteria.economic_feasibility,
            InitiativeCriterion::EconomicFeasibility,
            "b",
        ),
        (
            &criteria.financial_capacity,
            InitiativeCriterion::FinancialCapacity,
            "c",
        ),
    ]
    .into_iter()
    .filter(|(c, ..)| !c.met || c.evidence.trim().is_empty())
    .map(|(_, criterion, letter)| {
        err(rule, Finding::CriterionNotMet { criterion }).at(format!("criteria.{letter}"))
    })
    .collect()
}

/// KSD-PK-06: in a third party's initiative the third party prepares the study.
pub(super) fn third_party_study(ctx: &Ctx<'_>) -> Found {
    let rule = KSD_PK_06;
    match ctx.command {
        Some(Command::ReceiveProposal { study, .. })
            if !matches!(study.author, PartyId::ThirdParty(_))
                || !ctx.spec.has_party(&study.author) =>
        {
            vec![err(rule, Finding::StudyNotByThirdParty).at("study.author")]
        }
        _ if ctx.kind == CommandKind::ReceiveProposal => Vec::new(),
        _ if !ctx
            .coop
            .studies
            .iter()
            .any(|s| matches!(s.author, PartyId::ThirdParty(_))) =>
        {
            vec![err(rule, Finding::NoThirdPartyStudy)]
        }
        _ => Vec::new(),
    }
}

/// KSD-PK-07 (from version 3): what a KSDPK yields for the region goes to the kas daerah
/// (money) or is recorded as regional assets (goods) (Pasal 20).
pub(super) fn results_to_treasury(ctx: &Ctx<'_>) -> Found {
    let Some(Command::RecordEvaluation { evaluation }) = ctx.command else {
        return Vec::new();
    };
    if !ctx.is_ksdpk() {
        return Vec::new();
    }
    use crate::model::{ResultDestination, ResultForm};
    evaluation
        .results
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            !matches!(
                (r.form, r.destination),
                (ResultForm::Money, ResultDestination::KasDaerah)
                    | (ResultForm::Goods, ResultDestination::RegionalAssets)
            )
        })
        .map(|(i, r)| {
            err(KSD_PK_07, Finding::ResultNotToTreasury { form: r.form })
                .at(format!("evaluation.results[{i}].destination"))
        })
        .collect()
}
