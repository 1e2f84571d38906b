//! Time: the Indonesian working-day calendar (hari kerja) that working-day deadlines are
//! counted with.

pub mod calendar;

pub use calendar::{Calendar, CalendarError, Holiday, HolidayCategory, WorkingDayRule};
