//! Configurable policy: every `[SECONDARY]` value with its RULES.md default and source.
//!
//! Where PP 28/2018 is silent or practice differs, the library does not guess: the value is a
//! field here, its default is the one RULES.md documents, and the rule id says where it comes
//! from. A regional overlay (a Perda's stricter parameters) is a different `Policy`.

use serde::{Deserialize, Serialize};

use crate::model::{Clause, KsdpkType, Urusan, WajibPairing};

/// Severity of a violated rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
#[serde(deny_unknown_fields)]
pub struct SectorTermOverride {
    /// The sector.
    pub sector: TermSector,
    /// Its maximum term in years.
    pub max_years: u16,
}

/// Every `[SECONDARY]` value of the current rule set, with the RULES.md defaults.
///
/// ```
/// use kerjasama::law::{Policy, KbSignatoryPolicy};
/// let policy = Policy::default();
/// assert_eq!(policy.max_term_years, Some(5));
/// assert_eq!(policy.kb_signatory_policy, KbSignatoryPolicy::Warn);
/// // `Policy` is `#[non_exhaustive]`: start from the default and change fields.
/// let mut strict = Policy::default();
/// strict.kb_signatory_policy = KbSignatoryPolicy::Error;
/// assert_ne!(strict, policy);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
}

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
        }
    }
}

impl Policy {
    /// Whether the DPRD gate of KSD-DPRD-01 is true for one region party, under
    /// `burden_reading` (the truth table of RULES.md §5).
    ///
    /// ```
    /// use kerjasama::law::{BurdenReading, Policy};
    /// use kerjasama::model::DprdGate;
    /// let gate = DprdGate { burdens_community: true, burdens_region: false,
    ///                       not_budgeted_in_current_apbd: false, justification: String::new() };
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
