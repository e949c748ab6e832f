//! Text out of PDFs. This is the only module that touches the PDF library; it runs it behind a
//! boundary (its own thread, a time limit, panics caught) so that a broken, encrypted, scanned
//! or pathological file becomes a clear error for that file alone.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use crate::columns::{self, Row, Word};
use crate::error::{Error, PdfFailure, Result};
use crate::pages;
use crate::parse::Text;

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
            let r = std::panic::catch_unwind(|| read_lines(&owned))
                .unwrap_or_else(|p| Err((PdfFailure::Panic, crate::pipeline::panic_message(&p))));
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

type Failure = (PdfFailure, String);

/// Loads the document and lays out each page's glyphs as lines (runs in the worker thread).
fn read_lines(bytes: &[u8]) -> std::result::Result<Vec<Vec<String>>, Failure> {
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
    let mut dev = GlyphLines::default();
    pdf_extract::output_doc(&doc, &mut dev)
        .map_err(|e| (PdfFailure::Damaged, format!("unreadable PDF: {e}")))?;
    Ok(dev.pages)
}

/// One glyph on the page: left edge, baseline (from the top), right edge, font size.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
    /// First glyph of a text-showing operation: only there can a gap mean a space.
    word_start: bool,
    /// A space character came just before it in the content stream.
    space_before: bool,
    /// `end` is an estimate: the font gave no width for a glyph of this run.
    end_estimated: bool,
}

/// An `OutputDev` that keeps every glyph with its position and, at the end of each page,
/// rebuilds the lines: glyphs on one baseline, left to right, a space for a word gap and a TAB
/// for a gap as wide as a table column's.
#[derive(Default)]
struct GlyphLines {
    height: f64,
    glyphs: Vec<Glyph>,
    pages: Vec<Vec<String>>,
    word_start: bool,
    space_before: bool,
    /// The current text run: where it starts, how many characters so far, and whether a glyph
    /// without a width was seen (some embedded fonts lose theirs; then positions drift left
    /// and the run's end is estimated from its length).
    run_x0: Option<f64>,
    run_chars: usize,
    run_zero_width: bool,
}

impl OutputDev for GlyphLines {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> std::result::Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.glyphs.clear();
        Ok(())
    }

    fn end_page(&mut self) -> std::result::Result<(), OutputError> {
        let glyphs = std::mem::take(&mut self.glyphs);
        self.pages.push(layout(glyphs));
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
        // as pdf-extract's own plain-text output: the size is the side of the square with the
        // area of the transformed (size, size) vector
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt();
        if !size.is_finite() || size <= 0.0 {
            return Ok(());
        }
        let x = trm.m31;
        let x0 = *self.run_x0.get_or_insert(x);
        self.run_chars += text.chars().count().max(1);
        if width <= 0.0 {
            self.run_zero_width = true;
        }
        if text.trim().is_empty() {
            self.space_before = true;
            return Ok(());
        }
        // zero-width and soft-hyphen characters take no room: they are not words
        if text.chars().all(|c| {
            matches!(
                c,
                '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
        }) {
            return Ok(());
        }
        let mut end = x + width * size;
        if self.run_zero_width {
            end = end.max(x0 + self.run_chars as f64 * 0.5 * size);
        }
        self.glyphs.push(Glyph {
            x,
            y: self.height - trm.m32,
            end,
            size,
            text: text.to_string(),
            word_start: std::mem::take(&mut self.word_start),
            space_before: std::mem::take(&mut self.space_before),
            end_estimated: self.run_zero_width,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> std::result::Result<(), OutputError> {
        self.word_start = true;
        self.run_x0 = None;
        self.run_chars = 0;
        self.run_zero_width = false;
        Ok(())
    }
    fn end_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }
}

/// A gap wider than this many font sizes separates table columns (a TAB); word gaps are about
/// a quarter of the size.
const COLUMN_GAP: f64 = 1.2;
/// A gap wider than this many font sizes separates words.
const WORD_GAP: f64 = 0.12;
/// The same where widths are in doubt: after a glyph whose width was estimated, or on a line
/// that spells out its spaces as glyphs.
const WORD_GAP_WIDE: f64 = 0.35;

/// The glyphs of one page as lines, top to bottom (tables cut into columns by `columns`).
fn layout(mut glyphs: Vec<Glyph>) -> Vec<String> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<(f64, f64, Vec<Glyph>)> = Vec::new(); // baseline, size, glyphs
    for g in glyphs {
        match rows.last_mut() {
            Some((y, size, row)) if (g.y - *y).abs() < 0.5 * size.min(g.size) => {
                *size = size.max(g.size);
                row.push(g);
            }
            _ => rows.push((g.y, g.size, vec![g])),
        }
    }
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut last_y: Option<(f64, f64)> = None;
    for (y, size, mut row) in rows {
        // a paragraph break where the baseline skips more than a line and a half
        let break_before = last_y.is_some_and(|(ly, ls)| y - ly > 1.9 * ls.max(size));
        last_y = Some((y, size));
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        // where the line spells its spaces out, a gap must be wide to count too: widths can be off
        let spaced = row.iter().any(|g| g.space_before);
        let mut words: Vec<Word> = Vec::new();
        let mut prev: Option<(f64, bool)> = None; // end, estimated
        for g in &row {
            let separator = prev.map(|(end, estimated)| {
                // within one text run the positions come from the font's widths, which some
                // fonts lack: a gap there means nothing; after an estimated end only a wider
                // gap is a word gap
                let gap = g.x - end;
                let word_gap = if estimated || spaced {
                    WORD_GAP_WIDE
                } else {
                    WORD_GAP
                };
                let boundary = g.word_start || g.space_before;
                if boundary && gap > COLUMN_GAP * g.size {
                    Some(true)
                } else if g.space_before || (g.word_start && gap > word_gap * g.size) {
                    Some(false)
                } else {
                    None
                }
            });
            match (separator.flatten(), words.last_mut()) {
                (None, Some(w)) => {
                    w.text.push_str(&g.text);
                    w.x1 = w.x1.max(g.end);
                }
                (sep, _) => words.push(Word {
                    x0: g.x,
                    x1: g.end,
                    text: g.text.clone(),
                    tab_before: sep == Some(true),
                }),
            }
            prev = Some(match prev {
                Some((end, est)) if end > g.end => (end, est),
                _ => (g.end, g.end_estimated),
            });
        }
        out.push(Row {
            words,
            break_before,
            size,
        });
    }
    columns::lines(&out)
}
