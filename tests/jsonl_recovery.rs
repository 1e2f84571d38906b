//! Crash recovery and corruption of the JSON-lines store: every possible torn tail of the
//! C06 log is cut back to its complete lines, the cut bytes saved in a sidecar; damage is
//! `Corrupt`, naming the file and the line, and leaves the file as it was.

mod store_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use kerjasama::audit::{Envelope, replay, schema};
use kerjasama::law::RuleSetRegistry;
use kerjasama::model::CooperationId;
use kerjasama::sample;
use kerjasama::store::{
    EventStore, JsonlStore, MAX_LINE_BYTES, Recovery, RecoveryKind, StoreError,
};
use store_support::{TempDir, c06, id_of, jsonl_bytes, record_scenario};

/// Writes `bytes` as the log of `cooperation` in `dir`; returns its path.
fn write_log(dir: &Path, cooperation: CooperationId, bytes: &[u8]) -> PathBuf {
    let path = dir.join(format!("{}.jsonl", cooperation.0.hyphenated()));
    fs::write(&path, bytes).expect("write log");
    path
}

/// The byte ranges of the lines of `bytes` (each including its newline).
fn line_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            ranges.push(start..i + 1);
            start = i + 1;
        }
    }
    ranges
}

/// Asserts that `recovery` cut line `line` of `file`, `truncated` bytes long, at `offset`, and
/// saved exactly `cut` in its sidecar `<file>.torn-<offset>`, which it then removes.
fn assert_cut(recovery: &Recovery, file: &Path, line: u64, offset: u64, cut: &[u8]) {
    let what = format!("{recovery:?}");
    assert_eq!(recovery.file, file, "{what}");
    assert_eq!(recovery.line, line, "{what}");
    assert_eq!(recovery.truncated_bytes, cut.len() as u64, "{what}");
    assert_eq!(recovery.offset, offset, "{what}");
    assert!(!recovery.read_only, "{what}");
    let sidecar = recovery.sidecar.as_ref().expect("a sidecar");
    let mut expected = file.as_os_str().to_owned();
    expected.push(format!(".torn-{offset}"));
    assert_eq!(sidecar.as_os_str(), expected, "{what}");
    assert_eq!(fs::read(sidecar).expect("read sidecar"), cut, "{what}");
    fs::remove_file(sidecar).expect("remove sidecar");
}

fn expect_corrupt(
    result: Result<(JsonlStore, Vec<Recovery>), StoreError>,
) -> (PathBuf, u64, String) {
    match result {
        Err(StoreError::Corrupt { file, line, reason }) => (file, line, reason),
        Err(other) => panic!("expected Corrupt, got {other}"),
        Ok((_, recoveries)) => panic!("expected Corrupt, opened with {recoveries:?}"),
    }
}

/// The offsets to cut the log at: every one of them when `KSD_EXHAUSTIVE_TRUNCATION=1`
/// (what `.ci/run` runs), else every line boundary and the three offsets on each side of
/// it, the first and last 64, and one offset in 61 (a prime, so the sample falls at every
/// position within lines).
fn offsets(bytes: &[u8]) -> Vec<usize> {
    if std::env::var("KSD_EXHAUSTIVE_TRUNCATION").is_ok_and(|v| v == "1") {
        return (0..=bytes.len()).collect();
    }
    let mut offsets: Vec<usize> = (0..=bytes.len()).step_by(61).collect();
    offsets.extend(0..64.min(bytes.len() + 1));
    offsets.extend(bytes.len().saturating_sub(63)..=bytes.len());
    for end in line_ranges(bytes).iter().map(|r| r.end) {
        offsets.extend(end.saturating_sub(3)..=(end + 3).min(bytes.len()));
    }
    offsets.sort_unstable();
    offsets.dedup();
    offsets
}

/// Truncates the log at every offset of `offsets` whose index is `worker` modulo
/// `workers`, opens it and checks the recovery; returns the number of recoveries reported.
fn check_offsets(
    log: &[Envelope],
    bytes: &[u8],
    offsets: &[usize],
    worker: usize,
    workers: usize,
) -> u64 {
    let id = id_of(log);
    // 35 000 cuts, each syncing a sidecar and the directory: in memory where possible, as
    // this checks what is cut and saved, not the disk.
    let dir = TempDir::new_in_memory("every-offset");
    // Line ends (the offsets just after each newline), to find the complete lines of a cut.
    let ends: Vec<usize> = line_ranges(bytes).iter().map(|r| r.end).collect();
    let mut recoveries_reported = 0;
    for &offset in offsets.iter().skip(worker).step_by(workers) {
        let path = write_log(dir.path(), id, &bytes[..offset]);
        let complete = ends.partition_point(|end| *end <= offset);
        let boundary = if complete == 0 { 0 } else { ends[complete - 1] };
        let (store, recoveries) =
            JsonlStore::open(dir.path()).unwrap_or_else(|e| panic!("offset {offset}: {e}"));
        if boundary == offset {
            assert!(recoveries.is_empty(), "offset {offset}: {recoveries:?}");
        } else {
            recoveries_reported += 1;
            let [recovery] = recoveries.as_slice() else {
                panic!("offset {offset}: {recoveries:?}");
            };
            assert_eq!(recovery.kind, RecoveryKind::Unterminated, "offset {offset}");
            // The sidecar holds exactly the cut bytes (and is removed for the next offset).
            assert_cut(
                recovery,
                &path,
                complete as u64 + 1,
                boundary as u64,
                &bytes[boundary..offset],
            );
        }
        assert_eq!(
            fs::read(&path).expect("read"),
            &bytes[..boundary],
            "offset {offset}"
        );
        // The file now holds exactly the first `complete` lines; what they load to depends
        // on those bytes only, so it is checked once per line boundary.
        if boundary == offset {
            let loaded = store.load(id).expect("load");
            assert_eq!(loaded.len(), complete, "offset {offset}");
            assert_eq!(loaded, log[..complete], "offset {offset}");
        }
    }
    recoveries_reported
}

#[test]
fn every_truncation_offset_recovers_exactly_the_complete_lines() {
    let (log, _) = c06();
    let bytes = jsonl_bytes(&log);
    let offsets = offsets(&bytes);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let started = Instant::now();
    let recoveries: u64 = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                let (log, bytes, offsets) = (&log, &bytes, &offsets);
                scope.spawn(move || check_offsets(log, bytes, offsets, worker, workers))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker panicked"))
            .sum()
    });
    eprintln!(
        "{} offsets of 0..={} (KSD_EXHAUSTIVE_TRUNCATION=1 for all) of a {}-line log, \
         {recoveries} recoveries reported, {workers} worker threads, {:.2?}",
        offsets.len(),
        bytes.len(),
        log.len(),
        started.elapsed()
    );
    let boundaries: Vec<usize> = std::iter::once(0)
        .chain(line_ranges(&bytes).iter().map(|r| r.end))
        .collect();
    let cut = offsets.iter().filter(|o| !boundaries.contains(o)).count();
    assert!(
        offsets.len() > 4 * log.len() && cut > 0,
        "a sample that cuts lines"
    );
    assert_eq!(
        recoveries, cut as u64,
        "a recovery for every offset that is not a line boundary"
    );
}

#[test]
fn a_recovered_log_replays_and_appends_again() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let lines = line_ranges(&bytes);
    let dir = TempDir::new("recover-append");
    // Torn in the middle of line 20.
    let offset = lines[19].start + 17;
    let path = write_log(dir.path(), id, &bytes[..offset]);
    let (store, recoveries) = JsonlStore::open(dir.path()).expect("open");
    assert_eq!(recoveries.len(), 1);
    assert_eq!(recoveries[0].line, 20);
    assert_eq!(recoveries[0].truncated_bytes, 17);
    assert_eq!(
        fs::read(recoveries[0].sidecar.as_ref().expect("sidecar")).expect("read"),
        &bytes[offset - 17..offset]
    );
    let loaded = store.load(id).expect("load");
    assert_eq!(loaded.len(), 19);
    replay(&loaded, &RuleSetRegistry::standard())
        .map(|r| r.state)
        .expect("replay");
    store
        .append(id, 19, &log[19..])
        .expect("append after recovery");
    assert_eq!(fs::read(&path).expect("read"), bytes);
}

#[test]
fn load_ignores_a_torn_tail_without_modifying_the_file_and_append_cuts_it() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let lines = line_ranges(&bytes);
    let dir = TempDir::new("load-torn");
    let (store, _) = JsonlStore::open(dir.path()).expect("open");
    // A writer died after the store was opened.
    let torn = &bytes[..lines[5].start + 40];
    let path = write_log(dir.path(), id, torn);
    assert_eq!(store.load(id).expect("load"), log[..5]);
    assert_eq!(
        fs::read(&path).expect("read"),
        torn,
        "load modified the file"
    );
    // An append under the lock cuts the torn tail and continues the complete lines.
    store.append(id, 5, &log[5..]).expect("append");
    assert_eq!(fs::read(&path).expect("read"), bytes);
    // The append saved the torn bytes in a sidecar before cutting them.
    let mut sidecar = path.as_os_str().to_owned();
    sidecar.push(format!(".torn-{}", lines[5].start));
    assert_eq!(
        fs::read(&sidecar).expect("sidecar"),
        &torn[lines[5].start..]
    );
    fs::remove_file(&sidecar).expect("remove sidecar");
    // A complete last line of NUL bytes (unwritten blocks read as zeros) is torn too.
    let mut zeros = bytes[..lines[3].end].to_vec();
    zeros.extend_from_slice(&[0u8; 50]);
    zeros.push(b'\n');
    let path = write_log(dir.path(), id, &zeros);
    assert_eq!(store.load(id).expect("load"), log[..4]);
    let (_, recoveries) = JsonlStore::open(dir.path()).expect("open");
    let [recovery] = recoveries.as_slice() else {
        panic!("{recoveries:?}");
    };
    assert_eq!(recovery.kind, RecoveryKind::NulBytes);
    let cut_at = lines[3].end;
    assert_cut(recovery, &path, 5, cut_at as u64, &zeros[cut_at..]);
    assert_eq!(fs::read(&path).expect("read"), &bytes[..lines[3].end]);
}

#[test]
fn a_flipped_byte_in_line_2_is_corrupt_naming_file_and_line_2() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let lines = line_ranges(&bytes);
    assert!(lines.len() >= 3);
    let dir = TempDir::new("flip");
    // Every byte of line 2 (not its newline), flipped in its lowest bit.
    for at in lines[1].start..lines[1].end - 1 {
        let mut damaged = bytes.clone();
        damaged[at] ^= 1;
        let path = write_log(dir.path(), id, &damaged);
        let (file, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
        assert_eq!((&file, line), (&path, 2), "byte {at}: {reason}");
        assert_eq!(
            fs::read(&path).expect("read"),
            damaged,
            "the file was modified"
        );
        let err = JsonlStore::open_verified(dir.path())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(&format!("{}:2: ", path.display())), "{err}");
    }
    // The same damage reported by load. `open` and `append` read the end of a log only (a
    // cost constant in its length), so the log opens, and an empty append writes nothing.
    let mut damaged = bytes.clone();
    damaged[lines[1].start + 30] ^= 1;
    let load_dir = TempDir::new("flip-load");
    let (store, _) = JsonlStore::open(load_dir.path()).expect("open");
    let path = write_log(store.dir(), id, &damaged);
    assert!(matches!(
        store.load(id),
        Err(StoreError::Corrupt { line: 2, .. })
    ));
    let (_, recoveries) = JsonlStore::open(load_dir.path()).expect("the end of the log is sound");
    assert!(recoveries.is_empty());
    store
        .append(id, log.len() as u64, &[])
        .expect("an empty append");
    assert_eq!(fs::read(&path).expect("read"), damaged);
}

#[test]
fn a_changed_last_complete_line_is_corrupt_not_cut() {
    // A torn write never yields valid JSON: a last line that is JSON but fails its hash was
    // altered, and an fsynced record is not dropped silently.
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let lines = line_ranges(&bytes);
    let dir = TempDir::new("last-altered");
    let mut damaged = bytes.clone();
    let last = lines.last().expect("lines").clone();
    damaged[last.start + 60] ^= 1;
    let path = write_log(dir.path(), id, &damaged);
    let (file, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
    assert_eq!((file, line), (path, log.len() as u64), "{reason}");
}

#[test]
fn non_utf8_bytes_are_corrupt() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let lines = line_ranges(&bytes);
    let dir = TempDir::new("utf8");
    for line_index in [0, 2, lines.len() - 1] {
        let mut damaged = bytes.clone();
        damaged[lines[line_index].start + 10] = 0xFF;
        let path = write_log(dir.path(), id, &damaged);
        let (file, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
        assert_eq!((file, line), (path.clone(), line_index as u64 + 1));
        assert!(reason.contains("UTF-8"), "{reason}");
        assert_eq!(fs::read(&path).expect("read"), damaged);
    }
    // In a torn tail (no newline) they are cut with it: a cut can split a character.
    let mut torn = bytes[..lines[3].end].to_vec();
    torn.extend_from_slice(&[b'{', 0xE2, 0x80]);
    let path = write_log(dir.path(), id, &torn);
    let (_, recoveries) = JsonlStore::open(dir.path()).expect("open");
    assert_eq!(recoveries.len(), 1);
    assert_eq!(fs::read(&path).expect("read"), &bytes[..lines[3].end]);
}

#[test]
fn a_line_of_another_cooperation_is_corrupt() {
    let (log, _) = c06();
    let id = id_of(&log);
    let (c03, _) = record_scenario(&sample::c03_rice());
    let dir = TempDir::new("foreign");
    // A C03 line mixed in as line 3 (before the tail), and as the last line.
    for position in [2, log.len()] {
        let mut mixed: Vec<Envelope> = log.clone();
        mixed.insert(position, c03[0].clone());
        let path = write_log(dir.path(), id, &jsonl_bytes(&mixed));
        let (file, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
        assert_eq!((file, line), (path, position as u64 + 1));
        assert!(reason.contains("cooperation_id"), "{reason}");
    }
    // The whole C03 log under C06's file name.
    let path = write_log(dir.path(), id, &jsonl_bytes(&c03));
    let (file, line, _) = expect_corrupt(JsonlStore::open_verified(dir.path()));
    assert_eq!((file, line), (path, 1));
}

#[test]
fn chain_breaks_are_corrupt() {
    let (log, _) = c06();
    let id = id_of(&log);
    let dir = TempDir::new("chain");
    let cases: Vec<(&str, Vec<Envelope>, u64, &str)> = vec![
        ("gap", [&log[..4], &log[5..]].concat(), 5, "sequence"),
        ("repeated", [&log[..5], &log[4..]].concat(), 6, "sequence"),
        (
            "swapped",
            [&log[..3], &log[4..5], &log[3..4], &log[5..]].concat(),
            4,
            "sequence",
        ),
    ];
    for (what, entries, at, field) in cases {
        let path = write_log(dir.path(), id, &jsonl_bytes(&entries));
        let (file, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
        assert_eq!((file, line), (path, at), "{what}: {reason}");
        assert!(reason.contains(field), "{what}: {reason}");
    }
    // A forged prev_hash with a recomputed hash.
    let mut forged = log.clone();
    forged[6].prev_hash = forged[4].hash.clone();
    forged[6].hash = forged[6].computed_hash();
    let path = write_log(dir.path(), id, &jsonl_bytes(&forged));
    let (file, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
    assert_eq!((file, line), (path, 7));
    assert!(reason.contains("prev_hash"), "{reason}");
}

#[test]
fn a_schema_error_names_the_field() {
    let (log, _) = c06();
    let id = id_of(&log);
    let dir = TempDir::new("schema");
    let lines: Vec<String> = log.iter().map(schema::encode_envelope).collect();
    let cases: Vec<(&str, serde_json::Value, &str)> = vec![
        ("sequence", serde_json::json!("two"), "field `sequence`"),
        (
            "occurred_on",
            serde_json::json!("2023-02-30"),
            "field `occurred_on`",
        ),
        (
            "command",
            serde_json::json!({"command": "no_such_command"}),
            "field `command`",
        ),
    ];
    for (field, value, expected) in cases {
        let mut json: serde_json::Value = serde_json::from_str(&lines[1]).expect("json");
        json[field] = value;
        let mut text = lines.clone();
        text[1] = serde_json::to_string(&json).expect("json");
        let path = write_log(dir.path(), id, (text.join("\n") + "\n").as_bytes());
        let (file, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
        assert_eq!((file, line), (path, 2), "{reason}");
        assert!(reason.contains(expected), "{field}: {reason}");
    }
    // serde itself names a missing or unknown field.
    let mut json: serde_json::Value = serde_json::from_str(&lines[1]).expect("json");
    json.as_object_mut().expect("object").remove("actor");
    let mut text = lines.clone();
    text[1] = serde_json::to_string(&json).expect("json");
    write_log(dir.path(), id, (text.join("\n") + "\n").as_bytes());
    let (_, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
    assert_eq!(line, 2);
    assert!(reason.contains("missing field `actor`"), "{reason}");
}

#[test]
fn a_huge_line_is_corrupt_without_panic() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let lines = line_ranges(&bytes);
    let dir = TempDir::new("huge");
    let huge = vec![b'a'; MAX_LINE_BYTES + 1];
    // Before the tail, and as an unterminated tail (a torn write is never that long).
    for terminated in [true, false] {
        let mut damaged = bytes[..lines[1].end].to_vec();
        damaged.extend_from_slice(&huge);
        if terminated {
            damaged.push(b'\n');
            damaged.extend_from_slice(&bytes[lines[2].start..]);
        }
        let path = write_log(dir.path(), id, &damaged);
        let (file, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
        assert_eq!((file, line), (path.clone(), 3), "{reason}");
        assert!(reason.contains("longer than"), "{reason}");
        assert_eq!(
            fs::metadata(&path).expect("metadata").len(),
            damaged.len() as u64
        );
    }
    // A line of exactly MAX_LINE_BYTES is read (and then refused for what it holds).
    let mut limit = bytes[..lines[1].end].to_vec();
    limit.extend_from_slice(&vec![b' '; MAX_LINE_BYTES]);
    limit.push(b'\n');
    limit.extend_from_slice(&bytes[lines[2].start..]);
    write_log(dir.path(), id, &limit);
    let (_, line, reason) = expect_corrupt(JsonlStore::open_verified(dir.path()));
    assert_eq!(line, 3);
    assert!(!reason.contains("longer than"), "{reason}");
}

#[test]
fn other_files_are_ignored() {
    let (log, _) = c06();
    let id = id_of(&log);
    let dir = TempDir::new("others");
    fs::write(dir.path().join("notes.txt"), b"\xff not a log").expect("write");
    fs::write(dir.path().join("not-a-uuid.jsonl"), b"garbage").expect("write");
    // A UUID in another form than the canonical hyphenated lowercase one.
    fs::write(
        dir.path().join(format!("{}.jsonl", id.0.simple())),
        b"garbage",
    )
    .expect("write");
    fs::create_dir(
        dir.path()
            .join(format!("{}.jsonl", uuid::Uuid::from_u128(7))),
    )
    .expect("mkdir");
    let (store, recoveries) = JsonlStore::open(dir.path()).expect("open");
    assert!(recoveries.is_empty());
    assert!(store.list().expect("list").is_empty());
    store.append(id, 0, &log).expect("append");
    assert_eq!(store.list().expect("list"), vec![id]);
    assert_eq!(
        fs::read(store.path_of(id)).expect("read"),
        jsonl_bytes(&log)
    );
}
