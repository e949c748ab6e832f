//! The whole flow on one screen: paths → source files → text → documents. I/O happens here
//! and in `extract`; everything between is pure (`clean`, `parse`).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use crate::error::{Error, Result};
use crate::model::{Document, Format, Source};
use crate::{clean, decode, parse};

/// File endings referat reads.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "htm", "html"];
pub const PDF_EXTENSIONS: &[&str] = &["pdf"];

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_lowercase();
    if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        Some(Format::Text)
    } else if PDF_EXTENSIONS.contains(&ext.as_str()) {
        Some(Format::Pdf)
    } else {
        None
    }
}

/// The files to read below `paths`, sorted, and the paths that could not be walked. A file
/// named explicitly is always taken (and fails later if its type is unknown); inside folders
/// only known file types are taken.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_file() {
            files.push(p.clone());
            continue;
        }
        if !p.exists() {
            errors.push(Error::Io {
                path: p.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
            continue;
        }
        for entry in WalkDir::new(p).follow_links(true).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() && format_of(e.path()).is_some() => {
                    files.push(e.into_path())
                }
                Ok(_) => {}
                Err(e) => errors.push(Error::Io {
                    path: e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone()),
                    source: std::io::Error::other(e.to_string()),
                }),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// sha256 of the bytes, lower-case hex.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads and parses one file. Never panics on input: a panic in a parser becomes an error
/// for this file.
pub fn parse_file(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_bytes(path, &bytes)
}

/// Parses the bytes of a file that was read elsewhere.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Document> {
    parse_bytes_with_text(path, bytes).map(|(doc, _)| doc)
}

/// Parses the bytes of a file and also returns its cleaned text, one line per line: the
/// The text of a file as the parsers read it (decoded or extracted, cleaned, wrapped lines
/// joined), with its source description.
pub fn read_text(path: &Path, bytes: &[u8]) -> Result<(parse::Text, Source)> {
    let format = format_of(path).ok_or_else(|| Error::Unsupported {
        path: path.to_path_buf(),
    })?;
    if bytes.is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let (text, encoding, pages) = match format {
        Format::Text => {
            let d = decode::decode(bytes).map_err(|reason| Error::NotText {
                path: path.to_path_buf(),
                reason,
            })?;
            let text = parse::Text {
                cleaned: clean::clean(&d.text),
                pages: Vec::new(),
            };
            (text, Some(d.encoding.to_string()), None)
        }
        Format::Pdf => {
            let (text, pages) = crate::extract::pdf_text(path, bytes)?;
            (text, None, Some(pages))
        }
    };
    let source = Source {
        path: path.to_string_lossy().into_owned(),
        format,
        bytes: bytes.len() as u64,
        pages,
        encoding,
    };
    Ok((parse::prepare(text), source))
}

/// Parses the bytes of a file and also returns its cleaned text (for full-text indexing of
/// documents whose text is not all in their records).
pub fn parse_bytes_with_text(path: &Path, bytes: &[u8]) -> Result<(Document, String)> {
    let (text, source) = read_text(path, bytes)?;
    let id = content_id(bytes);
    let path_buf = path.to_path_buf();
    let doc = catch_quietly(|| parse::document(&text, id, source)).map_err(|p| Error::NotText {
        path: path_buf,
        reason: format!("internal parser error: {}", panic_message(&p)),
    })?;
    Ok((doc, text.cleaned.lines.join("\n")))
}

thread_local! {
    /// Set while a panic would be caught and reported as the file's error.
    static CAUGHT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `catch_unwind`, with the panic reported only as the returned error: the panic hook installed
/// by `quiet_caught_panics` prints nothing for it.
pub fn catch_quietly<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    let outer = CAUGHT.replace(true);
    let r = std::panic::catch_unwind(f);
    CAUGHT.set(outer);
    r
}

/// Installs a panic hook that stays silent for panics caught by `catch_quietly` (they become
/// the file's error, with the panic message) and prints the others as usual.
pub fn quiet_caught_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !CAUGHT.get() {
            default(info);
        }
    }));
}

/// The message of a caught panic.
pub fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Parses many files in parallel; results come back in the order of `files`.
pub fn parse_all(files: &[PathBuf], on_done: impl Fn() + Sync) -> Vec<Result<Document>> {
    files
        .par_iter()
        .map(|f| {
            let r = parse_file(f);
            on_done();
            r
        })
        .collect()
}
