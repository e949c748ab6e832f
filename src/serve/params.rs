//! The query parameters of a search, shared by the API, the pages, the feeds and CSV: read
//! from the URL as text, checked once, turned into an index request. A bad value is a
//! [`BadParam`] naming the parameter, so every route can answer 400 with the same message.
//! The same parameters are written back into links ([`Params::href`]), so the URL holds all
//! of a page's state.

use chrono::NaiveDate;
use clap::ValueEnum;

use crate::index::search::{Filters, Request, Section, Sort};
use crate::model::{Kind, Outcome};

/// The longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most hits in one JSON answer or one page.
pub const MAX_LIMIT: usize = 100;
/// The most rows of a CSV answer.
pub const MAX_CSV_ROWS: usize = 1000;
/// The deepest page: offset + limit.
pub const MAX_OFFSET: usize = 10_000;

/// A parameter with a value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadParam {
    pub param: &'static str,
    pub message: String,
}

impl std::fmt::Display for BadParam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.param, self.message)
    }
}

fn bad(param: &'static str, message: impl Into<String>) -> BadParam {
    BadParam {
        param,
        message: message.into(),
    }
}

/// The names every search route understands, in the order links write them.
pub const NAMES: [&str; 15] = [
    "q",
    "body",
    "year",
    "from",
    "to",
    "outcome",
    "kind",
    "case",
    "section",
    "sort",
    "offset",
    "limit",
    "facets",
    "highlight",
    "format",
];

/// The raw parameters of a search, as text, empty ones dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    values: Vec<(&'static str, String)>,
}

/// What a search asks for beyond the index request.
#[derive(Debug, Clone)]
pub struct Search {
    pub request: Request,
    pub facets: bool,
    pub highlight: bool,
    pub csv: bool,
    /// The year filter, when one was given.
    pub year: Option<i32>,
}

impl Params {
    /// The known parameters of a query string's pairs (the first of a repeated name wins;
    /// unknown names are ignored, empty values dropped).
    pub fn from_pairs(pairs: &[(String, String)]) -> Params {
        let mut values: Vec<(&'static str, String)> = Vec::new();
        for (k, v) in pairs {
            let Some(name) = NAMES.iter().find(|n| **n == k) else {
                continue;
            };
            if !v.trim().is_empty() && !values.iter().any(|(n, _)| n == name) {
                values.push((name, v.trim().to_string()));
            }
        }
        Params { values }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The same parameters with `name` set to `value` (or removed), and the offset reset
    /// unless it is the one being set.
    pub fn with(&self, name: &'static str, value: Option<&str>) -> Params {
        let mut values: Vec<(&'static str, String)> = self
            .values
            .iter()
            .filter(|(n, _)| *n != name && (*n != "offset" || name == "offset"))
            .cloned()
            .collect();
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            values.push((name, v.to_string()));
        }
        values.sort_by_key(|(n, _)| NAMES.iter().position(|x| x == n));
        Params { values }
    }

    /// `path?a=b&…`, form-encoded; `path` alone when there is nothing to add.
    pub fn href(&self, path: &str) -> String {
        if self.values.is_empty() {
            return path.to_string();
        }
        let pairs: Vec<String> = self
            .values
            .iter()
            .map(|(n, v)| format!("{n}={}", encode(v)))
            .collect();
        format!("{path}?{}", pairs.join("&"))
    }

    /// Checks every value and builds the search; `default_limit` and `max_limit` are those
    /// of the route (a page, the API, CSV).
    pub fn search(&self, default_limit: usize, max_limit: usize) -> Result<Search, BadParam> {
        let q = self.get("q").unwrap_or_default();
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(bad(
                "q",
                format!("longer than {MAX_QUERY_CHARS} characters"),
            ));
        }
        let text = |name: &'static str, max: usize| -> Result<Option<String>, BadParam> {
            match self.get(name) {
                Some(v) if v.chars().count() > max => {
                    Err(bad(name, format!("longer than {max} characters")))
                }
                v => Ok(v.map(str::to_string)),
            }
        };
        let body = text("body", 200)?;
        let case = text("case", 100)?;
        let outcome = match self.get("outcome") {
            None => None,
            Some(v) => Some(Outcome::parse(v).ok_or_else(|| {
                let all: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
                bad("outcome", format!("{v:?} is not one of {}", all.join(", ")))
            })?),
        };
        let kind = enum_value::<Kind>(self.get("kind"), "kind")?;
        let section = enum_value::<Section>(self.get("section"), "section")?;
        let mut from = date(self.get("from"), "from")?;
        let mut to = date(self.get("to"), "to")?;
        let year = match self.get("year") {
            None => None,
            Some(v) => match v.parse::<i32>() {
                Ok(y) if (1000..=9999).contains(&y) => Some(y),
                _ => {
                    return Err(bad(
                        "year",
                        format!("expected a year such as 2015, not {v:?}"),
                    ));
                }
            },
        };
        if let Some(y) = year {
            let first = NaiveDate::from_ymd_opt(y, 1, 1).expect("a valid year");
            let last = NaiveDate::from_ymd_opt(y, 12, 31).expect("a valid year");
            from = Some(from.map_or(first, |f| f.max(first)));
            to = Some(to.map_or(last, |t| t.min(last)));
        }
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            let name = if year.is_some() { "year" } else { "to" };
            return Err(bad(name, format!("the range {f} to {t} is empty")));
        }
        let sort = match self.get("sort") {
            None | Some("relevance") => Sort::Relevance,
            Some("newest") => Sort::Newest,
            Some("oldest") => Sort::Oldest,
            Some(v) => {
                return Err(bad(
                    "sort",
                    format!("{v:?} is not one of relevance, newest, oldest"),
                ));
            }
        };
        let limit = match self.get("limit") {
            None => default_limit,
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (1..=max_limit).contains(&n) => n,
                Ok(_) => return Err(bad("limit", format!("must be between 1 and {max_limit}"))),
                Err(_) => return Err(bad("limit", format!("expected a number, not {v:?}"))),
            },
        };
        let offset = match self.get("offset") {
            None => 0,
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n + limit <= MAX_OFFSET => n,
                Ok(_) => {
                    return Err(bad(
                        "offset",
                        format!("offset + limit must be at most {MAX_OFFSET}"),
                    ));
                }
                Err(_) => return Err(bad("offset", format!("expected a number, not {v:?}"))),
            },
        };
        let format = self.get("format");
        if format.is_some_and(|f| f != "json" && f != "csv") {
            return Err(bad("format", "expected json or csv"));
        }
        Ok(Search {
            request: Request {
                query: q.to_string(),
                section,
                filters: Filters {
                    body,
                    from,
                    to,
                    outcome,
                    case,
                    kind,
                },
                limit,
                offset,
                sort,
                hide_closed: false,
                facets: flag(self.get("facets"), "facets")?,
            },
            facets: flag(self.get("facets"), "facets")?,
            highlight: flag(self.get("highlight"), "highlight")?,
            csv: format == Some("csv"),
            year,
        })
    }
}

fn enum_value<T: ValueEnum>(
    value: Option<&str>,
    name: &'static str,
) -> Result<Option<T>, BadParam> {
    let Some(v) = value else { return Ok(None) };
    T::from_str(v, true).map(Some).map_err(|_| {
        let all: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|x| x.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        bad(name, format!("{v:?} is not one of {}", all.join(", ")))
    })
}

fn date(value: Option<&str>, name: &'static str) -> Result<Option<NaiveDate>, BadParam> {
    value
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| bad(name, format!("expected a date YYYY-MM-DD, not {v:?}")))
        })
        .transpose()
}

fn flag(value: Option<&str>, name: &'static str) -> Result<bool, BadParam> {
    match value {
        None | Some("true" | "1" | "yes") => Ok(true),
        Some("false" | "0" | "no") => Ok(false),
        Some(v) => Err(bad(name, format!("expected true or false, not {v:?}"))),
    }
}

/// Form encoding of one value: letters, digits and `-_.~` as they are, space as `+`, every
/// other byte as `%XX`.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Whether a query is a case number (`14/689`, `2019-014049`) rather than words.
pub fn looks_like_case(q: &str) -> bool {
    let q = q.trim();
    !q.is_empty()
        && q.len() <= 40
        && q.starts_with(|c: char| c.is_ascii_digit())
        && q.contains(['/', '-'])
        && q.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-.".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        Params::from_pairs(&owned)
    }

    #[test]
    fn bad_values_name_their_parameter() {
        for (name, value) in [
            ("outcome", "godkent"),
            ("kind", "x"),
            ("from", "2015-13-01"),
            ("sort", "best"),
            ("limit", "101"),
            ("limit", "0"),
            ("offset", "-1"),
            ("year", "15"),
            ("facets", "maybe"),
            ("section", "body"),
        ] {
            let e = params(&[(name, value)]).search(10, MAX_LIMIT).unwrap_err();
            assert_eq!(e.param, name, "{e}");
        }
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(
            params(&[("q", &long)]).search(10, 100).unwrap_err().param,
            "q"
        );
    }

    #[test]
    fn a_year_is_a_date_range_and_links_keep_the_state() {
        let p = params(&[
            ("q", "indkøb & mere"),
            ("year", "2015"),
            ("offset", "20"),
            ("x", "y"),
        ]);
        let s = p.search(10, 100).unwrap();
        assert_eq!(s.request.filters.from, NaiveDate::from_ymd_opt(2015, 1, 1));
        assert_eq!(s.request.filters.to, NaiveDate::from_ymd_opt(2015, 12, 31));
        assert_eq!(s.request.offset, 20);
        assert_eq!(p.href("/"), "/?q=indk%C3%B8b+%26+mere&year=2015&offset=20");
        assert_eq!(
            p.with("body", Some("Direktionen")).href("/"),
            "/?q=indk%C3%B8b+%26+mere&body=Direktionen&year=2015"
        );
        assert_eq!(p.with("year", None).with("q", None).href("/"), "/");
    }

    #[test]
    fn case_numbers_are_told_from_words() {
        assert!(looks_like_case("14/689"));
        assert!(looks_like_case(" 2019-014049 "));
        assert!(!looks_like_case("indkøb"));
        assert!(!looks_like_case("2015"));
        assert!(!looks_like_case("14/689 budget"));
    }
}
