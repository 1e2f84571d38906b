//! The evaluation-meeting report (RULES.md §13.3) and its renderers: the golden Markdown and
//! JSON of the Sidrap register on 2024-08-14, the expected findings of item 4 asserted one by
//! one against the report's data, the HTML parsed back (no script, no external reference, one
//! timeline bar per KB and PKS), the CSV parsed back, and the wording of both languages.
//!
//! The golden files live in `tests/golden/report/`; `KSD_BLESS=1` writes a missing one, never
//! an existing one (delete it to bless it again).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use kerjasama::law::{self, Lang, Period, Policy, RuleSetId, SectorTermOverride, TermSector};
use kerjasama::lifecycle::{CommandKind, Finding, Stage};
use kerjasama::model::{DocumentKind, KodeWilayah, Urusan};
use kerjasama::report::render::{self, CHECKLIST_CSV_COLUMNS};
use kerjasama::report::{
    self, CheckResult, ChecklistRow, DprdOutcome, EvaluateOptions, EvaluationReport, Meeting,
    OpportunityForm, Origin, OutsideReason, Portfolio,
};
use kerjasama::sample;
use kerjasama::time::{DeadlineStatus, Validity};
use scraper::{ElementRef, Html, Selector};

// ------------------------------------------------------------------------------ fixtures

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 8, 14).expect("date")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// The Sidrap register: cases C01–C09 and the legacy C10 (RULES.md §13.2).
fn portfolio() -> Portfolio {
    let mut cases = sample::cases();
    cases.extend(sample::legacy_cases());
    Portfolio::from_scenarios(sample::sidrap(), cases)
}

/// The meeting of RULES.md §13.3 (the same as `examples/sidrap_evaluation.rs`).
fn meeting() -> Meeting {
    Meeting::new("Asisten Pemerintahan dan Kesra", "Kepala Bagian Kerja Sama")
        .at("Ruang Rapat Pimpinan, Lantai 3, Kantor Bupati Sidenreng Rappang")
}

fn evaluate(policy: &Policy) -> EvaluationReport {
    let options = EvaluateOptions::default().with_meeting(meeting());
    report::evaluate_with(&portfolio(), as_of(), policy, &options).expect("evaluate")
}

/// The report under the default policy, evaluated once.
fn sidrap() -> &'static EvaluationReport {
    static REPORT: OnceLock<EvaluationReport> = OnceLock::new();
    REPORT.get_or_init(|| evaluate(&Policy::default()))
}

fn months_3() -> Policy {
    let mut policy = Policy::default();
    policy.expiring_soon = Period::Months(3);
    policy
}

fn row<'a>(report: &'a EvaluationReport, cooperation: &str, rule: &str) -> &'a ChecklistRow {
    report
        .checklist
        .iter()
        .find(|r| r.cooperation == cooperation && r.rule.as_str() == rule)
        .unwrap_or_else(|| panic!("no checklist row {cooperation} × {rule}"))
}

fn kode(code: &str) -> KodeWilayah {
    code.parse().expect("kode wilayah")
}

// ------------------------------------------------------------------------------ golden

fn golden_path(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/report")
        .join(file)
}

/// Compares `fresh` byte for byte with the golden file (written first when missing and
/// `KSD_BLESS` is set), naming the first line that differs.
fn assert_golden(file: &str, fresh: &str) {
    let path = golden_path(file);
    if !path.exists() && std::env::var_os("KSD_BLESS").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("golden directory");
        }
        std::fs::write(&path, fresh).expect("write golden");
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with KSD_BLESS=1 to write a missing golden file)",
            path.display()
        )
    });
    if stored != fresh {
        let line = stored
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| stored.lines().count().min(fresh.lines().count()));
        panic!(
            "{file} differs from the golden file at line {}:\n  golden: {:?}\n  fresh:  {:?}",
            line + 1,
            stored.lines().nth(line),
            fresh.lines().nth(line)
        );
    }
}

#[test]
fn golden_markdown_in_indonesian_of_the_sidrap_register() {
    assert_golden(
        "sidrap-2024-08-14.id.md",
        &render::markdown(sidrap(), Lang::Id),
    );
}

#[test]
fn golden_json_of_the_sidrap_register() {
    let text = render::json(sidrap());
    assert_golden("sidrap-2024-08-14.json", &text);
    // The golden JSON reads back as the report, with its schema version.
    let back: EvaluationReport = serde_json::from_str(&text).expect("json");
    assert_eq!(&back, sidrap());
    assert_eq!(back.schema_version, report::REPORT_SCHEMA_VERSION);
    assert!(text.ends_with("}\n"));
}

#[test]
fn rendering_is_deterministic() {
    let again = evaluate(&Policy::default());
    for lang in Lang::ALL {
        assert_eq!(
            render::markdown(&again, lang),
            render::markdown(sidrap(), lang)
        );
        assert_eq!(render::html(&again, lang), render::html(sidrap(), lang));
    }
    assert_eq!(render::csv(&again), render::csv(sidrap()));
}

// ------------------------------------------------------------- item 4, one by one

#[test]
fn c02_kb_signed_by_the_pj_sekda_is_a_ksd_doc_07_warning() {
    let r = row(sidrap(), "C02", "KSD-DOC-07");
    assert_eq!(r.result, CheckResult::Warning);
    assert!(!r.findings.is_empty() && r.findings.iter().all(|v| !v.is_error()));
    assert!(
        r.findings
            .iter()
            .any(|v| v.message(Lang::Id).contains("Pj Sekretaris Daerah"))
    );
    let evidence = r.evidence.as_ref().expect("evidence");
    assert_eq!(evidence.command, CommandKind::SignKb);
    assert_eq!(evidence.on, day(2024, 4, 3));
    assert_eq!(evidence.document.as_deref(), Some("KB-PANGAN-2024"));
}

#[test]
fn c06_secretariat_allowed_and_all_three_dprd_approvals() {
    let report = sidrap();
    assert_eq!(row(report, "C06", "KSD-ENF-08").result, CheckResult::Ok);
    assert_eq!(row(report, "C06", "KSD-DPRD-01").result, CheckResult::Ok);
    let lines: Vec<_> = report
        .dprd
        .iter()
        .filter(|d| d.cooperation == "C06")
        .collect();
    let regions: BTreeSet<KodeWilayah> = lines.iter().map(|d| d.region).collect();
    assert_eq!(
        regions,
        BTreeSet::from([kode("73.14"), kode("73.72"), kode("73.15")])
    );
    for line in &lines {
        assert_eq!(line.not_budgeted, Some(true), "{}", line.region);
        assert_eq!(line.approval_required, Some(true), "{}", line.region);
        assert_eq!(line.decision, DprdOutcome::Approved, "{}", line.region);
        assert!(line.reference.is_some(), "{}", line.region);
    }
    let dates: BTreeSet<NaiveDate> = lines
        .iter()
        .filter_map(|d| d.reference.as_ref().map(|(_, on)| *on))
        .collect();
    assert_eq!(
        dates,
        BTreeSet::from([day(2023, 5, 22), day(2023, 5, 30), day(2023, 6, 5)])
    );
}

#[test]
fn c07_national_coordination_and_a_twenty_year_term_warning() {
    let report = sidrap();
    let wajib = row(report, "C07", "KSD-WAJIB-02");
    assert_eq!(wajib.result, CheckResult::Ok);
    let evidence = wajib.evidence.as_ref().expect("evidence");
    assert_eq!(evidence.command, CommandKind::HoldTechnicalCoordination);
    assert_eq!(evidence.on, day(2024, 3, 18));
    let term = row(report, "C07", "KSD-TERM-05");
    assert_eq!(term.result, CheckResult::Warning);
    assert!(term.findings.iter().any(|v| matches!(
        v.finding,
        Finding::TermExceedsLimit {
            years: 20,
            limit: 5
        }
    )));
    assert_eq!(
        row(report, "C07", "KSD-TERM-07").result,
        CheckResult::Warning
    );
}

#[test]
fn c07_term_warnings_disappear_under_a_sector_override_of_its_urusan() {
    let mut policy = Policy::default();
    policy.sector_max_term_overrides.push(SectorTermOverride {
        sector: TermSector::Urusan(Urusan::PekerjaanUmumPenataanRuang),
        max_years: 20,
    });
    let report = evaluate(&policy);
    let term = row(&report, "C07", "KSD-TERM-05");
    assert_eq!(term.result, CheckResult::Ok);
    assert!(term.findings.is_empty());
    assert_ne!(
        row(&report, "C07", "KSD-TERM-07").result,
        CheckResult::Warning
    );
    // C09 (tourism) is not covered by it.
    assert_eq!(
        row(&report, "C09", "KSD-TERM-05").result,
        CheckResult::Warning
    );
}

#[test]
fn c07_report_names_the_national_level_of_its_coordination() {
    let wajib = row(sidrap(), "C07", "KSD-WAJIB-02");
    let (id, en) = wajib.note.clone().unwrap_or_default();
    assert!(
        id.contains("nasional") && en.contains("national"),
        "{id} / {en}"
    );
}

#[test]
fn c08_procurement_clauses_ok_and_expiring_only_under_three_months() {
    let report = sidrap();
    assert_eq!(row(report, "C08", "KSD-DOC-02").result, CheckResult::Ok);
    let line = report
        .expiry
        .iter()
        .find(|x| x.cooperation == "C08")
        .expect("C08 expiry");
    assert_eq!(line.document, "PKS-RUJUKAN-2021");
    assert_eq!(line.ends_on, day(2024, 11, 14));
    assert_eq!(line.days_left, 92);
    assert_eq!(line.within_90_days, Validity::InForce);
    assert_eq!(
        line.within_3_months,
        Validity::ExpiringSoon { days_left: 92 }
    );
    // No other cooperation differs between the two windows.
    assert!(
        report
            .expiry
            .iter()
            .filter(|x| x.cooperation != "C08")
            .all(|x| x.within_90_days == x.within_3_months)
    );
    // Under the default Days(90), KSD-IMPL-05 is satisfied.
    assert_eq!(row(report, "C08", "KSD-IMPL-05").result, CheckResult::Ok);
}

#[test]
fn c08_ksd_impl_05_warns_when_the_policy_uses_three_months() {
    let report = evaluate(&months_3());
    let r = row(&report, "C08", "KSD-IMPL-05");
    assert_eq!(r.result, CheckResult::Warning);
    let (id, en) = r.note.clone().expect("note");
    assert!(id.contains("92") && en.contains("92"), "{id} / {en}");
    let entry = report
        .register
        .iter()
        .find(|e| e.label == "C08")
        .expect("C08");
    assert_eq!(entry.validity, Validity::ExpiringSoon { days_left: 92 });
    // The follow-up asks for a decision on the extension by the end of the PKS.
    let follow = report
        .follow_up
        .iter()
        .find(|f| f.cooperation == "C08")
        .expect("C08 follow-up");
    assert!(
        follow
            .actions
            .iter()
            .any(|a| a.rule == law::KSD_IMPL_05 && a.due_on == Some(day(2024, 11, 14)))
    );
    // The other cooperations are not expiring under either window.
    for other in ["C01", "C02", "C06"] {
        assert_ne!(
            row(&report, other, "KSD-IMPL-05").result,
            CheckResult::Warning,
            "{other}"
        );
    }
}

#[test]
fn c09_criteria_pending_sectoral_regime_ok_and_a_ten_year_term_warning() {
    let report = sidrap();
    let pending = row(report, "C09", "KSD-PK-05");
    assert_eq!(pending.result, CheckResult::Warning);
    assert!(pending.findings.is_empty(), "pending, not a finding");
    let (id, en) = pending.note.clone().expect("note");
    assert!(
        id.starts_with("menunggu") && en.starts_with("pending"),
        "{id} / {en}"
    );
    let sectoral = row(report, "C09", "KSD-PK-03");
    assert_eq!(sectoral.result, CheckResult::Ok);
    assert_eq!(
        sectoral.evidence.as_ref().map(|e| e.command),
        Some(CommandKind::Register)
    );
    let term = row(report, "C09", "KSD-TERM-05");
    assert_eq!(term.result, CheckResult::Warning);
    assert!(term.findings.iter().any(|v| matches!(
        v.finding,
        Finding::TermExceedsLimit {
            years: 10,
            limit: 5
        }
    )));
}

#[test]
fn c10_is_judged_under_the_legacy_rule_set_only() {
    let report = sidrap();
    let entry = report
        .register
        .iter()
        .find(|e| e.label == "C10")
        .expect("C10");
    assert!(entry.legacy);
    assert_eq!(entry.rule_set.id, RuleSetId::Pp50_2007);
    let rows: Vec<_> = report
        .checklist
        .iter()
        .filter(|r| r.cooperation == "C10")
        .collect();
    assert!(rows.iter().any(|r| r.rule.as_str().starts_with("LEG-")));
    for r in &rows {
        let id = r.rule.as_str();
        assert!(
            id.starts_with("LEG-") || id.starts_with("KSD-TRANS-"),
            "C10 judged by {id}"
        );
    }
    // Every other cooperation is judged by no LEG-* rule.
    assert!(
        report
            .checklist
            .iter()
            .filter(|r| r.cooperation != "C10")
            .all(|r| !r.rule.as_str().starts_with("LEG-"))
    );
    assert!(report.header.rule_sets.iter().any(|r| r.id.is_legacy()));
    // Marked in the Markdown.
    let md = render::markdown(report, Lang::Id);
    let c10 = md
        .lines()
        .find(|l| l.starts_with("| 8 | **C10**"))
        .expect("C10 in the register");
    assert!(c10.contains("aturan lama (PP 50/2007)"), "{c10}");
    let en = render::markdown(report, Lang::En);
    assert!(en.contains("legacy (PP 50/2007)"));
}

#[test]
fn c04_and_c05_start_after_the_meeting_and_are_absent() {
    let cases: Vec<String> = sample::cases().into_iter().map(|s| s.case).collect();
    assert!(cases.contains(&"C04".to_owned()) && cases.contains(&"C05".to_owned()));
    let report = sidrap();
    let labels: BTreeSet<&str> = report.register.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        BTreeSet::from(["C01", "C02", "C03", "C06", "C07", "C08", "C09", "C10"])
    );
    let json = render::json(report);
    let md = render::markdown(report, Lang::Id);
    for absent in ["C04", "C05"] {
        assert!(report.checklist.iter().all(|r| r.cooperation != absent));
        assert!(report.expiry.iter().all(|r| r.cooperation != absent));
        assert!(report.cadence.iter().all(|r| r.cooperation != absent));
        assert!(report.dprd.iter().all(|r| r.cooperation != absent));
        assert!(report.follow_up.iter().all(|r| r.cooperation != absent));
        assert!(
            !json.contains(&format!("\"{absent}\"")),
            "{absent} in the JSON"
        );
        assert!(!md.contains(absent), "{absent} in the Markdown");
    }
}

#[test]
fn cadence_c06_has_one_of_two_evaluations_due_by_the_end_of_2024() {
    let report = sidrap();
    let c06 = report
        .cadence
        .iter()
        .find(|c| c.cooperation == "C06")
        .expect("C06 cadence");
    assert_eq!((c06.done, c06.required), (1, 2));
    assert!(c06.due);
    assert_eq!(c06.fiscal_year, 2024);
    assert_eq!(c06.due_by, Some(day(2024, 12, 31)));
    assert_eq!(c06.status, DeadlineStatus::Open);
    for label in ["C01", "C08"] {
        let line = report
            .cadence
            .iter()
            .find(|c| c.cooperation == label)
            .expect("cadence");
        assert_eq!((line.done, line.required), (1, 2), "{label}");
    }
    let c10 = report
        .cadence
        .iter()
        .find(|c| c.cooperation == "C10")
        .expect("C10 listed");
    assert!(!c10.due, "no legacy cadence rule");
    // Not due: no PKS in force.
    for label in ["C02", "C03", "C07", "C09"] {
        assert!(
            report
                .cadence
                .iter()
                .all(|c| c.cooperation != label || !c.due),
            "{label}"
        );
    }
    let md = render::markdown(report, Lang::Id);
    assert!(md.contains(
        "| **C06** | 1 | 2 | 31 Desember 2024 | masih berjalan | 1 evaluasi lagi paling lambat 31 Desember 2024 |"
    ));
}

#[test]
fn pipeline_c03_c07_c09_with_their_next_steps() {
    let report = sidrap();
    let expected = [
        ("C03", Stage::Preparation, CommandKind::SendOffer),
        (
            "C07",
            Stage::TechnicalCoordination,
            CommandKind::SignHeadsAgreement,
        ),
        ("C09", Stage::ProposalReceived, CommandKind::AcceptProposal),
    ];
    for (label, stage, next) in expected {
        let line = report
            .pipeline
            .iter()
            .find(|p| p.cooperation == label)
            .unwrap_or_else(|| panic!("{label} in the pipeline"));
        assert_eq!(line.stage, stage, "{label}");
        assert_eq!(line.next_steps.first(), Some(&next), "{label}");
    }
    let c09 = report
        .pipeline
        .iter()
        .find(|p| p.cooperation == "C09")
        .expect("C09");
    assert_eq!(c09.owner.as_deref(), Some("Dinas Pariwisata"));
    assert!(c09.blockers.iter().any(|b| b.rule == law::KSD_PK_05));
    // In force: not in the pipeline.
    for label in ["C01", "C06", "C08", "C10"] {
        assert!(report.pipeline.iter().all(|p| p.cooperation != label));
    }
    let md = render::markdown(report, Lang::Id);
    assert!(md.contains(
        "| **C09** | usulan pihak ketiga diterima | Dinas Pariwisata | **penerimaan usulan** |"
    ));
}

#[test]
fn opportunity_c09_tourism_is_a_ksdpk() {
    let report = sidrap();
    assert_eq!(report.opportunities.len(), 1);
    let c09 = &report.opportunities[0];
    assert_eq!(c09.cooperation, "C09");
    assert_eq!(c09.urusan, vec![Urusan::Pariwisata]);
    assert_eq!(c09.form, OpportunityForm::Ksdpk);
    assert_eq!(c09.stage, Stage::ProposalReceived);
    let md = render::markdown(report, Lang::Id);
    assert!(md.contains(
        "| **C09** | Wisata tepi Danau Sidenreng | pariwisata | KSDPK, dengan pihak ketiga |"
    ));
    let en = render::markdown(report, Lang::En);
    assert!(en.contains("| tourism | KSDPK, with a third party |"));
}

// ------------------------------------------------------------------------------ Markdown

#[test]
fn markdown_header_shows_region_date_meeting_period_rule_sets_and_policy_values() {
    let md = render::markdown(sidrap(), Lang::Id);
    for needle in [
        "# Laporan Evaluasi Kerja Sama Daerah",
        "- Daerah: Kabupaten Sidenreng Rappang (kode wilayah 73.14)",
        "- Tanggal laporan: 14 Agustus 2024 (tahun anggaran 2024)",
        "- Periode evaluasi: 1 Januari 2023 – 14 Agustus 2024",
        "- Pimpinan rapat: Asisten Pemerintahan dan Kesra",
        "- Pemapar: Kepala Bagian Kerja Sama",
        "- Tempat: Ruang Rapat Pimpinan, Lantai 3, Kantor Bupati Sidenreng Rappang",
        "PP 28/2018 dan Permendagri 22/2020 (versi 4)",
        "aturan lama: PP 50/2007 dan Permendagri 22/2009 (versi 1)",
        "| jangka waktu maksimum | 5 tahun |",
        "| jendela segera berakhir | 90 hari |",
        "| evaluasi minimum per tahun anggaran | 2 |",
        "| penandatangan KB selain kepala daerah | diterima dengan peringatan |",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
    // A policy that differs names the field, as code.
    let md3 = render::markdown(&evaluate(&months_3()), Lang::Id);
    assert!(md3.contains("| jendela segera berakhir | 3 bulan |"));
    assert!(
        md3.contains("`expiring_soon = {\"months\":3}`"),
        "policy values as code"
    );
}

#[test]
fn markdown_sections_follow_rules_md_13_3_in_order() {
    let titles_id = [
        "Identitas laporan dan dasar penilaian",
        "Daftar kerja sama",
        "Rekapitulasi",
        "Daftar periksa kepatuhan",
        "Masa berlaku dan jendela segera berakhir",
        "Evaluasi dalam tahun anggaran",
        "Catatan persetujuan DPRD",
        "Kerja sama dalam proses",
        "Peluang kerja sama",
        "Temuan, tindak lanjut, dan rekomendasi",
        "Status pelaporan",
        "Catatan di luar kerja sama daerah",
    ];
    let md = render::markdown(sidrap(), Lang::Id);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    let expected: Vec<String> = titles_id
        .iter()
        .enumerate()
        .map(|(i, t)| format!("## {}. {t}", i + 1))
        .collect();
    assert_eq!(headings, expected);
}

#[test]
fn markdown_checklist_lists_every_error_and_warning_and_summarises_the_rest() {
    let report = sidrap();
    let md = render::markdown(report, Lang::Id);
    let flagged: Vec<&ChecklistRow> = report
        .checklist
        .iter()
        .filter(|r| matches!(r.result, CheckResult::Warning | CheckResult::Error))
        .collect();
    assert!(!flagged.is_empty());
    for r in &flagged {
        let prefix = format!("| **{}** | {} | ", r.cooperation, r.rule);
        let line = md
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no line for {prefix}"));
        for v in &r.findings {
            // The message (escaped as Markdown) and the citation of each finding.
            assert!(
                line.contains(&v.message(Lang::Id).replace('_', "\\_")),
                "{line}"
            );
            assert!(
                line.contains(v.citation().instrument.short_name()),
                "{line}"
            );
        }
    }
    // Ok and not-applicable rows are counted, not listed: C06 tallies to its rows.
    let c06: Vec<_> = report
        .checklist
        .iter()
        .filter(|r| r.cooperation == "C06")
        .collect();
    let count = |result| c06.iter().filter(|r| r.result == result).count();
    let tally = format!(
        "| **C06** | PP 28/2018 dan Permendagri 22/2020 (versi 4) | {} | {} | {} | {} | {} |",
        count(CheckResult::Ok),
        count(CheckResult::Warning),
        count(CheckResult::Error),
        count(CheckResult::NotApplicable),
        c06.len()
    );
    assert!(md.contains(&tally), "{tally}");
    assert!(
        !md.contains("| **C06** | KSD-KIND-01 |"),
        "an ok row is not listed"
    );
    assert!(md.contains(&format!("{} baris", report.checklist.len())));
}

#[test]
fn markdown_expiry_shows_both_windows_side_by_side() {
    let md = render::markdown(sidrap(), Lang::Id);
    assert!(md.contains("| Kerja sama | Dokumen penentu | Berakhir | Sisa hari | Jendela 90 hari | Jendela 3 bulan |"));
    assert!(md.contains(
        "| **C08** | `PKS-RUJUKAN-2021` | 14 November 2024 | 92 | *berlaku* | *segera berakhir (92 hari lagi)* |"
    ));
}

#[test]
fn markdown_dprd_record_names_each_approval() {
    let md = render::markdown(sidrap(), Lang::Id);
    for needle in [
        "| **C06** | Kabupaten Sidenreng Rappang (73.14) | tidak | tidak | ya |",
        "| **C06** | Kota Parepare (73.72) | tidak | tidak | ya |",
        "| **C06** | Kabupaten Pinrang (73.15) | tidak | tidak | ya |",
        "Keputusan DPRD Pinrang 15/2023 (fiktif)<br>5 Juni 2023",
        "dianggap disetujui",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn markdown_follow_up_has_a_recommendation_per_cooperation_and_an_action_list() {
    let report = sidrap();
    let md = render::markdown(report, Lang::Id);
    assert!(md.contains("### Daftar tindakan"));
    for f in &report.follow_up {
        let line = md
            .lines()
            .filter(|l| l.starts_with(&format!("| **{}**", f.cooperation)))
            .find(|l| {
                l.contains("| **dilanjutkan** |")
                    || l.contains("| **diubah** |")
                    || l.contains("| **diperpanjang** |")
                    || l.contains("| **diakhiri** |")
            });
        assert!(line.is_some(), "{}: no recommendation", f.cooperation);
        for a in &f.actions {
            assert!(md.contains(&a.what_id.replace('_', "\\_")), "{}", a.what_id);
        }
    }
    assert!(md.contains("| **C06** | laksanakan 1 evaluasi lagi | Dinas Lingkungan Hidup | 31 Desember 2024 | KSD-IMPL-03 |"));
}

#[test]
fn records_outside_ksd_are_listed_apart() {
    let portfolio = portfolio().with(report::Entry::outside(
        "R-11",
        Origin::Imported {
            file: "register_2024.csv".to_owned(),
            row: 11,
            shown: Vec::new(),
        },
        "Sinergi data kependudukan",
        vec!["Kementerian Dalam Negeri".to_owned()],
        OutsideReason::CentralAgencyPartner,
        Some(day(2024, 2, 1)),
    ));
    let report = report::evaluate(&portfolio, as_of(), &Policy::default()).expect("evaluate");
    assert_eq!(report.outside_ksd.len(), 1);
    let md = render::markdown(&report, Lang::Id);
    let section = md
        .split("## 12. Catatan di luar kerja sama daerah")
        .nth(1)
        .expect("section 12");
    assert!(section.contains("| **R\\-11** |") || section.contains("| **R-11** |"));
    assert!(section.contains("Kementerian Dalam Negeri"));
    assert!(section.contains("`register_2024.csv`"), "file name as code");
    assert!(section.contains("bukan kerja sama daerah menurut PP 28/2018"));
    assert!(report.checklist.iter().all(|r| r.cooperation != "R-11"));
    // And in the HTML.
    let page = Html::parse_document(&render::html(&report, Lang::Id));
    let rows: Vec<_> = page
        .select(&sel("section#outside tr[data-cooperation=\"R-11\"]"))
        .collect();
    assert_eq!(rows.len(), 1);
}

#[test]
fn markdown_and_html_escape_what_the_data_holds() {
    let mut report = sidrap().clone();
    let hostile = "<script>alert(1)</script> | *a* & \"b\" `c`";
    report.register[0].title = hostile.to_owned();
    let md = render::markdown(&report, Lang::Id);
    let line = md
        .lines()
        .find(|l| l.starts_with("| 1 | **C01**"))
        .expect("C01 row");
    assert!(!line.contains("<script>"), "{line}");
    assert!(
        line.contains("\\<script\\>alert(1)\\</script\\> \\| \\*a\\* \\& \"b\" \\`c\\`"),
        "{line}"
    );
    // The row keeps its nine columns: every unescaped pipe is a column border.
    let borders = line
        .char_indices()
        .filter(|(i, c)| *c == '|' && (*i == 0 || line.as_bytes()[i - 1] != b'\\'))
        .count();
    assert_eq!(borders, 10, "{line}");
    let html = render::html(&report, Lang::Id);
    assert!(!html.contains("<script"));
    let page = Html::parse_document(&html);
    assert_eq!(page.select(&sel("script")).count(), 0);
    let cell = page
        .select(&sel("table.register tr[data-cooperation=\"C01\"] td"))
        .nth(1)
        .expect("C01 cell");
    assert!(text_of(cell).contains(hostile), "{}", text_of(cell));
}

// ------------------------------------------------------------------------------ HTML

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"))
}

fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect()
}

fn attr<'a>(element: ElementRef<'a>, name: &str) -> &'a str {
    element
        .value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name} on {:?}", element.value()))
}

fn num(element: ElementRef<'_>, name: &str) -> f64 {
    attr(element, name)
        .parse()
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn html_page(lang: Lang) -> Html {
    Html::parse_document(&render::html(sidrap(), lang))
}

#[test]
fn html_is_self_contained_without_script_or_external_reference() {
    for lang in Lang::ALL {
        let text = render::html(sidrap(), lang);
        assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\""));
        let page = Html::parse_document(&text);
        for banned in [
            "script", "link", "iframe", "img", "object", "embed", "base", "use", "image",
        ] {
            assert_eq!(page.select(&sel(banned)).count(), 0, "<{banned}>");
        }
        for element in page.select(&sel("*")) {
            for (name, value) in element.value().attrs() {
                assert!(!name.starts_with("on"), "event handler {name}");
                assert!(
                    !matches!(name, "src" | "srcset" | "xlink:href" | "action"),
                    "{name}={value}"
                );
                if name == "href" {
                    assert!(value.starts_with('#'), "href={value}: only fragments");
                }
            }
        }
        assert!(
            !text.contains("http:") && !text.contains("https:"),
            "an address"
        );
        let style: String = page.select(&sel("style")).map(text_of).collect();
        assert!(!style.contains("url(") && !style.contains("@import"));
        assert!(style.contains("@media print"), "readable when printed");
        assert_eq!(page.select(&sel("html")).count(), 1);
        let lang_attr = page
            .select(&sel("html"))
            .next()
            .and_then(|h| h.value().attr("lang"));
        assert_eq!(lang_attr, Some(lang.to_string().as_str()));
    }
}

/// The KB and PKS of the register that have a term: (cooperation, document, start, end,
/// validity class, legacy).
fn agreements() -> Vec<(String, String, NaiveDate, NaiveDate, &'static str, bool)> {
    let mut out = Vec::new();
    for e in &sidrap().register {
        for d in &e.documents {
            if !matches!(d.kind, DocumentKind::Kb | DocumentKind::Pks) {
                continue;
            }
            let (Some(from), Some(to)) = (d.starts_on, d.ends_on) else {
                continue;
            };
            let class = match d.validity {
                Validity::NotYetInForce => "not-yet-in-force",
                Validity::InForce => "in-force",
                Validity::ExpiringSoon { .. } => "expiring-soon",
                Validity::Expired => "expired",
                _ => "ended",
            };
            out.push((e.label.clone(), d.id.clone(), from, to, class, e.legacy));
        }
    }
    out
}

#[test]
fn html_timeline_has_one_bar_per_kb_and_pks_of_the_register() {
    let expected = agreements();
    assert_eq!(
        expected.len(),
        11,
        "C01 KB + 3 PKS, C02 KB, C06 KB + PKS, C08 KB + PKS, C10 KB + PKS"
    );
    let page = html_page(Lang::Id);
    let bars: Vec<ElementRef<'_>> = page.select(&sel("svg rect.bar")).collect();
    assert_eq!(bars.len(), expected.len());
    let mut found: Vec<(String, String, NaiveDate, NaiveDate, String, bool)> = bars
        .iter()
        .map(|b| {
            (
                attr(*b, "data-cooperation").to_owned(),
                attr(*b, "data-document").to_owned(),
                attr(*b, "data-start").parse().expect("start"),
                attr(*b, "data-end").parse().expect("end"),
                attr(*b, "data-validity").to_owned(),
                attr(*b, "data-legacy") == "true",
            )
        })
        .collect();
    let mut expected: Vec<_> = expected
        .into_iter()
        .map(|(c, d, s, e, v, l)| (c, d, s, e, v.to_owned(), l))
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(
        page.select(&sel("svg rect.bar[data-document=\"PKS-TPA-2023\"]"))
            .count(),
        1
    );
    // The colour class of each bar is its validity; C08's KB ends within 90 days.
    for b in &bars {
        let classes: Vec<&str> = b.value().classes().collect();
        assert!(classes.contains(&attr(*b, "data-validity")), "{classes:?}");
    }
    let kb = page
        .select(&sel("svg rect.bar[data-document=\"KB-RUJUKAN-2021\"]"))
        .next()
        .expect("C08 KB");
    assert_eq!(attr(kb, "data-validity"), "expiring-soon");
}

#[test]
fn html_timeline_bars_are_placed_by_their_dates_on_a_year_axis() {
    let page = html_page(Lang::Id);
    let grid: BTreeMap<i32, f64> = page
        .select(&sel("svg line.grid"))
        .map(|l| (attr(l, "data-year").parse().expect("year"), num(l, "x1")))
        .collect();
    let years: Vec<i32> = page
        .select(&sel("svg text.year"))
        .map(|t| text_of(t).parse().expect("year label"))
        .collect();
    assert_eq!(years, (2016..=2029).collect::<Vec<_>>(), "a label per year");
    assert!(grid.values().zip(grid.values().skip(1)).all(|(a, b)| a < b));
    let bars: Vec<(NaiveDate, NaiveDate, f64, f64)> = page
        .select(&sel("svg rect.bar"))
        .map(|b| {
            (
                attr(b, "data-start").parse().expect("start"),
                attr(b, "data-end").parse().expect("end"),
                num(b, "x"),
                num(b, "width"),
            )
        })
        .collect();
    use chrono::Datelike;
    for &(start, end, x, width) in &bars {
        assert!(width > 0.0);
        let (from, to) = (grid[&start.year()], grid[&(start.year() + 1)]);
        assert!(from <= x && x < to, "{start}: {x} outside {from}..{to}");
        let right = x + width;
        let (from, to) = (grid[&end.year()], grid[&(end.year() + 1)]);
        assert!(
            from < right && right <= to + 0.1,
            "{end}: {right} outside {from}..{to}"
        );
    }
    for a in &bars {
        for b in &bars {
            if a.0 < b.0 {
                assert!(
                    a.2 < b.2,
                    "start {} before {} but x {} >= {}",
                    a.0,
                    b.0,
                    a.2,
                    b.2
                );
            }
            if a.0 == b.0 {
                assert!((a.2 - b.2).abs() < 1e-9);
            }
            if a.1 < b.1 {
                assert!(a.2 + a.3 < b.2 + b.3, "end {} before {}", a.1, b.1);
            }
        }
    }
    // One line at as_of, crossing every bar in force on that day.
    let lines: Vec<_> = page.select(&sel("svg line.as-of")).collect();
    assert_eq!(lines.len(), 1);
    let line = lines[0];
    assert_eq!(attr(line, "data-date"), "2024-08-14");
    let ax = num(line, "x1");
    assert_eq!(ax, num(line, "x2"), "vertical");
    assert!(grid[&2024] < ax && ax < grid[&2025]);
    for &(start, end, x, width) in &bars {
        if start <= as_of() && as_of() <= end {
            assert!(x <= ax && ax <= x + width, "{start}–{end}");
        } else {
            assert!(ax < x || ax > x + width);
        }
    }
    let label: String = page
        .select(&sel("svg text.as-of-label"))
        .map(text_of)
        .collect();
    assert_eq!(label, "14 Agustus 2024");
}

#[test]
fn html_marks_the_legacy_cooperation() {
    let page = html_page(Lang::Id);
    for bar in page.select(&sel("svg rect.bar")) {
        let legacy = attr(bar, "data-cooperation") == "C10";
        assert_eq!(attr(bar, "data-legacy") == "true", legacy);
        assert_eq!(bar.value().classes().any(|c| c == "legacy"), legacy);
    }
    let row = page
        .select(&sel("table.register tr[data-cooperation=\"C10\"]"))
        .next()
        .expect("C10 row");
    assert_eq!(row.value().attr("data-legacy"), Some("true"));
    let badge: String = row.select(&sel("span.badge.legacy")).map(text_of).collect();
    assert_eq!(badge, "aturan lama (PP 50/2007)");
    for other in page.select(&sel("table.register tr[data-cooperation]")) {
        if attr(other, "data-cooperation") != "C10" {
            assert_eq!(other.value().attr("data-legacy"), None);
        }
    }
    let en = html_page(Lang::En);
    let badge: String = en
        .select(&sel(
            "table.register tr[data-cooperation=\"C10\"] span.badge.legacy",
        ))
        .map(text_of)
        .collect();
    assert_eq!(badge, "legacy (PP 50/2007)");
}

#[test]
fn html_has_the_same_sections_and_findings_as_the_markdown() {
    let page = html_page(Lang::Id);
    let headings: Vec<String> = page
        .select(&sel("main section > h2"))
        .map(text_of)
        .collect();
    let md = render::markdown(sidrap(), Lang::Id);
    let md_headings: Vec<String> = md
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(str::to_owned)
        .collect();
    assert_eq!(headings, md_headings);
    let flagged = sidrap()
        .checklist
        .iter()
        .filter(|r| matches!(r.result, CheckResult::Warning | CheckResult::Error))
        .count();
    assert_eq!(
        page.select(&sel("table.findings tbody tr")).count(),
        flagged
    );
    let c02 = page
        .select(&sel(
            "table.findings tr[data-cooperation=\"C02\"][data-rule=\"KSD-DOC-07\"]",
        ))
        .next()
        .expect("C02 finding");
    assert!(text_of(c02).contains("Pj Sekretaris Daerah"));
    assert!(text_of(c02).contains("PP 28/2018 Pasal 2"));
    let c08 = page
        .select(&sel("table.expiry tr[data-cooperation=\"C08\"]"))
        .next()
        .expect("C08 expiry");
    assert_eq!(c08.value().attr("data-differs"), Some("true"));
}

// ------------------------------------------------------------------------------ CSV

#[test]
fn csv_has_one_row_per_checklist_row_under_the_documented_header() {
    let report = sidrap();
    let text = render::csv(report);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, CHECKLIST_CSV_COLUMNS);
    let records: Vec<csv::StringRecord> =
        reader.records().collect::<Result<_, _>>().expect("records");
    assert_eq!(records.len(), report.checklist.len());
    assert_eq!(records.len(), 479);
    let col = |name: &str| {
        CHECKLIST_CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("column")
    };
    for (record, row) in records.iter().zip(&report.checklist) {
        assert_eq!(record.len(), CHECKLIST_CSV_COLUMNS.len());
        assert_eq!(&record[col("cooperation")], row.cooperation);
        assert_eq!(&record[col("rule")], row.rule.as_str());
        let result = serde_json::to_value(row.result).expect("result");
        assert_eq!(Some(&record[col("result")]), result.as_str());
        assert!(!record[col("citation")].is_empty(), "{}", row.rule);
        assert_eq!(
            record[col("findings_id")].is_empty(),
            row.findings.is_empty()
        );
        assert_eq!(
            &record[col("legacy")],
            if row.cooperation == "C10" {
                "true"
            } else {
                "false"
            }
        );
    }
    let c02 = records
        .iter()
        .find(|r| &r[col("cooperation")] == "C02" && &r[col("rule")] == "KSD-DOC-07")
        .expect("C02 row");
    assert_eq!(&c02[col("result")], "warning");
    assert_eq!(&c02[col("evidence_step")], "sign_kb");
    assert_eq!(&c02[col("evidence_date")], "2024-04-03");
    assert_eq!(&c02[col("evidence_document")], "KB-PANGAN-2024");
    assert!(c02[col("findings_id")].contains("Pj Sekretaris Daerah"));
    assert!(c02[col("findings_en")].contains("not the head"));
    assert_eq!(
        c02[col("findings_id")].lines().count(),
        2,
        "one line per finding"
    );
    let c09 = records
        .iter()
        .find(|r| &r[col("cooperation")] == "C09" && &r[col("rule")] == "KSD-PK-05")
        .expect("C09 row");
    assert!(c09[col("note_id")].starts_with("menunggu"));
    assert!(c09[col("note_en")].starts_with("pending"));
    let c10 = records
        .iter()
        .find(|r| &r[col("cooperation")] == "C10" && r[col("rule")].starts_with("LEG-"))
        .expect("C10 row");
    assert_eq!(&c10[col("rule_set")], "pp50-2007 v1");
    assert_eq!(&c10[col("provenance")], "legacy");
}

// ------------------------------------------------------------------------------ wording

/// `snake_case`, or `CamelCase` (as in tests/wording.rs).
fn camel(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase() && w[2].is_lowercase())
}

fn program_identifiers(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map(|word| word.trim_matches('_'))
        .filter(|word| word.contains('_') || camel(word))
        .map(str::to_owned)
        .collect()
}

/// Markdown without its code spans (ids, file names, policy fields).
fn outside_code(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    let mut escaped = false;
    for c in markdown.chars() {
        if c == '`' && !escaped {
            in_code = !in_code;
            continue;
        }
        escaped = c == '\\' && !escaped;
        if !in_code {
            out.push(if c == '\\' { ' ' } else { c });
        }
    }
    out
}

/// Texts that `evaluate` words itself (notes, reasons, actions, due actions) and the
/// messages of the findings it carries, in `lang`: what the renderer shows as given.
fn evaluate_texts(report: &EvaluationReport, lang: Lang) -> Vec<String> {
    let pick = |(id, en): &(String, String)| lang.pick(id.clone(), en.clone());
    let mut out: Vec<String> = report
        .checklist
        .iter()
        .filter_map(|r| r.note.as_ref().map(pick))
        .collect();
    for r in &report.checklist {
        out.extend(r.findings.iter().map(|v| v.message(lang)));
    }
    for p in &report.pipeline {
        out.extend(p.blockers.iter().map(|v| v.message(lang)));
    }
    for f in &report.follow_up {
        out.push(pick(&f.because));
        out.extend(
            f.actions
                .iter()
                .map(|a| lang.pick(a.what_id.clone(), a.what_en.clone())),
        );
    }
    out.extend(
        report
            .register
            .iter()
            .filter_map(|e| e.next_due.as_ref())
            .map(|d| lang.pick(d.what_id.clone(), d.what_en.clone())),
    );
    out
}

#[test]
fn markdown_names_no_program_identifier_of_its_own() {
    let report = sidrap();
    for lang in Lang::ALL {
        let md = render::markdown(report, lang);
        let found = program_identifiers(&outside_code(&md));
        let from_evaluate: BTreeSet<String> = evaluate_texts(report, lang)
            .iter()
            .flat_map(|t| program_identifiers(t))
            .collect();
        let own: Vec<&String> = found.difference(&from_evaluate).collect();
        assert!(own.is_empty(), "{lang}: {own:?}");
    }
    // The HTML's text, outside code, likewise.
    let page = html_page(Lang::Id);
    let mut text = String::new();
    for node in page.root_element().descendants() {
        if let Some(t) = node.value().as_text() {
            let in_code_or_style = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "code" | "style"))
            });
            if !in_code_or_style {
                text.push_str(t);
                text.push(' ');
            }
        }
    }
    let from_evaluate: BTreeSet<String> = evaluate_texts(report, Lang::Id)
        .iter()
        .flat_map(|t| program_identifiers(t))
        .collect();
    let own: Vec<String> = program_identifiers(&text)
        .difference(&from_evaluate)
        .cloned()
        .collect();
    assert!(own.is_empty(), "HTML: {own:?}");
}

#[test]
fn notes_of_evaluate_name_no_program_identifier() {
    let report = sidrap();
    for lang in Lang::ALL {
        for text in evaluate_texts(report, lang) {
            let found = program_identifiers(&text);
            assert!(found.is_empty(), "{lang}: {found:?} in {text:?}");
        }
    }
    let md = render::markdown(report, Lang::Id);
    let found = program_identifiers(&outside_code(&md));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn each_language_has_its_own_section_titles() {
    let pairs = [
        (
            "Identitas laporan dan dasar penilaian",
            "Header and basis of assessment",
        ),
        ("Daftar kerja sama", "Register of cooperation"),
        ("Rekapitulasi", "Counts"),
        ("Daftar periksa kepatuhan", "Compliance checklist"),
        (
            "Masa berlaku dan jendela segera berakhir",
            "Expiry under both windows",
        ),
        (
            "Evaluasi dalam tahun anggaran",
            "Evaluations in the fiscal year",
        ),
        ("Catatan persetujuan DPRD", "DPRD record"),
        ("Kerja sama dalam proses", "Cooperation in the pipeline"),
        ("Peluang kerja sama", "Opportunities"),
        (
            "Temuan, tindak lanjut, dan rekomendasi",
            "Findings, follow-up and recommendations",
        ),
        ("Status pelaporan", "Reporting status"),
        (
            "Catatan di luar kerja sama daerah",
            "Records outside regional cooperation",
        ),
        ("Nilai kebijakan utama", "Key policy values"),
        ("Daftar tindakan", "Action list"),
        ("Pelanggaran dan peringatan", "Errors and warnings"),
        (
            "Laporan Evaluasi Kerja Sama Daerah",
            "Regional Cooperation Evaluation Report",
        ),
    ];
    let id = render::markdown(sidrap(), Lang::Id);
    let en = render::markdown(sidrap(), Lang::En);
    let id_html = render::html(sidrap(), Lang::Id);
    let en_html = render::html(sidrap(), Lang::En);
    for (title_id, title_en) in pairs {
        assert!(
            id.contains(title_id) && id_html.contains(title_id),
            "{title_id}"
        );
        assert!(
            en.contains(title_en) && en_html.contains(title_en),
            "{title_en}"
        );
        assert!(
            !en.contains(title_id) && !en_html.contains(title_id),
            "{title_id} in English"
        );
        assert!(
            !id.contains(title_en) && !id_html.contains(title_en),
            "{title_en} in Indonesian"
        );
    }
    for (word_id, word_en) in [
        ("Agustus", "August"),
        ("Desember", "December"),
        ("pelaksanaan", "in force"),
        ("tahun anggaran", "fiscal year"),
        ("peringatan", "warning"),
    ] {
        assert!(id.contains(word_id) && !en.contains(word_id), "{word_id}");
        assert!(en.contains(word_en), "{word_en}");
    }
}

/// ISO dates (`2024-12-31`) in `text`.
fn iso_dates(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for start in 0..chars.len().saturating_sub(9) {
        let window: String = chars[start..start + 10].iter().collect();
        let shape = window.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
        let bounded = (start == 0 || !chars[start - 1].is_ascii_alphanumeric())
            && chars
                .get(start + 10)
                .is_none_or(|c| !c.is_ascii_alphanumeric());
        if shape && bounded {
            out.push(window);
        }
    }
    out
}

#[test]
fn dates_are_written_in_the_style_of_each_language() {
    let report = sidrap();
    for lang in Lang::ALL {
        let md = render::markdown(report, lang);
        let header = md.split("## 2.").next().expect("header");
        assert!(iso_dates(header).is_empty(), "{lang}: {header}");
        assert!(header.contains(lang.pick("14 Agustus 2024", "14 August 2024")));
        // Every ISO date left is one that evaluate wrote into a note.
        let from_evaluate: BTreeSet<String> = evaluate_texts(report, lang)
            .iter()
            .flat_map(|t| iso_dates(t))
            .collect();
        for date in iso_dates(&outside_code(&md)) {
            assert!(
                from_evaluate.contains(&date),
                "{lang}: {date} written by the renderer"
            );
        }
    }
    let id = render::markdown(report, Lang::Id);
    for needle in [
        "1 Januari 2023 – 14 Agustus 2024",
        "15 Februari 2023 – 14 Februari 2028",
        "3 Juli 2023 – 2 Juli 2028",
        "10 Mei 2016 – 9 Mei 2026",
        "12 Desember 2016 – 11 Desember 2026",
        "4 Oktober 2021 – 3 Oktober 2024",
        "22 Mei 2023",
        "5 Juni 2023",
        "15 September 2016",
        "9 Maret 2025",
        "14 November 2024",
    ] {
        assert!(id.contains(needle), "{needle}");
    }
    let en = render::markdown(report, Lang::En);
    assert!(en.contains("1 January 2023 – 14 August 2024"));
    assert!(en.contains("15 February 2023 – 14 February 2028"));
}
