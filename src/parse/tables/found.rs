//! What a table finder returns: the table as found, and the lines it took from the text (so
//! that the item's prose can leave them out). Its own module so that both finders (TAB rows,
//! flattened lines) depend on it and not on each other.

/// A table found in a run of lines, with the lines it used.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Index of the first line of the table.
    pub first_line: usize,
    /// Lines that belong to the table (to be left out of section text).
    pub lines: Vec<usize>,
    /// Text of a flattened line outside the table (before, after), to keep in the prose.
    pub remainder: Option<(String, String)>,
}
