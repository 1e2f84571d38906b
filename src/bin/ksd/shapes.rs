//! The JSON `ksd` reads (the command file of `apply`) and writes (the outputs of `rules`,
//! `next`, `apply` and `replay`), and their JSON Schemas (`ksd schema`, committed under
//! `docs/schema/`).
//!
//! Library values keep the JSON form the library gives them (a `Violation`, an `Event`, a
//! `Rejection` are written exactly as the audit log stores them); the objects around them are
//! defined here. Every schema is generated with `schemars` from these types and the library
//! types they hold: inputs under the deserialization contract (what is accepted: optional
//! members, defaults, unknown members refused), outputs under the serialization contract
//! (what is written).

use chrono::NaiveDate;
use clap::ValueEnum;
use kerjasama::audit::{Difference, Envelope, ReplayError};
use kerjasama::law::{Lang, Policy, Rule, RuleSetRef};
use kerjasama::lifecycle::{Command, CommandKind, Event, Rejection, Stage, Violation};
use kerjasama::model::{Actor, CooperationId};
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Serialize};

/// The command file of `ksd apply`: one command, with who asks for it and its legal date.
///
/// A complete file is a `lifecycle::Step` (`actor`, `on`, `command`) with the cooperation it
/// concerns. `actor` and `on` may be left out and given on the command line instead
/// (`--actor FILE`, `--on DATE`), never both. `cooperation` may be left out of a registration
/// (its id is the registered spec's); every other command needs it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommandFile {
    /// The cooperation the command concerns (for a registration, the spec's id if given).
    #[serde(default)]
    pub cooperation: Option<CooperationId>,
    /// Who asks (else `--actor FILE`).
    #[serde(default)]
    pub actor: Option<Actor>,
    /// The legal date, `YYYY-MM-DD` (else `--on DATE`). Never read from a clock.
    #[serde(default)]
    pub on: Option<NaiveDate>,
    /// What is asked.
    pub command: Command,
}

/// A text in both languages of the crate.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Bilingual {
    /// Bahasa Indonesia.
    pub id: String,
    /// English.
    pub en: String,
}

/// A violation as stored, with its citation and its message in both languages.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Explained {
    /// The violation, exactly as the audit log stores it.
    pub violation: Violation,
    /// Where the rule comes from, e.g. `PP 28/2018 Pasal 6 ayat (2)`.
    pub citation: String,
    /// What was found.
    pub message: Bilingual,
}

impl Explained {
    /// `violation` explained.
    pub fn of(violation: &Violation) -> Self {
        Explained {
            violation: violation.clone(),
            citation: violation.citation().to_string(),
            message: Bilingual {
                id: violation.message(Lang::Id),
                en: violation.message(Lang::En),
            },
        }
    }
}

/// The output of `ksd rules --format json`: the rule catalogue.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RulesOutput {
    /// The rules, in catalogue order (filtered by `--tag`).
    pub rules: Vec<Rule>,
}

/// The output of `ksd next --format json`: what may happen next to one cooperation.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NextOutput {
    /// The cooperation.
    pub cooperation: CooperationId,
    /// Its title.
    pub title: Option<String>,
    /// Its current stage.
    pub stage: Stage,
    /// The rule set it was registered under.
    pub rule_set: Option<RuleSetRef>,
    /// The date the blockers were checked on (`--on`, else the legal date of the last step).
    pub on: NaiveDate,
    /// The actor asked about (`--actor`, else the actor of the last step).
    pub actor: Actor,
    /// Every command the transition table allows at this stage, with what blocks it.
    pub allowed: Vec<NextCommand>,
}

/// One command allowed next.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NextCommand {
    /// The command.
    pub command: CommandKind,
    /// Where it may lead.
    pub to: Vec<Stage>,
    /// Whether the actor may issue it.
    pub actor_may_issue: bool,
    /// Rules that block it now, checked on the state alone (a command's own data is checked
    /// when it is decided).
    pub blockers: Vec<Explained>,
}

/// The output of `ksd apply`: the command was accepted (and appended), or refused (and
/// nothing was written).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ApplyOutput {
    /// Decided and appended to the log (exit code 0).
    Accepted {
        /// The cooperation.
        cooperation: CooperationId,
        /// The sequence of the appended envelope.
        sequence: u64,
        /// The stage after the step.
        stage: Stage,
        /// The events recorded, as the audit log stores them.
        events: Vec<Event>,
        /// The warnings recorded with the step, explained.
        warnings: Vec<Explained>,
    },
    /// Refused by the law or by the actor's authority: nothing was recorded (exit code 1).
    Refused {
        /// The cooperation.
        cooperation: CooperationId,
        /// Why, as the library gives it.
        rejection: Rejection,
        /// The rejection as one bilingual sentence.
        message: String,
        /// Its violations (errors and warnings), explained; empty for a refusal of the order
        /// of steps or of the actor.
        violations: Vec<Explained>,
    },
}

/// The output of `ksd replay --format json`: each log verified and replayed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReplayOutput {
    /// The store.
    pub store: String,
    /// One line per cooperation, in the store's order.
    pub cooperations: Vec<ReplayLine>,
    /// How many logs replay.
    pub verified: usize,
    /// How many do not (exit code 1 when any).
    pub failed: usize,
}

/// One replayed log.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReplayLine {
    /// The cooperation.
    pub cooperation: CooperationId,
    /// How many envelopes its log holds.
    pub envelopes: usize,
    /// Whether the chain, the hashes and every re-decided command check out.
    pub verified: bool,
    /// Its title (when it replays).
    pub title: Option<String>,
    /// The rule set it was registered under (when it replays).
    pub rule_set: Option<RuleSetRef>,
    /// Its stage (when it replays).
    pub stage: Option<Stage>,
    /// The legal date of its last step.
    pub last_step_on: Option<NaiveDate>,
    /// What is wrong with the log (when it does not replay).
    pub problem: Option<ReplayError>,
    /// The problem as a sentence.
    pub message: Option<String>,
    /// Envelopes whose recorded warnings differ from today's reading of the same rule-set
    /// version (not a forgery: the outcome is the same).
    pub differences: Vec<Difference>,
}

/// The JSON Schemas of what `ksd` reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaName {
    /// The command file of `ksd apply --command`.
    CommandFile,
    /// The actor file of `--actor`.
    Actor,
    /// The policy file of `--policy`.
    Policy,
    /// One line of a JSON-lines log (an envelope of the current schema version).
    Envelope,
    /// The output of `ksd rules --format json`.
    RulesOutput,
    /// The output of `ksd next --format json`.
    NextOutput,
    /// The output of `ksd apply`.
    ApplyOutput,
    /// The output of `ksd replay --format json`.
    ReplayOutput,
    /// The border table of `--borders` (which regions border each other).
    BorderTable,
    /// The evaluation report of `ksd evaluate --format json`.
    EvaluationReport,
}

impl SchemaName {
    /// Every schema, in the order `ksd schema` lists them.
    pub const ALL: [SchemaName; 10] = [
        SchemaName::CommandFile,
        SchemaName::Actor,
        SchemaName::Policy,
        SchemaName::Envelope,
        SchemaName::RulesOutput,
        SchemaName::NextOutput,
        SchemaName::ApplyOutput,
        SchemaName::ReplayOutput,
        SchemaName::BorderTable,
        SchemaName::EvaluationReport,
    ];

    /// Its name on the command line, e.g. `command-file`.
    pub fn name(self) -> String {
        self.to_possible_value()
            .map(|value| value.get_name().to_owned())
            .unwrap_or_default()
    }

    /// The schema as pretty JSON, ending with a newline.
    pub fn generate(self) -> String {
        let tidy = RecursiveTransform(tidy_description as fn(&mut Schema));
        let read = || {
            SchemaSettings::draft2020_12()
                .for_deserialize()
                .with_transform(tidy.clone())
                .into_generator()
        };
        let written = || {
            SchemaSettings::draft2020_12()
                .for_serialize()
                .with_transform(tidy.clone())
                .into_generator()
        };
        let schema = match self {
            SchemaName::CommandFile => read().into_root_schema_for::<CommandFile>(),
            SchemaName::Actor => read().into_root_schema_for::<Actor>(),
            SchemaName::Policy => read().into_root_schema_for::<Policy>(),
            SchemaName::Envelope => read().into_root_schema_for::<Envelope>(),
            SchemaName::RulesOutput => written().into_root_schema_for::<RulesOutput>(),
            SchemaName::NextOutput => written().into_root_schema_for::<NextOutput>(),
            SchemaName::ApplyOutput => written().into_root_schema_for::<ApplyOutput>(),
            SchemaName::ReplayOutput => written().into_root_schema_for::<ReplayOutput>(),
            SchemaName::BorderTable => {
                read().into_root_schema_for::<kerjasama::model::BorderTable>()
            }
            SchemaName::EvaluationReport => {
                written().into_root_schema_for::<kerjasama::report::EvaluationReport>()
            }
        };
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Turns the rustdoc of a description into plain text: code examples (fenced blocks) are
/// removed, and intra-doc links keep their text (`[`a::b::C`]` becomes `` `C` ``).
fn tidy_description(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    let Some(serde_json::Value::String(text)) = object.get_mut("description") else {
        return;
    };
    let mut kept = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            kept.push(line);
        }
    }
    let mut plain = unlink(&kept.join("\n"));
    while plain.contains("\n\n\n") {
        plain = plain.replace("\n\n\n", "\n\n");
    }
    *text = plain.trim().to_owned();
}

/// `[label](target)` becomes `label`; `[`path::Name`]` becomes `` `Name` ``.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let label = &after[..close];
        let mut tail = &after[close + 1..];
        if let Some(target) = tail.strip_prefix('(')
            && let Some(end) = target.find(')')
        {
            tail = &target[end + 1..];
            out.push_str(label);
        } else if label.starts_with('`') && label.ends_with('`') && label.len() > 1 {
            let inner = label.trim_matches('`');
            let name = inner.rsplit("::").next().unwrap_or(inner);
            out.push('`');
            out.push_str(name);
            out.push('`');
        } else {
            out.push('[');
            out.push_str(label);
            out.push(']');
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}
