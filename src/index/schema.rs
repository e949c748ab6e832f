//! The index layout in one place: the tantivy schema, the `Fields` handles built from it once,
//! and the folded text of the æ/ø/å → ae/oe/aa field; the analyzers live in `analysis`.

use std::path::Path;

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DateTime, Index, directory::MmapDirectory};

pub use super::analysis::{DANISH, PARTS, RAW_LOWER, register_analyzers};

/// Handles of every field, built once from the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub doc_id: Field,
    pub source: Field,
    pub kind: Field,
    pub body: Field,
    pub outcome: Field,
    pub sagsnr: Field,
    pub number: Field,
    pub year: Field,
    pub date: Field,
    pub facets: Field,
    pub title: Field,
    pub indstilling: Field,
    pub beslutning: Field,
    pub sections: Field,
    pub text: Field,
    pub folded: Field,
    /// The parts of the compounds of the text (`anlægsbevilling` → anlæg, bevilling).
    pub parts: Field,
    /// The parts of the compounds of the title: a title about the word (`Trafiksikkerhedstiltag`)
    /// is stronger evidence than a text that mentions it.
    pub title_parts: Field,
    pub ord: Field,
    pub record: Field,
}

fn text_options(analyzer: &str, positions: bool) -> TextOptions {
    let record = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::Basic
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record),
    )
}

/// The schema and its field handles.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let raw_lower = text_options(RAW_LOWER, false).set_stored();
    let danish = text_options(DANISH, true);
    let fields = Fields {
        doc_id: b.add_text_field("doc_id", STRING | STORED),
        source: b.add_text_field("source", STRING | STORED),
        kind: b.add_text_field("kind", raw_lower.clone()),
        body: b.add_text_field("body", raw_lower.clone()),
        outcome: b.add_text_field("outcome", raw_lower),
        sagsnr: b.add_text_field("sagsnr", STRING | STORED),
        number: b.add_text_field("number", STRING | STORED),
        year: b.add_u64_field("year", INDEXED | STORED | FAST),
        date: b.add_date_field("date", INDEXED | STORED | FAST),
        facets: b.add_facet_field("facets", tantivy::schema::FacetOptions::default()),
        title: b.add_text_field("title", danish.clone().set_stored()),
        indstilling: b.add_text_field("indstilling", danish.clone()),
        beslutning: b.add_text_field("beslutning", danish.clone()),
        sections: b.add_text_field("sections", danish.clone()),
        text: b.add_text_field("text", danish.clone().set_stored()),
        folded: b.add_text_field("folded", danish),
        parts: b.add_text_field("parts", text_options(PARTS, false)),
        title_parts: b.add_text_field("title_parts", text_options(PARTS, false)),
        ord: b.add_u64_field("ord", STORED),
        record: b.add_text_field("record", STORED),
    };
    (b.build(), fields)
}

/// The old spellings: å → aa, æ → ae, ø → oe (and their capitals), applied to the text of the
/// `folded` field before analysis so `Aarhus`, `Kjoebenhavn`-style queries find modern text.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            'å' => out.push_str("aa"),
            'Å' => out.push_str("Aa"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("Ae"),
            'ø' => out.push_str("oe"),
            'Ø' => out.push_str("Oe"),
            _ => out.push(c),
        }
    }
    out
}

/// Opens the index in `dir`, creating the folder and an empty index when `create` is set.
/// Errors name the folder.
pub fn open(dir: &Path, create: bool) -> anyhow::Result<(Index, Fields)> {
    let (schema, fields) = schema();
    let shown = dir.display();
    let index = if create {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("{shown}: cannot create index folder: {e}"))?;
        let mmap = MmapDirectory::open(dir)
            .map_err(|e| anyhow::anyhow!("{shown}: cannot open index folder: {e}"))?;
        Index::open_or_create(mmap, schema.clone())
            .map_err(|e| anyhow::anyhow!("{shown}: cannot open index: {e}"))?
    } else {
        if !dir.join("meta.json").is_file() {
            anyhow::bail!(
                "{shown}: no index here (build one with `referat ingest PATH --index {shown}`)"
            );
        }
        Index::open_in_dir(dir).map_err(|e| anyhow::anyhow!("{shown}: cannot open index: {e}"))?
    };
    if index.schema() != schema {
        anyhow::bail!(
            "{shown}: the index was built with another schema; delete the folder and ingest again"
        );
    }
    register_analyzers(&index);
    Ok((index, fields))
}

/// A meeting date `YYYY-MM-DD` as a tantivy date (midnight UTC).
pub fn date_value(iso: &str) -> Option<DateTime> {
    let d = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()?;
    let secs = d.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
    Some(DateTime::from_timestamp_secs(secs))
}

/// A record's position in its document, as stored.
pub fn ord_of(doc: &tantivy::TantivyDocument, fields: &Fields) -> Option<u64> {
    use tantivy::schema::Value;
    doc.get_first(fields.ord).and_then(|v| v.as_u64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_spells_the_old_way() {
        assert_eq!(fold("Århus Købstad Ærø"), "Aarhus Koebstad Aeroe");
    }

    #[test]
    fn danish_analyzer_stems_and_keeps_letters() {
        let (schema, _) = schema();
        let index = Index::create_in_ram(schema);
        register_analyzers(&index);
        let mut a = index.tokenizers().get(DANISH).expect("registered");
        let mut tokens = Vec::new();
        let mut stream = a.token_stream("Effektiviseringer i Byrådet");
        while let Some(t) = stream.next() {
            tokens.push(t.text.clone());
        }
        assert_eq!(tokens, ["effektivisering", "i", "byråd"]);
    }
}
