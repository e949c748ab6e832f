//! `referat export`: documents as NDJSON, parsed from files or read back from an index.

use std::io::Write;
use std::path::PathBuf;

use super::args::IndexArg;
use super::output::{self, ExportIndexSummary, ExportSummary, Output, Summary};
use super::tables;
use crate::index::stored;
use crate::pipeline;
use crate::read::walk;
use crate::report::{Entry, Report, Status};

/// Walk folders, parse every document in parallel and write NDJSON sorted by path; or, with
/// --from-index (or no paths), write the records stored in an index (no parsing).
///
/// Examples:
///   referat export corpus --out corpus.ndjson
///   referat export --from-index --query 'beslutning:udsat' --out udsat.ndjson
///   REFERAT_INDEX=/srv/idx referat export > records.ndjson
///   referat export corpus --out /dev/null --tables budget.xlsx   (or budget.csv)
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or folders to export; none reads the index.
    paths: Vec<PathBuf>,
    /// Where to write the NDJSON (`-` for stdout).
    #[arg(long, short, default_value = "-")]
    out: PathBuf,
    /// Export the records stored in the index instead of parsing paths.
    #[arg(long, conflicts_with = "paths")]
    from_index: bool,
    #[command(flatten)]
    index: IndexArg,
    /// With the index: only the records matching this query (search's query language).
    #[arg(long, conflicts_with = "paths")]
    query: Option<String>,
    /// Write a JSON audit report of every file seen to this file (schemas/report.schema.json).
    #[arg(long, value_name = "FILE", conflicts_with = "from_index")]
    report: Option<PathBuf>,
    /// Also write the documents' tables as a spreadsheet: `.xlsx` (an index sheet, then one
    /// sheet per table, figures as numbers) or `.csv` (one row per budget record).
    #[arg(long, value_name = "FILE", conflicts_with = "from_index")]
    tables: Option<PathBuf>,
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    if args.from_index || args.paths.is_empty() {
        return from_index(&args, out);
    }
    if let Some(t) = &args.tables {
        tables::check_path(t)?;
    }
    let mut documents = Vec::new();
    let walk::Walked {
        files,
        skipped,
        errors: walk_errors,
    } = out.walk(&args.paths);
    let bar = out.progress(files.len() as u64, "parsing");
    let mut sink = output::sink(&args.out)?;
    let (mut exported, mut failed) = (0, walk_errors.len());
    let mut entries: Vec<Entry> = skipped
        .iter()
        .map(|(p, why)| Entry::skipped(p, why))
        .collect();
    entries.extend(walk_errors.iter().map(|e| Entry::failed(e, 0)));
    pipeline::parse_each(&files, |_, r, millis| -> anyhow::Result<()> {
        bar.inc(1);
        match r {
            Ok(p) => {
                output::write_document(&mut sink, &p.document, false)?;
                entries.push(Entry::parsed(
                    &p.document,
                    Status::Exported,
                    p.partial,
                    p.engine,
                    millis,
                ));
                exported += 1;
                if args.tables.is_some() {
                    documents.push(p.document);
                }
            }
            Err(e) => {
                bar.suspend(|| out.error(&e));
                entries.push(Entry::failed(&e, millis));
                failed += 1;
            }
        }
        Ok(())
    })?;
    if let Some(path) = &args.report {
        super::args::write_report(path, Report::new("export", entries))?;
    }
    bar.finish_and_clear();
    sink.flush()?;
    if let Some(t) = &args.tables {
        tables::write(t, &documents)?;
    }
    out.summary(Summary::Export(ExportSummary {
        files: files.len(),
        skipped: skipped.len(),
        exported,
        failed,
        out: args.out.to_string_lossy().into_owned(),
    }));
    Ok(if failed > 0 { 1 } else { 0 })
}

fn from_index(args: &Args, out: Output) -> anyhow::Result<i32> {
    let dir = &args.index.dir;
    let mut sink = output::sink(&args.out)?;
    let n = stored::export(dir, args.query.as_deref(), |r| {
        output::write_json(&mut sink, r)?;
        Ok(())
    })?;
    sink.flush()?;
    out.summary(Summary::ExportIndex(ExportIndexSummary {
        index: dir.to_string_lossy().into_owned(),
        exported: n,
        out: args.out.to_string_lossy().into_owned(),
    }));
    Ok(0)
}
