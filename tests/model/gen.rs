//! The generators of `tests/model.rs`: adapted from `tests/properties.rs` (the same picks,
//! payload pool, payload builders and mutations), with the table replaced by the reference
//! model: the command kinds tried at a stage are those the *model* finds in order (or, with
//! probability 0.12, any kind), and the actor's role is the model's plausible role for it
//! (or, with probability 0.1, any role). A case starts from a prefix of a sample scenario
//! (C01..C09, run under the case's policy up to its first refused step), then applies up to
//! 39 random commands.

use std::fmt::Write as _;

use chrono::NaiveDate;
use kerjasama::law::{
    BurdenReading, KbSignatoryPolicy, OnDprdRefusal, Policy, RuleSet, TkksdReviewPolicy,
    WajibRefusalPolicy,
};
use kerjasama::lifecycle::{Command, CommandKind, Cooperation, Event, EventKind, Rejection, Stage};
use kerjasama::model::*;
use kerjasama::sample::{self, Step};
use proptest::prelude::*;
use proptest::sample::Index;

use super::reference::{self as refm, Model};

/// Longest random tail after the scripted prefix (the tail is 0..MAX_TAIL commands).
pub const MAX_TAIL: usize = 40;

// ---------------------------------------------------------------------------------------------
// Generated input
// ---------------------------------------------------------------------------------------------

/// One random step, interpreted against the state it is applied to.
#[derive(Debug, Clone)]
pub struct Pick {
    /// Draw from every command kind instead of the table's rows at this stage.
    pub wild_kind: bool,
    pub kind: Index,
    /// Draw the role from every role instead of the row's roles.
    pub wild_role: bool,
    pub role: Index,
    /// 0: the most plausible party for the command; 1: a party of the kind the role acts for;
    /// 2: any party; 3: a region that is no party; 4: no party.
    pub party_mode: u8,
    pub party: Index,
    /// Reuse a scripted payload of this kind (when the samples have one).
    pub from_pool: bool,
    pub pool: Index,
    /// Mutate the payload.
    pub mutate: bool,
    /// Days after the latest event (negative: before it).
    pub days: i64,
    /// Drives the payload's details.
    pub seed: u64,
    /// Allow rows that only lead to a terminal stage (cancel, withdraw, reject, take over, end);
    /// otherwise they are avoided when another row exists, so that runs go on.
    pub exit: bool,
    /// While in force, take the next step of a later PKS's DPRD round (gate, submission,
    /// approval, drafting, signing), so that later PKS are signed often enough to be checked.
    pub round: bool,
}

impl Pick {
    /// The choices that pick the actor.
    fn who(&self) -> Who {
        Who {
            wild_role: self.wild_role,
            role: self.role,
            party_mode: self.party_mode,
            party: self.party,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Input {
    pub case: Index,
    pub prefix: Index,
    pub policy: Policy,
    pub picks: Vec<Pick>,
}

fn policy_strategy() -> impl Strategy<Value = Policy> {
    (
        0..3usize,
        0..3usize,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(kb, tkksd, without_kb, disjunctive, revise, ends)| {
            let mut policy = Policy::default();
            // The default comes first in each list, so shrinking moves towards it.
            policy.kb_signatory_policy = [
                KbSignatoryPolicy::Warn,
                KbSignatoryPolicy::Allow,
                KbSignatoryPolicy::Error,
            ][kb];
            policy.tkksd_review = [
                TkksdReviewPolicy::RequiredWarn,
                TkksdReviewPolicy::Off,
                TkksdReviewPolicy::RequiredError,
            ][tkksd];
            policy.allow_pks_without_kb = without_kb;
            policy.burden_reading = if disjunctive {
                BurdenReading::Disjunctive
            } else {
                BurdenReading::Conjunctive
            };
            policy.on_dprd_refusal = if revise {
                OnDprdRefusal::ReviseKb
            } else {
                OnDprdRefusal::Terminate
            };
            // RULES.md Q21: the default stalls a wajib exit toward the takeover.
            policy.wajib_refusal_policy = if ends {
                WajibRefusalPolicy::EndsCooperation
            } else {
                WajibRefusalPolicy::StallsTowardTakeover
            };
            policy
        })
}

fn days_strategy() -> impl Strategy<Value = i64> {
    prop_oneof![
        70 => 0i64..=30,
        15 => 31i64..=400,
        8 => 401i64..=2500,
        7 => -60i64..=-1,
    ]
}

fn pick_strategy() -> impl Strategy<Value = Pick> {
    (
        (
            prop::bool::weighted(0.12),
            any::<Index>(),
            prop::bool::weighted(0.1),
            any::<Index>(),
        ),
        (
            prop_oneof![50 => Just(0u8), 25 => Just(1u8), 10 => Just(2u8), 8 => Just(3u8), 7 => Just(4u8)],
            any::<Index>(),
        ),
        (
            prop::bool::weighted(0.25),
            any::<Index>(),
            prop::bool::weighted(0.2),
            days_strategy(),
            any::<u64>(),
            prop::bool::weighted(0.15),
            prop::bool::weighted(0.4),
        ),
    )
        .prop_map(
            |(
                (wild_kind, kind, wild_role, role),
                (party_mode, party),
                (from_pool, pool, mutate, days, seed, exit, round),
            )| Pick {
                wild_kind,
                kind,
                wild_role,
                role,
                party_mode,
                party,
                from_pool,
                pool,
                mutate,
                days,
                seed,
                exit,
                round,
            },
        )
}

pub fn input_strategy() -> impl Strategy<Value = Input> {
    (
        any::<Index>(),
        any::<Index>(),
        policy_strategy(),
        prop::collection::vec(pick_strategy(), 0..MAX_TAIL),
    )
        .prop_map(|(case, prefix, policy, picks)| Input {
            case,
            prefix,
            policy,
            picks,
        })
}

// ---------------------------------------------------------------------------------------------
// Interpreting a pick against the state
// ---------------------------------------------------------------------------------------------

pub use crate::generators::Rng;
/// A small deterministic generator for payload details (SplitMix64).
pub use crate::generators::*;

/// The payload of `kind`: a scripted one from the pool, or one built from the state.
pub fn payload(
    kind: CommandKind,
    coop: &Cooperation,
    on: NaiveDate,
    pick: &Pick,
    pool: &[Step],
    rng: &mut Rng,
) -> Command {
    let scripted: Vec<&Step> = pool.iter().filter(|s| s.command.kind() == kind).collect();
    let use_pool =
        matches!(kind, CommandKind::Register | CommandKind::RecordEvaluation) || pick.from_pool;
    if use_pool && !scripted.is_empty() {
        let mut command = scripted[pick.pool.index(scripted.len())].command.clone();
        if pick.mutate {
            if let Command::Register { spec } = &mut command {
                mutate_spec(spec, rng);
            }
            if let Some(doc) = document_mut(&mut command) {
                mutate_document(doc, coop.spec(), rng);
            }
        }
        command
    } else {
        build(kind, coop, on, rng, pick.mutate)
    }
}

// ---------------------------------------------------------------------------------------------
// Running a case
// ---------------------------------------------------------------------------------------------

/// One decided command and what it did.
#[derive(Debug, Clone)]
pub struct Decided {
    pub scripted: bool,
    pub actor: Actor,
    pub on: NaiveDate,
    pub command: Command,
    pub before: Cooperation,
    pub decided: Result<Vec<Event>, Rejection>,
    pub executed: Result<Vec<Event>, Rejection>,
    /// The clone `execute` ran on, after it ran.
    pub after: Cooperation,
}

pub struct Trace {
    pub case: String,
    pub prefix: usize,
    pub rules: RuleSet,
    pub records: Vec<Decided>,
    pub live: Cooperation,
    /// Every accepted event, in order.
    pub events: Vec<Event>,
}

impl Trace {
    pub fn step(&mut self, scripted: bool, actor: Actor, on: NaiveDate, command: Command) -> bool {
        let before = self.live.clone();
        let decided = before.decide(&command, &actor, on, &self.rules);
        let mut after = before.clone();
        let executed = after.execute(&command, &actor, on, &self.rules);
        let accepted = executed.is_ok();
        if let Ok(events) = &executed {
            self.events.extend(events.iter().cloned());
            self.live = after.clone();
        }
        self.records.push(Decided {
            scripted,
            actor,
            on,
            command,
            before,
            decided,
            executed,
            after,
        });
        accepted
    }

    /// A readable account of the run up to record `upto` (inclusive), for failure messages.
    pub fn describe(&self, upto: usize) -> String {
        let p = &self.rules.policy;
        let mut out = format!(
            "case {} prefix {} policy {{ kb_signatory_policy: {:?}, tkksd_review: {:?}, allow_pks_without_kb: {}, burden_reading: {:?}, on_dprd_refusal: {:?} }}\n",
            self.case,
            self.prefix,
            p.kb_signatory_policy,
            p.tkksd_review,
            p.allow_pks_without_kb,
            p.burden_reading,
            p.on_dprd_refusal
        );
        for (i, r) in self.records.iter().enumerate().take(upto + 1) {
            let party = r
                .actor
                .party
                .as_ref()
                .map_or("-".to_owned(), ToString::to_string);
            let outcome = match &r.executed {
                Ok(events) => {
                    let moved = events.iter().find_map(|e| match &e.kind {
                        EventKind::StageChanged { from, to, .. } => {
                            Some(format!("{from:?} -> {to:?}"))
                        }
                        _ => None,
                    });
                    format!(
                        "accepted ({})",
                        moved.unwrap_or_else(|| format!("stays {:?}", r.before.stage()))
                    )
                }
                Err(rejection) => format!("refused {}", short(rejection)),
            };
            let _ = writeln!(
                out,
                "  #{i:<2} {} {:?}@{party} {} {:?} at {:?}: {outcome}",
                if r.scripted { "script" } else { "random" },
                r.actor.role,
                r.on,
                r.command.kind(),
                r.before.stage(),
            );
        }
        if let Some(r) = self.records.get(upto) {
            let _ = writeln!(out, "  last command: {:?}", r.command);
        }
        out
    }
}

pub fn short(rejection: &Rejection) -> String {
    match rejection {
        Rejection::NotAllowedHere { rule, .. } => format!("NotAllowedHere({rule})"),
        Rejection::ActorNotAuthorised { rule, problem, .. } => {
            format!("ActorNotAuthorised({rule}: {problem:?})")
        }
        Rejection::Violations { violations, .. } => format!(
            "Violations({})",
            violations
                .iter()
                .map(|v| format!("{}:{:?}", v.rule, v.severity))
                .collect::<Vec<_>>()
                .join(",")
        ),
        Rejection::InvalidInput { field, .. } => format!("InvalidInput({field})"),
        other => format!("{other:?}"),
    }
}

/// Runs the scripted prefix, then the random picks. The kinds tried are those the reference
/// model finds in order at the stage (exits avoided unless the pick allows one), or any kind.
pub fn run(input: &Input, pool: &[Step]) -> Trace {
    let cases = sample::cases();
    let scenario = &cases[input.case.index(cases.len())];
    let prefix = input.prefix.index(scenario.steps.len() + 1);
    let mut trace = Trace {
        case: scenario.case.clone(),
        prefix,
        rules: RuleSet::current_with(input.policy.clone()),
        records: Vec::new(),
        live: Cooperation::new(),
        events: Vec::new(),
    };
    let mut model = Model::new();
    let step =
        |trace: &mut Trace, model: &mut Model, scripted, actor: Actor, on, command: Command| {
            let accepted = trace.step(scripted, actor.clone(), on, command.clone());
            if accepted {
                model.accept(&command, &actor, &trace.rules.policy);
            }
            accepted
        };
    for s in &scenario.steps[..prefix] {
        if !step(
            &mut trace,
            &mut model,
            true,
            s.actor.clone(),
            s.on,
            s.command.clone(),
        ) {
            break;
        }
    }
    let start = scenario.steps[0].on;
    for pick in &input.picks {
        let mut rng = Rng(pick.seed);
        let coop = trace.live.clone();
        let base = coop.last_date().unwrap_or(start);
        let on = shift(base, pick.days);
        let track = model.track.unwrap_or(refm::Tr::Sukarela);
        let mut kinds: Vec<CommandKind> = CommandKind::ALL
            .iter()
            .copied()
            .filter(|k| model.in_order(refm::op_of_kind(*k), track))
            .collect();
        if !pick.exit && kinds.iter().any(|k| !refm::may_exit(refm::op_of_kind(*k))) {
            kinds.retain(|k| !refm::may_exit(refm::op_of_kind(*k)));
        }
        let kind = if pick.wild_kind || kinds.is_empty() {
            CommandKind::ALL[pick.kind.index(CommandKind::ALL.len())]
        } else {
            kinds[pick.kind.index(kinds.len())]
        };
        let planned = (pick.round && coop.stage() == Stage::InForce)
            .then(|| later_round_step(&coop, &trace.rules.policy))
            .flatten();
        let kind = planned.map_or(kind, |(kind, _)| kind);
        let roles = refm::plausible_roles(refm::op_of_kind(kind));
        let mut command = payload(kind, &coop, on, pick, pool, &mut rng);
        let mut actor = actor(&pick.who(), roles, &command, &coop, &mut rng);
        if let Some((_, Some(code))) = planned {
            if let Command::AssessDprdGate { region, .. } = &mut command {
                *region = code;
            }
            if kind == CommandKind::ApproveDprd {
                actor = Actor::new(Role::Dprd, code, "DPRD");
            }
        }
        step(&mut trace, &mut model, false, actor, on, command);
    }
    trace
}

/// The next step of the DPRD round of a later PKS (in force), read from the crate's state (a
/// generator hint only): a region party's gate to assess, the submission, a pending approval,
/// the drafting, or the signing.
fn later_round_step(
    coop: &Cooperation,
    policy: &Policy,
) -> Option<(CommandKind, Option<KodeWilayah>)> {
    let regions = coop.spec()?.region_codes();
    let round = coop.open_dprd_round();
    let gate = |code: &KodeWilayah| round.and_then(|r| r.gates.get(code));
    if let Some(code) = regions.iter().find(|c| gate(c).is_none()) {
        return Some((CommandKind::AssessDprdGate, Some(*code)));
    }
    let pending: Vec<KodeWilayah> = regions
        .iter()
        .copied()
        .filter(|c| gate(c).is_some_and(|g| policy.dprd_required(g)))
        .filter(|c| {
            !matches!(
                round.and_then(|r| r.decisions.get(c)),
                Some(kerjasama::lifecycle::DprdDecision::Approved { .. })
            )
        })
        .collect();
    let submitted = round.is_some_and(|r| r.submitted_on.is_some());
    match pending.first() {
        Some(_) if !submitted => Some((CommandKind::SubmitToDprd, None)),
        Some(code) => Some((CommandKind::ApproveDprd, Some(*code))),
        None if round.is_none_or(|r| r.drafting_from.is_none()) => {
            Some((CommandKind::StartPksDrafting, None))
        }
        None => Some((CommandKind::SignPks, None)),
    }
}
