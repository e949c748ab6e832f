//! Arguments and steps that several commands share.

use std::path::PathBuf;

/// The index folder of the commands that read or write an index.
#[derive(Debug, clap::Args)]
pub struct IndexArg {
    /// The index folder.
    #[arg(long = "index", env = "REFERAT_INDEX", default_value = crate::index::DEFAULT_DIR)]
    pub dir: PathBuf,
}

/// Writes an audit report, or says which file could not be written.
pub fn write_report(path: &std::path::Path, report: crate::report::Report) -> anyhow::Result<()> {
    report
        .write_atomic(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot write the report: {e}", path.display()))
}
