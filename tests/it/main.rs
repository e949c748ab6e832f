//! One integration-test binary: golden outputs of the corpus, the facts the issues promise,
//! the JSON Schema, and the command line.

mod architecture;
mod browser;
mod cli;
mod decisions;
mod engine;
mod facts;
mod formats;
mod golden;
mod index;
mod pdf;
mod properties;
mod robust;
mod scale_out;
mod search_quality;
mod serve;
mod structure;
mod support;
mod tables;
