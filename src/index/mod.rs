//! The search index: documents go in as one record per punkt (plus one per document without
//! punkter), so a hit is an agenda item with its meeting, shown and exported without re-parsing.
//!
//! - [`schema`]: fields and opening; [`analysis`] and [`compound`]: how text becomes terms;
//! - [`writer`]: ingest (idempotent, committed in batches) and prune;
//! - [`understand`] and [`query`]: a query as typed, taken apart, then built for tantivy;
//! - [`search`]: running a query: hits, snippets, facets;
//! - [`stored`]: the stored records back out: export and stats;
//! - [`lookup`]: one record, one document, a body's neighbouring meetings, by id;
//! - [`case`]: a case's history across meetings and bodies.

pub mod analysis;
pub mod case;
pub mod compound;
pub mod lookup;
pub mod ndjson;
pub mod query;
pub mod request;
pub mod schema;
pub mod search;
pub mod stored;
pub mod understand;
pub mod writer;

use std::path::{Component, Path};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Document, Kind, Meeting, Outcome, Punkt, SectionKind, Table};

/// Where the index lives unless `--index` or `REFERAT_INDEX` says otherwise.
pub const DEFAULT_DIR: &str = "referat-index";

/// What the index stores for each hit: the punkt with its meeting context, or, for a document
/// without punkter, its text. `referat export --index` writes these, one a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    /// The document's id: sha256 of its source bytes.
    pub doc_id: String,
    /// The source path as given to `ingest`, normalised (see [`source_key`]).
    pub source: String,
    pub kind: Kind,
    /// The document's own title.
    pub document_title: Option<String>,
    pub meeting: Option<Meeting>,
    /// The outcome of the decision taken at this meeting (else the last decision).
    pub outcome: Option<Outcome>,
    /// The agenda item; null for a document without punkter.
    pub punkt: Option<Punkt>,
    /// The cleaned text of a document without punkter; null for punkter.
    pub text: Option<String>,
    /// The tables printed with the punkt (all of the document's for a document without
    /// punkter), cells as printed.
    #[serde(default)]
    pub tables: Vec<Table>,
}

/// The JSON Schema of the records `referat export --index` writes, as committed in
/// `schemas/record.schema.json`.
pub fn record_schema_json() -> String {
    let schema = schemars::schema_for!(Record);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}

impl Record {
    pub fn body(&self) -> Option<&str> {
        self.meeting.as_ref()?.body.as_deref()
    }

    pub fn date(&self) -> Option<&str> {
        self.meeting.as_ref()?.date.as_deref()
    }

    /// A closed item (`Lukket punkt`).
    pub fn is_closed(&self) -> bool {
        self.punkt.as_ref().is_some_and(|p| p.closed)
    }

    /// The record as a public page may show it: a closed item keeps its number, title,
    /// outcome and meeting, and loses everything else (case numbers, bilag, sections,
    /// indstilling, decision texts, attendance). Open items and documents are unchanged.
    pub fn redacted(&self) -> Record {
        let mut r = self.clone();
        if let Some(p) = r.punkt.as_mut().filter(|p| p.closed) {
            p.case_numbers.clear();
            p.bilag.clear();
            p.sections.clear();
            p.indstilling = None;
            p.beslutninger.clear();
            p.attendance.clear();
            r.tables.clear();
        }
        r
    }

    pub fn title(&self) -> Option<&str> {
        match &self.punkt {
            Some(p) => Some(&p.title),
            None => self.document_title.as_deref(),
        }
    }
}

/// The key of a source path in the index: the path as given, relative paths staying relative,
/// with `.` components dropped and `/` as the separator, so `./corpus/a.txt` and
/// `corpus/a.txt` are the same file. `--prune` resolves relative keys from the working
/// directory.
pub fn source_key(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| match c {
            Component::RootDir => String::new(),
            other => other.as_os_str().to_string_lossy().into_owned(),
        })
        .collect();
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

/// The id of a record: its document's id and its place in the document (`DOC_ID-N`).
pub fn record_id(doc_id: &str, ord: u64) -> String {
    format!("{doc_id}-{ord}")
}

/// A record id split into its document id and place; None when it is not one.
pub fn parse_record_id(id: &str) -> Option<(&str, u64)> {
    let (doc, ord) = id.rsplit_once('-')?;
    let hex = doc.len() == 64 && doc.bytes().all(|b| b.is_ascii_hexdigit());
    Some((doc, ord.parse().ok()?)).filter(|_| hex)
}

/// The outcome that stands for the item: the decision taken at this meeting, else the last.
/// Committees that treat a case on the same day print their decisions before this meeting's
/// (`Beslutning i Økonomiudvalget den 12-12-2022`, then `Beslutning i Byrådet den 12-12-2022`),
/// so of the decisions dated the meeting day the last is this meeting's.
pub fn punkt_outcome(punkt: &Punkt, meeting_date: Option<&str>) -> Option<Outcome> {
    let at_meeting = meeting_date.and_then(|d| {
        punkt
            .beslutninger
            .iter()
            .rfind(|b| b.date.as_deref() == Some(d))
    });
    at_meeting.or(punkt.beslutninger.last())?.outcome
}

/// The records of one document, in document order.
pub fn records(doc: &Document, source: &str, text: &str) -> Vec<Record> {
    let date = doc.meeting.as_ref().and_then(|m| m.date.as_deref());
    let base = |punkt: Option<Punkt>, text: Option<String>| Record {
        doc_id: doc.id.clone(),
        source: source.to_string(),
        kind: doc.kind,
        document_title: doc.title.clone(),
        meeting: doc.meeting.clone(),
        outcome: punkt.as_ref().and_then(|p| punkt_outcome(p, date)),
        tables: doc
            .tables
            .iter()
            .filter(|t| punkt.is_none() || t.punkt.as_ref() == punkt.as_ref().map(|p| &p.number))
            .cloned()
            .collect(),
        punkt,
        text,
    };
    if doc.punkter.is_empty() {
        return vec![base(None, Some(text.to_string()))];
    }
    doc.punkter
        .iter()
        .map(|p| base(Some(p.clone()), None))
        .collect()
}

/// The searchable texts of a record, by index field.
#[derive(Debug, Default)]
pub struct Texts {
    pub indstilling: String,
    pub beslutning: String,
    pub sections: String,
    /// Everything: title, sections, indstilling, decisions (or the document's text).
    pub all: String,
}

pub fn texts(r: &Record) -> Texts {
    let mut t = Texts::default();
    let mut all = vec![r.title().unwrap_or_default().to_string()];
    match &r.punkt {
        None => all.push(r.text.clone().unwrap_or_default()),
        Some(p) => {
            let mut other = Vec::new();
            for s in &p.sections {
                if !matches!(s.kind, SectionKind::Indstilling | SectionKind::Beslutning) {
                    other.push(s.text.as_str());
                }
            }
            t.sections = other.join("\n\n");
            if let Some(i) = &p.indstilling {
                t.indstilling = i.text.clone();
            }
            t.beslutning = p
                .beslutninger
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n");
            for part in [&t.sections, &t.indstilling, &t.beslutning] {
                if !part.is_empty() {
                    all.push(part.clone());
                }
            }
        }
    }
    t.all = all.join("\n\n");
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(date: &str, outcome: Outcome) -> crate::model::Beslutning {
        crate::model::Beslutning {
            body: None,
            date: Some(date.into()),
            text: "x".into(),
            outcome: Some(outcome),
            dissents: Vec::new(),
            votes: None,
        }
    }

    #[test]
    fn the_outcome_is_the_meeting_days_decision_else_the_last() {
        let mut p = Punkt {
            number: "1".into(),
            title: "t".into(),
            closed: false,
            case_numbers: Vec::new(),
            bilag: Vec::new(),
            sections: Vec::new(),
            indstilling: None,
            beslutninger: vec![
                decision("2015-01-06", Outcome::Udsat),
                decision("2014-11-25", Outcome::Godkendt),
            ],
            attendance: Vec::new(),
            parent: None,
            page: None,
        };
        assert_eq!(punkt_outcome(&p, Some("2015-01-06")), Some(Outcome::Udsat));
        assert_eq!(
            punkt_outcome(&p, Some("2016-01-01")),
            Some(Outcome::Godkendt)
        );
        assert_eq!(punkt_outcome(&p, None), Some(Outcome::Godkendt));
        // committees that treated the case the same day come first; the last is this meeting's
        p.beslutninger = vec![
            decision("2022-12-12", Outcome::Anbefalet),
            decision("2022-12-12", Outcome::Godkendt),
        ];
        assert_eq!(
            punkt_outcome(&p, Some("2022-12-12")),
            Some(Outcome::Godkendt)
        );
        p.beslutninger.clear();
        assert_eq!(punkt_outcome(&p, None), None);
    }

    #[test]
    fn source_keys_drop_dot_components() {
        assert_eq!(source_key(Path::new("./corpus/a.txt")), "corpus/a.txt");
        assert_eq!(source_key(Path::new("corpus/a.txt")), "corpus/a.txt");
        assert_eq!(source_key(Path::new("/tmp/x/a.txt")), "/tmp/x/a.txt");
    }
}
