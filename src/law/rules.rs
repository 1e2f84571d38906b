//! The catalogue: every rule of RULES.md with citation, provenance and bilingual text.
//!
//! One entry per rule id of `shared/domain/RULES.md`, in the order of that file, with exactly
//! its provenance tag: `[PRIMARY]` rules cite PP 28/2018 as written there, `[SECONDARY]` rules
//! name their instrument (a Permendagri 22/2020 summary or local practice), their source URL(s)
//! and the `Policy` key(s) that configure them, and `[LEGACY]` rules cite PP 50/2007
//! or Permendagri 22/2009.
//!
//! [`markdown`] writes the catalogue as Markdown; the repository publishes it as `docs/rules.md`.

use super::citation::{Instrument, Loc};
use super::ids::*;
use super::rule::{Entry, Provenance, Rule, RuleId};

/// Permendagri 22/2020, known only through summaries (its primary text is not available).
const P22: Instrument = Instrument::Permendagri22_2020;
/// Local practice: regional templates, systems and news.
const PRACTICE: Instrument = Instrument::Practice;
/// PP 50/2007, the revoked regulation.
const PP50: Instrument = Instrument::Pp50_2007;
/// Permendagri 22/2009, implementing PP 50/2007.
const P22_2009: Instrument = Instrument::Permendagri22_2009;

/// Source: Permendagri 22/2020 as published on vdokumen (preamble only).
const SRC_P22_TEXT: &str = "https://vdokumen.com/permendagri-nomor-22-tahun-2020-web-view-indonesia-nomor-5587-sebagaimana-telah.html";
/// Source: slides summarising Permendagri 22/2020.
const SRC_P22_SLIDES: &str = "https://www.slideshare.net/ssuserb251b71/tata-cara-dan-prosedur-kerja-sama-daerahpermendagri-2220201pdf";
/// Source: FAQ of a city's cooperation portal, summarising Permendagri 22/2020.
const SRC_QNA: &str = "https://github.com/kukuhnugrh/pemkot-app/blob/d92d1d274655187e8db9eda0127deaaa8e80ddfe/qna.php";
/// Source: Kemendagri (Ditjen Bina Administrasi Kewilayahan) news on mapping meetings.
const SRC_BINAADWIL: &str = "https://ditjenbinaadwil.kemendagri.go.id/berita/detail/evaluasi-tindak-lanjut-inisiasi-kesepakatan-kerja-sama";

static ENTRIES: &[Entry] = &[
    // §3.1 Kinds, representation, scope
    Entry::primary(
        KSD_KIND_01,
        &[Loc::pasal("1").angka("1–5")],
        "Kerja sama daerah terdiri atas empat jenis: kerja sama daerah dengan daerah lain (KSDD), dengan pihak ketiga (KSDPK), dengan pemerintah daerah di luar negeri (KSDPL) dan dengan lembaga di luar negeri (KSDLL). Versi 1 hanya memodelkan KSDD dan KSDPK.",
        "Regional cooperation has four kinds: with another region (KSDD), with a third party (KSDPK), with a foreign regional government (KSDPL) and with a foreign institution (KSDLL). Version 1 models only KSDD and KSDPK.",
    ),
    Entry::primary(
        KSD_KIND_02,
        &[Loc::ayat("2", "1"), Loc::ayat("13", "1")],
        "Daerah bertindak melalui kepala daerah (gubernur, bupati atau wali kota) untuk dan atas nama daerah.",
        "The region acts through its head of region (kepala daerah: governor, regent or mayor), for and on behalf of the region.",
    ),
    Entry::primary(
        KSD_KIND_03,
        &[Loc::ayat("2", "2–3"), Loc::ayat("13", "2–3")],
        "Kepala daerah dapat memberikan kuasa kepada pejabat perangkat daerah yang diizinkan peraturan perundang-undangan hanya untuk menandatangani perjanjian kerja sama. PP tidak mengatur pemberian kuasa untuk menandatangani kesepakatan bersama.",
        "The head of region may authorise (memberikan kuasa) an official of the regional apparatus, as permitted by law, to sign the cooperation agreement (perjanjian kerja sama, PKS) only. The PP provides no delegation for signing the joint agreement (kesepakatan bersama, KB).",
    ),
    Entry::primary(
        KSD_KIND_04,
        &[Loc::pasal("46").penjelasan()],
        "Dukungan program antara Pemerintah Pusat dan daerah merupakan sinergi, bukan kerja sama daerah. Kementerian atau lembaga pusat tidak dapat menjadi pihak ketiga; gunakan sinergi.",
        "Programme support between the central government and a region is synergy (sinergi), not regional cooperation. A ministry or central agency cannot be a third party (pihak ketiga); use synergy instead.",
    ),
    Entry::primary(
        KSD_KIND_05,
        &[Loc::pasal("47")],
        "PP ini berlaku juga bagi DIY, DKI Jakarta, Aceh, Papua dan Papua Barat sepanjang tidak diatur lain dalam undang-undang otonomi khususnya.",
        "The PP also applies to DIY, DKI Jakarta, Aceh, Papua and Papua Barat unless their special-autonomy laws provide otherwise.",
    ),
    // §3.2 KSDD: kerja sama wajib vs kerja sama sukarela
    Entry::primary(
        KSD_KIND_06,
        &[Loc::ayat("3", "1")],
        "Setiap kerja sama daerah dengan daerah lain merupakan kerja sama wajib atau kerja sama sukarela; tidak ada kategori ketiga.",
        "Every cooperation between regions (KSDD) is either mandatory (kerja sama wajib) or voluntary (kerja sama sukarela); there is no third category.",
    ),
    Entry::primary(
        KSD_KIND_07,
        &[Loc::ayat("3", "2").penjelasan()],
        "Kerja sama wajib dilakukan oleh paling sedikit dua daerah yang berbatasan untuk urusan pemerintahan yang memiliki eksternalitas lintas daerah dan penyediaan layanannya lebih efisien jika dikelola bersama.",
        "A kerja sama wajib needs at least two regions that border each other, for a government affair (urusan pemerintahan) that has cross-regional externalities and is delivered more efficiently when managed jointly.",
    ),
    Entry::primary(
        KSD_KIND_08,
        &[Loc::ayat("3", "3")],
        "Kerja sama sukarela dilakukan oleh paling sedikit dua daerah, berbatasan atau tidak, untuk urusan pemerintahan yang menjadi kewenangannya dan dinilai lebih efektif dan efisien jika dilaksanakan bersama.",
        "A kerja sama sukarela needs at least two regions, bordering or not, for a government affair within their authority that is judged more effective and efficient if carried out jointly.",
    ),
    Entry::primary(
        KSD_KIND_09,
        &[Loc::ayat("5", "2")],
        "Kerja sama wajib hanya dalam lima pasangan: kabupaten/kota dengan kabupaten/kota dalam satu provinsi; provinsi dengan provinsi; provinsi dengan kabupaten/kota dalam wilayahnya; provinsi dengan kabupaten/kota dari provinsi lain; kabupaten/kota dengan kabupaten/kota dari provinsi yang berbeda.",
        "A kerja sama wajib is allowed in five pairings: kab/kota with kab/kota in the same province; province with province; province with a kab/kota in its territory (best-known reading); province with a kab/kota of another province; kab/kota with kab/kota of different provinces.",
    ),
    Entry::secondary(
        KSD_KIND_10,
        P22,
        SRC_P22_SLIDES,
        "wajib_pairings",
        "Ringkasan Permendagri 22/2020 hanya mencantumkan empat pasangan kerja sama wajib (tanpa provinsi dengan kabupaten/kota dari provinsi lain). Daftar pasangan dapat dikonfigurasi; bawaannya lima pasangan menurut PP.",
        "A Permendagri 22/2020 summary lists only four mandatory-cooperation pairings (it omits province with a kab/kota of another province). The allowed pairings are configurable and default to the PP's five.",
    ),
    Entry::secondary(
        KSD_KIND_11,
        P22,
        SRC_P22_SLIDES,
        "containment_counts_as_border",
        "Untuk pasangan provinsi dengan kabupaten/kota dalam wilayahnya, syarat berbatasan dibaca terpenuhi karena kabupaten/kota berada di dalam provinsi. Bawaannya keberadaan di dalam wilayah dihitung sebagai berbatasan.",
        "For the pairing of a province with a kab/kota in its territory, the bordering requirement is read as met by containment, since the kab/kota lies inside the province. By default containment counts as a border.",
    ),
    // §3.3 Objects
    Entry::primary(
        KSD_OBJ_01,
        &[Loc::ayat("4", "1"), Loc::ayat("16", "1")],
        "Objek kerja sama adalah urusan pemerintahan yang menjadi kewenangan daerah.",
        "The object of cooperation is a government affair (urusan pemerintahan) within the region's authority.",
    ),
    Entry::primary(
        KSD_OBJ_02,
        &[Loc::ayat("4", "2"), Loc::ayat("16", "2")],
        "Objek kerja sama diprioritaskan dari perencanaan pembangunan daerah (RPJMD/RKPD).",
        "Priority objects of cooperation come from regional development planning (RPJMD/RKPD).",
    ),
    Entry::primary(
        KSD_OBJ_03,
        &[Loc::ayat("4", "3"), Loc::ayat("16", "3").penjelasan()],
        "Objek di luar perencanaan pembangunan daerah hanya dapat dikerjasamakan untuk menangani kondisi darurat, mendukung program strategis nasional, dan/atau melaksanakan penugasan berdasarkan asas tugas pembantuan; satu objek dapat memiliki lebih dari satu alasan.",
        "An object outside the development plan is allowed only to handle an emergency (kondisi darurat), to support a national strategic programme and/or to carry out an assignment under the co-administration principle (tugas pembantuan); an object may have more than one of these reasons.",
    ),
    Entry::primary(
        KSD_OBJ_04,
        &[Loc::ayat("4", "4"), Loc::ayat("16", "4")],
        "Objek dan pelaksanaan kerja sama tidak boleh bertentangan dengan kesusilaan, ketertiban umum, kepentingan nasional dan peraturan perundang-undangan. Pernyataan pemenuhannya dicatat sebelum penawaran.",
        "The object and the conduct of cooperation must not conflict with morality (kesusilaan), public order, the national interest or the law. An attestation is recorded before the offer.",
    ),
    // §3.4 KSDPK: partners, types, initiative
    Entry::primary(
        KSD_PK_01,
        &[Loc::pasal("14").penjelasan()],
        "Pihak ketiga terdiri atas perseorangan, badan usaha berbadan hukum (BUMN, BUMD, koperasi, badan usaha swasta), dan organisasi kemasyarakatan yang berbadan hukum maupun tidak; tidak ada kategori lain.",
        "A third party (pihak ketiga) is an individual, a business entity with legal-entity status (BUMN, BUMD, cooperative, private company), or a civil-society organisation with or without legal-entity status (best-known reading); no other category exists.",
    ),
    Entry::primary(
        KSD_PK_02,
        &[Loc::ayat("15", "1")],
        "Jenis kerja sama daerah dengan pihak ketiga: penyediaan pelayanan publik; pengelolaan aset untuk meningkatkan nilai tambah yang memberikan pendapatan bagi daerah; investasi; dan kerja sama lain yang tidak bertentangan dengan peraturan perundang-undangan.",
        "KSDPK types: (a) provision of public services; (b) asset cooperation that adds value and yields regional revenue; (c) investment; (d) other cooperation not contrary to law.",
    ),
    Entry::primary(
        KSD_PK_03,
        &[Loc::ayat("15", "2–4")],
        "Jenis (a) mengikuti PP ini; jenis (b) dan (c) mengikuti peraturan sektoralnya; jenis (d) dapat berupa penyediaan infrastruktur dengan badan usaha berbadan hukum atau pengadaan barang/jasa. Untuk jenis (b)–(d) rezim sektoral dicatat dan pemeriksaan tahapan PP hanya bersifat saran.",
        "Type (a) follows this PP; types (b) and (c) follow their sectoral laws; type (d) may be infrastructure provision with a legal-entity business (best-known reading) or procurement of goods and services. For (b)–(d) the sectoral regime is recorded and the PP's stage checks are advisory, not blocking.",
    ),
    Entry::primary(
        KSD_PK_04,
        &[Loc::pasal("17")],
        "Kerja sama dengan pihak ketiga atas prakarsa daerah memerlukan, sebelum penawaran, pemetaan urusan pemerintahan sesuai potensi, karakteristik dan kebutuhan, serta studi kelayakan yang disusun oleh daerah.",
        "A region-initiated KSDPK (prakarsa daerah) requires, before the offer, a mapping of affairs by potential, characteristics and needs, and a feasibility study (studi kelayakan) prepared by the region.",
    ),
    Entry::primary(
        KSD_PK_05,
        &[Loc::ayat("18", "1")],
        "Kerja sama atas prakarsa pihak ketiga harus memenuhi ketiga kriteria: terintegrasi secara teknis dengan rencana induk sektor; layak secara ekonomi dan finansial; dan pemrakarsa memiliki kemampuan keuangan yang memadai untuk membiayai kerja sama.",
        "A third-party-initiated KSDPK (prakarsa pihak ketiga) must meet all three criteria: technically integrated with the sector's master plan (rencana induk); economically and financially feasible; and the initiator has enough financial capacity to fund the cooperation.",
    ),
    Entry::primary(
        KSD_PK_06,
        &[Loc::ayat("18", "2")],
        "Dalam kerja sama atas prakarsa pihak ketiga, studi kelayakan disiapkan oleh pihak ketiga.",
        "In a third-party initiative, the third party prepares the feasibility study (studi kelayakan).",
    ),
    Entry::primary(
        KSD_PK_07,
        &[Loc::pasal("20")],
        "Hasil kerja sama dengan pihak ketiga dapat berupa uang dan/atau barang; uang bagian daerah disetor ke kas daerah sebagai pendapatan daerah dan barang dicatat sebagai barang milik daerah.",
        "KSDPK results may be money and/or goods; the region's money goes to the regional treasury (kas daerah) as regional revenue and the region's goods are recorded as regional assets (barang milik daerah).",
    ),
    Entry::secondary(
        KSD_PK_08,
        P22,
        SRC_P22_TEXT,
        "third_party_selection",
        "Cara daerah memilih di antara pihak ketiga yang bersaing untuk jenis (a) belum diketahui; jenis (b)–(d) mengikuti rezimnya. Bawaannya tidak ditentukan.",
        "How a region chooses among competing third parties for type (a) is unknown; types (b)–(d) follow their own regimes. The default is unspecified.",
    ),
    // §4.1 The ten stages (a–j)
    Entry::primary(
        KSD_STAGE_01,
        &[Loc::ayat("6", "1")],
        "Kerja sama daerah dengan daerah lain melalui sepuluh tahapan (a–j) secara berurutan, dari persiapan sampai pelaporan. Rumusan tahap h–j merupakan bacaan terbaik.",
        "A KSDD passes through ten stages, a–j, in this order, from preparation (persiapan) to reporting (pelaporan). The wording of stages h–j is the best-known reading.",
    ),
    Entry::primary(
        KSD_STAGE_02,
        &[Loc::ayat("19", "1")],
        "Tahapan, persetujuan DPRD, serta dokumen kesepakatan bersama dan perjanjian kerja sama berlaku secara mutatis mutandis bagi kerja sama daerah dengan pihak ketiga.",
        "The same stages, the DPRD approval gate and the KB/PKS documents apply to KSDPK mutatis mutandis.",
    ),
    Entry::primary(
        KSD_STAGE_03,
        &[Loc::ayat("6", "4")],
        "Rincian setiap tahapan diatur lebih lanjut dalam Permendagri 22/2020; rincian yang tidak berasal dari PP diperlakukan sebagai praktik (SECONDARY).",
        "The detailed content of each stage is delegated to Permendagri 22/2020; any detail not taken from the PP is treated as practice (SECONDARY).",
    ),
    Entry::secondary(
        KSD_STAGE_04,
        PRACTICE,
        "https://harga.me/kolaborasi-harus-saling-memberikan-keuntungan/; https://github.com/kukuhnugrh/pemkot-app/blob/86668f6ff911fede64b74ef30d085d79a701eed4/application/views/subpage_1/opd.php",
        "tkksd_review",
        "Dalam praktik, TKKSD mengkaji rencana kerja sama sebelum penawaran dan sebelum setiap penandatanganan; pejabat Kemendagri menyebut melewatkannya sebagai risiko hukum. Bawaannya kajian yang tidak ada menjadi peringatan.",
        "In practice the TKKSD reviews the cooperation before the offer and before each signing; Kemendagri officials describe skipping it as a legal risk. By default a missing review is a warning.",
    ),
    Entry::secondary(
        KSD_STAGE_05,
        PRACTICE,
        "https://www.kompasiana.com/sumarlinjendelahukum/62956f69bb44864a754558b3/tata-cara-kerja-sama-daerah?page=3&page_images=1",
        "allow_pks_without_kb",
        "Dalam praktik setiap kerja sama diawali kesepakatan bersama dan dilanjutkan perjanjian kerja sama, dengan urutan tahap d → e → f. Bawaannya perjanjian kerja sama tanpa kesepakatan bersama tidak diperbolehkan.",
        "In practice every cooperation starts with a joint agreement (KB) and continues with a cooperation agreement (PKS), in the stage order d → e → f. By default a PKS without a KB is not allowed.",
    ),
    Entry::secondary(
        KSD_STAGE_06,
        P22,
        SRC_P22_TEXT,
        "offer_response_deadline, kb_to_pks_deadline, kb_max_validity",
        "Tidak diketahui batas waktu untuk menjawab penawaran, untuk beralih dari kesepakatan bersama ke perjanjian kerja sama, maupun masa berlaku kesepakatan bersama. Bawaannya tidak ada batas waktu.",
        "No deadline is known for answering an offer, for moving from KB to PKS, or for the KB's own validity. By default none is set.",
    ),
    Entry::secondary(
        KSD_STAGE_07,
        PRACTICE,
        "https://github.com/bayatechdev/sikap",
        "stage_slas",
        "Target waktu proses dalam sistem daerah (KB/MoU 30 hari, PKS 45 hari, NK atau surat kuasa 21 hari) adalah target internal, bukan hukum. Bawaannya tidak ada target; nilai ini hanya contoh profil.",
        "Processing targets seen in a local system (KB/MoU 30 days, PKS 45 days, NK or surat kuasa 21 days) are internal targets, not law. By default none is set; these values are only an example profile.",
    ),
    Entry::secondary(
        KSD_STAGE_08,
        PRACTICE,
        "https://github.com/kukuhnugrh/pemkot-app/blob/d2d56a25791963c230506fa96bdc8807184944f3/application/views/panduan_mitra/menu_3.php",
        "offer_letter_signatory",
        "Surat penawaran ditandatangani oleh kepala daerah, bukan oleh perangkat daerah, dan dilampiri KAK serta rancangan kesepakatan bersama.",
        "The offer letter (surat penawaran) is signed by the head of region, not by a regional apparatus unit (OPD), and carries the KAK and a draft KB.",
    ),
    // §4.2 Extra pre-stages for kerja sama wajib
    Entry::primary(
        KSD_WAJIB_01,
        &[Loc::ayat("5", "1")],
        "Setiap daerah melakukan pemetaan urusan pemerintahan sesuai potensi dan karakteristik daerahnya.",
        "Each region maps its government affairs (pemetaan urusan pemerintahan) by potential and characteristics.",
    ),
    Entry::primary(
        KSD_WAJIB_02,
        &[Loc::ayat("5", "2")],
        "Daerah yang berbatasan membahas hasil pemetaan dalam koordinasi teknis: tingkat provinsi bila semua pihak adalah kabupaten/kota dalam satu provinsi, tingkat nasional untuk pasangan lainnya.",
        "The bordering regions discuss the mappings in technical coordination: at provincial level when all parties are kab/kota of one province, at national level for every other pairing.",
    ),
    Entry::primary(
        KSD_WAJIB_03,
        &[Loc::ayat("5", "3")],
        "Hasil koordinasi teknis disepakati bersama oleh kepala daerah dari semua daerah yang bekerja sama.",
        "The heads of all cooperating regions jointly agree the outcome of the technical coordination (disepakati bersama).",
    ),
    Entry::secondary(
        KSD_WAJIB_04,
        PRACTICE,
        SRC_BINAADWIL,
        "coordination_convenor",
        "Koordinasi teknis diselenggarakan oleh gubernur untuk tingkat provinsi dan oleh Kemendagri untuk tingkat nasional; Kemendagri juga menghimpun laporan pemetaan daerah.",
        "Technical coordination is convened by the governor at provincial level and by Kemendagri at national level; Kemendagri also collects the regions' mapping reports.",
    ),
    // §4.3 KSDPK stage 0 (initiative branch)
    Entry::secondary(
        KSD_PK_09,
        PRACTICE,
        "https://github.com/kukuhnugrh/pemkot-app/blob/d2d56a25791963c230506fa96bdc8807184944f3/application/views/panduan_mitra/menu_1.php",
        "third_party_proposal_assessment",
        "Dalam praktik, bagian kerja sama dan TKKSD menilai kriteria dan studi kelayakan usulan pihak ketiga, dapat meminta data tambahan, lalu merekomendasikan agar usulan diterima, diperbaiki atau ditolak.",
        "In practice the cooperation unit and the TKKSD check a third-party proposal's criteria and feasibility study, may ask for more data, then recommend accept, revise or reject.",
    ),
    // §5 DPRD approval (stage e)
    Entry::primary(
        KSD_DPRD_01,
        &[Loc::ayat("6", "2")],
        "Persetujuan DPRD diperlukan bila rencana kerja sama membebani masyarakat dan daerah dan/atau pendanaannya belum teranggarkan dalam APBD tahun anggaran berjalan.",
        "DPRD approval is required when the plan burdens the community and the region and/or its funding is not yet budgeted in the current fiscal year's APBD.",
    ),
    Entry::primary(
        KSD_DPRD_02,
        &[Loc::ayat("19", "1")],
        "Syarat persetujuan DPRD yang sama berlaku bagi pihak daerah dalam kerja sama daerah dengan pihak ketiga.",
        "The same DPRD approval gate applies to KSDPK, for the region party.",
    ),
    Entry::primary(
        KSD_DPRD_03,
        &[Loc::ayat("6", "1")],
        "Persetujuan DPRD berada setelah penandatanganan kesepakatan bersama (tahap d) dan sebelum penyusunan perjanjian kerja sama (tahap f).",
        "DPRD approval sits after signing the KB (stage d) and before drafting the PKS (stage f).",
    ),
    Entry::primary(
        KSD_DPRD_04,
        &[Loc::pasal("6")],
        "Untuk KSDD dan KSDPK, PP tidak menetapkan batas waktu persetujuan DPRD, persetujuan yang dianggap diberikan, maupun kewajiban sekadar pemberitahuan. Menunggu persetujuan DPRD tidak berbatas waktu dan tidak pernah disetujui secara otomatis.",
        "For KSDD and KSDPK the PP sets no DPRD deadline, no deemed approval and no inform-only duty. Awaiting DPRD approval has no timer and is never approved automatically.",
    )
    .absence(),
    Entry::secondary(
        KSD_DPRD_05,
        P22,
        SRC_P22_TEXT,
        "dprd_deadline_working_days, dprd_silence, dprd_submission_docs",
        "Tata cara, dokumen yang diajukan, batas waktu dan akibat diamnya DPRD dapat diatur Permendagri 22/2020. Bawaannya tanpa batas waktu, diamnya DPRD tidak berakibat, dan tanpa daftar dokumen.",
        "Procedure, submitted documents, any deadline and the effect of DPRD silence may be set by Permendagri 22/2020. By default there is no deadline, silence has no effect and no document list is required.",
    ),
    Entry::primary(
        KSD_DPRD_06,
        &[Loc::ayat("30", "1–4"), Loc::pasal("38–40")],
        "Khusus KSDPL/KSDLL: kerja sama luar negeri selalu memerlukan persetujuan DPRD yang diberikan paling lama 45 hari kerja sejak surat kepala daerah diterima; PP tidak mengatur akibat diamnya DPRD. Tidak berlaku untuk KSDD/KSDPK.",
        "For KSDPL/KSDLL only: foreign cooperation always needs DPRD approval, given within 45 working days of receipt of the head's request letter; the PP states no consequence of silence. Never applied to KSDD/KSDPK.",
    ),
    // §6 Documents
    Entry::primary(
        KSD_DOC_01,
        &[Loc::ayat("6", "3"), Loc::ayat("19", "1")],
        "Dokumen kerja sama terdiri atas kesepakatan bersama (tahap d) dan perjanjian kerja sama (tahap g).",
        "The cooperation documents are the joint agreement (kesepakatan bersama, KB, stage d) and the cooperation agreement (perjanjian kerja sama, PKS, stage g).",
    ),
    Entry::primary(
        KSD_DOC_02,
        &[Loc::ayat("19", "2")],
        "Perjanjian kerja sama dengan pihak ketiga paling sedikit memuat hak dan kewajiban para pihak, jangka waktu kerja sama, penyelesaian perselisihan, dan sanksi bagi pihak yang tidak memenuhi perjanjian.",
        "A KSDPK contract/PKS contains at least the parties' rights and obligations, the term (jangka waktu), dispute settlement, and sanctions for a party that does not perform.",
    ),
    Entry::secondary(
        KSD_DOC_03,
        // The candidate list this rule names is the one of Permendagri 25/2020 Pasal 20
        // (the source is that instrument's text); the Permendagri 22/2020 list is unknown.
        Instrument::Permendagri25_2020,
        "https://github.com/arifdwis/sikerja-new/blob/60455040a8a5a533e476deb4e745ac26b5c4b522/public/files/5.pdf",
        "kb_required_clauses, ksdd_pks_required_clauses",
        "Pada rezim saat ini belum diketahui daftar muatan minimum kesepakatan bersama maupun perjanjian kerja sama KSDD. Bawaannya tidak ada klausul wajib; daftar rezim lama dan daftar Permendagri 25/2020 hanya profil pilihan.",
        "No minimum clause list is known for the KB or for a KSDD PKS in the current regime. By default no clause is required; the legacy list and the Permendagri 25/2020 list are only candidate profiles.",
    ),
    Entry::secondary(
        KSD_DOC_04,
        P22,
        "https://github.com/arifdwis/sikerja-new/blob/60455040a8a5a533e476deb4e745ac26b5c4b522/public/files/13.pdf",
        "preparation_fields",
        "Data persiapan (menurut panduan daerah, Permendagri 22/2020 Pasal 7): latar belakang; maksud dan tujuan; lokasi; ruang lingkup; peran para pihak; jangka waktu beserta alasannya; manfaat; analisis dampak sosial, ekonomi dan lingkungan; dan pembiayaan.",
        "Preparation data (attributed by a local guide to Permendagri 22/2020 Pasal 7): background; aims and objectives; location; scope; roles of the parties; duration with justification; benefits; social, economic and environmental impact analysis; financing.",
    ),
    Entry::secondary(
        KSD_DOC_05,
        PRACTICE,
        "https://github.com/arifdwis/sikerja-new/blob/60455040a8a5a533e476deb4e745ac26b5c4b522/public/files/8.pdf",
        "kak_sections",
        "Kerangka acuan kerja (templat daerah, ditandatangani kepala perangkat daerah pemrakarsa) terdiri atas sepuluh bagian, dari latar belakang (paling banyak 2 halaman) sampai mitigasi risiko, termasuk jangka waktu paling lama 5 tahun.",
        "The terms of reference (KAK; local template, signed by the head of the initiating OPD) have ten sections, from background (at most 2 pages) to risk mitigation, including a duration of at most 5 years.",
    ),
    Entry::secondary(
        KSD_DOC_06,
        PRACTICE,
        "https://github.com/arifdwis/sikerja-new/blob/60455040a8a5a533e476deb4e745ac26b5c4b522/public/files/7.pdf",
        "feasibility_sections",
        "Studi kelayakan (templat daerah, untuk daerah atau pihak ketiga pemrakarsa) terdiri atas empat belas bagian, antara lain legalitas pihak ketiga, kelayakan ekonomi/finansial, teknis dan operasional, mitigasi risiko, serta kesimpulan layak, layak bersyarat atau tidak layak.",
        "The feasibility study (studi kelayakan; local template, for a region or a third-party initiator) has fourteen sections, including the third party's legality, economic/financial, technical and operational feasibility, risk mitigation and a conclusion: feasible, feasible with conditions, or not feasible.",
    ),
    Entry::primary(
        KSD_DOC_07,
        &[Loc::ayat("2", "1–2"), Loc::pasal("13")],
        "Kesepakatan bersama ditandatangani kepala daerah setiap pihak daerah tanpa pelimpahan; perjanjian kerja sama oleh kepala daerah atau pejabat yang memegang surat kuasa; pihak ketiga oleh wakilnya yang berwenang. Penanda tangan kesepakatan bersama selain kepala daerah dilaporkan sebagai temuan.",
        "The KB is signed by the head of region of each region party, with no delegation; the PKS by the head or an official holding a surat kuasa; a third party by its authorised representative. A KB signatory other than the head is reported as a finding.",
    ),
    Entry::secondary(
        KSD_DOC_08,
        PRACTICE,
        "https://lawinsider.com/id/contracts/bkiQquOf4le",
        "per_party_document_numbers",
        "Setiap pihak memberi nomor sendiri pada dokumen yang sama dalam registernya; nomor disimpan per pihak sebagai teks bebas tanpa validasi format.",
        "Each party numbers the same document in its own register; the numbers are stored per party as free text, without format validation.",
    ),
    Entry::secondary(
        KSD_DOC_09,
        PRACTICE,
        "https://github.com/yudhioktaviangule/appku-kerjasama",
        "attachment_kinds",
        "Lampiran yang disimpan per kerja sama: surat penawaran, KAK, studi kelayakan, berita acara atau rekomendasi TKKSD, keputusan persetujuan DPRD, surat kuasa, pindaian dokumen yang ditandatangani, dan dokumen hukum pihak ketiga.",
        "Attachments kept per cooperation: offer letter, KAK, feasibility study, TKKSD minutes or recommendation, DPRD approval decision, surat kuasa, signed scans and the third party's legal documents.",
    ),
    // §7 Duration, extension, amendment, termination
    Entry::primary(
        KSD_TERM_01,
        &[Loc::ayat("9", "1").huruf("a–e")],
        "Kerja sama daerah dengan daerah lain berakhir apabila jangka waktu berakhir, tujuan tercapai, para pihak sepakat mengakhiri, terjadi perubahan kebijakan sesuai peraturan perundang-undangan sehingga tidak dapat dilaksanakan, atau objek kerja sama hilang atau musnah.",
        "A KSDD ends when its term expires, its objective is achieved, the parties agree to end it, a policy change under the law makes it impossible to carry out, or its object is lost or destroyed (hilang atau musnah).",
    ),
    Entry::primary(
        KSD_TERM_02,
        &[Loc::pasal("22")],
        "Kerja sama daerah dengan pihak ketiga berakhir karena kelima alasan tersebut ditambah putusan pengadilan yang berkekuatan hukum tetap atau pihak ketiga dinyatakan pailit; kedua alasan tambahan itu tidak berlaku untuk KSDD.",
        "A KSDPK ends on the same five grounds plus a final and binding court judgment (putusan pengadilan berkekuatan hukum tetap) or the third party being declared bankrupt (pailit); these two extra grounds are invalid for KSDD.",
    ),
    Entry::primary(
        KSD_TERM_03,
        &[Loc::ayat("9", "2").penjelasan()],
        "Pergantian kepala daerah atau pejabat yang diberi kuasa tidak mengakhiri kerja sama; dokumen tetap berlaku sebagaimana ditandatangani.",
        "A change of head of region, or of the authorised official, does not end the cooperation; the documents stay as signed.",
    ),
    Entry::primary(
        KSD_TERM_04,
        &[Loc::pasal("9")],
        "PP tidak mengatur jangka waktu maksimum, perpanjangan, perubahan, pengakhiran sepihak sebelum waktunya, jangka waktu pemberitahuan, maupun aset pada akhir kerja sama.",
        "The PP sets no maximum term, no extension rule, no amendment rule, no unilateral early-termination rule, no notice period and no rule on assets at the end.",
    )
    .absence(),
    Entry::secondary(
        KSD_TERM_05,
        P22,
        "https://github.com/kukuhnugrh/pemkot-app/blob/d92d1d274655187e8db9eda0127deaaa8e80ddfe/qna.php; https://olnewsindonesia.com/?p=55372",
        "max_term_years",
        "Jangka waktu kerja sama paling lama 5 tahun dan dapat diperpanjang atas kesepakatan para pihak, kecuali ditentukan lain oleh peraturan perundang-undangan khusus.",
        "The term is at most 5 years, extendable by agreement of the parties, unless a special law provides otherwise.",
    ),
    Entry::secondary(
        KSD_TERM_06,
        P22,
        SRC_QNA,
        "extension_mode, extension_lead_time",
        "Perpanjangan berarti menjalankan kembali seluruh prosedur yang berlaku dari tahap a dan menghasilkan kerja sama baru yang terhubung dengan kerja sama yang diperpanjang. Bawaannya tidak ada tenggang waktu pengajuan.",
        "Extension means running the full current procedure again from stage a, producing a new cooperation linked to the one it renews. By default no lead time is set.",
    ),
    Entry::secondary(
        KSD_TERM_07,
        PRACTICE,
        "https://olnewsindonesia.com/?p=55372; https://fbeta.republika.co.id/berita/p42v0k368/tangerang-suplai-air-kebutuhan-dki-untuk-20-tahun",
        "sector_max_term_overrides",
        "Pengecualian sektoral atas batas 5 tahun: kerja sama pelayanan publik 5 tahun, kerja sama infrastruktur dengan rezimnya sendiri sampai 25 tahun; kerja sama air minum yang nyata berjalan 20 tahun.",
        "Sector exceptions to the 5-year cap: public-service cooperation 5 years, infrastructure cooperation under its own regime up to 25 years; real water-supply deals run 20 years.",
    ),
    Entry::secondary(
        KSD_TERM_08,
        P22,
        SRC_P22_TEXT,
        "amendment_mode",
        "Belum diketahui aturan perubahan (adendum) pada rezim saat ini. Bawaannya perubahan dibuat atas kesepakatan semua pihak dalam dokumen yang setingkat dengan dokumen yang diubah.",
        "No current rule on amendment (perubahan/addendum) is known. By default an amendment is made by agreement of all parties, in a document of the same level as the one amended.",
    ),
    Entry::secondary(
        KSD_TERM_09,
        P22,
        SRC_P22_TEXT,
        "unilateral_termination",
        "Pengakhiran sebelum waktunya hanya melalui alasan berakhirnya kerja sama menurut PP. Pengakhiran sepihak dengan pemberitahuan tertulis hanya analogi rezim lama dan bawaannya tidak didukung.",
        "Early termination in the current set happens only through the PP's termination grounds. Unilateral termination with written notice is only a legacy analogy and is not supported by default.",
    ),
    Entry::secondary(
        KSD_TERM_10,
        PRACTICE,
        "https://github.com/FasyaKemal/kerja-sama-status",
        "retain_ended_records",
        "Dalam praktik, kerja sama yang telah berakhir tetap disimpan dengan status tidak berlaku, tidak dihapus; register harus mempertahankannya.",
        "Practice keeps ended cooperation records with the status 'no longer valid' (tidak berlaku) instead of deleting them; the register must retain them.",
    ),
    // §8 Implementation, reporting, evaluation
    Entry::primary(
        KSD_IMPL_01,
        &[Loc::ayat("44", "1–4")],
        "Pembinaan dan pengawasan umum dikoordinasikan Menteri secara nasional, pembinaan teknis oleh menteri teknis/kepala LPNK, kepala daerah membina kerja sama oleh perangkat daerah, dan gubernur sebagai wakil Pemerintah Pusat membina kerja sama kabupaten/kota dalam satu provinsi.",
        "Supervision (pembinaan dan pengawasan): general, coordinated nationally by the Minister (best-known reading); technical, by technical ministers and LPNK heads; the head of region over cooperation run by the regional apparatus; and the governor as central representative over kab/kota cooperation within one province.",
    ),
    Entry::primary(
        KSD_IMPL_02,
        &[Loc::ayat("44", "5")],
        "Pemantauan dan evaluasi mengikuti ketentuan umum pembinaan dan pengawasan penyelenggaraan pemerintahan daerah; PP tidak menetapkan siklusnya.",
        "Monitoring and evaluation (pemantauan dan evaluasi) follow the general rules on supervising regional government; the PP sets no cycle.",
    ),
    Entry::secondary(
        KSD_IMPL_03,
        P22,
        SRC_QNA,
        "min_evaluations_per_fiscal_year, evaluation_scope",
        "Setiap perangkat daerah mengevaluasi kerja samanya paling sedikit dua kali dalam satu tahun anggaran; bawaannya dihitung per kerja sama.",
        "Each perangkat daerah evaluates its cooperation at least twice per fiscal year; by default this is counted per cooperation.",
    ),
    Entry::secondary(
        KSD_IMPL_04,
        P22,
        "https://papuabarat.antaranews.com/berita/47466/opd-pemkab-kaimana-dibekali-permendagri-soal-kerja-sama-antardaerah",
        "reporting_schedule, reporting_channel",
        "Penerima, periode dan isi pelaporan (tahap j) belum diketahui; daerah memasukkan data kerja sama ke sistem SIPGWPP Kemendagri. Bawaannya tanpa jadwal dan tanpa saluran pelaporan.",
        "Reporting (stage j): addressee, cadence and content are unknown; regions enter cooperation data in Kemendagri's SIPGWPP system. By default no schedule or channel is set.",
    ),
    Entry::secondary(
        KSD_IMPL_05,
        PRACTICE,
        "https://github.com/ftwijanarko/kerjasama-rsud-backend; https://github.com/galihtitisbc/sistem-monitoring-kerjasama-poliwangi",
        "expiring_soon",
        "Jendela 'segera berakhir' dalam praktik adalah 90 hari atau 3 bulan kalender, termasuk hari terakhirnya; bawaannya 90 hari.",
        "The 'expiring soon' window used in practice is 90 days or 3 calendar months, inclusive of its last day; the default is 90 days.",
    ),
    Entry::secondary(
        KSD_IMPL_06,
        PRACTICE,
        "https://github.com/kukuhnugrh/pemkot-app/blob/d92d1d274655187e8db9eda0127deaaa8e80ddfe/qna.php; https://github.com/gunung-media/sikerma-new",
        "evaluation_criteria",
        "Catatan evaluasi memuat periode, evaluator, kemajuan terhadap rencana kerja, manfaat, masalah dan tindak lanjut, kepatuhan para pihak, realisasi keuangan, rekomendasi (lanjut, ubah, perpanjang, akhiri) dan kriteria berbobot opsional; tidak ada instrumen penilaian resmi.",
        "An evaluation record holds the period, evaluator, progress against the work plan, benefits, problems and follow-up, each party's compliance, financial realisation, a recommendation (continue, amend, extend, terminate) and optional weighted criteria; no official scoring instrument is known.",
    ),
    Entry::secondary(
        KSD_IMPL_07,
        PRACTICE,
        SRC_BINAADWIL,
        "affairs_mapping_report",
        "Pemetaan urusan pemerintahan yang dapat dikerjasamakan dilaporkan kepada Kemendagri (Ditjen Bina Administrasi Kewilayahan); sampai November 2022 baru 21 daerah yang melapor, termasuk Kabupaten Sidenreng Rappang.",
        "The mapping of cooperable affairs is reported to Kemendagri (Ditjen Bina Administrasi Kewilayahan); by November 2022 only 21 regions had reported, Kabupaten Sidenreng Rappang among them.",
    ),
    Entry::primary(
        KSD_IMPL_08,
        &[Loc::pasal("43")],
        "Kewajiban melapor kepada Menteri hanya ada untuk KSDPL/KSDLL (tanpa frekuensi) dan tidak diberlakukan untuk KSDD/KSDPK.",
        "A duty to report to the Minister exists only for KSDPL/KSDLL (no frequency); it is not inferred for KSDD/KSDPK.",
    ),
    // §9 Kerja sama wajib enforcement
    Entry::primary(
        KSD_ENF_01,
        &[Loc::ayat("10", "1")],
        "Apabila provinsi tidak melaksanakan kerja sama wajib, Pemerintah Pusat mengambil alih pelaksanaan urusan pemerintahan tersebut.",
        "If a province does not carry out a kerja sama wajib, the central government takes over the affair.",
    ),
    Entry::primary(
        KSD_ENF_02,
        &[Loc::ayat("10", "2")],
        "Apabila kabupaten/kota tidak melaksanakan kerja sama wajib, gubernur sebagai wakil Pemerintah Pusat mengambil alih pelaksanaan urusan pemerintahan tersebut.",
        "If a kab/kota does not carry out a kerja sama wajib, the governor as representative of the central government takes over the affair.",
    ),
    Entry::primary(
        KSD_ENF_03,
        &[Loc::ayat("11", "1")],
        "Pengambilalihan oleh Pemerintah Pusat dilakukan setelah pembinaan terhadap provinsi dan evaluasi atas kendala pelaksanaannya, masing-masing oleh menteri teknis/kepala LPNK berkoordinasi dengan Menteri.",
        "A central takeover requires both guidance (pembinaan) of the province and an evaluation of the obstacles, each by the technical minister/LPNK head in coordination with the Minister.",
    ),
    Entry::primary(
        KSD_ENF_04,
        &[Loc::ayat("11", "2")],
        "Pengambilalihan oleh gubernur dilakukan setelah pembinaan oleh gubernur terhadap kabupaten/kota, evaluasi gubernur atas kendalanya, dan persetujuan Menteri.",
        "A governor takeover requires all three: the governor's guidance of the kab/kota, the governor's evaluation of the obstacles, and the Minister's approval.",
    ),
    Entry::primary(
        KSD_ENF_05,
        &[Loc::ayat("11", "3")],
        "Biaya pelaksanaan urusan pemerintahan yang diambil alih dibebankan pada APBD masing-masing daerah yang bersangkutan.",
        "The cost of running the taken-over affair is charged to the APBD of each region concerned.",
    ),
    Entry::primary(
        KSD_ENF_06,
        &[Loc::ayat("11", "4")],
        "PP tidak menetapkan tanggal pemicu atau batas waktu untuk keadaan tidak melaksanakan kerja sama wajib; tata caranya didelegasikan ke Permendagri 22/2020, sehingga pengambilalihan merupakan peristiwa eksplisit.",
        "The PP sets no trigger date or deadline for 'not carried out'; the procedure is delegated to Permendagri 22/2020, so a takeover is an explicit event.",
    )
    .absence(),
    Entry::primary(
        KSD_ENF_07,
        &[Loc::ayat("12", "1–4").penjelasan()],
        "Khusus kerja sama wajib: bantuan dana dari APBN sesuai kemampuan keuangan negara melalui Menteri Keuangan, dan bantuan keuangan dari APBD daerah lain melalui perangkat daerah terkait; tata cara bantuan keuangan daerah diatur Permendagri 22/2020.",
        "For kerja sama wajib only: central funding aid (bantuan dana) through the APBN as state finances allow, via the Minister of Finance, and regional financial aid (bantuan keuangan) from another region's APBD through the sector's perangkat daerah; the regional-aid procedure is in Permendagri 22/2020.",
    ),
    Entry::primary(
        KSD_ENF_08,
        &[Loc::ayat("7", "1–4").penjelasan()],
        "Kepala daerah dapat membentuk sekretariat kerja sama untuk KSDD; untuk kerja sama wajib hanya bila kerja sama terus menerus, kompleksitasnya tinggi (lebih dari 2 daerah dan/atau lebih dari 2 objek), dan jangka waktunya paling singkat 5 tahun. Sekretariat bukan perangkat daerah dan didanai APBD masing-masing pihak.",
        "The head of region may set up a cooperation secretariat (sekretariat kerja sama) for a KSDD; for a kerja sama wajib only if it is continuous, highly complex (more than 2 regions and/or more than 2 objects) and runs at least 5 years. The secretariat is not a perangkat daerah and is funded from each party's APBD.",
    ),
    // §10 Disputes
    Entry::primary(
        KSD_DISP_01,
        &[Loc::pasal("8")],
        "Perselisihan KSDD diselesaikan sesuai ketentuan penyelesaian perselisihan antardaerah dalam penyelenggaraan urusan pemerintahan; PP tidak mengatur jenjang, tingkat atau batas waktunya.",
        "KSDD disputes are settled under the rules on settling inter-regional disputes in government affairs; the PP sets no ladder, levels or deadlines.",
    ),
    Entry::primary(
        KSD_DISP_02,
        &[Loc::pasal("21")],
        "Perselisihan KSDPK diselesaikan terlebih dahulu melalui musyawarah untuk mufakat, kemudian sesuai klausul penyelesaian perselisihan dalam perjanjian, tanpa bertentangan dengan peraturan perundang-undangan.",
        "KSDPK disputes are settled first by deliberation to consensus (musyawarah mufakat), then by the dispute clause of the contract/PKS, never contrary to law.",
    ),
    Entry::secondary(
        KSD_DISP_03,
        P22,
        SRC_P22_SLIDES,
        "ksdd_dispute_ladder",
        "Permendagri 22/2020 memuat bagian penyelesaian perselisihan KSDD yang isinya belum diketahui; bawaannya tanpa jenjang penyelesaian.",
        "Permendagri 22/2020 has a part on KSDD dispute settlement whose content is unknown; by default no dispute ladder is set.",
    ),
    Entry::primary(
        KSD_DISP_04,
        &[Loc::pasal("34"), Loc::pasal("41")],
        "Perselisihan KSDPL/KSDLL diselesaikan melalui negosiasi dan konsultasi (di luar cakupan versi 1).",
        "KSDPL/KSDLL disputes are settled by negotiation and consultation (out of scope for version 1).",
    ),
    // §11 Transition
    Entry::primary(
        KSD_TRANS_01,
        &[Loc::pasal("48")],
        "Perjanjian kerja sama yang ditandatangani sebelum 13 Juli 2018 tetap berlaku sampai berakhir dan dinilai dengan aturan lama; yang ditandatangani sejak tanggal itu dinilai dengan aturan saat ini, tanpa mencampur keduanya.",
        "Cooperation contracts/PKS signed before 13 July 2018 stay valid until they end and are evaluated with the legacy rule set; later ones with the current set, never mixing the two.",
    ),
    Entry::primary(
        KSD_TRANS_02,
        &[Loc::pasal("50–52")],
        "PP 50/2007 dicabut; peraturan pelaksanaannya (Permendagri 22/2009) tetap berlaku sepanjang tidak bertentangan sampai diganti Permendagri 22/2020.",
        "PP 50/2007 is revoked; its implementing rules (Permendagri 22/2009) stayed in force where not contrary until replaced by Permendagri 22/2020.",
    ),
    Entry::primary(
        KSD_TRANS_03,
        &[Loc::pasal("49")],
        "Perjanjian antara daerah dan Pemerintah Pusat yang ditandatangani sebelum berlakunya PP ini tetap berlaku sampai berakhir dan dapat dilanjutkan sebagai sinergi.",
        "Contracts between a region and the central government signed before this PP stay valid until they end and may continue as synergy.",
    ),
    Entry::secondary(
        KSD_TRANS_04,
        P22,
        SRC_P22_TEXT,
        "p22_2020_effective_date",
        "Tanggal penetapan dan berlakunya Permendagri 22/2020 belum dipastikan; kerja sama yang ditandatangani antara 13 Juli 2018 dan tanggal itu mengikuti PP 28/2018 ditambah ketentuan Permendagri 22/2009 yang tidak bertentangan.",
        "The enactment and effective dates of Permendagri 22/2020 are unconfirmed; agreements signed between 13 July 2018 and that date follow PP 28/2018 plus non-conflicting Permendagri 22/2009 detail.",
    ),
    // §11 Legacy rules (PP 50/2007, Permendagri 22/2009)
    Entry::legacy(
        LEG_DPRD_01,
        PP50,
        &[Loc::pasal("9–10")],
        "Rezim lama: persetujuan DPRD diperlukan bila rencana membebani daerah dan masyarakat dan biayanya belum teranggarkan dalam APBD tahun berjalan dan/atau menggunakan aset daerah; kerja sama dalam tugas satuan kerja yang sudah dianggarkan tidak memerlukannya.",
        "Legacy: DPRD approval is needed when the plan burdens the region and community and its cost is unbudgeted in the current APBD and/or it uses regional assets; cooperation within a work unit's already-budgeted duties needs none.",
    ),
    Entry::legacy(
        LEG_DPRD_02,
        PP50,
        &[Loc::ayat("12", "1–4")],
        "Rezim lama: DPRD menilai rancangan dalam 45 hari kerja, menyampaikan keberatan atau tanggapan dalam 15 hari kerja, kepala daerah memperbaiki dalam 14 hari kerja, dan bila DPRD belum menyetujui dalam 15 hari kerja setelah pengajuan ulang, rencana dianggap disetujui.",
        "Legacy DPRD timetable in working days: assessment within 45, objections or comments within 15, the head's revision within 14, and deemed approval if the DPRD has not approved within 15 after resubmission.",
    ),
    Entry::legacy(
        LEG_DPRD_03,
        PP50,
        &[Loc::ayat("12", "5–6")],
        "Rezim lama: salinan setiap perjanjian kerja sama yang ditandatangani disampaikan kepada DPRD dan tingkat pemerintahan di atasnya (sekadar pemberitahuan).",
        "Legacy: copies of every signed PKS go to the DPRD and to higher levels of government (inform-only duty).",
    ),
    Entry::legacy(
        LEG_DOC_01,
        PP50,
        &[Loc::pasal("7").huruf("b")],
        "Rezim lama: perjanjian kerja sama paling sedikit memuat subjek, objek, ruang lingkup, hak dan kewajiban, jangka waktu, pengakhiran, keadaan memaksa, dan penyelesaian perselisihan.",
        "Legacy: a PKS contains at least subject, object, scope, rights and obligations, term, termination, force majeure (keadaan memaksa) and dispute settlement.",
    ),
    // Permendagri 22/2009 Lampiran I: an annex, not a Pasal, so no locator is recorded.
    Entry::legacy(
        LEG_DOC_02,
        P22_2009,
        &[],
        "Rezim lama (Permendagri 22/2009 Lampiran I): rencana kerja sama memuat analisis biaya-manfaat terukur yang terkait prioritas RPJMD/RKPD; surat penawaran ditembuskan kepada Menteri, gubernur, menteri sektor dan DPRD sesuai tingkat pemerintahan yang terlibat.",
        "Legacy (Permendagri 22/2009 Lampiran I): the cooperation plan carries a measurable cost-benefit analysis tied to RPJMD/RKPD priorities; the offer letter is copied to the Minister, governor, sector minister and DPRD depending on the levels involved.",
    ),
    Entry::legacy(
        LEG_DISP_01,
        PP50,
        &[Loc::pasal("14–16")],
        "Rezim lama: perselisihan dalam satu provinsi diselesaikan dengan musyawarah atau keputusan gubernur yang final dan mengikat; pasangan lain dengan musyawarah atau keputusan Menteri yang final dan mengikat; dengan pihak ketiga sesuai perjanjian, lalu menurut peraturan perundang-undangan.",
        "Legacy: disputes within one province by musyawarah or a governor's decision, final and binding; other pairings by musyawarah or the Minister's decision, final and binding; with third parties per the PKS, then per law.",
    ),
    Entry::legacy(
        LEG_AMD_01,
        PP50,
        &[Loc::pasal("17")],
        "Rezim lama: perubahan dilakukan atas kesepakatan para pihak dalam dokumen yang setingkat dengan dokumen aslinya.",
        "Legacy: amendment by agreement of the parties, in a document of the same level as the original.",
    ),
    Entry::legacy(
        LEG_TERM_01,
        PP50,
        &[Loc::pasal("18")],
        "Rezim lama: sembilan alasan berakhirnya kerja sama: kesepakatan para pihak; tujuan tercapai; perubahan mendasar; pelanggaran oleh salah satu pihak; digantikan perjanjian baru; norma hukum baru; objek hilang; merugikan kepentingan nasional; dan berakhirnya jangka waktu.",
        "Legacy: nine termination grounds: agreement of the parties; objective achieved; fundamental change; breach by a party; replacement by a new agreement; a new legal norm; loss of the object; harm to the national interest; expiry of the term.",
    ),
    Entry::legacy(
        LEG_TERM_02,
        PP50,
        &[Loc::pasal("19")],
        "Rezim lama: pengakhiran sebelum waktunya atas permintaan salah satu pihak dengan pemberitahuan tertulis; pihak yang meminta menanggung risiko keuangan dan risiko lainnya, dan pekerjaan atas objek kerja sama diselesaikan.",
        "Legacy: early termination at one party's request by written notice to the other party; the requesting party bears the financial and other risks, and work on the cooperation object continues until complete.",
    ),
    Entry::legacy(
        LEG_INST_01,
        PP50,
        &[Loc::pasal("24–25")],
        "Rezim lama: badan kerja sama dapat dibentuk untuk kerja sama yang terus menerus atau berjangka waktu paling singkat 5 tahun (kini digantikan sekretariat kerja sama).",
        "Legacy: a cooperation body (badan kerja sama) may be set up for continuous cooperation or cooperation of at least 5 years (replaced by the cooperation secretariat).",
    ),
];

pub(crate) fn entries() -> &'static [Entry] {
    ENTRIES
}

/// Every rule of the catalogue, in RULES.md order.
///
/// ```
/// let rules = kerjasama::law::rules::all();
/// assert!(rules.iter().any(|rule| rule.id.as_str() == "KSD-DPRD-01"));
/// ```
pub fn all() -> Vec<Rule> {
    ENTRIES.iter().map(|entry| entry.to_rule()).collect()
}

/// The catalogue entry of `id`.
pub fn rule(id: RuleId) -> Rule {
    entry(id).to_rule()
}

/// The id areas of RULES.md §1.1, in the order the catalogue first uses them, with the
/// heading `markdown` gives each.
const AREAS: &[(&str, &str)] = &[
    ("KIND", "Kinds and parties"),
    ("OBJ", "Objects"),
    ("PK", "Third parties"),
    ("STAGE", "Lifecycle"),
    ("WAJIB", "Mandatory pre-stages (kerja sama wajib)"),
    ("DPRD", "DPRD approval"),
    ("DOC", "Documents"),
    ("TERM", "Duration and ending"),
    ("IMPL", "Implementation and evaluation"),
    ("ENF", "Kerja sama wajib enforcement"),
    ("DISP", "Disputes"),
    ("TRANS", "Transition"),
    ("LEG", "Legacy set (PP 50/2007, Permendagri 22/2009)"),
];

/// The area of a rule id: `KIND` for `KSD-KIND-01`, `LEG` for every `LEG-…` id.
fn area(id: RuleId) -> &'static str {
    let text = id.as_str();
    if text.starts_with("LEG-") {
        return "LEG";
    }
    let mut parts = text.split('-');
    match (parts.next(), parts.next()) {
        (Some(_), Some(area)) => area,
        _ => text,
    }
}

/// The rule catalogue as Markdown: the text of the committed `docs/rules.md`.
///
/// One section per id area (RULES.md §1.1), the areas in the order the catalogue first uses
/// them and the rules of an area in catalogue order. Each rule gives its id and provenance
/// tag, its citation as [`Citation`](crate::law::Citation)'s `Display` writes it, the source
/// URL(s) of a `[SECONDARY]` rule, its [`Policy`](crate::law::Policy) key(s) if any, and its
/// Indonesian and English text. The output is deterministic: the same catalogue gives the same
/// bytes (a test keeps `docs/rules.md` equal to it).
///
/// ```
/// let text = kerjasama::law::rules::markdown();
/// assert!(text.starts_with("# Rule catalogue\n"));
/// assert!(text.contains("### KSD-DPRD-01 `[PRIMARY]`\n"));
/// assert!(text.contains("- Citation: PP 28/2018 Pasal 6 ayat (2)\n"));
/// assert!(text.contains("- Policy key: `wajib_pairings`\n"));
/// // Every rule once.
/// let headings = text.lines().filter(|line| line.starts_with("### ")).count();
/// assert_eq!(headings, kerjasama::law::rules::all().len());
/// ```
pub fn markdown() -> String {
    let mut out = String::new();
    // Writing into a `String` never fails: the only `fmt::Error` would come from `out`.
    let _ = write_markdown(&mut out);
    out
}

fn write_markdown(out: &mut String) -> std::fmt::Result {
    use std::fmt::Write as _;

    let rules = all();
    let mut areas: Vec<&'static str> = Vec::new();
    for rule in &rules {
        let area = area(rule.id);
        if !areas.contains(&area) {
            areas.push(area);
        }
    }
    let count = |provenance: Provenance| {
        rules
            .iter()
            .filter(|rule| rule.provenance == provenance)
            .count()
    };

    writeln!(out, "# Rule catalogue")?;
    writeln!(out)?;
    writeln!(
        out,
        "<!-- Generated by kerjasama::law::rules::markdown() from kerjasama::law::rules::all(); \
         do not edit. `KSD_BLESS=1 cargo test --test catalogue` rewrites it. -->"
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{} rules: {} `[PRIMARY]` (PP 28/2018, enforced), {} `[SECONDARY]` (practice, a \
         `Policy` value) and {} `[LEGACY]` (PP 50/2007 and Permendagri 22/2009), grouped by id \
         area in catalogue order.",
        rules.len(),
        count(Provenance::Primary),
        count(Provenance::Secondary),
        count(Provenance::Legacy),
    )?;
    for area in areas {
        writeln!(out)?;
        match AREAS.iter().find(|(key, _)| *key == area) {
            Some((_, title)) => writeln!(out, "## {area}: {title}")?,
            None => writeln!(out, "## {area}")?,
        }
        for rule in rules.iter().filter(|rule| self::area(rule.id) == area) {
            writeln!(out)?;
            writeln!(out, "### {} `[{}]`", rule.id, rule.provenance)?;
            writeln!(out)?;
            writeln!(out, "- Citation: {}", rule.citation)?;
            if let Some(source) = &rule.citation.source {
                let links: Vec<String> = source.split("; ").map(|url| format!("<{url}>")).collect();
                writeln!(out, "- Source: {}", links.join(", "))?;
            }
            if let Some(key) = &rule.policy_key {
                let keys: Vec<String> = key.split(", ").map(|key| format!("`{key}`")).collect();
                let label = if keys.len() == 1 { "key" } else { "keys" };
                writeln!(out, "- Policy {label}: {}", keys.join(", "))?;
            }
            writeln!(out, "- Indonesian: {}", rule.text_id)?;
            writeln!(out, "- English: {}", rule.text_en)?;
        }
    }
    Ok(())
}

/// Every [`RuleId`] is made in `ids.rs` next to its entry here; a test checks that each id
/// constant has exactly one entry, so the fallback (the first entry) is unreachable.
pub(crate) fn entry(id: RuleId) -> &'static Entry {
    match ENTRIES.iter().find(|entry| entry.id == id) {
        Some(entry) => entry,
        None => &ENTRIES[0],
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// `(constant name, id)` for every `pub const` in `ids.rs`.
    fn id_constants() -> Vec<(&'static str, &'static str)> {
        include_str!("ids.rs")
            .lines()
            .filter_map(|line| line.strip_prefix("pub const "))
            .map(|rest| {
                let (name, rest) = rest
                    .split_once(':')
                    .expect("`pub const NAME: RuleId = ...`");
                let id = rest
                    .split_once("RuleId::new(\"")
                    .and_then(|(_, id)| id.split_once('"'))
                    .map(|(id, _)| id)
                    .expect("`RuleId::new(\"...\")`");
                (name, id)
            })
            .collect()
    }

    #[test]
    fn every_id_constant_has_exactly_one_entry() {
        let constants = id_constants();
        assert_eq!(constants.len(), 95, "ids.rs lists 95 rule ids");
        assert_eq!(
            entries().len(),
            constants.len(),
            "one entry per id constant"
        );
        for (name, id) in &constants {
            assert_eq!(name.replace('_', "-"), *id, "constant {name} spells its id");
            let parsed: RuleId = id.parse().expect("every id constant has an entry");
            assert_eq!(entry(parsed).id, parsed);
            assert_eq!(
                entries().iter().filter(|entry| entry.id == parsed).count(),
                1,
                "{id}"
            );
        }
        let unique: HashSet<RuleId> = entries().iter().map(|entry| entry.id).collect();
        assert_eq!(unique.len(), entries().len(), "no duplicate entries");
    }

    // The order and ids against RULES.md itself are checked by the ignored tests of
    // tests/catalogue.rs (`KSD_RULES_MD=<path> cargo test --test catalogue -- --ignored`).

    #[test]
    fn every_area_has_a_heading_and_every_heading_an_area() {
        let used: HashSet<&str> = entries().iter().map(|entry| area(entry.id)).collect();
        let titled: HashSet<&str> = AREAS.iter().map(|(key, _)| *key).collect();
        assert_eq!(used, titled);
        assert_eq!(AREAS.len(), titled.len(), "no area twice");
        assert_eq!(area(KSD_DPRD_01), "DPRD");
        assert_eq!(area(LEG_DOC_02), "LEG");
    }

    #[test]
    fn areas_are_listed_in_the_order_the_catalogue_first_uses_them() {
        let mut first_use: Vec<&str> = Vec::new();
        for entry in entries() {
            let area = area(entry.id);
            if !first_use.contains(&area) {
                first_use.push(area);
            }
        }
        let listed: Vec<&str> = AREAS.iter().map(|(key, _)| *key).collect();
        assert_eq!(first_use, listed);
    }

    #[test]
    fn texts_are_bilingual_and_present() {
        for entry in entries() {
            assert!(!entry.text_id().trim().is_empty(), "{}", entry.id);
            assert!(!entry.text_en().trim().is_empty(), "{}", entry.id);
            assert_ne!(entry.text_id(), entry.text_en(), "{}", entry.id);
        }
    }
}
