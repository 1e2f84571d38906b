//! Renderers of an [`EvaluationReport`]: Markdown and HTML for people (Indonesian by
//! default, English on request), JSON and CSV for programs.
//!
//! | format | function | what |
//! | --- | --- | --- |
//! | Markdown | [`markdown()`] | the sections of RULES.md §13.3 items 1–11, then the records outside KSD |
//! | HTML | [`html()`] | the same sections in one self-contained file, with an SVG timeline |
//! | JSON | [`json()`] | the report's data, schema version [`REPORT_SCHEMA_VERSION`](crate::report::REPORT_SCHEMA_VERSION) |
//! | CSV | [`csv()`] | the whole checklist, one row per cooperation × rule ([`CHECKLIST_CSV_COLUMNS`]) |
//!
//! The sections of the Markdown and the HTML, in order:
//!
//! 1. header: region, date, fiscal year, period, chair, presenter and place when given, the
//!    rule sets used and the key policy values;
//! 2. register as of the date: kind, parties with their codes and categories, affairs and
//!    their groups, stage, validity, governing end, next due action; then every document
//!    with each party's number, term and signatories (and, in the HTML, the timeline);
//! 3. counts by kind, stage, group of affairs, partner category and year of signing;
//! 4. checklist: the ok / warning / error / not-applicable tally per cooperation, then every
//!    error and warning with its finding or note, legal basis and evidence;
//! 5. expiry under both windows (90 days and 3 months) side by side;
//! 6. evaluations in the fiscal year against the required number;
//! 7. DPRD record per region party;
//! 8. pipeline with the next step and its blockers;
//! 9. opportunities (KSDD or KSDPK);
//! 10. findings, problems and follow-up, recommendation, and the action list;
//! 11. reporting status;
//! 12. records outside regional cooperation.
//!
//! A cooperation judged under the legacy rule set is marked (PP 50/2007) wherever it is
//! listed. Dates are written as people write them (`14 Agustus 2024`, `14 August 2024`);
//! notes that `evaluate` words itself are shown as it words them. Every enum is shown by its
//! label, never by its program name: the Indonesian text names no identifier outside code.

mod doc;
mod html;
mod markdown;
mod sections;
pub(super) mod text;

use crate::law::{Lang, rules};

use super::model::{ChecklistRow, EvaluationReport};

/// The report as Markdown in `lang` (CommonMark with GitHub tables; every special character of
/// the data escaped).
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::law::{Lang, Policy};
/// use kerjasama::report::{self, Portfolio};
/// use kerjasama::sample;
/// let mut cases = sample::cases();
/// cases.extend(sample::legacy_cases());
/// let portfolio = Portfolio::from_scenarios(sample::sidrap(), cases);
/// let as_of = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
/// let report = report::evaluate(&portfolio, as_of, &Policy::default())?;
/// let text = report::render::markdown(&report, Lang::Id);
/// assert!(text.starts_with("# Laporan Evaluasi Kerja Sama Daerah"));
/// assert!(text.contains("keadaan per 14 Agustus 2024"));
/// assert!(text.contains("## 4. Daftar periksa kepatuhan"));
/// assert!(report::render::markdown(&report, Lang::En).contains("## 4. Compliance checklist"));
/// # Ok::<(), kerjasama::report::ReportError>(())
/// ```
pub fn markdown(report: &EvaluationReport, lang: Lang) -> String {
    markdown::write(&sections::document(report, lang))
}

/// The report as one self-contained HTML5 file in `lang`: inline CSS (with print rules), an
/// inline SVG timeline of every KB and PKS of the register (one `rect` with
/// `data-document`, `data-start`, `data-end` and `data-validity` per agreement, a line at
/// `as_of`, the years on the axis, colours by validity), no script, no link, no external
/// address. All text is escaped.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::law::{Lang, Policy};
/// use kerjasama::report::{self, Portfolio};
/// use kerjasama::sample;
/// let portfolio = Portfolio::from_scenarios(sample::sidrap(), sample::cases());
/// let as_of = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
/// let report = report::evaluate(&portfolio, as_of, &Policy::default())?;
/// let page = report::render::html(&report, Lang::Id);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("data-document=\"PKS-TPA-2023\""));
/// assert!(!page.contains("<script") && !page.contains("http"));
/// # Ok::<(), kerjasama::report::ReportError>(())
/// ```
pub fn html(report: &EvaluationReport, lang: Lang) -> String {
    html::write(&sections::document(report, lang), report, lang)
}

/// The report as pretty-printed JSON with a trailing newline: the serde form of
/// [`EvaluationReport`], whose schema is versioned by [`REPORT_SCHEMA_VERSION`](crate::report::REPORT_SCHEMA_VERSION) (the
/// `schema_version` member) and stable within a version. Findings are stored as typed facts
/// (rule, severity, finding and its parameters), not as rendered text.
///
/// Serialising the report cannot fail (every map key is a string or an integer); were it to,
/// the text is a JSON object whose `error` member says why.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::law::Policy;
/// use kerjasama::report::{self, EvaluationReport, Portfolio};
/// use kerjasama::sample;
/// let portfolio = Portfolio::from_scenarios(sample::sidrap(), sample::cases());
/// let as_of = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
/// let report = report::evaluate(&portfolio, as_of, &Policy::default())?;
/// let text = report::render::json(&report);
/// assert!(text.ends_with("}\n"));
/// let back: EvaluationReport = serde_json::from_str(&text).unwrap();
/// assert_eq!(back, report);
/// # Ok::<(), kerjasama::report::ReportError>(())
/// ```
pub fn json(report: &EvaluationReport) -> String {
    match serde_json::to_string_pretty(report) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        Err(e) => format!("{}\n", serde_json::json!({ "error": e.to_string() })),
    }
}

/// The columns of [`csv()`], in order:
///
/// - `cooperation`: the cooperation's label;
/// - `rule_set`: the rule set it is judged under, as `id vN` (`current v3`, `pp50-2007 v1`);
/// - `legacy`: `true` for the legacy rule set (PP 50/2007);
/// - `rule`: the rule id;
/// - `result`: `ok`, `warning`, `error` or `not_applicable`;
/// - `provenance`: `primary`, `secondary` or `legacy`;
/// - `citation`: where the rule (or each finding) comes from, with the secondary source;
/// - `evidence_step`, `evidence_date`, `evidence_document`: the step of the history the result
///   rests on (its wire name, legal date and document), empty when none;
/// - `findings_id`, `findings_en`: each finding's message, one per line;
/// - `note_id`, `note_en`: the note of a result that is not a finding (e.g. pending).
pub const CHECKLIST_CSV_COLUMNS: [&str; 14] = [
    "cooperation",
    "rule_set",
    "legacy",
    "rule",
    "result",
    "provenance",
    "citation",
    "evidence_step",
    "evidence_date",
    "evidence_document",
    "findings_id",
    "findings_en",
    "note_id",
    "note_en",
];

/// The checklist as CSV (RFC 4180, comma-separated, a header row of
/// [`CHECKLIST_CSV_COLUMNS`]): every row of the report's checklist, in its order, including
/// the ok and not-applicable results that the Markdown and HTML summarise.
///
/// Writing to memory cannot fail; were it to, the text is the rows written so far.
///
/// ```
/// use chrono::NaiveDate;
/// use kerjasama::law::Policy;
/// use kerjasama::report::{self, Portfolio};
/// use kerjasama::sample;
/// let portfolio = Portfolio::from_scenarios(sample::sidrap(), sample::cases());
/// let as_of = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
/// let report = report::evaluate(&portfolio, as_of, &Policy::default())?;
/// let text = report::render::csv(&report);
/// assert!(text.starts_with("cooperation,rule_set,legacy,rule,result,"));
/// assert_eq!(text.lines().filter(|l| l.starts_with("C02,")).count(),
///            report.checklist.iter().filter(|r| r.cooperation == "C02").count());
/// # Ok::<(), kerjasama::report::ReportError>(())
/// ```
pub fn csv(report: &EvaluationReport) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut ok = writer.write_record(CHECKLIST_CSV_COLUMNS).is_ok();
    for row in &report.checklist {
        if !ok {
            break;
        }
        ok = writer.write_record(csv_record(report, row)).is_ok();
    }
    let bytes = writer
        .into_inner()
        .unwrap_or_else(|e| e.into_inner().get_ref().clone());
    String::from_utf8_lossy(&bytes).into_owned()
}

fn csv_record(report: &EvaluationReport, row: &ChecklistRow) -> [String; 14] {
    let entry = report.register.iter().find(|e| e.label == row.cooperation);
    let rule_set = entry.map_or_else(String::new, |e| {
        format!("{} v{}", text::wire(&e.rule_set.id), e.rule_set.version)
    });
    let legacy = entry.is_some_and(|e| e.legacy).to_string();
    let mut citations: Vec<String> = Vec::new();
    let found = row.findings.iter().map(|v| v.citation().to_string());
    let own = row
        .findings
        .is_empty()
        .then(|| rules::rule(row.rule).citation.to_string());
    for c in found.chain(own) {
        if !citations.contains(&c) {
            citations.push(c);
        }
    }
    let messages = |lang| {
        row.findings
            .iter()
            .map(|v| v.message(lang))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (note_id, note_en) = row.note.clone().unwrap_or_default();
    let evidence = row.evidence.as_ref();
    [
        row.cooperation.clone(),
        rule_set,
        legacy,
        row.rule.as_str().to_owned(),
        text::wire(&row.result),
        text::wire(&row.rule.provenance()),
        citations.join("\n"),
        evidence.map_or_else(String::new, |e| text::wire(&e.command)),
        evidence.map_or_else(String::new, |e| e.on.to_string()),
        evidence
            .and_then(|e| e.document.clone())
            .unwrap_or_default(),
        messages(Lang::Id),
        messages(Lang::En),
        note_id,
        note_en,
    ]
}
