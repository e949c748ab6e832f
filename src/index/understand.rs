//! What a query as typed asks for, before tantivy sees it: case numbers in any scheme, topic
//! words, words that only frame a question (`hvad besluttede udvalget om …`), and stop words to
//! drop. A query in tantivy's own language (phrases, `field:value`, `AND`/`OR`, `+`/`-`) is left
//! to its parser as typed. Pure: strings in, an [`Understood`] out.

use super::analysis::{self, words};
use crate::parse::{caseline, vocab};

/// A query taken apart.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Understood {
    /// Case numbers typed as they are printed (`23-011668`, `00.01.00-A00-1-23`).
    pub cases: Vec<String>,
    /// The words every hit should have (lower case, as typed).
    pub words: Vec<String>,
    /// Words that frame the question: they rank, but are not required.
    pub optional: Vec<String>,
    /// Stop words and question words left out.
    pub dropped: Vec<String>,
    /// The rest of the query in tantivy's language, for its parser, when it uses that language.
    pub syntax: Option<String>,
}

/// Takes a query apart (see [`Understood`]).
pub fn understand(query: &str) -> Understood {
    let mut u = Understood::default();
    let mut rest = Vec::new();
    for token in query.split_whitespace() {
        let bare = token.trim_matches(|c: char| matches!(c, ',' | ';' | '?' | '!'));
        if is_case_number(bare) {
            u.cases.push(bare.to_string());
        } else {
            rest.push(token);
        }
    }
    let rest = rest.join(" ");
    if uses_syntax(&rest) {
        u.syntax = Some(rest);
        return u;
    }
    let mut frame = Vec::new();
    for w in words(&rest) {
        let text = w.text;
        if is_dropped(&text) {
            u.dropped.push(text);
        } else if vocab::FRAME_WORDS.contains(&text.as_str()) {
            frame.push(text);
        } else if !u.words.contains(&text) {
            u.words.push(text);
        }
    }
    if u.words.is_empty() {
        // nothing but frame words (`udvalget`): they are the topic
        u.words = frame;
        if u.words.is_empty() && u.cases.is_empty() {
            // nothing but stop words (`til og med`): search them all the same
            u.words = std::mem::take(&mut u.dropped);
        }
    } else {
        u.optional = frame;
    }
    u
}

/// A token that is a case number and nothing else.
fn is_case_number(token: &str) -> bool {
    caseline::case_numbers_in(token).first().map(String::as_str) == Some(token)
}

fn is_dropped(word: &str) -> bool {
    vocab::STOP_WORDS.contains(&word) || vocab::QUESTION_WORDS.contains(&word)
}

/// Phrases, fields, grouping, boolean operators, required and excluded words, wildcards,
/// boosts, fuzziness and ranges: the query is meant for tantivy's parser.
fn uses_syntax(query: &str) -> bool {
    query.contains(['"', ':', '(', ')', '[', ']', '{', '}', '*', '^', '~'])
        || query.split_whitespace().any(|t| {
            matches!(t, "AND" | "OR" | "NOT" | "IN")
                || ((t.starts_with('+') || t.starts_with('-')) && t.len() > 1)
        })
}

/// The words the documents use for what `word` says in everyday language (see
/// [`vocab::SYNONYMS`]), matched on the stem so `pengene` finds the list of `penge`.
pub fn synonyms(word: &str) -> Vec<&'static str> {
    let stem = analysis::term(word);
    vocab::SYNONYMS
        .iter()
        .filter(|(key, _)| *key == word || analysis::term(key) == stem)
        .flat_map(|(_, alternatives)| alternatives.iter().copied())
        .filter(|a| *a != word)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_keeps_its_topic() {
        let u = understand("hvad besluttede udvalget om cykelstier?");
        assert_eq!(u.words, ["cykelstier"]);
        assert_eq!(u.optional, ["besluttede", "udvalget"]);
        assert_eq!(u.dropped, ["hvad", "om"]);
    }

    #[test]
    fn case_numbers_are_recognised_in_every_scheme() {
        for case in ["23-011668", "14/32918", "00.01.00-A00-1-23", "2019-014049"] {
            let u = understand(&format!("{case} status"));
            assert_eq!(u.cases, [case], "{case}");
            assert_eq!(u.words, ["status"]);
        }
        assert!(understand("2024").cases.is_empty());
        assert!(understand("2022-2025").cases.is_empty());
    }

    #[test]
    fn the_query_language_is_left_to_the_parser() {
        for q in [
            "\"tryghed i Greve Nord\"",
            "title:skole",
            "skole -privat",
            "a OR b",
        ] {
            assert_eq!(understand(q).syntax.as_deref(), Some(q), "{q}");
        }
        assert_eq!(understand("covid-19").syntax, None);
    }

    #[test]
    fn a_query_of_frame_or_stop_words_only_still_searches() {
        assert_eq!(understand("udvalget").words, ["udvalget"]);
        assert_eq!(understand("til og med").words, ["til", "og", "med"]);
    }

    #[test]
    fn synonyms_match_on_the_stem() {
        assert!(synonyms("pengene").contains(&"bevilling"));
        assert!(synonyms("arbejdsløse").contains(&"ledige"));
        assert!(synonyms("kommunalbestyrelse").is_empty());
    }
}
