//! Part of the one vocabulary (`vocab/`): the words and shapes of an item's frame. How an item
//! header is numbered, which items stand on every agenda without a case, the headings of
//! sections that `vocab::HEADINGS` does not list yet, the words that open a decision block, the
//! phrases that introduce a recommendation's clauses, and the old spellings an archive prints.
//! Parsers build their patterns from these lists; a new variant seen in the wild is one line here.

use crate::model::SectionKind;

/// What may stand between an item's number and its title (`3. Budget`, `3) Budget`,
/// `3 - Budget`, `3: Budget`); a bare space (`48 Trafiksanering`) and no space at all
/// (`38.Redegørelse`) are shapes of their own, weaker evidence, read in `punkt_shape`.
pub const NUMBER_SEPARATORS: &[&str] = &[".", ")", "-", "–", ":"];

/// Items that stand on an agenda without a case number or sections, lower case: a title that
/// starts with one of these is an item when its number continues the numbering around it.
pub const STANDING_ITEMS: &[&str] = &[
    "godkendelse af dagsorden",
    "godkendelse af dagsordenen",
    "godkendelse af referat",
    "godkendelse af referatet",
    "godkendelse af protokol",
    "dagsorden",
    "referat",
    "orientering",
    "orienteringer",
    "orienteringssager",
    "gensidig orientering",
    "meddelelser",
    "meddelelse",
    "underskriftsark",
    "underskriftsblad",
    "underskriftsside",
    "underskrift",
    "eventuelt",
    "evt.",
    "næste møde",
    "spørgetid",
    "spørgsmål",
    "nyt fra",
    "status",
    "punkter til næste møde",
    "lukket punkt",
    "lukket sag",
];

/// Whether `title` names a standing item (`Godkendelse af dagsorden`, `Meddelelser fra
/// formanden`, `Eventuelt`).
pub fn is_standing_item(title: &str) -> bool {
    let t = title.trim().trim_end_matches(['.', ':']).to_lowercase();
    STANDING_ITEMS.iter().any(|w| {
        let w = w.trim_end_matches('.');
        t == w
            || t.strip_prefix(w)
                .is_some_and(|rest| rest.starts_with([' ', ',', ':', '-', '–']))
    })
}

/// Section headings besides `vocab::HEADINGS` (lower case, without a trailing colon). `heading`
/// reads both lists.
pub const MORE_HEADINGS: &[(&str, SectionKind)] = &[
    ("fremstilling", SectionKind::Sagsfremstilling),
    ("sammendrag", SectionKind::Resume),
    ("tidligere behandling", SectionKind::Sagsforloeb),
    ("tidligere politisk behandling", SectionKind::Sagsforloeb),
    ("præsentation", SectionKind::Sagsfremstilling),
    ("oplæg", SectionKind::Sagsfremstilling),
    ("øvrige forhold", SectionKind::Andet),
    ("øvrige konsekvenser", SectionKind::Andet),
    ("lovhjemmel", SectionKind::Lovgrundlag),
    ("beslutningspunkter", SectionKind::Indstilling),
    ("forvaltningen foreslår", SectionKind::Indstilling),
    ("administrationen foreslår", SectionKind::Indstilling),
    ("referat", SectionKind::Beslutning),
];

/// Words that open a decision block's header, lower case (`Beslutning i Byrådet den …`,
/// `Afgørelse:`, `Beslutning truffet i …`, `Behandling i Økonomiudvalget den …`). Each is
/// followed by an optional body and date.
pub const DECISION_WORDS: &[&str] = &[
    "beslutning",
    "beslutningen",
    "beslutninger",
    "beslutning truffet",
    "afgørelse",
    "behandling",
];

/// Small words between a decision word and the body (`Beslutning i Byrådet`, `fra`, `af`).
pub const DECISION_BODY_LINKS: &[&str] = &["i", "fra", "af", "på"];

/// Words that may stand before a decision header's date (`den`, `d.`, `i mødet den`).
pub const DECISION_DATE_LINKS: &[&str] = &[
    "den",
    "d.",
    "på mødet den",
    "i mødet den",
    "på mødet d.",
    "i mødet d.",
    "i sit møde den",
    "mødet den",
];

/// The labelled lines that together head one decision in a case's history (`Udvalg: Magistraten`
/// / `Dato: 02-09-2025` / `Punktnummer: 3`): the body label, the date label, the item label.
pub const DECISION_BLOCK_BODY_LABELS: &[&str] = &["udvalg", "organ", "forum"];
pub const DECISION_BLOCK_DATE_LABELS: &[&str] = &["dato", "mødedato"];
pub const DECISION_BLOCK_ITEM_LABELS: &[&str] = &["punktnummer", "punkt", "pkt.", "punktnr."];

/// Phrases that open a recommendation's clauses when written as a heading-like line of their
/// own (`Det indstilles:`, `Forvaltningen foreslår:`, `Beslutningspunkter`), lower case.
pub const INDSTILLING_INTROS: &[&str] = &[
    "det indstilles",
    "det foreslås",
    "forvaltningen foreslår",
    "administrationen foreslår",
    "beslutningspunkter",
];

/// Old spellings an archive prints (`Byraadet`, `Sogneraadet`, `Kjøbenhavn`), lower case, with
/// today's spelling: folded before a word is compared with a list.
pub const OLD_SPELLINGS: &[(&str, &str)] = &[
    ("raad", "råd"),
    ("aabent", "åbent"),
    ("kjøbenhavn", "københavn"),
    ("kjøbstad", "købstad"),
];

/// `Sogneraadets Beslutning` → `sognerådets beslutning`: lower case, with the old spellings of
/// [`OLD_SPELLINGS`] made modern.
pub fn fold_old(s: &str) -> String {
    let mut t = s.to_lowercase();
    for (old, new) in OLD_SPELLINGS {
        t = t.replace(old, new);
    }
    t
}

#[cfg(test)]
mod tests {
    //! Every word of these lists reaches the recogniser built from it.
    use super::*;
    use crate::parse::{indstilling, punkt, sections};

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(String::from).collect()
    }

    #[test]
    fn every_separator_makes_a_header_with_company() {
        for sep in NUMBER_SEPARATORS {
            let text = format!("4{sep} Budgetopfølgning\nSagsnr.: 14/689\nTekst");
            let h = punkt::find_headers(&lines(&text));
            assert_eq!(h.len(), 1, "{text}");
            assert_eq!(h[0].title, "Budgetopfølgning", "{sep}");
        }
    }

    #[test]
    fn every_standing_item_is_an_item_in_the_numbering() {
        for w in STANDING_ITEMS {
            let mut title: Vec<char> = w.chars().collect();
            title[0] = title[0].to_uppercase().next().unwrap();
            let title: String = title.into_iter().collect();
            // last on the agenda: only the item before it continues into it
            let text = format!(
                "1. Budget\nSagsnr.: 14/689\nTekst\n\n2. Plan\nSagsnr.: 14/690\nTekst\n\n3. {title}\nIntet."
            );
            let n: Vec<String> = punkt::find_headers(&lines(&text))
                .iter()
                .map(|h| h.number.clone())
                .collect();
            assert_eq!(n, ["1", "2", "3"], "{w}");
        }
        // a numbered paragraph that happens to continue the numbering is no item
        let text = "1. Budget\nSagsnr.: 14/689\nTekst\n\n2. Plan\nSagsnr.: 14/690\nTekst\n3. Flere ledige skal i arbejde";
        assert_eq!(punkt::find_headers(&lines(text)).len(), 2);
    }

    #[test]
    fn every_added_heading_is_a_heading_of_its_kind() {
        for (h, kind) in MORE_HEADINGS {
            for form in [h.to_string(), h.to_uppercase(), format!("{h}:")] {
                assert_eq!(sections::heading(&form).map(|x| x.1), Some(*kind), "{form}");
            }
        }
    }

    #[test]
    fn every_decision_word_opens_a_decision_with_body_and_date() {
        for w in DECISION_WORDS {
            for link in DECISION_BODY_LINKS {
                for date_link in DECISION_DATE_LINKS {
                    let line = format!("{w} {link} Byrådet {date_link} 12. marts 2019");
                    let d = sections::decision_head(&line).unwrap_or_else(|| panic!("{line}"));
                    assert_eq!(d.body.as_deref(), Some("Byrådet"), "{line}");
                    assert_eq!(d.date.as_deref(), Some("2019-03-12"), "{line}");
                }
            }
        }
    }

    #[test]
    fn every_decision_block_label_heads_a_decision() {
        for b in DECISION_BLOCK_BODY_LABELS {
            for d in DECISION_BLOCK_DATE_LABELS {
                for p in DECISION_BLOCK_ITEM_LABELS {
                    let l = lines(&format!(
                        "Sagsforløb:\n{b}: Magistraten\n{d}: 02-09-2025\n{p}: 3\nGodkendt."
                    ));
                    let s = sections::split(&l);
                    let dec: Vec<_> = s.iter().filter_map(|s| s.decision.as_ref()).collect();
                    assert_eq!(dec.len(), 1, "{b} {d} {p}");
                    assert_eq!(dec[0].body.as_deref(), Some("Magistraten"));
                    assert_eq!(dec[0].date.as_deref(), Some("2025-09-02"));
                }
            }
        }
    }

    #[test]
    fn every_indstilling_intro_gives_its_clauses() {
        for w in INDSTILLING_INTROS {
            let mut c: Vec<char> = w.chars().collect();
            c[0] = c[0].to_uppercase().next().unwrap();
            let intro: String = c.into_iter().collect();
            let l = lines(&format!(
                "{intro}:\nAt planen godkendes.\nAt budgettet frigives."
            ));
            let i = indstilling::parse(&l).unwrap();
            assert_eq!(
                i.clauses,
                ["planen godkendes.", "budgettet frigives."],
                "{w}"
            );
        }
    }

    #[test]
    fn every_old_spelling_folds() {
        for (old, new) in OLD_SPELLINGS {
            assert_eq!(fold_old(old), *new);
        }
        assert_eq!(fold_old("Sogneraadets"), "sognerådets");
    }
}
