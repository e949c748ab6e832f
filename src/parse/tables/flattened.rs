//! Tables that PDF extraction or transcription flattened onto one line: a run of short labels
//! each followed by its numbers (fused negatives split, ragged rows aligned from the right).

use regex::Regex;
use std::sync::LazyLock;

use super::found::Found;
use crate::parse::numbers::{self, is_cell_number};
use crate::parse::vocab;

static TABLE_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"(?i)\b(?:{})\s*[0-9]+[a-z]?\s*[:.]",
        vocab::alternation(vocab::CAPTION_WORDS)
    ))
});

/// A table flattened into one line: a run of at least three rows, each a short label and its
/// numbers, most rows with two or more.
pub(super) fn flattened(line: &str, index: usize) -> Option<Found> {
    // a cell number has two digits at least, and a table three rows with one
    let figure_like = |t: &str| t.bytes().filter(u8::is_ascii_digit).count() >= 2;
    if line.bytes().filter(u8::is_ascii_digit).count() < 6
        || line.split_whitespace().nth(11).is_none()
        || line
            .split_whitespace()
            .filter(|t| figure_like(t))
            .nth(2)
            .is_none()
    {
        return None;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    // tokens → (label words, numbers) segments
    let mut segments: Vec<(Vec<&str>, Vec<String>, usize, usize)> = Vec::new(); // label, numbers, first token, end token
    let mut label: Vec<&str> = Vec::new();
    let mut label_start = 0;
    let mut nums: Vec<String> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let parts = figure_like(tokens[k])
            .then(|| numbers::split_fused(tokens[k]))
            .filter(|parts| parts.iter().all(|p| is_cell_number(p)));
        if let Some(parts) = parts {
            nums.extend(parts);
        } else {
            if !nums.is_empty() {
                segments.push((
                    std::mem::take(&mut label),
                    std::mem::take(&mut nums),
                    label_start,
                    k,
                ));
            }
            if label.is_empty() {
                label_start = k;
            }
            label.push(tokens[k]);
        }
        k += 1;
    }
    if !nums.is_empty() {
        segments.push((label.clone(), nums, label_start, tokens.len()));
        label.clear();
    }
    // the longest run of row-like segments
    let row_like = |s: &(Vec<&str>, Vec<String>, usize, usize), first: bool| {
        !s.1.is_empty() && s.1.len() <= 12 && (first || (s.0.len() <= 10 && !s.0.is_empty()))
    };
    let mut best: Option<(usize, usize)> = None;
    let mut a = 0;
    while a < segments.len() {
        let mut b = a;
        while b < segments.len() && row_like(&segments[b], b == a) {
            b += 1;
        }
        if b - a >= 3 && best.is_none_or(|(x, y)| b - a > y - x) {
            best = Some((a, b));
        }
        a = b.max(a + 1);
    }
    let (a, b) = best?;
    let run = &segments[a..b];
    let multi = run.iter().filter(|s| s.1.len() >= 2).count();
    if multi * 2 < run.len() {
        return None;
    }
    let width = run.iter().map(|s| s.1.len()).max()?;
    // the first row's label may carry the caption and header text before it
    let (first_label, lead) = split_lead(&run[0].0);
    let mut rows = Vec::new();
    for (n, s) in run.iter().enumerate() {
        let label = if n == 0 {
            first_label.clone()
        } else {
            s.0.join(" ")
        };
        let mut row = vec![label];
        row.extend(std::iter::repeat_n(String::new(), width - s.1.len()));
        row.extend(s.1.iter().cloned());
        rows.push(row);
    }
    let before = tokens[..run[0].2].join(" ");
    let lead_text = [before.as_str(), lead.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let (prose_before, caption) = match TABLE_CAPTION.find(&lead_text) {
        Some(m) => (
            lead_text[..m.start()].trim().to_string(),
            Some(lead_text[m.start()..].trim().to_string()),
        ),
        None if lead_text.split_whitespace().count() <= 20 && !lead.is_empty() => {
            (before.clone(), Some(lead.clone()))
        }
        None => (lead_text.clone(), None),
    };
    let after = tokens[run[b - a - 1].3..].join(" ");
    Some(Found {
        caption: caption.filter(|c| !c.is_empty()),
        header: Vec::new(),
        rows,
        first_line: index,
        lines: vec![index],
        remainder: Some((prose_before, after)),
    })
}

/// Splits a long first label into the leading caption/header words and the row label: the label
/// is the longest tail of capitalised words and connectors (`Borgmesterens Forvaltning, Fælles
/// Kommunale Udgifter`).
fn split_lead(words: &[&str]) -> (String, String) {
    if words.len() <= 6 {
        return (words.join(" "), String::new());
    }
    // (and the words of `I alt`, which close a total row's label)
    let connector = |w: &str| {
        vocab::is_joining_word(w)
            || matches!(w, "-" | "–" | "&")
            || vocab::TOTAL_ENDINGS
                .iter()
                .any(|t| t.split(' ').any(|x| x == w))
    };
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        let capital = w.chars().next().is_some_and(|c| c.is_uppercase());
        if capital || connector(w) {
            start -= 1;
        } else {
            break;
        }
    }
    while start < words.len() && connector(words[start]) {
        start += 1;
    }
    if start == words.len() || words.len() - start > 8 {
        return (words.join(" "), String::new());
    }
    (words[start..].join(" "), words[..start].join(" "))
}

#[cfg(test)]
mod tests {
    use super::flattened;

    fn find(lines: &[String]) -> Vec<super::Found> {
        lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| flattened(l, i))
            .collect()
    }

    #[test]
    fn the_smallest_flattened_table_is_found() {
        // three rows, two of them with two figures: five figures in all, the fewest a
        // flattened table can have (the pre-check must let it through)
        let line = "Oversigt i mio. kr. Drift skole 1,5 2,5 Drift dagtilbud 3,5 4,5 Anlæg veje 5,5 og mere tekst her";
        let t = find(&[line.to_string()]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 3, "{:?}", t[0].rows);
        assert_eq!(t[0].rows[2].last().map(String::as_str), Some("5,5"));
    }

    #[test]
    fn flattened_table_with_fused_negatives_and_ragged_rows() {
        let line = "Nedenstående tabel viser det. Tabel 1: Bidrag fordelt på forvaltninger Mio. kr. Vedtaget budget Grundlag MEP 1½ pct Borgmesterens Forvaltning, Fælles Kommunale Udgifter 460,778 377,846 5,668 Borgmesterens Forvaltning, Administration 82,932 1,244 Skoleforvaltningen 2.016,099 2.016,099 30,241 Rammebeløb -1,689-1,689 0,000 I alt - Aalborg Kommune 8.909,706 8.868,363 133,025 3. Forslag til model Som udgangspunkt skal udvalgene";
        let t = find(&[line.to_string()]);
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(
            t.rows[0][0],
            "Borgmesterens Forvaltning, Fælles Kommunale Udgifter"
        );
        assert_eq!(
            t.rows[1],
            vec![
                "Borgmesterens Forvaltning, Administration",
                "",
                "82,932",
                "1,244"
            ]
        );
        assert_eq!(t.rows[3], vec!["Rammebeløb", "-1,689", "-1,689", "0,000"]);
        assert!(t.caption.as_deref().unwrap().starts_with("Tabel 1: Bidrag"));
        let (before, after) = t.remainder.clone().unwrap();
        assert_eq!(before, "Nedenstående tabel viser det.");
        assert!(after.starts_with("3. Forslag til model"));
    }

    #[test]
    fn prose_with_numbers_is_not_a_table() {
        let line = "Resultatet viser et underskud på 154,8 mio. kr. efter effektivisering, og der er korrigeret for 18,0 mio. kr. vedrørende effektivisering, hvilket giver 86,0 mio. kr. i alt for året der kommer og lidt mere tekst her";
        assert!(find(&[line.to_string()]).is_empty());
    }
}
