//! The rules a page draws. Tables in minutes are mostly Word or HTML tables with borders: the
//! content stream strokes lines, strokes rectangles, or fills thin rectangles as rules and
//! wider ones as cell shading. Here those paths become horizontal and vertical segments, and
//! the segments that cross each other become grids, with the cells a missing rule merges.

/// A ruled line in layout space (x to the right, y down from the top of the page).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub horizontal: bool,
    /// y of a horizontal rule, x of a vertical one.
    pub at: f64,
    /// Where it starts and ends along its own direction (`from <= to`).
    pub from: f64,
    pub to: f64,
    /// Drawn as a line (a stroke, a thin bar), not the edge of a shaded area: only a drawn
    /// rule says that two cells are apart.
    pub drawn: bool,
}

impl Segment {
    /// A drawn rule.
    pub(super) fn new(horizontal: bool, at: f64, a: f64, b: f64) -> Segment {
        Segment {
            horizontal,
            at,
            from: a.min(b),
            to: a.max(b),
            drawn: true,
        }
    }

    fn edge(horizontal: bool, at: f64, a: f64, b: f64) -> Segment {
        Segment {
            drawn: false,
            ..Segment::new(horizontal, at, a, b)
        }
    }
}

/// A rectangle or a bar thinner than this (points) is a rule, not a shaded cell.
const THIN: f64 = 3.0;
/// Two rules this close (points) are the same line.
const SAME: f64 = 1.5;
/// A rule may stop this short (points) of the rule it meets.
pub(super) const REACH: f64 = 3.0;
/// Rules kept per page at most: a page of vector drawing (a map, a chart) is no table.
const MAX_SEGMENTS: usize = 4000;

/// How a path is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Stroke,
    Fill,
    /// Both (`B`, `b`).
    FillStroke,
}

/// The path the content stream is building (`m`, `l`, `re`, `h`, curves), in page space (the
/// CTM applied, y up as PDF has it).
#[derive(Debug, Default)]
pub struct Path {
    subpaths: Vec<Sub>,
}

#[derive(Debug, Default)]
struct Sub {
    points: Vec<(f64, f64)>,
    closed: bool,
    /// A curve makes it no rule and no cell.
    curved: bool,
}

impl Path {
    pub fn move_to(&mut self, p: (f64, f64)) {
        self.subpaths.push(Sub {
            points: vec![p],
            ..Sub::default()
        });
    }

    pub fn line_to(&mut self, p: (f64, f64)) {
        match self.subpaths.last_mut() {
            Some(s) if s.points.len() < 64 => s.points.push(p),
            Some(_) => {}
            None => self.move_to(p),
        }
    }

    /// A curve segment (`c`, `v`, `y`): the subpath is not a rule.
    pub fn curve_to(&mut self, p: (f64, f64)) {
        self.line_to(p);
        if let Some(s) = self.subpaths.last_mut() {
            s.curved = true;
        }
    }

    pub fn close(&mut self) {
        if let Some(s) = self.subpaths.last_mut() {
            s.closed = true;
        }
    }

    /// `re`: a closed rectangle from its four corners (already in page space).
    pub fn rect(&mut self, corners: [(f64, f64); 4]) {
        self.subpaths.push(Sub {
            points: corners.to_vec(),
            closed: true,
            curved: false,
        });
    }

    /// Paints the path and ends it: the rules it draws, in layout space for a page of
    /// `height`. A fill in white draws nothing that could be seen (`visible` is false).
    pub fn paint(&mut self, how: Paint, visible: bool, height: f64, out: &mut Vec<Segment>) {
        let subpaths = std::mem::take(&mut self.subpaths);
        if !visible || out.len() >= MAX_SEGMENTS {
            return;
        }
        for s in subpaths.iter().filter(|s| !s.curved && s.points.len() >= 2) {
            let pts: Vec<(f64, f64)> = s.points.iter().map(|&(x, y)| (x, height - y)).collect();
            if let Some((x0, y0, x1, y1)) = axis_rect(&pts) {
                let (w, h) = (x1 - x0, y1 - y0);
                if how != Paint::Stroke && h <= THIN && w > h {
                    out.push(Segment::new(true, (y0 + y1) / 2.0, x0, x1));
                } else if how != Paint::Stroke && w <= THIN && h > w {
                    out.push(Segment::new(false, (x0 + x1) / 2.0, y0, y1));
                } else if w > THIN && h > THIN {
                    // a stroked box, or a shaded cell: its four edges
                    let side = if how == Paint::Fill {
                        Segment::edge
                    } else {
                        Segment::new
                    };
                    out.push(side(true, y0, x0, x1));
                    out.push(side(true, y1, x0, x1));
                    out.push(side(false, x0, y0, y1));
                    out.push(side(false, x1, y0, y1));
                }
                continue;
            }
            if how == Paint::Fill {
                continue;
            }
            let mut edges: Vec<((f64, f64), (f64, f64))> =
                pts.windows(2).map(|w| (w[0], w[1])).collect();
            if s.closed {
                edges.push((pts[pts.len() - 1], pts[0]));
            }
            for (a, b) in edges {
                if (a.1 - b.1).abs() < 0.5 && (a.0 - b.0).abs() > 1.0 {
                    out.push(Segment::new(true, a.1, a.0, b.0));
                } else if (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() > 1.0 {
                    out.push(Segment::new(false, a.0, a.1, b.1));
                }
            }
        }
        out.truncate(MAX_SEGMENTS);
    }

    /// `n`: the path ends unpainted (a clip).
    pub fn discard(&mut self) {
        self.subpaths.clear();
    }
}

/// The box of a closed four-cornered path whose sides run along the axes.
fn axis_rect(pts: &[(f64, f64)]) -> Option<(f64, f64, f64, f64)> {
    let pts = match pts {
        [a, b, c, d, e] if (a.0 - e.0).abs() < 0.01 && (a.1 - e.1).abs() < 0.01 => [*a, *b, *c, *d],
        [a, b, c, d] => [*a, *b, *c, *d],
        _ => return None,
    };
    let span = |v: [f64; 4]| {
        (
            v.into_iter().fold(f64::MAX, f64::min),
            v.into_iter().fold(f64::MIN, f64::max),
        )
    };
    let (x0, x1) = span(pts.map(|p| p.0));
    let (y0, y1) = span(pts.map(|p| p.1));
    // every corner on the box's edges, two distinct x and two distinct y
    let on = |v: f64, a: f64, b: f64| (v - a).abs() < 0.5 || (v - b).abs() < 0.5;
    pts.iter()
        .all(|p| on(p.0, x0, x1) && on(p.1, y0, y1))
        .then_some((x0, y0, x1, y1))
}

/// A ruled table: the x of its column rules and the y of its row rules (ascending), and for
/// each cell the cell it is merged into (its span's top-left cell).
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// `owner[row][column]`: the (row, column) of the span the cell belongs to.
    pub owner: Vec<Vec<(usize, usize)>>,
}

impl Grid {
    pub fn rows(&self) -> usize {
        self.ys.len() - 1
    }

    pub fn columns(&self) -> usize {
        self.xs.len() - 1
    }

    /// Whether a point lies inside the grid.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.xs[0]
            && x <= self.xs[self.xs.len() - 1]
            && y >= self.ys[0]
            && y <= self.ys[self.ys.len() - 1]
    }

    /// The row or column a coordinate falls into.
    pub fn band(lines: &[f64], v: f64) -> usize {
        let k = lines.partition_point(|&l| l < v);
        k.saturating_sub(1).min(lines.len().saturating_sub(2))
    }

    /// The cell a point falls into, as the span that owns it.
    pub fn cell_at(&self, x: f64, y: f64) -> (usize, usize) {
        self.owner[Grid::band(&self.ys, y)][Grid::band(&self.xs, x)]
    }
}

/// The grids the page's rules form: rules that cross or meet make one grid; a grid needs two
/// columns and two rows. Overlapping grids are not expected; each is returned on its own.
pub fn grids(segments: &[Segment]) -> Vec<Grid> {
    let merged = merge(segments);
    let n = merged.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..n {
        for j in (i + 1)..n {
            let (a, b) = (&merged[i], &merged[j]);
            if a.horizontal != b.horizontal && crosses(a, b) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Segment>> = Default::default();
    for (i, s) in merged.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(*s);
    }
    let mut out: Vec<Grid> = groups.into_values().filter_map(|g| grid(&g)).collect();
    out.sort_by(|a, b| {
        a.ys[0]
            .total_cmp(&b.ys[0])
            .then(a.xs[0].total_cmp(&b.xs[0]))
    });
    out
}

fn crosses(a: &Segment, b: &Segment) -> bool {
    let (h, v) = if a.horizontal { (a, b) } else { (b, a) };
    v.at >= h.from - REACH && v.at <= h.to + REACH && h.at >= v.from - REACH && h.at <= v.to + REACH
}

/// Collinear rules that overlap or touch become one (borders drawn cell by cell).
pub(super) fn merge(segments: &[Segment]) -> Vec<Segment> {
    let mut sorted: Vec<Segment> = segments
        .iter()
        .copied()
        .filter(|s| s.to - s.from >= 1.0)
        .collect();
    sorted.sort_by(|a, b| {
        a.horizontal
            .cmp(&b.horizontal)
            .then(a.at.total_cmp(&b.at))
            .then(a.from.total_cmp(&b.from))
    });
    // lines at nearly the same coordinate: one line, at the first one's coordinate
    let mut out: Vec<Segment> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i + 1;
        while j < sorted.len()
            && sorted[j].horizontal == sorted[i].horizontal
            && sorted[j].at - sorted[j - 1].at < SAME
        {
            j += 1;
        }
        let at = sorted[i].at;
        let mut line: Vec<Segment> = sorted[i..j].to_vec();
        line.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Segment> = None;
        for s in line {
            match cur.as_mut() {
                Some(c) if s.from <= c.to + REACH => {
                    c.to = c.to.max(s.to);
                    c.drawn |= s.drawn;
                }
                _ => {
                    out.extend(cur.take());
                    cur = Some(Segment { at, ..s });
                }
            }
        }
        out.extend(cur);
        i = j;
    }
    out
}

/// Coordinates this close together are one.
fn cluster(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in v {
        match out.last() {
            Some(&l) if x - l < REACH => {}
            _ => out.push(x),
        }
    }
    out
}

/// The grid of one group of crossing rules, when it has two columns and two rows.
fn grid(group: &[Segment]) -> Option<Grid> {
    let hs: Vec<&Segment> = group.iter().filter(|s| s.horizontal).collect();
    let vs: Vec<&Segment> = group.iter().filter(|s| !s.horizontal).collect();
    if hs.is_empty() || vs.is_empty() {
        return None;
    }
    // the outer edges count even where no rule is drawn along them
    let left = hs.iter().map(|s| s.from).fold(f64::MAX, f64::min);
    let right = hs.iter().map(|s| s.to).fold(f64::MIN, f64::max);
    let top = vs.iter().map(|s| s.from).fold(f64::MAX, f64::min);
    let bottom = vs.iter().map(|s| s.to).fold(f64::MIN, f64::max);
    let xs = cluster(vs.iter().map(|s| s.at).chain([left, right]).collect());
    let ys = cluster(hs.iter().map(|s| s.at).chain([top, bottom]).collect());
    if xs.len() < 3 || ys.len() < 3 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    // a rule separates two cells where a segment covers the middle of their shared side; where
    // no column rule is drawn (cells told apart by their shading only: an unshaded row has no
    // sides), no cells are merged across columns
    let drawn = group.iter().any(|s| !s.horizontal && s.drawn);
    let covered = |horizontal: bool, at: f64, mid: f64| {
        (!drawn && !horizontal)
            || group.iter().any(|s| {
                s.horizontal == horizontal
                    && (s.at - at).abs() < REACH
                    && s.from <= mid
                    && s.to >= mid
            })
    };
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    let find = |p: &mut Vec<usize>, mut i: usize| {
        while p[i] != i {
            i = p[i];
        }
        i
    };
    for r in 0..rows {
        for c in 0..cols {
            let here = r * cols + c;
            let (ym, xm) = ((ys[r] + ys[r + 1]) / 2.0, (xs[c] + xs[c + 1]) / 2.0);
            if c + 1 < cols && !covered(false, xs[c + 1], ym) {
                let (a, b) = (find(&mut parent, here), find(&mut parent, here + 1));
                parent[a.max(b)] = a.min(b);
            }
            if r + 1 < rows && !covered(true, ys[r + 1], xm) {
                let (a, b) = (find(&mut parent, here), find(&mut parent, here + cols));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let owner = (0..rows)
        .map(|r| {
            (0..cols)
                .map(|c| {
                    let o = find(&mut parent, r * cols + c);
                    (o / cols, o % cols)
                })
                .collect()
        })
        .collect();
    Some(Grid { xs, ys, owner })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f64, x0: f64, x1: f64) -> Segment {
        Segment::new(true, y, x0, x1)
    }
    fn v(x: f64, y0: f64, y1: f64) -> Segment {
        Segment::new(false, x, y0, y1)
    }

    #[test]
    fn thin_filled_bars_and_stroked_boxes_become_rules() {
        let mut p = Path::default();
        let mut out = Vec::new();
        // a bar 1 pt high, filled: a horizontal rule (y flips: page height 800)
        p.rect([(10.0, 100.0), (210.0, 100.0), (210.0, 101.0), (10.0, 101.0)]);
        p.paint(Paint::Fill, true, 800.0, &mut out);
        assert_eq!(out, vec![h(699.5, 10.0, 210.0)]);
        out.clear();
        // a stroked box: four rules; in white: none
        p.rect([(0.0, 0.0), (50.0, 0.0), (50.0, 20.0), (0.0, 20.0)]);
        p.paint(Paint::Stroke, false, 800.0, &mut out);
        assert!(out.is_empty());
        p.rect([(0.0, 0.0), (50.0, 0.0), (50.0, 20.0), (0.0, 20.0)]);
        p.paint(Paint::Stroke, true, 800.0, &mut out);
        assert_eq!(out.len(), 4);
        out.clear();
        // a stroked diagonal and a curve draw no rule
        p.move_to((0.0, 0.0));
        p.line_to((30.0, 40.0));
        p.move_to((0.0, 0.0));
        p.curve_to((30.0, 0.0));
        p.paint(Paint::Stroke, true, 800.0, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_grid_with_a_header_cell_over_two_columns() {
        // 3 columns (0-100-200-300), 3 rows (0-20-40-60); the header row has no rule at x=200
        let rules = vec![
            h(0.0, 0.0, 300.0),
            h(20.0, 0.0, 300.0),
            h(40.0, 0.0, 300.0),
            h(60.0, 0.0, 300.0),
            v(0.0, 0.0, 60.0),
            v(100.0, 0.0, 60.0),
            v(200.0, 20.0, 60.0),
            v(300.0, 0.0, 60.0),
        ];
        let g = grids(&rules);
        assert_eq!(g.len(), 1);
        let g = &g[0];
        assert_eq!((g.rows(), g.columns()), (3, 3));
        assert_eq!(g.owner[0][2], (0, 1), "the header cell spans two columns");
        assert_eq!(g.owner[1][2], (1, 2));
        assert_eq!(g.cell_at(250.0, 10.0), (0, 1));
    }

    #[test]
    fn shading_alone_merges_no_columns() {
        // a shaded header row (cells' sides at 0, 100, 200) over an unshaded row: the lower row
        // has no sides, yet its cells are not one
        let edge = Segment::edge;
        let sides = vec![
            edge(true, 0.0, 0.0, 200.0),
            edge(true, 20.0, 0.0, 200.0),
            edge(true, 40.0, 0.0, 200.0),
            edge(false, 0.0, 0.0, 40.0),
            edge(false, 100.0, 0.0, 20.0),
            edge(false, 200.0, 0.0, 40.0),
        ];
        let g = grids(&sides);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].owner[1], vec![(1, 0), (1, 1)]);
        // drawn the same way, the missing rule merges the lower row's cells
        let drawn: Vec<Segment> = sides
            .iter()
            .map(|s| Segment { drawn: true, ..*s })
            .collect();
        assert_eq!(grids(&drawn)[0].owner[1], vec![(1, 0), (1, 0)]);
    }

    #[test]
    fn borders_drawn_cell_by_cell_are_one_rule_and_lone_lines_no_grid() {
        let rules = vec![
            h(0.0, 0.0, 100.0),
            h(0.3, 100.0, 200.0),
            h(20.0, 0.0, 200.0),
            h(40.0, 0.0, 200.0),
            v(0.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
            v(200.0, 0.0, 40.0),
            // an underline far away: no grid of its own
            h(300.0, 0.0, 80.0),
        ];
        let g = grids(&rules);
        assert_eq!(g.len(), 1);
        assert_eq!((g[0].rows(), g[0].columns()), (2, 2));
        assert!(
            g[0].owner
                .iter()
                .flatten()
                .enumerate()
                .all(|(k, &(r, c))| r * 2 + c == k)
        );
    }
}
