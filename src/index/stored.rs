//! Reading the stored records back: export as NDJSON (in source order, each record checked
//! against its index keys) and the numbers of `referat stats`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use schemars::JsonSchema;
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::AllQuery;
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::Record;
use super::query::build_query;
use super::schema::{Fields, open};
use super::search::{Filters, Request, stored_record};

/// The addresses of the records matching `query` (all when None), in source order.
fn ordered(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn tantivy::query::Query,
) -> anyhow::Result<Vec<DocAddress>> {
    let mut keyed = Vec::new();
    for address in searcher.search(query, &DocSetCollector)? {
        let doc: TantivyDocument = searcher.doc(address)?;
        let source = doc
            .get_first(fields.source)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        let ord = super::schema::ord_of(&doc, fields);
        keyed.push((source, ord, address));
    }
    keyed.sort();
    Ok(keyed.into_iter().map(|(_, _, a)| a).collect())
}

/// Calls `each` with every stored record matching `query` (the query language of `search`),
/// sorted by source path and position in the document; returns how many there were.
pub fn export(
    dir: &Path,
    query: Option<&str>,
    mut each: impl FnMut(&Record) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let (index, fields) = open(dir, false)?;
    let searcher = index.reader()?.searcher();
    let req = Request {
        query: query.unwrap_or_default().to_string(),
        section: None,
        filters: Filters::default(),
        limit: 0,
        ..Request::default()
    };
    let (query, warnings) = build_query(&index, &fields, &req)?;
    if let Some(w) = warnings.first() {
        anyhow::bail!("--query: {w}");
    }
    let addresses = ordered(&searcher, &fields, &*query)?;
    for &address in &addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        each(&stored_record(&doc, &fields)?)?;
    }
    Ok(addresses.len())
}

/// What `referat stats` reports.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Stats {
    /// Source documents (distinct files).
    pub documents: usize,
    /// Index records: punkter plus documents without punkter.
    pub records: usize,
    pub punkter: usize,
    /// Every decision of every punkt, by outcome (`none` for an empty decision).
    pub decisions: BTreeMap<String, u64>,
    /// Records per meeting body.
    pub bodies: BTreeMap<String, u64>,
    /// Records per document kind.
    pub kinds: BTreeMap<String, u64>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Bytes of the index folder.
    pub size_bytes: u64,
}

pub fn stats(dir: &Path) -> anyhow::Result<Stats> {
    let (index, fields) = open(dir, false)?;
    let searcher = index.reader()?.searcher();
    let mut s = Stats::default();
    let mut ids = BTreeSet::new();
    for address in searcher.search(&AllQuery, &DocSetCollector)? {
        let doc: TantivyDocument = searcher.doc(address)?;
        let r = stored_record(&doc, &fields)?;
        s.records += 1;
        ids.insert(r.doc_id.clone());
        *s.kinds.entry(r.kind.as_str().to_string()).or_default() += 1;
        if let Some(b) = r.body() {
            *s.bodies.entry(b.to_string()).or_default() += 1;
        }
        if let Some(d) = r.date() {
            if s.first_date.as_deref().is_none_or(|f| d < f) {
                s.first_date = Some(d.to_string());
            }
            if s.last_date.as_deref().is_none_or(|l| d > l) {
                s.last_date = Some(d.to_string());
            }
        }
        if let Some(p) = &r.punkt {
            s.punkter += 1;
            for b in &p.beslutninger {
                let o = b.outcome.map_or("none", |o| o.as_str());
                *s.decisions.entry(o.to_string()).or_default() += 1;
            }
        }
    }
    s.documents = ids.len();
    s.size_bytes = folder_size(dir);
    Ok(s)
}

fn folder_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Every distinct source path in the index, sorted.
pub fn sources(searcher: &Searcher, fields: &Fields) -> anyhow::Result<Vec<String>> {
    let mut out = std::collections::BTreeSet::new();
    for address in searcher.search(&AllQuery, &tantivy::collector::DocSetCollector)? {
        let doc: TantivyDocument = searcher.doc(address)?;
        if let Some(s) = doc.get_first(fields.source).and_then(|v| v.as_str()) {
            out.insert(s.to_string());
        }
    }
    Ok(out.into_iter().collect())
}
