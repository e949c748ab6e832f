//! Arguments that several commands share.

use std::path::PathBuf;

/// The index folder of the commands that read or write an index.
#[derive(Debug, clap::Args)]
pub struct IndexArg {
    /// The index folder.
    #[arg(long = "index", env = "REFERAT_INDEX", default_value = crate::index::DEFAULT_DIR)]
    pub dir: PathBuf,
}
