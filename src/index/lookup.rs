//! Records by id rather than by query: one record (`DOC_ID-N`), every record of one document
//! in document order (a meeting with its items), the records of a case number, and the
//! meetings of the same body just before and after a date. A server keeps one searcher and
//! calls these per request.

use std::ops::Bound;

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, Order, Searcher, TantivyDocument, Term};

use super::schema::{Fields, date_value};
use super::search::stored_record;
use super::{Record, parse_record_id, record_id};

/// A stored record with its id.
#[derive(Debug, Clone)]
pub struct Located {
    pub id: String,
    pub record: Record,
}

fn term(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Every record matching `query`, with its id, sorted by (date, source, place in document).
fn located(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn Query,
) -> anyhow::Result<Vec<Located>> {
    let mut keyed = Vec::new();
    for address in searcher.search(query, &DocSetCollector)? {
        let doc: TantivyDocument = searcher.doc(address)?;
        let record = stored_record(&doc, fields)?;
        let ord = super::schema::ord_of(&doc, fields).unwrap_or(0);
        let key = (
            record.date().unwrap_or_default().to_string(),
            record.source.clone(),
            ord,
        );
        let id = record_id(&record.doc_id, ord);
        keyed.push((key, Located { id, record }));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(keyed.into_iter().map(|(_, l)| l).collect())
}

/// The record with this id (`DOC_ID-N`); None when there is none or the id is malformed.
pub fn record(searcher: &Searcher, fields: &Fields, id: &str) -> anyhow::Result<Option<Located>> {
    let Some((doc_id, _)) = parse_record_id(id) else {
        return Ok(None);
    };
    Ok(document(searcher, fields, doc_id)?
        .into_iter()
        .find(|l| l.id == id))
}

/// Every record of the document `doc_id`, in document order; empty when there is none.
pub fn document(
    searcher: &Searcher,
    fields: &Fields,
    doc_id: &str,
) -> anyhow::Result<Vec<Located>> {
    let mut all = located(searcher, fields, &*term(fields.doc_id, doc_id))?;
    all.sort_by_key(|l| parse_record_id(&l.id).map(|(_, n)| n));
    Ok(all)
}

/// Every record carrying the case number `sagsnr`, sorted by date, source and place.
pub fn case_records(
    searcher: &Searcher,
    fields: &Fields,
    sagsnr: &str,
) -> anyhow::Result<Vec<Located>> {
    located(searcher, fields, &*term(fields.sagsnr, sagsnr))
}

/// Whether any record carries the case number `sagsnr` (closed items left out when asked).
pub fn case_exists(
    searcher: &Searcher,
    fields: &Fields,
    sagsnr: &str,
    hide_closed: bool,
) -> anyhow::Result<bool> {
    let mut parts = vec![(Occur::Must, term(fields.sagsnr, sagsnr))];
    if hide_closed {
        parts.push((Occur::MustNot, super::query::closed_query(fields)));
    }
    let count = searcher.search(&BooleanQuery::new(parts), &tantivy::collector::Count)?;
    Ok(count > 0)
}

/// A meeting as a link: the document id and the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRef {
    pub doc_id: String,
    pub date: String,
}

/// The meetings of `body` on the nearest date before and after `date` (other documents of
/// the same date, such as a PDF rendering of the same minutes, are neither).
pub fn neighbours(
    searcher: &Searcher,
    fields: &Fields,
    body: &str,
    date: &str,
) -> anyhow::Result<(Option<MeetingRef>, Option<MeetingRef>)> {
    let Some(day) = date_value(date) else {
        return Ok((None, None));
    };
    let at = Term::from_field_date(fields.date, day);
    let side =
        |bounds: (Bound<Term>, Bound<Term>), order: Order| -> anyhow::Result<Option<MeetingRef>> {
            let query = BooleanQuery::new(vec![
                (Occur::Must, term(fields.body, &body.to_lowercase())),
                (Occur::Must, Box::new(RangeQuery::new(bounds.0, bounds.1))),
            ]);
            let top = TopDocs::with_limit(1).order_by_fast_field::<DateTime>("date", order);
            let Some((_, address)) = searcher.search(&query, &top)?.into_iter().next() else {
                return Ok(None);
            };
            let doc: TantivyDocument = searcher.doc(address)?;
            let r = stored_record(&doc, fields)?;
            Ok(Some(MeetingRef {
                doc_id: r.doc_id.clone(),
                date: r.date().unwrap_or_default().to_string(),
            }))
        };
    let before = side((Bound::Unbounded, Bound::Excluded(at.clone())), Order::Desc)?;
    let after = side((Bound::Excluded(at), Bound::Unbounded), Order::Asc)?;
    Ok((before, after))
}
