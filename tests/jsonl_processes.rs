//! Two processes and two threads append to the same JSON-lines log at once: the file lock
//! keeps every append whole. The child processes are this test binary itself
//! (`std::env::current_exe()`), started with the name of the helper test and an
//! environment variable telling it what to do.

mod store_support;

use std::process::{Command, Stdio};

use kerjasama::store::{EventStore, JsonlStore};
use store_support::{TempDir, c06, check_concurrent_log, id_of, writer};

/// Set in a child process: `<directory>|<writer name>|<id tag>`.
const CHILD: &str = "KERJASAMA_JSONL_CHILD";
const ROUNDS: u32 = 4;

/// Does nothing unless started by `two_processes_and_two_threads_append_to_one_log`.
#[test]
fn child_process_appender() {
    let Ok(task) = std::env::var(CHILD) else {
        return;
    };
    let mut parts = task.split('|');
    let (Some(dir), Some(name), Some(tag)) = (parts.next(), parts.next(), parts.next()) else {
        panic!("bad {CHILD}: {task}");
    };
    let tag: u16 = tag.parse().expect("tag");
    let (store, _) = JsonlStore::open(dir).expect("open in child");
    let (seed, _) = c06();
    let stats = writer(&store, id_of(&seed), name, tag, ROUNDS);
    println!(
        "CHILD-STATS {name} appends={} conflicts={}",
        stats.appends, stats.conflicts
    );
}

#[test]
fn two_processes_and_two_threads_append_to_one_log() {
    let dir = TempDir::new("processes");
    let (store, _) = JsonlStore::open(dir.path()).expect("open");
    let (seed, _) = c06();
    let id = id_of(&seed);
    store.append(id, 0, &seed).expect("seed");
    let exe = std::env::current_exe().expect("current exe");
    let children: Vec<_> = ["process0", "process1"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let child = Command::new(&exe)
                .args(["child_process_appender", "--exact", "--nocapture"])
                .env(CHILD, format!("{}|{name}|{}", dir.path().display(), 10 + i))
                .stdout(Stdio::piped())
                .spawn()
                .expect("spawn child");
            (name.to_string(), child)
        })
        .collect();
    let threads = ["thread0", "thread1"];
    let thread_stats: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = threads
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let store = &store;
                scope.spawn(move || writer(store, id, name, 20 + i as u16, ROUNDS))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("writer panicked"))
            .collect()
    });
    let mut report = Vec::new();
    for (name, child) in children {
        let output = child.wait_with_output().expect("wait child");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{name} failed:\n{stdout}");
        let line = stdout
            .lines()
            .find(|l| l.starts_with(&format!("CHILD-STATS {name} ")))
            .unwrap_or_else(|| panic!("{name} did not run:\n{stdout}"));
        report.push(line.trim_start_matches("CHILD-STATS ").to_owned());
    }
    for (name, stats) in threads.iter().zip(&thread_stats) {
        report.push(format!(
            "{name} appends={} conflicts={}",
            stats.appends, stats.conflicts
        ));
    }
    let log = store.load(id).expect("load");
    let writers: Vec<String> = ["process0", "process1", "thread0", "thread1"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    check_concurrent_log(&log, &seed, &writers, ROUNDS);
    eprintln!(
        "2 processes + 2 threads, {ROUNDS} appends of 2 envelopes each, {} envelopes: {}",
        log.len(),
        report.join("; ")
    );
}
