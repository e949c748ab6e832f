//! pdf-extract, for the documents the native engine declines (Type3 fonts, standard fonts
//! without widths, CMaps other than Identity): its output device feeds the same glyph-to-line
//! layout as the native engine. Each page is read on its own, so a page that makes pdf-extract
//! fail or panic (damaged content) is lost alone, not the document.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::lines::{GlyphLines, Laid};
use crate::error::{Failure, PdfFailure};
use crate::guard;

/// Lays out every page of `doc` with pdf-extract; a page it cannot read stays empty and is
/// named in the warnings. Fails only when no page could be read, with the first page's reason.
pub fn read(doc: &pdf_extract::Document) -> std::result::Result<Laid, Failure> {
    let mut dev = Adapter {
        lines: GlyphLines::default(),
        open: false,
    };
    let mut first_failure = None;
    let mut read = 0;
    let mut lost = Vec::new();
    for (number, _) in doc.get_pages() {
        if super::limits::expired() {
            return Err(super::limits::timed_out());
        }
        let result = guard::catch_quietly(std::panic::AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(doc, &mut dev, number)
        }));
        let failure = match result {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some((PdfFailure::Damaged, format!("unreadable PDF: {e}"))),
            Err(p) => Some((
                PdfFailure::Panic,
                format!("the PDF reader panicked: {}", guard::panic_message(&p)),
            )),
        };
        match failure {
            None => read += 1,
            Some(f) => {
                // the page keeps what was laid out before the failure
                if dev.open {
                    dev.lines.end_page();
                    dev.open = false;
                } else {
                    dev.lines.begin_page(792.0);
                    dev.lines.end_page();
                }
                lost.push(number);
                first_failure.get_or_insert(f);
            }
        }
    }
    match first_failure {
        Some(f) if read == 0 => Err(f),
        Some((_, reason)) => Ok(dev.lines.into_laid(
            "pdf-extract",
            vec![format!(
                "{} of {} pages could not be read ({reason}): {}",
                lost.len(),
                lost.len() + read,
                list(&lost)
            )],
        )),
        None => Ok(dev.lines.into_laid("pdf-extract", Vec::new())),
    }
}

/// Page numbers as `3, 5, 7`.
fn list(pages: &[u32]) -> String {
    pages
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// pdf-extract's output device, feeding the same glyph-to-line layout as the native engine.
struct Adapter {
    lines: GlyphLines,
    /// A page was begun and not yet ended.
    open: bool,
}

impl OutputDev for Adapter {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> std::result::Result<(), OutputError> {
        self.lines.begin_page(media_box.ury - media_box.lly);
        self.open = true;
        Ok(())
    }

    fn end_page(&mut self) -> std::result::Result<(), OutputError> {
        self.lines.end_page();
        self.open = false;
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
        self.lines.glyph(m, width, font_size, text);
        Ok(())
    }

    fn begin_word(&mut self) -> std::result::Result<(), OutputError> {
        self.lines.begin_run();
        Ok(())
    }
    fn end_word(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> std::result::Result<(), OutputError> {
        Ok(())
    }
}
