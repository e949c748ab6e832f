//! Parsing on one machine, indexing on another: `parse --list`, `parse --stdin-paths` (the
//! filter a Spark task pipes its paths through) and `ingest --ndjson` (the index built from
//! that output), which must give the index a local `ingest` gives. The cluster itself is
//! tested by tests/spark/run.py.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::support::{self, TempDir};

/// Runs `referat ARGS` from the crate root with `input` on stdin.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(args)
        .current_dir(support::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The records of an index, sorted: what two indexes must share to be the same.
fn records(index: &str) -> Vec<String> {
    let out = support::run(
        &["--quiet", "export", "--from-index", "--index", index],
        &[],
    );
    assert!(out.status.success());
    let mut r: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    r.sort();
    r
}

/// The corpus paths as `parse --list` gives them, one a line.
fn corpus_list() -> String {
    let out = support::run(&["parse", "--list", "corpus"], &[]);
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn list_names_the_files_a_walk_parses_and_parses_none() {
    let listed = corpus_list();
    let expected: Vec<String> = support::corpus_files()
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| !p.ends_with(".md"))
        .collect();
    let listed: Vec<&str> = listed.lines().collect();
    assert_eq!(listed, expected);
    let export = support::run(&["--quiet", "export", "corpus"], &[]);
    let exported = support::source_paths(&String::from_utf8(export.stdout).unwrap());
    assert_eq!(
        listed, exported,
        "--list and a parse walk take the same files"
    );
}

#[test]
fn stdin_paths_answers_every_path_in_order_and_exits_zero() {
    let dir = TempDir::new("stdin-paths");
    let broken = dir.join("broken.pdf");
    std::fs::write(&broken, b"never a PDF").unwrap();
    let missing = dir.join("missing.txt");
    let first = "corpus/referat-direktionen-2015-01-06.txt";
    let input = format!(
        "{first}\n\n{broken}\r\n{missing}\ncorpus/aarhus-moedesystemgruppen-referat-2016-10-06.pdf"
    );
    let out = with_stdin(&["--json", "parse", "--stdin-paths"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "a bad file is a line, not a failure"
    );
    let got = lines(&out);
    assert_eq!(got.len(), 4, "one line per path, blank lines skipped");
    assert_eq!(got[0]["source"]["path"], first);
    assert!(
        got[0]["text"].as_str().is_some_and(|t| t.contains('\n')),
        "documents carry their text"
    );
    assert_eq!(got[1]["error"]["path"], broken.as_str());
    assert_eq!(got[1]["error"]["code"], "not_pdf");
    assert_eq!(got[2]["error"]["code"], "io");
    assert!(
        got[2]["error"]["reason"]
            .as_str()
            .is_some_and(|r| !r.is_empty())
    );
    assert_eq!(got[3]["source"]["format"], "pdf");
    for doc in [&got[0], &got[3]] {
        assert_eq!(support::schema_errors(doc), Vec::<String>::new());
    }
    let summary = support::summary(&out);
    assert_eq!(
        (summary["parsed"].as_u64(), summary["failed"].as_u64()),
        (Some(2), Some(2))
    );
}

#[test]
fn ingest_ndjson_builds_the_index_a_local_ingest_builds() {
    let dir = TempDir::new("ingest-ndjson");
    let listed = corpus_list();
    let parsed = with_stdin(&["--quiet", "parse", "--stdin-paths"], listed.as_bytes());
    assert_eq!(parsed.status.code(), Some(0));
    // Part files as a job writes them, with its marker and checksum files beside them.
    let parts = dir.0.join("parts");
    std::fs::create_dir_all(&parts).unwrap();
    let text = String::from_utf8(parsed.stdout).unwrap();
    let (a, b) = text.split_at(text.len() / 2);
    let cut = a.rfind('\n').unwrap() + 1;
    let (a, b) = (&text[..cut], format!("{}{b}", &a[cut..]));
    std::fs::write(parts.join("part-00000"), a).unwrap();
    std::fs::write(parts.join("part-00001"), b).unwrap();
    std::fs::write(parts.join("_SUCCESS"), "").unwrap();
    std::fs::write(parts.join(".part-00000.crc"), "\0\u{1}binary").unwrap();

    let local = dir.join("local");
    let out = support::run(&["--quiet", "ingest", "--index", &local, "corpus"], &[]);
    assert!(out.status.success());
    let remote = dir.join("remote");
    let parts = parts.to_string_lossy().into_owned();
    let out = support::run(
        &["--json", "ingest", "--index", &remote, "--ndjson", &parts],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = support::summary(&out);
    assert_eq!(s["indexed"].as_u64(), Some(listed.lines().count() as u64));
    assert_eq!(records(&remote), records(&local));

    // Again: every document is unchanged (path + sha256), and so are the local index's.
    for index in [&remote, &local] {
        let out = support::run(
            &["--json", "ingest", "--index", index, "--ndjson", &parts],
            &[],
        );
        let s = support::summary(&out);
        assert_eq!(s["indexed"].as_u64(), Some(0), "{s}");
        assert_eq!(s["unchanged"].as_u64(), Some(listed.lines().count() as u64));
    }
}

#[test]
fn ingest_ndjson_reports_error_lines_and_bad_lines_and_goes_on() {
    let dir = TempDir::new("ingest-ndjson-bad");
    let one = with_stdin(
        &["--quiet", "parse", "--stdin-paths"],
        b"corpus/referat-direktionen-2015-01-06.txt\n",
    );
    let doc = String::from_utf8(one.stdout).unwrap();
    let input = dir.join("mixed.ndjson");
    let error = r#"{"error":{"path":"archive/1998/scan.pdf","code":"pdf_no_text","reason":"no text layer"}}"#;
    std::fs::write(&input, format!("{error}\n{{\"half\": \n{doc}")).unwrap();
    let index = dir.join("idx");
    let out = support::run(
        &["--json", "ingest", "--index", &index, "--ndjson", &input],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "failed lines make exit code 1");
    let errors = support::file_errors(&out);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0]["path"], "archive/1998/scan.pdf");
    assert_eq!(errors[0]["code"], "pdf_no_text");
    assert_eq!(errors[1]["path"], input.as_str());
    assert!(
        errors[1]["reason"]
            .as_str()
            .unwrap()
            .contains("line 2: neither")
    );
    assert_eq!(support::summary(&out)["indexed"].as_u64(), Some(1));
}

#[test]
fn ndjson_without_text_is_indexed_with_a_warning() {
    let dir = TempDir::new("ingest-ndjson-notext");
    // A report (bilag) has no agenda items: its record is its text, which plain --ndjson lacks.
    let file = "corpus/bilag-effektiviseringer-proces.pdf";
    let plain = support::run(&["--quiet", "parse", "--ndjson", file], &[]);
    let doc: Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(doc.get("text").is_none(), "text is written only on request");
    assert_eq!(doc["punkter"].as_array().map(Vec::len), Some(0));
    let input = dir.join("plain.ndjson");
    std::fs::write(&input, &plain.stdout).unwrap();
    let report = dir.join("report.json");
    let index = dir.join("idx");
    let args = [
        "--quiet", "ingest", "--index", &index, "--ndjson", &input, "--report", &report,
    ];
    assert!(support::run(&args, &[]).status.success());
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let warnings = report["files"][0]["warnings"].to_string();
    assert!(warnings.contains("--with-text"), "{report}");
}
