//! The KB and the PKS of a row: numbers, signatories, surat kuasa, term and clauses.

use chrono::NaiveDate;

use crate::law::{KSD_DOC_08, KSD_KIND_03};
use crate::model::{
    BuildError, Document, DocumentBuilder, KodeWilayah, PartyId, Signatory, SignatoryCapacity,
    SuratKuasa, Term,
};

use super::DateOrder;
use super::build::{Context, Errors, Row};
use super::cells::{date, entries, groups, trailing_group, word, years};
use super::columns::Col;

use super::parties::{Parties, split_ref};
use super::vocab::{capacity, capacity_of_office, clause};

enum End {
    On(NaiveDate),
    Years(u16),
}

fn end(text: &str, order: DateOrder) -> Result<Option<End>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(n) = years(text) {
        return Ok(Some(End::Years(n)));
    }
    date(text, order).map(|d| Some(End::On(d)))
}

/// The columns of one document.
#[derive(Clone, Copy)]
struct DocCols {
    numbers: Col,
    signed: Col,
    signatories: Col,
    start: Col,
    end: Col,
}

const KB_COLS: DocCols = DocCols {
    numbers: Col::KbNumbers,
    signed: Col::KbSigned,
    signatories: Col::KbSignatories,
    start: Col::KbStart,
    end: Col::KbEnd,
};

const PKS_COLS: DocCols = DocCols {
    numbers: Col::PksNumbers,
    signed: Col::PksSigned,
    signatories: Col::PksSignatories,
    start: Col::PksStart,
    end: Col::PksEnd,
};

/// The cells of one document (for a PKS: its group of each PKS cell).
pub(super) struct DocCells<'a> {
    pub(super) numbers: &'a str,
    pub(super) signed: &'a str,
    pub(super) signatories: &'a str,
    pub(super) start: &'a str,
    pub(super) end: &'a str,
    pub(super) kuasa: &'a str,
    pub(super) clauses: &'a str,
}

impl DocCells<'_> {
    fn is_blank(&self) -> bool {
        [
            self.numbers,
            self.signed,
            self.signatories,
            self.start,
            self.end,
            self.kuasa,
            self.clauses,
        ]
        .iter()
        .all(|cell| cell.trim().is_empty())
    }
}

/// The column a builder's field comes from.
fn build_error_col(error: &BuildError, cols: DocCols) -> Col {
    let field = error.field();
    if field.starts_with("document.signatories") {
        cols.signatories
    } else if field.starts_with("document.term") {
        cols.end
    } else if field.starts_with("document.numbers") {
        cols.numbers
    } else {
        cols.signed
    }
}

#[allow(clippy::too_many_arguments)]
fn document(
    builder: DocumentBuilder,
    cells: &DocCells<'_>,
    cols: DocCols,
    signed_on: NaiveDate,
    parties: &Parties,
    home: KodeWilayah,
    order: DateOrder,
    errors: &mut Errors,
) -> Option<Document> {
    let before = errors.0.len();
    let mut builder = builder;
    for entry in entries(cells.numbers) {
        let (party, number) = match split_ref(entry) {
            (Some(name), number) => (parties.resolve(name), number),
            (None, number) => (Ok(PartyId::Region(home)), number),
        };
        let number = number.trim();
        if number.is_empty() || word(number).is_empty() {
            continue; // a blank number: not recorded
        }
        match party {
            Ok(party) => builder = builder.number(party, number),
            Err(reason) => errors.push_rule(cols.numbers, reason, Some(KSD_DOC_08)),
        }
    }
    for entry in entries(cells.signatories) {
        match signatory(entry, parties) {
            Ok(signatory) => builder = builder.signed_by(signatory),
            Err(reason) => errors.push(cols.signatories, reason),
        }
    }
    let start = if cells.start.is_empty() {
        None
    } else {
        errors.take(cols.start, date(cells.start, order))
    };
    match errors.take(cols.end, end(cells.end, order)) {
        Some(Some(End::On(ends_on))) => {
            builder = builder.term(Term {
                starts_on: start.unwrap_or(signed_on),
                ends_on,
            });
        }
        Some(Some(End::Years(n))) => match Term::years(start.unwrap_or(signed_on), u32::from(n)) {
            Some(term) => builder = builder.term(term),
            None => errors.push(cols.end, format!("{n} years: outside the calendar")),
        },
        Some(None) if start.is_some() => errors.push(
            cols.end,
            "the term has a start but no end (jangka waktu tanpa tanggal berakhir)",
        ),
        _ => {}
    }
    if errors.0.len() > before {
        return None;
    }
    match builder.build() {
        Ok(document) => Some(document),
        Err(error) => {
            let col = build_error_col(&error, cols);
            errors.push(col, error.to_string());
            None
        }
    }
}

fn signatory(entry: &str, parties: &Parties) -> Result<Signatory, String> {
    let (Some(name), rest) = split_ref(entry) else {
        return Err(format!(
            "`{entry}`: name the party first, a kode wilayah or the partner's name and `:` (pihak penanda tangan)"
        ));
    };
    let party = parties.resolve(name)?;
    let mut office = rest.trim();
    let mut explicit = None;
    let mut basis = None;
    let mut text = office;
    while let Some((before, group)) = trailing_group(text) {
        let mut parts = group.splitn(2, ',');
        let head = parts.next().unwrap_or_default();
        if let Some(found) = capacity(head) {
            explicit = Some(found);
            basis = parts
                .next()
                .map(str::trim)
                .filter(|b| !b.is_empty())
                .map(str::to_owned);
            office = before;
            break;
        }
        text = before;
    }
    if office.is_empty() {
        return Err(format!(
            "`{entry}`: the signatory's office is blank (jabatan)"
        ));
    }
    let third = matches!(party, PartyId::ThirdParty(_));
    let inferred = capacity_of_office(office);
    let (capacity, acting) = match (explicit, inferred) {
        (Some((capacity, acting)), inferred) => {
            (capacity, acting || inferred.is_some_and(|(_, a)| a))
        }
        (None, Some(found)) => found,
        (None, None) if third => (SignatoryCapacity::ThirdPartyRepresentative, false),
        (None, None) => {
            return Err(format!(
                "`{entry}`: the capacity is not stated; add it in parentheses, e.g. `(sekda)`, `(kepala_daerah)`, `(kepala_opd)` (kapasitas penanda tangan)"
            ));
        }
    };
    let mut signatory = match basis {
        Some(basis) => Signatory::representative(party, office, office, basis),
        None => Signatory::official(party, office, office, capacity),
    };
    signatory.capacity = capacity;
    if acting {
        signatory = signatory.as_acting();
    }
    Ok(signatory)
}

/// Sets the surat kuasa of each signatory a `pks_surat_kuasa` entry names.
fn kuasa(cell: &str, pks: &mut Document, parties: &Parties, order: DateOrder, errors: &mut Errors) {
    for entry in entries(cell) {
        let (Some(name), rest) = split_ref(entry) else {
            errors.push(
                Col::PksKuasa,
                format!("`{entry}`: name the party whose signatory holds the surat kuasa"),
            );
            continue;
        };
        let party = match parties.resolve(name) {
            Ok(party) => party,
            Err(reason) => {
                errors.push(Col::PksKuasa, reason);
                continue;
            }
        };
        let flag = word(rest);
        let kuasa = match flag.as_str() {
            "tidak" | "no" | "" => continue,
            "ya" | "yes" | "ada" => SuratKuasa::new("tidak dicatat", pks.signed_on),
            _ => {
                let mut parts = rest.split(',').map(str::trim);
                let number = parts.next().unwrap_or_default();
                let dated = match parts.next() {
                    Some(text) if !text.is_empty() => match date(text, order) {
                        Ok(dated) => dated,
                        Err(reason) => {
                            errors.push_rule(Col::PksKuasa, reason, Some(KSD_KIND_03));
                            continue;
                        }
                    },
                    _ => pks.signed_on,
                };
                let grantor: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
                let kuasa = SuratKuasa::new(number, dated);
                if grantor.is_empty() {
                    kuasa
                } else {
                    kuasa.granted_by(grantor.join(", "))
                }
            }
        };
        match pks.signatories.iter_mut().find(|s| s.party == party) {
            Some(signatory) => signatory.surat_kuasa = Some(kuasa),
            None => errors.push_rule(
                Col::PksKuasa,
                format!("`{entry}`: no PKS signatory of that party in pks_penandatangan"),
                Some(KSD_KIND_03),
            ),
        }
    }
}

pub(super) fn read_kb(
    cells: &DocCells<'_>,
    label: &str,
    title: &str,
    parties: &Parties,
    ctx: &Context<'_>,
    errors: &mut Errors,
) -> Option<Document> {
    if cells.is_blank() {
        return None;
    }
    if cells.signed.is_empty() {
        errors.push(
            Col::KbSigned,
            "KB data without the date it was signed (tanggal KB wajib diisi)",
        );
        return None;
    }
    let signed_on = errors.take(Col::KbSigned, date(cells.signed, ctx.order))?;
    let builder = Document::kb(format!("{label}/KB"), signed_on)
        .title(format!("Kesepakatan Bersama: {title}"));
    document(
        builder, cells, KB_COLS, signed_on, parties, ctx.home, ctx.order, errors,
    )
}

pub(super) fn read_pks(
    row: &Row,
    label: &str,
    title: &str,
    kb: Option<&Document>,
    parties: &Parties,
    ctx: &Context<'_>,
    errors: &mut Errors,
) -> Vec<Document> {
    let cols = [
        Col::PksNumbers,
        Col::PksSigned,
        Col::PksSignatories,
        Col::PksStart,
        Col::PksEnd,
        Col::PksKuasa,
        Col::PksClauses,
    ];
    let cells: Vec<(Col, Vec<&str>)> = cols
        .iter()
        .map(|col| (*col, groups(row.get(*col))))
        .collect();
    let count = cells.iter().map(|(_, g)| g.len()).max().unwrap_or(0);
    for (col, found) in &cells {
        if found.len() > 1 && found.len() != count {
            errors.push(
                *col,
                format!(
                    "{} groups separated by `|`, but {count} PKS in the row: give one group per PKS, or one for all (kelompok PKS)",
                    found.len()
                ),
            );
        }
    }
    let group = |col: Col, i: usize| -> &str {
        let found = cells
            .iter()
            .find(|(c, _)| *c == col)
            .map(|(_, g)| g.as_slice())
            .unwrap_or_default();
        match found {
            [one] => one,
            several => several.get(i).copied().unwrap_or_default(),
        }
    };
    let mut documents = Vec::new();
    for i in 0..count {
        let doc = DocCells {
            numbers: group(Col::PksNumbers, i),
            signed: group(Col::PksSigned, i),
            signatories: group(Col::PksSignatories, i),
            start: group(Col::PksStart, i),
            end: group(Col::PksEnd, i),
            kuasa: group(Col::PksKuasa, i),
            clauses: group(Col::PksClauses, i),
        };
        if doc.is_blank() {
            continue;
        }
        if doc.signed.is_empty() {
            errors.push(
                Col::PksSigned,
                "PKS data without the date it was signed (tanggal PKS wajib diisi)",
            );
            continue;
        }
        let Some(signed_on) = errors.take(Col::PksSigned, date(doc.signed, ctx.order)) else {
            continue;
        };
        let n = i + 1;
        let heading = if count > 1 {
            format!("Perjanjian Kerja Sama {n}: {title}")
        } else {
            format!("Perjanjian Kerja Sama: {title}")
        };
        let mut builder = Document::pks(format!("{label}/PKS-{n}"), signed_on).title(heading);
        if let Some(kb) = kb {
            builder = builder.under_kb(kb.id.clone());
        }
        for entry in doc.clauses.split([',', ';', '\n']).map(str::trim) {
            if entry.is_empty() {
                continue;
            }
            match clause(entry) {
                Some(found) => builder = builder.clause(found),
                None => errors.push(
                    Col::PksClauses,
                    format!(
                        "`{entry}` is not a clause (klausul tidak dikenal): hak_kewajiban, jangka_waktu, penyelesaian_sengketa, sanksi, subjek, objek, ruang_lingkup, pembiayaan, keadaan_memaksa, pengakhiran, perubahan"
                    ),
                ),
            }
        }
        let Some(mut pks) = document(
            builder, &doc, PKS_COLS, signed_on, parties, ctx.home, ctx.order, errors,
        ) else {
            continue;
        };
        kuasa(doc.kuasa, &mut pks, parties, ctx.order, errors);
        documents.push(pks);
    }
    documents.sort_by_key(|d| d.signed_on);
    documents
}
