//! Faults of the JSON-lines store found by fault injection: a complete line that does not
//! decode is `Corrupt` (never cut as torn) and leaves every byte in place; only an
//! unterminated last line and NUL bytes at the tail are torn, and what is cut is saved in a
//! sidecar first; an append of several envelopes is all or nothing (every crash state of
//! its intent marker); a read-only archive opens, loads and replays without a byte changed.

mod store_support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use kerjasama::audit::{Envelope, schema};
use kerjasama::model::CooperationId;
use kerjasama::sample;
use kerjasama::store::{
    EventStore, JsonlStore, MAX_LINE_BYTES, Recovery, RecoveryKind, StoreError,
};
use store_support::{TempDir, c06, id_of, jsonl_bytes, record_scenario, replays};

/// Writes `bytes` as the log of `cooperation` in `dir`; returns its path.
fn write_log(dir: &Path, cooperation: CooperationId, bytes: &[u8]) -> PathBuf {
    let path = dir.join(format!("{}.jsonl", cooperation.0.hyphenated()));
    fs::write(&path, bytes).expect("write log");
    path
}

/// `path` with `suffix` appended to its file name.
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The byte offsets just after each newline of `bytes`.
fn line_ends(bytes: &[u8]) -> Vec<usize> {
    let mut ends = Vec::new();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            ends.push(i + 1);
        }
    }
    ends
}

/// Every entry of a directory (and the directory itself, as ""): bytes (empty for
/// directories), length and modification time.
type Snapshot = BTreeMap<String, (Vec<u8>, u64, SystemTime)>;

fn snapshot(dir: &Path) -> Snapshot {
    let mut all = Snapshot::new();
    let meta = fs::metadata(dir).expect("metadata");
    all.insert(
        String::new(),
        (Vec::new(), 0, meta.modified().expect("mtime")),
    );
    for entry in fs::read_dir(dir).expect("read dir") {
        let entry = entry.expect("entry");
        let meta = entry.metadata().expect("metadata");
        let bytes = if meta.is_file() {
            fs::read(entry.path()).expect("read")
        } else {
            Vec::new()
        };
        all.insert(
            entry.file_name().to_string_lossy().into_owned(),
            (bytes, meta.len(), meta.modified().expect("mtime")),
        );
    }
    all
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn expect_corrupt<T: std::fmt::Debug>(result: Result<T, StoreError>) -> (PathBuf, u64, String) {
    match result {
        Err(StoreError::Corrupt { file, line, reason }) => (file, line, reason),
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

/// The only recovery of a list.
fn only(recoveries: &[Recovery]) -> &Recovery {
    let [recovery] = recoveries else {
        panic!("expected one recovery, got {recoveries:?}");
    };
    recovery
}

/// Asserts that `recovery` cut `cut` from `file` at `offset` (its first line `line`) into a
/// sidecar holding exactly those bytes; returns the sidecar.
fn assert_saved(recovery: &Recovery, file: &Path, line: u64, offset: usize, cut: &[u8]) -> PathBuf {
    let what = format!("{recovery:?}");
    assert_eq!(recovery.file, file, "{what}");
    assert_eq!(recovery.line, line, "{what}");
    assert_eq!(recovery.offset, offset as u64, "{what}");
    assert_eq!(recovery.truncated_bytes, cut.len() as u64, "{what}");
    assert!(!recovery.read_only, "{what}");
    let sidecar = recovery.sidecar.clone().expect("a sidecar");
    assert_eq!(sidecar, beside(file, &format!(".torn-{offset}")), "{what}");
    assert_eq!(fs::read(&sidecar).expect("read sidecar"), cut, "{what}");
    sidecar
}

/// Where a damaged line shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shows {
    /// At the end of the log: `open` and `append`, which read the end of a log, find it.
    AtTheEnd,
    /// Only to a reader of the whole log: `open` and `append` see a log that ends well.
    Inside,
}

/// Writes `bytes` as the log of `id` in the directory of `store` (opened before, while it
/// held no log) and asserts that it is Corrupt at `line` for `open_verified`,
/// `open_read_only` and `load`, and for `open` and `append` when the damage shows at the
/// end (else they succeed without writing), with nothing in the directory changed: bytes,
/// names, lengths and modification times. Returns the reason `open_verified` gave.
fn assert_corrupt_untouched(
    store: &JsonlStore,
    id: CooperationId,
    bytes: &[u8],
    line: u64,
    shows: Shows,
) -> String {
    let dir = store.dir();
    let path = write_log(dir, id, bytes);
    let before = snapshot(dir);
    let (file, at, reason) = expect_corrupt(JsonlStore::open_verified(dir));
    assert_eq!((&file, at), (&path, line), "{reason}");
    let (file, at, _) = expect_corrupt(JsonlStore::open_read_only(dir));
    assert_eq!((&file, at), (&path, line));
    let (_, at, _) = expect_corrupt(store.load(id));
    assert_eq!(at, line);
    match shows {
        Shows::AtTheEnd => {
            let (file, at, _) = expect_corrupt(JsonlStore::open(dir));
            assert_eq!((&file, at), (&path, line));
            let (_, at, _) = expect_corrupt(store.append(id, line, &[]));
            assert_eq!(at, line);
        }
        Shows::Inside => {
            let (_, recoveries) = JsonlStore::open(dir).expect("open reads the end only");
            assert!(recoveries.is_empty(), "{recoveries:?}");
            // An empty append writes nothing whatever it finds (a conflict: the last line
            // is envelope 28, not `line`).
            assert!(matches!(
                store.append(id, line, &[]),
                Ok(()) | Err(StoreError::Conflict { .. })
            ));
        }
    }
    assert_eq!(snapshot(dir), before, "the directory changed");
    assert_eq!(fs::read(&path).expect("read"), bytes);
    fs::remove_file(&path).expect("remove");
    reason
}

// ---------------------------------------------------------------------------------------
// 1. A complete line that does not decode is Corrupt, wherever it is.

#[test]
fn a_complete_last_line_that_does_not_decode_is_corrupt_and_left_in_place() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let ends = line_ends(&bytes);
    let before_last = ends[ends.len() - 2];
    let last_line = schema::encode_envelope(&log[log.len() - 1]);
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let bom = format!("\u{feff}{last_line}");
    let cases: Vec<(&str, &str, &str)> = vec![
        ("null", "null", "not an object"),
        ("1e400", "1e400", "out of range"),
        ("nesting deeper than 128", &deep, "recursion limit"),
        (
            "a UTF-8 BOM before a valid envelope",
            &bom,
            "byte order mark",
        ),
        (
            "text that is not JSON",
            "the quick brown fox",
            "not a JSON object",
        ),
        ("an empty line", "", "empty line"),
        ("NUL bytes before JSON", "\0\0\0{}", "not a JSON object"),
    ];
    let dir = TempDir::new("last-line");
    let (store, _) = JsonlStore::open(dir.path()).expect("open");
    for (what, line, expected) in cases {
        let mut damaged = bytes[..before_last].to_vec();
        damaged.extend_from_slice(line.as_bytes());
        damaged.push(b'\n');
        let reason =
            assert_corrupt_untouched(&store, id, &damaged, log.len() as u64, Shows::AtTheEnd);
        assert!(reason.contains(expected), "{what}: {reason}");
    }
}

#[test]
fn a_one_line_file_that_does_not_decode_is_corrupt_and_not_emptied() {
    let (log, _) = c06();
    let id = id_of(&log);
    let first = schema::encode_envelope(&log[0]);
    let dir = TempDir::new("one-line");
    let (store, _) = JsonlStore::open(dir.path()).expect("open");
    for line in [
        "garbage".to_owned(),
        "null".to_owned(),
        "1e400".to_owned(),
        format!("\u{feff}{first}"),
        "[".repeat(129) + &"]".repeat(129),
    ] {
        assert_corrupt_untouched(
            &store,
            id,
            format!("{line}\n").as_bytes(),
            1,
            Shows::AtTheEnd,
        );
    }
    // The same valid line without a BOM is a log.
    write_log(dir.path(), id, format!("{first}\n").as_bytes());
    let (_, recoveries) = JsonlStore::open(dir.path()).expect("open");
    assert!(recoveries.is_empty());
    assert_eq!(store.load(id).expect("load"), log[..1]);
}

#[test]
fn nul_tails_are_cut_into_a_sidecar() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let ends = line_ends(&bytes);
    let keep = ends[9];
    let mut huge = vec![0u8; MAX_LINE_BYTES + 10];
    huge.extend_from_slice(b"\n\0\0");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("one line of NUL bytes", b"\0\0\0\0\n".to_vec()),
        (
            "several lines of NUL bytes",
            b"\0\0\n\0\n\0\0\0\0\0\n".to_vec(),
        ),
        (
            "NUL lines, then an unterminated line",
            b"\0\0\n\0\n{\"sch".to_vec(),
        ),
        (
            "NUL lines, then unterminated NULs",
            b"\0\0\n\0\0\0".to_vec(),
        ),
        ("NUL bytes longer than MAX_LINE_BYTES", huge),
    ];
    let dir = TempDir::new("nul-tail");
    for (what, tail) in cases {
        let mut torn = bytes[..keep].to_vec();
        torn.extend_from_slice(&tail);
        let path = write_log(dir.path(), id, &torn);
        let (store, recoveries) = JsonlStore::open(dir.path()).expect(what);
        let recovery = only(&recoveries);
        assert_eq!(recovery.kind, RecoveryKind::NulBytes, "{what}");
        let sidecar = assert_saved(recovery, &path, 11, keep, &tail);
        assert_eq!(fs::read(&path).expect("read"), &bytes[..keep], "{what}");
        assert_eq!(store.load(id).expect("load"), log[..10], "{what}");
        fs::remove_file(sidecar).expect("remove sidecar");
    }
}

#[test]
fn nul_bytes_followed_by_data_are_corrupt() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let ends = line_ends(&bytes);
    let dir = TempDir::new("nul-data");
    let (store, _) = JsonlStore::open(dir.path()).expect("open");
    // A line of NUL bytes (line 4) followed by the rest of the log, by an empty line, or by
    // text: NUL bytes are a torn write only at the very end.
    // The rest of the log ends with a good line: only a reader of the whole log finds it.
    let followers: Vec<(Vec<u8>, Shows)> = vec![
        (bytes[ends[2]..].to_vec(), Shows::Inside),
        (b"\n".to_vec(), Shows::AtTheEnd),
        (b"\0\n\0\0\nnot zeros\n".to_vec(), Shows::AtTheEnd),
    ];
    for (follower, shows) in followers {
        let mut damaged = bytes[..ends[2]].to_vec();
        damaged.extend_from_slice(b"\0\0\0\0\0\n");
        damaged.extend_from_slice(&follower);
        let reason = assert_corrupt_untouched(&store, id, &damaged, 4, shows);
        assert!(reason.contains("NUL"), "{reason}");
    }
}

// ---------------------------------------------------------------------------------------
// 2. Cut bytes are saved in sidecars, never overwritten, never taken for logs.

#[test]
fn a_sidecar_is_never_overwritten() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let ends = line_ends(&bytes);
    let dir = TempDir::new("sidecar-counter");
    let path = dir.path().join(format!("{}.jsonl", id.0.hyphenated()));
    let older = beside(&path, &format!(".torn-{}", ends[4]));
    fs::write(&older, b"an older sidecar").expect("write");
    let mut expected = vec![older.clone()];
    for n in 2..=3 {
        let torn = &bytes[..ends[4] + 7 * n];
        write_log(dir.path(), id, torn);
        let (_, recoveries) = JsonlStore::open(dir.path()).expect("open");
        let sidecar = only(&recoveries).sidecar.clone().expect("sidecar");
        assert_eq!(sidecar, beside(&older, &format!(".{n}")));
        assert_eq!(fs::read(&sidecar).expect("read"), &torn[ends[4]..]);
        expected.push(sidecar);
    }
    assert_eq!(fs::read(&older).expect("read"), b"an older sidecar");
    let mut found: Vec<PathBuf> = fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p != &path)
        .collect();
    found.sort();
    assert_eq!(found, expected);
}

#[test]
fn sidecars_and_markers_are_not_logs() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let dir = TempDir::new("not-logs");
    let path = write_log(dir.path(), id, &bytes[..bytes.len() - 5]);
    let (store, recoveries) = JsonlStore::open(dir.path()).expect("open");
    assert_eq!(recoveries.len(), 1);
    // Files beside logs of another cooperation, with no log of their own, holding garbage.
    let other = dir
        .path()
        .join(format!("{}.jsonl", uuid::Uuid::from_u128(9)));
    for suffix in [".torn-0", ".torn-12.2", ".pending", ".pending.tmp"] {
        fs::write(beside(&other, suffix), b"garbage\n").expect("write");
    }
    let (again, recoveries) = JsonlStore::open(dir.path()).expect("reopen");
    assert!(recoveries.is_empty(), "{recoveries:?}");
    assert_eq!(again.list().expect("list"), vec![id]);
    assert_eq!(store.list().expect("list"), vec![id]);
    let (read_only, recoveries) = JsonlStore::open_read_only(dir.path()).expect("read only");
    assert!(recoveries.is_empty(), "{recoveries:?}");
    assert_eq!(read_only.list().expect("list"), vec![id]);
    assert_eq!(store.load(id).expect("load"), log[..log.len() - 1]);
    assert_eq!(
        fs::read(&path).expect("read"),
        &bytes[..line_ends(&bytes)[log.len() - 2]]
    );
}

// ---------------------------------------------------------------------------------------
// 3. An append of several envelopes is all or nothing.

/// The marker an append of `batch` writes after `before` bytes (the documented format).
fn marker(before: usize, batch: &[Envelope]) -> String {
    let after = before + jsonl_bytes(batch).len();
    let (first, last) = (batch[0].sequence, batch[batch.len() - 1].sequence);
    format!(
        "{{\"format\":\"kerjasama.jsonl.pending/1\",\"log_length_before\":{before},\
         \"log_length_after\":{after},\"first_sequence\":{first},\"last_sequence\":{last}}}\n"
    )
}

/// A crash state of an append of `log[20..23]` after `log[..20]`.
struct CrashState {
    what: &'static str,
    /// The log file's bytes.
    file: Vec<u8>,
    /// The envelopes acknowledged (that `load` returns).
    acknowledged: usize,
    /// The kinds `open` reports.
    kinds: Vec<RecoveryKind>,
}

fn crash_states(log: &[Envelope]) -> (Vec<CrashState>, usize, usize) {
    let bytes = jsonl_bytes(log);
    let ends = line_ends(&bytes);
    let (start, end) = (ends[19], ends[22]);
    let incomplete = RecoveryKind::IncompleteBatch {
        expected_len: end as u64,
    };
    let mut zeroed = bytes[..end].to_vec();
    zeroed[ends[20]..ends[21] - 1].fill(0);
    let states = vec![
        CrashState {
            what: "marker, no byte of the batch",
            file: bytes[..start].to_vec(),
            acknowledged: 20,
            kinds: vec![incomplete.clone()],
        },
        CrashState {
            what: "marker, a part of the first line",
            file: bytes[..start + 100].to_vec(),
            acknowledged: 20,
            kinds: vec![incomplete.clone()],
        },
        CrashState {
            what: "marker, two complete lines of three",
            file: bytes[..ends[21]].to_vec(),
            acknowledged: 20,
            kinds: vec![incomplete.clone()],
        },
        CrashState {
            what: "marker, two lines and a part of the third",
            file: bytes[..end - 1].to_vec(),
            acknowledged: 20,
            kinds: vec![incomplete.clone()],
        },
        CrashState {
            what: "marker, the batch's length but a block of zeros inside",
            file: zeroed,
            acknowledged: 20,
            kinds: vec![incomplete],
        },
        CrashState {
            what: "marker, the whole batch",
            file: bytes[..end].to_vec(),
            acknowledged: 23,
            kinds: vec![RecoveryKind::CompletedBatch],
        },
        CrashState {
            what: "stale marker after a complete batch and a later append",
            file: bytes[..ends[23]].to_vec(),
            acknowledged: 24,
            kinds: vec![RecoveryKind::CompletedBatch],
        },
        CrashState {
            what: "stale marker, then a torn line",
            file: bytes[..ends[23] + 30].to_vec(),
            acknowledged: 24,
            kinds: vec![RecoveryKind::CompletedBatch, RecoveryKind::Unterminated],
        },
    ];
    (states, start, end)
}

#[test]
fn every_crash_state_of_a_batch_append_recovers_all_or_nothing() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let ends = line_ends(&bytes);
    let (states, start, _) = crash_states(&log);
    for state in states {
        let what = state.what;
        let dir = TempDir::new("crash-state");
        let path = write_log(dir.path(), id, &state.file);
        let pending = beside(&path, ".pending");
        fs::write(&pending, marker(start, &log[20..23])).expect("marker");
        let before = snapshot(dir.path());

        // Reading never modifies: load and open_read_only see the acknowledged envelopes.
        let (reader, found) = JsonlStore::open_read_only(dir.path()).expect(what);
        let kinds: Vec<_> = found.iter().map(|r| r.kind.clone()).collect();
        assert_eq!(kinds, state.kinds, "{what}");
        assert!(
            found.iter().all(|r| r.read_only && r.sidecar.is_none()),
            "{what}"
        );
        assert_eq!(
            reader.load(id).expect(what),
            log[..state.acknowledged],
            "{what}"
        );
        assert_eq!(
            snapshot(dir.path()),
            before,
            "{what}: reading modified the directory"
        );

        // Open recovers: a partial batch goes to a sidecar, the marker goes.
        let (store, found) = JsonlStore::open(dir.path()).expect(what);
        let kinds: Vec<_> = found.iter().map(|r| r.kind.clone()).collect();
        assert_eq!(kinds, state.kinds, "{what}");
        let kept = ends[state.acknowledged - 1];
        for recovery in &found {
            match recovery.kind {
                RecoveryKind::CompletedBatch => {
                    assert_eq!(
                        (recovery.line, recovery.offset),
                        (21, start as u64),
                        "{what}"
                    );
                    assert_eq!(recovery.truncated_bytes, 0, "{what}");
                    assert!(recovery.sidecar.is_none(), "{what}");
                }
                RecoveryKind::IncompleteBatch { .. } if state.file.len() == start => {
                    assert_eq!(
                        (recovery.line, recovery.offset),
                        (21, start as u64),
                        "{what}"
                    );
                    assert_eq!(recovery.truncated_bytes, 0, "{what}");
                    assert!(recovery.sidecar.is_none(), "{what}");
                }
                _ => {
                    let line = state.acknowledged as u64 + 1;
                    assert_saved(recovery, &path, line, kept, &state.file[kept..]);
                }
            }
        }
        assert!(!pending.exists(), "{what}: the marker stayed");
        assert_eq!(fs::read(&path).expect("read"), &bytes[..kept], "{what}");
        let loaded = store.load(id).expect(what);
        assert_eq!(loaded, log[..state.acknowledged], "{what}");
        replays(&loaded).unwrap_or_else(|e| panic!("{what}: {e}"));
        // And the log continues.
        let next = &log[state.acknowledged..state.acknowledged + 3];
        store
            .append(id, state.acknowledged as u64, next)
            .expect(what);
        assert_eq!(
            fs::read(&path).expect("read"),
            &bytes[..ends[state.acknowledged + 2]],
            "{what}"
        );
        let (_, found) = JsonlStore::open(dir.path()).expect(what);
        assert!(found.is_empty(), "{what}: {found:?}");
    }
}

#[test]
fn the_next_append_recovers_a_pending_batch() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let ends = line_ends(&bytes);
    let dir = TempDir::new("append-recovers");
    let (store, _) = JsonlStore::open(dir.path()).expect("open");
    // A writer died after two of its three lines, behind this store's back.
    let path = write_log(dir.path(), id, &bytes[..ends[21]]);
    let pending = beside(&path, ".pending");
    fs::write(&pending, marker(ends[19], &log[20..23])).expect("marker");
    assert_eq!(store.load(id).expect("load"), log[..20]);
    // A stale expected sequence is refused and modifies nothing.
    let before = snapshot(dir.path());
    let error = store.append(id, 22, &log[22..24]).unwrap_err();
    assert!(
        matches!(error, StoreError::Conflict { actual: 20, .. }),
        "{error}"
    );
    assert_eq!(snapshot(dir.path()), before);
    // The next append moves the partial batch aside and writes after the acknowledged lines.
    store.append(id, 20, &log[20..22]).expect("append");
    assert!(!pending.exists());
    let sidecar = beside(&path, &format!(".torn-{}", ends[19]));
    assert_eq!(
        fs::read(&sidecar).expect("sidecar"),
        &bytes[ends[19]..ends[21]]
    );
    assert_eq!(fs::read(&path).expect("read"), &bytes[..ends[21]]);
    assert_eq!(store.load(id).expect("load"), log[..22]);
    // A single envelope after a stale marker of a complete batch: the marker goes.
    fs::write(&pending, marker(ends[19], &log[20..22])).expect("marker");
    store.append(id, 22, &log[22..23]).expect("append");
    assert!(!pending.exists());
    assert_eq!(fs::read(&path).expect("read"), &bytes[..ends[22]]);
}

#[test]
fn a_batch_append_leaves_only_its_log() {
    let (log, _) = c06();
    let id = id_of(&log);
    let dir = TempDir::new("batch-clean");
    let (store, _) = JsonlStore::open(dir.path()).expect("open");
    // A leftover temporary marker (a writer died while writing it) is overwritten.
    let path = store.path_of(id);
    fs::write(beside(&path, ".pending.tmp"), b"{\"format\":").expect("write");
    store.append(id, 0, &log[..10]).expect("append");
    store.append(id, 10, &log[10..11]).expect("append one");
    store.append(id, 11, &log[11..]).expect("append");
    let name = format!("{}.jsonl", id.0.hyphenated());
    assert_eq!(names(dir.path()), vec![name.clone()]);
    assert_eq!(fs::read(&path).expect("read"), jsonl_bytes(&log));
    // Open removes a leftover temporary marker too, and reports nothing.
    fs::write(beside(&path, ".pending.tmp"), b"").expect("write");
    let (_, found) = JsonlStore::open(dir.path()).expect("open");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(names(dir.path()), vec![name]);
}

#[test]
fn a_damaged_marker_is_corrupt_and_nothing_is_modified() {
    let (log, _) = c06();
    let id = id_of(&log);
    let bytes = jsonl_bytes(&log);
    let ends = line_ends(&bytes);
    let good = marker(ends[19], &log[20..23]);
    let cases: Vec<(&str, String, &str)> = vec![
        ("not JSON", "garbage\n".into(), "not a pending-batch marker"),
        ("no newline", good.trim_end().to_owned(), "newline"),
        (
            "another format",
            good.replace("pending/1", "pending/9"),
            "format",
        ),
        (
            "an unknown field",
            good.replace("{", "{\"x\":1,"),
            "unknown field",
        ),
        (
            "beyond the end of the log",
            marker(bytes.len() + 10, &log[20..23]),
            "log_length_before",
        ),
        (
            "inside a line",
            marker(ends[19] - 3, &log[20..23]),
            "inside line 20",
        ),
        (
            "an empty batch",
            good.replace(",\"last_sequence\":23", ",\"last_sequence\":21"),
            "last_sequence",
        ),
    ];
    for (what, text, expected) in cases {
        let dir = TempDir::new("bad-marker");
        let (store, _) = JsonlStore::open(dir.path()).expect("open");
        let path = write_log(dir.path(), id, &bytes[..ends[21]]);
        let pending = beside(&path, ".pending");
        fs::write(&pending, &text).expect("marker");
        let before = snapshot(dir.path());
        for result in [
            JsonlStore::open(dir.path()).map(|_| ()),
            JsonlStore::open_read_only(dir.path()).map(|_| ()),
            store.load(id).map(|_| ()),
            store.append(id, 20, &log[20..21]),
        ] {
            let (file, line, reason) = expect_corrupt(result);
            assert_eq!((&file, line), (&pending, 1), "{what}: {reason}");
            assert!(reason.contains(expected), "{what}: {reason}");
        }
        assert_eq!(snapshot(dir.path()), before, "{what}");
    }
}

// ---------------------------------------------------------------------------------------
// 4. Read-only archives.

/// A directory with three logs: C03 whole, C06 with a torn tail, C08 with a pending
/// incomplete batch. Returns the logs and how many envelopes of each are acknowledged.
fn archive(dir: &Path) -> Vec<(Vec<Envelope>, usize)> {
    let (c03, _) = record_scenario(&sample::c03_rice());
    let (c06, _) = c06();
    let (c08, _) = record_scenario(&sample::c08_referral());
    assert!(c08.len() >= 4, "C08 is long enough");
    write_log(dir, id_of(&c03), &jsonl_bytes(&c03));
    let c06_bytes = jsonl_bytes(&c06);
    write_log(dir, id_of(&c06), &c06_bytes[..c06_bytes.len() - 9]);
    let c08_bytes = jsonl_bytes(&c08);
    let c08_ends = line_ends(&c08_bytes);
    let n = c08.len();
    let c08_path = write_log(dir, id_of(&c08), &c08_bytes[..c08_ends[n - 2]]);
    fs::write(
        beside(&c08_path, ".pending"),
        marker(c08_ends[n - 4], &c08[n - 3..]),
    )
    .expect("marker");
    let (c06_len, c08_len) = (c06.len() - 1, n - 3);
    vec![(c03.clone(), c03.len()), (c06, c06_len), (c08, c08_len)]
}

#[test]
fn open_read_only_changes_nothing_and_loads_and_replays() {
    let dir = TempDir::new("read-only");
    let logs = archive(dir.path());
    let before = snapshot(dir.path());
    let (store, found) = JsonlStore::open_read_only(dir.path()).expect("open read-only");
    assert!(store.is_read_only());
    let mut kinds: Vec<(PathBuf, RecoveryKind)> = found
        .iter()
        .map(|r| (r.file.clone(), r.kind.clone()))
        .collect();
    kinds.sort_by(|a, b| a.0.cmp(&b.0));
    let mut expected: Vec<(PathBuf, RecoveryKind)> = vec![
        (store.path_of(id_of(&logs[1].0)), RecoveryKind::Unterminated),
        (
            store.path_of(id_of(&logs[2].0)),
            RecoveryKind::IncompleteBatch {
                expected_len: jsonl_bytes(&logs[2].0).len() as u64,
            },
        ),
    ];
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(kinds, expected);
    for recovery in &found {
        assert!(
            recovery.read_only && recovery.sidecar.is_none(),
            "{recovery:?}"
        );
        assert!(recovery.truncated_bytes > 0, "{recovery:?}");
    }
    let mut ids: Vec<CooperationId> = logs.iter().map(|(log, _)| id_of(log)).collect();
    ids.sort();
    assert_eq!(store.list().expect("list"), ids);
    for (log, acknowledged) in &logs {
        let id = id_of(log);
        let loaded = store.load(id).expect("load");
        assert_eq!(loaded, log[..*acknowledged]);
        replays(&loaded).expect("replay");
        // Appends are refused, whatever they hold (the rest of the log, nothing, a stale
        // sequence).
        for result in [
            store.append(id, *acknowledged as u64, &log[*acknowledged..]),
            store.append(id, *acknowledged as u64, &[]),
            store.append(id, 0, &log[..1]),
        ] {
            assert_eq!(
                result,
                Err(StoreError::ReadOnly {
                    path: store.path_of(id)
                })
            );
        }
    }
    let new = CooperationId(uuid::Uuid::from_u128(77));
    assert!(matches!(
        store.append(new, 0, &[]),
        Err(StoreError::ReadOnly { .. })
    ));
    assert_eq!(
        snapshot(dir.path()),
        before,
        "open_read_only modified the archive"
    );
    // A folder that does not exist is an error, and is not created.
    let missing = dir.path().join("missing");
    assert!(matches!(
        JsonlStore::open_read_only(&missing),
        Err(StoreError::Io { .. })
    ));
    assert!(!missing.exists());
}

#[cfg(unix)]
/// How a test makes files and folders unwritable for this process.
#[derive(Clone, Copy, Debug)]
enum Deny {
    /// `chmod` (0444 files, 0555 folders): works unless the process is root.
    Chmod,
    /// The immutable attribute (`chattr +i`): denies writing even to root, where the file
    /// system has it and the process may set it (CAP_LINUX_IMMUTABLE).
    Immutable,
}

#[cfg(unix)]
/// Makes paths unwritable and restores them on drop (so a failing test still cleans up).
struct Unwritable {
    how: Deny,
    done: Vec<(PathBuf, fs::Permissions)>,
}

#[cfg(unix)]
impl Unwritable {
    fn new(how: Deny) -> Self {
        Self {
            how,
            done: Vec::new(),
        }
    }

    fn set(&mut self, path: &Path) -> bool {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::metadata(path).expect("metadata");
        let ok = match self.how {
            Deny::Chmod => {
                let mode = if meta.is_dir() { 0o555 } else { 0o444 };
                fs::set_permissions(path, fs::Permissions::from_mode(mode)).is_ok()
            }
            Deny::Immutable => std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success()),
        };
        if ok {
            self.done.push((path.to_path_buf(), meta.permissions()));
        }
        ok
    }
}

#[cfg(unix)]
impl Drop for Unwritable {
    fn drop(&mut self) {
        for (path, permissions) in self.done.iter().rev() {
            match self.how {
                Deny::Chmod => {
                    let _ = fs::set_permissions(path, permissions.clone());
                }
                Deny::Immutable => {
                    let _ = std::process::Command::new("chattr")
                        .arg("-i")
                        .arg(path)
                        .status();
                }
            }
        }
    }
}

#[cfg(unix)]
/// A way to deny this process writing that really denies it, tried on a probe file: chmod
/// (not as root), else the immutable attribute; `None` if neither does.
fn really_denies(dir: &Path) -> Option<Deny> {
    let probe = dir.join("probe");
    let mut found = None;
    for how in [Deny::Chmod, Deny::Immutable] {
        fs::write(&probe, b"").expect("write probe");
        let mut unwritable = Unwritable::new(how);
        let denied =
            unwritable.set(&probe) && fs::OpenOptions::new().write(true).open(&probe).is_err();
        drop(unwritable);
        if denied {
            found = Some(how);
            break;
        }
    }
    fs::remove_file(&probe).expect("remove probe");
    found
}

#[test]
#[cfg(unix)]
fn open_falls_back_to_read_only_where_writing_is_denied() {
    let dir = TempDir::new("denied");
    let Some(how) = really_denies(dir.path()) else {
        // Root without CAP_LINUX_IMMUTABLE (as in a CI container): nothing denies writing
        // here. The read-only behaviour itself is asserted by
        // open_read_only_changes_nothing_and_loads_and_replays.
        eprintln!(
            "SKIPPED open_falls_back_to_read_only_where_writing_is_denied: this process may \
             write a 0444 file and may not set the immutable attribute"
        );
        return;
    };
    eprintln!("denying writes with {how:?}");
    let logs = archive(dir.path());
    let mut unwritable = Unwritable::new(how);
    for entry in fs::read_dir(dir.path()).expect("read dir") {
        assert!(unwritable.set(&entry.expect("entry").path()));
    }
    assert!(unwritable.set(dir.path()));
    let before = snapshot(dir.path());
    let (store, found) = JsonlStore::open(dir.path()).expect("open falls back");
    assert!(!store.is_read_only());
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found.iter().all(|r| r.read_only && r.sidecar.is_none()),
        "{found:?}"
    );
    let clean = store.path_of(id_of(&logs[0].0));
    assert!(
        found
            .iter()
            .any(|r| r.file == clean && r.kind == RecoveryKind::ReadOnly),
        "{found:?}"
    );
    for (log, acknowledged) in &logs {
        let id = id_of(log);
        let loaded = store.load(id).expect("load");
        assert_eq!(loaded, log[..*acknowledged]);
        replays(&loaded).expect("replay");
        let refused = store.append(id, *acknowledged as u64, &log[*acknowledged..]);
        assert!(
            matches!(refused, Err(StoreError::ReadOnly { .. })),
            "{refused:?}"
        );
    }
    assert_eq!(
        snapshot(dir.path()),
        before,
        "open modified a read-only archive"
    );
    drop(unwritable);

    // Writable files in a read-only folder: a torn tail cannot be saved, so it is not cut;
    // an append that needs a new file (marker, sidecar, log) is refused.
    let mut unwritable = Unwritable::new(how);
    assert!(unwritable.set(dir.path()));
    let before = snapshot(dir.path());
    let (store, found) = JsonlStore::open(dir.path()).expect("open");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|r| r.read_only), "{found:?}");
    assert_eq!(snapshot(dir.path()), before);
    for (log, acknowledged) in &logs[1..] {
        // C06 needs a sidecar for its torn tail, C08 one for its partial batch.
        let refused = store.append(id_of(log), *acknowledged as u64, &log[*acknowledged..]);
        assert!(
            matches!(refused, Err(StoreError::ReadOnly { .. })),
            "{refused:?}"
        );
    }
    // A new log cannot be created.
    let (c01, _) = record_scenario(&sample::c01_commodities());
    let refused = store.append(id_of(&c01), 0, &c01);
    assert_eq!(
        refused,
        Err(StoreError::ReadOnly {
            path: store.path_of(id_of(&c01))
        })
    );
    let (c03, _) = &logs[0];
    let refused = store.append(id_of(c03), 0, &c03[..1]);
    assert!(
        matches!(refused, Err(StoreError::Conflict { .. })),
        "{refused:?}"
    );
    assert_eq!(snapshot(dir.path()), before);
}

/// A line whose hash was computed over its own non-canonical bytes (a `+00:00` timestamp,
/// an upper-case uuid) is what a careless writer produces. Hashes are checked over the
/// canonical bytes of the decoded envelope, by the store and by replay alike: the store
/// refuses it as `Corrupt`, so it can never be accepted and then fail to replay.
#[test]
fn a_line_hashed_over_non_canonical_bytes_is_corrupt_so_the_store_accepts_only_what_replays() {
    let (log, _) = c06();
    let id = id_of(&log);
    let canonical = schema::encode_envelope(&log[1]);
    let event_id = log[1].event_id.to_string();
    for variant in [
        canonical.replacen("Z\",\"rule_set\"", "+00:00\",\"rule_set\"", 1),
        canonical.replacen(&event_id, &event_id.to_uppercase(), 1),
    ] {
        assert_ne!(variant, canonical);
        let (body, _) = variant.rsplit_once(",\"hash\":").expect("hash member");
        let hash = kerjasama::audit::envelope_hash(format!("{body}}}").as_bytes());
        let line = format!("{body},\"hash\":\"{hash}\"}}");
        let mut bytes = jsonl_bytes(&log[..1]);
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(&jsonl_bytes(&log)[jsonl_bytes(&log[..2]).len()..]);
        let dir = TempDir::new("non-canonical");
        let path = write_log(dir.path(), id, &bytes);
        // `open` reads the end of the log only; `load` and `open_verified` read all of it.
        let (store, _) = JsonlStore::open(dir.path()).expect("the log ends well");
        match store.load(id) {
            Err(StoreError::Corrupt { file, line, reason }) => {
                assert_eq!((file, line), (path.clone(), 2));
                assert!(reason.contains("hash mismatch"), "{reason}");
            }
            other => panic!("expected Corrupt, got {other:?}"),
        }
        match JsonlStore::open_verified(dir.path()) {
            Err(StoreError::Corrupt { file, line, reason }) => {
                assert_eq!((file, line), (path.clone(), 2));
                assert!(reason.contains("hash mismatch"), "{reason}");
            }
            other => panic!("expected Corrupt, got {other:?}"),
        }
        assert_eq!(fs::read(&path).expect("read"), bytes, "left untouched");
    }
}
