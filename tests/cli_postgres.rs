//! `ksd` with a PostgreSQL store (`postgres://` URL in place of a folder), against the server
//! of `KSD_POSTGRES_URL`: import the Sidrap register, replay it, evaluate it as the JSON-lines
//! store does, ask what comes next; refuse a password on the command line; tell a missing
//! store and an unreachable server apart by exit code.
#![cfg(all(feature = "cli", feature = "postgres"))]

mod store_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use store_support::{TempDir, postgres_url, unique_schema};

const SUCCESS: i32 = 0;
const INVALID: i32 = 2;
const FAILURE: i32 = 3;
const USAGE: i32 = 64;

/// `ksd ARGS` with the PostgreSQL schema `schema`.
fn ksd(schema: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ksd"))
        .args(args)
        .env("KSD_POSTGRES_SCHEMA", schema)
        .env_remove("PGPASSWORD")
        .stdin(Stdio::null())
        .output()
        .expect("ksd runs")
}

fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn register() -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    (
        root.join("sidrap-2024.csv"),
        root.join("borders-sulsel.json"),
    )
}

fn text(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The checklist of a JSON report: (cooperation, rule, result), sorted.
fn checklist(output: &Output) -> Vec<(String, String, String)> {
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let mut rows: Vec<_> = report["checklist"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| {
            let field = |name: &str| row[name].as_str().unwrap_or_default().to_owned();
            (field("cooperation"), field("rule"), field("result"))
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn import_replay_evaluate_and_next_on_a_postgres_store() {
    let url = postgres_url();
    let schema = unique_schema("cli");
    let (csv, borders) = register();
    let import = ksd(
        &schema,
        &[
            "import",
            text(&csv),
            "--into",
            &url,
            "--home",
            "73.14",
            "--borders",
            text(&borders),
        ],
    );
    assert_exit(&import, SUCCESS);
    assert!(String::from_utf8_lossy(&import.stdout).contains("imported 10 records"));

    let replay = ksd(&schema, &["replay", &url]);
    assert_exit(&replay, SUCCESS);
    let replayed: Value = serde_json::from_slice(&replay.stdout).expect("JSON");
    assert_eq!(
        (&replayed["verified"], &replayed["failed"]),
        (&Value::from(10), &Value::from(0))
    );
    let lines = replayed["cooperations"].as_array().expect("cooperations");
    assert_eq!(lines.len(), 10, "one line per cooperation");
    // The store is named without a password.
    assert!(
        replayed["store"]
            .as_str()
            .is_some_and(|s| s.starts_with("postgres"))
    );

    // The same register in a JSON-lines folder evaluates the same.
    let dir = TempDir::new("cli-postgres");
    let folder = dir.path().join("logs");
    assert_exit(
        &ksd(
            &schema,
            &[
                "import",
                text(&csv),
                "--into",
                text(&folder),
                "--home",
                "73.14",
                "--borders",
                text(&borders),
            ],
        ),
        SUCCESS,
    );
    let evaluate = |store: &str| {
        ksd(
            &schema,
            &[
                "evaluate",
                store,
                "--as-of",
                "2024-08-14",
                "--home",
                "73.14",
                "--format",
                "json",
            ],
        )
    };
    let from_postgres = evaluate(&url);
    assert_exit(&from_postgres, SUCCESS);
    let from_folder = evaluate(text(&folder));
    assert!(!checklist(&from_postgres).is_empty());
    assert_eq!(checklist(&from_postgres), checklist(&from_folder));
    // Another region's evaluation on the same store takes none of Sidrap's cooperations.
    let elsewhere = ksd(
        &schema,
        &[
            "evaluate",
            &url,
            "--as-of",
            "2024-08-14",
            "--home",
            "11.01",
            "--format",
            "json",
        ],
    );
    assert_exit(&elsewhere, SUCCESS);
    assert!(checklist(&elsewhere).is_empty());

    let id = lines[0]["cooperation"].as_str().expect("cooperation id");
    assert_exit(&ksd(&schema, &["next", &url, id]), SUCCESS);
}

#[test]
fn a_password_on_the_command_line_is_refused() {
    let output = ksd(
        &unique_schema("clipw"),
        &["replay", "postgres://ksd:secret@localhost/register"],
    );
    assert_exit(&output, USAGE);
    assert!(
        stderr(&output).contains("PGPASSWORD"),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("secret"), "{}", stderr(&output));
}

#[test]
fn reading_a_store_that_was_never_written_is_invalid_and_creates_nothing() {
    let url = postgres_url();
    let schema = unique_schema("cliempty");
    let output = ksd(&schema, &["replay", &url]);
    assert_exit(&output, INVALID);
    assert!(
        stderr(&output).contains("no such store"),
        "{}",
        stderr(&output)
    );
    assert!(
        !store_support::schema_exists(&schema),
        "a read created the schema"
    );
}

#[test]
fn an_unreachable_server_is_a_store_failure() {
    let dir = TempDir::new("cli-noserver");
    let url = format!(
        "postgresql://postgres@{}/postgres?connect_timeout=1",
        text(dir.path()).replace('/', "%2F")
    );
    let output = ksd(&unique_schema("clidown"), &["replay", &url]);
    assert_exit(&output, FAILURE);
    assert!(
        stderr(&output).contains("unavailable"),
        "{}",
        stderr(&output)
    );
}
