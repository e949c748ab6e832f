//! Who decides: the names of bodies, the final authorities among them, the administrations
//! a case is sent back to, and the words that stand for the whole body.

/// Endings of body names (`Økonomiudvalget`, `Byrådet`, `Direktionen`), lower case.
pub const BODY_ENDINGS: &[&str] = &[
    "udvalget",
    "udvalg",
    "rådet",
    "råd",
    "raadet",
    "raad",
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

/// Whether `s` reads as the name of a body (`Direktionen`, `byrådet`, `Klima-, Teknik- og
/// Miljøudvalget`, `Byråd 2022-2025`).
pub fn is_body_name(s: &str) -> bool {
    let s = without_period(s.trim().trim_end_matches([',', '.', ':'])).to_lowercase();
    let words = s.split_whitespace().count();
    words > 0 && words <= 8 && BODY_ENDINGS.iter().any(|e| s.ends_with(e))
}

/// A body's name without the election period some systems print after it (`Byråd 2022-2025`,
/// `Økonomiudvalget (2018-21)`): the period dates the members, not the body.
pub fn without_period(s: &str) -> &str {
    let t = s.trim_end();
    let inner = t.strip_suffix(')').and_then(|t| t.rsplit_once('('));
    let (head, period) = match inner {
        Some(split) => split,
        None => match t.rsplit_once(char::is_whitespace) {
            Some(split) => split,
            None => return t,
        },
    };
    let years: Vec<&str> = period.split(['-', '–', '/']).map(str::trim).collect();
    let is_year = |y: &str| (y.len() == 4 || y.len() == 2) && y.bytes().all(|b| b.is_ascii_digit());
    let a_period = years.len() == 2 && years[0].len() == 4 && years.iter().all(|y| is_year(y));
    let head = head.trim_end();
    if a_period && !head.is_empty() {
        head
    } else {
        t
    }
}

/// Words that stand for the whole body as the subject of a decision (`man`, `det`, `der`), lower
/// case: `Man kan ikke godkende …` is the body's decision, not a minority.
pub const BODY_PRONOUNS: &[&str] = &["man", "det", "der"];
/// Subjects that are no member (`sagen`, `administrationen`), lower case.
pub const NON_MEMBER_SUBJECTS: &[&str] = &["sagen", "administrationen"];

/// Bodies whose decision is final (the council of a municipality or region), in their forms
/// and old spellings: a body not in this list that `kan tiltræde` prepares for one that is.
pub const FINAL_AUTHORITIES: &[&str] = &[
    "byråd",
    "byrådet",
    "byrådets",
    "byraad",
    "byraadet",
    "byraadets",
    "kommunalbestyrelse",
    "kommunalbestyrelsen",
    "kommunalbestyrelsens",
    "borgerrepræsentation",
    "borgerrepræsentationen",
    "borgerrepræsentationens",
    "regionsråd",
    "regionsrådet",
    "regionsrådets",
    "sogneråd",
    "sognerådet",
    "sogneraad",
    "sogneraadet",
    "amtsråd",
    "amtsrådet",
    "amtsraad",
    "amtsraadet",
];

/// Administrations a case is sent back to (`Tilbagesendes Magistratens 1. Afdeling`): the body
/// has decided, and its administration carries the decision out.
pub const ADMINISTRATIONS: &[&str] = &[
    "afdeling*",
    "magistratsafdeling*",
    "forvaltning*",
    "administration*",
    "sekretariat*",
    "center",
    "centret",
    "centeret",
];

/// Subjects that speak for the body as a whole although they are not its name (`Et flertal
/// i udvalget`, `Et enigt udvalg`): the body's voice, never a dissent.
pub const MAJORITY_SUBJECTS: &[&str] = &[
    "et flertal",
    "flertallet",
    "udvalgets flertal",
    "udvalgsflertallet",
    "et enigt udvalg",
    "et enstemmigt udvalg",
];

/// Nouns that make a named party a group inside the body (`Socialistisk Folkepartis
/// byrådsgruppe`): a minority, not the body, although `gruppe` ends body names too.
pub const PARTY_GROUP_NOUNS: &[&str] = &[
    "byrådsgruppe",
    "byrådsgruppen",
    "byrådsgrupper",
    "gruppe",
    "gruppen",
    "grupper",
    "folketingsgruppe",
];
