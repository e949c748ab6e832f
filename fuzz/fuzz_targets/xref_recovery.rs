//! Cross-reference recovery: any bytes are scanned without a panic, and what it rebuilds is a
//! file lopdf can attempt to load.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(rebuilt) = referat::pdf::recover::rebuild(data) {
        if let Ok(mut doc) = lopdf::Document::load_mem(&rebuilt) {
            referat::pdf::recover::repair_page_tree(&mut doc);
        }
    }
    let _ = referat::pdf::recover::inflate_prefix(data);
});
