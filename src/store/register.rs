//! Register queries: the cooperations a register lists by region, by kind (track), or by
//! stage as of a date, and the facts of an envelope they select on.
//!
//! Every store answers a [`RegisterQuery`] through [`EventStore::query`]: the memory, JSON
//! lines and SQLite stores by reading every log ([`scan`]), the PostgreSQL store in SQL over
//! columns it fills at append from the same [`Facts`]. Both read the log alone (not the
//! law), so they agree on any log, including one that would not replay.

use chrono::NaiveDate;

use crate::audit::Envelope;
use crate::lifecycle::{EventKind, Stage};
use crate::model::{CooperationId, KodeWilayah, Party, Track};

use super::{EventStore, StoreError};

/// Which cooperations to list: those meeting every criterion given (all of them when none is).
///
/// * [`region`](Self::region): a party of the registered spec is this region (its kode
///   wilayah exactly: a province's code does not select its regencies' cooperations).
/// * [`track`](Self::track): the kind's track (KSDD wajib, KSDD sukarela, KSDPK initiated by
///   the region or by the third party).
/// * [`in_stage`](Self::in_stage): the stage the log had reached with the envelopes dated on
///   or before the date (the recorded stage, as [`Cooperation::as_of`] replays it; validity
///   that lapses with time without an event is a time view, not a stage). A cooperation
///   registered after the date has no stage then and is not listed.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::lifecycle::Stage;
/// use kerjasama::model::{KodeWilayah, Track};
/// use kerjasama::sample;
/// use kerjasama::store::{EventStore, MemoryStore, RegisterQuery};
///
/// let store = MemoryStore::new();
/// let log = sample::c06_landfill().record_log()?;
/// store.append(log[0].cooperation_id, 0, &log)?;
/// let in_force = RegisterQuery::all()
///     .region(KodeWilayah::SIDRAP)
///     .track(Track::KsddWajib)
///     .in_stage(Stage::InForce, NaiveDate::from_ymd_opt(2024, 8, 14).unwrap());
/// assert_eq!(store.query(&in_force)?, vec![log[0].cooperation_id]);
/// let drafts = in_force.clone().in_stage(Stage::Draft, NaiveDate::from_ymd_opt(2024, 8, 14).unwrap());
/// assert!(store.query(&drafts)?.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`Cooperation::as_of`]: crate::lifecycle::Cooperation::as_of
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterQuery {
    region: Option<KodeWilayah>,
    track: Option<Track>,
    stage: Option<(Stage, NaiveDate)>,
}

impl RegisterQuery {
    /// Every cooperation.
    pub fn all() -> Self {
        Self::default()
    }

    /// Only cooperations with `region` among their parties.
    pub fn region(mut self, region: KodeWilayah) -> Self {
        self.region = Some(region);
        self
    }

    /// Only cooperations of this track.
    pub fn track(mut self, track: Track) -> Self {
        self.track = Some(track);
        self
    }

    /// Only cooperations in `stage` as of `as_of` (replaces an earlier stage criterion).
    pub fn in_stage(mut self, stage: Stage, as_of: NaiveDate) -> Self {
        self.stage = Some((stage, as_of));
        self
    }

    /// The region criterion.
    pub fn region_criterion(&self) -> Option<KodeWilayah> {
        self.region
    }

    /// The track criterion.
    pub fn track_criterion(&self) -> Option<Track> {
        self.track
    }

    /// The stage criterion and its date.
    pub fn stage_criterion(&self) -> Option<(Stage, NaiveDate)> {
        self.stage
    }

    /// Whether the log `log` (of one cooperation, in order) meets the query. This is what
    /// every store answers; a store with an index must agree with it.
    pub fn matches(&self, log: &[Envelope]) -> bool {
        let mut registered: Option<Registration> = None;
        let mut stage_then: Option<Stage> = None;
        for envelope in log {
            let facts = Facts::of(envelope);
            if registered.is_none() {
                registered = facts.registered;
            }
            if let Some((_, as_of)) = self.stage
                && envelope.occurred_on <= as_of
                && let Some(stage) = facts.stage
            {
                stage_then = Some(stage);
            }
        }
        let Some(registration) = registered else {
            return false;
        };
        self.region
            .is_none_or(|region| registration.regions.contains(&region))
            && self.track.is_none_or(|track| registration.track == track)
            && self
                .stage
                .is_none_or(|(stage, _)| stage_then == Some(stage))
    }
}

/// What a registration tells a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Registration {
    /// The kind's track.
    pub track: Track,
    /// The kode wilayah of every region party, in the spec's order.
    pub regions: Vec<KodeWilayah>,
}

/// What one envelope tells a register query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Facts {
    /// Its registration, if it registers the cooperation.
    pub registered: Option<Registration>,
    /// The stage the log is in after it, if it changes it (a registration starts the draft).
    pub stage: Option<Stage>,
}

impl Facts {
    /// The facts of `envelope`, from its events.
    pub fn of(envelope: &Envelope) -> Self {
        let mut facts = Facts::default();
        for event in &envelope.events {
            match &event.kind {
                EventKind::Registered { spec, .. } => {
                    let regions = spec
                        .parties
                        .iter()
                        .filter_map(|party| match party {
                            Party::Region(region) => Some(region.code),
                            _ => None,
                        })
                        .collect();
                    if facts.registered.is_none() {
                        facts.registered = Some(Registration {
                            track: spec.kind.track(),
                            regions,
                        });
                    }
                    facts.stage = Some(Stage::Draft);
                }
                EventKind::StageChanged { to, .. } => facts.stage = Some(*to),
                _ => {}
            }
        }
        facts
    }
}

/// Answers `query` by reading every log of `store`, in the order of [`EventStore::list`].
pub fn scan<S: EventStore + ?Sized>(
    store: &S,
    query: &RegisterQuery,
) -> Result<Vec<CooperationId>, StoreError> {
    let mut selected = Vec::new();
    for id in store.list()? {
        if query.matches(&store.load(id)?) {
            selected.push(id);
        }
    }
    Ok(selected)
}

/// The name a column or a message gives a stage: its serialized form (`in_force`).
#[cfg(feature = "postgres")]
pub(crate) fn stage_name(stage: Stage) -> String {
    match serde_json::to_value(stage) {
        Ok(serde_json::Value::String(name)) => name,
        _ => format!("{stage:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::Cooperation;
    use crate::sample;
    use crate::store::MemoryStore;

    /// The stage criterion agrees with the replayed state as of every date of every case.
    #[test]
    fn the_stage_as_of_a_date_is_the_stage_of_the_state_as_of_it() {
        for scenario in sample::cases() {
            let log = scenario.record_log().unwrap();
            let mut dates: Vec<NaiveDate> = log.iter().map(|e| e.occurred_on).collect();
            let first = dates[0];
            dates.push(first.pred_opt().unwrap());
            dates.push(dates[dates.len() - 2].succ_opt().unwrap());
            for as_of in dates {
                let state = Cooperation::as_of(log.iter().flat_map(|e| e.events.iter()), as_of);
                for stage in Stage::ALL.iter().copied() {
                    let query = RegisterQuery::all().in_stage(stage, as_of);
                    assert_eq!(
                        query.matches(&log),
                        state.as_ref().map(Cooperation::stage) == Some(stage),
                        "{} {as_of} {stage:?}",
                        scenario.case
                    );
                }
            }
        }
    }

    #[test]
    fn region_and_track_select_on_the_registered_spec() {
        let store = MemoryStore::new();
        let mut all = Vec::new();
        for scenario in sample::cases() {
            let log = scenario.record_log().unwrap();
            store.append(log[0].cooperation_id, 0, &log).unwrap();
            let crate::lifecycle::Command::Register { spec } = &log[0].command else {
                panic!("{}: the first step registers", scenario.case)
            };
            all.push((log[0].cooperation_id, spec.as_ref().clone()));
        }
        all.sort_by_key(|(id, _)| *id);
        for track in Track::ALL {
            let expected: Vec<CooperationId> = all
                .iter()
                .filter(|(_, spec)| spec.kind.track() == track)
                .map(|(id, _)| *id)
                .collect();
            assert_eq!(
                store.query(&RegisterQuery::all().track(track)).unwrap(),
                expected
            );
        }
        let sidrap: Vec<CooperationId> = all
            .iter()
            .filter(|(_, spec)| {
                spec.parties
                    .iter()
                    .any(|p| p.id() == Some(crate::model::PartyId::Region(KodeWilayah::SIDRAP)))
            })
            .map(|(id, _)| *id)
            .collect();
        assert!(!sidrap.is_empty());
        assert_eq!(
            store
                .query(&RegisterQuery::all().region(KodeWilayah::SIDRAP))
                .unwrap(),
            sidrap
        );
        let nowhere: KodeWilayah = "11.01".parse().unwrap();
        assert!(
            store
                .query(&RegisterQuery::all().region(nowhere))
                .unwrap()
                .is_empty()
        );
        assert_eq!(store.query(&RegisterQuery::all()).unwrap().len(), all.len());
    }

    #[test]
    fn an_empty_log_meets_no_query() {
        assert!(!RegisterQuery::all().matches(&[]));
    }
}
