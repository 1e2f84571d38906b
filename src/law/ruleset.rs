//! Rule sets: which rules and which policy are in force for a decision.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::policy::Policy;

/// Which regime a rule set implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleSetId {
    /// PP 28/2018 with Permendagri 22/2020 practice defaults (KSD-* rules).
    Current,
}

impl fmt::Display for RuleSetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RuleSetId::Current => "current (PP 28/2018 + Permendagri 22/2020)",
        })
    }
}

/// The identity of a rule set that a decision records: id and version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSetRef {
    /// Which regime.
    pub id: RuleSetId,
    /// Version of this crate's encoding of it; bumped whenever a guard changes meaning.
    pub version: u32,
}

/// A rule set in force: the regime, its version, from when it applies, and the policy values.
///
/// ```
/// use kerjasama::law::RuleSet;
/// let rules = RuleSet::current();
/// assert_eq!(rules.effective_from.to_string(), "2018-07-13"); // PP 28/2018 Pasal 52
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Id and version.
    #[serde(flatten)]
    pub reference: RuleSetRef,
    /// First day it applies (KSD-TRANS-01: PP 28/2018 in force 13 July 2018).
    pub effective_from: NaiveDate,
    /// The `[SECONDARY]` values in force.
    pub policy: Policy,
}

impl RuleSet {
    /// The current rule set with the default policy.
    pub fn current() -> Self {
        Self::current_with(Policy::default())
    }

    /// The current rule set with a caller's policy (e.g. a regional overlay).
    pub fn current_with(policy: Policy) -> Self {
        RuleSet {
            reference: RuleSetRef {
                id: RuleSetId::Current,
                version: 1,
            },
            // 13 July 2018 is a valid date; `from_ymd_opt` is only `None` for invalid dates.
            effective_from: NaiveDate::from_ymd_opt(2018, 7, 13).unwrap_or_default(),
            policy,
        }
    }
}
