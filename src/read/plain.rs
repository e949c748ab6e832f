//! The plain-text reader: `.txt`, `.md` and saved web pages as text, decoded and cleaned.

use std::path::Path;

use super::text::Text;
use super::{clean, decode};
use crate::error::{Error, Result};

/// The text of a text file and the name of its encoding.
pub fn read(path: &Path, bytes: &[u8]) -> Result<(Text, &'static str)> {
    let d = decode::decode(bytes).map_err(|reason| Error::NotText {
        path: path.to_path_buf(),
        reason,
    })?;
    let text = Text {
        cleaned: clean::clean(&d.text),
        pages: Vec::new(),
        engine: None,
        warnings: Vec::new(),
        structure: None,
    };
    Ok((text, d.encoding))
}
