//! The aggregate: a cooperation's state, `decide` (pure) and `apply` (never fails).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::{
    KSD_DOC_01, KSD_DPRD_03, KSD_DPRD_04, KSD_STAGE_01, KSD_STAGE_02, RuleSet, RuleSetRef, Severity,
};
use crate::model::{
    Actor, AffairsMapping, CooperationId, CooperationKind, CoordinationLevel, DisputeForum,
    Document, DocumentKind, DprdGate, Evaluation, FeasibilityStudy, InitiativeCriteria,
    KodeWilayah, LawfulnessAttestation, OfferLetter, PartyId, ReviewPoint, Takeover, Track,
};

use super::authority;
use super::command::{Command, CommandKind, CooperationSpec};
use super::event::{EndGround, Event, EventKind};
use super::guard::{self, Ctx};
use super::legacy::{self, LegacyRecord};
use super::rounds::{DprdRound, Ending};
use super::stage::Stage;
use super::table::{self, Transition};
use super::violation::{MissingStep, Rejection, Violation};

/// A DPRD's decision for its region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum DprdDecision {
    /// Approved, with the decision's reference.
    Approved {
        /// Reference.
        reference: String,
        /// Date.
        on: NaiveDate,
    },
    /// Refused.
    Refused {
        /// Why.
        reason: String,
        /// Date.
        on: NaiveDate,
    },
}
crate::serde_shape::map_shaped!(DprdDecision);

/// A cooperation (kerja sama daerah): the replay of its events.
///
/// ```
/// use kerjasama::lifecycle::{Cooperation, Stage};
/// let coop = Cooperation::new();
/// assert_eq!(coop.stage(), Stage::Unregistered);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Cooperation {
    pub(crate) spec: Option<CooperationSpec>,
    pub(crate) rule_set: Option<RuleSetRef>,
    pub(crate) stage: Stage,
    pub(crate) last_date: Option<NaiveDate>,
    pub(crate) mappings: BTreeMap<KodeWilayah, AffairsMapping>,
    pub(crate) coordination: Option<CoordinationLevel>,
    pub(crate) heads_agreement: Option<Document>,
    pub(crate) proposal_letter: Option<String>,
    pub(crate) studies: Vec<FeasibilityStudy>,
    pub(crate) criteria: Option<InitiativeCriteria>,
    pub(crate) attestation: Option<LawfulnessAttestation>,
    pub(crate) reviews: BTreeSet<ReviewPoint>,
    pub(crate) gates: BTreeMap<KodeWilayah, DprdGate>,
    pub(crate) offer: Option<OfferLetter>,
    pub(crate) accepted_by: BTreeSet<PartyId>,
    pub(crate) kb: Option<Document>,
    pub(crate) dprd: BTreeMap<KodeWilayah, DprdDecision>,
    pub(crate) pks: Vec<Document>,
    pub(crate) addenda: Vec<Document>,
    pub(crate) secretariat: bool,
    pub(crate) disputes: Vec<(DisputeForum, NaiveDate)>,
    pub(crate) end_grounds: Vec<EndGround>,
    pub(crate) takeover: Option<Takeover>,
    pub(crate) warnings: Vec<Violation>,
    pub(crate) stage_history: Vec<(Stage, NaiveDate)>,
    pub(crate) evaluations: Vec<(NaiveDate, Evaluation)>,
    pub(crate) successors: Vec<(CooperationId, NaiveDate)>,
    #[serde(default)]
    pub(crate) superseded_kbs: Vec<Document>,
    #[serde(default)]
    pub(crate) dprd_rounds: Vec<DprdRound>,
    #[serde(default)]
    pub(crate) open_round: Option<DprdRound>,
    #[serde(default)]
    pub(crate) ending: Option<Ending>,
    /// What the legacy rule set records (empty, and not serialized, for the current set).
    #[serde(default, skip_serializing_if = "LegacyRecord::is_empty")]
    pub(crate) legacy: LegacyRecord,
}

/// No gates: the gates of a round not opened yet.
static NO_GATES: BTreeMap<KodeWilayah, DprdGate> = BTreeMap::new();
/// No decisions: the decisions of a round not opened yet.
static NO_DECISIONS: BTreeMap<KodeWilayah, DprdDecision> = BTreeMap::new();
crate::serde_shape::map_shaped!(Cooperation);

/// What [`Cooperation::audit_step`] found on a recorded step: the facts it records and what
/// the rules say of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuditedStep {
    /// The facts, with the stage change: apply them to record the step.
    pub events: Vec<Event>,
    /// Every finding of the rules of the step's row, errors included.
    pub violations: Vec<Violation>,
    /// The rules the step was judged by (the guards of its row).
    pub checked: Vec<crate::law::RuleId>,
    /// The steps of the procedure the record does not show before this one.
    pub skipped: Vec<MissingStep>,
}

/// A command the table allows next, with whatever currently blocks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct AllowedCommand {
    /// The command.
    pub command: CommandKind,
    /// Where it may lead.
    pub to: Vec<Stage>,
    /// Whether the given actor may issue it.
    pub actor_may_issue: bool,
    /// Rules that block it now, checked on the state alone (a command's own data, such as
    /// a document's signatories, is checked when it is decided).
    pub blockers: Vec<Violation>,
}
crate::serde_shape::map_shaped!(AllowedCommand);

impl Cooperation {
    /// A cooperation not yet registered: only [`Command::Register`] applies.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replays events into a state. Events are facts: nothing is re-checked here (the audit
    /// layer re-decides stored commands when it must prove a log).
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Self {
        let mut coop = Cooperation::new();
        for event in events {
            coop.apply(event);
        }
        coop
    }

    /// The current stage.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// What was registered (`None` before registration).
    pub fn spec(&self) -> Option<&CooperationSpec> {
        self.spec.as_ref()
    }

    /// The kind, once registered.
    pub fn kind(&self) -> Option<&CooperationKind> {
        self.spec.as_ref().map(|spec| &spec.kind)
    }

    /// The rule set recorded at registration.
    pub fn rule_set(&self) -> Option<RuleSetRef> {
        self.rule_set
    }

    /// The signed KB, if any.
    pub fn kb(&self) -> Option<&Document> {
        self.kb.as_ref()
    }

    /// The signed PKS, in signing order.
    pub fn pks(&self) -> &[Document] {
        &self.pks
    }

    /// The signed addenda.
    pub fn addenda(&self) -> &[Document] {
        &self.addenda
    }

    /// The DPRD gate flags recorded per region party.
    pub fn dprd_gates(&self) -> &BTreeMap<KodeWilayah, DprdGate> {
        &self.gates
    }

    /// The DPRD decisions recorded per region party.
    pub fn dprd_decisions(&self) -> &BTreeMap<KodeWilayah, DprdDecision> {
        &self.dprd
    }

    /// The KBs replaced by a revised version after a DPRD refusal, oldest first.
    pub fn superseded_kbs(&self) -> &[Document] {
        &self.superseded_kbs
    }

    /// The archived DPRD rounds: of a superseded KB, or of a later PKS under the same KB.
    pub fn dprd_rounds(&self) -> &[DprdRound] {
        &self.dprd_rounds
    }

    /// The DPRD round of a later PKS under way, if any.
    pub fn open_dprd_round(&self) -> Option<&DprdRound> {
        self.open_round.as_ref()
    }

    /// The gates the current step concerns: the open round's once in force (a later PKS),
    /// else the first round's.
    pub(crate) fn current_gates(&self) -> &BTreeMap<KodeWilayah, DprdGate> {
        match (self.stage, &self.open_round) {
            (Stage::InForce, Some(round)) => &round.gates,
            (Stage::InForce, None) => &NO_GATES,
            _ => &self.gates,
        }
    }

    /// The DPRD decisions the current step concerns (see [`Self::current_gates`]).
    pub(crate) fn current_decisions(&self) -> &BTreeMap<KodeWilayah, DprdDecision> {
        match (self.stage, &self.open_round) {
            (Stage::InForce, Some(round)) => &round.decisions,
            (Stage::InForce, None) => &NO_DECISIONS,
            _ => &self.dprd,
        }
    }

    /// How it ended early (consents, evidence, notice), if it did.
    pub fn ending(&self) -> Option<&Ending> {
        self.ending.as_ref()
    }

    /// The stage a stalled kerja sama wajib stalled from.
    pub fn stalled_from(&self) -> Option<Stage> {
        if self.stage != Stage::Stalled {
            return None;
        }
        self.stage_history
            .iter()
            .rev()
            .map(|(stage, _)| *stage)
            .find(|stage| *stage != Stage::Stalled)
    }

    /// The grounds it ended on, if it ended.
    pub fn end_grounds(&self) -> &[EndGround] {
        &self.end_grounds
    }

    /// The takeover decree, if taken over.
    pub fn takeover(&self) -> Option<&Takeover> {
        self.takeover.as_ref()
    }

    /// Whether a cooperation secretariat was set up.
    pub fn has_secretariat(&self) -> bool {
        self.secretariat
    }

    /// Every warning recorded on accepted steps.
    pub fn warnings(&self) -> &[Violation] {
        &self.warnings
    }

    /// Each stage entered, with the date, in order (registration enters `Draft`).
    pub fn stage_history(&self) -> &[(Stage, NaiveDate)] {
        &self.stage_history
    }

    /// The date the current stage was entered.
    pub fn stage_entered_on(&self) -> Option<NaiveDate> {
        self.stage_history.last().map(|(_, on)| *on)
    }

    /// The evaluations recorded, with their dates.
    pub fn evaluations(&self) -> &[(NaiveDate, Evaluation)] {
        &self.evaluations
    }

    /// The cooperations started as extensions of this one, with the date (KSD-TERM-06).
    pub fn successors(&self) -> &[(CooperationId, NaiveDate)] {
        &self.successors
    }

    /// What the legacy rule set records: the DPRD timetable, the copies of signed PKS, an
    /// early termination's notice and the cooperation body (empty under the current set).
    pub fn legacy(&self) -> &LegacyRecord {
        &self.legacy
    }

    /// The first day a PKS takes effect: the earliest start of a signed PKS (its signing date
    /// when it states no term). Stage h starts no earlier (KSD-STAGE-01).
    pub fn pks_effective_from(&self) -> Option<NaiveDate> {
        self.pks
            .iter()
            .map(|p| p.term.map_or(p.signed_on, |t| t.starts_on))
            .min()
    }

    /// The document whose end governs the cooperation: the PKS with a term that ends last,
    /// or the KB while no PKS is signed (RULES.md §13.2, "governing end date").
    pub fn governing_document(&self) -> Option<&Document> {
        if self.pks.is_empty() {
            self.kb.as_ref()
        } else {
            self.pks
                .iter()
                .filter(|p| p.term.is_some())
                .max_by_key(|p| p.term.map(|t| t.ends_on))
        }
    }

    /// The last day of the governing document's term ([`Self::governing_document`]).
    pub fn governing_end(&self) -> Option<NaiveDate> {
        self.governing_document()
            .and_then(|doc| doc.term)
            .map(|term| term.ends_on)
    }

    /// The state as of `as_of`: the replay of the events dated on or before it, or `None` if
    /// the cooperation was not registered by then. Derived views take this state, so they
    /// depend only on the history and the date.
    pub fn as_of<'a>(
        events: impl IntoIterator<Item = &'a Event>,
        as_of: NaiveDate,
    ) -> Option<Self> {
        let coop = Self::from_events(events.into_iter().filter(|e| e.occurred_on <= as_of));
        coop.spec.is_some().then_some(coop)
    }

    /// The spec of an extension: the same parties, kind and object, registered anew with
    /// `renews` pointing here (KSD-TERM-06: extension runs the full procedure again).
    pub fn extension_spec(&self, new_id: CooperationId) -> Option<CooperationSpec> {
        let mut spec = self.spec.clone()?;
        spec.renews = Some(spec.id);
        spec.id = new_id;
        Some(spec)
    }

    /// The date of the latest event.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.last_date
    }

    /// The lifecycle branch of its kind, once registered.
    pub fn track(&self) -> Option<Track> {
        self.spec.as_ref().map(|spec| spec.kind.track())
    }

    /// The rule a refusal for being out of order cites.
    fn ordering_rule(&self, command: CommandKind, rules: &RuleSet) -> crate::law::RuleId {
        if rules.is_legacy() {
            return super::table_legacy::ordering_rule(command);
        }
        match (self.stage, command) {
            (Stage::AwaitingDprd, CommandKind::StartPksDrafting | CommandKind::SignPks) => {
                KSD_DPRD_04
            }
            (_, CommandKind::SubmitToDprd | CommandKind::ApproveDprd | CommandKind::RefuseDprd) => {
                KSD_DPRD_03
            }
            // A cooperation has at most one KB (Pasal 6 ayat (3)).
            (_, CommandKind::SignKb) if self.kb.is_some() => KSD_DOC_01,
            // After its KB a cooperation ends only on a ground of Pasal 9 ayat (1) (version 3).
            (_, CommandKind::Cancel) if self.kb.is_some() && rules.version() >= 3 => {
                crate::law::KSD_TERM_01
            }
            _ if self.kind().is_some_and(CooperationKind::is_ksdpk) => KSD_STAGE_02,
            _ => KSD_STAGE_01,
        }
    }

    fn row_for(
        &self,
        command: &Command,
        rules: &RuleSet,
    ) -> Result<&'static Transition, Rejection> {
        let track = match (&self.spec, command) {
            (Some(spec), _) => spec.kind.track(),
            (None, Command::Register { spec }) => spec.kind.track(),
            (None, _) => Track::KsddSukarela,
        };
        table::lookup_for(rules, self.stage, command.kind(), track).ok_or_else(|| {
            Rejection::NotAllowedHere {
                stage: self.stage,
                command: command.kind(),
                allowed: table::rows_from_for(rules, self.stage, track)
                    .map(|t| t.command)
                    .collect(),
                rule: self.ordering_rule(command.kind(), rules),
                path: missing_steps(rules, self.stage, command.kind(), track),
            }
        })
    }

    /// Decides a command: the events it produces, or why it is refused.
    ///
    /// Pure: no clock, no I/O, no randomness. Every guard of the table row is evaluated and
    /// every violation reported. A refusal changes nothing (there is nothing to change: the
    /// state only moves when the returned events are [applied](Self::apply)).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use kerjasama::law::RuleSet;
    /// use kerjasama::lifecycle::{Command, Cooperation, Rejection};
    /// use kerjasama::model::{Actor, Role};
    /// let coop = Cooperation::new();
    /// let clerk = Actor::new(Role::CooperationUnit, "73.14".parse::<kerjasama::model::KodeWilayah>()?, "Bagian Kerja Sama");
    /// let day = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap();
    /// let refused = coop.decide(&Command::StartPreparation, &clerk, day, &RuleSet::current());
    /// assert!(matches!(refused, Err(Rejection::NotAllowedHere { .. })));
    /// # Ok::<(), kerjasama::model::ParseKodeError>(())
    /// ```
    pub fn decide(
        &self,
        command: &Command,
        actor: &Actor,
        occurred_on: NaiveDate,
        rules: &RuleSet,
    ) -> Result<Vec<Event>, Rejection> {
        // A cooperation never mixes the two rule sets (KSD-TRANS-01).
        self.same_regime(rules)?;
        let row = self.row_for(command, rules)?;
        let spec = self.admissible(command, occurred_on)?;
        authority::check(row, spec, self, command, actor, rules)?;
        guard::validate_input(self, spec, command, occurred_on)?;
        let ctx = Ctx {
            coop: self,
            spec,
            command: Some(command),
            kind: command.kind(),
            actor,
            date: occurred_on,
            rules,
        };
        let violations = guard::evaluate(row, &ctx);
        if violations.iter().any(Violation::is_error) {
            return Err(Rejection::Violations {
                command: command.kind(),
                violations,
            });
        }
        let mut events = self.outcome(row, command, actor, spec, &ctx);
        if !violations.is_empty() {
            events.push(Event {
                occurred_on,
                kind: EventKind::Warned { violations },
            });
        }
        Ok(events)
    }

    /// Audits a step a register or spreadsheet shows as done, by the rules that would have
    /// decided it: the facts are recorded whatever the rules find, and every finding (errors
    /// included) is returned beside them. Where the record skips steps of the procedure, the
    /// step is judged by the row it would have been decided on once the steps missing before
    /// it were taken (`AuditedStep::skipped` lists them; their own rules are not judged: the
    /// record holds no evidence of them). Who recorded the step is not judged either: an
    /// imported record names the signatories of its documents, which their own rules check.
    ///
    /// A step the record cannot hold (a date before the previous one, malformed input, a
    /// command no row of the track has, or the other regime) is refused as [`decide`] would.
    ///
    /// [`decide`]: Self::decide
    ///
    /// ```
    /// use kerjasama::law::{RuleSet, KSD_DOC_07};
    /// use kerjasama::lifecycle::{Command, CommandKind, Cooperation};
    /// use kerjasama::sample;
    /// // C02's register: the KB was signed by the Pj Sekda, and nothing else is on record.
    /// let c02 = sample::c02_food();
    /// let register = c02.steps.iter().find(|s| s.command.kind() == CommandKind::Register).unwrap();
    /// let kb = c02.steps.iter().find(|s| s.command.kind() == CommandKind::SignKb).unwrap();
    /// let rules = RuleSet::current();
    /// let mut coop = Cooperation::new();
    /// let registered = coop.audit_step(&register.command, &register.actor, register.on, &rules)?;
    /// registered.events.iter().for_each(|e| coop.apply(e));
    /// let signed = coop.audit_step(&kb.command, &kb.actor, kb.on, &rules)?;
    /// assert!(!signed.skipped.is_empty()); // preparation, the offer, KB drafting...
    /// assert!(signed.violations.iter().any(|v| v.rule == KSD_DOC_07));
    /// signed.events.iter().for_each(|e| coop.apply(e));
    /// assert!(coop.kb().is_some());
    /// # Ok::<(), kerjasama::lifecycle::Rejection>(())
    /// ```
    pub fn audit_step(
        &self,
        command: &Command,
        actor: &Actor,
        occurred_on: NaiveDate,
        rules: &RuleSet,
    ) -> Result<AuditedStep, Rejection> {
        self.same_regime(rules)?;
        let (row, skipped, at) = match self.row_for(command, rules) {
            Ok(row) => (row, Vec::new(), self.stage),
            Err(refusal) => {
                let track = match (&self.spec, command) {
                    (Some(spec), _) => spec.kind.track(),
                    (None, Command::Register { spec }) => spec.kind.track(),
                    (None, _) => return Err(refusal),
                };
                let Some(path) = table::path_to_for(rules, self.stage, command.kind(), track)
                else {
                    return Err(refusal);
                };
                // A signed PKS and entry into force are never assumed: a record that does not
                // show them is not in force (a KB or heads' agreement not on record is skipped
                // and found missing by the rules of the later steps).
                if path.iter().any(|(row, _)| {
                    matches!(
                        row.command,
                        CommandKind::SignPks | CommandKind::EnterIntoForce
                    )
                }) {
                    return Err(refusal);
                }
                let at = path.last().map_or(self.stage, |(_, to)| *to);
                match table::lookup_for(rules, at, command.kind(), track) {
                    Some(row) => (
                        row,
                        missing_steps(rules, self.stage, command.kind(), track),
                        at,
                    ),
                    None => return Err(refusal),
                }
            }
        };
        let spec = self.admissible(command, occurred_on)?;
        guard::validate_input(self, spec, command, occurred_on)?;
        let ctx = Ctx {
            coop: self,
            spec,
            command: Some(command),
            kind: command.kind(),
            actor,
            date: occurred_on,
            rules,
        };
        let violations = guard::evaluate(row, &ctx);
        // The step's target is decided as from the stage the skipped steps lead to.
        let mut events = if at == self.stage {
            self.outcome(row, command, actor, spec, &ctx)
        } else {
            let mut there = self.clone();
            there.stage = at;
            let ctx_there = Ctx {
                coop: &there,
                ..ctx
            };
            there.outcome(row, command, actor, spec, &ctx_there)
        };
        for event in &mut events {
            if let EventKind::StageChanged { from, .. } = &mut event.kind {
                *from = self.stage;
            }
        }
        if at != self.stage
            && !events
                .iter()
                .any(|e| matches!(e.kind, EventKind::StageChanged { .. }))
        {
            // The row leaves the stage as it is, but the skipped steps moved it.
            events.push(Event {
                occurred_on,
                kind: EventKind::StageChanged {
                    from: self.stage,
                    to: at,
                    via: command.kind(),
                },
            });
        }
        Ok(AuditedStep {
            events,
            violations,
            checked: row.guards.to_vec(),
            skipped,
        })
    }

    /// A cooperation is judged under the regime it was registered under, never the other
    /// (KSD-TRANS-01).
    fn same_regime(&self, rules: &RuleSet) -> Result<(), Rejection> {
        if let Some(registered) = self.rule_set
            && registered.id != rules.reference.id
        {
            return Err(Rejection::InvalidInput {
                field: "rule_set".into(),
                message: format!(
                    "registered under {}, judged under {}: a cooperation never mixes rule sets (aturan tidak boleh dicampur)",
                    registered.id, rules.reference.id
                ),
                rule: Some(crate::law::KSD_TRANS_01),
            });
        }
        Ok(())
    }

    /// What a step must meet once its row is found, decided or audited: a date not before the
    /// previous step's, and a registration first. Returns the spec the step is judged on.
    fn admissible<'a>(
        &'a self,
        command: &'a Command,
        occurred_on: NaiveDate,
    ) -> Result<&'a CooperationSpec, Rejection> {
        if let Some(last) = self.last_date
            && occurred_on < last
        {
            return Err(Rejection::InvalidInput {
                field: "occurred_on".into(),
                message: format!(
                    "{occurred_on} is before the previous event ({last}) (tanggal mundur)"
                ),
                rule: None,
            });
        }
        let spec = match (&self.spec, command) {
            (Some(spec), _) => spec,
            (None, Command::Register { spec }) => spec.as_ref(),
            (None, _) => {
                return Err(Rejection::NotAllowedHere {
                    stage: self.stage,
                    command: command.kind(),
                    allowed: vec![CommandKind::Register],
                    rule: KSD_STAGE_01,
                    path: vec![],
                });
            }
        };
        Ok(spec)
    }

    /// The events of a decided command: its facts, then the stage it moves to (the warnings
    /// are the caller's).
    fn outcome(
        &self,
        row: &Transition,
        command: &Command,
        actor: &Actor,
        spec: &CooperationSpec,
        ctx: &Ctx<'_>,
    ) -> Vec<Event> {
        let (occurred_on, rules) = (ctx.date, ctx.rules);
        let mut events: Vec<Event> = self
            .facts(command, actor, spec, rules)
            .into_iter()
            .map(|kind| Event { occurred_on, kind })
            .collect();
        let to = self.target(row, command, actor, ctx);
        // From version 3 a refused KB goes back to drafting as a new version, keeping the
        // refused one and its DPRD round in the record (version 1 and 2 erased them).
        if to == Stage::KbDrafting
            && self.stage == Stage::AwaitingDprd
            && rules.version() >= 3
            && let Some(kb) = &self.kb
        {
            events.push(Event {
                occurred_on,
                kind: EventKind::KbRevisionStarted {
                    superseded: kb.id.clone(),
                },
            });
        }
        if to != self.stage {
            events.push(Event {
                occurred_on,
                kind: EventKind::StageChanged {
                    from: self.stage,
                    to,
                    via: command.kind(),
                },
            });
        }
        events
    }

    /// The facts a command records (before any stage change).
    fn facts(
        &self,
        command: &Command,
        actor: &Actor,
        _spec: &CooperationSpec,
        rules: &RuleSet,
    ) -> Vec<EventKind> {
        use EventKind as E;
        if let Some(facts) = legacy::facts(command, actor, rules) {
            return facts;
        }
        let by = actor.party.clone();
        match command.clone() {
            Command::Register { spec } => vec![E::Registered {
                spec,
                rule_set: rules.reference,
            }],
            Command::FileMapping { mapping } => vec![E::MappingFiled { mapping }],
            Command::HoldTechnicalCoordination { level } => {
                vec![E::TechnicalCoordinationHeld { level }]
            }
            Command::SignHeadsAgreement { document } => vec![E::HeadsAgreementSigned { document }],
            Command::ReceiveProposal {
                letter_number,
                study,
            } => vec![E::ProposalReceived {
                letter_number,
                study,
            }],
            Command::RequestRevision { note } => vec![E::RevisionRequested { note }],
            Command::AssessCriteria { criteria } => vec![E::CriteriaAssessed { criteria }],
            Command::RejectProposal { reason } => vec![E::ProposalRejected { reason }],
            Command::AttestLawfulness { attestation } => {
                vec![E::LawfulnessAttested { attestation }]
            }
            Command::SubmitFeasibilityStudy { study } => {
                vec![E::FeasibilityStudySubmitted { study }]
            }
            Command::RecordTkksdReview { review } => vec![E::TkksdReviewed { review }],
            Command::AssessDprdGate { region, gate } => vec![E::DprdGateAssessed { region, gate }],
            Command::SendOffer { letter } => vec![E::OfferSent { letter }],
            Command::AcceptOffer => by.map(|by| E::OfferAccepted { by }).into_iter().collect(),
            Command::RejectOffer { reason } => by
                .map(|by| E::OfferRejected { by, reason })
                .into_iter()
                .collect(),
            Command::Withdraw { reason } => vec![E::Withdrawn { reason }],
            Command::SignKb { document } => vec![E::KbSigned { document }],
            Command::ApproveDprd { reference } => actor
                .region()
                .map(|region| E::DprdApproved { region, reference })
                .into_iter()
                .collect(),
            Command::RefuseDprd { reason } => actor
                .region()
                .map(|region| E::DprdRefused { region, reason })
                .into_iter()
                .collect(),
            Command::SignPks { document } => vec![E::PksSigned { document }],
            Command::RecordLeadershipChange {
                party,
                new_office_holder,
            } => {
                vec![E::LeadershipChanged {
                    party,
                    new_office_holder,
                }]
            }
            Command::SignAddendum { document } => vec![E::AddendumSigned { document }],
            Command::EstablishSecretariat { continuous } => {
                vec![E::SecretariatEstablished { continuous }]
            }
            Command::RaiseDispute { forum, note } => vec![E::DisputeRaised { forum, note }],
            Command::RecordEvaluation { evaluation } => vec![E::Evaluated { evaluation }],
            Command::RecordExtension { successor } => vec![E::ExtensionStarted { successor }],
            Command::Terminate {
                grounds,
                consents,
                evidence,
                notice,
            } => vec![E::Terminated {
                grounds,
                consents,
                evidence,
                notice,
            }],
            // Recording an expiry already recorded is accepted and changes nothing.
            Command::RecordExpiry if self.stage == Stage::Ended => vec![],
            Command::RecordExpiry => vec![E::Terminated {
                grounds: vec![EndGround::TermExpired],
                consents: Vec::new(),
                evidence: Vec::new(),
                notice: None,
            }],
            // A later PKS's DPRD round and drafting, while in force (no stage records them).
            Command::SubmitToDprd if self.stage == Stage::InForce => vec![E::DprdSubmitted],
            Command::StartPksDrafting if self.stage == Stage::InForce => {
                vec![E::PksDraftingStarted]
            }
            Command::TakeOver { takeover } => vec![E::TakenOver { takeover }],
            Command::Cancel { reason } => vec![E::Cancelled { reason }],
            Command::BeginWajibProcedure
            | Command::StartPreparation
            | Command::AcceptProposal
            | Command::StartKbDrafting
            | Command::SubmitToDprd
            | Command::StartPksDrafting
            | Command::EnterIntoForce => vec![],
            // A stalled procedure that resumes after its KB was signed starts a new version of
            // the KB (the signed one and its DPRD round stay on record, KSD-DOC-01): the new
            // offer is accepted again, the new KB names the one it supersedes.
            Command::Resume => match &self.kb {
                Some(kb) => vec![E::KbRevisionStarted {
                    superseded: kb.id.clone(),
                }],
                None => vec![],
            },
            // The legacy rule set's own commands: only its table has rows for them, and
            // `legacy::facts` records their facts.
            Command::RecordDprdOpinion { .. }
            | Command::ResubmitToDprd
            | Command::RecordDeemedApproval { .. }
            | Command::RecordCopiesSent { .. }
            | Command::TerminateEarly { .. }
            | Command::EstablishCooperationBody { .. } => vec![],
        }
    }

    /// Which of the row's targets the accepted command leads to.
    fn target(&self, row: &Transition, command: &Command, actor: &Actor, ctx: &Ctx<'_>) -> Stage {
        let first = row.to.first().copied().unwrap_or(self.stage);
        // A row that may stall a kerja sama wajib (version 3 on): the policy chooses between
        // stalling toward the takeover and the exit of the other kinds (RULES.md Q21).
        let stalls = ctx.rules.policy.wajib_refusal_policy
            == crate::law::WajibRefusalPolicy::StallsTowardTakeover;
        let exit_or_stall = |exit: Stage| {
            if row.to.contains(&Stage::Stalled) && stalls {
                Stage::Stalled
            } else {
                exit
            }
        };
        match command {
            Command::AcceptOffer => {
                let mut accepted = self.accepted_by.clone();
                accepted.extend(actor.party.clone());
                if guard::partners(ctx.spec)
                    .iter()
                    .all(|p| accepted.contains(p))
                {
                    Stage::OfferAccepted
                } else {
                    Stage::OfferSent
                }
            }
            Command::ApproveDprd { .. } if self.stage == Stage::AwaitingDprd => {
                let pending = guard::dprd_pending(ctx, actor.region());
                if pending.is_empty() {
                    Stage::PksDrafting
                } else {
                    Stage::AwaitingDprd
                }
            }
            Command::RecordDeemedApproval { region } => {
                if guard::dprd_pending(ctx, Some(*region)).is_empty() {
                    Stage::PksDrafting
                } else {
                    Stage::AwaitingDprd
                }
            }
            Command::RefuseDprd { .. } if self.stage == Stage::AwaitingDprd => {
                match ctx.rules.policy.on_dprd_refusal {
                    crate::law::OnDprdRefusal::ReviseKb => Stage::KbDrafting,
                    _ => exit_or_stall(Stage::DprdRefused),
                }
            }
            Command::Withdraw { .. } => exit_or_stall(Stage::Withdrawn),
            Command::RejectOffer { .. } => exit_or_stall(Stage::OfferRejected),
            Command::Cancel { .. } => exit_or_stall(Stage::Cancelled),
            Command::Resume => match self.stalled_from() {
                Some(
                    stage @ (Stage::Draft
                    | Stage::Mapping
                    | Stage::TechnicalCoordination
                    | Stage::HeadsAgreed),
                ) => stage,
                // After the offer a stalled procedure takes up again from preparation: a new
                // offer, KB or DPRD request is made on the record kept.
                _ => Stage::Preparation,
            },
            _ => first,
        }
    }

    /// Applies an event. Never fails: events are facts already decided.
    pub fn apply(&mut self, event: &Event) {
        use EventKind as E;
        self.last_date = Some(
            self.last_date
                .map_or(event.occurred_on, |d| d.max(event.occurred_on)),
        );
        match &event.kind {
            E::Registered { spec, rule_set } => {
                self.spec = Some(spec.as_ref().clone());
                self.rule_set = Some(*rule_set);
                self.stage = Stage::Draft;
                self.stage_history.push((Stage::Draft, event.occurred_on));
            }
            E::MappingFiled { mapping } => {
                self.mappings.insert(mapping.region, mapping.clone());
            }
            E::TechnicalCoordinationHeld { level } => self.coordination = Some(*level),
            E::HeadsAgreementSigned { document } => self.heads_agreement = Some(document.clone()),
            E::ProposalReceived {
                letter_number,
                study,
            } => {
                self.proposal_letter = Some(letter_number.clone());
                self.studies.push(study.clone());
            }
            E::RevisionRequested { .. } => {}
            E::CriteriaAssessed { criteria } => self.criteria = Some(criteria.clone()),
            E::ProposalRejected { .. } | E::Withdrawn { .. } | E::Cancelled { .. } => {}
            E::LawfulnessAttested { attestation } => self.attestation = Some(attestation.clone()),
            E::FeasibilityStudySubmitted { study } => self.studies.push(study.clone()),
            E::TkksdReviewed { review } => {
                self.reviews.insert(review.point);
            }
            E::DprdGateAssessed { region, gate } => {
                if self.stage == Stage::InForce {
                    let round = self.open_round.get_or_insert_with(DprdRound::default);
                    round.gates.insert(*region, gate.clone());
                } else {
                    self.gates.insert(*region, gate.clone());
                }
            }
            E::OfferSent { letter } => {
                // A new offer is accepted afresh (a wajib resumed after its stall sends one).
                self.accepted_by.clear();
                self.offer = Some(letter.clone());
            }
            E::OfferAccepted { by } => {
                self.accepted_by.insert(by.clone());
            }
            E::OfferRejected { .. } => {}
            E::KbSigned { document } => self.kb = Some(document.clone()),
            E::DprdApproved { region, reference } => {
                let decision = DprdDecision::Approved {
                    reference: reference.clone(),
                    on: event.occurred_on,
                };
                self.decisions_mut().insert(*region, decision);
            }
            E::DprdRefused { region, reason } => {
                let decision = DprdDecision::Refused {
                    reason: reason.clone(),
                    on: event.occurred_on,
                };
                self.decisions_mut().insert(*region, decision);
            }
            E::PksSigned { document } => {
                if self.stage == Stage::InForce
                    && let Some(mut round) = self.open_round.take()
                {
                    round.for_document = Some(document.id.clone());
                    self.dprd_rounds.push(round);
                }
                self.pks.push(document.clone());
            }
            E::KbRevisionStarted { superseded } => {
                if let Some(kb) = self.kb.take() {
                    self.superseded_kbs.push(kb);
                }
                self.dprd_rounds.push(DprdRound {
                    gates: self.gates.clone(),
                    decisions: std::mem::take(&mut self.dprd),
                    for_document: Some(superseded.clone()),
                    ..DprdRound::default()
                });
            }
            E::DprdSubmitted => {
                self.open_round
                    .get_or_insert_with(DprdRound::default)
                    .submitted_on = Some(event.occurred_on);
            }
            E::PksDraftingStarted => {
                self.open_round
                    .get_or_insert_with(DprdRound::default)
                    .drafting_from = Some(event.occurred_on);
            }
            E::LeadershipChanged { .. } => {}
            E::AddendumSigned { document } => self.addenda.push(document.clone()),
            E::SecretariatEstablished { .. } => self.secretariat = true,
            E::DisputeRaised { forum, .. } => self.disputes.push((*forum, event.occurred_on)),
            E::Evaluated { evaluation } => self
                .evaluations
                .push((event.occurred_on, evaluation.clone())),
            E::ExtensionStarted { successor } => {
                self.successors.push((*successor, event.occurred_on))
            }
            E::Terminated {
                grounds,
                consents,
                evidence,
                notice,
            } => {
                self.end_grounds = grounds.clone();
                if !consents.is_empty() || !evidence.is_empty() || notice.is_some() {
                    self.ending = Some(Ending {
                        consents: consents.clone(),
                        evidence: evidence.clone(),
                        notice: notice.clone(),
                    });
                }
            }
            E::TakenOver { takeover } => self.takeover = Some(takeover.clone()),
            E::StageChanged { to, .. } => {
                if *to == Stage::KbDrafting && self.stage == Stage::AwaitingDprd {
                    // ReviseKb: the KB goes back to drafting and the DPRDs decide afresh.
                    self.kb = None;
                    self.dprd.clear();
                }
                self.stage = *to;
                self.stage_history.push((*to, event.occurred_on));
            }
            E::Warned { violations } => self.warnings.extend(violations.iter().cloned()),
            E::DraftSubmittedToDprd { .. }
            | E::DprdOpinionGiven { .. }
            | E::DraftResubmittedToDprd { .. }
            | E::DprdDeemedApproved { .. }
            | E::CopiesSent { .. }
            | E::TerminatedEarly { .. }
            | E::CooperationBodyEstablished { .. } => legacy::apply(self, event),
        }
    }

    /// The DPRD decisions an event of this stage updates: the open round's once in force.
    fn decisions_mut(&mut self) -> &mut BTreeMap<KodeWilayah, DprdDecision> {
        if self.stage == Stage::InForce {
            &mut self
                .open_round
                .get_or_insert_with(DprdRound::default)
                .decisions
        } else {
            &mut self.dprd
        }
    }

    /// Decides and, when accepted, applies: a convenience for embedders and tests.
    pub fn execute(
        &mut self,
        command: &Command,
        actor: &Actor,
        occurred_on: NaiveDate,
        rules: &RuleSet,
    ) -> Result<Vec<Event>, Rejection> {
        let events = self.decide(command, actor, occurred_on, rules)?;
        for event in &events {
            self.apply(event);
        }
        Ok(events)
    }

    /// What may happen next: every command the table allows at this stage for this kind,
    /// whether `actor` may issue it, and the rules that block it on `date` given the state.
    pub fn allowed_commands(
        &self,
        actor: &Actor,
        date: NaiveDate,
        rules: &RuleSet,
    ) -> Vec<AllowedCommand> {
        let Some(spec) = &self.spec else {
            return vec![AllowedCommand {
                command: CommandKind::Register,
                to: vec![Stage::Draft],
                actor_may_issue: table::rows_for(rules)
                    .find(|row| row.command == CommandKind::Register)
                    .is_some_and(|row| row.roles.contains(&actor.role)),
                blockers: vec![],
            }];
        };
        table::rows_from_for(rules, self.stage, spec.kind.track())
            .map(|row| {
                let ctx = Ctx {
                    coop: self,
                    spec,
                    command: None,
                    kind: row.command,
                    actor,
                    date,
                    rules,
                };
                AllowedCommand {
                    command: row.command,
                    to: row.to.to_vec(),
                    actor_may_issue: authority::role_allowed(row, actor),
                    blockers: guard::evaluate(row, &ctx)
                        .into_iter()
                        .filter(|v| v.severity == Severity::Error)
                        .collect(),
                }
            })
            .collect()
    }

    /// Whether `kind` is the kind of the signed KB (`DocumentKind::Kb`) — helper for guards.
    pub(crate) fn has_kb(&self) -> bool {
        self.kb
            .as_ref()
            .is_some_and(|kb| kb.kind == DocumentKind::Kb)
    }
}

/// The missing steps of a command refused at `stage`: the rows on the shortest way to a stage
/// where it is allowed, each with the rules it checks and the rule that says who acts.
fn missing_steps(
    rules: &RuleSet,
    stage: Stage,
    command: CommandKind,
    track: Track,
) -> Vec<MissingStep> {
    table::path_to_for(rules, stage, command, track)
        .unwrap_or_default()
        .into_iter()
        .map(|(row, to)| {
            let mut rules = row.guards.to_vec();
            if !rules.contains(&row.authority) {
                rules.push(row.authority);
            }
            MissingStep {
                command: row.command,
                to,
                rules,
            }
        })
        .collect()
}
