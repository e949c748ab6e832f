#!/usr/bin/env python3
"""The parse job on Spark against referat alone, on the same files in one run (not run by CI).

usage: benches/spark.py [--punkter N] [--bin target/release/referat] [--venv target/spark-venv]

Generates a scale corpus of N punkter (benches/scale_corpus.py, text referater) and adds the
development-set PDFs (../shared/dev-eval) and corpus/, then times, on the same file list:
  - `referat parse --stdin-paths` in one process, with 1 and with 2 threads (no Spark);
  - dist/spark/parse_job.py on a standalone cluster on loopback with 1 worker and with 2
    workers of one core each (JVM start-up, listing, shipping the binary, committing the
    parts and the error summary included);
  - `referat ingest --ndjson` of the job's output, against `referat ingest` of the sources.
Prints a Markdown table (files/s, MB/s) for the README.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "dist", "spark"))
sys.path.insert(0, os.path.join(ROOT, "tests", "spark"))

from standalone import Cluster  # noqa: E402
from run import venv_python  # noqa: E402


def timed(cmd, **kw):
    t = time.time()
    done = subprocess.run(cmd, **kw)
    return time.time() - t, done


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--punkter", type=int, default=50000)
    p.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "referat"))
    p.add_argument("--venv", default=os.path.join(ROOT, "target", "spark-venv"))
    p.add_argument("--work", default="/tmp/referat-spark-bench")
    args = p.parse_args()
    binary = os.path.abspath(args.bin)
    python = venv_python(os.path.abspath(args.venv))
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    data = os.path.join(work, "data")
    os.makedirs(data)
    subprocess.run([sys.executable, os.path.join(ROOT, "benches", "scale_corpus.py"), "--punkter",
                    str(args.punkter), "--out", os.path.join(data, "scale")], check=True,
                   stdout=subprocess.DEVNULL)
    shutil.copytree(os.path.join(ROOT, "corpus"), os.path.join(data, "corpus"))
    dev = os.path.join(ROOT, "..", "shared", "dev-eval")
    pdfs = os.path.join(data, "pdf")
    os.makedirs(pdfs)
    for root, _, names in os.walk(dev):
        for n in names:
            if n.endswith(".pdf"):
                shutil.copy(os.path.join(root, n), pdfs)
    listed = subprocess.run([binary, "parse", "--list", "."], cwd=data, stdout=subprocess.PIPE,
                            check=True).stdout
    files = listed.decode().split()
    size = sum(os.path.getsize(os.path.join(data, f)) for f in files)
    rows = []

    def row(what, seconds):
        rows.append((what, seconds, len(files) / seconds, size / seconds / 1e6))
        print(f"{what}: {seconds:.1f} s", file=sys.stderr, flush=True)

    for threads in (1, 2):
        s, _ = timed([binary, "--quiet", "-j", str(threads), "parse", "--stdin-paths"], cwd=data,
                     input=listed, stdout=subprocess.DEVNULL, check=True)
        row(f"referat parse --stdin-paths, {threads} thread{'s' if threads > 1 else ''}", s)
    out = None
    for workers in (1, 2):
        out = os.path.join(work, f"parsed-{workers}")
        with Cluster(python, workers=workers, cores=1, scratch=os.path.join(work, "cluster")) as c:
            s, _ = _submit(c, binary, data, out)
        row(f"parse_job.py, Spark standalone, {workers} worker{'s' if workers > 1 else ''} x 1 core", s)
    s, _ = timed([binary, "--quiet", "ingest", "--index", os.path.join(work, "idx-nd"), "--ndjson",
                  out], stdout=subprocess.DEVNULL)
    row("referat ingest --ndjson of the job's output (2 threads)", s)
    s, _ = timed([binary, "--quiet", "ingest", "--index", os.path.join(work, "idx-src"), "."],
                 cwd=data, stdout=subprocess.DEVNULL)
    row("referat ingest of the sources (2 threads)", s)

    print(f"\n{len(files)} files, {size / 1e6:.0f} MB ({args.punkter} generated punkter, "
          f"the development-set PDFs, corpus/)\n")
    print("| run | seconds | files/s | MB/s |\n|---|---:|---:|---:|")
    for what, s, fps, mbs in rows:
        print(f"| {what} | {s:.1f} | {fps:.0f} | {mbs:.1f} |")


def _submit(cluster, binary, data, out):
    t = time.time()
    done = cluster.submit("--conf", "spark.log.level=WARN",
                          os.path.join(ROOT, "dist", "spark", "parse_job.py"),
                          "--binary", binary, "--root", data, "--output", out, ".",
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"the job failed:\n{done.stderr[-3000:]}")
    return time.time() - t, done


if __name__ == "__main__":
    main()
