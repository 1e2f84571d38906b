//! The Indonesian working-day calendar (kalender hari kerja), for deadlines counted in
//! working days.
//!
//! The calendar itself is defined in the model layer ([`crate::model::Calendar`]), where the
//! lifecycle can use it for the legacy DPRD timetable (LEG-DPRD-02); this module re-exports
//! it under its historical path, so `kerjasama::time::calendar::Calendar` and
//! `kerjasama::time::Calendar` name the same type.
//!
//! ```
//! use kerjasama::time::calendar::Calendar;
//! let calendar = Calendar::indonesia()?;
//! assert_eq!(calendar, kerjasama::model::Calendar::indonesia()?);
//! # Ok::<(), kerjasama::time::CalendarError>(())
//! ```

pub use crate::model::{Calendar, CalendarError, Holiday, HolidayCategory, WorkingDayRule};
