//! Table columns from word positions. A PDF lays a table out in columns but keeps no cells:
//! empty cells vanish, header cells wrap onto a second line, neighbouring header cells touch.
//! Here the columns are found from the x-extents of the table's rows of figures (the white
//! "rivers" between them), and every row of the table block is re-cut into those columns, so
//! that each line comes out as TAB-separated cells in the right place, empty ones included.

use super::cells::{join_lines, units_under_figures, years_under};
use super::header::header_top;
use super::row::{Found, Method, Row, assign};
use crate::parse::numbers::is_figure;

/// Lines of a page, with table blocks cut into aligned columns and an empty line at each
/// paragraph break, and the tables found by their columns (`page` left 0).
pub fn lines(rows: &[Row]) -> (Vec<String>, Vec<Found>) {
    let (texts, in_table, tables) = aligned(rows);
    let mut out = Vec::with_capacity(rows.len() + 8);
    for (k, (r, t)) in rows.iter().zip(texts).enumerate() {
        let Some(t) = t else {
            continue;
        };
        // cell padding is no paragraph break inside a table
        let inside = in_table[k] && k > 0 && in_table[k - 1];
        if r.break_before && !inside {
            out.push(String::new());
        }
        out.push(t);
    }
    (out, tables)
}

/// The text of each row (none for a header line joined into the line above), whether it
/// belongs to a table block, and the blocks.
fn aligned(rows: &[Row]) -> (Vec<Option<String>>, Vec<bool>, Vec<Found>) {
    let mut out: Vec<Option<String>> = rows.iter().map(|r| Some(r.text())).collect();
    let mut in_table = vec![false; rows.len()];
    let mut tables = Vec::new();
    let mut i = 0;
    let mut done = 0;
    while i < rows.len() {
        let Some((start, mut end)) = block_at(rows, i) else {
            i += 1;
            continue;
        };
        let mut found = columns_of(&rows[start..end]);
        // a text cell wrapped over more lines than a short line between rows: the lines whose
        // words all stand right of the label column go on with the table, and so do the rows
        // after them
        if let Some(columns) = &found {
            let grown = block_end(rows, start, Some(columns));
            if grown > end {
                end = grown;
                found = columns_of(&rows[start..end]);
            }
        }
        if let Some(columns) = found {
            let top = header_top(&rows[done..end], start - done, &columns) + done;
            for k in top..end {
                in_table[k] = true;
                // a line wholly in the first column is a wrapped label: left as it is
                if assign(&rows[k], &columns).iter().any(|&c| c > 0) {
                    out[k] = Some(cut(&rows[k], &columns));
                }
            }
            // a header set over several lines is one header row, each cell's lines joined
            // (group labels in the label column just above the rows stay lines of their own)
            // (a line of years under the header cells, `Antal klagesager` / `2021`, heads too)
            let first_data = (top..end)
                .find(|&k| rows[k].is_figure_row() && !years_under(&rows[k], &columns))
                .unwrap_or(end);
            let mut head_end = first_data;
            while head_end > top
                && assign(&rows[head_end - 1], &columns)
                    .iter()
                    .all(|&c| c == 0)
            {
                head_end -= 1;
            }
            // the header's lines follow on without a paragraph break (a running head above a
            // table at the top of the page stands apart)
            let head = (top + 1..head_end)
                .rev()
                .find(|&k| rows[k].break_before)
                .unwrap_or(top);
            if head_end >= head + 2 {
                out[head] = Some(join_lines(&out[head..head_end], columns.len()));
                out[head + 1..head_end].fill(None);
            }
            units_under_figures(&mut out[first_data.min(end)..end]);
            tables.push(Found {
                page: 0,
                method: Method::Whitespace,
                bbox: [
                    columns[0].0,
                    rows[top].y - rows[top].size,
                    columns[columns.len() - 1].1,
                    rows[end - 1].y,
                ],
                rows: end - top,
                columns: columns.len(),
                lines: (top..end).filter_map(|k| out[k].clone()).collect(),
            });
        }
        i = end;
        done = end;
    }
    (out, in_table, tables)
}

/// A table block: consecutive lines with column gaps, and the short lines between them (wrapped
/// labels), holding at least two rows of figures.
fn block_at(rows: &[Row], i: usize) -> Option<(usize, usize)> {
    if rows[i].ruled || rows[i].cells().len() < 2 {
        return None;
    }
    let end = block_end(rows, i, None);
    let figures = rows[i..end].iter().filter(|r| r.is_figure_row()).count();
    (figures >= 1).then_some((i, end))
}

/// Where a table block that starts at `i` ends; with its columns known, a line whose words all
/// fall right of the label column (a wrapped text cell) also belongs to it.
fn block_end(rows: &[Row], i: usize, columns: Option<&[(f64, f64)]>) -> usize {
    let right_of_label = |r: &Row| {
        columns.is_some_and(|c| !r.words.is_empty() && assign(r, c).iter().all(|&k| k > 0))
    };
    // a wrapped label as wide as the label column, however long
    let in_label = |r: &Row| {
        columns.is_some_and(|c| {
            r.words
                .last()
                .is_some_and(|w| w.x1 <= c[0].1 + 0.5 * r.size)
        })
    };
    let mut end = i + 1;
    while end < rows.len() {
        let r = &rows[end];
        if r.ruled {
            break;
        }
        let multi = r.cells().len() >= 2;
        let short_between = !multi
            && (r.text().chars().count() <= 40 || in_label(r))
            && rows
                .get(end + 1)
                .is_some_and(|n| !n.ruled && n.cells().len() >= 2);
        if !(multi || short_between || right_of_label(r)) {
            break;
        }
        end += 1;
    }
    end
}

/// Column intervals: where the words of the figure rows lie, merged where they overlap or
/// are no further apart than a word space (a column gap is wider: the white river between
/// columns runs through every row). The word space is the table's own: half the font size, or
/// one and a half times the gap between the words of its cells where that is wider (a
/// typewriter font's space is wider than half its size).
pub(super) fn columns_of(rows: &[Row]) -> Option<Vec<(f64, f64)>> {
    let figure_rows: Vec<&Row> = rows.iter().filter(|r| r.is_figure_row()).collect();
    let size = figure_rows.iter().map(|r| r.size).fold(0.0, f64::max);
    let mut inner: Vec<f64> = figure_rows
        .iter()
        .flat_map(|r| {
            r.words
                .windows(2)
                .filter(|w| !w[1].tab_before)
                .map(|w| w[1].x0 - w[0].x1)
        })
        .collect();
    inner.sort_by(f64::total_cmp);
    let space = inner
        .get(inner.len() / 2)
        .map_or(0.5 * size, |&g| (1.5 * g).max(0.5 * size));
    let mut spans: Vec<(f64, f64)> = figure_rows
        .iter()
        .flat_map(|r| r.words.iter().map(|w| (w.x0, w.x1)))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (a, b) in spans {
        match merged.last_mut() {
            Some(m) if a <= m.1 + space => m.1 = m.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    // a column only one row has something in (a dash set left of where the figures of that
    // column stand) is no column: its word goes to the column of figures it sits in
    if figure_rows.len() >= 3 {
        let support = |&(a, b): &(f64, f64)| {
            figure_rows
                .iter()
                .filter(|r| r.words.iter().any(|w| w.x1 > a && w.x0 < b))
                .count()
        };
        // (the first column stays: a number column such as `Nr.` may be filled in one row only)
        let first = merged.first().copied();
        merged.retain(|m| Some(*m) == first || support(m) >= 2);
    }
    // with one row of figures there is no other row to tell columns by: its text before the
    // first figure is its label, however wide the gaps in it
    if let [row] = figure_rows[..] {
        let first_figure = row.words.iter().find(|w| is_figure(&w.text));
        if let Some(f) = first_figure {
            let label: Vec<(f64, f64)> = merged.iter().copied().filter(|m| m.1 < f.x0).collect();
            if label.len() > 1 {
                let joined = (label[0].0, label[label.len() - 1].1);
                merged.retain(|m| m.1 >= f.x0);
                merged.insert(0, joined);
            }
        }
    }
    (merged.len() >= 2).then_some(merged)
}

/// A row cut into the columns: TAB-separated cells, empty ones included.
fn cut(row: &Row, columns: &[(f64, f64)]) -> String {
    let mut cells = vec![String::new(); columns.len()];
    for (w, k) in row.words.iter().zip(assign(row, columns)) {
        let cell = &mut cells[k];
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(&w.text);
    }
    cells.join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::row::Word;

    fn w(x0: f64, text: &str, tab: bool) -> Word {
        Word {
            x0,
            x1: x0 + 6.0 * text.chars().count() as f64,
            text: text.into(),
            tab_before: tab,
        }
    }

    fn row(words: Vec<Word>) -> Row {
        Row {
            words,
            break_before: false,
            size: 10.0,
            y: 0.0,
            ruled: false,
        }
    }

    #[test]
    fn a_text_cell_wrapped_over_many_lines_keeps_the_table_together() {
        let mut rows = vec![
            row(vec![
                w(0.0, "Hedebo", false),
                w(200.0, "200", true),
                w(260.0, "-200", true),
                w(320.0, "Efter aftale med", true),
            ]),
            // the text cell runs on alone, right of the label column, for more lines than a
            // wrapped label would
            row(vec![w(320.0, "boligselskabet", false)]),
            row(vec![w(320.0, "er der ikke", false)]),
            row(vec![w(320.0, "behov for at", false)]),
            row(vec![
                w(0.0, "Freyas", false),
                w(200.0, "350", true),
                w(260.0, "-300", true),
                w(320.0, "Gaskedlen", true),
            ]),
        ];
        rows[4].break_before = true; // the padding of the cell above
        let out = lines(&rows).0;
        assert_eq!(out[1], "\t\t\tboligselskabet");
        assert_eq!(out[3], "\t\t\tbehov for at");
        assert_eq!(
            out[4], "Freyas\t350\t-300\tGaskedlen",
            "no paragraph break: {out:?}"
        );
    }

    #[test]
    fn figures_find_their_columns_and_empty_cells_come_back() {
        let rows = vec![
            row(vec![
                w(0.0, "Beløb", false),
                w(200.0, "Korr.", true),
                w(300.0, "Ompl", true),
                w(330.0, "Forv.", false),
            ]),
            row(vec![w(200.0, "budget", false), w(330.0, "regnskab", true)]),
            row(vec![
                w(0.0, "Udvalget", false),
                w(200.0, "396.112", true),
                w(300.0, "233", true),
                w(400.0, "-16.521", true),
            ]),
            row(vec![w(0.0, "Greve", false), w(400.0, "225", true)]),
        ];
        let out = lines(&rows).0;
        assert_eq!(
            out[0], "Beløb\tKorr. budget\tOmpl\tForv. regnskab",
            "a header over two lines is one row, each cell's lines joined"
        );
        assert_eq!(out[1], "Udvalget\t396.112\t233\t-16.521");
        assert_eq!(out[2], "Greve\t\t\t225");
    }

    #[test]
    fn a_heading_over_the_figures_only_is_the_header() {
        let mut rows = vec![
            row(vec![w(200.0, "Anlægsmidler", false)]),
            row(vec![
                w(0.0, "Konsulenter", false),
                w(220.0, "2.300.000", true),
            ]),
            row(vec![w(0.0, "Buffer", false), w(238.0, "250.000", true)]),
        ];
        rows[1].break_before = true;
        let out = lines(&rows).0;
        assert_eq!(
            out,
            vec![
                "\tAnlægsmidler",
                "Konsulenter\t2.300.000",
                "Buffer\t250.000"
            ]
        );
    }

    #[test]
    fn a_header_over_several_lines_above_group_labels_is_cut() {
        let rows = vec![
            row(vec![
                w(0.0, "Projekt", false),
                w(200.0, "Bevilling", true),
                w(300.0, "Ændret", true),
            ]),
            row(vec![w(200.0, "i 1.000", false), w(300.0, "budget", true)]),
            row(vec![w(0.0, "Ændring i", false)]),
            row(vec![w(0.0, "projekter", false)]),
            row(vec![
                w(0.0, "Solstrålen", false),
                w(220.0, "9.164", true),
                w(320.0, "132", true),
            ]),
            row(vec![
                w(0.0, "Hedebo", false),
                w(226.0, "200", true),
                w(320.0, "-200", true),
            ]),
        ];
        let out = lines(&rows).0;
        assert_eq!(out[0], "Projekt\tBevilling i 1.000\tÆndret budget");
        assert_eq!(out[1], "Ændring i");
        assert_eq!(out[3], "Solstrålen\t9.164\t132");
    }

    #[test]
    fn a_header_cell_set_left_over_figures_set_right_heads_them() {
        // `Mio.kr.` starts left of the years set right under it; no column gap in the header
        let rows = vec![
            row(vec![w(0.0, "Mio.kr.", false), w(50.0, "Restance", false)]),
            row(vec![w(14.0, "2019", false), w(70.0, "60,1", true)]),
            row(vec![w(14.0, "2020", false), w(76.0, "63", true)]),
        ];
        assert_eq!(lines(&rows).0[0], "Mio.kr.\tRestance");
    }

    #[test]
    fn a_lone_row_of_figures_keeps_its_label_whole() {
        let rows = vec![row(vec![
            w(0.0, "Likviditet (mio", false),
            w(100.0, ". kr.)", true),
            w(300.0, "541,6", true),
        ])];
        assert_eq!(lines(&rows).0, vec!["Likviditet (mio . kr.)\t541,6"]);
    }

    #[test]
    fn a_long_wrapped_label_inside_the_label_column_keeps_the_table_together() {
        let label = "Foredrag om frivilligmiljøer med fokus på fastholdelse og";
        let mut rows = vec![
            row(vec![w(0.0, label, false), w(400.0, "10.000", true)]),
            // longer than a short line, but within the label column
            row(vec![w(
                0.0,
                "rolleklarhed ved konsulentvirksomheden Ingerfair",
                false,
            )]),
            row(vec![w(0.0, "Musik", false), w(406.0, "2.500", true)]),
            row(vec![
                w(0.0, "Frivillighedsprisen", false),
                w(406.0, "8.000", true),
            ]),
        ];
        rows[2].break_before = true; // the padding of the cell above
        let out = lines(&rows).0;
        assert_eq!(out.len(), 4, "no paragraph break inside the table: {out:?}");
        assert_eq!(out[2], "Musik\t2.500");
    }

    #[test]
    fn a_number_column_filled_in_one_row_stays() {
        let rows = vec![
            row(vec![
                w(0.0, "331", false),
                w(40.0, "Genopretningspuljen", true),
                w(300.0, "9.111", true),
            ]),
            row(vec![
                w(40.0, "Udskiftning af el tavler", false),
                w(300.0, "1.500", true),
            ]),
            row(vec![w(40.0, "Ny elevator", false), w(300.0, "1.000", true)]),
        ];
        let out = lines(&rows).0;
        assert_eq!(out[0], "331\tGenopretningspuljen\t9.111");
        assert_eq!(out[1], "\tUdskiftning af el tavler\t1.500");
    }

    #[test]
    fn a_typewriter_space_does_not_split_the_label_column() {
        // a monospaced font: every character 6 pt wide, a space too (wider than half the size)
        let mono = |x0: f64, text: &str, tab: bool| Word {
            x0,
            x1: x0 + 6.0 * text.chars().count() as f64,
            text: text.into(),
            tab_before: tab,
        };
        let rows = vec![
            row(vec![
                mono(0.0, "Antal", false),
                mono(36.0, "udvalgsmøder", false),
                mono(200.0, "9", true),
                mono(250.0, "29", true),
            ]),
            row(vec![
                mono(0.0, "Heraf", false),
                mono(36.0, "besluttet", false),
                mono(200.0, "10", true),
                mono(250.0, "25", true),
            ]),
        ];
        assert_eq!(columns_of(&rows).map(|c| c.len()), Some(3));
        assert_eq!(lines(&rows).0[1], "Heraf besluttet\t10\t25");
    }

    #[test]
    fn prose_is_left_alone() {
        let rows = vec![row(vec![w(0.0, "Tekst", false), w(40.0, "her", false)])];
        assert_eq!(lines(&rows).0, vec!["Tekst her"]);
    }
}
