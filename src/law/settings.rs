//! The value types of the policy settings that PP 28/2018 leaves open (the `[SECONDARY]`
//! rules and the open questions of RULES.md §14). Each has the default RULES.md documents;
//! where practice gives no alternative, the type has the documented value only and is
//! `#[non_exhaustive]`, so that a region's practice can be added later as a new variant.

use serde::{Deserialize, Serialize};

use crate::model::{KodeWilayah, Role};

use super::policy::Period;
use super::rule::RuleId;

/// How a finding of a practice rule weighs: not at all, as a warning, or as an error.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Enforcement {
    /// Not reported.
    Allow,
    /// Reported and recorded with the step (default).
    #[default]
    Warn,
    /// Blocks the step.
    Error,
}

impl Enforcement {
    /// The severity of a finding under this enforcement, if it is reported.
    pub fn severity(self) -> Option<super::Severity> {
        match self {
            Enforcement::Allow => None,
            Enforcement::Error => Some(super::Severity::Error),
            _ => Some(super::Severity::Warning),
        }
    }
}

/// What a refusal, withdrawal, rejected offer or DPRD refusal does to a *kerja sama wajib*
/// (RULES.md Q21).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WajibRefusalPolicy {
    /// Default: the cooperation is obligatory (PP 28/2018 Pasal 3 ayat (2)) and Pasal 10 gives
    /// the cure for not carrying it out, so it stalls in a stage from which guidance, the
    /// evaluation of the obstacles and the takeover (KSD-ENF-01..04) remain possible.
    #[default]
    StallsTowardTakeover,
    /// For regions whose practice differs: the exit ends the cooperation as for sukarela.
    EndsCooperation,
}

/// Whether one party may end the cooperation early on written notice (KSD-TERM-09, Q9).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "UnilateralTermination")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum UnilateralTermination {
    /// Default: PP 28/2018 has no unilateral termination (KSD-TERM-04); a cooperation ends
    /// only on a ground of Pasal 9 ayat (1) (or Pasal 22 ayat (2)) or by expiry.
    #[default]
    NotSupported,
    /// The legacy analogy (LEG-TERM-02): written notice to the other parties, given at least
    /// `notice_days` calendar days before the end; the requesting party bears the risks.
    WrittenNotice {
        /// Days between the notice and the end.
        notice_days: u32,
    },
}
crate::serde_shape::map_shaped!(UnilateralTermination);

/// How a third party is chosen among competitors for a type (a) KSDPK (KSD-PK-08, Q18).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ThirdPartySelection")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ThirdPartySelection {
    /// Default: not known; nothing is checked.
    #[default]
    Unspecified,
    /// The method a region's own rules declare, recorded as text.
    Declared {
        /// The method.
        method: String,
    },
}
crate::serde_shape::map_shaped!(ThirdPartySelection);

/// Who convenes technical coordination at each level (KSD-WAJIB-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CoordinationConvenor")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct CoordinationConvenor {
    /// Provincial level. Default: the governor.
    pub provincial: Role,
    /// National level. Default: the Minister (Kemendagri).
    pub national: Role,
}
crate::serde_shape::map_shaped!(CoordinationConvenor);

impl Default for CoordinationConvenor {
    fn default() -> Self {
        CoordinationConvenor {
            provincial: Role::Governor,
            national: Role::Minister,
        }
    }
}

/// What DPRD silence means (KSD-DPRD-05). PP 28/2018 sets no deadline and no deemed approval
/// (KSD-DPRD-04), so the current rule set knows only `NoEffect`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DprdSilence {
    /// Silence has no legal effect (default).
    #[default]
    NoEffect,
}

/// How a cooperation is extended (KSD-TERM-06).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExtensionMode {
    /// The full current procedure again, from stage a, as a new cooperation that renews the
    /// old one (default).
    #[default]
    FullProcedure,
}

/// How a cooperation is amended (KSD-TERM-08).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AmendmentMode {
    /// By agreement of all parties, in a document of the same level as the one amended
    /// (default; mirrors LEG-AMD-01 as a current-set parameter).
    #[default]
    ByAgreementSameLevel,
}

/// What the evaluation cadence counts (KSD-IMPL-03).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvaluationScope {
    /// Each cooperation (default).
    #[default]
    PerCooperation,
    /// Each perangkat daerah, over its cooperations.
    PerOpd,
}

/// Whether a region's mapping of affairs is reported upward (KSD-IMPL-07).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AffairsMappingReport {
    /// Recorded when made (`AffairsMapping::reported_on`), never required (default).
    #[default]
    Optional,
    /// Expected: a mapping not yet reported is a finding in reports.
    Expected,
}

/// A reporting schedule (stage j, KSD-IMPL-04): to whom and how often.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ReportingSchedule")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct ReportingSchedule {
    /// The addressee (e.g. the governor as central representative).
    pub addressee: String,
    /// How often.
    pub every: Period,
}
crate::serde_shape::map_shaped!(ReportingSchedule);

/// How a takeover is triggered (KSD-ENF-06): PP 28/2018 sets no trigger date or deadline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TakeoverTrigger {
    /// An explicit command carrying its precondition records (default).
    #[default]
    Manual,
}

/// What a secretariat of a *kerja sama sukarela* needs (KSD-ENF-08, Q17): PP 28/2018 states
/// the conditions for wajib only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SecretariatRuleSukarela {
    /// No condition is checked (default: none is known).
    #[default]
    Unrestricted,
    /// The three wajib conditions of Pasal 7 ayat (2) apply too.
    AsWajib,
}

/// A special-autonomy law displacing rules of PP 28/2018 for a province (KSD-KIND-05,
/// Pasal 47): DIY, DKI Jakarta, Aceh, Papua and Papua Barat.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "SpecialAutonomyOverride")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct SpecialAutonomyOverride {
    /// The province (`34` DIY, `31` DKI Jakarta, `11` Aceh, `91` Papua, `92` Papua Barat).
    pub province: KodeWilayah,
    /// The rules its special-autonomy law provides otherwise for.
    pub rules: Vec<RuleId>,
    /// The provision of that law (e.g. `UU 11/2006 Pasal …`).
    pub basis: String,
}
crate::serde_shape::map_shaped!(SpecialAutonomyOverride);

/// The provinces with special autonomy named by PP 28/2018 Pasal 47 (Kemendagri codes): DIY,
/// DKI Jakarta, Aceh, Papua, Papua Barat.
pub const SPECIAL_AUTONOMY_PROVINCES: [u8; 5] = [34, 31, 11, 91, 92];
