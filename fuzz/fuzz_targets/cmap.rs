//! ToUnicode CMaps: any bytes give a map (possibly empty), never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = referat::pdf::font::to_unicode(data);
});
