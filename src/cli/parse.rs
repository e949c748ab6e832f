//! `referat parse`: files to their JSON on stdout, streamed in input order; with
//! `--stdin-paths`, a filter that turns a stream of paths into a stream of JSON lines (one per
//! path, documents or error records), as a worker of a distributed job runs it.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use super::output::{self, Output, ParseSummary, Summary};
use crate::error::ErrorLine;
use crate::pipeline::{self, Parsed};
use crate::read::walk;

/// Parse files and print their JSON: one pretty document for one file, NDJSON for several.
///
/// Folders are walked for .txt/.text/.md/.htm(l)/.pdf/.docx/.xml/.json files. Documents are
/// written as soon as they are parsed, in path order. A file that cannot be read or parsed is
/// reported on stderr; the others still come out, and the exit code is 1.
///
/// With --stdin-paths, the paths come from stdin (one a line) and every path gets one line on
/// stdout, flushed at once: its document (with its text), or `{"error": {"path", "code",
/// "reason"}}`. A bad file never ends the run, and the exit code is 0 unless referat could not
/// run at all: the mode a Spark job pipes its partitions through (dist/spark/parse_job.py).
///
/// Examples:
///   referat parse corpus/referat-direktionen-2015-01-06.txt
///   referat parse corpus | jq -r .title
///   find /archive -name '*.pdf' | referat parse --stdin-paths > parsed.ndjson
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or folders to parse.
    #[arg(
        required_unless_present = "stdin_paths",
        conflicts_with = "stdin_paths"
    )]
    files: Vec<PathBuf>,
    /// One document a line, even for a single file.
    #[arg(long)]
    ndjson: bool,
    /// Read the paths of the files from stdin, one a line; write one JSON line per path
    /// (implies --ndjson and --with-text; errors become `{"error": …}` lines; exit code 0).
    #[arg(long)]
    stdin_paths: bool,
    /// Add the text the parsers read to each document (`text`), which `ingest --ndjson` needs
    /// to index documents without agenda items.
    #[arg(long)]
    with_text: bool,
    /// Parse nothing: print the files the folders hold that would be parsed, one a line (the
    /// list a distributed job hands out to `--stdin-paths`).
    #[arg(long, conflicts_with_all = ["ndjson", "with_text"])]
    list: bool,
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    if args.stdin_paths {
        return from_stdin(out);
    }
    let walk::Walked {
        files,
        skipped,
        errors: walk_errors,
    } = out.walk(&args.files);
    if args.list {
        return list(&files, walk_errors.len());
    }
    let pretty = !args.ndjson && files.len() == 1 && walk_errors.is_empty();
    let mut w = output::stdout();
    let (mut parsed, mut failed) = (0, walk_errors.len());
    pipeline::parse_each(&files, |_, r, _| -> anyhow::Result<()> {
        match r {
            Ok(p) => {
                output::write_document(&mut w, &document(p, args.with_text), pretty)?;
                parsed += 1;
            }
            Err(e) => {
                w.flush()?;
                out.error(&e);
                failed += 1;
            }
        }
        Ok(())
    })?;
    w.flush()?;
    out.summary(Summary::Parse(ParseSummary {
        files: files.len(),
        skipped: skipped.len(),
        parsed,
        failed,
    }));
    Ok(if failed > 0 { 1 } else { 0 })
}

fn document(p: Parsed, with_text: bool) -> crate::model::Document {
    let mut doc = p.document;
    if with_text {
        doc.text = Some(p.text);
    }
    doc
}

/// `--stdin-paths`: reads a few paths per thread at a time, parses them in parallel and writes
/// their lines in input order, each flushed, so a pipe's reader sees every result at once.
fn from_stdin(out: Output) -> anyhow::Result<i32> {
    let batch = rayon::current_num_threads() * 4;
    let mut input = std::io::stdin().lock();
    let mut w = output::stdout();
    let (mut files, mut parsed, mut failed) = (0, 0, 0);
    let mut line = Vec::new();
    loop {
        let mut paths = Vec::with_capacity(batch);
        while paths.len() < batch {
            line.clear();
            if input.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            if let Some(p) = path_of(&line) {
                paths.push(p);
            }
        }
        if paths.is_empty() {
            break;
        }
        files += paths.len();
        pipeline::parse_each(&paths, |_, r, _| -> anyhow::Result<()> {
            match r {
                Ok(p) => {
                    output::write_document(&mut w, &document(p, true), false)?;
                    parsed += 1;
                }
                Err(e) => {
                    output::write_json(&mut w, &ErrorLine { error: (&e).into() })?;
                    out.error(&e);
                    failed += 1;
                }
            }
            w.flush()?;
            Ok(())
        })?;
    }
    out.summary(Summary::Parse(ParseSummary {
        files,
        skipped: 0,
        parsed,
        failed,
    }));
    Ok(0)
}

/// `--list`: the walked files, one a line, as raw bytes on Unix; no summary.
fn list(files: &[PathBuf], failed: usize) -> anyhow::Result<i32> {
    let mut w = output::stdout();
    for f in files {
        #[cfg(unix)]
        w.write_all(std::os::unix::ffi::OsStrExt::as_bytes(f.as_os_str()))?;
        #[cfg(not(unix))]
        w.write_all(f.to_string_lossy().as_bytes())?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(if failed > 0 { 1 } else { 0 })
}

/// A path from one line of stdin: the line's bytes without its end, none for a blank line.
/// On Unix any bytes make a path (archives have Latin-1 file names).
fn path_of(line: &[u8]) -> Option<PathBuf> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(line)))
    }
    #[cfg(not(unix))]
    {
        Some(PathBuf::from(String::from_utf8_lossy(line).into_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_a_line() {
        assert_eq!(
            path_of(b"corpus/a.txt\n"),
            Some(PathBuf::from("corpus/a.txt"))
        );
        assert_eq!(path_of(b"a b.pdf\r\n"), Some(PathBuf::from("a b.pdf")));
        assert_eq!(path_of(b"  \n"), None);
        assert_eq!(path_of(b""), None);
    }
}
