//! The readers beyond text and PDF (Word, HTML pages, case-system XML, FirstAgenda JSON) on
//! the real samples in `../shared/formats/`, read in place; each test says loudly when the
//! samples are not there and passes without them. Twins are checked against their PDF.

use std::path::{Path, PathBuf};

use referat::model::{Document, Format};

/// A sample under `../shared/`, or `None` (with a loud message) when it is not there.
fn shared(rel: &str) -> Option<PathBuf> {
    let p = super::support::root().join("..").join("shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "\n*** SKIPPED: {} is absent (../shared not beside the repo) ***\n",
            p.display()
        );
        None
    }
}

fn parse(p: &Path) -> Document {
    referat::pipeline::parse_path(p).unwrap_or_else(|e| panic!("{e}"))
}

/// Number, title, case numbers and closed flag of each item.
fn items(d: &Document) -> Vec<(String, String, Vec<String>, bool)> {
    d.punkter
        .iter()
        .map(|p| {
            (
                p.number.clone(),
                p.title.clone(),
                p.case_numbers.clone(),
                p.closed,
            )
        })
        .collect()
}

/// A decision's text with whitespace folded, and its outcome.
type Decided = (String, Option<referat::model::Outcome>);

/// Each item's decisions.
fn decisions(d: &Document) -> Vec<(String, Vec<Decided>)> {
    d.punkter
        .iter()
        .map(|p| {
            let ds = p
                .beslutninger
                .iter()
                .map(|b| {
                    (
                        b.text.split_whitespace().collect::<Vec<_>>().join(" "),
                        b.outcome,
                    )
                })
                .collect();
            (p.number.clone(), ds)
        })
        .collect()
}

#[test]
fn formats_firstagenda_json_meeting_and_items() {
    let Some(p) = shared(
        "formats/firstagenda-json/greve_Beskaeftigelses-og-Erhvervsudvalget_2022-11-14_516612b6.json",
    ) else {
        return;
    };
    let d = parse(&p);
    assert_eq!(d.source.format, Format::Json);
    let m = d.meeting.as_ref().expect("a meeting");
    assert_eq!(
        m.body.as_deref(),
        Some("Beskæftigelses- og Erhvervsudvalget")
    );
    assert_eq!(m.date.as_deref(), Some("2022-11-14"));
    assert_eq!(m.start_time.as_deref(), Some("08:00"));
    assert_eq!(m.participants.iter().filter(|p| p.absent).count(), 1);
    assert_eq!(d.punkter.len(), 12);
    let p1 = &d.punkter[0];
    assert_eq!(
        (p1.number.as_str(), p1.title.as_str()),
        ("1", "Godkendelse af dagsorden")
    );
    assert_eq!(p1.case_numbers, ["21-014448"]);
    assert_eq!(p1.beslutninger[0].text, "Godkendt.");
    // `Lukket: Henvendelser til formanden`: the marking is the closed flag, its text the decision
    let p9 = &d.punkter[8];
    assert_eq!(
        (p9.title.as_str(), p9.closed),
        ("Henvendelser til formanden", true)
    );
    assert_eq!(
        p9.beslutninger[0].text,
        "Der har ikke været nogen henvendelser."
    );
}

#[test]
fn formats_syddjurs_word_and_acadre_xml_match_the_pdf() {
    let dir = "formats/os2dagsorden/acadre_syddjurs_puk_2013-06-20";
    let (Some(pdf), Some(docx), Some(xml)) = (
        shared("real/syddjurs-puk-referat-2013-06-20.pdf"),
        shared(&format!("{dir}/3687982_referat.docx")),
        shared(&format!("{dir}/3687981_agenda.xml")),
    ) else {
        return;
    };
    let (pdf, docx, xml) = (parse(&pdf), parse(&docx), parse(&xml));
    assert_eq!(docx.source.format, Format::Docx);
    assert_eq!(xml.source.format, Format::Xml);
    assert!(!pdf.punkter.is_empty());
    // the publishing manifest beside them: the meeting, no items
    if let Some(m) = shared(&format!("{dir}/XML_1863_manifest.xml")) {
        let m = parse(&m);
        let meeting = m.meeting.as_ref().expect("the manifest's meeting");
        assert_eq!(meeting.date.as_deref(), Some("2013-06-20"));
        assert_eq!(
            meeting.body.as_deref(),
            Some("Udvalget for plan, udvikling og kultur (PUK)")
        );
        assert!(m.punkter.is_empty());
    }
    for d in [&docx, &xml] {
        assert_eq!(items(d), items(&pdf), "{}", d.source.path);
        assert_eq!(decisions(d), decisions(&pdf), "{}", d.source.path);
        assert_eq!(
            d.meeting.as_ref().and_then(|m| m.date.clone()).as_deref(),
            Some("2013-06-20")
        );
    }
}

#[test]
fn formats_aarhus_sbsys_xml_matches_the_pdf() {
    let (Some(pdf), Some(xml)) = (
        shared("real/aarhus-moedesystemgruppen-referat-2016-10-06.pdf"),
        shared("formats/os2dagsorden/sbsys_aarhus_moedesystemgruppen_2016/publication.xml"),
    ) else {
        return;
    };
    let (pdf, xml) = (parse(&pdf), parse(&xml));
    assert_eq!(xml.source.format, Format::Xml);
    // every item of the PDF is in the XML, with its number, title, case numbers and heading
    for p in &pdf.punkter {
        let x = xml
            .punkter
            .iter()
            .find(|x| x.number == p.number)
            .unwrap_or_else(|| panic!("punkt {} missing from the XML", p.number));
        assert_eq!(
            (&x.title, &x.case_numbers, &x.parent),
            (&p.title, &p.case_numbers, &p.parent)
        );
        // this publication lists the items without their minutes (no `Oplæg`/`Referat`
        // text), so decisions can only agree where the XML carries the item's text
        if x.sections
            .iter()
            .any(|s| s.kind != referat::model::SectionKind::Indledning)
        {
            assert_eq!(
                x.beslutninger.len(),
                p.beslutninger.len(),
                "punkt {}",
                p.number
            );
        }
    }
    // the XML also lists `3 Eventuelt`, which has no text in the PDF; the headings `1`, `2`
    // and the publication's own files (numbered 0) are not items
    let numbers: Vec<&str> = xml.punkter.iter().map(|p| p.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3"]
    );
    let m = xml.meeting.as_ref().expect("a meeting");
    assert_eq!(m.body.as_deref(), Some("Mødesystemgruppen"));
    assert_eq!(
        (m.date.as_deref(), m.start_time.as_deref()),
        (Some("2016-10-06"), Some("13:00"))
    );
    assert_eq!(m.place.as_deref(), Some("Rådhuset lokale 233"));
}

#[test]
fn formats_ballerup_sbsys_xml_is_a_meeting_with_its_items() {
    let Some(p) = shared("formats/os2dagsorden/sbsys_ballerup_kmb-it_2013/Publication32.xml")
    else {
        return;
    };
    let d = parse(&p);
    assert_eq!(d.kind, referat::model::Kind::Dagsorden);
    let m = d.meeting.as_ref().expect("a meeting");
    assert_eq!(m.date.as_deref(), Some("2013-05-15"));
    assert_eq!(m.participants.len(), 11);
    let numbers: Vec<&str> = d.punkter.iter().map(|p| p.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
    assert_eq!(d.punkter[0].title, "Meddelelser");
    assert_eq!(
        d.punkter[2].title,
        "Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)"
    );
    assert!(d.punkter.iter().all(|p| !p.closed));
    // the fields are sections; an item's attachment data is never an item's text
    assert!(d.punkter.iter().any(|p| !p.sections.is_empty()));
}

#[test]
fn formats_aarhus_budget_agenda_html_has_its_items() {
    let Some(p) = shared("formats/html/aarhus_byraad_dagsorden_2025-10-08_budget2026.html") else {
        return;
    };
    let d = parse(&p);
    assert_eq!(d.source.format, Format::Html);
    let m = d.meeting.as_ref().expect("a meeting");
    assert_eq!(m.date.as_deref(), Some("2025-10-08"));
    assert_eq!(d.punkter.len(), 33);
    let p2 = &d.punkter[1];
    assert_eq!(
        (p2.number.as_str(), p2.title.as_str()),
        ("2", "Forslag til budget 2026-2029")
    );
    assert_eq!(p2.case_numbers, ["EMN-2025-008308"]);
    let numbers: Vec<String> = (1..=33).map(|n| n.to_string()).collect();
    assert_eq!(
        d.punkter
            .iter()
            .map(|p| p.number.clone())
            .collect::<Vec<_>>(),
        numbers
    );
    // the portal's own layout tables (the agenda, the meeting's labels) are not data tables,
    // and the items' text holds none: counted by hand in the page, its only <table>s are the
    // meeting's labels and the agenda itself
    assert_eq!((d.tables.len(), d.budget.len()), (0, 0));
    let headings: Vec<&str> = p2.sections.iter().map(|s| s.heading.as_str()).collect();
    assert!(
        headings.contains(&"Resume") && headings.contains(&"Bilag"),
        "{headings:?}"
    );
}

#[test]
fn formats_a_legacy_doc_is_unsupported_not_damaged() {
    let dir = super::support::root()
        .join("target")
        .join("formats-doc-test");
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("referat.doc");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend([0u8; 512]);
    std::fs::write(&doc, &bytes).unwrap();
    let err = referat::pipeline::parse_path(&doc).unwrap_err();
    assert_eq!(err.code(), "unsupported_doc", "{err}");
    // content wins over the ending: SBSYS XML named .txt is read as XML
    let xml = dir.join("export.txt");
    std::fs::write(&xml, LENIENT).unwrap();
    assert_eq!(parse(&xml).source.format, Format::Xml);
}

/// An SBSYS export with what real exports get wrong: a form feed as a character reference,
/// undeclared entities, a bare `&`, UTF-8 declared as Latin-1, items out of order, and an
/// attachment's inlined data.
const LENIENT: &str = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<Publication><Agendas><Agenda>\
<Meeting><When>02-03-2020 16:00:00</When><Where>Rådhuset</Where></Meeting>\
<Committee><Name>Økonomiudvalget</Name></Committee><Items>\
<Item><Number>2</Number><Caption>Budget &amp; regnskab</Caption><IsPublic>false</IsPublic>\
<Case><Number>20/123</Number></Case><Fields><ItemField><Caption>Beslutning</Caption>\
<Content>&lt;p&gt;Godkendt.&lt;/p&gt;</Content></ItemField></Fields>\
<Enclosures><Enclosure><Name>Bilag 1</Name><Data>Punkt 9: Ikke et punkt</Data></Enclosure></Enclosures></Item>\
<Item><Number>1</Number><Caption>Godkendelse af dagsorden</Caption><IsPublic>true</IsPublic><Fields>\
<ItemField><Caption>Indstilling</Caption><Content>Direktøren indstiller,&#12; at dagsordenen godkendes&nbsp;&aring; R&D</Content></ItemField>\
</Fields></Item></Items></Agenda></Agendas></Publication>";

#[test]
fn formats_broken_xml_is_read_leniently_with_warnings() {
    let dir = super::support::root()
        .join("target")
        .join("formats-lenient-test");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("publication.xml");
    std::fs::write(&p, LENIENT).unwrap();
    let d = parse(&p);
    assert_eq!(
        items(&d),
        [
            (
                "1".to_string(),
                "Godkendelse af dagsorden".to_string(),
                vec![],
                false
            ),
            (
                "2".to_string(),
                "Budget & regnskab".to_string(),
                vec!["20/123".to_string()],
                true
            ),
        ]
    );
    assert_eq!(
        d.meeting.as_ref().and_then(|m| m.body.clone()).as_deref(),
        Some("Økonomiudvalget")
    );
    assert_eq!(d.punkter[1].beslutninger[0].text, "Godkendt.");
    assert_eq!(d.punkter[1].bilag, ["Bilag 1"]);
    let w = d.warnings.join("\n");
    for needle in [
        "declared encoding",
        "forbids",
        "undeclared entities",
        "out of order",
    ] {
        assert!(w.contains(needle), "no warning about {needle}: {w}");
    }
}

/// A cell read back from an .xlsx: text, or a number.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Number(f64),
}

/// The sheets of an .xlsx, by name, as rows of cells (an independent little reader: the
/// parts' XML, inline strings and numbers).
fn read_xlsx(path: &Path) -> Vec<(String, Vec<Vec<Cell>>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).expect("a zip");
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let book = part("xl/workbook.xml");
    let names: Vec<String> = book
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect();
    let mut out = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let xml = part(&format!("xl/worksheets/sheet{}.xml", i + 1));
        let mut rows = Vec::new();
        for row in xml.split("<row ").skip(1) {
            let mut cells = Vec::new();
            for c in row.split("<c r=\"").skip(1) {
                let col: usize = c
                    .chars()
                    .take_while(|ch| ch.is_ascii_uppercase())
                    .fold(0, |a, ch| a * 26 + (ch as usize - 'A' as usize + 1))
                    - 1;
                let cell = if let Some(v) = c.split("<v>").nth(1) {
                    Cell::Number(v.split('<').next().unwrap().parse().unwrap())
                } else {
                    let t = c
                        .split("\">")
                        .nth(2)
                        .unwrap_or("")
                        .split('<')
                        .next()
                        .unwrap();
                    Cell::Text(
                        t.replace("&amp;", "&")
                            .replace("&lt;", "<")
                            .replace("&gt;", ">")
                            .replace("&quot;", "\""),
                    )
                };
                while cells.len() < col {
                    cells.push(Cell::Text(String::new()));
                }
                cells.push(cell);
            }
            rows.push(cells);
        }
        out.push((name, rows));
    }
    out
}

#[test]
fn formats_tables_spreadsheet_has_typed_budget_figures() {
    let dir = super::support::root()
        .join("target")
        .join("formats-tables-test");
    std::fs::create_dir_all(&dir).unwrap();
    let (xlsx, csv) = (dir.join("t.xlsx"), dir.join("t.csv"));
    for f in [&xlsx, &csv] {
        let out = super::support::run(
            &[
                "-q",
                "export",
                "corpus",
                "--out",
                dir.join("docs.ndjson").to_str().unwrap(),
                "--tables",
                f.to_str().unwrap(),
            ],
            &[],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let book = read_xlsx(&xlsx);
    let (name, index) = &book[0];
    assert_eq!(name, "Tabeller");
    let text = |s: &str| Cell::Text(s.to_string());
    assert_eq!(
        index[0][..6],
        ["Ark", "Kilde", "Udvalg", "Dato", "Punkt", "Overskrift"].map(text)
    );
    // the Direktion's centre budget: a sheet whose `Arbejdsmarkedscenteret` row has 6862
    // under `Nyt budget`, as a number
    let mut found = false;
    for row in index.iter().skip(1) {
        let Cell::Text(source) = &row[1] else {
            continue;
        };
        if !source.contains("referat-direktionen-2015-01-06") {
            continue;
        }
        let sheet = &book.iter().find(|(n, _)| row[0] == text(n)).unwrap().1;
        let Some(col) = sheet[0].iter().position(|h| *h == text("Nyt budget")) else {
            continue;
        };
        for r in sheet.iter().skip(1) {
            if r[0] == text("Arbejdsmarkedscenteret") {
                assert_eq!(r[col], Cell::Number(6862.0));
                found = true;
            }
        }
    }
    assert!(found, "no sheet with Arbejdsmarkedscenteret / Nyt budget");
    // where Python's openpyxl is installed, a real spreadsheet reader opens it too
    let py = "import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nprint(sum(1 for ws in wb for r in ws.iter_rows(values_only=True) if 'Arbejdsmarkedscenteret' in r and 6862 in r))";
    match std::process::Command::new("python3")
        .args(["-c", py, xlsx.to_str().unwrap()])
        .output()
    {
        Ok(o) if o.status.success() => {
            let n: usize = String::from_utf8_lossy(&o.stdout).trim().parse().unwrap();
            assert!(
                n >= 1,
                "openpyxl finds no Arbejdsmarkedscenteret row with 6862"
            );
        }
        _ => {
            eprintln!("openpyxl not installed: the .xlsx was checked by the test's own reader only")
        }
    }
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("source,body,date,punkt,table,caption,row,column,value,unit,raw,page")
    );
    assert!(
        text.lines()
            .any(|l| l.contains("Arbejdsmarkedscenteret,Nyt budget,6862,")),
        "{}",
        &text[..500]
    );
}

/// A portal page's budget table (constructed here: the real Aarhus sample prints its figures
/// in prose): the header rows merge, and every figure becomes a budget record of its column.
#[test]
fn formats_an_html_budget_table_gives_records_under_merged_headers() {
    let dir = crate::support::TempDir::new("html-budget");
    let page = "<!DOCTYPE html><html><head><title>Referat</title></head><body>\
        <h1>Referat Byrådet</h1><p>Mødedato: 12-03-2024</p>\
        <h2>1. Budgetopfølgning</h2><p>Sagsnr.: 24/1234</p><h3>Økonomi</h3>\
        <table><tr><th rowspan=\"2\">Område</th><th colspan=\"2\">Budget (1.000 kr.)</th></tr>\
        <tr><th>2024</th><th>2025</th></tr>\
        <tr><td>Skoler</td><td>2.504,7</td><td>2.600,0</td></tr>\
        <tr><td>Ældre</td><td>1.100,0</td><td>1.150,5</td></tr>\
        <tr><td>I alt</td><td>3.604,7</td><td>3.750,5</td></tr></table>\
        <h3>Beslutning</h3><p>Godkendt.</p></body></html>";
    let path = dir.0.join("side.html");
    std::fs::write(&path, page).unwrap();
    let doc = referat::pipeline::parse_path(&path).unwrap();
    assert_eq!(doc.source.format, Format::Html);
    let records: Vec<(String, Option<String>, f64)> = doc
        .budget
        .iter()
        .map(|b| (b.row.clone(), b.column.clone(), b.value))
        .collect();
    assert_eq!(records.len(), 6, "{records:?}");
    assert!(records.contains(&(
        "Skoler".into(),
        Some("Budget (1.000 kr.) 2024".into()),
        2504.7
    )));
    assert!(records.contains(&(
        "Ældre".into(),
        Some("Budget (1.000 kr.) 2025".into()),
        1150.5
    )));
    assert!(
        doc.budget
            .iter()
            .all(|b| b.unit.as_deref() == Some("1.000 kr."))
    );
    assert!(
        doc.warnings.is_empty(),
        "the rows add up to their totals: {:?}",
        doc.warnings
    );
}

/// The eDoc portal page lays each item header out as a table row of a number and a title; the
/// HTML reader gives the same items as the eDoc XML of the same meeting.
#[test]
fn formats_edoc_html_items_match_its_xml() {
    let (Some(html), Some(xml)) = (
        shared(
            "formats/os2dagsorden/fujitsu_middelfart_TESTUDVALG_2017/dagsorden_2017-04-21_1200.html",
        ),
        shared(
            "formats/os2dagsorden/fujitsu_middelfart_TESTUDVALG_2017/dagsorden_2017-04-21_1200.xml",
        ),
    ) else {
        return;
    };
    let numbers_titles = |d: &referat::model::Document| -> Vec<(String, String)> {
        d.punkter
            .iter()
            .map(|p| (p.number.clone(), p.title.clone()))
            .collect()
    };
    let (html, xml) = (parse(&html), parse(&xml));
    assert_eq!(html.source.format, Format::Html);
    assert_eq!(numbers_titles(&html), numbers_titles(&xml));
    assert_eq!(html.punkter.len(), 5);
}
