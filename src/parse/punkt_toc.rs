//! The table of contents as evidence for items: the titles (and numbers, when printed) it lists
//! before the items themselves, in dot-leader lines (`3. Budget ........ 4`), in a run of
//! header lines with nothing between them, or in the lines under `Indholdsfortegnelse` /
//! `Dagsorden`. A later header with a listed title is an item; a header's title wrapped over
//! lines ends where the listed title ends.

use regex::Regex;
use std::sync::LazyLock;

use super::caseline::{SAG_LINE, case_line};
use super::punkt_shape::{Header, is_toc_line, keyword_candidates, numbered_candidates};
use super::vocab;

/// One title the table of contents lists.
#[derive(Debug, Clone)]
pub struct Entry {
    pub line: usize,
    pub number: Option<String>,
    /// Lower case, white space collapsed, without leaders and page number.
    pub title: String,
}

impl Entry {
    /// Whether a header with this number and title is the item this entry lists.
    pub fn agrees(&self, number: &str, title: &str) -> bool {
        self.number.as_deref().is_none_or(|n| n == number) && same_title(&self.title, title)
    }
}

#[derive(Debug, Default)]
pub struct Toc {
    pub entries: Vec<Entry>,
    /// Header lines that are themselves entries (a dot-leader line, a run of headers): the
    /// list, not the item.
    pub listing: std::collections::HashSet<usize>,
}

impl Toc {
    /// Whether the table of contents lists this header before it (and it is not in the list).
    pub fn lists(&self, h: &Header) -> bool {
        !self.listing.contains(&h.line)
            && self
                .entries
                .iter()
                .any(|e| e.line < h.line && e.agrees(&h.number, &h.title))
    }
}

static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<num>[0-9]{1,4})(?:\.+|\)|\s+[-–]|:)?\s+)?(?P<title>.*?)$").unwrap()
});
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:\.{2,}|…+|(?:\s\.)+|_{2,})\s*(?:side\s+)?[0-9]{0,4}\s*$").unwrap()
});

/// A title as the table of contents and the header compare it.
pub fn norm_title(s: &str) -> String {
    let (t, _) = super::punkt_shape::strip_closed(s);
    let t = TAIL.replace(&t, "");
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The same title, or one cut short of the other (a TOC shortens, a PDF wraps), when the shared
/// part is long enough to say so.
pub fn same_title(listed: &str, title: &str) -> bool {
    let (a, b) = (norm_title(listed), norm_title(title));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    // a listed title cut short by a few words, or a header's title wrapped onto the next line;
    // a header that runs on far past its listed title is a paragraph that starts like it
    a == b || (la >= 20 && b.starts_with(&a) && lb <= la + 12) || (lb >= 20 && a.starts_with(&b))
}

impl Toc {
    /// The entries listed before line `end` (the first item with company).
    pub fn read(lines: &[String], end: usize) -> Toc {
        let lines = &lines[..end.min(lines.len())];
        let mut entries = Vec::new();
        let mut push = |line: usize, text: &str| {
            let Some(c) = ENTRY.captures(text.trim()) else {
                return;
            };
            let title = norm_title(&c["title"]);
            if title.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                entries.push(Entry {
                    line,
                    number: c.name("num").map(|m| m.as_str().to_string()),
                    title,
                });
            }
        };
        let mut listing = std::collections::HashSet::new();
        for (i, l) in lines.iter().enumerate() {
            if is_toc_line(l.trim()) {
                push(i, l);
            }
        }
        // a run of header lines with nothing between them lists the items
        let mut headers: Vec<Header> = keyword_candidates(lines);
        headers.extend(numbered_candidates(lines));
        let at: std::collections::HashSet<usize> = headers.iter().map(|h| h.line).collect();
        for h in &headers {
            let next =
                (h.line + 1 + h.title_lines..lines.len()).find(|&j| !lines[j].trim().is_empty());
            // the next line lists the next item (another number), not this one again
            let lists_next = |j: usize| {
                is_toc_line(&lines[j])
                    || headers.iter().any(|o| o.line == j && o.number != h.number)
            };
            if next.is_some_and(|j| at.contains(&j) && lists_next(j)) {
                push(h.line, &format!("{} {}", h.number, h.title));
                listing.insert(h.line);
            }
        }
        // the lines under a TOC heading, up to the first item's company
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim().trim_end_matches(':').to_lowercase();
            if !vocab::TOC_HEADINGS.contains(&t.as_str()) {
                continue;
            }
            // the list ends where a title comes again: the items have begun
            let mut seen = std::collections::HashSet::new();
            for (j, l) in lines.iter().enumerate().skip(i + 1).take(80) {
                let t = l.trim();
                if case_line(t).is_some() || SAG_LINE.is_match(t) {
                    break;
                }
                let title = ENTRY.captures(t).map(|c| norm_title(&c["title"]));
                if title
                    .as_ref()
                    .is_some_and(|x| x.len() >= 3 && !seen.insert(x.clone()))
                {
                    break;
                }
                if !t.is_empty() && t.chars().count() <= 200 {
                    push(j, t);
                }
            }
        }
        Toc { entries, listing }
    }
}

/// A title wrapped onto the next line or two, which the case line follows (`2. Godkendelse af
/// … til Det` / `Regionale Arbejdsmarkedsråd` / `Sag: 22-013992 | Åbent`), or which the table
/// of contents lists whole, is joined up. A line-end hyphen inside a compound (`it-service-` /
/// `organisation`) keeps its hyphen; before `og`/`eller` it keeps its space (`Social- og`).
pub fn join_wrapped_title(lines: &[String], h: &mut Header, toc: &Toc) {
    if h.rest.is_some() || !h.case_numbers.is_empty() {
        return;
    }
    let first = h.line + 1 + h.title_lines;
    let is_case = |l: &str| case_line(l).is_some() || SAG_LINE.is_match(l);
    let continuation = |l: &str| {
        !l.is_empty()
            && !l.contains('\t')
            && l.len() <= 120
            && !is_case(l)
            && super::caseline::access_marker(l).is_none()
            && super::sections::heading(l).is_none()
            && super::sections::decision_head(l).is_none()
    };
    let listed = toc
        .entries
        .iter()
        .filter(|e| e.line < h.line && e.number.as_deref().is_none_or(|n| n == h.number))
        .map(|e| e.title.clone())
        .find(|t| {
            t.chars().count() > norm_title(&h.title).chars().count() && same_title(t, &h.title)
        });
    let mut take = 0;
    for k in 1..=2 {
        let Some(next) = lines.get(first + k - 1).map(|l| l.trim()) else {
            break;
        };
        if !continuation(next) {
            break;
        }
        let joined = join(&h.title, next);
        let by_toc = listed
            .as_deref()
            .is_some_and(|t| t.starts_with(&norm_title(&joined)));
        let by_case = lines.get(first + k).is_some_and(|a| is_case(a.trim()));
        if !(by_toc || by_case) {
            break;
        }
        h.title = joined;
        take = k;
        if by_case {
            break;
        }
    }
    h.title_lines += take;
}

fn join(title: &str, next: &str) -> String {
    let t = title.trim_end();
    let first_word = next.split_whitespace().next().unwrap_or("").to_lowercase();
    if t.ends_with('-')
        && next.starts_with(char::is_lowercase)
        && !vocab::is_joining_word(&first_word)
    {
        format!("{t}{next}")
    } else {
        format!("{t} {next}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::punkt::find_headers;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(String::from).collect()
    }

    #[test]
    fn a_listed_title_is_an_item_without_a_case_line() {
        let l = lines(
            "Dagsorden\n1. Godkendelse af dagsorden\n2. Budget 2020\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Budget 2020\nSagsnr.: 14/689\nGodkendt.",
        );
        let h = find_headers(&l);
        let got: Vec<(usize, &str)> = h.iter().map(|h| (h.line, h.number.as_str())).collect();
        assert_eq!(got, [(4, "1"), (7, "2")]);
    }

    #[test]
    fn the_listed_title_says_where_a_wrapped_title_ends() {
        let l = lines(
            "Indholdsfortegnelse\n3. Ny organisering af it-service-organisationen i kommunen ..... 4\n\n3. Ny organisering af it-service-\norganisationen i kommunen\nÅbent punkt\nTekst",
        );
        let h = find_headers(&l);
        assert_eq!(h.len(), 1);
        assert_eq!(
            h[0].title,
            "Ny organisering af it-service-organisationen i kommunen"
        );
        assert_eq!(h[0].title_lines, 1);
    }

    #[test]
    fn titles_compare_without_leaders_and_page_numbers() {
        assert!(same_title("Budget 2020 ........ 4", "Budget 2020"));
        assert!(!same_title("Budget", "Budget 2020"));
    }
}
