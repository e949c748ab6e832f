//! Routing wrappers: `Tilbagesendes Magistratens 1. Afdeling med bemærkning, at byrådet …
//! har vedtaget …`, `Fremsendes til Aarhus Byråd med bemærkning, at Magistraten … anbefaler`.
//! The passive routing verb (its subject dropped) names where the case goes; the clause after
//! `med bemærkning, at` / `idet` says what was decided, and decides. Up to a final authority,
//! a positive decision of a body that is not one is an endorsement; back to an administration,
//! the body has decided. With no inner clause the case was referred.

use regex::Regex;
use std::sync::LazyLock;

use super::cues::{classify, position};
use crate::model::Outcome;
use crate::parse::vocab::{self, forms, re};

static ROUTE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:{})\b(?P<dest>.*?)(?:\s*\b(?:{})\s+(?P<inner>.+)|$)",
        forms(vocab::ROUTE_VERBS),
        forms(vocab::ROUTE_INNER_MARKERS)
    ))
});
/// `…, som magistraten kan henholde sig til`: the subject's position on what is forwarded.
static SOM_HENHOLDE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r",\s*som\s+(?P<subj>\S+)\s+(?:{})\s+henholde\s+sig\s+til\b",
        forms(vocab::MODALS)
    ))
});
static FINAL: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?:{})\b", forms(vocab::FINAL_AUTHORITIES))));
static ADMINISTRATION: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?:{})\b", forms(vocab::ADMINISTRATIONS))));

static MENTION: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?:{})\b", forms(&vocab::MENTION_PHRASES[1..]))));

/// The text after the first sentence of `flat` (lower case): a full stop followed by a space
/// ends a sentence unless it closes an ordinal or a date (`den 16. februar`), a single letter
/// or an abbreviation.
fn after_first_sentence(flat: &str) -> &str {
    for (i, _) in flat.match_indices(". ") {
        let word = flat[..i].rsplit(' ').next().unwrap_or("");
        let next = flat[i + 2..].split(' ').next().unwrap_or("");
        let ordinal =
            !word.is_empty() && word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit());
        let month = vocab::month_number(next).is_some();
        let abbreviation = word.chars().count() == 1 || vocab::ABBREVIATIONS.contains(&word);
        if !(ordinal || month || abbreviation) {
            return &flat[i + 2..];
        }
    }
    ""
}

/// Whether `name` (a body, or a phrase naming one) is a final authority.
pub fn is_final_authority(name: &str) -> bool {
    FINAL.is_match(&name.to_lowercase())
}

/// The outcome of a text (lower case, white space collapsed) that opens with a routing verb;
/// `None` for any other text.
pub fn unwrap(flat: &str, final_body: bool) -> Option<Outcome> {
    let c = ROUTE.captures(flat)?;
    let dest = &c["dest"];
    let up = FINAL.is_match(dest) && !ADMINISTRATION.is_match(dest);
    if let Some(s) = SOM_HENHOLDE.captures(flat) {
        return Some(position(is_final_authority(&s["subj"])));
    }
    let Some(inner) = c.name("inner") else {
        if MENTION.is_match(dest) {
            return Some(Outcome::Andet);
        }
        // `Tilbagesendes Århus Byråd efter at sagen har været behandlet …. Udvalgets flertal
        // … kunne ikke tiltræde …`: what the body did follows the routing sentence
        let rest = after_first_sentence(dest);
        return Some(match classify(rest, final_body && !up, up && !final_body) {
            o @ (Outcome::Godkendt
            | Outcome::Anbefalet
            | Outcome::IkkeGodkendt
            | Outcome::GodkendtMedAendringer
            | Outcome::Udgaaet) => o,
            _ => Outcome::Oversendt,
        });
    };
    let inner = inner.as_str();
    let subject = inner.split_whitespace().next().unwrap_or("");
    let final_subject = is_final_authority(subject) || (final_body && !up);
    // an inner clause that decides nothing leaves the referral
    Some(match classify(inner, final_subject, up && !final_subject) {
        Outcome::Andet => Outcome::Oversendt,
        o => o,
    })
}
