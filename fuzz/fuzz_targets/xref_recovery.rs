//! Cross-reference recovery: any bytes are scanned without a panic, and what it rebuilds is a
//! file lopdf can attempt to load (inside the same panic boundary as the real pipeline).
#![no_main]
use libfuzzer_sys::fuzz_target;

static QUIET: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    QUIET.call_once(referat::guard::quiet_caught_panics);
    if let Some(rebuilt) = referat::pdf::recover::rebuild(data) {
        let _ = referat::guard::catch_quietly(|| {
            if let Ok(mut doc) = lopdf::Document::load_mem(&rebuilt) {
                referat::pdf::recover::repair_page_tree(&mut doc);
            }
        });
    }
    let _ = referat::pdf::recover::inflate_prefix(data);
});
