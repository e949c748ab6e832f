//! Pure parsers from cleaned text to a `Document`: no I/O here. `document` is the whole flow;
//! each submodule reads one part of DOMAIN.md (items, sections, recommendation, decisions,
//! tables, amounts, dates, the meeting).

pub mod attendance;
pub mod beslutning;
pub mod budget;
pub mod dates;
pub mod dissent;

pub mod indstilling;
pub mod meeting;
pub mod numbers;
pub mod punkt;
pub mod reflow;
pub mod sections;
pub mod tables;
pub mod vocab;

use crate::model::{
    Beslutning, Document, Kind, Meeting, Punkt, SCHEMA_VERSION, Section, SectionKind, Source, Table,
};
use crate::read::Text;
use crate::read::clean::{self, Cleaned};
use sections::RawSection;

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
    }
}

/// Parses a document from text readied by `prepare`.
pub fn document(text: &Text, id: String, source: Source) -> Document {
    let lines = &text.cleaned.lines;
    let headers = punkt::find_headers(lines);
    let head_end = headers.first().map_or(lines.len(), |h| h.line);
    let head = &lines[..head_end];
    let meeting = meeting::parse(head, &text.cleaned.furniture);

    let mut tables: Vec<Table> = Vec::new();
    for t in tables::find(head) {
        tables.push(to_table(&t, None, text.page(t.first_line)));
    }
    let mut punkter = Vec::new();
    for (k, h) in headers.iter().enumerate() {
        let end = headers.get(k + 1).map_or(lines.len(), |n| n.line);
        let mut body: Vec<String> = Vec::new();
        if let Some(rest) = &h.rest {
            body.push(rest.clone());
        }
        body.extend(
            lines[(h.line + 1 + h.title_lines).min(end)..end]
                .iter()
                .cloned(),
        );
        // an open/closed marker at the end belongs to the next item
        while body
            .last()
            .is_some_and(|l| l.trim().is_empty() || punkt::access_marker(l).is_some())
        {
            body.pop();
        }
        let (p, item_tables) = build_punkt(h, &body, &meeting, text.page(h.line));
        for t in item_tables {
            tables.push(t);
        }
        punkter.push(p);
    }

    let mut budget = Vec::new();
    let mut warnings = Vec::new();
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
    }
}

fn to_table(t: &tables::Found, punkt: Option<&str>, page: Option<u32>) -> Table {
    Table {
        punkt: punkt.map(String::from),
        caption: t.caption.clone(),
        header: t.header.clone(),
        rows: t.rows.clone(),
        page,
    }
}

fn is_bilag_caption(caption: Option<&str>) -> bool {
    caption
        .and_then(sections::heading)
        .is_some_and(|(_, kind, rest)| kind == SectionKind::Bilag && rest.is_none())
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn build_punkt(
    h: &punkt::Header,
    body: &[String],
    meeting: &Meeting,
    page: Option<u32>,
) -> (Punkt, Vec<Table>) {
    let mut case_numbers = h.case_numbers.clone();
    let mut closed = h.closed;
    let mut lines: Vec<String> = Vec::with_capacity(body.len());
    let mut meta_zone = true;
    let mut seen_nonempty = 0;
    for l in body {
        let t = l.trim();
        if t.is_empty() {
            lines.push(String::new());
            continue;
        }
        seen_nonempty += 1;
        if meta_zone && seen_nonempty <= 4 {
            if let Some(c) = punkt::case_line(t) {
                if t.to_lowercase().contains("lukket") {
                    closed = true;
                }
                for n in c {
                    if !case_numbers.contains(&n) {
                        case_numbers.push(n);
                    }
                }
                continue;
            }
            if let Some(is_closed) = punkt::access_marker(t) {
                closed |= is_closed;
                continue;
            }
        } else {
            meta_zone = false;
        }
        lines.push(l.clone());
    }
    // the title printed again opens the item's own text: what came before it (a bilag list)
    // is one part, what follows another
    let title_norm = norm(&h.title);
    let repeat = lines
        .iter()
        .take(60)
        .position(|l| !title_norm.is_empty() && norm(l) == title_norm);
    let parts: Vec<Vec<String>> = match repeat {
        Some(r) => vec![lines[..r].to_vec(), lines[r + 1..].to_vec()],
        None => vec![lines],
    };

    let mut item_tables = Vec::new();
    let mut raw_sections: Vec<RawSection> = Vec::new();
    for part in parts {
        let found = tables::find(&part);
        let mut prose = part.clone();
        for t in &found {
            // a list of bilag laid out in columns (name, document number) is a list, not data
            if t.remainder.is_none() && is_bilag_caption(t.caption.as_deref()) {
                for &i in &t.lines {
                    prose[i] = part[i]
                        .split('\t')
                        .map(str::trim)
                        .collect::<Vec<_>>()
                        .join(" ");
                }
                continue;
            }
            item_tables.push(to_table(t, Some(&h.number), page));
            match &t.remainder {
                Some((before, after)) => {
                    prose[t.first_line] = [before.as_str(), after.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ");
                }
                None => {
                    for &i in &t.lines {
                        prose[i] = String::new();
                    }
                }
            }
        }
        raw_sections.extend(sections::split(&prose));
    }

    let mut bilag = Vec::new();
    for s in &raw_sections {
        for (_, l) in &s.lines {
            let t = l.trim();
            if t.is_empty() {
                continue;
            }
            if s.kind == SectionKind::Bilag {
                let name = t.trim_start_matches(vocab::BULLETS).trim();
                if !name.is_empty() {
                    bilag.push(name.to_string());
                }
            } else if let Some(name) = bilag_line(t) {
                bilag.push(name);
            }
        }
    }

    let indstilling = find_indstilling(&raw_sections);
    let mut beslutninger = Vec::new();
    let mut attendance = Vec::new();
    for s in raw_sections
        .iter()
        .filter(|s| s.kind == SectionKind::Beslutning)
    {
        let text = s.text();
        if text.is_empty() {
            continue;
        }
        let head = s.decision.clone().unwrap_or_default();
        let undated_plain = head.date.is_none() && head.body.is_none();
        let (dissents, votes) = dissent::dissents_and_votes(&text);
        beslutninger.push(Beslutning {
            body: head
                .body
                .clone()
                .or_else(|| undated_plain.then(|| meeting.body.clone()).flatten()),
            date: head
                .date
                .clone()
                .or_else(|| undated_plain.then(|| meeting.date.clone()).flatten()),
            outcome: beslutning::outcome(&text),
            dissents,
            votes,
            text: text.clone(),
        });
        attendance.extend(attendance::attendance(&text));
    }
    let sections = raw_sections
        .iter()
        .map(|s| Section {
            heading: s.heading.clone(),
            kind: s.kind,
            text: s.text(),
            page,
        })
        .filter(|s| !(s.text.is_empty() && s.kind == SectionKind::Indledning))
        .collect();
    let punkt = Punkt {
        number: h.number.clone(),
        title: h.title.clone(),
        closed,
        case_numbers,
        bilag,
        sections,
        indstilling,
        beslutninger,
        attendance,
        parent: h.parent.clone(),
        page,
    };
    (punkt, item_tables)
}

/// `Bilag 3: Notat om økonomi` → `Notat om økonomi`.
fn bilag_line(t: &str) -> Option<String> {
    use regex::Regex;
    use std::sync::LazyLock;
    static BILAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[-•]\s*)?Bilag\s+[0-9]{1,3}\s*[:.\-–]\s*(?P<name>\S.{2,200})$").unwrap()
    });
    BILAG.captures(t).map(|c| c["name"].trim().to_string())
}

/// The item's recommendation: its `Indstilling` section(s), or a paragraph that recommends
/// (`… indstiller, at …`) where the layout has no heading for it.
fn find_indstilling(sections: &[RawSection]) -> Option<crate::model::Indstilling> {
    let own: Vec<String> = sections
        .iter()
        .filter(|s| s.kind == SectionKind::Indstilling)
        .flat_map(|s| s.lines.iter().map(|(_, l)| l.clone()))
        .collect();
    if own.iter().any(|l| !l.trim().is_empty()) {
        return indstilling::parse(&own);
    }
    for s in sections
        .iter()
        .filter(|s| s.kind == SectionKind::Indledning)
    {
        let start = s.lines.iter().position(|(_, l)| {
            let lower = l.to_lowercase();
            lower.contains(" indstiller") || lower.contains("det indstilles")
        });
        if let Some(start) = start {
            let lines: Vec<String> = s.lines[start..].iter().map(|(_, l)| l.clone()).collect();
            return indstilling::parse(&lines);
        }
    }
    None
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
