//! JSON-lines files: one append-only file per cooperation, one envelope per line.
//!
//! # Layout
//! A directory holds `<cooperation id>.jsonl` per cooperation (the id in the canonical
//! hyphenated lowercase form of a UUID). Each line is [`schema::encode_envelope`] followed by
//! `"\n"`; line *n* holds the envelope with sequence *n*. Other files in the directory, and
//! `.jsonl` files whose names are not a canonical UUID, are ignored.
//!
//! # Appending
//! [`EventStore::append`] takes an exclusive lock on the log file ([`File::lock`], `flock`
//! semantics on Unix: it excludes other processes and other threads that opened the file
//! separately) and, while holding it, reads and verifies the whole file, compares its last
//! sequence with the caller's (a [`StoreError::Conflict`] otherwise), checks that the new
//! envelopes continue the chain, writes all their lines with one `write_all`, and calls
//! `sync_data` before the lock is released. Nothing is written when a check fails; a failed
//! write is rolled back by truncating to the previous length.
//!
//! # Torn tails and corruption
//! A crash during an append can leave a *torn tail*: a last line without its newline
//! (whatever its bytes: a cut may even split a UTF-8 character), or a complete last line
//! that is text but not JSON (blocks of the write that never reached the disk read back as
//! zeros). Such a tail never was a complete append, so it is cut: [`JsonlStore::open`]
//! truncates the file to the end of its last complete line and reports a [`Recovery`]; an
//! append that finds a torn tail (left by a writer that died after this store was opened:
//! the lock proves no writer is running) cuts it the same way before writing;
//! [`EventStore::load`] ignores it without modifying the file and returns only the complete
//! envelopes. The cut is idempotent and not synced by itself: the next append's `sync_data`
//! makes it durable, and if a crash loses it, the next open cuts again.
//!
//! Everything else is [`StoreError::Corrupt`] naming the file and line, and nothing is
//! modified: a complete line before the tail that is not JSON, does not fit the schema
//! (the field is named), whose hash does not match its content, or that does not continue
//! the chain (sequence, `prev_hash`, a `cooperation_id` other than the file's name); a
//! complete line anywhere that is not UTF-8; a complete last line that *is* JSON but fails
//! those checks (a torn write does not produce valid JSON, so that line was altered, and an
//! fsynced record is not dropped silently); and any line longer than [`MAX_LINE_BYTES`]
//! (no torn write is that long), detected without reading more than that into memory.
//!
//! Crash atomicity is per line: an append of several envelopes interrupted by a crash may
//! leave a prefix of them, each a valid continuation of the chain.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::audit::Envelope;
use crate::audit::schema::{self, DecodeError};
use crate::model::CooperationId;

use super::{EventStore, StoreError, check_append, check_continuation, check_link, decode_reason};

/// The longest line (without its newline) a log may hold: 16 MiB. A longer stored line is
/// [`StoreError::Corrupt`]; an append whose encoding is longer is [`StoreError::Invalid`].
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// The extension of log files.
const EXTENSION: &str = "jsonl";

/// A torn tail that [`JsonlStore::open`] cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The file.
    pub file: PathBuf,
    /// The line number (from 1) of the torn line that was cut.
    pub line: u64,
    /// Bytes of the torn line that were cut.
    pub truncated_bytes: u64,
}

/// A directory of JSON-lines logs. Holds no state besides the path: every operation reads
/// the file under a lock, so several stores (in one or several processes) may share a
/// directory.
#[derive(Debug, Clone)]
pub struct JsonlStore {
    dir: PathBuf,
}

/// What a scan of a log found.
struct Scan {
    /// The complete envelopes, in order.
    envelopes: Vec<Envelope>,
    /// Length in bytes of the complete lines.
    complete_len: u64,
    /// A torn tail after them: its line number and length.
    torn: Option<(u64, u64)>,
}

impl JsonlStore {
    /// Opens (creating it if needed) the directory `dir` and checks every log in it, cutting
    /// torn tails. Returns the store and what was cut. A log damaged before its tail is
    /// [`StoreError::Corrupt`], and then nothing has been modified in that log.
    pub fn open(dir: impl AsRef<Path>) -> Result<(Self, Vec<Recovery>), StoreError> {
        let dir = dir.as_ref().to_path_buf();
        fs::create_dir_all(&dir).map_err(|e| io_error(&dir, &e))?;
        let store = Self { dir };
        let mut recoveries = Vec::new();
        for (cooperation, path) in store.log_files()? {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .open(&path)
                .map_err(|e| io_error(&path, &e))?;
            file.lock().map_err(|e| io_error(&path, &e))?;
            let scan = scan(&file, &path, cooperation)?;
            if let Some((line, truncated_bytes)) = scan.torn {
                cut(&file, &path, scan.complete_len)?;
                recoveries.push(Recovery {
                    file: path.clone(),
                    line,
                    truncated_bytes,
                });
            }
        }
        Ok((store, recoveries))
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
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

fn io_error(path: &Path, error: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}

fn corrupt(path: &Path, line: u64, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        file: path.to_path_buf(),
        line,
        reason: reason.into(),
    }
}

/// Reads and verifies the log in `file` (whose name says it holds `cooperation`) from its
/// start. Never modifies it.
fn scan(file: &File, path: &Path, cooperation: CooperationId) -> Result<Scan, StoreError> {
    let mut reader = BufReader::new(file);
    reader
        .seek(SeekFrom::Start(0))
        .map_err(|e| io_error(path, &e))?;
    let limit = u64::try_from(MAX_LINE_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut envelopes: Vec<Envelope> = Vec::new();
    let mut complete_len = 0u64;
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        // At most MAX_LINE_BYTES + 1 bytes: a longer line is never held in memory.
        let read = (&mut reader)
            .take(limit)
            .read_until(b'\n', &mut buf)
            .map_err(|e| io_error(path, &e))?;
        if read == 0 {
            return Ok(Scan {
                envelopes,
                complete_len,
                torn: None,
            });
        }
        line_no += 1;
        let length = u64::try_from(read).unwrap_or(u64::MAX);
        let Some(content) = buf.strip_suffix(b"\n") else {
            if read > MAX_LINE_BYTES {
                return Err(too_long(path, line_no));
            }
            // No newline below the limit: the end of the file, a torn tail.
            return Ok(torn(envelopes, complete_len, line_no, length));
        };
        if content.len() > MAX_LINE_BYTES {
            return Err(too_long(path, line_no));
        }
        let last = reader
            .fill_buf()
            .map_err(|e| io_error(path, &e))?
            .is_empty();
        let text = match std::str::from_utf8(content) {
            Ok(text) => text,
            Err(error) => {
                return Err(corrupt(
                    path,
                    line_no,
                    format!("not UTF-8 (byte {} of the line)", error.valid_up_to() + 1),
                ));
            }
        };
        let envelope = match schema::decode_envelope(text) {
            Ok(envelope) => envelope,
            // Not even JSON, and nothing after it: blocks of an interrupted write.
            Err(DecodeError::Json(_)) if last => {
                return Ok(torn(envelopes, complete_len, line_no, length));
            }
            Err(error) => return Err(corrupt(path, line_no, decode_reason(text, &error))),
        };
        check_link(cooperation, envelopes.last(), &envelope)
            .map_err(|reason| corrupt(path, line_no, reason))?;
        envelopes.push(envelope);
        complete_len = complete_len.saturating_add(length);
    }
}

/// A scan that ends with a torn line `line` of `length` bytes after `complete_len` bytes.
fn torn(envelopes: Vec<Envelope>, complete_len: u64, line: u64, length: u64) -> Scan {
    Scan {
        envelopes,
        complete_len,
        torn: Some((line, length)),
    }
}

fn too_long(path: &Path, line: u64) -> StoreError {
    corrupt(
        path,
        line,
        format!("line longer than {MAX_LINE_BYTES} bytes (MAX_LINE_BYTES)"),
    )
}

/// Truncates `file` to `length`. Not synced: cutting a torn tail is idempotent (if the cut
/// is lost in a crash, the next open cuts again), and the next append's `sync_data` makes
/// the cut durable together with the new lines.
fn cut(file: &File, path: &Path, length: u64) -> Result<(), StoreError> {
    file.set_len(length).map_err(|e| io_error(path, &e))
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

impl EventStore for JsonlStore {
    fn append(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
    ) -> Result<(), StoreError> {
        let path = self.path_of(cooperation);
        let file = match OpenOptions::new().read(true).write(true).open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
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
                    .map_err(|e| io_error(&path, &e))?;
                sync_dir(&self.dir)?;
                file
            }
            Err(e) => return Err(io_error(&path, &e)),
        };
        // Everything below holds the exclusive lock; dropping `file` releases it.
        file.lock().map_err(|e| io_error(&path, &e))?;
        let scan = scan(&file, &path, cooperation)?;
        check_append(
            cooperation,
            expected_sequence,
            scan.envelopes.last(),
            envelopes,
        )?;
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
        if bytes.is_empty() {
            return Ok(());
        }
        if scan.torn.is_some() {
            cut(&file, &path, scan.complete_len)?;
        }
        let written = (&file)
            .seek(SeekFrom::Start(scan.complete_len))
            .and_then(|_| (&file).write_all(&bytes))
            .and_then(|()| file.sync_data());
        if let Err(error) = written {
            // Nothing written on error: drop whatever part of the lines reached the file.
            let _ = cut(&file, &path, scan.complete_len);
            return Err(io_error(&path, &error));
        }
        Ok(())
    }

    fn load(&self, cooperation: CooperationId) -> Result<Vec<Envelope>, StoreError> {
        let path = self.path_of(cooperation);
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_error(&path, &e)),
        };
        // Shared lock: wait for a running append to finish, never see half of one.
        file.lock_shared().map_err(|e| io_error(&path, &e))?;
        Ok(scan(&file, &path, cooperation)?.envelopes)
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
