//! Words of the rendered report: labels of the report's values in both languages, dates and
//! citations. Nothing here prints a program identifier: every enum is named by a label.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::law::{
    BurdenReading, Citation, Instrument, KbSignatoryPolicy, Lang, Period, RuleSetId, RuleSetRef,
};
use crate::model::{DocumentKind, EvaluationOutcome, PartyId, SignatoryCapacity, UrusanGroup};
use crate::time::{DeadlineStatus, Validity};

use super::super::model::{
    CheckResult, DprdOutcome, KindClass, OpportunityForm, OutsideReason, PartnerCategory,
    RegisterEntry,
};
use super::super::portfolio::Origin;

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as a reader writes it: `14 Agustus 2024` in Indonesian, `14 August 2024` in English.
pub(in crate::report) fn date(day: NaiveDate, lang: Lang) -> String {
    let months = lang.pick(&MONTHS_ID, &MONTHS_EN);
    let month = months
        .get(day.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{} {} {}", day.day(), month, day.year())
}

/// A span of dates.
pub(super) fn span(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    format!("{} – {}", date(from, lang), date(to, lang))
}

/// The wire name of a value (its serde form as a string), for machine-readable output.
pub(super) fn wire<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

pub(super) fn yes_no(value: Option<bool>, lang: Lang) -> &'static str {
    match value {
        Some(true) => lang.pick("ya", "yes"),
        Some(false) => lang.pick("tidak", "no"),
        None => "—",
    }
}

pub(super) fn rule_set(reference: RuleSetRef, lang: Lang) -> String {
    let name = match reference.id {
        RuleSetId::Current => lang.pick(
            "PP 28/2018 dan Permendagri 22/2020",
            "PP 28/2018 and Permendagri 22/2020",
        ),
        RuleSetId::Pp50_2007 => lang.pick(
            "aturan lama: PP 50/2007 dan Permendagri 22/2009",
            "legacy rules: PP 50/2007 and Permendagri 22/2009",
        ),
    };
    format!(
        "{name} ({} {})",
        lang.pick("versi", "version"),
        reference.version
    )
}

/// The mark of a cooperation judged under the legacy rule set.
pub(super) fn legacy_mark(lang: Lang) -> &'static str {
    lang.pick("aturan lama (PP 50/2007)", "legacy (PP 50/2007)")
}

pub(super) fn kind(kind: KindClass, lang: Lang) -> &'static str {
    match kind {
        KindClass::KsddWajib => lang.pick("KSDD wajib", "KSDD, mandatory (wajib)"),
        KindClass::KsddSukarela => lang.pick("KSDD sukarela", "KSDD, voluntary (sukarela)"),
        KindClass::KsddUncategorised => lang.pick(
            "KSDD tanpa kategori (aturan lama)",
            "KSDD without category (legacy)",
        ),
        KindClass::KsdpkRegion => lang.pick("KSDPK prakarsa daerah", "KSDPK, region's initiative"),
        KindClass::KsdpkThirdParty => lang.pick(
            "KSDPK prakarsa pihak ketiga",
            "KSDPK, third party's initiative",
        ),
        KindClass::Foreign => lang.pick("kerja sama luar negeri", "foreign cooperation"),
    }
}

pub(super) fn partner_category(category: PartnerCategory, lang: Lang) -> &'static str {
    match category {
        PartnerCategory::Province => lang.pick("provinsi", "province"),
        PartnerCategory::Kabupaten => lang.pick("kabupaten", "regency (kabupaten)"),
        PartnerCategory::Kota => lang.pick("kota", "city (kota)"),
        PartnerCategory::Individual => lang.pick("perorangan", "individual"),
        PartnerCategory::Business => lang.pick("badan usaha", "business entity"),
        PartnerCategory::Organisation => lang.pick("organisasi", "organisation"),
        PartnerCategory::CentralAgency => lang.pick(
            "kementerian atau lembaga pusat",
            "ministry or central agency",
        ),
    }
}

pub(super) fn urusan_group(group: UrusanGroup, lang: Lang) -> &'static str {
    match group {
        UrusanGroup::WajibPelayananDasar => lang.pick(
            "urusan wajib pelayanan dasar",
            "mandatory affairs, basic services",
        ),
        UrusanGroup::WajibNonPelayananDasar => lang.pick(
            "urusan wajib non-pelayanan dasar",
            "mandatory affairs, other than basic services",
        ),
        UrusanGroup::Pilihan => lang.pick("urusan pilihan", "optional affairs"),
    }
}

pub(super) fn document_kind(kind: DocumentKind, lang: Lang) -> &'static str {
    match kind {
        DocumentKind::Kb => "KB",
        DocumentKind::Pks => "PKS",
        DocumentKind::Addendum => lang.pick("adendum", "addendum"),
        DocumentKind::HeadsAgreement => {
            lang.pick("kesepakatan para kepala daerah", "heads' agreement")
        }
        DocumentKind::Other => lang.pick("dokumen lain", "other document"),
    }
}

pub(super) fn capacity(capacity: SignatoryCapacity, lang: Lang) -> &'static str {
    match capacity {
        SignatoryCapacity::KepalaDaerah => lang.pick("kepala daerah", "head of region"),
        SignatoryCapacity::WakilKepalaDaerah => {
            lang.pick("wakil kepala daerah", "vice-head of region")
        }
        SignatoryCapacity::Sekda => lang.pick("sekretaris daerah", "regional secretary"),
        SignatoryCapacity::Asisten => lang.pick("asisten sekretaris daerah", "assistant secretary"),
        SignatoryCapacity::KepalaOpd => lang.pick("kepala perangkat daerah", "head of an OPD"),
        SignatoryCapacity::OtherOfficial => lang.pick("pejabat lain", "other official"),
        SignatoryCapacity::ThirdPartyRepresentative => {
            lang.pick("wakil pihak ketiga", "third party's representative")
        }
    }
}

pub(super) fn validity(validity: Validity, lang: Lang) -> String {
    match validity {
        Validity::NotYetInForce => lang.pick("belum berlaku", "not yet in force").to_owned(),
        Validity::InForce => lang.pick("berlaku", "in force").to_owned(),
        Validity::ExpiringSoon { days_left } => lang.pick(
            format!("segera berakhir ({days_left} hari lagi)"),
            format!("expiring soon ({days_left} days left)"),
        ),
        Validity::Expired => lang.pick("jangka waktu telah habis", "expired").to_owned(),
        Validity::Ended => lang
            .pick("diakhiri sebelum waktunya", "ended early")
            .to_owned(),
    }
}

/// The class of a validity in the HTML (colour of its bar and badge).
pub(super) fn validity_class(validity: Validity) -> &'static str {
    match validity {
        Validity::NotYetInForce => "not-yet-in-force",
        Validity::InForce => "in-force",
        Validity::ExpiringSoon { .. } => "expiring-soon",
        Validity::Expired => "expired",
        Validity::Ended => "ended",
    }
}

pub(super) fn deadline_status(status: DeadlineStatus, lang: Lang) -> &'static str {
    match status {
        DeadlineStatus::Met => lang.pick("terpenuhi", "met"),
        DeadlineStatus::Open => lang.pick("masih berjalan", "open"),
        DeadlineStatus::Missed => lang.pick("terlewat", "missed"),
    }
}

pub(super) fn dprd_outcome(outcome: DprdOutcome, lang: Lang) -> &'static str {
    match outcome {
        DprdOutcome::Approved => lang.pick("disetujui", "approved"),
        DprdOutcome::DeemedApproved => lang.pick("dianggap disetujui", "deemed approved"),
        DprdOutcome::Refused => lang.pick("ditolak", "refused"),
        DprdOutcome::None => lang.pick("belum ada keputusan", "no decision"),
    }
}

pub(super) fn opportunity_form(form: OpportunityForm, lang: Lang) -> &'static str {
    match form {
        OpportunityForm::Ksdd => lang.pick("KSDD, dengan daerah lain", "KSDD, with other regions"),
        OpportunityForm::Ksdpk => {
            lang.pick("KSDPK, dengan pihak ketiga", "KSDPK, with a third party")
        }
    }
}

pub(super) fn outcome(outcome: EvaluationOutcome, lang: Lang) -> &'static str {
    match outcome {
        EvaluationOutcome::Continue => lang.pick("dilanjutkan", "continue"),
        EvaluationOutcome::Amend => lang.pick("diubah", "amend"),
        EvaluationOutcome::Extend => lang.pick("diperpanjang", "extend"),
        EvaluationOutcome::Terminate => lang.pick("diakhiri", "terminate"),
    }
}

pub(super) fn result(result: CheckResult, lang: Lang) -> &'static str {
    match result {
        CheckResult::Ok => lang.pick("sesuai", "ok"),
        CheckResult::Warning => lang.pick("peringatan", "warning"),
        CheckResult::Error => lang.pick("pelanggaran", "error"),
        CheckResult::NotApplicable => lang.pick("tidak diterapkan", "not applicable"),
    }
}

/// The class of a result in the HTML.
pub(super) fn result_class(result: CheckResult) -> &'static str {
    match result {
        CheckResult::Ok => "ok",
        CheckResult::Warning => "warning",
        CheckResult::Error => "error",
        CheckResult::NotApplicable => "not-applicable",
    }
}

pub(super) fn outside_reason(reason: OutsideReason, lang: Lang) -> &'static str {
    match reason {
        OutsideReason::CentralAgencyPartner => lang.pick(
            "mitra kementerian atau lembaga pusat: bukan kerja sama daerah menurut PP 28/2018",
            "a ministry or central agency as partner: not a regional cooperation under PP 28/2018",
        ),
        OutsideReason::ForeignPartner => lang.pick(
            "mitra luar negeri: di luar aturan kerja sama daerah ini",
            "a foreign partner: outside these regional cooperation rules",
        ),
    }
}

pub(super) fn period(period: Period, lang: Lang) -> String {
    match period {
        Period::Days(n) => lang.pick(format!("{n} hari"), format!("{n} days")),
        Period::Months(n) => lang.pick(format!("{n} bulan"), format!("{n} months")),
    }
}

/// Where a record comes from, as (text, code): the code (a file or store name) is shown as
/// code, since a file name may hold any characters.
pub(super) fn origin(origin: &Origin, lang: Lang) -> (String, Option<String>) {
    match origin {
        Origin::Ledger { store } => (
            lang.pick("log audit", "audit log").to_owned(),
            Some(store.clone()),
        ),
        Origin::Script { case } => (
            lang.pick(format!("skenario {case}"), format!("script {case}")),
            None,
        ),
        Origin::Imported { file, row, .. } => (
            lang.pick(
                format!("impor, baris {row} dari"),
                format!("imported, row {row} of"),
            ),
            Some(file.clone()),
        ),
    }
}

/// A citation for people: the instrument and its places, with the absence and secondary
/// source marked in words (the source's address stays in the CSV and JSON).
pub(super) fn citation(citation: &Citation, lang: Lang) -> String {
    let mut text = match citation.instrument {
        Instrument::Practice => lang.pick("praktik daerah", "regional practice"),
        other => other.short_name(),
    }
    .to_owned();
    for (i, locator) in citation.locators.iter().enumerate() {
        text.push_str(if i == 0 { " " } else { ", " });
        text.push_str(&locator.to_string());
    }
    if citation.absence {
        text.push_str(lang.pick(" (tidak diatur)", " (not regulated)"));
    }
    if citation.source.is_some() {
        text.push_str(lang.pick(" (sumber sekunder)", " (secondary source)"));
    }
    text
}

/// A key policy value of the header: its label and its value in words. `None` for a key this
/// renderer does not know (shown as code instead).
pub(super) fn key_value(
    key: &str,
    value: &serde_json::Value,
    lang: Lang,
) -> Option<(String, String)> {
    let (label, text) = match key {
        "max_term_years" => (
            lang.pick("jangka waktu maksimum", "maximum term"),
            match serde_json::from_value::<Option<u16>>(value.clone()).ok()? {
                Some(years) => lang.pick(format!("{years} tahun"), format!("{years} years")),
                None => lang.pick("tanpa batas", "no limit").to_owned(),
            },
        ),
        "expiring_soon" => (
            lang.pick("jendela segera berakhir", "expiring-soon window"),
            self::period(serde_json::from_value::<Period>(value.clone()).ok()?, lang),
        ),
        "min_evaluations_per_fiscal_year" => (
            lang.pick(
                "evaluasi minimum per tahun anggaran",
                "minimum evaluations per fiscal year",
            ),
            serde_json::from_value::<u32>(value.clone())
                .ok()?
                .to_string(),
        ),
        "kb_signatory_policy" => (
            lang.pick(
                "penandatangan KB selain kepala daerah",
                "a KB signed by someone other than the head",
            ),
            match serde_json::from_value::<KbSignatoryPolicy>(value.clone()).ok()? {
                KbSignatoryPolicy::Allow => lang.pick("diterima", "accepted"),
                KbSignatoryPolicy::Warn => {
                    lang.pick("diterima dengan peringatan", "accepted with a warning")
                }
                KbSignatoryPolicy::Error => lang.pick("ditolak", "refused"),
            }
            .to_owned(),
        ),
        "burden_reading" => (
            lang.pick(
                "tafsir \"membebani masyarakat dan daerah\"",
                "reading of \"burdens the community and the region\"",
            ),
            match serde_json::from_value::<BurdenReading>(value.clone()).ok()? {
                BurdenReading::Conjunctive => lang.pick(
                    "keduanya (masyarakat dan daerah)",
                    "both (community and region)",
                ),
                BurdenReading::Disjunctive => lang.pick(
                    "salah satu (masyarakat atau daerah)",
                    "either (community or region)",
                ),
            }
            .to_owned(),
        ),
        _ => return None,
    };
    Some((label.to_owned(), text))
}

/// How a party is named in a list of numbers: a region by its code, a third party by its
/// name in the register (else its id, as code).
pub(super) fn party_short(party: &PartyId, entry: &RegisterEntry) -> (String, bool) {
    match party {
        PartyId::Region(code) => (code.to_string(), false),
        PartyId::ThirdParty(id) => entry
            .partners
            .iter()
            .find(|p| p.party.as_ref() == Some(party))
            .map_or((id.clone(), true), |p| (p.name.clone(), false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_name_every_month_in_both_languages() {
        let id: Vec<String> = (1..=12)
            .filter_map(|m| NaiveDate::from_ymd_opt(2024, m, 1))
            .map(|d| date(d, Lang::Id))
            .collect();
        assert_eq!(id[0], "1 Januari 2024");
        assert_eq!(id[7], "1 Agustus 2024");
        assert_eq!(id[11], "1 Desember 2024");
        let en = NaiveDate::from_ymd_opt(2024, 8, 14).map(|d| date(d, Lang::En));
        assert_eq!(en.as_deref(), Some("14 August 2024"));
        for (i, month) in MONTHS_ID.iter().enumerate() {
            assert!(id[i].contains(month));
        }
        let from = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(2024, 8, 14).unwrap_or_default();
        assert_eq!(span(from, to, Lang::Id), "1 Januari 2023 – 14 Agustus 2024");
    }

    #[test]
    fn key_values_are_worded_and_unknown_keys_are_not() {
        let value = serde_json::json!({"months": 3});
        assert_eq!(
            key_value("expiring_soon", &value, Lang::Id),
            Some(("jendela segera berakhir".to_owned(), "3 bulan".to_owned()))
        );
        assert_eq!(
            key_value("max_term_years", &serde_json::Value::Null, Lang::En),
            Some(("maximum term".to_owned(), "no limit".to_owned()))
        );
        assert_eq!(key_value("unknown_key", &value, Lang::Id), None);
        // A value of the wrong shape is not worded (the renderer shows it as code).
        assert_eq!(
            key_value("expiring_soon", &serde_json::json!(90), Lang::Id),
            None
        );
    }
}
