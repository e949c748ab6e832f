//! The canonical text layout that structured readers (Word, HTML pages, case-system XML,
//! FirstAgenda JSON) render into, so that clauses, outcomes, dissent, tables and amounts all go
//! through the same Danish parsers: a head (`Referat til mødet i …`, `Mødedato:`, …), then per
//! item `N. Title`, `Sag: X | Åbent` and each field under its heading (`Indstilling`,
//! `Beslutning`, …). The items and the meeting the format names go along as a
//! [`Structure`](super::Structure), so the parsers need not find them.

use unicode_normalization::UnicodeNormalization;

use super::clean::Cleaned;
use super::text::{ItemStart, Structure, Text};
use crate::model::Meeting;

/// A document being rendered.
#[derive(Debug, Default)]
pub struct Render {
    lines: Vec<String>,
    items: Vec<ItemStart>,
    pub meeting: Meeting,
    pub warnings: Vec<String>,
}

/// One line as the parsers like it: NFC, no-break and zero-width spaces gone, runs of spaces
/// (not TABs) collapsed, trimmed; a table row keeps its empty cells, trailing ones too, so
/// each figure stays in its column.
pub fn tidy(line: &str) -> String {
    let s: String = line
        .nfc()
        .filter(|c| !matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}' | '\r'))
        .map(|c| match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{c}' | '\u{b}' => ' ',
            c => c,
        })
        .collect();
    if s.contains('\t') {
        return s
            .split('\t')
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\t");
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Render {
    /// Adds text, one line per line of it.
    pub fn line(&mut self, text: &str) {
        for l in text.split('\n') {
            let t = tidy(l);
            if t.is_empty() {
                self.blank();
            } else {
                self.lines.push(t);
            }
        }
    }

    /// Adds lines (blank lines kept, runs of them folded).
    pub fn lines<S: AsRef<str>>(&mut self, lines: &[S]) {
        for l in lines {
            self.line(l.as_ref());
        }
    }

    /// A blank line, unless the last one is blank.
    pub fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    /// A labelled line of the head (`Mødedato: 06-10-2016`), if there is a value.
    pub fn field(&mut self, label: &str, value: Option<&str>) {
        if let Some(v) = value.map(tidy).filter(|v| !v.is_empty()) {
            self.line(&format!("{label}: {v}"));
        }
    }

    /// Starts an item: its header line and its case line, remembered as the item's start.
    pub fn item(&mut self, mut item: ItemStart) {
        item.title = tidy(&item.title);
        item.number = tidy(&item.number);
        item.case_numbers.retain(|c| !c.trim().is_empty());
        self.blank();
        item.line = self.lines.len();
        self.lines.push(format!("{}. {}", item.number, item.title));
        let access = if item.closed { "Lukket" } else { "Åbent" };
        let case = item.case_numbers.first().map_or("–", String::as_str);
        self.lines.push(format!("Sag: {case} | {access}"));
        self.lines.push(String::new());
        self.items.push(item);
    }

    /// A field of an item under its heading; nothing when it has no text.
    pub fn section<S: AsRef<str>>(&mut self, heading: &str, body: &[S]) {
        if body.iter().all(|l| l.as_ref().trim().is_empty()) {
            return;
        }
        self.blank();
        if !heading.trim().is_empty() {
            self.line(heading);
        }
        self.lines(body);
        self.blank();
    }

    /// The meeting's head as the parsers read it (`Referat til mødet i …`, `Mødedato:`,
    /// `Mødetidspunkt:`, `Mødested:`, `Deltagere:`, `Afbud:`); with `record`, the fields also
    /// become the meeting the format names (they win over what the text gives).
    pub fn meeting_head(&mut self, title: &str, head: Meeting, record: bool) {
        self.line(&format!(
            "{title} til mødet i {}",
            head.body.as_deref().unwrap_or_default()
        ));
        self.field("Mødedato", head.date.as_deref().map(danish_date).as_deref());
        self.field("Mødetidspunkt", head.start_time.as_deref());
        self.field("Mødested", head.place.as_deref());
        if !head.participants.is_empty() {
            let names = |absent: bool| {
                head.participants
                    .iter()
                    .filter(|p| p.absent == absent)
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            self.field("Deltagere", Some(&names(false)));
            self.field("Afbud", Some(&names(true)));
        }
        if record {
            self.meeting.body = head.body;
            self.meeting.date = head.date;
            self.meeting.start_time = head.start_time;
            self.meeting.place = head.place;
            self.meeting.participants = head.participants;
        }
    }

    pub fn warn(&mut self, w: impl Into<String>) {
        let w = w.into();
        if !self.warnings.contains(&w) {
            self.warnings.push(w);
        }
    }

    /// The finished text: unpaged, with the structure when items were given.
    pub fn finish(mut self, engine: Option<&'static str>) -> Text {
        while self.lines.last().is_some_and(|l| l.is_empty()) {
            self.lines.pop();
        }
        let structure = Structure {
            meeting: self.meeting,
            items: self.items,
        };
        Text {
            cleaned: Cleaned {
                lines: self.lines,
                ..Default::default()
            },
            pages: Vec::new(),
            engine,
            warnings: self.warnings,
            structure: Some(structure),
        }
    }
}

/// `2022-11-14T08:00:00+01:00`, `2013-06-20 10:30`, `06-10-2016 13:00:00`, `20130620` → the
/// ISO date and `HH:MM`, where they can be read.
pub fn date_time(s: &str) -> (Option<String>, Option<String>) {
    let s = s.trim();
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit()) && !t.is_empty();
    let (date_part, time_part) = match s.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let p: Vec<&str> = date_part.split(['-', '.', '/']).collect();
    let date = match p.as_slice() {
        [y, m, d] if y.len() == 4 && digits(y) && digits(m) && digits(d) => Some((*y, *m, *d)),
        [d, m, y] if y.len() == 4 && digits(y) && digits(m) && digits(d) => Some((*y, *m, *d)),
        [x] if x.len() == 8 && digits(x) => Some((&x[..4], &x[4..6], &x[6..])),
        _ => None,
    }
    .and_then(|(y, m, d)| {
        let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y}-{m:02}-{d:02}"))
    });
    let time = time_part.and_then(|t| {
        let mut hm = t.split([':', '.']);
        let (h, m): (u32, u32) = (hm.next()?.parse().ok()?, hm.next()?.get(..2)?.parse().ok()?);
        (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
    });
    (date, time)
}

/// `2022-11-14` → `14-11-2022`, the way a head prints it.
pub fn danish_date(iso: &str) -> String {
    let p: Vec<&str> = iso.split('-').collect();
    match p.as_slice() {
        [y, m, d] => format!("{d}-{m}-{y}"),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_of_the_exports() {
        for (s, d, t) in [
            ("2022-11-14T08:00:00+01:00", "2022-11-14", Some("08:00")),
            ("2013-06-20 10:30", "2013-06-20", Some("10:30")),
            ("06-10-2016 13:00:00", "2016-10-06", Some("13:00")),
            ("02-05-2017", "2017-05-02", None),
        ] {
            let (date, time) = date_time(s);
            assert_eq!(date.as_deref(), Some(d), "{s}");
            assert_eq!(time.as_deref(), t, "{s}");
        }
    }

    #[test]
    fn tidy_keeps_tabs_and_folds_spaces() {
        assert_eq!(tidy(" a\u{a0} b\t 1.234 \t"), "a b\t1.234\t");
    }
}
