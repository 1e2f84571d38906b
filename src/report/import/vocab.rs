//! The words of a register's cells: kinds, initiatives, urusan, signatory capacities,
//! clauses, recommendations, and the procedure steps of `tahapan`.

use chrono::NaiveDate;

use crate::model::{
    Clause, CooperationKind, EvaluationOutcome, Feasibility, Initiative, KsdpkType,
    SignatoryCapacity, Urusan,
};
use crate::report::OutsideReason;

use super::DateOrder;
use super::cells::{leading_date, word};

pub(super) enum KindCell {
    Ksd(CooperationKind),
    Outside(OutsideReason),
}

const KIND_HINT: &str = "ksdd_wajib, ksdd_sukarela, ksdd (PP 50/2007, no category), ksdpk_a, ksdpk_b, ksdpk_c, ksdpk_d, ksdpk_d_infrastruktur, ksdpk_d_pengadaan, sinergi, ksdpl, ksdll";

pub(super) fn kind(text: &str, initiative: Initiative) -> Result<KindCell, String> {
    let ksdpk = |ksdpk_type| {
        Ok(KindCell::Ksd(CooperationKind::ksdpk(
            ksdpk_type, initiative,
        )))
    };
    match word(text).as_str() {
        "ksdd_wajib" | "wajib" | "kerja_sama_wajib" => Ok(KindCell::Ksd(CooperationKind::wajib())),
        "ksdd_sukarela" | "sukarela" | "kerja_sama_sukarela" => {
            Ok(KindCell::Ksd(CooperationKind::sukarela()))
        }
        "ksdd" => Ok(KindCell::Ksd(CooperationKind::Ksdd { category: None })),
        "ksdpk_a" | "ksdpk_pelayanan_publik" => ksdpk(KsdpkType::PublicService),
        "ksdpk_b" | "ksdpk_aset" => ksdpk(KsdpkType::AssetUtilisation),
        "ksdpk_c" | "ksdpk_investasi" => ksdpk(KsdpkType::Investment),
        "ksdpk_d" | "ksdpk_lainnya" => ksdpk(KsdpkType::Other),
        "ksdpk_d_infrastruktur" => ksdpk(KsdpkType::InfrastructureProvision),
        "ksdpk_d_pengadaan" => ksdpk(KsdpkType::Procurement),
        "sinergi" | "synergy" => Ok(KindCell::Outside(OutsideReason::CentralAgencyPartner)),
        "ksdpl" | "ksdll" => Ok(KindCell::Outside(OutsideReason::ForeignPartner)),
        "" => Err(format!(
            "the kind is blank (jenis wajib diisi): {KIND_HINT}"
        )),
        _ => Err(format!(
            "`{text}` is not a kind of cooperation (jenis tidak dikenal): {KIND_HINT}"
        )),
    }
}

pub(super) fn initiative(text: &str) -> Result<Initiative, String> {
    match word(text).as_str() {
        "" | "daerah" | "region" | "prakarsa_daerah" => Ok(Initiative::Region),
        "pihak_ketiga" | "mitra" | "third_party" | "prakarsa_pihak_ketiga" => {
            Ok(Initiative::ThirdParty)
        }
        _ => Err(format!(
            "`{text}` is not an initiative (prakarsa tidak dikenal): daerah, pihak_ketiga"
        )),
    }
}

pub(super) fn urusan(text: &str) -> Result<Urusan, String> {
    let wanted = word(text);
    Urusan::ALL
        .iter()
        .copied()
        .find(|u| {
            word(u.label_id()) == wanted
                || word(u.label_en()) == wanted
                || serde_json::to_value(u)
                    .ok()
                    .and_then(|v| v.as_str().map(word))
                    .is_some_and(|name| name == wanted)
        })
        .ok_or_else(|| {
            format!(
                "`{text}` is not an urusan of UU 23/2014 (urusan tidak dikenal); write its label, e.g. `kelautan dan perikanan`, or its name `kelautan_perikanan`"
            )
        })
}

pub(super) fn capacity(text: &str) -> Option<(SignatoryCapacity, bool)> {
    use SignatoryCapacity as C;
    let mut wanted = word(text);
    let mut acting = false;
    for prefix in ["pj_", "plt_", "plh_"] {
        if let Some(rest) = wanted.strip_prefix(prefix) {
            wanted = rest.to_owned();
            acting = true;
        }
    }
    let capacity = match wanted.as_str() {
        "kepala_daerah" | "bupati" | "wali_kota" | "walikota" | "gubernur" | "head" => {
            C::KepalaDaerah
        }
        "wakil_kepala_daerah"
        | "wakil_bupati"
        | "wakil_wali_kota"
        | "wakil_walikota"
        | "wakil_gubernur"
        | "vice_head" => C::WakilKepalaDaerah,
        "sekda" | "sekretaris_daerah" => C::Sekda,
        "asisten" => C::Asisten,
        "kepala_opd" | "kepala_dinas" | "kepala_badan" | "kadis" => C::KepalaOpd,
        "pejabat_lain" | "pejabat" | "official" => C::OtherOfficial,
        "wakil_pihak_ketiga" | "direktur" | "direktur_utama" | "direksi" | "perwakilan"
        | "representative" => C::ThirdPartyRepresentative,
        _ => return None,
    };
    Some((capacity, acting))
}

/// The capacity an office's title states (`Bupati …`, `Pj Sekretaris Daerah …`,
/// `Kepala Dinas …`), and whether it is held by an acting official.
pub(super) fn capacity_of_office(office: &str) -> Option<(SignatoryCapacity, bool)> {
    use SignatoryCapacity as C;
    let mut title = word(office);
    let mut acting = false;
    for prefix in ["pj_", "plt_", "plh_", "penjabat_", "pelaksana_tugas_"] {
        if let Some(rest) = title.strip_prefix(prefix) {
            title = rest.to_owned();
            acting = true;
        }
    }
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| title.starts_with(p));
    let capacity = if starts(&["wakil_"]) {
        C::WakilKepalaDaerah
    } else if starts(&[
        "bupati",
        "wali_kota",
        "walikota",
        "gubernur",
        "kepala_daerah",
    ]) {
        C::KepalaDaerah
    } else if starts(&["sekretaris_daerah", "sekda"]) {
        C::Sekda
    } else if starts(&["asisten"]) {
        C::Asisten
    } else if starts(&["kepala_dinas", "kepala_badan", "kadis", "kepala_opd"]) {
        C::KepalaOpd
    } else {
        return None;
    };
    Some((capacity, acting))
}

pub(super) fn clause(text: &str) -> Option<Clause> {
    Some(match word(text).as_str() {
        "hak_kewajiban" | "hak_dan_kewajiban" | "rights_and_obligations" => {
            Clause::RightsAndObligations
        }
        "jangka_waktu" | "term" => Clause::Term,
        "penyelesaian_sengketa" | "dispute_settlement" => Clause::DisputeSettlement,
        "sanksi" | "sanctions" => Clause::Sanctions,
        "subjek" | "subject" => Clause::Subject,
        "objek" | "object" => Clause::Object,
        "ruang_lingkup" | "scope" => Clause::Scope,
        "pembiayaan" | "financing" => Clause::Financing,
        "keadaan_memaksa" | "force_majeure" => Clause::ForceMajeure,
        "pengakhiran" | "termination" => Clause::Termination,
        "perubahan" | "amendment" => Clause::Amendment,
        _ => return None,
    })
}

pub(super) fn outcome(text: &str) -> Option<EvaluationOutcome> {
    Some(match word(text).as_str() {
        "" | "lanjut" | "dilanjutkan" | "continue" => EvaluationOutcome::Continue,
        "ubah" | "diubah" | "amend" | "addendum" | "amandemen" => EvaluationOutcome::Amend,
        "perpanjang" | "diperpanjang" | "extend" => EvaluationOutcome::Extend,
        "akhiri" | "diakhiri" | "terminate" | "hentikan" => EvaluationOutcome::Terminate,
        _ => return None,
    })
}

pub(super) fn feasibility(text: &str) -> Option<Feasibility> {
    Some(match word(text).as_str() {
        "layak" | "feasible" => Feasibility::Feasible,
        "layak_bersyarat" | "feasible_with_conditions" => Feasibility::FeasibleWithConditions,
        "tidak_layak" | "not_feasible" => Feasibility::NotFeasible,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// The procedure steps of `tahapan`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keyword {
    Preparation,
    Mapping,
    Study,
    Coordination,
    HeadsAgreement,
    Proposal,
    PksDrafting,
    Submit,
    Opinion,
    Resubmit,
    Copies,
    Secretariat,
    TkksdReview,
}

const KEYWORDS: [(&str, Keyword); 26] = [
    ("persiapan", Keyword::Preparation),
    ("preparation", Keyword::Preparation),
    ("pemetaan", Keyword::Mapping),
    ("mapping", Keyword::Mapping),
    ("studi_kelayakan", Keyword::Study),
    ("feasibility_study", Keyword::Study),
    ("koordinasi_teknis", Keyword::Coordination),
    ("technical_coordination", Keyword::Coordination),
    ("kesepakatan_kepala_daerah", Keyword::HeadsAgreement),
    ("heads_agreement", Keyword::HeadsAgreement),
    ("proposal_diterima", Keyword::Proposal),
    ("proposal_received", Keyword::Proposal),
    ("penyusunan_pks", Keyword::PksDrafting),
    ("pks_drafting", Keyword::PksDrafting),
    ("diajukan_dprd", Keyword::Submit),
    ("submitted_to_dprd", Keyword::Submit),
    ("pendapat_dprd", Keyword::Opinion),
    ("dprd_opinion", Keyword::Opinion),
    ("diajukan_ulang_dprd", Keyword::Resubmit),
    ("resubmitted_to_dprd", Keyword::Resubmit),
    ("tembusan_pks", Keyword::Copies),
    ("copies_sent", Keyword::Copies),
    ("sekretariat", Keyword::Secretariat),
    ("secretariat", Keyword::Secretariat),
    ("kajian_tkksd", Keyword::TkksdReview),
    ("tkksd_review", Keyword::TkksdReview),
];

const KEYWORD_HINT: &str = "persiapan, pemetaan, studi_kelayakan, koordinasi_teknis, kesepakatan_kepala_daerah, proposal_diterima, penyusunan_pks, diajukan_dprd, pendapat_dprd, diajukan_ulang_dprd, tembusan_pks, sekretariat, kajian_tkksd";

/// One dated entry of `tahapan`: its keyword and the rest of its text.
pub(super) struct StepEntry {
    pub(super) on: NaiveDate,
    pub(super) keyword: Keyword,
    pub(super) args: String,
}

pub(super) fn step_entry(entry: &str, order: DateOrder) -> Result<StepEntry, String> {
    let tokens: Vec<&str> = entry.split_whitespace().collect();
    let (on, used) = match leading_date(&tokens, order) {
        Some(Ok(found)) => found,
        Some(Err(reason)) => return Err(reason),
        None => {
            return Err(format!(
                "`{entry}`: each step starts with its date, written {} (tanggal di depan)",
                order.pattern()
            ));
        }
    };
    let rest = tokens.get(used..).unwrap_or_default();
    for take in (1..=3).rev() {
        let Some(words) = rest.get(..take) else {
            continue;
        };
        let wanted = word(&words.join(" "));
        if let Some((_, keyword)) = KEYWORDS.iter().find(|(name, _)| *name == wanted) {
            return Ok(StepEntry {
                on,
                keyword: *keyword,
                args: rest.get(take..).unwrap_or_default().join(" "),
            });
        }
    }
    Err(format!(
        "`{entry}`: no known step after the date (tahapan tidak dikenal): {KEYWORD_HINT}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_in_either_spelling_and_the_kinds_outside_pp_28_2018() {
        let region = Initiative::Region;
        assert!(matches!(kind("KSDD Wajib", region), Ok(KindCell::Ksd(k)) if k.is_wajib()));
        assert!(matches!(
            kind("ksdd", region),
            Ok(KindCell::Ksd(CooperationKind::Ksdd { category: None }))
        ));
        assert!(matches!(
            kind("ksdpk-b", Initiative::ThirdParty),
            Ok(KindCell::Ksd(k)) if k.ksdpk_type() == Some(KsdpkType::AssetUtilisation)
                && k.initiative() == Some(Initiative::ThirdParty)
        ));
        assert!(matches!(
            kind("Sinergi", region),
            Ok(KindCell::Outside(OutsideReason::CentralAgencyPartner))
        ));
        assert!(kind("mou", region).is_err_and(|e| e.contains("ksdd_wajib")));
        assert!(kind("", region).is_err_and(|e| e.contains("blank")));
    }

    #[test]
    fn capacities_stated_or_read_from_the_office() {
        use SignatoryCapacity as C;
        assert_eq!(capacity("sekda"), Some((C::Sekda, false)));
        assert_eq!(capacity("pj_bupati"), Some((C::KepalaDaerah, true)));
        assert_eq!(capacity("fiktif"), None);
        assert_eq!(
            capacity_of_office("Pj Sekretaris Daerah"),
            Some((C::Sekda, true))
        );
        assert_eq!(
            capacity_of_office("Wakil Bupati Sidenreng Rappang"),
            Some((C::WakilKepalaDaerah, false))
        );
        assert_eq!(
            capacity_of_office("Wali Kota Palopo"),
            Some((C::KepalaDaerah, false))
        );
        assert_eq!(
            capacity_of_office("Kepala Dinas Kesehatan"),
            Some((C::KepalaOpd, false))
        );
        assert_eq!(capacity_of_office("Direktur Utama"), None);
    }

    #[test]
    fn urusan_by_label_name_or_english() {
        assert_eq!(
            urusan("Kelautan dan Perikanan"),
            Ok(Urusan::KelautanPerikanan)
        );
        assert_eq!(urusan("kelautan_perikanan"), Ok(Urusan::KelautanPerikanan));
        assert_eq!(urusan("tourism"), Ok(Urusan::Pariwisata));
        assert_eq!(
            urusan("ketenteraman, ketertiban umum, dan pelindungan masyarakat"),
            Ok(Urusan::KetenteramanKetertibanUmum)
        );
        assert!(urusan("sembako").is_err());
    }

    #[test]
    fn a_step_starts_with_its_date_and_a_known_word() {
        let order = DateOrder::DayMonthYear;
        let step = step_entry("18/03/2024 koordinasi teknis nasional", order);
        assert!(matches!(
            &step,
            Ok(StepEntry { keyword: Keyword::Coordination, args, .. }) if args == "nasional"
        ));
        assert!(
            step_entry("koordinasi_teknis 18/03/2024", order)
                .is_err_and(|e| e.contains("starts with its date"))
        );
        assert!(step_entry("18/03/2024 rapat", order).is_err_and(|e| e.contains("no known step")));
    }
}
