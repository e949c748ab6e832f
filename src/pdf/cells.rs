//! What the lines of a table hold once they are cut into columns: a header set over several
//! lines joined into one row (with a line of years under it), and units wrapped under their
//! figures put back.

use super::row::{Row, assign};
use crate::parse::numbers::{is_figure, is_year, normalise_unit};

/// A line whose figures outside the label column are all years.
pub(super) fn years_under(row: &Row, columns: &[(f64, f64)]) -> bool {
    let figures: Vec<&str> = row
        .words
        .iter()
        .zip(assign(row, columns))
        .filter(|(w, k)| *k > 0 && is_figure(&w.text))
        .map(|(w, _)| w.text.as_str())
        .collect();
    !figures.is_empty() && figures.iter().all(|f| is_year(f))
}

/// Lines of TAB-separated cells joined cell by cell into one line.
pub(super) fn join_lines(lines: &[Option<String>], width: usize) -> String {
    let mut cells = vec![String::new(); width];
    for line in lines.iter().flatten() {
        for (cell, part) in cells.iter_mut().zip(line.split('\t')) {
            let part = part.trim();
            if !part.is_empty() {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(part);
            }
        }
    }
    cells.join("\t")
}

/// A line that holds only units (`kr.`, `mio. kr.`, `%`), each under a figure of the row above:
/// the figures' cells wrapped, and the units go back to them.
pub(super) fn units_under_figures(lines: &mut [Option<String>]) {
    let mut above: Option<usize> = None;
    for k in 0..lines.len() {
        let Some(line) = lines[k].clone() else {
            continue;
        };
        let cells: Vec<&str> = line.split('\t').collect();
        let units = cells.iter().any(|c| !c.trim().is_empty())
            && cells
                .iter()
                .all(|c| c.trim().is_empty() || normalise_unit(c).is_some());
        let fits = above.and_then(|a| lines[a].clone()).is_some_and(|prev| {
            let prev: Vec<&str> = prev.split('\t').collect();
            cells
                .iter()
                .enumerate()
                .all(|(j, c)| c.trim().is_empty() || prev.get(j).is_some_and(|p| is_figure(p)))
        });
        if units && fits {
            let a = above.unwrap_or_default();
            let prev = lines[a].take().unwrap_or_default();
            let joined: Vec<String> = prev
                .split('\t')
                .enumerate()
                .map(|(j, p)| match cells.get(j).map(|c| c.trim()) {
                    Some(u) if !u.is_empty() => format!("{p} {u}"),
                    _ => p.to_string(),
                })
                .collect();
            lines[a] = Some(joined.join("\t"));
            lines[k] = None;
        } else {
            above = Some(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_wrapped_under_their_figures_go_back() {
        let mut lines = vec![
            Some("Robotstøvsuger\t8.820 kr.\t22.932\t26.460".to_string()),
            Some("\t\tkr.\tkr.".to_string()),
            Some("I alt\t34.880 kr.\t85.476\t".to_string()),
            // a unit under no figure stays where it is
            Some("\t\t\tkr.".to_string()),
        ];
        units_under_figures(&mut lines);
        assert_eq!(
            lines,
            vec![
                Some("Robotstøvsuger\t8.820 kr.\t22.932 kr.\t26.460 kr.".to_string()),
                None,
                Some("I alt\t34.880 kr.\t85.476\t".to_string()),
                Some("\t\t\tkr.".to_string()),
            ]
        );
    }
}
