#!/usr/bin/env python3
"""Measure the reader on real strings.

    scripts/eval_realworld.py [LABELLED.tsv ...]        # accuracy on labelled lines
    scripts/eval_realworld.py --pool career_lines.tsv   # frequent unresolved patterns
    scripts/eval_realworld.py --wrong LABELLED.tsv      # also list every wrong answer

Labelled files are TSV with a header naming at least `text`,
`expected_level` (a level name or NONE) and `certainty` (sure, likely,
unsure) — the format of shared/realworld/labelled.tsv. The reader is the
real binary (`rankinfo resolve --json`, one line in, one JSON line out), so
what is measured is what a user gets. Build it first:
`cargo build --release`, or set RANKINFO=path/to/rankinfo.

Counted over `sure` and `likely` lines (`unsure` ones are reported apart):
- coverage: the share answered with a level (NONE answered as "no level"
  counts as answered only when the line is labelled NONE);
- accuracy: answers equal to the label, a null level being right only for
  NONE;
- confident-wrong: the share of all lines answered 高 and wrong;
- precision of 高: the share of 高 answers that are right.
"""

import collections
import csv
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("RANKINFO", os.path.join(ROOT, "target", "release", "rankinfo"))


def run_reader(texts):
    """One JSON answer per text, through the real binary."""
    # Texts hold no newline (one career entry a line); guard anyway.
    data = "".join(t.replace("\r", " ").replace("\n", " ") + "\n" for t in texts)
    out = subprocess.run(
        [BIN, "resolve", "--json"], input=data.encode(), capture_output=True, check=True
    ).stdout.decode()
    answers = [json.loads(line) for line in out.splitlines() if line.strip()]
    if len(answers) != len(texts):
        sys.exit(f"eval: {len(texts)} lines in, {len(answers)} answers out")
    return answers


def read_labelled(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for i, row in enumerate(rows, start=2):
        for col in ("text", "expected_level", "certainty"):
            if row.get(col) is None:
                sys.exit(f"{path}:{i}: no column {col!r}")
    return rows


def evaluate(paths, show_wrong):
    rows = []
    for p in paths:
        rows.extend(read_labelled(p))
    answers = run_reader([r["text"] for r in rows])
    for label in ("sure+likely", "sure", "likely", "unsure"):
        keep = (lambda c: c in ("sure", "likely")) if label == "sure+likely" else (lambda c, l=label: c == l)
        pairs = [(r, a) for r, a in zip(rows, answers) if keep(r["certainty"])]
        if not pairs:
            continue
        report(label, pairs)
    per_cat = collections.defaultdict(lambda: [0, 0, 0])
    for r, a in zip(rows, answers):
        if r["certainty"] not in ("sure", "likely"):
            continue
        c = per_cat[r.get("category") or "-"]
        c[0] += 1
        c[1] += right(r, a)
        c[2] += wrong_high(r, a)
    print("\nper category (sure+likely): lines, accuracy, high-and-wrong")
    for cat, (n, ok, hw) in sorted(per_cat.items(), key=lambda kv: kv[1][1] / kv[1][0]):
        print(f"  {cat:24} {n:4}  {ok / n:6.1%}  {hw}")
    if show_wrong:
        print("\nwrong answers (certainty of label; answer, confidence; expected):")
        for r, a in zip(rows, answers):
            if not right(r, a):
                print(f"  [{r['certainty']}] {r['text']}\n      → {a['level']} ({a['confidence']}); expected {r['expected_level']}")


def got(a):
    return a["level"] or "NONE"


def right(r, a):
    return got(a) == r["expected_level"]


def wrong_high(r, a):
    return a["confidence"] == "high" and not right(r, a)


def report(label, pairs):
    n = len(pairs)
    answered = sum(1 for r, a in pairs if a["level"] or r["expected_level"] == "NONE" and right(r, a))
    ok = sum(1 for r, a in pairs if right(r, a))
    high = [(r, a) for r, a in pairs if a["confidence"] == "high"]
    high_ok = sum(1 for r, a in high if right(r, a))
    print(
        f"{label:12} lines {n:4}  coverage {answered / n:6.1%}  accuracy {ok / n:6.1%}  "
        f"confident-wrong {(len(high) - high_ok) / n:5.1%} ({len(high) - high_ok})  "
        f"precision of high {high_ok / max(len(high), 1):6.1%} ({high_ok}/{len(high)})"
    )


def shape(text):
    """A pattern for grouping unresolved lines: digits and runs of Chinese
    characters kept only at the ends (where titles and prefixes sit)."""
    t = re.sub(r"\d+", "0", text)
    return t[:4] + "…" + t[-4:] if len(t) > 10 else t


def pool(path, top=40):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [r["text"] for r in rows]
    answers = run_reader(texts)
    unresolved = [(t, a) for t, a in zip(texts, answers) if not a["level"]]
    conf = collections.Counter(a["confidence"] for a in answers if a["level"])
    print(f"pool: {len(texts)} lines, {len(texts) - len(unresolved)} with a level "
          f"({(len(texts) - len(unresolved)) / len(texts):.1%}); confidence of those: {dict(conf)}")
    why = collections.Counter()
    ends = collections.Counter()
    for t, a in unresolved:
        reason = a.get("unresolved") or first_reason(a["explanation"])
        why[reason] += 1
        ends[re.sub(r"[（(].*$", "", t)[-3:]] += 1
    print(f"\nmost frequent reasons for no level ({len(unresolved)} lines):")
    for reason, n in why.most_common(top):
        print(f"  {n:6}  {reason}")
    print("\nmost frequent endings of unresolved lines:")
    for end, n in ends.most_common(top):
        print(f"  {n:6}  …{end}")


# Most telling first: a sector or a not-held post explains a missing level
# better than the generic 层次无法确定.
REASONS = ("事业单位", "企业", "村（社区）", "军队", "不是职务", "不计层次", "未能识别", "没有识别",
           "取决于", "层次无法确定", "未计入")


def first_reason(explanation):
    """The sentence of the explanation that says why there is no level,
    with quoted text folded so that alike reasons group together."""
    s = re.sub(r"“[^”]*”", "“…”", explanation)
    sentences = [x for x in s.split("。") if x and not x.startswith("共")]
    for key in REASONS:
        for x in sentences:
            if key in x:
                return x[:60]
    return (sentences[-1] if sentences else s)[:60]


def main(argv):
    if not os.path.exists(BIN):
        sys.exit(f"eval: no binary at {BIN}: run `cargo build --release` first")
    if argv[:1] == ["--pool"]:
        pool(argv[1] if len(argv) > 1 else os.path.join(ROOT, "..", "shared", "realworld", "career_lines.tsv"))
        return
    show_wrong = "--wrong" in argv
    paths = [a for a in argv if a != "--wrong"] or [
        os.path.join(ROOT, "..", "shared", "realworld", "labelled.tsv")
    ]
    evaluate(paths, show_wrong)


if __name__ == "__main__":
    main(sys.argv[1:])
