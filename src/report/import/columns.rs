//! The columns of a register CSV (docs/register-csv.md): their Indonesian header names, the
//! English names also accepted, and which are required.

/// One column of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Col {
    Id,
    Title,
    Kind,
    Initiative,
    Parties,
    PartnerCategory,
    Urusan,
    Object,
    LeadOpd,
    Plan,
    WajibRationale,
    SectoralRegime,
    ProposedTerm,
    Steps,
    KbNumbers,
    KbSigned,
    KbSignatories,
    KbStart,
    KbEnd,
    PksNumbers,
    PksSigned,
    PksSignatories,
    PksKuasa,
    PksStart,
    PksEnd,
    PksClauses,
    DprdFlags,
    DprdJustification,
    DprdApprovals,
    Evaluations,
}

impl Col {
    /// Every column, in the order of docs/register-csv.md.
    pub(crate) const ALL: [Col; 30] = [
        Col::Id,
        Col::Title,
        Col::Kind,
        Col::Initiative,
        Col::Parties,
        Col::PartnerCategory,
        Col::Urusan,
        Col::Object,
        Col::LeadOpd,
        Col::Plan,
        Col::WajibRationale,
        Col::SectoralRegime,
        Col::ProposedTerm,
        Col::Steps,
        Col::KbNumbers,
        Col::KbSigned,
        Col::KbSignatories,
        Col::KbStart,
        Col::KbEnd,
        Col::PksNumbers,
        Col::PksSigned,
        Col::PksSignatories,
        Col::PksKuasa,
        Col::PksStart,
        Col::PksEnd,
        Col::PksClauses,
        Col::DprdFlags,
        Col::DprdJustification,
        Col::DprdApprovals,
        Col::Evaluations,
    ];

    /// The columns a register must have (their cells may still be blank where a row allows).
    pub(crate) const REQUIRED: [Col; 5] =
        [Col::Id, Col::Title, Col::Kind, Col::Parties, Col::Urusan];

    /// The Indonesian header name, as error messages name the column.
    pub(crate) fn name(self) -> &'static str {
        self.names().first().copied().unwrap_or_default()
    }

    /// Every header name accepted (normalised: lower case, words joined by `_`); the first
    /// is the Indonesian name, the second the English one.
    pub(crate) fn names(self) -> &'static [&'static str] {
        match self {
            Col::Id => &[
                "no_register",
                "id",
                "nomor_register",
                "label",
                "register_no",
            ],
            Col::Title => &["judul", "title"],
            Col::Kind => &["jenis", "kind", "jenis_kerja_sama"],
            Col::Initiative => &["prakarsa", "initiative"],
            Col::Parties => &["pihak", "parties", "para_pihak"],
            Col::PartnerCategory => &["kategori_mitra", "partner_category"],
            Col::Urusan => &["urusan", "affairs", "urusan_pemerintahan"],
            Col::Object => &["objek", "object"],
            Col::LeadOpd => &["opd_pengampu", "lead_opd"],
            Col::Plan => &["rencana_pembangunan", "development_plan"],
            Col::WajibRationale => &["alasan_wajib", "wajib_rationale"],
            Col::SectoralRegime => &["rezim_sektoral", "sectoral_regime"],
            Col::ProposedTerm => &["jangka_usulan", "proposed_term"],
            Col::Steps => &["tahapan", "steps"],
            Col::KbNumbers => &["kb_nomor", "kb_numbers"],
            Col::KbSigned => &["kb_tanggal", "kb_signed"],
            Col::KbSignatories => &["kb_penandatangan", "kb_signatories"],
            Col::KbStart => &["kb_mulai", "kb_start"],
            Col::KbEnd => &["kb_berakhir", "kb_end"],
            Col::PksNumbers => &["pks_nomor", "pks_numbers"],
            Col::PksSigned => &["pks_tanggal", "pks_signed"],
            Col::PksSignatories => &["pks_penandatangan", "pks_signatories"],
            Col::PksKuasa => &["pks_surat_kuasa", "pks_power_of_attorney"],
            Col::PksStart => &["pks_mulai", "pks_start"],
            Col::PksEnd => &["pks_berakhir", "pks_end"],
            Col::PksClauses => &["pks_klausul", "pks_clauses"],
            Col::DprdFlags => &["dprd_syarat", "dprd_gate"],
            Col::DprdJustification => &["dprd_alasan", "dprd_justification"],
            Col::DprdApprovals => &["dprd_persetujuan", "dprd_approvals"],
            Col::Evaluations => &["evaluasi", "evaluations"],
        }
    }

    /// The column a (normalised) header names, if any.
    pub(crate) fn from_header(normalised: &str) -> Option<Col> {
        Col::ALL
            .into_iter()
            .find(|col| col.names().contains(&normalised))
    }
}

/// Headers that hold notes for people, never read: `keterangan`, `catatan`, `notes`, `no`
/// (a running number) and anything starting with `x_`.
pub(crate) fn is_note(normalised: &str) -> bool {
    matches!(normalised, "no" | "nomor_urut" | "notes" | "note")
        || normalised.starts_with("keterangan")
        || normalised.starts_with("catatan")
        || normalised.starts_with("x_")
}

/// A header as compared: lower case, without a byte-order mark, every run of characters other
/// than letters and digits turned into one `_`, none at either end.
pub(crate) fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut gap = false;
    for ch in header.trim_start_matches('\u{feff}').chars() {
        if ch.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.extend(ch.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_matched_in_both_languages_and_any_spelling() {
        assert_eq!(
            Col::from_header(&normalise("KB Tanggal")),
            Some(Col::KbSigned)
        );
        assert_eq!(
            Col::from_header(&normalise("kb-signed")),
            Some(Col::KbSigned)
        );
        assert_eq!(
            Col::from_header(&normalise("\u{feff}No. Register")),
            Some(Col::Id)
        );
        assert_eq!(Col::from_header(&normalise("Pihak")), Some(Col::Parties));
        assert_eq!(Col::from_header("kb_tangal"), None);
        assert!(is_note("keterangan_lain"));
        assert!(!is_note("kb_tangal"));
    }

    #[test]
    fn every_header_name_is_normalised_and_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for col in Col::ALL {
            for name in col.names() {
                assert_eq!(normalise(name), *name);
                assert!(seen.insert(*name), "{name} twice");
                assert!(!is_note(name));
            }
        }
    }
}
