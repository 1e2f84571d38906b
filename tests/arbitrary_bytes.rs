//! Arbitrary bytes, and byte-level mutations of the repository's own data, fed to the five
//! byte-level entry points the fuzz targets cover (`tests/entry_points/mod.rs`, shared with
//! `fuzz/fuzz_targets/`): a stored log line, a command, a policy file, a register in CSV and
//! a region code. Each input is accepted or refused with a typed error, never a panic; an
//! accepted input keeps the invariants the entry points assert (round trips, verifying
//! hashes); a mutated log line is never accepted as the original.
//!
//! `KSD_PROPTEST_CASES` sets the cases per property (e.g. `KSD_PROPTEST_CASES=100000` for a
//! long run); the default keeps the file to a few seconds in a debug build.

mod entry_points;

use std::path::{Path, PathBuf};

use entry_points::{LineRefused, mutated_envelope_line};
use kerjasama::audit::Envelope;
use kerjasama::audit::schema::{DecodeError, encode_envelope};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;

/// Cases per property unless `KSD_PROPTEST_CASES` says otherwise.
const CASES: u32 = 128;

fn config() -> ProptestConfig {
    let cases = std::env::var("KSD_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::default()
    }
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `*.jsonl` files under `dir`, recursively, in name order.
fn jsonl_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(jsonl_files(&path));
        } else if path.extension().is_some_and(|e| e == "jsonl") {
            out.push(path);
        }
    }
    out
}

/// Every line of the golden logs (the frozen public records of schemas 1 and 2).
fn golden_lines() -> &'static [String] {
    static LINES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LINES.get_or_init(|| {
        jsonl_files(&repo("tests/golden"))
            .iter()
            .flat_map(|path| read(path).lines().map(str::to_owned).collect::<Vec<_>>())
            .collect()
    })
}

/// The `command` member of every golden line (schema 1 and 2 store commands alike).
fn golden_commands() -> Vec<String> {
    golden_lines()
        .iter()
        .filter_map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).ok()?;
            Some(value.get("command")?.to_string())
        })
        .collect()
}

/// The policy files: the frozen default policies of the rule-set versions, and the policy
/// values golden lines store (those that differ from a version's defaults).
fn policy_files() -> Vec<String> {
    let mut files: Vec<String> = ["current-v1.json", "current-v3.json"]
        .iter()
        .map(|name| read(&repo(&format!("src/law/policies/{name}"))))
        .collect();
    for line in golden_lines() {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(line)
            && let Some(policy) = value.get("policy")
            && policy.as_object().is_some_and(|map| !map.is_empty())
        {
            files.push(policy.to_string());
        }
    }
    files.sort();
    files.dedup();
    files
}

/// The sample register's header with each data record, one register per record.
fn csv_registers() -> Vec<String> {
    let text = entry_points::SIDRAP_CSV;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records().filter_map(Result::ok).map(|record| {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record(&record);
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    });
    let header = records.next().unwrap_or_default();
    records.map(|row| format!("{header}{row}")).collect()
}

/// The region codes of the sample border table.
fn region_codes() -> Vec<String> {
    let value: serde_json::Value =
        serde_json::from_str(entry_points::BORDERS_JSON).unwrap_or_default();
    let mut codes: Vec<String> = value["pairs"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|pair| pair.as_array().into_iter().flatten())
        .filter_map(|code| code.as_str().map(str::to_owned))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/// One byte-level change.
#[derive(Debug, Clone)]
enum Mutation {
    /// Flip one bit of a byte.
    Flip(Index, u8),
    /// Insert a byte.
    Insert(Index, u8),
    /// Replace a byte.
    Replace(Index, u8),
    /// Delete up to `n` bytes.
    Delete(Index, usize),
    /// Cut the input at a point.
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Bytes that matter to JSON and CSV more often than their share of 0..=255.
    let byte = prop_oneof![
        any::<u8>(),
        prop::sample::select(b"\"\\{}[],:;\n\r0123456789.-eE \t\xc3\xa9\x00".to_vec()),
    ];
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(i, bit)| Mutation::Flip(i, bit)),
        (any::<Index>(), byte.clone()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<Index>(), byte).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (any::<Index>(), 1usize..16).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(mutation(), 1..4)
}

fn mutate(original: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for mutation in mutations {
        let len = bytes.len();
        match mutation {
            Mutation::Flip(i, bit) if len > 0 => bytes[i.index(len)] ^= 1 << bit,
            Mutation::Insert(i, b) => bytes.insert(i.index(len + 1), *b),
            Mutation::Replace(i, b) if len > 0 => bytes[i.index(len)] = *b,
            Mutation::Delete(i, n) if len > 0 => {
                let at = i.index(len);
                bytes.drain(at..(at + n).min(len));
            }
            Mutation::Truncate(i) => bytes.truncate(i.index(len + 1)),
            _ => {}
        }
    }
    bytes
}

// ---------------------------------------------------------------------------------------------
// The data itself is accepted
// ---------------------------------------------------------------------------------------------

/// Every golden line is accepted by the store's decode path and written back byte for byte:
/// the baseline the mutations are compared with.
#[test]
fn golden_lines_are_accepted_and_written_back_unchanged() {
    let lines = golden_lines();
    assert!(lines.len() > 200, "golden lines found: {}", lines.len());
    for line in lines {
        let envelope = entry_points::envelope_line(line.as_bytes())
            .unwrap_or_else(|e| panic!("golden line refused: {e:?}: {line}"));
        assert_eq!(encode_envelope(&envelope), *line);
    }
}

#[test]
fn the_repository_data_is_accepted_by_each_entry_point() {
    let commands = golden_commands();
    assert!(commands.len() > 200);
    for command in &commands {
        assert!(entry_points::command(command.as_bytes()), "{command}");
    }
    for policy in policy_files() {
        assert!(entry_points::policy(policy.as_bytes()), "{policy}");
    }
    let registers = csv_registers();
    assert!(registers.len() >= 10, "registers: {}", registers.len());
    assert!(entry_points::register_csv(
        entry_points::SIDRAP_CSV.as_bytes()
    ));
    let codes = region_codes();
    assert!(codes.len() >= 5);
    for code in &codes {
        assert!(entry_points::kode_wilayah(code.as_bytes()), "{code}");
        // As a JSON string it is read by serde (the entry point returns whether the text
        // itself parsed, which a quoted code does not).
        let quoted = format!("\"{code}\"");
        assert!(!entry_points::kode_wilayah(quoted.as_bytes()));
        assert!(serde_json::from_str::<kerjasama::model::KodeWilayah>(&quoted).is_ok());
    }
}

/// A fuzz target's name and what it runs on one input.
type Target = (&'static str, fn(&[u8]));

/// The committed seed corpus (`fuzz/corpus/<target>/seed-*`, `fuzz/seed-corpus.py`) runs
/// through the entry points without a panic.
#[test]
fn the_seed_corpus_runs_through_the_entry_points() {
    let targets: [Target; 5] = [
        ("envelope_line", |b| {
            let _ = entry_points::envelope_line(b);
        }),
        ("command", |b| {
            entry_points::command(b);
        }),
        ("policy", |b| {
            entry_points::policy(b);
        }),
        ("register_csv", |b| {
            entry_points::register_csv(b);
        }),
        ("kode_wilayah", |b| {
            entry_points::kode_wilayah(b);
        }),
    ];
    for (target, run) in targets {
        let dir = repo(&format!("fuzz/corpus/{target}"));
        let files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            // Committed seeds only: what a local fuzzing run added is not the suite's.
            .filter(|path| {
                path.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))
            })
            .collect();
        assert!(files.len() >= 5, "{}: {} seeds", dir.display(), files.len());
        for file in files {
            let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            run(&bytes);
        }
    }
}

/// A line with its content altered and its hash kept is reported as a hash mismatch, not
/// accepted and not refused for another reason.
#[test]
fn an_altered_title_under_the_original_hash_is_a_hash_mismatch() {
    let line = golden_lines()
        .iter()
        .find(|line| line.contains("\"schema_version\":2") && line.contains("\"title\":\""))
        .expect("a schema-2 golden registration");
    let altered = line.replacen("\"title\":\"", "\"title\":\"X", 1);
    assert!(matches!(
        entry_points::envelope_line(altered.as_bytes()),
        Err(LineRefused::Decode(DecodeError::HashMismatch { .. }))
    ));
    let original = entry_points::envelope_line(line.as_bytes()).expect("golden line");
    mutated_envelope_line(&original, altered.as_bytes());
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = entry_points::envelope_line(&bytes);
        entry_points::command(&bytes);
        entry_points::policy(&bytes);
        entry_points::register_csv(&bytes);
        entry_points::kode_wilayah(&bytes);
    }

    #[test]
    fn mutated_golden_lines_are_refused_or_verify(which in any::<Index>(), changes in mutations()) {
        let lines = golden_lines();
        let line = &lines[which.index(lines.len())];
        let original: Envelope = entry_points::envelope_line(line.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("golden line refused: {e:?}")))?;
        let mutated = mutate(line.as_bytes(), &changes);
        mutated_envelope_line(&original, &mutated);
    }

    #[test]
    fn mutated_commands_never_panic(which in any::<Index>(), changes in mutations()) {
        let commands = golden_commands();
        let command = &commands[which.index(commands.len())];
        entry_points::command(&mutate(command.as_bytes(), &changes));
    }

    #[test]
    fn mutated_policy_files_never_panic(which in any::<Index>(), changes in mutations()) {
        let files = policy_files();
        let file = &files[which.index(files.len())];
        entry_points::policy(&mutate(file.as_bytes(), &changes));
    }

    #[test]
    fn mutated_registers_never_panic(which in any::<Index>(), changes in mutations()) {
        let registers = csv_registers();
        let register = &registers[which.index(registers.len())];
        entry_points::register_csv(&mutate(register.as_bytes(), &changes));
    }

    #[test]
    fn mutated_region_codes_never_panic(
        which in any::<Index>(),
        changes in mutations(),
        quoted in any::<bool>(),
    ) {
        let codes = region_codes();
        let code = &codes[which.index(codes.len())];
        let code = if quoted { format!("\"{code}\"") } else { code.clone() };
        let mutated = mutate(code.as_bytes(), &changes);
        let parsed = entry_points::kode_wilayah(&mutated);
        // A code is two digits, or two digits, a dot and two digits: whatever else the
        // mutation made is refused as text (quotes included).
        let well_formed = matches!(mutated.as_slice(), [a, b] | [a, b, b'.', _, _] if a.is_ascii_digit() && b.is_ascii_digit());
        prop_assert!(!parsed || well_formed, "accepted {:?}", String::from_utf8_lossy(&mutated));
    }
}
