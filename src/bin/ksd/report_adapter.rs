//! The library calls of `ksd evaluate` and `ksd import`, in one place.
//!
//! TEMPORARY: `kerjasama::report::{evaluate, render, import}` and `Portfolio::from_store` are
//! being written on another branch. Until they land, each function below that needs one of
//! them answers "not built yet" (exit code 64); the arguments, files, formats and exit codes
//! around them are final. Wiring each is the line in its `WIRING:` comment.

use std::path::Path;

use chrono::NaiveDate;
use kerjasama::law::{Lang, Policy};
use kerjasama::model::KodeWilayah;
use kerjasama::report::{CheckResult, EvaluationReport, Portfolio};

use crate::fail::Fail;
use crate::files::AnyStore;

/// The formats of an evaluation report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// JSON (docs/schema/evaluation-report.schema.json).
    Json,
    /// CSV: the compliance checklist.
    Csv,
    /// One self-contained HTML file.
    Html,
}

/// The portfolio of a register in CSV, imported for the home region `home`.
pub fn import_csv(path: &Path, home: KodeWilayah) -> Result<Portfolio, Fail> {
    // WIRING:
    // kerjasama::report::import::import_csv_path(path, &kerjasama::report::import::ImportOptions::new(home))
    //     .map_err(|e| Fail::invalid(format!("{}: {e}", path.display())))
    let _ = (path, home);
    Err(Fail::not_built(
        "import",
        "kerjasama::report::import::import_csv_path",
    ))
}

/// The portfolio of every cooperation in `store` (its logs verified), for the home region
/// `home`; `label` names the store in the report.
pub fn portfolio_of_store(
    store: &AnyStore,
    home: KodeWilayah,
    label: &str,
) -> Result<Portfolio, Fail> {
    // WIRING:
    // Portfolio::from_store(store, home, label)
    //     .map_err(|e| crate::fail::ledger_error(Path::new(label), |id, seq| store.place(Path::new(label), id, seq), e))
    let _ = (store, home, label);
    Err(Fail::not_built(
        "evaluate",
        "kerjasama::report::Portfolio::from_store",
    ))
}

/// The report of `portfolio` on `as_of` under `policy`.
pub fn evaluate(
    portfolio: &Portfolio,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<EvaluationReport, Fail> {
    // WIRING:
    // kerjasama::report::evaluate(portfolio, as_of, policy).map_err(|e| Fail::invalid(e.to_string()))
    let _ = (portfolio, as_of, policy);
    Err(Fail::not_built("evaluate", "kerjasama::report::evaluate"))
}

/// `report` in `format` (`lang` for the formats with prose).
pub fn render(report: &EvaluationReport, format: ReportFormat, lang: Lang) -> Result<String, Fail> {
    // WIRING:
    // use kerjasama::report::render;
    // Ok(match format {
    //     ReportFormat::Md => render::markdown(report, lang),
    //     ReportFormat::Json => render::json(report),
    //     ReportFormat::Csv => render::csv(report),
    //     ReportFormat::Html => render::html(report, lang),
    // })
    let _ = (report, format, lang);
    Err(Fail::not_built("evaluate", "kerjasama::report::render"))
}

/// Whether the report holds an error-level finding (exit code 1).
pub fn has_errors(report: &EvaluationReport) -> bool {
    report
        .checklist
        .iter()
        .any(|row| row.result == CheckResult::Error)
}

/// Records the imported `portfolio` into `store`; returns how many records were written.
pub fn record_portfolio(portfolio: &Portfolio, store: &AnyStore) -> Result<usize, Fail> {
    // WIRING: the import branch decides how an imported record enters an event store (its
    // steps are audited, not decided, so a plain `Ledger::execute` of each would refuse what
    // the register shows unlawfully).
    let _ = (portfolio, store);
    Err(Fail::not_built(
        "import",
        "a way to record an imported portfolio in an event store",
    ))
}
