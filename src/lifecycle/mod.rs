//! The state machine: stages, commands, events, the transition table, guards and the aggregate.

mod authority;
mod checks;
mod command;
mod cooperation;
mod event;
mod guard;
mod stage;
mod table;
pub mod typed;
mod violation;

pub use command::{Command, CommandKind, CooperationSpec};
pub use cooperation::{AllowedCommand, Cooperation, DprdDecision};
pub use event::{EndGround, Event, EventKind, ParseEndGroundError};
pub use stage::Stage;
pub use table::{Transition, lookup, rows_from, transitions};
pub use violation::{Rejection, Violation};
