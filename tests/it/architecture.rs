//! The layout's invariants, checked from the source text so that anyone can rerun them:
//! no import cycle among the files of `src/`, stages import only earlier stages, parsers do
//! no I/O, and no file grows past a few hundred lines.
//!
//! An import is any `crate::…` or `super::…` path outside `#[cfg(test)]` code, resolved to
//! the file that defines the module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support;

/// The longest a source file may grow.
const MAX_LINES: usize = 500;

/// A source file and the module path it defines (`src/pdf/engine.rs` → `pdf::engine`).
struct Module {
    path: String,
    segments: Vec<String>,
    code: String,
}

fn modules() -> Vec<Module> {
    let src = support::root().join("src");
    let mut out = Vec::new();
    for entry in walkdir(&src) {
        let rel = entry.strip_prefix(&src).unwrap();
        let mut segments: Vec<String> = rel
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if matches!(
            segments.last().map(String::as_str),
            Some("mod" | "lib" | "main")
        ) {
            segments.pop();
        }
        let text = std::fs::read_to_string(&entry).unwrap();
        // code only: no test module, no comments
        let code = text
            .split("#[cfg(test)]")
            .next()
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        out.push(Module {
            path: format!("src/{}", rel.display()),
            segments,
            code,
        });
    }
    out
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files.extend(walkdir(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            files.push(p);
        }
    }
    files.sort();
    files
}

/// The paths named after `crate::` or `super::` in `code`, braces of `use` groups expanded.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        expand(&code[at + prefix.len()..], Vec::new(), &mut found);
    }
    found
}

/// Reads `a::b::{c, d::e}` from the start of `rest` into full paths.
fn expand(rest: &str, base: Vec<String>, found: &mut Vec<Vec<String>>) {
    let mut path = base;
    let mut s = rest;
    if let Some(group) = s.strip_prefix('{') {
        return expand_group(group, &path, found);
    }
    loop {
        let name: String = s
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            path.push(name.clone());
            s = &s[name.len()..];
        }
        if let Some(r) = s.strip_prefix("::") {
            s = r;
            if let Some(group) = s.strip_prefix('{') {
                return expand_group(group, &path, found);
            }
            continue;
        }
        break;
    }
    if !path.is_empty() {
        found.push(path);
    }
}

/// The modules a file declares (`mod x;`, `pub mod x;`).
fn child_modules(code: &str) -> Vec<String> {
    code.lines()
        .filter_map(|l| {
            let l = l.trim().trim_start_matches("pub ");
            l.strip_prefix("mod ")?
                .strip_suffix(';')
                .map(str::to_string)
        })
        .collect()
}

/// Expands the inside of `{a, b::{c}}` (after the brace) against `base`.
fn expand_group(group: &str, base: &[String], found: &mut Vec<Vec<String>>) {
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                expand(group[start..i].trim_start(), base.to_vec(), found);
                return;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(group[start..i].trim_start(), base.to_vec(), found);
                start = i + 1;
            }
            _ => {}
        }
    }
}

/// The file each file imports from, by path.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let by_segments: BTreeMap<&[String], &str> = modules
        .iter()
        .map(|m| (m.segments.as_slice(), m.path.as_str()))
        .collect();
    let resolve = |full: &[String]| -> Option<&str> {
        (1..=full.len())
            .rev()
            .find_map(|n| by_segments.get(&full[..n]).copied())
    };
    let mut graph = BTreeMap::new();
    for m in &modules {
        let mut targets = BTreeSet::new();
        for p in paths_after(&m.code, "crate::") {
            targets.extend(resolve(&p));
        }
        // a child module named without a prefix (`engine::read`, `use output::Output`)
        for child in child_modules(&m.code) {
            for p in paths_after(&m.code, &format!("{child}::")) {
                let full: Vec<String> = m
                    .segments
                    .iter()
                    .cloned()
                    .chain([child.clone()])
                    .chain(p)
                    .collect();
                targets.extend(resolve(&full));
            }
        }
        // `super` of `a/b.rs` is `a`; of `a/b/mod.rs` it is `a` too
        let parent: Vec<String> = m.segments[..m.segments.len().saturating_sub(1)].to_vec();
        for p in paths_after(&m.code, "super::") {
            let full: Vec<String> = parent.iter().cloned().chain(p).collect();
            targets.extend(resolve(&full));
        }
        targets.remove(m.path.as_str());
        targets.remove("src/lib.rs");
        graph.insert(
            m.path.clone(),
            targets.into_iter().map(str::to_string).collect(),
        );
    }
    graph
}

/// Files that can reach themselves through imports.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut found = Vec::new();
    for start in graph.keys() {
        let mut stack: Vec<&String> = graph[start].iter().collect();
        let mut seen = BTreeSet::new();
        while let Some(n) = stack.pop() {
            if n == start {
                found.push(start.clone());
                break;
            }
            if seen.insert(n) {
                stack.extend(graph.get(n).into_iter().flatten());
            }
        }
    }
    found
}

#[test]
fn the_import_reader_sees_groups_and_nested_paths() {
    let code = "use crate::{guard, parse::{self, vocab}, pdf};\nlet x = super::lines::GlyphLines::default();";
    let mut crate_paths = paths_after(code, "crate::");
    crate_paths.sort();
    let names: Vec<String> = crate_paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(names, ["guard", "parse::self", "parse::vocab", "pdf"]);
    assert_eq!(
        paths_after(code, "super::"),
        [vec!["lines", "GlyphLines", "default"]]
    );
    // a cycle is found
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    g.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    g.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(cycles(&g), ["a", "b"]);
}

#[test]
fn no_import_cycle_among_source_files() {
    let graph = imports();
    assert!(graph.len() > 30, "the source files are read");
    assert!(
        graph["src/pdf/mod.rs"].contains("src/pdf/engine.rs"),
        "{:?}",
        graph["src/pdf/mod.rs"]
    );
    let found = cycles(&graph);
    let detail: Vec<String> = found
        .iter()
        .map(|f| format!("{f} -> {:?}", graph[f]))
        .collect();
    assert!(
        found.is_empty(),
        "files in an import cycle:\n{}",
        detail.join("\n")
    );
}

/// The folders a stage may import from: each stage only from earlier ones (and the shared
/// `model`, `error`, `guard`); the parsers' word lists (`parse::vocab`) are shared with the
/// cleanup of the reading stage and the PDF layout.
#[test]
fn stages_import_only_earlier_stages() {
    let shared = [
        "src/model.rs",
        "src/error.rs",
        "src/guard.rs",
        "src/report.rs",
    ];
    let allowed: &[(&str, &[&str])] = &[
        ("src/read/", &["src/read/", "src/parse/vocab/"]),
        (
            "src/pdf/",
            &[
                "src/pdf/",
                "src/read/",
                "src/parse/vocab/",
                "src/parse/numbers.rs",
            ],
        ),
        ("src/parse/", &["src/parse/", "src/read/"]),
        // the index reads queries with the one vocabulary and the case-number recogniser
        (
            "src/index/",
            &[
                "src/index/",
                "src/read/",
                "src/pipeline.rs",
                "src/parse/vocab/",
                "src/parse/caseline.rs",
            ],
        ),
        (
            "src/serve/",
            &["src/serve/", "src/index/", "src/read/", "src/pipeline.rs"],
        ),
    ];
    let mut wrong = Vec::new();
    for (file, targets) in imports() {
        let Some((_, ok)) = allowed.iter().find(|(dir, _)| file.starts_with(dir)) else {
            continue;
        };
        for t in targets {
            if !shared.contains(&t.as_str()) && !ok.iter().any(|o| t.starts_with(o)) {
                wrong.push(format!("{file} imports {t}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn parsers_do_no_io() {
    for m in modules()
        .iter()
        .filter(|m| m.path.starts_with("src/parse/"))
    {
        for io in ["std::fs", "std::io", "std::env", "std::net", "std::process"] {
            assert!(!m.code.contains(io), "{} uses {io}", m.path);
        }
    }
}

#[test]
fn no_source_file_is_over_a_few_hundred_lines() {
    let long: Vec<String> = walkdir(&support::root().join("src"))
        .into_iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(&p).unwrap().lines().count();
            (n > MAX_LINES).then(|| format!("{}: {n} lines", p.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}
