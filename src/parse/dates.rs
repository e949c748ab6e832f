//! Dates and times as Danish documents print them, to ISO `YYYY-MM-DD` and `HH:MM`.

use super::vocab;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})(?:\b|T)|\b([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4}|[0-9]{2})\b|\b([0-9]{1,2})/([0-9]{1,2})-([0-9]{4})\b")
        .unwrap()
});
static WORDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b([0-9]{{1,2}})\.?\s*(?:-\s*[0-9]{{1,2}}\.\s*)?({})\.?,?\s+([0-9]{{4}})\b",
        vocab::month_alternation()
    ))
    .unwrap()
});
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bkl\.?\s*([0-9]{1,2})(?:[.:]([0-9]{2}))?\b").unwrap());
static BARE_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{1,2})[:.]([0-9]{2})\b").unwrap());

/// A date found in text: where it starts and ends, and the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
}

/// Every date in `s`, in order of appearance.
pub fn find_dates(s: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in NUMERIC.captures_iter(s) {
        let m = c.get(0).unwrap();
        let date = if let Some(y) = c.get(1) {
            ymd(y.as_str(), &c[2], &c[3])
        } else if let Some(d) = c.get(4) {
            ymd(&c[6], &c[5], d.as_str())
        } else {
            ymd(&c[9], &c[8], &c[7])
        };
        if let Some(date) = date {
            out.push(Found {
                start: m.start(),
                end: m.end(),
                date,
            });
        }
    }
    for c in WORDED.captures_iter(s) {
        let m = c.get(0).unwrap();
        let month = vocab::month_number(&c[2]);
        if let Some(date) = month.and_then(|mo| ymd(&c[3], &mo.to_string(), &c[1])) {
            out.push(Found {
                start: m.start(),
                end: m.end(),
                date,
            });
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// The first date in `s` as ISO text.
pub fn first_date(s: &str) -> Option<String> {
    find_dates(s)
        .first()
        .map(|f| f.date.format("%Y-%m-%d").to_string())
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let mut y: i32 = y.parse().ok()?;
    if y < 100 {
        y += if y < 70 { 2000 } else { 1900 };
    }
    // archives hold minutes from 1850 on
    if !(1850..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

/// A time written `kl. 10:00`, `kl. 09.00`, `Kl. 10:30`, `kl. 9`, as `HH:MM`.
pub fn clock_time(s: &str) -> Option<String> {
    let c = TIME.captures(s)?;
    hm(&c[1], c.get(2).map_or("00", |m| m.as_str()))
}

/// A bare `08:00` or `8.30` (for lines labelled as a time).
pub fn bare_time(s: &str) -> Option<String> {
    let c = BARE_TIME.captures(s)?;
    hm(&c[1], &c[2])
}

fn hm(h: &str, m: &str) -> Option<String> {
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_and_worded_dates() {
        assert_eq!(
            first_date("REFERAT Direktionen d. 06-01-2015").as_deref(),
            Some("2015-01-06")
        );
        assert_eq!(
            first_date("Møde den 18.03.2019 kl. 09.00").as_deref(),
            Some("2019-03-18")
        );
        assert_eq!(first_date("31.1.2017").as_deref(), Some("2017-01-31"));
        assert_eq!(first_date("frist 31/3-2026").as_deref(), Some("2026-03-31"));
        assert_eq!(
            first_date("2024-01-24T08:00:00+01:00").as_deref(),
            Some("2024-01-24")
        );
        assert_eq!(
            first_date("Tirsdag d. 06. januar 2015 kl. 10:00").as_deref(),
            Some("2015-01-06")
        );
        assert_eq!(
            first_date("Torsdag den 20. juni 2013").as_deref(),
            Some("2013-06-20")
        );
        assert_eq!(first_date("30. aug 2022").as_deref(), Some("2022-08-30"));
        assert_eq!(
            first_date("den 1. okt. 2018:").as_deref(),
            Some("2018-10-01")
        );
        assert_eq!(
            first_date("22.-23. januar 2015").as_deref(),
            Some("2015-01-22")
        );
        assert_eq!(first_date("uge 45-2015"), None);
        assert_eq!(first_date("31.02.2019"), None);
    }

    #[test]
    fn times() {
        assert_eq!(clock_time("kl. 10:00").as_deref(), Some("10:00"));
        assert_eq!(clock_time("Kl. 09.00").as_deref(), Some("09:00"));
        assert_eq!(clock_time("kl 9").as_deref(), Some("09:00"));
        assert_eq!(bare_time("Mødetidspunkt: 8:30").as_deref(), Some("08:30"));
        assert_eq!(clock_time("kl. 25.00"), None);
    }
}
