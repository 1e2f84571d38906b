//! The law at the exits (issue 8, rule-set version 3 of the current set), test by test named
//! after the rule: a violating and a satisfying case for each exit.
//!
//! - a kerja sama wajib stalls toward the takeover where another kind would end (RULES.md
//!   Q21, `wajib_refusal_policy`), resumes where it stalled, or is taken over from the stall;
//! - cancellation only before a KB, termination on a ground after it (KSD-TERM-04);
//! - the consents and evidence of the grounds (KSD-TERM-01, -02) and one party's notice
//!   (KSD-TERM-09);

mod common;
mod tracks;

use chrono::NaiveDate;
use common::{Given, d, given, given_with, rules, rules_of_version, rules_with};
use kerjasama::law::{
    KSD_ENF_04, KSD_STAGE_01, KSD_TERM_01, KSD_TERM_02, KSD_TERM_09, OnDprdRefusal, Policy, RuleId,
    RuleSet, UnilateralTermination, WajibRefusalPolicy,
};
use kerjasama::lifecycle::{
    AuthorityProblem, Command, CommandKind, Cooperation, DprdDecision, EndGround, EventKind,
    Finding, GroundEvidence, Rejection, Stage, TakeoverPrecondition,
};
use kerjasama::model::{
    Actor, Consent, KodeWilayah, Party, PartyId, Record, Role, Takeover, TakeoverBy, WrittenNotice,
};
use kerjasama::sample::{
    self, Scenario, Step, clerk, dprd, governor, head, palopo, parepare, pinrang, sidrap,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The error violations of `rule` in `rejection`, as (finding, field).
fn errors(rejection: &Rejection, rule: RuleId) -> Vec<(Finding, String)> {
    rejection
        .errors()
        .filter(|v| v.rule == rule)
        .map(|v| (v.finding.clone(), v.field.clone().unwrap_or_default()))
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

fn take_over(takeover: Takeover) -> Command {
    Command::TakeOver { takeover }
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
        let rejection = given.refused(&head(sidrap()), today(&given), cancel(), KSD_STAGE_01);
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
    wajib.refused(&head(sidrap()), today(&wajib), cancel(), KSD_STAGE_01);
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
