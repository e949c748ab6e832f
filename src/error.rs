//! One error type for everything that can go wrong with one input file; each variant names the
//! file, so a report line is useful on its own.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: not text: {reason}")]
    NotText { path: PathBuf, reason: String },
    #[error("{path}: unsupported file type (expected .txt, .text, .md, .htm(l) or .pdf)")]
    Unsupported { path: PathBuf },
    #[error("{path}: {reason}")]
    Pdf { path: PathBuf, reason: String },
}

impl Error {
    pub fn path(&self) -> &std::path::Path {
        match self {
            Error::Io { path, .. }
            | Error::Empty { path }
            | Error::NotText { path, .. }
            | Error::Unsupported { path }
            | Error::Pdf { path, .. } => path,
        }
    }

    /// A short machine-readable name for the kind of failure.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Io { .. } => "io",
            Error::Empty { .. } => "empty",
            Error::NotText { .. } => "not_text",
            Error::Unsupported { .. } => "unsupported",
            Error::Pdf { .. } => "pdf",
        }
    }

    /// The reason without the path prefix.
    pub fn reason(&self) -> String {
        let full = self.to_string();
        let prefix = format!("{}: ", self.path().display());
        full.strip_prefix(&prefix).unwrap_or(&full).to_string()
    }
}

pub type Result<T> = std::result::Result<T, Error>;
