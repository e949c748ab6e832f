//! Damaged PDFs recovered as poppler and MuPDF recover them: when the cross-reference table is
//! missing, broken or points to the wrong offsets (bytes inserted or lost anywhere before it),
//! the file is scanned for its objects (`N G obj … endobj`, the last definition of each number
//! winning), every stream's length is measured from its `endstream` instead of trusted, a Flate
//! stream damaged part-way keeps what inflates before the damage, and a fresh, consistent file
//! is written for lopdf to load. Pure bytes in, bytes out.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::LazyLock;

use regex::bytes::Regex;

/// `12 0 obj` at a token boundary.
static OBJ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)(?:^|[\s>\]\)])([0-9]{1,10})[ \t\r\n]+([0-9]{1,5})[ \t\r\n]+obj\b").unwrap()
});
static ROOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)/Root\s+([0-9]+)\s+([0-9]+)\s+R").unwrap());
static INFO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)/Info\s+([0-9]+)\s+([0-9]+)\s+R").unwrap());
static ENCRYPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)/Encrypt\s+([0-9]+)\s+([0-9]+)\s+R").unwrap());
static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u)/ID\s*\[[^\]]*\]").unwrap());
static CATALOG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u)/Type\s*/Catalog\b").unwrap());
static XREF_STREAM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)/Type\s*/XRef\b").unwrap());
static LENGTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)/Length\s+[0-9]+(?:\s+[0-9]+\s+R)?").unwrap());
static FLATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)/Filter\s*(?:/FlateDecode|\[\s*/FlateDecode\s*\])").unwrap()
});

/// At most this many objects are rebuilt (a file claiming more is not a minutes document).
const MAX_OBJECTS: usize = 1_000_000;

/// One object found by scanning: its number and generation, its dictionary or value text, and
/// its stream data when it has one.
struct Found<'a> {
    generation: u16,
    head: &'a [u8],
    stream: Option<&'a [u8]>,
}

/// A rebuilt copy of a damaged PDF, or None when no object could be found in it.
pub fn rebuild(bytes: &[u8]) -> Option<Vec<u8>> {
    let objects = scan(bytes);
    if objects.is_empty() {
        return None;
    }
    let root = trailer_ref(bytes, &ROOT)
        .filter(|r| objects.contains_key(&r.0))
        .or_else(|| {
            objects
                .iter()
                .rev()
                .find(|(_, o)| CATALOG.is_match(o.head))
                .map(|(n, o)| (*n, o.generation))
        })?;
    let mut out = Vec::with_capacity(bytes.len() + objects.len() * 20 + 256);
    out.extend_from_slice(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    let mut offsets: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    for (number, o) in &objects {
        offsets.insert(*number, (out.len(), o.generation));
        out.extend_from_slice(format!("{number} {} obj\n", o.generation).as_bytes());
        match o.stream {
            None => out.extend_from_slice(o.head),
            Some(data) => write_stream(&mut out, o.head, data),
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    let size = objects.keys().next_back().map_or(1, |n| n + 1);
    let xref_at = out.len();
    out.extend_from_slice(format!("xref\n0 {size}\n").as_bytes());
    for n in 0..size {
        let entry = match offsets.get(&n) {
            Some((offset, generation)) => format!("{offset:010} {generation:05} n\r\n"),
            None => "0000000000 65535 f\r\n".to_string(),
        };
        out.extend_from_slice(entry.as_bytes());
    }
    let mut trailer = format!("trailer\n<< /Size {size} /Root {} {} R", root.0, root.1);
    for (re, key) in [(&*INFO, "Info"), (&*ENCRYPT, "Encrypt")] {
        if let Some((n, g)) = trailer_ref(bytes, re).filter(|r| objects.contains_key(&r.0)) {
            trailer.push_str(&format!(" /{key} {n} {g} R"));
        }
    }
    if let Some(id) = last_match(bytes, &ID) {
        trailer.push(' ');
        trailer.push_str(&String::from_utf8_lossy(id));
    }
    trailer.push_str(&format!(" >>\nstartxref\n{xref_at}\n%%EOF\n"));
    out.extend_from_slice(trailer.as_bytes());
    Some(out)
}

/// Gives a loaded document whose page tree is unreadable a new one: every `/Type /Page`
/// object, in object order, under a fresh `/Pages` node; a page that inherited its resources
/// from the lost node gets the document's shared resource dictionary (the first with fonts).
/// Returns whether the tree was replaced.
pub fn repair_page_tree(doc: &mut lopdf::Document) -> bool {
    use lopdf::{Dictionary, Object};
    if !doc.get_pages().is_empty() {
        return false;
    }
    let is_type = |o: &Object, t: &[u8]| {
        o.as_dict().is_ok_and(|d| {
            d.get(b"Type")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == t)
        })
    };
    let pages: Vec<lopdf::ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| is_type(o, b"Page"))
        .map(|(id, _)| *id)
        .collect();
    if pages.is_empty() {
        return false;
    }
    let shared = doc
        .objects
        .iter()
        .find(|(_, o)| o.as_dict().is_ok_and(|d| d.has(b"Font")))
        .map(|(id, _)| *id);
    let tree_id = (doc.max_id + 1, 0);
    doc.max_id += 1;
    for id in &pages {
        if let Some(Object::Dictionary(page)) = doc.objects.get_mut(id) {
            page.set("Parent", Object::Reference(tree_id));
            if let Some(r) = shared.filter(|_| !page.has(b"Resources")) {
                page.set("Resources", Object::Reference(r));
            }
        }
    }
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", Object::Integer(pages.len() as i64));
    tree.set(
        "Kids",
        Object::Array(pages.iter().map(|id| Object::Reference(*id)).collect()),
    );
    doc.objects.insert(tree_id, Object::Dictionary(tree));
    let catalog = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .ok()
        .filter(|id| doc.objects.get(id).is_some_and(|o| is_type(o, b"Catalog")));
    let catalog_id = catalog.unwrap_or_else(|| {
        doc.max_id += 1;
        let id = (doc.max_id, 0);
        let mut c = Dictionary::new();
        c.set("Type", Object::Name(b"Catalog".to_vec()));
        doc.objects.insert(id, Object::Dictionary(c));
        doc.trailer.set("Root", Object::Reference(id));
        id
    });
    if let Some(Object::Dictionary(c)) = doc.objects.get_mut(&catalog_id) {
        c.set("Pages", Object::Reference(tree_id));
    }
    !doc.get_pages().is_empty()
}

/// Every object in the file, by number; a later definition replaces an earlier one (as an
/// incremental update does). Cross-reference streams are left out: a new table replaces them.
fn scan(bytes: &[u8]) -> BTreeMap<u32, Found<'_>> {
    let starts: Vec<(usize, usize, u32, u16)> = OBJ
        .captures_iter(bytes)
        .filter_map(|c| {
            let all = c.get(0)?;
            let number = std::str::from_utf8(c.get(1)?.as_bytes())
                .ok()?
                .parse()
                .ok()?;
            let generation = std::str::from_utf8(c.get(2)?.as_bytes())
                .ok()?
                .parse()
                .ok()?;
            Some((c.get(1)?.start(), all.end(), number, generation))
        })
        .take(MAX_OBJECTS)
        .collect();
    let mut objects = BTreeMap::new();
    for (k, &(_, body_start, number, generation)) in starts.iter().enumerate() {
        let limit = starts.get(k + 1).map_or(bytes.len(), |s| s.0);
        let body = &bytes[body_start..limit];
        let body = match find(body, b"endobj") {
            Some(end) => &body[..end],
            None => body,
        };
        let (head, stream) = split_stream(body);
        if XREF_STREAM.is_match(head) || trim(head).is_empty() {
            continue;
        }
        objects.insert(
            number,
            Found {
                generation,
                head: trim(head),
                stream,
            },
        );
    }
    objects
}

/// The object's dictionary and, when it has one, its stream data measured up to `endstream`.
fn split_stream(body: &[u8]) -> (&[u8], Option<&[u8]>) {
    let Some(at) = find(body, b"stream").filter(|&i| !body[..i].ends_with(b"end")) else {
        return (body, None);
    };
    let head = &body[..at];
    let mut data = &body[at + b"stream".len()..];
    data = data
        .strip_prefix(b"\r\n")
        .or_else(|| data.strip_prefix(b"\n"))
        .or_else(|| data.strip_prefix(b"\r"))
        .unwrap_or(data);
    if let Some(end) = rfind(data, b"endstream") {
        data = &data[..end];
        data = data
            .strip_suffix(b"\r\n")
            .or_else(|| data.strip_suffix(b"\n"))
            .or_else(|| data.strip_suffix(b"\r"))
            .unwrap_or(data);
    }
    (head, Some(data))
}

/// Writes a stream with its true length; Flate data damaged part-way is replaced by what it
/// inflates to before the damage (and the filter dropped).
fn write_stream(out: &mut Vec<u8>, head: &[u8], data: &[u8]) {
    let mut dict = head.to_vec();
    let mut data = std::borrow::Cow::Borrowed(data);
    if FLATE_ONLY.is_match(&dict) && !contains(&dict, b"/DecodeParms") {
        let (inflated, complete) = inflate_prefix(&data);
        if !complete && !inflated.is_empty() {
            dict = FLATE_ONLY.replace(&dict, &b""[..]).into_owned();
            data = std::borrow::Cow::Owned(inflated);
        }
    }
    let length = format!("/Length {}", data.len());
    dict = if LENGTH.is_match(&dict) {
        LENGTH.replace(&dict, length.as_bytes()).into_owned()
    } else {
        match find(&dict, b"<<") {
            Some(i) => [
                &dict[..i + 2],
                b" ",
                length.as_bytes(),
                b" ",
                &dict[i + 2..],
            ]
            .concat(),
            None => dict,
        }
    };
    out.extend_from_slice(&dict);
    out.extend_from_slice(b"\nstream\n");
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream");
}

/// Inflates zlib data as far as it is sound: the bytes it gives before an error, and whether
/// it reached its end without one.
pub fn inflate_prefix(data: &[u8]) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let mut decoder = flate2::read::ZlibDecoder::new(data);
    let mut buf = [0u8; 16 * 1024];
    loop {
        match decoder.read(&mut buf) {
            Ok(0) => return (out, true),
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(_) => return (out, false),
        }
    }
}

/// The object a trailer key names, from the last trailer (or cross-reference stream) in the file.
fn trailer_ref(bytes: &[u8], re: &Regex) -> Option<(u32, u16)> {
    let c = re.captures_iter(bytes).last()?;
    let n = std::str::from_utf8(c.get(1)?.as_bytes())
        .ok()?
        .parse()
        .ok()?;
    let g = std::str::from_utf8(c.get(2)?.as_bytes())
        .ok()?
        .parse()
        .ok()?;
    Some((n, g))
}

fn last_match<'a>(bytes: &'a [u8], re: &Regex) -> Option<&'a [u8]> {
    re.find_iter(bytes).last().map(|m| m.as_bytes())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |i| i + 1);
    &b[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn a_damaged_flate_stream_keeps_what_comes_before_the_damage() {
        let text: Vec<u8> = (0..4000)
            .flat_map(|i| format!("BT ({i}) Tj ET\n").into_bytes())
            .collect();
        let mut packed = zlib(&text);
        let (whole, complete) = inflate_prefix(&packed);
        assert!(complete && whole == text);
        let at = packed.len() * 3 / 4;
        for b in &mut packed[at..at + 8] {
            *b ^= 0x5a;
        }
        let (part, complete) = inflate_prefix(&packed);
        assert!(!complete);
        assert!(
            part.len() > text.len() / 3,
            "{} of {}",
            part.len(),
            text.len()
        );
        assert_eq!(part[..], text[..part.len()]);
    }

    #[test]
    fn objects_are_found_by_scanning_and_lengths_measured() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
2 0 obj\n<< /Length 99 >>\nstream\nBT (Hej) Tj ET\nendstream\nendobj\n\
2 0 obj\n<< /Length 3 >>\nstream\nnew\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n";
        let objects = scan(pdf);
        assert_eq!(objects.len(), 2);
        assert_eq!(
            objects[&2].stream,
            Some(&b"new"[..]),
            "the last definition wins"
        );
        let rebuilt = rebuild(pdf).unwrap();
        let text = String::from_utf8_lossy(&rebuilt);
        assert!(text.contains("/Length 3"), "{text}");
        assert!(text.contains("/Root 1 0 R"), "{text}");
        let doc = lopdf::Document::load_mem(&rebuilt).expect("the rebuilt file loads");
        assert!(doc.get_object((1, 0)).is_ok());
    }

    #[test]
    fn no_objects_no_rebuild() {
        assert!(rebuild(b"%PDF-1.4\nnothing here\n").is_none());
        assert!(rebuild(b"").is_none());
    }
}
