//! Issue "Audit trail": the hash chain, replay that re-checks the law, and golden logs that
//! must keep replaying in every later version.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use kerjasama::audit::{
    self, Envelope, ReplayProblem, SequentialIds, envelope_hash,
    schema::{DecodeError, decode_envelope, encode_envelope},
};
use kerjasama::law::RuleSet;
use kerjasama::lifecycle::{Command, Cooperation, EventKind, Stage};
use kerjasama::sample::{self, Scenario};

/// The recording time of step `index`: the legal date at 09:00 UTC plus `index` minutes.
fn recorded_at(on: chrono::NaiveDate, index: usize) -> DateTime<Utc> {
    let base = Utc.from_utc_datetime(&on.and_time(NaiveTime::from_hms_opt(9, 0, 0).expect("time")));
    base + Duration::minutes(i64::try_from(index).expect("small"))
}

fn log_of(scenario: &Scenario) -> Vec<Envelope> {
    let rules = RuleSet::current();
    let (mut coop, mut log, mut ids) = (
        Cooperation::new(),
        Vec::<Envelope>::new(),
        SequentialIds::default(),
    );
    for (index, step) in scenario.steps.iter().enumerate() {
        let envelope = audit::record(
            &coop,
            log.last(),
            &step.command,
            &step.actor,
            step.on,
            recorded_at(step.on, index),
            &rules,
            &mut ids,
        )
        .unwrap_or_else(|e| panic!("{} step {index}: {e}", scenario.case));
        for event in &envelope.events {
            coop.apply(event);
        }
        log.push(envelope);
    }
    log
}

fn to_text(log: &[Envelope]) -> String {
    log.iter().map(|e| encode_envelope(e) + "\n").collect()
}

fn decode_text(text: &str) -> Result<Vec<Envelope>, DecodeError> {
    text.lines().map(decode_envelope).collect()
}

/// Golden logs, one per kind: (file, scenario). Regenerate with `KSD_BLESS=1` only when a
/// schema change comes with an upcaster; otherwise a difference is a regression.
fn golden() -> Vec<(&'static str, Scenario)> {
    vec![
        ("c06_ksdd_wajib.jsonl", sample::c06_landfill()),
        ("c02_ksdd_sukarela.jsonl", sample::c02_food()),
        ("c08_ksdpk_region.jsonl", sample::c08_referral()),
        ("c09_ksdpk_third_party.jsonl", sample::c09_tourism()),
    ]
}

fn golden_path(file: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file)
}

#[test]
fn golden_logs_keep_replaying_unchanged() {
    let rules = RuleSet::current();
    for (file, scenario) in golden() {
        let path = golden_path(file);
        let fresh = to_text(&log_of(&scenario));
        if std::env::var_os("KSD_BLESS").is_some() {
            std::fs::write(&path, &fresh).expect("write golden");
        }
        let stored = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with KSD_BLESS=1 once)", path.display()));
        let log = decode_text(&stored).unwrap_or_else(|e| panic!("{file}: {e}"));
        let replayed = audit::replay(&log, &rules).unwrap_or_else(|e| panic!("{file}: {e}"));
        let live = scenario.run(&rules).expect("scenario");
        assert_eq!(replayed, live, "{file}: replay equals the live state");
        assert_eq!(
            stored, fresh,
            "{file}: this version writes the golden log byte for byte"
        );
    }
}

#[test]
fn the_chain_links_every_envelope_to_the_one_before() {
    let log = log_of(&sample::c06_landfill());
    assert_eq!(log[0].prev_hash, audit::GENESIS_HASH);
    for pair in log.windows(2) {
        assert_eq!(pair[1].prev_hash, pair[0].hash);
        assert_eq!(pair[1].sequence, pair[0].sequence + 1);
    }
    for envelope in &log {
        assert_eq!(
            envelope.hash,
            envelope_hash(&serde_json::to_value(envelope).expect("json"))
        );
        assert_eq!(envelope.schema_version, audit::schema::SCHEMA_VERSION);
    }
}

#[test]
fn every_single_byte_change_of_a_golden_log_is_detected() {
    let rules = RuleSet::current();
    let mut checked = 0usize;
    for (file, _) in golden() {
        let bytes = std::fs::read(golden_path(file)).expect("golden log");
        let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
        let mut start = 0;
        for (line_no, line) in lines.iter().enumerate() {
            for offset in 0..line.len() {
                let mut changed = line.to_vec();
                changed[offset] ^= 0x01;
                // Only the changed line differs; the other lines decode as before. A changed
                // newline splits or joins lines, so decode exactly what the bytes now hold.
                let detected = match std::str::from_utf8(&changed) {
                    Err(_) => true,
                    Ok(text) => {
                        let pieces: Vec<&str> =
                            text.split('\n').filter(|p| !p.is_empty()).collect();
                        let decoded: Result<Vec<Envelope>, _> =
                            pieces.iter().map(|p| decode_envelope(p)).collect();
                        match decoded {
                            Err(_) => true,
                            Ok(replacement) => {
                                let mut log =
                                    decode_text(std::str::from_utf8(&bytes).expect("utf8"))
                                        .expect("golden");
                                log.splice(line_no..=line_no, replacement);
                                audit::replay(&log, &rules).is_err()
                            }
                        }
                    }
                };
                assert!(
                    detected,
                    "{file}: byte {} (line {}) changed undetected",
                    start + offset,
                    line_no + 1
                );
                checked += 1;
            }
            start += line.len();
        }
    }
    assert!(checked > 10_000, "checked {checked} bytes");
}

fn problem(log: &[Envelope]) -> (u64, ReplayProblem) {
    let err = audit::replay(log, &RuleSet::current()).expect_err("must be refused");
    (err.sequence, err.problem)
}

#[test]
fn swapping_removing_or_duplicating_any_envelope_is_detected() {
    let log = log_of(&sample::c06_landfill());
    for i in 0..log.len() {
        let mut removed = log.clone();
        removed.remove(i);
        if i + 1 < log.len() {
            assert!(
                matches!(problem(&removed), (_, ReplayProblem::Gap { .. })),
                "remove {i}"
            );
        }
        let mut duplicated = log.clone();
        duplicated.insert(i, log[i].clone());
        assert!(
            matches!(problem(&duplicated), (_, ReplayProblem::OutOfOrder { .. })),
            "duplicate {i}"
        );
        if i + 1 < log.len() {
            let mut swapped = log.clone();
            swapped.swap(i, i + 1);
            let (sequence, _) = problem(&swapped);
            assert_eq!(sequence, u64::try_from(i).expect("small") + 1, "swap {i}");
        }
    }
    // Removing the last envelope leaves a valid, shorter log: an append-only store prevents it.
    assert!(audit::replay(&log[..log.len() - 1], &RuleSet::current()).is_ok());
}

/// Rewrites an envelope and recomputes its hash and every later link, as a forger would.
fn forge(log: &mut [Envelope], index: usize, change: impl FnOnce(&mut Envelope)) {
    change(&mut log[index]);
    for i in index..log.len() {
        if i > 0 {
            log[i].prev_hash = log[i - 1].hash.clone();
        }
        log[i].hash = log[i].computed_hash();
    }
}

#[test]
fn an_edit_with_recomputed_hashes_is_refused_when_the_law_would_not_have_accepted_it() {
    let log = log_of(&sample::c06_landfill());
    // Drop the DPRD approval of Pinrang from the events while keeping the stage change.
    let pinrang = log.iter().position(|e| e.events.iter().any(|ev| matches!(&ev.kind, EventKind::DprdApproved { region, .. } if *region == sample::pinrang()))).expect("approval");
    let mut forged = log.clone();
    forge(&mut forged, pinrang, |e| {
        e.events
            .retain(|ev| !matches!(ev.kind, EventKind::DprdApproved { .. }))
    });
    assert_eq!(
        problem(&forged),
        (
            u64::try_from(pinrang).expect("small") + 1,
            ReplayProblem::ForgedDecision
        )
    );
    // Claim the Pinrang DPRD approved although its command was issued by an OPD.
    let mut wrong_actor = log.clone();
    forge(&mut wrong_actor, pinrang, |e| {
        e.actor = sample::opd(sample::pinrang(), "Dinas Lingkungan Hidup")
    });
    assert!(matches!(
        problem(&wrong_actor).1,
        ReplayProblem::RefusedOnReplay(_)
    ));
    // Move the PKS signing before the DPRD approvals.
    let sign_pks = log
        .iter()
        .position(|e| matches!(e.command, Command::SignPks { .. }))
        .expect("PKS");
    let mut early = log[..pinrang].to_vec();
    let mut pks = log[sign_pks].clone();
    pks.sequence = u64::try_from(pinrang).expect("small") + 1;
    early.push(pks);
    forge(&mut early, pinrang, |_| {});
    assert!(matches!(
        problem(&early),
        (_, ReplayProblem::RefusedOnReplay(_))
    ));
    // An altered hash without recomputation is a hash mismatch.
    let mut altered = log.clone();
    altered[3].occurred_on += Duration::days(1);
    assert_eq!(problem(&altered), (4, ReplayProblem::HashMismatch));
}

#[test]
fn a_log_of_another_cooperation_mixed_in_or_an_unknown_rule_set_is_refused() {
    let mut mixed = log_of(&sample::c06_landfill());
    let other = log_of(&sample::c02_food());
    mixed[2] = other[2].clone();
    assert_eq!(problem(&mixed), (3, ReplayProblem::ForeignCooperation));
    let log = log_of(&sample::c06_landfill());
    let mut strict = RuleSet::current();
    strict.policy.kb_signatory_policy = kerjasama::law::KbSignatoryPolicy::Error;
    let err = audit::replay(&log, &strict).expect_err("policy digest differs");
    assert!(matches!(err.problem, ReplayProblem::UnknownRuleSet { .. }));
    assert!(matches!(problem(&[]), (1, ReplayProblem::Empty)));
}

#[test]
fn unknown_schema_versions_and_malformed_lines_are_typed_errors() {
    let log = log_of(&sample::c03_rice());
    let mut value = serde_json::to_value(&log[0]).expect("json");
    value["schema_version"] = serde_json::json!(99);
    assert_eq!(
        decode_envelope(&value.to_string()),
        Err(DecodeError::UnknownSchema(Some(99)))
    );
    assert!(matches!(
        decode_envelope("{not json"),
        Err(DecodeError::Json(_))
    ));
    assert!(matches!(
        decode_envelope("[1,2]"),
        Err(DecodeError::Json(_))
    ));
    // An unknown field with a recomputed hash passes the hash check but not the schema.
    let mut extra = serde_json::to_value(&log[0]).expect("json");
    extra["surprise"] = serde_json::json!(true);
    extra["hash"] = serde_json::json!(envelope_hash(&extra));
    assert!(
        matches!(decode_envelope(&extra.to_string()), Err(DecodeError::Schema(msg)) if msg.contains("surprise"))
    );
}

#[test]
fn replay_of_every_sample_case_equals_its_live_state() {
    let rules = RuleSet::current();
    for scenario in sample::cases() {
        let log = log_of(&scenario);
        let replayed =
            audit::replay(&log, &rules).unwrap_or_else(|e| panic!("{}: {e}", scenario.case));
        assert_eq!(
            replayed,
            scenario.run(&rules).expect("run"),
            "{}",
            scenario.case
        );
    }
    let landfill = audit::replay(&log_of(&sample::c06_landfill()), &rules).expect("replay");
    assert_eq!(landfill.stage(), Stage::InForce);
}
