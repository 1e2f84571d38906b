//! Deadlines as data, computed from the history and the policy, and the evaluation cadence.
//!
//! A missed deadline is a fact with its rule, never an error: the caller reports it. Where
//! RULES.md says the law sets no deadline (DPRD decision, answer to an offer, KB to PKS), the
//! policy value is `None` by default and no deadline is produced.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::law::*;
use crate::lifecycle::{Cooperation, Stage};

use super::calendar::{Calendar, CalendarError};

/// Whether a deadline was met, is open, or was missed, as of the date asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeadlineStatus {
    /// Met on or before its due date.
    Met,
    /// Not met yet, and the due date has not passed.
    Open,
    /// Not met by its due date: a finding.
    Missed,
}

/// A deadline: which rule sets it, what starts it, when it falls due, what follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Deadline {
    /// The rule (and policy value) that sets it.
    pub rule: RuleId,
    /// What starts it, e.g. `KB signed` (a fixed text is borrowed, not allocated: a
    /// portfolio's deadlines are computed for every cooperation at every meeting).
    pub from: Cow<'static, str>,
    /// The date that starts it.
    pub from_date: NaiveDate,
    /// The last day to meet it.
    pub due_on: NaiveDate,
    /// Status as of the date asked about.
    pub status: DeadlineStatus,
    /// What a miss means, in Indonesian.
    pub consequence_id: Cow<'static, str>,
    /// What a miss means, in English.
    pub consequence_en: Cow<'static, str>,
}
crate::serde_shape::map_shaped!(Deadline);

/// The evaluations a cooperation owes in one fiscal year (tahun anggaran = calendar year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct EvaluationsDue {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Days of the fiscal year on which a PKS is in force.
    pub days_in_force: u32,
    /// Evaluations required (see [`evaluations_due`] for the counting rule).
    pub required: u32,
    /// Evaluations dated in the fiscal year, on or before `as_of`.
    pub done: u32,
    /// The last day to hold them: 31 December of the fiscal year.
    pub due_by: NaiveDate,
}
crate::serde_shape::map_shaped!(EvaluationsDue);

impl EvaluationsDue {
    /// Evaluations still to hold.
    pub fn remaining(&self) -> u32 {
        self.required.saturating_sub(self.done)
    }
}

fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// The first and last day the cooperation's PKS are in force: from the earliest PKS start to
/// the latest PKS end, or to the date it ended early.
fn in_force_span(coop: &Cooperation) -> Option<(NaiveDate, NaiveDate)> {
    let start = coop.pks_effective_from()?;
    let ended_on = coop
        .stage_history()
        .iter()
        .find(|(stage, _)| *stage == Stage::Ended)
        .map(|(_, on)| *on);
    let end = match (coop.governing_end(), ended_on) {
        (Some(term), Some(ended)) => term.min(ended),
        (Some(term), None) => term,
        (None, Some(ended)) => ended,
        (None, None) => NaiveDate::MAX,
    };
    Some((start, end))
}

/// The evaluations `coop` owes in `fiscal_year` as of `as_of` (KSD-IMPL-03).
///
/// A cooperation of the legacy rule set (PP 50/2007) owes none: the evaluation cadence is a
/// practice of the current set, and PP 50/2007 has no such rule (its cooperation body only
/// monitors and evaluates, Pasal 25); its evaluations are still counted as `done`.
///
/// Counting rule (a decision of this crate; RULES.md gives only "at least twice per fiscal
/// year"): a cooperation owes `min_evaluations_per_fiscal_year` for a fiscal year in which a
/// PKS is in force every day, and for a year in which it is in force on only some days, that
/// number times the share of the year's days in force, **rounded up**, so one day in force
/// owes one evaluation and a PKS in force until 14 November owes two. A cooperation with no
/// PKS in force that year owes none. Evaluations count in the year of their date.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::law::RuleSet;
/// use kerjasama::time::evaluations_due;
/// let rules = RuleSet::current();
/// let referral = kerjasama::sample::c08_referral().run(&rules).unwrap();
/// let due = evaluations_due(&referral, 2024, NaiveDate::from_ymd_opt(2024, 8, 14).unwrap(), &rules.policy);
/// assert_eq!((due.done, due.required), (1, 2)); // evaluated 2024-03-28; PKS in force to 14 Nov
/// ```
pub fn evaluations_due(
    coop: &Cooperation,
    fiscal_year: i32,
    as_of: NaiveDate,
    policy: &Policy,
) -> EvaluationsDue {
    evaluations_due_in(coop, in_force_span(coop), fiscal_year, as_of, policy)
}

/// [`evaluations_due`] with the in-force span computed once by the caller.
fn evaluations_due_in(
    coop: &Cooperation,
    span: Option<(NaiveDate, NaiveDate)>,
    fiscal_year: i32,
    as_of: NaiveDate,
    policy: &Policy,
) -> EvaluationsDue {
    let (first, last) = year_bounds(fiscal_year).unwrap_or((NaiveDate::MIN, NaiveDate::MAX));
    let days_in_year = u32::try_from((last - first).num_days() + 1).unwrap_or(365);
    let days_in_force = span
        .map(|(start, end)| {
            let (from, to) = (start.max(first), end.min(last));
            u32::try_from((to - from).num_days() + 1).unwrap_or(0)
        })
        .unwrap_or(0)
        .min(days_in_year);
    let legacy = coop.rule_set().is_some_and(|r| r.id.is_legacy());
    let cadence = if legacy {
        0
    } else {
        policy.min_evaluations_per_fiscal_year
    };
    let required =
        (u64::from(cadence) * u64::from(days_in_force)).div_ceil(u64::from(days_in_year).max(1));
    let done = coop
        .evaluations()
        .iter()
        .filter(|(on, _)| on.year() == fiscal_year && *on <= as_of)
        .count();
    EvaluationsDue {
        fiscal_year,
        days_in_force,
        required: u32::try_from(required).unwrap_or(u32::MAX),
        done: u32::try_from(done).unwrap_or(u32::MAX),
        due_by: last,
    }
}

fn status(met_on: Option<NaiveDate>, due_on: NaiveDate, as_of: NaiveDate) -> DeadlineStatus {
    match met_on {
        Some(on) if on <= due_on && on <= as_of => DeadlineStatus::Met,
        _ if as_of > due_on => DeadlineStatus::Missed,
        _ => DeadlineStatus::Open,
    }
}

/// Every deadline of `coop` (its state as of `as_of`) with its status on `as_of`.
///
/// Working-day deadlines (a configured DPRD deadline) need `calendar`; the others do not.
/// A date outside the calendar's coverage is an error, never a guess.
pub fn deadlines(
    coop: &Cooperation,
    as_of: NaiveDate,
    policy: &Policy,
    calendar: Option<&Calendar>,
) -> Result<Vec<Deadline>, CalendarError> {
    let mut found = Vec::new();
    // The in-force span, computed once for the evaluation and the extension deadlines.
    let span = in_force_span(coop);
    evaluation_deadlines(coop, span, as_of, policy, &mut found);
    extension_deadline(coop, span, as_of, policy, &mut found);
    stage_deadlines(coop, as_of, policy, calendar, &mut found)?;
    if let Some(calendar) = calendar {
        legacy_dprd_deadlines(coop, as_of, calendar, &mut found)?;
    }
    Ok(found)
}

/// The DPRD timetable of a legacy cooperation (PP 50/2007 Pasal 12 ayat (1)–(4),
/// LEG-DPRD-02), per region, in working days of `calendar`: the assessment within 45 of
/// receipt, the head's resubmission within 14 of an opinion, and the DPRD's decision on the
/// resubmission within 15 (after which approval is deemed).
fn legacy_dprd_deadlines(
    coop: &Cooperation,
    as_of: NaiveDate,
    calendar: &Calendar,
    found: &mut Vec<Deadline>,
) -> Result<(), CalendarError> {
    let approved_on = |region| match coop.dprd_decisions().get(region) {
        Some(crate::lifecycle::DprdDecision::Approved { on, .. }) => Some(*on),
        _ => None,
    };
    for (region, timetable) in coop.legacy().dprd_timetables() {
        let approved = approved_on(region);
        // The DPRD assessed when it approved, or when it gave its opinion on the draft.
        let assessed_on = timetable
            .opinion_on
            .or(approved.filter(|_| timetable.resubmitted_on.is_none()));
        let assessment_due = timetable.assessment_due(calendar)?;
        found.push(Deadline {
            rule: LEG_DPRD_02,
            from: format!(
                "rancangan PKS diterima DPRD {region} / draft PKS received by the DPRD of {region}"
            )
            .into(),
            from_date: timetable.received_on,
            due_on: assessment_due,
            status: status(assessed_on, assessment_due, as_of),
            consequence_id:
                "penilaian DPRD paling lama 45 hari kerja; tidak ada akibat hukum yang ditetapkan"
                    .into(),
            consequence_en: "the DPRD assesses within 45 working days; no consequence is stated"
                .into(),
        });
        if let (Some(opinion_on), Some(due_on)) =
            (timetable.opinion_on, timetable.resubmission_due(calendar)?)
        {
            found.push(Deadline {
                rule: LEG_DPRD_02,
                from: format!("pendapat DPRD {region} / opinion of the DPRD of {region}").into(),
                from_date: opinion_on,
                due_on,
                status: status(timetable.resubmitted_on, due_on, as_of),
                consequence_id: "kepala daerah menyempurnakan dan menyampaikan kembali paling lama 14 hari kerja".into(),
                consequence_en: "the head revises and resubmits within 14 working days".into(),
            });
        }
        if let (Some(resubmitted_on), Some(due_on)) =
            (timetable.resubmitted_on, timetable.approval_due(calendar)?)
        {
            found.push(Deadline {
                rule: LEG_DPRD_02,
                from: format!(
                    "penyampaian kembali kepada DPRD {region} / resubmitted to the DPRD of {region}"
                )
                .into(),
                from_date: resubmitted_on,
                due_on,
                status: status(approved.filter(|on| *on <= due_on), due_on, as_of),
                consequence_id: "setelahnya DPRD dianggap telah memberikan persetujuan".into(),
                consequence_en: "after it the DPRD is deemed to have approved".into(),
            });
        }
    }
    Ok(())
}

fn evaluation_deadlines(
    coop: &Cooperation,
    span: Option<(NaiveDate, NaiveDate)>,
    as_of: NaiveDate,
    policy: &Policy,
    found: &mut Vec<Deadline>,
) {
    let Some((start, end)) = span else {
        return;
    };
    for year in start.year()..=end.min(as_of).year() {
        let due = evaluations_due_in(coop, span, year, as_of, policy);
        if due.required == 0 {
            continue;
        }
        let met_on = coop
            .evaluations()
            .iter()
            .filter(|(on, _)| on.year() == year)
            .map(|(on, _)| *on)
            .nth(
                usize::try_from(due.required)
                    .unwrap_or(usize::MAX)
                    .saturating_sub(1),
            );
        found.push(Deadline {
            rule: KSD_IMPL_03,
            from: format!("tahun anggaran {year} / fiscal year {year}").into(),
            from_date: year_bounds(year).map_or(start, |(first, _)| start.max(first)),
            due_on: due.due_by,
            status: status(met_on, due.due_by, as_of),
            consequence_id: format!("{} dari {} evaluasi dilakukan", due.done, due.required).into(),
            consequence_en: format!("{} of {} evaluations held", due.done, due.required).into(),
        });
    }
}

fn extension_deadline(
    coop: &Cooperation,
    span: Option<(NaiveDate, NaiveDate)>,
    as_of: NaiveDate,
    policy: &Policy,
    found: &mut Vec<Deadline>,
) {
    let (Some(lead), Some((_, end))) = (policy.extension_lead_time, span) else {
        return;
    };
    let Some(due_on) = lead.before(end, policy.month_overflow) else {
        return;
    };
    let met_on = coop.successors().first().map(|(_, on)| *on);
    found.push(Deadline {
        rule: KSD_TERM_06,
        from: "akhir jangka waktu / end of term".into(),
        from_date: end,
        due_on,
        status: status(met_on, due_on, as_of),
        consequence_id: "perpanjangan harus dimulai (extension_lead_time)".into(),
        consequence_en: "the extension must have started (extension_lead_time)".into(),
    });
}

/// The date the stage after `index` in the history was entered.
fn left_on(coop: &Cooperation, index: usize) -> Option<NaiveDate> {
    coop.stage_history().get(index + 1).map(|(_, on)| *on)
}

fn stage_deadlines(
    coop: &Cooperation,
    as_of: NaiveDate,
    policy: &Policy,
    calendar: Option<&Calendar>,
    found: &mut Vec<Deadline>,
) -> Result<(), CalendarError> {
    for (index, (stage, entered)) in coop.stage_history().iter().enumerate() {
        let left = left_on(coop, index);
        let mut push = |rule: RuleId,
                        what: &'static str,
                        due_on: NaiveDate,
                        id: &'static str,
                        en: &'static str| {
            found.push(Deadline {
                rule,
                from: what.into(),
                from_date: *entered,
                due_on,
                status: status(left, due_on, as_of),
                consequence_id: id.into(),
                consequence_en: en.into(),
            });
        };
        let sla = |which: SlaStage| {
            policy
                .stage_slas
                .iter()
                .find(|s| s.stage == which)
                .map(|s| Period::Days(s.days))
        };
        let period = match stage {
            Stage::KbDrafting => {
                sla(SlaStage::KbDrafting).map(|p| (KSD_STAGE_07, "penyusunan KB / KB drafting", p))
            }
            Stage::PksDrafting => sla(SlaStage::PksDrafting)
                .map(|p| (KSD_STAGE_07, "penyusunan PKS / PKS drafting", p)),
            Stage::OfferSent => policy
                .offer_response_deadline
                .map(|p| (KSD_STAGE_06, "penawaran dikirim / offer sent", p)),
            Stage::KbSigned => policy
                .kb_to_pks_deadline
                .map(|p| (KSD_STAGE_06, "KB ditandatangani / KB signed", p)),
            _ => None,
        };
        if let Some((rule, what, period)) = period
            && let Some(due_on) = period.after(*entered, policy.month_overflow)
        {
            push(
                rule,
                what,
                due_on,
                "target internal, bukan hukum",
                "an internal target, not law",
            );
        }
        if let (Stage::AwaitingDprd, Some(days)) = (stage, policy.dprd_deadline_working_days)
            && let Some(calendar) = calendar
        {
            let due_on = calendar.add_working_days(*entered, days)?;
            push(
                KSD_DPRD_05,
                "permohonan persetujuan DPRD / DPRD request",
                due_on,
                "tanpa akibat hukum: tidak ada persetujuan diam-diam (KSD-DPRD-04)",
                "no legal effect: silence is never approval (KSD-DPRD-04)",
            );
        }
    }
    Ok(())
}
