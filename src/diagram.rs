//! Mermaid and Graphviz DOT state diagrams generated from the transition table.
//!
//! Nothing here knows a transition of its own: [`edges`] reads the rows of
//! [`transitions()`](crate::lifecycle::transitions) for one [`Track`], and both renderers draw
//! exactly those edges, in table order, so a diagram cannot drift from what `decide` enforces.
//! The committed diagrams under `docs/diagrams/` are checked against [`mermaid`] by the test
//! suite (`KSD_BLESS=1 cargo test --test diagram` rewrites them).
//!
//! ```
//! use kerjasama::diagram::{edges, mermaid};
//! use kerjasama::lifecycle::{CommandKind, Stage};
//! use kerjasama::model::Track;
//!
//! let text = mermaid(Track::KsddSukarela);
//! assert!(text.starts_with("stateDiagram-v2\n"));
//! assert!(text.contains("KbDrafting --> KbSigned : sign KB [KSD-DOC-01, KSD-DOC-03, KSD-DOC-07,"));
//! // The wajib pre-stages are not on the sukarela track.
//! assert!(!edges(Track::KsddSukarela).iter().any(|e| e.from == Stage::Mapping));
//! assert!(edges(Track::KsddWajib)
//!     .iter()
//!     .any(|e| e.command == CommandKind::BeginWajibProcedure && e.to == Stage::Mapping));
//! ```

use std::fmt::Write as _;

use crate::law::RuleId;
use crate::lifecycle::{CommandKind, Stage, transitions};
use crate::model::Track;

/// One edge of a track's diagram: a table row's `from`, its command and one of its targets.
///
/// A row with several targets (e.g. DPRD approval, which stays in `AwaitingDprd` until the
/// last required approval) gives one edge per target; a row that stays where it is gives a
/// self-loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Edge {
    /// The stage the row leaves.
    pub from: Stage,
    /// The command that triggers it.
    pub command: CommandKind,
    /// One target of the row.
    pub to: Stage,
    /// The rules the row checks (its guards), shown in the edge label.
    pub guards: &'static [RuleId],
}

/// The edges of `track`, in table order: one per target of every row that applies to it.
///
/// ```
/// use kerjasama::diagram::edges;
/// use kerjasama::lifecycle::{CommandKind, Stage};
/// use kerjasama::model::Track;
///
/// // A DPRD approves the PKS after the KB, and later ones while in force.
/// let approvals: Vec<(Stage, Stage)> = edges(Track::KsdpkRegion)
///     .iter()
///     .filter(|e| e.command == CommandKind::ApproveDprd)
///     .map(|e| (e.from, e.to))
///     .collect();
/// assert_eq!(approvals, [
///     (Stage::AwaitingDprd, Stage::PksDrafting),
///     (Stage::AwaitingDprd, Stage::AwaitingDprd),
///     (Stage::InForce, Stage::InForce),
/// ]);
/// ```
pub fn edges(track: Track) -> Vec<Edge> {
    transitions()
        .iter()
        .filter(|row| row.tracks.contains(&track))
        .flat_map(|row| {
            row.to.iter().map(move |&to| Edge {
                from: row.from,
                command: row.command,
                to,
                guards: row.guards,
            })
        })
        .collect()
}

/// The stages of `edges` in order of first appearance (sources before targets).
fn stages_of(edges: &[Edge]) -> Vec<Stage> {
    let mut stages: Vec<Stage> = Vec::new();
    for edge in edges {
        for stage in [edge.from, edge.to] {
            if !stages.contains(&stage) {
                stages.push(stage);
            }
        }
    }
    stages
}

/// The identifier of a stage in both diagram languages: its Rust variant name, e.g.
/// `KbSigned` (ASCII letters only, so it needs no quoting in Mermaid).
fn stage_id(stage: Stage) -> String {
    format!("{stage:?}")
}

/// The label of an edge: the command's English label, then its guards if it has any.
fn edge_label(edge: &Edge) -> String {
    let mut label = edge.command.label_en().to_owned();
    if !edge.guards.is_empty() {
        let guards: Vec<&str> = edge.guards.iter().map(|rule| rule.as_str()).collect();
        let _ = write!(label, " [{}]", guards.join(", "));
    }
    label
}

/// The description of a stage: its English label with the Indonesian one.
fn stage_label(stage: Stage) -> String {
    format!("{} ({})", stage.label_en(), stage.label_id())
}

/// Mermaid reads a transition or state description up to the first `:`, `;` or newline, and
/// decodes `#…;` entity codes; those characters are written as entity codes.
fn mermaid_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '#' => out.push_str("#35;"),
            ':' => out.push_str("#58;"),
            ';' => out.push_str("#59;"),
            '\n' | '\r' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// The Mermaid `stateDiagram-v2` of `track`: a start arrow to `Unregistered`, one line per
/// [`Edge`] labelled with its command and guards, an end arrow from every terminal stage the
/// track reaches, and a bilingual description of every stage.
///
/// ```
/// use kerjasama::diagram::mermaid;
/// use kerjasama::model::Track;
///
/// let text = mermaid(Track::KsddWajib);
/// assert!(text.contains("    [*] --> Unregistered\n"));
/// assert!(text.contains("    Mapping --> Mapping : file mapping [KSD-WAJIB-01]\n"));
/// assert!(text.contains("    TakenOver --> [*]\n"));
/// assert_eq!(text, mermaid(Track::KsddWajib)); // deterministic
/// ```
pub fn mermaid(track: Track) -> String {
    let edges = edges(track);
    let mut out = String::from("stateDiagram-v2\n");
    let _ = writeln!(
        out,
        "    %% Generated by kerjasama::diagram::mermaid from the transition table: track {}.",
        track.name()
    );
    out.push_str("    [*] --> Unregistered\n");
    for edge in &edges {
        let _ = writeln!(
            out,
            "    {} --> {} : {}",
            stage_id(edge.from),
            stage_id(edge.to),
            mermaid_escape(&edge_label(edge))
        );
    }
    let stages = stages_of(&edges);
    for stage in stages.iter().filter(|stage| stage.is_terminal()) {
        let _ = writeln!(out, "    {} --> [*]", stage_id(*stage));
    }
    for stage in &stages {
        let _ = writeln!(
            out,
            "    {} : {}",
            stage_id(*stage),
            mermaid_escape(&stage_label(*stage))
        );
    }
    out
}

/// A DOT double-quoted string: `"` and `\` escaped, a newline written as DOT's `\n`.
fn dot_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

/// The Graphviz DOT digraph of `track`, named after [`Track::name`]: the same edges as
/// [`mermaid`], each labelled with its command and, on a second line, its guards. The start is
/// a point node `start`; terminal stages are drawn with a double border.
///
/// ```
/// use kerjasama::diagram::dot;
/// use kerjasama::model::Track;
///
/// let text = dot(Track::KsdpkThirdParty);
/// assert!(text.starts_with("digraph ksdpk_third_party {\n"));
/// assert!(text.contains(
///     "  \"ProposalReceived\" -> \"OfferAccepted\" \
///      [label=\"accept proposal\\n[KSD-PK-05, KSD-OBJ-04, KSD-STAGE-04]\"];\n"
/// ));
/// assert!(text.trim_end().ends_with('}'));
/// ```
pub fn dot(track: Track) -> String {
    let edges = edges(track);
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", track.name());
    let _ = writeln!(
        out,
        "  // Generated by kerjasama::diagram::dot from the transition table: track {}.",
        track.name()
    );
    out.push_str("  rankdir=TB;\n  node [shape=box, style=rounded];\n");
    out.push_str("  start [shape=point, label=\"\"];\n");
    let stages = stages_of(&edges);
    for stage in &stages {
        let peripheries = if stage.is_terminal() {
            ", peripheries=2"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {} [label={}{peripheries}];",
            dot_string(&stage_id(*stage)),
            dot_string(&format!("{}\n{}", stage.label_en(), stage.label_id()))
        );
    }
    let _ = writeln!(
        out,
        "  start -> {};",
        dot_string(&stage_id(Stage::Unregistered))
    );
    for edge in &edges {
        let mut label = edge.command.label_en().to_owned();
        if !edge.guards.is_empty() {
            let guards: Vec<&str> = edge.guards.iter().map(|rule| rule.as_str()).collect();
            let _ = write!(label, "\n[{}]", guards.join(", "));
        }
        let _ = writeln!(
            out,
            "  {} -> {} [label={}];",
            dot_string(&stage_id(edge.from)),
            dot_string(&stage_id(edge.to)),
            dot_string(&label)
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mermaid_escape_writes_separators_as_entity_codes() {
        assert_eq!(mermaid_escape("a: b; #c\nd"), "a#58; b#59; #35;c d");
    }

    #[test]
    fn dot_string_escapes_quotes_backslashes_and_newlines() {
        assert_eq!(dot_string("say \"hi\"\\\nbye"), r#""say \"hi\"\\\nbye""#);
    }

    #[test]
    fn edge_label_lists_guards_only_when_there_are_some() {
        let start = edges(Track::KsddSukarela)
            .into_iter()
            .find(|e| e.command == CommandKind::StartPreparation);
        assert_eq!(
            start.map(|e| edge_label(&e)),
            Some("start preparation".into())
        );
    }
}
