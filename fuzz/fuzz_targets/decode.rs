//! Text decoding and cleanup: any bytes decode or are refused, and decoded text cleans and
//! parses without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = referat::read::decode::decode(data) {
        let cleaned = referat::read::clean::clean(&d.text);
        let text = referat::parse::prepare(referat::read::Text {
            cleaned,
            ..Default::default()
        });
        let source = referat::model::Source {
            path: "fuzz.txt".into(),
            format: referat::model::Format::Text,
            bytes: data.len() as u64,
            pages: None,
            encoding: Some(d.encoding.to_string()),
        };
        let _ = referat::parse::document(&text, "fuzz".into(), source);
    }
});
