//! Deterministic inputs shared by the benchmarks: the sample cases (RULES.md §13.2) as
//! command scripts, copied under fresh cooperation ids to build walks and portfolios of any
//! size, and their audit logs. Nothing here reads a file or a clock.
#![allow(dead_code, reason = "each bench uses a part of the support module")]

use std::collections::HashMap;

use kerjasama::audit::{Envelope, GENESIS_HASH};
use kerjasama::law::RuleSet;
use kerjasama::lifecycle::{Command, CommandKind, Cooperation, Stage};
use kerjasama::model::CooperationId;
use kerjasama::sample::{self, Scenario};

/// A small deterministic generator (SplitMix64): the same inputs on every run and machine.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next pseudo-random number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Every sample case (current and legacy) with the rule set it runs under.
pub fn cases() -> Vec<(Scenario, RuleSet)> {
    sample::cases()
        .into_iter()
        .chain(sample::legacy_cases())
        .map(|case| {
            let rules = case.rules().expect("sample rules");
            (case, rules)
        })
        .collect()
}

/// The cases whose every step is accepted from a new cooperation (all of them today).
pub fn runnable_cases() -> Vec<(Scenario, RuleSet)> {
    cases()
        .into_iter()
        .filter(|(case, rules)| case.run(rules).is_ok())
        .collect()
}

/// `case` registered under the cooperation id `id` (its other steps unchanged).
pub fn with_id(case: &Scenario, id: CooperationId) -> Scenario {
    let mut case = case.clone();
    for step in &mut case.steps {
        if let Command::Register { spec } = &mut step.command {
            spec.id = id;
        }
    }
    case
}

/// The cooperation id number `n` of a generated portfolio.
pub fn id(n: u64) -> CooperationId {
    CooperationId(uuid::Uuid::from_u64_pair(0x6b73_645f_6265_6e63, n))
}

/// A random valid walk of at least `commands` commands: whole runs of sample cases picked at
/// random, each from a new cooperation, every command of which the table accepts.
pub struct Walk {
    /// The cases and their rules.
    pub cases: Vec<(Scenario, RuleSet)>,
    /// The case of each run, in order.
    pub runs: Vec<usize>,
    /// The number of commands of the walk.
    pub commands: usize,
    /// The command kinds of each case as dense numbers, for the bare machine.
    kinds: Vec<Vec<u8>>,
    /// The bare machine: a dense table from (stage, command) to stage.
    table: Vec<[u8; 64]>,
}

impl Walk {
    /// A walk of at least `commands` commands drawn with seed `seed`.
    pub fn new(commands: usize, seed: u64) -> Self {
        let cases = runnable_cases();
        let mut rng = SplitMix(seed);
        let mut runs = Vec::new();
        let mut total = 0;
        while total < commands {
            let case = rng.below(cases.len());
            total += cases[case].0.steps.len();
            runs.push(case);
        }
        // The bare machine over the same stages and commands: every (stage, command) → stage
        // pair the cases take, as a dense table (what a `match` over both compiles to).
        let mut stages: HashMap<Stage, u8> = HashMap::new();
        let mut commands_seen: HashMap<CommandKind, u8> = HashMap::new();
        stages.insert(Stage::Unregistered, 0);
        let mut table = vec![[0u8; 64]];
        let mut kinds = Vec::new();
        for (case, rules) in &cases {
            let mut coop = Cooperation::new();
            let mut dense = Vec::new();
            for step in &case.steps {
                let from = stages[&coop.stage()];
                coop.execute(&step.command, &step.actor, step.on, rules)
                    .expect("sample step");
                let next = stages.len() as u8;
                let to = *stages.entry(coop.stage()).or_insert(next);
                if table.len() <= to as usize {
                    table.push([0u8; 64]);
                }
                let next = commands_seen.len() as u8;
                let command = *commands_seen.entry(step.command.kind()).or_insert(next);
                table[from as usize][command as usize] = to;
                dense.push(command);
            }
            kinds.push(dense);
        }
        Walk {
            cases,
            runs,
            commands: total,
            kinds,
            table,
        }
    }

    /// Decides and applies every command of the walk; returns a checksum of the stages.
    pub fn decide_apply(&self) -> usize {
        let mut sum = 0;
        for &run in &self.runs {
            let (case, rules) = &self.cases[run];
            let mut coop = Cooperation::new();
            for step in &case.steps {
                let events = coop
                    .decide(&step.command, &step.actor, step.on, rules)
                    .expect("a valid walk");
                for event in &events {
                    coop.apply(event);
                }
            }
            sum += usize::from(coop.stage() == Stage::InForce);
        }
        sum
    }

    /// The bare machine over the same walk: one table lookup per command.
    pub fn bare(&self) -> usize {
        let mut sum = 0;
        for &run in &self.runs {
            let mut stage = 0u8;
            for &command in &self.kinds[run] {
                stage = std::hint::black_box(&self.table)[stage as usize][command as usize];
            }
            sum += stage as usize;
        }
        sum
    }
}

/// The final states of `n` cooperations: the runnable sample cases in turn, each under a
/// fresh id.
pub fn portfolio(n: usize) -> Vec<(Cooperation, RuleSet)> {
    let cases = runnable_cases();
    (0..n)
        .map(|i| {
            let (case, rules) = &cases[i % cases.len()];
            let coop = with_id(case, id(i as u64)).run(rules).expect("sample case");
            (coop, rules.clone())
        })
        .collect()
}

/// The audit log of every sample case.
pub fn sample_logs() -> Vec<Vec<Envelope>> {
    cases()
        .iter()
        .map(|(case, _)| case.record_log().expect("sample log"))
        .collect()
}

/// `log` moved to the cooperation `id`: every envelope re-sealed (the store checks the chain
/// and the hashes, not the decisions, so this is a valid log for it).
pub fn reseal(log: &[Envelope], id: CooperationId) -> Vec<Envelope> {
    let mut prev = GENESIS_HASH.to_owned();
    log.iter()
        .map(|envelope| {
            let mut envelope = envelope.clone();
            envelope.cooperation_id = id;
            envelope.prev_hash = prev.clone();
            envelope.hash = envelope.computed_hash();
            prev = envelope.hash.clone();
            envelope
        })
        .collect()
}

/// A chain of `length` envelopes for `id`, cycling through the envelopes of `log` (each
/// re-sealed with its new sequence).
pub fn long_chain(log: &[Envelope], id: CooperationId, length: usize) -> Vec<Envelope> {
    let mut prev = GENESIS_HASH.to_owned();
    (0..length)
        .map(|i| {
            let mut envelope = log[i % log.len()].clone();
            envelope.cooperation_id = id;
            envelope.sequence = i as u64 + 1;
            envelope.prev_hash = prev.clone();
            envelope.hash = envelope.computed_hash();
            prev = envelope.hash.clone();
            envelope
        })
        .collect()
}

/// A fresh directory under the system's temporary folder, removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    /// A new empty directory named after `label` in `base` (the system's temporary folder
    /// when `None`).
    pub fn new(label: &str, base: Option<&std::path::Path>) -> Self {
        let base = base.map_or_else(std::env::temp_dir, std::path::Path::to_path_buf);
        let path = base.join(format!(
            "kerjasama-bench-{label}-{}-{}",
            std::process::id(),
            SplitMix(std::process::id() as u64).next()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temporary directory");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
