//! Search: the tantivy query language over the named fields, filters as exact terms and date
//! ranges, ranked hits flat enough for `jq '.hits[].title'`, snippets and facet counts.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::Path;

use schemars::JsonSchema;
use serde::Serialize;
use tantivy::Order;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, Index, Searcher, TantivyDocument, Term};

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

/// The order of the hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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
    /// The record's id, `DOC_ID-N` (N its place in the document), as `referat serve` links it.
    pub id: String,
    /// A closed item (`Lukket punkt`).
    pub closed: bool,
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
        let q = parse_text(index, fields, defaults, &req.query, &mut warnings);
        let q = if req.hide_closed {
            open_or_closed_by_title(index, fields, q, &req.query)
        } else {
            q
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
        if req.hide_closed {
            parts.push((Occur::MustNot, closed_query(fields)));
        }
    }
    if let Some(k) = f.kind {
        parts.push((Occur::Must, raw_term(fields.kind, k.as_str())));
    }
    if f.from.is_some() || f.to.is_some() {
        let lower = date_bound(fields.date, f.from);
        let upper = date_bound(fields.date, f.to);
        parts.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    }
    if parts.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        parts.push((Occur::Must, Box::new(AllQuery)));
    }
    let query: Box<dyn Query> = match parts.len() {
        1 => parts.pop().map(|(_, q)| q).expect("one part"),
        _ => Box::new(BooleanQuery::new(parts)),
    };
    Ok((query, warnings))
}

/// The text query in tantivy's language over `defaults`, read leniently when it does not parse.
fn parse_text(
    index: &Index,
    fields: &Fields,
    defaults: Vec<Field>,
    text: &str,
    warnings: &mut Vec<String>,
) -> Box<dyn Query> {
    let mut parser = QueryParser::for_index(index, defaults);
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.title, 3.0);
    parser.set_field_boost(fields.indstilling, 1.5);
    parser.set_field_boost(fields.beslutning, 1.5);
    parser.set_field_boost(fields.folded, 0.5);
    match parser.parse_query(text) {
        Ok(q) => q,
        Err(e) => {
            let (q, errors) = parser.parse_query_lenient(text);
            warnings.push(format!("query read leniently: {e}"));
            warnings.extend(errors.iter().map(|e| format!("ignored: {e}")));
            q
        }
    }
}

/// Records marked closed at ingest (the facet `/closed`).
pub fn closed_query(fields: &Fields) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_facet(fields.facets, &Facet::from("/closed")),
        IndexRecordOption::Basic,
    ))
}

/// `query` for open records, or the same words looked up in the title alone for closed ones;
/// a query naming a content field (`beslutning:…`, `sagsnr:…`) matches no closed record.
fn open_or_closed_by_title(
    index: &Index,
    fields: &Fields,
    query: Box<dyn Query>,
    text: &str,
) -> Box<dyn Query> {
    let open: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
        (Occur::Must, query),
        (Occur::MustNot, closed_query(fields)),
    ]));
    let by_title = parse_text(index, fields, vec![fields.title], text, &mut Vec::new());
    let public = [
        fields.title,
        fields.body,
        fields.kind,
        fields.outcome,
        fields.number,
        fields.year,
        fields.date,
    ];
    let mut only_public = true;
    by_title.query_terms(&mut |term, _| only_public &= public.contains(&term.field()));
    if !only_public {
        return open;
    }
    let closed: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
        (Occur::Must, by_title),
        (Occur::Must, closed_query(fields)),
    ]));
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, open),
        (Occur::Should, closed),
    ]))
}

/// Runs a search against the index in `dir`.
pub fn search(dir: &Path, req: &Request, marks: Marks) -> anyhow::Result<SearchOutput> {
    let (index, fields) = open(dir, false)?;
    let searcher = index.reader()?.searcher();
    search_with(&index, &fields, &searcher, req, marks)
}

/// Runs a search with an open index and searcher (a server keeps both).
pub fn search_with(
    index: &Index,
    fields: &Fields,
    searcher: &Searcher,
    req: &Request,
    marks: Marks,
) -> anyhow::Result<SearchOutput> {
    let (query, warnings) = build_query(index, fields, req)?;
    let mut facet_collector = FacetCollector::for_field("facets");
    for dim in ["/body", "/year", "/outcome", "/kind"] {
        facet_collector.add_facet(dim);
    }
    let top = TopDocs::with_limit(req.limit.max(1)).and_offset(req.offset);
    let (top, total, counts) = match req.sort {
        Sort::Relevance => {
            searcher.search(&query, &(top.order_by_score(), Count, facet_collector))?
        }
        Sort::Newest | Sort::Oldest => {
            let order = if req.sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let by_date = top.order_by_fast_field::<DateTime>("date", order);
            let (top, total, counts) =
                searcher.search(&query, &(by_date, Count, facet_collector))?;
            let top = top.into_iter().map(|(_, address)| (0.0, address)).collect();
            (top, total, counts)
        }
    };
    let text_snippets = SnippetGenerator::create(searcher, &*query, fields.text)?;
    let title_snippets = SnippetGenerator::create(searcher, &*query, fields.title)?;
    let mut hits = Vec::new();
    for (score, address) in top.into_iter().take(req.limit) {
        let doc: TantivyDocument = searcher.doc(address)?;
        let record = stored_record(&doc, fields)?;
        let ord = super::schema::ord_of(&doc, fields).unwrap_or(0);
        let closed = record.is_closed();
        let mut snippet = text_snippets.snippet_from_doc(&doc);
        if snippet.highlighted().is_empty() || (closed && req.hide_closed) {
            let from_title = title_snippets.snippet_from_doc(&doc);
            if !from_title.highlighted().is_empty() || (closed && req.hide_closed) {
                snippet = from_title;
            }
        }
        let mut hit = hit(score, &record, &marked(&snippet, marks));
        hit.id = super::record_id(&record.doc_id, ord);
        if closed && req.hide_closed {
            hit.case_numbers.clear();
        }
        hits.push(hit);
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
        id: String::new(),
        closed: r.is_closed(),
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
