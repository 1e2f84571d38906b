//! Citations: where in which instrument a rule comes from.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A legal instrument (or a practice source) that a rule cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Instrument {
    /// Peraturan Pemerintah 28/2018 tentang Kerja Sama Daerah.
    Pp28_2018,
    /// Permendagri 22/2020 (procedure for KSDD and KSDPK); its primary text is not available.
    Permendagri22_2020,
    /// Permendagri 25/2020 (foreign cooperation), used only as an analogy.
    Permendagri25_2020,
    /// Peraturan Pemerintah 50/2007, revoked by PP 28/2018 Pasal 51.
    Pp50_2007,
    /// Permendagri 22/2009, implementing PP 50/2007.
    Permendagri22_2009,
    /// Undang-Undang 23/2014 tentang Pemerintahan Daerah.
    Uu23_2014,
    /// Practice of regional governments (local templates and systems), not law.
    Practice,
}

impl Instrument {
    /// The short name used in citations, e.g. `PP 28/2018`.
    ///
    /// ```
    /// use kerjasama::law::Instrument;
    /// assert_eq!(Instrument::Pp28_2018.short_name(), "PP 28/2018");
    /// ```
    pub const fn short_name(self) -> &'static str {
        match self {
            Instrument::Pp28_2018 => "PP 28/2018",
            Instrument::Permendagri22_2020 => "Permendagri 22/2020",
            Instrument::Permendagri25_2020 => "Permendagri 25/2020",
            Instrument::Pp50_2007 => "PP 50/2007",
            Instrument::Permendagri22_2009 => "Permendagri 22/2009",
            Instrument::Uu23_2014 => "UU 23/2014",
            Instrument::Practice => "praktik daerah (practice)",
        }
    }
}

impl fmt::Display for Instrument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.short_name())
    }
}

/// One place in an instrument: Pasal, optionally ayat, huruf, angka, and its Penjelasan.
///
/// Ranges are kept as written in RULES.md (`ayat: Some("2–3")`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Locator")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Locator {
    /// Article (Pasal) number or range, e.g. `"6"` or `"50–52"`.
    pub pasal: String,
    /// Paragraph (ayat), e.g. `"2"` or `"1–4"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ayat: Option<String>,
    /// Letter (huruf), e.g. `"a–e"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub huruf: Option<String>,
    /// Number (angka), e.g. `"1–5"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub angka: Option<String>,
    /// Whether the elucidation (Penjelasan) of this place is cited too.
    #[serde(default)]
    pub penjelasan: bool,
}
crate::serde_shape::map_shaped!(Locator);

/// The catalogue's compile-time form of a [`Locator`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Loc {
    pasal: &'static str,
    ayat: Option<&'static str>,
    huruf: Option<&'static str>,
    angka: Option<&'static str>,
    penjelasan: bool,
}

impl Loc {
    /// `Pasal n`.
    pub(crate) const fn pasal(pasal: &'static str) -> Self {
        Loc {
            pasal,
            ayat: None,
            huruf: None,
            angka: None,
            penjelasan: false,
        }
    }
    /// `Pasal n ayat (m)`.
    pub(crate) const fn ayat(pasal: &'static str, ayat: &'static str) -> Self {
        Loc {
            ayat: Some(ayat),
            ..Loc::pasal(pasal)
        }
    }
    /// Adds a huruf.
    pub(crate) const fn huruf(self, huruf: &'static str) -> Self {
        Loc {
            huruf: Some(huruf),
            ..self
        }
    }
    /// Adds an angka.
    pub(crate) const fn angka(self, angka: &'static str) -> Self {
        Loc {
            angka: Some(angka),
            ..self
        }
    }
    /// Cites the Penjelasan too.
    pub(crate) const fn penjelasan(self) -> Self {
        Loc {
            penjelasan: true,
            ..self
        }
    }

    pub(crate) fn to_locator(self) -> Locator {
        Locator {
            pasal: self.pasal.to_owned(),
            ayat: self.ayat.map(str::to_owned),
            huruf: self.huruf.map(str::to_owned),
            angka: self.angka.map(str::to_owned),
            penjelasan: self.penjelasan,
        }
    }
}

/// Where a rule comes from: an instrument, the places in it, and for practice rules the source.
///
/// ```
/// use kerjasama::law::{rules, KSD_DPRD_01};
/// let rule = rules::rule(KSD_DPRD_01);
/// assert_eq!(rule.citation.to_string(), "PP 28/2018 Pasal 6 ayat (2)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Citation")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Citation {
    /// The instrument cited.
    pub instrument: Instrument,
    /// The places cited, in order; empty when the primary text is not available.
    pub locators: Vec<Locator>,
    /// The secondary source (practice rules): where the default value was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Whether the rule records an absence in the text ("the PP sets no deadline").
    #[serde(default)]
    pub absence: bool,
}
crate::serde_shape::map_shaped!(Citation);

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.instrument)?;
        for (i, locator) in self.locators.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { ", " })?;
            write!(f, "{locator}")?;
        }
        if self.absence {
            f.write_str(" (absence)")?;
        }
        if let Some(source) = &self.source {
            write!(f, "; primary text not available, source: {source}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Locator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pasal {}", self.pasal)?;
        if let Some(ayat) = &self.ayat {
            write!(f, " ayat ({ayat})")?;
        }
        if let Some(huruf) = &self.huruf {
            write!(f, " huruf {huruf}")?;
        }
        if let Some(angka) = &self.angka {
            write!(f, " angka {angka}")?;
        }
        if self.penjelasan {
            f.write_str(" + Penjelasan")?;
        }
        Ok(())
    }
}
