//! `referat stats`: the numbers of an index.

use std::collections::BTreeMap;
use std::io::Write;

use super::args::IndexArg;
use super::output::{self, Output};
use crate::index::stored;

/// Numbers of the index: documents, punkter, decisions by outcome, bodies, dates, size.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    index: IndexArg,
}

pub fn run(args: Args, out: Output) -> anyhow::Result<i32> {
    let dir = &args.index.dir;
    let s = stored::stats(dir)?;
    let mut w = output::stdout();
    if out.json {
        output::write_json(&mut w, &s)?;
        w.flush()?;
        return Ok(0);
    }
    let list = |m: &BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(w, "index:      {}", dir.display())?;
    writeln!(w, "documents:  {}", s.documents)?;
    writeln!(w, "records:    {}", s.records)?;
    writeln!(w, "punkter:    {}", s.punkter)?;
    writeln!(w, "decisions:  {}", list(&s.decisions))?;
    writeln!(w, "bodies:     {}", list(&s.bodies))?;
    writeln!(w, "kinds:      {}", list(&s.kinds))?;
    writeln!(
        w,
        "dates:      {} to {}",
        s.first_date.as_deref().unwrap_or("-"),
        s.last_date.as_deref().unwrap_or("-")
    )?;
    writeln!(w, "size:       {} bytes", s.size_bytes)?;
    w.flush()?;
    Ok(0)
}
