//! Records of the legacy regime (PP 50/2007 and Permendagri 22/2009, the `[LEGACY]` rules of
//! RULES.md §11): who receives copies, the cooperation plan of an offer, the written notice of
//! an early termination and the dispute pairings of PP 50/2007 Pasal 14–16.
//!
//! The legacy rule set ([`crate::law::RuleSet::legacy`]) decides with them; the current rule
//! set never reads them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::party::PartyId;
use super::record::DisputeForum;
use super::region::{KodeWilayah, RegionLevel};

/// Who receives a copy (salinan, tembusan) of a legacy letter or agreement.
///
/// PP 50/2007 Pasal 1 angka 6 makes "Menteri" the Minister of Home Affairs; "Menteri/Pimpinan
/// LPND terkait" is the minister or head of the non-departmental agency of the sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CopyRecipient {
    /// The region's own DPRD.
    Dprd,
    /// The governor (for a kabupaten or kota).
    Governor,
    /// The Minister of Home Affairs (Menteri, PP 50/2007 Pasal 1 angka 6).
    Minister,
    /// The minister or LPND head of the sector (Menteri/Pimpinan LPND terkait).
    SectorMinister,
}

impl CopyRecipient {
    /// Every recipient.
    pub const ALL: [CopyRecipient; 4] = [
        CopyRecipient::Dprd,
        CopyRecipient::Governor,
        CopyRecipient::Minister,
        CopyRecipient::SectorMinister,
    ];

    /// Indonesian label.
    pub fn label_id(self) -> &'static str {
        match self {
            CopyRecipient::Dprd => "DPRD",
            CopyRecipient::Governor => "gubernur",
            CopyRecipient::Minister => "Menteri Dalam Negeri",
            CopyRecipient::SectorMinister => "Menteri/Pimpinan LPND terkait",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            CopyRecipient::Dprd => "the DPRD",
            CopyRecipient::Governor => "the governor",
            CopyRecipient::Minister => "the Minister of Home Affairs",
            CopyRecipient::SectorMinister => "the sector minister or LPND head",
        }
    }

    /// Who must receive a copy of every signed PKS from a region of `level` (PP 50/2007 Pasal
    /// 12 ayat (5) for a governor, ayat (6) for a bupati or wali kota; LEG-DPRD-03).
    ///
    /// ```
    /// use kerjasama::model::{CopyRecipient, RegionLevel};
    /// assert_eq!(
    ///     CopyRecipient::of_signed_pks(RegionLevel::Kabupaten),
    ///     [CopyRecipient::Governor, CopyRecipient::SectorMinister, CopyRecipient::Dprd]
    /// );
    /// assert_eq!(
    ///     CopyRecipient::of_signed_pks(RegionLevel::Province),
    ///     [CopyRecipient::SectorMinister, CopyRecipient::Dprd]
    /// );
    /// ```
    pub fn of_signed_pks(level: RegionLevel) -> &'static [CopyRecipient] {
        match level {
            RegionLevel::Province => &[CopyRecipient::SectorMinister, CopyRecipient::Dprd],
            _ => &[
                CopyRecipient::Governor,
                CopyRecipient::SectorMinister,
                CopyRecipient::Dprd,
            ],
        }
    }

    /// Who an offer letter of an initiating region of `level` is copied to (Permendagri
    /// 22/2009 Lampiran I, LEG-DOC-02, known only from its summary: "the Minister, governor,
    /// sector minister and DPRD depending on the levels involved"). Read here as PP 50/2007
    /// Pasal 11 ayat (2)–(3) copies the head's letter to the DPRD: the Minister and the sector
    /// minister always, the governor for a kabupaten or kota, and the region's own DPRD.
    ///
    /// ```
    /// use kerjasama::model::{CopyRecipient, RegionLevel};
    /// assert_eq!(CopyRecipient::of_offer(RegionLevel::Kota).len(), 4);
    /// assert!(!CopyRecipient::of_offer(RegionLevel::Province).contains(&CopyRecipient::Governor));
    /// ```
    pub fn of_offer(level: RegionLevel) -> &'static [CopyRecipient] {
        match level {
            RegionLevel::Province => &[
                CopyRecipient::Minister,
                CopyRecipient::SectorMinister,
                CopyRecipient::Dprd,
            ],
            _ => &[
                CopyRecipient::Governor,
                CopyRecipient::Minister,
                CopyRecipient::SectorMinister,
                CopyRecipient::Dprd,
            ],
        }
    }
}

/// The cooperation plan an offer carries under Permendagri 22/2009 Lampiran I (LEG-DOC-02):
/// a measurable cost-benefit analysis, tied to a priority of the RPJMD or RKPD.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CooperationPlan")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct CooperationPlan {
    /// The cost-benefit analysis (analisis biaya-manfaat), or a reference to it.
    pub cost_benefit: String,
    /// The RPJMD/RKPD priority it serves, e.g. `RPJMD Sidrap 2013–2018 misi 3`.
    pub plan_priority: String,
}
crate::serde_shape::map_shaped!(CooperationPlan);

impl CooperationPlan {
    /// A plan with its cost-benefit analysis and the RPJMD/RKPD priority it serves.
    ///
    /// ```
    /// use kerjasama::model::CooperationPlan;
    /// let plan = CooperationPlan::new("biaya Rp1,2 M, manfaat Rp3,4 M per tahun", "RPJMD misi 3");
    /// assert_eq!(plan.plan_priority, "RPJMD misi 3");
    /// ```
    pub fn new(cost_benefit: impl Into<String>, plan_priority: impl Into<String>) -> Self {
        CooperationPlan {
            cost_benefit: cost_benefit.into(),
            plan_priority: plan_priority.into(),
        }
    }
}

/// The written notice of a party that asks to end a legacy cooperation before its time
/// (PP 50/2007 Pasal 19, LEG-TERM-02).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "TerminationNotice")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct TerminationNotice {
    /// The party that takes the initiative (one of the parties).
    pub party: PartyId,
    /// The letter's reference (ayat (1) huruf a: in writing).
    pub reference: String,
    /// The date the notice was given to the other parties.
    pub given_on: NaiveDate,
    /// The requesting party bears the financial and other risks of ending it (ayat (1) huruf
    /// b): a notice that does not accept them is refused.
    pub requester_bears_risks: bool,
    /// How the work on the object is completed (ayat (2): ending it does not stop the work
    /// until the object is completed).
    #[serde(default)]
    pub object_completion: String,
}
crate::serde_shape::map_shaped!(TerminationNotice);

impl TerminationNotice {
    /// A written notice by `party` with its reference and date. It does not yet accept the
    /// risks ([`TerminationNotice::with_risks_borne`]) nor say how the work on the object is
    /// completed ([`TerminationNotice::with_object_completion`]).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::model::{KodeWilayah, TerminationNotice};
    /// let on = NaiveDate::from_ymd_opt(2017, 3, 1).unwrap_or_default();
    /// let notice = TerminationNotice::new(KodeWilayah::SIDRAP, "180/12/2017", on)
    ///     .with_risks_borne(true)
    ///     .with_object_completion("pembersihan eceng gondok tahap II diselesaikan");
    /// assert!(notice.requester_bears_risks);
    /// ```
    pub fn new(
        party: impl Into<PartyId>,
        reference: impl Into<String>,
        given_on: NaiveDate,
    ) -> Self {
        TerminationNotice {
            party: party.into(),
            reference: reference.into(),
            given_on,
            requester_bears_risks: false,
            object_completion: String::new(),
        }
    }

    /// Whether the requesting party accepts the financial and other risks.
    #[must_use]
    pub fn with_risks_borne(mut self, borne: bool) -> Self {
        self.requester_bears_risks = borne;
        self
    }

    /// How the work on the object is completed.
    #[must_use]
    pub fn with_object_completion(mut self, completion: impl Into<String>) -> Self {
        self.object_completion = completion.into();
        self
    }
}

/// The pairing of a legacy dispute, which decides its forum (PP 50/2007 Pasal 14–16,
/// LEG-DISP-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LegacyDisputePairing {
    /// Kabupaten and kota of one province (Pasal 14): musyawarah or the governor's decision.
    WithinProvince,
    /// Provinces, a province with its kabupaten or kota, or kabupaten and kota of different
    /// provinces (Pasal 15): musyawarah or the Minister's decision.
    AcrossLevelsOrProvinces,
    /// A region with a third party (Pasal 16): the PKS's dispute clause, then the law.
    WithThirdParty,
}

impl LegacyDisputePairing {
    /// The pairing of a cooperation between `regions`, with a third party or not.
    ///
    /// ```
    /// use kerjasama::model::{KodeWilayah, LegacyDisputePairing};
    /// let (sidrap, wajo): (KodeWilayah, KodeWilayah) = ("73.14".parse()?, "73.13".parse()?);
    /// assert_eq!(LegacyDisputePairing::of(&[sidrap, wajo], false), LegacyDisputePairing::WithinProvince);
    /// let sulsel: KodeWilayah = "73".parse()?;
    /// assert_eq!(LegacyDisputePairing::of(&[sidrap, sulsel], false), LegacyDisputePairing::AcrossLevelsOrProvinces);
    /// # Ok::<(), kerjasama::model::ParseKodeError>(())
    /// ```
    pub fn of(regions: &[KodeWilayah], with_third_party: bool) -> Self {
        if with_third_party {
            return LegacyDisputePairing::WithThirdParty;
        }
        let all_kab_kota = regions.iter().all(|r| r.level() != RegionLevel::Province);
        let one_province = regions
            .first()
            .is_some_and(|first| regions.iter().all(|r| r.province() == first.province()));
        if all_kab_kota && one_province {
            LegacyDisputePairing::WithinProvince
        } else {
            LegacyDisputePairing::AcrossLevelsOrProvinces
        }
    }

    /// The forums the pairing allows.
    pub fn forums(self) -> &'static [DisputeForum] {
        match self {
            LegacyDisputePairing::WithinProvince => {
                &[DisputeForum::Musyawarah, DisputeForum::GovernorDecision]
            }
            LegacyDisputePairing::AcrossLevelsOrProvinces => {
                &[DisputeForum::Musyawarah, DisputeForum::MinisterDecision]
            }
            LegacyDisputePairing::WithThirdParty => {
                &[DisputeForum::ContractClause, DisputeForum::PerLegislation]
            }
        }
    }
}
