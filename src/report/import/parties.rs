//! The parties a row names: regions by kode wilayah, third parties with their category, and
//! the partners (a ministry, a foreign party) that put a row outside PP 28/2018.

use crate::model::{
    BusinessEntity, KodeWilayah, Party, PartyId, RegionLevel, ThirdParty, ThirdPartyKind,
};

use super::build::{Context, Errors};
use super::cells::{entries, first_token, looks_like_code, slug, trailing_group, word};
use super::columns::Col;

/// A partner the row names that is not a party of a KSD.
#[derive(Clone, Copy)]
pub(super) enum Outsider {
    Central,
    Foreign,
}

#[derive(Clone, Copy)]
pub(super) enum Category {
    Third(ThirdPartyKind),
    Outside(Outsider),
}

pub(super) fn category(text: &str) -> Option<Category> {
    use Category::{Outside, Third};
    let business = |entity| Third(ThirdPartyKind::LegalEntityBusiness { entity });
    Some(match word(text).as_str() {
        "perseorangan" | "individu" | "individual" => Third(ThirdPartyKind::Individual),
        "bumn" => business(BusinessEntity::Bumn),
        "bumd" => business(BusinessEntity::Bumd),
        "koperasi" | "cooperative" => business(BusinessEntity::Cooperative),
        "badan_usaha_swasta" | "swasta" | "perusahaan_swasta" | "pt" | "private_company" => {
            business(BusinessEntity::PrivateCompany)
        }
        "ormas_berbadan_hukum" | "organisasi_berbadan_hukum" | "yayasan" => {
            Third(ThirdPartyKind::Organisation { legal_entity: true })
        }
        "ormas" | "organisasi_kemasyarakatan" | "organisasi" => {
            Third(ThirdPartyKind::Organisation {
                legal_entity: false,
            })
        }
        "kementerian"
        | "lembaga_pusat"
        | "kementerian_lembaga"
        | "lpnk"
        | "pemerintah_pusat"
        | "ministry"
        | "central_agency" => Outside(Outsider::Central),
        "luar_negeri" | "asing" | "foreign" => Outside(Outsider::Foreign),
        _ => return None,
    })
}

const CATEGORY_HINT: &str = "perseorangan, bumn, bumd, koperasi, badan usaha swasta, ormas berbadan hukum, ormas, kementerian, lembaga pusat, luar negeri";

/// The parties of a row and the partners that take it outside PP 28/2018.
pub(super) struct Parties {
    pub(super) list: Vec<Party>,
    pub(super) outsiders: Vec<(String, Outsider)>,
    /// Every entry of the cell as written, and whether it names the home region.
    pub(super) named: Vec<(String, bool)>,
}

impl Parties {
    pub(super) fn read(
        cell: &str,
        default_category: &str,
        ctx: &Context<'_>,
        errors: &mut Errors,
    ) -> Self {
        let home = ctx.home;
        let mut parties = Parties {
            list: Vec::new(),
            outsiders: Vec::new(),
            named: Vec::new(),
        };
        let default = if default_category.is_empty() {
            None
        } else {
            match category(default_category) {
                Some(found) => Some(found),
                None => {
                    errors.push(
                        Col::PartnerCategory,
                        format!(
                            "`{default_category}` is not a partner category (kategori mitra tidak dikenal): {CATEGORY_HINT}"
                        ),
                    );
                    None
                }
            }
        };
        for entry in entries(cell) {
            let (first, rest) = first_token(entry);
            let first = first.trim_end_matches(':');
            let is_home = first.parse::<KodeWilayah>().is_ok_and(|code| code == home);
            parties.named.push((entry.to_owned(), is_home));
            if looks_like_code(first) {
                match first.parse::<KodeWilayah>() {
                    Ok(code) if ctx.known.is_some_and(|known| !known.contains(&code)) => {
                        errors.push(
                            Col::Parties,
                            format!(
                                "`{code}` is not in the table of region codes (kode wilayah tidak dikenal)"
                            ),
                        );
                    }
                    Ok(code) => {
                        let name = rest.trim_start_matches([':', '-', ' ']).trim();
                        let name = if name.is_empty() {
                            fallback_name(code)
                        } else {
                            name.to_owned()
                        };
                        parties.push(Party::region(code, name), errors);
                    }
                    Err(error) => errors.push(Col::Parties, error.to_string()),
                }
                continue;
            }
            let (name, found) = match trailing_group(entry) {
                Some((before, group)) if category(group).is_some() => (before, category(group)),
                _ => (entry, None),
            };
            let found = if word(name).starts_with("kementerian") {
                Some(Category::Outside(Outsider::Central))
            } else {
                found.or(default)
            };
            match found {
                Some(Category::Third(kind)) => {
                    let third = ThirdParty::new(slug(name), name, kind);
                    parties.push(Party::third_party(third), errors);
                }
                Some(Category::Outside(outsider)) => {
                    parties.outsiders.push((name.to_owned(), outsider));
                }
                None => errors.push(
                    Col::Parties,
                    format!(
                        "`{entry}`: neither a kode wilayah nor a partner with its category; write the category in parentheses or in kategori_mitra (kategori mitra): {CATEGORY_HINT}"
                    ),
                ),
            }
        }
        if !parties
            .list
            .iter()
            .any(|p| p.id() == Some(PartyId::Region(home)))
        {
            parties
                .list
                .insert(0, Party::region(home, fallback_name(home)));
        }
        parties
    }

    pub(super) fn push(&mut self, party: Party, errors: &mut Errors) {
        if self.list.iter().any(|p| p.id() == party.id()) {
            errors.push(
                Col::Parties,
                format!("`{}` is listed twice (pihak ganda)", party.name()),
            );
        } else {
            self.list.push(party);
        }
    }

    pub(super) fn regions(&self) -> Vec<KodeWilayah> {
        self.list
            .iter()
            .filter_map(|p| match p.id() {
                Some(PartyId::Region(code)) => Some(code),
                _ => None,
            })
            .collect()
    }

    pub(super) fn third_parties(&self) -> Vec<PartyId> {
        self.list
            .iter()
            .filter_map(|p| match p.id() {
                Some(id @ PartyId::ThirdParty(_)) => Some(id),
                _ => None,
            })
            .collect()
    }

    pub(super) fn name_of(&self, code: KodeWilayah) -> String {
        self.list
            .iter()
            .find(|p| p.id() == Some(PartyId::Region(code)))
            .map_or_else(|| fallback_name(code), |p| p.name().to_owned())
    }

    /// The party a cell names: a kode wilayah, a partner's name (its beginning is enough when
    /// only one partner starts so), or `mitra` when the row has one partner.
    pub(super) fn resolve(&self, text: &str) -> Result<PartyId, String> {
        let text = text.trim().trim_end_matches(':').trim();
        if looks_like_code(text) {
            let code: KodeWilayah = text
                .parse()
                .map_err(|e: crate::model::ParseKodeError| e.to_string())?;
            return if self.regions().contains(&code) {
                Ok(PartyId::Region(code))
            } else {
                Err(format!(
                    "{code} is not one of the row's parties {NOT_A_PARTY}"
                ))
            };
        }
        let thirds = self.third_parties();
        let wanted = word(text);
        if matches!(wanted.as_str(), "mitra" | "pihak_ketiga" | "partner")
            && let [only] = thirds.as_slice()
        {
            return Ok(only.clone());
        }
        let matching: Vec<&Party> = self
            .list
            .iter()
            .filter(|p| matches!(p, Party::ThirdParty(_)))
            .filter(|p| !wanted.is_empty() && word(p.name()).starts_with(&wanted))
            .collect();
        match matching.as_slice() {
            [one] => one.id().ok_or_else(|| format!("`{text}` is not a party")),
            [] => Err(format!(
                "`{text}` names none of the row's parties: write a kode wilayah or a partner's name {NOT_A_PARTY}"
            )),
            _ => Err(format!("`{text}` names more than one partner (ambigu)")),
        }
    }
}

/// Ends every message of a cell naming a party that is not one: when the `pihak` cell itself
/// is faulty such messages are its consequences, and only the `pihak` cell is reported.
pub(super) const NOT_A_PARTY: &str = "(bukan pihak)";

pub(super) fn fallback_name(code: KodeWilayah) -> String {
    let level = match code.level() {
        RegionLevel::Province => "Provinsi",
        RegionLevel::Kabupaten => "Kabupaten",
        RegionLevel::Kota => "Kota",
    };
    format!("{level} {code}")
}

/// An entry that starts with the party it is about: `73.14 …`, `73.14: …` or `Name: …`.
/// `None` when it names none.
pub(super) fn split_ref(entry: &str) -> (Option<&str>, &str) {
    let (first, rest) = first_token(entry);
    if looks_like_code(first.trim_end_matches(':')) {
        return (
            Some(first.trim_end_matches(':')),
            rest.trim_start_matches(':').trim(),
        );
    }
    match entry.split_once(':') {
        Some((name, rest)) if !name.trim().is_empty() => (Some(name.trim()), rest.trim()),
        _ => (None, entry.trim()),
    }
}
