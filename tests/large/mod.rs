//! Generators of the large inputs of issue 10 ("Proof and speed", item 7), shared by
//! `tests/large_inputs.rs` and `benches/large_inputs.rs` (included there by path).
//!
//! - [`register_third_parties`]: a KSDPK registered with thousands of third parties;
//! - [`wajib_regions`]: a kerja sama wajib between thousands of regions over a border table
//!   that connects them (or splits them in two areas);
//! - [`restrictive_pairings`]: the rule set whose policy allows pairing 1 only (kab/kota with
//!   kab/kota of the same province, KSD-KIND-09 narrowed as KSD-KIND-10 allows).
#![allow(dead_code)] // each user takes a part of it

use kerjasama::law::{Policy, RuleSet};
use kerjasama::lifecycle::{Command, CooperationSpec};
use kerjasama::model::{
    BorderTable, BusinessEntity, KodeWilayah, Party, PartyId, ThirdParty, ThirdPartyKind,
    WajibPairing,
};
use kerjasama::sample::{self, Step};

/// The registration of C08 (a KSDPK of Sidrap, region initiative) with `n` third parties
/// after the region party, each a private company with its own id.
pub fn register_third_parties(n: usize) -> Step {
    let mut step = register_step(sample::c08_referral());
    let spec = spec_mut(&mut step);
    let region = spec
        .parties
        .iter()
        .find(|p| matches!(p, Party::Region(_)))
        .cloned()
        .expect("C08 has a region party");
    spec.parties = std::iter::once(region)
        .chain((0..n).map(|i| {
            Party::third_party(ThirdParty::new(
                format!("nib-{i:08}"),
                format!("PT Mitra {i} (fiktif)"),
                ThirdPartyKind::LegalEntityBusiness {
                    entity: BusinessEntity::PrivateCompany,
                },
            ))
        }))
        .collect();
    spec.funding.clear();
    step
}

/// `n` distinct region codes (at most 8 811: 89 provinces, each followed by its 69
/// kabupaten and 29 kota), province by province.
pub fn region_codes(n: usize) -> Vec<KodeWilayah> {
    (11..=99u8)
        .flat_map(|p| {
            let province = KodeWilayah::new_province(p);
            let kab_kota = (1..=99u8)
                .filter(|k| *k != 70)
                .map(move |k| KodeWilayah::new_kab_kota(p, k));
            std::iter::once(province).chain(kab_kota)
        })
        .flatten()
        .take(n)
        .collect()
}

/// A border table over `codes`: the kab/kota in order, each bordering the next (across
/// provincial lines too); a province borders its own kab/kota by containment (KSD-KIND-11).
/// The regions are then one connected area. With `split`, the link between the two halves
/// (the last kab/kota of the middle province and the first of the next) is left out: two
/// areas.
pub fn chain_borders(codes: &[KodeWilayah], split: bool) -> BorderTable {
    let kab_kota: Vec<KodeWilayah> = codes
        .iter()
        .copied()
        .filter(|c| c.level().is_kab_kota())
        .collect();
    let middle = kab_kota
        .get(kab_kota.len() / 2)
        .map(|c| c.province_number());
    let mut table = BorderTable::new();
    for pair in kab_kota.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let cut = split
            && Some(a.province_number()) == middle
            && b.province_number() != a.province_number();
        if !cut {
            table.insert(a, b);
        }
    }
    table
}

/// The registration of C06 (a kerja sama wajib) between `codes`, registered by the first
/// code's cooperation unit, with `borders` as its border table.
pub fn wajib_regions(codes: &[KodeWilayah], borders: &BorderTable) -> Step {
    let mut step = register_step(sample::c06_landfill());
    let first = *codes.first().expect("at least one region");
    step.actor = sample::clerk(first);
    let spec = spec_mut(&mut step);
    spec.parties = codes
        .iter()
        .map(|c| Party::region(*c, format!("Daerah {c}")))
        .collect();
    spec.borders = borders.among(codes);
    spec.funding.clear();
    spec.initiator = PartyId::Region(first);
    step
}

/// The current rule set whose policy allows pairing 1 only (KSD-KIND-10 narrows the five
/// pairings of KSD-KIND-09).
pub fn restrictive_pairings() -> RuleSet {
    let mut policy = Policy::default();
    policy.wajib_pairings = vec![WajibPairing::KabKotaSameProvince];
    RuleSet::current_with(policy)
}

/// The current rule set with the default policy.
pub fn current() -> RuleSet {
    RuleSet::current()
}

/// Every pair of `codes` whose pairing `rules` does not allow, by brute force: the oracle of
/// the tests, in the order `(i, j)` with `i < j`.
pub fn disallowed_pairs(
    codes: &[KodeWilayah],
    rules: &RuleSet,
) -> (u64, Vec<(KodeWilayah, KodeWilayah)>) {
    let allowed = &rules.policy.wajib_pairings;
    let mut count = 0u64;
    let mut first = Vec::new();
    for (i, a) in codes.iter().enumerate() {
        for b in &codes[i + 1..] {
            if !allowed.contains(&WajibPairing::of(*a, *b)) {
                count += 1;
                if first.len() < 32 {
                    first.push((*a, *b));
                }
            }
        }
    }
    (count, first)
}

fn register_step(scenario: sample::Scenario) -> Step {
    scenario
        .steps
        .into_iter()
        .find(|s| matches!(s.command, Command::Register { .. }))
        .expect("a scenario starts with its registration")
}

/// The spec of a registration step.
pub fn spec_mut(step: &mut Step) -> &mut CooperationSpec {
    match &mut step.command {
        Command::Register { spec } => spec,
        other => panic!("not a registration: {other:?}"),
    }
}
