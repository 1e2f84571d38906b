//! Sample data of RULES.md §13: Kabupaten Sidenreng Rappang (Sidrap, 73.14), its neighbours,
//! and its cooperation cases as scripted command sequences.
//!
//! Dates marked "fixture" in RULES.md are used as given; everything the cited news does not
//! report is synthetic (names of officials are fictional). For examples, tests, benchmarks and
//! the CLI's sample run; real use builds its own data.
//!
//! ```
//! use kerjasama::law::RuleSet;
//! use kerjasama::lifecycle::Stage;
//! let landfill = kerjasama::sample::c06_landfill().run(&RuleSet::current())?;
//! assert_eq!(landfill.stage(), Stage::InForce);
//! # Ok::<(), kerjasama::sample::StepRefused>(())
//! ```

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::RuleSet;
use crate::lifecycle::{Command, Cooperation, CooperationSpec, Rejection};
use crate::model::*;

/// One scripted step: who does what on which date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Step {
    /// Who acts.
    pub actor: Actor,
    /// The legal date.
    pub on: NaiveDate,
    /// What is asked.
    pub command: Command,
}
crate::serde_shape::map_shaped!(Step);

/// A case of RULES.md §13.2 as a command script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Scenario {
    /// Case id, e.g. `C06`.
    pub case: String,
    /// The steps, in order.
    pub steps: Vec<Step>,
}
crate::serde_shape::map_shaped!(Scenario);

/// A scripted step that was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("step {index} of {case} refused: {rejection}")]
pub struct StepRefused {
    /// The case.
    pub case: String,
    /// Index of the refused step.
    pub index: usize,
    /// Why.
    pub rejection: Rejection,
}

impl Scenario {
    /// Runs every step from a new cooperation.
    pub fn run(&self, rules: &RuleSet) -> Result<Cooperation, StepRefused> {
        let mut coop = Cooperation::new();
        for (index, step) in self.steps.iter().enumerate() {
            coop.execute(&step.command, &step.actor, step.on, rules)
                .map_err(|rejection| StepRefused {
                    case: self.case.clone(),
                    index,
                    rejection,
                })?;
        }
        Ok(coop)
    }

    /// The id the scenario registers its cooperation under (its first step).
    pub fn cooperation_id(&self) -> Option<CooperationId> {
        self.steps.iter().find_map(|step| match &step.command {
            Command::Register { spec } => Some(spec.id),
            _ => None,
        })
    }

    /// Records every step under the latest current rule set into an audit log, with
    /// deterministic ids ([`crate::audit::SequentialIds`]) and recording times (the legal
    /// date at 09:00 UTC plus a minute per step).
    pub fn record_log(&self) -> Result<Vec<crate::audit::Envelope>, StepRefused> {
        let rules = RuleSet::current();
        let mut ids = crate::audit::SequentialIds::default();
        let mut coop = Cooperation::new();
        let mut log: Vec<crate::audit::Envelope> = Vec::new();
        for (index, step) in self.steps.iter().enumerate() {
            let minutes = i64::try_from(index).unwrap_or(i64::MAX);
            let recorded_at = step.on.and_time(chrono::NaiveTime::MIN).and_utc()
                + chrono::Duration::hours(9)
                + chrono::Duration::minutes(minutes);
            let envelope = crate::audit::record(
                &coop,
                log.last(),
                &step.command,
                &step.actor,
                step.on,
                recorded_at,
                &rules,
                &mut ids,
            )
            .map_err(|rejection| StepRefused {
                case: self.case.clone(),
                index,
                rejection,
            })?;
            for event in &envelope.events {
                coop.apply(event);
            }
            log.push(envelope);
        }
        Ok(log)
    }
}

/// A date literal of the sample data, `date!(2023, 1, 12)`. The date is a `const` item, which
/// the compiler always evaluates (even `cargo check`): an invalid date such as
/// `date!(2023, 2, 30)` fails the build instead of standing in for a value chosen at run time.
macro_rules! date {
    ($year:literal, $month:literal, $day:literal) => {{
        const DATE: NaiveDate = match NaiveDate::from_ymd_opt($year, $month, $day) {
            Some(date) => date,
            None => panic!("invalid sample date"),
        };
        DATE
    }};
}

/// A region code literal of the sample data, `kode!(73)` (a province) or `kode!(73, 14)` (a
/// kabupaten or kota), checked when the crate is compiled like `date!`.
macro_rules! kode {
    ($province:literal) => {{
        const CODE: KodeWilayah = match KodeWilayah::new_province($province) {
            Some(code) => code,
            None => panic!("invalid sample province code"),
        };
        CODE
    }};
    ($province:literal, $regency:literal) => {{
        const CODE: KodeWilayah = match KodeWilayah::new_kab_kota($province, $regency) {
            Some(code) => code,
            None => panic!("invalid sample kab/kota code"),
        };
        CODE
    }};
}

/// Every region of the sample data: Sidrap, the regions of its cases (RULES.md §13) and
/// their provinces.
///
/// ```
/// use kerjasama::sample::{self, SampleRegion};
/// assert_eq!(SampleRegion::Sidrap.code(), sample::sidrap());
/// assert_eq!(SampleRegion::Sidrap.name(), "Kabupaten Sidenreng Rappang");
/// assert_eq!(SampleRegion::of(sample::parepare()), Some(SampleRegion::Parepare));
/// assert_eq!(SampleRegion::of("73.11".parse()?), None); // Barru: not in the sample
/// # Ok::<(), kerjasama::model::ParseKodeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SampleRegion {
    /// Kabupaten Sidenreng Rappang, 73.14.
    Sidrap,
    /// Kota Parepare, 73.72.
    Parepare,
    /// Kabupaten Pinrang, 73.15.
    Pinrang,
    /// Kota Palopo, 73.73.
    Palopo,
    /// Kabupaten Muna Barat, 74.13.
    MunaBarat,
    /// Provinsi Sulawesi Selatan, 73.
    SulawesiSelatan,
    /// Kabupaten Kutai Barat, 64.07.
    KutaiBarat,
    /// Kota Tarakan, 65.71.
    Tarakan,
    /// Kabupaten Enrekang, 73.16.
    Enrekang,
    /// Kota Tomohon, 71.73.
    Tomohon,
}

impl SampleRegion {
    /// Every sample region, in the order above.
    pub const ALL: [SampleRegion; 10] = [
        SampleRegion::Sidrap,
        SampleRegion::Parepare,
        SampleRegion::Pinrang,
        SampleRegion::Palopo,
        SampleRegion::MunaBarat,
        SampleRegion::SulawesiSelatan,
        SampleRegion::KutaiBarat,
        SampleRegion::Tarakan,
        SampleRegion::Enrekang,
        SampleRegion::Tomohon,
    ];

    /// Its Kemendagri code.
    pub const fn code(self) -> KodeWilayah {
        match self {
            SampleRegion::Sidrap => kode!(73, 14),
            SampleRegion::Parepare => kode!(73, 72),
            SampleRegion::Pinrang => kode!(73, 15),
            SampleRegion::Palopo => kode!(73, 73),
            SampleRegion::MunaBarat => kode!(74, 13),
            SampleRegion::SulawesiSelatan => kode!(73),
            SampleRegion::KutaiBarat => kode!(64, 7),
            SampleRegion::Tarakan => kode!(65, 71),
            SampleRegion::Enrekang => kode!(73, 16),
            SampleRegion::Tomohon => kode!(71, 73),
        }
    }

    /// Its official name.
    pub const fn name(self) -> &'static str {
        match self {
            SampleRegion::Sidrap => "Kabupaten Sidenreng Rappang",
            SampleRegion::Parepare => "Kota Parepare",
            SampleRegion::Pinrang => "Kabupaten Pinrang",
            SampleRegion::Palopo => "Kota Palopo",
            SampleRegion::MunaBarat => "Kabupaten Muna Barat",
            SampleRegion::SulawesiSelatan => "Provinsi Sulawesi Selatan",
            SampleRegion::KutaiBarat => "Kabupaten Kutai Barat",
            SampleRegion::Tarakan => "Kota Tarakan",
            SampleRegion::Enrekang => "Kabupaten Enrekang",
            SampleRegion::Tomohon => "Kota Tomohon",
        }
    }

    /// The sample region with this code, `None` for a code the sample does not use.
    pub fn of(code: KodeWilayah) -> Option<SampleRegion> {
        SampleRegion::ALL
            .into_iter()
            .find(|region| region.code() == code)
    }
}

/// Kabupaten Sidenreng Rappang, 73.14.
pub fn sidrap() -> KodeWilayah {
    SampleRegion::Sidrap.code()
}
/// Kota Parepare, 73.72.
pub fn parepare() -> KodeWilayah {
    SampleRegion::Parepare.code()
}
/// Kabupaten Pinrang, 73.15.
pub fn pinrang() -> KodeWilayah {
    SampleRegion::Pinrang.code()
}
/// Kota Palopo, 73.73.
pub fn palopo() -> KodeWilayah {
    SampleRegion::Palopo.code()
}
/// Kabupaten Muna Barat, 74.13.
pub fn muna_barat() -> KodeWilayah {
    SampleRegion::MunaBarat.code()
}
/// Provinsi Sulawesi Selatan, 73.
pub fn sulsel() -> KodeWilayah {
    SampleRegion::SulawesiSelatan.code()
}
/// Kabupaten Kutai Barat, 64.07.
pub fn kutai_barat() -> KodeWilayah {
    SampleRegion::KutaiBarat.code()
}

/// The name of a region for the sample's parties and actors: the official name of a
/// [`SampleRegion`] (`Kabupaten Sidenreng Rappang` for 73.14).
///
/// The sample invents no names: any other code is written as its level and code
/// (`Kabupaten 73.11`, `Kota 73.71`, `Provinsi 76`), which a reader cannot take for a
/// name. [`SampleRegion::of`] tells the two cases apart.
///
/// ```
/// use kerjasama::sample;
/// assert_eq!(sample::region_name(sample::pinrang()), "Kabupaten Pinrang");
/// assert_eq!(sample::region_name("73.11".parse()?), "Kabupaten 73.11");
/// # Ok::<(), kerjasama::model::ParseKodeError>(())
/// ```
pub fn region_name(code: KodeWilayah) -> Cow<'static, str> {
    match SampleRegion::of(code) {
        Some(region) => Cow::Borrowed(region.name()),
        None => {
            let level = match code.level() {
                RegionLevel::Province => "Provinsi",
                RegionLevel::Kabupaten => "Kabupaten",
                RegionLevel::Kota => "Kota",
            };
            Cow::Owned(format!("{level} {code}"))
        }
    }
}

fn head_title(code: KodeWilayah) -> String {
    let name = region_name(code);
    match code.level() {
        RegionLevel::Province => name.replace("Provinsi", "Gubernur"),
        RegionLevel::Kota => name.replace("Kota", "Wali Kota"),
        RegionLevel::Kabupaten => name.replace("Kabupaten", "Bupati"),
    }
}

fn region(code: KodeWilayah) -> Party {
    Party::Region(Region {
        code,
        name: region_name(code).into_owned(),
    })
}

/// The cooperation unit (Bagian Kerja Sama) of a region.
pub fn clerk(code: KodeWilayah) -> Actor {
    Actor::new(
        Role::CooperationUnit,
        code,
        format!("Bagian Kerja Sama {}", region_name(code)),
    )
}
/// The head of a region.
pub fn head(code: KodeWilayah) -> Actor {
    Actor::new(Role::KepalaDaerah, code, head_title(code))
}
/// An OPD of a region.
pub fn opd(code: KodeWilayah, name: &str) -> Actor {
    Actor::new(Role::Opd, code, format!("{name} {}", region_name(code)))
}
/// The TKKSD of a region.
pub fn tkksd(code: KodeWilayah) -> Actor {
    Actor::new(Role::Tkksd, code, format!("TKKSD {}", region_name(code)))
}
/// The DPRD of a region.
pub fn dprd(code: KodeWilayah) -> Actor {
    Actor::new(Role::Dprd, code, format!("DPRD {}", region_name(code)))
}
/// The governor of Sulawesi Selatan as central representative.
pub fn governor() -> Actor {
    Actor::new(Role::Governor, sulsel(), "Gubernur Sulawesi Selatan")
}

fn head_signs(code: KodeWilayah) -> Signatory {
    Signatory::head(
        code,
        format!("{} (fiktif)", head_title(code)),
        head_title(code),
    )
}

fn official_signs(code: KodeWilayah, office: &str, capacity: SignatoryCapacity) -> Signatory {
    Signatory {
        party: PartyId::Region(code),
        name: format!("{office} (fiktif)"),
        office: format!("{office} {}", region_name(code)),
        capacity,
        acting: false,
        surat_kuasa: None,
        authority_basis: None,
    }
}

fn with_kuasa(mut signatory: Signatory, number: &str, date: NaiveDate) -> Signatory {
    signatory.surat_kuasa = Some(SuratKuasa {
        number: number.to_owned(),
        date,
    });
    signatory
}

/// A signed document with one number per signatory in its own register (KSD-DOC-08).
pub fn document(
    id: &str,
    kind: DocumentKind,
    title: &str,
    signed_on: NaiveDate,
    signatories: Vec<Signatory>,
) -> Document {
    let numbers = signatories
        .iter()
        .enumerate()
        .map(|(i, s)| DocumentNumber {
            party: s.party.clone(),
            number: format!("{id}/{}", i + 1),
        })
        .collect();
    Document {
        id: DocumentId(id.to_owned()),
        kind,
        title: title.to_owned(),
        signed_on,
        signatories,
        numbers,
        term: None,
        under_kb: None,
        parties: Vec::new(),
        clauses: BTreeSet::new(),
        amends: None,
    }
}

fn step(actor: Actor, on: NaiveDate, command: Command) -> Step {
    Step { actor, on, command }
}

/// A TKKSD review recommending to proceed (KSD-STAGE-04).
pub fn review(point: ReviewPoint) -> Command {
    Command::RecordTkksdReview {
        review: TkksdReview {
            point,
            recommendation: Recommendation::Proceed,
            minutes: format!("BA TKKSD {point:?}"),
        },
    }
}

/// A fixture evaluation (RULES.md §13.2) of the half-year before `on`, every party compliant.
fn evaluate(parties: &[PartyId], from: NaiveDate, on: NaiveDate, evaluator: &str) -> Command {
    Command::RecordEvaluation {
        evaluation: Evaluation {
            period_from: from,
            period_to: on,
            evaluator: evaluator.to_owned(),
            progress: "sesuai rencana kerja".into(),
            benefits: "manfaat sesuai tujuan kerja sama".into(),
            problems: Vec::new(),
            compliance: parties
                .iter()
                .map(|party| PartyCompliance {
                    party: party.clone(),
                    compliant: true,
                    note: String::new(),
                })
                .collect(),
            financial_realisation: None,
            recommendation: EvaluationOutcome::Continue,
            criteria: Vec::new(),
        },
    }
}

/// The lawfulness attestation of KSD-OBJ-04 by the legal section.
pub fn attest() -> Command {
    Command::AttestLawfulness {
        attestation: LawfulnessAttestation {
            attested_by: "Bagian Hukum Setda Sidrap".into(),
            statement: "tidak bertentangan dengan kesusilaan, ketertiban umum, kepentingan nasional, dan peraturan".into(),
        },
    }
}

fn gate(region: KodeWilayah, not_budgeted: bool, justification: &str) -> Command {
    Command::AssessDprdGate {
        region,
        gate: DprdGate {
            burdens_community: false,
            burdens_region: false,
            not_budgeted_in_current_apbd: not_budgeted,
            justification: justification.to_owned(),
        },
    }
}

fn offer(number: &str, from: KodeWilayah) -> Command {
    Command::SendOffer {
        letter: OfferLetter {
            number: number.to_owned(),
            signatory: head_signs(from),
            kak_attached: true,
            draft_kb_attached: true,
        },
    }
}

fn object(title: &str, urusan: Vec<Urusan>, plan: &str) -> CooperationObject {
    CooperationObject {
        title: title.to_owned(),
        urusan,
        tags: Vec::new(),
        in_development_plan: true,
        plan_reference: Some(plan.to_owned()),
        off_plan_reason: None,
        cross_border_externality: false,
        joint_efficiency_rationale: String::new(),
    }
}

fn spec(
    case: u128,
    title: &str,
    kind: CooperationKind,
    parties: Vec<Party>,
    object: CooperationObject,
) -> CooperationSpec {
    let codes: Vec<KodeWilayah> = parties
        .iter()
        .filter_map(|p| match p {
            Party::Region(r) => Some(r.code),
            _ => None,
        })
        .collect();
    CooperationSpec {
        id: CooperationId(uuid::Uuid::from_u128(
            0x0190_0000_0000_7000_8000_0000_0000_0000 | case,
        )),
        title: title.to_owned(),
        kind,
        parties,
        initiator: PartyId::Region(sidrap()),
        object,
        borders: BorderTable::sulawesi_selatan_sample().among(&codes),
        funding: Vec::new(),
        sectoral_regime: None,
        proposed_term_years: None,
        renews: None,
        lead_opd: None,
    }
}

/// C06 (synthetic): the Sidrap–Parepare–Pinrang regional landfill (TPA regional) with a
/// tipping fee, a kerja sama wajib, from mapping to in force and a secretariat.
pub fn c06_landfill() -> Scenario {
    let (s, pp, pin) = (sidrap(), parepare(), pinrang());
    let mut object = object(
        "TPA regional Sidrap–Parepare–Pinrang dengan tipping fee",
        vec![Urusan::LingkunganHidup],
        "RPJMD Sidrap 2019–2023 misi 4 (fiktif)",
    );
    object.cross_border_externality = true;
    object.joint_efficiency_rationale =
        "satu TPA regional lebih efisien daripada tiga TPA terpisah".into();
    let mut spec = spec(
        6,
        "TPA Regional Sidrap–Parepare–Pinrang",
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Wajib),
        },
        vec![region(s), region(pp), region(pin)],
        object,
    );
    spec.lead_opd = Some("Dinas Lingkungan Hidup".into());
    spec.funding = [s, pp, pin]
        .into_iter()
        .map(|code| Funding {
            party: PartyId::Region(code),
            amount: Rupiah(1_500_000_000),
            source: FundingSource::Apbd,
        })
        .collect();
    let mapping = |code: KodeWilayah| Command::FileMapping {
        mapping: AffairsMapping {
            region: code,
            urusan: vec![Urusan::LingkunganHidup],
            potentials: vec!["timbulan sampah lintas batas".into()],
            needs: vec!["TPA berstandar sanitary landfill".into()],
            reported_on: None,
        },
    };
    let heads = vec![head_signs(s), head_signs(pp), head_signs(pin)];
    let mut kb = document(
        "KB-TPA-2023",
        DocumentKind::Kb,
        "Kesepakatan Bersama TPA Regional",
        date!(2023, 2, 15),
        heads.clone(),
    );
    kb.term = Term::years(date!(2023, 2, 15), 5);
    let kuasa = |code: KodeWilayah, n: &str| {
        with_kuasa(
            official_signs(
                code,
                "Kepala Dinas Lingkungan Hidup",
                SignatoryCapacity::KepalaOpd,
            ),
            n,
            date!(2023, 6, 26),
        )
    };
    let mut pks = document(
        "PKS-TPA-2023",
        DocumentKind::Pks,
        "Perjanjian Kerja Sama Pengelolaan TPA Regional",
        date!(2023, 7, 3),
        vec![
            kuasa(s, "SK-01/2023"),
            kuasa(pp, "SK-07/2023"),
            kuasa(pin, "SK-03/2023"),
        ],
    );
    pks.term = Term::years(date!(2023, 7, 3), 5);
    pks.under_kb = Some(kb.id.clone());
    pks.clauses = [
        Clause::RightsAndObligations,
        Clause::Term,
        Clause::DisputeSettlement,
        Clause::Financing,
    ]
    .into();
    let not_budgeted = "tipping fee belum dianggarkan dalam APBD 2023";
    Scenario {
        case: "C06".into(),
        steps: vec![
            step(
                clerk(s),
                date!(2022, 9, 1),
                Command::Register {
                    spec: Box::new(spec),
                },
            ),
            step(clerk(s), date!(2022, 9, 1), Command::BeginWajibProcedure),
            step(
                opd(s, "Dinas Lingkungan Hidup"),
                date!(2022, 10, 10),
                mapping(s),
            ),
            step(
                opd(pp, "Dinas Lingkungan Hidup"),
                date!(2022, 10, 12),
                mapping(pp),
            ),
            step(
                opd(pin, "Dinas Lingkungan Hidup"),
                date!(2022, 10, 14),
                mapping(pin),
            ),
            step(
                governor(),
                date!(2022, 11, 24),
                Command::HoldTechnicalCoordination {
                    level: CoordinationLevel::Provincial,
                },
            ),
            step(
                clerk(s),
                date!(2023, 1, 12),
                Command::SignHeadsAgreement {
                    document: document(
                        "HA-TPA-2023",
                        DocumentKind::HeadsAgreement,
                        "Kesepakatan hasil koordinasi teknis",
                        date!(2023, 1, 12),
                        heads,
                    ),
                },
            ),
            step(
                opd(s, "Dinas Lingkungan Hidup"),
                date!(2023, 1, 12),
                Command::StartPreparation,
            ),
            step(clerk(s), date!(2023, 1, 16), attest()),
            step(tkksd(s), date!(2023, 1, 18), review(ReviewPoint::Offer)),
            step(head(s), date!(2023, 1, 20), offer("415.4/01/TPA/2023", s)),
            step(head(pp), date!(2023, 1, 27), Command::AcceptOffer),
            step(head(pin), date!(2023, 1, 30), Command::AcceptOffer),
            step(
                opd(s, "Dinas Lingkungan Hidup"),
                date!(2023, 2, 1),
                Command::StartKbDrafting,
            ),
            step(tkksd(s), date!(2023, 2, 8), review(ReviewPoint::KbSigning)),
            step(
                clerk(s),
                date!(2023, 2, 15),
                Command::SignKb { document: kb },
            ),
            step(clerk(s), date!(2023, 2, 20), gate(s, true, not_budgeted)),
            step(clerk(pp), date!(2023, 2, 20), gate(pp, true, not_budgeted)),
            step(
                clerk(pin),
                date!(2023, 2, 20),
                gate(pin, true, not_budgeted),
            ),
            step(head(s), date!(2023, 3, 1), Command::SubmitToDprd),
            step(
                dprd(s),
                date!(2023, 5, 22),
                Command::ApproveDprd {
                    reference: "Keputusan DPRD Sidrap 12/2023 (fiktif)".into(),
                },
            ),
            step(
                dprd(pp),
                date!(2023, 5, 30),
                Command::ApproveDprd {
                    reference: "Keputusan DPRD Parepare 8/2023 (fiktif)".into(),
                },
            ),
            step(
                dprd(pin),
                date!(2023, 6, 5),
                Command::ApproveDprd {
                    reference: "Keputusan DPRD Pinrang 15/2023 (fiktif)".into(),
                },
            ),
            step(
                tkksd(s),
                date!(2023, 6, 20),
                review(ReviewPoint::PksSigning),
            ),
            step(
                clerk(s),
                date!(2023, 7, 3),
                Command::SignPks { document: pks },
            ),
            step(clerk(s), date!(2023, 7, 3), Command::EnterIntoForce),
            step(
                head(s),
                date!(2023, 8, 1),
                Command::EstablishSecretariat { continuous: true },
            ),
            step(
                opd(s, "Dinas Lingkungan Hidup"),
                date!(2024, 6, 27),
                evaluate(
                    &[s.into(), pp.into(), pin.into()],
                    date!(2024, 1, 1),
                    date!(2024, 6, 27),
                    "PPKSD Dinas Lingkungan Hidup",
                ),
            ),
        ],
    }
}

fn pt_wisata() -> ThirdParty {
    ThirdParty {
        id: "pt-wisata-danau-sidenreng".into(),
        name: "PT Wisata Danau Sidenreng (fiktif)".into(),
        kind: ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::PrivateCompany,
        },
    }
}

fn pt_rumah_sakit() -> ThirdParty {
    ThirdParty {
        id: "pt-rs-ajatappareng-sehat".into(),
        name: "PT Rumah Sakit Ajatappareng Sehat (fiktif)".into(),
        kind: ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::PrivateCompany,
        },
    }
}

fn representative(third: &ThirdParty) -> Signatory {
    Signatory {
        party: PartyId::ThirdParty(third.id.clone()),
        name: "Direktur Utama (fiktif)".into(),
        office: format!("Direktur Utama {}", third.name),
        capacity: SignatoryCapacity::ThirdPartyRepresentative,
        acting: false,
        surat_kuasa: None,
        authority_basis: Some("Akta pendirian dan SK pengangkatan direksi".into()),
    }
}

/// C09 (synthetic): PT Wisata Danau Sidenreng's own proposal for lakeside tourism on regional
/// land (KSDPK type (b), third-party initiative), as recorded by 2024-08-14: proposal received
/// with the company's feasibility study; criteria assessment pending (KSD-PK-05).
pub fn c09_tourism() -> Scenario {
    let s = sidrap();
    let company = pt_wisata();
    let party = PartyId::ThirdParty(company.id.clone());
    let mut spec = spec(
        9,
        "Wisata tepi Danau Sidenreng",
        CooperationKind::Ksdpk {
            ksdpk_type: KsdpkType::AssetUtilisation,
            initiative: Initiative::ThirdParty,
            type_description: None,
        },
        vec![region(s), Party::ThirdParty(company)],
        object(
            "Pengembangan wisata tepi danau di atas tanah milik daerah",
            vec![Urusan::Pariwisata],
            "RPJMD Sidrap 2024–2026: pariwisata (fiktif)",
        ),
    );
    spec.initiator = party.clone();
    spec.proposed_term_years = Some(10);
    spec.sectoral_regime =
        Some("pemanfaatan barang milik daerah (regional-asset utilisation)".into());
    spec.lead_opd = Some("Dinas Pariwisata".into());
    Scenario {
        case: "C09".into(),
        steps: vec![
            step(
                clerk(s),
                date!(2024, 7, 1),
                Command::Register {
                    spec: Box::new(spec),
                },
            ),
            step(
                Actor::new(Role::ThirdParty, party.clone(), "PT Wisata Danau Sidenreng"),
                date!(2024, 7, 1),
                Command::ReceiveProposal {
                    letter_number: "001/PWDS/VII/2024".into(),
                    study: FeasibilityStudy {
                        author: party,
                        title: "Studi kelayakan wisata tepi Danau Sidenreng".into(),
                        completed_on: date!(2024, 6, 20),
                        conclusion: Feasibility::Feasible,
                    },
                },
            ),
        ],
    }
}

/// C08 (synthetic): patient referral services with PT Rumah Sakit Ajatappareng Sehat
/// (KSDPK type (a), region initiative): PKS of 2021-11-15 for 3 years, no DPRD approval
/// needed (budgeted), signed by the head of the Dinas Kesehatan under surat kuasa.
pub fn c08_referral() -> Scenario {
    let s = sidrap();
    let company = pt_rumah_sakit();
    let third = PartyId::ThirdParty(company.id.clone());
    let third_id = third.clone();
    let rep = representative(&company);
    let mut spec = spec(
        8,
        "Layanan rujukan pasien",
        CooperationKind::Ksdpk {
            ksdpk_type: KsdpkType::PublicService,
            initiative: Initiative::Region,
            type_description: None,
        },
        vec![region(s), Party::ThirdParty(company)],
        object(
            "Layanan rujukan pasien",
            vec![Urusan::Kesehatan],
            "RPJMD Sidrap 2019–2023 misi 2 (fiktif)",
        ),
    );
    spec.lead_opd = Some("Dinas Kesehatan".into());
    let mut kb = document(
        "KB-RUJUKAN-2021",
        DocumentKind::Kb,
        "Kesepakatan Bersama layanan rujukan",
        date!(2021, 10, 4),
        vec![head_signs(s), rep.clone()],
    );
    kb.term = Term::years(date!(2021, 10, 4), 3);
    let dinkes = with_kuasa(
        official_signs(s, "Kepala Dinas Kesehatan", SignatoryCapacity::KepalaOpd),
        "SK-11/2021",
        date!(2021, 11, 8),
    );
    let mut pks = document(
        "PKS-RUJUKAN-2021",
        DocumentKind::Pks,
        "Perjanjian Kerja Sama layanan rujukan",
        date!(2021, 11, 15),
        vec![dinkes, rep],
    );
    pks.term = Term::years(date!(2021, 11, 15), 3);
    pks.under_kb = Some(kb.id.clone());
    pks.clauses = [
        Clause::RightsAndObligations,
        Clause::Term,
        Clause::DisputeSettlement,
        Clause::Sanctions,
    ]
    .into();
    let dinas = || opd(s, "Dinas Kesehatan");
    Scenario {
        case: "C08".into(),
        steps: vec![
            step(
                clerk(s),
                date!(2021, 7, 1),
                Command::Register {
                    spec: Box::new(spec),
                },
            ),
            step(dinas(), date!(2021, 7, 1), Command::StartPreparation),
            step(
                dinas(),
                date!(2021, 7, 15),
                Command::FileMapping {
                    mapping: AffairsMapping {
                        region: s,
                        urusan: vec![Urusan::Kesehatan],
                        potentials: vec!["RSUD rujukan regional".into()],
                        needs: vec!["rujukan spesialis di luar kapasitas RSUD".into()],
                        reported_on: None,
                    },
                },
            ),
            step(
                dinas(),
                date!(2021, 8, 20),
                Command::SubmitFeasibilityStudy {
                    study: FeasibilityStudy {
                        author: PartyId::Region(s),
                        title: "Studi kelayakan layanan rujukan".into(),
                        completed_on: date!(2021, 8, 20),
                        conclusion: Feasibility::Feasible,
                    },
                },
            ),
            step(clerk(s), date!(2021, 8, 23), attest()),
            step(tkksd(s), date!(2021, 8, 25), review(ReviewPoint::Offer)),
            step(
                clerk(s),
                date!(2021, 8, 25),
                gate(s, false, "dianggarkan dalam APBD 2021 Dinas Kesehatan"),
            ),
            step(head(s), date!(2021, 9, 1), offer("445/21/DINKES/2021", s)),
            step(
                Actor::new(Role::ThirdParty, third, "PT Rumah Sakit Ajatappareng Sehat"),
                date!(2021, 9, 10),
                Command::AcceptOffer,
            ),
            step(dinas(), date!(2021, 9, 13), Command::StartKbDrafting),
            step(tkksd(s), date!(2021, 9, 27), review(ReviewPoint::KbSigning)),
            step(
                clerk(s),
                date!(2021, 10, 4),
                Command::SignKb { document: kb },
            ),
            step(dinas(), date!(2021, 10, 5), Command::StartPksDrafting),
            step(
                tkksd(s),
                date!(2021, 11, 1),
                review(ReviewPoint::PksSigning),
            ),
            step(
                clerk(s),
                date!(2021, 11, 15),
                Command::SignPks { document: pks },
            ),
            step(clerk(s), date!(2021, 11, 15), Command::EnterIntoForce),
            step(
                dinas(),
                date!(2024, 3, 28),
                evaluate(
                    &[PartyId::Region(s), third_id],
                    date!(2023, 11, 15),
                    date!(2024, 3, 28),
                    "PPKSD Dinas Kesehatan",
                ),
            ),
        ],
    }
}

/// C02 (real KB, synthetic rest): strategic food with Kota Palopo (KSDD sukarela, not
/// bordering). The KB of Wednesday 3 April 2024 was signed by the Pj Sekda of Sidrap and the
/// Sekda of Palopo: a KSD-DOC-07 warning under the default policy. Ends in PKS drafting.
pub fn c02_food() -> Scenario {
    let (s, plp) = (sidrap(), palopo());
    let spec = spec(
        2,
        "Ketersediaan pangan strategis dan informasi harga",
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Sukarela),
        },
        vec![region(s), region(plp)],
        object(
            "Pasokan beras dan telur, informasi harga dan stok",
            vec![Urusan::Pangan, Urusan::Perdagangan],
            "RKPD Sidrap 2024: pengendalian inflasi (fiktif)",
        ),
    );
    let mut pj_sekda = official_signs(s, "Pj Sekretaris Daerah", SignatoryCapacity::Sekda);
    pj_sekda.acting = true;
    let mut kb = document(
        "KB-PANGAN-2024",
        DocumentKind::Kb,
        "Kesepakatan Bersama pangan strategis",
        date!(2024, 4, 3),
        vec![
            pj_sekda,
            official_signs(plp, "Sekretaris Daerah", SignatoryCapacity::Sekda),
        ],
    );
    kb.term = Term::years(date!(2024, 4, 3), 5);
    let budgeted = "tanpa beban APBD baru (pertukaran informasi)";
    Scenario {
        case: "C02".into(),
        steps: vec![
            step(
                clerk(s),
                date!(2024, 2, 1),
                Command::Register {
                    spec: Box::new(spec),
                },
            ),
            step(
                opd(s, "Dinas Ketahanan Pangan"),
                date!(2024, 2, 1),
                Command::StartPreparation,
            ),
            step(clerk(s), date!(2024, 2, 5), attest()),
            step(tkksd(s), date!(2024, 2, 8), review(ReviewPoint::Offer)),
            step(head(s), date!(2024, 2, 20), offer("500/07/PANGAN/2024", s)),
            step(head(plp), date!(2024, 3, 4), Command::AcceptOffer),
            step(
                opd(s, "Dinas Ketahanan Pangan"),
                date!(2024, 3, 5),
                Command::StartKbDrafting,
            ),
            step(tkksd(s), date!(2024, 3, 25), review(ReviewPoint::KbSigning)),
            step(
                clerk(s),
                date!(2024, 4, 3),
                Command::SignKb { document: kb },
            ),
            step(clerk(s), date!(2024, 4, 5), gate(s, false, budgeted)),
            step(clerk(plp), date!(2024, 4, 5), gate(plp, false, budgeted)),
            step(
                opd(s, "Dinas Ketahanan Pangan"),
                date!(2024, 4, 10),
                Command::StartPksDrafting,
            ),
        ],
    }
}

/// C01 (real KB, synthetic rest): marketing of fishery, livestock and farm produce with
/// Kabupaten Muna Barat (KSDD sukarela, cross-province): one KB and three PKS between dinas
/// of both sides, signed under surat kuasa on 2023-03-10; PKS for 2 years.
pub fn c01_commodities() -> Scenario {
    let (s, mb) = (sidrap(), muna_barat());
    let spec = spec(
        1,
        "Perdagangan komoditas unggulan Sidrap–Muna Barat",
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Sukarela),
        },
        vec![region(s), region(mb)],
        object(
            "Pemasaran hasil perikanan, peternakan dan pertanian",
            vec![Urusan::KelautanPerikanan, Urusan::Pertanian, Urusan::Pangan],
            "RPJMD Sidrap 2019–2023 misi 3 (fiktif)",
        ),
    );
    let mut kb = document(
        "KB-KOMODITAS-2023",
        DocumentKind::Kb,
        "Kesepakatan Bersama komoditas unggulan",
        date!(2023, 3, 10),
        vec![head_signs(s), head_signs(mb)],
    );
    kb.term = Term::years(date!(2023, 3, 10), 5);
    let pks = |n: u8, dinas: &str| {
        let signer = |code| {
            with_kuasa(
                official_signs(code, dinas, SignatoryCapacity::KepalaOpd),
                &format!("SK-{n}/2023"),
                date!(2023, 3, 6),
            )
        };
        let mut doc = document(
            &format!("PKS-KOMODITAS-{n}"),
            DocumentKind::Pks,
            &format!("PKS {dinas}"),
            date!(2023, 3, 10),
            vec![signer(s), signer(mb)],
        );
        doc.term = Term::years(date!(2023, 3, 10), 2);
        doc.under_kb = Some(kb.id.clone());
        Command::SignPks { document: doc }
    };
    let (p1, p2, p3) = (
        pks(1, "Kepala Dinas Perikanan"),
        pks(2, "Kepala Dinas Peternakan"),
        pks(3, "Kepala Dinas Pertanian"),
    );
    let budgeted = "dibiayai dari DPA dinas masing-masing";
    Scenario {
        case: "C01".into(),
        steps: vec![
            step(
                clerk(s),
                date!(2022, 11, 1),
                Command::Register {
                    spec: Box::new(spec),
                },
            ),
            step(
                opd(s, "Dinas Perdagangan"),
                date!(2022, 11, 1),
                Command::StartPreparation,
            ),
            step(clerk(s), date!(2022, 11, 7), attest()),
            step(tkksd(s), date!(2022, 11, 10), review(ReviewPoint::Offer)),
            step(head(s), date!(2022, 11, 21), offer("500/31/PERDAG/2022", s)),
            step(head(mb), date!(2023, 1, 9), Command::AcceptOffer),
            step(
                opd(s, "Dinas Perdagangan"),
                date!(2023, 1, 10),
                Command::StartKbDrafting,
            ),
            step(tkksd(s), date!(2023, 2, 20), review(ReviewPoint::KbSigning)),
            step(
                clerk(s),
                date!(2023, 3, 10),
                Command::SignKb { document: kb },
            ),
            step(clerk(s), date!(2023, 3, 10), gate(s, false, budgeted)),
            step(clerk(mb), date!(2023, 3, 10), gate(mb, false, budgeted)),
            step(
                opd(s, "Dinas Perdagangan"),
                date!(2023, 3, 10),
                Command::StartPksDrafting,
            ),
            step(
                tkksd(s),
                date!(2023, 3, 10),
                review(ReviewPoint::PksSigning),
            ),
            step(clerk(s), date!(2023, 3, 10), p1),
            step(clerk(s), date!(2023, 3, 10), p2),
            step(clerk(s), date!(2023, 3, 10), p3),
            step(clerk(s), date!(2023, 3, 10), Command::EnterIntoForce),
            step(
                opd(s, "Dinas Perdagangan"),
                date!(2024, 5, 20),
                evaluate(
                    &[s.into(), mb.into()],
                    date!(2023, 9, 10),
                    date!(2024, 5, 20),
                    "PPKSD Dinas Perdagangan",
                ),
            ),
        ],
    }
}

/// C03 (real visit, synthetic record): rice supply with Kabupaten Kutai Barat, still in
/// preparation after the exploration visit of 2024-02-21.
pub fn c03_rice() -> Scenario {
    let (s, kb) = (sidrap(), kutai_barat());
    let spec = spec(
        3,
        "Ketersediaan beras Sidrap–Kutai Barat",
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Sukarela),
        },
        vec![region(s), region(kb)],
        object(
            "Pasokan beras",
            vec![Urusan::Pangan],
            "RKPD Sidrap 2024: ketahanan pangan (fiktif)",
        ),
    );
    Scenario {
        case: "C03".into(),
        steps: vec![
            step(
                clerk(s),
                date!(2024, 2, 21),
                Command::Register {
                    spec: Box::new(spec),
                },
            ),
            step(
                opd(s, "Dinas Ketahanan Pangan"),
                date!(2024, 2, 21),
                Command::StartPreparation,
            ),
        ],
    }
}

/// C07 (synthetic): regional drinking water (SPAM regional) with Pinrang and the province,
/// a kerja sama wajib at national-level coordination since 2024-03-18; proposed 20 years
/// (a KSD-TERM-05 warning unless a sector override is configured).
pub fn c07_water() -> Scenario {
    let (s, pin, prov) = (sidrap(), pinrang(), sulsel());
    let mut object = object(
        "SPAM regional",
        vec![Urusan::PekerjaanUmumPenataanRuang],
        "RPJMD Sidrap 2024–2026: air minum (fiktif)",
    );
    object.cross_border_externality = true;
    object.joint_efficiency_rationale =
        "satu sistem penyediaan air minum regional untuk sumber air bersama".into();
    let mut spec = spec(
        7,
        "SPAM Regional Sidrap–Pinrang–Sulawesi Selatan",
        CooperationKind::Ksdd {
            category: Some(KsddCategory::Wajib),
        },
        vec![region(s), region(pin), region(prov)],
        object,
    );
    spec.proposed_term_years = Some(20);
    let mapping = |code: KodeWilayah| Command::FileMapping {
        mapping: AffairsMapping {
            region: code,
            urusan: vec![Urusan::PekerjaanUmumPenataanRuang],
            potentials: vec!["sumber air baku".into()],
            needs: Vec::new(),
            reported_on: None,
        },
    };
    Scenario {
        case: "C07".into(),
        steps: vec![
            step(
                clerk(s),
                date!(2023, 11, 1),
                Command::Register {
                    spec: Box::new(spec),
                },
            ),
            step(clerk(s), date!(2023, 11, 1), Command::BeginWajibProcedure),
            step(opd(s, "Dinas PUPR"), date!(2023, 12, 4), mapping(s)),
            step(opd(pin, "Dinas PUPR"), date!(2023, 12, 6), mapping(pin)),
            step(
                opd(prov, "Dinas SDA, Cipta Karya dan Tata Ruang"),
                date!(2024, 1, 15),
                mapping(prov),
            ),
            step(
                Actor::central(Role::Minister, "Kementerian Dalam Negeri"),
                date!(2024, 3, 18),
                Command::HoldTechnicalCoordination {
                    level: CoordinationLevel::National,
                },
            ),
        ],
    }
}

/// Kota Tarakan, 65.71.
pub fn tarakan() -> KodeWilayah {
    SampleRegion::Tarakan.code()
}
/// Kabupaten Enrekang, 73.16.
pub fn enrekang() -> KodeWilayah {
    SampleRegion::Enrekang.code()
}
/// Kota Tomohon, 71.73.
pub fn tomohon() -> KodeWilayah {
    SampleRegion::Tomohon.code()
}

/// A KSDD sukarela script from registration to a signed KB, and on to in force when a PKS
/// is given.
fn sukarela(
    (case, id, title): (&str, u128, &str),
    codes: &[KodeWilayah],
    urusan: Vec<Urusan>,
    (kb, pks): (Document, Option<Document>),
    start: NaiveDate,
) -> Scenario {
    let s = sidrap();
    let kind = CooperationKind::Ksdd {
        category: Some(KsddCategory::Sukarela),
    };
    let parties = codes.iter().map(|c| region(*c)).collect();
    let spec = spec(
        id,
        title,
        kind,
        parties,
        object(title, urusan, "RPJMD Sidrap 2025–2029 (fiktif)"),
    );
    let signed = kb.signed_on;
    let dinas = || opd(s, "Dinas Ketahanan Pangan");
    let mut steps = vec![
        step(
            clerk(s),
            start,
            Command::Register {
                spec: Box::new(spec),
            },
        ),
        step(dinas(), start, Command::StartPreparation),
        step(clerk(s), start, attest()),
        step(tkksd(s), start, review(ReviewPoint::Offer)),
        step(head(s), start, offer(&format!("500/{case}/2025"), s)),
    ];
    steps.extend(
        codes
            .iter()
            .filter(|c| **c != s)
            .map(|c| step(head(*c), start, Command::AcceptOffer)),
    );
    steps.push(step(dinas(), start, Command::StartKbDrafting));
    steps.push(step(tkksd(s), start, review(ReviewPoint::KbSigning)));
    steps.push(step(clerk(s), signed, Command::SignKb { document: kb }));
    steps.extend(codes.iter().map(|c| {
        step(
            clerk(*c),
            signed,
            gate(*c, false, "dibiayai DPA dinas masing-masing"),
        )
    }));
    steps.push(step(dinas(), signed, Command::StartPksDrafting));
    if let Some(pks) = pks {
        let on = pks.signed_on;
        steps.push(step(tkksd(s), on, review(ReviewPoint::PksSigning)));
        steps.push(step(clerk(s), on, Command::SignPks { document: pks }));
        steps.push(step(clerk(s), on, Command::EnterIntoForce));
    }
    Scenario {
        case: case.to_owned(),
        steps,
    }
}

/// C04 (real KB, fixture PKS): trade in rice, maize and freshwater fish between Tarakan,
/// Sidrap, Enrekang and Pinrang (KSDD sukarela, cross-province, four parties). The KB of
/// Wednesday 9 July 2025 was reported as signed by the Bupati of Sidrap and the Wali Kota of
/// Tarakan; the fixture has all four heads sign it, and one four-party PKS of 5 years.
/// Everything happens after 2024-08-14, so the evaluation of that day excludes it.
pub fn c04_trade() -> Scenario {
    let codes = [tarakan(), sidrap(), enrekang(), pinrang()];
    let heads: Vec<Signatory> = codes.iter().map(|c| head_signs(*c)).collect();
    let mut kb = document(
        "KB-TARAKAN-2025",
        DocumentKind::Kb,
        "Kesepakatan Bersama perdagangan antardaerah",
        date!(2025, 7, 9),
        heads.clone(),
    );
    kb.term = Term::years(date!(2025, 7, 9), 5);
    let mut pks = document(
        "PKS-TARAKAN-2025",
        DocumentKind::Pks,
        "PKS perdagangan beras, jagung dan ikan air tawar",
        date!(2025, 9, 9),
        heads,
    );
    pks.term = Term::years(date!(2025, 9, 9), 5);
    pks.under_kb = Some(kb.id.clone());
    let urusan = vec![Urusan::Perdagangan, Urusan::Pangan];
    sukarela(
        ("C04", 4, "Perdagangan beras, jagung dan ikan air tawar"),
        &codes,
        urusan,
        (kb, Some(pks)),
        date!(2025, 5, 5),
    )
}

/// C05 (real KB): food security with Kota Tomohon, KB signed on Thursday 17 July 2025 by the
/// Sidrap Asisten Administrasi Umum and the Tomohon Asisten Perekonomian dan Pembangunan:
/// neither is a head (a KSD-DOC-07 warning). After 2024-08-14.
pub fn c05_food_security() -> Scenario {
    let (s, t) = (sidrap(), tomohon());
    let signatories = vec![
        official_signs(s, "Asisten Administrasi Umum", SignatoryCapacity::Asisten),
        official_signs(
            t,
            "Asisten Perekonomian dan Pembangunan",
            SignatoryCapacity::Asisten,
        ),
    ];
    let mut kb = document(
        "KB-TOMOHON-2025",
        DocumentKind::Kb,
        "Kesepakatan Bersama ketahanan pangan",
        date!(2025, 7, 17),
        signatories,
    );
    kb.term = Term::years(date!(2025, 7, 17), 5);
    sukarela(
        ("C05", 5, "Ketahanan pangan dan pengendalian inflasi"),
        &[s, t],
        vec![Urusan::Pangan],
        (kb, None),
        date!(2025, 6, 2),
    )
}

/// Every scripted case, in case order. C10 (a PKS of 2016 under the legacy regime) is not
/// scripted, the legacy rule set not being built; its term is [`c10_legacy_pks_term`].
pub fn cases() -> Vec<Scenario> {
    vec![
        c01_commodities(),
        c02_food(),
        c03_rice(),
        c04_trade(),
        c05_food_security(),
        c06_landfill(),
        c07_water(),
        c08_referral(),
        c09_tourism(),
    ]
}

/// C10: the lake fisheries PKS with Wajo signed 2016-12-12 for 10 years (legacy regime).
pub fn c10_legacy_pks_term() -> Term {
    Term {
        starts_on: date!(2016, 12, 12),
        ends_on: date!(2026, 12, 11),
    }
}
