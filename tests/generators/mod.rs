//! Payload generators shared by the property tests (`tests/properties.rs`, table-driven) and
//! the model-based tests (`tests/model.rs`, reference-model-driven): a deterministic
//! generator, the sample steps, and documents, signatories and specs built from a state,
//! correct or mutated.
#![allow(dead_code, reason = "each test crate uses a part of the generators")]

use chrono::{Days, NaiveDate};
use kerjasama::lifecycle::*;
use kerjasama::model::*;
use kerjasama::sample::{self, Step};
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn choose<T: Clone>(&mut self, items: &[T]) -> Option<T> {
        if items.is_empty() {
            None
        } else {
            Some(items[self.below(items.len())].clone())
        }
    }
}

pub fn code(text: &str) -> KodeWilayah {
    text.parse().expect("valid test code")
}

/// Every scripted step of every sample case: the payload pool.
pub fn pool() -> Vec<Step> {
    sample::cases().into_iter().flat_map(|s| s.steps).collect()
}

pub fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or(date)
}

pub const CAPACITIES: [SignatoryCapacity; 7] = [
    SignatoryCapacity::KepalaDaerah,
    SignatoryCapacity::WakilKepalaDaerah,
    SignatoryCapacity::Sekda,
    SignatoryCapacity::Asisten,
    SignatoryCapacity::KepalaOpd,
    SignatoryCapacity::OtherOfficial,
    SignatoryCapacity::ThirdPartyRepresentative,
];

pub const CLAUSES: [Clause; 11] = [
    Clause::RightsAndObligations,
    Clause::Term,
    Clause::DisputeSettlement,
    Clause::Sanctions,
    Clause::Subject,
    Clause::Object,
    Clause::Scope,
    Clause::Financing,
    Clause::ForceMajeure,
    Clause::Termination,
    Clause::Amendment,
];

pub const KSDPK_MINIMUM: [Clause; 4] = [
    Clause::RightsAndObligations,
    Clause::Term,
    Clause::DisputeSettlement,
    Clause::Sanctions,
];

pub const DOCUMENT_KINDS: [DocumentKind; 5] = [
    DocumentKind::Kb,
    DocumentKind::Pks,
    DocumentKind::Addendum,
    DocumentKind::HeadsAgreement,
    DocumentKind::Other,
];

/// Regions that are parties of no sample case, and some that are.
pub const OTHER_REGIONS: [&str; 8] = [
    "73.73", "74.13", "64.07", "73.15", "73.72", "73", "11.01", "73.14",
];

pub fn party_ids(spec: Option<&CooperationSpec>) -> Vec<PartyId> {
    spec.map(|s| s.parties.iter().filter_map(Party::id).collect())
        .unwrap_or_else(|| vec![PartyId::Region(sample::sidrap())])
}

pub fn region_codes(spec: Option<&CooperationSpec>) -> Vec<KodeWilayah> {
    spec.map(CooperationSpec::region_codes)
        .filter(|codes| !codes.is_empty())
        .unwrap_or_else(|| vec![sample::sidrap()])
}

pub fn head(party: &PartyId) -> Signatory {
    match party {
        PartyId::ThirdParty(_) => representative(party),
        _ => Signatory::head(
            party.clone(),
            format!("Kepala {party}"),
            format!("Kepala Daerah {party}"),
        ),
    }
}

pub fn representative(party: &PartyId) -> Signatory {
    Signatory::representative(
        party.clone(),
        format!("Direktur {party}"),
        "Direktur Utama",
        "Akta pendirian",
    )
}

pub fn official_with_kuasa(party: &PartyId, on: NaiveDate, rng: &mut Rng) -> Signatory {
    Signatory::official(
        party.clone(),
        format!("Kepala Dinas {party}"),
        "Kepala Dinas",
        SignatoryCapacity::KepalaOpd,
    )
    .with_kuasa_from(
        format!("SK-{}", rng.below(100)),
        shift(on, -(rng.below(20) as i64)),
        "Kepala daerah (fiktif)",
    )
}

pub fn document(
    id: String,
    kind: DocumentKind,
    on: NaiveDate,
    signatories: Vec<Signatory>,
) -> Document {
    sample::document(&id, kind, "dokumen uji", on, signatories)
}

/// Changes one to three things of a document.
pub fn mutate_document(doc: &mut Document, spec: Option<&CooperationSpec>, rng: &mut Rng) {
    for _ in 0..=rng.below(3) {
        match rng.below(11) {
            0 if !doc.signatories.is_empty() => {
                let i = rng.below(doc.signatories.len());
                doc.signatories.remove(i);
            }
            1 if !doc.signatories.is_empty() => {
                let i = rng.below(doc.signatories.len());
                doc.signatories[i].capacity = CAPACITIES[rng.below(CAPACITIES.len())];
                doc.signatories[i].acting = rng.chance(30);
            }
            2 if !doc.signatories.is_empty() => {
                let i = rng.below(doc.signatories.len());
                let signed = doc.signatories[i].surat_kuasa.is_some();
                doc.signatories[i].surat_kuasa = (!signed).then(|| {
                    SuratKuasa::new("SK-X", shift(doc.signed_on, rng.below(40) as i64 - 30))
                });
            }
            3 => {
                let clause = CLAUSES[rng.below(CLAUSES.len())];
                if !doc.clauses.remove(&clause) {
                    doc.clauses.insert(clause);
                }
            }
            4 => {
                doc.term = match rng.below(4) {
                    0 => None,
                    1 => Term::years(doc.signed_on, 1 + rng.below(30) as u32),
                    2 => Some(Term {
                        starts_on: doc.signed_on,
                        ends_on: shift(doc.signed_on, -(1 + rng.below(100) as i64)),
                    }),
                    _ => Term::years(
                        shift(doc.signed_on, rng.below(200) as i64),
                        1 + rng.below(8) as u32,
                    ),
                };
            }
            5 => doc.signed_on = shift(doc.signed_on, rng.below(121) as i64 - 60),
            6 => doc.kind = DOCUMENT_KINDS[rng.below(DOCUMENT_KINDS.len())],
            7 => {
                doc.under_kb = match rng.below(2) {
                    0 => None,
                    _ => Some(DocumentId("KB-LAIN".into())),
                }
            }
            8 => {
                let ids = party_ids(spec);
                doc.parties = ids.into_iter().filter(|_| rng.chance(50)).collect();
            }
            9 => {
                let party = PartyId::Region(code(OTHER_REGIONS[rng.below(OTHER_REGIONS.len())]));
                doc.signatories.push(head(&party));
            }
            _ => doc.id = DocumentId(format!("{}-bis", doc.id)),
        }
    }
}

pub fn mutate_spec(spec: &mut CooperationSpec, rng: &mut Rng) {
    for _ in 0..=rng.below(2) {
        match rng.below(8) {
            0 => {
                let types = [
                    KsdpkType::PublicService,
                    KsdpkType::AssetUtilisation,
                    KsdpkType::Investment,
                    KsdpkType::InfrastructureProvision,
                    KsdpkType::Procurement,
                    KsdpkType::Other,
                ];
                spec.kind = match rng.below(6) {
                    0 => CooperationKind::Ksdd {
                        category: Some(KsddCategory::Wajib),
                    },
                    1 => CooperationKind::Ksdd {
                        category: Some(KsddCategory::Sukarela),
                    },
                    2 => CooperationKind::Ksdd { category: None },
                    3 => CooperationKind::Ksdpl,
                    _ => CooperationKind::Ksdpk {
                        ksdpk_type: types[rng.below(types.len())],
                        initiative: if rng.chance(50) {
                            Initiative::Region
                        } else {
                            Initiative::ThirdParty
                        },
                        type_description: None,
                    },
                };
            }
            1 if !spec.parties.is_empty() => {
                let i = rng.below(spec.parties.len());
                spec.parties.remove(i);
            }
            2 => spec.parties.push(Party::CentralAgency {
                name: "Kementerian PUPR".into(),
            }),
            3 => spec.proposed_term_years = Some(rng.below(121) as u16),
            4 => spec.object.urusan.clear(),
            5 => spec.object.in_development_plan = false,
            6 => {
                let ids = party_ids(Some(spec));
                if let Some(id) = rng.choose(&ids) {
                    spec.initiator = id;
                }
            }
            _ => spec.title = String::new(),
        }
    }
}

pub fn record(on: NaiveDate) -> Record {
    Record::new(shift(on, -30), "catatan")
}

/// A payload of `kind` built from the state.
pub fn build(
    kind: CommandKind,
    coop: &Cooperation,
    on: NaiveDate,
    rng: &mut Rng,
    mutate: bool,
) -> Command {
    let spec = coop.spec();
    let regions = region_codes(spec);
    let parties = party_ids(spec);
    let thirds: Vec<PartyId> = parties
        .iter()
        .filter(|p| matches!(p, PartyId::ThirdParty(_)))
        .cloned()
        .collect();
    let region = rng.choose(&regions).unwrap_or(KodeWilayah::SIDRAP);
    let counter = coop.pks().len() + coop.addenda().len() + rng.below(3);
    let mut command = match kind {
        CommandKind::BeginWajibProcedure => Command::BeginWajibProcedure,
        CommandKind::FileMapping => Command::FileMapping {
            mapping: AffairsMapping::new(
                region,
                spec.map(|s| s.object.urusan.clone()).unwrap_or_default(),
            )
            .with_potentials(["potensi"])
            .with_needs(if mutate && rng.chance(50) {
                vec![]
            } else {
                vec!["kebutuhan"]
            }),
        },
        CommandKind::HoldTechnicalCoordination => {
            let required = coordination_level(&regions);
            let level = if mutate {
                [CoordinationLevel::Provincial, CoordinationLevel::National][rng.below(2)]
            } else {
                required
            };
            Command::HoldTechnicalCoordination { level }
        }
        CommandKind::SignHeadsAgreement => Command::SignHeadsAgreement {
            document: document(
                "HA-GEN".into(),
                DocumentKind::HeadsAgreement,
                on,
                regions.iter().map(|c| head(&PartyId::Region(*c))).collect(),
            ),
        },
        CommandKind::StartPreparation => Command::StartPreparation,
        CommandKind::ReceiveProposal => Command::ReceiveProposal {
            letter_number: "001/GEN".into(),
            study: FeasibilityStudy::new(
                if mutate && rng.chance(50) {
                    PartyId::Region(region)
                } else {
                    rng.choose(&thirds)
                        .unwrap_or(PartyId::ThirdParty("pt-lain".into()))
                },
                "studi",
                shift(
                    on,
                    if mutate {
                        rng.below(40) as i64 - 20
                    } else {
                        -10
                    },
                ),
                Feasibility::Feasible,
            ),
        },
        CommandKind::RequestRevision => Command::RequestRevision {
            note: "perbaiki".into(),
        },
        CommandKind::AssessCriteria => {
            let criterion = |rng: &mut Rng| {
                Criterion::new(
                    !(mutate && rng.chance(40)),
                    if mutate && rng.chance(30) {
                        ""
                    } else {
                        "bukti"
                    },
                )
            };
            Command::AssessCriteria {
                criteria: InitiativeCriteria::new(criterion(rng), criterion(rng), criterion(rng)),
            }
        }
        CommandKind::AcceptProposal => Command::AcceptProposal,
        CommandKind::RejectProposal => Command::RejectProposal {
            reason: "tidak layak".into(),
        },
        CommandKind::AttestLawfulness => Command::AttestLawfulness {
            attestation: LawfulnessAttestation::new("Bagian Hukum", "tidak bertentangan"),
        },
        CommandKind::SubmitFeasibilityStudy => Command::SubmitFeasibilityStudy {
            study: FeasibilityStudy::new(
                if mutate && rng.chance(50) {
                    rng.choose(&parties).unwrap_or(PartyId::Region(region))
                } else {
                    PartyId::Region(region)
                },
                "studi daerah",
                shift(on, if mutate { rng.below(40) as i64 - 20 } else { 0 }),
                Feasibility::Feasible,
            ),
        },
        CommandKind::RecordTkksdReview => {
            let point = match coop.stage() {
                _ if mutate => [
                    ReviewPoint::Offer,
                    ReviewPoint::KbSigning,
                    ReviewPoint::PksSigning,
                ][rng.below(3)],
                Stage::KbDrafting => ReviewPoint::KbSigning,
                Stage::PksDrafting | Stage::PksSigned | Stage::InForce => ReviewPoint::PksSigning,
                _ => ReviewPoint::Offer,
            };
            Command::RecordTkksdReview {
                review: TkksdReview::new(point, Recommendation::Proceed).with_minutes("BA"),
            }
        }
        CommandKind::AssessDprdGate => Command::AssessDprdGate {
            region: if mutate && rng.chance(30) {
                code(OTHER_REGIONS[rng.below(OTHER_REGIONS.len())])
            } else {
                region
            },
            gate: {
                let (community, region, not_budgeted) =
                    (rng.chance(40), rng.chance(40), rng.chance(40));
                let gate = DprdGate::not_required("alasan")
                    .with_burdens_community(community)
                    .with_burdens_region(region)
                    .with_not_budgeted(not_budgeted);
                // A later PKS's round names the fiscal year of its funding (KSD-DPRD-01, v3).
                if coop.stage() == Stage::InForce && !(mutate && rng.chance(50)) {
                    gate.with_fiscal_year(chrono::Datelike::year(&on))
                } else {
                    gate
                }
            },
        },
        CommandKind::SendOffer => {
            let initiator = spec
                .map(|s| s.initiator.clone())
                .unwrap_or(PartyId::Region(region));
            let mut signatory = head(&initiator);
            if mutate && rng.chance(50) {
                signatory.capacity = CAPACITIES[rng.below(CAPACITIES.len())];
            }
            if mutate && rng.chance(30) {
                signatory.party = rng.choose(&parties).unwrap_or(initiator);
            }
            Command::SendOffer {
                letter: OfferLetter::new("PENAWARAN/GEN", signatory)
                    .with_kak_attached(!(mutate && rng.chance(30)))
                    .with_draft_kb_attached(rng.chance(50)),
            }
        }
        CommandKind::AcceptOffer => Command::AcceptOffer,
        CommandKind::RejectOffer => Command::RejectOffer {
            reason: "menolak".into(),
        },
        CommandKind::Withdraw => Command::Withdraw {
            reason: "menarik".into(),
        },
        CommandKind::StartKbDrafting => Command::StartKbDrafting,
        CommandKind::SignKb => {
            let mut kb = document(
                format!("KB-GEN-{}", rng.below(3)),
                DocumentKind::Kb,
                on,
                parties.iter().map(head).collect(),
            );
            kb.term = Term::years(on, 1 + rng.below(6) as u32);
            Command::SignKb { document: kb }
        }
        CommandKind::SubmitToDprd => Command::SubmitToDprd,
        CommandKind::ApproveDprd => Command::ApproveDprd {
            reference: "Keputusan DPRD".into(),
        },
        CommandKind::RefuseDprd => Command::RefuseDprd {
            reason: "menolak".into(),
        },
        CommandKind::StartPksDrafting => Command::StartPksDrafting,
        CommandKind::SignPks => {
            let signatories = parties
                .iter()
                .map(|p| match p {
                    PartyId::Region(_) if rng.chance(50) => official_with_kuasa(p, on, rng),
                    _ => head(p),
                })
                .collect();
            let mut pks = document(
                format!("PKS-GEN-{counter}"),
                DocumentKind::Pks,
                on,
                signatories,
            );
            pks.term = Term::years(on, 1 + rng.below(6) as u32);
            pks.under_kb = coop.kb().map(|kb| kb.id.clone());
            pks.clauses = KSDPK_MINIMUM.into_iter().collect();
            if rng.chance(30) {
                pks.clauses.insert(Clause::Financing);
            }
            Command::SignPks { document: pks }
        }
        CommandKind::EnterIntoForce => Command::EnterIntoForce,
        CommandKind::RecordLeadershipChange => Command::RecordLeadershipChange {
            party: rng.choose(&parties).unwrap_or(PartyId::Region(region)),
            new_office_holder: "Pj Bupati".into(),
        },
        CommandKind::SignAddendum => {
            let amendable: Vec<DocumentId> = coop
                .kb()
                .into_iter()
                .chain(coop.pks())
                .chain(coop.addenda())
                .map(|d| d.id.clone())
                .collect();
            let mut addendum = document(
                format!("ADD-GEN-{counter}"),
                DocumentKind::Addendum,
                on,
                parties.iter().map(head).collect(),
            );
            addendum.amends = rng.choose(&amendable);
            Command::SignAddendum { document: addendum }
        }
        CommandKind::EstablishSecretariat => Command::EstablishSecretariat {
            continuous: !(mutate && rng.chance(50)),
        },
        CommandKind::RaiseDispute => Command::RaiseDispute {
            forum: [
                DisputeForum::InterRegionalRegime,
                DisputeForum::Musyawarah,
                DisputeForum::ContractClause,
            ][rng.below(3)],
            note: "sengketa".into(),
        },
        CommandKind::Terminate => {
            let grounds: Vec<EndGround> = EndGround::ALL
                .into_iter()
                .filter(|_| rng.chance(25))
                .collect();
            Command::terminate(if grounds.is_empty() && !mutate {
                vec![EndGround::ObjectiveAchieved]
            } else {
                grounds
            })
        }
        CommandKind::RecordExpiry => Command::RecordExpiry,
        CommandKind::TakeOver => {
            let defaulting = region;
            let province = defaulting.level() == RegionLevel::Province;
            let by = match (province, mutate && rng.chance(40)) {
                (true, false) | (false, true) => TakeoverBy::CentralGovernment,
                _ => TakeoverBy::Governor,
            };
            // Records dated on the day, by who Pasal 11 names, costs on the defaulting region.
            let issuer = match by {
                TakeoverBy::Governor => Role::Governor,
                _ => Role::TechnicalMinister,
            };
            let mut takeover = Takeover::new(defaulting, by)
                .with_guidance(record(on).issued_by(issuer))
                .with_obstacle_evaluation(record(on).issued_by(issuer))
                .with_costs_charged_to(defaulting);
            takeover.minister_approval =
                (by == TakeoverBy::Governor).then(|| record(on).issued_by(Role::Minister));
            if mutate && rng.chance(50) {
                match rng.below(3) {
                    0 => takeover.guidance = None,
                    1 => takeover.obstacle_evaluation = None,
                    _ => takeover.minister_approval = None,
                }
            }
            Command::TakeOver { takeover }
        }
        CommandKind::Cancel => Command::Cancel {
            reason: "batal".into(),
        },
        CommandKind::Resume => Command::Resume,
        CommandKind::RecordExtension => Command::RecordExtension {
            successor: CooperationId(uuid::Uuid::from_u64_pair(0x0190, rng.next())),
        },
        // The legacy rule set's own commands (never in order under PP 28/2018).
        CommandKind::RecordDprdOpinion => Command::RecordDprdOpinion {
            reference: "pendapat DPRD".into(),
        },
        CommandKind::ResubmitToDprd => Command::ResubmitToDprd,
        CommandKind::RecordDeemedApproval => Command::RecordDeemedApproval { region },
        CommandKind::RecordCopiesSent => Command::RecordCopiesSent {
            document: coop
                .pks()
                .first()
                .map_or(DocumentId("PKS-GEN".into()), |d| d.id.clone()),
            recipients: vec![CopyRecipient::Dprd],
        },
        CommandKind::TerminateEarly => Command::TerminateEarly {
            notice: TerminationNotice::new(region, "pemberitahuan", shift(on, -30)),
        },
        CommandKind::EstablishCooperationBody => Command::EstablishCooperationBody {
            continuous: true,
            decision: document(
                "KEP-GEN".into(),
                DocumentKind::Other,
                on,
                parties.iter().map(head).collect(),
            ),
        },
        // Register and RecordEvaluation are taken from the scripted steps (see `payload`).
        _ => Command::Cancel {
            reason: format!("{kind:?}"),
        },
    };
    if mutate && let Some(doc) = document_mut(&mut command) {
        mutate_document(doc, spec, rng);
    }
    command
}

pub fn document_mut(command: &mut Command) -> Option<&mut Document> {
    match command {
        Command::SignHeadsAgreement { document }
        | Command::SignKb { document }
        | Command::SignPks { document }
        | Command::SignAddendum { document } => Some(document),
        _ => None,
    }
}

/// The choices of a generated step that pick its actor: a role of the row or any role, and
/// a party by mode (the tests' `Pick` carries them with the rest of the step).
#[derive(Debug, Clone, Copy)]
pub struct Who {
    /// Any role, not only the row's.
    pub wild_role: bool,
    /// Which role.
    pub role: proptest::sample::Index,
    /// How the party is chosen.
    pub party_mode: u8,
    /// Which party.
    pub party: proptest::sample::Index,
}

/// The actor of a pick.
pub fn actor(
    pick: &Who,
    roles: &[Role],
    command: &Command,
    coop: &Cooperation,
    rng: &mut Rng,
) -> Actor {
    let role = if pick.wild_role || roles.is_empty() {
        Role::ALL[pick.role.index(Role::ALL.len())]
    } else {
        roles[pick.role.index(roles.len())]
    };
    let spec = coop.spec();
    let parties = party_ids(spec);
    let party = match pick.party_mode {
        0 => plausible_party(role, command, coop, rng),
        1 => match role {
            Role::ThirdParty => {
                let thirds: Vec<PartyId> = parties
                    .iter()
                    .filter(|p| matches!(p, PartyId::ThirdParty(_)))
                    .cloned()
                    .collect();
                Some(
                    thirds
                        .get(pick.party.index(thirds.len().max(1)))
                        .cloned()
                        .unwrap_or(PartyId::ThirdParty("pt-lain".into())),
                )
            }
            _ => {
                let regions = region_codes(spec);
                Some(PartyId::Region(regions[pick.party.index(regions.len())]))
            }
        },
        2 => Some(parties[pick.party.index(parties.len())].clone()),
        3 => {
            let outside: Vec<KodeWilayah> = OTHER_REGIONS
                .iter()
                .map(|c| code(c))
                .filter(|c| !region_codes(spec).contains(c))
                .collect();
            Some(PartyId::Region(outside[pick.party.index(outside.len())]))
        }
        _ => None,
    };
    match party {
        Some(party) => Actor::new(role, party, format!("{role:?}")),
        None => Actor::central(role, format!("{role:?}")),
    }
}

/// The party most likely to be allowed to issue `command`.
pub fn plausible_party(
    role: Role,
    command: &Command,
    coop: &Cooperation,
    rng: &mut Rng,
) -> Option<PartyId> {
    let spec = coop.spec();
    let regions = region_codes(spec);
    let parties = party_ids(spec);
    let initiator = spec.map(|s| s.initiator.clone());
    match (role, command) {
        (Role::CentralGovernment | Role::Minister | Role::TechnicalMinister, _) => None,
        (Role::Governor, Command::TakeOver { takeover }) => {
            Some(PartyId::Region(takeover.defaulting_region.province()))
        }
        (Role::Governor, _) => rng.choose(&regions).map(|c| PartyId::Region(c.province())),
        (_, Command::SendOffer { .. } | Command::Withdraw { .. } | Command::Cancel { .. }) => {
            initiator
        }
        (_, Command::AcceptOffer | Command::RejectOffer { .. }) => {
            let partners: Vec<PartyId> = parties
                .iter()
                .filter(|p| Some(*p) != initiator.as_ref())
                .filter(|p| match (role, p) {
                    (Role::ThirdParty, PartyId::ThirdParty(_)) => true,
                    (Role::ThirdParty, _) => false,
                    (_, PartyId::Region(_)) => true,
                    _ => false,
                })
                .cloned()
                .collect();
            rng.choose(&partners)
        }
        (_, Command::AssessDprdGate { region, .. }) => Some(PartyId::Region(*region)),
        (_, Command::FileMapping { mapping }) => Some(PartyId::Region(mapping.region)),
        (Role::Dprd, _) => {
            let deciding: Vec<KodeWilayah> = regions
                .iter()
                .copied()
                .filter(|c| {
                    coop.dprd_gates().contains_key(c) && !coop.dprd_decisions().contains_key(c)
                })
                .collect();
            rng.choose(&deciding)
                .or_else(|| rng.choose(&regions))
                .map(PartyId::Region)
        }
        (Role::ThirdParty, _) => {
            let thirds: Vec<PartyId> = parties
                .iter()
                .filter(|p| matches!(p, PartyId::ThirdParty(_)))
                .cloned()
                .collect();
            rng.choose(&thirds)
        }
        _ => rng.choose(&regions).map(PartyId::Region),
    }
}
