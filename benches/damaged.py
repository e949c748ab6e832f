#!/usr/bin/env python3
"""Damaged-PDF benchmark: how many damaged copies of the corpus PDFs referat still reads,
side by side with pdftotext on the same files.

Each copy is one corpus PDF with a few random bytes changed, deleted or inserted (what old
disks, broken uploads and buggy generators leave), made with a fixed seed so the set is the
same on every run. A file "yields text" for pdftotext when it prints any non-blank text, for
referat when `referat parse` returns a document (not an error) for it.

usage: python3 benches/damaged.py [--bin target/release/referat] [--count 300] [--seed 7]
       [--keep DIR]
Prints one line per tool and a final `damaged: referat N/T, pdftotext M/T, ratio R` line;
exits 1 if referat panicked or hung on any file.
"""
import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time


def mutate(data, rng):
    """A copy of `data` with 1-3 damages, each a run of 1-8 bytes changed, deleted or inserted."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        op = rng.choice(["change", "delete", "insert"])
        n = rng.randint(1, 8)
        at = rng.randrange(0, max(1, len(b) - n))
        if op == "change":
            for i in range(n):
                b[at + i] = rng.randrange(256)
        elif op == "delete":
            del b[at:at + n]
        else:
            b[at:at] = bytes(rng.randrange(256) for _ in range(n))
    return bytes(b)


def make_set(corpus, out, count, seed):
    rng = random.Random(seed)
    pdfs = sorted(glob.glob(os.path.join(corpus, "*.pdf")))
    names = []
    for i in range(count):
        src = pdfs[i % len(pdfs)]
        data = open(src, "rb").read()
        name = f"{i:04d}-{os.path.basename(src)}"
        with open(os.path.join(out, name), "wb") as f:
            f.write(mutate(data, rng))
        names.append(name)
    return names


def pdftotext_reads(path):
    try:
        r = subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return False
    return bool(r.stdout.strip())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "referat"))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "corpus"))
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", help="write the damaged files here and keep them")
    a = ap.parse_args()
    tmp = a.keep or tempfile.mkdtemp(prefix="referat-damaged-")
    os.makedirs(tmp, exist_ok=True)
    try:
        names = make_set(a.corpus, tmp, a.count, a.seed)
        started = time.time()
        r = subprocess.run([a.bin, "parse", "--ndjson", "--json", tmp], capture_output=True, text=True,
                           timeout=60 * 30, env=dict(os.environ, REFERAT_PDF_TIMEOUT_SECS="20"))
        seconds = time.time() - started
        read = set()
        for line in r.stdout.splitlines():
            read.add(os.path.basename(json.loads(line)["source"]["path"]))
        codes = {}
        for line in r.stderr.splitlines():
            d = json.loads(line)
            if "error" in d:
                codes[d["error"]["code"]] = codes.get(d["error"]["code"], 0) + 1
        poppler = sum(pdftotext_reads(os.path.join(tmp, n)) for n in names)
        total = len(names)
        print(f"referat   {len(read)}/{total} read in {seconds:.1f} s; errors by code: {json.dumps(codes, sort_keys=True)}")
        print(f"pdftotext {poppler}/{total} read")
        ratio = len(read) / poppler if poppler else float("nan")
        print(f"damaged: referat {len(read)}/{total}, pdftotext {poppler}/{total}, ratio {ratio:.3f}")
        bad = codes.get("pdf_panic", 0) + codes.get("timeout", 0)
        return 1 if bad else 0
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
