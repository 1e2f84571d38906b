//! Time: the Indonesian working-day calendar (hari kerja) that working-day deadlines are
//! counted with.

pub mod calendar;
mod deadline;
mod validity;

pub use calendar::{Calendar, CalendarError, Holiday, HolidayCategory, WorkingDayRule};
pub use deadline::{Deadline, DeadlineStatus, EvaluationsDue, deadlines, evaluations_due};
pub use validity::{CooperationValidity, DocumentValidity, Validity, term_validity, validity};
