//! Word documents (`.docx`): the main part `word/document.xml` read as XML events. Paragraphs
//! are lines, headings (by style) start a new block, numbered and bulleted paragraphs keep their
//! number or bullet (from `word/numbering.xml`), tables are tables (one TAB-separated line per
//! row, `gridSpan` and merged cells on the grid: no column guessing). Headers, footers,
//! footnotes, deleted text and field codes are not read.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::render::Render;
use super::text::Text;

/// The text of a Word document, or why it cannot be read.
pub fn read(bytes: &[u8]) -> Result<Text, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a readable .docx (zip): {e}"))?;
    let part = |zip: &mut zip::ZipArchive<_>, name: &str| -> Option<String> {
        let mut f = zip.by_name(name).ok()?;
        let mut s = String::new();
        // a part over 256 MB is not read
        f.by_ref().take(256 << 20).read_to_string(&mut s).ok()?;
        Some(s)
    };
    let document = part(&mut zip, "word/document.xml")
        .ok_or("a zip without word/document.xml: not a Word document")?;
    let numbering = part(&mut zip, "word/numbering.xml")
        .map(|n| Numbering::parse(&n))
        .unwrap_or_default();
    let mut r = Render::default();
    walk(&document, &numbering, &mut r);
    let mut text = r.finish(Some("docx"));
    // Word carries no item structure: the parsers find the items in the text
    text.structure = None;
    Ok(text)
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .map(|a| a.value.into_owned())
}

/// List formats: numbering id → level → (format, level text, start).
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, HashMap<u32, (String, String, u32)>>,
    nums: HashMap<String, String>,
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let (mut abs, mut num, mut lvl) = (None::<String>, None::<String>, None::<u32>);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) => match local(e.name().as_ref()) {
                    "abstractNum" => abs = attr(&e, "abstractNumId"),
                    "num" => num = attr(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(k), Some(v)) = (&num, attr(&e, "val")) {
                            n.nums.insert(k.clone(), v);
                        }
                    }
                    "lvl" => lvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()),
                    key @ ("numFmt" | "lvlText" | "start") => {
                        if let (Some(a), Some(l), Some(v)) = (&abs, lvl, attr(&e, "val")) {
                            let entry = n
                                .abstracts
                                .entry(a.clone())
                                .or_default()
                                .entry(l)
                                .or_insert(("decimal".into(), format!("%{}.", l + 1), 1));
                            match key {
                                "numFmt" => entry.0 = v,
                                "lvlText" => entry.1 = v,
                                _ => entry.2 = v.parse().unwrap_or(1),
                            }
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) if local(e.name().as_ref()) == "abstractNum" => abs = None,
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        n
    }

    fn level(&self, num: &str, ilvl: u32) -> Option<&(String, String, u32)> {
        self.abstracts.get(self.nums.get(num)?)?.get(&ilvl)
    }
}

#[derive(Default)]
struct Para {
    text: String,
    heading: bool,
    num: Option<String>,
    ilvl: u32,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    span: usize,
    continued: bool,
}

fn walk(xml: &str, numbering: &Numbering, r: &mut Render) {
    let mut reader = Reader::from_str(xml);
    let mut para = Para::default();
    let mut tables: Vec<Table> = Vec::new();
    let mut counters: HashMap<(String, u32), u32> = HashMap::new();
    let (mut skip, mut in_text) = (0usize, false);
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                r.warn(format!("Word document damaged: {e}; read up to there"));
                break;
            }
        };
        match event {
            Event::Start(e) => match local(e.name().as_ref()) {
                "del" | "instrText" | "footnoteReference" | "delText" => skip += 1,
                "t" => in_text = true,
                "p" => para = Para::default(),
                "tbl" => tables.push(Table::default()),
                "tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.row.clear();
                    }
                }
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        t.cell.clear();
                        t.span = 1;
                        t.continued = false;
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match local(e.name().as_ref()) {
                "tab" if skip == 0 => para.text.push(' '),
                "br" | "cr" if skip == 0 => para.text.push('\n'),
                "pStyle" => {
                    let s = attr(&e, "val").unwrap_or_default().to_lowercase();
                    para.heading = s.starts_with("heading")
                        || s.starts_with("overskrift")
                        || s == "title"
                        || s == "titel";
                }
                "numId" => para.num = attr(&e, "val").filter(|v| v != "0"),
                "ilvl" => para.ilvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0),
                "gridSpan" => {
                    if let Some(t) = tables.last_mut() {
                        t.span = attr(&e, "val")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1)
                            .clamp(1, 64);
                    }
                }
                "vMerge" => {
                    if let Some(t) = tables.last_mut() {
                        t.continued = attr(&e, "val").is_none_or(|v| v == "continue");
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text && skip == 0 => {
                let raw: &str = &t;
                para.text
                    .push_str(&quick_xml::escape::unescape(raw).unwrap_or(raw.into()));
            }
            Event::GeneralRef(g) if in_text && skip == 0 => {
                let name: &str = &g;
                para.text
                    .push_str(&html_escape::decode_html_entities(&format!("&{name};")));
            }
            Event::End(e) => match local(e.name().as_ref()) {
                "del" | "instrText" | "footnoteReference" | "delText" => {
                    skip = skip.saturating_sub(1)
                }
                "t" => in_text = false,
                "p" => {
                    let p = std::mem::take(&mut para);
                    let marker = p
                        .num
                        .as_ref()
                        .map(|n| list_marker(numbering, &mut counters, n, p.ilvl));
                    let line = format!("{}{}", marker.unwrap_or_default(), p.text.trim());
                    if let Some(t) = tables.last_mut() {
                        if !t.cell.is_empty() {
                            t.cell.push(' ');
                        }
                        t.cell.push_str(line.trim());
                    } else if p.heading {
                        r.blank();
                        r.line(&line);
                    } else {
                        r.line(&line);
                    }
                }
                "tc" => {
                    if let Some(t) = tables.last_mut() {
                        let cell = if t.continued {
                            String::new()
                        } else {
                            std::mem::take(&mut t.cell)
                        };
                        t.row.push(cell.replace(['\t', '\n'], " "));
                        for _ in 1..t.span {
                            t.row.push(String::new());
                        }
                    }
                }
                "tr" => {
                    if let Some(t) = tables.last_mut() {
                        let row = std::mem::take(&mut t.row);
                        if row.iter().any(|c| !c.trim().is_empty()) {
                            t.rows.push(row);
                        }
                    }
                }
                "tbl" => {
                    if let Some(t) = tables.pop() {
                        let lines: Vec<String> = t.rows.iter().map(|row| row.join("\t")).collect();
                        if let Some(outer) = tables.last_mut() {
                            // a table in a cell is flattened into it
                            outer.cell.push_str(&lines.join(" ").replace('\t', " "));
                        } else {
                            r.blank();
                            r.lines(&lines);
                            r.blank();
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
}

/// The number or bullet of a list paragraph, counting per list and level.
fn list_marker(
    n: &Numbering,
    counters: &mut HashMap<(String, u32), u32>,
    num: &str,
    ilvl: u32,
) -> String {
    let Some((fmt, text, start)) = n.level(num, ilvl) else {
        return "- ".into();
    };
    // a deeper level restarts when a shallower one moves on
    counters.retain(|(k, l), _| k != num || *l <= ilvl);
    let c = counters
        .entry((num.to_string(), ilvl))
        .or_insert(start.saturating_sub(1));
    *c += 1;
    let value = match fmt.as_str() {
        "bullet" | "none" => return "- ".into(),
        "lowerLetter" => char::from(b'a' + ((*c - 1) % 26) as u8).to_string(),
        "upperLetter" => char::from(b'A' + ((*c - 1) % 26) as u8).to_string(),
        _ => c.to_string(),
    };
    let mut marker = text.clone();
    for l in 0..=ilvl {
        let v = if l == ilvl {
            value.clone()
        } else {
            counters
                .get(&(num.to_string(), l))
                .map_or(String::new(), u32::to_string)
        };
        marker = marker.replace(&format!("%{}", l + 1), &v);
    }
    format!("{} ", marker.trim())
}
