//! The content-stream lexer: any bytes are tokenized to the end without a panic, and every
//! operator consumes input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut lx = referat::pdf::lexer::Lexer::new(data);
    let mut ops = 0usize;
    while lx.next_op().is_some() {
        ops += 1;
        assert!(ops <= data.len() + 1, "an operator consumed no input");
    }
});
