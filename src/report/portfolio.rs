//! A region's portfolio: every cooperation it holds, as the history of each (lived through the
//! state machine and read from an audit log, scripted, or imported from a register), and the
//! records that are not a regional cooperation at all.

use serde::{Deserialize, Serialize};

use crate::law::RuleSetId;
use crate::lifecycle::{CommandKind, Step};
use crate::model::KodeWilayah;

use super::model::OutsideReason;

/// Every cooperation a region evaluates, with where each record comes from.
///
/// ```
/// use kerjasama::report::Portfolio;
/// use kerjasama::sample;
/// let portfolio = Portfolio::from_scenarios(sample::sidrap(), sample::cases());
/// assert_eq!(portfolio.entries.len(), sample::cases().len());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Portfolio")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Portfolio {
    /// The region whose portfolio it is (the meeting's region).
    pub home: KodeWilayah,
    /// Its records.
    pub entries: Vec<Entry>,
}
crate::serde_shape::map_shaped!(Portfolio);

impl Portfolio {
    /// An empty portfolio of `home`.
    pub fn new(home: KodeWilayah) -> Self {
        Portfolio {
            home,
            entries: Vec::new(),
        }
    }

    /// Adds a record.
    #[must_use]
    pub fn with(mut self, entry: Entry) -> Self {
        self.entries.push(entry);
        self
    }

    /// The portfolio held in an event store, read through the [`Ledger`](crate::Ledger): every
    /// cooperation's log is verified (chain, hashes, and every command decided again under the
    /// version and policy it records) before it is taken in. A log that does not verify is an error naming the cooperation, never skipped.
    /// Each record is labelled with its cooperation id.
    ///
    /// ```
    /// use kerjasama::report::Portfolio;
    /// use kerjasama::store::MemoryStore;
    /// use kerjasama::{sample, Ledger};
    /// let store = MemoryStore::new();
    /// let log = sample::c06_landfill().record_log()?;
    /// let id = log[0].cooperation_id;
    /// kerjasama::store::EventStore::append(&store, id, 0, &log)?;
    /// let portfolio = Portfolio::from_store(&store, sample::sidrap(), "memory")?;
    /// assert_eq!(portfolio.entries.len(), 1);
    /// assert_eq!(portfolio.entries[0].label, id.to_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_store<S: crate::store::EventStore>(
        store: &S,
        home: KodeWilayah,
        store_label: impl Into<String>,
    ) -> Result<Self, crate::Error> {
        let ledger = crate::Ledger::new(store);
        let ids = ledger.list()?;
        Self::from_ledger(&ledger, home, store_label.into(), ids)
    }

    /// The portfolio of the cooperations `query` selects in an event store (verified as by
    /// [`from_store`](Self::from_store)): in a provincial or national store, the
    /// cooperations of one region, `RegisterQuery::all().region(home)`. A store with an index
    /// (PostgreSQL) selects them without reading the other logs.
    ///
    /// ```
    /// use kerjasama::report::Portfolio;
    /// use kerjasama::store::{EventStore, MemoryStore, RegisterQuery};
    /// use kerjasama::{model::KodeWilayah, sample};
    /// let store = MemoryStore::new();
    /// for case in [sample::c06_landfill(), sample::c03_rice()] {
    ///     let log = case.record_log()?;
    ///     store.append(log[0].cooperation_id, 0, &log)?;
    /// }
    /// let elsewhere: KodeWilayah = "11.01".parse()?;
    /// let query = RegisterQuery::all().region(elsewhere);
    /// let portfolio = Portfolio::from_store_matching(&store, elsewhere, "memory", &query)?;
    /// assert!(portfolio.entries.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_store_matching<S: crate::store::EventStore>(
        store: &S,
        home: KodeWilayah,
        store_label: impl Into<String>,
        query: &crate::store::RegisterQuery,
    ) -> Result<Self, crate::Error> {
        let ledger = crate::Ledger::new(store);
        let ids = ledger.query(query)?;
        Self::from_ledger(&ledger, home, store_label.into(), ids)
    }

    fn from_ledger<S: crate::store::EventStore>(
        ledger: &crate::Ledger<S>,
        home: KodeWilayah,
        store_label: String,
        ids: Vec<crate::model::CooperationId>,
    ) -> Result<Self, crate::Error> {
        let mut entries = Vec::new();
        for id in ids {
            // Read once, verified, then taken in.
            let (_, log) = ledger.verified_history(id)?;
            let Some(first) = log.first() else { continue };
            let regime = first.rule_set.id;
            let steps: Vec<Step> = log
                .iter()
                .map(|e| Step::new(e.actor.clone(), e.occurred_on, e.command.clone()))
                .collect();
            // A log recorded from an imported register keeps the row it came from.
            let (label, origin) = match &first.origin {
                Some(crate::audit::StepOrigin::Imported { source, row, label }) => (
                    label.clone(),
                    Origin::Imported {
                        file: source.clone(),
                        row: *row,
                        shown: steps.iter().map(|s| s.command.kind()).collect(),
                    },
                ),
                _ => (
                    id.to_string(),
                    Origin::Ledger {
                        store: store_label.clone(),
                    },
                ),
            };
            entries.push(Entry::new(label, origin, regime, steps));
        }
        Ok(Portfolio { home, entries })
    }

    /// The portfolio of scripted cases (the sample data): each scenario's steps, under the
    /// regime of its first date.
    pub fn from_scenarios(
        home: KodeWilayah,
        scenarios: impl IntoIterator<Item = crate::sample::Scenario>,
    ) -> Self {
        let entries = scenarios
            .into_iter()
            .map(|scenario| {
                let regime = scenario
                    .rules()
                    .map_or(RuleSetId::Current, |rules| rules.reference.id);
                Entry::new(
                    scenario.case.clone(),
                    Origin::Script {
                        case: scenario.case.clone(),
                    },
                    regime,
                    scenario.steps,
                )
            })
            .collect();
        Portfolio { home, entries }
    }
}

/// One record of a portfolio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Entry")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Entry {
    /// The label the region gives it (register number, case id).
    pub label: String,
    /// Where the record comes from.
    pub origin: Origin,
    /// What it holds.
    pub record: EntryRecord,
}
crate::serde_shape::map_shaped!(Entry);

impl Entry {
    /// A cooperation with its history, judged under `regime`.
    pub fn new(
        label: impl Into<String>,
        origin: Origin,
        regime: RuleSetId,
        steps: Vec<Step>,
    ) -> Self {
        Entry {
            label: label.into(),
            origin,
            record: EntryRecord::Cooperation { regime, steps },
        }
    }

    /// A record that is not a regional cooperation (e.g. with a ministry), listed apart.
    pub fn outside(
        label: impl Into<String>,
        origin: Origin,
        title: impl Into<String>,
        partners: Vec<String>,
        reason: OutsideReason,
        dated: Option<chrono::NaiveDate>,
    ) -> Self {
        Entry {
            label: label.into(),
            origin,
            record: EntryRecord::Outside {
                title: title.into(),
                partners,
                reason,
                dated,
            },
        }
    }
}

/// What a record of the portfolio holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "EntryRecord")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum EntryRecord {
    /// A cooperation: its history, step by step, from its registration.
    Cooperation {
        /// The regime it is judged under (KSD-TRANS-01: chosen by the date of its decisive
        /// act, never mixed).
        regime: RuleSetId,
        /// Its history.
        steps: Vec<Step>,
    },
    /// Not a regional cooperation under PP 28/2018.
    Outside {
        /// Its title.
        title: String,
        /// The partners named.
        partners: Vec<String>,
        /// Why it is outside.
        reason: OutsideReason,
        /// Its first date, if known (a record dated after `as_of` is absent).
        dated: Option<chrono::NaiveDate>,
    },
}
crate::serde_shape::map_shaped!(EntryRecord);

/// Where a record comes from: lived through the state machine and read from a store, a
/// scripted case, or a row of an imported register (audited by the same rules, not decided).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Origin")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "source",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum Origin {
    /// An audit log of an `EventStore`, verified when loaded.
    Ledger {
        /// The store (its path, or a name).
        store: String,
    },
    /// A scripted case.
    Script {
        /// The case id.
        case: String,
    },
    /// A row of an imported register.
    Imported {
        /// The file.
        file: String,
        /// The row (1 = the first data row after the header).
        row: u64,
        /// The steps the register shows (the others are not on record).
        shown: Vec<CommandKind>,
    },
}
crate::serde_shape::map_shaped!(Origin);

impl Origin {
    /// Whether the record was imported (its steps were audited, not decided).
    pub fn is_imported(&self) -> bool {
        matches!(self, Origin::Imported { .. })
    }
}
