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
"""
import gc
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
    """Best wall time of `import module` in a fresh interpreter, less python -c pass."""

    def best(code):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        return min(times)

    return best(f"import {module}") - best("pass")


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
    del rows
    gc.collect()


def main():
    bench(open(sys.argv[1], encoding="utf-8").read().splitlines())
    if len(sys.argv) > 2:
        bench(open(sys.argv[2], encoding="utf-8").read().splitlines(), " [distinct]")
    for module in ("json", "rankinfo"):
        print(f"import {module}: {import_time(module) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
