//! Pure parsers from cleaned text to a `Document`: no I/O here. `document` is the whole flow;
//! each submodule reads one part of DOMAIN.md (items, sections, recommendation, decisions,
//! tables, amounts, dates, the meeting).

pub mod attendance;
pub mod beslutning;
pub mod budget;
pub mod caseline;
pub mod dates;
pub mod dissent;
pub mod fold;

pub mod indstilling;
pub mod meeting;
pub mod numbers;
pub mod punkt;
mod punkt_body;
pub mod punkt_shape;
pub mod punkt_toc;
pub mod reflow;
pub mod sections;
pub mod tables;
pub mod vocab;

use crate::model::{Document, Kind, Meeting, Punkt, SCHEMA_VERSION, Source, Table};
use crate::read::clean::{self, Cleaned};
use crate::read::{ItemStart, Structure, Text};

/// Readies extracted text for the parsers: paged (PDF) text gets its wrapped lines joined.
pub fn prepare(text: Text) -> Text {
    if text.pages.is_empty() {
        return text;
    }
    let (mut lines, mut pages) = reflow::reflow(&text.cleaned.lines, &text.pages);
    if text.cleaned.transcript {
        // a printed transcription: its run-on paragraphs are whole again only now
        let mut split_lines = Vec::with_capacity(lines.len());
        let mut split_pages = Vec::with_capacity(lines.len());
        for (line, page) in lines.iter().zip(&pages) {
            for part in clean::split_run_on(line) {
                split_lines.push(part);
                split_pages.push(*page);
            }
        }
        (lines, pages) = (split_lines, split_pages);
    }
    Text {
        cleaned: Cleaned {
            lines,
            ..text.cleaned
        },
        pages,
        ..text
    }
}

/// Parses a document from text readied by `prepare`.
pub fn document(text: &Text, id: String, source: Source) -> Document {
    let lines = &text.cleaned.lines;
    let headers = match &text.structure {
        Some(s) if !s.items.is_empty() => given_headers(s, lines.len()),
        _ => punkt::find_headers(lines),
    };
    let head_end = headers.first().map_or(lines.len(), |h| h.line);
    let head = &lines[..head_end];
    let mut meeting = meeting::parse(head, &text.cleaned.furniture);
    if let Some(s) = &text.structure {
        given_meeting(&mut meeting, &s.meeting);
    }

    let mut tables: Vec<Table> = Vec::new();
    for t in tables::find(head) {
        tables.push(punkt_body::to_table(&t, None, text.page(t.first_line)));
    }
    let mut punkter = Vec::new();
    for (k, h) in headers.iter().enumerate() {
        let end = headers.get(k + 1).map_or(lines.len(), |n| n.line);
        let body = punkt_body::item_lines(lines, h, end);
        let (p, item_tables) = punkt_body::build(h, &body, &meeting, text);
        tables.extend(item_tables);
        punkter.push(p);
    }

    let mut budget = Vec::new();
    // what reading the file recovered or lost comes first
    let mut warnings = text.warnings.clone();
    for (i, t) in tables.iter().enumerate() {
        let (records, w) = budget::records(i, t);
        budget.extend(records);
        warnings.extend(w);
    }
    let title = lines
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(200).collect::<String>());
    let kind = kind(head, &punkter, &tables, lines);
    let meeting_found = meeting.body.is_some() || meeting.date.is_some() || meeting.place.is_some();
    let meeting = (meeting_found && matches!(kind, Kind::Referat | Kind::Dagsorden)
        || meeting.place.is_some())
    .then_some(meeting);
    Document {
        schema_version: SCHEMA_VERSION.to_string(),
        id,
        source,
        kind,
        title,
        meeting,
        punkter,
        tables,
        budget,
        warnings,
        text: None,
    }
}

/// The item headers a structured format gave (the hook for readers that know their items):
/// in line order, each inside the text.
fn given_headers(s: &Structure, lines: usize) -> Vec<punkt::Header> {
    let mut items: Vec<&ItemStart> = s.items.iter().filter(|i| i.line < lines).collect();
    items.sort_by_key(|i| i.line);
    items.dedup_by_key(|i| i.line);
    items
        .into_iter()
        .map(|i| punkt::Header {
            line: i.line,
            number: i.number.clone(),
            title: i.title.clone(),
            closed: i.closed,
            case_numbers: i.case_numbers.clone(),
            rest: None,
            parent: i.parent.clone(),
            title_lines: 0,
            // the format named the item: the strongest kind of header
            shape: punkt_shape::Shape::Keyword,
        })
        .collect()
}

/// The meeting fields a structured format named win over those read from the text.
fn given_meeting(m: &mut Meeting, given: &Meeting) {
    let pick = |a: &mut Option<String>, b: &Option<String>| {
        if b.is_some() {
            a.clone_from(b);
        }
    };
    pick(&mut m.body, &given.body);
    pick(&mut m.date, &given.date);
    pick(&mut m.start_time, &given.start_time);
    pick(&mut m.place, &given.place);
    if !given.participants.is_empty() {
        m.participants.clone_from(&given.participants);
    }
}

fn kind(head: &[String], punkter: &[Punkt], tables: &[Table], lines: &[String]) -> Kind {
    let top: Vec<String> = head
        .iter()
        .map(|l| l.trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .take(8)
        .collect();
    let says = |w: &str| {
        top.iter()
            .any(|l| l.split(|c: char| !c.is_alphanumeric()).any(|x| x == w))
    };
    let decided = punkter.iter().any(|p| !p.beslutninger.is_empty());
    if !punkter.is_empty() {
        if vocab::MINUTES_TITLES.iter().any(|w| says(w)) || decided {
            return Kind::Referat;
        }
        return Kind::Dagsorden;
    }
    if top.first().is_some_and(|l| l.starts_with("bilag")) {
        return Kind::Bilag;
    }
    let chars: usize = lines.iter().map(|l| l.len()).sum();
    if !tables.is_empty() || chars > 1500 {
        return Kind::Rapport;
    }
    if vocab::MINUTES_TITLES.iter().any(|w| says(w)) {
        return Kind::Referat;
    }
    if vocab::AGENDA_TITLES.iter().any(|w| says(w)) {
        return Kind::Dagsorden;
    }
    Kind::Ukendt
}
