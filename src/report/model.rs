//! The evaluation report as data (RULES.md §13.3 items 1–11): what `evaluate` computes and
//! every renderer reads. Its JSON form is the stable, documented schema of
//! `docs/schema/evaluation-report.schema.json`; findings are typed facts rendered when read.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::{PolicyValues, RuleId, RuleSetRef};
use crate::lifecycle::{CommandKind, Stage, Violation};
use crate::model::{
    CooperationId, DocumentKind, EvaluationOutcome, KodeWilayah, PartyId, SignatoryCapacity,
    Urusan, UrusanGroup,
};
use crate::time::{DeadlineStatus, Validity};

use super::portfolio::Origin;

/// Version of the report's JSON schema; a change that breaks a reader is a new version.
pub const REPORT_SCHEMA_VERSION: u32 = 1;

/// The report of one evaluation meeting: every cooperation of a region checked against the
/// regulation on one date (RULES.md §13.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "EvaluationReport")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct EvaluationReport {
    /// [`REPORT_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Item 1: region, date, period, rule sets and policy values used.
    pub header: Header,
    /// Item 2: the register as of the date (a cooperation recorded only after it is absent).
    pub register: Vec<RegisterEntry>,
    /// Records of the portfolio that are not a regional cooperation under PP 28/2018 (e.g. a
    /// cooperation with a ministry), listed apart and judged by no KSD rule.
    pub outside_ksd: Vec<OutsideKsd>,
    /// Item 3: counts.
    pub counts: Counts,
    /// Item 4: one row per cooperation and applicable rule.
    pub checklist: Vec<ChecklistRow>,
    /// Item 5: validity under both windows of `expiring_soon`, side by side.
    pub expiry: Vec<ExpiryLine>,
    /// Item 6: evaluations done in the fiscal year against the required number.
    pub cadence: Vec<CadenceLine>,
    /// Item 7: the DPRD record per region party.
    pub dprd: Vec<DprdLine>,
    /// Item 8: cooperations still in the procedure, with their next steps.
    pub pipeline: Vec<PipelineLine>,
    /// Item 9: proposals and objects in the sectors the meeting looks for.
    pub opportunities: Vec<Opportunity>,
    /// Item 10: findings, follow-up and a recommendation per cooperation.
    pub follow_up: Vec<FollowUpLine>,
    /// Item 11: upward reporting status.
    pub reporting: ReportingStatus,
}
crate::serde_shape::map_shaped!(EvaluationReport);

/// Item 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Header")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Header {
    /// The region whose meeting it is.
    pub region: KodeWilayah,
    /// Its name, when a party record names it.
    pub region_name: Option<String>,
    /// The date the report is correct for (the meeting's date).
    pub as_of: NaiveDate,
    /// The fiscal year of `as_of` (the calendar year).
    pub fiscal_year: i32,
    /// The period under evaluation.
    pub period_from: NaiveDate,
    /// Its last day (`as_of`).
    pub period_to: NaiveDate,
    /// The meeting, when given.
    pub meeting: Option<Meeting>,
    /// Every rule set a cooperation of the register was judged under.
    pub rule_sets: Vec<RuleSetRef>,
    /// The policy in use, as the values that differ from the latest current version's
    /// defaults (empty: the defaults).
    pub policy: PolicyValues,
    /// The values RULES.md §13.3 asks the header to show, whatever they are.
    pub key_values: BTreeMap<String, serde_json::Value>,
}
crate::serde_shape::map_shaped!(Header);

/// Who chairs and presents (RULES.md §13.3: the assistant and the head of the cooperation
/// section).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Meeting")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Meeting {
    /// The chair's office (e.g. Asisten Pemerintahan dan Kesra).
    pub chair: String,
    /// The presenter's office (e.g. Kepala Bagian Kerja Sama).
    pub presenter: String,
    /// Where.
    pub place: Option<String>,
}
crate::serde_shape::map_shaped!(Meeting);

impl Meeting {
    /// A meeting chaired by `chair` and presented by `presenter`.
    pub fn new(chair: impl Into<String>, presenter: impl Into<String>) -> Self {
        Meeting {
            chair: chair.into(),
            presenter: presenter.into(),
            place: None,
        }
    }

    /// Where it is held.
    #[must_use]
    pub fn at(mut self, place: impl Into<String>) -> Self {
        self.place = Some(place.into());
        self
    }
}

/// The kind as the meeting counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "KindClass")
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum KindClass {
    /// KSDD wajib.
    KsddWajib,
    /// KSDD sukarela.
    KsddSukarela,
    /// KSDD without category (a legacy agreement).
    KsddUncategorised,
    /// KSDPK, initiated by the region.
    KsdpkRegion,
    /// KSDPK, initiated by the third party.
    KsdpkThirdParty,
    /// Foreign cooperation (outside this crate's rules).
    Foreign,
}

/// The category of a partner (RULES.md §13.3 item 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "PartnerCategory")
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PartnerCategory {
    /// A province.
    Province,
    /// A kabupaten.
    Kabupaten,
    /// A kota.
    Kota,
    /// An individual.
    Individual,
    /// A business entity (BUMN, BUMD, cooperative, private company).
    Business,
    /// An organisation.
    Organisation,
    /// A ministry or other central agency.
    CentralAgency,
}

/// One party of a cooperation, as listed in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "PartnerLine")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct PartnerLine {
    /// Its id (kode wilayah or the third party's id).
    pub party: Option<PartyId>,
    /// Its name.
    pub name: String,
    /// Its category.
    pub category: PartnerCategory,
    /// Whether it is the region whose meeting it is.
    pub home: bool,
}
crate::serde_shape::map_shaped!(PartnerLine);

/// A document of a cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "DocumentLine")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct DocumentLine {
    /// Its id.
    pub id: String,
    /// KB, PKS, addendum...
    pub kind: DocumentKind,
    /// Its title.
    pub title: String,
    /// Each party's own number for it.
    pub numbers: Vec<(PartyId, String)>,
    /// When signed.
    pub signed_on: NaiveDate,
    /// First day of its term.
    pub starts_on: Option<NaiveDate>,
    /// Last day of its term.
    pub ends_on: Option<NaiveDate>,
    /// Who signed, in what capacity.
    pub signatories: Vec<SignatoryLine>,
    /// Its validity on `as_of`.
    pub validity: Validity,
}
crate::serde_shape::map_shaped!(DocumentLine);

/// A signatory of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "SignatoryLine")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct SignatoryLine {
    /// For which party.
    pub party: PartyId,
    /// Name.
    pub name: String,
    /// Office.
    pub office: String,
    /// Capacity.
    pub capacity: SignatoryCapacity,
    /// Whether under a surat kuasa.
    pub under_kuasa: bool,
}
crate::serde_shape::map_shaped!(SignatoryLine);

/// Item 2: one cooperation of the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "RegisterEntry")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct RegisterEntry {
    /// Its id.
    pub id: CooperationId,
    /// The label the region gives it (a register number, a case id).
    pub label: String,
    /// Its title.
    pub title: String,
    /// Where the record comes from.
    pub origin: Origin,
    /// The rule set it is judged under.
    pub rule_set: RuleSetRef,
    /// Whether that is the legacy rule set (PP 50/2007).
    pub legacy: bool,
    /// Its kind.
    pub kind: KindClass,
    /// Its parties.
    pub partners: Vec<PartnerLine>,
    /// Its government affairs.
    pub urusan: Vec<Urusan>,
    /// Their groups.
    pub urusan_groups: Vec<UrusanGroup>,
    /// The lead OPD, if recorded.
    pub owner: Option<String>,
    /// Its documents.
    pub documents: Vec<DocumentLine>,
    /// The workflow stage on `as_of`.
    pub stage: Stage,
    /// Its validity on `as_of` (derived from dates).
    pub validity: Validity,
    /// The document whose end governs, and that end.
    pub governing_end: Option<(String, NaiveDate)>,
    /// Days from `as_of` to that end.
    pub days_left: Option<i64>,
    /// The next due action: the earliest open deadline, if any.
    pub next_due: Option<DueAction>,
    /// Steps of the procedure its record does not show (an imported record).
    pub steps_not_on_record: Vec<CommandKind>,
}
crate::serde_shape::map_shaped!(RegisterEntry);

/// A deadline still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "DueAction")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct DueAction {
    /// The rule that sets it.
    pub rule: RuleId,
    /// When it is due.
    pub due_on: NaiveDate,
    /// What it is, in Indonesian.
    pub what_id: String,
    /// What it is, in English.
    pub what_en: String,
}
crate::serde_shape::map_shaped!(DueAction);

/// A record of the portfolio outside PP 28/2018.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "OutsideKsd")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct OutsideKsd {
    /// The label the region gives it.
    pub label: String,
    /// Its title.
    pub title: String,
    /// Where the record comes from.
    pub origin: Origin,
    /// The partners named.
    pub partners: Vec<String>,
    /// Why it is not a KSD (e.g. a ministry: cooperation with the centre is synergy, not KSD).
    pub reason: OutsideReason,
}
crate::serde_shape::map_shaped!(OutsideKsd);

/// Why a record is not a regional cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "OutsideReason")
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OutsideReason {
    /// A partner is a ministry or other central agency (KSD-KIND-04, KSD-TRANS-03).
    CentralAgencyPartner,
    /// A foreign partner (KSD-KIND-01).
    ForeignPartner,
}

/// Item 3.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Counts")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Counts {
    /// By kind.
    pub by_kind: BTreeMap<KindClass, u32>,
    /// By workflow stage.
    pub by_stage: BTreeMap<Stage, u32>,
    /// By urusan group (a cooperation counts once per group it touches).
    pub by_urusan_group: BTreeMap<UrusanGroup, u32>,
    /// By partner category (the partners other than the home region).
    pub by_partner_category: BTreeMap<PartnerCategory, u32>,
    /// Agreements (KB or PKS) signed per year, for the years of the period.
    pub signed_by_year: BTreeMap<i32, u32>,
}
crate::serde_shape::map_shaped!(Counts);

/// The result of one rule for one cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CheckResult")
)]
#[serde(rename_all = "snake_case")]
pub enum CheckResult {
    /// Judged, and nothing found.
    Ok,
    /// Judged: a warning, or a rule still pending.
    Warning,
    /// Judged: the record breaks the rule.
    Error,
    /// The rule does not apply to this cooperation (kind, regime or stage not reached).
    NotApplicable,
}

/// Item 4: one cooperation × one rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ChecklistRow")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct ChecklistRow {
    /// The cooperation's label.
    pub cooperation: String,
    /// The rule.
    pub rule: RuleId,
    /// The result.
    pub result: CheckResult,
    /// The step of the history the result rests on.
    pub evidence: Option<Evidence>,
    /// What was found (empty for `Ok` and `NotApplicable`).
    pub findings: Vec<Violation>,
    /// A note in both languages when the result is not a finding (e.g. pending).
    pub note: Option<(String, String)>,
}
crate::serde_shape::map_shaped!(ChecklistRow);

/// The step of a history a checklist result rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Evidence")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Evidence {
    /// The step.
    pub command: CommandKind,
    /// Its legal date.
    pub on: NaiveDate,
    /// The document it records, if any.
    pub document: Option<String>,
}
crate::serde_shape::map_shaped!(Evidence);

/// Item 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ExpiryLine")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct ExpiryLine {
    /// The cooperation's label.
    pub cooperation: String,
    /// The governing document.
    pub document: String,
    /// Its last day.
    pub ends_on: NaiveDate,
    /// Days left on `as_of`.
    pub days_left: i64,
    /// Validity under `Days(90)`.
    pub within_90_days: Validity,
    /// Validity under `Months(3)`.
    pub within_3_months: Validity,
}
crate::serde_shape::map_shaped!(ExpiryLine);

/// Item 6.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CadenceLine")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct CadenceLine {
    /// The cooperation's label.
    pub cooperation: String,
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Evaluations recorded in it.
    pub done: u32,
    /// Evaluations required (KSD-IMPL-03; 0 when not due).
    pub required: u32,
    /// By when the rest are due.
    pub due_by: Option<NaiveDate>,
    /// Whether the cadence is due at all (a PKS in force that year; no legacy cadence).
    pub due: bool,
    /// Its status on `as_of`.
    pub status: DeadlineStatus,
}
crate::serde_shape::map_shaped!(CadenceLine);

/// Item 7.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "DprdLine")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct DprdLine {
    /// The cooperation's label.
    pub cooperation: String,
    /// The region party.
    pub region: KodeWilayah,
    /// Flag A: the plan burdens the community.
    pub burdens_community: Option<bool>,
    /// Flag A: the plan burdens the region.
    pub burdens_region: Option<bool>,
    /// Flag B: not budgeted in the current APBD.
    pub not_budgeted: Option<bool>,
    /// The justification recorded.
    pub justification: Option<String>,
    /// Whether its DPRD must approve, under the policy.
    pub approval_required: Option<bool>,
    /// Approved, refused or not decided.
    pub decision: DprdOutcome,
    /// The decision's reference and date.
    pub reference: Option<(String, NaiveDate)>,
}
crate::serde_shape::map_shaped!(DprdLine);

/// A DPRD's decision as the register shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "DprdOutcome")
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DprdOutcome {
    /// Approved.
    Approved,
    /// Approved by operation of law (legacy: deemed).
    DeemedApproved,
    /// Refused.
    Refused,
    /// Not decided (or not needed).
    None,
}

/// Item 8.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "PipelineLine")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct PipelineLine {
    /// The cooperation's label.
    pub cooperation: String,
    /// Its stage.
    pub stage: Stage,
    /// The OPD that leads it.
    pub owner: Option<String>,
    /// The steps the table allows next, the first of them the usual way forward.
    pub next_steps: Vec<CommandKind>,
    /// What blocks the first of them, as findings.
    pub blockers: Vec<Violation>,
}
crate::serde_shape::map_shaped!(PipelineLine);

/// Whether an opportunity is a KSDD or a KSDPK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "OpportunityForm")
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OpportunityForm {
    /// With other regions: a KSDD.
    Ksdd,
    /// With a third party: a KSDPK.
    Ksdpk,
}

/// Item 9.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Opportunity")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Opportunity {
    /// The cooperation's label.
    pub cooperation: String,
    /// Its title.
    pub title: String,
    /// The sectors of interest it touches.
    pub urusan: Vec<Urusan>,
    /// KSDD or KSDPK.
    pub form: OpportunityForm,
    /// Its stage.
    pub stage: Stage,
}
crate::serde_shape::map_shaped!(Opportunity);

/// Item 10.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "FollowUpLine")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct FollowUpLine {
    /// The cooperation's label.
    pub cooperation: String,
    /// Every error and warning of its checklist.
    pub findings: Vec<Violation>,
    /// Problems and follow-up recorded by its evaluations.
    pub problems: Vec<(String, String)>,
    /// The recommendation (KSD-IMPL-06): the latest evaluation's, else derived from the
    /// findings and dates.
    pub recommendation: EvaluationOutcome,
    /// Why that recommendation, in both languages.
    pub because: (String, String),
    /// What to do, by whom, by when.
    pub actions: Vec<ActionItem>,
}
crate::serde_shape::map_shaped!(FollowUpLine);

/// An action of the follow-up list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ActionItem")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct ActionItem {
    /// Who (an OPD, the cooperation unit).
    pub owner: String,
    /// By when.
    pub due_on: Option<NaiveDate>,
    /// The rule it answers.
    pub rule: RuleId,
    /// What, in Indonesian.
    pub what_id: String,
    /// What, in English.
    pub what_en: String,
}
crate::serde_shape::map_shaped!(ActionItem);

/// Item 11: upward reporting (stage j, KSD-IMPL-04). Its addressee, cadence and channel are
/// unknown in the sources: they come from `Policy::reporting_schedule` and
/// `reporting_channel`, and without them no report is counted as due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ReportingStatus")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct ReportingStatus {
    /// The channel (e.g. SIPGWPP), if configured.
    pub channel: Option<String>,
    /// The addressee, if a schedule is configured.
    pub addressee: Option<String>,
    /// How often, if a schedule is configured.
    pub every: Option<crate::law::Period>,
    /// Per cooperation in force during the period: the reports due in it under the schedule.
    pub lines: Vec<ReportingLine>,
}
crate::serde_shape::map_shaped!(ReportingStatus);

/// One cooperation's reports due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ReportingLine")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct ReportingLine {
    /// The cooperation's label.
    pub cooperation: String,
    /// Reports due in the period under the configured schedule (`None`: no schedule).
    pub due: Option<u32>,
}
crate::serde_shape::map_shaped!(ReportingLine);
