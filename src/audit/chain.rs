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
    write_canonical(value, None, &mut out);
    out
}

/// Appends the canonical form of `value` to `out`, leaving out the member `skip` of a
/// top-level object. Logs are hashed on every open, load and replay, so this writes in
/// place (no clone of the value) and, when `serde_json`'s map keeps its keys sorted (its
/// default), lets `serde_json`'s compact writer do the work: its output then *is* the
/// canonical form.
fn write_canonical(value: &Value, skip: Option<&str>, out: &mut String) {
    use std::fmt::Write as _;
    let sorted = map_keeps_keys_sorted();
    match value {
        Value::Object(map) if skip.is_some() || !sorted => {
            let mut members: Vec<(&String, &Value)> = map
                .iter()
                .filter(|(key, _)| Some(key.as_str()) != skip)
                .collect();
            if !sorted {
                members.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            }
            out.push('{');
            for (i, (key, member)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_canonical(member, None, out);
            }
            out.push('}');
        }
        _ if sorted => {
            let _ = write!(out, "{value}");
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, None, out);
            }
            out.push(']');
        }
        Value::String(text) => write_string(text, out),
        scalar => {
            let _ = write!(out, "{scalar}");
        }
    }
}

/// Whether `serde_json::Map` iterates in key order: true unless some crate in the build
/// turns on `serde_json`'s `preserve_order` feature.
fn map_keeps_keys_sorted() -> bool {
    static SORTED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *SORTED.get_or_init(|| {
        let mut map = serde_json::Map::new();
        map.insert("b".to_owned(), Value::Null);
        map.insert("a".to_owned(), Value::Null);
        map.insert("\u{e9}".to_owned(), Value::Null);
        map.keys().map(String::as_str).eq(["a", "b", "\u{e9}"])
    })
}

/// A JSON string as `serde_json` writes it: verbatim unless it holds `"`, `\` or a control
/// character, which `serde_json` escapes.
fn write_string(text: &str, out: &mut String) {
    let needs_escape = |b: &u8| *b == b'"' || *b == b'\\' || *b < 0x20;
    if text.as_bytes().iter().any(needs_escape) {
        out.push_str(&Value::String(text.to_owned()).to_string());
    } else {
        out.push('"');
        out.push_str(text);
        out.push('"');
    }
}

/// Lowercase hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        for nibble in [byte >> 4, byte & 0x0f] {
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    out
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
    let mut canonical = String::new();
    write_canonical(envelope, Some("hash"), &mut canonical);
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN);
    hasher.update(canonical.as_bytes());
    hex(&hasher.finalize())
}

/// SHA-256 of any serialisable value's canonical JSON, for digests such as the policy's.
pub fn digest<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_value(value).unwrap_or(Value::Null);
    hex(&Sha256::digest(canonical_json(&json).as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical form is pinned: keys in byte order at every depth, serde_json's escapes,
    /// the top-level `hash` left out of the hash only.
    #[test]
    fn canonical_form_and_hash_are_stable() {
        let value = serde_json::json!({
            "hash": "ignored by the hash",
            "z": [1, -2, 18446744073709551615_u64, null, true, {"y": "é–", "x": "q\"\\\n\u{1}"}],
            "a": {"hash": "kept when nested", "b": false},
        });
        assert_eq!(
            canonical_json(&value),
            r#"{"a":{"b":false,"hash":"kept when nested"},"hash":"ignored by the hash","z":[1,-2,18446744073709551615,null,true,{"x":"q\"\\\n\u0001","y":"é–"}]}"#
        );
        let mut body = value.clone();
        if let Value::Object(map) = &mut body {
            map.remove("hash");
        }
        let mut hasher = Sha256::new();
        hasher.update(DOMAIN);
        hasher.update(canonical_json(&body).as_bytes());
        assert_eq!(envelope_hash(&value), hex(&hasher.finalize()));
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }
}
