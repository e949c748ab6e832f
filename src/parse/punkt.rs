//! Finding agenda items: header lines in every style of DOMAIN.md (`Punkt 2:`, `715.`, `Pkt. 42`,
//! `Sag nr. 162`, `Nr.178 -`), never a table of contents, a related-documents list or a
//! numbered list inside an item's text. The case lines and open/closed markers that keep a real
//! item company are read by `caseline`.

use regex::Regex;
use std::sync::LazyLock;

use super::caseline::{SAG_LINE, case_line};
use super::punkt_shape::previous_marker;
pub use super::punkt_shape::{Header, is_toc_line};
use super::punkt_shape::{STRONG, Shape, WEAK, keyword_candidates, numbered_candidates};
use super::punkt_toc::Toc;
use super::vocab::items as vocab_items;

/// Finds the item headers of a document.
///
/// A header is taken on converging evidence: the company real items keep (an open/closed
/// marker, a case number or `Sag:` line), agreement with the table of contents, and numbering
/// that continues the headers already found. The document's own header shape is decided from
/// the headers with company; a weaker shape (`48 Title`, `3) Title`, a number alone) is read
/// only where it is that shape. Where nothing has company, keyword headers are taken as they
/// stand.
pub fn find_headers(lines: &[String]) -> Vec<Header> {
    let (mut headers, toc) = find_header_lines(lines);
    for h in &mut headers {
        super::punkt_toc::join_wrapped_title(lines, h, &toc);
    }
    headers
}

/// The headers, and the table of contents: what is listed before the first item with company.
fn find_header_lines(lines: &[String]) -> (Vec<Header>, Toc) {
    let strong = drop_toc_repeats(lines, keyword_candidates(lines));
    let mut weak = numbered_candidates(lines);
    outline_parents(lines, &mut weak);
    let all: Vec<&Header> = strong.iter().chain(weak.iter()).collect();
    let first_item = all
        .iter()
        .filter(|h| confirmed(lines, h, &Toc::default()))
        .map(|h| h.line)
        .min()
        .unwrap_or(lines.len());
    let toc = Toc::read(lines, first_item);
    let mut accepted: Vec<Header> = all
        .iter()
        .filter(|h| confirmed(lines, h, &toc))
        .map(|h| (*h).clone())
        .collect();
    if accepted.is_empty() {
        let strong = strong
            .into_iter()
            .filter(|h| h.title.len() <= 400)
            .collect();
        return (strong, toc);
    }
    accepted.sort_by_key(|h| h.line);
    accepted.dedup_by_key(|h| h.line);
    let shape = document_shape(&accepted);
    // a weaker shape than the document's own is a numbered paragraph, not an item
    accepted.retain(|h| !h.shape.is_weak() || h.shape == shape);
    loop {
        let extra: Vec<Header> = all
            .iter()
            .filter(|h| h.shape == Shape::Keyword || h.shape == shape)
            .filter(|h| !h.lower_case_title() && h.title.len() <= 400)
            .filter(|h| {
                !accepted
                    .iter()
                    .any(|a| a.number == h.number || a.line == h.line)
            })
            .filter(|h| continues(&accepted, h))
            .map(|h| (*h).clone())
            .collect();
        if extra.is_empty() {
            break;
        }
        accepted.extend(extra);
        accepted.sort_by_key(|h| h.line);
        accepted.dedup_by_key(|h| h.line);
    }
    (drop_toc_repeats(lines, accepted), toc)
}

/// The shape most headers with company have (a keyword or a full stop when tied).
fn document_shape(accepted: &[Header]) -> Shape {
    let mut counts: Vec<(Shape, usize)> = Vec::new();
    for h in accepted {
        match counts.iter_mut().find(|(s, _)| *s == h.shape) {
            Some((_, n)) => *n += 1,
            None => counts.push((h.shape, 1)),
        }
    }
    counts.sort_by_key(|(s, n)| (std::cmp::Reverse(*n), s.is_weak()));
    counts.first().map_or(Shape::Dot, |(s, _)| *s)
}

/// Numbering continuity as evidence: a keyword header that continues the number of the item
/// before or after it; another header when two of these agree: it follows the item before, it
/// precedes the item after, it names a standing item (`Godkendelse af dagsorden`, `Eventuelt`).
fn continues(accepted: &[Header], h: &Header) -> bool {
    let Ok(n) = h.number.parse::<u32>() else {
        return false;
    };
    let num = |a: Option<&Header>| a.and_then(|a| a.number.parse::<u32>().ok());
    let prev = num(accepted.iter().rev().find(|a| a.line < h.line));
    let next = num(accepted.iter().find(|a| a.line > h.line));
    let after_prev = prev.is_some_and(|p| p + 1 == n);
    let before_next = next.is_some_and(|x| n + 1 == x);
    let standing = vocab_items::is_standing_item(&h.title);
    let votes = [after_prev, before_next, standing]
        .iter()
        .filter(|v| **v)
        .count();
    if h.shape == Shape::Keyword {
        after_prev || before_next
    } else {
        votes >= 2 && (after_prev || before_next)
    }
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
            (&c["num"] == major && !t.contains('\t') && !is_toc_line(t)).then(|| t.to_string())
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

/// A header without a keyword (`715. Kulturkommune 2017`) counts only with the company real
/// items keep: an open/closed marker before it, a case number or `Sag:` line just after it, or
/// its entry in the table of contents.
/// A title in lower case (`2. behandling af budget`) and a title longer than a title
/// (over 400 characters) count only with a case line; a weak shape (`48 Title`) needs a case
/// line or the table of contents, not a marker alone.
fn confirmed(lines: &[String], h: &Header, toc: &Toc) -> bool {
    let case_after = lines[h.line + 1 + h.title_lines..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .take_while(|l| !WEAK.is_match(l.trim()) && !STRONG.is_match(l.trim()))
        .any(|l| case_line(l).is_some() || SAG_LINE.is_match(l.trim()));
    if case_after || !h.case_numbers.is_empty() {
        return true;
    }
    let paragraph = h.title.len() > 400 || (h.shape.is_weak() && h.title.len() > 200);
    if h.lower_case_title() || paragraph {
        return false;
    }
    let marked = h.closed || previous_marker(lines, h.line).is_some();
    h.parent.is_some() || (marked && !h.shape.is_weak()) || toc.lists(h)
}

/// A number printed twice is a table of contents entry the first time when nothing but other
/// headers follows it; drop those.
fn drop_toc_repeats(lines: &[String], headers: Vec<Header>) -> Vec<Header> {
    let is_header_line: std::collections::HashSet<usize> = headers.iter().map(|h| h.line).collect();
    let mut keep = Vec::new();
    for (k, h) in headers.iter().enumerate() {
        let repeated = headers[k + 1..].iter().any(|o| o.number == h.number);
        let after = (h.line + 1 + h.title_lines).min(lines.len());
        let bare = lines[after..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_none_or(|_| {
                let next = (after..lines.len()).find(|&j| !lines[j].trim().is_empty());
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

    #[test]
    fn a_weaker_shape_than_the_documents_own_is_no_item() {
        // the items are `N. Title`; a `N Title` line with a case line under it sits in an item
        let l = lines(
            "1. Budget\nSagsnr.: 14/689\nTekst\n12 Notat om økonomi\nSagsnr.: 14/700\n\n2. Plan\nSagsnr.: 14/690\nTekst\n\n3. Veje\nSagsnr.: 14/691",
        );
        let n: Vec<_> = find_headers(&l).iter().map(|h| h.number.clone()).collect();
        assert_eq!(n, ["1", "2", "3"]);
    }

    #[test]
    fn a_long_title_is_kept_with_a_case_line() {
        // outcomes-aarhus: a member's proposal printed whole as the item's title
        let title = format!(
            "Forslag fra Socialistisk Folkepartis Byrådsgruppe {}",
            "om tunnelløsningen ".repeat(24)
        );
        let with_case = lines(&format!(
            "Punkt 1: {title}\nSagsnr.: 00.00.00-A00-1-00\nTekst"
        ));
        assert_eq!(find_headers(&with_case).len(), 1);
        let without = lines(&format!(
            "Punkt 1: {title}\nTekst\nPunkt 2: Budget\nSagsnr.: 14/689"
        ));
        let n: Vec<_> = find_headers(&without)
            .iter()
            .map(|h| h.number.clone())
            .collect();
        assert_eq!(n, ["2"]);
    }
}
