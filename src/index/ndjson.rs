//! `ingest --ndjson`: the index built from documents another process parsed (`referat parse
//! --stdin-paths` on a Spark worker, `referat export`), read back line by line from NDJSON
//! files or folders of part files, with the same keys (source path) and the same idempotence
//! (sha256) as ingesting the sources, so parsing can run anywhere and indexing on one writer.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use tantivy::Searcher;
use walkdir::WalkDir;

use super::schema::Fields;
use super::source_key;
use super::writer::{Options, Prepared, Summary, changed, run, stored_id};
use crate::error::{Error, ErrorLine, FileError};
use crate::model::Document;
use crate::report::Entry;

/// The longest line read: a document with its text, from the largest file referat reads, fits
/// within twice that file's size.
fn max_line_bytes() -> u64 {
    crate::read::max_file_bytes().saturating_mul(2)
}

/// The part files under `inputs`: a file as given; in a folder every file, sorted, except the
/// markers and checksums a job writes beside its parts (`_SUCCESS`, `.part-00000.crc`).
/// Paths that do not exist are returned as errors.
pub fn part_files(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    for p in inputs {
        if p.is_file() {
            files.push(p.clone());
            continue;
        }
        if !p.is_dir() {
            errors.push(Error::Io {
                path: p.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
            continue;
        }
        for entry in WalkDir::new(p).follow_links(true).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let name = e.file_name().to_string_lossy();
                    if !name.starts_with('_') && !name.starts_with('.') {
                        files.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(Error::Io {
                    path: e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone()),
                    source: e.into(),
                }),
            }
        }
    }
    (files, errors)
}

/// One line of a part file, or why it could not be read.
pub struct Line {
    file: PathBuf,
    number: usize,
    text: Result<String, Error>,
}

/// The lines of the part files in order, a batch at a time, each file open only while read.
struct Lines {
    files: std::vec::IntoIter<PathBuf>,
    open: Option<(PathBuf, BufReader<File>, usize)>,
}

impl Lines {
    fn batch(&mut self, n: usize) -> Vec<Line> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let Some((file, reader, number)) = &mut self.open else {
                let Some(file) = self.files.next() else {
                    break;
                };
                match File::open(&file) {
                    Ok(f) => self.open = Some((file, BufReader::new(f), 0)),
                    Err(source) => out.push(Line {
                        text: Err(Error::Io {
                            path: file.clone(),
                            source,
                        }),
                        file,
                        number: 0,
                    }),
                }
                continue;
            };
            *number += 1;
            match read_line(reader, max_line_bytes()) {
                Ok(None) => self.open = None,
                Ok(Some(Ok(text))) if text.trim().is_empty() => {}
                Ok(Some(text)) => out.push(Line {
                    file: file.clone(),
                    number: *number,
                    text: text.map_err(|reason| Error::TooLarge {
                        path: file.clone(),
                        reason: format!("line {number}: {reason}"),
                    }),
                }),
                Err(source) => {
                    out.push(Line {
                        file: file.clone(),
                        number: *number,
                        text: Err(Error::Io {
                            path: file.clone(),
                            source,
                        }),
                    });
                    self.open = None;
                }
            }
        }
        out
    }
}

/// The next line without its end; none at the end of the file; an inner error for a line
/// longer than `max` (skipped to its end) or not UTF-8.
fn read_line(r: &mut impl BufRead, max: u64) -> std::io::Result<Option<Result<String, String>>> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(max + 1).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') && n as u64 > max {
        let mut rest = Vec::new();
        r.read_until(b'\n', &mut rest)?;
        return Ok(Some(Err(format!("longer than {} MB", max >> 20))));
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    Ok(Some(
        String::from_utf8(buf).map_err(|_| "not UTF-8".to_string()),
    ))
}

/// Ingests the NDJSON lines of `files` (see [`part_files`]) into the index in `dir`;
/// `on_done(failed)` is called once per line.
pub fn ingest(
    dir: &Path,
    files: Vec<PathBuf>,
    opts: &Options,
    on_done: impl Fn(bool) + Sync,
) -> anyhow::Result<Summary> {
    let mut lines = Lines {
        files: files.into_iter(),
        open: None,
    };
    run(dir, opts, |n| Ok(lines.batch(n)), prepare, on_done)
}

fn prepare(line: &Line, searcher: &Searcher, fields: &Fields) -> Prepared {
    let failed = |e: Error| {
        let entry = Entry::failed(&e, 0);
        Prepared::Failed(e, entry)
    };
    let text = match &line.text {
        Ok(t) => t,
        Err(e) => return failed(clone_error(e)),
    };
    let doc: Document = match serde_json::from_str(text) {
        Ok(d) => d,
        Err(not_doc) => {
            return failed(match serde_json::from_str::<ErrorLine>(text) {
                Ok(ErrorLine { error }) => error.into(),
                Err(_) => Error::NotText {
                    path: line.file.clone(),
                    reason: format!(
                        "line {}: neither a document nor an error line: {not_doc}",
                        line.number
                    ),
                },
            });
        }
    };
    let path = Path::new(&doc.source.path);
    let key = source_key(path);
    let stored = stored_id(searcher, fields, &key);
    if stored.as_deref() == Some(doc.id.as_str()) {
        return Prepared::Unchanged(Entry::unchanged(path, doc.id.clone(), doc.source.bytes));
    }
    let text = doc.text.as_deref().unwrap_or_default();
    let untexted = doc.text.is_none() && doc.punkter.is_empty();
    changed(&doc, key, text, stored.is_some(), fields, |d, status| {
        let mut entry = Entry::parsed(d, status, false, None, 0);
        if untexted {
            entry.warnings.push(
                "no text in the NDJSON (written without --with-text): indexed by its title only"
                    .into(),
            );
        }
        entry
    })
}

/// A line's read error, owned again for the summary, with its path, code and reason.
fn clone_error(e: &Error) -> Error {
    FileError::from(e).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_bounded_and_skip_to_their_end() {
        let mut r = std::io::Cursor::new(b"{\"a\":1}\r\n0123456789abcdef\nok\n\xff\n".to_vec());
        assert_eq!(read_line(&mut r, 10).unwrap(), Some(Ok("{\"a\":1}".into())));
        assert!(matches!(read_line(&mut r, 10).unwrap(), Some(Err(_))));
        assert_eq!(read_line(&mut r, 10).unwrap(), Some(Ok("ok".into())));
        assert_eq!(
            read_line(&mut r, 10).unwrap(),
            Some(Err("not UTF-8".into()))
        );
        assert_eq!(read_line(&mut r, 10).unwrap(), None);
    }

    #[test]
    fn part_files_skip_job_markers() {
        let dir = std::env::temp_dir().join(format!("referat-parts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for name in ["part-00001", "part-00000", "_SUCCESS", ".part-00000.crc"] {
            std::fs::write(dir.join(name), "").unwrap();
        }
        let (files, errors) = part_files(&[dir.clone(), dir.join("missing")]);
        let names: Vec<_> = files.iter().map(|f| f.file_name().unwrap()).collect();
        assert_eq!(names, ["part-00000", "part-00001"]);
        assert_eq!(errors.len(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
