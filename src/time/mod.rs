//! Time: dates as the law counts them, and every date-dependent answer as a pure function of
//! the history and an `as_of` date (no clock is ever read).
//!
//! - [`calendar`]: the Indonesian working-day calendar (hari kerja), for deadlines counted
//!   in working days;
//! - [`validity`]: whether each KB, PKS and the cooperation as a whole is in force, expiring
//!   soon or expired on a date (KSD-IMPL-05), reading an unrecorded expiry as ground (a);
//! - [`deadlines`] and [`evaluations_due`]: deadlines as data with their rule and status
//!   (a missed one is a finding, not an error), and the evaluation cadence (KSD-IMPL-03).
//!
//! Take the state as of the date with [`crate::lifecycle::Cooperation::as_of`], so that an
//! evaluation meeting on 14 August 2024 gets the answers that were true that day.

pub mod calendar;
mod deadline;
mod validity;

pub use calendar::{Calendar, CalendarError, Holiday, HolidayCategory, WorkingDayRule};
pub use deadline::{Deadline, DeadlineStatus, EvaluationsDue, deadlines, evaluations_due};
pub use validity::{CooperationValidity, DocumentValidity, Validity, term_validity, validity};
