#!/usr/bin/env python3
"""Load check of `referat serve` (not a timed test; CI does not run it).

Ingests a folder into a temporary index, starts `referat serve` on a free loopback port, and
sends `/api/v1/search` requests for the judged query set (queries.tsv of the development set,
its referat flags mapped to API parameters) from concurrent clients, each on its own
keep-alive connection, for a fixed number of rounds. Prints requests/s and latency
percentiles per concurrency level. Loopback only; every loop is bounded.

    cargo build --release
    python3 benches/serve_load.py --docs ../shared/dev-eval --clients 1 4 16 --rounds 40
"""

import argparse
import csv
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse


def queries(path):
    """(query, params) of each line of queries.tsv, flags as API parameters."""
    out = []
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            q, flags = row[1], row[2].split()
            params = {"q": q, "limit": "10"}
            for name, value in zip(flags[::2], flags[1::2]):
                params[name.lstrip("-")] = value
            out.append(params)
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(port, paths, rounds, latencies, errors):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(rounds):
        for path in paths:
            start = time.perf_counter()
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            latencies.append(time.perf_counter() - start)
            if r.status != 200:
                errors.append(r.status)
    conn.close()


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/referat")
    ap.add_argument("--docs", default="../shared/dev-eval", help="folder of .txt files to ingest")
    ap.add_argument("--queries", default=None, help="queries.tsv (default: DOCS/search/queries.tsv)")
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--rounds", type=int, default=40, help="passes over the query set per client")
    args = ap.parse_args()
    qfile = args.queries or os.path.join(args.docs, "search", "queries.tsv")
    params = queries(qfile)
    paths = ["/api/v1/search?" + urllib.parse.urlencode(p) for p in params]

    work = tempfile.mkdtemp(prefix="referat-load-")
    try:
        docs = os.path.join(work, "docs")
        os.mkdir(docs)
        for name in sorted(os.listdir(args.docs)):
            if name.endswith(".txt"):
                shutil.copy(os.path.join(args.docs, name), docs)
        index = os.path.join(work, "idx")
        subprocess.run([args.bin, "ingest", docs, "--index", index, "-q"], check=True)
        stats = json.loads(subprocess.run([args.bin, "stats", "--json", "--index", index],
                                          check=True, capture_output=True, text=True).stdout)
        port = free_port()
        server = subprocess.Popen([args.bin, "serve", "-q", "--index", index, "--bind", f"127.0.0.1:{port}"])
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            # warm up: one pass
            client(port, paths, 1, [], [])
            print(f"index: {stats['documents']} documents, {stats['records']} records; "
                  f"{len(paths)} queries x {args.rounds} rounds per client; {os.cpu_count()} cores")
            print(f"{'clients':>7} {'requests':>8} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'errors':>6}")
            for n in args.clients:
                latencies, errors = [], []
                threads = [threading.Thread(target=client, args=(port, paths, args.rounds, latencies, errors))
                           for _ in range(n)]
                start = time.perf_counter()
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                elapsed = time.perf_counter() - start
                print(f"{n:>7} {len(latencies):>8} {len(latencies) / elapsed:>8.0f} "
                      f"{percentile(latencies, 50) * 1000:>7.1f} {percentile(latencies, 90) * 1000:>7.1f} "
                      f"{percentile(latencies, 99) * 1000:>7.1f} {len(errors):>6}")
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
