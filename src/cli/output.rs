//! What the user sees, by one rule for every command: results go to stdout; file errors,
//! warnings, summaries and fatal errors go to stderr, as text or, with `--json`, as one JSON
//! object a line (`schemas/diagnostic.schema.json`). `--quiet` hides progress bars, warnings
//! and summaries, never errors. A reader that goes away (`| head`) ends a command quietly.

use std::io::{BufWriter, IsTerminal, Write};

use schemars::JsonSchema;
use serde::Serialize;

use crate::error::{Error, FileError};
use crate::model::Document;

/// How a command reports: the global `--json` and `--quiet`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Output {
    pub json: bool,
    pub quiet: bool,
}

/// One line on stderr under `--json`.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Diagnostic {
    /// A file that could not be read or parsed; the run went on without it.
    Error(FileError),
    /// Something the user should know that did not stop the command.
    Warning(Message),
    /// What a command did, once at its end.
    Summary(Summary),
    /// The command could not run (exit code 2).
    Fatal(Message),
    /// `referat serve` is listening (once, at its start).
    Serving(Serving),
}

/// Where `referat serve` answers.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Serving {
    /// The address to open, `http://127.0.0.1:8080`.
    pub url: String,
    pub index: String,
    /// Whether closed items are served in full (`--include-closed`).
    pub include_closed: bool,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Message {
    pub message: String,
}

/// The summary of a command, tagged by the command.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Summary {
    Parse(ParseSummary),
    Export(ExportSummary),
    Ingest(IngestSummary),
    ExportIndex(ExportIndexSummary),
    SearchBatch(BatchSummary),
}

/// `search --queries`: the latency of the queries, each timed inside the process.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BatchSummary {
    pub index: String,
    pub queries: usize,
    /// Timed runs in all (queries × `--repeat`).
    pub runs: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Timed runs per second of search time, on one thread.
    pub queries_per_second: f64,
    /// Wall time of the whole batch, warm-up runs included.
    pub seconds: f64,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ParseSummary {
    /// Files found to parse.
    pub files: usize,
    /// Files passed over inside folders (lock files, system litter, unknown formats).
    pub skipped: usize,
    pub parsed: usize,
    /// Files and paths that failed (each reported as an error line).
    pub failed: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ExportSummary {
    pub files: usize,
    /// Files passed over inside folders (lock files, system litter, unknown formats).
    pub skipped: usize,
    pub exported: usize,
    pub failed: usize,
    /// Where the NDJSON went (`-` for stdout).
    pub out: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct IngestSummary {
    pub index: String,
    /// Files found to index.
    pub files: usize,
    /// Files passed over inside folders (lock files, system litter, unknown formats).
    pub skipped: usize,
    /// Files parsed and (re)indexed.
    pub indexed: usize,
    /// Files skipped because their sha256 is already indexed for their path.
    pub unchanged: usize,
    pub failed: usize,
    /// Source files whose records `--prune` removed.
    pub pruned: usize,
    pub records_added: usize,
    pub commits: usize,
    pub seconds: f64,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ExportIndexSummary {
    pub index: String,
    pub exported: usize,
    pub out: String,
}

impl Summary {
    /// The summary as one line for people.
    fn text(&self) -> String {
        match self {
            Summary::Parse(s) => format!(
                "parsed {} of {} files{}{}",
                s.parsed,
                s.files,
                failed(s.failed),
                skipped(s.skipped)
            ),
            Summary::Export(s) => format!(
                "exported {} of {} files to {}{}{}",
                s.exported,
                s.files,
                s.out,
                failed(s.failed),
                skipped(s.skipped)
            ),
            Summary::Ingest(s) => format!(
                "{} files seen: {} indexed, {} unchanged, {} failed, {} pruned{} ({} records added, {:.2} s) in {}",
                s.files,
                s.indexed,
                s.unchanged,
                s.failed,
                s.pruned,
                skipped(s.skipped),
                s.records_added,
                s.seconds,
                s.index
            ),
            Summary::ExportIndex(s) => {
                format!(
                    "exported {} records from {} to {}",
                    s.exported, s.index, s.out
                )
            }
            Summary::SearchBatch(s) => format!(
                "{} queries, {} timed runs on {}: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms, {:.0} queries/s",
                s.queries, s.runs, s.index, s.p50_ms, s.p99_ms, s.max_ms, s.queries_per_second
            ),
        }
    }
}

fn skipped(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(" ({n} other files skipped)")
    }
}

fn failed(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(", {n} failed")
    }
}

impl Output {
    fn emit(&self, d: &Diagnostic, text: impl FnOnce() -> String) {
        let mut err = std::io::stderr().lock();
        let _ = if self.json {
            let line = serde_json::to_string(d).expect("a diagnostic always serialises");
            writeln!(err, "{line}")
        } else {
            writeln!(err, "referat: {}", text())
        };
    }

    /// A file that failed; always shown.
    pub fn error(&self, e: &Error) {
        self.emit(&Diagnostic::Error(e.into()), || e.to_string());
    }

    pub fn warning(&self, message: &str) {
        if !self.quiet {
            let d = Diagnostic::Warning(Message {
                message: message.to_string(),
            });
            self.emit(&d, || message.to_string());
        }
    }

    pub fn summary(&self, s: Summary) {
        if !self.quiet {
            let text = s.text();
            self.emit(&Diagnostic::Summary(s), || text);
        }
    }

    /// Where the server listens; shown unless `--quiet`.
    pub fn serving(&self, s: Serving) {
        if !self.quiet {
            let text = format!(
                "serving {} on {} (read-only{}; Ctrl-C stops)",
                s.index,
                s.url,
                if s.include_closed {
                    ", closed items in full"
                } else {
                    ""
                }
            );
            self.emit(&Diagnostic::Serving(s), || text);
        }
    }

    /// The command could not run; always shown.
    pub fn fatal(&self, e: &anyhow::Error) {
        let message = format!("{e:#}");
        let d = Diagnostic::Fatal(Message {
            message: message.clone(),
        });
        self.emit(&d, || message);
    }

    /// Walks the paths a command was given and reports the paths that could not be walked.
    pub fn walk(&self, paths: &[std::path::PathBuf]) -> crate::read::walk::Walked {
        let walked = crate::read::walk::walk(paths);
        for e in &walked.errors {
            self.error(e);
        }
        walked
    }

    /// A progress bar on a terminal; hidden with `--quiet` or when stderr is not a terminal.
    pub fn progress(&self, len: u64, what: &str) -> indicatif::ProgressBar {
        if self.quiet || !std::io::stderr().is_terminal() {
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

    /// A counter for work of unknown length (NDJSON lines), shown as `progress` is.
    pub fn spinner(&self, what: &str) -> indicatif::ProgressBar {
        if self.quiet || !std::io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg}: {pos} documents, {per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.set_message(what.to_string());
        bar
    }
}

/// The JSON Schema of the stderr lines under `--json`, as committed in `schemas/`.
pub fn diagnostic_schema_json() -> String {
    let schema = schemars::schema_for!(Diagnostic);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}

/// Buffered, locked stdout for a command's results.
pub fn stdout() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

/// Where results go: a file, or stdout for `-`.
pub fn sink(path: &std::path::Path) -> anyhow::Result<Box<dyn Write>> {
    Ok(if path.as_os_str() == "-" {
        Box::new(stdout())
    } else {
        let f = std::fs::File::create(path)
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
        Box::new(BufWriter::new(f))
    })
}

/// Writes one document: pretty JSON, or one NDJSON line.
pub fn write_document(out: &mut dyn Write, doc: &Document, pretty: bool) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, doc)?;
    } else {
        serde_json::to_writer(&mut *out, doc)?;
    }
    out.write_all(b"\n")
}

/// Writes a value as one JSON line.
pub fn write_json(out: &mut dyn Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Whether an error is the reader of stdout having gone away (`referat … | head`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
