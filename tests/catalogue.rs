//! The rule catalogue: its self-consistency, serde round trips, the committed `docs/rules.md`,
//! and (ignored by default) the catalogue against the domain reference RULES.md: ids, their
//! order and count, provenance tags, citations, sources and policy keys.
//!
//! RULES.md lives outside the repository, so the tests that read it are `#[ignore]`d and take
//! its path from `KSD_RULES_MD`; `.ci/run` runs them when the file is there:
//!
//! ```sh
//! KSD_RULES_MD=/abs/path/to/RULES.md cargo test --all-features --test catalogue -- --ignored
//! ```
//!
//! `KSD_BLESS=1 cargo test --test catalogue` rewrites the committed `docs/rules.md`.

use std::collections::{HashMap, HashSet};

use kerjasama::law::{
    Instrument, KSD_DOC_02, Locator, Provenance, Rule, RuleId, UnknownRuleId, rules,
};

/// The text of RULES.md at the path in `KSD_RULES_MD`. Panics (failing the test) when the
/// variable is missing or the file unreadable: an ignored test run on purpose must never pass
/// without having read the file.
fn rules_md() -> String {
    let Some(path) = std::env::var_os("KSD_RULES_MD") else {
        panic!(
            "KSD_RULES_MD is not set: this test checks the catalogue against RULES.md and \
             needs its path, e.g. `KSD_RULES_MD=/abs/path/to/RULES.md cargo test \
             --all-features --test catalogue -- --ignored`"
        );
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "KSD_RULES_MD={}: cannot read RULES.md: {e}",
            path.to_string_lossy()
        )
    });
    assert!(
        !bold_ids(&text).is_empty(),
        "KSD_RULES_MD={}: no `**KSD-…**` id in this file; is it RULES.md?",
        path.to_string_lossy()
    );
    text
}

/// Every `**KSD-…**` / `**LEG-…**` occurrence in RULES.md, in file order.
fn bold_ids(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("**") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("**") else { break };
        let inner = &after[..end];
        if inner.starts_with("KSD-") || inner.starts_with("LEG-") {
            ids.push(inner.to_owned());
        }
        rest = &after[end + 2..];
    }
    ids
}

/// One rule of RULES.md: its bullet line (after the tag) plus its indented sub-bullets.
#[derive(Debug)]
struct Block {
    id: String,
    tag: String,
    /// The text of the first line after the tag.
    head: String,
    /// The whole block, all lines joined.
    body: String,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        if let Some(rest) = line
            .strip_prefix("- **KSD-")
            .map(|rest| ("KSD-", rest))
            .or_else(|| line.strip_prefix("- **LEG-").map(|rest| ("LEG-", rest)))
        {
            let (prefix, rest) = rest;
            let (id_tail, after) = rest.split_once("**").expect("closing ** after the id");
            let after = after.trim_start();
            let tag_start = after.find("`[").expect("a backticked tag after the id");
            let tag_end = after[tag_start..].find("]`").expect("closing ]`") + tag_start;
            let tag = after[tag_start + 1..tag_end + 1].to_owned();
            let head = after[tag_end + 2..].trim().to_owned();
            blocks.push(Block {
                id: format!("{prefix}{id_tail}"),
                tag,
                head,
                body: line.to_owned(),
            });
            open = true;
        } else if open && line.starts_with("  ") {
            let block = blocks.last_mut().expect("an open block");
            block.body.push('\n');
            block.body.push_str(line);
        } else {
            open = false;
        }
    }
    blocks
}

fn catalogue() -> HashMap<String, Rule> {
    rules::all()
        .into_iter()
        .map(|rule| (rule.id.as_str().to_owned(), rule))
        .collect()
}

#[test]
#[ignore = "reads RULES.md from outside the repository: set KSD_RULES_MD"]
fn every_rules_md_id_parses_and_has_exactly_one_entry() {
    let text = rules_md();
    let ids = bold_ids(&text);
    assert_eq!(ids.len(), 95, "RULES.md defines 95 rules");
    let all = rules::all();
    for id in &ids {
        let parsed: RuleId = id.parse().unwrap_or_else(|e: UnknownRuleId| panic!("{e}"));
        assert_eq!(parsed.as_str(), id);
        let count = all.iter().filter(|rule| rule.id == parsed).count();
        assert_eq!(count, 1, "{id} has exactly one catalogue entry");
    }
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "RULES.md defines each id once");
}

#[test]
#[ignore = "reads RULES.md from outside the repository: set KSD_RULES_MD"]
fn catalogue_has_no_extra_or_duplicate_ids_and_follows_rules_md_order() {
    let text = rules_md();
    let ids = bold_ids(&text);
    let all = rules::all();
    let mut seen = HashSet::new();
    for rule in &all {
        assert!(seen.insert(rule.id), "duplicate entry {}", rule.id);
        assert!(
            ids.iter().any(|id| id == rule.id.as_str()),
            "{} is not in RULES.md",
            rule.id
        );
    }
    let order: Vec<&str> = all.iter().map(|rule| rule.id.as_str()).collect();
    assert_eq!(order, ids.iter().map(String::as_str).collect::<Vec<_>>());
    // Formerly the lib unit test `every_rules_md_id_is_its_own_entry_in_order`.
    assert_eq!(ids.len(), all.len());
    for (rule, id) in all.iter().zip(&ids) {
        let parsed: RuleId = id.parse().expect("RULES.md id has an entry");
        assert_eq!(rules::rule(parsed).id, parsed);
        assert_eq!(rule.id.as_str(), id, "catalogue follows RULES.md order");
    }
}

#[test]
fn unknown_ids_are_rejected() {
    assert!("KSD-DPRD-99".parse::<RuleId>().is_err());
    assert!("ksd-dprd-01".parse::<RuleId>().is_err());
    assert!("".parse::<RuleId>().is_err());
}

#[test]
#[ignore = "reads RULES.md from outside the repository: set KSD_RULES_MD"]
fn provenance_equals_the_rules_md_tag() {
    let text = rules_md();
    let catalogue = catalogue();
    let blocks = blocks(&text);
    assert_eq!(blocks.len(), 95);
    for block in &blocks {
        let expected = match block.tag.as_str() {
            "[PRIMARY]" => Provenance::Primary,
            "[SECONDARY]" => Provenance::Secondary,
            "[LEGACY]" => Provenance::Legacy,
            other => panic!("{}: unknown tag {other}", block.id),
        };
        let rule = &catalogue[&block.id];
        assert_eq!(rule.provenance, expected, "{}", block.id);
        assert_eq!(rule.id.provenance(), expected, "{}", block.id);
    }
}

/// The locators written at the start of a `[PRIMARY]` or `[LEGACY]` rule, e.g.
/// `Pasal 2 ayat (2)–(3), Pasal 13 ayat (2)–(3)`, with the instrument and the absence marker.
struct Written {
    instrument: Instrument,
    absence: bool,
    locators: Vec<Locator>,
}

fn written_citation(block: &Block) -> Written {
    let mut rest = block
        .head
        .split_once(':')
        .expect("citation before ':'")
        .0
        .trim();
    let absence = match rest.strip_prefix("(absence) ") {
        Some(tail) => {
            rest = tail;
            true
        }
        None => false,
    };
    rest = rest
        .strip_prefix("**for KSDPL/KSDLL only** ")
        .unwrap_or(rest);
    let mut instrument = if block.tag == "[LEGACY]" {
        Instrument::Pp50_2007
    } else {
        Instrument::Pp28_2018
    };
    for (prefix, named) in [
        ("PP28 ", Instrument::Pp28_2018),
        ("PP 50/2007 ", Instrument::Pp50_2007),
        ("Permendagri 22/2009 ", Instrument::Permendagri22_2009),
    ] {
        if let Some(tail) = rest.strip_prefix(prefix) {
            rest = tail;
            instrument = named;
        }
    }
    if rest.starts_with("Lampiran") {
        // An annex, not a Pasal: no locator.
        return Written {
            instrument,
            absence,
            locators: Vec::new(),
        };
    }
    let locators = rest
        .split(", ")
        .map(|piece| {
            let piece = piece.strip_prefix("Pasal ").unwrap_or(piece);
            let (piece, penjelasan) = match piece.strip_suffix(" + Penjelasan") {
                Some(piece) => (piece, true),
                None => (piece, false),
            };
            let mut words = piece.split(' ');
            let mut locator = Locator {
                pasal: words.next().expect("a Pasal number").to_owned(),
                ayat: None,
                huruf: None,
                angka: None,
                penjelasan,
            };
            while let Some(word) = words.next() {
                let value = words
                    .next()
                    .unwrap_or_else(|| panic!("{}: {word} value", block.id));
                match word {
                    "ayat" => locator.ayat = Some(value.replace(['(', ')'], "")),
                    "huruf" => locator.huruf = Some(value.to_owned()),
                    "angka" => locator.angka = Some(value.to_owned()),
                    other => panic!("{}: unexpected `{other}` in citation", block.id),
                }
            }
            locator
        })
        .collect();
    Written {
        instrument,
        absence,
        locators,
    }
}

#[test]
#[ignore = "reads RULES.md from outside the repository: set KSD_RULES_MD"]
fn primary_and_legacy_citations_are_exactly_as_written_in_rules_md() {
    let text = rules_md();
    let catalogue = catalogue();
    for block in blocks(&text) {
        if block.tag == "[SECONDARY]" {
            continue;
        }
        let rule = &catalogue[&block.id];
        let written = written_citation(&block);
        assert_eq!(rule.citation.instrument, written.instrument, "{}", block.id);
        assert_eq!(rule.citation.absence, written.absence, "{}", block.id);
        assert_eq!(rule.citation.locators, written.locators, "{}", block.id);
        assert_eq!(rule.citation.source, None, "{}", block.id);
        assert_eq!(rule.policy_key, None, "{}", block.id);
    }
}

#[test]
fn every_primary_rule_of_pp28_has_a_locator() {
    for rule in rules::all() {
        if rule.provenance == Provenance::Primary {
            assert_eq!(
                rule.citation.instrument,
                Instrument::Pp28_2018,
                "{}",
                rule.id
            );
            assert!(
                !rule.citation.locators.is_empty(),
                "{} has no locator",
                rule.id
            );
        }
    }
}

#[test]
fn absence_rules_are_primary_and_marked() {
    let absent: Vec<RuleId> = rules::all()
        .iter()
        .filter(|rule| rule.citation.absence)
        .map(|rule| rule.id)
        .collect();
    let names: Vec<&str> = absent.iter().map(|id| id.as_str()).collect();
    assert_eq!(names, ["KSD-DPRD-04", "KSD-TERM-04", "KSD-ENF-06"]);
    for id in absent {
        assert_eq!(id.provenance(), Provenance::Primary);
        assert!(id.citation().to_string().ends_with(" (absence)"));
    }
}

/// URLs in a text, without trailing punctuation.
fn urls(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter_map(|word| word.find("https://").map(|at| &word[at..]))
        .map(|url| url.trim_end_matches(['.', ',', ';', ')']).to_owned())
        .collect()
}

/// Config keys named in a rule: backticked `key = value`, or `Config `key``.
fn config_keys(body: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find('`') {
        let before = &rest[..start];
        let after = &rest[start + 1..];
        let Some(end) = after.find('`') else { break };
        let span = &after[..end];
        let (name, has_value) = match span.split_once(" = ") {
            Some((name, _)) => (name, true),
            None => (span, false),
        };
        let is_key = !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if is_key && (has_value || before.ends_with("Config ")) {
            keys.push(name.to_owned());
        }
        rest = &after[end + 1..];
    }
    keys
}

fn is_snake_case(key: &str) -> bool {
    !key.is_empty()
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[test]
#[ignore = "reads RULES.md from outside the repository: set KSD_RULES_MD"]
fn secondary_rules_have_source_and_policy_key_as_in_rules_md() {
    let text = rules_md();
    let catalogue = catalogue();
    for block in blocks(&text) {
        if block.tag != "[SECONDARY]" {
            continue;
        }
        let rule = &catalogue[&block.id];
        // A rule whose only source is the text of Permendagri 25/2020 (RULES.md's source
        // table: key P25) cites that instrument; the others cite Permendagri 22/2020 or
        // practice.
        let p25 = "sikerja-new/blob/60455040a8a5a533e476deb4e745ac26b5c4b522/public/files/5.pdf";
        let only_p25 = block.body.contains(p25) && block.body.matches("https://").count() == 1;
        assert!(
            if only_p25 {
                rule.citation.instrument == Instrument::Permendagri25_2020
            } else {
                matches!(
                    rule.citation.instrument,
                    Instrument::Permendagri22_2020 | Instrument::Practice
                )
            },
            "{}: {:?}",
            block.id,
            rule.citation.instrument
        );
        assert!(rule.citation.locators.is_empty(), "{}", block.id);
        assert!(!rule.citation.absence, "{}", block.id);

        let source = rule.citation.source.as_deref().expect("a source");
        let cited: Vec<&str> = source.split("; ").collect();
        assert!(!cited.is_empty(), "{}", block.id);
        let written = urls(&block.body);
        for url in &cited {
            assert!(
                written.iter().any(|w| w == url),
                "{}: source {url} is not written in RULES.md",
                block.id
            );
        }
        // Every URL after "source:" in the rule is carried by the catalogue.
        let after_source = block
            .body
            .split_once("source:")
            .map(|(_, tail)| tail)
            .unwrap_or(&block.body);
        for url in urls(after_source) {
            assert!(cited.contains(&url.as_str()), "{}: {url} missing", block.id);
        }

        let key = rule.policy_key.as_deref().expect("a policy key");
        let keys: Vec<&str> = key.split(", ").collect();
        assert!(keys.iter().all(|k| is_snake_case(k)), "{}: {key}", block.id);
        let named = config_keys(&block.body);
        if !named.is_empty() {
            assert_eq!(
                keys, named,
                "{}: policy keys as named in RULES.md",
                block.id
            );
        }
    }
}

#[test]
fn legacy_rules_cite_the_revoked_instruments() {
    for rule in rules::all() {
        if rule.provenance == Provenance::Legacy {
            let expected = if rule.id.as_str() == "LEG-DOC-02" {
                Instrument::Permendagri22_2009
            } else {
                Instrument::Pp50_2007
            };
            assert_eq!(rule.citation.instrument, expected, "{}", rule.id);
            assert!(rule.id.as_str().starts_with("LEG-"), "{}", rule.id);
        } else {
            assert!(rule.id.as_str().starts_with("KSD-"), "{}", rule.id);
        }
    }
}

#[test]
fn citation_display_of_ksd_doc_02() {
    assert_eq!(
        KSD_DOC_02.citation().to_string(),
        "PP 28/2018 Pasal 19 ayat (2)"
    );
    assert_eq!(
        rules::rule(KSD_DOC_02).citation.to_string(),
        "PP 28/2018 Pasal 19 ayat (2)"
    );
}

#[test]
fn citation_display_examples() {
    let display = |id: &str| {
        id.parse::<RuleId>()
            .expect("known id")
            .citation()
            .to_string()
    };
    assert_eq!(display("KSD-KIND-01"), "PP 28/2018 Pasal 1 angka 1–5");
    assert_eq!(
        display("KSD-KIND-03"),
        "PP 28/2018 Pasal 2 ayat (2–3), Pasal 13 ayat (2–3)"
    );
    assert_eq!(
        display("KSD-TERM-01"),
        "PP 28/2018 Pasal 9 ayat (1) huruf a–e"
    );
    assert_eq!(
        display("KSD-ENF-08"),
        "PP 28/2018 Pasal 7 ayat (1–4) + Penjelasan"
    );
    assert_eq!(display("KSD-DPRD-04"), "PP 28/2018 Pasal 6 (absence)");
    assert_eq!(
        display("KSD-DPRD-06"),
        "PP 28/2018 Pasal 30 ayat (1–4), Pasal 38–40"
    );
    assert_eq!(display("LEG-DOC-01"), "PP 50/2007 Pasal 7 huruf b");
    assert!(
        display("KSD-TERM-05")
            .starts_with("Permendagri 22/2020; primary text not available, source: https://")
    );
}

#[test]
fn every_rule_round_trips_through_json() {
    for rule in rules::all() {
        let json = serde_json::to_string(&rule).expect("serialises");
        let back: Rule = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, rule, "{json}");
        let value = serde_json::to_value(&rule).expect("to value");
        assert_eq!(value["id"], rule.id.as_str());
    }
    let all = rules::all();
    let json = serde_json::to_string(&all).expect("serialises");
    let back: Vec<Rule> = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, all);
}

#[test]
fn unknown_rule_id_in_json_is_an_error() {
    let mut value = serde_json::to_value(rules::rule(KSD_DOC_02)).expect("to value");
    value["id"] = "KSD-DOC-99".into();
    assert!(serde_json::from_value::<Rule>(value).is_err());
}

#[test]
fn texts_are_bilingual() {
    for rule in rules::all() {
        assert!(!rule.text_id.trim().is_empty(), "{}", rule.id);
        assert!(!rule.text_en.trim().is_empty(), "{}", rule.id);
        assert_ne!(rule.text_id, rule.text_en, "{}", rule.id);
    }
}

#[test]
fn catalogue_has_95_rules_each_id_once() {
    let all = rules::all();
    assert_eq!(all.len(), 95, "the catalogue has 95 rules");
    let unique: HashSet<RuleId> = all.iter().map(|rule| rule.id).collect();
    assert_eq!(unique.len(), all.len(), "no id twice");
    for rule in &all {
        let parsed: RuleId = rule.id.as_str().parse().expect("a catalogue id parses");
        assert_eq!(parsed, rule.id);
        assert_eq!(rules::rule(parsed), *rule);
    }
}

/// The rule ids of `docs/rules.md` (its `### ` headings), in file order.
fn markdown_ids(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|line| line.strip_prefix("### "))
        .filter_map(|heading| heading.split(' ').next())
        .collect()
}

#[test]
fn markdown_lists_every_rule_once_grouped_by_area_in_catalogue_order() {
    let text = rules::markdown();
    let all = rules::all();
    let ids = markdown_ids(&text);
    assert_eq!(ids.len(), all.len());
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "each rule once");

    // Within each area the catalogue order holds, and areas never interleave.
    let area = |id: &str| -> String {
        if id.starts_with("LEG-") {
            "LEG".into()
        } else {
            id.split('-').nth(1).expect("KSD-AREA-NN").into()
        }
    };
    let position: HashMap<&str, usize> = all
        .iter()
        .enumerate()
        .map(|(i, rule)| (rule.id.as_str(), i))
        .collect();
    let mut finished: Vec<String> = Vec::new();
    for pair in ids.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if area(a) == area(b) {
            assert!(position[a] < position[b], "{a} before {b}");
        } else {
            finished.push(area(a));
            assert!(!finished.contains(&area(b)), "area of {b} appears twice");
        }
    }
    let headings: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .collect();
    assert_eq!(headings.len(), finished.len() + 1, "one heading per area");

    // Each rule's block carries what the catalogue says.
    for rule in &all {
        let heading = format!("### {} `[{}]`\n\n", rule.id, rule.provenance);
        let start = text.find(&heading).unwrap_or_else(|| panic!("{}", rule.id)) + heading.len();
        let block = text[start..].split("\n\n").next().expect("a block");
        let mut expected = vec![format!("- Citation: {}", rule.citation)];
        if let Some(source) = &rule.citation.source {
            for url in source.split("; ") {
                assert!(block.contains(&format!("<{url}>")), "{}: {url}", rule.id);
            }
        }
        if let Some(key) = &rule.policy_key {
            for key in key.split(", ") {
                assert!(block.contains(&format!("`{key}`")), "{}: {key}", rule.id);
            }
        }
        expected.push(format!("- Indonesian: {}", rule.text_id));
        expected.push(format!("- English: {}", rule.text_en));
        for line in expected {
            assert!(block.lines().any(|l| l == line), "{}: {line}", rule.id);
        }
        assert_eq!(
            rule.provenance == Provenance::Secondary,
            block.contains("\n- Source: "),
            "{}: a source line exactly for SECONDARY rules",
            rule.id
        );
    }
}

#[test]
fn committed_docs_rules_md_is_the_generated_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let generated = rules::markdown();
    if std::env::var("KSD_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(path, &generated).unwrap_or_else(|e| panic!("writing {path}: {e}"));
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("reading docs/rules.md: {e}; run `KSD_BLESS=1 cargo test --test catalogue`")
    });
    if committed != generated {
        let first_difference = committed
            .lines()
            .zip(generated.lines())
            .position(|(old, new)| old != new)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "docs/rules.md is stale from line {}: committed {:?}, generated {:?}; \
             run `KSD_BLESS=1 cargo test --test catalogue`",
            first_difference + 1,
            committed.lines().nth(first_difference),
            generated.lines().nth(first_difference),
        );
    }
}

/// Issue 8 item 2: every setting a rule of `law::rules` names (its policy keys) is a field of
/// [`Policy`], under the name its JSON form uses, so a reader can set what the rule text says.
#[test]
fn every_policy_key_named_by_a_rule_is_a_policy_field() {
    let fields: Vec<String> = match serde_json::to_value(kerjasama::law::Policy::default()) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        other => panic!("Policy serialises to an object: {other:?}"),
    };
    let mut named = 0;
    for rule in rules::all() {
        for key in rule.policy_key.iter().flat_map(|k| k.split(", ")) {
            named += 1;
            assert!(
                fields.iter().any(|f| f == key),
                "{} names `{key}`, which is not a Policy field",
                rule.id
            );
        }
    }
    assert!(named >= 38, "the catalogue names {named} settings");
    // And the check can fail: a name that is not a field is not found.
    assert!(!fields.iter().any(|f| f == "no_such_setting"));
}
