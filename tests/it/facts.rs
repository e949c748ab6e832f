//! The facts the parse issue promises about the seed documents, asserted one by one so that a
//! regression names what broke.

use referat::model::{Kind, Outcome, Punkt};

use crate::support::{self, parse};

fn punkt<'a>(doc: &'a referat::model::Document, number: &str) -> &'a Punkt {
    doc.punkter
        .iter()
        .find(|p| p.number == number)
        .unwrap_or_else(|| panic!("punkt {number}"))
}

fn record<'a>(
    doc: &'a referat::model::Document,
    row: &str,
    column: Option<&str>,
) -> Vec<&'a referat::model::BudgetRecord> {
    doc.budget
        .iter()
        .filter(|b| b.row == row && (column.is_none() || b.column.as_deref() == column))
        .collect()
}

#[test]
fn direktionen_meeting_and_items() {
    let d = parse("referat-direktionen-2015-01-06.txt");
    assert_eq!(d.kind, Kind::Referat);
    let m = d.meeting.as_ref().unwrap();
    assert_eq!(m.body.as_deref(), Some("Direktionen"));
    assert_eq!(m.date.as_deref(), Some("2015-01-06"));
    assert_eq!(m.start_time.as_deref(), Some("10:00"));
    assert_eq!(m.place.as_deref(), Some("A101"));
    let numbers: Vec<&str> = d.punkter.iter().map(|p| p.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["1", "2", "3", "4", "5", "6", "7", "8"],
        "the table of contents is not items"
    );
}

#[test]
fn direktionen_punkt_2() {
    let d = parse("referat-direktionen-2015-01-06.txt");
    let p = punkt(&d, "2");
    assert_eq!(p.title, "Status Direktionens porteføljeliste");
    assert_eq!(p.case_numbers, ["14/689"]);
    assert_eq!(p.bilag.len(), 12);
    let i = p.indstilling.as_ref().unwrap();
    assert_eq!(i.by.as_deref(), Some("BYC"));
    assert_eq!(i.clauses.len(), 2);
    let decisions: Vec<(Option<&str>, Option<Outcome>)> = p
        .beslutninger
        .iter()
        .map(|b| (b.date.as_deref(), b.outcome))
        .collect();
    assert_eq!(
        decisions,
        [
            (Some("2015-01-06"), Some(Outcome::Udsat)),
            (Some("2014-11-25"), Some(Outcome::Udsat))
        ]
    );
}

#[test]
fn direktionen_punkt_4_budget_table() {
    let d = parse("referat-direktionen-2015-01-06.txt");
    let p = punkt(&d, "4");
    assert_eq!(p.case_numbers, ["13/18089"]);
    assert_eq!(p.beslutninger.len(), 1);
    assert_eq!(p.beslutninger[0].outcome, Some(Outcome::Udsat));
    assert!(p.beslutninger[0].text.contains("sagen forelægges igen"));
    let r = record(&d, "Arbejdsmarkedscenteret", Some("Nyt budget"));
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].value, 6862.0);
    assert_eq!(r[0].punkt.as_deref(), Some("4"));
    let r = record(&d, "I alt", Some("Antal ansatte"));
    assert_eq!(r[0].value, 516.92);
    assert!(
        d.warnings.iter().all(|w| !w.contains("punkt 4")),
        "rounding is not a sum error: {:?}",
        d.warnings
    );
}

#[test]
fn direktionen_other_outcomes() {
    let d = parse("referat-direktionen-2015-01-06.txt");
    assert_eq!(
        punkt(&d, "5").beslutninger[0].outcome,
        Some(Outcome::TagetTilEfterretning)
    );
    assert_eq!(
        punkt(&d, "6").beslutninger[0].outcome,
        Some(Outcome::Godkendt)
    );
    for n in ["1", "7", "8"] {
        assert!(
            punkt(&d, n).beslutninger.is_empty(),
            "punkt {n} has no decision"
        );
    }
}

#[test]
fn aalborg_transcript() {
    let d = parse("referat-aalborg-byraad-2019-03-18-transkript.txt");
    assert_eq!(
        d.punkter.len(),
        1,
        "the related-documents list yields no items"
    );
    let p = &d.punkter[0];
    assert_eq!(p.number, "2");
    assert_eq!(p.case_numbers, ["2019-014049"]);
    let i = p.indstilling.as_ref().unwrap();
    assert_eq!(i.by.as_deref(), Some("Borgmesterens Forvaltning"));
    assert_eq!(i.clauses.len(), 4, "{:?}", i.clauses);
    let b = p
        .beslutninger
        .iter()
        .find(|b| b.outcome == Some(Outcome::Godkendt))
        .expect("a godkendt decision");
    assert_eq!(b.dissents.len(), 1);
    assert_eq!(b.dissents[0].who.as_deref(), Some("Lasse P. N. Olsen"));
    assert_eq!(b.dissents[0].clauses, [2]);
    assert!(
        b.text.len() < 400,
        "the decision ends where the case description starts"
    );
    let m = d.meeting.as_ref().unwrap();
    assert_eq!(
        (m.date.as_deref(), m.start_time.as_deref()),
        (Some("2019-03-18"), Some("09:00"))
    );
    for s in &p.sections {
        assert!(
            !s.text.contains("Side 1 af 7"),
            "page furniture left in {}",
            s.heading
        );
    }
}

#[test]
fn aalborg_flattened_budget_table() {
    let d = parse("referat-aalborg-byraad-2019-03-18-transkript.txt");
    let values: Vec<f64> = record(&d, "Skoleforvaltningen", None)
        .iter()
        .map(|b| b.value)
        .collect();
    assert!(
        values.contains(&2016.099) && values.contains(&30.241),
        "{values:?}"
    );
    let ramme: Vec<f64> = record(&d, "Rammebeløb", None)
        .iter()
        .map(|b| b.value)
        .collect();
    assert_eq!(
        ramme.iter().filter(|v| **v == -1.689).count(),
        2,
        "{ramme:?}"
    );
    assert!(
        record(&d, "Skoleforvaltningen", None)
            .iter()
            .all(|b| b.unit.as_deref() == Some("mio. kr."))
    );
}

#[test]
fn status_report_table() {
    let d = parse("status-styr-paa-oekonomien-2011.txt");
    assert_eq!(d.kind, Kind::Rapport);
    assert_eq!(d.tables.len(), 1);
    let t = &d.tables[0];
    assert_eq!(t.header, ["Initiativ", "Målsætning", "Status"]);
    assert_eq!(t.rows.len(), 7);
    for cell in t.rows.iter().flatten() {
        assert!(
            !cell.contains('<') && !cell.contains('>'),
            "HTML left in {cell}"
        );
    }
}

#[test]
fn kl_transcript_is_a_clean_report() {
    let d = parse("rapport-kl-forenkling-2010-transkript.txt");
    assert_eq!(d.kind, Kind::Rapport);
    assert!(d.punkter.is_empty());
    // The document JSON holds only the title; the cleanup shows in the text the parsers read.
    let _cwd = support::CwdGuard::enter();
    let path = std::path::Path::new("corpus/rapport-kl-forenkling-2010-transkript.txt");
    let file = referat::read::SourceFile::load(path).unwrap();
    let lines = referat::pipeline::extract(&file)
        .unwrap()
        .text
        .cleaned
        .lines;
    let raw = std::fs::read_to_string(path).unwrap();
    for noise in [
        "Save this PDF as",
        "PNG \u{a0}TXT",
        "Størrelse: px",
        "Starte visningen fra side",
        "Download \"",
        "Transkript",
        "Læs mere",
    ] {
        assert!(raw.contains(noise), "the source has {noise:?}");
        assert!(
            lines.iter().all(|l| !l.contains(noise)),
            "{noise:?} left in the cleaned text"
        );
    }
    // the transcript's page counters (`2 Forenkling …`, `7 5 1. Indledning …`) are gone
    assert!(raw.contains("\n2 Forenkling kommunerne"));
    assert_eq!(
        lines[2],
        "Forenkling kommunerne er i gang Eksempler på kommunale forenklingstiltag"
    );
    assert!(lines.iter().any(|l| l.starts_with(
        "Forenkling kommunerne er i gang Eksempler på kommunale forenklingstiltag KL, april"
    )));
    assert!(
        lines
            .iter()
            .all(|l| !l.starts_with("7 5 ") && !l.starts_with("2 Forenkling"))
    );
}

#[test]
fn bilag_document() {
    let d = parse("bilag-effektiviseringer-proces.txt");
    assert_eq!(d.kind, Kind::Bilag);
    assert_eq!(d.tables.len(), 1);
    assert!(
        d.tables[0]
            .rows
            .iter()
            .flatten()
            .all(|c| !c.contains("<u>"))
    );
}

#[test]
fn same_file_same_id() {
    let a = parse("referat-direktionen-2015-01-06.txt");
    let b = parse("referat-direktionen-2015-01-06.txt");
    assert_eq!(a.id, b.id);
    assert_eq!(a.id.len(), 64);
    assert_eq!(a, b, "parsing is deterministic");
}
