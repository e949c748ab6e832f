//! FirstAgenda Publication API JSON: a meeting (`Moede`, `Udvalg`) with its items
//! (`Dagsordenpunkter`), each with number, title, case number and HTML fields. The items and
//! the meeting come from the fields by name; each field's HTML is rendered under its heading
//! for the Danish parsers.

use serde_json::{Map, Value};

use super::html;
use super::render::{self, Render};
use super::text::{ItemStart, Text};
use crate::model::{Meeting, Participant};

/// JSON keys that mark a FirstAgenda meeting (any one of them at the top level).
pub const KEYS: &[&str] = &["Dagsordenpunkter", "Moede", "AgendaItems"];

/// Whether a parsed JSON value is a FirstAgenda meeting (or a list of them).
pub fn is_meeting(v: &Value) -> bool {
    match v {
        Value::Object(o) => KEYS.iter().any(|k| get(o, &[k]).is_some()),
        Value::Array(a) => a.first().is_some_and(is_meeting),
        _ => false,
    }
}

/// The text of a FirstAgenda meeting file.
pub fn read(v: &Value) -> Result<Text, String> {
    let meetings: Vec<&Map<String, Value>> = match v {
        Value::Array(a) => a.iter().filter_map(Value::as_object).collect(),
        Value::Object(o) => vec![o],
        _ => Vec::new(),
    };
    if meetings.is_empty() || !is_meeting(v) {
        return Err("JSON, but not a FirstAgenda meeting (no `Dagsordenpunkter`)".into());
    }
    let mut r = Render::default();
    for (k, m) in meetings.iter().enumerate() {
        meeting(&mut r, m, k == 0);
    }
    Ok(r.finish(Some("firstagenda")))
}

/// A value by any of its names, case-insensitively; null and empty strings are absent.
fn get<'a>(o: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| {
        o.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null() && v.as_str() != Some(""))
    })
}

fn text(o: &Map<String, Value>, names: &[&str]) -> Option<String> {
    match get(o, names)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn list<'a>(o: &'a Map<String, Value>, names: &[&str]) -> Vec<&'a Map<String, Value>> {
    get(o, names)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default()
}

fn meeting(r: &mut Render, m: &Map<String, Value>, first: bool) {
    let empty = Map::new();
    let udvalg = get(m, &["Udvalg", "Committee"])
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let moede = get(m, &["Moede", "Meeting"])
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let body = text(udvalg, &["Navn", "Name"]);
    let when =
        text(moede, &["Dato", "MeetingBeginUtc", "Date", "MeetingBegin"]).unwrap_or_default();
    let (date, time) = render::date_time(&when);
    let place = text(moede, &["Sted", "Location"]);
    let finished = get(moede, &["Afsluttet", "Finished"]).and_then(Value::as_bool);
    let participants: Vec<Participant> = list(moede, &["Moededeltagere", "Participants"])
        .iter()
        .filter_map(|p| {
            Some(Participant {
                name: text(p, &["Name", "Navn"])?,
                party: None,
                absent: get(p, &["Absent", "Fravaerende"]).and_then(Value::as_bool) == Some(true),
            })
        })
        .collect();
    let kind = if finished == Some(true) {
        "Referat"
    } else {
        "Dagsorden"
    };
    let head = Meeting {
        body,
        date,
        start_time: time,
        place,
        participants,
    };
    r.meeting_head(kind, head, first);
    let mut items = list(m, &["Dagsordenpunkter", "AgendaItems"]);
    let sort_key =
        |i: &&Map<String, Value>| get(i, &["Sorting", "Sortering"]).and_then(Value::as_i64);
    if items.iter().all(|i| sort_key(i).is_some()) {
        let before: Vec<_> = items.iter().map(sort_key).collect();
        items.sort_by_key(sort_key);
        if before != items.iter().map(sort_key).collect::<Vec<_>>() {
            r.warn("items were stored out of order; put in their order");
        }
    }
    for it in items {
        item(r, it);
    }
}

/// `Lukket: Title` or `Lukket punkt - Title`: the title without the marking, and whether it was there.
pub fn strip_closed(title: &str) -> (String, bool) {
    let t = title.trim();
    let lower = t.to_lowercase();
    for p in ["lukket punkt", "lukket"] {
        if let Some(rest) = lower.strip_prefix(p)
            && rest.trim_start().starts_with([':', '-', '–'])
        {
            let cut = t.len() - rest.len();
            let rest = t[cut..]
                .trim_start()
                .trim_start_matches([':', '-', '–'])
                .trim();
            return (rest.to_string(), true);
        }
    }
    (t.to_string(), false)
}

fn item(r: &mut Render, it: &Map<String, Value>) {
    let number = text(it, &["Number", "Punktnummer"]).unwrap_or_default();
    let (title, marked) =
        strip_closed(&text(it, &["Caption", "Navn", "Title"]).unwrap_or_default());
    let case = text(it, &["CaseNumber", "SagsNummer", "Sagsnummer"]);
    // `IsOpen` is false on every item of some exports: only a true value is trusted
    let closed = marked || get(it, &["IsClosed", "Lukket"]).and_then(Value::as_bool) == Some(true);
    r.item(ItemStart {
        number,
        title,
        closed,
        case_numbers: case.into_iter().collect(),
        ..Default::default()
    });
    for f in list(it, &["Felter", "Fields"]) {
        let name = text(f, &["Navn", "Name", "Caption"]).unwrap_or_default();
        let body = match (text(f, &["Html"]), text(f, &["Tekst", "Text"])) {
            (Some(h), _) => html::lines(&h),
            (None, Some(t)) => t.lines().map(str::to_string).collect(),
            (None, None) => continue,
        };
        // a closed item publishes only its decision: an unnamed field without headings is it
        let heading = if name.is_empty() && closed && !has_heading(&body) {
            "Beslutning".to_string()
        } else {
            name
        };
        r.section(&heading, &body);
    }
    let bilag: Vec<String> = list(it, &["Bilag", "Attachments"])
        .iter()
        .filter_map(|b| text(b, &["Navn", "Name", "Title"]))
        .map(|b| format!("- {b}"))
        .collect();
    r.section("Bilag", &bilag);
}

fn has_heading(lines: &[String]) -> bool {
    lines
        .iter()
        .any(|l| l.split_whitespace().count() <= 3 && l.trim().eq_ignore_ascii_case("beslutning"))
}
