//! The whole PDF path on arbitrary bytes behind a PDF header: loading the objects, recovery,
//! limits and both engines end in text or an error, never a panic that escapes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend_from_slice(data);
    let _ = referat::pdf::pdf_text(std::path::Path::new("fuzz.pdf"), &bytes);
});
