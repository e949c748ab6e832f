//! The metadata lines at the top of an item: case numbers in every scheme of DOMAIN.md
//! (`14/32918`, `2019-014049`, `EMN-2024-001234`, `00.01.00-P22-4-12`), labelled or bare, and
//! the markers that say an item is open or closed (`Åbent punkt`, `Lukket punkt`).

use regex::Regex;
use std::sync::LazyLock;

use super::vocab;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(åbent|aabent|lukket)(?:\s+punkt)?|\(lukket\)|lukket sag)\s*:?$").unwrap()
});
pub(super) static SAG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^sag\s*:\s*(?P<case>[^|]*?)\s*(?:\|\s*(?P<access>åbent|lukket))?\s*$").unwrap()
});
static CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[0-9]{2}\.[0-9]{2}\.[0-9]{2}-[A-ZÆØÅ][0-9]{2}-[0-9]+-[0-9]{2}|[A-ZÆØÅ]{2,5}-[0-9]{4}-[0-9]{3,7}|[0-9]{3}-[0-9]{4}-[0-9]{1,7}|[0-9]{4}-[0-9]{4,7}|[0-9]{2}-[0-9]{4,7}[A-Z]?|[0-9]{2}/[0-9]{2,6})\b",
    )
    .unwrap()
});
static LABELLED_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<label>[a-zæøå .]{2,18}?)\s*[:.]\s*(?P<value>\S.*)$").unwrap()
});

/// Every case number in `s` (not the parts of a date such as `06-01-2015`).
pub fn case_numbers_in(s: &str) -> Vec<String> {
    case_matches(s).map(|m| m.as_str().to_string()).collect()
}

pub(super) fn case_matches(s: &str) -> impl Iterator<Item = regex::Match<'_>> {
    CASE.find_iter(s).filter(move |m| {
        let before = s[..m.start()].chars().rev().take(2).collect::<Vec<_>>();
        let after = s[m.end()..].chars().take(2).collect::<Vec<_>>();
        let joined =
            |c: &[char]| c.len() == 2 && matches!(c[0], '-' | '.' | '/') && c[1].is_ascii_digit();
        !joined(&before) && !joined(&after) && !is_year_range(m.as_str())
    })
}

/// `2024-2026` is a span of years, not a case number.
fn is_year_range(s: &str) -> bool {
    let years: Vec<u32> = s.split('-').filter_map(|p| p.parse().ok()).collect();
    s.len() == 9
        && years.len() == 2
        && (1900..2100).contains(&years[0])
        && years[0] < years[1]
        && years[1] < 2100
}

/// The case numbers of a labelled line (`Sagsnr.: 14/689`, `Sag: 21-014448 | Åbent`), or of a
/// line that is nothing but case numbers.
pub fn case_line(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    if let Some(c) = SAG_LINE.captures(t) {
        return Some(case_numbers_in(&c["case"]));
    }
    if let Some(c) = LABELLED_CASE.captures(t) {
        let label = c["label"].trim().to_lowercase();
        if vocab::CASE_LABELS.contains(&label.as_str())
            || vocab::CASE_LABELS.contains(&format!("{label}.").as_str())
        {
            let found = case_numbers_in(&c["value"]);
            return Some(if found.is_empty() {
                // an unusual scheme: keep the first token when it carries a digit
                c["value"]
                    .split_whitespace()
                    .next()
                    .filter(|v| {
                        v.chars().any(|ch| ch.is_ascii_digit()) && v.contains(['/', '-', '.'])
                    })
                    .map(|v| vec![v.trim_end_matches([',', ';']).to_string()])
                    .unwrap_or_default()
            } else {
                found
            });
        }
    }
    // case numbers have no lower-case letters: a line with one is more than case numbers
    if t.chars().any(char::is_lowercase) {
        return None;
    }
    let found = case_numbers_in(t);
    let mut rest = t.to_string();
    for f in &found {
        rest = rest.replacen(f.as_str(), "", 1);
    }
    (!found.is_empty() && rest.trim_matches([',', ';', ' ', '/', '&']).is_empty()).then_some(found)
}

/// Whether a line says only that the next item is open or closed (`Åbent punkt`, `Lukket punkt`),
/// and if so whether it is closed.
pub fn access_marker(line: &str) -> Option<bool> {
    let c = MARKER.captures(line.trim())?;
    Some(
        c.get(1)
            .is_none_or(|m| m.as_str().to_lowercase().starts_with('l')),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_lines() {
        assert_eq!(
            case_line("Sagsnr.: 14/689"),
            Some(vec!["14/689".to_string()])
        );
        assert_eq!(
            case_line("Sag: 21-014448 | Åbent"),
            Some(vec!["21-014448".to_string()])
        );
        assert_eq!(case_line("Sag: – | Lukket"), Some(vec![]));
        assert_eq!(case_line("13/18089"), Some(vec!["13/18089".to_string()]));
        assert_eq!(
            case_line("J.nr.: 00.01.00-P22-4-12"),
            Some(vec!["00.01.00-P22-4-12".to_string()])
        );
        assert_eq!(
            case_line("Sagsid: EMN-2024-001234"),
            Some(vec!["EMN-2024-001234".to_string()])
        );
        assert_eq!(case_line("Dok.nr.: 12345/19"), None);
        assert_eq!(case_line("2024-2026"), None);
        assert_eq!(
            case_line("2019-014049"),
            Some(vec!["2019-014049".to_string()])
        );
        assert_eq!(case_line("Budget 14/689 er godkendt"), None);
    }
}
