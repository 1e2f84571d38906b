//! SQLite store (feature `sqlite`, SQLite bundled: no system library needed).
//!
//! # Schema
//! One table, created when missing:
//!
//! ```sql
//! CREATE TABLE envelopes (
//!     cooperation_id TEXT NOT NULL,    -- hyphenated lowercase UUID
//!     sequence INTEGER NOT NULL,       -- from 1, without gaps
//!     body TEXT NOT NULL,              -- schema::encode_envelope
//!     PRIMARY KEY (cooperation_id, sequence)
//! );
//! ```
//!
//! The database runs in WAL mode with `synchronous=FULL` (a committed append survives a
//! power loss) and a busy timeout of [`BUSY_TIMEOUT`], so that writers on other connections
//! wait for each other instead of failing.
//!
//! # Threads and processes
//! A [`SqliteStore`] holds one connection behind a mutex: it is `Send + Sync`, and the
//! threads sharing it take turns. Several stores (in one process or several) may open the
//! same file; each append is one `IMMEDIATE` transaction (the write lock is taken before the
//! last sequence is read), so the check of the expected sequence and the insert are atomic,
//! and a primary-key violation from a writer that bypasses this check is reported as
//! [`StoreError::Conflict`].
//!
//! The stores of one process that append to the same file take turns on a mutex of that
//! file before they ask SQLite for its write lock: they queue instead of meeting SQLite's
//! busy handler, which sleeps and backs off up to 100 ms (16 threads with their own stores
//! appended 326 times a second, against 7,400 for one). Writers in other processes still
//! wait through the busy handler.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, Weak};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use uuid::Uuid;

use crate::audit::Envelope;
use crate::audit::schema;
use crate::model::CooperationId;

use super::{
    EventStore, StoreError, check_append, check_key, check_link, decode_reason, row_sequence,
};

/// How long a writer waits for another connection's write transaction before failing with
/// [`StoreError::Database`].
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The table name, as named in [`StoreError::Corrupt`].
const TABLE: &str = "envelopes";

/// An SQLite database of logs.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Mutex<Connection>,
    /// The turn of this process's writers to the same file (private in memory).
    turn: Arc<Mutex<()>>,
    /// Where the database is, for error messages (`:memory:` for an in-memory one).
    location: PathBuf,
}

impl SqliteStore {
    /// Opens (creating it if needed) the database at `path`, in WAL mode.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let location = path.as_ref().to_path_buf();
        let conn = Connection::open(&location).map_err(|e| db(&location, &e))?;
        let turn = turn_of(&location);
        Self::init(conn, location, turn)
    }

    /// A new, empty database in memory (private to this store).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let location = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| db(&location, &e))?;
        Self::init(conn, location, Arc::default())
    }

    fn init(conn: Connection, location: PathBuf, turn: Arc<Mutex<()>>) -> Result<Self, StoreError> {
        let fail = |e: rusqlite::Error| db(&location, &e);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        // An in-memory database answers "memory": WAL applies to files only.
        let _mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(fail)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(fail)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS envelopes (
                cooperation_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (cooperation_id, sequence)
            );",
        )
        .map_err(fail)?;
        Ok(Self {
            conn: Mutex::new(conn),
            turn,
            location,
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock drops its transaction, which rolls back: the
        // connection is still consistent.
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn db(&self, error: &rusqlite::Error) -> StoreError {
        db(&self.location, error)
    }

    /// `<database>:envelopes`, the `file` of a [`StoreError::Corrupt`].
    fn table(&self) -> PathBuf {
        PathBuf::from(format!("{}:{TABLE}", self.location.display()))
    }

    fn corrupt(&self, row: i64, cooperation: &str, reason: &str) -> StoreError {
        StoreError::Corrupt {
            file: self.table(),
            line: u64::try_from(row).unwrap_or(0),
            reason: format!("cooperation {cooperation}: {reason}"),
        }
    }

    /// Decodes the stored row (`cooperation`, `row`): its hash, schema, sequence and
    /// cooperation (not its link to the row before).
    fn decode_row(
        &self,
        cooperation: CooperationId,
        row: i64,
        body: &str,
    ) -> Result<Envelope, StoreError> {
        let id = key(cooperation);
        let envelope = schema::decode_envelope(body)
            .map_err(|error| self.corrupt(row, &id, &decode_reason(body, &error)))?;
        let Ok(key_row) = u64::try_from(row) else {
            return Err(self.corrupt(row, &id, &format!("column `sequence`: {row} is negative")));
        };
        check_key(cooperation, key_row, &envelope)
            .map_err(|reason| self.corrupt(row, &id, &reason))?;
        Ok(envelope)
    }

    /// The last sequence of `cooperation` outside a transaction (for a conflict report).
    fn last_sequence(&self, conn: &Connection, cooperation: CooperationId) -> u64 {
        conn.query_row(
            "SELECT MAX(sequence) FROM envelopes WHERE cooperation_id = ?1",
            [key(cooperation)],
            |row| row.get::<_, Option<i64>>(0),
        )
        .ok()
        .flatten()
        .and_then(|s| u64::try_from(s).ok())
        .unwrap_or(0)
    }
}

/// The mutex the writers of this process to the database file at `path` take turns on (one
/// per file, however it is named; dropped with its last store).
fn turn_of(path: &Path) -> Arc<Mutex<()>> {
    static TURNS: OnceLock<Mutex<HashMap<PathBuf, Weak<Mutex<()>>>>> = OnceLock::new();
    let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut turns = TURNS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    turns.retain(|_, turn| turn.strong_count() > 0);
    if let Some(turn) = turns.get(&key).and_then(Weak::upgrade) {
        return turn;
    }
    let turn = Arc::new(Mutex::new(()));
    turns.insert(key, Arc::downgrade(&turn));
    turn
}

/// The text key of a cooperation.
fn key(cooperation: CooperationId) -> String {
    cooperation.0.hyphenated().to_string()
}

fn db(location: &Path, error: &rusqlite::Error) -> StoreError {
    StoreError::Database(format!("{}: {error}", location.display()))
}

fn is_primary_key_violation(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(failure, _)
            if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    )
}

impl EventStore for SqliteStore {
    fn append(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
    ) -> Result<(), StoreError> {
        let id = key(cooperation);
        let mut rows = Vec::with_capacity(envelopes.len());
        for envelope in envelopes {
            let sequence = row_sequence(cooperation, envelope, "SQLite")?;
            rows.push((sequence, schema::encode_envelope(envelope)));
        }
        // This process's other writers to the file first (see the module documentation).
        let _turn = self.turn.lock().unwrap_or_else(PoisonError::into_inner);
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.db(&e))?;
        let head: Option<(i64, String)> = tx
            .query_row(
                "SELECT sequence, body FROM envelopes WHERE cooperation_id = ?1
                 ORDER BY sequence DESC LIMIT 1",
                [&id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(|e| self.db(&e))?;
        let head = match head {
            Some((row, body)) => Some(self.decode_row(cooperation, row, &body)?),
            None => None,
        };
        check_append(cooperation, expected_sequence, head.as_ref(), envelopes)?;
        let inserted = (|| {
            let mut insert = tx.prepare_cached(
                "INSERT INTO envelopes (cooperation_id, sequence, body) VALUES (?1, ?2, ?3)",
            )?;
            for (sequence, body) in &rows {
                insert.execute(params![id, sequence, body])?;
            }
            Ok::<(), rusqlite::Error>(())
        })();
        match inserted.and_then(|()| tx.commit()) {
            Ok(()) => Ok(()),
            Err(error) if is_primary_key_violation(&error) => {
                // The transaction was rolled back when dropped.
                Err(StoreError::Conflict {
                    cooperation,
                    expected: expected_sequence,
                    actual: self.last_sequence(&conn, cooperation),
                })
            }
            Err(error) => Err(self.db(&error)),
        }
    }

    fn load(&self, cooperation: CooperationId) -> Result<Vec<Envelope>, StoreError> {
        let conn = self.conn();
        let mut select = conn
            .prepare_cached(
                "SELECT sequence, body FROM envelopes WHERE cooperation_id = ?1
                 ORDER BY sequence",
            )
            .map_err(|e| self.db(&e))?;
        let rows = select
            .query_map([key(cooperation)], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(|e| self.db(&e))?;
        let mut log: Vec<Envelope> = Vec::new();
        for row in rows {
            let (sequence, body) = row.map_err(|e| self.db(&e))?;
            let envelope = self.decode_row(cooperation, sequence, &body)?;
            check_link(cooperation, log.last(), &envelope)
                .map_err(|reason| self.corrupt(sequence, &key(cooperation), &reason))?;
            log.push(envelope);
        }
        Ok(log)
    }

    fn list(&self) -> Result<Vec<CooperationId>, StoreError> {
        let conn = self.conn();
        let mut select = conn
            .prepare_cached(
                "SELECT cooperation_id, MIN(sequence) FROM envelopes
                 GROUP BY cooperation_id ORDER BY cooperation_id",
            )
            .map_err(|e| self.db(&e))?;
        let rows = select
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
            })
            .map_err(|e| self.db(&e))?;
        let mut ids = Vec::new();
        for row in rows {
            let (text, first) = row.map_err(|e| self.db(&e))?;
            let id = Uuid::parse_str(&text)
                .map_err(|e| self.corrupt(first, &text, &format!("field `cooperation_id`: {e}")))?;
            ids.push(CooperationId(id));
        }
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c06_log() -> Vec<Envelope> {
        crate::sample::c06_landfill().record_log().unwrap()
    }

    fn damaged(sql: &str) -> (SqliteStore, CooperationId) {
        let store = SqliteStore::open_in_memory().unwrap();
        let log = c06_log();
        let id = log[0].cooperation_id;
        store.append(id, 0, &log).unwrap();
        store.conn().execute_batch(sql).unwrap();
        (store, id)
    }

    fn corrupt_row(store: &SqliteStore, id: CooperationId) -> (PathBuf, u64, String) {
        match store.load(id) {
            Err(StoreError::Corrupt { file, line, reason }) => (file, line, reason),
            Ok(log) => panic!("expected Corrupt, loaded {} envelopes", log.len()),
            Err(other) => panic!("expected Corrupt, got {other}"),
        }
    }

    #[test]
    fn the_stores_of_one_file_take_turns_on_one_mutex() {
        let dir = std::env::temp_dir().join(format!("kerjasama-turn-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let a = SqliteStore::open(dir.join("log.db")).unwrap();
        let b = SqliteStore::open(dir.join(".").join("log.db")).unwrap();
        let other = SqliteStore::open(dir.join("other.db")).unwrap();
        assert!(
            Arc::ptr_eq(&a.turn, &b.turn),
            "the same file, named two ways"
        );
        assert!(!Arc::ptr_eq(&a.turn, &other.turn));
        let (m, n) = (
            SqliteStore::open_in_memory().unwrap(),
            SqliteStore::open_in_memory().unwrap(),
        );
        assert!(
            !Arc::ptr_eq(&m.turn, &n.turn),
            "in-memory databases are private"
        );
        // A store's writers still append while another store of the file holds none.
        let log = c06_log();
        a.append(log[0].cooperation_id, 0, &log[..3]).unwrap();
        b.append(log[0].cooperation_id, 3, &log[3..]).unwrap();
        assert_eq!(a.load(log[0].cooperation_id).unwrap(), log);
        drop((a, b, other));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_altered_body_is_corrupt_naming_table_and_row() {
        let (store, id) = damaged(
            "UPDATE envelopes SET body = replace(body, 'Bagian', 'Bagiaan') WHERE sequence = 2",
        );
        let (file, line, reason) = corrupt_row(&store, id);
        assert_eq!(file, PathBuf::from(":memory::envelopes"));
        assert_eq!(line, 2);
        assert!(reason.contains("hash mismatch"), "{reason}");
        // The head is checked by append too.
        let (store, id) = damaged("UPDATE envelopes SET body = '{' WHERE sequence = 28");
        let error = store.append(id, 28, &[]).unwrap_err();
        assert!(
            matches!(error, StoreError::Corrupt { line: 28, .. }),
            "{error}"
        );
    }

    #[test]
    fn a_missing_or_moved_row_is_corrupt() {
        let (store, id) = damaged("DELETE FROM envelopes WHERE sequence = 3");
        let (_, line, reason) = corrupt_row(&store, id);
        assert_eq!(line, 4);
        assert!(reason.contains("field `sequence`"), "{reason}");
        let (store, id) = damaged("UPDATE envelopes SET sequence = 99 WHERE sequence = 28");
        let (_, line, reason) = corrupt_row(&store, id);
        assert_eq!(line, 99);
        assert!(reason.contains("row of sequence 99"), "{reason}");
    }

    #[test]
    fn a_row_filed_under_another_cooperation_is_corrupt() {
        let (store, _) = damaged(
            "UPDATE envelopes SET cooperation_id = '01900000-0000-7000-8000-000000000099'
             WHERE sequence = 1",
        );
        let other = CooperationId(Uuid::parse_str("01900000-0000-7000-8000-000000000099").unwrap());
        let (_, line, reason) = corrupt_row(&store, other);
        assert_eq!(line, 1);
        assert!(reason.contains("cooperation_id"), "{reason}");
        let (store, _) = damaged("UPDATE envelopes SET cooperation_id = 'x' WHERE sequence = 1");
        let error = store.list().unwrap_err();
        assert!(
            matches!(error, StoreError::Corrupt { line: 1, .. }),
            "{error}"
        );
    }
}
