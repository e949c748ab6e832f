#!/usr/bin/env python3
"""A deterministic scale corpus: real agenda items recombined into as many referater as asked.

usage: scale_corpus.py --punkter N --out DIR [--seed S] [--source DIR ...]

The items are cut from the text referater of the development set (`../shared/dev-eval/*.txt`,
the Greve layout: `N. Title` then `Sag: NN-NNNNNN | Åbent`, sections as `Heading:` lines, tab
tables of budget figures, decisions of every outcome) and, where given, other folders of such
files. Each generated referat has a municipality, a committee, a date between 1990 and 2025,
a meeting head and 8 to 30 items drawn with replacement, renumbered, each with a fresh case
number. Files are written as they are made (1,000 a folder), so memory stays flat up to a
million punkter; the same arguments give the same bytes.
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december"]
MUNICIPALITIES = ["Greve", "Solrød", "Køge", "Roskilde", "Holbæk", "Kalundborg", "Næstved", "Vejle",
                  "Horsens", "Silkeborg", "Viborg", "Herning", "Randers", "Svendborg", "Sønderborg",
                  "Esbjerg", "Hjørring", "Frederikshavn", "Thisted", "Skive"]
BODIES = ["Byrådet", "Økonomiudvalget", "Teknik- og Miljøudvalget", "Børne- og Skoleudvalget",
          "Social- og Sundhedsudvalget", "Kultur- og Fritidsudvalget", "Plan- og Boligudvalget",
          "Beskæftigelsesudvalget", "Klima-, Teknik- og Miljøudvalget", "Ældre- og Omsorgsudvalget"]
PLACES = ["Byrådssalen", "Mødelokale 1", "Rådhuset", "Udvalgsværelset", "Biblioteket"]
HEADER = re.compile(r"^(\d+)\. (.+)$")
CASE = re.compile(r"^Sag: [^|]*(\|.*)?$")


def items_of(text):
    """The item blocks of a Greve-layout referat: each from its `N. Title` line (with a `Sag:`
    line under it) to the next."""
    lines = text.splitlines()
    starts = [i for i in range(len(lines) - 1) if HEADER.match(lines[i]) and CASE.match(lines[i + 1])]
    blocks = []
    for a, b in zip(starts, starts[1:] + [len(lines)]):
        title = HEADER.match(lines[a]).group(2)
        access = CASE.match(lines[a + 1]).group(1) or ""
        body = "\n".join(lines[a + 2:b]).strip("\n")
        blocks.append((title, access, body))
    return blocks


def load(sources):
    blocks = []
    for folder in sources:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    blocks.extend(items_of(fh.read()))
    return blocks


def document(rng, blocks, n_items):
    year = rng.randint(1990, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    town = rng.choice(MUNICIPALITIES)
    body = rng.choice(BODIES)
    head = [f"{town} Kommune — {body} — Referat — {day}. {MONTHS[month - 1]} {year}",
            f"Tidspunkt: kl. {rng.randint(8, 19):02d}.00",
            f"Sted: {rng.choice(PLACES)}", ""]
    out = head
    for n in range(1, n_items + 1):
        title, access, text = rng.choice(blocks)
        case = f"{year % 100:02d}-{rng.randint(0, 999999):06d}"
        out.append(f"{n}. {title}")
        out.append(f"Sag: {case} {access}".rstrip())
        out.append("")
        out.append(text)
        out.append("")
    return "\n".join(out) + "\n", year, month, day, town, body


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--punkter", type=int, required=True, help="how many agenda items in all")
    ap.add_argument("--out", required=True, help="the folder to write (made if missing)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--source", action="append",
                    help="folders of Greve-layout .txt referater (default: ../shared/dev-eval)")
    a = ap.parse_args()
    sources = a.source or [os.path.join(HERE, "..", "..", "shared", "dev-eval")]
    blocks = load(sources)
    if not blocks:
        sys.exit(f"no items found in {sources}")
    rng = random.Random(a.seed)
    made = files = size = 0
    while made < a.punkter:
        n = min(rng.randint(8, 30), a.punkter - made)
        text, year, month, day, town, body = document(rng, blocks, n)
        folder = os.path.join(a.out, f"{files // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        name = f"{town}-{year}-{month:02d}-{day:02d}-{files:07d}.txt".lower()
        data = text.encode("utf-8")
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(data)
        made += n
        files += 1
        size += len(data)
    print(f"{files} referater, {made} punkter, {size / 1e6:.1f} MB in {a.out} "
          f"(from {len(blocks)} real items)", file=sys.stderr)


if __name__ == "__main__":
    main()
