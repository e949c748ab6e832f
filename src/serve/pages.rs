//! The HTML pages, in Danish, rendered on the server and usable without JavaScript: the
//! search page (`/`, all its state in the URL; a case number typed as the query goes to the
//! case page), a case's timeline (`/sag/14/689`), a meeting with its items (`/moede/ID`) and
//! one item (`/punkt/ID`). Closed items show their title, number and outcome only, unless
//! the server runs with `--include-closed`.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{Uri, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;

use super::answers::{self as api, Failure};
use super::params::{MAX_LIMIT, Params, looks_like_case};
use super::state::{Shared, blocking};
use super::views::{self, Badge, ErrorPage, ItemLink, Link, MARK_CLOSE, MARK_OPEN};
use crate::index::lookup;
use crate::index::search::{Marks, Sort};

/// Hits per page.
const PAGE_SIZE: usize = 20;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(search))
        .route("/sag/{*sagsnr}", get(case))
        .route("/moede/{id}", get(meeting))
        .route("/punkt/{id}", get(punkt))
        .route("/robots.txt", get(robots))
}

fn render(t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => error_page(Failure::Internal(e.into())),
    }
}

/// A failure as a page.
fn error_page(f: Failure) -> Response {
    let heading = match &f {
        Failure::Bad(_) => "Søgningen kan ikke udføres",
        Failure::NotFound(_) => "Siden findes ikke",
        Failure::Internal(_) => "Der opstod en fejl",
    };
    let page = ErrorPage {
        heading: heading.into(),
        message: f.message(),
    };
    let html = page.render().unwrap_or_else(|_| heading.to_string());
    (f.status(), Html(html)).into_response()
}

/// Unknown addresses: 404, as a page (the API answers its own in JSON).
pub async fn not_found(uri: Uri) -> Response {
    error_page(Failure::NotFound(format!(
        "Der er ingen side på {}.",
        uri.path()
    )))
}

async fn search(
    State(state): State<Shared>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let params = Params::from_pairs(&pairs);
    let mut s = match params.search(PAGE_SIZE, MAX_LIMIT) {
        Ok(s) => s,
        Err(bad) => return error_page(Failure::Bad(bad)),
    };
    if let Some(q) = params.get("q").filter(|q| looks_like_case(q)) {
        let (st, sagsnr) = (state.clone(), q.trim().to_string());
        let hide = state.hide_closed();
        let exists =
            blocking(move || lookup::case_exists(&st.searcher(), &st.fields, &sagsnr, hide)).await;
        if exists.unwrap_or(false) {
            return Redirect::to(&views::case_href(q.trim())).into_response();
        }
    }
    if params.get("q").is_none() && params.get("sort").is_none() {
        s.request.sort = Sort::Newest;
    }
    let marks = Marks {
        open: MARK_OPEN,
        close: MARK_CLOSE,
    };
    match api::run_search(&state, &s, marks).await {
        Ok((out, _)) => render(&views::search_page(
            &params,
            &out,
            s.request.offset,
            s.request.limit,
        )),
        Err(f) => error_page(f),
    }
}

struct CaseItemView {
    href: String,
    meeting_href: String,
    date: String,
    body: String,
    number: String,
    title: String,
    badge: Option<Badge>,
    closed: bool,
    copies: Vec<Link>,
}

struct DecisionView {
    date: String,
    body: String,
    badge: Option<Badge>,
    text: String,
    href: String,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    sagsnr: String,
    items: Vec<CaseItemView>,
    decisions: Vec<DecisionView>,
    feed: String,
    search: String,
}

async fn case(State(state): State<Shared>, Path(sagsnr): Path<String>) -> Response {
    let h = match api::case(&state, sagsnr).await {
        Ok(h) => h,
        Err(f) => return error_page(f),
    };
    let items = h
        .items
        .iter()
        .map(|i| CaseItemView {
            href: format!("/punkt/{}", i.id),
            meeting_href: format!("/moede/{}", i.doc_id),
            date: i
                .date
                .as_deref()
                .map(views::danish_date)
                .unwrap_or_default(),
            body: i.body.clone().unwrap_or_default(),
            number: i.number.clone().unwrap_or_default(),
            title: i.title.clone().unwrap_or_default(),
            badge: views::badge(i.outcome.as_deref()),
            closed: i.closed,
            copies: i
                .copies
                .iter()
                .map(|c| Link {
                    href: format!("/punkt/{}", c.id),
                    label: c.source.clone(),
                })
                .collect(),
        })
        .collect();
    let decisions = h
        .decisions
        .iter()
        .map(|d| DecisionView {
            date: d
                .date
                .as_deref()
                .map(views::danish_date)
                .unwrap_or_else(|| "uden dato".into()),
            body: d.body.clone().unwrap_or_default(),
            badge: views::badge(d.outcome.as_deref()),
            text: d.text.clone(),
            href: format!("/punkt/{}", d.item),
        })
        .collect();
    let search = Params::default().with("case", Some(&h.sagsnr));
    render(&CasePage {
        feed: format!("/feeds/case.atom?case={}", super::params::encode(&h.sagsnr)),
        search: search.href("/"),
        sagsnr: h.sagsnr,
        items,
        decisions,
    })
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    heading: String,
    kind: &'static str,
    title: String,
    time: String,
    place: String,
    source: String,
    participants: Vec<String>,
    previous: Option<Link>,
    next: Option<Link>,
    items: Vec<ItemLink>,
    text: Vec<String>,
}

async fn meeting(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    let m = match api::meeting(&state, id).await {
        Ok(m) => m,
        Err(f) => return error_page(f),
    };
    let meeting = m.meeting.clone().unwrap_or_default();
    let body = meeting.body.clone().unwrap_or_default();
    let link = |l: &Option<api::MeetingLink>, word: &str| {
        l.as_ref().map(|l| Link {
            href: format!("/moede/{}", l.id),
            label: format!("{word} møde i {body}: {}", views::danish_date(&l.date)),
        })
    };
    let heading = match (&meeting.body, &meeting.date) {
        (Some(b), Some(d)) => format!("{b} {}", views::danish_date(d)),
        _ => m.title.clone().unwrap_or_else(|| m.source.clone()),
    };
    render(&MeetingPage {
        heading,
        kind: views::kind_label(m.kind.as_str()),
        title: m.title.clone().unwrap_or_default(),
        time: meeting.start_time.clone().unwrap_or_default(),
        place: meeting.place.clone().unwrap_or_default(),
        source: m.source.clone(),
        participants: meeting
            .participants
            .iter()
            .map(|p| {
                let party = p
                    .party
                    .as_deref()
                    .map(|x| format!(" ({x})"))
                    .unwrap_or_default();
                let absent = if p.absent { ", fraværende" } else { "" };
                format!("{}{party}{absent}", p.name)
            })
            .collect(),
        previous: link(&m.previous, "Forrige"),
        next: link(&m.next, "Næste"),
        items: m
            .items
            .iter()
            .map(|i| views::item_link(&i.id, &i.punkt, i.outcome.as_deref()))
            .collect(),
        text: m.text.as_deref().map(views::paragraphs).unwrap_or_default(),
    })
}

struct DecisionFull {
    date: String,
    body: String,
    badge: Option<Badge>,
    text: Vec<String>,
    dissents: Vec<String>,
    votes: String,
}

struct TableView {
    caption: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

#[derive(Template)]
#[template(path = "punkt.html")]
struct PunktPage {
    title: String,
    number: String,
    closed: bool,
    redacted: bool,
    meeting: Link,
    badge: Option<Badge>,
    cases: Vec<Link>,
    indstilling_head: String,
    indstilling: Vec<String>,
    clauses: Vec<String>,
    sections: Vec<(String, Vec<String>)>,
    decisions: Vec<DecisionFull>,
    tables: Vec<TableView>,
    bilag: Vec<String>,
    attendance: Vec<String>,
    source: String,
}

async fn punkt(State(state): State<Shared>, Path(id): Path<String>) -> Response {
    let a = match api::punkt(&state, id).await {
        Ok(a) => a,
        Err(f) => return error_page(f),
    };
    let r = &a.record;
    let Some(p) = r.punkt.clone() else {
        return Redirect::to(&format!("/moede/{}", r.doc_id)).into_response();
    };
    let ind = p.indstilling.clone();
    let page = |n: Option<u32>| n.map(|n| format!(", side {n}")).unwrap_or_default();
    render(&PunktPage {
        title: p.title.clone(),
        number: p.number.clone(),
        closed: p.closed,
        redacted: p.closed && !state.include_closed,
        meeting: Link {
            href: format!("/moede/{}", r.doc_id),
            label: views::meeting_heading(r),
        },
        badge: views::badge(r.outcome.map(|o| o.as_str())),
        cases: views::case_links(&p.case_numbers),
        indstilling_head: match ind.as_ref().map(|i| (&i.by, &i.to)) {
            Some((Some(by), Some(to))) => format!("{by} indstiller til {to}"),
            Some((Some(by), None)) => format!("{by} indstiller"),
            Some((None, Some(to))) => format!("Indstilling til {to}"),
            _ => String::new(),
        },
        clauses: ind.as_ref().map(|i| i.clauses.clone()).unwrap_or_default(),
        indstilling: match &ind {
            Some(i) if i.clauses.is_empty() => views::paragraphs(&i.text),
            _ => Vec::new(),
        },
        sections: p
            .sections
            .iter()
            .filter(|s| {
                !matches!(
                    s.kind,
                    crate::model::SectionKind::Indstilling | crate::model::SectionKind::Beslutning
                )
            })
            .map(|s| (s.heading.clone(), views::paragraphs(&s.text)))
            .collect(),
        decisions: p
            .beslutninger
            .iter()
            .map(|b| DecisionFull {
                date: b
                    .date
                    .as_deref()
                    .map(views::danish_date)
                    .unwrap_or_default(),
                body: b.body.clone().unwrap_or_default(),
                badge: views::badge(b.outcome.map(|o| o.as_str())),
                text: views::paragraphs(&b.text),
                dissents: b.dissents.iter().map(|d| d.text.clone()).collect(),
                votes: b
                    .votes
                    .as_ref()
                    .map(|v| {
                        let n = |x: Option<u32>| x.map_or("-".to_string(), |x| x.to_string());
                        format!(
                            "For {}, imod {}, undlod {}",
                            n(v.for_),
                            n(v.against),
                            n(v.abstain)
                        )
                    })
                    .unwrap_or_default(),
            })
            .collect(),
        tables: r
            .tables
            .iter()
            .map(|t| TableView {
                caption: t.caption.clone().unwrap_or_default(),
                header: t.header.clone(),
                rows: t.rows.clone(),
            })
            .collect(),
        bilag: p.bilag.clone(),
        attendance: p.attendance.iter().map(|a| a.text.clone()).collect(),
        source: format!("{}{}", r.source, page(p.page)),
    })
}

/// Crawlers may read the pages, not the API or the feeds.
async fn robots() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain")],
        "User-agent: *\nDisallow: /api/\nDisallow: /feeds/\n",
    )
}
