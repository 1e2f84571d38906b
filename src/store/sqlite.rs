//! SQLite store (feature `sqlite`). Implementation pending: see the store helper.

/// An SQLite database of logs.
#[derive(Debug)]
pub struct SqliteStore;
