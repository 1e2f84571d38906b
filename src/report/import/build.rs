//! One row of a register made into the steps of a history (or a record outside PP 28/2018):
//! every cell read, every problem collected with its column, the steps put in the order of the
//! procedure. Auditing the steps is the caller's (`super::audit`).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::law::{KSD_OBJ_01, KSD_PK_06, KSD_TRANS_01, RuleId};
use crate::law::{RuleSetId, RuleSetRegistry, RuleSetVersion};
use crate::lifecycle::{Command, CommandKind, CooperationSpec, Step};
use crate::model::{
    Actor, AffairsMapping, BorderTable, CooperationId, CooperationKind, CooperationObject,
    CoordinationLevel, CopyRecipient, Document, DprdGate, Evaluation, EvaluationOutcome,
    FeasibilityStudy, Initiative, KodeWilayah, OffPlanReason, PartyId, Recommendation, ReviewPoint,
    Role, Signatory, TkksdReview, coordination_level,
};
use crate::report::OutsideReason;

use super::DateOrder;
use super::cells::{
    date, entries, first_token, groups, leading_date, looks_like_code, word, years,
};
use super::columns::Col;
use super::documents::{DocCells, read_kb, read_pks};
use super::parties::{NOT_A_PARTY, Outsider, Parties, split_ref};
use super::vocab::{
    Keyword, KindCell, StepEntry, feasibility, initiative, kind, outcome, step_entry, urusan,
};

/// A problem with one cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellError {
    pub(crate) col: Col,
    pub(crate) reason: String,
    pub(crate) rule: Option<RuleId>,
}

/// The cells of one row, by column (a column the file does not have reads as blank).
#[derive(Debug, Default)]
pub(crate) struct Row {
    pub(crate) cells: BTreeMap<Col, String>,
}

impl Row {
    pub(crate) fn get(&self, col: Col) -> &str {
        self.cells.get(&col).map_or("", |cell| cell.trim())
    }
}

/// What the import knows besides the row.
pub(crate) struct Context<'a> {
    pub(crate) home: KodeWilayah,
    pub(crate) order: DateOrder,
    pub(crate) borders: &'a BorderTable,
    pub(crate) known: Option<&'a std::collections::BTreeSet<KodeWilayah>>,
}

/// A step of the history and the column it was read from.
#[derive(Debug, Clone)]
pub(crate) struct Sourced {
    pub(crate) step: Step,
    pub(crate) col: Col,
}

/// A row, read.
#[derive(Debug)]
pub(crate) enum Built {
    /// A cooperation: its regime and its steps in the order of the procedure.
    Cooperation {
        regime: &'static RuleSetVersion,
        steps: Vec<Sourced>,
    },
    /// A record outside PP 28/2018.
    Outside {
        title: String,
        partners: Vec<String>,
        reason: OutsideReason,
        dated: Option<NaiveDate>,
    },
}

#[derive(Default)]
pub(super) struct Errors(pub(super) Vec<CellError>);

impl Errors {
    pub(super) fn push(&mut self, col: Col, reason: impl Into<String>) {
        self.push_rule(col, reason, None);
    }

    pub(super) fn push_rule(&mut self, col: Col, reason: impl Into<String>, rule: Option<RuleId>) {
        self.0.push(CellError {
            col,
            reason: reason.into(),
            rule,
        });
    }

    pub(super) fn take<T>(&mut self, col: Col, value: Result<T, String>) -> Option<T> {
        match value {
            Ok(value) => Some(value),
            Err(reason) => {
                self.push(col, reason);
                None
            }
        }
    }
}

/// Where a step goes in the procedure: its phase, then its date, then its rank within the
/// phase for steps of the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    Register,
    BeforeKb,
    Kb,
    Gates,
    Dprd,
    Pks,
    Copies,
    EnterIntoForce,
    InForce,
}

struct Planned {
    phase: Phase,
    on: NaiveDate,
    rank: u8,
    actor: Actor,
    command: Command,
    col: Col,
}

fn actor(role: Role, code: KodeWilayah, parties: &Parties) -> Actor {
    let name = parties.name_of(code);
    let office = match role {
        Role::Dprd => format!("DPRD {name}"),
        Role::KepalaDaerah => format!("Kepala Daerah {name}"),
        Role::Tkksd => format!("TKKSD {name}"),
        _ => format!("Bagian Kerja Sama {name}"),
    };
    Actor::new(role, code, office)
}

/// The stable id of an imported cooperation: derived from the home region and the register
/// number, so that importing the same register again gives the same ids.
fn cooperation_id(home: KodeWilayah, label: &str) -> CooperationId {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("kerjasama-import\u{1f}{home}\u{1f}{label}"));
    let mut bytes = [0u8; 16];
    for (slot, byte) in bytes.iter_mut().zip(digest.iter()) {
        *slot = *byte;
    }
    CooperationId(uuid::Builder::from_custom_bytes(bytes).into_uuid())
}

/// Reads a row: the steps of its history, or every problem found in its cells (a cell that
/// names a party is not blamed when the `pihak` cell is faulty itself).
pub(crate) fn build(row: &Row, label: &str, ctx: &Context<'_>) -> Result<Built, Vec<CellError>> {
    read(row, label, ctx).map_err(|errors| {
        if errors.iter().any(|e| e.col == Col::Parties) {
            errors
                .into_iter()
                .filter(|e| e.col == Col::Parties || !e.reason.ends_with(NOT_A_PARTY))
                .collect()
        } else {
            errors
        }
    })
}

fn read(row: &Row, label: &str, ctx: &Context<'_>) -> Result<Built, Vec<CellError>> {
    let mut errors = Errors::default();
    let order = ctx.order;
    let title = row.get(Col::Title).to_owned();
    if title.is_empty() {
        errors.push(Col::Title, "the title is blank (judul wajib diisi)");
    }
    let parties = Parties::read(
        row.get(Col::Parties),
        row.get(Col::PartnerCategory),
        ctx,
        &mut errors,
    );
    let initiative = errors
        .take(Col::Initiative, initiative(row.get(Col::Initiative)))
        .unwrap_or(Initiative::Region);
    let outside_by_partner = parties.outsiders.first().map(|(_, o)| match o {
        Outsider::Central => OutsideReason::CentralAgencyPartner,
        Outsider::Foreign => OutsideReason::ForeignPartner,
    });
    let kind_cell = kind(row.get(Col::Kind), initiative);
    let outside = match (&kind_cell, outside_by_partner) {
        (_, Some(reason)) => Some(reason),
        (Ok(KindCell::Outside(reason)), None) => Some(*reason),
        _ => None,
    };
    if let Some(reason) = outside {
        return outside_record(row, title, &parties, reason, order, errors);
    }
    let kind = match kind_cell {
        Ok(KindCell::Ksd(kind)) => Some(kind),
        Ok(KindCell::Outside(_)) => None,
        Err(reason) => {
            errors.push(Col::Kind, reason);
            None
        }
    };

    // The spec.
    let mut affairs = Vec::new();
    for entry in entries(row.get(Col::Urusan)) {
        if let Some(found) = errors.take(Col::Urusan, urusan(entry))
            && !affairs.contains(&found)
        {
            affairs.push(found);
        }
    }
    let object_title = match row.get(Col::Object) {
        "" => title.clone(),
        text => text.to_owned(),
    };
    let plan = row.get(Col::Plan);
    let mut object = match word(plan).as_str() {
        "darurat" | "emergency" => {
            CooperationObject::off_plan(&object_title, affairs.clone(), OffPlanReason::Emergency)
        }
        "psn" | "program_strategis_nasional" => CooperationObject::off_plan(
            &object_title,
            affairs.clone(),
            OffPlanReason::NationalStrategicProgramme,
        ),
        "tugas_pembantuan" => CooperationObject::off_plan(
            &object_title,
            affairs.clone(),
            OffPlanReason::CoAdministration,
        ),
        _ => CooperationObject::in_plan(&object_title, affairs.clone(), plan),
    };
    let rationale = row.get(Col::WajibRationale);
    if !rationale.is_empty() {
        object = object
            .with_cross_border_externality(true)
            .with_joint_efficiency_rationale(rationale);
    }
    let initiator = match initiative {
        Initiative::Region => Some(PartyId::Region(ctx.home)),
        Initiative::ThirdParty => match parties.third_parties().first() {
            Some(third) => Some(third.clone()),
            None => {
                errors.push(
                    Col::Initiative,
                    "a third-party initiative, but the row names no third party (pihak ketiga)",
                );
                None
            }
        },
    };
    let proposed = match row.get(Col::ProposedTerm) {
        "" => None,
        text => errors.take(
            Col::ProposedTerm,
            years(text).ok_or_else(|| format!("`{text}` is not a number of years (jangka usulan)")),
        ),
    };

    // The documents.
    let kb_cells = DocCells {
        numbers: row.get(Col::KbNumbers),
        signed: row.get(Col::KbSigned),
        signatories: row.get(Col::KbSignatories),
        start: row.get(Col::KbStart),
        end: row.get(Col::KbEnd),
        kuasa: "",
        clauses: "",
    };
    let kb = read_kb(&kb_cells, label, &title, &parties, ctx, &mut errors);
    let pks = read_pks(row, label, &title, kb.as_ref(), &parties, ctx, &mut errors);

    // The procedure steps on record.
    let mut steps: Vec<StepEntry> = Vec::new();
    for entry in entries(row.get(Col::Steps)) {
        if let Some(step) = errors.take(Col::Steps, step_entry(entry, order)) {
            steps.push(step);
        }
    }

    // DPRD.
    let gates = read_gates(row, &parties, &mut errors);
    let approvals = read_approvals(row.get(Col::DprdApprovals), &parties, order, &mut errors);

    // Evaluations.
    let evaluations = read_evaluations(row.get(Col::Evaluations), order, &mut errors);

    // The regime (KSD-TRANS-01): the date of the first PKS, else of the KB, else the first
    // date on record.
    let first_pks = pks.iter().map(|p| p.signed_on).min();
    // A feasibility study is dated by its author; it is not a step of the region's record.
    let mut dates: Vec<NaiveDate> = steps
        .iter()
        .filter(|s| s.keyword != Keyword::Study)
        .map(|s| s.on)
        .collect();
    dates.extend(kb.iter().map(|d| d.signed_on));
    dates.extend(pks.iter().map(|d| d.signed_on));
    dates.extend(approvals.iter().map(|a| a.on));
    dates.extend(evaluations.iter().map(|e| e.on));
    let Some(first_date) = dates.iter().min().copied() else {
        if errors.0.is_empty() {
            errors.push(
                Col::Steps,
                "no date on record: a cooperation needs a dated step (tahapan), a KB or a PKS (tanpa tanggal)",
            );
        }
        return Err(errors.0);
    };
    let (decisive, decisive_col) = match (first_pks, &kb) {
        (Some(on), _) => (on, Col::PksSigned),
        (None, Some(kb)) => (kb.signed_on, Col::KbSigned),
        (None, None) => (first_date, Col::Steps),
    };
    let regime = match RuleSetRegistry::standard().for_agreement(decisive) {
        Ok(regime) => Some(regime),
        Err(error) => {
            errors.push_rule(decisive_col, error.to_string(), Some(KSD_TRANS_01));
            None
        }
    };
    if affairs.is_empty() && errors.0.is_empty() {
        errors.push_rule(
            Col::Urusan,
            "no urusan: the object of a KSD is a government affair (urusan wajib diisi)",
            Some(KSD_OBJ_01),
        );
    }
    let (Some(regime), Some(kind), Some(initiator), true) =
        (regime, kind, initiator, errors.0.is_empty())
    else {
        return Err(errors.0);
    };

    let mut builder = CooperationSpec::builder()
        .id(cooperation_id(ctx.home, label))
        .title(&title)
        .kind(kind.clone())
        .parties(parties.list.clone())
        .initiator(initiator)
        .object(object)
        .borders(ctx.borders);
    if let Some(years) = proposed {
        builder = builder.proposed_term_years(years);
    }
    match row.get(Col::SectoralRegime) {
        "" => {}
        text => builder = builder.sectoral_regime(text),
    }
    match row.get(Col::LeadOpd) {
        "" => {}
        text => builder = builder.lead_opd(text),
    }
    let spec = match builder.build() {
        Ok(spec) => spec,
        Err(error) => {
            let col = match error.field() {
                "spec.initiator" => Col::Initiative,
                "spec.title" => Col::Title,
                _ => Col::Parties,
            };
            errors.push(col, error.to_string());
            return Err(errors.0);
        }
    };

    let legacy = regime.reference.id == RuleSetId::Pp50_2007;
    let planned = plan_steps(Plan {
        spec,
        kind: &kind,
        legacy,
        first_date,
        steps,
        kb,
        pks,
        gates,
        approvals,
        evaluations,
        parties: &parties,
        row,
        ctx,
        errors: &mut errors,
    });
    if !errors.0.is_empty() {
        return Err(errors.0);
    }
    Ok(Built::Cooperation {
        regime,
        steps: planned,
    })
}

fn outside_record(
    row: &Row,
    title: String,
    parties: &Parties,
    reason: OutsideReason,
    order: DateOrder,
    mut errors: Errors,
) -> Result<Built, Vec<CellError>> {
    let mut dated = Vec::new();
    for col in [Col::KbSigned, Col::PksSigned] {
        for group in groups(row.get(col)) {
            if !group.is_empty()
                && let Some(on) = errors.take(col, date(group, order))
            {
                dated.push(on);
            }
        }
    }
    for entry in entries(row.get(Col::Steps)) {
        if let Some(step) = errors.take(Col::Steps, step_entry(entry, order)) {
            dated.push(step.on);
        }
    }
    if !errors.0.is_empty() {
        return Err(errors.0);
    }
    let partners = parties
        .named
        .iter()
        .filter(|(_, is_home)| !is_home)
        .map(|(named, _)| named.clone())
        .collect();
    Ok(Built::Outside {
        title,
        partners,
        reason,
        dated: dated.into_iter().min(),
    })
}

fn read_gates(row: &Row, parties: &Parties, errors: &mut Errors) -> Vec<(KodeWilayah, DprdGate)> {
    // Justifications: an entry that starts with a kode wilayah is that region's; the others,
    // together, are every region's.
    let mut common = Vec::new();
    let mut own: BTreeMap<KodeWilayah, String> = BTreeMap::new();
    for entry in entries(row.get(Col::DprdJustification)) {
        let (first, rest) = first_token(entry);
        let first = first.trim_end_matches(':');
        if looks_like_code(first) {
            match parties.resolve(first) {
                Ok(PartyId::Region(code)) => {
                    own.insert(code, rest.trim_start_matches(':').trim().to_owned());
                }
                Ok(_) => {}
                Err(reason) => errors.push(Col::DprdJustification, reason),
            }
        } else {
            common.push(entry);
        }
    }
    let common = common.join("; ");
    let justification = |code: KodeWilayah| own.get(&code).cloned().unwrap_or(common.clone());
    let cell = row.get(Col::DprdFlags);
    let list = entries(cell);
    let mut gates = Vec::new();
    for entry in &list {
        let (name, flags) = split_ref(entry);
        let regions = match name {
            Some(name) => match parties.resolve(name) {
                Ok(PartyId::Region(code)) => vec![code],
                Ok(other) => {
                    errors.push(
                        Col::DprdFlags,
                        format!("{other}: only a region party has a DPRD gate (hanya daerah)"),
                    );
                    continue;
                }
                Err(reason) => {
                    errors.push(Col::DprdFlags, reason);
                    continue;
                }
            },
            None if list.len() == 1 => parties.regions(),
            None => {
                errors.push(
                    Col::DprdFlags,
                    format!("`{entry}`: name the region (kode wilayah) whose flags these are"),
                );
                continue;
            }
        };
        let Some(flags) = gate_flags(flags, errors) else {
            continue;
        };
        for code in regions {
            let (community, region, not_budgeted, assets, duties) = flags;
            let gate = DprdGate::not_required(justification(code))
                .with_burdens_community(community)
                .with_burdens_region(region)
                .with_not_budgeted(not_budgeted)
                .with_uses_regional_assets(assets)
                .with_within_work_unit_duties(duties);
            if gates.iter().any(|(c, _)| *c == code) {
                errors.push(Col::DprdFlags, format!("{code}: flags given twice"));
            } else {
                gates.push((code, gate));
            }
        }
    }
    gates
}

type Flags = (bool, bool, bool, bool, bool);

fn gate_flags(text: &str, errors: &mut Errors) -> Option<Flags> {
    let (mut community, mut region, mut not_budgeted, mut assets, mut duties) =
        (false, false, false, false, false);
    for token in text.split([',', '+', ' ', '/']).map(str::trim) {
        match word(token).as_str() {
            "a" => {
                community = true;
                region = true;
            }
            "a1" | "masyarakat" | "membebani_masyarakat" => community = true,
            "a2" | "daerah" | "membebani_daerah" => region = true,
            "b" | "belum_dianggarkan" => not_budgeted = true,
            "aset" | "bmd" | "aset_daerah" => assets = true,
            "tupoksi" => duties = true,
            "" | "tidak" | "tidak_ada" | "tidak_perlu" | "none" | "no" | "0" => {}
            _ => {
                errors.push(
                    Col::DprdFlags,
                    format!(
                        "`{token}` is not a DPRD gate flag (syarat DPRD): A (membebani masyarakat dan daerah), A1 (masyarakat), A2 (daerah), B (belum dianggarkan), aset, tupoksi, tidak"
                    ),
                );
                return None;
            }
        }
    }
    Some((community, region, not_budgeted, assets, duties))
}

struct Approval {
    region: KodeWilayah,
    on: NaiveDate,
    reference: String,
    deemed: bool,
}

fn read_approvals(
    cell: &str,
    parties: &Parties,
    order: DateOrder,
    errors: &mut Errors,
) -> Vec<Approval> {
    let mut approvals: Vec<Approval> = Vec::new();
    for entry in entries(cell) {
        let (Some(name), rest) = split_ref(entry) else {
            errors.push(
                Col::DprdApprovals,
                format!("`{entry}`: start with the region's kode wilayah, then the date and the reference"),
            );
            continue;
        };
        let region = match parties.resolve(name) {
            Ok(PartyId::Region(code)) => code,
            Ok(other) => {
                errors.push(Col::DprdApprovals, format!("{other} has no DPRD"));
                continue;
            }
            Err(reason) => {
                errors.push(Col::DprdApprovals, reason);
                continue;
            }
        };
        let tokens: Vec<&str> = rest.split_whitespace().collect();
        let (on, used) = match leading_date(&tokens, order) {
            Some(Ok(found)) => found,
            Some(Err(reason)) => {
                errors.push(Col::DprdApprovals, reason);
                continue;
            }
            None => {
                errors.push(
                    Col::DprdApprovals,
                    format!(
                        "`{entry}`: the date of the approval is missing, written {} (tanggal persetujuan)",
                        order.pattern()
                    ),
                );
                continue;
            }
        };
        let reference = tokens
            .get(used..)
            .unwrap_or_default()
            .join(" ")
            .trim_start_matches([',', ':', '-'])
            .trim()
            .to_owned();
        let deemed =
            word(&reference).contains("dianggap_disetujui") || word(&reference) == "deemed";
        if approvals.iter().any(|a| a.region == region) {
            errors.push(Col::DprdApprovals, format!("{region}: approved twice"));
            continue;
        }
        approvals.push(Approval {
            region,
            on,
            reference: if reference.is_empty() {
                "tidak dicatat".to_owned()
            } else {
                reference
            },
            deemed,
        });
    }
    approvals
}

struct Evaluated {
    from: Option<NaiveDate>,
    on: NaiveDate,
    outcome: EvaluationOutcome,
}

fn read_evaluations(cell: &str, order: DateOrder, errors: &mut Errors) -> Vec<Evaluated> {
    let mut found = Vec::new();
    for entry in entries(cell) {
        let spaced = entry.replace(['(', ')'], " ").replace(['–', '—'], " – ");
        let tokens: Vec<&str> = spaced.split_whitespace().collect();
        let (first, used) = match leading_date(&tokens, order) {
            Some(Ok(found)) => found,
            Some(Err(reason)) => {
                errors.push(Col::Evaluations, reason);
                continue;
            }
            None => {
                errors.push(
                    Col::Evaluations,
                    format!(
                        "`{entry}`: an evaluation starts with its date, written {} (tanggal evaluasi)",
                        order.pattern()
                    ),
                );
                continue;
            }
        };
        let mut rest = tokens.get(used..).unwrap_or_default();
        let mut period = (None, first);
        let range = rest
            .first()
            .is_some_and(|t| matches!(word(t).as_str(), "" | "s_d" | "sd" | "sampai" | "to"));
        if range {
            match leading_date(rest.get(1..).unwrap_or_default(), order) {
                Some(Ok((second, used))) => {
                    period = (Some(first), second);
                    rest = rest.get(1 + used..).unwrap_or_default();
                }
                Some(Err(reason)) => {
                    errors.push(Col::Evaluations, reason);
                    continue;
                }
                None => {
                    errors.push(
                        Col::Evaluations,
                        format!("`{entry}`: the period has no end date"),
                    );
                    continue;
                }
            }
        }
        let said = rest.join(" ");
        let Some(outcome) = outcome(&said) else {
            errors.push(
                Col::Evaluations,
                format!(
                    "`{said}` is not a recommendation (rekomendasi): lanjut, ubah, perpanjang, akhiri"
                ),
            );
            continue;
        };
        found.push(Evaluated {
            from: period.0,
            on: period.1,
            outcome,
        });
    }
    found.sort_by_key(|e| e.on);
    found
}

struct Plan<'a> {
    spec: CooperationSpec,
    kind: &'a CooperationKind,
    legacy: bool,
    first_date: NaiveDate,
    steps: Vec<StepEntry>,
    kb: Option<Document>,
    pks: Vec<Document>,
    gates: Vec<(KodeWilayah, DprdGate)>,
    approvals: Vec<Approval>,
    evaluations: Vec<Evaluated>,
    parties: &'a Parties,
    row: &'a Row,
    ctx: &'a Context<'a>,
    errors: &'a mut Errors,
}

/// The steps of a row in the order of the procedure (`Phase`), by date within a phase.
fn plan_steps(plan: Plan<'_>) -> Vec<Sourced> {
    let Plan {
        spec,
        kind,
        legacy,
        first_date,
        steps,
        kb,
        pks,
        gates,
        approvals,
        evaluations,
        parties,
        row,
        ctx,
        errors,
    } = plan;
    let home = ctx.home;
    let clerk = |code| actor(Role::CooperationUnit, code, parties);
    let wajib = kind.is_wajib();
    let urusan = spec.object.urusan.clone();
    let spec_title = spec.title.clone();
    let mut planned: Vec<Planned> = Vec::new();
    planned.push(Planned {
        phase: Phase::Register,
        on: first_date,
        rank: 0,
        actor: clerk(home),
        command: Command::Register {
            spec: Box::new(spec),
        },
        col: Col::Id,
    });

    // Feasibility studies: a region's is a step; a third party's comes with its proposal.
    let mut third_studies: Vec<(NaiveDate, FeasibilityStudy)> = Vec::new();
    let mut submitted = false;
    for entry in steps {
        let on = entry.on;
        let rank_before_kb = |keyword| -> u8 {
            match (wajib, keyword) {
                (true, Keyword::Mapping) => 0,
                (true, Keyword::Coordination) => 1,
                (true, Keyword::HeadsAgreement) => 2,
                (true, Keyword::Preparation) => 3,
                (false, Keyword::Preparation) => 0,
                (false, Keyword::Mapping) => 1,
                (_, Keyword::Study) => 4,
                _ => 5,
            }
        };
        let (phase, rank, actor, command) = match entry.keyword {
            Keyword::Preparation => (
                Phase::BeforeKb,
                rank_before_kb(entry.keyword),
                clerk(home),
                Command::StartPreparation,
            ),
            Keyword::Mapping => {
                let (code_text, rest) = first_token(&entry.args);
                let code = match parties.resolve(code_text) {
                    Ok(PartyId::Region(code)) => code,
                    Ok(_) | Err(_) => {
                        errors.push(
                            Col::Steps,
                            format!(
                                "pemetaan `{}`: name a region party by its kode wilayah",
                                entry.args
                            ),
                        );
                        continue;
                    }
                };
                let mut mapping = AffairsMapping::new(code, urusan.clone());
                for piece in rest.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                    let (label, text) = piece.split_once(':').unwrap_or(("potensi", piece));
                    match word(label).as_str() {
                        "kebutuhan" | "needs" => mapping = mapping.with_needs([text.trim()]),
                        _ => mapping = mapping.with_potentials([text.trim()]),
                    }
                }
                (
                    Phase::BeforeKb,
                    rank_before_kb(entry.keyword),
                    clerk(code),
                    Command::FileMapping { mapping },
                )
            }
            Keyword::Study => {
                let (name, conclusion) = split_ref(&entry.args);
                let author = name.map(|n| parties.resolve(n));
                let (Some(Ok(author)), Some(conclusion)) = (author, feasibility(conclusion)) else {
                    errors.push(
                        Col::Steps,
                        format!(
                            "studi_kelayakan `{}`: name its author (kode wilayah, or the partner and `:`) and its conclusion: layak, layak_bersyarat, tidak_layak",
                            entry.args
                        ),
                    );
                    continue;
                };
                let study = FeasibilityStudy::new(
                    author.clone(),
                    format!("Studi kelayakan {spec_title}"),
                    on,
                    conclusion,
                );
                if matches!(author, PartyId::ThirdParty(_)) {
                    third_studies.push((on, study));
                    continue;
                }
                (
                    Phase::BeforeKb,
                    rank_before_kb(entry.keyword),
                    clerk(home),
                    Command::SubmitFeasibilityStudy { study },
                )
            }
            Keyword::Coordination => {
                let level = match word(&entry.args).as_str() {
                    "" => coordination_level(&parties.regions()),
                    "provinsi" | "provincial" => CoordinationLevel::Provincial,
                    "nasional" | "national" => CoordinationLevel::National,
                    _ => {
                        errors.push(
                            Col::Steps,
                            format!(
                                "koordinasi_teknis `{}`: the level is provinsi or nasional",
                                entry.args
                            ),
                        );
                        continue;
                    }
                };
                (
                    Phase::BeforeKb,
                    rank_before_kb(entry.keyword),
                    clerk(home),
                    Command::HoldTechnicalCoordination { level },
                )
            }
            Keyword::HeadsAgreement => {
                let heads = parties.regions().into_iter().map(|code| {
                    let office = format!("Kepala Daerah {}", parties.name_of(code));
                    Signatory::head(code, office.clone(), office)
                });
                let label = row.get(Col::Id);
                match Document::heads_agreement(format!("{label}/KKD"), on)
                    .title(format!("Kesepakatan kepala daerah: {spec_title}"))
                    .signatories(heads)
                    .build()
                {
                    Ok(document) => (
                        Phase::BeforeKb,
                        rank_before_kb(entry.keyword),
                        clerk(home),
                        Command::SignHeadsAgreement { document },
                    ),
                    Err(error) => {
                        errors.push(Col::Steps, error.to_string());
                        continue;
                    }
                }
            }
            Keyword::Proposal => {
                let letter = entry.args.trim();
                if letter.is_empty() {
                    errors.push(
                        Col::Steps,
                        "proposal_diterima: give the number of the partner's letter (nomor surat)",
                    );
                    continue;
                }
                let Some((_, study)) = third_studies.iter().rev().find(|(d, _)| *d <= on) else {
                    errors.push_rule(
                        Col::Steps,
                        "proposal_diterima: a proposal comes with the partner's feasibility study; record it first as `<date> studi_kelayakan <partner>: layak` (KSD-PK-06)",
                        Some(KSD_PK_06),
                    );
                    continue;
                };
                (
                    Phase::BeforeKb,
                    rank_before_kb(entry.keyword),
                    clerk(home),
                    Command::ReceiveProposal {
                        letter_number: letter.to_owned(),
                        study: study.clone(),
                    },
                )
            }
            Keyword::PksDrafting => (
                Phase::Dprd,
                if legacy { 0 } else { 5 },
                clerk(home),
                Command::StartPksDrafting,
            ),
            Keyword::Submit | Keyword::Resubmit | Keyword::Copies | Keyword::Opinion => {
                let (code_text, rest) = first_token(&entry.args);
                let code = if code_text.is_empty() {
                    Ok(home)
                } else {
                    match parties.resolve(code_text) {
                        Ok(PartyId::Region(code)) => Ok(code),
                        Ok(other) => Err(format!("{other} is not a region")),
                        Err(reason) => Err(reason),
                    }
                };
                let code = match code {
                    Ok(code) => code,
                    Err(reason) => {
                        errors.push(Col::Steps, reason);
                        continue;
                    }
                };
                match entry.keyword {
                    Keyword::Submit => {
                        // Under PP 28/2018 one request opens the round (the first one dated).
                        if !legacy && submitted {
                            continue;
                        }
                        submitted = true;
                        (Phase::Dprd, 1, clerk(code), Command::SubmitToDprd)
                    }
                    Keyword::Resubmit => (Phase::Dprd, 3, clerk(code), Command::ResubmitToDprd),
                    Keyword::Opinion => (
                        Phase::Dprd,
                        2,
                        actor(Role::Dprd, code, parties),
                        Command::RecordDprdOpinion {
                            reference: if rest.is_empty() {
                                "tidak dicatat".to_owned()
                            } else {
                                rest.to_owned()
                            },
                        },
                    ),
                    _ => {
                        let Some(first) = pks.first() else {
                            errors.push(
                                Col::Steps,
                                "tembusan_pks: copies of a PKS, but the row has no PKS",
                            );
                            continue;
                        };
                        (
                            Phase::Copies,
                            0,
                            clerk(code),
                            Command::RecordCopiesSent {
                                document: first.id.clone(),
                                recipients: CopyRecipient::of_signed_pks(code.level()).to_vec(),
                            },
                        )
                    }
                }
            }
            Keyword::TkksdReview => {
                let (point, said) = first_token(&entry.args);
                let point = match word(point).as_str() {
                    "penawaran" | "offer" => Some((ReviewPoint::Offer, Phase::BeforeKb, 6)),
                    "kb" => Some((ReviewPoint::KbSigning, Phase::BeforeKb, 7)),
                    "pks" => Some((ReviewPoint::PksSigning, Phase::Dprd, 6)),
                    _ => None,
                };
                let recommendation = match word(said).as_str() {
                    "" | "lanjut" | "proceed" => Some(Recommendation::Proceed),
                    "revisi" | "revise" => Some(Recommendation::Revise),
                    "tolak" | "reject" => Some(Recommendation::Reject),
                    _ => None,
                };
                let (Some((point, phase, rank)), Some(recommendation)) = (point, recommendation)
                else {
                    errors.push(
                        Col::Steps,
                        format!(
                            "kajian_tkksd `{}`: the review point is penawaran, kb or pks, optionally followed by lanjut, revisi or tolak",
                            entry.args
                        ),
                    );
                    continue;
                };
                (
                    phase,
                    rank,
                    actor(Role::Tkksd, home, parties),
                    Command::RecordTkksdReview {
                        review: TkksdReview::new(point, recommendation),
                    },
                )
            }
            Keyword::Secretariat => (
                Phase::InForce,
                0,
                actor(Role::KepalaDaerah, home, parties),
                Command::EstablishSecretariat { continuous: true },
            ),
        };
        planned.push(Planned {
            phase,
            on,
            rank,
            actor,
            command,
            col: Col::Steps,
        });
    }

    // The KB, the gates, the DPRD's decisions.
    let gate_day = kb.as_ref().map(|d| d.signed_on).or_else(|| {
        let dprd = approvals.iter().map(|a| a.on);
        let signed = pks.iter().map(|p| p.signed_on);
        dprd.chain(signed).min()
    });
    if let Some(kb) = kb {
        planned.push(Planned {
            phase: Phase::Kb,
            on: kb.signed_on,
            rank: 0,
            actor: clerk(home),
            command: Command::SignKb { document: kb },
            col: Col::KbSigned,
        });
    }
    let gate_day =
        gate_day.unwrap_or_else(|| planned.iter().map(|p| p.on).max().unwrap_or(first_date));
    for (region, gate) in gates {
        planned.push(Planned {
            phase: Phase::Gates,
            on: gate_day,
            rank: 0,
            actor: clerk(region),
            command: Command::AssessDprdGate { region, gate },
            col: Col::DprdFlags,
        });
    }
    // A decision implies the request for it: where `tahapan` dates none, the request is
    // recorded on the day of the first decision (one request under PP 28/2018, one per
    // region under PP 50/2007).
    let requested: Vec<KodeWilayah> = planned
        .iter()
        .filter(|p| matches!(p.command, Command::SubmitToDprd))
        .filter_map(|p| p.actor.region())
        .collect();
    if legacy {
        for approval in &approvals {
            if !requested.contains(&approval.region) {
                planned.push(Planned {
                    phase: Phase::Dprd,
                    on: approval.on,
                    rank: 1,
                    actor: clerk(approval.region),
                    command: Command::SubmitToDprd,
                    col: Col::DprdApprovals,
                });
            }
        }
    } else if requested.is_empty()
        && let Some(first) = approvals.iter().map(|a| a.on).min()
    {
        planned.push(Planned {
            phase: Phase::Dprd,
            on: first,
            rank: 1,
            actor: clerk(home),
            command: Command::SubmitToDprd,
            col: Col::DprdApprovals,
        });
    }
    for approval in approvals {
        let command = if approval.deemed {
            Command::RecordDeemedApproval {
                region: approval.region,
            }
        } else {
            Command::ApproveDprd {
                reference: approval.reference,
            }
        };
        let actor = if approval.deemed {
            clerk(approval.region)
        } else {
            actor(Role::Dprd, approval.region, parties)
        };
        planned.push(Planned {
            phase: Phase::Dprd,
            on: approval.on,
            rank: 4,
            actor,
            command,
            col: Col::DprdApprovals,
        });
    }

    // The PKS and entry into force on the first PKS's start (or the last step before it,
    // when that is later).
    let start = pks
        .iter()
        .filter_map(|p| p.term.map(|t| t.starts_on).or(Some(p.signed_on)))
        .min();
    let any_pks = !pks.is_empty();
    for document in pks {
        planned.push(Planned {
            phase: Phase::Pks,
            on: document.signed_on,
            rank: 0,
            actor: clerk(home),
            command: Command::SignPks { document },
            col: Col::PksSigned,
        });
    }
    if let (true, Some(start)) = (any_pks, start) {
        let last = planned
            .iter()
            .filter(|p| p.phase < Phase::EnterIntoForce)
            .map(|p| p.on)
            .max()
            .unwrap_or(start);
        planned.push(Planned {
            phase: Phase::EnterIntoForce,
            on: start.max(last),
            rank: 0,
            actor: clerk(home),
            command: Command::EnterIntoForce,
            col: Col::PksStart,
        });
    }

    // Evaluations: a single date covers the days since the previous evaluation (or since
    // entry into force).
    let evaluator = match row.get(Col::LeadOpd) {
        "" => "perangkat daerah pengampu (tidak dicatat)".to_owned(),
        opd => opd.to_owned(),
    };
    let mut since = start;
    for evaluated in evaluations {
        let from = evaluated
            .from
            .or(since)
            .filter(|from| *from <= evaluated.on)
            .unwrap_or(evaluated.on);
        since = evaluated.on.succ_opt();
        planned.push(Planned {
            phase: Phase::InForce,
            on: evaluated.on,
            rank: 1,
            actor: clerk(home),
            command: Command::RecordEvaluation {
                evaluation: Evaluation::new(
                    from,
                    evaluated.on,
                    evaluator.clone(),
                    evaluated.outcome,
                ),
            },
            col: Col::Evaluations,
        });
    }

    // Registration opens the record: on its first date.
    let first = planned
        .iter()
        .filter(|p| p.phase != Phase::Register)
        .map(|p| p.on)
        .min()
        .unwrap_or(first_date);
    for p in planned.iter_mut().filter(|p| p.phase == Phase::Register) {
        p.on = first;
    }
    planned.sort_by_key(|p| (p.phase, p.on, p.rank));
    planned
        .into_iter()
        .map(|p| Sourced {
            step: Step::new(p.actor, p.on, p.command),
            col: p.col,
        })
        .collect()
}

/// The column a rejected step's field comes from.
pub(crate) fn column_of(field: &str, step: &Sourced) -> Col {
    let kind = step.step.command.kind();
    let (signed, signatories, numbers, end, start) = match kind {
        CommandKind::SignKb => (
            Col::KbSigned,
            Col::KbSignatories,
            Col::KbNumbers,
            Col::KbEnd,
            Col::KbStart,
        ),
        CommandKind::SignPks => (
            Col::PksSigned,
            Col::PksSignatories,
            Col::PksNumbers,
            Col::PksEnd,
            Col::PksStart,
        ),
        _ => (step.col, step.col, step.col, step.col, step.col),
    };
    if field.contains("surat_kuasa") {
        Col::PksKuasa
    } else if field.starts_with("document.signatories") {
        signatories
    } else if field.starts_with("document.numbers") {
        numbers
    } else if field.starts_with("document.term") {
        if field.contains("starts") { start } else { end }
    } else if field.starts_with("document.signed_on") {
        signed
    } else if field.starts_with("evaluation") {
        Col::Evaluations
    } else if field.starts_with("parties") || field.starts_with("funding") {
        Col::Parties
    } else if field == "initiator" {
        Col::Initiative
    } else if field == "title" {
        Col::Title
    } else if field == "proposed_term_years" {
        Col::ProposedTerm
    } else if field == "region" && kind == CommandKind::AssessDprdGate {
        Col::DprdFlags
    } else {
        step.col
    }
}
