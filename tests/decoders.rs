//! Decoders refuse other shapes (issue 7, item 12): a struct with a JSON form decodes from an
//! object with named fields, never from the array of its values, which serde's derived
//! `Deserialize` accepts by default. For every such type a valid value (from the sample
//! scripts and their events, or built with the public builders) is encoded, its object is
//! replaced by the array of its values, and decoding must fail; the object form still round
//! trips byte for byte.
//!
//! The source scan at the end keeps the list honest: a public struct (or internally tagged
//! enum) that derives `Deserialize` without the `map_shaped!` wiring fails it, unless it is
//! one of the known exceptions listed there with the reason.

use std::any::type_name;
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::Path;

use chrono::NaiveDate;
use kerjasama::law::{
    self, Policy, RuleSet, RuleSetError, RuleSetId, RuleSetRef, RuleSetRegistry,
    SectorTermOverride, SlaStage, StageSla, TermSector,
};
use kerjasama::lifecycle::{Command, Cooperation, CooperationSpec, Event, EventKind};
use kerjasama::model::*;
use kerjasama::sample::{self, Step};
use kerjasama::time::{self, Calendar, Holiday, Validity};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// The array of the values of a JSON object, in field order.
fn values_of(object: &Value) -> Value {
    match object {
        Value::Object(map) => Value::Array(map.values().cloned().collect()),
        other => panic!("not an object: {other}"),
    }
}

/// Checks that `value` decodes from its object form (byte-identical when written again) and
/// not from the array of its values; returns the type's short name.
#[track_caller]
fn object_only<T>(value: &T) -> &'static str
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let name = short_name::<T>();
    let text = serde_json::to_string(value).expect("serialisable");
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} {text}: {e}"));
    assert_eq!(&back, value, "{name} round trip via {text}");
    assert_eq!(serde_json::to_string(&back).expect("serialisable"), text);

    let object: Value = serde_json::from_str(&text).expect("valid JSON");
    let array = values_of(&object);
    let error = serde_json::from_str::<T>(&array.to_string())
        .expect_err(&format!("{name} decoded from the array {array}"));
    assert!(error.is_data(), "{name}: {error}");
    assert!(
        error.to_string().contains("invalid type: sequence"),
        "{name}: {error}"
    );
    serde_json::from_value::<T>(array.clone())
        .expect_err(&format!("{name} decoded from the array value {array}"));
    name
}

fn short_name<T>() -> &'static str {
    let full = type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

fn steps() -> Vec<Step> {
    sample::cases().into_iter().flat_map(|s| s.steps).collect()
}

fn specs() -> Vec<CooperationSpec> {
    steps()
        .into_iter()
        .filter_map(|step| match step.command {
            Command::Register { spec } => Some(*spec),
            _ => None,
        })
        .collect()
}

fn documents() -> Vec<Document> {
    steps()
        .into_iter()
        .filter_map(|step| match step.command {
            Command::SignHeadsAgreement { document }
            | Command::SignKb { document }
            | Command::SignPks { document }
            | Command::SignAddendum { document } => Some(document),
            _ => None,
        })
        .collect()
}

/// The events of every sample run.
fn events() -> Vec<Event> {
    let rules = RuleSet::current();
    let mut events = Vec::new();
    for scenario in sample::cases() {
        let mut coop = Cooperation::new();
        for step in scenario.steps {
            events.extend(
                coop.execute(&step.command, &step.actor, step.on, &rules)
                    .expect("sample steps are accepted"),
            );
        }
    }
    events
}

fn company() -> ThirdParty {
    ThirdParty::new(
        "pt-uji",
        "PT Uji (fiktif)",
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::Bumd,
        },
    )
}

fn evaluation() -> Evaluation {
    Evaluation::new(
        d(2024, 1, 1),
        d(2024, 6, 27),
        "PPKSD Dinas Lingkungan Hidup",
        EvaluationOutcome::Amend,
    )
    .with_progress("sesuai rencana kerja")
    .with_benefits("sampah terangkut")
    .with_problems([FollowUp::new("armada kurang", "tambah dua truk")])
    .with_compliance([PartyCompliance::new(sample::sidrap(), false).with_note("iuran terlambat")])
    .with_financial_realisation(Rupiah(750_000_000))
    .with_criteria([WeightedCriterion::new("ketepatan jadwal", 30, 80)])
}

fn takeover() -> Takeover {
    Takeover::new(sample::sidrap(), TakeoverBy::Governor)
        .with_guidance(Record::new(d(2024, 3, 1), "pembinaan"))
        .with_obstacle_evaluation(Record::new(d(2024, 4, 1), "evaluasi kendala"))
        .with_minister_approval(Record::new(d(2024, 5, 2), "persetujuan Menteri"))
}

fn criteria() -> InitiativeCriteria {
    InitiativeCriteria::new(
        Criterion::met("RIPPARDA"),
        Criterion::met("IRR 14%"),
        Criterion::not_met("modal belum cukup"),
    )
}

fn non_default_policy() -> Policy {
    let mut policy = Policy::default();
    policy.sector_max_term_overrides.push(SectorTermOverride {
        sector: TermSector::Urusan(Urusan::PekerjaanUmumPenataanRuang),
        max_years: 20,
    });
    policy.stage_slas = vec![StageSla {
        stage: SlaStage::KbDrafting,
        days: 30,
    }];
    policy
}

// ---------------------------------------------------------------------------------------------
// Every type
// ---------------------------------------------------------------------------------------------

#[test]
fn model_records_refuse_the_array_form() {
    let mut covered = BTreeSet::new();
    for spec in specs() {
        covered.insert(object_only(&spec.object));
        covered.insert(object_only(&spec.kind));
        covered.insert(object_only(&spec.borders));
        for party in &spec.parties {
            match party {
                Party::Region(region) => covered.insert(object_only(region)),
                Party::ThirdParty(third) => {
                    covered.insert(object_only(&third.kind));
                    covered.insert(object_only(third))
                }
                _ => false,
            };
        }
        for funding in &spec.funding {
            covered.insert(object_only(funding));
        }
    }
    for document in documents() {
        covered.insert(object_only(&document));
        for signatory in &document.signatories {
            covered.insert(object_only(signatory));
            if let Some(kuasa) = &signatory.surat_kuasa {
                covered.insert(object_only(kuasa));
            }
        }
        for number in &document.numbers {
            covered.insert(object_only(number));
        }
        if let Some(term) = &document.term {
            covered.insert(object_only(term));
        }
    }
    for step in steps() {
        covered.insert(object_only(&step.actor));
        match &step.command {
            Command::FileMapping { mapping } => covered.insert(object_only(mapping)),
            Command::ReceiveProposal { study, .. } | Command::SubmitFeasibilityStudy { study } => {
                covered.insert(object_only(study))
            }
            Command::AttestLawfulness { attestation } => covered.insert(object_only(attestation)),
            Command::RecordTkksdReview { review } => covered.insert(object_only(review)),
            Command::AssessDprdGate { gate, .. } => covered.insert(object_only(gate)),
            Command::SendOffer { letter } => covered.insert(object_only(letter)),
            _ => false,
        };
    }
    let evaluation = evaluation();
    covered.insert(object_only(&evaluation));
    covered.insert(object_only(&evaluation.problems[0]));
    covered.insert(object_only(&evaluation.compliance[0]));
    covered.insert(object_only(&evaluation.criteria[0]));
    let takeover = takeover();
    covered.insert(object_only(&takeover));
    covered.extend(takeover.guidance.iter().map(object_only));
    let criteria = criteria();
    covered.insert(object_only(&criteria));
    covered.insert(object_only(&criteria.master_plan_integration));
    for kind in [
        ThirdPartyKind::Individual,
        ThirdPartyKind::Organisation { legal_entity: true },
    ] {
        covered.insert(object_only(&kind));
    }
    for kind in [
        CooperationKind::Ksdpl,
        CooperationKind::Ksdd { category: None },
    ] {
        covered.insert(object_only(&kind));
    }

    let expected: BTreeSet<&str> = [
        "AffairsMapping",
        "Actor",
        "BorderTable",
        "CooperationKind",
        "CooperationObject",
        "Criterion",
        "Document",
        "DocumentNumber",
        "DprdGate",
        "Evaluation",
        "FeasibilityStudy",
        "FollowUp",
        "Funding",
        "InitiativeCriteria",
        "LawfulnessAttestation",
        "OfferLetter",
        "PartyCompliance",
        "Record",
        "Region",
        "Signatory",
        "SuratKuasa",
        "Takeover",
        "Term",
        "ThirdParty",
        "ThirdPartyKind",
        "TkksdReview",
        "WeightedCriterion",
    ]
    .into();
    assert_eq!(covered, expected);
}

#[test]
fn a_party_refuses_the_array_form_inside_its_variant() {
    let parties = [
        Party::region(sample::sidrap(), "Kabupaten Sidenreng Rappang"),
        Party::third_party(company()),
        Party::CentralAgency {
            name: "Kementerian PUPR".into(),
        },
    ];
    for party in parties {
        // Externally tagged: `{"variant": {…}}`. The object form round trips.
        let text = serde_json::to_string(&party).expect("serialisable");
        assert_eq!(
            serde_json::from_str::<Party>(&text).ok(),
            Some(party.clone())
        );
        // The whole value as an array is not an enum at all.
        let json: Value = serde_json::from_str(&text).expect("valid JSON");
        assert!(serde_json::from_value::<Party>(values_of(&json)).is_err());
        // The variant's content as an array is refused too, struct variant included.
        let (variant, content) = json
            .as_object()
            .and_then(|map| map.iter().next())
            .expect("one variant");
        let mut inner = serde_json::Map::new();
        inner.insert(variant.clone(), values_of(content));
        let inner = Value::Object(inner);
        let error = serde_json::from_str::<Party>(&inner.to_string())
            .expect_err(&format!("decoded {inner}"));
        assert!(
            error.to_string().contains("invalid type: sequence"),
            "{inner}: {error}"
        );
        assert!(serde_json::from_value::<Party>(inner).is_err());
    }
}

#[test]
fn commands_steps_and_scenarios_refuse_the_array_form() {
    let mut kinds = BTreeSet::new();
    for scenario in sample::cases() {
        object_only(&scenario);
        for step in &scenario.steps {
            object_only(step);
            object_only(&step.command);
            kinds.insert(step.command.kind());
        }
    }
    for spec in specs() {
        object_only(&spec);
    }
    // Internally tagged with no field: `{"command": "accept_offer"}` only, never
    // `["accept_offer"]`, which serde's derive reads as the variant.
    assert!(kinds.contains(&kerjasama::lifecycle::CommandKind::AcceptOffer));
    let error = serde_json::from_str::<Command>(r#"["accept_offer"]"#).expect_err("an array");
    assert!(
        error.to_string().contains("invalid type: sequence"),
        "{error}"
    );
    let extra = [
        Command::AssessCriteria {
            criteria: criteria(),
        },
        Command::RecordEvaluation {
            evaluation: evaluation(),
        },
        Command::TakeOver {
            takeover: takeover(),
        },
    ];
    for command in &extra {
        object_only(command);
    }
}

#[test]
fn events_refuse_the_array_form() {
    let events = events();
    assert!(events.iter().any(Event::is_warning));
    for event in &events {
        object_only(event);
        object_only(&event.kind);
    }
    object_only(&EventKind::TakenOver {
        takeover: takeover(),
    });
}

#[test]
fn law_types_refuse_the_array_form() {
    let policy_name = object_only(&Policy::default());
    assert_eq!(policy_name, "Policy");
    let policy = non_default_policy();
    object_only(&policy);
    for item in &policy.sector_max_term_overrides {
        object_only(item);
    }
    object_only(&policy.stage_slas[0]);
    let rules = RuleSet::current();
    object_only(&rules);
    object_only(&rules.reference);
    object_only(&RuleSet::current_with(policy));
    for rule in law::rules::all() {
        object_only(&rule);
        object_only(&rule.citation);
        for locator in &rule.citation.locators {
            object_only(locator);
        }
    }
    let registry = RuleSetRegistry::standard();
    let unknown = registry
        .get(RuleSetRef {
            id: RuleSetId::Current,
            version: 999,
        })
        .expect_err("no version 999");
    assert!(matches!(unknown, RuleSetError::UnknownVersion { .. }));
    object_only(&unknown);
    let too_early = registry
        .for_date(d(2006, 1, 1))
        .expect_err("before PP 50/2007");
    object_only(&too_early);
}

#[test]
fn time_views_refuse_the_array_form() {
    let rules = RuleSet::current();
    let as_of = d(2024, 8, 14);
    let mut validities = 0;
    let mut deadlines = 0;
    for scenario in sample::cases() {
        let coop = scenario.run(&rules).expect("sample cases run");
        let validity = time::validity(&coop, as_of, &rules.policy);
        object_only(&validity);
        object_only(&validity.overall);
        for document in &validity.documents {
            object_only(document);
            validities += 1;
        }
        object_only(&time::evaluations_due(&coop, 2024, as_of, &rules.policy));
        for deadline in time::deadlines(&coop, as_of, &rules.policy, None).expect("no calendar") {
            object_only(&deadline);
            deadlines += 1;
        }
    }
    assert!(validities > 0 && deadlines > 0);
    object_only(&Validity::ExpiringSoon { days_left: 12 });

    let calendar = Calendar::indonesia().expect("bundled calendar");
    object_only(&calendar);
    object_only(&calendar.holidays()[0]);
    let regional = Holiday::new(
        d(2024, 2, 18),
        time::HolidayCategory::Regional,
        "Hari Jadi Kabupaten",
    );
    object_only(&regional);
}

// ---------------------------------------------------------------------------------------------
// Nested values and the attributes the wiring must keep working
// ---------------------------------------------------------------------------------------------

/// Every object node of `value` (JSON pointers), except under `skip` keys.
fn object_pointers(value: &Value, at: String, skip: &[&str], out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(at.clone());
            for (key, child) in map {
                if !skip.contains(&key.as_str()) {
                    object_pointers(child, format!("{at}/{key}"), skip, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                object_pointers(child, format!("{at}/{i}"), skip, out);
            }
        }
        _ => {}
    }
}

/// Replaces each object node of `value`'s JSON in turn by the array of its values and checks
/// that `T` refuses every one.
#[track_caller]
fn every_nested_object_refused<T: Serialize + DeserializeOwned + Debug>(value: &T, skip: &[&str]) {
    let json = serde_json::to_value(value).expect("serialisable");
    let mut pointers = Vec::new();
    object_pointers(&json, String::new(), skip, &mut pointers);
    assert!(!pointers.is_empty());
    for pointer in pointers {
        let mut altered = json.clone();
        let node = altered
            .pointer_mut(&pointer)
            .expect("a pointer found above");
        *node = values_of(node);
        if let Ok(decoded) = serde_json::from_value::<T>(altered) {
            panic!("decoded with {pointer:?} as an array: {decoded:?}");
        }
    }
}

#[test]
fn an_array_anywhere_inside_a_step_is_refused() {
    for step in steps() {
        every_nested_object_refused(&step, &[]);
    }
    for command in [
        Command::AssessCriteria {
            criteria: criteria(),
        },
        Command::RecordEvaluation {
            evaluation: evaluation(),
        },
        Command::TakeOver {
            takeover: takeover(),
        },
        Command::Register {
            spec: Box::new(
                CooperationSpec::builder()
                    .id(uuid::Uuid::from_u128(0xD1))
                    .title("Uji pihak")
                    .kind(CooperationKind::Ksdd {
                        category: Some(KsddCategory::Sukarela),
                    })
                    .party(Party::region(
                        sample::sidrap(),
                        "Kabupaten Sidenreng Rappang",
                    ))
                    .party(Party::CentralAgency {
                        name: "Kementerian PUPR".into(),
                    })
                    .party(Party::third_party(company()))
                    .initiator(sample::sidrap())
                    .object(CooperationObject::in_plan("Uji", [Urusan::Pangan], "RPJMD"))
                    .build()
                    .expect("a valid spec"),
            ),
        },
    ] {
        every_nested_object_refused(&command, &[]);
    }
}

#[test]
fn an_array_anywhere_inside_an_event_is_refused() {
    for event in events() {
        every_nested_object_refused(&event, &[]);
    }
}

#[test]
fn envelopes_states_rejections_and_replay_reports_refuse_the_array_form() {
    use kerjasama::audit::{Envelope, ReplayError, ReplayProblem, replay};
    use kerjasama::law::{RuleSet, RuleSetRegistry};
    use kerjasama::lifecycle::{AllowedCommand, Cooperation, Rejection};
    let c02 = sample::c02_food();
    let log = c02.record_log().expect("log");
    // Every object in an envelope (the KB signing carries a warning with its finding).
    let kb = log
        .iter()
        .find(|e| e.events.iter().any(|ev| ev.is_warning()))
        .expect("a warned envelope");
    every_nested_object_refused::<Envelope>(kb, &["policy"]);
    let state: Cooperation = replay(&log, &RuleSetRegistry::standard())
        .expect("replay")
        .state;
    every_nested_object_refused(&state, &["policy"]);
    let allowed: Vec<AllowedCommand> = state.allowed_commands(
        &sample::clerk(sample::sidrap()),
        c02.steps[0].on,
        &RuleSet::current(),
    );
    every_nested_object_refused(&allowed, &[]);
    // A refusal with violations, one out of order with its missing steps, one of authority.
    let mut refusals: Vec<Rejection> = Vec::new();
    let fresh = Cooperation::new();
    let step = &c02.steps[1];
    refusals.push(
        fresh
            .decide(&step.command, &step.actor, step.on, &RuleSet::current())
            .expect_err("not registered"),
    );
    let registered = {
        let mut coop = Cooperation::new();
        let first = &c02.steps[0];
        coop.execute(&first.command, &first.actor, first.on, &RuleSet::current())
            .expect("registered");
        coop
    };
    let offer = c02
        .steps
        .iter()
        .find(|s| matches!(s.command, Command::SendOffer { .. }))
        .expect("offer");
    refusals.push(
        registered
            .decide(&offer.command, &offer.actor, offer.on, &RuleSet::current())
            .expect_err("out of order"),
    );
    refusals.push(
        registered
            .decide(
                &Command::StartPreparation,
                &sample::dprd(sample::sidrap()),
                offer.on,
                &RuleSet::current(),
            )
            .expect_err("the DPRD does not prepare"),
    );
    for refusal in &refusals {
        every_nested_object_refused(refusal, &[]);
    }
    let error = ReplayError {
        sequence: 3,
        problem: ReplayProblem::Gap { expected: 3 },
    };
    every_nested_object_refused(&error, &[]);
}

#[test]
fn policy_refuses_the_array_form_with_a_typed_error_and_keeps_its_defaults() {
    let error = serde_json::from_str::<Policy>("[]").expect_err("an empty array");
    assert!(error.is_data(), "{error}");
    assert_eq!(
        error.to_string(),
        "invalid type: sequence, expected struct Policy as an object at line 1 column 2"
    );
    // `#[serde(default)]`: an empty object is the default policy, a partial one keeps the
    // other defaults.
    assert_eq!(
        serde_json::from_str::<Policy>("{}").ok(),
        Some(Policy::default())
    );
    let partial: Policy =
        serde_json::from_value(json!({"max_term_years": 10})).expect("a partial policy");
    assert_eq!(partial.max_term_years, Some(10));
    assert_eq!(partial.wajib_pairings, Policy::default().wajib_pairings);
    // `deny_unknown_fields` still holds.
    let unknown = serde_json::from_value::<Policy>(json!({"added_in_2031": true}))
        .expect_err("an unknown field");
    assert!(
        unknown
            .to_string()
            .contains("unknown field `added_in_2031`")
    );
    // Policy values from a log read the same way.
    let values = law::PolicyValues::of(&non_default_policy());
    assert_eq!(
        values.to_policy_on(law::CURRENT_V3_DEFAULT_POLICY).ok(),
        Some(non_default_policy())
    );
}

#[test]
fn a_flattened_rule_set_reference_keeps_deny_unknown_fields() {
    let rules = RuleSet::current();
    let mut json = serde_json::to_value(&rules).expect("serialisable");
    assert_eq!(json["id"], json!("current"), "flattened: {json}");
    let back: RuleSet = serde_json::from_value(json.clone()).expect("round trip");
    assert_eq!(back, rules);
    json["colour"] = json!("merah");
    let error = serde_json::from_value::<RuleSet>(json).expect_err("an unknown field");
    assert!(error.to_string().contains("colour"), "{error}");
}

#[test]
fn a_calendar_still_checks_its_data_through_try_from() {
    let calendar = Calendar::new(d(2024, 1, 1)..=d(2024, 12, 31), []).expect("a calendar");
    let mut json = serde_json::to_value(&calendar).expect("serialisable");
    json["last"] = json!("2023-01-01");
    let error = serde_json::from_value::<Calendar>(json).expect_err("ends before it starts");
    assert!(error.to_string().contains("2023-01-01"), "{error}");
    let array = values_of(&serde_json::to_value(&calendar).expect("serialisable"));
    assert!(serde_json::from_value::<Calendar>(array).is_err());
}

#[test]
fn a_region_code_is_still_a_string() {
    // `try_from = "String"`: the code's own form is untouched.
    let actor = sample::clerk(sample::sidrap());
    let json = serde_json::to_value(&actor).expect("serialisable");
    assert_eq!(json["party"], json!({"region": "73.14"}));
    object_only(&actor);
}

// ---------------------------------------------------------------------------------------------
// Every public type with a JSON form is wired (source scan)
// ---------------------------------------------------------------------------------------------

/// Public structs and internally tagged enums that derive `Deserialize` without the
/// `map_shaped!` wiring, with the reason. Each still takes the array form at its own level
/// (the types inside it refuse theirs).
const KNOWN_UNWRAPPED: &[(&str, &str)] = &[(
    "src/bin/ksd/shapes.rs:CommandFile",
    "the binary cannot use the library's private map_shaped!; `files::read_json` refuses a \
     file whose top level is not an object before decoding it, and its members are library \
     types that refuse the array form themselves (tests/cli.rs)",
)];

/// Whether the enum whose declaration is `lines[0]` has a struct variant (`Name {`).
fn has_struct_variant(lines: &[&str]) -> bool {
    lines
        .iter()
        .skip(1)
        .take_while(|line| !line.starts_with('}'))
        .any(|line| {
            line.strip_prefix("    ").is_some_and(|variant| {
                variant.starts_with(|c: char| c.is_ascii_uppercase()) && variant.ends_with(" {")
            })
        })
}

/// `file:Name` of every public type deriving `Deserialize` whose JSON form is an object: a
/// named-field struct (unless `try_from`/`transparent` give it another form), an internally
/// tagged enum, or an externally tagged enum with a struct variant; with whether it is wired
/// (`remote = "Self"` and a `map_shaped!` call).
fn scan(dir: &Path, root: &Path, out: &mut Vec<(String, bool)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable src")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            scan(&path, root, out);
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable source");
        let file = path
            .strip_prefix(root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.starts_with("#[derive(") {
                continue;
            }
            let mut derive = String::new();
            let mut j = i;
            while let Some(part) = lines.get(j) {
                derive.push_str(part);
                j += 1;
                if part.trim_end().ends_with(")]") {
                    break;
                }
            }
            if !derive.contains("Deserialize") {
                continue;
            }
            // The attributes up to the item, each possibly over several lines.
            let mut serde_attrs = String::new();
            let mut item = None;
            let mut k = j;
            while let Some(next) = lines.get(k) {
                if next.starts_with("pub struct ") || next.starts_with("pub enum ") {
                    item = Some(k);
                    break;
                }
                if !next.starts_with("#[") {
                    break;
                }
                let mut attribute = String::new();
                while let Some(part) = lines.get(k) {
                    attribute.push_str(part.trim());
                    k += 1;
                    if part.trim_end().ends_with(']') {
                        break;
                    }
                }
                if attribute.starts_with("#[serde(") {
                    serde_attrs.push_str(&attribute);
                }
            }
            let Some(k) = item else { continue };
            let declaration = lines[k];
            let name = declaration
                .split_whitespace()
                .nth(2)
                .expect("a name")
                .trim_end_matches(['{', '(', ';'])
                .split('(')
                .next()
                .expect("a name")
                .to_owned();
            let object_form = if declaration.starts_with("pub struct ") {
                !(serde_attrs.contains("try_from")
                    || serde_attrs.contains("transparent")
                    || declaration.contains('('))
            } else {
                serde_attrs.contains("tag = ") || has_struct_variant(&lines[k..])
            };
            if !object_form {
                continue;
            }
            let wired = serde_attrs.contains(r#"remote = "Self""#)
                && text.contains(&format!("map_shaped!({name})"));
            out.push((format!("{file}:{name}"), wired));
        }
    }
}

#[test]
fn every_public_type_with_a_json_form_is_wired_or_a_known_exception() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    scan(&root.join("src"), root, &mut found);
    let wired: BTreeSet<&str> = found
        .iter()
        .filter(|(_, wired)| *wired)
        .map(|(item, _)| item.as_str())
        .collect();
    let unwired: BTreeSet<&str> = found
        .iter()
        .filter(|(_, wired)| !*wired)
        .map(|(item, _)| item.as_str())
        .collect();
    let known: BTreeSet<&str> = KNOWN_UNWRAPPED.iter().map(|(item, _)| *item).collect();
    assert_eq!(
        unwired, known,
        "a public struct (or internally tagged enum) with a JSON form must refuse the array \
         form: derive with #[serde(remote = \"Self\", ...)] and call \
         crate::serde_shape::map_shaped!(Name) after it, or list it in KNOWN_UNWRAPPED with the \
         reason (and remove it from there once wired)"
    );
    for expected in [
        "src/law/policy.rs:Policy",
        "src/lifecycle/command.rs:CooperationSpec",
        "src/lifecycle/command.rs:Command",
        "src/lifecycle/event.rs:EventKind",
        "src/law/ruleset.rs:RuleSet",
        "src/sample.rs:Scenario",
        "src/time/validity.rs:CooperationValidity",
        "src/model/party.rs:Party",
        "src/model/party.rs:ThirdPartyKind",
    ] {
        assert!(wired.contains(expected), "{expected} not found wired");
    }
}

#[test]
fn legacy_records_refuse_the_array_form() {
    let c10 = sample::c10_legacy();
    object_only(&c10);
    let mut covered = BTreeSet::new();
    for step in &c10.steps {
        object_only(step);
        object_only(&step.command);
        if let Command::SendOffer { letter } = &step.command {
            covered.insert(object_only(letter));
            covered.extend(letter.plan.iter().map(object_only));
        }
    }
    let rules = RuleSet::legacy();
    let mut coop = Cooperation::new();
    for step in &c10.steps {
        for event in coop
            .execute(&step.command, &step.actor, step.on, &rules)
            .expect("C10 runs")
        {
            object_only(&event);
            object_only(&event.kind);
        }
    }
    let notice =
        TerminationNotice::new(sample::wajo(), "180/1/2024", d(2024, 7, 1)).with_risks_borne(true);
    covered.insert(object_only(&notice));
    coop.execute(
        &Command::TerminateEarly { notice },
        &sample::head(sample::wajo()),
        d(2024, 8, 14),
        &rules,
    )
    .expect("ended early");
    let record = coop.legacy();
    covered.insert(object_only(record));
    covered.extend(record.dprd_timetables().values().map(object_only));
    covered.extend(record.copies().iter().map(object_only));
    covered.extend(record.cooperation_body().map(object_only));
    covered.insert(object_only(&coop));
    for name in [
        "OfferLetter",
        "CooperationPlan",
        "TerminationNotice",
        "LegacyRecord",
        "DprdTimetable",
        "CopiesRecord",
        "CooperationBody",
    ] {
        assert!(covered.contains(name), "{name}: {covered:?}");
    }
    let legacy_ref = RuleSet::legacy().reference;
    object_only(&legacy_ref);
}
