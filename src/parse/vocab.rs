//! The words of Danish meeting documents, in one place: section headings, month names, bodies,
//! closed-item markers. Parsers match against these lists instead of scattering literals, so a
//! new variant seen in the wild is one line here.

use crate::model::SectionKind;

/// Section headings (lower case, without a trailing colon) and their normalised kind.
pub const HEADINGS: &[(&str, SectionKind)] = &[
    ("resume", SectionKind::Resume),
    ("resumé", SectionKind::Resume),
    ("resume og indstilling", SectionKind::Resume),
    ("kort resume", SectionKind::Resume),
    ("sammenfatning", SectionKind::Resume),
    ("baggrund", SectionKind::Baggrund),
    ("baggrund og formål", SectionKind::Baggrund),
    ("formål", SectionKind::Baggrund),
    ("beslutningstema", SectionKind::Beslutningstema),
    ("sagens kerne", SectionKind::Beslutningstema),
    ("hvad skal besluttes", SectionKind::Beslutningstema),
    ("sagsfremstilling", SectionKind::Sagsfremstilling),
    ("sagsbeskrivelse", SectionKind::Sagsfremstilling),
    ("beskrivelse af sagen", SectionKind::Sagsfremstilling),
    ("beskrivelse", SectionKind::Sagsfremstilling),
    ("redegørelse", SectionKind::Sagsfremstilling),
    ("sagens indhold", SectionKind::Sagsfremstilling),
    ("sagen", SectionKind::Sagsfremstilling),
    ("indstilling", SectionKind::Indstilling),
    ("indstillinger", SectionKind::Indstilling),
    ("forslag til beslutning", SectionKind::Indstilling),
    ("beslutning", SectionKind::Beslutning),
    ("beslutninger", SectionKind::Beslutning),
    ("afgørelse", SectionKind::Beslutning),
    ("økonomi", SectionKind::Oekonomi),
    ("økonomiske konsekvenser", SectionKind::Oekonomi),
    (
        "økonomiske konsekvenser og finansiering",
        SectionKind::Oekonomi,
    ),
    ("økonomi og finansiering", SectionKind::Oekonomi),
    ("økonomi og konsekvenser", SectionKind::Oekonomi),
    ("bevillingsmæssige konsekvenser", SectionKind::Oekonomi),
    ("finansiering", SectionKind::Oekonomi),
    ("lovgrundlag", SectionKind::Lovgrundlag),
    ("retsgrundlag", SectionKind::Lovgrundlag),
    ("lovgivning", SectionKind::Lovgrundlag),
    ("lov og praksis", SectionKind::Lovgrundlag),
    ("vurdering", SectionKind::Vurdering),
    ("administrationens vurdering", SectionKind::Vurdering),
    ("høring", SectionKind::Hoering),
    ("høringssvar", SectionKind::Hoering),
    ("høringsparter", SectionKind::Hoering),
    ("kommunikation", SectionKind::Kommunikation),
    ("tidsplan", SectionKind::Tidsplan),
    ("videre proces", SectionKind::Tidsplan),
    ("sagsforløb", SectionKind::Sagsforloeb),
    ("sagens forløb", SectionKind::Sagsforloeb),
    ("tidligere beslutninger", SectionKind::Sagsforloeb),
    ("sagen afgøres i", SectionKind::Kompetence),
    ("beslutningen træffes af", SectionKind::Kompetence),
    ("sagsprocedure", SectionKind::Kompetence),
    ("kompetence", SectionKind::Kompetence),
    ("beslutningskompetence", SectionKind::Kompetence),
    ("bilag", SectionKind::Bilag),
    ("bilagsliste", SectionKind::Bilag),
    ("vedlagte bilag", SectionKind::Bilag),
    ("personalemæssige konsekvenser", SectionKind::Andet),
    ("miljømæssige konsekvenser", SectionKind::Andet),
    ("klimamæssige konsekvenser", SectionKind::Andet),
    ("konsekvenser", SectionKind::Andet),
    ("handicappolitik", SectionKind::Andet),
    ("borgerinddragelse", SectionKind::Andet),
    ("risikovurdering", SectionKind::Andet),
    ("politisk behandling", SectionKind::Andet),
    (
        "supplerende sagsfremstilling",
        SectionKind::Sagsfremstilling,
    ),
    ("udtalelse", SectionKind::Andet),
    ("udtalelser", SectionKind::Andet),
    ("bemærkninger", SectionKind::Andet),
    ("historik", SectionKind::Sagsforloeb),
    ("orientering", SectionKind::Andet),
    ("underskriftsside", SectionKind::Andet),
    ("underskrifter", SectionKind::Andet),
];

/// Words that may stand before a heading without changing its kind
/// (`ADMINISTRATIONENS INDSTILLING`, `Direktørens indstilling`, `Supplerende sagsfremstilling`).
pub const HEADING_QUALIFIERS: &[&str] = &[
    "administrationens",
    "direktørens",
    "direktionens",
    "forvaltningens",
    "borgmesterens",
    "rådmandens",
    "centrets",
    "centerets",
    "formandens",
    "fagudvalgets",
    "udvalgets",
    "supplerende",
    "ny",
    "nye",
    "endelig",
    "opdateret",
];

/// Month names and abbreviations, lower case, with their number.
pub const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("februar", 2),
    ("marts", 3),
    ("april", 4),
    ("maj", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("febr", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The regex alternation of month names, longest first.
pub fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

/// Endings of body names (`Økonomiudvalget`, `Byrådet`, `Direktionen`), lower case.
pub const BODY_ENDINGS: &[&str] = &[
    "udvalget",
    "udvalg",
    "rådet",
    "råd",
    "direktionen",
    "bestyrelsen",
    "bestyrelse",
    "magistraten",
    "forum",
    "gruppen",
    "gruppe",
    "nævnet",
    "styregruppen",
    "borgerrepræsentationen",
    "regionsrådet",
    "kommunalbestyrelsen",
    "chefforum",
    "ledelsen",
];

/// Whether `s` reads as the name of a body (`Direktionen`, `byrådet`, `Klima-, Teknik- og Miljøudvalget`).
pub fn is_body_name(s: &str) -> bool {
    let s = s.trim().trim_end_matches([',', '.', ':']).to_lowercase();
    let words = s.split_whitespace().count();
    words > 0 && words <= 8 && BODY_ENDINGS.iter().any(|e| s.ends_with(e))
}

/// Lines that announce a table of contents.
pub const TOC_HEADINGS: &[&str] = &[
    "indholdsfortegnelse",
    "indhold",
    "dagsorden",
    "oversigt over punkter",
];

/// Labels of case-number lines, lower case without the trailing colon.
pub const CASE_LABELS: &[&str] = &[
    "sagsnr",
    "sagsnr.",
    "sags nr.",
    "sags nr",
    "sagsnummer",
    "sagsid",
    "sagsid.",
    "sags id",
    "sag",
    "j.nr.",
    "j.nr",
    "j. nr.",
    "jnr.",
    "journalnr.",
    "journalnummer",
    "acadre sagsnr.",
    "esdh sagsnr.",
];
