//! The canonical encoding and the SHA-256 hash chain.
//!
//! **Canonical encoding** (stable; changing it is a schema change): the envelope is converted
//! to a JSON value, its `hash` member is removed, and the value is written as compact JSON
//! with the members of every object sorted by key (byte order), no insignificant whitespace,
//! strings escaped as `serde_json` writes them (RFC 8259: `"` `\` and control characters
//! only). The envelopes hold no floating-point numbers. Because the encoding is taken from the
//! JSON value and not from the Rust types, a stored log keeps its hash when the crate's types
//! evolve; old schema versions are upcast after verification ([`super::schema`]).
//!
//! **Hash**: `SHA-256("kerjasama/envelope/v1\n" ‖ canonical bytes)`, written as 64 lowercase
//! hex digits. The first envelope's `prev_hash` is 64 zeros; every later one holds the hash of
//! the envelope before it.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// Domain separation prefix of the envelope hash.
const DOMAIN: &[u8] = b"kerjasama/envelope/v1\n";

/// The `prev_hash` of the first envelope of a log.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Writes `value` canonically: compact, object members sorted by key.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (i, (key, member)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(member, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// Lowercase hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of an envelope given as a JSON value (its `hash` member, if any, is ignored).
///
/// ```
/// use kerjasama::audit::envelope_hash;
/// let a = envelope_hash(&serde_json::json!({"b": 1, "a": [true, null], "hash": "x"}));
/// let b = envelope_hash(&serde_json::json!({"a": [true, null], "b": 1}));
/// assert_eq!(a, b);
/// assert_eq!(a.len(), 64);
/// ```
pub fn envelope_hash(envelope: &Value) -> String {
    let body = match envelope {
        Value::Object(map) => {
            let mut map = map.clone();
            map.remove("hash");
            Value::Object(map)
        }
        other => other.clone(),
    };
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN);
    hasher.update(canonical_json(&body).as_bytes());
    hex(&hasher.finalize())
}

/// SHA-256 of any serialisable value's canonical JSON, for digests such as the policy's.
pub fn digest<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_value(value).unwrap_or(Value::Null);
    hex(&Sha256::digest(canonical_json(&json).as_bytes()))
}
