//! Typed budget records from tables: one record per numeric cell, with its row label, column
//! header and unit, and a check that rows add up to their `I alt` total.

use regex::Regex;
use std::sync::LazyLock;

use super::numbers::{self, Amount};
use super::vocab;
use crate::model::{BudgetRecord, Table};

static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"(?i)^(?:{})\b|\b(?:{})\s*$",
        vocab::alternation(vocab::TOTAL_LABELS),
        vocab::alternation(vocab::TOTAL_ENDINGS)
    ))
});

/// Budget records for the table at `index`, and warnings about sums that do not add up.
pub fn records(index: usize, table: &Table) -> (Vec<BudgetRecord>, Vec<String>) {
    let context_unit = table
        .caption
        .as_deref()
        .and_then(numbers::unit_in_text)
        .or_else(|| numbers::unit_in_text(&table.header.join(" ")));
    let mut out = Vec::new();
    let mut parsed: Vec<(String, Vec<Option<Amount>>)> = Vec::new();
    for row in &table.rows {
        let label_at = row
            .iter()
            .position(|c| !c.trim().is_empty() && numbers::parse_amount(c).is_none());
        let label = label_at
            .map(|k| row[k].trim().to_string())
            .unwrap_or_default();
        // a lone figure with no label (a wrapped cell's tail, a year) is not a record
        if label.is_empty() && row.iter().filter(|c| !c.trim().is_empty()).count() < 2 {
            parsed.push((label, vec![None; row.len()]));
            continue;
        }
        let mut amounts = Vec::with_capacity(row.len());
        for (j, cell) in row.iter().enumerate() {
            let a = if Some(j) == label_at {
                None
            } else {
                numbers::parse_amount(cell)
            };
            if let Some(a) = &a {
                let column = table
                    .header
                    .get(j)
                    .map(|h| h.trim())
                    .filter(|h| !h.is_empty())
                    .map(String::from);
                let unit = a
                    .unit
                    .or_else(|| column.as_deref().and_then(numbers::unit_in_text))
                    .or(context_unit);
                out.push(BudgetRecord {
                    table: index,
                    punkt: table.punkt.clone(),
                    row: label.clone(),
                    column,
                    value: a.value,
                    unit: unit.map(String::from),
                    raw: cell.trim().to_string(),
                    page: table.page,
                });
            }
            amounts.push(a);
        }
        parsed.push((label, amounts));
    }
    let warnings = check_sums(index, table, &parsed);
    (out, warnings)
}

/// For each total row, each column where the total and every row above it have a figure: the
/// rows must add up to the total within the rounding of the printed figures.
fn check_sums(index: usize, table: &Table, rows: &[(String, Vec<Option<Amount>>)]) -> Vec<String> {
    let mut warnings = Vec::new();
    let is_total = |label: &str| TOTAL.is_match(label.trim());
    let mut segment_start = 0;
    for (t, (label, total)) in rows.iter().enumerate() {
        if !is_total(label) {
            continue;
        }
        let above: Vec<&(String, Vec<Option<Amount>>)> = rows[segment_start..t]
            .iter()
            .filter(|r| !is_total(&r.0))
            .collect();
        let all_above: Vec<&(String, Vec<Option<Amount>>)> =
            rows[..t].iter().filter(|r| !is_total(&r.0)).collect();
        let subtotals: Vec<&(String, Vec<Option<Amount>>)> =
            rows[..t].iter().filter(|r| is_total(&r.0)).collect();
        segment_start = t + 1;
        if above.len() < 2 {
            continue;
        }
        for (j, cell) in total.iter().enumerate() {
            let Some(total_amount) = cell else { continue };
            if total_amount.unit == Some("%") {
                continue;
            }
            let sums_to = |set: &[&(String, Vec<Option<Amount>>)]| -> Option<bool> {
                let mut sum = 0.0;
                let mut decimals = total_amount.decimals;
                for r in set {
                    let a = r.1.get(j)?.as_ref()?;
                    sum += a.value;
                    decimals = decimals.max(a.decimals);
                }
                let step = 10f64.powi(-(decimals as i32));
                let tolerance = step * 0.5 * (set.len() as f64 + 1.0) + 1e-9;
                Some((sum - total_amount.value).abs() <= tolerance)
            };
            let candidates = [
                sums_to(&above),
                sums_to(&all_above),
                (!subtotals.is_empty())
                    .then(|| sums_to(&subtotals))
                    .flatten(),
            ];
            if candidates.contains(&Some(true)) || candidates[0].is_none() {
                continue;
            }
            let sum: f64 = above
                .iter()
                .filter_map(|r| r.1.get(j)?.as_ref().map(|a| a.value))
                .sum();
            let column = table
                .header
                .get(j)
                .map(|h| h.as_str())
                .filter(|h| !h.is_empty())
                .unwrap_or("?");
            warnings.push(format!(
                "table {index}{}: column '{column}': the rows above '{label}' add up to {} but it says {}",
                table.punkt.as_deref().map(|p| format!(" (punkt {p})")).unwrap_or_default(),
                round(sum),
                round(total_amount.value)
            ));
        }
    }
    warnings
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            punkt: Some("4".into()),
            caption: None,
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
            page: None,
        }
    }

    #[test]
    fn records_carry_row_column_unit() {
        let t = table(
            &["Center", "Andel", "Nyt budget (1.000 kr.)"],
            &[
                &["Borgerservice", "10,83%", "3.286"],
                &["HR", "5,03%", "1.526"],
            ],
        );
        let (r, w) = records(0, &t);
        assert!(w.is_empty());
        assert_eq!(r.len(), 4);
        assert_eq!(
            (
                r[0].row.as_str(),
                r[0].column.as_deref(),
                r[0].unit.as_deref()
            ),
            ("Borgerservice", Some("Andel"), Some("%"))
        );
        assert_eq!(
            (r[1].value, r[1].unit.as_deref()),
            (3286.0, Some("1.000 kr."))
        );
    }

    #[test]
    fn rounding_is_not_an_error_but_a_wrong_total_is() {
        let ok = table(
            &["Center", "Budget"],
            &[&["A", "1.001"], &["B", "2.000"], &["I alt", "3.000"]],
        );
        assert!(records(0, &ok).1.is_empty());
        let bad = table(
            &["Center", "Budget"],
            &[&["A", "1.100"], &["B", "2.000"], &["I alt", "3.000"]],
        );
        let w = records(0, &bad).1;
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("3100"), "{w:?}");
    }

    #[test]
    fn subtotals_are_accepted() {
        let t = table(
            &["", "Budget"],
            &[
                &["A", "1"],
                &["B", "2"],
                &["Drift i alt", "3"],
                &["C", "4"],
                &["Anlæg i alt", "4"],
                &["I alt", "7"],
            ],
        );
        assert!(records(0, &t).1.is_empty(), "{:?}", records(0, &t).1);
    }
}
