#!/usr/bin/env python3
"""Regression gate: score a referat build on the development set and fail when a figure drops
below the floor committed in .ci/quality-floors.json.

usage: quality-gate.py --bin target/release/referat [--shared ../shared] [--floors FILE]
Exit 0 when every floor holds, 1 when one is broken, 2 when the scorer could not run.
"""
import argparse
import json
import os
import subprocess
import sys


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stdout, out.stderr, file=sys.stderr)
        raise SystemExit(f"scorer failed: {' '.join(cmd)}")
    return out.stdout


def search_scores(binary, shared, gold, judged):
    """The judged search queries (shared/dev-eval/search, with the repo's extended judgments in
    tests/search) on an index of the 40 Greve .txt meetings: mean nDCG@10, the share of queries
    with a relevant item that get any hit, and the case-number queries' nDCG@10."""
    import shutil
    import tempfile
    work = tempfile.mkdtemp(prefix="referat-search-gate-")
    try:
        docs = os.path.join(work, "docs")
        os.makedirs(docs)
        for name in sorted(os.listdir(gold)):
            if name.endswith(".txt"):
                shutil.copy(os.path.join(gold, name), docs)
        idx, ndjson, out = (os.path.join(work, n) for n in ("idx", "all.ndjson", "eval.json"))
        run([binary, "ingest", docs, "--index", idx, "--quiet"])
        run([binary, "export", docs, "--out", ndjson, "--quiet"])
        run([sys.executable, os.path.join(shared, "dev-eval", "search", "eval_search.py"), "--bin", binary,
             "--index", idx, "--ndjson", ndjson, "--no-pg", "--queries", os.path.join(judged, "queries.tsv"),
             "--qrels", os.path.join(judged, "qrels.tsv"), "--json", out])
        per = json.load(open(out))["metrics"]["referat"]
        queries = {}
        for line in open(os.path.join(judged, "queries.tsv"), encoding="utf-8"):
            if not line.startswith("#") and line.strip():
                parts = line.rstrip("\n").split("\t")
                queries[parts[0]] = parts[3] if len(parts) > 3 else ""
        ids = sorted(per)
        case = [per[q]["ndcg10"] for q in ids if queries.get(q) == "case-number"]
        return {
            "ndcg10": sum(per[q]["ndcg10"] for q in ids) / len(ids),
            "queries_with_hits": sum(1 for q in ids if per[q]["hits"] > 0) / len(ids),
            "case_number_ndcg10": min(case) if case else None,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--floors", default=os.path.join(here, "quality-floors.json"))
    a = ap.parse_args()
    floors = json.load(open(a.floors))
    gold = os.path.join(a.shared, "dev-eval")
    if not os.path.isdir(gold):
        print(f"quality gate: no development set at {gold}", file=sys.stderr)
        return 2
    results = {}
    for ext in [k for k in floors if k in ("txt", "pdf")]:
        results[ext] = json.loads(run([sys.executable, os.path.join(a.shared, "eval", "score.py"), "--bin", a.bin,
                                       "--gold-dir", gold, "--ext", ext, "--json"]).split("\nscore:")[0])
    # one group per outcome file: Greve (outcomes.jsonl), Aarhus 1997-2020, Copenhagen 2026
    outcome_files = {"outcomes": "outcomes.jsonl", "outcomes_aarhus": "outcomes-aarhus.jsonl",
                     "outcomes_kk": "outcomes-kk.jsonl"}
    for group, name in outcome_files.items():
        if group in floors:
            results[group] = json.loads(run([sys.executable, os.path.join(a.shared, "eval", "score_outcomes.py"),
                                             "--bin", a.bin, "--gold", os.path.join(gold, name),
                                             "--json"]).split("\nscore:")[0])
    if "json" in floors:
        # the same meetings as FirstAgenda Publication API JSON, scored against the same gold
        inputs = os.path.join(a.shared, "formats", "firstagenda-json")
        results["json"] = json.loads(run([sys.executable, os.path.join(a.shared, "eval", "score.py"), "--bin", a.bin,
                                          "--gold-dir", gold, "--inputs-dir", inputs, "--ext", "json",
                                          "--json"]).split("\nscore:")[0])
    if "search" in floors:
        results["search"] = search_scores(a.bin, a.shared, gold, os.path.join(here, "..", "tests", "search"))
    broken = passed = 0
    for group, metrics in floors.items():
        if group.startswith("_"):
            continue
        for name, floor in metrics.items():
            value = results[group].get(name)
            ok = isinstance(value, (int, float)) and value == value and value >= floor
            print(f"{group:16} {name:24} {value if value is None else round(value, 3):>7}  floor {floor:.3f}  {'ok' if ok else 'BROKEN'}")
            broken += not ok
            passed += ok
    print(f"quality: {passed} passed, {broken} failed")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
