//! The `ksd` binary, run as a user runs it: every subcommand's success path and its failure
//! paths on bad input (missing file, malformed JSON, unknown keys, a broken or forged log),
//! with the exit codes asserted and no output file left behind on failure; the committed JSON
//! Schemas of `docs/schema/` against `ksd schema` (`KSD_BLESS=1 cargo test --test cli`
//! rewrites them), and real input and output validated against them.
#![cfg(feature = "cli")]

mod store_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use kerjasama::audit::Envelope;
use kerjasama::law::{Policy, rules};
use kerjasama::lifecycle::Stage;
use kerjasama::model::{CooperationId, Track};
use kerjasama::sample::{self, Scenario, Step};
use serde_json::{Value, json};
use store_support::{TempDir, id_of, jsonl_bytes};

/// The exit codes `ksd --help` documents.
const SUCCESS: i32 = 0;
const FINDINGS: i32 = 1;
const INVALID: i32 = 2;
const FAILURE: i32 = 3;
const USAGE: i32 = 64;

/// `ksd ARGS` with no standard input.
fn ksd<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_ksd"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("ksd runs")
}

/// `ksd ARGS` with `input` on standard input.
fn ksd_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ksd"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ksd starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("ksd runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts the exit code, showing both streams when it differs.
#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit code; stdout: {}\nstderr: {}",
        stdout(output),
        stderr(output)
    );
}

/// Asserts a failure: the exit code, nothing on standard output, one line on standard error
/// that starts with `ksd: ` and contains every one of `parts`.
#[track_caller]
fn assert_fails(output: &Output, code: i32, parts: &[&str]) {
    assert_exit(output, code);
    assert!(
        output.stdout.is_empty(),
        "nothing on stdout: {}",
        stdout(output)
    );
    let err = stderr(output);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("ksd: "), "{err}");
    for part in parts {
        assert!(err.contains(part), "`{part}` in: {err}");
    }
}

/// Standard output parsed as JSON.
#[track_caller]
fn json_out(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}", stdout(output)))
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// Writes `text` to `dir/name` and returns the path.
fn file(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write test file");
    path
}

/// A JSON-lines store holding the recorded logs of `scenarios`.
fn store_of(label: &str, scenarios: &[Scenario]) -> (TempDir, Vec<CooperationId>) {
    let dir = TempDir::new(label);
    let mut ids = Vec::new();
    for scenario in scenarios {
        let log = scenario
            .record_log()
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.case));
        let id = id_of(&log);
        std::fs::write(dir.path().join(format!("{id}.jsonl")), jsonl_bytes(&log))
            .expect("write log");
        ids.push(id);
    }
    (dir, ids)
}

/// The command file of `step` on cooperation `id`.
fn command_file(id: CooperationId, step: &Step) -> Value {
    json!({
        "cooperation": id,
        "actor": step.actor,
        "on": step.on,
        "command": step.command,
    })
}

/// The files of `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

// ---- help and usage ----

#[test]
fn help_documents_exit_codes_and_every_subcommand_has_an_example() {
    let output = ksd(["--help"]);
    assert_exit(&output, SUCCESS);
    let help = stdout(&output);
    for code in ["0 ", "1 ", "2 ", "3 ", "64"] {
        assert!(
            help.contains(&format!("  {code}")),
            "exit code {code} in --help"
        );
    }
    for sub in [
        "rules", "diagram", "next", "apply", "replay", "evaluate", "import", "schema",
    ] {
        let output = ksd([sub, "--help"]);
        assert_exit(&output, SUCCESS);
        let help = stdout(&output);
        assert!(help.contains("Example"), "{sub} --help has an example");
        assert!(
            help.contains(&format!("ksd {sub}")),
            "{sub} --help shows ksd {sub}"
        );
        assert!(
            help.contains("Exit codes"),
            "{sub} --help has its exit codes"
        );
    }
    assert_exit(&ksd(["--version"]), SUCCESS);
}

#[test]
fn usage_errors_exit_64() {
    let output = ksd::<[&str; 0], &str>([]);
    assert_exit(&output, USAGE);
    assert!(output.stdout.is_empty());
    assert_exit(&ksd(["frobnicate"]), USAGE);
    assert_exit(&ksd(["rules", "--bogus"]), USAGE);
    assert_exit(&ksd(["rules", "--format", "yaml"]), USAGE);
    assert_exit(&ksd(["diagram"]), USAGE); // --kind is required
    assert_exit(&ksd(["next", "store"]), USAGE); // ID is required
    assert_exit(&ksd(["next", "store", "C06"]), USAGE); // not a UUID
}

// ---- rules ----

#[test]
fn rules_prints_the_catalogue_as_text_and_json() {
    let output = ksd(["rules"]);
    assert_exit(&output, SUCCESS);
    let text = stdout(&output);
    assert!(
        text.contains("KSD-DPRD-01 [PRIMARY] PP 28/2018 Pasal 6 ayat (2)"),
        "{text}"
    );
    assert!(output.stderr.is_empty());

    let output = ksd(["rules", "--format", "json"]);
    assert_exit(&output, SUCCESS);
    let value = json_out(&output);
    let listed = value["rules"].as_array().expect("rules array");
    assert_eq!(listed.len(), rules::all().len());
    assert_eq!(
        listed[0],
        serde_json::to_value(&rules::all()[0]).expect("rule JSON")
    );

    for (tag, provenance) in [
        ("primary", "primary"),
        ("secondary", "secondary"),
        ("legacy", "legacy"),
    ] {
        let value = json_out(&ksd(["rules", "--tag", tag, "--format", "json"]));
        let listed = value["rules"].as_array().expect("rules array");
        assert!(!listed.is_empty(), "{tag}");
        assert!(
            listed.iter().all(|rule| rule["provenance"] == provenance),
            "{tag}"
        );
    }
    let english = stdout(&ksd(["rules", "--tag", "secondary", "--lang", "en"]));
    assert!(english.contains("policy: "), "{english}");
}

#[test]
fn rules_refuses_an_unknown_tag() {
    let output = ksd(["rules", "--tag", "tertiary"]);
    assert_exit(&output, USAGE);
    assert!(stderr(&output).contains("tertiary"));
}

// ---- diagram ----

#[test]
fn diagram_prints_the_generated_diagrams() {
    for (kind, track) in [
        ("ksdd-wajib", Track::KsddWajib),
        ("ksdd-sukarela", Track::KsddSukarela),
        ("ksdpk-region", Track::KsdpkRegion),
        ("ksdpk-third-party", Track::KsdpkThirdParty),
    ] {
        let output = ksd(["diagram", "--kind", kind]);
        assert_exit(&output, SUCCESS);
        assert_eq!(
            stdout(&output),
            kerjasama::diagram::mermaid(track),
            "{kind}"
        );
        let output = ksd(["diagram", "--kind", kind, "--format", "dot"]);
        assert_exit(&output, SUCCESS);
        assert_eq!(stdout(&output), kerjasama::diagram::dot(track), "{kind}");
    }
}

#[test]
fn diagram_refuses_an_unknown_kind_or_format() {
    assert_exit(&ksd(["diagram", "--kind", "ksdpl"]), USAGE);
    assert_exit(
        &ksd(["diagram", "--kind", "ksdd-wajib", "--format", "svg"]),
        USAGE,
    );
}

// ---- next ----

#[test]
fn next_lists_allowed_commands_and_blockers() {
    let (store, ids) = store_of("next", &[sample::c06_landfill()]);
    let id = ids[0].to_string();
    let output = ksd(["next", path_str(store.path()), &id]);
    assert_exit(&output, SUCCESS);
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    let value = json_out(&output);
    assert_eq!(value["cooperation"], json!(id));
    assert_eq!(value["stage"], json!(Stage::InForce));
    let allowed = value["allowed"].as_array().expect("allowed");
    assert!(!allowed.is_empty());
    // Defaults: the last step's actor and legal date.
    let last = sample::c06_landfill().steps.last().cloned().expect("steps");
    assert_eq!(
        value["actor"],
        serde_json::to_value(&last.actor).expect("actor")
    );
    assert_eq!(value["on"], json!(last.on));

    // Another actor and date, as text.
    let dir = TempDir::new("next-actor");
    let dprd = sample::dprd(sample::sidrap());
    let actor = file(
        &dir,
        "dprd.json",
        &serde_json::to_string(&dprd).expect("actor"),
    );
    let output = ksd([
        "next",
        path_str(store.path()),
        &id,
        "--actor",
        path_str(&actor),
        "--on",
        "2024-08-14",
        "--format",
        "text",
        "--lang",
        "en",
    ]);
    assert_exit(&output, SUCCESS);
    let text = stdout(&output);
    assert!(text.contains("stage: "), "{text}");
    assert!(text.contains("on: 2024-08-14"), "{text}");
    assert!(text.contains("not this actor"), "{text}");
}

#[test]
fn next_fails_on_bad_input() {
    let (store, ids) = store_of("next-bad", &[sample::c06_landfill()]);
    let store_path = path_str(store.path());
    let id = ids[0].to_string();
    let dir = TempDir::new("next-bad-files");

    // A store that is not there, an unknown cooperation.
    let missing = dir.path().join("nowhere");
    assert_fails(
        &ksd(["next", path_str(&missing), &id]),
        INVALID,
        &["nowhere", "no such store"],
    );
    let unknown = "01900000-0000-7000-8000-0000000000ff";
    assert_fails(&ksd(["next", store_path, unknown]), INVALID, &[unknown]);
    // The unknown cooperation was not created in a read-only command.
    assert_eq!(listing(store.path()).len(), 1);

    // A missing, malformed, empty or mistyped actor file.
    let absent = dir.path().join("absent.json");
    assert_fails(
        &ksd(["next", store_path, &id, "--actor", path_str(&absent)]),
        INVALID,
        &["absent.json", "no such file"],
    );
    let malformed = file(
        &dir,
        "malformed.json",
        "{\n  \"role\": \"opd\",\n  \"name\": \n}\n",
    );
    assert_fails(
        &ksd(["next", store_path, &id, "--actor", path_str(&malformed)]),
        INVALID,
        &["malformed.json:4:1:"],
    );
    let empty = file(&dir, "empty.json", "  \n");
    assert_fails(
        &ksd(["next", store_path, &id, "--actor", path_str(&empty)]),
        INVALID,
        &["empty.json", "empty file"],
    );
    let mut actor = serde_json::to_value(sample::clerk(sample::sidrap())).expect("actor");
    actor["rank"] = json!("eselon II");
    let unknown_key = file(
        &dir,
        "unknown.json",
        &serde_json::to_string_pretty(&actor).expect("json"),
    );
    assert_fails(
        &ksd(["next", store_path, &id, "--actor", path_str(&unknown_key)]),
        INVALID,
        &["unknown.json:", "unknown field `rank`"],
    );
    let array = file(&dir, "array.json", "[1, 2]");
    assert_fails(
        &ksd(["next", store_path, &id, "--actor", path_str(&array)]),
        INVALID,
        &["array.json:1:1:", "JSON object", "an array"],
    );
    // A bad date on the command line is a usage error.
    assert_exit(&ksd(["next", store_path, &id, "--on", "14/08/2024"]), USAGE);
    assert_exit(&ksd(["next", store_path, &id, "--on", "2024-02-30"]), USAGE);
}

// ---- a damaged or forged log ----

/// C06's log rewritten by `edit`, every hash and link after the first edited envelope
/// recomputed from `from` on (so that only what `edit` broke is broken).
fn edited_store(
    label: &str,
    from: usize,
    edit: impl FnOnce(&mut Vec<Envelope>),
) -> (TempDir, CooperationId, PathBuf) {
    let dir = TempDir::new(label);
    let mut log: Vec<Envelope> = sample::c06_landfill().record_log().expect("log");
    edit(&mut log);
    for index in from..log.len() {
        if index > from {
            log[index].prev_hash = log[index - 1].hash.clone();
        }
        log[index].hash = log[index].computed_hash();
    }
    let id = id_of(&log);
    let path = dir.path().join(format!("{id}.jsonl"));
    std::fs::write(&path, jsonl_bytes(&log)).expect("write");
    (dir, id, path)
}

/// C06's log whose envelope 3 names another previous hash (its own hash recomputed): the
/// chain is broken.
fn broken_chain_store() -> (TempDir, CooperationId, PathBuf) {
    edited_store("broken", 2, |log| log[2].prev_hash = "0".repeat(64))
}

/// C06's log with envelope 2 dated a year later, every hash and link recomputed: the chain
/// holds, the decision is forged.
fn forged_store() -> (TempDir, CooperationId) {
    let (dir, id, _) = edited_store("forged", 1, |log| {
        log[1].occurred_on = log[1]
            .occurred_on
            .checked_add_days(chrono::Days::new(365))
            .expect("date");
    });
    (dir, id)
}

/// C06's log with envelope 3 altered and its hash left as it was.
fn altered_store() -> (TempDir, CooperationId, PathBuf) {
    let (store, ids) = store_of("altered", &[sample::c06_landfill()]);
    let log = store.path().join(format!("{}.jsonl", ids[0]));
    let text = std::fs::read_to_string(&log).expect("log");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut third: Value = serde_json::from_str(&lines[2]).expect("envelope");
    third["occurred_on"] = json!("2099-01-01");
    lines[2] = serde_json::to_string(&third).expect("json");
    std::fs::write(&log, lines.join("\n") + "\n").expect("write");
    (store, ids[0], log)
}

#[test]
fn an_altered_log_is_invalid_input_named_by_file_and_line() {
    let (store, id, _) = altered_store();
    let output = ksd(["replay", path_str(store.path())]);
    assert_fails(
        &output,
        INVALID,
        &[&format!("{id}.jsonl:3:"), "hash mismatch"],
    );
}

#[test]
fn a_broken_chain_is_invalid_input_named_by_file_and_line() {
    let (store, id, log) = broken_chain_store();
    let before = std::fs::read(&log).expect("log");
    let store_path = path_str(store.path());
    let where_ = format!("{}.jsonl:3:", id);
    for args in [
        vec!["next", store_path, &id.to_string()],
        vec!["replay", store_path],
        vec!["replay", store_path, &id.to_string()],
    ] {
        let args: Vec<String> = args.into_iter().map(str::to_owned).collect();
        let output = ksd(&args);
        assert_fails(&output, INVALID, &[&where_, "prev_hash"]);
    }
    // apply refuses too, and leaves the log as it was.
    let dir = TempDir::new("broken-apply");
    let step = sample::c06_landfill().steps.last().cloned().expect("step");
    let command = file(&dir, "step.json", &command_file(id, &step).to_string());
    let output = ksd(["apply", store_path, "--command", path_str(&command)]);
    assert_fails(&output, INVALID, &[&where_]);
    assert_eq!(std::fs::read(&log).expect("log"), before);
}

#[test]
fn a_forged_log_is_a_finding_of_replay_and_invalid_input_elsewhere() {
    let (store, id) = forged_store();
    let store_path = path_str(store.path());
    let output = ksd(["replay", store_path]);
    assert_exit(&output, FINDINGS);
    let value = json_out(&output);
    assert_eq!(value["failed"], json!(1));
    let line = &value["cooperations"][0];
    assert_eq!(line["verified"], json!(false));
    assert_eq!(line["problem"]["sequence"], json!(2));
    assert_eq!(
        line["problem"]["problem"]["problem"],
        json!("forged_decision")
    );
    let message = line["message"].as_str().expect("message");
    assert!(message.contains(&format!("{id}.jsonl:2:")), "{message}");

    let text = stdout(&ksd(["replay", store_path, "--format", "text"]));
    assert!(text.starts_with("FAILED "), "{text}");
    assert!(text.ends_with("0 verified, 1 failed\n"), "{text}");

    let output = ksd(["next", store_path, &id.to_string()]);
    assert_fails(
        &output,
        INVALID,
        &[&format!("{id}.jsonl:2:"), "does not replay"],
    );
}

// ---- replay ----

#[test]
fn replay_verifies_every_log_or_one() {
    let (store, ids) = store_of("replay", &[sample::c06_landfill(), sample::c03_rice()]);
    let store_path = path_str(store.path());
    let output = ksd(["replay", store_path]);
    assert_exit(&output, SUCCESS);
    // No progress bar when standard error is not a terminal.
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    let value = json_out(&output);
    assert_eq!(value["verified"], json!(2));
    assert_eq!(value["failed"], json!(0));
    let lines = value["cooperations"].as_array().expect("lines");
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|line| line["verified"] == json!(true)));

    let output = ksd([
        "replay",
        store_path,
        &ids[0].to_string(),
        "--format",
        "text",
    ]);
    assert_exit(&output, SUCCESS);
    let text = stdout(&output);
    assert!(text.starts_with(&format!("ok     {}", ids[0])), "{text}");
    assert!(text.ends_with("1 verified, 0 failed\n"), "{text}");
}

#[test]
fn replay_fails_on_bad_input() {
    let dir = TempDir::new("replay-bad");
    assert_fails(
        &ksd(["replay", path_str(&dir.path().join("missing"))]),
        INVALID,
        &["missing", "no such store"],
    );
    let plain = file(&dir, "plain.txt", "not a store");
    assert_fails(
        &ksd(["replay", path_str(&plain)]),
        INVALID,
        &["plain.txt", "not a store"],
    );
    let (store, _) = store_of("replay-unknown", &[sample::c03_rice()]);
    assert_fails(
        &ksd([
            "replay",
            path_str(store.path()),
            "01900000-0000-7000-8000-0000000000ff",
        ]),
        INVALID,
        &["no cooperation"],
    );
    // A log line that is not JSON.
    let (store, ids) = store_of("replay-garbage", &[sample::c03_rice()]);
    let log = store.path().join(format!("{}.jsonl", ids[0]));
    let mut bytes = std::fs::read(&log).expect("log");
    bytes.extend_from_slice(b"{\"schema_version\": 2, oops}\n");
    std::fs::write(&log, bytes).expect("write");
    let lines = sample::c03_rice().steps.len() + 1;
    assert_fails(
        &ksd(["replay", path_str(store.path())]),
        INVALID,
        &[&format!("{}.jsonl:{lines}:", ids[0])],
    );
}

// ---- apply ----

#[test]
fn apply_runs_a_whole_case_through_the_ledger() {
    let dir = TempDir::new("apply");
    let store = dir.path().join("logs");
    let scenario = sample::c06_landfill();
    let id = scenario.cooperation_id().expect("id");
    for (index, step) in scenario.steps.iter().enumerate() {
        let mut body = command_file(id, step);
        if index == 0 {
            // A registration may leave out its cooperation.
            body.as_object_mut().expect("object").remove("cooperation");
        }
        let command = file(&dir, "step.json", &body.to_string());
        let output = ksd(["apply", path_str(&store), "--command", path_str(&command)]);
        assert_exit(&output, SUCCESS);
        let value = json_out(&output);
        assert_eq!(value["outcome"], json!("accepted"), "step {index}");
        assert_eq!(value["sequence"], json!(index + 1));
    }
    let live = scenario
        .run(&kerjasama::law::RuleSet::current())
        .expect("live");
    let replayed = json_out(&ksd(["replay", path_str(&store)]));
    assert_eq!(replayed["verified"], json!(1));
    assert_eq!(
        replayed["cooperations"][0]["stage"],
        serde_json::to_value(live.stage()).expect("stage")
    );
}

#[test]
fn apply_takes_actor_and_date_from_flags_or_stdin() {
    let dir = TempDir::new("apply-flags");
    let store = dir.path().join("logs");
    let step = sample::c06_landfill().steps[0].clone();
    let actor = file(
        &dir,
        "actor.json",
        &serde_json::to_string(&step.actor).expect("actor"),
    );
    let command = file(
        &dir,
        "register.json",
        &json!({ "command": step.command }).to_string(),
    );
    let output = ksd([
        "apply",
        path_str(&store),
        "--command",
        path_str(&command),
        "--actor",
        path_str(&actor),
        "--on",
        &step.on.to_string(),
    ]);
    assert_exit(&output, SUCCESS);

    let next = sample::c06_landfill().steps[1].clone();
    let id = sample::c06_landfill().cooperation_id().expect("id");
    let body = command_file(id, &next).to_string();
    let output = ksd_with_stdin(
        &["apply", path_str(&store), "--command", "-"],
        body.as_bytes(),
    );
    assert_exit(&output, SUCCESS);
    assert_eq!(json_out(&output)["sequence"], json!(2));
}

#[test]
fn apply_prints_a_refusal_and_exits_1() {
    let (store, ids) = store_of("apply-refused", &[sample::c03_rice()]);
    let dir = TempDir::new("apply-refused-files");
    let before = listing(store.path());
    let log = store.path().join(format!("{}.jsonl", ids[0]));
    let bytes = std::fs::read(&log).expect("log");
    // Registering the same cooperation again: not allowed at its stage.
    let first = sample::c03_rice().steps[0].clone();
    let command = file(
        &dir,
        "again.json",
        &command_file(ids[0], &first).to_string(),
    );
    let output = ksd([
        "apply",
        path_str(store.path()),
        "--command",
        path_str(&command),
    ]);
    assert_exit(&output, FINDINGS);
    let value = json_out(&output);
    assert_eq!(value["outcome"], json!("refused"));
    assert_eq!(value["rejection"]["rejection"], json!("not_allowed_here"));
    assert!(value["message"].as_str().is_some_and(|m| !m.is_empty()));
    // Nothing was written.
    assert_eq!(listing(store.path()), before);
    assert_eq!(std::fs::read(&log).expect("log"), bytes);
}

#[test]
fn apply_leaves_no_new_store_behind_when_nothing_is_written() {
    let dir = TempDir::new("apply-new-store");
    let scenario = sample::c06_landfill();
    let id = scenario.cooperation_id().expect("id");
    // A registration refused (the DPRD may not register) in a store it would create.
    let mut register = scenario.steps[0].clone();
    register.actor = sample::dprd(sample::sidrap());
    let command = file(
        &dir,
        "register.json",
        &command_file(id, &register).to_string(),
    );
    let mut stores = vec![dir.path().join("logs")];
    if cfg!(feature = "sqlite") {
        stores.push(dir.path().join("ksd.sqlite"));
    }
    for store in &stores {
        let output = ksd(["apply", path_str(store), "--command", path_str(&command)]);
        assert_exit(&output, FINDINGS);
        assert_eq!(
            json_out(&output)["rejection"]["rejection"],
            json!("actor_not_authorised")
        );
        assert!(!store.exists(), "{}", store.display());
        // Any other command needs a store that is there.
        let next = file(
            &dir,
            "next.json",
            &command_file(id, &scenario.steps[1]).to_string(),
        );
        let output = ksd(["apply", path_str(store), "--command", path_str(&next)]);
        assert_fails(&output, INVALID, &["no such store"]);
        assert!(!store.exists(), "{}", store.display());
    }
    assert_eq!(listing(dir.path()), ["next.json", "register.json"]);
}

#[test]
fn apply_fails_on_bad_input() {
    let (store, ids) = store_of("apply-bad", &[sample::c03_rice()]);
    let store_path = path_str(store.path());
    let dir = TempDir::new("apply-bad-files");
    let step = sample::c03_rice().steps[1].clone();
    let good = command_file(ids[0], &step);
    let apply = |command: &Path| ksd(["apply", store_path, "--command", path_str(command)]);

    assert_fails(
        &apply(&dir.path().join("absent.json")),
        INVALID,
        &["absent.json", "no such file"],
    );
    let malformed = file(&dir, "malformed.json", "{\n  \"cooperation\": \"x\",,\n}");
    assert_fails(&apply(&malformed), INVALID, &["malformed.json:2:"]);
    let truncated = file(&dir, "truncated.json", &good.to_string()[..40]);
    assert_fails(
        &apply(&truncated),
        INVALID,
        &["truncated.json:1:", "ends before"],
    );
    let empty = file(&dir, "empty.json", "");
    assert_fails(&apply(&empty), INVALID, &["empty.json", "empty file"]);
    let mut extra = good.clone();
    extra["comment"] = json!("x");
    let unknown = file(
        &dir,
        "unknown.json",
        &serde_json::to_string_pretty(&extra).expect("json"),
    );
    assert_fails(
        &apply(&unknown),
        INVALID,
        &["unknown.json:", "unknown field `comment`"],
    );
    let mut no_id = good.clone();
    no_id.as_object_mut().expect("object").remove("cooperation");
    let no_id = file(&dir, "no-id.json", &no_id.to_string());
    assert_fails(
        &apply(&no_id),
        INVALID,
        &["no-id.json", "field `cooperation`"],
    );
    let mut bad_command = good.clone();
    bad_command["command"] = json!({ "command": "launch_rocket" });
    let bad_command = file(&dir, "bad-command.json", &bad_command.to_string());
    assert_fails(
        &apply(&bad_command),
        INVALID,
        &["bad-command.json:1:", "launch_rocket"],
    );
    let binary = dir.path().join("binary.json");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x7b]).expect("write");
    assert_fails(&apply(&binary), INVALID, &["binary.json:1:1:", "UTF-8"]);

    // Actor or date twice, or missing: usage.
    let actor = file(
        &dir,
        "actor.json",
        &serde_json::to_string(&step.actor).expect("actor"),
    );
    let good_file = file(&dir, "good.json", &good.to_string());
    let output = ksd([
        "apply",
        store_path,
        "--command",
        path_str(&good_file),
        "--actor",
        path_str(&actor),
    ]);
    assert_fails(&output, USAGE, &["actor is given twice"]);
    let output = ksd([
        "apply",
        store_path,
        "--command",
        path_str(&good_file),
        "--on",
        "2024-01-01",
    ]);
    assert_fails(&output, USAGE, &["legal date is given twice"]);
    let mut bare = good.clone();
    bare.as_object_mut().expect("object").remove("actor");
    let bare = file(&dir, "bare.json", &bare.to_string());
    assert_fails(&apply(&bare), USAGE, &["bare.json", "no actor"]);

    // A policy file with an unknown key.
    let policy = file(
        &dir,
        "policy.json",
        "{\n  \"max_term_years\": 10,\n  \"max_term\": 10\n}\n",
    );
    let output = ksd([
        "apply",
        store_path,
        "--command",
        path_str(&good_file),
        "--policy",
        path_str(&policy),
    ]);
    assert_fails(
        &output,
        INVALID,
        &["policy.json:3:", "unknown field `max_term`"],
    );

    // A store that is a plain file.
    let plain = file(&dir, "plain.txt", "x");
    let output = ksd(["apply", path_str(&plain), "--command", path_str(&good_file)]);
    assert_fails(&output, INVALID, &["plain.txt", "not a store"]);

    // Nothing was appended by any of these.
    let log = std::fs::read_to_string(store.path().join(format!("{}.jsonl", ids[0]))).expect("log");
    assert_eq!(log.lines().count(), sample::c03_rice().steps.len());
}

#[test]
fn no_input_makes_ksd_panic() {
    let dir = TempDir::new("no-panic");
    let store = dir.path().join("logs");
    let nested = "[".repeat(100_000);
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("nested", nested.into_bytes()),
        ("number", b"{\"on\": 1e999999}".to_vec()),
        (
            "date",
            b"{\"on\": \"2024-13-45\", \"command\": {}}".to_vec(),
        ),
        ("null", b"null".to_vec()),
        ("nul", vec![0; 64]),
        ("bom", b"\xef\xbb\xbf{}".to_vec()),
        (
            "huge-string",
            format!("{{\"command\": \"{}\"}}", "x".repeat(1 << 20)).into_bytes(),
        ),
        ("deep-object", "{\"a\":".repeat(10_000).into_bytes()),
    ];
    for (name, bytes) in inputs {
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, bytes).expect("write");
        for args in [
            vec!["apply", path_str(&store), "--command", path_str(&path)],
            vec![
                "next",
                path_str(&store),
                "01900000-0000-7000-8000-000000000006",
                "--actor",
                path_str(&path),
            ],
            vec![
                "evaluate",
                path_str(dir.path()),
                "--as-of",
                "2024-08-14",
                "--home",
                "73.14",
                "--policy",
                path_str(&path),
            ],
        ] {
            let output = ksd(&args);
            assert_exit(&output, INVALID);
            assert!(
                !stderr(&output).contains("panicked"),
                "{name}: {}",
                stderr(&output)
            );
        }
    }
}

// ---- evaluate and import (their library side is on another branch) ----

#[test]
fn evaluate_validates_its_arguments_and_files() {
    let (store, _) = store_of("evaluate", &[sample::c06_landfill()]);
    let store_path = path_str(store.path());
    let dir = TempDir::new("evaluate-files");
    let out = dir.path().join("report.md");
    let out_path = path_str(&out);

    // Usage: flags and values.
    assert_exit(&ksd(["evaluate", store_path, "--home", "73.14"]), USAGE); // no --as-of
    assert_exit(
        &ksd(["evaluate", store_path, "--as-of", "2024-08-14"]),
        USAGE,
    ); // no --home
    for (flag, value) in [
        ("--as-of", "14-08-2024"),
        ("--home", "Sidrap"),
        ("--format", "pdf"),
        ("--lang", "fr"),
    ] {
        let mut args = vec![
            "evaluate",
            store_path,
            "--as-of",
            "2024-08-14",
            "--home",
            "73.14",
        ];
        args.retain(|arg| *arg != flag);
        if flag == "--as-of" {
            args.retain(|arg| *arg != "2024-08-14");
        }
        if flag == "--home" {
            args.retain(|arg| *arg != "73.14");
        }
        args.extend([flag, value]);
        let output = ksd(&args);
        assert_exit(&output, USAGE);
        assert!(
            stderr(&output).contains(value),
            "{flag} {value}: {}",
            stderr(&output)
        );
    }
    let odd = file(&dir, "register.xlsx", "x");
    let output = ksd([
        "evaluate",
        path_str(&odd),
        "--as-of",
        "2024-08-14",
        "--home",
        "73.14",
    ]);
    assert_fails(&output, USAGE, &["register.xlsx", ".csv"]);

    // Invalid input: missing files, a bad policy. No report file is left behind.
    let base = ["--as-of", "2024-08-14", "--home", "73.14", "-o", out_path];
    let missing = dir.path().join("missing.csv");
    let output = ksd([&["evaluate", path_str(&missing)][..], &base].concat());
    assert_fails(&output, INVALID, &["missing.csv", "no such file"]);
    let empty = file(&dir, "empty.csv", "");
    let output = ksd([&["evaluate", path_str(&empty)][..], &base].concat());
    assert_fails(&output, INVALID, &["empty.csv", "empty file"]);
    let policy = file(
        &dir,
        "policy.json",
        "{\"expiring_soon\": {\"months\": 3}, \"colour\": \"red\"}",
    );
    let output = ksd([
        &["evaluate", store_path][..],
        &base,
        &["--policy", path_str(&policy)],
    ]
    .concat());
    assert_fails(
        &output,
        INVALID,
        &["policy.json:1:", "unknown field `colour`"],
    );
    let output = ksd([
        &["evaluate", path_str(&dir.path().join("nowhere"))][..],
        &base,
    ]
    .concat());
    assert_fails(&output, INVALID, &["nowhere"]);
    let (broken, _, _) = broken_chain_store();
    let output = ksd([&["evaluate", path_str(broken.path())][..], &base].concat());
    assert_fails(&output, INVALID, &[".jsonl:3:"]);
    assert!(!out.exists());
    assert_eq!(
        listing(dir.path()),
        ["empty.csv", "policy.json", "register.xlsx"]
    );
}

/// The Sidrap register of the sample data, and its border table.
fn sidrap_register() -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    (
        root.join("sidrap-2024.csv"),
        root.join("borders-sulsel.json"),
    )
}

#[test]
fn evaluate_writes_each_format_of_the_sidrap_register_whole() {
    let (csv, borders) = sidrap_register();
    let dir = TempDir::new("evaluate-formats");
    for (format, name) in [
        ("md", "report.md"),
        ("json", "report.json"),
        ("csv", "report.csv"),
        ("html", "report.html"),
    ] {
        let out = dir.path().join(name);
        let output = ksd([
            "evaluate",
            path_str(&csv),
            "--as-of",
            "2024-08-14",
            "--home",
            "73.14",
            "--borders",
            path_str(&borders),
            "--format",
            format,
            "-o",
            path_str(&out),
        ]);
        // No error-level finding in the Sidrap register on that day.
        assert_exit(&output, SUCCESS);
        let text = std::fs::read_to_string(&out).expect("the report is written");
        match format {
            "md" => {
                assert!(text.starts_with("# Laporan Evaluasi Kerja Sama Daerah"));
                assert!(text.contains("KSD-DOC-07"), "C02's KB signatory warning");
                assert!(!text.contains("**C04**") && !text.contains("**C05**"));
            }
            "json" => {
                let report: Value = serde_json::from_str(&text).expect("JSON");
                assert_valid(&validator("evaluation-report"), &report, "the report");
                assert_eq!(report["register"].as_array().map(Vec::len), Some(8));
                assert_eq!(report["outside_ksd"][0]["label"], "NK-ATR-2023");
            }
            "csv" => assert!(text.starts_with("cooperation,rule_set,legacy,rule,result")),
            _ => {
                assert!(text.starts_with("<!DOCTYPE html>"));
                assert!(!text.contains("<script"));
            }
        }
    }
    // English on standard output.
    let output = ksd([
        "evaluate",
        path_str(&csv),
        "--as-of",
        "2024-08-14",
        "--home",
        "73.14",
        "--borders",
        path_str(&borders),
        "--lang",
        "en",
    ]);
    assert_exit(&output, SUCCESS);
    assert!(stdout(&output).starts_with("# Regional Cooperation Evaluation Report"));
}

#[test]
fn evaluate_without_the_border_table_finds_the_wajib_not_bordering_and_says_so() {
    let (csv, _) = sidrap_register();
    let output = ksd([
        "evaluate",
        path_str(&csv),
        "--as-of",
        "2024-08-14",
        "--home",
        "73.14",
        "--format",
        "json",
    ]);
    // C06's regions border each other only in the border table: without it KSD-KIND-07 is
    // an error-level finding, and the exit code says so.
    assert_exit(&output, FINDINGS);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let errors: Vec<&Value> = report["checklist"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|row| row["result"] == "error")
        .collect();
    assert!(
        errors
            .iter()
            .any(|row| row["cooperation"] == "C06" && row["rule"] == "KSD-KIND-07"),
        "{errors:?}"
    );
}

#[test]
fn import_then_evaluate_the_store_gives_the_report_of_the_register() {
    let (csv, borders) = sidrap_register();
    let dir = TempDir::new("import-evaluate");
    let into = dir.path().join("logs");
    let output = ksd([
        "import",
        path_str(&csv),
        "--into",
        path_str(&into),
        "--home",
        "73.14",
        "--borders",
        path_str(&borders),
    ]);
    assert_exit(&output, SUCCESS);
    assert!(
        stdout(&output).contains("imported 10 records"),
        "{}",
        stdout(&output)
    );
    // The store replays (every imported step audited again), and evaluates as the CSV does.
    assert_exit(&ksd(["replay", path_str(&into)]), SUCCESS);
    let from_store = ksd([
        "evaluate",
        path_str(&into),
        "--as-of",
        "2024-08-14",
        "--home",
        "73.14",
        "--format",
        "json",
    ]);
    assert_exit(&from_store, SUCCESS);
    let from_csv = ksd([
        "evaluate",
        path_str(&csv),
        "--as-of",
        "2024-08-14",
        "--home",
        "73.14",
        "--borders",
        path_str(&borders),
        "--format",
        "json",
    ]);
    let rows = |output: &Output| -> Vec<(String, String, String)> {
        let report: Value = serde_json::from_str(&stdout(output)).expect("JSON");
        let mut rows: Vec<(String, String, String)> = report["checklist"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|row| {
                (
                    row["cooperation"].as_str().unwrap_or_default().to_owned(),
                    row["rule"].as_str().unwrap_or_default().to_owned(),
                    row["result"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        rows.sort();
        rows
    };
    assert_eq!(rows(&from_store), rows(&from_csv));
    // A second import of the same register is refused: its cooperations are there.
    let again = ksd([
        "import",
        path_str(&csv),
        "--into",
        path_str(&into),
        "--home",
        "73.14",
        "--borders",
        path_str(&borders),
    ]);
    assert_fails(&again, INVALID, &["already in the store"]);
}

#[test]
fn a_bad_register_is_refused_with_its_rows_and_nothing_is_written() {
    let dir = TempDir::new("bad-register");
    let (csv, _) = sidrap_register();
    let text = std::fs::read_to_string(&csv).expect("the register");
    // C02's KB date written month first (04/31) while the file is read day first.
    let bad = text.replacen(",03/04/2024,", ",04/31/2024,", 1);
    assert_ne!(bad, text, "the sample has C02's KB date as 03/04/2024");
    let register = file(&dir, "bad.csv", &bad);
    let out = dir.path().join("report.md");
    let output = ksd([
        "evaluate",
        path_str(&register),
        "--as-of",
        "2024-08-14",
        "--home",
        "73.14",
        "-o",
        path_str(&out),
    ]);
    assert_fails(&output, INVALID, &["bad.csv", "row 2"]);
    assert!(!out.exists(), "no partial output");
    let into = dir.path().join("logs");
    let output = ksd([
        "import",
        path_str(&register),
        "--into",
        path_str(&into),
        "--home",
        "73.14",
    ]);
    assert_fails(&output, INVALID, &["row 2"]);
    assert!(
        !into.exists() || std::fs::read_dir(&into).map(|d| d.count()).unwrap_or(0) == 0,
        "nothing imported"
    );
    // A border file that is not a border table.
    let borders = file(&dir, "borders.json", "{\"pairs\": 3}");
    let output = ksd([
        "evaluate",
        path_str(&csv),
        "--as-of",
        "2024-08-14",
        "--home",
        "73.14",
        "--borders",
        path_str(&borders),
    ]);
    assert_fails(&output, INVALID, &["borders.json:1"]);
}

#[test]
fn import_validates_its_arguments_and_files() {
    let dir = TempDir::new("import");
    let into = dir.path().join("logs");
    let into_path = path_str(&into);
    assert_exit(&ksd(["import", "register.csv", "--home", "73.14"]), USAGE); // no --into
    assert_exit(&ksd(["import", "register.csv", "--into", into_path]), USAGE); // no --home
    assert_exit(
        &ksd([
            "import",
            "register.csv",
            "--into",
            into_path,
            "--home",
            "99.99.99.99.99",
        ]),
        USAGE,
    );
    let missing = dir.path().join("missing.csv");
    assert_fails(
        &ksd([
            "import",
            path_str(&missing),
            "--into",
            into_path,
            "--home",
            "73.14",
        ]),
        INVALID,
        &["missing.csv", "no such file"],
    );
    let empty = file(&dir, "empty.csv", "\n");
    assert_fails(
        &ksd([
            "import",
            path_str(&empty),
            "--into",
            into_path,
            "--home",
            "73.14",
        ]),
        INVALID,
        &["empty.csv", "empty file"],
    );
    let json = file(&dir, "register.json", "{}");
    assert_fails(
        &ksd([
            "import",
            path_str(&json),
            "--into",
            into_path,
            "--home",
            "73.14",
        ]),
        USAGE,
        &["register.json", ".csv"],
    );
    let csv = file(&dir, "register.csv", "kind\nksdd\n");
    let plain = file(&dir, "plain.txt", "x");
    assert_fails(
        &ksd([
            "import",
            path_str(&csv),
            "--into",
            path_str(&plain),
            "--home",
            "73.14",
        ]),
        INVALID,
        &["plain.txt", "not a store"],
    );
    assert!(!into.exists(), "no store is created by a failed import");
}

// ---- SQLite stores ----

#[cfg(feature = "sqlite")]
#[test]
fn an_sqlite_store_works_like_a_directory() {
    let dir = TempDir::new("sqlite");
    let store = dir.path().join("ksd.sqlite");
    let scenario = sample::c03_rice();
    let id = scenario.cooperation_id().expect("id");
    assert_fails(
        &ksd(["replay", path_str(&store)]),
        INVALID,
        &["ksd.sqlite", "no such store"],
    );
    for step in &scenario.steps {
        let command = file(&dir, "step.json", &command_file(id, step).to_string());
        let output = ksd(["apply", path_str(&store), "--command", path_str(&command)]);
        assert_exit(&output, SUCCESS);
    }
    let output = ksd(["replay", path_str(&store)]);
    assert_exit(&output, SUCCESS);
    assert_eq!(json_out(&output)["verified"], json!(1));
    let output = ksd(["next", path_str(&store), &id.to_string()]);
    assert_exit(&output, SUCCESS);
    let not_a_database = file(
        &dir,
        "junk.db",
        "this is not SQLite, it is text long enough to be a header",
    );
    let output = ksd(["replay", path_str(&not_a_database)]);
    assert_fails(&output, INVALID, &["junk.db"]);
}

// ---- schemas ----

/// The directory of the committed schemas.
fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema")
}

/// The committed schema of `name`.
fn committed_schema(name: &str) -> PathBuf {
    schema_dir().join(format!("{name}.schema.json"))
}

/// The names `ksd schema` lists.
fn schema_names() -> Vec<String> {
    let output = ksd(["schema"]);
    assert_exit(&output, SUCCESS);
    stdout(&output).lines().map(str::to_owned).collect()
}

#[test]
fn committed_schemas_are_the_generated_ones() {
    let names = schema_names();
    assert!(names.len() >= 8, "{names:?}");
    let bless = std::env::var("KSD_BLESS").is_ok_and(|v| v == "1");
    for name in &names {
        let output = ksd(["schema", name]);
        assert_exit(&output, SUCCESS);
        let generated = stdout(&output);
        let path = committed_schema(name);
        if bless {
            std::fs::create_dir_all(path.parent().expect("docs/schema")).expect("mkdir");
            std::fs::write(&path, &generated).expect("write schema");
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run `KSD_BLESS=1 cargo test --test cli`",
                path.display()
            )
        });
        assert!(
            committed == generated,
            "{} is stale; run `KSD_BLESS=1 cargo test --test cli`",
            path.display()
        );
    }
    // No schema is committed that ksd does not generate.
    let mut stale: Vec<String> = listing(&schema_dir())
        .into_iter()
        .filter(|file| {
            !names
                .iter()
                .any(|name| *file == format!("{name}.schema.json"))
        })
        .collect();
    stale.retain(|file| file.ends_with(".json"));
    assert!(stale.is_empty(), "not generated by ksd: {stale:?}");
    assert_exit(&ksd(["schema", "nonsense"]), USAGE);
}

/// A validator of the committed schema `name`.
fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(committed_schema(name)).expect("committed schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn inputs_fit_their_schemas() {
    let command_schema = validator("command-file");
    let actor_schema = validator("actor");
    let envelope_schema = validator("envelope");
    let mut cases = sample::cases();
    cases.extend(sample::legacy_cases());
    for scenario in &cases {
        let id = scenario.cooperation_id().expect("id");
        for (index, step) in scenario.steps.iter().enumerate() {
            let what = format!("{} step {index}", scenario.case);
            assert_valid(&command_schema, &command_file(id, step), &what);
            assert_valid(
                &actor_schema,
                &serde_json::to_value(&step.actor).expect("actor"),
                &what,
            );
        }
        if let Ok(log) = scenario.record_log() {
            for envelope in &log {
                let line: Value =
                    serde_json::from_str(&kerjasama::audit::schema::encode_envelope(envelope))
                        .expect("envelope JSON");
                assert_valid(&envelope_schema, &line, &scenario.case);
            }
        }
    }
    // The schema refuses what ksd refuses.
    assert!(!command_schema.is_valid(&json!({ "command": { "command": "launch_rocket" } })));
    assert!(
        !command_schema
            .is_valid(&json!({ "command": { "command": "start_preparation" }, "comment": 1 }))
    );

    let policy_schema = validator("policy");
    assert_valid(
        &policy_schema,
        &serde_json::to_value(Policy::default()).expect("policy"),
        "default policy",
    );
    assert_valid(&policy_schema, &json!({}), "empty policy");
    assert_valid(
        &policy_schema,
        &json!({ "expiring_soon": { "months": 3 } }),
        "overlay",
    );
    assert!(!policy_schema.is_valid(&json!({ "max_term": 10 })));
}

#[test]
fn outputs_fit_their_schemas() {
    let rules = json_out(&ksd(["rules", "--format", "json"]));
    assert_valid(&validator("rules-output"), &rules, "rules");

    let (store, ids) = store_of(
        "schemas",
        &[
            sample::c06_landfill(),
            sample::c03_rice(),
            sample::c10_legacy(),
        ],
    );
    let store_path = path_str(store.path());
    let next = validator("next-output");
    for id in &ids {
        let output = ksd(["next", store_path, &id.to_string()]);
        assert_exit(&output, SUCCESS);
        assert_valid(&next, &json_out(&output), "next");
    }
    let replay = validator("replay-output");
    assert_valid(&replay, &json_out(&ksd(["replay", store_path])), "replay");
    let (forged, _) = forged_store();
    assert_valid(
        &replay,
        &json_out(&ksd(["replay", path_str(forged.path())])),
        "replay, forged",
    );

    let apply = validator("apply-output");
    let dir = TempDir::new("schemas-apply");
    let target = dir.path().join("logs");
    let scenario = sample::c09_tourism();
    let id = scenario.cooperation_id().expect("id");
    for step in &scenario.steps {
        let command = file(&dir, "step.json", &command_file(id, step).to_string());
        let output = ksd(["apply", path_str(&target), "--command", path_str(&command)]);
        assert_exit(&output, SUCCESS);
        assert_valid(&apply, &json_out(&output), "apply, accepted");
    }
    let first = scenario.steps[0].clone();
    let command = file(&dir, "again.json", &command_file(id, &first).to_string());
    let output = ksd(["apply", path_str(&target), "--command", path_str(&command)]);
    assert_exit(&output, FINDINGS);
    assert_valid(&apply, &json_out(&output), "apply, refused");
}

#[test]
fn writing_to_a_closed_pipe_is_quiet() {
    // `ksd rules | head -1`: the reader goes away; ksd ends without a panic message.
    let mut child = Command::new(env!("CARGO_BIN_EXE_ksd"))
        .args(["rules"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ksd starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("ksd ends");
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    assert_ne!(output.status.code(), Some(101));
    let _ = FAILURE;
}

#[test]
fn the_actor_example_of_next_help_is_an_actor_file() {
    let help = stdout(&ksd(["next", "--help"]));
    let example = help
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("{\"role\""))
        .expect("an actor example in `ksd next --help`");
    let value: Value = serde_json::from_str(example).expect("the example is JSON");
    assert_valid(
        &validator("actor"),
        &value,
        "the example of `ksd next --help`",
    );
    let (store, ids) = store_of("help-actor", &[sample::c03_rice()]);
    let dir = TempDir::new("help-actor-file");
    let actor = file(&dir, "actor.json", example);
    let output = ksd([
        "next",
        path_str(store.path()),
        &ids[0].to_string(),
        "--actor",
        path_str(&actor),
    ]);
    assert_exit(&output, SUCCESS);
}
