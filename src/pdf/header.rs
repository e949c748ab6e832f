//! The header of a table block in a PDF: the lines above its rows of figures whose words fall
//! into its columns (a header set over two or three lines, a heading over the figures only).

use super::row::{Row, assign};
use crate::parse::numbers::is_figure;

/// The first line of a table's header: the lines above the block at `start` whose words fall
/// into its columns (a header set over two or three lines), possibly above a few group labels
/// in the label column (`Ændring i allerede` / `besluttede projekter`). A header line spread over
/// the columns has column gaps of its own (prose has none) and follows on without a paragraph
/// break (the line just above the rows may do without gaps: its words still fall into the
/// columns); a heading over one column of figures only may stand a little apart.
pub(super) fn header_top(rows: &[Row], start: usize, columns: &[(f64, f64)]) -> usize {
    let body = &rows[start..];
    let in_label_column =
        |r: &Row| r.text().chars().count() <= 40 && assign(r, columns).iter().all(|&c| c == 0);
    let mut k = start;
    while k > 0
        && start - k < 3
        && !rows[k].break_before
        && !rows[k - 1].ruled
        && in_label_column(&rows[k - 1])
    {
        k -= 1;
    }
    let labels = k;
    while k > 0 && !rows[k - 1].ruled && !rows[k - 1].is_figure_row() {
        let head = match heads(&rows[k - 1], columns, body) {
            Head::Spread => !rows[k].break_before && (k == start || rows[k - 1].cells().len() >= 2),
            Head::OverFigures => true,
            Head::No => false,
        };
        if !head {
            break;
        }
        k -= 1;
    }
    if k == labels { start } else { k }
}

/// How a line above a table block can head it.
enum Head {
    /// Its words spread over at least two columns.
    Spread,
    /// Its words stand over one column of figures only (the label column has no heading).
    OverFigures,
    No,
}

/// Whether a line's words fall into the columns of the table `body` as a header line.
fn heads(row: &Row, columns: &[(f64, f64)], body: &[Row]) -> Head {
    let first = columns[0].0;
    let last = columns[columns.len() - 1].1;
    // (a header cell set left over a column of figures set right, `Mio.kr.` over `2019`, may
    // start left of the figures by a few characters)
    let inside = row
        .words
        .iter()
        .all(|w| w.x0 >= first - 3.0 * row.size && w.x1 <= last + 40.0);
    let used: std::collections::BTreeSet<usize> = assign(row, columns).into_iter().collect();
    let over_figures = |c: usize| {
        body.iter().filter(|r| r.is_figure_row()).any(|r| {
            r.words
                .iter()
                .zip(assign(r, columns))
                .any(|(w, k)| k == c && is_figure(&w.text))
        })
    };
    match used.iter().copied().collect::<Vec<_>>()[..] {
        _ if !inside => Head::No,
        [c] if c > 0 && over_figures(c) => Head::OverFigures,
        [_, _, ..] => Head::Spread,
        _ => Head::No,
    }
}
