//! The sections of the report (RULES.md §13.3 items 1–11, then the records outside KSD), in
//! one language, as a [`Document`] that the Markdown and HTML writers print.

use std::collections::BTreeMap;

use crate::law::{Lang, rules};
use crate::lifecycle::Violation;
use crate::model::PartyId;

use super::super::model::{
    CheckResult, ChecklistRow, DocumentLine, EvaluationReport, Evidence, RegisterEntry,
};
use super::doc::{Block, Document, Inline, Row, Section, Table, cell, lines, t};
use super::text;

/// Anchor, Indonesian title, English title of each section, in order.
pub(super) const SECTIONS: [(&str, &str, &str); 12] = [
    (
        "header",
        "Identitas laporan dan dasar penilaian",
        "Header and basis of assessment",
    ),
    ("register", "Daftar kerja sama", "Register of cooperation"),
    ("counts", "Rekapitulasi", "Counts"),
    (
        "checklist",
        "Daftar periksa kepatuhan",
        "Compliance checklist",
    ),
    (
        "expiry",
        "Masa berlaku dan jendela segera berakhir",
        "Expiry under both windows",
    ),
    (
        "cadence",
        "Evaluasi dalam tahun anggaran",
        "Evaluations in the fiscal year",
    ),
    ("dprd", "Catatan persetujuan DPRD", "DPRD record"),
    (
        "pipeline",
        "Kerja sama dalam proses",
        "Cooperation in the pipeline",
    ),
    ("opportunities", "Peluang kerja sama", "Opportunities"),
    (
        "follow-up",
        "Temuan, tindak lanjut, dan rekomendasi",
        "Findings, follow-up and recommendations",
    ),
    ("reporting", "Status pelaporan", "Reporting status"),
    (
        "outside",
        "Catatan di luar kerja sama daerah",
        "Records outside regional cooperation",
    ),
];

/// The key policy values of the header, in the order RULES.md §13.3 item 1 names them.
const KEY_ORDER: [&str; 5] = [
    "max_term_years",
    "expiring_soon",
    "min_evaluations_per_fiscal_year",
    "kb_signatory_policy",
    "burden_reading",
];

/// The report as a document in `lang`.
pub(super) fn document(report: &EvaluationReport, lang: Lang) -> Document {
    let w = Writer { report, lang };
    let blocks = [
        w.header(),
        w.register(),
        w.counts(),
        w.checklist(),
        w.expiry(),
        w.cadence(),
        w.dprd(),
        w.pipeline(),
        w.opportunities(),
        w.follow_up(),
        w.reporting(),
        w.outside(),
    ];
    let sections = SECTIONS
        .iter()
        .zip(blocks)
        .zip(1u8..)
        .map(|((&(anchor, id, en), blocks), number)| Section {
            anchor,
            number,
            title: lang.pick(id, en),
            blocks,
        })
        .collect();
    let header = &report.header;
    let region = header
        .region_name
        .clone()
        .unwrap_or_else(|| lang.pick("Daerah", "Region").to_owned());
    Document {
        title: lang.pick(
            "Laporan Evaluasi Kerja Sama Daerah",
            "Regional Cooperation Evaluation Report",
        ),
        subtitle: vec![
            Inline::Strong(format!("{region} ({})", header.region)),
            t(lang.pick(
                format!(" · keadaan per {}", text::date(header.as_of, lang)),
                format!(" · as of {}", text::date(header.as_of, lang)),
            )),
        ],
        sections,
        footer: vec![t(lang.pick(
            format!(
                "Data laporan ini tersedia sebagai JSON (skema versi {}) dan daftar periksa \
                 lengkapnya sebagai CSV.",
                report.schema_version
            ),
            format!(
                "The data of this report is available as JSON (schema version {}) and its \
                 full checklist as CSV.",
                report.schema_version
            ),
        ))],
    }
}

struct Writer<'a> {
    report: &'a EvaluationReport,
    lang: Lang,
}

impl Writer<'_> {
    fn pick<T>(&self, id: T, en: T) -> T {
        self.lang.pick(id, en)
    }

    fn date(&self, day: chrono::NaiveDate) -> String {
        text::date(day, self.lang)
    }

    fn entry(&self, label: &str) -> Option<&RegisterEntry> {
        self.report.register.iter().find(|e| e.label == label)
    }

    /// A cooperation's label, with the legacy mark.
    fn coop(&self, label: &str) -> Vec<Inline> {
        let mut out = vec![Inline::Strong(label.to_owned())];
        if self.entry(label).is_some_and(|e| e.legacy) {
            out.push(Inline::Break);
            out.push(Inline::Badge(
                "legacy",
                text::legacy_mark(self.lang).to_owned(),
            ));
        }
        out
    }

    fn row_for(&self, label: &str, cells: Vec<Vec<Inline>>) -> Row {
        let legacy = self.entry(label).is_some_and(|e| e.legacy);
        let row = Row::new(cells).data("cooperation", label);
        if legacy {
            row.class("legacy").data("legacy", "true")
        } else {
            row
        }
    }

    fn table(&self, class: &'static str, head: &[(&str, &str)], rows: Vec<Row>) -> Block {
        Block::Table(Table {
            class,
            head: head
                .iter()
                .map(|(id, en)| self.pick(*id, *en).to_owned())
                .collect(),
            rows,
        })
    }

    fn none(&self) -> Block {
        Block::Para(vec![t(self.pick("Tidak ada.", "None."))])
    }

    fn finding(&self, v: &Violation) -> Vec<Inline> {
        vec![t(format!("{}: {}", v.rule, v.message(self.lang)))]
    }

    fn evidence(&self, evidence: Option<&Evidence>) -> Vec<Inline> {
        let Some(e) = evidence else {
            return cell("—");
        };
        let mut out = vec![t(format!(
            "{}, {}",
            self.pick(e.command.label_id(), e.command.label_en()),
            self.date(e.on)
        ))];
        if let Some(doc) = &e.document {
            out.push(Inline::Break);
            out.push(Inline::Code(doc.clone()));
        }
        out
    }

    fn region_name(&self, label: &str, region: crate::model::KodeWilayah) -> String {
        let party = PartyId::Region(region);
        self.entry(label)
            .and_then(|e| e.partners.iter().find(|p| p.party.as_ref() == Some(&party)))
            .map_or_else(|| region.to_string(), |p| format!("{} ({region})", p.name))
    }

    // ------------------------------------------------------------------------- item 1

    fn header(&self) -> Vec<Block> {
        let h = &self.report.header;
        let region = match &h.region_name {
            Some(name) => format!(
                "{name} ({} {})",
                self.pick("kode wilayah", "region code"),
                h.region
            ),
            None => format!("{} {}", self.pick("kode wilayah", "region code"), h.region),
        };
        let mut items = vec![
            vec![t(format!("{}: {region}", self.pick("Daerah", "Region")))],
            vec![t(self.pick(
                format!(
                    "Tanggal laporan: {} (tahun anggaran {})",
                    self.date(h.as_of),
                    h.fiscal_year
                ),
                format!(
                    "Date of the report: {} (fiscal year {})",
                    self.date(h.as_of),
                    h.fiscal_year
                ),
            ))],
            vec![t(format!(
                "{}: {}",
                self.pick("Periode evaluasi", "Period under evaluation"),
                text::span(h.period_from, h.period_to, self.lang)
            ))],
        ];
        match &h.meeting {
            Some(meeting) => {
                items.push(vec![t(format!(
                    "{}: {}",
                    self.pick("Pimpinan rapat", "Chair"),
                    meeting.chair
                ))]);
                items.push(vec![t(format!(
                    "{}: {}",
                    self.pick("Pemapar", "Presenter"),
                    meeting.presenter
                ))]);
                if let Some(place) = &meeting.place {
                    items.push(vec![t(format!(
                        "{}: {place}",
                        self.pick("Tempat", "Place")
                    ))]);
                }
            }
            None => items.push(vec![t(
                self.pick("Rapat: tidak dicatat", "Meeting: not recorded")
            )]),
        }
        let sets: Vec<String> = h
            .rule_sets
            .iter()
            .map(|r| text::rule_set(*r, self.lang))
            .collect();
        items.push(vec![t(format!(
            "{}: {}",
            self.pick("Perangkat aturan yang dipakai", "Rule sets used"),
            sets.join("; ")
        ))]);
        let mut keys: Vec<&str> = KEY_ORDER.to_vec();
        keys.extend(
            h.key_values
                .keys()
                .map(String::as_str)
                .filter(|k| !KEY_ORDER.contains(k)),
        );
        let rows = keys
            .into_iter()
            .filter_map(|key| {
                let value = h.key_values.get(key)?;
                Some(match text::key_value(key, value, self.lang) {
                    Some((label, value)) => Row::new(vec![cell(label), cell(value)]),
                    None => Row::new(vec![
                        vec![Inline::Code(key.to_owned())],
                        vec![Inline::Code(value.to_string())],
                    ]),
                })
            })
            .collect();
        let policy = h.policy.as_map();
        let differs = if policy.is_empty() {
            vec![t(self.pick(
                "Kebijakan: nilai bawaan versi aturan terbaru, tanpa perubahan.",
                "Policy: the defaults of the latest rule-set version, unchanged.",
            ))]
        } else {
            let mut out = vec![t(self.pick(
                "Nilai kebijakan yang berbeda dari bawaan: ",
                "Policy values that differ from the defaults: ",
            ))];
            for (i, (key, value)) in policy.iter().enumerate() {
                if i > 0 {
                    out.push(t(", "));
                }
                out.push(Inline::Code(format!("{key} = {value}")));
            }
            out.push(t("."));
            out
        };
        vec![
            Block::List(items),
            Block::Sub(
                self.pick("Nilai kebijakan utama", "Key policy values")
                    .to_owned(),
            ),
            self.table(
                "policy",
                &[("Pengaturan", "Setting"), ("Nilai", "Value")],
                rows,
            ),
            Block::Para(differs),
        ]
    }

    // ------------------------------------------------------------------------- item 2

    fn register(&self) -> Vec<Block> {
        let r = self.report;
        let intro = Block::Para(vec![t(self.pick(
            format!(
                "Keadaan per {}: {} kerja sama. Kerja sama yang baru tercatat sesudah tanggal \
                 ini tidak dicantumkan. Kerja sama yang dinilai dengan aturan lama (PP 50/2007) \
                 ditandai.",
                self.date(r.header.as_of),
                r.register.len()
            ),
            format!(
                "As of {}: {} cooperations. A cooperation first recorded after this date is not \
                 listed. Those judged under the legacy rules (PP 50/2007) are marked.",
                self.date(r.header.as_of),
                r.register.len()
            ),
        ))]);
        let rows = r
            .register
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut coop = self.coop(&e.label);
                coop.push(Inline::Break);
                coop.push(t(e.title.clone()));
                if let Some(owner) = &e.owner {
                    coop.push(Inline::Break);
                    coop.push(t(format!(
                        "{}: {owner}",
                        self.pick("OPD pengampu", "lead OPD")
                    )));
                }
                let (origin, code) = text::origin(&e.origin, self.lang);
                coop.push(Inline::Break);
                coop.push(t(format!("{}: {origin}", self.pick("sumber", "source"))));
                if let Some(code) = code {
                    coop.push(t(" "));
                    coop.push(Inline::Code(code));
                }
                let parties = lines(e.partners.iter().map(|p| {
                    let mut out = vec![t(p.name.clone())];
                    match &p.party {
                        Some(PartyId::Region(code)) => out.push(t(format!(" ({code})"))),
                        Some(PartyId::ThirdParty(id)) => {
                            out.push(t(" ("));
                            out.push(Inline::Code(id.clone()));
                            out.push(t(")"));
                        }
                        None => {}
                    }
                    let category = text::partner_category(p.category, self.lang);
                    if p.home {
                        out.push(t(format!(
                            ", {category}, {}",
                            self.pick("daerah ini", "this region")
                        )));
                    } else {
                        out.push(t(format!(", {category}")));
                    }
                    out
                }));
                let urusan: Vec<&str> = e
                    .urusan
                    .iter()
                    .map(|u| self.pick(u.label_id(), u.label_en()))
                    .collect();
                let groups: Vec<&str> = e
                    .urusan_groups
                    .iter()
                    .map(|g| text::urusan_group(*g, self.lang))
                    .collect();
                let ends = match (&e.governing_end, e.days_left) {
                    (Some((doc, end)), days) => {
                        let mut out =
                            vec![Inline::Code(doc.clone()), Inline::Break, t(self.date(*end))];
                        if let Some(days) = days {
                            out.push(Inline::Break);
                            out.push(t(if days >= 0 {
                                self.pick(format!("{days} hari lagi"), format!("{days} days left"))
                            } else {
                                self.pick(
                                    format!("lewat {} hari", -days),
                                    format!("{} days ago", -days),
                                )
                            }));
                        }
                        out
                    }
                    (None, _) => cell("—"),
                };
                let mut next = match &e.next_due {
                    Some(due) => vec![t(self.pick(
                        format!(
                            "{} ({}), paling lambat {}",
                            due.what_id,
                            due.rule,
                            self.date(due.due_on)
                        ),
                        format!(
                            "{} ({}), due {}",
                            due.what_en,
                            due.rule,
                            self.date(due.due_on)
                        ),
                    ))],
                    None => cell("—"),
                };
                if !e.steps_not_on_record.is_empty() {
                    let steps: Vec<&str> = e
                        .steps_not_on_record
                        .iter()
                        .map(|c| self.pick(c.label_id(), c.label_en()))
                        .collect();
                    next.push(Inline::Break);
                    next.push(t(format!(
                        "{}: {}",
                        self.pick("langkah yang tidak tercatat", "steps not on record"),
                        steps.join(", ")
                    )));
                }
                self.row_for(
                    &e.label,
                    vec![
                        cell((i + 1).to_string()),
                        coop,
                        cell(text::kind(e.kind, self.lang)),
                        parties,
                        vec![
                            t(urusan.join(", ")),
                            Inline::Break,
                            t(format!("({})", groups.join("; "))),
                        ],
                        cell(self.pick(e.stage.label_id(), e.stage.label_en())),
                        vec![Inline::Badge(
                            text::validity_class(e.validity),
                            text::validity(e.validity, self.lang),
                        )],
                        ends,
                        next,
                    ],
                )
            })
            .collect();
        let register = self.table(
            "register",
            &[
                ("No.", "No."),
                ("Kerja sama", "Cooperation"),
                ("Jenis", "Kind"),
                ("Para pihak", "Parties"),
                ("Urusan", "Affairs"),
                ("Tahap", "Stage"),
                ("Keabsahan", "Validity"),
                ("Berakhir", "Ends"),
                ("Tindakan berikutnya", "Next due action"),
            ],
            rows,
        );
        let documents: Vec<Row> = r
            .register
            .iter()
            .flat_map(|e| e.documents.iter().map(move |d| (e, d)))
            .map(|(e, d)| self.document_row(e, d))
            .collect();
        let mut blocks = vec![
            intro,
            register,
            Block::Sub(self.pick("Dokumen", "Documents").to_owned()),
        ];
        if documents.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "documents",
                &[
                    ("Kerja sama", "Cooperation"),
                    ("Dokumen", "Document"),
                    ("Jenis", "Kind"),
                    ("Nomor para pihak", "Each party's number"),
                    ("Ditandatangani", "Signed"),
                    ("Jangka waktu", "Term"),
                    ("Penandatangan", "Signatories"),
                    ("Keabsahan", "Validity"),
                ],
                documents,
            ));
            blocks.push(Block::Timeline);
        }
        blocks
    }

    fn document_row(&self, e: &RegisterEntry, d: &DocumentLine) -> Row {
        let numbers = lines(d.numbers.iter().map(|(party, number)| {
            let (who, code) = text::party_short(party, e);
            let who = if code { Inline::Code(who) } else { t(who) };
            vec![who, t(": "), Inline::Code(number.clone())]
        }));
        let term = match (d.starts_on, d.ends_on) {
            (Some(from), Some(to)) => text::span(from, to, self.lang),
            (Some(from), None) => self.pick(
                format!("sejak {}", self.date(from)),
                format!("from {}", self.date(from)),
            ),
            (None, Some(to)) => self.pick(
                format!("sampai {}", self.date(to)),
                format!("until {}", self.date(to)),
            ),
            (None, None) => "—".to_owned(),
        };
        let signatories = lines(d.signatories.iter().map(|s| {
            let mut what = text::capacity(s.capacity, self.lang).to_owned();
            if s.under_kuasa {
                what.push_str(self.pick(", dengan surat kuasa", ", under a surat kuasa"));
            }
            vec![t(format!("{}, {} ({what})", s.name, s.office))]
        }));
        self.row_for(
            &e.label,
            vec![
                self.coop(&e.label),
                vec![
                    Inline::Code(d.id.clone()),
                    Inline::Break,
                    t(d.title.clone()),
                ],
                cell(text::document_kind(d.kind, self.lang)),
                if numbers.is_empty() {
                    cell("—")
                } else {
                    numbers
                },
                cell(self.date(d.signed_on)),
                cell(term),
                if signatories.is_empty() {
                    cell("—")
                } else {
                    signatories
                },
                vec![Inline::Badge(
                    text::validity_class(d.validity),
                    text::validity(d.validity, self.lang),
                )],
            ],
        )
        .data("document", d.id.clone())
    }

    // ------------------------------------------------------------------------- item 3

    fn counts(&self) -> Vec<Block> {
        let c = &self.report.counts;
        let count_table = |class, head: (&str, &str), rows: Vec<(String, u32)>| -> Vec<Block> {
            if rows.is_empty() {
                return vec![self.none()];
            }
            vec![
                self.table(
                    class,
                    &[head, ("Jumlah", "Number")],
                    rows.into_iter()
                        .map(|(label, n)| Row::new(vec![cell(label), cell(n.to_string())]))
                        .collect(),
                ),
            ]
        };
        let mut blocks = Vec::new();
        blocks.push(Block::Sub(self.pick("Menurut jenis", "By kind").to_owned()));
        blocks.extend(count_table(
            "counts",
            ("Jenis", "Kind"),
            c.by_kind
                .iter()
                .map(|(k, n)| (text::kind(*k, self.lang).to_owned(), *n))
                .collect(),
        ));
        blocks.push(Block::Sub(
            self.pick("Menurut tahap", "By stage").to_owned(),
        ));
        blocks.extend(count_table(
            "counts",
            ("Tahap", "Stage"),
            c.by_stage
                .iter()
                .map(|(s, n)| (self.pick(s.label_id(), s.label_en()).to_owned(), *n))
                .collect(),
        ));
        blocks.push(Block::Sub(
            self.pick("Menurut kelompok urusan", "By group of affairs")
                .to_owned(),
        ));
        blocks.push(Block::Para(vec![t(self.pick(
            "Kerja sama dihitung sekali untuk setiap kelompok urusan yang disentuhnya.",
            "A cooperation counts once for each group of affairs it touches.",
        ))]));
        blocks.extend(count_table(
            "counts",
            ("Kelompok urusan", "Group of affairs"),
            c.by_urusan_group
                .iter()
                .map(|(g, n)| (text::urusan_group(*g, self.lang).to_owned(), *n))
                .collect(),
        ));
        blocks.push(Block::Sub(
            self.pick("Menurut kategori mitra", "By partner category")
                .to_owned(),
        ));
        blocks.push(Block::Para(vec![t(self.pick(
            "Mitra selain daerah ini, dihitung per kerja sama.",
            "Partners other than this region, counted per cooperation.",
        ))]));
        blocks.extend(count_table(
            "counts",
            ("Kategori mitra", "Partner category"),
            c.by_partner_category
                .iter()
                .map(|(p, n)| (text::partner_category(*p, self.lang).to_owned(), *n))
                .collect(),
        ));
        blocks.push(Block::Sub(
            self.pick(
                "Kesepakatan yang ditandatangani per tahun",
                "Agreements signed per year",
            )
            .to_owned(),
        ));
        blocks.extend(count_table(
            "counts",
            ("Tahun (KB dan PKS)", "Year (KB and PKS)"),
            c.signed_by_year
                .iter()
                .map(|(year, n)| (year.to_string(), *n))
                .collect(),
        ));
        blocks
    }

    // ------------------------------------------------------------------------- item 4

    fn checklist(&self) -> Vec<Block> {
        let rows = &self.report.checklist;
        let intro = Block::Para(vec![t(self.pick(
            format!(
                "{} baris: satu untuk setiap kerja sama dan aturan yang berlaku baginya. Hasil \
                 sesuai dan tidak diterapkan diringkas per kerja sama; setiap baris, dengan \
                 dasar hukum dan buktinya, ada pada keluaran CSV.",
                rows.len()
            ),
            format!(
                "{} rows: one for each cooperation and each rule that applies to it. The ok \
                 and not-applicable results are summarised per cooperation; every row, with \
                 its legal basis and evidence, is in the CSV output.",
                rows.len()
            ),
        ))]);
        // Per cooperation, in the order of the checklist.
        let mut order: Vec<&str> = Vec::new();
        let mut tally: BTreeMap<&str, [u32; 4]> = BTreeMap::new();
        for row in rows {
            if !order.contains(&row.cooperation.as_str()) {
                order.push(&row.cooperation);
            }
            let slot = match row.result {
                CheckResult::Ok => 0,
                CheckResult::Warning => 1,
                CheckResult::Error => 2,
                CheckResult::NotApplicable => 3,
            };
            if let Some(n) = tally.entry(&row.cooperation).or_default().get_mut(slot) {
                *n += 1;
            }
        }
        let summary = order
            .iter()
            .map(|label| {
                let [ok, warning, error, na] = tally.get(label).copied().unwrap_or_default();
                let set = self
                    .entry(label)
                    .map_or_else(|| "—".to_owned(), |e| text::rule_set(e.rule_set, self.lang));
                self.row_for(
                    label,
                    vec![
                        self.coop(label),
                        cell(set),
                        cell(ok.to_string()),
                        cell(warning.to_string()),
                        cell(error.to_string()),
                        cell(na.to_string()),
                        cell((ok + warning + error + na).to_string()),
                    ],
                )
            })
            .collect();
        let summary = self.table(
            "checklist-summary",
            &[
                ("Kerja sama", "Cooperation"),
                ("Perangkat aturan", "Rule set"),
                ("Sesuai", "Ok"),
                ("Peringatan", "Warning"),
                ("Pelanggaran", "Error"),
                ("Tidak diterapkan", "Not applicable"),
                ("Jumlah aturan", "Rules"),
            ],
            summary,
        );
        let findings: Vec<Row> = rows
            .iter()
            .filter(|r| matches!(r.result, CheckResult::Error | CheckResult::Warning))
            .map(|r| self.finding_row(r))
            .collect();
        let mut blocks = vec![
            intro,
            summary,
            Block::Sub(
                self.pick("Pelanggaran dan peringatan", "Errors and warnings")
                    .to_owned(),
            ),
        ];
        if findings.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "findings",
                &[
                    ("Kerja sama", "Cooperation"),
                    ("Aturan", "Rule"),
                    ("Hasil", "Result"),
                    ("Temuan atau catatan", "Finding or note"),
                    ("Dasar hukum", "Legal basis"),
                    ("Bukti", "Evidence"),
                ],
                findings,
            ));
        }
        blocks
    }

    fn finding_row(&self, r: &ChecklistRow) -> Row {
        let mut what: Vec<Vec<Inline>> = r
            .findings
            .iter()
            .map(|v| cell(v.message(self.lang)))
            .collect();
        if let Some((id, en)) = &r.note {
            what.push(cell(self.pick(id.clone(), en.clone())));
        }
        let mut citations: Vec<String> = Vec::new();
        for c in r
            .findings
            .iter()
            .map(Violation::citation)
            .chain(r.findings.is_empty().then(|| rules::rule(r.rule).citation))
        {
            let c = text::citation(&c, self.lang);
            if !citations.contains(&c) {
                citations.push(c);
            }
        }
        self.row_for(
            &r.cooperation,
            vec![
                self.coop(&r.cooperation),
                cell(r.rule.as_str()),
                vec![Inline::Badge(
                    text::result_class(r.result),
                    text::result(r.result, self.lang).to_owned(),
                )],
                lines(what),
                lines(citations.into_iter().map(cell)),
                self.evidence(r.evidence.as_ref()),
            ],
        )
        .class(text::result_class(r.result))
        .data("rule", r.rule.as_str())
    }

    // ------------------------------------------------------------------------- item 5

    fn expiry(&self) -> Vec<Block> {
        let h = &self.report.header;
        let mut intro = vec![t(self.pick(
            "Kedua jendela segera berakhir ditampilkan berdampingan; baris yang hasilnya berbeda \
             ditandai.",
            "Both expiring-soon windows side by side; a row where they differ is marked.",
        ))];
        if let Some((_, value)) = h
            .key_values
            .get("expiring_soon")
            .and_then(|v| text::key_value("expiring_soon", v, self.lang))
        {
            intro.push(t(self.pick(
                format!(" Jendela yang dipakai kebijakan laporan ini: {value}."),
                format!(" The window of this report's policy: {value}."),
            )));
        }
        let rows: Vec<Row> = self
            .report
            .expiry
            .iter()
            .map(|x| {
                let differs = x.within_90_days != x.within_3_months;
                let badge = |v| {
                    vec![Inline::Badge(
                        text::validity_class(v),
                        text::validity(v, self.lang),
                    )]
                };
                let row = self.row_for(
                    &x.cooperation,
                    vec![
                        self.coop(&x.cooperation),
                        vec![Inline::Code(x.document.clone())],
                        cell(self.date(x.ends_on)),
                        cell(x.days_left.to_string()),
                        badge(x.within_90_days),
                        badge(x.within_3_months),
                    ],
                );
                if differs {
                    row.class("differs").data("differs", "true")
                } else {
                    row
                }
            })
            .collect();
        let mut blocks = vec![Block::Para(intro)];
        if rows.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "expiry",
                &[
                    ("Kerja sama", "Cooperation"),
                    ("Dokumen penentu", "Governing document"),
                    ("Berakhir", "Ends"),
                    ("Sisa hari", "Days left"),
                    ("Jendela 90 hari", "Window of 90 days"),
                    ("Jendela 3 bulan", "Window of 3 months"),
                ],
                rows,
            ));
        }
        blocks
    }

    // ------------------------------------------------------------------------- item 6

    fn cadence(&self) -> Vec<Block> {
        let r = self.report;
        let intro = Block::Para(vec![t(self.pick(
            format!(
                "Tahun anggaran {}: evaluasi yang telah dilakukan dibandingkan dengan jumlah \
                 minimum (KSD-IMPL-03).",
                r.header.fiscal_year
            ),
            format!(
                "Fiscal year {}: evaluations held against the required minimum (KSD-IMPL-03).",
                r.header.fiscal_year
            ),
        ))]);
        let rows: Vec<Row> = r
            .cadence
            .iter()
            .map(|c| {
                let legacy = self.entry(&c.cooperation).is_some_and(|e| e.legacy);
                let remark = if !c.due && legacy {
                    self.pick(
                        "aturan lama tidak mengatur jumlah evaluasi; hanya dicantumkan".to_owned(),
                        "the legacy rules set no number of evaluations; listed only".to_owned(),
                    )
                } else if !c.due {
                    self.pick(
                        "tidak wajib tahun ini".to_owned(),
                        "not due this year".to_owned(),
                    )
                } else if c.done < c.required {
                    let left = c.required - c.done;
                    let by = c.due_by.map(|d| self.date(d)).unwrap_or_default();
                    self.pick(
                        format!("{left} evaluasi lagi paling lambat {by}"),
                        format!("{left} more due by {by}"),
                    )
                } else {
                    self.pick("lengkap".to_owned(), "complete".to_owned())
                };
                self.row_for(
                    &c.cooperation,
                    vec![
                        self.coop(&c.cooperation),
                        cell(c.done.to_string()),
                        cell(if c.due {
                            c.required.to_string()
                        } else {
                            "—".to_owned()
                        }),
                        cell(c.due_by.map_or_else(|| "—".to_owned(), |d| self.date(d))),
                        cell(if c.due {
                            text::deadline_status(c.status, self.lang)
                        } else {
                            "—"
                        }),
                        cell(remark),
                    ],
                )
            })
            .collect();
        let mut blocks = vec![intro];
        if rows.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "cadence",
                &[
                    ("Kerja sama", "Cooperation"),
                    ("Dilakukan", "Held"),
                    ("Wajib", "Required"),
                    ("Paling lambat", "Due by"),
                    ("Status", "Status"),
                    ("Keterangan", "Remark"),
                ],
                rows,
            ));
        }
        let not_due: Vec<&str> = r
            .register
            .iter()
            .filter(|e| r.cadence.iter().all(|c| c.cooperation != e.label))
            .map(|e| e.label.as_str())
            .collect();
        if !not_due.is_empty() {
            blocks.push(Block::Para(vec![t(self.pick(
                format!(
                    "Tidak wajib evaluasi tahun ini karena belum ada PKS yang berlaku: {}.",
                    not_due.join(", ")
                ),
                format!(
                    "No evaluation due this year, no PKS being in force: {}.",
                    not_due.join(", ")
                ),
            ))]));
        }
        blocks
    }

    // ------------------------------------------------------------------------- item 7

    fn dprd(&self) -> Vec<Block> {
        let intro = Block::Para(vec![t(self.pick(
            "Per daerah pihak: apakah rencana kerja sama membebani masyarakat dan membebani \
             daerah, apakah belum dianggarkan dalam APBD tahun berjalan, alasannya, dan \
             keputusan DPRD (KSD-DPRD-01).",
            "Per region party: whether the plan burdens the community and the region, whether \
             it is not budgeted in the current APBD, the justification, and the DPRD's decision \
             (KSD-DPRD-01).",
        ))]);
        let rows: Vec<Row> = self
            .report
            .dprd
            .iter()
            .map(|d| {
                let decision = match (d.decision, d.approval_required) {
                    (super::super::model::DprdOutcome::None, Some(false)) => {
                        self.pick("tidak diperlukan", "not needed")
                    }
                    (super::super::model::DprdOutcome::None, None) => {
                        self.pick("belum dinilai", "not assessed")
                    }
                    (outcome, _) => text::dprd_outcome(outcome, self.lang),
                };
                let reference = match &d.reference {
                    Some((what, on)) => vec![t(what.clone()), Inline::Break, t(self.date(*on))],
                    None => cell("—"),
                };
                self.row_for(
                    &d.cooperation,
                    vec![
                        self.coop(&d.cooperation),
                        cell(self.region_name(&d.cooperation, d.region)),
                        cell(text::yes_no(d.burdens_community, self.lang)),
                        cell(text::yes_no(d.burdens_region, self.lang)),
                        cell(text::yes_no(d.not_budgeted, self.lang)),
                        cell(d.justification.clone().unwrap_or_else(|| "—".to_owned())),
                        cell(text::yes_no(d.approval_required, self.lang)),
                        cell(decision),
                        reference,
                    ],
                )
                .data("region", d.region.to_string())
            })
            .collect();
        let mut blocks = vec![intro];
        if rows.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "dprd",
                &[
                    ("Kerja sama", "Cooperation"),
                    ("Daerah", "Region"),
                    ("Membebani masyarakat", "Burdens the community"),
                    ("Membebani daerah", "Burdens the region"),
                    ("Belum dianggarkan", "Not budgeted"),
                    ("Alasan", "Justification"),
                    ("Perlu persetujuan", "Approval needed"),
                    ("Keputusan", "Decision"),
                    ("Rujukan", "Reference"),
                ],
                rows,
            ));
        }
        blocks
    }

    // ------------------------------------------------------------------------- item 8

    fn pipeline(&self) -> Vec<Block> {
        let rows: Vec<Row> = self
            .report
            .pipeline
            .iter()
            .map(|p| {
                let label =
                    |c: &crate::lifecycle::CommandKind| self.pick(c.label_id(), c.label_en());
                let next = p.next_steps.first().map_or("—", label);
                let others: Vec<&str> = p.next_steps.iter().skip(1).map(label).collect();
                let blockers = lines(p.blockers.iter().map(|v| self.finding(v)));
                self.row_for(
                    &p.cooperation,
                    vec![
                        self.coop(&p.cooperation),
                        cell(self.pick(p.stage.label_id(), p.stage.label_en())),
                        cell(p.owner.clone().unwrap_or_else(|| {
                            self.pick("belum ditetapkan", "not assigned").to_owned()
                        })),
                        vec![Inline::Strong(next.to_owned())],
                        cell(if others.is_empty() {
                            "—".to_owned()
                        } else {
                            others.join(", ")
                        }),
                        if blockers.is_empty() {
                            cell("—")
                        } else {
                            blockers
                        },
                    ],
                )
            })
            .collect();
        let mut blocks = vec![Block::Para(vec![t(self.pick(
            "Kerja sama yang belum sampai pada penandatanganan PKS, dengan langkah berikutnya \
             dan hal yang masih menghambatnya.",
            "Cooperation not yet at the signing of its PKS, with the next step and what still \
             blocks it.",
        ))])];
        if rows.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "pipeline",
                &[
                    ("Kerja sama", "Cooperation"),
                    ("Tahap", "Stage"),
                    ("OPD pengampu", "Lead OPD"),
                    ("Langkah berikutnya", "Next step"),
                    ("Langkah lain yang tersedia", "Other steps available"),
                    ("Hambatan", "Blockers"),
                ],
                rows,
            ));
        }
        blocks
    }

    // ------------------------------------------------------------------------- item 9

    fn opportunities(&self) -> Vec<Block> {
        let rows: Vec<Row> = self
            .report
            .opportunities
            .iter()
            .map(|o| {
                let urusan: Vec<&str> = o
                    .urusan
                    .iter()
                    .map(|u| self.pick(u.label_id(), u.label_en()))
                    .collect();
                self.row_for(
                    &o.cooperation,
                    vec![
                        self.coop(&o.cooperation),
                        cell(o.title.clone()),
                        cell(urusan.join(", ")),
                        cell(text::opportunity_form(o.form, self.lang)),
                        cell(self.pick(o.stage.label_id(), o.stage.label_en())),
                    ],
                )
            })
            .collect();
        let mut blocks = vec![Block::Para(vec![t(self.pick(
            "Usulan dan objek kerja sama pada sektor yang dicari rapat (misalnya pariwisata), \
             dan bentuknya: KSDD bila bermitra dengan daerah lain, KSDPK bila dengan pihak \
             ketiga.",
            "Proposals and objects in the sectors the meeting looks for (e.g. tourism), and \
             their form: a KSDD with other regions, a KSDPK with a third party.",
        ))])];
        if rows.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "opportunities",
                &[
                    ("Kerja sama", "Cooperation"),
                    ("Judul", "Title"),
                    ("Urusan", "Affairs"),
                    ("Bentuk", "Form"),
                    ("Tahap", "Stage"),
                ],
                rows,
            ));
        }
        blocks
    }

    // ------------------------------------------------------------------------- item 10

    fn follow_up(&self) -> Vec<Block> {
        let lines_of = &self.report.follow_up;
        let rows: Vec<Row> = lines_of
            .iter()
            .map(|f| {
                let findings = lines(f.findings.iter().map(|v| self.finding(v)));
                let problems = lines(f.problems.iter().map(|(problem, follow)| {
                    cell(self.pick(
                        format!("{problem}; tindak lanjut: {follow}"),
                        format!("{problem}; follow-up: {follow}"),
                    ))
                }));
                self.row_for(
                    &f.cooperation,
                    vec![
                        self.coop(&f.cooperation),
                        if findings.is_empty() {
                            cell(self.pick("tidak ada", "none"))
                        } else {
                            findings
                        },
                        if problems.is_empty() {
                            cell("—")
                        } else {
                            problems
                        },
                        vec![Inline::Strong(
                            text::outcome(f.recommendation, self.lang).to_owned(),
                        )],
                        cell(self.pick(f.because.0.clone(), f.because.1.clone())),
                    ],
                )
            })
            .collect();
        let actions: Vec<Row> = lines_of
            .iter()
            .flat_map(|f| f.actions.iter().map(move |a| (f, a)))
            .map(|(f, a)| {
                self.row_for(
                    &f.cooperation,
                    vec![
                        self.coop(&f.cooperation),
                        cell(self.pick(a.what_id.clone(), a.what_en.clone())),
                        cell(a.owner.clone()),
                        cell(a.due_on.map_or_else(|| "—".to_owned(), |d| self.date(d))),
                        cell(a.rule.as_str()),
                    ],
                )
            })
            .collect();
        let mut blocks = vec![Block::Para(vec![t(self.pick(
            "Temuan setiap kerja sama, permasalahan dan tindak lanjut yang dicatat evaluasinya, \
             dan rekomendasi: dilanjutkan, diubah, diperpanjang, atau diakhiri (KSD-IMPL-06).",
            "The findings of each cooperation, the problems and follow-up its evaluations \
             recorded, and a recommendation: continue, amend, extend or terminate (KSD-IMPL-06).",
        ))])];
        if rows.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "follow-up",
                &[
                    ("Kerja sama", "Cooperation"),
                    ("Temuan", "Findings"),
                    ("Permasalahan dan tindak lanjut", "Problems and follow-up"),
                    ("Rekomendasi", "Recommendation"),
                    ("Alasan", "Because"),
                ],
                rows,
            ));
        }
        blocks.push(Block::Sub(
            self.pick("Daftar tindakan", "Action list").to_owned(),
        ));
        if actions.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "actions",
                &[
                    ("Kerja sama", "Cooperation"),
                    ("Tindakan", "Action"),
                    ("Penanggung jawab", "Owner"),
                    ("Tenggat", "Due"),
                    ("Aturan", "Rule"),
                ],
                actions,
            ));
        }
        blocks
    }

    // ------------------------------------------------------------------------- item 11

    fn reporting(&self) -> Vec<Block> {
        let r = &self.report.reporting;
        let unset = self.pick("belum ditetapkan dalam kebijakan", "not set in the policy");
        let items = vec![
            vec![t(format!(
                "{}: {}",
                self.pick("Saluran", "Channel"),
                r.channel.as_deref().unwrap_or(unset)
            ))],
            vec![t(format!(
                "{}: {}",
                self.pick("Ditujukan kepada", "Addressee"),
                r.addressee.as_deref().unwrap_or(unset)
            ))],
            vec![t(format!(
                "{}: {}",
                self.pick("Setiap", "Every"),
                r.every
                    .map_or_else(|| unset.to_owned(), |p| text::period(p, self.lang))
            ))],
        ];
        let rows: Vec<Row> = r
            .lines
            .iter()
            .map(|line| {
                self.row_for(
                    &line.cooperation,
                    vec![
                        self.coop(&line.cooperation),
                        cell(line.due.map_or_else(
                            || self.pick("tanpa jadwal", "no schedule").to_owned(),
                            |n| n.to_string(),
                        )),
                    ],
                )
            })
            .collect();
        let mut blocks = vec![
            Block::Para(vec![t(self.pick(
                "Pelaporan ke atas (KSD-IMPL-04): tujuan, jadwal, dan saluran tidak ditetapkan \
                 oleh sumber, sehingga diambil dari kebijakan; tanpa jadwal, tidak ada laporan \
                 yang dihitung jatuh tempo.",
                "Upward reporting (KSD-IMPL-04): the sources set no addressee, schedule or \
                 channel, so they come from the policy; without a schedule no report is counted \
                 as due.",
            ))]),
            Block::List(items),
        ];
        if rows.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "reporting",
                &[
                    ("Kerja sama", "Cooperation"),
                    (
                        "Laporan jatuh tempo dalam periode",
                        "Reports due in the period",
                    ),
                ],
                rows,
            ));
        }
        blocks
    }

    // ------------------------------------------------------------------------- outside KSD

    fn outside(&self) -> Vec<Block> {
        let rows: Vec<Row> = self
            .report
            .outside_ksd
            .iter()
            .map(|o| {
                let (origin, code) = text::origin(&o.origin, self.lang);
                let mut source = vec![t(origin)];
                if let Some(code) = code {
                    source.push(t(" "));
                    source.push(Inline::Code(code));
                }
                Row::new(vec![
                    vec![Inline::Strong(o.label.clone())],
                    cell(o.title.clone()),
                    cell(o.partners.join(", ")),
                    cell(text::outside_reason(o.reason, self.lang)),
                    source,
                ])
                .data("cooperation", o.label.clone())
            })
            .collect();
        let mut blocks = vec![Block::Para(vec![t(self.pick(
            "Catatan dalam daftar daerah yang bukan kerja sama daerah menurut PP 28/2018 \
             (misalnya dengan kementerian): dicantumkan terpisah dan tidak dinilai dengan aturan \
             kerja sama daerah.",
            "Records of the region's register that are not a regional cooperation under PP \
             28/2018 (e.g. with a ministry): listed apart and judged by no regional \
             cooperation rule.",
        ))])];
        if rows.is_empty() {
            blocks.push(self.none());
        } else {
            blocks.push(self.table(
                "outside",
                &[
                    ("Catatan", "Record"),
                    ("Judul", "Title"),
                    ("Mitra", "Partners"),
                    ("Alasan", "Reason"),
                    ("Sumber", "Source"),
                ],
                rows,
            ));
        }
        blocks
    }
}
