//! Glyphs to words: the glyphs of a page grouped by baseline, and the glyphs of one baseline
//! joined into words at the gaps a space makes, with a mark where the gap is a table column's.
//! Both the running text (`lines`) and the cells of ruled tables (`lattice`) are read this way.

use super::row::{Row, Word};
use crate::parse::numbers::{is_figure, is_year};

/// One glyph on the page: left edge, baseline (from the top), right edge, font size.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub end: f64,
    pub size: f64,
    pub text: String,
    /// First glyph of a text-showing operation: only there can a gap mean a space.
    pub word_start: bool,
    /// A space character came just before it in the content stream.
    pub space_before: bool,
    /// `end` is an estimate: the font gave no width for a glyph of this run.
    pub end_estimated: bool,
}

impl Glyph {
    /// The middle of the glyph's box: where it counts as standing (a third of the size above
    /// its baseline).
    pub fn middle(&self) -> (f64, f64) {
        ((self.x + self.end) / 2.0, self.y - 0.3 * self.size)
    }
}

/// A gap wider than this many font sizes separates table columns (a TAB); word gaps are about
/// a quarter of the size.
const COLUMN_GAP: f64 = 1.2;
/// Between two figures, a gap wider than this many font sizes separates table columns.
const FIGURE_GAP: f64 = 0.5;
/// Before a figure, a gap wider than this many font sizes, and `GAP_RATIO` times the line's word
/// gap, separates table columns (cells set with narrow margins).
const NARROW_GAP: f64 = 0.6;
const GAP_RATIO: f64 = 2.5;
/// A gap wider than this many font sizes separates words.
const WORD_GAP: f64 = 0.12;
/// The same where widths are in doubt: after a glyph whose width was estimated, or on a line
/// that spells out its spaces as glyphs.
const WORD_GAP_WIDE: f64 = 0.35;

/// One baseline's glyphs, left to right, with the baseline and the largest font size.
pub struct Baseline {
    pub y: f64,
    pub size: f64,
    pub glyphs: Vec<Glyph>,
}

/// Glyphs grouped by baseline, top to bottom, each line left to right.
pub fn baselines(mut glyphs: Vec<Glyph>) -> Vec<Baseline> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Baseline> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(r) if (g.y - r.y).abs() < 0.5 * r.size.min(g.size) => {
                r.size = r.size.max(g.size);
                r.glyphs.push(g);
            }
            _ => rows.push(Baseline {
                y: g.y,
                size: g.size,
                glyphs: vec![g],
            }),
        }
    }
    for r in &mut rows {
        r.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    rows
}

/// The words of one baseline: a space at a word gap, `tab_before` at a gap as wide as a
/// table column's.
pub fn words(line: &Baseline) -> Vec<Word> {
    let (row, size) = (&line.glyphs, line.size);
    // where the line spells its spaces out, a gap must be wide to count too: widths can be off
    let spaced = row.iter().any(|g| g.space_before);
    let mut words: Vec<Word> = Vec::new();
    let mut prev: Option<(f64, bool)> = None; // end, estimated
    for g in row {
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
    // stretched space between two figures is a column; so is a gap before a figure that is
    // several times the line's own word gap (a table set with narrow cell margins)
    let gaps: Vec<f64> = (1..words.len())
        .map(|i| words[i].x0 - words[i - 1].x1)
        .collect();
    let word_gap = typical_gap(&gaps, size);
    for i in 1..words.len() {
        let gap = gaps[i - 1];
        let figure = is_figure(&words[i].text) && !is_year(&words[i].text);
        if !words[i].tab_before
            && ((gap > FIGURE_GAP * size && is_figure(&words[i - 1].text) && figure)
                || (figure && gap > (NARROW_GAP * size).max(GAP_RATIO * word_gap)))
        {
            words[i].tab_before = true;
        }
    }
    words
}

/// A line's word gap: the median of its gaps where it has three or more, else a quarter of the
/// font size (a space).
fn typical_gap(gaps: &[f64], size: f64) -> f64 {
    if gaps.len() < 3 {
        return 0.25 * size;
    }
    let mut sorted = gaps.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

/// A line of running text: its words, where it stands, its size.
pub fn row(line: &Baseline) -> Row {
    Row {
        words: words(line),
        break_before: false,
        size: line.size,
        y: line.y,
        ruled: false,
    }
}
