//! `referat schema`: the JSON Schemas committed in `schemas/`, generated from the types.

use std::io::Write;

/// Print a JSON Schema: of the documents (`parse`, `export`), the index records (`export
/// --from-index`), the search output (`search --json`), a case history (`case --json`) or the stderr lines under --json.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which schema.
    #[arg(long = "of", value_enum, default_value = "document")]
    of: Of,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Of {
    Document,
    Record,
    Search,
    Case,
    Diagnostic,
    Report,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let schema = match args.of {
        Of::Document => crate::model::schema_json(),
        Of::Record => crate::index::record_schema_json(),
        Of::Search => crate::index::search::schema_json(),
        Of::Case => crate::index::case::schema_json(),
        Of::Diagnostic => super::output::diagnostic_schema_json(),
        Of::Report => crate::report::schema_json(),
    };
    let mut w = super::output::stdout();
    writeln!(w, "{schema}")?;
    w.flush()?;
    Ok(0)
}
