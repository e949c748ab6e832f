#!/usr/bin/env python3
"""PDF extraction benchmark: referat's PDF path (PDF -> parsed JSON), with its native text
engine and with pdf-extract, side by side with poppler's `pdftotext -layout` (PDF -> text) in
the same run, on the corpus PDFs and on a
larger generated set of many-page PDFs (the development-set PDFs joined with qpdf).

usage: python3 benches/pdf.py [--bin target/release/referat] [--shared ../shared] [--runs 3]

Reports, per set and tool: wall time (median of --runs), pages per second on one thread and on
all cores, and peak resident memory (the largest single process). Needs pdftotext, pdfinfo and
qpdf (Debian: poppler-utils, qpdf) and GNU time (/usr/bin/time). Not a test: nothing asserts.
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile


def pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def timed(cmd, env=None, shell=False):
    """(seconds, peak RSS in MB) of a command, measured by GNU time."""
    fmt = "%e %M"
    full = ["/usr/bin/time", "-f", fmt, "-o", "/dev/stderr"]
    full += ["sh", "-c", cmd] if shell else cmd
    out = subprocess.run(full, capture_output=True, text=True, env=env)
    if out.returncode not in (0, 1):
        sys.exit(f"failed: {cmd}\n{out.stderr[-2000:]}")
    last = [l for l in out.stderr.strip().splitlines() if l.strip()][-1].split()
    return float(last[0]), int(last[1]) / 1024


def median_run(runs, cmd, **kw):
    results = [timed(cmd, **kw) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def make_large_set(shared, folder, per_file=120):
    """Joins the development-set PDFs into many-page PDFs of about `per_file` pages each."""
    sources = sorted(glob.glob(os.path.join(shared, "dev-eval", "*.pdf")))
    group, count, made = [], 0, []
    for s in sources:
        group.append(s)
        count += pages(s)
        if count >= per_file:
            made.append(join(group, folder, len(made)))
            group, count = [], 0
    if group:
        made.append(join(group, folder, len(made)))
    return made


def join(files, folder, n):
    out = os.path.join(folder, f"joined-{n:03d}.pdf")
    subprocess.run(["qpdf", "--empty", "--pages", *files, "--", out], check=True)
    return out


def bench(name, files, binary, runs, cores):
    total = sum(pages(f) for f in files)
    quoted = " ".join(f"'{f}'" for f in files)
    parse = [binary, "parse", "--ndjson", *files]
    native = dict(os.environ, REFERAT_PDF_ENGINE="native")
    fallback = dict(os.environ, REFERAT_PDF_ENGINE="pdf-extract")
    rows = [
        ("referat (native engine), 1 thread", median_run(runs, parse, env=dict(native, RAYON_NUM_THREADS="1"))),
        (f"referat (native engine), {cores} threads", median_run(runs, parse, env=native)),
        ("referat (pdf-extract engine), 1 thread", median_run(runs, parse, env=dict(fallback, RAYON_NUM_THREADS="1"))),
        (f"referat (pdf-extract engine), {cores} threads", median_run(runs, parse, env=fallback)),
        ("pdftotext -layout, 1 process", median_run(
            runs, f"for f in {quoted}; do pdftotext -layout \"$f\" /dev/null; done", shell=True)),
        (f"pdftotext -layout, {cores} processes", median_run(
            runs, f"printf '%s\\n' {quoted} | xargs -P {cores} -I{{}} pdftotext -layout {{}} /dev/null", shell=True)),
    ]
    print(f"\n{name}: {len(files)} files, {total} pages")
    print(f"| tool | seconds | pages/s | peak RSS MB |")
    print(f"|---|---:|---:|---:|")
    for label, (secs, rss) in rows:
        print(f"| {label} | {secs:.2f} | {total / secs if secs else float('inf'):.0f} | {rss:.0f} |")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "referat"))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    for tool in ("pdftotext", "pdfinfo", "qpdf"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found: apt-get install poppler-utils qpdf")
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores; runs per figure: {a.runs} (median)")
    corpus = sorted(glob.glob(os.path.join(here, "..", "corpus", "*.pdf")))
    if corpus:
        bench("corpus PDFs", corpus, a.bin, a.runs, cores)
    with tempfile.TemporaryDirectory(prefix="referat-bench-") as tmp:
        large = make_large_set(a.shared, tmp)
        bench("generated many-page PDFs (dev-eval joined)", large, a.bin, a.runs, cores)


if __name__ == "__main__":
    main()
