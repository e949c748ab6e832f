//! Reading a decision: its normalised outcome from the closed set of DOMAIN.md, read as the
//! grammar of a Danish decision rather than a list of sentences, in ordered steps:
//!
//! 1. mend words broken by a hyphen (`til-træde`) and set aside what is no decision:
//!    attendance lines and remarks on presence, what members recorded against the decision
//!    (`dissent`), the content of protocol remarks, counter-proposals that failed;
//! 2. a mere reference (`Der henvises til …`) decides nothing;
//! 3. a routing wrapper (`Tilbagesendes … med bemærkning, at <inner>`) is unwrapped
//!    ([`route`]): its inner clause decides, and its direction (up to a final authority, or
//!    back to an administration) says whether an adoption there is an endorsement;
//! 4. the decisional text is classified by verb, form, object and negation ([`cues`]), the
//!    authority of the body deciding whether a statement of position is `godkendt` or
//!    `anbefalet`.

mod cues;
mod route;

use regex::Regex;
use std::sync::LazyLock;

use super::attendance::{strip_attendance_lines, strip_presence_remarks};
use super::dissent::dissents;
use super::vocab::{self, forms, re};
use crate::model::{Dissent, Outcome};

/// The outcome of a decision text whose body is not known; `None` for an empty text.
pub fn outcome(text: &str) -> Option<Outcome> {
    outcome_by(text, None)
}

/// The outcome of a decision text taken by `body` (from the decision's header, or the
/// meeting's); `None` for an empty text. A body that is no final authority (a committee, the
/// Magistrat) endorses where a final one adopts; an unknown body is taken to be final.
pub fn outcome_by(text: &str, body: Option<&str>) -> Option<Outcome> {
    outcome_with(text, body, &dissents(text))
}

/// `outcome_by` with the text's dissents found already (`dissent::dissents(text)`).
pub fn outcome_with(text: &str, body: Option<&str>, ds: &[Dissent]) -> Option<Outcome> {
    let t = vocab::mend_hyphens(text.trim());
    if t.is_empty() {
        return None;
    }
    let mut lower = strip_attendance_lines(&t.to_lowercase());
    if split_committee(&t, ds) {
        return Some(Outcome::Andet);
    }
    // what members recorded against the decision is not the decision, nor the words they had
    // entered after it (`ønskede følgende tilføjet: • at …`)
    for d in ds {
        let d = d.text.to_lowercase();
        if let Some(at) = lower.find(&d) {
            let mut end = at + d.len();
            if d.contains(':') {
                end = members_words_end(&lower, end);
            }
            lower.replace_range(at..end, " ");
        }
    }
    let lower = strip_presence_remarks(&lower);
    let lower = REPORTED_SPEECH.replace_all(&lower, " ");
    let lower = PROTOCOL_CONTENT.replace_all(&lower, " ");
    let lower = FAILED_COUNTER_PROPOSAL.replace_all(&lower, " ");
    if lower.trim().is_empty() {
        return Some(Outcome::Andet);
    }
    // a text that names its deciding body first (`Udvalget kan tiltræde …`) says itself who
    // decided; otherwise the header's or the meeting's body does
    let final_body = match subject_body(&t) {
        Some(subject) => route::is_final_authority(subject),
        None => body.is_none_or(route::is_final_authority),
    };
    let flat = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if MENTION.is_match(&flat) {
        return Some(Outcome::Andet);
    }
    if let Some(o) = route::unwrap(&flat, final_body) {
        return Some(o);
    }
    Some(cues::classify(&lower, final_body, false))
}

/// The body a decision text opens with as its subject (`Udvalget`, `Byrådet`), if it does.
fn subject_body(text: &str) -> Option<&str> {
    let first = text
        .split_whitespace()
        .next()?
        .trim_matches(|c: char| !c.is_alphanumeric());
    vocab::is_body_name(first).then_some(first)
}

/// A text that only refers to another document or decision (`Der henvises til
/// fælleserklæringen`).
static MENTION: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^(?:{})\b", forms(&vocab::MENTION_PHRASES[..1]),)));

/// A sentence of reported speech (`Troels Bak oplyste, at …`).
static REPORTED_SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"[^.\n]*\b(?:{})\b[^.\n]*\.?",
        forms(vocab::REPORT_VERBS)
    ))
});

/// The quoted or colon-introduced content of a protocol remark: the members' words, not the
/// decision (`… afgav følgende protokolbemærkning: "vi forudsætter, at …"`).
static PROTOCOL_CONTENT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r#"(?s)(?:{}|beslutningsprotokollen|protokollen)[^:\n]*:\s*["“”].*?(?:["“”]|$)"#,
        forms(vocab::PROTOCOL_NOUNS)
    ))
});

/// A counter-proposal that was voted down (`Et forslag fra Venstres byrådsgruppe … blev
/// forkastet med 18 stemmer mod 12`): it rejects that proposal, not the indstilling.
static FAILED_COUNTER_PROPOSAL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:et|ét)\s+(?:ændrings)?forslag\s+fra\s[^.]{{0,120}}?\b(?:{})\b[^.]*\.?",
        forms(vocab::REJECT_FORMS)
    ))
});

/// Where the words a member introduced with a colon end: the rest of the line, and the lines
/// after it that open with a bullet or a quotation mark.
fn members_words_end(lower: &str, from: usize) -> usize {
    let mut end = lower[from..].find('\n').map_or(lower.len(), |i| from + i);
    while end < lower.len() {
        let next = &lower[end + 1..];
        let line_end = next.find('\n').map_or(lower.len(), |i| end + 1 + i);
        let first = next.trim_start().chars().next();
        if first.is_some_and(|c| vocab::BULLETS.contains(&c) || "\"“”'".contains(c)) {
            end = line_end;
        } else {
            break;
        }
    }
    end
}

/// A committee split into named members on each side, none of them called a majority or the
/// body (`Ango Winther og Margrethe Bogner kunne tiltræde …; Frederik Gammelgaard og Brian
/// Korsgaard kunne ikke …`): it reached no position of its own.
fn split_committee(text: &str, dissents: &[crate::model::Dissent]) -> bool {
    // refusals count; a reservation (`tog forbehold`) still supports
    let against: usize = dissents
        .iter()
        .filter(|d| {
            let t = d.text.to_lowercase();
            t.contains(" ikke ") || t.contains("imod")
        })
        .filter_map(|d| d.who.as_deref())
        .map(count_names)
        .sum();
    if against == 0 {
        return false;
    }
    text.lines()
        .flat_map(super::dissent::sentences)
        .filter(|s| !dissents.iter().any(|d| d.text.contains(s.trim())))
        .filter_map(|s| {
            cues::ENDORSE
                .find(&s.to_lowercase())
                .map(|m| (s, m.start()))
        })
        .any(|(s, at)| {
            let subject = trailing_names(s.get(..at).unwrap_or(""));
            let n = if vocab::is_body_name(subject) || vocab::BODY_PRONOUNS.contains(&subject) {
                0
            } else {
                count_names(subject)
            };
            n > 0 && n <= against
        })
}

/// The names that end `s` (`… blev herefter Ango Winther og Margrethe Bogner`).
fn trailing_names(s: &str) -> &str {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut k = words.len();
    while k > 0 {
        let w = words[k - 1].trim_end_matches(',');
        let name = w.chars().next().is_some_and(char::is_uppercase);
        if !(name || w == "og") {
            break;
        }
        k -= 1;
    }
    let tail = words[k..].join(" ");
    let start = s.rfind(&tail).unwrap_or(s.len());
    s[start..].trim_start_matches("og ").trim()
}

/// How many names a list holds (`A, B og C` → 3).
fn count_names(list: &str) -> usize {
    list.split([',', ';'])
        .flat_map(|p| p.split(" og "))
        .filter(|p| p.chars().any(char::is_uppercase))
        .count()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_subjects;
