//! An in-memory store, for tests and embedders that persist elsewhere.

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::audit::Envelope;
use crate::model::CooperationId;

use super::{EventStore, StoreError, check_append};

/// Envelopes kept in memory behind a mutex: safe to share between threads.
#[derive(Debug, Default)]
pub struct MemoryStore {
    logs: Mutex<BTreeMap<CooperationId, Vec<Envelope>>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn logs(&self) -> std::sync::MutexGuard<'_, BTreeMap<CooperationId, Vec<Envelope>>> {
        // A panic while holding the lock cannot leave a log half-appended (append extends
        // only after every check), so a poisoned lock is still consistent.
        self.logs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl EventStore for MemoryStore {
    fn append(
        &self,
        cooperation: CooperationId,
        expected_sequence: u64,
        envelopes: &[Envelope],
    ) -> Result<(), StoreError> {
        let mut logs = self.logs();
        let log = logs.entry(cooperation).or_default();
        check_append(cooperation, expected_sequence, log.last(), envelopes)?;
        log.extend_from_slice(envelopes);
        Ok(())
    }

    fn load(&self, cooperation: CooperationId) -> Result<Vec<Envelope>, StoreError> {
        Ok(self.logs().get(&cooperation).cloned().unwrap_or_default())
    }

    fn list(&self) -> Result<Vec<CooperationId>, StoreError> {
        Ok(self
            .logs()
            .iter()
            .filter(|(_, log)| !log.is_empty())
            .map(|(id, _)| *id)
            .collect())
    }
}
