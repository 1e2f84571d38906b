//! RULES.md §9–§10: the takeover of an unperformed kerja sama wajib, the cooperation
//! secretariat, and disputes.

use crate::law::*;
use crate::model::{Clause, DisputeForum, Record, RegionLevel, Takeover, TakeoverBy};

use super::super::command::Command;
use super::super::finding::{Finding, TakeoverPrecondition};
use super::super::guard::Ctx;
use super::{Found, err};

fn takeover<'a>(ctx: &Ctx<'a>) -> Option<&'a Takeover> {
    match ctx.command {
        Some(Command::TakeOver { takeover }) => Some(takeover),
        _ => None,
    }
}

fn of_province(takeover: &Takeover) -> bool {
    takeover.defaulting_region.level() == RegionLevel::Province
}

/// KSD-ENF-01: a province's affair is taken over by the central government.
pub(super) fn province_to_centre(ctx: &Ctx<'_>) -> Found {
    match takeover(ctx) {
        Some(t) if of_province(t) && t.by != TakeoverBy::CentralGovernment => {
            vec![err(KSD_ENF_01, Finding::ProvinceTakenOverByCentre).at("takeover.by")]
        }
        _ => Vec::new(),
    }
}

/// KSD-ENF-02: a kab/kota's affair is taken over by the governor.
pub(super) fn kab_kota_to_governor(ctx: &Ctx<'_>) -> Found {
    match takeover(ctx) {
        Some(t) if !of_province(t) && t.by != TakeoverBy::Governor => {
            vec![err(KSD_ENF_02, Finding::KabKotaTakenOverByGovernor).at("takeover.by")]
        }
        _ => Vec::new(),
    }
}

fn missing(
    rule: RuleId,
    by: TakeoverBy,
    preconditions: &[(&Option<Record>, TakeoverPrecondition, &str)],
) -> Found {
    preconditions
        .iter()
        .filter(|(record, ..)| record.is_none())
        .map(|(_, precondition, field)| {
            err(
                rule,
                Finding::TakeoverPreconditionMissing {
                    by,
                    precondition: *precondition,
                },
            )
            .at(format!("takeover.{field}"))
        })
        .collect()
}

/// KSD-ENF-03: a central takeover follows guidance and an evaluation of the obstacles.
pub(super) fn central_preconditions(ctx: &Ctx<'_>) -> Found {
    match takeover(ctx) {
        Some(t) if t.by == TakeoverBy::CentralGovernment => missing(
            KSD_ENF_03,
            t.by,
            &[
                (&t.guidance, TakeoverPrecondition::Guidance, "guidance"),
                (
                    &t.obstacle_evaluation,
                    TakeoverPrecondition::ObstacleEvaluation,
                    "obstacle_evaluation",
                ),
            ],
        ),
        _ => Vec::new(),
    }
}

/// KSD-ENF-04: a governor's takeover follows guidance, an evaluation of the obstacles and
/// the Minister's approval.
pub(super) fn governor_preconditions(ctx: &Ctx<'_>) -> Found {
    match takeover(ctx) {
        Some(t) if t.by == TakeoverBy::Governor => missing(
            KSD_ENF_04,
            t.by,
            &[
                (&t.guidance, TakeoverPrecondition::Guidance, "guidance"),
                (
                    &t.obstacle_evaluation,
                    TakeoverPrecondition::ObstacleEvaluation,
                    "obstacle_evaluation",
                ),
                (
                    &t.minister_approval,
                    TakeoverPrecondition::MinisterApproval,
                    "minister_approval",
                ),
            ],
        ),
        _ => Vec::new(),
    }
}

/// KSD-ENF-08: a wajib secretariat needs a continuous, complex cooperation of at least five
/// years.
pub(super) fn secretariat(ctx: &Ctx<'_>) -> Found {
    if !ctx.spec.kind.is_wajib() {
        return Vec::new();
    }
    let rule = KSD_ENF_08;
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
    if !continuous {
        found.push(err(rule, Finding::NotContinuous).at("continuous"));
    }
    if regions <= 2 && objects <= 2 {
        found.push(err(rule, Finding::NotComplex));
    }
    if !five_years {
        found.push(err(rule, Finding::TermUnderFiveYears));
    }
    found
}

/// KSD-DISP-01: KSDD disputes go to the inter-regional dispute regime.
pub(super) fn ksdd_dispute(ctx: &Ctx<'_>) -> Found {
    match ctx.command {
        Some(Command::RaiseDispute { forum, .. })
            if *forum != DisputeForum::InterRegionalRegime =>
        {
            vec![err(KSD_DISP_01, Finding::KsddDisputeForum).at("forum")]
        }
        _ => Vec::new(),
    }
}

/// KSD-DISP-02: KSDPK disputes: musyawarah first, then the PKS's dispute clause.
pub(super) fn ksdpk_dispute(ctx: &Ctx<'_>) -> Found {
    let Some(Command::RaiseDispute { forum, .. }) = ctx.command else {
        return Vec::new();
    };
    let rule = KSD_DISP_02;
    match forum {
        DisputeForum::Musyawarah => Vec::new(),
        DisputeForum::ContractClause => {
            let mut found = Vec::new();
            if !ctx
                .coop
                .disputes
                .iter()
                .any(|(f, _)| *f == DisputeForum::Musyawarah)
            {
                found.push(err(rule, Finding::MusyawarahFirst).at("forum"));
            }
            if !ctx
                .coop
                .pks
                .iter()
                .any(|p| p.clauses.contains(&Clause::DisputeSettlement))
            {
                found.push(err(rule, Finding::NoDisputeClause).at("forum"));
            }
            found
        }
        _ => vec![err(rule, Finding::KsdpkDisputeForum).at("forum")],
    }
}
