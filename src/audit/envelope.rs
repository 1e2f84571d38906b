//! The envelope of an accepted command: who, what, when, under which rules, and the chain.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::law::{PolicyValues, RuleSet, RuleSetRef};
use crate::lifecycle::{Command, Cooperation, Event, Rejection, Step};
use crate::model::{Actor, CooperationId};

use super::chain::GENESIS_HASH;
use super::schema::SCHEMA_VERSION;

/// One accepted command with the events it produced, chained to the one before.
///
/// The members are stored in the order declared here, `hash` last; see [`super::schema`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Envelope")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Envelope {
    /// Schema version of this envelope ([`super::schema`]). An envelope read from a log of
    /// an older schema keeps that version and its stored bytes (see [`Envelope::stored_text`]).
    pub schema_version: u32,
    /// Unique id (UUID v7 from an [`IdSource`]).
    pub event_id: Uuid,
    /// The cooperation.
    pub cooperation_id: CooperationId,
    /// Position in the log, from 1, without gaps.
    pub sequence: u64,
    /// Who issued the command.
    pub actor: Actor,
    /// The command.
    pub command: Command,
    /// The events `decide` produced: facts, and the warnings as typed findings (no text).
    pub events: Vec<Event>,
    /// The legal date.
    pub occurred_on: NaiveDate,
    /// When it was recorded (supplied by the caller; never read from a clock here).
    pub recorded_at: DateTime<Utc>,
    /// The rule set version it was decided under.
    pub rule_set: RuleSetRef,
    /// The policy values it was decided under.
    pub policy: PolicyValues,
    /// Where the step comes from when it was not decided here: a row of an imported register,
    /// audited by the same rules ([`Cooperation::audit_step`]) rather than decided; its
    /// findings, errors included, are its recorded warnings. Absent for a decided step (and
    /// then absent from the stored line, so older logs keep their bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<StepOrigin>,
    /// Hash of the previous envelope ([`GENESIS_HASH`] for the first).
    pub prev_hash: String,
    /// Hash of this envelope ([`Envelope::computed_hash`]).
    pub hash: String,
    /// The stored line of an envelope of an older schema, kept byte for byte: it is the
    /// public record, hashed as it was written, and written again unchanged when the log is
    /// copied.
    #[serde(skip)]
    pub(crate) stored: Option<Arc<str>>,
}
crate::serde_shape::map_shaped!(Envelope);

/// The members of an envelope that its hash covers, in the stored order.
#[derive(Serialize)]
struct Body<'a> {
    schema_version: u32,
    event_id: &'a Uuid,
    cooperation_id: &'a CooperationId,
    sequence: u64,
    actor: &'a Actor,
    command: &'a Command,
    events: &'a [Event],
    occurred_on: &'a NaiveDate,
    recorded_at: &'a DateTime<Utc>,
    rule_set: &'a RuleSetRef,
    policy: &'a PolicyValues,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: &'a Option<StepOrigin>,
    prev_hash: &'a str,
}

/// Where a recorded step comes from when it was not decided by this crate.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "StepOrigin")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "kind",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum StepOrigin {
    /// A row of a register imported from a file.
    Imported {
        /// The file (as the importer named it).
        source: String,
        /// The row (1 = the first data row).
        row: u64,
        /// The label the register gives the record (its register number).
        label: String,
    },
}
crate::serde_shape::map_shaped!(StepOrigin);

/// The events of an audited step as they are recorded: its facts, then its findings (errors
/// included) as one `Warned` event.
pub(crate) fn audited_events(audited: crate::lifecycle::AuditedStep) -> Vec<Event> {
    let mut events = audited.events;
    if !audited.violations.is_empty() {
        let occurred_on = events.first().map(|e| e.occurred_on);
        if let Some(occurred_on) = occurred_on {
            events.push(Event {
                occurred_on,
                kind: crate::lifecycle::EventKind::Warned {
                    violations: audited.violations,
                },
            });
        }
    }
    events
}

impl Envelope {
    /// The canonical bytes the hash covers (schema 2): the stored line without its `hash`
    /// member.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(&self.body()).unwrap_or_default()
    }

    /// The members the hash covers.
    fn body(&self) -> Body<'_> {
        Body {
            schema_version: self.schema_version,
            event_id: &self.event_id,
            cooperation_id: &self.cooperation_id,
            sequence: self.sequence,
            actor: &self.actor,
            command: &self.command,
            events: &self.events,
            occurred_on: &self.occurred_on,
            recorded_at: &self.recorded_at,
            rule_set: &self.rule_set,
            policy: &self.policy,
            origin: &self.origin,
            prev_hash: &self.prev_hash,
        }
    }

    /// The hash this envelope should have, computed from its content. For an envelope read
    /// from a log of an older schema: the hash of its stored line under that schema, if the
    /// stored line still decodes to this envelope (empty otherwise, which matches no hash).
    pub fn computed_hash(&self) -> String {
        match &self.stored {
            // The canonical bytes are written straight into the hash, never collected.
            None => super::chain::envelope_hash_of(&self.body()),
            // Decoded with this envelope's own policy as the only one known: the stored
            // digest must name these values, and the rest must decode to this envelope.
            Some(text) => match super::schema::Upcaster::knowing(&self.policy).decode(text) {
                Ok(decoded) if decoded.same_content(self) => decoded.hash,
                _ => String::new(),
            },
        }
    }

    /// The stored line of an envelope read from a log of an older schema (the record as it
    /// was written), if this is one.
    pub fn stored_text(&self) -> Option<&str> {
        self.stored.as_deref()
    }

    /// Whether the two envelopes hold the same members (ignoring where they were read from).
    fn same_content(&self, other: &Envelope) -> bool {
        let strip = |e: &Envelope| Envelope {
            stored: None,
            ..e.clone()
        };
        strip(self) == strip(other)
    }

    /// The events of this envelope that are facts (everything but the recorded warnings).
    pub fn facts(&self) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(|e| !e.is_warning())
    }
}

/// Where envelope ids come from. Replace it in tests with [`SequentialIds`].
pub trait IdSource {
    /// The next id, for an envelope recorded at `recorded_at`.
    fn next_id(&mut self, recorded_at: DateTime<Utc>) -> Uuid;
}

/// UUID v7 ids with random bits (the default for applications).
#[derive(Debug, Default, Clone, Copy)]
pub struct RandomV7;

impl IdSource for RandomV7 {
    fn next_id(&mut self, recorded_at: DateTime<Utc>) -> Uuid {
        let seconds = u64::try_from(recorded_at.timestamp()).unwrap_or(0);
        Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            seconds,
            recorded_at.timestamp_subsec_nanos(),
        ))
    }
}

/// Deterministic UUID v7 ids: the timestamp of `recorded_at` and a counter in the random
/// bits. For tests and golden logs.
#[derive(Debug, Default, Clone, Copy)]
pub struct SequentialIds {
    next: u64,
}

impl IdSource for SequentialIds {
    fn next_id(&mut self, recorded_at: DateTime<Utc>) -> Uuid {
        self.next += 1;
        let millis = u64::try_from(recorded_at.timestamp_millis()).unwrap_or(0);
        let mut counter = [0u8; 10];
        counter[2..].copy_from_slice(&self.next.to_be_bytes());
        uuid::Builder::from_unix_timestamp_millis(millis, &counter).into_uuid()
    }
}

/// Decides `command` on `coop` (whose log ends with `head`) and, when accepted, returns the
/// envelope to append and the events to apply. Nothing is changed on refusal. Most callers
/// use [`crate::Ledger`], which does this, the append and the apply in one call.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use kerjasama::audit::{record, SequentialIds};
/// use kerjasama::law::RuleSet;
/// use kerjasama::lifecycle::Cooperation;
/// let rules = RuleSet::current();
/// let script = kerjasama::sample::c03_rice();
/// let (mut coop, mut log, mut ids) = (Cooperation::new(), Vec::new(), SequentialIds::default());
/// for step in &script.steps {
///     let at = Utc.with_ymd_and_hms(2024, 2, 21, 9, 0, 0).unwrap();
///     let envelope = record(&coop, log.last(), &step.command, &step.actor, step.on, at, &rules, &mut ids)?;
///     for event in &envelope.events { coop.apply(event); }
///     log.push(envelope);
/// }
/// assert_eq!(log[1].prev_hash, log[0].hash);
/// assert_eq!(log[1].sequence, 2);
/// # Ok::<(), kerjasama::lifecycle::Rejection>(())
/// ```
#[allow(clippy::too_many_arguments)] // each argument is one fact of the record
pub fn record(
    coop: &Cooperation,
    head: Option<&Envelope>,
    command: &Command,
    actor: &Actor,
    occurred_on: NaiveDate,
    recorded_at: DateTime<Utc>,
    rules: &RuleSet,
    ids: &mut dyn IdSource,
) -> Result<Envelope, Rejection> {
    let events = coop.decide(command, actor, occurred_on, rules)?;
    Ok(seal(
        coop,
        head,
        Step::new(actor.clone(), occurred_on, command.clone()),
        events,
        recorded_at,
        rules,
        ids,
        None,
    ))
}

/// Records a step of an imported register: audited by the rules that would have decided it
/// ([`Cooperation::audit_step`]), never refused for what the rules find (those findings,
/// errors included, are recorded as its warnings), refused only for what the record cannot
/// hold (malformed data, a date going back, a step no row allows). Replay audits it again.
#[allow(clippy::too_many_arguments)] // each argument is one fact of the record
pub fn record_audited(
    coop: &Cooperation,
    head: Option<&Envelope>,
    step: &Step,
    recorded_at: DateTime<Utc>,
    rules: &RuleSet,
    ids: &mut dyn IdSource,
    origin: StepOrigin,
) -> Result<Envelope, Rejection> {
    let audited = coop.audit_step(&step.command, &step.actor, step.on, rules)?;
    Ok(seal(
        coop,
        head,
        step.clone(),
        audited_events(audited),
        recorded_at,
        rules,
        ids,
        Some(origin),
    ))
}

/// The envelope of a step whose events are known, chained to `head` and hashed.
#[allow(clippy::too_many_arguments)] // each argument is one fact of the record
fn seal(
    coop: &Cooperation,
    head: Option<&Envelope>,
    step: Step,
    events: Vec<Event>,
    recorded_at: DateTime<Utc>,
    rules: &RuleSet,
    ids: &mut dyn IdSource,
    origin: Option<StepOrigin>,
) -> Envelope {
    let cooperation_id = match (coop.spec(), &step.command) {
        (Some(spec), _) => spec.id,
        (None, Command::Register { spec }) => spec.id,
        (None, _) => CooperationId(Uuid::nil()),
    };
    let mut envelope = Envelope {
        schema_version: SCHEMA_VERSION,
        event_id: ids.next_id(recorded_at),
        cooperation_id,
        sequence: head.map_or(1, |h| h.sequence.saturating_add(1)),
        actor: step.actor,
        command: step.command,
        events,
        occurred_on: step.on,
        recorded_at,
        rule_set: rules.reference,
        policy: crate::law::RuleSetRegistry::standard()
            .get(rules.reference)
            .map_or_else(
                |_| PolicyValues::of(&rules.policy),
                |v| v.policy_values(&rules.policy),
            ),
        origin,
        prev_hash: head.map_or_else(|| GENESIS_HASH.to_owned(), |h| h.hash.clone()),
        hash: String::new(),
        stored: None,
    };
    envelope.hash = envelope.computed_hash();
    envelope
}
