//! The JSON-lines store: append as the log grows, load, list and open at 10,000
//! cooperations, each beside its floor (a bare write + fdatasync of the same bytes; a
//! directory listing).
//!
//! `cargo bench --bench store`. The logs are the C06 log (28 envelopes) re-sealed under
//! fresh ids, and longer chains cycling through its envelopes. They are written under
//! `KSD_BENCH_DIR` when set (to measure another file system), else the system's temporary
//! folder.

use std::fs::OpenOptions;
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kerjasama::audit::schema::encode_envelope;
use kerjasama::store::{EventStore, JsonlStore};

mod support;

fn base() -> Option<PathBuf> {
    std::env::var_os("KSD_BENCH_DIR").map(PathBuf::from)
}

fn c06() -> Vec<kerjasama::audit::Envelope> {
    let cases = support::cases();
    let index = cases
        .iter()
        .position(|(case, _)| case.case == "C06")
        .expect("C06");
    support::sample_logs().swap_remove(index)
}

fn append(c: &mut Criterion) {
    let log = c06();
    let dir = support::TempDir::new("append", base().as_deref());
    let (store, _) = JsonlStore::open(&dir.0).expect("store");
    let mut group = c.benchmark_group("jsonl_append");
    for length in [0usize, 27, 1_000] {
        let id = support::id(length as u64);
        let chain = support::long_chain(&log, id, length + 1);
        let (before, next) = chain.split_at(length);
        if !before.is_empty() {
            store.append(id, 0, before).expect("prefix");
        }
        let path = store.path_of(id);
        let keep = std::fs::metadata(&path).map_or(0, |m| m.len());
        // One envelope appended at sequence length + 1, then the file is cut back (not timed).
        group.bench_function(
            BenchmarkId::new("append_one_at_sequence", length + 1),
            |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let start = Instant::now();
                        store.append(id, length as u64, next).expect("append");
                        total += start.elapsed();
                        let file = OpenOptions::new().write(true).open(&path).expect("log");
                        file.set_len(keep).expect("cut");
                    }
                    total
                })
            },
        );
    }
    // The floor: the same line written at the end of a file and made durable.
    let line = format!("{}\n", encode_envelope(&log[0]));
    let floor = dir.0.join("floor.bin");
    group.bench_function("floor_write_fdatasync", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let mut file = OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&floor)
                    .expect("floor file");
                file.write_all(line.as_bytes()).expect("write");
                file.sync_data().expect("fdatasync");
                total += start.elapsed();
                file.set_len(0).expect("cut");
            }
            total
        })
    });
    group.finish();
}

fn at_scale(c: &mut Criterion) {
    const COOPERATIONS: u64 = 10_000;
    let log = c06();
    let dir = support::TempDir::new("scale", base().as_deref());
    // Written directly (the store's own encoding), not through 10,000 durable appends.
    for n in 0..COOPERATIONS {
        let id = support::id(n);
        let mut bytes = String::new();
        for envelope in support::reseal(&log, id) {
            bytes.push_str(&encode_envelope(&envelope));
            bytes.push('\n');
        }
        let path = dir.0.join(format!("{}.jsonl", id.0.hyphenated()));
        std::fs::write(path, bytes).expect("log file");
    }
    let mut group = c.benchmark_group("jsonl_10k");
    group.sample_size(10);
    group.bench_function("open", |b| {
        b.iter(|| black_box(JsonlStore::open(&dir.0).expect("open")))
    });
    let (store, _) = JsonlStore::open(&dir.0).expect("open");
    group.bench_function("list", |b| {
        b.iter(|| black_box(store.list().expect("list")))
    });
    group.bench_function("floor_read_dir", |b| {
        b.iter(|| {
            black_box(
                std::fs::read_dir(&dir.0)
                    .expect("read_dir")
                    .filter_map(Result::ok)
                    .count(),
            )
        })
    });
    group.bench_function("load_one", |b| {
        b.iter(|| black_box(store.load(support::id(4_242)).expect("load")))
    });
    group.finish();
}

criterion_group!(benches, append, at_scale);
criterion_main!(benches);
