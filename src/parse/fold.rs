//! Danish text folded to one ASCII byte per character, so the parsers' word patterns run on
//! regex's fast engines. A pattern with a Unicode word boundary (`\b`) cannot run on regex's
//! DFA once the text holds a letter outside ASCII, which every Danish sentence does; it falls
//! back to a backtracker that was a third of the parsing time. Folded, `\b`, `\w` and `\s` are
//! ASCII and the DFA runs, with the same matches:
//! - ASCII stays as it is, except upper case, which becomes `Z` (the patterns run on lower-cased
//!   text, so upper case matched none of their letters before either);
//! - the letters the patterns spell (`æ`, `ø`, `å`, `é`, …) become upper-case ASCII letters of
//!   their own, every other word character `Z` (a word character no pattern spells);
//! - the punctuation the patterns spell (`–`, `“`, `§`, …) becomes a control byte of its own,
//!   every other whitespace a space, and everything else byte `0x7f`.
//!
//! A match's offsets count characters of the original text, one byte each.

use regex::bytes::Regex;

/// Lower-case letters outside ASCII that patterns may spell, and the ASCII letter each folds to.
const LETTERS: &[(char, u8)] = &[
    ('æ', b'A'),
    ('ø', b'B'),
    ('å', b'C'),
    ('é', b'D'),
    ('è', b'E'),
    ('ê', b'F'),
    ('ë', b'G'),
    ('á', b'H'),
    ('à', b'I'),
    ('â', b'J'),
    ('ä', b'K'),
    ('ö', b'L'),
    ('ü', b'M'),
    ('ï', b'N'),
    ('í', b'O'),
    ('ó', b'P'),
    ('ô', b'Q'),
    ('ú', b'R'),
    ('ß', b'S'),
    ('ſ', b'T'),
];

/// Punctuation outside ASCII that patterns may spell, and the control byte each folds to.
const MARKS: &[(char, u8)] = &[
    ('–', 0x01),
    ('—', 0x02),
    ('−', 0x03),
    ('‐', 0x04),
    ('“', 0x05),
    ('”', 0x06),
    ('„', 0x07),
    ('«', 0x08),
    ('»', 0x0e),
    ('‘', 0x0f),
    ('’', 0x10),
    ('§', 0x11),
    ('÷', 0x12),
    ('½', 0x13),
    ('•', 0x14),
    ('…', 0x15),
    ('€', 0x16),
    ('°', 0x17),
    ('´', 0x18),
];

/// The byte a character of the text folds to.
fn fold_char(c: char) -> u8 {
    if c.is_ascii() {
        return match c {
            'A'..='Z' => b'Z',
            // the control bytes that are not whitespace stand for the marks below
            '\0'..='\x08' | '\x0e'..='\x1f' => 0x7f,
            _ => c as u8,
        };
    }
    if let Some(&(_, b)) = LETTERS.iter().chain(MARKS).find(|(k, _)| *k == c) {
        b
    } else if regex_syntax::is_word_character(c) {
        b'Z'
    } else if c.is_whitespace() {
        b' '
    } else {
        0x7f
    }
}

/// The text folded, one byte per character.
pub fn fold(text: &str) -> Vec<u8> {
    text.chars().map(fold_char).collect()
}

/// A pattern written for lower-cased Danish text, for folded text: its characters outside
/// ASCII replaced by what they fold to, and its classes ASCII (`(?-u)`). A character outside
/// ASCII that `LETTERS` and `MARKS` do not list is a bug in the pattern's words.
pub fn pattern(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 8);
    out.push_str("(?-u)");
    for c in p.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(&(_, b)) = LETTERS.iter().find(|(k, _)| *k == c) {
            out.push(b as char);
        } else if let Some(&(_, b)) = MARKS.iter().find(|(k, _)| *k == c) {
            out.push_str(&format!(r"\x{b:02x}"));
        } else {
            panic!("fold: {c:?} in a pattern has no folded form (add it to LETTERS or MARKS)");
        }
    }
    out
}

/// Compiles a pattern for folded text; the patterns are fixed, so a failure is a bug.
pub fn re(p: &str) -> Regex {
    Regex::new(&pattern(p)).unwrap_or_else(|e| panic!("fold: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same pattern on the text and on its folded form: the same match offsets, counted in
    /// characters.
    fn same(p: &str, text: &str) {
        let plain = regex::Regex::new(p).unwrap();
        let folded = re(p);
        let chars = |at: usize| text[..at].chars().count();
        let a: Vec<(usize, usize)> = plain
            .find_iter(text)
            .map(|m| (chars(m.start()), chars(m.end())))
            .collect();
        let f = fold(text);
        let b: Vec<(usize, usize)> = folded.find_iter(&f).map(|m| (m.start(), m.end())).collect();
        assert_eq!(a, b, "{p:?} on {text:?}");
    }

    #[test]
    fn word_boundaries_next_to_danish_letters_are_kept() {
        // `miljøgodkendt` holds no word `godkendt`; `ønsker` starts a word after a space
        same(r"\bgodkend\w*\b", "miljøgodkendt, godkendt og godkendes");
        same(r"\bønske[rt]?\b", "udvalget ønsker, ønsket — forønsket");
        same(
            r"\b(?:tiltræde|tiltrådt)\b",
            "kan tiltræde; tiltrådt. utiltrådt",
        );
        same(
            r"(?:\w+\s+){0,2}?ikke\b",
            "kunne ikke tiltræde, så ikkeå ikke",
        );
        same(r"[^.]{0,5}?\bdog\b", "godkendt – dog med én ændring");
        same(r"[-–,]\s*dog\b", "godkendt – dog, og -dog");
        same(
            r"\S+\s+sig",
            "henholdt\u{2009}sig til «erklæringen» §3 Æble sig",
        );
    }

    #[test]
    fn every_character_folds_to_one_byte() {
        let text = "Æble, æble, ÅEN 1½ – “x” 日本 ‍ \u{2009}x";
        assert_eq!(fold(text).len(), text.chars().count());
        assert_eq!(fold("æøå"), b"ABC");
        assert_eq!(fold("Æ Q"), b"Z Z");
        assert_eq!(fold("\u{1}\t–"), b"\x7f\t\x01");
    }

    #[test]
    #[should_panic(expected = "no folded form")]
    fn an_unlisted_character_in_a_pattern_is_a_bug() {
        pattern("ñandú");
    }
}
