//! Deterministic JSON out: documents as pretty JSON or NDJSON lines, errors as JSON lines,
//! and the JSON Schema generated from the record types.

use std::io::Write;

use crate::error::Error;
use crate::model::Document;

/// Writes one document: pretty JSON, or one NDJSON line.
pub fn write_document(out: &mut dyn Write, doc: &Document, pretty: bool) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, doc)?;
    } else {
        serde_json::to_writer(&mut *out, doc)?;
    }
    out.write_all(b"\n")
}

/// Where output goes: a file, or stdout for `-`.
pub fn sink(path: &std::path::Path) -> anyhow::Result<Box<dyn Write>> {
    Ok(if path.as_os_str() == "-" {
        Box::new(std::io::BufWriter::new(std::io::stdout().lock()))
    } else {
        let f = std::fs::File::create(path)
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
        Box::new(std::io::BufWriter::new(f))
    })
}

/// `{"error": {"path", "code", "reason"}}` for a file that failed.
pub fn error_json(e: &Error) -> serde_json::Value {
    serde_json::json!({
        "error": {
            "path": e.path().to_string_lossy(),
            "code": e.code(),
            "reason": e.reason(),
        }
    })
}

/// The JSON Schema of `Document`, pretty-printed, as committed in `schemas/`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Document);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}
