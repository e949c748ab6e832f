//! Search: the tantivy query language over the named fields, filters as exact terms and date
//! ranges, ranked hits flat enough for `jq '.hits[].title'`, snippets and facet counts.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::Serialize;
use tantivy::Order;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, Index, Searcher, TantivyDocument};

use super::Record;
use super::query::{Match, build};
use super::schema::{Fields, open};

pub use super::request::{Filters, Request, Section, Sort};

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
    /// Counts of the matching records per body, year, outcome and kind; empty unless asked for
    /// (`--facets`; the server's `facets=true`, its default).
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
    let mut built = build(index, fields, req, Match::All)?;
    if built.relaxable && searcher.search(&*built.query, &Count)? == 0 {
        let any = build(index, fields, req, Match::Any)?;
        built.query = any.query;
        built.warnings.push(
            "no record has every word of the query: showing records with any of them, \
             the most words first"
                .to_string(),
        );
    }
    let (query, warnings) = (built.query, built.warnings);
    let facet_collector = req.facets.then(|| {
        let mut c = FacetCollector::for_field("facets");
        for dim in ["/body", "/year", "/outcome", "/kind"] {
            c.add_facet(dim);
        }
        c
    });
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
    // a word found inside a compound (`klima` in `Klimastrategi`) marks the compound
    let part_snippets = SnippetGenerator::create(searcher, &*query, fields.parts)?;
    let mut owned = Vec::new();
    query.query_terms(&mut |term, _| {
        if term.field() == fields.text || term.field() == fields.parts {
            owned.extend(term.value().as_str().map(str::to_string));
        }
    });
    let needles = (!owned.is_empty())
        .then(|| {
            let words: Vec<String> = owned.iter().map(|w| regex::escape(w)).collect();
            regex::Regex::new(&format!("(?i){}", words.join("|"))).ok()
        })
        .flatten();
    let mut hits = Vec::new();
    for (score, address) in top.into_iter().take(req.limit) {
        let doc: TantivyDocument = searcher.doc(address)?;
        let record = stored_record(&doc, fields)?;
        let ord = super::schema::ord_of(&doc, fields).unwrap_or(0);
        let closed = record.is_closed();
        let text = doc.get_first(fields.text).and_then(|v| v.as_str());
        let text = window(text.unwrap_or_default(), needles.as_ref());
        let mut snippet = text_snippets.snippet(text);
        if snippet.highlighted().is_empty() && !(closed && req.hide_closed) {
            let from_parts = part_snippets.snippet(text);
            if !from_parts.highlighted().is_empty() {
                snippet = from_parts;
            }
        }
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
        let Some(counts) = &counts else { break };
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

/// Texts longer than this are cut to a window around the first match before a snippet is made:
/// analysing a whole long text for each hit costs more than the search.
const WINDOW: usize = 1200;

/// The part of `text` around the first place one of the query's stems occurs (a stem is a
/// prefix of the words it matches, and occurs inside the compounds it matches too), or the
/// whole text when it is short, or the start when no stem occurs.
fn window<'a>(text: &'a str, stems: Option<&regex::Regex>) -> &'a str {
    if text.len() <= WINDOW {
        return text;
    }
    let at = stems.and_then(|s| s.find(text)).map_or(0, |m| m.start());
    let mut from = at.saturating_sub(WINDOW / 3);
    let mut to = (from + WINDOW).min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to += 1;
    }
    &text[from..to]
}

/// The snippet's fragment on one line with its matched words marked.
fn marked(snippet: &tantivy::snippet::Snippet, marks: Marks) -> String {
    mark(snippet.fragment(), snippet.highlighted(), marks)
}

/// `text` with the `ranges` marked; ranges that overlap or touch are marked once (a compound's
/// parts are all found at the compound's place), ranges outside the text are left out.
fn mark(text: &str, ranges: &[std::ops::Range<usize>], marks: Marks) -> String {
    let mut sorted: Vec<std::ops::Range<usize>> = ranges
        .iter()
        .filter(|r| r.start < r.end && r.end <= text.len())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .cloned()
        .collect();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for r in merged {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_matches_are_marked_once() {
        // the parts of `skolebestyrelserne` are all found at the whole word's place
        let text = "skolebestyrelserne i Greve";
        let m = mark(text, &[0..18, 0..18, 0..18, 21..26, 40..50], HTML_MARKS);
        assert_eq!(m, "<b>skolebestyrelserne</b> i <b>Greve</b>");
        assert_eq!(mark("ab", &[0..1, 1..2], HTML_MARKS), "<b>ab</b>");
    }

    #[test]
    fn a_long_text_is_cut_around_its_first_match_in_any_case() {
        let text = format!(
            "{} Økonomiudvalget godkendte {}",
            "ord ".repeat(1000),
            "æ".repeat(900)
        );
        let stems = regex::Regex::new("(?i)økonomiudvalg").unwrap();
        let w = window(&text, Some(&stems));
        assert!(
            w.len() <= WINDOW + 4 && w.contains("Økonomiudvalget"),
            "{w}"
        );
        assert_eq!(window("kort tekst", Some(&stems)), "kort tekst");
        assert!(window(&text, None).starts_with("ord ord"));
    }
}
