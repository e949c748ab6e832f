//! Telling formats apart by their content, with the file's ending only as a hint: magic bytes
//! (`%PDF-`, a zip holding `word/document.xml`, the OLE header of a legacy `.doc`), the root
//! element of XML and HTML, the keys of a FirstAgenda JSON meeting.

use std::io::Read;
use std::path::Path;

use super::{firstagenda, xml};
use crate::model::Format;

/// File endings and the format each hints at; the content decides (`sniff`).
pub const EXTENSIONS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("text", Format::Text),
    ("md", Format::Text),
    ("pdf", Format::Pdf),
    ("docx", Format::Docx),
    ("htm", Format::Html),
    ("html", Format::Html),
    ("xhtml", Format::Html),
    ("xml", Format::Xml),
    ("json", Format::Json),
];

/// The format a file's ending hints at; `None` for endings referat does not know.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_lowercase();
    EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|(_, f)| *f)
}

/// What the content says a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A format referat reads.
    Known(Format),
    /// A legacy binary Office file (`.doc`, OLE compound document): not read.
    LegacyOffice,
    /// Nothing definite: the ending decides.
    Unknown,
}

const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What the bytes are, from their content alone (`head` may be just the first few KB).
pub fn sniff(head: &[u8]) -> Sniffed {
    if head.starts_with(OLE) {
        return Sniffed::LegacyOffice;
    }
    if head[..head.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Sniffed::Known(Format::Pdf);
    }
    if head.starts_with(b"PK\x03\x04") {
        return if contains(head, b"word/document.xml") {
            Sniffed::Known(Format::Docx)
        } else {
            Sniffed::Unknown
        };
    }
    let text = prefix_text(head);
    let t = text.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        let keyed = firstagenda::KEYS
            .iter()
            .any(|k| t.contains(&format!("\"{k}\"")));
        return if keyed {
            Sniffed::Known(Format::Json)
        } else {
            Sniffed::Unknown
        };
    }
    if t.starts_with('<') {
        let lower = t[..t.len().min(2048)].to_lowercase();
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            return Sniffed::Known(Format::Html);
        }
        return match xml::root_name(t) {
            Some(root) if root.eq_ignore_ascii_case("html") => Sniffed::Known(Format::Html),
            Some(_) => Sniffed::Known(Format::Xml),
            None => Sniffed::Unknown,
        };
    }
    Sniffed::Unknown
}

/// The format a file is read as: its content where that is definite, else its ending.
/// `Err(true)` for a legacy Office file, `Err(false)` for a format referat does not read.
pub fn format(path: &Path, bytes: &[u8]) -> Result<Format, bool> {
    let hint = format_of(path);
    match sniff(&bytes[..bytes.len().min(64 * 1024)]) {
        Sniffed::LegacyOffice => Err(true),
        // a zip that is not a Word document, named .docx, is checked in full
        Sniffed::Unknown if hint == Some(Format::Docx) && contains(bytes, b"word/document.xml") => {
            Ok(Format::Docx)
        }
        Sniffed::Known(f) => Ok(f),
        Sniffed::Unknown => hint.ok_or(is_legacy_ending(path)),
    }
}

/// Whether a file inside a folder with an ending referat does not know is one it reads
/// anyway, by its first bytes (XML of a case system, a FirstAgenda meeting, a web page, a
/// PDF).
pub fn readable_by_content(path: &Path) -> bool {
    let mut head = Vec::with_capacity(4096);
    let ok = std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok();
    if !ok {
        return false;
    }
    match sniff(&head) {
        Sniffed::Known(Format::Xml) => xml::family_of(&prefix_text(&head)).is_some(),
        Sniffed::Known(Format::Docx) | Sniffed::LegacyOffice => false,
        Sniffed::Known(_) => true,
        Sniffed::Unknown => false,
    }
}

/// `.doc`, `.dot`: legacy Word, reported with a reason of its own.
pub fn is_legacy_ending(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_lowercase().as_str(), "doc" | "dot"))
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The first bytes as text: UTF-16 with a BOM, else UTF-8 (lossy), BOM dropped.
pub fn prefix_text(head: &[u8]) -> String {
    let utf16 = |be: bool| {
        let units: Vec<u16> = head[2..]
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if head.starts_with(&[0xFF, 0xFE]) {
        utf16(false)
    } else if head.starts_with(&[0xFE, 0xFF]) {
        utf16(true)
    } else {
        let h = head.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(head);
        String::from_utf8_lossy(h).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_and_the_ending_is_a_hint() {
        let f = |name: &str, bytes: &[u8]| format(Path::new(name), bytes);
        assert_eq!(f("a.txt", b"%PDF-1.4 ..."), Ok(Format::Pdf));
        assert_eq!(f("a.pdf", b"not a pdf"), Ok(Format::Pdf));
        assert_eq!(f("a.doc", OLE), Err(true));
        assert_eq!(
            f(
                "a.docx",
                b"\xEF\xBB\xBF<?xml version=\"1.0\"?><Publication/>"
            ),
            Ok(Format::Xml)
        );
        assert_eq!(f("a", b"  <!DOCTYPE html><html>"), Ok(Format::Html));
        assert_eq!(f("a.txt", b"{\"Dagsordenpunkter\": []}"), Ok(Format::Json));
        assert_eq!(f("a.txt", b"Referat"), Ok(Format::Text));
        assert_eq!(f("a.jpg", b"\xFF\xD8\xFF"), Err(false));
        assert_eq!(f("a.doc", b"garbage"), Err(true));
    }
}
