//! Eight processes append to the same cooperation at once, each through its own store
//! (its own file handles, or its own database connections), retrying on conflicts: no event
//! is lost, duplicated or interleaved. Run for the JSON-lines store, the SQLite store
//! (feature `sqlite`) and the PostgreSQL store (feature `postgres`, server from
//! `KSD_POSTGRES_URL`).
//!
//! The child processes are this test binary (`std::env::current_exe()`), started with the
//! name of the child test and an environment variable saying what to do.

mod store_support;

use std::process::{Command, Stdio};

use kerjasama::store::{EventStore, JsonlStore};
use store_support::{TempDir, c06, check_concurrent_log, child_stats, id_of, writer};

/// Set in a child: `<kind>|<location>|<writer name>|<id tag>`.
const CHILD: &str = "KERJASAMA_STORE_CHILD";
const PROCESSES: u16 = 8;
const ROUNDS: u32 = 3;

/// A store of `kind` at `location` (a directory, a file, or a PostgreSQL schema).
fn open(kind: &str, location: &str) -> Box<dyn EventStore> {
    match kind {
        "jsonl" => Box::new(JsonlStore::open(location).expect("open jsonl").0),
        #[cfg(feature = "sqlite")]
        "sqlite" => Box::new(kerjasama::store::SqliteStore::open(location).expect("open sqlite")),
        #[cfg(feature = "postgres")]
        "postgres" => Box::new(
            kerjasama::store::PostgresStore::connect_with(
                &store_support::postgres_url(),
                &kerjasama::store::postgres::PostgresOptions::default()
                    .schema(location)
                    .pool_size(2),
            )
            .expect("connect"),
        ),
        other => panic!("unknown store kind {other}"),
    }
}

/// Does nothing unless started by one of the tests below.
#[test]
fn child_appender() {
    let Ok(task) = std::env::var(CHILD) else {
        return;
    };
    let parts: Vec<&str> = task.split('|').collect();
    let [kind, location, name, tag] = parts[..] else {
        panic!("bad {CHILD}: {task}");
    };
    let store = open(kind, location);
    let (seed, _) = c06();
    let stats = writer(
        store.as_ref(),
        id_of(&seed),
        name,
        tag.parse().expect("tag"),
        ROUNDS,
    );
    println!(
        "CHILD-STATS {name} appends={} conflicts={}",
        stats.appends, stats.conflicts
    );
}

/// Seeds the C06 log at `location`, runs `PROCESSES` children appending `ROUNDS` times each,
/// and checks the log.
fn eight_processes(kind: &str, location: &str) {
    let store = open(kind, location);
    let (seed, _) = c06();
    let id = id_of(&seed);
    store.append(id, 0, &seed).expect("seed");
    let exe = std::env::current_exe().expect("current exe");
    let names: Vec<String> = (0..PROCESSES).map(|p| format!("process{p}")).collect();
    let children: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(p, name)| {
            let child = Command::new(&exe)
                .args(["child_appender", "--exact", "--nocapture"])
                .env(CHILD, format!("{kind}|{location}|{name}|{}", 30 + p))
                .stdout(Stdio::piped())
                .spawn()
                .expect("spawn child");
            (name.clone(), child)
        })
        .collect();
    let report = child_stats(children);
    let log = store.load(id).expect("load");
    check_concurrent_log(&log, &seed, &names, ROUNDS);
    eprintln!(
        "{kind}: {PROCESSES} processes, {ROUNDS} appends of 2 envelopes each, {} envelopes: {}",
        log.len(),
        report.join("; ")
    );
}

#[test]
fn eight_processes_append_to_one_jsonl_log() {
    let dir = TempDir::new("processes8");
    eight_processes("jsonl", &dir.path().display().to_string());
}

#[cfg(feature = "sqlite")]
#[test]
fn eight_processes_append_to_one_sqlite_log() {
    let dir = TempDir::new("processes8-sqlite");
    eight_processes("sqlite", &dir.path().join("log.db").display().to_string());
}

#[cfg(feature = "postgres")]
#[test]
fn eight_processes_append_to_one_postgres_log() {
    eight_processes("postgres", &store_support::unique_schema("processes"));
}
