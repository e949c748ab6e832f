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
    #[error(
        "{path}: unsupported file type (expected .txt, .md, .pdf, .docx, .htm(l), case-system .xml or FirstAgenda .json)"
    )]
    Unsupported { path: PathBuf },
    /// A legacy binary Office file (`.doc`): not damaged, just a format referat does not read.
    #[error(
        "{path}: a legacy Word .doc (binary Office format) is not read: save it as .docx or PDF"
    )]
    LegacyOffice { path: PathBuf },
    /// Over a limit that bounds the memory and time one file may take.
    #[error("{path}: too large: {reason}")]
    TooLarge { path: PathBuf, reason: String },
    /// A failure another referat process reported in its NDJSON (`{"error": …}`), kept with
    /// its code (`ingest --ndjson`).
    #[error("{path}: {reason}")]
    Reported {
        path: PathBuf,
        code: String,
        reason: String,
    },
    #[error("{path}: {reason}")]
    Pdf {
        path: PathBuf,
        kind: PdfFailure,
        reason: String,
    },
}

/// What went wrong inside the PDF reader, before the file's path is attached.
pub type Failure = (PdfFailure, String);

/// Why a PDF could not be read; each has its own error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfFailure {
    /// The bytes are not a PDF at all.
    NotPdf,
    /// The file ends before the PDF does (no `%%EOF`), e.g. a broken download.
    Truncated,
    /// A PDF the reader cannot make sense of.
    Damaged,
    /// Encrypted with a password.
    Encrypted,
    /// Pages without a text layer (a scan): OCR would be needed.
    NoText,
    /// The PDF library panicked (caught).
    Panic,
    /// Reading took longer than the time limit.
    Timeout,
    /// Its streams decode to more than the budget (a decompression bomb, a huge scan).
    TooLarge,
}

impl PdfFailure {
    pub fn code(self) -> &'static str {
        match self {
            PdfFailure::NotPdf => "not_pdf",
            PdfFailure::Truncated => "pdf_truncated",
            PdfFailure::Damaged => "pdf_damaged",
            PdfFailure::Encrypted => "pdf_encrypted",
            PdfFailure::NoText => "pdf_no_text",
            PdfFailure::Panic => "pdf_panic",
            PdfFailure::Timeout => "timeout",
            PdfFailure::TooLarge => "too_large",
        }
    }
}

impl Error {
    pub fn path(&self) -> &std::path::Path {
        match self {
            Error::Io { path, .. }
            | Error::Empty { path }
            | Error::NotText { path, .. }
            | Error::Unsupported { path }
            | Error::LegacyOffice { path }
            | Error::TooLarge { path, .. }
            | Error::Reported { path, .. }
            | Error::Pdf { path, .. } => path,
        }
    }

    /// A short machine-readable name for the kind of failure.
    pub fn code(&self) -> &str {
        match self {
            Error::Io { .. } => "io",
            Error::Empty { .. } => "empty",
            Error::NotText { .. } => "not_text",
            Error::Unsupported { .. } => "unsupported",
            Error::LegacyOffice { .. } => "unsupported_doc",
            Error::TooLarge { .. } => "too_large",
            Error::Reported { code, .. } => code,
            Error::Pdf { kind, .. } => kind.code(),
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

// The JSON form of an `Error`: a line on stderr under `--json`, an `{"error": …}` line of
// `parse --stdin-paths`, read back as an `Error::Reported` by `ingest --ndjson`.
/// A file that failed, with a stable code (`not_text`, `pdf_damaged`, …) and the reason.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct FileError {
    pub path: String,
    pub code: String,
    pub reason: String,
}

impl From<&Error> for FileError {
    fn from(e: &Error) -> FileError {
        FileError {
            path: e.path().to_string_lossy().into_owned(),
            code: e.code().to_string(),
            reason: e.reason(),
        }
    }
}

impl From<FileError> for Error {
    fn from(e: FileError) -> Error {
        Error::Reported {
            path: e.path.into(),
            code: e.code,
            reason: e.reason,
        }
    }
}

/// One line of `parse --stdin-paths` for a file that failed: `{"error": {path, code, reason}}`.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ErrorLine {
    pub error: FileError,
}
