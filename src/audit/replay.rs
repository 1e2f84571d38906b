//! Replay: rebuild a cooperation from its log, verifying the chain and re-deciding every
//! stored command under the rule-set version and policy values it records.
//!
//! Replay compares *outcomes*, not wording: the re-decided facts (stage, documents, dates,
//! parties, grounds) must equal the stored ones exactly, or the log is refused as forged; a
//! command the rules would have refused is refused. Warnings are findings of `[SECONDARY]`
//! practice and of advice: when today's reading of the same rule-set version finds other
//! warnings than those recorded, that is reported as a [`Difference`], not as forgery.

use serde::{Deserialize, Serialize};

use crate::law::{PolicyValues, RuleSet, RuleSetError, RuleSetId, RuleSetRef, RuleSetRegistry};
use crate::lifecycle::{Cooperation, Event, Finding, Rejection, Violation};

use super::chain::GENESIS_HASH;
use super::envelope::Envelope;
use super::schema::{OLDEST_SCHEMA_VERSION, SCHEMA_VERSION};

/// What is wrong with a log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ReplayProblem")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "problem",
    deny_unknown_fields
)]
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
    /// The rule-set version it names is not known to this crate.
    #[error("{0}")]
    UnknownRuleSet(RuleSetError),
    /// Its policy values cannot be read by this version (e.g. a field added by a newer one).
    #[error("policy values: {message}")]
    Policy {
        /// What is wrong, naming the field.
        message: String,
    },
    /// Re-deciding the stored command under the stored rule set gives other facts: the law
    /// would not have produced this record.
    #[error("forged decision: re-deciding gives other facts (first difference at event {event})")]
    ForgedDecision {
        /// Index, among the envelope's facts, of the first fact that differs.
        event: usize,
    },
    /// Re-deciding the stored command refuses it.
    #[error("forged decision: the law refuses this command: {rejection}")]
    RefusedOnReplay {
        /// Why the law refuses it.
        rejection: Box<Rejection>,
    },
    /// The envelope names a rule set of another regime than the log's first envelope: a
    /// cooperation is decided under one regime only (KSD-TRANS-01).
    #[error(
        "rule sets of two regimes in one log: {first} first, then {found} (KSD-TRANS-01: never mixed)"
    )]
    MixedRegimes {
        /// The regime of the first envelope.
        first: RuleSetId,
        /// The other regime this envelope names.
        found: RuleSetId,
    },
}
crate::serde_shape::map_shaped!(ReplayProblem);

/// A log that does not replay: the sequence number of the envelope concerned and the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ReplayError")
)]
#[error("envelope {sequence}: {problem}")]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct ReplayError {
    /// Sequence number (position, from 1) of the envelope concerned.
    pub sequence: u64,
    /// What is wrong.
    pub problem: ReplayProblem,
}
crate::serde_shape::map_shaped!(ReplayError);

/// Warnings that differ between the record and today's reading of the same rule-set
/// version (a reworded practice rule, a corrected advisory finding). Not a forgery: the
/// outcome is the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Difference")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Difference {
    /// The envelope.
    pub sequence: u64,
    /// The warnings recorded.
    pub recorded: Vec<Violation>,
    /// The warnings deciding the command again finds.
    pub decided: Vec<Violation>,
}
crate::serde_shape::map_shaped!(Difference);

/// A replayed log: the state, and the differences in warnings found on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Replayed {
    /// The cooperation as the log records it.
    pub state: Cooperation,
    /// Envelopes whose recorded warnings differ from today's reading.
    pub differences: Vec<Difference>,
}

/// Rebuilds the cooperation of `log`, refusing a reordered, gapped, altered, forged or mixed
/// log. Every stored command is decided again under the rule-set version and the policy
/// values it records and must yield the stored facts.
///
/// ```
/// use kerjasama::audit::replay;
/// use kerjasama::law::RuleSetRegistry;
/// let log = kerjasama::sample::c03_rice().record_log().unwrap();
/// let replayed = replay(&log, &RuleSetRegistry::standard()).unwrap();
/// assert!(replayed.differences.is_empty());
/// assert_eq!(replayed.state.stage(), kerjasama::lifecycle::Stage::Preparation);
/// ```
pub fn replay(log: &[Envelope], registry: &RuleSetRegistry) -> Result<Replayed, ReplayError> {
    if log.is_empty() {
        return Err(ReplayError {
            sequence: 1,
            problem: ReplayProblem::Empty,
        });
    }
    let mut replayer = Replayer::new(registry);
    for (index, envelope) in log.iter().enumerate() {
        let expected = u64::try_from(index).unwrap_or(u64::MAX).saturating_add(1);
        replayer
            .step(envelope, expected)
            .map_err(|problem| ReplayError {
                sequence: expected,
                problem,
            })?;
    }
    Ok(Replayed {
        state: replayer.coop,
        differences: replayer.differences,
    })
}

/// The state of a replay between envelopes.
struct Replayer<'r> {
    registry: &'r RuleSetRegistry,
    coop: Cooperation,
    differences: Vec<Difference>,
    prev_hash: String,
    cooperation: Option<crate::model::CooperationId>,
    /// The regime of the first envelope: every other must name the same.
    regime: Option<RuleSetId>,
    /// The rule set of the previous envelope and the values it was built from: resolved
    /// once for a run of envelopes under the same version and policy.
    rules: Option<(RuleSetRef, PolicyValues, RuleSet)>,
}

impl<'r> Replayer<'r> {
    fn new(registry: &'r RuleSetRegistry) -> Self {
        Replayer {
            registry,
            coop: Cooperation::new(),
            differences: Vec::new(),
            prev_hash: GENESIS_HASH.to_owned(),
            cooperation: None,
            regime: None,
            rules: None,
        }
    }

    fn step(&mut self, envelope: &Envelope, expected: u64) -> Result<(), ReplayProblem> {
        let known = envelope.schema_version == SCHEMA_VERSION
            || (envelope.schema_version >= OLDEST_SCHEMA_VERSION && envelope.stored.is_some());
        if !known {
            return Err(ReplayProblem::UnknownSchema {
                version: envelope.schema_version,
            });
        }
        let cooperation = *self.cooperation.get_or_insert(envelope.cooperation_id);
        if envelope.cooperation_id != cooperation {
            return Err(ReplayProblem::ForeignCooperation);
        }
        if envelope.sequence > expected {
            return Err(ReplayProblem::Gap { expected });
        }
        if envelope.sequence < expected {
            return Err(ReplayProblem::OutOfOrder { expected });
        }
        if envelope.hash != envelope.computed_hash() {
            return Err(ReplayProblem::HashMismatch);
        }
        if envelope.prev_hash != self.prev_hash {
            return Err(ReplayProblem::BrokenChain);
        }
        let first = *self.regime.get_or_insert(envelope.rule_set.id);
        if envelope.rule_set.id != first {
            return Err(ReplayProblem::MixedRegimes {
                first,
                found: envelope.rule_set.id,
            });
        }
        self.resolve_rules(envelope)?;
        let Some((_, _, rules)) = &self.rules else {
            return Err(ReplayProblem::UnknownRuleSet(
                RuleSetError::UnknownVersion {
                    reference: envelope.rule_set,
                },
            ));
        };
        // A decided step is decided again; an imported one (a register's record, audited
        // rather than decided) is audited again, its findings kept as its warnings are.
        let decided = match &envelope.origin {
            None => self.coop.decide(
                &envelope.command,
                &envelope.actor,
                envelope.occurred_on,
                rules,
            ),
            Some(_) => self
                .coop
                .audit_step(
                    &envelope.command,
                    &envelope.actor,
                    envelope.occurred_on,
                    rules,
                )
                .map(super::envelope::audited_events),
        }
        .map_err(|rejection| ReplayProblem::RefusedOnReplay {
            rejection: Box::new(rejection),
        })?;
        compare_facts(envelope, &decided)?;
        let recorded = warnings(&envelope.events);
        let now = warnings(&decided);
        if !same_warnings(&recorded, &now) {
            self.differences.push(Difference {
                sequence: envelope.sequence,
                recorded,
                decided: now,
            });
        }
        for event in &envelope.events {
            self.coop.apply(event);
        }
        self.prev_hash.clone_from(&envelope.hash);
        Ok(())
    }

    /// Resolves the rule set an envelope was decided under, again only when the version or
    /// the policy values change.
    fn resolve_rules(&mut self, envelope: &Envelope) -> Result<(), ReplayProblem> {
        let cached = matches!(&self.rules,
            Some((reference, values, _)) if *reference == envelope.rule_set && *values == envelope.policy);
        if !cached {
            let version = self
                .registry
                .get(envelope.rule_set)
                .map_err(ReplayProblem::UnknownRuleSet)?;
            let policy = version
                .policy_from(&envelope.policy)
                .map_err(|e| ReplayProblem::Policy { message: e.message })?;
            self.rules = Some((
                envelope.rule_set,
                envelope.policy.clone(),
                version.with_policy(policy),
            ));
        }
        Ok(())
    }
}

/// The stored facts must be exactly the re-decided ones.
fn compare_facts(envelope: &Envelope, decided: &[Event]) -> Result<(), ReplayProblem> {
    let stored: Vec<&Event> = envelope.facts().collect();
    let now: Vec<&Event> = decided.iter().filter(|e| !e.is_warning()).collect();
    match stored.iter().zip(&now).position(|(a, b)| a != b) {
        Some(event) => Err(ReplayProblem::ForgedDecision { event }),
        None if stored.len() != now.len() => Err(ReplayProblem::ForgedDecision {
            event: stored.len().min(now.len()),
        }),
        None => Ok(()),
    }
}

fn warnings(events: &[Event]) -> Vec<Violation> {
    events.iter().flat_map(|e| e.warnings()).cloned().collect()
}

/// Warnings agree when they name the same rules, severities and fields in the same order,
/// and the same findings where the record holds findings (a schema-1 record holds text).
fn same_warnings(recorded: &[Violation], decided: &[Violation]) -> bool {
    recorded.len() == decided.len()
        && recorded.iter().zip(decided).all(|(a, b)| {
            a.rule == b.rule
                && a.severity == b.severity
                && a.field == b.field
                && (matches!(a.finding, Finding::RecordedText { .. })
                    || (a.finding == b.finding && a.also == b.also && a.unlisted == b.unlisted))
        })
}
