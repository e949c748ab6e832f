//! Fonts as the text interpreter needs them: how a shown string splits into character codes,
//! each code's advance width and its Unicode text. Built once per font object and shared by
//! every page that uses it.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

use super::lexer::{Lexer, Operand};

/// The largest character code or CID read: two bytes.
const MAX_CODE: u32 = 0xffff;
/// Range entries (ToUnicode, /W) read at most per font: enough for every two-byte code a few
/// times over, and a bound on the work a hostile font can ask for.
const MAX_INSERTS: usize = 1 << 20;

/// A font the interpreter cannot render the way pdf-extract does: the caller falls back to it.
#[derive(Debug)]
pub struct Unsupported(pub String);

/// Codes, widths (in thousandths of the font size) and text of one font.
#[derive(Debug)]
pub struct Font {
    /// Two-byte codes (Type0 with an Identity encoding); otherwise one byte per code.
    two_byte: bool,
    /// Simple fonts: the text and width of each of the 256 codes.
    simple: Vec<(String, f64)>,
    /// Composite fonts: text per code (from ToUnicode), widths per CID, the default width.
    cid_text: HashMap<u32, String>,
    cid_width: HashMap<u32, f64>,
    default_width: f64,
}

impl Font {
    /// Splits a shown string into (code, is a one-byte code).
    pub fn codes<'s>(&self, s: &'s [u8]) -> impl Iterator<Item = (u32, bool)> + 's {
        let two = self.two_byte;
        let step = if two { 2 } else { 1 };
        s.chunks(step).map(move |c| match c {
            [hi, lo] => (u32::from(*hi) << 8 | u32::from(*lo), false),
            [b] => (u32::from(*b), !two),
            _ => (0, false),
        })
    }

    /// The advance width of a code in glyph space (thousandths of the font size).
    pub fn width(&self, code: u32) -> f64 {
        if self.two_byte {
            self.cid_width
                .get(&code)
                .copied()
                .unwrap_or(self.default_width)
        } else {
            self.simple.get(code as usize).map_or(0.0, |e| e.1)
        }
    }

    /// The Unicode text of a code ("" when the font does not say).
    pub fn text(&self, code: u32) -> &str {
        if self.two_byte {
            self.cid_text.get(&code).map_or("", String::as_str)
        } else {
            self.simple.get(code as usize).map_or("", |e| e.0.as_str())
        }
    }
}

/// An object, or the object a reference points to.
pub(super) fn deref<'d>(doc: &'d Document, o: &'d Object) -> &'d Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn get<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
    dict.get(key).ok().map(|o| deref(doc, o))
}

fn name<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> &'d [u8] {
    get(doc, dict, key)
        .and_then(|o| o.as_name().ok())
        .unwrap_or(b"")
}

/// A number object as f64.
pub(super) fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// Reads a font dictionary.
pub fn load(doc: &Document, font: &Dictionary) -> Result<Font, Unsupported> {
    let subtype = name(doc, font, b"Subtype");
    let to_unicode = match get(doc, font, b"ToUnicode") {
        Some(Object::Stream(s)) => {
            let data = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            Some(to_unicode(&data))
        }
        _ => None,
    };
    match subtype {
        b"Type0" => composite(doc, font, to_unicode.unwrap_or_default()),
        b"Type3" => Err(Unsupported("Type3 font".into())),
        _ => simple(doc, font, subtype, to_unicode),
    }
}

fn composite(
    doc: &Document,
    font: &Dictionary,
    text: HashMap<u32, String>,
) -> Result<Font, Unsupported> {
    let encoding = name(doc, font, b"Encoding");
    if encoding != b"Identity-H" && encoding != b"Identity-V" {
        return Err(Unsupported(format!(
            "composite font with encoding {}",
            String::from_utf8_lossy(encoding)
        )));
    }
    let descendant = get(doc, font, b"DescendantFonts")
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| deref(doc, o).as_dict().ok())
        .ok_or_else(|| Unsupported("composite font without a descendant".into()))?;
    let default_width = get(doc, descendant, b"DW").and_then(num).unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let mut inserts = 0usize;
    if let Some(Object::Array(w)) = get(doc, descendant, b"W") {
        // [first [w1 w2 …]] or [first last w]
        let items: Vec<&Object> = w.iter().map(|o| deref(doc, o)).collect();
        let mut i = 0;
        while i < items.len() {
            let Some(first) = num(items[i]) else { break };
            match items.get(i + 1) {
                Some(Object::Array(list)) => {
                    for (j, w) in list.iter().enumerate() {
                        let cid = (first as u32).checked_add(j as u32);
                        if let (Some(w), Some(cid)) = (num(deref(doc, w)), cid)
                            && cid <= MAX_CODE
                        {
                            widths.insert(cid, w);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(w)) = (num(last), items.get(i + 2).and_then(|o| num(o)))
                    else {
                        break;
                    };
                    // CIDs of an Identity encoding are two bytes: a range past that is junk
                    let last = (last as u32).min(MAX_CODE);
                    if first as u32 <= last && inserts <= MAX_INSERTS {
                        inserts += (last - first as u32) as usize + 1;
                        for cid in first as u32..=last {
                            widths.insert(cid, w);
                        }
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
    Ok(Font {
        two_byte: true,
        simple: Vec::new(),
        cid_text: text,
        cid_width: widths,
        default_width,
    })
}

fn simple(
    doc: &Document,
    font: &Dictionary,
    subtype: &[u8],
    to_unicode: Option<HashMap<u32, String>>,
) -> Result<Font, Unsupported> {
    let descriptor = get(doc, font, b"FontDescriptor").and_then(|o| o.as_dict().ok());
    let has = |key: &[u8]| descriptor.is_some_and(|d| d.get(key).is_ok());
    let encoding = get(doc, font, b"Encoding");
    // a font program's own encoding counts where the font names no base encoding and no
    // ToUnicode says what its codes are
    let base_named = match encoding {
        Some(Object::Name(_)) => true,
        Some(Object::Dictionary(d)) => d.has(b"BaseEncoding"),
        _ => false,
    };
    let program = has(b"FontFile3") || subtype == b"Type1" && has(b"FontFile");
    if program && !base_named && to_unicode.is_none() {
        return Err(Unsupported("font with a built-in encoding".into()));
    }
    let table = match encoding {
        Some(Object::Name(n)) => named_table(doc, n)?,
        Some(Object::Dictionary(d)) => differences(doc, d)?,
        Some(_) => return Err(Unsupported("font with an unreadable encoding".into())),
        None if subtype == b"TrueType" => named_table(doc, b"WinAnsiEncoding")?,
        None => named_table(doc, b"PDFDocEncoding")?,
    };
    let first = get(doc, font, b"FirstChar").and_then(num);
    let list = get(doc, font, b"Widths").and_then(|o| o.as_array().ok());
    let (Some(first), Some(list)) = (first, list) else {
        return Err(Unsupported("font without widths (a standard font)".into()));
    };
    let missing = descriptor
        .and_then(|d| get(doc, d, b"MissingWidth"))
        .or_else(|| get(doc, font, b"MissingWidth"))
        .and_then(num)
        .unwrap_or(0.0);
    let mut simple: Vec<(String, f64)> = (0..256u32)
        .map(|code| {
            let text = match to_unicode.as_ref().and_then(|m| m.get(&code)) {
                Some(t) => t.clone(),
                None => table[code as usize].clone(),
            };
            (text, missing)
        })
        .collect();
    for (j, w) in list.iter().enumerate() {
        let code = (first as usize).saturating_add(j);
        if let (Some(slot), Some(w)) = (simple.get_mut(code), num(deref(doc, w))) {
            slot.1 = w;
        }
    }
    Ok(Font {
        two_byte: false,
        simple,
        cid_text: HashMap::new(),
        cid_width: HashMap::new(),
        default_width: 0.0,
    })
}

/// A font dictionary that lopdf reads an encoding from (its tables are not public).
fn probe(encoding: Object) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Font".to_vec()));
    d.set("Encoding", encoding);
    d
}

/// The text of each of the 256 codes under an encoding.
fn texts(encoding: &Encoding) -> Vec<String> {
    (0..=255u8)
        .map(|b| encoding.bytes_to_string(&[b]).unwrap_or_default())
        .collect()
}

/// One of the standard single-byte encodings, by name.
fn named_table(doc: &Document, name: &[u8]) -> Result<Vec<String>, Unsupported> {
    if !matches!(
        name,
        b"WinAnsiEncoding"
            | b"MacRomanEncoding"
            | b"MacExpertEncoding"
            | b"StandardEncoding"
            | b"PDFDocEncoding"
    ) {
        return Err(Unsupported(format!(
            "encoding {}",
            String::from_utf8_lossy(name)
        )));
    }
    let font = probe(Object::Name(name.to_vec()));
    let encoding = font
        .get_font_encoding(doc)
        .map_err(|e| Unsupported(format!("encoding: {e}")))?;
    Ok(texts(&encoding))
}

/// An encoding dictionary: a base encoding changed by /Differences (glyph names).
fn differences(doc: &Document, dict: &Dictionary) -> Result<Vec<String>, Unsupported> {
    let base = get(doc, dict, b"BaseEncoding")
        .and_then(|o| o.as_name().ok())
        .unwrap_or(b"PDFDocEncoding");
    let mut table = named_table(doc, base)?;
    if let Some(Object::Array(diffs)) = get(doc, dict, b"Differences") {
        let mut code = 0usize;
        for o in diffs {
            match deref(doc, o) {
                Object::Integer(i) => code = (*i).clamp(0, 255) as usize,
                Object::Name(n) => {
                    if let (Some(slot), Some(text)) = (table.get_mut(code), glyph_text(doc, n)) {
                        *slot = text;
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    Ok(table)
}

/// A glyph name's text: the Adobe glyph list (asked of lopdf), or `uniXXXX`.
fn glyph_text(doc: &Document, name: &[u8]) -> Option<String> {
    let mut enc = Dictionary::new();
    enc.set("Type", Object::Name(b"Encoding".to_vec()));
    enc.set(
        "Differences",
        Object::Array(vec![Object::Integer(65), Object::Name(name.to_vec())]),
    );
    let font = probe(Object::Dictionary(enc));
    if let Ok(e @ Encoding::Differences(_)) = font.get_font_encoding(doc) {
        let text = e.bytes_to_string(b"A").unwrap_or_default();
        if !text.is_empty() {
            return Some(text);
        }
    }
    let hex = name.strip_prefix(b"uni")?;
    let unit = u16::from_str_radix(std::str::from_utf8(hex.get(..4)?).ok()?, 16).ok()?;
    char::decode_utf16([unit]).next()?.ok().map(String::from)
}

/// A ToUnicode CMap: code → text, from its bfchar and bfrange sections.
pub fn to_unicode(data: &[u8]) -> HashMap<u32, String> {
    let mut map = HashMap::new();
    let mut inserts = 0usize;
    let mut lx = Lexer::new(data);
    let code = |b: &[u8]| b.iter().fold(0u32, |v, b| v << 8 | u32::from(*b));
    while let Some(op) = lx.next_op() {
        let ops = &lx.operands;
        match op {
            b"endbfchar" => {
                for pair in ops.chunks(2) {
                    if let [Operand::Str(src), Operand::Str(dst)] = pair {
                        map.insert(code(lx.bytes(src)), utf16be(lx.bytes(dst)));
                    }
                }
            }
            b"endbfrange" => {
                let mut i = 0;
                while i + 2 < ops.len() {
                    let (Operand::Str(lo), Operand::Str(hi)) = (&ops[i], &ops[i + 1]) else {
                        i += 1;
                        continue;
                    };
                    let (lo, hi) = (code(lx.bytes(lo)), code(lx.bytes(hi)));
                    // codes are one or two bytes in the fonts read here: longer ones are junk,
                    // and so is a map grown past every two-byte code
                    let hi = hi.min(MAX_CODE);
                    let junk = lo > hi || inserts > MAX_INSERTS;
                    match &ops[i + 2] {
                        Operand::Str(_) if junk => i += 3,
                        Operand::Str(dst) => {
                            inserts += (hi - lo) as usize + 1;
                            let mut units: Vec<u16> = units16(lx.bytes(dst));
                            for c in lo..=hi {
                                map.insert(c, String::from_utf16_lossy(&units));
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                            i += 3;
                        }
                        Operand::ArrayStart => {
                            let mut j = i + 3;
                            let mut c = lo;
                            while let Some(Operand::Str(dst)) = ops.get(j) {
                                if c <= hi && !junk {
                                    map.insert(c, utf16be(lx.bytes(dst)));
                                }
                                c = c.saturating_add(1);
                                j += 1;
                            }
                            i = j + 1;
                        }
                        _ => i += 3,
                    }
                }
            }
            _ => {}
        }
    }
    map
}

fn units16(b: &[u8]) -> Vec<u16> {
    b.chunks(2)
        .map(|c| match c {
            [hi, lo] => u16::from(*hi) << 8 | u16::from(*lo),
            [b] => u16::from(*b),
            _ => 0,
        })
        .collect()
}

/// UTF-16BE text; lone surrogates are dropped.
fn utf16be(b: &[u8]) -> String {
    char::decode_utf16(units16(b)).flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bfchar_and_both_kinds_of_bfrange() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
            1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0003> <0020> <0011> <00E6> endbfchar\n\
            2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<00F8> <00660069>] endbfrange\n\
            endcmap CMapName currentdict /CMap defineresource pop end end";
        let m = to_unicode(cmap);
        assert_eq!(m[&3], " ");
        assert_eq!(m[&0x11], "æ");
        assert_eq!(m[&0x20], "A");
        assert_eq!(m[&0x22], "C");
        assert_eq!(m[&0x30], "ø");
        assert_eq!(m[&0x31], "fi");
        assert_eq!(m.len(), 7);
    }

    #[test]
    fn hostile_ranges_stay_bounded() {
        let mut cmap = String::from("100 beginbfrange\n");
        for k in 0..100 {
            cmap += &format!("<{k:02X}000000> <{k:02X}FFFFFF> <0041>\n");
        }
        cmap += "<0000> <FFFFFFFF> [<0041> <0042>]\n<FFFFFFFF> <FFFFFFFF> <0043>\nendbfrange";
        let m = to_unicode(cmap.as_bytes());
        assert!(m.len() <= MAX_CODE as usize + 1, "{}", m.len());
        assert_eq!(m.get(&0).map(String::as_str), Some("A"));
    }

    #[test]
    fn glyph_names_from_the_list_and_uni_names() {
        let doc = Document::new();
        assert_eq!(glyph_text(&doc, b"aring").as_deref(), Some("å"));
        assert_eq!(glyph_text(&doc, b"uni00F8").as_deref(), Some("ø"));
        assert_eq!(glyph_text(&doc, b"no-such-glyph"), None);
    }

    #[test]
    fn standard_encodings_by_name() {
        let doc = Document::new();
        let win = named_table(&doc, b"WinAnsiEncoding").unwrap();
        assert_eq!((win[0xe6].as_str(), win[0x80].as_str()), ("æ", "€"));
        assert!(named_table(&doc, b"Custom").is_err());
    }
}
