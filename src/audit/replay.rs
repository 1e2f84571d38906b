//! Replay: rebuild a cooperation from its log, verifying the chain and re-deciding every
//! stored command under its stored rule set.

use serde::{Deserialize, Serialize};

use crate::law::{RuleSet, RuleSetRef};
use crate::lifecycle::{Cooperation, Rejection};

use super::chain::{GENESIS_HASH, digest};
use super::envelope::Envelope;
use super::schema::SCHEMA_VERSION;

/// Finds the rule set an envelope was decided under.
pub trait RuleSets {
    /// The rule set with this reference and policy digest, if known.
    fn find(&self, reference: RuleSetRef, policy_digest: &str) -> Option<RuleSet>;
}

impl RuleSets for RuleSet {
    fn find(&self, reference: RuleSetRef, policy_digest: &str) -> Option<RuleSet> {
        (self.reference == reference && digest(&self.policy) == policy_digest).then(|| self.clone())
    }
}

impl RuleSets for [RuleSet] {
    fn find(&self, reference: RuleSetRef, policy_digest: &str) -> Option<RuleSet> {
        self.iter()
            .find_map(|rules| rules.find(reference, policy_digest))
    }
}

/// What is wrong with a log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "problem", deny_unknown_fields)]
#[non_exhaustive]
pub enum ReplayProblem {
    /// The log is empty.
    #[error("empty log")]
    Empty,
    /// The schema version is not known.
    #[error("unknown schema version {version}")]
    UnknownSchema {
        /// The version found.
        version: u32,
    },
    /// The envelope belongs to another cooperation.
    #[error("envelope of another cooperation mixed in")]
    ForeignCooperation,
    /// A sequence number is missing.
    #[error("gap: expected sequence {expected}")]
    Gap {
        /// The sequence expected here.
        expected: u64,
    },
    /// An envelope is out of order or repeated.
    #[error("out of order or duplicated: expected sequence {expected}")]
    OutOfOrder {
        /// The sequence expected here.
        expected: u64,
    },
    /// `prev_hash` does not match the previous envelope's hash.
    #[error("broken chain: prev_hash does not match the previous envelope")]
    BrokenChain,
    /// The hash does not match the content.
    #[error("hash mismatch: content altered")]
    HashMismatch,
    /// The rule set or policy it names is not available.
    #[error("rule set {reference:?} with policy digest {policy_digest} not available")]
    UnknownRuleSet {
        /// The rule set named.
        reference: RuleSetRef,
        /// The policy digest named.
        policy_digest: String,
    },
    /// Re-deciding the stored command under the stored rule set gives other events: the law
    /// would not have produced this record.
    #[error("forged decision: re-deciding gives other events")]
    ForgedDecision,
    /// Re-deciding the stored command refuses it.
    #[error("forged decision: the law refuses this command: {0}")]
    RefusedOnReplay(Box<Rejection>),
}

/// A log that does not replay: the sequence number of the envelope concerned and the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("envelope {sequence}: {problem}")]
#[serde(deny_unknown_fields)]
pub struct ReplayError {
    /// Sequence number (position, from 1) of the envelope concerned.
    pub sequence: u64,
    /// What is wrong.
    pub problem: ReplayProblem,
}

/// Rebuilds the cooperation of `log`, refusing a reordered, gapped, altered, forged or mixed
/// log. Every stored command is decided again under its stored rule set and must yield
/// exactly the stored events.
pub fn replay(
    log: &[Envelope],
    rule_sets: &(impl RuleSets + ?Sized),
) -> Result<Cooperation, ReplayError> {
    let first = log.first().ok_or(ReplayError {
        sequence: 1,
        problem: ReplayProblem::Empty,
    })?;
    let mut coop = Cooperation::new();
    let mut prev_hash = GENESIS_HASH;
    for (index, envelope) in log.iter().enumerate() {
        let expected = u64::try_from(index).unwrap_or(u64::MAX).saturating_add(1);
        let fail = |problem| {
            Err(ReplayError {
                sequence: expected,
                problem,
            })
        };
        if envelope.schema_version != SCHEMA_VERSION {
            return fail(ReplayProblem::UnknownSchema {
                version: envelope.schema_version,
            });
        }
        if envelope.cooperation_id != first.cooperation_id {
            return fail(ReplayProblem::ForeignCooperation);
        }
        if envelope.sequence > expected {
            return fail(ReplayProblem::Gap { expected });
        }
        if envelope.sequence < expected {
            return fail(ReplayProblem::OutOfOrder { expected });
        }
        if envelope.hash != envelope.computed_hash() {
            return fail(ReplayProblem::HashMismatch);
        }
        if envelope.prev_hash != prev_hash {
            return fail(ReplayProblem::BrokenChain);
        }
        let Some(rules) = rule_sets.find(envelope.rule_set, &envelope.policy_digest) else {
            return fail(ReplayProblem::UnknownRuleSet {
                reference: envelope.rule_set,
                policy_digest: envelope.policy_digest.clone(),
            });
        };
        match coop.decide(
            &envelope.command,
            &envelope.actor,
            envelope.occurred_on,
            &rules,
        ) {
            Ok(events) if events == envelope.events => {}
            Ok(_) => return fail(ReplayProblem::ForgedDecision),
            Err(rejection) => return fail(ReplayProblem::RefusedOnReplay(Box::new(rejection))),
        }
        for event in &envelope.events {
            coop.apply(event);
        }
        prev_hash = &envelope.hash;
    }
    Ok(coop)
}
