//! The text type every reader produces, and the structure a structured format hands the
//! parsers along with it.

use super::clean::Cleaned;
use crate::model::Meeting;

/// Text ready for parsing: cleaned lines and, for paged formats, the page of each line. Every
/// reader produces this.
#[derive(Debug, Clone, Default)]
pub struct Text {
    pub cleaned: Cleaned,
    /// One entry per line of `cleaned.lines` (empty for unpaged text).
    pub pages: Vec<u32>,
    /// Which code read the text, where there is a choice (`native`, `pdf-extract` for PDFs).
    pub engine: Option<&'static str>,
    /// What was recovered or lost while reading (a rebuilt PDF, unreadable pages); these
    /// become the document's warnings and make the file `partial` in an audit report.
    pub warnings: Vec<String>,
    /// What a structured format (XML, JSON, Word) says outright: the meeting and where each
    /// item starts. The parsers take the items from here instead of finding their headers.
    pub structure: Option<Structure>,
}

/// The structure a reader took from the format itself, for the parsers to honour.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    /// Meeting fields the format names (body, date, time, place, participants); a field left
    /// empty is read from the text as usual.
    pub meeting: Meeting,
    /// The items, in order; each starts at its header line in `cleaned.lines`.
    pub items: Vec<ItemStart>,
}

/// An item as the format gives it, starting at line `line` of the rendered text (its header).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemStart {
    pub line: usize,
    pub number: String,
    pub title: String,
    pub closed: bool,
    pub case_numbers: Vec<String>,
    pub parent: Option<String>,
}

impl Text {
    /// The page of a line, for paged formats.
    pub fn page(&self, line: usize) -> Option<u32> {
        self.pages.get(line).copied()
    }
}
