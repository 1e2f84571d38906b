//! Guarded decide + apply per transition, beside a bare state machine over the same walk.
//!
//! `cargo bench --bench lifecycle`. The walk is at least 1,000,000 commands: whole runs of the
//! sample cases (RULES.md §13.2) picked at random with a fixed seed, each from a new
//! cooperation, so every command is one the table accepts. The floor is a bare machine over
//! the same stages and commands: one lookup in a dense (stage, command) → stage table per
//! command, no guards, no events.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kerjasama::lifecycle::Cooperation;

mod support;

fn transitions(c: &mut Criterion) {
    let walk = support::Walk::new(1_000_000, 2026);
    let mut group = c.benchmark_group("transition");
    group.throughput(Throughput::Elements(walk.commands as u64));
    group.sample_size(10);
    group.bench_function("decide_apply/walk_1M", |b| {
        b.iter(|| black_box(walk.decide_apply()))
    });
    group.bench_function("floor_bare_machine/walk_1M", |b| {
        b.iter(|| black_box(walk.bare()))
    });
    group.finish();

    // The figure: C06 (the regional landfill, 28 steps) alone.
    let (c06, rules) = support::runnable_cases()
        .into_iter()
        .find(|(case, _)| case.case == "C06")
        .expect("C06");
    let mut group = c.benchmark_group("transition_c06");
    group.throughput(Throughput::Elements(c06.steps.len() as u64));
    group.bench_function("decide_apply", |b| {
        b.iter(|| {
            let mut coop = Cooperation::new();
            for step in &c06.steps {
                let events = coop
                    .decide(&step.command, &step.actor, step.on, &rules)
                    .expect("C06 step");
                for event in &events {
                    coop.apply(event);
                }
            }
            black_box(coop)
        })
    });
    group.finish();
}

criterion_group!(benches, transitions);
criterion_main!(benches);
