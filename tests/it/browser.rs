//! `referat serve` in a real headless Chromium, driven through WebDriver (Debian's `chromium`
//! and `chromium-driver`; `.ci/run` installs them): the corpus is ingested, the server started
//! on a free loopback port, and a person's steps are replayed: search, narrow by a facet,
//! reload, type a case number, follow a meeting's items, read the feed. Screenshots of the
//! search and case pages go to `<target>/screenshots/`. Without a browser the test says so
//! loudly, and fails when `CI` is set.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

use crate::support;

const CHROMIUM: &str = "/usr/bin/chromium";

/// A child process killed when the test ends, however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn find(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
}

/// No browser: a loud skip on a developer's machine, a failure in CI.
fn no_browser(why: &str) {
    let message = format!(
        "\n\n==== SKIP browser test: {why} ====\n\
         install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)\n"
    );
    if std::env::var_os("CI").is_some() {
        panic!("{message}(CI is set: a browser is required)");
    }
    eprintln!("{message}");
}

/// `referat serve` on a free port over a fresh index of the corpus; its base URL.
fn start_server(index: &Path) -> (Killed, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["serve", "--json", "--bind", "127.0.0.1:0", "--index"])
        .arg(index)
        .current_dir(support::root())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("referat serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let v: serde_json::Value =
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
    let url = v["serving"]["url"]
        .as_str()
        .expect("the serving line names the URL")
        .to_string();
    (Killed(child), url)
}

/// chromedriver on a free port, once it answers; None when it cannot be started.
fn start_driver() -> Option<(Killed, String)> {
    let driver = find("chromedriver")?;
    let port = free_port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let child = Killed(child);
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > Duration::from_secs(15) {
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Some((child, format!("http://127.0.0.1:{port}")))
}

async fn connect(driver: &str, profile: &Path) -> Result<Client, String> {
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        &format!("--user-data-dir={}", profile.display()),
    ];
    let caps = serde_json::json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!()
    };
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(driver)
        .await
        .map_err(|e| e.to_string())
}

/// A plain HTTP GET on loopback: the body.
fn http_get(url: &str) -> String {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut s = TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(
        !head.to_lowercase().contains("transfer-encoding: chunked"),
        "{head}"
    );
    body.to_string()
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .unwrap()
}

async fn screenshot(c: &Client, name: &str) -> PathBuf {
    let target = Path::new(env!("CARGO_BIN_EXE_referat"))
        .parent()
        .unwrap()
        .parent()
        .unwrap();
    let dir = target.join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, c.screenshot().await.unwrap()).unwrap();
    path
}

#[tokio::test]
async fn a_person_searches_narrows_and_follows_a_case_in_chromium() {
    if !Path::new(CHROMIUM).is_file() {
        return no_browser(&format!("{CHROMIUM} is not installed"));
    }
    let Some((_driver, driver_url)) = start_driver() else {
        return no_browser("chromedriver is not installed or did not start");
    };
    let dir = support::TempDir::new("browser");
    let index = dir.0.join("idx");
    let files = {
        let _cwd = support::CwdGuard::enter();
        support::corpus_files()
    };
    let s = referat::index::writer::ingest(&index, &files, &Default::default(), |_| {}).unwrap();
    assert!(s.failed.is_empty());
    let (_server, base) = start_server(&index);
    let c = match connect(&driver_url, &dir.0.join("profile")).await {
        Ok(c) => c,
        Err(e) => return no_browser(&format!("chromium did not start: {e}")),
    };
    let result = scenario(&c, &base).await;
    let _ = c.close().await;
    result.unwrap();
}

/// Clicks and waits until the browser has left the page it was on and the new one is loaded,
/// so that a slow machine never reads the old page's URL or content.
async fn click_through(
    c: &Client,
    element: fantoccini::elements::Element,
) -> Result<url::Url, fantoccini::error::CmdError> {
    let before = c.current_url().await?;
    element.click().await?;
    let started = std::time::Instant::now();
    loop {
        let now = c.current_url().await?;
        let ready = c.execute("return document.readyState", vec![]).await?;
        if now != before && ready == "complete" {
            return Ok(now);
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "the click on {before} led nowhere within 30 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn scenario(c: &Client, base: &str) -> Result<(), fantoccini::error::CmdError> {
    // search indkøb: the Direktion's punkt 4 first, with a highlighted snippet
    c.goto(base).await?;
    c.find(Locator::Css("input#q"))
        .await?
        .send_keys("indkøb")
        .await?;
    let submit = c
        .find(Locator::Css("form.search button[type=submit]"))
        .await?;
    let url = click_through(c, submit).await?;
    assert!(url.query().unwrap_or_default().contains("q=indk"), "{url}");
    let first = c.find(Locator::Css("ol.hits li.hit")).await?;
    let title = first.find(Locator::Css("h2 a")).await?.text().await?;
    assert_eq!(title, "Nytænkning af indkøbsopgaven");
    let meta = first.find(Locator::Css(".meta")).await?.text().await?;
    assert!(
        meta.contains("Direktionen") && meta.contains("punkt 4"),
        "{meta}"
    );
    let marked = first
        .find(Locator::Css(".snippet mark"))
        .await?
        .text()
        .await?;
    assert!(marked.to_lowercase().starts_with("indkøb"), "{marked}");
    let all = text_of(c, "h1.count").await;
    let shot = screenshot(c, "search.png").await;
    eprintln!("screenshot: {}", shot.display());

    // the body facet: the URL and the counts change
    let facet = c
        .find(Locator::XPath(
            "//aside//a[.//span[@class='label' and text()='Direktionen']]",
        ))
        .await?;
    let narrowed_url = click_through(c, facet).await?;
    assert!(
        narrowed_url
            .query()
            .unwrap_or_default()
            .contains("body=Direktionen"),
        "{narrowed_url}"
    );
    let narrowed = text_of(c, "h1.count").await;
    assert_ne!(narrowed, all, "the count changes with the filter");
    assert!(c.find(Locator::Css("aside a.selected")).await.is_ok());

    // reload keeps the state
    c.refresh().await?;
    assert_eq!(c.current_url().await?, narrowed_url);
    assert_eq!(text_of(c, "h1.count").await, narrowed);
    assert_eq!(
        c.find(Locator::Css("input#q"))
            .await?
            .prop("value")
            .await?
            .as_deref(),
        Some("indkøb")
    );

    // a phone-sized window
    c.set_window_size(412, 915).await?;
    eprintln!(
        "screenshot: {}",
        screenshot(c, "search-phone.png").await.display()
    );
    c.set_window_size(1280, 1000).await?;

    // a case number typed as the query opens the case page, decisions in date order
    let q = c.find(Locator::Css("input#q")).await?;
    q.clear().await?;
    q.send_keys("14/689").await?;
    let submit = c
        .find(Locator::Css("form.search button[type=submit]"))
        .await?;
    let url = click_through(c, submit).await?;
    assert!(url.path().ends_with("/sag/14/689"), "{url}");
    assert_eq!(text_of(c, "main h1").await, "Sag 14/689");
    let mut dates = Vec::new();
    for t in c.find_all(Locator::Css("li.decision time")).await? {
        dates.push(t.text().await?);
    }
    assert_eq!(dates, ["25. november 2014", "6. januar 2015"]);
    eprintln!("screenshot: {}", screenshot(c, "case.png").await.display());

    // the meeting page links its items
    let meeting = c.find(Locator::Css("ol.timeline .when a")).await?;
    assert!(
        click_through(c, meeting)
            .await?
            .path()
            .starts_with("/moede/")
    );
    let items = c
        .find_all(Locator::Css("ol.items li a[href^='/punkt/']"))
        .await?;
    assert_eq!(
        items.len(),
        8,
        "every item of the Direktion meeting is linked"
    );
    click_through(c, items[3].clone()).await?;
    assert!(
        text_of(c, "main h1")
            .await
            .contains("Nytænkning af indkøbsopgaven")
    );
    eprintln!("screenshot: {}", screenshot(c, "punkt.png").await.display());

    // the Atom feed of the search is XML with entries
    let feed = http_get(&format!("{base}/feeds/search.atom?q=indk%C3%B8b"));
    let mut reader = quick_xml::Reader::from_str(&feed);
    let (mut entries, mut root) = (0, None);
    loop {
        match reader.read_event().expect("the feed is well-formed XML") {
            quick_xml::events::Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                root.get_or_insert(name.clone());
                entries += usize::from(name == "entry");
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(root.as_deref(), Some("feed"));
    assert!(entries >= 2, "{feed}");
    Ok(())
}
