//! Tables laid out as TAB-separated rows (HTML tables and PDF columns arrive as tabs too): where
//! one starts and ends, the short lines between its rows (wrapped labels, group labels), the line
//! above that heads its label column, and its caption.

use regex::Regex;
use std::sync::LazyLock;

use super::found::Found;
use super::shape::{continues, has_figures, open_ended, shape, years_only};
use crate::parse::numbers::{self, is_cell_number};
use crate::parse::vocab;

/// The cells of a TAB row; trailing TABs are empty cells and are kept (so that figures keep
/// their columns).
fn cells(line: &str) -> Vec<String> {
    line.split('\t').map(|c| c.trim().to_string()).collect()
}

/// Trailing empty cells beyond the header's width carry nothing: drop them.
fn trim_to(row: &mut Vec<String>, width: usize) {
    while row.len() > width.max(1) && row.last().is_some_and(|x| x.is_empty()) {
        row.pop();
    }
}

fn is_row(line: &str) -> bool {
    line.contains('\t') && !crate::parse::punkt::is_toc_line(line)
}

pub(super) fn tab_tables(lines: &[String]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_row(&lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut used = Vec::new();
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut j = i;
        while j < lines.len() {
            if is_row(&lines[j]) {
                used.push(j);
                rows.push(cells(&lines[j]));
                j += 1;
            } else if lines[j].trim().is_empty() {
                // a blank line continues the table when another tab row follows
                let next = (j + 1..lines.len()).find(|&k| !lines[k].trim().is_empty());
                match next {
                    Some(k) if is_row(&lines[k]) => j = k,
                    // or a group label (`Generel låneadgang:`) over more rows of figures
                    Some(k)
                        if is_wrapped_label(&lines[k])
                            && lines[k].trim().ends_with(':')
                            && lines
                                .get(k + 1)
                                .is_some_and(|n| is_row(n) && has_figures(&cells(n))) =>
                    {
                        j = k
                    }
                    _ => break,
                }
            } else if let Some(group) = short_line_in_table(&lines[j], &lines[j + 1..], &rows) {
                // a short line between rows: the tail of the row label above, which the layout
                // wrapped, or a group label of its own
                let t = lines[j].trim();
                match group {
                    false => {
                        let cell = &mut rows.last_mut().expect("a row above")[0];
                        cell.push(' ');
                        cell.push_str(t);
                    }
                    true => rows.push(vec![t.to_string()]),
                }
                used.push(j);
                j += 1;
            } else {
                break;
            }
        }
        i = j;
        rows.retain(|r| r.iter().any(|c| !c.is_empty()));
        if rows.len() < 2 || rows.iter().all(|r| r.len() < 2) {
            continue;
        }
        // a table that opens on a row of figures, right under a short line of text: that line
        // heads the label column (its TAB lost to the layout or to trimmed line ends)
        let mut start = start;
        if let Some(above) = start.checked_sub(1).map(|k| &lines[k])
            && has_figures(&rows[0])
            && !years_only(&rows[0])
            && is_wrapped_label(above)
            && !above.trim().ends_with(':')
        {
            start -= 1;
            used.insert(0, start);
            rows.insert(0, vec![above.trim().to_string()]);
        }
        let (header, mut rows) = shape(rows);
        for r in rows.iter_mut() {
            trim_to(r, header.len());
        }
        let last = used.last().copied().unwrap_or(start);
        out.push(Found {
            caption: caption_before(lines, start).or_else(|| caption_after(lines, last)),
            header,
            rows,
            first_line: start,
            lines: used,
            remainder: None,
        });
    }
    out
}

/// Whether a short line between the rows of a table stays in it: `Some(false)` when it is the
/// wrapped tail of the row label above, `Some(true)` when it is a group label (`Udmøntes:`)
/// over more rows of figures. A short line followed by a header row of its own (text cells, no
/// figures) is the caption of the next table, and ends this one.
fn short_line_in_table(line: &str, after: &[String], rows: &[Vec<String>]) -> Option<bool> {
    if !is_short_text(line) {
        // a long label wraps into a longer tail: no longer than the label's first line, and
        // reading on from it, before the next row
        let t = line.trim();
        let above = rows.last().and_then(|r| r.first())?;
        let tail = is_text(line)
            && t.chars().count() <= above.chars().count()
            && continues(above, t)
            && row_ahead(after).is_some();
        return tail.then_some(false);
    }
    let next = row_ahead(after);
    let t = line.trim();
    // the tail of a label may carry a figure of its own (`gulvvaskfunktion og 50% med`); a
    // label that breaks off on a joining word goes on even where the table ends
    let above = rows.last().and_then(|r| r.first());
    if above.is_some_and(|cell| continues(cell, t) && (next.is_some() || open_ended(cell))) {
        return Some(false);
    }
    let next = next?;
    if !is_wrapped_label(line) {
        return None;
    }
    // (in a table of figures: in a table of text every row looks like a header)
    let next = cells(next);
    let header_ahead = rows.iter().any(|r| has_figures(r))
        && !has_figures(&next)
        && next.iter().filter(|c| !c.is_empty()).count() >= 2;
    let label_ahead = !t.ends_with(':') || has_figures(&next);
    (!header_ahead && label_ahead).then_some(true)
}

/// The next table row in `after` when only a few short lines come first; a blank line may come
/// between them only just before the row (as between the rows of a table).
fn row_ahead(after: &[String]) -> Option<&String> {
    let mut short = 0;
    for (k, l) in after.iter().enumerate() {
        if l.trim().is_empty() {
            return after[k..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .filter(|l| is_row(l));
        }
        if is_row(l) {
            return Some(l);
        }
        short += 1;
        if short >= 3 || !is_wrapped_label(l) {
            return None;
        }
    }
    None
}

/// A short line without figures: the wrapped tail of the row label above it.
fn is_wrapped_label(line: &str) -> bool {
    is_short_text(line) && !line.split_whitespace().any(is_cell_number)
}

/// A short line of text (no TABs), neither a caption nor a heading.
fn is_short_text(line: &str) -> bool {
    is_text(line) && line.trim().chars().count() <= 40
}

/// A line of text (no TABs), neither a caption nor a heading.
fn is_text(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && !line.contains('\t')
        && !CAPTION_START.is_match(t)
        && crate::parse::sections::heading(t).is_none()
}

/// A line that opens a new table's caption (`TABEL 3 – EFFEKT …`, `Tabel 2.`).
static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"(?i)^(?:{})\s*\d+[a-z]?\b",
        vocab::alternation(vocab::CAPTION_WORDS)
    ))
});

/// The short line just above a table, when it reads like a caption; a line of the unit or the
/// prices alone (`(1.000 kr.)`, `Mio. kr.`, `(i 2025-priser)`) under a caption is part of it.
fn caption_before(lines: &[String], start: usize) -> Option<String> {
    let mut above = lines[..start]
        .iter()
        .rev()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty());
    let t = above.next()?;
    if unit_line(t)
        && let Some(caption) = above.next().filter(|c| is_caption(c) && !unit_line(c))
    {
        return Some(format!("{} {t}", caption.trim_end_matches(':')));
    }
    is_caption(t).then(|| t.trim_end_matches(':').to_string())
}

fn is_caption(t: &str) -> bool {
    t.len() <= 120
        && !t.contains('\t')
        && (t.ends_with(':') || !t.ends_with('.') || {
            let lower = t.to_lowercase();
            vocab::CAPTION_WORDS.iter().any(|w| lower.starts_with(w))
        })
}

/// A short line that gives only the unit or the prices of a table's figures.
fn unit_line(t: &str) -> bool {
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    t.chars().count() <= 40
        && (numbers::unit_in_text(t).is_some()
            || words.iter().any(|w| vocab::PRICE_BASIS_WORDS.contains(w)))
        && words.len() <= 5
}

/// A numbered caption right under a table (`Tabel 3: …` as figures are captioned), unless a
/// table follows it: then it heads that one.
fn caption_after(lines: &[String], last: usize) -> Option<String> {
    let mut below = (last + 1..lines.len()).filter(|&k| !lines[k].trim().is_empty());
    let k = below.next()?;
    let t = lines[k].trim();
    let heads_next = below.next().is_some_and(|n| is_row(&lines[n]));
    (vocab::numbered_caption(t) && !heads_next).then(|| t.trim_end_matches(':').to_string())
}
