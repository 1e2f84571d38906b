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

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::RuleSet;
use crate::lifecycle::{Command, Cooperation, CooperationSpec, CooperationSpecBuilder, Rejection};
use crate::model::*;

pub use crate::lifecycle::Step;

/// A case of RULES.md §13.2 as a command script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
#[non_exhaustive]
pub struct Scenario {
    /// Case id, e.g. `C06`.
    pub case: String,
    /// The steps, in order.
    pub steps: Vec<Step>,
}
crate::serde_shape::map_shaped!(Scenario);

impl Scenario {
    /// A script of `steps` for the case `case`.
    ///
    /// ```
    /// use kerjasama::law::RuleSet;
    /// use kerjasama::lifecycle::Stage;
    /// use kerjasama::sample::{self, Scenario};
    /// let registration = sample::c02_food().steps.into_iter().take(1).collect();
    /// let script = Scenario::new("C02-registration", registration);
    /// assert_eq!(script.run(&RuleSet::current())?.stage(), Stage::Draft);
    /// # Ok::<(), kerjasama::sample::StepRefused>(())
    /// ```
    pub fn new(case: impl Into<String>, steps: Vec<Step>) -> Self {
        Scenario {
            case: case.into(),
            steps,
        }
    }
}

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

    /// The rule set the registry picks for the scenario's first date (KSD-TRANS-01): the
    /// current one for a case of 2018 or later, the legacy one (PP 50/2007) for C10.
    ///
    /// ```
    /// use kerjasama::law::RuleSetId;
    /// use kerjasama::sample;
    /// assert_eq!(sample::c06_landfill().rules()?.reference.id, RuleSetId::Current);
    /// assert_eq!(sample::c10_legacy().rules()?.reference.id, RuleSetId::Pp50_2007);
    /// # Ok::<(), kerjasama::sample::StepRefused>(())
    /// ```
    pub fn rules(&self) -> Result<RuleSet, StepRefused> {
        let Some(first) = self.steps.first() else {
            return Ok(RuleSet::current());
        };
        crate::law::RuleSetRegistry::standard()
            .for_date(first.on)
            .map(|version| version.with_policy(crate::law::Policy::default()))
            .map_err(|error| StepRefused {
                case: self.case.clone(),
                index: 0,
                rejection: Rejection::InvalidInput {
                    field: "on".into(),
                    message: error.to_string(),
                    rule: Some(crate::law::KSD_TRANS_01),
                },
            })
    }

    /// Records every step into an audit log under the rule set the registry picks for the
    /// scenario's first date ([`Scenario::rules`]), with deterministic ids
    /// ([`crate::audit::SequentialIds`]) and recording times (the legal date at 09:00 UTC
    /// plus a minute per step).
    pub fn record_log(&self) -> Result<Vec<crate::audit::Envelope>, StepRefused> {
        let rules = self.rules()?;
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
    /// Kabupaten Wajo, 73.13 (case C10, the legacy PKS).
    Wajo,
}

impl SampleRegion {
    /// Every sample region, in the order above.
    pub const ALL: [SampleRegion; 11] = [
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
        SampleRegion::Wajo,
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
            SampleRegion::Wajo => kode!(73, 13),
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
            SampleRegion::Wajo => "Kabupaten Wajo",
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
    Party::region(code, region_name(code))
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
    Signatory::official(
        code,
        format!("{office} (fiktif)"),
        format!("{office} {}", region_name(code)),
        capacity,
    )
}

/// A signed document with one number per signatory in its own register (KSD-DOC-08).
///
/// Nothing is checked (a blank title or no signatory is kept as given): tests build invalid
/// documents with it to see the law refuse them. [`Document::kb`] and its siblings check.
pub fn document(
    id: &str,
    kind: DocumentKind,
    title: &str,
    signed_on: NaiveDate,
    signatories: Vec<Signatory>,
) -> Document {
    numbered(
        Document::builder(kind, id, signed_on).title(title),
        signatories,
        id,
    )
    .build_unchecked()
}

/// Adds `signatories` and one number per signatory, `{id}/{n}`, in the signatory's register.
fn numbered(builder: DocumentBuilder, signatories: Vec<Signatory>, id: &str) -> DocumentBuilder {
    let mut builder = builder;
    for (i, signatory) in signatories.iter().enumerate() {
        builder = builder.number(signatory.party.clone(), format!("{id}/{}", i + 1));
    }
    builder.signatories(signatories)
}

fn step(actor: Actor, on: NaiveDate, command: Command) -> Step {
    Step::new(actor, on, command)
}

/// The script of a case, built with the public builders. The sample's data is constant and
/// valid (tests/samples.rs runs every case); if a builder ever refused it, the case would
/// have no step rather than panic.
fn scripted(case: &str, steps: impl FnOnce() -> Result<Vec<Step>, BuildError>) -> Scenario {
    Scenario::new(case, steps().unwrap_or_default())
}

/// A TKKSD review recommending to proceed (KSD-STAGE-04).
pub fn review(point: ReviewPoint) -> Command {
    Command::RecordTkksdReview {
        review: TkksdReview::new(point, Recommendation::Proceed)
            .with_minutes(format!("BA TKKSD {point:?}")),
    }
}

/// A fixture evaluation (RULES.md §13.2) of the half-year before `on`, every party compliant.
fn evaluate(parties: &[PartyId], from: NaiveDate, on: NaiveDate, evaluator: &str) -> Command {
    Command::RecordEvaluation {
        evaluation: Evaluation::new(from, on, evaluator, EvaluationOutcome::Continue)
            .with_progress("sesuai rencana kerja")
            .with_benefits("manfaat sesuai tujuan kerja sama")
            .with_compliance(
                parties
                    .iter()
                    .map(|party| PartyCompliance::new(party.clone(), true)),
            ),
    }
}

/// The lawfulness attestation of KSD-OBJ-04 by the legal section.
pub fn attest() -> Command {
    Command::AttestLawfulness {
        attestation: LawfulnessAttestation::new(
            "Bagian Hukum Setda Sidrap",
            "tidak bertentangan dengan kesusilaan, ketertiban umum, kepentingan nasional, dan peraturan",
        ),
    }
}

fn gate(region: KodeWilayah, not_budgeted: bool, justification: &str) -> Command {
    Command::AssessDprdGate {
        region,
        gate: DprdGate::not_required(justification).with_not_budgeted(not_budgeted),
    }
}

fn offer(number: &str, from: KodeWilayah) -> Command {
    Command::SendOffer {
        letter: OfferLetter::new(number, head_signs(from))
            .with_kak_attached(true)
            .with_draft_kb_attached(true),
    }
}

/// A spec of the sample: `case` in its id, initiated by Sidrap, with the bundled border data.
fn spec(
    case: u128,
    title: &str,
    kind: CooperationKind,
    parties: Vec<Party>,
    object: CooperationObject,
) -> CooperationSpecBuilder {
    CooperationSpec::builder()
        .id(uuid::Uuid::from_u128(
            0x0190_0000_0000_7000_8000_0000_0000_0000 | case,
        ))
        .title(title)
        .kind(kind)
        .parties(parties)
        .initiator(sidrap())
        .object(object)
        .borders(&BorderTable::sulawesi_selatan_sample())
}

/// C06 (synthetic): the Sidrap–Parepare–Pinrang regional landfill (TPA regional) with a
/// tipping fee, a kerja sama wajib, from mapping to in force and a secretariat.
pub fn c06_landfill() -> Scenario {
    scripted("C06", || {
        let (s, pp, pin) = (sidrap(), parepare(), pinrang());
        let object = CooperationObject::in_plan(
            "TPA regional Sidrap–Parepare–Pinrang dengan tipping fee",
            [Urusan::LingkunganHidup],
            "RPJMD Sidrap 2019–2023 misi 4 (fiktif)",
        )
        .with_cross_border_externality(true)
        .with_joint_efficiency_rationale(
            "satu TPA regional lebih efisien daripada tiga TPA terpisah",
        );
        let spec = [s, pp, pin]
            .into_iter()
            .fold(
                spec(
                    6,
                    "TPA Regional Sidrap–Parepare–Pinrang",
                    CooperationKind::Ksdd {
                        category: Some(KsddCategory::Wajib),
                    },
                    vec![region(s), region(pp), region(pin)],
                    object,
                )
                .lead_opd("Dinas Lingkungan Hidup"),
                |spec, code| {
                    spec.funding(Funding::new(
                        code,
                        Rupiah(1_500_000_000),
                        FundingSource::Apbd,
                    ))
                },
            )
            .build()?;
        let mapping = |code: KodeWilayah| Command::FileMapping {
            mapping: AffairsMapping::new(code, [Urusan::LingkunganHidup])
                .with_potentials(["timbulan sampah lintas batas"])
                .with_needs(["TPA berstandar sanitary landfill"]),
        };
        let heads = vec![head_signs(s), head_signs(pp), head_signs(pin)];
        let kb = numbered(
            Document::kb("KB-TPA-2023", date!(2023, 2, 15))
                .title("Kesepakatan Bersama TPA Regional")
                .term_years(5),
            heads.clone(),
            "KB-TPA-2023",
        )
        .build()?;
        let heads_agreement = numbered(
            Document::heads_agreement("HA-TPA-2023", date!(2023, 1, 12))
                .title("Kesepakatan hasil koordinasi teknis"),
            heads,
            "HA-TPA-2023",
        )
        .build()?;
        let kuasa = |code: KodeWilayah, n: &str| {
            official_signs(
                code,
                "Kepala Dinas Lingkungan Hidup",
                SignatoryCapacity::KepalaOpd,
            )
            .with_kuasa_from(n, date!(2023, 6, 26), head_title(code))
        };
        let pks = numbered(
            Document::pks("PKS-TPA-2023", date!(2023, 7, 3))
                .title("Perjanjian Kerja Sama Pengelolaan TPA Regional")
                .term_years(5)
                .under_kb(kb.id.clone())
                .clauses([
                    Clause::RightsAndObligations,
                    Clause::Term,
                    Clause::DisputeSettlement,
                    Clause::Financing,
                ]),
            vec![
                kuasa(s, "SK-01/2023"),
                kuasa(pp, "SK-07/2023"),
                kuasa(pin, "SK-03/2023"),
            ],
            "PKS-TPA-2023",
        )
        .build()?;
        let not_budgeted = "tipping fee belum dianggarkan dalam APBD 2023";
        Ok(vec![
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
                    document: heads_agreement,
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
        ])
    })
}

fn pt_wisata() -> ThirdParty {
    ThirdParty::new(
        "pt-wisata-danau-sidenreng",
        "PT Wisata Danau Sidenreng (fiktif)",
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::PrivateCompany,
        },
    )
}

fn pt_rumah_sakit() -> ThirdParty {
    ThirdParty::new(
        "pt-rs-ajatappareng-sehat",
        "PT Rumah Sakit Ajatappareng Sehat (fiktif)",
        ThirdPartyKind::LegalEntityBusiness {
            entity: BusinessEntity::PrivateCompany,
        },
    )
}

fn representative(third: &ThirdParty) -> Signatory {
    Signatory::representative(
        third.party_id(),
        "Direktur Utama (fiktif)",
        format!("Direktur Utama {}", third.name),
        "Akta pendirian dan SK pengangkatan direksi",
    )
}

/// C09 (synthetic): PT Wisata Danau Sidenreng's own proposal for lakeside tourism on regional
/// land (KSDPK type (b), third-party initiative), as recorded by 2024-08-14: proposal received
/// with the company's feasibility study; criteria assessment pending (KSD-PK-05).
pub fn c09_tourism() -> Scenario {
    scripted("C09", || {
        let s = sidrap();
        let company = pt_wisata();
        let party = company.party_id();
        let spec = spec(
            9,
            "Wisata tepi Danau Sidenreng",
            CooperationKind::Ksdpk {
                ksdpk_type: KsdpkType::AssetUtilisation,
                initiative: Initiative::ThirdParty,
                type_description: None,
            },
            vec![region(s), Party::third_party(company)],
            CooperationObject::in_plan(
                "Pengembangan wisata tepi danau di atas tanah milik daerah",
                [Urusan::Pariwisata],
                "RPJMD Sidrap 2024–2026: pariwisata (fiktif)",
            ),
        )
        .initiator(party.clone())
        .proposed_term_years(10)
        .sectoral_regime("pemanfaatan barang milik daerah (regional-asset utilisation)")
        .lead_opd("Dinas Pariwisata")
        .build()?;
        Ok(vec![
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
                    study: FeasibilityStudy::new(
                        party,
                        "Studi kelayakan wisata tepi Danau Sidenreng",
                        date!(2024, 6, 20),
                        Feasibility::Feasible,
                    ),
                },
            ),
        ])
    })
}

/// C08 (synthetic): patient referral services with PT Rumah Sakit Ajatappareng Sehat
/// (KSDPK type (a), region initiative): PKS of 2021-11-15 for 3 years, no DPRD approval
/// needed (budgeted), signed by the head of the Dinas Kesehatan under surat kuasa.
pub fn c08_referral() -> Scenario {
    scripted("C08", || {
        let s = sidrap();
        let company = pt_rumah_sakit();
        let third = company.party_id();
        let third_id = third.clone();
        let rep = representative(&company);
        let spec = spec(
            8,
            "Layanan rujukan pasien",
            CooperationKind::Ksdpk {
                ksdpk_type: KsdpkType::PublicService,
                initiative: Initiative::Region,
                type_description: None,
            },
            vec![region(s), Party::third_party(company)],
            CooperationObject::in_plan(
                "Layanan rujukan pasien",
                [Urusan::Kesehatan],
                "RPJMD Sidrap 2019–2023 misi 2 (fiktif)",
            ),
        )
        .lead_opd("Dinas Kesehatan")
        .build()?;
        let kb = numbered(
            Document::kb("KB-RUJUKAN-2021", date!(2021, 10, 4))
                .title("Kesepakatan Bersama layanan rujukan")
                .term_years(3),
            vec![head_signs(s), rep.clone()],
            "KB-RUJUKAN-2021",
        )
        .build()?;
        let dinkes = official_signs(s, "Kepala Dinas Kesehatan", SignatoryCapacity::KepalaOpd)
            .with_kuasa_from("SK-11/2021", date!(2021, 11, 8), head_title(s));
        let pks = numbered(
            Document::pks("PKS-RUJUKAN-2021", date!(2021, 11, 15))
                .title("Perjanjian Kerja Sama layanan rujukan")
                .term_years(3)
                .under_kb(kb.id.clone())
                .clauses([
                    Clause::RightsAndObligations,
                    Clause::Term,
                    Clause::DisputeSettlement,
                    Clause::Sanctions,
                ]),
            vec![dinkes, rep],
            "PKS-RUJUKAN-2021",
        )
        .build()?;
        let dinas = || opd(s, "Dinas Kesehatan");
        Ok(vec![
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
                    mapping: AffairsMapping::new(s, [Urusan::Kesehatan])
                        .with_potentials(["RSUD rujukan regional"])
                        .with_needs(["rujukan spesialis di luar kapasitas RSUD"]),
                },
            ),
            step(
                dinas(),
                date!(2021, 8, 20),
                Command::SubmitFeasibilityStudy {
                    study: FeasibilityStudy::new(
                        s,
                        "Studi kelayakan layanan rujukan",
                        date!(2021, 8, 20),
                        Feasibility::Feasible,
                    ),
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
        ])
    })
}

/// C02 (real KB, synthetic rest): strategic food with Kota Palopo (KSDD sukarela, not
/// bordering). The KB of Wednesday 3 April 2024 was signed by the Pj Sekda of Sidrap and the
/// Sekda of Palopo: a KSD-DOC-07 warning under the default policy. Ends in PKS drafting.
pub fn c02_food() -> Scenario {
    scripted("C02", || {
        let (s, plp) = (sidrap(), palopo());
        let spec = spec(
            2,
            "Ketersediaan pangan strategis dan informasi harga",
            CooperationKind::Ksdd {
                category: Some(KsddCategory::Sukarela),
            },
            vec![region(s), region(plp)],
            CooperationObject::in_plan(
                "Pasokan beras dan telur, informasi harga dan stok",
                [Urusan::Pangan, Urusan::Perdagangan],
                "RKPD Sidrap 2024: pengendalian inflasi (fiktif)",
            ),
        )
        .build()?;
        let pj_sekda =
            official_signs(s, "Pj Sekretaris Daerah", SignatoryCapacity::Sekda).as_acting();
        let kb = numbered(
            Document::kb("KB-PANGAN-2024", date!(2024, 4, 3))
                .title("Kesepakatan Bersama pangan strategis")
                .term_years(5),
            vec![
                pj_sekda,
                official_signs(plp, "Sekretaris Daerah", SignatoryCapacity::Sekda),
            ],
            "KB-PANGAN-2024",
        )
        .build()?;
        let budgeted = "tanpa beban APBD baru (pertukaran informasi)";
        Ok(vec![
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
        ])
    })
}

/// C01 (real KB, synthetic rest): marketing of fishery, livestock and farm produce with
/// Kabupaten Muna Barat (KSDD sukarela, cross-province): one KB and three PKS between dinas
/// of both sides, signed under surat kuasa on 2023-03-10; PKS for 2 years.
pub fn c01_commodities() -> Scenario {
    scripted("C01", || {
        let (s, mb) = (sidrap(), muna_barat());
        let spec = spec(
            1,
            "Perdagangan komoditas unggulan Sidrap–Muna Barat",
            CooperationKind::Ksdd {
                category: Some(KsddCategory::Sukarela),
            },
            vec![region(s), region(mb)],
            CooperationObject::in_plan(
                "Pemasaran hasil perikanan, peternakan dan pertanian",
                [Urusan::KelautanPerikanan, Urusan::Pertanian, Urusan::Pangan],
                "RPJMD Sidrap 2019–2023 misi 3 (fiktif)",
            ),
        )
        .build()?;
        let kb = numbered(
            Document::kb("KB-KOMODITAS-2023", date!(2023, 3, 10))
                .title("Kesepakatan Bersama komoditas unggulan")
                .term_years(5),
            vec![head_signs(s), head_signs(mb)],
            "KB-KOMODITAS-2023",
        )
        .build()?;
        let pks = |n: u8, dinas: &str| {
            let signer = |code| {
                official_signs(code, dinas, SignatoryCapacity::KepalaOpd).with_kuasa_from(
                    format!("SK-{n}/2023"),
                    date!(2023, 3, 6),
                    head_title(code),
                )
            };
            numbered(
                Document::pks(format!("PKS-KOMODITAS-{n}"), date!(2023, 3, 10))
                    .title(format!("PKS {dinas}"))
                    .term_years(2)
                    .under_kb(kb.id.clone()),
                vec![signer(s), signer(mb)],
                &format!("PKS-KOMODITAS-{n}"),
            )
            .build()
            .map(|document| Command::SignPks { document })
        };
        let (p1, p2, p3) = (
            pks(1, "Kepala Dinas Perikanan")?,
            pks(2, "Kepala Dinas Peternakan")?,
            pks(3, "Kepala Dinas Pertanian")?,
        );
        let budgeted = "dibiayai dari DPA dinas masing-masing";
        Ok(vec![
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
        ])
    })
}

/// C03 (real visit, synthetic record): rice supply with Kabupaten Kutai Barat, still in
/// preparation after the exploration visit of 2024-02-21.
pub fn c03_rice() -> Scenario {
    scripted("C03", || {
        let (s, kb) = (sidrap(), kutai_barat());
        let spec = spec(
            3,
            "Ketersediaan beras Sidrap–Kutai Barat",
            CooperationKind::Ksdd {
                category: Some(KsddCategory::Sukarela),
            },
            vec![region(s), region(kb)],
            CooperationObject::in_plan(
                "Pasokan beras",
                [Urusan::Pangan],
                "RKPD Sidrap 2024: ketahanan pangan (fiktif)",
            ),
        )
        .build()?;
        Ok(vec![
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
        ])
    })
}

/// C07 (synthetic): regional drinking water (SPAM regional) with Pinrang and the province,
/// a kerja sama wajib at national-level coordination since 2024-03-18; proposed 20 years
/// (a KSD-TERM-05 warning unless a sector override is configured).
pub fn c07_water() -> Scenario {
    scripted("C07", || {
        let (s, pin, prov) = (sidrap(), pinrang(), sulsel());
        let object = CooperationObject::in_plan(
            "SPAM regional",
            [Urusan::PekerjaanUmumPenataanRuang],
            "RPJMD Sidrap 2024–2026: air minum (fiktif)",
        )
        .with_cross_border_externality(true)
        .with_joint_efficiency_rationale(
            "satu sistem penyediaan air minum regional untuk sumber air bersama",
        );
        let spec = spec(
            7,
            "SPAM Regional Sidrap–Pinrang–Sulawesi Selatan",
            CooperationKind::Ksdd {
                category: Some(KsddCategory::Wajib),
            },
            vec![region(s), region(pin), region(prov)],
            object,
        )
        .proposed_term_years(20)
        .build()?;
        let mapping = |code: KodeWilayah| Command::FileMapping {
            mapping: AffairsMapping::new(code, [Urusan::PekerjaanUmumPenataanRuang])
                .with_potentials(["sumber air baku"]),
        };
        Ok(vec![
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
        ])
    })
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
) -> Result<Vec<Step>, BuildError> {
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
        CooperationObject::in_plan(title, urusan, "RPJMD Sidrap 2025–2029 (fiktif)"),
    )
    .build()?;
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
    Ok(steps)
}

/// C04 (real KB, fixture PKS): trade in rice, maize and freshwater fish between Tarakan,
/// Sidrap, Enrekang and Pinrang (KSDD sukarela, cross-province, four parties). The KB of
/// Wednesday 9 July 2025 was reported as signed by the Bupati of Sidrap and the Wali Kota of
/// Tarakan; the fixture has all four heads sign it, and one four-party PKS of 5 years.
/// Everything happens after 2024-08-14, so the evaluation of that day excludes it.
pub fn c04_trade() -> Scenario {
    scripted("C04", || {
        let codes = [tarakan(), sidrap(), enrekang(), pinrang()];
        let heads: Vec<Signatory> = codes.iter().map(|c| head_signs(*c)).collect();
        let kb = numbered(
            Document::kb("KB-TARAKAN-2025", date!(2025, 7, 9))
                .title("Kesepakatan Bersama perdagangan antardaerah")
                .term_years(5),
            heads.clone(),
            "KB-TARAKAN-2025",
        )
        .build()?;
        let pks = numbered(
            Document::pks("PKS-TARAKAN-2025", date!(2025, 9, 9))
                .title("PKS perdagangan beras, jagung dan ikan air tawar")
                .term_years(5)
                .under_kb(kb.id.clone()),
            heads,
            "PKS-TARAKAN-2025",
        )
        .build()?;
        let urusan = vec![Urusan::Perdagangan, Urusan::Pangan];
        sukarela(
            ("C04", 4, "Perdagangan beras, jagung dan ikan air tawar"),
            &codes,
            urusan,
            (kb, Some(pks)),
            date!(2025, 5, 5),
        )
    })
}

/// C05 (real KB): food security with Kota Tomohon, KB signed on Thursday 17 July 2025 by the
/// Sidrap Asisten Administrasi Umum and the Tomohon Asisten Perekonomian dan Pembangunan:
/// neither is a head (a KSD-DOC-07 warning). After 2024-08-14.
pub fn c05_food_security() -> Scenario {
    scripted("C05", || {
        let (s, t) = (sidrap(), tomohon());
        let signatories = vec![
            official_signs(s, "Asisten Administrasi Umum", SignatoryCapacity::Asisten),
            official_signs(
                t,
                "Asisten Perekonomian dan Pembangunan",
                SignatoryCapacity::Asisten,
            ),
        ];
        let kb = numbered(
            Document::kb("KB-TOMOHON-2025", date!(2025, 7, 17))
                .title("Kesepakatan Bersama ketahanan pangan")
                .term_years(5),
            signatories,
            "KB-TOMOHON-2025",
        )
        .build()?;
        sukarela(
            ("C05", 5, "Ketahanan pangan dan pengendalian inflasi"),
            &[s, t],
            vec![Urusan::Pangan],
            (kb, None),
            date!(2025, 6, 2),
        )
    })
}

/// Every scripted case of the current rule set, in case order. C10, the PKS of 2016 under
/// the legacy regime, is scripted as [`c10_legacy`] and listed in [`legacy_cases`], not here:
/// the callers of `cases()` run every case under [`RuleSet::current`].
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

/// Every scripted case of the legacy rule set (PP 50/2007): C10.
pub fn legacy_cases() -> Vec<Scenario> {
    vec![c10_legacy()]
}

/// Kabupaten Wajo, 73.13.
pub fn wajo() -> KodeWilayah {
    SampleRegion::Wajo.code()
}

/// C10 (synthetic): lake fisheries and water-hyacinth control of Danau Sidenreng–Tempe
/// between Sidrap and Wajo, a KSDD of the legacy regime (PP 50/2007; no wajib/sukarela
/// category), from the offer of March 2016 to the PKS of 2016-12-12 for 10 years (to
/// 2026-12-11), decided under [`RuleSet::legacy`].
///
/// It runs the DPRD timetable of PP 50/2007 Pasal 12 in working days: both DPRDs receive the
/// draft PKS on Monday 1 August 2016; Sidrap's approves on 15 September (within its 45 working
/// days); Wajo's finds it deficient and sends its opinion on 15 August (within 15 working
/// days, due 23 August), the Bupati of Wajo resubmits on 29 August (within 14, due 5
/// September), the DPRD stays silent through its 15 working days (to 20 September, Idul Adha
/// on the 12th not counting), and its deemed approval is recorded on 26 September. The PKS is
/// signed by the heads of both fisheries offices under surat kuasa (Pasal 7 huruf d), copies go
/// to the governor, the sector minister and each DPRD (Pasal 12 ayat (6)), a cooperation body
/// is set up (Pasal 24) and the change of Bupati of Wajo in 2019 ends nothing (Pasal 20).
/// Officials' names are fictional.
///
/// ```
/// use kerjasama::law::RuleSet;
/// use kerjasama::lifecycle::Stage;
/// let c10 = kerjasama::sample::c10_legacy().run(&RuleSet::legacy())?;
/// assert_eq!(c10.stage(), Stage::InForce);
/// assert_eq!(c10.governing_end(), Some(kerjasama::sample::c10_legacy_pks_term().ends_on));
/// # Ok::<(), kerjasama::sample::StepRefused>(())
/// ```
pub fn c10_legacy() -> Scenario {
    scripted("C10", || {
        let (s, w) = (sidrap(), wajo());
        let title = "Perikanan danau dan pengendalian eceng gondok Danau Sidenreng–Tempe";
        let spec = spec(
            10,
            title,
            CooperationKind::Ksdd { category: None },
            vec![region(s), region(w)],
            CooperationObject::in_plan(
                title,
                [Urusan::KelautanPerikanan, Urusan::LingkunganHidup],
                "RPJMD Sidrap 2013–2018 misi 3 (fiktif)",
            ),
        )
        .proposed_term_years(10)
        .lead_opd("Dinas Kelautan dan Perikanan")
        .build()?;
        let heads = vec![head_signs(s), head_signs(w)];
        let kb = numbered(
            Document::kb("KB-DANAU-2016", date!(2016, 5, 10))
                .title("Kesepakatan Bersama pengelolaan Danau Sidenreng–Tempe")
                .term_years(10),
            heads.clone(),
            "KB-DANAU-2016",
        )
        .build()?;
        let kuasa = |code: KodeWilayah, number: &str| {
            official_signs(
                code,
                "Kepala Dinas Kelautan dan Perikanan",
                SignatoryCapacity::KepalaOpd,
            )
            .with_kuasa(number, date!(2016, 12, 5))
        };
        let pks = numbered(
            Document::pks("PKS-DANAU-2016", date!(2016, 12, 12))
                .title("Perjanjian Kerja Sama perikanan danau dan pengendalian eceng gondok")
                .term_years(10)
                .under_kb(kb.id.clone())
                .clauses([
                    Clause::Subject,
                    Clause::Object,
                    Clause::Scope,
                    Clause::RightsAndObligations,
                    Clause::Term,
                    Clause::Termination,
                    Clause::ForceMajeure,
                    Clause::DisputeSettlement,
                    Clause::Financing,
                ]),
            vec![kuasa(s, "SK-14/2016"), kuasa(w, "SK-09/2016")],
            "PKS-DANAU-2016",
        )
        .build()?;
        let body_decision = numbered(
            Document::builder(DocumentKind::Other, "KEPBER-DANAU-2017", date!(2017, 2, 6))
                .title("Keputusan Bersama pembentukan Badan Kerja Sama Danau Sidenreng–Tempe"),
            heads.clone(),
            "KEPBER-DANAU-2017",
        )
        .build()?;
        let offer = Command::SendOffer {
            letter: OfferLetter::new("523/07/DKP/2016", head_signs(s))
                .with_kak_attached(true)
                .with_draft_kb_attached(true)
                .with_plan(CooperationPlan::new(
                    "biaya pembersihan eceng gondok Rp1,2 miliar per tahun; manfaat hasil tangkapan Rp3,4 miliar per tahun (fiktif)",
                    "RPJMD Sidrap 2013–2018 misi 3: ketahanan pangan dan lingkungan (fiktif)",
                ))
                .with_copies([
                    CopyRecipient::Governor,
                    CopyRecipient::Minister,
                    CopyRecipient::SectorMinister,
                    CopyRecipient::Dprd,
                ]),
        };
        let sidrap_gate = Command::AssessDprdGate {
            region: s,
            gate: DprdGate::not_budgeted(
                "biaya pembersihan danau belum dianggarkan dalam APBD 2016",
            )
            .with_burdens_community(true)
            .with_burdens_region(true),
        };
        let wajo_gate = Command::AssessDprdGate {
            region: w,
            gate: DprdGate::not_required(
                "dianggarkan dalam APBD 2016, tetapi memanfaatkan dermaga dan kawasan danau milik daerah",
            )
            .with_burdens_community(true)
            .with_burdens_region(true)
            .with_uses_regional_assets(true),
        };
        let copies = |code: KodeWilayah| {
            step(
                clerk(code),
                date!(2016, 12, 15),
                Command::RecordCopiesSent {
                    document: pks.id.clone(),
                    recipients: CopyRecipient::of_signed_pks(code.level()).to_vec(),
                },
            )
        };
        let dinas = || opd(s, "Dinas Kelautan dan Perikanan");
        Ok(vec![
            step(
                clerk(s),
                date!(2016, 3, 1),
                Command::Register {
                    spec: Box::new(spec),
                },
            ),
            step(dinas(), date!(2016, 3, 1), Command::StartPreparation),
            step(clerk(s), date!(2016, 3, 14), sidrap_gate),
            step(clerk(w), date!(2016, 3, 14), wajo_gate),
            step(head(s), date!(2016, 3, 21), offer),
            step(head(w), date!(2016, 4, 4), Command::AcceptOffer),
            step(dinas(), date!(2016, 4, 5), Command::StartKbDrafting),
            step(
                clerk(s),
                date!(2016, 5, 10),
                Command::SignKb { document: kb },
            ),
            step(dinas(), date!(2016, 5, 11), Command::StartPksDrafting),
            step(head(s), date!(2016, 8, 1), Command::SubmitToDprd),
            step(head(w), date!(2016, 8, 1), Command::SubmitToDprd),
            step(
                dprd(w),
                date!(2016, 8, 15),
                Command::RecordDprdOpinion {
                    reference: "Surat DPRD Wajo 170/45/DPRD/VIII/2016 (fiktif)".into(),
                },
            ),
            step(head(w), date!(2016, 8, 29), Command::ResubmitToDprd),
            step(
                dprd(s),
                date!(2016, 9, 15),
                Command::ApproveDprd {
                    reference: "Keputusan DPRD Sidrap 21/2016 (fiktif)".into(),
                },
            ),
            step(
                clerk(w),
                date!(2016, 9, 26),
                Command::RecordDeemedApproval { region: w },
            ),
            step(
                clerk(s),
                date!(2016, 12, 12),
                Command::SignPks {
                    document: pks.clone(),
                },
            ),
            copies(s),
            copies(w),
            step(clerk(s), date!(2016, 12, 19), Command::EnterIntoForce),
            step(
                head(s),
                date!(2017, 2, 6),
                Command::EstablishCooperationBody {
                    continuous: true,
                    decision: body_decision,
                },
            ),
            step(
                clerk(w),
                date!(2019, 2, 25),
                Command::RecordLeadershipChange {
                    party: PartyId::Region(w),
                    new_office_holder: "Bupati Wajo 2019–2024 (fiktif)".into(),
                },
            ),
        ])
    })
}

/// C10: the lake fisheries PKS with Wajo signed 2016-12-12 for 10 years (legacy regime).
pub fn c10_legacy_pks_term() -> Term {
    Term {
        starts_on: date!(2016, 12, 12),
        ends_on: date!(2026, 12, 11),
    }
}
