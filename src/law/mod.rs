//! The regulation as data: citations, rule ids, the rule catalogue, rule sets and policy.

mod citation;
mod ids;
mod lang;
mod policy;
mod policy_values;
mod rule;
pub mod rules;
mod ruleset;

pub(crate) use citation::Loc;
pub use citation::{Citation, Instrument, Locator};
pub use ids::*;
pub use lang::{Lang, UnknownLang};
pub use policy::{
    BurdenReading, KbSignatoryPolicy, MonthOverflow, OnDprdRefusal, Period, Policy,
    SectorTermOverride, Severity, SlaStage, StageSla, TermSector, TkksdReviewPolicy,
    WajibBorderRule, add_months,
};
pub use policy_values::{PolicyValues, PolicyValuesError};
pub use rule::{Provenance, Rule, RuleId, UnknownRuleId};
pub use ruleset::{
    PP28_IN_FORCE, PP50_IN_FORCE, RuleSet, RuleSetError, RuleSetId, RuleSetRef, RuleSetRegistry,
    RuleSetVersion,
};
