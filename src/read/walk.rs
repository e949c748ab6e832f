//! Walking the paths a command was given: the files to read, sorted, and the paths that could
//! not be walked (each reported, none ending the run).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::format_of;
use crate::error::Error;

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
