#!/usr/bin/env python3
"""Rewrite tests/data/realworld_gaps.txt: the sure-labelled real lines the
reader does not answer as labelled. Prints lines that fail now but were not
listed before (a regression to look at before accepting) and lines fixed.

    cargo build --release && python3 scripts/realworld_gaps.py
"""
import csv, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("RANKINFO", os.path.join(ROOT, "target", "release", "rankinfo"))
FILES = [
    "realworld_sure.tsv",
    "realworld_extra.tsv",
    "realworld_holdout.tsv",
    "realworld_holdout2.tsv",
    "realworld_holdout3.tsv",
    "realworld_holdout4.tsv",
    "realworld_holdout5.tsv",
    "realworld_holdout6.tsv",
    "realworld_holdout7.tsv",
    "realworld_holdout8.tsv",
    "realworld_holdout9.tsv",
    "realworld_holdout10.tsv",
    "realworld_holdout11.tsv",
    "realworld_holdout12.tsv",
]
GAPS = os.path.join(ROOT, "tests", "data", "realworld_gaps.txt")


def rows():
    for name in FILES:
        with open(os.path.join(ROOT, "tests", "data", name), encoding="utf-8") as f:
            lines = [l for l in f if not l.startswith("#")]
        yield from (r for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
                    if r["certainty"] == "sure")


def main():
    sure = list(rows())
    out = subprocess.run([BIN, "resolve", "--json"], check=True, capture_output=True,
                         input="".join(r["text"] + "\n" for r in sure).encode()).stdout.decode()
    failing = [r["text"] for r, a in zip(sure, out.splitlines())
               if (json.loads(a)["level"] or "NONE") != r["expected_level"]]
    with open(GAPS, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = [l for l in lines if l.startswith("#")]
    before = {l for l in lines if l and not l.startswith("#")}
    for t in failing:
        if t not in before:
            print("new failure:", t)
    for t in sorted(before - set(failing)):
        print("fixed:", t)
    with open(GAPS, "w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\n" + "".join(t + "\n" for t in failing))
    print(f"{len(failing)} gaps of {len(sure)} sure lines", file=sys.stderr)


if __name__ == "__main__":
    main()
