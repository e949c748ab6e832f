//! The memory a PDF may take, checked before its pages are laid out: a file whose streams
//! decode to more than the budget (a decompression bomb, or a huge scanned page) is refused
//! with its own reason instead of filling the machine's memory. Streams are inflated into a
//! small buffer and counted, never kept, so the check itself stays small. The time a PDF may
//! take is checked cooperatively too: the reading thread carries a deadline, and the engine's
//! loops and the fallback's pages stop when it has passed, so a runaway file does not keep a
//! core busy after its caller has given up on it.

use std::cell::Cell;
use std::io::Read;
use std::time::Instant;

use lopdf::{Document, Object};

use crate::error::{Failure, PdfFailure};

/// Environment variable with the decoded-content budget per PDF, in megabytes.
pub const BUDGET_ENV: &str = "REFERAT_PDF_MAX_DECODED_MB";
/// Decoded bytes one PDF may hold when the environment does not say.
pub const DEFAULT_BUDGET: u64 = 256 * 1024 * 1024;
/// Pages one PDF may have.
pub const MAX_PAGES: usize = 20_000;

thread_local! {
    /// When the PDF read on this thread must stop.
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Sets the deadline of the PDF read on this thread.
pub fn set_deadline(at: Instant) {
    DEADLINE.set(Some(at));
}

/// Whether the deadline of this thread has passed.
pub fn expired() -> bool {
    DEADLINE.get().is_some_and(|at| Instant::now() >= at)
}

/// The failure of a read stopped by its deadline (its caller has already reported it).
pub fn timed_out() -> Failure {
    (PdfFailure::Timeout, "the time limit has passed".into())
}

/// The budget: `REFERAT_PDF_MAX_DECODED_MB` or 256 MB.
pub fn budget() -> u64 {
    std::env::var(BUDGET_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|mb| *mb > 0)
        .map_or(DEFAULT_BUDGET, |mb| mb * 1024 * 1024)
}

/// Refuses a document with too many pages or whose Flate streams decode to more than `budget`
/// bytes in all.
pub fn check(doc: &Document, budget: u64) -> Result<(), Failure> {
    let pages = doc.get_pages().len();
    if pages > MAX_PAGES {
        return Err((
            PdfFailure::TooLarge,
            format!("{pages} pages (at most {MAX_PAGES})"),
        ));
    }
    let mut left = budget;
    for object in doc.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let flate = stream.dict.get(b"Filter").ok().is_some_and(|f| match f {
            Object::Name(n) => n == b"FlateDecode",
            Object::Array(a) => a
                .iter()
                .any(|o| o.as_name().is_ok_and(|n| n == b"FlateDecode")),
            _ => false,
        });
        let size = if flate {
            inflated_size(&stream.content, left + 1)
        } else {
            stream.content.len() as u64
        };
        if size > left {
            return Err((
                PdfFailure::TooLarge,
                format!(
                    "its streams decode to more than {} MB (set {BUDGET_ENV})",
                    budget / (1024 * 1024)
                ),
            ));
        }
        left -= size;
    }
    Ok(())
}

/// How many bytes zlib data inflates to, counting at most `cap` (then `cap` is returned);
/// damaged data counts what inflates before the damage.
pub fn inflated_size(data: &[u8], cap: u64) -> u64 {
    let mut decoder = flate2::read::ZlibDecoder::new(data).take(cap);
    let mut buf = [0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        match decoder.read(&mut buf) {
            Ok(0) | Err(_) => return total,
            Ok(n) => total += n as u64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_size_is_counted_up_to_the_cap() {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(&vec![b' '; 10_000_000]).unwrap();
        let packed = e.finish().unwrap();
        assert!(packed.len() < 20_000);
        assert_eq!(inflated_size(&packed, u64::MAX), 10_000_000);
        assert_eq!(inflated_size(&packed, 1_000), 1_000);
    }
}
