//! The shapes an item header takes on its line: a keyword (`Punkt 3:`, `Pkt. 42`, `Sag nr. 162`),
//! a number and a full stop (`715. Kulturkommune`, outline `1.2 Status`), and the weaker shapes
//! that need more evidence (`48 Trafiksanering`, `38.Redegørelse`, `88 - Godkendelse`,
//! `3) Budget`, a number alone on its line with the title on the next). Which of them a document
//! uses is decided in `punkt` from the evidence around them.

use regex::Regex;
use std::sync::LazyLock;

use super::caseline::{access_marker, case_matches};
use super::vocab::{self, items as vocab_items};

/// How an item header is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// `Punkt 3:`, `Pkt. 42`, `Sag nr. 162`.
    Keyword,
    /// `3. Title`, `1.2 Title`, `12...... Title`.
    Dot,
    /// `3) Title`, `3 - Title`, `3: Title`.
    Separated,
    /// `48 Title`: a number and a space, also a numbered paragraph or a table row.
    Bare,
    /// `38.Title`: no space after the full stop.
    Glued,
    /// `3` or `3.` alone on a line, the title on the next.
    Alone,
}

impl Shape {
    /// The shapes read only where the document uses them (or its numbering calls for them).
    pub fn is_weak(self) -> bool {
        !matches!(self, Shape::Keyword | Shape::Dot)
    }
}

const LUKKET: &str = r"(?P<lukket>(?i:\(?lukket(?:\s+punkt)?\)?)\s*[:\-–]?\s*)?";

pub(super) static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"(?ix)^(?P<lukket>lukket(?:\s+punkt)?\s*[:\-–]?\s*)?
        (?:{})\s*
        (?P<num>[0-9]{{1,4}}[a-z]?)\s*[:.\-–)]?\s+(?P<title>\S.*)$",
        vocab::alternation(vocab::ITEM_WORDS)
    ))
});
pub(super) static WEAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?P<lukket>(?i:lukket(?:\s+punkt)?)\s*[:\-–]\s*)?
        (?P<num>[0-9]{1,4}\.|[0-9]{1,3}\.[0-9]{1,2}\.?)\s+(?P<title>[\p{Lu}0-9«»\x22„“'§].*)$",
    )
    .unwrap()
});
/// The other shapes, with the shape each gives; the title may start in lower case here
/// (`2. behandling af budget`), which `punkt` takes only with a case line after it.
static SHAPES: LazyLock<Vec<(Shape, Regex)>> = LazyLock::new(|| {
    let seps: Vec<&str> = vocab_items::NUMBER_SEPARATORS
        .iter()
        .copied()
        .filter(|s| *s != ".")
        .collect();
    let title = r"(?P<title>[\p{L}«»\x22„“'§(].*)";
    vec![
        (
            Shape::Dot,
            vocab::re(&format!(
                r"^{LUKKET}(?P<num>[0-9]{{1,4}})\s?\.{{1,12}}\s*(?:[-–]\s+)?{title}$"
            )),
        ),
        (
            Shape::Separated,
            vocab::re(&format!(
                r"^{LUKKET}(?P<num>[0-9]{{1,4}})\s*(?:{})\s+{title}$",
                vocab::alternation(&seps)
            )),
        ),
        (
            Shape::Bare,
            vocab::re(&format!(
                r"^{LUKKET}(?P<num>[0-9]{{1,4}})\s+(?P<title>[\p{{L}}«»\x22„“'].*)$"
            )),
        ),
    ]
});
static ALONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?P<num>[0-9]{1,4})\.?$").unwrap());
static TOC_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{4,}|…{2,}|(?:\s\.){3,}|_{4,})\s*[0-9]*\s*$|(?:\.{3}|…)\s*[0-9]{1,4}\s*$")
        .unwrap()
});

/// A table-of-contents entry: a title with dot leaders or a tab before a page number.
pub fn is_toc_line(line: &str) -> bool {
    TOC_LINE.is_match(line.trim_end())
}

/// An item header found at a line (as read; `punkt` weighs the evidence around it).
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
    /// Lines after the header line that hold or continue its title (a number alone on its
    /// line, a title wrapped in a PDF).
    pub title_lines: usize,
    pub shape: Shape,
}

impl Header {
    pub fn lower_case_title(&self) -> bool {
        self.title.chars().next().is_some_and(char::is_lowercase)
    }
}

/// Keyword headers (`Punkt 3: …`) of the document.
pub fn keyword_candidates(lines: &[String]) -> Vec<Header> {
    scan(lines, |t| {
        STRONG.captures(t).map(|c| {
            let title = c["title"].to_string();
            (Shape::Keyword, c, title)
        })
    })
}

/// Headers of every other shape, one per line: the first shape that reads the line.
pub fn numbered_candidates(lines: &[String]) -> Vec<Header> {
    let mut out = scan(lines, |t| {
        // every shape below opens with its number or the closed marker (`Lukket`,
        // `(Lukket)`): other lines are passed over before any pattern runs
        if !t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '(' | 'l' | 'L')) {
            return None;
        }
        if let Some(c) = WEAK.captures(t) {
            let title = c["title"].to_string();
            return Some((Shape::Dot, c, title));
        }
        if STRONG.is_match(t) {
            return None;
        }
        for (shape, re) in SHAPES.iter() {
            if let Some(c) = re.captures(t) {
                let title = c["title"].to_string();
                let after = &t[c.name("num").map_or(0, |m| m.end())..];
                // `38.Redegørelse`: one full stop and the title right after it
                let glued = after
                    .strip_prefix('.')
                    .is_some_and(|r| r.starts_with(|c: char| c != '.' && !c.is_whitespace()));
                let shape = if *shape == Shape::Dot && glued {
                    Shape::Glued
                } else {
                    *shape
                };
                if shape == Shape::Bare && looks_like_year(&c["num"]) {
                    return None;
                }
                return Some((shape, c, title));
            }
        }
        None
    });
    out.extend(alone(lines));
    out.sort_by_key(|c| c.line);
    out
}

/// `1784` or `2019` before a word is a year in a sentence, not an item number.
fn looks_like_year(num: &str) -> bool {
    num.len() == 4 && num.parse::<u32>().is_ok_and(|y| (1700..2200).contains(&y))
}

fn scan<'a>(
    lines: &'a [String],
    read: impl Fn(&'a str) -> Option<(Shape, regex::Captures<'a>, String)>,
) -> Vec<Header> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.contains('\t') || TOC_LINE.is_match(t) {
            continue;
        }
        let Some((shape, c, raw_title)) = read(t) else {
            continue;
        };
        // `2. maj 2017 kl. 10:00` is a date
        if super::dates::find_dates(t)
            .first()
            .is_some_and(|d| d.start == 0)
        {
            continue;
        }
        let number = c["num"].trim_end_matches('.').to_string();
        let (title, case_numbers, rest) = split_title(&raw_title);
        if title.is_empty() || title.len() > 1500 {
            continue;
        }
        let (title, lukket_title) = strip_closed(&title);
        if title.is_empty() {
            continue;
        }
        let closed = c
            .name("lukket")
            .is_some_and(|m| !m.as_str().trim().is_empty())
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
            shape,
        });
    }
    out
}

/// A number alone on its line (`1`, `1.`) with the title on the next line
/// (`1` / `Godkendelse af dagsorden` / `EMN-2023-009832`).
fn alone(lines: &[String]) -> Vec<Header> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(c) = ALONE.captures(line.trim()) else {
            continue;
        };
        let Some(next) = lines.get(i + 1).map(|l| l.trim()) else {
            continue;
        };
        let letters = next.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 3
            || next.contains('\t')
            || next.chars().count() > 400
            || ALONE.is_match(next)
            || super::caseline::case_line(next).is_some()
            || super::sections::heading(next).is_some()
            || TOC_LINE.is_match(next)
        {
            continue;
        }
        let (title, closed) = strip_closed(next);
        out.push(Header {
            line: i,
            number: c["num"].to_string(),
            title,
            closed: closed || previous_marker(lines, i).unwrap_or(false),
            case_numbers: Vec::new(),
            rest: None,
            parent: None,
            title_lines: 1,
            shape: Shape::Alone,
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

/// `Lukket: Titel`, `(Lukket punkt) Titel`, `Titel (lukket)`, `Titel - Lukket punkt`.
pub fn strip_closed(title: &str) -> (String, bool) {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:lukket(?:\s+punkt)?\s*[:\-–]|\(lukket(?:\s+punkt)?\))\s*").unwrap()
    });
    static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s*(?:[-–]\s*lukket(?:\s+punkt)?|\(lukket(?:\s+punkt)?\))\s*$").unwrap()
    });
    let mut closed = false;
    let mut t = title
        .trim()
        .trim_start_matches(['-', '–'])
        .trim()
        .to_string();
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

pub(super) fn previous_marker(lines: &[String], i: usize) -> Option<bool> {
    lines[..i]
        .iter()
        .rev()
        .filter(|l| !l.trim().is_empty())
        .take(1)
        .find_map(|l| access_marker(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(String::from).collect()
    }

    #[test]
    fn each_line_has_its_shape() {
        // short excerpts of item lines as municipalities print them (item-titles-capcas.tsv)
        for (line, shape, number, title) in [
            (
                "715. Kulturkommune 2017",
                Shape::Dot,
                "715",
                "Kulturkommune 2017",
            ),
            (
                "48 Trafiksanering af kryds",
                Shape::Bare,
                "48",
                "Trafiksanering af kryds",
            ),
            (
                "38.Redegørelse til Region Sjælland",
                Shape::Glued,
                "38",
                "Redegørelse til Region Sjælland",
            ),
            (
                "88 - Godkendelse af supplering",
                Shape::Separated,
                "88",
                "Godkendelse af supplering",
            ),
            ("3) Budget 2020", Shape::Separated, "3", "Budget 2020"),
            (
                "26 . Repræsentation i råd",
                Shape::Dot,
                "26",
                "Repræsentation i råd",
            ),
            (
                "4......... Thorsminde Havn, bevilling",
                Shape::Dot,
                "4",
                "Thorsminde Havn, bevilling",
            ),
            (
                "21.  - Resultatrevision 2012",
                Shape::Dot,
                "21",
                "Resultatrevision 2012",
            ),
            (
                "2. behandling af budget 2012-2015",
                Shape::Dot,
                "2",
                "behandling af budget 2012-2015",
            ),
        ] {
            let c = numbered_candidates(&lines(line));
            assert_eq!(c.len(), 1, "{line}");
            assert_eq!(
                (c[0].shape, c[0].number.as_str(), c[0].title.as_str()),
                (shape, number, title),
                "{line}"
            );
        }
        let c = numbered_candidates(&lines("25 - Lukket - Ejendomssag"));
        assert!(c[0].closed && c[0].title == "Ejendomssag");
        let c = numbered_candidates(&lines("31.  (Lukket punkt)  ØU - Alkoholbevilling"));
        assert!(c[0].closed && c[0].title == "ØU - Alkoholbevilling");
        // the closed marker before the number, in either case and in brackets
        for line in [
            "Lukket: 7. Salg af grund",
            "LUKKET - 7. Salg af grund",
            "(Lukket) 7. Salg af grund",
        ] {
            let c = numbered_candidates(&lines(line));
            assert_eq!(c.len(), 1, "{line}");
            assert!(c[0].closed && c[0].number == "7", "{line}");
            assert_eq!(c[0].title, "Salg af grund", "{line}");
        }
    }

    #[test]
    fn a_number_alone_takes_the_next_line_as_title() {
        let c = numbered_candidates(&lines("1\nGodkendelse af dagsorden\nEMN-2023-009832"));
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].shape, c[0].title.as_str()),
            (Shape::Alone, "Godkendelse af dagsorden")
        );
        assert_eq!(c[0].title_lines, 1);
        assert!(numbered_candidates(&lines("1\nSagsnr.: 14/689")).is_empty());
    }

    #[test]
    fn years_and_toc_lines_are_no_headers() {
        assert!(numbered_candidates(&lines("1890 Sogneraadet vedtog")).is_empty());
        assert!(numbered_candidates(&lines("12. Budget ........ 4")).is_empty());
        assert!(numbered_candidates(&lines("2. maj 2017 kl. 10:00")).is_empty());
    }
}
