//! An archive's worst folder: every good file indexed, every bad one accounted for in the
//! audit report with its own reason, the run finished with exit code 1 and no panic.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::support::{self, TempDir};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn a_hostile_folder_is_indexed_and_accounted_for() {
    let dir = TempDir::new("hostile");
    let d = dir.0.join("delivery");
    std::fs::create_dir_all(d.join("sub")).unwrap();
    // good files: the corpus, and text in the legacy encodings archives hold
    for f in support::corpus_files() {
        std::fs::copy(support::root().join(&f), d.join(f.file_name().unwrap())).unwrap();
    }
    write(
        &d,
        "cp1252.txt",
        b"Referat\nByr\xe5det\n\nPunkt 1: Godkendelse af dagsorden\nBeslutning: Godkendt.\n",
    );
    let utf16: Vec<u8> = "\u{feff}Referat\nByrådet\n\nPunkt 1: Budget\nBeslutning: Udsat.\n"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    write(&d, "utf16.txt", &utf16);
    let long_line = "Kommunen har drøftet økonomien. ".repeat(160_000);
    write(&d, "one-line.txt", long_line.as_bytes());
    // bad files
    let noise: Vec<u8> = (0u32..8192)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    write(&d, "empty.txt", b"");
    write(&d, "random.pdf", &noise);
    write(&d, "random.txt", &noise);
    let real =
        std::fs::read(support::root().join("corpus/syddjurs-puk-referat-2013-06-20.pdf")).unwrap();
    write(&d, "truncated.pdf", &real[..real.len() / 2]);
    std::fs::copy(
        support::root().join("tests/fixtures/encrypted.pdf"),
        d.join("encrypted.pdf"),
    )
    .unwrap();
    write(&d, "bomb.pdf", &support::bomb_pdf(1200));
    // an image-only page: a filled rectangle, no text
    write(
        &d,
        "scan.pdf",
        &support::tiny_pdf("0 0 1 rg 10 10 100 100 re f"),
    );
    // litter and a lock file, skipped
    write(&d, ".DS_Store", b"\0\0\0\x01Bud1");
    write(&d, "~$referat.docx", b"lock");
    // a link that loops back, and one that leads nowhere
    std::os::unix::fs::symlink("..", d.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/referat.txt", d.join("gone.txt")).unwrap();

    let idx = dir.join("idx");
    let report = dir.join("report.json");
    let out = support::run(
        &[
            "ingest",
            "--json",
            &d.to_string_lossy(),
            "--index",
            &idx,
            "--report",
            &report,
        ],
        &[("REFERAT_PDF_MAX_DECODED_MB", "64")],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(support::root().join("schemas/report.schema.json")).unwrap(),
    )
    .unwrap();
    let errors: Vec<String> = jsonschema::validator_for(&schema)
        .unwrap()
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    let by_name: BTreeMap<String, &Value> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let p = f["path"].as_str().unwrap();
            (p.rsplit('/').next().unwrap().to_string(), f)
        })
        .collect();
    let status = |name: &str| {
        by_name
            .get(name)
            .map_or("missing", |f| f["status"].as_str().unwrap())
    };
    let code = |name: &str| by_name[name]["code"].as_str().unwrap_or("").to_string();
    for f in support::corpus_files() {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(status(&name), "indexed", "{name}");
    }
    for name in ["cp1252.txt", "utf16.txt", "one-line.txt"] {
        assert_eq!(status(name), "indexed", "{name}");
    }
    let expected = [
        ("empty.txt", "empty"),
        ("random.pdf", "not_pdf"),
        ("random.txt", "not_text"),
        ("truncated.pdf", "pdf_truncated"),
        ("encrypted.pdf", "pdf_encrypted"),
        ("bomb.pdf", "too_large"),
        ("scan.pdf", "pdf_no_text"),
    ];
    for (name, want) in expected {
        assert_eq!(
            (status(name), code(name).as_str()),
            ("failed", want),
            "{name}"
        );
    }
    for name in [".DS_Store", "~$referat.docx"] {
        assert_eq!(status(name), "skipped", "{name}");
    }
    let walk_failures: Vec<&str> = ["loop", "gone.txt"]
        .into_iter()
        .filter(|n| status(n) == "failed" && code(n) == "io")
        .collect();
    assert_eq!(
        walk_failures,
        ["loop", "gone.txt"],
        "{:#?}",
        report["files"]
    );
    assert!(
        by_name["loop"]["message"]
            .as_str()
            .unwrap()
            .contains("loops back")
    );
    // counted once each: the totals add up to the files listed
    let totals: u64 = report["totals"]["by_status"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(totals as usize, by_name.len());
    assert_eq!(
        report["totals"]["files"].as_u64().unwrap() as usize,
        by_name.len()
    );
    // the summary agrees
    let summary = support::summary(&out);
    assert_eq!(summary["skipped"], 2);
    assert_eq!(summary["failed"].as_u64().unwrap(), 9);
}

/// A fixed-seed sample of `benches/damaged.py`: corpus PDFs with a few bytes changed, deleted
/// or inserted are still read (the benchmark reads 290 of 300 where pdftotext reads 298).
#[test]
fn damaged_copies_of_the_corpus_pdfs_are_still_read() {
    let dir = TempDir::new("damaged");
    let pdfs: Vec<_> = support::corpus_files()
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
        .collect();
    let mut seed: u64 = 7;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let copies = 28;
    for i in 0..copies {
        let mut b = std::fs::read(support::root().join(&pdfs[i % pdfs.len()])).unwrap();
        for _ in 0..1 + next(3) {
            let n = 1 + next(8);
            let at = next(b.len() - n);
            match next(3) {
                0 => b[at..at + n].iter_mut().for_each(|x| *x ^= 0xa5),
                1 => drop(b.drain(at..at + n)),
                _ => b
                    .splice(at..at, std::iter::repeat_n(b'#', n))
                    .for_each(drop),
            }
        }
        write(&dir.0, &format!("{i:02}.pdf"), &b);
    }
    let out = support::run(
        &["parse", "--json", "--ndjson", &dir.0.to_string_lossy()],
        &[],
    );
    let read = String::from_utf8_lossy(&out.stdout).lines().count();
    let errors = support::file_errors(&out);
    assert!(errors.iter().all(|e| e["code"] != "timeout"), "{errors:?}");
    assert!(
        read >= copies * 9 / 10,
        "{read} of {copies} read: {errors:?}"
    );
}
