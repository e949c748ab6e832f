//! Parse one document with the library and print what a consultant would look at first: the
//! meeting, each punkt with its case numbers, and each decision with its outcome.
//!
//! cargo run --example parse_one -- corpus/referat-direktionen-2015-01-06.txt

use std::path::PathBuf;

use referat::pipeline;
use referat::read::SourceFile;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| "corpus/referat-direktionen-2015-01-06.txt".into());
    // stage 1: the file; stage 2 and 3 (text, document) happen inside `pipeline::parse`
    let file = SourceFile::load(&path)?;
    let doc = pipeline::parse(&file)?.document;
    if let Some(m) = &doc.meeting {
        println!(
            "{} {} ({:?})",
            m.body.as_deref().unwrap_or("?"),
            m.date.as_deref().unwrap_or("?"),
            doc.kind
        );
    }
    for p in &doc.punkter {
        println!("punkt {}: {} {:?}", p.number, p.title, p.case_numbers);
        for b in &p.beslutninger {
            let outcome = b.outcome.map_or("-", |o| o.as_str());
            println!(
                "  {} {}: {outcome}",
                b.body.as_deref().unwrap_or(""),
                b.date.as_deref().unwrap_or("")
            );
        }
    }
    println!(
        "{} budget records in {} tables",
        doc.budget.len(),
        doc.tables.len()
    );
    Ok(())
}
