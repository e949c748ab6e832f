//! PDF tables on real minutes (the Greve development PDFs in `../shared/dev-eval`, read in
//! place): one test per mechanism of `src/pdf/` (ruled grids with merged cells, whitespace
//! columns with a header over several lines, rules across only, captions and units) and the
//! prose that must not become a table.

use std::path::{Path, PathBuf};

use referat::pdf::row::{Found, Method};

/// A development PDF, or `None` (with a loud message) when `../shared` is not beside the repo.
fn dev_pdf(name: &str) -> Option<PathBuf> {
    let p = super::support::root()
        .join("..")
        .join("shared")
        .join("dev-eval")
        .join(name);
    if !p.exists() {
        eprintln!("\n*** SKIPPED: {} is absent ***\n", p.display());
        return None;
    }
    Some(p)
}

fn tables_of(path: &Path) -> Vec<Found> {
    let bytes = std::fs::read(path).unwrap();
    referat::pdf::pdf_tables(path, &bytes).unwrap()
}

/// The table that has a line starting with `start`.
fn table_with<'a>(found: &'a [Found], start: &str) -> Option<&'a Found> {
    found
        .iter()
        .find(|t| t.lines.iter().any(|l| l.starts_with(start)))
}

fn parse(path: &Path) -> referat::model::Document {
    referat::pipeline::parse_path(path).unwrap()
}

#[test]
fn a_ruled_table_keeps_a_merged_title_cell_once_and_wrapped_cells_whole() {
    let Some(p) = dev_pdf("greve_Klima-Teknik-og-Miljoeudvalget_2024-01-15_102ff8c2.pdf") else {
        return;
    };
    let found = tables_of(&p);
    let t = table_with(&found, "Tidsplan for de midlertidige").expect("the ruled time table");
    assert_eq!(t.method, Method::Rules);
    // the title spans the three columns: its text once, in the first
    assert_eq!(
        t.lines[0],
        "Tidsplan for de midlertidige bygninger (2023-2024)\t\t"
    );
    assert!(
        t.lines.contains(
            &"Nov./dec.\t2023\tProces for placering af de midlertidige bygninger med byggeudvalg"
                .to_string()
        ),
        "{:#?}",
        t.lines
    );
}

#[test]
fn a_ruled_table_reads_a_cell_wrapped_over_lines_as_one() {
    let Some(p) = dev_pdf("greve_Skole-Boerne-og-Ungeudvalget_2025-02-04_989fc50e.pdf") else {
        return;
    };
    let found = tables_of(&p);
    let t = table_with(&found, "Opstartsmøde med UC-Syd").expect("the ruled budget table");
    assert_eq!(t.method, Method::Rules);
    assert!(t.lines.contains(
        &"Opstartsmøde med UC-Syd , tilrettelæggelse af KaMiBe, organisering og kick-off arrangement\t75.000 kr."
            .to_string()
    ), "{:#?}", t.lines);
}

#[test]
fn a_whitespace_table_joins_its_header_set_over_several_lines() {
    // the table of a Greve referat printed without rules or shading (tests/fixtures/layouts)
    let p = super::support::root().join("tests/fixtures/layouts/whitespace-table.pdf");
    let found = tables_of(&p);
    assert_eq!(found.len(), 1, "{found:#?}");
    let t = &found[0];
    assert_eq!(t.method, Method::Whitespace);
    assert_eq!(t.columns, 6);
    // the header wraps over three lines in the PDF: one row, each cell's lines joined
    assert_eq!(
        t.lines[0],
        "Beløb i 1.000 kr.\tOprindeligt budget (a)\tTillægsbevillinger og omplaceringer (b)\tKorrigeret budget (c)\tForbrug (d)\tAfvigelse til korr. budget (e)"
    );
    assert_eq!(
        t.lines[1],
        "Skatter, tilskud og\t-3.375.048\t-77.869\t-3.452.917\t-3.427.821\t25.096"
    );
    // and the parser reads the header and the wrapped labels
    let d = parse(&p);
    let r = d
        .budget
        .iter()
        .find(|b| b.value == -77_869.0)
        .expect("a record");
    assert_eq!(r.row, "Skatter, tilskud og udligning");
    assert_eq!(
        r.column.as_deref(),
        Some("Tillægsbevillinger og omplaceringer (b)")
    );
    assert_eq!(r.unit.as_deref(), Some("1.000 kr."));
}

#[test]
fn a_caption_line_and_a_unit_in_the_header_reach_the_budget_records() {
    let Some(p) = dev_pdf("greve_Oekonomiudvalget_2024-04-10_c5f765a2.pdf") else {
        return;
    };
    let d = parse(&p);
    // the header is ruled, the rows under it are not: they take its columns
    let (k, t) = d
        .tables
        .iter()
        .enumerate()
        .find(|(_, t)| {
            t.caption.as_deref() == Some("Tabel 2. Driftsudgifter for 2023 fordelt på udvalg")
        })
        .expect("the caption on its own line above the table");
    let r = d
        .budget
        .iter()
        .find(|b| b.table == k && b.row == "Skole-, Børne- og Ungeudvalget" && b.value == 976.7)
        .unwrap_or_else(|| panic!("{t:#?}"));
    assert_eq!(r.column.as_deref(), Some("Oprindeligt budget (a)"));
    assert_eq!(r.unit.as_deref(), Some("mio. kr."));
    assert_eq!(r.page, Some(10));
    // the rows further down lie between rules across: the header's columns cut them too
    let r = d
        .budget
        .iter()
        .find(|b| b.table == k && b.row == "Kultur- og Fritidsudvalget" && b.value == 65.1)
        .unwrap_or_else(|| panic!("{t:#?}"));
    assert_eq!(r.column.as_deref(), Some("Oprindeligt budget (a)"));
}

#[test]
fn prose_between_the_rules_of_two_tables_is_no_table() {
    let Some(p) = dev_pdf("greve_Skole-Boerne-og-Ungeudvalget_2023-10-10_fee53987.pdf") else {
        return;
    };
    let d = parse(&p);
    let in_a_table = |words: &str| {
        d.tables
            .iter()
            .flat_map(|t| t.rows.iter().chain(std::iter::once(&t.header)))
            .any(|r| r.iter().any(|c| c.contains(words)))
    };
    // a sentence with figures, between the rule under one table and the rule over the next
    assert!(!in_a_table("omgørelsesprocent på"), "{:#?}", d.tables);
    assert!(
        !d.budget
            .iter()
            .any(|b| b.row.starts_with("På hele socialområdet"))
    );
    // and the tables either side are read
    assert!(
        d.budget
            .iter()
            .any(|b| b.row == "Hele socialområdet" && b.raw == "27 %")
    );
}

#[test]
fn prose_with_figures_stays_prose() {
    let Some(p) = dev_pdf("greve_Oekonomiudvalget_2024-04-10_c5f765a2.pdf") else {
        return;
    };
    let d = parse(&p);
    for b in &d.budget {
        assert!(
            !b.row.contains("budgetlagt") && !b.row.contains("mindreforbrug i forhold"),
            "a sentence became a budget record: {b:?}"
        );
    }
    assert!(!d.budget.iter().any(|b| b.raw == "9,9 mio. kr."));
}

#[test]
fn text_tables_prints_each_table_with_page_box_and_method() {
    let out = super::support::run(
        &[
            "text",
            "--tables",
            "tests/fixtures/layouts/whitespace-table.pdf",
        ],
        &[],
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("page 1  whitespace  [61, 73, 535, 304]  18 rows x 6 columns\n"),
        "{text}"
    );
    assert!(text.contains("\n  Resultat i alt\t-9.922\t-19.140\t-29.063\t-84.783\t-55.720\n"));
    // one JSON object per table with --json
    let out = super::support::run(
        &[
            "--json",
            "text",
            "--tables",
            "corpus/referat-direktionen-2015-01-06.pdf",
        ],
        &[],
    );
    let tables: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(tables.len() >= 5);
    assert!(tables.iter().all(|t| t["method"] == "rules"));
    assert_eq!(tables[2]["page"], 7);
    // a file that is no PDF: a clear error, exit 1
    let out = super::support::run(
        &[
            "text",
            "--tables",
            "corpus/referat-direktionen-2015-01-06.txt",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a PDF"));
}
