//! The law at the exits (issue 8, rule-set version 3 of the current set), test by test named
//! after the rule: a violating and a satisfying case for each exit.
//!
//! - a kerja sama wajib stalls toward the takeover where another kind would end (RULES.md
//!   Q21, `wajib_refusal_policy`), resumes where it stalled, or is taken over from the stall;
//! - cancellation only before a KB, termination on a ground after it (KSD-TERM-04);
//! - the consents and evidence of the grounds (KSD-TERM-01, -02) and one party's notice
//!   (KSD-TERM-09);
//! - the takeover's precondition records in order and its costs (KSD-ENF-03..05);
//! - a later PKS under the KB with its own DPRD round and drafting (KSD-STAGE-01,
//!   KSD-DPRD-01), and the KB revised after a DPRD refusal (KSD-DOC-01);
//! - the surat kuasa (KSD-KIND-03), special autonomy (KSD-KIND-05), KSDPK results
//!   (KSD-PK-07), APBN aid (KSD-ENF-07) and the offer letter (KSD-KIND-02);
//! - bad input as typed refusals.

mod common;
mod tracks;

use chrono::NaiveDate;
use common::{
    Given, d, given, given_before, given_before_with, given_with, rules, rules_of_version,
    rules_with, spec_mut,
};
use kerjasama::law::{
    KSD_DOC_01, KSD_DPRD_01, KSD_ENF_01, KSD_ENF_03, KSD_ENF_04, KSD_ENF_05, KSD_ENF_07,
    KSD_IMPL_06, KSD_KIND_02, KSD_KIND_03, KSD_KIND_05, KSD_OBJ_02, KSD_PK_07, KSD_STAGE_01,
    KSD_STAGE_08, KSD_TERM_01, KSD_TERM_02, KSD_TERM_09, KSD_TRANS_01, OnDprdRefusal, Policy,
    RuleId, RuleSet, RuleSetId, RuleSetRef, RuleSetRegistry, Severity, SpecialAutonomyOverride,
    UnilateralTermination, WajibRefusalPolicy,
};
use kerjasama::lifecycle::{
    AuthorityProblem, Command, CommandKind, Cooperation, CooperationSpec, DprdDecision, EndGround,
    EventKind, Finding, GroundEvidence, Rejection, Stage, TakeoverPrecondition,
};
use kerjasama::model::{
    Actor, Consent, CooperationId, CooperationKind, CooperationObject, Document, DocumentId,
    DocumentKind, DprdGate, Funding, FundingSource, KodeWilayah, KsddCategory, Party, PartyId,
    Record, ResultDestination, ResultForm, ResultReceived, Role, Rupiah, SignatoryCapacity,
    SuratKuasa, Takeover, TakeoverBy, Term, Urusan, WrittenNotice,
};
use kerjasama::sample::{
    self, Scenario, Step, clerk, dprd, governor, head, opd, palopo, parepare, pinrang, sidrap,
    sulsel,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The error violations of `rule` in `rejection`, as (finding, field).
fn errors(rejection: &Rejection, rule: RuleId) -> Vec<(Finding, String)> {
    rejection
        .errors()
        .filter(|v| v.rule == rule)
        // One violation per rule, field and kind lists its findings (issue 10): each one.
        .flat_map(|v| {
            let field = v.field.clone().unwrap_or_default();
            v.findings().map(move |f| (f.clone(), field.clone()))
        })
        .collect()
}

/// The field and rule of an invalid-input refusal; panics on any other refusal.
fn invalid_input(rejection: &Rejection) -> (&str, Option<RuleId>) {
    match rejection {
        Rejection::InvalidInput { field, rule, .. } => (field.as_str(), *rule),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

/// The current rules with a kerja sama wajib's exits ending it, as for the other kinds.
fn wajib_exits_end() -> RuleSet {
    rules_with(|p| p.wajib_refusal_policy = WajibRefusalPolicy::EndsCooperation)
}

/// The date of the last step run: the next step may be dated that day.
fn today(given: &Given) -> NaiveDate {
    given.coop.last_date().expect("a step was run")
}

/// The first scripted step of `kind` in `scenario`.
fn scripted(scenario: Scenario, kind: CommandKind) -> Step {
    scenario
        .steps
        .into_iter()
        .find(|s| s.command.kind() == kind)
        .unwrap_or_else(|| panic!("no {kind:?} step"))
}

/// The kinds of the events a decision produced, in order.
fn event_kinds(then: &common::Then) -> Vec<EventKind> {
    then.result
        .as_ref()
        .unwrap_or_else(|e| panic!("expected acceptance, got {e}"))
        .iter()
        .map(|e| e.kind.clone())
        .collect()
}

fn withdraw() -> Command {
    Command::Withdraw {
        reason: "anggaran dialihkan (uji)".into(),
    }
}

fn reject_offer() -> Command {
    Command::RejectOffer {
        reason: "belum siap (uji)".into(),
    }
}

fn refuse_dprd() -> Command {
    Command::RefuseDprd {
        reason: "tipping fee terlalu tinggi (uji)".into(),
    }
}

fn cancel() -> Command {
    Command::Cancel {
        reason: "dibatalkan (uji)".into(),
    }
}

/// C06, a kerja sama wajib of three kab/kota (Sidrap, Parepare, Pinrang), at `stage`.
fn c06_at(stage: Stage) -> Given {
    given(sample::c06_landfill(), stage)
}

/// C06 in force: entered 2023-07-03, PKS 2023-07-03 to 2028-07-02.
fn c06_in_force() -> Given {
    c06_at(Stage::InForce)
}

/// The three region parties of C06.
fn c06_regions() -> [KodeWilayah; 3] {
    [sidrap(), parepare(), pinrang()]
}

/// The parties of the registered cooperation.
fn parties(given: &Given) -> Vec<PartyId> {
    given
        .coop
        .spec()
        .expect("registered")
        .parties
        .iter()
        .filter_map(Party::id)
        .collect()
}

/// A consent of `party` on `on`.
fn consent(party: impl Into<PartyId>, on: NaiveDate) -> Consent {
    Consent::new(
        party,
        "kepala daerah (fiktif)",
        on,
        "surat persetujuan pengakhiran (fiktif)",
    )
}

/// A record of `on` issued by `by`.
fn issued(on: NaiveDate, reference: &str, by: Role) -> Record {
    Record::new(on, reference).issued_by(by)
}

/// The governor's takeover of Parepare's part of C06: guidance, the evaluation of the
/// obstacles and the Minister's approval on `dates`, each by its issuer, and the costs charged
/// to Parepare.
fn governor_takeover(dates: [NaiveDate; 3]) -> Takeover {
    Takeover::new(parepare(), TakeoverBy::Governor)
        .with_guidance(issued(dates[0], "surat pembinaan (fiktif)", Role::Governor))
        .with_obstacle_evaluation(issued(
            dates[1],
            "laporan evaluasi kendala (fiktif)",
            Role::Governor,
        ))
        .with_minister_approval(issued(
            dates[2],
            "persetujuan Mendagri (fiktif)",
            Role::Minister,
        ))
        .with_costs_charged_to(parepare())
}

/// The records of [`governor_takeover`] for C06 in force, dated after its entry into force.
fn in_force_records() -> [NaiveDate; 3] {
    [d(2024, 8, 1), d(2024, 8, 8), d(2024, 8, 15)]
}

fn take_over(takeover: Takeover) -> Command {
    Command::TakeOver { takeover }
}

/// The day C06 in force is taken over.
fn takeover_day() -> NaiveDate {
    d(2025, 1, 10)
}

/// The steps of C06 run up to `stage`, then `exit` by `actor` on the day of the last step.
fn c06_exit(stage: Stage, rules: RuleSet, actor: &Actor, exit: Command) -> (Given, Cooperation) {
    let given = given_with(sample::c06_landfill(), stage, rules);
    let after = given.when(actor, today(&given), exit).accepted();
    (given, after)
}

// ---------------------------------------------------------------------------------------------
// 1. The exits of a kerja sama wajib (RULES.md Q21): a stall toward the governor's takeover
//    (KSD-ENF-02, C06's regions are kab/kota), unless `wajib_refusal_policy` says otherwise.
// ---------------------------------------------------------------------------------------------

/// Asserts `after` stalled from `from` via `via`, and that the clerk's `Resume` leads to
/// `resumes_at`; returns the resumed state.
fn assert_stalls_and_resumes(
    given: &Given,
    after: &Cooperation,
    from: Stage,
    via: CommandKind,
    resumes_at: Stage,
) -> Cooperation {
    assert_eq!(after.stage(), Stage::Stalled, "from {from:?} via {via:?}");
    assert!(!after.stage().is_terminal(), "a stall is not an end");
    assert_eq!(after.stalled_from(), Some(from));
    assert!(after.end_grounds().is_empty());
    let on = after.last_date().expect("dated");
    assert_eq!(after.stage_entered_on(), Some(on));
    let stalled = Given {
        coop: after.clone(),
        rules: given.rules.clone(),
        rest: Vec::new(),
    };
    let resumed = stalled
        .when(&clerk(sidrap()), on, Command::Resume)
        .accepted();
    assert_eq!(resumed.stage(), resumes_at, "resumed from {from:?}");
    assert_eq!(resumed.stalled_from(), None);
    resumed
}

#[test]
fn ksd_enf_02_a_wajib_withdrawn_before_or_after_the_offer_stalls_and_resumes_at_preparation() {
    assert_eq!(
        Policy::default().wajib_refusal_policy,
        WajibRefusalPolicy::StallsTowardTakeover
    );
    for from in [Stage::Preparation, Stage::OfferSent] {
        let given = c06_at(from);
        let then = given.when(&head(sidrap()), today(&given), withdraw());
        assert!(
            event_kinds(&then).contains(&EventKind::StageChanged {
                from,
                to: Stage::Stalled,
                via: CommandKind::Withdraw,
            }),
            "{from:?}"
        );
        let after = then.accepted();
        assert_stalls_and_resumes(
            &given,
            &after,
            from,
            CommandKind::Withdraw,
            Stage::Preparation,
        );
    }
}

#[test]
fn ksd_enf_02_a_resumed_wajib_sends_its_offer_again_on_the_record_kept() {
    let given = c06_at(Stage::OfferSent);
    let stalled = given
        .when(&head(sidrap()), today(&given), withdraw())
        .accepted();
    let resumed = assert_stalls_and_resumes(
        &given,
        &stalled,
        Stage::OfferSent,
        CommandKind::Withdraw,
        Stage::Preparation,
    );
    let offer = scripted(sample::c06_landfill(), CommandKind::SendOffer);
    let again = Given {
        coop: resumed,
        rules: rules(),
        rest: Vec::new(),
    };
    let after = again
        .when(&offer.actor, d(2023, 3, 1), offer.command)
        .accepted();
    assert_eq!(after.stage(), Stage::OfferSent);
}

#[test]
fn ksd_enf_02_a_wajib_resumed_after_its_offer_was_accepted_is_offered_and_accepted_again() {
    let offer = scripted(sample::c06_landfill(), CommandKind::SendOffer);
    for from in [Stage::OfferAccepted, Stage::KbDrafting] {
        let (given, stalled) = c06_exit(from, rules(), &head(sidrap()), cancel());
        let resumed = assert_stalls_and_resumes(
            &given,
            &stalled,
            from,
            CommandKind::Cancel,
            Stage::Preparation,
        );
        let on = d(2023, 9, 1);
        let offered = Given {
            coop: resumed,
            rules: rules(),
            rest: Vec::new(),
        }
        .then_do(&offer.actor, on, offer.command.clone());
        assert_eq!(offered.coop.stage(), Stage::OfferSent);
        let after = offered
            .then_do(&head(parepare()), on, Command::AcceptOffer)
            .then_do(&head(pinrang()), on, Command::AcceptOffer);
        assert_eq!(after.coop.stage(), Stage::OfferAccepted, "from {from:?}");
    }
}

#[test]
fn ksd_enf_02_a_wajib_offer_rejected_by_a_partner_stalls_and_resumes_at_preparation() {
    let given = c06_at(Stage::OfferSent);
    let after = given
        .when(&head(parepare()), d(2023, 1, 27), reject_offer())
        .accepted();
    assert_stalls_and_resumes(
        &given,
        &after,
        Stage::OfferSent,
        CommandKind::RejectOffer,
        Stage::Preparation,
    );
}

#[test]
fn ksd_enf_02_a_wajib_refused_by_a_dprd_stalls_under_on_dprd_refusal_terminate() {
    assert_eq!(Policy::default().on_dprd_refusal, OnDprdRefusal::Terminate);
    for rules in [
        rules(),
        rules_with(|p| p.on_dprd_refusal = OnDprdRefusal::Terminate),
    ] {
        let given = given_with(sample::c06_landfill(), Stage::AwaitingDprd, rules);
        let after = given
            .when(&dprd(parepare()), d(2023, 5, 30), refuse_dprd())
            .accepted();
        assert_eq!(
            after.dprd_decisions().get(&parepare()),
            Some(&DprdDecision::Refused {
                reason: "tipping fee terlalu tinggi (uji)".into(),
                on: d(2023, 5, 30),
            })
        );
        assert_stalls_and_resumes(
            &given,
            &after,
            Stage::AwaitingDprd,
            CommandKind::RefuseDprd,
            Stage::Preparation,
        );
    }
}

/// A wajib refused by a DPRD resumes at preparation on the record kept (KSD-DOC-01): the
/// refused KB stays on record as superseded with its DPRD round, the new offer is accepted
/// afresh, the new KB names the one it supersedes, and every DPRD decides again.
#[test]
fn ksd_doc_01_a_wajib_resumed_after_a_dprd_refusal_signs_a_new_kb_and_the_dprds_decide_again() {
    let scenario = sample::c06_landfill();
    let given = given_with(scenario.clone(), Stage::AwaitingDprd, rules());
    let refused_kb = given.coop.kb().expect("a signed KB").clone();
    let after = given
        .when(&dprd(parepare()), d(2023, 5, 30), refuse_dprd())
        .accepted();
    let resumed = assert_stalls_and_resumes(
        &given,
        &after,
        Stage::AwaitingDprd,
        CommandKind::RefuseDprd,
        Stage::Preparation,
    );
    assert!(resumed.kb().is_none(), "the refused KB is superseded");
    assert_eq!(resumed.superseded_kbs(), std::slice::from_ref(&refused_kb));
    let archived = resumed
        .dprd_rounds()
        .last()
        .expect("the refused round is kept");
    assert_eq!(archived.for_document, Some(refused_kb.id.clone()));
    assert!(archived.decisions.contains_key(&parepare()));
    assert!(
        resumed.dprd_decisions().is_empty(),
        "the DPRDs decide afresh"
    );

    // The procedure runs again from the offer, on the record kept.
    let on = d(2023, 9, 1);
    let step = |kind| scripted(scenario.clone(), kind);
    let offered = Given {
        coop: resumed,
        rules: rules(),
        rest: Vec::new(),
    }
    .then_do(
        &step(CommandKind::SendOffer).actor,
        on,
        step(CommandKind::SendOffer).command,
    )
    .then_do(&head(parepare()), on, Command::AcceptOffer)
    .then_do(&head(pinrang()), on, Command::AcceptOffer);
    assert_eq!(offered.coop.stage(), Stage::OfferAccepted);
    let drafting = offered.then_do(
        &step(CommandKind::StartKbDrafting).actor,
        on,
        Command::StartKbDrafting,
    );
    let mut new_kb = refused_kb.clone();
    new_kb.id.0.push_str("-REV1");
    new_kb.signed_on = on;
    let sign = |kb: kerjasama::model::Document| Command::SignKb { document: kb };
    // Unlinked, the new KB is refused; naming the KB it supersedes, it is signed.
    let unlinked = drafting.when(&clerk(sidrap()), on, sign(new_kb.clone()));
    let refusal = unlinked.refused_citing(KSD_DOC_01);
    assert!(
        errors(refusal, KSD_DOC_01)
            .iter()
            .any(|(f, _)| matches!(f, Finding::KbRevisionNotLinked { .. })),
        "{refusal:?}"
    );
    new_kb.supersedes = Some(refused_kb.id.clone());
    let signed = drafting.then_do(&clerk(sidrap()), on, sign(new_kb.clone()));
    assert_eq!(signed.coop.kb(), Some(&new_kb));
    let awaiting = signed.then_do(
        &step(CommandKind::SubmitToDprd).actor,
        on,
        Command::SubmitToDprd,
    );
    assert_eq!(awaiting.coop.stage(), Stage::AwaitingDprd);
    // Parepare's DPRD, which refused the first KB, decides on the new one.
    let approved = awaiting.then_do(
        &dprd(parepare()),
        on,
        Command::ApproveDprd {
            reference: "Keputusan DPRD Parepare 20/2023 (uji)".into(),
        },
    );
    assert!(matches!(
        approved.coop.dprd_decisions().get(&parepare()),
        Some(DprdDecision::Approved { .. })
    ));
}

#[test]
fn ksd_enf_02_a_wajib_cancelled_before_its_kb_stalls_and_resumes_where_the_offer_allows() {
    // Before the offer the procedure resumes where it stalled; after it, from preparation.
    let cases = [
        (Stage::Draft, Stage::Draft),
        (Stage::Mapping, Stage::Mapping),
        (Stage::TechnicalCoordination, Stage::TechnicalCoordination),
        (Stage::HeadsAgreed, Stage::HeadsAgreed),
        (Stage::Preparation, Stage::Preparation),
        (Stage::OfferAccepted, Stage::Preparation),
        (Stage::KbDrafting, Stage::Preparation),
    ];
    for (from, resumes_at) in cases {
        let (given, after) = c06_exit(from, rules(), &head(sidrap()), cancel());
        assert_stalls_and_resumes(&given, &after, from, CommandKind::Cancel, resumes_at);
    }
}

#[test]
fn ksd_enf_02_the_governor_takes_over_a_stalled_wajib() {
    let (_, stalled) = c06_exit(Stage::OfferSent, rules(), &head(sidrap()), withdraw());
    let stalled_on = stalled.stage_entered_on().expect("dated");
    assert_eq!(stalled_on, d(2023, 1, 20));
    let given = Given {
        coop: stalled,
        rules: rules(),
        rest: Vec::new(),
    };
    let takeover = governor_takeover([d(2023, 2, 1), d(2023, 3, 1), d(2023, 4, 3)]);
    let after = given
        .when(&governor(), d(2023, 6, 1), take_over(takeover.clone()))
        .accepted();
    assert_eq!(after.stage(), Stage::TakenOver);
    assert!(after.stage().is_terminal());
    assert_eq!(after.takeover(), Some(&takeover));
}

#[test]
fn ksd_enf_02_a_stalled_wajib_takes_no_step_but_resumption_or_takeover() {
    let (_, stalled) = c06_exit(Stage::OfferSent, rules(), &head(sidrap()), withdraw());
    let on = d(2023, 6, 1);
    let given = Given {
        coop: stalled,
        rules: rules(),
        rest: Vec::new(),
    };
    let mut allowed: Vec<CommandKind> = given
        .coop
        .allowed_commands(&clerk(sidrap()), on, &given.rules)
        .into_iter()
        .map(|a| a.command)
        .collect();
    allowed.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(allowed, [CommandKind::Resume, CommandKind::TakeOver]);
    // The procedure does not go on from the stall, nor does it end there.
    for (actor, command) in [
        (
            head(sidrap()),
            scripted(sample::c06_landfill(), CommandKind::SendOffer).command,
        ),
        (head(parepare()), Command::AcceptOffer),
        (head(sidrap()), cancel()),
        (
            head(sidrap()),
            Command::terminate([EndGround::ObjectiveAchieved]),
        ),
    ] {
        let kind = command.kind();
        let rejection = given.refused(&actor, on, command, KSD_STAGE_01);
        assert!(
            matches!(
                &rejection,
                Rejection::NotAllowedHere { stage: Stage::Stalled, command, .. } if *command == kind
            ),
            "{rejection:?}"
        );
    }
    // Only the regions resume it: not their DPRD.
    let rejection = given.when(&dprd(sidrap()), on, Command::Resume).result;
    assert!(
        matches!(
            &rejection,
            Err(Rejection::ActorNotAuthorised {
                role: Role::Dprd,
                command: CommandKind::Resume,
                problem: AuthorityProblem::Role,
                ..
            })
        ),
        "{rejection:?}"
    );
    // A takeover's preconditions concern the stall: dated before it, they are refused.
    let early = governor_takeover([d(2023, 1, 10), d(2023, 3, 1), d(2023, 4, 3)]);
    let rejection = given.refused(&governor(), on, take_over(early), KSD_ENF_04);
    assert_eq!(
        errors(&rejection, KSD_ENF_04),
        [(
            Finding::PreconditionBeforeStage {
                precondition: TakeoverPrecondition::Guidance,
                stage_entered: d(2023, 1, 20),
            },
            "takeover.guidance.on".to_string()
        )]
    );
}

#[test]
fn ksd_enf_02_resume_is_refused_to_a_wajib_that_has_not_stalled_and_to_a_sukarela() {
    let wajib = c06_at(Stage::Preparation);
    let rejection = wajib.refused(
        &clerk(sidrap()),
        today(&wajib),
        Command::Resume,
        KSD_STAGE_01,
    );
    assert!(matches!(
        rejection,
        Rejection::NotAllowedHere {
            stage: Stage::Preparation,
            command: CommandKind::Resume,
            ..
        }
    ));
    // A sukarela withdrawn ends (Withdrawn is final): there is nothing to resume.
    let sukarela = given(sample::c01_commodities(), Stage::Preparation);
    let ended = sukarela
        .when(&head(sidrap()), today(&sukarela), withdraw())
        .accepted();
    assert_eq!(ended.stage(), Stage::Withdrawn);
    assert_eq!(ended.stalled_from(), None);
    let refused = ended.decide(&Command::Resume, &clerk(sidrap()), d(2023, 1, 1), &rules());
    assert!(
        matches!(
            refused,
            Err(Rejection::NotAllowedHere {
                stage: Stage::Withdrawn,
                command: CommandKind::Resume,
                ..
            })
        ),
        "{refused:?}"
    );
}

#[test]
fn ksd_enf_02_under_ends_cooperation_a_wajib_exit_ends_it_as_for_sukarela() {
    let cases = [
        (
            Stage::Preparation,
            head(sidrap()),
            withdraw(),
            Stage::Withdrawn,
        ),
        (
            Stage::OfferSent,
            head(sidrap()),
            withdraw(),
            Stage::Withdrawn,
        ),
        (
            Stage::OfferSent,
            head(parepare()),
            reject_offer(),
            Stage::OfferRejected,
        ),
        (
            Stage::AwaitingDprd,
            dprd(parepare()),
            refuse_dprd(),
            Stage::DprdRefused,
        ),
        (Stage::Draft, head(sidrap()), cancel(), Stage::Cancelled),
        (Stage::Mapping, head(sidrap()), cancel(), Stage::Cancelled),
        (
            Stage::TechnicalCoordination,
            head(sidrap()),
            cancel(),
            Stage::Cancelled,
        ),
        (
            Stage::HeadsAgreed,
            head(sidrap()),
            cancel(),
            Stage::Cancelled,
        ),
        (
            Stage::Preparation,
            head(sidrap()),
            cancel(),
            Stage::Cancelled,
        ),
        (
            Stage::OfferAccepted,
            head(sidrap()),
            cancel(),
            Stage::Cancelled,
        ),
        (
            Stage::KbDrafting,
            head(sidrap()),
            cancel(),
            Stage::Cancelled,
        ),
    ];
    for (from, actor, exit, ends_in) in cases {
        let kind = exit.kind();
        let (_, after) = c06_exit(from, wajib_exits_end(), &actor, exit);
        assert_eq!(after.stage(), ends_in, "{kind:?} at {from:?}");
        assert!(after.stage().is_terminal(), "{kind:?} at {from:?}");
        assert_eq!(after.stalled_from(), None);
        let resume = after.decide(
            &Command::Resume,
            &clerk(sidrap()),
            after.last_date().unwrap(),
            &wajib_exits_end(),
        );
        assert!(
            matches!(resume, Err(Rejection::NotAllowedHere { .. })),
            "{resume:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Cancellation only before a KB; after it, termination on a ground (KSD-TERM-04: Pasal 9
//    ayat (1) is a closed list).
// ---------------------------------------------------------------------------------------------

#[test]
fn ksd_term_04_cancel_after_the_kb_is_signed_is_not_allowed_here() {
    for stage in [
        Stage::KbSigned,
        Stage::PksDrafting,
        Stage::PksSigned,
        Stage::InForce,
    ] {
        let given = given(sample::c01_commodities(), stage);
        // The refusal cites the closed list of grounds of Pasal 9 ayat (1).
        let rejection = given.refused(&head(sidrap()), today(&given), cancel(), KSD_TERM_01);
        match &rejection {
            Rejection::NotAllowedHere {
                stage: at,
                command: CommandKind::Cancel,
                allowed,
                path,
                ..
            } => {
                assert_eq!(*at, stage);
                assert!(!allowed.contains(&CommandKind::Cancel), "{allowed:?}");
                assert!(allowed.contains(&CommandKind::Terminate), "{allowed:?}");
                assert!(path.is_empty(), "no way leads back to a cancellation");
            }
            other => panic!("{stage:?}: {other:?}"),
        }
    }
    // A kerja sama wajib neither cancels nor stalls once its KB is signed.
    let wajib = c06_at(Stage::KbSigned);
    wajib.refused(&head(sidrap()), today(&wajib), cancel(), KSD_TERM_01);
    // Rule-set version 2 still cancelled a signed KB.
    let v2 = given_with(
        sample::c01_commodities(),
        Stage::KbSigned,
        rules_of_version(2),
    );
    let after = v2.when(&head(sidrap()), today(&v2), cancel()).accepted();
    assert_eq!(after.stage(), Stage::Cancelled);
}

#[test]
fn ksd_term_04_a_cooperation_without_a_kb_is_cancelled() {
    for stage in [
        Stage::Draft,
        Stage::Preparation,
        Stage::OfferAccepted,
        Stage::KbDrafting,
    ] {
        let given = given(sample::c01_commodities(), stage);
        let then = given.when(&head(sidrap()), today(&given), cancel());
        assert!(event_kinds(&then).contains(&EventKind::Cancelled {
            reason: "dibatalkan (uji)".into()
        }));
        let after = then.accepted();
        assert_eq!(after.stage(), Stage::Cancelled, "{stage:?}");
        assert!(after.kb().is_none());
    }
}

#[test]
fn ksd_term_04_after_the_kb_the_cooperation_ends_by_termination_on_a_ground() {
    let given = given(sample::c01_commodities(), Stage::KbSigned);
    assert!(given.coop.kb().is_some());
    let after = given
        .when(
            &head(sidrap()),
            today(&given),
            Command::terminate([EndGround::ObjectiveAchieved]),
        )
        .accepted();
    assert_eq!(after.stage(), Stage::Ended);
    assert_eq!(after.end_grounds(), &[EndGround::ObjectiveAchieved]);
    assert_eq!(after.ending(), None, "ground (b) carries no record");
}

// ---------------------------------------------------------------------------------------------
// 3. KSD-TERM-01 ground (c): every party's consent; grounds (d)-(e), and KSD-TERM-02 (f)-(g),
//    with their evidence.
// ---------------------------------------------------------------------------------------------

#[test]
fn ksd_term_01_ground_c_without_a_partys_consent_is_refused() {
    let given = c06_in_force();
    let on = d(2025, 3, 1);
    let partial = Command::terminate_by_agreement([consent(sidrap(), on), consent(parepare(), on)]);
    let rejection = given.refused(&head(sidrap()), on, partial, KSD_TERM_01);
    assert_eq!(
        errors(&rejection, KSD_TERM_01),
        [(
            Finding::ConsentMissing {
                party: PartyId::Region(pinrang())
            },
            "consents".to_string()
        )]
    );
    // With no consent at all, each party is named, in the order of the parties.
    let rejection = given.refused(
        &head(sidrap()),
        on,
        Command::terminate_by_agreement(Vec::<Consent>::new()),
        KSD_TERM_01,
    );
    let missing: Vec<Finding> = errors(&rejection, KSD_TERM_01)
        .into_iter()
        .map(|(finding, _)| finding)
        .collect();
    assert_eq!(
        missing,
        c06_regions().map(|r| Finding::ConsentMissing {
            party: PartyId::Region(r)
        })
    );
}

#[test]
fn ksd_term_01_ground_c_with_every_partys_consent_ends_and_records_them() {
    let given = c06_in_force();
    let on = d(2025, 3, 1);
    let consents: Vec<Consent> = parties(&given)
        .into_iter()
        .map(|p| consent(p, d(2025, 2, 20)))
        .collect();
    let after = given
        .when(
            &head(sidrap()),
            on,
            Command::terminate_by_agreement(consents.clone()),
        )
        .accepted_without(KSD_TERM_01);
    assert_eq!(after.stage(), Stage::Ended);
    assert_eq!(after.end_grounds(), &[EndGround::MutualAgreement]);
    let ending = after.ending().expect("the ending's record");
    assert_eq!(ending.consents, consents);
    assert!(ending.evidence.is_empty());
    assert_eq!(ending.notice, None);
}

#[test]
fn ksd_term_01_a_consent_of_a_non_party_given_twice_or_after_the_ending_is_invalid_input() {
    let given = c06_in_force();
    let on = d(2025, 3, 1);
    let all = || -> Vec<Consent> { c06_regions().map(|r| consent(r, on)).to_vec() };
    let mut outsider = all();
    outsider.push(consent(palopo(), on));
    let mut twice = all();
    twice.insert(1, consent(sidrap(), on));
    let mut late = all();
    late[2].on = d(2025, 3, 2);
    for (consents, field) in [
        (outsider, "consents[3].party"),
        (twice, "consents[1].party"),
        (late, "consents[2].on"),
    ] {
        let rejection = given.refused(
            &head(sidrap()),
            on,
            Command::terminate_by_agreement(consents),
            KSD_TERM_01,
        );
        assert_eq!(invalid_input(&rejection), (field, Some(KSD_TERM_01)));
    }
}

#[test]
fn ksd_term_01_grounds_d_and_e_without_their_evidence_are_refused() {
    let given = c06_in_force();
    let on = d(2025, 3, 1);
    for ground in [EndGround::PolicyChange, EndGround::ObjectLost] {
        let rejection = given.refused(
            &head(sidrap()),
            on,
            Command::terminate([ground]),
            KSD_TERM_01,
        );
        assert_eq!(
            errors(&rejection, KSD_TERM_01),
            [(Finding::EvidenceMissing { ground }, "evidence".to_string())]
        );
    }
}

#[test]
fn ksd_term_01_grounds_d_and_e_with_their_evidence_end_and_record_it() {
    let given = c06_in_force();
    let on = d(2025, 3, 1);
    for ground in [EndGround::PolicyChange, EndGround::ObjectLost] {
        let evidence = Record::new(d(2025, 2, 3), "Perpres perubahan kebijakan (fiktif)");
        let after = given
            .when(
                &head(sidrap()),
                on,
                Command::terminate_with_evidence(ground, evidence.clone()),
            )
            .accepted_without(KSD_TERM_01);
        assert_eq!(after.stage(), Stage::Ended);
        assert_eq!(after.end_grounds(), &[ground]);
        assert_eq!(
            after.ending().expect("recorded").evidence,
            [GroundEvidence::new(ground, evidence)]
        );
    }
}

#[test]
fn ksd_term_01_evidence_of_another_ground_or_dated_after_the_ending_is_invalid_input() {
    let given = c06_in_force();
    let on = d(2025, 3, 1);
    let other = Command::Terminate {
        grounds: vec![EndGround::PolicyChange],
        consents: Vec::new(),
        evidence: vec![GroundEvidence::new(
            EndGround::ObjectLost,
            Record::new(on, "berita acara (fiktif)"),
        )],
        notice: None,
    };
    let late =
        Command::terminate_with_evidence(EndGround::ObjectLost, Record::new(d(2025, 3, 2), "BA"));
    for (command, field) in [
        (other, "evidence[0].ground"),
        (late, "evidence[0].evidence.on"),
    ] {
        let rejection = given.refused(&head(sidrap()), on, command, KSD_TERM_01);
        assert_eq!(invalid_input(&rejection), (field, Some(KSD_TERM_01)));
    }
}

#[test]
fn ksd_term_01_a_termination_with_no_ground_and_no_notice_is_invalid_input() {
    let given = c06_in_force();
    let rejection = given.refused(
        &head(sidrap()),
        d(2025, 3, 1),
        Command::terminate(Vec::<EndGround>::new()),
        KSD_TERM_01,
    );
    assert_eq!(invalid_input(&rejection), ("grounds", Some(KSD_TERM_01)));
}

#[test]
fn ksd_term_02_grounds_f_and_g_of_a_ksdpk_without_their_evidence_are_refused() {
    let given = given(sample::c08_referral(), Stage::InForce);
    let on = d(2023, 5, 2);
    for ground in [EndGround::CourtJudgment, EndGround::Bankruptcy] {
        let rejection = given.refused(
            &head(sidrap()),
            on,
            Command::terminate([ground]),
            KSD_TERM_02,
        );
        assert_eq!(
            errors(&rejection, KSD_TERM_02),
            [(Finding::EvidenceMissing { ground }, "evidence".to_string())]
        );
        assert!(errors(&rejection, KSD_TERM_01).is_empty(), "{rejection}");
    }
}

#[test]
fn ksd_term_02_grounds_f_and_g_of_a_ksdpk_with_their_evidence_end_it() {
    let given = given(sample::c08_referral(), Stage::InForce);
    let on = d(2023, 5, 2);
    for ground in [EndGround::CourtJudgment, EndGround::Bankruptcy] {
        let evidence = Record::new(d(2023, 4, 28), "putusan pengadilan (fiktif)");
        let after = given
            .when(
                &head(sidrap()),
                on,
                Command::terminate_with_evidence(ground, evidence.clone()),
            )
            .accepted_without(KSD_TERM_02);
        assert_eq!(after.stage(), Stage::Ended);
        assert_eq!(
            after.ending().expect("recorded").evidence,
            [GroundEvidence::new(ground, evidence)]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 4. KSD-TERM-09: one party's written notice, only where `unilateral_termination` allows it.
// ---------------------------------------------------------------------------------------------

fn notice(given_on: NaiveDate) -> WrittenNotice {
    WrittenNotice::new(
        sidrap(),
        "surat pemberitahuan 180/3/2025 (fiktif)",
        given_on,
    )
}

fn thirty_days_notice() -> RuleSet {
    rules_with(|p| {
        p.unilateral_termination = UnilateralTermination::WrittenNotice { notice_days: 30 }
    })
}

#[test]
fn ksd_term_09_a_written_notice_is_refused_under_the_default_policy() {
    assert_eq!(
        Policy::default().unilateral_termination,
        UnilateralTermination::NotSupported
    );
    let given = c06_in_force();
    let command = Command::terminate_by_notice(notice(d(2025, 1, 2)));
    let rejection = given.refused(&head(sidrap()), d(2025, 6, 2), command, KSD_TERM_09);
    assert_eq!(
        errors(&rejection, KSD_TERM_09),
        [(Finding::UnilateralNotSupported, "notice".to_string())]
    );
}

#[test]
fn ksd_term_09_a_notice_shorter_than_the_policys_notice_days_is_refused() {
    let given = given_with(sample::c06_landfill(), Stage::InForce, thirty_days_notice());
    let given_on = d(2025, 1, 2);
    let command = Command::terminate_by_notice(notice(given_on));
    let rejection = given.refused(&head(sidrap()), d(2025, 1, 31), command, KSD_TERM_09);
    assert_eq!(
        errors(&rejection, KSD_TERM_09),
        [(
            Finding::NoticeTooShort {
                given_on,
                earliest_end: d(2025, 2, 1),
            },
            "notice.given_on".to_string()
        )]
    );
}

#[test]
fn ksd_term_09_a_notice_of_the_policys_notice_days_or_more_ends_the_cooperation() {
    let given = given_with(sample::c06_landfill(), Stage::InForce, thirty_days_notice());
    let given_on = d(2025, 1, 2);
    for on in [d(2025, 2, 1), d(2025, 6, 30)] {
        let after = given
            .when(
                &head(sidrap()),
                on,
                Command::terminate_by_notice(notice(given_on)),
            )
            .accepted_without(KSD_TERM_09);
        assert_eq!(after.stage(), Stage::Ended, "{on}");
        assert!(after.end_grounds().is_empty(), "a notice is not a ground");
        let ending = after.ending().expect("the notice is recorded");
        assert_eq!(ending.notice, Some(notice(given_on)));
        assert!(ending.consents.is_empty());
    }
}

#[test]
fn ksd_term_09_a_notice_of_a_non_party_or_given_after_the_ending_is_invalid_input() {
    let given = given_with(sample::c06_landfill(), Stage::InForce, thirty_days_notice());
    let on = d(2025, 6, 30);
    let outsider = WrittenNotice::new(palopo(), "surat (fiktif)", d(2025, 1, 2));
    for (notice, field) in [
        (outsider, "notice.party"),
        (notice(d(2025, 7, 1)), "notice.given_on"),
    ] {
        let rejection = given.refused(
            &head(sidrap()),
            on,
            Command::terminate_by_notice(notice),
            KSD_TERM_09,
        );
        assert_eq!(invalid_input(&rejection), (field, Some(KSD_TERM_09)));
    }
}

// ---------------------------------------------------------------------------------------------
// 5. KSD-ENF-03, -04: the takeover's precondition records, dated, in order, by their issuers;
//    KSD-ENF-05: its costs charged to the defaulting region.
// ---------------------------------------------------------------------------------------------

/// The KSD-ENF-04 errors of the governor taking over C06 in force with `takeover`; asserts the
/// refusal leaves the state unchanged.
fn governor_refusal(takeover: Takeover) -> Vec<(Finding, String)> {
    let given = c06_in_force();
    let rejection = given.refused(&governor(), takeover_day(), take_over(takeover), KSD_ENF_04);
    errors(&rejection, KSD_ENF_04)
}

#[test]
fn ksd_enf_04_a_precondition_dated_after_the_takeover_is_refused() {
    let [guidance, evaluation, _] = in_force_records();
    let late = governor_takeover([guidance, evaluation, d(2025, 1, 11)]);
    assert_eq!(
        governor_refusal(late),
        [(
            Finding::PreconditionAfterTakeover {
                precondition: TakeoverPrecondition::MinisterApproval
            },
            "takeover.minister_approval.on".to_string()
        )]
    );
}

#[test]
fn ksd_enf_04_preconditions_out_of_the_order_of_pasal_11_are_refused() {
    let evaluation_first = governor_takeover([d(2024, 8, 8), d(2024, 8, 1), d(2024, 8, 15)]);
    assert_eq!(
        governor_refusal(evaluation_first),
        [(
            Finding::PreconditionsOutOfOrder {
                earlier: TakeoverPrecondition::Guidance,
                later: TakeoverPrecondition::ObstacleEvaluation,
            },
            "takeover.obstacle_evaluation.on".to_string()
        )]
    );
    let approval_first = governor_takeover([d(2024, 8, 1), d(2024, 8, 15), d(2024, 8, 8)]);
    assert_eq!(
        governor_refusal(approval_first),
        [(
            Finding::PreconditionsOutOfOrder {
                earlier: TakeoverPrecondition::ObstacleEvaluation,
                later: TakeoverPrecondition::MinisterApproval,
            },
            "takeover.minister_approval.on".to_string()
        )]
    );
}

#[test]
fn ksd_enf_04_a_precondition_dated_before_the_stage_it_concerns_is_refused() {
    let given = c06_in_force();
    assert_eq!(given.coop.stage_entered_on(), Some(d(2023, 7, 3)));
    let [_, evaluation, approval] = in_force_records();
    let stale = governor_takeover([d(2023, 6, 30), evaluation, approval]);
    assert_eq!(
        governor_refusal(stale),
        [(
            Finding::PreconditionBeforeStage {
                precondition: TakeoverPrecondition::Guidance,
                stage_entered: d(2023, 7, 3),
            },
            "takeover.guidance.on".to_string()
        )]
    );
}

#[test]
fn ksd_enf_04_a_precondition_that_names_no_issuer_is_refused() {
    let mut takeover = governor_takeover(in_force_records());
    if let Some(evaluation) = &mut takeover.obstacle_evaluation {
        evaluation.by = None;
    }
    assert_eq!(
        governor_refusal(takeover),
        [(
            Finding::PreconditionIssuerMissing {
                precondition: TakeoverPrecondition::ObstacleEvaluation
            },
            "takeover.obstacle_evaluation.by".to_string()
        )]
    );
}

#[test]
fn ksd_enf_04_a_governors_takeover_approved_by_another_than_the_minister_is_refused() {
    for issuer in [Role::Governor, Role::TechnicalMinister] {
        let mut takeover = governor_takeover(in_force_records());
        if let Some(approval) = &mut takeover.minister_approval {
            approval.by = Some(issuer);
        }
        assert_eq!(
            governor_refusal(takeover),
            [(
                Finding::PreconditionIssuerNotAuthorised {
                    precondition: TakeoverPrecondition::MinisterApproval,
                    issuer,
                },
                "takeover.minister_approval.by".to_string()
            )],
            "{issuer:?}"
        );
    }
    // The guidance is the governor's own.
    let mut takeover = governor_takeover(in_force_records());
    if let Some(guidance) = &mut takeover.guidance {
        guidance.by = Some(Role::Minister);
    }
    assert_eq!(
        governor_refusal(takeover),
        [(
            Finding::PreconditionIssuerNotAuthorised {
                precondition: TakeoverPrecondition::Guidance,
                issuer: Role::Minister,
            },
            "takeover.guidance.by".to_string()
        )]
    );
}

#[test]
fn ksd_enf_04_records_in_order_by_their_issuers_are_accepted() {
    let takeover = governor_takeover(in_force_records());
    let after = c06_in_force()
        .when(&governor(), takeover_day(), take_over(takeover.clone()))
        .accepted_without(KSD_ENF_04);
    assert_eq!(after.stage(), Stage::TakenOver);
    assert_eq!(after.takeover(), Some(&takeover));
    // Records dated the day of the takeover are in time.
    let same_day = governor_takeover([takeover_day(); 3]);
    let after = c06_in_force()
        .when(&governor(), takeover_day(), take_over(same_day))
        .accepted();
    assert_eq!(after.stage(), Stage::TakenOver);
}

fn central_government() -> Actor {
    Actor::central(Role::CentralGovernment, "Pemerintah Pusat")
}

/// The centre's takeover of the province's part of C07 (at technical coordination since
/// 2024-03-18), its records issued by `issuer`.
fn central_takeover(issuer: Option<Role>) -> Takeover {
    let record = |on, reference| {
        let record = Record::new(on, reference);
        match issuer {
            Some(role) => record.issued_by(role),
            None => record,
        }
    };
    Takeover::new(sulsel(), TakeoverBy::CentralGovernment)
        .with_guidance(record(d(2024, 8, 1), "pembinaan Kementerian PUPR (fiktif)"))
        .with_obstacle_evaluation(record(d(2024, 8, 8), "evaluasi kendala (fiktif)"))
        .with_costs_charged_to(sulsel())
}

#[test]
fn ksd_enf_03_a_central_takeovers_records_issued_by_the_governor_are_refused() {
    let given = given(sample::c07_water(), Stage::TechnicalCoordination);
    let rejection = given.refused(
        &central_government(),
        d(2024, 9, 1),
        take_over(central_takeover(Some(Role::Governor))),
        KSD_ENF_03,
    );
    assert_eq!(
        errors(&rejection, KSD_ENF_03),
        [
            (
                Finding::PreconditionIssuerNotAuthorised {
                    precondition: TakeoverPrecondition::Guidance,
                    issuer: Role::Governor,
                },
                "takeover.guidance.by".to_string()
            ),
            (
                Finding::PreconditionIssuerNotAuthorised {
                    precondition: TakeoverPrecondition::ObstacleEvaluation,
                    issuer: Role::Governor,
                },
                "takeover.obstacle_evaluation.by".to_string()
            ),
        ]
    );
    let rejection = given.refused(
        &central_government(),
        d(2024, 9, 1),
        take_over(central_takeover(None)),
        KSD_ENF_03,
    );
    assert_eq!(
        errors(&rejection, KSD_ENF_03)
            .into_iter()
            .map(|(_, field)| field)
            .collect::<Vec<_>>(),
        ["takeover.guidance.by", "takeover.obstacle_evaluation.by"]
    );
}

#[test]
fn ksd_enf_03_a_central_takeover_by_the_technical_minister_or_the_minister_is_accepted() {
    let given = given(sample::c07_water(), Stage::TechnicalCoordination);
    for issuer in [Role::TechnicalMinister, Role::Minister] {
        let after = given
            .when(
                &central_government(),
                d(2024, 9, 1),
                take_over(central_takeover(Some(issuer))),
            )
            .accepted_without(KSD_ENF_03);
        assert_eq!(after.stage(), Stage::TakenOver, "{issuer:?}");
    }
}

#[test]
fn ksd_enf_05_a_takeover_that_charges_its_costs_to_no_region_or_another_is_refused() {
    let given = c06_in_force();
    let mut uncharged = governor_takeover(in_force_records());
    uncharged.costs_charged_to = None;
    let elsewhere = governor_takeover(in_force_records()).with_costs_charged_to(sidrap());
    for (takeover, finding) in [
        (uncharged, Finding::TakeoverCostsNotCharged),
        (
            elsewhere,
            Finding::TakeoverCostsChargedElsewhere { region: sidrap() },
        ),
    ] {
        let rejection = given.refused(&governor(), takeover_day(), take_over(takeover), KSD_ENF_05);
        assert_eq!(
            errors(&rejection, KSD_ENF_05),
            [(finding, "takeover.costs_charged_to".to_string())]
        );
        assert!(errors(&rejection, KSD_ENF_04).is_empty(), "{rejection}");
    }
}

#[test]
fn ksd_enf_05_a_takeover_charged_to_the_defaulting_region_is_accepted() {
    let takeover = governor_takeover(in_force_records());
    assert_eq!(takeover.costs_charged_to, Some(takeover.defaulting_region));
    let after = c06_in_force()
        .when(&governor(), takeover_day(), take_over(takeover))
        .accepted_without(KSD_ENF_05);
    assert_eq!(after.stage(), Stage::TakenOver);
    assert_eq!(
        after.takeover().and_then(|t| t.costs_charged_to),
        Some(parepare())
    );
}

// ---------------------------------------------------------------------------------------------
// 6. A later PKS under the KB while in force: its own DPRD round for its fiscal year
//    (KSD-DPRD-01), then its own drafting (KSD-STAGE-01).
// ---------------------------------------------------------------------------------------------

fn approve(region: &str) -> Command {
    Command::ApproveDprd {
        reference: format!("Keputusan DPRD {region} (uji)"),
    }
}

/// The heads of C06's regions signing in person.
fn c06_heads() -> Vec<kerjasama::model::Signatory> {
    c06_regions().into_iter().map(tracks::head_signs).collect()
}

/// C06 in force with every region party's gate for a later PKS assessed as `gate`.
fn later_gates(gate: DprdGate) -> Given {
    let mut given = c06_in_force();
    for region in c06_regions() {
        given = given.then_do(
            &clerk(region),
            d(2024, 9, 2),
            Command::AssessDprdGate {
                region,
                gate: gate.clone(),
            },
        );
    }
    given
}

/// The flag B gate of a later PKS funded in 2025.
fn not_budgeted_2025() -> DprdGate {
    DprdGate::not_budgeted("iuran TPA 2025 belum dianggarkan (uji)").with_fiscal_year(2025)
}

/// A second PKS under C06's KB, signed by the three heads on `on`, for 2025.
fn second_pks(on: NaiveDate) -> Command {
    let mut document = tracks::signed("PKS-TPA-2025", DocumentKind::Pks, on, c06_heads());
    document.under_kb = Some(DocumentId("KB-TPA-2023".into()));
    document.term = Term::years(d(2025, 1, 1), 1);
    Command::SignPks { document }
}

#[test]
fn ksd_stage_01_a_later_pks_signed_without_its_own_drafting_is_refused() {
    let given = c06_in_force();
    assert_eq!(given.coop.open_dprd_round(), None);
    let rejection = given.refused(
        &clerk(sidrap()),
        d(2024, 12, 2),
        second_pks(d(2024, 12, 2)),
        KSD_STAGE_01,
    );
    assert_eq!(
        errors(&rejection, KSD_STAGE_01),
        [(Finding::LaterPksNotDrafted, String::new())]
    );
    // No round was opened either: each region party's gate is unassessed (KSD-DPRD-01,
    // checked when a later PKS is signed from rule-set version 4), one violation listing the
    // three regions.
    assert_eq!(
        rejection.errors().map(|v| v.rule).collect::<Vec<_>>(),
        [KSD_STAGE_01, KSD_DPRD_01],
        "{rejection}"
    );
    let dprd: Vec<_> = rejection
        .errors()
        .filter(|v| v.rule == KSD_DPRD_01)
        .map(|v| v.count())
        .collect();
    assert_eq!(dprd, [3], "{rejection}");
}

#[test]
fn ksd_stage_01_drafting_of_a_later_pks_starts_once() {
    let budgeted =
        DprdGate::not_required("dianggarkan dalam APBD 2025 (uji)").with_fiscal_year(2025);
    let given = later_gates(budgeted);
    let after = given
        .when(
            &opd(sidrap(), "Dinas Lingkungan Hidup"),
            d(2024, 11, 1),
            Command::StartPksDrafting,
        )
        .accepted();
    assert_eq!(after.stage(), Stage::InForce);
    assert_eq!(
        after.open_dprd_round().and_then(|r| r.drafting_from),
        Some(d(2024, 11, 1))
    );
    let drafting = Given {
        coop: after,
        rules: rules(),
        rest: Vec::new(),
    };
    let rejection = drafting.refused(
        &opd(sidrap(), "Dinas Lingkungan Hidup"),
        d(2024, 11, 5),
        Command::StartPksDrafting,
        KSD_STAGE_01,
    );
    assert_eq!(
        errors(&rejection, KSD_STAGE_01),
        [(Finding::PksDraftingAlreadyStarted, String::new())]
    );
}

#[test]
fn ksd_dprd_01_a_later_rounds_gate_without_its_fiscal_year_is_refused() {
    let given = later_gates(DprdGate::not_budgeted("iuran TPA belum dianggarkan (uji)"));
    // One error per region party, in the order of the region codes.
    let mut regions = c06_regions();
    regions.sort();
    let expected: Vec<(Finding, String)> = regions
        .into_iter()
        .map(|region| {
            (
                Finding::FiscalYearMissing { region },
                "gate.fiscal_year".to_string(),
            )
        })
        .collect();
    let rejection = given.refused(
        &head(sidrap()),
        d(2024, 9, 9),
        Command::SubmitToDprd,
        KSD_DPRD_01,
    );
    assert_eq!(errors(&rejection, KSD_DPRD_01), expected);
}

#[test]
fn ksd_dprd_01_a_dprd_decides_on_a_later_pks_only_once_it_is_submitted() {
    let given = later_gates(not_budgeted_2025());
    let rejection = given.refused(
        &dprd(sidrap()),
        d(2024, 10, 1),
        approve("Sidrap"),
        KSD_DPRD_01,
    );
    assert_eq!(
        errors(&rejection, KSD_DPRD_01),
        [(Finding::LaterRoundNotSubmitted, String::new())]
    );
    let rejection = given.refused(
        &dprd(parepare()),
        d(2024, 10, 1),
        refuse_dprd(),
        KSD_DPRD_01,
    );
    assert_eq!(
        errors(&rejection, KSD_DPRD_01),
        [(Finding::LaterRoundNotSubmitted, String::new())]
    );
}

#[test]
fn ksd_dprd_01_a_later_pks_runs_its_own_round_and_drafting_and_the_cooperation_stays_in_force() {
    let first_round = c06_in_force().coop.dprd_decisions().clone();
    let mut given = later_gates(not_budgeted_2025()).then_do(
        &head(sidrap()),
        d(2024, 9, 9),
        Command::SubmitToDprd,
    );
    assert_eq!(
        given.coop.open_dprd_round().and_then(|r| r.submitted_on),
        Some(d(2024, 9, 9))
    );
    for (region, name) in [
        (sidrap(), "Sidrap"),
        (parepare(), "Parepare"),
        (pinrang(), "Pinrang"),
    ] {
        given = given.then_do(&dprd(region), d(2024, 10, 1), approve(name));
        assert_eq!(given.coop.stage(), Stage::InForce);
    }
    let given = given.then_do(
        &opd(sidrap(), "Dinas Lingkungan Hidup"),
        d(2024, 11, 1),
        Command::StartPksDrafting,
    );
    let after = given
        .when(&clerk(sidrap()), d(2024, 12, 2), second_pks(d(2024, 12, 2)))
        .accepted_without(KSD_STAGE_01);
    assert_eq!(after.stage(), Stage::InForce);
    let ids: Vec<&str> = after.pks().iter().map(|p| p.id.0.as_str()).collect();
    assert_eq!(ids, ["PKS-TPA-2023", "PKS-TPA-2025"]);
    // The later PKS's round is archived with the PKS it was for; the first round stays.
    assert_eq!(after.open_dprd_round(), None);
    let [round] = after.dprd_rounds() else {
        panic!("one archived round: {:?}", after.dprd_rounds());
    };
    assert_eq!(round.for_document, Some(DocumentId("PKS-TPA-2025".into())));
    assert_eq!(round.submitted_on, Some(d(2024, 9, 9)));
    assert_eq!(round.drafting_from, Some(d(2024, 11, 1)));
    assert_eq!(round.gates.len(), 3);
    assert!(round.gates.values().all(|g| g.fiscal_year == Some(2025)));
    assert_eq!(round.decisions.len(), 3);
    assert!(round.decisions.values().all(
        |decision| matches!(decision, DprdDecision::Approved { on, .. } if *on == d(2024, 10, 1))
    ));
    assert_eq!(after.dprd_decisions(), &first_round);
}

// ---------------------------------------------------------------------------------------------
// 7. KSD-DOC-01: the KB revised after a DPRD refusal (`on_dprd_refusal = ReviseKb`) keeps the
//    refused KB and names it.
// ---------------------------------------------------------------------------------------------

/// Version `version` of the current rule set with `policy`.
fn version_with(version: u32, policy: Policy) -> RuleSet {
    RuleSetRegistry::standard()
        .get(RuleSetRef {
            id: RuleSetId::Current,
            version,
        })
        .expect("a known version")
        .with_policy(policy)
}

/// C06 awaiting its DPRDs under `rules`, Sidrap's approval recorded.
fn c06_one_approval(rules: RuleSet) -> Given {
    given_with(sample::c06_landfill(), Stage::AwaitingDprd, rules).advance()
}

fn revise_kb() -> Policy {
    let mut policy = Policy::default();
    policy.on_dprd_refusal = OnDprdRefusal::ReviseKb;
    policy
}

/// The revised KB signed by the three heads on `on`, naming `supersedes`.
fn revised_kb(on: NaiveDate, supersedes: Option<&str>) -> Command {
    let mut document: Document =
        tracks::signed("KB-TPA-2023-REV", DocumentKind::Kb, on, c06_heads());
    document.supersedes = supersedes.map(|id| DocumentId(id.into()));
    Command::SignKb { document }
}

#[test]
fn ksd_doc_01_a_kb_refused_by_a_dprd_goes_back_to_drafting_and_is_kept_under_revise_kb() {
    let given = c06_one_approval(RuleSet::current_with(revise_kb()));
    let then = given.when(&dprd(parepare()), d(2023, 5, 30), refuse_dprd());
    let kinds = event_kinds(&then);
    let revision = kinds
        .iter()
        .position(|k| {
            *k == EventKind::KbRevisionStarted {
                superseded: DocumentId("KB-TPA-2023".into()),
            }
        })
        .expect("a KbRevisionStarted event");
    let stage_change = kinds
        .iter()
        .position(|k| {
            *k == EventKind::StageChanged {
                from: Stage::AwaitingDprd,
                to: Stage::KbDrafting,
                via: CommandKind::RefuseDprd,
            }
        })
        .expect("back to KB drafting");
    assert!(revision < stage_change);
    let after = then.accepted();
    assert_eq!(after.stage(), Stage::KbDrafting);
    assert_eq!(after.kb(), None);
    let kept: Vec<&str> = after
        .superseded_kbs()
        .iter()
        .map(|kb| kb.id.0.as_str())
        .collect();
    assert_eq!(kept, ["KB-TPA-2023"]);
    assert_eq!(Some(&after.superseded_kbs()[0]), given.coop.kb());
    // The refused KB's round is archived with its decisions; every DPRD decides afresh.
    let [round] = after.dprd_rounds() else {
        panic!("one archived round: {:?}", after.dprd_rounds());
    };
    assert_eq!(round.for_document, Some(DocumentId("KB-TPA-2023".into())));
    assert!(matches!(
        round.decisions.get(&sidrap()),
        Some(DprdDecision::Approved { .. })
    ));
    assert!(matches!(
        round.decisions.get(&parepare()),
        Some(DprdDecision::Refused { .. })
    ));
    assert!(after.dprd_decisions().is_empty());
    assert_eq!(after.dprd_gates().len(), 3, "the gate assessments stay");
}

#[test]
fn ksd_doc_01_a_revised_kb_that_does_not_name_the_kb_it_replaces_is_refused() {
    let refused = c06_one_approval(RuleSet::current_with(revise_kb()))
        .when(&dprd(parepare()), d(2023, 5, 30), refuse_dprd())
        .accepted();
    let redrafting = Given {
        coop: refused,
        rules: RuleSet::current_with(revise_kb()),
        rest: Vec::new(),
    };
    let on = d(2023, 6, 15);
    for supersedes in [None, Some("KB-LAIN-2023")] {
        let rejection =
            redrafting.refused(&clerk(sidrap()), on, revised_kb(on, supersedes), KSD_DOC_01);
        assert_eq!(
            errors(&rejection, KSD_DOC_01),
            [(
                Finding::KbRevisionNotLinked {
                    superseded: DocumentId("KB-TPA-2023".into())
                },
                "document.supersedes".to_string()
            )],
            "{supersedes:?}"
        );
    }
    let after = redrafting
        .when(&clerk(sidrap()), on, revised_kb(on, Some("KB-TPA-2023")))
        .accepted_without(KSD_DOC_01);
    assert_eq!(after.stage(), Stage::KbSigned);
    assert_eq!(
        after.kb().map(|kb| kb.id.0.as_str()),
        Some("KB-TPA-2023-REV")
    );
    assert_eq!(after.superseded_kbs().len(), 1);
}

#[test]
fn ksd_doc_01_under_rule_set_version_2_a_refused_kb_is_erased_and_redrafted_unlinked() {
    let rules = version_with(2, revise_kb());
    let given = c06_one_approval(rules.clone());
    let then = given.when(&dprd(parepare()), d(2023, 5, 30), refuse_dprd());
    assert!(
        !event_kinds(&then)
            .iter()
            .any(|k| matches!(k, EventKind::KbRevisionStarted { .. })),
        "version 2 keeps no revision"
    );
    let after = then.accepted();
    assert_eq!(after.stage(), Stage::KbDrafting);
    assert_eq!(after.kb(), None);
    assert!(after.superseded_kbs().is_empty());
    assert!(after.dprd_rounds().is_empty());
    assert!(after.dprd_decisions().is_empty());
    let redrafting = Given {
        coop: after,
        rules,
        rest: Vec::new(),
    };
    let on = d(2023, 6, 15);
    let signed = redrafting
        .when(&clerk(sidrap()), on, revised_kb(on, None))
        .accepted_without(KSD_DOC_01);
    assert_eq!(signed.stage(), Stage::KbSigned);
}

// ---------------------------------------------------------------------------------------------
// 8. KSD-KIND-03 (version 3): a PKS signed under a surat kuasa names its grantor, and its
//    holder is an official of the perangkat daerah.
// ---------------------------------------------------------------------------------------------

/// C06 about to sign its PKS, each region's signatory a Kepala Dinas under the head's kuasa.
fn c06_before_pks(rules: RuleSet) -> Given {
    given_before_with(sample::c06_landfill(), CommandKind::SignPks, rules)
}

/// The first signatory of the PKS step.
fn first_signatory(step: &mut Step) -> &mut kerjasama::model::Signatory {
    &mut tracks::document_mut(step).expect("a document").signatories[0]
}

#[test]
fn ksd_kind_03_a_surat_kuasa_that_names_no_grantor_is_refused() {
    let given = c06_before_pks(rules());
    let name = first_signatory(&mut given.next_step()).name.clone();
    for grantor in [None, Some("  ".to_string())] {
        let rejection = given.next_refused(
            |step| {
                let kuasa = first_signatory(step).surat_kuasa.as_mut().expect("a kuasa");
                kuasa.granted_by = grantor.clone();
            },
            KSD_KIND_03,
        );
        assert_eq!(
            errors(&rejection, KSD_KIND_03),
            [(
                Finding::KuasaWithoutGrantor { name: name.clone() },
                "document.signatories[0].surat_kuasa.granted_by".to_string()
            )],
            "{grantor:?}"
        );
    }
}

#[test]
fn ksd_kind_03_a_surat_kuasa_held_by_the_vice_head_is_refused() {
    let given = c06_before_pks(rules());
    let rejection = given.next_refused(
        |step| {
            let signatory = first_signatory(step);
            signatory.capacity = SignatoryCapacity::WakilKepalaDaerah;
            signatory.office = "Wakil Bupati Sidenreng Rappang".into();
        },
        KSD_KIND_03,
    );
    let signatory = first_signatory(&mut given.next_step()).clone();
    assert_eq!(
        errors(&rejection, KSD_KIND_03),
        [(
            Finding::KuasaHolderNotOfficial {
                name: signatory.name,
                office: "Wakil Bupati Sidenreng Rappang".into(),
            },
            "document.signatories[0].capacity".to_string()
        )]
    );
}

#[test]
fn ksd_kind_03_a_surat_kuasa_granted_by_the_head_to_an_official_is_accepted() {
    let given = c06_before_pks(rules());
    for capacity in [
        SignatoryCapacity::Sekda,
        SignatoryCapacity::Asisten,
        SignatoryCapacity::KepalaOpd,
        SignatoryCapacity::OtherOfficial,
    ] {
        let after = given
            .when_next(|step| {
                let signatory = first_signatory(step);
                signatory.capacity = capacity;
                signatory.surat_kuasa = Some(
                    SuratKuasa::new("SK-01/2023", d(2023, 6, 26))
                        .granted_by("Bupati Sidenreng Rappang (fiktif)"),
                );
            })
            .accepted_without(KSD_KIND_03);
        assert_eq!(after.stage(), Stage::PksSigned, "{capacity:?}");
    }
}

#[test]
fn ksd_kind_03_before_version_3_a_kuasa_without_grantor_passes() {
    let given = c06_before_pks(rules_of_version(2));
    let after = given
        .when_next(|step| {
            first_signatory(step)
                .surat_kuasa
                .as_mut()
                .expect("a kuasa")
                .granted_by = None;
        })
        .accepted_without(KSD_KIND_03);
    assert_eq!(after.stage(), Stage::PksSigned);
}

// ---------------------------------------------------------------------------------------------
// 9. KSD-KIND-05 (Pasal 47): a special-autonomy override makes the rules it names advice where
//    every region party lies in the province.
// ---------------------------------------------------------------------------------------------

fn code(text: &str) -> KodeWilayah {
    text.parse().expect("a region code")
}

/// A kerja sama sukarela of `regions` whose object lies in the plan but names no plan item
/// (a KSD-OBJ-02 error).
fn sukarela_without_plan_item(regions: &[KodeWilayah]) -> Command {
    let mut spec = CooperationSpec::builder()
        .id(CooperationId(uuid::Uuid::from_u128(0x0ACE)))
        .title("Cadangan pangan bersama (uji)")
        .kind(CooperationKind::Ksdd {
            category: Some(KsddCategory::Sukarela),
        })
        .parties(
            regions
                .iter()
                .map(|r| Party::region(*r, sample::region_name(*r))),
        )
        .initiator(regions[0])
        .object(CooperationObject::in_plan(
            "Cadangan pangan",
            [Urusan::Pangan],
            "RPJMD 2023–2026 (fiktif)",
        ))
        .build()
        .expect("a spec");
    spec.object.plan_reference = None;
    Command::Register {
        spec: Box::new(spec),
    }
}

fn override_for(province: &str, rules: Vec<RuleId>) -> RuleSet {
    let entry = SpecialAutonomyOverride {
        province: code(province),
        rules,
        basis: "UU 11/2006 tentang Pemerintahan Aceh (uji)".into(),
    };
    rules_with(|p| p.special_autonomy_overrides = vec![entry])
}

/// Registers `command` for `regions` under `rules`.
fn register(regions: &[KodeWilayah], rules: RuleSet) -> common::Then {
    let unregistered = Given {
        coop: Cooperation::new(),
        rules,
        rest: Vec::new(),
    };
    unregistered.when(
        &clerk(regions[0]),
        d(2024, 2, 1),
        sukarela_without_plan_item(regions),
    )
}

#[test]
fn ksd_kind_05_an_aceh_override_makes_the_named_rule_advice_when_every_party_lies_in_aceh() {
    let aceh = [code("11.01"), code("11.71")];
    assert!(aceh.iter().all(|r| r.province() == code("11")));
    // Without the override the object is refused.
    let refused = register(&aceh, rules());
    let rejection = refused.refused_citing(KSD_OBJ_02);
    assert!(rejection.errors().all(|v| v.advisory_under.is_none()));
    // With it, the rule is advice under KSD-KIND-05.
    let then = register(&aceh, override_for("11", vec![KSD_OBJ_02]));
    let after = then.accepted_with_warning(KSD_OBJ_02);
    assert_eq!(after.stage(), Stage::Draft);
    let [warning] = after.warnings() else {
        panic!("one warning: {:?}", after.warnings());
    };
    assert_eq!(warning.rule, KSD_OBJ_02);
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.advisory_under, Some(KSD_KIND_05));
    assert_eq!(warning.finding, Finding::PlanReferenceMissing);
}

#[test]
fn ksd_kind_05_an_aceh_override_has_no_effect_when_a_party_lies_elsewhere() {
    let mixed = [code("11.01"), sidrap()];
    let then = register(&mixed, override_for("11", vec![KSD_OBJ_02]));
    let rejection = then.refused_citing(KSD_OBJ_02);
    let found: Vec<_> = rejection
        .violations()
        .iter()
        .filter(|v| v.rule == KSD_OBJ_02)
        .map(|v| (v.severity, v.advisory_under))
        .collect();
    assert_eq!(found, [(Severity::Error, None)]);
    assert!(errors(rejection, KSD_KIND_05).is_empty(), "{rejection}");
    // Nor does it reach a rule it does not name.
    let aceh = [code("11.01"), code("11.71")];
    register(&aceh, override_for("11", vec![KSD_DPRD_01])).refused_citing(KSD_OBJ_02);
}

#[test]
fn ksd_kind_05_an_override_for_a_province_without_special_autonomy_is_refused() {
    let sulsel_regions = [sidrap(), parepare()];
    let then = register(&sulsel_regions, override_for("73", vec![KSD_OBJ_02]));
    let rejection = then.refused_citing(KSD_KIND_05);
    assert_eq!(
        errors(rejection, KSD_KIND_05),
        [(
            Finding::NotSpecialAutonomy { province: sulsel() },
            "policy.special_autonomy_overrides[0].province".to_string()
        )]
    );
    // It makes nothing advice either.
    assert_eq!(
        errors(rejection, KSD_OBJ_02),
        [(
            Finding::PlanReferenceMissing,
            "object.plan_reference".to_string()
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// 10. KSD-PK-07 (Pasal 20): a KSDPK's results go to the kas daerah or the regional assets.
// ---------------------------------------------------------------------------------------------

fn with_results(step: &mut Step, results: Vec<ResultReceived>) {
    match &mut step.command {
        Command::RecordEvaluation { evaluation } => evaluation.results = results,
        other => panic!("not an evaluation: {other:?}"),
    }
}

#[test]
fn ksd_impl_06_an_evaluation_covers_a_period_that_ended_by_its_date() {
    let given = given_before(sample::c08_referral(), CommandKind::RecordEvaluation);
    let next_day = |on: NaiveDate| on.succ_opt().expect("a next day");
    // Dated a day after the period it covers: accepted.
    given
        .when_next(|step| step.on = next_day(step.on))
        .accepted();
    // A period ending after the evaluation's own date: invalid input, KSD-IMPL-06.
    let then = given.when_next(|step| {
        let on = step.on;
        match &mut step.command {
            Command::RecordEvaluation { evaluation } => evaluation.period_to = next_day(on),
            other => panic!("not an evaluation: {other:?}"),
        }
    });
    match &then.result {
        Err(Rejection::InvalidInput {
            field,
            rule,
            message,
        }) => {
            assert_eq!(field, "evaluation.period_to");
            assert_eq!(*rule, Some(KSD_IMPL_06));
            assert!(message.contains("after the evaluation's date"), "{message}");
        }
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn ksd_pk_07_a_ksdpk_result_kept_outside_the_treasury_or_the_assets_is_refused() {
    let given = given_before(sample::c08_referral(), CommandKind::RecordEvaluation);
    let rejection = given.next_refused(
        |step| {
            with_results(
                step,
                vec![
                    ResultReceived::new(
                        ResultForm::Money,
                        Rupiah(150_000_000),
                        ResultDestination::Elsewhere,
                    ),
                    ResultReceived::new(
                        ResultForm::Goods,
                        Rupiah(80_000_000),
                        ResultDestination::KasDaerah,
                    ),
                    ResultReceived::new(
                        ResultForm::Money,
                        Rupiah(5_000_000),
                        ResultDestination::RegionalAssets,
                    ),
                ],
            )
        },
        KSD_PK_07,
    );
    assert_eq!(
        errors(&rejection, KSD_PK_07),
        [
            (
                Finding::ResultNotToTreasury {
                    form: ResultForm::Money
                },
                "evaluation.results[0].destination".to_string()
            ),
            (
                Finding::ResultNotToTreasury {
                    form: ResultForm::Goods
                },
                "evaluation.results[1].destination".to_string()
            ),
            (
                Finding::ResultNotToTreasury {
                    form: ResultForm::Money
                },
                "evaluation.results[2].destination".to_string()
            ),
        ]
    );
}

#[test]
fn ksd_pk_07_money_to_the_kas_daerah_and_goods_to_the_regional_assets_are_accepted() {
    let given = given_before(sample::c08_referral(), CommandKind::RecordEvaluation);
    let results = vec![
        ResultReceived::new(
            ResultForm::Money,
            Rupiah(150_000_000),
            ResultDestination::KasDaerah,
        )
        .with_reference("STS 0112/2024 (fiktif)"),
        ResultReceived::new(
            ResultForm::Goods,
            Rupiah(80_000_000),
            ResultDestination::RegionalAssets,
        ),
    ];
    let after = given
        .when_next(|step| with_results(step, results.clone()))
        .accepted_without(KSD_PK_07);
    assert_eq!(after.stage(), Stage::InForce);
    let (_, evaluation) = after.evaluations().last().expect("recorded");
    assert_eq!(evaluation.results, results);
}

#[test]
fn ksd_pk_07_a_ksdd_evaluation_has_no_ksdpk_results_to_check() {
    let given = given_before(sample::c06_landfill(), CommandKind::RecordEvaluation);
    let after = given
        .when_next(|step| {
            with_results(
                step,
                vec![ResultReceived::new(
                    ResultForm::Money,
                    Rupiah(1_000_000),
                    ResultDestination::Elsewhere,
                )],
            )
        })
        .accepted_without(KSD_PK_07);
    assert_eq!(after.evaluations().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// 11. KSD-ENF-07 (Pasal 12): APBN funding aid is for kerja sama wajib only.
// ---------------------------------------------------------------------------------------------

fn apbn_aid(step: &mut Step) -> usize {
    let spec = spec_mut(step);
    let party = spec.initiator.clone();
    spec.funding.push(Funding::new(
        party,
        Rupiah(2_000_000_000),
        FundingSource::Apbn,
    ));
    spec.funding.len() - 1
}

#[test]
fn ksd_enf_07_apbn_funding_aid_outside_a_kerja_sama_wajib_is_refused() {
    for scenario in [sample::c03_rice(), sample::c08_referral()] {
        let case = scenario.case.clone();
        let given = given_before(scenario, CommandKind::Register);
        let mut step = given.next_step();
        let at = apbn_aid(&mut step);
        let rejection = given.refused(&step.actor, step.on, step.command, KSD_ENF_07);
        assert_eq!(
            errors(&rejection, KSD_ENF_07),
            [(
                Finding::ApbnAidNotWajib {
                    party: PartyId::Region(sidrap())
                },
                format!("funding[{at}].source")
            )],
            "{case}"
        );
    }
}

#[test]
fn ksd_enf_07_apbn_funding_aid_for_a_kerja_sama_wajib_is_accepted() {
    let given = given_before(sample::c06_landfill(), CommandKind::Register);
    let after = given
        .when_next(|step| {
            apbn_aid(step);
        })
        .accepted_without(KSD_ENF_07);
    assert_eq!(after.stage(), Stage::Draft);
    let sources: Vec<FundingSource> = after
        .spec()
        .expect("registered")
        .funding
        .iter()
        .map(|f| f.source)
        .collect();
    assert!(sources.contains(&FundingSource::Apbn));
}

// ---------------------------------------------------------------------------------------------
// 12. KSD-KIND-02 on SendOffer (version 3): the offer letter is the initiator's.
// ---------------------------------------------------------------------------------------------

#[test]
fn ksd_kind_02_an_offer_letter_signed_for_another_party_than_the_initiator_is_refused() {
    let given = given_before(sample::c06_landfill(), CommandKind::SendOffer);
    let rejection = given.next_refused(
        |step| match &mut step.command {
            Command::SendOffer { letter } => letter.signatory = tracks::head_signs(parepare()),
            other => panic!("not an offer: {other:?}"),
        },
        KSD_KIND_02,
    );
    assert_eq!(
        errors(&rejection, KSD_KIND_02),
        [(
            Finding::OfferNotForInitiator,
            "letter.signatory.party".to_string()
        )]
    );
    // The letter is signed by a head: the signatory's capacity is not in question.
    assert!(
        rejection
            .violations()
            .iter()
            .all(|v| v.rule != KSD_STAGE_08),
        "{rejection}"
    );
}

#[test]
fn ksd_kind_02_the_initiators_offer_letter_is_accepted() {
    let given = given_before(sample::c06_landfill(), CommandKind::SendOffer);
    let after = given
        .when_next(|step| match &mut step.command {
            Command::SendOffer { letter } => {
                assert_eq!(letter.signatory.party, PartyId::Region(sidrap()));
            }
            other => panic!("not an offer: {other:?}"),
        })
        .accepted_without(KSD_KIND_02);
    assert_eq!(after.stage(), Stage::OfferSent);
    assert!(after.warnings().iter().all(|w| w.rule != KSD_STAGE_08));
}

// ---------------------------------------------------------------------------------------------
// 13. Bad input: typed refusals naming the rule and the field, never a panic.
// ---------------------------------------------------------------------------------------------

#[test]
fn ksd_enf_04_a_takeover_record_dated_after_the_command_is_refused_naming_its_field() {
    // Every record dated after the takeover is named, with the order it breaks.
    let future = governor_takeover([d(2025, 2, 1), d(2025, 2, 8), d(2025, 2, 15)]);
    let found = governor_refusal(future);
    let fields: Vec<&str> = found.iter().map(|(_, field)| field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "takeover.guidance.on",
            "takeover.obstacle_evaluation.on",
            "takeover.minister_approval.on"
        ]
    );
    assert!(
        found
            .iter()
            .all(|(finding, _)| matches!(finding, Finding::PreconditionAfterTakeover { .. }))
    );
}

#[test]
fn ksd_enf_02_a_takeover_of_a_region_that_is_not_a_party_is_invalid_input() {
    let given = c06_in_force();
    let mut takeover = governor_takeover(in_force_records());
    takeover.defaulting_region = palopo();
    takeover.costs_charged_to = Some(palopo());
    let command = take_over(takeover);
    let decided = given
        .when(&governor(), takeover_day(), command.clone())
        .result;
    let rejection = decided.expect_err("a region that is not a party");
    // The field and the rule (Pasal 10: the region that defaults is a party) are named.
    assert_eq!(
        invalid_input(&rejection),
        ("takeover.defaulting_region", Some(KSD_ENF_01))
    );
    // Executed, it is refused alike and changes nothing.
    let mut coop = given.coop.clone();
    let executed = coop.execute(&command, &governor(), takeover_day(), &given.rules);
    assert_eq!(executed, Err(rejection));
    assert_eq!(coop, given.coop);
}

#[test]
fn ksd_trans_01_a_legacy_cooperation_is_refused_the_current_sets_resume() {
    let legacy = RuleSet::legacy();
    let c10 = sample::c10_legacy().run(&legacy).expect("C10 runs");
    let clerk = clerk(sidrap());
    let on = d(2024, 8, 14);
    let result = c10.decide(&Command::Resume, &clerk, on, &legacy);
    assert!(
        matches!(
            &result,
            Err(Rejection::NotAllowedHere {
                command: CommandKind::Resume,
                rule: KSD_TRANS_01,
                path,
                ..
            }) if path.is_empty()
        ),
        "{result:?}"
    );
    // Decided under the current set, it is refused as mixing the two rule sets.
    for command in [
        Command::Resume,
        Command::BeginWajibProcedure,
        Command::terminate_by_agreement([consent(sidrap(), on)]),
    ] {
        let result = c10.decide(&command, &clerk, on, &rules());
        match result {
            Err(rejection) => assert_eq!(
                invalid_input(&rejection),
                ("rule_set", Some(KSD_TRANS_01)),
                "{command:?}"
            ),
            Ok(events) => panic!("{command:?} accepted: {events:?}"),
        }
    }
}
