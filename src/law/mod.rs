//! The regulation as data: citations, rule ids, the rule catalogue, rule sets and policy.

mod citation;
mod ids;
mod policy;
mod rule;
pub mod rules;
mod ruleset;

pub use citation::{Citation, Instrument, Locator};
pub use ids::*;
pub use policy::{
    BurdenReading, KbSignatoryPolicy, MonthOverflow, OnDprdRefusal, Period, Policy,
    SectorTermOverride, Severity, SlaStage, StageSla, TermSector, TkksdReviewPolicy,
    WajibBorderRule, add_months,
};
pub use rule::{Provenance, Rule, RuleId, UnknownRuleId};
pub use ruleset::{RuleSet, RuleSetId, RuleSetRef};
