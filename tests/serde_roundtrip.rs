//! Serde JSON round trips (ARCHITECTURE.md invariant 4): for every public data type, `from_str`
//! of `to_string` gives the value back; unknown fields and unknown enum values are errors; a
//! malformed region code is an error that names the code.
//!
//! Values come from the sample scripts (commands, the events they produce, every intermediate
//! state) plus hand-built ones for the variants the samples do not use. Each "every variant"
//! test checks its coverage against the wire tags, so a new variant without a value here fails.

use std::collections::BTreeSet;
use std::fmt::Debug;

use chrono::NaiveDate;
use kerjasama::law::{
    BurdenReading, Citation, KSD_DOC_07, KSD_STAGE_01, KSD_TERM_01, KbSignatoryPolicy,
    OnDprdRefusal, Policy, Rule, RuleSet, RuleSetRef, SectorTermOverride, Severity, TermSector,
    TkksdReviewPolicy, WajibBorderRule, rules,
};
use kerjasama::lifecycle::{
    AuthorityProblem, Command, CommandKind, Cooperation, CooperationSpec, DprdDecision, EndGround,
    Event, EventKind, Finding, GroundEvidence, Rejection, Stage, Violation,
};
use kerjasama::model::*;
use kerjasama::sample::{self, Scenario};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn code(text: &str) -> KodeWilayah {
    text.parse().expect("valid test code")
}

/// Asserts the JSON round trip of `value` is the identity, and returns its JSON.
#[track_caller]
fn round_trip<T>(value: &T) -> Value
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let text =
        serde_json::to_string(value).unwrap_or_else(|e| panic!("serialising {value:?}: {e}"));
    let back: T =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("deserialising {text}: {e}"));
    assert_eq!(&back, value, "round trip via {text}");
    // Pretty JSON (what a person edits) reads back the same too.
    let pretty = serde_json::to_string_pretty(value).expect("serialisable");
    let back: T =
        serde_json::from_str(&pretty).unwrap_or_else(|e| panic!("deserialising {pretty}: {e}"));
    assert_eq!(&back, value, "pretty round trip via {pretty}");
    serde_json::from_str(&text).expect("valid JSON")
}

/// The wire tag of an internally tagged value.
fn tag(value: &Value, key: &str) -> String {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("no `{key}` tag in {value}"))
        .to_owned()
}

// ---------------------------------------------------------------------------------------------
// Hand-built values
// ---------------------------------------------------------------------------------------------

fn company() -> ThirdParty {
    ThirdParty::new(
        "pt-uji",
        "PT Uji (fiktif)",
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::Bumd,
        },
    )
}

fn company_id() -> PartyId {
    PartyId::ThirdParty("pt-uji".into())
}

/// A signatory with every optional field set.
fn full_signatory() -> Signatory {
    let mut signatory = Signatory::official(
        sample::sidrap(),
        "Kepala Dinas (fiktif)",
        "Kepala Dinas PUPR Kabupaten Sidenreng Rappang",
        SignatoryCapacity::KepalaOpd,
    )
    .as_acting()
    .with_kuasa("SK-01/2024", d(2024, 5, 1));
    signatory.authority_basis = Some("Peraturan Bupati 1/2024".into());
    signatory
}

/// A document with every optional field set.
fn full_document() -> Document {
    let mut document = Document::pks("PKS-UJI-2024", d(2024, 5, 6))
        .title("Perjanjian Kerja Sama uji — “kutipan” & \\ garis miring")
        .signed_by(full_signatory())
        .signed_by(Signatory::head(
            sample::parepare(),
            "Wali Kota (fiktif)",
            "Wali Kota Parepare",
        ))
        .signed_by(Signatory::representative(
            company_id(),
            "Direktur (fiktif)",
            "Direktur Utama",
            "Akta 12/2020",
        ))
        .number(sample::sidrap(), "075/13/PKS/B.PEM/VI/2024")
        .term_years(5)
        .under_kb("KB-UJI-2024")
        .parties([PartyId::Region(sample::sidrap()), company_id()])
        .clauses([
            Clause::RightsAndObligations,
            Clause::Term,
            Clause::DisputeSettlement,
            Clause::Sanctions,
            Clause::Subject,
            Clause::Object,
            Clause::Scope,
            Clause::Financing,
            Clause::ForceMajeure,
            Clause::Termination,
            Clause::Amendment,
        ])
        .build()
        .expect("a valid document");
    // A PKS amends nothing; set anyway, so that every optional field is.
    document.amends = Some(DocumentId("KB-UJI-2024".into()));
    document
}

fn all_kinds() -> Vec<CooperationKind> {
    let mut kinds = vec![
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Wajib),
        },
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Sukarela),
        },
        CooperationKind::Ksdd { category: None },
        CooperationKind::Ksdpl,
        CooperationKind::Ksdll,
    ];
    let types = [
        KsdpkType::PublicService,
        KsdpkType::AssetUtilisation,
        KsdpkType::Investment,
        KsdpkType::InfrastructureProvision,
        KsdpkType::Procurement,
        KsdpkType::Other,
    ];
    for (i, ksdpk_type) in types.into_iter().enumerate() {
        kinds.push(CooperationKind::Ksdpk {
            ksdpk_type,
            initiative: if i % 2 == 0 {
                Initiative::Region
            } else {
                Initiative::ThirdParty
            },
            type_description: (ksdpk_type == KsdpkType::Other).then(|| "sewa menara".into()),
        });
    }
    kinds
}

/// Every party variant, every third-party kind.
fn all_parties() -> Vec<Party> {
    vec![
        Party::region(sample::sidrap(), "Kabupaten Sidenreng Rappang"),
        Party::region(sample::sulsel(), "Provinsi Sulawesi Selatan"),
        Party::third_party(company()),
        Party::third_party(ThirdParty::new(
            "nik-123",
            "Perseorangan",
            ThirdPartyKind::Individual,
        )),
        Party::third_party(ThirdParty::new(
            "ormas-1",
            "Perkumpulan",
            ThirdPartyKind::Organisation { legal_entity: true },
        )),
        Party::CentralAgency {
            name: "Kementerian PUPR".into(),
        },
    ]
}

/// A spec with every optional field set.
fn full_spec() -> CooperationSpec {
    let mut borders = BorderTable::new();
    borders.insert(sample::sidrap(), sample::parepare());
    let mut object = CooperationObject::off_plan(
        "Objek",
        Urusan::ALL.iter().copied(),
        OffPlanReason::NationalStrategicProgramme,
    )
    .with_tags(["tag"])
    .with_cross_border_externality(true)
    .with_joint_efficiency_rationale("efisien");
    // Off the plan yet with a plan reference, so that every optional field is set.
    object.plan_reference = Some("RPJMD".into());
    let mut spec = CooperationSpec::builder()
        .id(CooperationId(uuid::Uuid::from_u128(
            0x0190_0000_0000_7000_8000_0000_0000_00ff,
        )))
        .title("Uji lengkap")
        .kind(CooperationKind::Ksdpk {
            ksdpk_type: KsdpkType::Other,
            initiative: Initiative::Region,
            type_description: Some("sewa menara".into()),
        })
        .parties(all_parties())
        .initiator(sample::sidrap())
        .object(object)
        .funding(Funding::new(
            sample::sidrap(),
            Rupiah(u64::MAX),
            FundingSource::Apbd,
        ))
        .funding(Funding::new(
            company_id(),
            Rupiah(0),
            FundingSource::ThirdParty,
        ))
        .sectoral_regime("PP 27/2014")
        .proposed_term_years(30)
        .renews(CooperationId(uuid::Uuid::from_u128(1)))
        .lead_opd("Dinas PUPR")
        .build()
        .expect("a valid spec");
    // A pair with a region that is not a party: the builder would drop it.
    spec.borders = borders;
    spec
}

fn record(reference: &str) -> Record {
    Record::new(d(2024, 1, 2), reference)
}

fn study(author: PartyId, conclusion: Feasibility) -> FeasibilityStudy {
    FeasibilityStudy::new(author, "Studi", d(2024, 1, 3), conclusion)
}

/// `document` as another kind.
fn as_kind(document: &Document, kind: DocumentKind) -> Document {
    let mut document = document.clone();
    document.kind = kind;
    document
}

/// One command of every variant, with their data varied.
fn hand_built_commands() -> Vec<Command> {
    let doc = full_document();
    vec![
        Command::RecordExtension {
            successor: kerjasama::model::CooperationId(uuid::Uuid::from_u128(0xE7)),
        },
        Command::Register {
            spec: Box::new(full_spec()),
        },
        Command::BeginWajibProcedure,
        Command::FileMapping {
            mapping: AffairsMapping::new(
                sample::sidrap(),
                [Urusan::Pendidikan, Urusan::Transmigrasi],
            )
            .with_potentials(["potensi"])
            .with_needs(["kebutuhan"])
            .with_reported_on(d(2024, 2, 1)),
        },
        Command::HoldTechnicalCoordination {
            level: CoordinationLevel::Provincial,
        },
        Command::HoldTechnicalCoordination {
            level: CoordinationLevel::National,
        },
        Command::SignHeadsAgreement {
            document: as_kind(&doc, DocumentKind::HeadsAgreement),
        },
        Command::StartPreparation,
        Command::ReceiveProposal {
            letter_number: "001/PT/2024".into(),
            study: study(company_id(), Feasibility::FeasibleWithConditions),
        },
        Command::RequestRevision {
            note: "lengkapi".into(),
        },
        Command::AssessCriteria {
            criteria: InitiativeCriteria::new(
                Criterion::met("RIPPDA"),
                Criterion::default(),
                Criterion::not_met(""),
            ),
        },
        Command::AcceptProposal,
        Command::RejectProposal {
            reason: "tidak layak".into(),
        },
        Command::AttestLawfulness {
            attestation: LawfulnessAttestation::new("Bagian Hukum", "tidak bertentangan"),
        },
        Command::SubmitFeasibilityStudy {
            study: study(PartyId::Region(sample::sidrap()), Feasibility::NotFeasible),
        },
        Command::RecordTkksdReview {
            review: TkksdReview::new(ReviewPoint::PksSigning, Recommendation::Revise)
                .with_minutes("BA"),
        },
        Command::RecordTkksdReview {
            review: TkksdReview::new(ReviewPoint::KbSigning, Recommendation::Reject),
        },
        Command::AssessDprdGate {
            region: sample::sulsel(),
            gate: DprdGate::not_budgeted("belum dianggarkan").with_burdens_community(true),
        },
        Command::SendOffer {
            letter: OfferLetter::new("PENAWARAN/1", full_signatory()).with_kak_attached(true),
        },
        Command::AcceptOffer,
        Command::RejectOffer {
            reason: "tidak berminat".into(),
        },
        Command::Withdraw {
            reason: "ditarik".into(),
        },
        Command::StartKbDrafting,
        Command::SignKb {
            document: as_kind(&doc, DocumentKind::Kb),
        },
        Command::SubmitToDprd,
        Command::ApproveDprd {
            reference: "Keputusan DPRD 1/2024".into(),
        },
        Command::RefuseDprd {
            reason: "menolak".into(),
        },
        Command::StartPksDrafting,
        Command::SignPks {
            document: doc.clone(),
        },
        Command::EnterIntoForce,
        Command::RecordLeadershipChange {
            party: company_id(),
            new_office_holder: "Direktur baru".into(),
        },
        Command::SignAddendum {
            document: {
                let mut addendum = as_kind(&doc, DocumentKind::Addendum);
                addendum.term = None;
                addendum
            },
        },
        Command::EstablishSecretariat { continuous: false },
        Command::RaiseDispute {
            forum: DisputeForum::ContractClause,
            note: "sengketa".into(),
        },
        Command::RaiseDispute {
            forum: DisputeForum::InterRegionalRegime,
            note: String::new(),
        },
        Command::terminate(EndGround::ALL),
        Command::terminate([]),
        Command::terminate_by_agreement([Consent::new(
            sample::sidrap(),
            "Bupati Sidenreng Rappang",
            d(2025, 3, 3),
            "180/12/2025",
        )]),
        Command::terminate_with_evidence(EndGround::ObjectLost, record("berita acara")),
        Command::terminate_by_notice(WrittenNotice::new(
            sample::sidrap(),
            "surat 180/9/2025",
            d(2025, 1, 2),
        )),
        Command::Resume,
        Command::RecordExpiry,
        Command::TakeOver {
            takeover: Takeover::new(sample::sidrap(), TakeoverBy::Governor)
                .with_guidance(record("pembinaan"))
                .with_obstacle_evaluation(record("evaluasi"))
                .with_minister_approval(record("persetujuan Menteri")),
        },
        Command::TakeOver {
            takeover: Takeover::new(sample::sulsel(), TakeoverBy::CentralGovernment),
        },
        Command::Cancel {
            reason: "batal".into(),
        },
        // The legacy rule set's own commands (C10 issues the others).
        Command::TerminateEarly {
            notice: TerminationNotice::new(sample::wajo(), "180/1/2024", d(2024, 7, 1))
                .with_risks_borne(true)
                .with_object_completion("diselesaikan"),
        },
        Command::TerminateEarly {
            notice: TerminationNotice::new(company_id(), "", d(2024, 7, 1)),
        },
        Command::SendOffer {
            letter: OfferLetter::new("PENAWARAN/2016", full_signatory())
                .with_plan(CooperationPlan::new("biaya-manfaat", "RPJMD"))
                .with_copies(CopyRecipient::ALL),
        },
        Command::terminate(EndGround::LEGACY_ONLY.to_vec()),
        Command::RaiseDispute {
            forum: DisputeForum::PerLegislation,
            note: "sengketa".into(),
        },
    ]
}

fn sample_commands() -> Vec<Command> {
    sample::cases()
        .into_iter()
        .chain(sample::legacy_cases())
        .flat_map(|s| s.steps)
        .map(|s| s.command)
        .collect()
}

/// The events of every sample run (C10 under the legacy rule set).
fn sample_events() -> Vec<Event> {
    let mut events = Vec::new();
    for scenario in sample::legacy_cases() {
        let rules = RuleSet::legacy();
        let mut coop = Cooperation::new();
        for step in scenario.steps {
            events.extend(
                coop.execute(&step.command, &step.actor, step.on, &rules)
                    .expect("sample steps are accepted"),
            );
        }
    }
    let rules = RuleSet::current();
    for scenario in sample::cases() {
        let mut coop = Cooperation::new();
        for step in scenario.steps {
            events.extend(
                coop.execute(&step.command, &step.actor, step.on, &rules)
                    .expect("sample steps are accepted"),
            );
        }
    }
    events
}

/// Every intermediate state of every sample run.
fn sample_states() -> Vec<Cooperation> {
    let rules = RuleSet::current();
    let mut states = vec![Cooperation::new()];
    for scenario in sample::cases() {
        let mut coop = Cooperation::new();
        for step in scenario.steps {
            coop.execute(&step.command, &step.actor, step.on, &rules)
                .expect("sample steps are accepted");
            states.push(coop.clone());
        }
    }
    states
}

fn violation_with_field() -> Violation {
    Violation::new(
        KSD_DOC_07,
        Severity::Warning,
        Finding::KbSignedByNonHead {
            name: "Sekda".into(),
            office: "Sekretaris Daerah".into(),
        },
    )
    .at("document.signatories[0]")
}

fn hand_built_events() -> Vec<Event> {
    let on = d(2024, 6, 1);
    let doc = full_document();
    let kinds = vec![
        EventKind::ExtensionStarted {
            successor: kerjasama::model::CooperationId(uuid::Uuid::from_u128(0xE7)),
        },
        EventKind::Registered {
            spec: Box::new(full_spec()),
            rule_set: RuleSet::current().reference,
        },
        EventKind::MappingFiled {
            mapping: AffairsMapping::new(sample::pinrang(), []),
        },
        EventKind::TechnicalCoordinationHeld {
            level: CoordinationLevel::National,
        },
        EventKind::HeadsAgreementSigned {
            document: doc.clone(),
        },
        EventKind::ProposalReceived {
            letter_number: "1".into(),
            study: study(company_id(), Feasibility::Feasible),
        },
        EventKind::RevisionRequested { note: "n".into() },
        EventKind::CriteriaAssessed {
            criteria: InitiativeCriteria::default(),
        },
        EventKind::ProposalRejected { reason: "r".into() },
        EventKind::LawfulnessAttested {
            attestation: LawfulnessAttestation::new("a", "s"),
        },
        EventKind::FeasibilityStudySubmitted {
            study: study(PartyId::Region(sample::sidrap()), Feasibility::Feasible),
        },
        EventKind::TkksdReviewed {
            review: TkksdReview::new(ReviewPoint::Offer, Recommendation::Proceed).with_minutes("m"),
        },
        EventKind::DprdGateAssessed {
            region: sample::sidrap(),
            gate: DprdGate::not_required("j")
                .with_burdens_community(true)
                .with_burdens_region(true),
        },
        EventKind::OfferSent {
            letter: OfferLetter::new("n", full_signatory()).with_draft_kb_attached(true),
        },
        EventKind::OfferAccepted { by: company_id() },
        EventKind::OfferRejected {
            by: PartyId::Region(sample::palopo()),
            reason: "r".into(),
        },
        EventKind::Withdrawn { reason: "r".into() },
        EventKind::KbSigned {
            document: doc.clone(),
        },
        EventKind::DprdApproved {
            region: sample::parepare(),
            reference: "ref".into(),
        },
        EventKind::DprdRefused {
            region: sample::pinrang(),
            reason: "r".into(),
        },
        EventKind::PksSigned {
            document: doc.clone(),
        },
        EventKind::LeadershipChanged {
            party: PartyId::Region(sample::sidrap()),
            new_office_holder: "Pj Bupati".into(),
        },
        EventKind::AddendumSigned { document: doc },
        EventKind::SecretariatEstablished { continuous: true },
        EventKind::DisputeRaised {
            forum: DisputeForum::Musyawarah,
            note: "n".into(),
        },
        EventKind::Terminated {
            grounds: vec![EndGround::CourtJudgment, EndGround::Bankruptcy],
            consents: vec![],
            evidence: vec![GroundEvidence::new(
                EndGround::CourtJudgment,
                record("putusan"),
            )],
            notice: None,
        },
        EventKind::KbRevisionStarted {
            superseded: "KB-1".into(),
        },
        EventKind::DprdSubmitted,
        EventKind::PksDraftingStarted,
        EventKind::TakenOver {
            takeover: Takeover::new(sample::muna_barat(), TakeoverBy::Governor)
                .with_guidance(record("g"))
                .with_minister_approval(record("m")),
        },
        EventKind::Cancelled { reason: "r".into() },
        EventKind::StageChanged {
            from: Stage::AwaitingDprd,
            to: Stage::KbDrafting,
            via: CommandKind::RefuseDprd,
        },
        EventKind::Warned {
            violations: vec![violation_with_field()],
        },
        EventKind::TerminatedEarly {
            notice: TerminationNotice::new(sample::sidrap(), "180/1/2024", on)
                .with_risks_borne(true),
        },
        EventKind::DprdGateAssessed {
            region: sample::wajo(),
            gate: DprdGate::not_required("aset daerah")
                .with_uses_regional_assets(true)
                .with_within_work_unit_duties(true),
        },
    ];
    kinds
        .into_iter()
        .map(|kind| Event {
            occurred_on: on,
            kind,
        })
        .collect()
}

/// Every rejection variant, from real refusals and by hand.
fn rejections() -> Vec<Rejection> {
    let rules = RuleSet::current();
    let c03 = sample::c03_rice().run(&rules).expect("C03 runs");
    let s = sample::sidrap();
    let mut found = vec![
        // Out of order.
        Cooperation::new()
            .decide(
                &Command::StartPreparation,
                &sample::clerk(s),
                d(2024, 3, 1),
                &rules,
            )
            .expect_err("nothing before registration"),
        // The wrong role.
        c03.decide(
            &Command::Cancel { reason: "r".into() },
            &sample::opd(s, "Dinas"),
            d(2024, 3, 1),
            &rules,
        )
        .expect_err("an OPD does not cancel"),
        // Rules violated: no attestation, no review (a warning), a head signing.
        c03.decide(
            &Command::SendOffer {
                letter: OfferLetter::new("1", full_signatory()).with_kak_attached(true),
            },
            &sample::head(s),
            d(2024, 3, 1),
            &rules,
        )
        .expect_err("no attestation"),
        // Invalid input without a rule (a date before the last event) and with one.
        c03.decide(
            &Command::AttestLawfulness {
                attestation: LawfulnessAttestation::new("a", "s"),
            },
            &sample::clerk(s),
            d(2020, 1, 1),
            &rules,
        )
        .expect_err("date goes backwards"),
        c03.decide(
            &Command::AssessDprdGate {
                region: sample::palopo(),
                gate: DprdGate::not_required(""),
            },
            &sample::clerk(sample::palopo()),
            d(2024, 3, 1),
            &rules,
        )
        .expect_err("not a party"),
    ];
    found.push(Rejection::InvalidInput {
        field: "grounds".into(),
        message: "kosong".into(),
        rule: Some(KSD_TERM_01),
    });
    found.push(Rejection::ActorNotAuthorised {
        role: Role::ThirdParty,
        command: CommandKind::SignKb,
        allowed_roles: Role::ALL.to_vec(),
        rule: KSD_STAGE_01,
        problem: AuthorityProblem::NotAParty { acting_for: None },
    });
    found.push(Rejection::NotAllowedHere {
        stage: Stage::Ended,
        command: CommandKind::Cancel,
        allowed: vec![],
        rule: KSD_STAGE_01,
        path: vec![],
    });
    found
}

fn non_default_policy() -> Policy {
    let mut policy = Policy::default();
    policy.burden_reading = BurdenReading::Disjunctive;
    policy.wajib_border_rule = WajibBorderRule::Pairwise;
    policy.wajib_pairings = vec![
        WajibPairing::KabKotaSameProvince,
        WajibPairing::ProvinceOwnKabKota,
    ];
    policy.containment_counts_as_border = false;
    policy.kb_signatory_policy = KbSignatoryPolicy::Error;
    policy.tkksd_review = TkksdReviewPolicy::RequiredError;
    policy.allow_pks_without_kb = true;
    policy.on_dprd_refusal = OnDprdRefusal::ReviseKb;
    policy.max_term_years = None;
    policy.sector_max_term_overrides = vec![
        SectorTermOverride {
            sector: TermSector::Infrastructure,
            max_years: 30,
        },
        SectorTermOverride {
            sector: TermSector::Urusan(Urusan::PekerjaanUmumPenataanRuang),
            max_years: 20,
        },
        SectorTermOverride {
            sector: TermSector::KsdpkType(KsdpkType::AssetUtilisation),
            max_years: 10,
        },
    ];
    policy.ksdd_pks_required_clauses = vec![Clause::Term, Clause::Financing];
    policy
}

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

#[test]
fn every_command_variant_round_trips() {
    let mut covered = BTreeSet::new();
    for command in sample_commands().iter().chain(&hand_built_commands()) {
        let json = round_trip(command);
        assert_eq!(
            tag(&json, "command"),
            serde_json::to_value(command.kind()).unwrap()
        );
        covered.insert(command.kind());
    }
    let all: BTreeSet<CommandKind> = CommandKind::ALL.iter().copied().collect();
    assert_eq!(covered, all, "a command variant has no value here");
}

/// The wire tags of `EventKind`, one per variant.
const EVENT_TAGS: [&str; 41] = [
    "registered",
    "mapping_filed",
    "technical_coordination_held",
    "heads_agreement_signed",
    "proposal_received",
    "revision_requested",
    "criteria_assessed",
    "proposal_rejected",
    "lawfulness_attested",
    "feasibility_study_submitted",
    "tkksd_reviewed",
    "dprd_gate_assessed",
    "offer_sent",
    "offer_accepted",
    "offer_rejected",
    "withdrawn",
    "kb_signed",
    "dprd_approved",
    "dprd_refused",
    "pks_signed",
    "leadership_changed",
    "addendum_signed",
    "secretariat_established",
    "dispute_raised",
    "evaluated",
    "extension_started",
    "terminated",
    "taken_over",
    "cancelled",
    "stage_changed",
    "warned",
    "kb_revision_started",
    "dprd_submitted",
    "pks_drafting_started",
    "draft_submitted_to_dprd",
    "dprd_opinion_given",
    "draft_resubmitted_to_dprd",
    "dprd_deemed_approved",
    "copies_sent",
    "terminated_early",
    "cooperation_body_established",
];

#[test]
fn every_event_variant_round_trips() {
    let mut covered = BTreeSet::new();
    let sampled = sample_events();
    assert!(sampled.len() > 50);
    for event in sampled.iter().chain(&hand_built_events()) {
        let json = round_trip(event);
        round_trip(&event.kind);
        covered.insert(tag(&json["kind"], "event"));
    }
    let all: BTreeSet<String> = EVENT_TAGS.iter().map(|t| t.to_string()).collect();
    assert_eq!(covered, all, "an event variant has no value here");
    // The whole log of a case too, and replaying the read-back log gives the same state.
    let rules = RuleSet::current();
    for scenario in sample::cases() {
        let mut coop = Cooperation::new();
        let mut log = Vec::new();
        for step in &scenario.steps {
            log.extend(
                coop.execute(&step.command, &step.actor, step.on, &rules)
                    .unwrap(),
            );
        }
        let text = serde_json::to_string(&log).unwrap();
        let back: Vec<Event> = serde_json::from_str(&text).unwrap();
        assert_eq!(Cooperation::from_events(&back), coop, "{}", scenario.case);
    }
}

#[test]
fn every_sample_state_round_trips() {
    let states = sample_states();
    for state in &states {
        round_trip(state);
    }
    // Every case's final state has something in it worth reading back.
    let finals: Vec<Cooperation> = sample::cases()
        .iter()
        .map(|s| s.run(&RuleSet::current()).unwrap())
        .collect();
    assert!(finals.iter().any(|c| !c.warnings().is_empty()));
    assert!(finals.iter().any(|c| !c.dprd_decisions().is_empty()));
    assert!(finals.iter().any(|c| c.pks().len() > 1));
    for state in &finals {
        round_trip(state);
        for decision in state.dprd_decisions().values() {
            round_trip(decision);
        }
    }
    // What `allowed_commands` reports, blockers included, for every sample state and a few actors.
    let s = sample::sidrap();
    let actors = [
        sample::clerk(s),
        sample::head(s),
        sample::dprd(s),
        sample::governor(),
    ];
    let mut blocked = 0;
    for state in &states {
        for actor in &actors {
            for allowed in state.allowed_commands(actor, d(2024, 8, 14), &RuleSet::current()) {
                blocked += usize::from(!allowed.blockers.is_empty());
                round_trip(&allowed);
            }
        }
    }
    assert!(blocked > 0);
    round_trip(&DprdDecision::Refused {
        reason: "menolak".into(),
        on: d(2024, 1, 1),
    });
}

#[test]
fn every_rejection_variant_and_violation_round_trips() {
    let mut covered = BTreeSet::new();
    for rejection in rejections() {
        let json = round_trip(&rejection);
        covered.insert(tag(&json, "rejection"));
        for violation in rejection.violations() {
            round_trip(violation);
        }
    }
    let all: BTreeSet<String> = [
        "not_allowed_here",
        "actor_not_authorised",
        "violations",
        "invalid_input",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    assert_eq!(covered, all);
    // Errors and warnings in one refusal; a field and none.
    let refusal = rejections()
        .into_iter()
        .find(|r| matches!(r, Rejection::Violations { .. }))
        .unwrap();
    let severities: BTreeSet<Severity> = refusal.violations().iter().map(|v| v.severity).collect();
    assert_eq!(severities, [Severity::Warning, Severity::Error].into());
    let with_field = violation_with_field();
    assert_eq!(round_trip(&with_field)["field"], "document.signatories[0]");
    let without = Violation::error(KSD_STAGE_01, Finding::NoPksSigned);
    assert!(round_trip(&without).get("field").is_none());
}

#[test]
fn policy_and_rule_sets_round_trip() {
    round_trip(&Policy::default());
    let custom = non_default_policy();
    assert_ne!(custom, Policy::default());
    round_trip(&custom);
    // Every field is optional on the wire: `{}` is the default policy.
    assert_eq!(
        serde_json::from_str::<Policy>("{}").unwrap(),
        Policy::default()
    );
    round_trip(&RuleSet::current());
    round_trip(&RuleSet::current_with(custom));
    round_trip(&RuleSet::current().reference);
}

#[test]
fn every_rule_and_citation_round_trips() {
    let all: Vec<Rule> = rules::all();
    assert!(all.len() > 90);
    for rule in &all {
        round_trip(rule);
        round_trip(&rule.id);
        let citation: Citation = rule.id.citation();
        round_trip(&citation);
        round_trip(&rule.provenance);
    }
}

#[test]
fn model_values_round_trip() {
    // A region code is its Kemendagri string.
    assert_eq!(round_trip(&sample::sidrap()), json!("73.14"));
    assert_eq!(round_trip(&sample::sulsel()), json!("73"));
    assert_eq!(
        serde_json::from_str::<KodeWilayah>("\"73.14\"").unwrap(),
        KodeWilayah::SIDRAP
    );
    for id in [PartyId::Region(sample::parepare()), company_id()] {
        round_trip(&id);
    }
    for party in all_parties() {
        round_trip(&party);
    }
    for kind in all_kinds() {
        round_trip(&kind);
    }
    round_trip(&full_signatory());
    round_trip(&full_document());
    let mut bare = full_document();
    bare.numbers.clear();
    bare.term = None;
    bare.under_kb = None;
    bare.parties.clear();
    bare.clauses.clear();
    bare.amends = None;
    round_trip(&bare);
    round_trip(&Term::years(d(2023, 7, 3), 5).unwrap());
    round_trip(&full_spec());
    round_trip(&BorderTable::sulawesi_selatan_sample());
    round_trip(&BorderTable::new());
    round_trip(&Actor::new(Role::KepalaDaerah, sample::sidrap(), "Bupati"));
    round_trip(&Actor::new(Role::ThirdParty, company_id(), "PT"));
    round_trip(&Actor::central(Role::Minister, "Kemendagri"));
    for scenario in sample::cases() {
        round_trip::<Scenario>(&scenario);
        for step in &scenario.steps {
            round_trip(&step.actor);
        }
    }
}

#[test]
fn every_value_of_the_closed_enums_round_trips() {
    for stage in Stage::ALL {
        round_trip(stage);
    }
    assert_eq!(round_trip(&Stage::InForce), json!("in_force"));
    for kind in CommandKind::ALL {
        round_trip(kind);
    }
    assert_eq!(round_trip(&CommandKind::SignKb), json!("sign_kb"));
    for role in Role::ALL {
        round_trip(&role);
    }
    assert_eq!(round_trip(&Role::KepalaDaerah), json!("kepala_daerah"));
    assert_eq!(Urusan::ALL.len(), 32);
    for urusan in Urusan::ALL {
        round_trip(urusan);
    }
    for track in Track::ALL {
        assert_eq!(round_trip(&track), json!(track.name()));
    }
    for ground in EndGround::ALL {
        assert_eq!(round_trip(&ground), json!(ground.as_str()));
    }
    for pairing in WajibPairing::ALL {
        round_trip(&pairing);
    }
}

// ---------------------------------------------------------------------------------------------
// What is refused
// ---------------------------------------------------------------------------------------------

/// `value`'s JSON with one more field at `path` (a JSON pointer to an object).
fn with_extra_field<T: Serialize>(value: &T, pointer: &str) -> String {
    let mut json = serde_json::to_value(value).unwrap();
    json.pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("{pointer} is no object"))
        .insert("unexpected".into(), json!(1));
    json.to_string()
}

#[track_caller]
fn refused_as_unknown<T: DeserializeOwned + Debug>(text: &str) {
    let error = serde_json::from_str::<T>(text).expect_err(text).to_string();
    assert!(error.contains("unexpected"), "{error} (for {text})");
}

#[test]
fn unknown_fields_are_refused() {
    refused_as_unknown::<CooperationSpec>(&with_extra_field(&full_spec(), ""));
    refused_as_unknown::<Document>(&with_extra_field(&full_document(), ""));
    refused_as_unknown::<Policy>(&with_extra_field(&Policy::default(), ""));
    refused_as_unknown::<Actor>(&with_extra_field(&sample::clerk(sample::sidrap()), ""));
    refused_as_unknown::<Signatory>(&with_extra_field(&full_signatory(), ""));
    for command in hand_built_commands() {
        refused_as_unknown::<Command>(&with_extra_field(&command, ""));
    }
    // Nested: a document inside a command, a spec inside a registration.
    let sign_kb = Command::SignKb {
        document: full_document(),
    };
    refused_as_unknown::<Command>(&with_extra_field(&sign_kb, "/document"));
    let register = Command::Register {
        spec: Box::new(full_spec()),
    };
    refused_as_unknown::<Command>(&with_extra_field(&register, "/spec"));
    // Unit variants of the internally tagged enums too (serde ignores `deny_unknown_fields`
    // there unless told otherwise): every kind, every third-party kind, inside a spec.
    for kind in all_kinds() {
        refused_as_unknown::<CooperationKind>(&with_extra_field(&kind, ""));
    }
    for party in all_parties() {
        if let Party::ThirdParty(third) = &party {
            refused_as_unknown::<ThirdPartyKind>(&with_extra_field(&third.kind, ""));
        }
    }
    let mut spec = full_spec();
    spec.kind = CooperationKind::Ksdpl;
    refused_as_unknown::<CooperationSpec>(&with_extra_field(&spec, "/kind"));
    refused_as_unknown::<CooperationSpec>(&with_extra_field(&spec, "/parties/4/third_party/kind"));
    refused_as_unknown::<Command>(&with_extra_field(
        &Command::Register {
            spec: Box::new(spec),
        },
        "/spec/kind",
    ));
    // The records around them.
    refused_as_unknown::<Event>(&with_extra_field(&hand_built_events()[0], "/kind"));
    refused_as_unknown::<Violation>(&with_extra_field(&violation_with_field(), ""));
    for rejection in rejections() {
        refused_as_unknown::<Rejection>(&with_extra_field(&rejection, ""));
    }
    refused_as_unknown::<RuleSet>(&with_extra_field(&RuleSet::current(), ""));
    refused_as_unknown::<RuleSet>(&with_extra_field(&RuleSet::current(), "/policy"));
    let c06 = sample::c06_landfill().run(&RuleSet::current()).unwrap();
    refused_as_unknown::<Cooperation>(&with_extra_field(&c06, ""));
}

#[test]
fn unknown_enum_values_are_refused() {
    assert!(serde_json::from_str::<Stage>("\"in_forcee\"").is_err());
    assert!(serde_json::from_str::<Role>("\"bupati\"").is_err());
    assert!(serde_json::from_str::<CommandKind>("\"sign_kbb\"").is_err());
    assert!(serde_json::from_str::<Track>("\"ksdd\"").is_err());
    assert!(serde_json::from_str::<Urusan>("\"pendidikan_tinggi\"").is_err());
    assert!(serde_json::from_str::<Command>(r#"{"command":"sign_mou"}"#).is_err());
    let error = serde_json::from_str::<Actor>(r#"{"role":"bupati","party":null,"name":"x"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("unknown variant `bupati`"), "{error}");
    // Inside a record: a stage change to a stage that does not exist.
    let mut event = serde_json::to_value(
        hand_built_events()
            .into_iter()
            .find(|e| matches!(e.kind, EventKind::StageChanged { .. }))
            .unwrap(),
    )
    .unwrap();
    event["kind"]["to"] = json!("in_forcee");
    let error = serde_json::from_value::<Event>(event)
        .unwrap_err()
        .to_string();
    assert!(error.contains("unknown variant `in_forcee`"), "{error}");
    // A change of head is no end ground (KSD-TERM-03), and the error says so.
    let error = serde_json::from_str::<EndGround>("\"leadership_change\"")
        .unwrap_err()
        .to_string();
    assert!(error.contains("KSD-TERM-03"), "{error}");
    // No rule set but the current one exists yet, and no rule id outside the catalogue.
    assert!(serde_json::from_str::<RuleSetRef>(r#"{"id":"legacy","version":1}"#).is_err());
    assert!(
        serde_json::from_str::<Rule>(
            &serde_json::to_string(&rules::all()[0])
                .unwrap()
                .replace("KSD-", "KSX-")
        )
        .is_err()
    );
}

#[test]
fn a_malformed_region_code_in_json_is_an_error_naming_the_code() {
    for bad in [
        "7314", "73.7", "10.01", "73.00", "73.70", "ab", "73.14.01", "",
    ] {
        let text = format!(r#"{{"role":"opd","party":{{"region":"{bad}"}},"name":"x"}}"#);
        let error = serde_json::from_str::<Actor>(&text)
            .expect_err(&text)
            .to_string();
        assert!(error.contains(&format!("`{bad}`")), "{error}");
    }
    // Inside a command's payload too.
    let mut json = serde_json::to_value(Command::AssessDprdGate {
        region: sample::sidrap(),
        gate: DprdGate::not_budgeted(""),
    })
    .unwrap();
    json["region"] = json!("7314");
    let error = serde_json::from_value::<Command>(json)
        .unwrap_err()
        .to_string();
    assert!(error.contains("7314"), "{error}");
    // A valid code for a party reads back as one.
    let actor: Actor =
        serde_json::from_str(r#"{"role":"opd","party":{"region":"73.72"},"name":"x"}"#).unwrap();
    assert_eq!(actor.region(), Some(code("73.72")));
}

// ---------------------------------------------------------------------------------------------
// KodeWilayah text form
// ---------------------------------------------------------------------------------------------

fn valid_code_text() -> impl Strategy<Value = String> {
    let regency = prop_oneof![
        Just(None),
        (1u8..=69).prop_map(Some),
        (71u8..=99).prop_map(Some),
    ];
    (11u8..=99, regency).prop_map(|(p, r)| match r {
        Some(r) => format!("{p:02}.{r:02}"),
        None => format!("{p:02}"),
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2048,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("regressions"),
        )),
        ..ProptestConfig::default()
    })]

    /// Every valid code parses, displays as itself, and round-trips through JSON as that string.
    #[test]
    fn valid_codes_round_trip(text in valid_code_text()) {
        let parsed: KodeWilayah = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(parsed.to_string(), text.clone());
        prop_assert_eq!(parsed.to_string().parse::<KodeWilayah>(), Ok(parsed));
        prop_assert_eq!(serde_json::to_value(parsed).unwrap(), json!(text));
        prop_assert_eq!(serde_json::from_value::<KodeWilayah>(json!(text)).unwrap(), parsed);
        prop_assert_eq!(parsed.level() == RegionLevel::Province, !text.contains('.'));
    }

    /// Any text either parses to a code that displays as exactly that text, or is refused
    /// with an error naming it; nothing panics.
    #[test]
    fn any_text_parses_canonically_or_is_refused(text in prop_oneof![
        "[0-9.]{0,7}",
        "[0-9]{2}\\.[0-9]{2}",
        "[0-9]{1,3}(\\.[0-9]{1,3})?",
        "\\PC{0,8}",
    ]) {
        match text.parse::<KodeWilayah>() {
            Ok(parsed) => prop_assert_eq!(parsed.to_string(), text),
            Err(error) => {
                let message = error.to_string();
                prop_assert!(message.contains(&format!("`{text}`")), "{}", message);
                prop_assert!(serde_json::from_value::<KodeWilayah>(json!(text)).is_err());
            }
        }
    }

    /// The refused two-part codes are exactly those with a province below 11 or a kab/kota part
    /// of 00 or 70.
    #[test]
    fn two_part_codes_are_refused_exactly_when_out_of_range(p in 0u8..=99, r in 0u8..=99) {
        let text = format!("{p:02}.{r:02}");
        let valid = p >= 11 && r != 0 && r != 70;
        prop_assert_eq!(text.parse::<KodeWilayah>().is_ok(), valid, "{}", text);
    }
}
