//! The meeting a document records: body, date, start time, place and participants, read from
//! the document's head (labelled lines, title lines) and, failing that, its page furniture.

use regex::Regex;
use std::sync::LazyLock;

use super::{dates, sections::normalise_body, vocab};
use crate::model::{Meeting, Participant};

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<&str> = [
        vocab::DATE_LABELS,
        vocab::TIME_LABELS,
        vocab::PLACE_LABELS,
        vocab::BODY_LABELS,
        vocab::PRESENT_LABELS,
        vocab::ABSENT_LABELS,
    ]
    .concat();
    vocab::re(&format!(
        r"(?i)^(?P<label>{})\s*[:.]?\s+(?P<value>\S.*)$",
        vocab::alternation(&labels)
    ))
});
static TITLE_BODY: LazyLock<Regex> = LazyLock::new(|| {
    let titles = [vocab::MINUTES_TITLES, vocab::AGENDA_TITLES].concat();
    vocab::re(&format!(
        r#"(?i)^(?:{})\b\s*(?:til|for|fra|af)?\s*(?:mødet\s+i|møde\s+i)?\s*[:/–-]?\s*(?P<body>[^0-9]*?)\s*(?:(?:d\.|den|mødet|møde)\s.*|[0-9].*)?$"#,
        vocab::alternation(&titles)
    ))
});
static SEPARATORS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+[—–|/-]\s+|\s*[—|]\s*").unwrap());

/// Reads the meeting from the head lines (before the first item) and the page furniture.
pub fn parse(head: &[String], furniture: &[String]) -> Meeting {
    let mut m = Meeting::default();
    let lines: Vec<&str> = head
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .take(60)
        .collect();
    for line in &lines {
        if let Some(c) = LABEL.captures(line) {
            let value = c["value"].trim();
            let label = c["label"]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let is = |labels: &[&str]| labels.contains(&label.as_str());
            if is(vocab::DATE_LABELS) {
                m.date = m.date.take().or_else(|| dates::first_date(value));
                m.start_time = m.start_time.take().or_else(|| dates::clock_time(value));
            } else if is(vocab::TIME_LABELS) {
                m.start_time = m
                    .start_time
                    .take()
                    .or_else(|| dates::clock_time(value))
                    .or_else(|| dates::bare_time(value));
                m.date = m.date.take().or_else(|| dates::first_date(value));
            } else if is(vocab::PLACE_LABELS) {
                m.place.get_or_insert_with(|| value.to_string());
            } else if is(vocab::BODY_LABELS) {
                m.body.get_or_insert_with(|| normalise_body(value));
            } else if is(vocab::ABSENT_LABELS) {
                m.participants.extend(participants(value, true));
            } else {
                m.participants.extend(participants(value, false));
            }
        }
    }
    if m.body.is_none() {
        m.body = body_from_title(&lines);
    }
    if m.date.is_none() {
        for line in lines.iter().take(15) {
            if LABEL.is_match(line) || line.len() > 200 {
                continue;
            }
            if let Some(d) = dates::first_date(line) {
                m.date = Some(d);
                m.start_time = m.start_time.take().or_else(|| dates::clock_time(line));
                break;
            }
        }
    }
    if m.start_time.is_none() {
        m.start_time = lines
            .iter()
            .take(15)
            .filter(|l| l.len() < 120)
            .find_map(|l| dates::clock_time(l));
    }
    if m.date.is_none() || m.start_time.is_none() {
        // running footers such as `Møde den 18.03.2019 kl. 09.00 Side 1 af 7`
        let mut counts: Vec<(String, usize)> = Vec::new();
        for f in furniture {
            if let Some(d) = dates::first_date(f) {
                match counts.iter_mut().find(|(x, _)| *x == d) {
                    Some(c) => c.1 += 1,
                    None => counts.push((d, 1)),
                }
            }
        }
        if m.date.is_none() {
            m.date = counts.iter().max_by_key(|c| c.1).map(|c| c.0.clone());
        }
        if m.start_time.is_none() {
            m.start_time = furniture.iter().find_map(|f| dates::clock_time(f));
        }
    }
    m
}

/// `REFERAT Direktionen d. 06-01-2015`, `Referat til mødet i X`, `Greve Kommune — X — Referat — …`,
/// or a line `Referat` followed by the body's name.
fn body_from_title(lines: &[&str]) -> Option<String> {
    for (i, line) in lines.iter().take(12).enumerate() {
        let lower = line.to_lowercase();
        let titled = vocab::MINUTES_TITLES
            .iter()
            .chain(vocab::AGENDA_TITLES)
            .any(|w| lower.contains(w));
        if !titled {
            continue;
        }
        let parts: Vec<&str> = SEPARATORS
            .split(line)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() >= 2 {
            if let Some(p) = parts.iter().find(|p| vocab::is_body_name(p)) {
                return Some(normalise_body(p));
            }
            continue;
        }
        if let Some(c) = TITLE_BODY.captures(line) {
            let body = c["body"].trim().trim_matches(['.', ',', ':', '/']).trim();
            if !body.is_empty() && body.split_whitespace().count() <= 10 {
                return Some(normalise_body(body));
            }
            // the title line stands alone: the body is on the next line
            if let Some(next) = lines.get(i + 1) {
                let next = next.trim_matches(['/', ' ']);
                if next.split_whitespace().count() <= 10
                    && dates::first_date(next).is_none()
                    && !LABEL.is_match(next)
                {
                    return Some(normalise_body(next));
                }
            }
        }
    }
    lines
        .iter()
        .take(8)
        .find(|l| vocab::is_body_name(l))
        .map(|l| normalise_body(l))
}

static PARTY_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*,?\s*\((?P<p>[A-ZÆØÅ]{1,2}(?:\s*[+,]\s*[A-ZÆØÅ]{1,2})*)\)\s*$").unwrap()
});

fn participants(list: &str, absent: bool) -> Vec<Participant> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0;
    let mut parts = Vec::new();
    for ch in list.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if (ch == ',' || ch == ';') && depth == 0 {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(ch);
        }
    }
    parts.push(current);
    for p in parts {
        for name in p.split(" og ") {
            let name = name.trim().trim_end_matches('.');
            if name.is_empty() || name.len() > 60 || name.eq_ignore_ascii_case("ingen") {
                continue;
            }
            let (name, party) = match PARTY_IN.captures(name) {
                Some(c) => (
                    name[..c.get(0).unwrap().start()].trim().to_string(),
                    Some(c["p"].replace([' ', ','], "+").replace("++", "+")),
                ),
                None => (name.to_string(), None),
            };
            if !name.is_empty() {
                out.push(Participant {
                    name,
                    party,
                    absent,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(String::from).collect()
    }

    #[test]
    fn labelled_head() {
        let m = parse(
            &lines(
                "REFERAT Direktionen d. 06-01-2015\n\nMødedato Tirsdag d. 06. januar 2015 kl. 10:00\n\nMødested A101",
            ),
            &[],
        );
        assert_eq!(m.body.as_deref(), Some("Direktionen"));
        assert_eq!(m.date.as_deref(), Some("2015-01-06"));
        assert_eq!(m.start_time.as_deref(), Some("10:00"));
        assert_eq!(m.place.as_deref(), Some("A101"));
    }

    #[test]
    fn system_heads() {
        // body, date and start time of a head
        let head = |text: &str, date: &str| {
            let m = parse(&lines(text), &[]);
            assert_eq!(
                (
                    m.body.as_deref(),
                    m.date.as_deref(),
                    m.start_time.as_deref()
                ),
                (
                    Some("Beskæftigelses- og Erhvervsudvalget"),
                    Some(date),
                    Some("08:00")
                ),
                "{text}"
            );
            m
        };
        let m = head(
            "Greve Kommune\nReferat til mødet i Beskæftigelses- og Erhvervsudvalget\n\nMødedato: 06-02-2023\nMødetidspunkt: 08:00\nMødested: Mødelokale 1\nDeltagere: Liselott Blixt, Simon Østergaard (A)\nAfbud: Kenneth Jerkel",
            "2023-02-06",
        );
        assert_eq!(m.participants.len(), 3);
        assert_eq!(m.participants[1].party.as_deref(), Some("A"));
        assert!(m.participants[2].absent);
        head(
            "Greve Kommune — Beskæftigelses- og Erhvervsudvalget — Referat — 14. november 2022\nTidspunkt: kl. 08.00\nSted: Mødelokale 1",
            "2022-11-14",
        );
        let m = parse(
            &lines("Referat\nByrådet\nTirsdag den 5. marts 2024 kl. 18:00"),
            &[],
        );
        assert_eq!(
            (m.body.as_deref(), m.date.as_deref()),
            (Some("Byrådet"), Some("2024-03-05"))
        );
    }

    #[test]
    fn furniture_fills_the_gaps() {
        let m = parse(
            &lines("Godkendelse af niveau for kataloget"),
            &["Møde den 18.03.2019 kl. 09.00 Side 1 af 7".into()],
        );
        assert_eq!(
            (m.date.as_deref(), m.start_time.as_deref()),
            (Some("2019-03-18"), Some("09:00"))
        );
    }
}
