//! The legacy rule set's part of the aggregate: what a cooperation decided under PP 50/2007
//! records beyond the current set's state (the DPRD timetable of Pasal 12, the copies of
//! Pasal 12 ayat (5)–(6), the written notice of Pasal 19 and the cooperation body of
//! Pasal 24), the facts its commands produce and how they are applied.
//!
//! Kept apart from `cooperation.rs` so that the current set's aggregate reads as before: the
//! aggregate calls [`facts`], [`apply`] and [`validate_input`] and holds a [`LegacyRecord`].

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::{LEG_DPRD_02, LEG_TERM_02, RuleSet};
use crate::model::{
    Actor, Calendar, CalendarError, CopyRecipient, Document, DocumentId, KodeWilayah,
    TerminationNotice,
};

use super::command::{Command, CooperationSpec};
use super::cooperation::{Cooperation, DprdDecision};
use super::event::{EndGround, Event, EventKind};
use super::violation::Rejection;

/// The reference recorded for a DPRD's deemed approval (PP 50/2007 Pasal 12 ayat (4)).
pub const DEEMED_APPROVAL_REFERENCE: &str =
    "dianggap telah memberikan persetujuan (PP 50/2007 Pasal 12 ayat (4))";

/// Working days the DPRD has to assess the draft (Pasal 12 ayat (1)).
pub const ASSESSMENT_WORKING_DAYS: u32 = 45;
/// Working days the DPRD has, from receipt, to send its opinion (Pasal 12 ayat (2)).
pub const OPINION_WORKING_DAYS: u32 = 15;
/// Working days the head has to revise and resubmit (Pasal 12 ayat (3)).
pub const RESUBMISSION_WORKING_DAYS: u32 = 14;
/// Working days after the resubmission after which approval is deemed (Pasal 12 ayat (4)).
pub const DEEMED_APPROVAL_WORKING_DAYS: u32 = 15;

/// The Indonesian working-day calendar the legacy timetable counts with (national holidays
/// and cuti bersama of the bundled data), built once. A date outside its coverage is a typed
/// refusal, never a guess.
pub(crate) fn calendar() -> Result<&'static Calendar, CalendarError> {
    static CALENDAR: OnceLock<Result<Calendar, CalendarError>> = OnceLock::new();
    CALENDAR
        .get_or_init(Calendar::indonesia)
        .as_ref()
        .map_err(Clone::clone)
}

/// One region's DPRD timetable under PP 50/2007 Pasal 12 ayat (1)–(4) (LEG-DPRD-02).
///
/// Each period counts working days of [`Calendar::indonesia`] after the day that starts it:
/// the DPRD assesses within 45 of receiving the draft; if it finds the draft deficient it
/// sends its opinion within 15 of receiving it; the head revises and resubmits within 14 of
/// the opinion; and a DPRD that has not approved within 15 of receiving the resubmission is
/// deemed to have approved. PP 50/2007 states no deemed approval for a DPRD that stays silent
/// without an opinion: then nothing is deemed, and a late assessment is only a late fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct DprdTimetable {
    /// The day the DPRD received the draft PKS.
    pub received_on: NaiveDate,
    /// The day of the DPRD's opinion and suggestions, if it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opinion_on: Option<NaiveDate>,
    /// The reference of the opinion's letter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opinion_reference: Option<String>,
    /// The day the DPRD received the revised draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resubmitted_on: Option<NaiveDate>,
    /// The day the deemed approval was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deemed_on: Option<NaiveDate>,
}
crate::serde_shape::map_shaped!(DprdTimetable);

impl DprdTimetable {
    fn received(on: NaiveDate) -> Self {
        DprdTimetable {
            received_on: on,
            opinion_on: None,
            opinion_reference: None,
            resubmitted_on: None,
            deemed_on: None,
        }
    }

    /// The last day of the DPRD's assessment: the 45th working day after receipt.
    pub fn assessment_due(&self, calendar: &Calendar) -> Result<NaiveDate, CalendarError> {
        calendar.add_working_days(self.received_on, ASSESSMENT_WORKING_DAYS)
    }

    /// The last day for the DPRD's opinion: the 15th working day after receipt.
    pub fn opinion_due(&self, calendar: &Calendar) -> Result<NaiveDate, CalendarError> {
        calendar.add_working_days(self.received_on, OPINION_WORKING_DAYS)
    }

    /// The last day for the head's resubmission: the 14th working day after the opinion
    /// (`None` without an opinion).
    pub fn resubmission_due(
        &self,
        calendar: &Calendar,
    ) -> Result<Option<NaiveDate>, CalendarError> {
        self.opinion_on
            .map(|on| calendar.add_working_days(on, RESUBMISSION_WORKING_DAYS))
            .transpose()
    }

    /// The DPRD's last day to approve the resubmission: the 15th working day after receiving
    /// it; from the next day on it is deemed to have approved (`None` without a
    /// resubmission).
    pub fn approval_due(&self, calendar: &Calendar) -> Result<Option<NaiveDate>, CalendarError> {
        self.resubmitted_on
            .map(|on| calendar.add_working_days(on, DEEMED_APPROVAL_WORKING_DAYS))
            .transpose()
    }

    /// Whether the draft lapsed on `date`: the DPRD gave its opinion and the head did not
    /// resubmit within the 14 working days. A lapsed draft may be submitted again.
    pub fn lapsed_on(&self, date: NaiveDate, calendar: &Calendar) -> Result<bool, CalendarError> {
        if self.resubmitted_on.is_some() {
            return Ok(false);
        }
        Ok(self
            .resubmission_due(calendar)?
            .is_some_and(|due| date > due))
    }
}

/// The copies of a signed PKS one region sent (LEG-DPRD-03).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct CopiesRecord {
    /// The region that sent them.
    pub region: KodeWilayah,
    /// The PKS.
    pub document: DocumentId,
    /// Who received a copy.
    pub recipients: BTreeSet<CopyRecipient>,
    /// When they were recorded.
    pub on: NaiveDate,
}
crate::serde_shape::map_shaped!(CopiesRecord);

/// A cooperation body set up by the heads' joint decision (LEG-INST-01).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct CooperationBody {
    /// Whether the cooperation is continuous.
    pub continuous: bool,
    /// The joint decision of the heads.
    pub decision: Document,
    /// When it was set up.
    pub on: NaiveDate,
}
crate::serde_shape::map_shaped!(CooperationBody);

/// What a cooperation decided under the legacy rule set records beyond the current set's
/// state. Empty for a cooperation of the current set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct LegacyRecord {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) dprd: BTreeMap<KodeWilayah, DprdTimetable>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) copies: Vec<CopiesRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) early_termination: Option<TerminationNotice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) body: Option<CooperationBody>,
}
crate::serde_shape::map_shaped!(LegacyRecord);

impl LegacyRecord {
    /// Whether nothing is recorded (always so for a cooperation of the current set).
    pub fn is_empty(&self) -> bool {
        self.dprd.is_empty()
            && self.copies.is_empty()
            && self.early_termination.is_none()
            && self.body.is_none()
    }

    /// The DPRD timetable of each region party whose draft was submitted.
    pub fn dprd_timetables(&self) -> &BTreeMap<KodeWilayah, DprdTimetable> {
        &self.dprd
    }

    /// The copies of signed PKS recorded as sent.
    pub fn copies(&self) -> &[CopiesRecord] {
        &self.copies
    }

    /// Who `region` sent a copy of `document` to.
    pub fn copies_received(
        &self,
        region: KodeWilayah,
        document: &DocumentId,
    ) -> BTreeSet<CopyRecipient> {
        self.copies
            .iter()
            .filter(|c| c.region == region && &c.document == document)
            .flat_map(|c| c.recipients.iter().copied())
            .collect()
    }

    /// The written notice it ended early on, if it did (LEG-TERM-02).
    pub fn early_termination(&self) -> Option<&TerminationNotice> {
        self.early_termination.as_ref()
    }

    /// The cooperation body, if one was set up (LEG-INST-01).
    pub fn cooperation_body(&self) -> Option<&CooperationBody> {
        self.body.as_ref()
    }
}

/// The facts a command records under the legacy rule set where they differ from the current
/// set's (`None`: the aggregate's own facts).
pub(crate) fn facts(command: &Command, actor: &Actor, rules: &RuleSet) -> Option<Vec<EventKind>> {
    use EventKind as E;
    if !rules.is_legacy() {
        return None;
    }
    let own = actor.region();
    let for_own = |fact: fn(KodeWilayah) -> EventKind| own.map(fact).into_iter().collect();
    Some(match command {
        Command::SubmitToDprd => for_own(|region| E::DraftSubmittedToDprd { region }),
        Command::ResubmitToDprd => for_own(|region| E::DraftResubmittedToDprd { region }),
        Command::RecordDprdOpinion { reference } => own
            .map(|region| E::DprdOpinionGiven {
                region,
                reference: reference.clone(),
            })
            .into_iter()
            .collect(),
        Command::RecordDeemedApproval { region } => {
            vec![E::DprdDeemedApproved { region: *region }]
        }
        Command::RecordCopiesSent {
            document,
            recipients,
        } => own
            .map(|region| E::CopiesSent {
                region,
                document: document.clone(),
                recipients: recipients.clone(),
            })
            .into_iter()
            .collect(),
        Command::TerminateEarly { notice } => vec![E::TerminatedEarly {
            notice: notice.clone(),
        }],
        Command::EstablishCooperationBody {
            continuous,
            decision,
        } => vec![E::CooperationBodyEstablished {
            continuous: *continuous,
            decision: decision.clone(),
        }],
        _ => return None,
    })
}

/// Applies a legacy event. Never fails.
pub(crate) fn apply(coop: &mut Cooperation, event: &Event) {
    use EventKind as E;
    let on = event.occurred_on;
    match &event.kind {
        // A new submission (the first, or after a lapsed draft) starts the timetable afresh.
        E::DraftSubmittedToDprd { region } => {
            coop.legacy
                .dprd
                .insert(*region, DprdTimetable::received(on));
        }
        E::DprdOpinionGiven { region, reference } => {
            if let Some(timetable) = coop.legacy.dprd.get_mut(region) {
                timetable.opinion_on = Some(on);
                timetable.opinion_reference = Some(reference.clone());
            }
        }
        E::DraftResubmittedToDprd { region } => {
            if let Some(timetable) = coop.legacy.dprd.get_mut(region) {
                timetable.resubmitted_on = Some(on);
            }
        }
        E::DprdDeemedApproved { region } => {
            if let Some(timetable) = coop.legacy.dprd.get_mut(region) {
                timetable.deemed_on = Some(on);
            }
            coop.dprd.insert(
                *region,
                DprdDecision::Approved {
                    reference: DEEMED_APPROVAL_REFERENCE.to_owned(),
                    on,
                },
            );
        }
        E::CopiesSent {
            region,
            document,
            recipients,
        } => coop.legacy.copies.push(CopiesRecord {
            region: *region,
            document: document.clone(),
            recipients: recipients.iter().copied().collect(),
            on,
        }),
        E::TerminatedEarly { notice } => {
            coop.legacy.early_termination = Some(notice.clone());
            coop.end_grounds = vec![EndGround::EarlyTerminationByParty];
        }
        E::CooperationBodyEstablished {
            continuous,
            decision,
        } => {
            coop.legacy.body = Some(CooperationBody {
                continuous: *continuous,
                decision: decision.clone(),
                on,
            });
        }
        _ => {}
    }
}

fn invalid(field: &str, message: String, rule: crate::law::RuleId) -> Rejection {
    Rejection::InvalidInput {
        field: field.to_owned(),
        message,
        rule: Some(rule),
    }
}

/// The data of a legacy command that no rule could accept.
pub(crate) fn validate_input(
    coop: &Cooperation,
    spec: &CooperationSpec,
    command: &Command,
    date: NaiveDate,
) -> Result<(), Rejection> {
    match command {
        Command::RecordDeemedApproval { region } if !spec.region_codes().contains(region) => {
            Err(invalid(
                "region",
                format!("{region} is not a region party: only region parties have a DPRD"),
                LEG_DPRD_02,
            ))
        }
        Command::TerminateEarly { notice } if !spec.has_party(&notice.party) => Err(invalid(
            "notice.party",
            format!("{} is not a party", notice.party),
            LEG_TERM_02,
        )),
        Command::TerminateEarly { notice } if notice.given_on > date => Err(invalid(
            "notice.given_on",
            format!(
                "notice given {} after the command's date {date}",
                notice.given_on
            ),
            LEG_TERM_02,
        )),
        Command::EstablishCooperationBody { decision, .. } => {
            super::guard::validate_document(coop, spec, decision, date)
        }
        _ => Ok(()),
    }
}
