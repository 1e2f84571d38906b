//! The regulation as data: citations, rule ids, the rule catalogue, rule sets and policy.

mod citation;
mod ids;
mod lang;
mod policy;
mod policy_values;
mod rule;
pub mod rules;
mod ruleset;
mod settings;

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
    CURRENT_V1_DEFAULT_POLICY, CURRENT_V3_DEFAULT_POLICY, PP28_IN_FORCE, PP50_IN_FORCE, RuleSet,
    RuleSetError, RuleSetId, RuleSetRef, RuleSetRegistry, RuleSetVersion,
};
pub use settings::{
    AffairsMappingReport, AmendmentMode, CoordinationConvenor, DprdSilence, Enforcement,
    EvaluationScope, ExtensionMode, ReportingSchedule, SPECIAL_AUTONOMY_PROVINCES,
    SecretariatRuleSukarela, SpecialAutonomyOverride, TakeoverTrigger, ThirdPartySelection,
    UnilateralTermination, WajibRefusalPolicy,
};
