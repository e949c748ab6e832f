//! tantivy alone, for benches/scale.py: the same records, schema and analyzers as `referat
//! ingest`, without reading or parsing a file, so the ratio of the two shows what referat's own
//! work costs; and the same queries through tantivy's plain query parser, without referat's
//! query understanding, snippets or facets (top 10 with their stored records, and the count).
//!
//!   cargo bench --bench tantivy_alone -- index ALL.ndjson IDX   (records from `referat export`)
//!   cargo bench --bench tantivy_alone -- search IDX QUERIES [REPEAT]
//!
//! Prints one JSON object: seconds, records, or the latency of the queries.

use std::io::BufRead;
use std::time::Instant;

use referat::index::schema::{self, Fields};
use referat::index::{records, writer};
use referat::model::Document;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["index", ndjson, dir] => index(ndjson, dir),
        ["search", dir, queries] => search(dir, queries, 1),
        ["search", dir, queries, repeat] => search(dir, queries, repeat.parse()?),
        _ => {
            anyhow::bail!("usage: tantivy_alone index ALL.ndjson IDX | search IDX QUERIES [REPEAT]")
        }
    }
}

fn index(ndjson: &str, dir: &str) -> anyhow::Result<()> {
    let started = Instant::now();
    let _ = std::fs::remove_dir_all(dir);
    let (index, fields) = schema::open(std::path::Path::new(dir), true)?;
    let mut w: tantivy::IndexWriter = index.writer(writer::Options::default().memory_budget)?;
    let mut n = 0usize;
    let file = std::io::BufReader::new(std::fs::File::open(ndjson)?);
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Document = serde_json::from_str(&line)?;
        let source = doc.source.path.clone();
        for (ord, r) in records(&doc, &source, "").iter().enumerate() {
            w.add_document(writer::tantivy_doc(&fields, r, ord as u64))?;
            n += 1;
        }
    }
    w.commit()?;
    w.wait_merging_threads()?;
    let seconds = started.elapsed().as_secs_f64();
    println!("{{\"records\": {n}, \"seconds\": {seconds:.3}}}");
    Ok(())
}

fn search(dir: &str, queries: &str, repeat: usize) -> anyhow::Result<()> {
    let (index, fields) = schema::open(std::path::Path::new(dir), false)?;
    let searcher = index.reader()?.searcher();
    let Fields {
        title,
        indstilling,
        beslutning,
        text,
        ..
    } = fields;
    let mut parser = QueryParser::for_index(&index, vec![title, indstilling, beslutning, text]);
    parser.set_conjunction_by_default();
    let text_of = std::fs::read_to_string(queries)?;
    let mut all = Vec::new();
    for line in text_of.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        // the query without referat's filters (tab-separated): tantivy sees the words only
        let q = line.split('\t').next().unwrap_or_default();
        let (query, _) = parser.parse_query_lenient(q);
        let answer = || -> anyhow::Result<usize> {
            let (top, count) =
                searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
            // an answer is the hits' stored records, not just their addresses
            for (_, address) in top {
                let _: tantivy::TantivyDocument = searcher.doc(address)?;
            }
            Ok(count)
        };
        answer()?;
        for _ in 0..repeat.max(1) {
            let t = Instant::now();
            answer()?;
            all.push(t.elapsed().as_micros() as u64);
        }
    }
    all.sort_unstable();
    if all.is_empty() {
        anyhow::bail!("{queries}: no queries");
    }
    let pick = |q: f64| all[((all.len() - 1) as f64 * q).round() as usize] as f64 / 1000.0;
    let total: u64 = all.iter().sum();
    println!(
        "{{\"runs\": {}, \"p50_ms\": {:.3}, \"p99_ms\": {:.3}, \"queries_per_second\": {:.1}}}",
        all.len(),
        pick(0.5),
        pick(0.99),
        all.len() as f64 / (total as f64 / 1e6).max(1e-9)
    );
    Ok(())
}
