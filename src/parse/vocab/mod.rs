//! The words of Danish meeting documents, in one place: section headings, month names, bodies,
//! closed-item markers. Parsers match against these lists instead of scattering literals, so a
//! new variant seen in the wild is one line here.

use crate::model::SectionKind;

mod attendance;
mod bodies;
mod decisions;
mod dissent;
mod hyphens;
pub mod items;
mod search;

pub use attendance::*;
pub use bodies::*;
pub use decisions::*;
pub use dissent::*;
pub use hyphens::mend_hyphens;
pub use search::*;

/// Section headings (lower case, without a trailing colon) and their normalised kind.
pub const HEADINGS: &[(&str, SectionKind)] = &[
    ("resume", SectionKind::Resume),
    ("resumé", SectionKind::Resume),
    ("resume og indstilling", SectionKind::Resume),
    ("kort resume", SectionKind::Resume),
    ("sammenfatning", SectionKind::Resume),
    ("baggrund", SectionKind::Baggrund),
    ("baggrund og formål", SectionKind::Baggrund),
    ("formål", SectionKind::Baggrund),
    ("beslutningstema", SectionKind::Beslutningstema),
    ("sagens kerne", SectionKind::Beslutningstema),
    ("hvad skal besluttes", SectionKind::Beslutningstema),
    ("sagsfremstilling", SectionKind::Sagsfremstilling),
    ("sagsbeskrivelse", SectionKind::Sagsfremstilling),
    ("beskrivelse af sagen", SectionKind::Sagsfremstilling),
    ("beskrivelse", SectionKind::Sagsfremstilling),
    ("redegørelse", SectionKind::Sagsfremstilling),
    ("sagens indhold", SectionKind::Sagsfremstilling),
    ("sagen", SectionKind::Sagsfremstilling),
    ("indstilling", SectionKind::Indstilling),
    ("indstillinger", SectionKind::Indstilling),
    ("forslag til beslutning", SectionKind::Indstilling),
    ("beslutning", SectionKind::Beslutning),
    ("beslutninger", SectionKind::Beslutning),
    ("afgørelse", SectionKind::Beslutning),
    ("økonomi", SectionKind::Oekonomi),
    ("økonomiske konsekvenser", SectionKind::Oekonomi),
    (
        "økonomiske konsekvenser og finansiering",
        SectionKind::Oekonomi,
    ),
    ("økonomi og finansiering", SectionKind::Oekonomi),
    ("økonomi og konsekvenser", SectionKind::Oekonomi),
    ("bevillingsmæssige konsekvenser", SectionKind::Oekonomi),
    ("finansiering", SectionKind::Oekonomi),
    ("lovgrundlag", SectionKind::Lovgrundlag),
    ("retsgrundlag", SectionKind::Lovgrundlag),
    ("lovgivning", SectionKind::Lovgrundlag),
    ("lov og praksis", SectionKind::Lovgrundlag),
    ("vurdering", SectionKind::Vurdering),
    ("administrationens vurdering", SectionKind::Vurdering),
    ("høring", SectionKind::Hoering),
    ("høringssvar", SectionKind::Hoering),
    ("høringsparter", SectionKind::Hoering),
    ("kommunikation", SectionKind::Kommunikation),
    ("tidsplan", SectionKind::Tidsplan),
    ("videre proces", SectionKind::Tidsplan),
    ("sagsforløb", SectionKind::Sagsforloeb),
    ("sagens forløb", SectionKind::Sagsforloeb),
    ("tidligere beslutninger", SectionKind::Sagsforloeb),
    ("sagen afgøres i", SectionKind::Kompetence),
    ("beslutningen træffes af", SectionKind::Kompetence),
    ("sagsprocedure", SectionKind::Kompetence),
    ("kompetence", SectionKind::Kompetence),
    ("beslutningskompetence", SectionKind::Kompetence),
    ("bilag", SectionKind::Bilag),
    ("bilagsliste", SectionKind::Bilag),
    ("vedlagte bilag", SectionKind::Bilag),
    ("personalemæssige konsekvenser", SectionKind::Andet),
    ("miljømæssige konsekvenser", SectionKind::Andet),
    ("klimamæssige konsekvenser", SectionKind::Andet),
    ("konsekvenser", SectionKind::Andet),
    ("handicappolitik", SectionKind::Andet),
    ("borgerinddragelse", SectionKind::Andet),
    ("risikovurdering", SectionKind::Andet),
    ("politisk behandling", SectionKind::Andet),
    (
        "supplerende sagsfremstilling",
        SectionKind::Sagsfremstilling,
    ),
    ("udtalelse", SectionKind::Andet),
    ("udtalelser", SectionKind::Andet),
    ("bemærkninger", SectionKind::Andet),
    ("historik", SectionKind::Sagsforloeb),
    ("orientering", SectionKind::Andet),
    ("underskriftsside", SectionKind::Andet),
    ("underskrifter", SectionKind::Andet),
];

/// Words that may stand before a heading without changing its kind
/// (`ADMINISTRATIONENS INDSTILLING`, `Direktørens indstilling`, `Supplerende sagsfremstilling`).
pub const HEADING_QUALIFIERS: &[&str] = &[
    "administrationens",
    "direktørens",
    "direktionens",
    "forvaltningens",
    "borgmesterens",
    "rådmandens",
    "centrets",
    "centerets",
    "formandens",
    "fagudvalgets",
    "udvalgets",
    "supplerende",
    "ny",
    "nye",
    "endelig",
    "opdateret",
];

/// Month names and abbreviations, lower case, with their number.
pub const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("februar", 2),
    ("marts", 3),
    ("april", 4),
    ("maj", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("febr", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The regex alternation of month names, longest first.
pub fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

/// Lines that announce a table of contents.
pub const TOC_HEADINGS: &[&str] = &[
    "indholdsfortegnelse",
    "indhold",
    "dagsorden",
    "oversigt over punkter",
];

/// Labels of case-number lines, lower case without the trailing colon.
pub const CASE_LABELS: &[&str] = &[
    "sagsnr",
    "sagsnr.",
    "sags nr.",
    "sags nr",
    "sagsnummer",
    "sagsid",
    "sagsid.",
    "sags id",
    "sag",
    "j.nr.",
    "j.nr",
    "j. nr.",
    "jnr.",
    "journalnr.",
    "journalnummer",
    "acadre sagsnr.",
    "esdh sagsnr.",
];

/// Small words that join the parts of a name or a label (`Kultur- og Fritidsudvalget`,
/// `Udvalget for Børn og Unge`, `Borgmesterens Forvaltning, Fælles Kommunale Udgifter i alt`): a
/// name in capitals keeps them in lower case, a hyphen before one is a real hyphen (`Social- og`),
/// a cell text that breaks off on one goes on in the next line, and a row label of a flattened
/// table may run through them.
pub const JOINING_WORDS: &[&str] = &[
    "og", "eller", "samt", "i", "for", "af", "til", "med", "som", "på",
];

/// Whether `word` (lower case) is one of the [`JOINING_WORDS`].
pub fn is_joining_word(word: &str) -> bool {
    JOINING_WORDS.contains(&word)
}

/// Marks that open a list item (`- at …`, `• Notat`, `◦ underpunkt`).
pub const BULLETS: &[char] = &['-', '–', '—', '•', '*', '·', '▪', '◦'];

/// The words that open a table's caption, lower case (`Tabel 3 – Effekt`, `Tab. 2`, `Figur 1:`,
/// `Oversigt 4.`).
pub const CAPTION_WORDS: &[&str] = &["tabel", "tab.", "figur", "oversigt"];

/// A numbered caption on a line of its own (`Tabel 2. Driftsudgifter …`, `Figur 3: …`,
/// `TABEL 3 – EFFEKT …`): a caption word, a number, then `.`, `:` or a dash.
pub fn numbered_caption(line: &str) -> bool {
    static NUMBERED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        re(&format!(
            r"(?i)^(?:{})\s*\d+[a-z]?\s*[.:–—-]",
            alternation(CAPTION_WORDS)
        ))
    });
    NUMBERED.is_match(line.trim())
}

/// Words of a line that says in which prices a table's figures are (`(i 2025-priser)`,
/// `løbende priser`, `2024-pl`), lower case: such a line belongs to the caption above it.
pub const PRICE_BASIS_WORDS: &[&str] = &["priser", "prisniveau", "pl"];

/// Labels of the meeting's date in a document's head.
pub const DATE_LABELS: &[&str] = &["mødedato", "dato"];
/// Labels of the meeting's start time.
pub const TIME_LABELS: &[&str] = &[
    "mødetidspunkt",
    "tidspunkt",
    "tid",
    "mødestart",
    "starttidspunkt",
];
/// Labels of the meeting's place.
pub const PLACE_LABELS: &[&str] = &["mødested", "sted", "lokale", "mødelokale"];
/// Labels of the meeting's body.
pub const BODY_LABELS: &[&str] = &["udvalg", "forum", "organ"];

/// Title words of minutes (`REFERAT Direktionen`, `Beslutningsprotokol`), lower case.
pub const MINUTES_TITLES: &[&str] = &["referat", "beslutningsprotokol", "protokol"];
/// Title words of an agenda, lower case.
pub const AGENDA_TITLES: &[&str] = &["dagsorden"];

/// Words that open an item header (`Punkt 2:`, `Pkt. 42`, `Sag nr. 162`, `Nr.178 -`), lower case.
pub const ITEM_WORDS: &[&str] = &[
    "punkt",
    "pkt.",
    "pkt",
    "dagsordenspunkt",
    "sag nr.",
    "sag nr",
    "nr.",
    "nr",
];

/// Labels of a total row (`I alt`, `Total`, `Sum`), lower case.
pub const TOTAL_LABELS: &[&str] = &["i alt", "ialt", "total", "sum", "samlet", "hovedtotal"];
/// Labels that close a total row's label (`Serviceudgifter i alt`), lower case.
pub const TOTAL_ENDINGS: &[&str] = &["i alt", "ialt"];

/// Abbreviations whose full stop ends no sentence (`jf.`, `bl.a.`, `mio.`), lower case without
/// the last full stop.
pub const ABBREVIATIONS: &[&str] = &[
    "jf", "bl.a", "f.eks", "mio", "mia", "kr", "pkt", "nr", "ca", "evt", "inkl", "ekskl", "mv",
    "m.v", "m.fl", "st", "stk", "vedr", "iht", "jvf", "tlf", "dvs", "pct", "hhv", "kl", "ang",
    "afd", "adm",
];

/// Headings that a web transcription runs into the paragraph before them, followed by a capital
/// (`… Baggrund Kommunen har …`), as printed.
pub const RUN_ON_HEADINGS: &[&str] =
    &["Sagsbeskrivelse", "Sagsfremstilling", "Baggrund", "Økonomi"];
/// Labels that a web transcription runs into the paragraph before them, followed by a colon
/// (`… Beslutning: Godkendt.`), as printed.
pub const RUN_ON_LABELS: &[&str] = &["Beslutning", "Indstilling"];

/// Verbs by which someone recommends (`Administrationen indstiller, at …`).
pub const RECOMMEND_VERBS: &[&str] = &["indstiller", "anbefaler", "foreslår"];
/// The passive forms of the same (`Det indstilles, at …`).
pub const RECOMMEND_PASSIVES: &[&str] = &["indstilles", "foreslås"];

/// A regex alternation of `words` (escaped, longest first so that a longer word wins over its
/// prefix, a space matching any white space), to be put in a group.
pub fn alternation(words: &[&str]) -> String {
    let mut words: Vec<&str> = words.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| {
            w.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Like [`alternation`], for word lists whose entries may end in `*` (any ending: `besvar*`)
/// and start or end mid-phrase (`, idet`); wrap it in `\b(?:…)\b` where words are whole.
pub fn forms(words: &[&str]) -> String {
    let mut words: Vec<&str> = words.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| {
            let (stem, any) = w.strip_suffix('*').map_or((*w, ""), |s| (s, r"\w*"));
            let body = stem
                .split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            format!("{body}{any}")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// A regex character class of `marks`.
pub fn char_class(marks: &[char]) -> String {
    let inner: String = marks
        .iter()
        .map(|c| regex::escape(&c.to_string()))
        .collect();
    format!("[{inner}]")
}

/// Compiles a pattern built from these lists (or written next to its phrases); the patterns are
/// fixed, so a failure is a bug.
pub fn re(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).unwrap()
}

#[cfg(test)]
mod tests {
    //! Every word of a list reaches the recogniser that is built from it: a word added here
    //! that a parser does not read fails one of these.
    use super::*;
    use crate::parse::{attendance, caseline, dates, meeting, punkt, sections};

    fn capitalised(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_heading_is_a_heading_of_its_kind() {
        for (h, kind) in HEADINGS {
            for form in [
                h.to_string(),
                capitalised(h),
                h.to_uppercase(),
                format!("{h}:"),
            ] {
                assert_eq!(sections::heading(&form).map(|x| x.1), Some(*kind), "{form}");
            }
        }
        for q in HEADING_QUALIFIERS {
            let line = format!("{} indstilling", capitalised(q));
            assert_eq!(
                sections::heading(&line).map(|x| x.1),
                Some(SectionKind::Indstilling),
                "{line}"
            );
        }
        for h in RUN_ON_HEADINGS.iter().chain(RUN_ON_LABELS) {
            assert!(sections::heading(h).is_some(), "{h}");
        }
    }

    #[test]
    fn every_decision_heading_opens_a_decision_block() {
        for (h, _) in HEADINGS
            .iter()
            .filter(|(_, k)| *k == SectionKind::Beslutning)
        {
            let lines = [capitalised(h), "Godkendt.".to_string()];
            let s = sections::split(&lines);
            assert_eq!(s.len(), 1, "{h}");
            assert_eq!(s[0].kind, SectionKind::Beslutning, "{h}");
            assert!(s[0].decision.is_some(), "{h}");
        }
        for h in ["Beslutning", "Beslutninger", "Beslutning i Byrådet"] {
            assert!(sections::decision_head(h).is_some(), "{h}");
        }
    }

    #[test]
    fn every_month_name_is_read_in_a_date() {
        for (name, number) in MONTHS {
            let want = format!("2020-{number:02}-03");
            for form in [name.to_string(), capitalised(name), format!("{name}.")] {
                let date = dates::first_date(&format!("Mødet den 3. {form} 2020"));
                assert_eq!(date.as_deref(), Some(want.as_str()), "{form}");
            }
        }
    }

    #[test]
    fn every_meeting_label_is_read() {
        let one = |line: String| meeting::parse(&[line], &[]);
        for l in DATE_LABELS {
            assert!(
                one(format!("{}: 06-01-2015", capitalised(l)))
                    .date
                    .is_some(),
                "{l}"
            );
        }
        for l in TIME_LABELS {
            let m = one(format!("{}: kl. 10:00", capitalised(l)));
            assert!(m.start_time.is_some(), "{l}");
        }
        for l in PLACE_LABELS {
            assert!(
                one(format!("{}: A101", capitalised(l))).place.is_some(),
                "{l}"
            );
        }
        for l in BODY_LABELS {
            let m = one(format!("{}: Direktionen", capitalised(l)));
            assert_eq!(m.body.as_deref(), Some("Direktionen"), "{l}");
        }
        for (labels, absent) in [(PRESENT_LABELS, false), (ABSENT_LABELS, true)] {
            for l in labels {
                let m = one(format!("{}: Anne Hansen", capitalised(l)));
                assert_eq!(m.participants.len(), 1, "{l}");
                assert_eq!(m.participants[0].absent, absent, "{l}");
            }
        }
        for t in MINUTES_TITLES.iter().chain(AGENDA_TITLES) {
            let m = one(format!("{} Direktionen d. 06-01-2015", t.to_uppercase()));
            assert_eq!(m.body.as_deref(), Some("Direktionen"), "{t}");
        }
    }

    #[test]
    fn every_attendance_label_and_phrase_is_a_note() {
        for l in ABSENT_LABELS.iter().chain(DECISION_ATTENDANCE_LABELS) {
            let notes =
                attendance::attendance(&format!("Godkendt.\n{}: Anne Hansen", capitalised(l)));
            assert_eq!(notes.len(), 1, "{l}");
        }
        for p in SCOPED_ABSENCE {
            let notes = attendance::attendance(&format!("Godkendt. Anne Hansen {p} kl. 17.40."));
            assert_eq!(notes.len(), 1, "{p}");
        }
    }

    #[test]
    fn every_case_label_and_item_word_is_read() {
        for l in CASE_LABELS {
            let line = format!("{}: 14/689", capitalised(l));
            assert_eq!(
                caseline::case_line(&line),
                Some(vec!["14/689".to_string()]),
                "{line}"
            );
        }
        for w in ITEM_WORDS {
            let lines = vec![format!("{} 2: Status på økonomien", capitalised(w))];
            assert_eq!(punkt::find_headers(&lines).len(), 1, "{w}");
        }
    }

    #[test]
    fn every_body_ending_names_a_body() {
        for e in BODY_ENDINGS {
            assert!(is_body_name(&format!("Kultur- og {e}")), "{e}");
        }
        assert!(!is_body_name("Godkendt"));
    }

    #[test]
    fn an_election_period_is_not_part_of_the_body() {
        assert!(is_body_name("Byråd 2022-2025"));
        assert_eq!(without_period("Byråd 2022-2025"), "Byråd");
        assert_eq!(
            without_period("Økonomiudvalget (2018-21)"),
            "Økonomiudvalget"
        );
        assert_eq!(without_period("Budget 2024"), "Budget 2024");
        assert_eq!(without_period("2022-2025"), "2022-2025");
    }
}
