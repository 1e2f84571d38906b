//! One test suite for every `EventStore`: the same generic tests run against `MemoryStore`,
//! `JsonlStore` (a fresh temporary directory per test), with the `sqlite` feature
//! `SqliteStore` (a file in a temporary directory, and in memory), and with the `postgres`
//! feature `PostgresStore` (a fresh schema per test on the server of `KSD_POSTGRES_URL`, which
//! `scripts/with-postgres` starts).
//!
//! Run the concurrency tests with `--nocapture` to see the conflicts each store retried.

mod store_support;

use kerjasama::audit::{Envelope, record, replay};
use kerjasama::law::{RuleSet, RuleSetRegistry};
use kerjasama::lifecycle::{Command, Cooperation, Stage};
use kerjasama::model::CooperationId;
use kerjasama::sample;
use std::collections::BTreeSet;

use kerjasama::model::Track;
use kerjasama::store::{EventStore, JsonlStore, MemoryStore, RegisterQuery, StoreError, scan};
use store_support::{
    TempDir, WriterStats, at, c06, check_concurrent_log, id_of, record_scenario, writer,
};

/// A store under test and how to observe it.
trait Harness {
    /// The store.
    type Store: EventStore + Sync;
    /// The store under test.
    fn store(&self) -> &Self::Store;
    /// Everything an append must leave untouched when it fails: for files their bytes.
    fn snapshot(&self, cooperation: CooperationId) -> Vec<u8>;
    /// Another store over the same storage (a separate file handle or connection), if the
    /// storage can be shared.
    fn another(&self) -> Option<Self::Store>;
}

fn snapshot_by_load(store: &impl EventStore, cooperation: CooperationId) -> Vec<u8> {
    let log = store.load(cooperation).expect("load");
    let list = store.list().expect("list");
    serde_json::to_vec(&(log, list)).expect("serialise")
}

struct Memory(MemoryStore);

impl Memory {
    fn new() -> Self {
        Self(MemoryStore::new())
    }
}

impl Harness for Memory {
    type Store = MemoryStore;
    fn store(&self) -> &MemoryStore {
        &self.0
    }
    fn snapshot(&self, cooperation: CooperationId) -> Vec<u8> {
        snapshot_by_load(&self.0, cooperation)
    }
    fn another(&self) -> Option<MemoryStore> {
        None
    }
}

struct Jsonl {
    store: JsonlStore,
    dir: TempDir,
}

impl Jsonl {
    fn new() -> Self {
        let dir = TempDir::new("suite");
        let (store, recoveries) = JsonlStore::open(dir.path()).expect("open");
        assert!(recoveries.is_empty());
        Self { store, dir }
    }
}

impl Harness for Jsonl {
    type Store = JsonlStore;
    fn store(&self) -> &JsonlStore {
        &self.store
    }
    fn snapshot(&self, cooperation: CooperationId) -> Vec<u8> {
        // The log's bytes and the directory's file names (no file may appear).
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("read dir")
            .map(|entry| {
                let entry = entry.expect("dir entry");
                format!("{:?}", entry.file_name())
            })
            .collect();
        names.sort();
        let mut bytes = std::fs::read(self.store.path_of(cooperation)).unwrap_or_default();
        bytes.extend_from_slice(names.join("\n").as_bytes());
        bytes
    }
    fn another(&self) -> Option<JsonlStore> {
        Some(JsonlStore::open(self.dir.path()).expect("reopen").0)
    }
}

#[cfg(feature = "sqlite")]
struct Sqlite {
    store: kerjasama::store::SqliteStore,
    /// The database's directory; `None` in memory.
    dir: Option<TempDir>,
}

#[cfg(feature = "sqlite")]
impl Sqlite {
    fn file() -> Self {
        let dir = TempDir::new("suite-sqlite");
        let store = kerjasama::store::SqliteStore::open(dir.path().join("log.db")).expect("open");
        Self {
            store,
            dir: Some(dir),
        }
    }
    fn memory() -> Self {
        Self {
            store: kerjasama::store::SqliteStore::open_in_memory().expect("open"),
            dir: None,
        }
    }
}

#[cfg(feature = "sqlite")]
impl Harness for Sqlite {
    type Store = kerjasama::store::SqliteStore;
    fn store(&self) -> &Self::Store {
        &self.store
    }
    fn snapshot(&self, cooperation: CooperationId) -> Vec<u8> {
        snapshot_by_load(&self.store, cooperation)
    }
    fn another(&self) -> Option<Self::Store> {
        let dir = self.dir.as_ref()?;
        Some(kerjasama::store::SqliteStore::open(dir.path().join("log.db")).expect("reopen"))
    }
}

#[cfg(feature = "postgres")]
struct Postgres {
    store: kerjasama::store::PostgresStore,
    url: String,
    options: kerjasama::store::postgres::PostgresOptions,
}

#[cfg(feature = "postgres")]
impl Postgres {
    fn new() -> Self {
        let url = store_support::postgres_url();
        let options = kerjasama::store::postgres::PostgresOptions::default()
            .schema(store_support::unique_schema("suite"));
        let store = kerjasama::store::PostgresStore::connect_with(&url, &options).expect("connect");
        Self {
            store,
            url,
            options,
        }
    }
}

#[cfg(feature = "postgres")]
impl Harness for Postgres {
    type Store = kerjasama::store::PostgresStore;
    fn store(&self) -> &Self::Store {
        &self.store
    }
    fn snapshot(&self, cooperation: CooperationId) -> Vec<u8> {
        snapshot_by_load(&self.store, cooperation)
    }
    fn another(&self) -> Option<Self::Store> {
        // A pool of its own: separate connections.
        Some(
            kerjasama::store::PostgresStore::connect_with(&self.url, &self.options)
                .expect("connect again"),
        )
    }
}

// ---------------------------------------------------------------------------------------
// The generic tests.

fn round_trip_c06(h: &impl Harness) {
    let (log, _) = c06();
    let id = id_of(&log);
    h.store().append(id, 0, &log).expect("append");
    assert_eq!(h.store().load(id).expect("load"), log);
    // Empty for an unknown cooperation.
    let unknown = CooperationId(uuid::Uuid::from_u128(42));
    assert!(h.store().load(unknown).expect("load").is_empty());
}

fn round_trip_one_by_one_and_list(h: &impl Harness) {
    let store = h.store();
    assert!(store.list().expect("list").is_empty());
    let mut ids = Vec::new();
    for scenario in sample::cases() {
        let (log, _) = record_scenario(&scenario);
        let id = id_of(&log);
        for (i, envelope) in log.iter().enumerate() {
            store
                .append(id, i as u64, std::slice::from_ref(envelope))
                .unwrap_or_else(|e| panic!("{}: {e}", scenario.case));
        }
        assert_eq!(store.load(id).expect("load"), log, "{}", scenario.case);
        ids.push(id);
    }
    ids.sort();
    assert_eq!(store.list().expect("list"), ids);
}

fn stale_expected_sequence_is_a_conflict(h: &impl Harness) {
    let (log, _) = c06();
    let id = id_of(&log);
    let store = h.store();
    store.append(id, 0, &log[..10]).expect("append");
    let before = h.snapshot(id);
    for expected in [0, 5, 9, 11, 30] {
        let error = store.append(id, expected, &log[10..12]).unwrap_err();
        assert_eq!(
            error,
            StoreError::Conflict {
                cooperation: id,
                expected,
                actual: 10
            }
        );
        assert_eq!(h.snapshot(id), before, "a conflicting append wrote");
    }
    // A new log expected to hold something.
    let (other, _) = record_scenario(&sample::c03_rice());
    let other_id = id_of(&other);
    let before_other = h.snapshot(other_id);
    let error = store.append(other_id, 2, &other[..1]).unwrap_err();
    assert!(
        matches!(error, StoreError::Conflict { actual: 0, .. }),
        "{error}"
    );
    assert_eq!(h.snapshot(other_id), before_other);
    assert_eq!(store.list().expect("list"), vec![id]);
    // The right expectation still works.
    store.append(id, 10, &log[10..]).expect("append");
    assert_eq!(store.load(id).expect("load"), log);
}

fn rehash(mut envelope: Envelope) -> Envelope {
    envelope.hash = envelope.computed_hash();
    envelope
}

fn not_continuing_is_invalid_and_writes_nothing(h: &impl Harness) {
    let (log, _) = c06();
    let id = id_of(&log);
    let store = h.store();
    store.append(id, 0, &log[..10]).expect("append");
    let (c03, _) = record_scenario(&sample::c03_rice());
    let next = log[10].clone();

    let wrong_sequence = log[11].clone();
    let mut wrong_prev = next.clone();
    wrong_prev.prev_hash = log[8].hash.clone();
    let wrong_prev = rehash(wrong_prev);
    let mut altered = next.clone();
    altered.occurred_on = altered.occurred_on.succ_opt().expect("date");
    let mut foreign = c03[0].clone();
    foreign.sequence = 11;
    foreign.prev_hash = log[9].hash.clone();
    let foreign = rehash(foreign);
    let mut renumbered = next.clone();
    renumbered.sequence = 12;
    let renumbered = rehash(renumbered);

    let cases: Vec<(&str, Vec<Envelope>, u64, &str)> = vec![
        ("wrong sequence", vec![wrong_sequence], 12, "sequence"),
        ("renumbered", vec![renumbered], 12, "sequence"),
        ("wrong prev_hash", vec![wrong_prev], 11, "prev_hash"),
        ("altered content", vec![altered], 11, "hash"),
        ("other cooperation", vec![foreign], 11, "cooperation"),
        ("repeated head", vec![log[9].clone()], 10, "sequence"),
        (
            "good then bad",
            vec![next.clone(), log[12].clone()],
            13,
            "sequence",
        ),
    ];
    let before = h.snapshot(id);
    for (what, envelopes, sequence, reason) in cases {
        match store.append(id, 10, &envelopes) {
            Err(StoreError::Invalid {
                cooperation,
                sequence: s,
                reason: r,
            }) => {
                assert_eq!(cooperation, id, "{what}");
                assert_eq!(s, sequence, "{what}");
                assert!(r.contains(reason), "{what}: {r}");
            }
            other => panic!("{what}: {other:?}"),
        }
        assert_eq!(h.snapshot(id), before, "{what}: something was written");
    }
    // Envelopes of C06 appended under C03's id.
    let c03_id = id_of(&c03);
    let before_c03 = h.snapshot(c03_id);
    let error = store.append(c03_id, 0, &log[..1]).unwrap_err();
    assert!(matches!(error, StoreError::Invalid { .. }), "{error}");
    assert_eq!(h.snapshot(c03_id), before_c03);
    assert_eq!(store.list().expect("list"), vec![id]);
    // The log is still appendable.
    store.append(id, 10, &log[10..]).expect("append");
    assert_eq!(store.load(id).expect("load"), log);
}

fn refused_command_leaves_the_store_untouched(h: &impl Harness) {
    let (log, _) = c06();
    let id = id_of(&log);
    let store = h.store();
    let rules = RuleSet::current();
    store.append(id, 0, &log[..12]).expect("append");
    let before = h.snapshot(id);
    let loaded = store.load(id).expect("load");
    let coop = replay(&loaded, &RuleSetRegistry::standard())
        .map(|r| r.state)
        .expect("replay");
    assert_ne!(coop.stage(), Stage::InForce);
    let scenario = sample::c06_landfill();
    let clerk = sample::clerk(sample::sidrap());
    // Entering into force before any signature: the law refuses it.
    let refused = record(
        &coop,
        loaded.last(),
        &Command::EnterIntoForce,
        &clerk,
        scenario.steps[12].on,
        at(100),
        &rules,
        &mut kerjasama::audit::SequentialIds::default(),
    );
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(
        h.snapshot(id),
        before,
        "a refused command changed the store"
    );
    assert_eq!(
        replay(&store.load(id).expect("load"), &RuleSetRegistry::standard()).map(|r| r.state),
        Ok(coop)
    );
    // The next accepted command still continues the same head.
    store.append(id, 12, &log[12..]).expect("append");
}

/// Every register query selects what the registered specs and the replayed states say
/// (computed here, without the store's code), on all the sample cases (current and legacy),
/// for each region, track and stage they reach, as of dates before, during and after their
/// procedures; and so does reading every log ([`scan`]).
fn queries_select_what_specs_and_states_say(h: &impl Harness) {
    let store = h.store();
    let mut recorded = Vec::new();
    let mut regions = BTreeSet::new();
    let mut dates = BTreeSet::new();
    let mut stages = BTreeSet::new();
    for scenario in sample::cases().into_iter().chain(sample::legacy_cases()) {
        let log = scenario
            .record_log()
            .unwrap_or_else(|e| panic!("{}: {e}", scenario.case));
        store.append(id_of(&log), 0, &log).expect("append");
        for envelope in &log {
            dates.insert(envelope.occurred_on);
            for event in &envelope.events {
                if let kerjasama::lifecycle::EventKind::StageChanged { to, .. } = &event.kind {
                    stages.insert(*to);
                }
            }
        }
        let Command::Register { spec } = &log[0].command else {
            panic!("{}: the first step registers", scenario.case)
        };
        let parties: BTreeSet<_> = spec
            .parties
            .iter()
            .filter_map(|p| match p.id() {
                Some(kerjasama::model::PartyId::Region(code)) => Some(code),
                _ => None,
            })
            .collect();
        regions.extend(parties.iter().copied());
        recorded.push((id_of(&log), parties, spec.kind.track(), log));
    }
    recorded.sort_by_key(|(id, ..)| *id);
    let expected = |query: &RegisterQuery| -> Vec<CooperationId> {
        recorded
            .iter()
            .filter(|(_, parties, track, log)| {
                query
                    .region_criterion()
                    .is_none_or(|r| parties.contains(&r))
                    && query.track_criterion().is_none_or(|t| t == *track)
                    && query.stage_criterion().is_none_or(|(stage, as_of)| {
                        Cooperation::as_of(log.iter().flat_map(|e| e.events.iter()), as_of)
                            .map(|c| c.stage())
                            == Some(stage)
                    })
            })
            .map(|(id, ..)| *id)
            .collect()
    };
    regions.insert("11.01".parse().expect("code"));
    stages.insert(Stage::Draft);
    let first = *dates.first().expect("dates");
    let last = *dates.last().expect("dates");
    let as_of: Vec<_> = [first.pred_opt().expect("date"), first, last]
        .into_iter()
        .chain(dates.iter().copied().step_by(7))
        .collect();
    let mut queries = vec![RegisterQuery::all()];
    for region in &regions {
        queries.push(RegisterQuery::all().region(*region));
    }
    for track in Track::ALL {
        queries.push(RegisterQuery::all().track(track));
        queries.push(
            RegisterQuery::all()
                .track(track)
                .region(kerjasama::model::KodeWilayah::SIDRAP),
        );
    }
    for stage in &stages {
        for date in &as_of {
            queries.push(RegisterQuery::all().in_stage(*stage, *date));
        }
        queries.push(
            RegisterQuery::all()
                .region(kerjasama::model::KodeWilayah::SIDRAP)
                .track(Track::KsddSukarela)
                .in_stage(*stage, last),
        );
    }
    let mut nonempty = 0;
    for query in &queries {
        let answered = store.query(query).expect("query");
        assert_eq!(answered, expected(query), "{query:?}");
        assert_eq!(scan(store, query).expect("scan"), answered, "{query:?}");
        nonempty += usize::from(!answered.is_empty());
    }
    // The comparison is not between empty answers only.
    assert!(
        nonempty > queries.len() / 5,
        "{nonempty} of {}",
        queries.len()
    );
    assert_eq!(
        store.query(&RegisterQuery::all()).expect("query"),
        store.list().expect("list")
    );
}

fn replay_of_the_loaded_log_is_the_live_state(h: &impl Harness) {
    for scenario in sample::cases() {
        let (log, live) = record_scenario(&scenario);
        let id = id_of(&log);
        h.store().append(id, 0, &log).expect("append");
        let loaded = h.store().load(id).expect("load");
        let replayed: Cooperation = replay(&loaded, &RuleSetRegistry::standard())
            .map(|r| r.state)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(replayed, live, "{}", scenario.case);
    }
}

const THREADS: u16 = 8;
const ROUNDS: u32 = 3;

/// `THREADS` threads append `ROUNDS` times each to the same cooperation, retrying on
/// conflicts; thread `t` uses `stores[t % stores.len()]`.
fn concurrent_appends<S: EventStore + Sync>(label: &str, stores: &[&S]) {
    let (seed, _) = c06();
    let id = id_of(&seed);
    stores[0].append(id, 0, &seed).expect("seed");
    let names: Vec<String> = (0..THREADS).map(|t| format!("thread{t}")).collect();
    let started = std::time::Instant::now();
    let stats: Vec<WriterStats> = std::thread::scope(|scope| {
        let handles: Vec<_> = names
            .iter()
            .enumerate()
            .map(|(t, name)| {
                let store = stores[t % stores.len()];
                let tag = u16::try_from(t).expect("small");
                scope.spawn(move || writer(store, id, name, tag, ROUNDS))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("writer panicked"))
            .collect()
    });
    let log = stores[0].load(id).expect("load");
    let coop = check_concurrent_log(&log, &seed, &names, ROUNDS);
    assert_eq!(coop.stage(), Stage::InForce);
    for store in &stores[1..] {
        assert_eq!(store.load(id).expect("load"), log);
    }
    let appends: u64 = stats.iter().map(|s| s.appends).sum();
    let conflicts: u64 = stats.iter().map(|s| s.conflicts).sum();
    assert_eq!(appends, u64::from(THREADS) * u64::from(ROUNDS));
    eprintln!(
        "{label}: {THREADS} threads, {appends} appends of 2 envelopes ({} envelopes in the \
         log), {conflicts} conflicts retried, per thread {:?}, {:.2?}",
        log.len(),
        stats.iter().map(|s| s.conflicts).collect::<Vec<_>>(),
        started.elapsed()
    );
}

fn concurrent_appends_shared_store(h: &impl Harness, label: &str) {
    concurrent_appends(label, &[h.store()]);
}

fn concurrent_appends_separate_stores(h: &impl Harness, label: &str) {
    let Some(first) = h.another() else {
        return; // storage that cannot be shared (memory)
    };
    let mut others = vec![first];
    for _ in 1..THREADS {
        others.push(h.another().expect("another"));
    }
    let stores: Vec<_> = others.iter().collect();
    concurrent_appends(label, &stores);
}

macro_rules! suite {
    ($name:ident, $make:expr) => {
        mod $name {
            use super::*;

            #[test]
            fn round_trip_of_the_c06_log() {
                round_trip_c06(&$make);
            }
            #[test]
            fn round_trip_one_by_one_and_list_every_sample_case() {
                round_trip_one_by_one_and_list(&$make);
            }
            #[test]
            fn stale_expected_sequence_is_a_conflict_and_writes_nothing() {
                stale_expected_sequence_is_a_conflict(&$make);
            }
            #[test]
            fn envelopes_not_continuing_the_log_are_invalid_and_write_nothing() {
                not_continuing_is_invalid_and_writes_nothing(&$make);
            }
            #[test]
            fn a_refused_command_leaves_the_store_untouched() {
                refused_command_leaves_the_store_untouched(&$make);
            }
            #[test]
            fn register_queries_select_what_specs_and_states_say() {
                queries_select_what_specs_and_states_say(&$make);
            }
            #[test]
            fn replay_of_the_loaded_log_equals_the_live_state() {
                replay_of_the_loaded_log_is_the_live_state(&$make);
            }
            #[test]
            fn eight_threads_sharing_one_store_lose_nothing() {
                concurrent_appends_shared_store(&$make, concat!(stringify!($name), " shared"));
            }
            #[test]
            fn eight_threads_with_their_own_store_lose_nothing() {
                concurrent_appends_separate_stores(&$make, concat!(stringify!($name), " separate"));
            }
        }
    };
}

suite!(memory, Memory::new());
suite!(jsonl, Jsonl::new());
#[cfg(feature = "sqlite")]
suite!(sqlite_file, Sqlite::file());
#[cfg(feature = "sqlite")]
suite!(sqlite_memory, Sqlite::memory());
#[cfg(feature = "postgres")]
suite!(postgres, Postgres::new());
