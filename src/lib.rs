//! referat turns Danish municipal meeting documents into structured, searchable data.
//!
//! Reading order, following the data:
//! - [`pipeline`]: paths → files → text → documents (I/O at the edges);
//! - [`decode`] and [`extract`]: bytes of text files and PDFs to text;
//! - [`pages`]: PDF pages to lines: running headers and footers out, hyphenation undone;
//! - [`clean`]: HTML leftovers, web noise and page furniture out;
//! - [`parse`]: pure parsers from text to a [`model::Document`];
//! - [`export`]: JSON and NDJSON out, and the JSON Schema;
//! - [`index`]: the tantivy index: ingest, search, export, stats;
//! - [`cli`]: the command line.

pub mod clean;
pub mod cli;
pub mod columns;
pub mod decode;
pub mod error;
pub mod export;
pub mod extract;
pub mod index;
pub mod index_cli;
pub mod model;
pub mod pages;
pub mod parse;
pub mod pdftext;
pub mod pipeline;
