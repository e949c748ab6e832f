//! A content-stream tokenizer: the operators of a page with their operands, read straight from
//! the bytes without building an object tree (content streams are most of a PDF's parse time).

use std::ops::Range;

/// One operand before an operator. Names and strings are decoded into the lexer's arena and
/// referred to by their byte range there; arrays are flattened into start and end markers.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Num(f64),
    Name(Range<usize>),
    Str(Range<usize>),
    ArrayStart,
    ArrayEnd,
    /// Anything the text interpreter has no use for: dictionaries, booleans, null.
    Other,
}

/// Reads `src` operator by operator.
pub struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    /// Decoded names and strings of the current operator's operands.
    pub arena: Vec<u8>,
    pub operands: Vec<Operand>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !is_delimiter(b)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8]) -> Self {
        Lexer {
            src,
            pos: 0,
            arena: Vec::new(),
            operands: Vec::new(),
        }
    }

    /// The bytes of a name or string operand.
    pub fn bytes(&self, range: &Range<usize>) -> &[u8] {
        &self.arena[range.clone()]
    }

    /// Reads up to and including the next operator and returns it; its operands are in
    /// `operands`. `None` at the end of the stream.
    pub fn next_op(&mut self) -> Option<&'a [u8]> {
        self.operands.clear();
        self.arena.clear();
        loop {
            let b = *self.src.get(self.pos)?;
            match b {
                _ if is_space(b) => self.pos += 1,
                b'%' => self.skip_comment(),
                b'/' => {
                    self.pos += 1;
                    let name = self.name();
                    self.operands.push(Operand::Name(name));
                }
                b'(' => {
                    self.pos += 1;
                    let s = self.literal_string();
                    self.operands.push(Operand::Str(s));
                }
                b'<' if self.src.get(self.pos + 1) == Some(&b'<') => {
                    self.pos += 2;
                    self.operands.push(Operand::Other);
                }
                b'>' if self.src.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    self.operands.push(Operand::Other);
                }
                b'<' => {
                    self.pos += 1;
                    let s = self.hex_string();
                    self.operands.push(Operand::Str(s));
                }
                b'[' => {
                    self.pos += 1;
                    self.operands.push(Operand::ArrayStart);
                }
                b']' => {
                    self.pos += 1;
                    self.operands.push(Operand::ArrayEnd);
                }
                b'0'..=b'9' | b'+' | b'-' | b'.' => {
                    let n = self.number();
                    self.operands.push(Operand::Num(n));
                }
                _ if is_delimiter(b) => self.pos += 1, // a stray ')', '>', '{' or '}'
                _ => {
                    let start = self.pos;
                    while self.src.get(self.pos).is_some_and(|b| is_regular(*b)) {
                        self.pos += 1;
                    }
                    let word = &self.src[start..self.pos];
                    match word {
                        b"true" | b"false" | b"null" => self.operands.push(Operand::Other),
                        b"ID" => {
                            self.skip_inline_image();
                            return Some(word);
                        }
                        _ => return Some(word),
                    }
                }
            }
        }
    }

    fn skip_comment(&mut self) {
        while let Some(b) = self.src.get(self.pos) {
            if *b == b'\n' || *b == b'\r' {
                break;
            }
            self.pos += 1;
        }
    }

    fn name(&mut self) -> Range<usize> {
        let start = self.arena.len();
        while let Some(&b) = self.src.get(self.pos) {
            if !is_regular(b) {
                break;
            }
            self.pos += 1;
            if b == b'#' {
                let hi = self.src.get(self.pos).copied().and_then(hex_value);
                let lo = self.src.get(self.pos + 1).copied().and_then(hex_value);
                if let (Some(hi), Some(lo)) = (hi, lo) {
                    self.arena.push(hi << 4 | lo);
                    self.pos += 2;
                    continue;
                }
            }
            self.arena.push(b);
        }
        start..self.arena.len()
    }

    fn literal_string(&mut self) -> Range<usize> {
        let start = self.arena.len();
        let mut depth = 0usize;
        while let Some(&b) = self.src.get(self.pos) {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    self.arena.push(b);
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    self.arena.push(b);
                }
                b'\\' => self.escape(),
                b'\r' => {
                    // an end of line in a string is a line feed, whatever the file uses
                    if self.src.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.arena.push(b'\n');
                }
                _ => self.arena.push(b),
            }
        }
        start..self.arena.len()
    }

    fn escape(&mut self) {
        let Some(&b) = self.src.get(self.pos) else {
            return;
        };
        self.pos += 1;
        let out = match b {
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'0'..=b'7' => {
                let mut v = u32::from(b - b'0');
                for _ in 0..2 {
                    match self.src.get(self.pos) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                v as u8
            }
            b'\r' => {
                // a backslash before an end of line continues the string
                if self.src.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
                return;
            }
            b'\n' => return,
            other => other, // \( \) \\ and unknown escapes stand for the character itself
        };
        self.arena.push(out);
    }

    fn hex_string(&mut self) -> Range<usize> {
        let start = self.arena.len();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.src.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex_value(b) {
                match high.take() {
                    Some(h) => self.arena.push(h << 4 | v),
                    None => high = Some(v),
                }
            }
        }
        if let Some(h) = high {
            self.arena.push(h << 4); // an odd final digit is followed by an implied 0
        }
        start..self.arena.len()
    }

    fn number(&mut self) -> f64 {
        let start = self.pos;
        let mut negative = false;
        let mut signs = true;
        let (mut int, mut frac, mut scale, mut seen_dot) = (0f64, 0f64, 1f64, false);
        while let Some(&b) = self.src.get(self.pos) {
            match b {
                b'+' | b'-' if signs => negative ^= b == b'-',
                b'0'..=b'9' if seen_dot => {
                    scale /= 10.0;
                    frac += f64::from(b - b'0') * scale;
                }
                b'0'..=b'9' => int = int * 10.0 + f64::from(b - b'0'),
                b'.' if !seen_dot => seen_dot = true,
                _ if is_regular(b) && self.pos > start => {
                    // malformed ("1.2.3", "4-5"): the rest of the token is dropped
                    while self.src.get(self.pos).is_some_and(|b| is_regular(*b)) {
                        self.pos += 1;
                    }
                    break;
                }
                _ => break,
            }
            if !matches!(b, b'+' | b'-') {
                signs = false;
            }
            self.pos += 1;
        }
        let v = int + frac;
        if negative { -v } else { v }
    }

    /// After `ID`: the image's bytes up to `EI` between white space.
    fn skip_inline_image(&mut self) {
        self.pos += 1; // the single white-space byte after ID
        while self.pos < self.src.len() {
            if self.src[self.pos..].starts_with(b"EI")
                && self.pos > 0
                && is_space(self.src[self.pos - 1])
                && self.src.get(self.pos + 2).is_none_or(|b| !is_regular(*b))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(src: &[u8]) -> Vec<(String, Vec<String>)> {
        let mut lx = Lexer::new(src);
        let mut out = Vec::new();
        while let Some(op) = lx.next_op() {
            let operands = lx
                .operands
                .iter()
                .map(|o| match o {
                    Operand::Num(n) => format!("{n}"),
                    Operand::Name(r) => format!("/{}", String::from_utf8_lossy(lx.bytes(r))),
                    Operand::Str(r) => format!("({})", String::from_utf8_lossy(lx.bytes(r))),
                    Operand::ArrayStart => "[".into(),
                    Operand::ArrayEnd => "]".into(),
                    Operand::Other => "?".into(),
                })
                .collect();
            out.push((String::from_utf8_lossy(op).into_owned(), operands));
        }
        out
    }

    #[test]
    fn reads_text_operators_with_their_operands() {
        let got =
            ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm [(Ab) -250 <0041>] TJ (a\\(b\\)\\101) Tj ET");
        assert_eq!(got[1], ("Tf".into(), vec!["/F1".into(), "12".into()]));
        assert_eq!(got[2].1[4..], ["72.5".to_string(), "-0.5".into()]);
        assert_eq!(
            got[3].1,
            ["[", "(Ab)", "-250", "(\0A)", "]"].map(String::from)
        );
        assert_eq!(got[4].1, ["(a(b)A)".to_string()]);
        assert_eq!(got.last().unwrap().0, "ET");
    }

    #[test]
    fn skips_comments_dictionaries_and_inline_images() {
        let got = ops(b"% c\n/P <</MCID 0>> BDC BI /W 2 /H 1 ID \x00EI\xff EI Q (x) Tj");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BDC", "BI", "ID", "Q", "Tj"]);
    }

    #[test]
    fn survives_unterminated_and_malformed_input() {
        assert_eq!(ops(b"1.2.3 Tc (abc").len(), 1);
        assert_eq!(ops(b"<41").len(), 0);
        assert_eq!(ops(b"")[..], []);
    }

    #[test]
    fn random_bytes_and_token_soup_never_panic_or_hang() {
        let tokens: [&[u8]; 16] = [
            b"(", b")", b"<", b">", b"<<", b"[", b"]", b"/F1", b"12.5", b"-", b"\\", b"Tj", b"ID",
            b"EI", b"%", b" ",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..2000 {
            let mut src = Vec::new();
            for _ in 0..(next() % 64) {
                if round % 2 == 0 {
                    src.push(next() as u8);
                } else {
                    src.extend_from_slice(tokens[(next() % 16) as usize]);
                }
            }
            let mut lx = Lexer::new(&src);
            let mut ops = 0;
            while lx.next_op().is_some() {
                ops += 1;
                assert!(ops <= src.len(), "every operator consumes input");
            }
            let _ = crate::pdf::font::to_unicode(&src);
        }
    }
}
