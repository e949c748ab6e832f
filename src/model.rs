//! The records referat produces: one `Document` per source file, as exported to JSON and
//! described by `schemas/document.schema.json` (generated from these types).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Bumped when a field changes meaning or is removed; adding fields keeps the version.
pub const SCHEMA_VERSION: &str = "1";

/// One parsed source file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    pub schema_version: String,
    /// sha256 of the source bytes, lower-case hex: the same file always gets the same id.
    pub id: String,
    pub source: Source,
    pub kind: Kind,
    /// The document's own title: its first meaningful line.
    pub title: Option<String>,
    pub meeting: Option<Meeting>,
    pub punkter: Vec<Punkt>,
    pub tables: Vec<Table>,
    pub budget: Vec<BudgetRecord>,
    /// Things a reader should know: sums that do not add up, text that could not be placed.
    pub warnings: Vec<String>,
    /// The text as the parsers read it, one line per line. Written only on request
    /// (`parse --with-text`, `parse --stdin-paths`), so `ingest --ndjson` can index a document
    /// without agenda items as `ingest` would.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as it was given (relative paths stay relative).
    pub path: String,
    pub format: Format,
    pub bytes: u64,
    /// Number of pages for paged formats (PDF); null for plain text.
    pub pages: Option<u32>,
    /// The character encoding the text was decoded from (`UTF-8`, `UTF-16LE`, `windows-1252`, ...).
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Pdf,
    /// A Word document (`.docx`, Office Open XML).
    Docx,
    /// A web page (a meeting portal's agenda or minutes).
    Html,
    /// A case system's XML export (SBSYS, Acadre, eDoc/Fujitsu); the family is the `engine`.
    Xml,
    /// A FirstAgenda Publication API meeting (JSON).
    Json,
}

impl Format {
    /// The name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Xml => "xml",
            Format::Json => "json",
        }
    }
}

/// What sort of document this is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Kind {
    /// Minutes: items with decisions.
    Referat,
    /// Agenda: items, no decisions yet.
    Dagsorden,
    /// A report, status table or budget note: no agenda items.
    Rapport,
    /// An attachment to a case (`Bilag 1`).
    Bilag,
    Ukendt,
}

impl Kind {
    /// The name used in JSON and in the index.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Referat => "referat",
            Kind::Dagsorden => "dagsorden",
            Kind::Rapport => "rapport",
            Kind::Bilag => "bilag",
            Kind::Ukendt => "ukendt",
        }
    }
}

/// When and where the meeting took place, and who met.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meeting {
    /// The body that met: `Byrådet`, `Økonomiudvalget`, `Direktionen`, ...
    pub body: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `HH:MM`, 24-hour clock.
    pub start_time: Option<String>,
    pub place: Option<String>,
    /// Members listed as present or absent in the document's head.
    #[serde(default)]
    pub participants: Vec<Participant>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Participant {
    pub name: String,
    /// Party letters as printed, e.g. `A` or `A+V`.
    pub party: Option<String>,
    pub absent: bool,
}

/// One agenda item (dagsordenspunkt).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Punkt {
    /// The number as printed (`2`, `715`, `1.3`).
    pub number: String,
    pub title: String,
    /// Closed items (`Lukket punkt`) publish only their title and decision.
    pub closed: bool,
    pub case_numbers: Vec<String>,
    /// Titles of the attachments listed for the item.
    pub bilag: Vec<String>,
    pub sections: Vec<Section>,
    pub indstilling: Option<Indstilling>,
    pub beslutninger: Vec<Beslutning>,
    /// Attendance notes recorded with the item (`Afbud: …`, `Fraværende: …`).
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    /// The heading this item is numbered under (`1. Sager til beslutning` for item 1.2).
    #[serde(default)]
    pub parent: Option<String>,
    /// The page the item starts on (paged formats only).
    #[serde(default)]
    pub page: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// The heading as printed.
    pub heading: String,
    pub kind: SectionKind,
    pub text: String,
    #[serde(default)]
    pub page: Option<u32>,
}

/// The normalised kind of a section heading (see `parse::vocab` for the headings of each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Resume,
    Baggrund,
    Beslutningstema,
    Sagsfremstilling,
    Indstilling,
    Beslutning,
    Oekonomi,
    Lovgrundlag,
    Vurdering,
    Hoering,
    Kommunikation,
    Tidsplan,
    Sagsforloeb,
    Kompetence,
    Bilag,
    /// Text before the first heading of the item.
    Indledning,
    Andet,
}

/// The recommendation put before the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Indstilling {
    /// Who recommends (`BYC`, `Administrationen`, `Borgmesterens Forvaltning`).
    pub by: Option<String>,
    /// To whom, when stated (`Direktionen`, `byrådet`).
    pub to: Option<String>,
    pub text: String,
    /// The "at …" clauses, without their enumerator and leading "at".
    pub clauses: Vec<String>,
}

/// One decision block of an item; earlier bodies' decisions are their own entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Beslutning {
    pub body: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    pub text: String,
    /// Null when the text is empty (an agenda, or a decision not yet published).
    pub outcome: Option<Outcome>,
    pub dissents: Vec<Dissent>,
    /// Vote counts when the text states them.
    #[serde(default)]
    pub votes: Option<Votes>,
}

/// The normalised outcome of a decision: a small closed set.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Outcome {
    Godkendt,
    Anbefalet,
    TagetTilEfterretning,
    Droeftet,
    Udsat,
    Oversendt,
    Udgaaet,
    IkkeGodkendt,
    GodkendtMedAendringer,
    Andet,
}

impl Outcome {
    pub const ALL: [Outcome; 10] = [
        Outcome::Godkendt,
        Outcome::Anbefalet,
        Outcome::TagetTilEfterretning,
        Outcome::Droeftet,
        Outcome::Udsat,
        Outcome::Oversendt,
        Outcome::Udgaaet,
        Outcome::IkkeGodkendt,
        Outcome::GodkendtMedAendringer,
        Outcome::Andet,
    ];

    /// The name used in JSON and in the index.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Godkendt => "godkendt",
            Outcome::Anbefalet => "anbefalet",
            Outcome::TagetTilEfterretning => "taget_til_efterretning",
            Outcome::Droeftet => "droeftet",
            Outcome::Udsat => "udsat",
            Outcome::Oversendt => "oversendt",
            Outcome::Udgaaet => "udgaaet",
            Outcome::IkkeGodkendt => "ikke_godkendt",
            Outcome::GodkendtMedAendringer => "godkendt_med_aendringer",
            Outcome::Andet => "andet",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// A member or group that did not follow the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Dissent {
    /// Name(s) or group as printed (`Lasse P. N. Olsen`, `Liste B`).
    pub who: Option<String>,
    /// Party letters (`Ø`, `A+V`).
    pub party: Option<String>,
    /// The sentence that records the dissent.
    pub text: String,
    /// Ordinals of the "at" clauses it concerns (`2` for "kan ikke godkende 2. at").
    #[serde(default)]
    pub clauses: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Votes {
    #[serde(rename = "for")]
    pub for_: Option<u32>,
    pub against: Option<u32>,
    pub abstain: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attendance {
    /// `afbud`, `fravaerende`, `inhabil`, `deltog_ikke`, `forlod`, `til_stede`.
    pub kind: String,
    pub text: String,
}

/// A table as found in the document, cells as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    /// Number of the item the table belongs to, null outside items.
    pub punkt: Option<String>,
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    #[serde(default)]
    pub page: Option<u32>,
}

/// One numeric cell of a table, typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BudgetRecord {
    /// Index into `tables`.
    pub table: usize,
    pub punkt: Option<String>,
    /// The row's label: its first text cell.
    pub row: String,
    /// The column header, when the table has one.
    pub column: Option<String>,
    /// The value as a number, in `unit`s (`2.504,735` → 2504.735).
    pub value: f64,
    /// `kr.`, `1.000 kr.`, `mio. kr.`, `mia. kr.`, `%` or null.
    pub unit: Option<String>,
    /// The cell as printed.
    pub raw: String,
    #[serde(default)]
    pub page: Option<u32>,
}

/// The JSON Schema of `Document`, pretty-printed, as committed in `schemas/`.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Document);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}
