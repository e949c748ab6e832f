//! Text cleanup before parsing: line endings, leftover HTML, web-transcription noise and page
//! furniture go; real content stays. Page furniture that carries the meeting's date is kept
//! aside so the meeting parser can still read it.

use regex::Regex;
use std::sync::LazyLock;

use crate::parse::vocab;

/// Cleaned text, one entry a line, and the page furniture that was taken out of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub lines: Vec<String>,
    /// Running headers and footers removed from the text (`Møde den 18.03.2019 kl. 09.00 Side 1 af 7`).
    pub furniture: Vec<String>,
    /// The text is a web transcription of a PDF (`Transkript:`), which drops line structure.
    pub transcript: bool,
}

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>").unwrap());
static HTML_ROW_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</tr\s*>").unwrap());
static HTML_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<t[dh](?:\s[^<>]*)?>").unwrap());
static HTML_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<br\s*/?>|</p> *<p(?:\s[^<>]*)?>|<li(?:\s[^<>]*)?>").unwrap()
});
/// A footer with the meeting's date and time, as transcriptions leave it inside paragraphs.
static MEETING_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bMøde(?:t)? den [0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}(?: kl\.? ?[0-9]{1,2}[.:][0-9]{2})?\s+Side [0-9]+ af [0-9]+")
        .unwrap()
});
static PAGE_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bSide [0-9]+ af [0-9]+\b").unwrap());
static FURNITURE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            [0-9]+\s*(?:af|of)\s*[0-9]+              # 2 af 7, 1 of 5
          | side\s+[0-9]+(?:\s*(?:af|of)\s*[0-9]+)?  # Side 2, Side 2 af 42
          | -\s*[0-9]+\s*-                        # - 3 -
          | (?:referat|dagsorden|møde)\b.{0,120}\bside\s+[0-9]+(?:\s*af\s*[0-9]+)?
        )$",
    )
    .unwrap()
});
static WEB_NOISE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?ix)^(?:
            save\ this\ pdf\ as:?.*
          | (?:(?:word|png|txt|jpg|pdf)\s*)+
          | størrelse:\s*px
          | starte\ visningen\ fra\ side:?.*
          | download\ ".*"
          | transkript:?
          | læs\ mere
        )$"#,
    )
    .unwrap()
});
/// `3/12` alone on a line: a page counter when several lines share the total.
static SLASH_COUNTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,3})\s*/\s*([0-9]{1,3})$").unwrap());
static LAES_MERE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\bLæs mere\b").unwrap());
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {2,}").unwrap());
/// Structural markers that transcriptions run into one paragraph; a break goes before each.
static TRANSCRIPT_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"(?:^|\s)(?:Punkt [0-9]+[.:] |(?:{}): |(?:{}) \p{{Lu}}|Tabel [0-9]+: )",
        vocab::alternation(vocab::RUN_ON_LABELS),
        vocab::alternation(vocab::RUN_ON_HEADINGS)
    ))
});
static LEADING_COUNTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,4}) \S").unwrap());

/// Cleans decoded text into lines.
pub fn clean(text: &str) -> Cleaned {
    let text = strip_html(&normalise_breaks(text));
    let mut furniture = Vec::new();
    let transcript = text.lines().any(|l| {
        let l = l.trim().trim_end_matches(':');
        l.eq_ignore_ascii_case("transkript")
    });

    let mut totals: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in text.lines().filter(|l| l.contains('/')) {
        if let Some(c) = SLASH_COUNTER.captures(l.trim()) {
            *totals.entry(c.get(2).unwrap().as_str()).or_default() += 1;
        }
    }
    let mut lines: Vec<String> = Vec::new();
    for raw in drop_related_documents(&text) {
        if !totals.is_empty()
            && let Some(c) = SLASH_COUNTER.captures(raw.trim())
            && totals
                .get(c.get(2).unwrap().as_str())
                .is_some_and(|&n| n >= 2)
            && c[1].parse::<u32>().ok() <= c[2].parse::<u32>().ok()
        {
            furniture.push(raw.trim().to_string());
            continue;
        }
        // trailing tabs are empty table cells: keep them
        let mut line = raw
            .trim_end_matches(|c: char| c.is_whitespace() && c != '\t')
            .to_string();
        if !line.starts_with('\t') {
            line = line.trim_start().to_string();
        }
        // each pattern is anchored at the line's start, so its first letters (as `(?i)` folds
        // them) tell the lines it can match
        let first = line.trim_start().chars().next().unwrap_or(' ');
        let first = if first == 'ſ' {
            's'
        } else {
            first.to_ascii_lowercase()
        };
        if matches!(first, 's' | 'w' | 'p' | 't' | 'j' | 'd' | 'l')
            && WEB_NOISE_LINE.is_match(line.trim())
        {
            continue;
        }
        if matches!(first, '0'..='9' | 's' | '-' | 'r' | 'd' | 'm')
            && FURNITURE_LINE.is_match(line.trim())
        {
            furniture.push(line.trim().to_string());
            continue;
        }
        if line.contains("Side ") {
            for m in MEETING_FOOTER.find_iter(&line) {
                furniture.push(m.as_str().to_string());
            }
            line = MEETING_FOOTER.replace_all(&line, "").into_owned();
            for m in PAGE_OF.find_iter(&line) {
                furniture.push(m.as_str().to_string());
            }
            line = PAGE_OF.replace_all(&line, "").trim_end().to_string();
        }
        if line.contains("Læs mere") {
            line = LAES_MERE.replace_all(&line, "").into_owned();
        }
        let line = if line.contains("  ") && !line.contains('\t') {
            SPACES.replace_all(&line, " ").into_owned()
        } else {
            line
        };
        lines.push(line);
    }
    if transcript {
        strip_page_counters(&mut lines);
        lines = lines.into_iter().flat_map(|l| split_run_on(&l)).collect();
    }
    Cleaned {
        lines: collapse_blank_lines(lines),
        furniture,
        transcript,
    }
}

/// Line breaks as `\n` (CRLF, CR, form feed, Unicode separators), odd spaces as spaces, and
/// soft hyphens, zero-width characters and stray byte-order marks gone; in one pass, without a
/// copy when there is nothing to change.
fn normalise_breaks(text: &str) -> String {
    let odd = |c: char| {
        matches!(
            c,
            '\r' | '\u{0c}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{a0}'
                | '\u{2007}'
                | '\u{202f}'
                | '\u{ad}'
                | '\u{200b}'
                | '\u{200c}'
                | '\u{200d}'
                | '\u{feff}'
        )
    };
    if !text.contains(odd) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\u{0c}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Leftover HTML: table rows become lines and cells tabs, paragraphs and list items inside a
/// line become spaces, every other tag goes, and entities are decoded.
fn strip_html(text: &str) -> String {
    if !text.contains('<') && !text.contains('&') {
        return text.to_string();
    }
    let mut s = text.to_string();
    if s.contains('<') {
        s = HTML_ROW_END.replace_all(&s, "\n").into_owned();
        s = HTML_CELL.replace_all(&s, "\t").into_owned();
        s = HTML_BREAK.replace_all(&s, " ").into_owned();
        s = TAG.replace_all(&s, "").into_owned();
        // a row that began with a cell tag begins with a stray tab
        if text.contains("<td") || text.contains("<TD") || text.contains("<th") {
            s = s
                .lines()
                .map(|l| l.strip_prefix('\t').unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n");
        }
    }
    if s.contains('&') {
        s = html_escape::decode_html_entities(&s).into_owned();
        s = s.replace('\u{a0}', " ");
    }
    s
}

/// Web transcriptions open with a list of related documents before `Transkript:`; those titles
/// are not part of this document (and look like agenda items).
fn drop_related_documents(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    match related_documents(&lines) {
        Some((s, Some(e))) => lines[..s].iter().chain(&lines[e..]).copied().collect(),
        Some((s, None)) => lines[..s].iter().chain(&lines[s + 1..]).copied().collect(),
        None => lines,
    }
}

/// Where a related-documents list starts (its heading) and where the transcript begins.
pub fn related_documents(lines: &[&str]) -> Option<(usize, Option<usize>)> {
    let is = |l: &str, word: &str| l.trim().trim_end_matches(':').eq_ignore_ascii_case(word);
    let start = lines.iter().position(|l| is(l, "relaterede dokumenter"))?;
    let end = lines[start..]
        .iter()
        .position(|l| is(l, "transkript"))
        .map(|p| start + p);
    Some((start, end))
}

/// Transcriptions start each page with its number: `2 Forenkling …`, `3 DEL I …`. Only a run of
/// consecutive numbers on consecutive paragraphs is taken for page counters.
fn strip_page_counters(lines: &mut [String]) {
    let numbered: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .filter_map(|(i, l)| {
            let n = LEADING_COUNTER.captures(l)?.get(1)?.as_str().parse().ok()?;
            Some((i, n))
        })
        .collect();
    let mut chain = vec![false; numbered.len()];
    for k in 1..numbered.len() {
        if numbered[k].1 == numbered[k - 1].1 + 1 {
            chain[k] = true;
            chain[k - 1] = true;
        }
    }
    for (k, &(i, n)) in numbered.iter().enumerate() {
        if chain[k] {
            let prefix = n.to_string().len() + 1;
            lines[i] = lines[i][prefix..].to_string();
        }
    }
}

/// Splits a long transcribed paragraph before the structural markers it runs together.
pub fn split_run_on(line: &str) -> Vec<String> {
    if line.len() < 300 {
        return vec![line.to_string()];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for m in TRANSCRIPT_BREAK.find_iter(line) {
        let cut = if m.start() == 0 { 0 } else { m.start() + 1 };
        if cut > start {
            out.push(line[start..m.start()].trim().to_string());
            start = cut;
        }
        // a bare heading word gets a line of its own
        let word = m.as_str().trim();
        if let Some(space) = word.rfind(' ')
            && !word.ends_with(':')
            && !word[..space].ends_with(':')
            && word[space + 1..].chars().all(|c| c.is_uppercase())
            && !word.starts_with("Punkt")
            && !word.starts_with("Tabel")
        {
            out.push(word[..space].to_string());
            start = cut + space + 1;
        }
    }
    out.push(line[start..].trim().to_string());
    out.retain(|l| !l.is_empty());
    out
}

fn collapse_blank_lines(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for l in lines {
        let blank = l.trim().is_empty();
        if blank && out.last().is_none_or(|p| p.trim().is_empty()) {
            continue;
        }
        out.push(if blank { String::new() } else { l });
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_web_noise_lines_whatever_letter_they_open_with() {
        let c = clean(
            "Dagsorden for Økonomiudvalget 12.03.2019 Side 3 af 7\nReferat Byrådet side 4\n\
             2 af 7\n- 5 -\nSide 6\nmøde i udvalget, side 2 af 9\n\
             Download \"bilag.pdf\"\nLæs mere\nWord Pdf\nTranskript:\nsave this pdf as: x\n\
             Starte visningen fra side 2\nStørrelse: px\nBeslutning: Godkendt",
        );
        assert_eq!(c.lines, vec!["Beslutning: Godkendt"]);
        assert_eq!(c.furniture.len(), 6, "{:?}", c.furniture);
    }

    #[test]
    fn breaks_and_odd_spaces_in_one_pass() {
        assert_eq!(
            normalise_breaks("a\r\nb\rc\r\r\nd\u{0c}e\u{2028}f"),
            "a\nb\nc\n\nd\ne\nf"
        );
        assert_eq!(
            normalise_breaks("\u{feff}2\u{a0}mio.\u{202f}kr. be\u{ad}slut\u{200b}ning"),
            "2 mio. kr. beslutning"
        );
        assert_eq!(normalise_breaks("æøå\tx"), "æøå\tx");
    }

    #[test]
    fn html_and_entities() {
        let c =
            clean("<p>Beslutning: Godkendt p&aring; m&oslash;det</p>\n<u>9. februar:</u> Model");
        assert_eq!(
            c.lines,
            vec!["Beslutning: Godkendt på mødet", "9. februar: Model"]
        );
    }

    #[test]
    fn html_table_becomes_tab_rows() {
        let c = clean(
            "<table><tr><td>Center</td><td>Budget</td></tr><tr><td>I alt</td><td>1.200</td></tr></table>",
        );
        assert_eq!(c.lines, vec!["Center\tBudget", "I alt\t1.200"]);
    }

    #[test]
    fn a_less_than_sign_is_not_a_tag() {
        let c = clean("Børn <5 år og > 3 år");
        assert_eq!(c.lines, vec!["Børn <5 år og > 3 år"]);
    }

    #[test]
    fn furniture_is_removed_and_kept_aside() {
        let c = clean(
            "Tekst her. Møde den 18.03.2019 kl. 09.00 Side 1 af 7\nSide 2 af 42\n1 of 5\n2/12\nMere tekst\n3/12\n14/689",
        );
        assert_eq!(c.lines, vec!["Tekst her.", "Mere tekst", "14/689"]);
        assert_eq!(c.furniture[0], "Møde den 18.03.2019 kl. 09.00 Side 1 af 7");
    }

    #[test]
    fn web_noise_goes_content_stays() {
        let text = "Titel\n\nSave this PDF as:\n WORD  PNG  TXT  JPG\nStørrelse: px\nDownload \"Titel\"\nTranskript\n\n1 Titel\n\n2 Indhold om budget. Læs mere\n\n3 Mere";
        let c = clean(text);
        assert_eq!(
            c.lines,
            vec!["Titel", "", "Titel", "", "Indhold om budget.", "", "Mere"]
        );
        assert!(c.transcript);
    }

    #[test]
    fn crlf_and_spaces() {
        let c = clean("A  b\r\n\r\n\r\nC\tD  E\r\n");
        assert_eq!(c.lines, vec!["A b", "", "C\tD  E"]);
    }
}
