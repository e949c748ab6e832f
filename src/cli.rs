//! The command line: clap definitions, and for each command a function from its arguments to
//! an exit code. Exit codes: 0 all went well, 1 some input files failed (the others were
//! processed), 2 the command itself could not run (bad usage, unwritable output).

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::Error;
use crate::export;
use crate::index_cli;
use crate::pipeline;

#[derive(Debug, Parser)]
#[command(
    name = "referat",
    version,
    about = "Turn Danish municipal meeting documents (referater, dagsordener, reports) into structured, searchable data",
    long_about = "referat reads minutes (referater), agendas (dagsordener), reports and bilag as text or PDF \
and parses each into a typed record: the meeting (body, date, place), its agenda items (punkter) with case \
numbers, bilag, sections, recommendation (indstilling with its \"at\" clauses) and decisions (beslutninger \
with a normalised outcome and dissents), and tables with typed budget records.\n\n\
Examples:\n  referat parse corpus/referat-direktionen-2015-01-06.txt\n  referat parse --ndjson corpus/*.txt\n  \
referat export corpus --out corpus.ndjson\n  referat ingest corpus\n  referat search indkøb\n  referat schema > schemas/document.schema.json\n\n\
Exit codes: 0 success, 1 some files failed (each reported with its path and reason; the rest are processed), \
2 the command could not run.\n\n\
Environment:\n  REFERAT_PDF_TIMEOUT_SECS  time limit per PDF (default 30)\n  \
REFERAT_PDF_ENGINE        native (default; pdf-extract for what it declines) or pdf-extract\n  \
RAYON_NUM_THREADS         worker threads (default: one per core)"
)]
pub struct Cli {
    /// Report errors and summaries as JSON lines instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse files and print their JSON: one pretty document for one file, NDJSON for several.
    ///
    /// Folders are walked for .txt/.text/.md/.htm(l)/.pdf files. A file that cannot be read
    /// or parsed is reported on stderr (and as {"error": …} on stdout with --json); the others
    /// still come out, and the exit code is 1.
    Parse {
        /// Files or folders to parse.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One document a line, even for a single file.
        #[arg(long)]
        ndjson: bool,
    },
    /// Walk folders, parse every document in parallel and write NDJSON sorted by path; or,
    /// with --index, write the records stored in an index (no parsing).
    ///
    /// Examples:
    ///   referat export corpus --out corpus.ndjson
    ///   referat export --index referat-index --query 'beslutning:udsat' --out udsat.ndjson
    Export {
        /// Files or folders to export.
        #[arg(required_unless_present = "index")]
        paths: Vec<PathBuf>,
        /// Where to write the NDJSON (`-` for stdout, the default with --index).
        #[arg(long, short, required_unless_present = "index")]
        out: Option<PathBuf>,
        /// Export the records stored in this index instead of parsing paths.
        #[arg(long, conflicts_with = "paths")]
        index: Option<PathBuf>,
        /// With --index: only the records matching this query (search's query language).
        #[arg(long, requires = "index")]
        query: Option<String>,
    },
    /// Parse files in parallel into a search index; unchanged files are skipped, changed ones
    /// replaced.
    ///
    /// The index is committed every 200 files and at the end, so an interrupted run leaves it
    /// readable. Source paths are stored as given (`./` dropped); run from the same folder to
    /// keep them matching. Prints a summary (JSON on stdout with --json); exit code 1 if any
    /// file failed.
    ///
    /// Examples:
    ///   referat ingest corpus
    ///   referat ingest --index /tmp/idx --prune minutes/ reports/
    Ingest {
        /// Files or folders to index.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        index: IndexArg,
        /// Remove the records of source files that no longer exist.
        #[arg(long)]
        prune: bool,
        /// Commit after this many files.
        #[arg(long, default_value_t = 200, hide = true)]
        commit_every: usize,
    },
    /// Search the index: ranked punkter (and documents without punkter) with snippets.
    ///
    /// QUERY is tantivy's query language over the fields title, indstilling, beslutning,
    /// sections, text, folded (full text, Danish stemming), sagsnr, number, source, doc_id
    /// (exact), body, kind, outcome (exact, any case), year and date. Without a field name a
    /// word is looked up in title, indstilling, beslutning, text and folded; all words must
    /// match. QUERY may be empty when filters are given.
    ///
    /// Examples:
    ///   referat search indkøb
    ///   referat search 'beslutning:udsat' --body Direktionen
    ///   referat search 'sagsnr:"14/689"'
    ///   referat search --outcome udsat --from 2015-01-01 --to 2015-12-31 --json
    Search {
        /// The query (tantivy query language); empty matches everything.
        #[arg(default_value = "")]
        query: String,
        /// Only this body (meeting), e.g. Direktionen; any case.
        #[arg(long)]
        body: Option<String>,
        /// Meetings on or after this date (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Meetings on or before this date (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Only punkter with this outcome (godkendt, udsat, ...).
        #[arg(long)]
        outcome: Option<String>,
        /// Only punkter with this case number (sagsnr), exactly.
        #[arg(long)]
        case: Option<String>,
        /// Search only this field: title, indstilling, beslutning, sections or text.
        #[arg(long = "in", value_name = "SECTION")]
        section: Option<String>,
        /// Only documents of this kind (referat, dagsorden, rapport, bilag, ukendt).
        #[arg(long)]
        kind: Option<String>,
        /// How many hits to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print counts per body, year, outcome and kind.
        #[arg(long)]
        facets: bool,
        #[command(flatten)]
        index: IndexArg,
    },
    /// Numbers of the index: documents, punkter, decisions by outcome, bodies, dates, size.
    Stats {
        #[command(flatten)]
        index: IndexArg,
    },
    /// Print the text of a file as the parsers read it: decoded or extracted from the PDF,
    /// page furniture removed, table columns as TABs, wrapped lines joined.
    ///
    /// Useful to see why a document parsed as it did. With --json, one object per line:
    /// {"page", "line"}.
    Text {
        /// The file to show.
        file: PathBuf,
        /// Prefix each line with its page number (PDFs).
        #[arg(long)]
        pages: bool,
    },
    /// Print a JSON Schema: of the documents (`parse`, `export`), the index records
    /// (`export --index`) or the search output (`search --json`).
    Schema {
        /// Which schema.
        #[arg(long = "of", value_enum, default_value = "document")]
        of: SchemaKind,
    },
}

/// The index folder of the index commands.
#[derive(Debug, clap::Args)]
pub struct IndexArg {
    /// The index folder.
    #[arg(long = "index", env = "REFERAT_INDEX", default_value = crate::index::DEFAULT_DIR)]
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SchemaKind {
    Document,
    Record,
    Search,
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
    let result = match cli.command {
        Command::Parse { files, ndjson } => parse(&files, ndjson, cli.json),
        Command::Export {
            out,
            index: Some(dir),
            query,
            ..
        } => {
            let out = out.unwrap_or_else(|| PathBuf::from("-"));
            index_cli::export_index(&dir, query.as_deref(), &out, cli.json)
        }
        Command::Export {
            paths,
            out,
            index: None,
            ..
        } => {
            let out = out.unwrap_or_else(|| PathBuf::from("-"));
            export_cmd(&paths, &out, cli.json)
        }
        Command::Ingest {
            paths,
            index,
            prune,
            commit_every,
        } => {
            let opts = crate::index::writer::Options {
                commit_every,
                prune,
                ..Default::default()
            };
            index_cli::ingest(&paths, &index.dir, &opts, cli.json)
        }
        Command::Search {
            query,
            body,
            from,
            to,
            outcome,
            case,
            section,
            kind,
            limit,
            facets,
            index,
        } => {
            let filters = crate::index::search::Filters {
                body,
                from,
                to,
                outcome,
                case,
                kind,
            };
            index_cli::search_cmd(&index.dir, query, section, filters, limit, facets, cli.json)
        }
        Command::Stats { index } => index_cli::stats(&index.dir, cli.json),
        Command::Text { file, pages } => show_text(&file, pages, cli.json),
        Command::Schema { of } => {
            let schema = match of {
                SchemaKind::Document => export::schema_json(),
                SchemaKind::Record => crate::index::record_schema_json(),
                SchemaKind::Search => crate::index::search::schema_json(),
            };
            println!("{schema}");
            Ok(0)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if cli.json {
                println!("{}", serde_json::json!({"fatal": format!("{e:#}")}));
            }
            eprintln!("referat: {e:#}");
            2
        }
    }
}

fn report(e: &Error, json: bool, out: &mut dyn Write) -> std::io::Result<()> {
    eprintln!("referat: {e}");
    if json {
        writeln!(out, "{}", export::error_json(e))?;
    }
    Ok(())
}

fn parse(files: &[PathBuf], ndjson: bool, json: bool) -> anyhow::Result<i32> {
    let (files, walk_errors) = pipeline::collect_files(files);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = walk_errors.len();
    for e in &walk_errors {
        report(e, json, &mut out)?;
    }
    let results = pipeline::parse_all(&files, || {});
    let pretty = !ndjson && files.len() == 1 && walk_errors.is_empty();
    for r in results {
        match r {
            Ok(doc) => export::write_document(&mut out, &doc, pretty)?,
            Err(e) => {
                failed += 1;
                report(&e, json, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 { 1 } else { 0 })
}

fn export_cmd(paths: &[PathBuf], out_path: &std::path::Path, json: bool) -> anyhow::Result<i32> {
    let (files, walk_errors) = pipeline::collect_files(paths);
    let bar = progress(files.len() as u64, "parsing");
    let results = pipeline::parse_all(&files, || bar.inc(1));
    bar.finish_and_clear();
    let mut sink = crate::export::sink(out_path)?;
    let mut stderr_json = std::io::stderr();
    let mut written = 0;
    let mut failures = Vec::new();
    for e in walk_errors {
        report(&e, json, &mut stderr_json)?;
        failures.push(e);
    }
    for r in results {
        match r {
            Ok(doc) => {
                export::write_document(&mut sink, &doc, false)?;
                written += 1;
            }
            Err(e) => {
                report(&e, json, &mut stderr_json)?;
                failures.push(e);
            }
        }
    }
    sink.flush()?;
    let summary = serde_json::json!({
        "files": files.len(),
        "exported": written,
        "failed": failures.len(),
        "out": out_path.to_string_lossy(),
    });
    if json {
        eprintln!("{summary}");
    } else {
        eprintln!(
            "referat: exported {written} of {} files to {}{}",
            files.len(),
            out_path.display(),
            if failures.is_empty() {
                String::new()
            } else {
                format!(", {} failed", failures.len())
            }
        );
    }
    Ok(if failures.is_empty() { 0 } else { 1 })
}

fn show_text(file: &std::path::Path, pages: bool, json: bool) -> anyhow::Result<i32> {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(source) => {
            let e = Error::Io {
                path: file.to_path_buf(),
                source,
            };
            report(&e, json, &mut std::io::stdout())?;
            return Ok(1);
        }
    };
    let text = match pipeline::read_text(file, &bytes) {
        Ok((text, _)) => text,
        Err(e) => {
            report(&e, json, &mut std::io::stdout())?;
            return Ok(1);
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (i, line) in text.cleaned.lines.iter().enumerate() {
        let page = text.pages.get(i).copied();
        if json {
            writeln!(out, "{}", serde_json::json!({"page": page, "line": line}))?;
        } else if pages {
            writeln!(out, "{:>4}: {line}", page.unwrap_or(0))?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// A progress bar on a terminal; hidden when stderr is not one.
pub fn progress(len: u64, what: &str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {pos}/{len} files, {per_sec}, eta {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}
