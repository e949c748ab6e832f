//! Following without an account: an Atom feed for any search (`/feeds/search.atom?q=…`, the
//! newest meetings first) and for a case (`/feeds/case.atom?case=14/689`, its decisions,
//! newest first), and CSV of a search for spreadsheets. Closed items appear as the search
//! shows them: title, number and outcome.

use std::io;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::answers::{self, Failure, run_search};
use super::params::{BadParam, Params, encode};
use super::state::Shared;
use super::views::outcome_label;
use crate::index::search::{Marks, SearchOutput, Sort};

/// Entries in a feed.
const FEED_ENTRIES: usize = 50;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/feeds/search.atom", get(search_feed))
        .route("/feeds/case.atom", get(case_feed))
}

/// One entry of a feed.
struct Entry {
    id: String,
    title: String,
    href: String,
    /// `YYYY-MM-DD`.
    date: Option<String>,
    summary: String,
}

/// `http://HOST` of the request, so feed readers get absolute links.
fn base(headers: &HeaderMap) -> String {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .map(|h| format!("http://{h}"))
        .unwrap_or_default()
}

fn timestamp(date: Option<&str>) -> String {
    format!("{}T00:00:00Z", date.unwrap_or("1970-01-01"))
}

/// The feed as Atom XML.
fn atom(title: &str, self_href: &str, alternate: &str, entries: &[Entry]) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    let updated = entries.iter().filter_map(|e| e.date.as_deref()).max();
    w.create_element("feed")
        .with_attribute(("xmlns", "http://www.w3.org/2005/Atom"))
        .with_attribute(("xml:lang", "da"))
        .write_inner_content(|w| {
            w.create_element("title")
                .write_text_content(BytesText::new(title))?;
            w.create_element("id")
                .write_text_content(BytesText::new(self_href))?;
            w.create_element("updated")
                .write_text_content(BytesText::new(&timestamp(updated)))?;
            w.create_element("link")
                .with_attributes([("rel", "self"), ("href", self_href)])
                .write_empty()?;
            w.create_element("link")
                .with_attributes([
                    ("rel", "alternate"),
                    ("type", "text/html"),
                    ("href", alternate),
                ])
                .write_empty()?;
            w.create_element("author").write_inner_content(|w| {
                w.create_element("name")
                    .write_text_content(BytesText::new("referat"))?;
                Ok(())
            })?;
            for e in entries {
                w.create_element("entry").write_inner_content(|w| {
                    w.create_element("id")
                        .write_text_content(BytesText::new(&e.id))?;
                    w.create_element("title")
                        .write_text_content(BytesText::new(&e.title))?;
                    w.create_element("updated")
                        .write_text_content(BytesText::new(&timestamp(e.date.as_deref())))?;
                    w.create_element("link")
                        .with_attributes([("rel", "alternate"), ("href", e.href.as_str())])
                        .write_empty()?;
                    w.create_element("summary")
                        .with_attribute(("type", "text"))
                        .write_text_content(BytesText::new(&e.summary))?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(w.into_inner())
}

fn atom_response(body: io::Result<Vec<u8>>) -> Result<Response, Failure> {
    let body = body.map_err(|e| Failure::Internal(e.into()))?;
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response())
}

async fn search_feed(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    let params = Params::from_pairs(&pairs);
    let mut s = params
        .search(FEED_ENTRIES, FEED_ENTRIES)
        .map_err(Failure::Bad)?;
    s.request.sort = Sort::Newest;
    s.request.offset = 0;
    let plain = Marks {
        open: "",
        close: "",
    };
    let (out, _) = run_search(&state, &s, plain).await?;
    let base = base(&headers);
    let entries: Vec<Entry> = out
        .hits
        .iter()
        .map(|h| {
            let href = format!("{base}/punkt/{}", h.id);
            let mut title = vec![h.date.clone().unwrap_or_default()];
            title.extend(h.body.clone());
            let mut summary = h
                .outcome
                .as_deref()
                .map(outcome_label)
                .unwrap_or_default()
                .to_string();
            if !h.snippet.is_empty() {
                summary = format!("{summary}. {}", h.snippet)
                    .trim_start_matches(". ")
                    .to_string();
            }
            Entry {
                id: href.clone(),
                title: format!(
                    "{}: {}",
                    title.join(" "),
                    h.title.as_deref().unwrap_or("(uden titel)")
                ),
                href,
                date: h.date.clone(),
                summary,
            }
        })
        .collect();
    let q = params.get("q").unwrap_or_default();
    let title = if q.is_empty() {
        "referat: søgning".to_string()
    } else {
        format!("referat: søgning »{q}«")
    };
    let self_href = format!("{base}{}", params.href("/feeds/search.atom"));
    let alternate = format!("{base}{}", params.with("format", None).href("/"));
    atom_response(atom(&title, &self_href, &alternate, &entries))
}

async fn case_feed(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    let Some((_, sagsnr)) = pairs
        .iter()
        .find(|(k, v)| k == "case" && !v.trim().is_empty())
    else {
        return Err(Failure::Bad(BadParam {
            param: "case",
            message: "a case number is needed, e.g. case=14/689".into(),
        }));
    };
    let history = answers::case(&state, sagsnr.clone()).await?;
    let base = base(&headers);
    let page = format!("{base}/sag/{}", history.sagsnr);
    let mut entries: Vec<Entry> = history
        .decisions
        .iter()
        .enumerate()
        .map(|(n, d)| Entry {
            id: format!("{page}#beslutning-{n}"),
            title: format!(
                "{} {}: {}",
                d.date.as_deref().unwrap_or("-"),
                d.body.as_deref().unwrap_or(""),
                d.outcome
                    .as_deref()
                    .map(outcome_label)
                    .unwrap_or("beslutning")
            ),
            href: format!("{base}/punkt/{}", d.item),
            date: d.date.clone(),
            summary: d.text.clone(),
        })
        .collect();
    entries.reverse();
    let title = format!("referat: sag {}", history.sagsnr);
    let self_href = format!("{base}/feeds/case.atom?case={}", encode(&history.sagsnr));
    atom_response(atom(&title, &self_href, &page, &entries))
}

/// A search as CSV: one row per hit, the snippet without marks.
pub fn csv(out: &SearchOutput) -> anyhow::Result<Response> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "date",
        "body",
        "number",
        "title",
        "outcome",
        "case_numbers",
        "kind",
        "source",
        "snippet",
    ])?;
    for h in &out.hits {
        w.write_record([
            h.id.as_str(),
            h.date.as_deref().unwrap_or_default(),
            h.body.as_deref().unwrap_or_default(),
            h.number.as_deref().unwrap_or_default(),
            h.title.as_deref().unwrap_or_default(),
            h.outcome.as_deref().unwrap_or_default(),
            &h.case_numbers.join("; "),
            &h.kind,
            &h.source,
            &h.snippet,
        ])?;
    }
    let body = w.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"referat-search.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}
