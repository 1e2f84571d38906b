//! Records the C06 landfill lifecycle through `audit::record` into a JSON-lines store in a
//! temporary directory, reopens the store, replays the log (verifying the chain and deciding
//! every command again) and prints the number of envelopes, the chain head and the stage.
//! Exits non-zero if anything fails.
//!
//! ```text
//! cargo run --example audit_jsonl
//! ```

use std::error::Error;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveTime};
use kerjasama::audit::{SequentialIds, record, replay};
use kerjasama::law::RuleSet;
use kerjasama::lifecycle::Cooperation;
use kerjasama::store::{EventStore, JsonlStore};

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
    let rules = RuleSet::current();
    let scenario = kerjasama::sample::c06_landfill();
    let (store, _) = JsonlStore::open(dir)?;

    // Record: decide each step on the current state, append it after the head we saw.
    let mut coop = Cooperation::new();
    let mut head = None;
    let mut ids = SequentialIds::default();
    for (i, step) in scenario.steps.iter().enumerate() {
        // Recorded the legal day at 09:00 UTC (plus a minute per step, for distinct times).
        let recorded_at = step.on.and_time(NaiveTime::MIN).and_utc()
            + Duration::hours(9)
            + Duration::minutes(i64::try_from(i)?);
        let envelope = record(
            &coop,
            head.as_ref(),
            &step.command,
            &step.actor,
            step.on,
            recorded_at,
            &rules,
            &mut ids,
        )?;
        let expected = head
            .as_ref()
            .map_or(0, |h: &kerjasama::audit::Envelope| h.sequence);
        store.append(
            envelope.cooperation_id,
            expected,
            std::slice::from_ref(&envelope),
        )?;
        for event in &envelope.events {
            coop.apply(event);
        }
        head = Some(envelope);
    }
    let id = head
        .as_ref()
        .ok_or("the scenario has no steps")?
        .cooperation_id;

    // Reopen and replay.
    let (store, recoveries) = JsonlStore::open(dir)?;
    if !recoveries.is_empty() {
        return Err(format!("unexpected recovery: {recoveries:?}").into());
    }
    let log = store.load(id)?;
    let replayed = replay(&log, &rules)?;
    if replayed != coop {
        return Err("the replayed state differs from the recorded one".into());
    }
    let last = log.last().ok_or("empty log")?;
    println!("log:        {}", store.path_of(id).display());
    println!("envelopes:  {}", log.len());
    println!("chain head: {} (sequence {})", last.hash, last.sequence);
    println!("stage:      {:?}", replayed.stage());
    Ok(())
}
