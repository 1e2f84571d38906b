//! Regions: the Kemendagri region code (kode wilayah), levels, borders and wajib pairings.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Level of a region, derived from its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RegionLevel {
    /// Provinsi (code `PP`).
    Province,
    /// Kabupaten (code `PP.KK` with KK 01–69).
    Kabupaten,
    /// Kota (code `PP.KK` with KK 71–99).
    Kota,
}

impl RegionLevel {
    /// Whether this is a kabupaten or a kota.
    pub fn is_kab_kota(self) -> bool {
        matches!(self, RegionLevel::Kabupaten | RegionLevel::Kota)
    }
}

/// A Kemendagri region code (kode wilayah): `73` for a province, `73.14` for a kabupaten,
/// `73.72` for a kota. BPS statistical codes are a different system and are not accepted.
///
/// ```
/// use kerjasama::model::{KodeWilayah, RegionLevel};
/// let sidrap: KodeWilayah = "73.14".parse()?;
/// assert_eq!(sidrap.level(), RegionLevel::Kabupaten);
/// assert_eq!(sidrap.province().to_string(), "73");
/// assert_eq!("73.72".parse::<KodeWilayah>()?.level(), RegionLevel::Kota);
/// assert!("7314".parse::<KodeWilayah>().is_err()); // BPS form, not Kemendagri
/// # Ok::<(), kerjasama::model::ParseKodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct KodeWilayah {
    province: u8,
    regency: Option<u8>,
}

/// Why a text is not a region code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseKodeError {
    /// Not of the form `PP` or `PP.KK` with two decimal digits each.
    #[error("`{text}` is not a kode wilayah of the form `PP` or `PP.KK` (kode wilayah tidak sah)")]
    Malformed {
        /// The text given.
        text: String,
    },
    /// The province part is outside 11–99.
    #[error("`{text}`: province code must be 11–99 (kode provinsi tidak sah)")]
    Province {
        /// The text given.
        text: String,
    },
    /// The kab/kota part is 00 or 70, which name no kabupaten (01–69) or kota (71–99).
    #[error(
        "`{text}`: kab/kota code must be 01–69 (kabupaten) or 71–99 (kota) (kode kabupaten/kota tidak sah)"
    )]
    Regency {
        /// The text given.
        text: String,
    },
}

fn two_digits(part: &str) -> Option<u8> {
    if part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

impl FromStr for KodeWilayah {
    type Err = ParseKodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let malformed = || ParseKodeError::Malformed {
            text: text.to_owned(),
        };
        let (province, regency) = match text.split_once('.') {
            Some((p, r)) => (
                two_digits(p).ok_or_else(malformed)?,
                Some(two_digits(r).ok_or_else(malformed)?),
            ),
            None => (two_digits(text).ok_or_else(malformed)?, None),
        };
        if province < 11 {
            return Err(ParseKodeError::Province {
                text: text.to_owned(),
            });
        }
        if matches!(regency, Some(0) | Some(70)) {
            return Err(ParseKodeError::Regency {
                text: text.to_owned(),
            });
        }
        Ok(KodeWilayah { province, regency })
    }
}

impl TryFrom<String> for KodeWilayah {
    type Error = ParseKodeError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<KodeWilayah> for String {
    fn from(code: KodeWilayah) -> String {
        code.to_string()
    }
}

impl fmt::Display for KodeWilayah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.regency {
            Some(regency) => write!(f, "{:02}.{:02}", self.province, regency),
            None => write!(f, "{:02}", self.province),
        }
    }
}

impl KodeWilayah {
    /// Kabupaten Sidenreng Rappang (73.14), the home region of the sample data.
    pub const SIDRAP: KodeWilayah = KodeWilayah {
        province: 73,
        regency: Some(14),
    };

    /// The code of a province, `PP` (11–99), or `None` when `province` is outside that range:
    /// the same codes [`str::parse`] accepts as `"PP"`.
    ///
    /// A `const fn` for literals in const items: matched in a `const` item as below, an invalid
    /// literal is a compile error instead of a value chosen at run time.
    ///
    /// ```
    /// use kerjasama::model::{KodeWilayah, RegionLevel};
    /// const SULSEL: KodeWilayah = match KodeWilayah::new_province(73) {
    ///     Some(code) => code,
    ///     None => panic!("invalid province code"),
    /// };
    /// assert_eq!(SULSEL.level(), RegionLevel::Province);
    /// assert_eq!(KodeWilayah::new_province(10), None);
    /// assert_eq!(KodeWilayah::new_province(100), None);
    /// ```
    ///
    /// ```compile_fail,E0080
    /// use kerjasama::model::KodeWilayah;
    /// const NOWHERE: KodeWilayah = match KodeWilayah::new_province(7) {
    ///     Some(code) => code,
    ///     None => panic!("invalid province code"), // evaluated at compile time: does not build
    /// };
    /// ```
    pub const fn new_province(province: u8) -> Option<Self> {
        if province >= 11 && province <= 99 {
            Some(KodeWilayah {
                province,
                regency: None,
            })
        } else {
            None
        }
    }

    /// The code of a kabupaten (`PP.KK`, KK 01–69) or kota (KK 71–99) in province `PP`
    /// (11–99), or `None` for any other pair: the same codes [`str::parse`] accepts as
    /// `"PP.KK"`.
    ///
    /// A `const fn` for literals in const items, as [`KodeWilayah::new_province`].
    ///
    /// ```
    /// use kerjasama::model::{KodeWilayah, RegionLevel};
    /// const SIDRAP: KodeWilayah = match KodeWilayah::new_kab_kota(73, 14) {
    ///     Some(code) => code,
    ///     None => panic!("invalid kab/kota code"),
    /// };
    /// assert_eq!(SIDRAP, KodeWilayah::SIDRAP);
    /// assert_eq!(KodeWilayah::new_kab_kota(73, 72).map(KodeWilayah::level), Some(RegionLevel::Kota));
    /// assert_eq!(KodeWilayah::new_kab_kota(73, 70), None); // neither kabupaten nor kota
    /// assert_eq!(KodeWilayah::new_kab_kota(73, 0), None);
    /// ```
    ///
    /// ```compile_fail,E0080
    /// use kerjasama::model::KodeWilayah;
    /// const NOWHERE: KodeWilayah = match KodeWilayah::new_kab_kota(73, 70) {
    ///     Some(code) => code,
    ///     None => panic!("invalid kab/kota code"), // evaluated at compile time: does not build
    /// };
    /// ```
    pub const fn new_kab_kota(province: u8, regency: u8) -> Option<Self> {
        let province_ok = province >= 11 && province <= 99;
        let regency_ok = regency >= 1 && regency <= 99 && regency != 70;
        if province_ok && regency_ok {
            Some(KodeWilayah {
                province,
                regency: Some(regency),
            })
        } else {
            None
        }
    }

    /// The level derived from the code.
    pub fn level(self) -> RegionLevel {
        match self.regency {
            None => RegionLevel::Province,
            Some(kk) if kk < 70 => RegionLevel::Kabupaten,
            Some(_) => RegionLevel::Kota,
        }
    }

    /// The two-digit number of its province (`73` for `73.14`).
    pub fn province_number(self) -> u8 {
        self.province
    }

    /// The province this region is in (itself for a province).
    pub fn province(self) -> KodeWilayah {
        KodeWilayah {
            province: self.province,
            regency: None,
        }
    }

    /// Whether `self` is a kab/kota inside the province `province`.
    pub fn is_within(self, province: KodeWilayah) -> bool {
        self.regency.is_some() && province.regency.is_none() && self.province == province.province
    }
}

/// The five pairings allowed for a kerja sama wajib (KSD-KIND-09, PP 28/2018 Pasal 5 ayat (2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WajibPairing {
    /// 1. kab/kota with kab/kota in the same province.
    KabKotaSameProvince,
    /// 2. province with province.
    ProvinceProvince,
    /// 3. province with a kab/kota in its territory (best-known reading).
    ProvinceOwnKabKota,
    /// 4. province with a kab/kota of another province.
    ProvinceOtherKabKota,
    /// 5. kab/kota with kab/kota of different provinces.
    KabKotaDifferentProvinces,
}

impl WajibPairing {
    /// All five pairings of the PP, in the order of Pasal 5 ayat (2).
    pub const ALL: [WajibPairing; 5] = [
        WajibPairing::KabKotaSameProvince,
        WajibPairing::ProvinceProvince,
        WajibPairing::ProvinceOwnKabKota,
        WajibPairing::ProvinceOtherKabKota,
        WajibPairing::KabKotaDifferentProvinces,
    ];

    /// The pairing that two distinct regions form.
    ///
    /// ```
    /// use kerjasama::model::{KodeWilayah, WajibPairing};
    /// let sulsel: KodeWilayah = "73".parse()?;
    /// let sidrap: KodeWilayah = "73.14".parse()?;
    /// assert_eq!(WajibPairing::of(sulsel, sidrap), WajibPairing::ProvinceOwnKabKota);
    /// # Ok::<(), kerjasama::model::ParseKodeError>(())
    /// ```
    pub fn of(a: KodeWilayah, b: KodeWilayah) -> WajibPairing {
        Self::of_classes(
            a.level().is_kab_kota(),
            b.level().is_kab_kota(),
            a.province == b.province,
        )
    }

    /// The pairing of two regions known by their levels (kab/kota or province) and whether
    /// they lie in the same province: all [`WajibPairing::of`] looks at. Lets a check count
    /// the pairs of each pairing by groups instead of pair by pair.
    pub(crate) fn of_classes(
        a_kab_kota: bool,
        b_kab_kota: bool,
        same_province: bool,
    ) -> WajibPairing {
        match (a_kab_kota, b_kab_kota) {
            (true, true) if same_province => WajibPairing::KabKotaSameProvince,
            (true, true) => WajibPairing::KabKotaDifferentProvinces,
            (false, false) => WajibPairing::ProvinceProvince,
            _ if same_province => WajibPairing::ProvinceOwnKabKota,
            _ => WajibPairing::ProvinceOtherKabKota,
        }
    }

    /// The number of this pairing in Pasal 5 ayat (2) (1–5).
    pub fn number(self) -> u8 {
        match self {
            WajibPairing::KabKotaSameProvince => 1,
            WajibPairing::ProvinceProvince => 2,
            WajibPairing::ProvinceOwnKabKota => 3,
            WajibPairing::ProvinceOtherKabKota => 4,
            WajibPairing::KabKotaDifferentProvinces => 5,
        }
    }
}

/// Level of the technical coordination of a kerja sama wajib (KSD-WAJIB-02).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CoordinationLevel {
    /// Provincial level: all parties are kab/kota of one province.
    Provincial,
    /// National level: any other combination.
    National,
}

/// The coordination level the law requires for these parties (KSD-WAJIB-02, Pasal 5 ayat (2)).
///
/// ```
/// use kerjasama::model::{coordination_level, CoordinationLevel, KodeWilayah};
/// let codes: Vec<KodeWilayah> = ["73.14", "73.72", "73.15"].iter().map(|c| c.parse().unwrap()).collect();
/// assert_eq!(coordination_level(&codes), CoordinationLevel::Provincial);
/// let with_province: Vec<KodeWilayah> = ["73.14", "73"].iter().map(|c| c.parse().unwrap()).collect();
/// assert_eq!(coordination_level(&with_province), CoordinationLevel::National);
/// ```
pub fn coordination_level(regions: &[KodeWilayah]) -> CoordinationLevel {
    let first_province = regions.first().map(|code| code.province);
    let provincial = regions
        .iter()
        .all(|code| code.level().is_kab_kota() && Some(code.province) == first_province);
    if provincial {
        CoordinationLevel::Provincial
    } else {
        CoordinationLevel::National
    }
}

/// Which regions border each other: data the caller supplies (RULES.md §3.2).
///
/// ```
/// use kerjasama::model::BorderTable;
/// let table = BorderTable::sulawesi_selatan_sample();
/// assert!(table.borders("73.14".parse()?, "73.72".parse()?));   // Sidrap – Parepare
/// assert!(!table.borders("73.14".parse()?, "73.73".parse()?));  // Sidrap – Palopo
/// # Ok::<(), kerjasama::model::ParseKodeError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "BorderTable")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct BorderTable {
    pairs: BTreeSet<(KodeWilayah, KodeWilayah)>,
}
crate::serde_shape::map_shaped!(BorderTable);

impl BorderTable {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `a` and `b` border each other (symmetric; a region never borders itself).
    pub fn insert(&mut self, a: KodeWilayah, b: KodeWilayah) {
        if a != b {
            self.pairs.insert((a.min(b), a.max(b)));
        }
    }

    /// The pairs of this table among `codes` only: what a cooperation records of it.
    pub fn among(&self, codes: &[KodeWilayah]) -> BorderTable {
        // A set of the codes: a pair is kept in constant time, not by scanning the codes
        // (linear in the table and the codes, not their product).
        let codes: std::collections::HashSet<KodeWilayah> = codes.iter().copied().collect();
        let pairs = self
            .pairs
            .iter()
            .filter(|(a, b)| codes.contains(a) && codes.contains(b))
            .copied()
            .collect();
        BorderTable { pairs }
    }

    /// The pairs of the table, each once, the lower code first, in code order.
    ///
    /// ```
    /// use kerjasama::model::BorderTable;
    /// let table = BorderTable::sulawesi_selatan_sample();
    /// assert_eq!(table.pairs().count(), 9);
    /// assert!(table.pairs().all(|(a, b)| a < b));
    /// ```
    pub fn pairs(&self) -> impl Iterator<Item = (KodeWilayah, KodeWilayah)> + '_ {
        self.pairs.iter().copied()
    }

    /// Whether the table has no pair.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Whether `a` and `b` border each other according to this table.
    pub fn borders(&self, a: KodeWilayah, b: KodeWilayah) -> bool {
        self.pairs.contains(&(a.min(b), a.max(b)))
    }

    /// The bundled sample for Sulawesi Selatan: Kabupaten Sidenreng Rappang (73.14) and its
    /// neighbours from RULES.md §13.1, plus Parepare–Pinrang and Parepare–Barru (Parepare lies
    /// between them on the coast). For examples and tests; real use supplies a full table.
    pub fn sulawesi_selatan_sample() -> Self {
        const PAIRS: [(u8, u8); 9] = [
            (14, 15), // Sidrap – Pinrang
            (14, 16), // Sidrap – Enrekang
            (14, 17), // Sidrap – Luwu
            (14, 13), // Sidrap – Wajo
            (14, 12), // Sidrap – Soppeng
            (14, 11), // Sidrap – Barru
            (14, 72), // Sidrap – Parepare
            (72, 15), // Parepare – Pinrang
            (72, 11), // Parepare – Barru
        ];
        let mut table = BorderTable::new();
        for (a, b) in PAIRS {
            table.insert(
                KodeWilayah {
                    province: 73,
                    regency: Some(a),
                },
                KodeWilayah {
                    province: 73,
                    regency: Some(b),
                },
            );
        }
        table
    }
}

/// A region as a party: its code and name (e.g. `Kabupaten Sidenreng Rappang`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Region")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Region {
    /// Kemendagri code.
    pub code: KodeWilayah,
    /// Official name.
    pub name: String,
}
crate::serde_shape::map_shaped!(Region);
