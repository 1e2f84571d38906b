//! Replay (chain check and re-decision) beside SHA-256 of the same bytes, and envelope
//! encoding and decoding beside plain `serde_json`.
//!
//! `cargo bench --bench audit`. Inputs: the audit logs of every sample case (RULES.md §13.2,
//! C01–C10), as `Scenario::record_log` records them.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kerjasama::audit::schema::{decode_envelope, encode_envelope};
use kerjasama::audit::{Envelope, replay};
use kerjasama::law::RuleSetRegistry;
use sha2::{Digest, Sha256};

mod support;

fn replay_bench(c: &mut Criterion) {
    let registry = RuleSetRegistry::standard();
    let logs = support::sample_logs();
    let lines: Vec<Vec<String>> = logs
        .iter()
        .map(|log| log.iter().map(encode_envelope).collect())
        .collect();
    let envelopes: usize = logs.iter().map(Vec::len).sum();
    let bytes: usize = lines.iter().flatten().map(String::len).sum();

    let mut group = c.benchmark_group("replay");
    group.throughput(Throughput::Elements(envelopes as u64));
    group.bench_function("replay/all_samples", |b| {
        b.iter(|| {
            for log in &logs {
                black_box(replay(log, &registry).expect("sample log replays"));
            }
        })
    });
    // The floor: SHA-256 of every stored line, one hash per envelope as the chain needs.
    group.bench_function("floor_sha256/all_samples", |b| {
        b.iter(|| {
            for line in lines.iter().flatten() {
                black_box(Sha256::digest(line.as_bytes()));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("envelope");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("decode/store_path", |b| {
        b.iter(|| {
            for line in lines.iter().flatten() {
                black_box(decode_envelope(line).expect("stored line"));
            }
        })
    });
    group.bench_function("floor_decode/serde_json_from_str", |b| {
        b.iter(|| {
            for line in lines.iter().flatten() {
                black_box(serde_json::from_str::<Envelope>(line).expect("stored line"));
            }
        })
    });
    group.bench_function("encode/line", |b| {
        b.iter(|| {
            for envelope in logs.iter().flatten() {
                black_box(encode_envelope(envelope));
            }
        })
    });
    group.bench_function("encode/hash", |b| {
        b.iter(|| {
            for envelope in logs.iter().flatten() {
                black_box(envelope.computed_hash());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, replay_bench);
criterion_main!(benches);
