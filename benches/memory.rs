//! Memory per cooperation and allocations per transition, counted by a counting allocator
//! (`stats_alloc` wrapping the system allocator).
//!
//! `cargo bench --bench memory` prints, for every sample case (RULES.md §13.2) in its final
//! state, the bytes a cooperation takes (`size_of::<Cooperation>()` plus the heap it keeps
//! after being built by deciding and applying its commands), the same for 10,000 in-force
//! cooperations held together, and the allocations per decide + apply.

use std::alloc::System;
use std::mem::size_of;

use kerjasama::lifecycle::{Cooperation, Stage};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

mod support;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Net heap bytes still held since `region` began.
fn retained(region: &Region<'_, System>) -> i128 {
    let change = region.change();
    change.bytes_allocated as i128 - change.bytes_deallocated as i128
        + change.bytes_reallocated as i128
}

fn main() {
    // Criterion passes its own flags (`--bench`); this bench has no options.
    let cases = support::runnable_cases();
    println!("memory per cooperation (final state of each sample case)");
    println!("case  stage                 bytes (inline + heap)  allocations/transition");
    for (case, rules) in &cases {
        let region = Region::new(GLOBAL);
        let coop = case.run(rules).expect("sample case");
        let heap = retained(&region);
        let allocations = region.change().allocations;
        let steps = case.steps.len();
        println!(
            "{:<5} {:<22} {:>6} ({} + {})        {:.1}",
            case.case,
            format!("{:?}", coop.stage()),
            size_of::<Cooperation>() as i128 + heap,
            size_of::<Cooperation>(),
            heap,
            allocations as f64 / steps as f64,
        );
        drop(coop);
    }

    // 10,000 in-force cooperations held together: what a register keeps in memory.
    let in_force: Vec<_> = cases
        .iter()
        .filter(|(case, rules)| {
            case.run(rules)
                .is_ok_and(|coop| coop.stage() == Stage::InForce)
        })
        .collect();
    const N: usize = 10_000;
    let scripts: Vec<_> = (0..N)
        .map(|i| {
            let (case, rules) = in_force[i % in_force.len()];
            (support::with_id(case, support::id(i as u64)), rules)
        })
        .collect();
    let mut held: Vec<Cooperation> = Vec::with_capacity(N);
    let region = Region::new(GLOBAL);
    for (script, rules) in &scripts {
        held.push(script.run(rules).expect("in-force case"));
    }
    let heap = retained(&region);
    let per = (size_of::<Cooperation>() as i128 * N as i128 + heap) / N as i128;
    println!(
        "{N} in-force cooperations ({} cases in turn): {per} bytes each ({} inline + {} heap)",
        in_force.len(),
        size_of::<Cooperation>(),
        heap / N as i128
    );
    drop(held);
}
