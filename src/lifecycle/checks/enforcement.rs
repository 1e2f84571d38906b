//! RULES.md §9–§10: the takeover of an unperformed kerja sama wajib, the cooperation
//! secretariat, and disputes.

use crate::law::*;
use crate::model::{
    Clause, DisputeForum, FundingSource, Record, RegionLevel, Role, Takeover, TakeoverBy,
};

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

/// The dated precondition records of a takeover, in the order of Pasal 11.
fn records(t: &Takeover) -> Vec<(TakeoverPrecondition, &Record, &'static str)> {
    [
        (TakeoverPrecondition::Guidance, &t.guidance, "guidance"),
        (
            TakeoverPrecondition::ObstacleEvaluation,
            &t.obstacle_evaluation,
            "obstacle_evaluation",
        ),
        (
            TakeoverPrecondition::MinisterApproval,
            &t.minister_approval,
            "minister_approval",
        ),
    ]
    .into_iter()
    .filter_map(|(p, r, f)| r.as_ref().map(|r| (p, r, f)))
    .collect()
}

/// The preconditions are dated on or before the takeover, after the stage they concern began,
/// in the order of Pasal 11, and issued by who the law names.
fn in_order(
    rule: RuleId,
    ctx: &Ctx<'_>,
    t: &Takeover,
    issuer_ok: fn(TakeoverPrecondition, Role) -> bool,
) -> Found {
    let mut found = Vec::new();
    let stage_entered = ctx.coop.stage_entered_on();
    let mut previous: Option<(TakeoverPrecondition, chrono::NaiveDate)> = None;
    for (precondition, record, field) in records(t) {
        let at = |what: &str| format!("takeover.{field}.{what}");
        if record.on > ctx.date {
            found.push(err(rule, Finding::PreconditionAfterTakeover { precondition }).at(at("on")));
        }
        if let Some(entered) = stage_entered
            && record.on < entered
        {
            found.push(
                err(
                    rule,
                    Finding::PreconditionBeforeStage {
                        precondition,
                        stage_entered: entered,
                    },
                )
                .at(at("on")),
            );
        }
        if let Some((earlier, on)) = previous
            && record.on < on
        {
            found.push(
                err(
                    rule,
                    Finding::PreconditionsOutOfOrder {
                        earlier,
                        later: precondition,
                    },
                )
                .at(at("on")),
            );
        }
        previous = Some((precondition, record.on));
        match record.by {
            None => found
                .push(err(rule, Finding::PreconditionIssuerMissing { precondition }).at(at("by"))),
            Some(issuer) if !issuer_ok(precondition, issuer) => found.push(
                err(
                    rule,
                    Finding::PreconditionIssuerNotAuthorised {
                        precondition,
                        issuer,
                    },
                )
                .at(at("by")),
            ),
            Some(_) => {}
        }
    }
    found
}

/// KSD-ENF-03 (from version 3): a central takeover's guidance and evaluation of the obstacles
/// are by the technical minister (or LPNK head) in coordination with the Minister, dated and
/// in order.
pub(super) fn central_records_in_order(ctx: &Ctx<'_>) -> Found {
    match takeover(ctx) {
        Some(t) if t.by == TakeoverBy::CentralGovernment => {
            in_order(KSD_ENF_03, ctx, t, |_, issuer| {
                matches!(issuer, Role::TechnicalMinister | Role::Minister)
            })
        }
        _ => Vec::new(),
    }
}

/// KSD-ENF-04 (from version 3): a governor's takeover follows the governor's guidance and
/// evaluation of the obstacles and then the Minister of Home Affairs' approval, dated and in
/// that order.
pub(super) fn governor_records_in_order(ctx: &Ctx<'_>) -> Found {
    match takeover(ctx) {
        Some(t) if t.by == TakeoverBy::Governor => in_order(
            KSD_ENF_04,
            ctx,
            t,
            |precondition, issuer| match precondition {
                TakeoverPrecondition::MinisterApproval => issuer == Role::Minister,
                _ => issuer == Role::Governor,
            },
        ),
        _ => Vec::new(),
    }
}

/// KSD-ENF-05 (from version 3): the cost of running the taken-over affair is charged to the
/// APBD of the region concerned (Pasal 11 ayat (3)).
pub(super) fn costs_charged(ctx: &Ctx<'_>) -> Found {
    match takeover(ctx) {
        Some(t) => match t.costs_charged_to {
            None => vec![
                err(KSD_ENF_05, Finding::TakeoverCostsNotCharged).at("takeover.costs_charged_to"),
            ],
            Some(region) if region != t.defaulting_region => vec![
                err(
                    KSD_ENF_05,
                    Finding::TakeoverCostsChargedElsewhere { region },
                )
                .at("takeover.costs_charged_to"),
            ],
            Some(_) => Vec::new(),
        },
        None => Vec::new(),
    }
}

/// KSD-ENF-07 (from version 3): funding aid from the APBN is for kerja sama wajib only
/// (Pasal 12).
pub(super) fn apbn_aid_wajib_only(ctx: &Ctx<'_>) -> Found {
    if ctx.spec.kind.is_wajib() {
        return Vec::new();
    }
    ctx.spec
        .funding
        .iter()
        .enumerate()
        .filter(|(_, f)| f.source == FundingSource::Apbn)
        .map(|(i, f)| {
            err(
                KSD_ENF_07,
                Finding::ApbnAidNotWajib {
                    party: f.party.clone(),
                },
            )
            .at(format!("funding[{i}].source"))
        })
        .collect()
}
