//! The JSON API at `/api/v1`: search, one item, one meeting with its items, a case's
//! history, the index's numbers, and the documents describing them (`openapi.json` and the
//! JSON Schemas it refers to, all committed in `schemas/`). Errors are
//! `{"error": {"message", "parameter"}}` with 400 for a bad parameter and 404 for what is
//! not there. Closed items are redacted unless the server was started with `--include-closed`.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

use super::answers::{
    self, ApiError, ApiMeeting, ApiRecord, ApiSearch, Failure, Health, run_search, years,
};
use super::params::{MAX_CSV_ROWS, MAX_LIMIT, Params};
use super::state::Shared;
use crate::index::case::{self, CaseHistory};
use crate::index::search::{self, Facets, Marks};
use crate::index::stored;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/search", get(search_route))
        .route("/punkter/{id}", get(punkt_route))
        .route("/meetings/{id}", get(meeting_route))
        .route("/cases/{*sagsnr}", get(case_route))
        .route("/stats", get(stats_route))
        .route("/openapi.json", get(openapi))
        .route("/schemas/{name}", get(schema_file))
        .fallback(|| async { Failure::NotFound("no such API route".into()) })
}

/// The marks of a JSON snippet.
fn marks(highlight: bool) -> Marks {
    if highlight {
        search::HTML_MARKS
    } else {
        Marks {
            open: "",
            close: "",
        }
    }
}

async fn search_route(
    State(state): State<Shared>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    let params = Params::from_pairs(&pairs);
    let csv = params.get("format") == Some("csv");
    let (default, max) = if csv {
        (MAX_CSV_ROWS, MAX_CSV_ROWS)
    } else {
        (10, MAX_LIMIT)
    };
    let s = params.search(default, max).map_err(Failure::Bad)?;
    let (mut out, took_ms) = run_search(&state, &s, marks(s.highlight && !s.csv)).await?;
    if s.csv {
        return Ok(super::feeds::csv(&out)?);
    }
    if !s.facets {
        out.facets = Facets::default();
    }
    Ok(Json(ApiSearch {
        total: out.total,
        took_ms,
        offset: s.request.offset,
        limit: s.request.limit,
        years: years(&out.facets),
        hits: out.hits,
        facets: out.facets,
        warnings: out.warnings,
    })
    .into_response())
}

async fn punkt_route(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<ApiRecord>, Failure> {
    Ok(Json(answers::punkt(&state, id).await?))
}

async fn meeting_route(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<ApiMeeting>, Failure> {
    Ok(Json(answers::meeting(&state, id).await?))
}

async fn case_route(
    State(state): State<Shared>,
    Path(sagsnr): Path<String>,
) -> Result<Json<CaseHistory>, Failure> {
    Ok(Json(answers::case(&state, sagsnr).await?))
}

async fn stats_route(State(state): State<Shared>) -> Result<Json<stored::Stats>, Failure> {
    Ok(Json(answers::stats(&state).await?))
}

pub async fn health(State(state): State<Shared>) -> Json<Health> {
    Json(answers::health(&state))
}

/// The committed documents of the API, by file name.
pub const DOCUMENTS: [(&str, &str); 7] = [
    ("openapi.json", include_str!("../../schemas/openapi.json")),
    (
        "api-search.schema.json",
        include_str!("../../schemas/api-search.schema.json"),
    ),
    (
        "api-record.schema.json",
        include_str!("../../schemas/api-record.schema.json"),
    ),
    (
        "api-meeting.schema.json",
        include_str!("../../schemas/api-meeting.schema.json"),
    ),
    (
        "api-error.schema.json",
        include_str!("../../schemas/api-error.schema.json"),
    ),
    (
        "case.schema.json",
        include_str!("../../schemas/case.schema.json"),
    ),
    (
        "stats.schema.json",
        include_str!("../../schemas/stats.schema.json"),
    ),
];

/// The JSON Schemas of the API's answers as the types generate them, by committed file name.
pub fn schemas() -> Vec<(&'static str, String)> {
    fn pretty(s: schemars::Schema) -> String {
        serde_json::to_string_pretty(&s).expect("a schema always serialises")
    }
    vec![
        (
            "api-search.schema.json",
            pretty(schemars::schema_for!(ApiSearch)),
        ),
        (
            "api-record.schema.json",
            pretty(schemars::schema_for!(ApiRecord)),
        ),
        (
            "api-meeting.schema.json",
            pretty(schemars::schema_for!(ApiMeeting)),
        ),
        (
            "api-error.schema.json",
            pretty(schemars::schema_for!(ApiError)),
        ),
        ("case.schema.json", case::schema_json()),
        (
            "stats.schema.json",
            pretty(schemars::schema_for!(stored::Stats)),
        ),
    ]
}

async fn openapi() -> Response {
    json_document(DOCUMENTS[0].1)
}

async fn schema_file(Path(name): Path<String>) -> Result<Response, Failure> {
    DOCUMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| json_document(text))
        .ok_or_else(|| Failure::NotFound("no such schema".into()))
}

fn json_document(text: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], text).into_response()
}
