//! PostgreSQL store (feature `postgres`): the logs of many regions in one shared database,
//! written by several application servers at once.
//!
//! [`PostgresStore`] speaks to the server through the synchronous `postgres` client and an
//! r2d2 connection pool: it is `Send + Sync`, and every thread takes a connection of its own
//! for each operation.
//!
//! # Schema
//! The store keeps its tables in one PostgreSQL schema ([`PostgresOptions::schema`],
//! `kerjasama` by default) and creates them on open with versioned migrations
//! ([`MIGRATIONS`]), recorded in `<schema>.schema_migrations`. A database administrator who
//! runs the migrations by hand gets them from [`PostgresStore::migration_sql`] (also in
//! `docs/postgres.md`) and opens the store with [`PostgresOptions::migrate`] `false`: it then
//! only checks the recorded version. A database migrated by a newer crate is refused with
//! [`StoreError::SchemaVersion`], never read.
//!
//! One table holds every envelope, keyed by (cooperation, sequence). The envelope is kept as
//! written, byte for byte (`body`, the record the store reads and verifies), and as `jsonb`
//! for queries (`envelope`, a column the database computes from `body`, so the two never
//! differ); beside them are its hash and the columns register queries select on, filled at
//! append from the envelope's events ([`RegisterQuery`]): the date, the stage it moves to,
//! and, on the registering envelope, the track and the region parties. (Reading `body`
//! rather than `envelope::text` makes a load about three times cheaper for the server.) A trigger refuses
//! `UPDATE`, `DELETE` and `TRUNCATE`: the log is append-only in the database too.
//!
//! # Concurrency and failures
//! An append reads the log's head, checks that the envelopes continue it as the caller
//! expected, and inserts them all in one statement, which is its own transaction: all or
//! nothing. Nothing can take their place between the read and the insert unseen: two writers
//! appending after the same head both insert the same (cooperation, sequence), the second
//! waits for the first and fails on the primary key, and that is reported as
//! [`StoreError::Conflict`] with nothing written; rows are never changed or deleted (the
//! trigger). An append is acknowledged once the server has committed it (on disk with
//! `synchronous_commit = on`, the default).
//!
//! A server that cannot be reached, or a connection that breaks, is
//! [`StoreError::Unavailable`], naming the cooperation and the envelope. A pooled connection
//! found broken before anything was written (one the server closed while it was idle) is
//! replaced and the operation tried again, so connections are not tested before each use.
//! If the connection breaks while the insert runs, the store asks the server again on a new
//! connection whether the envelopes are there, and answers with what it finds (success, or
//! nothing written).
//!
//! Every row read is verified: its JSON against its own hash, the hash column, the row's
//! key, and the chain to the row before. A row that fails is [`StoreError::Corrupt`] naming
//! the table, the cooperation and the sequence.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use postgres::error::SqlState;
use postgres::types::{ToSql, Type};
use postgres::{Client, Statement};
use postgres::{Config, NoTls};
use uuid::Uuid;

use crate::audit::Envelope;
use crate::audit::schema;
use crate::model::CooperationId;

use super::register::{Facts, RegisterQuery, stage_name};
use super::{
    EventStore, StoreError, check_append, check_key, check_link, decode_reason, row_sequence,
};

/// The version of the database schema this crate creates and reads (the last of
/// [`MIGRATIONS`]).
pub const SCHEMA_VERSION: u32 = 1;

/// The migrations, in order: version, description, SQL (with `{schema}` for the schema's
/// name). A migration once released is never edited; a change is a new one.
pub const MIGRATIONS: &[(u32, &str, &str)] = &[(
    1,
    "envelopes: one row per envelope, its text and jsonb, hash and register columns; append-only",
    r#"CREATE TABLE {schema}.envelopes (
    cooperation_id uuid NOT NULL,
    sequence bigint NOT NULL CHECK (sequence >= 1),
    body text NOT NULL,
    envelope jsonb GENERATED ALWAYS AS (body::jsonb) STORED,
    hash text NOT NULL,
    prev_hash text NOT NULL,
    occurred_on date NOT NULL,
    recorded_at timestamptz NOT NULL,
    stage text,
    track text,
    regions text[],
    PRIMARY KEY (cooperation_id, sequence)
);
COMMENT ON TABLE {schema}.envelopes IS
    'kerjasama audit log: one row per envelope (docs/postgres.md). Append-only.';
COMMENT ON COLUMN {schema}.envelopes.body IS
    'The envelope as stored, byte for byte (audit::schema); its hash member covers it.';
COMMENT ON COLUMN {schema}.envelopes.envelope IS
    'The envelope as jsonb, for queries: computed from body by the database.';
COMMENT ON COLUMN {schema}.envelopes.stage IS
    'The stage the log is in after this envelope, if it changes it.';
COMMENT ON COLUMN {schema}.envelopes.track IS
    'On the registering envelope: the kind''s track.';
COMMENT ON COLUMN {schema}.envelopes.regions IS
    'On the registering envelope: the kode wilayah of every region party.';
CREATE INDEX envelopes_registrations ON {schema}.envelopes (cooperation_id, sequence)
    INCLUDE (track, regions) WHERE track IS NOT NULL;
CREATE INDEX envelopes_regions ON {schema}.envelopes USING gin (regions)
    WHERE track IS NOT NULL;
CREATE INDEX envelopes_stages ON {schema}.envelopes (cooperation_id, sequence DESC)
    INCLUDE (occurred_on, stage) WHERE stage IS NOT NULL;
CREATE FUNCTION {schema}.envelopes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kerjasama: the envelopes table is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER envelopes_append_only BEFORE UPDATE OR DELETE ON {schema}.envelopes
    FOR EACH ROW EXECUTE FUNCTION {schema}.envelopes_append_only();
CREATE TRIGGER envelopes_no_truncate BEFORE TRUNCATE ON {schema}.envelopes
    FOR EACH STATEMENT EXECUTE FUNCTION {schema}.envelopes_append_only();"#,
)];

/// The key of the advisory lock migrations take, so that servers opening a new database at
/// once create it once ("ksd" and the schema version of this lock's meaning).
const MIGRATION_LOCK: i64 = 0x6B73_6400_0001;

/// How a [`PostgresStore`] connects and what it may do on open.
#[derive(Clone, PartialEq, Eq)]
pub struct PostgresOptions {
    schema: String,
    password: Option<String>,
    pool_size: u32,
    connect_timeout: Duration,
    migrate: bool,
}

impl Default for PostgresOptions {
    fn default() -> Self {
        Self {
            schema: "kerjasama".into(),
            password: None,
            pool_size: 8,
            connect_timeout: Duration::from_secs(5),
            migrate: true,
        }
    }
}

impl std::fmt::Debug for PostgresOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresOptions")
            .field("schema", &self.schema)
            .field("password", &self.password.as_ref().map(|_| "…"))
            .field("pool_size", &self.pool_size)
            .field("connect_timeout", &self.connect_timeout)
            .field("migrate", &self.migrate)
            .finish()
    }
}

impl PostgresOptions {
    /// The PostgreSQL schema holding the tables: a lower-case identifier (`[a-z_][a-z0-9_]*`,
    /// at most 63 bytes). Default `kerjasama`.
    pub fn schema(mut self, schema: impl Into<String>) -> Self {
        self.schema = schema.into();
        self
    }

    /// The password, when it is not in the URL (e.g. read from the environment, so that it
    /// does not show on a command line).
    pub fn password(mut self, password: impl Into<String>) -> Self {
        self.password = Some(password.into());
        self
    }

    /// The most connections the pool opens (default 8; at least 1).
    pub fn pool_size(mut self, size: u32) -> Self {
        self.pool_size = size.max(1);
        self
    }

    /// How long to wait for a connection before [`StoreError::Unavailable`] (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Whether opening runs the migrations the database lacks (default `true`). With
    /// `false`, a database not at [`SCHEMA_VERSION`] is refused with
    /// [`StoreError::SchemaVersion`].
    pub fn migrate(mut self, migrate: bool) -> Self {
        self.migrate = migrate;
        self
    }
}

type Pool = r2d2::Pool<Manager>;
type Connection = r2d2::PooledConnection<Manager>;

/// A connection of the pool, with the statements of the frequent operations prepared on it
/// once (planned once, not at every append or load).
struct Session {
    client: Client,
    head: Statement,
    insert: Statement,
    load: Statement,
}

/// Makes the pool's connections (r2d2's manager): connects, prepares the statements.
struct Manager {
    config: Config,
    sql: std::sync::Arc<Statements>,
}

impl r2d2::ManageConnection for Manager {
    type Connection = Session;
    type Error = postgres::Error;

    fn connect(&self) -> Result<Session, postgres::Error> {
        let mut client = self.config.connect(NoTls)?;
        let head = client.prepare_typed(&self.sql.head, &[Type::UUID])?;
        let insert = client.prepare_typed(&self.sql.insert, &INSERT_TYPES)?;
        let load = client.prepare_typed(&self.sql.load, &[Type::UUID])?;
        Ok(Session {
            client,
            head,
            insert,
            load,
        })
    }

    fn is_valid(&self, session: &mut Session) -> Result<(), postgres::Error> {
        session.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, session: &mut Session) -> bool {
        session.client.is_closed()
    }
}

/// The parameter types of the insert.
const INSERT_TYPES: [Type; 10] = [
    Type::UUID,
    Type::INT8_ARRAY,
    Type::TEXT_ARRAY,
    Type::TEXT_ARRAY,
    Type::TEXT_ARRAY,
    Type::DATE_ARRAY,
    Type::TIMESTAMPTZ_ARRAY,
    Type::TEXT_ARRAY,
    Type::TEXT_ARRAY,
    Type::TEXT_ARRAY,
];

/// The SQL of the store's operations, with the schema's name in place.
#[derive(Debug)]
struct Statements {
    head: String,
    hash_at: String,
    insert: String,
    load: String,
    list: String,
}

impl Statements {
    fn new(schema: &str) -> Self {
        Self {
            head: format!(
                "SELECT sequence, body, hash FROM {schema}.envelopes
                 WHERE cooperation_id = $1 ORDER BY sequence DESC LIMIT 1"
            ),
            hash_at: format!(
                "SELECT hash FROM {schema}.envelopes WHERE cooperation_id = $1 AND sequence = $2"
            ),
            insert: format!(
                "INSERT INTO {schema}.envelopes (cooperation_id, sequence, body, hash,
                     prev_hash, occurred_on, recorded_at, stage, track, regions)
                 SELECT $1, u.sequence, u.body, u.hash, u.prev_hash, u.occurred_on,
                     u.recorded_at, u.stage, u.track, string_to_array(u.regions, ',')
                 FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::date[],
                     $7::timestamptz[], $8::text[], $9::text[], $10::text[])
                     AS u(sequence, body, hash, prev_hash, occurred_on, recorded_at, stage,
                          track, regions)"
            ),
            load: format!(
                "SELECT sequence, body, hash FROM {schema}.envelopes
                 WHERE cooperation_id = $1 ORDER BY sequence"
            ),
            list: format!(
                "SELECT DISTINCT cooperation_id FROM {schema}.envelopes ORDER BY cooperation_id"
            ),
        }
    }
}

/// A PostgreSQL database of logs (see the [module](self) documentation).
///
/// ```no_run
/// use kerjasama::store::{PostgresStore, RegisterQuery, postgres::PostgresOptions};
/// use kerjasama::{Ledger, lifecycle::Stage, model::KodeWilayah};
///
/// // Tables in the schema `kerjasama`, created or migrated on first use.
/// let store = PostgresStore::connect_with(
///     "postgres://ksd@db.example/register",
///     &PostgresOptions::default().pool_size(16),
/// )?;
/// let ledger = Ledger::new(store);
/// // Sidrap's cooperations in force on 14 August 2024, selected in SQL.
/// let as_of = chrono::NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
/// let in_force = RegisterQuery::all()
///     .region(KodeWilayah::SIDRAP)
///     .in_stage(Stage::InForce, as_of);
/// for id in ledger.query(&in_force)? {
///     println!("{id}: {}", ledger.state(id)?.stage().label_id());
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct PostgresStore {
    pool: Pool,
    /// Where the store is, for messages: `postgres://user@host:port/db`, no password.
    server: String,
    schema: String,
    sql: std::sync::Arc<Statements>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("server", &self.server)
            .field("schema", &self.schema)
            .finish_non_exhaustive()
    }
}

/// The rows of one append, column by column (the arrays `unnest` reads).
#[derive(Default)]
struct Rows {
    sequence: Vec<i64>,
    body: Vec<String>,
    hash: Vec<String>,
    prev_hash: Vec<String>,
    occurred_on: Vec<NaiveDate>,
    recorded_at: Vec<DateTime<Utc>>,
    stage: Vec<Option<String>>,
    track: Vec<Option<String>>,
    regions: Vec<Option<String>>,
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/database`, or
    /// the `key=value` form; a Unix socket directory as the host, percent-encoded in a URL),
    /// with the default [`PostgresOptions`]: tables in schema `kerjasama`, created or
    /// migrated if needed.
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_with(url, &PostgresOptions::default())
    }

    /// Connects with `options`.
    pub fn connect_with(url: &str, options: &PostgresOptions) -> Result<Self, StoreError> {
        let mut config: Config = url.parse().map_err(|error| {
            StoreError::Database(format!(
                "the PostgreSQL address is not a postgres:// URL or key=value string: {error}"
            ))
        })?;
        config.connect_timeout(options.connect_timeout);
        if let Some(password) = &options.password {
            config.password(password.as_bytes());
        }
        let server = describe(&config);
        let schema = valid_schema(&options.schema).map_err(|reason| {
            StoreError::Database(format!(
                "{server}: schema name {:?}: {reason}",
                options.schema
            ))
        })?;
        let server = format!("{server} (schema {schema})");
        let sql = std::sync::Arc::new(Statements::new(&schema));
        // The tables first (the pool's connections prepare statements on them).
        prepare_schema(&config, &server, &schema, options.migrate)?;
        let manager = Manager {
            config,
            sql: sql.clone(),
        };
        let pool = r2d2::Pool::builder()
            .max_size(options.pool_size)
            .min_idle(Some(0))
            .connection_timeout(options.connect_timeout)
            .error_handler(Box::new(r2d2::NopErrorHandler))
            // No round trip to test a connection before each use: an operation that finds
            // its connection broken before writing anything tries another.
            .test_on_check_out(false)
            .build_unchecked(manager);
        Ok(Self {
            pool,
            server,
            sql,
            schema,
        })
    }

    /// The SQL that creates the schema `schema` at [`SCHEMA_VERSION`], for a database
    /// administrator who runs it by hand (then open with `migrate(false)`).
    pub fn migration_sql(schema: &str) -> Result<String, StoreError> {
        let schema = valid_schema(schema)
            .map_err(|reason| StoreError::Database(format!("schema name {schema:?}: {reason}")))?;
        let mut sql = format!(
            "BEGIN;\nCREATE SCHEMA IF NOT EXISTS {schema};\n{}\n",
            migrations_table(&schema)
        );
        for (version, description, text) in MIGRATIONS {
            sql.push_str(&format!(
                "-- migration {version}: {description}\n{};\n{}\n",
                text.replace("{schema}", &schema),
                record_migration(&schema, *version, description)
            ));
        }
        sql.push_str("COMMIT;\n");
        Ok(sql)
    }

    /// The server and schema, as messages name them (no password).
    pub fn server(&self) -> &str {
        &self.server
    }

    /// The PostgreSQL schema holding the tables.
    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// The `file` of a [`StoreError::Corrupt`]: `<server>:<schema>.envelopes`.
    fn table(&self) -> PathBuf {
        PathBuf::from(format!("{}:{}.envelopes", self.server, self.schema))
    }

    fn corrupt(&self, sequence: u64, cooperation: CooperationId, reason: &str) -> StoreError {
        StoreError::Corrupt {
            file: self.table(),
            line: sequence,
            reason: format!("cooperation {cooperation}: {reason}"),
        }
    }

    /// Maps a client error while working on `cooperation` from envelope `sequence`.
    fn error(
        &self,
        error: &postgres::Error,
        cooperation: Option<CooperationId>,
        sequence: Option<u64>,
    ) -> StoreError {
        error_of(&self.server, error, cooperation, sequence)
    }

    /// Runs `query` (reading only) on a pooled connection, again on another one if the
    /// connection turns out broken (an idle connection the server closed, e.g. on restart).
    fn read(
        &self,
        cooperation: Option<CooperationId>,
        query: impl Fn(&mut Session) -> Result<Vec<postgres::Row>, postgres::Error>,
    ) -> Result<Vec<postgres::Row>, StoreError> {
        let mut stale = 0;
        loop {
            let mut conn = self.connection(cooperation, None)?;
            match query(&mut conn) {
                Ok(rows) => return Ok(rows),
                Err(error) => match self.error(&error, cooperation, None) {
                    StoreError::Unavailable { .. } if stale < self.stale_retries() => stale += 1,
                    other => return Err(other),
                },
            }
        }
    }

    /// How many broken idle connections an operation may meet before it gives up: as many as
    /// the pool holds (then a new connection is made, or the server is down).
    fn stale_retries(&self) -> u32 {
        self.pool.max_size()
    }

    /// The cooperation ids of the first column of `rows`.
    fn ids(&self, rows: &[postgres::Row]) -> Result<Vec<CooperationId>, StoreError> {
        rows.iter()
            .map(|row| {
                row.try_get::<_, Uuid>(0)
                    .map(CooperationId)
                    .map_err(|e| self.error(&e, None, None))
            })
            .collect()
    }

    /// A connection from the pool (a new one if none is idle).
    fn connection(
        &self,
        cooperation: Option<CooperationId>,
        sequence: Option<u64>,
    ) -> Result<Connection, StoreError> {
        self.pool.get().map_err(|error| StoreError::Unavailable {
            server: self.server.clone(),
            cooperation,
            sequence,
            message: error.to_string(),
        })
    }

    /// Decodes and verifies the stored row (`cooperation`, `sequence`): its JSON against its
    /// hash, the hash column, and the key (not its link to the row before).
    fn decode_row(
        &self,
        cooperation: CooperationId,
        sequence: i64,
        text: &str,
        hash: &str,
    ) -> Result<Envelope, StoreError> {
        let row = u64::try_from(sequence).unwrap_or(0);
        let envelope = schema::decode_envelope(text)
            .map_err(|error| self.corrupt(row, cooperation, &decode_reason(text, &error)))?;
        check_key(cooperation, row, &envelope)
            .map_err(|reason| self.corrupt(row, cooperation, &reason))?;
        if envelope.hash != hash {
            return Err(self.corrupt(
                row,
                cooperation,
                &format!(
                    "column `hash`: {hash} is not the envelope's hash {}",
                    envelope.hash
                ),
            ));
        }
        Ok(envelope)
    }

    /// The head of `cooperation`, read and verified.
    fn head(
        &self,
        session: &mut Session,
        cooperation: CooperationId,
        sequence: Option<u64>,
    ) -> Result<Option<Envelope>, StoreError> {
        let row = session
            .client
            .query(&session.head, &[&cooperation.0])
            .map_err(|e| self.error(&e, Some(cooperation), sequence))?;
        match row.first() {
            Some(row) => {
                let (sequence, text, hash) =
                    columns(row).map_err(|e| self.error(&e, Some(cooperation), sequence))?;
                self.decode_row(cooperation, sequence, &text, &hash)
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn rows(cooperation: CooperationId, envelopes: &[Envelope]) -> Result<Rows, StoreError> {
        let mut rows = Rows::default();
        for envelope in envelopes {
            let sequence = row_sequence(cooperation, envelope, "PostgreSQL (bigint)")?;
            let facts = Facts::of(envelope);
            rows.sequence.push(sequence);
            rows.body.push(schema::encode_envelope(envelope));
            rows.hash.push(envelope.hash.clone());
            rows.prev_hash.push(envelope.prev_hash.clone());
            rows.occurred_on.push(envelope.occurred_on);
            rows.recorded_at.push(envelope.recorded_at);
            rows.stage.push(facts.stage.map(stage_name));
            rows.track
                .push(facts.registered.as_ref().map(|r| r.track.name().to_owned()));
            rows.regions.push(facts.registered.map(|r| {
                r.regions
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            }));
        }
        Ok(rows)
    }

    /// Reads the head, checks the envelopes continue it as the caller expected, and inserts
    /// them in one statement (its own transaction). Between the read and the insert nothing
    /// can take their place unseen: another writer's rows at the same sequences make the
    /// insert fail on the primary key, and no row is ever deleted or changed (the trigger).
    fn try_append(
        &self,
        conn: &mut Connection,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
        rows: &Rows,
    ) -> Result<(), Attempt> {
        let first = envelopes.first().map(|e| e.sequence);
        let head = self
            .head(conn, cooperation, first)
            .map_err(|error| match error {
                // Nothing was sent that writes: another connection may try again.
                StoreError::Unavailable { .. } => Attempt::Stale(error),
                other => Attempt::Failed(other),
            })?;
        check_append(cooperation, expected_sequence, head.as_ref(), envelopes)
            .map_err(Attempt::Failed)?;
        if envelopes.is_empty() {
            return Ok(());
        }
        let params: [&(dyn ToSql + Sync); 10] = [
            &cooperation.0,
            &rows.sequence,
            &rows.body,
            &rows.hash,
            &rows.prev_hash,
            &rows.occurred_on,
            &rows.recorded_at,
            &rows.stage,
            &rows.track,
            &rows.regions,
        ];
        let session: &mut Session = conn;
        let Err(error) = session.client.execute(&session.insert, &params) else {
            return Ok(());
        };
        Err(match error.code() {
            Some(code) if *code == SqlState::UNIQUE_VIOLATION => Attempt::Duplicate,
            Some(code) if *code == SqlState::UNTRANSLATABLE_CHARACTER => {
                Attempt::Failed(StoreError::Invalid {
                    cooperation,
                    sequence: first.unwrap_or(0),
                    reason: format!(
                        "PostgreSQL's jsonb cannot hold this text (the character U+0000): \
                         {error}"
                    ),
                })
            }
            // A refusal by the server: the statement did not commit.
            Some(code) if !lost_connection(code) => {
                Attempt::Failed(self.error(&error, Some(cooperation), first))
            }
            // The connection went away while the statement ran: it may have committed.
            _ => Attempt::CommitLost(self.error(&error, Some(cooperation), first)),
        })
    }

    /// After a commit whose answer was lost: whether the envelopes are in the log, asked on
    /// a new connection.
    fn settle_lost_commit(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
        lost: StoreError,
    ) -> Result<(), StoreError> {
        let first = envelopes.first().map(|e| e.sequence);
        let Ok(mut conn) = self.connection(Some(cooperation), first) else {
            return Err(StoreError::Unavailable {
                server: self.server.clone(),
                cooperation: Some(cooperation),
                sequence: first,
                message: format!(
                    "the connection broke during the commit and the server cannot be asked \
                     whether it was written: load the log to know ({lost})"
                ),
            });
        };
        // Our last envelope at its place (others may have appended after it since).
        if let Some(last) = envelopes.last() {
            let sequence = i64::try_from(last.sequence).unwrap_or(i64::MAX);
            let stored = conn
                .client
                .query_typed(
                    &self.sql.hash_at,
                    &[(&cooperation.0, Type::UUID), (&sequence, Type::INT8)],
                )
                .map_err(|e| self.error(&e, Some(cooperation), first))?;
            if stored
                .first()
                .and_then(|row| row.try_get::<_, String>(0).ok())
                .is_some_and(|hash| hash == last.hash)
            {
                return Ok(());
            }
        }
        let head = self.head(&mut conn, cooperation, first)?;
        match head {
            head if head.as_ref().map_or(0, |h| h.sequence) == expected_sequence => Err(lost),
            head => Err(StoreError::Conflict {
                cooperation,
                expected: expected_sequence,
                actual: head.map_or(0, |h| h.sequence),
            }),
        }
    }
}

/// Creates or migrates the schema (`migrate`), or checks its version, on a connection of its
/// own.
fn prepare_schema(
    config: &Config,
    server: &str,
    schema: &str,
    migrate: bool,
) -> Result<(), StoreError> {
    let fail = |e: postgres::Error| error_of(server, &e, None, None);
    let mut client = config.connect(NoTls).map_err(fail)?;
    let mut tx = client.transaction().map_err(fail)?;
    if migrate {
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .map_err(fail)?;
        tx.batch_execute(&format!(
            "CREATE SCHEMA IF NOT EXISTS {schema};\n{}",
            migrations_table(schema)
        ))
        .map_err(fail)?;
    }
    let found = recorded_version(&mut tx, schema).map_err(fail)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaVersion {
            server: server.to_owned(),
            found,
            supported: SCHEMA_VERSION,
            advice: "a newer kerjasama migrated this database; use that version (nothing \
                     was read or written)"
                .into(),
        });
    }
    if !migrate {
        if found < SCHEMA_VERSION {
            return Err(StoreError::SchemaVersion {
                server: server.to_owned(),
                found,
                supported: SCHEMA_VERSION,
                advice: "run the migrations (PostgresStore::migration_sql, docs/postgres.md) \
                         or open with migrate(true)"
                    .into(),
            });
        }
        return Ok(());
    }
    for (version, description, text) in MIGRATIONS {
        if *version <= found {
            continue;
        }
        tx.batch_execute(&format!(
            "{};\n{}",
            text.replace("{schema}", schema),
            record_migration(schema, *version, description)
        ))
        .map_err(fail)?;
    }
    tx.commit().map_err(fail)
}

/// The highest version `schema_migrations` records (0 when the table is missing).
fn recorded_version(
    tx: &mut postgres::Transaction<'_>,
    schema: &str,
) -> Result<u32, postgres::Error> {
    let exists: bool = tx
        .query_one(
            "SELECT to_regclass($1) IS NOT NULL",
            &[&format!("{schema}.schema_migrations")],
        )?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let version: Option<i32> = tx
        .query_one(
            &format!("SELECT max(version) FROM {schema}.schema_migrations"),
            &[],
        )?
        .get(0);
    Ok(version.and_then(|v| u32::try_from(v).ok()).unwrap_or(0))
}

/// How one append attempt ended, when not with success.
enum Attempt {
    /// Another writer inserted the same (cooperation, sequence) first.
    Duplicate,
    /// The connection was found broken before anything was written (an idle connection the
    /// server closed): try again on another.
    Stale(StoreError),
    /// The connection broke during the commit: the outcome is unknown.
    CommitLost(StoreError),
    /// Nothing was written.
    Failed(StoreError),
}

/// The (sequence, envelope text, hash) of a row.
fn columns(row: &postgres::Row) -> Result<(i64, String, String), postgres::Error> {
    Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?))
}

/// The store error of a client error on `server` while working on `cooperation` from envelope
/// `sequence`: a lost or refused connection is [`StoreError::Unavailable`], a refusal by the
/// server [`StoreError::Database`].
fn error_of(
    server: &str,
    error: &postgres::Error,
    cooperation: Option<CooperationId>,
    sequence: Option<u64>,
) -> StoreError {
    let unavailable = |message: String| StoreError::Unavailable {
        server: server.to_owned(),
        cooperation,
        sequence,
        message,
    };
    match error.code() {
        Some(code) if lost_connection(code) => unavailable(error.to_string()),
        Some(_) => {
            let at = match (cooperation, sequence) {
                (Some(c), Some(s)) => format!(" (cooperation {c}, envelope {s})"),
                (Some(c), None) => format!(" (cooperation {c})"),
                _ => String::new(),
            };
            let detail = error
                .as_db_error()
                .map_or_else(|| error.to_string(), |db| db.message().to_owned());
            StoreError::Database(format!("{server}{at}: {detail}"))
        }
        None => unavailable(error.to_string()),
    }
}

/// SQLSTATEs of a connection lost or refused: class 08 and the shutdown codes of class 57.
fn lost_connection(code: &SqlState) -> bool {
    code.code().starts_with("08")
        || [
            SqlState::ADMIN_SHUTDOWN,
            SqlState::CRASH_SHUTDOWN,
            SqlState::CANNOT_CONNECT_NOW,
        ]
        .contains(code)
}

/// `postgres://user@host:port/database` of a config, without the password.
fn describe(config: &Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .zip(config.get_ports().iter().chain(std::iter::repeat(&5432)))
        .map(|(host, port)| match host {
            postgres::config::Host::Tcp(name) => format!("{name}:{port}"),
            #[cfg(unix)]
            postgres::config::Host::Unix(path) => format!("{}:{port}", path.display()),
        })
        .collect();
    format!(
        "postgres://{}@{}/{}",
        config.get_user().unwrap_or(""),
        hosts.join(","),
        config.get_dbname().unwrap_or("")
    )
}

/// `schema` if it is a plain lower-case identifier (it is put in SQL text, unquoted).
fn valid_schema(schema: &str) -> Result<String, &'static str> {
    let mut chars = schema.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_');
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !first_ok || !rest_ok {
        return Err("must match [a-z_][a-z0-9_]*");
    }
    if schema.len() > 63 {
        return Err("longer than 63 bytes");
    }
    if schema.starts_with("pg_") {
        return Err("names starting with pg_ are reserved by PostgreSQL");
    }
    Ok(schema.to_owned())
}

fn migrations_table(schema: &str) -> String {
    format!(
        "CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
    version integer PRIMARY KEY,
    description text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);"
    )
}

fn record_migration(schema: &str, version: u32, description: &str) -> String {
    format!(
        "INSERT INTO {schema}.schema_migrations (version, description) VALUES ({version}, '{}');",
        description.replace('\'', "''")
    )
}

impl EventStore for PostgresStore {
    fn append(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
    ) -> Result<(), StoreError> {
        let rows = Self::rows(cooperation, envelopes)?;
        let first = envelopes.first().map(|e| e.sequence);
        let mut stale = 0;
        loop {
            let mut conn = self.connection(Some(cooperation), first)?;
            return match self.try_append(
                &mut conn,
                cooperation,
                expected_sequence,
                envelopes,
                &rows,
            ) {
                Ok(()) => Ok(()),
                Err(Attempt::Failed(error)) => Err(error),
                Err(Attempt::Stale(error)) => {
                    if stale < self.stale_retries() {
                        stale += 1;
                        continue;
                    }
                    Err(error)
                }
                Err(Attempt::Duplicate) => {
                    // Another writer's rows are there: its head.
                    let actual = self
                        .head(&mut conn, cooperation, first)
                        .map(|head| head.map_or(0, |h| h.sequence))
                        .unwrap_or(expected_sequence.saturating_add(1));
                    Err(StoreError::Conflict {
                        cooperation,
                        expected: expected_sequence,
                        actual,
                    })
                }
                Err(Attempt::CommitLost(lost)) => {
                    drop(conn);
                    self.settle_lost_commit(cooperation, expected_sequence, envelopes, lost)
                }
            };
        }
    }

    fn load(&self, cooperation: CooperationId) -> Result<Vec<Envelope>, StoreError> {
        let rows = self.read(Some(cooperation), |session| {
            session.client.query(&session.load, &[&cooperation.0])
        })?;
        let mut log: Vec<Envelope> = Vec::with_capacity(rows.len());
        for row in &rows {
            let (sequence, text, hash) =
                columns(row).map_err(|e| self.error(&e, Some(cooperation), None))?;
            let envelope = self.decode_row(cooperation, sequence, &text, &hash)?;
            check_link(cooperation, log.last(), &envelope).map_err(|reason| {
                self.corrupt(u64::try_from(sequence).unwrap_or(0), cooperation, &reason)
            })?;
            log.push(envelope);
        }
        Ok(log)
    }

    fn list(&self) -> Result<Vec<CooperationId>, StoreError> {
        let rows = self.read(None, |session| {
            session.client.query_typed(&self.sql.list, &[])
        })?;
        self.ids(&rows)
    }

    fn query(&self, query: &RegisterQuery) -> Result<Vec<CooperationId>, StoreError> {
        let region = query.region_criterion().map(|r| r.to_string());
        let track = query.track_criterion().map(|t| t.name().to_owned());
        let stage = query
            .stage_criterion()
            .map(|(stage, as_of)| (stage_name(stage), as_of));
        let mut params: Vec<(&(dyn ToSql + Sync), Type)> = Vec::new();
        let mut filters = Vec::new();
        let schema = &self.schema;
        let mut sql = format!(
            "WITH registered AS (
                 SELECT DISTINCT ON (cooperation_id) cooperation_id, track, regions
                 FROM {schema}.envelopes WHERE track IS NOT NULL
                 ORDER BY cooperation_id, sequence)"
        );
        if let Some((name, as_of)) = &stage {
            params.push((as_of, Type::DATE));
            params.push((name, Type::TEXT));
            sql.push_str(&format!(
                ", staged AS (
                 SELECT DISTINCT ON (cooperation_id) cooperation_id, stage
                 FROM {schema}.envelopes WHERE stage IS NOT NULL AND occurred_on <= $1
                 ORDER BY cooperation_id, sequence DESC)
             SELECT r.cooperation_id FROM registered r
             JOIN staged s ON s.cooperation_id = r.cooperation_id"
            ));
            filters.push("s.stage = $2".to_owned());
        } else {
            sql.push_str(" SELECT r.cooperation_id FROM registered r");
        }
        if let Some(region) = &region {
            params.push((region, Type::TEXT));
            filters.push(format!("r.regions @> ARRAY[${}::text]", params.len()));
        }
        if let Some(track) = &track {
            params.push((track, Type::TEXT));
            filters.push(format!("r.track = ${}", params.len()));
        }
        if !filters.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&filters.join(" AND "));
        }
        sql.push_str(" ORDER BY r.cooperation_id");
        let rows = self.read(None, |session| session.client.query_typed(&sql, &params))?;
        self.ids(&rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_names_are_plain_identifiers() {
        assert_eq!(valid_schema("kerjasama").as_deref(), Ok("kerjasama"));
        assert_eq!(valid_schema("_t1").as_deref(), Ok("_t1"));
        for bad in ["", "1a", "Kerja", "a-b", "a;drop", "pg_x", &"a".repeat(64)] {
            assert!(valid_schema(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_address_is_described_without_its_password() {
        let config: Config = "postgres://ksd:secret@db.example:6432/register"
            .parse()
            .unwrap();
        let text = describe(&config);
        assert_eq!(text, "postgres://ksd@db.example:6432/register");
        let socket: Config = "host=/run/pg user=ksd dbname=r".parse().unwrap();
        assert_eq!(describe(&socket), "postgres://ksd@/run/pg:5432/r");
    }

    #[test]
    fn the_migration_sql_names_the_schema_and_records_each_version() {
        let sql = PostgresStore::migration_sql("register_2026").unwrap();
        assert!(sql.contains("CREATE TABLE register_2026.envelopes"));
        assert!(!sql.contains("{schema}"));
        assert!(sql.contains("VALUES (1, 'envelopes: one row"));
        assert!(PostgresStore::migration_sql("bad name").is_err());
    }

    /// After a commit whose answer was lost, the store reports what the server holds: the
    /// envelopes there is success; the head unchanged is the loss (nothing written); another
    /// head is a conflict. (Needs the server of `KSD_POSTGRES_URL`: `scripts/with-postgres`.)
    #[test]
    fn a_lost_commit_is_settled_by_asking_the_server_again() {
        let url = std::env::var("KSD_POSTGRES_URL")
            .expect("KSD_POSTGRES_URL: run through scripts/with-postgres");
        let schema = format!("t_lost_{}", std::process::id());
        let store =
            PostgresStore::connect_with(&url, &PostgresOptions::default().schema(schema)).unwrap();
        let log = crate::sample::c06_landfill().record_log().unwrap();
        let id = log[0].cooperation_id;
        let lost = || StoreError::Unavailable {
            server: store.server.clone(),
            cooperation: Some(id),
            sequence: Some(11),
            message: "connection closed".into(),
        };
        store.append(id, 0, &log[..10]).unwrap();
        // Not written: the loss stands.
        assert_eq!(
            store.settle_lost_commit(id, 10, &log[10..12], lost()),
            Err(lost())
        );
        // Written: success.
        store.append(id, 10, &log[10..12]).unwrap();
        assert_eq!(
            store.settle_lost_commit(id, 10, &log[10..12], lost()),
            Ok(())
        );
        // Written, and someone appended after: still success.
        store.append(id, 12, &log[12..13]).unwrap();
        assert_eq!(
            store.settle_lost_commit(id, 10, &log[10..12], lost()),
            Ok(())
        );
        // The head moved on and ours is not in the log: a conflict.
        assert_eq!(
            store.settle_lost_commit(id, 12, &log[13..14], lost()),
            Err(StoreError::Conflict {
                cooperation: id,
                expected: 12,
                actual: 13
            })
        );
    }

    #[test]
    fn a_bad_url_is_a_typed_error_before_any_connection() {
        let error = PostgresStore::connect("mysql://nobody").unwrap_err();
        assert!(
            matches!(error, StoreError::Database(ref m) if m.contains("URL")),
            "{error}"
        );
        let error = PostgresStore::connect_with(
            "postgres://u@localhost/db",
            &PostgresOptions::default().schema("Bad"),
        )
        .unwrap_err();
        assert!(
            matches!(error, StoreError::Database(ref m) if m.contains("schema name")),
            "{error}"
        );
    }
}
