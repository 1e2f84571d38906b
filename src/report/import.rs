//! Register import from CSV (issue 9 item 2): the spreadsheet a region keeps of its
//! cooperations, read into a [`Portfolio`] whose records are audited by the same rules as
//! those lived through the state machine.
//!
//! The columns are documented in `docs/register-csv.md`. Each row is one record: a
//! cooperation, whose cells are made into the steps of its history (registration, the
//! procedure steps on record, the KB, each region's DPRD gate and the DPRD's decision, each
//! PKS, entry into force, the evaluations), or a record outside PP 28/2018 (a partner that
//! is a ministry or another central agency, or a foreign one), listed apart and never forced
//! into a kind.
//!
//! Every step of a cooperation is audited under its regime (KSD-TRANS-01: the date of its
//! first PKS, else of its KB) with [`Cooperation::audit_step`]: the rules' findings are the
//! evaluation's business, but a step no record can hold (a date going backwards, an end
//! before the start, a signatory who is not a party, a step out of the order of the
//! procedure) rejects the row, naming the column it came from.
//!
//! The import takes every row or none: a bad row never drops silently, and
//! [`ImportError::Rejected`] lists every rejected row. Nothing panics, whatever the bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::law::{Policy, RuleId, RuleSet};
use crate::lifecycle::{CommandKind, Cooperation, Rejection, Step};
use crate::model::{BorderTable, KodeWilayah};

use super::portfolio::{Entry, Origin, Portfolio};

mod build;
mod cells;
mod columns;
mod documents;
mod parties;
mod vocab;

use build::{Built, Context, Row, Sourced};
use columns::Col;

/// The order of the day, the month and the year in the register's dates. It is declared for
/// the whole file and never guessed per row: `03/04/2024` is 3 April under
/// [`DateOrder::DayMonthYear`] and 4 March under [`DateOrder::MonthDayYear`], and a date
/// written in another order is a rejected cell. A date with the month named
/// (`3 April 2024`) reads the same under every order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateOrder {
    /// `DD/MM/YYYY` (Indonesian registers; the default).
    #[default]
    DayMonthYear,
    /// `MM/DD/YYYY` (a spreadsheet set to a US locale).
    MonthDayYear,
    /// `YYYY-MM-DD` (ISO 8601).
    Iso,
}

impl DateOrder {
    /// How a date is written in this order, e.g. `DD/MM/YYYY`.
    ///
    /// ```
    /// use kerjasama::report::DateOrder;
    /// assert_eq!(DateOrder::MonthDayYear.pattern(), "MM/DD/YYYY");
    /// ```
    pub fn pattern(self) -> &'static str {
        match self {
            DateOrder::DayMonthYear => "DD/MM/YYYY",
            DateOrder::MonthDayYear => "MM/DD/YYYY",
            DateOrder::Iso => "YYYY-MM-DD",
        }
    }
}

/// How to read a register: whose it is, how its dates and cells are written, what to call the
/// file in messages, and the border data and policy its records are audited with.
///
/// ```
/// use kerjasama::model::{BorderTable, KodeWilayah};
/// use kerjasama::report::{DateOrder, ImportOptions};
/// let options = ImportOptions::new(KodeWilayah::SIDRAP)
///     .with_date_order(DateOrder::MonthDayYear)
///     .with_delimiter(b';')
///     .with_file_label("register-2024.csv")
///     .with_borders(BorderTable::sulawesi_selatan_sample());
/// assert_eq!(options.delimiter, b';');
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportOptions {
    /// The region whose register it is: a party of every cooperation (added when a row does
    /// not list it), and the actor's region of the steps it records.
    pub home: KodeWilayah,
    /// The order of the register's dates ([`DateOrder::DayMonthYear`] by default).
    pub date_order: DateOrder,
    /// The byte between cells (`,` by default; `;` is common where `,` is the decimal mark).
    pub delimiter: u8,
    /// The file's name in messages and in each record's [`Origin::Imported`] (blank: the path
    /// given to [`import_csv_path`], or `register` for [`import_csv`]).
    pub file_label: String,
    /// Which region parties border each other (KSD-KIND-07), recorded in each spec as the
    /// state machine records it (empty by default: no pair borders).
    pub borders: BorderTable,
    /// The policy the rows are audited with (the default policy by default). It only decides
    /// a stage the law leaves to policy; the evaluation judges with its own.
    pub policy: Policy,
    /// The region codes that exist (e.g. Kemendagri's table): a well-formed code outside it
    /// is an unknown region. `None` (the default): every well-formed code is taken.
    pub known_regions: Option<BTreeSet<KodeWilayah>>,
}

impl ImportOptions {
    /// Options for the register of `home`: dates `DD/MM/YYYY`, cells separated by `,`, no
    /// border data, the default policy.
    pub fn new(home: KodeWilayah) -> Self {
        ImportOptions {
            home,
            date_order: DateOrder::default(),
            delimiter: b',',
            file_label: String::new(),
            borders: BorderTable::new(),
            policy: Policy::default(),
            known_regions: None,
        }
    }

    /// The order of the register's dates.
    #[must_use]
    pub fn with_date_order(mut self, order: DateOrder) -> Self {
        self.date_order = order;
        self
    }

    /// The byte between cells.
    #[must_use]
    pub fn with_delimiter(mut self, delimiter: u8) -> Self {
        self.delimiter = delimiter;
        self
    }

    /// The file's name in messages and origins.
    #[must_use]
    pub fn with_file_label(mut self, label: impl Into<String>) -> Self {
        self.file_label = label.into();
        self
    }

    /// The border data of the regions (e.g. [`BorderTable::sulawesi_selatan_sample`]).
    #[must_use]
    pub fn with_borders(mut self, borders: BorderTable) -> Self {
        self.borders = borders;
        self
    }

    /// The region codes that exist: a code outside them rejects its cell as unknown.
    ///
    /// ```
    /// use kerjasama::model::KodeWilayah;
    /// use kerjasama::report::ImportOptions;
    /// use kerjasama::sample::SampleRegion;
    /// let options = ImportOptions::new(KodeWilayah::SIDRAP)
    ///     .with_known_regions(SampleRegion::ALL.map(SampleRegion::code));
    /// assert_eq!(options.known_regions.map(|codes| codes.len()), Some(11));
    /// ```
    #[must_use]
    pub fn with_known_regions(mut self, codes: impl IntoIterator<Item = KodeWilayah>) -> Self {
        self.known_regions = Some(codes.into_iter().collect());
        self
    }

    /// The policy the rows are audited with.
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    fn file(&self) -> String {
        if self.file_label.trim().is_empty() {
            "register".to_owned()
        } else {
            self.file_label.clone()
        }
    }
}

/// A row the import could not take, with the column and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RejectedRow {
    /// The row: 1 is the first row after the header (as in [`Origin::Imported`]).
    pub row: u64,
    /// The line of the file where the row starts (a quoted cell may hold line breaks, so
    /// lines and rows differ).
    pub line: u64,
    /// The column (its Indonesian header name, e.g. `kb_tanggal`), when one cell is at fault.
    pub column: Option<String>,
    /// What is wrong.
    pub reason: String,
    /// The rule concerned, if one is.
    pub rule: Option<RuleId>,
}

impl fmt::Display for RejectedRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {} (line {})", self.row, self.line)?;
        if let Some(column) = &self.column {
            write!(f, ", column `{column}`")?;
        }
        write!(f, ": {}", self.reason)?;
        if let Some(rule) = self.rule {
            write!(f, " [{rule}]")?;
        }
        Ok(())
    }
}

/// Why a register was not imported: a problem of the whole file, or the full list of the
/// rows that could not be taken. Its `Display` gives one line per problem, each naming the
/// file, and for a row its row, line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file could not be read.
    #[error("{file}: cannot be read (tidak dapat dibaca): {message}")]
    Unreadable {
        /// The file.
        file: String,
        /// Why.
        message: String,
    },
    /// The file holds no header, or a header and no row.
    #[error("{file}: {what} (berkas kosong)")]
    Empty {
        /// The file.
        file: String,
        /// What is missing: the header, or every row.
        what: &'static str,
    },
    /// The header is one column that holds another delimiter: the file is separated by
    /// `found`, not by the declared `expected`.
    #[error(
        "{file}: line 1: the header is one column holding `{found}`: the cells seem separated by `{found}`, not `{expected}` (pemisah kolom salah)"
    )]
    WrongDelimiter {
        /// The file.
        file: String,
        /// The declared delimiter.
        expected: char,
        /// The delimiter the header holds.
        found: char,
    },
    /// Required columns are missing, listed by name.
    #[error("{file}: line 1: missing required column(s) (kolom wajib tidak ada): {}", columns.join(", "))]
    MissingColumns {
        /// The file.
        file: String,
        /// The Indonesian names of the missing columns.
        columns: Vec<String>,
    },
    /// Headers that name no column (a typo would otherwise hide a column's data; notes go in
    /// `keterangan`, `catatan` or a column starting with `x_`).
    #[error("{file}: line 1: unknown column(s) (kolom tidak dikenal): {}", columns.join(", "))]
    UnknownColumns {
        /// The file.
        file: String,
        /// The headers as written.
        columns: Vec<String>,
    },
    /// A column appears more than once.
    #[error("{file}: line 1: column(s) given twice (kolom ganda): {}", columns.join(", "))]
    DuplicateColumns {
        /// The file.
        file: String,
        /// The columns' Indonesian names.
        columns: Vec<String>,
    },
    /// Rows that could not be taken: every one of them, in file order.
    #[error("{}", rejected_lines(file, rows))]
    Rejected {
        /// The file.
        file: String,
        /// The rejected rows (a row with several bad cells appears once per cell).
        rows: Vec<RejectedRow>,
    },
}

fn rejected_lines(file: &str, rows: &[RejectedRow]) -> String {
    rows.iter()
        .map(|row| format!("{file}: {row}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl ImportError {
    /// The rejected rows (empty for a problem of the whole file).
    pub fn rejected_rows(&self) -> &[RejectedRow] {
        match self {
            ImportError::Rejected { rows, .. } => rows,
            _ => &[],
        }
    }
}

/// Reads the register file at `path` ([`import_csv`]); without a
/// [`file_label`](ImportOptions::file_label), messages name the file by its path.
pub fn import_csv_path(
    path: impl AsRef<Path>,
    options: &ImportOptions,
) -> Result<Portfolio, ImportError> {
    let path = path.as_ref();
    let mut options = options.clone();
    if options.file_label.trim().is_empty() {
        options.file_label = path.display().to_string();
    }
    let file = std::fs::File::open(path).map_err(|error| ImportError::Unreadable {
        file: options.file(),
        message: error.to_string(),
    })?;
    import_csv(std::io::BufReader::new(file), &options)
}

/// Reads a register from CSV: one [`Entry`] per row, each audited under its regime, or the
/// full list of the rows that could not be taken.
///
/// ```
/// use kerjasama::lifecycle::{CommandKind, Cooperation};
/// use kerjasama::model::KodeWilayah;
/// use kerjasama::report::{import_csv, EntryRecord, ImportOptions, Origin};
///
/// let csv = "\
/// no_register,judul,jenis,pihak,urusan,kb_tanggal,kb_penandatangan,kb_berakhir,dprd_syarat,tahapan
/// C02,Pangan strategis,ksdd_sukarela,73.14 Kabupaten Sidenreng Rappang; 73.73 Kota Palopo,pangan; perdagangan,03/04/2024,\"73.14 Pj Sekretaris Daerah (sekda)
/// 73.73 Sekretaris Daerah (sekda)\",5 tahun,tidak,10/04/2024 penyusunan_pks
/// ";
/// let options = ImportOptions::new(KodeWilayah::SIDRAP).with_file_label("sidrap.csv");
/// let portfolio = import_csv(csv.as_bytes(), &options)?;
/// let entry = &portfolio.entries[0];
/// assert_eq!(entry.label, "C02");
/// let Origin::Imported { row, shown, .. } = &entry.origin else { unreachable!() };
/// assert_eq!(*row, 1);
/// assert!(shown.contains(&CommandKind::SignKb));
/// let EntryRecord::Cooperation { steps, .. } = &entry.record else { unreachable!() };
/// assert_eq!(steps.len(), 5); // registration, KB, two DPRD gates, PKS drafting
///
/// // A date that is not D/M/Y rejects the row, naming its column.
/// let bad = csv.replace("03/04/2024", "2024-04-03");
/// let error = import_csv(bad.as_bytes(), &options).unwrap_err();
/// assert_eq!(error.rejected_rows()[0].column.as_deref(), Some("kb_tanggal"));
/// assert!(error.to_string().starts_with("sidrap.csv: row 1 (line 2), column `kb_tanggal`"));
/// # Ok::<(), kerjasama::report::ImportError>(())
/// ```
pub fn import_csv<R: Read>(reader: R, options: &ImportOptions) -> Result<Portfolio, ImportError> {
    let file = options.file();
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(options.delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let unreadable = |error: csv::Error| ImportError::Unreadable {
        file: file.clone(),
        message: error.to_string(),
    };
    let mut record = csv::ByteRecord::new();
    if !csv.read_byte_record(&mut record).map_err(unreadable)? {
        return Err(ImportError::Empty {
            file,
            what: "no header and no row",
        });
    }
    let columns = header(&record, options, &file)?;
    let ctx = Context {
        home: options.home,
        order: options.date_order,
        borders: &options.borders,
        known: options.known_regions.as_ref(),
    };
    let mut portfolio = Portfolio::new(options.home);
    let mut rejected: Vec<RejectedRow> = Vec::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut row_number: u64 = 0;
    let mut any_row = false;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                rejected.push(RejectedRow {
                    row: row_number + 1,
                    line,
                    column: None,
                    reason: format!("cannot be read (tidak dapat dibaca): {error}"),
                    rule: None,
                });
                break;
            }
        }
        row_number += 1;
        let line = record.position().map_or(0, csv::Position::line);
        let reject = |column: Option<Col>, reason: String, rule: Option<RuleId>| RejectedRow {
            row: row_number,
            line,
            column: column.map(|c| c.name().to_owned()),
            reason,
            rule,
        };
        if record.iter().all(|cell| cell.trim_ascii().is_empty()) {
            continue; // a blank row: spreadsheets export them; it holds nothing to drop
        }
        any_row = true;
        let mut row = Row::default();
        let mut cell_errors = Vec::new();
        for (index, cell) in record.iter().enumerate() {
            match columns.get(index) {
                Some(Some(col)) => match std::str::from_utf8(cell) {
                    Ok(text) => {
                        row.cells.insert(*col, text.to_owned());
                    }
                    Err(_) => cell_errors.push(reject(
                        Some(*col),
                        "the cell is not UTF-8 text; save the file as CSV UTF-8 (bukan teks UTF-8)"
                            .to_owned(),
                        None,
                    )),
                },
                Some(None) => {}
                None if cell.trim_ascii().is_empty() => {}
                None => cell_errors.push(reject(
                    None,
                    format!(
                        "{} cells, but the header has {} columns (sel lebih banyak dari kolom)",
                        record.len(),
                        columns.len()
                    ),
                    None,
                )),
            }
        }
        if !cell_errors.is_empty() {
            rejected.extend(cell_errors);
            continue;
        }
        let label = row.get(Col::Id).to_owned();
        if label.is_empty() {
            rejected.push(reject(
                Some(Col::Id),
                "the register number is blank (nomor register wajib diisi)".to_owned(),
                None,
            ));
            continue;
        }
        let key = cells::word(&label);
        if let Some(first) = seen.get(&key) {
            rejected.push(reject(
                Some(Col::Id),
                format!("`{label}` is already the number of row {first} (nomor register ganda)"),
                None,
            ));
            continue;
        }
        seen.insert(key, row_number);
        match build::build(&row, &label, &ctx) {
            Err(errors) => rejected.extend(
                errors
                    .into_iter()
                    .map(|e| reject(Some(e.col), e.reason, e.rule)),
            ),
            Ok(Built::Outside {
                title,
                partners,
                reason,
                dated,
            }) => {
                let origin = imported(&file, row_number, &[]);
                portfolio = portfolio.with(Entry::outside(
                    label, origin, title, partners, reason, dated,
                ));
            }
            Ok(Built::Cooperation { regime, steps }) => {
                let rules = regime.with_policy(options.policy.clone());
                match audit(steps, &rules) {
                    Ok(steps) => {
                        let origin = imported(&file, row_number, &steps);
                        portfolio =
                            portfolio.with(Entry::new(label, origin, regime.reference.id, steps));
                    }
                    Err((col, reason, rule)) => rejected.push(reject(Some(col), reason, rule)),
                }
            }
        }
    }
    if !rejected.is_empty() {
        return Err(ImportError::Rejected {
            file,
            rows: rejected,
        });
    }
    if !any_row {
        return Err(ImportError::Empty {
            file,
            what: "a header and no row",
        });
    }
    Ok(portfolio)
}

/// The columns of the header, by position (`None`: a column of notes, never read).
fn header(
    record: &csv::ByteRecord,
    options: &ImportOptions,
    file: &str,
) -> Result<Vec<Option<Col>>, ImportError> {
    let mut texts = Vec::new();
    for cell in record.iter() {
        match std::str::from_utf8(cell) {
            Ok(text) => texts.push(text.to_owned()),
            Err(_) => {
                return Err(ImportError::Unreadable {
                    file: file.to_owned(),
                    message: "the header is not UTF-8 text; save the file as CSV UTF-8".to_owned(),
                });
            }
        }
    }
    if let [only] = texts.as_slice() {
        let expected = char::from(options.delimiter);
        if let Some(found) = [',', ';', '\t', '|']
            .into_iter()
            .find(|d| *d != expected && only.contains(*d))
        {
            return Err(ImportError::WrongDelimiter {
                file: file.to_owned(),
                expected,
                found,
            });
        }
    }
    let mut columns = Vec::new();
    let mut unknown = Vec::new();
    let mut duplicated = Vec::new();
    for text in &texts {
        let name = columns::normalise(text);
        match Col::from_header(&name) {
            Some(col) if columns.contains(&Some(col)) => duplicated.push(col.name().to_owned()),
            Some(col) => columns.push(Some(col)),
            None if name.is_empty() || columns::is_note(&name) => columns.push(None),
            None => {
                unknown.push(text.trim().to_owned());
                columns.push(None);
            }
        }
    }
    let missing: Vec<String> = Col::REQUIRED
        .iter()
        .filter(|col| !columns.contains(&Some(**col)))
        .map(|col| col.name().to_owned())
        .collect();
    let file = file.to_owned();
    if !missing.is_empty() {
        return Err(ImportError::MissingColumns {
            file,
            columns: missing,
        });
    }
    if !unknown.is_empty() {
        return Err(ImportError::UnknownColumns {
            file,
            columns: unknown,
        });
    }
    if !duplicated.is_empty() {
        return Err(ImportError::DuplicateColumns {
            file,
            columns: duplicated,
        });
    }
    Ok(columns)
}

fn imported(file: &str, row: u64, steps: &[Step]) -> Origin {
    let mut shown: Vec<CommandKind> = Vec::new();
    for step in steps {
        let kind = step.command.kind();
        if !shown.contains(&kind) {
            shown.push(kind);
        }
    }
    Origin::Imported {
        file: file.to_owned(),
        row,
        shown,
    }
}

/// Audits the steps of a row in order under `rules`: the steps kept (a PKS drafting that the
/// last DPRD approval already started is not recorded twice), or the column and reason of the
/// first step no record can hold.
fn audit(steps: Vec<Sourced>, rules: &RuleSet) -> Result<Vec<Step>, (Col, String, Option<RuleId>)> {
    let shown: BTreeSet<CommandKind> = steps.iter().map(|s| s.step.command.kind()).collect();
    let mut coop = Cooperation::new();
    let mut kept = Vec::with_capacity(steps.len());
    for sourced in steps {
        let step = &sourced.step;
        let kind = step.command.kind();
        if kind == CommandKind::StartPksDrafting
            && coop.stage() == crate::lifecycle::Stage::PksDrafting
        {
            continue;
        }
        match coop.audit_step(&step.command, &step.actor, step.on, rules) {
            Ok(audited) => {
                if let Some(missing) = audited
                    .skipped
                    .iter()
                    .find(|m| m.command != kind && shown.contains(&m.command))
                {
                    return Err((
                        sourced.col,
                        format!(
                            "{} on {} comes before {}, which the row records later: the dates are out of the order of the procedure (urutan tahapan tidak sesuai)",
                            kind.label_en(),
                            step.on,
                            missing.command.label_en()
                        ),
                        None,
                    ));
                }
                for event in &audited.events {
                    coop.apply(event);
                }
            }
            Err(rejection) => {
                let (col, rule) = match &rejection {
                    Rejection::InvalidInput { field, rule, .. } => {
                        (build::column_of(field, &sourced), *rule)
                    }
                    Rejection::NotAllowedHere { rule, .. } => (sourced.col, Some(*rule)),
                    _ => (sourced.col, None),
                };
                return Err((
                    col,
                    format!("{} on {}: {rejection}", kind.label_en(), step.on),
                    rule,
                ));
            }
        }
        kept.push(sourced.step);
    }
    Ok(kept)
}
