//! Rules: id, provenance, citation and bilingual text.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::citation::{Citation, Instrument, Loc};

/// The stable id of a rule, exactly as in `shared/domain/RULES.md` (e.g. `KSD-DPRD-01`).
///
/// Ids only come from the catalogue ([`crate::law::rules::all`]): the constants in
/// [`crate::law`] or parsing a known id. An unknown id is a typed error, never a new rule.
///
/// ```
/// use kerjasama::law::{RuleId, KSD_DPRD_01};
/// let id: RuleId = "KSD-DPRD-01".parse().unwrap();
/// assert_eq!(id, KSD_DPRD_01);
/// assert!("ksd-dprd-01".parse::<RuleId>().is_err()); // ids are exact, never guessed
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(&'static str);

impl RuleId {
    /// Used by the catalogue only: ids are never made up elsewhere.
    pub(crate) const fn new(id: &'static str) -> Self {
        RuleId(id)
    }

    /// The id as written in RULES.md.
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// The catalogue entry of this rule.
    pub fn rule(self) -> Rule {
        self.entry().to_rule()
    }

    /// The provenance tag of this rule.
    pub fn provenance(self) -> Provenance {
        self.entry().provenance
    }

    /// Where this rule comes from.
    pub fn citation(self) -> Citation {
        self.entry().citation()
    }

    pub(crate) fn entry(self) -> &'static Entry {
        super::rules::entry(self)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Error for a rule id that is not in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule id `{0}`: ids come from RULES.md (id tidak dikenal)")]
pub struct UnknownRuleId(pub String);

impl std::str::FromStr for RuleId {
    type Err = UnknownRuleId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        super::rules::entries()
            .iter()
            .find(|entry| entry.id.0 == s)
            .map(|entry| entry.id)
            .ok_or_else(|| UnknownRuleId(s.to_owned()))
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A rule id in a JSON Schema: a string, one of the catalogue's ids.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for RuleId {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("RuleId")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::RuleId"))
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let ids: Vec<&str> = super::rules::entries()
            .iter()
            .map(|entry| entry.id.as_str())
            .collect();
        schemars::json_schema!({
            "description": "A rule id of the catalogue (docs/rules.md), e.g. `KSD-DPRD-01`.",
            "type": "string",
            "enum": ids
        })
    }
}

/// Provenance tag of a rule (RULES.md §1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Provenance {
    /// `[PRIMARY]`: verified in PP 28/2018; enforced as law.
    Primary,
    /// `[SECONDARY]`: practice; a configurable [`crate::law::Policy`] value with a default.
    Secondary,
    /// `[LEGACY]`: PP 50/2007 era; only in the legacy rule set.
    Legacy,
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Provenance::Primary => "PRIMARY",
            Provenance::Secondary => "SECONDARY",
            Provenance::Legacy => "LEGACY",
        })
    }
}

/// One rule of the catalogue, as data a caller can keep, print or send.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Rule")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Rule {
    /// Stable id from RULES.md.
    pub id: RuleId,
    /// Provenance tag.
    pub provenance: Provenance,
    /// Where it comes from.
    pub citation: Citation,
    /// What the rule says, in Indonesian.
    pub text_id: String,
    /// What the rule says, in English.
    pub text_en: String,
    /// The [`crate::law::Policy`] field that configures it, for `[SECONDARY]` rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_key: Option<String>,
}
crate::serde_shape::map_shaped!(Rule);

/// The catalogue's compile-time form of a [`Rule`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) id: RuleId,
    pub(crate) provenance: Provenance,
    instrument: Instrument,
    locators: &'static [Loc],
    source: Option<&'static str>,
    absence: bool,
    text_id: &'static str,
    text_en: &'static str,
    policy_key: Option<&'static str>,
}

impl Entry {
    /// A `[PRIMARY]` rule of PP 28/2018.
    pub(crate) const fn primary(
        id: RuleId,
        locators: &'static [Loc],
        text_id: &'static str,
        text_en: &'static str,
    ) -> Self {
        Entry {
            id,
            provenance: Provenance::Primary,
            instrument: Instrument::Pp28_2018,
            locators,
            source: None,
            absence: false,
            text_id,
            text_en,
            policy_key: None,
        }
    }

    /// Marks a `[PRIMARY]` rule that records an absence in the text ("the PP sets no ...").
    pub(crate) const fn absence(self) -> Self {
        Entry {
            absence: true,
            ..self
        }
    }

    /// A `[SECONDARY]` rule: practice or secondary sources, configured by a policy key.
    pub(crate) const fn secondary(
        id: RuleId,
        instrument: Instrument,
        source: &'static str,
        policy_key: &'static str,
        text_id: &'static str,
        text_en: &'static str,
    ) -> Self {
        Entry {
            id,
            provenance: Provenance::Secondary,
            instrument,
            locators: &[],
            source: Some(source),
            absence: false,
            text_id,
            text_en,
            policy_key: Some(policy_key),
        }
    }

    /// A `[LEGACY]` rule of PP 50/2007 or Permendagri 22/2009.
    pub(crate) const fn legacy(
        id: RuleId,
        instrument: Instrument,
        locators: &'static [Loc],
        text_id: &'static str,
        text_en: &'static str,
    ) -> Self {
        Entry {
            id,
            provenance: Provenance::Legacy,
            instrument,
            locators,
            source: None,
            absence: false,
            text_id,
            text_en,
            policy_key: None,
        }
    }

    pub(crate) fn citation(&self) -> Citation {
        Citation {
            instrument: self.instrument,
            locators: self.locators.iter().map(|loc| loc.to_locator()).collect(),
            source: self.source.map(str::to_owned),
            absence: self.absence,
        }
    }

    pub(crate) const fn text_id(&self) -> &'static str {
        self.text_id
    }

    pub(crate) const fn text_en(&self) -> &'static str {
        self.text_en
    }

    pub(crate) fn to_rule(self) -> Rule {
        Rule {
            id: self.id,
            provenance: self.provenance,
            citation: self.citation(),
            text_id: self.text_id().to_owned(),
            text_en: self.text_en().to_owned(),
            policy_key: self.policy_key.map(str::to_owned),
        }
    }
}
