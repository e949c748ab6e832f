//! Build a search index over the bundled corpus in a temporary folder and search it, as a
//! program embedding referat would.
//!
//! cargo run --example search -- indkøb

use referat::index::{search, writer};
use referat::read::walk;

fn main() -> anyhow::Result<()> {
    let query = std::env::args().nth(1).unwrap_or_else(|| "indkøb".into());
    let dir = std::env::temp_dir().join(format!("referat-example-{}", std::process::id()));
    let files = walk::walk(&["corpus".into()]).files;
    let summary = writer::ingest(&dir, &files, &writer::Options::default(), |_failed| {})?;
    println!(
        "{} files indexed, {} failed",
        summary.indexed,
        summary.failed.len()
    );
    let request = search::Request {
        query,
        section: None,
        filters: search::Filters::default(),
        limit: 5,
        ..search::Request::default()
    };
    let found = search::search(&dir, &request, search::HTML_MARKS)?;
    for hit in &found.hits {
        println!(
            "{:.2} {} {} punkt {}: {}",
            hit.score,
            hit.body.as_deref().unwrap_or("-"),
            hit.date.as_deref().unwrap_or("-"),
            hit.number.as_deref().unwrap_or("-"),
            hit.title.as_deref().unwrap_or("-")
        );
        println!("     {}", hit.snippet);
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
