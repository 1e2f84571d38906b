//! Violations and rejections: every refusal names its rule, citation and provenance.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::law::{Citation, Provenance, RuleId, Severity};
use crate::model::Role;

use super::command::CommandKind;
use super::stage::Stage;

/// One violated rule, with its citation and a message in Indonesian and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Violation {
    /// The rule.
    pub rule: RuleId,
    /// Its provenance tag.
    pub provenance: Provenance,
    /// Where it comes from.
    pub citation: Citation,
    /// Error blocks the step; warning is recorded with it.
    pub severity: Severity,
    /// The input field concerned, if one is (e.g. `document.signatories[1]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Message in Indonesian.
    pub message_id: String,
    /// Message in English.
    pub message_en: String,
}

impl Violation {
    /// A violation of `rule` with messages; citation and provenance come from the catalogue.
    pub fn new(
        rule: RuleId,
        severity: Severity,
        message_id: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Violation {
            rule,
            provenance: rule.provenance(),
            citation: rule.citation(),
            severity,
            field: None,
            message_id: message_id.into(),
            message_en: message_en.into(),
        }
    }

    /// An error: blocks the step.
    pub fn error(
        rule: RuleId,
        message_id: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Self::new(rule, Severity::Error, message_id, message_en)
    }

    /// Names the input field concerned.
    pub fn at(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Whether it blocks the step.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            _ => "warning",
        };
        write!(
            f,
            "[{}] {} {}: {} / {}",
            self.rule, level, self.provenance, self.message_id, self.message_en
        )?;
        if let Some(field) = &self.field {
            write!(f, " (field `{field}`)")?;
        }
        write!(f, " — {}", self.citation)
    }
}

/// Why a command was refused. A refused command changes nothing.
///
/// How to react: `NotAllowedHere` and `ActorNotAuthorised` are user errors (offer the
/// `allowed` commands or roles instead); `Violations` lists every rule to satisfy before
/// retrying; `InvalidInput` is bad data to correct. None is worth retrying unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "rejection", deny_unknown_fields)]
#[non_exhaustive]
pub enum Rejection {
    /// The command has no row in the transition table for this stage and kind.
    #[error(
        "{command} tidak dapat dilakukan pada tahap {stage} / not allowed at this stage ({rule}); allowed: {allowed:?}"
    )]
    NotAllowedHere {
        /// The stage.
        stage: Stage,
        /// The command refused.
        command: CommandKind,
        /// The commands the table allows here.
        allowed: Vec<CommandKind>,
        /// The rule that fixes the order of stages.
        rule: RuleId,
    },
    /// The actor may not issue this command (RULES.md §4.4).
    #[error("{role} tidak berwenang untuk {command} / not authorised ({rule}): {reason}")]
    ActorNotAuthorised {
        /// The actor's role.
        role: Role,
        /// The command refused.
        command: CommandKind,
        /// The roles that may.
        allowed_roles: Vec<Role>,
        /// The rule that says who acts.
        rule: RuleId,
        /// What is wrong (role, or the party acted for).
        reason: String,
    },
    /// One or more rules are violated; every violation is listed, warnings included.
    #[error("{command} ditolak / refused: {}", violations.iter().map(|v| v.to_string()).collect::<Vec<_>>().join("; "))]
    Violations {
        /// The command refused.
        command: CommandKind,
        /// Every violation found (errors and warnings).
        violations: Vec<Violation>,
    },
    /// Input data is malformed or inconsistent.
    #[error("data tidak sah / invalid input in `{field}`: {message}")]
    InvalidInput {
        /// The field.
        field: String,
        /// What is wrong.
        message: String,
        /// The rule concerned, if one is.
        rule: Option<RuleId>,
    },
}

impl Rejection {
    /// The violations listed, if this is a rule refusal.
    pub fn violations(&self) -> &[Violation] {
        match self {
            Rejection::Violations { violations, .. } => violations,
            _ => &[],
        }
    }

    /// Every rule id this rejection cites.
    pub fn rules(&self) -> Vec<RuleId> {
        match self {
            Rejection::NotAllowedHere { rule, .. } | Rejection::ActorNotAuthorised { rule, .. } => {
                vec![*rule]
            }
            Rejection::Violations { violations, .. } => violations.iter().map(|v| v.rule).collect(),
            Rejection::InvalidInput { rule, .. } => rule.iter().copied().collect(),
        }
    }
}
