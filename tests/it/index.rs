//! The search index end to end: ingest the corpus into a temporary index, search it with
//! the filters the issue promises, re-ingest idempotently, survive a killed ingest.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::support;

fn referat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(args)
        .current_dir(support::root())
        .env_remove("REFERAT_INDEX")
        .output()
        .expect("the binary runs")
}

fn ok(out: &Output) -> &Output {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&ok(out).stdout).expect("one JSON object on stdout")
}

/// The summary of a successful `--json` run, from stderr.
fn summary(out: &Output) -> Value {
    support::summary(ok(out))
}

use crate::support::TempDir;

/// An index of corpus/ in a temporary folder.
/// What the corpus should give: (files, records, punkter). A document with no punkter is one
/// record of its own.
fn corpus_counts() -> (usize, usize, usize) {
    let docs: Vec<_> = support::corpus_files()
        .iter()
        .map(|f| referat::pipeline::parse_path(&support::root().join(f)).unwrap())
        .collect();
    let records = docs.iter().map(|d| d.punkter.len().max(1)).sum();
    let punkter = docs.iter().map(|d| d.punkter.len()).sum();
    (docs.len(), records, punkter)
}

/// (source, punkt number) of every postponed item in the corpus, by the index's outcome rule.
fn postponed_in_corpus() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for f in support::corpus_files() {
        let doc = referat::pipeline::parse_path(&support::root().join(&f)).unwrap();
        let date = doc.meeting.as_ref().and_then(|m| m.date.as_deref());
        for p in &doc.punkter {
            if referat::index::punkt_outcome(p, date) == Some(referat::model::Outcome::Udsat) {
                out.insert((f.to_string_lossy().into_owned(), p.number.clone()));
            }
        }
    }
    out
}

fn corpus_index(tag: &str) -> (TempDir, String) {
    let dir = TempDir::new(tag);
    let idx = dir.join("idx");
    let result = summary(&referat(&["ingest", "corpus", "--index", &idx, "--json"]));
    assert_eq!(result["files"], support::corpus_files().len());
    assert_eq!(result["failed"], 0);
    (dir, idx)
}

fn search(idx: &str, args: &[&str]) -> Value {
    let mut all = vec!["search", "--json", "--index", idx, "--limit", "100"];
    all.extend_from_slice(args);
    json(&referat(&all))
}

fn stats(idx: &str) -> Value {
    json(&referat(&["stats", "--json", "--index", idx]))
}

#[test]
fn indkoeb_finds_the_direktion_punkt_first_with_a_snippet() {
    let (_dir, idx) = corpus_index("indkoeb");
    let out = search(&idx, &["indkøb"]);
    let first = &out["hits"][0];
    assert_eq!(first["title"], "Nytænkning af indkøbsopgaven", "{out:#}");
    assert_eq!(first["number"], "4");
    assert_eq!(first["body"], "Direktionen");
    assert_eq!(first["date"], "2015-01-06");
    assert_eq!(first["outcome"], "udsat");
    assert_eq!(first["case_numbers"], serde_json::json!(["13/18089"]));
    // the text and its PDF rendering are the same meeting
    assert!(
        first["source"]
            .as_str()
            .unwrap()
            .starts_with("corpus/referat-direktionen-2015-01-06."),
        "{first}"
    );
    let snippet = first["snippet"].as_str().unwrap().to_lowercase();
    assert!(snippet.contains("<b>indkøb"), "{snippet}");
    for key in ["score", "doc_id", "kind"] {
        assert!(first.get(key).is_some(), "hit has {key}");
    }

    let text = String::from_utf8(
        ok(&referat(&["search", "indkøb", "--index", &idx]))
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(
        text.starts_with("1. Direktionen 2015-01-06 punkt 4: Nytænkning af indkøbsopgaven"),
        "{text}"
    );
    assert!(
        text.contains("**"),
        "matched words are marked off a terminal: {text}"
    );
}

#[test]
fn outcome_date_and_case_filters() {
    let (_dir, idx) = corpus_index("filters");
    let udsat = search(&idx, &["--outcome", "udsat"]);
    let got: BTreeSet<(String, String)> = udsat["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["source"].as_str().unwrap().to_string(),
                h["number"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = postponed_in_corpus();
    assert_eq!(got, want);
    assert_eq!(udsat["total"], want.len());
    let direktionen: BTreeSet<&str> = got
        .iter()
        .filter(|(s, _)| s.contains("direktionen"))
        .map(|(_, n)| n.as_str())
        .collect();
    assert_eq!(direktionen, BTreeSet::from(["2", "3", "4"]));

    let y2019 = search(&idx, &["--from", "2019-01-01", "--to", "2019-12-31"]);
    assert!(y2019["total"].as_u64().unwrap() >= 1);
    for h in y2019["hits"].as_array().unwrap() {
        assert!(h["date"].as_str().unwrap().starts_with("2019-"), "{h}");
    }

    // the Aalborg item, in its text and its PDF rendering
    let case = search(&idx, &["sagsnr:\"2019-014049\""]);
    assert_eq!(case["total"], 2);
    for h in case["hits"].as_array().unwrap() {
        assert!(h["source"].as_str().unwrap().contains("aalborg"), "{h}");
        assert_eq!(h["number"], "2");
    }
    let flag = search(&idx, &["--case", "14/689"]);
    assert_eq!(flag["hits"][0]["number"], "2");

    // Direktionen's 8 punkter, as text and as PDF
    let facets = search(&idx, &["--body", "direktionen", "--facets"]);
    assert_eq!(facets["total"], 16);
    assert_eq!(facets["facets"]["outcome"]["udsat"], 6);
    assert_eq!(facets["facets"]["year"]["2015"], 16);

    // a typo is refused by the command line, with the valid values, before any index is opened
    let bad = referat(&[
        "search",
        "--outcome",
        "godkent",
        "--index",
        "/nonexistent/idx",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("possible values"), "{stderr}");
    assert!(stderr.contains("taget_til_efterretning"), "{stderr}");
    assert!(!stderr.contains("nonexistent"), "{stderr}");
    let bad_date = referat(&[
        "search",
        "--from",
        "2015-13-01",
        "--index",
        "/nonexistent/idx",
    ]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("expected a date"));
}

#[test]
fn search_output_validates_against_the_committed_schema() {
    let (_dir, idx) = corpus_index("schema");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(support::root().join("schemas/search.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for q in ["indkøb", "beslutning:udsat", ""] {
        let out = search(&idx, &[q, "--facets"]);
        let errors: Vec<String> = validator.iter_errors(&out).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{q}: {errors:?}");
    }
}

#[test]
fn committed_search_schema_matches_the_types() {
    support::assert_committed(
        "schemas/search.schema.json",
        &(referat::index::search::schema_json() + "\n"),
        "cargo run -- schema --of search > schemas/search.schema.json",
    );
}

#[test]
fn committed_record_schema_matches_the_types() {
    support::assert_committed(
        "schemas/record.schema.json",
        &(referat::index::record_schema_json() + "\n"),
        "cargo run -- schema --of record > schemas/record.schema.json",
    );
}

/// A tiny referat written on the fly.
fn write_referat(dir: &Path, name: &str, title: &str, body: &str) {
    std::fs::write(
        dir.join(name),
        format!("Referat\nByrådet\n\nPunkt 1: {title}\n{body}\nBeslutning: Godkendt.\n"),
    )
    .unwrap();
}

#[test]
fn stemming_and_old_spellings_find_their_words() {
    let dir = TempDir::new("stem");
    let docs = dir.0.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    write_referat(
        &docs,
        "a.txt",
        "Plan for effektivisering",
        "Driften i Århus skal gøres billigere.",
    );
    write_referat(&docs, "b.txt", "Vejvedligeholdelse", "Intet om emnet her.");
    let idx = dir.join("idx");
    ok(&referat(&["ingest", &dir.join("docs"), "--index", &idx]));
    let stemmed = search(&idx, &["effektiviseringer"]);
    assert_eq!(stemmed["total"], 1, "{stemmed:#}");
    assert!(
        stemmed["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("<b>effektivisering</b>")
    );
    let old = search(&idx, &["Aarhus"]);
    assert_eq!(old["total"], 1, "å is findable as aa: {old:#}");
    let new = search(&idx, &["århus"]);
    assert_eq!(new["total"], 1);
}

#[test]
fn ingest_is_idempotent_and_replaces_changed_files() {
    let dir = TempDir::new("idem");
    let docs = dir.0.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    for f in support::corpus_files() {
        std::fs::copy(support::root().join(&f), docs.join(f.file_name().unwrap())).unwrap();
    }
    let idx = dir.join("idx");
    let src = dir.join("docs");
    let (files, records, punkter) = corpus_counts();
    let first = summary(&referat(&["ingest", &src, "--index", &idx, "--json"]));
    assert_eq!(first["indexed"], files);
    let before = stats(&idx);
    assert_eq!(before["documents"], files);
    assert_eq!(before["records"], records);
    assert_eq!(before["punkter"], punkter);

    let again = summary(&referat(&["ingest", &src, "--index", &idx, "--json"]));
    assert_eq!(again["unchanged"], files, "{again}");
    assert_eq!(again["indexed"], 0);
    assert_eq!(stats(&idx)["records"], records);

    let changed = docs.join("referat-direktionen-2015-01-06.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\nTilføjet linje om zebraovergange.\n");
    std::fs::write(&changed, text).unwrap();
    let third = summary(&referat(&["ingest", &src, "--index", &idx, "--json"]));
    assert_eq!(
        (third["indexed"].as_u64(), third["unchanged"].as_u64()),
        (Some(1), Some(files as u64 - 1))
    );
    let after = stats(&idx);
    assert_eq!(after["documents"], files);
    assert_eq!(
        after["records"], records,
        "the old records were replaced, not duplicated"
    );
    assert_eq!(search(&idx, &["zebraovergange"])["total"], 1);

    std::fs::remove_file(docs.join("bilag-effektiviseringer-proces.txt")).unwrap();
    let pruned = summary(&referat(&[
        "ingest", &src, "--index", &idx, "--prune", "--json",
    ]));
    assert_eq!(pruned["pruned"], 1);
    assert_eq!(stats(&idx)["documents"], files - 1);
}

#[test]
fn export_from_the_index_gives_back_the_stored_records() {
    let (dir, idx) = corpus_index("export");
    let out = dir.join("records.ndjson");
    ok(&referat(&["export", "--index", &idx, "--out", &out]));
    let lines: Vec<Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), corpus_counts().1);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(support::root().join("schemas/record.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for line in &lines {
        let errors: Vec<String> = validator.iter_errors(line).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    let doc = support::parse("referat-direktionen-2015-01-06.txt");
    let stored: Vec<&Value> = lines
        .iter()
        .filter(|r| r["doc_id"] == doc.id.as_str())
        .collect();
    assert_eq!(stored.len(), doc.punkter.len());
    for (r, p) in stored.iter().zip(&doc.punkter) {
        assert_eq!(
            r["punkt"],
            serde_json::to_value(p).unwrap(),
            "stored as parsed"
        );
    }
    let udsat = referat(&["export", "--index", &idx, "--query", "outcome:udsat"]);
    assert_eq!(
        String::from_utf8(ok(&udsat).stdout.clone())
            .unwrap()
            .lines()
            .count(),
        postponed_in_corpus().len()
    );
}

#[test]
fn a_killed_ingest_leaves_a_readable_index_and_a_rerun_completes() {
    let dir = TempDir::new("kill");
    let docs = dir.0.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let mut expected_records = 0;
    for copy in 0..40 {
        // text files only: a line appended to a PDF would make it a truncated PDF
        for f in support::corpus_files()
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "txt"))
        {
            let mut bytes = std::fs::read(support::root().join(&f)).unwrap();
            bytes.extend_from_slice(format!("\nKopi nummer {copy:02} til testen.\n").as_bytes());
            let name = format!("{copy:02}-{}", f.file_name().unwrap().to_string_lossy());
            let path = docs.join(name);
            std::fs::write(&path, bytes).unwrap();
            if copy == 0 {
                // The copies differ only in their number, so they parse alike.
                let doc = referat::pipeline::parse_path(&path).unwrap();
                expected_records += 40 * doc.punkter.len().max(1);
            }
        }
    }
    let idx = dir.join("idx");
    let src = dir.join("docs");
    let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args([
            "ingest",
            &src,
            "--index",
            &idx,
            "--commit-every",
            "20",
            "-j",
            "1",
        ])
        .current_dir(support::root())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it right after its first commit (a batch of 20 files), well before the end.
    let meta = dir.0.join("idx/meta.json");
    let started = std::time::Instant::now();
    while started.elapsed().as_secs() < 60 {
        let committed = std::fs::read_to_string(&meta)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
            .is_some_and(|m| m["segments"].as_array().is_some_and(|s| !s.is_empty()));
        if committed {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // The kill must land while the ingest runs: had it finished, this test would prove nothing.
    assert!(
        child.try_wait().unwrap().is_none(),
        "the ingest finished before it could be killed"
    );
    child.kill().unwrap();
    let status = child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(9), "killed, not exited: {status:?}");

    let partial = stats(&idx);
    let done = partial["documents"].as_u64().unwrap();
    assert!(
        done > 0 && done < 200,
        "{done} of 200 committed before the kill"
    );
    eprintln!("killed ingest had committed {done} of 200 documents");

    let rerun = summary(&referat(&["ingest", &src, "--index", &idx, "--json"]));
    assert_eq!(rerun["failed"], 0);
    assert_eq!(
        rerun["indexed"].as_u64().unwrap() + rerun["unchanged"].as_u64().unwrap(),
        200
    );
    let full = stats(&idx);
    assert_eq!(full["documents"], 200);
    assert_eq!(full["records"], expected_records, "no duplicates");
}

#[test]
fn a_failed_file_is_reported_and_makes_the_exit_code_1() {
    let dir = TempDir::new("fail");
    let docs = dir.0.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    write_referat(&docs, "good.txt", "Budget", "Tekst.");
    std::fs::write(docs.join("empty.txt"), b"").unwrap();
    let idx = dir.join("idx");
    let out = referat(&["ingest", &dir.join("docs"), "--index", &idx, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let summary = support::summary(&out);
    assert_eq!(
        (summary["indexed"].as_u64(), summary["failed"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(support::file_errors(&out)[0]["code"], "empty");
    let text = referat(&["ingest", &dir.join("docs"), "--index", &idx]);
    assert!(String::from_utf8_lossy(&text.stderr).contains("empty.txt: empty file"));
    assert_eq!(stats(&idx)["documents"], 1);
}

#[test]
fn every_command_that_reads_an_index_takes_referat_index() {
    let (_dir, idx) = corpus_index("env");
    let with_env = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_referat"))
            .args(args)
            .current_dir(support::root())
            .env("REFERAT_INDEX", &idx)
            .output()
            .expect("the binary runs")
    };
    let hits = json(&with_env(&["search", "indkøb", "--json"]));
    assert!(hits["total"].as_u64().unwrap() > 0, "{hits}");
    let s = json(&with_env(&["stats", "--json"]));
    assert!(s["records"].as_u64().unwrap() > 0);
    // exporting an index, however it is spelled
    let n = corpus_counts().1;
    for args in [
        &["export"][..],
        &["export", "--from-index"],
        &["export", "--from-index", "--query", "indkøb"],
    ] {
        let out = with_env(args);
        let lines = String::from_utf8(ok(&out).stdout.clone())
            .unwrap()
            .lines()
            .count();
        if args.len() < 3 {
            assert_eq!(lines, n, "{args:?}");
        } else {
            assert!(lines > 0 && lines < n, "{args:?}: {lines}");
        }
    }
    // without the variable the default folder is used, which is not there
    let none = referat(&["stats", "--json"]);
    assert_eq!(none.status.code(), Some(2));
}

#[test]
fn case_command_prints_the_timeline_in_date_order() {
    let (_dir, idx) = corpus_index("case");
    let v = json(&referat(&["case", "14/689", "--json", "--index", &idx]));
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(support::root().join("schemas/case.schema.json")).unwrap(),
    )
    .unwrap();
    assert!(jsonschema::validator_for(&schema).unwrap().is_valid(&v));
    let decisions: Vec<(&str, &str)> = v["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["date"].as_str().unwrap(), d["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(
        decisions,
        [("2014-11-25", "udsat"), ("2015-01-06", "udsat")]
    );
    let items = v["items"].as_array().unwrap();
    assert_eq!(
        items.len(),
        1,
        "the text and the PDF of one meeting are one item"
    );
    assert_eq!(items[0]["copies"].as_array().unwrap().len(), 1);
    let text = ok(&referat(&["case", "14/689", "--index", &idx]))
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.starts_with("case 14/689: 1 item, 2 decisions"),
        "{text}"
    );
    let decisions = &text[text.find("decisions (beslutninger):").unwrap()..];
    assert!(decisions.find("2014-11-25").unwrap() < decisions.find("2015-01-06").unwrap());
    let missing = referat(&["case", "99/1", "--index", &idx]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn search_sorts_by_date_and_pages_with_an_offset() {
    let (_dir, idx) = corpus_index("sort");
    let dir = std::path::PathBuf::from(&idx);
    let req = |sort, offset| referat::index::search::Request {
        limit: 100,
        offset,
        sort,
        ..Default::default()
    };
    use referat::index::search::{HTML_MARKS, Sort, search};
    let dates = |sort| -> Vec<String> {
        search(&dir, &req(sort, 0), HTML_MARKS)
            .unwrap()
            .hits
            .into_iter()
            .filter_map(|h| h.date)
            .collect()
    };
    let newest = dates(Sort::Newest);
    assert!(newest.windows(2).all(|w| w[0] >= w[1]), "{newest:?}");
    let oldest = dates(Sort::Oldest);
    assert!(oldest.windows(2).all(|w| w[0] <= w[1]), "{oldest:?}");
    let all = search(&dir, &req(Sort::Relevance, 0), HTML_MARKS).unwrap();
    let rest = search(&dir, &req(Sort::Relevance, 3), HTML_MARKS).unwrap();
    assert_eq!(rest.total, all.total);
    assert_eq!(rest.hits[0].id, all.hits[3].id);
}
