//! Parties: regions and third parties (pihak ketiga), n-ary, with DPRD gate flags and funding.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::region::{KodeWilayah, Region};

/// Identifies a party of a cooperation: a region by its code, a third party by the caller's id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PartyId {
    /// A region party (pemerintah daerah), by its kode wilayah.
    Region(KodeWilayah),
    /// A third party (pihak ketiga), by an id the caller chooses (e.g. its NIB).
    ThirdParty(String),
}

impl fmt::Display for PartyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartyId::Region(code) => write!(f, "{code}"),
            PartyId::ThirdParty(id) => write!(f, "pihak ketiga {id}"),
        }
    }
}

impl From<KodeWilayah> for PartyId {
    fn from(code: KodeWilayah) -> Self {
        PartyId::Region(code)
    }
}

/// Kind of business entity with legal-entity status (KSD-PK-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BusinessEntity {
    /// State-owned enterprise (BUMN).
    Bumn,
    /// Region-owned enterprise (BUMD).
    Bumd,
    /// Cooperative (koperasi).
    Cooperative,
    /// Private company (perseroan swasta).
    PrivateCompany,
}

/// The three third-party categories of PP 28/2018 Pasal 14 (KSD-PK-01); no other exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ThirdPartyKind")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "category",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum ThirdPartyKind {
    /// Individual (perseorangan).
    #[serde(deserialize_with = "super::no_fields")]
    Individual,
    /// Business entity with legal-entity status (badan usaha berbadan hukum).
    LegalEntityBusiness {
        /// Which kind of entity.
        entity: BusinessEntity,
    },
    /// Civil-society organisation (organisasi kemasyarakatan, best-known reading).
    Organisation {
        /// Whether it has legal-entity status.
        legal_entity: bool,
    },
}
crate::serde_shape::map_shaped!(ThirdPartyKind);

/// A third party (pihak ketiga).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ThirdParty")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct ThirdParty {
    /// The caller's id for it (the same as in its [`PartyId::ThirdParty`]).
    pub id: String,
    /// Name, e.g. `PT Wisata Danau Sidenreng`.
    pub name: String,
    /// Category (KSD-PK-01).
    pub kind: ThirdPartyKind,
}
crate::serde_shape::map_shaped!(ThirdParty);

impl ThirdParty {
    /// A third party by the caller's id for it, its name and its category (KSD-PK-01).
    ///
    /// ```
    /// use kerjasama::model::{BusinessEntity, PartyId, ThirdParty, ThirdPartyKind};
    /// let company = ThirdParty::new(
    ///     "pt-wisata-danau-sidenreng",
    ///     "PT Wisata Danau Sidenreng (fiktif)",
    ///     ThirdPartyKind::LegalEntityBusiness { entity: BusinessEntity::PrivateCompany },
    /// );
    /// assert_eq!(company.party_id(), PartyId::ThirdParty("pt-wisata-danau-sidenreng".into()));
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: ThirdPartyKind) -> Self {
        ThirdParty {
            id: id.into(),
            name: name.into(),
            kind,
        }
    }

    /// Its id as a party of a cooperation.
    pub fn party_id(&self) -> PartyId {
        PartyId::ThirdParty(self.id.clone())
    }
}

/// A party of a cooperation. Parties are n-ary: never assume two.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Party")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Party {
    /// A region (provinsi, kabupaten, kota).
    Region(Region),
    /// A third party.
    ThirdParty(ThirdParty),
    /// A ministry or central agency. Never a valid KSD party: programme support between the
    /// centre and a region is synergy (sinergi), not KSD (KSD-KIND-04). Kept so that such input
    /// is refused with that citation instead of being misfiled as a third party.
    CentralAgency {
        /// Name of the ministry or agency.
        name: String,
    },
}
crate::serde_shape::map_shaped!(Party);

impl Party {
    /// A region party by its code and official name.
    ///
    /// ```
    /// use kerjasama::model::{KodeWilayah, Party, PartyId};
    /// let sidrap = Party::region(KodeWilayah::SIDRAP, "Kabupaten Sidenreng Rappang");
    /// assert_eq!(sidrap.id(), Some(PartyId::Region(KodeWilayah::SIDRAP)));
    /// assert_eq!(sidrap.name(), "Kabupaten Sidenreng Rappang");
    /// ```
    pub fn region(code: KodeWilayah, name: impl Into<String>) -> Party {
        Party::Region(Region {
            code,
            name: name.into(),
        })
    }

    /// A third party (pihak ketiga).
    ///
    /// ```
    /// use kerjasama::model::{Party, ThirdParty, ThirdPartyKind};
    /// let person = Party::third_party(ThirdParty::new("nik-7314", "Ahmad (fiktif)", ThirdPartyKind::Individual));
    /// assert_eq!(person.name(), "Ahmad (fiktif)");
    /// ```
    pub fn third_party(third: ThirdParty) -> Party {
        Party::ThirdParty(third)
    }

    /// The id of this party (`None` for a central agency, which is never a party).
    pub fn id(&self) -> Option<PartyId> {
        match self {
            Party::Region(region) => Some(PartyId::Region(region.code)),
            Party::ThirdParty(third) => Some(PartyId::ThirdParty(third.id.clone())),
            Party::CentralAgency { .. } => None,
        }
    }

    /// The display name.
    pub fn name(&self) -> &str {
        match self {
            Party::Region(region) => &region.name,
            Party::ThirdParty(third) => &third.name,
            Party::CentralAgency { name } => name,
        }
    }
}

/// The two DPRD gate flags of PP 28/2018 Pasal 6 ayat (2) for one region party (KSD-DPRD-01),
/// with flag A split so that either reading can be computed (see [`crate::law::Policy`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "DprdGate")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct DprdGate {
    /// The plan burdens the community (membebani masyarakat).
    pub burdens_community: bool,
    /// The plan burdens the region (membebani daerah).
    pub burdens_region: bool,
    /// Flag B: funding not yet budgeted in the current fiscal year's APBD.
    pub not_budgeted_in_current_apbd: bool,
    /// Why the flags are as they are.
    pub justification: String,
    /// The fiscal year whose APBD flag B speaks of: for a later PKS under the same KB, the
    /// year of its funding (issue "Every PKS passes stages e–f").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<i32>,
    /// Legacy (PP 50/2007 Pasal 9, LEG-DPRD-01): the plan uses or exploits regional assets
    /// (menggunakan dan/atau memanfaatkan aset daerah). The current rule set does not read it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub uses_regional_assets: bool,
    /// Legacy (PP 50/2007 Pasal 10, LEG-DPRD-01): the cooperation carries out the duties and
    /// functions of a work unit (SKPD). The current rule set does not read it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub within_work_unit_duties: bool,
}
crate::serde_shape::map_shaped!(DprdGate);

impl DprdGate {
    /// No flag set: the plan burdens neither the community nor the region, and its funding
    /// is in the current APBD. Set flags with the `with_*` methods.
    ///
    /// ```
    /// use kerjasama::law::Policy;
    /// use kerjasama::model::DprdGate;
    /// let gate = DprdGate::not_required("dibiayai DPA dinas masing-masing");
    /// assert!(!Policy::default().dprd_required(&gate));
    /// ```
    pub fn not_required(justification: impl Into<String>) -> Self {
        DprdGate {
            burdens_community: false,
            burdens_region: false,
            not_budgeted_in_current_apbd: false,
            justification: justification.into(),
            fiscal_year: None,
            uses_regional_assets: false,
            within_work_unit_duties: false,
        }
    }

    /// Flag B only: the funding is not yet budgeted in the current fiscal year's APBD, so the
    /// DPRD must approve (PP 28/2018 Pasal 6 ayat (2)).
    ///
    /// ```
    /// use kerjasama::law::Policy;
    /// use kerjasama::model::DprdGate;
    /// let gate = DprdGate::not_budgeted("tipping fee belum dianggarkan dalam APBD 2023");
    /// assert!(gate.not_budgeted_in_current_apbd);
    /// assert!(Policy::default().dprd_required(&gate));
    /// ```
    pub fn not_budgeted(justification: impl Into<String>) -> Self {
        DprdGate::not_required(justification).with_not_budgeted(true)
    }

    /// Sets flag A's first half: the plan burdens the community.
    ///
    /// ```
    /// use kerjasama::law::{BurdenReading, Policy};
    /// use kerjasama::model::DprdGate;
    /// let gate = DprdGate::not_required("retribusi baru").with_burdens_community(true);
    /// assert!(!Policy::default().dprd_required(&gate)); // conjunctive reading: both halves
    /// let mut disjunctive = Policy::default();
    /// disjunctive.burden_reading = BurdenReading::Disjunctive;
    /// assert!(disjunctive.dprd_required(&gate));
    /// ```
    #[must_use]
    pub fn with_burdens_community(mut self, burdens: bool) -> Self {
        self.burdens_community = burdens;
        self
    }

    /// Sets flag A's second half: the plan burdens the region.
    ///
    /// ```
    /// use kerjasama::law::Policy;
    /// use kerjasama::model::DprdGate;
    /// let gate = DprdGate::not_required("retribusi dan penyertaan modal")
    ///     .with_burdens_community(true)
    ///     .with_burdens_region(true);
    /// assert!(Policy::default().dprd_required(&gate));
    /// ```
    #[must_use]
    pub fn with_burdens_region(mut self, burdens: bool) -> Self {
        self.burdens_region = burdens;
        self
    }

    /// Sets flag B: the funding is not yet budgeted in the current APBD.
    ///
    /// ```
    /// use kerjasama::model::DprdGate;
    /// let gate = DprdGate::not_budgeted("belum dianggarkan").with_not_budgeted(false);
    /// assert_eq!(gate, DprdGate::not_required("belum dianggarkan"));
    /// ```
    #[must_use]
    pub fn with_not_budgeted(mut self, not_budgeted: bool) -> Self {
        self.not_budgeted_in_current_apbd = not_budgeted;
        self
    }

    /// The fiscal year whose APBD flag B speaks of (for a later PKS: its funding's year).
    #[must_use]
    pub fn with_fiscal_year(mut self, year: i32) -> Self {
        self.fiscal_year = Some(year);
        self
    }

    /// Legacy (PP 50/2007 Pasal 9): sets whether the plan uses or exploits regional assets,
    /// which with a burden on the region and the community requires DPRD approval under the
    /// legacy rule set even when its cost is budgeted.
    ///
    /// ```
    /// use kerjasama::law::RuleSet;
    /// use kerjasama::model::DprdGate;
    /// let gate = DprdGate::not_required("dermaga danau milik daerah")
    ///     .with_burdens_community(true)
    ///     .with_burdens_region(true)
    ///     .with_uses_regional_assets(true);
    /// assert!(RuleSet::legacy().dprd_required(&gate));
    /// ```
    #[must_use]
    pub fn with_uses_regional_assets(mut self, uses: bool) -> Self {
        self.uses_regional_assets = uses;
        self
    }

    /// Legacy (PP 50/2007 Pasal 10): sets whether the cooperation carries out a work unit's
    /// (SKPD's) duties and functions; budgeted, it then needs no DPRD approval.
    ///
    /// ```
    /// use kerjasama::law::RuleSet;
    /// use kerjasama::model::DprdGate;
    /// let gate = DprdGate::not_required("tugas dan fungsi Dinas Perikanan, dalam DPA 2016")
    ///     .with_burdens_community(true)
    ///     .with_burdens_region(true)
    ///     .with_uses_regional_assets(true)
    ///     .with_within_work_unit_duties(true);
    /// assert!(!RuleSet::legacy().dprd_required(&gate));
    /// ```
    #[must_use]
    pub fn with_within_work_unit_duties(mut self, within: bool) -> Self {
        self.within_work_unit_duties = within;
        self
    }
}

/// An amount in rupiah (whole rupiah; public budgets are not kept in sen).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Rupiah(pub u64);

impl fmt::Display for Rupiah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(ch);
        }
        write!(f, "Rp{grouped}")
    }
}

/// Where a party's funding comes from (RULES.md §8, Money).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FundingSource {
    /// Regional budget.
    Apbd,
    /// State budget.
    Apbn,
    /// The third party's own funds.
    ThirdParty,
    /// A grant (hibah).
    Grant,
    /// Anything else.
    Other,
}

/// One party's funding of the cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Funding")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Funding {
    /// Who pays.
    pub party: PartyId,
    /// How much.
    pub amount: Rupiah,
    /// From which source.
    pub source: FundingSource,
}
crate::serde_shape::map_shaped!(Funding);

impl Funding {
    /// One party's funding: who pays, how much, from which source.
    ///
    /// ```
    /// use kerjasama::model::{Funding, FundingSource, KodeWilayah, Rupiah};
    /// let share = Funding::new(KodeWilayah::SIDRAP, Rupiah(1_500_000_000), FundingSource::Apbd);
    /// assert_eq!(share.amount.to_string(), "Rp1.500.000.000");
    /// ```
    pub fn new(party: impl Into<PartyId>, amount: Rupiah, source: FundingSource) -> Self {
        Funding {
            party: party.into(),
            amount,
            source,
        }
    }
}
