//! Reading the files `ksd` is given, opening stores, and writing output: JSON read with the
//! file, line and column of the first problem; output written to a temporary file and renamed,
//! so that a failure never leaves a partial file.

use std::fs;
use std::io::{self, IsTerminal as _, Read as _, Write as _};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use kerjasama::audit::Envelope;
use kerjasama::model::CooperationId;
use kerjasama::store::{EventStore, JsonlStore, Recovery, RegisterQuery, StoreError};
use serde::de::DeserializeOwned;

use crate::fail::{Fail, store_error};

/// `-` on the command line: standard input.
pub const STDIN: &str = "-";

/// The name a path is shown with in messages.
pub fn shown(path: &Path) -> String {
    if path == Path::new(STDIN) {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// The text of `path` (`-` for standard input): a missing, unreadable, non-UTF-8 or empty file
/// is invalid input.
pub fn read_text(path: &Path) -> Result<String, Fail> {
    let name = shown(path);
    let mut bytes = Vec::new();
    let read = if path == Path::new(STDIN) {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        fs::read(path).map(|data| bytes = data)
    };
    read.map_err(|e| Fail::invalid(format!("{name}: cannot read: {}", io_reason(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        Fail::invalid(format!("{name}:{line}:{column}: not UTF-8 text"))
    })?;
    if text.trim().is_empty() {
        return Err(Fail::invalid(format!("{name}: empty file")));
    }
    Ok(text)
}

/// Line and column (from 1) just after `before`.
fn position(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, before.len() - start + 1)
}

/// The reason of an I/O error without the OS error number.
pub fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_owned(),
                None => text,
            }
        }
    }
}

/// Reads `path` as one JSON object of type `T` (`what` names it in messages): the first
/// problem is reported with its line and column, and the field where serde names one.
pub fn read_json<T: DeserializeOwned>(path: &Path, what: &str) -> Result<T, Fail> {
    let text = read_text(path)?;
    let name = shown(path);
    // Syntax first, then the shape: a file that is JSON but not an object is named as such.
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| json_fail(&name, &e, what))?;
    if !value.is_object() {
        return Err(Fail::invalid(format!(
            "{name}:1:1: expected {what} as a JSON object, found {}",
            kind_of(&value)
        )));
    }
    serde_json::from_str(&text).map_err(|e| json_fail(&name, &e, what))
}

fn kind_of(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// `FILE:LINE:COLUMN: reason` of a JSON error, with serde's list of expected fields cut (it
/// can name fifty of them: the schema lists them).
fn json_fail(name: &str, error: &serde_json::Error, what: &str) -> Fail {
    let mut reason = error.to_string();
    if let Some(cut) = reason.rfind(" at line ") {
        reason.truncate(cut);
    }
    if let Some(cut) = reason.find(", expected one of ") {
        reason.truncate(cut);
        reason.push_str(&format!(" in {what}"));
    }
    if error.is_eof() {
        reason = format!("{reason} (the file ends before {what} does)");
    }
    Fail::invalid(format!(
        "{name}:{}:{}: {reason}",
        error.line(),
        error.column()
    ))
}

/// A legal date on the command line: `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let well_formed = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(format!("`{text}` is not a date: write it as YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date of the calendar"))
}

/// Writes `text` to standard output (a closed pipe ends the output quietly).
pub fn emit(text: &str) -> Result<(), Fail> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Fail::failure(format!(
            "<stdout>: cannot write: {}",
            io_reason(&e)
        ))),
    }
}

/// Writes `text` to `path` whole or not at all: into a temporary file beside it, synced, then
/// renamed over `path`. On failure the temporary file is removed and `path` is untouched.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), Fail> {
    let name = shown(path);
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(file_name) = path.file_name() else {
        return Err(Fail::usage(format!("{name}: not a file name")));
    };
    if path.is_dir() {
        return Err(Fail::usage(format!("{name}: is a directory")));
    }
    let temporary = dir.join(format!(
        ".{}.ksd-{}.tmp",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| -> io::Result<()> {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    written.map_err(|e| {
        let _ = fs::remove_file(&temporary);
        Fail::failure(format!("{name}: cannot write: {}", io_reason(&e)))
    })
}

/// How a store is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reading only: nothing is created, repaired or written.
    Read,
    /// Reading and appending: a missing store is created.
    Write,
}

/// A store named on the command line: a directory of JSON-lines logs, an SQLite file, or a
/// PostgreSQL database.
#[derive(Debug)]
pub enum AnyStore {
    /// A JSON-lines directory.
    Jsonl(JsonlStore),
    /// An SQLite database.
    #[cfg(feature = "sqlite")]
    Sqlite(kerjasama::store::SqliteStore),
    /// A PostgreSQL database.
    #[cfg(feature = "postgres")]
    Postgres(kerjasama::store::PostgresStore),
}

/// Whether `path` names a PostgreSQL store: a `postgres://` or `postgresql://` URL.
pub fn is_postgres(path: &Path) -> bool {
    path.to_str()
        .is_some_and(|text| text.starts_with("postgres://") || text.starts_with("postgresql://"))
}

/// The environment variable naming the PostgreSQL schema of the store (default `kerjasama`).
#[cfg(feature = "postgres")]
pub const POSTGRES_SCHEMA: &str = "KSD_POSTGRES_SCHEMA";

/// Extensions that name an SQLite store.
const SQLITE_EXTENSIONS: [&str; 3] = ["sqlite", "sqlite3", "db"];

/// Whether `path` names an SQLite store (by its extension).
pub fn is_sqlite(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SQLITE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

impl AnyStore {
    /// Opens the store at `path`, with what a JSON-lines store found in its logs (a torn tail
    /// repaired, or left in place when reading only).
    pub fn open(path: &Path, access: Access) -> Result<(Self, Vec<Recovery>), Fail> {
        let name = path.display();
        if is_postgres(path) {
            return Self::open_postgres(path, access).map(|store| (store, Vec::new()));
        }
        if is_sqlite(path) {
            if access == Access::Read && !path.is_file() {
                return Err(Fail::invalid(format!("{name}: no such store")));
            }
            return Self::open_sqlite(path);
        }
        if path.is_file() {
            return Err(Fail::invalid(format!(
                "{name}: not a store: give a directory of JSON-lines logs, or an SQLite file \
                 ending in .sqlite, .sqlite3 or .db"
            )));
        }
        if access == Access::Read && !path.is_dir() {
            return Err(Fail::invalid(format!("{name}: no such store directory")));
        }
        let opened = match access {
            Access::Read => JsonlStore::open_read_only(path),
            Access::Write => JsonlStore::open(path),
        };
        let (store, recoveries) = opened.map_err(|e| store_error(path, e))?;
        Ok((AnyStore::Jsonl(store), recoveries))
    }

    #[cfg(feature = "sqlite")]
    fn open_sqlite(path: &Path) -> Result<(Self, Vec<Recovery>), Fail> {
        let store = kerjasama::store::SqliteStore::open(path).map_err(|e| store_error(path, e))?;
        Ok((AnyStore::Sqlite(store), Vec::new()))
    }

    /// Connects to the PostgreSQL store at the URL `path`: for writing it creates or migrates
    /// the tables, for reading it only checks them. The password is never taken from the
    /// command line, where other users see it: from `PGPASSWORD`.
    #[cfg(feature = "postgres")]
    fn open_postgres(path: &Path, access: Access) -> Result<Self, Fail> {
        use kerjasama::store::postgres::PostgresOptions;
        let url = path.to_str().unwrap_or_default();
        let in_url = url
            .parse::<postgres::Config>()
            .is_ok_and(|config| config.get_password().is_some());
        if in_url {
            return Err(Fail::usage(
                "a password in the store's URL is visible to every user of this machine: \
                 remove it and set PGPASSWORD instead",
            ));
        }
        let mut options = PostgresOptions::default().migrate(access == Access::Write);
        if let Ok(schema) = std::env::var(POSTGRES_SCHEMA) {
            options = options.schema(schema);
        }
        if let Ok(password) = std::env::var("PGPASSWORD") {
            options = options.password(password);
        }
        match kerjasama::store::PostgresStore::connect_with(url, &options) {
            Ok(store) => Ok(AnyStore::Postgres(store)),
            Err(StoreError::SchemaVersion {
                found: 0, server, ..
            }) => Err(Fail::invalid(format!(
                "{server}: no such store (no kerjasama tables; only a write creates them)"
            ))),
            Err(error) => Err(store_error(path, error)),
        }
    }

    #[cfg(not(feature = "postgres"))]
    fn open_postgres(path: &Path, _: Access) -> Result<Self, Fail> {
        Err(Fail::usage(format!(
            "{}: a PostgreSQL store, but this `ksd` was built without the `postgres` feature",
            path.display()
        )))
    }

    #[cfg(not(feature = "sqlite"))]
    fn open_sqlite(path: &Path) -> Result<(Self, Vec<Recovery>), Fail> {
        Err(Fail::usage(format!(
            "{}: an SQLite store, but this `ksd` was built without the `sqlite` feature",
            path.display()
        )))
    }

    /// Where envelope `sequence` of the log of `cooperation` is, for messages: its file and
    /// line in a JSON-lines store (one envelope per line).
    #[cfg_attr(not(feature = "sqlite"), allow(unused_variables))]
    pub fn place(&self, store: &Path, cooperation: CooperationId, sequence: u64) -> String {
        match self {
            AnyStore::Jsonl(jsonl) => {
                format!("{}:{sequence}", jsonl.path_of(cooperation).display())
            }
            #[cfg(feature = "sqlite")]
            AnyStore::Sqlite(_) => format!(
                "{}: cooperation {cooperation}, envelope {sequence}",
                store.display()
            ),
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(postgres) => format!(
                "{}: cooperation {cooperation}, envelope {sequence}",
                postgres.server()
            ),
        }
    }
}

impl EventStore for AnyStore {
    fn append(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
    ) -> Result<(), StoreError> {
        match self {
            AnyStore::Jsonl(store) => store.append(cooperation, expected_sequence, envelopes),
            #[cfg(feature = "sqlite")]
            AnyStore::Sqlite(store) => store.append(cooperation, expected_sequence, envelopes),
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(store) => store.append(cooperation, expected_sequence, envelopes),
        }
    }

    fn load(&self, cooperation: CooperationId) -> Result<Vec<Envelope>, StoreError> {
        match self {
            AnyStore::Jsonl(store) => store.load(cooperation),
            #[cfg(feature = "sqlite")]
            AnyStore::Sqlite(store) => store.load(cooperation),
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(store) => store.load(cooperation),
        }
    }

    fn list(&self) -> Result<Vec<CooperationId>, StoreError> {
        match self {
            AnyStore::Jsonl(store) => store.list(),
            #[cfg(feature = "sqlite")]
            AnyStore::Sqlite(store) => store.list(),
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(store) => store.list(),
        }
    }

    fn query(&self, query: &RegisterQuery) -> Result<Vec<CooperationId>, StoreError> {
        match self {
            AnyStore::Jsonl(store) => store.query(query),
            #[cfg(feature = "sqlite")]
            AnyStore::Sqlite(store) => store.query(query),
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(store) => store.query(query),
        }
    }
}

/// Tells on standard error what opening a JSON-lines store found (one line each).
pub fn report_recoveries(recoveries: &[Recovery]) {
    for recovery in recoveries {
        let action = if recovery.read_only {
            "left in place (read-only)"
        } else if recovery.sidecar.is_some() {
            "moved to a sidecar file"
        } else {
            "cleared"
        };
        eprintln!(
            "ksd: note: {}:{}: {:?} of {} bytes at the end of the log, {action}",
            recovery.file.display(),
            recovery.line,
            recovery.kind,
            recovery.truncated_bytes
        );
    }
}

/// A progress bar on standard error, drawn only when standard error is a terminal.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar of `len` steps.
    pub fn bar(len: u64, message: &'static str) -> Self {
        Progress(io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(len);
            if let Ok(style) =
                ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {elapsed}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message(message);
            bar
        }))
    }

    /// A spinner for a step whose length is not known.
    pub fn spinner(message: &'static str) -> Self {
        Progress(io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_message(message);
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        }))
    }

    /// One step done.
    pub fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
