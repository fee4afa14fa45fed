#!/usr/bin/env python3
"""Throughput of the Python package on files of titles, one per line.

Usage: python python/bench.py titles.txt [distinct.txt]
Prints "annotate: …", "annotate(level only): …" and "resolve_many: …" lines
("N strings in S s = R per second") for titles.txt, the same with
"[distinct]" for distinct.txt (a list without repeats, so that the rate does
not come from answering a repeated text once), then the import time of
rankinfo beside that of json. The text is read and split before the clock
starts. scripts/bench_python.sh runs this beside the Rust library's own rate
(examples/throughput.rs) and cpca on the same lists.

Beside resolve_many, for scale: pickle.loads of its rows (CPython's own C
unpickler making the same dicts and lists from a prepared blob, strings
shared as resolve_many shares them), and a full gc.collect() over them.
"""
import gc
import pickle
import re
import subprocess
import sys
import time

import rankinfo


def timed(label, fn, lines):
    fn(lines[:1000])  # warm up
    start = time.perf_counter()
    out = fn(lines)
    secs = time.perf_counter() - start
    print(f"{label}: {len(lines)} strings in {secs:.3f} s = {len(lines) / secs:.0f} per second")
    return out


def import_time(module, runs=20):
    """Best cumulative time of `import module` by `python -X importtime`
    in a fresh interpreter, in seconds."""
    best = float("inf")
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                             capture_output=True, text=True, check=True).stderr
        for line in out.splitlines():
            m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S+)$", line)
            if m and m.group(2) == module:
                best = min(best, int(m.group(1)) / 1e6)
    return best


def bench(lines, tag=""):
    cols = timed(f"annotate{tag}", rankinfo.annotate, lines)
    found = sum(1 for x in cols["level"] if x is not None)
    print(f"  ({found} with a level, {len(set(lines))} distinct)")
    del cols
    timed(f"annotate(level only){tag}", lambda t: rankinfo.annotate(t, fields=("level",)), lines)
    rows = timed(f"resolve_many{tag}", rankinfo.resolve_many, lines)
    # resolve_many pauses the cyclic collector while it makes its dicts; the
    # collector's first pass over them comes later, at the next collection.
    start = time.perf_counter()
    gc.collect()
    print(f"  (then a full gc.collect() over the rows: {time.perf_counter() - start:.3f} s)")
    blob = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
    del rows
    gc.collect()
    gc.disable()  # as resolve_many does
    start = time.perf_counter()
    rows = pickle.loads(blob)
    secs = time.perf_counter() - start
    gc.enable()
    print(f"  (pickle.loads of the same rows: {len(lines) / secs:.0f} per second)")
    del rows, blob
    gc.collect()


def main():
    bench(open(sys.argv[1], encoding="utf-8").read().splitlines())
    if len(sys.argv) > 2:
        bench(open(sys.argv[2], encoding="utf-8").read().splitlines(), " [distinct]")
    for module in ("json", "rankinfo"):
        print(f"import {module}: {import_time(module) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
