//! Issue 10 ("Proof and speed", item 7): deciding large inputs grows near-linearly.
//!
//! - `register_decide`: a KSDPK registered with 1 000, 10 000 and 50 000 third parties;
//! - `register_record_replay`: the same registration recorded as an audit envelope, written
//!   as its JSON line, read back and replayed;
//! - `wajib_borders`: a kerja sama wajib between 1 000, 2 000 and 8 722 regions, connected by
//!   a chain of borders (KSD-KIND-07, connected reading), every pairing allowed;
//! - `wajib_pairings_restrictive`: the same regions under a policy allowing pairing 1 only
//!   (KSD-KIND-09/-10): almost every pair is not allowed, one violation counts them.
//!
//! `nice -n 10 cargo bench --bench large_inputs -- --warm-up-time 1 --measurement-time 3`

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use kerjasama::audit::{SequentialIds, record, replay, schema};
use kerjasama::law::{RuleSet, RuleSetRegistry};
use kerjasama::lifecycle::Cooperation;
use kerjasama::sample::Step;

#[path = "../tests/large/mod.rs"]
mod large;

fn decide(step: &Step, rules: &RuleSet) -> usize {
    match Cooperation::new().decide(&step.command, &step.actor, step.on, rules) {
        Ok(events) => events.len(),
        Err(rejection) => rejection.violations().len(),
    }
}

fn count(n: usize) -> Throughput {
    Throughput::Elements(u64::try_from(n).unwrap_or(u64::MAX))
}

fn register_decide(c: &mut Criterion) {
    let mut group = c.benchmark_group("register_decide");
    group.sample_size(10);
    let rules = large::current();
    for n in [1_000, 10_000, 50_000] {
        let step = large::register_third_parties(n);
        group.throughput(count(n));
        group.bench_with_input(BenchmarkId::from_parameter(n), &step, |b, step| {
            b.iter(|| decide(step, &rules));
        });
    }
    group.finish();
}

fn register_record_replay(c: &mut Criterion) {
    let mut group = c.benchmark_group("register_record_replay");
    group.sample_size(10);
    let rules = large::current();
    let registry = RuleSetRegistry::standard();
    for n in [1_000, 10_000, 50_000] {
        let step = large::register_third_parties(n);
        let at = step.on.and_time(chrono::NaiveTime::MIN).and_utc();
        group.throughput(count(n));
        group.bench_with_input(BenchmarkId::from_parameter(n), &step, |b, step| {
            b.iter(|| {
                let envelope = record(
                    &Cooperation::new(),
                    None,
                    &step.command,
                    &step.actor,
                    step.on,
                    at,
                    &rules,
                    &mut SequentialIds::default(),
                )
                .expect("recorded");
                let line = schema::encode_envelope(&envelope);
                let read = schema::decode_envelope(&line).expect("read back");
                replay(&[read], &registry)
                    .expect("replays")
                    .differences
                    .len()
            });
        });
    }
    group.finish();
}

fn wajib(c: &mut Criterion, name: &str, rules: &RuleSet) {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    for n in [1_000, 2_000, 8_722] {
        let codes = large::region_codes(n);
        let step = large::wajib_regions(&codes, &large::chain_borders(&codes, false));
        group.throughput(count(n));
        group.bench_with_input(BenchmarkId::from_parameter(n), &step, |b, step| {
            b.iter(|| decide(step, rules));
        });
    }
    group.finish();
}

fn wajib_borders(c: &mut Criterion) {
    wajib(c, "wajib_borders", &large::current());
}

fn wajib_pairings_restrictive(c: &mut Criterion) {
    wajib(
        c,
        "wajib_pairings_restrictive",
        &large::restrictive_pairings(),
    );
}

criterion_group!(
    benches,
    register_decide,
    register_record_replay,
    wajib_borders,
    wajib_pairings_restrictive
);
criterion_main!(benches);
