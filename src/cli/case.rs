//! `referat case`: a case's history across meetings and bodies, as the case page shows it.

use std::io::Write;

use super::args::IndexArg;
use super::output::{self, Output};
use crate::index::case::{self, CaseHistory};
use crate::index::schema::open;

/// The history of a case number: every item with it, across meetings and bodies, in date
/// order, and every decision taken on it.
///
/// The same item found in several files (a text and a PDF rendering of the same minutes) is
/// shown once. Exit code 2 when no item has the case number.
///
/// Examples:
///   referat case 14/689
///   referat case 14/689 --json | jq -r '.decisions[] | "\(.date) \(.outcome)"'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The case number (sagsnr) exactly as printed, e.g. 14/689.
    sagsnr: String,
    #[command(flatten)]
    index: IndexArg,
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    let (index, fields) = open(&args.index.dir, false)?;
    let searcher = index.reader()?.searcher();
    let Some(history) = case::history(&searcher, &fields, args.sagsnr.trim(), false)? else {
        anyhow::bail!("no item with case number {:?} in the index", args.sagsnr);
    };
    let mut w = output::stdout();
    if out.json {
        output::write_json(&mut w, &history)?;
    } else {
        print_history(&mut w, &history)?;
    }
    w.flush()?;
    Ok(0)
}

fn print_history(w: &mut dyn Write, h: &CaseHistory) -> std::io::Result<()> {
    writeln!(
        w,
        "case {}: {}, {}",
        h.sagsnr,
        count(h.items.len(), "item"),
        count(h.decisions.len(), "decision")
    )?;
    writeln!(w)?;
    writeln!(w, "items (punkter):")?;
    for i in &h.items {
        writeln!(
            w,
            "  {} {} punkt {}: {}{}{}",
            i.date.as_deref().unwrap_or("-"),
            i.body.as_deref().unwrap_or("-"),
            i.number.as_deref().unwrap_or("-"),
            i.title.as_deref().unwrap_or("(untitled)"),
            i.outcome
                .as_ref()
                .map(|o| format!(" [{o}]"))
                .unwrap_or_default(),
            if i.closed { " (closed)" } else { "" }
        )?;
        let mut sources = vec![i.source.as_str()];
        sources.extend(i.copies.iter().map(|c| c.source.as_str()));
        writeln!(w, "    {}", sources.join(" · "))?;
    }
    writeln!(w)?;
    writeln!(w, "decisions (beslutninger):")?;
    for d in &h.decisions {
        writeln!(
            w,
            "  {} {}: {}",
            d.date.as_deref().unwrap_or("-"),
            d.body.as_deref().unwrap_or("-"),
            d.outcome.as_deref().unwrap_or("-")
        )?;
        writeln!(w, "    {}", d.text)?;
    }
    Ok(())
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
