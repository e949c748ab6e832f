//! Web pages of meeting portals: the page parsed as browsers do (`super::html`), the meeting's
//! head from the text above the first item, and the items from the page's own markup: an
//! element whose class or id names a `punkt` (item) and holds a heading is one item, with its
//! number (a label or first cell), its title (the heading), its case number (an element whose
//! class names a `sagsnummer`) and its text below. A page without such markup is read as text
//! and its items are found by the parsers.

use scraper::{ElementRef, Html};

use super::firstagenda::strip_closed;
use super::html;
use super::render::Render;
use super::text::{ItemStart, Text};

fn class_has(e: &ElementRef, words: &[&str]) -> bool {
    let v = e.value();
    let names = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
    .to_lowercase();
    words.iter().any(|w| names.contains(w))
}

fn is_heading(e: &ElementRef) -> bool {
    matches!(e.value().name(), "h1" | "h2" | "h3" | "h4")
}

fn descendants<'a>(e: ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    e.descendants().skip(1).filter_map(ElementRef::wrap)
}

/// Item containers: the outermost elements named for an item that hold a non-empty heading.
fn items<'a>(body: ElementRef<'a>) -> Vec<ElementRef<'a>> {
    let mut out: Vec<ElementRef<'a>> = Vec::new();
    for e in descendants(body) {
        if html::is_dropped(e) || out.iter().any(|o| e.ancestors().any(|a| a.id() == o.id())) {
            continue;
        }
        let named = class_has(&e, &["punkt", "agendaitem", "agenda-item"]);
        if named && descendants(e).any(|h| is_heading(&h) && !html::inline_text(h).is_empty()) {
            out.push(e);
        }
    }
    out
}

/// The text of a web page.
pub fn read(source: &str) -> Text {
    let doc = Html::parse_document(source);
    let root = doc.root_element();
    let body = descendants(root)
        .find(|e| e.value().name() == "body")
        .unwrap_or(root);
    let found = items(body);
    let mut r = Render::default();
    if found.is_empty() {
        r.lines(&html::element_lines(body, &[]));
        let mut text = r.finish(Some("html"));
        text.structure = None;
        return text;
    }
    // the head: the page's text before the first item, its items left out
    r.lines(&html::element_lines(body, &found));
    for (k, item) in found.iter().enumerate() {
        let heading =
            descendants(*item).find(|h| is_heading(h) && !html::inline_text(*h).is_empty());
        let case_el =
            descendants(*item).find(|c| class_has(c, &["sagsn", "casenumber", "case-number"]));
        let number_el = descendants(*item).find(|n| {
            let t = html::inline_text(*n);
            let numeric = !t.is_empty()
                && t.trim_end_matches('.')
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.');
            numeric
                && (class_has(n, &["label", "nummer", "number", "nr"])
                    || matches!(n.value().name(), "td" | "th"))
                && !class_has(n, &["sagsn"])
        });
        let raw_title = heading.map(html::inline_text).unwrap_or_default();
        let (title, closed) = strip_closed(&raw_title);
        let number = number_el
            .map(|n| html::inline_text(n).trim_end_matches('.').to_string())
            .unwrap_or_else(|| (k + 1).to_string());
        r.item(ItemStart {
            number,
            title,
            closed,
            case_numbers: case_el.map(html::inline_text).into_iter().collect(),
            ..Default::default()
        });
        let skip: Vec<ElementRef> = [heading, case_el, number_el]
            .into_iter()
            .flatten()
            .collect();
        r.lines(&html::element_lines(*item, &skip));
    }
    r.finish(Some("html"))
}
