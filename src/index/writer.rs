//! Ingest: files into the index with one writer and a bounded memory budget, committed every
//! N files so an interrupted run leaves the index readable at its last commit. A file is keyed
//! by its source path; an unchanged file (same sha256) is skipped before parsing, a changed one
//! has its old records deleted before the new ones are added.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{IndexWriter, Searcher, TantivyDocument, Term};

use super::schema::{Fields, date_value, fold, open};
use super::{Record, records, source_key, texts};
use crate::error::Error;
use crate::model::Document;
use crate::pipeline::{self, Parsed};
use crate::read::SourceFile;
use crate::report::{Entry, Status};

/// How ingest runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Commit after this many files (and at the end).
    pub commit_every: usize,
    /// Remove the records of source files that no longer exist.
    pub prune: bool,
    /// The writer's memory budget in bytes.
    pub memory_budget: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            commit_every: 200,
            prune: false,
            memory_budget: 50_000_000,
        }
    }
}

/// What ingest did, file by file counted.
#[derive(Debug, Default)]
pub struct Summary {
    pub files: usize,
    pub indexed: usize,
    pub unchanged: usize,
    pub failed: Vec<Error>,
    /// Records (index documents) added.
    pub records: usize,
    /// Source files whose records were removed by `--prune`.
    pub pruned: usize,
    pub commits: usize,
    /// One line of the audit report per file, in the order of the files.
    pub entries: Vec<Entry>,
}

/// What happened to one input before the writer sees it, with its line of the audit report.
pub(super) enum Prepared {
    Unchanged(Entry),
    Changed {
        key: String,
        docs: Vec<TantivyDocument>,
        entry: Entry,
    },
    Failed(Error, Entry),
}

/// Ingests `files` into the index in `dir`; `on_done(failed)` is called once per file.
pub fn ingest(
    dir: &Path,
    files: &[PathBuf],
    opts: &Options,
    on_done: impl Fn(bool) + Sync,
) -> anyhow::Result<Summary> {
    let mut chunks = files.chunks(opts.commit_every.max(1));
    let next = |_: usize| Ok(chunks.next().map(<[PathBuf]>::to_vec).unwrap_or_default());
    run(
        dir,
        opts,
        next,
        |p: &PathBuf, s: &Searcher, f: &Fields| prepare(p, s, f),
        on_done,
    )
}

/// The writer loop of every ingest: takes the next batch of up to `commit_every` inputs from
/// `next` (empty when there are no more), prepares them in parallel against the last commit,
/// writes the changed ones and commits; then prunes if asked.
pub(super) fn run<T: Sync>(
    dir: &Path,
    opts: &Options,
    mut next: impl FnMut(usize) -> anyhow::Result<Vec<T>>,
    prepare: impl Fn(&T, &Searcher, &Fields) -> Prepared + Sync,
    on_done: impl Fn(bool) + Sync,
) -> anyhow::Result<Summary> {
    let (index, fields) = open(dir, true)?;
    let shown = dir.display();
    let mut writer: IndexWriter = index
        .writer(opts.memory_budget)
        .map_err(|e| anyhow::anyhow!("{shown}: cannot write the index: {e}"))?;
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| anyhow::anyhow!("{shown}: cannot read the index: {e}"))?;
    let mut summary = Summary::default();
    let commit = |writer: &mut IndexWriter| -> anyhow::Result<()> {
        writer
            .commit()
            .map_err(|e| anyhow::anyhow!("{shown}: cannot commit: {e}"))?;
        Ok(())
    };
    loop {
        let batch = next(opts.commit_every.max(1))?;
        if batch.is_empty() {
            break;
        }
        summary.files += batch.len();
        let searcher = reader.searcher();
        let prepared: Vec<Prepared> = batch
            .par_iter()
            .map(|item| {
                let p = prepare(item, &searcher, &fields);
                on_done(matches!(p, Prepared::Failed(..)));
                p
            })
            .collect();
        let mut changed = false;
        for p in prepared {
            match p {
                Prepared::Unchanged(entry) => {
                    summary.unchanged += 1;
                    summary.entries.push(entry);
                }
                Prepared::Failed(e, entry) => {
                    summary.failed.push(e);
                    summary.entries.push(entry);
                }
                Prepared::Changed { key, docs, entry } => {
                    summary.entries.push(entry);
                    writer.delete_term(Term::from_field_text(fields.source, &key));
                    summary.records += docs.len();
                    for d in docs {
                        writer
                            .add_document(d)
                            .map_err(|e| anyhow::anyhow!("{shown}: cannot add {key}: {e}"))?;
                    }
                    summary.indexed += 1;
                    changed = true;
                }
            }
        }
        if changed {
            commit(&mut writer)?;
            summary.commits += 1;
            reader.reload()?;
        }
    }
    if opts.prune {
        let searcher = reader.searcher();
        for key in super::stored::sources(&searcher, &fields)? {
            if !Path::new(&key).exists() {
                writer.delete_term(Term::from_field_text(fields.source, &key));
                summary.pruned += 1;
            }
        }
        if summary.pruned > 0 {
            commit(&mut writer)?;
            summary.commits += 1;
        }
    }
    writer
        .wait_merging_threads()
        .map_err(|e| anyhow::anyhow!("{shown}: merging segments failed: {e}"))?;
    Ok(summary)
}

fn prepare(path: &Path, searcher: &Searcher, fields: &Fields) -> Prepared {
    let started = std::time::Instant::now();
    let millis = || started.elapsed().as_millis() as u64;
    let file = match SourceFile::load(path) {
        Ok(f) => f,
        Err(e) => {
            let entry = Entry::failed(&e, millis());
            return Prepared::Failed(e, entry);
        }
    };
    let key = source_key(path);
    let id = file.id();
    let stored = stored_id(searcher, fields, &key);
    if stored.as_deref() == Some(id.as_str()) {
        return Prepared::Unchanged(Entry::unchanged(path, id, file.bytes.len() as u64));
    }
    match pipeline::parse(&file) {
        Ok(Parsed {
            document,
            text,
            engine,
            partial,
        }) => {
            let entry =
                |doc: &Document, status| Entry::parsed(doc, status, partial, engine, millis());
            changed(&document, key, &text, stored.is_some(), fields, entry)
        }
        Err(e) => {
            let entry = Entry::failed(&e, millis());
            Prepared::Failed(e, entry)
        }
    }
}

/// A parsed document's index documents under `key`, replacing what was stored under it.
pub(super) fn changed(
    doc: &Document,
    key: String,
    text: &str,
    replaces: bool,
    fields: &Fields,
    entry: impl FnOnce(&Document, Status) -> Entry,
) -> Prepared {
    let docs = records(doc, &key, text)
        .iter()
        .enumerate()
        .map(|(ord, r)| tantivy_doc(fields, r, ord as u64))
        .collect();
    let status = if replaces {
        Status::Replaced
    } else {
        Status::Indexed
    };
    let entry = entry(doc, status);
    Prepared::Changed { key, docs, entry }
}

/// The document id stored for a source path, if the path is in the index.
pub(super) fn stored_id(searcher: &Searcher, fields: &Fields, key: &str) -> Option<String> {
    let term = Term::from_field_text(fields.source, key);
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let top = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .ok()?;
    let (_, address) = top.first()?;
    let doc: TantivyDocument = searcher.doc(*address).ok()?;
    doc.get_first(fields.doc_id)?.as_str().map(str::to_string)
}

/// The index document of a record.
pub fn tantivy_doc(f: &Fields, r: &Record, ord: u64) -> TantivyDocument {
    let mut d = TantivyDocument::new();
    d.add_text(f.doc_id, &r.doc_id);
    d.add_text(f.source, &r.source);
    let kind = r.kind.as_str();
    d.add_text(f.kind, kind);
    d.add_facet(f.facets, Facet::from_path(["kind", kind]));
    if let Some(body) = r.body() {
        d.add_text(f.body, body);
        d.add_facet(f.facets, Facet::from_path(["body", body]));
    }
    if let Some(o) = r.outcome {
        d.add_text(f.outcome, o.as_str());
        d.add_facet(f.facets, Facet::from_path(["outcome", o.as_str()]));
    }
    if let Some(date) = r.date() {
        if let Some(v) = date_value(date) {
            d.add_date(f.date, v);
        }
        if let Some(year) = date.get(..4).and_then(|y| y.parse::<u64>().ok()) {
            d.add_u64(f.year, year);
            d.add_facet(f.facets, Facet::from_path(["year", &year.to_string()]));
        }
    }
    if let Some(p) = &r.punkt {
        if p.closed {
            d.add_facet(f.facets, Facet::from("/closed"));
        }
        d.add_text(f.number, &p.number);
        for c in &p.case_numbers {
            d.add_text(f.sagsnr, c);
        }
    }
    let t = texts(r);
    if let Some(title) = r.title() {
        d.add_text(f.title, title);
        d.add_text(f.title_parts, title);
    }
    d.add_text(f.indstilling, &t.indstilling);
    d.add_text(f.beslutning, &t.beslutning);
    d.add_text(f.sections, &t.sections);
    d.add_text(f.folded, fold(&t.all));
    d.add_text(f.parts, &t.all);
    d.add_text(f.text, &t.all);
    d.add_u64(f.ord, ord);
    d.add_text(
        f.record,
        serde_json::to_string(r).expect("a record always serialises"),
    );
    d
}
