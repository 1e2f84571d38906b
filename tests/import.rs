//! Register import from CSV (issue 9 item 2): the Sidrap register of RULES.md §13.2 imports
//! whole and each record reaches the scripted case's stage on 2024-08-14; every kind of bad
//! input is a typed error naming its row and column; no input panics.

use chrono::NaiveDate;
use kerjasama::law::{
    KSD_DOC_07, KSD_TERM_05, KSD_TRANS_01, Policy, RuleSet, RuleSetId, RuleSetRegistry, Severity,
};
use kerjasama::lifecycle::{
    AuditedStep, CommandKind, Cooperation, DprdDecision, EventKind, Stage, Step,
};
use kerjasama::model::{
    BorderTable, CoordinationLevel, KodeWilayah, SignatoryCapacity, Term, ThirdPartyKind,
};
use kerjasama::report::{
    DateOrder, Entry, EntryRecord, ImportError, ImportOptions, Origin, OutsideReason, Portfolio,
    RejectedRow, import_csv, import_csv_path,
};
use kerjasama::sample;

const SIDRAP_CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sidrap-2024.csv");

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn meeting() -> NaiveDate {
    day(2024, 8, 14)
}

fn options() -> ImportOptions {
    ImportOptions::new(KodeWilayah::SIDRAP)
        .with_file_label("sidrap-2024.csv")
        .with_borders(BorderTable::sulawesi_selatan_sample())
}

fn sidrap() -> Portfolio {
    match import_csv_path(SIDRAP_CSV, &options()) {
        Ok(portfolio) => portfolio,
        Err(error) => panic!("the Sidrap register does not import:\n{error}"),
    }
}

fn entry<'a>(portfolio: &'a Portfolio, label: &str) -> &'a Entry {
    match portfolio.entries.iter().find(|e| e.label == label) {
        Some(entry) => entry,
        None => panic!("no entry {label}"),
    }
}

fn history(entry: &Entry) -> (RuleSetId, &[Step]) {
    match &entry.record {
        EntryRecord::Cooperation { regime, steps } => (*regime, steps),
        other => panic!("{} is not a cooperation: {other:?}", entry.label),
    }
}

fn rules(regime: RuleSetId) -> RuleSet {
    match RuleSetRegistry::standard().latest_of(regime) {
        Ok(version) => version.with_policy(Policy::default()),
        Err(error) => panic!("{error}"),
    }
}

/// The imported history audited step by step up to `as_of` (`None`: not registered by then),
/// with what the audit found at each step.
fn audited(
    entry: &Entry,
    as_of: NaiveDate,
) -> Option<(Cooperation, Vec<(CommandKind, AuditedStep)>)> {
    let (regime, steps) = history(entry);
    let rules = rules(regime);
    let mut coop = Cooperation::new();
    let mut found = Vec::new();
    for step in steps.iter().filter(|s| s.on <= as_of) {
        let audit = match coop.audit_step(&step.command, &step.actor, step.on, &rules) {
            Ok(audit) => audit,
            Err(rejection) => panic!("{}: {rejection}", entry.label),
        };
        audit.events.iter().for_each(|e| coop.apply(e));
        found.push((step.command.kind(), audit));
    }
    (coop.stage() != Stage::Unregistered).then_some((coop, found))
}

/// The scripted case as of `as_of`: its steps up to that date, run under its rule set.
fn scripted(case: &str, as_of: NaiveDate) -> Option<Cooperation> {
    let scenario = sample::cases()
        .into_iter()
        .chain(sample::legacy_cases())
        .find(|s| s.case == case)?;
    let rules = match scenario.rules() {
        Ok(rules) => rules,
        Err(error) => panic!("{error}"),
    };
    let steps: Vec<Step> = scenario
        .steps
        .into_iter()
        .filter(|s| s.on <= as_of)
        .collect();
    if steps.is_empty() {
        return None;
    }
    match sample::Scenario::new(case, steps).run(&rules) {
        Ok(coop) => Some(coop),
        Err(error) => panic!("{error}"),
    }
}

const CASES: [&str; 10] = [
    "C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10",
];

#[test]
fn the_sidrap_register_imports_every_row_in_order_with_its_provenance() {
    let portfolio = sidrap();
    assert_eq!(portfolio.home, KodeWilayah::SIDRAP);
    let labels: Vec<&str> = portfolio.entries.iter().map(|e| e.label.as_str()).collect();
    let mut expected = CASES.to_vec();
    expected.push("NK-ATR-2023");
    assert_eq!(labels, expected);
    for (i, entry) in portfolio.entries.iter().enumerate() {
        let Origin::Imported { file, row, shown } = &entry.origin else {
            panic!("{} is not imported", entry.label);
        };
        assert_eq!(file, "sidrap-2024.csv");
        assert_eq!(*row, u64::try_from(i + 1).unwrap_or_default());
        if let EntryRecord::Cooperation { steps, .. } = &entry.record {
            let mut kinds: Vec<CommandKind> = Vec::new();
            for step in steps {
                if !kinds.contains(&step.command.kind()) {
                    kinds.push(step.command.kind());
                }
            }
            assert_eq!(shown, &kinds, "{}", entry.label);
            assert_eq!(shown.first(), Some(&CommandKind::Register));
        }
    }
}

#[test]
fn each_record_is_under_its_regime_c10_under_pp_50_2007() {
    let portfolio = sidrap();
    for case in CASES {
        let (regime, _) = history(entry(&portfolio, case));
        let expected = if case == "C10" {
            RuleSetId::Pp50_2007
        } else {
            RuleSetId::Current
        };
        assert_eq!(regime, expected, "{case}");
    }
    let (c10, _) = audited(entry(&portfolio, "C10"), meeting()).unwrap_or_else(|| panic!("C10"));
    assert_eq!(c10.rule_set().map(|r| r.id), Some(RuleSetId::Pp50_2007));
    assert_eq!(
        c10.governing_end(),
        Some(sample::c10_legacy_pks_term().ends_on)
    );
    assert_eq!(
        c10.pks().first().and_then(|p| p.term),
        Some(sample::c10_legacy_pks_term())
    );
}

#[test]
fn the_ministry_row_is_outside_ksd_never_forced_into_a_kind() {
    let portfolio = sidrap();
    let ministry = entry(&portfolio, "NK-ATR-2023");
    let EntryRecord::Outside {
        title,
        partners,
        reason,
        dated,
    } = &ministry.record
    else {
        panic!("the ministry row is a cooperation: {:?}", ministry.record);
    };
    assert_eq!(title, "Percepatan sertifikasi tanah milik daerah (fiktif)");
    assert_eq!(*reason, OutsideReason::CentralAgencyPartner);
    assert_eq!(*dated, Some(day(2023, 6, 12)));
    assert_eq!(
        partners,
        &["Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional (kementerian)".to_owned()]
    );
    assert!(
        matches!(&ministry.origin, Origin::Imported { row: 11, shown, .. } if shown.is_empty())
    );
}

#[test]
fn every_case_reaches_the_scripted_stage_on_the_meeting_day() {
    let portfolio = sidrap();
    let expected = [
        ("C01", Some(Stage::InForce)),
        ("C02", Some(Stage::PksDrafting)),
        ("C03", Some(Stage::Preparation)),
        ("C04", None),
        ("C05", None),
        ("C06", Some(Stage::InForce)),
        ("C07", Some(Stage::TechnicalCoordination)),
        ("C08", Some(Stage::InForce)),
        ("C09", Some(Stage::ProposalReceived)),
        ("C10", Some(Stage::InForce)),
    ];
    for (case, stage) in expected {
        let imported = audited(entry(&portfolio, case), meeting());
        let script = scripted(case, meeting());
        assert_eq!(
            imported.as_ref().map(|(c, _)| c.stage()),
            stage,
            "{case} imported"
        );
        assert_eq!(
            script.as_ref().map(Cooperation::stage),
            stage,
            "{case} scripted"
        );
        assert_eq!(
            imported.as_ref().and_then(|(c, _)| c.governing_end()),
            script.as_ref().and_then(Cooperation::governing_end),
            "{case}: governing end"
        );
        assert_eq!(
            imported.as_ref().map(|(c, _)| c.pks().len()),
            script.as_ref().map(|c| c.pks().len()),
            "{case}: PKS"
        );
        assert_eq!(
            imported.as_ref().map(|(c, _)| c.evaluations().len()),
            script.as_ref().map(|c| c.evaluations().len()),
            "{case}: evaluations"
        );
    }
}

#[test]
fn c04_and_c05_of_2025_are_absent_on_the_meeting_day_and_complete_afterwards() {
    let portfolio = sidrap();
    let later = day(2025, 12, 31);
    for case in ["C04", "C05"] {
        assert!(
            audited(entry(&portfolio, case), meeting()).is_none(),
            "{case}"
        );
        let (imported, _) =
            audited(entry(&portfolio, case), later).unwrap_or_else(|| panic!("{case}"));
        let script = scripted(case, later).unwrap_or_else(|| panic!("{case}"));
        assert_eq!(imported.stage(), script.stage(), "{case}");
        assert_eq!(imported.governing_end(), script.governing_end(), "{case}");
    }
}

/// What the audit of the imported register finds on the meeting day, rule by rule: the
/// expected findings of RULES.md §13.3 item 4 (C02's KB signatories, C07's and C09's terms)
/// and the evaluations the register records by date and recommendation only (KSD-IMPL-06
/// asks for progress, benefits and each party's compliance). No other rule fires: the TKKSD
/// reviews, mappings, heads' agreement, DPRD timetable and copies are on record.
#[test]
fn the_audit_of_the_register_finds_the_expected_rules_only() {
    let portfolio = sidrap();
    let expected: [(&str, &[&str]); 10] = [
        ("C01", &["KSD-IMPL-06"]),
        ("C02", &["KSD-DOC-07"]),
        ("C03", &[]),
        ("C04", &[]),
        ("C05", &[]),
        ("C06", &["KSD-IMPL-06"]),
        ("C07", &["KSD-TERM-05"]),
        ("C08", &["KSD-IMPL-06"]),
        ("C09", &["KSD-TERM-05"]),
        ("C10", &[]),
    ];
    for (case, rules) in expected {
        let found: std::collections::BTreeSet<&str> = audited(entry(&portfolio, case), meeting())
            .map(|(_, steps)| steps)
            .unwrap_or_default()
            .iter()
            .flat_map(|(_, audit)| audit.violations.iter())
            .inspect(|v| assert_eq!(v.severity, Severity::Warning, "{case}: {v:?}"))
            .map(|v| v.rule.as_str())
            .collect();
        let rules: std::collections::BTreeSet<&str> = rules.iter().copied().collect();
        assert_eq!(found, rules, "{case}");
    }
}

#[test]
fn c02_kb_signed_by_the_pj_sekda_is_a_ksd_doc_07_warning() {
    let portfolio = sidrap();
    let (coop, found) =
        audited(entry(&portfolio, "C02"), meeting()).unwrap_or_else(|| panic!("C02"));
    let kb = coop.kb().unwrap_or_else(|| panic!("no KB"));
    assert_eq!(kb.signed_on, day(2024, 4, 3));
    assert_eq!(kb.term.map(|t| t.ends_on), Some(day(2029, 4, 2)));
    let signer = kb
        .signatories
        .first()
        .unwrap_or_else(|| panic!("no signatory"));
    assert_eq!(signer.capacity, SignatoryCapacity::Sekda);
    assert!(signer.acting);
    let warnings: Vec<_> = found
        .iter()
        .filter(|(kind, _)| *kind == CommandKind::SignKb)
        .flat_map(|(_, audit)| audit.violations.iter())
        .filter(|v| v.rule == KSD_DOC_07)
        .collect();
    assert_eq!(warnings.len(), 2, "both KB signatories are not heads");
    assert!(warnings.iter().all(|v| v.severity == Severity::Warning));
}

#[test]
fn c06_has_three_dprd_approvals_and_a_secretariat() {
    let portfolio = sidrap();
    let (coop, _) = audited(entry(&portfolio, "C06"), meeting()).unwrap_or_else(|| panic!("C06"));
    let approvals: Vec<(String, NaiveDate)> = coop
        .dprd_decisions()
        .iter()
        .map(|(region, decision)| match decision {
            DprdDecision::Approved { on, .. } => (region.to_string(), *on),
            other => panic!("{region}: {other:?}"),
        })
        .collect();
    assert_eq!(
        approvals,
        [
            ("73.14".to_owned(), day(2023, 5, 22)),
            ("73.15".to_owned(), day(2023, 6, 5)),
            ("73.72".to_owned(), day(2023, 5, 30)),
        ]
    );
    assert_eq!(coop.dprd_gates().len(), 3);
    assert!(
        coop.dprd_gates()
            .values()
            .all(|g| g.not_budgeted_in_current_apbd)
    );
    assert!(coop.has_secretariat());
    let pks = coop.pks().first().unwrap_or_else(|| panic!("no PKS"));
    assert!(pks.signatories.iter().all(|s| s.surat_kuasa.is_some()));
    assert_eq!(coop.governing_end(), Some(day(2028, 7, 2)));
}

#[test]
fn c07_is_at_national_coordination_with_a_20_year_term_warning() {
    let portfolio = sidrap();
    let (coop, found) =
        audited(entry(&portfolio, "C07"), meeting()).unwrap_or_else(|| panic!("C07"));
    assert_eq!(coop.spec().and_then(|s| s.proposed_term_years), Some(20));
    let level = found
        .iter()
        .flat_map(|(_, a)| a.events.iter())
        .find_map(|e| match &e.kind {
            EventKind::TechnicalCoordinationHeld { level } => Some((*level, e.occurred_on)),
            _ => None,
        });
    assert_eq!(level, Some((CoordinationLevel::National, day(2024, 3, 18))));
    let registration = found
        .iter()
        .find(|(kind, _)| *kind == CommandKind::Register)
        .map(|(_, a)| a)
        .unwrap_or_else(|| panic!("no registration"));
    assert!(
        registration
            .violations
            .iter()
            .any(|v| v.rule == KSD_TERM_05)
    );
}

#[test]
fn c08_pks_ends_on_2024_11_14_with_its_four_clauses() {
    let portfolio = sidrap();
    let (coop, _) = audited(entry(&portfolio, "C08"), meeting()).unwrap_or_else(|| panic!("C08"));
    let pks = coop.pks().first().unwrap_or_else(|| panic!("no PKS"));
    assert_eq!(
        pks.term,
        Some(Term {
            starts_on: day(2021, 11, 15),
            ends_on: day(2024, 11, 14),
        })
    );
    assert_eq!(pks.clauses.len(), 4);
    assert_eq!(coop.governing_end(), Some(day(2024, 11, 14)));
    let company = coop
        .spec()
        .and_then(|s| {
            s.parties.iter().find_map(|p| match p {
                kerjasama::model::Party::ThirdParty(third) => Some(third.clone()),
                _ => None,
            })
        })
        .unwrap_or_else(|| panic!("no company"));
    assert_eq!(company.name, "PT Rumah Sakit Ajatappareng Sehat (fiktif)");
    assert!(matches!(
        company.kind,
        ThirdPartyKind::LegalEntityBusiness { .. }
    ));
}

#[test]
fn c09_proposal_received_2024_07_01_for_10_years_criteria_pending() {
    let portfolio = sidrap();
    let (coop, found) =
        audited(entry(&portfolio, "C09"), meeting()).unwrap_or_else(|| panic!("C09"));
    assert_eq!(coop.stage(), Stage::ProposalReceived);
    assert_eq!(coop.stage_entered_on(), Some(day(2024, 7, 1)));
    let spec = coop.spec().unwrap_or_else(|| panic!("no spec"));
    assert_eq!(spec.proposed_term_years, Some(10));
    assert!(spec.sectoral_regime.is_some());
    assert!(
        !found
            .iter()
            .any(|(kind, _)| *kind == CommandKind::AssessCriteria),
        "the criteria are still to be assessed"
    );
}

#[test]
fn the_example_row_of_the_documentation_imports_as_described() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/register-csv.md"))
        .unwrap_or_default();
    let csv = doc
        .split("```csv\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .unwrap_or_else(|| panic!("no csv block in docs/register-csv.md"));
    let portfolio = import_csv(csv.as_bytes(), &options()).unwrap_or_else(|e| panic!("{e}"));
    let c06 = entry(&portfolio, "C06");
    let (coop, _) = audited(c06, meeting()).unwrap_or_else(|| panic!("C06"));
    let script = scripted("C06", meeting()).unwrap_or_else(|| panic!("C06"));
    assert_eq!(coop.stage(), script.stage());
    assert_eq!(
        coop.stage_history().first().map(|(_, on)| *on),
        Some(day(2022, 10, 10))
    );
    assert_eq!(
        coop.kb().and_then(|kb| kb.term).map(|t| t.ends_on),
        Some(day(2028, 2, 14))
    );
    assert_eq!(coop.dprd_decisions().len(), 3);
    assert!(coop.has_secretariat());
    assert_eq!(coop.evaluations().len(), 1);
}

// ---------------------------------------------------------------------------------------
// Bad input.

const HEADER: &str = "no_register,judul,jenis,pihak,urusan,kb_tanggal,kb_penandatangan,kb_berakhir,dprd_syarat,evaluasi";

fn good_row(id: &str) -> String {
    format!(
        "{id},Pangan,ksdd_sukarela,73.14 Kabupaten Sidenreng Rappang; 73.73 Kota Palopo,pangan,03/04/2024,73.14 Bupati Sidenreng Rappang (kepala_daerah); 73.73 Wali Kota Palopo (kepala_daerah),02/04/2029,tidak,"
    )
}

fn import(text: &str) -> Result<Portfolio, ImportError> {
    import_csv(text.as_bytes(), &options())
}

fn rejected(text: &str) -> Vec<RejectedRow> {
    match import(text) {
        Err(ImportError::Rejected { file, rows }) => {
            assert_eq!(file, "sidrap-2024.csv");
            rows
        }
        other => panic!("not rejected rows: {other:?}"),
    }
}

/// The one rejected row of `text`: its row, column and reason.
fn one_rejected(text: &str) -> (u64, Option<String>, String) {
    let rows = rejected(text);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = rows.into_iter().next().unwrap_or_else(|| panic!("none"));
    (row.row, row.column, row.reason)
}

#[test]
fn a_good_row_imports() {
    let text = format!("{HEADER}\n{}\n", good_row("KS-1"));
    let portfolio = import(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(portfolio.entries.len(), 1);
}

#[test]
fn an_empty_file_and_a_header_without_rows_are_empty() {
    assert_eq!(
        import(""),
        Err(ImportError::Empty {
            file: "sidrap-2024.csv".into(),
            what: "no header and no row",
        })
    );
    let header_only = import(&format!("{HEADER}\n\n,,,\n"));
    assert!(
        matches!(&header_only, Err(ImportError::Empty { what, .. }) if what.contains("no row")),
        "{header_only:?}"
    );
    let message = header_only.map(|_| ()).unwrap_err().to_string();
    assert!(message.starts_with("sidrap-2024.csv: "), "{message}");
}

#[test]
fn a_file_separated_by_another_delimiter_is_named() {
    let text = format!(
        "{}\n{}\n",
        HEADER.replace(',', ";"),
        good_row("KS-1").replace(',', ";")
    );
    assert_eq!(
        import(&text),
        Err(ImportError::WrongDelimiter {
            file: "sidrap-2024.csv".into(),
            expected: ',',
            found: ';',
        })
    );
    // Declared, the same file reads.
    let options = options().with_delimiter(b';');
    let cells = good_row("KS-1").replace(';', "\n").replace(',', ";");
    let quoted: Vec<String> = cells.split(';').map(|cell| format!("\"{cell}\"")).collect();
    let text = format!("{}\n{}\n", HEADER.replace(',', ";"), quoted.join(";"));
    let portfolio = import_csv(text.as_bytes(), &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(portfolio.entries.len(), 1);
}

#[test]
fn missing_unknown_and_duplicated_columns_are_listed_by_name() {
    let text = "no_register,judul,pihak\nKS-1,Pangan,73.14\n";
    assert_eq!(
        import(text),
        Err(ImportError::MissingColumns {
            file: "sidrap-2024.csv".into(),
            columns: vec!["jenis".into(), "urusan".into()],
        })
    );
    let text = format!("{HEADER},kb_tangal,Keterangan\n{}x,y\n", good_row("KS-1"));
    assert_eq!(
        import(&text),
        Err(ImportError::UnknownColumns {
            file: "sidrap-2024.csv".into(),
            columns: vec!["kb_tangal".into()],
        })
    );
    let text = format!("{HEADER},title\n{}x\n", good_row("KS-1"));
    assert_eq!(
        import(&text),
        Err(ImportError::DuplicateColumns {
            file: "sidrap-2024.csv".into(),
            columns: vec!["judul".into()],
        })
    );
    // English headers are accepted as well.
    let english =
        "id,title,kind,parties,affairs,kb_signed,kb_signatories,kb_end,dprd_gate,evaluations";
    let portfolio =
        import(&format!("{english}\n{}\n", good_row("KS-1"))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(portfolio.entries.len(), 1);
}

#[test]
fn an_unknown_or_ill_formed_region_code_names_the_column() {
    for (code, says) in [
        ("73.70", "kab/kota code must be"),
        ("7373", "not a kode wilayah"),
        ("05.01", "province code must be"),
    ] {
        let text = format!(
            "{HEADER}\n{}\n",
            good_row("KS-1").replace("73.73 Kota", &format!("{code} Kota"))
        );
        let (row, column, reason) = one_rejected(&text);
        assert_eq!((row, column.as_deref()), (1, Some("pihak")), "{code}");
        assert!(reason.contains(says), "{code}: {reason}");
    }
    // A code that is well formed but not a party, in a signatory cell.
    let text = format!(
        "{HEADER}\n{}\n",
        good_row("KS-1").replace("73.73 Wali", "73.15 Wali")
    );
    let (_, column, reason) = one_rejected(&text);
    assert_eq!(column.as_deref(), Some("kb_penandatangan"));
    assert!(
        reason.contains("73.15 is not one of the row's parties"),
        "{reason}"
    );
}

#[test]
fn a_well_formed_code_outside_the_table_of_regions_is_unknown() {
    let options =
        options().with_known_regions(sample::SampleRegion::ALL.map(sample::SampleRegion::code));
    let good = format!("{HEADER}\n{}\n", good_row("KS-1"));
    assert!(import_csv(good.as_bytes(), &options).is_ok());
    let text = good.replace("73.73", "73.50");
    let error = import_csv(text.as_bytes(), &options)
        .map(|_| ())
        .unwrap_err();
    let rows = error.rejected_rows();
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = rows.first().unwrap_or_else(|| panic!("none"));
    assert_eq!((row.row, row.column.as_deref()), (1, Some("pihak")));
    assert!(
        row.reason
            .contains("`73.50` is not in the table of region codes"),
        "{}",
        row.reason
    );
    // Without a table every well-formed code is taken.
    assert!(import(&text).is_ok());
}

#[test]
fn a_date_in_another_format_is_refused_never_guessed() {
    let text = format!(
        "{HEADER}\n{}\n",
        good_row("KS-1").replace("03/04/2024", "2024-04-03")
    );
    let (row, column, reason) = one_rejected(&text);
    assert_eq!((row, column.as_deref()), (1, Some("kb_tanggal")));
    assert!(
        reason.contains("another date format") && reason.contains("DD/MM/YYYY"),
        "{reason}"
    );
    // 13/04/2024 is no month-first date.
    let text = format!(
        "{HEADER}\n{}\n",
        good_row("KS-1").replace("03/04/2024", "13/04/2024")
    );
    let options = options().with_date_order(DateOrder::MonthDayYear);
    let error = import_csv(text.as_bytes(), &options)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        error
            .rejected_rows()
            .first()
            .and_then(|r| r.column.as_deref()),
        Some("kb_tanggal")
    );
}

#[test]
fn an_end_before_the_start_names_the_end_column() {
    let text = format!(
        "{HEADER}\n{}\n",
        good_row("KS-1").replace("02/04/2029", "02/04/2023")
    );
    let (row, column, reason) = one_rejected(&text);
    assert_eq!((row, column.as_deref()), (1, Some("kb_berakhir")));
    assert!(reason.contains("before it starts"), "{reason}");
}

#[test]
fn a_duplicated_id_is_rejected_at_its_second_row() {
    let text = format!("{HEADER}\n{}\n{}\n", good_row("KS-1"), good_row(" ks-1 "));
    let (row, column, reason) = one_rejected(&text);
    assert_eq!((row, column.as_deref()), (2, Some("no_register")));
    assert!(reason.contains("row 1"), "{reason}");
}

#[test]
fn an_unknown_kind_is_rejected_with_the_known_ones() {
    let text = format!(
        "{HEADER}\n{}\n",
        good_row("KS-1").replace("ksdd_sukarela", "mou")
    );
    let (row, column, reason) = one_rejected(&text);
    assert_eq!((row, column.as_deref()), (1, Some("jenis")));
    assert!(
        reason.contains("`mou`") && reason.contains("ksdpk_a"),
        "{reason}"
    );
}

#[test]
fn steps_out_of_the_order_of_the_procedure_are_audited_and_rejected() {
    // A date going backwards within the procedure: PKS drafting before the KB.
    let header = format!("{HEADER},tahapan");
    let text = format!("{header}\n{},01/03/2024 penyusunan_pks\n", good_row("KS-1"));
    let (_, column, reason) = one_rejected(&text);
    assert_eq!(column.as_deref(), Some("tahapan"));
    assert!(reason.contains("tanggal mundur"), "{reason}");
    // An evaluation dated before the PKS it evaluates.
    let header = format!("{HEADER},pks_tanggal,pks_penandatangan,pks_berakhir");
    let row = good_row("KS-1").replace(",tidak,", ",tidak,01/05/2024 lanjut");
    let text = format!(
        "{header}\n{row},01/06/2024,73.14 Bupati Sidenreng Rappang (kepala_daerah); 73.73 Wali Kota Palopo (kepala_daerah),31/05/2026\n"
    );
    let (_, column, reason) = one_rejected(&text);
    assert_eq!(column.as_deref(), Some("evaluasi"));
    assert!(
        reason.contains("before entry into force") || reason.contains("tanggal mundur"),
        "{reason}"
    );
}

#[test]
fn a_regime_before_pp_50_2007_is_rejected_under_ksd_trans_01() {
    let text = format!(
        "{HEADER}\n{}\n",
        good_row("KS-1").replace("03/04/2024", "03/04/2006")
    );
    let rows = rejected(&text);
    let row = rows.first().unwrap_or_else(|| panic!("none"));
    assert_eq!(row.column.as_deref(), Some("kb_tanggal"));
    assert_eq!(row.rule, Some(KSD_TRANS_01));
}

#[test]
fn three_bad_rows_are_all_reported_and_nothing_is_imported() {
    let text = format!(
        "{HEADER}\n{}\n{}\n{}\n{}\n",
        good_row("KS-1").replace("ksdd_sukarela", "kerjasama"),
        good_row("KS-2"),
        good_row("KS-3").replace("03/04/2024", "3rd April"),
        good_row("KS-4").replace("73.73 Kota", "73.00 Kota"),
    );
    let rows = rejected(&text);
    let found: Vec<(u64, Option<&str>)> =
        rows.iter().map(|r| (r.row, r.column.as_deref())).collect();
    assert_eq!(
        found,
        [
            (1, Some("jenis")),
            (3, Some("kb_tanggal")),
            (4, Some("pihak"))
        ]
    );
    let message = import(&text).map(|_| ()).unwrap_err().to_string();
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 3, "{message}");
    assert!(lines.iter().all(|l| l.starts_with("sidrap-2024.csv: row ")));
    assert!(
        lines
            .first()
            .is_some_and(|l| l.contains("row 1 (line 2), column `jenis`")),
        "{message}"
    );
}

#[test]
fn a_row_with_several_bad_cells_reports_each_cell() {
    let text = format!(
        "{HEADER}\n{}\n",
        good_row("KS-1")
            .replace("ksdd_sukarela", "kerjasama")
            .replace(",pangan,", ",sembako,")
            .replace("02/04/2029", "sometime")
    );
    let rows = rejected(&text);
    let columns: Vec<Option<&str>> = rows.iter().map(|r| r.column.as_deref()).collect();
    assert_eq!(
        columns,
        [Some("jenis"), Some("urusan"), Some("kb_berakhir")]
    );
    assert!(rows.iter().all(|r| r.row == 1));
}

// ---------------------------------------------------------------------------------------
// Messy cells.

const MESSY: &str = "\u{feff}No. Register,Judul,Jenis,Prakarsa,Pihak,Urusan,KB Nomor,KB Tanggal,KB Penandatangan,KB Berakhir,PKS Nomor,PKS Tanggal,PKS Penandatangan,PKS Surat Kuasa,PKS Berakhir,PKS Klausul,DPRD Syarat,Evaluasi,Keterangan\r
KS-7,\"Wisata \"\"Danau\"\"\",ksdpk_a,daerah,\"73.14 Kabupaten Sidenreng Rappang;
73.73 Kota Palopo
PT Wisata Danau (badan usaha swasta)\",\"pariwisata
kelautan_perikanan\",\"73.14: ;
PT Wisata Danau: 12/KB/2024\",04/03/2024,\"73.14 Bupati Sidenreng Rappang (kepala_daerah)
73.73 Wali Kota Palopo (kepala_daerah)
PT Wisata Danau: Direktur Utama (direktur, akta pendirian)\",3 tahun,,05/04/2024,\"73.14 Kepala Dinas Pariwisata; 73.73 Plt Kepala Dinas Pariwisata (kepala_opd)
PT Wisata Danau: Direktur\",\"73.14 SK-2/2024, 01/04/2024, Bupati Sidenreng Rappang
73.73 ya\",04/04/2027,\"hak_kewajiban, jangka_waktu; penyelesaian_sengketa
sanksi\",tidak,5 Agustus 2024,dicatat ulang dari buku register\r
";

#[test]
fn messy_cells_read_line_breaks_quotes_blank_numbers_and_several_partners() {
    let portfolio = import_csv(MESSY.as_bytes(), &options()).unwrap_or_else(|e| panic!("{e}"));
    let entry = entry(&portfolio, "KS-7");
    let (coop, _) = audited(entry, day(2024, 12, 31)).unwrap_or_else(|| panic!("KS-7"));
    let spec = coop.spec().unwrap_or_else(|| panic!("no spec"));
    assert_eq!(spec.title, "Wisata \"Danau\"");
    assert_eq!(spec.parties.len(), 3);
    assert_eq!(spec.object.urusan.len(), 2);
    let kb = coop.kb().unwrap_or_else(|| panic!("no KB"));
    assert_eq!(kb.signed_on, day(2024, 3, 4), "D/M/Y as declared");
    assert_eq!(kb.numbers.len(), 1, "the blank number is not recorded");
    assert_eq!(kb.signatories.len(), 3);
    assert_eq!(kb.term.map(|t| t.ends_on), Some(day(2027, 3, 3)));
    let pks = coop.pks().first().unwrap_or_else(|| panic!("no PKS"));
    assert!(pks.numbers.is_empty());
    let capacities: Vec<(SignatoryCapacity, bool, bool)> = pks
        .signatories
        .iter()
        .map(|s| (s.capacity, s.acting, s.surat_kuasa.is_some()))
        .collect();
    assert_eq!(
        capacities,
        [
            (SignatoryCapacity::KepalaOpd, false, true),
            (SignatoryCapacity::KepalaOpd, true, true),
            (SignatoryCapacity::ThirdPartyRepresentative, false, false),
        ]
    );
    assert_eq!(pks.clauses.len(), 4);
    assert_eq!(coop.stage(), Stage::InForce);
    assert_eq!(
        coop.evaluations().first().map(|(on, _)| *on),
        Some(day(2024, 8, 5))
    );
}

#[test]
fn the_declared_date_order_decides_what_04_03_2024_means() {
    let dmy = import_csv(MESSY.as_bytes(), &options()).unwrap_or_else(|e| panic!("{e}"));
    let (coop, _) =
        audited(entry(&dmy, "KS-7"), day(2024, 12, 31)).unwrap_or_else(|| panic!("dmy"));
    assert_eq!(coop.kb().map(|kb| kb.signed_on), Some(day(2024, 3, 4)));
    // The same cells read month first: the KB of 3 April, the PKS of 4 May.
    let mdy = import_csv(
        MESSY.as_bytes(),
        &options().with_date_order(DateOrder::MonthDayYear),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (coop, _) =
        audited(entry(&mdy, "KS-7"), day(2024, 12, 31)).unwrap_or_else(|| panic!("mdy"));
    assert_eq!(coop.kb().map(|kb| kb.signed_on), Some(day(2024, 4, 3)));
    assert_eq!(
        coop.pks().first().map(|p| p.signed_on),
        Some(day(2024, 5, 4))
    );
    // ISO declared: every numeric date of this file is in another format.
    let iso = import_csv(MESSY.as_bytes(), &options().with_date_order(DateOrder::Iso));
    let columns: Vec<Option<String>> = iso
        .map(|_| ())
        .unwrap_err()
        .rejected_rows()
        .iter()
        .map(|r| r.column.clone())
        .collect();
    assert!(columns.contains(&Some("kb_tanggal".into())), "{columns:?}");
    assert!(columns.contains(&Some("pks_tanggal".into())), "{columns:?}");
}

#[test]
fn a_non_utf8_cell_is_a_rejected_cell_with_its_column() {
    let mut bytes = format!("{HEADER}\n").into_bytes();
    bytes.extend(
        good_row("KS-1")
            .replace("Pangan", "Pangan \u{0}")
            .into_bytes(),
    );
    let text = String::from_utf8(bytes.clone()).unwrap_or_default();
    let at = text.find('\u{0}').unwrap_or_default();
    if let Some(byte) = bytes.get_mut(at) {
        *byte = 0xff;
    }
    let error = import_csv(bytes.as_slice(), &options())
        .map(|_| ())
        .unwrap_err();
    let row = error
        .rejected_rows()
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("{error:?}"));
    assert_eq!(row.column.as_deref(), Some("judul"));
    assert!(row.reason.contains("UTF-8"));
}

#[test]
fn an_unreadable_path_is_a_file_error() {
    let error = import_csv_path(
        "/nonexistent/register.csv",
        &ImportOptions::new(KodeWilayah::SIDRAP),
    )
    .map(|_| ())
    .unwrap_err();
    assert!(
        matches!(&error, ImportError::Unreadable { file, .. } if file == "/nonexistent/register.csv")
    );
}

// ---------------------------------------------------------------------------------------
// No panic, whatever the input.

mod never_panics {
    use proptest::prelude::*;

    use super::*;

    fn cell() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "73.14",
                "73.73",
                "7314",
                "99.70",
                " ",
                ";",
                "\n",
                "|",
                ":",
                ",",
                "\"",
                "(",
                ")",
                "03/04/2024",
                "2024-04-03",
                "31/02/2024",
                "5 tahun",
                "tidak",
                "A",
                "B",
                "ksdd",
                "ksdd_wajib",
                "ksdpk_b",
                "sinergi",
                "pangan",
                "PT X (bumn)",
                "Kementerian Y",
                "persiapan",
                "pemetaan",
                "koordinasi_teknis",
                "proposal_diterima",
                "studi_kelayakan",
                "penyusunan_pks",
                "diajukan_dprd",
                "sekretariat",
                "(sekda)",
                "(kepala_daerah)",
                "lanjut",
                "–",
                "ya",
                "x",
                "é",
                "\u{0}",
            ]),
            0..8,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            let _ = import_csv(bytes.as_slice(), &options());
        }

        #[test]
        fn arbitrary_cells_under_a_real_header_never_panic(
            rows in prop::collection::vec(prop::collection::vec(cell(), 31), 1..4),
            order in prop::sample::select(vec![DateOrder::DayMonthYear, DateOrder::MonthDayYear, DateOrder::Iso]),
        ) {
            let header = std::fs::read_to_string(SIDRAP_CSV)
                .ok()
                .and_then(|text| text.lines().next().map(str::to_owned))
                .unwrap_or_default();
            let mut writer = csv_text(&header);
            for row in &rows {
                writer.push_str(&row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(","));
                writer.push('\n');
            }
            let result = import_csv(writer.as_bytes(), &options().with_date_order(order));
            if let Err(ImportError::Rejected { rows: rejected, .. }) = &result {
                prop_assert!(!rejected.is_empty());
                prop_assert!(rejected.iter().all(|r| r.row >= 1 && r.row <= rows.len() as u64));
            }
        }
    }

    fn csv_text(header: &str) -> String {
        format!("{header}\n")
    }
}
