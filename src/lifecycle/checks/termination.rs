//! RULES.md §7–§8: term, extension, amendment, leadership changes, termination and the
//! evaluation record.

use crate::law::*;
use crate::model::{DocumentKind, KsdpkType, Party, PartyId};

use super::super::command::Command;
use super::super::event::EndGround;
use super::super::finding::{EvaluationPart, Finding};
use super::super::guard::Ctx;
use super::super::stage::Stage;
use super::super::violation::Violation;
use super::{Found, err};

/// The grounds a command ends the cooperation on, if it does.
pub(super) fn ending_grounds(ctx: &Ctx<'_>) -> Option<Vec<EndGround>> {
    match ctx.command {
        Some(Command::Terminate { grounds, .. }) => Some(grounds.clone()),
        Some(Command::RecordExpiry) => Some(vec![EndGround::TermExpired]),
        _ => None,
    }
}

/// KSD-TERM-01: ending on ground (a) needs the term to have run out; an ended cooperation
/// records expiry only if it ended by expiry.
pub(super) fn grounds(ctx: &Ctx<'_>) -> Found {
    let Some(grounds) = ending_grounds(ctx) else {
        return Vec::new();
    };
    let rule = KSD_TERM_01;
    if ctx.coop.stage == Stage::Ended {
        return if ctx.coop.end_grounds().contains(&EndGround::TermExpired) {
            Vec::new()
        } else {
            vec![err(rule, Finding::AlreadyEndedOtherwise).at("grounds")]
        };
    }
    if !grounds.contains(&EndGround::TermExpired) {
        return Vec::new();
    }
    match ctx.coop.governing_end() {
        Some(end) if ctx.date > end => Vec::new(),
        Some(ends_on) => vec![err(rule, Finding::TermRunsUntil { ends_on }).at("occurred_on")],
        None => vec![err(rule, Finding::NoTermStated).at("grounds")],
    }
}

/// KSD-TERM-02: grounds (f) and (g) end a KSDPK only.
pub(super) fn ksdpk_only_grounds(ctx: &Ctx<'_>) -> Found {
    let Some(grounds) = ending_grounds(ctx) else {
        return Vec::new();
    };
    if ctx.is_ksdpk() {
        return Vec::new();
    }
    grounds
        .into_iter()
        .filter(|g| g.ksdpk_only())
        .map(|ground| err(KSD_TERM_02, Finding::GroundOnlyForKsdpk { ground }).at("grounds"))
        .collect()
}

/// KSD-TERM-03 (from version 2): what is recorded is a change of a region party's head or
/// authorised official (Pasal 9 ayat (2)), naming the new office holder; it ends nothing.
pub(super) fn leadership_change(ctx: &Ctx<'_>) -> Found {
    let Some(Command::RecordLeadershipChange {
        party,
        new_office_holder,
    }) = ctx.command
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    if matches!(party, PartyId::ThirdParty(_)) {
        found.push(err(KSD_TERM_03, Finding::LeadershipChangeOfThirdParty).at("party"));
    }
    if new_office_holder.trim().is_empty() {
        found.push(err(KSD_TERM_03, Finding::NewOfficeHolderMissing).at("new_office_holder"));
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
    policy
        .sector_max_term_overrides
        .iter()
        .filter(|o| applies(&o.sector))
        .map(|o| o.max_years)
        .max()
        .or(policy.max_term_years)
}

/// KSD-TERM-05: a term longer than the limit is a warning.
pub(super) fn max_term(ctx: &Ctx<'_>) -> Found {
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
    vec![Violation::warning(KSD_TERM_05, Finding::TermExceedsLimit { years, limit }).at(field)]
}

/// KSD-TERM-06: an extension is a new cooperation for one that ended by expiry (or is in
/// force), started within `extension_lead_time` if one is set.
pub(super) fn extension(ctx: &Ctx<'_>) -> Found {
    let rule = KSD_TERM_06;
    if ctx.coop.stage == Stage::Ended && !ctx.coop.end_grounds().contains(&EndGround::TermExpired) {
        return vec![err(rule, Finding::ExtensionAfterOtherEnding).at("successor")];
    }
    let (Some(lead), Some(ends_on)) = (ctx.policy().extension_lead_time, ctx.coop.governing_end())
    else {
        return Vec::new();
    };
    match lead.before(ends_on, ctx.policy().month_overflow) {
        Some(latest) if ctx.date > latest => vec![
            Violation::warning(rule, Finding::ExtensionLate { latest, ends_on }).at("occurred_on"),
        ],
        _ => Vec::new(),
    }
}

/// KSD-TERM-08: an addendum is an addendum and names the document it amends.
pub(super) fn addendum(ctx: &Ctx<'_>) -> Found {
    let Some(Command::SignAddendum { document }) = ctx.command else {
        return Vec::new();
    };
    let rule = KSD_TERM_08;
    let mut found = Vec::new();
    if document.kind != DocumentKind::Addendum {
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
    let amended = ctx
        .coop
        .kb
        .iter()
        .chain(ctx.coop.pks.iter())
        .chain(ctx.coop.addenda.iter())
        .any(|d| Some(&d.id) == document.amends.as_ref());
    if !amended {
        found.push(err(rule, Finding::AddendumWithoutTarget).at("document.amends"));
    }
    found
}

/// KSD-IMPL-06: the evaluation record of practice. Missing content is a warning (no official
/// instrument is known); impossible dates are refused as invalid input before this runs.
pub(super) fn evaluation_record(ctx: &Ctx<'_>) -> Found {
    let Some(Command::RecordEvaluation { evaluation }) = ctx.command else {
        return Vec::new();
    };
    let rule = KSD_IMPL_06;
    let mut found = Vec::new();
    for (part, text, field) in [
        (
            EvaluationPart::Evaluator,
            &evaluation.evaluator,
            "evaluator",
        ),
        (EvaluationPart::Progress, &evaluation.progress, "progress"),
        (EvaluationPart::Benefits, &evaluation.benefits, "benefits"),
    ] {
        if text.trim().is_empty() {
            found.push(
                Violation::warning(rule, Finding::EvaluationPartMissing { part })
                    .at(format!("evaluation.{field}")),
            );
        }
    }
    let assessed: std::collections::HashSet<&PartyId> =
        evaluation.compliance.iter().map(|c| &c.party).collect();
    for party in ctx.spec.parties.iter().filter_map(Party::id) {
        if !assessed.contains(&party) {
            found.push(
                Violation::warning(rule, Finding::ComplianceNotAssessed { party })
                    .at("evaluation.compliance"),
            );
        }
    }
    found
}

/// KSD-TERM-01, -02 (from version 3): ground (c) needs the consent of every party, each
/// recorded; grounds (d)–(g) carry their evidence.
pub(super) fn consents_and_evidence(ctx: &Ctx<'_>) -> Found {
    let Some(Command::Terminate {
        grounds,
        consents,
        evidence,
        ..
    }) = ctx.command
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    if grounds.contains(&EndGround::MutualAgreement) {
        let consented: std::collections::HashSet<&PartyId> =
            consents.iter().map(|c| &c.party).collect();
        for party in ctx.spec.parties.iter().filter_map(Party::id) {
            if !consented.contains(&party) {
                found.push(err(KSD_TERM_01, Finding::ConsentMissing { party }).at("consents"));
            }
        }
    }
    let needs_evidence = |g: &EndGround| {
        matches!(
            g,
            EndGround::PolicyChange
                | EndGround::ObjectLost
                | EndGround::CourtJudgment
                | EndGround::Bankruptcy
        )
    };
    for ground in grounds.iter().filter(|g| needs_evidence(g)) {
        if !evidence.iter().any(|e| e.ground == *ground) {
            let rule = if ground.ksdpk_only() {
                KSD_TERM_02
            } else {
                KSD_TERM_01
            };
            found.push(err(rule, Finding::EvidenceMissing { ground: *ground }).at("evidence"));
        }
    }
    found
}

/// KSD-TERM-09 (from version 3): early termination by one party's written notice only where
/// `unilateral_termination` allows it, with the notice period it sets.
pub(super) fn unilateral_notice(ctx: &Ctx<'_>) -> Found {
    let Some(Command::Terminate {
        notice: Some(notice),
        ..
    }) = ctx.command
    else {
        return Vec::new();
    };
    match ctx.policy().unilateral_termination {
        UnilateralTermination::WrittenNotice { notice_days } => {
            let earliest = notice
                .given_on
                .checked_add_days(chrono::Days::new(u64::from(notice_days)));
            match earliest {
                Some(earliest_end) if ctx.date >= earliest_end => Vec::new(),
                _ => vec![
                    err(
                        KSD_TERM_09,
                        Finding::NoticeTooShort {
                            given_on: notice.given_on,
                            earliest_end: earliest.unwrap_or(notice.given_on),
                        },
                    )
                    .at("notice.given_on"),
                ],
            }
        }
        _ => vec![err(KSD_TERM_09, Finding::UnilateralNotSupported).at("notice")],
    }
}
