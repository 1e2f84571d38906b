//! Validity and due items of the Sidrap cooperations on a date (RULES.md §13.2).
//!
//! `cargo run --example sidrap_validity -- 2024-08-14` prints, for every sample case registered
//! by that date, its stage, its validity under both expiring-soon windows in practice
//! (`Days(90)` and `Months(3)`, KSD-IMPL-05), the evaluations owed in that fiscal year
//! (KSD-IMPL-03) and every deadline with its status. Without an argument it uses 2024-08-14,
//! the day of Sidrap's evaluation meeting.

use std::error::Error;

use chrono::{Datelike, NaiveDate};
use kerjasama::law::{Period, RuleSet};
use kerjasama::lifecycle::{Cooperation, Event};
use kerjasama::sample;
use kerjasama::time::{Calendar, Validity, deadlines, evaluations_due, validity};

fn label(validity: Validity) -> String {
    match validity {
        Validity::NotYetInForce => "belum berlaku / not yet in force".into(),
        Validity::InForce => "berlaku / in force".into(),
        Validity::ExpiringSoon { days_left } => {
            format!("segera berakhir / expiring soon ({days_left} hari/days)")
        }
        Validity::Expired => "berakhir / expired".into(),
        _ => "diakhiri / ended".into(),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let as_of = match std::env::args().nth(1) {
        Some(text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map_err(|e| format!("expected a date YYYY-MM-DD, got `{text}`: {e}"))?,
        None => NaiveDate::from_ymd_opt(2024, 8, 14).ok_or("date")?,
    };
    let calendar = Calendar::indonesia()?;
    println!(
        "Kerja sama Kabupaten Sidenreng Rappang per {as_of} (tahun anggaran {})\n",
        as_of.year()
    );
    // C10 (a PKS of 2016) is decided under the legacy rule set, the others under the current
    // one: each scenario under the regime of its first date (KSD-TRANS-01).
    for scenario in sample::cases().into_iter().chain(sample::legacy_cases()) {
        let rules: RuleSet = scenario.rules()?;
        let mut months = rules.clone();
        months.policy.expiring_soon = Period::Months(3);
        let mut live = Cooperation::new();
        let mut events: Vec<Event> = Vec::new();
        for step in &scenario.steps {
            events.extend(live.execute(&step.command, &step.actor, step.on, &rules)?);
        }
        let Some(coop) = Cooperation::as_of(&events, as_of) else {
            println!(
                "{}: belum terdaftar pada tanggal ini / not registered by this date\n",
                scenario.case
            );
            continue;
        };
        let title = coop.spec().map_or("", |s| s.title.as_str());
        println!("{} {title} [{}]", scenario.case, rules.reference);
        println!("  tahap / stage: {}", coop.stage());
        let days = validity(&coop, as_of, &rules.policy);
        let three = validity(&coop, as_of, &months.policy);
        if let Some((document, end)) = &days.governing {
            let kb = if days.kb_only {
                " (KB saja / KB only)"
            } else {
                ""
            };
            println!("  berlaku sampai / governed by: {document} to {end}{kb}");
        }
        println!(
            "  Days(90): {}   Months(3): {}",
            label(days.overall),
            label(three.overall)
        );
        let due = evaluations_due(&coop, as_of.year(), as_of, &rules.policy);
        if due.required > 0 {
            println!(
                "  evaluasi / evaluations {}: {} of {} (sisa / remaining {} by {})",
                due.fiscal_year,
                due.done,
                due.required,
                due.remaining(),
                due.due_by
            );
        }
        for deadline in deadlines(&coop, as_of, &rules.policy, Some(&calendar))? {
            println!(
                "  [{}] due {} ({:?}): {} / {}",
                deadline.rule,
                deadline.due_on,
                deadline.status,
                deadline.consequence_id,
                deadline.consequence_en
            );
        }
        println!();
    }
    Ok(())
}
