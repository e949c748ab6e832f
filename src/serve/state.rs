//! The state every request shares: the open index, a reader that follows its commits, and
//! whether closed items are served in full; and the one way handlers run index work (on the
//! blocking pool, off the async threads).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use crate::index::schema::{Fields, open};

/// The open index, shared by every request.
pub struct State {
    pub dir: PathBuf,
    pub index: Index,
    pub fields: Fields,
    reader: IndexReader,
    pub include_closed: bool,
}

pub type Shared = Arc<State>;

impl State {
    /// Opens the index in `dir` for reading; the reader reloads when an ingest commits.
    pub fn open(dir: &Path, include_closed: bool) -> anyhow::Result<State> {
        let (index, fields) = open(dir, false)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| anyhow::anyhow!("{}: cannot read the index: {e}", dir.display()))?;
        Ok(State {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader,
            include_closed,
        })
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Whether closed items are shown with their title, number and outcome only.
    pub fn hide_closed(&self) -> bool {
        !self.include_closed
    }
}

/// Runs blocking index work off the async threads.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| anyhow::anyhow!("the request failed: {e}"))?
}
