//! Reading a decision: its normalised outcome from the closed set of DOMAIN.md, and the
//! members who did not follow it (`dissent`) set aside first.

use regex::Regex;
use std::sync::LazyLock;

use super::attendance::strip_attendance_lines;
use super::dissent::dissents;
use crate::model::Outcome;

use super::vocab::re;

// Phrase families, lower-case text. Kept together so a new wording is one alternative here.
static APPROVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:godkendt|godkendes|godkendte|godkender|godkendelse\s+af\s+indstillingen|tiltrådt|tiltrædes|tiltrådte|tiltræder|vedtaget|vedtages|vedtog|vedtager|bevilget|bevilges|valgt|udpeget|udpegede|enig[e]?\s+i\s+indstillingen|følger\s+indstillingen|fulgte\s+indstillingen|indstillingen\s+følges)\b",
    )
});
static RECOMMEND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:anbefales|anbefalet|anbefaler|anbefalede|anbefale|indstilles\s+(?:godkendt|til\s+godkendelse|vedtaget)|indstiller\s+(?:til|over\s*for)\s+(?:byrådet|kommunalbestyrelsen|økonomiudvalget))\b",
    )
});
static AMEND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:med\s+(?:den|de|følgende|en|enkelte|disse|flg\.?)?\s*(?:ændring|ændringer|tilføjelse|tilføjelser|bemærkning|bemærkninger|præcisering|præciseringer|justering|justeringer|undtagelse|rettelse|rettelser|korrektion|korrektioner|tilretning|tilretninger)|idet\s+dog|dog\s+(?:med|således)|(?:godkendt|godkendes|anbefales|anbefalet|tiltrådt|tiltrædes)\s*,?\s+idet\s+(?:a\)|[0-9]|området|sagen|pkt|punkt|der\s+|det\s+|beløbet|rammen|budgettet)|\berstattes\b|\budvalget\s+bemærker\b|\bnyt\s+(?:indstillings)?punkt\b|\bnye\s+indstillingspunkter\b|\bsom\s+(?:nyt\s+)?(?:punkt|pkt\.?)\s*[0-9]+|\b(?:opdateres|tilrettes|justeres|korrigeres)\b|[-–,]\s*dog\b|under\s+forudsætning\s+af|på\s+betingelse\s+af|med\s+bemærkning|med\s+flg\.|ændret\s+til|ændres\s+til|i\s+stedet\s+for)",
    )
});
static NOTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:taget\s+til\s+efterretning|tages\s+til\s+efterretning|tog\s+.{0,60}?til\s+efterretning|til\s+orientering|orienteringen\s+(?:blev\s+)?(?:taget|tages)|orienterede|orienteringen\s+blev|blev\s+orienteret|\borienteret\b|til\s+efterretning|\bbesvare[ds]?\b|\bbesvarede\b|\bblev\s+besvaret)",
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
        r"\b(?:oversendes|oversendt|oversendte|fremsendes|fremsendt|tilbagesendes|tilbagesendt|sendes\s+(?:tilbage|retur)|sendt\s+(?:tilbage|retur)|sendte\s+sagen|sender\s+sagen|sende\s+(?:sagen\s+)?(?:tilbage|retur)|henvises\s+til|henviste|videresendes|til\s+realitetsbehandling|undlader\s+at\s+tage\s+stilling|undlod\s+at\s+tage\s+stilling|(?:^|[0-9]\.\s*)undlader\b|(?:^|[0-9]\.\s*)undlod\b)",
    )
});
static WITHDRAWN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b(?:sag(?:en)?|punkt(?:et)?|pkt\.?)\s*(?:nr\.\s*)?[0-9]*\s+(?:udgår|udgik|er\s+udgået)\b|^\s*udgår\b|\budgår\s+af\s+dagsordenen|\b(?:sagen|punktet)\s+(?:blev\s+)?taget\s+af\b|\bsagen\s+(?:blev\s+|er\s+)?trukket\s+tilbage|\btrak\s+sagen|\bsagen\s+bortfalder|\bsagen\s+annulleres)",
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
    // what members recorded against the decision is not the decision
    let mut lower = lower;
    for d in dissents(t) {
        lower = lower.replace(&d.text.to_lowercase(), " ");
    }
    if lower.trim().is_empty() {
        return Some(Outcome::Andet);
    }
    classify(&lower)
}

/// The earliest specific cue decides; verbs that merely introduce what was decided
/// (`besluttede, at …`, `godkendte, at sagen udsættes`) give way to the cue inside their clause.
fn classify(lower: &str) -> Option<Outcome> {
    if REJECT.is_match(lower) {
        let rest = REJECT.replace_all(lower, " ");
        let adopted = APPROVE.is_match(&rest) || RECOMMEND.is_match(&rest);
        return Some(if adopted {
            Outcome::GodkendtMedAendringer
        } else {
            Outcome::IkkeGodkendt
        });
    }
    let mut cues: Vec<(usize, Outcome)> = Vec::new();
    let families: [(&Regex, Outcome); 7] = [
        (&WITHDRAWN, Outcome::Udgaaet),
        (&POSTPONED, Outcome::Udsat),
        (&REFERRED, Outcome::Oversendt),
        (&RECOMMEND, Outcome::Anbefalet),
        (&APPROVE, Outcome::Godkendt),
        (&DISCUSSED, Outcome::Droeftet),
        (&NOTED, Outcome::TagetTilEfterretning),
    ];
    let mut governing = false;
    for (re, outcome) in families {
        for m in re.find_iter(lower) {
            let introduces_clause = GOVERNS.is_match(&lower[m.end()..]);
            if matches!(outcome, Outcome::Godkendt | Outcome::Anbefalet) && introduces_clause {
                governing = true;
                if outcome == Outcome::Godkendt {
                    continue;
                }
            }
            cues.push((m.start(), outcome));
        }
    }
    cues.sort_by_key(|c| c.0);
    // mixed clauses: the decisional one beats orientation and discussion
    let decisional = DECIDES
        .find(lower)
        .and_then(|m| cues.iter().find(|c| c.0 == m.start()))
        .copied();
    if let (Some(&(_, first)), Some(d)) = (cues.first(), decisional)
        && matches!(first, Outcome::TagetTilEfterretning | Outcome::Droeftet)
        && matches!(d.1, Outcome::Godkendt | Outcome::Anbefalet)
    {
        cues.insert(0, d);
    }
    let primary = match cues.first() {
        Some(&(_, o)) => o,
        None if governing || WEAK_APPROVE.is_match(lower) => Outcome::Godkendt,
        None => return Some(Outcome::Andet),
    };
    if matches!(primary, Outcome::Godkendt | Outcome::Anbefalet) && AMEND.is_match(lower) {
        return Some(Outcome::GodkendtMedAendringer);
    }
    Some(primary)
}

/// The verbs of a clause-by-clause decision (`2. Anbefales`), as opposed to words such as
/// `udpeget` that also occur in what was reported.
static DECIDES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:godkendt|godkendes|godkender|godkendte|anbefales|anbefaler|anbefalet|anbefalede|tiltrådt|tiltrædes)\b",
    )
});

/// `, at` right after a verb: the verb introduces the clause that says what happens.
static GOVERNS: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*,?\s*(?:at|af)\s"));
/// Verbs that say a decision was taken without saying which.
static WEAK_APPROVE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:besluttede|beslutter|besluttes|vælger|valgte|vedtog\s+at)\b"));

#[cfg(test)]
mod tests {
    use super::*;
    use Outcome::*;

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
    fn the_earliest_specific_cue_decides() {
        let cases = [
            (
                "Udvalget besluttede, at sagen sendes tilbage til administrationen.",
                Oversendt,
            ),
            (
                "Udvalget godkendte, at sagen udsættes til næste møde.",
                Udsat,
            ),
            (
                "Sagen blev drøftet. Udvalget besluttede at holde et temamøde.",
                Droeftet,
            ),
            (
                "Orienteringen blev taget til efterretning, og udvalget besluttede at holde et møde.",
                TagetTilEfterretning,
            ),
            ("Byrådet besvarede spørgsmålene.", TagetTilEfterretning),
            ("Udvalget vælger model B.", Godkendt),
            ("1. Anbefales ikke. 2. Anbefales.", GodkendtMedAendringer),
            (
                "Godkendt, idet udvalget ønsker en status om et halvt år.",
                Godkendt,
            ),
            (
                "Godkendt, idet beløbet nedsættes til 2 mio. kr.",
                GodkendtMedAendringer,
            ),
            (
                "2. Undlader. Udvalget afventer sagens videre behandling.",
                Oversendt,
            ),
            (
                "Økonomiudvalget indstiller overfor Byrådet, at lånet optages.",
                Anbefalet,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(outcome(text), Some(want), "{text}");
        }
    }

    #[test]
    fn mixed_clauses_and_changes() {
        let cases = [
            (
                "1. Orienteringen blev taget til efterretning. 2. Anbefales.",
                Anbefalet,
            ),
            (
                "Administrationen orienterede om, at kommunen er udpeget til forsøget.",
                TagetTilEfterretning,
            ),
            (
                "Udvalget godkendte at optage nyt bilag, således at bilag 3 udgår og erstattes af et nyt.",
                GodkendtMedAendringer,
            ),
            (
                "Byrådet godkendte nyt indstillingspunkt om, at der afholdes et borgermøde.",
                GodkendtMedAendringer,
            ),
            (
                "1.-3. Anbefales. Planen opdateres, så kortet fremgår.",
                GodkendtMedAendringer,
            ),
            ("Punkt 5 udgår.", Udgaaet),
        ];
        for (text, want) in cases {
            assert_eq!(outcome(text), Some(want), "{text}");
        }
    }

    #[test]
    fn dissent_does_not_change_the_outcome() {
        let cases = [
            "Med stemmerne 17 for og 2 imod godkendte Byrådet indstillingen.\nFor stemte: (A) og (V).\nImod stemte:\n(F) med bemærkning om, at opgaven er for snæver.",
            "Med stemmerne 15 for og 3 imod godkendte Byrådet indstillingen. For stemte (A) og (V). Imod stemte (Ø) med bemærkning om økonomien.",
            "Godkendt. Lasse P. N. Olsen kan ikke godkende 2. \"at\", idet spareforslag for 133 mio. kr. ikke kan undgå at medføre serviceforringelser.",
        ];
        for text in cases {
            assert_eq!(outcome(text), Some(Godkendt), "{text}");
        }
        assert_eq!(
            outcome("Udvalget kan ikke godkende indstillingen."),
            Some(IkkeGodkendt)
        );
    }
}
