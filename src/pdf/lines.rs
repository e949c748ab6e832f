//! Glyphs to lines: whatever reads a PDF hands over each glyph with its position, and at the end
//! of a page the glyphs become lines of text, words split at gaps, table columns at wide gaps.

use super::columns;
use super::row::{Row, Word};
use crate::parse::numbers::is_figure;

/// One glyph on the page: left edge, baseline (from the top), right edge, font size.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
    /// First glyph of a text-showing operation: only there can a gap mean a space.
    word_start: bool,
    /// A space character came just before it in the content stream.
    space_before: bool,
    /// `end` is an estimate: the font gave no width for a glyph of this run.
    end_estimated: bool,
}

/// An `OutputDev` that keeps every glyph with its position and, at the end of each page,
/// rebuilds the lines: glyphs on one baseline, left to right, a space for a word gap and a TAB
/// for a gap as wide as a table column's.
#[derive(Default)]
pub struct GlyphLines {
    height: f64,
    glyphs: Vec<Glyph>,
    pages: Vec<Vec<String>>,
    word_start: bool,
    space_before: bool,
    /// The current text run: where it starts, how many characters so far, and whether a glyph
    /// without a width was seen (some embedded fonts lose theirs; then positions drift left
    /// and the run's end is estimated from its length).
    run_x0: Option<f64>,
    run_chars: usize,
    run_zero_width: bool,
}

impl GlyphLines {
    /// A new page of the given height (points).
    pub fn begin_page(&mut self, height: f64) {
        self.height = height;
        self.glyphs.clear();
    }

    /// Lays the page's glyphs out as lines.
    pub fn end_page(&mut self) {
        let glyphs = std::mem::take(&mut self.glyphs);
        self.pages.push(layout(glyphs));
    }

    /// The lines of every page so far.
    pub fn into_pages(self) -> Vec<Vec<String>> {
        self.pages
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
            text: text.to_string(),
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

/// A gap wider than this many font sizes separates table columns (a TAB); word gaps are about
/// a quarter of the size.
const COLUMN_GAP: f64 = 1.2;
/// Between two figures, a gap wider than this many font sizes separates table columns.
const FIGURE_GAP: f64 = 0.5;
/// A gap wider than this many font sizes separates words.
const WORD_GAP: f64 = 0.12;
/// The same where widths are in doubt: after a glyph whose width was estimated, or on a line
/// that spells out its spaces as glyphs.
const WORD_GAP_WIDE: f64 = 0.35;

/// The glyphs of one page as lines, top to bottom (tables cut into columns by `columns`).
fn layout(mut glyphs: Vec<Glyph>) -> Vec<String> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<(f64, f64, Vec<Glyph>)> = Vec::new(); // baseline, size, glyphs
    for g in glyphs {
        match rows.last_mut() {
            Some((y, size, row)) if (g.y - *y).abs() < 0.5 * size.min(g.size) => {
                *size = size.max(g.size);
                row.push(g);
            }
            _ => rows.push((g.y, g.size, vec![g])),
        }
    }
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut last_y: Option<(f64, f64)> = None;
    for (y, size, mut row) in rows {
        // a paragraph break where the baseline skips more than a line and a half
        let break_before = last_y.is_some_and(|(ly, ls)| y - ly > 1.9 * ls.max(size));
        last_y = Some((y, size));
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        // where the line spells its spaces out, a gap must be wide to count too: widths can be off
        let spaced = row.iter().any(|g| g.space_before);
        let mut words: Vec<Word> = Vec::new();
        let mut prev: Option<(f64, bool)> = None; // end, estimated
        for g in &row {
            let separator = prev.map(|(end, estimated)| {
                // within one text run the positions come from the font's widths, which some
                // fonts lack: a gap there means nothing; after an estimated end only a wider
                // gap is a word gap
                let gap = g.x - end;
                let word_gap = if estimated || spaced {
                    WORD_GAP_WIDE
                } else {
                    WORD_GAP
                };
                let boundary = g.word_start || g.space_before;
                if boundary && gap > COLUMN_GAP * g.size {
                    Some(true)
                } else if g.space_before || (g.word_start && gap > word_gap * g.size) {
                    Some(false)
                } else {
                    None
                }
            });
            match (separator.flatten(), words.last_mut()) {
                (None, Some(w)) => {
                    w.text.push_str(&g.text);
                    w.x1 = w.x1.max(g.end);
                }
                (sep, _) => words.push(Word {
                    x0: g.x,
                    x1: g.end,
                    text: g.text.clone(),
                    tab_before: sep == Some(true),
                }),
            }
            prev = Some(match prev {
                Some((end, est)) if end > g.end => (end, est),
                _ => (g.end, g.end_estimated),
            });
        }
        // figures side by side (right-aligned columns set close together): a gap wider than a
        // stretched space between two figures is a column
        for i in 1..words.len() {
            let gap = words[i].x0 - words[i - 1].x1;
            if !words[i].tab_before
                && gap > FIGURE_GAP * size
                && is_figure(&words[i - 1].text)
                && is_figure(&words[i].text)
            {
                words[i].tab_before = true;
            }
        }
        out.push(Row {
            words,
            break_before,
            size,
        });
    }
    columns::lines(&out)
}

/// A PDF's pages laid out as lines, which engine did it, and what was lost on the way.
#[derive(Debug)]
pub struct Laid {
    pub pages: Vec<Vec<String>>,
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
        out.into_pages().remove(0)
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
