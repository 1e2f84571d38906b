//! The catalogue: every rule of RULES.md with citation, provenance and bilingual text.

use super::citation::{Instrument, Loc};
use super::ids::*;
use super::rule::{Entry, Rule, RuleId};

const P22: Instrument = Instrument::Permendagri22_2020;

static ENTRIES: &[Entry] = &[
    Entry::primary(
        KSD_DPRD_01,
        &[Loc::ayat("6", "2")],
        "Persetujuan DPRD diperlukan bila rencana kerja sama membebani masyarakat dan daerah dan/atau belum teranggarkan dalam APBD tahun anggaran berjalan.",
        "DPRD approval is required when the plan burdens the community and the region and/or is not yet budgeted in the current fiscal year's APBD.",
    ),
    Entry::secondary(
        KSD_TERM_05,
        P22,
        "https://github.com/kukuhnugrh/pemkot-app/blob/d92d1d274655187e8db9eda0127deaaa8e80ddfe/qna.php; https://olnewsindonesia.com/?p=55372",
        "max_term_years",
        "Jangka waktu kerja sama paling lama 5 tahun dan dapat diperpanjang atas kesepakatan para pihak.",
        "The term is at most 5 years, extendable by agreement of the parties.",
    ),
];

pub(crate) fn entries() -> &'static [Entry] {
    ENTRIES
}

/// Every rule of the catalogue, in RULES.md order.
///
/// ```
/// let rules = kerjasama::law::rules::all();
/// assert!(rules.iter().any(|rule| rule.id.as_str() == "KSD-DPRD-01"));
/// ```
pub fn all() -> Vec<Rule> {
    ENTRIES.iter().map(|entry| entry.to_rule()).collect()
}

/// The catalogue entry of `id`.
pub fn rule(id: RuleId) -> Rule {
    entry(id).to_rule()
}

/// Every [`RuleId`] is made in `ids.rs` next to its entry here; a test checks that each id
/// constant has exactly one entry, so the fallback (the first entry) is unreachable.
pub(crate) fn entry(id: RuleId) -> &'static Entry {
    match ENTRIES.iter().find(|entry| entry.id == id) {
        Some(entry) => entry,
        None => &ENTRIES[0],
    }
}
