//! Issue 10 ("Proof and speed", item 7): large inputs give the right verdict with a bounded
//! answer, one violation per rule, field and kind of finding that lists the first
//! [`LISTED_FINDINGS`] and counts the rest exactly. The timings are in
//! `benches/large_inputs.rs`; nothing here is timed.
//!
//! - a KSDPK registered with 50 000 third parties (KSD-PK-01), recorded and replayed (at
//!   5 000 for the record, to keep a debug run short);
//! - a kerja sama wajib between 8 722 regions: the border check (KSD-KIND-07) under both
//!   readings;
//! - 2 000 regions under a policy allowing pairing 1 only (KSD-KIND-09 narrowed as
//!   KSD-KIND-10 allows): 1.9 million pairs not allowed, one violation.

mod large;

use std::collections::HashSet;

use kerjasama::audit::{SequentialIds, record, replay};
use kerjasama::law::{
    KSD_KIND_07, KSD_KIND_09, KSD_WAJIB_01, Lang, Policy, RuleSet, RuleSetRegistry, WajibBorderRule,
};
use kerjasama::lifecycle::{
    Command, Cooperation, Event, Finding, LISTED_FINDINGS, Rejection, Violation,
};
use kerjasama::model::{
    BusinessEntity, CoordinationLevel, KodeWilayah, Party, ThirdParty, ThirdPartyKind,
};
use kerjasama::sample::{self, Step};

/// The violations of a refusal (empty when accepted: the warnings are checked apart).
fn violations(decided: &Result<Vec<Event>, Rejection>) -> Vec<Violation> {
    match decided {
        Ok(events) => events.iter().flat_map(|e| e.warnings()).cloned().collect(),
        Err(Rejection::Violations { violations, .. }) => violations.clone(),
        Err(other) => panic!("refused for another reason: {other}"),
    }
}

/// At most one violation per rule, field and kind of finding, each listing at most
/// `LISTED_FINDINGS` findings, all of its kind.
fn assert_bounded(found: &[Violation]) {
    let mut seen = HashSet::new();
    for v in found {
        let key = (v.rule, v.field.clone(), std::mem::discriminant(&v.finding));
        assert!(
            seen.insert(key),
            "two violations of {} at {:?}",
            v.rule,
            v.field
        );
        assert!(v.findings().count() <= LISTED_FINDINGS, "{v}");
        assert!(
            v.findings()
                .all(|f| std::mem::discriminant(f) == std::mem::discriminant(&v.finding)),
            "{v}"
        );
        assert!(
            v.unlisted == 0 || v.findings().count() == LISTED_FINDINGS,
            "{v}"
        );
    }
}

fn decide(step: &Step, rules: &RuleSet) -> Result<Vec<Event>, Rejection> {
    Cooperation::new().decide(&step.command, &step.actor, step.on, rules)
}

fn of_rule(found: &[Violation], rule: kerjasama::law::RuleId) -> Vec<&Violation> {
    found.iter().filter(|v| v.rule == rule).collect()
}

// ------------------------------------------------------------------ 50 000 third parties

#[test]
fn a_ksdpk_with_50_000_third_parties_registers_with_a_bounded_answer() {
    let step = large::register_third_parties(50_000);
    let decided = decide(&step, &large::current());
    let events = decided
        .as_ref()
        .expect("a KSDPK with a region and third parties registers");
    assert_bounded(&violations(&decided));
    let registered = Cooperation::from_events(events);
    assert_eq!(
        registered.spec().map(|s| s.parties.len()),
        Some(50_001),
        "every party recorded"
    );
}

#[test]
fn the_50_000_and_first_third_party_listed_twice_is_invalid_input_at_its_index() {
    let mut step = large::register_third_parties(50_000);
    let twice = Party::third_party(ThirdParty::new(
        "nib-00000007",
        "PT Mitra 7 (fiktif)",
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::PrivateCompany,
        },
    ));
    large::spec_mut(&mut step).parties.push(twice);
    match decide(&step, &large::current()) {
        Err(Rejection::InvalidInput { field, .. }) => assert_eq!(field, "parties[50001]"),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn a_register_of_5_000_third_parties_records_and_replays_to_the_same_state() {
    let step = large::register_third_parties(5_000);
    let rules = large::current();
    let at = step.on.and_time(chrono::NaiveTime::MIN).and_utc();
    let coop = Cooperation::new();
    let envelope = record(
        &coop,
        None,
        &step.command,
        &step.actor,
        step.on,
        at,
        &rules,
        &mut SequentialIds::default(),
    )
    .expect("recorded");
    let text = kerjasama::audit::schema::encode_envelope(&envelope);
    let read = kerjasama::audit::schema::decode_envelope(&text).expect("decoded");
    assert_eq!(read, envelope);
    let replayed = replay(&[read], &RuleSetRegistry::standard()).expect("replays");
    assert!(replayed.differences.is_empty());
    assert_eq!(replayed.state.spec().map(|s| s.parties.len()), Some(5_001));
}

// ------------------------------------------------------------------ 8 722 regions, borders

fn borders_of(found: &[Violation]) -> Vec<&Violation> {
    of_rule(found, KSD_KIND_07)
        .into_iter()
        .filter(|v| matches!(v.finding, Finding::RegionsDoNotBorder { .. }))
        .collect()
}

#[test]
fn eight_thousand_seven_hundred_and_twenty_two_connected_regions_border_as_one_area() {
    let codes = large::region_codes(8_722);
    assert_eq!(codes.len(), 8_722);
    let step = large::wajib_regions(&codes, &large::chain_borders(&codes, false));
    let decided = decide(&step, &large::current());
    let found = violations(&decided);
    assert_bounded(&found);
    assert!(borders_of(&found).is_empty(), "{found:?}");
    assert!(
        of_rule(&found, KSD_KIND_09).is_empty(),
        "every pairing allowed by default"
    );
    assert!(decided.is_ok(), "{found:?}");
}

#[test]
fn eight_thousand_seven_hundred_and_twenty_two_regions_in_two_areas_do_not_border() {
    let codes = large::region_codes(8_722);
    let step = large::wajib_regions(&codes, &large::chain_borders(&codes, true));
    let decided = decide(&step, &large::current());
    let found = violations(&decided);
    assert_bounded(&found);
    let border = borders_of(&found);
    assert_eq!(border.len(), 1, "{found:?}");
    assert_eq!(border[0].field.as_deref(), Some("borders"));
    assert!(decided.is_err());
}

#[test]
fn eight_thousand_seven_hundred_and_twenty_two_regions_in_a_chain_do_not_border_pairwise() {
    let codes = large::region_codes(8_722);
    let step = large::wajib_regions(&codes, &large::chain_borders(&codes, false));
    let mut policy = Policy::default();
    policy.wajib_border_rule = WajibBorderRule::Pairwise;
    let found = violations(&decide(&step, &RuleSet::current_with(policy)));
    assert_bounded(&found);
    assert_eq!(borders_of(&found).len(), 1, "{found:?}");
}

#[test]
fn regions_that_all_border_each_other_pass_the_pairwise_reading() {
    // A province and 40 of its kab/kota, each kab/kota bordering every other: 820 recorded
    // pairs and 40 by containment.
    let codes: Vec<KodeWilayah> = large::region_codes(200)
        .into_iter()
        .skip(99)
        .take(41)
        .collect();
    assert_eq!(codes[0].to_string(), "12");
    let mut table = kerjasama::model::BorderTable::new();
    for (i, a) in codes.iter().enumerate().skip(1) {
        for b in &codes[i + 1..] {
            table.insert(*a, *b);
        }
    }
    let step = large::wajib_regions(&codes, &table);
    let mut policy = Policy::default();
    policy.wajib_border_rule = WajibBorderRule::Pairwise;
    let found = violations(&decide(&step, &RuleSet::current_with(policy.clone())));
    assert!(borders_of(&found).is_empty(), "{found:?}");
    // Without containment the province borders none of them.
    policy.containment_counts_as_border = false;
    let found = violations(&decide(&step, &RuleSet::current_with(policy)));
    assert_eq!(borders_of(&found).len(), 1, "{found:?}");
}

// ------------------------------------------------------------------ 2 000 regions, pairings

#[test]
fn two_thousand_regions_under_a_restrictive_pairing_policy_give_one_violation_that_counts_every_pair()
 {
    let codes = large::region_codes(2_000);
    let rules = large::restrictive_pairings();
    let step = large::wajib_regions(&codes, &large::chain_borders(&codes, false));
    let decided = decide(&step, &rules);
    assert!(
        decided.is_err(),
        "pairings not allowed refuse the registration"
    );
    let found = violations(&decided);
    assert_bounded(&found);
    let pairing = of_rule(&found, KSD_KIND_09);
    assert_eq!(pairing.len(), 1, "one violation for the rule and field");
    let v = pairing[0];
    assert_eq!(v.field.as_deref(), Some("parties"));
    let (count, first) = large::disallowed_pairs(&codes, &rules);
    assert!(count > 1_900_000, "{count}");
    assert_eq!(v.count(), count, "every pair counted");
    assert_eq!(v.findings().count(), LISTED_FINDINGS);
    assert_eq!(v.unlisted, count - LISTED_FINDINGS as u64);
    let listed: Vec<(KodeWilayah, KodeWilayah)> = v
        .findings()
        .map(|f| match f {
            Finding::PairingNotAllowed { a, b, pairing } => {
                assert_eq!(*pairing, kerjasama::model::WajibPairing::of(*a, *b));
                (*a, *b)
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        listed,
        first[..LISTED_FINDINGS],
        "the first pairs, in order"
    );
    let more = v.unlisted;
    assert!(v.message(Lang::En).ends_with(&format!("; and {more} more")));
    assert!(
        v.message(Lang::Id)
            .ends_with(&format!("; dan {more} lainnya"))
    );
}

#[test]
fn a_few_pairs_not_allowed_are_all_listed_and_none_counted() {
    // Three provinces: 3 pairs, none allowed under pairing 1 only.
    let codes: Vec<KodeWilayah> = ["73", "74", "75"].map(|c| c.parse().expect("code")).into();
    let mut table = kerjasama::model::BorderTable::new();
    table.insert(codes[0], codes[1]);
    table.insert(codes[1], codes[2]);
    let step = large::wajib_regions(&codes, &table);
    let found = violations(&decide(&step, &large::restrictive_pairings()));
    let pairing = of_rule(&found, KSD_KIND_09);
    assert_eq!(pairing.len(), 1);
    assert_eq!(pairing[0].count(), 3);
    assert_eq!(pairing[0].unlisted, 0);
    assert!(!pairing[0].message(Lang::En).contains("more"));
    // Written as before when one finding is all there is: no `also`, no `unlisted`.
    let json = serde_json::to_value(pairing[0]).expect("json");
    assert_eq!(json["also"].as_array().map(Vec::len), Some(2));
    assert!(json.get("unlisted").is_none());
}

// ------------------------------------------------------------------ any rule: one per field

#[test]
fn sixty_mappings_not_filed_are_one_violation_listing_twenty_and_counting_forty() {
    // Sixty kab/kota of Sulawesi Selatan register a kerja sama wajib and begin its
    // procedure; the governor holds the coordination before any mapping is filed.
    let codes: Vec<KodeWilayah> = (1..=60u8)
        .map(|k| KodeWilayah::new_kab_kota(73, k).expect("a kab/kota"))
        .collect();
    let step = large::wajib_regions(&codes, &large::chain_borders(&codes, false));
    let rules = large::current();
    let mut coop = Cooperation::new();
    for command in [step.command.clone(), Command::BeginWajibProcedure] {
        let events = coop
            .decide(&command, &step.actor, step.on, &rules)
            .expect("registered and begun");
        events.iter().for_each(|e| coop.apply(e));
    }
    let decided = coop.decide(
        &Command::HoldTechnicalCoordination {
            level: CoordinationLevel::Provincial,
        },
        &sample::governor(),
        step.on,
        &rules,
    );
    let found = violations(&decided);
    assert_bounded(&found);
    let mappings = of_rule(&found, KSD_WAJIB_01);
    assert_eq!(mappings.len(), 1, "{found:?}");
    assert_eq!(mappings[0].count(), 60);
    assert_eq!(mappings[0].unlisted, 40);
    let listed: Vec<&Finding> = mappings[0].findings().collect();
    assert_eq!(
        listed.first(),
        Some(&&Finding::MappingNotFiled { region: codes[0] })
    );
    assert_eq!(
        listed.last(),
        Some(&&Finding::MappingNotFiled { region: codes[19] })
    );
    assert!(mappings[0].message(Lang::En).ends_with("; and 40 more"));
    assert!(mappings[0].message(Lang::Id).ends_with("; dan 40 lainnya"));
}
