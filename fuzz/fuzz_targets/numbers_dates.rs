//! The Danish number and date readers: any text gives an answer or none, never a panic, and
//! every date found is a real calendar date inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = referat::parse::numbers::parse_amount(s);
    let _ = referat::parse::numbers::split_fused(s);
    let _ = referat::parse::numbers::unit_in_text(s);
    for f in referat::parse::dates::find_dates(s) {
        assert!(f.start <= f.end && f.end <= s.len());
    }
    let _ = referat::parse::dates::first_date(s);
    let _ = referat::parse::dates::clock_time(s);
});
