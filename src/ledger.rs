//! The ledger: runs a command end to end over any [`EventStore`], as every frontend needs.
//!
//! One call loads the cooperation (or uses the state it already holds), picks the rule set
//! (a registration: the regime that governs its legal date, KSD-TRANS-01; every later
//! command: the latest version of the regime the cooperation was registered under, never
//! another), decides, records the envelope, appends it with the expected sequence, applies
//! the events and returns what happened. When another writer appended first, it
//! reloads and decides again (the command may now be refused), up to a bound.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, NaiveDate, Utc};

use crate::Error;
use crate::audit::{Envelope, IdSource, RandomV7, Replayed, record, replay};
use crate::law::{Policy, RuleSet, RuleSetId, RuleSetRegistry};
use crate::lifecycle::{
    AllowedCommand, Command, Cooperation, CooperationSpec, Event, Stage, Violation,
};
use crate::model::{Actor, CooperationId};
use crate::store::{EventStore, StoreError};

/// Where the recording time of an envelope comes from. Legal dates never come from a clock;
/// only the time a step is *recorded* does.
pub trait Clock {
    /// The current time.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        DateTime::<Utc>::from(std::time::SystemTime::now())
    }
}

/// A clock that always answers the same time (tests, golden logs, imports).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// What an accepted command did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Outcome {
    /// The cooperation.
    pub cooperation: CooperationId,
    /// The sequence of the appended envelope.
    pub sequence: u64,
    /// The events recorded (facts and warnings).
    pub events: Vec<Event>,
    /// The warnings recorded with the step.
    pub warnings: Vec<Violation>,
    /// The stage after the step.
    pub stage: Stage,
}

/// The state of a cooperation as the ledger last saw it, with the head of its log.
#[derive(Debug, Clone)]
struct Cached {
    state: Cooperation,
    head: Envelope,
}

/// A ledger over an event store.
///
/// ```
/// use kerjasama::Ledger;
/// use kerjasama::lifecycle::Stage;
/// use kerjasama::store::MemoryStore;
/// let ledger = Ledger::new(MemoryStore::new());
/// let scenario = kerjasama::sample::c06_landfill();
/// let id = scenario.cooperation_id().unwrap();
/// for step in &scenario.steps {
///     ledger.execute(id, &step.command, &step.actor, step.on)?;
/// }
/// assert_eq!(ledger.state(id)?.stage(), Stage::InForce);
/// let replayed = ledger.verify(id)?; // chain checked, every command decided again
/// assert!(replayed.differences.is_empty());
/// # Ok::<(), kerjasama::Error>(())
/// ```
pub struct Ledger<S> {
    store: S,
    registry: RuleSetRegistry,
    policy: Policy,
    ids: Mutex<Box<dyn IdSource + Send>>,
    clock: Box<dyn Clock + Send + Sync>,
    cache: Mutex<HashMap<CooperationId, Cached>>,
    attempts: u32,
}

impl<S: std::fmt::Debug> std::fmt::Debug for Ledger<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger")
            .field("store", &self.store)
            .field("policy", &self.policy)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // The guarded values are replaced whole, never left half-updated: a poisoned lock is
    // still consistent.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<S: EventStore> Ledger<S> {
    /// A ledger over `store` with the default policy, every rule-set version of this crate,
    /// random UUID v7 envelope ids and the system clock for recording times.
    pub fn new(store: S) -> Self {
        Ledger {
            store,
            registry: RuleSetRegistry::standard(),
            policy: Policy::default(),
            ids: Mutex::new(Box::new(RandomV7)),
            clock: Box::new(SystemClock),
            cache: Mutex::new(HashMap::new()),
            attempts: 3,
        }
    }

    /// Decides new commands under `policy` (a regional overlay). Replay always uses the
    /// policy each envelope records.
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Uses `ids` for envelope ids (e.g. [`crate::audit::SequentialIds`] for tests).
    pub fn with_ids(mut self, ids: impl IdSource + Send + 'static) -> Self {
        self.ids = Mutex::new(Box::new(ids));
        self
    }

    /// Uses `clock` for recording times.
    pub fn with_clock(mut self, clock: impl Clock + Send + Sync + 'static) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// How many times an append that conflicts with another writer is tried (at least 1).
    pub fn with_attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts.max(1);
        self
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The policy new commands are decided under.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The rule set a registration dated `on` is decided under: the latest version of the
    /// regime that governs the date (KSD-TRANS-01: PP 50/2007 before 13 July 2018, PP
    /// 28/2018 from then on), with this ledger's policy.
    pub fn rules_for(&self, on: NaiveDate) -> Result<RuleSet, Error> {
        Ok(self.registry.for_date(on)?.with_policy(self.policy.clone()))
    }

    /// The rule set a command on `state` dated `on` is decided under: for a registered
    /// cooperation, the latest version of the regime it was registered under
    /// ([`Cooperation::rule_set`]), whatever the date (a cooperation never switches regimes);
    /// for a registration, `regime`'s latest version if one is asked for, else
    /// [`Ledger::rules_for`] the date.
    fn rules_of(
        &self,
        state: &Cooperation,
        on: NaiveDate,
        regime: Option<RuleSetId>,
    ) -> Result<RuleSet, Error> {
        match (state.rule_set(), regime) {
            (Some(registered), _) => Ok(self
                .registry
                .latest_of(registered.id)?
                .with_policy(self.policy.clone())),
            (None, Some(regime)) => Ok(self
                .registry
                .latest_of(regime)?
                .with_policy(self.policy.clone())),
            (None, None) => self.rules_for(on),
        }
    }

    /// Registers a new cooperation (its id is the spec's) under the regime that governs the
    /// legal date `on` (KSD-TRANS-01): a cooperation registered with a date before 13 July
    /// 2018 is decided under PP 50/2007 for good.
    pub fn register(
        &self,
        spec: CooperationSpec,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Outcome, Error> {
        let id = spec.id;
        self.run(
            id,
            &Command::Register {
                spec: Box::new(spec),
            },
            actor,
            on,
            None,
        )
    }

    /// Registers a new cooperation under the latest version of the regime `regime`, whatever
    /// the date: e.g. a PKS signed in 2016 (PP 50/2007, [`RuleSetId::Pp50_2007`]) entered
    /// into the register today. Every later command on it is decided under that regime.
    ///
    /// ```
    /// use kerjasama::Ledger;
    /// use kerjasama::law::RuleSetId;
    /// use kerjasama::lifecycle::Command;
    /// use kerjasama::store::MemoryStore;
    /// let ledger = Ledger::new(MemoryStore::new());
    /// let c10 = kerjasama::sample::c10_legacy();
    /// let Command::Register { spec } = &c10.steps[0].command else { unreachable!() };
    /// let today = chrono::NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
    /// ledger.register_under(RuleSetId::Pp50_2007, (**spec).clone(), &c10.steps[0].actor, today)?;
    /// let state = ledger.state(spec.id)?;
    /// assert_eq!(state.rule_set().map(|r| r.id), Some(RuleSetId::Pp50_2007));
    /// # Ok::<(), kerjasama::Error>(())
    /// ```
    pub fn register_under(
        &self,
        regime: RuleSetId,
        spec: CooperationSpec,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Outcome, Error> {
        let id = spec.id;
        self.run(
            id,
            &Command::Register {
                spec: Box::new(spec),
            },
            actor,
            on,
            Some(regime),
        )
    }

    /// Runs `command` by `actor` on the legal date `on` against cooperation `id`: decide,
    /// record, append with the expected sequence, apply. A refusal records nothing.
    ///
    /// A registration is decided under the regime that governs `on`; every other command
    /// under the latest version of the regime the cooperation was registered under.
    pub fn execute(
        &self,
        id: CooperationId,
        command: &Command,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<Outcome, Error> {
        self.run(id, command, actor, on, None)
    }

    fn run(
        &self,
        id: CooperationId,
        command: &Command,
        actor: &Actor,
        on: NaiveDate,
        regime: Option<RuleSetId>,
    ) -> Result<Outcome, Error> {
        if let Command::Register { spec } = command
            && spec.id != id
        {
            return Err(Error::InvalidInput {
                field: "spec.id".into(),
                message: format!("registering {} under the id {id}", spec.id),
            });
        }
        for _ in 0..self.attempts {
            let current = self.cached_or_loaded(id, matches!(command, Command::Register { .. }))?;
            let (state, head) = match &current {
                Some(cached) => (&cached.state, Some(&cached.head)),
                None => (&Cooperation::new(), None),
            };
            let rules = self.rules_of(state, on, regime)?;
            let envelope = {
                let mut ids = lock(&self.ids);
                record(
                    state,
                    head,
                    command,
                    actor,
                    on,
                    self.clock.now(),
                    &rules,
                    ids.as_mut(),
                )?
            };
            let expected = head.map_or(0, |h| h.sequence);
            match self
                .store
                .append(id, expected, std::slice::from_ref(&envelope))
            {
                Ok(()) => {
                    let mut state = state.clone();
                    for event in &envelope.events {
                        state.apply(event);
                    }
                    let outcome = Outcome {
                        cooperation: id,
                        sequence: envelope.sequence,
                        warnings: envelope
                            .events
                            .iter()
                            .flat_map(|e| e.warnings())
                            .cloned()
                            .collect(),
                        events: envelope.events.clone(),
                        stage: state.stage(),
                    };
                    lock(&self.cache).insert(
                        id,
                        Cached {
                            state,
                            head: envelope,
                        },
                    );
                    return Ok(outcome);
                }
                Err(StoreError::Conflict { .. }) => {
                    lock(&self.cache).remove(&id);
                }
                Err(error) => {
                    lock(&self.cache).remove(&id);
                    return Err(error.into());
                }
            }
        }
        Err(Error::Conflict {
            cooperation: id,
            attempts: self.attempts,
        })
    }

    /// Records the history of a cooperation taken from an imported register as a new log:
    /// every step audited under `regime` ([`crate::audit::record_audited`]: what the rules
    /// find is recorded with it, never refused), each envelope marked with the row it comes
    /// from, appended all at once. The cooperation must not be in the store yet
    /// ([`Error::Conflict`] otherwise). A step the record cannot hold is refused, and nothing
    /// is recorded.
    ///
    /// ```
    /// use kerjasama::{Ledger, sample};
    /// use kerjasama::audit::StepOrigin;
    /// use kerjasama::law::RuleSetId;
    /// use kerjasama::store::MemoryStore;
    /// let ledger = Ledger::new(MemoryStore::new());
    /// let c02 = sample::c02_food();
    /// let origin = StepOrigin::Imported { source: "register.csv".into(), row: 2, label: "C02".into() };
    /// let id = ledger.record_imported(RuleSetId::Current, &c02.steps, origin)?;
    /// assert_eq!(ledger.verify(id)?.state, ledger.state(id)?);
    /// # Ok::<(), kerjasama::Error>(())
    /// ```
    pub fn record_imported(
        &self,
        regime: RuleSetId,
        steps: &[crate::lifecycle::Step],
        origin: crate::audit::StepOrigin,
    ) -> Result<CooperationId, Error> {
        let rules = self
            .registry
            .latest_of(regime)?
            .with_policy(self.policy.clone());
        let mut state = Cooperation::new();
        let mut log: Vec<crate::audit::Envelope> = Vec::with_capacity(steps.len());
        for step in steps {
            let envelope = {
                let mut ids = lock(&self.ids);
                crate::audit::record_audited(
                    &state,
                    log.last(),
                    step,
                    self.clock.now(),
                    &rules,
                    ids.as_mut(),
                    origin.clone(),
                )?
            };
            for event in &envelope.events {
                state.apply(event);
            }
            log.push(envelope);
        }
        let Some(head) = log.last().cloned() else {
            return Err(Error::InvalidInput {
                field: "steps".into(),
                message: "an imported history has at least its registration".into(),
            });
        };
        let id = head.cooperation_id;
        self.store.append(id, 0, &log)?;
        lock(&self.cache).insert(id, Cached { state, head });
        Ok(id)
    }

    /// The state held for `id`, or loaded and verified from the store; `None` for an
    /// unknown id when `may_be_new` (a registration), [`Error::NotFound`] otherwise.
    fn cached_or_loaded(
        &self,
        id: CooperationId,
        may_be_new: bool,
    ) -> Result<Option<Cached>, Error> {
        if let Some(cached) = lock(&self.cache).get(&id) {
            return Ok(Some(cached.clone()));
        }
        let log = self.store.load(id)?;
        let Some(head) = log.last().cloned() else {
            return if may_be_new {
                Ok(None)
            } else {
                Err(Error::NotFound(id))
            };
        };
        let replayed = replay(&log, &self.registry).map_err(|error| Error::Replay {
            cooperation: id,
            error,
        })?;
        let cached = Cached {
            state: replayed.state,
            head,
        };
        lock(&self.cache).insert(id, cached.clone());
        Ok(Some(cached))
    }

    /// The current state of `id` (held, or loaded and verified from the store).
    pub fn state(&self, id: CooperationId) -> Result<Cooperation, Error> {
        self.cached_or_loaded(id, false)?
            .map(|cached| cached.state)
            .ok_or(Error::NotFound(id))
    }

    /// Reads the log of `id` from the store again and replays it: chain, hashes, and every
    /// command decided again under the version and policy it records.
    pub fn verify(&self, id: CooperationId) -> Result<Replayed, Error> {
        self.verified_history(id).map(|(replayed, _)| replayed)
    }

    /// [`verify`](Self::verify), and the log it verified (read once).
    pub(crate) fn verified_history(
        &self,
        id: CooperationId,
    ) -> Result<(Replayed, Vec<Envelope>), Error> {
        let log = self.history(id)?;
        let replayed = replay(&log, &self.registry).map_err(|error| Error::Replay {
            cooperation: id,
            error,
        })?;
        if let Some(head) = log.last().cloned() {
            lock(&self.cache).insert(
                id,
                Cached {
                    state: replayed.state.clone(),
                    head,
                },
            );
        }
        Ok((replayed, log))
    }

    /// The log of `id`, as stored.
    pub fn history(&self, id: CooperationId) -> Result<Vec<Envelope>, Error> {
        let log = self.store.load(id)?;
        if log.is_empty() {
            return Err(Error::NotFound(id));
        }
        Ok(log)
    }

    /// The state of `id` as of `as_of` (the events dated on or before it), or `None` if it
    /// was not registered by then. The log is verified first.
    pub fn as_of(&self, id: CooperationId, as_of: NaiveDate) -> Result<Option<Cooperation>, Error> {
        let log = self.history(id)?;
        replay(&log, &self.registry).map_err(|error| Error::Replay {
            cooperation: id,
            error,
        })?;
        Ok(Cooperation::as_of(
            log.iter().flat_map(|e| e.events.iter()),
            as_of,
        ))
    }

    /// Every cooperation in the store.
    pub fn list(&self) -> Result<Vec<CooperationId>, Error> {
        Ok(self.store.list()?)
    }

    /// The cooperations a register query selects (by region, track, stage as of a date),
    /// answered by the store: in SQL by the PostgreSQL store, by reading the logs otherwise.
    ///
    /// ```
    /// use kerjasama::store::{MemoryStore, RegisterQuery};
    /// use kerjasama::{Ledger, model::Track, sample};
    /// let ledger = Ledger::new(MemoryStore::new());
    /// let log = sample::c06_landfill().record_log()?;
    /// kerjasama::store::EventStore::append(ledger.store(), log[0].cooperation_id, 0, &log)?;
    /// let wajib = ledger.query(&RegisterQuery::all().track(Track::KsddWajib))?;
    /// let sukarela = ledger.query(&RegisterQuery::all().track(Track::KsddSukarela))?;
    /// assert_eq!((wajib.len(), sukarela.len()), (1, 0)); // C06, the landfill, is wajib
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn query(&self, query: &crate::store::RegisterQuery) -> Result<Vec<CooperationId>, Error> {
        Ok(self.store.query(query)?)
    }

    /// What `actor` may do next on `id` on `date`, with what blocks each command.
    pub fn allowed_commands(
        &self,
        id: CooperationId,
        actor: &Actor,
        date: NaiveDate,
    ) -> Result<Vec<AllowedCommand>, Error> {
        let state = self.state(id)?;
        let rules = self.rules_of(&state, date, None)?;
        Ok(state.allowed_commands(actor, date, &rules))
    }
}
