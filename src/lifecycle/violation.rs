//! Violations and rejections: every refusal names its rule; its citation, provenance and
//! messages come from the rule id and the typed finding when read.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::law::{Citation, Lang, Provenance, RuleId, Severity};
use crate::model::{KodeWilayah, Role};

use super::command::CommandKind;
use super::finding::Finding;
use super::stage::Stage;

/// One violated rule: the rule, the severity it had under the policy in force, the input
/// field concerned and what was found, as facts. This is what the audit log stores.
///
/// Its citation and provenance come from the rule ([`Violation::citation`]); its messages are
/// rendered on read ([`Violation::message`]), so neither is stored.
///
/// ```
/// use kerjasama::law::{KSD_TERM_05, Lang, Severity};
/// use kerjasama::lifecycle::{Finding, Violation};
/// let v = Violation::new(KSD_TERM_05, Severity::Warning, Finding::TermExceedsLimit { years: 10, limit: 5 })
///     .at("document.term");
/// assert_eq!(v.citation().instrument.short_name(), "Permendagri 22/2020");
/// assert!(v.message(Lang::En).starts_with("a term of 10 years"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Violation")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Violation {
    /// The rule.
    pub rule: RuleId,
    /// Error blocks the step; warning is recorded with it.
    pub severity: Severity,
    /// The input field concerned, if one is (e.g. `document.signatories[1]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What was found, with its parameters.
    pub finding: Finding,
    /// The further findings of the same kind for the same rule and field, after `finding`:
    /// a rule reports one violation per rule, field and kind of finding, listing at most
    /// [`LISTED_FINDINGS`] of them in all (`finding` first) and counting the rest in
    /// [`Violation::unlisted`]. Absent from the record when there is none, so a record
    /// written before it existed keeps its bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Finding>,
    /// How many more findings of the same kind for the same rule and field were found
    /// beyond those listed (`finding` and `also`); absent from the record when none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unlisted: u64,
    /// Set when the rule was downgraded to advice because another rule says a different
    /// regime governs (KSD-PK-03: types (b)–(d) of a KSDPK follow their sectoral laws).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advisory_under: Option<RuleId>,
}
crate::serde_shape::map_shaped!(Violation);

/// How many findings of one kind a violation lists for one rule and field (`finding` and
/// `also`) before it only counts the rest (`unlisted`): "the first 20, and N more".
///
/// A practice value of this crate, not law: it bounds what a refusal, a warning and an audit
/// record hold when an input is large (50 000 parties, 2 000 regions whose pairs are not
/// allowed), so that deciding stays near-linear and a record stays small. Changing it
/// changes which findings later records list, never an outcome.
pub const LISTED_FINDINGS: usize = 20;

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One violation per rule, severity, field and kind of finding, in the order each first
/// occurs: the later ones of a kind are listed in the first one's `also` up to
/// [`LISTED_FINDINGS`] and counted beyond. Linear in the number of violations.
pub(crate) fn one_per_field(found: Vec<Violation>) -> Vec<Violation> {
    use std::collections::HashMap;
    use std::collections::hash_map::Entry;
    if found.len() < 2 {
        return found;
    }
    type Key = (
        RuleId,
        crate::law::Severity,
        Option<String>,
        Option<RuleId>,
        std::mem::Discriminant<Finding>,
    );
    let mut at: HashMap<Key, usize> = HashMap::new();
    let mut kept: Vec<Violation> = Vec::new();
    for violation in found {
        let key = (
            violation.rule,
            violation.severity,
            violation.field.clone(),
            violation.advisory_under,
            std::mem::discriminant(&violation.finding),
        );
        match at.entry(key) {
            Entry::Occupied(index) => {
                if let Some(first) = kept.get_mut(*index.get()) {
                    debug_assert!(first.same_listing(&violation));
                    let Violation {
                        finding,
                        also,
                        unlisted,
                        ..
                    } = violation;
                    first.add(finding, 0);
                    for finding in also {
                        first.add(finding, 0);
                    }
                    first.unlisted = first.unlisted.saturating_add(unlisted);
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(kept.len());
                kept.push(violation);
            }
        }
    }
    kept
}

/// Renders violations as text. [`Messages`] is the crate's own wording; an embedder may
/// substitute its own (another register, a shorter form) without touching any stored record.
pub trait Render {
    /// The message of `violation` in `lang`.
    fn render(&self, violation: &Violation, lang: Lang) -> String;
}

/// The crate's own messages in Indonesian and English.
#[derive(Debug, Default, Clone, Copy)]
pub struct Messages;

impl Render for Messages {
    fn render(&self, violation: &Violation, lang: Lang) -> String {
        let mut text = violation.finding.text(lang);
        for finding in &violation.also {
            text.push_str("; ");
            text.push_str(&finding.text(lang));
        }
        if violation.unlisted > 0 {
            let n = violation.unlisted;
            text.push_str(&lang.pick(format!("; dan {n} lainnya"), format!("; and {n} more")));
        }
        if let Some(rule) = violation.advisory_under {
            text.push_str(&lang.pick(
                format!(" (anjuran: rezim sektoral berlaku, {rule})"),
                format!(" (advisory: the sectoral regime governs, {rule})"),
            ));
        }
        text
    }
}

impl Violation {
    /// A violation of `rule` with `severity` and what was found.
    pub fn new(rule: RuleId, severity: Severity, finding: Finding) -> Self {
        Violation {
            rule,
            severity,
            field: None,
            finding,
            also: Vec::new(),
            unlisted: 0,
            advisory_under: None,
        }
    }

    /// Every finding it lists: `finding`, then `also`.
    ///
    /// ```
    /// use kerjasama::law::{KSD_WAJIB_01, Lang};
    /// use kerjasama::lifecycle::{Finding, Violation};
    /// use kerjasama::model::KodeWilayah;
    /// let (a, b): (KodeWilayah, KodeWilayah) = ("73.14".parse()?, "73.72".parse()?);
    /// let v = Violation::error(KSD_WAJIB_01, Finding::MappingNotFiled { region: a })
    ///     .listing([Finding::MappingNotFiled { region: b }], 3);
    /// assert_eq!(v.findings().count(), 2);
    /// assert_eq!(v.count(), 5);
    /// assert!(v.message(Lang::En).ends_with("73.72 has not filed its mapping of affairs; and 3 more"));
    /// assert!(v.message(Lang::Id).ends_with("; dan 3 lainnya"));
    /// # Ok::<(), kerjasama::model::ParseKodeError>(())
    /// ```
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        std::iter::once(&self.finding).chain(&self.also)
    }

    /// How many findings it stands for: those listed and those only counted.
    pub fn count(&self) -> u64 {
        let listed = u64::try_from(self.also.len()).unwrap_or(u64::MAX);
        listed.saturating_add(1).saturating_add(self.unlisted)
    }

    /// Lists `also` after its finding and counts `unlisted` more (see [`LISTED_FINDINGS`];
    /// findings beyond the bound are counted, not listed).
    pub fn listing(mut self, also: impl IntoIterator<Item = Finding>, unlisted: u64) -> Self {
        for finding in also {
            self.add(finding, 0);
        }
        self.unlisted = self.unlisted.saturating_add(unlisted);
        self
    }

    /// Adds one finding of the same kind: listed while fewer than [`LISTED_FINDINGS`] are,
    /// counted after; `unlisted` more are counted with it.
    fn add(&mut self, finding: Finding, unlisted: u64) {
        if self.also.len() + 1 < LISTED_FINDINGS {
            self.also.push(finding);
        } else {
            self.unlisted = self.unlisted.saturating_add(1);
        }
        self.unlisted = self.unlisted.saturating_add(unlisted);
    }

    /// Whether `other` is of the same rule, severity, field and kind of finding: one
    /// violation then stands for both.
    fn same_listing(&self, other: &Violation) -> bool {
        self.rule == other.rule
            && self.severity == other.severity
            && self.field == other.field
            && self.advisory_under == other.advisory_under
            && std::mem::discriminant(&self.finding) == std::mem::discriminant(&other.finding)
    }

    /// An error: blocks the step.
    pub fn error(rule: RuleId, finding: Finding) -> Self {
        Self::new(rule, Severity::Error, finding)
    }

    /// A warning: recorded with the step.
    pub fn warning(rule: RuleId, finding: Finding) -> Self {
        Self::new(rule, Severity::Warning, finding)
    }

    /// Names the input field concerned.
    pub fn at(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Whether it blocks the step.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Where the rule comes from (from the catalogue, never stored), narrowed to the ayat
    /// and huruf the finding concerns where the rule cites a range of PP 28/2018.
    ///
    /// ```
    /// use kerjasama::law::KSD_ENF_08;
    /// use kerjasama::lifecycle::{Finding, Violation};
    /// let v = Violation::error(KSD_ENF_08, Finding::NotContinuous);
    /// assert_eq!(v.citation().to_string(), "PP 28/2018 Pasal 7 ayat (2) huruf a");
    /// assert_eq!(KSD_ENF_08.citation().to_string(), "PP 28/2018 Pasal 7 ayat (1–4) + Penjelasan");
    /// ```
    pub fn citation(&self) -> Citation {
        let mut citation = self.rule.citation();
        let pp28 = citation.instrument == crate::law::Instrument::Pp28_2018;
        if let (true, Some(place)) = (pp28, self.finding.place()) {
            citation.locators = vec![place.to_locator()];
        }
        let pp50 = citation.instrument == crate::law::Instrument::Pp50_2007;
        if let (true, Some(place)) = (pp50, self.finding.legacy_place()) {
            citation.locators = vec![place.to_locator()];
        }
        citation
    }

    /// The rule's provenance tag.
    pub fn provenance(&self) -> Provenance {
        self.rule.provenance()
    }

    /// The message in `lang`, in the crate's own wording.
    pub fn message(&self, lang: Lang) -> String {
        Messages.render(self, lang)
    }

    /// The message in `lang`, in the wording of `renderer`.
    pub fn message_with(&self, renderer: &dyn Render, lang: Lang) -> String {
        renderer.render(self, lang)
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            _ => "warning",
        };
        write!(
            f,
            "[{}] {} {}: {} / {}",
            self.rule,
            level,
            self.provenance(),
            self.message(Lang::Id),
            self.message(Lang::En)
        )?;
        if let Some(field) = &self.field {
            write!(f, " (field `{field}`)")?;
        }
        write!(f, " — {}", self.citation())
    }
}

/// Why an actor may not issue a command (RULES.md §4.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "AuthorityProblem")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "problem",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum AuthorityProblem {
    /// The actor's role may not issue this command.
    Role,
    /// The actor acts for a party that is not one of the cooperation's, in that capacity.
    NotAParty {
        /// What the actor acts for, if anything.
        acting_for: Option<crate::model::PartyId>,
    },
    /// A region files its own mapping only.
    OwnMappingOnly {
        /// The region whose mapping was filed.
        region: KodeWilayah,
    },
    /// A region assesses its own DPRD gate only.
    OwnGateOnly {
        /// The region whose gate was assessed.
        region: KodeWilayah,
    },
    /// Only the initiating party may do this.
    InitiatorOnly,
    /// The initiator cannot answer its own offer.
    InitiatorCannotAnswer,
    /// This partner has already accepted.
    AlreadyAccepted,
    /// The DPRD acts only for a region whose gate is true.
    GateFalse,
    /// Only the central government takes over a province's affair.
    CentreTakesOverProvince,
    /// Only the governor of the kab/kota's own province takes over.
    OwnGovernorTakesOver,
}
crate::serde_shape::map_shaped!(AuthorityProblem);

impl AuthorityProblem {
    /// The explanation in `lang`.
    pub fn text(&self, role: Role, lang: Lang) -> String {
        use AuthorityProblem as P;
        match self {
            P::Role => lang.pick(
                format!("{} tidak berwenang melakukan langkah ini", role.label_id()),
                format!("{} may not issue this command", role.label_en()),
            ),
            P::NotAParty { acting_for } => {
                let who = acting_for.as_ref().map_or_else(
                    || lang.pick("tanpa pihak", "no party").to_owned(),
                    |p| p.to_string(),
                );
                lang.pick(
                    format!("bertindak untuk {who}, yang bukan pihak dalam kedudukan itu"),
                    format!("acts for {who}, which is not a party in that capacity"),
                )
            }
            P::OwnMappingOnly { region } => lang.pick(
                format!("daerah menyampaikan pemetaan urusannya sendiri, bukan milik {region}"),
                format!("a region files its own mapping, not {region}'s"),
            ),
            P::OwnGateOnly { region } => lang.pick(
                format!("setiap daerah menilai syarat DPRD-nya sendiri, bukan milik {region}"),
                format!("each region assesses its own gate, not {region}'s"),
            ),
            P::InitiatorOnly => lang.pick(
                "hanya pihak pemrakarsa yang dapat melakukannya".to_owned(),
                "only the initiating party may do this".to_owned(),
            ),
            P::InitiatorCannotAnswer => lang.pick(
                "pemrakarsa tidak dapat menjawab penawarannya sendiri".to_owned(),
                "the initiator cannot answer its own offer".to_owned(),
            ),
            P::AlreadyAccepted => lang.pick(
                "mitra ini sudah menerima".to_owned(),
                "this partner has already accepted".to_owned(),
            ),
            P::GateFalse => lang.pick(
                "DPRD hanya bertindak untuk daerah yang memerlukan persetujuannya".to_owned(),
                "the DPRD acts only for a region whose gate is true".to_owned(),
            ),
            P::CentreTakesOverProvince => lang.pick(
                "hanya Pemerintah Pusat yang mengambil alih urusan provinsi".to_owned(),
                "only the central government takes over a province's affair".to_owned(),
            ),
            P::OwnGovernorTakesOver => lang.pick(
                "hanya gubernur provinsinya sendiri yang mengambil alih urusan kabupaten/kota"
                    .to_owned(),
                "only the governor of the kab/kota's own province takes over".to_owned(),
            ),
        }
    }
}

/// One step of the shortest way from the current stage to a stage where a refused command is
/// allowed, derived from the transition table: the command to issue and the rules it checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "MissingStep")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct MissingStep {
    /// The command to issue.
    pub command: CommandKind,
    /// The stage it leads to.
    pub to: Stage,
    /// The rules it checks, and the rule that says who acts.
    pub rules: Vec<RuleId>,
}
crate::serde_shape::map_shaped!(MissingStep);

/// Why a command was refused. A refused command changes nothing.
///
/// How to react: `NotAllowedHere` and `ActorNotAuthorised` are user errors (offer the `path`
/// of missing steps, or the `allowed_roles`, instead); `Violations` lists every rule to satisfy
/// before retrying ([`Rejection::errors`]; its [`Rejection::warnings`] would be recorded with
/// the step); `InvalidInput` is bad data to correct. None is worth retrying unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Rejection")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "rejection",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum Rejection {
    /// The command has no row in the transition table for this stage and kind.
    #[error(
        "{command} tidak dapat dilakukan pada tahap {} / not allowed at stage {} ({rule}){}",
        stage.label_id(), stage.label_en(), describe_path(path)
    )]
    NotAllowedHere {
        /// The stage.
        stage: Stage,
        /// The command refused.
        command: CommandKind,
        /// The commands the table allows here.
        allowed: Vec<CommandKind>,
        /// The rule that fixes the order of stages.
        rule: RuleId,
        /// The shortest way, by the table, to a stage where the command is allowed (empty
        /// when there is none: the command can never come after this stage).
        path: Vec<MissingStep>,
    },
    /// The actor may not issue this command (RULES.md §4.4).
    #[error(
        "{} tidak berwenang untuk {command} / not authorised ({rule}): {} / {}",
        role.label_id(), problem.text(*role, Lang::Id), problem.text(*role, Lang::En)
    )]
    ActorNotAuthorised {
        /// The actor's role.
        role: Role,
        /// The command refused.
        command: CommandKind,
        /// The roles that may.
        allowed_roles: Vec<Role>,
        /// The rule that says who acts.
        rule: RuleId,
        /// What is wrong (role, or the party acted for).
        problem: AuthorityProblem,
    },
    /// One or more rules are violated; every violation is listed, warnings included.
    #[error("{command} ditolak / refused: {}", violations.iter().map(|v| v.to_string()).collect::<Vec<_>>().join("; "))]
    Violations {
        /// The command refused.
        command: CommandKind,
        /// Every violation found (errors and warnings).
        violations: Vec<Violation>,
    },
    /// Input data is malformed or inconsistent.
    #[error("data tidak sah / invalid input in `{field}`: {message}")]
    InvalidInput {
        /// The field.
        field: String,
        /// What is wrong.
        message: String,
        /// The rule concerned, if one is.
        rule: Option<RuleId>,
    },
}
crate::serde_shape::map_shaped!(Rejection);

fn describe_path(path: &[MissingStep]) -> String {
    if path.is_empty() {
        return String::new();
    }
    let steps: Vec<String> = path
        .iter()
        .map(|step| {
            let rules: Vec<&str> = step.rules.iter().map(|r| r.as_str()).collect();
            format!("{} [{}]", step.command.label_id(), rules.join(", "))
        })
        .collect();
    format!(
        "; langkah yang belum dilakukan / missing steps: {}",
        steps.join(" → ")
    )
}

impl Rejection {
    /// Every violation listed, errors and warnings, if this is a rule refusal.
    pub fn violations(&self) -> &[Violation] {
        match self {
            Rejection::Violations { violations, .. } => violations,
            _ => &[],
        }
    }

    /// The violations that block the step.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations().iter().filter(|v| v.is_error())
    }

    /// The violations that would only have been recorded as warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.violations().iter().filter(|v| !v.is_error())
    }

    /// The missing steps of a command refused for its place in the order (empty otherwise).
    pub fn missing_steps(&self) -> &[MissingStep] {
        match self {
            Rejection::NotAllowedHere { path, .. } => path,
            _ => &[],
        }
    }

    /// Every rule id this rejection cites: for a rule refusal the violated rules (errors and
    /// warnings, in order); for a command out of order the ordering rule and then the rules
    /// of each missing step.
    pub fn rules(&self) -> Vec<RuleId> {
        match self {
            Rejection::NotAllowedHere { rule, path, .. } => {
                let mut rules = vec![*rule];
                for step in path {
                    for r in &step.rules {
                        if !rules.contains(r) {
                            rules.push(*r);
                        }
                    }
                }
                rules
            }
            Rejection::ActorNotAuthorised { rule, .. } => vec![*rule],
            Rejection::Violations { violations, .. } => violations.iter().map(|v| v.rule).collect(),
            Rejection::InvalidInput { rule, .. } => rule.iter().copied().collect(),
        }
    }
}
