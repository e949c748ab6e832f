//! `referat text`: the text of a file as the parsers read it, to see why it parsed as it did.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::output::{self, Output};
use crate::error::{Error, PdfFailure};
use crate::model::Format;
use crate::pdf::{self, row::Method};
use crate::pipeline;
use crate::read::SourceFile;

/// Print the text of a file as the parsers read it: decoded or extracted from the PDF, page
/// furniture removed, table columns as TABs, wrapped lines joined.
///
/// Useful to see why a document parsed as it did. With --json, one object per line:
/// {"page", "line"}.
///
/// With --tables (PDFs), the tables the layout found instead: each with its page, its box in
/// points from the top left `[x0, top, x1, bottom]`, whether it came from the rules drawn around
/// its cells or from the white columns between its figures, and its rows (cells separated by
/// TABs). With --json, one object per table.
///
///   referat text --tables budget.pdf
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to show.
    file: PathBuf,
    /// Prefix each line with its page number (PDFs).
    #[arg(long)]
    pages: bool,
    /// Show the tables the PDF layout found, with page, box and method, instead of the text.
    #[arg(long, conflicts_with = "pages")]
    tables: bool,
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    if args.tables {
        return tables(&args.file, out);
    }
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

/// `--tables`: the tables of a PDF as its layout found them.
fn tables(path: &Path, out: Output) -> anyhow::Result<i32> {
    let found = SourceFile::load(path).and_then(|f| {
        if f.format != Format::Pdf {
            return Err(Error::Pdf {
                path: path.to_path_buf(),
                kind: PdfFailure::NotPdf,
                reason: "not a PDF: --tables reads the tables of a PDF's pages".into(),
            });
        }
        pdf::pdf_tables(&f.path, &f.bytes)
    });
    let found = match found {
        Ok(x) => x,
        Err(e) => {
            out.error(&e);
            return Ok(1);
        }
    };
    let mut w = output::stdout();
    for t in &found {
        if out.json {
            output::write_json(&mut w, t)?;
            continue;
        }
        let [x0, top, x1, bottom] = t.bbox;
        let how = match t.method {
            Method::Rules => "rules",
            Method::Whitespace => "whitespace",
        };
        writeln!(
            w,
            "page {}  {how}  [{x0:.0}, {top:.0}, {x1:.0}, {bottom:.0}]  {} rows x {} columns",
            t.page, t.rows, t.columns
        )?;
        for line in &t.lines {
            writeln!(w, "  {line}")?;
        }
        writeln!(w)?;
    }
    w.flush()?;
    Ok(0)
}
