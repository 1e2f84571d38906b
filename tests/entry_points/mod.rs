//! The five byte-level entry points of the crate, shared by the fuzz targets
//! (`fuzz/fuzz_targets/*.rs`, which include this file by path) and by
//! `tests/arbitrary_bytes.rs`: whatever the bytes, each returns whether the input was
//! accepted or refused with a typed error, and panics only when an invariant of an accepted
//! input does not hold (a round trip that is not the identity, a hash that does not verify).
//!
//! Every file it reads is compiled in with `include_str!` from inside the repository, so the
//! fuzz targets need no working directory.
#![allow(dead_code)] // each user calls a part of it

use std::sync::OnceLock;

use chrono::NaiveDate;
use kerjasama::audit::Envelope;
use kerjasama::audit::schema::{DecodeError, decode_envelope, encode_envelope};
use kerjasama::law::{Lang, Policy, PolicyValues, RuleSet, RuleSetRegistry};
use kerjasama::lifecycle::{Command, Cooperation, Step};
use kerjasama::model::{Actor, BorderTable, KodeWilayah, WajibPairing, coordination_level};
use kerjasama::report::{DateOrder, ImportOptions, Portfolio, evaluate, import_csv, render};

/// The register of the sample region (the seed of the CSV entry point).
pub const SIDRAP_CSV: &str = include_str!("../../examples/data/sidrap-2024.csv");

/// The border table `ksd evaluate --borders` reads for it.
pub const BORDERS_JSON: &str = include_str!("../../examples/data/borders-sulsel.json");

/// The date of the sample evaluation meeting (14 August 2024).
pub fn meeting() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 8, 14).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// envelope_line
// ---------------------------------------------------------------------------------------------

/// One stored line of a JSONL log, read as the store reads it (`src/store/jsonl.rs`
/// `try_decode`: UTF-8, not empty, then [`decode_envelope`]). When it decodes: its hash
/// verifies, and encoding it and decoding the encoding is the identity (the encoding is a
/// fixed point).
pub fn envelope_line(bytes: &[u8]) -> Result<Envelope, LineRefused> {
    let text = std::str::from_utf8(bytes).map_err(|_| LineRefused::NotUtf8)?;
    if text.is_empty() {
        return Err(LineRefused::Empty);
    }
    let envelope = decode_envelope(text).map_err(LineRefused::Decode)?;
    assert_eq!(
        envelope.computed_hash(),
        envelope.hash,
        "an accepted line whose hash does not verify: {text}"
    );
    let encoded = encode_envelope(&envelope);
    assert!(
        !encoded.is_empty(),
        "an accepted line that cannot be encoded"
    );
    let again = match decode_envelope(&encoded) {
        Ok(again) => again,
        Err(error) => panic!("the encoding of an accepted line is refused ({error}): {encoded}"),
    };
    assert_eq!(again, envelope, "decode ∘ encode is not the identity");
    assert_eq!(
        encode_envelope(&again),
        encoded,
        "encode ∘ decode ∘ encode changes the bytes"
    );
    Ok(envelope)
}

/// Why a line is not an envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineRefused {
    /// Not UTF-8.
    NotUtf8,
    /// Empty.
    Empty,
    /// Refused by the decoder.
    Decode(DecodeError),
}

/// A byte-level mutation of `original` (a golden line) fed to [`envelope_line`]: accepted
/// only with a verifying hash (checked there), and never as the original unless it decodes
/// to the original's very content (a change of insignificant whitespace, say). A mutation that
/// still fits the schema-2 types but is refused must be refused for its hash.
pub fn mutated_envelope_line(original: &Envelope, mutated: &[u8]) {
    let result = envelope_line(mutated);
    if let Ok(envelope) = &result
        && envelope.hash == original.hash
    {
        assert_eq!(
            envelope, original,
            "a mutated line with the original's hash decodes to other content"
        );
    }
    let Ok(text) = std::str::from_utf8(mutated) else {
        return;
    };
    if let Ok(typed) = serde_json::from_str::<Envelope>(text)
        && typed.schema_version == kerjasama::audit::schema::SCHEMA_VERSION
    {
        match &result {
            Ok(envelope) => assert_eq!(envelope, &typed),
            Err(LineRefused::Decode(DecodeError::HashMismatch { .. })) => {}
            Err(other) => panic!("a schema-2 line that fits the types refused as {other:?}"),
        }
        if typed.hash == original.hash && typed != *original {
            assert!(
                matches!(
                    result,
                    Err(LineRefused::Decode(DecodeError::HashMismatch { .. }))
                ),
                "altered content under the original hash was not reported as a hash mismatch"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// command
// ---------------------------------------------------------------------------------------------

/// A cooperation at some point of a sample case, the actor and date of the case's next step,
/// and the rule set the case runs under.
pub struct State {
    /// The cooperation.
    pub coop: Cooperation,
    /// The actor of the next step.
    pub actor: Actor,
    /// The date of the next step.
    pub on: NaiveDate,
    /// The rules.
    pub rules: RuleSet,
}

/// Every state of every sample case (current and legacy), before each of its steps.
pub fn states() -> &'static [State] {
    static STATES: OnceLock<Vec<State>> = OnceLock::new();
    STATES.get_or_init(|| {
        let mut states = Vec::new();
        let scenarios = kerjasama::sample::cases()
            .into_iter()
            .chain(kerjasama::sample::legacy_cases());
        for scenario in scenarios {
            let Ok(rules) = scenario.rules() else {
                continue;
            };
            let mut coop = Cooperation::new();
            for step in &scenario.steps {
                states.push(State {
                    coop: coop.clone(),
                    actor: step.actor.clone(),
                    on: step.on,
                    rules: rules.clone(),
                });
                if coop
                    .execute(&step.command, &step.actor, step.on, &rules)
                    .is_err()
                {
                    break;
                }
            }
        }
        states
    })
}

/// A command file's `command` (or a whole `lifecycle::Step`, actor and date included) from
/// JSON. When it parses: it round-trips through its JSON form, and it is decided (and
/// audited, as the register import does) against three states of the sample cases picked
/// from the bytes, the events of an acceptance applied to a copy. Returns whether it parsed.
pub fn command(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let (command, step) = match serde_json::from_str::<Step>(text) {
        Ok(step) => (step.command.clone(), Some(step)),
        Err(_) => match serde_json::from_str::<Command>(text) {
            Ok(command) => (command, None),
            Err(_) => return false,
        },
    };
    let json = serde_json::to_string(&command).unwrap_or_default();
    let again = serde_json::from_str::<Command>(&json);
    assert_eq!(
        again.as_ref().ok(),
        Some(&command),
        "a parsed command does not round-trip through {json}: {again:?}"
    );
    let states = states();
    let fresh = State {
        coop: Cooperation::new(),
        actor: kerjasama::sample::clerk(KodeWilayah::SIDRAP),
        on: meeting(),
        rules: RuleSet::current(),
    };
    let mut picked: Vec<&State> = vec![&fresh];
    if !states.is_empty() {
        let sum = bytes
            .iter()
            .fold(0usize, |a, &b| a.wrapping_add(usize::from(b)));
        picked.push(&states[sum % states.len()]);
        picked.push(&states[bytes.len() % states.len()]);
    }
    for state in picked {
        let (actor, on) = match &step {
            Some(step) => (&step.actor, step.on),
            None => (&state.actor, state.on),
        };
        if let Ok(events) = state.coop.decide(&command, actor, on, &state.rules) {
            let mut coop = state.coop.clone();
            events.iter().for_each(|event| coop.apply(event));
        }
        if let Ok(audited) = state.coop.audit_step(&command, actor, on, &state.rules) {
            let mut coop = state.coop.clone();
            audited.events.iter().for_each(|event| coop.apply(event));
        }
    }
    true
}

// ---------------------------------------------------------------------------------------------
// policy
// ---------------------------------------------------------------------------------------------

/// A policy file as `ksd --policy FILE` reads it (a JSON object, then a `Policy`), and the
/// same bytes as the `policy` member of an envelope (`PolicyValues` over the current
/// version's defaults). When a policy parses: it round-trips through its JSON form and
/// through the values a decision stores, and the sample register is evaluated under it.
/// Returns whether it parsed as a policy.
pub fn policy(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let version = RuleSetRegistry::standard().latest_current();
    if let Ok(values) = serde_json::from_str::<PolicyValues>(text) {
        let _ = version.policy_from(&values);
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return false;
    };
    if !value.is_object() {
        return false;
    }
    let Ok(policy) = serde_json::from_str::<Policy>(text) else {
        return false;
    };
    let json = serde_json::to_string(&policy).unwrap_or_default();
    let again = serde_json::from_str::<Policy>(&json);
    assert_eq!(
        again.as_ref().ok(),
        Some(&policy),
        "a parsed policy does not round-trip through {json}"
    );
    let values = version.policy_values(&policy);
    assert_eq!(
        version.policy_from(&values).as_ref().ok(),
        Some(&policy),
        "the stored values of a policy do not give it back"
    );
    if let Some(portfolio) = sample_portfolio() {
        let _ = evaluate(portfolio, meeting(), &policy);
    }
    true
}

/// The sample register imported once, to be evaluated under each policy.
fn sample_portfolio() -> Option<&'static Portfolio> {
    static PORTFOLIO: OnceLock<Option<Portfolio>> = OnceLock::new();
    PORTFOLIO
        .get_or_init(|| import_csv(SIDRAP_CSV.as_bytes(), &import_options()).ok())
        .as_ref()
}

// ---------------------------------------------------------------------------------------------
// register_csv
// ---------------------------------------------------------------------------------------------

/// What `ksd evaluate --home 73.14 --borders examples/data/borders-sulsel.json` reads a
/// register with.
pub fn import_options() -> ImportOptions {
    let borders = serde_json::from_str::<BorderTable>(BORDERS_JSON)
        .unwrap_or_else(|_| BorderTable::sulawesi_selatan_sample());
    ImportOptions::new(KodeWilayah::SIDRAP)
        .with_date_order(DateOrder::DayMonthYear)
        .with_file_label("fuzz.csv")
        .with_borders(borders)
}

/// A register in CSV as `ksd evaluate` reads it; when it imports, it is evaluated as of the
/// sample meeting under the default policy and the report rendered as the CLI renders it.
/// Returns whether it imported.
pub fn register_csv(bytes: &[u8]) -> bool {
    let Ok(portfolio) = import_csv(bytes, &import_options()) else {
        return false;
    };
    if let Ok(report) = evaluate(&portfolio, meeting(), &Policy::default()) {
        let _ = render::json(&report);
        let _ = render::markdown(&report, Lang::En);
        let _ = render::csv(&report);
    }
    true
}

// ---------------------------------------------------------------------------------------------
// kode_wilayah
// ---------------------------------------------------------------------------------------------

/// A region code from text (`FromStr`) and from JSON (serde). When it parses, it is written
/// back as the same text, the JSON string of the text parses alike, and its derived views
/// (level, province, pairing, coordination level) answer. Returns whether the text parsed
/// (a JSON string such as `"73.14"`, quotes included, is read by serde only).
pub fn kode_wilayah(bytes: &[u8]) -> bool {
    if let Ok(code) = serde_json::from_slice::<KodeWilayah>(bytes) {
        let text = code.to_string();
        assert_eq!(text.parse::<KodeWilayah>().ok(), Some(code));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let parsed = text.parse::<KodeWilayah>();
    let from_json = serde_json::from_value::<KodeWilayah>(serde_json::Value::String(text.into()));
    assert_eq!(
        parsed.as_ref().ok(),
        from_json.as_ref().ok(),
        "FromStr and serde disagree on {text:?}"
    );
    let Ok(code) = parsed else {
        return false;
    };
    assert_eq!(
        code.to_string(),
        text,
        "a region code is not written as read"
    );
    let province = code.province();
    assert_eq!(province.province_number(), code.province_number());
    assert_eq!(
        code.is_within(province),
        code != province,
        "a kab/kota is within its province, a province is not within itself"
    );
    let _ = code.level();
    let _ = WajibPairing::of(code, KodeWilayah::SIDRAP);
    let _ = coordination_level(&[code, KodeWilayah::SIDRAP]);
    true
}
