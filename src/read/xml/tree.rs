//! Lenient XML: bytes to a small element tree, recovering from what real exports get wrong
//! (a declared encoding that is wrong, character references XML 1.0 forbids such as form
//! feeds, undeclared HTML entities like `&nbsp;` and `&aring;`, a bare `&`, unclosed
//! elements), each recovery noted as a warning. Element names are kept without their
//! namespace prefix.

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use crate::read::html;

/// An element: its local name, attributes, and children in order.
#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Child>,
}

#[derive(Debug, Clone)]
pub enum Child {
    Element(Element),
    Text(String),
}

impl Element {
    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(e) => Some(e),
            Child::Text(_) => None,
        })
    }

    /// The first child element with this name (any case).
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name.eq_ignore_ascii_case(name))
    }

    /// All child elements with this name (any case).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements()
            .filter(move |e| e.name.eq_ignore_ascii_case(name))
    }

    /// The text of a child element found by a path of names (`Case/Number`), trimmed; `None`
    /// when missing or empty.
    pub fn text_at(&self, path: &str) -> Option<String> {
        let mut e = self;
        for part in path.split('/') {
            e = e.child(part)?;
        }
        Some(e.text().trim().to_string()).filter(|t| !t.is_empty())
    }

    /// All text inside, in order.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.collect_text(&mut s);
        s
    }

    fn collect_text(&self, s: &mut String) {
        for c in &self.children {
            match c {
                Child::Text(t) => s.push_str(t),
                Child::Element(e) => e.collect_text(s),
            }
        }
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every element below this one, depth first.
    pub fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = self.elements().collect();
        stack.reverse();
        while let Some(e) = stack.pop() {
            out.push(e);
            let mut kids: Vec<&Element> = e.elements().collect();
            kids.reverse();
            stack.extend(kids);
        }
        out
    }
}

/// Decodes the bytes: a BOM wins, then the declared encoding, checked against the bytes.
pub fn decode(bytes: &[u8], warnings: &mut Vec<String>) -> (String, &'static str) {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = enc.decode(bytes);
        return (text.into_owned(), enc.name());
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_lowercase();
    let declared = head
        .split_once("encoding=")
        .and_then(|(_, r)| r.get(1..))
        .and_then(|r| r.split(['"', '\'']).next())
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    let utf8 = std::str::from_utf8(bytes).ok();
    match (declared, utf8) {
        (Some(enc), Some(t)) if enc != encoding_rs::UTF_8 && !t.is_ascii() => {
            warnings.push(format!(
                "declared encoding {} is wrong: the bytes are UTF-8",
                enc.name()
            ));
            (t.to_string(), "UTF-8")
        }
        (Some(enc), _) if enc != encoding_rs::UTF_8 => {
            let (text, _, _) = enc.decode(bytes);
            (text.into_owned(), enc.name())
        }
        (_, Some(t)) => (t.to_string(), "UTF-8"),
        (_, None) => {
            warnings.push("declared encoding UTF-8 is wrong: read as windows-1252".into());
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "windows-1252")
        }
    }
}

fn forbidden(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Makes text well-formed enough to parse: forbidden characters and references to them
/// become spaces, undeclared entities their characters, bare `&` an `&amp;`. CDATA sections
/// are left as they are (but for forbidden characters).
pub fn sanitize(text: &str, warnings: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut refs, mut entities, mut controls) = (0, 0, 0);
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<']) {
        push_clean(&mut out, &rest[..i], &mut controls);
        rest = &rest[i..];
        if rest.starts_with("<![CDATA[") {
            let end = rest.find("]]>").map_or(rest.len(), |e| e + 3);
            push_clean(&mut out, &rest[..end], &mut controls);
            rest = &rest[end..];
            continue;
        }
        if rest.starts_with('<') {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        // an entity or character reference
        let semi = rest[1..]
            .find(';')
            .filter(|&n| n <= 32 && !rest[1..1 + n].contains([' ', '&', '<']));
        let Some(n) = semi else {
            out.push_str("&amp;");
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..1 + n];
        let after = &rest[n + 2..];
        if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok(),
                None => num.parse().ok(),
            };
            match code.and_then(char::from_u32) {
                Some(c) if !forbidden(c) => out.push_str(&rest[..n + 2]),
                _ => {
                    refs += 1;
                    out.push(' ');
                }
            }
        } else if matches!(name, "lt" | "gt" | "amp" | "quot" | "apos") {
            out.push_str(&rest[..n + 2]);
        } else {
            let decoded = html_escape::decode_html_entities(&rest[..n + 2]);
            if decoded != rest[..n + 2] {
                entities += 1;
                for c in decoded.chars() {
                    match c {
                        '<' => out.push_str("&lt;"),
                        '&' => out.push_str("&amp;"),
                        c => out.push(c),
                    }
                }
            } else {
                entities += 1;
                out.push_str("&amp;");
                out.push_str(&rest[1..n + 2]);
            }
        }
        rest = after;
    }
    push_clean(&mut out, rest, &mut controls);
    if refs + controls > 0 {
        warnings.push(format!(
            "{} characters XML 1.0 forbids (form feeds, control characters) read as spaces",
            refs + controls
        ));
    }
    if entities > 0 {
        warnings.push(format!(
            "{entities} undeclared entities (such as &nbsp;) read as their characters"
        ));
    }
    out
}

fn push_clean(out: &mut String, s: &str, count: &mut usize) {
    for c in s.chars() {
        if forbidden(c) && c != '\t' {
            *count += 1;
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or_default().to_string()
}

/// Parses sanitised text into its root element; what cannot be parsed ends the tree where it
/// stands, with a warning.
pub fn parse(text: &str, warnings: &mut Vec<String>) -> Element {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    let open = |e: &quick_xml::events::BytesStart| Element {
        name: local(e.name().as_ref()),
        attrs: e
            .attributes()
            .with_checks(false)
            .flatten()
            .map(|a| {
                let v = quick_xml::escape::unescape(&a.value)
                    .map(|v| v.into_owned())
                    .unwrap_or_else(|_| a.value.to_string());
                (local(a.key.as_ref()), v)
            })
            .collect(),
        children: Vec::new(),
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => stack.push(open(&e)),
            Ok(Event::Empty(e)) => {
                let el = open(&e);
                if let Some(top) = stack.last_mut() {
                    top.children.push(Child::Element(el));
                }
            }
            Ok(Event::End(_)) => {
                if stack.len() > 1 {
                    let el = stack.pop().unwrap_or_default();
                    if let Some(top) = stack.last_mut() {
                        top.children.push(Child::Element(el));
                    }
                }
            }
            Ok(Event::Text(t)) => {
                let raw: &str = &t;
                let s = quick_xml::escape::unescape(raw)
                    .map(|u| u.into_owned())
                    .unwrap_or_else(|_| raw.to_string());
                if let Some(top) = stack.last_mut() {
                    top.children.push(Child::Text(s));
                }
            }
            Ok(Event::GeneralRef(r)) => {
                let name: &str = &r;
                let s = html_escape::decode_html_entities(&format!("&{name};")).into_owned();
                if let Some(top) = stack.last_mut() {
                    top.children.push(Child::Text(s));
                }
            }
            Ok(Event::CData(c)) => {
                let s = c.to_string();
                if let Some(top) = stack.last_mut() {
                    top.children.push(Child::Text(s));
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                warnings.push(format!(
                    "XML damaged at byte {}: {e}; read up to there",
                    reader.buffer_position()
                ));
                break;
            }
        }
    }
    if stack.len() > 2 {
        warnings.push("XML ends inside an element; closed".into());
    }
    while stack.len() > 1 {
        let el = stack.pop().unwrap_or_default();
        if let Some(top) = stack.last_mut() {
            top.children.push(Child::Element(el));
        }
    }
    let doc = stack.pop().unwrap_or_default();
    doc.elements().next().cloned().unwrap_or_default()
}

/// The lines of a field: HTML (escaped or not) through the HTML reader, plain text as it is.
pub fn field_lines(s: &str) -> Vec<String> {
    let t = s.trim();
    let looks_html = [
        "<p", "<div", "<br", "<span", "<table", "<ul", "<ol", "<li", "<h", "<b>", "<i>", "<em",
        "<strong", "<font",
    ]
    .iter()
    .any(|tag| t.to_lowercase().contains(tag));
    if looks_html {
        html::lines(t)
    } else {
        t.lines().map(str::to_string).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_exports_are_read_with_warnings() {
        let mut w = Vec::new();
        let s = sanitize(
            "<a>x&#12;y &nbsp;&aring; R&D &amp; <b><![CDATA[&raw;]]></b>&#x1;</a>",
            &mut w,
        );
        let root = parse(&s, &mut w);
        assert_eq!(root.name, "a");
        assert_eq!(root.text(), "x y \u{a0}å R&D & &raw; ");
        assert_eq!(w.len(), 2, "{w:?}");
    }

    #[test]
    fn a_wrong_declared_encoding_is_noticed() {
        let mut w = Vec::new();
        let (t, enc) = decode(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\u{e6}</a>".as_bytes(),
            &mut w,
        );
        assert_eq!((t.contains('æ'), enc, w.len()), (true, "UTF-8", 0));
        let (t, enc) = decode(
            b"<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\xe6</a>",
            &mut w,
        );
        assert_eq!((t.contains('æ'), enc, w.len()), (true, "windows-1252", 1));
    }
}
