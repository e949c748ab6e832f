//! A request as a tantivy query: the understood words (see `understand`) over the weighted
//! text fields, with their compound parts and everyday synonyms below the typed word, case
//! numbers routed to `sagsnr` and ranked first, tantivy's own language for a query written in
//! it, and the filters as exact terms and date ranges.

use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, QueryParser,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{Index, Term};

use super::analysis::{self, words};
use super::request::{Request, Section};
use super::schema::{Fields, date_value, fold};
use super::understand::{Understood, synonyms, understand};
use chrono::NaiveDate;

/// How the words of a free-text query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Every word (through its forms, parts or synonyms) must match.
    All,
    /// Any word may match, ranked by how many and how well: the fallback when no record has
    /// them all.
    Any,
}

/// A request's query, its warnings, and whether [`Match::Any`] would read it more loosely.
pub struct Built {
    pub query: Box<dyn Query>,
    pub warnings: Vec<String>,
    pub relaxable: bool,
}

/// The weight of a word found in each field when no field is chosen: a title that is about
/// the word outranks a text that mentions it.
const WEIGHTS: &[(FieldOf, f32)] = &[
    (FieldOf::Title, 3.0),
    (FieldOf::Indstilling, 1.5),
    (FieldOf::Beslutning, 1.5),
    (FieldOf::Text, 1.0),
];
/// The weight of a word found in the old spelling (`Kjøbenhavn`-style, see `fold`).
const FOLDED: f32 = 0.5;
/// The weight of a word found as a part of a compound (`bevilling` in `anlægsbevilling`).
const PART: f32 = 0.6;
/// The weight of a synonym relative to the typed word.
const SYNONYM: f32 = 0.4;
/// The weight of a word that only frames the question (`besluttede`, `udvalget`).
const FRAME: f32 = 0.2;
/// The weight of a case number's own items over items that merely mention it.
const CASE: f32 = 20.0;

#[derive(Debug, Clone, Copy)]
enum FieldOf {
    Title,
    Indstilling,
    Beslutning,
    Text,
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

/// The fields a word is looked for in, with their weights, and whether its old spelling and its
/// compound parts count.
struct Scope {
    fields: Vec<(Field, f32)>,
    folded_and_parts: bool,
}

impl Scope {
    fn of(fields: &Fields, section: Option<Section>) -> Scope {
        match section {
            Some(s) => Scope {
                fields: vec![(field_of(fields, s), 1.0)],
                folded_and_parts: false,
            },
            None => Scope {
                fields: WEIGHTS
                    .iter()
                    .map(|(f, w)| {
                        let field = match f {
                            FieldOf::Title => fields.title,
                            FieldOf::Indstilling => fields.indstilling,
                            FieldOf::Beslutning => fields.beslutning,
                            FieldOf::Text => fields.text,
                        };
                        (field, *w)
                    })
                    .collect(),
                folded_and_parts: true,
            },
        }
    }

    fn title_only(fields: &Fields) -> Scope {
        Scope {
            fields: vec![(fields.title, 1.0)],
            folded_and_parts: false,
        }
    }
}

fn boosted(q: Box<dyn Query>, weight: f32) -> Box<dyn Query> {
    if (weight - 1.0).abs() < f32::EPSILON {
        q
    } else {
        Box::new(BoostQuery::new(q, weight))
    }
}

/// The terms in `field` of a run of words, as one term or a phrase.
fn terms_query(field: Field, terms: &[String]) -> Option<Box<dyn Query>> {
    let terms: Vec<Term> = terms
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms.into_iter().next().expect("one term"),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

/// A word (or a phrase of words, as a synonym may be) in every field of the scope.
/// How much of a word's evidence to look for: all of it for a typed word, the title and the
/// text (itself and inside compounds: `mast` in `gittermast`) for a synonym or a frame word,
/// which rank below it. Every clause is scored for every matching record, so a broad word pays
/// for each one (a million punkter: `penge til veje`, six synonyms a word, 74 → 55 ms).
#[derive(Clone, Copy, PartialEq)]
enum Evidence {
    Full,
    Main,
}

fn word_query(
    word: &str,
    scope: &Scope,
    fields: &Fields,
    weight: f32,
    evidence: Evidence,
) -> Option<Box<dyn Query>> {
    let ws = words(word);
    let terms: Vec<String> = ws.iter().map(|w| analysis::term(&w.text)).collect();
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, w) in &scope.fields {
        let main = *field == fields.title || *field == fields.text || scope.fields.len() == 1;
        if evidence == Evidence::Main && !main {
            continue;
        }
        if let Some(q) = terms_query(*field, &terms) {
            any.push((Occur::Should, boosted(q, w * weight)));
        }
    }
    if scope.folded_and_parts {
        let folded: Vec<String> = words(&fold(word))
            .iter()
            .map(|w| analysis::term(&w.text))
            .collect();
        // `Aarhus` finds `Århus`: the old spelling of the word in the folded text; a word without
        // aa, ae or oe reads the same there as in `text`
        let old = folded
            .iter()
            .any(|t| ["aa", "ae", "oe"].iter().any(|d| t.contains(d)));
        if let Some(q) = terms_query(fields.folded, &folded).filter(|_| old) {
            any.push((Occur::Should, boosted(q, FOLDED * weight)));
        }
        // a word inside the compounds of the title and text (`bevilling` in `anlægsbevilling`)
        let title = WEIGHTS[0].1;
        for (field, w) in [(fields.title_parts, title * PART), (fields.parts, PART)] {
            if evidence == Evidence::Main && field == fields.title_parts {
                continue;
            }
            if let Some(q) = terms_query(field, &terms) {
                any.push((Occur::Should, boosted(q, w * weight)));
            }
        }
    }
    (!any.is_empty()).then(|| Box::new(BooleanQuery::new(any)) as Box<dyn Query>)
}

/// A typed word with its synonyms below it.
fn word_with_synonyms(word: &str, scope: &Scope, fields: &Fields) -> Option<Box<dyn Query>> {
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    any.extend(word_query(word, scope, fields, 1.0, Evidence::Full).map(|q| (Occur::Should, q)));
    for alternative in synonyms(word) {
        let q = word_query(alternative, scope, fields, SYNONYM, Evidence::Main);
        any.extend(q.map(|q| (Occur::Should, q)));
    }
    (!any.is_empty()).then(|| Box::new(BooleanQuery::new(any)) as Box<dyn Query>)
}

/// The understood words as one query: all of them (or any, for [`Match::Any`]), frame words
/// ranking only.
fn words_query(
    u: &Understood,
    scope: &Scope,
    fields: &Fields,
    how: Match,
) -> Option<Box<dyn Query>> {
    let occur = match how {
        Match::All => Occur::Must,
        Match::Any => Occur::Should,
    };
    let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for w in &u.words {
        parts.extend(word_with_synonyms(w, scope, fields).map(|q| (occur, q)));
    }
    if parts.is_empty() {
        return None;
    }
    for w in &u.optional {
        if let Some(q) = word_query(w, scope, fields, FRAME, Evidence::Main) {
            parts.push((Occur::Should, q));
        }
    }
    Some(Box::new(BooleanQuery::new(parts)))
}

/// A case number: its own items far above those whose text mentions it.
fn case_query(case: &str, fields: &Fields) -> Box<dyn Query> {
    let own = Box::new(TermQuery::new(
        Term::from_field_text(fields.sagsnr, case),
        IndexRecordOption::Basic,
    ));
    let mut any: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, boosted(own, CASE))];
    let terms: Vec<String> = words(case)
        .iter()
        .map(|w| analysis::term(&w.text))
        .collect();
    any.extend(terms_query(fields.text, &terms).map(|q| (Occur::Should, q)));
    Box::new(BooleanQuery::new(any))
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

/// The query of a request with every word required: the parsed text query and the filters,
/// and the warnings of a query that had to be read leniently.
pub fn build_query(
    index: &Index,
    fields: &Fields,
    req: &Request,
) -> anyhow::Result<(Box<dyn Query>, Vec<String>)> {
    let built = build(index, fields, req, Match::All)?;
    Ok((built.query, built.warnings))
}

/// The query of a request, its words combined as `how` says.
pub fn build(index: &Index, fields: &Fields, req: &Request, how: Match) -> anyhow::Result<Built> {
    let mut warnings = Vec::new();
    let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let u = understand(&req.query);
    let relaxable = how == Match::All && u.syntax.is_none() && u.words.len() > 1;
    if !req.query.trim().is_empty() {
        let scope = Scope::of(fields, req.section);
        let text = match &u.syntax {
            Some(syntax) => {
                let defaults = scope.fields.iter().map(|(f, _)| *f).collect();
                Some(parse_text(index, fields, defaults, syntax, &mut warnings))
            }
            None => words_query(&u, &scope, fields, how),
        };
        let cases: Vec<Box<dyn Query>> = u.cases.iter().map(|c| case_query(c, fields)).collect();
        let q = either(text.into_iter().chain(cases).collect());
        let q = if req.hide_closed {
            let closed = match &u.syntax {
                Some(syntax) => closed_by_title(index, fields, syntax),
                None => words_query(&u, &Scope::title_only(fields), fields, how),
            };
            open_or_closed(fields, q, closed)
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
    Ok(Built {
        query,
        warnings,
        relaxable,
    })
}

/// One query that any of `queries` satisfies.
fn either(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match queries.len() {
        0 => Box::new(EmptyQuery),
        1 => queries.pop().expect("one query"),
        _ => Box::new(BooleanQuery::new(
            queries.into_iter().map(|q| (Occur::Should, q)).collect(),
        )),
    }
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

/// A query in tantivy's language looked up in the title alone, for closed records; none when
/// it names a content field (`beslutning:…`, `sagsnr:…`), which no closed record shows.
fn closed_by_title(index: &Index, fields: &Fields, text: &str) -> Option<Box<dyn Query>> {
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
    only_public.then_some(by_title)
}

/// `query` for open records, or `by_title` for closed ones, as a public server shows them (see
/// [`super::Record::redacted`]).
fn open_or_closed(
    fields: &Fields,
    query: Box<dyn Query>,
    by_title: Option<Box<dyn Query>>,
) -> Box<dyn Query> {
    let open: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
        (Occur::Must, query),
        (Occur::MustNot, closed_query(fields)),
    ]));
    let Some(by_title) = by_title else {
        return open;
    };
    let closed: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
        (Occur::Must, by_title),
        (Occur::Must, closed_query(fields)),
    ]));
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, open),
        (Occur::Should, closed),
    ]))
}
