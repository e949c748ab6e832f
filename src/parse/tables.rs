//! Tables as text carries them: tab-separated rows (HTML tables arrive here as tabs too), their
//! header lines, wrapped cells and group labels put back together; tables flattened onto one
//! line are read by `flattened`.

use regex::Regex;
use std::sync::LazyLock;

use super::flattened::{flattened, is_cell_number};
use super::numbers;

/// A table found in a run of lines, with the lines it used.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Index of the first line of the table.
    pub first_line: usize,
    /// Lines that belong to the table (to be left out of section text).
    pub lines: Vec<usize>,
    /// Text of a flattened line outside the table (before, after), to keep in the prose.
    pub remainder: Option<(String, String)>,
}

/// Finds the tables in `lines`.
pub fn find(lines: &[String]) -> Vec<Found> {
    let mut out = tab_tables(lines);
    for (i, line) in lines.iter().enumerate() {
        if line.contains('\t') {
            continue;
        }
        if let Some(t) = flattened(line, i) {
            out.push(t);
        }
    }
    out.sort_by_key(|t| t.first_line);
    out
}

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
    line.contains('\t') && !super::punkt::is_toc_line(line)
}

fn tab_tables(lines: &[String]) -> Vec<Found> {
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
        out.push(Found {
            caption: caption_before(lines, start),
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
        && super::sections::heading(t).is_none()
}

/// A line that opens a new table's caption (`TABEL 3 – EFFEKT …`, `Tabel 2.`).
static CAPTION_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:tabel|tab\.|figur)\s*\d+[a-z]?\b").unwrap());

/// Whether `next` reads as the continuation of the cell text `cell` (it starts in lower case,
/// or the cell breaks off on a joining word).
fn continues(cell: &str, next: &str) -> bool {
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    !cell.is_empty() && (lower || open_ended(cell))
}

/// Whether the cell text breaks off on a joining word or mark.
fn open_ended(cell: &str) -> bool {
    let last = cell.split_whitespace().last().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "og" | "i" | "for" | "af" | "til" | "med" | "samt" | "som" | "på" | "-" | "–"
    ) || cell.ends_with(['-', ',', '–'])
}

fn has_figures(row: &[String]) -> bool {
    row.iter()
        .skip(1)
        .any(|c| numbers::parse_amount(c).is_some())
}

/// A header row of years (`2025  2026  2027`): figures, but no data.
fn years_only(row: &[String]) -> bool {
    let year = |c: &str| {
        c.len() == 4
            && c.chars().all(|ch| ch.is_ascii_digit())
            && (1900..=2099).contains(&c.parse::<u32>().unwrap_or(0))
    };
    let label_free = row.first().is_none_or(|c| c.trim().is_empty());
    let figures: Vec<&str> = row
        .iter()
        .skip(1)
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    label_free && !figures.is_empty() && figures.iter().all(|c| year(c))
}

/// Header and body of a table whose layout may have dropped empty cells: header lines that
/// wrap (`Opr.` over `budget`) become one header, and in a table of figures the figures of a
/// short row, and a short header, are aligned from the right.
fn shape(mut rows: Vec<Vec<String>>) -> (Vec<String>, Vec<Vec<String>>) {
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

/// The short line just above a table, when it reads like a caption.
fn caption_before(lines: &[String], start: usize) -> Option<String> {
    let prev = lines[..start].iter().rev().find(|l| !l.trim().is_empty())?;
    let t = prev.trim();
    let is_caption = t.len() <= 120
        && !t.contains('\t')
        && (t.ends_with(':') || !t.ends_with('.') || t.to_lowercase().starts_with("tabel"));
    is_caption.then(|| t.trim_end_matches(':').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_table_with_blank_lines_between_rows() {
        let lines: Vec<String> =
            "Oversigt:\nInitiativ\tStatus\n1) A\tI gang\n\n2) B\tAfsluttet\nTekst."
                .lines()
                .map(String::from)
                .collect();
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header, vec!["Initiativ", "Status"]);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(t[0].caption.as_deref(), Some("Oversigt"));
    }

    #[test]
    fn wrapped_labels_and_group_labels_stay_in_the_table() {
        let lines: Vec<String> = "X\tA\tB\nDet skattefinansierede\t-9.922\t-24.931\nområde i alt\nFinansieringsoversigt\nLåneoptagelse\t-17.683\t-31.672"
            .lines()
            .map(String::from)
            .collect();
        let t = find(&lines);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows[0][0], "Det skattefinansierede område i alt");
        assert_eq!(t[0].rows[1], vec!["Finansieringsoversigt"]);
        assert_eq!(t[0].rows[2][0], "Låneoptagelse");
    }

    #[test]
    fn pdf_layout_tables_are_reshaped() {
        let lines: Vec<String> = "Resultat (mio. kr.)\tOpr.\tKorr.\tForv. afvigelse fra\nbudget\tbudget\tkor.budget\nIndtægter – skatter og generelle\t-3.269,2\t-3.259,7\t0,0\ntilskud\nRenter\t1,4\t-2,9\t5,8\nGreve\t225\nI alt\t-3.267,8\t-3.262,6\t5,8"
            .lines()
            .map(String::from)
            .collect();
        let t = &find(&lines)[0];
        assert_eq!(
            t.header,
            vec![
                "Resultat (mio. kr.)",
                "Opr. budget",
                "Korr. budget",
                "Forv. afvigelse fra kor.budget"
            ]
        );
        assert_eq!(t.rows[0][0], "Indtægter – skatter og generelle tilskud");
        assert_eq!(t.rows[2], vec!["Greve", "", "", "225"]);
        assert_eq!(t.rows.len(), 4);
    }

    #[test]
    fn group_labels_captions_and_new_headers_inside_tables() {
        let lines: Vec<String> = "Nr. Projekt\t2025\n331 Pulje\t9.111\nUdmøntes:\nEl tavler\t1.500\nRør\t500\nTABEL 3 – EFFEKT\n\tÅr 1\tÅr 2\nEtablering\t2.890\t2.454\nFondsmoms\nÅr\tBevilling (kr.)\tFondsmoms (kr.)\n2025\t1.055.206\t184.661,05"
            .lines()
            .map(String::from)
            .collect();
        let t = find(&lines);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[0].rows[1], vec!["Udmøntes:"]);
        assert_eq!(t[0].rows.len(), 4);
        assert_eq!(t[1].header, vec!["", "År 1", "År 2"]);
        assert_eq!(
            t[2].header,
            vec!["År", "Bevilling (kr.)", "Fondsmoms (kr.)"]
        );
        assert_eq!(t[2].caption.as_deref(), Some("Fondsmoms"));
    }

    #[test]
    fn years_under_header_cells_and_label_tails_with_figures() {
        let lines: Vec<String> = "Model 2\tBudget\tForventet\n\t2025\t2026\nAntal borgere (50% u.\t10\t25\ngulvvask og 50% med\nRobotstøvsuger\t8.820\t22.932"
            .lines()
            .map(String::from)
            .collect();
        let t = find(&lines);
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(
            t[0].header,
            vec!["Model 2", "Budget 2025", "Forventet 2026"]
        );
        assert_eq!(t[0].rows[0][0], "Antal borgere (50% u. gulvvask og 50% med");
        assert_eq!(t[0].rows.len(), 2);
    }

    #[test]
    fn a_short_line_above_a_table_of_figures_heads_its_label_column() {
        let lines: Vec<String> = [
            "TABEL 1 – ETABLERING",
            "",
            "Etableringsomkostning",
            "Flytning af skranker\t125.000",
            "Etablering af ABA\t2.500.000",
        ]
        .map(String::from)
        .to_vec();
        let t = &find(&lines)[0];
        assert_eq!(t.header, ["Etableringsomkostning"]);
        assert_eq!(t.rows[0], ["Flytning af skranker", "125.000"]);
        assert_eq!(t.caption.as_deref(), Some("TABEL 1 – ETABLERING"));
    }

    #[test]
    fn a_group_label_is_not_folded_into_the_row_above() {
        let lines: Vec<String> = [
            "Nr.\tProjekt\tBeløb i t.kr.",
            "331\tGenopretningspuljen\t9.111",
            "\tBrand\t1.361",
            "\tForanalyse på rådhuset:\t",
            "\tFacader og helhedsplan\t200",
        ]
        .map(String::from)
        .to_vec();
        let t = &find(&lines)[0];
        assert_eq!(t.rows[1][1], "Brand");
        assert_eq!(t.rows[2][1], "Foranalyse på rådhuset:");
    }

    #[test]
    fn a_long_label_wraps_into_a_long_tail() {
        let lines: Vec<String> = [
            "Aktivitet\tBudget (kr.)",
            "Foredrag om frivilligmiljøer med fokus på fastholdelse af frivillige og\t10.000",
            "rolleklarhed ved konsulentvirksomheden Ingerfair",
            "Musik til middagen\t2.500",
        ]
        .map(String::from)
        .to_vec();
        let t = &find(&lines)[0];
        assert_eq!(t.rows.len(), 2, "{:?}", t.rows);
        assert!(t.rows[0][0].ends_with("og rolleklarhed ved konsulentvirksomheden Ingerfair"));
    }

    #[test]
    fn a_group_label_after_a_blank_line_keeps_the_header() {
        let lines: Vec<String> = [
            "Låneadgang (mio. kr.)\tKorrigeret budget 2024\tForventet låneramme 2024",
            "",
            "Generel låneadgang:",
            "Energibesparende tiltag\t-33,150\t-24,616",
            "Sum\t-33,750\t-40,589",
        ]
        .map(String::from)
        .to_vec();
        let found = find(&lines);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].header[1], "Korrigeret budget 2024");
        assert_eq!(found[0].rows[0], ["Generel låneadgang:"]);
        assert_eq!(found[0].rows[1][1], "-33,150");
    }
}
