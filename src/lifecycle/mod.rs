//! The state machine: stages, commands, events, the transition table, guards and the aggregate.

mod authority;
mod checks;
mod command;
mod cooperation;
mod event;
mod finding;
mod guard;
mod legacy;
mod rounds;
mod stage;
mod step;
mod table;
mod table_legacy;
pub mod typed;
mod violation;

pub use command::{Command, CommandKind, CooperationSpec, CooperationSpecBuilder};
pub use cooperation::{AllowedCommand, AuditedStep, Cooperation, DprdDecision};
pub use event::{EndGround, Event, EventKind, GroundEvidence, ParseEndGroundError};
pub use finding::{EvaluationPart, Finding, InitiativeCriterion, TakeoverPrecondition};
pub use legacy::{
    ASSESSMENT_WORKING_DAYS, CooperationBody, CopiesRecord, DEEMED_APPROVAL_REFERENCE,
    DEEMED_APPROVAL_WORKING_DAYS, DprdTimetable, LegacyRecord, OPINION_WORKING_DAYS,
    RESUBMISSION_WORKING_DAYS,
};
pub use rounds::{DprdRound, Ending};
pub use stage::Stage;
pub use step::Step;
pub use table::{
    Transition, all_transitions, lookup, lookup_for, path_to, path_to_for, rows_for, rows_from,
    rows_from_for, transitions,
};
pub use table_legacy::legacy_transitions;
pub use violation::{
    AuthorityProblem, LISTED_FINDINGS, Messages, MissingStep, Rejection, Render, Violation,
};
