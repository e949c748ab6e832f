//! Finding agenda items: header lines in every style of DOMAIN.md (`Punkt 2:`, `715.`, `Pkt. 42`,
//! `Sag nr. 162`, `Nr.178 -`), never a table of contents, a related-documents list or a
//! numbered list inside an item's text. The case lines and open/closed markers that keep a real
//! item company are read by `caseline`.

use regex::Regex;
use std::sync::LazyLock;

use super::caseline::{SAG_LINE, access_marker, case_line, case_matches};
use super::vocab;

/// An item header found at a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub line: usize,
    pub number: String,
    pub title: String,
    pub closed: bool,
    /// Case numbers printed on the header line itself.
    pub case_numbers: Vec<String>,
    /// Text that runs on after the title on the same line (transcriptions).
    pub rest: Option<String>,
    /// The heading an outline-numbered item sits under (`1 First Agenda` for `1.2 …`).
    pub parent: Option<String>,
    /// Lines after the header line that continue its title (a title wrapped in a PDF).
    pub title_lines: usize,
}

static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"(?ix)^(?P<lukket>lukket(?:\s+punkt)?\s*[:\-–]?\s*)?
        (?:{})\s*
        (?P<num>[0-9]{{1,4}}[a-z]?)\s*[:.\-–)]?\s+(?P<title>\S.*)$",
        vocab::alternation(vocab::ITEM_WORDS)
    ))
});
static WEAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?P<lukket>(?i:lukket(?:\s+punkt)?)\s*[:\-–]\s*)?
        (?P<num>[0-9]{1,4}\.|[0-9]{1,3}\.[0-9]{1,2}\.?)\s+(?P<title>[\p{Lu}0-9«»\x22„“'§].*)$",
    )
    .unwrap()
});
static TOC_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{4,}|…{2,}|(?:\s\.){3,}|_{4,})\s*[0-9]*\s*$|(?:\.{3}|…)\s*[0-9]{1,4}\s*$")
        .unwrap()
});
/// A table-of-contents entry: a title with dot leaders or a tab before a page number.
pub fn is_toc_line(line: &str) -> bool {
    TOC_LINE.is_match(line.trim_end())
}

/// Finds the item headers of a document.
///
/// Headers with the company real items keep (an open/closed marker, a case number) win. Where
/// a document has such headers, a keyword header without company (`Punkt 5: Eventuelt`) is
/// taken only when it continues their numbering; where it has none, keyword headers are taken
/// as they stand.
pub fn find_headers(lines: &[String]) -> Vec<Header> {
    let mut headers = find_header_lines(lines);
    for h in &mut headers {
        join_wrapped_title(lines, h);
    }
    headers
}

/// A title wrapped onto a second line, which the case line follows (`2. Godkendelse af … til
/// Det` / `Regionale Arbejdsmarkedsråd` / `Sag: 22-013992 | Åbent`), is joined up.
fn join_wrapped_title(lines: &[String], h: &mut Header) {
    if h.rest.is_some() || !h.case_numbers.is_empty() {
        return;
    }
    let (Some(next), Some(after)) = (lines.get(h.line + 1), lines.get(h.line + 2)) else {
        return;
    };
    let n = next.trim();
    let a = after.trim();
    let is_case = |l: &str| case_line(l).is_some() || SAG_LINE.is_match(l);
    if n.is_empty()
        || n.contains('\t')
        || n.len() > 120
        || is_case(n)
        || access_marker(n).is_some()
        || super::sections::heading(n).is_some()
        || !is_case(a)
        || STRONG.is_match(a)
        || WEAK.is_match(a)
    {
        return;
    }
    h.title = format!("{} {n}", h.title);
    h.title_lines = 1;
}

fn find_header_lines(lines: &[String]) -> Vec<Header> {
    let strong = drop_toc_repeats(lines, candidates(lines, &STRONG));
    let mut weak = candidates(lines, &WEAK);
    outline_parents(lines, &mut weak);
    let mut accepted: Vec<Header> = strong
        .iter()
        .chain(weak.iter())
        .filter(|h| confirmed(lines, h))
        .cloned()
        .collect();
    if accepted.is_empty() {
        return strong;
    }
    accepted.sort_by_key(|h| h.line);
    accepted.dedup_by_key(|h| h.line);
    let known: Vec<String> = accepted.iter().map(|h| h.number.clone()).collect();
    let mut extra = Vec::new();
    for h in strong.iter().filter(|h| !known.contains(&h.number)) {
        let Ok(n) = h.number.parse::<u32>() else {
            continue;
        };
        let prev = accepted.iter().rev().find(|a| a.line < h.line);
        let next = accepted.iter().find(|a| a.line > h.line);
        let num = |a: Option<&Header>| a.and_then(|a| a.number.parse::<u32>().ok());
        let continues =
            num(prev).is_some_and(|p| p + 1 == n) || num(next).is_some_and(|x| n + 1 == x);
        if continues {
            extra.push(h.clone());
        }
    }
    accepted.extend(extra);
    accepted.sort_by_key(|h| h.line);
    drop_toc_repeats(lines, accepted)
}

/// Outline numbering (`1 First Agenda`, then `1.1 Status`, `1.2 …`): a sub-numbered line is an
/// item when its heading `N Title` stands above it and it has a sibling under a heading too.
/// The heading goes to `parent`.
fn outline_parents(lines: &[String], headers: &mut [Header]) {
    static PARENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<num>[0-9]{1,3})\.?\s+(?P<title>\p{Lu}.{0,150})$").unwrap()
    });
    let parent_of = |h: &Header| -> Option<String> {
        let (major, _) = h.number.split_once('.')?;
        lines[..h.line].iter().rev().find_map(|l| {
            let t = l.trim();
            let c = PARENT.captures(t)?;
            (&c["num"] == major && !t.contains('\t') && !TOC_LINE.is_match(t))
                .then(|| t.to_string())
        })
    };
    let found: Vec<Option<String>> = headers
        .iter()
        .map(|h| {
            (h.title.chars().count() <= 150)
                .then(|| parent_of(h))
                .flatten()
        })
        .collect();
    // a real outline: distinct numbers, each heading's items starting at `.1`
    let numbers: Vec<&str> = headers
        .iter()
        .zip(&found)
        .filter(|(_, p)| p.is_some())
        .map(|(h, _)| h.number.as_str())
        .collect();
    let distinct: std::collections::HashSet<&str> = numbers.iter().copied().collect();
    let starts_at_one = numbers.iter().all(|n| {
        n.split_once('.')
            .is_some_and(|(major, _)| distinct.contains(format!("{major}.1").as_str()))
    });
    if numbers.len() >= 2 && distinct.len() == numbers.len() && starts_at_one {
        for (h, p) in headers.iter_mut().zip(found) {
            h.parent = p;
        }
    }
}

fn candidates(lines: &[String], re: &Regex) -> Vec<Header> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.contains('\t') || TOC_LINE.is_match(t) {
            continue;
        }
        let Some(c) = re.captures(t) else { continue };
        let number = c["num"].trim_end_matches('.').to_string();
        let (title, case_numbers, rest) = split_title(&c["title"]);
        if title.is_empty() || title.len() > 400 {
            continue;
        }
        let (title, lukket_title) = strip_closed(&title);
        let closed = c.name("lukket").is_some()
            || lukket_title
            || previous_marker(lines, i).unwrap_or(false);
        out.push(Header {
            line: i,
            number,
            title,
            closed,
            case_numbers,
            rest,
            parent: None,
            title_lines: 0,
        });
    }
    out
}

/// A title runs to the end of the line, unless a case number follows it there (transcriptions
/// run the header, the case number and the first paragraph together).
fn split_title(s: &str) -> (String, Vec<String>, Option<String>) {
    let s = s.trim();
    if let Some(m) = case_matches(s).next() {
        let after = s[m.end()..].trim();
        let before = s[..m.start()].trim();
        if !before.is_empty() && (after.is_empty() || s.len() > 160) {
            let rest = (!after.is_empty()).then(|| after.to_string());
            let title = before.trim_end_matches([',', '-', '–', ':', '(']).trim();
            return (title.to_string(), vec![m.as_str().to_string()], rest);
        }
    }
    (s.to_string(), Vec::new(), None)
}

/// `Lukket: Titel`, `Titel (lukket)`, `Titel - Lukket punkt`.
fn strip_closed(title: &str) -> (String, bool) {
    static PREFIX: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^lukket(?:\s+punkt)?\s*[:\-–]\s*").unwrap());
    static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*(?:[-–]\s*lukket(?:\s+punkt)?|\(lukket(?:\s+punkt)?\))\s*$").unwrap()
    });
    let mut closed = false;
    let mut t = title.to_string();
    if PREFIX.is_match(&t) {
        t = PREFIX.replace(&t, "").into_owned();
        closed = true;
    }
    if SUFFIX.is_match(&t) {
        t = SUFFIX.replace(&t, "").into_owned();
        closed = true;
    }
    (t.trim().to_string(), closed)
}

fn previous_marker(lines: &[String], i: usize) -> Option<bool> {
    lines[..i]
        .iter()
        .rev()
        .filter(|l| !l.trim().is_empty())
        .take(1)
        .find_map(|l| access_marker(l))
}

/// A header without a keyword (`715. Kulturkommune 2017`) counts only with the company real
/// items keep: an open/closed marker before it, or a case number or `Sag:` line just after it.
fn confirmed(lines: &[String], h: &Header) -> bool {
    if h.parent.is_some()
        || h.closed
        || !h.case_numbers.is_empty()
        || previous_marker(lines, h.line).is_some()
    {
        return true;
    }
    lines[h.line + 1..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .take_while(|l| !WEAK.is_match(l.trim()) && !STRONG.is_match(l.trim()))
        .any(|l| case_line(l).is_some() || SAG_LINE.is_match(l.trim()))
}

/// A number printed twice is a table of contents entry the first time when nothing but other
/// headers follows it; drop those.
fn drop_toc_repeats(lines: &[String], headers: Vec<Header>) -> Vec<Header> {
    let is_header_line: std::collections::HashSet<usize> = headers.iter().map(|h| h.line).collect();
    let mut keep = Vec::new();
    for (k, h) in headers.iter().enumerate() {
        let repeated = headers[k + 1..].iter().any(|o| o.number == h.number);
        let bare = lines[h.line + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_none_or(|_| {
                let next = (h.line + 1..lines.len()).find(|&j| !lines[j].trim().is_empty());
                next.is_some_and(|j| is_header_line.contains(&j))
            });
        if repeated && bare {
            continue;
        }
        keep.push(h.clone());
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(String::from).collect()
    }

    #[test]
    fn keyword_headers() {
        for (text, number, title) in [
            ("Punkt 2: Status\n14/689\nTekst", "2", "Status"),
            ("Pkt. 42 Budget\nTekst", "42", "Budget"),
            ("Sag nr. 162 - Skoler\nTekst", "162", "Skoler"),
            ("Nr.178 - Veje\nTekst", "178", "Veje"),
            ("Dagsordenspunkt 1: Ting\nTekst", "1", "Ting"),
        ] {
            let h = find_headers(&lines(text));
            assert_eq!(h.len(), 1, "{text}");
            assert_eq!((h[0].number.as_str(), h[0].title.as_str()), (number, title));
        }
    }

    #[test]
    fn uncorroborated_keyword_headers_must_continue_the_numbering() {
        let l = lines(
            "Punkt 1: A\nSagsnr.: 21-000001\nTekst\nPunkt 2: Eventuelt\nIntet\nPunkt 3: C\nSagsnr.: 21-000003\nBeslutning: Godkendt.\nPkt. 8 Det skal sikres at hegnet bevares.\nPunkt 4: D\nSagsnr.: 21-000004",
        );
        let n: Vec<_> = find_headers(&l).iter().map(|h| h.number.clone()).collect();
        assert_eq!(n, vec!["1", "2", "3", "4"]);
    }

    #[test]
    fn toc_lines_are_not_items() {
        let l = lines(
            "Indholdsfortegnelse\nPunkt 1 Godkendelse ........ 2\nStatus.....\t5\n\nPunkt 1 Godkendelse\nSagsnr.: 21-014448",
        );
        let h = find_headers(&l);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].line, 4);
    }

    #[test]
    fn numbered_items_need_company() {
        let l = lines(
            "Åbent punkt\n1. Godkendelse af dagsorden\nSagsnr.: 21-014448\n\nTekst:\n1. Alle ledige skal have en værdig sagsbehandling.\n2. Flere ledige\n\n715. Kulturkommune 2017. Politiske fokusområder\nSag: 12/27845 | Lukket",
        );
        let h = find_headers(&l);
        let n: Vec<_> = h.iter().map(|h| h.number.as_str()).collect();
        assert_eq!(n, vec!["1", "715"]);
    }

    #[test]
    fn outline_numbered_items_keep_their_heading() {
        let l = lines(
            "Dato: 6. oktober 2016\n\n1 First Agenda\n1.1 Status siden sidst\nTekst\n1.2 Ønsker\nTekst\n2 Andet\n2.1 Eventuelt\nx",
        );
        let h = find_headers(&l);
        let n: Vec<_> = h
            .iter()
            .map(|h| (h.number.as_str(), h.parent.as_deref()))
            .collect();
        assert_eq!(
            n,
            vec![
                ("1.1", Some("1 First Agenda")),
                ("1.2", Some("1 First Agenda")),
                ("2.1", Some("2 Andet"))
            ]
        );
    }

    #[test]
    fn wrapped_titles_are_joined() {
        let l = lines(
            "Åbent punkt\n2. Godkendelse af plan for 2023 til Det\nRegionale Arbejdsmarkedsråd\nSag: 22-013992 | Åbent\nTekst",
        );
        let h = find_headers(&l);
        assert_eq!(
            h[0].title,
            "Godkendelse af plan for 2023 til Det Regionale Arbejdsmarkedsråd"
        );
        assert_eq!(h[0].title_lines, 1);
    }

    #[test]
    fn closed_items() {
        let l = lines(
            "Lukket punkt\nPunkt 3 Salg af grund\nx\nPunkt 4: Lukket: Personalesag\ny\nPunkt 5 Åbent\nz",
        );
        let h = find_headers(&l);
        assert_eq!(
            h.iter().map(|h| h.closed).collect::<Vec<_>>(),
            vec![true, true, false]
        );
        assert_eq!(h[1].title, "Personalesag");
    }

    #[test]
    fn run_on_header_splits_at_case_number() {
        let t = format!(
            "Punkt 2. Godkendelse af niveau i Budget 2020 2019-014049 Borgmesterens Forvaltning indstiller, at {}",
            "x ".repeat(80)
        );
        let h = find_headers(&[t]);
        assert_eq!(h[0].title, "Godkendelse af niveau i Budget 2020");
        assert_eq!(h[0].case_numbers, vec!["2019-014049"]);
        assert!(
            h[0].rest
                .as_deref()
                .unwrap()
                .starts_with("Borgmesterens Forvaltning indstiller")
        );
    }
}
