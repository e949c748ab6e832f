//! Words that a line-end hyphen breaks inside a decision (`kunne til-træde`), mended from the
//! decision and dissent vocabularies so that a real compound keeps its hyphen.

use super::decisions::*;
use super::dissent::*;

/// The words of decisions and dissent, one by one, that a line-end hyphen may break
/// (`til-træde`, `bemærke-de`).
static DECISION_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        [
            ADOPT_FORMS,
            RECOMMEND_FORMS,
            DECIDE_FORMS,
            ENDORSE_INFINITIVES,
            REJECT_FORMS,
            POSTPONE_FORMS,
            REFER_FORMS,
            DISCUSS_FORMS,
            NOTE_FORMS,
            REFUSE_INFINITIVES,
            DISSENT_PHRASES,
        ]
        .iter()
        .flat_map(|l| l.iter())
        .flat_map(|p| p.split(' '))
        .map(|w| w.trim_end_matches('*'))
        .filter(|w| w.chars().count() > 4)
        .collect()
    });
static HYPHENATED: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(\p{L}+)-(\p{Ll}+)").unwrap());

/// `text` with soft hyphens removed and words of [`DECISION_WORDS`] that a hyphen breaks
/// joined again (`kunne til-træde` → `kunne tiltræde`); real compounds (`Social- og`,
/// `it-service`) keep theirs.
pub fn mend_hyphens(text: &str) -> String {
    let text = text.replace('\u{ad}', "");
    HYPHENATED
        .replace_all(&text, |c: &regex::Captures| {
            let joined = format!("{}{}", &c[1], &c[2]);
            if DECISION_WORDS.contains(joined.to_lowercase().as_str()) {
                joined
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
}
