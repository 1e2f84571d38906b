//! Commands: what an actor asks to happen (intent). `decide` turns them into events or a
//! rejection; nothing changes until the events are applied.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{
    AffairsMapping, BorderTable, BuildError, CooperationId, CooperationKind, CooperationObject,
    CoordinationLevel, CopyRecipient, DisputeForum, Document, DocumentId, DprdGate, Evaluation,
    FeasibilityStudy, Funding, InitiativeCriteria, KodeWilayah, LawfulnessAttestation, OfferLetter,
    Party, PartyId, Takeover, TerminationNotice, TkksdReview,
};

use super::event::EndGround;

/// Everything recorded when a cooperation is registered (state `Draft`).
///
/// Built with [`CooperationSpec::builder`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CooperationSpec")
)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct CooperationSpec {
    /// The caller's id for it.
    pub id: CooperationId,
    /// Title, e.g. `TPA Regional Sidrap–Parepare–Pinrang`.
    pub title: String,
    /// Kind (KSD-KIND-01, -06; KSD-PK-02).
    pub kind: CooperationKind,
    /// The parties, n-ary, in the order the documents list them.
    pub parties: Vec<Party>,
    /// The party that takes the initiative.
    pub initiator: PartyId,
    /// The object (KSD-OBJ-01..03).
    pub object: CooperationObject,
    /// Which region parties border each other: the caller's border data restricted to the
    /// parties, recorded so that every replay sees the same facts (see [`BorderTable::among`]).
    #[serde(default)]
    pub borders: BorderTable,
    /// Funding per party.
    #[serde(default)]
    pub funding: Vec<Funding>,
    /// KSDPK types (b)–(d): the sectoral regime that governs it (KSD-PK-03).
    #[serde(default)]
    pub sectoral_regime: Option<String>,
    /// The term proposed at registration, in years (checked against KSD-TERM-05).
    #[serde(default)]
    pub proposed_term_years: Option<u16>,
    /// The cooperation this one extends (KSD-TERM-06).
    #[serde(default)]
    pub renews: Option<CooperationId>,
    /// The OPD in charge (for registers and reports).
    #[serde(default)]
    pub lead_opd: Option<String>,
}
crate::serde_shape::map_shaped!(CooperationSpec);

impl Command {
    /// Ending on `grounds` alone (grounds (a), (b); the others carry consents or evidence).
    ///
    /// ```
    /// use kerjasama::lifecycle::{Command, EndGround};
    /// let ending = Command::terminate([EndGround::ObjectiveAchieved]);
    /// assert!(matches!(ending, Command::Terminate { grounds, .. } if grounds == [EndGround::ObjectiveAchieved]));
    /// ```
    pub fn terminate(grounds: impl IntoIterator<Item = EndGround>) -> Self {
        Command::Terminate {
            grounds: grounds.into_iter().collect(),
            consents: Vec::new(),
            evidence: Vec::new(),
            notice: None,
        }
    }

    /// Ending by agreement of the parties (ground (c)), with each party's consent.
    pub fn terminate_by_agreement(
        consents: impl IntoIterator<Item = crate::model::Consent>,
    ) -> Self {
        Command::Terminate {
            grounds: vec![EndGround::MutualAgreement],
            consents: consents.into_iter().collect(),
            evidence: Vec::new(),
            notice: None,
        }
    }

    /// Ending on a ground that carries its evidence ((d)–(g)).
    pub fn terminate_with_evidence(ground: EndGround, evidence: crate::model::Record) -> Self {
        Command::Terminate {
            grounds: vec![ground],
            consents: Vec::new(),
            evidence: vec![super::event::GroundEvidence { ground, evidence }],
            notice: None,
        }
    }

    /// Ending early by one party's written notice (KSD-TERM-09; refused unless the policy
    /// allows it).
    pub fn terminate_by_notice(notice: crate::model::WrittenNotice) -> Self {
        Command::Terminate {
            grounds: Vec::new(),
            consents: Vec::new(),
            evidence: Vec::new(),
            notice: Some(notice),
        }
    }
}

impl CooperationSpec {
    /// A builder: set the required id, title, kind, parties, initiator and object, any
    /// optional field, then [`build`](CooperationSpecBuilder::build).
    ///
    /// ```
    /// use kerjasama::lifecycle::CooperationSpec;
    /// use kerjasama::model::*;
    /// let (sidrap, palopo): (KodeWilayah, KodeWilayah) = ("73.14".parse()?, "73.73".parse()?);
    /// let spec = CooperationSpec::builder()
    ///     .id(CooperationId(uuid::Uuid::from_u128(7)))
    ///     .title("Cadangan pangan Sidrap–Palopo")
    ///     .kind(CooperationKind::Ksdd { category: Some(KsddCategory::Sukarela) })
    ///     .party(Party::region(sidrap, "Kabupaten Sidenreng Rappang"))
    ///     .party(Party::region(palopo, "Kota Palopo"))
    ///     .initiator(sidrap)
    ///     .object(CooperationObject::in_plan("Cadangan pangan", [Urusan::Pangan], "RPJMD 2021–2026"))
    ///     .borders(&BorderTable::sulawesi_selatan_sample())
    ///     .proposed_term_years(5)
    ///     .lead_opd("Dinas Ketahanan Pangan")
    ///     .build()?;
    /// assert_eq!(spec.region_codes(), [sidrap, palopo]);
    /// assert!(spec.borders.is_empty()); // Sidrap and Palopo do not border each other
    ///
    /// // The initiator must be one of the parties.
    /// let outsider: KodeWilayah = "73.15".parse()?;
    /// let refused = CooperationSpec::builder()
    ///     .id(CooperationId(uuid::Uuid::from_u128(8)))
    ///     .title("Cadangan pangan")
    ///     .kind(CooperationKind::Ksdd { category: Some(KsddCategory::Sukarela) })
    ///     .parties(spec.parties.clone())
    ///     .initiator(outsider)
    ///     .object(spec.object.clone())
    ///     .build();
    /// assert_eq!(
    ///     refused,
    ///     Err(BuildError::NotAParty { field: "spec.initiator".into(), party: outsider.into() })
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder() -> CooperationSpecBuilder {
        CooperationSpecBuilder::default()
    }

    /// The region parties' codes, in order.
    pub fn region_codes(&self) -> Vec<KodeWilayah> {
        self.parties
            .iter()
            .filter_map(|party| match party {
                Party::Region(region) => Some(region.code),
                _ => None,
            })
            .collect()
    }

    /// The third parties' ids, in order.
    pub fn third_party_ids(&self) -> Vec<PartyId> {
        self.parties
            .iter()
            .filter_map(|party| match party {
                Party::ThirdParty(third) => Some(PartyId::ThirdParty(third.id.clone())),
                _ => None,
            })
            .collect()
    }

    /// Whether `party` is one of the parties.
    pub fn has_party(&self, party: &PartyId) -> bool {
        self.parties.iter().any(|p| p.id().as_ref() == Some(party))
    }
}

/// A command: what an actor asks to happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "Command")
)]
#[serde(
    remote = "Self",
    rename_all = "snake_case",
    tag = "command",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum Command {
    /// Record a new cooperation (kind, parties, object).
    Register {
        /// What is registered.
        spec: Box<CooperationSpec>,
    },
    /// Start the kerja sama wajib pre-stages (RULES.md §4.2).
    #[serde(deserialize_with = "crate::model::no_fields")]
    BeginWajibProcedure,
    /// File one region's mapping of affairs (KSD-WAJIB-01; KSD-PK-04 (a)).
    FileMapping {
        /// The mapping.
        mapping: AffairsMapping,
    },
    /// Record the technical coordination of the mappings (KSD-WAJIB-02).
    HoldTechnicalCoordination {
        /// The level at which it was held.
        level: CoordinationLevel,
    },
    /// Record the heads' joint agreement on the coordination outcome (KSD-WAJIB-03).
    SignHeadsAgreement {
        /// The agreement, signed by every head.
        document: Document,
    },
    /// Start preparation (stage a).
    #[serde(deserialize_with = "crate::model::no_fields")]
    StartPreparation,
    /// Receive a third party's own proposal with its feasibility study (KSD-PK-06).
    ReceiveProposal {
        /// Its offer letter number.
        letter_number: String,
        /// The third party's feasibility study.
        study: FeasibilityStudy,
    },
    /// Ask the third party to revise its proposal (KSD-PK-09).
    RequestRevision {
        /// What to revise.
        note: String,
    },
    /// Record the assessment of the three criteria of KSD-PK-05.
    AssessCriteria {
        /// The criteria with evidence.
        criteria: InitiativeCriteria,
    },
    /// The head accepts a third party's proposal.
    #[serde(deserialize_with = "crate::model::no_fields")]
    AcceptProposal,
    /// The head rejects a third party's proposal.
    RejectProposal {
        /// Why.
        reason: String,
    },
    /// Record that object and conduct are lawful (KSD-OBJ-04).
    AttestLawfulness {
        /// The attestation.
        attestation: LawfulnessAttestation,
    },
    /// Submit the region's feasibility study (KSD-PK-04 (b)).
    SubmitFeasibilityStudy {
        /// The study.
        study: FeasibilityStudy,
    },
    /// Record a TKKSD review (KSD-STAGE-04).
    RecordTkksdReview {
        /// The review.
        review: TkksdReview,
    },
    /// Record one region party's DPRD gate flags (KSD-DPRD-01).
    AssessDprdGate {
        /// The region party.
        region: KodeWilayah,
        /// Its flags.
        gate: DprdGate,
    },
    /// Send the offer letter signed by the head (stage b).
    SendOffer {
        /// The letter.
        letter: OfferLetter,
    },
    /// A partner accepts the offer.
    #[serde(deserialize_with = "crate::model::no_fields")]
    AcceptOffer,
    /// A partner rejects the offer.
    RejectOffer {
        /// Why.
        reason: String,
    },
    /// The initiator withdraws before the offer is accepted.
    Withdraw {
        /// Why.
        reason: String,
    },
    /// Start drafting the KB (stage c).
    #[serde(deserialize_with = "crate::model::no_fields")]
    StartKbDrafting,
    /// Record the signed KB (stage d).
    SignKb {
        /// The signed KB.
        document: Document,
    },
    /// The head requests DPRD approval (stage e).
    #[serde(deserialize_with = "crate::model::no_fields")]
    SubmitToDprd,
    /// A DPRD approves (for its own region).
    ApproveDprd {
        /// Its decision's reference.
        reference: String,
    },
    /// A DPRD refuses (for its own region).
    RefuseDprd {
        /// Why.
        reason: String,
    },
    /// Start drafting the PKS (stage f).
    #[serde(deserialize_with = "crate::model::no_fields")]
    StartPksDrafting,
    /// Record a signed PKS (stage g); again later for further PKS under the same KB.
    SignPks {
        /// The signed PKS.
        document: Document,
    },
    /// The PKS takes effect (stage h).
    #[serde(deserialize_with = "crate::model::no_fields")]
    EnterIntoForce,
    /// A head of region or authorised official changed (KSD-TERM-03): nothing ends.
    RecordLeadershipChange {
        /// The party whose leadership changed.
        party: PartyId,
        /// The new office holder.
        new_office_holder: String,
    },
    /// Record a signed addendum (KSD-TERM-08).
    SignAddendum {
        /// The addendum.
        document: Document,
    },
    /// Set up a cooperation secretariat (KSD-ENF-08).
    EstablishSecretariat {
        /// The cooperation is continuous (terus menerus).
        continuous: bool,
    },
    /// Record a dispute and its forum (KSD-DISP-01, -02).
    RaiseDispute {
        /// The forum.
        forum: DisputeForum,
        /// Notes.
        note: String,
    },
    /// Record an evaluation (KSD-IMPL-03, -06).
    RecordEvaluation {
        /// The evaluation.
        evaluation: Evaluation,
    },
    /// Record that an extension has started as a new cooperation (KSD-TERM-06).
    RecordExtension {
        /// The new cooperation, registered with `renews` = this one.
        successor: CooperationId,
    },
    /// End the cooperation on one or more grounds (KSD-TERM-01, -02), or by one party's
    /// written notice where the policy allows it (KSD-TERM-09).
    Terminate {
        /// The grounds.
        grounds: Vec<EndGround>,
        /// Ground (c): the consent of every party, each recorded.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        consents: Vec<crate::model::Consent>,
        /// The evidence of grounds (d)–(g).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        evidence: Vec<super::event::GroundEvidence>,
        /// One party's written notice, where `unilateral_termination` allows it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notice: Option<crate::model::WrittenNotice>,
    },
    /// Record that the term has expired (ground (a)).
    #[serde(deserialize_with = "crate::model::no_fields")]
    RecordExpiry,
    /// Take over an unperformed kerja sama wajib (KSD-ENF-01..04).
    TakeOver {
        /// The decree and its preconditions.
        takeover: Takeover,
    },
    /// Resume a stalled kerja sama wajib (the regions carry it out after all).
    #[serde(deserialize_with = "crate::model::no_fields")]
    Resume,
    /// Cancel before entry into force.
    Cancel {
        /// Why.
        reason: String,
    },
    // ---- legacy rule set (PP 50/2007); the current rule set has no row for these
    /// Legacy: the DPRD (for its own region) finds the draft PKS deficient and sends its
    /// opinion and suggestions, within 15 working days of receipt (Pasal 12 ayat (2),
    /// LEG-DPRD-02).
    RecordDprdOpinion {
        /// The letter's reference.
        reference: String,
    },
    /// Legacy: the head (or the cooperation unit for the head) resubmits the revised draft to
    /// the region's DPRD, within 14 working days of its opinion (Pasal 12 ayat (3)).
    #[serde(deserialize_with = "crate::model::no_fields")]
    ResubmitToDprd,
    /// Legacy: records that `region`'s DPRD is deemed to have approved, its 15 working days
    /// after the resubmission having passed without approval (Pasal 12 ayat (4)).
    RecordDeemedApproval {
        /// The region whose DPRD is deemed to have approved.
        region: KodeWilayah,
    },
    /// Legacy: the actor's region sent copies of a signed PKS (Pasal 12 ayat (5)–(6),
    /// LEG-DPRD-03).
    RecordCopiesSent {
        /// The PKS.
        document: DocumentId,
        /// Who received a copy.
        recipients: Vec<CopyRecipient>,
    },
    /// Legacy: ends the cooperation before its time at one party's request, by written
    /// notice (Pasal 19, LEG-TERM-02).
    TerminateEarly {
        /// The written notice.
        notice: TerminationNotice,
    },
    /// Legacy: sets up a cooperation body (badan kerja sama) by the heads' joint decision
    /// (Pasal 24, LEG-INST-01).
    EstablishCooperationBody {
        /// The cooperation is continuous (terus menerus).
        continuous: bool,
        /// The joint decision of the heads (keputusan bersama kepala daerah).
        decision: Document,
    },
}
crate::serde_shape::map_shaped!(Command);

macro_rules! command_kinds {
    ($($variant:ident $({ $($field:tt)* })? => $id:literal, $en:literal;)*) => {
        /// The kind of a [`Command`], without its data: what the transition table is keyed by.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum CommandKind {
            $(#[doc = concat!($id, " (", $en, ").")] $variant,)*
        }

        impl CommandKind {
            /// Every command kind.
            pub const ALL: &'static [CommandKind] = &[$(CommandKind::$variant),*];

            /// Indonesian label.
            pub fn label_id(self) -> &'static str {
                match self { $(CommandKind::$variant => $id,)* }
            }

            /// English label.
            pub fn label_en(self) -> &'static str {
                match self { $(CommandKind::$variant => $en,)* }
            }
        }

        impl Command {
            /// The kind of this command.
            pub fn kind(&self) -> CommandKind {
                match self { $(Command::$variant $({ $($field)* })? => CommandKind::$variant,)* }
            }
        }
    };
}

command_kinds! {
    Register { .. } => "pendaftaran", "register";
    BeginWajibProcedure => "mulai prosedur kerja sama wajib", "begin wajib procedure";
    FileMapping { .. } => "penyampaian pemetaan urusan", "file mapping";
    HoldTechnicalCoordination { .. } => "koordinasi teknis", "hold technical coordination";
    SignHeadsAgreement { .. } => "kesepakatan para kepala daerah", "sign heads' agreement";
    StartPreparation => "mulai persiapan", "start preparation";
    ReceiveProposal { .. } => "penerimaan usulan pihak ketiga", "receive proposal";
    RequestRevision { .. } => "permintaan perbaikan usulan", "request revision";
    AssessCriteria { .. } => "penilaian kriteria prakarsa", "assess criteria";
    AcceptProposal => "penerimaan usulan", "accept proposal";
    RejectProposal { .. } => "penolakan usulan", "reject proposal";
    AttestLawfulness { .. } => "pernyataan tidak bertentangan", "attest lawfulness";
    SubmitFeasibilityStudy { .. } => "penyampaian studi kelayakan", "submit feasibility study";
    RecordTkksdReview { .. } => "pembahasan TKKSD", "record TKKSD review";
    AssessDprdGate { .. } => "penilaian syarat persetujuan DPRD", "assess DPRD gate";
    SendOffer { .. } => "penawaran", "send offer";
    AcceptOffer => "penerimaan penawaran", "accept offer";
    RejectOffer { .. } => "penolakan penawaran", "reject offer";
    Withdraw { .. } => "penarikan", "withdraw";
    StartKbDrafting => "mulai penyusunan KB", "start KB drafting";
    SignKb { .. } => "penandatanganan KB", "sign KB";
    SubmitToDprd => "permohonan persetujuan DPRD", "submit to DPRD";
    ApproveDprd { .. } => "persetujuan DPRD", "DPRD approves";
    RefuseDprd { .. } => "penolakan DPRD", "DPRD refuses";
    StartPksDrafting => "mulai penyusunan PKS", "start PKS drafting";
    SignPks { .. } => "penandatanganan PKS", "sign PKS";
    EnterIntoForce => "mulai berlaku", "enter into force";
    RecordLeadershipChange { .. } => "pergantian pimpinan", "record leadership change";
    SignAddendum { .. } => "penandatanganan addendum", "sign addendum";
    EstablishSecretariat { .. } => "pembentukan sekretariat kerja sama", "establish secretariat";
    RaiseDispute { .. } => "perselisihan", "raise dispute";
    RecordEvaluation { .. } => "evaluasi", "record evaluation";
    RecordExtension { .. } => "perpanjangan", "record extension";
    Terminate { .. } => "pengakhiran", "terminate";
    RecordExpiry => "berakhirnya jangka waktu", "record expiry";
    TakeOver { .. } => "pengambilalihan", "take over";
    Resume => "melanjutkan kerja sama wajib", "resume";
    Cancel { .. } => "pembatalan", "cancel";
    RecordDprdOpinion { .. } => "pendapat dan saran DPRD", "record DPRD opinion";
    ResubmitToDprd => "penyampaian kembali kepada DPRD", "resubmit to DPRD";
    RecordDeemedApproval { .. } => "persetujuan DPRD yang dianggap diberikan", "record deemed approval";
    RecordCopiesSent { .. } => "penyampaian salinan perjanjian", "record copies sent";
    TerminateEarly { .. } => "pengakhiran sebelum waktunya", "terminate early";
    EstablishCooperationBody { .. } => "pembentukan badan kerja sama", "establish cooperation body";
}

impl fmt::Display for CommandKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.label_id(), self.label_en())
    }
}

/// Builds a [`CooperationSpec`] (see [`CooperationSpec::builder`]); every check is made once,
/// by [`build`](CooperationSpecBuilder::build).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use = "a builder does nothing until `build()` is called"]
pub struct CooperationSpecBuilder {
    id: Option<CooperationId>,
    title: Option<String>,
    kind: Option<CooperationKind>,
    parties: Vec<Party>,
    initiator: Option<PartyId>,
    object: Option<CooperationObject>,
    borders: Option<BorderTable>,
    funding: Vec<Funding>,
    sectoral_regime: Option<String>,
    proposed_term_years: Option<u16>,
    renews: Option<CooperationId>,
    lead_opd: Option<String>,
}

impl CooperationSpecBuilder {
    /// The caller's id for the cooperation (required; UUID v7 recommended).
    pub fn id(mut self, id: impl Into<CooperationId>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The title (required, not blank).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The kind (required; KSD-KIND-01, -06; KSD-PK-02).
    pub fn kind(mut self, kind: CooperationKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Adds a party, after those already added (at least one is required; parties are
    /// n-ary, in the order the documents list them).
    pub fn party(mut self, party: Party) -> Self {
        self.parties.push(party);
        self
    }

    /// Adds parties, in order.
    pub fn parties(mut self, parties: impl IntoIterator<Item = Party>) -> Self {
        self.parties.extend(parties);
        self
    }

    /// The party that takes the initiative (required; one of the parties).
    pub fn initiator(mut self, initiator: impl Into<PartyId>) -> Self {
        self.initiator = Some(initiator.into());
        self
    }

    /// The object (required; KSD-OBJ-01..03).
    pub fn object(mut self, object: CooperationObject) -> Self {
        self.object = Some(object);
        self
    }

    /// The caller's border data: `build` records only the pairs among the region parties
    /// ([`BorderTable::among`]). Without it no pair is recorded.
    pub fn borders(mut self, borders: &BorderTable) -> Self {
        self.borders = Some(borders.clone());
        self
    }

    /// Adds one party's funding (the party must be one of the parties).
    pub fn funding(mut self, funding: Funding) -> Self {
        self.funding.push(funding);
        self
    }

    /// KSDPK types (b)–(d): the sectoral regime that governs it (KSD-PK-03).
    pub fn sectoral_regime(mut self, regime: impl Into<String>) -> Self {
        self.sectoral_regime = Some(regime.into());
        self
    }

    /// The term proposed at registration, in years (checked against KSD-TERM-05 when the
    /// cooperation is registered).
    pub fn proposed_term_years(mut self, years: u16) -> Self {
        self.proposed_term_years = Some(years);
        self
    }

    /// The cooperation this one extends (KSD-TERM-06).
    pub fn renews(mut self, predecessor: impl Into<CooperationId>) -> Self {
        self.renews = Some(predecessor.into());
        self
    }

    /// The OPD in charge (for registers and reports).
    pub fn lead_opd(mut self, opd: impl Into<String>) -> Self {
        self.lead_opd = Some(opd.into());
        self
    }

    /// The spec, or the first field, in field order, that is missing (`spec.id`,
    /// `spec.title`, `spec.kind`, `spec.parties`, `spec.initiator`, `spec.object`) or
    /// inconsistent: a party listed twice (`spec.parties[i]`), an initiator or a funder that is
    /// not a party (`spec.initiator`, `spec.funding[i].party`).
    ///
    /// Only the shape is checked here; the law is checked when the spec is registered.
    ///
    /// ```
    /// use kerjasama::lifecycle::CooperationSpec;
    /// use kerjasama::model::*;
    /// let sidrap = KodeWilayah::SIDRAP;
    /// let twice = CooperationSpec::builder()
    ///     .id(uuid::Uuid::from_u128(9))
    ///     .title("Cadangan pangan")
    ///     .kind(CooperationKind::Ksdd { category: Some(KsddCategory::Sukarela) })
    ///     .party(Party::region(sidrap, "Kabupaten Sidenreng Rappang"))
    ///     .party(Party::region(sidrap, "Kabupaten Sidenreng Rappang"))
    ///     .initiator(sidrap)
    ///     .object(CooperationObject::in_plan("Cadangan pangan", [Urusan::Pangan], "RPJMD"))
    ///     .build();
    /// assert_eq!(twice.map_err(|e| e.field().to_owned()), Err("spec.parties[1]".to_owned()));
    /// ```
    pub fn build(self) -> Result<CooperationSpec, BuildError> {
        let missing = |field| BuildError::Missing { field };
        let id = self.id.ok_or(missing("spec.id"))?;
        let title = crate::model::required_text(self.title, "spec.title")?;
        let kind = self.kind.ok_or(missing("spec.kind"))?;
        if self.parties.is_empty() {
            return Err(missing("spec.parties"));
        }
        // One pass over the parties with a set of those seen: linear, where comparing each
        // party with every earlier one was quadratic (issue 10, 50 000 third parties).
        let mut ids: std::collections::HashSet<PartyId> =
            std::collections::HashSet::with_capacity(self.parties.len());
        for (i, party) in self.parties.iter().enumerate() {
            if let Some(party) = party.id()
                && !ids.insert(party.clone())
            {
                return Err(BuildError::DuplicateParty {
                    field: format!("spec.parties[{i}]"),
                    party,
                });
            }
        }
        let is_party = |party: &PartyId| ids.contains(party);
        let initiator = self.initiator.ok_or(missing("spec.initiator"))?;
        if !is_party(&initiator) {
            return Err(BuildError::NotAParty {
                field: "spec.initiator".into(),
                party: initiator,
            });
        }
        let object = self.object.ok_or(missing("spec.object"))?;
        if let Some((i, funding)) = self
            .funding
            .iter()
            .enumerate()
            .find(|(_, funding)| !is_party(&funding.party))
        {
            return Err(BuildError::NotAParty {
                field: format!("spec.funding[{i}].party"),
                party: funding.party.clone(),
            });
        }
        let mut spec = CooperationSpec {
            id,
            title,
            kind,
            parties: self.parties,
            initiator,
            object,
            borders: BorderTable::new(),
            funding: self.funding,
            sectoral_regime: self.sectoral_regime,
            proposed_term_years: self.proposed_term_years,
            renews: self.renews,
            lead_opd: self.lead_opd,
        };
        if let Some(borders) = self.borders {
            spec.borders = borders.among(&spec.region_codes());
        }
        Ok(spec)
    }
}
