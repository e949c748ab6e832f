//! `referat search`: ranked hits with snippets, as text or one JSON object.

use std::io::{IsTerminal, Write};

use chrono::NaiveDate;

use super::args::IndexArg;
use super::output::{self, Output};
use crate::index::search::{self, Filters, Marks, Request, SearchOutput, Section, Sort};
use crate::model::{Kind, Outcome};

/// Search the index: ranked punkter (and documents without punkter) with snippets.
///
/// QUERY may be typed as a question or as words: a case number (23-011668, 14/32918) finds
/// its case's items first; Danish stop words and question words are dropped, and words such as
/// "besluttede" or "udvalget" only rank; every other word must match, itself, inside a compound
/// (klima finds klimahandlingsplan) or through an everyday synonym (penge finds bevilling).
/// When no record has every word, records with any of them are shown, with a warning.
///
/// A QUERY in tantivy's query language ("phrases", field:word, AND/OR/NOT, +must -not) is
/// read as written, over the fields title, indstilling, beslutning, sections, text, folded,
/// parts (full text, Danish stemming), sagsnr, number, source, doc_id (exact), body, kind,
/// outcome (exact, any case), year and date. QUERY may be empty when filters are given.
///
/// Examples:
///   referat search indkøb
///   referat search 'hvad besluttede udvalget om cykelstier'
///   referat search 23-011668
///   referat search 'beslutning:udsat' --body Direktionen
///   referat search lokalplan --outcome godkendt --sort newest
///   referat search --outcome udsat --from 2015-01-01 --to 2015-12-31 --json
///   referat search --queries benches/queries.tsv --repeat 5
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The query, as words, a question, a case number or tantivy's query language; empty
    /// matches everything.
    #[arg(default_value = "")]
    query: String,
    /// Only this body (meeting), e.g. Direktionen; any case.
    #[arg(long)]
    body: Option<String>,
    /// Meetings on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = date)]
    from: Option<NaiveDate>,
    /// Meetings on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = date)]
    to: Option<NaiveDate>,
    /// Only punkter with this outcome.
    #[arg(long, value_enum)]
    outcome: Option<Outcome>,
    /// Only punkter with this case number (sagsnr), exactly.
    #[arg(long)]
    case: Option<String>,
    /// Search only this field.
    #[arg(long = "in", value_name = "SECTION", value_enum)]
    section: Option<Section>,
    /// Only documents of this kind.
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// How many hits to show.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Run every query of FILE (one a line; filters after a tab as --body=B --from=DATE
    /// --to=DATE --outcome=O --case=N) against the open index, timing each inside the process;
    /// prints one line per query (JSON with --json) and p50/p99 latency on stderr.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["query", "body", "from", "to", "outcome", "case", "section", "kind"])]
    queries: Option<std::path::PathBuf>,
    /// With --queries: how many timed runs of each query (after one untimed warm-up run).
    #[arg(long, default_value_t = 1, requires = "queries")]
    repeat: usize,
    /// The order of the hits: best match first, or by meeting date.
    #[arg(long, value_enum, default_value = "relevance")]
    sort: Sort,
    /// Count the hits per body, year, outcome and kind (printed, and in --json's "facets").
    #[arg(long)]
    facets: bool,
    #[command(flatten)]
    index: IndexArg,
}

/// A date as clap reads it.
fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("expected a date YYYY-MM-DD, not {s:?}"))
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    if let Some(file) = &args.queries {
        return super::batch::run(&args.index.dir, file, args.repeat, args.limit, &out);
    }
    let marks = if out.json {
        search::HTML_MARKS
    } else if std::io::stdout().is_terminal() {
        Marks {
            open: "\x1b[1m",
            close: "\x1b[0m",
        }
    } else {
        Marks {
            open: "**",
            close: "**",
        }
    };
    let req = Request {
        query: args.query,
        section: args.section,
        filters: Filters {
            body: args.body,
            from: args.from,
            to: args.to,
            outcome: args.outcome,
            case: args.case,
            kind: args.kind,
        },
        limit: args.limit,
        sort: args.sort,
        facets: args.facets,
        ..Request::default()
    };
    let found = search::search(&args.index.dir, &req, marks)?;
    for w in &found.warnings {
        out.warning(w);
    }
    let mut w = output::stdout();
    if out.json {
        output::write_json(&mut w, &found)?;
    } else {
        print_hits(&mut w, &found, args.facets)?;
    }
    w.flush()?;
    Ok(0)
}

fn print_hits(w: &mut dyn Write, out: &SearchOutput, facets: bool) -> std::io::Result<()> {
    for (n, h) in out.hits.iter().enumerate() {
        let mut head = vec![h.body.clone().unwrap_or_else(|| h.kind.clone())];
        head.extend(h.date.clone());
        if let Some(num) = &h.number {
            head.push(format!("punkt {num}"));
        }
        writeln!(
            w,
            "{}. {}: {}{}",
            n + 1,
            head.join(" "),
            h.title.as_deref().unwrap_or("(untitled)"),
            h.outcome
                .as_ref()
                .map(|o| format!(" [{o}]"))
                .unwrap_or_default()
        )?;
        let mut where_ = Vec::new();
        if !h.case_numbers.is_empty() {
            where_.push(format!("sag {}", h.case_numbers.join(", ")));
        }
        where_.push(h.source.clone());
        writeln!(w, "   {}  (score {:.2})", where_.join(" · "), h.score)?;
        if !h.snippet.is_empty() {
            writeln!(w, "   {}", h.snippet)?;
        }
    }
    writeln!(w, "{} of {} hits", out.hits.len(), out.total)?;
    if facets {
        for (name, map) in [
            ("body", &out.facets.body),
            ("year", &out.facets.year),
            ("outcome", &out.facets.outcome),
            ("kind", &out.facets.kind),
        ] {
            let counts: Vec<String> = map.iter().map(|(k, v)| format!("{k} {v}")).collect();
            writeln!(w, "{name}: {}", counts.join(", "))?;
        }
    }
    Ok(())
}
