//! The Sidrap–Parepare–Pinrang regional landfill (TPA regional), RULES.md §13.2 case C06: a
//! kerja sama wajib between three bordering regions of Sulawesi Selatan, from the mapping of
//! affairs to entry into force and a cooperation secretariat.
//!
//! Rules shown along the way:
//! - KSD-WAJIB-01..03 (PP 28/2018 Pasal 5): mapping, provincial technical coordination and
//!   the heads' joint agreement before stage a (RULES.md §4.2);
//! - KSD-STAGE-01 (Pasal 6 ayat (1)): stages a–h in order (RULES.md §4.6);
//! - KSD-DPRD-01 (Pasal 6 ayat (2)): the DPRD gate, assessed per region party. Here the
//!   tipping fee is not budgeted in APBD 2023 (flag B) for all three regions, so each DPRD
//!   must approve before the PKS is drafted.
//!
//! The second part replays the case up to the signed KB with the three gates assessed and
//! asks to start drafting the PKS: refused with one KSD-DPRD-01 violation that lists each
//! region, with its citation, and the refusal changes nothing. `allowed_commands` then shows what the
//! cooperation unit may do instead.
//!
//! Run with `cargo run --example lifecycle`. Exits non-zero if the case no longer behaves as
//! the law says (a step refused, or the refusal not happening), so CI catches regressions.

use kerjasama::law::Lang;
use std::error::Error;
use std::process::ExitCode;

use chrono::NaiveDate;
use kerjasama::law::{KSD_DPRD_01, RuleSet};
use kerjasama::lifecycle::{
    Command, CommandKind, Cooperation, DprdDecision, Event, EventKind, Rejection, Stage,
};
use kerjasama::model::{Actor, Document};
use kerjasama::sample::{self, region_name};

type Outcome = Result<(), Box<dyn Error>>;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("GAGAL / FAILED: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Outcome {
    let rules = RuleSet::current();
    let scenario = sample::c06_landfill();
    println!(
        "== {}: TPA regional Sidrap–Parepare–Pinrang (kerja sama wajib) ==",
        scenario.case
    );
    let mut coop = Cooperation::new();
    for (n, step) in scenario.steps.iter().enumerate() {
        let events = coop
            .execute(&step.command, &step.actor, step.on, &rules)
            .map_err(|rejection| format!("step {} refused: {rejection}", n + 1))?;
        print_step(n + 1, step.on, &step.actor, &step.command, &events);
    }
    ensure(coop.stage() == Stage::InForce, "C06 should end in force")?;
    print_summary(&coop, &rules);
    refused_pks_drafting(&rules)
}

fn yes(flag: bool) -> &'static str {
    if flag { "ya/yes" } else { "tidak/no" }
}

fn ensure(holds: bool, expected: &str) -> Outcome {
    if holds { Ok(()) } else { Err(expected.into()) }
}

fn print_step(n: usize, on: NaiveDate, actor: &Actor, command: &Command, events: &[Event]) {
    let kind = command.kind();
    println!("{n:>2}. {on}  {} / {}", kind.label_id(), kind.label_en());
    println!("    oleh/by: {} — {}", actor.role, actor.name);
    for event in events {
        match &event.kind {
            EventKind::StageChanged { from, to, .. } => {
                println!("    tahap/stage: {from} → {to}");
            }
            EventKind::Warned { violations } => {
                for warning in violations {
                    println!("    ! peringatan/warning: {warning}");
                }
            }
            _ => {}
        }
    }
}

fn print_document(label: &str, doc: &Document) {
    let term = doc.term.map_or("—".to_owned(), |t| {
        format!("{} – {}", t.starts_on, t.ends_on)
    });
    println!("  {label} {}: \"{}\"", doc.id.0, doc.title);
    println!(
        "      ditandatangani/signed {}; jangka waktu/term {term}",
        doc.signed_on
    );
}

fn print_summary(coop: &Cooperation, rules: &RuleSet) {
    println!("\n== Ringkasan / Summary ==");
    println!("  tahap/stage: {}", coop.stage());
    coop.kb()
        .into_iter()
        .for_each(|kb| print_document("KB", kb));
    coop.pks().iter().for_each(|pks| print_document("PKS", pks));
    for (code, gate) in coop.dprd_gates() {
        let decision = match coop.dprd_decisions().get(code) {
            Some(DprdDecision::Approved { reference, on }) => {
                format!("disetujui/approved {on}, {reference}")
            }
            Some(DprdDecision::Refused { reason, on }) => format!("ditolak/refused {on}, {reason}"),
            _ => "belum diputuskan / not decided".to_owned(),
        };
        let required = yes(rules.policy.dprd_required(gate));
        let name = region_name(*code);
        println!("  DPRD {name} ({code}): wajib setuju/must approve {required}; {decision}");
    }
    let secretariat = yes(coop.has_secretariat());
    println!("  sekretariat kerja sama / secretariat: {secretariat}");
    println!("  peringatan / warnings: {}", coop.warnings().len());
}

/// Replays C06 up to the request for DPRD approval, then asks the OPD to start the PKS.
fn refused_pks_drafting(rules: &RuleSet) -> Outcome {
    let (sidrap, scenario) = (sample::sidrap(), sample::c06_landfill());
    let mut coop = Cooperation::new();
    let mut on = None;
    for step in scenario
        .steps
        .iter()
        .take_while(|s| !matches!(s.command, Command::SubmitToDprd))
    {
        coop.execute(&step.command, &step.actor, step.on, rules)?;
        on = step.on.succ_opt();
    }
    let on = on.ok_or("C06 should have steps before SubmitToDprd")?;
    let before = coop.clone();
    let opd = sample::opd(sidrap, "Dinas Lingkungan Hidup");
    println!("\n== Langkah yang ditolak / A refused step ==");
    println!(
        "  tahap/stage: {}; syarat DPRD benar di tiga daerah / gate true in three regions",
        coop.stage()
    );
    println!(
        "  {on}: {} meminta/asks {}",
        opd.name,
        CommandKind::StartPksDrafting
    );
    let violations = match coop.execute(&Command::StartPksDrafting, &opd, on, rules) {
        Err(Rejection::Violations { violations, .. }) => violations,
        Err(other) => return Err(format!("expected KSD-DPRD-01 violations, got: {other}").into()),
        Ok(_) => return Err("PKS drafting was accepted before any DPRD approval".into()),
    };
    for (i, v) in violations.iter().enumerate() {
        let level = if v.is_error() {
            "galat/error"
        } else {
            "peringatan/warning"
        };
        println!(
            "  ({}) {} [{}] {level}: {}",
            i + 1,
            v.rule,
            v.provenance(),
            v.citation()
        );
        println!("      isian/field: {}", v.field.as_deref().unwrap_or("—"));
        println!(
            "      id: {}\n      en: {}",
            v.message(Lang::Id),
            v.message(Lang::En)
        );
    }
    // One violation per rule and field (issue 10), listing the three regions.
    let dprd_01: Vec<_> = violations
        .iter()
        .filter(|v| v.rule == KSD_DPRD_01 && v.is_error())
        .collect();
    ensure(
        dprd_01.len() == 1 && violations.len() == 1 && dprd_01[0].findings().count() == 3,
        "one KSD-DPRD-01 error listing three regions",
    )?;
    ensure(coop == before, "a refusal changes nothing")?;
    println!(
        "  tidak ada yang berubah / nothing changed: tahap/stage {}",
        coop.stage()
    );

    let clerk = sample::clerk(sidrap);
    println!(
        "\n== Perintah yang tersedia / Allowed commands: {} ==",
        clerk.name
    );
    let allowed = coop.allowed_commands(&clerk, on, rules);
    for next in &allowed {
        let to: Vec<&str> = next.to.iter().map(|s| s.label_id()).collect();
        let may = if next.actor_may_issue {
            "boleh/may"
        } else {
            "tidak boleh/may not"
        };
        println!("  - {} → {} [{may}]", next.command, to.join(" | "));
        for b in &next.blockers {
            println!(
                "      terhalang/blocked: {} {}: {} / {}",
                b.rule,
                b.citation(),
                b.message(Lang::Id),
                b.message(Lang::En)
            );
        }
    }
    let pks = allowed
        .iter()
        .find(|a| a.command == CommandKind::StartPksDrafting);
    ensure(
        pks.is_some_and(|a| a.blockers.len() == 1 && a.blockers[0].count() == 3),
        "allowed_commands lists the blocker naming three regions",
    )
}
