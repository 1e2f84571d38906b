//! Cooperation kinds and objects (KSD-KIND-01, -06; KSD-PK-02; KSD-OBJ-01..04).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::affair::Urusan;

/// The id of a cooperation, chosen by the caller (UUID v7 recommended; `decide` makes none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct CooperationId(pub uuid::Uuid);

impl fmt::Display for CooperationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A text that is not a cooperation id (a UUID).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a cooperation id (a UUID such as 01900000-0000-7000-8000-000000000006)")]
pub struct ParseCooperationIdError(pub String);

impl std::str::FromStr for CooperationId {
    type Err = ParseCooperationIdError;

    /// Parses the hyphenated form of a UUID.
    ///
    /// ```
    /// use kerjasama::model::CooperationId;
    /// let id: CooperationId = "01900000-0000-7000-8000-000000000006".parse()?;
    /// assert_eq!(id.to_string(), "01900000-0000-7000-8000-000000000006");
    /// assert!("C06".parse::<CooperationId>().is_err());
    /// # Ok::<(), kerjasama::model::ParseCooperationIdError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        uuid::Uuid::parse_str(text)
            .map(CooperationId)
            .map_err(|_| ParseCooperationIdError(text.to_owned()))
    }
}

impl From<uuid::Uuid> for CooperationId {
    fn from(id: uuid::Uuid) -> Self {
        CooperationId(id)
    }
}

/// Category of a KSDD (KSD-KIND-06): wajib or sukarela, no third value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum KsddCategory {
    /// Mandatory cooperation between bordering regions (kerja sama wajib, Pasal 3 ayat (2)).
    Wajib,
    /// Voluntary cooperation (kerja sama sukarela, Pasal 3 ayat (3)).
    Sukarela,
}

/// Type of a KSDPK (KSD-PK-02, Pasal 15 ayat (1)); (d) split into its known forms (KSD-PK-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum KsdpkType {
    /// (a) provision of public services (penyediaan pelayanan publik).
    PublicService,
    /// (b) asset cooperation adding value and yielding revenue (pengelolaan aset).
    AssetUtilisation,
    /// (c) investment (penanaman modal).
    Investment,
    /// (d) infrastructure provision with a legal-entity business (best-known reading).
    InfrastructureProvision,
    /// (d) procurement of goods and services.
    Procurement,
    /// (d) other cooperation not contrary to law; must say what it is.
    Other,
}

impl KsdpkType {
    /// The letter of Pasal 15 ayat (1).
    pub fn letter(self) -> char {
        match self {
            KsdpkType::PublicService => 'a',
            KsdpkType::AssetUtilisation => 'b',
            KsdpkType::Investment => 'c',
            _ => 'd',
        }
    }
}

/// Who takes the initiative of a KSDPK (§4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Initiative {
    /// Region initiative (prakarsa daerah, Pasal 17).
    Region,
    /// Third-party initiative (prakarsa pihak ketiga, Pasal 18).
    ThirdParty,
}

/// The kind of a cooperation (KSD-KIND-01).
///
/// ```
/// use kerjasama::model::{CooperationKind, KsddCategory};
/// let kind: CooperationKind = serde_json::from_str(r#"{"kind":"ksdd","category":"wajib"}"#)?;
/// assert_eq!(kind, CooperationKind::Ksdd { category: Some(KsddCategory::Wajib) });
/// assert!(serde_json::from_str::<CooperationKind>(r#"{"kind":"ksdx"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CooperationKind")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "kind",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum CooperationKind {
    /// Region with other regions (KSDD). `category` is `None` only in records of the legacy
    /// regime, which had no wajib/sukarela split; the current rule set refuses it (KSD-KIND-06).
    Ksdd {
        /// Wajib or sukarela.
        category: Option<KsddCategory>,
    },
    /// Region with a third party (KSDPK).
    Ksdpk {
        /// Type (KSD-PK-02).
        ksdpk_type: KsdpkType,
        /// Who took the initiative.
        initiative: Initiative,
        /// For type (d) `Other`: what cooperation it is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        type_description: Option<String>,
    },
    /// With a foreign regional government (KSDPL): out of scope in v1 (KSD-KIND-01).
    #[serde(deserialize_with = "super::no_fields")]
    Ksdpl,
    /// With a foreign institution (KSDLL): out of scope in v1 (KSD-KIND-01).
    #[serde(deserialize_with = "super::no_fields")]
    Ksdll,
}
crate::serde_shape::map_shaped!(CooperationKind);

impl CooperationKind {
    /// A kerja sama wajib between bordering regions (KSD-KIND-07).
    pub const fn wajib() -> Self {
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Wajib),
        }
    }

    /// A kerja sama sukarela between regions (KSD-KIND-08).
    ///
    /// ```
    /// use kerjasama::model::{CooperationKind, KsddCategory};
    /// assert_eq!(CooperationKind::sukarela(), CooperationKind::Ksdd { category: Some(KsddCategory::Sukarela) });
    /// ```
    pub const fn sukarela() -> Self {
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Sukarela),
        }
    }

    /// A KSDPK of `ksdpk_type` on `initiative` (KSD-PK-02; §4.3).
    pub const fn ksdpk(ksdpk_type: KsdpkType, initiative: Initiative) -> Self {
        CooperationKind::Ksdpk {
            ksdpk_type,
            initiative,
            type_description: None,
        }
    }

    /// Whether this is a kerja sama wajib.
    pub fn is_wajib(&self) -> bool {
        matches!(
            self,
            CooperationKind::Ksdd {
                category: Some(KsddCategory::Wajib)
            }
        )
    }

    /// Whether this is a KSDPK.
    pub fn is_ksdpk(&self) -> bool {
        matches!(self, CooperationKind::Ksdpk { .. })
    }

    /// The KSDPK initiative, if this is a KSDPK.
    pub fn initiative(&self) -> Option<Initiative> {
        match self {
            CooperationKind::Ksdpk { initiative, .. } => Some(*initiative),
            _ => None,
        }
    }

    /// The KSDPK type, if this is a KSDPK.
    pub fn ksdpk_type(&self) -> Option<KsdpkType> {
        match self {
            CooperationKind::Ksdpk { ksdpk_type, .. } => Some(*ksdpk_type),
            _ => None,
        }
    }

    /// The branch of the lifecycle this kind follows.
    pub fn track(&self) -> Track {
        match self {
            CooperationKind::Ksdd {
                category: Some(KsddCategory::Wajib),
            } => Track::KsddWajib,
            CooperationKind::Ksdpk {
                initiative: Initiative::Region,
                ..
            } => Track::KsdpkRegion,
            CooperationKind::Ksdpk {
                initiative: Initiative::ThirdParty,
                ..
            } => Track::KsdpkThirdParty,
            _ => Track::KsddSukarela,
        }
    }
}

/// The four branches of the lifecycle (RULES.md §4.5): each transition row names those it
/// belongs to, and diagrams are drawn per track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Track {
    /// KSDD kerja sama wajib, with the mapping and coordination pre-stages.
    KsddWajib,
    /// KSDD kerja sama sukarela.
    KsddSukarela,
    /// KSDPK initiated by the region.
    KsdpkRegion,
    /// KSDPK initiated by the third party.
    KsdpkThirdParty,
}

impl Track {
    /// All tracks.
    pub const ALL: [Track; 4] = [
        Track::KsddWajib,
        Track::KsddSukarela,
        Track::KsdpkRegion,
        Track::KsdpkThirdParty,
    ];

    /// Short name, e.g. `ksdd_wajib`.
    pub fn name(self) -> &'static str {
        match self {
            Track::KsddWajib => "ksdd_wajib",
            Track::KsddSukarela => "ksdd_sukarela",
            Track::KsdpkRegion => "ksdpk_region",
            Track::KsdpkThirdParty => "ksdpk_third_party",
        }
    }
}

/// Why an object outside the development plan is allowed (KSD-OBJ-03, Pasal 4 ayat (3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OffPlanReason {
    /// (a) handling an emergency (kondisi darurat).
    Emergency,
    /// (b) supporting a national strategic programme (program strategis nasional).
    NationalStrategicProgramme,
    /// (c) an assignment under the co-administration principle (tugas pembantuan).
    CoAdministration,
}

/// The object of a cooperation (KSD-OBJ-01..03; KSD-KIND-07 rationale fields).
///
/// Made with [`CooperationObject::in_plan`] or [`CooperationObject::off_plan`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CooperationObject")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct CooperationObject {
    /// Short description, e.g. `TPA regional dengan tipping fee`.
    pub title: String,
    /// The government affairs concerned (KSD-OBJ-01); each counts as one object for
    /// KSD-ENF-08's "> 2 objects".
    pub urusan: Vec<Urusan>,
    /// Free local tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Whether the object comes from the development plan (RPJMD/RKPD) (KSD-OBJ-02).
    pub in_development_plan: bool,
    /// The plan item it comes from, e.g. `RPJMD 2021–2026 misi 3` (KSD-OBJ-02 evidence).
    #[serde(default)]
    pub plan_reference: Option<String>,
    /// Required when `in_development_plan` is false (KSD-OBJ-03): one or more of the three
    /// reasons of Pasal 4 ayat (3) and Pasal 16 ayat (3) ("dan/atau"). Stored as the member
    /// `off_plan_reason`: `null` for none, the reason for one, a list for several.
    #[serde(default, rename = "off_plan_reason", with = "one_or_many")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "one_or_many::schema"))]
    pub off_plan_reasons: Vec<OffPlanReason>,
    /// Kerja sama wajib: the affair has cross-regional externalities (KSD-KIND-07 (a)).
    #[serde(default)]
    pub cross_border_externality: bool,
    /// Kerja sama wajib: why joint management is more efficient (KSD-KIND-07 (b)).
    #[serde(default)]
    pub joint_efficiency_rationale: String,
}
crate::serde_shape::map_shaped!(CooperationObject);

impl CooperationObject {
    /// An object taken from the development plan (KSD-OBJ-02), with the plan item it comes
    /// from.
    ///
    /// ```
    /// use kerjasama::model::{CooperationObject, Urusan};
    /// let object = CooperationObject::in_plan(
    ///     "Cadangan pangan",
    ///     [Urusan::Pangan],
    ///     "RPJMD Sidrap 2021–2026 misi 3",
    /// );
    /// assert!(object.in_development_plan);
    /// assert_eq!(object.plan_reference.as_deref(), Some("RPJMD Sidrap 2021–2026 misi 3"));
    /// ```
    pub fn in_plan(
        title: impl Into<String>,
        urusan: impl IntoIterator<Item = Urusan>,
        plan_reference: impl Into<String>,
    ) -> Self {
        CooperationObject {
            title: title.into(),
            urusan: urusan.into_iter().collect(),
            tags: Vec::new(),
            in_development_plan: true,
            plan_reference: Some(plan_reference.into()),
            off_plan_reasons: Vec::new(),
            cross_border_externality: false,
            joint_efficiency_rationale: String::new(),
        }
    }

    /// An object outside the development plan, with the reason Pasal 4 ayat (3) allows it
    /// (KSD-OBJ-03).
    ///
    /// ```
    /// use kerjasama::model::{CooperationObject, OffPlanReason, Urusan};
    /// let object = CooperationObject::off_plan(
    ///     "Penanganan banjir",
    ///     [Urusan::KetenteramanKetertibanUmum],
    ///     OffPlanReason::Emergency,
    /// );
    /// assert!(!object.in_development_plan);
    /// assert_eq!(object.off_plan_reasons, [OffPlanReason::Emergency]);
    /// ```
    pub fn off_plan(
        title: impl Into<String>,
        urusan: impl IntoIterator<Item = Urusan>,
        reason: OffPlanReason,
    ) -> Self {
        CooperationObject {
            in_development_plan: false,
            plan_reference: None,
            off_plan_reasons: vec![reason],
            ..CooperationObject::in_plan(title, urusan, String::new())
        }
    }

    /// Adds a further reason of Pasal 4 ayat (3) (an object may have several).
    ///
    /// ```
    /// use kerjasama::model::{CooperationObject, OffPlanReason, Urusan};
    /// let object = CooperationObject::off_plan("Penanganan banjir", [Urusan::Sosial], OffPlanReason::Emergency)
    ///     .with_off_plan_reason(OffPlanReason::NationalStrategicProgramme);
    /// assert_eq!(object.off_plan_reasons.len(), 2);
    /// let json = serde_json::to_value(&object)?;
    /// assert_eq!(json["off_plan_reason"], serde_json::json!(["emergency", "national_strategic_programme"]));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn with_off_plan_reason(mut self, reason: OffPlanReason) -> Self {
        if !self.off_plan_reasons.contains(&reason) {
            self.off_plan_reasons.push(reason);
        }
        self
    }

    /// Adds free local tags.
    ///
    /// ```
    /// use kerjasama::model::{CooperationObject, Urusan};
    /// let object = CooperationObject::in_plan("Cadangan pangan", [Urusan::Pangan], "RKPD 2024")
    ///     .with_tags(["inflasi", "beras"]);
    /// assert_eq!(object.tags, ["inflasi", "beras"]);
    /// ```
    pub fn with_tags<T: Into<String>>(mut self, tags: impl IntoIterator<Item = T>) -> Self {
        self.tags.extend(tags.into_iter().map(Into::into));
        self
    }

    /// Kerja sama wajib: whether the affair has cross-regional externalities (KSD-KIND-07 (a)).
    ///
    /// ```
    /// use kerjasama::model::{CooperationObject, Urusan};
    /// let landfill = CooperationObject::in_plan("TPA regional", [Urusan::LingkunganHidup], "RPJMD misi 4")
    ///     .with_cross_border_externality(true)
    ///     .with_joint_efficiency_rationale("satu TPA regional lebih efisien daripada tiga TPA terpisah");
    /// assert!(landfill.cross_border_externality);
    /// ```
    #[must_use]
    pub fn with_cross_border_externality(mut self, externality: bool) -> Self {
        self.cross_border_externality = externality;
        self
    }

    /// Kerja sama wajib: why joint management is more efficient (KSD-KIND-07 (b)).
    ///
    /// ```
    /// use kerjasama::model::{CooperationObject, Urusan};
    /// let water = CooperationObject::in_plan("SPAM regional", [Urusan::PekerjaanUmumPenataanRuang], "RPJMD")
    ///     .with_joint_efficiency_rationale("satu sistem untuk sumber air bersama");
    /// assert_eq!(water.joint_efficiency_rationale, "satu sistem untuk sumber air bersama");
    /// ```
    #[must_use]
    pub fn with_joint_efficiency_rationale(mut self, rationale: impl Into<String>) -> Self {
        self.joint_efficiency_rationale = rationale.into();
        self
    }
}

/// The off-plan reasons as the member `off_plan_reason`: `null` for none, the reason itself
/// for one (the form stored before several were allowed, kept so that stored logs keep their
/// bytes), and a list for several.
mod one_or_many {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::OffPlanReason;

    pub(super) fn serialize<S: Serializer>(
        reasons: &[OffPlanReason],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match reasons {
            [] => serializer.serialize_none(),
            [one] => one.serialize(serializer),
            several => several.serialize(serializer),
        }
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Form {
        One(OffPlanReason),
        Several(Vec<OffPlanReason>),
    }

    /// The JSON Schema of the member: `null`, one reason, or a list of them.
    #[cfg(feature = "schema")]
    pub(super) fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one = generator.subschema_for::<OffPlanReason>();
        schemars::json_schema!({
            "description": "`null` for none, the reason for one, a list for several.",
            "anyOf": [{ "type": "null" }, one, { "type": "array", "items": one }]
        })
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<OffPlanReason>, D::Error> {
        Ok(match Option::<Form>::deserialize(deserializer)? {
            None => Vec::new(),
            Some(Form::One(reason)) => vec![reason],
            Some(Form::Several(reasons)) => reasons,
        })
    }
}
