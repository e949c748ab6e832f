//! Splitting an item's lines into its sections by their headings (`Baggrund`, `INDSTILLING`,
//! `Beslutning: Godkendt.`), and recognising the headers of decision blocks with their body and
//! date (`BESLUTNING DIREKTIONEN DEN 06-01-2015`, `Økonomiudvalgets beslutning den 1. oktober 2018`).

use regex::Regex;
use std::sync::LazyLock;

use super::dates;
use super::vocab::{self, items as vocab_items};
use crate::model::SectionKind;

/// A section as found: heading, kind, its lines, and for decisions the body and date.
#[derive(Debug, Clone, PartialEq)]
pub struct RawSection {
    pub heading: String,
    pub kind: SectionKind,
    /// Indices into the item's lines, with the text of each (the first may be the rest of an
    /// inline heading).
    pub lines: Vec<(usize, String)>,
    pub decision: Option<DecisionHead>,
    /// Index of the line the section starts on: its heading, or for the text before the first
    /// heading its first non-blank line.
    pub start: usize,
    /// In a decision, how many of `lines` come before the decisional text: a preamble
    /// (attendance, a deputation, members' remarks) ended by the same header printed again.
    pub preamble: usize,
}

impl RawSection {
    pub fn text(&self) -> String {
        join_paragraphs(self.lines.iter().map(|(_, l)| l.as_str()))
    }
}

/// The body and date a decision header names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecisionHead {
    pub body: Option<String>,
    pub date: Option<String>,
}

/// Lines joined with `\n`, blank lines dropped, trimmed.
pub fn join_paragraphs<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    lines
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A heading line: its text, kind and whatever follows an inline `Heading:` on the same line.
pub fn heading(line: &str) -> Option<(String, SectionKind, Option<String>)> {
    let t = line.trim();
    if t.is_empty() || t.contains('\t') {
        return None;
    }
    if let Some((head, rest)) = t.split_once(':') {
        let rest = rest.trim();
        if head.len() <= 60
            && let Some(kind) = heading_kind(head)
        {
            let rest = (!rest.is_empty()).then(|| rest.to_string());
            // an inline heading needs its text to start like a sentence
            if rest
                .as_deref()
                .is_none_or(|r| r.chars().next().is_some_and(|c| !c.is_lowercase()))
            {
                return Some((head.trim().to_string(), kind, rest));
            }
        }
    }
    if t.len() > 70 || t.ends_with(',') {
        return None;
    }
    let kind = heading_kind(t.trim_end_matches(['.', ':']))?;
    Some((t.trim_end_matches(':').to_string(), kind, None))
}

fn heading_kind(s: &str) -> Option<SectionKind> {
    let lower = s.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 {
        return None;
    }
    while words.len() > 1 && vocab::HEADING_QUALIFIERS.contains(&words[0]) {
        words.remove(0);
    }
    let key = vocab_items::fold_old(&words.join(" "));
    vocab::HEADINGS
        .iter()
        .chain(vocab_items::MORE_HEADINGS)
        .find(|(h, _)| *h == key)
        .map(|(_, k)| *k)
}

/// `Beslutning i Byrådet den 12. marts 2019`, `Beslutning fra Økonomiudvalget, 12-03-2019`,
/// `Beslutning truffet i Byrådet den …`, `BESLUTNING DIREKTIONEN DEN 06-01-2015`,
/// `Beslutning den 3. marts 1890`: a decision word, a body, a date.
static DECISION_WORD_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"(?i)^(?:{words})(?:\s+(?:{links}))?(?:\s+(?P<body>[^0-9(].*?))??(?:\s*,\s*|\s+(?:{dl})\s+|\s+\(?|\s*\()(?P<date>[0-9].*?)\)?\s*:?$",
        words = vocab::alternation(vocab_items::DECISION_WORDS),
        links = vocab::alternation(vocab_items::DECISION_BODY_LINKS),
        dl = vocab::alternation(vocab_items::DECISION_DATE_LINKS),
    ))
});
/// `Økonomiudvalgets beslutning den 1. oktober 2018`, `Udvalgets beslutning den 04.12.2012
/// Punkt 2`, `Sogneraadets Beslutning`.
static DECISION_BODY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    vocab::re(&format!(
        r"(?i)^(?P<body>.+?)s\s+(?P<word>{words})(?:\s+i\s+mødet|\s+på\s+mødet)?(?:\s*,?\s+(?:(?:{dl})\s+)?(?P<date>[0-9].*?))?\s*:?$",
        words = vocab::alternation(vocab_items::DECISION_WORDS),
        dl = vocab::alternation(vocab_items::DECISION_DATE_LINKS),
    ))
});
static DECISION_BODY_DATE_PKT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<body>[^,]{3,80}),\s*(?P<date>[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}),\s*(?:pkt|punkt)\.?\s*[0-9]+\s*:?$").unwrap()
});
static DECISION_PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:beslutning(?:er)?|beslutning truffet)(?:\s+(?:i|fra)\s+(?P<body>[^:,0-9]{3,80}?))?\s*:?$").unwrap()
});

/// A decision header with the body and date it names, if the line is one.
pub fn decision_head(line: &str) -> Option<DecisionHead> {
    let t = line.trim().trim_end_matches(':').trim();
    if t.is_empty() || t.len() > 160 || t.contains('\t') {
        return None;
    }
    for re in [
        &*DECISION_WORD_FIRST,
        &*DECISION_BODY_FIRST,
        &*DECISION_BODY_DATE_PKT,
    ] {
        if let Some(c) = re.captures(t) {
            let date = c.name("date").and_then(|d| dates::first_date(d.as_str()));
            let body = c.name("body").map(|b| normalise_body(b.as_str()));
            let body_ok = body.as_deref().is_none_or(|b| {
                let words = b.split_whitespace().count();
                words > 0 && words <= 8
            });
            // a header without a body needs its date; with a body, a date that is printed must
            // be read
            let date_ok = match (c.name("date"), &body) {
                (None, Some(_)) => true,
                (Some(_), _) => date.is_some(),
                (None, None) => false,
            };
            // `Sagens behandling` is no decision: a word other than `beslutning` needs a date
            let word_ok = c.name("word").is_none_or(|w| {
                w.as_str().to_lowercase().starts_with("beslutning") || date.is_some()
            });
            if body_ok && date_ok && word_ok {
                return Some(DecisionHead { body, date });
            }
        }
    }
    DECISION_PLAIN.captures(t).map(|c| DecisionHead {
        body: c.name("body").map(|b| normalise_body(b.as_str())),
        date: None,
    })
}

/// The labelled lines that head one decision of a case's history (`Udvalg: Magistraten` /
/// `Dato: 02-09-2025` / `Punktnummer: 3`), read from line `i`: the decision and how many lines
/// it takes.
pub fn decision_block(lines: &[String], i: usize) -> Option<(DecisionHead, usize)> {
    let label = |k: usize, labels: &[&str]| -> Option<String> {
        let (l, v) = lines.get(i + k)?.trim().split_once(':')?;
        let l = l.trim().to_lowercase();
        labels
            .iter()
            .any(|x| x.trim_end_matches('.') == l.trim_end_matches('.'))
            .then(|| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let body = label(0, vocab_items::DECISION_BLOCK_BODY_LABELS)?;
    let date = dates::first_date(&label(1, vocab_items::DECISION_BLOCK_DATE_LABELS)?)?;
    label(2, vocab_items::DECISION_BLOCK_ITEM_LABELS)?;
    (body.split_whitespace().count() <= 8).then(|| {
        (
            DecisionHead {
                body: Some(normalise_body(&body)),
                date: Some(date),
            },
            3,
        )
    })
}

/// `DIREKTIONEN` → `Direktionen`, `BESKÆFTIGELSES- OG ERHVERVSUDVALGET` →
/// `Beskæftigelses- og Erhvervsudvalget`; names printed in mixed case stay as printed.
pub fn normalise_body(s: &str) -> String {
    let s = vocab::without_period(s.trim().trim_end_matches([',', ':', '.']).trim());
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() > 2 && letters.iter().all(|c| c.is_uppercase());
    if !shouting {
        return s.to_string();
    }
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && vocab::is_joining_word(&lower) {
                lower
            } else if w.chars().count() <= 3 && !w.ends_with('-') {
                w.to_string()
            } else {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits an item's lines into sections. Lines before the first heading form an
/// `Indledning` section (when not empty).
pub fn split(lines: &[String]) -> Vec<RawSection> {
    let mut out: Vec<RawSection> = Vec::new();
    let mut current = RawSection {
        heading: String::new(),
        kind: SectionKind::Indledning,
        lines: Vec::new(),
        decision: None,
        start: 0,
        preamble: 0,
    };
    let mut skip = 0;
    for (i, line) in lines.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let block = decision_block(lines, i);
        let head = block
            .as_ref()
            .map(|(d, _)| d.clone())
            .or_else(|| decision_head(line));
        if let Some(d) = &head
            && same_meeting(current.decision.as_ref(), d)
        {
            // the header printed again inside its own decision: what came before is preamble
            current.preamble = current.lines.len();
            skip = block.map_or(0, |(_, n)| n - 1);
            continue;
        }
        let started = if let Some(d) = head {
            skip = block.as_ref().map_or(0, |(_, n)| n - 1);
            Some(RawSection {
                heading: line.trim().trim_end_matches(':').to_string(),
                kind: SectionKind::Beslutning,
                lines: Vec::new(),
                decision: Some(d),
                start: i,
                preamble: 0,
            })
        } else if let Some((head, kind, rest)) = heading(line) {
            let decision = (kind == SectionKind::Beslutning).then(DecisionHead::default);
            let mut s = RawSection {
                heading: head,
                kind,
                lines: Vec::new(),
                decision,
                start: i,
                preamble: 0,
            };
            if let Some(r) = rest {
                s.lines.push((i, r));
            }
            Some(s)
        } else {
            None
        };
        match started {
            Some(s) => push_unless_empty(&mut out, std::mem::replace(&mut current, s)),
            None => current.lines.push((i, line.clone())),
        }
    }
    push_unless_empty(&mut out, current);
    out
}

/// A decision header of the same body and the same date as the open decision.
fn same_meeting(open: Option<&DecisionHead>, d: &DecisionHead) -> bool {
    let Some(open) = open else { return false };
    let same_body = match (&open.body, &d.body) {
        (Some(a), Some(b)) => vocab_items::fold_old(a) == vocab_items::fold_old(b),
        _ => false,
    };
    same_body && open.date.is_some() && open.date == d.date
}

/// Keeps a section, unless it is an empty text before the first heading; that text starts at its
/// first non-blank line.
fn push_unless_empty(out: &mut Vec<RawSection>, mut s: RawSection) {
    if s.kind == SectionKind::Indledning {
        match s.lines.iter().find(|(_, l)| !l.trim().is_empty()) {
            Some((i, _)) => s.start = *i,
            None => return,
        }
    }
    out.push(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_any_case() {
        assert_eq!(
            heading("INDSTILLING").map(|h| h.1),
            Some(SectionKind::Indstilling)
        );
        assert_eq!(
            heading("ADMINISTRATIONENS INDSTILLING").map(|h| h.1),
            Some(SectionKind::Indstilling)
        );
        assert_eq!(
            heading("Økonomiske konsekvenser og finansiering").map(|h| h.1),
            Some(SectionKind::Oekonomi)
        );
        assert_eq!(
            heading("Sagen afgøres i:").map(|h| h.1),
            Some(SectionKind::Kompetence)
        );
        let (h, k, rest) = heading("Beslutning: Godkendt.").unwrap();
        assert_eq!(
            (h.as_str(), k, rest.as_deref()),
            ("Beslutning", SectionKind::Beslutning, Some("Godkendt."))
        );
        assert_eq!(heading("Baggrunden for sagen er at"), None);
        assert_eq!(heading("Økonomi: der er afsat midler"), None);
    }

    #[test]
    fn decision_headers() {
        let d = decision_head("BESLUTNING DIREKTIONEN DEN 06-01-2015").unwrap();
        assert_eq!(
            (d.body.as_deref(), d.date.as_deref()),
            (Some("Direktionen"), Some("2015-01-06"))
        );
        let d = decision_head("Beslutning i Økonomiudvalget den 1. oktober 2018:").unwrap();
        assert_eq!(
            (d.body.as_deref(), d.date.as_deref()),
            (Some("Økonomiudvalget"), Some("2018-10-01"))
        );
        let d = decision_head("BESKÆFTIGELSES- OG ERHVERVSUDVALGETS BESLUTNING DEN 06.02.2023")
            .unwrap();
        assert_eq!(
            d.body.as_deref(),
            Some("Beskæftigelses- og Erhvervsudvalget")
        );
        assert_eq!(d.date.as_deref(), Some("2023-02-06"));
        let d = decision_head("Økonomiudvalgets beslutning i mødet den 31. marts 2020").unwrap();
        assert_eq!(
            (d.body.as_deref(), d.date.as_deref()),
            (Some("Økonomiudvalget"), Some("2020-03-31"))
        );
        let d = decision_head("Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42").unwrap();
        assert_eq!(
            (d.body.as_deref(), d.date.as_deref()),
            (Some("Kultur- og Idrætsudvalget"), Some("2019-04-03"))
        );
        let d = decision_head("Beslutning i Byrådet den 19-12-2016").unwrap();
        assert_eq!(d.date.as_deref(), Some("2016-12-19"));
        assert_eq!(
            decision_head("Beslutning").unwrap(),
            DecisionHead::default()
        );
        assert!(
            decision_head(
                "Beslutningen blev truffet efter lang debat om sagen og meget mere end det"
            )
            .is_none()
        );
    }

    #[test]
    fn split_into_sections() {
        let lines: Vec<String> = "Intro\nBaggrund\nTekst 1\n\nINDSTILLING\nBYC indstiller, at\nBESLUTNING DIREKTIONEN DEN 06-01-2015\nUdsat.\nSagsfremstilling\nMere"
            .lines()
            .map(String::from)
            .collect();
        let s = split(&lines);
        let kinds: Vec<_> = s.iter().map(|s| s.kind).collect();
        use SectionKind::*;
        assert_eq!(
            kinds,
            vec![
                Indledning,
                Baggrund,
                Indstilling,
                Beslutning,
                Sagsfremstilling
            ]
        );
        assert_eq!(s[3].text(), "Udsat.");
        assert_eq!(
            s[3].decision.as_ref().unwrap().date.as_deref(),
            Some("2015-01-06")
        );
    }

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(String::from).collect()
    }

    #[test]
    fn decision_headers_in_more_styles() {
        for (line, body, date) in [
            (
                "Beslutning i Byrådet, 12. marts 2019",
                Some("Byrådet"),
                "2019-03-12",
            ),
            (
                "Beslutning i Kommunalbestyrelsen, 12. marts 2019, pkt. 4",
                Some("Kommunalbestyrelsen"),
                "2019-03-12",
            ),
            (
                "Beslutning fra Økonomiudvalget, 12-03-2019",
                Some("Økonomiudvalget"),
                "2019-03-12",
            ),
            (
                "Beslutning truffet i Byrådet den 2. maj 2019",
                Some("Byrådet"),
                "2019-05-02",
            ),
            ("Beslutning den 3. marts 1890", None, "1890-03-03"),
            (
                "Sogneraadets Beslutning den 3. Marts 1890",
                Some("Sogneraadet"),
                "1890-03-03",
            ),
            (
                "Kultur- og Fritidsudvalgets beslutning den 04.12.2012 Punkt 2",
                Some("Kultur- og Fritidsudvalget"),
                "2012-12-04",
            ),
        ] {
            let d = decision_head(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (d.body.as_deref(), d.date.as_deref()),
                (body, Some(date)),
                "{line}"
            );
        }
        assert!(decision_head("Sagens behandling").is_none());
        assert!(decision_head("Politisk behandling").is_none());
    }

    #[test]
    fn the_same_header_again_inside_a_decision_ends_its_preamble() {
        // Copenhagen committee print (outcomes-kk): a remark and a member leaving, then the
        // committee's own header for the same meeting, then the decision
        let l = lines(
            "BESLUTNING FOLKEOPLYSNINGSUDVALGET DEN 15-09-2026\nAnders Berner forlod herefter mødet grundet inhabilitet.\n\nFolkeoplysningsudvalgets beslutning på mødet den 15. september 2026:\n\nMed denne bemærkning blev indstillingen godkendt.\nØKONOMIUDVALGETS BESLUTNING DEN 22.09.2026\nAnbefales.",
        );
        let s = split(&l);
        assert_eq!(s.len(), 2, "another body's header still opens a decision");
        assert_eq!(s[0].preamble, 2);
        assert!(s[0].text().starts_with("Anders Berner"));
        assert_eq!(
            s[1].decision.as_ref().unwrap().body.as_deref(),
            Some("Økonomiudvalget")
        );
    }

    #[test]
    fn labelled_lines_head_the_decisions_of_a_case_history() {
        // FirstAgenda web page (Aarhus): `Sagsforløb:` then one block a meeting
        let l = lines(
            "Sagsforløb:\nUdvalg: Magistraten\nDato: 02-09-2025\nPunktnummer: 3\nFremsendes til Aarhus Byråd.\nUdvalg: Aarhus Byråd\nDato: 10-09-2025\nPunktnummer: 2\nFremsendes til 1. tekniske behandling i Magistraten.",
        );
        let d: Vec<_> = split(&l)
            .into_iter()
            .filter_map(|s| s.decision.map(|d| (d.body, d.date, s.lines.len())))
            .collect();
        assert_eq!(
            d,
            [
                (Some("Magistraten".into()), Some("2025-09-02".into()), 1),
                (Some("Aarhus Byråd".into()), Some("2025-09-10".into()), 1)
            ]
        );
    }
}
