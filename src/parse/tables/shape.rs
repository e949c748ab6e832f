//! Shaping the rows of a TAB table: header lines that wrap become one header, cells wrapped onto
//! the next line are folded back, and the figures of short rows are aligned from the right.

use crate::parse::{numbers, vocab};

/// Header and body of a table whose layout may have dropped empty cells: header lines that
/// wrap (`Opr.` over `budget`) become one header, and in a table of figures the figures of a
/// short row, and a short header, are aligned from the right.
pub(super) fn shape(mut rows: Vec<Vec<String>>) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = rows.remove(0);
    let figures = rows.iter().any(|r| has_figures(r));
    if !figures || has_figures(&header) && !years_only(&header) {
        return (header, rows);
    }
    // header lines that wrap: rows without figures before the first row of figures that spread
    // over the columns (or leave the label column empty); a row of years under header cells
    // completes them (`Budget` over `2024`)
    let spread = |h: &[String]| h.iter().skip(1).filter(|c| !c.trim().is_empty()).count() >= 2;
    while rows.len() > 1
        && (!has_figures(&rows[0]) || years_only(&rows[0]) && spread(&header))
        && rows[0].len() <= header.len()
        && (rows[0].first().is_some_and(|c| c.is_empty())
            || rows[0].iter().filter(|c| !c.is_empty()).count() >= 2)
        && rows.iter().any(|r| has_figures(r))
    {
        let more = rows.remove(0);
        let offset = header.len() - more.len();
        for (k, cell) in more.into_iter().enumerate() {
            let h = &mut header[offset + k];
            if !cell.is_empty() {
                if !h.is_empty() {
                    h.push(' ');
                }
                h.push_str(&cell);
            }
        }
    }
    // cells the layout wrapped onto the next line: a row without figures whose text continues
    // the row of figures above it is folded into that row (a group label, `Foranalyse:`, is not)
    let mut folded: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    for row in rows {
        let first = row
            .iter()
            .find(|c| !c.is_empty())
            .cloned()
            .unwrap_or_default();
        match folded.last_mut() {
            Some(prev)
                if has_figures(prev)
                    && !has_figures(&row)
                    && row.len() >= 2
                    && !first.ends_with(':')
                    && (row[0].is_empty() || continues(&prev[0], &first)) =>
            {
                for (k, cell) in row.into_iter().enumerate() {
                    if cell.is_empty() {
                        continue;
                    }
                    if k >= prev.len() {
                        prev.resize(k + 1, String::new());
                    }
                    if !prev[k].is_empty() {
                        prev[k].push(' ');
                    }
                    prev[k].push_str(&cell);
                }
            }
            _ => folded.push(row),
        }
    }
    let mut rows = folded;
    let width = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    let align = |row: &mut Vec<String>| {
        let short = width - row.len();
        if short > 0 && row.len() >= 2 {
            let at = 1;
            for _ in 0..short {
                row.insert(at, String::new());
            }
        }
    };
    for row in rows.iter_mut() {
        let all_figures = row
            .iter()
            .skip(1)
            .all(|c| c.is_empty() || numbers::parse_amount(c).is_some());
        if all_figures {
            align(row);
        }
    }
    if header.len() < width && header.len() >= 2 {
        // a header over the figures only: the label column has no heading
        let short = width - header.len();
        for _ in 0..short {
            header.insert(0, String::new());
        }
    }
    (header, rows)
}

/// Whether `next` reads as the continuation of the cell text `cell` (it starts in lower case,
/// or the cell breaks off on a joining word).
pub(super) fn continues(cell: &str, next: &str) -> bool {
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    !cell.is_empty() && (lower || open_ended(cell))
}

/// Whether the cell text breaks off on a joining word or mark.
pub(super) fn open_ended(cell: &str) -> bool {
    let last = cell.split_whitespace().last().unwrap_or("").to_lowercase();
    vocab::is_joining_word(&last)
        || matches!(last.as_str(), "-" | "–")
        || cell.ends_with(['-', ',', '–'])
}

pub(super) fn has_figures(row: &[String]) -> bool {
    row.iter()
        .skip(1)
        .any(|c| numbers::parse_amount(c).is_some())
}

/// A header row of years (`2025  2026  2027`): figures, but no data.
pub(super) fn years_only(row: &[String]) -> bool {
    let year = crate::parse::numbers::is_year;
    let label_free = row.first().is_none_or(|c| c.trim().is_empty());
    let figures: Vec<&str> = row
        .iter()
        .skip(1)
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    label_free && !figures.is_empty() && figures.iter().all(|c| year(c))
}
