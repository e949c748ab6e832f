//! `export --tables FILE`: the tables of the exported documents as a spreadsheet for
//! consultants. `.xlsx`: a sheet `Tabeller` listing each table (source, meeting, punkt,
//! caption, unit, page, sheet), then one sheet per table with its header row and its cells,
//! figures typed as numbers (the value of the cell's budget record). `.csv`: one row per
//! budget record.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, bail};

use super::xlsx::{self, Cell, Sheet};
use crate::model::{Document, Table};

/// Which spreadsheet a `--tables` path asks for.
pub fn check_path(path: &Path) -> anyhow::Result<()> {
    match extension(path).as_str() {
        "xlsx" | "csv" => Ok(()),
        _ => bail!(
            "--tables {}: the file must end in .xlsx or .csv",
            path.display()
        ),
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase()
}

/// Writes the tables of `docs` to `path` (`.xlsx` or `.csv`), through a temporary file
/// renamed into place.
pub fn write(path: &Path, docs: &[Document]) -> anyhow::Result<()> {
    check_path(path)?;
    let tmp = path.with_extension(format!("{}.tmp", extension(path)));
    match extension(path).as_str() {
        "xlsx" => xlsx(&tmp, docs)?,
        _ => csv_records(&tmp, docs)?,
    }
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}

fn meeting_of(d: &Document) -> (String, String) {
    let m = d.meeting.as_ref();
    (
        m.and_then(|m| m.body.clone()).unwrap_or_default(),
        m.and_then(|m| m.date.clone()).unwrap_or_default(),
    )
}

/// The value of each figure cell, keyed by (table, row label, column, cell as printed).
type Values = HashMap<(usize, String, Option<String>, String), f64>;

fn values(d: &Document) -> Values {
    d.budget
        .iter()
        .map(|r| {
            (
                (r.table, r.row.clone(), r.column.clone(), r.raw.clone()),
                r.value,
            )
        })
        .collect()
}

/// The unit of a table: its records' unit when they agree.
fn unit(d: &Document, table: usize) -> String {
    let mut units = d
        .budget
        .iter()
        .filter(|r| r.table == table)
        .map(|r| r.unit.clone());
    let first = units.next().flatten();
    if units.all(|u| u == first) {
        first.unwrap_or_default()
    } else {
        "blandet".into()
    }
}

fn xlsx(path: &Path, docs: &[Document]) -> anyhow::Result<()> {
    let index_head = [
        "Ark",
        "Kilde",
        "Udvalg",
        "Dato",
        "Punkt",
        "Overskrift",
        "Enhed",
        "Side",
        "Rækker",
    ];
    let text = |s: &str| Cell::Text(s.to_string());
    let mut index = Sheet {
        name: "Tabeller".into(),
        rows: vec![index_head.iter().map(|h| text(h)).collect()],
    };
    let mut sheets: Vec<(String, &Document, usize, &Table)> = Vec::new();
    for d in docs {
        for (i, t) in d.tables.iter().enumerate() {
            let name = format!("T{}", sheets.len() + 1);
            let (body, date) = meeting_of(d);
            index.rows.push(vec![
                text(&name),
                text(&d.source.path),
                text(&body),
                text(&date),
                text(t.punkt.as_deref().unwrap_or_default()),
                text(t.caption.as_deref().unwrap_or_default()),
                text(&unit(d, i)),
                t.page.map_or(text(""), |p| Cell::Number(f64::from(p))),
                Cell::Number(t.rows.len() as f64),
            ]);
            sheets.push((name, d, i, t));
        }
    }
    let mut out = vec![index];
    for (name, d, i, t) in sheets {
        let values = values(d);
        let mut sheet = Sheet {
            name,
            rows: vec![t.header.iter().map(|h| text(h)).collect()],
        };
        for row in &t.rows {
            let label = row
                .iter()
                .find(|c| !c.trim().is_empty() && !crate::parse::numbers::is_figure(c))
                .cloned()
                .unwrap_or_default();
            let cells = row
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let column = t.header.get(c).filter(|h| !h.trim().is_empty()).cloned();
                    match values.get(&(i, label.clone(), column, cell.clone())) {
                        Some(v) => Cell::Number(*v),
                        None => text(cell),
                    }
                })
                .collect();
            sheet.rows.push(cells);
        }
        out.push(sheet);
    }
    xlsx::write(path, &out).with_context(|| format!("cannot write {}", path.display()))
}

fn csv_records(path: &Path, docs: &[Document]) -> anyhow::Result<()> {
    let mut w =
        csv::Writer::from_path(path).with_context(|| format!("cannot write {}", path.display()))?;
    w.write_record([
        "source", "body", "date", "punkt", "table", "caption", "row", "column", "value", "unit",
        "raw", "page",
    ])?;
    for d in docs {
        let (body, date) = meeting_of(d);
        for r in &d.budget {
            let caption = d
                .tables
                .get(r.table)
                .and_then(|t| t.caption.clone())
                .unwrap_or_default();
            w.write_record([
                d.source.path.as_str(),
                &body,
                &date,
                r.punkt.as_deref().unwrap_or_default(),
                &r.table.to_string(),
                &caption,
                &r.row,
                r.column.as_deref().unwrap_or_default(),
                &r.value.to_string(),
                r.unit.as_deref().unwrap_or_default(),
                &r.raw,
                &r.page.map(|p| p.to_string()).unwrap_or_default(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}
