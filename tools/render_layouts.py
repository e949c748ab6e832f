#!/usr/bin/env python3
"""Prints the development set's text meetings as PDFs in layouts of other kinds, to measure how
the PDF table reader holds up on layouts it was not built on (the Greve PDFs are one layout).

usage: python3 tools/render_layouts.py OUT_DIR [--shared ../shared] [--layouts grid,rules,...]
       python3 tools/render_layouts.py --one TEXT_FILE --layouts plain OUT.pdf  (one file)
then:  python3 ../shared/eval/score.py --bin target/release/referat --gold-dir ../shared/dev-eval \
           --inputs-dir OUT_DIR/grid --ext pdf

Each `.txt` of ../shared/dev-eval becomes simple HTML (paragraphs, TAB rows as a table whose first
row is its header) and headless Chromium prints it, so the text layer holds the same words and
the gold files score it. The layouts differ in what a table reader can lean on:

  grid     every cell ruled (Word's "Table Grid"), serif 11 pt
  rules    rules across only: above and below the header and under the table (booktabs), no
           vertical rules, sans 9 pt
  shaded   a shaded header row and zebra-shaded rows, no rules, condensed sans 9.5 pt
  plain    no rules, no shading, tight cell padding, narrow sans 9 pt, figures right-aligned
  mono     a typewriter layout: monospace 9 pt, no rules

Needs chromium (Debian: apt-get install chromium). Nothing here is used by the tests or CI.
"""
import argparse
import html
import os
import re
import subprocess
import sys
import tempfile

FIGURE = re.compile(r"^[-+−–]?\s?[0-9][0-9.]*(,[0-9]+)?\s*(%|kr\.?|mio\.? kr\.?|mia\.? kr\.?)?$")

STYLES = {
    "grid": "body{font-family:'DejaVu Serif',serif;font-size:11pt}"
            "table{border-collapse:collapse;margin:6pt 0}"
            "td,th{border:0.75pt solid #000;padding:2pt 5pt;vertical-align:top;text-align:left;font-weight:normal}",
    "rules": "body{font-family:'Liberation Sans',sans-serif;font-size:9pt}"
             "table{border-collapse:collapse;border-top:1pt solid #000;border-bottom:1pt solid #000;margin:8pt 0}"
             "th{border-bottom:0.5pt solid #000;padding:3pt 8pt;text-align:left;vertical-align:bottom}"
             "td{padding:2pt 8pt;vertical-align:top}td.n{text-align:right}",
    "shaded": "body{font-family:'DejaVu Sans Condensed','DejaVu Sans',sans-serif;font-size:9.5pt}"
              "table{border-collapse:collapse;margin:8pt 0;width:100%}"
              "th{background:#1f4e79;color:#fff;padding:3pt 6pt;text-align:left}"
              "tr:nth-child(even) td{background:#dde7f1}"
              "td{padding:2pt 6pt;vertical-align:top}td.n{text-align:right}"
              "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}",
    "plain": "body{font-family:'Liberation Sans Narrow','Liberation Sans',sans-serif;font-size:9pt}"
             "table{border-collapse:collapse;margin:6pt 0}"
             "th{padding:1pt 4pt;text-align:left;font-weight:bold}"
             "td{padding:1pt 4pt;vertical-align:top}td.n{text-align:right}",
    "mono": "body{font-family:'DejaVu Sans Mono',monospace;font-size:9pt}"
            "table{border-collapse:collapse;margin:6pt 0}"
            "th,td{padding:0 6pt;vertical-align:top;text-align:left;font-weight:normal}td.n{text-align:right}",
}


def to_html(text, style):
    out = [f"<html><head><meta charset='utf-8'><style>@page{{size:A4;margin:18mm}}{STYLES[style]}"
           "p{margin:0 0 5pt 0}</style></head><body>"]
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append([c.strip() for c in lines[i].split("\t")])
                i += 1
            width = max(len(r) for r in rows)
            out.append("<table>")
            for k, r in enumerate(rows):
                r = r + [""] * (width - len(r))
                if k == 0:
                    out.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in r) + "</tr>")
                else:
                    cells = "".join(
                        f"<td class='{'n' if FIGURE.match(c) else 't'}'>{html.escape(c)}</td>" for c in r)
                    out.append(f"<tr>{cells}</tr>")
            out.append("</table>")
            continue
        if lines[i].strip():
            out.append(f"<p>{html.escape(lines[i].strip())}</p>")
        i += 1
    out.append("</body></html>")
    return "\n".join(out)


def print_pdf(src, pdf):
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", src],
                   check=True, capture_output=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--layouts", default=",".join(STYLES))
    ap.add_argument("--one", help="print this one text file, in the first layout given, to OUT")
    a = ap.parse_args()
    if a.one:
        with tempfile.TemporaryDirectory() as tmp:
            with open(a.one, encoding="utf-8") as f:
                page = to_html(f.read(), a.layouts.split(",")[0])
            src = os.path.join(tmp, "one.html")
            with open(src, "w", encoding="utf-8") as f:
                f.write(page)
            print_pdf(src, os.path.abspath(a.out))
        return
    gold = os.path.join(a.shared, "dev-eval")
    names = sorted(n for n in os.listdir(gold) if n.endswith(".txt"))
    with tempfile.TemporaryDirectory() as tmp:
        for style in a.layouts.split(","):
            dest = os.path.join(a.out, style)
            os.makedirs(dest, exist_ok=True)
            for name in names:
                stem = name[:-4]
                with open(os.path.join(gold, name), encoding="utf-8") as f:
                    page = to_html(f.read(), style)
                src = os.path.join(tmp, stem + ".html")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(page)
                print_pdf(src, os.path.abspath(os.path.join(dest, stem + ".pdf")))
            print(f"{dest}: {len(names)} PDFs", file=sys.stderr)


if __name__ == "__main__":
    main()
