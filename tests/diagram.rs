//! The diagrams against the transition table: parsing the generated Mermaid and DOT back gives
//! exactly the table's edges for each track, the committed `docs/diagrams/*.mmd` are current,
//! and the table itself has no dead end.
//!
//! `KSD_BLESS=1 cargo test --test diagram` rewrites the committed diagrams.

use std::collections::{BTreeMap, BTreeSet};

use kerjasama::diagram::{dot, edges, mermaid};
use kerjasama::lifecycle::{CommandKind, Stage, transitions};
use kerjasama::model::Track;

type EdgeSet = BTreeSet<(Stage, Stage, CommandKind)>;

/// The edges as the table states them: every target of every row of `track`.
fn table_edges(track: Track) -> EdgeSet {
    transitions()
        .iter()
        .filter(|row| row.tracks.contains(&track))
        .flat_map(|row| row.to.iter().map(move |&to| (row.from, to, row.command)))
        .collect()
}

fn stage_named(name: &str) -> Stage {
    Stage::ALL
        .iter()
        .copied()
        .find(|stage| format!("{stage:?}") == name)
        .unwrap_or_else(|| panic!("`{name}` names no stage"))
}

/// The command whose English label starts the edge label (the guards follow in brackets).
fn command_labelled(label: &str) -> CommandKind {
    let name = label.split(" [").next().unwrap_or(label).trim();
    CommandKind::ALL
        .iter()
        .copied()
        .find(|kind| kind.label_en() == name)
        .unwrap_or_else(|| panic!("`{name}` labels no command"))
}

/// The `A --> B : label` lines of a Mermaid diagram, start and end arrows left out.
fn parse_mermaid(text: &str) -> EdgeSet {
    text.lines()
        .map(str::trim)
        .filter_map(|line| {
            let (from, rest) = line.split_once(" --> ")?;
            let (to, label) = rest.split_once(" : ")?;
            Some((stage_named(from), stage_named(to), command_labelled(label)))
        })
        .collect()
}

/// The `"A" -> "B" [label="..."]` lines of a DOT digraph, the start arrow left out.
fn parse_dot(text: &str) -> EdgeSet {
    text.lines()
        .map(str::trim)
        .filter_map(|line| {
            let (from, rest) = line.split_once(" -> ")?;
            let (to, attributes) = rest.split_once(" [label=\"")?;
            let label = attributes.split("\\n").next()?.trim_end_matches("\"];");
            Some((
                stage_named(from.trim_matches('"')),
                stage_named(to.trim_matches('"')),
                command_labelled(label),
            ))
        })
        .collect()
}

#[test]
fn mermaid_edges_are_exactly_the_table_rows_of_each_track() {
    for track in Track::ALL {
        let parsed = parse_mermaid(&mermaid(track));
        let expected = table_edges(track);
        assert!(!expected.is_empty(), "{track:?} has rows");
        assert_eq!(
            parsed.difference(&expected).collect::<Vec<_>>(),
            Vec::<&(Stage, Stage, CommandKind)>::new(),
            "{track:?}: edges the table does not have"
        );
        assert_eq!(parsed, expected, "{track:?}: rows missing from the diagram");
    }
}

#[test]
fn mermaid_has_one_line_per_edge_with_its_guards() {
    for track in Track::ALL {
        let text = mermaid(track);
        let arrows = text
            .lines()
            .filter(|line| line.contains(" --> ") && !line.contains("[*]"))
            .count();
        assert_eq!(arrows, edges(track).len(), "{track:?}");
        assert_eq!(arrows, table_edges(track).len(), "{track:?}: no edge twice");
        for row in transitions()
            .iter()
            .filter(|row| row.tracks.contains(&track))
        {
            for to in row.to {
                let guards: Vec<&str> = row.guards.iter().map(|rule| rule.as_str()).collect();
                let label = if guards.is_empty() {
                    row.command.label_en().to_owned()
                } else {
                    format!("{} [{}]", row.command.label_en(), guards.join(", "))
                };
                let line = format!("    {:?} --> {:?} : {label}\n", row.from, to);
                assert!(text.contains(&line), "{track:?}: missing `{line}`");
            }
        }
    }
}

#[test]
fn sign_kb_edge_is_labelled_with_its_guards() {
    let text = mermaid(Track::KsddWajib);
    assert!(text.contains(
        "    KbDrafting --> KbSigned : sign KB \
         [KSD-DOC-01, KSD-DOC-03, KSD-DOC-07, KSD-KIND-03, KSD-STAGE-04, KSD-TERM-05]\n"
    ));
}

#[test]
fn mermaid_starts_at_unregistered_and_ends_at_every_terminal_stage_reached() {
    for track in Track::ALL {
        let text = mermaid(track);
        assert!(text.starts_with("stateDiagram-v2\n"));
        let starts: Vec<&str> = text.lines().filter(|l| l.contains("[*] -->")).collect();
        assert_eq!(starts, ["    [*] --> Unregistered"], "{track:?}");
        let ends: BTreeSet<Stage> = text
            .lines()
            .filter_map(|l| l.trim().strip_suffix(" --> [*]"))
            .map(stage_named)
            .collect();
        let terminal_targets: BTreeSet<Stage> = table_edges(track)
            .into_iter()
            .map(|(_, to, _)| to)
            .filter(|to| to.is_terminal())
            .collect();
        assert_eq!(ends, terminal_targets, "{track:?}");
    }
}

#[test]
fn dot_edges_are_exactly_the_table_rows_of_each_track() {
    for track in Track::ALL {
        let text = dot(track);
        assert!(text.starts_with(&format!("digraph {} {{\n", track.name())));
        assert!(text.ends_with("}\n"));
        assert!(text.contains("  start -> \"Unregistered\";\n"));
        assert_eq!(parse_dot(&text), table_edges(track), "{track:?}");
        let arrows = text.lines().filter(|l| l.contains(" -> ")).count();
        assert_eq!(arrows, edges(track).len() + 1, "{track:?}: one start arrow");
    }
}

#[test]
fn dot_marks_exactly_the_terminal_stages() {
    for track in Track::ALL {
        for line in dot(track).lines().filter(|l| l.contains("peripheries=2")) {
            let name = line.trim().split('"').nth(1).unwrap_or_default();
            assert!(stage_named(name).is_terminal(), "{track:?}: {line}");
        }
    }
}

#[test]
fn diagrams_are_deterministic() {
    for track in Track::ALL {
        assert_eq!(mermaid(track), mermaid(track));
        assert_eq!(dot(track), dot(track));
    }
}

/// Nothing leaves a terminal stage. Facts may still be recorded on an ended cooperation (an
/// expiry recorded late, an extension started as a new cooperation, KSD-TERM-06): those rows
/// are self-loops and stay in the diagram.
#[test]
fn a_terminal_stage_has_no_edge_to_another_stage() {
    for track in Track::ALL {
        for edge in edges(track).iter().filter(|edge| edge.from.is_terminal()) {
            assert_eq!(
                edge.to, edge.from,
                "{track:?}: {:?} is terminal but {:?} leads to {:?}",
                edge.from, edge.command, edge.to
            );
        }
    }
}

/// Stages reachable from `Unregistered` on `track`.
fn reachable(track: Track) -> BTreeSet<Stage> {
    let successors = successors(track);
    let mut seen = BTreeSet::from([Stage::Unregistered]);
    let mut frontier = vec![Stage::Unregistered];
    while let Some(stage) = frontier.pop() {
        for next in successors.get(&stage).into_iter().flatten() {
            if seen.insert(*next) {
                frontier.push(*next);
            }
        }
    }
    seen
}

fn successors(track: Track) -> BTreeMap<Stage, BTreeSet<Stage>> {
    let mut map: BTreeMap<Stage, BTreeSet<Stage>> = BTreeMap::new();
    for (from, to, _) in table_edges(track) {
        map.entry(from).or_default().insert(to);
    }
    map
}

#[test]
fn every_reachable_stage_can_reach_in_force_or_an_end() {
    for track in Track::ALL {
        let successors = successors(track);
        for start in reachable(track) {
            let mut seen = BTreeSet::from([start]);
            let mut frontier = vec![start];
            let mut found = start == Stage::InForce || start.is_terminal();
            while let Some(stage) = frontier.pop() {
                for next in successors.get(&stage).into_iter().flatten() {
                    found |= *next == Stage::InForce || next.is_terminal();
                    if seen.insert(*next) {
                        frontier.push(*next);
                    }
                }
            }
            assert!(found, "{track:?}: {start:?} is a dead end");
        }
    }
}

#[test]
fn every_track_reaches_in_force_and_only_its_own_stages() {
    let wajib_only = [
        Stage::Mapping,
        Stage::TechnicalCoordination,
        Stage::HeadsAgreed,
        Stage::TakenOver,
    ];
    for track in Track::ALL {
        let stages = reachable(track);
        assert!(stages.contains(&Stage::InForce), "{track:?}");
        assert!(stages.contains(&Stage::Ended), "{track:?}");
        for stage in wajib_only {
            assert_eq!(
                stages.contains(&stage),
                track == Track::KsddWajib,
                "{track:?}: {stage:?}"
            );
        }
        assert_eq!(
            stages.contains(&Stage::ProposalReceived),
            track == Track::KsdpkThirdParty,
            "{track:?}"
        );
        assert_eq!(
            stages.contains(&Stage::Preparation),
            track != Track::KsdpkThirdParty,
            "{track:?}"
        );
    }
}

/// The committed diagram of each track, as compiled into this test.
const COMMITTED: [(Track, &str); 4] = [
    (
        Track::KsddWajib,
        include_str!("../docs/diagrams/ksdd_wajib.mmd"),
    ),
    (
        Track::KsddSukarela,
        include_str!("../docs/diagrams/ksdd_sukarela.mmd"),
    ),
    (
        Track::KsdpkRegion,
        include_str!("../docs/diagrams/ksdpk_region.mmd"),
    ),
    (
        Track::KsdpkThirdParty,
        include_str!("../docs/diagrams/ksdpk_third_party.mmd"),
    ),
];

#[test]
fn committed_diagrams_are_generated_from_the_table() {
    let bless = std::env::var("KSD_BLESS").is_ok_and(|v| v == "1");
    for (track, committed) in COMMITTED {
        let generated = mermaid(track);
        if bless {
            let path = format!(
                "{}/docs/diagrams/{}.mmd",
                env!("CARGO_MANIFEST_DIR"),
                track.name()
            );
            std::fs::write(&path, &generated).unwrap_or_else(|e| panic!("writing {path}: {e}"));
        } else if committed != generated {
            let first_difference = committed
                .lines()
                .zip(generated.lines())
                .position(|(old, new)| old != new)
                .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
            panic!(
                "docs/diagrams/{}.mmd is stale from line {}: committed {:?}, generated {:?}; \
                 run `KSD_BLESS=1 cargo test --test diagram`",
                track.name(),
                first_difference + 1,
                committed.lines().nth(first_difference),
                generated.lines().nth(first_difference),
            );
        }
    }
}

#[test]
fn the_readme_shows_the_wajib_diagram_generated_from_the_table() {
    let readme = include_str!("../README.md");
    let block = format!(
        "```mermaid\n{}```",
        kerjasama::diagram::mermaid(kerjasama::model::Track::KsddWajib)
    );
    assert!(
        readme.contains(&block),
        "README.md's Mermaid block is stale: copy docs/diagrams/ksdd_wajib.mmd into it"
    );
}
