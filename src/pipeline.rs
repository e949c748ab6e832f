//! The whole flow on one screen: `SourceFile → Extracted → Document`. File I/O happens in
//! `read` and `pdf`; everything after extraction is pure (`parse`).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::model::{Document, Format, Source};
use crate::read::{Extracted, SourceFile, decode, docx, firstagenda, plain, webpage, xml};
use crate::{guard, parse, pdf};

/// A parsed file: its document, its text as the parsers read it (one line per line), and how
/// it was read.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub document: Document,
    pub text: String,
    /// Which code read the text, where there is a choice (`native` or `pdf-extract`).
    pub engine: Option<&'static str>,
    /// Something was recovered or lost while reading (a rebuilt PDF, unreadable pages).
    pub partial: bool,
}

/// Stage 2: the file's text, as the parsers will read it, with its source description.
pub fn extract(file: &SourceFile) -> Result<Extracted> {
    let not_text = |reason: String| Error::NotText {
        path: file.path.clone(),
        reason,
    };
    let (text, encoding, pages) = match file.format {
        Format::Text => {
            let (text, encoding) = plain::read(&file.path, &file.bytes)?;
            (text, Some(encoding.to_string()), None)
        }
        Format::Pdf => {
            let (text, pages) = pdf::pdf_text(&file.path, &file.bytes)?;
            (text, None, Some(pages))
        }
        Format::Docx => {
            let text = docx::read(&file.bytes).map_err(not_text)?;
            (text, None, None)
        }
        Format::Html => {
            let d = decode::decode(&file.bytes).map_err(not_text)?;
            (webpage::read(&d.text), Some(d.encoding.to_string()), None)
        }
        Format::Xml => {
            let (text, encoding) = xml::read(&file.bytes);
            (text, Some(encoding.to_string()), None)
        }
        Format::Json => {
            let d = decode::decode(&file.bytes).map_err(not_text)?;
            let value: serde_json::Value = serde_json::from_str(&d.text)
                .map_err(|e| not_text(format!("not valid JSON: {e}")))?;
            let text = firstagenda::read(&value).map_err(not_text)?;
            (text, Some(d.encoding.to_string()), None)
        }
    };
    let source = Source {
        path: file.path.to_string_lossy().into_owned(),
        format: file.format,
        bytes: file.bytes.len() as u64,
        pages,
        encoding,
    };
    Ok(Extracted {
        text: parse::prepare(text),
        source,
    })
}

/// The entry point: one file to its document. Never panics on input: a panic in a parser
/// becomes an error for this file.
pub fn parse(file: &SourceFile) -> Result<Parsed> {
    let extracted = extract(file)?;
    let Extracted { text, source } = extracted;
    let id = file.id();
    let (engine, partial) = (text.engine, !text.warnings.is_empty());
    let document = guard::catch_quietly(|| parse::document(&text, id, source)).map_err(|p| {
        Error::NotText {
            path: file.path.clone(),
            reason: format!("internal parser error: {}", guard::panic_message(&p)),
        }
    })?;
    Ok(Parsed {
        document,
        text: text.cleaned.lines.join("\n"),
        engine,
        partial,
    })
}

/// Reads and parses one file from disk.
pub fn parse_path(path: &Path) -> Result<Document> {
    parse(&SourceFile::load(path)?).map(|p| p.document)
}

/// Reads and parses files in parallel and hands each result, with the milliseconds it took,
/// to `each` in the order of `files`, a few files per thread at a time, so output streams and
/// memory stays bounded; stops at the first error `each` returns (a closed pipe, a full disk).
pub fn parse_each<E>(
    files: &[PathBuf],
    mut each: impl FnMut(&Path, Result<Parsed>, u64) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let chunk = (rayon::current_num_threads() * 4).max(1);
    for group in files.chunks(chunk) {
        let results: Vec<(Result<Parsed>, u64)> = group
            .par_iter()
            .map(|f| {
                let started = std::time::Instant::now();
                let r = SourceFile::load(f).and_then(|file| parse(&file));
                (r, started.elapsed().as_millis() as u64)
            })
            .collect();
        for (f, (r, millis)) in group.iter().zip(results) {
            each(f, r, millis)?;
        }
    }
    Ok(())
}
