//! Rule sets: which rules and which policy are in force for a decision, and the registry of
//! every version this crate can decide under.
//!
//! A *rule set* is a regime (PP 28/2018, or the legacy PP 50/2007 for agreements signed before
//! 13 July 2018) encoded by this crate in a numbered *version*.
//! A change to this crate that would change the outcome of some command (a guard that
//! refuses what was accepted, a new row) gets a new version; the old version keeps deciding
//! exactly as before, so a log decided under it replays under it for ever. Rewording a
//! message or adding a [`Policy`] field whose default keeps every outcome is not a new
//! version. Every envelope of the audit log records the version it was decided under
//! ([`crate::audit::Envelope::rule_set`]).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::policy::Policy;

/// Which regime a rule set implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleSetId {
    /// PP 28/2018 with Permendagri 22/2020 practice defaults (KSD-* rules).
    Current,
    /// The legacy regime: PP 50/2007 with Permendagri 22/2009 (LEG-* rules), for agreements
    /// signed before 13 July 2018 (KSD-TRANS-01). Wire name `pp50-2007`.
    #[serde(rename = "pp50-2007")]
    Pp50_2007,
}

impl fmt::Display for RuleSetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RuleSetId::Current => "current (PP 28/2018 + Permendagri 22/2020)",
            RuleSetId::Pp50_2007 => "legacy (PP 50/2007 + Permendagri 22/2009)",
        })
    }
}

impl RuleSetId {
    /// Whether this is the legacy regime (PP 50/2007).
    ///
    /// ```
    /// use kerjasama::law::RuleSetId;
    /// assert!(RuleSetId::Pp50_2007.is_legacy() && !RuleSetId::Current.is_legacy());
    /// assert_eq!(serde_json::to_string(&RuleSetId::Pp50_2007)?, "\"pp50-2007\"");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn is_legacy(self) -> bool {
        matches!(self, RuleSetId::Pp50_2007)
    }
}

/// The identity of a rule set that a decision records: id and version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "RuleSetRef")
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct RuleSetRef {
    /// Which regime.
    pub id: RuleSetId,
    /// Version of this crate's encoding of it; bumped whenever a change would alter an
    /// outcome.
    pub version: u32,
}
crate::serde_shape::map_shaped!(RuleSetRef);

impl fmt::Display for RuleSetRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} v{}", self.id, self.version)
    }
}

/// One version of a rule set known to this crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct RuleSetVersion {
    /// Id and version.
    pub reference: RuleSetRef,
    /// First legal date its regime governs (KSD-TRANS-01: PP 28/2018 from 13 July 2018).
    pub effective_from: NaiveDate,
    /// What changed against the previous version (English, for release notes and reports).
    pub changes: &'static str,
    /// The values of the default policy of this version, frozen as JSON when the version was
    /// released: an envelope stores only the values that differ from these.
    #[serde(skip)]
    pub default_policy: &'static str,
}

/// The default policy of versions 1 and 2 of the current rule set, as frozen JSON.
pub const CURRENT_V1_DEFAULT_POLICY: &str = include_str!("policies/current-v1.json");

/// The default policy of version 3 of the current rule set, as frozen JSON.
pub const CURRENT_V3_DEFAULT_POLICY: &str = include_str!("policies/current-v3.json");

/// The first day PP 28/2018 governs (Pasal 52; KSD-TRANS-01).
pub const PP28_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2018, 7, 13) {
    Some(date) => date,
    None => panic!("13 July 2018 is a date"),
};

/// The first day PP 50/2007 governs: in force when promulgated, 22 August 2007 (Pasal 28).
pub const PP50_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2007, 8, 22) {
    Some(date) => date,
    None => panic!("22 August 2007 is a date"),
};

/// Every version of every rule set this crate has ever decided under, oldest first within a
/// regime. Entries are never removed or changed: old logs replay under the version they name.
static VERSIONS: &[RuleSetVersion] = &[
    CURRENT_V1,
    CURRENT_V2,
    CURRENT_V3,
    CURRENT_LATEST,
    // The legacy regime (PP 50/2007), its own versions.
    LEGACY_V1,
];

/// The legacy regime, version 1.
const LEGACY_V1: RuleSetVersion = RuleSetVersion {
    reference: RuleSetRef {
        id: RuleSetId::Pp50_2007,
        version: 1,
    },
    effective_from: PP50_IN_FORCE,
    changes: "first encoding of PP 50/2007 and Permendagri 22/2009 (LEG-* rules) for agreements \
              signed before 13 July 2018: the Pasal 7 procedure, the DPRD gate and timetable of \
              Pasal 9–12 with deemed approval, the eight PKS items, disputes, amendment, the nine \
              grounds, early termination by notice and the cooperation body",
    // Encoded alongside the current set's version 3: its frozen defaults are the same.
    default_policy: CURRENT_V3_DEFAULT_POLICY,
};

const CURRENT_V1: RuleSetVersion = RuleSetVersion {
    reference: RuleSetRef {
        id: RuleSetId::Current,
        version: 1,
    },
    effective_from: PP28_IN_FORCE,
    changes: "first encoding of PP 28/2018 and the Permendagri 22/2020 practice defaults",
    default_policy: CURRENT_V1_DEFAULT_POLICY,
};

const CURRENT_V2: RuleSetVersion = RuleSetVersion {
    reference: RuleSetRef {
        id: RuleSetId::Current,
        version: 2,
    },
    effective_from: PP28_IN_FORCE,
    changes: "KSD-WAJIB-01 checks each filed mapping (affairs and potentials, Pasal 5 ayat (1)); \
              KSD-TERM-03 checks a recorded leadership change (a region party, a named office holder)",
    default_policy: CURRENT_V1_DEFAULT_POLICY,
};

/// The latest version of the current regime.
const CURRENT_LATEST: RuleSetVersion = RuleSetVersion {
    reference: RuleSetRef {
        id: RuleSetId::Current,
        version: 4,
    },
    effective_from: PP28_IN_FORCE,
    changes: "a PKS signed while the cooperation is in force is signed only once every true gate \
              of its DPRD round is approved (KSD-DPRD-01, -02), as its drafting already required: \
              a gate assessed again during the drafting let it be signed without that approval",
    default_policy: CURRENT_V3_DEFAULT_POLICY,
};

const CURRENT_V3: RuleSetVersion = RuleSetVersion {
    reference: RuleSetRef {
        id: RuleSetId::Current,
        version: 3,
    },
    effective_from: PP28_IN_FORCE,
    changes: "the exits of PP 28/2018: a refused, withdrawn or rejected kerja sama wajib stalls toward \
              the Pasal 10-11 takeover (wajib_refusal_policy); cancel only before a KB is signed, \
              then termination on a Pasal 9 ayat (1) / Pasal 22 ayat (2) ground with the consent of \
              every party for ground (c) and evidence for (d)-(g) (unilateral_termination); takeover \
              preconditions dated, in order and by the right issuer; every later PKS passes the DPRD \
              gate and drafting again; a DPRD refusal revises the KB as a new version; the offer \
              letter signatory is a policy value (KSD-STAGE-08); a surat kuasa records its grantor \
              and is held by an official of the perangkat daerah; KSD-PK-07, KSD-ENF-05, KSD-ENF-07; \
              KSD-TRANS-01 keys on the signing date",
    default_policy: CURRENT_V3_DEFAULT_POLICY,
};

/// A rule set in force: the regime, its version, from when it applies, and the policy values.
///
/// ```
/// use kerjasama::law::RuleSet;
/// let rules = RuleSet::current();
/// assert_eq!(rules.effective_from.to_string(), "2018-07-13"); // PP 28/2018 Pasal 52
/// assert_eq!(rules.reference, kerjasama::law::RuleSetRegistry::standard().latest_current().reference);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct RuleSet {
    /// Id and version.
    #[serde(flatten)]
    pub reference: RuleSetRef,
    /// First day it applies (KSD-TRANS-01: PP 28/2018 in force 13 July 2018).
    pub effective_from: NaiveDate,
    /// The `[SECONDARY]` values in force.
    pub policy: Policy,
}
crate::serde_shape::map_shaped!(RuleSet);

impl RuleSet {
    /// The latest version of the current rule set with the default policy.
    pub fn current() -> Self {
        Self::current_with(Policy::default())
    }

    /// The latest version of the current rule set with a caller's policy (e.g. a regional
    /// overlay).
    pub fn current_with(policy: Policy) -> Self {
        RuleSetRegistry::standard()
            .latest_current()
            .with_policy(policy)
    }

    /// The latest version of the legacy rule set (PP 50/2007 and Permendagri 22/2009) with the
    /// default policy (which it reads only where a rule says so).
    ///
    /// ```
    /// use kerjasama::law::{RuleSet, RuleSetId};
    /// let legacy = RuleSet::legacy();
    /// assert_eq!(legacy.reference.id, RuleSetId::Pp50_2007);
    /// assert_eq!(legacy.effective_from.to_string(), "2007-08-22"); // PP 50/2007 Pasal 28
    /// ```
    pub fn legacy() -> Self {
        Self::legacy_with(Policy::default())
    }

    /// The latest version of the legacy rule set with a caller's policy.
    pub fn legacy_with(policy: Policy) -> Self {
        let registry = RuleSetRegistry::standard();
        registry
            .latest(RuleSetId::Pp50_2007)
            .unwrap_or(&LEGACY_V1)
            .with_policy(policy)
    }

    /// The version number of its encoding.
    pub fn version(&self) -> u32 {
        self.reference.version
    }

    /// Whether this is the legacy rule set (PP 50/2007).
    pub fn is_legacy(&self) -> bool {
        self.reference.id.is_legacy()
    }

    /// Whether a region party whose gate is `gate` needs its DPRD's approval under this rule
    /// set.
    ///
    /// - Current (PP 28/2018 Pasal 6 ayat (2), KSD-DPRD-01): [`Policy::dprd_required`].
    /// - Legacy (PP 50/2007 Pasal 9–10, LEG-DPRD-01): the plan burdens the region **and** the
    ///   community, **and** its cost is not budgeted in the current APBD and/or it uses
    ///   regional assets; but never for a work unit's own duties whose cost is budgeted.
    ///
    /// ```
    /// use kerjasama::law::RuleSet;
    /// use kerjasama::model::DprdGate;
    /// let unbudgeted = DprdGate::not_budgeted("belum dianggarkan dalam APBD 2016");
    /// assert!(RuleSet::current().dprd_required(&unbudgeted)); // flag B alone suffices
    /// assert!(!RuleSet::legacy().dprd_required(&unbudgeted)); // no burden on region and community
    /// let burden = unbudgeted.with_burdens_community(true).with_burdens_region(true);
    /// assert!(RuleSet::legacy().dprd_required(&burden));
    /// ```
    pub fn dprd_required(&self, gate: &crate::model::DprdGate) -> bool {
        match self.reference.id {
            RuleSetId::Pp50_2007 => {
                let burden = gate.burdens_region && gate.burdens_community;
                let budgeted = !gate.not_budgeted_in_current_apbd;
                let condition = !budgeted || gate.uses_regional_assets;
                let own_duties = gate.within_work_unit_duties && budgeted;
                burden && condition && !own_duties
            }
            _ => self.policy.dprd_required(gate),
        }
    }
}

impl RuleSetVersion {
    /// The values of `policy` to store with a decision under this version: those that differ
    /// from its default policy.
    pub fn policy_values(&self, policy: &Policy) -> super::PolicyValues {
        super::PolicyValues::against(policy, self.default_policy)
    }

    /// The policy a decision under this version recorded as `values`.
    ///
    /// Reading values is a JSON merge; the policies of the last few distinct (defaults,
    /// values) pairs are kept, so that replaying many logs decided under the same policy
    /// reads it once.
    pub fn policy_from(
        &self,
        values: &super::PolicyValues,
    ) -> Result<Policy, super::PolicyValuesError> {
        type Read = (&'static str, super::PolicyValues, Policy);
        const KEPT: usize = 16;
        static READ: std::sync::Mutex<Vec<Read>> = std::sync::Mutex::new(Vec::new());
        let hit = READ.lock().ok().and_then(|read| {
            read.iter()
                .find(|(defaults, v, _)| *defaults == self.default_policy && v == values)
                .map(|(_, _, policy)| policy.clone())
        });
        if let Some(policy) = hit {
            return Ok(policy);
        }
        let policy = values.to_policy_on(self.default_policy)?;
        if let Ok(mut read) = READ.lock() {
            if read.len() >= KEPT {
                read.remove(0);
            }
            read.push((self.default_policy, values.clone(), policy.clone()));
        }
        Ok(policy)
    }

    /// This version with `policy`: what `decide` takes.
    pub fn with_policy(&self, policy: Policy) -> RuleSet {
        RuleSet {
            reference: self.reference,
            effective_from: self.effective_from,
            policy,
        }
    }
}

/// Why no rule set could be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "RuleSetError")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "problem",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum RuleSetError {
    /// The log names a rule set version this crate does not know (written by a newer
    /// version of the crate, or altered).
    #[error(
        "rule set {reference} is not known to this version of kerjasama (aturan tidak dikenal)"
    )]
    UnknownVersion {
        /// The version named.
        reference: RuleSetRef,
    },
    /// No regime this crate implements governs the date (KSD-TRANS-01).
    #[error(
        "no rule set governs {date}: PP 50/2007 governs from 2007-08-22 and PP 28/2018 from 2018-07-13 (KSD-TRANS-01) (tidak ada aturan yang berlaku)"
    )]
    NoneForDate {
        /// The decisive date.
        date: NaiveDate,
    },
    /// The registry holds no version of the regime asked for.
    #[error("no version of the rule set {id} is known (aturan tidak dikenal)")]
    NoVersionOf {
        /// The regime.
        id: RuleSetId,
    },
}
crate::serde_shape::map_shaped!(RuleSetError);

/// The registry of rule-set versions: replay finds the version an envelope names, and a new
/// decision takes the latest version of the regime that governs its date: the legacy regime
/// (PP 50/2007) before 13 July 2018, the current one (PP 28/2018) from then on
/// (KSD-TRANS-01).
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::law::{RuleSetError, RuleSetId, RuleSetRef, RuleSetRegistry};
/// let registry = RuleSetRegistry::standard();
/// let day = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
/// let latest = registry.for_date(day)?;
/// assert_eq!(latest.reference.id, RuleSetId::Current);
/// // Version 1 stays known, for the logs decided under it.
/// let v1 = RuleSetRef { id: RuleSetId::Current, version: 1 };
/// assert!(registry.get(v1).is_ok());
/// let v99 = RuleSetRef { id: RuleSetId::Current, version: 99 };
/// assert_eq!(registry.get(v99), Err(RuleSetError::UnknownVersion { reference: v99 }));
/// // An agreement signed in 2016 is decided under PP 50/2007.
/// let signed = NaiveDate::from_ymd_opt(2016, 12, 12).unwrap();
/// assert_eq!(registry.for_agreement(signed)?.reference.id, RuleSetId::Pp50_2007);
/// # Ok::<(), RuleSetError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSetRegistry {
    versions: &'static [RuleSetVersion],
}

impl Default for RuleSetRegistry {
    fn default() -> Self {
        Self::standard()
    }
}

impl RuleSetRegistry {
    /// Every version this crate knows.
    pub fn standard() -> Self {
        RuleSetRegistry { versions: VERSIONS }
    }

    /// The versions, oldest first.
    pub fn versions(&self) -> &[RuleSetVersion] {
        self.versions
    }

    /// The version a log names.
    pub fn get(&self, reference: RuleSetRef) -> Result<&'static RuleSetVersion, RuleSetError> {
        self.versions
            .iter()
            .find(|v| v.reference == reference)
            .ok_or(RuleSetError::UnknownVersion { reference })
    }

    /// The latest version of the current regime (PP 28/2018).
    pub fn latest_current(&self) -> &'static RuleSetVersion {
        self.latest(RuleSetId::Current).unwrap_or(&CURRENT_LATEST)
    }

    /// The latest version of `id`, if any.
    pub fn latest(&self, id: RuleSetId) -> Option<&'static RuleSetVersion> {
        self.versions
            .iter()
            .filter(|v| v.reference.id == id)
            .max_by_key(|v| v.reference.version)
    }

    /// The latest version of the regime that governs a decision whose decisive date is
    /// `date` (KSD-TRANS-01): the regime in force last on that date, i.e. the legacy regime
    /// from 22 August 2007 (PP 50/2007 Pasal 28) and the current one from 13 July 2018
    /// (PP 28/2018 Pasal 48, 52). Before 22 August 2007 no regime is known:
    /// [`RuleSetError::NoneForDate`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::law::{RuleSetError, RuleSetId, RuleSetRegistry};
    /// let registry = RuleSetRegistry::standard();
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(registry.for_date(day(2018, 7, 12))?.reference.id, RuleSetId::Pp50_2007);
    /// assert_eq!(registry.for_date(day(2018, 7, 13))?.reference.id, RuleSetId::Current);
    /// assert_eq!(registry.for_date(day(2007, 8, 21)), Err(RuleSetError::NoneForDate { date: day(2007, 8, 21) }));
    /// # Ok::<(), RuleSetError>(())
    /// ```
    pub fn for_date(&self, date: NaiveDate) -> Result<&'static RuleSetVersion, RuleSetError> {
        self.versions
            .iter()
            .filter(|v| v.effective_from <= date)
            .max_by_key(|v| (v.effective_from, v.reference.version))
            .ok_or(RuleSetError::NoneForDate { date })
    }

    /// The rule set of an agreement: the decisive act is the signing of its PKS (PP 28/2018
    /// Pasal 48, KSD-TRANS-01: a PKS signed before 13 July 2018 stays under the legacy regime
    /// until it ends). The same selection as [`RuleSetRegistry::for_date`] on `pks_signed_on`.
    pub fn for_agreement(
        &self,
        pks_signed_on: NaiveDate,
    ) -> Result<&'static RuleSetVersion, RuleSetError> {
        self.for_date(pks_signed_on)
    }

    /// The latest version of `id`, or [`RuleSetError::NoVersionOf`].
    pub fn latest_of(&self, id: RuleSetId) -> Result<&'static RuleSetVersion, RuleSetError> {
        self.latest(id).ok_or(RuleSetError::NoVersionOf { id })
    }
}
