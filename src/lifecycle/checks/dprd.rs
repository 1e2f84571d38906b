//! RULES.md §5: the conditional DPRD approval (stage e), per region party.

use crate::law::*;

use super::super::command::CommandKind;
use super::super::cooperation::DprdDecision;
use super::super::finding::Finding;
use super::super::guard::{Ctx, dprd_pending};
use super::{Found, err};

/// KSD-DPRD-01 (KSDD): a DPRD decides once; the gate of every region party is assessed and
/// every required approval given before the PKS.
pub(super) fn gate_ksdd(ctx: &Ctx<'_>) -> Found {
    if matches!(ctx.kind, CommandKind::ApproveDprd | CommandKind::RefuseDprd) {
        let decided = ctx
            .actor
            .region()
            .and_then(|region| ctx.coop.current_decisions().get(&region));
        return match decided {
            Some(DprdDecision::Approved { .. } | DprdDecision::Refused { .. }) => {
                vec![err(KSD_DPRD_01, Finding::DprdAlreadyDecided)]
            }
            None => Vec::new(),
        };
    }
    if ctx.is_ksdpk() {
        return Vec::new();
    }
    gate(KSD_DPRD_01, ctx)
}

/// KSD-DPRD-02 (KSDPK): the same gate for the region party.
pub(super) fn gate_ksdpk(ctx: &Ctx<'_>) -> Found {
    if ctx.is_ksdpk() {
        gate(KSD_DPRD_02, ctx)
    } else {
        Vec::new()
    }
}

/// KSD-DPRD-03: the gate sits after the KB (or after the offer where the policy lets the
/// KB be skipped, KSD-STAGE-05).
pub(super) fn after_kb(ctx: &Ctx<'_>) -> Found {
    if !ctx.coop.has_kb() && !ctx.policy().allow_pks_without_kb {
        vec![err(KSD_DPRD_03, Finding::DprdBeforeKb)]
    } else {
        Vec::new()
    }
}

/// The per-region gate: every region party assessed; DPRD involved exactly when some gate is
/// true. Leaving for PKS drafting needs every required approval (none is ever deemed,
/// KSD-DPRD-04).
fn gate(rule: RuleId, ctx: &Ctx<'_>) -> Found {
    let mut found: Found = ctx
        .spec
        .region_codes()
        .into_iter()
        .filter(|code| !ctx.coop.current_gates().contains_key(code))
        .map(|region| err(rule, Finding::GateNotAssessed { region }))
        .collect();
    let pending = dprd_pending(ctx, None);
    let submitting = ctx.kind == CommandKind::SubmitToDprd;
    if submitting && pending.is_empty() && found.is_empty() {
        found.push(err(rule, Finding::NoDprdApprovalNeeded));
    }
    if !submitting {
        found.extend(
            pending
                .into_iter()
                .map(|region| err(rule, Finding::DprdApprovalRequired { region })),
        );
    }
    found
}

/// KSD-DPRD-01 (from version 3), for a later PKS while in force: each gate names the fiscal
/// year of the PKS's funding (flag B speaks of that year's APBD), and a DPRD decides only on a
/// PKS submitted to it.
pub(super) fn later_round(ctx: &Ctx<'_>) -> Found {
    if ctx.coop.stage != super::super::stage::Stage::InForce {
        return Vec::new();
    }
    let mut found: Found = Vec::new();
    if matches!(
        ctx.kind,
        CommandKind::SubmitToDprd | CommandKind::StartPksDrafting
    ) {
        found.extend(
            ctx.coop
                .current_gates()
                .iter()
                .filter(|(_, gate)| gate.fiscal_year.is_none())
                .map(|(region, _)| {
                    err(KSD_DPRD_01, Finding::FiscalYearMissing { region: *region })
                        .at("gate.fiscal_year")
                }),
        );
    }
    let submitted = ctx
        .coop
        .open_dprd_round()
        .is_some_and(|round| round.submitted_on.is_some());
    if matches!(ctx.kind, CommandKind::ApproveDprd | CommandKind::RefuseDprd) && !submitted {
        found.push(err(KSD_DPRD_01, Finding::LaterRoundNotSubmitted));
    }
    found
}
