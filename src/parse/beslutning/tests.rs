//! Outcomes of short decision texts, one family per test.

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

// Rule families of the decision grammar, each on short real excerpts (ANALYSIS families in
// brackets). Bodies as the minutes name them.

const COUNCIL: Option<&str> = Some("Århus Byråd");
const COMMITTEE: Option<&str> = Some("Udvalget for Tekniske Anliggender");

#[test]
fn a_routing_wrapper_is_decided_by_its_inner_clause() {
    let cases = [
        (
            "Tilbagesendes Magistratens 1. Afdeling med bemærkning, at byrådet i sit møde den 22. oktober 1997 har vedtaget magistratens foranstående indstilling.",
            Godkendt,
        ),
        (
            "Tilbagesendes Magistratens 2. Afdeling med bemærkning, at byrådet i sit møde den 3. december 1997 har vedtaget ikke at godkende afdelingens foranstående indstilling.",
            IkkeGodkendt,
        ),
        (
            "Tilbagesendes Magistratens 1. Afdeling med bemærkning om, at indstillingen bortfaldt på byrådets møde den 4. marts 1998.",
            Udgaaet,
        ),
        (
            "Fremsendes til Udvalget for Kulturelle Anliggender til behandling i henhold til beslutning i byrådets møde den 1. oktober 1997.",
            Oversendt,
        ),
        (
            "Tilbagesendes Magistratens 2. Afdeling med henvisning til beslutningen i sag 42 i byrådets møde den 19. december 2001 for åbne døre.",
            Andet,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(outcome_by(text, COUNCIL), Some(want), "{text}");
    }
}

#[test]
fn routed_up_to_the_council_an_adoption_is_an_endorsement() {
    let cases = [
        "Fremsendes til Århus Byråd med bemærkning, at magistraten i mødet den 31. august 1998 har vedtaget at tiltræde Århus Havns indstilling af 25. august 1998.",
        "Fremsendes til Aarhus Byråd med bemærkning, at Magistraten i mødet den 25. november 2013 anbefaler, at byrådet tiltræder Magistratsafdelingens indstilling.",
        "Tilbagesendes Århus Byråd under henvisning til Magistratens 4. Afdelings erklæring af 28. november 1997, som magistraten kan henholde sig til.",
    ];
    for text in cases {
        assert_eq!(
            outcome_by(text, Some("Magistraten")),
            Some(Anbefalet),
            "{text}"
        );
    }
}

#[test]
fn a_modal_endorsement_depends_on_the_authority_of_the_body() {
    let text = "Kan enstemmigt tiltræde indstillingen.";
    assert_eq!(outcome_by(text, COMMITTEE), Some(Anbefalet));
    assert_eq!(outcome_by(text, COUNCIL), Some(Godkendt));
    // a committee named as the subject endorses, whatever body's minutes report it
    let named = "Udvalget kan enstemmigt tiltræde indstillingen.";
    assert_eq!(outcome_by(named, COUNCIL), Some(Anbefalet));
    let hyphen = "Thomas Medom, Peter Udengaard og Anne Vang kunne til-træde indstillingen i overensstemmelse med Magistratens anbefaling.";
    assert_eq!(outcome_by(hyphen, COMMITTEE), Some(Anbefalet));
    let cases = [
        "Udvalget kan enstemmigt tiltræde indstillingen, idet udvalget dog forudsætter, at der følges op.",
        "Økonomiudvalget og Magistraten kunne enstemmigt tiltræde en række tekniske ændringer til budgetforslaget.",
    ];
    for text in cases {
        assert_eq!(
            outcome_by(text, COMMITTEE),
            Some(GodkendtMedAendringer),
            "{text}"
        );
    }
    assert_eq!(
        outcome_by(
            "Udvalget kan enstemmigt tiltræde, at nærværende sag anses for bortfaldet.",
            COMMITTEE
        ),
        Some(Udgaaet),
        "the clause it governs decides"
    );
}

#[test]
fn standing_by_a_statement_depends_on_the_statement() {
    assert_eq!(
        outcome_by(
            "Byrådet henholdt sig i mødet den 22. oktober 1997 til erklæringerne fra Borgmesterens, Magistratens 1. og 2. Afdelinger.",
            COUNCIL
        ),
        Some(Godkendt)
    );
    assert_eq!(
        outcome_by(
            "Henholdt sig til Magistratens 2. Afdelings udtalelse.",
            COMMITTEE
        ),
        Some(Anbefalet)
    );
    assert_eq!(
        outcome_by(
            "Byrådet henholdt sig i mødet den 22. oktober 1997 til en skriftlig redegørelse, der blev omdelt.",
            COUNCIL
        ),
        Some(TagetTilEfterretning)
    );
}

#[test]
fn every_form_and_register_of_the_verbs() {
    let cases = [
        (
            "Sagen udsattes i magistratens møde den 2. marts 1998.",
            Udsat,
        ),
        ("Ej færdigbehandlet i udvalget.", Udsat),
        ("Mødet aflyst.", Udsat),
        ("Orienteringsmødet blev aflyst.", Udsat),
        ("Ansøgningen imødekommet med 15 stemmer mod 12.", Godkendt),
        ("Udvalget bevilgede et tilskud på 25.000 kr.", Godkendt),
        ("Bevilgedes.", Godkendt),
        ("Sogneraadet vedtog Forslaget.", Godkendt),
        ("Byrådet fastholdt afslaget.", IkkeGodkendt),
        (
            "Udvalget besluttede at give afslag på ansøgningen.",
            IkkeGodkendt,
        ),
        ("Andragendet afsloges.", IkkeGodkendt),
        (
            "Borgmesteren besvarerede forespørgslen.",
            TagetTilEfterretning,
        ),
        ("Toges til Efterretning.", TagetTilEfterretning),
        (
            "Sagen henvist til fornyet behandling i Bevillingsnævnet.",
            Oversendt,
        ),
        (
            "Forslaget bortfaldt i byrådets møde den 4. marts 1998.",
            Udgaaet,
        ),
        (
            "Sagen blev trukket under godkendelse af dagsordenen.",
            Udgaaet,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(outcome(text), Some(want), "{text}");
    }
}

#[test]
fn negation_has_scope() {
    assert_eq!(
        outcome(
            "Gruppeformandskredsen besluttede ikke at gå videre med etableringen af videotransmission."
        ),
        Some(IkkeGodkendt)
    );
    assert_eq!(
        outcome("Lokaludvalget besluttede, at der ikke udpeges en repræsentant til bestyrelsen."),
        Some(Godkendt),
        "a negation inside what was decided is no rejection"
    );
    assert_eq!(
        outcome(
            "Tilbagesendes Magistratens 1. Afdeling med bemærkning, at byrådet har vedtaget magistratens forslag med 19 stemmer mod 12. Et forslag fra Venstres byrådsgruppe om salg af malerforretningen blev forkastet med 18 stemmer mod 12."
        ),
        Some(Godkendt),
        "a failed counter-proposal rejects itself, not the indstilling"
    );
}

#[test]
fn precedence_between_weak_outcomes() {
    let cases = [
        (
            "Udvalget blev orienteret og drøftede efterfølgende punktet.",
            Droeftet,
        ),
        ("Udvalget blev orienteret, og sagen blev udsat.", Udsat),
        (
            "Udvalget orienteret om Teknik og Miljøs budget og mål. Punktet drøftes igen på et kommende møde.",
            TagetTilEfterretning,
        ),
        (
            "1. Oplægget blev taget til efterretning. 2. Lokaludvalget besluttede, at der ikke udpeges en repræsentant.",
            Godkendt,
        ),
        ("Udvalget fik en status på arbejdet.", TagetTilEfterretning),
    ];
    for (text, want) in cases {
        assert_eq!(outcome(text), Some(want), "{text}");
    }
}

#[test]
fn a_mention_or_an_attribute_decides_nothing() {
    assert_eq!(
        outcome("Der henvises til fælleserklæringen mellem Magistraten og Økonomiudvalget."),
        Some(Andet)
    );
    assert_eq!(
        outcome("Afdelingen har vurderet sagen ud fra den godkendte lokalplan."),
        Some(Andet)
    );
}

#[test]
fn majorities_and_split_committees() {
    assert_eq!(
        outcome_by(
            "Et flertal i udvalget, bestående af K.E. Mortensen, Margrethe Bogner og Brian Korsgaard, finder, at det vil være mest naturligt at fortolke bestemmelserne. Louise Gade og Frederik Gammelgaard var af den modsatte opfattelse.",
            COMMITTEE
        ),
        Some(Anbefalet)
    );
    assert_eq!(
        outcome_by(
            "Konklusionen på udvalgets behandling af sagen blev Dorthe Laustsen og Margrethe Bogner kunne tiltræde magistratens indstilling af 10. august 1998. Frederik Gammelgaard og Brian Korsgaard kunne ikke tiltræde indstillingen.",
            COMMITTEE
        ),
        Some(Andet)
    );
    assert_eq!(
        outcome_by(
            "Konklusionen på udvalgets behandling af sagen blev, at Peter Thyssen og Karen Margrethe Sørensen kunne tiltræde indstillingen. Jørgen Skov og K.E. Mortensen tog forbehold. Søren Egge Rasmussen kunne ikke tiltræde indstillingen.",
            COMMITTEE
        ),
        Some(Anbefalet),
        "a reservation still supports"
    );
}

#[test]
fn members_words_and_presence_are_no_decision() {
    assert_eq!(
        outcome(
            "Der var afstemning om medlemsforslaget.\nStemmer for: 7 (B, F, I, Ø)\nStemmer imod: 3 (A, C)\nIndstillingen blev dermed godkendt.\nDet Konservative Folkeparti afgav følgende protokolbemærkning:\n”Vi ser medlemsforslaget som overflødigt, da vi forudsætter at forvaltningen ikke udskifter sagsbehandlere.”"
        ),
        Some(Godkendt)
    );
    assert_eq!(
        outcome(
            "Tilbagesendes Magistratens 1. Afdeling med bemærkning, at byrådet har vedtaget magistratens foranstående indstilling.\nBjarne Ørum erklærede sig inhabil og deltog ikke i behandlingen af sagen."
        ),
        Some(Godkendt)
    );
}

/// Every form in the decision vocabulary reaches the recogniser built from it.
#[test]
fn every_decision_word_is_recognised() {
    use super::cues::*;
    use crate::parse::vocab;
    let example = |w: &str| w.replace('*', "ede");
    let families: [(&[&str], &regex::Regex); 8] = [
        (vocab::ADOPT_FORMS, &ADOPT),
        (vocab::RECOMMEND_FORMS, &RECOMMEND),
        (vocab::REJECT_FORMS, &REJECT),
        (vocab::POSTPONE_FORMS, &POSTPONED),
        (vocab::REFER_FORMS, &REFERRED),
        (vocab::DISCUSS_FORMS, &DISCUSSED),
        (vocab::NOTE_FORMS, &NOTED),
        (vocab::AMEND_PHRASES, &AMEND),
    ];
    for (list, re) in families {
        for w in list {
            assert!(re.is_match(&example(w)), "{w}");
        }
    }
    for m in vocab::MODALS {
        for e in vocab::ENDORSE_INFINITIVES {
            assert!(
                ENDORSE.is_match(&format!("{m} enstemmigt {e} indstillingen")),
                "{m} {e}"
            );
            assert!(
                REJECT.is_match(&format!("{m} ikke {e} indstillingen")),
                "{m} ikke {e}"
            );
        }
    }
    for h in vocab::HENHOLDE_FORMS {
        for o in vocab::POSITION_OBJECTS {
            assert!(
                HENHOLDE_POSITION.is_match(&format!("{h} sig til {}", example(o))),
                "{h} {o}"
            );
        }
        for o in vocab::ACCOUNT_OBJECTS {
            assert!(
                HENHOLDE_ACCOUNT.is_match(&format!("{h} sig til {}", example(o))),
                "{h} {o}"
            );
        }
    }
    for d in vocab::DECIDE_FORMS {
        assert!(REJECT.is_match(&format!("{d} ikke at godkende")), "{d}");
    }
    for v in vocab::REFUSAL_VERBS {
        assert!(REJECT.is_match(&format!("{v} afslag")), "{v}");
    }
    for u in vocab::UPHOLD_FORMS {
        for n in vocab::REFUSAL_NOUNS.iter().chain(vocab::RULING_NOUNS) {
            assert!(REJECT.is_match(&format!("{u} {n}")), "{u} {n}");
        }
    }
    for o in vocab::WITHDRAWABLE {
        for p in vocab::WITHDRAW_PREDICATES
            .iter()
            .chain(vocab::LAPSE_PREDICATES)
        {
            assert!(WITHDRAWN.is_match(&format!("{o} {p}")), "{o} {p}");
        }
    }
    for p in vocab::WITHDRAW_PHRASES {
        assert!(WITHDRAWN.is_match(p), "{p}");
    }
    for c in vocab::CANCELLED {
        assert!(POSTPONED.is_match(&format!("mødet {c}")), "{c}");
    }
    for n in vocab::AMEND_NOUNS {
        for d in vocab::AMEND_DETERMINERS {
            assert!(
                AMEND.is_match(&format!("med {d} {}", example(n))),
                "{d} {n}"
            );
        }
    }
    for f in vocab::FINAL_AUTHORITIES {
        assert!(super::route::is_final_authority(f), "{f}");
    }
    for v in vocab::ROUTE_VERBS {
        assert_eq!(
            outcome_by(
                &format!(
                    "{v} Magistratens 1. Afdeling med bemærkning, at byrådet har vedtaget indstillingen."
                ),
                COUNCIL
            ),
            Some(Godkendt),
            "{v}"
        );
    }
}
