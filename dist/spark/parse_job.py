#!/usr/bin/env python3
"""Parse an archive on a Spark cluster: every partition of file paths is piped through the
referat binary on a worker (`referat parse --stdin-paths`), and the documents come out as NDJSON
part files that one machine then indexes (`referat ingest --ndjson OUTPUT`).

    spark-submit --master spark://HOST:7077 dist/spark/parse_job.py \\
        --binary target/release/referat --root /mnt/archive --output /mnt/out/parsed \\
        minutes/ reports/

The inputs are files or folders relative to --root, a folder every worker sees at the same
place (a mounted share; the working folder on one machine). The driver lists them with the
binary itself (`referat parse --list`, so the job takes exactly the files `referat ingest`
would), ships the binary to the workers with the job, and writes:

    OUTPUT/part-00000 ...   one line per file: its document (with its text), or
                            {"error": {"path", "code", "reason"}} for a file that failed
    OUTPUT/_SUCCESS         Spark's marker: every partition was committed once
    OUTPUT/_errors.ndjson   the files that failed, one {"path", "code", "reason"} a line
    OUTPUT/_summary.json    files, documents, errors, partitions, seconds

A bad file is an error line, never a failed task; a task fails (and Spark retries it) only when
the binary cannot run or its output is cut short. Part files are written through Spark's output
committer, so a retried task never leaves its lines twice.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time


def arguments(argv=None):
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", help="files or folders, relative to --root")
    p.add_argument("--output", required=True, help="the folder for the NDJSON part files")
    p.add_argument("--binary", default="target/release/referat", help="the referat binary to ship to the workers")
    p.add_argument("--root", default=".", help="the folder the inputs are relative to, the same on every worker")
    p.add_argument("--partitions", type=int, default=0,
                   help="partitions of the file list (default: 2 per core of the cluster, at most 1 per file)")
    p.add_argument("--threads-per-task", type=int, default=1,
                   help="parser threads in each referat process (Spark runs one task per core)")
    p.add_argument("--overwrite", action="store_true", help="remove OUTPUT first if it exists")
    return p.parse_args(argv)


def list_files(binary, root, inputs):
    """The files referat would parse under the inputs, as the binary's own walk finds them."""
    done = subprocess.run([binary, "--quiet", "parse", "--list", *inputs], cwd=root,
                          stdout=subprocess.PIPE, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"parse_job: {binary} parse --list failed with exit code {done.returncode}")
    if done.returncode == 1:
        print("parse_job: some inputs could not be walked (see above); going on with the rest",
              file=sys.stderr)
    text = done.stdout.decode("utf-8", "surrogateescape")
    return [line for line in text.split("\n") if line]


def parse_partition(binary_name, root, threads):
    """The function each task runs: its paths through one referat process, lines back in
    order. Fails the task (for Spark to retry) if the process fails or answers short."""

    def run(paths):
        from pyspark import SparkFiles

        paths = list(paths)
        if not paths:
            return
        binary = SparkFiles.get(binary_name)
        os.chmod(binary, 0o755)
        proc = subprocess.Popen(
            [binary, "--quiet", "-j", str(threads), "parse", "--stdin-paths"],
            cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )

        def feed():
            try:
                for path in paths:
                    proc.stdin.write(path.encode("utf-8", "surrogateescape") + b"\n")
                proc.stdin.close()
            except BrokenPipeError:
                pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        lines = 0
        for raw in proc.stdout:
            lines += 1
            yield raw.decode("utf-8").rstrip("\n")
        writer.join()
        code = proc.wait()
        if code != 0 or lines != len(paths):
            raise RuntimeError(
                f"referat parse --stdin-paths exited with {code} after {lines} of {len(paths)} files")

    return run


def tally(lines):
    """Per partition of the output: its error records and how many documents it holds."""
    documents = 0
    for line in lines:
        if line.startswith('{"error":'):
            yield ("error", json.loads(line)["error"])
        else:
            documents += 1
    yield ("documents", documents)


def main(argv=None):
    args = arguments(argv)
    from pyspark import SparkConf, SparkContext

    started = time.time()
    root = os.path.abspath(args.root)
    binary = os.path.abspath(args.binary)
    output = os.path.abspath(args.output)
    if os.path.exists(output):
        if not args.overwrite:
            sys.exit(f"parse_job: {output} exists (use --overwrite to replace it)")
        shutil.rmtree(output)
    files = list_files(binary, root, args.inputs)
    if not files:
        sys.exit("parse_job: no files to parse under " + " ".join(args.inputs))

    sc = SparkContext(conf=SparkConf().setAppName("referat parse"))
    try:
        sc.addFile(binary)
        partitions = args.partitions or min(len(files), max(1, sc.defaultParallelism * 2))
        parsed = sc.parallelize(files, partitions).mapPartitions(
            parse_partition(os.path.basename(binary), root, args.threads_per_task))
        parsed.saveAsTextFile(output)
        errors, documents = [], 0
        for kind, value in sc.textFile(output).mapPartitions(tally).collect():
            if kind == "error":
                errors.append(value)
            else:
                documents += value
    finally:
        sc.stop()

    errors.sort(key=lambda e: e["path"])
    with open(os.path.join(output, "_errors.ndjson"), "w", encoding="utf-8") as f:
        for e in errors:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    summary = {
        "files": len(files),
        "documents": documents,
        "errors": len(errors),
        "partitions": partitions,
        "seconds": round(time.time() - started, 3),
        "output": output,
    }
    with open(os.path.join(output, "_summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    print(json.dumps(summary))
    if documents + len(errors) != len(files):
        sys.exit(f"parse_job: {len(files)} files listed but {documents + len(errors)} lines written")


if __name__ == "__main__":
    main()
