//! The whole PDF path on arbitrary bytes behind a PDF header: loading the objects, recovery,
//! limits and both engines end in text or an error, never a panic that escapes. Panics inside
//! the PDF libraries are caught by referat's boundary on purpose (the file becomes
//! `pdf_panic`), so the libFuzzer hook is told about them only when one escapes it.
#![no_main]
use libfuzzer_sys::fuzz_target;

static QUIET: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    // wraps libFuzzer's hook: silent for panics the boundary catches, fatal for the rest
    QUIET.call_once(referat::guard::quiet_caught_panics);
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend_from_slice(data);
    let _ = referat::pdf::pdf_text(std::path::Path::new("fuzz.pdf"), &bytes);
});
