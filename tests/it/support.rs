//! Shared fixtures: corpus paths, parsing, schema validation.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use referat::model::Document;

/// Set to rewrite golden files and the committed schema after a deliberate change.
pub const BLESS: &str = "REFERAT_BLESS";

pub fn bless() -> bool {
    std::env::var_os(BLESS).is_some_and(|v| v != "0")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Corpus files, sorted, as paths relative to the crate root (as the CLI would print them).
pub fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| Path::new("corpus").join(p.file_name().unwrap()))
        .collect();
    files.sort();
    files
}

/// Parses a corpus document by name, from the crate root.
pub fn parse(name: &str) -> Document {
    let _cwd = CwdGuard::enter();
    referat::pipeline::parse_path(&Path::new("corpus").join(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// Tests run with the crate root as working directory (cargo does this for integration
/// tests); this asserts it instead of changing it, since the working directory is global.
pub struct CwdGuard;
impl CwdGuard {
    pub fn enter() -> Self {
        assert_eq!(
            std::env::current_dir().unwrap(),
            root(),
            "tests run from the crate root"
        );
        CwdGuard
    }
}

pub static SCHEMA: LazyLock<serde_json::Value> = LazyLock::new(|| {
    let text = std::fs::read_to_string(root().join("schemas/document.schema.json"))
        .expect("schema committed");
    serde_json::from_str(&text).expect("schema is JSON")
});

/// Validates a JSON value against the committed document schema; the errors if any.
pub fn schema_errors(value: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&SCHEMA).expect("schema compiles");
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

/// Asserts that a committed generated file (a schema) equals what the code generates now, or
/// rewrites it under REFERAT_BLESS.
pub fn assert_committed(relative: &str, generated: &str, regenerate: &str) {
    let path = root().join(relative);
    if bless() {
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{relative} is out of date with the types; regenerate it with\n  {regenerate}\n(or {BLESS}=1 cargo test)"
    );
}

/// A temporary folder, removed on drop; `tag` keeps tests apart, the process id keeps runs apart.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        let path = std::env::temp_dir().join(format!("referat-test-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    /// A path inside the folder, as a string for command lines.
    pub fn join(&self, p: &str) -> String {
        self.0.join(p).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the referat binary from the crate root with extra environment variables.
pub fn run(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

/// The JSON lines a `--json` run wrote on stderr (diagnostics: errors, warnings, the summary).
pub fn diagnostics(out: &std::process::Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("stderr line is not JSON ({e}): {l}"))
        })
        .collect()
}

/// The summary object of a `--json` run (from stderr).
pub fn summary(out: &std::process::Output) -> serde_json::Value {
    diagnostics(out)
        .into_iter()
        .find_map(|d| d.get("summary").cloned())
        .unwrap_or_else(|| {
            panic!(
                "no summary on stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        })
}

/// The `{path, code, reason}` of every file error of a `--json` run (from stderr).
pub fn file_errors(out: &std::process::Output) -> Vec<serde_json::Value> {
    diagnostics(out)
        .into_iter()
        .filter_map(|d| d.get("error").cloned())
        .collect()
}

/// A Flate stream of `chunks` MB of spaces, a few KB a megabyte: the deflate segment of one
/// megabyte of spaces after a sync flush is the same for every megabyte after the first.
pub fn bomb_stream(chunks: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut c = Compress::new(Compression::best(), true);
    let chunk = vec![b' '; 1 << 20];
    let segment = |c: &mut Compress| {
        let mut out = Vec::with_capacity(64 * 1024);
        c.compress_vec(&chunk, &mut out, FlushCompress::Sync)
            .unwrap();
        out
    };
    let first = segment(&mut c);
    let second = segment(&mut c);
    let third = segment(&mut c);
    assert_eq!(second, third, "the repeated segment is stable");
    let mut out = first;
    for _ in 1..chunks {
        out.extend_from_slice(&second);
    }
    out
}

/// A one-page PDF whose content stream inflates to `megabytes` MB (a decompression bomb).
pub fn bomb_pdf(megabytes: usize) -> Vec<u8> {
    let data = bomb_stream(megabytes);
    assert!(data.len() < 8_000_000, "{} bytes", data.len());
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let heads = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    ];
    for (i, h) in heads.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{h}\nendobj\n", i + 1).as_bytes());
    }
    offsets.push(pdf.len());
    pdf.extend(
        format!(
            "4 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
            data.len()
        )
        .as_bytes(),
    );
    pdf.extend(&data);
    pdf.extend(b"\nendstream\nendobj\n");
    let xref = pdf.len();
    pdf.extend(b"xref\n0 5\n0000000000 65535 f \n");
    for off in offsets {
        pdf.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

/// A minimal one-page PDF whose page draws `content` (Helvetica as /F1), with a correct xref.
pub fn tiny_pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// The `source.path` of each NDJSON document line, in order.
pub fn source_paths(ndjson: &str) -> Vec<String> {
    ndjson
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}
