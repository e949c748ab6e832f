//! Walking the paths a command was given: the files to read, sorted; the files passed over
//! and why (editor lock files, system litter, formats referat does not read); and the paths
//! that could not be walked (unreadable folders, symbolic-link loops), each reported once,
//! none ending the run.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::sniff::{self, format_of};
use crate::error::Error;

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// Files to read, sorted, each once.
    pub files: Vec<PathBuf>,
    /// Files passed over, with the reason.
    pub skipped: Vec<(PathBuf, &'static str)>,
    /// Paths that could not be walked.
    pub errors: Vec<Error>,
}

/// Why a file inside a folder is passed over, if it is.
fn skip_reason(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_string_lossy();
    if name.starts_with("~$") || name.starts_with(".~lock.") {
        Some("an office lock file")
    } else if name == ".DS_Store"
        || name.starts_with("._")
        || name == "Thumbs.db"
        || name == "desktop.ini"
    {
        Some("system litter")
    } else if format_of(path).is_none()
        && !sniff::is_legacy_ending(path)
        && !sniff::readable_by_content(path)
    {
        Some("not a format referat reads")
    } else {
        None
    }
}

/// Walks `paths`. A file named explicitly is always taken (and fails later if its type is
/// unknown); inside folders, lock files, system litter and unknown formats are skipped.
/// Symbolic links are followed; a link that leads back into a folder being walked is reported
/// once as an error and not followed.
pub fn walk(paths: &[PathBuf]) -> Walked {
    let mut w = Walked::default();
    for p in paths {
        if p.is_file() {
            w.files.push(p.clone());
            continue;
        }
        if !p.exists() {
            w.errors.push(Error::Io {
                path: p.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
            continue;
        }
        for entry in WalkDir::new(p).follow_links(true).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => match skip_reason(e.path()) {
                    Some(reason) => w.skipped.push((e.into_path(), reason)),
                    None => w.files.push(e.into_path()),
                },
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone());
                    let reason = if e.loop_ancestor().is_some() {
                        "a symbolic link loops back to a folder above it; not followed".to_string()
                    } else {
                        e.io_error()
                            .map_or_else(|| e.to_string(), |io| io.to_string())
                    };
                    w.errors.push(Error::Io {
                        path,
                        source: std::io::Error::other(reason),
                    });
                }
            }
        }
    }
    w.files.sort();
    w.files.dedup();
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_files_litter_and_unknown_formats_are_skipped() {
        for (name, skipped) in [
            ("~$referat.docx", true),
            (".~lock.referat.odt#", true),
            (".DS_Store", true),
            ("._referat.pdf", true),
            ("Thumbs.db", true),
            ("billede.jpg", true),
            ("referat.pdf", false),
            ("referat.txt", false),
        ] {
            assert_eq!(skip_reason(Path::new(name)).is_some(), skipped, "{name}");
        }
    }
}
