//! The audit trail: the hash chain, replay that re-decides outcomes (not wording), golden logs
//! of every schema that keep replaying, upcasting, and the rule that whatever a store accepts,
//! replay accepts.

use chrono::Duration;
use kerjasama::audit::{
    self, Envelope, ReplayProblem, envelope_hash,
    schema::{DecodeError, SCHEMA_VERSION, Upcaster, decode_envelope, encode_envelope},
    v1_envelope_hash,
};
use kerjasama::law::{
    KbSignatoryPolicy, Lang, Policy, RuleSet, RuleSetError, RuleSetId, RuleSetRef, RuleSetRegistry,
};
use kerjasama::lifecycle::{
    Command, Cooperation, EventKind, Finding, Messages, Render, Stage, Violation,
};
use kerjasama::sample::{self, Scenario};
use sha2::{Digest, Sha256};

fn registry() -> RuleSetRegistry {
    RuleSetRegistry::standard()
}

fn log_of(scenario: &Scenario) -> Vec<Envelope> {
    scenario
        .record_log()
        .unwrap_or_else(|e| panic!("{}: {e}", scenario.case))
}

fn to_text(log: &[Envelope]) -> String {
    log.iter().map(|e| encode_envelope(e) + "\n").collect()
}

fn decode_text(text: &str) -> Result<Vec<Envelope>, DecodeError> {
    text.lines().map(decode_envelope).collect()
}

/// Golden logs, one per kind: (file, scenario).
fn golden() -> Vec<(&'static str, Scenario)> {
    vec![
        ("c06_ksdd_wajib.jsonl", sample::c06_landfill()),
        ("c02_ksdd_sukarela.jsonl", sample::c02_food()),
        ("c08_ksdpk_region.jsonl", sample::c08_referral()),
        ("c09_ksdpk_third_party.jsonl", sample::c09_tourism()),
    ]
}

fn golden_path(schema: u32, file: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/golden/v{schema}"))
        .join(file)
}

fn read_golden(schema: u32, file: &str) -> String {
    let path = golden_path(schema, file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn version(number: u32) -> RuleSetRef {
    RuleSetRef {
        id: RuleSetId::Current,
        version: number,
    }
}

// ------------------------------------------------------------------ golden logs, schema 1

#[test]
fn schema_1_golden_logs_are_frozen_byte_for_byte() {
    let sums = read_golden(1, "SHA256SUMS");
    let mut checked = 0;
    for line in sums.lines() {
        let (sum, file) = line.split_once("  ").expect("sha256sum format");
        let file = file.rsplit('/').next().expect("file name");
        let bytes = std::fs::read(golden_path(1, file)).expect("golden log");
        let actual: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            actual, sum,
            "{file} changed: a public record is never re-blessed"
        );
        checked += 1;
    }
    assert_eq!(checked, golden().len());
}

#[test]
fn schema_1_golden_logs_replay_through_the_upcaster_and_write_back_unchanged() {
    for (file, _) in golden() {
        let stored = read_golden(1, file);
        let log = decode_text(&stored).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            log.iter()
                .all(|e| e.schema_version == 1 && e.rule_set == version(1))
        );
        let replayed = audit::replay(&log, &registry()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            replayed.differences.is_empty(),
            "{file}: {:?}",
            replayed.differences
        );
        // The sample scripts have grown since (a surat kuasa now names its grantor), so the
        // frozen record is compared with what it recorded, not with today's script.
        let expected = match file {
            "c02_ksdd_sukarela.jsonl" => Stage::PksDrafting,
            "c09_ksdpk_third_party.jsonl" => Stage::ProposalReceived,
            _ => Stage::InForce,
        };
        assert_eq!(replayed.state.stage(), expected, "{file}");
        assert_eq!(replayed.state.rule_set(), Some(version(1)));
        // The record is kept as written: copying the log writes the same bytes.
        assert_eq!(to_text(&log), stored, "{file}");
        for envelope in &log {
            assert_eq!(
                envelope.stored_text().map(str::len),
                Some(encode_envelope(envelope).len())
            );
        }
    }
}

#[test]
fn schema_1_warnings_keep_their_recorded_text() {
    let log = decode_text(&read_golden(1, "c02_ksdd_sukarela.jsonl")).expect("decode");
    let warnings: Vec<&Violation> = log
        .iter()
        .flat_map(|e| e.events.iter().flat_map(|ev| ev.warnings()))
        .collect();
    assert_eq!(warnings.len(), 2, "both KB signatories are not heads");
    for warning in warnings {
        assert!(
            matches!(&warning.finding, Finding::RecordedText { en, .. } if en.contains("not the head of region"))
        );
        assert!(warning.message(Lang::En).contains("not the head of region"));
    }
}

#[test]
fn a_schema_1_list_of_rules_checked_no_longer_matters() {
    // Rows gain guards over time; schema 1 stored the list. Rewrite it (with the schema-1
    // hash recomputed, as its writer would have) and the log still replays.
    let stored = read_golden(1, "c06_ksdd_wajib.jsonl");
    let mut lines: Vec<String> = stored.lines().map(str::to_owned).collect();
    let mut prev = audit::GENESIS_HASH.to_owned();
    for line in &mut lines {
        let mut value: serde_json::Value = serde_json::from_str(line).expect("json");
        for event in value["events"].as_array_mut().expect("events") {
            if event["kind"]["event"] == "stage_changed" {
                event["kind"]["rules_checked"] = serde_json::json!(["KSD-STAGE-01"]);
            }
        }
        value["prev_hash"] = serde_json::json!(prev);
        let hash = v1_envelope_hash(&value);
        value["hash"] = serde_json::json!(hash);
        prev = hash;
        *line = kerjasama::audit::canonical_json(&value);
    }
    let log = decode_text(&lines.join("\n")).expect("decode");
    let replayed = audit::replay(&log, &registry()).expect("replay");
    assert_eq!(replayed.state.stage(), Stage::InForce);
}

#[test]
fn a_schema_1_policy_digest_names_known_values_or_is_a_typed_error() {
    // A region that ran a stricter policy under schema 1: the digest names its values.
    let mut strict = Policy::default();
    strict.kb_signatory_policy = KbSignatoryPolicy::Error;
    let strict_values = serde_json::to_value(&strict).expect("json");
    let digest = {
        let canonical = kerjasama::audit::canonical_json(&strict_values);
        Sha256::digest(canonical.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let first = read_golden(1, "c06_ksdd_wajib.jsonl")
        .lines()
        .next()
        .expect("line")
        .to_owned();
    let mut value: serde_json::Value = serde_json::from_str(&first).expect("json");
    value["policy_digest"] = serde_json::json!(digest);
    value["hash"] = serde_json::json!(v1_envelope_hash(&value));
    let line = kerjasama::audit::canonical_json(&value);
    assert_eq!(
        decode_envelope(&line),
        Err(DecodeError::UnknownPolicyDigest {
            digest: digest.clone()
        })
    );
    let upcaster = Upcaster::standard().with_v1_policy(strict_values);
    let envelope = upcaster.decode(&line).expect("known with its values");
    let v1 = registry().get(version(1)).expect("v1");
    assert_eq!(v1.policy_from(&envelope.policy).expect("policy"), strict);
    // Values that disagree with the recorded ones name another digest: still unknown.
    let mut other = serde_json::to_value(&strict).expect("json");
    other["max_term_years"] = serde_json::json!(7);
    let disagreeing = Upcaster::standard().with_v1_policy(other);
    assert!(matches!(
        disagreeing.decode(&line),
        Err(DecodeError::UnknownPolicyDigest { .. })
    ));
}

// ------------------------------------------------------------------ golden logs, schema 2

/// The golden log of `file` written by the latest rule-set version: `<case>.r<version>.jsonl`
/// beside the older ones, each kept for ever.
fn latest_file(file: &str) -> String {
    let version = registry().latest_current().reference.version;
    file.replace(".jsonl", &format!(".r{version}.jsonl"))
}

#[test]
fn schema_2_golden_logs_of_older_rule_sets_are_frozen_and_replay() {
    // Written by rule-set version 2 (the files without a suffix), frozen with their checksums.
    let sums = read_golden(2, "SHA256SUMS");
    let expected_stage = |file: &str| match file {
        "c02_ksdd_sukarela.jsonl" => Stage::PksDrafting,
        "c09_ksdpk_third_party.jsonl" => Stage::ProposalReceived,
        // C10 under PP 50/2007, written before version 3 of the current set.
        _ => Stage::InForce,
    };
    let mut checked = 0;
    for line in sums.lines() {
        let (sum, file) = line.split_once("  ").expect("sha256sum format");
        let file = file.rsplit('/').next().expect("file name");
        let bytes = std::fs::read(golden_path(2, file)).expect("golden log");
        let actual: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            actual, sum,
            "{file} changed: a public record is never re-blessed"
        );
        let stored = String::from_utf8(bytes).expect("utf8");
        let log = decode_text(&stored).unwrap_or_else(|e| panic!("{file}: {e}"));
        let replayed = audit::replay(&log, &registry()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(replayed.differences.is_empty(), "{file}");
        assert_eq!(replayed.state.stage(), expected_stage(file), "{file}");
        assert_eq!(to_text(&log), stored, "{file}: re-encoded byte for byte");
        checked += 1;
    }
    assert_eq!(
        checked,
        golden().len() + 1,
        "the four cases and C10 (legacy)"
    );
}

#[test]
fn golden_logs_of_the_latest_rule_set_are_written_byte_for_byte_and_replay() {
    assert_eq!(
        SCHEMA_VERSION, 2,
        "a new schema freezes tests/golden/v2 and adds v3"
    );
    for (file, scenario) in golden() {
        let file = latest_file(file);
        let path = golden_path(2, &file);
        let fresh = to_text(&log_of(&scenario));
        if !path.exists() && std::env::var_os("KSD_BLESS").is_some() {
            std::fs::write(&path, &fresh).expect("write golden");
        }
        let stored = read_golden(2, &file);
        let log = decode_text(&stored).unwrap_or_else(|e| panic!("{file}: {e}"));
        let replayed = audit::replay(&log, &registry()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(replayed.differences.is_empty());
        assert_eq!(
            replayed.state,
            scenario.run(&RuleSet::current()).expect("scenario"),
            "{file}: replay equals the live state"
        );
        assert_eq!(
            stored, fresh,
            "{file}: this version writes the golden log byte for byte"
        );
    }
}

/// Case C10 under the legacy rule set (PP 50/2007): its golden log as this crate writes it
/// (policy values stored against the version's frozen defaults), recorded under the rule set
/// the registry picks for its first date, blessed once (`KSD_BLESS=1`, only when missing). The
/// first C10 log (`c10_legacy.jsonl`, every policy value stored) is frozen with the other
/// schema-2 logs.
#[test]
fn c10_legacy_golden_log_replays_and_re_encodes_byte_for_byte() {
    let file = "c10_legacy.pp50-r1.jsonl";
    let scenario = sample::c10_legacy();
    let path = golden_path(2, file);
    let fresh = to_text(&log_of(&scenario));
    if !path.exists() && std::env::var_os("KSD_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write golden");
    }
    let stored = read_golden(2, file);
    let log = decode_text(&stored).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(
        log.iter()
            .all(|e| e.rule_set == RuleSet::legacy().reference && e.schema_version == 2),
        "every envelope names PP 50/2007"
    );
    assert!(stored.contains("\"rule_set\":{\"id\":\"pp50-2007\",\"version\":1}"));
    let replayed = audit::replay(&log, &registry()).unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(replayed.differences.is_empty());
    assert_eq!(
        replayed.state,
        scenario.run(&RuleSet::legacy()).expect("C10"),
        "{file}: replay equals the live state"
    );
    assert_eq!(replayed.state.stage(), Stage::InForce);
    assert_eq!(
        to_text(&log),
        stored,
        "{file}: decoded and encoded again, byte for byte"
    );
    assert_eq!(
        stored, fresh,
        "{file}: this version writes the golden log byte for byte"
    );
    // A flipped byte anywhere in an envelope is detected.
    let line = stored.lines().nth(14).expect("the deemed approval");
    assert!(line.contains("record_deemed_approval"));
    let tampered = line.replace("2016-09-26", "2016-09-20");
    assert!(decode_envelope(&tampered).is_err());
}

#[test]
fn no_rendered_text_citation_or_rules_list_is_stored() {
    for (file, scenario) in golden() {
        let stored = read_golden(2, &latest_file(file));
        assert!(!stored.contains("message_id") && !stored.contains("message_en"));
        assert!(!stored.contains("\"citation\"") && !stored.contains("rules_checked"));
        assert!(!stored.contains("policy_digest"));
        let live = scenario.run(&RuleSet::current()).expect("scenario");
        for warning in live.warnings() {
            for lang in Lang::ALL {
                let text = warning.message(lang);
                let json = serde_json::to_string(&text).expect("json");
                assert!(
                    !stored.contains(json.trim_matches('"')),
                    "{file}: `{text}` is stored"
                );
            }
        }
    }
}

/// A renderer that rewords every message, as a later version of the crate may.
struct Reworded;

impl Render for Reworded {
    fn render(&self, violation: &Violation, lang: Lang) -> String {
        format!(
            "[{lang}] {} — {}",
            violation.rule,
            Messages.render(violation, lang).to_uppercase()
        )
    }
}

#[test]
fn rewording_every_message_changes_no_stored_byte_and_breaks_no_replay() {
    for (file, scenario) in golden() {
        let stored = read_golden(2, &latest_file(file));
        let log = decode_text(&stored).expect("decode");
        let replayed = audit::replay(&log, &registry()).expect("replay");
        for warning in replayed.state.warnings() {
            for lang in Lang::ALL {
                let reworded = warning.message_with(&Reworded, lang);
                assert_ne!(reworded, warning.message(lang));
                assert!(reworded.contains(warning.rule.as_str()));
            }
        }
        // Recording again under any wording writes the same bytes: wording is not stored.
        assert_eq!(to_text(&log_of(&scenario)), stored, "{file}");
    }
    let c02 = audit::replay(
        &decode_text(&read_golden(2, &latest_file("c02_ksdd_sukarela.jsonl"))).expect("decode"),
        &registry(),
    )
    .expect("replay");
    assert!(
        !c02.state.warnings().is_empty(),
        "C02 records the KB signatory warning"
    );
}

/// Rewrites the policy values of every envelope (recomputing the hashes and links, as the
/// writer of that version would have), keeping the rest.
fn with_policy_values(
    log: &[Envelope],
    edit: impl Fn(&mut serde_json::Map<String, serde_json::Value>),
) -> Vec<String> {
    let mut prev = audit::GENESIS_HASH.to_owned();
    log.iter()
        .map(|envelope| {
            let mut value = serde_json::to_value(envelope).expect("json");
            edit(value["policy"].as_object_mut().expect("policy"));
            value["prev_hash"] = serde_json::json!(prev);
            let mut typed: Envelope = serde_json::from_value(value).expect("typed");
            typed.hash = envelope_hash(&typed.canonical_bytes());
            prev = typed.hash.clone();
            encode_envelope(&typed)
        })
        .collect()
}

#[test]
fn a_log_written_before_a_policy_field_existed_replays_with_its_default() {
    // The schema-2 golden logs were written by rule-set version 2, before the settings of
    // version 3 (`wajib_refusal_policy`, `unilateral_termination`, ...) existed.
    let stored = read_golden(2, "c06_ksdd_wajib.jsonl");
    let old = decode_text(&stored).expect("decodes with the fields absent");
    assert!(old[0].policy.get("wajib_refusal_policy").is_none());
    let v2 = registry().get(old[0].rule_set).expect("v2");
    let policy = v2.policy_from(&old[0].policy).expect("policy");
    assert_eq!(
        policy.wajib_refusal_policy,
        Policy::default().wajib_refusal_policy
    );
    assert_eq!(
        policy.unilateral_termination,
        Policy::default().unilateral_termination
    );
    let replayed = audit::replay(&old, &registry()).expect("replay");
    assert_eq!(replayed.state.stage(), Stage::InForce);
    // Re-encoding keeps the absent fields absent: the stored bytes and hashes do not change.
    assert_eq!(to_text(&old), stored);
    // A log of today stores only what differs from its version's frozen defaults.
    let fresh = log_of(&sample::c06_landfill());
    assert!(fresh.iter().all(|e| e.policy.as_map().is_empty()));
    let mut strict = Policy::default();
    strict.kb_signatory_policy = KbSignatoryPolicy::Error;
    let latest = *registry().latest_current();
    assert_eq!(latest.policy_values(&strict).as_map().len(), 1);
}

#[test]
fn a_policy_field_unknown_to_this_version_is_a_typed_error() {
    let log = log_of(&sample::c03_rice());
    let lines = with_policy_values(&log, |policy| {
        policy.insert("added_in_2031".into(), serde_json::json!(true));
    });
    let newer = decode_text(&lines.join("\n")).expect("decodes: values are stored as values");
    let err = audit::replay(&newer, &registry()).expect_err("unknown field");
    assert_eq!(err.sequence, 1);
    assert!(
        matches!(&err.problem, ReplayProblem::Policy { message } if message.contains("added_in_2031")),
        "{err}"
    );
}

#[test]
fn an_unknown_rule_set_version_is_a_typed_error_naming_the_sequence() {
    let mut log = log_of(&sample::c03_rice());
    forge(&mut log, 1, |e| e.rule_set = version(99));
    let err = audit::replay(&log, &registry()).expect_err("unknown version");
    assert_eq!(err.sequence, 2);
    assert_eq!(
        err.problem,
        ReplayProblem::UnknownRuleSet(RuleSetError::UnknownVersion {
            reference: version(99)
        })
    );
}

#[test]
fn a_log_decided_under_version_1_replays_under_version_1_where_version_2_refuses() {
    // Version 2 checks a filed mapping's content (KSD-WAJIB-01); version 1 did not.
    let scenario = sample::c06_landfill();
    let mut steps = scenario.steps.clone();
    for step in &mut steps {
        if let Command::FileMapping { mapping } = &mut step.command {
            mapping.potentials.clear();
        }
    }
    let emptied = Scenario::new(scenario.case.clone(), steps);
    let v1 = registry()
        .get(version(1))
        .expect("v1")
        .with_policy(Policy::default());
    assert!(emptied.run(&v1).is_ok());
    let refused = emptied
        .run(&RuleSet::current())
        .expect_err("version 2 refuses");
    assert!(
        refused
            .rejection
            .rules()
            .contains(&kerjasama::law::KSD_WAJIB_01)
    );
    // A log decided under version 1 keeps replaying under version 1.
    let mut ids = audit::SequentialIds::default();
    let (mut coop, mut log) = (Cooperation::new(), Vec::<Envelope>::new());
    for step in &emptied.steps {
        let at = step.on.and_hms_opt(9, 0, 0).expect("time").and_utc();
        let envelope = audit::record(
            &coop,
            log.last(),
            &step.command,
            &step.actor,
            step.on,
            at,
            &v1,
            &mut ids,
        )
        .expect("accepted under v1");
        for event in &envelope.events {
            coop.apply(event);
        }
        log.push(envelope);
    }
    let replayed = audit::replay(&log, &registry()).expect("replays under the version it names");
    assert_eq!(replayed.state.stage(), Stage::InForce);
}

// ------------------------------------------------------------------ canonical form

#[test]
fn every_envelope_line_is_its_canonical_bytes_with_the_hash_last() {
    for (_, scenario) in golden() {
        for envelope in log_of(&scenario) {
            let line = encode_envelope(&envelope);
            let body = String::from_utf8(envelope.canonical_bytes()).expect("utf8");
            let expected = format!(
                "{},\"hash\":\"{}\"}}",
                &body[..body.len() - 1],
                envelope.hash
            );
            assert_eq!(line, expected);
            assert_eq!(envelope_hash(body.as_bytes()), envelope.hash);
            assert_eq!(envelope.schema_version, SCHEMA_VERSION);
        }
    }
}

/// The body of a line (without its hash member) rehashed over exactly its own bytes, as a
/// careless writer would do it.
fn rehash_line_over_its_own_bytes(line: &str) -> String {
    let (body, _) = line.rsplit_once(",\"hash\":").expect("hash member");
    let hash = envelope_hash(format!("{body}}}").as_bytes());
    format!("{body},\"hash\":\"{hash}\"}}")
}

#[test]
fn a_non_canonical_line_hashed_over_its_own_bytes_is_refused_at_decode() {
    let log = log_of(&sample::c03_rice());
    let line = encode_envelope(&log[0]);
    let timestamp = line.replace("T09:00:00Z", "T09:00:00+00:00");
    let upper = line.replace(
        &log[0].event_id.to_string(),
        &log[0].event_id.to_string().to_uppercase(),
    );
    for variant in [timestamp, upper] {
        assert_ne!(variant, line);
        let rehashed = rehash_line_over_its_own_bytes(&variant);
        assert!(
            matches!(
                decode_envelope(&rehashed),
                Err(DecodeError::HashMismatch { .. })
            ),
            "{rehashed}"
        );
        // The same content with the hash of its canonical form is the same envelope.
        let same = decode_envelope(&variant).expect("same facts, canonical hash");
        assert_eq!(same, log[0]);
    }
}

#[test]
fn a_non_canonical_schema_1_line_is_refused_naming_the_member() {
    let first = read_golden(1, "c06_ksdd_wajib.jsonl")
        .lines()
        .next()
        .expect("line")
        .to_owned();
    let cases = [
        (
            "recorded_at",
            serde_json::json!("2022-09-01T09:00:00+00:00"),
            "recorded_at",
        ),
        (
            "event_id",
            serde_json::json!("0182F847-5280-7000-8000-000000000001"),
            "event_id",
        ),
    ];
    for (member, replacement, named) in cases {
        let mut value: serde_json::Value = serde_json::from_str(&first).expect("json");
        value[member] = replacement;
        value["hash"] = serde_json::json!(v1_envelope_hash(&value));
        let line = kerjasama::audit::canonical_json(&value);
        assert_eq!(
            decode_envelope(&line),
            Err(DecodeError::NonCanonical {
                member: named.into()
            })
        );
    }
    // An omitted member that decodes to its default.
    let mut value: serde_json::Value = serde_json::from_str(&first).expect("json");
    value["command"]["spec"]
        .as_object_mut()
        .expect("spec")
        .remove("renews");
    value["hash"] = serde_json::json!(v1_envelope_hash(&value));
    assert_eq!(
        decode_envelope(&kerjasama::audit::canonical_json(&value)),
        Err(DecodeError::NonCanonical {
            member: "command.spec.renews".into()
        })
    );
}

// ------------------------------------------------------------------ chain and forgery

#[test]
fn the_chain_links_every_envelope_to_the_one_before() {
    let log = log_of(&sample::c06_landfill());
    assert_eq!(log[0].prev_hash, audit::GENESIS_HASH);
    for pair in log.windows(2) {
        assert_eq!(pair[1].prev_hash, pair[0].hash);
        assert_eq!(pair[1].sequence, pair[0].sequence + 1);
    }
    for envelope in &log {
        assert_eq!(envelope.hash, envelope.computed_hash());
    }
}

#[test]
fn a_schema_2_log_continues_a_schema_1_log() {
    // C02 stopped at PKS drafting under schema 1; its PKS is signed today.
    let old = decode_text(&read_golden(1, "c02_ksdd_sukarela.jsonl")).expect("decode");
    let store = kerjasama::store::MemoryStore::new();
    let id = old[0].cooperation_id;
    kerjasama::store::EventStore::append(&store, id, 0, &old).expect("seed with the old log");
    let ledger = kerjasama::Ledger::new(store);
    let c02 = sample::c02_food();
    let live = c02.run(&RuleSet::current()).expect("live");
    let tkksd = sample::tkksd(sample::sidrap());
    let on = live.last_date().expect("date") + Duration::days(1);
    ledger
        .execute(
            id,
            &Command::RecordTkksdReview {
                review: tkksd_pks_review(),
            },
            &tkksd,
            on,
        )
        .expect("a new step on an old log");
    let log = ledger.history(id).expect("history");
    let last = log.last().expect("last");
    assert_eq!(last.schema_version, SCHEMA_VERSION);
    assert_eq!(last.prev_hash, old.last().expect("old head").hash);
    let replayed = ledger.verify(id).expect("the mixed log replays");
    assert!(replayed.differences.is_empty());
    assert_eq!(
        to_text(&log[..old.len()]),
        read_golden(1, "c02_ksdd_sukarela.jsonl")
    );
}

fn tkksd_pks_review() -> kerjasama::model::TkksdReview {
    match sample::review(kerjasama::model::ReviewPoint::PksSigning) {
        Command::RecordTkksdReview { review } => review,
        _ => unreachable!("sample::review records a review"),
    }
}

#[test]
fn every_single_byte_change_of_a_golden_log_is_detected() {
    let registry = registry();
    let mut checked = 0usize;
    for schema in [1, 2] {
        for (file, _) in golden() {
            let bytes = std::fs::read(golden_path(schema, file)).expect("golden log");
            let original = decode_text(std::str::from_utf8(&bytes).expect("utf8")).expect("golden");
            let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
            let mut start = 0;
            for (line_no, line) in lines.iter().enumerate() {
                for offset in 0..line.len() {
                    let mut changed = line.to_vec();
                    changed[offset] ^= 0x01;
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
                                    let mut log = original.clone();
                                    log.splice(line_no..=line_no, replacement);
                                    audit::replay(&log, &registry).is_err()
                                }
                            }
                        }
                    };
                    assert!(
                        detected,
                        "v{schema}/{file}: byte {} (line {}) changed undetected",
                        start + offset,
                        line_no + 1
                    );
                    checked += 1;
                }
                start += line.len();
            }
        }
    }
    assert!(checked > 20_000, "checked {checked} bytes");
}

fn problem(log: &[Envelope]) -> (u64, ReplayProblem) {
    let err = audit::replay(log, &registry()).expect_err("must be refused");
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
    assert!(audit::replay(&log[..log.len() - 1], &registry()).is_ok());
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
            ReplayProblem::ForgedDecision { event: 0 }
        )
    );
    // Claim the Pinrang DPRD approved although its command was issued by an OPD.
    let mut wrong_actor = log.clone();
    forge(&mut wrong_actor, pinrang, |e| {
        e.actor = sample::opd(sample::pinrang(), "Dinas Lingkungan Hidup")
    });
    assert!(matches!(
        problem(&wrong_actor).1,
        ReplayProblem::RefusedOnReplay { .. }
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
        (_, ReplayProblem::RefusedOnReplay { .. })
    ));
    // An altered hash without recomputation is a hash mismatch.
    let mut altered = log.clone();
    altered[3].occurred_on += Duration::days(1);
    assert_eq!(problem(&altered), (4, ReplayProblem::HashMismatch));
}

#[test]
fn warnings_that_differ_from_todays_reading_are_a_difference_not_a_forgery() {
    let log = log_of(&sample::c02_food());
    let kb = log
        .iter()
        .position(|e| e.events.iter().any(|ev| ev.is_warning()))
        .expect("the KB signatory warning");
    let mut edited = log.clone();
    forge(&mut edited, kb, |e| e.events.retain(|ev| !ev.is_warning()));
    let replayed = audit::replay(&edited, &registry()).expect("the outcome is the same");
    assert_eq!(replayed.differences.len(), 1);
    let difference = &replayed.differences[0];
    assert_eq!(difference.sequence, u64::try_from(kb).expect("small") + 1);
    assert!(difference.recorded.is_empty());
    assert_eq!(difference.decided[0].rule, kerjasama::law::KSD_DOC_07);
    // The state is the record: the edited log has no warning.
    assert!(replayed.state.warnings().is_empty());
}

#[test]
fn a_log_of_another_cooperation_mixed_in_is_refused() {
    let mut mixed = log_of(&sample::c06_landfill());
    let other = log_of(&sample::c02_food());
    mixed[2] = other[2].clone();
    assert_eq!(problem(&mixed), (3, ReplayProblem::ForeignCooperation));
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
    let mut extra = serde_json::to_value(&log[0]).expect("json");
    extra["surprise"] = serde_json::json!(true);
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
            audit::replay(&log, &registry()).unwrap_or_else(|e| panic!("{}: {e}", scenario.case));
        assert_eq!(
            replayed.state,
            scenario.run(&rules).expect("run"),
            "{}",
            scenario.case
        );
    }
}
