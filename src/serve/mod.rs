//! `referat serve`: a read-only HTTP server over the index, for people (Danish pages rendered
//! on the server, usable without JavaScript) and for programs (the JSON API at `/api/v1`, Atom
//! feeds, CSV). It writes nothing and serves no file but its own embedded assets.
//!
//! - [`state`]: the open index every request shares;
//! - [`params`]: the query parameters every route shares, checked once (a 400 names the bad one);
//! - [`answers`]: what the server answers (searches, items, meetings, cases) and its failures;
//! - [`api`]: the JSON API's routes and its documents (OpenAPI, schemas);
//! - [`pages`] and [`views`]: the HTML pages and what they show;
//! - [`feeds`]: Atom feeds for a search and a case, and CSV.
//!
//! Limits: a query is at most [`params::MAX_QUERY_CHARS`] characters, a page of hits at most
//! [`params::MAX_LIMIT`], at most [`MAX_CONCURRENT`] requests are served at once (the rest wait),
//! each within [`TIMEOUT`]; requests carry no body. The index reader follows the index: a
//! commit by `referat ingest` is seen within a second or so.

pub mod answers;
pub mod api;
mod feeds;
mod pages;
pub mod params;
mod state;
mod views;

pub use state::{Shared, State};

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::routing::get;
use tower_http::set_header::SetResponseHeaderLayer;

/// Requests served at once; more wait for a turn.
pub const MAX_CONCURRENT: usize = 32;
/// The longest a request may take before it is answered with 408.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The address served unless `--bind` says otherwise: this machine only.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// What the server needs to run.
#[derive(Debug, Clone)]
pub struct Config {
    pub index: PathBuf,
    pub bind: SocketAddr,
    /// Serve closed items in full (their text, case numbers, decisions).
    pub include_closed: bool,
}

/// The whole application: routes, limits and headers.
pub fn router(state: Shared) -> Router {
    let csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
               base-uri 'none'; frame-ancestors 'none'";
    Router::new()
        .merge(pages::routes())
        .merge(feeds::routes())
        .nest("/api/v1", api::routes())
        .route("/health", get(api::health))
        .route("/assets/style.css", get(style))
        .fallback(pages::not_found)
        .with_state(state)
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            MAX_CONCURRENT,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            TIMEOUT,
        ))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(1024))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(csp),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}

/// The one stylesheet, embedded.
async fn style() -> impl axum::response::IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("assets/style.css"),
    )
}

/// Serves `config` until Ctrl-C; `listening` is told the bound address first.
pub fn run(config: &Config, listening: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    let state = Arc::new(State::open(&config.index, config.include_closed)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.bind)
            .await
            .map_err(|e| anyhow::anyhow!("{}: cannot listen: {e}", config.bind))?;
        listening(listener.local_addr()?);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
