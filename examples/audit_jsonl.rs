//! Records the C06 landfill lifecycle through a `Ledger` into a JSON-lines store in a
//! temporary directory, reopens the store, verifies the log (the chain, and every command
//! decided again under the rule-set version and policy it records) and prints the number of
//! envelopes, the chain head and the stage. Exits non-zero if anything fails.
//!
//! ```text
//! cargo run --example audit_jsonl
//! ```

use std::error::Error;
use std::path::{Path, PathBuf};

use kerjasama::Ledger;
use kerjasama::store::JsonlStore;

fn main() -> Result<(), Box<dyn Error>> {
    let dir = temp_dir();
    let result = run(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn temp_dir() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    std::env::temp_dir().join(format!(
        "kerjasama-audit-jsonl-{}-{nanos}",
        std::process::id()
    ))
}

fn run(dir: &Path) -> Result<(), Box<dyn Error>> {
    let scenario = kerjasama::sample::c06_landfill();
    let id = scenario
        .cooperation_id()
        .ok_or("the scenario registers nothing")?;

    // Record: one call per step decides, records, appends with the expected sequence and
    // applies.
    let ledger = Ledger::new(JsonlStore::open(dir)?.0);
    for step in &scenario.steps {
        ledger.execute(id, &step.command, &step.actor, step.on)?;
    }
    let live = ledger.state(id)?;

    // Reopen and verify.
    let (store, recoveries) = JsonlStore::open(dir)?;
    if !recoveries.is_empty() {
        return Err(format!("unexpected recovery: {recoveries:?}").into());
    }
    let path = store.path_of(id);
    let ledger = Ledger::new(store);
    let replayed = ledger.verify(id)?;
    if replayed.state != live {
        return Err("the replayed state differs from the recorded one".into());
    }
    let log = ledger.history(id)?;
    let last = log.last().ok_or("empty log")?;
    println!("log:        {}", path.display());
    println!("envelopes:  {}", log.len());
    println!("chain head: {} (sequence {})", last.hash, last.sequence);
    println!(
        "rule set:   {} ({} warning differences on replay)",
        last.rule_set,
        replayed.differences.len()
    );
    println!("stage:      {:?}", replayed.state.stage());
    Ok(())
}
