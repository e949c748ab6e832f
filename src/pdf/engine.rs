//! referat's own PDF text interpreter, on lopdf's object model: it runs each page's content
//! stream for its text operators only, with fonts read once per document, and hands every glyph
//! with its position to `lines`. pdf-extract reads whatever this declines (`Unsupported`).

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::{Font, Unsupported, deref, num as number};
use super::lexer::{Lexer, Operand};
use super::lines::{GlyphLines, Laid};
use super::rules::{Paint, Path};

/// Form XObjects nest at most this deep.
const MAX_DEPTH: usize = 12;
/// Operators one document may run, forms included: a form drawn by a form drawn by … can
/// multiply the work without bound; past this, the rest of the document is skipped.
const MAX_OPERATORS: usize = 50_000_000;
/// Saved graphics states kept at most (`q` without `Q` would otherwise grow without bound).
const MAX_SAVED: usize = 256;

/// A 2-D affine matrix `[a b c d e f]` as PDF writes it.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`: the product m × n in PDF's row-vector convention.
fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(m: &Matrix, tx: f64, ty: f64) -> Matrix {
    mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], m)
}

/// The lines of every page of `doc` and the tables found on them, or why this interpreter
/// declines the document.
pub fn read(doc: &Document) -> Result<Laid, Unsupported> {
    let mut reader = Reader {
        doc,
        fonts: HashMap::new(),
        open_forms: Vec::new(),
        budget: MAX_OPERATORS,
        out: GlyphLines::default(),
        path: Path::default(),
    };
    for (_, page_id) in doc.get_pages() {
        if super::limits::expired() {
            return Err(Unsupported("the time limit has passed".into()));
        }
        reader.page(page_id)?;
    }
    Ok(reader.out.into_laid("native", Vec::new()))
}

/// Text state parameters; saved and restored with the graphics state by `q` / `Q`.
#[derive(Clone)]
struct TextState {
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scaling: f64,
    leading: f64,
    rise: f64,
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    text: TextState,
    /// Whether the fill and stroke colours can be seen on paper (not white).
    fill_seen: bool,
    stroke_seen: bool,
}

impl State {
    fn new() -> Self {
        State {
            ctm: IDENTITY,
            text: TextState {
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                scaling: 1.0,
                leading: 0.0,
                rise: 0.0,
            },
            fill_seen: true,
            stroke_seen: true,
        }
    }
}

/// Where a font dictionary lives: an object of its own, or inline in a resource dictionary
/// (then known by its address, which is stable while the document is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectId),
    Inline(usize),
}

struct Reader<'d> {
    doc: &'d Document,
    /// Fonts read so far: each font dictionary is read once, whichever page uses it.
    fonts: HashMap<FontKey, Rc<Font>>,
    /// The form XObjects being run (a form that draws itself is not run again).
    open_forms: Vec<ObjectId>,
    /// Operators left to run in this document.
    budget: usize,
    out: GlyphLines,
    /// The path being built, for the rules of ruled tables.
    path: Path,
}

/// A page's content streams, decoded and joined; a Flate stream damaged part-way gives what
/// it inflates to before the damage.
fn page_content(doc: &Document, page_id: ObjectId) -> Vec<u8> {
    let mut content = Vec::new();
    for id in doc.get_page_contents(page_id) {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        match stream.decompressed_content() {
            Ok(data) => content.extend_from_slice(&data),
            Err(_) => content.extend_from_slice(&super::recover::inflate_prefix(&stream.content).0),
        }
        content.push(b'\n');
    }
    content
}

/// A page attribute, from the page or inherited from its ancestors.
fn inherited<'d>(doc: &'d Document, page: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(o) = node.get(key) {
            return Some(deref(doc, o));
        }
        node = node
            .get(b"Parent")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok())?;
    }
    None
}

impl<'d> Reader<'d> {
    fn page(&mut self, page_id: ObjectId) -> Result<(), Unsupported> {
        let doc = self.doc;
        let empty = Dictionary::new();
        let page = doc.get_dictionary(page_id).unwrap_or(&empty);
        let resources = inherited(doc, page, b"Resources")
            .and_then(|o| o.as_dict().ok())
            .unwrap_or(&empty);
        let media: Vec<f64> = inherited(doc, page, b"MediaBox")
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().filter_map(|o| number(deref(doc, o))).collect())
            .unwrap_or_default();
        let height = match media[..] {
            [_, lly, _, ury] => ury - lly,
            _ => 792.0, // US Letter, as readers assume when the box is missing
        };
        let content = page_content(doc, page_id);
        self.out.begin_page(height);
        self.run(&content, resources, State::new(), 0)?;
        self.out.end_page();
        Ok(())
    }

    /// The font a resource name stands for (read once per font object).
    fn font(
        &mut self,
        resources: &Dictionary,
        name: &[u8],
    ) -> Result<Option<Rc<Font>>, Unsupported> {
        let doc = self.doc;
        let Some(fonts) = resources
            .get(b"Font")
            .ok()
            .and_then(|o| deref(doc, o).as_dict().ok())
        else {
            return Ok(None);
        };
        let Ok(entry) = fonts.get(name) else {
            return Ok(None);
        };
        let (key, dict) = match entry {
            Object::Reference(id) => (FontKey::Object(*id), doc.get_dictionary(*id)),
            Object::Dictionary(d) => (FontKey::Inline(d as *const Dictionary as usize), Ok(d)),
            _ => return Ok(None),
        };
        if let Some(f) = self.fonts.get(&key) {
            return Ok(Some(f.clone()));
        }
        let Ok(dict) = dict else {
            return Ok(None);
        };
        let f = Rc::new(super::font::load(doc, dict)?);
        self.fonts.insert(key, f.clone());
        Ok(Some(f))
    }

    /// Runs one content stream (a page's or a form's) with its resources, from the graphics
    /// state it is drawn in.
    fn run(
        &mut self,
        content: &[u8],
        resources: &Dictionary,
        mut state: State,
        depth: usize,
    ) -> Result<(), Unsupported> {
        let mut stack: Vec<State> = Vec::new();
        // `q`s beyond MAX_SAVED, not saved but counted so that each `Q` still pairs with its `q`
        let mut unsaved = 0usize;
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        let mut lx = Lexer::new(content);
        while let Some(op) = lx.next_op() {
            if self.budget == 0 {
                break;
            }
            self.budget -= 1;
            if self.budget.is_multiple_of(4096) && super::limits::expired() {
                return Err(Unsupported("the time limit has passed".into()));
            }
            let n = |i: usize| match lx.operands.get(i) {
                Some(Operand::Num(v)) => *v,
                _ => 0.0,
            };
            let count = lx.operands.len();
            match op {
                b"BT" | b"ET" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"q" if stack.len() < MAX_SAVED => stack.push(state.clone()),
                b"q" => unsaved += 1,
                b"Q" if unsaved > 0 => unsaved -= 1,
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        state = s;
                    }
                }
                b"cm" if count >= 6 => {
                    let m = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    state.ctm = mul(&m, &state.ctm);
                }
                b"Tc" => state.text.char_spacing = n(0),
                b"Tw" => state.text.word_spacing = n(0),
                b"Tz" => state.text.scaling = n(0) / 100.0,
                b"TL" => state.text.leading = n(0),
                b"Ts" => state.text.rise = n(0),
                b"Tf" => {
                    if let Some(Operand::Name(r)) = lx.operands.first() {
                        let name = lx.bytes(r).to_vec();
                        state.text.font = self.font(resources, &name)?;
                    }
                    state.text.size = n(1);
                }
                b"Td" | b"TD" => {
                    if op == b"TD" {
                        state.text.leading = -n(1);
                    }
                    tlm = translate(&tlm, n(0), n(1));
                    tm = tlm;
                }
                b"Tm" if count >= 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = translate(&tlm, 0.0, -state.text.leading);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op == b"\"" {
                        state.text.word_spacing = n(0);
                        state.text.char_spacing = n(1);
                    }
                    if op != b"Tj" {
                        tlm = translate(&tlm, 0.0, -state.text.leading);
                        tm = tlm;
                    }
                    if let Some(Operand::Str(r)) = lx.operands.last() {
                        self.show(&state, &mut tm, lx.bytes(r));
                    }
                }
                b"TJ" => {
                    for o in &lx.operands {
                        match o {
                            Operand::Str(r) => self.show(&state, &mut tm, lx.bytes(r)),
                            Operand::Num(adjust) => {
                                let ts = &state.text;
                                let tx = ts.scaling * (-adjust / 1000.0 * ts.size);
                                tm = translate(&tm, tx, 0.0);
                            }
                            _ => {}
                        }
                    }
                }
                b"m" | b"l" | b"c" | b"v" | b"y" | b"re" | b"h" if count >= 2 || op == b"h" => {
                    self.path_op(op, &lx.operands, &state.ctm);
                }
                b"S" | b"s" => self.paint(op == b"s", Paint::Stroke, state.stroke_seen),
                b"f" | b"F" | b"f*" => self.paint(true, Paint::Fill, state.fill_seen),
                b"B" | b"B*" | b"b" | b"b*" => {
                    let seen = state.fill_seen || state.stroke_seen;
                    self.paint(op.starts_with(b"b"), Paint::FillStroke, seen);
                }
                b"n" => self.path.discard(),
                b"g" | b"rg" | b"k" | b"sc" | b"scn" => state.fill_seen = !white(&lx.operands),
                b"G" | b"RG" | b"K" | b"SC" | b"SCN" => state.stroke_seen = !white(&lx.operands),
                b"Do" if depth < MAX_DEPTH => {
                    if let Some(Operand::Name(r)) = lx.operands.first() {
                        let name = lx.bytes(r).to_vec();
                        self.form(resources, &name, &state, depth)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// A path construction operator, its points put in page space by the CTM.
    fn path_op(&mut self, op: &[u8], operands: &[Operand], ctm: &Matrix) {
        let n: Vec<f64> = operands
            .iter()
            .map(|o| match o {
                Operand::Num(v) => *v,
                _ => 0.0,
            })
            .collect();
        let at = |x: f64, y: f64| {
            (
                ctm[0] * x + ctm[2] * y + ctm[4],
                ctm[1] * x + ctm[3] * y + ctm[5],
            )
        };
        match (op, &n[..]) {
            (b"m", [.., x, y]) => self.path.move_to(at(*x, *y)),
            (b"l", [.., x, y]) => self.path.line_to(at(*x, *y)),
            (b"c" | b"v" | b"y", [.., x, y]) => self.path.curve_to(at(*x, *y)),
            (b"re", [.., x, y, w, h]) => {
                self.path
                    .rect([at(*x, *y), at(x + w, *y), at(x + w, y + h), at(*x, y + h)])
            }
            (b"h", _) => self.path.close(),
            _ => {}
        }
    }

    /// A painting operator: the path's rules go to the page (closed first for `s`, `b`).
    fn paint(&mut self, close: bool, how: Paint, seen: bool) {
        if close {
            self.path.close();
        }
        self.out.paint(&mut self.path, how, seen);
    }

    /// `Do` of a form XObject: its content with its own resources and matrix, in the graphics
    /// state of the `Do` (images are skipped, and so is a form already being drawn).
    fn form(
        &mut self,
        resources: &Dictionary,
        name: &[u8],
        state: &State,
        depth: usize,
    ) -> Result<(), Unsupported> {
        let doc = self.doc;
        let entry = resources
            .get(b"XObject")
            .ok()
            .and_then(|o| deref(doc, o).as_dict().ok())
            .and_then(|x| x.get(name).ok());
        let id = entry.and_then(|o| o.as_reference().ok());
        if id.is_some_and(|id| self.open_forms.contains(&id)) {
            return Ok(());
        }
        let Some(stream) = entry.and_then(|o| deref(doc, o).as_stream().ok()) else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(|o| o.as_name()).ok() != Some(b"Form") {
            return Ok(());
        }
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| deref(doc, o).as_dict().ok())
            .unwrap_or(resources);
        let matrix: Vec<f64> = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().filter_map(|o| number(deref(doc, o))).collect())
            .unwrap_or_default();
        let mut inner = state.clone();
        if let [a, b, c, d, e, f] = matrix[..] {
            inner.ctm = mul(&[a, b, c, d, e, f], &state.ctm);
        }
        let content = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        self.open_forms.extend(id);
        let result = self.run(&content, own, inner, depth + 1);
        if id.is_some() {
            self.open_forms.pop();
        }
        result
    }

    /// A text-showing string: each code becomes a glyph at the current text position, which
    /// then advances by the glyph's width and the character and word spacing.
    fn show(&mut self, state: &State, tm: &mut Matrix, s: &[u8]) {
        let ts = &state.text;
        let Some(font) = ts.font.as_ref() else {
            return;
        };
        self.out.begin_run();
        let tsm = [ts.scaling, 0.0, 0.0, 1.0, 0.0, ts.rise];
        for (code, one_byte) in font.codes(s) {
            let trm = mul(&tsm, &mul(tm, &state.ctm));
            let w0 = font.width(code) / 1000.0;
            let mut spacing = ts.char_spacing;
            if one_byte && code == 32 {
                spacing += ts.word_spacing;
            }
            self.out.glyph(trm, w0, ts.size, font.text(code));
            let tx = ts.scaling * (w0 * ts.size + spacing);
            *tm = translate(tm, tx, 0.0);
        }
    }
}

/// Whether colour operands name white (gray 1, RGB 1 1 1, CMYK 0 0 0 0); a pattern or an
/// unknown space counts as seen.
fn white(operands: &[Operand]) -> bool {
    let n: Vec<f64> = operands
        .iter()
        .filter_map(|o| match o {
            Operand::Num(v) => Some(*v),
            _ => None,
        })
        .collect();
    match n[..] {
        [g] => g >= 0.95,
        [r, g, b] => r.min(g).min(b) >= 0.95,
        [c, m, y, k] => c.max(m).max(y).max(k) <= 0.05,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_product_applies_the_left_one_first() {
        let scale = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        let shift = [1.0, 0.0, 0.0, 1.0, 10.0, 5.0];
        // scale then shift: the origin lands on (10, 5); shift then scale: on (20, 10)
        assert_eq!(mul(&scale, &shift)[4..], [10.0, 5.0]);
        assert_eq!(mul(&shift, &scale)[4..], [20.0, 10.0]);
    }
}
