//! `referat ingest`: files into the search index, with progress and a summary.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::args::IndexArg;
use super::output::{IngestSummary, Output, Summary};
use crate::index::{ndjson, writer};
use crate::read::walk;
use crate::report::{Entry, Report};

/// Parse files in parallel into a search index; unchanged files are skipped, changed ones
/// replaced.
///
/// The index is committed every 200 files and at the end, so an interrupted run leaves it
/// readable. Source paths are stored as given (`./` dropped); run from the same folder to keep
/// them matching. Prints a summary on stderr; exit code 1 if any file failed.
///
/// With --ndjson the paths are NDJSON files, or folders of part files, of documents parsed
/// elsewhere (`referat parse --stdin-paths`, or `referat parse --ndjson --with-text`); they are
/// indexed as their sources would be, keyed by the source path each document names, unchanged
/// ones (same sha256) skipped. Error lines count as failed files.
///
/// Examples:
///   referat ingest corpus
///   referat ingest --index /tmp/idx --prune minutes/ reports/
///   referat ingest --ndjson parsed/        (the part files of dist/spark/parse_job.py)
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or folders to index.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    index: IndexArg,
    /// Remove the records of source files that no longer exist.
    #[arg(long, conflicts_with = "ndjson")]
    prune: bool,
    /// The paths are NDJSON of parsed documents (files or folders of part files), not sources.
    #[arg(long)]
    ndjson: bool,
    /// Write a JSON audit report of every file seen to this file (schemas/report.schema.json).
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Commit after this many files.
    #[arg(long, default_value_t = 200, hide = true)]
    commit_every: usize,
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    let started = std::time::Instant::now();
    let dir = &args.index.dir;
    let walk::Walked {
        files,
        skipped,
        errors: walk_errors,
    } = if args.ndjson {
        let (files, errors) = ndjson::part_files(&args.paths);
        errors.iter().for_each(|e| out.error(e));
        walk::Walked {
            files,
            errors,
            ..Default::default()
        }
    } else {
        out.walk(&args.paths)
    };
    let opts = writer::Options {
        commit_every: args.commit_every,
        prune: args.prune,
        ..Default::default()
    };
    let bar = if args.ndjson {
        out.spinner("indexing")
    } else {
        out.progress(files.len() as u64, "indexing")
    };
    let errors = AtomicUsize::new(0);
    let on_done = |failed| {
        if failed {
            let n = errors.fetch_add(1, Ordering::Relaxed) + 1;
            bar.set_message(format!("indexing, {n} errors"));
        }
        bar.inc(1);
    };
    let summary = if args.ndjson {
        ndjson::ingest(dir, files, &opts, on_done)?
    } else {
        writer::ingest(dir, &files, &opts, on_done)?
    };
    bar.finish_and_clear();
    for e in &summary.failed {
        out.error(e);
    }
    if let Some(path) = &args.report {
        let mut entries: Vec<Entry> = skipped
            .iter()
            .map(|(p, why)| Entry::skipped(p, why))
            .collect();
        entries.extend(walk_errors.iter().map(|e| Entry::failed(e, 0)));
        entries.extend(summary.entries.iter().cloned());
        super::args::write_report(path, Report::new("ingest", entries))?;
    }
    let failed = walk_errors.len() + summary.failed.len();
    let secs = started.elapsed().as_secs_f64();
    out.summary(Summary::Ingest(IngestSummary {
        index: dir.to_string_lossy().into_owned(),
        files: summary.files,
        skipped: skipped.len(),
        indexed: summary.indexed,
        unchanged: summary.unchanged,
        failed,
        pruned: summary.pruned,
        records_added: summary.records,
        commits: summary.commits,
        seconds: (secs * 1000.0).round() / 1000.0,
    }));
    Ok(if failed > 0 { 1 } else { 0 })
}
