//! `ksd`: Kerja Sama Daerah (PP 28/2018, Permendagri 22/2020) on the command line, thin over
//! the `kerjasama` library, speaking JSON to other systems.
//!
//! ```text
//! ksd rules [--tag primary|secondary|legacy] [--format text|json] [--lang id|en]
//! ksd diagram --kind ksdd-wajib|ksdd-sukarela|ksdpk-region|ksdpk-third-party [--format mermaid|dot]
//! ksd next STORE ID [--actor FILE] [--on DATE] [--policy FILE] [--format json|text] [--lang id|en]
//! ksd apply STORE --command FILE [--actor FILE] [--on DATE] [--policy FILE]
//! ksd replay STORE [ID] [--format json|text]
//! ksd evaluate FILE|DIR --as-of DATE --home KODE [--format md|json|csv|html] [--lang id|en]
//!              [--policy FILE] [-o FILE]
//! ksd import CSV --into STORE --home KODE
//! ksd schema [NAME]
//! ```
//!
//! A STORE is a directory of JSON-lines logs (`kerjasama::store::JsonlStore`), or, when built
//! with the `sqlite` feature, an SQLite file ending in `.sqlite`, `.sqlite3` or `.db`, or,
//! when built with the `postgres` feature, a PostgreSQL database named by a `postgres://`
//! URL (tables in the schema `KSD_POSTGRES_SCHEMA`, default `kerjasama`; the password from
//! `PGPASSWORD`, never on the command line). `evaluate` on a store takes the cooperations
//! with the `--home` region among their parties.
//! Every JSON file `ksd` reads or writes has a JSON Schema under `docs/schema/` (`ksd schema
//! NAME` prints it).
//!
//! Exit codes:
//!
//! | code | meaning |
//! | ---- | ------- |
//! | 0 | success |
//! | 1 | findings: `apply` refused by the law, a log that does not replay, an error-level finding of `evaluate` (the answer is printed on standard output) |
//! | 2 | invalid input: a file missing, empty, malformed or not fitting its schema, an unknown cooperation, a damaged store |
//! | 3 | failure: writing the output or the store failed |
//! | 64 | usage: bad flags or values, or a subcommand not built yet |
//!
//! Errors are one line on standard error, naming the file, line and column (or field). An
//! output file (`-o`) is written whole or not at all. A progress bar is drawn on standard
//! error for long operations only when it is a terminal.
#![forbid(unsafe_code)]

// The modules live in `src/bin/ksd/` (a binary root's modules are looked up beside it).
#[path = "ksd/fail.rs"]
mod fail;
#[path = "ksd/files.rs"]
mod files;
#[path = "ksd/report_adapter.rs"]
mod report_adapter;
#[path = "ksd/shapes.rs"]
mod shapes;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use kerjasama::law::{Lang, Policy, Provenance, RuleSetRegistry, rules};
use kerjasama::lifecycle::Command;
use kerjasama::model::{Actor, CooperationId, KodeWilayah, Track};
use kerjasama::{Error, Ledger};

use fail::{EXIT_CODES, FINDINGS, Fail, SUCCESS, USAGE, ledger_error};
use files::{Access, AnyStore, Progress, emit, parse_date, read_json, report_recoveries};
use report_adapter::ReportFormat;
use shapes::{
    ApplyOutput, CommandFile, Explained, NextCommand, NextOutput, ReplayLine, ReplayOutput,
    RulesOutput, SchemaName,
};

/// Kerja Sama Daerah (PP 28/2018, Permendagri 22/2020) on the command line.
///
/// Regional cooperation as typed state transitions with an audit log: the rule catalogue,
/// the state diagrams, what may happen next to a cooperation, applying a command through the
/// ledger, verifying logs, and (soon) the evaluation report and the register import.
#[derive(Debug, Parser)]
#[command(name = "ksd", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    Rules(RulesArgs),
    Diagram(DiagramArgs),
    Next(NextArgs),
    Apply(ApplyArgs),
    Replay(ReplayArgs),
    Evaluate(EvaluateArgs),
    Import(ImportArgs),
    Schema(SchemaArgs),
}

/// Print the rule catalogue (every rule with its provenance, citation and text).
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  ksd rules --tag secondary\n",
    "  ksd rules --format json > rules.json   # docs/schema/rules-output.schema.json\n\n",
    "Exit codes: 0 success, 64 usage."
))]
struct RulesArgs {
    /// Only the rules with this provenance tag.
    #[arg(long, value_enum)]
    tag: Option<Tag>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
    /// Language of the text format.
    #[arg(long, value_enum, default_value_t = LangArg::Id)]
    lang: LangArg,
}

/// Print the state diagram of one track, generated from the transition table.
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  ksd diagram --kind ksdd-wajib > wajib.mmd\n",
    "  ksd diagram --kind ksdpk-third-party --format dot | dot -Tsvg > ksdpk.svg\n\n",
    "Exit codes: 0 success, 64 usage."
))]
struct DiagramArgs {
    /// The track.
    #[arg(long, value_enum)]
    kind: TrackArg,
    /// Mermaid (`stateDiagram-v2`) or Graphviz DOT.
    #[arg(long, value_enum, default_value_t = DiagramFormat::Mermaid)]
    format: DiagramFormat,
}

/// Show the commands allowed next on a cooperation, and what blocks each.
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "The actor file is one JSON object (docs/schema/actor.schema.json), e.g.\n",
    "  {\"role\": \"cooperation_unit\", \"party\": {\"region\": \"73.14\"}, \"name\": \"Bagian Kerja Sama\"}\n\n",
    "Examples:\n",
    "  ksd next logs/ 01900000-0000-7000-8000-000000000006\n",
    "  ksd next logs/ 01900000-0000-7000-8000-000000000006 --actor clerk.json --on 2024-08-14 --format text\n\n",
    "Exit codes: 0 success, 2 invalid input (unknown cooperation, damaged log, bad file), 64 usage."
))]
struct NextArgs {
    /// The store: a directory of JSON-lines logs, an SQLite file (.sqlite, .sqlite3, .db), or
    /// a PostgreSQL database (postgres://USER@HOST/DB; schema KSD_POSTGRES_SCHEMA).
    store: PathBuf,
    /// The cooperation id (a UUID).
    id: CooperationId,
    /// Who asks: a JSON actor file. Default: the actor of the last recorded step.
    #[arg(long, value_name = "FILE")]
    actor: Option<PathBuf>,
    /// The date to check blockers on (YYYY-MM-DD). Default: the legal date of the last step.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    on: Option<NaiveDate>,
    /// A policy file (docs/schema/policy.schema.json): a regional overlay of the defaults.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Json)]
    format: TextOrJson,
    /// Language of the text format.
    #[arg(long, value_enum, default_value_t = LangArg::Id)]
    lang: LangArg,
}

/// Decide a command through the ledger and append it to the cooperation's log.
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "The command file is one JSON object (docs/schema/command-file.schema.json):\n",
    "  {\"cooperation\": \"<uuid>\", \"actor\": {...}, \"on\": \"2024-08-14\", \"command\": {...}}\n",
    "A complete file is a lifecycle::Step with its cooperation. `actor` and `on` may be left\n",
    "out of the file and given by --actor and --on instead (never both); `cooperation` may be\n",
    "left out of a registration (the spec's id is used). `-` reads the file from standard input.\n\n",
    "The outcome is printed as JSON (docs/schema/apply-output.schema.json): `accepted` with the\n",
    "events recorded, or `refused` with the rejection (nothing was written).\n\n",
    "Examples:\n",
    "  ksd apply logs/ --command register.json\n",
    "  ksd apply logs/ --command sign-kb.json --actor clerk.json --on 2024-08-14\n\n",
    "Exit codes: 0 accepted, 1 refused by the law, 2 invalid input, 3 store failure, 64 usage."
))]
struct ApplyArgs {
    /// The store (created if missing): a directory of JSON-lines logs, an SQLite file, or a
    /// postgres:// URL (its tables are created if missing).
    store: PathBuf,
    /// The command file (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    command: PathBuf,
    /// Who asks: a JSON actor file (when the command file has no `actor`).
    #[arg(long, value_name = "FILE")]
    actor: Option<PathBuf>,
    /// The legal date, YYYY-MM-DD (when the command file has no `on`).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    on: Option<NaiveDate>,
    /// A policy file to decide under (docs/schema/policy.schema.json).
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
}

/// Verify and replay the logs of a store (one cooperation, or all): chain, hashes, and every
/// command decided again under the rule set and policy it records.
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  ksd replay logs/\n",
    "  ksd replay logs/ 01900000-0000-7000-8000-000000000006 --format text\n\n",
    "Exit codes: 0 every log replays, 1 a log does not replay (listed), 2 invalid input\n",
    "(a damaged log file: FILE:LINE names it), 64 usage."
))]
struct ReplayArgs {
    /// The store: a directory of JSON-lines logs, an SQLite file, or a postgres:// URL.
    store: PathBuf,
    /// One cooperation (default: every one in the store).
    id: Option<CooperationId>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Json)]
    format: TextOrJson,
}

/// Evaluate a region's portfolio on a date: the report of the evaluation meeting
/// (Permendagri 22/2020, RULES.md §13.3).
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "The input is a register in CSV (FILE.csv), a directory of JSON-lines logs, an SQLite\n",
    "store (.sqlite, .sqlite3, .db), or a PostgreSQL store (postgres://USER@HOST/DB, schema\n",
    "KSD_POSTGRES_SCHEMA, password PGPASSWORD). The report goes to standard output, or whole\n",
    "to -o FILE.\n\n",
    "Examples:\n",
    "  ksd evaluate examples/data/sidrap-2024.csv --as-of 2024-08-14 --home 73.14\n",
    "  ksd evaluate logs/ --as-of 2024-08-14 --home 73.14 --format html -o report.html\n\n",
    "Exit codes: 0 no error-level finding, 1 error-level findings, 2 invalid input,\n",
    "3 the output could not be written, 64 usage."
))]
struct EvaluateArgs {
    /// The portfolio: a CSV register, a directory of JSON-lines logs, an SQLite file, or a
    /// postgres:// URL (a store gives the cooperations with --home among their parties).
    input: PathBuf,
    /// The date of the evaluation (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: NaiveDate,
    /// The region whose portfolio it is (kode wilayah, e.g. 73.14).
    #[arg(long, value_name = "KODE")]
    home: KodeWilayah,
    #[command(flatten)]
    register: RegisterArgs,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    format: ReportFormat,
    /// Language of the Markdown and HTML reports.
    #[arg(long, value_enum, default_value_t = LangArg::Id)]
    lang: LangArg,
    /// A policy file (docs/schema/policy.schema.json).
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Write the report to FILE (whole, or not at all) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Import a register in CSV into a store.
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "Every row is taken, or none: a bad row is reported with its row, column and reason.\n\n",
    "Example:\n",
    "  ksd import examples/data/sidrap-2024.csv --into logs/ --home 73.14\n\n",
    "Exit codes: 0 imported, 2 invalid input (a bad row, a missing file), 3 store failure,\n",
    "64 usage."
))]
struct ImportArgs {
    /// The register (CSV).
    csv: PathBuf,
    /// The store to write into: a directory of JSON-lines logs, an SQLite file, or a
    /// postgres:// URL.
    #[arg(long, value_name = "STORE")]
    into: PathBuf,
    /// The region whose register it is (kode wilayah, e.g. 73.14).
    #[arg(long, value_name = "KODE")]
    home: KodeWilayah,
    #[command(flatten)]
    register: RegisterArgs,
}

/// How a CSV register is read (docs/register-csv.md).
#[derive(Debug, Args)]
struct RegisterArgs {
    /// The order of day, month and year in the register's dates: declared for the whole file,
    /// never guessed per row.
    #[arg(long, value_enum, default_value_t = DateOrderArg::Dmy)]
    date_order: DateOrderArg,
    /// A border table in JSON (docs/schema/border-table.schema.json): which regions border each
    /// other, for the bordering rule of a kerja sama wajib (KSD-KIND-07). Without it no two
    /// regions border.
    #[arg(long, value_name = "FILE")]
    borders: Option<PathBuf>,
}

/// The date orders of a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DateOrderArg {
    /// Day/month/year (14/08/2024).
    Dmy,
    /// Month/day/year (08/14/2024).
    Mdy,
    /// Year-month-day (2024-08-14).
    Iso,
}

impl RegisterArgs {
    fn reading(&self, home: KodeWilayah) -> Result<report_adapter::RegisterReading, Fail> {
        let borders = match &self.borders {
            Some(path) => {
                let text = files::read_text(path)?;
                Some(
                    serde_json::from_str::<kerjasama::model::BorderTable>(&text).map_err(|e| {
                        Fail::invalid(format!(
                            "{}:{}:{}: {e}",
                            path.display(),
                            e.line(),
                            e.column()
                        ))
                    })?,
                )
            }
            None => None,
        };
        Ok(report_adapter::RegisterReading {
            home,
            date_order: match self.date_order {
                DateOrderArg::Dmy => kerjasama::report::DateOrder::DayMonthYear,
                DateOrderArg::Mdy => kerjasama::report::DateOrder::MonthDayYear,
                DateOrderArg::Iso => kerjasama::report::DateOrder::Iso,
            },
            borders,
        })
    }
}

/// Print the JSON Schema of a file `ksd` reads or writes (no NAME: list the names).
#[derive(Debug, Args)]
#[command(after_help = concat!(
    "The schemas are committed under docs/schema/NAME.schema.json.\n\n",
    "Examples:\n",
    "  ksd schema\n",
    "  ksd schema command-file > command-file.schema.json\n\n",
    "Exit codes: 0 success, 64 usage."
))]
struct SchemaArgs {
    /// The schema.
    #[arg(value_enum)]
    name: Option<SchemaName>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Tag {
    /// `[PRIMARY]`: PP 28/2018, enforced as law.
    Primary,
    /// `[SECONDARY]`: practice, a configurable policy value.
    Secondary,
    /// `[LEGACY]`: PP 50/2007 and Permendagri 22/2009.
    Legacy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TextOrJson {
    /// Text for people.
    Text,
    /// JSON for programs (see `ksd schema`).
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl LangArg {
    fn lang(self) -> Lang {
        match self {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TrackArg {
    /// KSDD kerja sama wajib.
    KsddWajib,
    /// KSDD kerja sama sukarela.
    KsddSukarela,
    /// KSDPK initiated by the region.
    KsdpkRegion,
    /// KSDPK initiated by the third party.
    KsdpkThirdParty,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiagramFormat {
    /// Mermaid `stateDiagram-v2`.
    Mermaid,
    /// Graphviz DOT.
    Dot,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = match error.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    SUCCESS
                }
                _ => USAGE,
            };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    match run(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(fail) => {
            eprintln!("ksd: {fail}");
            ExitCode::from(fail.code())
        }
    }
}

fn run(command: Cmd) -> Result<u8, Fail> {
    match command {
        Cmd::Rules(args) => rules_cmd(&args),
        Cmd::Diagram(args) => diagram_cmd(&args),
        Cmd::Next(args) => next_cmd(&args),
        Cmd::Apply(args) => apply_cmd(&args),
        Cmd::Replay(args) => replay_cmd(&args),
        Cmd::Evaluate(args) => evaluate_cmd(&args),
        Cmd::Import(args) => import_cmd(&args),
        Cmd::Schema(args) => schema_cmd(&args),
    }
}

/// JSON for output, pretty, with a final newline.
fn json<T: serde::Serialize>(value: &T) -> Result<String, Fail> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Fail::failure(format!("cannot encode the output: {e}")))?;
    text.push('\n');
    Ok(text)
}

fn rules_cmd(args: &RulesArgs) -> Result<u8, Fail> {
    let wanted = args.tag.map(|tag| match tag {
        Tag::Primary => Provenance::Primary,
        Tag::Secondary => Provenance::Secondary,
        Tag::Legacy => Provenance::Legacy,
    });
    let rules: Vec<_> = rules::all()
        .into_iter()
        .filter(|rule| wanted.is_none_or(|p| rule.provenance == p))
        .collect();
    let text = match args.format {
        TextOrJson::Json => json(&RulesOutput { rules })?,
        TextOrJson::Text => {
            let lang = args.lang.lang();
            let mut out = String::new();
            for rule in &rules {
                out.push_str(&format!(
                    "{} [{}] {}\n    {}\n",
                    rule.id,
                    rule.provenance,
                    rule.citation,
                    lang.pick(&rule.text_id, &rule.text_en)
                ));
                if let Some(key) = &rule.policy_key {
                    out.push_str(&format!("    policy: {key}\n"));
                }
            }
            out
        }
    };
    emit(&text)?;
    Ok(SUCCESS)
}

fn diagram_cmd(args: &DiagramArgs) -> Result<u8, Fail> {
    let track = match args.kind {
        TrackArg::KsddWajib => Track::KsddWajib,
        TrackArg::KsddSukarela => Track::KsddSukarela,
        TrackArg::KsdpkRegion => Track::KsdpkRegion,
        TrackArg::KsdpkThirdParty => Track::KsdpkThirdParty,
    };
    let text = match args.format {
        DiagramFormat::Mermaid => kerjasama::diagram::mermaid(track),
        DiagramFormat::Dot => kerjasama::diagram::dot(track),
    };
    emit(&text)?;
    Ok(SUCCESS)
}

/// The policy of `--policy`, or the defaults.
fn policy_of(path: Option<&Path>) -> Result<Option<Policy>, Fail> {
    path.map(|path| read_json::<Policy>(path, "a policy"))
        .transpose()
}

/// A ledger over the store at `path`, with the policy of `--policy`.
fn ledger(path: &Path, access: Access, policy: Option<Policy>) -> Result<Ledger<AnyStore>, Fail> {
    let (store, recoveries) = AnyStore::open(path, access)?;
    report_recoveries(&recoveries);
    let ledger = Ledger::new(store);
    Ok(match policy {
        Some(policy) => ledger.with_policy(policy),
        None => ledger,
    })
}

/// Maps a ledger error on the store at `path`.
fn failed(path: &Path, ledger: &Ledger<AnyStore>) -> impl Fn(Error) -> Fail {
    move |error| ledger_error(path, |id, seq| ledger.store().place(path, id, seq), error)
}

fn next_cmd(args: &NextArgs) -> Result<u8, Fail> {
    let policy = policy_of(args.policy.as_deref())?;
    let actor = args
        .actor
        .as_deref()
        .map(|path| read_json::<Actor>(path, "an actor"))
        .transpose()?;
    let ledger = ledger(&args.store, Access::Read, policy)?;
    let failed = failed(&args.store, &ledger);
    let state = ledger.state(args.id).map_err(&failed)?;
    let log = ledger.history(args.id).map_err(&failed)?;
    let Some(last) = log.last() else {
        return Err(failed(Error::NotFound(args.id)));
    };
    let actor = actor.unwrap_or_else(|| last.actor.clone());
    let on = args.on.unwrap_or(last.occurred_on);
    let allowed = ledger
        .allowed_commands(args.id, &actor, on)
        .map_err(&failed)?;
    let output = NextOutput {
        cooperation: args.id,
        title: state.spec().map(|spec| spec.title.clone()),
        stage: state.stage(),
        rule_set: state.rule_set(),
        on,
        actor,
        allowed: allowed
            .iter()
            .map(|allowed| NextCommand {
                command: allowed.command,
                to: allowed.to.clone(),
                actor_may_issue: allowed.actor_may_issue,
                blockers: allowed.blockers.iter().map(Explained::of).collect(),
            })
            .collect(),
    };
    let text = match args.format {
        TextOrJson::Json => json(&output)?,
        TextOrJson::Text => next_text(&output, args.lang.lang()),
    };
    emit(&text)?;
    Ok(SUCCESS)
}

fn next_text(output: &NextOutput, lang: Lang) -> String {
    let stage = lang.pick(output.stage.label_id(), output.stage.label_en());
    let mut out = format!(
        "{} {}\n{}: {stage}\n{}: {}, {} ({})\n",
        output.cooperation,
        output.title.as_deref().unwrap_or(""),
        lang.pick("tahap", "stage"),
        lang.pick("per", "on"),
        output.on,
        output.actor.name,
        lang.pick(output.actor.role.label_id(), output.actor.role.label_en()),
    );
    if output.allowed.is_empty() {
        out.push_str(lang.pick("tidak ada langkah berikutnya\n", "no next step\n"));
    }
    for next in &output.allowed {
        let to: Vec<&str> = next
            .to
            .iter()
            .map(|stage| lang.pick(stage.label_id(), stage.label_en()))
            .collect();
        let may = if next.actor_may_issue {
            lang.pick("boleh", "may issue")
        } else {
            lang.pick("tidak berwenang", "not this actor")
        };
        out.push_str(&format!(
            "- {} → {} [{may}]\n",
            lang.pick(next.command.label_id(), next.command.label_en()),
            to.join(" | ")
        ));
        for blocker in &next.blockers {
            out.push_str(&format!(
                "    {} {:?}: {} ({})\n",
                blocker.violation.rule,
                blocker.violation.severity,
                lang.pick(&blocker.message.id, &blocker.message.en),
                blocker.citation
            ));
        }
    }
    out
}

fn apply_cmd(args: &ApplyArgs) -> Result<u8, Fail> {
    let file: CommandFile = read_json(&args.command, "a command file")?;
    let name = files::shown(&args.command);
    let actor = match (file.actor, &args.actor) {
        (Some(_), Some(flag)) => {
            return Err(Fail::usage(format!(
                "the actor is given twice: in {name} and by --actor {}; give one",
                flag.display()
            )));
        }
        (Some(actor), None) => actor,
        (None, Some(flag)) => read_json::<Actor>(flag, "an actor")?,
        (None, None) => {
            return Err(Fail::usage(format!(
                "{name}: no actor: give `actor` in the command file or --actor FILE"
            )));
        }
    };
    let on = match (file.on, args.on) {
        (Some(_), Some(_)) => {
            return Err(Fail::usage(format!(
                "the legal date is given twice: in {name} and by --on; give one"
            )));
        }
        (Some(on), None) | (None, Some(on)) => on,
        (None, None) => {
            return Err(Fail::usage(format!(
                "{name}: no legal date: give `on` in the command file or --on DATE"
            )));
        }
    };
    let id = match (&file.command, file.cooperation) {
        (Command::Register { spec }, Some(id)) if spec.id != id => {
            return Err(Fail::invalid(format!(
                "{name}: field `cooperation`: {id} is not the id of the registered spec ({})",
                spec.id
            )));
        }
        (Command::Register { spec }, _) => spec.id,
        (_, Some(id)) => id,
        (_, None) => {
            return Err(Fail::invalid(format!(
                "{name}: field `cooperation`: missing (only a registration may leave it out)"
            )));
        }
    };
    let policy = policy_of(args.policy.as_deref())?;
    let registration = matches!(file.command, Command::Register { .. });
    // A database is never created by `ksd`, only its tables.
    let created = !files::is_postgres(&args.store) && !args.store.exists();
    if created && !registration {
        return Err(Fail::invalid(format!(
            "{}: no such store (only a registration creates one)",
            args.store.display()
        )));
    }
    let ledger = ledger(&args.store, Access::Write, policy)?;
    let decided = match ledger.execute(id, &file.command, &actor, on) {
        Ok(outcome) => Ok(ApplyOutput::Accepted {
            cooperation: outcome.cooperation,
            sequence: outcome.sequence,
            stage: outcome.stage,
            events: outcome.events,
            warnings: outcome.warnings.iter().map(Explained::of).collect(),
        }),
        Err(Error::Rejected(rejection)) => Ok(ApplyOutput::Refused {
            cooperation: id,
            message: rejection.to_string(),
            violations: rejection.violations().iter().map(Explained::of).collect(),
            rejection: *rejection,
        }),
        Err(Error::InvalidInput { field, message }) => {
            Err(Fail::invalid(format!("{name}: field `{field}`: {message}")))
        }
        Err(error) => Err(failed(&args.store, &ledger)(error)),
    };
    if created && !matches!(decided, Ok(ApplyOutput::Accepted { .. })) {
        // Nothing was appended: the store this registration created goes again.
        drop(ledger);
        remove_new_store(&args.store);
    }
    let output = decided?;
    emit(&json(&output)?)?;
    Ok(match output {
        ApplyOutput::Accepted { .. } => SUCCESS,
        ApplyOutput::Refused { .. } => FINDINGS,
    })
}

/// Removes a store `ksd apply` created and wrote nothing into: an empty directory, or an
/// SQLite file with its journal files.
fn remove_new_store(path: &Path) {
    if path.is_dir() {
        let _ = std::fs::remove_dir(path); // fails, and keeps it, unless empty
    } else if files::is_sqlite(path) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
    }
}

fn replay_cmd(args: &ReplayArgs) -> Result<u8, Fail> {
    let ledger = ledger(&args.store, Access::Read, None)?;
    let failed = failed(&args.store, &ledger);
    let ids = match args.id {
        Some(id) => vec![id],
        None => ledger.list().map_err(&failed)?,
    };
    let registry = RuleSetRegistry::standard();
    let progress = Progress::bar(ids.len() as u64, "replay");
    let mut lines = Vec::with_capacity(ids.len());
    for id in ids {
        let log = ledger.history(id).map_err(&failed)?;
        let last_step_on = log.last().map(|envelope| envelope.occurred_on);
        let line = match kerjasama::audit::replay(&log, &registry) {
            Ok(replayed) => ReplayLine {
                cooperation: id,
                envelopes: log.len(),
                verified: true,
                title: replayed.state.spec().map(|spec| spec.title.clone()),
                rule_set: replayed.state.rule_set(),
                stage: Some(replayed.state.stage()),
                last_step_on,
                problem: None,
                message: None,
                differences: replayed.differences,
            },
            Err(error) => ReplayLine {
                cooperation: id,
                envelopes: log.len(),
                verified: false,
                title: None,
                rule_set: None,
                stage: None,
                last_step_on,
                message: Some(format!(
                    "{}: {}",
                    ledger.store().place(&args.store, id, error.sequence),
                    error.problem
                )),
                problem: Some(error),
                differences: Vec::new(),
            },
        };
        lines.push(line);
        progress.inc();
    }
    progress.finish();
    let failed_count = lines.iter().filter(|line| !line.verified).count();
    let output = ReplayOutput {
        store: args.store.display().to_string(),
        verified: lines.len() - failed_count,
        failed: failed_count,
        cooperations: lines,
    };
    let text = match args.format {
        TextOrJson::Json => json(&output)?,
        TextOrJson::Text => replay_text(&output),
    };
    emit(&text)?;
    Ok(if failed_count == 0 { SUCCESS } else { FINDINGS })
}

fn replay_text(output: &ReplayOutput) -> String {
    let mut out = String::new();
    for line in &output.cooperations {
        if line.verified {
            out.push_str(&format!(
                "ok     {} {} ({} envelopes{}{}) {}\n",
                line.cooperation,
                line.stage.map_or("", |stage| stage.label_en()),
                line.envelopes,
                line.rule_set
                    .map(|rules| format!(", {rules}"))
                    .unwrap_or_default(),
                if line.differences.is_empty() {
                    String::new()
                } else {
                    format!(", {} warning differences", line.differences.len())
                },
                line.title.as_deref().unwrap_or(""),
            ));
        } else {
            out.push_str(&format!(
                "FAILED {} {}\n",
                line.cooperation,
                line.message.as_deref().unwrap_or("")
            ));
        }
    }
    out.push_str(&format!(
        "{} verified, {} failed\n",
        output.verified, output.failed
    ));
    out
}

/// What an evaluation or an import reads.
enum Input {
    Csv,
    Store,
}

fn input_kind(path: &Path) -> Result<Input, Fail> {
    let name = path.display();
    if path.is_dir() || files::is_sqlite(path) || files::is_postgres(path) {
        return Ok(Input::Store);
    }
    let csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv {
        return Ok(Input::Csv);
    }
    if !path.exists() {
        return Err(Fail::invalid(format!("{name}: no such file or directory")));
    }
    Err(Fail::usage(format!(
        "{name}: give a register ending in .csv, a directory of JSON-lines logs, or an SQLite \
         file ending in .sqlite, .sqlite3 or .db"
    )))
}

/// Checks that a CSV register is there and readable before anything else.
fn check_csv(path: &Path) -> Result<(), Fail> {
    files::read_text(path).map(|_| ())
}

fn evaluate_cmd(args: &EvaluateArgs) -> Result<u8, Fail> {
    let kind = input_kind(&args.input)?;
    if let Some(output) = &args.output
        && output.is_dir()
    {
        return Err(Fail::usage(format!("{}: is a directory", output.display())));
    }
    let policy = policy_of(args.policy.as_deref())?.unwrap_or_default();
    let progress = Progress::spinner("evaluate");
    let portfolio = match kind {
        Input::Csv => {
            check_csv(&args.input)?;
            report_adapter::import_csv(&args.input, &args.register.reading(args.home)?)?
        }
        Input::Store => {
            let (store, recoveries) = AnyStore::open(&args.input, Access::Read)?;
            report_recoveries(&recoveries);
            report_adapter::portfolio_of_store(
                &store,
                args.home,
                &args.input.display().to_string(),
            )?
        }
    };
    let report = report_adapter::evaluate(&portfolio, args.as_of, &policy)?;
    let text = report_adapter::render(&report, args.format, args.lang.lang());
    progress.finish();
    match &args.output {
        Some(path) => files::write_atomically(path, &text)?,
        None => emit(&text)?,
    }
    Ok(if report_adapter::has_errors(&report) {
        FINDINGS
    } else {
        SUCCESS
    })
}

fn import_cmd(args: &ImportArgs) -> Result<u8, Fail> {
    match input_kind(&args.csv)? {
        Input::Csv => check_csv(&args.csv)?,
        Input::Store => {
            return Err(Fail::usage(format!(
                "{}: not a CSV register (its name must end in .csv)",
                args.csv.display()
            )));
        }
    }
    if args.into.is_file() && !files::is_sqlite(&args.into) {
        return Err(Fail::invalid(format!(
            "{}: not a store: give a directory of JSON-lines logs, or an SQLite file ending in \
             .sqlite, .sqlite3 or .db",
            args.into.display()
        )));
    }
    let progress = Progress::spinner("import");
    let portfolio = report_adapter::import_csv(&args.csv, &args.register.reading(args.home)?)?;
    let (store, recoveries) = AnyStore::open(&args.into, Access::Write)?;
    report_recoveries(&recoveries);
    let written = report_adapter::record_portfolio(&portfolio, &store)?;
    progress.finish();
    emit(&format!(
        "imported {written} records from {} into {}\n",
        args.csv.display(),
        args.into.display()
    ))?;
    Ok(SUCCESS)
}

fn schema_cmd(args: &SchemaArgs) -> Result<u8, Fail> {
    let text = match args.name {
        Some(name) => name.generate(),
        None => SchemaName::ALL
            .iter()
            .map(|name| format!("{}\n", name.name()))
            .collect(),
    };
    emit(&text)?;
    Ok(SUCCESS)
}
