//! PT Wisata Danau Sidenreng's own proposal for lakeside tourism on regional land, RULES.md
//! §13.2 case C09: a KSDPK of type (b) (asset utilisation) initiated by the third party
//! (prakarsa pihak ketiga, RULES.md §3.4 and §4.3).
//!
//! Rules shown:
//! - KSD-TERM-05 `[SECONDARY]`: the proposed 10 years exceed the 5-year default, a warning;
//! - KSD-PK-05 (PP 28/2018 Pasal 18 ayat (1)): the head may accept the proposal only when all
//!   three criteria are met with evidence: (a) master plan, (b) economic and financial
//!   feasibility, (c) the initiator's financial capacity;
//! - KSD-PK-06 (Pasal 18 ayat (2)): the third party, not the region, writes the feasibility
//!   study;
//! - KSD-OBJ-04 (Pasal 16 ayat (4)): a lawfulness attestation first; KSD-STAGE-04: a TKKSD
//!   review (warning only, `tkksd_review = RequiredWarn`).
//!
//! Steps: (a) the head accepts before any assessment: refused (KSD-PK-05, KSD-OBJ-04, with
//! a KSD-STAGE-04 warning); (b) criterion (c) assessed as not met: refused, naming (c);
//! (c) the same proposal on a fresh registration, but with a study written by the region:
//! refused (KSD-PK-06); (d) all three criteria met with evidence, a lawfulness attestation
//! and a TKKSD review: accepted, the cooperation moves to offer accepted (penawaran diterima).
//!
//! The proposal of 2024-07-01 comes from the sample script; the steps after the evaluation
//! meeting of 14 August 2024 (when the assessment was still pending) are synthetic.
//!
//! Run with `cargo run --example ksdpk_tourism`. Exits non-zero if a refusal or acceptance
//! shown here stops happening, so CI catches regressions.

use kerjasama::law::Lang;
use std::collections::BTreeSet;
use std::error::Error;
use std::process::ExitCode;

use chrono::NaiveDate;
use kerjasama::law::{
    KSD_OBJ_04, KSD_PK_05, KSD_PK_06, KSD_STAGE_04, KSD_TERM_05, RuleId, RuleSet,
};
use kerjasama::lifecycle::{Command, Cooperation, EventKind, Rejection, Stage, Violation};
use kerjasama::model::*;
use kerjasama::sample;

type Outcome<T = ()> = Result<T, Box<dyn Error>>;

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
    let (sidrap, scenario) = (sample::sidrap(), sample::c09_tourism());
    let (head, clerk) = (sample::head(sidrap), sample::clerk(sidrap));
    println!("== C09: usulan PT Wisata Danau Sidenreng / a third party's own proposal ==");
    let mut desk = Desk::new();
    for step in &scenario.steps {
        desk.accept(&step.actor, step.on, &step.command)?;
    }
    let term_05 = desk.coop.warnings().iter().any(|w| w.rule == KSD_TERM_05);
    ensure(term_05, "registering 10 years warns KSD-TERM-05")?;
    desk.expect_stage(Stage::ProposalReceived)?;

    println!("\n== Pasal 18: prakarsa pihak ketiga / third-party initiative ==");
    for rule in [KSD_PK_05, KSD_PK_06].map(RuleId::rule) {
        println!("  {} [{}] {}", rule.id, rule.provenance, rule.citation);
        println!("    id: {}\n    en: {}", rule.text_id, rule.text_en);
    }

    println!("\n== (a) Diterima sebelum penilaian / accepted before any assessment ==");
    let found = desk.refuse(&head, d(2024, 8, 19), &Command::AcceptProposal)?;
    let warned = found
        .iter()
        .any(|v| v.rule == KSD_STAGE_04 && !v.is_error());
    let refused = errors(&found) == BTreeSet::from([KSD_PK_05, KSD_OBJ_04]);
    ensure(
        refused && warned,
        "PK-05 and OBJ-04 errors, a STAGE-04 warning",
    )?;

    println!("\n== (b) Kriteria (c) tidak terpenuhi / criterion (c) not met ==");
    let weak = criterion(false, "ekuitas di bawah nilai investasi (fiktif)");
    desk.accept(&clerk, d(2024, 9, 2), &assess(weak))?;
    let found = desk.refuse(&head, d(2024, 9, 3), &Command::AcceptProposal)?;
    let pk_05: Vec<_> = found.iter().filter(|v| v.rule == KSD_PK_05).collect();
    let names_c = matches!(pk_05.as_slice(), [v] if v.field.as_deref() == Some("criteria.c"));
    ensure(names_c, "KSD-PK-05 naming criterion (c) alone")?;

    println!("\n== (c) Studi kelayakan dari daerah / a study written by the region ==");
    let [register, proposal, ..] = scenario.steps.as_slice() else {
        return Err("C09 registers, then receives a proposal".into());
    };
    let mut fresh = Desk::new();
    let rules = RuleSet::current();
    fresh
        .coop
        .execute(&register.command, &register.actor, register.on, &rules)?;
    let mut by_region = proposal.command.clone();
    if let Command::ReceiveProposal { study, .. } = &mut by_region {
        study.author = PartyId::Region(sidrap);
    }
    let found = fresh.refuse(&proposal.actor, proposal.on, &by_region)?;
    let at_author = |v: &Violation| v.field.as_deref() == Some("study.author");
    ensure(
        found.iter().any(|v| v.rule == KSD_PK_06 && at_author(v)),
        "PK-06 at the author",
    )?;
    fresh.expect_stage(Stage::Draft)?;

    println!("\n== (d) Semua syarat terpenuhi / every condition met ==");
    let strong = criterion(true, "jaminan bank; laporan keuangan 2023 diaudit (fiktif)");
    desk.accept(&clerk, d(2024, 9, 23), &assess(strong))?;
    let attestation = LawfulnessAttestation::new(
        "Bagian Hukum Setda Sidrap",
        "tidak bertentangan dengan kesusilaan, ketertiban umum, kepentingan nasional, dan peraturan",
    );
    let attest = Command::AttestLawfulness { attestation };
    desk.accept(&clerk, d(2024, 9, 24), &attest)?;
    let review = Command::RecordTkksdReview {
        review: TkksdReview::new(ReviewPoint::Offer, Recommendation::Proceed)
            .with_minutes("BA TKKSD 07/IX/2024 (fiktif)"),
    };
    desk.accept(&sample::tkksd(sidrap), d(2024, 9, 26), &review)?;
    desk.accept(&head, d(2024, 9, 30), &Command::AcceptProposal)?;
    desk.expect_stage(Stage::OfferAccepted)
}

/// A literal date; the literals here are valid (an invalid one would be refused as out of order).
fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn ensure(holds: bool, expected: &str) -> Outcome {
    if holds {
        Ok(())
    } else {
        Err(format!("expected {expected}").into())
    }
}

fn criterion(met: bool, evidence: &str) -> Criterion {
    Criterion::new(met, evidence)
}

/// An assessment with criteria (a) and (b) met with evidence, and (c) as given.
fn assess(financial_capacity: Criterion) -> Command {
    let criteria = InitiativeCriteria::new(
        criterion(true, "selaras dengan RIPPARDA Sidrap (fiktif)"),
        criterion(
            true,
            "studi kelayakan perusahaan: NPV positif, IRR 14% (fiktif)",
        ),
        financial_capacity,
    );
    Command::AssessCriteria { criteria }
}

/// The rules of the blocking violations.
fn errors(found: &[Violation]) -> BTreeSet<RuleId> {
    found
        .iter()
        .filter(|v| v.is_error())
        .map(|v| v.rule)
        .collect()
}

/// The cooperation on the desk of Sidrap's cooperation unit, under the current rule set.
struct Desk {
    coop: Cooperation,
    rules: RuleSet,
}

impl Desk {
    fn new() -> Self {
        Desk {
            coop: Cooperation::new(),
            rules: RuleSet::current(),
        }
    }

    /// Executes a step that must be accepted; prints its stage change and warnings.
    fn accept(&mut self, actor: &Actor, on: NaiveDate, command: &Command) -> Outcome {
        print_request(actor, on, command);
        let events = self
            .coop
            .execute(command, actor, on, &self.rules)
            .map_err(|r| format!("refused: {r}"))?;
        for event in &events {
            match &event.kind {
                EventKind::StageChanged { from, to, .. } => {
                    println!("    tahap/stage: {from} → {to}")
                }
                EventKind::Warned { violations } => violations.iter().for_each(print_violation),
                _ => {}
            }
        }
        Ok(())
    }

    /// Executes a step that must be refused for rule violations; checks nothing changed.
    fn refuse(
        &mut self,
        actor: &Actor,
        on: NaiveDate,
        command: &Command,
    ) -> Outcome<Vec<Violation>> {
        print_request(actor, on, command);
        let before = self.coop.clone();
        let violations = match self.coop.execute(command, actor, on, &self.rules) {
            Err(Rejection::Violations { violations, .. }) => violations,
            Err(other) => return Err(format!("expected rule violations, got: {other}").into()),
            Ok(_) => {
                return Err(format!("{} was accepted; the law refuses it", command.kind()).into());
            }
        };
        println!("    DITOLAK / REFUSED:");
        violations.iter().for_each(print_violation);
        ensure(self.coop == before, "a refusal to change nothing")?;
        println!(
            "    tidak ada yang berubah / nothing changed: {}",
            self.coop.stage()
        );
        Ok(violations)
    }

    fn expect_stage(&self, stage: Stage) -> Outcome {
        println!("  => tahap/stage: {}", self.coop.stage());
        ensure(self.coop.stage() == stage, stage.label_en())
    }
}

fn print_request(actor: &Actor, on: NaiveDate, command: &Command) {
    let kind = command.kind();
    println!("  {on}  {} / {}", kind.label_id(), kind.label_en());
    println!("    oleh/by: {} — {}", actor.role, actor.name);
    if let Command::AssessCriteria { criteria: c } = command {
        let all = [
            ("a", &c.master_plan_integration),
            ("b", &c.economic_feasibility),
            ("c", &c.financial_capacity),
        ];
        for (letter, criterion) in all {
            let met = if criterion.met {
                "terpenuhi/met"
            } else {
                "tidak terpenuhi/not met"
            };
            println!(
                "    kriteria/criterion ({letter}): {met} — {}",
                criterion.evidence
            );
        }
    }
}

fn print_violation(v: &Violation) {
    let level = if v.is_error() {
        "galat/error"
    } else {
        "peringatan/warning"
    };
    println!(
        "    - {} [{}] {level}: {}",
        v.rule,
        v.provenance(),
        v.citation()
    );
    if let Some(field) = &v.field {
        println!("      isian/field: {field}");
    }
    println!(
        "      id: {}\n      en: {}",
        v.message(Lang::Id),
        v.message(Lang::En)
    );
}
