//! What the server answers, whoever asks (the API, the pages, the feeds): a search with its
//! timing and year histogram, one item, a meeting with its items and neighbours, a case's
//! history, each with closed items redacted unless the server runs with `--include-closed`;
//! and why a request could not be answered ([`Failure`]: 400, 404 or 500, with a message).

use std::collections::BTreeMap;
use std::time::Instant;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use schemars::JsonSchema;
use serde::Serialize;

use super::params::{BadParam, Search};
use super::state::{Shared, blocking};
use crate::index::case::{self, CaseHistory};
use crate::index::lookup::{self, Located, MeetingRef};
use crate::index::search::{self, Facets, Hit, Marks, SearchOutput};
use crate::index::{Record, stored};
use crate::model::{Kind, Meeting, Punkt};

/// Why a request could not be answered.
#[derive(Debug)]
pub enum Failure {
    Bad(BadParam),
    NotFound(String),
    Internal(anyhow::Error),
}

impl Failure {
    pub fn status(&self) -> StatusCode {
        match self {
            Failure::Bad(_) => StatusCode::BAD_REQUEST,
            Failure::NotFound(_) => StatusCode::NOT_FOUND,
            Failure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message(&self) -> String {
        match self {
            Failure::Bad(b) => b.to_string(),
            Failure::NotFound(m) => m.clone(),
            Failure::Internal(e) => format!("{e:#}"),
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Internal(e)
    }
}

/// The body of every error answer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ApiError {
    pub error: ErrorBody,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorBody {
    pub message: String,
    /// The query parameter that was refused, for a 400.
    pub parameter: Option<String>,
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body = ApiError {
            error: ErrorBody {
                message: self.message(),
                parameter: match &self {
                    Failure::Bad(b) => Some(b.param.to_string()),
                    _ => None,
                },
            },
        };
        (self.status(), Json(body)).into_response()
    }
}

/// The answer of `/api/v1/search`: the hits of `referat search --json` and more.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ApiSearch {
    /// Records matching, beyond the hits shown.
    pub total: usize,
    pub took_ms: u64,
    pub offset: usize,
    pub limit: usize,
    pub hits: Vec<Hit>,
    /// Counts per body, year, outcome and kind (empty with `facets=false`).
    pub facets: Facets,
    /// Matching records per meeting year, every year from the first to the last.
    pub years: Vec<YearCount>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct YearCount {
    pub year: u32,
    pub count: u64,
}

/// One record (`/api/v1/punkter/{id}`): the stored record with its id.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ApiRecord {
    /// `DOC_ID-N`.
    pub id: String,
    #[serde(flatten)]
    pub record: Record,
}

/// A meeting with its items (`/api/v1/meetings/{id}`, the id being the document id).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ApiMeeting {
    pub id: String,
    pub source: String,
    pub kind: Kind,
    pub title: Option<String>,
    pub meeting: Option<Meeting>,
    /// The same body's meeting before and after this one.
    pub previous: Option<MeetingLink>,
    pub next: Option<MeetingLink>,
    pub items: Vec<ApiItem>,
    /// The text of a document without items.
    pub text: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct MeetingLink {
    pub id: String,
    pub date: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ApiItem {
    pub id: String,
    pub outcome: Option<String>,
    pub punkt: Punkt,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Health {
    pub status: String,
    /// Records in the index.
    pub records: u64,
}

/// Runs a checked search on the blocking pool.
pub async fn run_search(
    state: &Shared,
    search: &Search,
    marks: Marks,
) -> Result<(SearchOutput, u64), Failure> {
    let state = state.clone();
    let mut request = search.request.clone();
    request.hide_closed = state.hide_closed();
    let started = Instant::now();
    let out = blocking(move || {
        let searcher = state.searcher();
        search::search_with(&state.index, &state.fields, &searcher, &request, marks)
    })
    .await?;
    Ok((out, started.elapsed().as_millis() as u64))
}

/// Every year from the first to the last with its count.
pub fn years(facets: &Facets) -> Vec<YearCount> {
    let counts: BTreeMap<u32, u64> = facets
        .year
        .iter()
        .filter_map(|(y, n)| Some((y.parse().ok()?, *n)))
        .collect();
    let (Some(first), Some(last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    (*first..=*last)
        .map(|year| YearCount {
            year,
            count: counts.get(&year).copied().unwrap_or(0),
        })
        .collect()
}

/// A record as served: redacted unless closed items are served in full.
pub fn shown(state: &Shared, record: &Record) -> Record {
    if state.include_closed {
        record.clone()
    } else {
        record.redacted()
    }
}

/// The record with `id`, as served.
pub async fn punkt(state: &Shared, id: String) -> Result<ApiRecord, Failure> {
    let st = state.clone();
    let found = blocking(move || lookup::record(&st.searcher(), &st.fields, &id)).await?;
    let l = found.ok_or_else(|| Failure::NotFound("no item with this id".into()))?;
    Ok(ApiRecord {
        record: shown(state, &l.record),
        id: l.id,
    })
}

/// The meeting (document) `id` with its items, as served.
pub async fn meeting(state: &Shared, id: String) -> Result<ApiMeeting, Failure> {
    let st = state.clone();
    let (records, around) = blocking(move || {
        let searcher = st.searcher();
        let records = lookup::document(&searcher, &st.fields, &id)?;
        let first = records.first().map(|l| &l.record);
        let around = match (first.and_then(Record::body), first.and_then(Record::date)) {
            (Some(body), Some(date)) => lookup::neighbours(&searcher, &st.fields, body, date)?,
            _ => (None, None),
        };
        Ok((records, around))
    })
    .await?;
    let Some(first) = records.first().map(|l| l.record.clone()) else {
        return Err(Failure::NotFound("no meeting with this id".into()));
    };
    let link = |m: Option<MeetingRef>| {
        m.map(|m| MeetingLink {
            id: m.doc_id,
            date: m.date,
        })
    };
    let items = records
        .iter()
        .filter_map(|Located { id, record }| {
            let r = shown(state, record);
            Some(ApiItem {
                id: id.clone(),
                outcome: r.outcome.map(|o| o.as_str().to_string()),
                punkt: r.punkt?,
            })
        })
        .collect();
    Ok(ApiMeeting {
        id: first.doc_id.clone(),
        source: first.source.clone(),
        kind: first.kind,
        title: first.document_title.clone(),
        meeting: first.meeting.clone(),
        previous: link(around.0),
        next: link(around.1),
        items,
        text: first.text.clone(),
    })
}

/// The history of a case number, as served.
pub async fn case(state: &Shared, sagsnr: String) -> Result<CaseHistory, Failure> {
    let st = state.clone();
    let hide = state.hide_closed();
    let sagsnr = sagsnr.trim().to_string();
    let found = blocking(move || case::history(&st.searcher(), &st.fields, &sagsnr, hide)).await?;
    found.ok_or_else(|| Failure::NotFound("no item with this case number".into()))
}

/// The index's numbers.
pub async fn stats(state: &Shared) -> Result<stored::Stats, Failure> {
    let dir = state.dir.clone();
    Ok(blocking(move || stored::stats(&dir)).await?)
}

pub fn health(state: &Shared) -> Health {
    Health {
        status: "ok".into(),
        records: state.searcher().num_docs(),
    }
}
