//! National scale: every region of a synthetic Indonesia (552 regions × 20 cooperations,
//! 11,040 logs) in the PostgreSQL, SQLite and JSON-lines stores, side by side on the same
//! data. Built by CI, never run there: it needs a PostgreSQL server and minutes.
//!
//! # What is measured, for each store
//! 1. **Load** (one shot): every cooperation's whole log appended into an empty store, one
//!    append per cooperation (expected sequence 0), one writer.
//! 2. **Appends with 1, 4 and 16 writers** (criterion, `iter_custom`, group
//!    `national_append`): threads, each with a store handle of its own (its own
//!    `PostgresStore::connect_with`, hence its own connection; its own `SqliteStore::open` of
//!    the same file; its own `JsonlStore::open` of the same directory), each appending one
//!    envelope per append to in-force cooperations of its own (so the figure is throughput,
//!    never a conflict), on top of the loaded national data set. The envelopes (a
//!    `RecordLeadershipChange` each, through `audit::record`) are recorded before the clock
//!    starts. One criterion iteration is one append by every writer: criterion's
//!    `thrpt` is appends per second.
//! 3. **Register query**: the region query `RegisterQuery::all().region(r)` of every region
//!    (one shot), and one region query per criterion iteration (group
//!    `national_region_query`). PostgreSQL answers it in SQL; SQLite and JSON lines read every
//!    log (`store::scan`).
//! 4. **National evaluation** (one shot) as of the last date of the data set: per region,
//!    `Portfolio::from_store_matching(&store, region, label, &RegisterQuery::all().region(region))`
//!    (every selected log loaded and verified) then `report::evaluate` under
//!    `Policy::default()` (what `ksd evaluate` uses without `--policy`).
//!
//! The stores that scan read every log for every region: a national loop costs regions ×
//! logs loads (552 × 11,040 ≈ 6 million), about 1.5 s a region and 14 minutes a loop on the
//! build machine, so close to an hour for the two loops on the two stores. For them the
//! one-shot query and evaluation loops run over the first `KSD_NATIONAL_SCAN_REGIONS`
//! regions (default 8) and the national figure is extrapolated linearly (each region scans
//! the same logs), and printed as such; PostgreSQL always runs every region. The regions
//! measured on every store must select the same cooperations (checked).
//!
//! The one-shot PostgreSQL loops run right after the bulk load, before autovacuum has
//! analysed the new table: the criterion region query, later, is the warm figure.
//!
//! Every one-shot figure is printed as it is measured and again at the end as a Markdown
//! table, ready for BENCHMARKS.md.
//!
//! # The data (deterministic: no clock, no file read)
//! The nation: 24 provinces (codes 11–34) of 23 kab/kota each (16 kabupaten `PP.01`–`PP.16`,
//! 7 kota `PP.71`–`PP.77`), 552 regions, numbered province first (region `i` is in province
//! `i mod 24`, so a small run spans many provinces). Each region holds
//! `KSD_NATIONAL_PER_REGION` cooperations, each a sample case (`kerjasama::sample::cases()`
//! and `legacy_cases()`) drawn with a fixed seed, under an id of its own (`support::id`), its
//! region codes rewritten so that the case's home region (Sidrap, 73.14) is the national
//! region and each other code is another national region with the same relation to it: the
//! other kab/kota of Sulawesi Selatan become other kab/kota of the home region's province,
//! Sulawesi Selatan (73) its province, and each other sample province (64, 65, 71, 74) another
//! province, its kab/kota a kab/kota there (rotating with the cooperation, so partners vary).
//! The rewrite goes through the case's JSON (every string equal to a sample region code,
//! object keys included); border tables are rebuilt from the rewritten pairs. Each log is then
//! recorded once with `Scenario::record_log` (the law decides every step again); a cooperation
//! whose log is refused would be replaced by the next case and reported (none is today).
//!
//! The cases are drawn evenly, so the logs have the sample's mix of procedures (2 to 28
//! envelopes, 13.7 on average: 150,981 envelopes at full scale). A national register's
//! cooperations run for years: the logs in force are then padded with leadership changes
//! (recorded through the law like any step) until the logs average
//! `KSD_NATIONAL_ENVELOPES_PER_LOG` envelopes (default 28: 309,120 envelopes at full scale,
//! the ~300,000 the issue asks for; 0 pads nothing).
//!
//! # Running
//! ```text
//! scripts/with-postgres cargo bench --all-features --bench national
//! KSD_NATIONAL_REGIONS=20 scripts/with-postgres cargo bench --all-features --bench national
//! ```
//!
//! * `KSD_POSTGRES_URL`: the server (set by `scripts/with-postgres`; required). The tables go
//!   to a fresh schema `bench_national_<pid>`, dropped at the end.
//! * `KSD_NATIONAL_REGIONS` (default 552, at most 552) and `KSD_NATIONAL_PER_REGION`
//!   (default 20): the scale.
//! * `KSD_NATIONAL_CASES` (default: every case): the sample cases drawn, by id, separated by
//!   commas (`C06`, `C01,C06,C10`).
//! * `KSD_NATIONAL_ENVELOPES_PER_LOG` (default 28): the average log length padding reaches.
//! * `KSD_NATIONAL_SCAN_REGIONS` (default 8): the regions the scanning stores' one-shot query
//!   and evaluation loops measure (all of them when it is at least `KSD_NATIONAL_REGIONS`).
//! * `KSD_BENCH_DIR`: where the SQLite file and the JSON-lines directory go (default: the
//!   system's temporary folder); removed at the end.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use kerjasama::audit::{Envelope, IdSource, record};
use kerjasama::law::{Policy, RuleSet};
use kerjasama::lifecycle::{Command, Cooperation, Stage};
use kerjasama::model::{BorderTable, CooperationId, KodeWilayah, PartyId};
use kerjasama::report::{Portfolio, evaluate};
use kerjasama::sample::{self, SampleRegion, Scenario};
use kerjasama::store::postgres::PostgresOptions;
use kerjasama::store::{EventStore, JsonlStore, PostgresStore, RegisterQuery, SqliteStore};
use serde_json::Value;

mod support;

/// Provinces of the synthetic nation (codes 11 to 34).
const PROVINCES: usize = 24;
/// Kab/kota per province: 16 kabupaten and 7 kota.
const PER_PROVINCE: usize = 23;
/// Every region of the nation: 552, as many as Indonesia's regional governments.
const NATION: usize = PROVINCES * PER_PROVINCE;
/// The writer counts of the append benchmark.
const WRITERS: [usize; 3] = [1, 4, 16];
/// In-force cooperations the writers append to (each writer its own share).
const CHAINS: usize = 64;
/// The seed of the case drawn for each cooperation.
const SEED: u64 = 0x6e61_7469_6f6e_616c;

/// The scale of a run, from the environment.
#[derive(Debug, Clone, Copy)]
struct Scale {
    regions: usize,
    per_region: usize,
    scan_regions: usize,
    /// The average log length the in-force logs are padded to reach (0: no padding).
    envelopes_per_log: usize,
}

impl Scale {
    fn from_env() -> Self {
        let read = |name: &str, default: usize| -> usize {
            match std::env::var(name) {
                Ok(text) => text.trim().parse().unwrap_or_else(|_| {
                    panic!("{name}={text:?}: expected a whole number of regions or cooperations")
                }),
                Err(_) => default,
            }
        };
        let regions = read("KSD_NATIONAL_REGIONS", NATION);
        let per_region = read("KSD_NATIONAL_PER_REGION", 20);
        let scan_regions = read("KSD_NATIONAL_SCAN_REGIONS", 8).min(regions);
        let envelopes_per_log = read("KSD_NATIONAL_ENVELOPES_PER_LOG", 28);
        assert!(
            (1..=NATION).contains(&regions),
            "KSD_NATIONAL_REGIONS must be 1 to {NATION} (the synthetic nation's regions)"
        );
        assert!(
            per_region >= 1,
            "KSD_NATIONAL_PER_REGION must be at least 1"
        );
        assert!(
            scan_regions >= 1,
            "KSD_NATIONAL_SCAN_REGIONS must be at least 1"
        );
        Scale {
            regions,
            per_region,
            scan_regions,
            envelopes_per_log,
        }
    }
}

fn province_number(province: usize) -> u8 {
    11 + u8::try_from(province).expect("fewer than 89 provinces")
}

fn regency_number(slot: usize) -> u8 {
    let slot = u8::try_from(slot).expect("fewer than 24 slots");
    if slot < 16 { slot + 1 } else { 71 + slot - 16 }
}

/// The kab/kota in slot `slot` of province `province` (both from 0).
fn kab_kota(province: usize, slot: usize) -> KodeWilayah {
    KodeWilayah::new_kab_kota(province_number(province), regency_number(slot))
        .expect("a valid synthetic kab/kota code")
}

/// Region `i` of the nation (province first).
fn national_region(i: usize) -> KodeWilayah {
    kab_kota(i % PROVINCES, i / PROVINCES)
}

/// The national code of every sample region code, for the `k`-th cooperation of region
/// `home`: Sidrap becomes the region, the rest keeps its relation to it (module docs).
fn code_map(home: usize, k: usize) -> HashMap<String, String> {
    let (home_province, home_slot) = (home % PROVINCES, home / PROVINCES);
    let sidrap = KodeWilayah::SIDRAP;
    let mut provinces: Vec<KodeWilayah> = SampleRegion::ALL
        .iter()
        .map(|region| region.code().province())
        .collect();
    provinces.sort();
    provinces.dedup();
    provinces.retain(|p| *p != sidrap.province());
    provinces.insert(0, sidrap.province());
    let mut map = HashMap::new();
    for (j, province) in provinces.iter().enumerate() {
        let p = if j == 0 {
            home_province
        } else {
            (home_province + 1 + (k + j - 1) % (PROVINCES - 1)) % PROVINCES
        };
        let code = KodeWilayah::new_province(province_number(p)).expect("a valid province");
        map.insert(province.to_string(), code.to_string());
        let mut members: Vec<KodeWilayah> = SampleRegion::ALL
            .iter()
            .map(|region| region.code())
            .filter(|code| code.level().is_kab_kota() && code.is_within(*province))
            .filter(|code| *code != sidrap)
            .collect();
        members.sort();
        for (m, member) in members.iter().enumerate() {
            let slot = if j == 0 {
                (home_slot + 1 + (k + m) % (PER_PROVINCE - 1)) % PER_PROVINCE
            } else {
                (home_slot + k + m) % PER_PROVINCE
            };
            map.insert(member.to_string(), kab_kota(p, slot).to_string());
        }
    }
    map.insert(sidrap.to_string(), national_region(home).to_string());
    map
}

/// Replaces every string (and object key) of `value` found in `map`.
fn remap(value: &mut Value, map: &HashMap<String, String>) {
    match value {
        Value::String(text) => {
            if let Some(to) = map.get(text.as_str()) {
                text.clone_from(to);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| remap(item, map)),
        Value::Object(fields) => {
            for (key, mut item) in std::mem::take(fields) {
                remap(&mut item, map);
                fields.insert(map.get(&key).cloned().unwrap_or(key), item);
            }
        }
        _ => {}
    }
}

/// `case` moved to the region `home` (its `k`-th cooperation) under the id `id`.
fn nationalise(case: &Value, home: usize, k: usize, id: CooperationId) -> Scenario {
    let mut value = case.clone();
    remap(&mut value, &code_map(home, k));
    let mut scenario: Scenario = serde_json::from_value(value).expect("a rewritten scenario");
    for step in &mut scenario.steps {
        if let Command::Register { spec } = &mut step.command {
            // A border table keeps each pair lower code first: rebuild it after the rewrite.
            let mut borders = BorderTable::new();
            for (a, b) in spec.borders.pairs() {
                borders.insert(a, b);
            }
            spec.borders = borders;
            assert!(
                spec.has_party(&PartyId::Region(national_region(home))),
                "{}: the rewritten case does not involve its region",
                scenario.case
            );
        }
    }
    support::with_id(&scenario, id)
}

/// One generated cooperation.
struct Generated {
    id: CooperationId,
    /// Index of its home region.
    home: usize,
    /// Index of its case in `support::cases()`.
    case: usize,
    log: Vec<Envelope>,
}

/// The generated national data set.
struct National {
    regions: Vec<KodeWilayah>,
    cooperations: Vec<Generated>,
    envelopes: usize,
    /// The last date of the data set: the evaluation's date.
    as_of: NaiveDate,
    cases: Vec<(Scenario, RuleSet)>,
    seconds: f64,
}

/// The indices in `cases` of the cases to draw: `KSD_NATIONAL_CASES` (case ids separated by
/// commas, e.g. `C06`), else every case.
fn drawable(cases: &[(Scenario, RuleSet)]) -> Vec<usize> {
    let Ok(list) = std::env::var("KSD_NATIONAL_CASES") else {
        return (0..cases.len()).collect();
    };
    let known: Vec<&str> = cases.iter().map(|(case, _)| case.case.as_str()).collect();
    list.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| {
            known.iter().position(|k| *k == name).unwrap_or_else(|| {
                panic!("KSD_NATIONAL_CASES: no sample case {name:?} (the cases are {known:?})")
            })
        })
        .collect()
}

fn generate(scale: Scale) -> National {
    let start = Instant::now();
    let cases = support::cases();
    let values: Vec<Value> = cases
        .iter()
        .map(|(case, _)| serde_json::to_value(case).expect("a scenario in JSON"))
        .collect();
    let drawable = drawable(&cases);
    assert!(!drawable.is_empty(), "KSD_NATIONAL_CASES names no case");
    let mut rng = support::SplitMix(SEED);
    let mut cooperations = Vec::with_capacity(scale.regions * scale.per_region);
    let mut refused: HashMap<String, usize> = HashMap::new();
    for home in 0..scale.regions {
        for k in 0..scale.per_region {
            let n = (home * scale.per_region + k) as u64;
            let id = support::id(n);
            let first = rng.below(drawable.len());
            // A refused log is replaced by the next case drawable (and reported).
            let (case, log) = (0..drawable.len())
                .find_map(|attempt| {
                    let case = drawable[(first + attempt) % drawable.len()];
                    let scenario = nationalise(&values[case], home, k, id);
                    match scenario.record_log() {
                        Ok(log) => Some((case, log)),
                        Err(error) => {
                            *refused
                                .entry(format!("{}: {error}", scenario.case))
                                .or_default() += 1;
                            None
                        }
                    }
                })
                .unwrap_or_else(|| panic!("region {home}: the law refuses every case drawable"));
            cooperations.push(Generated {
                id,
                home,
                case,
                log,
            });
        }
    }
    let padded = pad(&mut cooperations, &cases, scale.envelopes_per_log);
    let envelopes = cooperations.iter().map(|c| c.log.len()).sum();
    let as_of = cooperations
        .iter()
        .flat_map(|c| c.log.iter().map(|e| e.occurred_on))
        .max()
        .expect("at least one envelope");
    let seconds = start.elapsed().as_secs_f64();
    for (reason, count) in &refused {
        println!("national generator: {count} cooperation(s) refused and replaced: {reason}");
    }
    println!(
        "national generator: {} logs, {envelopes} envelopes ({padded} of them leadership \
         changes added to in-force logs to reach {} a log on average), {seconds:.2} s",
        cooperations.len(),
        scale.envelopes_per_log
    );
    National {
        regions: (0..scale.regions).map(national_region).collect(),
        cooperations,
        envelopes,
        as_of,
        cases,
        seconds,
    }
}

/// Pads the in-force logs with leadership changes (the administration a cooperation in force
/// accumulates: every change of regional head is recorded) until the
/// logs average `per_log` envelopes, spread evenly over the in-force logs; returns how many
/// envelopes were added. The sample cases average 13.7 envelopes; the national register's
/// cooperations run for years.
fn pad(cooperations: &mut [Generated], cases: &[(Scenario, RuleSet)], per_log: usize) -> usize {
    let total: usize = cooperations.iter().map(|c| c.log.len()).sum();
    let wanted = per_log * cooperations.len();
    if wanted <= total {
        return 0;
    }
    let states: Vec<Option<Cooperation>> = cooperations
        .iter()
        .map(|generated| {
            let coop = Cooperation::from_events(generated.log.iter().flat_map(|e| e.events.iter()));
            (coop.stage() == Stage::InForce).then_some(coop)
        })
        .collect();
    let in_force = states.iter().filter(|s| s.is_some()).count();
    if in_force == 0 {
        return 0;
    }
    let extra = wanted - total;
    let mut added = 0;
    for (rank, (generated, state)) in cooperations
        .iter_mut()
        .zip(states)
        .filter_map(|(g, s)| s.map(|s| (g, s)))
        .enumerate()
    {
        let count = extra / in_force + usize::from(rank < extra % in_force);
        let mut chain = Chain {
            home: national_region(generated.home),
            rules: cases[generated.case].1.clone(),
            coop: state,
            head: generated.log.last().expect("a non-empty log").clone(),
            ids: ChainIds {
                tag: u16::try_from(rank % 65_536).expect("below 65536"),
                // Apart from the counters of the writers' chains (which start at 0).
                next: 1 << 40,
            },
        };
        for _ in 0..count {
            let envelope = chain
                .record_next()
                .expect("a leadership change is accepted in force");
            generated.log.push(envelope);
            added += 1;
        }
    }
    added
}

/// A store handle, whichever the store.
type Handle = Box<dyn EventStore + Send + Sync>;

/// One of the three stores, and how to open a handle on it.
enum Backend {
    Postgres {
        url: String,
        options: PostgresOptions,
    },
    Sqlite(PathBuf),
    Jsonl(PathBuf),
}

impl Backend {
    fn name(&self) -> &'static str {
        match self {
            Backend::Postgres { .. } => "postgres",
            Backend::Sqlite(_) => "sqlite",
            Backend::Jsonl(_) => "jsonl",
        }
    }

    /// Whether the store answers a register query by reading every log.
    fn scans(&self) -> bool {
        !matches!(self, Backend::Postgres { .. })
    }

    /// A new handle: its own connection (pool) or file handle.
    fn open(&self) -> Handle {
        match self {
            Backend::Postgres { url, options } => {
                Box::new(PostgresStore::connect_with(url, options).expect("connect to PostgreSQL"))
            }
            Backend::Sqlite(path) => Box::new(SqliteStore::open(path).expect("open SQLite")),
            Backend::Jsonl(dir) => Box::new(JsonlStore::open(dir).expect("open JSON lines").0),
        }
    }
}

/// Ids of the envelopes the writers record: UUID v7 with the chain and a counter.
#[derive(Clone)]
struct ChainIds {
    tag: u16,
    next: u64,
}

impl IdSource for ChainIds {
    fn next_id(&mut self, recorded_at: chrono::DateTime<chrono::Utc>) -> uuid::Uuid {
        self.next += 1;
        let millis = u64::try_from(recorded_at.timestamp_millis()).unwrap_or(0);
        let mut random = [0u8; 10];
        random[..2].copy_from_slice(&self.tag.to_be_bytes());
        random[2..].copy_from_slice(&self.next.to_be_bytes());
        uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
    }
}

/// An in-force cooperation a writer appends leadership changes to, with its state and head.
#[derive(Clone)]
struct Chain {
    home: KodeWilayah,
    rules: RuleSet,
    coop: Cooperation,
    head: Envelope,
    ids: ChainIds,
}

impl Chain {
    /// The next envelope of the chain, recorded (not appended): a leadership change of the
    /// home region, on the date of the log's last envelope.
    fn record_next(&mut self) -> Result<Envelope, kerjasama::lifecycle::Rejection> {
        let command = Command::RecordLeadershipChange {
            party: PartyId::Region(self.home),
            new_office_holder: format!("Pj. kepala daerah {} #{}", self.home, self.ids.next),
        };
        let envelope = record(
            &self.coop,
            Some(&self.head),
            &command,
            &sample::clerk(self.home),
            self.head.occurred_on,
            self.head.recorded_at + chrono::Duration::seconds(1),
            &self.rules,
            &mut self.ids,
        )?;
        for event in &envelope.events {
            self.coop.apply(event);
        }
        self.head = envelope.clone();
        Ok(envelope)
    }
}

/// `CHAINS` in-force cooperations spread over the data set that accept a leadership change.
fn chains(national: &National) -> Vec<Chain> {
    let mut candidates = Vec::new();
    for (index, generated) in national.cooperations.iter().enumerate() {
        let mut coop = Cooperation::new();
        for event in generated.log.iter().flat_map(|e| e.events.iter()) {
            coop.apply(event);
        }
        if coop.stage() != Stage::InForce {
            continue;
        }
        let chain = Chain {
            home: national.regions[generated.home],
            rules: national.cases[generated.case].1.clone(),
            coop,
            head: generated.log.last().expect("a non-empty log").clone(),
            ids: ChainIds {
                tag: u16::try_from(index % 65_536).expect("below 65536"),
                next: 0,
            },
        };
        // Probe on a copy: the chain itself starts at the loaded head.
        if chain.clone().record_next().is_ok() {
            candidates.push(chain);
        }
    }
    assert!(
        candidates.len() >= WRITERS[WRITERS.len() - 1],
        "only {} in-force cooperations accept a leadership change: raise the scale",
        candidates.len()
    );
    let step = (candidates.len() / CHAINS).max(1);
    candidates.into_iter().step_by(step).take(CHAINS).collect()
}

/// One row of the summary table.
struct Row {
    what: String,
    store: &'static str,
    items: String,
    seconds: f64,
    rate: String,
}

fn print_row(row: &Row) {
    println!(
        "national | {} | {} | {} | {:.3} s | {}",
        row.what, row.store, row.items, row.seconds, row.rate
    );
}

fn per(seconds: f64, count: usize, unit: &str) -> String {
    let count = count.max(1) as f64;
    let units = match unit.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{unit}s"),
    };
    let rate = count / seconds;
    // Two decimals below 10 per second (a scan of every log per region), none above.
    let decimals = if rate < 10.0 { 2 } else { 0 };
    format!(
        "{:.3} ms/{unit}, {rate:.decimals$} {units}/s",
        seconds * 1e3 / count
    )
}

/// Appends every log into the empty store behind `handle`.
fn load(handle: &Handle, national: &National) -> f64 {
    let start = Instant::now();
    for generated in &national.cooperations {
        handle
            .append(generated.id, 0, &generated.log)
            .unwrap_or_else(|error| panic!("load {}: {error}", generated.id));
    }
    start.elapsed().as_secs_f64()
}

/// The regions a one-shot loop measures on `backend`.
fn measured_regions(backend: &Backend, scale: Scale) -> usize {
    if backend.scans() {
        scale.scan_regions
    } else {
        scale.regions
    }
}

/// How a one-shot loop over `measured` of `regions` regions is labelled, and the factor
/// from it to the national figure.
fn extrapolation(measured: usize, regions: usize) -> (String, f64) {
    if measured == regions {
        (format!("{regions} regions"), 1.0)
    } else {
        (
            format!("{regions} regions (extrapolated ×{regions}/{measured} from {measured})"),
            regions as f64 / measured as f64,
        )
    }
}

/// The region query of the first `measured` regions: the seconds, and the count of each.
fn query_all(handle: &Handle, national: &National, measured: usize) -> (f64, Vec<usize>) {
    let start = Instant::now();
    let counts = national.regions[..measured]
        .iter()
        .map(|region| {
            handle
                .query(&RegisterQuery::all().region(*region))
                .expect("region query")
                .len()
        })
        .collect();
    (start.elapsed().as_secs_f64(), counts)
}

/// What the national evaluation over some regions took and found.
struct Evaluation {
    read_seconds: f64,
    evaluate_seconds: f64,
    entries: Vec<usize>,
    registered: usize,
}

fn evaluate_all(
    handle: &Handle,
    label: &str,
    national: &National,
    measured: usize,
    policy: &Policy,
) -> Evaluation {
    let store: &(dyn EventStore + Send + Sync) = &**handle;
    let mut evaluation = Evaluation {
        read_seconds: 0.0,
        evaluate_seconds: 0.0,
        entries: Vec::with_capacity(measured),
        registered: 0,
    };
    for region in &national.regions[..measured] {
        let query = RegisterQuery::all().region(*region);
        let start = Instant::now();
        let portfolio = Portfolio::from_store_matching(&store, *region, label, &query)
            .unwrap_or_else(|error| panic!("portfolio of {region} in {label}: {error}"));
        let read = Instant::now();
        let report = evaluate(&portfolio, national.as_of, policy)
            .unwrap_or_else(|error| panic!("evaluation of {region} in {label}: {error}"));
        evaluation.evaluate_seconds += read.elapsed().as_secs_f64();
        evaluation.read_seconds += (read - start).as_secs_f64();
        evaluation.entries.push(portfolio.entries.len());
        evaluation.registered += report.register.len();
        black_box(report);
    }
    evaluation
}

/// One region query per iteration, over the regions in turn.
fn bench_region_query(c: &mut Criterion, stores: &[(Backend, Handle)], national: &National) {
    let mut group = c.benchmark_group("national_region_query");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Elements(1));
    for (backend, handle) in stores {
        let mut next = 0usize;
        group.bench_function(BenchmarkId::from_parameter(backend.name()), |b| {
            b.iter(|| {
                let region = national.regions[next % national.regions.len()];
                next += 1;
                black_box(
                    handle
                        .query(&RegisterQuery::all().region(region))
                        .expect("region query"),
                )
            })
        });
    }
    group.finish();
}

/// Each writer (thread) appends its envelopes, one per append, through its own handle;
/// the time from the start line to the last writer's end.
fn run_writers(handles: &[Handle], work: &[Vec<Envelope>]) -> Duration {
    let barrier = Barrier::new(work.len() + 1);
    std::thread::scope(|scope| {
        let threads: Vec<_> = handles
            .iter()
            .zip(work)
            .map(|(handle, envelopes)| {
                let barrier = &barrier;
                scope.spawn(move || {
                    barrier.wait();
                    for envelope in envelopes {
                        let id = envelope.cooperation_id;
                        handle
                            .append(id, envelope.sequence - 1, std::slice::from_ref(envelope))
                            .unwrap_or_else(|error| panic!("append to {id}: {error}"));
                    }
                })
            })
            .collect();
        barrier.wait();
        let start = Instant::now();
        for thread in threads {
            thread.join().expect("a writer thread");
        }
        start.elapsed()
    })
}

/// Appends with 1, 4 and 16 writers; returns the appends and seconds of every timed run.
fn bench_appends(
    c: &mut Criterion,
    stores: &[(Backend, Handle)],
    national: &National,
) -> Vec<(&'static str, usize, u64, Duration)> {
    let mut tallies = Vec::new();
    let mut group = c.benchmark_group("national_append");
    group.sample_size(10);
    for (backend, _) in stores {
        // A handle per writer, each connected before the clock runs.
        let handles: Vec<Handle> = (0..WRITERS[WRITERS.len() - 1])
            .map(|_| backend.open())
            .collect();
        let mut chains = chains(national);
        for (handle, chain) in handles.iter().zip(chains.iter().cycle()) {
            black_box(
                handle
                    .load(chain.head.cooperation_id)
                    .expect("warm a handle"),
            );
        }
        for writers in WRITERS {
            let tally = Cell::new((0u64, Duration::ZERO));
            group.throughput(Throughput::Elements(writers as u64));
            group.bench_function(BenchmarkId::new(backend.name(), writers), |b| {
                b.iter_custom(|iters| {
                    let per_writer = usize::try_from(iters).expect("iterations fit usize");
                    // Not timed: every envelope of the run recorded, one per append.
                    let work: Vec<Vec<Envelope>> = (0..writers)
                        .map(|w| {
                            let mine: Vec<usize> = (w..chains.len()).step_by(writers).collect();
                            (0..per_writer)
                                .map(|j| {
                                    chains[mine[j % mine.len()]]
                                        .record_next()
                                        .expect("a leadership change on an in-force cooperation")
                                })
                                .collect()
                        })
                        .collect();
                    let elapsed = run_writers(&handles, &work);
                    let (appends, time) = tally.get();
                    tally.set((appends + iters * writers as u64, time + elapsed));
                    elapsed
                })
            });
            let (appends, time) = tally.get();
            tallies.push((backend.name(), writers, appends, time));
        }
    }
    group.finish();
    tallies
}

fn postgres_url() -> String {
    std::env::var("KSD_POSTGRES_URL").unwrap_or_else(|_| {
        panic!(
            "KSD_POSTGRES_URL is not set: the national benchmark compares PostgreSQL with the \
             other stores and needs a server; run it through scripts/with-postgres \
             (`scripts/with-postgres cargo bench --all-features --bench national`)"
        )
    })
}

/// Drops the benchmark's schema (the store's trigger refuses DELETE and TRUNCATE, not DROP).
fn drop_schema(url: &str, schema: &str) {
    let config: postgres::Config = url.parse().expect("a PostgreSQL URL");
    match config.connect(postgres::NoTls) {
        Ok(mut client) => {
            if let Err(error) = client.batch_execute(&format!("DROP SCHEMA {schema} CASCADE")) {
                eprintln!("national: could not drop schema {schema}: {error}");
            }
        }
        Err(error) => eprintln!("national: could not drop schema {schema}: {error}"),
    }
}

fn main() {
    // `cargo bench -- --list`: the names, without a server or the data set.
    if std::env::args().any(|arg| arg == "--list") {
        for store in ["postgres", "sqlite", "jsonl"] {
            println!("national_region_query/{store}: benchmark");
        }
        for store in ["postgres", "sqlite", "jsonl"] {
            for writers in WRITERS {
                println!("national_append/{store}/{writers}: benchmark");
            }
        }
        return;
    }
    let scale = Scale::from_env();
    let url = postgres_url();
    let base = std::env::var_os("KSD_BENCH_DIR").map(PathBuf::from);
    let dir = support::TempDir::new("national", base.as_deref());
    let schema = format!("bench_national_{}", std::process::id());
    let mut criterion = Criterion::default().configure_from_args();

    let national = generate(scale);
    let logs = national.cooperations.len();
    let mut case_counts: Vec<(String, usize, usize)> = national
        .cases
        .iter()
        .map(|(case, _)| (case.case.clone(), 0, 0))
        .collect();
    for generated in &national.cooperations {
        case_counts[generated.case].1 += 1;
        case_counts[generated.case].2 = generated.log.len();
    }
    println!(
        "national data: {} regions × {} cooperations = {logs} logs, {} envelopes \
         ({:.1} per log), generated and recorded in {:.2} s ({:.1} µs/envelope); \
         evaluation date {}",
        scale.regions,
        scale.per_region,
        national.envelopes,
        national.envelopes as f64 / logs as f64,
        national.seconds,
        national.seconds * 1e6 / national.envelopes as f64,
        national.as_of
    );
    for (case, count, length) in &case_counts {
        println!("national data: {case}: {count} logs of {length} envelopes");
    }

    let options = PostgresOptions::default()
        .schema(schema.clone())
        .pool_size(16);
    let backends = [
        Backend::Postgres {
            url: url.clone(),
            options,
        },
        Backend::Sqlite(dir.0.join("national.sqlite")),
        Backend::Jsonl(dir.0.join("jsonl")),
    ];
    let mut rows: Vec<Row> = vec![Row {
        what: "generate + record".into(),
        store: "-",
        items: format!("{logs} logs, {} envelopes", national.envelopes),
        seconds: national.seconds,
        rate: per(national.seconds, national.envelopes, "envelope"),
    }];
    let mut stores: Vec<(Backend, Handle)> = Vec::new();

    // 1. Load.
    for backend in backends {
        let handle = backend.open();
        let seconds = load(&handle, &national);
        let row = Row {
            what: "load (one append per log)".into(),
            store: backend.name(),
            items: format!("{logs} logs, {} envelopes", national.envelopes),
            seconds,
            rate: format!(
                "{}; {:.0} envelopes/s",
                per(seconds, logs, "log"),
                national.envelopes as f64 / seconds
            ),
        };
        print_row(&row);
        rows.push(row);
        stores.push((backend, handle));
    }

    // 3 and 4. Register query and national evaluation, one shot.
    let policy = Policy::default();
    let mut reference: Option<(Vec<usize>, Vec<usize>)> = None;
    for (backend, handle) in &stores {
        let measured = measured_regions(backend, scale);
        let (label, factor) = extrapolation(measured, scale.regions);
        let (seconds, counts) = query_all(handle, &national, measured);
        let row = Row {
            what: "region query".into(),
            store: backend.name(),
            items: label.clone(),
            seconds: seconds * factor,
            rate: per(seconds, measured, "query"),
        };
        print_row(&row);
        rows.push(row);
        let evaluation = evaluate_all(handle, backend.name(), &national, measured, &policy);
        let total = evaluation.read_seconds + evaluation.evaluate_seconds;
        let entries: usize = evaluation.entries.iter().sum();
        for (what, seconds) in [
            ("national evaluation (read + verify + evaluate)", total),
            ("  of which from_store_matching", evaluation.read_seconds),
            ("  of which evaluate", evaluation.evaluate_seconds),
        ] {
            let row = Row {
                what: what.into(),
                store: backend.name(),
                items: format!(
                    "{label}, {entries} portfolio entries, {} in registers",
                    evaluation.registered
                ),
                seconds: seconds * factor,
                rate: per(seconds, measured, "region"),
            };
            print_row(&row);
            rows.push(row);
        }
        // Every store selects the same cooperations for the same region.
        match &reference {
            None => reference = Some((counts, evaluation.entries)),
            Some((query_counts, entry_counts)) => {
                assert_eq!(
                    &query_counts[..measured],
                    &counts[..],
                    "{}: region queries disagree with postgres",
                    backend.name()
                );
                assert_eq!(
                    &entry_counts[..measured],
                    &evaluation.entries[..],
                    "{}: portfolios disagree with postgres",
                    backend.name()
                );
            }
        }
    }

    // 3 again, repeated: one region query per iteration.
    bench_region_query(&mut criterion, &stores, &national);

    // 2. Appends with 1, 4 and 16 writers (last: they add envelopes to the data set).
    let tallies = bench_appends(&mut criterion, &stores, &national);
    for (store, writers, appends, time) in tallies {
        let seconds = time.as_secs_f64();
        let row = Row {
            what: format!("appends, {writers} writer(s), 1 envelope each (all timed runs)"),
            store,
            items: format!("{appends} appends"),
            seconds,
            rate: format!(
                "{:.0} appends/s, {:.3} ms/append per writer",
                appends as f64 / seconds,
                seconds * 1e3 * writers as f64 / appends.max(1) as f64
            ),
        };
        print_row(&row);
        rows.push(row);
    }
    criterion.final_summary();

    let mut table = format!(
        "\n### National scale: {} regions × {} cooperations, {logs} logs, {} envelopes \
         (evaluation as of {})\n\n| measurement | store | items | seconds | rate |\n|---|---|---|---:|---|\n",
        scale.regions, scale.per_region, national.envelopes, national.as_of
    );
    for row in &rows {
        let _ = writeln!(
            table,
            "| {} | {} | {} | {:.3} | {} |",
            row.what, row.store, row.items, row.seconds, row.rate
        );
    }
    println!("{table}");

    drop(stores);
    drop_schema(&url, &schema);
}
