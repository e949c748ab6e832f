//! Issue 10, items and decision blocks from evidence: facts on real documents read in place
//! from `../shared` (skipped with a message when it is absent), and on texts in the register of
//! old protocols, written for these tests (constructed, not copied from any archive).

use std::path::{Path, PathBuf};

use referat::model::{Document, Kind};

fn shared(rel: &str) -> Option<PathBuf> {
    let p = support_root().join("..").join("shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/{rel} is not here");
        None
    }
}

fn support_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text of an HTML page, one block a line (referat reads no HTML; the page stands in for
/// what a text export of it holds).
fn html_text(html: &str) -> String {
    let mut s = html.to_string();
    for tag in ["script", "style"] {
        while let Some(a) = s.find(&format!("<{tag}")) {
            let end = s[a..]
                .find(&format!("</{tag}>"))
                .map_or(s.len(), |e| a + e + tag.len() + 3);
            s.replace_range(a..end, "");
        }
    }
    let mut out = String::new();
    let mut in_tag = false;
    let mut tag = String::new();
    for c in s.chars() {
        match (in_tag, c) {
            (false, '<') => {
                in_tag = true;
                tag.clear();
            }
            (true, '>') => {
                in_tag = false;
                let name = tag
                    .trim_start_matches('/')
                    .split([' ', '/'])
                    .next()
                    .unwrap_or("");
                let block = [
                    "br", "p", "div", "td", "th", "tr", "li", "h1", "h2", "h3", "h4", "span",
                    "table",
                ];
                if block.contains(&name.to_lowercase().as_str()) {
                    out.push('\n');
                }
            }
            (true, c) => tag.push(c),
            (false, c) => out.push(c),
        }
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_text(text: &str) -> Document {
    let file = referat::read::SourceFile::from_bytes(Path::new("x.txt"), text.as_bytes().to_vec())
        .unwrap();
    referat::pipeline::parse(&file).unwrap().document
}

#[test]
fn a_number_alone_with_its_title_below_is_an_item() {
    // FirstAgenda web page: `1` / `Godkendelse af dagsorden` / `EMN-2023-009832`
    let Some(p) = shared("formats/html/aarhus_byraad_dagsorden_2025-10-08_budget2026.html") else {
        return;
    };
    let d = parse_text(&html_text(&std::fs::read_to_string(p).unwrap()));
    let numbers: Vec<String> = d.punkter.iter().map(|p| p.number.clone()).collect();
    let want: Vec<String> = (1..=33).map(|n| n.to_string()).collect();
    assert_eq!(numbers, want);
    assert_eq!(d.punkter[0].title, "Godkendelse af dagsorden");
    assert_eq!(d.punkter[0].case_numbers, ["EMN-2023-009832"]);
    let p2 = &d.punkter[1];
    assert_eq!(p2.title, "Forslag til budget 2026-2029");
    // `Beslutningspunkter` / `Det indstilles:` / `At 1) Byrådet …`
    let i = p2.indstilling.as_ref().unwrap();
    assert_eq!(
        i.clauses,
        ["Byrådet drøfter og godkender eventuelle ændringer til budgetforslaget 2026."]
    );
    // `Udvalg: Magistraten` / `Dato: 02-09-2025` / `Punktnummer: 3`: one decision each
    let heads: Vec<(Option<&str>, Option<&str>)> = p2
        .beslutninger
        .iter()
        .map(|b| (b.body.as_deref(), b.date.as_deref()))
        .collect();
    assert_eq!(
        heads[..2],
        [
            (Some("Magistraten"), Some("2025-09-02")),
            (Some("Aarhus Byråd"), Some("2025-09-10"))
        ]
    );
    assert!(
        p2.beslutninger[0]
            .text
            .starts_with("Fremsendes til Aarhus Byråd")
    );
}

#[test]
fn an_edoc_page_numbers_alone_and_proposes_under_forvaltningen_foreslaar() {
    let Some(p) = shared(
        "formats/os2dagsorden/fujitsu_middelfart_TESTUDVALG_2017/dagsorden_2017-04-21_1200.html",
    ) else {
        return;
    };
    let d = parse_text(&html_text(&std::fs::read_to_string(p).unwrap()));
    let items: Vec<(&str, &str)> = d
        .punkter
        .iter()
        .map(|p| (p.number.as_str(), p.title.as_str()))
        .collect();
    // the list under `Dagsorden` names the items; the items follow, each once
    assert_eq!(
        items,
        [
            ("2", "test"),
            ("3", "test tabel"),
            ("4", "Fejloprettet"),
            ("5", "Fejloprettet"),
            ("6", "Underskriftsblad")
        ]
    );
    let clauses = &d.punkter[2].indstilling.as_ref().unwrap().clauses;
    assert_eq!(clauses, &["punktet drøftes."]);
}

#[test]
fn minutes_fields_and_presentations_are_sections() {
    // SBSYS print: `Oplæg:` then `Referat:` as the item's minutes
    let d = crate::support::parse("aarhus-moedesystemgruppen-referat-2016-10-06.pdf");
    let p = &d.punkter[0];
    let kinds: Vec<&str> = p.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(kinds, ["Oplæg", "Referat"]);
    assert!(
        p.beslutninger[0]
            .text
            .starts_with("Alle skal have indhold.")
    );
}

/// Constructed in the register of a parish council's protocol of 1890: old spellings (`aa`),
/// capitalised nouns, an old-style date; not copied from any archive.
const SOGNERAAD_1890: &str = "Forhandlingsprotokol for Sogneraadet\nMødet den 3. Marts 1890\n\n1. Andragende fra Gaardejer Jens Hansen om Eftergivelse af Fattigskat\nJ.nr. 12/1890\n\nAndragendet forelagdes.\n\nSogneraadets Beslutning den 3. Marts 1890\nAndragendet afsloges.\n\n2. Regnskab for Skolekassen for Aaret 1889\nJ.nr. 13/1890\n\nRegnskabet fremlagdes med en Beholdning af 212 Kr. 40 Øre.\n\nSogneraadets Beslutning den 3. Marts 1890\nToges til Efterretning.\n";

/// Constructed in the register of a municipal council's minutes of 1975.
const BYRAAD_1975: &str = "REFERAT\nByraadsmøde tirsdag den 14. januar 1975 kl. 19.30\n\nPunkt 1. Budget for 1975/76\nJ.nr. 00.30.00-S00-1-75\n\nØkonomiudvalget indstiller, at budgettet godkendes.\n\nBeslutning i Byraadet den 14. januar 1975:\nGodkendt.\n\nPunkt 2. Meddelelser\n\nBorgmesteren orienterede om vejarbejdet.\n";

#[test]
fn a_protocol_of_1890_is_read_as_minutes_not_as_a_table() {
    let d = parse_text(SOGNERAAD_1890);
    assert_eq!(d.kind, Kind::Referat);
    assert!(d.tables.is_empty(), "{:?}", d.tables);
    assert_eq!(d.punkter.len(), 2);
    let b = &d.punkter[0].beslutninger[0];
    assert_eq!(
        (b.body.as_deref(), b.date.as_deref()),
        (Some("Sogneraadet"), Some("1890-03-03"))
    );
    assert_eq!(b.text, "Andragendet afsloges.");
    assert_eq!(
        d.meeting.as_ref().unwrap().date.as_deref(),
        Some("1890-03-03")
    );
}

#[test]
fn minutes_of_1975_with_old_spellings() {
    let d = parse_text(BYRAAD_1975);
    assert!(d.tables.is_empty());
    let numbers: Vec<&str> = d.punkter.iter().map(|p| p.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["1", "2"],
        "the standing item `Meddelelser` is an item"
    );
    let b = &d.punkter[0].beslutninger[0];
    assert_eq!(
        (b.body.as_deref(), b.date.as_deref()),
        (Some("Byraadet"), Some("1975-01-14"))
    );
}
