//! Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM or a clear NUL pattern), and the
//! legacy single-byte encodings of old Danish archives, detected rather than assumed.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use unicode_normalization::UnicodeNormalization;

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes `bytes`, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && enc != encoding_rs::UTF_8 {
            return Err(format!("invalid {} after its byte-order mark", enc.name()));
        }
        return Ok(finish(text.into_owned(), enc.name()));
    }
    if let Some(enc) = sniff_utf16(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok(finish(text.into_owned(), enc.name()));
        }
    }
    if bytes.contains(&0) {
        return Err("binary data (NUL bytes)".into());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(finish(text.to_string(), "UTF-8"));
    }
    legacy(bytes)
}

/// UTF-16 without a BOM shows as NULs in every other byte of ASCII-heavy text.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Single-byte legacy text. Windows-1252 is a superset of ISO-8859-1's printable range; bytes
/// 0x80–0x9F tell the two apart (typographic quotes and dashes in 1252, control codes in
/// Latin-1). Text whose high bytes decode to mostly non-letters is refused instead of guessed.
fn legacy(bytes: &[u8]) -> Result<Decoded, String> {
    let high: Vec<u8> = bytes.iter().copied().filter(|&b| b >= 0x80).collect();
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    let letters = text
        .chars()
        .filter(|c| !c.is_ascii() && (c.is_alphabetic() || "–—‘’“”„…•«»°½¼¾§€£±·".contains(*c)))
        .count();
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 100 > bytes.len() || letters * 2 < high.len() {
        return Err("neither UTF-8, UTF-16 nor a Western single-byte encoding".into());
    }
    let name = if high.iter().any(|b| (0x80..0xa0).contains(b)) {
        "windows-1252"
    } else {
        "ISO-8859-1"
    };
    Ok(finish(text.into_owned(), name))
}

/// Text NFC cannot change: Latin letters below U+0300 (æ, ø, å, é, ü all precomposed) and the
/// dashes, quotes, bullets and currency signs of U+2010–U+20CF, none of which decompose or
/// combine. Checking this is a fraction of what normalising costs, and it is nearly all text.
fn is_plainly_composed(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| (c as u32) < 0x300 || ('\u{2010}'..='\u{20cf}').contains(&c))
}

fn finish(text: String, encoding: &'static str) -> Decoded {
    let text = if is_plainly_composed(&text) {
        text
    } else {
        text.nfc().collect()
    };
    Decoded { text, encoding }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Mødested".as_bytes()).unwrap().text, "Mødested");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Økonomi".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Økonomi", "UTF-8"));
    }

    #[test]
    fn utf16_with_bom_and_sniffed() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Byrådet".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Byrådet");
        let be: Vec<u8> = "Referat fra mødet"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        let d = decode(&be).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Referat fra mødet", "UTF-16BE")
        );
    }

    #[test]
    fn latin1_and_windows_1252() {
        let latin1 = b"M\xf8dested: R\xe5dhuset, \xc6blevej";
        let d = decode(latin1).unwrap();
        assert_eq!(d.text, "Mødested: Rådhuset, Æblevej");
        assert_eq!(d.encoding, "ISO-8859-1");
        let cp = b"Beslutning \x96 \x93Godkendt\x94";
        let d = decode(cp).unwrap();
        assert_eq!(d.text, "Beslutning – “Godkendt”");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn plain_danish_text_needs_no_normalising() {
        assert!(is_plainly_composed(
            "Økonomiudvalget – “godkendt” • 2,5 mio. € æøå ÆØÅ é"
        ));
        assert!(!is_plainly_composed("a\u{30a}")); // a + combining ring
        assert!(!is_plainly_composed("\u{2126}")); // the ohm sign, which NFC turns into Ω
        assert_eq!(finish("a\u{30a}".into(), "UTF-8").text, "å");
    }

    #[test]
    fn decomposed_letters_are_composed() {
        let nfd = "Byra\u{30a}det";
        assert_eq!(decode(nfd.as_bytes()).unwrap().text, "Byrådet");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(&[0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x9c, 0x00]).is_err());
        let noise: Vec<u8> = (0..400u32).map(|i| (i * 37 % 256) as u8).collect();
        assert!(decode(&noise).is_err());
    }
}
