//! Acadre: the agenda export (`<root>` of `<table name="…">` with `<fields><field name="…">`):
//! `agenda` (its name: `Referat`, `Dagsorden`), `committee`, `meeting` (date, location),
//! `agendaitemparents` (the item's number in `sort`) holding `agendaitem` (`name`, `caseno`,
//! `accessname`), its `bullet`s (`bulletname` over HTML `bulletcontent`, in `bulletsortorder`)
//! and `enclosure`s (titles only); and the publishing manifest, whose fields carry their values
//! as attributes (`<field date="…"/>`), which gives the meeting but no items.

use super::sbsys::number_key;
use super::tree::{Element, field_lines};
use crate::model::Meeting;
use crate::read::render::{self, Render};
use crate::read::text::ItemStart;

/// The `<table name="…">` children of an element.
fn tables<'a>(e: &'a Element, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
    e.all("table")
        .filter(move |t| t.attr("name").is_some_and(|n| n.eq_ignore_ascii_case(name)))
}

/// A field of a table's own `<fields>`, by name.
fn field(t: &Element, name: &str) -> Option<String> {
    t.child("fields")?
        .all("field")
        .find(|f| f.attr("name").is_some_and(|n| n.eq_ignore_ascii_case(name)))
        .map(|f| f.text().trim().to_string())
        .filter(|s| !s.is_empty())
}

pub fn render(root: &Element, r: &mut Render) {
    let Some(agenda) = root
        .descendants()
        .into_iter()
        .find(|e| e.name == "table" && e.attr("name") == Some("agenda"))
    else {
        return;
    };
    let body = tables(agenda, "committee")
        .next()
        .and_then(|c| field(c, "name"));
    let meeting = tables(agenda, "meeting").next();
    let (date, time) =
        render::date_time(&meeting.and_then(|m| field(m, "date")).unwrap_or_default());
    let place = meeting.and_then(|m| field(m, "location"));
    let title = field(agenda, "name").unwrap_or_else(|| "Dagsorden".into());
    let head = Meeting {
        body,
        date,
        start_time: time,
        place,
        participants: Vec::new(),
    };
    r.meeting_head(&title, head, true);

    let mut items: Vec<(Vec<u32>, String, &Element)> = tables(agenda, "agendaitemparents")
        .filter_map(|p| {
            let item = tables(p, "agendaitem").next()?;
            let number = field(p, "sort").unwrap_or_default();
            Some((number_key(&number), number, item))
        })
        .collect();
    let before: Vec<Vec<u32>> = items.iter().map(|i| i.0.clone()).collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    if before != items.iter().map(|i| i.0.clone()).collect::<Vec<_>>() {
        r.warn("items were stored out of order; put in their order");
    }
    for (_, number, item) in items {
        let access = field(item, "accessname").unwrap_or_default().to_lowercase();
        r.item(ItemStart {
            number,
            title: field(item, "name").unwrap_or_default(),
            closed: access.contains("lukket") || access.contains("fortrolig"),
            case_numbers: field(item, "caseno").into_iter().collect(),
            ..Default::default()
        });
        let mut bullets: Vec<&Element> = tables(item, "bullet").collect();
        bullets.sort_by_key(|b| {
            field(b, "bulletsortorder")
                .and_then(|s| s.parse::<i64>().ok())
                .unwrap_or(0)
        });
        for b in bullets {
            let name = field(b, "bulletname").unwrap_or_default();
            let content = field(b, "bulletcontent").unwrap_or_default();
            r.section(&name, &field_lines(&content));
        }
        let bilag: Vec<String> = tables(item, "enclosure")
            .filter_map(|e| field(e, "name"))
            .map(|n| format!("- {n}"))
            .collect();
        r.section("Bilag", &bilag);
    }
}

/// The manifest: `<field name="…"/>`, `<field date="…"/>` under `committee`, `meeting`, `agenda`.
pub fn manifest(root: &Element, r: &mut Render) {
    let attr_of = |table: &str, key: &str| -> Option<String> {
        let t = tables(root, table).next()?;
        t.descendants()
            .into_iter()
            .filter(|f| f.name == "field")
            .find_map(|f| f.attr(key).map(str::to_string))
            .filter(|s| !s.trim().is_empty())
    };
    let body = attr_of("committee", "name");
    let (date, time) = render::date_time(&attr_of("meeting", "date").unwrap_or_default());
    let title = attr_of("agenda", "name").unwrap_or_else(|| "Dagsorden".into());
    r.line(&format!(
        "{title} til mødet i {}",
        body.as_deref().unwrap_or_default()
    ));
    if let Some(m) = attr_of("meeting", "name") {
        r.line(&m);
    }
    r.field(
        "Mødedato",
        date.as_deref().map(render::danish_date).as_deref(),
    );
    r.field("Mødetidspunkt", time.as_deref());
    r.warn("a publishing manifest: the meeting only; its items are in the agenda XML it lists");
    r.meeting.body = body;
    r.meeting.date = date;
    r.meeting.start_time = time;
}
