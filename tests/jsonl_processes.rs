//! Two processes and two threads append to the same JSON-lines log at once: the file lock
//! keeps every append whole. A process killed while appending batches leaves whole
//! batches only. The child processes are this test binary itself
//! (`std::env::current_exe()`), started with the name of the helper test and an
//! environment variable telling it what to do.

mod store_support;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kerjasama::store::{EventStore, JsonlStore, RecoveryKind};
use store_support::{
    TaggedIds, TempDir, c06, check_concurrent_log, child_stats, id_of, jsonl_bytes,
    leadership_batch, replays, state_of, writer,
};

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
    let mut report = child_stats(children);
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

/// Set in a child process of `a_killed_batch_appender_leaves_whole_batches`:
/// `<directory>|<batch size>|<id tag>`.
const KILL_CHILD: &str = "KERJASAMA_JSONL_KILL_CHILD";

/// Envelopes per append of the killed child.
const BATCH: usize = 3;

/// Does nothing unless started by `a_killed_batch_appender_leaves_whole_batches`: appends
/// batches of envelopes to the C06 log until killed, printing `ACK <log length>` after each
/// append returned (stops by itself after 10 s, should the parent be gone).
#[test]
fn child_batch_appender() {
    let Ok(task) = std::env::var(KILL_CHILD) else {
        return;
    };
    let mut parts = task.split('|');
    let (Some(dir), Some(size), Some(tag)) = (parts.next(), parts.next(), parts.next()) else {
        panic!("bad {KILL_CHILD}: {task}");
    };
    let size: usize = size.parse().expect("batch size");
    let tag: u16 = tag.parse().expect("tag");
    let (store, _) = JsonlStore::open(dir).expect("open in child");
    let (seed, _) = c06();
    let id = id_of(&seed);
    let mut log = store.load(id).expect("load");
    let mut coop = state_of(&log);
    let mut ids = TaggedIds::new(tag);
    let started = Instant::now();
    let mut round = 0u32;
    while started.elapsed() < Duration::from_secs(10) {
        let holders: Vec<String> = (0..size)
            .map(|k| format!("kill{tag}/{round}/{k}"))
            .collect();
        let batch = leadership_batch(&mut coop, log.last(), &holders, &mut ids);
        let expected = log.last().map_or(0, |e| e.sequence);
        store.append(id, expected, &batch).expect("append in child");
        log.extend(batch);
        println!("ACK {}", log.len());
        round += 1;
    }
}

/// A small deterministic generator, seeded from the clock: "random-ish" kill delays.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
#[cfg(unix)]
fn a_killed_batch_appender_leaves_whole_batches() {
    const ROUNDS: u16 = 24;
    let dir = TempDir::new("killed");
    let (store, _) = JsonlStore::open(dir.path()).expect("open");
    let (seed, _) = c06();
    let id = id_of(&seed);
    store.append(id, 0, &seed).expect("seed");
    let path = store.path_of(id);
    let mut pending = path.as_os_str().to_owned();
    pending.push(".pending");
    let exe = std::env::current_exe().expect("current exe");
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let random_seed = clock ^ u64::from(std::process::id()) | 1;
    let mut random = XorShift(random_seed);
    let started = Instant::now();
    let mut before = seed.clone();
    let mut report = Vec::new();
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["child_batch_appender", "--exact", "--nocapture"])
            .env(
                KILL_CHILD,
                format!("{}|{BATCH}|{}", dir.path().display(), 30 + round),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn child");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let acked = |line: &str| line.strip_prefix("ACK ")?.trim().parse::<usize>().ok();
        // Wait until the child has appended 1 to 3 times, so that it is killed in its loop,
        // then for about one append or less: the kill lands anywhere in an append.
        let wait_for = 1 + random.next() % 3;
        let mut seen = 0;
        let mut first = None;
        let mut line = String::new();
        while seen < wait_for {
            line.clear();
            if stdout.read_line(&mut line).expect("read child") == 0 {
                let mut stderr = String::new();
                let _ = child
                    .stderr
                    .take()
                    .map(|mut e| e.read_to_string(&mut stderr));
                panic!("round {round}: the child ended before appending:\n{stderr}");
            }
            if let Some(length) = acked(&line) {
                first = Some(length);
                seen += 1;
            }
        }
        let delay = Duration::from_micros(random.next() % 10_000);
        std::thread::sleep(delay);
        child.kill().expect("kill");
        let status = child.wait().expect("wait");
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(status.signal(), Some(9), "round {round}: {status}");
        }
        // The last append the child saw acknowledged.
        let mut last_ack = first.unwrap_or(0);
        for line in stdout.lines().map_while(Result::ok) {
            last_ack = acked(&line).unwrap_or(last_ack);
        }
        let marker_left = std::path::Path::new(&pending).exists();
        let bytes_before = std::fs::metadata(&path).expect("metadata").len();

        let (reopened, recoveries) = JsonlStore::open(dir.path()).expect("open after kill");
        let log = reopened.load(id).expect("load after kill");
        assert!(
            log.len() >= last_ack,
            "round {round}: {} envelopes, but {last_ack} were acknowledged",
            log.len()
        );
        assert_eq!(
            (log.len() - seed.len()) % BATCH,
            0,
            "round {round}: not a whole number of batches"
        );
        assert_eq!(
            &log[..before.len()],
            &before[..],
            "round {round}: the log changed"
        );
        replays(&log).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert_eq!(
            std::fs::read(&path).expect("read"),
            jsonl_bytes(&log),
            "round {round}: the file holds more than the log"
        );
        assert!(!std::path::Path::new(&pending).exists(), "round {round}");
        let kinds: Vec<&RecoveryKind> = recoveries.iter().map(|r| &r.kind).collect();
        report.push(format!(
            "round {round}: killed {delay:?} after append {wait_for}, {} batches, acked {last_ack}, \
             marker left {marker_left}, {bytes_before} bytes, recoveries {kinds:?}",
            (log.len() - before.len()) / BATCH
        ));
        before = log;
    }
    let markers = report
        .iter()
        .filter(|r| r.contains("marker left true"))
        .count();
    eprintln!(
        "killed batch appender (seed {random_seed}), {ROUNDS} kills, {markers} with a marker \
         left, {} envelopes in {:.2?}:\n  {}",
        before.len(),
        started.elapsed(),
        report.join("\n  ")
    );
}
