//! The reading stage: files on disk to the text type every reader produces. Walking folders,
//! telling formats apart, decoding bytes and cleaning text live here; the PDF reader is a stage
//! of its own (`crate::pdf`) that produces the same [`Text`].

pub mod clean;
pub mod decode;
pub mod plain;
pub mod walk;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::{Format, Source};
use clean::Cleaned;

/// File endings read as text.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "htm", "html"];
/// File endings read as PDF.
pub const PDF_EXTENSIONS: &[&str] = &["pdf"];

/// The format a file is read as, from its ending; `None` for files referat does not read.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_lowercase();
    if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        Some(Format::Text)
    } else if PDF_EXTENSIONS.contains(&ext.as_str()) {
        Some(Format::Pdf)
    } else {
        None
    }
}

/// A file as read from disk: the first type of the pipeline (`SourceFile → Extracted →
/// Document`).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub format: Format,
}

impl SourceFile {
    /// Reads a file; its format must be one referat reads, it must not be empty and not be
    /// larger than `REFERAT_MAX_FILE_MB` (512 MB).
    pub fn load(path: &Path) -> Result<SourceFile> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        let limit = max_file_bytes();
        if size > limit {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                reason: format!(
                    "{} MB (at most {} MB; set {MAX_FILE_ENV})",
                    size / (1024 * 1024),
                    limit / (1024 * 1024)
                ),
            });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        SourceFile::from_bytes(path, bytes)
    }

    /// A file whose bytes were read elsewhere.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<SourceFile> {
        let format = format_of(path).ok_or_else(|| Error::Unsupported {
            path: path.to_path_buf(),
        })?;
        if bytes.is_empty() {
            return Err(Error::Empty {
                path: path.to_path_buf(),
            });
        }
        Ok(SourceFile {
            path: path.to_path_buf(),
            bytes,
            format,
        })
    }

    /// The document id: sha256 of the bytes, lower-case hex.
    pub fn id(&self) -> String {
        content_id(&self.bytes)
    }
}

/// Environment variable with the largest file referat reads, in megabytes.
pub const MAX_FILE_ENV: &str = "REFERAT_MAX_FILE_MB";

/// The largest file referat reads: `REFERAT_MAX_FILE_MB` or 512 MB.
pub fn max_file_bytes() -> u64 {
    std::env::var(MAX_FILE_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|mb| *mb > 0)
        .map_or(512 * 1024 * 1024, |mb| mb * 1024 * 1024)
}

/// sha256 of the bytes, lower-case hex.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Text ready for parsing: cleaned lines and, for paged formats, the page of each line. Every
/// reader produces this.
#[derive(Debug, Clone, Default)]
pub struct Text {
    pub cleaned: Cleaned,
    /// One entry per line of `cleaned.lines` (empty for unpaged text).
    pub pages: Vec<u32>,
    /// Which code read the text, where there is a choice (`native`, `pdf-extract` for PDFs).
    pub engine: Option<&'static str>,
    /// What was recovered or lost while reading (a rebuilt PDF, unreadable pages); these
    /// become the document's warnings and make the file `partial` in an audit report.
    pub warnings: Vec<String>,
}

impl Text {
    /// The page of a line, for paged formats.
    pub fn page(&self, line: usize) -> Option<u32> {
        self.pages.get(line).copied()
    }
}

/// The second type of the pipeline: a file's text and the description of its source.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub text: Text,
    pub source: Source,
}
