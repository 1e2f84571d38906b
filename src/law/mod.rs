//! The regulation as data: citations, rule ids, the rule catalogue, rule sets and policy.

mod citation;
mod ids;
mod rule;
pub mod rules;

pub use citation::{Citation, Instrument, Locator};
pub use ids::*;
pub use rule::{Provenance, Rule, RuleId, UnknownRuleId};
