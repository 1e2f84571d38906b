//! Schema versions of stored envelopes, decoding, and the upcasting path.
//!
//! # Schema 2 (written by this version)
//! One envelope is one JSON object with these members, in this order:
//! `schema_version` (2), `event_id`, `cooperation_id`, `sequence`, `actor`, `command`,
//! `events`, `occurred_on`, `recorded_at`, `rule_set` (`{"id", "version"}`), `policy` (the
//! policy values the decision was taken under, members sorted by key), `prev_hash`, `hash`.
//! Events hold facts only: a warning is `{rule, severity, field?, finding, also?, unlisted?,
//! advisory_under?}` where `finding` is a typed fact ([`crate::lifecycle::Finding`]), `also`
//! the further findings of the same rule, field and kind (at most
//! [`crate::lifecycle::LISTED_FINDINGS`] in all, absent when none) and `unlisted` the count
//! of those not listed (absent when 0); no message text,
//! citation or list of rules checked is stored. The hash is over the canonical bytes of the
//! decoded envelope ([`super::envelope_hash`]).
//!
//! # Schema 1 (read only)
//! Written by versions of this crate before findings were data: warnings carried their
//! rendered messages, citation and provenance, `stage_changed` events listed the rules
//! checked, and the policy was named by `policy_digest`, a SHA-256 of the policy struct's
//! canonical JSON. A schema-1 line is verified against its own bytes (the schema-1 hash),
//! then upcast in memory to the current types: the digest becomes the policy values it
//! names ([`Upcaster`]), warnings keep their stored text as [`crate::lifecycle::Finding::RecordedText`]
//! and `rules_checked` is dropped (replay re-decides, it does not compare lists). The
//! envelope keeps `schema_version: 1` and its stored line, which stores write back unchanged.
//!
//! Compatibility rules for later versions: a member is never renamed, reordered or removed;
//! a new optional member is omitted when absent; any other change to the stored form is a
//! new schema version with an upcasting step here, and the golden logs under
//! `tests/golden/` keep replaying.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::chain::{v1_digest, v1_envelope_hash};
use super::envelope::Envelope;

/// The schema version this crate writes.
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest schema version this crate reads.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// Why a stored envelope could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// Not JSON, or not an object.
    #[error("not a JSON object: {0}")]
    Json(String),
    /// `schema_version` missing or not known to this crate.
    #[error(
        "unknown schema version {0:?} (this crate reads {OLDEST_SCHEMA_VERSION}..={SCHEMA_VERSION})"
    )]
    UnknownSchema(Option<u64>),
    /// The stored hash does not match the stored content.
    #[error("hash mismatch: stored {stored}, computed {computed}")]
    HashMismatch {
        /// Stored.
        stored: String,
        /// Computed.
        computed: String,
    },
    /// The JSON does not fit the schema; names the field where serde does.
    #[error("does not fit the schema: {0}")]
    Schema(String),
    /// The stored JSON is not the canonical form of what it decodes to (e.g. a `+00:00`
    /// timestamp, an upper-case uuid, an omitted default member): its hash was computed over
    /// other bytes than the ones every reader verifies, so it is refused.
    #[error("not in canonical form: member `{member}` differs from its canonical encoding")]
    NonCanonical {
        /// The first member that differs.
        member: String,
    },
    /// A schema-1 envelope names a policy digest whose values are not known.
    #[error(
        "schema-1 policy digest {digest} names no known policy: supply its values to the Upcaster"
    )]
    UnknownPolicyDigest {
        /// The digest.
        digest: String,
    },
}

/// Reads envelopes of every schema this crate knows into the current types.
///
/// Schema-1 envelopes name their policy by a digest of its JSON; the upcaster knows the
/// default policy's values and any values a caller adds with [`Upcaster::with_v1_policy`]
/// (a region that ran a non-default policy under schema 1 supplies its policy file).
///
/// ```
/// use kerjasama::audit::schema::Upcaster;
/// let upcaster = Upcaster::standard();
/// assert_eq!(upcaster.v1_policy_count(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct Upcaster {
    /// (digest, values) of every schema-1 policy known.
    v1_policies: Vec<(String, Map<String, Value>)>,
}

impl Default for Upcaster {
    fn default() -> Self {
        Self::standard()
    }
}

impl Upcaster {
    /// The upcaster that knows the default schema-1 policy.
    pub fn standard() -> Self {
        let upcaster = Upcaster {
            v1_policies: Vec::new(),
        };
        // The values of the default policy as schema-1 envelopes recorded it (digest
        // `4efd66a1…`): frozen with rule-set version 1, never derived from today's `Policy`.
        match serde_json::from_str::<Value>(crate::law::CURRENT_V1_DEFAULT_POLICY) {
            Ok(value) => upcaster.with_v1_policy(value),
            Err(_) => upcaster,
        }
    }

    /// Adds the values of a policy that schema-1 envelopes may name by digest: the JSON
    /// object as that version wrote it (the digest is computed from these values, so values
    /// that differ from the recorded ones match no envelope). A value that is not an object
    /// is ignored.
    pub fn with_v1_policy(mut self, values: Value) -> Self {
        if let Value::Object(map) = values {
            let digest = v1_digest(&Value::Object(map.clone()));
            self.v1_policies.push((digest, map));
        }
        self
    }

    /// An upcaster that knows only `values` as a schema-1 policy.
    pub(crate) fn knowing(values: &crate::law::PolicyValues) -> Self {
        Upcaster {
            v1_policies: Vec::new(),
        }
        .with_v1_policy(Value::Object(values.as_map().clone()))
    }

    /// How many schema-1 policies it knows.
    pub fn v1_policy_count(&self) -> usize {
        self.v1_policies.len()
    }

    /// Decodes one stored envelope of any known schema, verifying its hash.
    pub fn decode(&self, text: &str) -> Result<Envelope, DecodeError> {
        // The current schema decodes straight into the types; anything else is read as a
        // JSON value first to find its version.
        let typed = serde_json::from_str::<Envelope>(text);
        if let Ok(envelope) = &typed
            && envelope.schema_version == SCHEMA_VERSION
        {
            let computed = envelope.computed_hash();
            if computed != envelope.hash {
                return Err(DecodeError::HashMismatch {
                    stored: envelope.hash.clone(),
                    computed,
                });
            }
            return typed.map_err(|e| DecodeError::Schema(e.to_string()));
        }
        let value: Value = text
            .parse()
            .map_err(|e: serde_json::Error| DecodeError::Json(e.to_string()))?;
        let Value::Object(map) = &value else {
            return Err(DecodeError::Json("not an object".into()));
        };
        let version = map.get("schema_version").and_then(Value::as_u64);
        match version {
            Some(1) => self.decode_v1(text, value),
            Some(v) if v == u64::from(SCHEMA_VERSION) => Err(DecodeError::Schema(
                typed.err().map_or_else(String::new, |e| e.to_string()),
            )),
            other => Err(DecodeError::UnknownSchema(other)),
        }
    }

    fn decode_v1(&self, text: &str, value: Value) -> Result<Envelope, DecodeError> {
        let stored = value
            .get("hash")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let computed = v1_envelope_hash(&value);
        if stored != computed {
            return Err(DecodeError::HashMismatch { stored, computed });
        }
        let upcast = self.upcast_v1(value)?;
        let mut envelope: Envelope = serde_json::from_value(upcast.clone())
            .map_err(|e| DecodeError::Schema(e.to_string()))?;
        let canonical =
            serde_json::to_value(&envelope).map_err(|e| DecodeError::Schema(e.to_string()))?;
        if canonical != upcast {
            return Err(DecodeError::NonCanonical {
                member: first_difference(&upcast, &canonical),
            });
        }
        envelope.stored = Some(Arc::from(text));
        Ok(envelope)
    }

    /// Rewrites a schema-1 envelope into the shape of the current types, keeping
    /// `schema_version: 1` as the mark of its origin.
    fn upcast_v1(&self, mut value: Value) -> Result<Value, DecodeError> {
        let Value::Object(map) = &mut value else {
            return Err(DecodeError::Json("not an object".into()));
        };
        let digest = match map.remove("policy_digest") {
            Some(Value::String(digest)) => digest,
            _ => return Err(DecodeError::Schema("missing field `policy_digest`".into())),
        };
        let Some((_, values)) = self.v1_policies.iter().find(|(d, _)| *d == digest) else {
            return Err(DecodeError::UnknownPolicyDigest { digest });
        };
        // Insert before `prev_hash` so that the members keep the current order.
        let mut rebuilt = Map::new();
        for (key, member) in std::mem::take(map) {
            if key == "prev_hash" {
                rebuilt.insert("policy".into(), Value::Object(values.clone()));
            }
            rebuilt.insert(key, member);
        }
        *map = rebuilt;
        if let Some(Value::Array(events)) = map.get_mut("events") {
            for event in events {
                upcast_v1_event(event);
            }
        }
        Ok(value)
    }
}

/// A schema-1 event in the current shape: `stage_changed` without `rules_checked`, warnings
/// as facts with their stored text.
fn upcast_v1_event(event: &mut Value) {
    let Some(Value::Object(kind)) = event.get_mut("kind") else {
        return;
    };
    match kind.get("event").and_then(Value::as_str) {
        Some("stage_changed") => {
            kind.remove("rules_checked");
        }
        Some("warned") => {
            if let Some(Value::Array(violations)) = kind.get_mut("violations") {
                for violation in violations {
                    upcast_v1_violation(violation);
                }
            }
        }
        _ => {}
    }
}

fn upcast_v1_violation(violation: &mut Value) {
    let Value::Object(map) = violation else {
        return;
    };
    let text = |map: &mut Map<String, Value>, key: &str| match map.remove(key) {
        Some(Value::String(text)) => text,
        _ => String::new(),
    };
    let id = text(map, "message_id");
    let en = text(map, "message_en");
    map.remove("provenance");
    map.remove("citation");
    let mut finding = Map::new();
    finding.insert("finding".into(), Value::String("recorded_text".into()));
    finding.insert("id".into(), Value::String(id));
    finding.insert("en".into(), Value::String(en));
    map.insert("finding".into(), Value::Object(finding));
}

/// The first member (as a dotted path) where two JSON values differ.
fn first_difference(stored: &Value, canonical: &Value) -> String {
    fn walk(a: &Value, b: &Value, path: &str) -> Option<String> {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                keys.into_iter().find_map(|key| {
                    let path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    match (x.get(key), y.get(key)) {
                        (Some(p), Some(q)) => walk(p, q, &path),
                        _ => Some(path),
                    }
                })
            }
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (p, q))| walk(p, q, &format!("{path}[{i}]"))),
            _ if a == b => None,
            _ => Some(path.to_owned()),
        }
    }
    walk(stored, canonical, "").unwrap_or_default()
}

/// Decodes one stored envelope of any known schema with the standard [`Upcaster`]: verifies
/// its hash over the canonical bytes of what it decodes to, upcasts, decodes.
pub fn decode_envelope(text: &str) -> Result<Envelope, DecodeError> {
    static STANDARD: std::sync::OnceLock<Upcaster> = std::sync::OnceLock::new();
    STANDARD.get_or_init(Upcaster::standard).decode(text)
}

/// Encodes an envelope as one line of JSON (no newline), as stores write it. An envelope
/// read from an older schema is written as it was stored.
pub fn encode_envelope(envelope: &Envelope) -> String {
    match envelope.stored_text() {
        Some(text) => text.to_owned(),
        None => serde_json::to_string(envelope).unwrap_or_default(),
    }
}
