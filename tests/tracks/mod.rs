//! Sample scripts edited or extended for rule and authority tests: lines that pass through
//! every stage of their track (DPRD approval included), a case without one of its parties,
//! and small edits of single steps. Kept apart from `common` so that helper stays small.
#![allow(dead_code)] // each test file uses a part of it

use chrono::NaiveDate;
use kerjasama::lifecycle::{Command, CommandKind};
use kerjasama::model::{
    Actor, Clause, Criterion, Document, DocumentKind, DprdGate, InitiativeCriteria, KodeWilayah,
    Party, PartyId, ReviewPoint, Role, Signatory, SignatoryCapacity, Term, Track,
};
use kerjasama::sample::{self, Scenario, Step};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// DPRD gate flags.
pub fn gate(
    burdens_community: bool,
    burdens_region: bool,
    not_budgeted_in_current_apbd: bool,
) -> DprdGate {
    DprdGate::not_required("penilaian uji (test assessment)")
        .with_burdens_community(burdens_community)
        .with_burdens_region(burdens_region)
        .with_not_budgeted(not_budgeted_in_current_apbd)
}

/// `AssessDprdGate` for `region` with flag B only.
pub fn assess(region: KodeWilayah, not_budgeted: bool) -> Command {
    Command::AssessDprdGate {
        region,
        gate: gate(false, false, not_budgeted),
    }
}

pub use kerjasama::sample::{attest, review};

/// The signed document a step carries, if any.
pub fn document_mut(step: &mut Step) -> Option<&mut Document> {
    match &mut step.command {
        Command::SignHeadsAgreement { document }
        | Command::SignKb { document }
        | Command::SignPks { document }
        | Command::SignAddendum { document } => Some(document),
        _ => None,
    }
}

/// The first step of `kind`.
pub fn step_mut(scenario: &mut Scenario, kind: CommandKind) -> &mut Step {
    let case = scenario.case.clone();
    scenario
        .steps
        .iter_mut()
        .find(|s| s.command.kind() == kind)
        .unwrap_or_else(|| panic!("{case} has no {kind:?} step"))
}

/// The document of the first step of `kind`.
pub fn doc_of(scenario: &mut Scenario, kind: CommandKind) -> &mut Document {
    document_mut(step_mut(scenario, kind)).expect("a document step")
}

/// Sets the DPRD gate of `region` in its `AssessDprdGate` step.
pub fn set_gate(scenario: &mut Scenario, region: KodeWilayah, flags: DprdGate) {
    let step = scenario
        .steps
        .iter_mut()
        .find(|s| matches!(&s.command, Command::AssessDprdGate { region: r, .. } if *r == region))
        .expect("a gate step for the region");
    step.command = Command::AssessDprdGate {
        region,
        gate: flags,
    };
}

/// Replaces the first step of `kind` with `steps`.
pub fn replace_step(scenario: &mut Scenario, kind: CommandKind, steps: Vec<Step>) {
    let at = scenario
        .steps
        .iter()
        .position(|s| s.command.kind() == kind)
        .expect("a step to replace");
    scenario.steps.splice(at..=at, steps);
}

/// Removes every step of `kind`.
pub fn remove_steps(scenario: &mut Scenario, kind: CommandKind) {
    scenario.steps.retain(|s| s.command.kind() != kind);
}

fn step(actor: Actor, on: NaiveDate, command: Command) -> Step {
    Step::new(actor, on, command)
}

/// The third party of a KSDPK script, from its registration.
pub fn third_party_of(scenario: &Scenario) -> PartyId {
    match &scenario.steps[0].command {
        Command::Register { spec } => spec.third_party_ids()[0].clone(),
        _ => panic!("a script starts with its registration"),
    }
}

/// An actor of the third party.
pub fn third_party_actor(party: &PartyId) -> Actor {
    Actor::new(Role::ThirdParty, party.clone(), "Direksi pihak ketiga")
}

/// A third party's authorised representative with a basis of authority.
pub fn representative(party: &PartyId) -> Signatory {
    Signatory::representative(
        party.clone(),
        "Direktur Utama (fiktif)",
        "Direktur Utama",
        "Akta pendirian dan SK pengangkatan direksi",
    )
}

/// The head of a region signing in person.
pub fn head_signs(code: KodeWilayah) -> Signatory {
    Signatory::head(code, "Kepala daerah (fiktif)", "Kepala daerah")
}

/// A kepala OPD signing, with or without a surat kuasa.
pub fn kepala_opd_signs(code: KodeWilayah, kuasa: Option<(&str, NaiveDate)>) -> Signatory {
    let official = Signatory::official(
        code,
        "Kepala Dinas (fiktif)",
        "Kepala Dinas",
        SignatoryCapacity::KepalaOpd,
    );
    match kuasa {
        Some((number, date)) => official.with_kuasa_from(number, date, "Kepala daerah (fiktif)"),
        None => official,
    }
}

/// A signed document with one number per signatory.
pub fn signed(
    id: &str,
    kind: DocumentKind,
    on: NaiveDate,
    signatories: Vec<Signatory>,
) -> Document {
    sample::document(id, kind, &format!("{kind:?} {id}"), on, signatories)
}

/// The four minimum clauses of KSD-DOC-02.
pub fn minimum_clauses() -> std::collections::BTreeSet<Clause> {
    [
        Clause::RightsAndObligations,
        Clause::Term,
        Clause::DisputeSettlement,
        Clause::Sanctions,
    ]
    .into()
}

/// C01 with Sidrap's gate B true: the head submits to the DPRD and the DPRD of Sidrap
/// approves instead of going straight to PKS drafting.
pub fn c01_with_dprd() -> Scenario {
    let s = sample::sidrap();
    let mut scenario = sample::c01_commodities();
    set_gate(&mut scenario, s, gate(false, false, true));
    let on = step_mut(&mut scenario, CommandKind::StartPksDrafting).on;
    replace_step(
        &mut scenario,
        CommandKind::StartPksDrafting,
        vec![
            step(sample::head(s), on, Command::SubmitToDprd),
            step(
                sample::dprd(s),
                on,
                Command::ApproveDprd {
                    reference: "Keputusan DPRD Sidrap (uji)".into(),
                },
            ),
        ],
    );
    scenario
}

/// C08 with Sidrap's gate B true: submission to and approval by the DPRD of Sidrap; the
/// third party has no DPRD (KSD-DPRD-02).
pub fn c08_with_dprd() -> Scenario {
    let s = sample::sidrap();
    let mut scenario = sample::c08_referral();
    set_gate(&mut scenario, s, gate(false, false, true));
    replace_step(
        &mut scenario,
        CommandKind::StartPksDrafting,
        vec![
            step(sample::head(s), d(2021, 10, 5), Command::SubmitToDprd),
            step(
                sample::dprd(s),
                d(2021, 10, 20),
                Command::ApproveDprd {
                    reference: "Keputusan DPRD Sidrap 21/2021 (uji)".into(),
                },
            ),
        ],
    );
    scenario
}

/// C09 carried on past 2024-08-14 (synthetic): criteria met, proposal accepted, KB, the DPRD
/// of Sidrap when `dprd_gate`, PKS under surat kuasa with the four clauses, in force.
pub fn c09_to_in_force(dprd_gate: bool) -> Scenario {
    let s = sample::sidrap();
    let mut scenario = sample::c09_tourism();
    let company = third_party_of(&scenario);
    let met = Criterion::met;
    let mut kb = signed(
        "KB-WISATA-2024",
        DocumentKind::Kb,
        d(2024, 9, 2),
        vec![head_signs(s), representative(&company)],
    );
    kb.term = Term::years(d(2024, 9, 2), 10);
    let mut pks = signed(
        "PKS-WISATA-2024",
        DocumentKind::Pks,
        d(2024, 11, 15),
        vec![
            kepala_opd_signs(s, Some(("SK-21/2024", d(2024, 11, 1)))),
            representative(&company),
        ],
    );
    pks.term = Term::years(d(2024, 11, 15), 10);
    pks.under_kb = Some(kb.id.clone());
    pks.clauses = minimum_clauses();
    let dinas = || sample::opd(s, "Dinas Pariwisata");
    let mut steps = vec![
        step(
            sample::clerk(s),
            d(2024, 7, 15),
            Command::AssessCriteria {
                criteria: InitiativeCriteria::new(
                    met("RIPPARDA Sidrap 2020–2035 (fiktif)"),
                    met("studi kelayakan bab VII: IRR 14%"),
                    met("laporan keuangan teraudit 2023"),
                ),
            },
        ),
        step(sample::clerk(s), d(2024, 7, 16), attest()),
        step(sample::tkksd(s), d(2024, 7, 20), review(ReviewPoint::Offer)),
        step(sample::clerk(s), d(2024, 7, 22), assess(s, dprd_gate)),
        step(sample::head(s), d(2024, 8, 1), Command::AcceptProposal),
        step(dinas(), d(2024, 8, 5), Command::StartKbDrafting),
        step(
            sample::tkksd(s),
            d(2024, 8, 20),
            review(ReviewPoint::KbSigning),
        ),
        step(
            sample::clerk(s),
            d(2024, 9, 2),
            Command::SignKb { document: kb },
        ),
    ];
    if dprd_gate {
        steps.push(step(sample::head(s), d(2024, 9, 10), Command::SubmitToDprd));
        steps.push(step(
            sample::dprd(s),
            d(2024, 10, 15),
            Command::ApproveDprd {
                reference: "Keputusan DPRD Sidrap 9/2024 (fiktif)".into(),
            },
        ));
    } else {
        steps.push(step(dinas(), d(2024, 9, 10), Command::StartPksDrafting));
    }
    steps.extend([
        step(
            sample::tkksd(s),
            d(2024, 11, 1),
            review(ReviewPoint::PksSigning),
        ),
        step(
            sample::clerk(s),
            d(2024, 11, 15),
            Command::SignPks { document: pks },
        ),
        step(sample::clerk(s), d(2024, 11, 15), Command::EnterIntoForce),
    ]);
    scenario.steps.extend(steps);
    scenario
}

/// A script of `track` that passes through every stage the track's rows leave from,
/// DPRD approval included.
pub fn line(track: Track) -> Scenario {
    let mut scenario = match track {
        Track::KsddWajib => sample::c06_landfill(),
        Track::KsddSukarela => c01_with_dprd(),
        Track::KsdpkRegion => c08_with_dprd(),
        _ => c09_to_in_force(true),
    };
    // Then the term runs out and the expiry is recorded, so the line also reaches `Ended`.
    let end = scenario
        .steps
        .iter()
        .filter_map(|s| match &s.command {
            Command::SignPks { document } => document.term.map(|t| t.ends_on),
            _ => None,
        })
        .max()
        .expect("a line signs a PKS with a term");
    let after = end.succ_opt().expect("a day after the term");
    scenario.steps.push(step(
        sample::clerk(sample::sidrap()),
        after,
        Command::RecordExpiry,
    ));
    scenario
}

/// The scenario without the region `code`: its actors' steps dropped, its signatures and
/// numbers removed from every document, and the party removed from the registration.
pub fn without_region(mut scenario: Scenario, code: KodeWilayah) -> Scenario {
    let gone = PartyId::Region(code);
    scenario
        .steps
        .retain(|s| s.actor.party.as_ref() != Some(&gone));
    scenario.steps.retain(
        |s| !matches!(&s.command, Command::AssessDprdGate { region, .. } if *region == code),
    );
    scenario.steps.retain(
        |s| !matches!(&s.command, Command::FileMapping { mapping } if mapping.region == code),
    );
    for step in &mut scenario.steps {
        if let Command::Register { spec } = &mut step.command {
            spec.parties
                .retain(|p| !matches!(p, Party::Region(r) if r.code == code));
            spec.funding.retain(|f| f.party != gone);
            let codes = spec.region_codes();
            spec.borders = spec.borders.among(&codes);
        }
        if let Some(document) = document_mut(step) {
            document.signatories.retain(|s| s.party != gone);
            document.numbers.retain(|n| n.party != gone);
        }
    }
    scenario
}
