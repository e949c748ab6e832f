//! Text out of PDFs. This is the only module that touches the PDF library; it runs it behind a
//! boundary so that a panic or a malformed file becomes an error for that file alone.

use std::path::Path;

use crate::clean;
use crate::error::{Error, Result};
use crate::parse::Text;

/// The text of a PDF, page by page, cleaned, and its page count.
pub fn pdf_text(path: &Path, bytes: &[u8]) -> Result<(Text, u32)> {
    let fail = |reason: String| Error::Pdf {
        path: path.to_path_buf(),
        reason,
    };
    if !bytes.starts_with(b"%PDF-")
        && !bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Err(fail("not a PDF (no %PDF- header)".into()));
    }
    let owned = bytes.to_vec();
    let pages =
        std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem_by_pages(&owned))
            .map_err(|p| {
                fail(format!(
                    "the PDF reader failed: {}",
                    crate::pipeline::panic_message(&p)
                ))
            })?
            .map_err(|e| fail(format!("unreadable PDF: {e}")))?;
    let count = pages.len() as u32;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(fail("no text layer (a scan?): OCR would be needed".into()));
    }
    let mut lines = Vec::new();
    let mut page_of = Vec::new();
    let mut furniture = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        let c = clean::clean(p);
        page_of.extend(std::iter::repeat_n(i as u32 + 1, c.lines.len() + 1));
        lines.extend(c.lines);
        lines.push(String::new());
        furniture.extend(c.furniture);
    }
    let cleaned = clean::Cleaned {
        lines,
        furniture,
        transcript: false,
    };
    Ok((
        Text {
            cleaned,
            pages: page_of,
        },
        count,
    ))
}
