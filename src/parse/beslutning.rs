//! Reading a decision: its normalised outcome from the closed set of DOMAIN.md, who dissented,
//! the votes, and attendance notes that minutes print inside decisions.

use regex::Regex;
use std::sync::LazyLock;

use crate::model::{Attendance, Dissent, Outcome, Votes};

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap()
}

// Phrase families, lower-case text. Kept together so a new wording is one alternative here.
static APPROVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:godkendt|godkendes|godkendte|godkender|godkendelse\s+af\s+indstillingen|tiltrådt|tiltrædes|tiltrådte|tiltræder|vedtaget|vedtages|vedtog|vedtager|bevilget|bevilges|valgt|valgte|udpeget|udpegede|besluttede|beslutter|enig[e]?\s+i\s+indstillingen|følger\s+indstillingen|fulgte\s+indstillingen|indstillingen\s+følges)\b",
    )
});
static RECOMMEND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:anbefales|anbefalet|anbefaler|anbefalede|anbefale|indstilles\s+(?:godkendt|til\s+godkendelse|vedtaget)|indstiller\s+til\s+(?:byrådet|kommunalbestyrelsen|økonomiudvalget))\b",
    )
});
static AMEND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:med\s+(?:den|de|følgende|en|enkelte|disse|flg\.?)?\s*(?:ændring|ændringer|tilføjelse|tilføjelser|bemærkning|bemærkninger|præcisering|præciseringer|justering|justeringer|undtagelse|rettelse|rettelser|korrektion|korrektioner|tilretning|tilretninger)|idet\s+dog|dog\s+(?:med|således)|under\s+forudsætning\s+af|på\s+betingelse\s+af|med\s+bemærkning|med\s+flg\.|ændret\s+til|ændres\s+til|i\s+stedet\s+for)",
    )
});
static NOTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:taget\s+til\s+efterretning|tages\s+til\s+efterretning|tog\s+.{0,60}?til\s+efterretning|til\s+orientering|orienteringen\s+(?:blev\s+)?(?:taget|tages)|orienterede|orienteringen\s+blev|blev\s+orienteret|\borienteret\b|til\s+efterretning)",
    )
});
static DISCUSSED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:drøftet|drøftede|drøftes|drøftelse(?:n)?\s+(?:blev|er)|drøftelsen)\b")
});
static POSTPONED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:udsat|udsættes|udsatte|udskudt|udskydes|forelægges\s+igen|genfremsættes|genfremsat|genoptages|genfremlægge[s]?|fremlægges\s+igen|behandles\s+(?:igen|på\s+(?:et\s+)?(?:senere|næste|kommende))|afventer)\b",
    )
});
static REFERRED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:oversendes|oversendt|oversendte|fremsendes|fremsendt|tilbagesendes|tilbagesendt|sendes\s+(?:tilbage|retur)|sendt\s+(?:tilbage|retur)|sendte\s+sagen|sender\s+sagen|henvises\s+til|henviste|videresendes|til\s+realitetsbehandling|undlader\s+at\s+tage\s+stilling|undlod\s+at\s+tage\s+stilling|^undlader\b|^undlod\b)",
    )
});
static WITHDRAWN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\budgår\b|\budgik\b|\bude\s*gået\b|taget\s+af\s+(?:dagsordenen)?|trukket\s+tilbage|trak\s+sagen|blev\s+taget\s+af\b|annulleret|bortfalder|bortfaldet)",
    )
});
static REJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\bikke\s+godkendt|\bkan\s+ikke\s+(?:godkende|anbefale|tiltræde)\b|\bkan\s+ikke\s+godkendes|\bgodkendes\s+ikke|\bgodkendte\s+ikke|\bforkastet|\bforkastes|\bafvist|\bafvises|\bafviste|\bikke\s+(?:tiltrådt|vedtaget|anbefalet)|\banbefales\s+ikke|\bkan\s+ikke\s+anbefales|\bkan\s+ikke\s+følge\s+indstillingen|\bfølger\s+ikke\s+indstillingen|\bfaldt\b|\bblev\s+ikke\s+(?:godkendt|vedtaget))",
    )
});

/// The outcome of a decision text; `None` for an empty text.
pub fn outcome(text: &str) -> Option<Outcome> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let lower = strip_attendance_lines(&t.to_lowercase());
    if lower.trim().is_empty() {
        return Some(Outcome::Andet);
    }
    // what members recorded against the decision is not the decision
    let mut lower = lower;
    for d in dissents(t) {
        lower = lower.replace(&d.text.to_lowercase(), " ");
    }
    if lower.trim().is_empty() {
        return Some(Outcome::Andet);
    }
    let first = |r: &Regex| r.find(&lower).map(|m| m.start());
    let approve = first(&APPROVE);
    let recommend = first(&RECOMMEND);
    let reject = REJECT.find_iter(&lower).count() > 0;
    let positive = approve.is_some() || recommend.is_some();
    if reject {
        return Some(if positive && !is_rejection_of_all(&lower) {
            Outcome::GodkendtMedAendringer
        } else {
            Outcome::IkkeGodkendt
        });
    }
    if !positive {
        if WITHDRAWN.is_match(&lower) {
            return Some(Outcome::Udgaaet);
        }
        if let Some(p) = POSTPONED.find(&lower) {
            // `Punktet blev drøftet. Sagen genoptages …`: what was done first is the outcome
            if DISCUSSED
                .find(&lower)
                .is_some_and(|d| d.start() < p.start())
            {
                return Some(Outcome::Droeftet);
            }
            return Some(Outcome::Udsat);
        }
        if REFERRED.is_match(&lower) {
            return Some(Outcome::Oversendt);
        }
    }
    if positive && AMEND.is_match(&lower) {
        return Some(Outcome::GodkendtMedAendringer);
    }
    match (approve, recommend) {
        (Some(a), Some(r)) => {
            return Some(if r < a {
                Outcome::Anbefalet
            } else {
                Outcome::Godkendt
            });
        }
        (Some(_), None) => return Some(Outcome::Godkendt),
        (None, Some(_)) => return Some(Outcome::Anbefalet),
        _ => {}
    }
    if DISCUSSED.is_match(&lower) {
        return Some(Outcome::Droeftet);
    }
    if NOTED.is_match(&lower) {
        return Some(Outcome::TagetTilEfterretning);
    }
    if POSTPONED.is_match(&lower) {
        return Some(Outcome::Udsat);
    }
    Some(Outcome::Andet)
}

/// Rejected as a whole unless something was approved before the rejection was stated.
fn is_rejection_of_all(lower: &str) -> bool {
    let Some(r) = REJECT.find(lower) else {
        return false;
    };
    let before = &lower[..r.start()];
    !APPROVE.is_match(before) && !RECOMMEND.is_match(before)
}

static ATTENDANCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)^\s*(?P<kind>afbud|fraværende(?:\s+med\s+afbud)?|ikke\s+til\s+stede|fravær|til\s+stede|deltog\s+ikke)\s*[:.]?\s*(?P<rest>.*)$",
    )
});
static SCOPED_ABSENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)[^.]*\b(?:deltog\s+ikke\s+i\s+(?:behandlingen|sagens\s+behandling|mødet)|erklærede\s+sig\s+inhabil|var\s+inhabil|forlod\s+mødet)[^.]*\.?",
    )
});

fn strip_attendance_lines(lower: &str) -> String {
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
            out.push(Attendance {
                kind: kind.to_string(),
                text: line.trim().to_string(),
            });
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
        out.push(Attendance {
            kind: kind.to_string(),
            text: s,
        });
    }
    out
}

static DISSENT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?P<subject>^.*?)\s*(?:\bkan\s+ikke\s+(?:godkende|anbefale|tiltræde|støtte|gå\s+ind\s+for|tilslutte\s+sig)|\bkunne\s+ikke\s+(?:godkende|anbefale|tiltræde|støtte|tilslutte\s+sig)|\bstemte\s+imod|\bstemmer\s+imod|\bvoterede\s+imod|\bundlod\s+at\s+stemme|\bundlader\s+at\s+stemme|\bundlod\b|\bundlader\b|\btager\s+forbehold|\btog\s+forbehold|\bønskede\s+(?:sin|deres)\s+stemme\s+ført\s+til\s+protokol|\bønsker\s+(?:sin|deres)\s+(?:stemme|mindretalsudtalelse)\s+ført\s+til\s+protokol|\bønskede\s+(?:følgende\s+)?(?:mindretalsudtalelse|protokoltilførsel)|\bafgav\s+(?:en\s+)?mindretalsudtalelse|\bprotokolbemærkning|\bprotokoltilførsel|\bbemærkede\s+dog|\bvar\s+imod|\ber\s+imod|\bgik\s+imod)",
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
        r#"(?i)\b(\d{1,2})\.\s*(?:og\s+\d{1,2}\.\s*)?[\x22“”'‘’]?\s*at\b|\bat-punkt\s+(\d{1,2})|\bpunkt\s+(\d{1,2})\b"#,
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
        for s in sentences(line) {
            let sentence = s.trim();
            if sentence.is_empty() {
                continue;
            }
            if let Some(c) = DISSENT_VERB.captures(sentence) {
                let subject = c["subject"].trim();
                let whole_body = is_whole_body(subject);
                if whole_body {
                    continue;
                }
                out.push(make(sentence, who_of(subject)));
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

/// Splits a line into sentences at `.`, `!` or `?` followed by a capital letter, but not after
/// an initial (`Lasse P. N. Olsen`) or a common abbreviation (`jf.`, `bl.a.`, `mio.`).
pub fn sentences(line: &str) -> Vec<&str> {
    const ABBREVIATIONS: &[&str] = &[
        "jf", "bl.a", "f.eks", "mio", "mia", "kr", "pkt", "nr", "ca", "evt", "inkl", "ekskl", "mv",
        "m.v", "m.fl", "st", "stk", "vedr", "iht", "jvf", "tlf", "dvs", "pct", "hhv", "kl", "ang",
        "afd", "adm",
    ];
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
        if c == '.' && (initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())) {
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
    s.is_empty()
        || matches!(
            s,
            "udvalget"
                | "byrådet"
                | "økonomiudvalget"
                | "direktionen"
                | "kommunalbestyrelsen"
                | "man"
                | "det"
                | "der"
                | "sagen"
                | "administrationen"
        )
        || (super::vocab::is_body_name(s)
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
        r"(?i)\bmed\s+(?P<for>\d{1,3})\s+stemmer\s+for\s+og\s+(?P<against>\d{1,3})\s+(?:stemmer\s+)?imod|\bmed\s+stemmerne\s+(?P<for2>\d{1,3})\s+for(?:\s*(?:,|og)\s*(?P<against2>\d{1,3})\s+imod)?(?:\s*(?:,|og)\s*(?P<abst2>\d{1,3})\s+(?:undlod|hverken))?",
    )
});
static VOTES_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bfor\s*:\s*(?P<for>\d{1,3})\b(?:.*?\bimod\s*:\s*(?P<against>\d{1,3})\b)?(?:.*?\b(?:undlod|hverken\s+for\s+eller\s+imod|blank)\s*:\s*(?P<abst>\d{1,3})\b)?",
    )
});
static VOTES_STEMTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?P<for>\d{1,3})\s+stemte\s+for(?:.*?\b(?P<against>\d{1,3})\s+(?:stemte\s+)?imod)?(?:.*?\b(?P<abst>\d{1,3})\s+undlod)?",
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
    use Outcome::*;

    #[test]
    fn discussed_then_resumed_is_discussed() {
        assert_eq!(
            outcome("Punktet blev drøftet.\nSagen genoptages på det kommende møde."),
            Some(Outcome::Droeftet)
        );
        assert_eq!(
            outcome("Punktet udsættes. Udvalget drøftede sagen."),
            Some(Outcome::Udsat)
        );
    }

    #[test]
    fn outcomes_from_domain_examples() {
        let cases = [
            ("Godkendt.", Godkendt),
            ("Indstillingen godkendt", Godkendt),
            (
                "Direktionen godkendte forslag til emner og godkendte indstillingen. Drøftes i Chefforum.",
                Godkendt,
            ),
            ("Tiltrådt.", Godkendt),
            ("Anbefales.", Anbefalet),
            ("Indstilles godkendt.", Anbefalet),
            (
                "Økonomiudvalget anbefaler overfor Byrådet, at forslaget vedtages.",
                Anbefalet,
            ),
            ("Taget til efterretning.", TagetTilEfterretning),
            ("Til orientering.", TagetTilEfterretning),
            (
                "Direktionen tog status til efterretning. Præsenteres for Chefforum 7. januar.",
                TagetTilEfterretning,
            ),
            ("Drøftet.", Droeftet),
            ("Drøftet og taget til efterretning.", Droeftet),
            ("Udsat.", Udsat),
            ("Udsættes til direktionens seminar 22.-23. januar.", Udsat),
            (
                "Der indhentes yderligere oplysninger og sagen forelægges igen. (Per)",
                Udsat,
            ),
            ("Fremsendes til Byrådet uden anbefaling.", Oversendt),
            ("Sagen sendes tilbage til administrationen.", Oversendt),
            ("Sag 3 udgår.", Udgaaet),
            ("Forkastet.", IkkeGodkendt),
            ("Ikke godkendt.", IkkeGodkendt),
            (
                "Godkendt med følgende ændring: beløbet hæves.",
                GodkendtMedAendringer,
            ),
            ("Afbud: Anne Hansen", Andet),
            ("Temamødet blev afholdt.", Andet),
        ];
        for (text, want) in cases {
            assert_eq!(outcome(text), Some(want), "{text}");
        }
        assert_eq!(outcome("  "), None);
    }

    #[test]
    fn member_refusal_is_dissent_not_rejection() {
        let t = "Godkendt. Lasse P. N. Olsen kan ikke godkende 2. \"at\", idet spareforslag for 133 mio. kr. ikke kan undgå at medføre serviceforringelser.";
        assert_eq!(outcome(t), Some(Godkendt));
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
        assert_eq!(
            outcome("Udvalget kan ikke godkende indstillingen."),
            Some(IkkeGodkendt)
        );
    }

    #[test]
    fn vote_counts() {
        let v = votes("Med stemmerne 18 for og 2 imod godkendte Byrådet indstillingen.").unwrap();
        assert_eq!((v.for_, v.against), (Some(18), Some(2)));
        let v = votes("For: 20 (A, V, C)\nImod: 6 (Ø, F)").unwrap();
        assert_eq!((v.for_, v.against), (Some(20), Some(6)));
        assert!(votes("Godkendt.").is_none());
    }

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
