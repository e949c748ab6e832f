//! Golden tests: every corpus document has its expected JSON in tests/golden/, and every output
//! validates against the committed schema. `REFERAT_BLESS=1 cargo test` rewrites them.

use crate::support::{self, BLESS};

#[test]
fn corpus_matches_golden_json() {
    let _cwd = support::CwdGuard::enter();
    let mut failures = Vec::new();
    let files = support::corpus_files();
    assert!(files.len() >= 5, "the corpus holds the seed documents");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = match referat::pipeline::parse_path(&path) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{name}: does not parse: {e}"));
                continue;
            }
        };
        let actual = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        let golden = support::root()
            .join("tests/golden")
            .join(format!("{name}.json"));
        if support::bless() {
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name}: output differs from {}\n{}",
                golden.display(),
                differences(&expected, &actual)
            )),
            Err(_) => failures.push(format!("{name}: no golden file {}", golden.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(after a deliberate change: {BLESS}=1 cargo test, then read the diff)",
        failures.join("\n\n")
    );
}

/// A unified diff of the golden file against the output, cut after `MAX_DIFF_LINES` lines.
fn differences(expected: &str, actual: &str) -> String {
    const MAX_DIFF_LINES: usize = 60;
    let diff = similar::TextDiff::from_lines(expected, actual);
    let text = diff
        .unified_diff()
        .context_radius(1)
        .header("golden", "actual")
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    let changed = diff
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .count();
    let mut shown = lines[..lines.len().min(MAX_DIFF_LINES)].join("\n");
    if lines.len() > MAX_DIFF_LINES {
        shown.push_str(&format!(
            "\n… ({} more diff lines)",
            lines.len() - MAX_DIFF_LINES
        ));
    }
    format!("{changed} lines changed\n{shown}")
}

#[test]
fn every_corpus_output_validates_against_the_schema() {
    let _cwd = support::CwdGuard::enter();
    for path in support::corpus_files() {
        let doc = referat::pipeline::parse_path(&path).unwrap();
        let value = serde_json::to_value(&doc).unwrap();
        let errors = support::schema_errors(&value);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn committed_schema_matches_the_types() {
    support::assert_committed(
        "schemas/document.schema.json",
        &(referat::model::schema_json() + "\n"),
        "cargo run -- schema > schemas/document.schema.json",
    );
}

#[test]
fn the_schema_rejects_what_the_contract_forbids() {
    let doc = crate::support::parse("referat-direktionen-2015-01-06.txt");
    let mut value = serde_json::to_value(&doc).unwrap();
    value["punkter"][1]["beslutninger"][0]["outcome"] = serde_json::json!("maybe");
    assert!(
        !support::schema_errors(&value).is_empty(),
        "an outcome outside the closed set is invalid"
    );
    let mut value = serde_json::to_value(&doc).unwrap();
    value.as_object_mut().unwrap().remove("punkter");
    assert!(
        !support::schema_errors(&value).is_empty(),
        "punkter is required"
    );
}
