//! An item's body, from the lines under its header to a `Punkt`: the case lines and open/closed
//! markers at its top, its tables, its sections, its bilag, its recommendation and its
//! decisions, each a step of its own. Every line keeps the index it has in the document, so that
//! each section and table carries the page it starts on.

use super::sections::{self, RawSection};
use super::{attendance, beslutning, caseline, dissent, indstilling, punkt, tables, vocab};
use crate::model::{Beslutning, Indstilling, Meeting, Punkt, Section, SectionKind, Table};
use crate::read::Text;

/// A line of an item with the index it has in the document's lines.
type Line = (usize, String);

/// The lines of the item under header `h`, up to line `end`: the text that runs on after the
/// title, then the lines after the header and its wrapped title, without an open/closed marker
/// at the end (it belongs to the next item).
pub fn item_lines(lines: &[String], h: &punkt::Header, end: usize) -> Vec<Line> {
    let mut body: Vec<Line> = Vec::new();
    if let Some(rest) = &h.rest {
        body.push((h.line, rest.clone()));
    }
    let first = (h.line + 1 + h.title_lines).min(end);
    body.extend((first..end).map(|i| (i, lines[i].clone())));
    while body
        .last()
        .is_some_and(|(_, l)| l.trim().is_empty() || caseline::access_marker(l).is_some())
    {
        body.pop();
    }
    body
}

/// The item under header `h` and the tables in it.
pub fn build(
    h: &punkt::Header,
    body: &[Line],
    meeting: &Meeting,
    text: &Text,
) -> (Punkt, Vec<Table>) {
    let page = text.page(h.line);
    let (lines, case_numbers, closed) = strip_meta(h, body);
    let mut item_tables = Vec::new();
    let mut raw_sections: Vec<(usize, RawSection)> = Vec::new();
    for part in parts(&h.title, lines) {
        let (found, sections) = tables_and_sections(&part, &h.number, text);
        item_tables.extend(found);
        raw_sections.extend(sections);
    }
    let raw: Vec<RawSection> = raw_sections.iter().map(|(_, s)| s.clone()).collect();
    let (beslutninger, attendance) = decisions(&raw, meeting);
    let sections = raw_sections
        .iter()
        .map(|(start, s)| Section {
            heading: s.heading.clone(),
            kind: s.kind,
            text: s.text(),
            page: text.page(*start),
        })
        .filter(|s| !(s.text.is_empty() && s.kind == SectionKind::Indledning))
        .collect();
    let punkt = Punkt {
        number: h.number.clone(),
        title: h.title.clone(),
        closed,
        case_numbers,
        bilag: bilag(&raw),
        sections,
        indstilling: find_indstilling(&raw),
        beslutninger,
        attendance,
        parent: h.parent.clone(),
        page,
    };
    (punkt, item_tables)
}

/// Case lines and open/closed markers among the first lines of an item are the item's metadata:
/// the lines without them, the case numbers (the header's first) and whether the item is closed.
fn strip_meta(h: &punkt::Header, body: &[Line]) -> (Vec<Line>, Vec<String>, bool) {
    let mut case_numbers = h.case_numbers.clone();
    let mut closed = h.closed;
    let mut lines: Vec<Line> = Vec::with_capacity(body.len());
    let mut meta_zone = true;
    let mut seen_nonempty = 0;
    for (at, l) in body {
        let t = l.trim();
        if t.is_empty() {
            lines.push((*at, String::new()));
            continue;
        }
        seen_nonempty += 1;
        meta_zone &= seen_nonempty <= 4;
        if meta_zone {
            if let Some(c) = caseline::case_line(t) {
                closed |= t.to_lowercase().contains("lukket");
                for n in c {
                    if !case_numbers.contains(&n) {
                        case_numbers.push(n);
                    }
                }
                continue;
            }
            if let Some(is_closed) = caseline::access_marker(t) {
                closed |= is_closed;
                continue;
            }
        }
        lines.push((*at, l.clone()));
    }
    (lines, case_numbers, closed)
}

/// The title printed again opens the item's own text: what came before it (a bilag list) is one
/// part, what follows another.
fn parts(title: &str, lines: Vec<Line>) -> Vec<Vec<Line>> {
    let title_norm = norm(title);
    let repeat = lines
        .iter()
        .take(60)
        .position(|(_, l)| !title_norm.is_empty() && normed(l).eq(title_norm.chars()));
    match repeat {
        Some(r) => vec![lines[..r].to_vec(), lines[r + 1..].to_vec()],
        None => vec![lines],
    }
}

fn norm(s: &str) -> String {
    normed(s).collect()
}

/// The characters of `s` lower-cased, its words joined by one space: compared lazily, so a
/// long paragraph is told from a title at its first differing letter.
fn normed(s: &str) -> impl Iterator<Item = char> + '_ {
    s.split_whitespace()
        .enumerate()
        .flat_map(|(i, w)| (i > 0).then_some(' ').into_iter().chain(w.chars()))
        .flat_map(char::to_lowercase)
}

/// The tables of one part of an item, and its sections (each with the document line it starts
/// on) from the prose that is left when the tables are taken out.
fn tables_and_sections(
    part: &[Line],
    number: &str,
    text: &Text,
) -> (Vec<Table>, Vec<(usize, RawSection)>) {
    let lines: Vec<String> = part.iter().map(|(_, l)| l.clone()).collect();
    let mut prose = lines.clone();
    let mut out = Vec::new();
    for t in tables::find(&lines) {
        // a list of bilag laid out in columns (name, document number) is a list, not data
        if t.remainder.is_none() && is_bilag_caption(t.caption.as_deref()) {
            for &i in &t.lines {
                prose[i] = lines[i]
                    .split('\t')
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            continue;
        }
        out.push(to_table(&t, Some(number), text.page(part[t.first_line].0)));
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
    let sections = sections::split(&prose)
        .into_iter()
        .map(|s| (part.get(s.start).map_or(0, |(at, _)| *at), s))
        .collect();
    (out, sections)
}

/// A table as the document records it.
pub fn to_table(t: &tables::Found, punkt: Option<&str>, page: Option<u32>) -> Table {
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

/// The item's bilag: the entries of its `Bilag` sections, and `Bilag 3: …` lines elsewhere.
fn bilag(sections: &[RawSection]) -> Vec<String> {
    let mut bilag = Vec::new();
    for s in sections {
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
    bilag
}

/// `Bilag 3: Notat om økonomi` → `Notat om økonomi`.
fn bilag_line(t: &str) -> Option<String> {
    use regex::Regex;
    use std::sync::LazyLock;
    static BILAG: LazyLock<Regex> = LazyLock::new(|| {
        vocab::re(&format!(
            r"^(?:{}\s*)?Bilag\s+[0-9]{{1,3}}\s*[:.\-–]\s*(?P<name>\S.{{2,200}})$",
            vocab::char_class(vocab::BULLETS)
        ))
    });
    BILAG.captures(t).map(|c| c["name"].trim().to_string())
}

/// The item's decisions, one per `Beslutning` section with text (a decision that names no body
/// or date is the meeting's), and the attendance notes printed in them. A decision header of
/// the same body and date right after another (`Folkeoplysningsudvalgets beslutning på mødet
/// den …:` inside that decision) opens no new decision: what stood before it is preamble
/// (foretræde, attendance, members' wishes), kept in the text, and what follows it decides.
fn decisions(
    sections: &[RawSection],
    meeting: &Meeting,
) -> (Vec<Beslutning>, Vec<crate::model::Attendance>) {
    let mut beslutninger: Vec<Beslutning> = Vec::new();
    let mut notes = Vec::new();
    let mut previous: Option<usize> = None;
    for (k, s) in sections.iter().enumerate() {
        if s.kind != SectionKind::Beslutning {
            continue;
        }
        let text = s.text();
        if text.is_empty() {
            continue;
        }
        let head = s.decision.clone().unwrap_or_default();
        let undated_plain = head.date.is_none() && head.body.is_none();
        let body = head
            .body
            .or_else(|| undated_plain.then(|| meeting.body.clone()).flatten());
        let date = head
            .date
            .or_else(|| undated_plain.then(|| meeting.date.clone()).flatten());
        notes.extend(attendance::attendance(&text));
        let decider = body.as_deref().or(meeting.body.as_deref());
        // a preamble before the header printed again is kept in the text, not classified
        let decisional =
            sections::join_paragraphs(s.lines[s.preamble..].iter().map(|(_, l)| l.as_str()));
        let decisional = if decisional.is_empty() {
            text.clone()
        } else {
            decisional
        };
        if let Some(last) = beslutninger.last_mut()
            && previous == Some(k.wrapping_sub(1))
            && date.is_some()
            && last.date == date
            && same_body(last.body.as_deref(), body.as_deref())
        {
            last.text = format!("{}\n{}\n{}", last.text, s.heading.trim(), text);
            let (dissents, votes) = dissent::dissents_and_votes(&last.text);
            last.outcome = beslutning::outcome_by(&decisional, decider);
            last.dissents = dissents;
            last.votes = votes;
            previous = Some(k);
            continue;
        }
        let found = dissent::dissents(&decisional);
        let outcome = beslutning::outcome_with(&decisional, decider, &found);
        let (dissents, votes) = dissent::with_votes(&decisional, found);
        beslutninger.push(Beslutning {
            outcome,
            body,
            date,
            dissents,
            votes,
            text,
        });
        previous = Some(k);
    }
    (beslutninger, notes)
}

/// Whether two decision headers name the same body (`Folkeoplysningsudvalget`,
/// `Folkeoplysningsudvalgets`, any case).
fn same_body(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |s: &str| {
        let s = s.trim().to_lowercase();
        s.strip_suffix('s').map(str::to_string).unwrap_or(s)
    };
    match (a, b) {
        (Some(a), Some(b)) => norm(a) == norm(b),
        _ => false,
    }
}

/// The item's recommendation: its `Indstilling` section(s), or a paragraph that recommends
/// (`… indstiller, at …`) where the layout has no heading for it.
fn find_indstilling(sections: &[RawSection]) -> Option<Indstilling> {
    // a heading that is itself the intro (`Forvaltningen foreslår:`) opens the clauses
    let own: Vec<String> = sections
        .iter()
        .filter(|s| s.kind == SectionKind::Indstilling)
        .flat_map(|s| {
            let intro = vocab::items::INDSTILLING_INTROS
                .contains(&s.heading.trim().to_lowercase().as_str())
                .then(|| format!("{}:", s.heading.trim()));
            intro
                .into_iter()
                .chain(s.lines.iter().map(|(_, l)| l.clone()))
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_printed_again_splits_the_item_whatever_its_case_and_spacing() {
        let lines: Vec<Line> = ["Bilag: 1. Kort", "  BUDGET  2025,\tfølgesag ", "Resume"]
            .iter()
            .enumerate()
            .map(|(i, l)| (i, l.to_string()))
            .collect();
        let p = parts("Budget 2025, følgesag", lines.clone());
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].len(), 1);
        assert_eq!(p[1][0].1, "Resume");
        // a line that only begins as the title does is no repeat of it
        assert_eq!(parts("Budget 2025", lines).len(), 1);
        assert_eq!(norm(" Økonomi  og\tPLAN "), "økonomi og plan");
    }
}
