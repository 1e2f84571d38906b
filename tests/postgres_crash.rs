//! A PostgreSQL server killed with SIGKILL while four writers append, then restarted: every
//! acknowledged envelope is still there, every log replays, and the same store goes on
//! appending through new connections.
//!
//! The test runs a server of its own (`scripts/pg-server` in a temporary folder), so that
//! killing it disturbs no other test. Like every PostgreSQL test it runs when
//! `KSD_POSTGRES_URL` is set (through `scripts/with-postgres`), which also makes sure the
//! PostgreSQL binaries are installed.
#![cfg(feature = "postgres")]

mod store_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use kerjasama::audit::Envelope;
use kerjasama::lifecycle::Command as LifecycleCommand;
use kerjasama::model::CooperationId;
use kerjasama::sample;
use kerjasama::store::postgres::PostgresOptions;
use kerjasama::store::{EventStore, PostgresStore, StoreError};
use store_support::{TaggedIds, TempDir, leadership_batch, postgres_url, replays, state_of};

const WRITERS: u16 = 4;

/// A server of this test's own, stopped when dropped.
struct Server {
    dir: TempDir,
}

impl Server {
    fn script() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/pg-server")
    }

    fn run(&self, action: &str) -> String {
        let output = Command::new(Self::script())
            .args([action, &self.dir.path().display().to_string()])
            .output()
            .expect("run scripts/pg-server");
        assert!(
            output.status.success(),
            "pg-server {action}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    fn start() -> (Self, String) {
        let server = Server {
            dir: TempDir::new("pgcrash"),
        };
        let url = server.run("start");
        (server, url)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new(Self::script())
            .args(["stop", &self.dir.path().display().to_string()])
            .output();
    }
}

/// The C06 log registered under cooperation `n`.
fn c06_as(n: u128) -> Vec<Envelope> {
    let mut scenario = sample::c06_landfill();
    for step in &mut scenario.steps {
        if let LifecycleCommand::Register { spec } = &mut step.command {
            spec.id = CooperationId(uuid::Uuid::from_u128(
                0x0190_0000_0000_7000_8000_0000_0000_0000 | n,
            ));
        }
    }
    scenario.record_log().expect("record")
}

/// Appends one leadership change at a time to `log`'s cooperation until an append fails;
/// returns the log as acknowledged and the error that stopped it.
fn append_until_failure(
    store: &PostgresStore,
    mut log: Vec<Envelope>,
    tag: u16,
    acknowledged: &AtomicU64,
) -> (Vec<Envelope>, StoreError) {
    let id = log[0].cooperation_id;
    let mut coop = state_of(&log);
    let mut ids = TaggedIds::new(tag);
    let started = Instant::now();
    let mut round = 0u64;
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the server was never killed"
        );
        round += 1;
        let batch = leadership_batch(
            &mut coop,
            log.last(),
            &[format!("w{tag}/{round}")],
            &mut ids,
        );
        match store.append(id, log.len() as u64, &batch) {
            Ok(()) => {
                log.extend(batch);
                acknowledged.fetch_add(1, Ordering::SeqCst);
            }
            Err(error) => return (log, error),
        }
    }
}

#[test]
fn a_server_killed_mid_run_loses_no_acknowledged_envelope() {
    // The shared server's URL is not used: it only says the PostgreSQL tests are on.
    let _ = postgres_url();
    let (server, url) = Server::start();
    let store = PostgresStore::connect_with(
        &url,
        &PostgresOptions::default()
            .pool_size(u32::from(WRITERS) + 1)
            .connect_timeout(Duration::from_secs(2)),
    )
    .expect("connect");
    let seeds: Vec<Vec<Envelope>> = (0..u128::from(WRITERS)).map(|n| c06_as(100 + n)).collect();
    for seed in &seeds {
        store.append(seed[0].cooperation_id, 0, seed).expect("seed");
    }
    let acknowledged = AtomicU64::new(0);
    let results: Vec<(Vec<Envelope>, StoreError)> = std::thread::scope(|scope| {
        let handles: Vec<_> = seeds
            .iter()
            .enumerate()
            .map(|(w, seed)| {
                let (store, acknowledged) = (&store, &acknowledged);
                let tag = 40 + u16::try_from(w).expect("small");
                scope.spawn(move || append_until_failure(store, seed.clone(), tag, acknowledged))
            })
            .collect();
        // Kill the server once the writers are well under way.
        let deadline = Instant::now() + Duration::from_secs(60);
        while acknowledged.load(Ordering::SeqCst) < 200 {
            assert!(Instant::now() < deadline, "the writers did not get going");
            std::thread::sleep(Duration::from_millis(5));
        }
        server.run("kill");
        handles
            .into_iter()
            .map(|h| h.join().expect("writer"))
            .collect()
    });
    for (_, error) in &results {
        assert!(
            matches!(error, StoreError::Unavailable { .. }),
            "a killed server must be reported as unavailable: {error}"
        );
    }
    server.run("start");
    let mut total = 0;
    for (acked, error) in &results {
        let id = acked[0].cooperation_id;
        let stored = store
            .load(id)
            .expect("the same store reads after the restart");
        assert!(
            stored.len() >= acked.len(),
            "{id}: {} envelopes acknowledged, {} after the restart",
            acked.len(),
            stored.len()
        );
        assert_eq!(
            &stored[..acked.len()],
            &acked[..],
            "{id}: the acknowledged log changed"
        );
        // At most the append in flight when the server died, committed but not answered.
        assert!(stored.len() <= acked.len() + 1, "{id}: {error}");
        replays(&stored).unwrap_or_else(|e| panic!("{id}: {e}"));
        // And the log goes on.
        let mut coop = state_of(&stored);
        let next = leadership_batch(
            &mut coop,
            stored.last(),
            &["after the restart".to_owned()],
            &mut TaggedIds::new(99),
        );
        store
            .append(id, stored.len() as u64, &next)
            .expect("append after the restart");
        total += acked.len();
    }
    eprintln!(
        "{} appends acknowledged before SIGKILL, {total} envelopes in {WRITERS} logs, all there \
         after the restart",
        acknowledged.load(Ordering::SeqCst)
    );
}
