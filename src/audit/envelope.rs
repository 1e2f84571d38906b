//! The envelope of an accepted command: who, what, when, under which rules, and the chain.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::law::{PolicyValues, RuleSet, RuleSetRef};
use crate::lifecycle::{Command, Cooperation, Event, Rejection};
use crate::model::{Actor, CooperationId};

use super::chain::{GENESIS_HASH, envelope_hash};
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
    prev_hash: &'a str,
}

impl Envelope {
    /// The canonical bytes the hash covers (schema 2): the stored line without its `hash`
    /// member.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let body = Body {
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
            prev_hash: &self.prev_hash,
        };
        serde_json::to_vec(&body).unwrap_or_default()
    }

    /// The hash this envelope should have, computed from its content. For an envelope read
    /// from a log of an older schema: the hash of its stored line under that schema, if the
    /// stored line still decodes to this envelope (empty otherwise, which matches no hash).
    pub fn computed_hash(&self) -> String {
        match &self.stored {
            None => envelope_hash(&self.canonical_bytes()),
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
    let cooperation_id = match (coop.spec(), command) {
        (Some(spec), _) => spec.id,
        (None, Command::Register { spec }) => spec.id,
        (None, _) => CooperationId(Uuid::nil()),
    };
    let mut envelope = Envelope {
        schema_version: SCHEMA_VERSION,
        event_id: ids.next_id(recorded_at),
        cooperation_id,
        sequence: head.map_or(1, |h| h.sequence.saturating_add(1)),
        actor: actor.clone(),
        command: command.clone(),
        events,
        occurred_on,
        recorded_at,
        rule_set: rules.reference,
        policy: crate::law::RuleSetRegistry::standard()
            .get(rules.reference)
            .map_or_else(
                |_| PolicyValues::of(&rules.policy),
                |v| v.policy_values(&rules.policy),
            ),
        prev_hash: head.map_or_else(|| GENESIS_HASH.to_owned(), |h| h.hash.clone()),
        hash: String::new(),
        stored: None,
    };
    envelope.hash = envelope.computed_hash();
    Ok(envelope)
}
