//! A policy as the values a decision was taken under: what the audit log stores.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::policy::Policy;

/// The values of a [`Policy`] as stored with a decision: a JSON object holding the fields
/// whose value differs from the default policy of the rule-set version the decision was
/// taken under ([`super::RuleSetVersion::default_policy`], frozen with that version), written
/// with the members of every object sorted by key.
///
/// Stored as values, never as a digest of the struct: a later version of this crate that
/// adds a `Policy` field with a default reads old values with that default, and the stored
/// bytes (and their hash) do not change. A decision under the default policy stores `{}`.
///
/// ```
/// use kerjasama::law::{KbSignatoryPolicy, Policy, PolicyValues, RuleSetRegistry};
/// let version = *RuleSetRegistry::standard().latest_current();
/// let mut policy = Policy::default();
/// policy.kb_signatory_policy = KbSignatoryPolicy::Error;
/// let values = version.policy_values(&policy);
/// assert_eq!(values.get("kb_signatory_policy"), Some(&serde_json::json!("error")));
/// assert_eq!(values.as_map().len(), 1); // only what differs from the version's defaults
/// assert_eq!(version.policy_from(&values)?, policy);
/// assert!(version.policy_values(&Policy::default()).as_map().is_empty());
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
    /// Every value of `policy` (not only those that differ from a default).
    pub fn of(policy: &Policy) -> Self {
        match serde_json::to_value(policy) {
            Ok(Value::Object(map)) => PolicyValues(map),
            // A derived Serialize of a struct always yields an object.
            _ => PolicyValues(Map::new()),
        }
    }

    /// The values of `policy` that differ from `defaults` (the frozen JSON of a version's
    /// default policy).
    pub fn against(policy: &Policy, defaults: &str) -> Self {
        let base = parse_object(defaults).unwrap_or_default();
        let PolicyValues(all) = Self::of(policy);
        PolicyValues(
            all.into_iter()
                .filter(|(field, value)| base.get(field) != Some(value))
                .collect(),
        )
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

    /// The policy these values describe on top of `defaults` (the frozen JSON of a version's
    /// default policy); a field in neither takes today's default.
    pub fn to_policy_on(&self, defaults: &str) -> Result<Policy, PolicyValuesError> {
        let mut merged = parse_object(defaults).map_err(|message| PolicyValuesError { message })?;
        for (field, value) in &self.0 {
            merged.insert(field.clone(), value.clone());
        }
        serde_json::from_value(Value::Object(merged)).map_err(|e| PolicyValuesError {
            message: e.to_string(),
        })
    }
}

fn parse_object(text: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("default policy values are not a JSON object".into()),
        Err(e) => Err(format!("default policy values: {e}")),
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

/// Policy values in a JSON Schema: an object of [`Policy`] fields (those that differ from the
/// defaults of the rule-set version the decision was taken under).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for PolicyValues {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("PolicyValues")
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed(concat!(module_path!(), "::PolicyValues"))
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The `Policy` fields whose value differs from the default policy of the rule-set version the decision was taken under, members sorted by key (`{}` for the default policy).",
            "type": "object"
        })
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
