//! Attendance notes that minutes print inside decisions (`Afbud: Anne Hansen`, `X deltog ikke i
//! behandlingen af dette punkt`): read as notes here, and set aside by the readers of outcome and
//! dissent, which must not take them for what was decided.

use regex::Regex;
use std::sync::LazyLock;

use super::vocab::{self, re};
use crate::model::Attendance;

/// A line that is an attendance note: its label and the rest.
pub static ATTENDANCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<&str> = vocab::ABSENT_LABELS
        .iter()
        .chain(vocab::DECISION_ATTENDANCE_LABELS)
        .copied()
        .collect();
    re(&format!(
        r"(?im)^\s*(?P<kind>{})\s*[:.]?\s*(?P<rest>.*)$",
        vocab::alternation(&labels)
    ))
});
static SCOPED_ABSENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)[^.]*\b(?:{})[^.]*\.?",
        vocab::alternation(vocab::SCOPED_ABSENCE)
    ))
});

/// Sentences about who was present or heard rather than about the case.
static PRESENCE_REMARK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)[^.\n]*\b(?:{}|{})[^.\n]*\.?",
        vocab::alternation(vocab::SCOPED_ABSENCE),
        vocab::alternation(vocab::PRESENCE_REMARKS)
    ))
});

/// The text without its sentences about absence and presence (`X erklærede sig inhabil og
/// deltog ikke i behandlingen`, `I mødet deltog: …`): they are no part of what was decided.
pub fn strip_presence_remarks(text: &str) -> String {
    PRESENCE_REMARK.replace_all(text, " ").into_owned()
}

/// The text without its attendance lines.
pub fn strip_attendance_lines(lower: &str) -> String {
    lower
        .lines()
        .filter(|l| !ATTENDANCE_LINE.is_match(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Attendance notes in a decision (`Afbud: Anne Hansen`, `X deltog ikke i behandlingen`).
pub fn attendance(text: &str) -> Vec<Attendance> {
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(c) = ATTENDANCE_LINE.captures(line) {
            let kind = c["kind"].to_lowercase();
            let kind = if kind.starts_with("afbud") || kind.contains("afbud") {
                "afbud"
            } else if kind.starts_with("til stede") {
                "til_stede"
            } else if kind.starts_with("deltog") {
                "deltog_ikke"
            } else {
                "fravaerende"
            };
            out.push(note(kind, line.trim()));
        }
    }
    for m in SCOPED_ABSENCE.find_iter(text) {
        let s = m.as_str().trim().to_string();
        if out.iter().any(|a| a.text.contains(&s)) {
            continue;
        }
        let lower = s.to_lowercase();
        let kind = if lower.contains("inhabil") {
            "inhabil"
        } else if lower.contains("forlod") {
            "forlod"
        } else {
            "deltog_ikke"
        };
        out.push(note(kind, &s));
    }
    out
}

fn note(kind: &str, text: &str) -> Attendance {
    Attendance {
        kind: kind.to_string(),
        text: text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendance_notes() {
        let a = attendance(
            "Godkendt.\nAfbud: Anne Hansen\nPeter Jensen (V) deltog ikke i behandlingen af dette punkt.",
        );
        assert_eq!(
            a.iter().map(|a| a.kind.as_str()).collect::<Vec<_>>(),
            vec!["afbud", "deltog_ikke"]
        );
    }
}
