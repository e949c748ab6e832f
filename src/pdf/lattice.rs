//! Ruled tables read cell by cell. Inside a grid of rules (`rules::grids`) each glyph belongs
//! to the cell it stands in: a cell's text wrapped over several lines is one cell, a merged
//! cell keeps its text once (in its first row and column), an empty cell stays an empty cell;
//! each row of the grid becomes one line, its cells separated by TABs.

use super::row::{Row, Word};
use super::rules::Grid;
use super::words::{Baseline, Glyph, baselines, words};
use crate::parse::numbers::{is_figure, is_year};
use crate::parse::vocab;

/// The rows of a ruled table, top to bottom, from the glyphs inside its grid. A glyph belongs
/// to the row of the cell it stands in (a cell spanning rows, to its first); a word, to the
/// cell its middle stands in.
pub fn rows(grid: &Grid, glyphs: Vec<Glyph>) -> Vec<Row> {
    let (nr, nc) = (grid.rows(), grid.columns());
    let mut by_row: Vec<Vec<Glyph>> = vec![Vec::new(); nr];
    for g in glyphs {
        let (x, y) = g.middle();
        by_row[grid.cell_at(x, y).0].push(g);
    }
    let mut out = Vec::new();
    for (r, glyphs) in by_row.into_iter().enumerate() {
        let lines: Vec<(Baseline, Vec<Word>)> = baselines(glyphs)
            .into_iter()
            .map(|l| {
                let w = words(&l);
                (l, w)
            })
            .collect();
        let Some((first, _)) = lines.first() else {
            continue;
        };
        let column = |w: &Word| grid.owner[r][Grid::band(&grid.xs, (w.x0 + w.x1) / 2.0)].1;
        let cells_of = |words: &[Word]| {
            let mut texts = vec![String::new(); nc];
            for w in words {
                append(&mut texts[column(w)], &w.text);
            }
            texts
        };
        // rows the table draws no rule between: more than one line of the row holds a figure
        // alone in a cell of its own (not a year, not a number inside a sentence); each such
        // line is a row of its own
        let figure_lines = lines
            .iter()
            .filter(|(_, words)| {
                cells_of(words)
                    .iter()
                    .skip(1)
                    .any(|c| !c.contains(' ') && is_figure(c) && !is_year(c))
            })
            .count();
        if figure_lines >= 2 {
            for (l, words) in &lines {
                out.push(row_of(grid, cells_of(words), l));
            }
            continue;
        }
        let all: Vec<Word> = lines.iter().flat_map(|(_, w)| w.iter().cloned()).collect();
        let mut one = row_of(grid, cells_of(&all), first);
        one.size = lines.iter().map(|(l, _)| l.size).fold(0.0, f64::max);
        out.push(one);
    }
    out
}

/// Words of a cell joined by spaces, whatever gap stood between them.
fn append(cell: &mut String, word: &str) {
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(word);
}

/// The cells of a line as words, one per cell, each spanning its cell.
fn cell_words(grid: &Grid, texts: Vec<String>) -> Vec<Word> {
    texts
        .into_iter()
        .enumerate()
        .map(|(c, text)| Word {
            x0: grid.xs[c],
            x1: grid.xs[c + 1],
            text,
            tab_before: c > 0,
        })
        .collect()
}

/// One line of the table: a word per cell, set at the cell's left rule.
fn row_of(grid: &Grid, texts: Vec<String>, line: &Baseline) -> Row {
    Row {
        words: cell_words(grid, texts),
        break_before: false,
        size: line.size,
        y: line.y,
        ruled: true,
    }
}

/// Rows of a table set without rules follow each other this many font sizes apart at most
/// (a line and the padding of a cell).
const ROW_PITCH: f64 = 2.5;

/// A header is ruled over this many rows of the grid at most.
const HEADER_ROWS: usize = 3;

/// Whether a grid can be a ruled header over rows set without a grid (few rows).
pub fn header_like(grid: &Grid) -> bool {
    grid.rows() <= HEADER_ROWS
}

/// A grid that rules only a table's header (or its first rows) over rows set without rules, or
/// a table whose last row has no rule under it (shaded stripes): the rows of figures right
/// below it, and the label lines between them, are cut into the grid's columns too. With
/// `header_only`, only a grid of a header's few rows goes on. `rows` is the page's rows, top to
/// bottom.
pub fn continue_below(grid: &Grid, rows: &mut [Row], header_only: bool) {
    // a grid of more rows than a header's rules its rows itself
    if header_only && !header_like(grid) {
        return;
    }
    let (left, right) = (grid.xs[0], grid.xs[grid.columns()]);
    let bottom = grid.ys[grid.rows()];
    let column = |w: &Word| Grid::band(&grid.xs, (w.x0 + w.x1) / 2.0);
    let fits = |r: &Row| {
        !r.ruled
            && !r.words.is_empty()
            && r.words
                .iter()
                .all(|w| w.x0 >= left - 2.0 && w.x1 <= right + 2.0)
    };
    let figures = |r: &Row| {
        r.words
            .iter()
            .any(|w| column(w) > 0 && is_figure(&w.text) && !is_year(&w.text))
    };
    // (a numbered caption is the next table's, not a label of this one)
    let label =
        |r: &Row| r.words.iter().all(|w| column(w) == 0) && !vocab::numbered_caption(&r.text());
    let start = rows.partition_point(|r| r.y < bottom);
    let mut end = start;
    let mut last_y = bottom;
    while end < rows.len() {
        let r = &rows[end];
        // the first row starts right below the grid, the others follow on (a line and the
        // padding of a cell apart at most)
        let near = if end == start {
            r.y - bottom < 2.0 * r.size
        } else {
            r.y - last_y <= ROW_PITCH * r.size
        };
        let between = label(r)
            && rows
                .get(end + 1)
                .is_some_and(|n| fits(n) && figures(n) && n.y - r.y <= ROW_PITCH * n.size);
        let after = label(r) && end > start && figures(&rows[end - 1]);
        // a row of figures has column gaps; a sentence with a figure in it has none
        let row = figures(r) && r.cells().len() >= 2;
        if !(near && fits(r) && (row || between || after)) {
            break;
        }
        last_y = r.y;
        end += 1;
    }
    if !rows[start..end].iter().any(figures) {
        return;
    }
    for r in &mut rows[start..end] {
        let mut texts = vec![String::new(); grid.columns()];
        for w in &r.words {
            append(&mut texts[column(w)], &w.text);
        }
        r.words = cell_words(grid, texts);
        r.ruled = true;
    }
}

/// Whether rows read from a grid hold a figure outside the label column (not a year): what
/// makes rules drawn across a page a table rather than a box around a paragraph.
pub fn has_figures(rows: &[Row]) -> bool {
    rows.iter().any(|r| {
        r.words
            .iter()
            .skip(1)
            .any(|w| is_figure(&w.text) && !is_year(&w.text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, words: &[(f64, &str)]) -> Row {
        Row {
            words: words
                .iter()
                .enumerate()
                .map(|(k, &(x, t))| Word {
                    x0: x,
                    x1: x + 5.0 * t.chars().count() as f64,
                    text: t.to_string(),
                    tab_before: k > 0,
                })
                .collect(),
            break_before: false,
            size: 10.0,
            y,
            ruled: false,
        }
    }

    #[test]
    fn rows_under_a_ruled_header_take_its_columns_but_not_the_next_caption() {
        // a header ruled over two columns: 0-200-300
        let grid = Grid {
            xs: vec![0.0, 200.0, 300.0],
            ys: vec![100.0, 120.0, 140.0],
            owner: vec![vec![(0, 0), (0, 1)], vec![(1, 0), (1, 1)]],
        };
        let mut rows = vec![
            line(152.0, &[(5.0, "Drift"), (260.0, "1.200")]),
            line(166.0, &[(5.0, "I alt"), (260.0, "1.200")]),
            line(180.0, &[(5.0, "TABEL 2 – ANLÆG")]),
            line(194.0, &[(5.0, "Skole"), (260.0, "300")]),
        ];
        continue_below(&grid, &mut rows, true);
        assert!(rows[0].ruled && rows[1].ruled);
        assert_eq!(rows[1].text(), "I alt\t1.200");
        assert!(!rows[2].ruled, "the caption of the next table stays out");
        assert!(!rows[3].ruled);
    }
}
