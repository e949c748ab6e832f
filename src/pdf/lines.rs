//! Glyphs to lines: whatever reads a PDF hands over each glyph with its position, and at the end
//! of a page the glyphs become lines of text, words split at gaps, table columns at wide gaps.

use super::columns;
use super::lattice;
use super::row::{Found, Method, Row};
use super::rules::{self, Grid, Paint, Path, REACH, Segment};
use super::stacks;
use super::words::{self, Glyph, baselines};

/// An `OutputDev` that keeps every glyph with its position and, at the end of each page,
/// rebuilds the lines: glyphs on one baseline, left to right, a space for a word gap and a TAB
/// for a gap as wide as a table column's.
#[derive(Default)]
pub struct GlyphLines {
    height: f64,
    glyphs: Vec<Glyph>,
    pages: Vec<Vec<String>>,
    /// The tables found on the pages so far.
    tables: Vec<Found>,
    word_start: bool,
    space_before: bool,
    /// The current text run: where it starts, how many characters so far, and whether a glyph
    /// without a width was seen (some embedded fonts lose theirs; then positions drift left
    /// and the run's end is estimated from its length).
    run_x0: Option<f64>,
    run_chars: usize,
    run_zero_width: bool,
    /// The rules drawn on this page (table borders).
    rules: Vec<Segment>,
}

impl GlyphLines {
    /// A new page of the given height (points).
    pub fn begin_page(&mut self, height: f64) {
        self.height = height;
        self.glyphs.clear();
        self.rules.clear();
    }

    /// Lays the page's glyphs out as lines.
    pub fn end_page(&mut self) {
        let glyphs = std::mem::take(&mut self.glyphs);
        let rules = std::mem::take(&mut self.rules);
        let (lines, mut found) = layout(glyphs, &rules);
        let page = self.pages.len() as u32 + 1;
        for f in &mut found {
            f.page = page;
        }
        self.pages.push(lines);
        self.tables.extend(found);
    }

    /// A path is painted: the rules it draws are kept for the page's tables.
    pub fn paint(&mut self, path: &mut Path, how: Paint, seen: bool) {
        path.paint(how, seen, self.height, &mut self.rules);
    }

    /// The pages laid out, by `engine`, with what was lost on the way.
    pub fn into_laid(self, engine: &'static str, warnings: Vec<String>) -> Laid {
        Laid {
            pages: self.pages,
            tables: self.tables,
            engine,
            warnings,
        }
    }

    /// One glyph: its text rendering matrix `[a b c d e f]`, advance width (fraction of the
    /// font size), font size and text.
    pub fn glyph(&mut self, trm: [f64; 6], width: f64, font_size: f64, text: &str) {
        // as pdf-extract's own plain-text output: the size is the side of the square with the
        // area of the transformed (size, size) vector
        let vx = font_size * trm[0] + font_size * trm[2];
        let vy = font_size * trm[1] + font_size * trm[3];
        let size = (vx * vy).abs().sqrt();
        if !size.is_finite() || size <= 0.0 {
            return;
        }
        let x = trm[4];
        let x0 = *self.run_x0.get_or_insert(x);
        self.run_chars += text.chars().count().max(1);
        if width <= 0.0 {
            self.run_zero_width = true;
        }
        if text.trim().is_empty() {
            self.space_before = true;
            return;
        }
        // zero-width and soft-hyphen characters take no room: they are not words
        if text.chars().all(|c| {
            matches!(
                c,
                '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
        }) {
            return;
        }
        let mut end = x + width * size;
        if self.run_zero_width {
            end = end.max(x0 + self.run_chars as f64 * 0.5 * size);
        }
        self.glyphs.push(Glyph {
            x,
            y: self.height - trm[5],
            end,
            size,
            text: unligatured(text),
            word_start: std::mem::take(&mut self.word_start),
            space_before: std::mem::take(&mut self.space_before),
            end_estimated: self.run_zero_width,
        });
    }

    /// A text-showing operation starts: only at its start can a gap mean a space.
    pub fn begin_run(&mut self) {
        self.word_start = true;
        self.run_x0 = None;
        self.run_chars = 0;
        self.run_zero_width = false;
    }
}

/// A glyph's text with typographic ligatures spelt out (`ﬁ` → `fi`, `ﬀ` → `ff`): fonts set
/// them for `fi`, `ff`, `fl` …, and their Unicode forms are no letters a search or a comparison
/// would match.
fn unligatured(text: &str) -> String {
    if !text.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            _ => out.push(c),
        }
    }
    out
}

/// The glyphs of one page as lines, top to bottom: ruled tables read cell by cell
/// (`lattice`), the rest by baseline, with tables set without rules cut into columns by
/// `columns`.
fn layout(glyphs: Vec<Glyph>, rules: &[Segment]) -> (Vec<String>, Vec<Found>) {
    let grids = rules::grids(rules);
    let stacks = stacks::stacks(rules, &grids);
    let mut inside: Vec<Vec<Glyph>> = vec![Vec::new(); grids.len()];
    let mut stacked: Vec<Vec<Glyph>> = vec![Vec::new(); stacks.len()];
    let mut free = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        let (x, y) = g.middle();
        if let Some(k) = grids.iter().position(|grid| grid.contains(x, y)) {
            inside[k].push(g);
        } else if let Some(k) = innermost(&stacks, x, y) {
            stacked[k].push(g);
        } else {
            free.push(g);
        }
    }
    // rules across right under a ruled header belong to its table: its columns cut them
    // (`lattice::continue_below`)
    let under_header = |s: &stacks::Stack| {
        grids.iter().any(|g| {
            let bottom = g.ys[g.rows()];
            lattice::header_like(g)
                && s.ys[0] >= bottom - REACH
                && s.ys[0] - bottom < UNDER_HEADER
                && g.xs[0] < s.right
                && g.xs[g.columns()] > s.left
        })
    };
    let beneath: Vec<bool> = stacks.iter().map(under_header).collect();
    // ruled tables: grids, whole or a header (`true`), and stacks of rules across
    let mut ruled: Vec<(Grid, Vec<Row>, bool)> = Vec::new();
    for (grid, glyphs) in grids.into_iter().zip(inside) {
        let table = lattice::rows(&grid, glyphs);
        ruled.push((grid, table, true));
    }
    for ((stack, glyphs), beneath) in stacks.iter().zip(stacked).zip(beneath) {
        if beneath {
            free.extend(glyphs);
            continue;
        }
        let (tables, rest) = stacks::tables(stack, glyphs);
        ruled.extend(tables.into_iter().map(|(grid, table)| (grid, table, false)));
        free.extend(rest);
    }
    let mut rows: Vec<Row> = baselines(free).iter().map(words::row).collect();
    let mut found = Vec::new();
    for (grid, table, _) in &mut ruled {
        if !table.is_empty() {
            found.push(Found {
                page: 0,
                method: Method::Rules,
                bbox: [
                    grid.xs[0],
                    grid.ys[0],
                    grid.xs[grid.columns()],
                    grid.ys[grid.rows()],
                ],
                rows: table.len(),
                columns: grid.columns(),
                lines: table.iter().map(Row::text).collect(),
            });
        }
        rows.append(table);
    }
    rows.sort_by(|a, b| a.y.total_cmp(&b.y));
    for (grid, _, header_only) in &ruled {
        lattice::continue_below(grid, &mut rows, *header_only);
    }
    // a paragraph break where the baseline skips more than a line and a half (within a ruled
    // table, the padding of its cells is none)
    for k in 1..rows.len() {
        let (prev, row) = (&rows[k - 1], &rows[k]);
        rows[k].break_before =
            !(prev.ruled && row.ruled) && row.y - prev.y > 1.9 * prev.size.max(row.size);
    }
    let (lines, whitespace) = columns::lines(&rows);
    found.extend(whitespace);
    found.sort_by(|a, b| a.bbox[1].total_cmp(&b.bbox[1]));
    (lines, found)
}

/// Rules across starting this close (points) under a ruled header are its table's.
const UNDER_HEADER: f64 = 48.0;

/// The stack a point lies in; where stacks nest (a narrow table between the rules of a wide
/// one), the innermost.
fn innermost(stacks: &[stacks::Stack], x: f64, y: f64) -> Option<usize> {
    (0..stacks.len())
        .filter(|&k| stacks[k].contains(x, y))
        .min_by(|&a, &b| {
            let height = |k: usize| stacks[k].bottom() - stacks[k].ys[0];
            height(a).total_cmp(&height(b))
        })
}

/// A PDF's pages laid out as lines, which engine did it, and what was lost on the way.
#[derive(Debug)]
pub struct Laid {
    pub pages: Vec<Vec<String>>,
    /// The tables found, page by page.
    pub tables: Vec<Found>,
    /// `native` or `pdf-extract`.
    pub engine: &'static str,
    /// What was recovered or lost (a rebuilt file, unreadable pages); empty for a sound file.
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of words, each one text run set at (x, baseline) in a 10 pt font whose glyphs
    /// are half the size wide.
    fn page(words: &[(f64, f64, &str)]) -> Vec<String> {
        let mut out = GlyphLines::default();
        out.begin_page(800.0);
        for &(x, y, text) in words {
            out.begin_run();
            for (k, ch) in text.chars().enumerate() {
                let trm = [1.0, 0.0, 0.0, 1.0, x + 5.0 * k as f64, y];
                out.glyph(trm, 0.5, 10.0, &ch.to_string());
            }
        }
        out.end_page();
        out.into_laid("test", Vec::new()).pages.remove(0)
    }

    #[test]
    fn a_figure_after_a_gap_of_several_word_gaps_is_a_column() {
        let lines = page(&[
            // a table set with narrow cell margins: 7 pt before the figure (0.7 of the size)
            (100.0, 700.0, "Materialer"),
            (157.0, 700.0, "450.000"),
            // a sentence: word gaps of 3 pt, the figure among them
            (100.0, 686.0, "udgør"),
            (128.0, 686.0, "27"),
            (141.0, 686.0, "mio."),
            // a year after the same gap is no column of figures
            (100.0, 672.0, "Materialer"),
            (157.0, 672.0, "2025"),
        ]);
        assert_eq!(
            lines,
            ["Materialer\t450.000", "udgør 27 mio.", "Materialer 2025"]
        );
    }

    #[test]
    fn ligatures_are_spelt_out() {
        assert_eq!(unligatured("Bu\u{fb00}er"), "Buffer");
        assert_eq!(unligatured("Rest\u{fb01}nansiering"), "Restfinansiering");
        assert_eq!(unligatured("ﬂøj"), "fløj");
        assert_eq!(unligatured("Greve"), "Greve");
    }

    #[test]
    fn gaps_become_spaces_or_columns() {
        let lines = page(&[
            // 8 pt between two right-aligned figures: columns set close together
            (100.0, 700.0, "10.700"),
            (138.0, 700.0, "14.000"),
            // the same gap between words is a word space
            (100.0, 686.0, "Greve"),
            (133.0, 686.0, "Kommune"),
        ]);
        assert_eq!(lines, ["10.700\t14.000", "Greve Kommune"]);
    }
}
