//! How text becomes index terms: Danish words, lower-cased and stemmed with plurals that agree
//! with their singular, coordinated compounds written out (`Klima-, Teknik- og Miljøudvalget`
//! is `klimaudvalget`, `teknikudvalget`, `miljøudvalget`, never evidence for `klima`), and a
//! second analysis that indexes the parts of compounds for the `parts` field.

use tantivy::Index;
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer};

use std::rc::Rc;

use super::compound;

/// The analyzer of the full-text fields: words, lower-cased, stemmed. The name carries the
/// analysis's version, so an index built by an older analysis is refused (its schema differs).
pub const DANISH: &str = "referat_da_2";
/// The analyzer of the `parts` field: the stemmed parts of compounds, nothing else.
pub const PARTS: &str = "referat_da_parts";
/// Whole values lower-cased (`body:direktionen` finds `Direktionen`).
pub const RAW_LOWER: &str = "referat_raw_lower";

/// Words longer than this many bytes are not indexed (tantivy's `RemoveLongFilter` limit).
const MAX_TOKEN: usize = 80;

/// Registers the analyzers the schema names; needed on every open, for writing and reading.
pub fn register_analyzers(index: &Index) {
    let raw_lower = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build();
    index
        .tokenizers()
        .register(DANISH, TextAnalyzer::from(Danish { parts: false }));
    index
        .tokenizers()
        .register(PARTS, TextAnalyzer::from(Danish { parts: true }));
    index.tokenizers().register(RAW_LOWER, raw_lower);
}

/// A word of the text: lower case, with its place in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub from: usize,
    pub to: usize,
}

/// The words of `text` (runs of letters and digits), lower case, with each first member of a
/// coordinated compound completed by the last member's head (`bolig- og erhvervsområder` →
/// `boligområder`, `erhvervsområder`).
pub fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &text[s..i];
                let lower = if word
                    .bytes()
                    .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
                {
                    word.to_lowercase()
                } else {
                    word.to_string()
                };
                out.push(Word {
                    text: lower,
                    from: s,
                    to: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    complete_coordinations(text, &mut out);
    out
}

/// `Klima-, Teknik- og Miljøudvalget`: every word printed with a hanging hyphen before `og` or
/// `eller` and a last member that is a compound gets that compound's head.
fn complete_coordinations(text: &str, words: &mut [Word]) {
    let hanging = |w: &Word| {
        let after = &text[w.to..];
        after.starts_with('-')
            && after[1..]
                .chars()
                .next()
                .is_some_and(|c| c == ',' || c == '/' || c.is_whitespace())
    };
    let mut i = 0;
    while i < words.len() {
        if !hanging(&words[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && hanging(&words[j]) {
            j += 1;
        }
        let joined = words
            .get(j)
            .is_some_and(|w| w.text == "og" || w.text == "eller");
        let head = words
            .get(j + 1)
            .filter(|_| joined)
            .and_then(|last| compound::head(&last.text));
        if let Some(head) = head {
            for w in &mut words[i..j] {
                w.text.push_str(&head);
            }
        }
        i = j.max(i + 1);
    }
}

/// The index term of a word: its stem (see [`compound::stem`]).
pub fn term(word: &str) -> String {
    compound::stem(word)
}

/// The Danish analysis as a tantivy tokenizer: [`words`] then [`term`], or for `parts` the
/// stems of the parts of every compound ([`compound::part_stems`]).
#[derive(Clone)]
struct Danish {
    parts: bool,
}

struct Tokens {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl Tokenizer for Danish {
    type TokenStream<'a> = Tokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens {
        let mut tokens = Vec::new();
        let mut position = 0;
        for w in words(text) {
            if w.text.len() > MAX_TOKEN {
                continue;
            }
            let terms = if self.parts {
                compound::part_stems(&w.text)
            } else {
                Rc::from([term(&w.text)])
            };
            for t in terms.iter().cloned() {
                tokens.push(Token {
                    offset_from: w.from,
                    offset_to: w.to,
                    position,
                    text: t,
                    position_length: 1,
                });
                position += 1;
            }
        }
        Tokens {
            tokens: tokens.into_iter(),
            current: Token::default(),
        }
    }
}

impl TokenStream for Tokens {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(t) => {
                self.current = t;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        words(text).iter().map(|w| term(&w.text)).collect()
    }

    #[test]
    fn coordinated_compounds_are_written_out() {
        let t = terms("Klima-, Teknik- og Miljøudvalget");
        assert_eq!(t[0], term("klimaudvalget"));
        assert_eq!(t[1], term("teknikudvalget"));
        assert!(!t.contains(&term("klima")));
        // a hyphen inside a word is no coordination
        assert_eq!(terms("covid-19 og vacciner")[0], "covid");
    }

    #[test]
    fn parts_are_indexed_for_compounds_only() {
        assert_eq!(
            compound::part_stems("anlægsbevillingen").to_vec(),
            [term("anlæg"), term("bevilling")]
        );
        assert!(compound::part_stems("klimahandlingsplan").contains(&term("handlingsplaner")));
        assert!(compound::part_stems("bevilling").is_empty());
    }
}
