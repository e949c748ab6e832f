//! pdf-extract, for the documents the native engine declines (Type3 fonts, standard fonts
//! without widths, CMaps other than Identity): its output device feeds the same glyph-to-line
//! layout as the native engine.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::lines::GlyphLines;
use crate::error::{Failure, PdfFailure};

/// Lays out every page of `doc` with pdf-extract.
pub fn read(doc: &pdf_extract::Document) -> std::result::Result<Vec<Vec<String>>, Failure> {
    let mut dev = Adapter(GlyphLines::default());
    pdf_extract::output_doc(doc, &mut dev)
        .map_err(|e| (PdfFailure::Damaged, format!("unreadable PDF: {e}")))?;
    Ok(dev.0.into_pages())
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
