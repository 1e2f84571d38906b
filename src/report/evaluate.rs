//! `evaluate`: a portfolio judged on one date (RULES.md §13.3 items 1–11).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use crate::law::{
    self, Policy, Provenance, RuleId, RuleSet, RuleSetId, RuleSetRef, RuleSetRegistry,
};
use crate::lifecycle::{
    AuditedStep, Command, CommandKind, Cooperation, DprdDecision, Rejection, Stage, Step, Violation,
};
use crate::model::{
    CooperationKind, EvaluationOutcome, Initiative, KodeWilayah, KsddCategory, Party, PartyId,
    RegionLevel, ThirdPartyKind, Urusan, UrusanGroup,
};
use crate::time::{self, Calendar, DeadlineStatus, Validity};

use super::model::*;
use super::portfolio::{Entry, EntryRecord, Origin, Portfolio};
use super::render::text::date as written;

/// What a meeting adds to the portfolio and the date: who chairs, the period, the sectors
/// the region looks for partners in.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EvaluateOptions {
    /// The meeting (chair, presenter, place), shown in the header.
    pub meeting: Option<Meeting>,
    /// First day of the period under evaluation; default 1 January of the year before
    /// `as_of` (RULES.md §13.3: 2023-01-01 for a meeting of 2024).
    pub period_from: Option<NaiveDate>,
    /// The affairs whose proposals and objects are listed as opportunities (item 9); default
    /// tourism (pariwisata), the sector the Sidrap meeting named.
    pub sectors_of_interest: Vec<Urusan>,
}

impl Default for EvaluateOptions {
    fn default() -> Self {
        EvaluateOptions {
            meeting: None,
            period_from: None,
            sectors_of_interest: vec![Urusan::Pariwisata],
        }
    }
}

impl EvaluateOptions {
    /// The meeting.
    #[must_use]
    pub fn with_meeting(mut self, meeting: Meeting) -> Self {
        self.meeting = Some(meeting);
        self
    }

    /// The first day of the period.
    #[must_use]
    pub fn with_period_from(mut self, from: NaiveDate) -> Self {
        self.period_from = Some(from);
        self
    }

    /// The sectors of interest.
    #[must_use]
    pub fn with_sectors_of_interest(mut self, urusan: impl IntoIterator<Item = Urusan>) -> Self {
        self.sectors_of_interest = urusan.into_iter().collect();
        self
    }
}

/// Why a portfolio could not be evaluated: a record that cannot hold (the same refusal the
/// lifecycle gives its step), named by the record's label and origin.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// A step of a history cannot be recorded (malformed data, a date going back, a command
    /// no row allows).
    #[error("{label} ({origin}): step {index} ({command}, {on}): {rejection}")]
    Step {
        /// The record's label.
        label: String,
        /// Where it comes from.
        origin: String,
        /// The step's index in its history (0 = the first).
        index: usize,
        /// The command.
        command: CommandKind,
        /// Its legal date.
        on: NaiveDate,
        /// Why.
        rejection: Box<Rejection>,
    },
    /// The regime of a record is unknown to this crate.
    #[error("{label}: {reason}")]
    Regime {
        /// The record's label.
        label: String,
        /// Why.
        reason: String,
    },
}

/// [`evaluate_with`] with the default options.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::law::Policy;
/// use kerjasama::report::{evaluate, Portfolio};
/// use kerjasama::sample;
/// let mut cases = sample::cases();
/// cases.extend(sample::legacy_cases());
/// let portfolio = Portfolio::from_scenarios(sample::sidrap(), cases);
/// let as_of = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
/// let report = evaluate(&portfolio, as_of, &Policy::default())?;
/// // C04 and C05 start after the meeting: absent from the register.
/// assert!(report.register.iter().all(|e| e.label != "C04" && e.label != "C05"));
/// assert_eq!(report.register.len(), 8);
/// # Ok::<(), kerjasama::report::ReportError>(())
/// ```
pub fn evaluate(
    portfolio: &Portfolio,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<EvaluationReport, ReportError> {
    evaluate_with(portfolio, as_of, policy, &EvaluateOptions::default())
}

/// Judges every record of `portfolio` as of `as_of` under `policy`, each under its own regime
/// (a legacy agreement by the legacy rules only), and builds the report of RULES.md §13.3.
///
/// Pure: the same portfolio, date and policy give the same report. A record's steps dated
/// after `as_of` are ignored (a record that starts after it is absent); each step is judged
/// by [`Cooperation::audit_step`], so an imported record is audited, never refused, and a
/// history that lived through the state machine gets the same findings it got then (under
/// today's policy).
pub fn evaluate_with(
    portfolio: &Portfolio,
    as_of: NaiveDate,
    policy: &Policy,
    options: &EvaluateOptions,
) -> Result<EvaluationReport, ReportError> {
    let calendar = Calendar::indonesia().ok();
    let period_from = options
        .period_from
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(as_of.year() - 1, 1, 1).unwrap_or(as_of));
    let mut judged = Vec::new();
    let mut outside = Vec::new();
    for entry in &portfolio.entries {
        match &entry.record {
            EntryRecord::Cooperation { regime, steps } => {
                if let Some(j) = judge(entry, *regime, steps, as_of, policy)? {
                    judged.push(j);
                }
            }
            EntryRecord::Outside {
                title,
                partners,
                reason,
                dated,
            } => {
                if dated.is_none_or(|d| d <= as_of) {
                    outside.push(OutsideKsd {
                        label: entry.label.clone(),
                        title: title.clone(),
                        origin: entry.origin.clone(),
                        partners: partners.clone(),
                        reason: *reason,
                    });
                }
            }
        }
    }
    let ctx = Context {
        home: portfolio.home,
        as_of,
        period_from,
        policy,
        calendar: calendar.as_ref(),
        options,
    };
    let mut report = EvaluationReport {
        schema_version: REPORT_SCHEMA_VERSION,
        header: header(&ctx, &judged),
        register: Vec::new(),
        outside_ksd: outside,
        counts: Counts::default(),
        checklist: Vec::new(),
        expiry: Vec::new(),
        cadence: Vec::new(),
        dprd: Vec::new(),
        pipeline: Vec::new(),
        opportunities: Vec::new(),
        follow_up: Vec::new(),
        reporting: ReportingStatus {
            channel: policy.reporting_channel.clone(),
            addressee: policy
                .reporting_schedule
                .as_ref()
                .map(|s| s.addressee.clone()),
            every: policy.reporting_schedule.as_ref().map(|s| s.every),
            lines: Vec::new(),
        },
    };
    for j in &judged {
        let checklist = checklist(&ctx, j);
        report.register.push(register_entry(&ctx, j));
        count(&ctx, j, &mut report.counts);
        report.expiry.extend(expiry(&ctx, j));
        report.cadence.extend(cadence(&ctx, j));
        report.dprd.extend(dprd(j));
        report.pipeline.extend(pipeline(j, as_of));
        report.opportunities.extend(opportunity(&ctx, j));
        report.follow_up.push(follow_up(&ctx, j, &checklist));
        report.reporting.lines.extend(reporting(&ctx, j));
        report.checklist.extend(checklist);
    }
    Ok(report)
}

/// What every section reads.
struct Context<'a> {
    home: KodeWilayah,
    as_of: NaiveDate,
    period_from: NaiveDate,
    policy: &'a Policy,
    calendar: Option<&'a Calendar>,
    options: &'a EvaluateOptions,
}

/// One cooperation judged up to `as_of`.
struct Judged {
    label: String,
    spec: crate::lifecycle::CooperationSpec,
    origin: Origin,
    rules: RuleSet,
    coop: Cooperation,
    steps: Vec<(Step, AuditedStep)>,
}

fn judge(
    entry: &Entry,
    regime: RuleSetId,
    steps: &[Step],
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<Option<Judged>, ReportError> {
    let version =
        RuleSetRegistry::standard()
            .latest_of(regime)
            .map_err(|e| ReportError::Regime {
                label: entry.label.clone(),
                reason: e.to_string(),
            })?;
    let rules = version.with_policy(policy.clone());
    let mut coop = Cooperation::new();
    let mut audited = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        if step.on > as_of {
            continue;
        }
        let result = coop
            .audit_step(&step.command, &step.actor, step.on, &rules)
            .map_err(|rejection| ReportError::Step {
                label: entry.label.clone(),
                origin: origin_text(&entry.origin),
                index,
                command: step.command.kind(),
                on: step.on,
                rejection: Box::new(rejection),
            })?;
        for event in &result.events {
            coop.apply(event);
        }
        audited.push((step.clone(), result));
    }
    let Some(spec) = coop.spec().cloned() else {
        return Ok(None);
    };
    Ok(Some(Judged {
        label: entry.label.clone(),
        spec,
        origin: entry.origin.clone(),
        rules,
        coop,
        steps: audited,
    }))
}

fn origin_text(origin: &Origin) -> String {
    match origin {
        Origin::Ledger { store } => format!("store {store}"),
        Origin::Script { case } => format!("script {case}"),
        Origin::Imported { file, row, .. } => format!("{file} row {row}"),
    }
}

// ------------------------------------------------------------------------------- item 1

/// The policy values RULES.md §13.3 item 1 names.
const HEADER_KEYS: [&str; 5] = [
    "max_term_years",
    "expiring_soon",
    "min_evaluations_per_fiscal_year",
    "kb_signatory_policy",
    "burden_reading",
];

fn header(ctx: &Context<'_>, judged: &[Judged]) -> Header {
    let mut rule_sets: Vec<RuleSetRef> = judged.iter().map(|j| j.rules.reference).collect();
    rule_sets.sort_by_key(|r| (r.id.to_string(), r.version));
    rule_sets.dedup();
    let all = law::PolicyValues::of(ctx.policy);
    let key_values = HEADER_KEYS
        .iter()
        .map(|key| {
            (
                (*key).to_owned(),
                all.get(key).cloned().unwrap_or(serde_json::Value::Null),
            )
        })
        .collect();
    let region_name = judged.iter().find_map(|j| {
        j.coop.spec()?.parties.iter().find_map(|p| match p {
            Party::Region(region) if region.code == ctx.home => Some(region.name.clone()),
            _ => None,
        })
    });
    Header {
        region: ctx.home,
        region_name,
        as_of: ctx.as_of,
        fiscal_year: ctx.as_of.year(),
        period_from: ctx.period_from,
        period_to: ctx.as_of,
        meeting: ctx.options.meeting.clone(),
        rule_sets,
        policy: RuleSetRegistry::standard()
            .latest_current()
            .policy_values(ctx.policy),
        key_values,
    }
}

// ------------------------------------------------------------------------------- item 2

fn kind_class(kind: &CooperationKind) -> KindClass {
    match kind {
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Wajib),
        } => KindClass::KsddWajib,
        CooperationKind::Ksdd {
            category: Some(_), ..
        } => KindClass::KsddSukarela,
        CooperationKind::Ksdd { category: None } => KindClass::KsddUncategorised,
        CooperationKind::Ksdpk {
            initiative: Initiative::ThirdParty,
            ..
        } => KindClass::KsdpkThirdParty,
        CooperationKind::Ksdpk { .. } => KindClass::KsdpkRegion,
        _ => KindClass::Foreign,
    }
}

fn partner_category(party: &Party) -> PartnerCategory {
    match party {
        Party::Region(region) => match region.code.level() {
            RegionLevel::Province => PartnerCategory::Province,
            RegionLevel::Kabupaten => PartnerCategory::Kabupaten,
            RegionLevel::Kota => PartnerCategory::Kota,
        },
        Party::ThirdParty(third) => match third.kind {
            ThirdPartyKind::Individual => PartnerCategory::Individual,
            ThirdPartyKind::LegalEntityBusiness { .. } => PartnerCategory::Business,
            _ => PartnerCategory::Organisation,
        },
        _ => PartnerCategory::CentralAgency,
    }
}

fn register_entry(ctx: &Context<'_>, j: &Judged) -> RegisterEntry {
    let coop = &j.coop;
    let validity = time::validity(coop, ctx.as_of, ctx.policy);
    let spec = &j.spec;
    let partners = spec
        .parties
        .iter()
        .map(|p| PartnerLine {
            party: p.id(),
            name: p.name().to_owned(),
            category: partner_category(p),
            home: p.id() == Some(PartyId::Region(ctx.home)),
        })
        .collect();
    let urusan: Vec<Urusan> = spec.object.urusan.clone();
    let mut urusan_groups: Vec<UrusanGroup> = urusan.iter().map(|u| u.group()).collect();
    urusan_groups.sort();
    urusan_groups.dedup();
    let documents = coop
        .kb()
        .into_iter()
        .chain(coop.pks())
        .chain(coop.addenda())
        .map(|doc| DocumentLine {
            id: doc.id.0.clone(),
            kind: doc.kind,
            title: doc.title.clone(),
            numbers: doc
                .numbers
                .iter()
                .map(|n| (n.party.clone(), n.number.clone()))
                .collect(),
            signed_on: doc.signed_on,
            starts_on: doc.term.map(|t| t.starts_on),
            ends_on: doc.term.map(|t| t.ends_on),
            signatories: doc
                .signatories
                .iter()
                .map(|s| SignatoryLine {
                    party: s.party.clone(),
                    name: s.name.clone(),
                    office: s.office.clone(),
                    capacity: s.capacity,
                    under_kuasa: s.surat_kuasa.is_some(),
                })
                .collect(),
            validity: validity
                .documents
                .iter()
                .find(|d| d.document == doc.id)
                .map_or(Validity::NotYetInForce, |d| d.validity),
        })
        .collect();
    let next_due = open_deadlines(ctx, coop).into_iter().next();
    let mut skipped: Vec<CommandKind> = j
        .steps
        .iter()
        .flat_map(|(_, a)| a.skipped.iter().map(|m| m.command))
        .collect();
    skipped.dedup();
    RegisterEntry {
        id: spec.id,
        label: j.label.clone(),
        title: spec.title.clone(),
        origin: j.origin.clone(),
        rule_set: j.rules.reference,
        legacy: j.rules.is_legacy(),
        kind: kind_class(&spec.kind),
        partners,
        urusan,
        urusan_groups,
        owner: spec.lead_opd.clone(),
        documents,
        stage: coop.stage(),
        validity: validity.overall,
        governing_end: validity
            .governing
            .as_ref()
            .map(|(id, end)| (id.0.clone(), *end)),
        days_left: validity.days_left,
        next_due,
        steps_not_on_record: skipped,
    }
}

/// The open deadlines of `coop` on `as_of`, earliest first.
fn open_deadlines(ctx: &Context<'_>, coop: &Cooperation) -> Vec<DueAction> {
    let mut open: Vec<DueAction> = time::deadlines(coop, ctx.as_of, ctx.policy, ctx.calendar)
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d.status == DeadlineStatus::Open)
        .map(|d| DueAction {
            rule: d.rule,
            due_on: d.due_on,
            what_id: d.consequence_id.into_owned(),
            what_en: d.consequence_en.into_owned(),
        })
        .collect();
    open.sort_by_key(|d| d.due_on);
    open
}

// ------------------------------------------------------------------------------- item 3

fn count(ctx: &Context<'_>, j: &Judged, counts: &mut Counts) {
    let Some(spec) = j.coop.spec() else { return };
    *counts.by_kind.entry(kind_class(&spec.kind)).or_default() += 1;
    *counts.by_stage.entry(j.coop.stage()).or_default() += 1;
    let groups: BTreeSet<UrusanGroup> = spec.object.urusan.iter().map(|u| u.group()).collect();
    for group in groups {
        *counts.by_urusan_group.entry(group).or_default() += 1;
    }
    for party in &spec.parties {
        if party.id() != Some(PartyId::Region(ctx.home)) {
            *counts
                .by_partner_category
                .entry(partner_category(party))
                .or_default() += 1;
        }
    }
    for year in ctx.period_from.year()..=ctx.as_of.year() {
        counts.signed_by_year.entry(year).or_default();
    }
    for doc in j.coop.kb().into_iter().chain(j.coop.pks()) {
        if doc.signed_on >= ctx.period_from && doc.signed_on <= ctx.as_of {
            *counts
                .signed_by_year
                .entry(doc.signed_on.year())
                .or_default() += 1;
        }
    }
}

// ------------------------------------------------------------------------------- item 4

/// Whether `rule` applies to a cooperation of `class` under a regime (RULES.md §4.5; the legacy
/// set is judged by its own rules and the transition rules only).
fn applies(rule: RuleId, class: KindClass, legacy: bool) -> bool {
    let id = rule.as_str();
    if legacy {
        return id.starts_with("LEG-") || id == "KSD-TRANS-01" || id == "KSD-TRANS-03";
    }
    if id.starts_with("LEG-") {
        return false;
    }
    use KindClass as K;
    let wajib = class == K::KsddWajib;
    let ksdd = matches!(class, K::KsddWajib | K::KsddSukarela | K::KsddUncategorised);
    let ksdpk = matches!(class, K::KsdpkRegion | K::KsdpkThirdParty);
    match id {
        "KSD-KIND-07" | "KSD-KIND-09" => wajib,
        "KSD-KIND-08" => class == K::KsddSukarela,
        _ if id.starts_with("KSD-WAJIB-") => wajib,
        "KSD-PK-01" | "KSD-PK-02" | "KSD-PK-03" | "KSD-PK-07" => ksdpk,
        "KSD-PK-04" => class == K::KsdpkRegion,
        "KSD-PK-05" | "KSD-PK-06" => class == K::KsdpkThirdParty,
        "KSD-DOC-02" | "KSD-TERM-02" | "KSD-DISP-02" => ksdpk,
        "KSD-DOC-03" | "KSD-DISP-01" => ksdd,
        "KSD-ENF-08" => ksdd,
        _ if id.starts_with("KSD-ENF-") => wajib,
        _ => true,
    }
}

/// Commands that leave the procedure or take it over: never "the way forward" of a pipeline.
fn is_exit(command: CommandKind) -> bool {
    matches!(
        command,
        CommandKind::Cancel
            | CommandKind::Withdraw
            | CommandKind::RejectOffer
            | CommandKind::RejectProposal
            | CommandKind::RefuseDprd
            | CommandKind::Terminate
            | CommandKind::TakeOver
    )
}

fn evidence_of(step: &Step) -> Evidence {
    let document = match &step.command {
        Command::SignHeadsAgreement { document }
        | Command::SignKb { document }
        | Command::SignPks { document }
        | Command::SignAddendum { document } => Some(document.id.0.clone()),
        _ => None,
    };
    Evidence {
        command: step.command.kind(),
        on: step.on,
        document,
    }
}

fn note(id: impl Into<String>, en: impl Into<String>) -> Option<(String, String)> {
    Some((id.into(), en.into()))
}

fn checklist(ctx: &Context<'_>, j: &Judged) -> Vec<ChecklistRow> {
    let Some(spec) = j.coop.spec() else {
        return Vec::new();
    };
    let class = kind_class(&spec.kind);
    let legacy = j.rules.is_legacy();
    // What the history's steps found, and which step last judged each rule.
    let mut found: BTreeMap<RuleId, Vec<Violation>> = BTreeMap::new();
    let mut judged_by: BTreeMap<RuleId, Evidence> = BTreeMap::new();
    for (step, audited) in &j.steps {
        for rule in &audited.checked {
            judged_by.insert(*rule, evidence_of(step));
        }
        for v in &audited.violations {
            let list = found.entry(v.rule).or_default();
            if !list.contains(v) {
                list.push(v.clone());
            }
            judged_by.insert(v.rule, evidence_of(step));
        }
    }
    let derived = derived_results(ctx, j);
    let mut rows: Vec<ChecklistRow> = law::rules::all()
        .into_iter()
        .filter(|rule| applies(rule.id, class, legacy))
        .map(|rule| {
            let evidence = judged_by.get(&rule.id).cloned();
            let findings = found.remove(&rule.id).unwrap_or_default();
            let (result, note) = if findings.iter().any(Violation::is_error) {
                (CheckResult::Error, None)
            } else if !findings.is_empty() {
                (CheckResult::Warning, None)
            } else if let Some((result, note)) = derived.get(&rule.id) {
                (*result, note.clone())
            } else if evidence.is_some() {
                (CheckResult::Ok, None)
            } else if rule.provenance == Provenance::Secondary && evidence.is_none() {
                (
                    CheckResult::NotApplicable,
                    note("belum dinilai pada tahap ini", "not judged at this stage"),
                )
            } else {
                (
                    CheckResult::NotApplicable,
                    note(
                        "belum sampai pada langkah yang diatur",
                        "the step it governs is not reached",
                    ),
                )
            };
            ChecklistRow {
                cooperation: j.label.clone(),
                rule: rule.id,
                result,
                evidence,
                findings,
                note,
            }
        })
        .collect();
    // KSD-WAJIB-02: the level the technical coordination was held at.
    let level = j
        .steps
        .iter()
        .rev()
        .find_map(|(step, _)| match &step.command {
            Command::HoldTechnicalCoordination { level } => Some(*level),
            _ => None,
        });
    if let Some(level) = level
        && let Some(row) = rows
            .iter_mut()
            .find(|r| r.rule == law::KSD_WAJIB_02 && r.result == CheckResult::Ok)
    {
        let (id, en) = match level {
            crate::model::CoordinationLevel::Provincial => ("provinsi", "provincial"),
            _ => ("nasional", "national"),
        };
        row.note = note(
            format!("koordinasi teknis tingkat {id}"),
            format!("technical coordination at {en} level"),
        );
    }
    // KSD-TERM-07: a term over the cap that no sector override covers.
    let over_cap = rows
        .iter()
        .any(|r| r.rule == law::KSD_TERM_05 && r.result == CheckResult::Warning);
    if over_cap && let Some(row) = rows.iter_mut().find(|r| r.rule == law::KSD_TERM_07) {
        row.result = CheckResult::Warning;
        row.note = note(
            "tidak ada pengecualian jangka waktu menurut sektor yang mencakup jangka waktu ini",
            "no sector exception to the term limit covers this term",
        );
    }
    rows
}

/// Results that come from the date and the state rather than from a step: the evaluation
/// cadence, the expiry window, missed deadlines, the rules a pipeline still has to meet,
/// and whether a secretariat may be set up.
fn derived_results(
    ctx: &Context<'_>,
    j: &Judged,
) -> BTreeMap<RuleId, (CheckResult, Option<(String, String)>)> {
    let coop = &j.coop;
    let mut out = BTreeMap::new();
    // KSD-IMPL-03: the cadence of the fiscal year.
    let due = time::evaluations_due(coop, ctx.as_of.year(), ctx.as_of, ctx.policy);
    if due.required > 0 {
        let result = if due.done >= due.required {
            (
                CheckResult::Ok,
                note(
                    format!("{} dari {} evaluasi", due.done, due.required),
                    format!("{} of {} evaluations", due.done, due.required),
                ),
            )
        } else {
            (
                CheckResult::Warning,
                note(
                    format!(
                        "{} dari {} evaluasi; sisanya paling lambat {}",
                        due.done,
                        due.required,
                        written(due.due_by, law::Lang::Id)
                    ),
                    format!(
                        "{} of {} evaluations; the rest due by {}",
                        due.done,
                        due.required,
                        written(due.due_by, law::Lang::En)
                    ),
                ),
            )
        };
        out.insert(law::KSD_IMPL_03, result);
    }
    // KSD-IMPL-05: the expiry window.
    let validity = time::validity(coop, ctx.as_of, ctx.policy);
    match validity.overall {
        Validity::ExpiringSoon { days_left } => {
            out.insert(
                law::KSD_IMPL_05,
                (
                    CheckResult::Warning,
                    note(
                        format!("berakhir dalam {days_left} hari"),
                        format!("ends in {days_left} days"),
                    ),
                ),
            );
        }
        Validity::InForce => {
            out.insert(law::KSD_IMPL_05, (CheckResult::Ok, None));
        }
        Validity::Expired => {
            out.insert(
                law::KSD_IMPL_05,
                (
                    CheckResult::Warning,
                    note(
                        "jangka waktu telah berakhir, pengakhiran belum dicatat",
                        "its term has ended and no ending is recorded",
                    ),
                ),
            );
        }
        _ => {}
    }
    // Missed deadlines: a finding of their rule, beside what the rule already says. The
    // legacy DPRD's own deadline is no finding once every approval needed is on record
    // (deemed approval is how PP 50/2007 Pasal 12 ayat (4) ends it).
    let approvals_complete = coop.dprd_gates().iter().all(|(region, gate)| {
        !j.rules.dprd_required(gate)
            || matches!(
                coop.dprd_decisions().get(region),
                Some(DprdDecision::Approved { .. })
            )
    });
    // Only the deadlines that fell due within the period evaluated.
    for d in time::deadlines(coop, ctx.as_of, ctx.policy, ctx.calendar).unwrap_or_default() {
        if d.status != DeadlineStatus::Missed
            || d.due_on < ctx.period_from
            || (d.rule == law::LEG_DPRD_02 && approvals_complete)
        {
            continue;
        }
        let (missed_id, missed_en) = (
            format!(
                "tenggat {} terlewat: {}",
                written(d.due_on, law::Lang::Id),
                d.consequence_id
            ),
            format!(
                "deadline {} missed: {}",
                written(d.due_on, law::Lang::En),
                d.consequence_en
            ),
        );
        let entry = out.entry(d.rule).or_insert((CheckResult::Warning, None));
        if entry.0 != CheckResult::Error {
            entry.0 = CheckResult::Warning;
        }
        entry.1 = Some(match entry.1.take() {
            Some((id, en)) => (format!("{id}; {missed_id}"), format!("{en}; {missed_en}")),
            None => (missed_id, missed_en),
        });
    }
    let actor = clerk_of(ctx.home);
    let allowed = coop.allowed_commands(&actor, ctx.as_of, &j.rules);
    // A pipeline: the rules that still block its way forward are pending.
    if !coop.stage().is_terminal() && coop.stage() != Stage::InForce {
        for next in allowed.iter().filter(|a| !is_exit(a.command)) {
            for blocker in &next.blockers {
                out.entry(blocker.rule).or_insert_with(|| {
                    (
                        CheckResult::Warning,
                        note(
                            format!("menunggu: {}", blocker.message(law::Lang::Id)),
                            format!("pending: {}", blocker.message(law::Lang::En)),
                        ),
                    )
                });
            }
        }
    }
    // KSD-ENF-08: may a secretariat be set up now?
    if !coop.has_secretariat()
        && let Some(secretariat) = allowed
            .iter()
            .find(|a| a.command == CommandKind::EstablishSecretariat)
    {
        let result = if secretariat.blockers.is_empty() {
            (
                CheckResult::Ok,
                note(
                    "sekretariat kerja sama boleh dibentuk",
                    "a cooperation secretariat may be set up",
                ),
            )
        } else {
            let why: Vec<String> = secretariat
                .blockers
                .iter()
                .map(|b| b.message(law::Lang::En))
                .collect();
            let why_id: Vec<String> = secretariat
                .blockers
                .iter()
                .map(|b| b.message(law::Lang::Id))
                .collect();
            (
                CheckResult::NotApplicable,
                note(
                    format!("sekretariat belum memenuhi syarat: {}", why_id.join("; ")),
                    format!("a secretariat does not qualify: {}", why.join("; ")),
                ),
            )
        };
        out.insert(law::KSD_ENF_08, result);
    }
    out
}

/// The home region's cooperation unit: the actor a meeting's questions are asked as.
fn clerk_of(home: KodeWilayah) -> crate::model::Actor {
    crate::model::Actor::new(
        crate::model::Role::CooperationUnit,
        home,
        "Bagian Kerja Sama",
    )
}

// ------------------------------------------------------------------------------- item 5

fn expiry(ctx: &Context<'_>, j: &Judged) -> Option<ExpiryLine> {
    let window = |expiring_soon| {
        let mut policy = ctx.policy.clone();
        policy.expiring_soon = expiring_soon;
        time::validity(&j.coop, ctx.as_of, &policy)
    };
    let days = window(law::Period::Days(90));
    let months = window(law::Period::Months(3));
    let (document, ends_on) = days.governing.clone()?;
    if !days.overall.is_in_force() {
        return None;
    }
    Some(ExpiryLine {
        cooperation: j.label.clone(),
        document: document.0,
        ends_on,
        days_left: days.days_left.unwrap_or_default(),
        within_90_days: days.overall,
        within_3_months: months.overall,
    })
}

// ------------------------------------------------------------------------------- item 6

fn cadence(ctx: &Context<'_>, j: &Judged) -> Option<CadenceLine> {
    let due = time::evaluations_due(&j.coop, ctx.as_of.year(), ctx.as_of, ctx.policy);
    let in_force_this_year = due.days_in_force > 0;
    if !in_force_this_year && due.done == 0 {
        return None;
    }
    let status = if due.done >= due.required {
        DeadlineStatus::Met
    } else if ctx.as_of > due.due_by {
        DeadlineStatus::Missed
    } else {
        DeadlineStatus::Open
    };
    Some(CadenceLine {
        cooperation: j.label.clone(),
        fiscal_year: due.fiscal_year,
        done: due.done,
        required: due.required,
        due_by: (due.required > 0).then_some(due.due_by),
        due: due.required > 0,
        status,
    })
}

// ------------------------------------------------------------------------------- item 7

fn dprd(j: &Judged) -> Vec<DprdLine> {
    let Some(spec) = j.coop.spec() else {
        return Vec::new();
    };
    let deemed: BTreeSet<KodeWilayah> = j
        .steps
        .iter()
        .filter_map(|(step, _)| match &step.command {
            Command::RecordDeemedApproval { region } => Some(*region),
            _ => None,
        })
        .collect();
    spec.region_codes()
        .into_iter()
        .map(|region| {
            let gate = j.coop.dprd_gates().get(&region);
            let (decision, reference) = match j.coop.dprd_decisions().get(&region) {
                Some(DprdDecision::Approved { reference, on }) if deemed.contains(&region) => {
                    (DprdOutcome::DeemedApproved, Some((reference.clone(), *on)))
                }
                Some(DprdDecision::Approved { reference, on }) => {
                    (DprdOutcome::Approved, Some((reference.clone(), *on)))
                }
                Some(DprdDecision::Refused { reason, on }) => {
                    (DprdOutcome::Refused, Some((reason.clone(), *on)))
                }
                _ => (DprdOutcome::None, None),
            };
            DprdLine {
                cooperation: j.label.clone(),
                region,
                burdens_community: gate.map(|g| g.burdens_community),
                burdens_region: gate.map(|g| g.burdens_region),
                not_budgeted: gate.map(|g| g.not_budgeted_in_current_apbd),
                justification: gate.map(|g| g.justification.clone()),
                approval_required: gate.map(|g| j.rules.dprd_required(g)),
                decision,
                reference,
            }
        })
        .collect()
}

// ------------------------------------------------------------------------------- item 8

fn pipeline(j: &Judged, as_of: NaiveDate) -> Option<PipelineLine> {
    let stage = j.coop.stage();
    if stage.is_terminal() || stage.pks_signed() {
        return None;
    }
    let home = j
        .coop
        .spec()
        .and_then(|s| s.region_codes().into_iter().next())?;
    let allowed = j.coop.allowed_commands(&clerk_of(home), as_of, &j.rules);
    // The way forward first (the steps that move the stage), then the records made on the way.
    let mut forward: Vec<_> = allowed.iter().filter(|a| !is_exit(a.command)).collect();
    forward.sort_by_key(|a| a.to.iter().all(|to| *to == stage));
    Some(PipelineLine {
        cooperation: j.label.clone(),
        stage,
        owner: j.coop.spec().and_then(|s| s.lead_opd.clone()),
        next_steps: forward.iter().map(|a| a.command).collect(),
        blockers: forward
            .first()
            .map(|a| a.blockers.clone())
            .unwrap_or_default(),
    })
}

// ------------------------------------------------------------------------------- item 9

fn opportunity(ctx: &Context<'_>, j: &Judged) -> Option<Opportunity> {
    let spec = j.coop.spec()?;
    let urusan: Vec<Urusan> = spec
        .object
        .urusan
        .iter()
        .copied()
        .filter(|u| ctx.options.sectors_of_interest.contains(u))
        .collect();
    if urusan.is_empty() {
        return None;
    }
    Some(Opportunity {
        cooperation: j.label.clone(),
        title: spec.title.clone(),
        urusan,
        form: if spec.kind.is_ksdpk() {
            OpportunityForm::Ksdpk
        } else {
            OpportunityForm::Ksdd
        },
        stage: j.coop.stage(),
    })
}

// ------------------------------------------------------------------------------- item 10

fn follow_up(ctx: &Context<'_>, j: &Judged, checklist: &[ChecklistRow]) -> FollowUpLine {
    let findings: Vec<Violation> = checklist
        .iter()
        .flat_map(|row| row.findings.iter().cloned())
        .collect();
    let evaluations: Vec<_> = j
        .coop
        .evaluations()
        .iter()
        .filter(|(on, _)| *on >= ctx.period_from && *on <= ctx.as_of)
        .collect();
    let problems = evaluations
        .iter()
        .flat_map(|(_, e)| {
            e.problems
                .iter()
                .map(|p| (p.problem.clone(), p.follow_up.clone()))
        })
        .collect();
    let validity = time::validity(&j.coop, ctx.as_of, ctx.policy);
    let errors = findings.iter().filter(|v| v.is_error()).count();
    let (recommendation, because) = match evaluations.last() {
        Some((on, e)) => (
            e.recommendation,
            (
                format!("rekomendasi evaluasi {}", written(*on, law::Lang::Id)),
                format!(
                    "the recommendation of the evaluation of {}",
                    written(*on, law::Lang::En)
                ),
            ),
        ),
        None if j.coop.stage() == Stage::Ended => (
            EvaluationOutcome::Terminate,
            (
                "kerja sama telah berakhir".to_owned(),
                "the cooperation has ended".to_owned(),
            ),
        ),
        None if errors > 0 => (
            EvaluationOutcome::Amend,
            (
                format!("{errors} temuan pelanggaran perlu diperbaiki"),
                format!("{errors} findings of error to remedy"),
            ),
        ),
        None if matches!(
            validity.overall,
            Validity::ExpiringSoon { .. } | Validity::Expired
        ) =>
        {
            (
                EvaluationOutcome::Extend,
                (
                    "jangka waktu segera atau telah berakhir".to_owned(),
                    "its term ends soon or has ended".to_owned(),
                ),
            )
        }
        None => (
            EvaluationOutcome::Continue,
            (
                "tidak ada temuan pelanggaran".to_owned(),
                "no finding of error".to_owned(),
            ),
        ),
    };
    let owner = j
        .coop
        .spec()
        .and_then(|s| s.lead_opd.clone())
        .unwrap_or_else(|| "Bagian Kerja Sama".to_owned());
    let mut actions = Vec::new();
    for row in checklist {
        match row.result {
            CheckResult::Error => actions.push(ActionItem {
                owner: owner.clone(),
                due_on: None,
                rule: row.rule,
                what_id: format!("perbaiki temuan {}", row.rule),
                what_en: format!("remedy the finding of {}", row.rule),
            }),
            CheckResult::Warning if row.rule == law::KSD_IMPL_03 => {
                let due = time::evaluations_due(&j.coop, ctx.as_of.year(), ctx.as_of, ctx.policy);
                let left = due.required.saturating_sub(due.done);
                actions.push(ActionItem {
                    owner: owner.clone(),
                    due_on: Some(due.due_by),
                    rule: row.rule,
                    what_id: format!("laksanakan {left} evaluasi lagi"),
                    what_en: format!("carry out {left} more evaluation(s)"),
                });
            }
            CheckResult::Warning
                if row.rule != law::KSD_IMPL_03
                    && row.rule != law::KSD_IMPL_05
                    && !row.findings.is_empty() =>
            {
                // A warning to look at: the first of its findings says what.
                let (id, en) = row.findings.first().map_or_else(Default::default, |f| {
                    (f.message(law::Lang::Id), f.message(law::Lang::En))
                });
                actions.push(ActionItem {
                    owner: owner.clone(),
                    due_on: None,
                    rule: row.rule,
                    what_id: format!("tinjau dan tindak lanjuti: {id}"),
                    what_en: format!("review and follow up: {en}"),
                });
            }
            CheckResult::Warning if row.rule == law::KSD_IMPL_05 => {
                actions.push(ActionItem {
                    owner: owner.clone(),
                    due_on: validity.governing.as_ref().map(|(_, end)| *end),
                    rule: row.rule,
                    what_id: "putuskan perpanjangan (prosedur baru) atau pengakhiran".to_owned(),
                    what_en: "decide on an extension (a new procedure) or the ending".to_owned(),
                });
            }
            _ => {}
        }
    }
    if let Some(line) = pipeline(j, ctx.as_of)
        && let Some(next) = line.next_steps.first()
    {
        let due_on = open_deadlines(ctx, &j.coop).first().map(|d| d.due_on);
        if line.blockers.is_empty() {
            actions.push(ActionItem {
                owner,
                due_on,
                rule: law::KSD_STAGE_01,
                what_id: format!("langkah berikutnya: {}", next.label_id()),
                what_en: format!("next step: {}", next.label_en()),
            });
        } else {
            // What must be met before the next step, one action per rule.
            let mut seen = BTreeSet::new();
            for blocker in line.blockers.iter().filter(|b| seen.insert(b.rule)) {
                actions.push(ActionItem {
                    owner: owner.clone(),
                    due_on,
                    rule: blocker.rule,
                    what_id: format!(
                        "sebelum {}: {}",
                        next.label_id(),
                        blocker.message(law::Lang::Id)
                    ),
                    what_en: format!(
                        "before {}: {}",
                        next.label_en(),
                        blocker.message(law::Lang::En)
                    ),
                });
            }
        }
    }
    FollowUpLine {
        cooperation: j.label.clone(),
        findings,
        problems,
        recommendation,
        because,
        actions,
    }
}

// ------------------------------------------------------------------------------- item 11

fn reporting(ctx: &Context<'_>, j: &Judged) -> Option<ReportingLine> {
    let start = j.coop.pks_effective_from()?;
    if start > ctx.as_of {
        return None;
    }
    let due = ctx.policy.reporting_schedule.as_ref().map(|schedule| {
        // Reports fall due at the end of each period in force within the period evaluated.
        let mut at = start.max(ctx.period_from);
        let mut due = 0u32;
        while let Some(next) = schedule.every.after(at, ctx.policy.month_overflow) {
            if next > ctx.as_of || next <= at || due == u32::MAX {
                break;
            }
            due += 1;
            at = next;
        }
        due
    });
    Some(ReportingLine {
        cooperation: j.label.clone(),
        due,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_apply_to_the_kinds_of_rules_md_section_4_5() {
        use KindClass as K;
        assert!(applies(law::KSD_KIND_07, K::KsddWajib, false));
        assert!(!applies(law::KSD_KIND_07, K::KsddSukarela, false));
        assert!(applies(law::KSD_PK_05, K::KsdpkThirdParty, false));
        assert!(!applies(law::KSD_PK_05, K::KsdpkRegion, false));
        assert!(applies(law::KSD_DOC_02, K::KsdpkRegion, false));
        assert!(!applies(law::KSD_DOC_02, K::KsddSukarela, false));
        assert!(applies(law::KSD_ENF_01, K::KsddWajib, false));
        assert!(!applies(law::KSD_ENF_01, K::KsddSukarela, false));
        assert!(applies(law::KSD_STAGE_01, K::KsdpkRegion, false));
        // The legacy set is judged by its own rules and the transition rules only.
        assert!(!applies(law::KSD_STAGE_01, K::KsddUncategorised, true));
        assert!(applies(law::KSD_TRANS_01, K::KsddUncategorised, true));
        assert!(applies(law::LEG_TERM_01, K::KsddUncategorised, true));
        assert!(!applies(law::LEG_TERM_01, K::KsddSukarela, false));
    }
}
