//! The words of a PDF line with their positions, as the layout stage hands them on: a line's
//! text and cells, and which column of a table each word falls into.

use crate::parse::numbers::is_figure;

/// A word on a line: its left and right edge and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub x0: f64,
    pub x1: f64,
    pub text: String,
    /// The gap before it was as wide as a table column's.
    pub tab_before: bool,
}

/// A line of words, and whether a paragraph break comes before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub words: Vec<Word>,
    pub break_before: bool,
    pub size: f64,
    /// Its baseline, from the top of the page.
    pub y: f64,
    /// A row of a ruled table, already cut into its cells.
    pub ruled: bool,
}

impl Row {
    /// The words as a line: spaces between words, TABs at column gaps.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                s.push(if w.tab_before { '\t' } else { ' ' });
            }
            s.push_str(&w.text);
        }
        s
    }

    /// Cells: runs of words between column gaps, with their extents.
    pub(super) fn cells(&self) -> Vec<(f64, f64, String)> {
        let mut out: Vec<(f64, f64, String)> = Vec::new();
        for w in &self.words {
            match out.last_mut() {
                Some(c) if !w.tab_before => {
                    c.1 = c.1.max(w.x1);
                    c.2.push(' ');
                    c.2.push_str(&w.text);
                }
                _ => out.push((w.x0, w.x1, w.text.clone())),
            }
        }
        out
    }

    pub(super) fn is_figure_row(&self) -> bool {
        let cells = self.cells();
        cells.len() >= 2 && cells[1..].iter().any(|c| is_figure(&c.2))
    }
}

/// How a table was found on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// From the rules drawn around its cells.
    Rules,
    /// From the white columns between its figures.
    Whitespace,
}

/// A table found on a page, for `referat text --tables`: where it is and how it was found.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Found {
    /// 1-based page number.
    pub page: u32,
    pub method: Method,
    /// `[x0, top, x1, bottom]` in points, from the top left of the page.
    pub bbox: [f64; 4],
    pub rows: usize,
    pub columns: usize,
    /// Its rows as laid out: cells separated by TABs.
    pub lines: Vec<String>,
}

/// The column a word starting at `x` belongs to: figures sit right-aligned in their columns,
/// so a column runs from the right edge of the one before it to its own right edge.
fn column_at(x: f64, columns: &[(f64, f64)]) -> usize {
    columns
        .iter()
        .position(|&(_, right)| x <= right + 0.5)
        .unwrap_or(columns.len() - 1)
}

/// Each word's column. A run of words without a column gap stays in one column unless a word
/// starts past that column's right edge after a gap wider than a word space (two header
/// cells set too close together).
pub(super) fn assign(row: &Row, columns: &[(f64, f64)]) -> Vec<usize> {
    let mut out = Vec::with_capacity(row.words.len());
    let mut current = 0;
    for (i, w) in row.words.iter().enumerate() {
        let gap = i.checked_sub(1).map(|p| w.x0 - row.words[p].x1);
        let starts_cell = i == 0 || w.tab_before;
        let spills = gap.is_some_and(|g| g > 0.5 * row.size) && w.x0 > columns[current].1 + 0.5;
        if starts_cell || spills {
            current = column_at(w.x0, columns).max(if starts_cell { 0 } else { current });
        }
        out.push(current);
    }
    out
}
