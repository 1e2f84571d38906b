//! RULES.md §11, the legacy rule set's DPRD rules: the gate of PP 50/2007 Pasal 9–10
//! (LEG-DPRD-01), the timetable of Pasal 12 ayat (1)–(4) in working days (LEG-DPRD-02) and
//! the copies of every signed PKS of Pasal 12 ayat (5)–(6) (LEG-DPRD-03).

use chrono::NaiveDate;

use crate::law::*;
use crate::model::{Calendar, CalendarError, CopyRecipient, KodeWilayah};

use super::super::command::{Command, CommandKind};
use super::super::cooperation::DprdDecision;
use super::super::finding::Finding;
use super::super::guard::{Ctx, dprd_pending};
use super::super::legacy::{
    ASSESSMENT_WORKING_DAYS, DEEMED_APPROVAL_WORKING_DAYS, DprdTimetable,
    RESUBMISSION_WORKING_DAYS, calendar,
};
use super::super::violation::Violation;
use super::{Found, err};

fn approved(ctx: &Ctx<'_>, region: KodeWilayah) -> bool {
    matches!(
        ctx.coop.dprd_decisions().get(&region),
        Some(DprdDecision::Approved { .. })
    )
}

/// LEG-DPRD-01 (Pasal 9–10): a region submits the draft to its DPRD only when its plan needs
/// the approval and has not had it; the first PKS is signed only when every region's gate is
/// assessed and every approval it requires is given (or deemed).
pub(super) fn gate(ctx: &Ctx<'_>) -> Found {
    let rule = LEG_DPRD_01;
    match ctx.kind {
        CommandKind::SubmitToDprd => {
            let Some(region) = ctx.actor.region() else {
                return Vec::new();
            };
            match ctx.coop.dprd_gates().get(&region) {
                None => vec![err(rule, Finding::GateNotAssessed { region })],
                Some(gate) if !ctx.rules.dprd_required(gate) => {
                    vec![err(rule, Finding::LegacyDprdNotRequired { region })]
                }
                Some(_) if approved(ctx, region) => {
                    vec![err(rule, Finding::DprdAlreadyDecided)]
                }
                Some(_) => Vec::new(),
            }
        }
        CommandKind::SignPks => {
            let mut found: Found = ctx
                .spec
                .region_codes()
                .into_iter()
                .filter(|code| !ctx.coop.dprd_gates().contains_key(code))
                .map(|region| err(rule, Finding::GateNotAssessed { region }))
                .collect();
            found.extend(
                dprd_pending(ctx, None)
                    .into_iter()
                    .map(|region| err(rule, Finding::DprdApprovalRequired { region })),
            );
            found
        }
        _ => Vec::new(),
    }
}

/// A calendar question that could not be answered: a typed refusal naming the date.
fn unknown_days(rule: RuleId, date: NaiveDate, error: &CalendarError) -> Violation {
    let (date, first, last) = match error {
        CalendarError::OutOfCoverage { date, first, last } => (*date, *first, *last),
        _ => (date, date, date),
    };
    err(
        rule,
        Finding::LegacyDateOutsideCalendar { date, first, last },
    )
    .at("occurred_on")
}

/// LEG-DPRD-02 (Pasal 12 ayat (1)–(4)), counted in working days of the Indonesian calendar:
/// a draft is before a DPRD once at a time; the DPRD's opinion comes within 15 working days
/// of receipt, the head's resubmission within 14 of the opinion, and approval is deemed only
/// after 15 from the resubmission; an approval after the 45 days of assessment is a late fact
/// (a warning). A date whose working days the calendar does not know is refused.
pub(super) fn timetable(ctx: &Ctx<'_>) -> Found {
    let rule = LEG_DPRD_02;
    let calendar = match calendar() {
        Ok(calendar) => calendar,
        Err(error) => return vec![unknown_days(rule, ctx.date, &error)],
    };
    let region = match ctx.command {
        Some(Command::RecordDeemedApproval { region }) => *region,
        _ if ctx.kind == CommandKind::RecordDeemedApproval => return Vec::new(),
        _ => match ctx.actor.region() {
            Some(region) => region,
            None => return Vec::new(),
        },
    };
    let timetable = ctx.coop.legacy.dprd.get(&region);
    match step(ctx, calendar, region, timetable) {
        Ok(found) => found,
        Err(error) => vec![unknown_days(rule, ctx.date, &error)],
    }
}

fn step(
    ctx: &Ctx<'_>,
    calendar: &Calendar,
    region: KodeWilayah,
    timetable: Option<&DprdTimetable>,
) -> Result<Found, CalendarError> {
    let rule = LEG_DPRD_02;
    let date = ctx.date;
    let one = |finding| Ok(vec![err(rule, finding)]);
    let deciding = matches!(
        ctx.kind,
        CommandKind::RecordDprdOpinion
            | CommandKind::ResubmitToDprd
            | CommandKind::ApproveDprd
            | CommandKind::RecordDeemedApproval
    );
    if deciding && approved(ctx, region) {
        return one(Finding::DprdAlreadyDecided);
    }
    if ctx.kind == CommandKind::SubmitToDprd {
        // The whole assessment period must be countable.
        calendar.add_working_days(date, ASSESSMENT_WORKING_DAYS)?;
        return match timetable {
            Some(t) if !t.lapsed_on(date, calendar)? => one(Finding::LegacyDraftAlreadySubmitted {
                region,
                received_on: t.received_on,
            }),
            _ => Ok(Vec::new()),
        };
    }
    let Some(t) = timetable else {
        return if deciding {
            one(Finding::LegacyDraftNotSubmitted { region })
        } else {
            Ok(Vec::new())
        };
    };
    match ctx.kind {
        CommandKind::RecordDprdOpinion => {
            if let Some(opinion_on) = t.opinion_on {
                return one(Finding::LegacyOpinionAlreadyGiven { region, opinion_on });
            }
            let deadline = t.opinion_due(calendar)?;
            if date > deadline {
                return one(Finding::LegacyOpinionLate {
                    region,
                    received_on: t.received_on,
                    deadline,
                });
            }
        }
        CommandKind::ResubmitToDprd => {
            let Some(opinion_on) = t.opinion_on else {
                return one(Finding::LegacyNoOpinion { region });
            };
            if let Some(resubmitted_on) = t.resubmitted_on {
                return one(Finding::LegacyAlreadyResubmitted {
                    region,
                    resubmitted_on,
                });
            }
            let deadline = calendar.add_working_days(opinion_on, RESUBMISSION_WORKING_DAYS)?;
            if date > deadline {
                return one(Finding::LegacyResubmissionLate {
                    region,
                    opinion_on,
                    deadline,
                });
            }
        }
        CommandKind::RecordDeemedApproval => {
            let Some(resubmitted_on) = t.resubmitted_on else {
                return one(Finding::LegacyNotResubmitted { region });
            };
            let deadline =
                calendar.add_working_days(resubmitted_on, DEEMED_APPROVAL_WORKING_DAYS)?;
            if date <= deadline {
                return one(Finding::LegacyDeemedApprovalEarly {
                    region,
                    resubmitted_on,
                    deadline,
                });
            }
        }
        CommandKind::ApproveDprd if t.resubmitted_on.is_none() => {
            let deadline = t.assessment_due(calendar)?;
            if date > deadline {
                return Ok(vec![
                    Violation::warning(
                        rule,
                        Finding::LegacyAssessmentLate {
                            region,
                            received_on: t.received_on,
                            deadline,
                        },
                    )
                    .at("occurred_on"),
                ]);
            }
        }
        _ => {}
    }
    Ok(Vec::new())
}

/// LEG-DPRD-03 (Pasal 12 ayat (5)–(6)): copies are recorded of a signed PKS of this
/// cooperation, to someone; on entry into force, every copy a region owes (to the governor
/// for a kabupaten or kota, to the sector minister or LPND and to its DPRD) and has not sent
/// is a warning (an inform-only duty).
pub(super) fn copies(ctx: &Ctx<'_>) -> Found {
    let rule = LEG_DPRD_03;
    match ctx.command {
        Some(Command::RecordCopiesSent {
            document,
            recipients,
        }) => {
            let mut found = Vec::new();
            if !ctx.coop.pks.iter().any(|p| &p.id == document) {
                found.push(
                    err(
                        rule,
                        Finding::LegacyCopiesOfUnknownDocument {
                            document: document.clone(),
                        },
                    )
                    .at("document"),
                );
            }
            if recipients.is_empty() {
                found.push(err(rule, Finding::LegacyNoCopyRecipient).at("recipients"));
            }
            found
        }
        _ if ctx.kind == CommandKind::EnterIntoForce => {
            let mut found = Vec::new();
            for pks in &ctx.coop.pks {
                for region in ctx.spec.region_codes() {
                    let sent = ctx.coop.legacy.copies_received(region, &pks.id);
                    for recipient in CopyRecipient::of_signed_pks(region.level()) {
                        if !sent.contains(recipient) {
                            found.push(Violation::warning(
                                rule,
                                Finding::LegacyCopyNotSent {
                                    region,
                                    document: pks.id.clone(),
                                    recipient: *recipient,
                                },
                            ));
                        }
                    }
                }
            }
            found
        }
        _ => Vec::new(),
    }
}
