//! `referat serve` through its router (no socket): every endpoint's status codes, JSON
//! checked against the committed schemas, bad input → 400 naming the parameter, unknown
//! routes → 404, the limit cap, and closed items kept to their title, number and outcome
//! unless `--include-closed`.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use referat::serve::{self, State};
use serde_json::Value;
use tower::ServiceExt;

use crate::support;

/// A folder for an index the tests of one run share: in cargo's folder for test files, made
/// anew by each run (a static is never dropped, so a folder in /tmp would be left behind).
fn shared_dir(name: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// The corpus ingested once per test run into a temporary index.
fn corpus_index() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let _cwd = support::CwdGuard::enter();
        let dir = shared_dir("serve-index");
        let _ = std::fs::remove_dir_all(&dir);
        let files = support::corpus_files();
        let s = referat::index::writer::ingest(&dir, &files, &Default::default(), |_| {}).unwrap();
        assert!(s.failed.is_empty(), "{:?}", s.failed);
        dir
    })
}

/// A meeting with one open and one closed item, whose closed text must not be served.
pub const CLOSED_DOC: &str = "REFERAT Økonomiudvalget d. 10-03-2020\n\n\
Mødedato Tirsdag d. 10. marts 2020 kl. 09:00\n\n\
Punkt 1: Budgetopfølgning marts\n\n20/1111\n\nIndstilling\n\n\
Direktionen indstiller, at budgetopfølgningen godkendes.\n\nBeslutning\n\nGodkendt.\n\n\
Lukket punkt 2: Køb af grund ved havnen\n\n20/2222\n\nSagsfremstilling\n\n\
Fortrolig forhandlingspris for grunden ved Havnevej.\n\nBeslutning\n\nGodkendt.\n";

/// Words only the closed item's text holds.
const SECRET: [&str; 3] = ["Havnevej", "forhandlingspris", "20/2222"];

fn closed_index() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = shared_dir("serve-closed");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let doc = dir.join("oeu-2020-03-10.txt");
        std::fs::write(&doc, CLOSED_DOC).unwrap();
        let s =
            referat::index::writer::ingest(&dir.join("idx"), &[doc], &Default::default(), |_| {})
                .unwrap();
        assert_eq!(s.indexed, 1, "{:?}", s.failed);
        dir.join("idx")
    })
}

pub fn app(dir: &std::path::Path, include_closed: bool) -> Router {
    serve::router(Arc::new(State::open(dir, include_closed).unwrap()))
}

struct Answer {
    status: StatusCode,
    content_type: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn get(app: &Router, uri: &str) -> Answer {
    let request = Request::get(uri).body(Body::empty()).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Answer {
        status,
        content_type,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// Asserts `value` is valid against `schemas/NAME`.
fn valid(name: &str, value: &Value) {
    let text = std::fs::read_to_string(support::root().join("schemas").join(name)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
}

#[test]
fn api_schemas_are_committed() {
    for (name, generated) in serve::api::schemas() {
        support::assert_committed(
            &format!("schemas/{name}"),
            &generated,
            "REFERAT_BLESS=1 cargo test --test it serve",
        );
    }
    let openapi: Value =
        serde_json::from_str(serve::api::DOCUMENTS[0].1).expect("openapi.json is JSON");
    assert_eq!(openapi["openapi"], "3.1.0");
    for path in [
        "/search",
        "/punkter/{id}",
        "/meetings/{id}",
        "/cases/{sagsnr}",
        "/stats",
    ] {
        assert!(
            openapi["paths"].get(path).is_some(),
            "openapi.json documents {path}"
        );
    }
}

#[tokio::test]
async fn search_answers_with_hits_facets_and_years() {
    let app = app(corpus_index(), false);
    let a = get(&app, "/api/v1/search?q=indk%C3%B8b&limit=5").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let v = a.json();
    valid("api-search.schema.json", &v);
    let first = &v["hits"][0];
    assert_eq!(first["body"], "Direktionen");
    assert_eq!(first["number"], "4");
    assert!(
        first["snippet"].as_str().unwrap().contains("<b>"),
        "{first}"
    );
    assert!(v["facets"]["body"]["Direktionen"].as_u64().unwrap() >= 2);
    assert!(!v["years"].as_array().unwrap().is_empty());
    // the hits carry the fields of `referat search --json`
    let search_schema: Value = serde_json::from_str(
        &std::fs::read_to_string(support::root().join("schemas/search.schema.json")).unwrap(),
    )
    .unwrap();
    valid(
        "search.schema.json",
        &serde_json::json!({"total": v["total"], "hits": v["hits"], "facets": v["facets"], "warnings": []}),
    );
    assert!(search_schema["$defs"]["Hit"].is_object());
    // sorting, paging, a filter
    let newest = get(&app, "/api/v1/search?sort=newest&limit=100")
        .await
        .json();
    let dates: Vec<&str> = newest["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["date"].as_str())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let second = get(&app, "/api/v1/search?q=indk%C3%B8b&limit=1&offset=1")
        .await
        .json();
    assert_eq!(second["hits"][0]["id"], v["hits"][1]["id"]);
    let body = get(
        &app,
        "/api/v1/search?q=indk%C3%B8b&body=direktionen&facets=false",
    )
    .await
    .json();
    assert!(body["total"].as_u64().unwrap() < v["total"].as_u64().unwrap());
    assert!(body["facets"]["body"].as_object().unwrap().is_empty());
}

#[tokio::test]
async fn bad_parameters_are_refused_by_name() {
    let app = app(corpus_index(), false);
    for (uri, param) in [
        ("/api/v1/search?outcome=godkent", "outcome"),
        ("/api/v1/search?limit=101", "limit"),
        ("/api/v1/search?limit=abc", "limit"),
        ("/api/v1/search?from=2015-13-01", "from"),
        ("/api/v1/search?sort=best", "sort"),
        ("/api/v1/search?kind=brev", "kind"),
        ("/api/v1/search?format=xml", "format"),
        ("/feeds/search.atom?year=15", "year"),
        ("/feeds/case.atom", "case"),
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{uri}: {}", a.body);
        let v = a.json();
        valid("api-error.schema.json", &v);
        assert_eq!(v["error"]["parameter"], param, "{uri}");
        assert!(
            v["error"]["message"].as_str().unwrap().starts_with(param),
            "{v}"
        );
    }
    let long = format!("/api/v1/search?q={}", "a".repeat(600));
    assert_eq!(get(&app, &long).await.status, StatusCode::BAD_REQUEST);
    // the page says so in HTML, with the same status
    let page = get(&app, "/?outcome=godkent").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body.contains("outcome"), "{}", page.body);
}

#[tokio::test]
async fn items_meetings_cases_stats_and_health() {
    let app = app(corpus_index(), false);
    let hit = get(&app, "/api/v1/search?q=indk%C3%B8b&limit=1")
        .await
        .json()["hits"][0]
        .clone();
    let id = hit["id"].as_str().unwrap();
    let punkt = get(&app, &format!("/api/v1/punkter/{id}")).await;
    assert_eq!(punkt.status, StatusCode::OK);
    let punkt = punkt.json();
    valid("api-record.schema.json", &punkt);
    assert_eq!(punkt["punkt"]["title"], hit["title"]);
    let meeting = get(
        &app,
        &format!("/api/v1/meetings/{}", hit["doc_id"].as_str().unwrap()),
    )
    .await
    .json();
    valid("api-meeting.schema.json", &meeting);
    assert_eq!(meeting["items"].as_array().unwrap().len(), 8);
    assert_eq!(meeting["meeting"]["body"], "Direktionen");
    let case = get(&app, "/api/v1/cases/14/689").await;
    assert_eq!(case.status, StatusCode::OK);
    let case = case.json();
    valid("case.schema.json", &case);
    let dates: Vec<&str> = case["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2014-11-25", "2015-01-06"]);
    assert_eq!(
        case["items"].as_array().unwrap().len(),
        1,
        "text and PDF of one meeting are one item"
    );
    let stats = get(&app, "/api/v1/stats").await.json();
    valid("stats.schema.json", &stats);
    assert!(stats["punkter"].as_u64().unwrap() > 10);
    let health = get(&app, "/health").await;
    assert_eq!(
        (health.status, health.json()["status"].clone()),
        (StatusCode::OK, "ok".into())
    );
    let openapi = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(openapi.status, StatusCode::OK);
    assert!(openapi.content_type.starts_with("application/json"));
    for name in ["api-search.schema.json", "case.schema.json"] {
        assert_eq!(
            get(&app, &format!("/api/v1/schemas/{name}")).await.status,
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn unknown_things_are_404() {
    let app = app(corpus_index(), false);
    for uri in [
        "/api/v1/nope",
        "/api/v1/punkter/abc-1",
        "/api/v1/meetings/0000",
        "/api/v1/cases/99/99999",
        "/api/v1/schemas/../../Cargo.toml",
        "/nope",
        "/punkt/x",
        "/sag/99/1",
        "/assets/../Cargo.toml",
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{uri}: {}", a.body);
        if uri.starts_with("/api/") {
            valid("api-error.schema.json", &a.json());
        } else {
            assert!(a.content_type.starts_with("text/html"), "{uri}");
        }
    }
    let post = Request::post("/api/v1/search")
        .body(Body::from("x"))
        .unwrap();
    let status = app.clone().oneshot(post).await.unwrap().status();
    assert_eq!(
        status,
        StatusCode::METHOD_NOT_ALLOWED,
        "read-only: no write endpoint"
    );
}

#[tokio::test]
async fn pages_feeds_and_csv() {
    let app = app(corpus_index(), false);
    let page = get(&app, "/?q=indk%C3%B8b").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<mark>"), "highlighted snippet");
    assert!(page.body.contains("Nytænkning af indkøbsopgaven"));
    let redirect = app
        .clone()
        .oneshot(Request::get("/?q=14%2F689").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(redirect.status(), StatusCode::SEE_OTHER);
    assert_eq!(redirect.headers()["location"], "/sag/14/689");
    let case = get(&app, "/sag/14/689").await;
    assert!(
        case.body.find("25. november 2014").unwrap() < case.body.find("6. januar 2015").unwrap()
    );
    let none = get(&app, "/?q=xyzzy&body=Direktionen").await;
    assert!(
        none.body.contains("Ingen resultater") && none.body.contains("Fjern"),
        "{}",
        none.body
    );
    let feed = get(&app, "/feeds/search.atom?q=indk%C3%B8b").await;
    assert!(feed.content_type.starts_with("application/atom+xml"));
    assert!(feed.body.matches("<entry>").count() >= 2);
    let case_feed = get(&app, "/feeds/case.atom?case=14/689").await;
    assert_eq!(case_feed.body.matches("<entry>").count(), 2);
    let csv = get(&app, "/api/v1/search?q=indk%C3%B8b&format=csv").await;
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(csv.body.starts_with("id,date,body,number,title"));
    assert!(csv.body.lines().count() >= 3);
}

/// Every answer that could carry the closed item, without and with `--include-closed`.
async fn closed_answers(app: &Router) -> Vec<(String, Answer)> {
    let search = get(app, "/api/v1/search?limit=100").await.json();
    let closed = search["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["closed"] == true)
        .expect("the closed item is listed");
    assert_eq!(closed["title"], "Køb af grund ved havnen");
    let id = closed["id"].as_str().unwrap().to_string();
    let doc = closed["doc_id"].as_str().unwrap().to_string();
    let mut out = Vec::new();
    for uri in [
        "/api/v1/search?limit=100".to_string(),
        "/api/v1/search?q=grund".to_string(),
        "/api/v1/search?q=Havnevej".to_string(),
        "/api/v1/search?q=sections:forhandlingspris".to_string(),
        "/api/v1/search?case=20/2222".to_string(),
        "/api/v1/search?q=grund&format=csv".to_string(),
        format!("/api/v1/punkter/{id}"),
        format!("/api/v1/meetings/{doc}"),
        "/api/v1/cases/20/2222".to_string(),
        "/feeds/search.atom".to_string(),
        "/?q=grund".to_string(),
        format!("/punkt/{id}"),
        format!("/moede/{doc}"),
    ] {
        let a = get(app, &uri).await;
        out.push((uri, a));
    }
    out
}

#[tokio::test]
async fn closed_items_show_title_number_and_outcome_only() {
    let app = app(closed_index(), false);
    for (uri, a) in closed_answers(&app).await {
        for secret in SECRET {
            assert!(
                !a.body.contains(secret),
                "{uri} shows {secret:?}:\n{}",
                a.body
            );
        }
    }
    let grund = get(&app, "/api/v1/search?q=grund").await.json();
    assert_eq!(grund["total"], 1, "a closed item is found by its title");
    assert_eq!(grund["hits"][0]["outcome"], "godkendt");
    assert_eq!(
        get(&app, "/api/v1/cases/20/2222").await.status,
        StatusCode::NOT_FOUND
    );
    let page = get(&app, "/?q=grund").await.body;
    assert!(page.contains("Lukket punkt"));
    // with --include-closed the text is there
    let open = app_including_closed();
    let a = get(&open, "/api/v1/search?q=Havnevej").await.json();
    assert_eq!(a["total"], 1);
    let all: String = closed_answers(&open)
        .await
        .into_iter()
        .map(|(_, a)| a.body)
        .collect();
    for secret in SECRET {
        assert!(
            all.contains(secret),
            "{secret} served with --include-closed"
        );
    }
}

fn app_including_closed() -> Router {
    app(closed_index(), true)
}

#[tokio::test]
async fn a_commit_by_ingest_is_served_without_a_restart() {
    let dir = support::TempDir::new("serve-reload");
    let index = dir.0.join("idx");
    let first = dir.0.join("a.txt");
    std::fs::write(&first, CLOSED_DOC).unwrap();
    let ingest = |f: &std::path::Path| {
        referat::index::writer::ingest(&index, &[f.to_path_buf()], &Default::default(), |_| {})
            .unwrap()
    };
    ingest(&first);
    let app = app(&index, false);
    let total = |v: Value| v["total"].as_u64().unwrap();
    assert_eq!(total(get(&app, "/api/v1/search").await.json()), 2);
    let second = dir.0.join("b.txt");
    std::fs::copy(
        support::root().join("corpus/referat-direktionen-2015-01-06.txt"),
        &second,
    )
    .unwrap();
    ingest(&second);
    let started = std::time::Instant::now();
    while total(get(&app, "/api/v1/search").await.json()) == 2 {
        assert!(
            started.elapsed().as_secs() < 10,
            "the new commit is never served"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(total(get(&app, "/api/v1/search").await.json()), 10);
}
