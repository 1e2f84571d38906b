//! Guards: the checks behind the rule ids a table row lists, and input validation.
//!
//! `evaluate` runs the check of every rule the row names and returns every violation, so a
//! refusal lists all that is wrong, not only the first thing.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::law::*;
use crate::model::{Actor, Document, KodeWilayah, KsdpkType, Party, PartyId, Term};

use super::checks;
use super::command::{Command, CommandKind, CooperationSpec};
use super::cooperation::{Cooperation, DprdDecision};
use super::finding::Finding;
use super::table::Transition;
use super::violation::{Rejection, Violation};

/// What a guard sees. `command` is `None` when only the state is checked (for
/// `allowed_commands`): checks of a command's own data then pass. `kind` is always the
/// command of the row being checked, so that a check can tell which step it guards even
/// without the command's data.
pub(crate) struct Ctx<'a> {
    pub(crate) coop: &'a Cooperation,
    pub(crate) spec: &'a CooperationSpec,
    pub(crate) command: Option<&'a Command>,
    /// The kind of the row checked: known even when `command` is not, so that a check which
    /// depends on what is asked (submitting to the DPRD or drafting the PKS) gives
    /// `allowed_commands` the same answer as `decide`.
    pub(crate) kind: CommandKind,
    pub(crate) actor: &'a Actor,
    pub(crate) date: NaiveDate,
    pub(crate) rules: &'a RuleSet,
}

impl Ctx<'_> {
    pub(crate) fn policy(&self) -> &Policy {
        &self.rules.policy
    }

    pub(crate) fn is_ksdpk(&self) -> bool {
        self.spec.kind.is_ksdpk()
    }
}

/// Rules whose PP 28/2018 stage checks are advisory for KSDPK types (b)–(d), which follow
/// their sectoral regimes (KSD-PK-03, Pasal 15 ayat (2)–(4)).
const ADVISORY_FOR_SECTORAL: &[RuleId] = &[KSD_PK_04, KSD_DOC_02];

/// Runs the check of every guard of `row`, plus the rule-set applicability check.
pub(crate) fn evaluate(row: &Transition, ctx: &Ctx<'_>) -> Vec<Violation> {
    let mut violations = Vec::new();
    violations.extend(regime_applies(ctx));
    for &rule in row.guards {
        checks::run(rule, ctx, &mut violations);
    }
    if ctx.rules.version() >= 3 {
        special_autonomy(ctx, &mut violations);
    }
    let sectoral = matches!(
        ctx.spec.kind.ksdpk_type(),
        Some(t) if t != KsdpkType::PublicService
    );
    if sectoral {
        for violation in &mut violations {
            if ADVISORY_FOR_SECTORAL.contains(&violation.rule) {
                violation.severity = Severity::Warning;
                violation.advisory_under = Some(KSD_PK_03);
            }
        }
    }
    violations
}

/// KSD-TRANS-01: the regime of PP 28/2018 governs agreements signed from 13 July 2018.
/// Versions 1 and 2 keyed on the date of the command; from version 3 on, on the date a KB or
/// PKS is signed (Pasal 48: contracts signed before stay under the old regime).
fn regime_applies(ctx: &Ctx<'_>) -> Option<Violation> {
    let effective_from = ctx.rules.effective_from;
    let (date, field) = if !ctx.rules.is_legacy() && ctx.rules.version() >= 3 {
        match ctx.command {
            Some(Command::SignKb { document } | Command::SignPks { document }) => {
                (document.signed_on, "document.signed_on")
            }
            _ => return None,
        }
    } else {
        (ctx.date, "occurred_on")
    };
    (date < effective_from).then(|| {
        let finding = if ctx.rules.is_legacy() {
            Finding::BeforeLegacyRegime {
                date,
                effective_from,
            }
        } else {
            Finding::BeforeRegime {
                date,
                effective_from,
            }
        };
        Violation::error(KSD_TRANS_01, finding).at(field)
    })
}

/// KSD-KIND-05 (Pasal 47): where a special-autonomy law provides otherwise for a rule, and
/// every region party lies in that province, the rule's findings are advice only.
fn special_autonomy(ctx: &Ctx<'_>, violations: &mut [Violation]) {
    let regions = ctx.spec.region_codes();
    if regions.is_empty() {
        return;
    }
    for entry in &ctx.policy().special_autonomy_overrides {
        let special = SPECIAL_AUTONOMY_PROVINCES.contains(&entry.province.province_number());
        let all_inside = regions.iter().all(|r| r.province() == entry.province);
        if !special || !all_inside {
            continue;
        }
        for violation in violations.iter_mut() {
            if entry.rules.contains(&violation.rule) && violation.rule != KSD_KIND_05 {
                violation.severity = Severity::Warning;
                violation.advisory_under = Some(KSD_KIND_05);
            }
        }
    }
}

/// The partners of an offer: every party but the initiator.
pub(crate) fn partners(spec: &CooperationSpec) -> Vec<PartyId> {
    spec.parties
        .iter()
        .filter_map(Party::id)
        .filter(|id| *id != spec.initiator)
        .collect()
}

/// Region parties whose DPRD gate is true under the rule set (and its policy) and that have
/// no approval yet, not counting `deciding` (the region deciding now).
pub(crate) fn dprd_pending(ctx: &Ctx<'_>, deciding: Option<KodeWilayah>) -> Vec<KodeWilayah> {
    ctx.spec
        .region_codes()
        .into_iter()
        .filter(|code| Some(*code) != deciding)
        .filter(|code| {
            ctx.coop
                .current_gates()
                .get(code)
                .is_some_and(|gate| ctx.rules.dprd_required(gate))
        })
        .filter(|code| {
            !matches!(
                ctx.coop.current_decisions().get(code),
                Some(DprdDecision::Approved { .. })
            )
        })
        .collect()
}

/// The ids of the parties, as a set: input naming many parties is checked against it in
/// constant time per name ([`CooperationSpec::has_party`] scans the parties).
fn party_set(spec: &CooperationSpec) -> HashSet<PartyId> {
    spec.parties.iter().filter_map(Party::id).collect()
}

fn invalid(
    field: impl Into<String>,
    message: impl Into<String>,
    rule: Option<RuleId>,
) -> Rejection {
    Rejection::InvalidInput {
        field: field.into(),
        message: message.into(),
        rule,
    }
}

/// Longest term a cooperation may reasonably state; anything beyond is a typo, not a policy
/// question (the longest real deals run 25–30 years).
const ABSURD_TERM_YEARS: u16 = 100;

fn validate_term(field: &str, term: &Term) -> Result<(), Rejection> {
    if term.ends_on < term.starts_on {
        return Err(invalid(
            field,
            format!("ends {} before it starts {}", term.ends_on, term.starts_on),
            None,
        ));
    }
    if term.exceeds_years(ABSURD_TERM_YEARS) {
        return Err(invalid(
            field,
            format!("a term of more than {ABSURD_TERM_YEARS} years is not plausible"),
            None,
        ));
    }
    Ok(())
}

pub(crate) fn validate_document(
    coop: &Cooperation,
    spec: &CooperationSpec,
    doc: &Document,
    date: NaiveDate,
) -> Result<(), Rejection> {
    if doc.signed_on > date {
        return Err(invalid(
            "document.signed_on",
            format!("signed {} after the command's date {date}", doc.signed_on),
            None,
        ));
    }
    if let Some(last) = coop.last_date()
        && doc.signed_on < last
    {
        return Err(invalid(
            "document.signed_on",
            format!(
                "signed {} before the step it follows ({last})",
                doc.signed_on
            ),
            None,
        ));
    }
    if let Some(term) = &doc.term {
        validate_term("document.term", term)?;
    }
    let parties = party_set(spec);
    for (i, signatory) in doc.signatories.iter().enumerate() {
        if !parties.contains(&signatory.party) {
            return Err(invalid(
                format!("document.signatories[{i}].party"),
                format!("{} is not a party", signatory.party),
                None,
            ));
        }
        if let Some(kuasa) = &signatory.surat_kuasa
            && kuasa.date > doc.signed_on
        {
            return Err(invalid(
                format!("document.signatories[{i}].surat_kuasa.date"),
                format!(
                    "surat kuasa dated {} after the signing {}",
                    kuasa.date, doc.signed_on
                ),
                Some(KSD_KIND_03),
            ));
        }
    }
    for (i, number) in doc.numbers.iter().enumerate() {
        if !parties.contains(&number.party) {
            return Err(invalid(
                format!("document.numbers[{i}].party"),
                format!("{} is not a party", number.party),
                Some(KSD_DOC_08),
            ));
        }
    }
    Ok(())
}

fn validate_spec(spec: &CooperationSpec) -> Result<(), Rejection> {
    // A set of the parties seen so far: a party listed twice is found in one pass, and the
    // initiator and funders are looked up in it (linear in the parties, where comparing each
    // party with every earlier one took 7.7 s for 50 000 third parties, issue 10).
    let mut ids: HashSet<PartyId> = HashSet::with_capacity(spec.parties.len());
    for (i, party) in spec.parties.iter().enumerate() {
        if let Some(id) = party.id()
            && !ids.insert(id)
        {
            return Err(invalid(
                format!("parties[{i}]"),
                "party listed twice (pihak ganda)",
                None,
            ));
        }
    }
    let has_party = |party: &PartyId| ids.contains(party);
    if spec.parties.is_empty() {
        return Err(invalid(
            "parties",
            "no party (tidak ada pihak)",
            Some(KSD_KIND_08),
        ));
    }
    if !has_party(&spec.initiator) {
        return Err(invalid(
            "initiator",
            format!("{} is not a party", spec.initiator),
            None,
        ));
    }
    for (i, funding) in spec.funding.iter().enumerate() {
        if !has_party(&funding.party) {
            return Err(invalid(
                format!("funding[{i}].party"),
                format!("{} is not a party", funding.party),
                None,
            ));
        }
    }
    if spec.title.trim().is_empty() {
        return Err(invalid("title", "empty title", None));
    }
    if let Some(years) = spec.proposed_term_years
        && (years == 0 || years > ABSURD_TERM_YEARS)
    {
        return Err(invalid(
            "proposed_term_years",
            format!("{years} years is not a plausible term"),
            None,
        ));
    }
    Ok(())
}

/// Checks that the command's data is well-formed and consistent with the parties. Rule
/// questions are left to the guards; this rejects what no rule could accept.
pub(crate) fn validate_input(
    coop: &Cooperation,
    spec: &CooperationSpec,
    command: &Command,
    date: NaiveDate,
) -> Result<(), Rejection> {
    let region_party = |code: &KodeWilayah| spec.region_codes().contains(code);
    let gate_rule = if spec.kind.is_ksdpk() {
        KSD_DPRD_02
    } else {
        KSD_DPRD_01
    };
    match command {
        Command::Register { spec } => validate_spec(spec),
        Command::SignHeadsAgreement { document }
        | Command::SignKb { document }
        | Command::SignPks { document }
        | Command::SignAddendum { document } => validate_document(coop, spec, document, date),
        Command::AssessDprdGate { region, .. } if !region_party(region) => Err(invalid(
            "region",
            format!("{region} is not a region party: only region parties have a DPRD gate"),
            Some(gate_rule),
        )),
        Command::FileMapping { mapping } if !region_party(&mapping.region) => Err(invalid(
            "mapping.region",
            format!("{} is not a region party", mapping.region),
            None,
        )),
        Command::TakeOver { takeover } if !region_party(&takeover.defaulting_region) => {
            Err(invalid(
                "takeover.defaulting_region",
                format!("{} is not a region party", takeover.defaulting_region),
                Some(crate::law::KSD_ENF_01),
            ))
        }
        Command::RecordLeadershipChange { party, .. } if !spec.has_party(party) => Err(invalid(
            "party",
            format!("{party} is not a party"),
            Some(KSD_TERM_03),
        )),
        Command::ReceiveProposal { study, .. } | Command::SubmitFeasibilityStudy { study }
            if study.completed_on > date =>
        {
            Err(invalid(
                "study.completed_on",
                format!(
                    "completed {} after the command's date {date}",
                    study.completed_on
                ),
                None,
            ))
        }
        Command::RecordEvaluation { evaluation } => {
            validate_evaluation(coop, spec, evaluation, date)
        }
        Command::Terminate {
            grounds,
            consents,
            evidence,
            notice,
        } => validate_ending(spec, grounds, consents, evidence, notice.as_ref(), date),
        _ => super::legacy::validate_input(coop, spec, command, date),
    }
}

/// Dates and values of an evaluation that no rule could accept (issue "Time", bad input).
fn validate_evaluation(
    coop: &Cooperation,
    spec: &CooperationSpec,
    evaluation: &crate::model::Evaluation,
    date: NaiveDate,
) -> Result<(), Rejection> {
    let rule = Some(KSD_IMPL_06);
    if evaluation.period_to < evaluation.period_from {
        return Err(invalid(
            "evaluation.period_to",
            "the period ends before it starts",
            rule,
        ));
    }
    if evaluation.period_to > date {
        return Err(invalid(
            "evaluation.period_to",
            format!("the period ends after the evaluation's date {date}"),
            rule,
        ));
    }
    let start = coop.pks_effective_from();
    if let Some(start) = start {
        if date < start {
            return Err(invalid(
                "occurred_on",
                format!("evaluation dated {date}, before entry into force on {start}"),
                rule,
            ));
        }
        if evaluation.period_from < start {
            return Err(invalid(
                "evaluation.period_from",
                format!("the period starts before entry into force on {start}"),
                rule,
            ));
        }
    }
    if let Some(end) = coop.governing_end()
        && date > end
    {
        return Err(invalid(
            "occurred_on",
            format!("evaluation dated {date}, after the end of the term on {end}"),
            rule,
        ));
    }
    let parties = party_set(spec);
    for (i, compliance) in evaluation.compliance.iter().enumerate() {
        if !parties.contains(&compliance.party) {
            return Err(invalid(
                format!("evaluation.compliance[{i}].party"),
                format!("{} is not a party", compliance.party),
                rule,
            ));
        }
    }
    for (i, criterion) in evaluation.criteria.iter().enumerate() {
        if criterion.weight > 100 || criterion.score > 100 {
            return Err(invalid(
                format!("evaluation.criteria[{i}]"),
                "weight and score are 0–100",
                rule,
            ));
        }
    }
    Ok(())
}

/// The records of an ending: a ground (or a notice), and consents, evidence and notice that
/// name parties of the cooperation and are dated on or before the ending.
fn validate_ending(
    spec: &CooperationSpec,
    grounds: &[super::EndGround],
    consents: &[crate::model::Consent],
    evidence: &[super::GroundEvidence],
    notice: Option<&crate::model::WrittenNotice>,
    date: NaiveDate,
) -> Result<(), Rejection> {
    let rule = Some(KSD_TERM_01);
    if grounds.is_empty() && notice.is_none() {
        return Err(invalid(
            "grounds",
            "at least one ground is required (dasar berakhir wajib ada)",
            rule,
        ));
    }
    let parties = party_set(spec);
    let mut consented: HashSet<&PartyId> = HashSet::with_capacity(consents.len());
    for (i, consent) in consents.iter().enumerate() {
        if !parties.contains(&consent.party) {
            return Err(invalid(
                format!("consents[{i}].party"),
                format!("{} is not a party: only the parties consent", consent.party),
                rule,
            ));
        }
        if !consented.insert(&consent.party) {
            return Err(invalid(
                format!("consents[{i}].party"),
                format!("{} consents twice", consent.party),
                rule,
            ));
        }
        if consent.on > date {
            return Err(invalid(
                format!("consents[{i}].on"),
                format!("consent dated {} after the ending on {date}", consent.on),
                rule,
            ));
        }
    }
    for (i, proof) in evidence.iter().enumerate() {
        if !grounds.contains(&proof.ground) {
            return Err(invalid(
                format!("evidence[{i}].ground"),
                format!(
                    "evidence of \"{}\", which is not a ground given",
                    super::finding::ground_labels(proof.ground).1
                ),
                rule,
            ));
        }
        if proof.evidence.on > date {
            return Err(invalid(
                format!("evidence[{i}].evidence.on"),
                format!(
                    "evidence dated {} after the ending on {date}",
                    proof.evidence.on
                ),
                rule,
            ));
        }
    }
    if let Some(notice) = notice {
        if !spec.has_party(&notice.party) {
            return Err(invalid(
                "notice.party",
                format!("{} is not a party", notice.party),
                Some(KSD_TERM_09),
            ));
        }
        if notice.given_on > date {
            return Err(invalid(
                "notice.given_on",
                format!(
                    "notice given {} after the ending on {date}",
                    notice.given_on
                ),
                Some(KSD_TERM_09),
            ));
        }
    }
    Ok(())
}
