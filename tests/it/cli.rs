//! The command line end to end: output modes, errors that name the file, exit codes.

use crate::support;

fn referat(args: &[&str]) -> std::process::Output {
    support::run(args, &[])
}

/// A folder of one good and two bad files; `tag` keeps the tests that run at once apart.
fn bad_files(tag: &str) -> support::TempDir {
    let dir = support::TempDir::new(tag);
    std::fs::write(dir.0.join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.0.join("binary.txt"),
        [0x50u8, 0x4b, 3, 4, 0, 0, 0, 0, 0x9c, 0xff, 0, 1],
    )
    .unwrap();
    std::fs::write(
        dir.0.join("latin1.txt"),
        b"Referat\nByr\xe5det\n\nPunkt 1: Godkendelse af dagsorden\nBeslutning: Godkendt.\n",
    )
    .unwrap();
    dir
}

#[test]
fn one_file_is_pretty_json() {
    let out = referat(&["parse", "corpus/referat-direktionen-2015-01-06.txt"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("{\n"));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["meeting"]["body"], "Direktionen");
}

#[test]
fn several_files_are_ndjson_in_path_order() {
    let out = referat(&[
        "parse",
        "corpus/status-styr-paa-oekonomien-2011.txt",
        "corpus/bilag-effektiviseringer-proces.txt",
    ]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0]["source"]["path"],
        "corpus/bilag-effektiviseringer-proces.txt"
    );
}

#[test]
fn broken_files_are_reported_and_the_rest_still_come_out() {
    let dir = bad_files("cli-broken");
    let d = dir.0.to_string_lossy().into_owned();
    let missing = format!("{d}/missing.txt");
    let out = referat(&["parse", "--json", &d, &missing]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "failed files make the exit code 1"
    );
    let mut errors: Vec<String> = support::file_errors(&out)
        .iter()
        .map(|e| {
            let path = std::path::Path::new(e["path"].as_str().unwrap());
            let name = path.file_name().unwrap().to_string_lossy();
            format!("{name}: {}", e["code"].as_str().unwrap())
        })
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            "binary.txt: not_text",
            "empty.txt: empty",
            "missing.txt: io"
        ]
    );
    let summary = support::summary(&out);
    assert_eq!(
        (summary["parsed"].as_u64(), summary["failed"].as_u64()),
        (Some(1), Some(3))
    );
    // without --json the same errors are text lines naming the file
    let text = referat(&["parse", &d, &missing]);
    let stderr = String::from_utf8_lossy(&text.stderr);
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(stderr.contains("binary.txt: not text"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let docs: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l.get("punkter").is_some())
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["source"]["encoding"], "ISO-8859-1");
    assert_eq!(docs[0]["meeting"]["body"], "Byrådet");
    assert_eq!(
        docs[0]["punkter"][0]["beslutninger"][0]["outcome"],
        "godkendt"
    );
}

#[test]
fn export_writes_sorted_ndjson_and_a_summary() {
    let dir = support::TempDir::new("export");
    let out_file = dir.0.join("corpus.ndjson");
    let out = referat(&["export", "corpus", "--out", out_file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&out_file).unwrap();
    let paths = support::source_paths(&text);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), support::corpus_files().len());
    assert!(String::from_utf8_lossy(&out.stderr).contains("exported"));
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(support::schema_errors(&v).is_empty());
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = referat(&["parse"]);
    assert_eq!(out.status.code(), Some(2));
    let out = referat(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let out = referat(&["schema"]);
    assert!(out.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(&printed, &*support::SCHEMA);
}

/// Every stderr line of a `--json` run validates against the committed diagnostic schema.
fn assert_diagnostics_valid(out: &std::process::Output) -> Vec<serde_json::Value> {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(support::root().join("schemas/diagnostic.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let lines = support::diagnostics(out);
    assert!(
        !lines.is_empty(),
        "a --json run reports at least its summary"
    );
    for l in &lines {
        let errors: Vec<String> = validator.iter_errors(l).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{l}: {errors:?}");
    }
    lines
}

#[test]
fn committed_diagnostic_schema_matches_the_types() {
    support::assert_committed(
        "schemas/diagnostic.schema.json",
        &(referat::cli::output::diagnostic_schema_json() + "\n"),
        "cargo run -- schema --of diagnostic > schemas/diagnostic.schema.json",
    );
}

#[test]
fn one_json_rule_results_on_stdout_diagnostics_on_stderr() {
    let dir = bad_files("cli-json-rule");
    let d = dir.0.to_string_lossy().into_owned();
    // parse: documents on stdout, errors and the summary on stderr
    let parse = referat(&["parse", "--json", &d]);
    let stdout = String::from_utf8(parse.stdout.clone()).unwrap();
    assert!(
        stdout.lines().all(|l| l.contains("\"punkter\"")),
        "{stdout}"
    );
    let lines = assert_diagnostics_valid(&parse);
    let kinds: Vec<&str> = lines
        .iter()
        .map(|l| l.as_object().unwrap().keys().next().unwrap().as_str())
        .collect();
    assert_eq!(kinds, ["error", "error", "summary"]);
    // export: NDJSON to --out, only diagnostics on stderr
    let out_file = dir.0.join("out.ndjson");
    let export = referat(&["export", "--json", &d, "--out", out_file.to_str().unwrap()]);
    assert_eq!(export.status.code(), Some(1));
    assert!(export.stdout.is_empty());
    assert_eq!(support::summary(&export)["command"], "export");
    assert_diagnostics_valid(&export);
    // --quiet keeps errors, drops the summary
    let quiet = referat(&["parse", "--json", "--quiet", &d]);
    let lines = support::diagnostics(&quiet);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.iter().all(|l| l.get("error").is_some()));
    // a command that cannot run says so as a JSON line too
    let fatal = referat(&["stats", "--json", "--index", &dir.join("no-index")]);
    assert_eq!(fatal.status.code(), Some(2));
    let lines = assert_diagnostics_valid(&fatal);
    assert!(
        lines[0]["fatal"]["message"]
            .as_str()
            .unwrap()
            .contains("no-index")
    );
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    use std::process::{Command, Stdio};
    // `referat parse corpus | head -1`: the reader goes away after one line
    let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(["parse", "corpus"])
        .current_dir(support::root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
}

#[test]
fn parse_streams_documents_in_path_order_with_threads() {
    let one = referat(&["parse", "-j", "1", "--ndjson", "corpus"]);
    let two = referat(&["parse", "-j", "2", "--ndjson", "corpus"]);
    assert!(one.status.success() && two.status.success());
    assert_eq!(
        one.stdout, two.stdout,
        "the same output whatever the threads"
    );
    let paths = support::source_paths(&String::from_utf8(one.stdout).unwrap());
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), support::corpus_files().len());
    let zero = referat(&["parse", "-j", "0", "corpus"]);
    assert_eq!(zero.status.code(), Some(2), "no threads is a usage error");
}

#[test]
fn committed_report_schema_matches_the_types() {
    support::assert_committed(
        "schemas/report.schema.json",
        &(referat::report::schema_json() + "\n"),
        "cargo run -- schema --of report > schemas/report.schema.json",
    );
}

#[test]
fn export_writes_an_audit_report_atomically() {
    let dir = bad_files("cli-report");
    let d = dir.0.to_string_lossy().into_owned();
    let report = dir.0.join("reports").join("run.json");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    let out_file = dir.0.join("out.ndjson");
    let out = referat(&[
        "export",
        &d,
        "--out",
        out_file.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let statuses: Vec<(String, String)> = r["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let p = f["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            (p, f["status"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("binary.txt".to_string(), "failed".to_string()),
            ("empty.txt".to_string(), "failed".to_string()),
            ("latin1.txt".to_string(), "exported".to_string()),
        ]
    );
    assert_eq!(r["totals"]["by_status"]["failed"], 2);
    // nothing but the report itself is left in its folder
    let left: Vec<_> = std::fs::read_dir(report.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("run.json")]);
}
