//! What each page shows, as plain values ready for its template (`templates/*.html`): links
//! already written, Danish labels chosen, text escaped where it is marked up. The templates
//! only lay these out.

use askama::Template;

use super::params::{Params, encode};
use crate::index::Record;
use crate::index::search::{Hit, SearchOutput};
use crate::model::Punkt;

/// Marks of matched words in page snippets, replaced by `<mark>` after escaping.
pub const MARK_OPEN: &str = "\u{1}";
pub const MARK_CLOSE: &str = "\u{2}";

/// An outcome in Danish.
pub fn outcome_label(outcome: &str) -> &'static str {
    match outcome {
        "godkendt" => "Godkendt",
        "anbefalet" => "Anbefalet",
        "taget_til_efterretning" => "Taget til efterretning",
        "droeftet" => "Drøftet",
        "udsat" => "Udsat",
        "oversendt" => "Oversendt",
        "udgaaet" => "Udgået",
        "ikke_godkendt" => "Ikke godkendt",
        "godkendt_med_aendringer" => "Godkendt med ændringer",
        _ => "Andet",
    }
}

pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "referat" => "Referat",
        "dagsorden" => "Dagsorden",
        "rapport" => "Rapport",
        "bilag" => "Bilag",
        _ => "Ukendt",
    }
}

/// An outcome as a coloured badge.
pub struct Badge {
    pub class: String,
    pub label: &'static str,
}

pub fn badge(outcome: Option<&str>) -> Option<Badge> {
    outcome.map(|o| Badge {
        class: format!("badge o-{}", o.replace('_', "-")),
        label: outcome_label(o),
    })
}

pub struct Link {
    pub href: String,
    pub label: String,
}

pub fn case_href(sagsnr: &str) -> String {
    let parts: Vec<String> = sagsnr.split('/').map(encode).collect();
    format!("/sag/{}", parts.join("/"))
}

pub fn case_links(cases: &[String]) -> Vec<Link> {
    cases
        .iter()
        .map(|c| Link {
            href: case_href(c),
            label: c.clone(),
        })
        .collect()
}

/// A snippet with private marks as safe HTML with `<mark>`.
pub fn snippet_html(snippet: &str) -> String {
    html_escape::encode_text(snippet)
        .replace(MARK_OPEN, "<mark>")
        .replace(MARK_CLOSE, "</mark>")
}

/// Text as paragraphs: the parsers leave one paragraph a line.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

pub struct HitView {
    pub href: String,
    pub title: String,
    pub badge: Option<Badge>,
    pub meta: String,
    pub meeting_href: String,
    pub cases: Vec<Link>,
    pub snippet: String,
    pub closed: bool,
}

fn hit_view(h: &Hit) -> HitView {
    let mut meta = Vec::new();
    meta.extend(h.date.clone());
    meta.push(
        h.body
            .clone()
            .unwrap_or_else(|| kind_label(&h.kind).to_string()),
    );
    if let Some(n) = &h.number {
        meta.push(format!("punkt {n}"));
    }
    HitView {
        href: format!("/punkt/{}", h.id),
        title: h.title.clone().unwrap_or_else(|| "(uden titel)".into()),
        badge: badge(h.outcome.as_deref()),
        meta: meta.join(" · "),
        meeting_href: format!("/moede/{}", h.doc_id),
        cases: case_links(&h.case_numbers),
        snippet: snippet_html(&h.snippet),
        closed: h.closed,
    }
}

pub struct FacetValue {
    pub label: String,
    pub count: u64,
    pub href: String,
    pub selected: bool,
}

pub struct FacetGroup {
    pub label: &'static str,
    pub values: Vec<FacetValue>,
}

pub struct YearBar {
    pub year: u32,
    pub count: u64,
    pub href: String,
    /// 0 to 10: the bar's height in tenths of the highest.
    pub level: u64,
    pub selected: bool,
}

pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub q: String,
    pub searched: bool,
    pub total: usize,
    pub first: usize,
    pub last: usize,
    pub hits: Vec<HitView>,
    pub facets: Vec<FacetGroup>,
    pub years: Vec<YearBar>,
    /// Active filters and the link that removes each.
    pub filters: Vec<Link>,
    /// Filters kept by the search form.
    pub hidden: Vec<(&'static str, String)>,
    pub sorts: Vec<Choice>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub feed: String,
    pub csv: String,
    pub api: String,
    pub warnings: Vec<String>,
    /// No words and no sort asked for: the newest meetings are listed first.
    pub newest_first: bool,
}

/// The search page of `params`' results.
pub fn search_page(params: &Params, out: &SearchOutput, offset: usize, limit: usize) -> SearchPage {
    let facet = |label,
                 name: &'static str,
                 map: &std::collections::BTreeMap<String, u64>,
                 show: fn(&str) -> String| {
        let mut values: Vec<FacetValue> = map
            .iter()
            .map(|(value, count)| {
                let selected = params
                    .get(name)
                    .is_some_and(|v| v.eq_ignore_ascii_case(value));
                FacetValue {
                    label: show(value),
                    count: *count,
                    href: params
                        .with(name, (!selected).then_some(value.as_str()))
                        .href("/"),
                    selected,
                }
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        FacetGroup { label, values }
    };
    let facets = vec![
        facet("Udvalg", "body", &out.facets.body, |v| v.to_string()),
        facet("Udfald", "outcome", &out.facets.outcome, |v| {
            outcome_label(v).to_string()
        }),
        facet("Dokumenttype", "kind", &out.facets.kind, |v| {
            kind_label(v).to_string()
        }),
    ];
    let years = super::answers::years(&out.facets);
    let highest = years.iter().map(|y| y.count).max().unwrap_or(1).max(1);
    let years = years
        .iter()
        .map(|y| {
            let selected = params.get("year") == Some(y.year.to_string().as_str());
            let value = y.year.to_string();
            YearBar {
                year: y.year,
                count: y.count,
                href: params
                    .with("year", (!selected).then_some(value.as_str()))
                    .href("/"),
                level: (y.count * 10).div_ceil(highest),
                selected,
            }
        })
        .collect();
    let mut filters = Vec::new();
    let mut hidden = Vec::new();
    for name in [
        "body", "year", "from", "to", "outcome", "kind", "case", "section",
    ] {
        if let Some(v) = params.get(name) {
            let label = match name {
                "body" => format!("Udvalg: {v}"),
                "year" => format!("År: {v}"),
                "from" => format!("Fra: {v}"),
                "to" => format!("Til: {v}"),
                "outcome" => format!("Udfald: {}", outcome_label(v)),
                "kind" => format!("Type: {}", kind_label(v)),
                "case" => format!("Sag: {v}"),
                _ => format!("Felt: {v}"),
            };
            filters.push(Link {
                href: params.with(name, None).href("/"),
                label,
            });
            hidden.push((name, v.to_string()));
        }
    }
    // the form's default is the best match, for the words about to be typed; a page without
    // words lists the newest meetings first (see `pages::search`)
    let sort = params.get("sort").unwrap_or("relevance");
    let newest_first = params.get("q").is_none() && params.get("sort").is_none();
    let sorts = [
        ("relevance", "Bedste match"),
        ("newest", "Nyeste først"),
        ("oldest", "Ældste først"),
    ]
    .into_iter()
    .map(|(value, label)| Choice {
        value,
        label,
        selected: value == sort,
    })
    .collect();
    let page = |o: usize| {
        params
            .with("offset", (o > 0).then(|| o.to_string()).as_deref())
            .href("/")
    };
    let searched = params != &Params::default();
    SearchPage {
        q: params.get("q").unwrap_or_default().to_string(),
        searched,
        total: out.total,
        first: offset + 1,
        last: offset + out.hits.len(),
        hits: out.hits.iter().map(hit_view).collect(),
        facets,
        years,
        filters,
        hidden,
        sorts,
        prev: (offset > 0).then(|| page(offset.saturating_sub(limit))),
        next: (offset + limit < out.total).then(|| page(offset + limit)),
        feed: params.with("offset", None).href("/feeds/search.atom"),
        csv: params
            .with("offset", None)
            .with("format", Some("csv"))
            .href("/api/v1/search"),
        api: params.href("/api/v1/search"),
        warnings: out.warnings.clone(),
        newest_first,
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub heading: String,
    pub message: String,
}

/// A meeting's heading: `Direktionen 6. januar 2015`, or the document's title.
pub fn meeting_heading(r: &Record) -> String {
    match (r.body(), r.date()) {
        (Some(b), Some(d)) => format!("{b} {}", danish_date(d)),
        (Some(b), None) => b.to_string(),
        (None, Some(d)) => format!("{} {}", kind_label(r.kind.as_str()), danish_date(d)),
        (None, None) => r.document_title.clone().unwrap_or_else(|| r.source.clone()),
    }
}

/// `2015-01-06` → `6. januar 2015`.
pub fn danish_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m @ 1..=12), Ok(d)) => format!("{d}. {} {y}", MONTHS[m - 1]),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// A punkt's line in a meeting's list of items.
pub struct ItemLink {
    pub href: String,
    pub number: String,
    pub title: String,
    pub badge: Option<Badge>,
    pub closed: bool,
    pub cases: Vec<Link>,
}

pub fn item_link(id: &str, p: &Punkt, outcome: Option<&str>) -> ItemLink {
    ItemLink {
        href: format!("/punkt/{id}"),
        number: p.number.clone(),
        title: p.title.clone(),
        badge: badge(outcome),
        closed: p.closed,
        cases: case_links(&p.case_numbers),
    }
}
