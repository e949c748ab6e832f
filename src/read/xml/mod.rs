//! Case-system XML: SBSYS publication XML (`sbsys.rs`), Acadre agenda exports and publishing
//! manifests (`acadre.rs`), eDoc / Fujitsu agenda XML (`edoc.rs`), told apart by their root
//! element and namespaces, never by file name. The bytes are read leniently (`tree.rs`); the
//! items, numbers, titles, case numbers, closed flags and fields come from the elements by
//! name and are rendered in the canonical layout (`super::render`). XML of another family is
//! read as its text, with a warning.

mod acadre;
mod edoc;
mod sbsys;
pub mod tree;

use super::render::Render;
use super::text::Text;
use tree::Element;

/// The case systems whose XML referat knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Sbsys,
    Acadre,
    AcadreManifest,
    Edoc,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Sbsys => "sbsys",
            Family::Acadre => "acadre",
            Family::AcadreManifest => "acadre-manifest",
            Family::Edoc => "edoc",
        }
    }
}

/// The local name of the root element of XML text (prolog, comments and doctype skipped).
pub fn root_name(text: &str) -> Option<String> {
    let mut t = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(r) = t.strip_prefix("<?") {
            t = r.split_once("?>")?.1.trim_start();
        } else if let Some(r) = t.strip_prefix("<!--") {
            t = r.split_once("-->")?.1.trim_start();
        } else if t.starts_with("<!") {
            t = t.split_once('>')?.1.trim_start();
        } else {
            break;
        }
    }
    let r = t.strip_prefix('<')?;
    let name: String = r
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.'))
        .collect();
    let local = name.rsplit(':').next()?.to_string();
    (!local.is_empty()).then_some(local)
}

/// The family of XML from its first few KB: root element and namespaces.
pub fn family_of(text: &str) -> Option<Family> {
    let root = root_name(text)?;
    let lower = text.to_lowercase();
    match root.to_lowercase().as_str() {
        "publication" => Some(Family::Sbsys),
        _ if lower.contains("fujitsu.dk/agenda") => Some(Family::Edoc),
        // an agenda export holds its items; a manifest names the agenda too, but no items
        "root" if lower.contains("<table name=\"agendaitem") => Some(Family::Acadre),
        "root" if lower.contains("<org>") || lower.contains("producedagenda") => {
            Some(Family::AcadreManifest)
        }
        "root" if lower.contains("<table name=\"agenda\"") => Some(Family::Acadre),
        _ => None,
    }
}

/// The family of a parsed tree (names of its root and children).
fn family(root: &Element, text: &str) -> Option<Family> {
    let name = root.name.to_lowercase();
    if name == "publication" && root.descendants().iter().any(|e| e.name == "Agenda") {
        return Some(Family::Sbsys);
    }
    if root.descendants().iter().any(|e| e.name == "AgendaElement") {
        return Some(Family::Edoc);
    }
    family_of(&text[..text.len().min(64 * 1024)])
}

/// The text of a case-system XML file and the encoding it was decoded from.
pub fn read(bytes: &[u8]) -> (Text, &'static str) {
    let mut warnings = Vec::new();
    let (text, encoding) = tree::decode(bytes, &mut warnings);
    let clean = tree::sanitize(&text, &mut warnings);
    let root = tree::parse(&clean, &mut warnings);
    let mut r = Render::default();
    r.warnings = warnings;
    let fam = family(&root, &clean);
    match fam {
        Some(Family::Sbsys) => sbsys::render(&root, &mut r),
        Some(Family::Acadre) => acadre::render(&root, &mut r),
        Some(Family::AcadreManifest) => acadre::manifest(&root, &mut r),
        Some(Family::Edoc) => edoc::render(&root, &mut r),
        None => {
            r.warn(format!(
                "XML of an unknown family (root <{}>): read as its text",
                root.name
            ));
            for e in root.descendants() {
                for c in &e.children {
                    if let tree::Child::Text(t) = c {
                        r.lines(&tree::field_lines(t));
                    }
                }
            }
        }
    }
    let mut text = r.finish(Some(fam.map_or("xml", Family::name)));
    if text.structure.as_ref().is_some_and(|s| s.items.is_empty()) && fam.is_none() {
        text.structure = None;
    }
    (text, encoding)
}
