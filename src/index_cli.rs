//! The index commands (`ingest`, `search`, `stats`, `export --index`): arguments in, text or
//! JSON out, exit code back. The work itself is in `index`; this file only talks to the user.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::cli::progress;
use crate::export;
use crate::index::search::{self, Filters, Marks, Request, SearchOutput};
use crate::index::{stored, writer};
use crate::pipeline;

pub fn ingest(
    paths: &[PathBuf],
    dir: &Path,
    opts: &writer::Options,
    json: bool,
) -> anyhow::Result<i32> {
    let started = std::time::Instant::now();
    let (files, walk_errors) = pipeline::collect_files(paths);
    let bar = progress(files.len() as u64, "indexing");
    let errors = AtomicUsize::new(0);
    let summary = writer::ingest(dir, &files, opts, |failed| {
        if failed {
            let n = errors.fetch_add(1, Ordering::Relaxed) + 1;
            bar.set_message(format!("indexing, {n} errors"));
        }
        bar.inc(1);
    })?;
    bar.finish_and_clear();
    let failures: Vec<&crate::error::Error> =
        walk_errors.iter().chain(summary.failed.iter()).collect();
    for e in &failures {
        eprintln!("referat: {e}");
    }
    let secs = started.elapsed().as_secs_f64();
    if json {
        let errors: Vec<serde_json::Value> = failures
            .iter()
            .map(|e| export::error_json(e)["error"].clone())
            .collect();
        println!(
            "{}",
            serde_json::json!({
                "index": dir.to_string_lossy(),
                "files": summary.files,
                "indexed": summary.indexed,
                "unchanged": summary.unchanged,
                "failed": failures.len(),
                "pruned": summary.pruned,
                "records_added": summary.records,
                "commits": summary.commits,
                "seconds": (secs * 1000.0).round() / 1000.0,
                "errors": errors,
            })
        );
    } else {
        eprintln!(
            "referat: {} files seen: {} indexed, {} unchanged, {} failed{} ({} records added, {:.2} s) in {}",
            summary.files,
            summary.indexed,
            summary.unchanged,
            failures.len(),
            if opts.prune {
                format!(", {} pruned", summary.pruned)
            } else {
                String::new()
            },
            summary.records,
            secs,
            dir.display()
        );
    }
    Ok(if failures.is_empty() { 0 } else { 1 })
}

#[allow(clippy::too_many_arguments)]
pub fn search_cmd(
    dir: &Path,
    query: String,
    section: Option<String>,
    filters: Filters,
    limit: usize,
    facets: bool,
    json: bool,
) -> anyhow::Result<i32> {
    let terminal = std::io::stdout().is_terminal();
    let marks = if json {
        search::HTML_MARKS
    } else if terminal {
        Marks {
            open: "\x1b[1m",
            close: "\x1b[0m",
        }
    } else {
        Marks {
            open: "**",
            close: "**",
        }
    };
    let req = Request {
        query,
        section,
        filters,
        limit,
    };
    let out = search::search(dir, &req, marks)?;
    for w in &out.warnings {
        eprintln!("referat: {w}");
    }
    let stdout = std::io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    if json {
        serde_json::to_writer(&mut w, &out)?;
        writeln!(w)?;
    } else {
        print_hits(&mut w, &out, facets)?;
    }
    w.flush()?;
    Ok(0)
}

fn print_hits(w: &mut dyn Write, out: &SearchOutput, facets: bool) -> std::io::Result<()> {
    for (n, h) in out.hits.iter().enumerate() {
        let mut head = vec![h.body.clone().unwrap_or_else(|| h.kind.clone())];
        head.extend(h.date.clone());
        if let Some(num) = &h.number {
            head.push(format!("punkt {num}"));
        }
        writeln!(
            w,
            "{}. {}: {}{}",
            n + 1,
            head.join(" "),
            h.title.as_deref().unwrap_or("(untitled)"),
            h.outcome
                .as_ref()
                .map(|o| format!(" [{o}]"))
                .unwrap_or_default()
        )?;
        let mut where_ = Vec::new();
        if !h.case_numbers.is_empty() {
            where_.push(format!("sag {}", h.case_numbers.join(", ")));
        }
        where_.push(h.source.clone());
        writeln!(w, "   {}  (score {:.2})", where_.join(" · "), h.score)?;
        if !h.snippet.is_empty() {
            writeln!(w, "   {}", h.snippet)?;
        }
    }
    writeln!(w, "{} of {} hits", out.hits.len(), out.total)?;
    if facets {
        for (name, map) in [
            ("body", &out.facets.body),
            ("year", &out.facets.year),
            ("outcome", &out.facets.outcome),
            ("kind", &out.facets.kind),
        ] {
            let counts: Vec<String> = map.iter().map(|(k, v)| format!("{k} {v}")).collect();
            writeln!(w, "{name}: {}", counts.join(", "))?;
        }
    }
    Ok(())
}

pub fn stats(dir: &Path, json: bool) -> anyhow::Result<i32> {
    let s = stored::stats(dir)?;
    if json {
        println!("{}", serde_json::to_string(&s)?);
        return Ok(0);
    }
    let list = |m: &std::collections::BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("index:      {}", dir.display());
    println!("documents:  {}", s.documents);
    println!("records:    {}", s.records);
    println!("punkter:    {}", s.punkter);
    println!("decisions:  {}", list(&s.decisions));
    println!("bodies:     {}", list(&s.bodies));
    println!("kinds:      {}", list(&s.kinds));
    println!(
        "dates:      {} to {}",
        s.first_date.as_deref().unwrap_or("-"),
        s.last_date.as_deref().unwrap_or("-")
    );
    println!("size:       {} bytes", s.size_bytes);
    Ok(0)
}

/// `export --index`: the stored records as NDJSON.
pub fn export_index(
    dir: &Path,
    query: Option<&str>,
    out_path: &Path,
    json: bool,
) -> anyhow::Result<i32> {
    let mut sink = crate::export::sink(out_path)?;
    let written = stored::export(dir, query, |r| {
        serde_json::to_writer(&mut sink, r)?;
        sink.write_all(b"\n")?;
        Ok(())
    })
    .and_then(|n| Ok(sink.flush().map(|_| n)?));
    let n = match written {
        Ok(n) => n,
        // The reader went away (`| head`): not an error of ours.
        Err(e) if is_broken_pipe(&e) => return Ok(0),
        Err(e) => return Err(e),
    };
    if json {
        eprintln!(
            "{}",
            serde_json::json!({"exported": n, "index": dir.to_string_lossy(), "out": out_path.to_string_lossy()})
        );
    } else {
        eprintln!(
            "referat: exported {n} records from {} to {}",
            dir.display(),
            out_path.display()
        );
    }
    Ok(0)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
