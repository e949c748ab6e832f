//! Search: the tantivy query language over the named fields, filters as exact terms and date
//! ranges, ranked hits flat enough for `jq '.hits[].title'`, snippets and facet counts.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::Path;

use schemars::JsonSchema;
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, TantivyDocument, Term};

use super::Record;
use super::schema::{Fields, date_value, open};
use crate::model::{Kind, Outcome};
use chrono::NaiveDate;

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

#[derive(Debug, Clone)]
pub struct Request {
    pub query: String,
    /// Search only this full-text field.
    pub section: Option<Section>,
    pub filters: Filters,
    pub limit: usize,
}

/// How matched words are marked in snippets.
#[derive(Debug, Clone, Copy)]
pub struct Marks {
    pub open: &'static str,
    pub close: &'static str,
}

pub const HTML_MARKS: Marks = Marks {
    open: "<b>",
    close: "</b>",
};

/// The answer to a search, as `referat search --json` prints it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SearchOutput {
    /// Number of records matching, beyond the hits shown.
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// Parts of the query that could not be understood and were ignored.
    pub warnings: Vec<String>,
}

/// One ranked hit: a punkt with its meeting, or a document without punkter.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Hit {
    pub score: f32,
    pub doc_id: String,
    pub source: String,
    /// `referat`, `dagsorden`, `rapport`, `bilag`, `ukendt`.
    pub kind: String,
    pub body: Option<String>,
    /// Meeting date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Punkt number as printed; null for a document without punkter.
    pub number: Option<String>,
    pub title: Option<String>,
    pub case_numbers: Vec<String>,
    pub outcome: Option<String>,
    /// A passage of the text with the matched words between `<b>` and `</b>`.
    pub snippet: String,
}

/// Counts of the matching records per value.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Facets {
    pub body: BTreeMap<String, u64>,
    pub year: BTreeMap<String, u64>,
    pub outcome: BTreeMap<String, u64>,
    pub kind: BTreeMap<String, u64>,
}

/// The JSON Schema of `referat search --json`, pretty-printed, as committed in `schemas/`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(SearchOutput);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}

fn field_of(fields: &Fields, section: Section) -> Field {
    match section {
        Section::Title => fields.title,
        Section::Indstilling => fields.indstilling,
        Section::Beslutning => fields.beslutning,
        Section::Sections => fields.sections,
        Section::Text => fields.text,
    }
}

fn raw_term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

fn date_bound(field: Field, value: Option<NaiveDate>) -> Bound<Term> {
    match value.and_then(|d| date_value(&d.format("%Y-%m-%d").to_string())) {
        None => Bound::Unbounded,
        Some(d) => Bound::Included(Term::from_field_date(field, d)),
    }
}

/// The query of a request: the parsed text query and the filters, and the warnings of a
/// query that had to be read leniently.
pub fn build_query(
    index: &Index,
    fields: &Fields,
    req: &Request,
) -> anyhow::Result<(Box<dyn Query>, Vec<String>)> {
    let mut warnings = Vec::new();
    let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !req.query.trim().is_empty() {
        let defaults = match &req.section {
            Some(s) => vec![field_of(fields, *s)],
            None => vec![
                fields.title,
                fields.indstilling,
                fields.beslutning,
                fields.text,
                fields.folded,
            ],
        };
        let mut parser = QueryParser::for_index(index, defaults);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.title, 3.0);
        parser.set_field_boost(fields.indstilling, 1.5);
        parser.set_field_boost(fields.beslutning, 1.5);
        parser.set_field_boost(fields.folded, 0.5);
        let q = match parser.parse_query(&req.query) {
            Ok(q) => q,
            Err(e) => {
                let (q, errors) = parser.parse_query_lenient(&req.query);
                warnings.push(format!("query read leniently: {e}"));
                warnings.extend(errors.iter().map(|e| format!("ignored: {e}")));
                q
            }
        };
        parts.push((Occur::Must, q));
    }
    let f = &req.filters;
    if let Some(b) = &f.body {
        parts.push((Occur::Must, raw_term(fields.body, &b.to_lowercase())));
    }
    if let Some(o) = f.outcome {
        parts.push((Occur::Must, raw_term(fields.outcome, o.as_str())));
    }
    if let Some(c) = &f.case {
        parts.push((Occur::Must, raw_term(fields.sagsnr, c)));
    }
    if let Some(k) = f.kind {
        parts.push((Occur::Must, raw_term(fields.kind, k.as_str())));
    }
    if f.from.is_some() || f.to.is_some() {
        let lower = date_bound(fields.date, f.from);
        let upper = date_bound(fields.date, f.to);
        parts.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    }
    let query: Box<dyn Query> = match parts.len() {
        0 => Box::new(AllQuery),
        1 => parts.pop().map(|(_, q)| q).expect("one part"),
        _ => Box::new(BooleanQuery::new(parts)),
    };
    Ok((query, warnings))
}

/// Runs a search against the index in `dir`.
pub fn search(dir: &Path, req: &Request, marks: Marks) -> anyhow::Result<SearchOutput> {
    let (index, fields) = open(dir, false)?;
    let searcher = index.reader()?.searcher();
    let (query, warnings) = build_query(&index, &fields, req)?;
    let mut facet_collector = FacetCollector::for_field("facets");
    for dim in ["/body", "/year", "/outcome", "/kind"] {
        facet_collector.add_facet(dim);
    }
    let top = TopDocs::with_limit(req.limit.max(1)).order_by_score();
    let (top, total, counts) = searcher.search(&query, &(top, Count, facet_collector))?;
    let text_snippets = SnippetGenerator::create(&searcher, &*query, fields.text)?;
    let title_snippets = SnippetGenerator::create(&searcher, &*query, fields.title)?;
    let mut hits = Vec::new();
    for (score, address) in top.into_iter().take(req.limit) {
        let doc: TantivyDocument = searcher.doc(address)?;
        let record = stored_record(&doc, &fields)?;
        let mut snippet = text_snippets.snippet_from_doc(&doc);
        if snippet.highlighted().is_empty() {
            let from_title = title_snippets.snippet_from_doc(&doc);
            if !from_title.highlighted().is_empty() {
                snippet = from_title;
            }
        }
        hits.push(hit(score, &record, &marked(&snippet, marks)));
    }
    let mut facets = Facets::default();
    for (dim, map) in [
        ("/body", &mut facets.body),
        ("/year", &mut facets.year),
        ("/outcome", &mut facets.outcome),
        ("/kind", &mut facets.kind),
    ] {
        for (facet, count) in counts.get(dim) {
            let value = facet.to_path().last().map(|s| s.to_string());
            map.insert(value.unwrap_or_default(), count);
        }
    }
    Ok(SearchOutput {
        total,
        hits,
        facets,
        warnings,
    })
}

fn hit(score: f32, r: &Record, snippet: &str) -> Hit {
    Hit {
        score,
        doc_id: r.doc_id.clone(),
        source: r.source.clone(),
        kind: r.kind.as_str().to_string(),
        body: r.body().map(str::to_string),
        date: r.date().map(str::to_string),
        number: r.punkt.as_ref().map(|p| p.number.clone()),
        title: r.title().map(str::to_string),
        case_numbers: r
            .punkt
            .as_ref()
            .map(|p| p.case_numbers.clone())
            .unwrap_or_default(),
        outcome: r.outcome.map(|o| o.as_str().to_string()),
        snippet: snippet.to_string(),
    }
}

/// The snippet's fragment on one line with its matched words marked.
fn marked(snippet: &tantivy::snippet::Snippet, marks: Marks) -> String {
    let text = snippet.fragment();
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for r in snippet.highlighted() {
        out.push_str(&text[at..r.start]);
        out.push_str(marks.open);
        out.push_str(&text[r.start..r.end]);
        out.push_str(marks.close);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The record stored with an index document, checked against the document's own key fields.
pub fn stored_record(doc: &TantivyDocument, fields: &Fields) -> anyhow::Result<Record> {
    let get = |f: Field| {
        doc.get_first(f)
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let source = get(fields.source).unwrap_or_default();
    let json = get(fields.record)
        .ok_or_else(|| anyhow::anyhow!("{source}: index document without a stored record"))?;
    let record: Record = serde_json::from_str(&json)
        .map_err(|e| anyhow::anyhow!("{source}: stored record is not valid: {e}"))?;
    if record.source != source || Some(&record.doc_id) != get(fields.doc_id).as_ref() {
        anyhow::bail!("{source}: stored record does not match its index keys");
    }
    Ok(record)
}
