//! The reading stage: files on disk to the text type every reader produces. Walking folders,
//! telling formats apart, decoding bytes and cleaning text live here; the PDF reader is a stage
//! of its own (`crate::pdf`) that produces the same [`Text`].

pub mod clean;
pub mod decode;
pub mod docx;
pub mod firstagenda;
pub mod html;
pub mod plain;
pub mod render;
pub mod sniff;
pub mod text;
pub mod walk;
pub mod webpage;
pub mod xml;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::{Format, Source};

pub use sniff::{EXTENSIONS, format_of};
pub use text::{ItemStart, Structure, Text};

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

    /// A file whose bytes were read elsewhere; its format from its content, the ending a hint.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<SourceFile> {
        if bytes.is_empty() {
            if format_of(path).is_none() && !sniff::is_legacy_ending(path) {
                return Err(Error::Unsupported {
                    path: path.to_path_buf(),
                });
            }
            return Err(Error::Empty {
                path: path.to_path_buf(),
            });
        }
        let format = sniff::format(path, &bytes).map_err(|legacy| {
            if legacy {
                Error::LegacyOffice {
                    path: path.to_path_buf(),
                }
            } else {
                Error::Unsupported {
                    path: path.to_path_buf(),
                }
            }
        })?;
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

/// The second type of the pipeline: a file's text and the description of its source.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub text: Text,
    pub source: Source,
}
