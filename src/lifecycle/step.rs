//! One step of a history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Command;
use crate::model::Actor;

/// One step of a history: who asked for what on which legal date (a scripted case, a step
/// read back from an audit log, or a row of an imported register).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Step")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Step {
    /// Who acts.
    pub actor: Actor,
    /// The legal date.
    pub on: NaiveDate,
    /// What is asked.
    pub command: Command,
}
crate::serde_shape::map_shaped!(Step);

impl Step {
    /// `actor` asks for `command` on the legal date `on`.
    ///
    /// ```
    /// use kerjasama::lifecycle::Command;
    /// use kerjasama::lifecycle::Step;
    /// use kerjasama::sample;
    /// let on = chrono::NaiveDate::from_ymd_opt(2024, 2, 1).unwrap_or_default();
    /// let step = Step::new(sample::opd(sample::sidrap(), "Dinas Ketahanan Pangan"), on, Command::StartPreparation);
    /// assert_eq!(step.on, on);
    /// ```
    pub fn new(actor: Actor, on: NaiveDate, command: Command) -> Self {
        Step { actor, on, command }
    }
}
