//! Who may act (RULES.md §4.4, ARCHITECTURE.md "Actors and signatories are different
//! things"): the whole command × role matrix of the transition table, and the cases of a
//! clerk recording signatures, surat kuasa, a Sekda's KB and actors out of place.

mod common;
mod tracks;

use std::collections::HashMap;

use chrono::NaiveDate;
use common::{d, given, given_before, given_before_with, rules, rules_with};
use kerjasama::law::{KSD_DOC_07, KSD_KIND_03, KbSignatoryPolicy, RuleSet};
use kerjasama::lifecycle::{
    AuthorityProblem, Command, CommandKind, Cooperation, CooperationSpec, EndGround, Rejection,
    Stage, Transition, lookup, transitions,
};
use kerjasama::model::{
    Actor, AffairsMapping, DisputeForum, DocumentKind, Feasibility, FeasibilityStudy,
    InitiativeCriteria, KodeWilayah, OfferLetter, PartyId, Record, ReviewPoint, Role, Signatory,
    Takeover, TakeoverBy, Term, Track,
};
use kerjasama::sample::{self, clerk, palopo, sidrap};

/// States of every line, by track and stage, built once.
struct States {
    rules: RuleSet,
    cache: HashMap<(Track, Stage), Cooperation>,
}

impl States {
    fn new() -> Self {
        States {
            rules: rules(),
            cache: HashMap::new(),
        }
    }

    /// The line of `track` run until it first reaches `stage`.
    fn at(&mut self, track: Track, stage: Stage) -> Cooperation {
        let rules = self.rules.clone();
        if stage == Stage::Stalled {
            // A kerja sama wajib stalls when its initiator withdraws the offer (RULES.md Q21).
            let mut coop = self.at(track, Stage::Preparation);
            let on = coop.last_date().expect("a date");
            coop.execute(
                &Command::Withdraw {
                    reason: "mundur (uji)".into(),
                },
                &sample::head(sample::sidrap()),
                on,
                &rules,
            )
            .expect("withdrawing a wajib offer stalls it");
            return coop;
        }
        if stage == Stage::InForce {
            // In force, with the DPRD round of a later PKS open and submitted: every region
            // party's gate true for the funding's fiscal year, so that each DPRD may decide.
            let mut coop = self
                .cache
                .entry((track, stage))
                .or_insert_with(|| {
                    common::given_with(tracks::line(track), stage, rules.clone()).coop
                })
                .clone();
            let on = coop.last_date().expect("a date");
            let spec = coop.spec().cloned().expect("registered");
            for region in spec.region_codes() {
                let gate = kerjasama::model::DprdGate::not_budgeted("PKS berikutnya (uji)")
                    .with_fiscal_year(2025);
                coop.execute(
                    &Command::AssessDprdGate { region, gate },
                    &sample::clerk(region),
                    on,
                    &rules,
                )
                .expect("each region assesses its gate for the later PKS");
            }
            let initiator = initiator_region(&spec);
            coop.execute(
                &Command::SubmitToDprd,
                &sample::clerk(initiator),
                on,
                &rules,
            )
            .expect("the later PKS goes to the DPRDs");
            return coop;
        }
        self.cache
            .entry((track, stage))
            .or_insert_with(|| common::given_with(tracks::line(track), stage, rules).coop)
            .clone()
    }
}

/// What the line of `track` registers.
fn line_spec(track: Track) -> CooperationSpec {
    match &tracks::line(track).steps[0].command {
        Command::Register { spec } => spec.as_ref().clone(),
        other => panic!("a line starts with its registration, not {other:?}"),
    }
}

fn spec_of(coop: &Cooperation, track: Track) -> CooperationSpec {
    coop.spec().cloned().unwrap_or_else(|| line_spec(track))
}

fn initiator_region(spec: &CooperationSpec) -> KodeWilayah {
    match &spec.initiator {
        PartyId::Region(code) => *code,
        _ => spec.region_codes()[0],
    }
}

/// An actor of `role` for `kind`, acting for the party that would plausibly issue it: the
/// initiator, a partner answering an offer, a DPRD whose gate is true, the third party.
fn actor_for(role: Role, kind: CommandKind, coop: &Cooperation, spec: &CooperationSpec) -> Actor {
    let regions = spec.region_codes();
    let initiator = initiator_region(spec);
    let policy = kerjasama::law::Policy::default();
    let region = match kind {
        CommandKind::AcceptOffer | CommandKind::RejectOffer => regions
            .iter()
            .copied()
            .find(|r| PartyId::Region(*r) != spec.initiator)
            .unwrap_or(initiator),
        CommandKind::ApproveDprd | CommandKind::RefuseDprd => regions
            .iter()
            .copied()
            .find(|r| {
                coop.dprd_gates()
                    .get(r)
                    .is_some_and(|g| policy.dprd_required(g))
            })
            .unwrap_or(initiator),
        _ => initiator,
    };
    match role {
        Role::Governor => sample::governor(),
        Role::Minister | Role::TechnicalMinister | Role::CentralGovernment => {
            Actor::central(role, format!("{role}"))
        }
        Role::ThirdParty => {
            let party = spec
                .third_party_ids()
                .first()
                .cloned()
                .unwrap_or_else(|| PartyId::ThirdParty("pt-bukan-pihak".into()));
            tracks::third_party_actor(&party)
        }
        _ => Actor::new(role, region, format!("{role} {region}")),
    }
}

fn signatory_for(party: &PartyId) -> Signatory {
    match party {
        PartyId::Region(code) => tracks::head_signs(*code),
        other => tracks::representative(other),
    }
}

fn all_signatories(spec: &CooperationSpec) -> Vec<Signatory> {
    spec.parties
        .iter()
        .filter_map(|p| p.id())
        .map(|p| signatory_for(&p))
        .collect()
}

fn record(reference: &str) -> Option<Record> {
    Some(Record::new(d(2022, 1, 3), reference))
}

/// A plausible command of `kind` in `coop`, issued by `actor` on `on`.
fn payload(
    kind: CommandKind,
    coop: &Cooperation,
    spec: &CooperationSpec,
    actor: &Actor,
    on: NaiveDate,
) -> Command {
    let own = actor.region().unwrap_or_else(|| initiator_region(spec));
    let third = spec.third_party_ids().first().cloned();
    let note = || format!("{kind:?} (uji matriks)");
    let document = |id: &str, doc_kind: DocumentKind| {
        let mut doc = tracks::signed(id, doc_kind, on, all_signatories(spec));
        doc.term = Term::years(on, 5);
        doc
    };
    let point = match coop.stage() {
        Stage::KbDrafting => ReviewPoint::KbSigning,
        Stage::PksDrafting => ReviewPoint::PksSigning,
        _ => ReviewPoint::Offer,
    };
    match kind {
        CommandKind::Register => Command::Register {
            spec: Box::new(spec.clone()),
        },
        CommandKind::BeginWajibProcedure => Command::BeginWajibProcedure,
        CommandKind::FileMapping => Command::FileMapping {
            mapping: AffairsMapping::new(own, spec.object.urusan.clone())
                .with_potentials(["potensi (uji)"])
                .with_needs(["kebutuhan (uji)"]),
        },
        CommandKind::HoldTechnicalCoordination => Command::HoldTechnicalCoordination {
            level: kerjasama::model::coordination_level(&spec.region_codes()),
        },
        CommandKind::SignHeadsAgreement => {
            let heads = spec
                .region_codes()
                .into_iter()
                .map(tracks::head_signs)
                .collect();
            Command::SignHeadsAgreement {
                document: tracks::signed("HA-MATRIKS", DocumentKind::HeadsAgreement, on, heads),
            }
        }
        CommandKind::StartPreparation => Command::StartPreparation,
        CommandKind::ReceiveProposal => Command::ReceiveProposal {
            letter_number: "001/USULAN/2024".into(),
            study: FeasibilityStudy::new(
                third.unwrap_or(PartyId::ThirdParty("pt-bukan-pihak".into())),
                "Studi kelayakan (uji)",
                on,
                Feasibility::Feasible,
            ),
        },
        CommandKind::RequestRevision => Command::RequestRevision { note: note() },
        CommandKind::AssessCriteria => Command::AssessCriteria {
            criteria: InitiativeCriteria::default(),
        },
        CommandKind::AcceptProposal => Command::AcceptProposal,
        CommandKind::RejectProposal => Command::RejectProposal { reason: note() },
        CommandKind::AttestLawfulness => tracks::attest(),
        CommandKind::SubmitFeasibilityStudy => Command::SubmitFeasibilityStudy {
            study: FeasibilityStudy::new(
                own,
                "Studi kelayakan daerah (uji)",
                on,
                Feasibility::Feasible,
            ),
        },
        CommandKind::RecordTkksdReview => tracks::review(point),
        CommandKind::AssessDprdGate => tracks::assess(own, false),
        CommandKind::SendOffer => Command::SendOffer {
            letter: OfferLetter::new("415/PENAWARAN/2024", tracks::head_signs(own))
                .with_kak_attached(true)
                .with_draft_kb_attached(true),
        },
        CommandKind::AcceptOffer => Command::AcceptOffer,
        CommandKind::RejectOffer => Command::RejectOffer { reason: note() },
        CommandKind::Withdraw => Command::Withdraw { reason: note() },
        CommandKind::StartKbDrafting => Command::StartKbDrafting,
        CommandKind::SignKb => Command::SignKb {
            document: document("KB-MATRIKS", DocumentKind::Kb),
        },
        CommandKind::SubmitToDprd => Command::SubmitToDprd,
        CommandKind::ApproveDprd => Command::ApproveDprd {
            reference: "Keputusan DPRD (uji)".into(),
        },
        CommandKind::RefuseDprd => Command::RefuseDprd { reason: note() },
        CommandKind::StartPksDrafting => Command::StartPksDrafting,
        CommandKind::SignPks => {
            let mut pks = document("PKS-MATRIKS", DocumentKind::Pks);
            pks.under_kb = coop.kb().map(|kb| kb.id.clone());
            pks.clauses = tracks::minimum_clauses();
            Command::SignPks { document: pks }
        }
        CommandKind::EnterIntoForce => Command::EnterIntoForce,
        CommandKind::RecordLeadershipChange => Command::RecordLeadershipChange {
            party: PartyId::Region(own),
            new_office_holder: "Kepala daerah baru (uji)".into(),
        },
        CommandKind::SignAddendum => {
            let mut addendum = document("ADD-MATRIKS", DocumentKind::Addendum);
            addendum.amends = coop.pks().first().map(|p| p.id.clone());
            Command::SignAddendum { document: addendum }
        }
        CommandKind::EstablishSecretariat => Command::EstablishSecretariat { continuous: true },
        CommandKind::RaiseDispute => Command::RaiseDispute {
            forum: if spec.kind.is_ksdpk() {
                DisputeForum::Musyawarah
            } else {
                DisputeForum::InterRegionalRegime
            },
            note: note(),
        },
        CommandKind::Terminate => Command::terminate([EndGround::ObjectiveAchieved]),
        CommandKind::RecordExpiry => Command::RecordExpiry,
        CommandKind::TakeOver => {
            let (by, defaulting_region) = match (actor.role, actor.region()) {
                (Role::Governor, Some(province)) => (
                    TakeoverBy::Governor,
                    spec.region_codes()
                        .into_iter()
                        .find(|r| r.is_within(province))
                        .unwrap_or(own),
                ),
                _ => (TakeoverBy::CentralGovernment, initiator_region(spec)),
            };
            Command::TakeOver {
                takeover: {
                    let mut takeover = Takeover::new(defaulting_region, by);
                    takeover.guidance = record("pembinaan (uji)");
                    takeover.obstacle_evaluation = record("evaluasi kendala (uji)");
                    takeover.minister_approval = record("persetujuan Menteri (uji)");
                    takeover
                },
            }
        }
        CommandKind::Cancel => Command::Cancel { reason: note() },
        CommandKind::Resume => Command::Resume,
        CommandKind::RecordEvaluation => Command::RecordEvaluation {
            evaluation: kerjasama::model::Evaluation::new(
                coop.pks()
                    .iter()
                    .filter_map(|p| p.term.map(|t| t.starts_on))
                    .min()
                    .unwrap_or(on),
                on,
                "PPKSD (uji)",
                kerjasama::model::EvaluationOutcome::Continue,
            )
            .with_progress(note())
            .with_benefits(note()),
        },
        CommandKind::RecordExtension => Command::RecordExtension {
            successor: kerjasama::model::CooperationId(uuid::Uuid::from_u128(0xE7)),
        },
        other => panic!("no payload for {other:?}"),
    }
}

fn next_day(coop: &Cooperation) -> NaiveDate {
    coop.last_date()
        .and_then(|day| day.succ_opt())
        .unwrap_or(d(2024, 1, 1))
}

/// Decides on a clone and checks the state did not move when refused (invariant 3).
fn try_command(
    coop: &Cooperation,
    command: &Command,
    actor: &Actor,
    on: NaiveDate,
    rules: &RuleSet,
) -> Result<(), Rejection> {
    let mut after = coop.clone();
    match after.execute(command, actor, on, rules) {
        Ok(_) => Ok(()),
        Err(rejection) => {
            assert_eq!(
                &after, coop,
                "a refused command changed the state: {rejection}"
            );
            Err(rejection)
        }
    }
}

fn row_name(row: &Transition, track: Track) -> String {
    format!(
        "{:?} --{:?}--> {:?} [{}]",
        row.from,
        row.command,
        row.to,
        track.name()
    )
}

#[test]
fn every_role_a_row_does_not_list_is_refused_as_not_authorised_and_nothing_changes() {
    let mut states = States::new();
    let rules = states.rules.clone();
    let mut checked = 0;
    let mut rows = 0;
    for row in transitions() {
        rows += 1;
        for &track in row.tracks {
            assert_eq!(
                lookup(row.from, row.command, track),
                Some(row),
                "the table has one row for {}",
                row_name(row, track)
            );
            let coop = states.at(track, row.from);
            let spec = spec_of(&coop, track);
            for role in Role::ALL.into_iter().filter(|r| !row.roles.contains(r)) {
                let actor = actor_for(role, row.command, &coop, &spec);
                let on = next_day(&coop);
                let command = payload(row.command, &coop, &spec, &actor, on);
                let result = try_command(&coop, &command, &actor, on, &rules);
                match result {
                    Err(Rejection::ActorNotAuthorised {
                        role: refused_role,
                        command,
                        allowed_roles,
                        rule,
                        ..
                    }) => {
                        let context = format!("{role:?} on {}", row_name(row, track));
                        assert_eq!(refused_role, role, "{context}");
                        assert_eq!(command, row.command, "{context}");
                        assert_eq!(allowed_roles, row.roles.to_vec(), "{context}");
                        assert_eq!(rule, row.authority, "{context}");
                    }
                    other => panic!(
                        "{role:?} on {}: expected ActorNotAuthorised, got {other:?}",
                        row_name(row, track)
                    ),
                }
                checked += 1;
            }
        }
    }
    eprintln!("actor matrix: {rows} rows, {checked} (row, track, role) refusals checked");
    assert!(rows >= 70, "{rows} rows");
    assert!(checked >= 1500, "{checked} refusals");
}

/// Combinations in which an allowed role has, by the law, no party to act for.
fn no_party_to_act_for(role: Role, kind: CommandKind, spec: &CooperationSpec) -> bool {
    let answering = matches!(kind, CommandKind::AcceptOffer | CommandKind::RejectOffer);
    let partner_regions = spec
        .region_codes()
        .into_iter()
        .filter(|r| PartyId::Region(*r) != spec.initiator)
        .count();
    match role {
        // A KSDPK region initiative has one region, the initiator: only the third party answers.
        Role::KepalaDaerah if answering => partner_regions == 0,
        // A KSDD has no third party.
        Role::ThirdParty => spec.third_party_ids().is_empty(),
        _ => false,
    }
}

#[test]
fn every_role_a_row_lists_is_not_refused_as_not_authorised_on_every_track() {
    let mut states = States::new();
    let rules = states.rules.clone();
    let mut failures = Vec::new();
    let mut checked = 0;
    for row in transitions() {
        for &track in row.tracks {
            let coop = states.at(track, row.from);
            let spec = spec_of(&coop, track);
            for &role in row.roles {
                if no_party_to_act_for(role, row.command, &spec) {
                    continue;
                }
                let actor = actor_for(role, row.command, &coop, &spec);
                let on = next_day(&coop);
                let command = payload(row.command, &coop, &spec, &actor, on);
                // It may fail a guard; it must not fail on who acts.
                if let Err(rejection @ Rejection::ActorNotAuthorised { .. }) =
                    try_command(&coop, &command, &actor, on, &rules)
                {
                    failures.push(format!("{role:?} on {}: {rejection}", row_name(row, track)));
                }
                checked += 1;
            }
        }
    }
    eprintln!("actor matrix: {checked} (row, track, allowed role) combinations checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ARCHITECTURE.md: actors and signatories are different things.

#[test]
fn a_clerk_of_the_cooperation_unit_records_the_heads_signatures_on_the_kb() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignKb);
    let step = given.next_step();
    assert_eq!(step.actor.role, Role::CooperationUnit);
    let after = given.when_next(|_| {}).accepted_without(KSD_DOC_07);
    assert_eq!(after.stage(), Stage::KbSigned);
}

#[test]
fn a_pks_signed_by_officials_under_surat_kuasa_is_accepted() {
    for scenario in [
        sample::c06_landfill(),
        sample::c08_referral(),
        sample::c01_commodities(),
    ] {
        let case = scenario.case.clone();
        let given = given_before(scenario, CommandKind::SignPks);
        let after = given.when_next(|_| {}).accepted_without(KSD_KIND_03);
        assert_eq!(after.stage(), Stage::PksSigned, "{case}");
    }
    // The official may also record it as the actor.
    let given = given_before(sample::c06_landfill(), CommandKind::SignPks);
    let official = Actor::new(Role::AuthorisedOfficial, sidrap(), "Kepala DLH Sidrap");
    given
        .when_next(|step| step.actor = official)
        .accepted_without(KSD_KIND_03);
}

#[test]
fn a_kb_signed_by_a_sekda_follows_kb_signatory_policy() {
    let warn = given_before(sample::c02_food(), CommandKind::SignKb);
    warn.when_next(|_| {}).accepted_with_warning(KSD_DOC_07);
    for (policy, refused) in [
        (KbSignatoryPolicy::Error, true),
        (KbSignatoryPolicy::Allow, false),
    ] {
        let given = given_before_with(
            sample::c02_food(),
            CommandKind::SignKb,
            rules_with(|p| p.kb_signatory_policy = policy),
        );
        let then = given.when_next(|_| {});
        if refused {
            then.refused_citing(KSD_DOC_07);
        } else {
            then.accepted_without(KSD_DOC_07);
        }
    }
}

fn refused_as_actor(rejection: &Result<Vec<kerjasama::lifecycle::Event>, Rejection>) -> bool {
    matches!(rejection, Err(Rejection::ActorNotAuthorised { .. }))
}

#[test]
fn an_opd_may_not_sign_a_kb() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignKb);
    let then = given.when_next(|step| step.actor = sample::opd(sidrap(), "Dinas Lingkungan Hidup"));
    assert!(refused_as_actor(&then.result), "{:?}", then.result);
    assert_eq!(then.before, given.coop);
}

#[test]
fn an_authorised_official_may_not_sign_a_kb() {
    let given = given_before(sample::c06_landfill(), CommandKind::SignKb);
    let official = Actor::new(Role::AuthorisedOfficial, sidrap(), "Kepala DLH Sidrap");
    let then = given.when_next(|step| step.actor = official);
    match &then.result {
        Err(Rejection::ActorNotAuthorised { allowed_roles, .. }) => {
            assert!(!allowed_roles.contains(&Role::AuthorisedOfficial));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_actor_acting_for_a_region_that_is_not_a_party_is_refused() {
    // Palopo is not a party of the C06 landfill.
    let signing = given_before(sample::c06_landfill(), CommandKind::SignKb);
    for actor in [
        clerk(palopo()),
        sample::head(palopo()),
        sample::opd(palopo(), "Dinas Lingkungan Hidup"),
    ] {
        let then = signing.when_next(|step| step.actor = actor.clone());
        assert!(
            refused_as_actor(&then.result),
            "{actor:?}: {:?}",
            then.result
        );
    }
    let awaiting = given(sample::c06_landfill(), Stage::AwaitingDprd);
    let then = awaiting.when(
        &sample::dprd(palopo()),
        d(2023, 5, 22),
        Command::ApproveDprd {
            reference: "bukan pihak".into(),
        },
    );
    assert!(refused_as_actor(&then.result));
    // A third party that is not the cooperation's.
    let offered = given(sample::c08_referral(), Stage::OfferSent);
    let stranger = tracks::third_party_actor(&PartyId::ThirdParty("pt-lain".into()));
    let then = offered.when(&stranger, d(2021, 9, 10), Command::AcceptOffer);
    assert!(refused_as_actor(&then.result));
}

#[test]
fn the_head_of_region_cancels_a_third_partys_own_initiative() {
    let given = given(sample::c09_tourism(), Stage::ProposalReceived);
    let cancel = Command::Cancel {
        reason: "lahan dibutuhkan untuk kepentingan umum".into(),
    };
    let after = given
        .when(&sample::head(sidrap()), d(2024, 8, 14), cancel.clone())
        .accepted();
    assert_eq!(after.stage(), Stage::Cancelled);
    // The third party is not the head of region.
    let company = tracks::third_party_actor(&tracks::third_party_of(&sample::c09_tourism()));
    let then = given.when(&company, d(2024, 8, 14), cancel);
    assert!(refused_as_actor(&then.result));
}

#[test]
fn only_a_partner_answers_an_offer_and_only_once() {
    // C06: Sidrap offers to Parepare and Pinrang on 20 January 2023.
    let offered = given(sample::c06_landfill(), Stage::OfferSent);
    let on = d(2023, 1, 27);
    let problem = |then: &common::Then| match &then.result {
        Err(Rejection::ActorNotAuthorised { problem, .. }) => problem.clone(),
        other => panic!("expected a refusal of the actor, got {other:?}"),
    };
    // The initiator does not answer its own offer, neither yes nor no.
    for command in [
        Command::AcceptOffer,
        Command::RejectOffer {
            reason: "menolak sendiri (uji)".into(),
        },
    ] {
        let then = offered.when(&sample::head(sidrap()), on, command);
        assert_eq!(problem(&then), AuthorityProblem::InitiatorCannotAnswer);
        assert_eq!(then.before, offered.coop);
        // The refusal says why, in both languages.
        let message = then.result.as_ref().unwrap_err().to_string();
        assert!(
            message.contains("pemrakarsa tidak dapat menjawab penawarannya sendiri")
                && message.contains("the initiator cannot answer its own offer"),
            "{message}"
        );
    }
    // A partner answers once: Parepare's acceptance is recorded, a second one refused.
    let accepted = offered
        .when(&sample::head(sample::parepare()), on, Command::AcceptOffer)
        .accepted();
    assert_eq!(
        accepted.stage(),
        Stage::OfferSent,
        "Pinrang has not answered"
    );
    let again = accepted.decide(
        &Command::AcceptOffer,
        &sample::head(sample::parepare()),
        d(2023, 1, 28),
        &rules(),
    );
    assert!(
        matches!(
            &again,
            Err(Rejection::ActorNotAuthorised {
                problem: AuthorityProblem::AlreadyAccepted,
                ..
            })
        ),
        "{again:?}"
    );
}
