//! The region-party questions of a kerja sama wajib (KSD-KIND-07, -09) answered in
//! near-linear time, for any number of regions (issue 10: 8 722 regions, every kab/kota and
//! province of Indonesia, must not take seconds).
//!
//! - Bordering (KSD-KIND-07): a union-find over the recorded border pairs and the
//!   province–member pairs that containment makes bordering (KSD-KIND-11), instead of asking
//!   the border table about every pair of regions. `O((n + t) α(n))` for `n` regions and `t`
//!   recorded pairs, where it was `O(n² log t)`.
//! - Pairings (KSD-KIND-09): the pairing of two regions depends only on their levels and
//!   whether they share a province, so the pairs of each pairing are counted by groups, and
//!   the first pairs not allowed are found by binary search in the positions of each group,
//!   instead of judging every pair. `O(n log n + k log n)` to count them all and list the
//!   first `k`, where it was `O(n²)` in time and in findings.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::{BorderTable, KodeWilayah, WajibPairing};

/// Distinct region codes, each with its index.
struct Index {
    at: HashMap<KodeWilayah, usize>,
    /// Whether some code is listed twice: such a list is neither connected nor pairwise
    /// bordering (a region does not border itself), as the pair-by-pair reading found.
    repeated: bool,
}

impl Index {
    fn new(codes: &[KodeWilayah]) -> Self {
        let mut at = HashMap::with_capacity(codes.len());
        let mut repeated = false;
        for code in codes {
            let next = at.len();
            match at.entry(*code) {
                std::collections::hash_map::Entry::Occupied(_) => repeated = true,
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(next);
                }
            }
        }
        Index { at, repeated }
    }

    /// Every bordering pair among the codes, as index pairs (lower first), each once: the
    /// recorded ones and, when `containment` counts, a kab/kota with its own province.
    fn edges(&self, table: &BorderTable, containment: bool) -> HashSet<(usize, usize)> {
        let ordered = |a: usize, b: usize| (a.min(b), a.max(b));
        let recorded = table.pairs().filter_map(|(a, b)| {
            let (a, b) = (self.at.get(&a)?, self.at.get(&b)?);
            (a != b).then(|| ordered(*a, *b))
        });
        let contained = self.at.iter().filter_map(|(code, a)| {
            if !containment || !code.level().is_kab_kota() {
                return None;
            }
            let b = self.at.get(&code.province())?;
            Some(ordered(*a, *b))
        });
        recorded.chain(contained).collect()
    }
}

/// Whether the regions form one connected area by the border table (and containment):
/// KSD-KIND-07 read as `ConnectedGraph`. False for no region.
pub(super) fn connected(codes: &[KodeWilayah], table: &BorderTable, containment: bool) -> bool {
    let index = Index::new(codes);
    if index.repeated || index.at.is_empty() {
        return false;
    }
    let mut sets = UnionFind::new(index.at.len());
    for (a, b) in index.edges(table, containment) {
        sets.union(a, b);
    }
    sets.components == 1
}

/// Whether every two of the regions border each other: KSD-KIND-07 read as `Pairwise`.
/// With `m` distinct regions that is `m (m − 1) / 2` distinct bordering pairs.
pub(super) fn pairwise(codes: &[KodeWilayah], table: &BorderTable, containment: bool) -> bool {
    let index = Index::new(codes);
    if index.repeated {
        return false;
    }
    let m = index.at.len();
    let all_pairs = m.saturating_mul(m.saturating_sub(1)) / 2;
    index.edges(table, containment).len() == all_pairs
}

/// Disjoint sets with path halving and union by size.
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
    components: usize,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
            components: n,
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&parent) = self.parent.get(x) {
            if parent == x {
                break;
            }
            let grandparent = self.parent.get(parent).copied().unwrap_or(parent);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = grandparent;
            }
            x = grandparent;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let size = |sets: &Self, x: usize| sets.size.get(x).copied().unwrap_or(1);
        let (big, small) = if size(self, a) >= size(self, b) {
            (a, b)
        } else {
            (b, a)
        };
        let merged = size(self, big) + size(self, small);
        if let Some(slot) = self.parent.get_mut(small) {
            *slot = big;
        }
        if let Some(slot) = self.size.get_mut(big) {
            *slot = merged;
        }
        self.components -= 1;
    }
}

/// The group of a region for its pairings: kab/kota or province.
type Class = bool;

/// The pairs of a list of regions whose pairing is not allowed, by groups.
pub(super) struct DisallowedPairs<'a> {
    codes: &'a [KodeWilayah],
    allowed: &'a [WajibPairing],
    /// Positions of the regions of each class (province: `false`, kab/kota: `true`), ascending.
    by_class: [Vec<usize>; 2],
    /// For each entry of `by_class[c]`, the index in it of the next entry of another province.
    next_other_province: [Vec<usize>; 2],
    /// Positions of the regions of each province and class, ascending.
    by_province: BTreeMap<(u8, Class), Vec<usize>>,
}

/// Where, among the positions after one, the partners of a region of one pairing lie: in the
/// same province as it or in another, and of which class.
#[derive(Clone, Copy)]
struct Source {
    class: Class,
    same_province: bool,
}

impl<'a> DisallowedPairs<'a> {
    pub(super) fn new(codes: &'a [KodeWilayah], allowed: &'a [WajibPairing]) -> Self {
        let mut by_class: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        let mut by_province: BTreeMap<(u8, Class), Vec<usize>> = BTreeMap::new();
        for (i, code) in codes.iter().enumerate() {
            let class = code.level().is_kab_kota();
            if let Some(list) = by_class.get_mut(usize::from(class)) {
                list.push(i);
            }
            by_province
                .entry((code.province_number(), class))
                .or_default()
                .push(i);
        }
        let province_at = |i: &usize| codes.get(*i).map(|c| c.province_number());
        let next_other_province = by_class.clone().map(|list| {
            let mut next = vec![list.len(); list.len()];
            for k in (0..list.len().saturating_sub(1)).rev() {
                let here = list.get(k).and_then(province_at);
                let after = list.get(k + 1).and_then(province_at);
                let value = if here == after {
                    next.get(k + 1).copied().unwrap_or(list.len())
                } else {
                    k + 1
                };
                if let Some(slot) = next.get_mut(k) {
                    *slot = value;
                }
            }
            next
        });
        DisallowedPairs {
            codes,
            allowed,
            by_class,
            next_other_province,
            by_province,
        }
    }

    /// The groups of partners whose pairing with a region of `class` is not allowed.
    fn sources(&self, own: Class) -> impl Iterator<Item = Source> + '_ {
        [(false, true), (false, false), (true, true), (true, false)]
            .into_iter()
            .map(|(class, same_province)| Source {
                class,
                same_province,
            })
            .filter(move |s| {
                let pairing = WajibPairing::of_classes(own, s.class, s.same_province);
                !self.allowed.contains(&pairing)
            })
    }

    fn province_list(&self, province: u8, class: Class) -> &[usize] {
        self.by_province
            .get(&(province, class))
            .map_or(&[], Vec::as_slice)
    }

    fn class_list(&self, class: Class) -> &[usize] {
        self.by_class
            .get(usize::from(class))
            .map_or(&[], Vec::as_slice)
    }

    /// How many positions after `i` lie in `source` for a region of `province`.
    fn count_after(&self, i: usize, province: u8, source: Source) -> u64 {
        let after = |list: &[usize]| list.len() - list.partition_point(|&x| x <= i);
        let same = after(self.province_list(province, source.class));
        let found = if source.same_province {
            same
        } else {
            after(self.class_list(source.class)) - same
        };
        u64::try_from(found).unwrap_or(u64::MAX)
    }

    /// The first position after `after` that lies in `source` for a region of `province`.
    fn next_after(&self, after: usize, province: u8, source: Source) -> Option<usize> {
        if source.same_province {
            let list = self.province_list(province, source.class);
            return list.get(list.partition_point(|&x| x <= after)).copied();
        }
        let list = self.class_list(source.class);
        let k = list.partition_point(|&x| x <= after);
        let at = *list.get(k)?;
        if self.codes.get(at)?.province_number() != province {
            return Some(at);
        }
        let next = self
            .next_other_province
            .get(usize::from(source.class))?
            .get(k)?;
        list.get(*next).copied()
    }

    /// How many pairs are not allowed, and the first `limit` of them in the order of the
    /// pairs `(i, j)`, `i < j`, of the list.
    pub(super) fn count_and_first(&self, limit: usize) -> (u64, Vec<(KodeWilayah, KodeWilayah)>) {
        let mut count = 0u64;
        let mut first = Vec::new();
        for (i, a) in self.codes.iter().enumerate() {
            let province = a.province_number();
            let sources: Vec<Source> = self.sources(a.level().is_kab_kota()).collect();
            for source in &sources {
                count = count.saturating_add(self.count_after(i, province, *source));
            }
            let mut after = i;
            while first.len() < limit {
                let next = sources
                    .iter()
                    .filter_map(|s| self.next_after(after, province, *s))
                    .min();
                let Some(j) = next else { break };
                if let Some(b) = self.codes.get(j) {
                    first.push((*a, *b));
                }
                after = j;
            }
        }
        (count, first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> KodeWilayah {
        text.parse().expect("a code")
    }

    /// The pair-by-pair answers the near-linear ones replace.
    fn brute(
        codes: &[KodeWilayah],
        allowed: &[WajibPairing],
    ) -> (u64, Vec<(KodeWilayah, KodeWilayah)>) {
        let mut count = 0;
        let mut first = Vec::new();
        for (i, a) in codes.iter().enumerate() {
            for b in &codes[i + 1..] {
                if !allowed.contains(&WajibPairing::of(*a, *b)) {
                    count += 1;
                    if first.len() < 7 {
                        first.push((*a, *b));
                    }
                }
            }
        }
        (count, first)
    }

    #[test]
    fn pairings_by_groups_agree_with_every_pair_for_every_allowed_subset() {
        let codes: Vec<KodeWilayah> = [
            "73.14", "74", "73", "74.08", "73.72", "75.01", "73.15", "74.71", "75", "73.14",
            "76.02", "74.01", "73.01",
        ]
        .iter()
        .map(|c| code(c))
        .collect();
        for mask in 0u8..32 {
            let allowed: Vec<WajibPairing> = WajibPairing::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, p)| p)
                .collect();
            for n in 0..=codes.len() {
                let pairs = DisallowedPairs::new(&codes[..n], &allowed);
                assert_eq!(
                    pairs.count_and_first(7),
                    brute(&codes[..n], &allowed),
                    "{mask} {n}"
                );
            }
        }
    }

    #[test]
    fn of_classes_is_of() {
        let codes = ["73", "74", "73.14", "73.72", "74.08"].map(code);
        for a in codes {
            for b in codes {
                let same = a.province() == b.province();
                let classes = WajibPairing::of_classes(
                    a.level().is_kab_kota(),
                    b.level().is_kab_kota(),
                    same,
                );
                assert_eq!(classes, WajibPairing::of(a, b));
            }
        }
    }

    #[test]
    fn bordering_by_union_find_agrees_with_every_pair() {
        let codes = ["73", "73.14", "73.72", "73.15", "74", "74.08"].map(code);
        let mut table = BorderTable::new();
        table.insert(codes[1], codes[2]);
        table.insert(codes[3], codes[5]);
        table.insert(code("73.16"), codes[1]); // not a party: ignored
        let borders = |a: KodeWilayah, b: KodeWilayah, containment: bool| {
            table.borders(a, b) || (containment && (a.is_within(b) || b.is_within(a)))
        };
        for n in 1..=codes.len() {
            for containment in [false, true] {
                let some = &codes[..n];
                let all_pairs = some
                    .iter()
                    .enumerate()
                    .all(|(i, a)| some[i + 1..].iter().all(|b| borders(*a, *b, containment)));
                assert_eq!(pairwise(some, &table, containment), all_pairs, "{n}");
                // Connected: a search pair by pair.
                let mut seen = vec![some[0]];
                let mut frontier = vec![some[0]];
                while let Some(a) = frontier.pop() {
                    for b in some {
                        if !seen.contains(b) && borders(a, *b, containment) {
                            seen.push(*b);
                            frontier.push(*b);
                        }
                    }
                }
                assert_eq!(connected(some, &table, containment), seen.len() == n, "{n}");
            }
        }
        assert!(!connected(&[codes[1], codes[1]], &table, true));
        assert!(!pairwise(&[codes[1], codes[1]], &table, true));
        assert!(!connected(&[], &table, true));
    }
}
