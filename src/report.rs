//! The audit report of a run (`--report FILE`): for every file seen, what happened to it and
//! why, so an archivist can account for every file of a delivery. Written atomically (a
//! temporary file renamed into place), so a reader never sees half a report.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use schemars::JsonSchema;
use serde::Serialize;

use crate::error::Error;
use crate::model::{Document, Format};

/// The version of the report's layout.
pub const REPORT_VERSION: &str = "1";

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Parsed and added to the index (its path was not there before).
    Indexed,
    /// Parsed and put in the place of the records of an older version of the file.
    Replaced,
    /// Already in the index with the same sha256; not parsed again.
    Unchanged,
    /// Parsed and written out (`export`).
    Exported,
    /// Read with losses or repairs (a rebuilt PDF, unreadable pages), then indexed or exported;
    /// the warnings say what.
    Partial,
    /// Could not be read or parsed; `code` and `message` say why.
    Failed,
    /// Passed over (a lock file, system litter, a format referat does not read).
    Skipped,
}

/// One file of the run.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Entry {
    pub path: String,
    pub status: Status,
    /// sha256 of the bytes, when the file was read.
    pub sha256: Option<String>,
    /// Bytes, when the file was read.
    pub size: Option<u64>,
    pub format: Option<Format>,
    /// A stable reason code for failed and skipped files (`pdf_damaged`, `too_large`, `skipped`).
    pub code: Option<String>,
    pub message: Option<String>,
    pub pages: Option<u32>,
    pub punkter: Option<usize>,
    pub warnings: Vec<String>,
    /// The code that read the text: the PDF engine (`native`, `pdf-extract`), the XML family
    /// (`sbsys`, `acadre`, `acadre-manifest`, `edoc`), `docx`, `html` or `firstagenda`.
    pub engine: Option<String>,
    /// Time spent reading and parsing the file.
    pub milliseconds: u64,
}

impl Entry {
    /// A file that was parsed; `partial` overrides `status` when reading recovered or lost
    /// something.
    pub fn parsed(
        doc: &Document,
        status: Status,
        partial: bool,
        engine: Option<&str>,
        milliseconds: u64,
    ) -> Entry {
        Entry {
            path: doc.source.path.clone(),
            status: if partial { Status::Partial } else { status },
            sha256: Some(doc.id.clone()),
            size: Some(doc.source.bytes),
            format: Some(doc.source.format),
            code: None,
            message: None,
            pages: doc.source.pages,
            punkter: Some(doc.punkter.len()),
            warnings: doc.warnings.clone(),
            engine: engine.map(str::to_string),
            milliseconds,
        }
    }

    /// A file that failed.
    pub fn failed(e: &Error, milliseconds: u64) -> Entry {
        Entry {
            code: Some(e.code().to_string()),
            message: Some(e.reason()),
            milliseconds,
            ..Entry::bare(&e.path().to_string_lossy(), Status::Failed)
        }
    }

    /// A file that was passed over, and why.
    pub fn skipped(path: &Path, reason: &str) -> Entry {
        Entry {
            code: Some("skipped".into()),
            message: Some(reason.to_string()),
            ..Entry::bare(&path.to_string_lossy(), Status::Skipped)
        }
    }

    /// A file already indexed with the same content.
    pub fn unchanged(path: &Path, sha256: String, size: u64) -> Entry {
        Entry {
            sha256: Some(sha256),
            size: Some(size),
            ..Entry::bare(&path.to_string_lossy(), Status::Unchanged)
        }
    }

    fn bare(path: &str, status: Status) -> Entry {
        Entry {
            path: path.to_string(),
            status,
            sha256: None,
            size: None,
            format: None,
            code: None,
            message: None,
            pages: None,
            punkter: None,
            warnings: Vec::new(),
            engine: None,
            milliseconds: 0,
        }
    }
}

/// The report of one run.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Report {
    pub report_version: String,
    /// `ingest` or `export`.
    pub command: String,
    /// Files seen, and how many of them ended in each status.
    pub totals: Totals,
    /// Every file seen, sorted by path.
    pub files: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Totals {
    pub files: usize,
    pub by_status: BTreeMap<Status, usize>,
    pub milliseconds: u64,
}

impl Report {
    pub fn new(command: &str, mut files: Vec<Entry>) -> Report {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut by_status = BTreeMap::new();
        for f in &files {
            *by_status.entry(f.status).or_insert(0) += 1;
        }
        Report {
            report_version: REPORT_VERSION.to_string(),
            command: command.to_string(),
            totals: Totals {
                files: files.len(),
                by_status,
                milliseconds: files.iter().map(|f| f.milliseconds).sum(),
            },
            files,
        }
    }

    /// Writes the report as JSON to `path` through a temporary file in the same folder, renamed
    /// into place.
    pub fn write_atomic(&self, path: &Path) -> std::io::Result<()> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let result = (|| {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&temp)?);
            serde_json::to_writer_pretty(&mut f, self)?;
            f.write_all(b"\n")?;
            f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            std::fs::rename(&temp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }
}

/// The JSON Schema of the report, as committed in `schemas/report.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Report);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}
