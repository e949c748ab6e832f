#!/usr/bin/env python3
"""Renders the text documents of corpus/ as PDFs (corpus/NAME.txt -> corpus/NAME.pdf), the way a
case system prints them: paragraphs as paragraphs, TAB-separated rows as real tables.

usage: python3 tools/render_corpus_pdfs.py [NAME.txt ...]
Needs LibreOffice (Debian: libreoffice-writer-nogui). The text is turned into simple HTML and
LibreOffice prints that to PDF, so the PDF's text layer holds exactly the words of the text
file. Run it after adding a text document to the corpus; commit the PDFs it writes.
"""
import html
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "corpus")


def to_html(text):
    out = ["<html><head><meta charset='utf-8'><style>"
           "body{font-family:'DejaVu Sans',sans-serif;font-size:10pt}"
           "table{border-collapse:collapse}td{border:1px solid #888;padding:2pt 4pt;vertical-align:top}"
           "</style></head><body><p>&nbsp;</p>"]
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            out.append("<table border='1' cellpadding='2' cellspacing='0'>")
            while i < len(lines) and ("\t" in lines[i] or (not lines[i].strip() and i + 1 < len(lines) and "\t" in lines[i + 1])):
                if lines[i].strip():
                    cells = lines[i].split("\t")
                    out.append("<tr>" + "".join(f"<td valign='top'>{html.escape(c.strip())}</td>" for c in cells) + "</tr>")
                i += 1
            out.append("</table>")
            continue
        if lines[i].strip():
            out.append(f"<p>{html.escape(lines[i].strip())}</p>")
        i += 1
    out.append("</body></html>")
    return "\n".join(out)


def main():
    names = sys.argv[1:] or sorted(n for n in os.listdir(CORPUS) if n.endswith(".txt"))
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            stem = os.path.splitext(os.path.basename(name))[0]
            with open(os.path.join(CORPUS, os.path.basename(name)), encoding="utf-8") as f:
                page = to_html(f.read())
            src = os.path.join(tmp, stem + ".html")
            with open(src, "w", encoding="utf-8") as f:
                f.write(page)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_web_pdf_Export",
                            "--outdir", CORPUS, src], check=True, capture_output=True)
            print(f"corpus/{stem}.pdf")


if __name__ == "__main__":
    main()
