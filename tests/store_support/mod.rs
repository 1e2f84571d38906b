//! Helpers of the store tests: sample logs recorded through `audit::record`, unique temporary
//! directories, and the worker of the concurrent-append tests.
#![allow(dead_code)] // each test file uses a part of it

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kerjasama::audit::{Envelope, IdSource, record, replay, schema};
use kerjasama::law::{RuleSet, RuleSetRegistry};
use kerjasama::lifecycle::{Command, Cooperation};
use kerjasama::model::{CooperationId, PartyId};
use kerjasama::sample::{self, Scenario};
use kerjasama::store::{EventStore, StoreError};

/// A deterministic recording time: 2024-07-01 09:00 UTC plus `minutes`.
pub fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 7, 1, 9, 0, 0)
        .single()
        .expect("valid time")
        + Duration::minutes(minutes)
}

/// Records every step of `scenario` (`Scenario::record_log`): the log and the live state.
pub fn record_scenario(scenario: &Scenario) -> (Vec<Envelope>, Cooperation) {
    let log = scenario
        .record_log()
        .unwrap_or_else(|e| panic!("{}: {e}", scenario.case));
    let live = scenario.run(&RuleSet::current()).expect("live state");
    (log, live)
}

/// The C06 landfill log and its live state.
pub fn c06() -> (Vec<Envelope>, Cooperation) {
    record_scenario(&sample::c06_landfill())
}

/// The cooperation of a log.
pub fn id_of(log: &[Envelope]) -> CooperationId {
    log.first().expect("non-empty log").cooperation_id
}

/// A log as the JSONL store writes it.
pub fn jsonl_bytes(log: &[Envelope]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for envelope in log {
        bytes.extend_from_slice(schema::encode_envelope(envelope).as_bytes());
        bytes.push(b'\n');
    }
    bytes
}

/// A fresh directory under `std::env::temp_dir()`, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new empty directory with a unique name.
    pub fn new(label: &str) -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!(
            "kerjasama-{label}-{}-{nanos}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).expect("create temp dir");
        Self(path)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl TempDir {
    /// A new empty directory with a unique name in memory (`/dev/shm`, where syncing costs
    /// nothing) if this system has one that may be written, else under
    /// `std::env::temp_dir()`. For tests that check recovery logic over and over, not
    /// durability.
    pub fn new_in_memory(label: &str) -> Self {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let path = base.join(format!(
            "kerjasama-{label}-{}-mem-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        match std::fs::create_dir_all(&path) {
            Ok(()) => Self(path),
            Err(_) => Self::new(label),
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Unique UUID v7 ids per writer: the writer's tag and a counter in the random bits.
pub struct TaggedIds {
    tag: u16,
    next: u64,
}

impl TaggedIds {
    /// Ids of writer `tag`.
    pub fn new(tag: u16) -> Self {
        Self { tag, next: 0 }
    }
}

impl IdSource for TaggedIds {
    fn next_id(&mut self, recorded_at: DateTime<Utc>) -> uuid::Uuid {
        self.next += 1;
        let millis = u64::try_from(recorded_at.timestamp_millis()).unwrap_or(0);
        let mut random = [0u8; 10];
        random[..2].copy_from_slice(&self.tag.to_be_bytes());
        random[2..].copy_from_slice(&self.next.to_be_bytes());
        uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
    }
}

/// The legal date of the concurrent commands (after the last C06 step).
pub fn concurrent_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 7, 1).expect("valid date")
}

/// The name a writer records in round `round`, part `part` (`a` or `b`).
pub fn holder(writer: &str, round: u32, part: char) -> String {
    format!("{writer}/r{round}/{part}")
}

/// What one writer did.
#[derive(Debug, Default, Clone, Copy)]
pub struct WriterStats {
    /// Successful appends.
    pub appends: u64,
    /// Appends refused with a conflict and retried.
    pub conflicts: u64,
}

/// One writer of the concurrency tests: `rounds` times, loads the log, replays it to the
/// current state, records two `RecordLeadershipChange` commands (one append of two
/// envelopes) on the loaded head and appends with expected = the head's sequence, retrying
/// on conflict.
pub fn writer(
    store: &(impl EventStore + ?Sized),
    cooperation: CooperationId,
    name: &str,
    tag: u16,
    rounds: u32,
) -> WriterStats {
    let rules = RuleSet::current();
    let clerk = sample::clerk(sample::sidrap());
    let mut ids = TaggedIds::new(tag);
    let mut stats = WriterStats::default();
    for round in 0..rounds {
        loop {
            let log = store.load(cooperation).expect("load");
            let mut coop = replay(&log, &RuleSetRegistry::standard())
                .map(|r| r.state)
                .expect("the log replays");
            let mut batch: Vec<Envelope> = Vec::new();
            for part in ['a', 'b'] {
                let command = Command::RecordLeadershipChange {
                    party: PartyId::Region(sample::sidrap()),
                    new_office_holder: holder(name, round, part),
                };
                let head = batch.last().or(log.last());
                let envelope = record(
                    &coop,
                    head,
                    &command,
                    &clerk,
                    concurrent_date(),
                    at(1000),
                    &rules,
                    &mut ids,
                )
                .expect("a leadership change is accepted in force");
                for event in &envelope.events {
                    coop.apply(event);
                }
                batch.push(envelope);
            }
            let expected = log.last().map_or(0, |e| e.sequence);
            match store.append(cooperation, expected, &batch) {
                Ok(()) => {
                    stats.appends += 1;
                    break;
                }
                Err(StoreError::Conflict { .. }) => stats.conflicts += 1,
                Err(other) => panic!("{name}: unexpected {other}"),
            }
        }
    }
    stats
}

/// Asserts that `log` is the seed followed by every writer's rounds exactly once, each
/// append's two envelopes adjacent, each writer's rounds in order, the chain and replay
/// valid, and returns the replayed state.
pub fn check_concurrent_log(
    log: &[Envelope],
    seed: &[Envelope],
    writers: &[String],
    rounds: u32,
) -> Cooperation {
    let appended = writers.len() * usize::try_from(rounds).expect("small") * 2;
    assert_eq!(
        log.len(),
        seed.len() + appended,
        "lost or duplicated events"
    );
    assert_eq!(&log[..seed.len()], seed, "the seed changed");
    for (i, envelope) in log.iter().enumerate() {
        assert_eq!(envelope.sequence, i as u64 + 1, "sequence not contiguous");
    }
    let ids: BTreeSet<_> = log.iter().map(|e| e.event_id).collect();
    assert_eq!(ids.len(), log.len(), "duplicated event ids");
    let names: Vec<String> = log[seed.len()..]
        .iter()
        .map(|e| match &e.command {
            Command::RecordLeadershipChange {
                new_office_holder, ..
            } => new_office_holder.clone(),
            other => panic!("unexpected command {other:?}"),
        })
        .collect();
    for pair in names.chunks(2) {
        let [a, b] = pair else {
            panic!("odd number of appended envelopes")
        };
        assert_eq!(
            b,
            &a.replace("/a", "/b"),
            "an append's envelopes were interleaved"
        );
        assert!(a.ends_with("/a"), "an append's envelopes were interleaved");
    }
    for writer in writers {
        let mine: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with(&format!("{writer}/")))
            .collect();
        let expected: Vec<String> = (0..rounds)
            .flat_map(|r| [holder(writer, r, 'a'), holder(writer, r, 'b')])
            .collect();
        assert_eq!(
            mine.into_iter().cloned().collect::<Vec<_>>(),
            expected,
            "{writer}: commands lost, duplicated or reordered"
        );
    }
    let coop = replay(log, &RuleSetRegistry::standard())
        .map(|r| r.state)
        .expect("the final log replays");
    let live = Cooperation::from_events(log.iter().flat_map(|e| e.events.iter()));
    assert_eq!(coop, live, "replay differs from the applied events");
    coop
}

/// The state a log leads to, by applying its events (no re-decision: see [`replays`]).
pub fn state_of(log: &[Envelope]) -> Cooperation {
    Cooperation::from_events(log.iter().flat_map(|e| e.events.iter()))
}

/// Whether `log` replays through `audit::replay` (every command re-decided), and to the
/// state its events lead to.
pub fn replays(log: &[Envelope]) -> Result<(), String> {
    let replayed = replay(log, &RuleSetRegistry::standard())
        .map(|r| r.state)
        .map_err(|e| e.to_string())?;
    if replayed == state_of(log) {
        Ok(())
    } else {
        Err("the replayed state differs from the applied events".into())
    }
}

/// Records one `RecordLeadershipChange` envelope per name in `holders` on top of `head`
/// (the log's last envelope) and the state `coop`, which it advances: an append of
/// `holders.len()` envelopes.
pub fn leadership_batch(
    coop: &mut Cooperation,
    head: Option<&Envelope>,
    holders: &[String],
    ids: &mut impl IdSource,
) -> Vec<Envelope> {
    let rules = RuleSet::current();
    let clerk = sample::clerk(sample::sidrap());
    let mut batch: Vec<Envelope> = Vec::new();
    for name in holders {
        let command = Command::RecordLeadershipChange {
            party: PartyId::Region(sample::sidrap()),
            new_office_holder: name.clone(),
        };
        let envelope = record(
            coop,
            batch.last().or(head),
            &command,
            &clerk,
            concurrent_date(),
            at(1000),
            &rules,
            ids,
        )
        .expect("a leadership change is accepted in force");
        for event in &envelope.events {
            coop.apply(event);
        }
        batch.push(envelope);
    }
    batch
}

/// The URL of the PostgreSQL server of the tests, from `KSD_POSTGRES_URL`, which
/// `scripts/with-postgres` sets. Without it the PostgreSQL tests fail: they are part of the
/// `postgres` feature's suite, not optional.
pub fn postgres_url() -> String {
    std::env::var("KSD_POSTGRES_URL").unwrap_or_else(|_| {
        panic!(
            "KSD_POSTGRES_URL is not set: the PostgreSQL tests need a server; run them \
             through scripts/with-postgres (e.g. `scripts/with-postgres cargo test \
             --all-features`)"
        )
    })
}

/// `url` with the connection parameter `key=value` added.
pub fn with_param(url: &str, key: &str, value: &str) -> String {
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}{key}={value}")
}

/// A PostgreSQL schema name no other test uses (`t_<label>_<pid>_<n>_<nanos>`).
pub fn unique_schema(label: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "t_{label}_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// Waits for the child processes of a concurrency test, each named, and returns the line
/// `CHILD-STATS <name> …` each printed (without the prefix); a child that failed or printed
/// none fails the test with its output.
pub fn child_stats(children: Vec<(String, std::process::Child)>) -> Vec<String> {
    children
        .into_iter()
        .map(|(name, child)| {
            let output = child.wait_with_output().expect("wait child");
            let stdout = String::from_utf8_lossy(&output.stdout);
            assert!(output.status.success(), "{name} failed:\n{stdout}");
            let line = stdout
                .lines()
                .find(|l| l.starts_with(&format!("CHILD-STATS {name} ")))
                .unwrap_or_else(|| panic!("{name} did not run:\n{stdout}"));
            line.trim_start_matches("CHILD-STATS ").to_owned()
        })
        .collect()
}

/// Whether the PostgreSQL schema `name` exists on the test server.
#[cfg(feature = "postgres")]
pub fn schema_exists(name: &str) -> bool {
    let mut admin =
        postgres::Client::connect(&postgres_url(), postgres::NoTls).expect("admin connection");
    admin
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)",
            &[&name],
        )
        .expect("query")
        .get(0)
}
