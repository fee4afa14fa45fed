#!/usr/bin/env python3
"""Throughput of the Python package on a file of titles, one per line.

Usage: python python/bench.py titles.txt
Prints "resolve_many: …" and "annotate: …" lines ("N strings in S s = R per
second"), then the import time of rankinfo beside that of json. The text is
read and split before the clock starts. scripts/bench_python.sh runs this
beside the Rust library's own rate (examples/throughput.rs) and cpca on the
same list.
"""
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


def main():
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
    cols = timed("annotate", rankinfo.annotate, lines)
    found = sum(1 for x in cols["level"] if x is not None)
    print(f"  ({found} with a level)")
    timed("annotate(level only)", lambda t: rankinfo.annotate(t, fields=("level",)), lines)
    del cols
    timed("resolve_many", rankinfo.resolve_many, lines)
    for module in ("json", "rankinfo"):
        print(f"import {module}: {import_time(module) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
