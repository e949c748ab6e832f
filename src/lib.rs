//! referat turns Danish municipal meeting documents into structured, searchable data.
//!
//! The folders are the pipeline, in the order the data flows (see ARCHITECTURE.md):
//! - [`read`]: walk folders, tell formats apart, decode bytes, clean text → [`read::Text`];
//! - [`pdf`]: PDFs → [`read::Text`] (native engine, pdf-extract fallback, page furniture);
//! - [`parse`]: pure parsers from text to a [`model::Document`];
//! - [`index`]: the tantivy index: ingest, search, export, stats;
//! - [`serve`]: the read-only HTTP server: pages, JSON API, feeds;
//! - [`cli`]: the command line, one file per command.
//!
//! [`pipeline`] ties the stages together (`SourceFile → Extracted → Document`); [`model`] holds
//! the types every stage shares, [`error`] the one error type, [`guard`] the panic boundary.

pub mod cli;
pub mod error;
pub mod guard;
pub mod index;
pub mod model;
pub mod parse;
pub mod pdf;
pub mod pipeline;
pub mod read;
pub mod report;
pub mod serve;
