//! The document as Markdown (CommonMark with GitHub tables).

use std::fmt::Write as _;

use super::doc::{Block, Document, Inline, Table};

/// Characters that Markdown would read as markup (or a table's column separator, or the
/// start of raw HTML): written with a backslash.
const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#'];

/// `text` with every Markdown special character escaped and line breaks folded to spaces.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A code span that holds `text` whatever backticks it contains.
fn code(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    // A fence one backtick longer than the longest run inside.
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    if longest > 0 || text.starts_with(' ') || text.ends_with(' ') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

fn inlines(items: &[Inline]) -> String {
    let mut out = String::new();
    for item in items {
        match item {
            Inline::Text(text) => out.push_str(&escape(text)),
            Inline::Code(text) => out.push_str(&code(text)),
            Inline::Strong(text) => {
                let _ = write!(out, "**{}**", escape(text));
            }
            Inline::Badge(_, text) => {
                let _ = write!(out, "*{}*", escape(text));
            }
            Inline::Break => out.push_str("<br>"),
        }
    }
    out
}

fn table(out: &mut String, table: &Table) {
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(table.head.iter().map(|h| escape(h)).collect()));
    out.push_str(&row(table.head.iter().map(|_| "---".to_owned()).collect()));
    for r in &table.rows {
        let cells = r
            .cells
            .iter()
            .map(|c| {
                let text = inlines(c);
                if text.is_empty() {
                    " ".to_owned()
                } else {
                    text
                }
            })
            .collect();
        out.push_str(&row(cells));
    }
    out.push('\n');
}

/// The document as Markdown.
pub(super) fn write(document: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(document.title));
    let _ = writeln!(out, "{}\n", inlines(&document.subtitle));
    for section in &document.sections {
        let _ = writeln!(out, "## {}. {}\n", section.number, escape(section.title));
        for block in &section.blocks {
            match block {
                Block::Para(items) => {
                    let _ = writeln!(out, "{}\n", inlines(items));
                }
                Block::List(items) => {
                    for item in items {
                        let _ = writeln!(out, "- {}", inlines(item));
                    }
                    out.push('\n');
                }
                Block::Sub(title) => {
                    let _ = writeln!(out, "### {}\n", escape(title));
                }
                Block::Table(t) => table(&mut out, t),
                Block::Timeline => {}
            }
        }
    }
    let _ = writeln!(out, "---\n\n{}", inlines(&document.footer));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped_and_lines_folded() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<b>*x*_y_</b>"), "\\<b\\>\\*x\\*\\_y\\_\\</b\\>");
        assert_eq!(escape("one\ntwo"), "one two");
        assert_eq!(
            escape("Sidrap–Muna Barat (fiktif)"),
            "Sidrap–Muna Barat (fiktif)"
        );
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("KB-2024"), "`KB-2024`");
        assert_eq!(code("a`b"), "`` a`b ``");
    }
}
