//! `referat serve`: the search pages and the JSON API over an index, read-only, on loopback
//! unless told otherwise.

use std::net::SocketAddr;

use super::args::IndexArg;
use super::output::{Output, Serving};
use crate::serve::{self, Config};

/// Serve the index over HTTP: search pages for people, a JSON API for programs, Atom feeds.
///
/// Read-only: nothing is written, no file is served but the server's own embedded assets,
/// and nothing is fetched from the network. Listens on 127.0.0.1:8080 (this machine only)
/// unless --bind names another address. Closed items (`Lukket punkt`) are shown with their
/// title, number and outcome only unless --include-closed is given. The index may be
/// updated by `referat ingest` while the server runs; new commits are picked up.
///
/// Pages: /  (search), /sag/14/689 (a case), /moede/ID (a meeting), /punkt/ID (an item).
/// API:   /api/v1/search?q=indkøb, /api/v1/punkter/ID, /api/v1/meetings/ID,
///        /api/v1/cases/14/689, /api/v1/stats, /api/v1/openapi.json, /health.
/// Feeds: /feeds/search.atom?q=indkøb, /feeds/case.atom?case=14/689.
///
/// Examples:
///   referat serve
///   referat serve --index /srv/referat-index --bind 127.0.0.1:9000
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The address to listen on (port 0 picks a free port).
    #[arg(long, default_value = serve::DEFAULT_BIND)]
    bind: SocketAddr,
    /// Serve closed items in full (their text, case numbers and decisions).
    #[arg(long)]
    include_closed: bool,
    #[command(flatten)]
    index: IndexArg,
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    let config = Config {
        index: args.index.dir.clone(),
        bind: args.bind,
        include_closed: args.include_closed,
    };
    serve::run(&config, |addr| {
        out.serving(Serving {
            url: format!("http://{addr}"),
            index: config.index.display().to_string(),
            include_closed: config.include_closed,
        })
    })?;
    Ok(0)
}
