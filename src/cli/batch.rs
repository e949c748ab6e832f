//! `referat search --queries FILE`: many queries against one open index, each timed inside the
//! process, so search latency is measured without process start-up (benches/scale.py).

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use serde::Serialize;

use super::output::{self, BatchSummary, Output, Summary};
use crate::index::schema::open;
use crate::index::search::{self, Filters, Marks, Request, Sort};
use crate::model::Outcome;

/// One query of the file: the query and its filters.
#[derive(Debug)]
pub struct Line {
    pub query: String,
    pub filters: Filters,
    /// Count the hits per body, year, outcome and kind (`--facets`).
    pub facets: bool,
}

/// What one query gave, as `--json` prints it (one line per query).
#[derive(Debug, Serialize)]
struct Timed<'a> {
    query: &'a str,
    total: usize,
    hits: usize,
    /// The fastest of the timed runs, in microseconds.
    micros: u64,
}

/// Reads a queries file: one query a line, `#` comments and blank lines skipped; filters after
/// a tab as `--body=B --from=YYYY-MM-DD --to=YYYY-MM-DD --outcome=O --case=N --facets`.
pub fn read_lines(text: &str) -> Result<Vec<Line>, String> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let (query, flags) = raw.split_once('\t').unwrap_or((raw, ""));
        let mut filters = Filters::default();
        let mut facets = false;
        for flag in flags.split("--").map(str::trim).filter(|f| !f.is_empty()) {
            if flag == "facets" {
                facets = true;
                continue;
            }
            let (key, value) = flag
                .split_once('=')
                .ok_or_else(|| format!("line {}: {flag:?} is not --name=value", n + 1))?;
            let date = || {
                NaiveDate::parse_from_str(value, "%Y-%m-%d")
                    .map_err(|_| format!("line {}: {value:?} is not YYYY-MM-DD", n + 1))
            };
            match key {
                "body" => filters.body = Some(value.to_string()),
                "case" => filters.case = Some(value.to_string()),
                "from" => filters.from = Some(date()?),
                "to" => filters.to = Some(date()?),
                "outcome" => {
                    let o = <Outcome as clap::ValueEnum>::from_str(value, true)
                        .map_err(|_| format!("line {}: no outcome {value:?}", n + 1))?;
                    filters.outcome = Some(o);
                }
                _ => return Err(format!("line {}: unknown filter --{key}", n + 1)),
            }
        }
        out.push(Line {
            query: query.trim().to_string(),
            filters,
            facets,
        });
    }
    Ok(out)
}

/// Runs every query of `file` `repeat` times after one untimed pass (a warm index), prints
/// one line per query and the latency summary.
pub fn run(
    index_dir: &Path,
    file: &Path,
    repeat: usize,
    limit: usize,
    out: &Output,
) -> anyhow::Result<i32> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", file.display()))?;
    let lines = read_lines(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    if lines.is_empty() {
        anyhow::bail!("{}: no queries", file.display());
    }
    let (index, fields) = open(index_dir, false)?;
    let searcher = index.reader()?.searcher();
    let marks = Marks {
        open: "",
        close: "",
    };
    let request = |l: &Line| Request {
        query: l.query.clone(),
        filters: l.filters.clone(),
        limit,
        sort: Sort::Relevance,
        facets: l.facets,
        ..Request::default()
    };
    let started = Instant::now();
    let mut all = Vec::new();
    let mut w = output::stdout();
    for l in &lines {
        let req = request(l);
        let found = search::search_with(&index, &fields, &searcher, &req, marks)?;
        let mut best = u64::MAX;
        for _ in 0..repeat.max(1) {
            let t = Instant::now();
            search::search_with(&index, &fields, &searcher, &req, marks)?;
            let micros = t.elapsed().as_micros() as u64;
            all.push(micros);
            best = best.min(micros);
        }
        let timed = Timed {
            query: &l.query,
            total: found.total,
            hits: found.hits.len(),
            micros: best,
        };
        if out.json {
            output::write_json(&mut w, &timed)?;
        } else {
            writeln!(
                w,
                "{:>9.3} ms  {:>7} hits  {}",
                best as f64 / 1000.0,
                found.total,
                l.query
            )?;
        }
    }
    w.flush()?;
    all.sort_unstable();
    let pick = |q: f64| all[((all.len() - 1) as f64 * q).round() as usize] as f64 / 1000.0;
    let seconds: f64 = all.iter().sum::<u64>() as f64 / 1e6;
    out.summary(Summary::SearchBatch(BatchSummary {
        index: index_dir.display().to_string(),
        queries: lines.len(),
        runs: all.len(),
        p50_ms: pick(0.5),
        p99_ms: pick(0.99),
        max_ms: pick(1.0),
        queries_per_second: all.len() as f64 / seconds.max(1e-9),
        seconds: started.elapsed().as_secs_f64(),
    }));
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_carry_their_filters() {
        let lines = read_lines(
            "# words\nindkøb\n\nlokalplan\t--outcome=godkendt --from=2024-01-01 --body=Klima-, Teknik- og Miljøudvalget\n",
        )
        .unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].query, "indkøb");
        assert!(!lines[0].facets);
        let f = &lines[1].filters;
        assert_eq!(f.outcome, Some(Outcome::Godkendt));
        assert_eq!(f.body.as_deref(), Some("Klima-, Teknik- og Miljøudvalget"));
        assert_eq!(f.from, NaiveDate::from_ymd_opt(2024, 1, 1));
        assert!(read_lines("x\t--year=2020").is_err());
        assert!(read_lines("x\t--from=2020").is_err());
    }
}
