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
