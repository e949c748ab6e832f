//! Paragraphs that a PDF's layout wrapped over several lines are joined back, so that a
//! clause, a decision or a title reads as one line, as it does in text renderings. A line is
//! taken as wrapped when it runs (nearly) to the right margin and the next line does not start
//! something of its own: a heading, an item, a list entry, a case line.

use super::{caseline, dates, sections, vocab};

/// Joins wrapped lines; `pages` (one entry per line) is kept in step.
pub fn reflow(lines: &[String], pages: &[u32]) -> (Vec<String>, Vec<u32>) {
    let full = full_width(lines);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut out_pages: Vec<u32> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let mut line = lines[i].clone();
        // the last line joined: whether the next one continues depends on it, not on the
        // paragraph joined so far
        let mut last = i;
        let page = pages.get(i).copied().unwrap_or(0);
        let mut j = i + 1;
        loop {
            // the next non-empty line, across a page break
            let mut k = j;
            while k < lines.len() && lines[k].trim().is_empty() && crosses_page(pages, j, k) {
                k += 1;
            }
            let Some(next) = lines.get(k) else { break };
            if !wraps(&lines[last], next, full) || next.trim().is_empty() || starts_own_line(next) {
                break;
            }
            line = format!("{} {}", line.trim_end(), next.trim());
            last = k;
            j = k + 1;
        }
        out.push(line);
        out_pages.push(page);
        i = j;
    }
    (out, out_pages)
}

/// Blank lines between `from` and `to` are only a page break (no blank line within a page).
fn crosses_page(pages: &[u32], from: usize, to: usize) -> bool {
    match (pages.get(from.saturating_sub(1)), pages.get(to + 1)) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    }
}

/// The length of a full line: the 90th percentile of the lengths of prose lines.
fn full_width(lines: &[String]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.contains('\t') && l.trim().len() > 20)
        .map(|l| l.trim().chars().count())
        .collect();
    if lengths.len() < 10 {
        return usize::MAX;
    }
    lengths.sort_unstable();
    lengths[lengths.len() * 9 / 10]
}

/// A line is wrapped when it is long, or when the next line's first word would not have fitted
/// after it; and it does not end what it says.
fn wraps(line: &str, next: &str, full: usize) -> bool {
    let t = line.trim();
    if t.is_empty() || line.contains('\t') || full == usize::MAX {
        return false;
    }
    let len = t.chars().count();
    let next_word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    (len * 100 >= full * 80 || (len + 1 + next_word) * 100 >= full * 95)
        && !t.ends_with(':')
        && caseline::case_line(t).is_none()
        // an inline heading (`Referat: Alle skal …`) goes on like any paragraph
        && sections::heading(t).is_none_or(|(_, _, rest)| rest.is_some())
        && sections::decision_head(t).is_none()
}

/// Lines that begin something: they are never the continuation of the line above.
fn starts_own_line(line: &str) -> bool {
    let t = line.trim();
    let first = t.chars().next().unwrap_or(' ');
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
    line.contains('\t')
        || shouting
        || vocab::BULLETS.contains(&first)
        || ENUMERATED.is_match(t)
        || caseline::case_line(t).is_some()
        || caseline::access_marker(t).is_some()
        || sections::heading(t).is_some()
        || sections::decision_head(t).is_some()
        || is_label(t)
        || vocab::numbered_caption(t)
        || (dates::first_date(t).is_some() && t.len() < 40)
}

use regex::Regex;
use std::sync::LazyLock;

static ENUMERATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\(?[0-9]{1,3}[.)]\s|[0-9]{1,2}\.[0-9]{1,2}\.?\s|\(?[a-hA-H][.)]\s|(?i:punkt|pkt\.?|bilag)\s+[0-9])").unwrap()
});

/// A short label ending in a colon (`Beslutning:`, `Sagsnr./Dok.:`): an upper-case letter, up to
/// 30 letters, spaces, `.`, `/` or `-`, then `:` before white space or the end of the line.
fn is_label(t: &str) -> bool {
    let mut chars = t.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let rest = chars.as_str();
    let n = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '/' | '-'))
        .count();
    let after: String = rest.chars().skip(n).take(2).collect();
    (1..=30).contains(&n)
        && after.starts_with(':')
        && after[1..].chars().next().is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        for l in [
            "Beslutning:",
            "Sagsnr./Dok.: 14/689",
            "Økonomiudvalget: godkendt",
        ] {
            assert!(is_label(l), "{l}");
        }
        for l in [
            "beslutning:",
            "Beslutning",
            "Klokken 10:30",
            "B:",
            "Punkt 3:x",
        ] {
            assert!(!is_label(l), "{l}");
        }
    }

    fn run(text: &str) -> Vec<String> {
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        // enough full-width prose for the statistic
        for _ in 0..12 {
            lines.push(String::new());
            lines.push("x".repeat(60));
        }
        let pages = vec![1; lines.len()];
        reflow(&lines, &pages)
            .0
            .into_iter()
            .filter(|l| !l.starts_with("xxx"))
            .collect()
    }

    #[test]
    fn wrapped_lines_are_joined_structure_is_kept() {
        let out = run(&format!(
            "Administrationen indstiller, at:\n1. udvalget godkender 2. udkast til politikken for {}\n2023-2026 som efterfølgende sendes i høring.\n2. Næste punkt\nBeslutning:\nGodkendt.",
            "a".repeat(14)
        ));
        assert_eq!(
            out[1],
            format!(
                "1. udvalget godkender 2. udkast til politikken for {} 2023-2026 som efterfølgende sendes i høring.",
                "a".repeat(14)
            )
        );
        assert_eq!(out[2], "2. Næste punkt");
        assert_eq!(out[3], "Beslutning:");
    }

    #[test]
    fn a_paragraph_ends_at_its_short_last_line() {
        // the joined paragraph is long, but its last line is short: the next line is new
        let out = run(&format!(
            "Administrationen indstiller, at kommunikationsindsatsen fortsætter med {}\neffekter.\nIndsats nr. 6 om Fysisk indretning\nStatus",
            "a".repeat(8)
        ));
        assert!(out[0].ends_with("effekter."), "{out:?}");
        assert_eq!(out[1], "Indsats nr. 6 om Fysisk indretning");
        assert_eq!(out[2], "Status");
    }

    #[test]
    fn a_numbered_caption_starts_its_own_line() {
        let long = "Af nedenstående tabel fremgår budget, regnskab og afvigelse til korrigeret budget for driftsudgifter";
        let out = run(&format!(
            "{long}\nTabel 2. Driftsudgifter for 2023 fordelt på udvalg\nI alt\t3.248,4"
        ));
        assert_eq!(out[1], "Tabel 2. Driftsudgifter for 2023 fordelt på udvalg");
        let out = run(&format!(
            "{long}\nTABEL 3 – EFFEKT AF BESPARELSEN\nÅr\t2025"
        ));
        assert_eq!(out[1], "TABEL 3 – EFFEKT AF BESPARELSEN");
        // prose that names a table goes on
        let out = run(&format!(
            "{long}\nTabel 2 viser udgifterne fordelt på udvalg."
        ));
        assert!(
            out[0].ends_with("Tabel 2 viser udgifterne fordelt på udvalg."),
            "{out:?}"
        );
    }

    #[test]
    fn short_lines_and_list_items_stay() {
        let out = run("Kort linje.\nNæste linje.\n- punkt et\n- punkt to");
        assert_eq!(
            out[..4],
            ["Kort linje.", "Næste linje.", "- punkt et", "- punkt to"]
        );
    }

    #[test]
    fn a_paragraph_runs_on_over_a_page_break() {
        let mut lines: Vec<String> = Vec::new();
        let mut pages = Vec::new();
        for _ in 0..12 {
            lines.push("y".repeat(60));
            pages.push(1);
        }
        lines.push("Den sidste linje på siden går helt ud til margenen og fortsætter på".into());
        pages.push(1);
        lines.push(String::new());
        pages.push(1);
        lines.push("næste side.".into());
        pages.push(2);
        let (out, p) = reflow(&lines, &pages);
        assert!(
            out.iter().any(|l| l.ends_with("fortsætter på næste side.")),
            "{out:?}"
        );
        assert_eq!(out.len(), p.len());
    }
}
