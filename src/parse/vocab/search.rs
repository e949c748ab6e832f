//! The words of searching: what a query may drop (stop words, question words), what only frames
//! a question (`hvad besluttede udvalget om …`), everyday words and the words the documents use
//! for the same thing, and the Danish plurals the Snowball stemmer tears apart.

/// Danish function words (Snowball's Danish stop list), lower case: dropped from a free-text
/// query, so `kvalitetsstandard for hjemmepleje` needs `kvalitetsstandard` and `hjemmepleje`.
pub const STOP_WORDS: &[&str] = &[
    "ad", "af", "alle", "alt", "anden", "at", "blev", "blive", "bliver", "da", "de", "dem", "den",
    "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du", "efter", "eller",
    "en", "end", "er", "et", "for", "fra", "ham", "han", "hans", "har", "havde", "have", "hende",
    "hendes", "her", "hos", "hun", "hvad", "hvis", "hvor", "i", "ikke", "ind", "jeg", "jer", "jo",
    "kunne", "man", "mange", "med", "meget", "men", "mig", "min", "mine", "mit", "mod", "ned",
    "noget", "nogle", "nu", "når", "og", "også", "om", "op", "os", "over", "på", "sig", "sin",
    "sine", "sit", "skal", "skulle", "som", "sådan", "thi", "til", "ud", "under", "var", "vi",
    "vil", "ville", "vor", "være", "været",
];

/// Question words, lower case: dropped from a free-text query like the stop words.
pub const QUESTION_WORDS: &[&str] = &[
    "hvad",
    "hvem",
    "hvor",
    "hvornår",
    "hvordan",
    "hvorfor",
    "hvilke",
    "hvilken",
    "hvilket",
    "hvorledes",
    "hvormeget",
    "nogen",
    "nogensinde",
    "kan",
    "kunne",
    "skete",
    "sket",
];

/// Words that frame a question about a meeting rather than name its topic (`hvad besluttede
/// udvalget om cykelstier`), lower case: a query keeps them as optional words that rank but are
/// not required, unless the query has nothing else.
pub const FRAME_WORDS: &[&str] = &[
    "beslutte",
    "besluttede",
    "besluttet",
    "beslutning",
    "beslutningen",
    "beslutninger",
    "vedtage",
    "vedtog",
    "vedtaget",
    "behandle",
    "behandlede",
    "behandlet",
    "drøfte",
    "drøftede",
    "drøftet",
    "mene",
    "mente",
    "sige",
    "sagde",
    "udvalg",
    "udvalget",
    "udvalgene",
    "byråd",
    "byrådet",
    "kommune",
    "kommunen",
    "politikerne",
    "politikere",
    "sag",
    "sagen",
    "sager",
    "sagerne",
    "punkt",
    "punktet",
    "møde",
    "mødet",
    "møder",
    "angående",
    "vedrørende",
    "omkring",
];

/// Everyday words and the words the documents use for the same thing, lower case: a query word
/// whose stem is a key's stem also searches its alternatives, weighted below the typed word.
/// One group a line; a key may be a whole compound (`telemast`).
pub const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "penge",
        &[
            "bevilling",
            "tilskud",
            "midler",
            "pulje",
            "finansiering",
            "budget",
        ],
    ),
    ("pengene", &["bevilling", "tilskud", "midler", "pulje"]),
    (
        "veje",
        &[
            "vejprojekt",
            "vejanlæg",
            "vejvedligeholdelse",
            "belægning",
            "fortov",
        ],
    ),
    (
        "arbejdsløse",
        &["ledige", "ledighed", "beskæftigelse", "jobcenter"],
    ),
    ("arbejdsløshed", &["ledighed", "ledige", "beskæftigelse"]),
    ("skole", &["folkeskole", "skolevæsen", "undervisning"]),
    ("børnehave", &["daginstitution", "dagtilbud"]),
    ("vuggestue", &["daginstitution", "dagtilbud", "dagpleje"]),
    ("daginstitution", &["dagtilbud", "børnehave", "vuggestue"]),
    (
        "ældre",
        &["ældreområdet", "hjemmepleje", "plejecenter", "omsorg"],
    ),
    ("plejehjem", &["plejecenter", "plejebolig"]),
    ("hjemmehjælp", &["hjemmepleje", "praktisk hjælp"]),
    ("handicappede", &["handicap", "funktionsnedsættelse"]),
    ("flygtninge", &["integration", "flygtning"]),
    ("indvandrere", &["integration"]),
    ("skrald", &["affald", "renovation"]),
    ("affald", &["renovation", "genbrug", "genanvendelse"]),
    ("genbrug", &["genanvendelse", "genbrugsplads"]),
    ("telemast", &["mast", "antennemast", "mobilmast", "antenne"]),
    ("mobilmast", &["mast", "antennemast", "antenne"]),
    (
        "opladning",
        &[
            "ladestander",
            "ladeinfrastruktur",
            "ladeplads",
            "ladestation",
        ],
    ),
    ("elbiler", &["elbil", "ladestander", "ladeinfrastruktur"]),
    ("byggetilladelse", &["byggesag", "byggesagsbehandling"]),
    ("husleje", &["leje", "lejemål"]),
    ("busser", &["kollektiv trafik", "busdrift", "buslinje"]),
    ("parkering", &["parkeringsplads", "parkeringspladser"]),
    ("misbrug", &["rusmiddel", "rusmidler", "alkohol"]),
    ("kriminalitet", &["tryghed", "kriminalpræventiv"]),
    ("hærværk", &["tryghed"]),
    (
        "skat",
        &["grundskyld", "dækningsafgift", "udskrivningsprocent"],
    ),
    ("ansatte", &["medarbejdere", "personale"]),
    ("løn", &["vederlag", "lønsum"]),
    ("udgifter", &["omkostninger", "merforbrug"]),
    ("overskridelse", &["merforbrug"]),
    (
        "besparelser",
        &["effektivisering", "reduktion", "spareforslag"],
    ),
    (
        "nedskæringer",
        &["besparelser", "reduktioner", "effektivisering"],
    ),
    ("sport", &["idræt", "idrætsanlæg", "idrætsforening"]),
    ("svømmehal", &["svømmeanlæg", "idrætsanlæg"]),
    ("fritid", &["kultur", "idræt", "foreningsliv"]),
    ("strøm", &["elforbrug", "energi"]),
    ("solceller", &["solcelleanlæg", "solenergi"]),
    (
        "oversvømmelse",
        &["klimatilpasning", "skybrud", "kystbeskyttelse"],
    ),
    ("strand", &["kyst", "strandpark"]),
    ("natur", &["naturpleje", "grønne områder"]),
    ("træer", &["træfældning", "beplantning"]),
    ("hus", &["bolig", "ejendom", "bygning"]),
    ("grund", &["areal", "ejendom", "matrikel"]),
    ("klage", &["klagesag", "ankestyrelsen"]),
    ("byggeri", &["anlæg", "anlægsprojekt", "nybyggeri"]),
    ("vedligehold", &["vedligeholdelse", "renovering"]),
    ("lærere", &["lærer", "undervisere", "pædagogisk personale"]),
    ("mad", &["madordning", "kost", "frokostordning"]),
];

/// Plural stems the Snowball stemmer parts from their singular (`plejecentre` → `plejecentr`,
/// `plejecenter` → `plejecent`): a stem ending in a consonant and `r` loses the `r`, except for
/// these stems, whose `r` belongs to the word (`vejr`, `lejr`, `ordr`), lower case.
pub const KEEPS_FINAL_R: &[&str] = &[
    "vejr", "lejr", "ordr", "bedr", "mindr", "andr", "øvr", "ydr", "indr", "ændr", "hindr", "fædr",
    "mødr", "brødr", "søstr", "døtr",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_lower_case_and_single_words_where_they_must_be() {
        for list in [STOP_WORDS, QUESTION_WORDS, FRAME_WORDS, KEEPS_FINAL_R] {
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w}");
                assert!(!w.contains(' '), "{w}");
            }
        }
        for (key, alternatives) in SYNONYMS {
            assert_eq!(*key, key.to_lowercase());
            assert!(!key.contains(' ') && !alternatives.is_empty(), "{key}");
        }
    }
}
