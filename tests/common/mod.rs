//! A small given/when/then helper for lifecycle tests: `given` a sample case run up to a
//! stage, `when` a command is decided, `then` assert what the law says.
#![allow(dead_code)] // each test file uses a part of it

use chrono::NaiveDate;
use kerjasama::law::Lang;
use kerjasama::law::{Policy, RuleId, RuleSet, Severity};
use kerjasama::lifecycle::{Command, CommandKind, Cooperation, Event, Rejection, Stage};
use kerjasama::model::Actor;
use kerjasama::sample::{Scenario, Step};

/// A date from literal parts.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// The current rule set with the default policy.
pub fn rules() -> RuleSet {
    RuleSet::current()
}

/// The current rule set with a changed policy.
pub fn rules_with(change: impl FnOnce(&mut Policy)) -> RuleSet {
    let mut policy = Policy::default();
    change(&mut policy);
    RuleSet::current_with(policy)
}

/// Version `version` of the current rule set with the default policy: what a log decided
/// under that version replays with.
pub fn rules_of_version(version: u32) -> RuleSet {
    kerjasama::law::RuleSetRegistry::standard()
        .get(kerjasama::law::RuleSetRef {
            id: kerjasama::law::RuleSetId::Current,
            version,
        })
        .expect("a known version")
        .with_policy(Policy::default())
}

/// A state to decide against.
pub struct Given {
    pub coop: Cooperation,
    pub rules: RuleSet,
    /// The steps of the scenario not yet run.
    pub rest: Vec<Step>,
}

/// Runs `scenario` until the cooperation first reaches `stage`.
pub fn given(scenario: Scenario, stage: Stage) -> Given {
    given_with(scenario, stage, rules())
}

/// Like [`given`], under `rules`.
pub fn given_with(scenario: Scenario, stage: Stage, rules: RuleSet) -> Given {
    let mut coop = Cooperation::new();
    let mut steps = scenario.steps.into_iter();
    while coop.stage() != stage {
        let step = steps
            .next()
            .unwrap_or_else(|| panic!("{} never reaches {stage:?}", scenario.case));
        coop.execute(&step.command, &step.actor, step.on, &rules)
            .unwrap_or_else(|e| panic!("{} setup step refused: {e}", scenario.case));
    }
    Given {
        coop,
        rules,
        rest: steps.collect(),
    }
}

/// Runs every step of `scenario` before the first step whose command is `kind`.
pub fn given_before(scenario: Scenario, kind: CommandKind) -> Given {
    given_before_with(scenario, kind, rules())
}

/// Like [`given_before`], under `rules`.
pub fn given_before_with(scenario: Scenario, kind: CommandKind, rules: RuleSet) -> Given {
    let case = scenario.case.clone();
    let mut coop = Cooperation::new();
    let mut steps = scenario.steps.into_iter().peekable();
    while steps.peek().is_some_and(|s| s.command.kind() != kind) {
        let step = steps.next().expect("peeked");
        coop.execute(&step.command, &step.actor, step.on, &rules)
            .unwrap_or_else(|e| panic!("{case} setup step refused: {e}"));
    }
    assert!(steps.peek().is_some(), "{case} has no {kind:?} step");
    Given {
        coop,
        rules,
        rest: steps.collect(),
    }
}

impl Given {
    /// The next scripted step (to reuse or alter its actor, date and command).
    pub fn next_step(&self) -> Step {
        self.rest.first().cloned().expect("a next step")
    }

    /// Decides `command`.
    pub fn when(&self, actor: &Actor, on: NaiveDate, command: Command) -> Then {
        let result = self.coop.decide(&command, actor, on, &self.rules);
        Then {
            before: self.coop.clone(),
            result,
        }
    }

    /// Decides the next scripted step, altered by `change`.
    pub fn when_next(&self, change: impl FnOnce(&mut Step)) -> Then {
        let mut step = self.next_step();
        change(&mut step);
        self.when(&step.actor, step.on, step.command)
    }

    /// Executes the next scripted step unchanged and returns the given state after it.
    pub fn advance(mut self) -> Given {
        let step = self.rest.remove(0);
        self.coop
            .execute(&step.command, &step.actor, step.on, &self.rules)
            .unwrap_or_else(|e| panic!("scripted step refused: {e}"));
        self
    }
}

/// The outcome of a decision.
pub struct Then {
    pub before: Cooperation,
    pub result: Result<Vec<Event>, Rejection>,
}

impl Then {
    /// Asserts the command was refused with an error citing `rule`; returns the rejection.
    pub fn refused_citing(&self, rule: RuleId) -> &Rejection {
        match &self.result {
            Ok(events) => panic!("expected a refusal citing {rule}, got events {events:?}"),
            Err(rejection) => {
                let cites = match rejection {
                    Rejection::Violations { violations, .. } => violations
                        .iter()
                        .any(|v| v.rule == rule && v.severity == Severity::Error),
                    other => other.rules().contains(&rule),
                };
                assert!(cites, "expected {rule} in {rejection}");
                rejection
            }
        }
    }

    /// Asserts acceptance; returns the state after applying the events.
    pub fn accepted(&self) -> Cooperation {
        let events = self
            .result
            .as_ref()
            .unwrap_or_else(|e| panic!("expected acceptance, got {e}"));
        let mut after = self.before.clone();
        for event in events {
            after.apply(event);
        }
        after
    }

    /// Asserts acceptance with a warning citing `rule`.
    pub fn accepted_with_warning(&self, rule: RuleId) -> Cooperation {
        let after = self.accepted();
        let new = &after.warnings()[self.before.warnings().len()..];
        assert!(
            new.iter().any(|w| w.rule == rule),
            "expected a {rule} warning, got {new:?}"
        );
        after
    }

    /// Asserts acceptance with no new violation (not even a warning) of `rule`.
    pub fn accepted_without(&self, rule: RuleId) -> Cooperation {
        let after = self.accepted();
        let new = &after.warnings()[self.before.warnings().len()..];
        assert!(
            !new.iter().any(|w| w.rule == rule),
            "unexpected {rule} warning: {new:?}"
        );
        after
    }
}

// Helpers for the rule tests (rules_kinds_objects, rules_third_party, rules_procedure).

use kerjasama::law::Provenance;
use kerjasama::lifecycle::{CooperationSpec, Violation};

/// The spec a `Register` step carries.
pub fn spec_mut(step: &mut Step) -> &mut CooperationSpec {
    match &mut step.command {
        Command::Register { spec } => spec,
        other => panic!("not a registration: {other:?}"),
    }
}

/// `scenario` with the spec of its registration changed by `change`.
pub fn with_spec(mut scenario: Scenario, change: impl FnOnce(&mut CooperationSpec)) -> Scenario {
    let step = scenario
        .steps
        .iter_mut()
        .find(|s| s.command.kind() == CommandKind::Register)
        .expect("a registration step");
    change(spec_mut(step));
    scenario
}

/// `scenario` without its steps of `kind`.
pub fn without(mut scenario: Scenario, kind: CommandKind) -> Scenario {
    scenario.steps.retain(|s| s.command.kind() != kind);
    scenario
}

/// `scenario` with every step satisfying `drop` removed.
pub fn without_steps(mut scenario: Scenario, drop: impl Fn(&Step) -> bool) -> Scenario {
    scenario.steps.retain(|s| !drop(s));
    scenario
}

impl Given {
    /// Executes `command` as a further setup step; panics if it is refused.
    pub fn then_do(mut self, actor: &Actor, on: NaiveDate, command: Command) -> Given {
        self.coop
            .execute(&command, actor, on, &self.rules)
            .unwrap_or_else(|e| panic!("setup step refused: {e}"));
        self
    }

    /// Drops the next scripted step without running it.
    pub fn skip(mut self) -> Given {
        self.rest.remove(0);
        self
    }

    /// Asserts that `command` is refused with an error citing `rule`, and that executing it
    /// on a clone leaves the clone equal to the original (a refusal changes nothing).
    pub fn refused(
        &self,
        actor: &Actor,
        on: NaiveDate,
        command: Command,
        rule: RuleId,
    ) -> Rejection {
        let mut clone = self.coop.clone();
        let executed = clone.execute(&command, actor, on, &self.rules);
        assert!(
            executed.is_err(),
            "expected {rule} refusal, got {executed:?}"
        );
        assert_eq!(clone, self.coop, "a refused command changed the state");
        let rejection = self.when(actor, on, command).refused_citing(rule).clone();
        assert_eq!(
            executed.err(),
            Some(rejection.clone()),
            "execute and decide disagree"
        );
        rejection
    }

    /// Like [`Given::refused`], for the next scripted step altered by `change`.
    pub fn next_refused(&self, change: impl FnOnce(&mut Step), rule: RuleId) -> Rejection {
        let mut step = self.next_step();
        change(&mut step);
        self.refused(&step.actor, step.on, step.command, rule)
    }
}

/// Asserts a violation carries its rule's catalogue citation (containing `locator`), or the
/// same citation narrowed to the ayat and huruf of what it found, its provenance and two
/// non-empty messages.
pub fn assert_cites(v: &Violation, locator: &str) {
    let citation = v.citation().to_string();
    assert!(
        citation.contains(locator),
        "{} cites `{citation}`, expected `{locator}`",
        v.rule
    );
    let (own, rule) = (v.citation(), v.rule.citation());
    assert_eq!(
        (own.instrument, &own.source, own.absence),
        (rule.instrument, &rule.source, rule.absence),
        "{}",
        v.rule
    );
    for locator in &own.locators {
        assert!(
            rule.locators.iter().any(|r| r.pasal == locator.pasal),
            "{}: {locator} is not within {rule}",
            v.rule
        );
    }
    assert_eq!(v.provenance(), v.rule.provenance(), "{}", v.rule);
    assert!(
        !v.message(Lang::Id).trim().is_empty(),
        "{}: empty Indonesian message",
        v.rule
    );
    assert!(
        !v.message(Lang::En).trim().is_empty(),
        "{}: empty English message",
        v.rule
    );
}

/// The error violations of `rule` in `rejection`, each checked with [`assert_cites`]; asserts
/// there is at least one.
pub fn errors_of<'a>(rejection: &'a Rejection, rule: RuleId, locator: &str) -> Vec<&'a Violation> {
    let found: Vec<&Violation> = rejection
        .violations()
        .iter()
        .filter(|v| v.rule == rule && v.severity == Severity::Error)
        .collect();
    assert!(!found.is_empty(), "no {rule} error in {rejection}");
    for v in &found {
        assert_cites(v, locator);
    }
    found
}

/// The fields the error violations of `rule` name, in order.
pub fn fields_of(rejection: &Rejection, rule: RuleId) -> Vec<Option<String>> {
    rejection
        .violations()
        .iter()
        .filter(|v| v.rule == rule && v.severity == Severity::Error)
        .map(|v| v.field.clone())
        .collect()
}

/// The warnings of `rule` that the accepted step recorded, each checked with [`assert_cites`];
/// asserts there is at least one.
pub fn warnings_of(then: &Then, rule: RuleId, locator: &str) -> Vec<Violation> {
    let after = then.accepted_with_warning(rule);
    let found: Vec<Violation> = after.warnings()[then.before.warnings().len()..]
        .iter()
        .filter(|w| w.rule == rule)
        .cloned()
        .collect();
    for w in &found {
        assert_eq!(w.severity, Severity::Warning, "{w}");
        assert_cites(w, locator);
    }
    found
}

/// Whether `rule` is `[SECONDARY]`.
pub fn is_secondary(rule: RuleId) -> bool {
    rule.provenance() == Provenance::Secondary
}
