//! The command line: the clap definitions of the global options and the commands, and the
//! mapping of a command's result to an exit code. Each command lives in a file of its own;
//! `output` holds the one rule for what goes to stdout and stderr.
//!
//! Exit codes: 0 all went well (also when the reader of stdout went away), 1 some input files
//! failed (the others were processed), 2 the command itself could not run.

mod args;
mod batch;
mod case;
mod export;
mod ingest;
pub mod output;
mod parse;
mod schema;
mod search;
mod serve;
mod stats;
mod tables;
mod text;
mod xlsx;

use clap::{Parser, Subcommand};

use output::Output;

#[derive(Debug, Parser)]
#[command(
    name = "referat",
    version,
    about = "Turn Danish municipal meeting documents (referater, dagsordener, reports) into structured, searchable data",
    long_about = "referat reads minutes (referater), agendas (dagsordener), reports and bilag (text, PDF, Word, \
meeting-portal HTML, case-system XML, FirstAgenda JSON) \
and parses each into a typed record: the meeting (body, date, place), its agenda items (punkter) with case \
numbers, bilag, sections, recommendation (indstilling with its \"at\" clauses) and decisions (beslutninger \
with a normalised outcome and dissents), and tables with typed budget records.\n\n\
Examples:\n  referat parse corpus/referat-direktionen-2015-01-06.txt\n  referat parse --ndjson corpus/*.txt\n  \
referat export corpus --out corpus.ndjson\n  referat ingest corpus\n  referat search indkøb\n  referat case 14/689\n  referat serve\n  referat schema > schemas/document.schema.json\n\n\
Output: results on stdout; file errors, warnings and summaries on stderr (one JSON object a line \
with --json, described by `referat schema --of diagnostic`).\n\n\
Exit codes: 0 success, 1 some files failed (each reported with its path and reason; the rest are processed), \
2 the command could not run.\n\n\
Environment:\n  REFERAT_INDEX             the index folder (default referat-index)\n  \
REFERAT_PDF_TIMEOUT_SECS  time limit per PDF (default 30)\n  \
REFERAT_PDF_ENGINE        native (default; pdf-extract for what it declines) or pdf-extract\n  \
REFERAT_PDF_MAX_DECODED_MB  decoded-stream budget per PDF (default 256)\n  \
REFERAT_MAX_FILE_MB       largest file read (default 512)"
)]
pub struct Cli {
    /// Errors, warnings and summaries as JSON lines on stderr; results as JSON on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// No progress bars, warnings or summaries (errors are still reported).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Worker threads for parsing (default: one per core).
    #[arg(long, short = 'j', global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Parse(parse::Args),
    Export(export::Args),
    Ingest(ingest::Args),
    Search(search::Args),
    Case(case::Args),
    Serve(serve::Args),
    Stats(stats::Args),
    Text(text::Args),
    Schema(schema::Args),
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let out = Output {
        json: cli.json,
        quiet: cli.quiet,
    };
    if let Some(n) = cli.threads {
        // fails only when a pool exists already, which cannot happen this early
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.into())
            .build_global();
    }
    let result = match cli.command {
        Command::Parse(a) => parse::run(a, out),
        Command::Export(a) => export::run(a, out),
        Command::Ingest(a) => ingest::run(a, out),
        Command::Search(a) => search::run(a, out),
        Command::Case(a) => case::run(a, out),
        Command::Serve(a) => serve::run(a, out),
        Command::Stats(a) => stats::run(a, out),
        Command::Text(a) => text::run(a, out),
        Command::Schema(a) => schema::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) if output::is_broken_pipe(&e) => 0,
        Err(e) => {
            out.fatal(&e);
            2
        }
    }
}
