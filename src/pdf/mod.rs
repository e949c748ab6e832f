//! The PDF stage: bytes of a PDF to the text type every reader produces. The only folder that
//! touches a PDF library; it runs the work behind a boundary (its own thread, a time limit,
//! panics caught) so that a broken, encrypted, scanned or pathological file becomes a clear
//! error for that file alone.
//!
//! - `engine` (with `lexer` and `font`): referat's own text interpreter on lopdf;
//! - `fallback`: pdf-extract, for what the engine declines;
//! - `lines`: glyphs to lines (both engines); `columns`, `row`, `header`: table columns from
//!   word extents;
//! - `pages`: running headers and footers out, hyphenation undone, list markers;
//! - `recover`: damaged files rebuilt from their objects; `limits`: memory and time bounds.

mod cells;
pub mod columns;
pub mod engine;
mod fallback;
pub mod font;
mod header;
pub mod lattice;
pub mod lexer;
pub mod limits;
pub mod lines;
pub mod pages;
pub mod recover;
pub mod row;
pub mod rules;
pub mod stacks;
pub mod words;

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use crate::error::{Error, Failure, PdfFailure, Result};
use crate::guard;
use crate::read::Text;
use lines::Laid;

/// Environment variable with the time limit per PDF in seconds.
pub const TIMEOUT_ENV: &str = "REFERAT_PDF_TIMEOUT_SECS";
/// Time limit per PDF when the environment does not set one.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The time limit per PDF: `REFERAT_PDF_TIMEOUT_SECS` (fractions allowed) or 30 s.
pub fn timeout() -> Duration {
    std::env::var(TIMEOUT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(DEFAULT_TIMEOUT)
}

fn failure(path: &Path, kind: PdfFailure, reason: String) -> Error {
    Error::Pdf {
        path: path.to_path_buf(),
        kind,
        reason,
    }
}

/// The text of a PDF, page by page, cleaned, and its page count.
pub fn pdf_text(path: &Path, bytes: &[u8]) -> Result<(Text, u32)> {
    let laid = laid(path, bytes)?;
    let count = laid.pages.len() as u32;
    if !has_text(&laid.pages) {
        return Err(failure(
            path,
            PdfFailure::NoText,
            "no text layer (a scan?): OCR would be needed".into(),
        ));
    }
    let (cleaned, page_of) = pages::clean_pages(laid.pages);
    Ok((
        Text {
            cleaned,
            pages: page_of,
            engine: Some(laid.engine),
            warnings: laid.warnings,
            structure: None,
        },
        count,
    ))
}

/// The tables found on each page of a PDF, with how they were found (`referat text --tables`).
pub fn pdf_tables(path: &Path, bytes: &[u8]) -> Result<Vec<row::Found>> {
    Ok(laid(path, bytes)?.tables)
}

/// The pages of a PDF laid out as lines, read behind the boundary: a thread of its own, the
/// time limit, panics caught.
fn laid(path: &Path, bytes: &[u8]) -> Result<Laid> {
    let fail = |kind: PdfFailure, reason: String| failure(path, kind, reason);
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(fail(
            PdfFailure::NotPdf,
            "not a PDF (no %PDF- header)".into(),
        ));
    }
    let limit = timeout();
    let owned = bytes.to_vec();
    let (tx, rx) = mpsc::channel();
    // A thread of its own, so a file that never finishes can be abandoned.
    std::thread::Builder::new()
        .name("referat-pdf".into())
        .spawn(move || {
            limits::set_deadline(std::time::Instant::now() + limit);
            let r = guard::catch_quietly(|| read_lines(&owned)).unwrap_or_else(|p| {
                let message = guard::panic_message(&p);
                Err((
                    PdfFailure::Panic,
                    format!("the PDF reader panicked: {message}"),
                ))
            });
            let _ = tx.send(r);
        })
        .map_err(|e| {
            fail(
                PdfFailure::Damaged,
                format!("cannot start the PDF reader: {e}"),
            )
        })?;
    match rx.recv_timeout(limit) {
        Ok(Ok(p)) => Ok(p),
        Ok(Err((kind, reason))) => Err(fail(kind, reason)),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(fail(
            PdfFailure::Timeout,
            format!(
                "timeout: reading the PDF took longer than {:.1} s (set {TIMEOUT_ENV})",
                limit.as_secs_f64()
            ),
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(fail(PdfFailure::Panic, "the PDF reader stopped".into()))
        }
    }
}

/// Loads the document and lays out each page's glyphs as lines (runs in the worker thread).
/// A file that does not load, or loads without any text, is rebuilt from its objects
/// (`recover`) and read again; the first answer stands when that gives nothing better.
fn read_lines(bytes: &[u8]) -> std::result::Result<Laid, Failure> {
    let first = load(bytes).and_then(|doc| lay_out(&doc));
    match &first {
        Ok(laid) if has_text(&laid.pages) => return first,
        Err((PdfFailure::Encrypted | PdfFailure::TooLarge, _)) => return first,
        _ => {}
    }
    if limits::expired() {
        return Err(limits::timed_out());
    }
    let rebuilt = recover::rebuild(bytes)
        .ok_or_else(|| (PdfFailure::Damaged, "no objects found".to_string()))
        .and_then(|b| load(&b))
        .and_then(|mut doc| {
            let repaired = recover::repair_page_tree(&mut doc);
            let mut laid = lay_out(&doc)?;
            let mut what =
                "its cross-reference table was unusable; rebuilt from its objects".to_string();
            if repaired {
                what.push_str(", with a new page tree");
            }
            laid.warnings.insert(0, format!("damaged PDF: {what}"));
            Ok(laid)
        });
    match rebuilt {
        Ok(laid) if has_text(&laid.pages) => Ok(laid),
        Err(e @ (PdfFailure::TooLarge, _)) => Err(e),
        _ => first,
    }
}

fn has_text(pages: &[Vec<String>]) -> bool {
    pages.iter().flatten().any(|l| !l.trim().is_empty())
}

/// Each page's glyphs laid out as lines, by the engine `REFERAT_PDF_ENGINE` picks, once the
/// document is known to fit the memory budget.
fn lay_out(doc: &pdf_extract::Document) -> std::result::Result<Laid, Failure> {
    limits::check(doc, limits::budget())?;
    if engine_choice() == Engine::Native {
        // declined (a font kind it does not read), or a bug of its own: pdf-extract reads the
        // whole document
        let native = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine::read(doc)));
        if let Ok(Ok(laid)) = native {
            return Ok(laid);
        }
        if limits::expired() {
            return Err(limits::timed_out());
        }
    }
    fallback::read(doc)
}

/// Parses a PDF's object structure (and decrypts it when no password is needed).
pub fn load(bytes: &[u8]) -> std::result::Result<pdf_extract::Document, Failure> {
    // padding after the end (NULs, blank lines) hides the trailer from the reader: cut it
    let end = bytes
        .iter()
        .rposition(|b| *b != 0 && !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let body = &bytes[..end];
    let complete = body.ends_with(b"%%EOF");
    let mut doc = pdf_extract::Document::load_mem(body).map_err(|e| {
        if complete {
            (PdfFailure::Damaged, format!("damaged PDF: {e}"))
        } else {
            (
                PdfFailure::Truncated,
                format!("truncated PDF (it does not end with %%EOF): {e}"),
            )
        }
    })?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err((
            PdfFailure::Encrypted,
            "encrypted PDF: a password is needed to read it".into(),
        ));
    }
    Ok(doc)
}

/// Environment variable that picks the PDF text engine: `native` (the default) or `pdf-extract`.
pub const ENGINE_ENV: &str = "REFERAT_PDF_ENGINE";

/// Which code reads a PDF's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// referat's own interpreter (`pdftext`), falling back to pdf-extract for what it declines.
    Native,
    /// pdf-extract for every document (for comparison).
    PdfExtract,
}

/// The engine `REFERAT_PDF_ENGINE` asks for.
pub fn engine_choice() -> Engine {
    match std::env::var(ENGINE_ENV).as_deref() {
        Ok("pdf-extract") => Engine::PdfExtract,
        _ => Engine::Native,
    }
}
