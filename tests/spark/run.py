#!/usr/bin/env python3
"""The Spark test: the parse job on a standalone cluster of two workers on loopback, against a
local `referat ingest` of the same files.

Installs pyspark into a virtual environment when it is missing (and Java when `java` is not
found), builds nothing itself (give it a release binary), starts a master and two workers on
127.0.0.1, runs dist/spark/parse_job.py on corpus/ plus broken files, ingests the part files
with `referat ingest --ndjson`, and checks:
  - the index holds the same records as `referat ingest corpus <broken>` builds locally;
  - every broken file is in the job's error summary with its code, and nothing else is;
  - ingesting the part files again changes nothing (sha256 idempotence);
  - a record's text came through for documents without agenda items.
Every process it started is stopped, also when a check fails. Exit code 0 when all hold.

    python3 tests/spark/run.py --bin target/release/referat
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "dist", "spark"))

from standalone import Cluster  # noqa: E402

# The broken files and the error code each must get.
BROKEN = {
    "empty.txt": (b"", "empty"),
    "garbage.pdf": (b"this was never a PDF\n", "not_pdf"),
    "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "unsupported_doc"),
}


def venv_python(venv):
    """A Python with pyspark: the venv's, made and filled when it is missing."""
    python = os.path.join(venv, "bin", "python")
    if subprocess.run([python, "-c", "import pyspark"], stderr=subprocess.DEVNULL,
                      stdout=subprocess.DEVNULL).returncode if os.path.exists(python) else 1:
        print(f"spark test: installing pyspark into {venv}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "pyspark==3.5.*"], check=True)
    return python


def ensure_java():
    if shutil.which("java"):
        return
    print("spark test: installing Java (openjdk-17-jre-headless)", flush=True)
    subprocess.run(["apt-get", "update"], check=True)
    subprocess.run(["apt-get", "install", "-y", "openjdk-17-jre-headless"], check=True)


def referat(binary, *args, ok=(0,)):
    done = subprocess.run([binary, *args], cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if done.returncode not in ok:
        sys.exit(f"spark test: referat {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done


def records(binary, index):
    out = referat(binary, "--quiet", "export", "--from-index", "--index", index).stdout
    return sorted(out.splitlines())


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "referat"))
    p.add_argument("--venv", default=os.path.join(ROOT, "target", "spark-venv"))
    p.add_argument("--scratch", default=os.path.join(ROOT, "target", "spark-test"))
    args = p.parse_args()
    binary = os.path.abspath(args.bin)
    scratch = os.path.abspath(args.scratch)
    ensure_java()
    python = venv_python(os.path.abspath(args.venv))

    shutil.rmtree(scratch, ignore_errors=True)
    broken = os.path.join(scratch, "broken")
    os.makedirs(broken)
    for name, (data, _) in BROKEN.items():
        with open(os.path.join(broken, name), "wb") as f:
            f.write(data)
    rel_broken = os.path.relpath(broken, ROOT)
    inputs = ["corpus", rel_broken]
    parsed = os.path.join(scratch, "parsed")

    with Cluster(python, workers=2, cores=1, scratch=os.path.join(scratch, "cluster")) as cluster:
        print(f"spark test: 2 workers at {cluster.url}", flush=True)
        job = cluster.submit(
            "--conf", "spark.log.level=WARN",
            os.path.join(ROOT, "dist", "spark", "parse_job.py"),
            "--binary", binary, "--root", ROOT, "--output", parsed, "--partitions", "4", *inputs,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if job.returncode != 0:
        sys.exit(f"spark test: the job failed ({job.returncode}):\n{job.stderr[-4000:]}")
    summary = json.loads(job.stdout.strip().splitlines()[-1])
    print(f"spark test: job summary {summary}", flush=True)

    failures = []
    listed = referat(binary, "parse", "--list", *inputs).stdout.split()
    if summary["files"] != len(listed) or summary["errors"] != len(BROKEN):
        failures.append(f"summary counts {summary} against {len(listed)} files, {len(BROKEN)} broken")
    with open(os.path.join(parsed, "_errors.ndjson"), encoding="utf-8") as f:
        errors = {os.path.basename(e["path"]): e["code"] for e in map(json.loads, f)}
    want = {name: code for name, (_, code) in BROKEN.items()}
    if errors != want:
        failures.append(f"error summary {errors}, expected {want}")

    local, spark = os.path.join(scratch, "idx-local"), os.path.join(scratch, "idx-spark")
    referat(binary, "--quiet", "ingest", "--index", local, *inputs, ok=(1,))
    referat(binary, "--quiet", "ingest", "--index", spark, "--ndjson", parsed, ok=(1,))
    a, b = records(binary, local), records(binary, spark)
    if not a or a != b:
        failures.append(f"the indexes differ: {len(a)} local records, {len(b)} from Spark, "
                        f"{len(set(a) ^ set(b))} not in both")
    if not any(re.search(r'"punkt":null.*"text":"[^"]', r) for r in b):
        failures.append("no document without agenda items kept its text")
    again = referat(binary, "--json", "ingest", "--index", spark, "--ndjson", parsed, ok=(1,))
    tail = json.loads(again.stderr.strip().splitlines()[-1])["summary"]
    if tail["indexed"] != 0 or tail["unchanged"] != summary["documents"]:
        failures.append(f"ingesting the same NDJSON again changed the index: {tail}")

    for f in failures:
        print("spark test FAILED:", f, file=sys.stderr)
    if not failures:
        print(f"spark test: ok ({len(b)} records equal, {len(errors)} broken files reported, "
              f"re-ingest unchanged)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
