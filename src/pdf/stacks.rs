//! Tables ruled across only: a rule above and below the header and one under the table
//! (booktabs, Word's "light" table styles), or stripes of shading behind every other row. No
//! grid of crossing rules marks their columns, but the stacked rules still mark where the table
//! starts and ends and where its rows (or its header) lie; the columns then come from the sides
//! of shaded cells, or from the white between the words (`columns`).

use super::columns;
use super::lattice;
use super::row::Row;
use super::rules::{Grid, REACH, Segment, merge};
use super::words::{self, Glyph, baselines};

/// Rules of one length stacked one above the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    pub left: f64,
    pub right: f64,
    /// The rules' y, top to bottom.
    pub ys: Vec<f64>,
    /// The sides of shaded cells between `left` and `right`, where there are any: x, top,
    /// bottom.
    pub sides: Vec<(f64, f64, f64)>,
}

impl Stack {
    /// Whether a point lies inside the stack's first and last rule.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left && x <= self.right && y >= self.ys[0] && y <= self.bottom()
    }

    pub fn bottom(&self) -> f64 {
        self.ys[self.ys.len() - 1]
    }

    /// The x of the sides of shaded cells that reach between the first and the last rule.
    fn xs(&self) -> Vec<f64> {
        let (top, bottom) = (self.ys[0], self.bottom());
        let mut xs: Vec<f64> = self
            .sides
            .iter()
            .filter(|&&(_, y0, y1)| y1 > top + REACH && y0 < bottom - REACH)
            .map(|&(x, _, _)| x)
            .collect();
        xs.sort_by(f64::total_cmp);
        xs.dedup_by(|b, a| *b - *a < REACH);
        xs
    }

    /// The grid of the stack's rows, with the column boundaries given.
    pub fn grid(&self, boundaries: &[f64]) -> Grid {
        let mut xs = vec![self.left];
        xs.extend(
            boundaries
                .iter()
                .copied()
                .filter(|&x| x > self.left && x < self.right),
        );
        xs.push(self.right);
        let (rows, cols) = (self.ys.len() - 1, xs.len() - 1);
        Grid {
            owner: (0..rows)
                .map(|r| (0..cols).map(|c| (r, c)).collect())
                .collect(),
            xs,
            ys: self.ys.clone(),
        }
    }
}

/// Rules of a stack are at most this many points apart (a table's body between its header rule
/// and its bottom rule); a rule under the running head and one over the footer are further.
const MAX_GAP: f64 = 400.0;
/// A rule across a table is at least this long (points): shorter ones underline words.
const MIN_LENGTH: f64 = 60.0;
/// A line of prose runs across more than this share of the width of the rules around it.
const PROSE_WIDTH: f64 = 0.7;

/// The stacks of horizontal rules on a page that are not part of a grid: two rules or more of
/// the same extent, each at most `MAX_GAP` below the one above.
pub fn stacks(segments: &[Segment], grids: &[Grid]) -> Vec<Stack> {
    let merged = merge(segments);
    // what belongs to a grid is read there
    let in_grid = |s: &Segment| {
        let (x0, y0, x1, y1) = if s.horizontal {
            (s.from, s.at, s.to, s.at)
        } else {
            (s.at, s.from, s.at, s.to)
        };
        grids.iter().any(|g| {
            x0 >= g.xs[0] - REACH
                && x1 <= g.xs[g.columns()] + REACH
                && y0 >= g.ys[0] - REACH
                && y1 <= g.ys[g.rows()] + REACH
        })
    };
    let merged: Vec<Segment> = merged.into_iter().filter(|s| !in_grid(s)).collect();
    let mut across: Vec<&Segment> = merged
        .iter()
        .filter(|s| s.horizontal && s.to - s.from >= MIN_LENGTH)
        .collect();
    across.sort_by(|a, b| a.at.total_cmp(&b.at));
    // rules of one extent, top to bottom
    let mut lengths: Vec<Vec<&Segment>> = Vec::new();
    for s in across {
        let same = |g: &Vec<&Segment>| {
            (g[0].from - s.from).abs() < REACH && (g[0].to - s.to).abs() < REACH
        };
        match lengths.iter_mut().find(|g| same(g)) {
            Some(g) => g.push(s),
            None => lengths.push(vec![s]),
        }
    }
    let mut out = Vec::new();
    for group in lengths {
        let mut run: Vec<f64> = Vec::new();
        for s in &group {
            if run.last().is_some_and(|&y| s.at - y > MAX_GAP) {
                out.extend(stack(&run, group[0], &merged));
                run.clear();
            }
            if run.last().is_none_or(|&y| s.at - y >= REACH) {
                run.push(s.at);
            }
        }
        out.extend(stack(&run, group[0], &merged));
    }
    // a stack around a grid is the rules above and below separate tables
    out.retain(|s: &Stack| {
        !grids.iter().any(|g| {
            g.xs[0] < s.right
                && g.xs[g.columns()] > s.left
                && g.ys[0] < s.ys[s.ys.len() - 1]
                && g.ys[g.rows()] > s.ys[0]
        })
    });
    out.sort_by(|a, b| a.ys[0].total_cmp(&b.ys[0]));
    out
}

/// A stack of the rules at `ys` as long as `like`, with the sides of shaded cells inside it.
fn stack(ys: &[f64], like: &Segment, all: &[Segment]) -> Option<Stack> {
    if ys.len() < 2 {
        return None;
    }
    let (top, bottom) = (ys[0], ys[ys.len() - 1]);
    let sides = all
        .iter()
        .filter(|s| {
            !s.horizontal
                && s.at > like.from + REACH
                && s.at < like.to - REACH
                && s.to > top - REACH
                && s.from < bottom + REACH
        })
        .map(|s| (s.at, s.from, s.to))
        .collect();
    Some(Stack {
        left: like.from,
        right: like.to,
        ys: ys.to_vec(),
        sides,
    })
}

/// The tables inside a stack of rules across, and the glyphs that are no table's. A band
/// between two rules that holds prose (lines without a column gap across its width) parts the stack
/// (rules under one table and over the next); each run of other bands is a table when most of
/// its lines have a column gap and it holds a figure. The columns come from the sides of shaded
/// cells, or from the white between the words of the rows of figures.
pub fn tables(stack: &Stack, glyphs: Vec<Glyph>) -> (Vec<(Grid, Vec<Row>)>, Vec<Glyph>) {
    let bands = stack.ys.len() - 1;
    let mut in_band: Vec<Vec<Glyph>> = vec![Vec::new(); bands];
    for g in glyphs {
        let k = Grid::band(&stack.ys, g.middle().1);
        in_band[k].push(g);
    }
    // prose: lines without a column gap that run across most of the stack's width
    let width = stack.right - stack.left;
    let prose = |glyphs: &[Glyph]| {
        let rows: Vec<Row> = baselines(glyphs.to_vec()).iter().map(words::row).collect();
        let across = |r: &Row| {
            let (Some(first), Some(last)) = (r.words.first(), r.words.last()) else {
                return false;
            };
            r.cells().len() < 2 && last.x1 - first.x0 > PROSE_WIDTH * width
        };
        rows.iter().filter(|r| across(r)).count() >= 2
    };
    let (mut found, mut rest) = (Vec::new(), Vec::new());
    let mut start = 0;
    for k in 0..=bands {
        if k < bands && !prose(&in_band[k]) {
            continue;
        }
        if k > start {
            let part = Stack {
                ys: stack.ys[start..=k].to_vec(),
                ..stack.clone()
            };
            let glyphs: Vec<Glyph> = in_band[start..k]
                .iter_mut()
                .flat_map(std::mem::take)
                .collect();
            match table(&part, &glyphs) {
                Some(t) => found.push(t),
                None => rest.extend(glyphs),
            }
        }
        if k < bands {
            rest.append(&mut in_band[k]);
        }
        start = k + 1;
    }
    (found, rest)
}

/// The table of a run of bands, if it is one.
fn table(stack: &Stack, glyphs: &[Glyph]) -> Option<(Grid, Vec<Row>)> {
    let rows: Vec<Row> = baselines(glyphs.to_vec()).iter().map(words::row).collect();
    // most lines of a table have a column gap; lines of prose have none
    let gapped = rows.iter().filter(|r| r.cells().len() >= 2).count();
    if rows.is_empty() || gapped * 2 < rows.len() {
        return None;
    }
    let xs = stack.xs();
    let boundaries: Vec<f64> = if xs.is_empty() {
        let columns = columns::columns_of(&rows)?;
        columns.windows(2).map(|w| w[0].1 + 0.5).collect()
    } else {
        xs.clone()
    };
    let grid = stack.grid(&boundaries);
    if grid.columns() < 2 {
        return None;
    }
    let table = lattice::rows(&grid, glyphs.to_vec());
    (!xs.is_empty() || lattice::has_figures(&table)).then_some((grid, table))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f64, x0: f64, x1: f64) -> Segment {
        Segment::new(true, y, x0, x1)
    }

    /// A line of words at baseline `y`, each `(x, text)` one run of 10 pt glyphs 5 pt wide.
    fn line(y: f64, words: &[(f64, &str)]) -> Vec<Glyph> {
        words
            .iter()
            .map(|&(x, text)| Glyph {
                x,
                y,
                end: x + 5.0 * text.chars().count() as f64,
                size: 10.0,
                text: text.to_string(),
                word_start: true,
                space_before: false,
                end_estimated: false,
            })
            .collect()
    }

    #[test]
    fn prose_between_rules_parts_two_tables() {
        let stack = Stack {
            left: 50.0,
            right: 450.0,
            ys: vec![100.0, 140.0, 180.0, 220.0],
            sides: Vec::new(),
        };
        let row = |y: f64, label: &'static str| {
            line(y, &[(60.0, label), (300.0, "1.234"), (380.0, "5.678")])
        };
        let prose = |y: f64| {
            let words: Vec<(f64, &str)> = (0..8)
                .map(|k| (60.0 + 45.0 * k as f64, "sætning"))
                .collect();
            line(y, &words)
        };
        let mut glyphs = Vec::new();
        glyphs.extend(row(115.0, "Drift"));
        glyphs.extend(row(130.0, "Anlæg"));
        glyphs.extend(prose(155.0));
        glyphs.extend(prose(170.0));
        glyphs.extend(row(195.0, "Renter"));
        glyphs.extend(row(210.0, "I alt"));
        let (found, rest) = tables(&stack, glyphs);
        assert_eq!(found.len(), 2, "the prose band parts the stack");
        assert_eq!(found[0].1[0].text(), "Drift\t1.234\t5.678");
        assert_eq!(found[1].1[1].text(), "I alt\t1.234\t5.678");
        assert_eq!(rest.len(), 16, "the prose is no table's");
    }

    #[test]
    fn rules_of_one_length_stack_up() {
        let rules = vec![
            // a booktabs table: top rule, header rule, bottom rule
            h(100.0, 50.0, 400.0),
            h(130.0, 50.0, 400.0),
            h(300.0, 50.0, 400.0),
            // an underline and a rule far below of another length: no stack
            h(320.0, 60.0, 90.0),
            h(500.0, 50.0, 250.0),
        ];
        let s = stacks(&rules, &[]);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].ys, vec![100.0, 130.0, 300.0]);
        let g = s[0].grid(&[200.0, 300.0]);
        assert_eq!((g.rows(), g.columns()), (2, 3));
        // the running head's rule and the footer's are too far apart
        assert!(stacks(&[h(40.0, 50.0, 550.0), h(800.0, 50.0, 550.0)], &[]).is_empty());
    }
}
