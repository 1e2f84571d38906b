//! The evaluation meeting of Kabupaten Sidenreng Rappang on Wednesday 14 August 2024
//! (RULES.md §13.3): the Sidrap register (cases C01–C10 of RULES.md §13.2, C10 under the
//! legacy rule set of PP 50/2007) evaluated as of that date, printed as the Indonesian
//! Markdown report.
//!
//! ```text
//! cargo run --example sidrap_evaluation            # Markdown, Indonesian
//! cargo run --example sidrap_evaluation -- en      # Markdown, English
//! ```
//!
//! The meeting was chaired by the Asisten Pemerintahan dan Kesra and presented by the Kepala
//! Bagian Kerja Sama, in the leadership meeting room on the 3rd floor of the regent's office.
//! C04 and C05 are signed in 2025 and so are absent from the register; the report's sections
//! follow RULES.md §13.3 items 1–11. `report::render::{html, json, csv}` give the same report
//! as one HTML file, as JSON and as the checklist in CSV.

use std::error::Error;

use chrono::NaiveDate;
use kerjasama::law::{Lang, Policy};
use kerjasama::report::{self, EvaluateOptions, Meeting, Portfolio};
use kerjasama::sample;

fn main() -> Result<(), Box<dyn Error>> {
    let lang: Lang = match std::env::args().nth(1) {
        Some(text) => text.parse()?,
        None => Lang::Id,
    };
    let mut cases = sample::cases();
    cases.extend(sample::legacy_cases());
    let portfolio = Portfolio::from_scenarios(sample::sidrap(), cases);
    let as_of = NaiveDate::from_ymd_opt(2024, 8, 14).ok_or("date")?;
    let meeting = Meeting::new("Asisten Pemerintahan dan Kesra", "Kepala Bagian Kerja Sama")
        .at("Ruang Rapat Pimpinan, Lantai 3, Kantor Bupati Sidenreng Rappang");
    let options = EvaluateOptions::default().with_meeting(meeting);
    let evaluation = report::evaluate_with(&portfolio, as_of, &Policy::default(), &options)?;
    print!("{}", report::render::markdown(&evaluation, lang));
    Ok(())
}
