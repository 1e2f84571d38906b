//! The report as a document: titled sections of paragraphs, lists and tables, built once per
//! language and written out as Markdown or HTML, so that both formats say the same thing.

/// A piece of text in a paragraph or a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Inline {
    /// Plain text.
    Text(String),
    /// An identifier, a file name or a policy field: shown as code.
    Code(String),
    /// Emphasised strongly (a cooperation's label, a value that differs).
    Strong(String),
    /// A mark with an HTML class (a result, a validity, the legacy mark).
    Badge(&'static str, String),
    /// A line break inside a cell or a list item.
    Break,
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    /// A paragraph.
    Para(Vec<Inline>),
    /// A bulleted list.
    List(Vec<Vec<Inline>>),
    /// A sub-heading.
    Sub(String),
    /// A table.
    Table(Table),
    /// The timeline of the register's agreements (drawn in the HTML only; the Markdown has the
    /// same dates in the documents table).
    Timeline,
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table {
    /// Its HTML class.
    pub class: &'static str,
    /// The column titles.
    pub head: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Row {
    /// One list of inlines per column.
    pub cells: Vec<Vec<Inline>>,
    /// Its HTML class.
    pub class: Option<&'static str>,
    /// Its HTML data attributes (without the `data-` prefix).
    pub data: Vec<(&'static str, String)>,
}

impl Row {
    pub(super) fn new(cells: Vec<Vec<Inline>>) -> Self {
        Row {
            cells,
            class: None,
            data: Vec::new(),
        }
    }

    pub(super) fn class(mut self, class: &'static str) -> Self {
        self.class = Some(class);
        self
    }

    pub(super) fn data(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.data.push((name, value.into()));
        self
    }
}

/// A numbered section.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Section {
    /// Its anchor in the HTML.
    pub anchor: &'static str,
    /// Its number (RULES.md §13.3 item; 12 for the records outside KSD).
    pub number: u8,
    /// Its title.
    pub title: &'static str,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Document {
    /// The title.
    pub title: &'static str,
    /// The line under it (region and date).
    pub subtitle: Vec<Inline>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// The closing line.
    pub footer: Vec<Inline>,
}

/// Plain text.
pub(super) fn t(text: impl Into<String>) -> Inline {
    Inline::Text(text.into())
}

/// A cell of plain text.
pub(super) fn cell(text: impl Into<String>) -> Vec<Inline> {
    vec![t(text)]
}

/// Items separated by line breaks.
pub(super) fn lines(items: impl IntoIterator<Item = Vec<Inline>>) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(Inline::Break);
        }
        out.extend(item);
    }
    out
}
