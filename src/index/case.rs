//! A case's history: every item with one case number, across meetings and bodies, in date
//! order, and every decision taken on it, once each, in date order. `referat case`, the API
//! and the case page all show this one shape (`schemas/case.schema.json`).

use schemars::JsonSchema;
use serde::Serialize;
use tantivy::Searcher;

use super::lookup::{Located, case_records};
use super::schema::Fields;
use crate::model::Beslutning;

/// The history of one case number.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseHistory {
    /// The case number (sagsnr) as printed.
    pub sagsnr: String,
    /// The items with this case number, earliest meeting first; the same item found in
    /// several files (a text and a PDF rendering of the same minutes) is one entry.
    pub items: Vec<CaseItem>,
    /// Every decision on the case, earliest first, each once.
    pub decisions: Vec<CaseDecision>,
}

/// One item of the case at one meeting.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseItem {
    /// The record id (`DOC_ID-N`) of the first file holding the item.
    pub id: String,
    /// The meeting's document id.
    pub doc_id: String,
    pub source: String,
    pub body: Option<String>,
    /// Meeting date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub number: Option<String>,
    pub title: Option<String>,
    /// The outcome at this meeting (else the item's last decision).
    pub outcome: Option<String>,
    pub closed: bool,
    /// The item's decisions as printed in its minutes, earliest first.
    pub decisions: Vec<Beslutning>,
    /// Other files with the same item (same body, date, number and title).
    pub copies: Vec<CaseCopy>,
}

/// Another file holding the same item.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseCopy {
    pub id: String,
    pub source: String,
}

/// One decision on the case.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CaseDecision {
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The deciding body (the meeting's body when the decision is dated on its day).
    pub body: Option<String>,
    pub outcome: Option<String>,
    pub text: String,
    /// The item it was printed with (record id).
    pub item: String,
}

/// The history of `sagsnr`; None when no record carries it. With `hide_closed`, closed items
/// are left out (their case numbers are not public).
pub fn history(
    searcher: &Searcher,
    fields: &Fields,
    sagsnr: &str,
    hide_closed: bool,
) -> anyhow::Result<Option<CaseHistory>> {
    let records: Vec<Located> = case_records(searcher, fields, sagsnr)?
        .into_iter()
        .filter(|l| !(hide_closed && l.record.is_closed()))
        .collect();
    if records.is_empty() {
        return Ok(None);
    }
    Ok(Some(assemble(sagsnr, &records)))
}

/// The history from its records, which come sorted by date, source and place.
pub fn assemble(sagsnr: &str, records: &[Located]) -> CaseHistory {
    let mut items: Vec<CaseItem> = Vec::new();
    for l in records {
        let r = &l.record;
        let number = r.punkt.as_ref().map(|p| p.number.clone());
        let same = items.iter_mut().find(|i| {
            i.body.as_deref() == r.body()
                && i.date.as_deref() == r.date()
                && i.number == number
                && i.title.as_deref() == r.title()
        });
        if let Some(item) = same {
            item.copies.push(CaseCopy {
                id: l.id.clone(),
                source: r.source.clone(),
            });
            continue;
        }
        let mut decisions = r
            .punkt
            .as_ref()
            .map(|p| p.beslutninger.clone())
            .unwrap_or_default();
        decisions.sort_by(|a, b| a.date.cmp(&b.date));
        items.push(CaseItem {
            id: l.id.clone(),
            doc_id: r.doc_id.clone(),
            source: r.source.clone(),
            body: r.body().map(str::to_string),
            date: r.date().map(str::to_string),
            number,
            title: r.title().map(str::to_string),
            outcome: r.outcome.map(|o| o.as_str().to_string()),
            closed: r.is_closed(),
            decisions,
            copies: Vec::new(),
        });
    }
    let mut decisions: Vec<CaseDecision> = Vec::new();
    for item in &items {
        for b in &item.decisions {
            let body = b
                .body
                .clone()
                .or_else(|| (b.date == item.date).then(|| item.body.clone()).flatten());
            let text = b.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let seen = decisions
                .iter()
                .any(|d| d.date == b.date && d.text == text && (d.body == body || body.is_none()));
            if !seen {
                decisions.push(CaseDecision {
                    date: b.date.clone(),
                    body,
                    outcome: b.outcome.map(|o| o.as_str().to_string()),
                    text,
                    item: item.id.clone(),
                });
            }
        }
    }
    decisions.sort_by(|a, b| a.date.cmp(&b.date));
    CaseHistory {
        sagsnr: sagsnr.to_string(),
        items,
        decisions,
    }
}

/// The JSON Schema of a case history, as committed in `schemas/case.schema.json`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(CaseHistory);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}
