//! Danish amounts: `.` groups thousands, `,` is the decimal mark, minus may be `-`, `–`, `−` or
//! `÷`, and units (`kr.`, `mio. kr.`, `t.kr.`, `%`) follow the figure. `parse_amount` is the one
//! recogniser of a number; `is_figure` (a PDF table column) and `is_cell_number` (a flattened
//! table inside prose) are the narrower questions other stages ask of it.

use regex::Regex;
use std::sync::LazyLock;

/// A parsed amount: its value in `unit`s.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub unit: Option<&'static str>,
    /// Decimal places as printed (for rounding tolerances).
    pub decimals: u32,
}

static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?P<kr1>kr\.?\s*)?
        (?P<sign>[-−–÷+]\s?)?
        (?P<num>[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]{1,3}(?:\ [0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?|,[0-9]+)
        (?P<half>½)?
        \s*(?P<unit>%|pct\.?|procent|kr(?:\s?\.)?|t\.\s?kr\.?|tkr\.?|1\.000\s?kr\.?|mio\.?\s?kr\.?|mill?\.?\s?kr\.?|mio\.?|mill\.?|mia\.?\s?kr\.?|mia\.?|mrd\.?\s?kr\.?)?
        (?:\s*(?:årligt|pr\.\s?år))?
        $",
    )
    .unwrap()
});

/// Parses one table cell or token as a Danish amount; `None` when it is not purely a number.
pub fn parse_amount(cell: &str) -> Option<Amount> {
    let s = cell.trim();
    if s.is_empty() || s.len() > 40 {
        return None;
    }
    let c = CELL.captures(s)?;
    let num = c.name("num")?.as_str().replace([' ', '.'], "");
    let decimals = num.split(',').nth(1).map_or(0, |d| d.len() as u32);
    let mut value: f64 = num.replace(',', ".").parse().ok()?;
    if c.name("half").is_some() {
        value += 0.5;
    }
    if c.name("sign")
        .is_some_and(|m| !m.as_str().trim().starts_with('+'))
    {
        value = -value;
    }
    let unit = match c.name("unit").map(|m| m.as_str().to_lowercase()) {
        Some(u) => Some(normalise_unit(&u)?),
        None if c.name("kr1").is_some() => Some("kr."),
        None => None,
    };
    Some(Amount {
        value,
        unit,
        decimals,
    })
}

/// The signs a figure may start with.
const SIGNS: &[char] = &['-', '−', '–', '÷', '+'];

/// A bare figure as a table column prints it (`1.234`, `-7,6`, `2.504,735`, `31%`, `12,`): an
/// amount written in digits and marks only, no unit but `%` (so that a word such as `kr.` or
/// `1½` is no column of figures).
pub fn is_figure(s: &str) -> bool {
    let t = s.trim();
    let t = t.strip_suffix(',').unwrap_or(t);
    let body = t
        .trim_end_matches('%')
        .trim_end()
        .trim_start_matches(SIGNS)
        .trim_start();
    !body.starts_with(',')
        && body.chars().any(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && parse_amount(t).is_some()
}

/// A year as a table writes it over a column or in a date (`2024`): four digits, 1900–2099,
/// no thousands point (an amount of that size would have one: `2.024`).
pub fn is_year(s: &str) -> bool {
    let t = s.trim();
    t.len() == 4
        && t.chars().all(|ch| ch.is_ascii_digit())
        && (1900..=2099).contains(&t.parse::<u32>().unwrap_or(0))
}

/// A token of a table flattened into prose (`460,778`, `2.016,099`, `5,8%`): a figure with
/// decimals, grouped thousands or a `%`, and at least two digits. A year or a plain small integer
/// is prose more often than a cell.
pub fn is_cell_number(token: &str) -> bool {
    let t = token.trim_end_matches([',', ';']);
    (t.contains(',') || t.matches('.').count() >= 1 && !t.ends_with('.') || t.ends_with('%'))
        && parse_amount(t).is_some()
        && t.chars().filter(|c| c.is_ascii_digit()).count() >= 2
}

/// The canonical spelling of a unit as it appears after an amount or in a header.
pub fn normalise_unit(u: &str) -> Option<&'static str> {
    let u: String = u
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let u = u.trim_end_matches('.');
    Some(match u {
        "%" | "pct" | "procent" => "%",
        "kr" => "kr.",
        "t.kr" | "tkr" | "1.000kr" | "1000kr" => "1.000 kr.",
        "mio.kr" | "miokr" | "mio" | "mill.kr" | "millkr" | "mill" | "mil.kr" => "mio. kr.",
        "mia.kr" | "miakr" | "mia" | "mrd.kr" | "mrd" => "mia. kr.",
        _ => return None,
    })
}

static HEADER_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(1\.000\s?kr\.?|t\.\s?kr\.?|tkr\.?|mio\.?\s?kr\.?|mill\.?\s?kr\.?|mia\.?\s?kr\.?|\bkr\.)").unwrap()
});

/// The unit a header or caption states for its figures (`(1.000 kr.)`, `Mio. kr., 2019-priser`).
pub fn unit_in_text(s: &str) -> Option<&'static str> {
    HEADER_UNIT.find(s).and_then(|m| normalise_unit(m.as_str()))
}

static FUSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([-−–÷]?[0-9][0-9.]*,[0-9]+)([-−–÷][0-9][0-9.]*,[0-9]+)+$").unwrap()
});
static FUSED_PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[-−–÷]?[0-9][0-9.]*,[0-9]+").unwrap());

/// Splits adjacent negatives that PDF extraction fused: `-1,689-1,689` → `-1,689`, `-1,689`.
pub fn split_fused(token: &str) -> Vec<String> {
    if FUSED.is_match(token) {
        FUSED_PART
            .find_iter(token)
            .map(|m| m.as_str().to_string())
            .collect()
    } else {
        vec![token.to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<f64> {
        parse_amount(s).map(|a| a.value)
    }

    #[test]
    fn danish_notation() {
        assert_eq!(v("2.504,735"), Some(2504.735));
        assert_eq!(v("-2.093,8"), Some(-2093.8));
        assert_eq!(v("6.862"), Some(6862.0));
        assert_eq!(v("116,93"), Some(116.93));
        assert_eq!(v("÷ 1.200"), Some(-1200.0));
        assert_eq!(v("– 5"), Some(-5.0));
        assert_eq!(v("1 000 000"), Some(1_000_000.0));
        assert_eq!(v("2019-priser"), None);
        assert_eq!(v("14/689"), None);
        assert_eq!(v("Afsluttet"), None);
    }

    #[test]
    fn units() {
        let a = parse_amount("16,7 mio. kr.").unwrap();
        assert_eq!((a.value, a.unit), (16.7, Some("mio. kr.")));
        assert_eq!(parse_amount("2,1 mio.kr.").unwrap().unit, Some("mio. kr."));
        assert_eq!(parse_amount("0,5 mia. kr.").unwrap().unit, Some("mia. kr."));
        assert_eq!(
            parse_amount("105 mill. kr.").unwrap().unit,
            Some("mio. kr.")
        );
        let a = parse_amount("1.000.000Kr.").unwrap();
        assert_eq!((a.value, a.unit), (1_000_000.0, Some("kr.")));
        assert_eq!(
            parse_amount("kr. 280.691.000").unwrap().value,
            280_691_000.0
        );
        assert_eq!(parse_amount("650.000 kr. årligt").unwrap().value, 650_000.0);
        assert_eq!(parse_amount("8.820 kr .").unwrap().unit, Some("kr."));
        let a = parse_amount("22,62%").unwrap();
        assert_eq!((a.value, a.unit, a.decimals), (22.62, Some("%"), 2));
        assert_eq!(parse_amount("1½ pct").unwrap().value, 1.5);
        assert_eq!(
            unit_in_text("Vedtaget budget 2019 Mio. kr."),
            Some("mio. kr.")
        );
        assert_eq!(unit_in_text("(1.000 kr.)"), Some("1.000 kr."));
        assert_eq!(unit_in_text("Budget t.kr."), Some("1.000 kr."));
    }

    #[test]
    fn figures_and_cell_numbers() {
        for f in ["1.234", "-7,6", "2.504,735", "31%", "- 5", "2019", "12,"] {
            assert!(is_figure(f), "{f}");
        }
        for f in ["kr.", "5 kr.", "1½", ",5", "1.23", "2019-priser", "-", "%"] {
            assert!(!is_figure(f), "{f}");
        }
        for c in ["460,778", "2.016,099", "5,8%", "1,689;"] {
            assert!(is_cell_number(c), "{c}");
        }
        for c in ["2019", "12", "5.", "Afsluttet"] {
            assert!(!is_cell_number(c), "{c}");
        }
    }

    #[test]
    fn fused_negatives() {
        assert_eq!(split_fused("-1,689-1,689"), vec!["-1,689", "-1,689"]);
        assert_eq!(split_fused("2019-014049"), vec!["2019-014049"]);
        assert_eq!(split_fused("12,5-3,0"), vec!["12,5", "-3,0"]);
    }
}
