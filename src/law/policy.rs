//! Configurable policy: every `[SECONDARY]` value with its RULES.md default and source.
//!
//! Where PP 28/2018 is silent or practice differs, the library does not guess: the value is a
//! field here, its default is the one RULES.md documents, and the rule id says where it comes
//! from. A regional overlay (a Perda's stricter parameters) is a different `Policy`.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{Clause, KsdpkType, Role, Urusan, WajibPairing};

use super::settings::{
    AffairsMappingReport, AmendmentMode, CoordinationConvenor, DprdSilence, Enforcement,
    EvaluationScope, ExtensionMode, ReportingSchedule, SecretariatRuleSukarela,
    SpecialAutonomyOverride, TakeoverTrigger, ThirdPartySelection, UnilateralTermination,
    WajibRefusalPolicy,
};

/// Severity of a violated rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// Reported and recorded; the transition goes ahead.
    Warning,
    /// Blocks the transition.
    Error,
}

/// Reading of "membebani masyarakat dan daerah" (KSD-DPRD-01 flag A, Q3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BurdenReading {
    /// Literal text: burden on the community **and** the region (default).
    #[default]
    Conjunctive,
    /// Burden on either suffices.
    Disjunctive,
}

/// How the bordering requirement is read for more than two wajib parties (KSD-KIND-07, Q15).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WajibBorderRule {
    /// Each party borders at least one other and the border graph is connected (default).
    #[default]
    ConnectedGraph,
    /// Every pair of parties borders each other.
    Pairwise,
}

/// What a KB signatory other than the head of region leads to (KSD-DOC-07, Q6).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum KbSignatoryPolicy {
    /// Accepted silently.
    Allow,
    /// Accepted with a recorded warning (default).
    #[default]
    Warn,
    /// Refused.
    Error,
}

/// Whether a TKKSD review is expected before the offer and each signing (KSD-STAGE-04, Q10).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TkksdReviewPolicy {
    /// Not checked.
    Off,
    /// A missing review is a warning (default).
    #[default]
    RequiredWarn,
    /// A missing review blocks the step.
    RequiredError,
}

/// What follows a DPRD refusal (Q4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OnDprdRefusal {
    /// The cooperation ends in `DprdRefused` (default).
    #[default]
    Terminate,
    /// The KB goes back to drafting.
    ReviseKb,
}

/// A sector whose maximum term differs from `max_term_years` (KSD-TERM-07).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum TermSector {
    /// Infrastructure provision (KSDPK type (d) infrastructure, or a cooperation marked so).
    Infrastructure,
    /// Every cooperation whose object includes this affair.
    Urusan(Urusan),
    /// Every KSDPK of this type.
    KsdpkType(KsdpkType),
}

/// One sector override of the maximum term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "SectorTermOverride")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct SectorTermOverride {
    /// The sector.
    pub sector: TermSector,
    /// Its maximum term in years.
    pub max_years: u16,
}
crate::serde_shape::map_shaped!(SectorTermOverride);

/// A length of time: calendar days or calendar months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Period {
    /// Calendar days.
    Days(u32),
    /// Calendar months (see [`MonthOverflow`] for a day the target month lacks).
    Months(u32),
}

/// What month arithmetic does when the target month lacks the day (31 January + 1 month).
///
/// Chosen explicitly, never silently: the default moves to the first day of the following
/// month, so that a term of N years from 29 February ends on 28 February (the day before its
/// anniversary, 1 March), and 31 January + 1 month is 1 March.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MonthOverflow {
    /// The first day of the following month (default).
    #[default]
    NextDay,
    /// The last day of the target month.
    LastDayOfMonth,
}

/// A processing target for a stage (KSD-STAGE-07): internal practice, never law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SlaStage {
    /// From the start of KB drafting to the signed KB.
    KbDrafting,
    /// From the start of PKS drafting to the signed PKS.
    PksDrafting,
}

/// One stage SLA in calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "StageSla")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct StageSla {
    /// The stage.
    pub stage: SlaStage,
    /// Days allowed.
    pub days: u32,
}
crate::serde_shape::map_shaped!(StageSla);

/// Every `[SECONDARY]` value of the current rule set, with the RULES.md defaults.
///
/// ```
/// use kerjasama::law::{Policy, KbSignatoryPolicy};
/// let policy = Policy::default();
/// assert_eq!(policy.max_term_years, Some(5));
/// assert_eq!(policy.kb_signatory_policy, KbSignatoryPolicy::Warn);
/// let mut strict = Policy::default(); // fields are public; the struct is non-exhaustive
/// strict.kb_signatory_policy = KbSignatoryPolicy::Error;
/// assert_ne!(strict, policy);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Policy")
)]
#[serde(remote = "Self", default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Policy {
    /// KSD-DPRD-01 (Q3): reading of flag A. Default `Conjunctive` (literal text).
    pub burden_reading: BurdenReading,
    /// KSD-KIND-07 (Q15): bordering for > 2 wajib parties. Default `ConnectedGraph`.
    pub wajib_border_rule: WajibBorderRule,
    /// KSD-KIND-10 (Q16): allowed wajib pairings. Default: the five of PP 28/2018 Pasal 5(2).
    pub wajib_pairings: Vec<WajibPairing>,
    /// KSD-KIND-11: a kab/kota counts as bordering its own province. Default `true`.
    pub containment_counts_as_border: bool,
    /// KSD-DOC-07 (Q6): KB signed by someone other than the head. Default `Warn`.
    pub kb_signatory_policy: KbSignatoryPolicy,
    /// KSD-STAGE-04 (Q10): TKKSD review before offer and signings. Default `RequiredWarn`.
    pub tkksd_review: TkksdReviewPolicy,
    /// KSD-STAGE-05 (Q5): a PKS without a KB. Default `false`.
    pub allow_pks_without_kb: bool,
    /// Q4: what follows a DPRD refusal. Default `Terminate`.
    pub on_dprd_refusal: OnDprdRefusal,
    /// KSD-TERM-05 (Q7): maximum term in years; exceeding it is a warning. Default `Some(5)`.
    pub max_term_years: Option<u16>,
    /// KSD-TERM-07: sector exceptions to `max_term_years`. Default `{ Infrastructure: 25 }`.
    pub sector_max_term_overrides: Vec<SectorTermOverride>,
    /// KSD-DOC-03 (Q24): clauses a KSDD PKS must contain; missing ones are warnings.
    /// Default: none (no list is known in the current regime).
    pub ksdd_pks_required_clauses: Vec<Clause>,
    /// KSD-IMPL-05: the "expiring soon" window, inclusive of its last day. Default `Days(90)`
    /// (alternative in practice: `Months(3)`).
    pub expiring_soon: Period,
    /// Month arithmetic for windows and terms. Default `NextDay`.
    pub month_overflow: MonthOverflow,
    /// KSD-IMPL-03: evaluations each cooperation needs per fiscal year. Default 2.
    pub min_evaluations_per_fiscal_year: u32,
    /// KSD-TERM-06: how long before the end an extension must start. Default `None` (the
    /// foreign-cooperation analogy would be `Months(6)`).
    pub extension_lead_time: Option<Period>,
    /// KSD-STAGE-07: internal processing targets. Default: none (an example profile is
    /// KB 30 days, PKS 45 days).
    pub stage_slas: Vec<StageSla>,
    /// KSD-DPRD-05: a DPRD deadline in working days. Default `None`: PP 28/2018 sets none
    /// (KSD-DPRD-04), and a deadline never means deemed approval in the current set.
    pub dprd_deadline_working_days: Option<u32>,
    /// KSD-STAGE-06: deadline for a partner to answer an offer. Default `None`.
    pub offer_response_deadline: Option<Period>,
    /// KSD-STAGE-06: deadline from the signed KB to the signed PKS. Default `None`.
    pub kb_to_pks_deadline: Option<Period>,
    /// KSD-STAGE-06: how long a KB stays valid without a PKS. Default `None`.
    pub kb_max_validity: Option<Period>,
    /// RULES.md Q21: what a refusal, withdrawal, rejected offer or DPRD refusal does to a
    /// kerja sama wajib. Default `StallsTowardTakeover`.
    pub wajib_refusal_policy: WajibRefusalPolicy,
    /// KSD-TERM-09 (Q9): early termination by one party. Default `NotSupported`.
    pub unilateral_termination: UnilateralTermination,
    /// KSD-STAGE-08: an offer letter signed by someone other than the head of region.
    /// Default `Warn`.
    pub offer_letter_signatory: Enforcement,
    /// KSD-KIND-05 (Pasal 47, Q22): rules a special-autonomy law provides otherwise for.
    /// Default: none.
    pub special_autonomy_overrides: Vec<SpecialAutonomyOverride>,
    /// KSD-PK-08 (Q18): how a type (a) third party is selected. Default `Unspecified`.
    pub third_party_selection: ThirdPartySelection,
    /// KSD-PK-09: who assesses a third party's proposal. Default: the cooperation unit and
    /// the TKKSD.
    pub third_party_proposal_assessment: Vec<Role>,
    /// KSD-WAJIB-04: who convenes technical coordination. Default: governor, Minister.
    pub coordination_convenor: CoordinationConvenor,
    /// KSD-DPRD-05 (Q2): what DPRD silence means. Default `NoEffect`.
    pub dprd_silence: DprdSilence,
    /// KSD-DPRD-05 (Q4): documents submitted to the DPRD. Default: none known.
    pub dprd_submission_docs: Vec<String>,
    /// KSD-DOC-03 (Q24): clauses a KB must contain; missing ones are warnings. Default: none.
    pub kb_required_clauses: Vec<Clause>,
    /// KSD-DOC-04: the preparation data of a local guide. Default: its nine items.
    pub preparation_fields: Vec<String>,
    /// KSD-DOC-05: the sections of the terms of reference (KAK). Default: the ten of a local
    /// template.
    pub kak_sections: Vec<String>,
    /// KSD-DOC-06: the sections of a feasibility study. Default: the fourteen of a local
    /// template.
    pub feasibility_sections: Vec<String>,
    /// KSD-DOC-08: each party numbers the document in its own register. Default `true`.
    pub per_party_document_numbers: bool,
    /// KSD-DOC-09: the attachments kept per cooperation. Default: the eight of practice.
    pub attachment_kinds: Vec<String>,
    /// KSD-TERM-06 (Q7): how a cooperation is extended. Default `FullProcedure`.
    pub extension_mode: ExtensionMode,
    /// KSD-TERM-08 (Q8): how a cooperation is amended. Default `ByAgreementSameLevel`.
    pub amendment_mode: AmendmentMode,
    /// KSD-TERM-10: ended records stay in the register. Default `true`.
    pub retain_ended_records: bool,
    /// KSD-IMPL-03 (Q12): what the evaluation cadence counts. Default `PerCooperation`.
    pub evaluation_scope: EvaluationScope,
    /// KSD-IMPL-06: user-defined weighted criteria of an evaluation. Default: none.
    pub evaluation_criteria: Vec<String>,
    /// KSD-IMPL-04 (Q13): upward reporting schedule. Default `None` (unknown).
    pub reporting_schedule: Option<ReportingSchedule>,
    /// KSD-IMPL-04 (Q13): reporting channel (e.g. `SIPGWPP`). Default `None`.
    pub reporting_channel: Option<String>,
    /// KSD-IMPL-07: whether the mapping of affairs is reported upward. Default `Optional`.
    pub affairs_mapping_report: AffairsMappingReport,
    /// KSD-ENF-06 (Q14): how a takeover is triggered. Default `Manual`.
    pub takeover_trigger: TakeoverTrigger,
    /// KSD-ENF-08 (Q17): what a sukarela secretariat needs. Default `Unrestricted`.
    pub secretariat_rule_sukarela: SecretariatRuleSukarela,
    /// KSD-DISP-03 (Q19): a KSDD dispute ladder. Default `None` (unknown).
    pub ksdd_dispute_ladder: Option<Vec<String>>,
    /// KSD-TRANS-04 (Q20): the effective date of Permendagri 22/2020. Default `None`.
    pub p22_2020_effective_date: Option<NaiveDate>,
}
crate::serde_shape::map_shaped!(Policy);

impl Default for Policy {
    fn default() -> Self {
        Policy {
            burden_reading: BurdenReading::Conjunctive,
            wajib_border_rule: WajibBorderRule::ConnectedGraph,
            wajib_pairings: WajibPairing::ALL.to_vec(),
            containment_counts_as_border: true,
            kb_signatory_policy: KbSignatoryPolicy::Warn,
            tkksd_review: TkksdReviewPolicy::RequiredWarn,
            allow_pks_without_kb: false,
            on_dprd_refusal: OnDprdRefusal::Terminate,
            max_term_years: Some(5),
            sector_max_term_overrides: vec![SectorTermOverride {
                sector: TermSector::Infrastructure,
                max_years: 25,
            }],
            ksdd_pks_required_clauses: Vec::new(),
            expiring_soon: Period::Days(90),
            month_overflow: MonthOverflow::NextDay,
            min_evaluations_per_fiscal_year: 2,
            extension_lead_time: None,
            stage_slas: Vec::new(),
            dprd_deadline_working_days: None,
            offer_response_deadline: None,
            kb_to_pks_deadline: None,
            kb_max_validity: None,
            wajib_refusal_policy: WajibRefusalPolicy::StallsTowardTakeover,
            unilateral_termination: UnilateralTermination::NotSupported,
            offer_letter_signatory: Enforcement::Warn,
            special_autonomy_overrides: Vec::new(),
            third_party_selection: ThirdPartySelection::Unspecified,
            third_party_proposal_assessment: vec![Role::CooperationUnit, Role::Tkksd],
            coordination_convenor: CoordinationConvenor::default(),
            dprd_silence: DprdSilence::NoEffect,
            dprd_submission_docs: Vec::new(),
            kb_required_clauses: Vec::new(),
            preparation_fields: strings(&[
                "latar belakang",
                "maksud dan tujuan",
                "lokasi",
                "ruang lingkup",
                "peran para pihak",
                "jangka waktu dan alasannya",
                "manfaat",
                "analisis dampak sosial, ekonomi dan lingkungan",
                "pembiayaan",
            ]),
            kak_sections: strings(&[
                "latar belakang (paling banyak 2 halaman)",
                "maksud dan sasaran",
                "manfaat",
                "ruang lingkup",
                "kegiatan atau objek",
                "peran para pihak",
                "pembiayaan",
                "lokasi",
                "jangka waktu (paling lama 5 tahun)",
                "mitigasi risiko",
            ]),
            feasibility_sections: strings(&[
                "nama kegiatan",
                "maksud dan sasaran",
                "rincian dan proses kegiatan",
                "peran para pihak",
                "legalitas pihak ketiga",
                "dasar hukum",
                "kelayakan ekonomi dan keuangan",
                "kelayakan teknis",
                "kelayakan operasional",
                "lokasi dan hubungan masyarakat",
                "jangka waktu dan alasannya",
                "mitigasi risiko",
                "kesimpulan",
                "lampiran",
            ]),
            per_party_document_numbers: true,
            attachment_kinds: strings(&[
                "surat penawaran",
                "kerangka acuan kerja",
                "studi kelayakan",
                "berita acara atau rekomendasi TKKSD",
                "keputusan persetujuan DPRD",
                "surat kuasa",
                "pindaian dokumen yang ditandatangani",
                "dokumen legalitas pihak ketiga",
            ]),
            extension_mode: ExtensionMode::FullProcedure,
            amendment_mode: AmendmentMode::ByAgreementSameLevel,
            retain_ended_records: true,
            evaluation_scope: EvaluationScope::PerCooperation,
            evaluation_criteria: Vec::new(),
            reporting_schedule: None,
            reporting_channel: None,
            affairs_mapping_report: AffairsMappingReport::Optional,
            takeover_trigger: TakeoverTrigger::Manual,
            secretariat_rule_sukarela: SecretariatRuleSukarela::Unrestricted,
            ksdd_dispute_ladder: None,
            p22_2020_effective_date: None,
        }
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

impl Period {
    /// `date` plus this period (`None` past the end of the calendar).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::law::{MonthOverflow, Period};
    /// let jan31 = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap();
    /// assert_eq!(Period::Months(1).after(jan31, MonthOverflow::NextDay), NaiveDate::from_ymd_opt(2024, 3, 1));
    /// assert_eq!(Period::Months(1).after(jan31, MonthOverflow::LastDayOfMonth), NaiveDate::from_ymd_opt(2024, 2, 29));
    /// ```
    pub fn after(self, date: NaiveDate, overflow: MonthOverflow) -> Option<NaiveDate> {
        match self {
            Period::Days(days) => date.checked_add_days(Days::new(u64::from(days))),
            Period::Months(months) => add_months(date, months, overflow),
        }
    }

    /// `date` minus this period.
    pub fn before(self, date: NaiveDate, overflow: MonthOverflow) -> Option<NaiveDate> {
        match self {
            Period::Days(days) => date.checked_sub_days(Days::new(u64::from(days))),
            Period::Months(months) => {
                let target = date.checked_sub_months(Months::new(months))?;
                match (target.day() == date.day(), overflow) {
                    (true, _) | (false, MonthOverflow::LastDayOfMonth) => Some(target),
                    (false, MonthOverflow::NextDay) => target.succ_opt(),
                }
            }
        }
    }
}

/// `date` plus `months` calendar months under `overflow`.
pub fn add_months(date: NaiveDate, months: u32, overflow: MonthOverflow) -> Option<NaiveDate> {
    // chrono clamps to the month's last day; detect that and apply the policy instead.
    let clamped = date.checked_add_months(Months::new(months))?;
    match (clamped.day() == date.day(), overflow) {
        (true, _) | (false, MonthOverflow::LastDayOfMonth) => Some(clamped),
        (false, MonthOverflow::NextDay) => clamped.succ_opt(),
    }
}

impl Policy {
    /// Whether the DPRD gate of KSD-DPRD-01 is true for one region party, under
    /// `burden_reading` (the truth table of RULES.md §5).
    ///
    /// ```
    /// use kerjasama::law::{BurdenReading, Policy};
    /// use kerjasama::model::DprdGate;
    /// let gate = DprdGate::not_required("retribusi baru").with_burdens_community(true);
    /// assert!(!Policy::default().dprd_required(&gate));
    /// let mut disjunctive = Policy::default();
    /// disjunctive.burden_reading = BurdenReading::Disjunctive;
    /// assert!(disjunctive.dprd_required(&gate));
    /// ```
    pub fn dprd_required(&self, gate: &crate::model::DprdGate) -> bool {
        let burden = match self.burden_reading {
            BurdenReading::Conjunctive => gate.burdens_community && gate.burdens_region,
            BurdenReading::Disjunctive => gate.burdens_community || gate.burdens_region,
        };
        burden || gate.not_budgeted_in_current_apbd
    }
}
