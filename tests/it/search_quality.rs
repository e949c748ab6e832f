//! Search that finds what people mean, on the corpus index: a bare case number, a question as
//! typed, a word inside compounds, an everyday word for the documents' word, a singular that
//! finds its `-re` plural, and the fallback to any word when no record has them all. Each test
//! names the mechanism it needs; with that mechanism off it fails (checked once by hand).

use std::sync::OnceLock;

use serde_json::Value;

use crate::support;

/// One corpus index for every test here, read-only, built once per run in cargo's folder for
/// test files.
fn index() -> &'static str {
    static INDEX: OnceLock<String> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("search-quality-index");
        let _ = std::fs::remove_dir_all(&dir);
        let idx = dir.to_string_lossy().into_owned();
        let out = support::run(&["ingest", "corpus", "--quiet", "--index", &idx], &[]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        idx
    })
}

fn search(query: &str) -> Value {
    let args = [
        "search",
        "--json",
        "--limit",
        "20",
        "--index",
        index(),
        query,
    ];
    let out = support::run(&args, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("search --json prints JSON")
}

fn titles(found: &Value) -> Vec<String> {
    found["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_bare_case_number_finds_its_items_first() {
    // case-number routing: `14/32918` is a case number, not the words 14 and 32918
    let found = search("14/32918");
    let hits = found["hits"].as_array().expect("hits");
    assert!(hits.len() >= 3, "{found}");
    for h in hits.iter().take(3) {
        assert!(
            h["case_numbers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c == "14/32918"),
            "{h}"
        );
    }
    let aalborg = search("2019-014049");
    assert_eq!(aalborg["hits"][0]["case_numbers"][0], "2019-014049");
}

#[test]
fn a_question_as_typed_finds_its_topic() {
    // stop words, question words and frame words are not required
    let found = search("hvad besluttede direktionen om callcentret?");
    assert!(
        titles(&found)
            .iter()
            .any(|t| t == "Nytænkning af indkøbsopgaven"),
        "{found}"
    );
    assert!(found["warnings"].as_array().unwrap().is_empty(), "{found}");
}

#[test]
fn when_no_record_has_every_word_any_word_ranks_with_a_warning() {
    // the OR fallback: no record mentions ishockey, the callcentre records still come back
    let found = search("callcentret ishockey");
    assert!(
        titles(&found)
            .iter()
            .any(|t| t == "Nytænkning af indkøbsopgaven"),
        "{found}"
    );
    let warning = found["warnings"][0].as_str().unwrap_or_default();
    assert!(warning.contains("any of them"), "{found}");
}

#[test]
fn a_word_finds_the_compounds_it_is_part_of() {
    // decompounding: the corpus has `Klimastrategi` and `klimaplan`, never `klima` alone
    let found = search("klima");
    assert!(found["total"].as_u64().unwrap() > 0, "{found}");
    let snippet = found["hits"][0]["snippet"].as_str().unwrap().to_lowercase();
    assert!(snippet.contains("<b>klima"), "{found}");
    // and `bevilling` finds the Tillægsbevilling items
    assert!(search("bevilling")["total"].as_u64().unwrap() > 0);
}

#[test]
fn an_everyday_word_finds_the_documents_word() {
    // synonyms: `penge` (money) finds the item about the direction's `puljer` (pools)
    let found = search("penge");
    let first = titles(&found);
    assert!(
        first
            .iter()
            .take(2)
            .any(|t| t.starts_with("Strategisk drøftelse af anvendelse af direktionens puljer")),
        "{first:?}"
    );
}

#[test]
fn a_singular_finds_its_plural_in_re() {
    // plural stems: `callcenter` is never printed, `callcentre` and `Callcentret` are
    let found = search("callcenter");
    let t = titles(&found);
    assert!(
        t.iter().any(|t| t == "Nytænkning af indkøbsopgaven"),
        "{t:?}"
    );
    assert!(
        t.iter()
            .any(|t| t.starts_with("Godkendelse af niveau for Moderniserings")),
        "{t:?}"
    );
}

/// A Greve meeting of the development set beside the checkout, parsed; `None` (and a note)
/// where the set is not there.
fn greve(name: &str) -> Option<referat::model::Document> {
    let path = support::root().join("../shared/dev-eval").join(name);
    if !path.is_file() {
        eprintln!("skipped: no development set at {}", path.display());
        return None;
    }
    Some(referat::pipeline::parse_path(&path).unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn a_council_named_with_its_election_period_is_the_council() {
    // `Greve Kommune — Byråd 2022-2025 — Referat — 29. januar 2024`: `--body Byråd` finds it
    let Some(doc) = greve("greve_Byraad-2022-2025_2024-01-29_9e0e834f.txt") else {
        return;
    };
    let meeting = doc.meeting.expect("a meeting");
    assert_eq!(meeting.body.as_deref(), Some("Byråd"));
}

#[test]
fn the_indexed_outcome_is_this_meetings_decision() {
    // item 17 was recommended (`anbefalet`) by three committees the same day, then approved by
    // the council whose referat this is
    let Some(doc) = greve("greve_Byraad-2022-2025_2022-12-12_d2284862.txt") else {
        return;
    };
    let records = referat::index::records(&doc, "greve.txt", "");
    let item = records
        .iter()
        .find(|r| r.punkt.as_ref().is_some_and(|p| p.number == "17"))
        .expect("item 17");
    assert_eq!(item.outcome, Some(referat::model::Outcome::Godkendt));
}

#[test]
fn a_batch_of_queries_is_timed_inside_one_process() {
    let dir = support::TempDir::new("search-batch");
    let file = dir.join("queries.tsv");
    std::fs::write(
        &file,
        "# one query a line\n14/32918\nindkøb\t--body=Direktionen --from=2015-01-01\n",
    )
    .unwrap();
    let args = [
        "search",
        "--json",
        "--index",
        index(),
        "--queries",
        &file,
        "--repeat",
        "3",
    ];
    let out = support::run(&args, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["query"], "14/32918");
    assert!(lines[0]["total"].as_u64().unwrap() >= 3);
    assert!(lines[1]["total"].as_u64().unwrap() >= 1, "the filters hold");
    let summary = support::summary(&out);
    assert_eq!(summary["runs"], 6);
    assert!(summary["p50_ms"].as_f64().unwrap() > 0.0);
    // a bad filter names its line
    std::fs::write(&file, "x\t--year=2020\n").unwrap();
    let bad = support::run(&args, &[]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("line 1"));
}

#[test]
fn facets_are_counted_when_asked_for() {
    // counting every match costs more than the ranking on a large index: only with --facets
    let plain = search("indkøb");
    assert!(
        plain["facets"]["body"].as_object().unwrap().is_empty(),
        "{plain}"
    );
    let args = ["search", "--json", "--facets", "--index", index(), "indkøb"];
    let out = support::run(&args, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let counted: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        counted["facets"]["body"]["Direktionen"].as_u64().unwrap() >= 1,
        "{counted}"
    );
    assert_eq!(counted["total"], plain["total"]);
}
