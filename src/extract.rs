//! Text out of PDFs. This is the only module that touches the PDF library; it runs it behind a
//! boundary (its own thread, a time limit, panics caught) so that a broken, encrypted, scanned
//! or pathological file becomes a clear error for that file alone.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use crate::error::{Error, PdfFailure, Result};
use crate::pages;
use crate::parse::Text;
use crate::pdftext::{self, lines::GlyphLines};

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

/// The text of a PDF, page by page, cleaned, and its page count.
pub fn pdf_text(path: &Path, bytes: &[u8]) -> Result<(Text, u32)> {
    let fail = |kind: PdfFailure, reason: String| Error::Pdf {
        path: path.to_path_buf(),
        kind,
        reason,
    };
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
            let r = crate::pipeline::catch_quietly(|| read_lines(&owned)).unwrap_or_else(|p| {
                let message = crate::pipeline::panic_message(&p);
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
    let page_lines = match rx.recv_timeout(limit) {
        Ok(Ok(p)) => p,
        Ok(Err((kind, reason))) => return Err(fail(kind, reason)),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            return Err(fail(
                PdfFailure::Timeout,
                format!(
                    "timeout: reading the PDF took longer than {:.1} s (set {TIMEOUT_ENV})",
                    limit.as_secs_f64()
                ),
            ));
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            return Err(fail(PdfFailure::Panic, "the PDF reader stopped".into()));
        }
    };
    let count = page_lines.len() as u32;
    if page_lines.iter().flatten().all(|l| l.trim().is_empty()) {
        return Err(fail(
            PdfFailure::NoText,
            "no text layer (a scan?): OCR would be needed".into(),
        ));
    }
    let (cleaned, page_of) = pages::clean_pages(page_lines);
    Ok((
        Text {
            cleaned,
            pages: page_of,
        },
        count,
    ))
}

/// What went wrong with a PDF, and how to say so.
pub type Failure = (PdfFailure, String);

/// Loads the document and lays out each page's glyphs as lines (runs in the worker thread).
fn read_lines(bytes: &[u8]) -> std::result::Result<Vec<Vec<String>>, Failure> {
    let doc = load(bytes)?;
    if engine() == Engine::Native {
        // declined (a font kind it does not read), or a bug of its own: pdf-extract reads the
        // whole document
        let native = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pdftext::read(&doc)));
        if let Ok(Ok(pages)) = native {
            return Ok(pages);
        }
    }
    let mut dev = Adapter(GlyphLines::default());
    pdf_extract::output_doc(&doc, &mut dev)
        .map_err(|e| (PdfFailure::Damaged, format!("unreadable PDF: {e}")))?;
    Ok(dev.0.into_pages())
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
pub fn engine() -> Engine {
    match std::env::var(ENGINE_ENV).as_deref() {
        Ok("pdf-extract") => Engine::PdfExtract,
        _ => Engine::Native,
    }
}

/// pdf-extract's output device, feeding the same glyph-to-line layout as the native engine.
struct Adapter(GlyphLines);

impl OutputDev for Adapter {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> std::result::Result<(), OutputError> {
        self.0.begin_page(media_box.ury - media_box.lly);
        Ok(())
    }

    fn end_page(&mut self) -> std::result::Result<(), OutputError> {
        self.0.end_page();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> std::result::Result<(), OutputError> {
        let m = [trm.m11, trm.m12, trm.m21, trm.m22, trm.m31, trm.m32];
        self.0.glyph(m, width, font_size, text);
        Ok(())
    }

    fn begin_word(&mut self) -> std::result::Result<(), OutputError> {
        self.0.begin_run();
        Ok(())
    }
    fn end_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }
}
