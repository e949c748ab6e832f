//! `referat text`: the text of a file as the parsers read it, to see why it parsed as it did.

use std::io::Write;
use std::path::PathBuf;

use super::output::{self, Output};
use crate::pipeline;
use crate::read::SourceFile;

/// Print the text of a file as the parsers read it: decoded or extracted from the PDF, page
/// furniture removed, table columns as TABs, wrapped lines joined.
///
/// Useful to see why a document parsed as it did. With --json, one object per line:
/// {"page", "line"}.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to show.
    file: PathBuf,
    /// Prefix each line with its page number (PDFs).
    #[arg(long)]
    pages: bool,
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    let extracted = match SourceFile::load(&args.file).and_then(|f| pipeline::extract(&f)) {
        Ok(x) => x,
        Err(e) => {
            out.error(&e);
            return Ok(1);
        }
    };
    let text = &extracted.text;
    let mut w = output::stdout();
    for (i, line) in text.cleaned.lines.iter().enumerate() {
        let page = text.page(i);
        if out.json {
            output::write_json(&mut w, &serde_json::json!({"page": page, "line": line}))?;
        } else if args.pages {
            writeln!(w, "{:>4}: {line}", page.unwrap_or(0))?;
        } else {
            writeln!(w, "{line}")?;
        }
    }
    w.flush()?;
    Ok(0)
}
