//! What a search asks for: the query as typed, the field it is narrowed to, the filters, the
//! order and the page; built by the CLI and the server, read by `query` and `search`.

use chrono::NaiveDate;

use crate::model::{Kind, Outcome};

/// Restrictions on top of the query; all must hold.
#[derive(Debug, Default, Clone)]
pub struct Filters {
    pub body: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub case: Option<String>,
    pub kind: Option<Kind>,
}

/// A full-text field a search can be narrowed to (`--in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Section {
    Title,
    Indstilling,
    Beslutning,
    Sections,
    Text,
}

/// The order of the hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Latest meeting first.
    Newest,
    /// Earliest meeting first.
    Oldest,
}

#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    /// Search only this full-text field.
    pub section: Option<Section>,
    pub filters: Filters,
    pub limit: usize,
    /// Hits to skip (paging).
    pub offset: usize,
    pub sort: Sort,
    /// Closed items (`Lukket punkt`) match on their title only and never by case number, as
    /// a public server shows them (see [`super::Record::redacted`]).
    pub hide_closed: bool,
    /// Count the matching records per body, year, outcome and kind: for every match, so it
    /// costs more than the ranking on a broad query over a large index; asked for, not default.
    pub facets: bool,
}
