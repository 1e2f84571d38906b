//! The PostgreSQL store's own promises, against a real server (`KSD_POSTGRES_URL`, started
//! by `scripts/with-postgres`): migrations on open and by hand, a newer schema refused, a
//! damaged row named by cooperation and sequence, an append-only table, a server down at
//! open, a connection dropped while idle, and a connection lost in the middle of an append.
#![cfg(feature = "postgres")]

mod store_support;

use std::time::{Duration, Instant};

use kerjasama::store::postgres::{PostgresOptions, SCHEMA_VERSION};
use kerjasama::store::{EventStore, PostgresStore, StoreError};
use postgres::{Client, NoTls};
use store_support::{TempDir, c06, id_of, postgres_url, unique_schema, with_param};

fn admin() -> Client {
    Client::connect(&postgres_url(), NoTls).expect("admin connection")
}

fn options(label: &str) -> PostgresOptions {
    PostgresOptions::default().schema(unique_schema(label))
}

/// A store with the C06 log, and its schema's name.
fn with_c06(label: &str) -> (PostgresStore, String, kerjasama::model::CooperationId) {
    let store = PostgresStore::connect_with(&postgres_url(), &options(label)).expect("connect");
    let schema = store.schema().to_owned();
    let (log, _) = c06();
    let id = id_of(&log);
    store.append(id, 0, &log).expect("append");
    (store, schema, id)
}

#[test]
fn opening_creates_the_schema_once_and_records_its_version() {
    let schema = unique_schema("migrate");
    let options = PostgresOptions::default().schema(schema.clone());
    // Four servers opening the new database at once create it once.
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| PostgresStore::connect_with(&postgres_url(), &options).expect("open"));
        }
    });
    let mut admin = admin();
    let rows = admin
        .query(
            &format!("SELECT version, description FROM {schema}.schema_migrations"),
            &[],
        )
        .expect("migrations");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].get::<_, i32>(0),
        i32::try_from(SCHEMA_VERSION).unwrap()
    );
    let columns: Vec<String> = admin
        .query(
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_schema = $1 AND table_name = 'envelopes' ORDER BY ordinal_position",
            &[&schema],
        )
        .expect("columns")
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(
        columns,
        [
            "cooperation_id",
            "sequence",
            "body",
            "envelope",
            "hash",
            "prev_hash",
            "occurred_on",
            "recorded_at",
            "stage",
            "track",
            "regions"
        ]
    );
}

#[test]
fn a_dba_runs_the_migration_by_hand_and_the_store_only_checks_it() {
    let schema = unique_schema("byhand");
    let options = PostgresOptions::default()
        .schema(schema.clone())
        .migrate(false);
    // Not migrated yet: refused, nothing created.
    match PostgresStore::connect_with(&postgres_url(), &options) {
        Err(StoreError::SchemaVersion {
            found, supported, ..
        }) => assert_eq!((found, supported), (0, SCHEMA_VERSION)),
        other => panic!("expected SchemaVersion, got {other:?}"),
    }
    assert!(
        !store_support::schema_exists(&schema),
        "a store opened with migrate(false) created the schema"
    );
    let mut admin = admin();
    admin
        .batch_execute(&PostgresStore::migration_sql(&schema).expect("sql"))
        .expect("the DBA's script runs");
    let store = PostgresStore::connect_with(&postgres_url(), &options).expect("open");
    let (log, _) = c06();
    store.append(id_of(&log), 0, &log).expect("append");
    assert_eq!(store.load(id_of(&log)).expect("load"), log);
}

#[test]
fn a_schema_of_a_newer_version_is_refused_and_left_alone() {
    let (_, schema, id) = with_c06("newer");
    let mut admin = admin();
    admin
        .execute(
            &format!(
                "INSERT INTO {schema}.schema_migrations (version, description)
                 VALUES ($1, 'from the future')"
            ),
            &[&(i32::try_from(SCHEMA_VERSION).unwrap() + 1)],
        )
        .expect("insert");
    for migrate in [true, false] {
        let options = PostgresOptions::default()
            .schema(schema.clone())
            .migrate(migrate);
        match PostgresStore::connect_with(&postgres_url(), &options) {
            Err(StoreError::SchemaVersion {
                found, supported, ..
            }) => assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION)),
            other => panic!("expected SchemaVersion, got {other:?}"),
        }
    }
    let count: i64 = admin
        .query_one(
            &format!("SELECT count(*) FROM {schema}.envelopes WHERE cooperation_id = $1"),
            &[&id.0],
        )
        .expect("count")
        .get(0);
    assert_eq!(count, 28);
}

#[test]
fn the_table_is_append_only() {
    let (_, schema, _) = with_c06("appendonly");
    let mut admin = admin();
    // The jsonb copy is computed from the stored text: it cannot be written on its own,
    // not even with the triggers off.
    let error = admin
        .batch_execute(&format!(
            "ALTER TABLE {schema}.envelopes DISABLE TRIGGER USER;
             UPDATE {schema}.envelopes SET envelope = '{{}}' WHERE sequence = 2;"
        ))
        .unwrap_err();
    let message = error.as_db_error().map(|db| db.message().to_owned());
    assert!(
        message.as_deref().is_some_and(|m| m.contains("DEFAULT")),
        "{message:?}"
    );
    admin
        .batch_execute(&format!(
            "ALTER TABLE {schema}.envelopes ENABLE TRIGGER USER"
        ))
        .expect("triggers on");
    for statement in [
        format!("UPDATE {schema}.envelopes SET hash = 'x' WHERE sequence = 2"),
        format!("DELETE FROM {schema}.envelopes WHERE sequence = 28"),
        format!("TRUNCATE {schema}.envelopes"),
    ] {
        let error = admin.batch_execute(&statement).unwrap_err();
        let message = error.as_db_error().map(|db| db.message().to_owned());
        assert!(
            message
                .as_deref()
                .is_some_and(|m| m.contains("append-only")),
            "{statement}: {message:?}"
        );
    }
}

/// Damages the C06 log with `sql` (run with the append-only trigger off, as someone working
/// around it would) and returns what `load` says.
fn load_after(label: &str, sql: &str) -> (StoreError, String, kerjasama::model::CooperationId) {
    let (store, schema, id) = with_c06(label);
    let mut admin = admin();
    admin
        .batch_execute(&format!(
            "ALTER TABLE {schema}.envelopes DISABLE TRIGGER USER;
             {};
             ALTER TABLE {schema}.envelopes ENABLE TRIGGER USER;",
            sql.replace("{schema}", &schema)
        ))
        .expect("damage");
    (store.load(id).unwrap_err(), schema, id)
}

#[test]
fn a_row_whose_json_does_not_match_its_hash_is_corrupt_naming_cooperation_and_sequence() {
    let (error, schema, id) = load_after(
        "hash",
        "UPDATE {schema}.envelopes SET body = (jsonb_set(envelope, '{occurred_on}', \
         '\"2024-01-02\"'))::text WHERE sequence = 5",
    );
    match error {
        StoreError::Corrupt { file, line, reason } => {
            assert!(
                file.to_string_lossy()
                    .ends_with(&format!("{schema}.envelopes")),
                "{}",
                file.display()
            );
            assert_eq!(line, 5);
            assert!(reason.contains(&id.to_string()), "{reason}");
            assert!(reason.contains("hash mismatch"), "{reason}");
        }
        other => panic!("expected Corrupt, got {other}"),
    }
}

#[test]
fn a_hash_column_that_disagrees_with_the_json_is_corrupt() {
    let (error, _, id) = load_after(
        "hashcol",
        "UPDATE {schema}.envelopes SET hash = repeat('0', 64) WHERE sequence = 7",
    );
    match error {
        StoreError::Corrupt { line, reason, .. } => {
            assert_eq!(line, 7);
            assert!(reason.contains(&id.to_string()), "{reason}");
            assert!(reason.contains("column `hash`"), "{reason}");
        }
        other => panic!("expected Corrupt, got {other}"),
    }
}

#[test]
fn a_missing_row_breaks_the_chain_and_is_corrupt() {
    let (error, _, _) = load_after("gap", "DELETE FROM {schema}.envelopes WHERE sequence = 3");
    match error {
        StoreError::Corrupt { line, reason, .. } => {
            assert_eq!(line, 4);
            assert!(reason.contains("field `sequence`"), "{reason}");
        }
        other => panic!("expected Corrupt, got {other}"),
    }
}

#[test]
fn a_damaged_head_stops_an_append_which_writes_nothing() {
    let (store, schema, id) = with_c06("head");
    let mut admin = admin();
    admin
        .batch_execute(&format!(
            "ALTER TABLE {schema}.envelopes DISABLE TRIGGER USER;
             UPDATE {schema}.envelopes SET body = '{{\"schema_version\": 2}}'
                 WHERE sequence = 28;
             ALTER TABLE {schema}.envelopes ENABLE TRIGGER USER;"
        ))
        .expect("damage");
    let (log, _) = c06();
    let mut next = log[27].clone();
    next.sequence = 29;
    let error = store.append(id, 28, &[next]).unwrap_err();
    assert!(
        matches!(error, StoreError::Corrupt { line: 28, .. }),
        "{error}"
    );
    let count: i64 = admin
        .query_one(&format!("SELECT count(*) FROM {schema}.envelopes"), &[])
        .expect("count")
        .get(0);
    assert_eq!(count, 28);
}

#[test]
fn a_server_that_is_down_at_open_is_unavailable() {
    // A socket folder where no server listens.
    let dir = TempDir::new("no-server");
    let url = format!(
        "postgresql://postgres@{}/postgres",
        dir.path().display().to_string().replace('/', "%2F")
    );
    let started = Instant::now();
    let error = PostgresStore::connect_with(
        &url,
        &PostgresOptions::default().connect_timeout(Duration::from_millis(500)),
    )
    .unwrap_err();
    match &error {
        StoreError::Unavailable {
            server,
            cooperation,
            sequence,
            ..
        } => {
            assert!(
                server.contains(&dir.path().display().to_string()),
                "{server}"
            );
            assert_eq!((*cooperation, *sequence), (None, None));
        }
        other => panic!("expected Unavailable, got {other}"),
    }
    assert!(started.elapsed() < Duration::from_secs(10), "{error}");
}

/// Terminates the server processes of the connections named `application`.
fn terminate(admin: &mut Client, application: &str) -> i64 {
    admin
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE application_name = $1",
            &[&application],
        )
        .expect("terminate")
        .get(0)
}

#[test]
fn a_connection_dropped_while_idle_is_replaced() {
    let application = unique_schema("idle");
    let url = with_param(&postgres_url(), "application_name", &application);
    let store = PostgresStore::connect_with(&url, &options("idle")).expect("connect");
    let (log, _) = c06();
    let id = id_of(&log);
    store.append(id, 0, &log[..10]).expect("append");
    let mut admin = admin();
    assert!(terminate(&mut admin, &application) >= 1);
    store
        .append(id, 10, &log[10..])
        .expect("a new connection takes over");
    assert_eq!(store.load(id).expect("load"), log);
}

#[test]
fn a_connection_lost_in_the_middle_of_an_append_writes_nothing() {
    let application = unique_schema("midway");
    let url = with_param(&postgres_url(), "application_name", &application);
    let store = PostgresStore::connect_with(&url, &options("midway")).expect("connect");
    let schema = store.schema().to_owned();
    let (log, _) = c06();
    let id = id_of(&log);
    store.append(id, 0, &log[..10]).expect("append");
    let mut admin = admin();
    // Hold the table so the append stops at its insert, then cut its connection there.
    let mut holder = admin.transaction().expect("begin");
    holder
        .batch_execute(&format!("LOCK TABLE {schema}.envelopes IN EXCLUSIVE MODE"))
        .expect("lock");
    let outcome = std::thread::scope(|scope| {
        let append = scope.spawn(|| store.append(id, 10, &log[10..12]));
        let mut watcher = Client::connect(&postgres_url(), NoTls).expect("watcher");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let waiting: i64 = watcher
                .query_one(
                    "SELECT count(*) FROM pg_stat_activity
                     WHERE application_name = $1 AND wait_event_type = 'Lock'",
                    &[&application],
                )
                .expect("activity")
                .get(0);
            if waiting > 0 {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the append never reached its insert"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(terminate(&mut watcher, &application) >= 1);
        // The store now asks on a new connection whether the insert committed; that
        // connection prepares its statements, which waits for the table: let it go.
        holder.rollback().expect("release");
        append.join().expect("append thread")
    });
    match outcome {
        Err(StoreError::Unavailable {
            cooperation,
            sequence,
            message,
            ..
        }) => {
            assert_eq!((cooperation, sequence), (Some(id), Some(11)));
            // Settled by asking the server: not the answer of a server that cannot be asked.
            assert!(!message.contains("cannot be asked"), "{message}");
        }
        other => panic!("expected Unavailable, got {other:?}"),
    }
    assert_eq!(store.load(id).expect("load"), log[..10]);
    // Retried, the append goes through.
    store.append(id, 10, &log[10..]).expect("retry");
    assert_eq!(store.load(id).expect("load"), log);
}

#[test]
fn text_jsonb_cannot_hold_is_invalid_and_writes_nothing() {
    let options = options("nul");
    let store = PostgresStore::connect_with(&postgres_url(), &options).expect("connect");
    let scenario = kerjasama::sample::c06_landfill();
    let mut scenario = scenario;
    if let kerjasama::lifecycle::Command::Register { spec } = &mut scenario.steps[0].command {
        spec.title.push('\0');
    }
    let log = scenario
        .record_log()
        .expect("the law has nothing against U+0000");
    let id = id_of(&log);
    match store.append(id, 0, &log[..1]) {
        Err(StoreError::Invalid {
            cooperation,
            sequence,
            reason,
        }) => {
            assert_eq!((cooperation, sequence), (id, 1));
            assert!(reason.contains("U+0000"), "{reason}");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert!(store.load(id).expect("load").is_empty());
    assert!(store.list().expect("list").is_empty());
}

/// `docs/postgres-schema.sql`, the script a database administrator runs by hand, is what
/// `PostgresStore::migration_sql("kerjasama")` gives (`KSD_BLESS=1` rewrites it).
#[test]
fn the_documented_schema_script_is_the_migration() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/postgres-schema.sql");
    let expected = format!(
        "-- kerjasama PostgreSQL store, schema version {SCHEMA_VERSION}: what PostgresStore runs \
         on open.\n-- Generated by PostgresStore::migration_sql(\"kerjasama\"); see \
         docs/postgres.md.\n{}",
        PostgresStore::migration_sql("kerjasama").expect("sql")
    );
    if std::env::var("KSD_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &expected).expect("write");
    }
    let committed = std::fs::read_to_string(&path).expect("docs/postgres-schema.sql");
    assert_eq!(
        committed, expected,
        "KSD_BLESS=1 rewrites docs/postgres-schema.sql"
    );
}

/// The privileges docs/postgres.md lists for an application whose DBA migrates by hand are
/// enough to append and read, and no more is needed.
#[test]
fn an_application_role_with_select_and_insert_only_appends_and_reads() {
    let (_, schema, _) = with_c06("role");
    let role = format!("{schema}_app");
    let mut admin = admin();
    admin
        .batch_execute(&format!(
            "CREATE ROLE {role} LOGIN;
             GRANT USAGE ON SCHEMA {schema} TO {role};
             GRANT SELECT, INSERT ON {schema}.envelopes TO {role};
             GRANT SELECT ON {schema}.schema_migrations TO {role};"
        ))
        .expect("role");
    let url = postgres_url().replacen("postgres@", &format!("{role}@"), 1);
    assert_ne!(
        url,
        postgres_url(),
        "the test server's URL names the user postgres"
    );
    let options = PostgresOptions::default()
        .schema(schema.clone())
        .migrate(false);
    let store = PostgresStore::connect_with(&url, &options).expect("the application connects");
    let (c03, _) = store_support::record_scenario(&kerjasama::sample::c03_rice());
    store.append(id_of(&c03), 0, &c03).expect("append");
    assert_eq!(store.load(id_of(&c03)).expect("load"), c03);
    assert_eq!(store.list().expect("list").len(), 2);
    // Opening with migrations needs more: refused by the server, as a database error.
    let error = PostgresStore::connect_with(&url, &options.clone().migrate(true)).unwrap_err();
    assert!(matches!(error, StoreError::Database(_)), "{error}");
}
