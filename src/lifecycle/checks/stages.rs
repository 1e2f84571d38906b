//! RULES.md §4.1: the order of stages, the TKKSD review and the KB before the PKS.

use crate::law::*;
use crate::model::ReviewPoint;

use super::super::command::{Command, CommandKind};
use super::super::finding::Finding;
use super::super::guard::Ctx;
use super::super::stage::Stage;
use super::{Found, err, with_severity};

/// KSD-STAGE-01: entry into force (stage h) on or after the first PKS takes effect.
pub(super) fn entry_into_force(ctx: &Ctx<'_>) -> Found {
    if ctx.kind != CommandKind::EnterIntoForce {
        return Vec::new();
    }
    match ctx.coop.pks_effective_from() {
        Some(start) if ctx.date >= start => Vec::new(),
        Some(starts_on) => {
            vec![err(KSD_STAGE_01, Finding::PksNotYetEffective { starts_on }).at("occurred_on")]
        }
        None => vec![err(KSD_STAGE_01, Finding::NoPksSigned)],
    }
}

/// KSD-STAGE-04: a TKKSD review before the offer and before each signing, as
/// `tkksd_review` says.
pub(super) fn tkksd_review(ctx: &Ctx<'_>) -> Found {
    let point = match ctx.command.map(Command::kind) {
        Some(CommandKind::SignKb) => ReviewPoint::KbSigning,
        Some(CommandKind::SignPks) => ReviewPoint::PksSigning,
        _ => match ctx.coop.stage {
            Stage::KbDrafting => ReviewPoint::KbSigning,
            Stage::PksDrafting | Stage::PksSigned | Stage::InForce => ReviewPoint::PksSigning,
            _ => ReviewPoint::Offer,
        },
    };
    if ctx.coop.reviews.contains(&point) {
        return Vec::new();
    }
    let severity = match ctx.policy().tkksd_review {
        TkksdReviewPolicy::Off => None,
        TkksdReviewPolicy::RequiredError => Some(Severity::Error),
        _ => Some(Severity::Warning),
    };
    with_severity(
        KSD_STAGE_04,
        severity,
        Finding::TkksdReviewMissing { point },
    )
    .into_iter()
    .collect()
}

/// KSD-STAGE-01 (from version 3): a later PKS under the KB runs its own stage f: its drafting
/// starts once, after its DPRD round, and it is signed after that.
pub(super) fn later_pks_drafted(ctx: &Ctx<'_>) -> Found {
    if ctx.coop.stage != Stage::InForce {
        return Vec::new();
    }
    let drafting = ctx
        .coop
        .open_dprd_round()
        .is_some_and(|round| round.drafting_from.is_some());
    match ctx.kind {
        CommandKind::SignPks if !drafting => {
            vec![err(KSD_STAGE_01, Finding::LaterPksNotDrafted)]
        }
        CommandKind::StartPksDrafting if drafting => {
            vec![err(KSD_STAGE_01, Finding::PksDraftingAlreadyStarted)]
        }
        _ => Vec::new(),
    }
}

/// KSD-STAGE-08 (from version 3): the offer letter signed by the head of region, weighed by
/// `offer_letter_signatory` (a warning by default).
pub(super) fn offer_letter_signatory(ctx: &Ctx<'_>) -> Found {
    let Some(Command::SendOffer { letter }) = ctx.command else {
        return Vec::new();
    };
    let signatory = &letter.signatory;
    if !matches!(signatory.party, crate::model::PartyId::Region(_))
        || signatory.capacity == crate::model::SignatoryCapacity::KepalaDaerah
    {
        return Vec::new();
    }
    with_severity(
        KSD_STAGE_08,
        ctx.policy().offer_letter_signatory.severity(),
        Finding::OfferLetterNotSignedByHead {
            name: signatory.name.clone(),
            office: signatory.office.clone(),
        },
    )
    .map(|v| v.at("letter.signatory"))
    .into_iter()
    .collect()
}

/// KSD-STAGE-05: a PKS follows a KB unless `allow_pks_without_kb`.
pub(super) fn pks_without_kb(ctx: &Ctx<'_>) -> Found {
    if ctx.policy().allow_pks_without_kb {
        Vec::new()
    } else {
        vec![err(KSD_STAGE_05, Finding::PksRequiresKb)]
    }
}
