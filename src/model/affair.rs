//! Government affairs (urusan pemerintahan), the object of every KSDD and KSDPK, grouped as in
//! UU 23/2014 Pasal 12. Reference data, not a rule.

use serde::{Deserialize, Serialize};

/// The three groups of concurrent government affairs of UU 23/2014 Pasal 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UrusanGroup {
    /// Mandatory, basic service (wajib pelayanan dasar): 6 affairs.
    WajibPelayananDasar,
    /// Mandatory, non-basic (wajib non-pelayanan dasar): 18 affairs.
    WajibNonPelayananDasar,
    /// Optional (pilihan): 8 affairs.
    Pilihan,
}

macro_rules! urusan {
    ($($variant:ident => $group:ident, $id:literal, $en:literal;)*) => {
        /// A government affair (urusan pemerintahan) of UU 23/2014 Pasal 12.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Urusan {
            $(#[doc = concat!($id, " (", $en, ").")] $variant,)*
        }

        impl Urusan {
            /// All 32 affairs, in the order of UU 23/2014 Pasal 12.
            pub const ALL: &'static [Urusan] = &[$(Urusan::$variant),*];

            /// The group of this affair.
            pub fn group(self) -> UrusanGroup {
                match self { $(Urusan::$variant => UrusanGroup::$group,)* }
            }

            /// Indonesian label.
            pub fn label_id(self) -> &'static str {
                match self { $(Urusan::$variant => $id,)* }
            }

            /// English label.
            pub fn label_en(self) -> &'static str {
                match self { $(Urusan::$variant => $en,)* }
            }
        }
    };
}

urusan! {
    Pendidikan => WajibPelayananDasar, "pendidikan", "education";
    Kesehatan => WajibPelayananDasar, "kesehatan", "health";
    PekerjaanUmumPenataanRuang => WajibPelayananDasar, "pekerjaan umum dan penataan ruang", "public works and spatial planning";
    PerumahanKawasanPermukiman => WajibPelayananDasar, "perumahan rakyat dan kawasan permukiman", "housing and settlements";
    KetenteramanKetertibanUmum => WajibPelayananDasar, "ketenteraman, ketertiban umum, dan pelindungan masyarakat", "public order and community protection";
    Sosial => WajibPelayananDasar, "sosial", "social affairs";
    TenagaKerja => WajibNonPelayananDasar, "tenaga kerja", "manpower";
    PemberdayaanPerempuanPerlindunganAnak => WajibNonPelayananDasar, "pemberdayaan perempuan dan pelindungan anak", "women's empowerment and child protection";
    Pangan => WajibNonPelayananDasar, "pangan", "food";
    Pertanahan => WajibNonPelayananDasar, "pertanahan", "land";
    LingkunganHidup => WajibNonPelayananDasar, "lingkungan hidup", "environment";
    AdministrasiKependudukan => WajibNonPelayananDasar, "administrasi kependudukan dan pencatatan sipil", "population administration and civil registration";
    PemberdayaanMasyarakatDesa => WajibNonPelayananDasar, "pemberdayaan masyarakat dan desa", "community and village empowerment";
    PengendalianPendudukKb => WajibNonPelayananDasar, "pengendalian penduduk dan keluarga berencana", "population control and family planning";
    Perhubungan => WajibNonPelayananDasar, "perhubungan", "transport";
    KomunikasiInformatika => WajibNonPelayananDasar, "komunikasi dan informatika", "communication and informatics";
    KoperasiUkm => WajibNonPelayananDasar, "koperasi, usaha kecil, dan menengah", "cooperatives and small and medium enterprises";
    PenanamanModal => WajibNonPelayananDasar, "penanaman modal", "investment";
    KepemudaanOlahraga => WajibNonPelayananDasar, "kepemudaan dan olah raga", "youth and sports";
    Statistik => WajibNonPelayananDasar, "statistik", "statistics";
    Persandian => WajibNonPelayananDasar, "persandian", "cryptography";
    Kebudayaan => WajibNonPelayananDasar, "kebudayaan", "culture";
    Perpustakaan => WajibNonPelayananDasar, "perpustakaan", "libraries";
    Kearsipan => WajibNonPelayananDasar, "kearsipan", "archives";
    KelautanPerikanan => Pilihan, "kelautan dan perikanan", "marine affairs and fisheries";
    Pariwisata => Pilihan, "pariwisata", "tourism";
    Pertanian => Pilihan, "pertanian", "agriculture";
    Kehutanan => Pilihan, "kehutanan", "forestry";
    EnergiSumberDayaMineral => Pilihan, "energi dan sumber daya mineral", "energy and mineral resources";
    Perdagangan => Pilihan, "perdagangan", "trade";
    Perindustrian => Pilihan, "perindustrian", "industry";
    Transmigrasi => Pilihan, "transmigrasi", "transmigration";
}
