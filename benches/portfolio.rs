//! The time views of a portfolio: validity, the evaluations due and the deadlines of every
//! cooperation on one date, for 1,000, 10,000 and 50,000 cooperations.
//!
//! `cargo bench --bench portfolio`. The portfolio is the sample cases (RULES.md §13.2) in
//! turn, each under its own id, in its final state; the date is the Sidrap evaluation
//! meeting's, 14 August 2024, with the Indonesian working-day calendar.

use std::hint::black_box;

use chrono::{Datelike, NaiveDate};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kerjasama::time::{Calendar, deadlines, evaluations_due, validity};

mod support;

fn views(c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2024, 8, 14).expect("date");
    let calendar = Calendar::indonesia().expect("calendar");
    let mut group = c.benchmark_group("portfolio_views");
    group.sample_size(20);
    for n in [1_000, 10_000, 50_000] {
        let portfolio = support::portfolio(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("all_three", n), &portfolio, |b, p| {
            b.iter(|| {
                for (coop, rules) in p {
                    black_box(validity(coop, as_of, &rules.policy));
                    black_box(evaluations_due(coop, as_of.year(), as_of, &rules.policy));
                    black_box(deadlines(coop, as_of, &rules.policy, Some(&calendar)).ok());
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("validity", n), &portfolio, |b, p| {
            b.iter(|| {
                for (coop, rules) in p {
                    black_box(validity(coop, as_of, &rules.policy));
                }
            })
        });
        group.bench_with_input(
            BenchmarkId::new("evaluations_due", n),
            &portfolio,
            |b, p| {
                b.iter(|| {
                    for (coop, rules) in p {
                        black_box(evaluations_due(coop, as_of.year(), as_of, &rules.policy));
                    }
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("deadlines", n), &portfolio, |b, p| {
            b.iter(|| {
                for (coop, rules) in p {
                    black_box(deadlines(coop, as_of, &rules.policy, Some(&calendar)).ok());
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, views);
criterion_main!(benches);
