//! `referat parse`: files to their JSON on stdout, streamed in input order.

use std::io::Write;
use std::path::PathBuf;

use super::output::{self, Output, ParseSummary, Summary};
use crate::pipeline;
use crate::read::walk;

/// Parse files and print their JSON: one pretty document for one file, NDJSON for several.
///
/// Folders are walked for .txt/.text/.md/.htm(l)/.pdf files. Documents are written as soon
/// as they are parsed, in path order. A file that cannot be read or parsed is reported on
/// stderr; the others still come out, and the exit code is 1.
///
/// Examples:
///   referat parse corpus/referat-direktionen-2015-01-06.txt
///   referat parse corpus | jq -r .title
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files or folders to parse.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// One document a line, even for a single file.
    #[arg(long)]
    ndjson: bool,
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    let walk::Walked {
        files,
        skipped,
        errors: walk_errors,
    } = out.walk(&args.files);
    let pretty = !args.ndjson && files.len() == 1 && walk_errors.is_empty();
    let mut w = output::stdout();
    let (mut parsed, mut failed) = (0, walk_errors.len());
    pipeline::parse_each(&files, |_, r, _| -> anyhow::Result<()> {
        match r {
            Ok(p) => {
                output::write_document(&mut w, &p.document, pretty)?;
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
