//! The canonical encodings and the SHA-256 hash chain.
//!
//! **Schema 2** (what this crate writes): the canonical bytes of an envelope are its compact
//! JSON encoding by this crate's types without the `hash` member: the members in the order
//! the schema documents ([`super::schema`]), object-valued policy values with their members
//! sorted by key, no insignificant whitespace, strings escaped as `serde_json` writes them.
//! The stored line is the same bytes with `,"hash":"…"` added as the last member, so anyone
//! can check a line by removing that member. The hash is
//! `SHA-256("kerjasama/envelope/v2\n" ‖ canonical bytes)` as 64 lowercase hex digits. A line
//! is verified over the canonical bytes of what it decodes to: whatever a store accepts,
//! replay accepts.
//!
//! **Schema 1** (read, never written): the envelope is converted to a JSON value, its `hash`
//! member is removed, and the value is written as compact JSON with the members of every
//! object sorted by key (byte order); the hash is `SHA-256("kerjasama/envelope/v1\n" ‖
//! those bytes)`.
//!
//! The first envelope's `prev_hash` is 64 zeros ([`GENESIS_HASH`]); every later one holds
//! the hash of the envelope before it, whatever its schema.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// Domain separation prefix of the schema-1 envelope hash.
const DOMAIN: &[u8] = b"kerjasama/envelope/v1\n";

/// Domain separation prefix of the schema-2 envelope hash.
const DOMAIN_V2: &[u8] = b"kerjasama/envelope/v2\n";

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

/// The schema-1 hash of an envelope given as a JSON value (its `hash` member, if any, is
/// ignored).
///
/// ```
/// use kerjasama::audit::v1_envelope_hash;
/// let a = v1_envelope_hash(&serde_json::json!({"b": 1, "a": [true, null], "hash": "x"}));
/// let b = v1_envelope_hash(&serde_json::json!({"a": [true, null], "b": 1}));
/// assert_eq!(a, b);
/// assert_eq!(a.len(), 64);
/// ```
pub fn v1_envelope_hash(envelope: &Value) -> String {
    let mut canonical = String::new();
    write_canonical(envelope, Some("hash"), &mut canonical);
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN);
    hasher.update(canonical.as_bytes());
    hex(&hasher.finalize())
}

/// The schema-2 hash of an envelope's canonical bytes (the stored line without its `hash`
/// member, see [`super::Envelope::canonical_bytes`]).
///
/// ```
/// use kerjasama::audit::{envelope_hash, schema::encode_envelope};
/// let log = kerjasama::sample::c03_rice().record_log().unwrap();
/// let line = encode_envelope(&log[0]);
/// // Anyone can check a line: drop the last member, `,"hash":"…"`, and hash the rest.
/// let (body, _) = line.rsplit_once(",\"hash\":").unwrap();
/// assert_eq!(envelope_hash(format!("{body}}}").as_bytes()), log[0].hash);
/// ```
pub fn envelope_hash(canonical: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN_V2);
    hasher.update(canonical);
    hex(&hasher.finalize())
}

/// The schema-2 hash of the canonical bytes of `body` (its compact `serde_json` encoding),
/// written straight into the hasher: the same hash as [`envelope_hash`] of those bytes,
/// without collecting them. Empty (matching no hash) if `body` cannot be encoded.
pub(crate) fn envelope_hash_of<T: serde::Serialize>(body: &T) -> String {
    /// Feeds what `serde_json` writes to the hasher.
    struct Feed<'a>(&'a mut Sha256);
    impl std::io::Write for Feed<'_> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN_V2);
    // serde_json writes in small pieces (a key, a comma): buffered, the hasher gets blocks.
    let mut feed = std::io::BufWriter::with_capacity(8192, Feed(&mut hasher));
    let written = serde_json::to_writer(&mut feed, body).and_then(|()| {
        use std::io::Write as _;
        feed.flush().map_err(serde_json::Error::io)
    });
    drop(feed);
    match written {
        Ok(()) => hex(&hasher.finalize()),
        Err(_) => String::new(),
    }
}

/// SHA-256 of a JSON value's canonical form: the policy digest schema-1 envelopes stored.
pub(crate) fn v1_digest(value: &Value) -> String {
    hex(&Sha256::digest(canonical_json(value).as_bytes()))
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
        assert_eq!(v1_envelope_hash(&value), hex(&hasher.finalize()));
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }
}
