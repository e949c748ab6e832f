//! PDF pages to clean lines. A PDF's running headers and footers (`Referat For Udvalget … Side 2`,
//! `2 of 5`, committee + date) are recognised from the page structure itself — the same line,
//! digits aside, at the top or bottom of most pages — and set aside; words hyphenated across a
//! line end are rejoined. Pure functions, so they are tested on small synthetic pages.

use std::collections::HashMap;

use crate::parse::vocab;
use crate::read::clean::{self, Cleaned};

/// How many lines from each end of a page are looked at for running headers and footers.
const ZONE: usize = 4;

/// Cleans the lines of each page (as laid out by `extract`) into one text: page furniture
/// out (kept in `furniture`), hyphenation undone, then the usual per-page cleanup. Returns
/// the cleaned text and the page of each of its lines.
pub fn clean_pages(pages: Vec<Vec<String>>) -> (Cleaned, Vec<u32>) {
    let pages = drop_related_documents(pages);
    let (pages, mut furniture) = strip_running(pages);
    let pages = join_hyphenated(pages);
    let mut lines = Vec::new();
    let mut page_of = Vec::new();
    let mut transcript = false;
    for (i, p) in pages.iter().enumerate() {
        let lines_in: Vec<String> = p.iter().map(|l| label_value(&bullet(l))).collect();
        let c = clean::clean(&lines_in.join("\n"));
        page_of.extend(std::iter::repeat_n(i as u32 + 1, c.lines.len() + 1));
        lines.extend(c.lines);
        lines.push(String::new());
        furniture.extend(c.furniture);
        transcript |= c.transcript;
    }
    (
        Cleaned {
            lines,
            furniture,
            transcript,
        },
        page_of,
    )
}

/// A printed web transcription's list of related documents runs over pages up to `Transkript`:
/// those titles are not this document's.
fn drop_related_documents(mut pages: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let all: Vec<(usize, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, lines)| (0..lines.len()).map(move |i| (p, i)))
        .collect();
    let text: Vec<&str> = all.iter().map(|&(p, i)| pages[p][i].as_str()).collect();
    let Some((start, Some(end))) = clean::related_documents(&text) else {
        return pages;
    };
    let doomed: Vec<(usize, usize)> = all[start..end].to_vec();
    for &(p, i) in doomed.iter().rev() {
        pages[p].remove(i);
    }
    pages
}

/// The key a running line is recognised by: digits masked, whitespace collapsed.
fn key(line: &str) -> String {
    let mut k = String::with_capacity(line.len());
    let mut last_digit = false;
    for w in line.split_whitespace() {
        if !k.is_empty() {
            k.push(' ');
        }
        for c in w.chars() {
            if c.is_ascii_digit() {
                if !last_digit {
                    k.push('#');
                }
                last_digit = true;
            } else {
                k.push(c);
                last_digit = false;
            }
        }
        last_digit = false;
    }
    k
}

/// Removes lines that recur (digits aside) among the first or last few lines of most pages.
/// A recurring line without digits must recur on nearly every page: an item heading that
/// happens to open many pages is not furniture.
pub fn strip_running(mut pages: Vec<Vec<String>>) -> (Vec<Vec<String>>, Vec<String>) {
    let n = pages.len();
    let mut furniture = Vec::new();
    if n < 2 {
        return (pages, furniture);
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in &pages {
        let mut keys: Vec<String> = zone(p).map(|i| key(&p[i])).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let running = |k: &str| -> bool {
        let Some(&count) = seen.get(k) else {
            return false;
        };
        if k.is_empty()
            || k.chars()
                .filter(|c| c.is_alphanumeric() || *c == '#')
                .count()
                == 0
        {
            return false;
        }
        let need = if k.contains('#') {
            (n as f64 * 0.5).ceil() as usize
        } else {
            (n as f64 * 0.8).ceil() as usize
        };
        count >= need.max(2)
    };
    for p in &mut pages {
        let drop: Vec<usize> = zone(p).filter(|&i| running(&key(&p[i]))).collect();
        for &i in &drop {
            furniture.push(p[i].split_whitespace().collect::<Vec<_>>().join(" "));
        }
        for &i in drop.iter().rev() {
            p.remove(i);
        }
    }
    (pages, furniture)
}

/// Indices of the non-blank lines within `ZONE` non-blank lines of either end of a page.
fn zone(page: &[String]) -> impl Iterator<Item = usize> + '_ {
    let filled: Vec<usize> = (0..page.len())
        .filter(|&i| !page[i].trim().is_empty())
        .collect();
    let mut idx: Vec<usize> = filled.iter().take(ZONE).copied().collect();
    idx.extend(filled.iter().rev().take(ZONE).copied());
    idx.sort_unstable();
    idx.dedup();
    idx.into_iter()
}

/// Rejoins words hyphenated across a line end (`budget-` / `lægning` → `budgetlægning`), also
/// across a page break; a hyphen before `og`/`eller` or before a capital letter is kept.
pub fn join_hyphenated(mut pages: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let positions: Vec<(usize, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, lines)| (0..lines.len()).map(move |i| (p, i)))
        .collect();
    for (k, &(p, i)) in positions.iter().enumerate() {
        let line = &pages[p][i];
        if line.contains('\t') || !ends_in_split_word(line) {
            continue;
        }
        // the next non-blank line, possibly on the next page
        let Some(&(np, ni)) = positions[k + 1..]
            .iter()
            .take(3)
            .find(|&&(np, ni)| !pages[np][ni].trim().is_empty())
        else {
            continue;
        };
        let next = pages[np][ni].trim_start().to_string();
        if next.contains('\t') {
            continue;
        }
        let (first, rest) = next.split_once(' ').unwrap_or((next.as_str(), ""));
        let starts_lower = first.chars().next().is_some_and(|c| c.is_lowercase());
        let bare = first.trim_end_matches(|c: char| !c.is_alphanumeric());
        // a real hyphen stands before a joining word (`Kultur- og`, `Social- eller`)
        if !starts_lower || vocab::is_joining_word(bare) {
            continue;
        }
        let mut joined = pages[p][i].trim_end().to_string();
        joined.pop(); // the hyphen
        joined.push_str(first);
        pages[p][i] = joined;
        pages[np][ni] = rest.trim_start().to_string();
    }
    pages
}

/// A line ending in a letter and a hyphen (not a lone dash or `-` after a space).
fn ends_in_split_word(line: &str) -> bool {
    let t = line.trim_end();
    let mut rev = t.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(|c| c.is_alphabetic())
}

/// A list marker set apart from its text by a tab stop (`\u{f0b7}<TAB>Hvad vil du …`, symbol
/// fonts map bullets into the private use area; `1.<TAB>Tager status …`) becomes `• Hvad vil
/// du …` or `1. Tager status …`: one item of a list, not a table row.
fn bullet(line: &str) -> String {
    let t = line.trim_start();
    if let Some((mark, text)) = t.split_once('\t')
        && !text.contains('\t')
    {
        let mark = mark.trim();
        let mut chars = mark.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && !c.is_alphanumeric()
        {
            return format!("• {}", text.trim());
        }
        if is_numbered_marker(mark) {
            return format!("{mark} {}", text.trim());
        }
    }
    if let Some(rest) = t.strip_prefix(|c: char| ('\u{e000}'..='\u{f8ff}').contains(&c)) {
        return format!("•{rest}");
    }
    line.to_string()
}

/// A numbered list item's marker: `1.`, `12)`, `a)`, `iv.`.
fn is_numbered_marker(mark: &str) -> bool {
    let Some(body) = mark.strip_suffix(['.', ')']).filter(|b| !b.is_empty()) else {
        return false;
    };
    let digits = body.len() <= 2 && body.bytes().all(|b| b.is_ascii_digit());
    let letter = body.len() == 1 && body.bytes().all(|b| b.is_ascii_lowercase());
    let roman = body.len() <= 4 && body.bytes().all(|b| b"ivx".contains(&b));
    digits || letter || roman
}

/// `Sagsnr.:<TAB>12/27845` — a label and its value set apart like table columns — becomes
/// `Sagsnr.: 12/27845`: a single TAB after a label ending in `:` is not a table.
fn label_value(line: &str) -> String {
    match line.split_once('\t') {
        Some((label, value))
            if label.trim_end().ends_with(':')
                && !value.contains('\t')
                && label.split_whitespace().count() <= 4 =>
        {
            format!("{} {}", label.trim_end(), value.trim_start())
        }
        _ => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn running_header_and_page_numbers_go_to_furniture() {
        let pages = vec![
            page(&[
                "1 of 3",
                "Referat",
                "Udvalget for teknik",
                "Torsdag den 20. juni 2013",
            ]),
            page(&[
                "2 of 3",
                "Referat For Udvalget for teknik Side 1",
                "20. juni 2013 - kl. 10:30",
                "715. Budget",
                "Tekst om budget-",
            ]),
            page(&[
                "3 of 3",
                "Referat For Udvalget for teknik Side 2",
                "20. juni 2013 - kl. 10:30",
                "lægning i Kultur-",
                "og Fritidsudvalget.",
            ]),
        ];
        let (cleaned, page_of) = clean_pages(pages);
        let text = cleaned.lines.join("\n");
        assert!(!text.contains("of 3"), "{text}");
        assert!(!text.contains("Side 1"), "{text}");
        assert!(!text.contains("kl. 10:30"), "{text}");
        assert!(text.contains("Tekst om budgetlægning"), "{text}");
        assert!(text.contains("i Kultur-\nog Fritidsudvalget."), "{text}");
        assert!(text.contains("Torsdag den 20. juni 2013"), "{text}");
        assert!(cleaned.furniture.iter().any(|f| f.contains("Side 2")));
        assert!(cleaned.furniture.iter().any(|f| f.contains("kl. 10:30")));
        assert_eq!(page_of.len(), cleaned.lines.len());
    }

    #[test]
    fn a_heading_opening_some_pages_is_kept() {
        let pages = vec![
            page(&["Åbent punkt", "1. Godkendelse", "Side 1 af 4"]),
            page(&["Åbent punkt", "2. Budget", "Side 2 af 4"]),
            page(&["Tekst", "mere tekst", "Side 3 af 4"]),
            page(&["Åbent punkt", "3. Plan", "Side 4 af 4"]),
        ];
        let (pages, furniture) = strip_running(pages);
        assert_eq!(pages[0], page(&["Åbent punkt", "1. Godkendelse"]));
        assert_eq!(furniture.len(), 4);
    }

    #[test]
    fn a_single_page_is_left_alone() {
        let pages = vec![page(&["Side 1", "Tekst"])];
        let (out, furniture) = strip_running(pages.clone());
        assert_eq!(out, pages);
        assert!(furniture.is_empty());
    }

    #[test]
    fn hyphens_before_og_eller_and_capitals_stay() {
        let pages = vec![page(&[
            "Social-",
            "eller sundhedsområdet, budget-",
            "opfølgning for Kultur-",
            "Fritid og by-",
            "Rådet",
        ])];
        let out = join_hyphenated(pages);
        assert_eq!(
            out[0],
            page(&[
                "Social-",
                "eller sundhedsområdet, budgetopfølgning",
                "for Kultur-",
                "Fritid og by-",
                "Rådet",
            ])
        );
    }

    #[test]
    fn label_and_value_columns_become_one_line() {
        assert_eq!(label_value("Sagsnr.:\t12/27845"), "Sagsnr.: 12/27845");
        assert_eq!(label_value("Post\t2024\t2025"), "Post\t2024\t2025");
        assert_eq!(key("Side 12 af 40"), "Side # af #");
        assert_eq!(bullet("\u{f0b7}\tHvad vil du?"), "• Hvad vil du?");
        assert_eq!(bullet("\u{f0b7} Hvad"), "• Hvad");
        assert_eq!(bullet("-\t2024\t2025"), "-\t2024\t2025");
        // a numbered item's tab stop is no column, unless the line has more columns
        assert_eq!(bullet("1.\tGodkender"), "1. Godkender");
        assert_eq!(bullet("a)\tDrøfter"), "a) Drøfter");
        assert_eq!(bullet("2.\tDrift\t417,2"), "2.\tDrift\t417,2");
        for w in ["2022.", "Punkt", "1.000", "ab)"] {
            assert_eq!(bullet(&format!("{w}\tx")), format!("{w}\tx"));
        }
    }
}
