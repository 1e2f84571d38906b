//! The check behind each rule id, as an explicit map from rule id to check function, split
//! by the sections of RULES.md.
//!
//! A table row lists the rule ids it checks ([`super::Transition::guards`]); [`run`] looks
//! each up here. A rule a row lists with no check here, or whose check can never refuse or
//! warn on that row, is a defect that a test catches (`tests/guards.rs`).
//!
//! A check that would change an outcome is added with the rule-set version it starts in
//! (`since`): a log decided under an older version replays without it.

use crate::law::*;

use super::finding::Finding;
use super::guard::Ctx;
use super::violation::Violation;

mod documents;
mod dprd;
mod enforcement;
mod kinds;
mod legacy;
mod legacy_dprd;
mod regions;
mod stages;
mod termination;
mod third_party;
mod wajib;

/// Every violation a check found.
pub(crate) type Found = Vec<Violation>;

/// One check: the rule it enforces, the first rule-set version it applies in, the function.
pub(crate) struct Check {
    pub(crate) rule: RuleId,
    pub(crate) since: u32,
    pub(crate) until: u32,
    pub(crate) run: fn(&Ctx<'_>) -> Found,
}

const fn check(rule: RuleId, run: fn(&Ctx<'_>) -> Found) -> Check {
    Check {
        rule,
        since: 1,
        until: u32::MAX,
        run,
    }
}

/// A check from rule-set version `since` on.
const fn check_since(rule: RuleId, since: u32, run: fn(&Ctx<'_>) -> Found) -> Check {
    Check {
        rule,
        since,
        until: u32::MAX,
        run,
    }
}

/// A check up to rule-set version `until` (a later version replaced it).
const fn check_until(rule: RuleId, until: u32, run: fn(&Ctx<'_>) -> Found) -> Check {
    Check {
        rule,
        since: 1,
        until,
        run,
    }
}

/// The map. Several checks may enforce one rule; they all run.
static CHECKS: &[Check] = &[
    // §3 kinds and objects
    check(KSD_KIND_01, kinds::foreign_out_of_scope),
    check(KSD_KIND_02, kinds::offer_for_initiator),
    check_until(KSD_KIND_02, 2, kinds::offer_signed_by_head),
    check(KSD_KIND_02, kinds::heads_agreement_by_heads),
    check(KSD_KIND_04, kinds::no_central_agency),
    check_since(KSD_KIND_05, 3, kinds::special_autonomy),
    check(KSD_KIND_06, kinds::ksdd_category),
    check(KSD_KIND_07, kinds::wajib_borders),
    check(KSD_KIND_08, kinds::sukarela_regions),
    check(KSD_KIND_09, kinds::wajib_pairings),
    check(KSD_OBJ_01, kinds::object_is_affair),
    check(KSD_OBJ_02, kinds::plan_reference),
    check(KSD_OBJ_03, kinds::off_plan_reason),
    check(KSD_OBJ_04, kinds::lawfulness_attested),
    // §3.4 third parties
    check(KSD_PK_01, third_party::parties),
    check(KSD_PK_02, third_party::other_type_described),
    check(KSD_PK_03, third_party::sectoral_regime),
    check(KSD_PK_04, third_party::region_initiative),
    check(KSD_PK_05, third_party::initiative_criteria),
    check(KSD_PK_06, third_party::third_party_study),
    check_since(KSD_PK_07, 3, third_party::results_to_treasury),
    // §4.2 kerja sama wajib pre-stages
    check(KSD_WAJIB_01, wajib::mappings_filed),
    check_since(KSD_WAJIB_01, 2, wajib::mapping_content),
    check(KSD_WAJIB_02, wajib::coordination_level),
    check(KSD_WAJIB_03, wajib::heads_agreement),
    // §4 stages
    check(KSD_STAGE_01, stages::entry_into_force),
    check_since(KSD_STAGE_01, 3, stages::later_pks_drafted),
    check(KSD_STAGE_04, stages::tkksd_review),
    check(KSD_STAGE_05, stages::pks_without_kb),
    check_since(KSD_STAGE_08, 3, stages::offer_letter_signatory),
    // §5 DPRD
    check(KSD_DPRD_01, dprd::gate_ksdd),
    check(KSD_DPRD_02, dprd::gate_ksdpk),
    check(KSD_DPRD_03, dprd::after_kb),
    check_since(KSD_DPRD_01, 3, dprd::later_round),
    // §6 documents
    check(KSD_DOC_01, documents::kb_and_pks),
    check_since(KSD_DOC_01, 3, documents::kb_revision_linked),
    check(KSD_DOC_02, documents::ksdpk_minimum_clauses),
    check(KSD_DOC_03, documents::ksdd_required_clauses),
    check_since(KSD_DOC_03, 3, documents::kb_required_clauses),
    check(KSD_DOC_07, documents::signatories),
    check(KSD_KIND_03, documents::delegation),
    check_since(KSD_KIND_03, 3, documents::kuasa_grantor_and_holder),
    // §7–§8 duration, ending, evaluation
    check(KSD_TERM_01, termination::grounds),
    check(KSD_TERM_02, termination::ksdpk_only_grounds),
    check_since(KSD_TERM_01, 3, termination::consents_and_evidence),
    check_since(KSD_TERM_09, 3, termination::unilateral_notice),
    check_since(KSD_TERM_03, 2, termination::leadership_change),
    check(KSD_TERM_05, termination::max_term),
    check(KSD_TERM_06, termination::extension),
    check(KSD_TERM_08, termination::addendum),
    check(KSD_IMPL_06, termination::evaluation_record),
    // §9–§10 wajib enforcement and disputes
    check(KSD_ENF_01, enforcement::province_to_centre),
    check(KSD_ENF_02, enforcement::kab_kota_to_governor),
    check(KSD_ENF_03, enforcement::central_preconditions),
    check(KSD_ENF_04, enforcement::governor_preconditions),
    check_since(KSD_ENF_03, 3, enforcement::central_records_in_order),
    check_since(KSD_ENF_04, 3, enforcement::governor_records_in_order),
    check_since(KSD_ENF_05, 3, enforcement::costs_charged),
    check_since(KSD_ENF_07, 3, enforcement::apbn_aid_wajib_only),
    check(KSD_ENF_08, enforcement::secretariat),
    check(KSD_DISP_01, enforcement::ksdd_dispute),
    check(KSD_DISP_02, enforcement::ksdpk_dispute),
    // §11 the legacy rule set (PP 50/2007, Permendagri 22/2009), listed by the rows of
    // `table_legacy.rs`; the KSD-TRANS checks act under the legacy set only.
    check(KSD_TRANS_01, legacy::transition),
    check(KSD_TRANS_03, legacy::central_contract),
    check(LEG_DPRD_01, legacy_dprd::gate),
    check(LEG_DPRD_02, legacy_dprd::timetable),
    check(LEG_DPRD_03, legacy_dprd::copies),
    check(LEG_DOC_01, legacy::minimum_content),
    check(LEG_DOC_02, legacy::offer_plan),
    check(LEG_DISP_01, legacy::dispute_forum),
    check(LEG_AMD_01, legacy::amendment),
    check(LEG_TERM_01, legacy::grounds),
    check(LEG_TERM_02, legacy::early_termination),
    check(LEG_INST_01, legacy::cooperation_body),
    // The current set refuses the grounds only the legacy set knows (KSD-TERM-01). The
    // variants are new: no stored outcome can change, hence from version 1.
    check_since(KSD_TERM_01, 1, legacy::current_refuses_legacy_grounds),
];

/// Runs every check of `rule` that applies under the rule-set version of `ctx`, adding to
/// `found` one violation per field and kind of finding, listing the first
/// [`LISTED_FINDINGS`] of a kind and counting the rest (a large input gives a bounded
/// answer, issue 10).
///
/// [`LISTED_FINDINGS`]: super::violation::LISTED_FINDINGS
pub(crate) fn run(rule: RuleId, ctx: &Ctx<'_>, found: &mut Found) {
    let version = ctx.rules.version();
    let mut of_rule = Found::new();
    for check in checks_of(rule) {
        if check.since <= version && version <= check.until {
            of_rule.extend((check.run)(ctx));
        }
    }
    if !of_rule.is_empty() {
        found.extend(super::violation::one_per_field(of_rule));
    }
}

/// The checks of `rule`, in the order of [`CHECKS`]: looked up, not searched for, as every
/// guard of every decision asks (a scan of the map compared every rule id's text).
fn checks_of(rule: RuleId) -> &'static [&'static Check] {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<RuleId, Vec<&'static Check>>> =
        std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            let mut index: std::collections::HashMap<RuleId, Vec<&'static Check>> =
                std::collections::HashMap::new();
            for check in CHECKS {
                index.entry(check.rule).or_default().push(check);
            }
            index
        })
        .get(&rule)
        .map_or(&[], Vec::as_slice)
}

/// Whether some check enforces `rule` under `version`.
#[cfg(test)]
fn has_check(rule: RuleId, version: u32) -> bool {
    CHECKS
        .iter()
        .any(|c| c.rule == rule && c.since <= version && version <= c.until)
}

/// The parties among `signatories`, as a set: checking that each of `n` parties signed
/// is then linear, not `n` scans of the signatories.
fn signers(
    signatories: &[crate::model::Signatory],
) -> std::collections::HashSet<&crate::model::PartyId> {
    signatories.iter().map(|s| &s.party).collect()
}

/// An error of `rule`.
fn err(rule: RuleId, finding: Finding) -> Violation {
    Violation::error(rule, finding)
}

/// A violation of `rule` at the severity the policy gives it, if any.
fn with_severity(rule: RuleId, severity: Option<Severity>, finding: Finding) -> Option<Violation> {
    severity.map(|s| Violation::new(rule, s, finding))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::RuleSetRegistry;
    use crate::lifecycle::{legacy_transitions, transitions};

    /// Every rule id a row lists as a guard has a check in the map (that it can refuse or
    /// warn on that very row is proved by `tests/guards.rs`), in the current table and in the
    /// legacy one.
    #[test]
    fn every_guard_of_every_row_has_a_check() {
        let registry = RuleSetRegistry::standard();
        let latest = registry.latest_current().reference.version;
        let legacy = registry
            .latest(crate::law::RuleSetId::Pp50_2007)
            .map_or(1, |v| v.reference.version);
        let rows = transitions()
            .iter()
            .map(|row| (row, latest))
            .chain(legacy_transitions().iter().map(|row| (row, legacy)));
        for (row, version) in rows {
            for rule in row.guards {
                assert!(
                    has_check(*rule, version),
                    "{:?} --{:?}--> lists {rule} but no check enforces it",
                    row.from,
                    row.command
                );
            }
        }
    }

    /// Every check enforces a rule some row lists, of the current table or of the legacy
    /// one: no check is dead code.
    #[test]
    fn every_check_guards_some_row() {
        for check in CHECKS {
            assert!(
                transitions()
                    .iter()
                    .chain(legacy_transitions())
                    .any(|row| row.guards.contains(&check.rule)),
                "{} has a check but no row lists it",
                check.rule
            );
        }
    }
}
