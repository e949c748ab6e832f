//! The recognisers of each outcome family, built from `vocab`'s word lists, and the
//! classification of one decisional text (no routing wrapper left) by them: rejection first,
//! then the earliest cue with the precedence rules between weak outcomes, then qualification
//! by an amendment.

use std::sync::OnceLock;

use regex::Regex;
use regex::bytes::{Match, Regex as Folded};

use crate::model::Outcome;
use crate::parse::fold;
use crate::parse::vocab::{self, forms, re};

/// A recogniser in two forms, each compiled on first use: for text (`Deref` to a `Regex`), and
/// for the same text folded (`fold`), which `classify` runs on.
pub struct Cue {
    build: fn() -> String,
    text: OnceLock<Regex>,
    folded: OnceLock<Folded>,
}

impl Cue {
    const fn new(build: fn() -> String) -> Cue {
        Cue {
            build,
            text: OnceLock::new(),
            folded: OnceLock::new(),
        }
    }

    fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| fold::re(&(self.build)()))
    }
}

impl std::ops::Deref for Cue {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        self.text.get_or_init(|| re(&(self.build)()))
    }
}

/// `\b(?:forms)\b`.
fn words(list: &[&str]) -> String {
    format!(r"\b(?:{})\b", forms(list))
}

pub static ADOPT: Cue = Cue::new(|| words(vocab::ADOPT_FORMS));
pub static RECOMMEND: Cue = Cue::new(|| {
    format!(
        r"{}|\bindstiller\s+(?:til|over\s*for)\s+\S*(?:{})\b",
        words(vocab::RECOMMEND_FORMS),
        forms(vocab::BODY_ENDINGS)
    )
});
/// A statement of position: modal + endorsement infinitive (`kan enstemmigt tiltræde`).
pub static ENDORSE: Cue = Cue::new(|| {
    format!(
        r"\b(?:{})\s+(?:\w+\s+){{0,3}}?(?:{})\b",
        forms(vocab::MODALS),
        forms(vocab::ENDORSE_INFINITIVES)
    )
});
fn henholde(objects: &[&str]) -> String {
    format!(
        r"\b(?:{})\s+sig\s+(?:\S+\s+){{0,8}}?til\s+(?:\S+\s+){{0,6}}?(?:{})",
        forms(vocab::HENHOLDE_FORMS),
        forms(objects)
    )
}
/// `henholdt sig til erklæringen`: standing by a position.
pub static HENHOLDE_POSITION: Cue = Cue::new(|| henholde(vocab::POSITION_OBJECTS));
/// `henholdt sig til en skriftlig redegørelse`: noting an account.
pub static HENHOLDE_ACCOUNT: Cue = Cue::new(|| henholde(vocab::ACCOUNT_OBJECTS));

pub static REJECT: Cue = Cue::new(|| {
    let adopt = forms(vocab::ADOPT_FORMS);
    let recommend = forms(vocab::RECOMMEND_FORMS);
    let neg = forms(vocab::NEGATORS);
    format!(
        r"\b(?:{decide})\s+(?:[^\s\d]+\s+){{0,2}}?ikke\s+at\s+\w+|\b(?:{neg})\s+(?:{adopt}|{recommend})\b|\b(?:{adopt}|{recommend})\s+ikke\b|\b(?:{modal})\s+(?:\w+\s+){{0,2}}?ikke\s+(?:\w+\s+){{0,2}}?(?:{refuse}|{endorse}|{adopt}|{recommend})\b|{reject}|\b(?:{give})\s+(?:\S+\s+){{0,3}}?(?:{refusal})\b|\b(?:{uphold})\s+(?:\S+\s+){{0,4}}?(?:{refusal}|{ruling})\b",
        modal = forms(vocab::MODALS),
        refuse = forms(vocab::REFUSE_INFINITIVES),
        endorse = forms(vocab::ENDORSE_INFINITIVES),
        decide = forms(vocab::DECIDE_FORMS),
        reject = words(vocab::REJECT_FORMS),
        give = forms(vocab::REFUSAL_VERBS),
        refusal = forms(vocab::REFUSAL_NOUNS),
        uphold = forms(vocab::UPHOLD_FORMS),
        ruling = forms(vocab::RULING_NOUNS),
    )
});

pub static WITHDRAWN: Cue = Cue::new(|| {
    format!(
        r"\b(?:{obj})\s*(?:nr\.\s*)?[0-9]*\s+(?:[^\s.,]+\s+){{0,3}}?(?:{pred})\b|\b(?:{obj})\s+(?:[^\s.,]+\s+){{0,40}}?(?:{lapse})\b|^\s*udgår\b|\b(?:{phrases})\b",
        obj = forms(vocab::WITHDRAWABLE),
        pred = forms(vocab::WITHDRAW_PREDICATES),
        lapse = forms(vocab::LAPSE_PREDICATES),
        phrases = forms(vocab::WITHDRAW_PHRASES)
    )
});

pub static POSTPONED: Cue = Cue::new(|| {
    format!(
        r"{}|\b\w*mødet?\s+(?:blev\s+)?(?:{})\b|\bbehandles\s+på\s+(?:et\s+)?(?:senere|næste|kommende)\b|\btages\s+stilling\s+til\s+[^.]{{0,80}}?\befter\b",
        words(vocab::POSTPONE_FORMS),
        forms(vocab::CANCELLED)
    )
});

pub static REFERRED: Cue = Cue::new(|| {
    format!(
        r"{}|\b(?:{})\s+(?:sagen\s+|forslaget\s+|den\s+)?(?:{})\b|\b(?:{})\s+(?:sagen\s+|forslaget\s+)?til\s+(?:fornyet\s+)?(?:behandling|realitetsbehandling)\b|(?:^|[0-9]\.\s*)(?:undlader|undlod)\b|\b(?:{objects})\s+(?:blev\s+)?(?:{henvis})\s+til\s+(?:\S+\s+){{0,4}}?\S*(?:{bodies})\b|\b(?:{henvis})\s+(?:{objects})\s+til\s+(?:\S+\s+){{0,4}}?\S*(?:{bodies})\b",
        words(vocab::REFER_FORMS),
        forms(vocab::SEND_FORMS),
        forms(vocab::SEND_DIRECTIONS),
        forms(vocab::HENVISE_FORMS),
        objects = forms(vocab::REFERRAL_OBJECTS),
        henvis = forms(vocab::HENVISE_FORMS),
        bodies = forms(vocab::BODY_ENDINGS),
    )
});

pub static DISCUSSED: Cue = Cue::new(|| words(vocab::DISCUSS_FORMS));
pub static NOTED: Cue = Cue::new(|| words(vocab::NOTE_FORMS));

pub static AMEND: Cue = Cue::new(|| {
    format!(
        r"\bmed\s+(?:(?:{det})\s+)?(?:(?:{adj})\s+)?(?:{nouns})\b|\b(?:{phrases})|\bidet\s+(?:\w+\s+){{0,2}}?(?:dog\s+)?forudsætte[rs]?\b|\b(?:godkendt|godkendes|anbefales|anbefalet|tiltrådt|tiltrædes)\s*,?\s+idet\s+(?:a\)|[0-9]|området|sagen|pkt|punkt|der\s|det\s|beløbet|rammen|budgettet)|\bsom\s+(?:nyt\s+)?(?:punkt|pkt\.?)\s*[0-9]+|[-–,]\s*dog\b|\b(?:{modal})\s+(?:\w+\s+){{0,3}}?(?:{endorse})\s+(?:(?:{det})\s+)?(?:(?:{adj})\s+)?ændring|\bændringsforslag\w*\s+(?:\w+\s+){{0,3}}?(?:{adopt})\b|\b(?:{adopt})\s+(?:\S+\s+){{0,4}}?ændringsforslag|\bmed\s+ændringsforslag|\b(?:{adopt})\s+(?:\S+\s+){{0,3}}?således,?\s+at\b",
        adopt = forms(vocab::ADOPT_FORMS),
        modal = forms(vocab::MODALS),
        endorse = forms(vocab::ENDORSE_INFINITIVES),
        det = forms(vocab::AMEND_DETERMINERS),
        adj = forms(vocab::AMEND_ADJECTIVES),
        nouns = forms(vocab::AMEND_NOUNS),
        phrases = forms(vocab::AMEND_PHRASES),
    )
});

static VERDICT: Cue = Cue::new(|| words(vocab::VERDICT_FORMS));
/// `, at` right after a verb: the verb introduces the clause that says what happens.
static GOVERNS: Cue = Cue::new(|| r"^\s*,?\s*(?:at|af)\s".to_string());
/// Verbs that say a decision was taken without saying which.
static WEAK_APPROVE: Cue = Cue::new(|| words(vocab::DECIDE_FORMS));

static LATER: Cue = Cue::new(|| format!(r"^\s*(?:{})\b", forms(vocab::LATER_MARKERS)));
/// `Et flertal … finder, at …`: a stated position, when nothing else decides.
static OPINION: Cue = Cue::new(|| format!(r"\b(?:{})\s*,?\s+at\b", forms(vocab::OPINION_FORMS)));

/// A numbered clause whose verb is a decision (`… 2. Lokaludvalget besluttede, at …`).
static ENUMERATED_DECISION: Cue = Cue::new(|| {
    format!(
        r"(?:^|\.\s+|\n)\s*[0-9]{{1,2}}\.\s+[^.\n]*?\b(?:{})\b",
        forms(vocab::DECIDE_FORMS)
    )
});

/// The word before byte `at` of folded text.
fn word_before(text: &[u8], at: usize) -> &[u8] {
    let head = &text[..at];
    let head = &head[..head.len() - head.iter().rev().take_while(|b| is_space(**b)).count()];
    head.rsplit(|b| !b.is_ascii_alphanumeric())
        .next()
        .unwrap_or(b"")
}

/// Whitespace in folded text (what `\s` matches there).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Whether folded `w` is one of `words`.
fn one_of(w: &[u8], words: &[&str]) -> bool {
    words.iter().any(|x| fold::fold(x) == w)
}

/// A match that is no verb of its family: an attributive participle (`den godkendte plan`), the
/// adjective `udsatte` (`socialt udsatte`), `faldt bort` (a withdrawal, not a lost vote).
fn not_a_verb(text: &[u8], m: &Match) -> bool {
    let w = m.as_bytes();
    let before = word_before(text, m.start());
    let after = &text[m.end()..];
    (w.ends_with(b"e")
        && one_of(before, vocab::ATTRIBUTIVE_DETERMINERS)
        && ADOPT.folded().is_match(w))
        || (w == b"udsatte" && one_of(before, vocab::VULNERABLE_MARKERS))
        || (w == b"faldt" && after[after.iter().take_while(|b| is_space(**b)).count()..].starts_with(b"bort"))
        // `at der ikke udpeges en repræsentant`: what was decided, not a rejection
        || (before == b"der" && vocab::NEGATORS.iter().any(|n| w.starts_with(&fold::fold(n))))
        || (DISCUSSED.folded().is_match(w) && LATER.folded().is_match(after))
}

/// What the body's position is worth: `godkendt` where it is the final authority, else
/// `anbefalet` (it prepares the case for one).
pub fn position(final_body: bool) -> Outcome {
    if final_body {
        Outcome::Godkendt
    } else {
        Outcome::Anbefalet
    }
}

/// The outcome of a decisional text (lower case). `final_body`: the deciding body is the
/// final authority; `upward`: the text was routed up to one, so an adoption is an endorsement.
pub fn classify(lower: &str, final_body: bool, upward: bool) -> Outcome {
    let folded = fold::fold(lower);
    let lower = &folded[..];
    let reject = REJECT
        .folded()
        .find_iter(lower)
        .filter(|m| !not_a_verb(lower, m))
        .collect::<Vec<_>>();
    if !reject.is_empty() {
        let mut rest = lower.to_vec();
        for m in reject.iter().rev() {
            rest.splice(m.range(), [b' ']);
        }
        let adopted = [&ADOPT, &RECOMMEND, &ENDORSE]
            .iter()
            .any(|c| c.folded().is_match(&rest));
        return if adopted {
            Outcome::GodkendtMedAendringer
        } else {
            Outcome::IkkeGodkendt
        };
    }
    let families: [(&Cue, Outcome); 10] = [
        (&WITHDRAWN, Outcome::Udgaaet),
        (&POSTPONED, Outcome::Udsat),
        (&REFERRED, Outcome::Oversendt),
        (&ENDORSE, position(final_body)),
        (&HENHOLDE_POSITION, position(final_body)),
        (&RECOMMEND, Outcome::Anbefalet),
        (&ADOPT, Outcome::Godkendt),
        (&DISCUSSED, Outcome::Droeftet),
        (&HENHOLDE_ACCOUNT, Outcome::TagetTilEfterretning),
        (&NOTED, Outcome::TagetTilEfterretning),
    ];
    let mut cues: Vec<(usize, Outcome)> = Vec::new();
    let mut governing = false;
    for (cue, outcome) in families {
        for m in cue.folded().find_iter(lower) {
            if not_a_verb(lower, &m) {
                continue;
            }
            let introduces_clause = GOVERNS.folded().is_match(&lower[m.end()..]);
            if matches!(outcome, Outcome::Godkendt | Outcome::Anbefalet) && introduces_clause {
                governing = true;
                // `besluttede, at …`, `kan tiltræde, at …`: the clause decides
                if outcome == Outcome::Godkendt || std::ptr::eq(cue, &ENDORSE) {
                    continue;
                }
            }
            let outcome = if outcome == Outcome::Godkendt && upward {
                Outcome::Anbefalet
            } else {
                outcome
            };
            cues.push((m.start(), outcome));
        }
    }
    cues.sort_by_key(|c| c.0);
    // mixed clauses: the decisional one beats orientation and discussion
    let decisional = VERDICT
        .folded()
        .find(lower)
        .and_then(|m| cues.iter().find(|c| c.0 == m.start()))
        .copied();
    if let (Some(&(_, first)), Some(d)) = (cues.first(), decisional)
        && matches!(first, Outcome::TagetTilEfterretning | Outcome::Droeftet)
        && matches!(d.1, Outcome::Godkendt | Outcome::Anbefalet)
    {
        cues.insert(0, d);
    }
    // an enumerated clause in which the body decides (`2. Lokaludvalget besluttede, at …`)
    // beats an orientation or a discussion in another clause
    if let Some(&(_, Outcome::TagetTilEfterretning | Outcome::Droeftet)) = cues.first()
        && ENUMERATED_DECISION.folded().is_match(lower)
    {
        cues.insert(0, (0, position(!upward)));
    }
    // between weak outcomes: postponement beats orientation, discussion beats orientation
    if let Some(&(_, Outcome::TagetTilEfterretning)) = cues.first() {
        for weaker in [Outcome::Udsat, Outcome::Droeftet] {
            if cues.iter().any(|c| c.1 == weaker) {
                cues.insert(0, (0, weaker));
                break;
            }
        }
    }
    let primary = match cues.first() {
        Some(&(_, o)) => o,
        None if governing || WEAK_APPROVE.folded().is_match(lower) => position(!upward),
        None if OPINION.folded().is_match(lower) => position(final_body && !upward),
        None => return Outcome::Andet,
    };
    if matches!(primary, Outcome::Godkendt | Outcome::Anbefalet) && AMEND.folded().is_match(lower) {
        return Outcome::GodkendtMedAendringer;
    }
    primary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_compiles_in_both_forms() {
        // a word added to `vocab` with a letter `fold` does not know fails here, not on a file
        for cue in [
            &ADOPT,
            &RECOMMEND,
            &ENDORSE,
            &HENHOLDE_POSITION,
            &HENHOLDE_ACCOUNT,
            &REJECT,
            &WITHDRAWN,
            &POSTPONED,
            &REFERRED,
            &DISCUSSED,
            &NOTED,
            &AMEND,
            &VERDICT,
            &GOVERNS,
            &WEAK_APPROVE,
            &LATER,
            &OPINION,
            &ENUMERATED_DECISION,
        ] {
            let folded = cue.folded();
            let text: &Regex = cue;
            assert!(!folded.as_str().is_empty() && !text.as_str().is_empty());
        }
        // the same verdict either way on a text with Danish letters
        let lower = "udvalget kan ikke tiltræde forslaget om miljøgodkendelse.";
        let f = fold::fold(lower);
        assert_eq!(REJECT.is_match(lower), REJECT.folded().is_match(&f));
        assert!(REJECT.folded().is_match(&f));
    }
}
