//! PDFs: broken, encrypted, scanned and slow files give distinct errors while the other files
//! still come out; column-aware text; the facts of the two real PDFs in corpus/.

use std::path::Path;

use crate::support;

fn referat(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    crate::support::run(args, env)
}

use crate::support::TempDir as Dir;

fn text_at(x: u32, y: u32, s: &str) -> String {
    format!("BT /F1 11 Tf {x} {y} Td ({s}) Tj ET\n")
}

fn corpus_pdf(name: &str) -> Vec<u8> {
    std::fs::read(support::root().join("corpus").join(name)).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// The error codes of a `parse --json` run, by file name, and the documents printed.
fn run(dir: &Path, env: &[(&str, &str)]) -> (Option<i32>, Vec<(String, String)>, usize, String) {
    let out = referat(&["parse", "--json", dir.to_str().unwrap()], env);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let mut errors = Vec::new();
    for e in support::file_errors(&out) {
        let path = e["path"].as_str().unwrap();
        let name = Path::new(path).file_name().unwrap().to_string_lossy();
        errors.push((name.into_owned(), e["code"].as_str().unwrap().to_string()));
    }
    let docs = String::from_utf8(out.stdout).unwrap().lines().count();
    errors.sort();
    (out.status.code(), errors, docs, stderr)
}

#[test]
fn broken_pdfs_get_distinct_errors_and_the_rest_still_come_out() {
    let dir = Dir::new("broken");
    let d = &dir.0;
    let real = corpus_pdf("syddjurs-puk-referat-2013-06-20.pdf");
    let noise: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    write(d, "random.pdf", &noise);
    write(d, "empty.pdf", b"");
    write(d, "truncated.pdf", &real[..real.len() / 2]);
    std::fs::copy(
        support::root().join("tests/fixtures/encrypted.pdf"),
        d.join("encrypted.pdf"),
    )
    .unwrap();
    write(
        d,
        "scan.pdf",
        &support::tiny_pdf("0 0 1 rg 10 10 100 100 re f"),
    );
    write(d, "good.pdf", &real);
    write(
        d,
        "tiny.pdf",
        &support::tiny_pdf(&text_at(72, 700, "Referat")),
    );
    // a number where Tj wants a string: pdf-extract (which reads this standard font) panics
    write(
        d,
        "panic.pdf",
        &support::tiny_pdf("BT /F1 11 Tf 72 700 Td 5 Tj ET"),
    );
    let (code, errors, docs, stderr) = run(d, &[]);
    assert_eq!(code, Some(1), "{stderr}");
    let expected = [
        ("empty.pdf", "empty"),
        ("encrypted.pdf", "pdf_encrypted"),
        ("panic.pdf", "pdf_panic"),
        ("random.pdf", "not_pdf"),
        ("scan.pdf", "pdf_no_text"),
        ("truncated.pdf", "pdf_truncated"),
    ];
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(got, expected, "{stderr}");
    assert_eq!(docs, 2, "{stderr}");
    for (name, _) in expected {
        assert!(stderr.contains(name), "errors name the file: {stderr}");
    }
    assert!(stderr.contains("OCR"), "{stderr}");
    // a caught panic is reported once, as the file's error, without the panic hook's noise
    assert!(stderr.contains("the PDF reader panicked"), "{stderr}");
    assert!(!stderr.contains("panicked at"), "{stderr}");
}

#[test]
fn a_slow_pdf_times_out_and_the_rest_still_come_out() {
    let dir = Dir::new("timeout");
    write(
        &dir.0,
        "a.txt",
        b"Referat\n\nPunkt 1: Budget\nBeslutning: Godkendt.\n",
    );
    write(
        &dir.0,
        "b.pdf",
        &corpus_pdf("syddjurs-puk-referat-2013-06-20.pdf"),
    );
    let (code, errors, docs, stderr) = run(&dir.0, &[("REFERAT_PDF_TIMEOUT_SECS", "0.000001")]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(errors, vec![("b.pdf".into(), "timeout".into())], "{stderr}");
    assert_eq!(docs, 1);
    assert!(stderr.contains("timeout"), "{stderr}");
}

#[test]
fn table_columns_come_out_as_tabs() {
    let mut content = text_at(72, 760, "Budget for 2024");
    for (y, cells) in [
        (730, ["Post", "2024", "2025"]),
        (715, ["Drift", "1.200", "1.300"]),
    ] {
        content += &text_at(72, y, cells[0]);
        content += &text_at(250, y, cells[1]);
        content += &text_at(350, y, cells[2]);
    }
    let dir = Dir::new("table");
    write(&dir.0, "t.pdf", &support::tiny_pdf(&content));
    let (text, pages) = referat::pdf::pdf_text(&dir.0.join("t.pdf"), &support::tiny_pdf(&content))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pages, 1);
    let lines = &text.cleaned.lines;
    assert!(lines.contains(&"Budget for 2024".to_string()), "{lines:?}");
    assert!(lines.contains(&"Post\t2024\t2025".to_string()), "{lines:?}");
    assert!(
        lines.contains(&"Drift\t1.200\t1.300".to_string()),
        "{lines:?}"
    );
}

fn json(name: &str) -> serde_json::Value {
    serde_json::to_value(support::parse(name)).unwrap()
}

#[test]
fn syddjurs_puk_referat_facts() {
    let d = json("syddjurs-puk-referat-2013-06-20.pdf");
    assert_eq!(d["kind"], "referat");
    let m = &d["meeting"];
    assert_eq!(m["body"], "Udvalget for plan, udvikling og kultur (PUK)");
    assert_eq!(m["date"], "2013-06-20");
    assert_eq!(m["start_time"], "10:30");
    let punkter = d["punkter"].as_array().unwrap();
    assert_eq!(
        punkter.len(),
        1,
        "the table of contents line is not an item"
    );
    let p = &punkter[0];
    assert_eq!(p["number"], "715");
    assert_eq!(p["title"], "Kulturkommune 2017. Politiske fokusområder");
    assert_eq!(p["case_numbers"], serde_json::json!(["12/27845"]));
    assert_eq!(p["indstilling"]["by"], "Direktøren");
    assert_eq!(p["bilag"].as_array().unwrap().len(), 3, "{}", p["bilag"]);
    let decisions: Vec<(&str, &str)> = p["beslutninger"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["date"].as_str().unwrap(),
                b["outcome"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let dates: Vec<&str> = decisions.iter().map(|d| d.0).collect();
    assert_eq!(dates, ["2013-04-10", "2013-04-24", "2013-06-20"]);
    assert_eq!(decisions[2].1, "droeftet");
    for s in p["sections"].as_array().unwrap() {
        let t = s["text"].as_str().unwrap();
        for furniture in ["4 of 5", "Side 3", "Referat For Udvalget"] {
            assert!(!t.contains(furniture), "{furniture} in {t}");
        }
    }
}

#[test]
fn sections_tables_and_records_carry_the_page_they_start_on() {
    // item 715 starts on page 3; its later decisions and its signature page do not
    let d = support::parse("syddjurs-puk-referat-2013-06-20.pdf");
    let p = &d.punkter[0];
    assert_eq!((p.number.as_str(), p.page), ("715", Some(3)));
    let page_of = |heading: &str| {
        p.sections
            .iter()
            .find(|s| s.heading.starts_with(heading))
            .unwrap_or_else(|| panic!("{heading}"))
            .page
    };
    assert_eq!(
        page_of("Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 10-04-2013"),
        Some(3)
    );
    assert_eq!(page_of("Supplerende Sagsfremstilling"), Some(4));
    assert_eq!(
        page_of("Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013"),
        Some(4)
    );
    assert_eq!(page_of("Underskriftsside"), Some(5));
    // a table of item 5 of the Direktionen minutes runs over pages 8 to 12; item 5 starts on 7
    let d = support::parse("referat-direktionen-2015-01-06.pdf");
    let start = d.punkter.iter().find(|p| p.number == "5").unwrap().page;
    assert_eq!(start, Some(7));
    let pages: Vec<Option<u32>> = d
        .tables
        .iter()
        .filter(|t| t.punkt.as_deref() == Some("5"))
        .map(|t| t.page)
        .collect();
    assert_eq!(pages.first(), Some(&Some(8)), "{pages:?}");
    // the last starts on page 11 and runs on over the page break: one table, its rows from 12 too
    assert_eq!(pages.last(), Some(&Some(11)), "{pages:?}");
    let last = d
        .tables
        .iter()
        .rfind(|t| t.punkt.as_deref() == Some("5"))
        .unwrap();
    assert!(
        last.rows
            .iter()
            .any(|r| r[0] == "Kursus i kommunens projektmodel"),
        "{:?}",
        last.rows
    );
    // item 4 starts on page 5, its table of figures on page 7: so do the table's records
    assert_eq!(
        d.punkter.iter().find(|p| p.number == "4").unwrap().page,
        Some(5)
    );
    // (its first table, on page 6, is a ruled table of words)
    let index = (0..d.tables.len())
        .find(|&i| {
            d.tables[i].punkt.as_deref() == Some("4") && d.budget.iter().any(|b| b.table == i)
        })
        .unwrap();
    assert_eq!(d.tables[index].page, Some(7));
    let records: Vec<Option<u32>> = d
        .budget
        .iter()
        .filter(|b| b.table == index)
        .map(|b| b.page)
        .collect();
    assert!(!records.is_empty());
    assert!(records.iter().all(|&p| p == Some(7)), "{records:?}");
}

#[test]
fn aarhus_outline_numbered_referat_facts() {
    let d = json("aarhus-moedesystemgruppen-referat-2016-10-06.pdf");
    assert_eq!(d["meeting"]["date"], "2016-10-06");
    assert_eq!(d["meeting"]["place"], "Rådhuset lokale 233");
    let items: Vec<(&str, &str)> = d["punkter"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["number"].as_str().unwrap(),
                p["parent"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let numbers: Vec<&str> = items.iter().map(|i| i.0).collect();
    assert_eq!(numbers, ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3"]);
    assert!(
        items[..4].iter().all(|i| i.1 == "1 First Agenda"),
        "{items:?}"
    );
    assert!(
        items[4..].iter().all(|i| i.1.starts_with("2 ")),
        "{items:?}"
    );
}

/// What must agree between a text and its PDF rendering: per punkt its number, title, case
/// numbers and decisions (date, outcome).
type Item = (
    String,
    String,
    Vec<String>,
    Vec<(Option<String>, Option<referat::model::Outcome>)>,
);

fn items(d: &referat::model::Document) -> Vec<Item> {
    d.punkter
        .iter()
        .map(|p| {
            (
                p.number.clone(),
                p.title.clone(),
                p.case_numbers.clone(),
                p.beslutninger
                    .iter()
                    .map(|x| (x.date.clone(), x.outcome))
                    .collect(),
            )
        })
        .collect()
}

fn budget(d: &referat::model::Document) -> std::collections::BTreeMap<(String, String), usize> {
    let mut m = std::collections::BTreeMap::new();
    for r in &d.budget {
        *m.entry((r.row.clone(), format!("{}", r.value)))
            .or_default() += 1;
    }
    m
}

/// The seed documents rendered as PDF (tools/render_corpus_pdfs.py) give the same items,
/// decisions and budget records as their text.
#[test]
fn text_and_pdf_renderings_agree() {
    let mut compared = 0;
    for txt in crate::support::corpus_files()
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "txt"))
    {
        let pdf = txt.with_extension("pdf");
        if !crate::support::root().join(&pdf).exists() {
            continue;
        }
        let name = txt.file_name().unwrap().to_string_lossy().into_owned();
        let a = crate::support::parse(&name);
        let b = crate::support::parse(&pdf.file_name().unwrap().to_string_lossy());
        assert_eq!(a.kind, b.kind, "{name}");
        assert_eq!(items(&a), items(&b), "{name}: punkter and decisions");
        assert_eq!(budget(&a), budget(&b), "{name}: budget records");
        compared += 1;
    }
    assert!(
        compared >= 5,
        "the seed texts have PDF renderings in corpus/"
    );
}

#[test]
fn a_decompression_bomb_is_refused_quickly_with_bounded_memory() {
    let dir = support::TempDir::new("bomb");
    // 1.2 GB of content in one page's stream
    let pdf = support::bomb_pdf(1200);
    write(&dir.0, "bomb.pdf", &pdf);
    write(
        &dir.0,
        "good.pdf",
        &corpus_pdf("referat-direktionen-2015-01-06.pdf"),
    );

    let started = std::time::Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["parse", "--json", "-j", "1", dir.0.to_str().unwrap()])
        .env("REFERAT_PDF_MAX_DECODED_MB", "64")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // peak resident memory, read while the process runs
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    while child.try_wait().unwrap().is_none() {
        if let Ok(s) = std::fs::read_to_string(&status) {
            for line in s.lines().filter(|l| l.starts_with("VmHWM:")) {
                let kb = line
                    .split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                peak_kb = peak_kb.max(kb);
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let out = child.wait_with_output().unwrap();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "bomb: refused in {seconds:.2} s, peak RSS {} MB",
        peak_kb / 1024
    );
    let errors = support::file_errors(&out);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0]["path"].as_str().unwrap().ends_with("bomb.pdf"));
    assert_eq!(errors[0]["code"], "too_large");
    assert!(
        errors[0]["reason"]
            .as_str()
            .unwrap()
            .contains("REFERAT_PDF_MAX_DECODED_MB")
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "the good file still comes out"
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(seconds < 30.0, "{seconds} s");
    assert!(
        peak_kb > 0 && peak_kb < 300 * 1024,
        "peak RSS {} MB",
        peak_kb / 1024
    );
}
