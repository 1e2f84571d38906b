//! Wording: everything rendered for people, in Indonesian and English, uses the labels of
//! the model and never a program identifier (`KbSigning`, `court_judgment`, `Provincial`).

use kerjasama::law::{Lang, rules};
use kerjasama::lifecycle::{AuthorityProblem, CommandKind, Stage};
use kerjasama::model::{KodeWilayah, PartyId, Role};

/// `snake_case`, or `CamelCase`: a lower-case letter, then a capital that starts a
/// lower-case word (`KbSigning`; acronyms such as KSDPK, APBD or MoU pass).
fn camel(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase() && w[2].is_lowercase())
}

fn program_identifiers(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| word.contains('_') || camel(word))
        .map(str::to_owned)
        .collect()
}

fn assert_plain(what: &str, text: &str) {
    let found = program_identifiers(text);
    assert!(found.is_empty(), "{what}: {found:?} in `{text}`");
}

#[test]
fn rule_texts_are_plain_language() {
    for rule in rules::all() {
        assert_plain(rule.id.as_str(), &rule.text_id);
        assert_plain(rule.id.as_str(), &rule.text_en);
    }
}

#[test]
fn stage_command_and_role_labels_are_plain_language() {
    let stages = [
        Stage::Unregistered,
        Stage::Draft,
        Stage::Mapping,
        Stage::TechnicalCoordination,
        Stage::HeadsAgreed,
        Stage::ProposalReceived,
        Stage::Preparation,
        Stage::OfferSent,
        Stage::OfferAccepted,
        Stage::KbDrafting,
        Stage::KbSigned,
        Stage::AwaitingDprd,
        Stage::PksDrafting,
        Stage::PksSigned,
        Stage::InForce,
        Stage::Ended,
        Stage::TakenOver,
        Stage::OfferRejected,
        Stage::ProposalRejected,
        Stage::Withdrawn,
        Stage::DprdRefused,
        Stage::Cancelled,
    ];
    for stage in stages {
        assert_plain("stage", stage.label_id());
        assert_plain("stage", stage.label_en());
    }
    for command in CommandKind::ALL {
        assert_plain("command", command.label_id());
        assert_plain("command", command.label_en());
    }
    for role in Role::ALL {
        assert_plain("role", role.label_id());
        assert_plain("role", role.label_en());
    }
}

#[test]
fn authority_explanations_are_plain_language() {
    let region: KodeWilayah = "73.14".parse().expect("code");
    let problems = [
        AuthorityProblem::Role,
        AuthorityProblem::NotAParty { acting_for: None },
        AuthorityProblem::NotAParty {
            acting_for: Some(PartyId::Region(region)),
        },
        AuthorityProblem::OwnMappingOnly { region },
        AuthorityProblem::OwnGateOnly { region },
        AuthorityProblem::InitiatorOnly,
        AuthorityProblem::InitiatorCannotAnswer,
        AuthorityProblem::AlreadyAccepted,
        AuthorityProblem::GateFalse,
        AuthorityProblem::CentreTakesOverProvince,
        AuthorityProblem::OwnGovernorTakesOver,
    ];
    for problem in problems {
        for role in Role::ALL {
            for lang in Lang::ALL {
                assert_plain("authority", &problem.text(role, lang));
            }
        }
    }
}
