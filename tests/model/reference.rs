//! The reference model: the lifecycle of the current rule set (PP 28/2018, version 3 of the
//! crate's current set) written again, by hand, from RULES.md §4.1–§4.6, §5, §7 and §9 and
//! the crate's public prose (README "Concepts", CHANGELOG, the docs of `Command`), without
//! calling or copying `src/lifecycle/table.rs`.
//!
//! It answers two questions for a (stage, command kind, track): is the command *in order*
//! here (the crate refuses an out-of-order command with `Rejection::NotAllowedHere`, and
//! nothing else), and, when the crate accepts it, which stage follows. For the second it
//! keeps the few facts a target depends on (who accepted the offer, which DPRD gates are
//! true and which DPRDs approved, where a wajib cooperation stalled), learnt from the
//! accepted commands themselves, never read back from the crate's state.
//!
//! Scope: the four tracks of the current rule set (KSDD wajib, KSDD sukarela, KSDPK by the
//! region, KSDPK by the third party), every stage of §4.6 plus the stall of RULES.md Q21,
//! every command of the current set. Left out on purpose: the legacy rule set (PP 50/2007,
//! its own table), rule-set versions 1 and 2, and the content guards (who may act, what a
//! document must hold, dates): those refuse with other rejections, which the comparison
//! allows wherever the model says a command is in order.
//!
//! Review: the first version disagreed with the crate in five places (found with
//! `model_census` in `tests/model.rs`). Four were gaps in the model, each now marked where it
//! is decided with its source: the records of stage a on a third party's proposal, the
//! expiry recorded on an ended cooperation, where a stalled wajib cooperation resumes, and a
//! KB revision taking precedence over the stall (and, found by the deep run, keeping the gate
//! flags through that revision). The fifth, a cancellation while an offer is
//! out, is a reading of RULES.md's *suggested* state machine on which the crate differs; the
//! model states the crate's reading in one named constant (`CANCEL_WHILE_OFFER_SENT`).

use std::collections::{BTreeMap, BTreeSet};

use kerjasama::law::{BurdenReading, OnDprdRefusal, Policy, WajibRefusalPolicy};
use kerjasama::lifecycle::{Command, CommandKind, Stage};
use kerjasama::model::{
    Actor, CooperationKind, DprdGate, Initiative, KodeWilayah, KsddCategory, PartyId, Role,
};

/// The model's own stages (RULES.md §4.6 "States", and the stall of Q21).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum St {
    Unregistered,
    Draft,
    Mapping,
    Coordination,
    HeadsAgreed,
    ProposalReceived,
    Preparation,
    OfferSent,
    OfferAccepted,
    KbDrafting,
    KbSigned,
    AwaitingDprd,
    PksDrafting,
    PksSigned,
    InForce,
    Stalled,
    Ended,
    TakenOver,
    OfferRejected,
    ProposalRejected,
    Withdrawn,
    DprdRefused,
    Cancelled,
}

/// The model's tracks (RULES.md §4.5 columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tr {
    Wajib,
    Sukarela,
    PkRegion,
    PkThird,
}

/// The model's command kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Op {
    Register,
    BeginWajib,
    FileMapping,
    HoldCoordination,
    SignHeadsAgreement,
    StartPreparation,
    ReceiveProposal,
    RequestRevision,
    AssessCriteria,
    AcceptProposal,
    RejectProposal,
    AttestLawfulness,
    SubmitStudy,
    TkksdReview,
    AssessGate,
    SendOffer,
    AcceptOffer,
    RejectOffer,
    Withdraw,
    StartKbDrafting,
    SignKb,
    SubmitToDprd,
    ApproveDprd,
    RefuseDprd,
    StartPksDrafting,
    SignPks,
    EnterIntoForce,
    LeadershipChange,
    SignAddendum,
    EstablishSecretariat,
    RaiseDispute,
    RecordEvaluation,
    RecordExtension,
    Terminate,
    RecordExpiry,
    TakeOver,
    Resume,
    Cancel,
    /// A command of the legacy rule set only (PP 50/2007): never in order under PP 28/2018.
    Legacy,
}

/// The model's reading of a command.
pub fn op(command: &Command) -> Op {
    match command {
        Command::Register { .. } => Op::Register,
        Command::BeginWajibProcedure => Op::BeginWajib,
        Command::FileMapping { .. } => Op::FileMapping,
        Command::HoldTechnicalCoordination { .. } => Op::HoldCoordination,
        Command::SignHeadsAgreement { .. } => Op::SignHeadsAgreement,
        Command::StartPreparation => Op::StartPreparation,
        Command::ReceiveProposal { .. } => Op::ReceiveProposal,
        Command::RequestRevision { .. } => Op::RequestRevision,
        Command::AssessCriteria { .. } => Op::AssessCriteria,
        Command::AcceptProposal => Op::AcceptProposal,
        Command::RejectProposal { .. } => Op::RejectProposal,
        Command::AttestLawfulness { .. } => Op::AttestLawfulness,
        Command::SubmitFeasibilityStudy { .. } => Op::SubmitStudy,
        Command::RecordTkksdReview { .. } => Op::TkksdReview,
        Command::AssessDprdGate { .. } => Op::AssessGate,
        Command::SendOffer { .. } => Op::SendOffer,
        Command::AcceptOffer => Op::AcceptOffer,
        Command::RejectOffer { .. } => Op::RejectOffer,
        Command::Withdraw { .. } => Op::Withdraw,
        Command::StartKbDrafting => Op::StartKbDrafting,
        Command::SignKb { .. } => Op::SignKb,
        Command::SubmitToDprd => Op::SubmitToDprd,
        Command::ApproveDprd { .. } => Op::ApproveDprd,
        Command::RefuseDprd { .. } => Op::RefuseDprd,
        Command::StartPksDrafting => Op::StartPksDrafting,
        Command::SignPks { .. } => Op::SignPks,
        Command::EnterIntoForce => Op::EnterIntoForce,
        Command::RecordLeadershipChange { .. } => Op::LeadershipChange,
        Command::SignAddendum { .. } => Op::SignAddendum,
        Command::EstablishSecretariat { .. } => Op::EstablishSecretariat,
        Command::RaiseDispute { .. } => Op::RaiseDispute,
        Command::RecordEvaluation { .. } => Op::RecordEvaluation,
        Command::RecordExtension { .. } => Op::RecordExtension,
        Command::Terminate { .. } => Op::Terminate,
        Command::RecordExpiry => Op::RecordExpiry,
        Command::TakeOver { .. } => Op::TakeOver,
        Command::Resume => Op::Resume,
        Command::Cancel { .. } => Op::Cancel,
        _ => Op::Legacy,
    }
}

/// The model's reading of the crate's stage (a translation of names, nothing more).
pub fn st(stage: Stage) -> St {
    match stage {
        Stage::Unregistered => St::Unregistered,
        Stage::Draft => St::Draft,
        Stage::Mapping => St::Mapping,
        Stage::TechnicalCoordination => St::Coordination,
        Stage::HeadsAgreed => St::HeadsAgreed,
        Stage::ProposalReceived => St::ProposalReceived,
        Stage::Preparation => St::Preparation,
        Stage::OfferSent => St::OfferSent,
        Stage::OfferAccepted => St::OfferAccepted,
        Stage::KbDrafting => St::KbDrafting,
        Stage::KbSigned => St::KbSigned,
        Stage::AwaitingDprd => St::AwaitingDprd,
        Stage::PksDrafting => St::PksDrafting,
        Stage::PksSigned => St::PksSigned,
        Stage::InForce => St::InForce,
        Stage::Stalled => St::Stalled,
        Stage::Ended => St::Ended,
        Stage::TakenOver => St::TakenOver,
        Stage::OfferRejected => St::OfferRejected,
        Stage::ProposalRejected => St::ProposalRejected,
        Stage::Withdrawn => St::Withdrawn,
        Stage::DprdRefused => St::DprdRefused,
        Stage::Cancelled => St::Cancelled,
        other => panic!("the reference model has no stage {other:?}"),
    }
}

/// The track a kind follows (RULES.md §4.5): a KSDD without a category, and a foreign kind,
/// are judged on the sukarela track (registration refuses them on content: KSD-KIND-06, -01).
pub fn track(kind: &CooperationKind) -> Tr {
    match kind {
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Wajib),
        } => Tr::Wajib,
        CooperationKind::Ksdpk {
            initiative: Initiative::Region,
            ..
        } => Tr::PkRegion,
        CooperationKind::Ksdpk {
            initiative: Initiative::ThirdParty,
            ..
        } => Tr::PkThird,
        _ => Tr::Sukarela,
    }
}

impl St {
    /// Terminal: no command leads out (§4.6: `Ended`, `TakenOver` and the exits).
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            St::Ended
                | St::TakenOver
                | St::OfferRejected
                | St::ProposalRejected
                | St::Withdrawn
                | St::DprdRefused
                | St::Cancelled
        )
    }

    /// The stages between registration and signing the KB (d): a cancellation is possible
    /// there (§4.6 "any state before InForce | cancel", narrowed by the crate's documented
    /// choice: "Any cooperation is cancelled only before its KB; after that it ends by
    /// `Terminate`", README Concepts, CHANGELOG issue 8).
    fn before_kb(self) -> bool {
        matches!(
            self,
            St::Draft
                | St::Mapping
                | St::Coordination
                | St::HeadsAgreed
                | St::ProposalReceived
                | St::Preparation
                | St::OfferSent
                | St::OfferAccepted
                | St::KbDrafting
        )
    }

    /// The stages after the KB is signed, up to and including entry into force: an ending on
    /// a ground of Pasal 9 ayat (1) / Pasal 22 ayat (2) (KSD-TERM-01, -02) is in order there
    /// (README: "`terminate*` from every stage after the KB").
    fn after_kb(self) -> bool {
        matches!(
            self,
            St::KbSigned | St::AwaitingDprd | St::PksDrafting | St::PksSigned | St::InForce
        )
    }
}

/// Whether the region party's DPRD must approve (KSD-DPRD-01, RULES.md §5 truth table, with
/// `burden_reading`): flag A read conjunctively or disjunctively, or flag B.
pub fn dprd_required(gate: &DprdGate, policy: &Policy) -> bool {
    let burden = match policy.burden_reading {
        BurdenReading::Conjunctive => gate.burdens_community && gate.burdens_region,
        _ => gate.burdens_community || gate.burdens_region,
    };
    burden || gate.not_budgeted_in_current_apbd
}

/// The model's state.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub stage: Option<St>,
    pub track: Option<Tr>,
    partners: Vec<PartyId>,
    accepted: BTreeSet<PartyId>,
    /// Per region party: whether its DPRD must approve (the last assessment).
    gates: BTreeMap<KodeWilayah, bool>,
    approved: BTreeSet<KodeWilayah>,
    stalled_from: Option<St>,
}

impl Model {
    pub fn new() -> Self {
        Model {
            stage: Some(St::Unregistered),
            ..Model::default()
        }
    }

    pub fn stage(&self) -> St {
        self.stage.unwrap_or(St::Unregistered)
    }

    /// Whether `o` is in order at the model's stage, on `track` (the track of the registered
    /// kind, or of the spec being registered).
    pub fn in_order(&self, o: Op, track: Tr) -> bool {
        in_order(self.stage(), o, track)
    }

    /// The track a command is judged on here.
    pub fn track_for(&self, command: &Command) -> Tr {
        match (self.track, command) {
            (Some(t), _) => t,
            (None, Command::Register { spec }) => track(&spec.kind),
            (None, _) => Tr::Sukarela,
        }
    }

    /// The stage an accepted command leads to, and the model's facts updated. Call only for
    /// commands the crate accepted (and the model found in order).
    pub fn accept(&mut self, command: &Command, actor: &Actor, policy: &Policy) -> St {
        let here = self.stage();
        let wajib = self.track == Some(Tr::Wajib);
        // RULES.md Q21, default `StallsTowardTakeover`: an exit of a kerja sama wajib stalls it
        // toward the takeover of Pasal 10-11 instead of ending it.
        let stalls =
            wajib && policy.wajib_refusal_policy == WajibRefusalPolicy::StallsTowardTakeover;
        let exit = |terminal: St, model: &mut Model| {
            if stalls {
                model.stalled_from = Some(here);
                St::Stalled
            } else {
                terminal
            }
        };
        let party = actor.party.clone();
        let next = match command {
            Command::Register { spec } => {
                self.track = Some(track(&spec.kind));
                self.partners = spec
                    .parties
                    .iter()
                    .filter_map(|p| p.id())
                    .filter(|p| *p != spec.initiator)
                    .collect();
                St::Draft
            }
            Command::BeginWajibProcedure => St::Mapping,
            Command::HoldTechnicalCoordination { .. } => St::Coordination,
            Command::SignHeadsAgreement { .. } => St::HeadsAgreed,
            Command::StartPreparation => St::Preparation,
            Command::ReceiveProposal { .. } => St::ProposalReceived,
            // KSD-PK-05: the head accepts the third party's own offer: the offer is accepted.
            Command::AcceptProposal => St::OfferAccepted,
            Command::RejectProposal { .. } => St::ProposalRejected,
            Command::SendOffer { .. } => {
                self.accepted.clear();
                St::OfferSent
            }
            // §4.6 "OfferSent | partner accepts | OfferAccepted": with n-ary parties, once
            // every partner (every party but the initiator) has accepted.
            Command::AcceptOffer => {
                if let Some(p) = party {
                    self.accepted.insert(p);
                }
                if self.partners.iter().all(|p| self.accepted.contains(p)) {
                    St::OfferAccepted
                } else {
                    St::OfferSent
                }
            }
            Command::RejectOffer { .. } => exit(St::OfferRejected, self),
            Command::Withdraw { .. } => exit(St::Withdrawn, self),
            Command::Cancel { .. } => exit(St::Cancelled, self),
            Command::StartKbDrafting => St::KbDrafting,
            Command::SignKb { .. } => St::KbSigned,
            Command::AssessDprdGate { region, gate } => {
                self.gates.insert(*region, dprd_required(gate, policy));
                here
            }
            Command::SubmitToDprd if here == St::InForce => here,
            Command::SubmitToDprd => St::AwaitingDprd,
            Command::ApproveDprd { .. } if here == St::InForce => here,
            // §4.6 "AwaitingDprd | last required approval | PksDrafting": every region party
            // whose gate is true has its DPRD's approval.
            Command::ApproveDprd { .. } => {
                if let Some(PartyId::Region(code)) = party {
                    self.approved.insert(code);
                }
                let done = self
                    .gates
                    .iter()
                    .filter(|(_, required)| **required)
                    .all(|(code, _)| self.approved.contains(code));
                if done {
                    St::PksDrafting
                } else {
                    St::AwaitingDprd
                }
            }
            Command::RefuseDprd { .. } if here == St::InForce => here,
            // §4.6 "AwaitingDprd | refusal | DprdRefused", `on_dprd_refusal = ReviseKb` back to
            // drafting the KB (a new round: gates and approvals are assessed again).
            // Revising the KB ends nothing, so it comes before the wajib stall (Q21 concerns a
            // refusal that would end the cooperation). The revised KB needs every approval
            // again (those given were for the refused version), but the gate flags describe
            // the burden and the budget of the plan, which a revision of the KB does not
            // change: they stand until assessed again. (The first model also dropped the
            // flags; the 100 000-case run showed the crate keeps them, which is the better
            // reading.)
            Command::RefuseDprd { .. } => {
                if policy.on_dprd_refusal == OnDprdRefusal::ReviseKb {
                    self.approved.clear();
                    St::KbDrafting
                } else {
                    exit(St::DprdRefused, self)
                }
            }
            Command::StartPksDrafting if here == St::InForce => here,
            Command::StartPksDrafting => St::PksDrafting,
            Command::SignPks { .. } if here == St::InForce => here,
            Command::SignPks { .. } => St::PksSigned,
            Command::EnterIntoForce => St::InForce,
            Command::Terminate { .. } | Command::RecordExpiry => St::Ended,
            Command::TakeOver { .. } => St::TakenOver,
            // README "The exits": a stalled wajib cooperation resumes. Before the offer it
            // takes up where it stalled; once an offer was made (and withdrawn or rejected, or
            // a KB refused or cancelled) the offer has lapsed, so it takes up again from
            // preparation (stage a), where a new offer is made. (The second half is the
            // crate's documented reading, `Cooperation::decide` on `Resume`, adopted after the
            // census: RULES.md says only that guidance and takeover "remain possible".)
            Command::Resume => match self.stalled_from.take() {
                Some(s @ (St::Draft | St::Mapping | St::Coordination | St::HeadsAgreed)) => s,
                _ => St::Preparation,
            },
            // Recording steps that change no stage.
            _ => here,
        };
        self.stage = Some(next);
        next
    }
}

/// RULES.md §4.6 allows a cancellation in "any state before InForce", `OfferSent` included;
/// the crate has no such row (in every version): while an offer is out, its initiator
/// withdraws it (`Withdraw`, "Preparation, OfferSent | initiator withdraws") and its partner
/// rejects it. Whether a head may also *cancel* then is a reading of the suggested state
/// machine, not of PP 28/2018, so the model states the crate's reading here, and the
/// divergence is reported (issue 10 item 4) rather than fixed.
pub const CANCEL_WHILE_OFFER_SENT: bool = false;

/// The model's transition relation: whether `o` is in order at `s` on track `t`.
pub fn in_order(s: St, o: Op, t: Tr) -> bool {
    use Op::*;
    use St as S;
    let wajib = t == Tr::Wajib;
    let ksdd = matches!(t, Tr::Wajib | Tr::Sukarela);
    // §4.6 "any wajib non-terminal | takeover decreed | TakenOver" (KSD-ENF-01..04), the stall
    // included (README "The exits"); not before registration.
    if o == TakeOver {
        return wajib && s != S::Unregistered && !s.is_terminal();
    }
    // §4.6 "any state before InForce | cancel | Cancelled", only before the KB (see `before_kb`),
    // and not while an offer is out (see `CANCEL_WHILE_OFFER_SENT`).
    if o == Cancel {
        return s.before_kb() && (CANCEL_WHILE_OFFER_SENT || s != S::OfferSent);
    }
    // KSD-TERM-01/-02: after the KB, an ending on a ground.
    if o == Terminate {
        return s.after_kb();
    }
    match (s, o) {
        (S::Unregistered, Register) => true,
        // §4.6 first rows: the track picks the way out of the draft.
        (S::Draft, BeginWajib) => wajib,
        (S::Draft, StartPreparation) => matches!(t, Tr::Sukarela | Tr::PkRegion),
        (S::Draft, ReceiveProposal) => t == Tr::PkThird,
        // §4.2 KSD-WAJIB-01..03.
        (S::Mapping, FileMapping | HoldCoordination) => wajib,
        (S::Coordination, SignHeadsAgreement) => wajib,
        (S::HeadsAgreed, StartPreparation) => wajib,
        // §4.3, KSD-PK-05, KSD-PK-09; and the records of stage a that precede accepting the
        // third party's offer: the KSD-OBJ-04 attestation ("before the offer" is accepted),
        // the TKKSD's assessment (KSD-PK-09, KSD-STAGE-04) and the DPRD flags (KSD-DPRD-01).
        (
            S::ProposalReceived,
            RequestRevision | AssessCriteria | AcceptProposal | RejectProposal | AttestLawfulness
            | TkksdReview | AssessGate,
        ) => t == Tr::PkThird,
        // Stage a: the preparation records (KSD-OBJ-04 attestation, KSD-STAGE-04 review,
        // KSD-DPRD-01 flags), then the offer (b) or a withdrawal.
        (S::Preparation, AttestLawfulness | TkksdReview | AssessGate | SendOffer | Withdraw) => {
            !matches!(t, Tr::PkThird)
        }
        // KSD-PK-04: the region's mapping and feasibility study before its offer.
        (S::Preparation, FileMapping | SubmitStudy) => t == Tr::PkRegion,
        (S::OfferSent, AcceptOffer | RejectOffer | Withdraw | AssessGate) => t != Tr::PkThird,
        // Stage c follows the accepted offer; KSD-STAGE-05 `allow_pks_without_kb` is a guard
        // on going straight to the DPRD or the PKS, not an ordering.
        (S::OfferAccepted, StartKbDrafting | AssessGate | StartPksDrafting | SubmitToDprd) => true,
        (S::KbDrafting, SignKb | TkksdReview | AssessGate) => true,
        // Stage e is conditional (KSD-DPRD-01): both ways out of d are in order; the gate is a
        // guard.
        (S::KbSigned, SubmitToDprd | StartPksDrafting | AssessGate) => true,
        (S::AwaitingDprd, ApproveDprd | RefuseDprd) => true,
        (S::PksDrafting, SignPks | TkksdReview) => true,
        // One KB may carry several PKS (§4.6 design notes).
        (S::PksSigned, EnterIntoForce | SignPks) => true,
        // KSD-ENF-08: a secretariat for a KSDD only.
        (S::PksSigned | S::InForce, EstablishSecretariat) => ksdd,
        // Stages h-j inside `InForce` (§4.6), and the later PKS under the same KB with its own
        // DPRD round (CHANGELOG issue 8).
        (
            S::InForce,
            LeadershipChange | SignAddendum | RaiseDispute | RecordEvaluation | RecordExtension
            | RecordExpiry | AssessGate | SubmitToDprd | ApproveDprd | RefuseDprd
            | StartPksDrafting | SignPks,
        ) => true,
        // §4.6 "InForce, Ended{Expiry} | extension started"; and the expiry of an ended
        // cooperation's term may still be recorded (KSD-TERM-01: "several [grounds] may be
        // recorded"; the crate records nothing new for it).
        (S::Ended, RecordExtension | RecordExpiry) => true,
        // README "The exits": a stalled wajib cooperation resumes.
        (S::Stalled, Resume) => wajib,
        _ => false,
    }
}

/// The model's reading of a command kind (for the generators and for `allowed_commands`).
pub fn op_of_kind(kind: CommandKind) -> Op {
    use CommandKind as K;
    match kind {
        K::Register => Op::Register,
        K::BeginWajibProcedure => Op::BeginWajib,
        K::FileMapping => Op::FileMapping,
        K::HoldTechnicalCoordination => Op::HoldCoordination,
        K::SignHeadsAgreement => Op::SignHeadsAgreement,
        K::StartPreparation => Op::StartPreparation,
        K::ReceiveProposal => Op::ReceiveProposal,
        K::RequestRevision => Op::RequestRevision,
        K::AssessCriteria => Op::AssessCriteria,
        K::AcceptProposal => Op::AcceptProposal,
        K::RejectProposal => Op::RejectProposal,
        K::AttestLawfulness => Op::AttestLawfulness,
        K::SubmitFeasibilityStudy => Op::SubmitStudy,
        K::RecordTkksdReview => Op::TkksdReview,
        K::AssessDprdGate => Op::AssessGate,
        K::SendOffer => Op::SendOffer,
        K::AcceptOffer => Op::AcceptOffer,
        K::RejectOffer => Op::RejectOffer,
        K::Withdraw => Op::Withdraw,
        K::StartKbDrafting => Op::StartKbDrafting,
        K::SignKb => Op::SignKb,
        K::SubmitToDprd => Op::SubmitToDprd,
        K::ApproveDprd => Op::ApproveDprd,
        K::RefuseDprd => Op::RefuseDprd,
        K::StartPksDrafting => Op::StartPksDrafting,
        K::SignPks => Op::SignPks,
        K::EnterIntoForce => Op::EnterIntoForce,
        K::RecordLeadershipChange => Op::LeadershipChange,
        K::SignAddendum => Op::SignAddendum,
        K::EstablishSecretariat => Op::EstablishSecretariat,
        K::RaiseDispute => Op::RaiseDispute,
        K::RecordEvaluation => Op::RecordEvaluation,
        K::RecordExtension => Op::RecordExtension,
        K::Terminate => Op::Terminate,
        K::RecordExpiry => Op::RecordExpiry,
        K::TakeOver => Op::TakeOver,
        K::Resume => Op::Resume,
        K::Cancel => Op::Cancel,
        _ => Op::Legacy,
    }
}

/// Whether an accepted `o` may leave the procedure for good (or for the stall): the
/// generators avoid these most of the time, so that runs go on.
pub fn may_exit(o: Op) -> bool {
    matches!(
        o,
        Op::Cancel
            | Op::Withdraw
            | Op::RejectOffer
            | Op::RejectProposal
            | Op::RefuseDprd
            | Op::Terminate
            | Op::RecordExpiry
            | Op::TakeOver
    )
}

/// Who plausibly issues a command (RULES.md §4.4 "Actors", and the clerk who records a step
/// for the office that performed it): a generator hint, not a rule the model checks.
pub fn plausible_roles(o: Op) -> &'static [Role] {
    use Role::*;
    match o {
        Op::Register
        | Op::BeginWajib
        | Op::StartPreparation
        | Op::StartKbDrafting
        | Op::StartPksDrafting
        | Op::AttestLawfulness
        | Op::SubmitStudy
        | Op::FileMapping => &[CooperationUnit, Opd],
        Op::HoldCoordination => &[Governor, Minister, CooperationUnit],
        Op::SignHeadsAgreement | Op::SignKb | Op::SignPks | Op::SignAddendum => {
            &[CooperationUnit, KepalaDaerah]
        }
        Op::ReceiveProposal => &[CooperationUnit, ThirdParty],
        Op::RequestRevision | Op::AssessCriteria => &[CooperationUnit, Tkksd],
        Op::AcceptProposal
        | Op::RejectProposal
        | Op::Withdraw
        | Op::Cancel
        | Op::SubmitToDprd
        | Op::Resume => &[KepalaDaerah],
        Op::TkksdReview => &[Tkksd],
        Op::AssessGate | Op::SendOffer | Op::EnterIntoForce => &[CooperationUnit, KepalaDaerah],
        Op::AcceptOffer | Op::RejectOffer => &[KepalaDaerah, ThirdParty],
        Op::ApproveDprd | Op::RefuseDprd => &[Dprd],
        Op::TakeOver => &[Governor, CentralGovernment],
        _ => &[CooperationUnit, KepalaDaerah, Opd],
    }
}
