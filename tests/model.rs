//! Model-based property tests (issue 10 item 4): a reference model of the lifecycle written
//! independently of the transition table (`tests/model/reference.rs`) is run beside the crate
//! on random command sequences issued by random actors (`tests/model/gen.rs`), and eight
//! properties of the crate are checked on every run, each in its own test.
//!
//! Cases per property: `DEFAULT_CASES` (64: the whole file runs in about 10-12 s in a debug
//! build on two shared cores); the environment variable `KSD_PROPTEST_CASES` overrides it for every
//! property, e.g. `KSD_PROPTEST_CASES=100000 cargo test --release --all-features --test model`.

#[path = "model/gen.rs"]
mod generator;
#[path = "generators/mod.rs"]
mod generators;
#[path = "model/reference.rs"]
mod reference;

use std::collections::BTreeSet;

use chrono::{DateTime, Days, TimeZone, Utc};
use kerjasama::audit::{self, Envelope, ReplayError, ReplayProblem, SequentialIds};
use kerjasama::law::{KbSignatoryPolicy, Policy, RuleSet, RuleSetRegistry, WajibRefusalPolicy};
use kerjasama::lifecycle::{
    Command, CommandKind, Cooperation, DprdDecision, Event, Rejection, Stage,
};
use kerjasama::model::*;
use kerjasama::sample::Step;
use kerjasama::store::{EventStore, MemoryStore};
use kerjasama::time::{self, Validity};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;

use generator::{Decided, Input, Rng, Trace, input_strategy, run};
use reference::{Model, op, op_of_kind, st};

/// Cases per property unless `KSD_PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 64;

fn cases() -> u32 {
    std::env::var("KSD_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        max_shrink_iters: 4096,
        ..ProptestConfig::default()
    }
}

/// The payload pool (every scripted step of C01..C09), built once per test binary.
fn shared_pool() -> &'static [Step] {
    static POOL: std::sync::OnceLock<Vec<Step>> = std::sync::OnceLock::new();
    POOL.get_or_init(generator::pool)
}

fn trace_of(input: &Input) -> Trace {
    run(input, shared_pool())
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serialises")
}

fn round_trips<T>(what: &str, value: &T) -> Result<(), String>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let text = serde_json::to_string(value).map_err(|e| format!("{what}: serialising: {e}"))?;
    let back: T =
        serde_json::from_str(&text).map_err(|e| format!("{what}: deserialising {text}: {e}"))?;
    if back != *value {
        return Err(format!(
            "{what}: round trip changed the value\n  via {text}"
        ));
    }
    let again = serde_json::to_string(&back).map_err(|e| format!("{what}: {e}"))?;
    if again != text {
        return Err(format!(
            "{what}: second serialisation differs\n  {text}\n  {again}"
        ));
    }
    Ok(())
}

fn recorded_at(i: usize) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0)
        .single()
        .expect("valid instant")
        + chrono::Duration::seconds(i64::try_from(i).unwrap_or(0))
}

/// The accepted steps of a run recorded as an audit log with `audit::record` (the envelope
/// `Ledger` appends), and the live state after each envelope.
fn record_log(trace: &Trace) -> Result<(Vec<Envelope>, Vec<Cooperation>), String> {
    let mut ids = SequentialIds::default();
    let mut log: Vec<Envelope> = Vec::new();
    let mut states = Vec::new();
    for (i, r) in trace.records.iter().enumerate() {
        let Ok(events) = &r.executed else { continue };
        let envelope = audit::record(
            &r.before,
            log.last(),
            &r.command,
            &r.actor,
            r.on,
            recorded_at(log.len()),
            &trace.rules,
            &mut ids,
        )
        .map_err(|e| format!("#{i}: accepted live but refused when recorded: {e}"))?;
        if envelope.events != *events {
            return Err(format!(
                "#{i}: recorded events differ from the decided ones"
            ));
        }
        log.push(envelope);
        states.push(r.after.clone());
    }
    Ok((log, states))
}

fn replay(log: &[Envelope]) -> Result<audit::Replayed, ReplayError> {
    audit::replay(log, &RuleSetRegistry::standard())
}

/// What the law forbids in a state, under `policy`; `None` when the state is lawful. The
/// notion of `tests/properties.rs`, strengthened:
/// - `PksSigned` or `InForce` without a signed PKS, with no exception (KSD-STAGE-01, -DOC-01);
/// - `InForce` entered before the first PKS takes effect (KSD-STAGE-01: stage h follows g);
/// - a signed PKS without a signed KB unless `allow_pks_without_kb` (KSD-STAGE-05);
/// - a signed PKS while a region party's DPRD gate was never assessed, or is true under the
///   policy without that DPRD's approval (KSD-DPRD-01, -04);
/// - a kerja sama wajib left with no way to the takeover: under `StallsTowardTakeover` in an
///   exit (Q21), or in any non-final stage where `allowed_commands` does not list the
///   takeover (KSD-ENF-01..04, Pasal 10); a stall or a takeover of anything but a wajib
///   cooperation, or a takeover without its decree (KSD-ENF-06: an explicit event);
/// - under `kb_signatory_policy = Error`, a KB signed for a region by anyone but its head
///   (KSD-DOC-07);
/// - a PKS of a KSDPK of type (a) without the four clauses of KSD-DOC-02;
/// - `Ended` without a ground or a recorded early ending (KSD-TERM-01, -02).
fn forbidden(coop: &Cooperation, rules: &RuleSet, probe: &Actor) -> Option<String> {
    let policy = &rules.policy;
    let stage = coop.stage();
    if matches!(stage, Stage::PksSigned | Stage::InForce) && coop.pks().is_empty() {
        return Some(format!(
            "KSD-STAGE-01: stage {stage:?} without a signed PKS"
        ));
    }
    if stage == Stage::InForce
        && let (Some(effective), Some(entered)) =
            (coop.pks_effective_from(), coop.stage_entered_on())
        && coop
            .stage_history()
            .iter()
            .filter(|(s, _)| *s == Stage::InForce)
            .count()
            == 1
        && entered < effective
    {
        return Some(format!(
            "KSD-STAGE-01: in force on {entered}, before the PKS takes effect on {effective}"
        ));
    }
    if !coop.pks().is_empty() && coop.kb().is_none() && !policy.allow_pks_without_kb {
        return Some("KSD-STAGE-05: a PKS without a KB while allow_pks_without_kb = false".into());
    }
    let wajib = coop.kind().is_some_and(CooperationKind::is_wajib);
    if matches!(stage, Stage::Stalled | Stage::TakenOver) && !wajib {
        return Some(format!(
            "KSD-ENF-01: {stage:?} for a cooperation that is not wajib"
        ));
    }
    if stage == Stage::TakenOver && coop.takeover().is_none() {
        return Some("KSD-ENF-06: taken over without a takeover decree".into());
    }
    if stage == Stage::Ended && coop.end_grounds().is_empty() && coop.ending().is_none() {
        return Some("KSD-TERM-01: ended on no ground".into());
    }
    let stalls = policy.wajib_refusal_policy == WajibRefusalPolicy::StallsTowardTakeover;
    let dead_end = matches!(
        stage,
        Stage::Withdrawn | Stage::OfferRejected | Stage::DprdRefused | Stage::Cancelled
    );
    if wajib && stalls && dead_end {
        return Some(format!(
            "RULES.md Q21 / KSD-ENF-01: a kerja sama wajib in {stage:?}, with no way to the takeover"
        ));
    }
    if wajib && !stage.is_terminal() {
        let date = coop.last_date().unwrap_or_default();
        let listed = coop
            .allowed_commands(probe, date, rules)
            .iter()
            .any(|a| a.command == CommandKind::TakeOver);
        if !listed {
            return Some(format!(
                "KSD-ENF-01..04: a kerja sama wajib in {stage:?} from which no takeover is listed"
            ));
        }
    }
    let spec = coop.spec()?;
    if !coop.pks().is_empty() {
        for region in spec.region_codes() {
            let Some(gate) = coop.dprd_gates().get(&region) else {
                return Some(format!(
                    "KSD-DPRD-01: a PKS is signed but the DPRD gate of {region} was never assessed"
                ));
            };
            let approved = matches!(
                coop.dprd_decisions().get(&region),
                Some(DprdDecision::Approved { .. })
            );
            if policy.dprd_required(gate) && !approved {
                return Some(format!(
                    "KSD-DPRD-01: a PKS is signed but {region}, whose gate is true under {:?}, has no DPRD approval",
                    policy.burden_reading
                ));
            }
        }
    }
    if policy.kb_signatory_policy == KbSignatoryPolicy::Error
        && let Some(kb) = coop.kb()
    {
        for s in &kb.signatories {
            if matches!(s.party, PartyId::Region(_))
                && s.capacity != SignatoryCapacity::KepalaDaerah
            {
                return Some(format!(
                    "KSD-DOC-07: kb_signatory_policy = Error but the KB is signed for {} by {:?}",
                    s.party, s.capacity
                ));
            }
        }
    }
    if spec.kind.ksdpk_type() == Some(KsdpkType::PublicService) {
        let minimum = [
            Clause::RightsAndObligations,
            Clause::Term,
            Clause::DisputeSettlement,
            Clause::Sanctions,
        ];
        for pks in coop.pks() {
            if minimum.iter().any(|c| !pks.clauses.contains(c)) {
                return Some(format!("KSD-DOC-02: PKS {} lacks a minimum clause", pks.id));
            }
        }
    }
    None
}

/// A PKS signed while the cooperation is in force passes its own DPRD round (Pasal 6 ayat
/// (1)-(2) for every PKS, KSD-DPRD-01): the round kept for it must show every region party's
/// gate assessed and, where the gate is true under the policy, that DPRD's approval.
fn later_pks_without_its_round(
    coop: &Cooperation,
    pks: &DocumentId,
    policy: &Policy,
) -> Option<String> {
    let spec = coop.spec()?;
    let Some(round) = coop
        .dprd_rounds()
        .iter()
        .find(|round| round.for_document.as_ref() == Some(pks))
    else {
        return Some(format!(
            "KSD-DPRD-01: later PKS {pks} signed with no DPRD round kept for it"
        ));
    };
    for region in spec.region_codes() {
        let Some(gate) = round.gates.get(&region) else {
            return Some(format!(
                "KSD-DPRD-01: later PKS {pks}: the gate of {region} was never assessed"
            ));
        };
        let approved = matches!(
            round.decisions.get(&region),
            Some(DprdDecision::Approved { .. })
        );
        if policy.dprd_required(gate) && !approved {
            return Some(format!(
                "KSD-DPRD-01: later PKS {pks}: {region}'s gate is true but its DPRD did not approve"
            ));
        }
    }
    None
}

/// A well-formed command of `kind` for the state of `r` (the builders of the generator,
/// unmutated; a registration and an evaluation are scripted ones from the sample cases).
fn well_formed(kind: CommandKind, r: &Decided, seed: u64) -> Command {
    let mut rng = Rng(seed);
    if matches!(kind, CommandKind::Register | CommandKind::RecordEvaluation) {
        let scripted: Vec<&Step> = shared_pool()
            .iter()
            .filter(|s| s.command.kind() == kind)
            .collect();
        return scripted[rng.below(scripted.len())].command.clone();
    }
    generator::build(kind, &r.before, r.on, &mut rng, false)
}

fn short(rejection: &Rejection) -> String {
    generator::short(rejection)
}

// ---------------------------------------------------------------------------------------------
// Tampering with a log
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Tamper {
    how: u8,
    at: Index,
    other: Index,
}

fn tamper_strategy() -> impl Strategy<Value = Tamper> {
    (0u8..19, any::<Index>(), any::<Index>()).prop_map(|(how, at, other)| Tamper { how, at, other })
}

/// Re-seals the chain from `from` on: a forger who recomputes every hash after an edit.
fn reseal(log: &mut [Envelope], from: usize) {
    for i in from..log.len() {
        if i > 0 {
            log[i].prev_hash = log[i - 1].hash.clone();
        }
        log[i].hash = log[i].computed_hash();
    }
}

fn flip_hex(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if let Some(c) = chars.last_mut() {
        *c = if *c == '0' { '1' } else { '0' };
    } else {
        chars.push('0');
    }
    chars.into_iter().collect()
}

/// Applies `t` to a copy of `log` (at least one envelope). Returns the tampered log, what was
/// done, the sequence the replay must fail at, and whether only a decision problem
/// (`ForgedDecision` / `RefusedOnReplay`) may be reported there (for a re-sealed forgery).
/// `None` when this tamper cannot apply to this log (e.g. a swap in a one-envelope log).
fn tamper(log: &[Envelope], t: &Tamper) -> Option<(Vec<Envelope>, String, u64, bool)> {
    let mut out = log.to_vec();
    let n = log.len();
    let i = t.at.index(n);
    let seq = |i: usize| u64::try_from(i).expect("small") + 1;
    let e = &mut out[i];
    let done = match t.how {
        0 => {
            e.sequence += 1;
            "sequence + 1"
        }
        1 => {
            e.occurred_on = e.occurred_on.checked_add_days(Days::new(1))?;
            "occurred_on + 1 day"
        }
        2 => {
            e.recorded_at += chrono::Duration::seconds(1);
            "recorded_at + 1 s"
        }
        3 => {
            e.actor.name.push('x');
            "actor name"
        }
        4 => {
            e.event_id = uuid::Uuid::from_u128(e.event_id.as_u128() ^ 1);
            "event id"
        }
        5 => {
            e.cooperation_id =
                CooperationId(uuid::Uuid::from_u128(e.cooperation_id.0.as_u128() ^ 1));
            "cooperation id"
        }
        6 => {
            let j = t.other.index(n);
            let replacement = if log[j].command != e.command {
                log[j].command.clone()
            } else {
                Command::Cancel {
                    reason: "disisipkan".into(),
                }
            };
            e.command = replacement;
            "command replaced"
        }
        7 => {
            if e.events.is_empty() {
                return None;
            }
            let k = t.other.index(e.events.len());
            e.events.remove(k);
            "an event dropped"
        }
        8 => {
            if e.events.is_empty() {
                return None;
            }
            let k = t.other.index(e.events.len());
            let copy = e.events[k].clone();
            e.events.insert(k, copy);
            "an event duplicated"
        }
        9 => {
            if e.events.is_empty() {
                return None;
            }
            let k = t.other.index(e.events.len());
            e.events[k].occurred_on = e.events[k].occurred_on.checked_add_days(Days::new(1))?;
            "an event's date + 1 day"
        }
        10 => {
            e.prev_hash = flip_hex(&e.prev_hash);
            "prev_hash altered"
        }
        11 => {
            e.hash = flip_hex(&e.hash);
            "hash altered"
        }
        12 => {
            e.rule_set.version = if e.rule_set.version > 1 {
                e.rule_set.version - 1
            } else {
                2
            };
            "rule-set version"
        }
        13 => {
            e.schema_version += 1;
            "schema version"
        }
        14 => {
            let j = t.other.index(n);
            if i == j {
                return None;
            }
            out.swap(i, j);
            return Some((
                out,
                format!("envelopes {} and {} swapped", seq(i), seq(j)),
                seq(i.min(j)),
                false,
            ));
        }
        15 => {
            let copy = out[i].clone();
            out.insert(i + 1, copy);
            return Some((
                out,
                format!("envelope {} duplicated", seq(i)),
                seq(i + 1),
                false,
            ));
        }
        16 => {
            // Dropping the last envelope leaves a valid shorter log: not a tamper replay
            // can see (the store's head sequence is what guards against truncation).
            if i + 1 == n {
                return None;
            }
            out.remove(i);
            return Some((out, format!("envelope {} dropped", seq(i)), seq(i), false));
        }
        17 => {
            // A forger who changes the legal date and re-seals the chain.
            e.occurred_on = e.occurred_on.checked_add_days(Days::new(1))?;
            reseal(&mut out, i);
            return Some((
                out,
                format!("envelope {}: occurred_on + 1 day, re-sealed", seq(i)),
                seq(i),
                true,
            ));
        }
        _ => {
            // A forger who drops a fact (not a warning) and re-seals the chain.
            let facts: Vec<usize> = (0..e.events.len())
                .filter(|k| !e.events[*k].is_warning())
                .collect();
            if facts.is_empty() {
                return None;
            }
            let k = facts[t.other.index(facts.len())];
            e.events.remove(k);
            reseal(&mut out, i);
            return Some((
                out,
                format!("envelope {}: fact {k} dropped, re-sealed", seq(i)),
                seq(i),
                true,
            ));
        }
    };
    Some((out, format!("envelope {}: {done}", seq(i)), seq(i), false))
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// (1) A refused command leaves the cooperation equal to before, as a value and in its
    /// serialized form, whatever refused it.
    #[test]
    fn refused_command_changes_nothing(input in input_strategy()) {
        let trace = trace_of(&input);
        for (i, r) in trace.records.iter().enumerate() {
            if r.executed.is_err() {
                prop_assert!(r.after == r.before, "#{i} refused but changed the state\n{}", trace.describe(i));
                prop_assert_eq!(json(&r.after), json(&r.before), "#{} refused but its JSON changed", i);
                prop_assert!(r.decided.is_err(), "#{i}: execute refused what decide accepted\n{}", trace.describe(i));
            }
        }
    }

    /// (2) The accepted steps recorded as an audit log (`audit::record`, the envelope the
    /// `Ledger` appends) and kept in a `MemoryStore` replay
    /// (`audit::replay`, every command decided again) to the live state, with no difference in
    /// warnings; so does every prefix of the log, to the state after its last step.
    #[test]
    fn replay_equals_live_state(input in input_strategy(), cut in any::<Index>()) {
        let trace = trace_of(&input);
        let (log, states) = record_log(&trace).map_err(|why| TestCaseError::fail(format!("{why}\n{}", trace.describe(trace.records.len().saturating_sub(1)))))?;
        if log.is_empty() {
            // Nothing accepted (a refused registration): nothing to record.
            return Ok(());
        }
        // Through a store as the `Ledger` keeps it: appended one by one against the sequence
        // seen (check_append checks sequence and chain), loaded back.
        let store = MemoryStore::new();
        let id = log[0].cooperation_id;
        for (k, envelope) in log.iter().enumerate() {
            let appended = store.append(id, u64::try_from(k).unwrap_or(u64::MAX), std::slice::from_ref(envelope));
            prop_assert!(appended.is_ok(), "the store refuses envelope {}: {:?}", k + 1, appended.err());
        }
        let loaded = store.load(id).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(loaded == log, "the store gives back another log");
        let replayed = replay(&loaded);
        prop_assert!(replayed.is_ok(), "the recorded log does not replay: {:?}\n{}", replayed.err(), trace.describe(trace.records.len() - 1));
        let replayed = replayed.expect("checked");
        prop_assert!(replayed.state == trace.live, "replay differs from the live state\n{}", trace.describe(trace.records.len() - 1));
        prop_assert!(replayed.differences.is_empty(), "warnings differ on replay: {:?}", replayed.differences);
        let k = cut.index(log.len());
        let prefix = replay(&log[..=k]).map_err(|e| TestCaseError::fail(format!("prefix of {} does not replay: {e}", k + 1)))?;
        prop_assert!(prefix.state == states[k], "the prefix of {} envelopes replays to another state", k + 1);
    }

    /// (3) The cooperation state, every command and every envelope survive a JSON round trip
    /// unchanged, and serialise again to the same bytes.
    #[test]
    fn serde_round_trip_is_identity(input in input_strategy()) {
        let trace = trace_of(&input);
        for (i, r) in trace.records.iter().enumerate() {
            let checked = round_trips("command", &r.command)
                .and_then(|()| round_trips("state", &r.after));
            if let Err(why) = checked {
                prop_assert!(false, "#{i}: {why}\n{}", trace.describe(i));
            }
        }
        let (log, _) = record_log(&trace).map_err(TestCaseError::fail)?;
        for envelope in &log {
            if let Err(why) = round_trips("envelope", envelope) {
                prop_assert!(false, "envelope {}: {why}", envelope.sequence);
            }
        }
        if let Err(why) = round_trips("log", &log) {
            prop_assert!(false, "{why}");
        }
    }

    /// (4) No run reaches a state the law forbids (see `forbidden`), after any step.
    #[test]
    fn no_forbidden_state(input in input_strategy()) {
        let trace = trace_of(&input);
        let probe = Actor::central(Role::Governor, "probe");
        for (i, r) in trace.records.iter().enumerate() {
            if let Some(why) = forbidden(&r.after, &trace.rules, &probe) {
                prop_assert!(false, "forbidden state after #{i}: {why}\n{}", trace.describe(i));
            }
            if let (Ok(_), Command::SignPks { document }) = (&r.executed, &r.command)
                && r.before.stage() == Stage::InForce
                && let Some(why) = later_pks_without_its_round(&r.after, &document.id, &trace.rules.policy)
            {
                prop_assert!(false, "after #{i}: {why}\n{}", trace.describe(i));
            }
        }
    }

    /// (5) For every state reached, `allowed_commands` lists exactly the kinds that `decide`
    /// accepts *in order*. "Accepts" here means: a well-formed command of that kind (built from
    /// the state, unmutated), issued by the run's actor on the run's date, is not refused
    /// `NotAllowedHere`; it may still be refused for who issues it (`ActorNotAuthorised`), its
    /// content or the state (`Violations`, `InvalidInput`), which `allowed_commands` reports
    /// as `actor_may_issue` and `blockers` instead of leaving the kind out. The flags must
    /// agree with `decide` too: a command decided `Ok` is listed with `actor_may_issue` and no
    /// blocker; a listed kind whose actor may not issue it, or with a blocker, is refused.
    #[test]
    fn allowed_commands_equals_what_decide_accepts(input in input_strategy(), seed in any::<u64>()) {
        let trace = trace_of(&input);
        for (i, r) in trace.records.iter().enumerate() {
            let listed = r.before.allowed_commands(&r.actor, r.on, &trace.rules);
            let kinds: BTreeSet<CommandKind> = listed.iter().map(|a| a.command).collect();
            prop_assert_eq!(kinds.len(), listed.len(), "#{} lists a kind twice", i);
            for (n, kind) in CommandKind::ALL.iter().copied().enumerate() {
                let command = well_formed(kind, r, seed ^ n as u64);
                prop_assert_eq!(command.kind(), kind);
                let decided = r.before.decide(&command, &r.actor, r.on, &trace.rules);
                let out_of_order = matches!(decided, Err(Rejection::NotAllowedHere { .. }));
                prop_assert!(
                    kinds.contains(&kind) != out_of_order,
                    "#{i} at {:?}: {kind:?} listed: {}, decided: {}\n{}",
                    r.before.stage(), kinds.contains(&kind),
                    decided.as_ref().map_or_else(short, |_| "accepted".into()),
                    trace.describe(i)
                );
                let Some(entry) = listed.iter().find(|a| a.command == kind) else { continue };
                if decided.is_ok() {
                    prop_assert!(entry.actor_may_issue, "#{i}: {kind:?} accepted but actor_may_issue is false\n{}", trace.describe(i));
                    prop_assert!(entry.blockers.is_empty(), "#{i}: {kind:?} accepted but blocked by {:?}\n{}", entry.blockers.iter().map(|v| v.rule).collect::<Vec<_>>(), trace.describe(i));
                }
                if !entry.actor_may_issue {
                    prop_assert!(matches!(decided, Err(Rejection::ActorNotAuthorised { .. }) | Err(Rejection::InvalidInput { .. })),
                        "#{i}: {kind:?} listed as not for this actor, decided {}\n{}", decided.as_ref().map_or_else(short, |_| "accepted".into()), trace.describe(i));
                }
                if !entry.blockers.is_empty() {
                    prop_assert!(decided.is_err(), "#{i}: {kind:?} blocked by {:?} but accepted\n{}", entry.blockers.iter().map(|v| v.rule).collect::<Vec<_>>(), trace.describe(i));
                }
            }
        }
    }

    /// (6) For the history of a run, validity is monotone in `as_of`: once the cooperation is
    /// expired or ended on a date (`time::validity` of `Cooperation::as_of` that date), it is
    /// neither in force nor "not yet in force" on any later date; and once a PKS is signed the
    /// span of the PKS (earliest start to the governing end) as of a later date contains the
    /// span as of an earlier one (KSD-IMPL-05, KSD-TERM-01 (a)).
    #[test]
    fn validity_is_monotone_in_as_of(input in input_strategy(), offsets in prop::collection::vec(0u64..4000, 0..8)) {
        let trace = trace_of(&input);
        let events: &[Event] = &trace.events;
        if events.is_empty() {
            return Ok(());
        }
        let first = events[0].occurred_on;
        let last = events.iter().map(|e| e.occurred_on).max().unwrap_or(first);
        let mut dates: BTreeSet<chrono::NaiveDate> = events.iter().map(|e| e.occurred_on).collect();
        let docs = trace.live.kb().into_iter().chain(trace.live.pks()).chain(trace.live.superseded_kbs());
        for term in docs.filter_map(|d| d.term) {
            for day in [term.starts_on, term.ends_on] {
                dates.insert(day);
                dates.extend(day.checked_add_days(Days::new(1)));
                dates.extend(day.checked_sub_days(Days::new(1)));
            }
        }
        for offset in offsets {
            dates.extend(first.checked_add_days(Days::new(offset)));
            dates.extend(last.checked_add_days(Days::new(offset)));
        }
        let policy = &trace.rules.policy;
        // The verdict that the cooperation is over: its date, its value, and how many PKS and
        // superseded KBs there were by then.
        let documents = |c: &Cooperation| (c.pks().len(), c.superseded_kbs().len());
        let mut over: Option<(chrono::NaiveDate, Validity, (usize, usize))> = None;
        let mut span: Option<(chrono::NaiveDate, chrono::NaiveDate, chrono::NaiveDate)> = None;
        for day in dates {
            let Some(state) = Cooperation::as_of(events, day) else { continue };
            let view = time::validity(&state, day, policy);
            if let Some((then, was, signed)) = over {
                // Reported, not decided here (a question of law): the crate accepts a PKS
                // signed after the KB's own term, or after every PKS, has run out, and a stalled
                // wajib cooperation resumed after its KB ran out starts a new version of the KB
                // (no rule of PP 28/2018 or RULES.md bars either; KSD-STAGE-06 leaves the KB's
                // validity open); the cooperation then reads as in force, or not yet in force,
                // again. An *expiry* is therefore final only until a further PKS is signed or
                // the KB is superseded; an early *ending* is always final.
                let revived = was == Validity::Expired && documents(&state) != signed;
                if revived {
                    over = None;
                } else {
                    prop_assert!(
                        matches!(view.overall, Validity::Expired | Validity::Ended),
                        "{was:?} on {then} but {:?} on {day} (stage {:?})\n{}",
                        view.overall, state.stage(), trace.describe(trace.records.len() - 1)
                    );
                    prop_assert!(was != Validity::Ended || view.overall == Validity::Ended,
                        "ended early on {then} but {:?} on {day}", view.overall);
                }
            }
            if matches!(view.overall, Validity::Expired | Validity::Ended) && over.is_none() {
                over = Some((day, view.overall, documents(&state)));
            }
            if !state.pks().is_empty()
                && let (Some(from), Some(to)) = (state.pks_effective_from(), state.governing_end())
            {
                if let Some((then, was_from, was_to)) = span {
                    prop_assert!(from <= was_from && to >= was_to,
                        "PKS span {was_from}..{was_to} as of {then} shrinks to {from}..{to} as of {day}\n{}",
                        trace.describe(trace.records.len() - 1));
                }
                span = Some((day, from, to));
            }
        }
    }

    /// (7) A recorded log altered in any envelope field (without re-sealing: the hash chain
    /// must catch it at that envelope), reordered, with an envelope duplicated or dropped
    /// (not the last: a shorter valid log is not a tamper replay can see), or re-sealed by a
    /// forger after changing a date or dropping a fact (re-deciding must catch it) never
    /// replays: `audit::replay` fails with a typed error naming the first envelope tampered.
    #[test]
    fn tampered_log_never_replays(input in input_strategy(), t in tamper_strategy()) {
        let trace = trace_of(&input);
        let (log, _) = record_log(&trace).map_err(TestCaseError::fail)?;
        if log.is_empty() {
            // Nothing accepted (a refused registration): nothing to record.
            return Ok(());
        }
        // A tamper that cannot apply to this log (a swap in a log of one envelope, an edit of
        // an envelope without events) falls back to altering the stored hash, which always
        // applies: no case is rejected, so deep runs never hit proptest's reject limit.
        let fallback = Tamper { how: 11, ..t.clone() };
        let (forged, what, at, decision) = tamper(&log, &t)
            .or_else(|| tamper(&log, &fallback))
            .expect("altering the hash always applies");
        prop_assert!(forged != log, "{what}: the tamper changed nothing");
        match replay(&forged) {
            Ok(replayed) => prop_assert!(false, "{what}: the tampered log replays (to stage {:?}; the original ends in {:?})", replayed.state.stage(), trace.live.stage()),
            Err(error) => {
                prop_assert_eq!(error.sequence, at, "{}: failed at another envelope: {}", what, error);
                if decision {
                    prop_assert!(matches!(error.problem, ReplayProblem::ForgedDecision { .. } | ReplayProblem::RefusedOnReplay { .. }),
                        "{what}: re-sealed forgery reported as {error}");
                }
            }
        }
    }

    /// (8) The reference model agrees with the crate on every step of a run. The comparison:
    /// - the crate refuses a command `NotAllowedHere` exactly when the model finds its kind
    ///   out of order at the stage on the track (the model knows no guard, so a refusal for
    ///   the actor, the input or a rule's content is allowed wherever the model finds the
    ///   command in order, and only there);
    /// - when the crate accepts, the model's next stage equals the crate's stage after;
    /// - at every registered state, the kinds `allowed_commands` lists are exactly those the
    ///   model finds in order.
    #[test]
    fn reference_model_agrees_on_every_step(input in input_strategy()) {
        let trace = trace_of(&input);
        let mut model = Model::new();
        for (i, r) in trace.records.iter().enumerate() {
            prop_assert_eq!(model.stage(), st(r.before.stage()), "#{}: the model is in another stage", i);
            let track = model.track_for(&r.command);
            let o = op(&r.command);
            let in_order = model.in_order(o, track);
            let not_allowed = matches!(r.executed, Err(Rejection::NotAllowedHere { .. }));
            prop_assert!(in_order != not_allowed,
                "#{i}: {:?} at {:?} on {track:?}: the model says in order: {in_order}, the crate: {}\n{}",
                r.command.kind(), r.before.stage(),
                r.executed.as_ref().map_or_else(short, |_| "accepted".into()), trace.describe(i));
            if let Some(t) = model.track {
                let listed: BTreeSet<CommandKind> = r.before.allowed_commands(&r.actor, r.on, &trace.rules).iter().map(|a| a.command).collect();
                let expected: BTreeSet<CommandKind> = CommandKind::ALL.iter().copied().filter(|k| model.in_order(op_of_kind(*k), t)).collect();
                prop_assert!(listed == expected,
                    "#{i} at {:?} on {t:?}: allowed_commands lists but the model does not: {:?}; the model but not the list: {:?}",
                    r.before.stage(), listed.difference(&expected).collect::<Vec<_>>(), expected.difference(&listed).collect::<Vec<_>>());
            }
            if r.executed.is_ok() {
                let next = model.accept(&r.command, &r.actor, &trace.rules.policy);
                prop_assert_eq!(next, st(r.after.stage()),
                    "#{}: {:?} from {:?}: the model goes to {:?}, the crate to {:?}\n{}",
                    i, r.command.kind(), r.before.stage(), next, r.after.stage(), trace.describe(i));
            }
        }
    }
}

/// The properties are not vacuous: on a fixed sample of runs, the reference model's
/// comparison meets accepted steps on every track, refusals out of order and in order, exits
/// to the stall, and logs long enough to tamper with.
#[test]
fn generators_exercise_the_model() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = input_strategy();
    let mut tracks = BTreeSet::new();
    let mut stages = BTreeSet::new();
    let (mut out_of_order, mut in_order_refused, mut longest, mut later_pks) = (0, 0, 0, 0);
    for _ in 0..200 {
        let input = strategy
            .new_tree(&mut runner)
            .expect("no rejection")
            .current();
        let trace = trace_of(&input);
        if let Some(t) = trace.live.track() {
            tracks.insert(t);
        }
        for r in trace.records.iter().filter(|r| !r.scripted) {
            match &r.executed {
                Ok(_) => {
                    stages.insert(r.after.stage());
                    if r.command.kind() == CommandKind::SignPks
                        && r.before.stage() == Stage::InForce
                    {
                        later_pks += 1;
                    }
                }
                Err(Rejection::NotAllowedHere { .. }) => out_of_order += 1,
                Err(_) => in_order_refused += 1,
            }
        }
        longest = longest.max(trace.events.len());
    }
    assert_eq!(tracks.len(), 4, "{tracks:?}");
    for stage in [
        Stage::Stalled,
        Stage::TakenOver,
        Stage::InForce,
        Stage::Ended,
        Stage::AwaitingDprd,
    ] {
        assert!(
            stages.contains(&stage),
            "never reached {stage:?}: {stages:?}"
        );
    }
    assert!(
        out_of_order > 50 && in_order_refused > 50,
        "{out_of_order} / {in_order_refused}"
    );
    assert!(longest > 20, "{longest}");
    assert!(
        later_pks > 0,
        "no PKS signed while in force: the later-round check is vacuous"
    );
}

/// Not a property: a census of where the reference model and the crate disagree, over
/// `KSD_PROPTEST_CASES` runs, printed as one line per (stage, kind, track, verdicts) — the
/// tool used to review the model against the crate. `cargo test --test model -- --ignored
/// --nocapture model_census`.
#[test]
#[ignore = "diagnostic census, run by hand"]
fn model_census() {
    use proptest::strategy::ValueTree;
    use std::collections::BTreeMap;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = input_strategy();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for _ in 0..cases() {
        let input = strategy
            .new_tree(&mut runner)
            .expect("no rejection")
            .current();
        let trace = trace_of(&input);
        let mut model = Model::new();
        for r in &trace.records {
            if model.stage() != st(r.before.stage()) {
                *seen
                    .entry(format!(
                        "desync model {:?} crate {:?}",
                        model.stage(),
                        r.before.stage()
                    ))
                    .or_default() += 1;
                break;
            }
            let track = model.track_for(&r.command);
            if let Some(t) = model.track {
                let listed: BTreeSet<CommandKind> = r
                    .before
                    .allowed_commands(&r.actor, r.on, &trace.rules)
                    .iter()
                    .map(|a| a.command)
                    .collect();
                for k in CommandKind::ALL.iter().copied() {
                    let m = model.in_order(op_of_kind(k), t);
                    if m != listed.contains(&k) {
                        *seen
                            .entry(format!(
                                "list {:?} {k:?} {t:?}: model {m}",
                                r.before.stage()
                            ))
                            .or_default() += 1;
                    }
                }
            }
            let in_order = model.in_order(op(&r.command), track);
            let nah = matches!(r.executed, Err(Rejection::NotAllowedHere { .. }));
            if in_order == nah {
                *seen
                    .entry(format!(
                        "order {:?} {:?} {track:?}: model {in_order}",
                        r.before.stage(),
                        r.command.kind()
                    ))
                    .or_default() += 1;
            }
            if r.executed.is_ok() {
                let next = model.accept(&r.command, &r.actor, &trace.rules.policy);
                if next != st(r.after.stage()) {
                    *seen
                        .entry(format!(
                            "next {:?} {:?} {track:?}: model {next:?} crate {:?}",
                            r.before.stage(),
                            r.command.kind(),
                            r.after.stage()
                        ))
                        .or_default() += 1;
                    model.stage = Some(st(r.after.stage()));
                }
            }
        }
    }
    for (line, n) in &seen {
        println!("{n:>6}  {line}");
    }
}

/// Regression (found by `no_forbidden_state` at 100 000 cases): KSD-DPRD-01/-02, a later PKS
/// signed while in force after its region party's DPRD gate was assessed again, now true,
/// once its drafting had started. Drafting was rightly allowed on the first (false) gate;
/// signing must not be, until that DPRD approves (PP 28/2018 Pasal 6 ayat (2), Pasal 19
/// ayat (1)).
#[test]
fn regression_ksd_dprd_02_later_pks_needs_approval_of_a_gate_reassessed_during_drafting() {
    let rules = RuleSet::current();
    let script = kerjasama::sample::c08_referral();
    let mut coop = script.run(&rules).expect("C08 runs");
    assert_eq!(coop.stage(), Stage::InForce);
    let sidrap = kerjasama::sample::sidrap();
    let clerk = kerjasama::sample::clerk(sidrap);
    let first = coop.pks()[0].clone();
    let on = coop.last_date().expect("dated") + Days::new(30);
    let gate = |not_budgeted: bool| Command::AssessDprdGate {
        region: sidrap,
        gate: DprdGate::not_required("dalam DPA dinas")
            .with_not_budgeted(not_budgeted)
            .with_fiscal_year(chrono::Datelike::year(&on)),
    };
    let mut pks = first.clone();
    pks.id = DocumentId("PKS-RUJUKAN-LANJUTAN".into());
    pks.signed_on = on;
    pks.term = Term::years(on, 2);
    for (actor, command) in [
        (clerk.clone(), gate(false)),
        (clerk.clone(), Command::StartPksDrafting),
        (clerk.clone(), gate(true)),
    ] {
        coop.execute(&command, &actor, on, &rules)
            .unwrap_or_else(|e| panic!("setup {:?} refused: {e}", command.kind()));
    }
    let sign = Command::SignPks { document: pks };
    let refused = coop
        .decide(&sign, &clerk, on, &rules)
        .expect_err("a later PKS whose region gate is true is signed only after its DPRD approves");
    assert!(
        refused.rules().contains(&kerjasama::law::KSD_DPRD_02),
        "refused without KSD-DPRD-02: {refused}"
    );
    // The fix is rule-set version 4: version 3 decided this step without the round's gates,
    // so a log recorded under it replays as it was decided.
    let v3 = kerjasama::law::RuleSetRegistry::standard()
        .get(kerjasama::law::RuleSetRef {
            id: kerjasama::law::RuleSetId::Current,
            version: 3,
        })
        .expect("version 3")
        .with_policy(rules.policy.clone());
    assert!(rules.reference.version >= 4);
    coop.decide(&sign, &clerk, on, &v3)
        .expect("version 3 signed a later PKS without checking its round's gates");
    coop.execute(
        &Command::SubmitToDprd,
        &kerjasama::sample::head(sidrap),
        on,
        &rules,
    )
    .expect("submitted");
    coop.execute(
        &Command::ApproveDprd {
            reference: "Keputusan DPRD".into(),
        },
        &kerjasama::sample::dprd(sidrap),
        on,
        &rules,
    )
    .expect("approved");
    coop.execute(&sign, &clerk, on, &rules)
        .expect("signed once the DPRD approved");
    assert_eq!(coop.pks().len(), 2);
}
