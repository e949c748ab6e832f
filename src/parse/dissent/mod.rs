//! Who did not follow a decision (named members, parties, lists, minority remarks) and the
//! votes a decision states, so that a search can find contested decisions.

use regex::Regex;
use std::sync::LazyLock;

use super::attendance::ATTENDANCE_LINE;
use super::vocab::{self, re};
use crate::model::{Dissent, Votes};

static DISSENT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?P<subject>^.*?)\s*(?:\bkan\s+ikke\s+(?:godkende|anbefale|tiltræde|støtte|gå\s+ind\s+for|tilslutte\s+sig)|\bimod\s+stemte\b|\bkunne\s+ikke\s+(?:godkende|anbefale|tiltræde|støtte|tilslutte\s+sig)|\bstemte\s+imod|\bstemmer\s+imod|\bvoterede\s+imod|\bundlod\s+at\s+stemme|\bundlader\s+at\s+stemme|\bundlod\b|\bundlader\b|\btager\s+forbehold|\btog\s+forbehold|\bønskede\s+(?:sin|deres)\s+stemme\s+ført\s+til\s+protokol|\bønsker\s+(?:sin|deres)\s+(?:stemme|mindretalsudtalelse)\s+ført\s+til\s+protokol|\bønskede\s+(?:følgende\s+)?(?:mindretalsudtalelse|protokoltilførsel)|\bafgav\s+(?:en\s+)?mindretalsudtalelse|\bprotokolbemærkning|\bprotokoltilførsel|\bbemærkede\s+dog|\bvar\s+imod|\ber\s+imod|\bgik\s+imod)",
    )
});
/// A line in which a party records its own remark or vote: `(F) med bemærkning om, at …`.
static PARTY_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\([A-ZÆØÅ]{1,3}(?:\s*[+,]\s*[A-ZÆØÅ]{1,3})*\)\s+(?:med\s+(?:en\s+)?bemærkning|bemærker|bemærkede|ønsker|ønskede|stemmer|stemte|undlod|undlader|tager\s+forbehold|tog\s+forbehold|kan\s+ikke)",
    )
});
static IMOD_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:imod|undlod|undlader|hverken\s+for\s+eller\s+imod)\s*:\s*(?P<who>[^\n.;]{1,80})")
});
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\((?P<p>[A-ZÆØÅ]{1,2}(?:\s*[+,]\s*[A-ZÆØÅ]{1,2})*(?:\s+og\s+[A-ZÆØÅ]{1,2})?)\)")
});
static CLAUSE_REF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"(?i)\b([0-9]{1,2})\.\s*(?:og\s+[0-9]{1,2}\.\s*)?[\x22“”'‘’]?\s*at\b|\bat-punkt\s+([0-9]{1,2})|\bpunkt\s+([0-9]{1,2})\b"#,
    )
});
static LIST_PARTY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:liste\s+|partiet\s+)?[A-ZÆØÅ](?:\s*(?:,|\+|og)\s*[A-ZÆØÅ])*$"));

/// Members or groups who did not follow the decision.
pub fn dissents(text: &str) -> Vec<Dissent> {
    let mut out: Vec<Dissent> = Vec::new();
    for line in text.lines() {
        if ATTENDANCE_LINE.is_match(line) {
            continue;
        }
        if PARTY_STATEMENT.is_match(line.trim()) {
            out.push(make(line.trim(), None));
            continue;
        }
        for s in sentences(line) {
            let sentence = s.trim();
            if sentence.is_empty() {
                continue;
            }
            if let Some(c) = DISSENT_VERB.captures(sentence)
                && (c[0].to_lowercase().contains("imod stemte")
                    || !is_whole_body(c["subject"].trim()))
            {
                let subject = c["subject"].trim();
                let who = if subject.to_lowercase().ends_with("imod stemte") || subject.is_empty() {
                    None
                } else {
                    who_of(subject)
                };
                let who = who.or_else(|| imod_stemte_who(sentence));
                out.push(make(sentence, who));
            } else if let Some(c) = IMOD_LIST.captures(sentence) {
                let who = c["who"].trim();
                if who.chars().any(|ch| ch.is_alphabetic()) && !who.trim_start().starts_with('0') {
                    out.push(make(sentence, Some(who.to_string())));
                }
            }
        }
    }
    out
}

/// Dissents, and when none is named but the votes show members against or abstaining, one
/// dissent for the vote itself.
pub fn dissents_and_votes(text: &str) -> (Vec<Dissent>, Option<Votes>) {
    let mut d = dissents(text);
    let v = votes(text);
    if d.is_empty()
        && let Some(v) = &v
        && (v.against.unwrap_or(0) > 0 || v.abstain.unwrap_or(0) > 0)
    {
        let sentence = text
            .lines()
            .flat_map(sentences)
            .find(|s| {
                VOTES_FOR_AGAINST.is_match(s)
                    || VOTES_LABELLED.is_match(s)
                    || VOTES_STEMTE.is_match(s)
            })
            .unwrap_or(text);
        d.push(make(sentence.trim(), None));
    }
    (d, v)
}

/// `Imod stemte (Ø) og (F)` → `(Ø) og (F)`.
fn imod_stemte_who(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    let at = lower.find("imod stemte")?;
    let rest = sentence[at + "imod stemte".len()..].trim_start_matches([':', ' ']);
    let who: String = rest
        .split(" med ")
        .next()?
        .trim()
        .trim_end_matches('.')
        .to_string();
    (!who.is_empty()).then_some(who)
}

/// Splits a line into sentences at `.`, `!` or `?` followed by a capital letter, but not after
/// an initial (`Lasse P. N. Olsen`) or a common abbreviation (`jf.`, `bl.a.`, `mio.`).
pub fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next_is_capital = chars.get(k + 1).is_some_and(|&(_, n)| n == ' ')
            && chars.get(k + 2).is_some_and(|&(_, n)| n.is_uppercase());
        if !next_is_capital {
            continue;
        }
        let word = line[start..i].rsplit(' ').next().unwrap_or("");
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if c == '.' && (initial || vocab::ABBREVIATIONS.contains(&word.to_lowercase().as_str())) {
            continue;
        }
        out.push(&line[start..=i]);
        start = i + 1;
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// "Udvalget kan ikke godkende" is the body's decision, not a minority.
fn is_whole_body(subject: &str) -> bool {
    let s = subject.trim().to_lowercase();
    let s = s
        .trim_start_matches("beslutning:")
        .trim()
        .trim_end_matches(',');
    let pronoun = |w: &str| vocab::BODY_PRONOUNS.contains(&w);
    let opens_with_body = s
        .split_whitespace()
        .next()
        .is_some_and(|w| vocab::is_body_name(w) || pronoun(w));
    s.is_empty()
        || !s.chars().any(char::is_alphabetic)
        || (opens_with_body && !s.contains('(') && !s.contains(", idet") && !s.contains(", men"))
        || pronoun(s)
        || vocab::NON_MEMBER_SUBJECTS.contains(&s)
        || (vocab::is_body_name(s)
            && !s.contains('(')
            && s.split_whitespace().count() <= 4
            && !s.contains(" og "))
}

fn who_of(subject: &str) -> Option<String> {
    // drop leading words that open the sentence ("Godkendt, idet", "Dog")
    let s = subject.trim().trim_end_matches(',').trim();
    let s = s.rsplit([',', ';', ':']).next().unwrap_or(s).trim();
    let s = s
        .strip_prefix("men ")
        .or_else(|| s.strip_prefix("Men "))
        .unwrap_or(s);
    let s = s.strip_prefix("idet ").unwrap_or(s).trim();
    (!s.is_empty() && s.split_whitespace().count() <= 12).then(|| s.to_string())
}

fn make(sentence: &str, who: Option<String>) -> Dissent {
    let party = PARTY
        .captures(sentence)
        .map(|c| {
            c["p"]
                .split_whitespace()
                .collect::<String>()
                .replace(',', "+")
                .replace("og", "+")
        })
        .or_else(|| {
            who.as_deref().filter(|w| LIST_PARTY.is_match(w)).map(|w| {
                w.trim_start_matches("Liste ")
                    .trim_start_matches("liste ")
                    .to_string()
            })
        });
    let clauses = CLAUSE_REF
        .captures_iter(sentence)
        .filter_map(|c| {
            c.get(1)
                .or(c.get(2))
                .or(c.get(3))
                .and_then(|m| m.as_str().parse().ok())
        })
        .collect();
    let who = who.map(|w| {
        PARTY
            .replace_all(&w, "")
            .trim()
            .trim_end_matches(',')
            .to_string()
    });
    Dissent {
        who: who.filter(|w| !w.is_empty()),
        party,
        text: sentence.to_string(),
        clauses,
    }
}

static VOTES_FOR_AGAINST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bmed\s+(?P<for>[0-9]{1,3})\s+stemmer\s+for\s+og\s+(?P<against>[0-9]{1,3})\s+(?:stemmer\s+)?imod|\bmed\s+stemmerne\s+(?P<for2>[0-9]{1,3})\s+for(?:\s*(?:,|og)\s*(?P<against2>[0-9]{1,3})\s+imod)?(?:\s*(?:,|og)\s*(?P<abst2>[0-9]{1,3})\s+(?:undlod|hverken))?",
    )
});
static VOTES_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bfor\s*:\s*(?P<for>[0-9]{1,3})\b(?:.*?\bimod\s*:\s*(?P<against>[0-9]{1,3})\b)?(?:.*?\b(?:undlod|hverken\s+for\s+eller\s+imod|blank)\s*:\s*(?P<abst>[0-9]{1,3})\b)?",
    )
});
static VOTES_STEMTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?P<for>[0-9]{1,3})\s+stemte\s+for(?:.*?\b(?P<against>[0-9]{1,3})\s+(?:stemte\s+)?imod)?(?:.*?\b(?P<abst>[0-9]{1,3})\s+undlod)?",
    )
});

/// Vote counts the text states (`Med stemmerne 18 for og 2 imod`, `For: 20 … Imod: 6`).
pub fn votes(text: &str) -> Option<Votes> {
    let num = |c: &regex::Captures, names: &[&str]| {
        names
            .iter()
            .find_map(|n| c.name(n))
            .and_then(|m| m.as_str().parse().ok())
    };
    let flat = text.replace('\n', " ");
    if let Some(c) = VOTES_FOR_AGAINST.captures(&flat) {
        return Some(Votes {
            for_: num(&c, &["for", "for2"]),
            against: num(&c, &["against", "against2"]),
            abstain: num(&c, &["abst2"]),
        });
    }
    for r in [&*VOTES_LABELLED, &*VOTES_STEMTE] {
        if let Some(c) = r.captures(&flat) {
            return Some(Votes {
                for_: num(&c, &["for"]),
                against: num(&c, &["against"]),
                abstain: num(&c, &["abst"]),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_remarks_on_their_own_lines_are_dissent() {
        let t = "Med stemmerne 17 for og 2 imod godkendte Byrådet indstillingen.\nFor stemte: (A) og (V).\nImod stemte:\n(F) med bemærkning om, at opgaven er for snæver.";
        let d = dissents(t);
        assert!(d.iter().any(|d| d.party.as_deref() == Some("F")), "{d:?}");
        assert!(dissents("Udvalget mener, at placeringen er forkert og er imod dette.").is_empty());
    }

    #[test]
    fn votes_against_are_dissent() {
        let t = "Med stemmerne 15 for og 3 imod godkendte Byrådet indstillingen. For stemte (A) og (V). Imod stemte (Ø) med bemærkning om økonomien.";
        let (d, v) = dissents_and_votes(t);
        assert_eq!(v.unwrap().against, Some(3));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].party.as_deref(), Some("Ø"));
        let (d, _) =
            dissents_and_votes("Med stemmerne 20 for og 1 imod godkendte Byrådet indstillingen.");
        assert_eq!(
            d.len(),
            1,
            "a counted vote against is a dissent even when nobody is named"
        );
        let (d, _) = dissents_and_votes("Anbefales. Undlod: Ø");
        assert_eq!(d[0].who.as_deref(), Some("Ø"));
    }

    #[test]
    fn member_refusal_is_dissent_not_rejection() {
        let t = "Godkendt. Lasse P. N. Olsen kan ikke godkende 2. \"at\", idet spareforslag for 133 mio. kr. ikke kan undgå at medføre serviceforringelser.";
        let d = dissents(t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].who.as_deref(), Some("Lasse P. N. Olsen"));
        assert_eq!(d[0].clauses, vec![2]);
    }

    #[test]
    fn dissent_forms() {
        assert_eq!(
            dissents("Anbefales. Liste B stemte imod.")[0]
                .who
                .as_deref(),
            Some("Liste B")
        );
        let d = dissents("Godkendt. Jesper Mathiesen (A) ønskede sin stemme ført til protokols.");
        assert_eq!(d[0].party.as_deref(), Some("A"));
        assert_eq!(d[0].who.as_deref(), Some("Jesper Mathiesen"));
        assert_eq!(dissents("For: 20 (A, V) Imod: Ø").len(), 1);
        assert!(dissents("Udvalget kan ikke godkende indstillingen.").is_empty());
        assert!(dissents("Godkendt.\nAfbud: Anne Hansen").is_empty());
    }

    #[test]
    fn vote_counts() {
        let v = votes("Med stemmerne 18 for og 2 imod godkendte Byrådet indstillingen.").unwrap();
        assert_eq!((v.for_, v.against), (Some(18), Some(2)));
        let v = votes("For: 20 (A, V, C)\nImod: 6 (Ø, F)").unwrap();
        assert_eq!((v.for_, v.against), (Some(20), Some(6)));
        assert!(votes("Godkendt.").is_none());
    }
}
