//! Who did not follow a decision (named members, parties, lists, minority remarks) and the
//! votes a decision states, so that a search can find contested decisions.

use regex::Regex;
use std::sync::LazyLock;

use super::attendance::ATTENDANCE_LINE;
use super::vocab::{self, re};
use crate::model::{Dissent, Votes};

static DISSENT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?P<subject>^.*?)\s*(?:\b(?:{modal})\s+(?:\w+\s+){{0,2}}?ikke\s+(?:\w+\s+){{0,1}}?(?:{refuse})\b|\b(?:{phrases})\b)",
        modal = vocab::forms(vocab::MODALS),
        refuse = vocab::forms(vocab::REFUSE_INFINITIVES),
        phrases = vocab::forms(vocab::DISSENT_PHRASES),
    ))
});
/// A minority named as such (`Et mindretal, bestående af …`): a dissent whatever its verb.
static MINORITY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^(?:{})\b",
        vocab::forms(vocab::MINORITY_SUBJECTS)
    ))
});
/// A majority that names its members (`Et flertal i udvalget, bestående af …`): someone
/// stood outside it.
static MAJORITY_OF_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:{})\b[^.]{{0,60}}\bbestående\s+af\b",
        vocab::forms(vocab::MAJORITY_SUBJECTS)
    ))
});
/// `X fandt ikke, at …`: a member's contrary opinion (a dissent once a majority has spoken).
static CONTRARY_OPINION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<subject>^[A-ZÆØÅ][^,.]*?)\s+(?:{})\s+ikke\b",
        vocab::forms(vocab::OPINION_VERBS)
    ))
});
/// `Alle tilstedeværende med undtagelse af X stemte for`: X did not.
static ALL_BUT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\balle\b[^.]{0,40}?\bmed\s+undtagelse\s+af\s+(?P<who>[^.]{1,80}?)\s+stemte\s+for\b")
});
/// A protocol remark; it is a dissent when content follows it.
static PROTOCOL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?P<subject>^.*?)\s*\b(?:afgav\s+(?:en\s+|følgende\s+)?)?(?:{})\b",
        vocab::forms(vocab::PROTOCOL_NOUNS)
    ))
});
/// A line in which a party records its own remark or vote: `(F) med bemærkning om, at …`.
static PARTY_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\([A-ZÆØÅ]{1,3}(?:\s*[+,]\s*[A-ZÆØÅ]{1,3})*\)\s+(?:med\s+(?:en\s+)?bemærkning|bemærker|bemærkede|ønsker|ønskede|stemmer|stemte|undlod|udlod|undlader|tager\s+forbehold|tog\s+forbehold|kan\s+ikke)",
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
    let text = vocab::mend_hyphens(text);
    let majority = MAJORITY_OF_NAMED.is_match(&text);
    let mut out: Vec<Dissent> = Vec::new();
    let mut offset = 0;
    for line in text.lines() {
        let line_start = offset;
        offset += line.len() + 1;
        if ATTENDANCE_LINE.is_match(line) {
            continue;
        }
        if PARTY_STATEMENT.is_match(line.trim()) {
            out.push(make(line.trim(), None));
            continue;
        }
        for s in sentences(line) {
            let sentence = s.trim();
            if sentence.is_empty() || says_nobody(sentence) {
                continue;
            }
            let after = line_start + (s.as_ptr() as usize - line.as_ptr() as usize) + s.len();
            // a sentence is spared the patterns whose words it lacks (the patterns are long
            // and Unicode-aware, and most sentences of a decision name none of them)
            let lower = sentence.to_lowercase().replace('ſ', "s");
            let refusing = lower.contains("ikke") || names_any(&lower, vocab::DISSENT_PHRASES);
            if MINORITY.is_match(sentence) {
                out.push(make(sentence, minority_members(sentence)));
            } else if let Some(c) = ALL_BUT.captures(sentence) {
                out.push(make(sentence, Some(c["who"].trim().to_string())));
            } else if refusing
                && let Some(c) = DISSENT_VERB.captures(sentence)
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
            } else if names_any(&lower, vocab::PROTOCOL_NOUNS)
                && let Some(c) = PROTOCOL.captures(sentence)
                && !is_whole_body(c["subject"].trim())
                && has_content(&sentence[c[0].len()..], &text[after.min(text.len())..])
            {
                out.push(make(sentence, who_of(c["subject"].trim())));
            } else if majority
                && let Some(c) = CONTRARY_OPINION.captures(sentence)
                && !is_whole_body(c["subject"].trim())
            {
                out.push(make(sentence, who_of(c["subject"].trim())));
            } else if sentence.contains(':')
                && let Some(c) = IMOD_LIST.captures(sentence)
            {
                let who = c["who"].trim();
                if who.chars().any(|ch| ch.is_alphabetic()) && !who.trim_start().starts_with('0') {
                    out.push(make(sentence, Some(who.to_string())));
                }
            }
        }
    }
    out
}

/// Whether lower-cased `text` holds the first word of one of `phrases` (a `*` ending is any
/// ending): what a pattern built from them needs before it can match.
fn names_any(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        let first = p.split(' ').next().unwrap_or(p).trim_end_matches('*');
        text.contains(first)
    })
}

/// `Ingen medlemmer undlod at stemme`, `0 undlod`: a line about nobody.
fn says_nobody(sentence: &str) -> bool {
    let first = sentence
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    vocab::NOBODY.contains(&first.as_str())
}

/// The members a minority names (`Et mindretal, bestående af Dorthe Laustsen og Lone
/// Andersen, …`).
fn minority_members(sentence: &str) -> Option<String> {
    let (_, at) = find_lower(sentence, "bestående af ")?;
    let rest = &sentence[at..];
    let end = rest.find([',', '.', ')']).unwrap_or(rest.len());
    Some(rest[..end].trim().to_string()).filter(|w| !w.is_empty())
}

/// Whether a protocol remark has content: text after its colon, or after it in the decision
/// (not an attendance line).
fn has_content(tail: &str, rest: &str) -> bool {
    let tail = tail.trim_start_matches([':', ' ', '.']);
    tail.chars().any(char::is_alphabetic)
        || rest
            .lines()
            .any(|l| !ATTENDANCE_LINE.is_match(l) && l.chars().any(char::is_alphabetic))
}

/// Dissents, and when none is named but the votes show members against or abstaining, one
/// dissent for the vote itself.
pub fn dissents_and_votes(text: &str) -> (Vec<Dissent>, Option<Votes>) {
    with_votes(text, dissents(text))
}

/// `dissents_and_votes` with the text's dissents found already (`dissents(text)`).
pub fn with_votes(text: &str, mut d: Vec<Dissent>) -> (Vec<Dissent>, Option<Votes>) {
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
                    || VOTES_MOD.is_match(s)
                    || VOTES_HERFOR.is_match(s)
                    || VOTES_MEMBERS.is_match(s)
                    || VOTES_LABELLED.is_match(s)
                    || VOTES_STEMTE.is_match(s)
            })
            .unwrap_or(text);
        d.push(make(sentence.trim(), None));
    }
    (d, v)
}

/// Where `needle` (lower case) first occurs in `text`, case aside: the start and end as byte
/// offsets into `text` itself. (An offset into a lower-cased copy is none into the text: lower
/// case can be longer or shorter, `Ⱥ` → `ⱥ`.)
fn find_lower(text: &str, needle: &str) -> Option<(usize, usize)> {
    text.char_indices().find_map(|(start, _)| {
        let mut want = needle.chars();
        for (j, c) in text[start..].char_indices() {
            if c.to_lowercase().any(|l| want.next() != Some(l)) {
                return None;
            }
            if want.as_str().is_empty() {
                return Some((start, start + j + c.len_utf8()));
            }
        }
        None
    })
}

/// `Imod stemte (Ø) og (F)` → `(Ø) og (F)`.
fn imod_stemte_who(sentence: &str) -> Option<String> {
    let (_, end) = find_lower(sentence, "imod stemte")?;
    let rest = sentence[end..].trim_start_matches([':', ' ']);
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
    // a party's group inside the body (`Socialistisk Folkepartis byrådsgruppe`) is a minority
    if s.split(|c: char| !c.is_alphanumeric())
        .any(|w| vocab::PARTY_GROUP_NOUNS.contains(&w))
    {
        return false;
    }
    // a majority speaks for the body (`Udvalgets flertal, bestående af …`)
    if vocab::MAJORITY_SUBJECTS
        .iter()
        .any(|m| s.starts_with(m) || s.contains(&format!("{m},")))
    {
        return true;
    }
    let pronoun = |w: &str| vocab::BODY_PRONOUNS.contains(&w);
    // `Man …` is the body; `Det Konservative Folkeparti` is not
    let opens_with_body = s.split_whitespace().next().is_some_and(|w| {
        vocab::is_body_name(w) || (pronoun(w) && s.split_whitespace().count() == 1)
    });
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
        r"(?i)\bfor\s*:\s*(?P<for>[0-9]{1,3})\b(?:.*?\bimod\s*:\s*(?P<against>[0-9]{1,3})\b)?(?:.*?\b(?:undlod(?:\s+at\s+stemme)?|hverken\s+for\s+eller\s+imod|blank)\s*:\s*(?P<abst>[0-9]{1,3})\b)?",
    )
});
/// `Herfor stemte 14 mens 12 stemte for at bevare …`: those for another course are against.
static VOTES_HERFOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bherfor\s+stemte\s+(?P<for>[0-9]{1,3})\b(?:[^.]*?\b(?P<against>[0-9]{1,3})\s+stemte\s+(?:imod|for)\b)?(?:[^.]*?\b(?P<abst>[0-9]{1,3})\s+(?:undlod|hverken))?",
    )
});
/// `med 14 stemmer mod 6 (mens 1 hverken stemte for eller imod)`: the first count is the
/// side of the verb before it.
static VOTES_MOD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bmed\s+(?P<a>[0-9]{1,3})\s+stemmer\s+mod\s+(?P<b>[0-9]{1,3})\b(?:[^.]*?\b(?P<abst>[0-9]{1,3})\s+(?:hverken\s+stemte\s+for\s+eller\s+imod|undlod))?",
    )
});
/// `For stemte 8 medlemmer: … Imod stemte 3 medlemmer: … Ingen medlemmer undlod at stemme.`
static VOTES_MEMBERS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bfor\s+stemte\s+(?P<for>[0-9]{1,3})\s+medlem\w*(?:.*?\bimod\s+stemte\s+(?P<against>[0-9]{1,3})\s+medlem\w*)?(?:.*?\b(?:(?P<abst>[0-9]{1,3})|(?P<none>ingen))\s+(?:medlem\w*\s+)?undlod)?",
    )
});
/// A verb of rejection: the first count of `med N stemmer mod M` after it is against.
static REJECTED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:{})\b",
        vocab::forms(vocab::REJECT_FORMS)
    ))
});
static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:{})\b",
        vocab::forms(vocab::ADOPT_FORMS)
    ))
});
static VOTES_STEMTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?P<for>[0-9]{1,3})\s+stemte\s+for(?:.*?\b(?P<against>[0-9]{1,3})\s+(?:stemte\s+)?imod)?(?:.*?\b(?P<abst>[0-9]{1,3})\s+undlod)?",
    )
});

/// Whether the last decision verb before byte `at` of `flat`, in its sentence, rejects.
fn rejected_before(flat: &str, at: usize) -> bool {
    let start = sentences(&flat[..at])
        .last()
        .map_or(0, |s| s.as_ptr() as usize - flat.as_ptr() as usize);
    let prefix = &flat[start..at];
    let last = |r: &Regex| r.find_iter(prefix).map(|m| m.start()).last();
    match (last(&REJECTED), last(&ADOPTED)) {
        (Some(r), Some(a)) => r > a,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Vote counts the text states (`Med stemmerne 18 for og 2 imod`, `For: 20 … Imod: 6`,
/// `forkastet med 14 stemmer mod 6`, `Herfor stemte 14 mens 12 …`).
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
    if let Some(c) = VOTES_MOD.captures(&flat) {
        let (a, b) = (num(&c, &["a"]), num(&c, &["b"]));
        let reject = rejected_before(&flat, c.get(0).map_or(0, |m| m.start()));
        return Some(Votes {
            for_: if reject { b } else { a },
            against: if reject { a } else { b },
            abstain: num(&c, &["abst"]),
        });
    }
    if let Some(c) = VOTES_MEMBERS.captures(&flat) {
        return Some(Votes {
            for_: num(&c, &["for"]),
            against: num(&c, &["against"]),
            abstain: num(&c, &["abst"]).or(c.name("none").map(|_| 0)),
        });
    }
    for r in [&*VOTES_HERFOR, &*VOTES_LABELLED, &*VOTES_STEMTE] {
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
mod tests;
