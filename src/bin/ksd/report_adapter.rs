//! The library calls of `ksd evaluate` and `ksd import`, in one place.

use std::path::Path;

use chrono::NaiveDate;
use kerjasama::audit::StepOrigin;
use kerjasama::law::{Lang, Policy};
use kerjasama::model::{BorderTable, KodeWilayah};
use kerjasama::report::{
    CheckResult, DateOrder, EntryRecord, EvaluationReport, ImportOptions, Origin, Portfolio,
    import_csv_path, render,
};

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

/// How a CSV register is read: the home region, the date order its cells use (declared,
/// never guessed per row) and the border data its kerja sama wajib are checked against.
#[derive(Debug, Clone)]
pub struct RegisterReading {
    /// The region whose register it is.
    pub home: KodeWilayah,
    /// The order of day, month and year in its date cells.
    pub date_order: DateOrder,
    /// The border table (KSD-KIND-07), if given.
    pub borders: Option<BorderTable>,
}

/// The portfolio of a register in CSV.
pub fn import_csv(path: &Path, reading: &RegisterReading) -> Result<Portfolio, Fail> {
    let mut options = ImportOptions::new(reading.home)
        .with_date_order(reading.date_order)
        .with_file_label(path.display().to_string());
    if let Some(borders) = &reading.borders {
        options = options.with_borders(borders.clone());
    }
    import_csv_path(path, &options).map_err(|error| Fail::invalid(error.to_string()))
}

/// The portfolio of the cooperations of `home` in `store` (those with `home` among their
/// parties: in a regency's store every one, in a provincial or national store that regency's),
/// their logs verified; `label` names the store in the report.
pub fn portfolio_of_store(
    store: &AnyStore,
    home: KodeWilayah,
    label: &str,
) -> Result<Portfolio, Fail> {
    let query = kerjasama::store::RegisterQuery::all().region(home);
    Portfolio::from_store_matching(store, home, label, &query).map_err(|error| {
        crate::fail::ledger_error(
            Path::new(label),
            |id, seq| store.place(Path::new(label), id, seq),
            error,
        )
    })
}

/// The report of `portfolio` on `as_of` under `policy`.
pub fn evaluate(
    portfolio: &Portfolio,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<EvaluationReport, Fail> {
    kerjasama::report::evaluate(portfolio, as_of, policy)
        .map_err(|error| Fail::invalid(error.to_string()))
}

/// `report` in `format` (`lang` for the formats with prose).
pub fn render(report: &EvaluationReport, format: ReportFormat, lang: Lang) -> String {
    match format {
        ReportFormat::Md => render::markdown(report, lang),
        ReportFormat::Json => render::json(report),
        ReportFormat::Csv => render::csv(report),
        ReportFormat::Html => render::html(report, lang),
    }
}

/// Whether the report holds an error-level finding (exit code 1).
pub fn has_errors(report: &EvaluationReport) -> bool {
    report
        .checklist
        .iter()
        .any(|row| row.result == CheckResult::Error)
}

/// Records the imported `portfolio` into `store`: each cooperation's history audited by the
/// rules and appended as a new log whose envelopes name the register row they come from
/// (`Ledger::record_imported`); a record already in the store is refused, and records
/// outside KSD are not stored (they are no cooperation). Returns how many logs were written.
pub fn record_portfolio(portfolio: &Portfolio, store: &AnyStore) -> Result<usize, Fail> {
    // All or nothing: every cooperation of the register must be new to the store before
    // any is written.
    for entry in &portfolio.entries {
        if let EntryRecord::Cooperation { steps, .. } = &entry.record
            && let Some(kerjasama::lifecycle::Command::Register { spec }) =
                steps.first().map(|s| &s.command)
        {
            let stored = kerjasama::store::EventStore::load(store, spec.id)
                .map_err(|error| Fail::failure(format!("{}: {error}", entry.label)))?;
            if !stored.is_empty() {
                return Err(Fail::invalid(format!(
                    "{}: cooperation {} is already in the store; nothing was imported",
                    entry.label, spec.id
                )));
            }
        }
    }
    let ledger = kerjasama::Ledger::new(store);
    let mut written = 0;
    for entry in &portfolio.entries {
        let EntryRecord::Cooperation { regime, steps } = &entry.record else {
            continue;
        };
        let (source, row) = match &entry.origin {
            Origin::Imported { file, row, .. } => (file.clone(), *row),
            _ => (String::new(), 0),
        };
        let origin = StepOrigin::Imported {
            source,
            row,
            label: entry.label.clone(),
        };
        ledger
            .record_imported(*regime, steps, origin)
            .map_err(|error| match error {
                kerjasama::Error::Conflict { cooperation, .. }
                | kerjasama::Error::Store(kerjasama::store::StoreError::Conflict {
                    cooperation,
                    ..
                }) => Fail::invalid(format!(
                    "{}: cooperation {cooperation} is already in the store",
                    entry.label
                )),
                other => Fail::invalid(format!("{}: {other}", entry.label)),
            })?;
        written += 1;
    }
    Ok(written)
}
