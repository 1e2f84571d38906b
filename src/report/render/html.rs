//! The document as one self-contained HTML5 file: inline CSS, an inline SVG timeline, no
//! script and no external asset, readable on paper.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::law::Lang;
use crate::model::DocumentKind;
use crate::time::Validity;

use super::super::model::EvaluationReport;
use super::doc::{Block, Document, Inline, Table};
use super::text;

/// `text` with the five characters that HTML reads as markup replaced by references: safe in
/// element content and in a quoted attribute value.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1f2933; --muted: #52606d; --rule: #cbd2d9; --paper: #ffffff;
  --in-force: #2f855a; --expiring-soon: #d69e2e; --expired: #c53030;
  --not-yet-in-force: #718096; --ended: #4a5568; --legacy: #6b46c1; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink);
  background: var(--paper); margin: 0 auto; max-width: 1200px; padding: 1.5rem; line-height: 1.45; font-size: 14px; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p.subtitle { margin: 0 0 1rem; color: var(--muted); }
nav ol { columns: 2; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 12.5px; }
th, td { border: 1px solid var(--rule); padding: .3rem .4rem; vertical-align: top; text-align: left; }
th { background: #f0f4f8; }
table.policy, table.counts { width: auto; min-width: 40%; }
tr.error td { background: #fff5f5; }
tr.warning td { background: #fffbea; }
tr.differs td { background: #fffbea; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .92em; background: #f0f4f8; padding: 0 .2em; }
.badge { display: inline-block; border-radius: 3px; padding: 0 .35em; font-size: .9em; color: #fff; white-space: nowrap; }
.badge.in-force, .badge.ok { background: var(--in-force); }
.badge.expiring-soon, .badge.warning { background: var(--expiring-soon); color: #1a202c; }
.badge.expired, .badge.error { background: var(--expired); }
.badge.not-yet-in-force, .badge.not-applicable { background: var(--not-yet-in-force); }
.badge.ended { background: var(--ended); }
.badge.legacy { background: var(--legacy); }
figure.timeline { margin: .5rem 0 1rem; }
figure.timeline svg { width: 100%; height: auto; border: 1px solid var(--rule); }
svg .bar.in-force { fill: var(--in-force); }
svg .bar.expiring-soon { fill: var(--expiring-soon); }
svg .bar.expired { fill: var(--expired); }
svg .bar.not-yet-in-force { fill: var(--not-yet-in-force); }
svg .bar.ended { fill: var(--ended); }
svg .bar.legacy { stroke: var(--legacy); stroke-width: 2; stroke-dasharray: 4 2; }
svg .grid { stroke: var(--rule); stroke-width: 1; }
svg .period { fill: #ebf8ff; }
svg .as-of { stroke: #c53030; stroke-width: 2; }
svg text { font-size: 11px; fill: var(--ink); }
svg text.as-of-label { fill: #c53030; font-weight: bold; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: 12px; }
ul.legend .swatch { display: inline-block; width: 1.6em; height: .8em; margin-right: .3em; vertical-align: middle; }
.swatch.in-force { background: var(--in-force); }
.swatch.expiring-soon { background: var(--expiring-soon); }
.swatch.expired { background: var(--expired); }
.swatch.not-yet-in-force { background: var(--not-yet-in-force); }
.swatch.ended { background: var(--ended); }
.swatch.legacy { border: 2px dashed var(--legacy); }
.swatch.as-of { background: #c53030; width: 3px; }
.swatch.period { background: #ebf8ff; border: 1px solid var(--rule); }
footer { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: .5rem; color: var(--muted); font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  figure.timeline, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 8.5pt; }
}
"#;

fn inlines(items: &[Inline]) -> String {
    let mut out = String::new();
    for item in items {
        match item {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Code(text) => {
                let _ = write!(out, "<code>{}</code>", escape(text));
            }
            Inline::Strong(text) => {
                let _ = write!(out, "<strong>{}</strong>", escape(text));
            }
            Inline::Badge(class, text) => {
                let _ = write!(
                    out,
                    "<span class=\"badge {}\">{}</span>",
                    escape(class),
                    escape(text)
                );
            }
            Inline::Break => out.push_str("<br>"),
        }
    }
    out
}

fn table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "<table class=\"{}\">", escape(table.class));
    out.push_str("<thead><tr>");
    for head in &table.head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(head));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr");
        if let Some(class) = row.class {
            let _ = write!(out, " class=\"{}\"", escape(class));
        }
        for (name, value) in &row.data {
            let _ = write!(out, " data-{}=\"{}\"", escape(name), escape(value));
        }
        out.push('>');
        for cell in &row.cells {
            let _ = write!(out, "<td>{}</td>", inlines(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The document as HTML, with the timeline of `report` where the document places it.
pub(super) fn write(document: &Document, report: &EvaluationReport, lang: Lang) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(document.title),
        escape(&plain(&document.subtitle)),
    );
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n</header>\n",
        escape(document.title),
        inlines(&document.subtitle)
    );
    out.push_str("<nav><ol>\n");
    for section in &document.sections {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            escape(section.anchor),
            escape(section.title)
        );
    }
    out.push_str("</ol></nav>\n<main>\n");
    for section in &document.sections {
        let _ = writeln!(
            out,
            "<section id=\"{}\">\n<h2>{}. {}</h2>",
            escape(section.anchor),
            section.number,
            escape(section.title)
        );
        for block in &section.blocks {
            match block {
                Block::Para(items) => {
                    let _ = writeln!(out, "<p>{}</p>", inlines(items));
                }
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        let _ = writeln!(out, "<li>{}</li>", inlines(item));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Sub(title) => {
                    let _ = writeln!(out, "<h3>{}</h3>", escape(title));
                }
                Block::Table(t) => table(&mut out, t),
                Block::Timeline => timeline(&mut out, report, lang),
            }
        }
        out.push_str("</section>\n");
    }
    let _ = write!(
        out,
        "</main>\n<footer><p>{}</p></footer>\n</body>\n</html>\n",
        inlines(&document.footer)
    );
    out
}

/// The text of inlines without markup (for the page title).
fn plain(items: &[Inline]) -> String {
    items
        .iter()
        .map(|i| match i {
            Inline::Text(s) | Inline::Code(s) | Inline::Strong(s) | Inline::Badge(_, s) => {
                s.as_str()
            }
            Inline::Break => " ",
        })
        .collect()
}

// ----------------------------------------------------------------------------- timeline

/// One bar: a KB or PKS of the register with a term.
struct Bar<'a> {
    cooperation: &'a str,
    document: &'a str,
    kind: DocumentKind,
    from: NaiveDate,
    to: NaiveDate,
    validity: Validity,
    legacy: bool,
}

const WIDTH: f64 = 1000.0;
const LABEL: f64 = 240.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 34.0;
const ROW: f64 = 22.0;
const BAR: f64 = 14.0;
const BOTTOM: f64 = 30.0;

fn first_of_year(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 1, 1)
}

/// The timeline: one bar per KB and PKS of the register from its first to its last day, a
/// line at `as_of`, the period under evaluation shaded, years on the axis, and a legend.
fn timeline(out: &mut String, report: &EvaluationReport, lang: Lang) {
    let bars: Vec<Bar<'_>> = report
        .register
        .iter()
        .flat_map(|e| {
            e.documents.iter().filter_map(move |d| {
                if !matches!(d.kind, DocumentKind::Kb | DocumentKind::Pks) {
                    return None;
                }
                Some(Bar {
                    cooperation: &e.label,
                    document: &d.id,
                    kind: d.kind,
                    from: d.starts_on?,
                    to: d.ends_on?,
                    validity: d.validity,
                    legacy: e.legacy,
                })
            })
        })
        .collect();
    let as_of = report.header.as_of;
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        escape(lang.pick("Linimasa KB dan PKS", "Timeline of the KB and PKS"))
    );
    if bars.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(lang.pick(
                "Tidak ada KB atau PKS dengan jangka waktu.",
                "No KB or PKS with a term."
            ))
        );
        return;
    }
    let first_year = bars
        .iter()
        .map(|b| b.from.year())
        .chain([report.header.period_from.year(), as_of.year()])
        .min()
        .unwrap_or(as_of.year());
    let last_year = bars
        .iter()
        .map(|b| b.to.year())
        .chain([as_of.year()])
        .max()
        .unwrap_or(as_of.year());
    let (Some(start), Some(end)) = (first_of_year(first_year), first_of_year(last_year + 1)) else {
        return;
    };
    let total = (end - start).num_days().max(1) as f64;
    let plot = WIDTH - LABEL - RIGHT;
    let x = |day: NaiveDate| LABEL + (day - start).num_days() as f64 / total * plot;
    let height = TOP + ROW * bars.len() as f64 + BOTTOM;
    let bottom = TOP + ROW * bars.len() as f64;
    let title = lang.pick(
        format!(
            "Linimasa {} KB dan PKS, garis merah pada {}",
            bars.len(),
            text::date(as_of, lang)
        ),
        format!(
            "Timeline of {} KB and PKS, red line at {}",
            bars.len(),
            text::date(as_of, lang)
        ),
    );
    let _ = writeln!(
        out,
        "<figure class=\"timeline\">\n<svg viewBox=\"0 0 {WIDTH:.0} {height:.0}\" role=\"img\" aria-label=\"{t}\" \
         data-from=\"{start}\" data-to=\"{end}\">\n<title>{t}</title>",
        t = escape(&title),
    );
    // The period under evaluation.
    let (p0, p1) = (x(report.header.period_from), x(as_of));
    let _ = writeln!(
        out,
        "<rect class=\"period\" x=\"{p0:.1}\" y=\"{TOP:.1}\" width=\"{:.1}\" height=\"{:.1}\"/>",
        (p1 - p0).max(0.0),
        bottom - TOP
    );
    // Years.
    for year in first_year..=last_year + 1 {
        let Some(day) = first_of_year(year) else {
            continue;
        };
        let gx = x(day);
        let _ = writeln!(
            out,
            "<line class=\"grid\" data-year=\"{year}\" x1=\"{gx:.1}\" y1=\"{:.1}\" x2=\"{gx:.1}\" y2=\"{bottom:.1}\"/>",
            TOP - 6.0
        );
        if year <= last_year {
            let _ = writeln!(
                out,
                "<text class=\"year\" x=\"{:.1}\" y=\"{:.1}\">{year}</text>",
                gx + 3.0,
                TOP - 10.0
            );
        }
    }
    // The bars.
    for (i, bar) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f64 + (ROW - BAR) / 2.0;
        let x0 = x(bar.from);
        // The last day is in force to its end.
        let x1 = bar.to.succ_opt().map_or_else(|| x(bar.to), x);
        let class = text::validity_class(bar.validity);
        let legacy = if bar.legacy { " legacy" } else { "" };
        let mut label = format!("{} · {}", bar.cooperation, bar.document);
        if bar.legacy {
            label.push_str(" · PP 50/2007");
        }
        let tip = format!(
            "{} {} ({}): {}, {}",
            bar.cooperation,
            bar.document,
            text::document_kind(bar.kind, lang),
            text::span(bar.from, bar.to, lang),
            text::validity(bar.validity, lang)
        );
        let _ = writeln!(
            out,
            "<text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LABEL - 6.0,
            y + BAR - 3.0,
            escape(&label)
        );
        let _ = writeln!(
            out,
            "<rect class=\"bar {class}{legacy}\" x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{:.1}\" \
             height=\"{BAR:.1}\" data-cooperation=\"{}\" data-document=\"{}\" data-kind=\"{}\" \
             data-start=\"{}\" data-end=\"{}\" data-validity=\"{class}\" data-legacy=\"{}\">\
             <title>{}</title></rect>",
            (x1 - x0).max(0.5),
            escape(bar.cooperation),
            escape(bar.document),
            text::document_kind(bar.kind, lang),
            bar.from,
            bar.to,
            bar.legacy,
            escape(&tip)
        );
    }
    // The date of the report.
    let ax = x(as_of);
    let _ = writeln!(
        out,
        "<line class=\"as-of\" data-date=\"{as_of}\" x1=\"{ax:.1}\" y1=\"{:.1}\" x2=\"{ax:.1}\" y2=\"{:.1}\"/>",
        TOP - 4.0,
        bottom + 4.0
    );
    let _ = writeln!(
        out,
        "<text class=\"as-of-label\" x=\"{ax:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
        bottom + 18.0,
        escape(&text::date(as_of, lang))
    );
    out.push_str("</svg>\n");
    // The legend.
    let validities = [
        Validity::InForce,
        Validity::ExpiringSoon { days_left: 0 },
        Validity::Expired,
        Validity::NotYetInForce,
        Validity::Ended,
    ];
    out.push_str("<figcaption><ul class=\"legend\">\n");
    for v in validities {
        let label = match v {
            Validity::ExpiringSoon { .. } => {
                lang.pick("segera berakhir", "expiring soon").to_owned()
            }
            other => text::validity(other, lang),
        };
        let _ = writeln!(
            out,
            "<li><span class=\"swatch {}\"></span>{}</li>",
            text::validity_class(v),
            escape(&label)
        );
    }
    let _ = writeln!(
        out,
        "<li><span class=\"swatch legacy\"></span>{}</li>",
        escape(text::legacy_mark(lang))
    );
    let _ = writeln!(
        out,
        "<li><span class=\"swatch period\"></span>{}</li>",
        escape(&lang.pick(
            format!(
                "periode evaluasi, {}",
                text::span(report.header.period_from, as_of, lang)
            ),
            format!(
                "period under evaluation, {}",
                text::span(report.header.period_from, as_of, lang)
            ),
        ))
    );
    let _ = writeln!(
        out,
        "<li><span class=\"swatch as-of\"></span>{}</li>",
        escape(&lang.pick(
            format!("tanggal laporan, {}", text::date(as_of, lang)),
            format!("date of the report, {}", text::date(as_of, lang)),
        ))
    );
    out.push_str("</ul></figcaption>\n</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("Danau Sidenreng–Tempe"), "Danau Sidenreng–Tempe");
    }
}
