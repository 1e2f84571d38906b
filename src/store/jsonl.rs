//! JSON-lines files: one append-only file per cooperation, one envelope per line.
//!
//! These files are public record keeping, to be read for decades, possibly by other software:
//! this page is the specification of their layout and of what this crate does after a crash.
//!
//! # Layout
//! A directory holds `<cooperation id>.jsonl` per cooperation (the id in the canonical
//! hyphenated lowercase form of a UUID). Each line is [`schema::encode_envelope`] followed by
//! `"\n"` (no byte order mark, no `"\r"`); line *n* holds the envelope with sequence *n*.
//!
//! Beside a log `<id>.jsonl` this crate may write:
//!
//! - `<id>.jsonl.pending`: the *intent marker* of an append of several envelopes that is in
//!   progress, or that was interrupted. One line of JSON and `"\n"`:
//!   `{"format":"kerjasama.jsonl.pending/1","log_length_before":B,"log_length_after":A,`
//!   `"first_sequence":F,"last_sequence":L}`: before the append the log was `B` bytes long
//!   and ended with a complete line; the append writes the lines of sequences `F..=L` as
//!   the bytes `[B, A)`.
//! - `<id>.jsonl.pending.tmp`: a marker being written (it is renamed to `.pending` once
//!   complete and synced). It never describes a batch that was started.
//! - `<id>.jsonl.torn-<offset>` (then `.torn-<offset>.2`, `.3`, … if that name exists: a
//!   sidecar is never overwritten): a *sidecar*, holding exactly the bytes that were cut
//!   from the log at byte `offset` (a torn tail, or the part of an interrupted batch that
//!   reached the file). Nothing this crate cuts is discarded: it is written to a sidecar,
//!   and the sidecar and the directory are synced, before the log is truncated.
//!
//! Only `<canonical uuid>.jsonl` regular files are logs: markers, sidecars, other files and
//! `.jsonl` files whose names are not a canonical UUID are never read as logs by
//! [`JsonlStore::open`], [`EventStore::list`] or [`EventStore::load`].
//!
//! # Appending
//! [`EventStore::append`] takes an exclusive lock on the log file ([`File::lock`], `flock`
//! semantics on Unix: it excludes other processes and other threads that opened the file
//! separately) and, while holding it, reads the end of the file: when there is no marker
//! and the file ends with a complete line that decodes, verifies its hash and names the
//! log's cooperation, that line is the log's last envelope (the lines before it were
//! verified when they were appended, and are verified again whenever the log is loaded), so
//! an append costs the same at sequence 1 and at sequence 10,000. Anything else (a marker, a
//! torn tail, a last line that does not verify) makes it read and verify the whole file as
//! [`JsonlStore::open_verified`] does. It compares the last sequence with the caller's (a
//! [`StoreError::Conflict`] otherwise), and checks that the new envelopes continue the
//! chain; nothing is written when a check fails. Then, still under the lock:
//!
//! 1. the recovery of the next section is done (a torn tail or the partial batch of a
//!    writer that died is moved to a sidecar; a stale marker is removed);
//! 2. for more than one envelope, the marker is written: `<id>.jsonl.pending.tmp` is
//!    written and synced, renamed to `<id>.jsonl.pending`, and the directory is synced;
//! 3. all the lines are written with one `write_all`, and `sync_data` is called;
//! 4. the marker is removed (not synced: a marker left behind by a crash here describes a
//!    complete batch, and recovery just removes it).
//!
//! An append of one envelope writes no marker: a part of its single line is a torn tail. A
//! failed write is rolled back by truncating the log to its previous length; a batch's
//! marker then stays, for the next open or append to recover.
//!
//! The removal of a marker by step 4 is not synced, because a marker whose batch was
//! written is harmless if a crash brings it back. Every other removal (recovery of an
//! incomplete batch, below) is followed by a sync of the directory before anything else is
//! written, so that a marker never comes back to claim lines written after it.
//!
//! # Recovery after a crash
//! [`JsonlStore::open`] checks the end of every log under its exclusive lock (and
//! [`JsonlStore::open_verified`] every line of it), and an append does the same before it
//! writes; whatever the end of a log shows other than a complete, verified last line is
//! read from the start of the log and handled as follows:
//!
//! - **Interrupted batch.** If `<id>.jsonl.pending` exists, the lines before
//!   `log_length_before` must all be complete and valid (they were acknowledged). If the
//!   file is at least `log_length_after` long and its bytes `[B, A)` are complete lines that
//!   decode and continue the chain with sequences `F..=L`, the batch is complete: the
//!   marker is removed ([`RecoveryKind::CompletedBatch`]) and the rest of the file is
//!   checked as usual. Otherwise the batch never completed, so it never was acknowledged:
//!   the bytes `[B, end of file)` are moved to a sidecar, the log is truncated to `B` and
//!   synced, and the marker is removed and the directory synced
//!   ([`RecoveryKind::IncompleteBatch`]). A marker that is not of the form above, or whose
//!   `log_length_before` is beyond the end of the log or inside a line, is
//!   [`StoreError::Corrupt`] (naming the marker file) and nothing is modified. A leftover
//!   `.pending.tmp` is removed.
//! - **Torn tail.** Only two things are a torn tail: (a) a last line without its newline
//!   (whatever its bytes: a cut may even split a UTF-8 character), and (b) lines made only
//!   of NUL bytes at the end of the file, possibly followed by a last line without its
//!   newline (blocks of an interrupted write that read back as zeros). It is moved to a
//!   sidecar and the log is truncated to the end of its last complete line
//!   ([`RecoveryKind::Unterminated`], [`RecoveryKind::NulBytes`]). This cut is not synced
//!   by itself: it is idempotent (if a crash loses it, the next open cuts the same bytes
//!   again, into a new sidecar), and the next append's `sync_data` makes it durable.
//! - **Everything else** is [`StoreError::Corrupt`] naming the file, the line (from 1) and
//!   what is wrong, and then nothing at all is modified in that log: a complete line that
//!   is not UTF-8, not JSON (`null`, a number out of range, nesting deeper than
//!   `serde_json` reads, a byte order mark, an empty line, any text), does not fit the
//!   schema (the field is named), whose hash does not match its content, or that does not
//!   continue the chain (sequence, `prev_hash`, a `cooperation_id` other than the file's
//!   name); a line of NUL bytes followed by a line that is not; and any line longer than
//!   [`MAX_LINE_BYTES`] that is not made of NUL bytes (no torn write is that long),
//!   detected without reading more than that into memory. The last complete line is no
//!   exception: it was synced when its append was acknowledged, and is never dropped
//!   because it does not decode.
//!
//! A damaged line before the last one is found by [`EventStore::load`] (and by
//! [`JsonlStore::open_verified`] and [`JsonlStore::open_read_only`]), which read and verify
//! every line: it is never returned, replayed or cut.
//!
//! Each recovery is reported as a [`Recovery`]. [`EventStore::load`] takes a shared lock
//! and never modifies anything: it returns the complete envelopes before a torn tail, and
//! before `log_length_before` while an incomplete batch is pending.
//!
//! # Read-only archives
//! [`JsonlStore::open_read_only`] never creates, writes, truncates or removes anything: it
//! checks every log under a shared lock and reports torn tails, interrupted batches and
//! stale markers as [`Recovery`] values with `read_only` set and no sidecar; appends are
//! refused with [`StoreError::ReadOnly`]. [`JsonlStore::open`] behaves the same way for a
//! log it may not write (the file or the directory denies writing, or the file system is
//! read-only) and reports it (a log with nothing to recover as [`RecoveryKind::ReadOnly`]);
//! an append that would have to write such a file (the log, a marker or a sidecar) is
//! refused with [`StoreError::ReadOnly`] and writes nothing.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::audit::Envelope;
use crate::audit::schema;
use crate::model::CooperationId;

use super::{EventStore, StoreError, check_append, check_continuation, check_link, decode_reason};

/// The longest line (without its newline) a log may hold: 16 MiB. A longer stored line is
/// [`StoreError::Corrupt`] (unless it is NUL bytes of a torn tail); an append whose
/// encoding is longer is [`StoreError::Invalid`].
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// The extension of log files.
const EXTENSION: &str = "jsonl";

/// The `format` of a pending-batch marker.
const MARKER_FORMAT: &str = "kerjasama.jsonl.pending/1";

/// A marker longer than this is not one this crate wrote.
const MAX_MARKER_BYTES: u64 = 4096;

/// How many sidecars of one offset may exist before a cut gives up.
const MAX_SIDECARS: u32 = 10_000;

/// What [`JsonlStore::open`] (or [`JsonlStore::open_read_only`]) found in a log and did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecoveryKind {
    /// A torn tail: a last line without its newline.
    Unterminated,
    /// A torn tail: lines of NUL bytes at the end of the file (possibly followed by a last
    /// line without its newline).
    NulBytes,
    /// An append of several envelopes that did not complete: its bytes `[offset, end of
    /// file)` never were acknowledged.
    IncompleteBatch {
        /// The length the log would have had after the batch (`log_length_after`).
        expected_len: u64,
    },
    /// The marker of an append of several envelopes that did complete: nothing is cut, the
    /// marker is removed (`offset` is where the batch starts, `truncated_bytes` is 0).
    CompletedBatch,
    /// Nothing to recover, but [`JsonlStore::open`] may not write the log (permissions, or
    /// a read-only file system): it was checked read-only and appends to it are refused.
    /// `line` is the line after the last, `offset` the length, `truncated_bytes` 0.
    ReadOnly,
}

/// One finding of [`JsonlStore::open`] in one log: a torn tail or an interrupted batch that
/// was cut (its bytes saved in a sidecar first), a stale marker removed, or a log that can
/// only be read. A log may have two (a completed batch followed by a torn tail).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Recovery {
    /// The log file.
    pub file: PathBuf,
    /// The line number (from 1) of the first line that was cut (or would be).
    pub line: u64,
    /// Bytes cut from the end of the log (when `read_only`: bytes that are not part of the
    /// log and that [`EventStore::load`] ignores, left in place).
    pub truncated_bytes: u64,
    /// The byte offset of the cut: the length of the log that was kept.
    pub offset: u64,
    /// What was found.
    pub kind: RecoveryKind,
    /// The sidecar file holding exactly the `truncated_bytes` cut bytes; `None` when
    /// nothing was cut.
    pub sidecar: Option<PathBuf>,
    /// Nothing was modified because the log cannot be written ([`JsonlStore::open_read_only`],
    /// or no write access): the tail is left in place, the marker too.
    pub read_only: bool,
}

/// A directory of JSON-lines logs. Holds no state besides the path and whether it was opened
/// read-only: every operation reads the file under a lock, so several stores (in one or
/// several processes) may share a directory.
#[derive(Debug, Clone)]
pub struct JsonlStore {
    dir: PathBuf,
    read_only: bool,
}

/// The content of a pending-batch marker (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pending {
    format: String,
    log_length_before: u64,
    log_length_after: u64,
    first_sequence: u64,
    last_sequence: u64,
}

/// A marker read from disk, with its path.
struct Marker {
    path: PathBuf,
    pending: Pending,
}

/// What a scan of a log found.
struct Scan {
    /// The acknowledged envelopes, in order.
    envelopes: Vec<Envelope>,
    /// Length in bytes of their lines: the length the log is cut to.
    complete_len: u64,
    /// Length of the file.
    file_len: u64,
    /// The marker's batch is complete: the line number of its first line.
    completed_batch: Option<u64>,
    /// Bytes after `complete_len` that are not part of the log.
    tail: Option<Tail>,
}

/// Bytes at the end of a log that are not part of it.
struct Tail {
    /// The number of its first line.
    line: u64,
    /// What they are.
    kind: RecoveryKind,
}

impl JsonlStore {
    /// Opens (creating it if needed) the directory `dir` and checks every log in it, moving
    /// torn tails and interrupted batches to sidecars (see the module documentation).
    /// Returns the store and what was found. A damaged log is [`StoreError::Corrupt`], and
    /// then nothing has been modified in that log. A log that may not be written is checked
    /// read-only and reported (its appends are refused with [`StoreError::ReadOnly`]).
    ///
    /// Opening reads the end of each log only (its last line is decoded and its hash
    /// verified, its marker read): the lines before are verified when the log is loaded, so
    /// opening a directory of many logs costs a directory listing and one short read per log.
    /// [`JsonlStore::open_verified`] verifies every line of every log at open.
    pub fn open(dir: impl AsRef<Path>) -> Result<(Self, Vec<Recovery>), StoreError> {
        Self::open_with(dir, Verify::Tail)
    }

    /// Opens `dir` as [`JsonlStore::open`] does, verifying every line of every log first (the
    /// chain, every hash, every decode): an audit of a whole directory before it is used.
    pub fn open_verified(dir: impl AsRef<Path>) -> Result<(Self, Vec<Recovery>), StoreError> {
        Self::open_with(dir, Verify::Everything)
    }

    fn open_with(
        dir: impl AsRef<Path>,
        verify: Verify,
    ) -> Result<(Self, Vec<Recovery>), StoreError> {
        let dir = dir.as_ref().to_path_buf();
        fs::create_dir_all(&dir).map_err(|e| io_error(&dir, &e))?;
        let store = Self {
            dir,
            read_only: false,
        };
        let mut recoveries = Vec::new();
        for (cooperation, path) in store.log_files()? {
            store.check_log(cooperation, &path, verify, &mut recoveries)?;
        }
        Ok((store, recoveries))
    }

    /// Opens the existing directory `dir` for reading only: checks every log in it under a
    /// shared lock and reports torn tails, interrupted batches and stale markers (with
    /// `read_only` set) without creating, writing, truncating or removing anything.
    /// [`EventStore::load`] returns the complete envelopes; [`EventStore::append`] is
    /// refused with [`StoreError::ReadOnly`].
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<(Self, Vec<Recovery>), StoreError> {
        let store = Self {
            dir: dir.as_ref().to_path_buf(),
            read_only: true,
        };
        let mut recoveries = Vec::new();
        for (cooperation, path) in store.log_files()? {
            store.check_log(cooperation, &path, Verify::Everything, &mut recoveries)?;
        }
        Ok((store, recoveries))
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the store was opened with [`JsonlStore::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The file holding the log of `cooperation`.
    pub fn path_of(&self, cooperation: CooperationId) -> PathBuf {
        self.dir
            .join(format!("{}.{EXTENSION}", cooperation.0.hyphenated()))
    }

    /// The log files of the directory, sorted by cooperation id.
    fn log_files(&self) -> Result<Vec<(CooperationId, PathBuf)>, StoreError> {
        let entries = fs::read_dir(&self.dir).map_err(|e| io_error(&self.dir, &e))?;
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| io_error(&self.dir, &e))?;
            let path = entry.path();
            let Some(cooperation) = cooperation_of(&path) else {
                continue;
            };
            let kind = entry.file_type().map_err(|e| io_error(&path, &e))?;
            if kind.is_file() {
                files.push((cooperation, path));
            }
        }
        files.sort();
        Ok(files)
    }

    /// Checks the log at `path` as `open` (recovering it if it may be written) or
    /// `open_read_only` does, adding what it found to `out`.
    fn check_log(
        &self,
        cooperation: CooperationId,
        path: &Path,
        verify: Verify,
        out: &mut Vec<Recovery>,
    ) -> Result<(), StoreError> {
        if !self.read_only {
            match OpenOptions::new().read(true).write(true).open(path) {
                Ok(file) => {
                    // Holds the exclusive lock until `file` is dropped.
                    file.lock().map_err(|e| io_error(path, &e))?;
                    let marker = read_marker(path)?;
                    if verify == Verify::Tail
                        && marker.is_none()
                        && !matches!(check_tail(&file, path, cooperation)?, TailCheck::Scan)
                    {
                        // Nothing to recover: the rest is verified when the log is loaded.
                        remove_quietly(&pending_tmp_path(path));
                        return Ok(());
                    }
                    let scan = scan(&file, path, cooperation, marker.as_ref())?;
                    match self.recover(&file, path, &scan, marker.as_ref()) {
                        Ok(sidecar) => {
                            out.extend(report(path, &scan, marker.as_ref(), sidecar, false));
                            remove_quietly(&pending_tmp_path(path));
                            return Ok(());
                        }
                        // The directory may not be written: nothing was modified.
                        Err(StoreError::ReadOnly { .. }) => {}
                        Err(other) => return Err(other),
                    }
                }
                Err(e) if denied(&e) => {}
                Err(e) => return Err(io_error(path, &e)),
            }
        }
        let file = File::open(path).map_err(|e| io_error(path, &e))?;
        file.lock_shared().map_err(|e| io_error(path, &e))?;
        let marker = read_marker(path)?;
        let scan = scan(&file, path, cooperation, marker.as_ref())?;
        let mut found = report(path, &scan, marker.as_ref(), None, true);
        if found.is_empty() && !self.read_only {
            found.push(Recovery {
                file: path.to_path_buf(),
                line: lines_in(&scan).saturating_add(1),
                truncated_bytes: 0,
                offset: scan.file_len,
                kind: RecoveryKind::ReadOnly,
                sidecar: None,
                read_only: true,
            });
        }
        out.extend(found);
        Ok(())
    }

    /// Under the exclusive lock: moves the tail found by `scan` (if any) to a sidecar, cuts
    /// it, and removes the marker. Returns the sidecar. [`StoreError::ReadOnly`] when the
    /// directory may not be written, and then nothing was modified.
    fn recover(
        &self,
        file: &File,
        path: &Path,
        scan: &Scan,
        marker: Option<&Marker>,
    ) -> Result<Option<PathBuf>, StoreError> {
        let mut sidecar = None;
        if scan.tail.is_some() && scan.file_len > scan.complete_len {
            sidecar = Some(save_sidecar(
                file,
                path,
                &self.dir,
                scan.complete_len,
                scan.file_len - scan.complete_len,
            )?);
            file.set_len(scan.complete_len)
                .map_err(|e| io_error(path, &e))?;
            // The cut of a torn tail is idempotent: if a crash loses it, the next open cuts
            // again (into a new sidecar), and the next append's `sync_data` makes it durable.
            // The cut of a batch must be durable before its marker goes.
            if marker.is_some() {
                file.sync_data().map_err(|e| io_error(path, &e))?;
            }
        }
        if let Some(marker) = marker {
            match fs::remove_file(&marker.path) {
                // Durably: new lines may now be written where the batch was, and a marker
                // resurrected by a crash would take them for its partial batch.
                Ok(()) => sync_dir(&self.dir)?,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                // Nothing modified yet: report the log read-only.
                Err(e) if denied(&e) && sidecar.is_none() => {
                    return Err(StoreError::ReadOnly {
                        path: marker.path.clone(),
                    });
                }
                Err(e) => return Err(io_error(&marker.path, &e)),
            }
        }
        Ok(sidecar)
    }
}

/// How much of each log [`JsonlStore::open`] verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verify {
    /// Its end: the last line and the marker (what an append needs to continue the log).
    Tail,
    /// Every line.
    Everything,
}

/// What the end of a log shows, read without reading the rest of it.
enum TailCheck {
    /// An empty file.
    Empty,
    /// The file ends with a complete line of data that decodes, verifies and belongs to the
    /// log: that line's envelope, and the file's length.
    Clean {
        /// The last envelope.
        last: Box<Envelope>,
        /// The length of the file.
        len: u64,
    },
    /// Anything else: a torn tail, NUL bytes, a last line that is too long to read from the
    /// end or does not decode. The whole log must be read ([`scan`]).
    Scan,
}

/// How many bytes from the end of a log [`check_tail`] reads to find its last line; a longer
/// last line is read by [`scan`].
const TAIL_BYTES: u64 = 64 * 1024;

/// Reads the end of the log in `file`: whether it ends with a complete line of data, and
/// that line's envelope (decoded, hash verified, of `cooperation`). Constant in the length
/// of the log. Never modifies anything.
fn check_tail(
    file: &File,
    path: &Path,
    cooperation: CooperationId,
) -> Result<TailCheck, StoreError> {
    let len = file.metadata().map_err(|e| io_error(path, &e))?.len();
    if len == 0 {
        return Ok(TailCheck::Empty);
    }
    // A few KiB hold the last line of most logs; a longer one is read in a wider window.
    let mut buf = Vec::new();
    let mut window = 4096;
    let line = loop {
        let start = len.saturating_sub(window);
        buf.clear();
        let mut reader = file;
        reader
            .seek(SeekFrom::Start(start))
            .and_then(|_| reader.take(len - start).read_to_end(&mut buf))
            .map_err(|e| io_error(path, &e))?;
        let Some((&b'\n', before)) = buf.split_last() else {
            return Ok(TailCheck::Scan);
        };
        match before.iter().rposition(|b| *b == b'\n') {
            Some(newline) => break before.get(newline + 1..).unwrap_or_default(),
            None if start == 0 => break before,
            None if window < TAIL_BYTES => window = TAIL_BYTES,
            None => return Ok(TailCheck::Scan),
        }
    };
    if all_nul(line) {
        return Ok(TailCheck::Scan);
    }
    match try_decode(line) {
        Ok(last) if last.cooperation_id == cooperation => Ok(TailCheck::Clean {
            last: Box::new(last),
            len,
        }),
        _ => Ok(TailCheck::Scan),
    }
}

/// The cooperation whose log `path` is: `<canonical uuid>.jsonl`.
fn cooperation_of(path: &Path) -> Option<CooperationId> {
    if path.extension()?.to_str()? != EXTENSION {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let id = Uuid::parse_str(stem).ok()?;
    // Only the form `path_of` writes: `{uuid}`, urn and simple forms name no log.
    (id.hyphenated().to_string() == stem).then_some(CooperationId(id))
}

/// `path` with `suffix` appended to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

fn marker_path(log: &Path) -> PathBuf {
    with_suffix(log, ".pending")
}

fn pending_tmp_path(log: &Path) -> PathBuf {
    with_suffix(log, ".pending.tmp")
}

fn io_error(path: &Path, error: &io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}

/// Whether `error` says the file may not be written.
fn denied(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

/// An error writing `path`: [`StoreError::ReadOnly`] if writing is denied.
fn write_error(path: &Path, error: &io::Error) -> StoreError {
    if denied(error) {
        StoreError::ReadOnly {
            path: path.to_path_buf(),
        }
    } else {
        io_error(path, error)
    }
}

fn corrupt(path: &Path, line: u64, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        file: path.to_path_buf(),
        line,
        reason: reason.into(),
    }
}

fn too_long(path: &Path, line: u64) -> StoreError {
    corrupt(
        path,
        line,
        format!("line longer than {MAX_LINE_BYTES} bytes (MAX_LINE_BYTES)"),
    )
}

/// Removes a file whose loss is harmless, ignoring errors.
fn remove_quietly(path: &Path) {
    let _ = fs::remove_file(path);
}

/// Reads the pending-batch marker of the log at `log`, if there is one.
fn read_marker(log: &Path) -> Result<Option<Marker>, StoreError> {
    let path = marker_path(log);
    let file = match File::open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(&path, &e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_MARKER_BYTES.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&path, &e))?;
    let bad = |reason: String| corrupt(&path, 1, format!("not a pending-batch marker: {reason}"));
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_MARKER_BYTES {
        return Err(bad(format!("longer than {MAX_MARKER_BYTES} bytes")));
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| bad("not UTF-8".into()))?;
    let Some(line) = text.strip_suffix('\n') else {
        return Err(bad("no newline at its end".into()));
    };
    let pending: Pending = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
    if pending.format != MARKER_FORMAT {
        return Err(bad(format!(
            "field `format`: {:?}, this crate reads {MARKER_FORMAT:?}",
            pending.format
        )));
    }
    if pending.log_length_after <= pending.log_length_before {
        return Err(bad(
            "field `log_length_after`: not after `log_length_before`".into(),
        ));
    }
    if pending.last_sequence <= pending.first_sequence {
        return Err(bad(
            "field `last_sequence`: a batch has more than one envelope".into(),
        ));
    }
    Ok(Some(Marker { path, pending }))
}

/// Writes the marker of a batch: a temporary file, synced, renamed into place, and the
/// directory synced, so the marker is durable and whole before any byte of the batch.
fn write_marker(log: &Path, dir: &Path, pending: &Pending) -> Result<(), StoreError> {
    let tmp = pending_tmp_path(log);
    let mut text = serde_json::to_string(pending).map_err(|e| StoreError::Io {
        path: tmp.clone(),
        message: e.to_string(),
    })?;
    text.push('\n');
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&tmp)
        .map_err(|e| write_error(&tmp, &e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| io_error(&tmp, &e))?;
    drop(file);
    let marker = marker_path(log);
    fs::rename(&tmp, &marker).map_err(|e| write_error(&marker, &e))?;
    sync_dir(dir)
}

/// Copies the bytes `[offset, offset + length)` of the log `file` at `log` into a new
/// sidecar (never overwriting one), syncs it and the directory. Returns its path.
fn save_sidecar(
    file: &File,
    log: &Path,
    dir: &Path,
    offset: u64,
    length: u64,
) -> Result<PathBuf, StoreError> {
    let base = with_suffix(log, &format!(".torn-{offset}"));
    for n in 1..=MAX_SIDECARS {
        let path = if n == 1 {
            base.clone()
        } else {
            with_suffix(&base, &format!(".{n}"))
        };
        let mut out = match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(out) => out,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(write_error(&path, &e)),
        };
        let copied = (|| {
            let mut reader = file;
            reader.seek(SeekFrom::Start(offset))?;
            let copied = io::copy(&mut reader.take(length), &mut out)?;
            if copied != length {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("the log ended after {copied} of the {length} bytes to save"),
                ));
            }
            out.sync_all()
        })();
        if let Err(e) = copied {
            drop(out);
            remove_quietly(&path);
            return Err(io_error(&path, &e));
        }
        sync_dir(dir)?;
        return Ok(path);
    }
    Err(StoreError::Io {
        path: base,
        message: format!("{MAX_SIDECARS} sidecars of this offset exist already"),
    })
}

/// What [`JsonlStore::open`] reports for a log after `scan`.
fn report(
    path: &Path,
    scan: &Scan,
    marker: Option<&Marker>,
    sidecar: Option<PathBuf>,
    read_only: bool,
) -> Vec<Recovery> {
    let mut found = Vec::new();
    if let (Some(line), Some(marker)) = (scan.completed_batch, marker) {
        found.push(Recovery {
            file: path.to_path_buf(),
            line,
            truncated_bytes: 0,
            offset: marker.pending.log_length_before,
            kind: RecoveryKind::CompletedBatch,
            sidecar: None,
            read_only,
        });
    }
    if let Some(tail) = &scan.tail {
        found.push(Recovery {
            file: path.to_path_buf(),
            line: tail.line,
            truncated_bytes: scan.file_len.saturating_sub(scan.complete_len),
            offset: scan.complete_len,
            kind: tail.kind.clone(),
            sidecar,
            read_only,
        });
    }
    found
}

/// The number of complete lines a scan accepted.
fn lines_in(scan: &Scan) -> u64 {
    u64::try_from(scan.envelopes.len()).unwrap_or(u64::MAX)
}

/// Whether `bytes` is a non-empty run of NUL bytes.
fn all_nul(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|b| *b == 0)
}

/// How a line read ended.
enum LineEnd {
    /// End of file: no line.
    Eof,
    /// A line and its newline (the newline is not in the buffer).
    Complete,
    /// A last line without its newline, at most [`MAX_LINE_BYTES`].
    Unterminated,
    /// [`MAX_LINE_BYTES`] + 1 bytes without a newline (the rest is not read).
    Overlong,
}

/// Reads a log line by line, never holding more than [`MAX_LINE_BYTES`] + 1 bytes.
struct Lines<'a> {
    reader: BufReader<&'a File>,
    path: &'a Path,
    /// The last line read, without its newline.
    buf: Vec<u8>,
    /// The offset after the last line read.
    offset: u64,
    /// The number of the last line read (0 before the first).
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(file: &'a File, path: &'a Path) -> Result<Self, StoreError> {
        let mut reader = BufReader::new(file);
        reader
            .seek(SeekFrom::Start(0))
            .map_err(|e| io_error(path, &e))?;
        Ok(Self {
            reader,
            path,
            buf: Vec::new(),
            offset: 0,
            line: 0,
        })
    }

    fn next(&mut self) -> Result<LineEnd, StoreError> {
        let limit = u64::try_from(MAX_LINE_BYTES)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        self.buf.clear();
        let read = (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| io_error(self.path, &e))?;
        if read == 0 {
            return Ok(LineEnd::Eof);
        }
        self.line = self.line.saturating_add(1);
        self.offset = self
            .offset
            .saturating_add(u64::try_from(read).unwrap_or(u64::MAX));
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            Ok(LineEnd::Complete)
        } else if read > MAX_LINE_BYTES {
            Ok(LineEnd::Overlong)
        } else {
            // Below the limit without a newline: the end of the file.
            Ok(LineEnd::Unterminated)
        }
    }

    /// After line `first`, made of NUL bytes, checks that the rest of the file is a torn
    /// tail: lines of NUL bytes, possibly ending with a line without its newline. `partial`
    /// is how many NUL bytes of the current line were read if it is not finished (an
    /// overlong line of NUL bytes), else `None`.
    fn expect_nul_tail(&mut self, first: u64, partial: Option<u64>) -> Result<(), StoreError> {
        let (mut line, mut len) = match partial {
            Some(len) => (self.line, len),
            None => (self.line.saturating_add(1), 0),
        };
        let mut data = false;
        loop {
            let chunk = self
                .reader
                .fill_buf()
                .map_err(|e| io_error(self.path, &e))?;
            if chunk.is_empty() {
                return Ok(());
            }
            let consumed = chunk.len();
            for byte in chunk {
                match byte {
                    b'\n' if data || len == 0 => {
                        return Err(corrupt(
                            self.path,
                            first,
                            format!(
                                "a line of NUL bytes followed by line {line}, which is not: \
                                 NUL bytes are a torn write only at the end of a log"
                            ),
                        ));
                    }
                    b'\n' => {
                        line = line.saturating_add(1);
                        len = 0;
                    }
                    0 => len = len.saturating_add(1),
                    _ => {
                        data = true;
                        len = len.saturating_add(1);
                    }
                }
                if data && len > u64::try_from(MAX_LINE_BYTES).unwrap_or(u64::MAX) {
                    return Err(too_long(self.path, line));
                }
            }
            self.reader.consume(consumed);
        }
    }
}

/// Decodes a complete stored line, or says why it is not an envelope.
fn try_decode(content: &[u8]) -> Result<Envelope, String> {
    let text = std::str::from_utf8(content)
        .map_err(|error| format!("not UTF-8 (byte {} of the line)", error.valid_up_to() + 1))?;
    if text.is_empty() {
        return Err("an empty line".into());
    }
    schema::decode_envelope(text).map_err(|error| {
        let reason = decode_reason(text, &error);
        if text.starts_with('\u{feff}') {
            format!("starts with a byte order mark (U+FEFF), which a log never holds: {reason}")
        } else {
            reason
        }
    })
}

/// Reads and verifies the log in `file` (whose name says it holds `cooperation`) from its
/// start, with its pending-batch marker if there is one. Never modifies anything.
fn scan(
    file: &File,
    path: &Path,
    cooperation: CooperationId,
    marker: Option<&Marker>,
) -> Result<Scan, StoreError> {
    let file_len = file.metadata().map_err(|e| io_error(path, &e))?.len();
    let mut lines = Lines::new(file, path)?;
    let mut envelopes: Vec<Envelope> = Vec::new();
    let mut completed_batch = None;
    if let Some(Marker { path: at, pending }) = marker {
        let before = pending.log_length_before;
        if file_len < before {
            return Err(corrupt(
                at,
                1,
                format!(
                    "field `log_length_before`: {before}, but the log is {file_len} bytes long"
                ),
            ));
        }
        // The acknowledged lines before the batch: all complete and valid.
        while lines.offset < before {
            match lines.next()? {
                LineEnd::Complete if lines.offset <= before => {
                    let envelope = try_decode(&lines.buf)
                        .map_err(|reason| corrupt(path, lines.line, reason))?;
                    check_link(cooperation, envelopes.last(), &envelope)
                        .map_err(|reason| corrupt(path, lines.line, reason))?;
                    envelopes.push(envelope);
                }
                LineEnd::Overlong => return Err(too_long(path, lines.line)),
                _ => {
                    return Err(corrupt(
                        at,
                        1,
                        format!(
                            "field `log_length_before`: {before} is inside line {} of the log",
                            lines.line
                        ),
                    ));
                }
            }
        }
        let acknowledged = envelopes.len();
        let first_line = lines.line.saturating_add(1);
        if !read_batch(&mut lines, cooperation, &mut envelopes, pending, file_len)? {
            envelopes.truncate(acknowledged);
            return Ok(Scan {
                envelopes,
                complete_len: before,
                file_len,
                completed_batch: None,
                tail: Some(Tail {
                    line: first_line,
                    kind: RecoveryKind::IncompleteBatch {
                        expected_len: pending.log_length_after,
                    },
                }),
            });
        }
        completed_batch = Some(first_line);
    }
    loop {
        let start = lines.offset;
        let kind = match lines.next()? {
            LineEnd::Eof => {
                return Ok(Scan {
                    envelopes,
                    complete_len: start,
                    file_len,
                    completed_batch,
                    tail: None,
                });
            }
            LineEnd::Unterminated if all_nul(&lines.buf) => RecoveryKind::NulBytes,
            LineEnd::Unterminated => RecoveryKind::Unterminated,
            LineEnd::Overlong if all_nul(&lines.buf) => {
                let read = u64::try_from(lines.buf.len()).unwrap_or(u64::MAX);
                lines.expect_nul_tail(lines.line, Some(read))?;
                RecoveryKind::NulBytes
            }
            LineEnd::Overlong => return Err(too_long(path, lines.line)),
            LineEnd::Complete if all_nul(&lines.buf) => {
                lines.expect_nul_tail(lines.line, None)?;
                RecoveryKind::NulBytes
            }
            LineEnd::Complete => {
                let envelope =
                    try_decode(&lines.buf).map_err(|reason| corrupt(path, lines.line, reason))?;
                check_link(cooperation, envelopes.last(), &envelope)
                    .map_err(|reason| corrupt(path, lines.line, reason))?;
                envelopes.push(envelope);
                continue;
            }
        };
        let line = lines.line;
        return Ok(Scan {
            envelopes,
            complete_len: start,
            file_len,
            completed_batch,
            tail: Some(Tail { line, kind }),
        });
    }
}

/// Reads the batch of a marker: whether the file holds it whole (complete lines up to
/// `log_length_after` that decode and continue the chain with the marker's sequences).
/// Pushes its envelopes; on `false` the caller drops them.
fn read_batch(
    lines: &mut Lines<'_>,
    cooperation: CooperationId,
    envelopes: &mut Vec<Envelope>,
    pending: &Pending,
    file_len: u64,
) -> Result<bool, StoreError> {
    let end = pending.log_length_after;
    if file_len < end {
        return Ok(false);
    }
    let mut sequence = pending.first_sequence;
    while lines.offset < end {
        if !matches!(lines.next()?, LineEnd::Complete) || lines.offset > end {
            return Ok(false);
        }
        let Ok(envelope) = try_decode(&lines.buf) else {
            return Ok(false);
        };
        if envelope.sequence != sequence
            || check_link(cooperation, envelopes.last(), &envelope).is_err()
        {
            return Ok(false);
        }
        envelopes.push(envelope);
        sequence = sequence.saturating_add(1);
    }
    Ok(envelopes.last().map(|e| e.sequence) == Some(pending.last_sequence))
}

/// Makes a new directory entry durable (Unix: fsync of the directory).
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_error(dir, &e))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The lines of `envelopes` as the log stores them.
fn encode(cooperation: CooperationId, envelopes: &[Envelope]) -> Result<Vec<u8>, StoreError> {
    let mut bytes = Vec::new();
    for envelope in envelopes {
        let line = schema::encode_envelope(envelope);
        let reason = if line.is_empty() {
            "cannot be encoded".to_owned()
        } else if line.len() > MAX_LINE_BYTES {
            format!("encodes to more than {MAX_LINE_BYTES} bytes (MAX_LINE_BYTES)")
        } else {
            String::new()
        };
        if !reason.is_empty() {
            return Err(StoreError::Invalid {
                cooperation,
                sequence: envelope.sequence,
                reason,
            });
        }
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
    }
    Ok(bytes)
}

impl EventStore for JsonlStore {
    fn append(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
    ) -> Result<(), StoreError> {
        let path = self.path_of(cooperation);
        if self.read_only {
            return Err(StoreError::ReadOnly { path });
        }
        let file = match OpenOptions::new().read(true).write(true).open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // No log yet: refuse what would be refused anyway before creating a file.
                if expected_sequence != 0 {
                    return Err(StoreError::Conflict {
                        cooperation,
                        expected: expected_sequence,
                        actual: 0,
                    });
                }
                check_continuation(cooperation, None, envelopes)?;
                if envelopes.is_empty() {
                    return Ok(());
                }
                let file = OpenOptions::new()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(false)
                    .open(&path)
                    .map_err(|e| write_error(&path, &e))?;
                sync_dir(&self.dir)?;
                file
            }
            Err(e) => return Err(write_error(&path, &e)),
        };
        // Everything below holds the exclusive lock; dropping `file` releases it.
        file.lock().map_err(|e| io_error(&path, &e))?;
        let marker = read_marker(&path)?;
        // A log that ends with a complete line continues from that line (constant in the
        // log's length); anything else (a marker, a torn tail, a last line that does not
        // verify) is read whole, recovered and reported as `open` would.
        let tail = match marker {
            None => check_tail(&file, &path, cooperation)?,
            Some(_) => TailCheck::Scan,
        };
        let scan = match tail {
            TailCheck::Scan => Some(scan(&file, &path, cooperation, marker.as_ref())?),
            _ => None,
        };
        let (head, start) = match (&tail, &scan) {
            (_, Some(scan)) => (scan.envelopes.last(), scan.complete_len),
            (TailCheck::Clean { last, len }, None) => (Some(&**last), *len),
            _ => (None, 0),
        };
        check_append(cooperation, expected_sequence, head, envelopes)?;
        let bytes = encode(cooperation, envelopes)?;
        let (Some(first), Some(last)) = (envelopes.first(), envelopes.last()) else {
            return Ok(());
        };
        // A torn tail or the partial batch of a writer that died: to a sidecar, then cut.
        if let Some(scan) = &scan {
            self.recover(&file, &path, scan, marker.as_ref())?;
        }
        let end = start.saturating_add(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
        let marked = envelopes.len() > 1;
        if marked {
            let pending = Pending {
                format: MARKER_FORMAT.to_owned(),
                log_length_before: start,
                log_length_after: end,
                first_sequence: first.sequence,
                last_sequence: last.sequence,
            };
            write_marker(&path, &self.dir, &pending)?;
        }
        let written = (&file)
            .seek(SeekFrom::Start(start))
            .and_then(|_| (&file).write_all(&bytes))
            .and_then(|()| file.sync_data());
        if let Err(error) = written {
            // Nothing written on error: drop whatever part of the lines reached the file.
            // A batch's marker stays: `load` ignores what may be left of the batch, and the
            // next open or append recovers it (and removes the marker durably, before
            // anything is written where the batch was).
            let _ = file.set_len(start).and_then(|()| file.sync_data());
            return Err(io_error(&path, &error));
        }
        if marked {
            // The batch is durable: the append succeeded even if the marker stays (a stale
            // marker of a complete batch is removed by the next open or append).
            remove_quietly(&marker_path(&path));
        }
        Ok(())
    }

    fn load(&self, cooperation: CooperationId) -> Result<Vec<Envelope>, StoreError> {
        let path = self.path_of(cooperation);
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_error(&path, &e)),
        };
        // Shared lock: wait for a running append to finish, never see half of one. Markers
        // are written and removed only under the exclusive lock.
        file.lock_shared().map_err(|e| io_error(&path, &e))?;
        let marker = read_marker(&path)?;
        Ok(scan(&file, &path, cooperation, marker.as_ref())?.envelopes)
    }

    fn list(&self) -> Result<Vec<CooperationId>, StoreError> {
        let mut ids = Vec::new();
        for (cooperation, path) in self.log_files()? {
            // An empty file (a torn first line that was cut) holds no log.
            let length = fs::metadata(&path).map_err(|e| io_error(&path, &e))?.len();
            if length > 0 {
                ids.push(cooperation);
            }
        }
        Ok(ids)
    }
}
