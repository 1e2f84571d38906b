//! The evaluation meeting (RULES.md §13.3): a region's portfolio checked against the
//! regulation on one date, as one report.
//!
//! [`Portfolio`] holds the history of every cooperation (read from a store, scripted, or
//! imported from a register); `evaluate` judges each under its regime as of the date and
//! returns an [`EvaluationReport`], data that the renderers turn into Markdown, JSON, CSV or
//! HTML.

mod evaluate;
mod import;
mod model;
mod portfolio;
pub mod render;

pub use evaluate::{EvaluateOptions, ReportError, evaluate, evaluate_with};
pub use import::{DateOrder, ImportError, ImportOptions, RejectedRow, import_csv, import_csv_path};
pub use model::*;
pub use portfolio::{Entry, EntryRecord, Origin, Portfolio};
