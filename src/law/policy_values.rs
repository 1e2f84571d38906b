//! A policy as the values a decision was taken under: what the audit log stores.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::policy::Policy;

/// The values of a [`Policy`] as stored with a decision: a JSON object whose members are the
/// policy's fields, written with the members of every object sorted by key.
///
/// Stored as values, never as a digest of the struct: a later version of this crate that
/// adds a `Policy` field with a default reads old values with that default, and the stored
/// bytes (and their hash) do not change.
///
/// ```
/// use kerjasama::law::{KbSignatoryPolicy, Policy, PolicyValues};
/// let mut policy = Policy::default();
/// policy.kb_signatory_policy = KbSignatoryPolicy::Error;
/// let values = PolicyValues::of(&policy);
/// assert_eq!(values.get("kb_signatory_policy"), Some(&serde_json::json!("error")));
/// assert_eq!(values.to_policy()?, policy);
/// // Values written before a field existed read with that field's default.
/// let mut old = serde_json::Map::new();
/// old.insert("max_term_years".into(), serde_json::json!(10));
/// let read = PolicyValues::from_map(old).to_policy()?;
/// assert_eq!(read.max_term_years, Some(10));
/// assert_eq!(read.kb_signatory_policy, Policy::default().kb_signatory_policy);
/// # Ok::<(), kerjasama::law::PolicyValuesError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyValues(Map<String, Value>);

/// Stored policy values this version of the crate cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("policy values cannot be read: {message} (nilai kebijakan tidak dapat dibaca)")]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct PolicyValuesError {
    /// What is wrong, naming the field (an unknown field means values written by a newer
    /// version of the crate).
    pub message: String,
}
crate::serde_shape::map_shaped!(PolicyValuesError);

impl PolicyValues {
    /// The values of `policy`.
    pub fn of(policy: &Policy) -> Self {
        match serde_json::to_value(policy) {
            Ok(Value::Object(map)) => PolicyValues(map),
            // A derived Serialize of a struct always yields an object.
            _ => PolicyValues(Map::new()),
        }
    }

    /// Values given as a JSON object (read from a log or a policy file).
    pub fn from_map(map: Map<String, Value>) -> Self {
        PolicyValues(map)
    }

    /// One value, by field name.
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.0.get(field)
    }

    /// The values as a JSON object.
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.0
    }

    /// The policy these values describe; fields absent from the values take their default.
    pub fn to_policy(&self) -> Result<Policy, PolicyValuesError> {
        serde_json::from_value(Value::Object(self.0.clone())).map_err(|e| PolicyValuesError {
            message: e.to_string(),
        })
    }
}

/// A JSON value written with object members sorted by key at every depth, whatever the
/// `serde_json` map order of the build.
struct Canonical<'a>(&'a Value);

impl Serialize for Canonical<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        match self.0 {
            Value::Object(map) => CanonicalMap(map).serialize(serializer),
            Value::Array(items) => {
                let mut out = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    out.serialize_element(&Canonical(item))?;
                }
                out.end()
            }
            scalar => scalar.serialize(serializer),
        }
    }
}

/// A JSON object written with its members sorted by key at every depth.
struct CanonicalMap<'a>(&'a Map<String, Value>);

impl Serialize for CanonicalMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut members: Vec<(&String, &Value)> = self.0.iter().collect();
        members.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let mut out = serializer.serialize_map(Some(members.len()))?;
        for (key, value) in members {
            out.serialize_entry(key, &Canonical(value))?;
        }
        out.end()
    }
}

impl Serialize for PolicyValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CanonicalMap(&self.0).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for PolicyValues {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Object(map) => Ok(PolicyValues(map)),
            other => Err(D::Error::custom(format!(
                "policy values must be a JSON object, not {other}"
            ))),
        }
    }
}
